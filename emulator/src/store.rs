//! The emulator's state: users, accounts, sessions, emailed tokens, the outbox, faults, rate
//! limits and a clock that tests can move forward.

use std::collections::HashMap;
use std::net::IpAddr;
use std::time::{SystemTime, UNIX_EPOCH};

use serde::Serialize;
use serde_json::Value;

use crate::crypto;
use crate::i18n::{Field, Msg};
use crate::seed::{Realm, Seed, UserSeed};

/// A user.
#[derive(Clone, Debug)]
pub struct User {
    pub id: String,
    pub email: String,
    pub username: Option<String>,
    pub password_hash: String,
    pub first_name: Option<String>,
    pub last_name: Option<String>,
    pub locale: Option<String>,
    pub email_verified: bool,
    pub totp_secret: Option<String>,
    /// Account ids, in membership order.
    pub orgs: Vec<String>,
    /// Permissions in each account (`orgs[].perm`).
    pub permissions: Vec<String>,
    /// The app's reference (`ref`).
    pub reference: Option<String>,
    /// Custom data (`cs`).
    pub custom: Option<Value>,
    /// Social providers linked to the user (by a sign-in on an emulated provider).
    pub social: Vec<String>,
    pub failed_logins: u32,
    pub locked_until: Option<u64>,
    /// The last TOTP step accepted (a code is good once).
    pub last_totp_step: Option<u64>,
}

impl User {
    /// "First Last", or the email when no name is known.
    pub fn display_name(&self) -> String {
        let name = [self.first_name.as_deref(), self.last_name.as_deref()]
            .into_iter()
            .flatten()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        if name.is_empty() {
            self.email.clone()
        } else {
            name
        }
    }
}

/// An account (organization).
#[derive(Clone, Debug)]
pub struct Org {
    pub id: String,
    pub name: String,
}

/// A LoginRocket session.
#[derive(Clone, Debug)]
pub struct Session {
    pub id: String,
    pub user_id: String,
    pub expires_at: u64,
    /// A second factor is still owed (`must_verify_login`).
    pub needs_2fa: bool,
    /// The account last selected.
    pub account: Option<String>,
}

/// What an emailed token is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TokenKind {
    PasswordReset,
    EmailVerification,
    InvitationRequest,
}

impl TokenKind {
    /// The token prefix: `tpw:`, `tve:`, or **\[ours\]** `inv:` for invitations.
    pub fn prefix(self) -> &'static str {
        match self {
            TokenKind::PasswordReset => "tpw:",
            TokenKind::EmailVerification => "tve:",
            TokenKind::InvitationRequest => "inv:",
        }
    }

    /// Parses the control API's `kind`.
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "password_reset" => TokenKind::PasswordReset,
            "email_verification" => TokenKind::EmailVerification,
            "invitation_request" => TokenKind::InvitationRequest,
            _ => return None,
        })
    }
}

/// A single-use emailed token.
#[derive(Clone, Debug)]
pub struct EmailToken {
    pub kind: TokenKind,
    pub user_id: Option<String>,
    pub email: String,
    pub expires_at: u64,
    pub used: bool,
}

/// An email the emulator "sent".
#[derive(Clone, Debug, Serialize)]
pub struct OutboxEntry {
    pub to: String,
    pub kind: TokenKind,
    pub token: String,
    pub locale: String,
    pub created_at: u64,
}

/// A queued fault (see the control API).
#[derive(Clone, Debug, Serialize)]
pub struct Fault {
    pub method: Option<String>,
    pub path: String,
    pub status: Option<u16>,
    pub body: Option<String>,
    pub content_type: Option<String>,
    pub headers: Vec<(String, String)>,
    pub delay_ms: Option<u64>,
    pub times: u32,
}

impl Fault {
    /// Whether this fault applies to `method path`.
    pub fn matches(&self, method: &str, path: &str) -> bool {
        self.method
            .as_deref()
            .is_none_or(|m| m.eq_ignore_ascii_case(method))
            && (self.path == "*" || self.path == path)
    }
}

/// A rate-limit verdict.
#[derive(Clone, Copy, Debug)]
pub struct Limited {
    pub limit: u32,
    pub reset_at: u64,
    pub now: u64,
}

/// The whole state.
pub struct Store {
    pub realm: Realm,
    pub realm_id: String,
    pub users: Vec<User>,
    pub orgs: Vec<Org>,
    pub sessions: HashMap<String, Session>,
    pub tokens: HashMap<String, EmailToken>,
    pub outbox: Vec<OutboxEntry>,
    pub faults: Vec<Fault>,
    rate: HashMap<(IpAddr, &'static str), (u64, u32)>,
    /// Seconds added to the wall clock (`POST /_emulator/clock`).
    pub clock_offset: u64,
}

/// **\[ours]**: the emulator's clock never passes 9000-01-01 (HTTP dates and JWT `exp` stay
/// representable however far tests move it).
pub const MAX_NOW: u64 = 221_845_392_000;

/// Why a user could not be created.
pub type Invalid = Vec<Msg>;

impl Store {
    /// A store holding `seed`. Fails on an invalid user in the seed.
    pub fn from_seed(seed: &Seed) -> Result<Self, String> {
        seed.realm.check()?;

        let mut store = Store {
            realm: seed.realm.clone(),
            realm_id: "rl_emulator".into(),
            users: Vec::new(),
            orgs: Vec::new(),
            sessions: HashMap::new(),
            tokens: HashMap::new(),
            outbox: Vec::new(),
            faults: Vec::new(),
            rate: HashMap::new(),
            clock_offset: 0,
        };
        for user in &seed.users {
            store.create_user(user).map_err(|msgs| {
                let texts: Vec<String> = msgs.iter().map(|m| m.text("en")).collect();
                format!("seed user {:?}: {}", user.email, texts.join("; "))
            })?;
        }
        Ok(store)
    }

    /// The emulator's clock, in unix seconds.
    pub fn now(&self) -> u64 {
        let wall = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or(0);
        wall.saturating_add(self.clock_offset)
    }

    /// Moves the clock `secs` forward; refused past [`MAX_NOW`].
    pub fn advance_clock(&mut self, secs: u64) -> Result<u64, String> {
        if self.now().saturating_add(secs) > MAX_NOW {
            return Err(format!(
                "advance_secs must keep the clock before the year 9000 (at most {} more)",
                MAX_NOW.saturating_sub(self.now())
            ));
        }
        self.clock_offset = self.clock_offset.saturating_add(secs);
        Ok(self.now())
    }

    /// Finds a user by email, username or `usr_` id, case-insensitively.
    pub fn find_user(&self, key: &str) -> Option<usize> {
        let key = key.trim();
        if key.is_empty() {
            return None;
        }
        self.users.iter().position(|u| {
            u.email.eq_ignore_ascii_case(key)
                || u.id == key
                || u.username
                    .as_deref()
                    .is_some_and(|n| n.eq_ignore_ascii_case(key))
        })
    }

    /// The user with id `id`.
    pub fn user_mut(&mut self, id: &str) -> Option<&mut User> {
        self.users.iter_mut().find(|u| u.id == id)
    }

    /// Checks an email: present, shaped like one, not taken by another user.
    pub fn check_email(&self, email: &str, except: Option<&str>) -> Option<Msg> {
        let email = email.trim();
        if email.is_empty() {
            return Some(Msg::Blank(Field::Email));
        }
        let valid = match email.split_once('@') {
            Some((local, domain)) => {
                !local.is_empty()
                    && domain.contains('.')
                    && !domain.starts_with('.')
                    && !domain.ends_with('.')
                    && !email.chars().any(|c| c.is_whitespace() || c == ',')
                    && !domain.contains('@')
            }
            None => false,
        };
        if !valid {
            return Some(Msg::Invalid(Field::Email));
        }
        self.identifier_taken(email, except)
            .then_some(Msg::Taken(Field::Email))
    }

    /// Whether another user than `except` signs in with `name` (as email or username): both
    /// share one namespace, since `login` accepts either.
    fn identifier_taken(&self, name: &str, except: Option<&str>) -> bool {
        self.users.iter().any(|u| {
            Some(u.id.as_str()) != except
                && (u.email.eq_ignore_ascii_case(name)
                    || u.username
                        .as_deref()
                        .is_some_and(|n| n.eq_ignore_ascii_case(name)))
        })
    }

    /// Checks a username: not taken (by a username or an email) by another user.
    pub fn check_username(&self, username: &str, except: Option<&str>) -> Option<Msg> {
        self.identifier_taken(username, except)
            .then_some(Msg::Taken(Field::Username))
    }

    /// Checks a new password (and its confirmation, when sent).
    pub fn check_password(&self, password: &str, confirmation: Option<&str>) -> Vec<Msg> {
        let mut msgs = Vec::new();
        if password.is_empty() {
            msgs.push(Msg::Blank(Field::Password));
        } else if password.chars().count() < self.realm.password_min_length {
            msgs.push(Msg::TooShort(
                Field::Password,
                self.realm.password_min_length,
            ));
        }
        if let Some(confirmation) = confirmation {
            if confirmation != password {
                msgs.push(Msg::ConfirmationMismatch);
            }
        }
        msgs
    }

    /// Creates an account and returns its id.
    pub fn create_org(&mut self, name: &str) -> String {
        let id = crypto::new_id("org_");
        self.orgs.push(Org {
            id: id.clone(),
            name: name.to_owned(),
        });
        id
    }

    /// Creates a user (validated like a signup, without the realm's field rules).
    pub fn create_user(&mut self, seed: &UserSeed) -> Result<String, Invalid> {
        let mut msgs: Vec<Msg> = Vec::new();
        msgs.extend(self.check_email(&seed.email, None));
        if let Some(username) = seed.username.as_deref().filter(|s| !s.is_empty()) {
            msgs.extend(self.check_username(username, None));
        }
        if seed.password.is_empty() {
            msgs.push(Msg::Blank(Field::Password));
        }
        if let Some(secret) = &seed.totp_secret {
            if !crypto::valid_totp_secret(secret) {
                msgs.push(Msg::BadTotpSecret);
            }
        }
        if !msgs.is_empty() {
            return Err(msgs);
        }
        let orgs = seed.orgs.iter().map(|name| self.create_org(name)).collect();
        let id = crypto::new_id("usr_");
        self.users.push(User {
            id: id.clone(),
            email: seed.email.trim().to_owned(),
            username: seed.username.clone().filter(|s| !s.is_empty()),
            password_hash: crypto::hash_password(&seed.password),
            first_name: seed.first_name.clone(),
            last_name: seed.last_name.clone(),
            locale: seed.locale.clone(),
            email_verified: seed.email_verified.unwrap_or(true),
            totp_secret: seed.totp_secret.clone(),
            orgs,
            permissions: seed.permissions.clone(),
            reference: seed.reference.clone(),
            custom: seed.custom.clone(),
            social: Vec::new(),
            failed_logins: 0,
            locked_until: None,
            last_totp_step: None,
        });
        Ok(id)
    }

    /// Starts a session for `user_id`.
    pub fn create_session(&mut self, user_id: &str, needs_2fa: bool) -> String {
        let id = crypto::new_id("kss_");
        let session = Session {
            id: id.clone(),
            user_id: user_id.to_owned(),
            expires_at: self.now().saturating_add(self.realm.session_ttl_secs),
            needs_2fa,
            account: None,
        };
        self.sessions.insert(id.clone(), session);
        id
    }

    /// A live session: known, not ended, not expired.
    pub fn live_session(&self, id: &str) -> Option<&Session> {
        let now = self.now();
        self.sessions.get(id).filter(|s| s.expires_at > now)
    }

    /// Issues an emailed token and puts the email in the outbox.
    pub fn issue_token(
        &mut self,
        kind: TokenKind,
        user_id: Option<String>,
        email: &str,
        locale: &str,
    ) -> String {
        let token = crypto::new_id(kind.prefix());
        let now = self.now();
        self.tokens.insert(
            token.clone(),
            EmailToken {
                kind,
                user_id,
                email: email.to_owned(),
                expires_at: now.saturating_add(self.realm.token_ttl_secs),
                used: false,
            },
        );
        self.outbox.push(OutboxEntry {
            to: email.to_owned(),
            kind,
            token: token.clone(),
            locale: locale.to_owned(),
            created_at: now,
        });
        token
    }

    /// A usable token of `kind`: known, unused, unexpired.
    pub fn usable_token(&self, token: &str, kind: TokenKind) -> Option<&EmailToken> {
        let now = self.now();
        self.tokens
            .get(token)
            .filter(|t| t.kind == kind && !t.used && t.expires_at > now)
    }

    /// Counts a request of `group` from `ip`; `Err` when over the limit.
    pub fn rate_check(&mut self, ip: IpAddr, group: &'static str) -> Result<(), Limited> {
        let now = self.now();
        let window = self.realm.rate_limit_window_secs.max(1);
        let limit = self.realm.rate_limit_max;
        let entry = self.rate.entry((ip, group)).or_insert((now, 0));
        if now >= entry.0.saturating_add(window) {
            *entry = (now, 0);
        }
        if entry.1 >= limit {
            return Err(Limited {
                limit,
                reset_at: entry.0.saturating_add(window),
                now,
            });
        }
        entry.1 += 1;
        Ok(())
    }
}
