//! The resolver against `fluent-bundle`: every Fluent feature the engine claims
//! (`fixtures/features.ftl`) in several languages' plural rules, and every message the kit
//! ships in its own locale, with integer and decimal arguments, print the same.

use std::collections::HashMap;

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
use loginrocket_ftl::plural::{self, PluralRules};
use loginrocket_ftl::{Arg, Bundle};

/// The kit's shipped catalogs: the largest real corpus the engine formats.
const SHIPPED: [(&str, PluralRules, &str); 3] = [
    (
        "en",
        plural::EN,
        include_str!("../../../locales/en/kit.ftl"),
    ),
    (
        "es",
        plural::ES,
        include_str!("../../../locales/es/kit.ftl"),
    ),
    (
        "ja",
        plural::JA,
        include_str!("../../../locales/ja/kit.ftl"),
    ),
];

const FEATURES: &str = include_str!("fixtures/features.ftl");

/// The locales the differential test runs in: where `fluent-bundle`'s plural data agrees
/// with the current CLDR on the numbers used (see the plural rules' tests for those
/// where it doesn't).
const DIFFERENTIAL: &[(&str, PluralRules)] = &[
    ("en", plural::EN),
    ("es", plural::ES),
    ("ja", plural::JA),
    ("fr", plural::FR),
    ("ru", plural::RU),
    ("pl", plural::PL),
    ("cs", plural::CS),
    ("sl", plural::SL),
    ("it", plural::IT),
];

fn bundle_of(lang: &str, source: &str) -> FluentBundle<FluentResource> {
    let mut bundle = FluentBundle::new(vec![lang
        .parse::<unic_langid::LanguageIdentifier>()
        .unwrap()]);
    bundle.set_use_isolating(false);
    bundle.add_builtins().unwrap();
    bundle
        .add_resource(FluentResource::try_new(source.to_owned()).unwrap())
        .unwrap();
    bundle
}

fn message_keys(bundle: &FluentBundle<FluentResource>, source: &str) -> Vec<String> {
    let resource = FluentResource::try_new(source.to_owned()).unwrap();
    let mut out = Vec::new();
    for entry in resource.entries() {
        if let fluent_syntax::ast::Entry::Message(m) = entry {
            let id = m.id.name;
            if m.value.is_some() {
                out.push(id.to_owned());
            }
            for a in &m.attributes {
                out.push(format!("{id}.{}", a.id.name));
            }
        }
    }
    assert!(bundle.has_message(&out[0]));
    out
}

fn theirs(bundle: &FluentBundle<FluentResource>, key: &str, args: &FluentArgs) -> String {
    let (id, attr) = key
        .split_once('.')
        .map_or((key, None), |(i, a)| (i, Some(a)));
    let message = bundle.get_message(id).unwrap();
    let pattern = match attr {
        Some(a) => message.get_attribute(a).unwrap().value(),
        None => message.value().unwrap(),
    };
    let mut errors = vec![];
    bundle
        .format_pattern(pattern, Some(args), &mut errors)
        .into_owned()
}

/// Every shipped message in its locale, and every Fluent feature the runtime claims in
/// several languages' plural rules, with integer and decimal arguments: this runtime and
/// `fluent-bundle` print the same.
#[test]
fn same_output_as_fluent_bundle() {
    let numbers: [f64; 19] = [
        0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 11.0, 12.0, 21.0, 22.0, 23.0, 100.0, 101.0, 111.0, 0.5,
        1.5, 2.25, 1234.0,
    ];
    let mut cases: Vec<(String, PluralRules, &str)> = SHIPPED
        .iter()
        .map(|(lang, rules, src)| ((*lang).to_owned(), *rules, *src))
        .collect();
    for (lang, rules) in DIFFERENTIAL {
        cases.push(((*lang).to_owned(), *rules, FEATURES));
    }
    let mut compared = 0;
    for (lang, rules, source) in cases {
        let (entries, problems) = loginrocket_ftl::parse(source);
        assert!(problems.is_empty(), "{lang}: {problems:?}");
        let entries: HashMap<String, _> = entries.into_iter().collect();
        let plurals = rules.parse().unwrap();
        assert!(loginrocket_ftl::check(&entries, plurals.has_ordinal()).is_empty());
        let ours = Bundle {
            entries: &entries,
            plurals: &plurals,
        };
        let bundle = bundle_of(&lang, source);
        for key in message_keys(&bundle, source) {
            for n in numbers {
                // ordinals are for whole numbers (`fluent-bundle` reads 1.5 as 1)
                if key == "ordinal" && n.fract() != 0.0 {
                    continue;
                }
                for field in ["Campo", "x"] {
                    let mut args = FluentArgs::new();
                    args.set("seconds", FluentValue::from(n));
                    args.set("field", FluentValue::from(field));
                    let mine = ours
                        .format(&key, &[("seconds", Arg::from(n)), ("field", field.into())])
                        .unwrap();
                    assert_eq!(mine, theirs(&bundle, &key, &args), "{lang} {key} n={n}");
                    compared += 1;
                }
            }
        }
        // without arguments, missing variables print as Fluent prints them
        for key in message_keys(&bundle, source) {
            assert_eq!(
                ours.format(&key, &[]).unwrap(),
                theirs(&bundle, &key, &FluentArgs::new()),
                "{lang} {key} without arguments"
            );
        }
    }
    assert!(compared > 5_000, "{compared}");
}
