//! The `newsgraph` command: parse the arguments, run, and choose the exit code on purpose:
//! 0 on success (and when the reader of our output goes away), 2 on any error, reported one
//! line per problem.

use clap::Parser;
use newsgraph::diagnostic::Diagnostics;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = newsgraph::cli::Cli::parse();
    match newsgraph::cmd::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            let message = format!("{err:#}");
            if err.chain().any(|cause| cause.is::<Diagnostics>()) {
                // One problem per line, each already naming its file, line and column.
                for line in message.lines() {
                    eprintln!("error: {line}");
                }
            } else {
                eprintln!(
                    "error: {}",
                    message.split_whitespace().collect::<Vec<_>>().join(" ")
                );
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
