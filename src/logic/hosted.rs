//! A sign-in on the realm's hosted pages (LoginRocket Web) and its return: what a tab keeps
//! while the user is away, how a returned token is read, and what LoginRocket's answer about
//! it means. The browser cannot check a token's signature, so LoginRocket's answer about the
//! token's session is the proof.

use std::time::{Duration, SystemTime};

use loginrocket::{ConditionalLogin, FullLogin, Response, Secret};

use crate::logic::form_state::{classify, Flow, FormState, Outcome, Unavailable};
use crate::logic::session::DisplayClaims;

/// The `sessionStorage` key of a hosted sign-in this tab started ([`Pending`]).
pub(crate) const PENDING_KEY: &str = "leptos-loginrocket.hosted";

/// The `localStorage` key of the way this browser signed in last: `password`, or a
/// provider's id. Never who signed in.
pub(crate) const LAST_USED_KEY: &str = "leptos-loginrocket.last-sign-in";

/// What [`LAST_USED_KEY`] holds after a sign-in with the password form.
pub(crate) const PASSWORD_METHOD: &str = "password";

/// How late a returned token may be, as AuthRocket's SDKs allow (their grace period).
const GRACE: Duration = Duration::from_secs(5);

/// Where the return from the hosted pages stands.
///
/// ```
/// use leptos_loginrocket::hooks::CallbackState;
///
/// assert_eq!(CallbackState::Expired.message_key(), Some("callback-expired"));
/// assert!(CallbackState::Checking.message_key().is_none());
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum CallbackState {
    /// Reading the token and asking LoginRocket about it.
    #[default]
    Checking,
    /// A return this tab did not start (a bookmarked hosted page, a link someone sent): the
    /// user is asked to continue as the account, and the sign-in waits for that click.
    Confirm,
    /// Signed in: on the way to the destination.
    Done,
    /// No token in the address (opened directly, or reloaded once the kit had taken it).
    Missing,
    /// The token's time is over.
    Expired,
    /// Not a token of this realm, changed on the way, or of a session that has ended.
    Invalid,
    /// LoginRocket could not be asked; a retry is offered.
    Unavailable(Unavailable),
}

impl CallbackState {
    /// The Fluent key of what the state says, if anything.
    pub fn message_key(self) -> Option<&'static str> {
        match self {
            CallbackState::Checking | CallbackState::Done => None,
            CallbackState::Confirm => Some("callback-confirm-why"),
            CallbackState::Missing => Some("callback-missing"),
            CallbackState::Expired => Some("callback-expired"),
            CallbackState::Invalid => Some("callback-invalid"),
            CallbackState::Unavailable(u) => FormState::Unavailable(u).alert_key(),
        }
    }

    /// Whether the way back is signing in again (the return can't be used).
    pub fn is_dead_end(self) -> bool {
        matches!(
            self,
            CallbackState::Missing | CallbackState::Expired | CallbackState::Invalid
        )
    }
}

/// A hosted sign-in this tab started: the state its `redirect_uri` carries, and where the
/// user was going.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Pending {
    pub(crate) state: String,
    pub(crate) destination: Option<String>,
}

impl Pending {
    /// As stored: the state, then the destination, a line each.
    pub(crate) fn encode(&self) -> String {
        format!(
            "{}\n{}",
            self.state,
            self.destination.as_deref().unwrap_or_default()
        )
    }

    /// Reads what [`encode`](Self::encode) wrote; `None` for anything else.
    pub(crate) fn decode(text: &str) -> Option<Self> {
        let (state, destination) = text.split_once('\n')?;
        let hex = state.len() >= 32 && state.bytes().all(|b| b.is_ascii_hexdigit());
        hex.then(|| Pending {
            state: state.to_owned(),
            destination: Some(destination.to_owned()).filter(|d| !d.is_empty()),
        })
    }

    /// Whether a return with `state` is this sign-in's.
    pub(crate) fn matches(&self, state: Option<&str>) -> bool {
        state == Some(self.state.as_str())
    }
}

/// A returned token, read but not verified: which session to ask LoginRocket about.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Returned {
    pub(crate) session: Secret,
    pub(crate) subject: Option<String>,
    /// The account chosen on the hosted pages.
    pub(crate) account: Option<String>,
    /// For the confirmation of a return this tab did not start, until LoginRocket answers.
    pub(crate) email: Option<String>,
}

/// Reads a returned token at `now`: [`Invalid`](CallbackState::Invalid) when it names no
/// session, [`Expired`](CallbackState::Expired) when its `exp` is over (by more than the
/// SDKs' 5 s grace).
pub(crate) fn read_returned(token: &str, now: SystemTime) -> Result<Returned, CallbackState> {
    let claims = DisplayClaims::decode(token).ok_or(CallbackState::Invalid)?;
    let session = claims
        .0
        .get("sid")
        .and_then(|s| s.as_str())
        .filter(|s| !s.is_empty())
        .ok_or(CallbackState::Invalid)?;
    match claims.expires_at() {
        Some(exp) if exp + GRACE > now => {}
        Some(_) => return Err(CallbackState::Expired),
        None => return Err(CallbackState::Invalid),
    }
    Ok(Returned {
        session: Secret::new(session),
        subject: claims.subject().map(str::to_owned),
        account: claims.selected_membership().map(|m| m.account),
        email: claims.email().map(str::to_owned),
    })
}

/// What LoginRocket's answer about a returned token's session means.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Proof {
    /// The session is live and the user's: this is the sign-in.
    Proven(FullLogin),
    /// The session is live and has a step left.
    Step(ConditionalLogin),
    /// It can't be used.
    Failed(CallbackState),
}

/// Judges `answer` to `GET session` for `returned`'s session. A session of another user than
/// the token names is [`Invalid`](CallbackState::Invalid): the token was changed.
pub(crate) fn judge(returned: &Returned, answer: Result<Response, loginrocket::Error>) -> Proof {
    match classify(Flow::WithSession, answer, &[]) {
        Outcome::SignedIn(login) => {
            let proven = DisplayClaims::decode(login.token.expose());
            let subject = proven.as_ref().and_then(|c| c.subject());
            if returned.subject.is_some() && subject != returned.subject.as_deref() {
                Proof::Failed(CallbackState::Invalid)
            } else {
                Proof::Proven(login)
            }
        }
        Outcome::Conditional(step) => Proof::Step(step),
        Outcome::State(FormState::Unavailable(u)) => Proof::Failed(CallbackState::Unavailable(u)),
        Outcome::RateLimited(_) => Proof::Failed(CallbackState::Unavailable(Unavailable::Server)),
        // access denied (ended, forged, another realm's), not found, unreadable
        _ => Proof::Failed(CallbackState::Invalid),
    }
}

/// The `redirect_uri` for a hosted page: the app's `callback` path on `origin`, carrying
/// `state`.
pub(crate) fn return_url(origin: &str, callback: &str, state: &str) -> String {
    format!(
        "{}/{}?state={state}",
        origin.trim_end_matches('/'),
        callback.trim_start_matches('/')
    )
}

/// Whether `text` (read from storage) is a way of signing in the kit wrote: `password` or a
/// provider id (`[a-z0-9_-]`, at most 32). Anything else is ignored.
pub(crate) fn method_of(text: &str) -> Option<&str> {
    let ok = !text.is_empty()
        && text.len() <= 32
        && text
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'-');
    ok.then_some(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use loginrocket::normalize::from_http;
    use serde_json::json;
    use std::time::UNIX_EPOCH;

    fn jwt(claims: serde_json::Value) -> String {
        use base64::Engine;
        let b64 = base64::engine::general_purpose::URL_SAFE_NO_PAD;
        format!(
            "{}.{}.sig",
            b64.encode(br#"{"alg":"RS256"}"#),
            b64.encode(claims.to_string())
        )
    }

    fn at(secs: u64) -> SystemTime {
        UNIX_EPOCH + Duration::from_secs(secs)
    }

    fn full_login(sub: &str) -> Response {
        let token = jwt(json!({"sub": sub, "sid": "kss_1", "exp": 2000}));
        let body =
            json!({"result": "full_login", "session": "kss_1", "account": "org_1", "token": token});
        from_http(200, &[], body.to_string().as_bytes())
    }

    #[test]
    fn a_returned_token_names_its_session_account_and_time() {
        let token = jwt(json!({
            "sub": "usr_1", "sid": "kss_1", "exp": 1000, "email": "ann@example.com",
            "orgs": [{"oid": "org_1"}, {"oid": "org_2", "selected": true}]
        }));
        let r = read_returned(&token, at(999)).unwrap();
        assert_eq!(r.session.expose(), "kss_1");
        assert_eq!(r.subject.as_deref(), Some("usr_1"));
        assert_eq!(r.account.as_deref(), Some("org_2"));
        assert_eq!(r.email.as_deref(), Some("ann@example.com"));
        // the SDKs' grace, and not a second more
        assert!(read_returned(&token, at(1004)).is_ok());
        assert_eq!(read_returned(&token, at(1005)), Err(CallbackState::Expired));
    }

    #[test]
    fn what_is_no_token_of_a_session_is_invalid() {
        for token in [
            "not a token".to_owned(),
            jwt(json!({"sub": "usr_1", "exp": 1000})),
            jwt(json!({"sid": "", "exp": 1000})),
            jwt(json!({"sid": 7, "exp": 1000})),
            jwt(json!({"sid": "kss_1"})),
        ] {
            assert_eq!(
                read_returned(&token, at(0)),
                Err(CallbackState::Invalid),
                "{token}"
            );
        }
    }

    #[test]
    fn loginrocket_answer_is_the_proof() {
        let returned = Returned {
            session: Secret::new("kss_1"),
            subject: Some("usr_1".into()),
            account: None,
            email: None,
        };
        assert!(matches!(
            judge(&returned, Ok(full_login("usr_1"))),
            Proof::Proven(_)
        ));
        // a token changed to name someone else's session
        assert_eq!(
            judge(&returned, Ok(full_login("usr_2"))),
            Proof::Failed(CallbackState::Invalid)
        );
        let denied = from_http(403, &[], br#"{"result":"error","error":"denied"}"#);
        assert_eq!(
            judge(&returned, Ok(denied)),
            Proof::Failed(CallbackState::Invalid)
        );
        let down = from_http(503, &[], b"");
        assert_eq!(
            judge(&returned, Ok(down)),
            Proof::Failed(CallbackState::Unavailable(Unavailable::Server))
        );
        let step = from_http(
            200,
            &[],
            br#"{"result":"conditional_login","session":"kss_1","account":null,"conditions":["no_account_selected"]}"#,
        );
        assert!(matches!(judge(&returned, Ok(step)), Proof::Step(_)));
    }

    #[test]
    fn the_pending_sign_in_round_trips_and_matches_its_state_only() {
        let p = Pending {
            state: "ab".repeat(16),
            destination: Some("/billing?x=1".into()),
        };
        assert_eq!(Pending::decode(&p.encode()), Some(p.clone()));
        assert!(p.matches(Some(&"ab".repeat(16))));
        assert!(!p.matches(Some("abab")) && !p.matches(None));
        let nowhere = Pending {
            destination: None,
            ..p
        };
        assert_eq!(Pending::decode(&nowhere.encode()), Some(nowhere));
        assert_eq!(Pending::decode("short\n/"), None);
        assert_eq!(Pending::decode("garbage"), None);
    }

    #[test]
    fn methods_are_short_ids_only() {
        assert_eq!(method_of("google"), Some("google"));
        assert_eq!(method_of(PASSWORD_METHOD), Some("password"));
        for bad in ["", "ann@example.com", "Google", &"x".repeat(33)] {
            assert_eq!(method_of(bad), None, "{bad}");
        }
    }

    #[test]
    fn the_return_url_is_the_callback_with_the_state() {
        assert_eq!(
            return_url("http://127.0.0.1:8080", "/auth/callback", "ab"),
            "http://127.0.0.1:8080/auth/callback?state=ab"
        );
    }
}
