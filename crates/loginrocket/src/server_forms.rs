//! What an app's server tells its server-rendered page about the kit's forms posted without
//! the wasm: the answer LoginRocket gave the last one, and the sign-in step the server holds.
//! The backend (`loginrocket-axum`'s form posts) fills a [`ServerForms`]; the kit (built with
//! `ssr`/`hydrate`) shows it exactly as it shows an answer it got itself, because it reads the
//! same HTTP answer through the same normalization ([`Exchange::response`]).
//!
//! Nothing here is secret, by construction: it is written into the page for the hydrating
//! browser. The backend never records a login's answer (it holds a token and a session id),
//! only errors and plain `okay`s, and [`PostedAnswer::values`] holds what the user typed
//! into fields that are not secret (never a password or a code).
//!
//! ```
//! use loginrocket::server_forms::{Exchange, PostedAnswer};
//! use loginrocket::Response;
//!
//! let answer = PostedAnswer {
//!     form: "login".into(),
//!     exchange: Exchange::Answered {
//!         status: 422,
//!         content_language: Some("es".into()),
//!         retry_after: None,
//!         body: r#"{"result":"error","error":"Inicio de sesión fallido"}"#.into(),
//!     },
//!     values: vec![("email".into(), "ann@example.com".into())],
//! };
//! let Response::Error(e) = answer.exchange.response() else { unreachable!() };
//! assert!(e.is_validation());
//! assert_eq!(e.content_language(), Some("es"));
//! ```

use serde::{Deserialize, Serialize};

use crate::normalize;
use crate::response::{AccountChoice, Failure, Response, Source};
use crate::transport::{HttpResponse, TransportError};

/// What the server knows of the kit's forms for the page it renders.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServerForms {
    /// The answer to the form posted last, shown once.
    pub answer: Option<PostedAnswer>,
    /// The steps whose secret the server holds (a sign-in's LoginRocket session, an emailed
    /// link's token): their page's form posts to the server even once the wasm runs.
    pub steps: Vec<HeldStep>,
}

/// The answer LoginRocket gave a form the server posted for the browser.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PostedAnswer {
    /// Which form (the kit's name for it: `login`, `signup`, `forgot`, `reset`,
    /// `two-factor`, `verify-email`).
    pub form: String,
    /// What came back.
    pub exchange: Exchange,
    /// The values typed into the form's fields that are not secret, by the field's API name
    /// (`email`, `first_name`), to fill the form again.
    pub values: Vec<(String, String)>,
}

/// One exchange with LoginRocket, as the transport saw it: what the kit needs to show the
/// answer as if it had made the call.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Exchange {
    /// An HTTP answer: its status, the headers the kit reads, and its body.
    Answered {
        /// The HTTP status.
        status: u16,
        /// `Content-Language`.
        content_language: Option<String>,
        /// `Retry-After` (a rate limit's wait).
        retry_after: Option<String>,
        /// The body, as text (LoginRocket answers JSON).
        body: String,
    },
    /// No answer in time.
    Timeout,
    /// The server could not reach LoginRocket at all.
    Unreachable,
}

impl Exchange {
    /// What the transport gave: an answer, or why there was none.
    pub fn from_transport(result: &Result<HttpResponse, TransportError>) -> Self {
        match result {
            Ok(answer) => Exchange::Answered {
                status: answer.status,
                content_language: answer.header("content-language").map(str::to_owned),
                retry_after: answer.header("retry-after").map(str::to_owned),
                body: String::from_utf8_lossy(&answer.body).into_owned(),
            },
            Err(TransportError::Timeout) => Exchange::Timeout,
            Err(_) => Exchange::Unreachable,
        }
    }

    /// The normalized response, exactly as the client makes it of the same exchange (an
    /// unreachable LoginRocket reads as the network failure it was for the server).
    pub fn response(&self) -> Response {
        match self {
            Exchange::Answered {
                status,
                content_language,
                retry_after,
                body,
            } => {
                let headers: Vec<(String, String)> = [
                    ("content-language", content_language),
                    ("retry-after", retry_after),
                ]
                .into_iter()
                .filter_map(|(name, value)| Some((name.to_owned(), value.clone()?)))
                .collect();
                normalize::from_http(*status, &headers, body.as_bytes())
            }
            Exchange::Timeout => Response::Error(normalize::normalized_error(
                Source::LoginRocketError,
                Failure::Timeout,
            )),
            Exchange::Unreachable => Response::Error(normalize::normalized_error(
                Source::LoginRocketError,
                Failure::Network("LoginRocket could not be reached from the server".into()),
            )),
        }
    }

    /// Whether this exchange may be written into a page: never a login's answer (it holds a
    /// token and a session id).
    pub fn shareable(&self) -> bool {
        !matches!(
            self.response(),
            Response::FullLogin(_) | Response::ConditionalLogin(_)
        )
    }
}

/// A sign-in step whose secret the server holds.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum HeldStep {
    /// The second factor: the server holds the LoginRocket session.
    TwoFactor,
    /// The account choice: the server holds the session; these are the accounts.
    ChooseAccount {
        /// The accounts to choose from.
        accounts: Vec<AccountChoice>,
    },
    /// A new password from an emailed link: the server holds the link's token.
    ResetPassword,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_login_is_never_shareable_an_error_is() {
        let answered = |status, body: &str| Exchange::Answered {
            status,
            content_language: None,
            retry_after: None,
            body: body.into(),
        };
        let login =
            r#"{"result":"full_login","session":"kss_1","account":"org_1","token":"e30.e30.c2ln"}"#;
        assert!(!answered(200, login).shareable());
        let step = r#"{"result":"conditional_login","session":"kss_1","account":null,"conditions":["must_verify_login"]}"#;
        assert!(!answered(200, step).shareable());
        assert!(answered(422, r#"{"result":"error","error":"Login failed"}"#).shareable());
        assert!(answered(200, r#"{"result":"okay"}"#).shareable());
        assert!(Exchange::Timeout.shareable());
    }

    #[test]
    fn a_rate_limit_keeps_its_wait() {
        let e = Exchange::Answered {
            status: 429,
            content_language: None,
            retry_after: Some("30".into()),
            body: String::new(),
        };
        let Response::Error(error) = e.response() else {
            panic!("an error")
        };
        assert!(error.retry_after.is_some());
    }
}
