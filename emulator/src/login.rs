//! What a session amounts to, as the API answers it: `full_login` with a token whose claims
//! are shaped as AuthRocket's, or `conditional_login` with the conditions still open.

use serde_json::{json, Value};

use crate::crypto;
use crate::seed::{FieldMode, OrgMode};
use crate::store::{Org, Session, Store, User};

/// The issuer of every token, as AuthRocket issues them (its SDKs require it), whatever the
/// realm's LoginRocket URL.
pub const ISSUER: &str = "https://authrocket.com";

impl Store {
    /// The claims of a full login's JWT, shaped as AuthRocket's (read in its SDKs): issued by
    /// `https://authrocket.com`, with every membership of the user in `orgs[]` (`mid`, `oid`,
    /// `name`, `perm`, and `selected` for the session's account). **\[ours\]**: membership ids
    /// are `mb_` and the account id's suffix.
    fn claims(&self, user: &User, session: &str, org: &Org) -> Value {
        let now = self.now();
        let memberships: Vec<Value> = user
            .orgs
            .iter()
            .filter_map(|id| self.orgs.iter().find(|o| &o.id == id))
            .map(|o| {
                json!({
                    "mid": format!("mb_{}", o.id.trim_start_matches("org_")),
                    "oid": o.id,
                    "name": o.name,
                    "perm": user.permissions,
                    "selected": o.id == org.id,
                })
            })
            .collect();
        let mut claims = json!({
            "iss": ISSUER,
            "sub": user.id,
            "sid": session,
            "rid": self.realm_id,
            "iat": now,
            "exp": now.saturating_add(self.realm.jwt_ttl_secs),
            "name": user.display_name(),
            "given_name": user.first_name,
            "family_name": user.last_name,
            "preferred_username": user.username,
            "email": user.email,
            "email_verified": user.email_verified,
            "locale": user.locale,
            "ref": user.reference,
            "cs": user.custom,
            "orgs": memberships,
        });
        if let Value::Object(map) = &mut claims {
            map.retain(|_, v| !v.is_null());
        }
        claims
    }

    /// The user of `session`, as the store holds them now.
    fn session_user(&self, session: &Session) -> Result<User, SessionError> {
        self.users
            .iter()
            .find(|u| u.id == session.user_id)
            .cloned()
            .ok_or(SessionError::Dead)
    }

    /// What a session amounts to now: `full_login`, or `conditional_login` with the conditions
    /// still open. `account` selects an account (it must be one of the user's).
    pub fn session_result(
        &mut self,
        session_id: &str,
        account: Option<&str>,
        keys: &crypto::Keyring,
    ) -> Result<Value, SessionError> {
        let session = self
            .live_session(session_id)
            .cloned()
            .ok_or(SessionError::Dead)?;
        let user = self.session_user(&session)?;
        let conditional = |conditions: &[&str], extra: Option<(&str, Value)>| {
            let mut body = json!({
                "result": "conditional_login",
                "session": session.id,
                "account": Value::Null,
                "conditions": conditions,
            });
            if let (Some((k, v)), Some(map)) = (extra, body.as_object_mut()) {
                map.insert(k.into(), v);
            }
            Ok(body)
        };
        if session.needs_2fa {
            return conditional(&["must_verify_login"], None);
        }
        let org_id = match account {
            Some(account) if user.orgs.iter().any(|o| o == account) => account.to_owned(),
            Some(_) => return Err(SessionError::NoSuchAccount),
            None => match user.orgs.as_slice() {
                [] if self.realm.org_name_field == FieldMode::Required => {
                    return conditional(&["must_complete_profile"], None)
                }
                [] => {
                    let id = self.create_org(&user.display_name());
                    if let Some(u) = self.user_mut(&user.id) {
                        u.orgs.push(id.clone());
                    }
                    id
                }
                [only] => only.clone(),
                [first, ..] if self.realm.org_mode == OrgMode::SingleUser => first.clone(),
                many => {
                    // [ours]: the list to choose from (AuthRocket's payload is undocumented)
                    let accounts: Vec<Value> = many
                        .iter()
                        .filter_map(|id| self.orgs.iter().find(|o| &o.id == id))
                        .map(|o| json!({"id": o.id, "name": o.name}))
                        .collect();
                    return conditional(
                        &["no_account_selected"],
                        Some(("accounts", Value::from(accounts))),
                    );
                }
            },
        };
        let org = self
            .orgs
            .iter()
            .find(|o| o.id == org_id)
            .cloned()
            .ok_or(SessionError::NoSuchAccount)?;
        // again: choosing made the user a member of a new account
        let user = self.session_user(&session)?;
        let token = keys.sign(&self.claims(&user, &session.id, &org), &self.realm);
        if let Some(s) = self.sessions.get_mut(session_id) {
            s.account = Some(org.id.clone());
        }
        Ok(json!({
            "result": "full_login",
            "session": session.id,
            "account": org.id,
            "token": token,
        }))
    }
}

/// Why [`Store::session_result`] failed.
#[derive(Debug, PartialEq, Eq)]
pub enum SessionError {
    /// Unknown, ended or expired session: 403.
    Dead,
    /// An account the user is not a member of: 404 **\[ours\]**.
    NoSuchAccount,
}
