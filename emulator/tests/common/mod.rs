//! Shared helpers: an emulator in-process on a free port, driven by the client crate.
#![allow(dead_code)]

use std::time::Duration;

use jsonwebtoken::{decode, decode_header, Algorithm, DecodingKey, Validation};
use loginrocket::{Config, LoginRocket, Response};
use loginrocket_emulator::seed::Seed;
use loginrocket_emulator::Running;
use serde_json::Value;

pub struct Emu {
    pub running: Running,
    pub client: LoginRocket,
    pub http: reqwest::Client,
}

pub async fn start() -> Emu {
    start_with(Seed::demo()).await
}

pub async fn start_with(seed: Seed) -> Emu {
    let running = loginrocket_emulator::spawn(seed)
        .await
        .expect("emulator starts");
    let client =
        LoginRocket::new(Config::new(running.url.clone()).timeout(Duration::from_secs(5))).unwrap();
    Emu {
        running,
        client,
        http: reqwest::Client::new(),
    }
}

impl Emu {
    /// A control-API call; panics unless it answers 2xx.
    pub async fn control(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        let (status, value) = self.control_raw(method, path, body).await;
        assert!(
            (200..300).contains(&status),
            "{method} {path} -> {status} {value}"
        );
        value
    }

    pub async fn control_raw(&self, method: &str, path: &str, body: Option<Value>) -> (u16, Value) {
        let url = format!("{}/_emulator/{path}", self.running.url);
        let method = reqwest::Method::from_bytes(method.as_bytes()).unwrap();
        let mut req = self.http.request(method, url);
        if let Some(body) = body {
            req = req.json(&body);
        } else {
            // control POSTs are never simple requests
            req = req.header("content-type", "application/json");
        }
        let resp = req.send().await.unwrap();
        let status = resp.status().as_u16();
        (status, resp.json().await.unwrap_or(Value::Null))
    }

    /// The JWKS document served at `/connect/jwks`.
    pub async fn jwks(&self) -> Value {
        let text = self
            .http
            .get(format!("{}/connect/jwks", self.running.url))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        serde_json::from_str(&text).unwrap()
    }

    pub async fn realm(&self, patch: Value) {
        self.control("PUT", "realm", Some(patch)).await;
    }

    pub async fn outbox(&self) -> Vec<Value> {
        self.control("GET", "outbox", None)
            .await
            .as_array()
            .cloned()
            .unwrap_or_default()
    }

    pub async fn advance(&self, secs: u64) {
        self.control(
            "POST",
            "clock",
            Some(serde_json::json!({ "advance_secs": secs })),
        )
        .await;
    }

    /// A client on the same emulator with another locale.
    pub fn client_in(&self, locale: &str) -> LoginRocket {
        LoginRocket::new(
            Config::new(self.running.url.clone())
                .locale(locale)
                .timeout(Duration::from_secs(5)),
        )
        .unwrap()
    }
}

/// The messages of a 409/422 error (panics otherwise).
pub fn messages(r: &Response) -> Vec<String> {
    let e = r
        .as_error()
        .unwrap_or_else(|| panic!("an error expected, got {r:?}"));
    assert!(e.is_validation(), "a validation error expected, got {e:?}");
    e.errors.clone()
}

pub const PASSWORD: &str = "demo-password";

/// Verifies a token against the served JWKS and returns its claims.
pub async fn verified_claims(emu: &Emu, token: &str) -> Value {
    let jwks = emu.jwks().await;
    let header = decode_header(token).unwrap();
    assert_eq!(header.alg, Algorithm::RS256);
    let key = jwks["keys"]
        .as_array()
        .unwrap()
        .iter()
        .find(|k| k["kid"].as_str() == header.kid.as_deref())
        .expect("the token's kid is in the JWKS");
    let decoding =
        DecodingKey::from_rsa_components(key["n"].as_str().unwrap(), key["e"].as_str().unwrap())
            .unwrap();
    let mut validation = Validation::new(Algorithm::RS256);
    validation.validate_aud = false;
    decode::<Value>(token, &decoding, &validation)
        .expect("valid RS256 signature")
        .claims
}
