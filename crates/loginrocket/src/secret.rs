//! Values that must never reach logs, `Debug` output or error messages.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::{Map, Value};

/// A secret string: a password, a 2FA code, an emailed token, a session id or a JWT.
///
/// `Debug` prints `***`; there is no `Display`. The value travels on the wire as a plain
/// JSON string (it serializes and deserializes transparently), and [`Secret::expose`] is the
/// one explicit way to read it.
///
/// ```
/// use loginrocket::Secret;
///
/// let code = Secret::from("123456");
/// assert_eq!(format!("{code:?}"), "***");
/// assert_eq!(code.expose(), "123456");
/// // on the wire, a plain string
/// assert_eq!(serde_json::to_string(&code).unwrap(), "\"123456\"");
/// ```
#[derive(Clone, Default, PartialEq, Eq, Hash)]
pub struct Secret(String);

impl Secret {
    /// Wraps a value.
    pub fn new(value: impl Into<String>) -> Self {
        Self(value.into())
    }

    /// The secret value. Name the reason at the call site: every use is a place to review.
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// Whether the value is empty.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("***")
    }
}

impl From<String> for Secret {
    fn from(value: String) -> Self {
        Self(value)
    }
}

impl From<&str> for Secret {
    fn from(value: &str) -> Self {
        Self(value.to_owned())
    }
}

impl Serialize for Secret {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Secret {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(Self)
    }
}

/// Keys this version of the crate does not know, kept as they came (forward compatibility).
///
/// Params structs send them along (loginrocket.js forwards any params); responses keep them so
/// that serializing a [`Response`](crate::Response) gives back every key the server sent.
/// `Debug` lists the keys only, never the values, which may be secrets.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Extra(pub Map<String, Value>);

impl Extra {
    /// An empty set of extra keys.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a key (builder style).
    pub fn with(mut self, key: impl Into<String>, value: impl Into<Value>) -> Self {
        self.0.insert(key.into(), value.into());
        self
    }
}

impl std::ops::Deref for Extra {
    type Target = Map<String, Value>;
    fn deref(&self) -> &Self::Target {
        &self.0
    }
}

impl std::ops::DerefMut for Extra {
    fn deref_mut(&mut self) -> &mut Self::Target {
        &mut self.0
    }
}

impl From<Map<String, Value>> for Extra {
    fn from(map: Map<String, Value>) -> Self {
        Self(map)
    }
}

impl fmt::Debug for Extra {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_set().entries(self.0.keys()).finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secret_debug_is_redacted_but_serializes_plainly() {
        let s = Secret::from("hunter2");
        assert_eq!(format!("{s:?}"), "***");
        assert_eq!(format!("{:?}", Some(s.clone())), "Some(***)");
        assert_eq!(serde_json::to_string(&s).unwrap(), "\"hunter2\"");
        let back: Secret = serde_json::from_str("\"hunter2\"").unwrap();
        assert_eq!(back, s);
        assert_eq!(back.expose(), "hunter2");
    }

    #[test]
    fn extra_debug_lists_keys_only() {
        let e = Extra::new().with("refresh_token", "sekrit").with("n", 1);
        let dbg = format!("{e:?}");
        assert!(dbg.contains("refresh_token"), "{dbg}");
        assert!(!dbg.contains("sekrit"), "{dbg}");
    }
}
