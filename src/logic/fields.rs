//! Which field a server message belongs to: the fields the kit knows ([`FieldId`]) and the
//! attribution of the server's messages to them ([`attribute`]), in every locale.

use serde_json::Value;

/// A form field the kit knows: its API name and the key of its label.
///
/// ```
/// use leptos_loginrocket::hooks::FieldId;
///
/// assert_eq!(FieldId::Email.api_name(), "email");
/// assert_eq!(FieldId::Email.label_key(), "field-email");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum FieldId {
    /// `email` (also a username at sign-in)
    Email,
    /// `password`
    Password,
    /// `password_confirmation`
    PasswordConfirmation,
    /// `current_password`
    CurrentPassword,
    /// `first_name`
    FirstName,
    /// `last_name`
    LastName,
    /// `username`
    Username,
    /// `org_name`
    OrgName,
    /// `token` (an invitation)
    Token,
    /// `code` (a 2FA code)
    Code,
}

impl FieldId {
    /// Every field.
    pub const ALL: [FieldId; 10] = [
        FieldId::Email,
        FieldId::Password,
        FieldId::PasswordConfirmation,
        FieldId::CurrentPassword,
        FieldId::FirstName,
        FieldId::LastName,
        FieldId::Username,
        FieldId::OrgName,
        FieldId::Token,
        FieldId::Code,
    ];

    /// The API's name for the field (also the input's `name`).
    pub fn api_name(self) -> &'static str {
        match self {
            FieldId::Email => "email",
            FieldId::Password => "password",
            FieldId::PasswordConfirmation => "password_confirmation",
            FieldId::CurrentPassword => "current_password",
            FieldId::FirstName => "first_name",
            FieldId::LastName => "last_name",
            FieldId::Username => "username",
            FieldId::OrgName => "org_name",
            FieldId::Token => "token",
            FieldId::Code => "code",
        }
    }

    /// The Fluent key of the field's display name (its label, and the name the server's
    /// messages start with).
    pub fn label_key(self) -> &'static str {
        match self {
            FieldId::Email => "field-email",
            FieldId::Password => "field-password",
            FieldId::PasswordConfirmation => "field-password-confirmation",
            FieldId::CurrentPassword => "field-current-password",
            FieldId::FirstName => "field-first-name",
            FieldId::LastName => "field-last-name",
            FieldId::Username => "field-username",
            FieldId::OrgName => "field-org-name",
            FieldId::Token => "field-token",
            FieldId::Code => "field-code",
        }
    }

    fn from_api_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.api_name() == name)
    }
}

/// Server messages split into the ones that belong to a field and the rest.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Attributed {
    /// `(field, message)`, in the server's order.
    pub fields: Vec<(FieldId, String)>,
    /// Messages that name no field of the form.
    pub form: Vec<String>,
}

/// **\[ours]**: the key a future payload may use for a field-keyed map of messages
/// (`{"field_errors": {"email": ["…"]}}`); when present it is preferred to matching names.
pub const FIELD_MAP_KEY: &str = "field_errors";

/// Attributes each message to the field whose display name it starts with, longest name first
/// (so `Password confirmation …` is not taken for `Password …`). A Latin name must be followed
/// by a non-alphanumeric character (`Email is…`, not `Emails…`); names in scripts without word
/// spaces (Japanese: `パスワードは…`) match as prefixes.
///
/// `fields` are the form's fields with their display names in the current locale.
pub fn attribute(
    messages: &[String],
    fields: &[(FieldId, String)],
    extra: Option<&serde_json::Map<String, Value>>,
) -> Attributed {
    if let Some(map) = extra
        .and_then(|e| e.get(FIELD_MAP_KEY))
        .and_then(Value::as_object)
    {
        return attribute_map(map, fields);
    }
    let mut out = Attributed::default();
    for message in messages {
        let trimmed = message.trim_start();
        let starts_with = |name: &str| {
            let Some(rest) = strip_prefix_ci(trimmed, name) else {
                return false;
            };
            let ends_latin = name
                .chars()
                .last()
                .is_some_and(|c| c.is_ascii_alphanumeric());
            !name.is_empty()
                && (!ends_latin || !rest.chars().next().is_some_and(char::is_alphanumeric))
        };
        // the longest name that matches; of equal ones, the first field (no sort: a sort
        // is 1 kB of wasm for a handful of fields)
        let field = fields
            .iter()
            .filter(|(_, name)| starts_with(name))
            .min_by_key(|(_, name)| std::cmp::Reverse(name.chars().count()));
        match field {
            Some((id, _)) => out.fields.push((*id, message.clone())),
            None => out.form.push(message.clone()),
        }
    }
    out
}

fn strip_prefix_ci<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &text[prefix.len()..])
}

fn attribute_map(map: &serde_json::Map<String, Value>, fields: &[(FieldId, String)]) -> Attributed {
    let mut out = Attributed::default();
    for (key, value) in map {
        let texts: Vec<String> = match value {
            Value::String(s) => vec![s.clone()],
            Value::Array(items) => items
                .iter()
                .filter_map(|v| v.as_str().map(str::to_owned))
                .collect(),
            _ => continue,
        };
        let field = FieldId::from_api_name(key).filter(|f| fields.iter().any(|(id, _)| id == f));
        for text in texts {
            match field {
                Some(f) => out.fields.push((f, text)),
                None => out.form.push(text),
            }
        }
    }
    out
}

/// The display names of the fields, as the shipped catalogs name them: what the tests
/// attribute by.
#[cfg(test)]
pub(crate) fn names(locale: &str) -> Vec<(FieldId, String)> {
    let table: &[(FieldId, &str, &str, &str)] = &[
        (
            FieldId::Email,
            "Email",
            "Correo electrónico",
            "メールアドレス",
        ),
        (FieldId::Password, "Password", "Contraseña", "パスワード"),
        (
            FieldId::PasswordConfirmation,
            "Password confirmation",
            "Confirmación de contraseña",
            "パスワード（確認）",
        ),
        (
            FieldId::CurrentPassword,
            "Current password",
            "Contraseña actual",
            "現在のパスワード",
        ),
        (FieldId::FirstName, "First name", "Nombre", "名"),
        (
            FieldId::OrgName,
            "Organization name",
            "Nombre de la organización",
            "組織名",
        ),
    ];
    table
        .iter()
        .map(|(id, en, es, ja)| {
            (
                *id,
                match locale {
                    "es" => *es,
                    "ja" => *ja,
                    _ => *en,
                }
                .to_owned(),
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn attr(messages: &[&str], locale: &str) -> Attributed {
        let messages: Vec<String> = messages.iter().map(|s| s.to_string()).collect();
        attribute(&messages, &names(locale), None)
    }

    #[test]
    fn longest_name_first() {
        let a = attr(
            &[
                "Password confirmation doesn't match Password",
                "Password is too short (minimum is 8 characters)",
            ],
            "en",
        );
        assert_eq!(
            a.fields,
            vec![
                (
                    FieldId::PasswordConfirmation,
                    "Password confirmation doesn't match Password".into()
                ),
                (
                    FieldId::Password,
                    "Password is too short (minimum is 8 characters)".into()
                ),
            ]
        );
        assert!(a.form.is_empty());
    }

    #[test]
    fn spanish_and_japanese_names() {
        let a = attr(
            &[
                "Confirmación de contraseña no coincide con Contraseña",
                "Contraseña es demasiado corto",
                "Correo electrónico no es válido",
            ],
            "es",
        );
        assert_eq!(
            a.fields.iter().map(|f| f.0).collect::<Vec<_>>(),
            vec![
                FieldId::PasswordConfirmation,
                FieldId::Password,
                FieldId::Email
            ]
        );
        let a = attr(
            &[
                "パスワード（確認）とパスワードの入力が一致しません",
                "パスワードは8文字以上で入力してください",
                "現在のパスワードが一致しません",
            ],
            "ja",
        );
        assert_eq!(
            a.fields.iter().map(|f| f.0).collect::<Vec<_>>(),
            vec![
                FieldId::PasswordConfirmation,
                FieldId::Password,
                FieldId::CurrentPassword
            ]
        );
    }

    #[test]
    fn unmatched_and_word_boundaries_go_to_the_form() {
        let a = attr(
            &[
                "Login failed",
                "Emails are disabled",
                "Nombre de usuario ya está en uso",
                "  Email is invalid",
            ],
            "en",
        );
        assert_eq!(
            a.fields,
            vec![(FieldId::Email, "  Email is invalid".into())]
        );
        assert_eq!(
            a.form,
            vec![
                "Login failed",
                "Emails are disabled",
                "Nombre de usuario ya está en uso"
            ]
        );
        // case-insensitive start
        assert_eq!(attr(&["email is invalid"], "en").fields.len(), 1);
        // a field the form does not show is not matched
        let only_email = vec![(FieldId::Email, "Email".to_owned())];
        let a = attribute(&["Password is too short".to_owned()], &only_email, None);
        assert_eq!(a.form, vec!["Password is too short"]);
        // "Nombre" must not capture "Nombre de la organización …" (longest first)
        let a = attr(
            &[
                "Nombre de la organización no puede estar en blanco",
                "Nombre no puede estar en blanco",
            ],
            "es",
        );
        assert_eq!(
            a.fields.iter().map(|f| f.0).collect::<Vec<_>>(),
            vec![FieldId::OrgName, FieldId::FirstName]
        );
    }

    #[test]
    fn a_field_keyed_map_takes_precedence() {
        let extra = json!({"field_errors": {"email": ["is taken"], "password": "too short", "nope": ["x"], "code": ["y"]}});
        let a = attribute(&["Email whatever".into()], &names("en"), extra.as_object());
        assert_eq!(
            a.fields,
            vec![
                (FieldId::Email, "is taken".into()),
                (FieldId::Password, "too short".into())
            ]
        );
        assert_eq!(
            a.form,
            vec!["y", "x"],
            "code is not a field of this form; nope is no field"
        );
    }
}
