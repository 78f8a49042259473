use leptos::prelude::*;
use loginrocket::server_forms::HeldStep;
use loginrocket::{AccountChoice, FullLogin};

use super::{Alert, FormPosts};
use crate::context::{use_loginrocket, LoginRocketContext, StepKind};
use crate::hooks::{use_account_picker_with_options, UseAccountPickerOptions};
use crate::logic::form_state::FormState;

/// The account choice (`no_account_selected`), over
/// [`use_account_picker`](crate::hooks::use_account_picker): a button per account when the
/// response lists them; otherwise a button to the realm's hosted accounts page for this
/// session.
///
/// ```no_run
/// use leptos::prelude::*;
/// use leptos_loginrocket::prelude::*;
///
/// #[component]
/// fn Choose() -> impl IntoView {
///     view! { <AccountPicker on_login=|login: loginrocket::FullLogin| leptos::logging::log!("{}", login.account)/> }
/// }
/// ```
#[component]
pub fn AccountPicker(
    /// Extra classes on the list.
    #[prop(optional, into)]
    class: MaybeProp<String>,
    /// Signed in to the chosen account.
    #[prop(optional, into)]
    on_login: Option<Callback<FullLogin>>,
) -> impl IntoView {
    let ctx = use_loginrocket();
    // the server holds the sign-in (a page's form posted before the wasm): it takes the choice
    let held = ctx.held_step(StepKind::ChooseAccount);
    if let (Some(HeldStep::ChooseAccount { accounts }), Some(posts)) =
        (held, use_context::<FormPosts>())
    {
        return held_choice(ctx, accounts, posts, class).into_any();
    }
    let picker = use_account_picker_with_options(UseAccountPickerOptions { on_login });
    let busy = move || picker.state.get() == FormState::Submitting;
    let classes = super::classes("lr-accounts".into(), class);
    view! {
        <div class=classes aria-busy=move || busy().to_string()>
            {move || match picker.accounts.get() {
                Some(list) => {
                    view! {
                        <ul class="lr-accounts__list">
                            {list.into_iter().map(|a| {
                                let (id, label) = (a.id, a.name);
                                view! {
                                    <li><button type="button" class="lr-button lr-button--secondary lr-accounts__choice" disabled=busy on:click=move |_| picker.choose.run(id.clone())>{label}</button></li>
                                }
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }
                None => view! {
                    <button type="button" class="lr-button lr-accounts__hosted" on:click=move |_| picker.open_hosted.run(())>{ctx.text_of("account-picker-hosted")}</button>
                }.into_any(),
            }}
            <Alert text=picker.message/>
        </div>
    }
    .into_any()
}

/// The account choice as a form the server takes (it holds the sign-in): a submit button
/// per account, working with or without the wasm.
fn held_choice(
    ctx: LoginRocketContext,
    accounts: Vec<AccountChoice>,
    posts: FormPosts,
    class: MaybeProp<String>,
) -> impl IntoView {
    let classes = super::classes("lr-accounts".into(), class);
    let action = posts.action("account");
    let choices = accounts
        .into_iter()
        .map(|a| {
            view! {
                <li><button type="submit" name="account" value=a.id class="lr-button lr-button--secondary lr-accounts__choice">{a.name}</button></li>
            }
        })
        .collect_view();
    view! {
        <form class=classes method="post" action=action>
            {posts.hidden(ctx)}
            <ul class="lr-accounts__list">{choices}</ul>
        </form>
    }
}
