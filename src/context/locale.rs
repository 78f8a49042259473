//! The locale the kit shows, which follows the app's until a locale whose strings are a chunk
//! (the `lazy-pages` feature) has arrived: a switch keeps the language on show until then, and
//! a chunk that can't be fetched is a state, with the old language kept.

use std::sync::Arc;

use leptos::prelude::*;

use crate::i18n::{Catalog, Locale};

/// Whether the locale the app asked for is the one on show (with the `lazy-pages` feature,
/// where a locale's strings may be a chunk fetched on first use).
///
/// ```no_run
/// use leptos::prelude::*;
/// use leptos_loginrocket::context::{use_loginrocket, LocaleStatus};
///
/// let ctx = use_loginrocket();
/// let busy = move || matches!(ctx.locale_status().get(), LocaleStatus::Loading(_));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LocaleStatus {
    /// The locale asked for is on show.
    Ready,
    /// Its strings are on their way; the language before it stays on show.
    Loading(Locale),
    /// Its strings could not be fetched (offline, say); the language before it stays on show.
    /// [`LoginRocketContext::retry_locale`](crate::context::LoginRocketContext::retry_locale), or
    /// asking for it again, tries again.
    Failed(Locale),
}

/// The locale on show and whether the one asked for could not be fetched. `Copy`. (The
/// fewest signal types: each new one costs the wasm more than the strings a chunk moves.)
#[derive(Clone, Copy)]
pub(crate) struct Follow {
    asked: Signal<Locale>,
    pub(crate) shown: RwSignal<Locale>,
    /// The locale asked for could not be fetched.
    pub(crate) failed: RwSignal<bool>,
    attempt: RwSignal<u32>,
}

impl Follow {
    /// Follows `asked`: a locale that is ready shows at once; one whose chunk is not in yet
    /// shows once it is, if it is still the one asked for. An app that starts in a locale that
    /// isn't ready renders in English meanwhile, hidden (`<html data-lr-locale="pending">`,
    /// which the kit's stylesheet hides): no English first.
    pub(crate) fn new(asked: Signal<Locale>, catalog: Arc<Catalog>) -> Self {
        let start = asked.get_untracked();
        let ready = catalog.is_ready(start);
        if !ready {
            crate::platform::mark_locale(true);
        }
        let shown = RwSignal::new(if ready { start } else { Locale::EN });
        let failed = RwSignal::new(false);
        let attempt = RwSignal::new(0_u32);
        Effect::new(move |_| {
            attempt.track();
            let wanted = asked.get();
            failed.set(false);
            if catalog.is_ready(wanted) {
                shown.set(wanted);
                return;
            }
            let catalog = catalog.clone();
            leptos::task::spawn_local(async move {
                let loaded = catalog.load(wanted).await;
                // the start is over, whichever way it went (a failure shows English)
                crate::platform::mark_locale(false);
                // a later choice is its own load's to settle
                if asked.try_get_untracked() != Some(wanted) {
                    return;
                }
                match loaded {
                    Ok(()) => {
                        shown.try_set(wanted);
                    }
                    Err(err) => {
                        leptos::logging::warn!("leptos-loginrocket: {err}");
                        failed.try_set(true);
                    }
                }
            });
        });
        Self {
            asked,
            shown,
            failed,
            attempt,
        }
    }

    /// How the locale asked for is doing.
    pub(crate) fn status(self) -> Signal<LocaleStatus> {
        Signal::derive(move || {
            let asked = self.asked.get();
            if self.failed.get() {
                LocaleStatus::Failed(asked)
            } else if self.shown.get() != asked {
                LocaleStatus::Loading(asked)
            } else {
                LocaleStatus::Ready
            }
        })
    }

    /// Fetches the locale asked for again.
    pub(crate) fn retry(&self) {
        self.attempt.update(|n| *n += 1);
    }
}
