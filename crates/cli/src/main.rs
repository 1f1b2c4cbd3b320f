//! `sanctuary`: the headless command line over `sanctuary-core`, for tests,
//! scripts, benchmarks and admins. It parses, unlocks, calls one core
//! function and prints; it knows nothing of SQL, crypto or Automerge.
//!
//! Exit codes: 0 on success, 1 for bad input, a wrong passphrase or any other
//! refusal (one sentence on stderr), 2 for usage errors (from clap).

/// `println!` that ends the program quietly when the reader has gone away
/// (`sanctuary ambassador list | head`), instead of panicking.
macro_rules! say {
    ($($arg:tt)*) => { $crate::output::write_line(format_args!($($arg)*)) };
}

mod args;
mod bench;
mod commands;
mod matching;
mod output;
mod passphrase;
mod privacy;
mod recognition;
mod reports;
mod sheets;
mod sync;
mod training;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = args::Cli::parse();
    match commands::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::from(1)
        }
    }
}
