//! A bare Leptos sign-in form with one POST (gloo-net, JSON) and the answer shown as text:
//! what `quickstart` is measured against by `scripts/size.sh`. No router, no kit: the form of
//! the bench's yardstick (`crates/bare-reference`), alone.

#[path = "../../../bare-reference/src/form.rs"]
mod form;

fn main() {
    leptos::mount::mount_to_body(form::SignIn)
}
