//! The client's JSON reader against serde_json's: the same values for every JSON text, and the
//! same refusals, but for where the reader is as lenient as `JSON.parse` (tested in its module).
#![cfg(not(target_arch = "wasm32"))]

use loginrocket::json;
use proptest::prelude::*;
use serde_json::Value;

fn any_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        any::<String>().prop_map(Value::from),
    ];
    leaf.prop_recursive(4, 40, 5, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..5).prop_map(Value::from),
            proptest::collection::btree_map(any::<String>(), inner, 0..5)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// A body's value may nest as deep as serde_json reads a value alone: what the client's
/// decoder allowed when it read each of a body's values with serde_json.
#[test]
fn a_bodys_value_nests_as_deep_as_serde_json_reads_one() {
    for depth in [1, 126, 127, 128, 129] {
        for (open, inner, close) in [("[", "", "]"), ("{\"a\":", "1", "}")] {
            let value = format!("{}{inner}{}", open.repeat(depth), close.repeat(depth));
            let alone = serde_json::from_str::<Value>(&value).ok();
            let body = json::parse(format!("{{\"x\":{value}}}").as_bytes());
            assert_eq!(body.map(|b| b["x"].clone()), alone, "{open} x {depth}");
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn reads_every_value_back(value in any_value(), pretty in any::<bool>()) {
        let text = if pretty {
            serde_json::to_string_pretty(&value).unwrap()
        } else {
            serde_json::to_string(&value).unwrap()
        };
        prop_assert_eq!(json::parse(text.as_bytes()), Some(value));
    }

    #[test]
    fn agrees_with_serde_json_on_json_like_text(text in r#"[ \[\]{}:,"a-c0-9.eE+\-\\/ntrufls]{0,40}"#) {
        // no `d` in the alphabet: no unpaired surrogate escape, where the two differ
        let theirs = serde_json::from_str::<Value>(&text).ok();
        prop_assert_eq!(json::parse(text.as_bytes()), theirs, "{:?}", text);
    }

    #[test]
    fn agrees_with_serde_json_on_valid_text_with_one_byte_changed(
        value in any_value(), at in any::<prop::sample::Index>(), byte in any::<u8>(), remove in any::<bool>()
    ) {
        let mut text = serde_json::to_vec(&value).unwrap();
        let at = at.index(text.len());
        if remove { text.remove(at); } else { text[at] = byte; }
        let theirs = serde_json::from_slice::<Value>(&text).ok();
        prop_assert_eq!(json::parse(&text), theirs, "{:?}", String::from_utf8_lossy(&text));
    }

    #[test]
    fn never_panics_on_any_bytes(text in proptest::collection::vec(any::<u8>(), 0..256)) {
        let _ = json::parse(&text);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn writes_what_serde_json_writes(value in any_value()) {
        prop_assert_eq!(json::to_string(&value), serde_json::to_string(&value).unwrap());
    }
}
