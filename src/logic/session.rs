//! The session: what the app knows about the signed-in user, and how LoginRocket's answers
//! change it. The pure part (this module) is tested natively; `hooks::use_session` wires it
//! to signals, timers and storage.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use loginrocket::claims::Membership;
use loginrocket::{Condition, ConditionalLogin, FullLogin, Response, Secret, Source};
use serde_json::{Map, Value};

use crate::logic::form_state::{classify, Flow, FormState, Outcome};

/// The storage key the session is kept under when persisted.
pub const STORAGE_KEY: &str = "leptos-loginrocket.session";

/// Claims decoded from a token, **for display only**: the browser cannot verify a token, so
/// never treat these as proof of anything (authorization belongs on the backend, which
/// verifies the RS256 signature against the realm's JWKS).
///
/// `Debug` hides the session id (the `sid` claim, and any value that is a `kss_…` id).
///
/// ```
/// use leptos_loginrocket::context::DisplayClaims;
/// // {"sub":"usr_1","sid":"kss_1"}
/// let claims = DisplayClaims::decode("e30.eyJzdWIiOiJ1c3JfMSIsInNpZCI6Imtzc18xIn0.c2ln").unwrap();
/// assert_eq!(claims.subject(), Some("usr_1"));
/// assert!(!format!("{claims:?}").contains("kss_1"));
/// ```
#[derive(Clone, Default, PartialEq)]
pub struct DisplayClaims(pub Map<String, Value>);

impl std::fmt::Debug for DisplayClaims {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut map = f.debug_map();
        for (key, value) in &self.0 {
            let session_id = key == "sid" || value.as_str().is_some_and(|v| v.starts_with("kss_"));
            if session_id {
                map.entry(key, &"***");
            } else {
                map.entry(key, value);
            }
        }
        map.finish()
    }
}

impl DisplayClaims {
    /// Decodes a JWT's payload without verifying it. `None` when it is not a JWT.
    pub fn decode(token: &str) -> Option<Self> {
        let payload = token.split('.').nth(1)?;
        let bytes = base64url_decode(payload)?;
        loginrocket::json::parse_object(&bytes).map(Self)
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

    /// `exp`, as a time. Any JSON number is read (`1700000000`, `1.7e9`); one beyond what a
    /// clock holds reads as the year 9999. `None` when absent, negative or not a number.
    pub fn expires_at(&self) -> Option<SystemTime> {
        self.time("exp")
    }

    /// `iat` (when the token was issued), as a time; read like [`expires_at`](Self::expires_at).
    pub fn issued_at(&self) -> Option<SystemTime> {
        self.time("iat")
    }

    /// The user's memberships (`orgs[]`), one per account, with the user's permissions there
    /// ([`loginrocket::claims::Membership`]), **for display only** (what to show or hide; the
    /// backend decides what is allowed). Entries that are not objects with an `oid` are left
    /// out.
    ///
    /// ```
    /// use leptos_loginrocket::context::DisplayClaims;
    /// let claims = DisplayClaims(serde_json::from_str(r#"{"orgs": [
    ///     {"mid": "mb_1", "oid": "org_1", "name": "Acme", "perm": ["billing"], "selected": true},
    ///     {"mid": "mb_2", "oid": "org_2", "name": "Globex"}
    /// ]}"#).unwrap());
    /// let acme = claims.selected_membership().unwrap();
    /// assert_eq!((acme.account.as_str(), acme.name.as_deref()), ("org_1", Some("Acme")));
    /// assert_eq!(acme.permissions, ["billing"]);
    /// assert_eq!(claims.memberships().len(), 2);
    /// ```
    pub fn memberships(&self) -> Vec<Membership> {
        loginrocket::claims::memberships(&self.0)
    }

    /// The membership of the account the session selected (`selected: true`): the account
    /// the user acts in now, and their permissions there (for display only).
    pub fn selected_membership(&self) -> Option<Membership> {
        self.memberships().into_iter().find(|m| m.selected)
    }

    fn time(&self, key: &str) -> Option<SystemTime> {
        /// 9999-12-31T23:59:59Z
        const LATEST: f64 = 253_402_300_799.0;
        let secs = self.0.get(key)?.as_f64()?;
        if secs.is_nan() || secs < 0.0 {
            return None;
        }
        UNIX_EPOCH.checked_add(Duration::from_secs_f64(secs.min(LATEST)))
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
///
/// ```
/// use leptos_loginrocket::context::SessionState;
///
/// fn greeting(state: &SessionState) -> String {
///     match state {
///         SessionState::SignedIn { claims, .. } => {
///             let email = claims.0.get("email").and_then(|v| v.as_str());
///             format!("Hello, {}", email.unwrap_or("you"))
///         }
///         SessionState::Conditional(_) => "One more step".into(),
///         SessionState::SignedOut => "Please sign in".into(),
///     }
/// }
/// assert_eq!(greeting(&SessionState::SignedOut), "Please sign in");
/// ```
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

    /// The token, when signed in.
    pub(crate) fn token(&self) -> Option<&str> {
        match self {
            SessionState::SignedIn { login, .. } => Some(login.token.expose()),
            _ => None,
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
/// form state to show: only `AccessDenied` clears the session; network errors,
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

/// When to refresh a token that expires at `expiry`, counted from `now`: `leeway` before it,
/// but at most half the time left (zero when it has passed).
pub fn refresh_delay(expiry: SystemTime, now: SystemTime, leeway: Duration) -> Duration {
    let left = expiry.duration_since(now).unwrap_or(Duration::ZERO);
    left - leeway.min(left / 2)
}

/// When a token received at `now` stops being valid, by this device's clock.
///
/// With `iat`, the token's own lifetime (`exp - iat`) counted from `now`, so a device clock
/// that is off by any amount still refreshes on time; without it, `exp` itself.
pub fn token_expiry(claims: &DisplayClaims, now: SystemTime) -> Option<SystemTime> {
    let exp = claims.expires_at()?;
    match claims
        .issued_at()
        .and_then(|iat| exp.duration_since(iat).ok())
    {
        Some(lifetime) if !lifetime.is_zero() => now.checked_add(lifetime).or(Some(exp)),
        _ => Some(exp),
    }
}

/// **\[ours]**: the shortest delay between two refreshes of fresh tokens.
pub const MIN_REFRESH_DELAY: Duration = Duration::from_secs(5);

/// **\[ours]**: how long the kit waits to refresh a token that looks expired the moment it
/// arrives. That happens only to a token without `iat` on a device whose clock runs ahead by
/// more than the token's lifetime; refreshing sooner would bring the same answer.
pub const STALE_TOKEN_DELAY: Duration = Duration::from_secs(300);

/// The longest delay a browser timer takes (`setTimeout`: 2^31 - 1 ms, about 24.8 days); a
/// later refresh is scheduled early rather than never.
pub const MAX_TIMER_DELAY: Duration = Duration::from_millis(i32::MAX as u64);

/// When to refresh next. `fresh`: the token just came from LoginRocket; otherwise it was
/// restored from storage, and one that is due is refreshed at once.
pub fn next_refresh(
    expiry: SystemTime,
    now: SystemTime,
    leeway: Duration,
    fresh: bool,
) -> Duration {
    let delay = refresh_delay(expiry, now, leeway);
    let delay = match (fresh, delay.is_zero()) {
        (false, _) => delay,
        (true, true) => STALE_TOKEN_DELAY,
        (true, false) => delay.max(MIN_REFRESH_DELAY),
    };
    delay.min(MAX_TIMER_DELAY)
}

/// **\[ours]**: how long to wait before the `attempt`-th retry (from 0) of a refresh that
/// failed without ending the session (offline, timeout, 5xx, 429): 5 s, doubling, at most
/// 5 minutes.
pub fn retry_delay(attempt: u32) -> Duration {
    let secs = 5u64.saturating_mul(1u64 << attempt.min(16));
    Duration::from_secs(secs.min(300))
}

/// What is persisted when the app opts in: the session, the account and the token (and a
/// conditional session's conditions), none of the answer's other keys. Never a password, a
/// code or an emailed token.
pub fn to_stored(state: &SessionState) -> Option<String> {
    let response = match state {
        SessionState::SignedIn { login, .. } => Response::FullLogin(FullLogin {
            extra: Default::default(),
            ..login.clone()
        }),
        SessionState::Conditional(c) => Response::ConditionalLogin(ConditionalLogin {
            extra: Default::default(),
            ..c.clone()
        }),
        SessionState::SignedOut => return None,
    };
    // the client's writer on the object loginrocket.js resolves with: no serde serializer
    // or writer in the wasm
    Some(loginrocket::json::to_string(&serde_json::Value::Object(
        response.to_map(),
    )))
}

/// Reads a persisted session; anything unreadable is no session.
pub fn from_stored(text: &str) -> SessionState {
    // the reader and the checks of a LoginRocket body
    match loginrocket::normalize::decode_body(text.as_bytes()) {
        Some(Response::FullLogin(login)) => SessionState::signed_in(login),
        Some(Response::ConditionalLogin(c)) => SessionState::Conditional(c),
        _ => SessionState::SignedOut,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::logic::form_state::Unavailable;
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
                FormState::Failed(crate::logic::form_state::Notice::Generic),
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
            Duration::from_secs(15),
            "at most half the time left"
        );
        assert_eq!(
            refresh_delay(now - Duration::from_secs(30), now, REFRESH_LEEWAY),
            Duration::ZERO
        );
    }

    fn claims(payload: serde_json::Value) -> DisplayClaims {
        match payload {
            Value::Object(map) => DisplayClaims(map),
            _ => unreachable!(),
        }
    }

    #[test]
    fn debug_output_never_shows_the_session_id() {
        let c = claims(
            json!({"sub": "usr_1", "sid": "kss_SECRET", "other": "kss_ALSO", "name": "Ann"}),
        );
        let printed = format!("{c:?}");
        assert!(!printed.contains("kss_"), "{printed}");
        assert!(
            printed.contains("usr_1") && printed.contains("Ann"),
            "{printed}"
        );
        let state = SessionState::SignedIn {
            login: login(),
            claims: c,
        };
        let printed = format!("{state:?}");
        assert!(!printed.contains("kss_"), "{printed}");
        assert!(!printed.contains(TOKEN), "{printed}");
    }

    #[test]
    fn exp_is_read_whatever_its_json_number_form() {
        let at = |exp: serde_json::Value| claims(json!({ "exp": exp })).expires_at();
        assert_eq!(
            at(json!(1_700_000_000)),
            Some(UNIX_EPOCH + Duration::from_secs(1_700_000_000))
        );
        assert_eq!(
            at(json!(1.7e9)),
            Some(UNIX_EPOCH + Duration::from_secs(1_700_000_000))
        );
        assert_eq!(
            at(json!(1_700_000_000.5)),
            Some(UNIX_EPOCH + Duration::from_millis(1_700_000_000_500))
        );
        // beyond what a clock can hold: far in the future, never a panic
        for huge in [json!(u64::MAX), json!(1u64 << 63), json!(1e300)] {
            let t = at(huge.clone()).expect("far future");
            assert!(
                t > UNIX_EPOCH + Duration::from_secs(200_000_000_000),
                "{huge}"
            );
        }
        for bad in [json!(-1), json!("1700000000"), json!(null), json!(-1e9)] {
            assert_eq!(at(bad.clone()), None, "{bad}");
        }
    }

    #[test]
    fn a_fresh_token_is_timed_by_its_own_lifetime_so_a_skewed_clock_cannot_loop() {
        let leeway = REFRESH_LEEWAY;
        // the device clock is two hours ahead of the server that issued a one-hour token
        let server_now = UNIX_EPOCH + Duration::from_secs(1_000_000);
        let device_now = server_now + Duration::from_secs(7200);
        let c = claims(json!({"iat": 1_000_000, "exp": 1_003_600}));
        let expiry = token_expiry(&c, device_now).unwrap();
        assert_eq!(expiry, device_now + Duration::from_secs(3600));
        assert_eq!(
            next_refresh(expiry, device_now, leeway, true),
            Duration::from_secs(3540)
        );
        // without `iat` the lifetime is unknown: the token looks expired on arrival, and the
        // kit refreshes at most every STALE_TOKEN_DELAY, not every few seconds
        let c = claims(json!({"exp": 1_003_600}));
        let expiry = token_expiry(&c, device_now).unwrap();
        assert_eq!(
            next_refresh(expiry, device_now, leeway, true),
            STALE_TOKEN_DELAY
        );
        // a restored token that has expired is refreshed at once
        assert_eq!(
            next_refresh(expiry, device_now, leeway, false),
            Duration::ZERO
        );
        // a short-lived token refreshes at half its life, not after it
        let c = claims(json!({"iat": 1_000_000, "exp": 1_000_030}));
        let expiry = token_expiry(&c, server_now).unwrap();
        assert_eq!(
            next_refresh(expiry, server_now, leeway, true),
            Duration::from_secs(15)
        );
        // setTimeout's limit: a far expiry refreshes early rather than never
        let c = claims(json!({"iat": 1_000_000, "exp": u64::MAX}));
        let expiry = token_expiry(&c, server_now).unwrap();
        assert_eq!(
            next_refresh(expiry, server_now, leeway, true),
            MAX_TIMER_DELAY
        );
    }

    #[test]
    fn failed_refreshes_back_off_to_a_cap() {
        let delays: Vec<u64> = (0..10).map(|n| retry_delay(n).as_secs()).collect();
        assert_eq!(delays, vec![5, 10, 20, 40, 80, 160, 300, 300, 300, 300]);
        assert_eq!(retry_delay(u32::MAX).as_secs(), 300);
    }

    #[test]
    fn only_the_session_account_and_token_are_persisted() {
        let mut with_extra = login();
        with_extra
            .extra
            .insert("user".into(), json!({"email": "ann@example.com"}));
        with_extra.extra.insert("debug".into(), json!("kss_other"));
        let text = to_stored(&SessionState::signed_in(with_extra)).unwrap();
        let stored: serde_json::Map<String, Value> = serde_json::from_str(&text).unwrap();
        let mut keys: Vec<&str> = stored.keys().map(String::as_str).collect();
        keys.sort_unstable();
        assert_eq!(
            keys,
            vec!["account", "result", "session", "token"],
            "{text}"
        );
        let conditional: ConditionalLogin = match from_http(
            200,
            &[],
            json!({"result": "conditional_login", "session": "kss_1", "account": null,
                   "conditions": ["no_account_selected"], "accounts": [{"id": "org_1", "name": "A"}]})
            .to_string()
            .as_bytes(),
        ) {
            Response::ConditionalLogin(c) => c,
            other => panic!("{other:?}"),
        };
        let text = to_stored(&SessionState::Conditional(conditional)).unwrap();
        let stored: serde_json::Map<String, Value> = serde_json::from_str(&text).unwrap();
        let mut keys: Vec<&str> = stored.keys().map(String::as_str).collect();
        keys.sort_unstable();
        assert_eq!(
            keys,
            vec!["account", "conditions", "result", "session"],
            "{text}"
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
