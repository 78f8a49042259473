//! `<LoginRocketProvider>`: one shared client, a locale signal and the kit's strings, in context.

use std::sync::Arc;

use leptos::prelude::*;
use loginrocket::LoginRocket;

use crate::i18n::{Catalog, Locale};
use crate::options::sync_locale;
pub use crate::options::KitOptions;
use crate::session::Persistence;
use crate::session_store::SessionStore;

/// What `<LoginRocketProvider>` puts into context: the client, the locale and the strings.
/// Cheap to clone; `Send + Sync`.
#[derive(Clone)]
pub struct LoginRocketContext {
    /// The shared client. Its `Accept-Language` follows [`locale`](Self::locale).
    pub client: LoginRocket,
    /// The kit's locale: every kit string and the next request's `Accept-Language`.
    pub locale: Signal<Locale>,
    /// The kit's strings.
    pub catalog: Arc<Catalog>,
    /// Kit-wide settings.
    pub options: KitOptions,
    /// Runs when a call made with a session finds it expired (`AccessDenied`): the app signs
    /// the user out and asks them to sign in again.
    pub on_session_expired: Option<Callback<()>>,
    /// The session store (see [`use_session`](crate::use_session)).
    pub session: SessionStore,
}

impl LoginRocketContext {
    /// A context around `client`.
    pub fn new(client: LoginRocket, locale: Signal<Locale>) -> Self {
        let options = KitOptions::default();
        Self {
            session: SessionStore::new(client.clone(), locale, options, None, Persistence::Memory),
            client,
            locale,
            catalog: Arc::new(Catalog::new()),
            options,
            on_session_expired: None,
        }
    }

    /// The message `key` in the current locale (tracks the locale when called reactively).
    pub fn t(&self, key: &str) -> String {
        self.catalog.text(self.locale.get(), key)
    }

    /// The message `key` with arguments, in the current locale.
    pub fn t_with(&self, key: &str, args: &[(&str, crate::fluent::Arg<'_>)]) -> String {
        self.catalog.text_with(self.locale.get(), key, args)
    }

    /// Points the client's `Accept-Language` at the current locale (done before each request).
    pub fn sync_locale(&self) {
        sync_locale(&self.client, self.locale);
    }
}

/// The platform client for `url`: `fetch` in the browser. On other targets (native tests of
/// apps) there is no default transport: pass a client to the provider.
///
/// A URL the client refuses (not `https:`, nor `http:` on a loopback host) is reported on the
/// console and not used: every request then ends in the "can't reach the service" state.
fn default_client(url: Option<String>) -> LoginRocket {
    #[cfg(target_arch = "wasm32")]
    let client = LoginRocket::unconfigured(Arc::new(loginrocket::transport::BrowserTransport));
    #[cfg(not(target_arch = "wasm32"))]
    let client = LoginRocket::unconfigured(Arc::new(NoTransport));
    if let Err(err) = client.set_lr_url(url.as_deref().unwrap_or_default()) {
        leptos::logging::error!("leptos-loginrocket: {err}");
    }
    client
}

#[cfg(not(target_arch = "wasm32"))]
struct NoTransport;

#[cfg(not(target_arch = "wasm32"))]
impl loginrocket::transport::Transport for NoTransport {
    fn send(
        &self,
        _: loginrocket::transport::HttpRequest,
    ) -> loginrocket::transport::BoxFuture<
        Result<loginrocket::transport::HttpResponse, loginrocket::transport::TransportError>,
    > {
        Box::pin(async {
            Err(loginrocket::transport::TransportError::Network(
                "no default transport on this target: pass a client".into(),
            ))
        })
    }
}

/// The context of the nearest `<LoginRocketProvider>`.
///
/// Without a provider the kit still renders, on an unconfigured client: every request then
/// ends in the "can't reach the sign-in service" state (and a console warning in debug builds).
pub fn use_loginrocket() -> LoginRocketContext {
    use_context::<LoginRocketContext>().unwrap_or_else(|| {
        #[cfg(all(debug_assertions, target_arch = "wasm32"))]
        web_sys_warn("leptos-loginrocket: no <LoginRocketProvider> above this component");
        LoginRocketContext::new(default_client(None), Signal::stored(Locale::En))
    })
}

#[cfg(all(debug_assertions, target_arch = "wasm32"))]
fn web_sys_warn(msg: &str) {
    leptos::logging::warn!("{msg}");
}

/// Provides the LoginRocket client, the locale and the kit's strings to the components inside.
///
/// ```no_run
/// use leptos::prelude::*;
/// use leptos_loginrocket::{loginrocket, LoginRocketProvider, LoginForm, Locale};
///
/// #[component]
/// fn App() -> impl IntoView {
///     let locale = RwSignal::new(Locale::En);
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
    /// The kit's strings, for apps that override some (see [`Catalog::with_overrides`]).
    #[prop(optional)]
    catalog: Option<Arc<Catalog>>,
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
    /// The app.
    children: Children,
) -> impl IntoView {
    let client = client.unwrap_or_else(|| default_client(url));
    let locale = locale.unwrap_or_else(|| Signal::stored(Locale::En));
    let options = options.unwrap_or_default();
    let session = SessionStore::new(
        client.clone(),
        locale,
        options,
        on_session_expired,
        persistence,
    );
    let ctx = LoginRocketContext {
        client,
        locale,
        catalog: catalog.unwrap_or_default(),
        options,
        on_session_expired,
        session,
    };
    ctx.sync_locale();
    session.start();
    let synced = ctx.clone();
    Effect::new(move |_| {
        let l = synced.locale.get();
        synced.client.set_locale(Some(l.as_str()));
    });
    provide_context(ctx);
    children()
}
