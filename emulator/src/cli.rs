//! The command line and the listening socket of a dev server: what the emulator's binary
//! and the server-rendered demo's share.

use std::future::Future;

use tokio::net::TcpListener;

/// Reads the command line's `--flag value` pairs: `apply` takes each, and says `Err` for a
/// flag it does not know or a value it can't use. `-h` or `--help` prints `usage` and exits;
/// an error is printed with `usage`, and the process exits with status 2.
///
/// ```no_run
/// let mut port = 4000;
/// loginrocket_emulator::cli::read_flags("usage: app [--port N]", |flag, value| {
///     match flag {
///         "--port" => port = loginrocket_emulator::cli::port(&value)?,
///         other => return Err(format!("unknown argument {other:?}")),
///     }
///     Ok(())
/// });
/// ```
pub fn read_flags(usage: &str, mut apply: impl FnMut(&str, String) -> Result<(), String>) {
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        if flag == "-h" || flag == "--help" {
            println!("{usage}");
            std::process::exit(0);
        }
        let applied = match args.next() {
            Some(value) => apply(&flag, value),
            None => Err(format!("{flag} needs a value")),
        };
        if let Err(e) = applied {
            eprintln!("{e}\n{usage}");
            std::process::exit(2);
        }
    }
}

/// A `--port` value: 0 (any free port) to 65535.
///
/// ```
/// assert_eq!(loginrocket_emulator::cli::port("4000"), Ok(4000));
/// assert!(loginrocket_emulator::cli::port("http").is_err());
/// ```
pub fn port(value: &str) -> Result<u16, String> {
    value
        .parse()
        .map_err(|_| "--port takes a number 0-65535".to_owned())
}

/// Binds 127.0.0.1:`port` (0: any free port), prints `listening on http://ADDR` (the line
/// scripts and tests wait for), and runs `serve` on the listener until it ends or Ctrl-C
/// comes. A failure is printed, and the process exits with status 1.
///
/// ```no_run
/// # async fn run(app: axum::Router) {
/// loginrocket_emulator::cli::serve_on_port(0, |listener| async move {
///     axum::serve(listener, app).await
/// })
/// .await;
/// # }
/// ```
pub async fn serve_on_port<F, Served>(port: u16, serve: F)
where
    F: FnOnce(TcpListener) -> Served,
    Served: Future<Output = std::io::Result<()>>,
{
    let listener = match TcpListener::bind(("127.0.0.1", port)).await {
        Ok(listener) => listener,
        Err(e) => fail(format_args!("cannot bind 127.0.0.1:{port}: {e}")),
    };
    match listener.local_addr() {
        Ok(addr) => println!("listening on http://{addr}"),
        Err(e) => fail(e),
    }
    tokio::select! {
        served = serve(listener) => {
            if let Err(e) = served {
                fail(format_args!("server error: {e}"));
            }
        }
        _ = tokio::signal::ctrl_c() => {}
    }
}

fn fail(message: impl std::fmt::Display) -> ! {
    eprintln!("{message}");
    std::process::exit(1);
}
