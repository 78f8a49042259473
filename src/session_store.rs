//! The session store: one per provider, in context. Forms feed it (a `full_login` signs the
//! user in); [`use_session`] reads it and refreshes, switches accounts and signs out.

use std::time::Duration;

use futures::future::{FutureExt, LocalBoxFuture, Shared};
use leptos::prelude::*;
use leptos::task::spawn_local;
use loginrocket::{GetSessionParams, LogoutParams};

use crate::provider::{use_loginrocket, LoginRocketContext};
use crate::session::{
    after_session_call, from_stored, refresh_delay, to_stored, Persistence, SessionState,
    STORAGE_KEY,
};
use crate::state::FormState;

type SharedRefresh = Shared<LocalBoxFuture<'static, ()>>;

/// **\[ours]**: the shortest delay between two scheduled refreshes (a clock skewed enough to
/// make every fresh token look expired must not cause a refresh loop).
const MIN_REFRESH_DELAY: Duration = Duration::from_secs(5);

/// The session store. `Copy`; lives as long as the provider.
#[derive(Clone, Copy)]
pub struct SessionStore {
    /// What the app knows about the user.
    pub state: RwSignal<SessionState>,
    /// The state of the last session call (refresh, account switch, logout): `Submitting`
    /// while one runs; a retryable state when it failed (the session is kept).
    pub status: RwSignal<FormState>,
    persistence: Persistence,
    inflight: StoredValue<Option<SharedRefresh>, LocalStorage>,
    timer: StoredValue<Option<TimeoutHandle>>,
}

fn storage(p: Persistence) -> Option<web_sys::Storage> {
    let window = web_sys::window()?;
    match p {
        Persistence::Memory => None,
        Persistence::SessionStorage => window.session_storage().ok().flatten(),
        Persistence::LocalStorage => window.local_storage().ok().flatten(),
    }
}

impl SessionStore {
    /// A store; with persistence, it starts from what was stored.
    pub fn new(persistence: Persistence) -> Self {
        let initial = storage(persistence)
            .and_then(|s| s.get_item(STORAGE_KEY).ok().flatten())
            .map(|text| from_stored(&text))
            .unwrap_or_default();
        let store = Self {
            state: RwSignal::new(initial),
            status: RwSignal::new(FormState::Idle),
            persistence,
            inflight: StoredValue::new_local(None),
            timer: StoredValue::new(None),
        };
        on_cleanup(move || store.stop_timer());
        store
    }

    fn stop_timer(&self) {
        if let Some(Some(handle)) = self.timer.try_update_value(Option::take) {
            handle.clear();
        }
    }

    /// Replaces the session (and persists it when the app opted in), and schedules a refresh
    /// before the token expires.
    pub fn set(&self, ctx: &LoginRocketContext, next: SessionState) {
        self.stop_timer();
        if let Some(s) = storage(self.persistence) {
            let _ = match to_stored(&next) {
                Some(text) => s.set_item(STORAGE_KEY, &text),
                None => s.remove_item(STORAGE_KEY),
            };
        }
        let exp = match &next {
            SessionState::SignedIn { claims, .. } => claims.expires_at(),
            _ => None,
        };
        self.state.try_set(next);
        if let Some(exp) = exp {
            // setTimeout takes at most 2^31-1 ms (about 24 days); a later expiry refreshes early
            let delay = refresh_delay(exp, (ctx.options.clock)(), ctx.options.refresh_leeway)
                .clamp(MIN_REFRESH_DELAY, Duration::from_millis(i32::MAX as u64));
            let (store, ctx) = (*self, ctx.clone());
            let handle = set_timeout_with_handle(move || spawn_local(store.refresh(&ctx)), delay);
            if let Ok(handle) = handle {
                self.timer.try_set_value(Some(handle));
            }
        }
    }

    /// `Bearer <token>` for the app's own API calls (the default hand-off), when signed in.
    pub fn authorization_header(&self) -> Option<String> {
        self.state.with_untracked(|s| match s {
            SessionState::SignedIn { login, .. } => {
                Some(format!("Bearer {}", login.token.expose()))
            }
            _ => None,
        })
    }

    /// Asks LoginRocket for the session's current state (`GET session`, keeping the selected
    /// account). Single-flight: concurrent callers share one request. Only `AccessDenied`
    /// signs the user out; other failures keep the session and set a retryable
    /// [`status`](Self::status).
    pub fn refresh(&self, ctx: &LoginRocketContext) -> SharedRefresh {
        let account = match self.state.get_untracked() {
            SessionState::SignedIn { login, .. } => Some(login.account),
            _ => None,
        };
        self.session_call(ctx, account)
    }

    /// Selects another account of the user (`GET session` with `account`).
    pub fn switch_account(&self, ctx: &LoginRocketContext, account: String) -> SharedRefresh {
        self.session_call(ctx, Some(account))
    }

    /// Asks which account to use (`GET session` without `account`): a user with several
    /// accounts is then [`Conditional`](SessionState::Conditional) with `no_account_selected`
    /// and the list, which [`AccountPicker`](crate::AccountPicker) shows; a user with one stays
    /// signed in to it.
    pub fn choose_account(&self, ctx: &LoginRocketContext) -> SharedRefresh {
        self.session_call(ctx, None)
    }

    fn session_call(&self, ctx: &LoginRocketContext, account: Option<String>) -> SharedRefresh {
        if let Some(Some(running)) = self.inflight.try_get_value() {
            return running;
        }
        let (store, ctx) = (*self, ctx.clone());
        let call = async move {
            let Some(session) = store
                .state
                .try_with_untracked(|s| s.session().cloned())
                .flatten()
            else {
                store.inflight.try_set_value(None);
                return;
            };
            store.status.try_set(FormState::Submitting);
            ctx.sync_locale();
            let mut params = GetSessionParams::new(session);
            params.account = account;
            let answer = ctx.client.get_session(&params).await;
            let Some(current) = store.state.try_get_untracked() else {
                return;
            };
            let (next, status) = after_session_call(&current, answer);
            if status == FormState::SessionExpired {
                if let Some(cb) = ctx.on_session_expired {
                    cb.run(());
                }
            }
            if next != current {
                store.set(&ctx, next);
            }
            store.status.try_set(status);
            store.inflight.try_set_value(None);
        }
        .boxed_local()
        .shared();
        self.inflight.try_set_value(Some(call.clone()));
        call
    }

    /// Signs out: `DELETE session`, and the local session is cleared whatever the answer —
    /// also offline (R42). When the call failed, [`status`](Self::status) says so.
    pub fn logout(&self, ctx: &LoginRocketContext) -> LocalBoxFuture<'static, ()> {
        let (store, ctx) = (*self, ctx.clone());
        async move {
            let session = store.state.try_with_untracked(|s| s.session().cloned()).flatten();
            store.set(&ctx, SessionState::SignedOut);
            let Some(session) = session else { return };
            store.status.try_set(FormState::Submitting);
            ctx.sync_locale();
            let answer = ctx.client.logout(&LogoutParams::new(session)).await;
            let ended = matches!(&answer, Ok(loginrocket::Response::Okay(_)))
                || matches!(&answer, Ok(r) if r.as_error().and_then(|e| e.source) == Some(loginrocket::Source::AccessDenied));
            store.status.try_set(if ended { FormState::Succeeded } else { FormState::Failed(crate::state::Notice::LoggedOutLocally) });
        }
        .boxed_local()
    }
}

/// What [`use_session`] returns.
#[derive(Clone, Copy)]
pub struct UseSessionReturn {
    /// Signed out, conditional (with the next step), or signed in.
    pub state: Signal<SessionState>,
    /// The last session call's state (see [`SessionStore::status`]).
    pub status: Signal<FormState>,
    /// Refreshes the session (single-flight).
    pub refresh: Callback<()>,
    /// Selects another account.
    pub switch_account: Callback<String>,
    /// Signs out (locally whatever the server says).
    pub logout: Callback<()>,
    /// The store itself, for awaiting calls.
    pub store: SessionStore,
}

/// The session of the nearest provider.
pub fn use_session() -> UseSessionReturn {
    let ctx = use_loginrocket();
    let store = ctx.session;
    let (c1, c2, c3) = (ctx.clone(), ctx.clone(), ctx);
    UseSessionReturn {
        state: store.state.into(),
        status: store.status.into(),
        refresh: Callback::new(move |()| spawn_local(store.refresh(&c1))),
        switch_account: Callback::new(move |account: String| {
            spawn_local(store.switch_account(&c2, account))
        }),
        logout: Callback::new(move |()| spawn_local(store.logout(&c3))),
        store,
    }
}
