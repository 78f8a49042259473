//! Where a page's flow leads ([`Navigator`]): the next page for a step, the destination (or the
//! backend's handler) after a sign-in.

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;
use loginrocket::{ConditionalLogin, FullLogin};

use super::config::backend_handoff_url;
use super::{page, page_for, AuthConfig, AuthPage, Handoff};

/// A navigation to a history entry that takes the current one's place.
pub(super) fn replacing() -> NavigateOptions {
    NavigateOptions {
        replace: true,
        ..NavigateOptions::default()
    }
}

/// Where a page's flow leads: the next page for a step, the destination after a sign-in.
#[derive(Clone, Copy)]
pub(crate) struct Navigator {
    /// Goes to an auth page, keeping `?redirect=`.
    pub(crate) to_page: Callback<AuthPage>,
    /// Signed in: to the destination (or the backend's handler).
    pub(crate) signed_in: Callback<FullLogin>,
    /// Signed in: to the destination given (else the one carried), or the backend's handler.
    pub(crate) signed_in_to: Callback<(FullLogin, Option<String>)>,
    /// A step left: to its page.
    pub(crate) conditional: Callback<ConditionalLogin>,
}

impl Navigator {
    pub(crate) fn new(config: &AuthConfig) -> Self {
        let (to_page, to_destination) = navigator(config);
        let to_page = Callback::new(to_page);
        let signed_in_to = Callback::new(move |(login, dest): (FullLogin, Option<String>)| {
            to_destination(&login, dest)
        });
        Self {
            to_page,
            signed_in: Callback::new(move |login: FullLogin| signed_in_to.run((login, None))),
            signed_in_to,
            conditional: Callback::new(move |c: ConditionalLogin| to_page.run(page_for(&c))),
        }
    }
}

fn navigator(
    config: &AuthConfig,
) -> (
    impl Fn(AuthPage) + Clone + Send + Sync + 'static,
    impl Fn(&FullLogin, Option<String>) + Clone + Send + Sync + 'static,
) {
    let navigate = use_navigate();
    let query = use_query_map();
    let (nav1, cfg1) = (navigate.clone(), config.clone());
    // each follows a form's answer: the next page's first field gets focus
    let to_page = move |page: AuthPage| {
        page::focus_first_field_next();
        nav1(
            &cfg1.path_to(page, cfg1.carried(query).as_deref()),
            NavigateOptions::default(),
        );
    };
    let cfg2 = config.clone();
    let to_destination = move |login: &FullLogin, given: Option<String>| {
        let dest = given
            .or_else(|| cfg2.carried(query))
            .unwrap_or_else(|| cfg2.after_login.to_owned());
        match cfg2.handoff {
            // the auth page is done with: Back skips it
            Handoff::KeepToken => navigate(&dest, replacing()),
            Handoff::Backend(handler) => crate::platform::navigate(&backend_handoff_url(
                handler,
                login.token.expose(),
                &dest,
            )),
        }
    };
    (to_page, to_destination)
}
