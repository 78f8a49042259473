//! A scripted in-memory transport for tests.

use std::collections::VecDeque;
use std::sync::{Mutex, MutexGuard};

use futures_channel::oneshot;

use super::{BoxFuture, HttpRequest, HttpResponse, Transport, TransportError};

type Reply = Result<HttpResponse, TransportError>;

enum Scripted {
    Ready(Reply),
    Deferred(oneshot::Receiver<Reply>),
}

#[derive(Default)]
struct State {
    script: VecDeque<Scripted>,
    requests: Vec<HttpRequest>,
}

/// A transport that answers from a script, in order, and records every request.
///
/// When the script runs out it answers `TransportError::Network("mock: no scripted reply")`.
/// [`MockTransport::push_deferred`] queues an answer the test gives later, to control the
/// order in which concurrent calls complete.
///
/// ```
/// use std::sync::Arc;
/// use loginrocket::{Config, LoginRocket, LoginParams, Response};
/// use loginrocket::transport::MockTransport;
///
/// let mock = Arc::new(MockTransport::new());
/// mock.push_json(200, serde_json::json!({"result": "okay"}));
/// let client = LoginRocket::with_transport(Config::new("https://sample.loginrocket.test"), mock.clone())?;
/// # let _ = client;
/// # Ok::<(), loginrocket::Error>(())
/// ```
#[derive(Default)]
pub struct MockTransport {
    state: Mutex<State>,
}

/// Completes a reply queued with [`MockTransport::push_deferred`].
pub struct MockResponder(oneshot::Sender<Reply>);

impl MockResponder {
    /// Delivers the reply. Ignored if the request was dropped meanwhile.
    pub fn respond(self, reply: Result<HttpResponse, TransportError>) {
        let _ = self.0.send(reply);
    }

    /// Delivers a JSON response.
    pub fn respond_json(self, status: u16, body: serde_json::Value) {
        self.respond(Ok(json_response(status, &body)));
    }
}

fn json_response(status: u16, body: &serde_json::Value) -> HttpResponse {
    HttpResponse::new(status, body.to_string()).with_header("content-type", "application/json")
}

impl MockTransport {
    /// An empty script.
    pub fn new() -> Self {
        Self::default()
    }

    fn state(&self) -> MutexGuard<'_, State> {
        // A test that panicked while holding the lock leaves plain data behind: keep using it.
        self.state
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Queues an answer.
    pub fn push(&self, reply: Result<HttpResponse, TransportError>) {
        self.state().script.push_back(Scripted::Ready(reply));
    }

    /// Queues a JSON response.
    pub fn push_json(&self, status: u16, body: serde_json::Value) {
        self.push(Ok(json_response(status, &body)));
    }

    /// Queues an answer that [`MockResponder::respond`] delivers later; until then the
    /// request is pending. Dropping the responder fails the request as a network error.
    pub fn push_deferred(&self) -> MockResponder {
        let (tx, rx) = oneshot::channel();
        self.state().script.push_back(Scripted::Deferred(rx));
        MockResponder(tx)
    }

    /// Every request sent so far, oldest first.
    ///
    /// ```
    /// use std::sync::Arc;
    /// use loginrocket::transport::MockTransport;
    /// use loginrocket::{Config, ForgotPasswordParams, LoginRocket, Response};
    ///
    /// # async fn run() -> Result<(), loginrocket::Error> {
    /// let mock = Arc::new(MockTransport::new());
    /// mock.push_json(200, serde_json::json!({"result": "okay"}));
    /// let client = LoginRocket::with_transport(Config::new("https://sample.e2.loginrocket.com/"), mock.clone())?;
    /// let answer = client.forgot_password(&ForgotPasswordParams::new("ann@example.com")).await?;
    /// assert!(matches!(answer, Response::Okay(_)));
    /// assert_eq!(mock.requests()[0].url, "https://sample.e2.loginrocket.com/v2/password/forgot");
    /// # Ok(()) }
    /// # tokio::runtime::Runtime::new().unwrap().block_on(run()).unwrap();
    /// ```
    pub fn requests(&self) -> Vec<HttpRequest> {
        self.state().requests.clone()
    }

    /// The most recent request.
    pub fn last_request(&self) -> Option<HttpRequest> {
        self.state().requests.last().cloned()
    }

    /// How many answers are still queued.
    pub fn remaining(&self) -> usize {
        self.state().script.len()
    }
}

impl Transport for MockTransport {
    fn send(&self, request: HttpRequest) -> BoxFuture<Result<HttpResponse, TransportError>> {
        let next = {
            let mut state = self.state();
            state.requests.push(request);
            state.script.pop_front()
        };
        Box::pin(async move {
            match next {
                Some(Scripted::Ready(reply)) => reply,
                Some(Scripted::Deferred(rx)) => rx.await.unwrap_or_else(|_| {
                    Err(TransportError::Network("mock: responder dropped".into()))
                }),
                None => Err(TransportError::Network("mock: no scripted reply".into())),
            }
        })
    }
}
