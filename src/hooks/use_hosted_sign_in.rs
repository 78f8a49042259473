use leptos::prelude::*;

use crate::context::{use_loginrocket, LoginRocketContext};
use crate::logic::hosted::{method_of, return_url, Pending, LAST_USED_KEY, PENDING_KEY};
use crate::platform;

/// Options for [`use_hosted_sign_in_with_options`].
#[derive(Clone, Debug)]
pub struct UseHostedSignInOptions {
    /// The app's callback path, where the hosted pages send the user back with `?token=`
    /// (default `/auth/callback`, the [`AuthRoutes`](crate::routes::AuthRoutes) page). Its origin
    /// must be among the realm's Login URLs.
    pub callback: String,
    /// Where to go once signed in (a same-origin path; others are dropped at the return).
    pub destination: Option<String>,
    /// Keep which way this browser signed in last, and show it ([`last_used`]); default on.
    ///
    /// [`last_used`]: UseHostedSignInReturn::last_used
    pub remember_last_used: bool,
}

impl Default for UseHostedSignInOptions {
    fn default() -> Self {
        Self {
            callback: "/auth/callback".into(),
            destination: None,
            remember_last_used: true,
        }
    }
}

/// What [`use_hosted_sign_in`] returns.
#[derive(Clone, Copy)]
pub struct UseHostedSignInReturn {
    /// Leaves for the realm's hosted sign-in page: `Some(provider)` asks for that social
    /// provider (`"google"`), `None` shows every way the realm offers.
    pub start: Callback<Option<&'static str>>,
    /// The way this browser signed in last: `"password"` or a provider's id. Read after the
    /// first render (a server's markup never has it); always `None` with
    /// `remember_last_used` off.
    pub last_used: Signal<Option<String>>,
}

/// A sign-in on the realm's hosted pages (LoginRocket Web: social providers and every other
/// way the realm offers), headless. [`start`](UseHostedSignInReturn::start) keeps a fresh
/// state for this tab (`sessionStorage`) and leaves for hosted `/login` with a
/// `redirect_uri` back to the callback page, which takes the sign-in only with that state
/// (else it asks first: login CSRF).
///
/// ```no_run
/// use leptos::prelude::*;
/// use leptos_loginrocket::prelude::*;
///
/// #[component]
/// fn Social() -> impl IntoView {
///     let hosted = use_hosted_sign_in();
///     view! {
///         <button type="button" on:click=move |_| hosted.start.run(Some("google"))>
///             "Continue with Google"
///         </button>
///     }
/// }
/// ```
pub fn use_hosted_sign_in() -> UseHostedSignInReturn {
    use_hosted_sign_in_with_options(UseHostedSignInOptions::default())
}

/// A hosted sign-in with a callback path, a destination, or without remembering the way.
///
/// ```no_run
/// use leptos_loginrocket::prelude::*;
///
/// let _ = || use_hosted_sign_in_with_options(UseHostedSignInOptions {
///     callback: "/login/return".into(),
///     destination: Some("/billing".into()),
///     remember_last_used: false,
/// });
/// ```
pub fn use_hosted_sign_in_with_options(options: UseHostedSignInOptions) -> UseHostedSignInReturn {
    let ctx = use_loginrocket();
    let remember = options.remember_last_used;
    let options = StoredValue::new(options);
    let start = Callback::new(move |provider: Option<&'static str>| {
        let (callback, destination) =
            options.with_value(|o| (o.callback.clone(), o.destination.clone()));
        if let Some(url) = leave_for_login(ctx, &callback, destination, provider) {
            if let (true, Some(p)) = (remember, provider) {
                remember_method(p);
            }
            platform::navigate(&url);
        }
    });
    UseHostedSignInReturn {
        start,
        last_used: last_used(remember),
    }
}

/// The way this browser signed in last, read after the first render (so that a server's
/// markup and the hydrated page agree); always `None` when not `enabled`. Read once per
/// page: the sign-in page's mark on its form and its hosted buttons share one reading.
pub(crate) fn last_used(enabled: bool) -> Signal<Option<String>> {
    #[derive(Clone, Copy)]
    struct LastUsed(Signal<Option<String>>);
    if !enabled {
        return Signal::stored(None);
    }
    if let Some(LastUsed(shared)) = use_context::<LastUsed>() {
        return shared;
    }
    let last = RwSignal::new(None::<String>);
    platform::after_render(Box::new(move || last.set(read_last_used())));
    provide_context(LastUsed(last.into()));
    last.into()
}

/// Where a hosted page sends the user back, for the hooks under a page that knows
/// (the pages of [`AuthRoutes`](crate::routes::AuthRoutes) provide it).
#[derive(Clone, Debug)]
pub(crate) struct HostedReturn {
    /// The callback page's path.
    pub(crate) callback: String,
    /// Where the user is going.
    pub(crate) destination: Option<String>,
}

/// The way this browser signed in last, as stored (ignored unless the kit wrote it).
pub(crate) fn read_last_used() -> Option<String> {
    let text = platform::read_stored(true, LAST_USED_KEY).flatten()?;
    method_of(&text).map(str::to_owned)
}

/// Stores `method` as the way this browser signed in last.
pub(crate) fn remember_method(method: &str) {
    if method_of(method).is_some() {
        platform::write_stored(true, LAST_USED_KEY, Some(method));
    }
}

/// Starts a hosted page's round trip for this tab: a fresh state kept in `sessionStorage`
/// with the destination, and the hosted `path`'s URL with its `redirect_uri` back to
/// `callback` (and `extra` params). `None` off the browser, or without a LoginRocket URL.
pub(crate) fn hosted_round_trip(
    ctx: LoginRocketContext,
    path: &str,
    callback: &str,
    destination: Option<String>,
    extra: &[(&str, &str)],
) -> Option<String> {
    let state = platform::random_hex()?;
    let back = return_url(&platform::origin()?, callback, &state);
    let locale = ctx.locale().get_untracked();
    let mut params = vec![("redirect_uri", back.as_str()), ("locale", locale.as_str())];
    params.extend_from_slice(extra);
    let url = ctx.client().hosted_url(path, &params).ok()?;
    let pending = Pending { state, destination };
    platform::write_stored(false, PENDING_KEY, Some(&pending.encode()));
    Some(url)
}

fn leave_for_login(
    ctx: LoginRocketContext,
    callback: &str,
    destination: Option<String>,
    provider: Option<&str>,
) -> Option<String> {
    let provider: Vec<(&str, &str)> = provider.map(|p| ("provider", p)).into_iter().collect();
    hosted_round_trip(ctx, "login", callback, destination, &provider)
}
