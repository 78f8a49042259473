//! The session: what the app knows about the signed-in user, and how LoginRocket's answers
//! change it. The pure part (this module) is tested natively; [`crate::use_session`] wires it
//! to signals, timers and storage.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use loginrocket::{Condition, ConditionalLogin, FullLogin, Response, Secret, Source};
use serde_json::{Map, Value};

use crate::state::{classify, Flow, FormState, Outcome};

/// Where a session is kept (R36). Passwords, codes and emailed tokens never are.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Persistence {
    /// In memory only: gone on reload (the default).
    #[default]
    Memory,
    /// `sessionStorage`: survives a reload, not the tab.
    SessionStorage,
    /// `localStorage`: survives the browser. **Warning**: any script on the origin (an XSS)
    /// can read it; prefer the default, or a backend session cookie.
    LocalStorage,
}

/// The storage key the session is kept under when persisted.
pub const STORAGE_KEY: &str = "leptos-loginrocket.session";

/// Claims decoded from a token, **for display only**: the browser cannot verify a token, so
/// never treat these as proof of anything (authorization belongs on the backend, which
/// verifies the RS256 signature against the realm's JWKS).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DisplayClaims(pub Map<String, Value>);

impl DisplayClaims {
    /// Decodes a JWT's payload without verifying it. `None` when it is not a JWT.
    pub fn decode(token: &str) -> Option<Self> {
        let payload = token.split('.').nth(1)?;
        let bytes = base64url_decode(payload)?;
        match serde_json::from_slice(&bytes).ok()? {
            Value::Object(map) => Some(Self(map)),
            _ => None,
        }
    }

    fn str(&self, key: &str) -> Option<&str> {
        self.0.get(key).and_then(Value::as_str)
    }

    /// `name`
    pub fn name(&self) -> Option<&str> {
        self.str("name")
    }

    /// `email`
    pub fn email(&self) -> Option<&str> {
        self.str("email")
    }

    /// `sub` (the user id)
    pub fn subject(&self) -> Option<&str> {
        self.str("sub")
    }

    /// `exp`, as a time.
    pub fn expires_at(&self) -> Option<SystemTime> {
        self.0
            .get("exp")
            .and_then(Value::as_u64)
            .map(|s| UNIX_EPOCH + Duration::from_secs(s))
    }
}

fn base64url_decode(s: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(s.len() * 3 / 4);
    let (mut acc, mut bits) = (0u32, 0u32);
    for c in s.bytes().take_while(|&c| c != b'=') {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'-' | b'+' => 62,
            b'_' | b'/' => 63,
            _ => return None,
        };
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    Some(out)
}

/// What the app knows about the user.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum SessionState {
    /// No session.
    #[default]
    SignedOut,
    /// A session that needs another step first.
    Conditional(ConditionalLogin),
    /// Signed in.
    SignedIn {
        /// The session, account and token.
        login: FullLogin,
        /// The token's claims, for display only.
        claims: DisplayClaims,
    },
}

impl SessionState {
    /// The session id, if there is a session.
    pub fn session(&self) -> Option<&Secret> {
        match self {
            SessionState::SignedOut => None,
            SessionState::Conditional(c) => Some(&c.session),
            SessionState::SignedIn { login, .. } => Some(&login.session),
        }
    }

    /// Whether the user is signed in.
    pub fn is_signed_in(&self) -> bool {
        matches!(self, SessionState::SignedIn { .. })
    }

    /// The next step of a conditional session.
    pub fn next_step(&self) -> Option<&Condition> {
        match self {
            SessionState::Conditional(c) => c.conditions.first(),
            _ => None,
        }
    }

    /// The state a `full_login` leads to.
    pub fn signed_in(login: FullLogin) -> Self {
        let claims = DisplayClaims::decode(login.token.expose()).unwrap_or_default();
        SessionState::SignedIn { login, claims }
    }
}

/// How an answer to a session call (`get_session`, `logout`, …) changes the session, and the
/// form state to show (R33): only `AccessDenied` clears the session; network errors,
/// timeouts, 5xx, 429 and unreadable answers keep it and show a retryable state.
pub fn after_session_call(
    current: &SessionState,
    answer: Result<Response, loginrocket::Error>,
) -> (SessionState, FormState) {
    let denied =
        matches!(&answer, Ok(Response::Error(e)) if e.source == Some(Source::AccessDenied));
    let outcome = classify(Flow::WithSession, answer, &[]);
    let state = outcome.state();
    let next = match outcome {
        Outcome::SignedIn(login) => SessionState::signed_in(login),
        Outcome::Conditional(c) => SessionState::Conditional(c),
        _ if denied => SessionState::SignedOut,
        _ => current.clone(),
    };
    (next, state)
}

/// **\[ours]**: how long before a token's `exp` the session is refreshed.
pub const REFRESH_LEEWAY: Duration = Duration::from_secs(60);

/// When to refresh a token that expires at `exp`: `leeway` before it, counted from `now`
/// (zero when that moment has passed).
pub fn refresh_delay(exp: SystemTime, now: SystemTime, leeway: Duration) -> Duration {
    exp.checked_sub(leeway)
        .and_then(|at| at.duration_since(now).ok())
        .unwrap_or(Duration::ZERO)
}

/// What is persisted when the app opts in: the session, the account and the token. Never a
/// password, a code or an emailed token.
pub fn to_stored(state: &SessionState) -> Option<String> {
    match state {
        SessionState::SignedIn { login, .. } => {
            serde_json::to_string(&Response::FullLogin(login.clone())).ok()
        }
        SessionState::Conditional(c) => {
            serde_json::to_string(&Response::ConditionalLogin(c.clone())).ok()
        }
        SessionState::SignedOut => None,
    }
}

/// Reads a persisted session; anything unreadable is no session.
pub fn from_stored(text: &str) -> SessionState {
    match serde_json::from_str::<Response>(text) {
        Ok(Response::FullLogin(login)) => SessionState::signed_in(login),
        Ok(Response::ConditionalLogin(c)) => SessionState::Conditional(c),
        _ => SessionState::SignedOut,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::Unavailable;
    use loginrocket::normalize::from_http;
    use serde_json::json;

    // {"sub":"usr_1","name":"Ann","email":"ann@example.com","exp":2000000000}
    const TOKEN: &str = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1c3JfMSIsIm5hbWUiOiJBbm4iLCJlbWFpbCI6ImFubkBleGFtcGxlLmNvbSIsImV4cCI6MjAwMDAwMDAwMH0.c2ln";

    fn login() -> FullLogin {
        match from_http(
            200,
            &[],
            json!({"result": "full_login", "session": "kss_1", "account": "org_1", "token": TOKEN})
                .to_string()
                .as_bytes(),
        ) {
            Response::FullLogin(f) => f,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn claims_are_decoded_for_display() {
        let c = DisplayClaims::decode(TOKEN).unwrap();
        assert_eq!(c.subject(), Some("usr_1"));
        assert_eq!(c.name(), Some("Ann"));
        assert_eq!(c.email(), Some("ann@example.com"));
        assert_eq!(
            c.expires_at(),
            Some(UNIX_EPOCH + Duration::from_secs(2_000_000_000))
        );
        assert_eq!(DisplayClaims::decode("nope"), None);
        assert_eq!(DisplayClaims::decode("a.!!!.c"), None);
        assert_eq!(DisplayClaims::decode("a.WzFd.c"), None, "an array payload");
    }

    #[test]
    fn only_access_denied_clears_the_session() {
        let signed_in = SessionState::signed_in(login());
        let cases: Vec<(Result<Response, loginrocket::Error>, bool, FormState)> = vec![
            (
                Ok(from_http(403, &[], b"")),
                true,
                FormState::SessionExpired,
            ),
            (
                Ok(from_http(500, &[], b"")),
                false,
                FormState::Unavailable(Unavailable::Server),
            ),
            (
                Ok(from_http(502, &[], b"")),
                false,
                FormState::Unavailable(Unavailable::Server),
            ),
            (Ok(from_http(429, &[], b"")), false, FormState::CoolingDown),
            (
                Ok(from_http(200, &[], b"<html>")),
                false,
                FormState::Unavailable(Unavailable::Server),
            ),
            (
                Ok(from_http(404, &[], b"")),
                false,
                FormState::Failed(crate::state::Notice::Generic),
            ),
            (
                Err(loginrocket::Error::MissingUrl),
                false,
                FormState::Unavailable(Unavailable::Server),
            ),
        ];
        for (answer, clears, state) in cases {
            let (next, shown) = after_session_call(&signed_in, answer);
            assert_eq!(next == SessionState::SignedOut, clears, "{shown:?}");
            assert_eq!(shown, state);
            if !clears {
                assert_eq!(next, signed_in);
            }
        }
        let (next, _) = after_session_call(&SessionState::SignedOut, Ok(from_http(200, &[], json!({"result": "full_login", "session": "kss_2", "account": "org_2", "token": TOKEN}).to_string().as_bytes())));
        assert!(next.is_signed_in());
        let (next, _) = after_session_call(&signed_in, Ok(from_http(200, &[], json!({"result": "conditional_login", "session": "kss_1", "account": null, "conditions": ["no_account_selected"]}).to_string().as_bytes())));
        assert_eq!(next.next_step(), Some(&Condition::NoAccountSelected));
    }

    #[test]
    fn refresh_is_scheduled_before_expiry_with_a_fake_clock() {
        let now = UNIX_EPOCH + Duration::from_secs(1_000);
        let exp = now + Duration::from_secs(3_600);
        assert_eq!(
            refresh_delay(exp, now, REFRESH_LEEWAY),
            Duration::from_secs(3_540)
        );
        assert_eq!(
            refresh_delay(now + Duration::from_secs(30), now, REFRESH_LEEWAY),
            Duration::ZERO
        );
        assert_eq!(
            refresh_delay(now - Duration::from_secs(30), now, REFRESH_LEEWAY),
            Duration::ZERO
        );
    }

    #[test]
    fn persistence_round_trip_keeps_no_more_than_the_login() {
        let state = SessionState::signed_in(login());
        let text = to_stored(&state).unwrap();
        assert!(!text.contains("password"));
        assert_eq!(from_stored(&text), state);
        assert_eq!(to_stored(&SessionState::SignedOut), None);
        for junk in [
            "",
            "null",
            "{}",
            "{\"result\":\"okay\"}",
            "[1]",
            "{\"result\":\"full_login\"}",
        ] {
            assert_eq!(from_stored(junk), SessionState::SignedOut, "{junk:?}");
        }
    }
}
