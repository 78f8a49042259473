//! The session in an HttpOnly cookie: the hand-off route the kit's `Handoff::Backend`
//! navigates to, sign-out, and the extractor that gives handlers the verified claims.

use std::sync::Arc;
use std::time::{SystemTime, UNIX_EPOCH};

use axum::extract::{FromRef, FromRequestParts, OptionalFromRequestParts, Query, State};
use axum::http::header::{CACHE_CONTROL, COOKIE, HOST, LOCATION, ORIGIN, REFERER, SET_COOKIE};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;

use crate::forms::{FormPages, Forms};
use crate::liveness::{Live, Liveness};
use crate::verify::{Claims, Verifier, VerifyError};

/// Where the routes are and how the cookie is set.
///
/// ```
/// use loginrocket_axum::SessionConfig;
///
/// let config = SessionConfig { after_logout: "/goodbye", ..SessionConfig::default() };
/// assert_eq!(config.cookie, "lr_session");
/// assert!(!config.plain_http, "Secure, and named __Host-lr_session");
/// ```
#[derive(Clone, Debug)]
pub struct SessionConfig {
    /// The hand-off route (the kit's `Handoff::Backend(...)` names the same path).
    pub handoff_path: &'static str,
    /// The route that starts a sign-in on the realm's hosted pages (`GET`, see
    /// [`LoginRocketAuth::with_hosted_login`]).
    pub start_path: &'static str,
    /// The sign-out route (`POST`).
    pub logout_path: &'static str,
    /// The cookie's name. It is sent as `__Host-<name>`, `Secure`, `Path=/` and with no
    /// `Domain`, so that no sibling subdomain can plant or shadow it, unless `plain_http`.
    pub cookie: &'static str,
    /// Where a hand-off without a usable `redirect` goes.
    pub after_login: &'static str,
    /// Where sign-out goes.
    pub after_logout: &'static str,
    /// Where the kit's forms post when the wasm isn't running (`POST <forms_path>/<form>`,
    /// see [`LoginRocketAuth::with_form_posts`]).
    pub forms_path: &'static str,
    /// The kit's pages the form posts answer with.
    pub form_pages: FormPages,
    /// Development over plain HTTP only: the cookie is set without `Secure` (which a
    /// browser would not send back over `http://`) and without the `__Host-` prefix (which
    /// requires it). Off by default, whatever `Host` says: behind a TLS-terminating proxy
    /// the app may see a loopback `Host`, and its cookie must still be `Secure`.
    pub plain_http: bool,
}

impl Default for SessionConfig {
    fn default() -> Self {
        Self {
            handoff_path: "/session/new",
            start_path: "/session/start",
            logout_path: "/session/logout",
            cookie: "lr_session",
            after_login: "/",
            after_logout: "/",
            forms_path: "/session/form",
            form_pages: FormPages::default(),
            plain_http: false,
        }
    }
}

impl SessionConfig {
    /// The cookie's name as sent: `__Host-<cookie>`, or `<cookie>` with `plain_http`.
    pub fn cookie_name(&self) -> String {
        self.prefixed(self.cookie)
    }

    /// The name of the cookie that holds a hosted sign-in's state while it runs.
    fn state_cookie_name(&self) -> String {
        self.prefixed("lr_state")
    }

    pub(crate) fn prefixed(&self, name: &str) -> String {
        if self.plain_http {
            name.to_owned()
        } else {
            format!("__Host-{name}")
        }
    }

    /// The cookie's attributes after its value.
    pub(crate) fn cookie_attributes(&self, max_age: u64) -> String {
        let secure = if self.plain_http { "" } else { "; Secure" };
        format!("Path=/; HttpOnly; SameSite=Lax; Max-Age={max_age}{secure}")
    }
}

/// The hand-off and sign-out routes, and what [`LoginRocketSession`] reads: put it in your
/// router's state (directly, or as a part of it through `FromRef`).
///
/// - `GET handoff_path?token=<JWT>&redirect=<path>` (where the kit's
///   `Handoff::Backend(handoff_path)` sends the browser after a sign-in) verifies the token,
///   sets it as a `__Host-` cookie, `HttpOnly; SameSite=Lax; Secure` (see
///   [`SessionConfig::plain_http`]), and answers `303` to the redirect, a same-origin path
///   only. The token leaves the address bar with that redirect.
/// - `POST logout_path` clears the cookie and answers `303` to `after_logout`; with
///   [`ending_loginrocket_sessions`](Self::ending_loginrocket_sessions) it first ends the
///   user's LoginRocket session.
/// - Both answer only a request from a page of this origin (`Sec-Fetch-Site: same-origin`,
///   else `Origin` or `Referer` against `Host`): a page elsewhere can neither sign a user in
///   as someone else (login CSRF) nor sign them out. The hand-off also refuses what no page
///   of the app started (`Sec-Fetch-Site: none`: a link opened from a mail client, a chat, a
///   PDF or a QR code would sign its reader in as whoever sent it) and anything but a
///   top-level navigation (`Sec-Fetch-Mode: navigate`, `Sec-Fetch-Dest: document`, where
///   sent: an `<img src>` of it sets no cookie).
///
/// ```no_run
/// use axum::{routing::get, Router};
/// use loginrocket_axum::{HttpKeys, LoginRocketAuth, LoginRocketSession, SessionConfig, Verifier, VerifierConfig};
///
/// async fn account(session: LoginRocketSession) -> String {
///     format!("signed in as {}", session.claims().email().unwrap_or("?"))
/// }
///
/// # async fn run() {
/// let verifier = Verifier::new(HttpKeys::for_loginrocket("https://sample.e2.loginrocket.com/"), VerifierConfig::default());
/// let auth = LoginRocketAuth::new(verifier, SessionConfig::default());
/// let app: Router = Router::new()
///     .route("/account", get(account))
///     .merge(auth.routes())
///     .with_state(auth);
/// # let _ = app;
/// # }
/// ```
#[derive(Clone)]
pub struct LoginRocketAuth {
    pub(crate) verifier: Arc<Verifier>,
    pub(crate) config: Arc<SessionConfig>,
    /// The client that ends LoginRocket sessions at sign-out
    /// ([`ending_loginrocket_sessions`](Self::ending_loginrocket_sessions)).
    loginrocket: Option<loginrocket::LoginRocket>,
    /// Where a hosted sign-in starts and comes back ([`with_hosted_login`](Self::with_hosted_login)).
    hosted: Option<Arc<Hosted>>,
    /// Whether sessions are checked at LoginRocket ([`checking_liveness`](Self::checking_liveness)).
    liveness: Option<Arc<Liveness>>,
    /// The kit's forms posted without the wasm ([`with_form_posts`](Self::with_form_posts)).
    pub(crate) forms: Option<Arc<Forms>>,
}

/// The realm's hosted pages (their URLs, by the client's rule), and the hand-off's full URL
/// they return to.
struct Hosted {
    pages: loginrocket::LoginRocket,
    handoff_url: String,
}

/// How long a hosted sign-in may take before its state cookie is gone (10 minutes).
const STATE_MAX_AGE: u64 = 600;

impl LoginRocketAuth {
    /// The routes' state on `verifier`.
    pub fn new(verifier: Verifier, config: SessionConfig) -> Self {
        Self {
            verifier: Arc::new(verifier),
            config: Arc::new(config),
            loginrocket: None,
            hosted: None,
            liveness: None,
            forms: None,
        }
    }

    /// Sign-in on the realm's hosted pages (LoginRocket Web, where social sign-in lives):
    /// `GET start_path?redirect=<path>` sets a short-lived state cookie (`HttpOnly`,
    /// `SameSite=Lax`) and sends the browser to `<lr_url>/login` with a `redirect_uri` of the
    /// hand-off at `app_origin` (`https://app.example.com`, as the realm's Login URLs name it:
    /// the request's `Host` is not trusted for it). The hosted page returns with `?token=`,
    /// a cross-site navigation, which the hand-off accepts only with that cookie's state, once.
    /// `?prompt=login` on the start route forces a fresh sign-in there, and `?provider=google`
    /// asks it for that social provider (ids of `[a-z0-9_-]` only). `?page=accounts` (or
    /// `profile`) opens the signed-in user's hosted page for their session instead, and the
    /// return is signed in to the account chosen there (`401` without a session).
    ///
    /// An unsolicited return (a bookmarked hosted page, or a link someone sent: login CSRF)
    /// gets a page that says so and offers to sign in, rather than a "Continue as …?" form:
    /// the backend has no view of the app's own, and such a form would hold the token.
    /// Fails when `lr_url` or `app_origin` is not an http(s) URL, or the client refuses
    /// `lr_url`; the hosted pages' URLs follow the client's rule for it
    /// ([`LoginRocket::hosted_url`](loginrocket::LoginRocket::hosted_url)).
    ///
    /// ```
    /// use loginrocket_axum::{HttpKeys, LoginRocketAuth, SessionConfig, Verifier, VerifierConfig};
    ///
    /// let lr_url = "https://sample.e2.loginrocket.com/";
    /// let verifier = Verifier::new(HttpKeys::for_loginrocket(lr_url), VerifierConfig::default());
    /// let auth = LoginRocketAuth::new(verifier, SessionConfig::default())
    ///     .with_hosted_login(lr_url, "https://app.example.com")
    ///     .expect("http(s) URLs");
    /// # let _ = auth;
    /// ```
    pub fn with_hosted_login(mut self, lr_url: &str, app_origin: &str) -> Result<Self, String> {
        let web = |url: &str| url.starts_with("https://") || url.starts_with("http://");
        if !web(lr_url) || !web(app_origin) {
            return Err(format!("not http(s) URLs: {lr_url:?}, {app_origin:?}"));
        }
        let pages = loginrocket::LoginRocket::new(loginrocket::Config::new(lr_url))
            .map_err(|e| format!("{lr_url:?}: {e}"))?;
        self.hosted = Some(Arc::new(Hosted {
            pages,
            handoff_url: format!(
                "{}{}",
                app_origin.trim_end_matches('/'),
                self.config.handoff_path
            ),
        }));
        Ok(self)
    }

    /// Sign-out also ends the user's LoginRocket session (`DELETE session` with the token's
    /// `sid`) at the realm whose LoginRocket URL is `lr_url`, as the kit's own sign-out does
    /// when the browser keeps the token. Without it, sign-out only clears the cookie. The
    /// cookie is cleared either way: if LoginRocket can't be reached, its session lasts until
    /// it expires. Fails when the client refuses `lr_url`.
    ///
    /// ```
    /// use loginrocket_axum::{HttpKeys, LoginRocketAuth, SessionConfig, Verifier, VerifierConfig};
    ///
    /// let lr_url = "https://sample.e2.loginrocket.com/";
    /// let verifier = Verifier::new(HttpKeys::for_loginrocket(lr_url), VerifierConfig::default());
    /// let auth = LoginRocketAuth::new(verifier, SessionConfig::default())
    ///     .ending_loginrocket_sessions(lr_url)
    ///     .expect("a LoginRocket URL");
    /// # let _ = auth;
    /// ```
    pub fn ending_loginrocket_sessions(mut self, lr_url: &str) -> Result<Self, loginrocket::Error> {
        let config = loginrocket::Config::new(lr_url);
        self.loginrocket = Some(loginrocket::LoginRocket::new(config)?);
        Ok(self)
    }

    /// A session that ended at LoginRocket (signed out on another device or on the hosted
    /// pages, or expired there) ends here too, not when its token expires: every request
    /// with a session cookie asks LoginRocket (`GET session` for the token's `sid`) whether
    /// the session is live, and what it said is remembered per session for `every`. A session
    /// LoginRocket says is gone is no session: [`LoginRocketSession`] answers `401` and
    /// clears the cookie, `Option<LoginRocketSession>` is `None`. **\[ours]**: when LoginRocket
    /// can't be asked (unreachable, 5xx, 429) the session counts as live, so that an outage
    /// there does not sign everyone out; a token without a `sid` counts as ended. Sessions
    /// are remembered by a keyed hash of their id, 4,096 at most. Fails when the client
    /// refuses `lr_url`.
    ///
    /// ```
    /// use std::time::Duration;
    /// use loginrocket_axum::{HttpKeys, LoginRocketAuth, SessionConfig, Verifier, VerifierConfig};
    ///
    /// let lr_url = "https://sample.e2.loginrocket.com/";
    /// let verifier = Verifier::new(HttpKeys::for_loginrocket(lr_url), VerifierConfig::default());
    /// let auth = LoginRocketAuth::new(verifier, SessionConfig::default())
    ///     .checking_liveness(lr_url, Duration::from_secs(30))
    ///     .expect("a LoginRocket URL");
    /// # let _ = auth;
    /// ```
    pub fn checking_liveness(
        mut self,
        lr_url: &str,
        every: std::time::Duration,
    ) -> Result<Self, loginrocket::Error> {
        let client = loginrocket::LoginRocket::new(loginrocket::Config::new(lr_url))?;
        self.liveness = Some(Arc::new(Liveness::new(client, every)));
        Ok(self)
    }

    /// The kit's forms work before the wasm: in a server-rendered app their markup posts to
    /// `POST <forms_path>/<form>` (sign-in, two-factor, account choice, sign-up, forgot and
    /// reset password), and this backend makes the LoginRocket call at `lr_url` for them, in
    /// the page's language. A sign-in ends in the session cookie; a step's LoginRocket session
    /// waits in a signed `HttpOnly` cookie; an error comes back to its form, which shows it
    /// as the wasm would (see [`server_forms`](Self::server_forms)). Layer
    /// [`emailed_links`](crate::emailed_links) too, for reset and verification links.
    ///
    /// `key` signs those cookies (HMAC-SHA256): 32 bytes or more, random, the same on every
    /// instance of the app, and secret. The pages are [`SessionConfig::form_pages`].
    ///
    /// LoginRocket limits requests per client, and these all come from this server: its
    /// answer `429` reaches the visitor as the kit's cooldown, with LoginRocket's wait, but
    /// the limit is shared by every visitor this server posts for. AuthRocket documents no
    /// header that names the visitor to it, so none is sent **\[ours]**. Fails when the
    /// client refuses `lr_url` or the key is short.
    ///
    /// ```
    /// use loginrocket_axum::{HttpKeys, LoginRocketAuth, SessionConfig, Verifier, VerifierConfig};
    ///
    /// let lr_url = "https://sample.e2.loginrocket.com/";
    /// let verifier = Verifier::new(HttpKeys::for_loginrocket(lr_url), VerifierConfig::default());
    /// let key = [42u8; 32]; // yours: random, kept secret
    /// let auth = LoginRocketAuth::new(verifier, SessionConfig::default())
    ///     .with_form_posts(lr_url, &key)
    ///     .expect("a LoginRocket URL and a long key");
    /// # let _ = auth;
    /// ```
    pub fn with_form_posts(mut self, lr_url: &str, key: &[u8]) -> Result<Self, String> {
        let forms = Forms::new(lr_url, key, self.config.form_pages.clone())?;
        self.forms = Some(Arc::new(forms));
        Ok(self)
    }

    /// The `Set-Cookie` that keeps `token` (its claims verified) as the session.
    pub(crate) fn session_cookie(&self, token: &str, claims: &Claims) -> String {
        let max_age = claims
            .expires_at()
            .map(|exp| exp.saturating_sub(unix_now()))
            .unwrap_or(0);
        format!(
            "{}={token}; {}",
            self.config.cookie_name(),
            self.config.cookie_attributes(max_age)
        )
    }

    /// The verifier (for tokens that arrive otherwise, e.g. `Authorization: Bearer`).
    pub fn verifier(&self) -> &Verifier {
        &self.verifier
    }

    /// The hand-off and sign-out routes, for a router whose state gives a
    /// `LoginRocketAuth`.
    pub fn routes<S>(&self) -> Router<S>
    where
        S: Clone + Send + Sync + 'static,
        LoginRocketAuth: FromRef<S>,
    {
        let router = Router::new()
            .route(self.config.handoff_path, get(hand_off))
            .route(self.config.logout_path, post(log_out));
        let router = if self.hosted.is_some() {
            router.route(self.config.start_path, get(start))
        } else {
            router
        };
        if self.forms.is_some() {
            let path = format!("{}/{{form}}", self.config.forms_path.trim_end_matches('/'));
            router.route(&path, post(crate::forms::post_form))
        } else {
            router
        }
    }

    /// The verified claims of the request's session cookie, when its session is live (where
    /// that is checked).
    async fn session(&self, headers: &HeaderMap) -> Result<Claims, Refused> {
        let token = cookie(headers, &self.config.cookie_name()).ok_or(Refused::NoSession)?;
        let claims = self.verifier.verify(token).await.map_err(Refused::Token)?;
        if let Some(liveness) = &self.liveness {
            let live = match claims.session_id() {
                Some(sid) => liveness.check(sid).await,
                None => Live::Ended,
            };
            if live == Live::Ended {
                let cleared = format!(
                    "{}=; {}",
                    self.config.cookie_name(),
                    self.config.cookie_attributes(0)
                );
                return Err(Refused::Ended(cleared));
            }
        }
        Ok(claims)
    }
}

/// Why a request was refused, as its response. Never echoes the token.
#[derive(Debug)]
pub(crate) enum Refused {
    NoSession,
    Token(VerifyError),
    /// The session ended at LoginRocket; the `Set-Cookie` that clears it.
    Ended(String),
    CrossSite,
    NoToken,
}

impl IntoResponse for Refused {
    fn into_response(self) -> Response {
        let (status, text) = match &self {
            Self::NoSession => (StatusCode::UNAUTHORIZED, "not signed in".to_owned()),
            Self::Token(VerifyError::KeysUnavailable(_)) => (
                StatusCode::SERVICE_UNAVAILABLE,
                "the sign-in service's keys are unavailable; try again".to_owned(),
            ),
            Self::Token(why) => (StatusCode::UNAUTHORIZED, format!("not signed in: {why}")),
            Self::Ended(_) => (
                StatusCode::UNAUTHORIZED,
                "not signed in: the session has ended".to_owned(),
            ),
            Self::CrossSite => (
                StatusCode::FORBIDDEN,
                "refused: a cross-site request".to_owned(),
            ),
            Self::NoToken => (StatusCode::BAD_REQUEST, "no token".to_owned()),
        };
        let mut response = (status, text).into_response();
        response
            .headers_mut()
            .insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
        if let Self::Ended(cleared) = &self {
            if let Ok(v) = HeaderValue::from_str(cleared) {
                response.headers_mut().insert(SET_COOKIE, v);
            }
        }
        response
    }
}

/// A signed-in user: the verified claims of the session cookie. A handler that takes it
/// answers `401` to anyone else (`503` while the realm's keys can't be fetched); take
/// `Option<LoginRocketSession>` to serve both.
///
/// ```no_run
/// use loginrocket_axum::LoginRocketSession;
///
/// async fn home(session: Option<LoginRocketSession>) -> String {
///     match session {
///         Some(s) => format!("Hello, {}", s.claims().email().unwrap_or("you")),
///         None => "Hello, stranger".into(),
///     }
/// }
/// ```
#[derive(Clone, Debug)]
pub struct LoginRocketSession(Claims);

impl LoginRocketSession {
    /// The token's verified claims.
    pub fn claims(&self) -> &Claims {
        &self.0
    }
}

/// The response a handler taking [`LoginRocketSession`] gives when there is none.
#[derive(Debug)]
pub struct SessionRejection(Refused);

impl IntoResponse for SessionRejection {
    fn into_response(self) -> Response {
        self.0.into_response()
    }
}

impl<S> FromRequestParts<S> for LoginRocketSession
where
    S: Send + Sync,
    LoginRocketAuth: FromRef<S>,
{
    type Rejection = SessionRejection;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let auth = LoginRocketAuth::from_ref(state);
        auth.session(&parts.headers)
            .await
            .map(Self)
            .map_err(SessionRejection)
    }
}

impl<S> OptionalFromRequestParts<S> for LoginRocketSession
where
    S: Send + Sync,
    LoginRocketAuth: FromRef<S>,
{
    type Rejection = SessionRejection;

    /// `None` without a session, with one that no longer verifies or that ended at
    /// LoginRocket (where that is checked); an error only while
    /// the realm's keys can't be fetched (a signed-in user is not shown as signed out).
    async fn from_request_parts(
        parts: &mut Parts,
        state: &S,
    ) -> Result<Option<Self>, Self::Rejection> {
        let auth = LoginRocketAuth::from_ref(state);
        match auth.session(&parts.headers).await {
            Ok(claims) => Ok(Some(Self(claims))),
            Err(Refused::Token(e @ VerifyError::KeysUnavailable(_))) => {
                Err(SessionRejection(Refused::Token(e)))
            }
            Err(_) => Ok(None),
        }
    }
}

#[derive(serde::Deserialize)]
struct HandOff {
    token: Option<String>,
    redirect: Option<String>,
    /// A hosted sign-in's state, as the start route put it in the `redirect_uri`.
    state: Option<String>,
}

#[derive(serde::Deserialize)]
struct Start {
    redirect: Option<String>,
    prompt: Option<String>,
    /// A social provider to ask the hosted page for (`google`).
    provider: Option<String>,
    /// The signed-in user's own hosted page instead of sign-in: `accounts` or `profile`.
    page: Option<String>,
}

/// Whether `id` may name a provider in a URL: `[a-z0-9_-]`, 1 to 32 of them.
fn provider_id(id: &str) -> bool {
    (1..=32).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'-')
}

/// Starts a round trip through the realm's hosted pages: a fresh state, in a cookie and in
/// the `redirect_uri`. Sign-in by default; `page=accounts` or `page=profile` opens the
/// signed-in user's own page for their session (the `session=` AuthRocket documents), and
/// comes back signed in to the account chosen there.
async fn start(
    State(auth): State<LoginRocketAuth>,
    headers: HeaderMap,
    Query(Start {
        redirect,
        prompt,
        provider,
        page,
    }): Query<Start>,
) -> Response {
    let Some(hosted) = &auth.hosted else {
        return StatusCode::NOT_FOUND.into_response();
    };
    // the page, and what it takes besides its way back
    let (path, extra): (&str, Vec<(&str, String)>) = match page.as_deref() {
        None | Some("login") => {
            let prompt = (prompt.as_deref() == Some("login")).then(|| ("prompt", "login".into()));
            let provider = provider.filter(|p| provider_id(p)).map(|p| ("provider", p));
            ("login", prompt.into_iter().chain(provider).collect())
        }
        Some(own @ ("accounts" | "profile")) => {
            let claims = match auth.session(&headers).await {
                Ok(claims) => claims,
                Err(refused) => return refused.into_response(),
            };
            let Some(sid) = claims.session_id() else {
                return Refused::NoSession.into_response();
            };
            (own, vec![("session", sid.to_owned())])
        }
        Some(_) => return StatusCode::NOT_FOUND.into_response(),
    };
    let mut nonce = [0u8; 32];
    if getrandom::getrandom(&mut nonce).is_err() {
        return StatusCode::SERVICE_UNAVAILABLE.into_response();
    }
    let state: String = nonce.iter().map(|b| format!("{b:02x}")).collect();
    let to = loginrocket::redirect::safe_redirect(redirect.as_deref(), auth.config.after_login);
    let back = form_urlencoded::Serializer::new(String::new())
        .append_pair("state", &state)
        .append_pair("redirect", &to)
        .finish();
    let redirect_uri = format!("{}?{back}", hosted.handoff_url);
    let params: Vec<(&str, &str)> = std::iter::once(("redirect_uri", redirect_uri.as_str()))
        .chain(extra.iter().map(|(k, v)| (*k, v.as_str())))
        .collect();
    let Ok(location) = hosted.pages.hosted_url(path, &params) else {
        return StatusCode::SERVICE_UNAVAILABLE.into_response();
    };
    let cookie = format!(
        "{}={state}; {}",
        auth.config.state_cookie_name(),
        auth.config.cookie_attributes(STATE_MAX_AGE)
    );
    see_other(&location, &[cookie])
}

async fn hand_off(
    State(auth): State<LoginRocketAuth>,
    headers: HeaderMap,
    // a query that does not parse is axum's 400
    Query(HandOff {
        token,
        redirect,
        state,
    }): Query<HandOff>,
) -> Response {
    if !top_level_navigation(&headers) {
        return Refused::CrossSite.into_response();
    }
    // a page of the app (the kit's hand-off), or the return of a hosted sign-in this
    // browser started (its state, in the cookie and the URL, once)
    let state_cookie = auth.config.state_cookie_name();
    let started_here = match (state.as_deref(), cookie(&headers, &state_cookie)) {
        (Some(sent), Some(kept)) => auth.hosted.is_some() && !sent.is_empty() && sent == kept,
        _ => false,
    };
    if !started_here && !same_origin(&headers) {
        let carries_token = token.as_deref().is_some_and(|t| !t.is_empty());
        return match &auth.hosted {
            // perhaps a hosted sign-in's return: the token leaves the address bar and the
            // history first (the same route, bare), then a page says why it is not used
            Some(_) if carries_token => see_other(auth.config.handoff_path, &[]),
            Some(_) => unsolicited_page(auth.config.start_path),
            None => Refused::CrossSite.into_response(),
        };
    }
    let Some(token) = token.filter(|t| !t.is_empty()) else {
        return Refused::NoToken.into_response();
    };
    let claims = match auth.verifier.verify(&token).await {
        Ok(claims) => claims,
        Err(why) => return Refused::Token(why).into_response(),
    };
    // the kit's own rule for destinations: a same-origin path, judged as the browser reads it
    let to = loginrocket::redirect::safe_redirect(redirect.as_deref(), auth.config.after_login);
    let session = auth.session_cookie(&token, &claims);
    // the state is used up
    let spent = format!("{state_cookie}=; {}", auth.config.cookie_attributes(0));
    see_other(&to, &[session, spent])
}

async fn log_out(State(auth): State<LoginRocketAuth>, headers: HeaderMap) -> Response {
    if !same_origin(&headers) {
        return Refused::CrossSite.into_response();
    }
    // only a session this realm signed: a forged cookie ends nobody's session
    if let (Some(client), Ok(claims)) = (&auth.loginrocket, auth.session(&headers).await) {
        if let Some(sid) = claims.session_id() {
            let params = loginrocket::LogoutParams::new(loginrocket::Secret::new(sid));
            // an answer either way: the cookie is cleared below
            let _ = client.logout(&params).await;
        }
    }
    let cookie = format!(
        "{}=; {}",
        auth.config.cookie_name(),
        auth.config.cookie_attributes(0)
    );
    see_other(auth.config.after_logout, &[cookie])
}

/// `303 See Other` to `to`, setting `cookies`; not cached, and no `Referer` from it.
pub(crate) fn see_other(to: &str, cookies: &[String]) -> Response {
    let mut response = StatusCode::SEE_OTHER.into_response();
    let headers = response.headers_mut();
    match HeaderValue::from_str(to) {
        Ok(to) => headers.insert(LOCATION, to),
        Err(_) => return StatusCode::BAD_REQUEST.into_response(),
    };
    for cookie in cookies {
        match HeaderValue::from_str(cookie) {
            Ok(cookie) => headers.append(SET_COOKIE, cookie),
            Err(_) => return StatusCode::BAD_REQUEST.into_response(),
        };
    }
    headers.insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert("referrer-policy", HeaderValue::from_static("no-referrer"));
    response
}

/// The page a hosted sign-in's return gets when this browser did not start it: what
/// happened, and a way to sign in. It never holds the token.
fn unsolicited_page(start_path: &str) -> Response {
    let page = format!(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
<title>Sign in again</title></head><body><main><h1>Sign in again</h1>\
<p>This sign-in did not start in this browser, so it was not used: a link can sign you in \
as someone else. Nothing was changed.</p><p><a href=\"{start_path}\">Sign in</a></p>\
</main></body></html>"
    );
    let mut response = (StatusCode::FORBIDDEN, axum::response::Html(page)).into_response();
    let headers = response.headers_mut();
    headers.insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert("referrer-policy", HeaderValue::from_static("no-referrer"));
    headers.insert(
        "content-security-policy",
        HeaderValue::from_static("default-src 'none'; frame-ancestors 'none'"),
    );
    response
}

/// The value of cookie `name` in the request's `Cookie` headers.
pub(crate) fn cookie<'h>(headers: &'h HeaderMap, name: &str) -> Option<&'h str> {
    headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(n, _)| *n == name)
        .map(|(_, value)| value)
        .filter(|value| !value.is_empty())
}

/// Whether the request comes from a page of this origin: `Sec-Fetch-Site: same-origin`
/// where the browser sends it, else `Origin`, else `Referer`, against `Host`. A request that
/// says nothing, or that no page started (`none`: typed, bookmarked, or a link opened from
/// outside the browser), is refused.
pub(crate) fn same_origin(headers: &HeaderMap) -> bool {
    if let Some(site) = header_text(headers, "sec-fetch-site") {
        return site == "same-origin";
    }
    let Some(host) = header_text(headers, HOST.as_str()) else {
        return false;
    };
    let from =
        header_text(headers, ORIGIN.as_str()).or_else(|| header_text(headers, REFERER.as_str()));
    from.and_then(|url| url.split_once("://"))
        .map(|(_, rest)| rest.split('/').next().unwrap_or_default())
        .is_some_and(|authority| authority.eq_ignore_ascii_case(host))
}

/// Whether the request is a top-level navigation, where the browser says (Fetch Metadata):
/// not a subresource (`<img>`, `fetch`) nor a frame.
pub(crate) fn top_level_navigation(headers: &HeaderMap) -> bool {
    header_text(headers, "sec-fetch-mode").is_none_or(|m| m == "navigate")
        && header_text(headers, "sec-fetch-dest").is_none_or(|d| d == "document")
}

/// A request header's value, as text.
fn header_text<'h>(headers: &'h HeaderMap, name: &str) -> Option<&'h str> {
    headers.get(name).and_then(|v| v.to_str().ok())
}

pub(crate) fn unix_now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}
