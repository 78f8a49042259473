//! How the pages behave: [`AuthConfig`], and how a sign-in reaches the app's backend
//! ([`Handoff`]).

use leptos::prelude::*;
use loginrocket::redirect::checked_redirect;

use super::paths::with_destination;
use super::{AuthPage, AuthPaths};
use crate::components::HostedSignIn;
use crate::hooks::SignupFields;

/// How a `full_login` reaches the app's backend.
///
/// ```
/// use leptos_loginrocket::routes::{AuthConfig, Handoff};
///
/// // the backend's handler gets `?token=…&redirect=…` and sets its own session cookie
/// let config = AuthConfig { handoff: Handoff::Backend("/session/new"), ..AuthConfig::default() };
/// # let _ = config;
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum Handoff {
    /// Keep the token in the session store; the app sends it as `Authorization: Bearer …`
    /// ([`SessionStore::authorization_header`](crate::context::SessionStore::authorization_header)).
    #[default]
    KeepToken,
    /// Navigate to the backend's login handler with `?token=<JWT>&redirect=<destination>`
    /// (AuthRocket's documented pattern: the backend verifies the token, sets its own
    /// httpOnly cookie, strips the token from the URL and redirects).
    Backend(&'static str),
}

/// The URL a [`Handoff::Backend`] navigates to.
pub(super) fn backend_handoff_url(handler: &str, token: &str, destination: &str) -> String {
    let query = loginrocket::query::Query::new()
        .append_pair("token", token)
        .append_pair("redirect", destination)
        .finish();
    let sep = if handler.contains('?') { '&' } else { '?' };
    format!("{handler}{sep}{query}")
}

/// How the auth pages behave.
///
/// ```no_run
/// use leptos::prelude::*;
/// use leptos_loginrocket::context::LoginRocketProvider;
/// use leptos_loginrocket::routes::{AuthConfig, AuthRoutes};
/// use leptos_router::components::{Router, Routes};
///
/// #[component]
/// fn App() -> impl IntoView {
///     let config = AuthConfig {
///         app_name: Some("Acme"),
///         after_login: "/dashboard",
///         min_password_length: Some(12),
///         ..AuthConfig::default()
///     };
///     view! {
///         <LoginRocketProvider url="https://sample.e2.loginrocket.com/">
///             <Router>
///                 <Routes fallback=|| "Not found">
///                     <AuthRoutes config=config/>
///                 </Routes>
///             </Router>
///         </LoginRocketProvider>
///     }
/// }
/// ```
#[derive(Clone, Debug)]
pub struct AuthConfig {
    /// Path segments.
    pub paths: AuthPaths,
    /// Where to go after signing in when `?redirect=` is absent or not a same-origin path.
    pub after_login: &'static str,
    /// The query parameter that carries the destination (default `redirect`).
    pub redirect_param: &'static str,
    /// Signup fields.
    pub signup_fields: SignupFields,
    /// How a sign-in reaches the app's backend.
    pub handoff: Handoff,
    /// The realm's minimum password length, said under every new password (sign up, reset,
    /// change) before the user types. Default 8 (the emulator's realm): set your realm's;
    /// `None` says nothing.
    pub min_password_length: Option<usize>,
    /// The app's name: at the top of each page's card, and after the page's name in the
    /// document title ("Sign in · Acme"). Default none.
    pub app_name: Option<&'static str>,
    /// A logo's URL, shown before [`app_name`](Self::app_name) (decorative: the name says
    /// what it is; without a name no logo is shown). Default none.
    pub logo: Option<&'static str>,
    /// The realm's hosted ways to sign in (social providers, "More ways to sign in") that
    /// the sign-in and sign-up pages offer next to their forms. Default none.
    pub hosted: HostedSignIn,
    /// Server-rendered apps whose backend takes the kit's form posts
    /// (`loginrocket_axum::LoginRocketAuth::with_form_posts`): its path (`/session/form`).
    /// The pages' forms then work before the wasm: sign-in, two-factor, account choice,
    /// sign-up, forgot and reset password post there (`<path>/login`, …) until the wasm runs,
    /// and the server's answer comes back to the form. Default none: the submit button
    /// waits for the wasm. Used by `ssr` and `hydrate` builds only (a client-rendered app has
    /// no markup before its wasm).
    pub form_posts: Option<&'static str>,
}

impl Default for AuthConfig {
    fn default() -> Self {
        Self {
            paths: AuthPaths::default(),
            after_login: "/",
            redirect_param: "redirect",
            signup_fields: SignupFields::default(),
            handoff: Handoff::KeepToken,
            min_password_length: Some(8),
            app_name: None,
            logo: None,
            hosted: HostedSignIn::default(),
            form_posts: None,
        }
    }
}

impl AuthConfig {
    /// The destination in the address bar (`?redirect=`), when it is a same-origin path.
    pub(super) fn carried(&self, query: Memo<leptos_router::params::ParamsMap>) -> Option<String> {
        checked_redirect(
            query
                .with_untracked(|q| q.get(self.redirect_param))
                .as_deref(),
        )
    }

    /// The sign-in page's path with the way back to `destination`: where an app's own guard
    /// sends a visitor who is not signed in (a server-side check of the session cookie, say).
    /// After the sign-in, the pages lead back there.
    ///
    /// ```
    /// use leptos_loginrocket::routes::AuthConfig;
    ///
    /// let config = AuthConfig::default();
    /// assert_eq!(config.sign_in_path("/account"), "/auth/sign-in?redirect=%2Faccount");
    /// ```
    pub fn sign_in_path(&self, destination: &str) -> String {
        self.path_to(AuthPage::SignIn, Some(destination))
    }

    /// `page`'s path, with the destination carried on.
    pub(super) fn path_to(&self, page: AuthPage, destination: Option<&str>) -> String {
        with_destination(&self.paths.path(page), self.redirect_param, destination)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backend_handoff_carries_the_token_and_the_destination() {
        assert_eq!(
            backend_handoff_url("/session/login", "a.b.c", "/billing?x=1"),
            "/session/login?token=a.b.c&redirect=%2Fbilling%3Fx%3D1"
        );
        assert_eq!(
            backend_handoff_url("https://api.test/login?v=2", "t", "/"),
            "https://api.test/login?v=2&token=t&redirect=%2F"
        );
    }
}
