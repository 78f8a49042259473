//! Where a session is kept ([`Persistence`]): memory, `sessionStorage` or `localStorage`, and
//! the code that keeps it there, linked only when an app names it.

use futures::future::LocalBoxFuture;

use super::SessionStore;
use crate::logic::session::{from_stored, to_stored, SessionState, STORAGE_KEY};
use crate::platform;

/// The name of the Web Lock that lets one tab at a time refresh a shared session.
const REFRESH_LOCK: &str = "leptos-loginrocket.refresh";

/// Where a session is kept. Passwords, codes and emailed tokens never are.
///
/// Only what an app names is in its wasm: an app that keeps the session in memory carries no
/// storage code, no decoder for a stored session and no cross-tab lock.
///
/// ```no_run
/// use leptos::prelude::*;
/// use leptos_loginrocket::components::LoginForm;
/// use leptos_loginrocket::context::{LoginRocketProvider, Persistence};
///
/// #[component]
/// fn App() -> impl IntoView {
///     // "keep me signed in": shared by every tab, kept across reloads
///     view! {
///         <LoginRocketProvider url="https://sample.e2.loginrocket.com/" persistence=Persistence::LOCAL_STORAGE>
///             <LoginForm/>
///         </LoginRocketProvider>
///     }
/// }
/// ```
#[derive(Clone, Copy, Default)]
pub struct Persistence(pub(super) Option<&'static Kept>);

/// A storage the session is kept in, and the code keeping it there takes (reached only
/// through these pointers, so an app that names no storage links none of it).
pub(super) struct Kept {
    name: &'static str,
    /// `localStorage`: every tab of the origin shares it.
    shared: bool,
    /// What is stored now (`None` where there is no such storage).
    load: fn() -> Option<SessionState>,
    pub(super) save: fn(&SessionState),
    /// Follows the other tabs' changes.
    pub(super) follow: fn(SessionStore),
    /// What storage holds when another tab changed it from `current` (shared storage only).
    changed: fn(&SessionState) -> Option<SessionState>,
    /// Runs a scheduled refresh one tab at a time.
    pub(super) exclusive: fn(LocalBoxFuture<'static, ()>) -> LocalBoxFuture<'static, ()>,
}

impl Persistence {
    /// In memory only: gone on reload (the default).
    pub const MEMORY: Self = Self(None);
    /// `sessionStorage`: survives a reload, not the tab.
    pub const SESSION_STORAGE: Self = Self(Some(&Kept {
        name: "SessionStorage",
        shared: false,
        load: || load(false),
        save: |state| save(false, state),
        follow: |_| {},
        changed: |_| None,
        exclusive: |work| work,
    }));
    /// `localStorage`: survives the browser and is shared by every tab (a sign-out in one
    /// signs out all; one tab at a time refreshes). **Warning**: any script on the origin (an
    /// XSS) can read it; prefer the default, or a backend session cookie.
    pub const LOCAL_STORAGE: Self = Self(Some(&Kept {
        name: "LocalStorage",
        shared: true,
        load: || load(true),
        save: |state| save(true, state),
        follow: SessionStore::follow_other_tabs,
        changed: changed_elsewhere,
        exclusive: |work| platform::with_tab_lock(REFRESH_LOCK, work),
    }));

    /// What is in storage now (`None` in memory, or where there is no storage).
    pub(super) fn load(&self) -> Option<SessionState> {
        self.0.and_then(|k| (k.load)())
    }

    /// What shared storage holds when another tab changed it from `current` (a sign-out, a
    /// new token or session); `None` when nothing changed, or the storage is not shared.
    pub(super) fn changed_from(&self, current: &SessionState) -> Option<SessionState> {
        self.0.and_then(|k| (k.changed)(current))
    }
}

impl PartialEq for Persistence {
    fn eq(&self, other: &Self) -> bool {
        self.0.map(|k| k.shared) == other.0.map(|k| k.shared)
    }
}

impl Eq for Persistence {}

impl std::fmt::Debug for Persistence {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.0.map_or("Memory", |k| k.name))
    }
}

fn load(shared: bool) -> Option<SessionState> {
    let text = platform::read_stored(shared, STORAGE_KEY)?;
    Some(text.map(|t| from_stored(&t)).unwrap_or_default())
}

fn save(shared: bool, state: &SessionState) {
    platform::write_stored(shared, STORAGE_KEY, to_stored(state).as_deref());
}

/// What `localStorage` holds when that is no longer the session `current` (the one this tab
/// shows): another tab signed out, or stored a new token or session.
fn changed_elsewhere(current: &SessionState) -> Option<SessionState> {
    let stored = load(true)?;
    let same = stored.session() == current.session() && stored.token() == current.token();
    (!same).then_some(stored)
}
