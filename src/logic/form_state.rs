//! Form state, free of Leptos and the DOM: which UI state an answer puts a form in (the
//! server's messages attributed to their fields by [`super::fields`]), the rate-limit
//! cooldown, and 2FA code input. Tested natively.

use std::time::SystemTime;

use loginrocket::{ConditionalLogin, Failure, FullLogin, Response, RetryAfter, Source};

use super::fields::{attribute, Attributed, FieldId};

/// Which flow a form runs: decides how `source` values read to the user.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Flow {
    /// Sign in: every credential-ish failure reads the same.
    Login,
    /// Sign up.
    Signup,
    /// Forgot password: `okay`, "not found" and other 4xx read the same (no enumeration).
    ForgotPassword,
    /// Reset password with an emailed token: `AccessDenied`/`RecordNotFound` mean the link
    /// is invalid or expired.
    ResetPassword,
    /// A call made with a session (profile, password change, …): `AccessDenied` means the
    /// session expired.
    WithSession,
}

/// Why the service could not be used; each reads differently and offers a retry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Unavailable {
    /// The device is offline.
    Offline,
    /// No answer in time.
    Timeout,
    /// A server error, a refused connection, a CORS rejection, or an unreadable answer.
    Server,
}

/// A message of the kit's own (localized through Fluent).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Notice {
    /// `login-failed`
    LoginFailed,
    /// `signup-failed`
    SignupFailed,
    /// `error-generic`
    Generic,
    /// `logout-local-only`: signed out here, but the server could not be told.
    LoggedOutLocally,
}

impl Notice {
    /// The Fluent key.
    pub fn key(self) -> &'static str {
        match self {
            Notice::LoginFailed => "login-failed",
            Notice::SignupFailed => "signup-failed",
            Notice::Generic => "error-generic",
            Notice::LoggedOutLocally => "logout-local-only",
        }
    }
}

/// The UI state of a form.
///
/// ```
/// use leptos_loginrocket::hooks::FormState;
///
/// assert!(FormState::default() == FormState::Idle);
/// assert_eq!(FormState::LinkExpired.alert_key(), Some("error-link-expired"));
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum FormState {
    /// Ready for input.
    #[default]
    Idle,
    /// A request is in flight; submit is disabled.
    Submitting,
    /// The server rejected the input: messages are shown next to their fields and in the
    /// form's alert.
    Rejected,
    /// A failure with a kit message.
    Failed(Notice),
    /// Rate limited: submit is disabled until the countdown ends.
    CoolingDown,
    /// The session expired or access was denied.
    SessionExpired,
    /// An emailed link is invalid, used or expired.
    LinkExpired,
    /// A password reset page was opened without its link's token (a link cut short, or a
    /// reload after the kit took the token out of the address bar).
    LinkMissing,
    /// The service could not be reached; a retry is offered.
    Unavailable(Unavailable),
    /// The call succeeded.
    Succeeded,
}

impl FormState {
    /// The Fluent key of the message this state shows in the form's alert, if any.
    pub fn alert_key(self) -> Option<&'static str> {
        match self {
            FormState::Failed(n) => Some(n.key()),
            FormState::SessionExpired => Some("error-session-expired"),
            FormState::LinkExpired => Some("error-link-expired"),
            FormState::LinkMissing => Some("reset-missing-token"),
            FormState::Unavailable(Unavailable::Offline) => Some("error-offline"),
            FormState::Unavailable(Unavailable::Timeout) => Some("error-timeout"),
            FormState::Unavailable(Unavailable::Server) => Some("error-unavailable"),
            _ => None,
        }
    }

    /// Whether a "try again" action makes sense.
    pub fn retryable(self) -> bool {
        matches!(self, FormState::Unavailable(_))
    }
}

/// What an answer means for a form.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    /// `full_login`.
    SignedIn(FullLogin),
    /// `conditional_login`.
    Conditional(ConditionalLogin),
    /// `okay`, or an answer that must read like it (forgot password, no enumeration).
    Done,
    /// Server validation messages.
    Rejected(Attributed),
    /// Rate limited, with when to retry if the server said.
    RateLimited(Option<RetryAfter>),
    /// Any other state (failed, expired, unavailable).
    State(FormState),
}

impl Outcome {
    /// The form state this outcome leads to.
    pub fn state(&self) -> FormState {
        match self {
            Outcome::SignedIn(_) | Outcome::Conditional(_) | Outcome::Done => FormState::Succeeded,
            Outcome::Rejected(_) => FormState::Rejected,
            Outcome::RateLimited(_) => FormState::CoolingDown,
            Outcome::State(s) => *s,
        }
    }
}

/// Reads an answer for `flow`. `fields` are the form's fields with their display names.
pub fn classify(
    flow: Flow,
    response: Result<Response, loginrocket::Error>,
    fields: &[(FieldId, String)],
) -> Outcome {
    let response = match response {
        Ok(r) => r,
        // no URL or an unusable one: the service cannot be reached
        Err(_) => return Outcome::State(FormState::Unavailable(Unavailable::Server)),
    };
    let credential_failure = match flow {
        Flow::Login => Outcome::State(FormState::Failed(Notice::LoginFailed)),
        Flow::Signup => Outcome::State(FormState::Failed(Notice::SignupFailed)),
        Flow::ForgotPassword => Outcome::Done,
        Flow::ResetPassword => Outcome::State(FormState::LinkExpired),
        Flow::WithSession => Outcome::State(FormState::SessionExpired),
    };
    match response {
        Response::FullLogin(f) => Outcome::SignedIn(f),
        Response::ConditionalLogin(c) => Outcome::Conditional(c),
        Response::Okay(_) => Outcome::Done,
        Response::Unknown(_) => Outcome::State(FormState::Failed(Notice::Generic)),
        Response::Error(e) => match e.source {
            None => rejected(&e, flow, fields),
            Some(Source::RateLimited) => Outcome::RateLimited(e.retry_after()),
            Some(Source::AccessDenied) => credential_failure,
            Some(Source::RecordNotFound) => match flow {
                Flow::WithSession => Outcome::State(FormState::Failed(Notice::Generic)),
                _ => credential_failure,
            },
            Some(Source::LoginRocketError) => match e.failure() {
                Some(Failure::Offline) => {
                    Outcome::State(FormState::Unavailable(Unavailable::Offline))
                }
                Some(Failure::Timeout) => {
                    Outcome::State(FormState::Unavailable(Unavailable::Timeout))
                }
                // other 4xx read like a credential failure where the flow must not enumerate
                Some(failure)
                    if failure.is_client_error()
                        && matches!(flow, Flow::Login | Flow::ForgotPassword) =>
                {
                    credential_failure
                }
                _ => Outcome::State(FormState::Unavailable(Unavailable::Server)),
            },
        },
    }
}

/// A server's validation error: its messages at their fields. Blank messages are dropped;
/// when none is left, the `error` text stands for them, and when that is blank too, the
/// flow's own notice shows (a 409/422 never leaves the form silent).
fn rejected(e: &loginrocket::ErrorResponse, flow: Flow, fields: &[(FieldId, String)]) -> Outcome {
    let mut messages: Vec<String> = e
        .errors
        .iter()
        .filter(|m| !m.trim().is_empty())
        .cloned()
        .collect();
    if messages.is_empty() && !e.error.trim().is_empty() {
        messages.push(e.error.clone());
    }
    let attributed = attribute(&messages, fields, Some(&e.extra));
    if attributed.fields.is_empty() && attributed.form.is_empty() {
        return Outcome::State(FormState::Failed(match flow {
            Flow::Login => Notice::LoginFailed,
            Flow::Signup => Notice::SignupFailed,
            _ => Notice::Generic,
        }));
    }
    Outcome::Rejected(attributed)
}

/// Whole seconds to wait after a 429: from `Retry-After`/`Ratelimit-Reset` when given
/// (rounded up, at least 1, at most an hour), else `default_secs`.
pub fn cooldown_secs(retry: Option<RetryAfter>, now: SystemTime, default_secs: u32) -> u32 {
    let Some(retry) = retry else {
        return default_secs.max(1);
    };
    let wait = retry.delay_from(now);
    let secs = wait.as_secs() + u64::from(wait.subsec_nanos() > 0);
    secs.clamp(1, 3600) as u32
}

/// A 2FA code as typed or pasted, as it is sent: the client crate's rule, shared with the
/// backend's form posts.
pub use loginrocket::normalize_code;

#[cfg(test)]
mod tests {
    use super::*;
    use loginrocket::normalize::from_http;
    use serde_json::json;

    use std::time::Duration;

    use crate::logic::fields::names;

    fn secs(n: u64) -> Duration {
        Duration::from_secs(n)
    }

    fn answer(status: u16, body: serde_json::Value) -> Result<Response, loginrocket::Error> {
        Ok(from_http(status, &[], body.to_string().as_bytes()))
    }

    fn failure(status: u16) -> Result<Response, loginrocket::Error> {
        Ok(from_http(status, &[], b""))
    }

    #[test]
    fn sources_become_states_per_flow() {
        use FormState::*;
        let f = names("en");
        let state = |flow, r| classify(flow, r, &f).state();
        for flow in [
            Flow::Login,
            Flow::Signup,
            Flow::ForgotPassword,
            Flow::ResetPassword,
            Flow::WithSession,
        ] {
            assert_eq!(state(flow, failure(429)), CoolingDown, "{flow:?}");
            assert_eq!(
                state(flow, failure(500)),
                Unavailable(super::Unavailable::Server),
                "{flow:?}"
            );
            assert_eq!(
                state(flow, failure(200)),
                Unavailable(super::Unavailable::Server),
                "garbage body {flow:?}"
            );
            assert_eq!(
                state(flow, answer(200, json!({"result": "okay"}))),
                Succeeded
            );
            assert_eq!(
                state(flow, answer(200, json!({"result": "new_thing"}))),
                Failed(Notice::Generic)
            );
            assert_eq!(
                state(flow, Err(loginrocket::Error::MissingUrl)),
                Unavailable(super::Unavailable::Server)
            );
        }
        assert_eq!(
            state(Flow::Login, failure(403)),
            Failed(Notice::LoginFailed)
        );
        assert_eq!(
            state(Flow::Login, failure(404)),
            Failed(Notice::LoginFailed)
        );
        assert_eq!(
            state(Flow::Login, failure(401)),
            Failed(Notice::LoginFailed)
        );
        assert_eq!(
            state(Flow::Signup, failure(403)),
            Failed(Notice::SignupFailed)
        );
        assert_eq!(
            state(Flow::ForgotPassword, failure(404)),
            Succeeded,
            "no enumeration"
        );
        assert_eq!(
            state(Flow::ForgotPassword, failure(400)),
            Succeeded,
            "no enumeration"
        );
        assert_eq!(state(Flow::ResetPassword, failure(404)), LinkExpired);
        assert_eq!(state(Flow::ResetPassword, failure(403)), LinkExpired);
        assert_eq!(state(Flow::WithSession, failure(403)), SessionExpired);
        assert_eq!(
            state(Flow::WithSession, failure(404)),
            Failed(Notice::Generic)
        );
    }

    #[test]
    fn a_validation_error_without_messages_still_says_something() {
        let f = names("en");
        let rejected = |body: serde_json::Value, flow: Flow| {
            classify(
                flow,
                Ok(from_http(422, &[], body.to_string().as_bytes())),
                &f,
            )
        };
        // `errors` empty or blank: the `error` text is the message
        for errors in [json!([]), json!([""]), json!(["  ", "\n"])] {
            let got = rejected(
                json!({"result": "error", "error": "Login failed", "errors": errors}),
                Flow::Signup,
            );
            assert_eq!(
                got,
                Outcome::Rejected(Attributed {
                    fields: vec![],
                    form: vec!["Login failed".into()]
                }),
                "{errors}"
            );
        }
        // an `error` naming a field still goes to it
        let got = rejected(
            json!({"result": "error", "error": "Email is invalid", "errors": []}),
            Flow::Signup,
        );
        assert_eq!(
            got,
            Outcome::Rejected(Attributed {
                fields: vec![(FieldId::Email, "Email is invalid".into())],
                form: vec![]
            })
        );
        // nothing at all: the flow's own notice, never a silent idle form
        for (flow, notice) in [
            (Flow::Login, Notice::LoginFailed),
            (Flow::Signup, Notice::SignupFailed),
            (Flow::ResetPassword, Notice::Generic),
            (Flow::WithSession, Notice::Generic),
        ] {
            let got = rejected(
                json!({"result": "error", "error": " ", "errors": [""]}),
                flow,
            );
            assert_eq!(got, Outcome::State(FormState::Failed(notice)), "{flow:?}");
        }
    }

    #[test]
    fn transport_failures_say_which() {
        use loginrocket::transport::{MockTransport, TransportError};
        let f = names("en");
        let block = |err: TransportError| {
            let mock = std::sync::Arc::new(MockTransport::new());
            mock.push(Err(err));
            let client = loginrocket::LoginRocket::with_transport(
                loginrocket::Config::new("https://x.test"),
                mock,
            )
            .unwrap();
            let r = futures_lite_block_on(client.login(&loginrocket::LoginParams::new("a", "b")));
            classify(Flow::Login, r, &f).state()
        };
        assert_eq!(
            block(TransportError::Offline),
            FormState::Unavailable(Unavailable::Offline)
        );
        assert_eq!(
            block(TransportError::Timeout),
            FormState::Unavailable(Unavailable::Timeout)
        );
        assert_eq!(
            block(TransportError::Network("x".into())),
            FormState::Unavailable(Unavailable::Server)
        );
    }

    /// A tiny executor for the mock transport's ready futures.
    fn futures_lite_block_on<F: std::future::Future>(f: F) -> F::Output {
        use std::task::{Context, Poll, Waker};
        let mut f = std::pin::pin!(f);
        let mut cx = Context::from_waker(Waker::noop());
        loop {
            if let Poll::Ready(v) = f.as_mut().poll(&mut cx) {
                return v;
            }
        }
    }

    #[test]
    fn validation_errors_are_attributed() {
        let f = names("en");
        let r = answer(
            422,
            json!({"result": "error", "error": "x", "errors": ["Email is invalid", "Login failed"]}),
        );
        match classify(Flow::Signup, r, &f) {
            Outcome::Rejected(a) => {
                assert_eq!(a.fields, vec![(FieldId::Email, "Email is invalid".into())]);
                assert_eq!(a.form, vec!["Login failed"]);
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn cooldown_from_headers_or_default() {
        let now = SystemTime::UNIX_EPOCH + secs(1000);
        assert_eq!(cooldown_secs(None, now, 30), 30);
        assert_eq!(cooldown_secs(None, now, 0), 1);
        assert_eq!(cooldown_secs(Some(RetryAfter::Delay(secs(7))), now, 30), 7);
        assert_eq!(
            cooldown_secs(
                Some(RetryAfter::Delay(Duration::from_millis(1500))),
                now,
                30
            ),
            2
        );
        assert_eq!(cooldown_secs(Some(RetryAfter::Delay(secs(0))), now, 30), 1);
        assert_eq!(
            cooldown_secs(Some(RetryAfter::At(now + secs(12))), now, 30),
            12
        );
        assert_eq!(
            cooldown_secs(Some(RetryAfter::At(now - secs(12))), now, 30),
            1
        );
        assert_eq!(
            cooldown_secs(Some(RetryAfter::Delay(secs(86400))), now, 30),
            3600
        );
    }
}
