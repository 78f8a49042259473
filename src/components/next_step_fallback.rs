use leptos::prelude::*;

use crate::context::use_loginrocket;
use crate::hooks::{use_hosted_page, HostedPage};

/// For a condition the kit does not know: a clear message and the realm's hosted pages for
/// this session, never a dead end.
///
/// ```no_run
/// use leptos::prelude::*;
/// use leptos_loginrocket::prelude::*;
///
/// #[component]
/// fn Next() -> impl IntoView {
///     view! { <NextStepFallback/> }
/// }
/// ```
#[component]
pub fn NextStepFallback(
    /// Extra classes.
    #[prop(optional, into)]
    class: MaybeProp<String>,
) -> impl IntoView {
    let ctx = use_loginrocket();
    let hosted = use_hosted_page(HostedPage::Login);
    let classes = super::classes("lr-next-step".into(), class);
    view! {
        <div class=classes>
            <p role="status">{ctx.text_of("next-step-unknown")}</p>
            <button type="button" class="lr-button" on:click=move |_| hosted.run(())>{ctx.text_of("next-step-continue")}</button>
        </div>
    }
}
