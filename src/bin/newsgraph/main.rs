//! The `newsgraph` command: parse the arguments, run, and choose the exit code on purpose:
//! 0 on success (and when the reader of our output goes away), 2 on any error, reported one
//! line per problem.

mod cli;
mod cmd;
mod output;

use clap::Parser;
use std::io::Write;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    // A server shuts down gracefully on its own; every other command removes its temporary
    // files when a signal ends it.
    #[cfg(feature = "serve")]
    let serving = matches!(cli.command, cli::Command::Serve(_));
    #[cfg(not(feature = "serve"))]
    let serving = false;
    let signals = if serving {
        Ok(())
    } else {
        output::clean_up_on_signals()
    };
    match signals.and_then(|()| cmd::run(cli)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            report(&err);
            ExitCode::from(2)
        }
    }
}

/// Writes an error to standard error: a facts file's or quotes' problems one per line, each
/// already naming its file, line and column; anything else on one line.
fn report(err: &anyhow::Error) {
    match err.downcast_ref::<newsgraph::Error>() {
        Some(
            error @ (newsgraph::Error::Facts(_)
            | newsgraph::Error::Quotes(_)
            | newsgraph::Error::Several(_)),
        ) => {
            let problems = error.lines();
            let mut err = std::io::stderr().lock();
            for problem in &problems {
                let _ = writeln!(err, "error: {problem}");
            }
            if problems.len() > 1 {
                let _ = writeln!(err, "{} problems found", problems.len());
            }
        }
        _ => {
            // Each cause once: a cause whose text ends the one before it adds nothing.
            let mut message = String::new();
            for cause in err.chain() {
                let text = cause.to_string();
                if !message.ends_with(&text) {
                    if !message.is_empty() {
                        message.push_str(": ");
                    }
                    message.push_str(&text);
                }
            }
            eprintln!(
                "error: {}",
                message.split_whitespace().collect::<Vec<_>>().join(" ")
            );
        }
    }
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        let io = match cause.downcast_ref::<newsgraph::Error>() {
            Some(newsgraph::Error::Write(e)) => Some(e),
            _ => cause.downcast_ref::<std::io::Error>(),
        };
        io.is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
