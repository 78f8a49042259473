//! Seed files (TOML) and realm settings. The same names are used by `PUT /_emulator/realm`
//! and `POST /_emulator/users` (as JSON).

use serde::{Deserialize, Serialize};

/// The built-in demo seed, used when no `--seed` is given.
pub const DEMO_SEED: &str = include_str!("../seed/demo.toml");

/// A whole seed file.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Seed {
    /// Realm settings.
    pub realm: Realm,
    /// Origins the control API (`/_emulator/`) answers CORS for: each named exactly, never
    /// `*` (a page from any other origin must not read 2FA codes or emailed tokens).
    /// `--control-origin` adds to it.
    pub control_origins: Vec<String>,
    /// Users, created in order.
    pub users: Vec<UserSeed>,
}

impl Seed {
    /// Parses a TOML seed.
    pub fn from_toml(text: &str) -> Result<Self, String> {
        toml::from_str(text).map_err(|e| e.to_string())
    }

    /// The built-in demo seed.
    pub fn demo() -> Self {
        // The demo seed is part of this crate and tested; an error here is a build defect.
        Self::from_toml(DEMO_SEED).unwrap_or_default()
    }
}

/// `single_user` (each user works in one account at a time, the first by default) or
/// `multi_user` (users in several accounts must pick one: `no_account_selected`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OrgMode {
    /// One account per session, chosen automatically.
    #[default]
    SingleUser,
    /// A user in several accounts must choose.
    MultiUser,
}

/// Who may sign up.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SignupMode {
    /// Anyone.
    #[default]
    Open,
    /// Only with an invitation token (request one with `POST signup/request`).
    Invitation,
    /// Nobody.
    Closed,
}

/// Whether a field is asked for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FieldMode {
    /// Must be filled in.
    Required,
    /// May be filled in.
    #[default]
    Optional,
    /// Not asked for; ignored when sent.
    Hidden,
}

/// Realm settings.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Realm {
    /// Display name.
    pub name: String,
    /// Account mode.
    pub org_mode: OrgMode,
    /// Signup mode.
    pub signup: SignupMode,
    /// First and last name at signup.
    pub name_field: FieldMode,
    /// Organization name at signup; `required` also makes users without an account
    /// `must_complete_profile`.
    pub org_name_field: FieldMode,
    /// Minimum password length.
    pub password_min_length: usize,
    /// Locale when neither `Accept-Language` nor the user's saved locale decides.
    pub default_locale: String,
    /// How long a session lives.
    pub session_ttl_secs: u64,
    /// How long an emailed token (reset, verification, invitation) stays valid.
    pub token_ttl_secs: u64,
    /// How long a JWT is valid (`exp - iat`).
    pub jwt_ttl_secs: u64,
    /// Requests per window per client address on `login`, `signup`, `password/forgot` and
    /// `signup/request` (each counted on its own) before a 429.
    pub rate_limit_max: u32,
    /// The rate-limit window.
    pub rate_limit_window_secs: u64,
    /// Wrong passwords in a row for one user before a lockout (a 422); 0 disables it.
    pub lockout_attempts: u32,
    /// How long a lockout lasts.
    pub lockout_secs: u64,
    /// Origins allowed by CORS; `*` allows any. `--allow-origin` replaces the seed's list.
    pub allowed_origins: Vec<String>,
    /// How the realm signs its tokens: `RS256` with its RSA keys (served at
    /// `/connect/jwks`), or `HS256` with its shared `jwt_secret`.
    pub jwt_algorithm: JwtAlgorithm,
    /// The HS256 secret (a `jsk_…`), for `jwt_algorithm = "HS256"`: 32 characters at least
    /// **\[ours]**. The control API shows it; nothing else does.
    pub jwt_secret: Option<String>,
    /// The Connected App's Login URLs: LoginRocket Web returns a sign-in (`?token=`) only to a
    /// `redirect_uri` on one of their origins, and to the first when a page names none.
    /// **\[ours]**: AuthRocket does not document whether `redirect_uri` must match; here it
    /// must, by origin (scheme, host and port), and `allowed_origins`' `*` never counts.
    pub login_urls: Vec<String>,
    /// The social providers on the hosted sign-in page (`google`, `github`, …): each an
    /// emulated provider with a consent page of its own (see the crate docs).
    pub social_providers: Vec<String>,
}

/// How a realm signs its tokens.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum JwtAlgorithm {
    /// RSA keys, public at `/connect/jwks`.
    #[default]
    RS256,
    /// A shared secret (AuthRocket's session settings call it the default; its token pages
    /// say RS256).
    HS256,
}

/// **\[ours]**: the longest duration a realm setting may have (ten years).
pub const MAX_REALM_SECS: u64 = 10 * 365 * 24 * 3600;

impl Realm {
    /// Range-checks the settings: every duration from 1 s to [`MAX_REALM_SECS`] (the
    /// lockout may be 0). The message names the setting.
    pub fn check(&self) -> Result<(), String> {
        for (name, value, min) in [
            ("session_ttl_secs", self.session_ttl_secs, 1),
            ("token_ttl_secs", self.token_ttl_secs, 1),
            ("jwt_ttl_secs", self.jwt_ttl_secs, 1),
            ("rate_limit_window_secs", self.rate_limit_window_secs, 1),
            ("lockout_secs", self.lockout_secs, 0),
        ] {
            if !(min..=MAX_REALM_SECS).contains(&value) {
                return Err(format!(
                    "{name} must be {min}..={MAX_REALM_SECS}, not {value}"
                ));
            }
        }
        if self.jwt_algorithm == JwtAlgorithm::HS256
            && self
                .jwt_secret
                .as_deref()
                .is_none_or(|s| s.chars().count() < 32)
        {
            return Err("jwt_algorithm HS256 needs a jwt_secret of 32 characters or more".into());
        }
        for url in &self.login_urls {
            let ok = url::Url::parse(url).is_ok_and(|u| matches!(u.scheme(), "http" | "https"));
            if !ok {
                return Err(format!("login_urls: {url:?} is not an http(s) URL"));
            }
        }
        Ok(())
    }
}

impl Default for Realm {
    fn default() -> Self {
        Self {
            name: "LoginRocket emulator".into(),
            org_mode: OrgMode::SingleUser,
            signup: SignupMode::Open,
            name_field: FieldMode::Optional,
            org_name_field: FieldMode::Optional,
            password_min_length: 8,
            default_locale: "en".into(),
            session_ttl_secs: 24 * 3600,
            token_ttl_secs: 3600,
            jwt_ttl_secs: 3600,
            rate_limit_max: 100,
            rate_limit_window_secs: 60,
            lockout_attempts: 10,
            lockout_secs: 300,
            allowed_origins: vec!["*".into()],
            jwt_algorithm: JwtAlgorithm::RS256,
            jwt_secret: None,
            login_urls: Vec::new(),
            social_providers: Vec::new(),
        }
    }
}

/// A user to create.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct UserSeed {
    /// Email (unique, case-insensitive).
    pub email: String,
    /// Password, stored hashed.
    pub password: String,
    /// Username (unique, case-insensitive).
    pub username: Option<String>,
    /// First name.
    pub first_name: Option<String>,
    /// Last name.
    pub last_name: Option<String>,
    /// Saved locale.
    pub locale: Option<String>,
    /// Whether the email is verified (default `true`).
    pub email_verified: Option<bool>,
    /// A base32 TOTP secret: the user has 2FA (`must_verify_login`).
    pub totp_secret: Option<String>,
    /// Account names; each becomes an `org_…` account with a membership.
    pub orgs: Vec<String>,
    /// The user's permissions in each of those accounts (a token's `orgs[].perm`; **\[ours\]**:
    /// the same list in every account the seed names).
    pub permissions: Vec<String>,
    /// The app's reference for the user (a token's `ref`).
    #[serde(rename = "ref")]
    pub reference: Option<String>,
    /// Custom data (a token's `cs`).
    pub custom: Option<serde_json::Value>,
}
