use leptos::prelude::*;

use crate::context::use_loginrocket;
use crate::hooks::use_hosted_sign_in::{remember_method, HostedReturn};
use crate::hooks::{use_hosted_sign_in_with_options, UseHostedSignInOptions};

/// A social provider of the realm, offered as "Continue with …".
///
/// ```
/// use leptos_loginrocket::components::Provider;
///
/// const GOOGLE: Provider = Provider::new("google", "Google");
/// assert_eq!(GOOGLE.id, "google");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Provider {
    /// The provider's id as the hosted pages know it (`google`): lower-case letters,
    /// digits, `-` and `_`.
    pub id: &'static str,
    /// The name on the button ("Continue with Google").
    pub name: &'static str,
}

impl Provider {
    /// A provider with its id and its name.
    pub const fn new(id: &'static str, name: &'static str) -> Self {
        Self { id, name }
    }
}

/// The ways to sign in on the realm's hosted pages (LoginRocket Web) that a sign-in or
/// sign-up page offers next to its form. Default: none.
///
/// ```
/// use leptos_loginrocket::components::{HostedSignIn, Provider};
///
/// const GOOGLE: &[Provider] = &[Provider::new("google", "Google")];
/// let hosted = HostedSignIn { providers: GOOGLE, more_ways: true, ..HostedSignIn::default() };
/// assert!(hosted.offered() && hosted.remember_last_used);
/// assert!(!HostedSignIn::default().offered());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HostedSignIn {
    /// The realm's social providers, each a "Continue with …" button that asks the hosted
    /// page for that provider. **\[ours]**: it sends `provider=<id>` to hosted `/login`; the
    /// emulator goes straight to the provider, and a realm that does not know the parameter
    /// shows its sign-in page with every way, the provider among them.
    pub providers: &'static [Provider],
    /// One "More ways to sign in" link to the hosted sign-in page.
    pub more_ways: bool,
    /// Mark the way this browser signed in last ("Last used": the password form or a
    /// provider; the way only, never who). Default on.
    pub remember_last_used: bool,
    /// A backend's start route (`loginrocket-axum`'s
    /// [`with_hosted_login`](https://docs.rs/loginrocket-axum), `/session/start`): the
    /// buttons are then links to it, which work before the wasm arrives, and the backend
    /// keeps the sign-in's state (in a cookie) and takes the return. Default none: the
    /// kit's callback page takes it.
    pub backend_start: Option<&'static str>,
}

impl Default for HostedSignIn {
    fn default() -> Self {
        Self {
            providers: &[],
            more_ways: false,
            remember_last_used: true,
            backend_start: None,
        }
    }
}

impl HostedSignIn {
    /// Whether there is any way to offer.
    pub fn offered(&self) -> bool {
        !self.providers.is_empty() || self.more_ways
    }

    /// The backend start route's URL for `provider`, back to `destination`.
    fn backend_url(&self, provider: Option<&str>, destination: Option<&str>) -> Option<String> {
        let start = self.backend_start?;
        let mut query = loginrocket::query::Query::new();
        if let Some(d) = destination {
            query.append_pair("redirect", d);
        }
        if let Some(p) = provider {
            query.append_pair("provider", p);
        }
        let query = query.finish();
        Some(if query.is_empty() {
            start.to_owned()
        } else {
            format!("{start}?{query}")
        })
    }
}

/// The hosted ways to sign in, over [`use_hosted_sign_in`](crate::hooks::use_hosted_sign_in): "or",
/// then a "Continue with …" button per provider and a "More ways to sign in" link, the one
/// this browser used last marked. Renders nothing when [`HostedSignIn`] offers nothing.
///
/// ```no_run
/// use leptos::prelude::*;
/// use leptos_loginrocket::prelude::*;
///
/// const GOOGLE: &[Provider] = &[Provider::new("google", "Google")];
///
/// #[component]
/// fn SignIn() -> impl IntoView {
///     view! {
///         <LoginForm/>
///         <HostedOptions hosted=HostedSignIn { providers: GOOGLE, ..HostedSignIn::default() }/>
///     }
/// }
/// ```
#[component]
pub fn HostedOptions(
    /// What to offer.
    hosted: HostedSignIn,
    /// The callback page's path (default `/auth/callback`; on the pages of
    /// [`AuthRoutes`](crate::routes::AuthRoutes), theirs).
    #[prop(optional)]
    callback: Option<String>,
    /// Where to go once signed in (on the pages, the one they carry).
    #[prop(optional)]
    destination: Option<String>,
) -> impl IntoView {
    let ctx = use_loginrocket();
    let page = use_context::<HostedReturn>();
    let callback = callback.or_else(|| page.as_ref().map(|p| p.callback.clone()));
    let destination = destination.or_else(|| page.and_then(|p| p.destination));
    let options = UseHostedSignInOptions {
        callback: callback.unwrap_or_else(|| "/auth/callback".into()),
        destination: destination.clone(),
        remember_last_used: hosted.remember_last_used,
    };
    if !hosted.offered() {
        return ().into_any();
    }
    let sign_in = use_hosted_sign_in_with_options(options);
    let remember = hosted.remember_last_used;
    let badge = move |id: &'static str| {
        move || {
            (sign_in.last_used.get().as_deref() == Some(id))
                .then(|| view! { <span class="lr-badge">{ctx.text_of("hosted-last-used")}</span> })
        }
    };
    let choice = move |provider: Option<&'static str>,
                       label: Signal<String>,
                       last: Option<&'static str>| {
        let marker = last.map(badge);
        // a server route: `rel="external"` keeps a client-side router from taking the click
        match hosted.backend_url(provider, destination.as_deref()) {
            Some(href) => view! {
                <a class="lr-button lr-button--secondary lr-hosted__choice" href=href rel="external" on:click=move |_| {
                    if let (true, Some(p)) = (remember, provider) {
                        remember_method(p);
                    }
                }>{label}{marker}</a>
            }
            .into_any(),
            None => view! {
                <button type="button" class="lr-button lr-button--secondary lr-hosted__choice" on:click=move |_| sign_in.start.run(provider)>{label}{marker}</button>
            }
            .into_any(),
        }
    };
    let providers = hosted
        .providers
        .iter()
        .map(|p| {
            let label = Signal::derive(move || {
                ctx.t_with("hosted-continue-with", &[("provider", p.name.into())])
            });
            view! { <li>{choice(Some(p.id), label, Some(p.id))}</li> }
        })
        .collect_view();
    let more = hosted.more_ways.then(|| {
        let label = ctx.text_of("hosted-more-ways");
        view! { <li>{choice(None, label, None)}</li> }
    });
    view! {
        <div class="lr-hosted">
            <p class="lr-hosted__or">{ctx.text_of("hosted-or")}</p>
            <ul class="lr-hosted__list">{providers}{more}</ul>
        </div>
    }
    .into_any()
}
