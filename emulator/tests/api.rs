//! The emulator's HTTP contract, driven by the client crate's native transport.

mod common;

use common::*;
use loginrocket::*;
use serde_json::{json, Value};

fn full(r: &Response) -> &FullLogin {
    match r {
        Response::FullLogin(f) => f,
        other => panic!("full_login expected, got {other:?}"),
    }
}

fn conditional(r: &Response) -> &ConditionalLogin {
    match r {
        Response::ConditionalLogin(c) => c,
        other => panic!("conditional_login expected, got {other:?}"),
    }
}

fn source(r: &Response) -> Option<Source> {
    r.as_error().and_then(|e| e.source)
}

async fn login(emu: &Emu, email: &str, password: &str) -> Response {
    emu.client
        .login(&LoginParams::new(email, password))
        .await
        .unwrap()
}

#[tokio::test]
async fn login_gives_a_full_login_with_a_verifiable_token() {
    let emu = start().await;
    let r = login(&emu, "ann@example.com", PASSWORD).await;
    let f = full(&r);
    assert!(f.session.expose().starts_with("kss_"));
    assert!(f.account.starts_with("org_"));
    let claims = verified_claims(&emu, f.token.expose()).await;
    assert!(claims["sub"].as_str().unwrap().starts_with("usr_"));
    assert_eq!(claims["sid"], f.session.expose());
    assert_eq!(claims["rid"], "rl_emulator");
    assert_eq!(claims["email"], "ann@example.com");
    assert_eq!(claims["email_verified"], true);
    assert_eq!(claims["name"], "Ann Example");
    // shaped as AuthRocket issues them: its issuer, and each membership with its permissions
    assert_eq!(claims["iss"], "https://authrocket.com");
    assert_eq!(
        claims["orgs"],
        json!([{
            "mid": format!("mb_{}", f.account.trim_start_matches("org_")),
            "oid": f.account, "name": "Ann's Team", "perm": [], "selected": true,
        }])
    );
    assert!(claims.get("ref").is_none() && claims.get("cs").is_none());
    let (iat, exp) = (
        claims["iat"].as_u64().unwrap(),
        claims["exp"].as_u64().unwrap(),
    );
    assert_eq!(exp - iat, 3600);

    // by username, by id, case-insensitively
    assert!(matches!(
        login(&emu, "ANN", PASSWORD).await,
        Response::FullLogin(_)
    ));
    assert!(matches!(
        login(&emu, "Ann@Example.COM", PASSWORD).await,
        Response::FullLogin(_)
    ));
    let sub = claims["sub"].as_str().unwrap().to_owned();
    assert!(matches!(
        login(&emu, &sub, PASSWORD).await,
        Response::FullLogin(_)
    ));
}

#[tokio::test]
async fn login_failure_is_one_localized_message_whatever_was_wrong() {
    let emu = start().await;
    for (locale, msg) in [
        ("en", "Login failed"),
        ("es", "Error al iniciar sesión"),
        ("ja", "ログインに失敗しました"),
    ] {
        let c = emu.client_in(locale);
        for (email, pw) in [
            ("ann@example.com", "wrong"),
            ("nobody@example.com", PASSWORD),
            ("", ""),
        ] {
            let r = c.login(&LoginParams::new(email, pw)).await.unwrap();
            assert_eq!(messages(&r), vec![msg.to_owned()], "{locale} {email}");
            assert_eq!(r.as_error().unwrap().error, msg);
        }
    }
}

#[tokio::test]
async fn locale_falls_back_to_the_users_then_the_realms() {
    let emu = start().await;
    // mia's saved locale is es
    // and each answer says which language it is in ([ours]: Content-Language)
    let language = |r: &Response| r.as_error().unwrap().content_language().map(str::to_owned);
    let r = login(&emu, "mia@example.com", "wrong").await;
    assert_eq!(messages(&r), vec!["Error al iniciar sesión"]);
    assert_eq!(language(&r).as_deref(), Some("es"));
    emu.realm(json!({"default_locale": "ja"})).await;
    let r = login(&emu, "ann@example.com", "wrong").await;
    assert_eq!(messages(&r), vec!["ログインに失敗しました"]);
    assert_eq!(language(&r).as_deref(), Some("ja"));
    let r = emu
        .client_in("en-GB")
        .login(&LoginParams::new("mia@example.com", "x"))
        .await
        .unwrap();
    assert_eq!(messages(&r), vec!["Login failed"]);
    assert_eq!(language(&r).as_deref(), Some("en"));
}

#[tokio::test]
async fn two_factor_login_needs_a_fresh_code() {
    let emu = start().await;
    let r = login(&emu, "tom@example.com", PASSWORD).await;
    let c = conditional(&r);
    assert_eq!(c.conditions, vec![Condition::MustVerifyLogin]);
    assert_eq!(c.account, None);
    assert!(serde_json::to_value(&r).unwrap().get("token").is_none());
    let session = c.session.clone();

    // the session is not usable yet
    let r = emu
        .client
        .get_session(&GetSessionParams::new(session.clone()))
        .await
        .unwrap();
    assert_eq!(conditional(&r).conditions, vec![Condition::MustVerifyLogin]);
    let r = emu
        .client
        .update_password(&UpdatePasswordParams::new(session.clone(), PASSWORD, "x"))
        .await
        .unwrap();
    assert_eq!(source(&r), Some(Source::AccessDenied));

    let r = emu
        .client_in("es")
        .verify_login(&VerifyLoginParams::new(session.clone(), "000000"))
        .await
        .unwrap();
    let wrong = messages(&r);
    // (a real code could be 000000 one time in a million; then this assertion is moot)
    let code = emu.control("GET", "totp?email=tom@example.com", None).await["code"]
        .as_str()
        .unwrap()
        .to_owned();
    if code != "000000" {
        assert_eq!(wrong, vec!["Código no es válido"]);
    }
    let r = emu
        .client
        .verify_login(&VerifyLoginParams::new(session.clone(), code.clone()))
        .await
        .unwrap();
    let f = full(&r);
    assert_eq!(f.session, session);
    verified_claims(&emu, f.token.expose()).await;

    // the same code is good once
    let r = login(&emu, "tom@example.com", PASSWORD).await;
    let second = conditional(&r).session.clone();
    let r = emu
        .client
        .verify_login(&VerifyLoginParams::new(second, code))
        .await
        .unwrap();
    assert_eq!(messages(&r), vec!["Code is invalid"]);

    // an unknown session
    let r = emu
        .client
        .verify_login(&VerifyLoginParams::new("kss_nope", "123456"))
        .await
        .unwrap();
    assert_eq!(source(&r), Some(Source::AccessDenied));
}

#[tokio::test]
async fn multi_org_users_choose_an_account() {
    let emu = start().await;
    let r = login(&emu, "mia@example.com", PASSWORD).await;
    let c = conditional(&r);
    assert_eq!(c.conditions, vec![Condition::NoAccountSelected]);
    assert_eq!(c.account, None);
    let accounts = c.accounts().expect("accounts listed");
    assert_eq!(
        accounts.iter().map(|a| a.name.as_str()).collect::<Vec<_>>(),
        vec!["Acme", "Globex"]
    );
    let session = c.session.clone();

    for account in &accounts {
        let mut p = GetSessionParams::new(session.clone());
        p.account = Some(account.id.clone());
        let r = emu.client.get_session(&p).await.unwrap();
        assert_eq!(full(&r).account, account.id);
        let claims = verified_claims(&emu, full(&r).token.expose()).await;
        // every membership, the chosen one selected, each with the seed's permissions
        let orgs = claims["orgs"].as_array().unwrap();
        assert_eq!(orgs.len(), 2);
        let selected: Vec<&serde_json::Value> =
            orgs.iter().filter(|o| o["selected"] == true).collect();
        assert_eq!(selected.len(), 1);
        assert_eq!(selected[0]["oid"], account.id);
        assert_eq!(selected[0]["name"], account.name);
        assert_eq!(selected[0]["perm"], json!(["billing"]));
        assert_eq!(claims["ref"], "crm-1001");
    }
    // without an account: asked again (multi_user)
    let r = emu
        .client
        .get_session(&GetSessionParams::new(session.clone()))
        .await
        .unwrap();
    assert_eq!(
        conditional(&r).conditions,
        vec![Condition::NoAccountSelected]
    );
    // someone else's account
    let mut p = GetSessionParams::new(session.clone());
    p.account = Some("org_not_mine".into());
    assert_eq!(
        source(&emu.client.get_session(&p).await.unwrap()),
        Some(Source::RecordNotFound)
    );

    // single_user: the first account
    emu.realm(json!({"org_mode": "single_user"})).await;
    let r = emu
        .client
        .get_session(&GetSessionParams::new(session))
        .await
        .unwrap();
    assert_eq!(full(&r).account, accounts[0].id);
}

#[tokio::test]
async fn profile_completion_when_an_org_name_is_required() {
    let emu = start().await;
    emu.realm(json!({"org_name_field": "required"})).await;
    emu.control(
        "POST",
        "users",
        Some(json!({"email": "solo@example.com", "password": PASSWORD})),
    )
    .await;
    let r = login(&emu, "solo@example.com", PASSWORD).await;
    let c = conditional(&r);
    assert_eq!(c.conditions, vec![Condition::MustCompleteProfile]);
    let session = c.session.clone();

    let mut p = UpdateProfileParams::new(session.clone());
    p.org_name = Some("  ".into());
    let r = emu.client.update_profile(&p).await.unwrap();
    assert_eq!(messages(&r), vec!["Organization name can't be blank"]);

    p.org_name = Some("Solo Inc".into());
    let r = emu.client.update_profile(&p).await.unwrap();
    let claims = verified_claims(&emu, full(&r).token.expose()).await;
    assert_eq!(claims["orgs"][0]["name"], "Solo Inc");

    // without the requirement, a first account is made on the fly
    emu.realm(json!({"org_name_field": "optional"})).await;
    emu.control(
        "POST",
        "users",
        Some(json!({"email": "auto@example.com", "password": PASSWORD, "first_name": "Al"})),
    )
    .await;
    let r = login(&emu, "auto@example.com", PASSWORD).await;
    assert!(full(&r).account.starts_with("org_"));
}

#[tokio::test]
async fn logout_and_expiry_end_sessions() {
    let emu = start().await;
    let session = full(&login(&emu, "ann@example.com", PASSWORD).await)
        .session
        .clone();
    let r = emu
        .client
        .logout(&LogoutParams::new(session.clone()))
        .await
        .unwrap();
    assert!(matches!(r, Response::Okay(_)));
    let r = emu
        .client
        .get_session(&GetSessionParams::new(session.clone()))
        .await
        .unwrap();
    assert_eq!(source(&r), Some(Source::AccessDenied));
    assert_eq!(
        source(
            &emu.client
                .logout(&LogoutParams::new(session))
                .await
                .unwrap()
        ),
        Some(Source::AccessDenied)
    );

    let session = full(&login(&emu, "ann@example.com", PASSWORD).await)
        .session
        .clone();
    emu.realm(json!({"session_ttl_secs": 60})).await; // applies to new sessions
    let short = full(&login(&emu, "ann@example.com", PASSWORD).await)
        .session
        .clone();
    emu.advance(61).await;
    let r = emu
        .client
        .get_session(&GetSessionParams::new(short))
        .await
        .unwrap();
    assert_eq!(source(&r), Some(Source::AccessDenied));
    let r = emu
        .client
        .get_session(&GetSessionParams::new(session))
        .await
        .unwrap();
    assert!(
        matches!(r, Response::FullLogin(_)),
        "the day-long session lives on"
    );
}

#[tokio::test]
async fn forgot_and_reset_password() {
    let emu = start().await;
    let r = emu
        .client_in("es")
        .forgot_password(&ForgotPasswordParams::new("ANN@example.com"))
        .await
        .unwrap();
    assert!(matches!(r, Response::Okay(_)));
    let r = emu
        .client
        .forgot_password(&ForgotPasswordParams::new("nobody@example.com"))
        .await
        .unwrap();
    assert!(matches!(r, Response::Okay(_)), "no enumeration");
    let outbox = emu.outbox().await;
    assert_eq!(outbox.len(), 1, "{outbox:?}");
    assert_eq!(outbox[0]["to"], "ann@example.com");
    assert_eq!(outbox[0]["kind"], "password_reset");
    assert_eq!(outbox[0]["locale"], "es");
    let token = outbox[0]["token"].as_str().unwrap().to_owned();
    assert!(token.starts_with("tpw:"));

    let es = emu.client_in("es");
    let r = es
        .reset_password(&ResetPasswordParams::new(token.clone(), "short"))
        .await
        .unwrap();
    assert_eq!(
        messages(&r),
        vec!["Contraseña es demasiado corto (el mínimo es 8 caracteres)"]
    );
    let mut p = ResetPasswordParams::new(token.clone(), "a-new-password");
    p.password_confirmation = Some("another".into());
    let r = emu.client.reset_password(&p).await.unwrap();
    assert_eq!(
        messages(&r),
        vec!["Password confirmation doesn't match Password"]
    );

    p.password_confirmation = Some("a-new-password".into());
    let r = emu.client.reset_password(&p).await.unwrap();
    assert!(full(&r).session.expose().starts_with("kss_"));
    // single use
    assert_eq!(
        source(&emu.client.reset_password(&p).await.unwrap()),
        Some(Source::RecordNotFound)
    );
    assert!(matches!(
        login(&emu, "ann@example.com", "a-new-password").await,
        Response::FullLogin(_)
    ));
    assert_eq!(
        messages(&login(&emu, "ann@example.com", PASSWORD).await),
        vec!["Login failed"]
    );

    // expired and unknown tokens
    let token = emu
        .control(
            "POST",
            "tokens",
            Some(json!({"email": "ann@example.com", "kind": "password_reset"})),
        )
        .await["token"]
        .as_str()
        .unwrap()
        .to_owned();
    emu.advance(3601).await;
    let r = emu
        .client
        .reset_password(&ResetPasswordParams::new(token, "whatever-long"))
        .await
        .unwrap();
    assert_eq!(source(&r), Some(Source::RecordNotFound));
    let r = emu
        .client
        .reset_password(&ResetPasswordParams::new("tpw:nope", "whatever-long"))
        .await
        .unwrap();
    assert_eq!(source(&r), Some(Source::RecordNotFound));
}

#[tokio::test]
async fn update_password_checks_the_current_one() {
    let emu = start().await;
    let r = emu
        .client
        .update_password(&UpdatePasswordParams::default())
        .await
        .unwrap();
    assert_eq!(source(&r), Some(Source::AccessDenied));
    let session = full(&login(&emu, "ann@example.com", PASSWORD).await)
        .session
        .clone();
    let r = emu
        .client
        .update_password(&UpdatePasswordParams::new(
            session.clone(),
            "wrong",
            "how-now-brown-cow!",
        ))
        .await
        .unwrap();
    assert_eq!(messages(&r), vec!["Current password does not match"]);
    let r = emu
        .client_in("ja")
        .update_password(&UpdatePasswordParams::new(
            session.clone(),
            "wrong",
            "short",
        ))
        .await
        .unwrap();
    assert_eq!(
        messages(&r),
        vec![
            "現在のパスワードが一致しません",
            "パスワードは8文字以上で入力してください"
        ]
    );
    assert_eq!(
        r.as_error().unwrap().error,
        "現在のパスワードが一致しません。パスワードは8文字以上で入力してください"
    );
    let mut p = UpdatePasswordParams::new(session, PASSWORD, "how-now-brown-cow!");
    p.password_confirmation = Some("how-now-brown-cow!".into());
    assert!(matches!(
        emu.client.update_password(&p).await.unwrap(),
        Response::Okay(_)
    ));
    assert!(matches!(
        login(&emu, "ann@example.com", "how-now-brown-cow!").await,
        Response::FullLogin(_)
    ));
}

#[tokio::test]
async fn update_profile_returns_a_fresh_token() {
    let emu = start().await;
    let session = full(&login(&emu, "ann@example.com", PASSWORD).await)
        .session
        .clone();
    let mut p = UpdateProfileParams::new(session.clone());
    p.email = Some("mia@example.com".into());
    let r = emu.client.update_profile(&p).await.unwrap();
    assert_eq!(messages(&r), vec!["Email has already been taken"]);
    p.email = Some("not-an-email".into());
    assert_eq!(
        messages(&emu.client.update_profile(&p).await.unwrap()),
        vec!["Email is invalid"]
    );

    p.email = Some("ann2@example.com".into());
    p.first_name = Some("Annie".into());
    let r = emu.client.update_profile(&p).await.unwrap();
    let claims = verified_claims(&emu, full(&r).token.expose()).await;
    assert_eq!(claims["email"], "ann2@example.com");
    assert_eq!(claims["email_verified"], false);
    assert_eq!(claims["name"], "Annie Example");
    let outbox = emu.outbox().await;
    assert_eq!(outbox.last().unwrap()["kind"], "email_verification");
    assert_eq!(outbox.last().unwrap()["to"], "ann2@example.com");

    assert_eq!(
        source(
            &emu.client
                .update_profile(&UpdateProfileParams::new("kss_x"))
                .await
                .unwrap()
        ),
        Some(Source::AccessDenied)
    );
}

#[tokio::test]
async fn signup_validates_and_signs_in() {
    let emu = start().await;
    let mut p = SignupParams::new("new@example.com", "short");
    p.password_confirmation = Some("different".into());
    let r = emu.client.signup(&p).await.unwrap();
    assert_eq!(
        messages(&r),
        vec![
            "Password is too short (minimum is 8 characters)",
            "Password confirmation doesn't match Password"
        ]
    );
    let r = emu
        .client_in("es")
        .signup(&SignupParams::new("ann@example.com", "long-enough"))
        .await
        .unwrap();
    assert_eq!(messages(&r), vec!["Correo electrónico ya está en uso"]);
    let r = emu
        .client
        .signup(&SignupParams::new("bad@", "long-enough"))
        .await
        .unwrap();
    assert_eq!(messages(&r), vec!["Email is invalid"]);

    emu.realm(json!({"name_field": "required", "org_name_field": "required"}))
        .await;
    let r = emu
        .client
        .signup(&SignupParams::new("new@example.com", "long-enough"))
        .await
        .unwrap();
    assert_eq!(
        messages(&r),
        vec![
            "First name can't be blank",
            "Last name can't be blank",
            "Organization name can't be blank"
        ]
    );

    let mut p = SignupParams::new("new@example.com", "long-enough");
    p.first_name = Some("Nia".into());
    p.last_name = Some("New".into());
    p.org_name = Some("New Co".into());
    p.username = Some("nia".into());
    let r = emu.client_in("ja").signup(&p).await.unwrap();
    let claims = verified_claims(&emu, full(&r).token.expose()).await;
    assert_eq!(claims["email"], "new@example.com");
    assert_eq!(claims["email_verified"], false);
    assert_eq!(claims["orgs"][0]["name"], "New Co");
    let mail = emu.outbox().await.pop().unwrap();
    assert_eq!(
        (mail["kind"].as_str(), mail["locale"].as_str()),
        (Some("email_verification"), Some("ja"))
    );

    // and the email verification link works once
    let token = mail["token"].as_str().unwrap().to_owned();
    assert!(token.starts_with("tve:"));
    assert!(matches!(
        emu.client
            .verify_email(&VerifyEmailParams::new(token.clone()))
            .await
            .unwrap(),
        Response::Okay(_)
    ));
    assert_eq!(
        source(
            &emu.client
                .verify_email(&VerifyEmailParams::new(token))
                .await
                .unwrap()
        ),
        Some(Source::RecordNotFound)
    );
    let claims = verified_claims(
        &emu,
        full(&login(&emu, "nia", "long-enough").await)
            .token
            .expose(),
    )
    .await;
    assert_eq!(claims["email_verified"], true);

    emu.realm(json!({"signup": "closed"})).await;
    let r = emu
        .client
        .signup(&SignupParams::new("late@example.com", "long-enough"))
        .await
        .unwrap();
    assert_eq!(messages(&r), vec!["Signup is not available"]);
}

#[tokio::test]
async fn invitation_only_signup() {
    let emu = start().await;
    let r = emu
        .client
        .request_invitation(&RequestInvitationParams::new("guest@example.com"))
        .await
        .unwrap();
    assert_eq!(
        messages(&r),
        vec!["Invitation requests are not accepted"],
        "signup is open"
    );
    emu.realm(json!({"signup": "invitation"})).await;

    let r = emu
        .client
        .signup(&SignupParams::new("guest@example.com", "long-enough"))
        .await
        .unwrap();
    assert_eq!(messages(&r), vec!["Invitation can't be blank"]);
    let r = emu
        .client
        .request_invitation(&RequestInvitationParams::new("nope"))
        .await
        .unwrap();
    assert_eq!(messages(&r), vec!["Email is invalid"]);
    let r = emu
        .client
        .request_invitation(&RequestInvitationParams::new("ann@example.com"))
        .await
        .unwrap();
    assert!(
        matches!(r, Response::Okay(_)),
        "an existing user: okay, nothing sent"
    );
    assert!(emu.outbox().await.is_empty());
    let r = emu
        .client
        .request_invitation(&RequestInvitationParams::new("guest@example.com"))
        .await
        .unwrap();
    assert!(matches!(r, Response::Okay(_)));
    let mail = emu.outbox().await.pop().unwrap();
    assert_eq!(mail["kind"], "invitation_request");
    let token = mail["token"].as_str().unwrap().to_owned();

    let mut p = SignupParams::new("guest@example.com", "long-enough");
    p.token = Some("inv:forged".into());
    assert_eq!(
        messages(&emu.client.signup(&p).await.unwrap()),
        vec!["Invitation is invalid"]
    );
    p.token = Some(token.clone().into());
    assert!(matches!(
        emu.client.signup(&p).await.unwrap(),
        Response::FullLogin(_)
    ));
    let mut again = SignupParams::new("other@example.com", "long-enough");
    again.token = Some(token.into());
    assert_eq!(
        messages(&emu.client.signup(&again).await.unwrap()),
        vec!["Invitation is invalid"]
    );
}

#[tokio::test]
async fn rate_limits_answer_429_with_headers_then_recover() {
    let emu = start().await;
    emu.realm(json!({"rate_limit_max": 2, "rate_limit_window_secs": 30}))
        .await;
    login(&emu, "ann@example.com", "x").await;
    login(&emu, "ann@example.com", "x").await;
    let r = login(&emu, "ann@example.com", PASSWORD).await;
    let e = r.as_error().unwrap();
    assert_eq!(e.source, Some(Source::RateLimited));
    assert_eq!(
        e.retry_after(),
        Some(RetryAfter::Delay(std::time::Duration::from_secs(30)))
    );
    // other endpoints count on their own
    assert!(matches!(
        emu.client
            .forgot_password(&ForgotPasswordParams::new("a@b.test"))
            .await
            .unwrap(),
        Response::Okay(_)
    ));

    let raw = emu
        .http
        .post(format!("{}/v2/login", emu.running.url))
        .json(&json!({}))
        .send()
        .await
        .unwrap();
    assert_eq!(raw.status(), 429);
    let h = raw.headers();
    assert_eq!(h["ratelimit-limit"], "2");
    assert_eq!(h["ratelimit-remaining"], "0");
    assert!(httpdate::parse_http_date(h["ratelimit-reset"].to_str().unwrap()).is_ok());

    emu.advance(31).await;
    assert!(matches!(
        login(&emu, "ann@example.com", PASSWORD).await,
        Response::FullLogin(_)
    ));
}

#[tokio::test]
async fn repeated_wrong_passwords_lock_the_user_out_with_a_422() {
    let emu = start().await;
    emu.realm(json!({"lockout_attempts": 3, "lockout_secs": 120}))
        .await;
    assert_eq!(
        messages(&login(&emu, "ann@example.com", "x").await),
        vec!["Login failed"]
    );
    assert_eq!(
        messages(&login(&emu, "ann@example.com", "x").await),
        vec!["Login failed"]
    );
    let locked =
        vec!["Too many failed login attempts; wait a few minutes and try again".to_owned()];
    assert_eq!(messages(&login(&emu, "ann@example.com", "x").await), locked);
    assert_eq!(
        messages(&login(&emu, "ann@example.com", PASSWORD).await),
        locked,
        "even the right password"
    );
    assert!(
        matches!(
            login(&emu, "mia@example.com", PASSWORD).await,
            Response::ConditionalLogin(_)
        ),
        "others unaffected"
    );
    emu.advance(121).await;
    assert!(matches!(
        login(&emu, "ann@example.com", PASSWORD).await,
        Response::FullLogin(_)
    ));
}

#[tokio::test]
async fn form_encoded_bodies_are_accepted_and_bad_bodies_refused() {
    let emu = start().await;
    let url = format!("{}/v2/login", emu.running.url);
    let r = emu
        .http
        .post(&url)
        .header("content-type", "application/x-www-form-urlencoded")
        .body("email=ann%40example.com&password=demo-password")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(r.json::<Value>().await.unwrap()["result"], "full_login");
    let r = emu
        .http
        .post(&url)
        .header("content-type", "application/json")
        .body("{nope")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 400);
    assert_eq!(r.json::<Value>().await.unwrap()["result"], "error");
    let r = emu
        .http
        .get(format!("{}/v2/unknown", emu.running.url))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 404);
    assert_eq!(
        r.json::<Value>().await.unwrap()["errors"],
        json!(["Not found"])
    );
}
