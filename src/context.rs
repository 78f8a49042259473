//! [`LoginRocketProvider`] and what it puts into context ([`use_loginrocket`]): one client,
//! the locale, the kit's strings, kit-wide settings ([`KitOptions`]) and the session store
//! ([`SessionStore`], kept by a [`Persistence`]).

use std::sync::Arc;

use leptos::prelude::*;
#[cfg(any(feature = "ssr", feature = "hydrate"))]
use loginrocket::server_forms::ServerForms;
use loginrocket::server_forms::{HeldStep, PostedAnswer};
use loginrocket::LoginRocket;

use crate::i18n::{Catalog, FluentArg, Locale, Translator};

#[cfg(feature = "lazy-pages")]
mod locale;
mod persistence;
mod session_store;

pub use crate::logic::session::{DisplayClaims, SessionState};
#[cfg(feature = "lazy-pages")]
pub use locale::LocaleStatus;
pub use persistence::Persistence;
pub use session_store::{PageNotice, SessionCall, SessionStore};

/// Kit-wide settings.
///
/// ```
/// use leptos_loginrocket::context::KitOptions;
///
/// let options = KitOptions { default_cooldown_secs: 60, ..KitOptions::default() };
/// assert_eq!(options.default_cooldown_secs, 60);
/// ```
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
    /// The languages the realm's LoginRocket writes its messages in, the one it falls back to
    /// first. They tag the server's messages with their `lang` (screen readers read them by
    /// it) when a response has no `Content-Language`: a request in another language is
    /// answered in the fallback. Default: English, Spanish and Japanese, AuthRocket's
    /// documented list.
    pub server_locales: &'static [Locale],
}

impl Default for KitOptions {
    fn default() -> Self {
        Self {
            default_cooldown_secs: 30,
            clock: crate::platform::now,
            refresh_leeway: crate::logic::session::REFRESH_LEEWAY,
            server_locales: &[Locale::EN, Locale::ES, Locale::JA],
        }
    }
}

/// Points `client`'s `Accept-Language` at `locale`'s current value.
pub(crate) fn sync_locale(client: &LoginRocket, locale: Signal<Locale>) {
    client.set_locale(Some(locale.get_untracked().as_str()));
}

/// What the context holds besides its `Copy` parts.
struct Shared {
    client: LoginRocket,
    catalog: Arc<Catalog>,
    translator: Option<Translator>,
    options: KitOptions,
    on_session_expired: Option<Callback<()>>,
    /// Forms numbered so far (their default ids): per provider, so that a server render and
    /// the browser's hydration of it number their forms alike.
    forms: std::sync::atomic::AtomicUsize,
    /// What the server said of forms posted without the wasm (server-rendered builds only).
    #[cfg(any(feature = "ssr", feature = "hydrate"))]
    server: std::sync::Mutex<ServerForms>,
}

/// What `<LoginRocketProvider>` puts into context: the client, the locale, the strings and
/// the session store. `Copy` (an arena handle), so closures take it without cloning.
///
/// ```no_run
/// use leptos::prelude::*;
/// use leptos_loginrocket::prelude::*;
///
/// #[component]
/// fn Greeting() -> impl IntoView {
///     let ctx = use_loginrocket();
///     view! { <p>{move || ctx.t("page-sign-in")}</p> }
/// }
/// ```
#[derive(Clone, Copy)]
pub struct LoginRocketContext {
    shared: StoredValue<Shared>,
    /// The locale on show (the app's, once its strings are in).
    locale: Signal<Locale>,
    session: SessionStore,
    #[cfg(feature = "lazy-pages")]
    follow: locale::Follow,
}

impl LoginRocketContext {
    /// A context around `client`, in memory only (what a provider builds, for tests and
    /// apps that provide it themselves).
    pub fn new(client: LoginRocket, locale: Signal<Locale>) -> Self {
        Self::build(
            client,
            locale,
            Arc::new(Catalog::new()),
            None,
            KitOptions::default(),
            None,
            Persistence::MEMORY,
        )
    }

    fn build(
        client: LoginRocket,
        locale: Signal<Locale>,
        catalog: Arc<Catalog>,
        translator: Option<Translator>,
        options: KitOptions,
        on_session_expired: Option<Callback<()>>,
        persistence: Persistence,
    ) -> Self {
        // the kit shows a locale once its strings are in (a chunk's are fetched first)
        #[cfg(feature = "lazy-pages")]
        let follow = locale::Follow::new(locale, catalog.clone());
        #[cfg(feature = "lazy-pages")]
        let locale = follow.shown.into();
        let session = SessionStore::new(
            client.clone(),
            locale,
            options,
            on_session_expired,
            persistence,
        );
        Self {
            shared: StoredValue::new(Shared {
                client,
                catalog,
                translator,
                options,
                on_session_expired,
                forms: std::sync::atomic::AtomicUsize::new(0),
                #[cfg(any(feature = "ssr", feature = "hydrate"))]
                server: std::sync::Mutex::new(ServerForms::default()),
            }),
            locale,
            session,
            #[cfg(feature = "lazy-pages")]
            follow,
        }
    }

    /// The answer the server got for `form` (its post name) posted without the wasm, once.
    /// Always `None` in a client-side-rendered build (the code that shows it is left out).
    pub(crate) fn take_posted(&self, form: &str) -> Option<PostedAnswer> {
        #[cfg(not(any(feature = "ssr", feature = "hydrate")))]
        {
            let _ = form;
            None
        }
        #[cfg(any(feature = "ssr", feature = "hydrate"))]
        self.shared
            .try_with_value(|s| {
                let mut server = s.server.lock().ok()?;
                let mine = server.answer.as_ref().is_some_and(|a| a.form == form);
                mine.then(|| server.answer.take()).flatten()
            })
            .flatten()
    }

    /// The step of `kind` the server holds the secret of, if it does (server-rendered apps
    /// with form posts): its page's form posts to the server.
    pub(crate) fn held_step(&self, kind: StepKind) -> Option<HeldStep> {
        #[cfg(not(any(feature = "ssr", feature = "hydrate")))]
        {
            let _ = kind;
            None
        }
        #[cfg(any(feature = "ssr", feature = "hydrate"))]
        {
            // a sign-in step this browser made itself (once hydrated) is its own to finish
            let own_step = self.session.state().with_untracked(|s| {
                matches!(s, crate::logic::session::SessionState::Conditional(_))
            });
            if own_step && kind != StepKind::ResetPassword {
                return None;
            }
            self.shared
                .try_with_value(|s| {
                    let server = s.server.lock().ok()?;
                    server.steps.iter().find(|h| kind.is(h)).cloned()
                })
                .flatten()
        }
    }

    /// The shared client, its `Accept-Language` set to the current locale. A context kept
    /// past its provider hands out an unconfigured client (every call then fails cleanly).
    pub fn client(&self) -> LoginRocket {
        self.shared
            .try_with_value(|s| {
                sync_locale(&s.client, self.locale);
                s.client.clone()
            })
            .unwrap_or_else(|| default_client(None))
    }

    /// The kit's locale: every kit string and the next request's `Accept-Language`. With the
    /// `lazy-pages` feature, the app's locale once its strings are in (see
    /// `locale_status`).
    pub fn locale(&self) -> Signal<Locale> {
        self.locale
    }

    /// Whether the app's locale is on show, or its strings are on their way or could not be
    /// fetched (a locale that is a chunk of its own; the language before it stays on show).
    #[cfg(feature = "lazy-pages")]
    pub fn locale_status(&self) -> Signal<LocaleStatus> {
        self.follow.status()
    }

    /// The locale asked for could not be fetched (tracks).
    #[cfg(feature = "lazy-pages")]
    pub(crate) fn locale_failed(&self) -> bool {
        self.follow.failed.get()
    }

    /// Fetches the app's locale again after [`LocaleStatus::Failed`].
    #[cfg(feature = "lazy-pages")]
    pub fn retry_locale(&self) {
        self.follow.retry();
    }

    /// The next form's number, from 1 (its default id is `lr-<kind>-<number>`).
    pub(crate) fn next_form_number(&self) -> usize {
        self.shared
            .try_with_value(|s| s.forms.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1)
            .unwrap_or(0)
    }

    /// The session store (what `use_session()` reads).
    pub fn session(&self) -> SessionStore {
        self.session
    }

    /// Kit-wide settings.
    pub fn options(&self) -> KitOptions {
        self.shared
            .try_with_value(|s| s.options)
            .unwrap_or_default()
    }

    /// The app's "session expired" callback, if it gave one.
    pub(crate) fn on_session_expired(&self) -> Option<Callback<()>> {
        self.shared
            .try_with_value(|s| s.on_session_expired)
            .flatten()
    }

    /// The message `key` in the current locale (tracks the locale when called reactively).
    pub fn t(&self, key: &str) -> String {
        self.text(self.locale.get(), key, &[])
    }

    /// The message `key` in the current locale, as a signal: what the kit's views render
    /// (every such text shares one copy of the rendering code; a `move || ctx.t(…)` closure
    /// is a type, and a copy, of its own).
    pub(crate) fn text_of(&self, key: &'static str) -> Signal<String> {
        let ctx = *self;
        Signal::derive(move || ctx.t(key))
    }

    /// The message `key` with arguments, in the current locale.
    pub fn t_with(&self, key: &str, args: &[(&str, FluentArg<'_>)]) -> String {
        self.text(self.locale.get(), key, args)
    }

    /// [`t_with`](Self::t_with) without tracking the locale (for values computed once, at
    /// submit).
    pub(crate) fn t_untracked(&self, key: &str, args: &[(&str, FluentArg<'_>)]) -> String {
        self.text(self.locale.get_untracked(), key, args)
    }

    fn text(&self, locale: Locale, key: &str, args: &[(&str, FluentArg<'_>)]) -> String {
        self.shared
            .try_with_value(|s| {
                s.translator
                    .as_ref()
                    .and_then(|t| t.translate(locale, key, args))
                    .unwrap_or_else(|| s.catalog.text_with(locale, key, args))
            })
            .unwrap_or_default()
    }
}

/// The platform client for `url`: `fetch` in the browser. On other targets (native tests of
/// apps, server rendering) there is no default transport: pass a client to the provider.
///
/// A URL the client refuses (not `https:`, nor `http:` on a loopback host) is reported on the
/// console and not used: every request then ends in the "can't reach the service" state.
fn default_client(url: Option<String>) -> LoginRocket {
    let client = LoginRocket::unconfigured(crate::platform::default_transport());
    if let Err(err) = client.set_lr_url(url.as_deref().unwrap_or_default()) {
        leptos::logging::error!("leptos-loginrocket: {err}");
    }
    client
}

/// The context of the nearest `<LoginRocketProvider>`.
///
/// Without a provider the kit still renders, on an unconfigured client: every request then
/// ends in the "can't reach the sign-in service" state (and a console warning in debug builds).
///
/// ```no_run
/// use leptos::prelude::*;
/// use leptos_loginrocket::prelude::*;
///
/// #[component]
/// fn Who() -> impl IntoView {
///     let store = use_loginrocket().session();
///     view! { <p>{move || store.state().get().is_signed_in().then_some("signed in")}</p> }
/// }
/// ```
pub fn use_loginrocket() -> LoginRocketContext {
    use_context::<LoginRocketContext>().unwrap_or_else(|| {
        #[cfg(debug_assertions)]
        leptos::logging::warn!("leptos-loginrocket: no <LoginRocketProvider> above this component");
        LoginRocketContext::new(default_client(None), Signal::stored(Locale::EN))
    })
}

/// Provides the LoginRocket client, the locale and the kit's strings to the components inside.
///
/// ```no_run
/// use leptos::prelude::*;
/// use leptos_loginrocket::loginrocket;
/// use leptos_loginrocket::components::LoginForm;
/// use leptos_loginrocket::context::LoginRocketProvider;
/// use leptos_loginrocket::i18n::Locale;
///
/// #[component]
/// fn App() -> impl IntoView {
///     let locale = RwSignal::new(Locale::EN);
///     view! {
///         <LoginRocketProvider url="https://sample.e2.loginrocket.com/" locale=locale>
///             <LoginForm on_login=|login: loginrocket::FullLogin| leptos::logging::log!("account {}", login.account)/>
///         </LoginRocketProvider>
///     }
/// }
/// ```
#[component]
pub fn LoginRocketProvider(
    /// The realm's LoginRocket URL (ignored when `client` is given).
    #[prop(optional, into)]
    url: Option<String>,
    /// A client of the app's own (for example one on a mock transport in tests).
    #[prop(optional)]
    client: Option<LoginRocket>,
    /// The locale; changing it re-renders every kit string and changes the next request's
    /// `Accept-Language`. Default: English.
    #[prop(optional, into)]
    locale: Option<Signal<Locale>>,
    /// The kit's strings, for apps that add locales or override strings (see
    /// [`Catalog::with_locale`] and [`Catalog::with_ftl`]).
    #[prop(optional)]
    catalog: Option<Arc<Catalog>>,
    /// The app's own translations, asked first for every kit string (what it returns `None`
    /// for comes from the catalog): one Fluent bundle for the app and the kit.
    #[prop(optional)]
    translator: Option<Translator>,
    /// Kit-wide settings.
    #[prop(optional)]
    options: Option<KitOptions>,
    /// A call made with a session found it expired (`AccessDenied`): sign the user out.
    #[prop(optional, into)]
    on_session_expired: Option<Callback<()>>,
    /// Where the session is kept: memory (default), or, when the app opts in, session or
    /// local storage (see [`Persistence`]).
    #[prop(optional)]
    persistence: Persistence,
    /// Keep `<html lang>` on the locale's tag (screen readers, hyphenation and fonts follow
    /// it). Off by default: the document is the app's.
    #[prop(optional)]
    sync_html_lang: bool,
    /// The app.
    children: Children,
) -> impl IntoView {
    crate::platform::note_landing();
    let client = client.unwrap_or_else(|| default_client(url));
    let locale = locale.unwrap_or_else(|| Signal::stored(Locale::EN));
    let ctx = LoginRocketContext::build(
        client,
        locale,
        catalog.unwrap_or_default(),
        translator,
        options.unwrap_or_default(),
        on_session_expired,
        persistence,
    );
    Effect::new(move |started: Option<()>| {
        // timers, storage events and cross-tab locks start in the browser only, after render
        if started.is_none() {
            untrack(|| ctx.session.start());
        }
        let l = ctx.locale.get();
        ctx.shared
            .with_value(|s| s.client.set_locale(Some(l.as_str())));
        if sync_html_lang {
            crate::platform::set_document_lang(l.as_str());
        }
    });
    // what the server knows of forms posted without the wasm, written into the page for
    // the hydrating browser (never a secret: see `loginrocket::server_forms`)
    #[cfg(any(feature = "ssr", feature = "hydrate"))]
    {
        let server = SharedValue::new(|| use_context::<ServerForms>().unwrap_or_default());
        ctx.shared.with_value(|s| {
            if let Ok(mut mine) = s.server.lock() {
                *mine = server.into_inner();
            }
        });
    }
    provide_context(ctx);
    children()
}

/// Which held step a page asks about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum StepKind {
    TwoFactor,
    ChooseAccount,
    ResetPassword,
}

impl StepKind {
    #[cfg(any(feature = "ssr", feature = "hydrate"))]
    fn is(self, step: &HeldStep) -> bool {
        matches!(
            (self, step),
            (StepKind::TwoFactor, HeldStep::TwoFactor)
                | (StepKind::ChooseAccount, HeldStep::ChooseAccount { .. })
                | (StepKind::ResetPassword, HeldStep::ResetPassword)
        )
    }
}
