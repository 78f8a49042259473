//! What every drop-in page shares: its frame (a card with the brand, the page's title and a
//! notice), what it does as it opens (document title, focus, sending away a user it is not
//! for) and its links.

use leptos::html;
use leptos::prelude::*;
use leptos_router::components::{Redirect, A};
use leptos_router::hooks::use_query_map;

use super::{replacing, AuthConfig, AuthPage};
use crate::components::{FormPosts, StatusRegion};
use crate::context::{use_loginrocket, LoginRocketContext, PageNotice};
use crate::hooks::use_hosted_sign_in::HostedReturn;

use crate::logic::session::SessionState;
use crate::platform;

/// Whom a page is for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) enum Audience {
    /// Anyone.
    #[default]
    Anyone,
    /// Signed-out users (sign in, sign up, forgot password): a signed-in one goes on to the
    /// destination.
    SignedOut,
    /// Users in the middle of a sign-in step (two-factor, account choice, profile
    /// completion): others go to sign in (told why) or, signed in, to the destination.
    MidStep,
}

/// Where a page for `audience` sends a user in `state`, if elsewhere. Leaves the notice
/// that says why, when there is one to say.
fn elsewhere(
    ctx: LoginRocketContext,
    audience: Audience,
    config: &AuthConfig,
    destination: Option<String>,
) -> Option<String> {
    let state = ctx.session().state();
    let onward = || {
        destination
            .clone()
            .unwrap_or_else(|| config.after_login.to_owned())
    };
    state.with_untracked(|s| match (audience, s) {
        (Audience::SignedOut, SessionState::SignedIn { .. }) => Some(onward()),
        (Audience::MidStep, SessionState::SignedIn { .. }) => Some(onward()),
        (Audience::MidStep, SessionState::SignedOut) => {
            ctx.session().set_notice(PageNotice::StepExpired);
            Some(config.path_to(AuthPage::SignIn, destination.as_deref()))
        }
        _ => None,
    })
}

/// A page's frame: a `<section>` card with the app's brand, the page's `<h1>` and a polite
/// notice (what the previous page left to say: "You're signed out"), then the content.
/// As it opens it names the document ("Sign in · App"), moves focus to itself after a
/// navigation, and sends away a user it is not for (replacing its history entry).
#[component]
pub(crate) fn PageFrame(
    /// Which page (its title).
    page: AuthPage,
    /// The pages' configuration (brand, paths, destination).
    config: AuthConfig,
    /// Whom it is for.
    #[prop(optional)]
    audience: Audience,
    /// The page's content.
    children: Children,
) -> impl IntoView {
    let ctx = use_loginrocket();
    let destination = config.carried(use_query_map());
    // a hosted page opened from this page comes back to the callback page, then goes on
    provide_context(HostedReturn {
        callback: config.paths.path(AuthPage::Callback),
        destination: destination.clone(),
    });
    // forms that work before the wasm post to the backend, with the way back here
    let server_rendered = cfg!(any(feature = "ssr", feature = "hydrate"));
    if let Some(base) = config.form_posts.filter(|_| server_rendered) {
        let location = leptos_router::hooks::use_location();
        let (path, search) = (
            location.pathname.get_untracked(),
            location.search.get_untracked(),
        );
        let back = if search.is_empty() {
            path
        } else {
            format!("{path}?{search}")
        };
        provide_context(FormPosts {
            base,
            back,
            redirect: destination.clone(),
        });
    }
    // a step whose secret the server holds is this page's to show
    let held = page.held_step().is_some_and(|k| ctx.held_step(k).is_some());
    let away = if held {
        None
    } else {
        elsewhere(ctx, audience, &config, destination)
    };
    if let Some(target) = away {
        return view! { <Redirect path=target options=replacing()/> }.into_any();
    }
    let title_key = page.title_key();
    let app = config.app_name;
    let title = move || match app {
        Some(app) => ctx.t_with(
            "page-title",
            &[("page", ctx.t(title_key).into()), ("app", app.into())],
        ),
        None => ctx.t(title_key),
    };
    // a server-rendered app names the document in its markup (leptos_meta's <Title>), in the
    // page's language, where it provides the meta context
    #[cfg(any(feature = "ssr", feature = "hydrate"))]
    let meta_title = use_context::<leptos_meta::MetaContext>()
        .map(|_| view! { <leptos_meta::Title text=move || title()/> });
    #[cfg(not(any(feature = "ssr", feature = "hydrate")))]
    let meta_title = ();
    let shown = StoredValue::new(String::new());
    platform::effect(Box::new(move || {
        let now = title();
        platform::set_title(&now);
        shown.set_value(now);
    }));
    on_cleanup(move || {
        if let Some(t) = shown.try_get_value() {
            platform::restore_title(&t);
        }
    });

    // the notice is written after the first render, so that its region announces it
    let store = ctx.session();
    let taken = store.take_notice();
    let shown = RwSignal::new(None::<PageNotice>);
    let notice = Signal::derive(move || {
        // a language picked whose strings could not be fetched (the one before stays)
        #[cfg(feature = "lazy-pages")]
        if ctx.locale_failed() {
            return ctx.t("locale-load-failed");
        }
        shown
            .get()
            .map(|taken| ctx.t(store.notice_key(taken)))
            .unwrap_or_default()
    });

    let section = NodeRef::<html::Section>::new();
    let heading = NodeRef::<html::H1>::new();
    // the first page the app opens at keeps the browser's focus; later ones take it
    let moved_here = !platform::at_landing() || PAGES_SHOWN.get() > 0;
    PAGES_SHOWN.set(PAGES_SHOWN.get() + 1);
    platform::after_render(Box::new(move || {
        shown.set(taken);
        let from_submit = FROM_SUBMIT.replace(false);
        // by the next frame the router has put the page into the document
        request_animation_frame(move || {
            if let (true, Some(Some(page)), Some(Some(h))) = (
                moved_here,
                section.try_get_untracked(),
                heading.try_get_untracked(),
            ) {
                platform::focus_page(&page, &h, from_submit);
            }
        });
    }));

    let brand = app.map(|name| {
        let logo = config
            .logo
            .map(|src| view! { <img class="lr-page__logo" src=src alt=""/> });
        view! { <div class="lr-page__brand">{logo}<span>{name}</span></div> }
    });
    view! {
        <section class="lr-page" data-page=title_key node_ref=section>
            {meta_title}
            {brand}
            <h1 class="lr-page__title" tabindex="-1" node_ref=heading>{ctx.text_of(title_key)}</h1>
            <StatusRegion class="lr-page__notice" text=notice/>
            {children()}
        </section>
    }
    .into_any()
}

thread_local! {
    /// Kit pages opened so far in this document.
    static PAGES_SHOWN: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
    /// The next page is reached from a form's answer: focus goes to its first field.
    static FROM_SUBMIT: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// The next page opens after a form's answer (sign-in → two-factor): it focuses its first
/// field, not its heading.
pub(super) fn focus_first_field_next() {
    FROM_SUBMIT.set(true);
}

/// Links to the neighbouring pages, in a landmark named apart from the app's own navigation;
/// each keeps the destination (`?redirect=`) when it is a same-origin path.
#[component]
pub(crate) fn PageLinks(
    /// The pages' configuration (paths, the destination's parameter).
    config: AuthConfig,
    /// Each link: its page and its text's Fluent key.
    links: &'static [(AuthPage, &'static str)],
) -> impl IntoView {
    let ctx = use_loginrocket();
    let destination = config.carried(use_query_map());
    let items = links
        .iter()
        .map(|&(target, key)| {
            let href = config.path_to(target, destination.as_deref());
            view! { <A href=href attr:class="lr-link">{ctx.text_of(key)}</A> }
        })
        .collect_view();
    view! { <nav class="lr-links" aria-label=ctx.text_of("links-label")>{items}</nav> }
}
