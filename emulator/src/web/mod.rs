//! LoginRocket Web: the realm's hosted pages, at its root next to `/v2/`
//! (`../shared/spec/loginrocket-api.md` §6.2). Server-rendered HTML without scripts, in the
//! emulator's languages (`?locale=`, then `Accept-Language`, then the realm's default).
//!
//! | page | what |
//! |---|---|
//! | `GET /login` | the sign-in form, with a "Continue with …" per social provider; with a live hosted session (and no `prompt=login`) straight back to the app with a fresh token |
//! | `POST /login` | `email`, `password`: then the 2FA and account-choice pages when the session needs them, and `303` to `redirect_uri?token=<JWT>` |
//! | `POST /login/verify` | the 2FA `code` |
//! | `GET`/`POST /signup` | a signup by the realm's rules, then back with a token |
//! | `GET`/`POST /accounts` | the user's accounts; choosing one goes back with a token for it |
//! | `GET`/`POST /profile` | the user's name; saving goes back with a fresh token |
//! | `GET /logout` | ends the hosted session, then to `redirect_uri`, or to `/login` |
//! | `GET`/`POST /social/{provider}` | an emulated provider's consent page (see below) |
//!
//! Every page takes `redirect_uri`, `locale` and, for `/login`, `/accounts` and `/profile`,
//! `session=<kss_…>`: a session signed in through the API opens the page without signing in
//! again (it becomes the pages' session, and the address loses it at once).
//!
//! Decisions where AuthRocket documents nothing (**\[ours\]**):
//! - `redirect_uri` must be on the origin of one of the realm's `login_urls` (`*` in
//!   `allowed_origins` never counts); another is a page that says so, never a redirect.
//!   Without `redirect_uri`, the first Login URL; without any, a page that says the user is
//!   signed in.
//! - The pages' own session is an `lr_web` cookie (`HttpOnly`, `SameSite=Lax`), holding the
//!   session id. Browsers send cookies to every port of a host, so an app on another port of
//!   127.0.0.1 receives it too: it names a session of the emulator only.
//! - A form post from another site (`Sec-Fetch-Site` other than `same-origin`) is refused.
//! - `/login?provider=google` goes straight to that provider.
//! - An emulated provider's consent page asks which account to be (email, name). Its email
//!   is taken as verified: it links the user with that email (whose 2FA still applies), or
//!   creates one when the realm's signup is open.
//! - The pages count against the same rate limits as the API's `login` and `signup`.
//!
//! Faults (`POST /_emulator/faults` with `path: "/login"`, …) apply as to the API.

mod html;
mod text;

use axum::extract::{Path, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;

use crate::api::{self, ApiError};
use crate::i18n::{self, Field, Msg};
use crate::login::SessionError;
use crate::seed::{SignupMode, UserSeed};
use crate::store::{Session, Store};
use crate::{crypto, Req, Shared};
use html::{errors, esc, hidden, input, Page};
use text::{provider_name, T};

/// The hosted pages' session cookie.
const COOKIE: &str = "lr_web";

pub fn routes() -> Router<Shared> {
    Router::new()
        .route("/login", get(login_page).post(login_submit))
        .route("/login/verify", post(verify_submit))
        .route("/signup", get(signup_page).post(signup_submit))
        .route("/accounts", get(accounts_page).post(accounts_submit))
        .route("/profile", get(profile_page).post(profile_submit))
        .route("/logout", get(logout))
        .route("/social/{provider}", get(consent_page).post(consent_submit))
}

/// The hosted session named by a `Cookie` header, if any.
pub fn session_cookie(cookies: &str) -> Option<String> {
    cookies.split(';').find_map(|c| {
        let (name, value) = c.trim().split_once('=')?;
        (name == COOKIE && !value.is_empty()).then(|| value.to_owned())
    })
}

/// What every page needs to know about its request.
struct Ctx {
    locale: &'static str,
    realm: String,
    /// Where a sign-in goes back to (checked), if anywhere.
    back: Option<String>,
    /// The `redirect_uri` and `locale` the page was given, carried to the next one.
    carried: Vec<(&'static str, Option<String>)>,
}

impl Ctx {
    /// `Err` (a page that says so) when `redirect_uri` is not the realm's to receive.
    fn new(store: &Store, req: &Req) -> Result<Self, Page> {
        let asked = req.s("locale");
        let locale = i18n::negotiate(
            asked.as_deref().or(req.accept_language.as_deref()),
            None,
            &store.realm.default_locale,
        );
        let realm = store.realm.name.clone();
        let given = req.s("redirect_uri").filter(|u| !u.is_empty());
        let back = match &given {
            Some(uri) if allowed(&store.realm.login_urls, uri) => Some(uri.clone()),
            Some(uri) => {
                let body = format!(
                    "<p>{}</p><p><code>{}</code></p>",
                    esc(&T::RefusedText.text(locale).replace("{realm}", &realm)),
                    esc(uri)
                );
                let title = T::RefusedTitle.text(locale).to_owned();
                return Err(Page {
                    status: StatusCode::BAD_REQUEST,
                    locale,
                    title,
                    body,
                });
            }
            None => store.realm.login_urls.first().cloned(),
        };
        Ok(Ctx {
            locale,
            realm,
            back,
            carried: vec![("redirect_uri", given), ("locale", asked)],
        })
    }

    fn t(&self, t: T) -> String {
        t.text(self.locale).replace("{realm}", &self.realm)
    }

    fn page(&self, status: StatusCode, title: T, body: String) -> Response {
        Page {
            status,
            locale: self.locale,
            title: self.t(title),
            body,
        }
        .into_response()
    }

    /// `path` with the carried parameters as its query.
    fn link(&self, path: &str) -> String {
        let mut query = form_urlencoded::Serializer::new(String::new());
        for (k, v) in &self.carried {
            if let Some(v) = v.as_deref().filter(|v| !v.is_empty()) {
                query.append_pair(k, v);
            }
        }
        let query = query.finish();
        if query.is_empty() {
            path.to_owned()
        } else {
            format!("{path}?{query}")
        }
    }

    fn hidden(&self) -> String {
        hidden(&self.carried)
    }

    /// A form that posts to `action`, with the carried parameters.
    fn form(&self, action: &str, inside: &str) -> String {
        format!(
            "<form method=\"post\" action=\"{action}\">{}{inside}</form>",
            self.hidden()
        )
    }

    /// What a failed step shows: the form again with the messages (422), or a page.
    fn failed(&self, error: ApiError, form: impl FnOnce(&[String]) -> Response) -> Response {
        match error {
            ApiError::Invalid(msgs, locale) => {
                let texts: Vec<String> = msgs.iter().map(|m| m.text(locale)).collect();
                let mut response = form(&texts);
                *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
                response
            }
            ApiError::RateLimited(l) => {
                let mut response = self.page(
                    StatusCode::TOO_MANY_REQUESTS,
                    T::RateLimited,
                    format!(
                        "<p><a href=\"{}\">{}</a></p>",
                        esc(&self.link("/login")),
                        esc(&self.t(T::SignIn))
                    ),
                );
                let wait = l.reset_at.saturating_sub(l.now).max(1);
                if let Ok(v) = HeaderValue::from_str(&wait.to_string()) {
                    response.headers_mut().insert(header::RETRY_AFTER, v);
                }
                response
            }
            ApiError::Forbidden => see_other(&self.link("/login")),
            ApiError::NotFound => Page {
                status: StatusCode::NOT_FOUND,
                locale: self.locale,
                title: Msg::NotFound.text(self.locale),
                body: String::new(),
            }
            .into_response(),
        }
    }
}

/// Whether `uri` is an http(s) URL on the origin of one of `login_urls`.
fn allowed(login_urls: &[String], uri: &str) -> bool {
    let Ok(uri) = url::Url::parse(uri) else {
        return false;
    };
    matches!(uri.scheme(), "http" | "https")
        && login_urls
            .iter()
            .filter_map(|u| url::Url::parse(u).ok())
            .any(|u| u.origin() == uri.origin())
}

fn see_other(location: &str) -> Response {
    let mut response = StatusCode::SEE_OTHER.into_response();
    if let Ok(v) = HeaderValue::from_str(location) {
        response.headers_mut().insert(header::LOCATION, v);
    }
    response
}

/// `response` with the pages' session cookie set to `session` (or cleared).
fn with_cookie(mut response: Response, session: Option<&str>) -> Response {
    let cookie = match session {
        Some(id) => format!("{COOKIE}={id}; Path=/; HttpOnly; SameSite=Lax"),
        None => format!("{COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0"),
    };
    if let Ok(v) = HeaderValue::from_str(&cookie) {
        response.headers_mut().append(header::SET_COOKIE, v);
    }
    response
}

/// A form post from another site: refused (the pages' own forms post same-origin).
fn cross_site(ctx: &Ctx, req: &Req) -> Option<Response> {
    req.fetch_site
        .as_deref()
        .is_some_and(|s| s != "same-origin")
        .then(|| {
            ctx.page(
                StatusCode::FORBIDDEN,
                T::SignInTitle,
                format!("<p>{}</p>", esc(&ctx.t(T::CrossSite))),
            )
        })
}

/// A `?session=` for a live session: it becomes the pages' session, and the same page is
/// asked again without it in the address.
fn adopt(store: &Store, req: &Req, ctx: &Ctx, path: &str) -> Option<Response> {
    let session = req.s("session")?;
    store.live_session(&session)?;
    Some(with_cookie(see_other(&ctx.link(path)), Some(&session)))
}

/// The pages' live session, if any.
fn web_session(store: &Store, req: &Req) -> Option<Session> {
    store.live_session(req.web_session.as_deref()?).cloned()
}

/// The session is signed in: back to the app with a token, or the step it still needs.
fn finish(
    app: &Shared,
    store: &mut Store,
    ctx: &Ctx,
    session: &str,
    account: Option<&str>,
) -> Response {
    let result = store.session_result(session, account, &app.keys());
    let body = match result {
        Ok(body) => body,
        Err(SessionError::Dead) => return with_cookie(see_other(&ctx.link("/login")), None),
        Err(SessionError::NoSuchAccount) => return not_found(ctx),
    };
    let has = |c: &str| {
        body["conditions"]
            .as_array()
            .is_some_and(|cs| cs.iter().any(|x| x == c))
    };
    match body["token"].as_str() {
        Some(token) => deliver(ctx, token),
        None if has("must_verify_login") => two_factor_form(ctx, &[]),
        None if has("no_account_selected") => {
            let user = store
                .live_session(session)
                .map(|s| s.user_id.clone())
                .unwrap_or_default();
            accounts_form(store, ctx, &user, None)
        }
        None => ctx.page(
            StatusCode::OK,
            T::StepTitle,
            format!("<p>{}</p>", esc(&ctx.t(T::StepText))),
        ),
    }
}

/// `303` to where the sign-in goes back, with `?token=`; without anywhere, a page that says
/// the user is signed in (and shows no token).
fn deliver(ctx: &Ctx, token: &str) -> Response {
    match ctx.back.as_deref().and_then(|b| url::Url::parse(b).ok()) {
        Some(mut back) => {
            back.query_pairs_mut().append_pair("token", token);
            see_other(back.as_str())
        }
        None => ctx.page(
            StatusCode::OK,
            T::SignedInTitle,
            format!("<p>{}</p>", esc(&ctx.t(T::SignedInText))),
        ),
    }
}

macro_rules! ctx {
    ($store:expr, $req:expr) => {
        match Ctx::new(&$store, &$req) {
            Ok(ctx) => ctx,
            Err(page) => return page.into_response(),
        }
    };
}

async fn login_page(State(app): State<Shared>, req: Req) -> Response {
    let mut store = app.store();
    let ctx = ctx!(store, req);
    if let Some(redirect) = adopt(&store, &req, &ctx, "/login") {
        return redirect;
    }
    if let Some(provider) = req
        .s("provider")
        .filter(|p| store.realm.social_providers.contains(p))
    {
        return see_other(&ctx.link(&format!("/social/{provider}")));
    }
    if req.s("prompt").as_deref() != Some("login") {
        if let Some(session) = web_session(&store, &req) {
            return finish(
                &app,
                &mut store,
                &ctx,
                &session.id,
                req.s("account").as_deref(),
            );
        }
    }
    login_form(&store, &ctx, "", &[])
}

fn login_form(store: &Store, ctx: &Ctx, email: &str, messages: &[String]) -> Response {
    let invalid = !messages.is_empty();
    let fields = format!(
        "{}{}<button type=\"submit\">{}</button>",
        input(
            "email",
            Field::Email.name(ctx.locale),
            "email",
            "required autocomplete=\"username\"",
            email,
            invalid
        ),
        input(
            "password",
            Field::Password.name(ctx.locale),
            "password",
            "required autocomplete=\"current-password\"",
            "",
            invalid
        ),
        esc(&ctx.t(T::SignIn)),
    );
    let social: String = store
        .realm
        .social_providers
        .iter()
        .map(|p| {
            format!(
                "<a class=\"button secondary\" href=\"{}\">{}</a>",
                esc(&ctx.link(&format!("/social/{p}"))),
                esc(&ctx
                    .t(T::ContinueWith)
                    .replace("{provider}", provider_name(p)))
            )
        })
        .collect();
    let social = if social.is_empty() {
        social
    } else {
        format!("{social}<p class=\"or\">{}</p>", esc(&ctx.t(T::Or)))
    };
    let signup = if store.realm.signup == SignupMode::Closed {
        String::new()
    } else {
        format!(
            "<p class=\"links\"><a href=\"{}\">{}</a></p>",
            esc(&ctx.link("/signup")),
            esc(&ctx.t(T::NoAccount))
        )
    };
    let body = format!(
        "{}{social}{}{signup}",
        errors(messages),
        ctx.form("/login", &fields)
    );
    ctx.page(StatusCode::OK, T::SignInTitle, body)
}

async fn login_submit(State(app): State<Shared>, req: Req) -> Response {
    session_form(
        &app,
        &req,
        |store, _| api::password_login(store, &req),
        |store, ctx, msgs| login_form(store, ctx, &req.text("email"), msgs),
    )
}

/// A form that starts a session (sign-in, sign-up, a provider's consent): refused from
/// another site; then `start`, and signed in (the pages' session cookie, then on), or `form`
/// again with the messages.
fn session_form(
    app: &Shared,
    req: &Req,
    start: impl FnOnce(&mut Store, &Ctx) -> Result<String, ApiError>,
    form: impl FnOnce(&Store, &Ctx, &[String]) -> Response,
) -> Response {
    let mut store = app.store();
    let ctx = ctx!(store, req);
    if let Some(refused) = cross_site(&ctx, req) {
        return refused;
    }
    match start(&mut store, &ctx) {
        Ok(session) => with_cookie(
            finish(app, &mut store, &ctx, &session, None),
            Some(&session),
        ),
        Err(e) => ctx.failed(e, |msgs| form(&store, &ctx, msgs)),
    }
}

fn two_factor_form(ctx: &Ctx, messages: &[String]) -> Response {
    let fields = format!(
        "<p>{}</p>{}<button type=\"submit\">{}</button>",
        esc(&ctx.t(T::TwoFactorHelp)),
        input(
            "code",
            Field::Code.name(ctx.locale),
            "text",
            "required inputmode=\"numeric\" autocomplete=\"one-time-code\"",
            "",
            !messages.is_empty()
        ),
        esc(&ctx.t(T::Verify)),
    );
    let body = format!("{}{}", errors(messages), ctx.form("/login/verify", &fields));
    ctx.page(StatusCode::OK, T::TwoFactorTitle, body)
}

async fn verify_submit(State(app): State<Shared>, req: Req) -> Response {
    let mut store = app.store();
    let ctx = ctx!(store, req);
    if let Some(refused) = cross_site(&ctx, &req) {
        return refused;
    }
    let Some(session) = web_session(&store, &req) else {
        return see_other(&ctx.link("/login"));
    };
    match api::second_factor(&mut store, &session.id, &req) {
        Ok(()) => finish(&app, &mut store, &ctx, &session.id, None),
        Err(e) => ctx.failed(e, |msgs| two_factor_form(&ctx, msgs)),
    }
}

async fn signup_page(State(app): State<Shared>, req: Req) -> Response {
    let store = app.store();
    let ctx = ctx!(store, req);
    signup_form(&store, &ctx, &req, &[])
}

fn signup_form(store: &Store, ctx: &Ctx, req: &Req, messages: &[String]) -> Response {
    if store.realm.signup != SignupMode::Open {
        // [ours]: invitations are answered in the app (POST signup/request), not here
        let body = format!("<p>{}</p>", esc(&Msg::SignupClosed.text(ctx.locale)));
        return ctx.page(StatusCode::OK, T::SignUpTitle, body);
    }
    let invalid = !messages.is_empty();
    let l = ctx.locale;
    let fields = format!(
        "{}{}{}<button type=\"submit\">{}</button>",
        name_inputs(l, &req.text("first_name"), &req.text("last_name")),
        input(
            "email",
            Field::Email.name(l),
            "email",
            "required autocomplete=\"email\"",
            &req.text("email"),
            invalid
        ),
        input(
            "password",
            Field::Password.name(l),
            "password",
            "required autocomplete=\"new-password\"",
            "",
            invalid
        ),
        esc(&ctx.t(T::SignUp)),
    );
    let body = format!(
        "{}{}<p class=\"links\"><a href=\"{}\">{}</a></p>",
        errors(messages),
        ctx.form("/signup", &fields),
        esc(&ctx.link("/login")),
        esc(&ctx.t(T::HaveAccount))
    );
    ctx.page(StatusCode::OK, T::SignUpTitle, body)
}

async fn signup_submit(State(app): State<Shared>, req: Req) -> Response {
    session_form(
        &app,
        &req,
        |store, _| api::create_signup(store, &req),
        |store, ctx, msgs| signup_form(store, ctx, &req, msgs),
    )
}

/// The first and last name inputs, filled with `first` and `last`.
fn name_inputs(locale: &str, first: &str, last: &str) -> String {
    let name =
        |id, field: Field, token, value| input(id, field.name(locale), "text", token, value, false);
    name(
        "first_name",
        Field::FirstName,
        "autocomplete=\"given-name\"",
        first,
    ) + &name(
        "last_name",
        Field::LastName,
        "autocomplete=\"family-name\"",
        last,
    )
}

fn accounts_form(store: &Store, ctx: &Ctx, user_id: &str, selected: Option<&str>) -> Response {
    let orgs = store
        .users
        .iter()
        .find(|u| u.id == user_id)
        .map(|u| u.orgs.clone())
        .unwrap_or_default();
    let buttons: String = orgs
        .iter()
        .filter_map(|id| store.orgs.iter().find(|o| &o.id == id))
        .map(|o| {
            let current = if Some(o.id.as_str()) == selected { " aria-current=\"true\"" } else { "" };
            format!(
                "<button type=\"submit\" class=\"secondary\" name=\"account\" value=\"{}\"{current}>{}</button>",
                esc(&o.id),
                esc(&o.name)
            )
        })
        .collect();
    ctx.page(
        StatusCode::OK,
        T::AccountsTitle,
        ctx.form("/accounts", &buttons),
    )
}

async fn accounts_page(State(app): State<Shared>, req: Req) -> Response {
    own_page(&app, &req, "/accounts", |store, ctx, s| {
        accounts_form(store, ctx, &s.user_id, s.account.as_deref())
    })
}

/// A signed-in user's own page (`/accounts`, `/profile`) at `path`: `form` for the pages'
/// session (a `?session=` given becomes it first), else sign in first.
fn own_page(
    app: &Shared,
    req: &Req,
    path: &str,
    form: fn(&Store, &Ctx, &Session) -> Response,
) -> Response {
    let store = app.store();
    let ctx = ctx!(store, req);
    if let Some(redirect) = adopt(&store, req, &ctx, path) {
        return redirect;
    }
    match web_session(&store, req).filter(|s| !s.needs_2fa) {
        Some(s) => form(&store, &ctx, &s),
        None => see_other(&ctx.link("/login")),
    }
}

async fn accounts_submit(State(app): State<Shared>, req: Req) -> Response {
    let mut store = app.store();
    let ctx = ctx!(store, req);
    if let Some(refused) = cross_site(&ctx, &req) {
        return refused;
    }
    match web_session(&store, &req) {
        Some(s) => finish(&app, &mut store, &ctx, &s.id, Some(&req.text("account"))),
        None => see_other(&ctx.link("/login")),
    }
}

fn profile_form(store: &Store, ctx: &Ctx, user_id: &str) -> Response {
    let Some(user) = store.users.iter().find(|u| u.id == user_id) else {
        return see_other(&ctx.link("/login"));
    };
    let l = ctx.locale;
    let fields = format!(
        "<p>{}: {}</p>{}<button type=\"submit\">{}</button>",
        esc(Field::Email.name(l)),
        esc(&user.email),
        name_inputs(
            l,
            user.first_name.as_deref().unwrap_or(""),
            user.last_name.as_deref().unwrap_or("")
        ),
        esc(&ctx.t(T::SaveAndReturn)),
    );
    ctx.page(
        StatusCode::OK,
        T::ProfileTitle,
        ctx.form("/profile", &fields),
    )
}

async fn profile_page(State(app): State<Shared>, req: Req) -> Response {
    own_page(&app, &req, "/profile", |store, ctx, s| {
        profile_form(store, ctx, &s.user_id)
    })
}

async fn profile_submit(State(app): State<Shared>, req: Req) -> Response {
    let mut store = app.store();
    let ctx = ctx!(store, req);
    if let Some(refused) = cross_site(&ctx, &req) {
        return refused;
    }
    let Some(session) = web_session(&store, &req).filter(|s| !s.needs_2fa) else {
        return see_other(&ctx.link("/login"));
    };
    if let Some(user) = store.user_mut(&session.user_id) {
        user.first_name = req.s("first_name").map(|n| n.trim().to_owned());
        user.last_name = req.s("last_name").map(|n| n.trim().to_owned());
    }
    finish(
        &app,
        &mut store,
        &ctx,
        &session.id,
        session.account.as_deref(),
    )
}

async fn logout(State(app): State<Shared>, req: Req) -> Response {
    let mut store = app.store();
    let ctx = ctx!(store, req);
    if let Some(session) = &req.web_session {
        store.sessions.remove(session);
    }
    let to = match req.s("redirect_uri").filter(|u| !u.is_empty()) {
        Some(_) => ctx.back.clone().unwrap_or_else(|| "/login".into()),
        None => "/login".into(),
    };
    with_cookie(see_other(&to), None)
}

/// The realm's provider named `provider`, if it has one.
fn provider<'a>(store: &'a Store, provider: &str) -> Option<&'a str> {
    store
        .realm
        .social_providers
        .iter()
        .find(|p| *p == provider)
        .map(String::as_str)
}

/// The page for a record the realm does not have (a provider, an account of another user).
fn not_found(ctx: &Ctx) -> Response {
    ctx.failed(ApiError::NotFound, |_| {
        StatusCode::NOT_FOUND.into_response()
    })
}

fn consent_form(ctx: &Ctx, provider: &str, req: &Req, messages: &[String]) -> Response {
    let name = provider_name(provider);
    let l = ctx.locale;
    let invalid = !messages.is_empty();
    let fields = format!(
        "<p>{}</p>{}{}<button type=\"submit\">{}</button>",
        esc(&ctx.t(T::ConsentHelp).replace("{provider}", name)),
        input(
            "email",
            Field::Email.name(l),
            "email",
            "required autocomplete=\"email\"",
            &req.text("email"),
            invalid
        ),
        name_inputs(l, &req.text("first_name"), &req.text("last_name")),
        esc(&ctx.t(T::Allow)),
    );
    let body = format!(
        "{}{}<p class=\"links\"><a href=\"{}\">{}</a></p>",
        errors(messages),
        ctx.form(&format!("/social/{provider}"), &fields),
        esc(&ctx.link("/login")),
        esc(&ctx.t(T::Cancel)),
    );
    Page {
        status: StatusCode::OK,
        locale: l,
        title: ctx.t(T::ConsentTitle).replace("{provider}", name),
        body,
    }
    .into_response()
}

async fn consent_page(State(app): State<Shared>, Path(id): Path<String>, req: Req) -> Response {
    let store = app.store();
    let ctx = ctx!(store, req);
    match provider(&store, &id) {
        Some(p) => consent_form(&ctx, p, &req, &[]),
        None => not_found(&ctx),
    }
}

async fn consent_submit(State(app): State<Shared>, Path(id): Path<String>, req: Req) -> Response {
    session_form(
        &app,
        &req,
        |store, ctx| {
            let provider = provider(store, &id).ok_or(ApiError::NotFound)?.to_owned();
            social_login(store, &req, &provider, ctx.locale)
        },
        |_, ctx, msgs| consent_form(ctx, &id, &req, msgs),
    )
}

/// A sign-in through `provider`, which vouches for the email: links the user who has it, or
/// signs up a new one where the realm's signup is open. The new session (which still owes
/// the user's second factor).
fn social_login(
    store: &mut Store,
    req: &Req,
    provider: &str,
    locale: &'static str,
) -> Result<String, ApiError> {
    store.rate_check(req.ip, "login")?;
    let email = req.text("email").trim().to_owned();
    match store.check_email(&email, None) {
        None | Some(Msg::Taken(_)) => {}
        Some(msg) => return Err(ApiError::Invalid(vec![msg], locale)),
    }
    let user_id = match store.find_user(&email) {
        Some(i) => store.users[i].id.clone(),
        None if store.realm.signup == SignupMode::Open => {
            let name = |k: &str| {
                req.s(k)
                    .map(|v| v.trim().to_owned())
                    .filter(|v| !v.is_empty())
            };
            let seed = UserSeed {
                email: email.clone(),
                // never typed: the user signs in through the provider (or resets it)
                password: crypto::new_id("pw_"),
                first_name: name("first_name"),
                last_name: name("last_name"),
                locale: Some(locale.to_owned()),
                email_verified: Some(true),
                ..UserSeed::default()
            };
            store
                .create_user(&seed)
                .map_err(|msgs| ApiError::Invalid(msgs, locale))?
        }
        None => return Err(ApiError::Invalid(vec![Msg::SignupClosed], locale)),
    };
    let user = store.user_mut(&user_id).ok_or(ApiError::Forbidden)?;
    if !user.social.iter().any(|p| p == provider) {
        user.social.push(provider.to_owned());
    }
    let two_factor = user.totp_secret.is_some();
    Ok(store.create_session(&user_id, two_factor))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_redirect_uri_must_be_on_a_login_urls_origin() {
        let urls = vec!["http://127.0.0.1:8080/auth/callback".to_owned()];
        assert!(allowed(
            &urls,
            "http://127.0.0.1:8080/auth/callback?state=x"
        ));
        assert!(allowed(&urls, "http://127.0.0.1:8080/other"));
        for refused in [
            "http://127.0.0.1:8081/auth/callback",
            "https://127.0.0.1:8080/auth/callback",
            "http://evil.test/auth/callback",
            "javascript:alert(1)//127.0.0.1:8080",
            "/auth/callback",
            "",
        ] {
            assert!(!allowed(&urls, refused), "{refused}");
        }
        assert!(!allowed(&["*".to_owned()], "http://127.0.0.1:8080/"));
    }

    #[test]
    fn the_cookie_is_found_among_others() {
        assert_eq!(
            session_cookie("a=1; lr_web=kss_1; b=2").as_deref(),
            Some("kss_1")
        );
        assert_eq!(session_cookie("xlr_web=kss_1; lr_web="), None);
    }
}
