//! The eleven LoginRocket endpoints and `/connect/jwks`.

use axum::extract::State;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde_json::{json, Value};

use crate::i18n::{self, Field, Msg};
use crate::login::SessionError;
use crate::seed::{FieldMode, SignupMode, UserSeed};
use crate::store::{Limited, Store, TokenKind};
use crate::{crypto, Req, Shared};

pub fn routes() -> Router<Shared> {
    Router::new()
        .route("/v2/login", post(login))
        .route("/v2/login/verify", post(verify_login))
        .route("/v2/session", get(get_session).delete(logout))
        .route("/v2/password/forgot", post(forgot_password))
        .route("/v2/password/reset", post(reset_password))
        .route("/v2/profile/password", post(update_password))
        .route("/v2/profile", axum::routing::put(update_profile))
        .route("/v2/signup/request", post(request_invitation))
        .route("/v2/signup", post(signup))
        .route("/v2/email/verify", post(verify_email))
        .route(
            "/connect/jwks",
            get(|State(app): State<Shared>| async move { Json(app.keys().jwks()) }),
        )
}

/// `{"result":"error","error":…,"errors":[…]}` with `status`, saying with `Content-Language`
/// which language the messages are in. **\[ours\]**: AuthRocket documents no such header; a
/// client that gets none takes the language it asked for, where the realm localizes it.
pub fn error_response(status: StatusCode, messages: Vec<String>, locale: &str) -> Response {
    let error = i18n::join(&messages, locale);
    (
        status,
        [(axum::http::header::CONTENT_LANGUAGE, locale.to_owned())],
        Json(json!({ "result": "error", "error": error, "errors": messages })),
    )
        .into_response()
}

/// A failed API call.
pub enum ApiError {
    /// 422 with localized messages.
    Invalid(Vec<Msg>, &'static str),
    /// 403: no live session.
    Forbidden,
    /// 404: unknown record (token, account).
    NotFound,
    /// 429.
    RateLimited(Limited),
}

impl From<Limited> for ApiError {
    fn from(l: Limited) -> Self {
        ApiError::RateLimited(l)
    }
}

impl From<SessionError> for ApiError {
    fn from(e: SessionError) -> Self {
        match e {
            SessionError::Dead => ApiError::Forbidden,
            SessionError::NoSuchAccount => ApiError::NotFound,
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        match self {
            ApiError::Invalid(msgs, locale) => {
                let texts = msgs.iter().map(|m| m.text(locale)).collect();
                error_response(StatusCode::UNPROCESSABLE_ENTITY, texts, locale)
            }
            ApiError::Forbidden => error_response(
                StatusCode::FORBIDDEN,
                vec!["Session expired or access denied".into()],
                "en",
            ),
            ApiError::NotFound => {
                error_response(StatusCode::NOT_FOUND, vec![Msg::NotFound.text("en")], "en")
            }
            ApiError::RateLimited(l) => {
                let wait = l.reset_at.saturating_sub(l.now).max(1);
                let reset = std::time::UNIX_EPOCH
                    .checked_add(std::time::Duration::from_secs(
                        l.reset_at.min(crate::store::MAX_NOW),
                    ))
                    .unwrap_or(std::time::UNIX_EPOCH);
                let mut response = error_response(
                    StatusCode::TOO_MANY_REQUESTS,
                    vec!["Rate limited".into()],
                    "en",
                );
                let headers = response.headers_mut();
                for (name, value) in [
                    ("retry-after", wait.to_string()),
                    ("ratelimit-limit", l.limit.to_string()),
                    ("ratelimit-remaining", "0".to_string()),
                    ("ratelimit-reset", httpdate::fmt_http_date(reset)),
                ] {
                    if let Ok(v) = HeaderValue::from_str(&value) {
                        headers.insert(name, v);
                    }
                }
                headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
                response
            }
        }
    }
}

type ApiResult = Result<Json<Value>, ApiError>;

fn okay() -> ApiResult {
    Ok(Json(json!({ "result": "okay" })))
}

fn invalid(msgs: Vec<Msg>, locale: &'static str) -> ApiResult {
    Err(ApiError::Invalid(msgs, locale))
}

/// The user behind a live session that owes no second factor.
fn session_user(store: &Store, session: &str) -> Result<(String, Option<String>), ApiError> {
    let s = store
        .live_session(session)
        .filter(|s| !s.needs_2fa)
        .ok_or(ApiError::Forbidden)?;
    let user = store
        .users
        .iter()
        .find(|u| u.id == s.user_id)
        .ok_or(ApiError::Forbidden)?;
    Ok((user.id.clone(), user.locale.clone()))
}

async fn login(State(app): State<Shared>, req: Req) -> ApiResult {
    let mut store = app.store();
    let session = password_login(&mut store, &req)?;
    Ok(Json(store.session_result(&session, None, &app.keys())?))
}

/// A sign-in with `email` (or username) and `password`, for the API and the hosted page
/// alike: rate-limited, with the realm's lockout. The new session, which may still owe a
/// second factor.
pub(crate) fn password_login(store: &mut Store, req: &Req) -> Result<String, ApiError> {
    store.rate_check(req.ip, "login")?;
    let found = store.find_user(&req.text("email"));
    let locale = req.locale(store, found.and_then(|i| store.users[i].locale.as_deref()));
    let Some(i) = found else {
        return Err(ApiError::Invalid(vec![Msg::LoginFailed], locale));
    };
    let now = store.now();
    let (attempts, lock_secs) = (store.realm.lockout_attempts, store.realm.lockout_secs);
    let user = &mut store.users[i];
    if user.locked_until.is_some_and(|until| until > now) {
        return Err(ApiError::Invalid(vec![Msg::LockedOut], locale));
    }
    if !crypto::verify_password(&req.text("password"), &user.password_hash) {
        user.failed_logins += 1;
        if attempts > 0 && user.failed_logins >= attempts {
            user.failed_logins = 0;
            user.locked_until = Some(now.saturating_add(lock_secs));
            return Err(ApiError::Invalid(vec![Msg::LockedOut], locale));
        }
        return Err(ApiError::Invalid(vec![Msg::LoginFailed], locale));
    }
    user.failed_logins = 0;
    user.locked_until = None;
    let (user_id, two_factor) = (user.id.clone(), user.totp_secret.is_some());
    Ok(store.create_session(&user_id, two_factor))
}

async fn verify_login(State(app): State<Shared>, req: Req) -> ApiResult {
    let mut store = app.store();
    let session_id = req.text("session");
    second_factor(&mut store, &session_id, &req)?;
    Ok(Json(store.session_result(
        &session_id,
        None,
        &app.keys(),
    )?))
}

/// Takes the 2FA `code` of `req` for `session_id` (for the API and the hosted page alike):
/// a session that owes none passes; a code is good once.
pub(crate) fn second_factor(
    store: &mut Store,
    session_id: &str,
    req: &Req,
) -> Result<(), ApiError> {
    let session = store
        .live_session(session_id)
        .cloned()
        .ok_or(ApiError::Forbidden)?;
    if !session.needs_2fa {
        return Ok(());
    }
    let now = store.now();
    let user = store
        .user_mut(&session.user_id)
        .ok_or(ApiError::Forbidden)?;
    let user_locale = user.locale.clone();
    let step = user
        .totp_secret
        .as_deref()
        .and_then(|secret| crypto::totp_check(secret, &req.text("code"), now));
    match step {
        // a code is good once: a later step than the last one accepted
        Some(step) if user.last_totp_step.is_none_or(|last| step > last) => {
            user.last_totp_step = Some(step);
        }
        _ => {
            let locale = req.locale(store, user_locale.as_deref());
            return Err(ApiError::Invalid(vec![Msg::Invalid(Field::Code)], locale));
        }
    }
    if let Some(s) = store.sessions.get_mut(session_id) {
        s.needs_2fa = false;
    }
    Ok(())
}

async fn logout(State(app): State<Shared>, req: Req) -> ApiResult {
    let mut store = app.store();
    let session = req.text("session");
    store.live_session(&session).ok_or(ApiError::Forbidden)?;
    store.sessions.remove(&session);
    okay()
}

async fn get_session(State(app): State<Shared>, req: Req) -> ApiResult {
    let mut store = app.store();
    let account = req.s("account").filter(|a| !a.is_empty());
    Ok(Json(store.session_result(
        &req.text("session"),
        account.as_deref(),
        &app.keys(),
    )?))
}

async fn forgot_password(State(app): State<Shared>, req: Req) -> ApiResult {
    let mut store = app.store();
    store.rate_check(req.ip, "password/forgot")?;
    if let Some(i) = store.find_user(&req.text("email")) {
        let user = store.users[i].clone();
        let locale = req.locale(&store, user.locale.as_deref());
        store.issue_token(TokenKind::PasswordReset, Some(user.id), &user.email, locale);
    }
    okay() // unknown emails too: no account enumeration
}

async fn reset_password(State(app): State<Shared>, req: Req) -> ApiResult {
    let mut store = app.store();
    let token_id = req.text("token");
    let token = store
        .usable_token(&token_id, TokenKind::PasswordReset)
        .cloned()
        .ok_or(ApiError::NotFound)?;
    let user_id = token.user_id.ok_or(ApiError::NotFound)?;
    let user = store
        .users
        .iter()
        .find(|u| u.id == user_id)
        .cloned()
        .ok_or(ApiError::NotFound)?;
    let locale = req.locale(&store, user.locale.as_deref());
    let msgs = store.check_password(
        &req.text("password"),
        req.s("password_confirmation").as_deref(),
    );
    if !msgs.is_empty() {
        return invalid(msgs, locale);
    }
    if let Some(t) = store.tokens.get_mut(&token_id) {
        t.used = true;
    }
    let hash = crypto::hash_password(&req.text("password"));
    if let Some(u) = store.user_mut(&user_id) {
        u.password_hash = hash;
        u.email_verified = true;
        u.failed_logins = 0;
        u.locked_until = None;
    }
    store.sessions.retain(|_, s| s.user_id != user_id);
    let session = store.create_session(&user_id, user.totp_secret.is_some());
    Ok(Json(store.session_result(&session, None, &app.keys())?))
}

async fn update_password(State(app): State<Shared>, req: Req) -> ApiResult {
    let mut store = app.store();
    let (user_id, user_locale) = session_user(&store, &req.text("session"))?;
    let locale = req.locale(&store, user_locale.as_deref());
    let current_ok = store
        .users
        .iter()
        .find(|u| u.id == user_id)
        .is_some_and(|u| crypto::verify_password(&req.text("current_password"), &u.password_hash));
    let mut msgs = Vec::new();
    if !current_ok {
        msgs.push(Msg::CurrentPasswordMismatch);
    }
    msgs.extend(store.check_password(
        &req.text("password"),
        req.s("password_confirmation").as_deref(),
    ));
    if !msgs.is_empty() {
        return invalid(msgs, locale);
    }
    let hash = crypto::hash_password(&req.text("password"));
    if let Some(u) = store.user_mut(&user_id) {
        u.password_hash = hash;
    }
    okay()
}

async fn update_profile(State(app): State<Shared>, req: Req) -> ApiResult {
    let mut store = app.store();
    let session_id = req.text("session");
    let (user_id, user_locale) = session_user(&store, &session_id)?;
    let locale = req.locale(&store, user_locale.as_deref());
    let mut msgs = Vec::new();
    let email = req.s("email").map(|e| e.trim().to_owned());
    if let Some(email) = &email {
        msgs.extend(store.check_email(email, Some(&user_id)));
    }
    let username = req.s("username");
    if let Some(name) = username.as_deref().filter(|n| !n.is_empty()) {
        msgs.extend(store.check_username(name, Some(&user_id)));
    }
    let has_orgs = store
        .users
        .iter()
        .any(|u| u.id == user_id && !u.orgs.is_empty());
    let org_name = req.s("org_name").map(|n| n.trim().to_owned());
    if !has_orgs && org_name.as_deref() == Some("") {
        msgs.push(Msg::Blank(Field::OrgName));
    }
    if !msgs.is_empty() {
        return invalid(msgs, locale);
    }
    let new_org = org_name
        .filter(|n| !n.is_empty() && !has_orgs)
        .map(|name| store.create_org(&name));
    let mut verify_to = None;
    if let Some(user) = store.user_mut(&user_id) {
        if let Some(email) = email.filter(|e| !e.eq_ignore_ascii_case(&user.email)) {
            user.email = email.clone();
            user.email_verified = false;
            verify_to = Some(email);
        }
        if let Some(name) = username {
            user.username = Some(name).filter(|n| !n.is_empty());
        }
        if let Some(first) = req.s("first_name") {
            user.first_name = Some(first);
        }
        if let Some(last) = req.s("last_name") {
            user.last_name = Some(last);
        }
        if let Some(org) = &new_org {
            user.orgs.push(org.clone());
        }
    }
    if let Some(email) = verify_to {
        store.issue_token(
            TokenKind::EmailVerification,
            Some(user_id.clone()),
            &email,
            locale,
        );
    }
    let account = new_org.or_else(|| {
        store
            .sessions
            .get(&session_id)
            .and_then(|s| s.account.clone())
    });
    Ok(Json(store.session_result(
        &session_id,
        account.as_deref(),
        &app.keys(),
    )?))
}

async fn request_invitation(State(app): State<Shared>, req: Req) -> ApiResult {
    let mut store = app.store();
    store.rate_check(req.ip, "signup/request")?;
    let locale = req.locale(&store, None);
    if store.realm.signup != SignupMode::Invitation {
        return invalid(vec![Msg::InvitationsClosed], locale);
    }
    let email = req.text("email").trim().to_owned();
    match store.check_email(&email, None) {
        None => {
            store.issue_token(TokenKind::InvitationRequest, None, &email, locale);
        }
        Some(Msg::Taken(_)) => {} // an existing user: say nothing (no enumeration)
        Some(msg) => return invalid(vec![msg], locale),
    }
    okay()
}

async fn signup(State(app): State<Shared>, req: Req) -> ApiResult {
    let mut store = app.store();
    let session = create_signup(&mut store, &req)?;
    Ok(Json(store.session_result(&session, None, &app.keys())?))
}

/// A signup (for the API and the hosted page alike), by the realm's rules: the new user's
/// session.
pub(crate) fn create_signup(store: &mut Store, req: &Req) -> Result<String, ApiError> {
    store.rate_check(req.ip, "signup")?;
    let locale = req.locale(store, None);
    let realm = store.realm.clone();
    if realm.signup == SignupMode::Closed {
        return Err(ApiError::Invalid(vec![Msg::SignupClosed], locale));
    }
    let mut msgs = Vec::new();
    let invitation = req.text("token");
    if realm.signup == SignupMode::Invitation {
        if invitation.is_empty() {
            msgs.push(Msg::Blank(Field::Token));
        } else if store
            .usable_token(&invitation, TokenKind::InvitationRequest)
            .is_none()
        {
            msgs.push(Msg::Invalid(Field::Token));
        }
    }
    let email = req.text("email").trim().to_owned();
    msgs.extend(store.check_email(&email, None));
    let username = req.s("username").filter(|u| !u.is_empty());
    if let Some(name) = &username {
        msgs.extend(store.check_username(name, None));
    }
    let password = req.text("password");
    msgs.extend(store.check_password(&password, req.s("password_confirmation").as_deref()));
    let wanted = |mode: FieldMode, key: &str| match mode {
        FieldMode::Hidden => None,
        _ => req
            .s(key)
            .map(|v| v.trim().to_owned())
            .filter(|v| !v.is_empty()),
    };
    let (first_name, last_name) = (
        wanted(realm.name_field, "first_name"),
        wanted(realm.name_field, "last_name"),
    );
    let org_name = wanted(realm.org_name_field, "org_name");
    if realm.name_field == FieldMode::Required {
        if first_name.is_none() {
            msgs.push(Msg::Blank(Field::FirstName));
        }
        if last_name.is_none() {
            msgs.push(Msg::Blank(Field::LastName));
        }
    }
    if realm.org_name_field == FieldMode::Required && org_name.is_none() {
        msgs.push(Msg::Blank(Field::OrgName));
    }
    if !msgs.is_empty() {
        return Err(ApiError::Invalid(msgs, locale));
    }
    let seed = UserSeed {
        email: email.clone(),
        password,
        username,
        first_name,
        last_name,
        locale: Some(locale.to_owned()),
        email_verified: Some(false),
        totp_secret: None,
        orgs: org_name.into_iter().collect(),
        ..UserSeed::default()
    };
    let user_id = store
        .create_user(&seed)
        .map_err(|msgs| ApiError::Invalid(msgs, locale))?;
    if let Some(t) = store.tokens.get_mut(&invitation) {
        t.used = true;
    }
    store.issue_token(
        TokenKind::EmailVerification,
        Some(user_id.clone()),
        &email,
        locale,
    );
    Ok(store.create_session(&user_id, false))
}

async fn verify_email(State(app): State<Shared>, req: Req) -> ApiResult {
    let mut store = app.store();
    let token_id = req.text("token");
    let token = store
        .usable_token(&token_id, TokenKind::EmailVerification)
        .cloned()
        .ok_or(ApiError::NotFound)?;
    let user_id = token.user_id.ok_or(ApiError::NotFound)?;
    let user = store.user_mut(&user_id).ok_or(ApiError::NotFound)?;
    // the token proves the address it was sent to, which must still be the user's
    if !user.email.eq_ignore_ascii_case(&token.email) {
        return Err(ApiError::NotFound);
    }
    user.email_verified = true;
    if let Some(t) = store.tokens.get_mut(&token_id) {
        t.used = true;
    }
    okay()
}
