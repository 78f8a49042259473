//! Signs in to a LoginRocket realm from the terminal, with the client crate alone (no
//! Leptos): `lr-sign-in <realm URL> <email>`. The password, and the two-factor code when the
//! realm asks for one, are read from standard input, never from the arguments (a process
//! list shows those). It prints the account signed in to, never the token or the session.
//!
//! Against the emulator (`loginrocket-emulator`, password `demo-password` for every seed user):
//!
//! ```sh
//! cargo run -p example-cli -- http://127.0.0.1:4000 tom@example.com
//! # Tom has two-factor: his current code
//! curl 'http://127.0.0.1:4000/_emulator/totp?email=tom@example.com'
//! ```

use std::process::ExitCode;

use loginrocket::{Condition, Config, LoginParams, LoginRocket, Response, VerifyLoginParams};
use tokio::io::{AsyncBufReadExt, BufReader};

/// What a sign-in came to.
#[derive(Debug, PartialEq)]
pub enum Outcome {
    /// Signed in, to this account.
    SignedIn {
        /// The account's id.
        account: String,
    },
    /// The realm wants a step this tool doesn't take (choose an account, complete the
    /// profile): finish it in the app.
    NextStep(Vec<Condition>),
    /// Refused, with the realm's (localized) message, or the kit's words for a failure of
    /// the network.
    Refused(String),
}

/// Signs `email` in with `password`, asking `code` for a two-factor code when the realm
/// wants one.
pub async fn sign_in(
    client: &LoginRocket,
    email: &str,
    password: String,
    code: impl std::future::Future<Output = String>,
) -> Result<Outcome, loginrocket::Error> {
    let mut answer = client.login(&LoginParams::new(email, password)).await?;
    if let Response::ConditionalLogin(next) = &answer {
        if next.has(&Condition::MustVerifyLogin) {
            let code = loginrocket::normalize_code(&code.await);
            answer = client
                .verify_login(&VerifyLoginParams::new(next.session.clone(), code))
                .await?;
        }
    }
    Ok(match answer {
        Response::FullLogin(login) => Outcome::SignedIn {
            account: login.account,
        },
        Response::ConditionalLogin(next) => Outcome::NextStep(next.conditions),
        Response::Error(e) => Outcome::Refused(e.error),
        other => Outcome::Refused(format!(
            "an answer this tool doesn't know: {}",
            other.result()
        )),
    })
}

/// The next line of standard input (one reader for every line: a piped input's lines may
/// arrive in one read), after `prompt` on standard error.
async fn read_line(
    stdin: &mut tokio::io::Lines<BufReader<tokio::io::Stdin>>,
    prompt: &str,
) -> String {
    eprint!("{prompt}");
    stdin.next_line().await.ok().flatten().unwrap_or_default()
}

#[tokio::main]
async fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [url, email] = args.as_slice() else {
        eprintln!("usage: lr-sign-in <realm URL> <email>   (the password is read from stdin)");
        return ExitCode::from(2);
    };
    let client = match LoginRocket::new(Config::new(url.as_str())) {
        Ok(client) => client,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    let mut stdin = BufReader::new(tokio::io::stdin()).lines();
    let password = read_line(&mut stdin, "password: ").await;
    let code = read_line(&mut stdin, "two-factor code: ");
    match sign_in(&client, email, password, code).await {
        Ok(Outcome::SignedIn { account }) => {
            println!("signed in to account {account}");
            ExitCode::SUCCESS
        }
        Ok(Outcome::NextStep(conditions)) => {
            eprintln!("one more step, in the app: {conditions:?}");
            ExitCode::FAILURE
        }
        Ok(Outcome::Refused(message)) => {
            eprintln!("{message}");
            ExitCode::FAILURE
        }
        Err(e) => {
            eprintln!("{e}");
            ExitCode::from(2)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    async fn emulator() -> (loginrocket_emulator::Running, LoginRocket) {
        let emu = loginrocket_emulator::spawn(loginrocket_emulator::seed::Seed::demo())
            .await
            .unwrap();
        let client = LoginRocket::new(Config::new(emu.url.as_str())).unwrap();
        (emu, client)
    }

    #[tokio::test]
    async fn a_plain_user_signs_in_without_being_asked_for_a_code() {
        let (_emu, client) = emulator().await;
        let outcome = sign_in(&client, "ann@example.com", "demo-password".into(), async {
            panic!("no code is asked of a user without two-factor")
        })
        .await
        .unwrap();
        assert!(matches!(outcome, Outcome::SignedIn { account } if account.starts_with("org_")));
    }

    #[tokio::test]
    async fn a_two_factor_user_signs_in_with_the_code_typed_with_a_space() {
        let (emu, client) = emulator().await;
        let totp: serde_json::Value = reqwest::get(format!(
            "{}/_emulator/totp?email=tom%40example.com",
            emu.url
        ))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
        let code = totp["code"].as_str().unwrap().to_owned();
        let typed = format!("{} {}", &code[..3], &code[3..]);
        let outcome = sign_in(&client, "tom@example.com", "demo-password".into(), async {
            typed
        })
        .await
        .unwrap();
        assert!(matches!(outcome, Outcome::SignedIn { .. }), "{outcome:?}");
    }

    #[tokio::test]
    async fn a_wrong_password_is_refused_with_the_realms_message() {
        let (_emu, client) = emulator().await;
        let outcome = sign_in(&client, "ann@example.com", "wrong".into(), async {
            String::new()
        })
        .await
        .unwrap();
        assert_eq!(outcome, Outcome::Refused("Login failed".into()));
    }
}
