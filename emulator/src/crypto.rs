//! Ids, password hashes, RS256 tokens, the JWKS document, and TOTP codes.

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use jsonwebtoken::{EncodingKey, Header};
use rand::distributions::Alphanumeric;
use rand::rngs::OsRng;
use rand::Rng;
use rsa::pkcs1::EncodeRsaPrivateKey;
use rsa::traits::PublicKeyParts;
use rsa::RsaPrivateKey;
use serde_json::{json, Value};

use crate::seed::{JwtAlgorithm, Realm};

/// A random id with a prefix: `usr_…`, `org_…`, `kss_…`, `tpw:…`, `tve:…`, `inv:…`.
pub fn new_id(prefix: &str) -> String {
    let tail: String = rand::thread_rng()
        .sample_iter(&Alphanumeric)
        .take(24)
        .map(char::from)
        .collect();
    format!("{prefix}{tail}")
}

/// Argon2id. Debug builds (tests) use cheap parameters; release builds OWASP's
/// (19 MiB, 2 passes, 1 lane).
fn argon2() -> Argon2<'static> {
    let params = if cfg!(debug_assertions) {
        Params::new(1024, 1, 1, None)
    } else {
        Params::new(19 * 1024, 2, 1, None)
    };
    Argon2::new(
        Algorithm::Argon2id,
        Version::V0x13,
        params.unwrap_or_default(),
    )
}

/// Hashes a password (PHC string).
pub fn hash_password(password: &str) -> String {
    let salt = SaltString::generate(&mut OsRng);
    match argon2().hash_password(password.as_bytes(), &salt) {
        Ok(hash) => hash.to_string(),
        // Cannot happen with valid params; an unusable hash only makes logins fail.
        Err(_) => String::new(),
    }
}

/// Checks a password against a PHC string.
pub fn verify_password(password: &str, hash: &str) -> bool {
    PasswordHash::new(hash)
        .map(|parsed| {
            argon2()
                .verify_password(password.as_bytes(), &parsed)
                .is_ok()
        })
        .unwrap_or(false)
}

/// The realm's RS256 signing key.
pub struct SigningKey {
    kid: String,
    encoding: EncodingKey,
    jwk: Value,
}

impl SigningKey {
    /// A fresh 2048-bit key.
    pub fn generate() -> Result<Self, String> {
        let private = RsaPrivateKey::new(&mut OsRng, 2048).map_err(|e| e.to_string())?;
        let der = private.to_pkcs1_der().map_err(|e| e.to_string())?;
        let encoding = EncodingKey::from_rsa_der(der.as_bytes());
        let kid = new_id("k_");
        let public = private.to_public_key();
        let jwk = json!({
            "kty": "RSA",
            "use": "sig",
            "alg": "RS256",
            "kid": kid,
            "n": URL_SAFE_NO_PAD.encode(public.n().to_bytes_be()),
            "e": URL_SAFE_NO_PAD.encode(public.e().to_bytes_be()),
        });
        Ok(Self { kid, encoding, jwk })
    }

    /// Signs `claims` as an RS256 JWT with this key's `kid`.
    pub fn sign(&self, claims: &Value) -> String {
        let mut header = Header::new(jsonwebtoken::Algorithm::RS256);
        header.kid = Some(self.kid.clone());
        jsonwebtoken::encode(&header, claims, &self.encoding).unwrap_or_default()
    }
}

/// The realm's RSA keys: the newest signs, every one is served at `/connect/jwks` until it
/// is removed (rotation through the control API).
pub struct Keyring {
    /// Oldest first; the last one signs.
    keys: Vec<SigningKey>,
}

impl Keyring {
    /// A ring of one fresh key.
    pub fn generate() -> Result<Self, String> {
        Ok(Self {
            keys: vec![SigningKey::generate()?],
        })
    }

    /// A fresh key signs from now on; the others are still served. Returns its `kid`.
    pub fn rotate(&mut self) -> Result<String, String> {
        let key = SigningKey::generate()?;
        let kid = key.kid.clone();
        self.keys.push(key);
        Ok(kid)
    }

    /// Stops serving key `kid`. The signing key can't be removed (rotate first).
    pub fn remove(&mut self, kid: &str) -> Result<(), String> {
        let at = self
            .keys
            .iter()
            .position(|k| k.kid == kid)
            .ok_or_else(|| format!("no key {kid:?}"))?;
        if at + 1 == self.keys.len() {
            return Err("the key that signs can't be removed: rotate first".into());
        }
        self.keys.remove(at);
        Ok(())
    }

    /// The `kid`s served, oldest first, and the one that signs.
    pub fn kids(&self) -> (Vec<&str>, &str) {
        let kids: Vec<&str> = self.keys.iter().map(|k| k.kid.as_str()).collect();
        let current = kids.last().copied().unwrap_or_default();
        (kids, current)
    }

    /// A token for `claims`, signed as `realm` signs: with the newest RSA key (its `kid` in
    /// the header), or with the realm's HS256 secret (no `kid` **\[ours]**).
    pub fn sign(&self, claims: &Value, realm: &Realm) -> String {
        match (realm.jwt_algorithm, realm.jwt_secret.as_deref()) {
            (JwtAlgorithm::HS256, Some(secret)) => jsonwebtoken::encode(
                &Header::new(jsonwebtoken::Algorithm::HS256),
                claims,
                &EncodingKey::from_secret(secret.as_bytes()),
            )
            .unwrap_or_default(),
            _ => self.keys.last().map(|k| k.sign(claims)).unwrap_or_default(),
        }
    }

    /// The JWKS document served at `/connect/jwks`: the RSA keys, whatever the realm signs
    /// with (**\[ours]**: AuthRocket documents nothing for an HS256 realm; its secret is never
    /// published).
    pub fn jwks(&self) -> Value {
        json!({ "keys": self.keys.iter().map(|k| &k.jwk).collect::<Vec<_>>() })
    }
}

/// The shortest TOTP secret accepted: 80 bits, as authenticator apps accept (the common
/// example secret `JBSWY3DPEHPK3PXP` is that long; RFC 4226 asks for 128 and recommends 160).
pub const MIN_TOTP_SECRET_BYTES: usize = 10;

/// A TOTP generator for a base32 secret (SHA-1, 6 digits, 30 s, one step of skew).
fn totp(secret_base32: &str) -> Option<totp_rs::Totp> {
    let secret = totp_rs::Secret::try_from_base32(secret_base32.trim()).ok()?;
    if secret.as_bytes().len() < MIN_TOTP_SECRET_BYTES {
        return None;
    }
    Some(
        totp_rs::Builder::new()
            .with_secret(secret)
            .with_skew(1)
            .build_noncompliant(),
    )
}

/// Whether a base32 secret is usable: valid base32 of at least 80 bits.
pub fn valid_totp_secret(secret_base32: &str) -> bool {
    totp(secret_base32).is_some()
}

/// The code for `secret` at unix time `now`.
pub fn totp_code(secret_base32: &str, now: u64) -> Option<String> {
    totp(secret_base32).map(|t| t.generate(now).to_string())
}

/// The time step `code` matches at `now` (± one step), if any.
pub fn totp_check(secret_base32: &str, code: &str, now: u64) -> Option<u64> {
    totp(secret_base32)?.check(code, now)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn password_hash_round_trip() {
        let h = hash_password("correct horse");
        assert!(h.starts_with("$argon2id$"));
        assert!(verify_password("correct horse", &h));
        assert!(!verify_password("Correct horse", &h));
        assert!(!verify_password("x", "not a hash"));
    }

    #[test]
    fn totp_matches_rfc6238_sha1_vector() {
        // RFC 6238 appendix B: secret "12345678901234567890", T = 59 -> 94287082 (8 digits);
        // the 6-digit code is the last six digits.
        let secret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
        assert_eq!(totp_code(secret, 59).as_deref(), Some("287082"));
        assert_eq!(totp_check(secret, "287082", 59), Some(1));
        assert_eq!(
            totp_check(secret, "287082", 59 + 30),
            Some(1),
            "one step of skew"
        );
        assert_eq!(totp_check(secret, "287082", 59 + 90), None);
        assert!(!valid_totp_secret("not base32!"));
        assert!(
            valid_totp_secret("JBSWY3DPEHPK3PXP"),
            "80 bits, as authenticator apps take"
        );
        assert!(!valid_totp_secret("JBSWY3DP"), "40 bits");
        assert!(!valid_totp_secret(""));
    }
}
