//! Kit-wide settings and the platform clock: below the provider and the session store, so
//! that both use them and neither imports the other for them.

use leptos::prelude::*;
use loginrocket::LoginRocket;

use crate::i18n::Locale;

/// Kit-wide settings.
#[derive(Clone, Copy, Debug)]
pub struct KitOptions {
    /// Seconds of cooldown after a 429 that says nothing about when to retry.
    pub default_cooldown_secs: u32,
    /// The clock (injectable for tests): reads `Retry-After` dates and schedules token
    /// refreshes. Default: `Date.now()` in the browser.
    pub clock: fn() -> std::time::SystemTime,
    /// How long before its token expires the session is refreshed (default 60 s; never more
    /// than half the time the token has left).
    pub refresh_leeway: std::time::Duration,
}

impl Default for KitOptions {
    fn default() -> Self {
        Self {
            default_cooldown_secs: 30,
            clock: now,
            refresh_leeway: crate::session::REFRESH_LEEWAY,
        }
    }
}

/// The current time: `Date.now()` in the browser (where `SystemTime::now` panics).
pub(crate) fn now() -> std::time::SystemTime {
    #[cfg(target_arch = "wasm32")]
    {
        let ms = js_sys::Date::now().max(0.0) as u64;
        std::time::UNIX_EPOCH + std::time::Duration::from_millis(ms)
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        std::time::SystemTime::now()
    }
}

/// Points `client`'s `Accept-Language` at `locale`'s current value.
pub(crate) fn sync_locale(client: &LoginRocket, locale: Signal<Locale>) {
    client.set_locale(Some(locale.get_untracked().as_str()));
}
