//! Verifying LoginRocket JWTs against the realm's JWKS.

use std::collections::HashMap;
use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use jsonwebtoken::errors::ErrorKind;
use jsonwebtoken::jwk::{
    AlgorithmParameters, EllipticCurve, Jwk, JwkSet, KeyAlgorithm, PublicKeyUse,
};
use jsonwebtoken::{Algorithm, DecodingKey, Validation};
use loginrocket::claims::Membership;
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

/// The realm's JWKS over HTTP(S): one attempt of at most [`TIMEOUT`](Self::TIMEOUT), no
/// redirect followed (a key document is the realm's own, at its own address), a body of at
/// most [`MAX_BODY`](Self::MAX_BODY).
///
/// ```
/// use loginrocket_axum::HttpKeys;
///
/// let keys = HttpKeys::for_loginrocket("https://sample.e2.loginrocket.com/v2/");
/// assert_eq!(keys.url(), "https://sample.e2.loginrocket.com/connect/jwks");
/// ```
pub struct HttpKeys {
    url: String,
    /// `Err` when no HTTP client could be built: every fetch then fails with it (never a
    /// client without the timeout or the redirect rule).
    client: Result<reqwest::Client, String>,
}

impl HttpKeys {
    /// How long one fetch of the keys may take, body included.
    pub const TIMEOUT: Duration = Duration::from_secs(10);

    /// The most bytes a JWKS document may have (as the client crate caps LoginRocket's).
    pub const MAX_BODY: usize = 1 << 20;

    /// The JWKS at `url`.
    pub fn new(url: impl Into<String>) -> Self {
        let client = reqwest::Client::builder()
            .timeout(Self::TIMEOUT)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .map_err(|e| format!("no HTTP client: {e}"));
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

    async fn get(&self) -> Result<String, String> {
        let client = self.client.as_ref().map_err(Clone::clone)?;
        let mut response = client
            .get(&self.url)
            .header("Accept", "application/json")
            .send()
            .await
            .map_err(|e| e.to_string())?;
        if !response.status().is_success() {
            // a redirect too: it is not followed
            return Err(format!("HTTP {}", response.status()));
        }
        let too_large = || format!("a body over {} bytes", Self::MAX_BODY);
        if response
            .content_length()
            .is_some_and(|n| n > Self::MAX_BODY as u64)
        {
            return Err(too_large());
        }
        let mut body = Vec::new();
        while let Some(chunk) = response.chunk().await.map_err(|e| e.to_string())? {
            if body.len() + chunk.len() > Self::MAX_BODY {
                return Err(too_large());
            }
            body.extend_from_slice(&chunk);
        }
        String::from_utf8(body).map_err(|_| "a body that is not UTF-8".to_owned())
    }
}

impl KeySource for HttpKeys {
    fn fetch(&self) -> Fetch<'_> {
        Box::pin(async move {
            // the client's timeout, and this one around the whole exchange
            match tokio::time::timeout(Self::TIMEOUT, self.get()).await {
                Ok(result) => result.map_err(|e| format!("GET {}: {e}", self.url)),
                Err(_) => Err(format!("GET {}: timed out", self.url)),
            }
        })
    }
}

/// The issuer of every LoginRocket token (`iss`), whatever the realm's LoginRocket URL: what
/// AuthRocket's own SDKs require.
pub const AUTHROCKET_ISSUER: &str = "https://authrocket.com";

/// What a [`Verifier`] checks beyond the signature and `exp`/`nbf`, and how it keeps the
/// keys.
///
/// ```
/// use std::time::Duration;
/// use loginrocket_axum::{VerifierConfig, AUTHROCKET_ISSUER};
///
/// // the realm's id: a token of another realm is refused, even on shared keys
/// let config = VerifierConfig {
///     realm: Some("rl_0v1zAbCd".into()),
///     leeway: Duration::from_secs(10),
///     ..VerifierConfig::default()
/// };
/// assert_eq!(config.issuer.as_deref(), Some(AUTHROCKET_ISSUER));
/// assert_eq!(config.keys_lifetime, Duration::from_secs(3600));
/// ```
#[derive(Clone, Debug)]
pub struct VerifierConfig {
    /// The `iss` a token must carry (a token without one is refused): by default
    /// [`AUTHROCKET_ISSUER`], as AuthRocket issues every token, never the LoginRocket URL.
    /// `None` checks nothing.
    pub issuer: Option<String>,
    /// An `aud` a token must carry, where the realm defines one (a token without `aud` is
    /// then refused; with `None`, `aud` is not checked).
    pub audience: Option<String>,
    /// The realm id (`rid`) a token must carry: tokens of another realm are refused even
    /// when they share a key source.
    pub realm: Option<String>,
    /// Clock skew allowed on `exp` and `nbf` (default 30 s).
    pub leeway: Duration,
    /// How long fetched keys are fresh (default 1 h). Past it they are fetched again.
    pub keys_lifetime: Duration,
    /// While the key endpoint fails, how long past their lifetime the last good keys still
    /// verify (default 24 h; stale-if-error, as AuthRocket's SDKs keep the keys they have). A
    /// fetch is tried again every `refetch_interval` meanwhile; past it no token is accepted
    /// (503) until a fetch succeeds. A key the realm removed stops working at the first
    /// successful fetch.
    pub stale_if_error: Duration,
    /// The least time between two fetches of the keys (default 30 s): a flood of tokens with
    /// made-up key ids fetches once, and a failing endpoint is tried again this often.
    pub refetch_interval: Duration,
}

impl Default for VerifierConfig {
    fn default() -> Self {
        Self {
            issuer: Some(AUTHROCKET_ISSUER.to_owned()),
            audience: None,
            realm: None,
            leeway: Duration::from_secs(30),
            keys_lifetime: Duration::from_secs(3600),
            stale_if_error: Duration::from_secs(24 * 3600),
            refetch_interval: Duration::from_secs(30),
        }
    }
}

/// Why a token was refused. Each is a 401 for the caller, but
/// [`KeysUnavailable`](Self::KeysUnavailable), which is the server's problem (a 503).
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum VerifyError {
    /// Not a JWT, no key id, an algorithm this crate does not accept (`none`, HMAC without a
    /// shared secret), or a critical extension (`crit`) it does not understand.
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

    /// The app's reference for the user (`ref`), when the realm sets one.
    pub fn reference(&self) -> Option<&str> {
        self.str("ref")
    }

    /// The user's custom data (`cs`), when the realm adds it.
    pub fn custom(&self) -> Option<&Value> {
        self.0.get("cs")
    }

    /// The user's memberships (`orgs[]`, [`Membership`]): one per account, each with the
    /// user's permissions there. Entries that are not objects with an `oid` are left out.
    ///
    /// ```
    /// use loginrocket_axum::Claims;
    ///
    /// let claims = Claims::from(serde_json::json!({"orgs": [
    ///     {"mid": "mb_1", "oid": "org_1", "name": "Acme", "perm": ["billing"], "selected": true},
    ///     {"mid": "mb_2", "oid": "org_2", "name": "Other"},
    /// ]}));
    /// let selected = claims.selected_membership().unwrap();
    /// assert_eq!(selected.account, "org_1");
    /// assert!(selected.can("billing"));
    /// assert_eq!(claims.memberships().len(), 2);
    /// ```
    pub fn memberships(&self) -> Vec<Membership> {
        loginrocket::claims::memberships(&self.0)
    }

    /// The membership of the account the session selected (`selected: true`), where the
    /// permissions to act on now are.
    pub fn selected_membership(&self) -> Option<Membership> {
        self.memberships().into_iter().find(|m| m.selected)
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

/// A key and the algorithm it signs with.
type Key = (Algorithm, DecodingKey);

/// The keys as last fetched, and when. A `kid` may name more than one key (RFC 7517 allows
/// it, for example an RSA and an EC key).
#[derive(Default)]
struct Keys {
    by_id: HashMap<String, Vec<Key>>,
    fetched: Option<Instant>,
    /// When the last fetch ended, whatever its outcome.
    tried: Option<Instant>,
}

/// Where a verifier's keys come from.
enum Source {
    /// The realm's public keys (RS256 and the like), fetched and cached.
    Published(Arc<dyn KeySource>),
    /// A realm that signs with HS256: its shared secret (`jsk_…`).
    Secret(DecodingKey),
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
    source: Source,
    config: VerifierConfig,
    keys: Mutex<Keys>,
    /// Held while the keys are fetched.
    fetching: tokio::sync::Mutex<()>,
}

impl Verifier {
    /// A verifier on `source`'s keys.
    pub fn new(source: impl KeySource + 'static, config: VerifierConfig) -> Self {
        Self::with(Source::Published(Arc::new(source)), config)
    }

    /// A verifier for a realm that signs its tokens with HS256: `secret` is the realm's JWT
    /// key (`jsk_…`, from its session settings), as AuthRocket's SDKs take it. Only HS256
    /// tokens signed with it are accepted; nothing is fetched. Keep the secret out of the
    /// client and of logs: whoever has it can sign tokens.
    ///
    /// ```
    /// use loginrocket_axum::{Verifier, VerifierConfig};
    ///
    /// let verifier = Verifier::hs256("jsk_SAMPLE", VerifierConfig::default());
    /// # let _ = verifier;
    /// ```
    pub fn hs256(secret: &str, config: VerifierConfig) -> Self {
        Self::with(
            Source::Secret(DecodingKey::from_secret(secret.as_bytes())),
            config,
        )
    }

    fn with(source: Source, config: VerifierConfig) -> Self {
        Self {
            source,
            config,
            keys: Mutex::new(Keys::default()),
            fetching: tokio::sync::Mutex::new(()),
        }
    }

    /// The token's claims, once its signature, times, issuer, audience and realm check out.
    pub async fn verify(&self, token: &str) -> Result<Claims, VerifyError> {
        let header = jsonwebtoken::decode_header(token).map_err(|_| VerifyError::Malformed)?;
        if has_crit(token) {
            // no extension is understood here, and a critical one must be (RFC 7515 4.1.11)
            return Err(VerifyError::Malformed);
        }
        let candidates: Vec<Key> = match &self.source {
            Source::Secret(secret) => vec![(Algorithm::HS256, secret.clone())],
            Source::Published(_) => {
                let kid = header.kid.ok_or(VerifyError::Malformed)?;
                self.keys_of(&kid).await?
            }
        };
        // of the keys under this id, those of the token's algorithm
        let keys: Vec<DecodingKey> = candidates
            .into_iter()
            .filter(|(a, _)| *a == header.alg)
            .map(|(_, key)| key)
            .collect();
        if keys.is_empty() {
            return Err(VerifyError::AlgorithmMismatch);
        }
        let mut validation = Validation::new(header.alg);
        validation.leeway = self.config.leeway.as_secs();
        validation.validate_nbf = true;
        if let Some(issuer) = &self.config.issuer {
            validation.set_issuer(&[issuer]);
            // else a token with no `iss` at all passes
            validation.required_spec_claims.insert("iss".to_owned());
        }
        match &self.config.audience {
            Some(audience) => {
                validation.set_audience(&[audience]);
                // else a token with no `aud` at all passes
                validation.required_spec_claims.insert("aud".to_owned());
            }
            None => validation.validate_aud = false,
        }
        let mut outcome = Err(VerifyError::BadSignature);
        for key in &keys {
            outcome = jsonwebtoken::decode::<Map<String, Value>>(token, key, &validation)
                .map_err(|e| refused(e.kind()));
            if !matches!(outcome, Err(VerifyError::BadSignature)) {
                break;
            }
        }
        let claims = Claims(outcome?.claims);
        if let Some(realm) = &self.config.realm {
            if claims.realm() != Some(realm.as_str()) {
                return Err(VerifyError::WrongRealm);
            }
        }
        Ok(claims)
    }

    /// The keys named `kid`, each with its algorithm: from the cache while it is fresh, else
    /// fetched (one fetch at a time, at most once per `refetch_interval`); while fetches fail,
    /// the last good keys for `stale_if_error` past their lifetime.
    async fn keys_of(&self, kid: &str) -> Result<Vec<Key>, VerifyError> {
        let Source::Published(source) = &self.source else {
            return Err(VerifyError::UnknownKey);
        };
        if let Some(found) = self.cached(kid, self.config.keys_lifetime) {
            return Ok(found);
        }
        // callers that miss together wait for one fetch, then look again
        let _one_fetch = self.fetching.lock().await;
        if let Some(found) = self.cached(kid, self.config.keys_lifetime) {
            return Ok(found);
        }
        let may_fetch = self
            .lock()
            .tried
            .is_none_or(|at| at.elapsed() >= self.config.refetch_interval);
        if may_fetch {
            // the attempt is recorded when it ends: a request dropped mid-fetch (its client
            // went away) cancels this future, and the next caller fetches
            let fetched = source.fetch().await.and_then(|text| parse_jwks(&text));
            let mut keys = self.lock();
            keys.tried = Some(Instant::now());
            match fetched {
                Ok(by_id) => {
                    keys.by_id = by_id;
                    keys.fetched = keys.tried;
                    // just fetched: the realm's keys now, whatever their lifetime
                    return keys.by_id.get(kid).cloned().ok_or(VerifyError::UnknownKey);
                }
                Err(why) => {
                    drop(keys);
                    return self.stale(kid).ok_or(VerifyError::KeysUnavailable(why));
                }
            }
        }
        let fresh = self
            .lock()
            .fetched
            .is_some_and(|at| at.elapsed() < self.config.keys_lifetime);
        if fresh {
            return self
                .lock()
                .by_id
                .get(kid)
                .cloned()
                .ok_or(VerifyError::UnknownKey);
        }
        // no fresh keys, and not yet time to fetch again
        self.stale(kid)
            .ok_or_else(|| VerifyError::KeysUnavailable("waiting to fetch the keys again".into()))
    }

    /// The keys `kid` from the cache while it is younger than `max_age`.
    fn cached(&self, kid: &str, max_age: Duration) -> Option<Vec<Key>> {
        let keys = self.lock();
        let fresh = keys.fetched.is_some_and(|at| at.elapsed() < max_age);
        fresh.then(|| keys.by_id.get(kid).cloned()).flatten()
    }

    /// While fetches fail: the last good keys `kid`, for `stale_if_error` past their lifetime
    /// (then none: no token is accepted on keys that old).
    fn stale(&self, kid: &str) -> Option<Vec<Key>> {
        let window = self
            .config
            .keys_lifetime
            .saturating_add(self.config.stale_if_error);
        self.cached(kid, window)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Keys> {
        self.keys.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// The least size of an RSA key trusted (NIST SP 800-131A).
const MIN_RSA_BITS: usize = 2048;

/// The signing keys of a JWKS document by id, each with its algorithm. Keys that are not
/// for signatures, have no id, are symmetric (an HMAC secret in a public document is no key
/// of a realm's) or are RSA keys under 2048 bits are left out.
fn parse_jwks(text: &str) -> Result<HashMap<String, Vec<Key>>, String> {
    let set: JwkSet = serde_json::from_str(text).map_err(|e| format!("not a JWKS: {e}"))?;
    let mut by_id: HashMap<String, Vec<Key>> = HashMap::new();
    for jwk in &set.keys {
        if jwk.common.public_key_use == Some(PublicKeyUse::Encryption) {
            continue;
        }
        if let AlgorithmParameters::RSA(rsa) = &jwk.algorithm {
            if modulus_bits(&rsa.n) < MIN_RSA_BITS {
                continue;
            }
        }
        let (Some(kid), Some(algorithm)) = (jwk.common.key_id.clone(), algorithm_of(jwk)) else {
            continue;
        };
        if let Ok(key) = DecodingKey::from_jwk(jwk) {
            by_id.entry(kid).or_default().push((algorithm, key));
        }
    }
    Ok(by_id)
}

/// The size in bits of an RSA modulus given as base64url (`n`), leading zeros not counted;
/// 0 when it is not base64url.
fn modulus_bits(n: &str) -> usize {
    let bytes = base64url(n).unwrap_or_default();
    match bytes.iter().position(|b| *b != 0) {
        Some(first) => (bytes.len() - first) * 8 - bytes[first].leading_zeros() as usize,
        None => 0,
    }
}

/// Whether the token's header lists critical extensions (`crit`).
fn has_crit(token: &str) -> bool {
    let header = token.split('.').next().and_then(base64url);
    header.is_some_and(|h| {
        serde_json::from_slice::<Map<String, Value>>(&h).is_ok_and(|h| h.contains_key("crit"))
    })
}

/// Decodes base64url (padding allowed); `None` when `text` is not that.
fn base64url(text: &str) -> Option<Vec<u8>> {
    URL_SAFE_NO_PAD.decode(text.trim_end_matches('=')).ok()
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
        ErrorKind::MissingRequiredClaim(claim) if claim == "iss" => VerifyError::WrongIssuer,
        ErrorKind::InvalidAlgorithm => VerifyError::AlgorithmMismatch,
        _ => VerifyError::Malformed,
    }
}
