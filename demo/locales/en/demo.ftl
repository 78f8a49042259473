# The demo's own strings (English), added to the kit's catalog with Catalog::with_overrides.
# Keys start with demo- so that they never shadow one of the kit's.
demo-title = leptos-loginrocket demo
demo-nav = Demo
demo-nav-home = Home
demo-nav-protected = Protected
demo-nav-sign-in = Sign in
demo-nav-sign-up = Sign up
demo-nav-custom = Custom sign-in
demo-language = Language
demo-signed-out = Signed out
demo-conditional = A step is left: { $conditions }
demo-signed-in = Signed in as { $email } (account { $account })
demo-users = Demo users
demo-password-for-all = Password for all:
demo-user-ann = plain user
demo-user-tom = two-factor (code: GET /_emulator/totp?email=tom@example.com)
demo-user-mia = two organizations; saved locale: es
demo-user-una = email not verified yet
demo-remember = Keep me signed in on this device (every tab shares the session; reloads the page)
demo-protected = Protected page
demo-protected-title = Protected
demo-claims = Token claims (decoded for display only; the backend verifies the signature):
demo-selected-account = Account: { $name }. { $count ->
    [0] No permissions there.
   *[other] Permissions there: { $permissions }.
}
demo-refresh = Refresh session
demo-switch-account = Switch account
demo-hosted-accounts = Switch on the hosted page
demo-account = Account
demo-edit-profile = Edit profile
demo-change-password = Change password
demo-lab = Failure lab
demo-lab-rate-limit = Rate limit
demo-lab-rate-limit-next = rate limited (5 s)
demo-lab-timeout = Time out
demo-lab-timeout-next = hangs past the timeout
demo-lab-server-error = Server error
demo-lab-server-error-next = server error
demo-lab-garbage = Garbage
demo-lab-garbage-next = garbage body
demo-lab-expired = Session expired
demo-lab-expired-next = session expired
demo-lab-queued = Next request: { $fault }
demo-lab-unreachable = The emulator is not reachable
demo-not-found = Page not found
