//! The emulator's message catalogs (`en`, `es`, `fr`, `ja`), Rails-style: every field message starts
//! with the field's display name, so a client can attribute it to the field.
//!
//! The field display names here are the ones the kit matches on; keep them in step with the
//! kit's locale files.

/// The locales the emulator speaks.
pub const LOCALES: [&str; 4] = ["en", "es", "fr", "ja"];

/// Picks the first supported language from an `Accept-Language` header (by `q`, then order),
/// else the user's saved locale, else the realm default, else `en`.
pub fn negotiate(accept_language: Option<&str>, user: Option<&str>, realm: &str) -> &'static str {
    let asked = loginrocket::language::preferred(accept_language.unwrap_or_default());
    if let Some(found) = asked.into_iter().find_map(supported) {
        return found;
    }
    user.and_then(supported)
        .or_else(|| supported(realm))
        .unwrap_or("en")
}

fn supported(tag: &str) -> Option<&'static str> {
    let primary = tag.split(['-', '_']).next()?.to_ascii_lowercase();
    LOCALES.iter().copied().find(|l| *l == primary)
}

/// A form field, by its API name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    /// `email`
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
    /// `code`
    Code,
    /// `token` (an invitation token)
    Token,
    /// `account`
    Account,
}

impl Field {
    /// The display name in `locale`.
    pub fn name(self, locale: &str) -> &'static str {
        use Field::*;
        match (locale, self) {
            ("es", Email) => "Correo electrónico",
            ("es", Password) => "Contraseña",
            ("es", PasswordConfirmation) => "Confirmación de contraseña",
            ("es", CurrentPassword) => "Contraseña actual",
            ("es", FirstName) => "Nombre",
            ("es", LastName) => "Apellido",
            ("es", Username) => "Nombre de usuario",
            ("es", OrgName) => "Nombre de la organización",
            ("es", Code) => "Código",
            ("es", Token) => "Invitación",
            ("es", Account) => "Cuenta",
            ("fr", Email) => "E-mail",
            ("fr", Password) => "Mot de passe",
            ("fr", PasswordConfirmation) => "Confirmation du mot de passe",
            ("fr", CurrentPassword) => "Mot de passe actuel",
            ("fr", FirstName) => "Prénom",
            ("fr", LastName) => "Nom",
            ("fr", Username) => "Nom d'utilisateur",
            ("fr", OrgName) => "Nom de l'organisation",
            ("fr", Code) => "Code",
            ("fr", Token) => "Invitation",
            ("fr", Account) => "Compte",
            ("ja", Email) => "メールアドレス",
            ("ja", Password) => "パスワード",
            ("ja", PasswordConfirmation) => "パスワード（確認）",
            ("ja", CurrentPassword) => "現在のパスワード",
            ("ja", FirstName) => "名",
            ("ja", LastName) => "姓",
            ("ja", Username) => "ユーザー名",
            ("ja", OrgName) => "組織名",
            ("ja", Code) => "コード",
            ("ja", Token) => "招待",
            ("ja", Account) => "アカウント",
            (_, Email) => "Email",
            (_, Password) => "Password",
            (_, PasswordConfirmation) => "Password confirmation",
            (_, CurrentPassword) => "Current password",
            (_, FirstName) => "First name",
            (_, LastName) => "Last name",
            (_, Username) => "Username",
            (_, OrgName) => "Organization name",
            (_, Code) => "Code",
            (_, Token) => "Invitation",
            (_, Account) => "Account",
        }
    }
}

/// A message the emulator can send.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Msg {
    /// A control-API user's TOTP secret is not base32 of at least 80 bits (English only).
    BadTotpSecret,
    /// `{field} is invalid`
    Invalid(Field),
    /// `{field} can't be blank`
    Blank(Field),
    /// `{field} is too short (minimum is {n} characters)`
    TooShort(Field, usize),
    /// `Password confirmation doesn't match Password`
    ConfirmationMismatch,
    /// `{field} has already been taken`
    Taken(Field),
    /// `Current password does not match`
    CurrentPasswordMismatch,
    /// `Login failed`: any login failure, whatever was wrong (no enumeration).
    LoginFailed,
    /// A per-user lockout after repeated wrong passwords (a 422, as AuthRocket v2 does).
    LockedOut,
    /// Signup is closed in this realm.
    SignupClosed,
    /// Invitations cannot be requested in this realm.
    InvitationsClosed,
    /// Unknown route.
    NotFound,
    /// A body that is not JSON (or a form).
    BadRequest,
}

impl Msg {
    /// The message in `locale`.
    pub fn text(self, locale: &str) -> String {
        use Msg::*;
        match (locale, self) {
            ("es", Invalid(f)) => format!("{} no es válido", f.name("es")),
            ("es", Blank(f)) => format!("{} no puede estar en blanco", f.name("es")),
            ("es", TooShort(f, n)) => format!(
                "{} es demasiado corto (el mínimo es {n} caracteres)",
                f.name("es")
            ),
            ("es", ConfirmationMismatch) => {
                "Confirmación de contraseña no coincide con Contraseña".into()
            }
            ("es", Taken(f)) => format!("{} ya está en uso", f.name("es")),
            ("es", CurrentPasswordMismatch) => "Contraseña actual no coincide".into(),
            ("es", LoginFailed) => "Error al iniciar sesión".into(),
            ("es", LockedOut) => {
                "Demasiados intentos fallidos; espere unos minutos e inténtelo de nuevo".into()
            }
            ("es", SignupClosed) => "El registro no está disponible".into(),
            ("es", InvitationsClosed) => "No se aceptan solicitudes de invitación".into(),
            ("es", NotFound) => "No encontrado".into(),
            ("es", BadRequest) => "Solicitud no válida".into(),
            ("fr", Invalid(f)) => format!("{} n'est pas valide", f.name("fr")),
            ("fr", Blank(f)) => format!("{} doit être rempli(e)", f.name("fr")),
            ("fr", TooShort(f, n)) => {
                format!("{} est trop court (au moins {n} caractères)", f.name("fr"))
            }
            ("fr", ConfirmationMismatch) => {
                "Confirmation du mot de passe ne concorde pas avec Mot de passe".into()
            }
            ("fr", Taken(f)) => format!("{} n'est pas disponible", f.name("fr")),
            ("fr", CurrentPasswordMismatch) => "Mot de passe actuel ne correspond pas".into(),
            ("fr", LoginFailed) => "Échec de la connexion".into(),
            ("fr", LockedOut) => {
                "Trop d'échecs de connexion ; patientez quelques minutes et réessayez".into()
            }
            ("fr", SignupClosed) => "L'inscription n'est pas ouverte".into(),
            ("fr", InvitationsClosed) => "Les demandes d'invitation ne sont pas acceptées".into(),
            ("fr", NotFound) => "Introuvable".into(),
            ("fr", BadRequest) => "Requête invalide".into(),
            ("ja", Invalid(f)) => format!("{}は不正な値です", f.name("ja")),
            ("ja", Blank(f)) => format!("{}を入力してください", f.name("ja")),
            ("ja", TooShort(f, n)) => format!("{}は{n}文字以上で入力してください", f.name("ja")),
            ("ja", ConfirmationMismatch) => {
                "パスワード（確認）とパスワードの入力が一致しません".into()
            }
            ("ja", Taken(f)) => format!("{}はすでに存在します", f.name("ja")),
            ("ja", CurrentPasswordMismatch) => "現在のパスワードが一致しません".into(),
            ("ja", LoginFailed) => "ログインに失敗しました".into(),
            ("ja", LockedOut) => {
                "ログインの失敗が多すぎます。しばらくしてから再度お試しください".into()
            }
            ("ja", SignupClosed) => "新規登録は受け付けていません".into(),
            ("ja", InvitationsClosed) => "招待のリクエストは受け付けていません".into(),
            ("ja", NotFound) => "見つかりません".into(),
            ("ja", BadRequest) => "不正なリクエストです".into(),
            (_, Invalid(f)) => format!("{} is invalid", f.name("en")),
            (_, Blank(f)) => format!("{} can't be blank", f.name("en")),
            (_, TooShort(f, n)) => {
                format!("{} is too short (minimum is {n} characters)", f.name("en"))
            }
            (_, ConfirmationMismatch) => "Password confirmation doesn't match Password".into(),
            (_, Taken(f)) => format!("{} has already been taken", f.name("en")),
            (_, CurrentPasswordMismatch) => "Current password does not match".into(),
            (_, LoginFailed) => "Login failed".into(),
            (_, LockedOut) => {
                "Too many failed login attempts; wait a few minutes and try again".into()
            }
            (_, SignupClosed) => "Signup is not available".into(),
            (_, InvitationsClosed) => "Invitation requests are not accepted".into(),
            (_, NotFound) => "Not found".into(),
            (_, BadRequest) => "Invalid request".into(),
            (_, BadTotpSecret) => {
                "TOTP secret must be base32 of at least 80 bits (16 characters)".into()
            }
        }
    }
}

/// Joins messages into the single `error` string: sentences, in the locale's punctuation.
pub fn join(messages: &[String], locale: &str) -> String {
    if locale == "ja" {
        messages.join("。")
    } else {
        messages.join(". ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn negotiation_prefers_header_then_user_then_realm() {
        assert_eq!(negotiate(Some("es"), Some("ja"), "en"), "es");
        assert_eq!(negotiate(Some("es-MX,en;q=0.5"), None, "en"), "es");
        assert_eq!(negotiate(Some("de, ja;q=0.8, es;q=0.9"), None, "en"), "es");
        assert_eq!(negotiate(Some("de"), Some("ja"), "es"), "ja");
        assert_eq!(negotiate(Some("fr-CA, en;q=0.5"), None, "en"), "fr");
        assert_eq!(negotiate(Some("es;q=0"), None, "ja"), "ja");
        assert_eq!(negotiate(None, None, "es"), "es");
        assert_eq!(negotiate(Some("garbage;;;q=x"), None, "xx"), "en");
        assert_eq!(negotiate(Some("JA-jp"), None, "en"), "ja");
    }

    #[test]
    fn messages_start_with_the_field_name_in_every_locale() {
        let fields = [
            Field::Email,
            Field::Password,
            Field::PasswordConfirmation,
            Field::OrgName,
        ];
        for locale in LOCALES {
            for f in fields {
                for m in [
                    Msg::Invalid(f),
                    Msg::Blank(f),
                    Msg::TooShort(f, 8),
                    Msg::Taken(f),
                ] {
                    assert!(m.text(locale).starts_with(f.name(locale)), "{locale} {m:?}");
                }
            }
            let conf = Msg::ConfirmationMismatch.text(locale);
            assert!(
                conf.starts_with(Field::PasswordConfirmation.name(locale)),
                "{conf}"
            );
            let cur = Msg::CurrentPasswordMismatch.text(locale);
            assert!(
                cur.starts_with(Field::CurrentPassword.name(locale)),
                "{cur}"
            );
        }
        assert_eq!(
            Msg::TooShort(Field::Password, 8).text("en"),
            "Password is too short (minimum is 8 characters)"
        );
    }
}
