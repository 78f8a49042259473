# leptos-loginrocket: the kit's own strings (English).
# Keys: <flow>-<element>[-<qualifier>]. Every locale has every key (a test checks).

## Field names. They are the labels, and the names the LoginRocket server starts its
## localized validation messages with: messages are attributed to fields by them.
field-email = Email
field-password = Password
field-password-confirmation = Password confirmation
field-current-password = Current password
field-new-password = New password
field-first-name = First name
field-last-name = Last name
field-username = Username
field-org-name = Organization name
field-token = Invitation
field-code = Code

## Client-side checks
field-required = Please fill in { $field }.

## Show-password toggle
password-show = Show password
password-hide = Hide password

## Forms
login-submit = Sign in
login-pending = Signing in…
login-failed = Sign-in failed. Check your details and try again.
signup-submit = Create account
signup-pending = Creating your account…
signup-failed = We couldn't create your account. Please try again.
forgot-submit = Send reset link
forgot-pending = Sending…
forgot-sent = If an account exists for that email, we've sent a link to reset its password.
reset-submit = Set new password
reset-pending = Saving…
reset-done = Your password has been changed.
reset-done-sign-in = Your password has been changed. Please sign in with your new password.
reset-missing-token = This password reset link is incomplete. Please request a new one.
reset-request-new = Request a new link

## States driven by the server's answer
error-rate-limited = Too many attempts. Try again in { $seconds ->
    [one] { $seconds } second
   *[other] { $seconds } seconds
}.
rate-limit-countdown = { $seconds ->
    [one] { $seconds } second left
   *[other] { $seconds } seconds left
}
rate-limit-over = You can try again now.
error-session-expired = Your session has expired. Please sign in again.
error-link-expired = This link is invalid or has expired.
error-offline = You appear to be offline. Check your connection and try again.
error-timeout = The sign-in service took too long to answer. Please try again.
error-unavailable = We can't reach the sign-in service right now. Please try again in a moment.
error-generic = Something went wrong. Please try again.
retry = Try again

## Session
logout-local-only = You're signed out on this device, but we couldn't reach the sign-in service to end the session everywhere.

## Other flows
two-factor-submit = Verify
two-factor-pending = Verifying…
account-picker-hosted = Choose your account on the sign-in page
complete-profile-submit = Continue
complete-profile-pending = Saving…
verify-email-verifying = Verifying your email…
verify-email-done = Your email address is verified.
invitation-submit = Request an invitation
invitation-pending = Sending…
invitation-sent = Thanks! If an invitation can be sent to that email, it's on its way.
profile-submit = Save changes
profile-pending = Saving…
profile-saved = Your profile has been updated.
password-change-submit = Change password
password-change-pending = Saving…
password-changed = Your password has been changed.
logout = Sign out
logged-out = You're signed out.
step-expired = That sign-in step is no longer open. Please sign in again.
next-step-unknown = One more step is needed to finish signing in.
next-step-continue = Continue on the sign-in page

## Auth pages
page-sign-in = Sign in
page-sign-up = Create your account
page-forgot-password = Forgot your password?
page-reset-password = Choose a new password
page-verify-email = Verify your email
page-two-factor = Enter your verification code
page-choose-account = Choose an account
page-complete-profile = Complete your profile
page-profile = Your profile
page-change-password = Change your password
page-request-invitation = Request an invitation
page-next-step = One more step
link-forgot-password = Forgot your password?
link-sign-up = Create an account
link-sign-in = Back to sign in
links-label = Related pages
page-title = { $page } · { $app }
page-load-failed = This page could not be loaded. Check your connection and try again.
locale-load-failed = That language could not be loaded. Check your connection and choose it again.

password-hint = At least { $count ->
    [one] { $count } character
   *[other] { $count } characters
}.

## Hosted sign-in (the realm's LoginRocket pages) and the return from it
hosted-or = or
hosted-continue-with = Continue with { $provider }
hosted-more-ways = More ways to sign in
hosted-last-used = Last used
page-callback = Signing in
callback-checking = Checking your sign-in…
callback-confirm = Continue as { $account }?
callback-confirm-why = You came back from the sign-in page, but that sign-in didn't start here. Continue only if you just signed in.
callback-continue = Continue
callback-missing = This sign-in link is incomplete.
callback-expired = This sign-in link has expired.
callback-invalid = This sign-in link isn't valid, or its sign-in has ended.
callback-sign-in-again = Sign in again
