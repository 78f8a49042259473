use leptos::prelude::*;

/// The kit's stylesheet (`style/loginrocket.css`): `--lr-…` tokens, `lr-` classes, a dark
/// scheme, all in the cascade layer `loginrocket`, so that an app's own (unlayered) CSS wins
/// over it wherever it is loaded. For apps that serve it themselves (a file, or a `<style>`
/// with the app's nonce); [`LoginRocketStyles`] adopts it for them. Its header lists the
/// tokens that go together (the accent and the text on it, per colour scheme).
///
/// ```
/// assert!(leptos_loginrocket::components::STYLESHEET.contains("--lr-color-accent"));
/// ```
///
#[doc = include_str!("../../docs/book/src/tokens.md")]
pub const STYLESHEET: &str = include_str!("../../style/loginrocket.css");

/// Styles the kit's components from the dependency itself: adopts [`STYLESHEET`] into the
/// document as a constructed style sheet, once, however many are mounted. Nothing to copy
/// out of the kit's sources, and a strict CSP (no `'unsafe-inline'` for styles) allows it,
/// since no `<style>` element or `style` attribute is involved. An adopted sheet comes after
/// the document's in the cascade, but the kit's rules are in the layer `loginrocket`: the
/// app's own CSS, linked before or after, overrides the `--lr-…` tokens and the classes,
/// with `:root { --lr-color-accent: …; --lr-color-accent-text: …; }`. Renders nothing.
///
/// Apps that link `style/loginrocket.css` themselves don't need it.
///
/// ```no_run
/// use leptos::prelude::*;
/// use leptos_loginrocket::components::{LoginForm, LoginRocketStyles};
/// use leptos_loginrocket::context::LoginRocketProvider;
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
