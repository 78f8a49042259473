//! Typed params, one struct per call, named after it.
//!
//! Every struct derives `Serialize` and `Deserialize`, leaves unset optional fields out of the
//! request, and sends the keys in `extra` as they are (loginrocket.js forwards any params, so an
//! app can send fields this version does not know). Secrets are [`Secret`]s: `Debug` shows `***`.
//!
//! Decoding params from JSON (say, in a backend that forwards a browser's request) is lenient:
//! a missing field, required ones included, takes its default — an empty string for `email`,
//! `password`, `session`, `token` and the like. Check required fields before sending such
//! params; LoginRocket answers an empty one with a 422 validation error.
//!
//! ```
//! use loginrocket::LoginParams;
//! let p: LoginParams = serde_json::from_str(r#"{"email":"ann@example.com"}"#).unwrap();
//! assert_eq!(p.password.expose(), "", "missing, so empty: check before sending");
//! ```

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::secret::{Extra, Secret};

macro_rules! params {
    (
        $(#[$meta:meta])*
        $name:ident {
            $( $(#[$fmeta:meta])* $field:ident : $ty:ty ),* $(,)?
        }
        new($($req:ident : $rty:ty),*)
    ) => {
        $(#[$meta])*
        #[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
        #[serde(default)]
        pub struct $name {
            $( $(#[$fmeta])* pub $field: $ty, )*
            /// Keys this version does not know, sent as they are.
            #[serde(flatten)]
            pub extra: Extra,
        }

        impl $name {
            /// The params with their required fields; optional ones unset.
            pub fn new($($req: impl Into<$rty>),*) -> Self {
                Self { $($req: $req.into(),)* ..Self::default() }
            }
        }

        impl ToJson for $name {
            fn to_json(&self) -> Value {
                let mut map = Map::new();
                $( self.$field.put(stringify!($field), &mut map); )*
                map.extend(self.extra.0.iter().map(|(k, v)| (k.clone(), v.clone())));
                Value::Object(map)
            }
        }
    };
}

/// Params as the JSON object `Serialize` makes of them (fields, unset options left out, then
/// `extra`), built without serde's serializer: the eleven calls send through this, so an app
/// that calls no endpoint of its own links no serde serializer (wasm size).
pub(crate) trait ToJson {
    /// The params as a JSON object.
    fn to_json(&self) -> Value;
}

/// A field's value, put into the params' object under its name (or left out).
trait Put {
    fn put(&self, name: &str, map: &mut Map<String, Value>);
}

impl Put for String {
    fn put(&self, name: &str, map: &mut Map<String, Value>) {
        map.insert(name.to_owned(), Value::String(self.clone()));
    }
}

impl Put for Secret {
    fn put(&self, name: &str, map: &mut Map<String, Value>) {
        map.insert(name.to_owned(), Value::String(self.expose().to_owned()));
    }
}

impl<T: Put> Put for Option<T> {
    fn put(&self, name: &str, map: &mut Map<String, Value>) {
        if let Some(value) = self {
            value.put(name, map);
        }
    }
}

params! {
    /// `POST login`.
    LoginParams {
        /// The email, a username, or a `usr_` id; case-insensitive.
        email: String,
        /// The password.
        password: Secret,
    }
    new(email: String, password: Secret)
}

params! {
    /// `POST login/verify`: the second step of a `must_verify_login` condition.
    /// **\[ours\]**: the real fields are undocumented; `session` + `code` is our decision.
    VerifyLoginParams {
        /// The session of the `conditional_login`.
        session: Secret,
        /// The one-time code (digits, leading zeros kept).
        code: Secret,
    }
    new(session: Secret, code: Secret)
}

params! {
    /// `DELETE session` (params in the query string).
    LogoutParams {
        /// The session to end.
        session: Secret,
    }
    new(session: Secret)
}

params! {
    /// `GET session` (params in the query string).
    GetSessionParams {
        /// The session.
        session: Secret,
        /// The account (`org_…`) to select.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        account: Option<String>,
    }
    new(session: Secret)
}

params! {
    /// `POST password/forgot`.
    ForgotPasswordParams {
        /// The email (or username).
        email: String,
    }
    new(email: String)
}

params! {
    /// `POST password/reset`.
    ResetPasswordParams {
        /// The emailed token (`tpw:…`).
        token: Secret,
        /// The new password.
        password: Secret,
        /// The new password again; checked by the server when sent.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        password_confirmation: Option<Secret>,
    }
    new(token: Secret, password: Secret)
}

params! {
    /// `POST profile/password`.
    UpdatePasswordParams {
        /// The session.
        session: Secret,
        /// The current password.
        current_password: Secret,
        /// The new password.
        password: Secret,
        /// The new password again; checked by the server when sent.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        password_confirmation: Option<Secret>,
    }
    new(session: Secret, current_password: Secret, password: Secret)
}

params! {
    /// `PUT profile`: only the fields that are set are sent.
    UpdateProfileParams {
        /// The session.
        session: Secret,
        /// A new email.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        email: Option<String>,
        /// A new first name.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        first_name: Option<String>,
        /// A new last name.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        last_name: Option<String>,
        /// A new username.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        username: Option<String>,
        /// The org name, when completing a profile (`must_complete_profile`). **\[ours\]**.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        org_name: Option<String>,
    }
    new(session: Secret)
}

params! {
    /// `POST signup/request`: ask for an invitation.
    RequestInvitationParams {
        /// The email.
        email: String,
    }
    new(email: String)
}

params! {
    /// `POST signup`. Fields beyond `email` and `password` are **\[ours\]** (undocumented).
    SignupParams {
        /// The email.
        email: String,
        /// The password.
        password: Secret,
        /// The password again; checked by the server when sent.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        password_confirmation: Option<Secret>,
        /// First name.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        first_name: Option<String>,
        /// Last name.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        last_name: Option<String>,
        /// Username.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        username: Option<String>,
        /// Organization name.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        org_name: Option<String>,
        /// An invitation token.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        token: Option<Secret>,
    }
    new(email: String, password: Secret)
}

params! {
    /// `POST email/verify`.
    VerifyEmailParams {
        /// The emailed token (`tve:…`).
        token: Secret,
    }
    new(token: Secret)
}

/// A 2FA code as typed or pasted, for [`VerifyLoginParams`]: `123 456` and `123-456` become
/// `123456` (leading zeros kept); anything with other characters is sent trimmed, as typed,
/// for the server to judge. The kit's two-factor form and the backend's form posts send it so.
///
/// ```
/// use loginrocket::normalize_code;
///
/// assert_eq!(normalize_code(" 012-345 "), "012345");
/// assert_eq!(normalize_code("12a456"), "12a456");
/// ```
pub fn normalize_code(raw: &str) -> String {
    let trimmed = raw.trim();
    if trimmed
        .chars()
        .all(|c| c.is_ascii_digit() || c == ' ' || c == '-' || c == '\u{a0}')
    {
        trimmed.chars().filter(char::is_ascii_digit).collect()
    } else {
        trimmed.to_owned()
    }
}

#[cfg(test)]
mod code_tests {
    use super::normalize_code;

    #[test]
    fn codes_are_normalized_once_with_leading_zeros() {
        assert_eq!(normalize_code("123456"), "123456");
        assert_eq!(normalize_code("123 456"), "123456");
        assert_eq!(normalize_code("123-456"), "123456");
        assert_eq!(normalize_code(" 012 345 "), "012345");
        assert_eq!(normalize_code("000000"), "000000");
        assert_eq!(normalize_code("12a456"), "12a456");
        assert_eq!(normalize_code(""), "");
    }
}

#[cfg(test)]
mod to_json_tests {
    use super::*;

    /// `to_json` is what `Serialize` makes, field for field, for each call's params, with
    /// every optional field set and unset and extra keys (one of them a field's name).
    #[test]
    fn the_params_object_is_what_serde_makes_of_them() {
        fn same<P: Serialize + ToJson>(params: &P) {
            let serde = serde_json::to_value(params).unwrap();
            assert_eq!(params.to_json(), serde);
            assert_eq!(
                crate::json::to_string(&params.to_json()),
                crate::json::to_string(&serde)
            );
        }
        let extra = Extra::new()
            .with("locale", "es")
            .with("nested", serde_json::json!({"a": [1, null, "x"]}))
            .with("email", "from extra");
        let s = |v: &str| Some(v.to_owned());
        let secret = |v: &str| Some(Secret::from(v));
        same(&LoginParams::new("ann@example.com", "pw"));
        same(&LoginParams {
            extra: extra.clone(),
            ..LoginParams::new("a", "b")
        });
        same(&VerifyLoginParams::new("kss_1", "012345"));
        same(&LogoutParams::new("kss_1"));
        same(&GetSessionParams::new("kss_1"));
        same(&GetSessionParams {
            account: s("org_1"),
            ..GetSessionParams::new("kss_1")
        });
        same(&ForgotPasswordParams::new("ann@example.com"));
        same(&ResetPasswordParams::new("tpw:1", "pw"));
        same(&ResetPasswordParams {
            password_confirmation: secret("pw"),
            ..ResetPasswordParams::new("tpw:1", "pw")
        });
        same(&UpdatePasswordParams::new("kss_1", "old", "new"));
        same(&UpdatePasswordParams {
            password_confirmation: secret("new"),
            ..UpdatePasswordParams::new("kss_1", "old", "new")
        });
        same(&UpdateProfileParams::new("kss_1"));
        same(&UpdateProfileParams {
            email: s("e"),
            first_name: s("f"),
            last_name: s("l"),
            username: s("u"),
            org_name: s("o"),
            extra: extra.clone(),
            ..UpdateProfileParams::new("kss_1")
        });
        same(&RequestInvitationParams::new("ann@example.com"));
        same(&SignupParams::new("ann@example.com", "pw"));
        same(&SignupParams {
            password_confirmation: secret("pw"),
            first_name: s("f"),
            last_name: s("l"),
            username: s("u"),
            org_name: s("o"),
            token: secret("tin:1"),
            extra,
            ..SignupParams::new("ann@example.com", "pw")
        });
        same(&VerifyEmailParams::new("tve:1"));
    }
}
