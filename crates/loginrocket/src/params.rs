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
    };
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
