//! `loginrocket-emulator [--port N] [--seed FILE] [--allow-origin ORIGIN]... [--control-origin ORIGIN]... [--login-url URL]...`
//!
//! Binds 127.0.0.1 only (port 0: a free port), prints `listening on http://127.0.0.1:PORT`,
//! and serves until killed. Without `--seed` it loads the built-in demo seed.

use loginrocket_emulator::seed::Seed;
use loginrocket_emulator::{cli, App};

const USAGE: &str = "usage: loginrocket-emulator [--port N] [--seed FILE] [--allow-origin ORIGIN]... [--control-origin ORIGIN]... [--login-url URL]...
  --port N                 port on 127.0.0.1 (default 4000; 0 picks a free one)
  --seed FILE              realm and users (TOML); default: the built-in demo seed
  --allow-origin ORIGIN    CORS origin to allow for the API (repeatable; `*` allows any); replaces the seed's list
  --control-origin ORIGIN  a web origin that may use the control API /_emulator/ (repeatable; never `*`;
                           without one, no web page can: curl and test code still can)
  --login-url URL          a Login URL of the app: the hosted pages send sign-ins back to its origin
                           (repeatable; the first is the default); added to the seed's list";

struct Args {
    port: u16,
    seed: Option<String>,
    origins: Vec<String>,
    control_origins: Vec<String>,
    login_urls: Vec<String>,
}

/// The command line, read (exits with the usage on a bad one).
fn args() -> Args {
    let mut args = Args {
        port: 4000,
        seed: None,
        origins: Vec::new(),
        control_origins: Vec::new(),
        login_urls: Vec::new(),
    };
    cli::read_flags(USAGE, |flag, value| {
        match flag {
            "--port" => args.port = cli::port(&value)?,
            "--seed" => args.seed = Some(value),
            "--allow-origin" => args.origins.push(value),
            "--control-origin" => args.control_origins.push(value),
            "--login-url" => args.login_urls.push(value),
            other => return Err(format!("unknown argument {other:?}")),
        }
        Ok(())
    });
    args
}

#[tokio::main]
async fn main() {
    let args = args();
    let mut seed = match &args.seed {
        Some(path) => match std::fs::read_to_string(path)
            .map_err(|e| e.to_string())
            .and_then(|t| Seed::from_toml(&t))
        {
            Ok(seed) => seed,
            Err(e) => {
                eprintln!("cannot load seed {path}: {e}");
                std::process::exit(2);
            }
        },
        None => Seed::demo(),
    };
    if !args.origins.is_empty() {
        seed.realm.allowed_origins = args.origins;
    }
    seed.control_origins.extend(args.control_origins);
    seed.realm.login_urls.extend(args.login_urls);
    let app = match App::new(seed, false) {
        Ok(app) => app,
        Err(e) => {
            eprintln!("cannot start: {e}");
            std::process::exit(2);
        }
    };
    cli::serve_on_port(args.port, |listener| {
        loginrocket_emulator::serve(listener, app)
    })
    .await;
}
