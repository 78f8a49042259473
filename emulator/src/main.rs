//! `loginrocket-emulator [--port N] [--seed FILE] [--allow-origin ORIGIN]... [--control-origin ORIGIN]... [--login-url URL]...`
//!
//! Binds 127.0.0.1 only (port 0: a free port), prints `listening on http://127.0.0.1:PORT`,
//! and serves until killed. Without `--seed` it loads the built-in demo seed.

use loginrocket_emulator::seed::Seed;
use loginrocket_emulator::App;

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

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        port: 4000,
        seed: None,
        origins: Vec::new(),
        control_origins: Vec::new(),
        login_urls: Vec::new(),
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let mut value = || it.next().ok_or_else(|| format!("{flag} needs a value"));
        match flag.as_str() {
            "--port" => {
                args.port = value()?
                    .parse()
                    .map_err(|_| "--port takes a number 0-65535".to_string())?
            }
            "--seed" => args.seed = Some(value()?),
            "--allow-origin" => args.origins.push(value()?),
            "--control-origin" => args.control_origins.push(value()?),
            "--login-url" => args.login_urls.push(value()?),
            "-h" | "--help" => {
                println!("{USAGE}");
                std::process::exit(0);
            }
            other => return Err(format!("unknown argument {other:?}")),
        }
    }
    Ok(args)
}

#[tokio::main]
async fn main() {
    let args = match parse_args() {
        Ok(args) => args,
        Err(e) => {
            eprintln!("{e}\n{USAGE}");
            std::process::exit(2);
        }
    };
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
    let listener = match tokio::net::TcpListener::bind(("127.0.0.1", args.port)).await {
        Ok(l) => l,
        Err(e) => {
            eprintln!("cannot bind 127.0.0.1:{}: {e}", args.port);
            std::process::exit(1);
        }
    };
    match listener.local_addr() {
        Ok(addr) => println!("listening on http://{addr}"),
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    }
    tokio::select! {
        served = loginrocket_emulator::serve(listener, app) => {
            if let Err(e) = served {
                eprintln!("server error: {e}");
                std::process::exit(1);
            }
        }
        _ = tokio::signal::ctrl_c() => {}
    }
}
