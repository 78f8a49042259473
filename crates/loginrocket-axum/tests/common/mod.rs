//! What the tests share: the realm's keys, tokens, a key source the test controls, and a
//! sign-in at an emulator.
#![allow(dead_code)]

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{SystemTime, UNIX_EPOCH};

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use jsonwebtoken::{Algorithm, EncodingKey, Header};
use loginrocket_axum::{Fetch, KeySource};
use rsa::pkcs1::EncodeRsaPrivateKey;
use rsa::traits::PublicKeyParts;
use serde_json::{json, Value};

/// An RS256 key of the realm's, and its JWK.
pub struct Signer {
    pub kid: &'static str,
    pub encoding: EncodingKey,
    pub jwk: Value,
}

impl Signer {
    pub fn new(kid: &'static str) -> Self {
        Self::with_bits(kid, 2048)
    }

    pub fn with_bits(kid: &'static str, bits: usize) -> Self {
        let private = rsa::RsaPrivateKey::new(&mut rand::thread_rng(), bits).unwrap();
        let der = private.to_pkcs1_der().unwrap();
        let public = private.to_public_key();
        Self {
            kid,
            encoding: EncodingKey::from_rsa_der(der.as_bytes()),
            jwk: json!({
                "kty": "RSA", "use": "sig", "alg": "RS256", "kid": kid,
                "n": URL_SAFE_NO_PAD.encode(public.n().to_bytes_be()),
                "e": URL_SAFE_NO_PAD.encode(public.e().to_bytes_be()),
            }),
        }
    }

    pub fn sign(&self, claims: &Value) -> String {
        let mut header = Header::new(Algorithm::RS256);
        header.kid = Some(self.kid.to_owned());
        jsonwebtoken::encode(&header, claims, &self.encoding).unwrap()
    }
}

/// Two keys, made once for every test (RSA key generation takes a moment).
pub fn keys() -> &'static (Signer, Signer) {
    static KEYS: OnceLock<(Signer, Signer)> = OnceLock::new();
    KEYS.get_or_init(|| (Signer::new("k_old"), Signer::new("k_new")))
}

pub fn jwks(signers: &[&Signer]) -> String {
    json!({ "keys": signers.iter().map(|s| s.jwk.clone()).collect::<Vec<_>>() }).to_string()
}

pub fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs()
}

pub fn claims() -> Value {
    json!({
        "iss": "https://authrocket.com", "sub": "usr_1", "sid": "kss_secret", "rid": "rl_1",
        "iat": now(), "exp": now() + 600, "email": "ann@example.com",
    })
}

/// A key source whose answer the test sets, counting its fetches.
#[derive(Clone)]
pub struct Keys {
    answer: Arc<Mutex<Result<String, String>>>,
    fetches: Arc<AtomicUsize>,
}

impl Keys {
    pub fn serving(text: String) -> Self {
        Self {
            answer: Arc::new(Mutex::new(Ok(text))),
            fetches: Arc::default(),
        }
    }

    pub fn set(&self, answer: Result<String, String>) {
        *self.answer.lock().unwrap() = answer;
    }

    pub fn fetches(&self) -> usize {
        self.fetches.load(Ordering::SeqCst)
    }
}

impl KeySource for Keys {
    fn fetch(&self) -> Fetch<'_> {
        self.fetches.fetch_add(1, Ordering::SeqCst);
        let answer = self.answer.lock().unwrap().clone();
        Box::pin(async move { answer })
    }
}

/// Ann's sign-in at `emu` (the demo seed), through the client's native transport.
pub async fn emulator_sign_in(
    emu: &loginrocket_emulator::Running,
) -> (loginrocket::LoginRocket, loginrocket::FullLogin) {
    use loginrocket::{Config, LoginParams, LoginRocket, Response, Secret};
    let client = LoginRocket::new(Config::new(emu.lr_url())).unwrap();
    let login = client
        .login(&LoginParams::new(
            "ann@example.com",
            Secret::new("demo-password"),
        ))
        .await
        .unwrap();
    let Response::FullLogin(login) = login else {
        panic!("{login:?}")
    };
    (client, login)
}

/// A call to `emu`'s control API (`/_emulator/<path>`, a JSON body); panics unless it
/// answers 2xx.
pub async fn emulator_control(
    emu: &loginrocket_emulator::Running,
    method: reqwest::Method,
    path: &str,
    body: Value,
) -> Value {
    let r = reqwest::Client::new()
        .request(method, format!("{}/_emulator/{path}", emu.url))
        .header("content-type", "application/json")
        .body(body.to_string())
        .send()
        .await
        .unwrap();
    assert!(r.status().is_success(), "{}", r.status());
    serde_json::from_str::<Value>(&r.text().await.unwrap()).unwrap()
}
