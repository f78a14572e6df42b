//! What each subcommand does; `newsgraph` dispatches here after parsing its arguments.

mod check;
mod draft;
mod export;
mod queries;
mod query;
#[cfg(feature = "serve")]
mod serve;
mod verify;
mod why;

use crate::cli::{Cli, Command, SourceArg};
use newsgraph::iris::Iris;
use newsgraph::pipeline::{self, Article, Options};
use std::path::PathBuf;

/// Runs the command line.
pub fn run(cli: Cli) -> anyhow::Result<()> {
    let iris = Iris::new(&cli.base)?;
    match cli.command {
        Command::Export(args) => export::run(&args, &iris),
        Command::Query(args) => query::run(&args, &iris),
        Command::Queries => queries::run(),
        Command::Check(args) => check::run(&args, &iris),
        Command::Verify(args) => verify::run(&args, &iris),
        Command::Why(args) => why::run(&args, &iris),
        #[cfg(feature = "serve")]
        Command::Serve(args) => serve::run(&args, &iris),
        Command::Draft(args) => draft::run(&args),
    }
}

/// Reads, checks and verifies one facts file (the embedded article when `None`), without
/// the provenance layer.
fn read_one(facts: Option<&PathBuf>, source: &SourceArg, iris: &Iris) -> anyhow::Result<Article> {
    let options = Options {
        facts: facts.into_iter().cloned().collect(),
        source: source.source.clone(),
        without_provenance: true,
        ..Options::default()
    };
    let mut articles = pipeline::read(&options, iris)?;
    Ok(articles.remove(0))
}
