//! The submit machine every kit form shares ([`FormCore`], private to the kit) and the
//! read-only view of it that every hook returns ([`FormStatus`]).

use std::future::Future;
use std::pin::Pin;
use std::time::Duration;

use leptos::prelude::*;
use leptos::task::spawn_local;
use loginrocket::server_forms::PostedAnswer;
use loginrocket::{LoginRocket, Response};

use super::run_opt;
use crate::context::{KitOptions, LoginRocketContext};
use crate::i18n::Locale;
use crate::logic::fields::FieldId;
use crate::logic::form_state::{classify, cooldown_secs, Flow, FormState, Outcome};
use crate::logic::session::SessionState;

/// A request to run: given the client, the call's future.
pub(crate) type Request = Box<
    dyn FnOnce(LoginRocket) -> Pin<Box<dyn Future<Output = Result<Response, loginrocket::Error>>>>,
>;

/// What a form shows: one signal for all of it, of one type for every form (the views read it
/// through a few derived signals, and render only what changed). Set in `FormCore` only
/// (hooks say what happened through its methods).
#[derive(Default)]
struct Shown {
    /// The UI state.
    state: FormState,
    /// Messages next to their fields: the server's, or, as an empty text, ours ("please
    /// fill in …" for a required field left empty), rendered when read, in the current
    /// locale, so that they follow a language switch.
    field_errors: Vec<(FieldId, String)>,
    /// Server messages that belong to no field (shown in the form's alert).
    form_errors: Vec<String>,
    /// Seconds left in a rate-limit cooldown (0 when none).
    cooldown: u32,
    /// The cooldown's length when it started (what the one announcement says).
    cooldown_from: u32,
    /// A cooldown ended since the last submit (said once).
    wait_over: bool,
    /// Submits that ended in an error, counted (views move focus when it changes).
    failures: u32,
}

/// The state every kit form shares and the submit machinery. Private to the kit: hooks hand
/// out [`FormStatus`], its read-only view.
///
/// `Copy`: every part is an arena handle.
#[derive(Clone, Copy)]
pub(crate) struct FormCore {
    /// What the form shows.
    shown: RwSignal<Shown>,
    /// The language the server's messages are in (`server_language`). Not a signal: it
    /// changes only together with the messages, which are.
    server_lang: StoredValue<Option<Locale>>,
    seq: StoredValue<u64>,
    timer: StoredValue<Option<IntervalHandle>>,
    flow: Flow,
    fields: StoredValue<Vec<FieldId>>,
    /// A field whose label on this form is not its name (a new password next to the
    /// current one): its label's Fluent key.
    relabel: Option<(FieldId, &'static str)>,
    /// Whether the session store follows this form's sign-ins (not after a reset that asks
    /// the user to sign in again).
    feeds_session: bool,
}

impl FormCore {
    /// A fresh core for `flow` whose form shows `fields`. Stops its timers when its owner is
    /// cleaned up; a response arriving after that is dropped.
    pub(crate) fn new(flow: Flow, fields: Vec<FieldId>) -> Self {
        let core = Self {
            shown: RwSignal::new(Shown::default()),
            server_lang: StoredValue::new(None),
            seq: StoredValue::new(0),
            timer: StoredValue::new(None),
            flow,
            fields: StoredValue::new(fields),
            relabel: None,
            feeds_session: true,
        };
        on_cleanup(move || core.stop_timer());
        core
    }

    /// This form's sign-ins are not the app's session: the store is left alone.
    pub(crate) fn detached(self) -> Self {
        Self {
            feeds_session: false,
            ..self
        }
    }

    /// `field` is labelled `label_key` on this form, not by its name (its messages still
    /// name it the way the server does).
    pub(crate) fn relabelled(self, field: FieldId, label_key: &'static str) -> Self {
        Self {
            relabel: Some((field, label_key)),
            ..self
        }
    }

    /// The Fluent key of `field`'s label on this form.
    pub(crate) fn label_key(&self, field: FieldId) -> &'static str {
        match self.relabel {
            Some((f, key)) if f == field => key,
            _ => field.label_key(),
        }
    }

    /// Abandons the request in flight, if any: its answer will be dropped, and the form is
    /// ready again.
    fn cancel(&self) {
        self.seq.update_value(|s| *s += 1);
        if self.shown.with_untracked(|s| s.state) == FormState::Submitting {
            self.shown.update(|s| s.state = FormState::Idle);
        }
    }

    fn submittable(&self) -> bool {
        self.shown
            .with_untracked(|s| s.state != FormState::Submitting && s.cooldown == 0)
    }

    /// Clears `field`'s messages (the user edited it).
    fn clear_field(&self, field: FieldId) {
        if self
            .shown
            .with_untracked(|s| s.field_errors.iter().any(|(f, _)| *f == field))
        {
            self.shown
                .update(|s| s.field_errors.retain(|(f, _)| *f != field));
        }
    }

    /// Required `fields` are empty: each gets "please fill in …" next to it, without a
    /// request. Ignored while a request is in flight or a cooldown runs (the form is not
    /// submittable, and its pending state must not be lost).
    pub(crate) fn reject_missing(&self, fields: Vec<FieldId>) {
        if !self.submittable() {
            return;
        }
        self.shown.update(|s| {
            s.field_errors = fields.into_iter().map(|f| (f, String::new())).collect();
            s.form_errors.clear();
            s.state = FormState::Rejected;
            s.failures += 1;
        });
    }

    /// Shows `state` without a request and without counting a failure: what a form knows
    /// before any submit (an emailed link without its token, say).
    pub(crate) fn show(&self, state: FormState) {
        self.shown.update(|s| s.state = state);
    }

    /// A submit that cannot be sent at all (no session, no token): shows `state`. Ignored,
    /// like [`reject_missing`](Self::reject_missing), while the form is not submittable.
    pub(crate) fn fail_locally(&self, state: FormState) {
        if !self.submittable() {
            return;
        }
        self.shown.update(|s| {
            s.state = state;
            s.failures += 1;
        });
    }

    fn stop_timer(&self) {
        if let Some(Some(handle)) = self.timer.try_update_value(Option::take) {
            handle.clear();
        }
    }

    fn start_cooldown(&self, secs: u32) {
        self.stop_timer();
        self.shown.update(|s| {
            s.cooldown_from = secs;
            s.cooldown = secs;
        });
        let core = *self;
        let tick = move || {
            let over = core.shown.try_update(|s| {
                if s.cooldown <= 1 {
                    s.cooldown = 0;
                    s.wait_over = true;
                    if s.state == FormState::CoolingDown {
                        s.state = FormState::Idle;
                    }
                    true
                } else {
                    s.cooldown -= 1;
                    false
                }
            });
            if over != Some(false) {
                core.stop_timer();
            }
        };
        // a server render shows the wait as it starts; the browser counts it down
        if cfg!(feature = "ssr") {
            return;
        }
        if let Ok(handle) = set_interval_with_handle(tick, Duration::from_secs(1)) {
            self.timer.set_value(Some(handle));
        }
    }

    /// Runs one request, single-flight: ignored while one is in flight or a cooldown runs.
    /// The answer is classified for this form's flow and applied, unless the form was
    /// cancelled, resubmitted or unmounted meanwhile; then `done` runs with the outcome.
    /// Returns whether a request was started.
    ///
    /// Not generic on purpose: one copy of this machinery serves every flow (wasm size).
    pub(crate) fn run(
        &self,
        ctx: LoginRocketContext,
        request: Request,
        done: Box<dyn FnOnce(&Outcome)>,
    ) -> bool {
        if !self.submittable() {
            return false;
        }
        let my_seq = self.seq.get_value() + 1;
        self.seq.set_value(my_seq);
        self.shown.update(|s| {
            s.state = FormState::Submitting;
            s.field_errors.clear();
            s.form_errors.clear();
            s.wait_over = false;
        });
        // the server answers in the language of the request, where it can
        let lang = ctx.locale().get_untracked();
        let names = self.field_names(ctx);
        let (core, client, options, feeds_session) =
            (*self, ctx.client(), ctx.options(), self.feeds_session);
        let session = ctx.session();
        spawn_local(async move {
            let answer = request(client).await;
            // dropped: unmounted (disposed), cancelled, or superseded
            if core.seq.try_get_value() != Some(my_seq) {
                return;
            }
            let outcome = core.conclude(answer, lang, &names, options);
            // the session store follows every login the forms see
            match &outcome {
                _ if !feeds_session => {}
                Outcome::SignedIn(f) => session.set(SessionState::signed_in(f.clone())),
                Outcome::Conditional(c) => session.set(SessionState::Conditional(c.clone())),
                Outcome::State(FormState::SessionExpired) => {
                    session.set(SessionState::SignedOut);
                    run_opt(ctx.on_session_expired(), &());
                }
                _ => {}
            }
            done(&outcome);
        });
        true
    }

    /// Each field's name in the current locale (what the server's messages start with).
    fn field_names(&self, ctx: LoginRocketContext) -> Vec<(FieldId, String)> {
        self.fields
            .get_value()
            .into_iter()
            .map(|f| (f, ctx.t_untracked(f.label_key(), &[])))
            .collect()
    }

    /// Classifies `answer` (to a request made in `lang`, its fields named `names`) for this
    /// form's flow, and shows it.
    fn conclude(
        &self,
        answer: Result<Response, loginrocket::Error>,
        lang: Locale,
        names: &[(FieldId, String)],
        options: KitOptions,
    ) -> Outcome {
        self.server_lang
            .set_value(server_language(&answer, lang, options.server_locales));
        let outcome = classify(self.flow, answer, names);
        self.apply(&outcome, options);
        outcome
    }

    /// Shows the answer the server got for this form, posted without the wasm, as if this
    /// form had made the call (server-rendered apps; see `loginrocket::server_forms`).
    pub(crate) fn show_posted(&self, ctx: LoginRocketContext, answer: &PostedAnswer) {
        let names = self.field_names(ctx);
        let lang = ctx.locale().get_untracked();
        self.conclude(Ok(answer.exchange.response()), lang, &names, ctx.options());
    }

    fn apply(&self, outcome: &Outcome, options: KitOptions) {
        let state = outcome.state();
        if let Outcome::RateLimited(retry) = outcome {
            self.start_cooldown(cooldown_secs(
                *retry,
                (options.clock)(),
                options.default_cooldown_secs,
            ));
        }
        self.shown.update(|s| {
            if let Outcome::Rejected(a) = outcome {
                // a blank text is how ours are kept: a blank one from the server says nothing
                let said = a.fields.iter().filter(|(_, m)| !m.trim().is_empty());
                s.field_errors = said.cloned().collect();
                s.form_errors = a.form.clone();
            }
            s.state = state;
            if !matches!(state, FormState::Succeeded | FormState::Submitting) {
                s.failures += 1;
            }
        });
    }

    /// The read-only view of this core that hooks return, its messages in `ctx`'s locale.
    pub(crate) fn status(&self, ctx: LoginRocketContext) -> FormStatus {
        let core = *self;
        let shown = core.shown;
        // ours are rendered now, in the current locale; the server's are kept as they came
        let field_errors = Signal::derive(move || {
            let mut errors = shown.with(|s| s.field_errors.clone());
            for (f, text) in errors.iter_mut().filter(|(_, t)| t.is_empty()) {
                let name = ctx.t(core.label_key(*f));
                *text = ctx.t_with("field-required", &[("field", name.into())]);
            }
            errors
        });
        // each a view of the one signal: what reads it runs again when anything shown
        // changes, and renders only what did
        let state = Signal::derive(move || shown.with(|s| s.state));
        FormStatus {
            state,
            field_errors,
            cooldown: Signal::derive(move || shown.with(|s| s.cooldown)),
            failures: Signal::derive(move || shown.with(|s| s.failures)),
            message: state_message(
                ctx,
                state,
                Some(core),
                Signal::derive(move || shown.with(|s| s.cooldown_from)),
            ),
            core,
        }
    }

    /// The language of `field`'s messages, when they are the server's (ours follow the
    /// page's language).
    fn field_lang(&self, field: FieldId) -> Option<Locale> {
        let servers = self.shown.with(|s| {
            s.field_errors
                .iter()
                .any(|(f, t)| *f == field && !t.is_empty())
        });
        servers.then(|| self.server_lang.get_value()).flatten()
    }

    /// The language of the server's messages on show, when there are some (they keep it
    /// after a language switch).
    fn server_messages_lang(&self) -> Option<Locale> {
        let servers = self.shown.with(|s| {
            !s.form_errors.is_empty() || s.field_errors.iter().any(|(_, t)| !t.is_empty())
        });
        servers.then(|| self.server_lang.get_value()).flatten()
    }
}

/// The language the server's messages in `answer` are in, for their `lang`: what the
/// response's `Content-Language` names; else the requested language, where the realm
/// localizes it (`localized`, by language: `es-MX` asked, `es` localized, is `es`); else the
/// first of `localized`, the language the realm falls back to **\[ours\]** (AuthRocket falls
/// back to the user's saved language, then the realm's default, neither of which the page
/// knows). `None` when `localized` is empty and the response said nothing.
fn server_language(
    answer: &Result<Response, loginrocket::Error>,
    requested: Locale,
    localized: &[Locale],
) -> Option<Locale> {
    let said = answer
        .as_ref()
        .ok()
        .and_then(Response::as_error)
        .and_then(|e| e.content_language())
        .and_then(Locale::new);
    said.or_else(|| {
        localized
            .iter()
            .find(|l| l.language() == requested.language())
            .or(localized.first())
            .copied()
    })
}

/// The one localized message for a form state: the server's messages that belong to no
/// field, the state's own message (offline, timeout, server error, session expired, link
/// expired, …), or, rate limited, how long the wait is (`waited`: its length when it
/// started, so the message does not change while it runs). Empty when there is nothing to say.
///
/// Not generic on purpose: one copy serves every hook (wasm size). `form`: the form whose
/// server messages that belong to no field are said first.
pub(crate) fn state_message(
    ctx: LoginRocketContext,
    state: Signal<FormState>,
    form: Option<FormCore>,
    waited: Signal<u32>,
) -> Signal<String> {
    Signal::derive(move || match state.get() {
        FormState::CoolingDown => ctx.t_with(
            "error-rate-limited",
            &[("seconds", i64::from(waited.get()).into())],
        ),
        s => {
            let mut parts = form
                .map(|f| f.shown.with(|s| s.form_errors.clone()))
                .unwrap_or_default();
            if let Some(key) = s.alert_key() {
                parts.push(ctx.t(key));
            }
            parts.join(" ")
        }
    })
}

impl FormStatus {
    /// The status of a form that never submits: for a field rendered outside any kit form
    /// (it still renders, inert).
    pub(crate) fn inert(ctx: LoginRocketContext) -> Self {
        FormCore::new(Flow::Login, Vec::new()).status(ctx)
    }
}

/// A kit form's state, read-only: what a view renders. Every form hook returns one.
///
/// ```no_run
/// use leptos::prelude::*;
/// use leptos_loginrocket::prelude::*;
///
/// #[component]
/// fn Messages() -> impl IntoView {
///     let form = use_forgot_password_form();
///     let status = form.status;
///     view! {
///         // offline, timeout, server error, rate-limit countdown, …: one line
///         <p role="status">{move || status.message.get()}</p>
///         <p>{move || status.errors_for(FieldId::Email).join(" ")}</p>
///     }
/// }
/// ```
#[derive(Clone, Copy)]
pub struct FormStatus {
    /// The UI state.
    pub state: Signal<FormState>,
    /// The one localized message for the whole form state (see [`FormState`]): the server's
    /// messages that belong to no field, the state's message, or, while rate limited, how
    /// long the wait is ("try again in N seconds", N fixed when the wait starts, so it is
    /// announced once: show it in a `role="alert"` region). Empty when there is nothing to
    /// say. Server messages are in the language of the request: see
    /// [`server_lang`](Self::server_lang).
    pub message: Signal<String>,
    /// The messages next to their fields: the server's, or ours for a required field left
    /// empty (those follow a language switch).
    pub field_errors: Signal<Vec<(FieldId, String)>>,
    /// Seconds left in a rate-limit cooldown (0 when none). It ticks: show it outside any
    /// live region, or it is announced every second.
    pub cooldown: Signal<u32>,
    /// Submits that ended in an error, counted (move focus when it changes).
    pub failures: Signal<u32>,
    core: FormCore,
}

impl FormStatus {
    /// The messages for `field` (tracks when called reactively).
    pub fn errors_for(&self, field: FieldId) -> Vec<String> {
        self.field_errors.with(|e| {
            e.iter()
                .filter(|(f, _)| *f == field)
                .map(|(_, m)| m.clone())
                .collect()
        })
    }

    /// The language of the server's messages on show (those in [`message`](Self::message);
    /// a field's: [`field_lang`](Self::field_lang)), when there are some: the response's
    /// `Content-Language`, else the request's language where the realm localizes it, else the
    /// realm's fallback ([`KitOptions::server_locales`](crate::context::KitOptions::server_locales)).
    /// After a language switch they stay as they came; put this in their element's `lang` so
    /// that screen readers pronounce them right. Tracks when called reactively.
    pub fn server_lang(&self) -> Option<Locale> {
        self.core.server_messages_lang()
    }

    /// The language of `field`'s messages, when they are the server's: put it in their
    /// element's `lang`, as [`server_lang`](Self::server_lang) for the form's message. `None`
    /// while they are ours ("please fill in …"), which follow the page's language. Tracks
    /// when called reactively.
    ///
    /// ```no_run
    /// use leptos::prelude::*;
    /// use leptos_loginrocket::prelude::*;
    ///
    /// #[component]
    /// fn EmailError(status: FormStatus) -> impl IntoView {
    ///     view! {
    ///         <p lang=move || status.field_lang(FieldId::Email).map(|l| l.to_string())>
    ///             {move || status.errors_for(FieldId::Email).join(" ")}
    ///         </p>
    ///     }
    /// }
    /// ```
    pub fn field_lang(&self, field: FieldId) -> Option<Locale> {
        self.core.field_lang(field)
    }

    /// Shows the answer the server got for this form posted without the wasm.
    pub(crate) fn show_posted(&self, ctx: LoginRocketContext, answer: &PostedAnswer) {
        self.core.show_posted(ctx, answer);
    }

    /// Whether a rate-limit wait ended since the last submit.
    pub(crate) fn wait_over(&self) -> bool {
        self.core.shown.with(|s| s.wait_over)
    }

    /// The Fluent key of `field`'s label on this form (a form may label a field apart from
    /// its name: change password's "New password").
    pub fn label_key(&self, field: FieldId) -> &'static str {
        self.core.label_key(field)
    }

    /// Whether a request is in flight.
    pub fn pending(&self) -> bool {
        self.state.get() == FormState::Submitting
    }

    /// Whether submit is allowed now (not in flight, not cooling down).
    pub fn can_submit(&self) -> bool {
        self.state.get() != FormState::Submitting && self.cooldown.get() == 0
    }

    /// Tells the form the user edited `field`: its messages go away.
    pub fn edited(&self, field: FieldId) {
        self.core.clear_field(field);
    }

    /// Abandons the request in flight, if any (the user went back): its answer is dropped
    /// and the form is ready again.
    pub fn cancel(&self) {
        self.core.cancel();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_servers_messages_are_tagged_with_the_language_they_are_in() {
        let invalid = |language: Option<&str>| {
            let headers: Vec<(String, String)> = language
                .map(|l| ("content-language".to_owned(), l.to_owned()))
                .into_iter()
                .collect();
            Ok(loginrocket::normalize::from_http(
                422,
                &headers,
                br#"{"result":"error","error":"x","errors":["x"]}"#,
            ))
        };
        let de = Locale::new("de").unwrap();
        let localized = [Locale::EN, Locale::ES, Locale::JA];
        // what the server says it answered in
        assert_eq!(
            server_language(&invalid(Some("ja")), Locale::ES, &localized),
            Some(Locale::JA)
        );
        // else the request's language, when the realm speaks it
        assert_eq!(
            server_language(&invalid(None), Locale::ES, &localized),
            Some(Locale::ES)
        );
        let es_mx = Locale::new("es-MX").unwrap();
        assert_eq!(
            server_language(&invalid(None), es_mx, &localized),
            Some(Locale::ES)
        );
        // never a language the realm doesn't localize: its fallback
        assert_eq!(
            server_language(&invalid(None), de, &localized),
            Some(Locale::EN)
        );
        assert_eq!(server_language(&invalid(None), de, &[]), None);
        assert_eq!(
            server_language(&invalid(Some("not a tag!")), de, &localized),
            Some(Locale::EN)
        );
    }
}
