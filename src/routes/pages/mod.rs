//! The drop-in pages, one component per file: each route of [`AuthRoutes`](crate::routes::AuthRoutes)
//! names its own.

mod callback;
mod change_password;
mod choose_account;
mod complete_profile;
mod forgot_password;
mod next_step;
mod profile;
mod request_invitation;
mod reset_password;
mod sign_in;
mod sign_up;
mod two_factor;
mod verify_email;

pub use callback::CallbackPage;
pub use change_password::ChangePasswordPage;
pub use choose_account::ChooseAccountPage;
pub use complete_profile::CompleteProfilePage;
pub use forgot_password::ForgotPasswordPage;
pub use next_step::NextStepPage;
pub use profile::ProfilePage;
pub use request_invitation::RequestInvitationPage;
pub use reset_password::ResetPasswordPage;
pub use sign_in::SignInPage;
pub use sign_up::SignUpPage;
pub use two_factor::TwoFactorPage;
pub use verify_email::VerifyEmailPage;
