//! The verifier against tokens it must accept and every kind it must refuse: tampered,
//! unknown key, expired, not yet valid, `alg: none`, HS256 signed with the public key,
//! another issuer or realm, rotated keys, and keys that can't be fetched.

mod common;

use std::time::Duration;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use common::{claims, jwks, keys, now, Keys};
use jsonwebtoken::{Algorithm, EncodingKey, Header};
use loginrocket_axum::{Verifier, VerifierConfig, VerifyError};
use serde_json::{json, Value};

fn verifier(keys: &Keys, config: VerifierConfig) -> Verifier {
    Verifier::new(keys.clone(), config)
}

#[tokio::test]
async fn a_good_token_gives_its_claims_and_the_keys_are_fetched_once() {
    let (old, _) = keys();
    let source = Keys::serving(jwks(&[old]));
    let v = verifier(&source, VerifierConfig::default());
    for _ in 0..3 {
        let claims = v.verify(&old.sign(&claims())).await.unwrap();
        assert_eq!(claims.subject(), Some("usr_1"));
        assert_eq!(claims.session_id(), Some("kss_secret"));
        assert_eq!(claims.email(), Some("ann@example.com"));
        assert!(
            !format!("{claims:?}").contains("kss_secret"),
            "Debug hides the sid"
        );
    }
    assert_eq!(source.fetches(), 1);
}

#[tokio::test]
async fn a_tampered_token_is_refused() {
    let (old, _) = keys();
    let v = verifier(&Keys::serving(jwks(&[old])), VerifierConfig::default());
    let token = old.sign(&claims());
    let mut parts: Vec<&str> = token.split('.').collect();
    // the same header and signature over a payload that says something else
    let forged =
        URL_SAFE_NO_PAD.encode(json!({"sub": "usr_admin", "exp": now() + 600}).to_string());
    parts[1] = &forged;
    assert_eq!(
        v.verify(&parts.join(".")).await.unwrap_err(),
        VerifyError::BadSignature
    );
    for junk in ["", "a.b", "not a token", "a.b.c.d"] {
        assert_eq!(
            v.verify(junk).await.unwrap_err(),
            VerifyError::Malformed,
            "{junk:?}"
        );
    }
}

#[tokio::test]
async fn an_unknown_key_is_refused_after_one_refetch_per_interval() {
    let (old, new) = keys();
    let source = Keys::serving(jwks(&[old]));
    let v = verifier(&source, VerifierConfig::default());
    assert_eq!(
        v.verify(&new.sign(&claims())).await.unwrap_err(),
        VerifyError::UnknownKey
    );
    assert_eq!(source.fetches(), 1);
    // a flood of unknown kids within the interval fetches nothing more, and known ones work
    for _ in 0..5 {
        assert_eq!(
            v.verify(&new.sign(&claims())).await.unwrap_err(),
            VerifyError::UnknownKey
        );
    }
    v.verify(&old.sign(&claims())).await.unwrap();
    assert_eq!(source.fetches(), 1);
    // with the interval past, an unknown kid fetches again (rotated_keys… checks it is used)
    let v = verifier(
        &source,
        VerifierConfig {
            refetch_interval: Duration::ZERO,
            ..VerifierConfig::default()
        },
    );
    v.verify(&old.sign(&claims())).await.unwrap();
    assert_eq!(
        v.verify(&new.sign(&claims())).await.unwrap_err(),
        VerifyError::UnknownKey
    );
    assert_eq!(source.fetches(), 3, "one more fetch for the unknown kid");
    // a token without a kid names no key
    let no_kid =
        jsonwebtoken::encode(&Header::new(Algorithm::RS256), &claims(), &old.encoding).unwrap();
    assert_eq!(v.verify(&no_kid).await.unwrap_err(), VerifyError::Malformed);
}

#[tokio::test]
async fn rotated_keys_are_fetched_when_a_token_names_the_new_one() {
    let (old, new) = keys();
    let source = Keys::serving(jwks(&[old]));
    let config = VerifierConfig {
        refetch_interval: Duration::ZERO,
        ..VerifierConfig::default()
    };
    let v = verifier(&source, config);
    v.verify(&old.sign(&claims())).await.unwrap();
    // the realm rotates: the new key signs, the old one is gone
    source.set(Ok(jwks(&[new])));
    assert_eq!(
        v.verify(&new.sign(&claims())).await.unwrap().subject(),
        Some("usr_1")
    );
    assert_eq!(
        v.verify(&old.sign(&claims())).await.unwrap_err(),
        VerifyError::UnknownKey
    );
}

#[tokio::test]
async fn expired_and_not_yet_valid_tokens_are_refused_with_a_small_leeway() {
    let (old, _) = keys();
    let v = verifier(&Keys::serving(jwks(&[old])), VerifierConfig::default());
    let with = |patch: Value| {
        let mut c = claims();
        c.as_object_mut()
            .unwrap()
            .extend(patch.as_object().unwrap().clone());
        old.sign(&c)
    };
    assert_eq!(
        v.verify(&with(json!({"exp": now() - 120})))
            .await
            .unwrap_err(),
        VerifyError::Expired
    );
    assert!(
        v.verify(&with(json!({"exp": now() - 10}))).await.is_ok(),
        "within the 30 s leeway"
    );
    assert_eq!(
        v.verify(&with(json!({"nbf": now() + 120})))
            .await
            .unwrap_err(),
        VerifyError::NotYetValid
    );
    assert!(
        v.verify(&with(json!({"nbf": now() + 10}))).await.is_ok(),
        "within the leeway"
    );
    let mut no_exp = claims();
    no_exp.as_object_mut().unwrap().remove("exp");
    assert_eq!(
        v.verify(&old.sign(&no_exp)).await.unwrap_err(),
        VerifyError::Malformed
    );
}

#[tokio::test]
async fn alg_none_and_hs256_with_the_public_key_are_refused() {
    let (old, _) = keys();
    let v = verifier(&Keys::serving(jwks(&[old])), VerifierConfig::default());
    let b64 = |v: Value| URL_SAFE_NO_PAD.encode(v.to_string());
    let payload = b64(claims());
    for alg in ["none", "None", "NONE"] {
        let token = format!("{}.{payload}.", b64(json!({"alg": alg, "kid": old.kid})));
        assert_eq!(
            v.verify(&token).await.unwrap_err(),
            VerifyError::Malformed,
            "{alg}"
        );
    }
    // algorithm confusion: an HMAC token whose secret is the realm's public key, as text
    // and as the modulus' bytes
    let n = old.jwk["n"].as_str().unwrap();
    for secret in [
        old.jwk.to_string().into_bytes(),
        URL_SAFE_NO_PAD.decode(n).unwrap(),
    ] {
        let mut header = Header::new(Algorithm::HS256);
        header.kid = Some(old.kid.to_owned());
        let token =
            jsonwebtoken::encode(&header, &claims(), &EncodingKey::from_secret(&secret)).unwrap();
        assert_eq!(
            v.verify(&token).await.unwrap_err(),
            VerifyError::AlgorithmMismatch
        );
    }
    // a JWKS that lists an HMAC secret: no key of a realm's, never used
    let with_secret = json!({ "keys": [{"kty": "oct", "kid": "k_hmac", "alg": "HS256", "k": URL_SAFE_NO_PAD.encode(b"s3cret")}] });
    let v = verifier(
        &Keys::serving(with_secret.to_string()),
        VerifierConfig::default(),
    );
    let mut header = Header::new(Algorithm::HS256);
    header.kid = Some("k_hmac".into());
    let token =
        jsonwebtoken::encode(&header, &claims(), &EncodingKey::from_secret(b"s3cret")).unwrap();
    assert_eq!(v.verify(&token).await.unwrap_err(), VerifyError::UnknownKey);
}

#[tokio::test]
async fn another_issuer_audience_or_realm_is_refused() {
    let (old, _) = keys();
    let source = Keys::serving(jwks(&[old]));
    let strict = VerifierConfig {
        realm: Some("rl_1".into()),
        ..VerifierConfig::default()
    };
    let v = verifier(&source, strict.clone());
    assert!(v.verify(&old.sign(&claims())).await.is_ok());
    let mut other = claims();
    other["iss"] = json!("https://other.e2.loginrocket.com/");
    assert_eq!(
        v.verify(&old.sign(&other)).await.unwrap_err(),
        VerifyError::WrongIssuer
    );
    let mut other = claims();
    other["rid"] = json!("rl_2");
    assert_eq!(
        v.verify(&old.sign(&other)).await.unwrap_err(),
        VerifyError::WrongRealm
    );
    let v = verifier(
        &source,
        VerifierConfig {
            audience: Some("app_1".into()),
            ..strict
        },
    );
    assert_eq!(
        v.verify(&old.sign(&claims())).await.unwrap_err(),
        VerifyError::WrongAudience
    );
    let mut for_app = claims();
    for_app["aud"] = json!("app_1");
    assert!(v.verify(&old.sign(&for_app)).await.is_ok());
}

#[tokio::test]
async fn keys_that_cannot_be_fetched_are_a_clear_error_and_old_keys_expire() {
    let (old, _) = keys();
    let token = old.sign(&claims());
    // down from the start
    let source = Keys::serving(String::new());
    source.set(Err("connection refused".into()));
    let v = verifier(
        &source,
        VerifierConfig {
            refetch_interval: Duration::ZERO,
            ..VerifierConfig::default()
        },
    );
    match v.verify(&token).await.unwrap_err() {
        VerifyError::KeysUnavailable(why) => assert!(why.contains("connection refused"), "{why}"),
        other => panic!("{other:?}"),
    }
    // garbage instead of a JWKS
    source.set(Ok("<html>captive portal</html>".into()));
    assert!(matches!(
        v.verify(&token).await,
        Err(VerifyError::KeysUnavailable(_))
    ));
    // up: accepted; then down again: the keys are still trusted within their lifetime
    source.set(Ok(jwks(&[old])));
    assert!(v.verify(&token).await.is_ok());
    source.set(Err("connection refused".into()));
    assert!(v.verify(&token).await.is_ok());
    // past their lifetime and the stale-if-error window they are not: no acceptance on old
    // keys while new ones can't be had (a lifetime and a window of zero: every verification
    // is past both; the window itself: the_last_good_keys_verify_for_a_bounded_time…)
    let source = Keys::serving(jwks(&[old]));
    let expiring = VerifierConfig {
        keys_lifetime: Duration::ZERO,
        stale_if_error: Duration::ZERO,
        refetch_interval: Duration::ZERO,
        ..VerifierConfig::default()
    };
    let v = verifier(&source, expiring);
    assert!(v.verify(&token).await.is_ok());
    source.set(Err("connection refused".into()));
    assert!(matches!(
        v.verify(&token).await,
        Err(VerifyError::KeysUnavailable(_))
    ));
    source.set(Ok(jwks(&[old])));
    assert!(v.verify(&token).await.is_ok(), "trusted again once fetched");
}

#[tokio::test]
async fn tokens_from_the_emulator_verify_against_its_served_jwks() {
    let emu = loginrocket_emulator::spawn(loginrocket_emulator::seed::Seed::demo())
        .await
        .unwrap();
    let (_, login) = common::emulator_sign_in(&emu).await;
    let keys = loginrocket_axum::HttpKeys::for_loginrocket(&emu.lr_url());
    assert_eq!(keys.url(), format!("{}/connect/jwks", emu.url));
    // as AuthRocket issues them: `iss` https://authrocket.com, the verifier's default
    let v = Verifier::new(keys, VerifierConfig::default());
    let claims = v.verify(login.token.expose()).await.unwrap();
    assert_eq!(claims.email(), Some("ann@example.com"));
    assert!(claims.realm().is_some());
    // another emulator is another realm with other keys
    let other = loginrocket_emulator::spawn(loginrocket_emulator::seed::Seed::demo())
        .await
        .unwrap();
    let v = Verifier::new(
        loginrocket_axum::HttpKeys::for_loginrocket(&other.url),
        VerifierConfig::default(),
    );
    assert_eq!(
        v.verify(login.token.expose()).await.unwrap_err(),
        VerifyError::UnknownKey
    );
}

/// A key source whose first fetch never ends (its request's client went away mid-fetch),
/// and whose later fetches answer `text`.
struct FirstHangs {
    text: String,
    fetches: std::sync::Arc<std::sync::atomic::AtomicUsize>,
}

impl loginrocket_axum::KeySource for FirstHangs {
    fn fetch(&self) -> loginrocket_axum::Fetch<'_> {
        let n = self
            .fetches
            .fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        let text = self.text.clone();
        Box::pin(async move {
            if n == 0 {
                std::future::pending::<()>().await;
            }
            Ok(text)
        })
    }
}

#[tokio::test]
async fn a_request_dropped_mid_fetch_does_not_lock_everyone_out_of_the_keys() {
    let (old, _) = keys();
    let fetches = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let v = std::sync::Arc::new(Verifier::new(
        FirstHangs {
            text: jwks(&[old]),
            fetches: fetches.clone(),
        },
        VerifierConfig::default(),
    ));
    let token = old.sign(&claims());
    // a request whose client disconnects while the keys are being fetched: axum drops it
    let dropped = tokio::spawn({
        let (v, token) = (v.clone(), token.clone());
        async move { v.verify(&token).await }
    });
    tokio::time::timeout(Duration::from_secs(5), async {
        while fetches.load(std::sync::atomic::Ordering::SeqCst) == 0 {
            tokio::task::yield_now().await;
        }
    })
    .await
    .unwrap();
    dropped.abort();
    assert!(dropped.await.unwrap_err().is_cancelled());
    // the next user is not refused for the refetch interval (30 s): the keys are fetched
    let claims = v.verify(&token).await;
    assert!(claims.is_ok(), "{claims:?}");
}

#[tokio::test]
async fn the_issuer_is_authrocket_by_default_and_a_token_without_one_is_refused() {
    let (old, _) = keys();
    let v = verifier(&Keys::serving(jwks(&[old])), VerifierConfig::default());
    let mut c = claims();
    assert!(v.verify(&old.sign(&c)).await.is_ok());
    // the LoginRocket host is not the issuer, nor the emulator
    for other in ["https://sample.e2.loginrocket.com/", "loginrocket-emulator"] {
        c["iss"] = json!(other);
        assert_eq!(
            v.verify(&old.sign(&c)).await.unwrap_err(),
            VerifyError::WrongIssuer,
            "{other}"
        );
    }
    // no `iss` at all: jsonwebtoken checks it only when present, unless it is required
    c.as_object_mut().unwrap().remove("iss");
    assert_eq!(
        v.verify(&old.sign(&c)).await.unwrap_err(),
        VerifyError::WrongIssuer
    );
    // without an issuer to check, it passes
    let unchecked = verifier(
        &Keys::serving(jwks(&[old])),
        VerifierConfig {
            issuer: None,
            ..VerifierConfig::default()
        },
    );
    assert!(unchecked.verify(&old.sign(&c)).await.is_ok());
}

#[tokio::test]
async fn rsa_keys_under_2048_bits_are_not_trusted() {
    let weak = common::Signer::with_bits("k_weak", 1024);
    let v = verifier(&Keys::serving(jwks(&[&weak])), VerifierConfig::default());
    assert!(matches!(
        v.verify(&weak.sign(&claims())).await,
        Err(VerifyError::UnknownKey | VerifyError::KeysUnavailable(_))
    ));
}

#[tokio::test]
async fn a_key_id_listed_twice_keeps_both_keys() {
    let (old, new) = keys();
    // two keys under one kid (RFC 7517 allows it)
    let mut twin = new.jwk.clone();
    twin["kid"] = old.jwk["kid"].clone();
    let doc = json!({ "keys": [old.jwk, twin] }).to_string();
    let v = verifier(&Keys::serving(doc), VerifierConfig::default());
    let mut header = Header::new(Algorithm::RS256);
    header.kid = Some(old.kid.to_owned());
    let by_new = jsonwebtoken::encode(&header, &claims(), &new.encoding).unwrap();
    assert!(v.verify(&old.sign(&claims())).await.is_ok(), "the first");
    assert!(v.verify(&by_new).await.is_ok(), "the second");
}

#[tokio::test]
async fn a_token_with_a_critical_extension_is_refused() {
    let (old, _) = keys();
    let v = verifier(&Keys::serving(jwks(&[old])), VerifierConfig::default());
    let token = old.sign(&claims());
    // the same token with `crit` in its header (re-signed: the header is signed too)
    let header = json!({"alg": "RS256", "typ": "JWT", "kid": old.kid, "crit": ["exp-bound"], "exp-bound": 1});
    let signing_input = format!(
        "{}.{}",
        URL_SAFE_NO_PAD.encode(header.to_string()),
        token.split('.').nth(1).unwrap()
    );
    let signature =
        jsonwebtoken::crypto::sign(signing_input.as_bytes(), &old.encoding, Algorithm::RS256)
            .unwrap();
    let with_crit = format!("{signing_input}.{signature}");
    assert_eq!(
        v.verify(&with_crit).await.unwrap_err(),
        VerifyError::Malformed
    );
}

#[tokio::test]
async fn the_last_good_keys_verify_for_a_bounded_time_while_the_key_endpoint_fails() {
    let (old, _) = keys();
    let token = old.sign(&claims());
    // keys past their lifetime at once (zero), the endpoint failing: within stale-if-error
    // they verify; past it (zero too) no token is accepted, a 503 for the caller
    for (stale_if_error, verifies) in [(Duration::from_secs(3600), true), (Duration::ZERO, false)] {
        let source = Keys::serving(jwks(&[old]));
        let v = verifier(
            &source,
            VerifierConfig {
                keys_lifetime: Duration::ZERO,
                stale_if_error,
                refetch_interval: Duration::ZERO,
                ..VerifierConfig::default()
            },
        );
        assert!(v.verify(&token).await.is_ok());
        source.set(Err("connection refused".into()));
        let answer = v.verify(&token).await;
        if verifies {
            assert!(answer.is_ok(), "{answer:?}");
        } else {
            assert!(
                matches!(answer, Err(VerifyError::KeysUnavailable(_))),
                "{answer:?}"
            );
        }
        // and the endpoint is tried again each time (the interval is zero here)
        let before = source.fetches();
        let _ = v.verify(&token).await;
        assert_eq!(source.fetches(), before + 1);
    }
}

#[tokio::test]
async fn a_realm_that_signs_with_hs256_verifies_with_its_secret_only() {
    let secret = "jsk_0123456789abcdefghijklmnopqrstuv";
    let v = Verifier::hs256(secret, VerifierConfig::default());
    let hs = |key: &str| {
        jsonwebtoken::encode(
            &Header::new(Algorithm::HS256),
            &claims(),
            &EncodingKey::from_secret(key.as_bytes()),
        )
        .unwrap()
    };
    let ok = v.verify(&hs(secret)).await.unwrap();
    assert_eq!(ok.subject(), Some("usr_1"));
    assert_eq!(
        v.verify(&hs("jsk_another")).await.unwrap_err(),
        VerifyError::BadSignature
    );
    // an RS256 token is no token of this realm's
    let (old, _) = keys();
    assert_eq!(
        v.verify(&old.sign(&claims())).await.unwrap_err(),
        VerifyError::AlgorithmMismatch
    );
    // and a JWKS verifier still refuses HS256 (no secret in a public document)
    let published = verifier(&Keys::serving(jwks(&[old])), VerifierConfig::default());
    assert!(published.verify(&hs(secret)).await.is_err());
}

/// A server on a free loopback port answering every GET with `answer`.
async fn serve(answer: axum::routing::MethodRouter) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move {
        axum::serve(listener, axum::Router::new().fallback(answer))
            .await
            .unwrap();
    });
    url
}

#[tokio::test]
async fn keys_are_fetched_with_a_capped_body_and_no_redirect() {
    let (old, _) = keys();
    let token = old.sign(&claims());
    let good = jwks(&[old]);
    // a body past 1 MiB: refused, not read whole
    let huge = format!("{{\"keys\": [], \"pad\": \"{}\"}}", "x".repeat(2 << 20));
    let url = serve(axum::routing::get(move || async move { huge })).await;
    let v = Verifier::new(
        loginrocket_axum::HttpKeys::new(format!("{url}/jwks")),
        VerifierConfig::default(),
    );
    match v.verify(&token).await.unwrap_err() {
        VerifyError::KeysUnavailable(why) => assert!(why.contains("over"), "{why}"),
        other => panic!("{other:?}"),
    }
    // a redirect to keys elsewhere is not followed
    let elsewhere = serve(axum::routing::get(move || async move { good })).await;
    let url = serve(axum::routing::get(move || async move {
        axum::response::Redirect::temporary(&format!("{elsewhere}/jwks"))
    }))
    .await;
    let v = Verifier::new(
        loginrocket_axum::HttpKeys::new(format!("{url}/jwks")),
        VerifierConfig::default(),
    );
    match v.verify(&token).await.unwrap_err() {
        VerifyError::KeysUnavailable(why) => assert!(why.contains("307"), "{why}"),
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn the_emulators_rotated_keys_and_hs256_realm_verify_as_a_real_realms_would() {
    let emu = loginrocket_emulator::spawn(loginrocket_emulator::seed::Seed::demo())
        .await
        .unwrap();
    let control =
        |method, path: &'static str, body| common::emulator_control(&emu, method, path, body);
    let v = Verifier::new(
        loginrocket_axum::HttpKeys::for_loginrocket(&emu.lr_url()),
        VerifierConfig {
            // a token naming a key not seen yet is fetched for at once
            refetch_interval: Duration::ZERO,
            ..VerifierConfig::default()
        },
    );
    let (_, before) = common::emulator_sign_in(&emu).await;
    let claims = v.verify(before.token.expose()).await.unwrap();
    // as AuthRocket issues them: every membership, the session's selected
    let selected = claims.selected_membership().unwrap();
    assert_eq!(selected.account, before.account);
    assert!(selected.id.as_deref().is_some_and(|m| m.starts_with("mb_")));
    // rotation: the new key's tokens verify once the verifier fetches again; old ones too
    control(reqwest::Method::POST, "keys", json!({})).await;
    let (_, after) = common::emulator_sign_in(&emu).await;
    assert!(v.verify(after.token.expose()).await.is_ok());
    assert!(v.verify(before.token.expose()).await.is_ok());
    // a realm that signs with HS256: verified with its secret, never with the JWKS
    let secret = "jsk_0123456789abcdefghijklmnopqrstuvwxyz";
    control(
        reqwest::Method::PUT,
        "realm",
        json!({"jwt_algorithm": "HS256", "jwt_secret": secret}),
    )
    .await;
    let (_, hs) = common::emulator_sign_in(&emu).await;
    assert!(v.verify(hs.token.expose()).await.is_err());
    let claims = Verifier::hs256(secret, VerifierConfig::default())
        .verify(hs.token.expose())
        .await
        .unwrap();
    assert_eq!(claims.email(), Some("ann@example.com"));
}
