//! Forms that work before the wasm: the kit's forms, server-rendered, post here when the
//! browser runs no wasm (yet), and the backend makes the LoginRocket call for them.
//!
//! - `POST <forms_path>/<form>` for `login`, `two-factor`, `account`, `signup`, `forgot`
//!   and `reset`. The kit's server markup names it as each form's `action`, with the page
//!   to come back to (`lr_back`), the destination (`lr_redirect`) and the page's language
//!   (`lr_locale`, sent on as `Accept-Language`).
//! - A `full_login` sets the session cookie (as the hand-off does) and answers `303` to the
//!   destination.
//! - A `conditional_login` keeps the LoginRocket session in a short-lived signed cookie
//!   (`lr_pending`, 10 minutes, `HttpOnly`) and answers `303` to the step's page.
//! - Anything else (a 409/422, a rate limit, LoginRocket unreachable, a plain `okay`) comes
//!   back to the form: `303` to `lr_back` with the answer in a signed cookie that lives a
//!   minute (`lr_flash`). The page's render reads it once ([`LoginRocketAuth::server_forms`])
//!   and the kit shows it as it would have shown its own call's answer, the values typed in
//!   again, never a secret.
//! - An emailed link (`GET <reset page>?token=…`, `GET <verify page>?token=…`) is taken by
//!   [`emailed_links`]: the reset token goes into a signed cookie (`lr_link`, an hour), the
//!   email is verified at once, and the browser is sent to the same page without the token.
//!
//! Who may post: a top-level navigation (`Sec-Fetch-Mode: navigate`, `Sec-Fetch-Dest:
//! document` where the browser sends them) from a page of this origin (as for the hand-off:
//! `Sec-Fetch-Site: same-origin`, else `Origin`, else `Referer`). That is exactly what a form
//! of the app submitted without script is; a form on another site (login CSRF), a `fetch`
//! and a frame are refused.

use std::sync::{Arc, Mutex};

use axum::extract::{Path, Request, State};
use axum::http::{HeaderMap, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::Form;
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
use loginrocket::server_forms::{Exchange, HeldStep, PostedAnswer, ServerForms};
use loginrocket::transport::{
    BoxFuture, HttpRequest, HttpResponse, NativeTransport, Transport, TransportError,
};
use loginrocket::{
    AccountChoice, Condition, Config, ForgotPasswordParams, GetSessionParams, LoginParams,
    LoginRocket, ResetPasswordParams, Response as LrResponse, Secret, SignupParams,
    VerifyEmailParams, VerifyLoginParams,
};
use serde::{Deserialize, Serialize};

use crate::session::{cookie, same_origin, see_other, top_level_navigation, unix_now, Refused};
use crate::{LoginRocketAuth, SessionConfig};

/// Where the kit's pages are, for the form posts' answers and the emailed links. The
/// defaults are the kit's `AuthPaths` under `/auth` (a test in the kit keeps them the same).
///
/// ```
/// use loginrocket_axum::FormPages;
///
/// let pages = FormPages { two_factor: "/login/code", ..FormPages::default() };
/// assert_eq!(pages.sign_in, "/auth/sign-in");
/// ```
#[derive(Clone, Debug)]
pub struct FormPages {
    /// The sign-in page (where a post with no usable `lr_back` comes back to).
    pub sign_in: &'static str,
    /// The two-factor page.
    pub two_factor: &'static str,
    /// The account-choice page.
    pub choose_account: &'static str,
    /// The new-password page an emailed reset link opens.
    pub reset_password: &'static str,
    /// The page an emailed verification link opens.
    pub verify_email: &'static str,
}

impl Default for FormPages {
    fn default() -> Self {
        Self {
            sign_in: "/auth/sign-in",
            two_factor: "/auth/two-factor",
            choose_account: "/auth/choose-account",
            reset_password: "/auth/reset-password",
            verify_email: "/auth/verify-email",
        }
    }
}

/// The form posts' part of [`LoginRocketAuth`].
pub(crate) struct Forms {
    lr_url: String,
    transport: Arc<dyn Transport>,
    encoding: EncodingKey,
    decoding: DecodingKey,
    pub(crate) pages: FormPages,
}

/// Fields whose values come back to the form after an error: never a password or a code.
const TYPED_VALUES: &[&str] = &["email", "first_name", "last_name", "username", "org_name"];

impl Forms {
    pub(crate) fn new(lr_url: &str, key: &[u8], pages: FormPages) -> Result<Self, String> {
        if key.len() < 32 {
            return Err("the form posts' key must be at least 32 bytes".into());
        }
        loginrocket::check_lr_url(lr_url).map_err(|e| e.to_string())?;
        Ok(Self {
            lr_url: lr_url.to_owned(),
            transport: Arc::new(NativeTransport::new()),
            encoding: EncodingKey::from_secret(key),
            decoding: DecodingKey::from_secret(key),
            pages,
        })
    }

    /// A client for one form's call in `locale`, and what its transport saw.
    fn client(&self, locale: Option<&str>) -> Option<(LoginRocket, Arc<Mutex<Option<Exchange>>>)> {
        let mut config = Config::new(self.lr_url.as_str());
        if let Some(locale) = locale {
            config = config.locale(locale);
        }
        let seen = Arc::new(Mutex::new(None));
        let transport = Arc::new(Recording {
            inner: self.transport.clone(),
            seen: seen.clone(),
        });
        let client = LoginRocket::with_transport(config, transport).ok()?;
        Some((client, seen))
    }

    /// The `Set-Cookie` that keeps `value` as `kind`, signed, for the kind's lifetime.
    fn keep<T: Serialize>(&self, config: &SessionConfig, kind: Kept, value: T) -> Option<String> {
        let sealed = Sealed {
            kind: kind.name().to_owned(),
            exp: unix_now() + kind.max_age(),
            value,
        };
        let sealed =
            jsonwebtoken::encode(&Header::new(Algorithm::HS256), &sealed, &self.encoding).ok()?;
        Some(format!(
            "{}={sealed}; {}",
            config.prefixed(kind.name()),
            config.cookie_attributes(kind.max_age())
        ))
    }

    /// The value the request's cookie of `kind` keeps, when this server signed it as that
    /// kind and it has not expired.
    fn kept<T: for<'de> Deserialize<'de>>(
        &self,
        headers: &HeaderMap,
        config: &SessionConfig,
        kind: Kept,
    ) -> Option<T> {
        let sealed = cookie(headers, &config.prefixed(kind.name()))?;
        let mut validation = Validation::new(Algorithm::HS256);
        validation.validate_aud = false;
        validation.leeway = 0;
        let opened = jsonwebtoken::decode::<Sealed<T>>(sealed, &self.decoding, &validation).ok()?;
        (opened.claims.kind == kind.name()).then_some(opened.claims.value)
    }
}

/// What the form posts keep in a signed cookie of their own, each for its time.
#[derive(Clone, Copy)]
enum Kept {
    /// A sign-in step's LoginRocket session, for its next form (10 minutes).
    Pending,
    /// An answer on its way back to its form (a minute: the very next request reads it).
    Flash,
    /// An emailed reset link's token (an hour).
    Link,
}

impl Kept {
    /// The cookie's name (before `__Host-`), which the sealed value names too: one kind can't
    /// pass for another.
    fn name(self) -> &'static str {
        match self {
            Kept::Pending => "lr_pending",
            Kept::Flash => "lr_flash",
            Kept::Link => "lr_link",
        }
    }

    fn max_age(self) -> u64 {
        match self {
            Kept::Pending => 600,
            Kept::Flash => 60,
            Kept::Link => 3600,
        }
    }

    /// The `Set-Cookie` that ends it.
    fn spent(self, config: &SessionConfig) -> String {
        format!(
            "{}=; {}",
            config.prefixed(self.name()),
            config.cookie_attributes(0)
        )
    }
}

/// A kept value as signed: what it is, until when, and the value.
#[derive(Serialize, Deserialize)]
struct Sealed<T> {
    #[serde(rename = "use")]
    kind: String,
    exp: u64,
    value: T,
}

/// A transport that remembers the last exchange (for the answer's flash).
struct Recording {
    inner: Arc<dyn Transport>,
    seen: Arc<Mutex<Option<Exchange>>>,
}

impl Transport for Recording {
    fn send(&self, request: HttpRequest) -> BoxFuture<Result<HttpResponse, TransportError>> {
        let (inner, seen) = (self.inner.clone(), self.seen.clone());
        Box::pin(async move {
            let result = inner.send(request).await;
            if let Ok(mut seen) = seen.lock() {
                *seen = Some(Exchange::from_transport(&result));
            }
            result
        })
    }
}

/// A sign-in step's LoginRocket session, kept for its next form.
#[derive(Serialize, Deserialize)]
struct Pending {
    session: String,
    two_factor: bool,
    accounts: Option<Vec<AccountChoice>>,
    redirect: String,
}

/// The posted fields.
struct Fields(Vec<(String, String)>);

impl Fields {
    fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    fn text(&self, name: &str) -> String {
        self.get(name).unwrap_or_default().trim().to_owned()
    }

    fn optional(&self, name: &str) -> Option<String> {
        Some(self.text(name)).filter(|v| !v.is_empty())
    }

    fn secret(&self, name: &str) -> Secret {
        Secret::new(self.get(name).unwrap_or_default())
    }

    fn typed_values(&self) -> Vec<(String, String)> {
        self.0
            .iter()
            .filter(|(n, _)| TYPED_VALUES.contains(&n.as_str()))
            .cloned()
            .collect()
    }
}

/// A language tag that may be sent on as `Accept-Language` (letters, digits and `-`).
fn language_tag(raw: Option<&str>) -> Option<&str> {
    raw.filter(|t| {
        (1..=35).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
    })
}

/// `path?redirect=<to>`.
fn with_redirect(path: &str, to: &str) -> String {
    let query = form_urlencoded::Serializer::new(String::new())
        .append_pair("redirect", to)
        .finish();
    format!("{path}?{query}")
}

/// `POST <forms_path>/{form}`.
pub(crate) async fn post_form(
    State(auth): State<LoginRocketAuth>,
    Path(form): Path<String>,
    headers: HeaderMap,
    Form(fields): Form<Vec<(String, String)>>,
) -> Response {
    let Some(forms) = auth.forms.clone() else {
        return StatusCode::NOT_FOUND.into_response();
    };
    if !(same_origin(&headers) && top_level_navigation(&headers)) {
        return Refused::CrossSite.into_response();
    }
    let fields = Fields(fields);
    let back = loginrocket::redirect::safe_redirect(fields.get("lr_back"), forms.pages.sign_in);
    let redirect =
        loginrocket::redirect::safe_redirect(fields.get("lr_redirect"), auth.config.after_login);
    let Some((client, seen)) = forms.client(language_tag(fields.get("lr_locale"))) else {
        return StatusCode::SERVICE_UNAVAILABLE.into_response();
    };
    let pending: Option<Pending> = forms.kept(&headers, &auth.config, Kept::Pending);
    // a step's form goes on to the destination its sign-in was for; any other, to its own
    let to = match &pending {
        Some(p) if matches!(form.as_str(), "two-factor" | "account") => p.redirect.clone(),
        _ => redirect,
    };
    let answer = match form.as_str() {
        "login" => {
            let params = LoginParams::new(fields.text("email"), fields.secret("password"));
            client.login(&params).await
        }
        "two-factor" | "account" => {
            let Some(pending) = &pending else {
                // the step is over (or never was): its page says so and offers to sign in
                return see_other(&back, &[]);
            };
            let session = Secret::new(pending.session.as_str());
            if form == "two-factor" {
                // as the kit sends it
                let code = loginrocket::normalize_code(fields.get("code").unwrap_or_default());
                client
                    .verify_login(&VerifyLoginParams::new(session, code))
                    .await
            } else {
                let mut params = GetSessionParams::new(session);
                params.account = fields.optional("account");
                client.get_session(&params).await
            }
        }
        "signup" => {
            let mut params = SignupParams::new(fields.text("email"), fields.secret("password"));
            params.password_confirmation = fields
                .get("password_confirmation")
                .map(|_| fields.secret("password_confirmation"));
            params.first_name = fields.optional("first_name");
            params.last_name = fields.optional("last_name");
            params.username = fields.optional("username");
            params.org_name = fields.optional("org_name");
            client.signup(&params).await
        }
        "forgot" => {
            client
                .forgot_password(&ForgotPasswordParams::new(fields.text("email")))
                .await
        }
        "reset" => {
            let Some(token) = forms.kept::<String>(&headers, &auth.config, Kept::Link) else {
                // no link (or an old one): the page asks for a new one
                return see_other(&back, &[]);
            };
            let mut params =
                ResetPasswordParams::new(Secret::new(token), fields.secret("password"));
            params.password_confirmation = fields
                .get("password_confirmation")
                .map(|_| fields.secret("password_confirmation"));
            client.reset_password(&params).await
        }
        _ => return StatusCode::NOT_FOUND.into_response(),
    };
    let exchange = seen.lock().ok().and_then(|mut s| s.take());
    let answer = match answer {
        Ok(answer) => answer,
        // a request the client could not build: the form's own mistake, said as a 400
        Err(_) => return StatusCode::BAD_REQUEST.into_response(),
    };
    let spent = |kind: Kept| kind.spent(&auth.config);
    match answer {
        LrResponse::FullLogin(login) => {
            let claims = match auth.verifier.verify(login.token.expose()).await {
                Ok(claims) => claims,
                Err(why) => return Refused::Token(why).into_response(),
            };
            let session = auth.session_cookie(login.token.expose(), &claims);
            see_other(&to, &[session, spent(Kept::Pending), spent(Kept::Link)])
        }
        LrResponse::ConditionalLogin(step) => {
            let (two_factor, choose) = (
                step.has(&Condition::MustVerifyLogin),
                step.has(&Condition::NoAccountSelected),
            );
            let page = if two_factor {
                forms.pages.two_factor
            } else if choose {
                forms.pages.choose_account
            } else {
                // a step these pages can't take without the wasm (profile completion): the
                // sign-in page, told nothing was kept **[ours]**
                return see_other(
                    &with_redirect(forms.pages.sign_in, &to),
                    &[spent(Kept::Pending)],
                );
            };
            let kept = Pending {
                session: step.session.expose().to_owned(),
                two_factor,
                accounts: step.accounts(),
                redirect: to.clone(),
            };
            let Some(cookie) = forms.keep(&auth.config, Kept::Pending, kept) else {
                return StatusCode::SERVICE_UNAVAILABLE.into_response();
            };
            see_other(&with_redirect(page, &to), &[cookie])
        }
        _ => {
            let Some(exchange) = exchange.filter(Exchange::shareable) else {
                return see_other(&back, &[]);
            };
            let flash = flash_cookie(&auth, &forms, &form, exchange, fields.typed_values());
            // a reset that worked used its link up
            let reset_done = form == "reset" && !matches!(answer, LrResponse::Error(_));
            let mut cookies: Vec<String> = flash.into_iter().collect();
            if reset_done {
                cookies.push(spent(Kept::Link));
            }
            see_other(&back, &cookies)
        }
    }
}

/// The `Set-Cookie` that carries `exchange` back to `form`'s page.
fn flash_cookie(
    auth: &LoginRocketAuth,
    forms: &Forms,
    form: &str,
    exchange: Exchange,
    values: Vec<(String, String)>,
) -> Option<String> {
    let answer = PostedAnswer {
        form: form.to_owned(),
        exchange,
        values,
    };
    forms.keep(&auth.config, Kept::Flash, answer)
}

impl LoginRocketAuth {
    /// What the page being rendered is to show of the kit's forms posted without the wasm
    /// (put it in the render's context for the kit), and the `Set-Cookie`s to send with it:
    /// the answer is shown once. Empty without [`with_form_posts`](Self::with_form_posts).
    ///
    /// ```
    /// use axum::http::HeaderMap;
    /// use loginrocket_axum::{HttpKeys, LoginRocketAuth, SessionConfig, Verifier, VerifierConfig};
    ///
    /// let lr_url = "https://sample.e2.loginrocket.com/";
    /// let verifier = Verifier::new(HttpKeys::for_loginrocket(lr_url), VerifierConfig::default());
    /// let auth = LoginRocketAuth::new(verifier, SessionConfig::default())
    ///     .with_form_posts(lr_url, &[7; 32])
    ///     .expect("a LoginRocket URL and a long key");
    /// let (forms, cookies) = auth.server_forms(&HeaderMap::new());
    /// assert!(forms.answer.is_none() && cookies.is_empty());
    /// ```
    pub fn server_forms(&self, headers: &HeaderMap) -> (ServerForms, Vec<String>) {
        let mut found = ServerForms::default();
        let mut cookies = Vec::new();
        let Some(forms) = &self.forms else {
            return (found, cookies);
        };
        if cookie(headers, &self.config.prefixed(Kept::Flash.name())).is_some() {
            found.answer = forms.kept(headers, &self.config, Kept::Flash);
            cookies.push(Kept::Flash.spent(&self.config));
        }
        if let Some(pending) = forms.kept::<Pending>(headers, &self.config, Kept::Pending) {
            found.steps.push(if pending.two_factor {
                HeldStep::TwoFactor
            } else {
                HeldStep::ChooseAccount {
                    accounts: pending.accounts.unwrap_or_default(),
                }
            });
        }
        if forms
            .kept::<String>(headers, &self.config, Kept::Link)
            .is_some()
        {
            found.steps.push(HeldStep::ResetPassword);
        }
        (found, cookies)
    }
}

/// Takes an emailed link before its page is rendered, for an app with
/// [`with_form_posts`](LoginRocketAuth::with_form_posts): `GET <reset page>?token=…` keeps
/// the token in a signed `HttpOnly` cookie for the new-password form; `GET <verify
/// page>?token=…` verifies the email at once (as the kit's page does when it opens). Either
/// way the answer is `303` to the same page without the token, so that it leaves the
/// address bar, the history and any `Referer`. Other requests pass.
///
/// ```no_run
/// use axum::{middleware, Router};
/// use loginrocket_axum::{emailed_links, LoginRocketAuth};
///
/// fn app(auth: LoginRocketAuth) -> Router {
///     Router::new()
///         .merge(auth.routes())
///         .layer(middleware::from_fn_with_state(auth.clone(), emailed_links))
///         .with_state(auth)
/// }
/// ```
pub async fn emailed_links(
    State(auth): State<LoginRocketAuth>,
    request: Request,
    next: Next,
) -> Response {
    let Some(forms) = auth.forms.clone() else {
        return next.run(request).await;
    };
    let path = request.uri().path();
    let (reset, verify) = (
        path == forms.pages.reset_password,
        path == forms.pages.verify_email,
    );
    if request.method() != Method::GET || !(reset || verify) {
        return next.run(request).await;
    }
    let query: Vec<(String, String)> = request
        .uri()
        .query()
        .map(|q| form_urlencoded::parse(q.as_bytes()).into_owned().collect())
        .unwrap_or_default();
    let Some(token) = query
        .iter()
        .find(|(k, _)| k == "token")
        .map(|(_, v)| v.clone())
    else {
        return next.run(request).await;
    };
    // the same page, the other parameters kept (a destination), the token gone
    let rest: Vec<&(String, String)> = query.iter().filter(|(k, _)| k != "token").collect();
    let bare = if rest.is_empty() {
        path.to_owned()
    } else {
        let mut q = form_urlencoded::Serializer::new(String::new());
        for (k, v) in rest {
            q.append_pair(k, v);
        }
        format!("{path}?{}", q.finish())
    };
    if reset {
        let Some(cookie) = forms.keep(&auth.config, Kept::Link, token) else {
            return StatusCode::SERVICE_UNAVAILABLE.into_response();
        };
        return see_other(&bare, &[cookie]);
    }
    // the visitor's language, as the browser asks for it
    let language = request
        .headers()
        .get(axum::http::header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split([',', ';']).next())
        .map(str::trim);
    let Some((client, seen)) = forms.client(language_tag(language)) else {
        return StatusCode::SERVICE_UNAVAILABLE.into_response();
    };
    let _ = client.verify_email(&VerifyEmailParams::new(token)).await;
    let exchange = seen.lock().ok().and_then(|mut s| s.take());
    let cookies: Vec<String> = exchange
        .filter(Exchange::shareable)
        .and_then(|e| flash_cookie(&auth, &forms, "verify-email", e, Vec::new()))
        .into_iter()
        .collect();
    see_other(&bare, &cookies)
}
