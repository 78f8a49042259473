use leptos::prelude::*;

/// The kit's stylesheet (`style/loginrocket.css`): `--lr-…` tokens, `lr-` classes, a dark
/// scheme. For apps that serve it themselves (a file, or a `<style>` with the app's nonce);
/// [`LoginRocketStyles`] adopts it for them.
///
/// ```
/// assert!(leptos_loginrocket::STYLESHEET.contains("--lr-color-accent"));
/// ```
pub const STYLESHEET: &str = include_str!("../../style/loginrocket.css");

/// Styles the kit's components from the dependency itself: adopts [`STYLESHEET`] into the
/// document as a constructed style sheet, once, however many are mounted. Nothing to copy
/// out of the kit's sources, and a strict CSP (no `'unsafe-inline'` for styles) allows it,
/// since no `<style>` element or `style` attribute is involved. The app's own CSS, loaded
/// before or after, still overrides the `--lr-…` tokens. Renders nothing.
///
/// Apps that link `style/loginrocket.css` themselves don't need it.
///
/// ```no_run
/// use leptos::prelude::*;
/// use leptos_loginrocket::{LoginForm, LoginRocketProvider, LoginRocketStyles};
///
/// #[component]
/// fn App() -> impl IntoView {
///     view! {
///         <LoginRocketProvider url="https://sample.e2.loginrocket.com/">
///             <LoginRocketStyles/>
///             <LoginForm/>
///         </LoginRocketProvider>
///     }
/// }
/// ```
#[component]
pub fn LoginRocketStyles() -> impl IntoView {
    crate::platform::adopt_stylesheet(STYLESHEET);
}
