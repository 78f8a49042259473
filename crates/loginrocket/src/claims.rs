//! What a LoginRocket token says about the user's accounts: its `orgs[]`, as AuthRocket
//! issues them (`mid`, `oid`, `name`, `perm`, `selected`, `ref`, `cs`). Reading them proves
//! nothing: a backend verifies the token first (`loginrocket-axum`); a browser shows them.

use serde_json::{Map, Value};

/// One of the user's memberships: an account and what the user may do there.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct Membership {
    /// The account (`oid`, `org_…`).
    pub account: String,
    /// The membership's id (`mid`).
    pub id: Option<String>,
    /// The account's name.
    pub name: Option<String>,
    /// The user's permissions in the account (`perm`).
    pub permissions: Vec<String>,
    /// Whether the session selected this account.
    pub selected: bool,
    /// The app's reference for the membership (`ref`).
    pub reference: Option<String>,
    /// Custom data (`cs`).
    pub custom: Option<Value>,
}

impl Membership {
    /// Whether the user has `permission` in this account.
    pub fn can(&self, permission: &str) -> bool {
        self.permissions.iter().any(|p| p == permission)
    }
}

/// The memberships in a token's `claims` (`orgs[]`), in order. Entries that are not objects
/// with an `oid` are left out.
///
/// ```
/// use loginrocket::claims::memberships;
///
/// let claims = serde_json::json!({"orgs": [
///     {"mid": "mb_1", "oid": "org_1", "name": "Acme", "perm": ["billing"], "selected": true},
///     {"mid": "mb_2", "oid": "org_2", "name": "Globex"},
///     "not a membership",
/// ]});
/// let all = memberships(claims.as_object().unwrap());
/// assert_eq!(all.len(), 2);
/// assert!(all[0].selected && all[0].can("billing"));
/// assert_eq!(all[1].name.as_deref(), Some("Globex"));
/// ```
pub fn memberships(claims: &Map<String, Value>) -> Vec<Membership> {
    let Some(orgs) = claims.get("orgs").and_then(Value::as_array) else {
        return Vec::new();
    };
    orgs.iter()
        .filter_map(|org| {
            let org = org.as_object()?;
            let text = |k: &str| org.get(k).and_then(Value::as_str).map(str::to_owned);
            Some(Membership {
                account: text("oid")?,
                id: text("mid"),
                name: text("name"),
                permissions: org
                    .get("perm")
                    .and_then(Value::as_array)
                    .map(|p| {
                        p.iter()
                            .filter_map(|v| v.as_str().map(str::to_owned))
                            .collect()
                    })
                    .unwrap_or_default(),
                selected: org
                    .get("selected")
                    .and_then(Value::as_bool)
                    .unwrap_or(false),
                reference: text("ref"),
                custom: org.get("cs").cloned(),
            })
        })
        .collect()
}
