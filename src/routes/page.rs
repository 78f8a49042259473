//! What every drop-in page shares: its frame (a section with its title) and its links.

use leptos::prelude::*;
use leptos_router::components::A;

use super::{AuthPage, AuthPaths};
use crate::context::use_loginrocket;

/// A page's frame: a `<section>` with the page's `<h1>`.
#[component]
pub(crate) fn PageFrame(
    /// Which page (its title).
    page: AuthPage,
    /// The page's content.
    children: Children,
) -> impl IntoView {
    let ctx = use_loginrocket();
    let title_key = page.title_key();
    view! {
        <section class="lr-page" data-page=title_key>
            <h1 class="lr-page__title">{move || ctx.t(title_key)}</h1>
            {children()}
        </section>
    }
}

/// Links to the neighbouring pages, in a landmark named apart from the app's own navigation.
#[component]
pub(crate) fn PageLinks(
    /// The auth pages' paths.
    paths: AuthPaths,
    /// Each link: its page and its text's Fluent key.
    links: &'static [(AuthPage, &'static str)],
) -> impl IntoView {
    let ctx = use_loginrocket();
    let items = links
        .iter()
        .map(|&(target, key)| {
            view! { <A href=paths.path(target) attr:class="lr-link">{move || ctx.t(key)}</A> }
        })
        .collect_view();
    view! { <nav class="lr-links" aria-label=move || ctx.t("links-label")>{items}</nav> }
}
