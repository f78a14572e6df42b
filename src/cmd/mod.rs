//! What each subcommand does; `newsgraph` dispatches here after parsing its arguments.

mod check;
mod export;
mod queries;
mod query;

use crate::cli::{Cli, Command};
use crate::iris::Iris;

/// Runs the command line.
pub fn run(cli: Cli) -> anyhow::Result<()> {
    let iris = Iris::new(&cli.base)?;
    match cli.command {
        Command::Export(args) => export::run(&args, &iris),
        Command::Query(args) => query::run(&args, &iris),
        Command::Queries => queries::run(),
        Command::Check(args) => check::run(&args, &iris),
    }
}
