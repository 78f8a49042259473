//! Whether a session LoginRocket issued is still live: its `GET session`, answered from a
//! bounded, per-session memory for a configurable time (see
//! [`LoginRocketAuth::checking_liveness`](crate::LoginRocketAuth::checking_liveness)).

use std::collections::HashMap;
use std::hash::{BuildHasher, RandomState};
use std::sync::{Mutex, PoisonError};
use std::time::{Duration, Instant};

use loginrocket::{GetSessionParams, LoginRocket, Response, Source};

/// The most sessions remembered at once; past it, what has expired goes, and if nothing
/// has, everything (the next requests ask again).
const MAX_REMEMBERED: usize = 4096;

/// What LoginRocket last said of a session.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Live {
    /// It exists (signed in, or with a step left).
    Yes,
    /// It was signed out or expired there.
    Ended,
}

/// The check and its memory. Sessions are remembered by a keyed hash of their id, never by
/// the id itself.
pub(crate) struct Liveness {
    client: LoginRocket,
    every: Duration,
    hasher: RandomState,
    seen: Mutex<HashMap<u64, (Instant, Live)>>,
}

impl Liveness {
    pub(crate) fn new(client: LoginRocket, every: Duration) -> Self {
        Self {
            client,
            every,
            hasher: RandomState::new(),
            seen: Mutex::new(HashMap::new()),
        }
    }

    /// Whether the session `sid` is live: what LoginRocket said less than `every` ago, else
    /// what it says now. **\[ours]**: when LoginRocket can't be asked (unreachable, a 5xx, a
    /// 429, an unreadable answer) the session counts as live and nothing is remembered, so
    /// that an outage there does not sign everyone out here; the token's `exp` still bounds it.
    pub(crate) async fn check(&self, sid: &str) -> Live {
        let key = self.hasher.hash_one(sid);
        let now = Instant::now();
        let known = self
            .seen()
            .get(&key)
            .filter(|(at, _)| now.duration_since(*at) < self.every)
            .map(|(_, live)| *live);
        if let Some(live) = known {
            return live;
        }
        let answer = self.client.get_session(&GetSessionParams::new(sid)).await;
        let live = match answer {
            Ok(Response::FullLogin(_) | Response::ConditionalLogin(_)) => Live::Yes,
            Ok(Response::Error(e))
                if matches!(
                    e.source,
                    Some(Source::AccessDenied | Source::RecordNotFound)
                ) =>
            {
                Live::Ended
            }
            _ => return Live::Yes,
        };
        self.remember(key, now, live);
        live
    }

    fn seen(&self) -> std::sync::MutexGuard<'_, HashMap<u64, (Instant, Live)>> {
        self.seen.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn remember(&self, key: u64, at: Instant, live: Live) {
        let mut seen = self.seen();
        if seen.len() >= MAX_REMEMBERED {
            seen.retain(|_, (when, _)| at.duration_since(*when) < self.every);
            if seen.len() >= MAX_REMEMBERED {
                seen.clear();
            }
        }
        seen.insert(key, (at, live));
    }
}
