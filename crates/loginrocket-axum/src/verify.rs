//! Verifying LoginRocket JWTs against the realm's JWKS.

use std::collections::HashMap;
use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use jsonwebtoken::errors::ErrorKind;
use jsonwebtoken::jwk::{
    AlgorithmParameters, EllipticCurve, Jwk, JwkSet, KeyAlgorithm, PublicKeyUse,
};
use jsonwebtoken::{Algorithm, DecodingKey, Validation};
use serde_json::{Map, Value};

/// A fetch of the realm's JWKS document: its JSON text, or why it could not be had.
pub type Fetch<'a> = Pin<Box<dyn Future<Output = Result<String, String>> + Send + 'a>>;

/// Where a [`Verifier`] gets the realm's signing keys: [`HttpKeys`], or your own (a test's,
/// a cache shared between services).
///
/// ```
/// use loginrocket_axum::{Fetch, KeySource};
///
/// struct Fixed(String);
///
/// impl KeySource for Fixed {
///     fn fetch(&self) -> Fetch<'_> {
///         Box::pin(async move { Ok(self.0.clone()) })
///     }
/// }
/// ```
pub trait KeySource: Send + Sync {
    /// The JWKS document (`{"keys": [...]}`) as JSON text.
    fn fetch(&self) -> Fetch<'_>;
}

/// The realm's JWKS over HTTP(S).
///
/// ```
/// use loginrocket_axum::HttpKeys;
///
/// let keys = HttpKeys::for_loginrocket("https://sample.e2.loginrocket.com/v2/");
/// assert_eq!(keys.url(), "https://sample.e2.loginrocket.com/connect/jwks");
/// ```
pub struct HttpKeys {
    url: String,
    client: reqwest::Client,
}

impl HttpKeys {
    /// How long one fetch of the keys may take.
    pub const TIMEOUT: Duration = Duration::from_secs(10);

    /// The JWKS at `url`.
    pub fn new(url: impl Into<String>) -> Self {
        let client = reqwest::Client::builder()
            .timeout(Self::TIMEOUT)
            .build()
            .unwrap_or_default();
        Self {
            url: url.into(),
            client,
        }
    }

    /// The JWKS of the realm whose LoginRocket URL is `lr_url` (with or without its `v2/`):
    /// `<origin>/connect/jwks`.
    pub fn for_loginrocket(lr_url: &str) -> Self {
        let base = lr_url.trim_end_matches('/');
        let base = base.strip_suffix("/v2").unwrap_or(base);
        Self::new(format!("{base}/connect/jwks"))
    }

    /// The URL fetched.
    pub fn url(&self) -> &str {
        &self.url
    }
}

impl KeySource for HttpKeys {
    fn fetch(&self) -> Fetch<'_> {
        Box::pin(async move {
            let response = self
                .client
                .get(&self.url)
                .header("Accept", "application/json")
                .send()
                .await
                .map_err(|e| format!("GET {}: {e}", self.url))?;
            if !response.status().is_success() {
                return Err(format!("GET {}: HTTP {}", self.url, response.status()));
            }
            response
                .text()
                .await
                .map_err(|e| format!("GET {}: {e}", self.url))
        })
    }
}

/// What a [`Verifier`] checks beyond the signature and `exp`/`nbf`, and how it keeps the
/// keys.
///
/// ```
/// use std::time::Duration;
/// use loginrocket_axum::VerifierConfig;
///
/// let config = VerifierConfig {
///     issuer: Some("https://sample.e2.loginrocket.com/".into()),
///     leeway: Duration::from_secs(10),
///     ..VerifierConfig::default()
/// };
/// assert_eq!(config.keys_lifetime, Duration::from_secs(3600));
/// ```
#[derive(Clone, Debug)]
pub struct VerifierConfig {
    /// The `iss` a token must carry, where the realm defines one.
    pub issuer: Option<String>,
    /// An `aud` a token must carry, where the realm defines one (a token without `aud` is
    /// then refused; with `None`, `aud` is not checked).
    pub audience: Option<String>,
    /// The realm id (`rid`) a token must carry: tokens of another realm are refused even
    /// when they share a key source.
    pub realm: Option<String>,
    /// Clock skew allowed on `exp` and `nbf` (default 30 s).
    pub leeway: Duration,
    /// How long fetched keys are trusted (default 1 h). Past it they are fetched again, and
    /// if that fails no token is accepted until a fetch succeeds.
    pub keys_lifetime: Duration,
    /// The least time between two fetches of the keys (default 30 s): a flood of tokens with
    /// made-up key ids fetches once.
    pub refetch_interval: Duration,
}

impl Default for VerifierConfig {
    fn default() -> Self {
        Self {
            issuer: None,
            audience: None,
            realm: None,
            leeway: Duration::from_secs(30),
            keys_lifetime: Duration::from_secs(3600),
            refetch_interval: Duration::from_secs(30),
        }
    }
}

/// Why a token was refused. Each is a 401 for the caller, but
/// [`KeysUnavailable`](Self::KeysUnavailable), which is the server's problem (a 503).
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum VerifyError {
    /// Not a JWT, no key id, or an algorithm this crate does not accept (`none`, HMAC).
    Malformed,
    /// Signed by a key the realm does not list (after fetching its keys again).
    UnknownKey,
    /// The token's `alg` is not its key's algorithm (algorithm confusion).
    AlgorithmMismatch,
    /// The signature does not match the token.
    BadSignature,
    /// Past its `exp`.
    Expired,
    /// Before its `nbf`.
    NotYetValid,
    /// Another issuer's.
    WrongIssuer,
    /// For another audience.
    WrongAudience,
    /// Another realm's (`rid`).
    WrongRealm,
    /// The realm's keys could not be fetched, and none are trusted now. The text says why.
    KeysUnavailable(String),
}

impl fmt::Display for VerifyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Malformed => "not a LoginRocket token",
            Self::UnknownKey => "signed by a key the realm does not list",
            Self::AlgorithmMismatch => "the token's algorithm is not its key's",
            Self::BadSignature => "the signature does not match",
            Self::Expired => "the token has expired",
            Self::NotYetValid => "the token is not valid yet",
            Self::WrongIssuer => "another issuer's token",
            Self::WrongAudience => "a token for another audience",
            Self::WrongRealm => "another realm's token",
            Self::KeysUnavailable(why) => {
                return write!(f, "the realm's keys are unavailable: {why}")
            }
        })
    }
}

impl std::error::Error for VerifyError {}

/// A verified token's claims. `Debug` hides the session id (`sid`), a secret.
///
/// ```
/// use loginrocket_axum::Claims;
///
/// let claims = Claims::from(serde_json::json!({"sub": "usr_1", "sid": "kss_secret", "exp": 1}));
/// assert_eq!(claims.subject(), Some("usr_1"));
/// assert!(!format!("{claims:?}").contains("kss_secret"));
/// ```
#[derive(Clone, PartialEq)]
pub struct Claims(Map<String, Value>);

impl Claims {
    /// The user's id (`sub`).
    pub fn subject(&self) -> Option<&str> {
        self.str("sub")
    }

    /// The realm's id (`rid`).
    pub fn realm(&self) -> Option<&str> {
        self.str("rid")
    }

    /// The session's id (`sid`): a secret (it can sign the user out everywhere, and read the
    /// session): never log it or put it in a URL.
    pub fn session_id(&self) -> Option<&str> {
        self.str("sid")
    }

    /// When the token expires (`exp`), in seconds since the Unix epoch.
    pub fn expires_at(&self) -> Option<u64> {
        self.0.get("exp").and_then(Value::as_u64)
    }

    /// The user's email (`email`), when the realm includes it.
    pub fn email(&self) -> Option<&str> {
        self.str("email")
    }

    /// Any claim.
    pub fn get(&self, name: &str) -> Option<&Value> {
        self.0.get(name)
    }

    /// Every claim.
    pub fn into_map(self) -> Map<String, Value> {
        self.0
    }

    fn str(&self, name: &str) -> Option<&str> {
        self.0.get(name).and_then(Value::as_str)
    }
}

impl From<Value> for Claims {
    /// The claims of a JSON object (anything else has none).
    fn from(value: Value) -> Self {
        match value {
            Value::Object(map) => Self(map),
            _ => Self(Map::new()),
        }
    }
}

impl fmt::Debug for Claims {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut map = f.debug_map();
        for (name, value) in &self.0 {
            if name == "sid" {
                map.entry(name, &"***");
            } else {
                map.entry(name, value);
            }
        }
        map.finish()
    }
}

/// The keys as last fetched, and when.
#[derive(Default)]
struct Keys {
    by_id: HashMap<String, (Algorithm, DecodingKey)>,
    fetched: Option<Instant>,
    tried: Option<Instant>,
}

/// Verifies LoginRocket JWTs against the realm's keys. Share one (`Arc`, or axum state) for
/// the whole server: it caches the keys.
///
/// ```no_run
/// use loginrocket_axum::{HttpKeys, Verifier, VerifierConfig};
///
/// let verifier = Verifier::new(HttpKeys::for_loginrocket("http://127.0.0.1:4000"), VerifierConfig::default());
/// ```
pub struct Verifier {
    source: Arc<dyn KeySource>,
    config: VerifierConfig,
    keys: Mutex<Keys>,
    /// Held while the keys are fetched.
    fetching: tokio::sync::Mutex<()>,
}

impl Verifier {
    /// A verifier on `source`'s keys.
    pub fn new(source: impl KeySource + 'static, config: VerifierConfig) -> Self {
        Self {
            source: Arc::new(source),
            config,
            keys: Mutex::new(Keys::default()),
            fetching: tokio::sync::Mutex::new(()),
        }
    }

    /// The token's claims, once its signature, times, issuer, audience and realm check out.
    pub async fn verify(&self, token: &str) -> Result<Claims, VerifyError> {
        let header = jsonwebtoken::decode_header(token).map_err(|_| VerifyError::Malformed)?;
        let kid = header.kid.ok_or(VerifyError::Malformed)?;
        let (algorithm, key) = self.key(&kid).await?;
        if header.alg != algorithm {
            return Err(VerifyError::AlgorithmMismatch);
        }
        let mut validation = Validation::new(algorithm);
        validation.leeway = self.config.leeway.as_secs();
        validation.validate_nbf = true;
        if let Some(issuer) = &self.config.issuer {
            validation.set_issuer(&[issuer]);
        }
        match &self.config.audience {
            Some(audience) => {
                validation.set_audience(&[audience]);
                // else a token with no `aud` at all passes
                validation.required_spec_claims.insert("aud".to_owned());
            }
            None => validation.validate_aud = false,
        }
        let data = jsonwebtoken::decode::<Map<String, Value>>(token, &key, &validation)
            .map_err(|e| refused(e.kind()))?;
        let claims = Claims(data.claims);
        if let Some(realm) = &self.config.realm {
            if claims.realm() != Some(realm.as_str()) {
                return Err(VerifyError::WrongRealm);
            }
        }
        Ok(claims)
    }

    /// The key `kid` and its algorithm: from the cache while it is trusted, else fetched
    /// (one fetch at a time, at most once per `refetch_interval`).
    async fn key(&self, kid: &str) -> Result<(Algorithm, DecodingKey), VerifyError> {
        if let Some(found) = self.cached(kid) {
            return Ok(found);
        }
        // callers that miss together wait for one fetch, then look again
        let _one_fetch = self.fetching.lock().await;
        if let Some(found) = self.cached(kid) {
            return Ok(found);
        }
        let now = Instant::now();
        {
            let mut keys = self.lock();
            let may_fetch = keys
                .tried
                .is_none_or(|at| now.duration_since(at) >= self.config.refetch_interval);
            if !may_fetch {
                return Err(if keys.by_id.is_empty() {
                    VerifyError::KeysUnavailable("waiting to fetch the keys again".into())
                } else {
                    VerifyError::UnknownKey
                });
            }
            keys.tried = Some(now);
        }
        let fetched = self.source.fetch().await.and_then(|text| parse_jwks(&text));
        let mut keys = self.lock();
        match fetched {
            Ok(by_id) => {
                keys.by_id = by_id;
                keys.fetched = Some(Instant::now());
            }
            Err(why) if keys.by_id.is_empty() => return Err(VerifyError::KeysUnavailable(why)),
            // the keys still trusted stay; the token's key is not among them
            Err(_) => {}
        }
        keys.by_id.get(kid).cloned().ok_or(VerifyError::UnknownKey)
    }

    /// The key `kid` from the cache, while the cache is trusted (past its lifetime it is
    /// emptied: no token is accepted on old keys).
    fn cached(&self, kid: &str) -> Option<(Algorithm, DecodingKey)> {
        let mut keys = self.lock();
        let trusted = keys
            .fetched
            .is_some_and(|at| at.elapsed() < self.config.keys_lifetime);
        if !trusted {
            keys.by_id.clear();
        }
        keys.by_id.get(kid).cloned()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Keys> {
        self.keys.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// The signing keys of a JWKS document by id, each with its algorithm. Keys that are not
/// for signatures, have no id, or are symmetric (an HMAC secret in a public document is no
/// key of a realm's) are left out.
fn parse_jwks(text: &str) -> Result<HashMap<String, (Algorithm, DecodingKey)>, String> {
    let set: JwkSet = serde_json::from_str(text).map_err(|e| format!("not a JWKS: {e}"))?;
    Ok(set
        .keys
        .iter()
        .filter_map(|jwk| {
            if jwk.common.public_key_use == Some(PublicKeyUse::Encryption) {
                return None;
            }
            let kid = jwk.common.key_id.clone()?;
            let algorithm = algorithm_of(jwk)?;
            let key = DecodingKey::from_jwk(jwk).ok()?;
            Some((kid, (algorithm, key)))
        })
        .collect())
}

/// A public key's signature algorithm: its `alg`, else what its type implies.
fn algorithm_of(jwk: &Jwk) -> Option<Algorithm> {
    let from_alg = match jwk.common.key_algorithm {
        Some(KeyAlgorithm::RS256) => Some(Algorithm::RS256),
        Some(KeyAlgorithm::RS384) => Some(Algorithm::RS384),
        Some(KeyAlgorithm::RS512) => Some(Algorithm::RS512),
        Some(KeyAlgorithm::PS256) => Some(Algorithm::PS256),
        Some(KeyAlgorithm::PS384) => Some(Algorithm::PS384),
        Some(KeyAlgorithm::PS512) => Some(Algorithm::PS512),
        Some(KeyAlgorithm::ES256) => Some(Algorithm::ES256),
        Some(KeyAlgorithm::ES384) => Some(Algorithm::ES384),
        Some(KeyAlgorithm::EdDSA) => Some(Algorithm::EdDSA),
        // HMAC, encryption algorithms, unknown ones
        Some(_) => return None,
        None => None,
    };
    let family_fits = |a: Algorithm| match (&jwk.algorithm, a) {
        (AlgorithmParameters::RSA(_), a) => matches!(
            a,
            Algorithm::RS256
                | Algorithm::RS384
                | Algorithm::RS512
                | Algorithm::PS256
                | Algorithm::PS384
                | Algorithm::PS512
        ),
        (AlgorithmParameters::EllipticCurve(p), Algorithm::ES256) => p.curve == EllipticCurve::P256,
        (AlgorithmParameters::EllipticCurve(p), Algorithm::ES384) => p.curve == EllipticCurve::P384,
        (AlgorithmParameters::OctetKeyPair(_), Algorithm::EdDSA) => true,
        _ => false,
    };
    let implied = match &jwk.algorithm {
        AlgorithmParameters::RSA(_) => Algorithm::RS256,
        AlgorithmParameters::EllipticCurve(p) if p.curve == EllipticCurve::P256 => Algorithm::ES256,
        AlgorithmParameters::EllipticCurve(p) if p.curve == EllipticCurve::P384 => Algorithm::ES384,
        AlgorithmParameters::OctetKeyPair(_) => Algorithm::EdDSA,
        _ => return None,
    };
    Some(from_alg.unwrap_or(implied)).filter(|a| family_fits(*a))
}

/// The error for a token `jsonwebtoken` refused.
fn refused(kind: &ErrorKind) -> VerifyError {
    match kind {
        ErrorKind::InvalidSignature => VerifyError::BadSignature,
        ErrorKind::ExpiredSignature => VerifyError::Expired,
        ErrorKind::ImmatureSignature => VerifyError::NotYetValid,
        ErrorKind::InvalidIssuer => VerifyError::WrongIssuer,
        ErrorKind::InvalidAudience => VerifyError::WrongAudience,
        ErrorKind::MissingRequiredClaim(claim) if claim == "aud" => VerifyError::WrongAudience,
        ErrorKind::InvalidAlgorithm => VerifyError::AlgorithmMismatch,
        _ => VerifyError::Malformed,
    }
}
