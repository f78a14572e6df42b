//! The `newsgraph` command: parse the arguments, run, and choose the exit code on purpose:
//! 0 on success (and when the reader of our output goes away), 2 on any error.

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = newsgraph::cli::Cli::parse();
    match newsgraph::cmd::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            for line in format!("{err:#}").lines() {
                eprintln!("error: {line}");
            }
            ExitCode::from(2)
        }
    }
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
