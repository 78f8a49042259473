//! The session store: one per provider, in context. Forms feed it (a `full_login` signs the
//! user in); `hooks::use_session` reads it and refreshes, switches
//! accounts and signs out.
//!
//! Every change of the session (a sign-in, a new token, a sign-out, another tab's change)
//! starts a new *generation*; the answer to a session call made in an earlier generation is
//! dropped, so a late refresh can never sign a signed-out user back in.

use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::SystemTime;

use futures::future::{FutureExt, LocalBoxFuture, Shared};
use leptos::prelude::*;
use leptos::task::spawn_local;
use loginrocket::{GetSessionParams, LoginRocket, LogoutParams, Response};

use super::persistence::Persistence;
use super::{sync_locale, KitOptions};
use crate::i18n::Locale;
use crate::logic::form_state::{FormState, Notice};
use crate::logic::session::{
    after_session_call, next_refresh, retry_delay, token_expiry, SessionState, STORAGE_KEY,
};
use crate::platform::BrowserCell;

/// A session call in flight ([`SessionStore::refresh`],
/// [`switch_account`](SessionStore::switch_account),
/// [`choose_account`](SessionStore::choose_account)): await it, or hand it to `spawn_local`.
/// Clones are the same call: it runs once, however many wait for it. What it did shows in
/// [`SessionStore::state`] and [`SessionStore::status`].
///
/// ```no_run
/// use leptos_loginrocket::context::use_loginrocket;
///
/// # async fn run() {
/// let store = use_loginrocket().session();
/// let (a, b) = (store.refresh(), store.refresh());
/// a.await; // one `GET session` for both
/// b.await;
/// # }
/// ```
#[derive(Clone)]
#[must_use = "a session call runs when it is awaited or spawned"]
pub struct SessionCall(Shared<LocalBoxFuture<'static, ()>>);

impl Future for SessionCall {
    type Output = ();

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        Pin::new(&mut self.0).poll(cx)
    }
}

impl std::fmt::Debug for SessionCall {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SessionCall(..)")
    }
}

/// The session call in flight: concurrent callers of the same call share it.
struct Inflight {
    id: u64,
    /// The `account` it asks for (`None`: "which account?").
    account: Option<String>,
    call: SessionCall,
}

/// What the page the user lands on next should tell them ([`SessionStore::take_notice`]).
///
/// ```
/// use leptos_loginrocket::context::PageNotice;
///
/// assert_eq!(PageNotice::LoggedOut.key(), "logged-out");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum PageNotice {
    /// `logged-out`: the user signed out.
    LoggedOut,
    /// `step-expired`: a sign-in step's page was opened without that step (a reload, a
    /// bookmark), so the user signs in again.
    StepExpired,
}

impl PageNotice {
    /// The Fluent key of its message.
    pub fn key(self) -> &'static str {
        match self {
            PageNotice::LoggedOut => "logged-out",
            PageNotice::StepExpired => "step-expired",
        }
    }
}

/// Whether this build hydrates server-rendered markup (Leptos `hydrate`): the first render
/// must then be the server's.
const HYDRATING: bool = cfg!(feature = "hydrate");

/// What the store works with, handed over by the provider: the store needs no context.
struct Deps {
    client: LoginRocket,
    locale: Signal<Locale>,
    options: KitOptions,
    on_session_expired: Option<Callback<()>>,
}

/// The session store. `Copy`; lives as long as the provider.
///
/// ```no_run
/// use leptos::prelude::*;
/// use leptos_loginrocket::context::use_loginrocket;
///
/// #[component]
/// fn CallApi() -> impl IntoView {
///     let store = use_loginrocket().session();
///     // `Authorization: Bearer …` for the app's own API, while signed in
///     let header = move || store.authorization_header();
///     view! { <p>{move || header().is_some().then_some("signed in")}</p> }
/// }
/// ```
#[derive(Clone, Copy)]
pub struct SessionStore {
    state: RwSignal<SessionState>,
    status: RwSignal<FormState>,
    persistence: Persistence,
    deps: StoredValue<Deps>,
    generation: StoredValue<u64>,
    inflight: BrowserCell<Inflight>,
    calls: StoredValue<u64>,
    timer: StoredValue<Option<TimeoutHandle>>,
    /// When the current token stops being valid, by this device's clock.
    expiry: StoredValue<Option<SystemTime>>,
    /// Scheduled refreshes that failed in a row (for the backoff).
    failed_refreshes: StoredValue<u32>,
    /// What the next page should tell the user (a Fluent key), until it is taken.
    notice: StoredValue<Option<PageNotice>>,
}

impl SessionStore {
    /// A store on `client`; with persistence, it starts from what was stored (then
    /// [`start`](Self::start) checks the restored token and refreshes it when due).
    ///
    /// A hydrating browser starts where the server did, signed out (a server has no web
    /// storage): hydration keeps the server's markup, so a stored session read now would be
    /// shown nowhere, and forms would submit values they never showed. `start` applies it.
    pub(crate) fn new(
        client: LoginRocket,
        locale: Signal<Locale>,
        options: KitOptions,
        on_session_expired: Option<Callback<()>>,
        persistence: Persistence,
    ) -> Self {
        let restored = if HYDRATING { None } else { persistence.load() };
        let store = Self {
            state: RwSignal::new(restored.unwrap_or_default()),
            status: RwSignal::new(FormState::Idle),
            persistence,
            deps: StoredValue::new(Deps {
                client,
                locale,
                options,
                on_session_expired,
            }),
            generation: StoredValue::new(0),
            inflight: BrowserCell::new(),
            calls: StoredValue::new(0),
            timer: StoredValue::new(None),
            expiry: StoredValue::new(None),
            failed_refreshes: StoredValue::new(0),
            notice: StoredValue::new(None),
        };
        on_cleanup(move || store.stop_timer());
        store
    }

    /// What the page the user lands on next should tell them, taken once: after a sign-out,
    /// or when a sign-in step's page was opened without that step. The kit's pages show it;
    /// an app whose own page is where users land can take it and show it, through
    /// [`notice_key`](Self::notice_key).
    ///
    /// ```no_run
    /// use leptos::prelude::*;
    /// use leptos_loginrocket::prelude::*;
    ///
    /// #[component]
    /// fn Landing() -> impl IntoView {
    ///     let ctx = use_loginrocket();
    ///     let store = ctx.session();
    ///     let notice = store.take_notice();
    ///     view! { <p role="status">{move || notice.map(|key| ctx.t(store.notice_key(key)))}</p> }
    /// }
    /// ```
    pub fn take_notice(&self) -> Option<PageNotice> {
        self.notice.try_update_value(Option::take).flatten()
    }

    /// The Fluent key to show for a notice taken with [`take_notice`](Self::take_notice),
    /// now: [`PageNotice::key`], but a sign-out the server could not be told of says so
    /// (`logout-local-only`, once the server's answer is in). Tracks when called reactively.
    pub fn notice_key(&self, taken: PageNotice) -> &'static str {
        let local_only = Notice::LoggedOutLocally;
        if taken == PageNotice::LoggedOut && self.status.get() == FormState::Failed(local_only) {
            local_only.key()
        } else {
            taken.key()
        }
    }

    /// Leaves `notice` for the next page to show.
    pub(crate) fn set_notice(&self, notice: PageNotice) {
        self.notice.try_set_value(Some(notice));
    }

    /// What the app knows about the user: signed out, a step left, or signed in.
    pub fn state(&self) -> Signal<SessionState> {
        self.state.into()
    }

    /// The state of the last session call (refresh, account switch, logout): `Submitting`
    /// while one runs; a retryable state when it failed (the session is kept).
    pub fn status(&self) -> Signal<FormState> {
        self.status.into()
    }

    /// The session id, when there is one (read without tracking).
    pub(crate) fn session_untracked(&self) -> Option<loginrocket::Secret> {
        self.state
            .try_with_untracked(|s| s.session().cloned())
            .flatten()
    }

    fn now(&self) -> SystemTime {
        (self.options().clock)()
    }

    fn options(&self) -> KitOptions {
        self.deps.try_with_value(|d| d.options).unwrap_or_default()
    }

    /// The client, its `Accept-Language` set to the current locale (`None` once the provider
    /// is gone: a store kept past it does nothing, and never panics).
    fn client(&self) -> Option<LoginRocket> {
        self.deps.try_with_value(|d| {
            sync_locale(&d.client, d.locale);
            d.client.clone()
        })
    }

    /// Starts the store's work once the provider's context exists: a restored token is
    /// refreshed at once when it has expired (or is about to), else before it does; with
    /// `localStorage`, other tabs' sign-ins, new tokens and sign-outs are followed.
    pub(crate) fn start(&self) {
        if HYDRATING {
            // hydrated by now (an effect runs this): the stored session, if any, is shown
            if let Some(stored) = self.persistence.load() {
                self.state.try_set(stored);
            }
        }
        let expiry = self.state.with_untracked(|s| match s {
            SessionState::SignedIn { claims, .. } => claims.expires_at(),
            _ => None,
        });
        self.expiry.try_set_value(expiry);
        if let Some(expiry) = expiry {
            let leeway = self.options().refresh_leeway;
            self.schedule(next_refresh(expiry, self.now(), leeway, false));
        }
        if let Some(kept) = self.persistence.0 {
            (kept.follow)(*self);
        }
    }

    fn stop_timer(&self) {
        if let Some(Some(handle)) = self.timer.try_update_value(Option::take) {
            handle.clear();
        }
    }

    fn schedule(&self, delay: std::time::Duration) {
        self.stop_timer();
        let store = *self;
        let fire = move || {
            store.timer.try_set_value(None);
            spawn_local(store.scheduled_refresh());
        };
        if let Ok(handle) = set_timeout_with_handle(fire, delay) {
            self.timer.try_set_value(Some(handle));
        }
    }

    /// Replaces the session (and persists it when the app opted in), and schedules a refresh
    /// before the token expires. A call made before is answered into the void.
    pub fn set(&self, next: SessionState) {
        self.replace(next, true);
    }

    fn replace(&self, next: SessionState, persist: bool) {
        self.generation.try_update_value(|g| *g += 1);
        self.stop_timer();
        if let Some(kept) = self.persistence.0.filter(|_| persist) {
            (kept.save)(&next);
        }
        let now = self.now();
        let expiry = match &next {
            SessionState::SignedIn { claims, .. } => token_expiry(claims, now),
            _ => None,
        };
        self.expiry.try_set_value(expiry);
        self.state.try_set(next);
        if let Some(expiry) = expiry {
            self.schedule(next_refresh(
                expiry,
                now,
                self.options().refresh_leeway,
                true,
            ));
        }
    }

    /// `Bearer <token>` for the app's own API calls (the default hand-off), when signed in.
    pub fn authorization_header(&self) -> Option<String> {
        self.state
            .with_untracked(|s| s.token().map(|t| format!("Bearer {t}")))
    }

    /// Asks LoginRocket for the session's current state (`GET session`, keeping the selected
    /// account). Single-flight: concurrent callers share one request. Only `AccessDenied`
    /// signs the user out; other failures keep the session (while its token is valid) and set
    /// a retryable [`status`](Self::status).
    pub fn refresh(&self) -> SessionCall {
        let account = match self.state.get_untracked() {
            SessionState::SignedIn { login, .. } => Some(login.account),
            _ => None,
        };
        self.session_call(account)
    }

    /// Selects another account of the user (`GET session` with `account`). Made during
    /// another session call, it runs after that one.
    pub fn switch_account(&self, account: String) -> SessionCall {
        self.session_call(Some(account))
    }

    /// Asks which account to use (`GET session` without `account`): a user with several
    /// accounts is then [`Conditional`](SessionState::Conditional) with `no_account_selected`
    /// and the list, which [`AccountPicker`](crate::components::AccountPicker) shows; a user with one stays
    /// signed in to it.
    pub fn choose_account(&self) -> SessionCall {
        self.session_call(None)
    }

    /// The timer's refresh. With `localStorage`, one tab at a time: a tab that waited for
    /// another's refresh takes the token that one stored instead of asking again.
    fn scheduled_refresh(&self) -> LocalBoxFuture<'static, ()> {
        let store = *self;
        let Some(generation) = self.generation.try_get_value() else {
            return async {}.boxed_local();
        };
        let work = async move {
            if store.generation.try_get_value() != Some(generation) {
                return; // signed out, or a new token, while waiting
            }
            let Some(current) = store.state.try_get_untracked() else {
                return; // unmounted while waiting
            };
            if let Some(stored) = store.persistence.changed_from(&current) {
                return store.replace(stored, false);
            }
            store.refresh().await;
        }
        .boxed_local();
        match self.persistence.0 {
            Some(kept) => (kept.exclusive)(work),
            None => work,
        }
    }

    fn session_call(&self, account: Option<String>) -> SessionCall {
        let before = self
            .inflight
            .with(|i| i.map(|i| (i.account.clone(), i.call.clone())))
            .flatten();
        let previous = match before {
            Some((same, call)) if same == account => return call,
            other => other.map(|(_, call)| call),
        };
        let id = self.calls.try_get_value().unwrap_or_default() + 1;
        self.calls.try_set_value(id);
        let store = *self;
        let asked = account.clone();
        let call = async move {
            // a different call waits for the one in flight (a switch made during a refresh)
            if let Some(previous) = previous {
                previous.await;
            }
            store.run_session_call(id, asked).await;
        }
        .boxed_local()
        .shared();
        let call = SessionCall(call);
        self.inflight.set(Some(Inflight {
            id,
            account,
            call: call.clone(),
        }));
        call
    }

    async fn run_session_call(&self, id: u64, account: Option<String>) {
        let store = *self;
        let ours = move || {
            store
                .inflight
                .with(|i| i.is_some_and(|i| i.id == id))
                .unwrap_or(false)
        };
        let done = move || {
            if ours() {
                store.inflight.set(None);
            }
        };
        let Some(session) = store
            .state
            .try_with_untracked(|s| s.session().cloned())
            .flatten()
        else {
            return done();
        };
        let Some(generation) = store.generation.try_get_value() else {
            return;
        };
        let Some(client) = store.client() else {
            return;
        };
        store.status.try_set(FormState::Submitting);
        let mut params = GetSessionParams::new(session);
        params.account = account;
        let answer = client.get_session(&params).await;
        if store.generation.try_get_value() != Some(generation) {
            // the session changed meanwhile (signed out, signed in again, another tab)
            if ours() && store.status.try_get_untracked() == Some(FormState::Submitting) {
                store.status.try_set(FormState::Idle);
            }
            return done();
        }
        let Some(current) = store.state.try_get_untracked() else {
            return;
        };
        if let Some(stored) = store.persistence.changed_from(&current) {
            // another tab signed out or stored a new token while this call was out: storage
            // is the truth, and this answer is for a session no longer kept
            done();
            store.status.try_set(FormState::Idle);
            return store.replace(stored, false);
        }
        let (next, status) = after_session_call(&current, answer);
        if status == FormState::SessionExpired {
            if let Some(cb) = store
                .deps
                .try_with_value(|d| d.on_session_expired)
                .flatten()
            {
                cb.run(());
            }
        }
        done();
        match (status, &next) {
            (FormState::Succeeded, _) | (_, SessionState::SignedOut) => {
                store.failed_refreshes.try_set_value(0);
                store.set(next);
            }
            // kept after a failure: retry while the token is valid, else it is over here
            _ => store.after_failed_refresh(),
        }
        store.status.try_set(status);
    }

    fn after_failed_refresh(&self) {
        let now = self.now();
        let expired = self.expiry.get_value().is_some_and(|e| e <= now);
        if expired {
            self.set(SessionState::SignedOut);
        } else if self.timer.with_value(Option::is_none)
            && self.state.with_untracked(SessionState::is_signed_in)
        {
            // the last try is when the token expires: if that fails too, the session is over
            let attempt = self.failed_refreshes.get_value();
            self.failed_refreshes.set_value(attempt.saturating_add(1));
            let left = self
                .expiry
                .get_value()
                .and_then(|e| e.duration_since(now).ok())
                .unwrap_or_default();
            self.schedule(retry_delay(attempt).min(left));
        }
    }

    /// Follows `localStorage` changes made by other tabs: a sign-out there signs out here, a
    /// sign-in or a new token there is taken here. What storage holds is applied, never the
    /// event's `newValue`: an event can arrive after a later change (this tab's own sign-out),
    /// and a script on the page can forge one.
    pub(super) fn follow_other_tabs(store: SessionStore) {
        let handle = window_event_listener(leptos::ev::storage, move |ev| {
            // `key` is None when another tab cleared the whole storage
            if ev.key().is_some_and(|k| k != STORAGE_KEY) {
                return;
            }
            let next = store.persistence.load().unwrap_or_default();
            if store.state.try_with_untracked(|s| *s != next) == Some(true) {
                store.inflight.set(None);
                store.replace(next, false);
            }
        });
        on_cleanup(move || handle.remove());
    }

    /// Signs out: `DELETE session`, and the local session is cleared whatever the answer —
    /// also offline — and at once: a session call still in flight is dropped, and with
    /// `localStorage` every other tab signs out too. When the call failed,
    /// [`status`](Self::status) says so.
    pub fn logout(&self) -> LocalBoxFuture<'static, ()> {
        let store = *self;
        async move {
            let session = store
                .state
                .try_with_untracked(|s| s.session().cloned())
                .flatten();
            store.inflight.set(None);
            // said on the page the user lands on (set first: leaving starts at the next line)
            store.set_notice(PageNotice::LoggedOut);
            store.set(SessionState::SignedOut);
            let (Some(session), Some(client)) = (session, store.client()) else {
                return;
            };
            store.status.try_set(FormState::Submitting);
            let answer = client.logout(&LogoutParams::new(session)).await;
            let ended = answer.as_ref().is_ok_and(Response::session_ended);
            store.status.try_set(if ended {
                FormState::Succeeded
            } else {
                FormState::Failed(Notice::LoggedOutLocally)
            });
        }
        .boxed_local()
    }
}
