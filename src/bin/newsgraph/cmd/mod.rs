//! What each subcommand does; `newsgraph` dispatches here after parsing its arguments.

mod check;
mod draft;
mod entities;
mod export;
mod list;
mod load;
mod queries;
mod query;
mod remove;
#[cfg(feature = "serve")]
mod serve;
mod verify;
mod why;

use crate::cli::{Cli, Command, SourceArg};
use anyhow::bail;
use newsgraph::GraphStore;
use newsgraph::pipeline::{self, Article, Options};
use newsgraph::rdf::iris::Iris;
use std::path::{Path, PathBuf};

/// Runs the command line.
pub fn run(cli: Cli) -> anyhow::Result<()> {
    let iris = Iris::new(&cli.base)?;
    let store = cli.store.as_deref();
    if store.is_some() && matches!(cli.command, Command::Verify(_) | Command::Why(_)) {
        bail!("verify and why read facts files and article texts, not a store: leave out --store");
    }
    match cli.command {
        Command::Export(args) => export::run(&args, &iris, store),
        Command::Query(args) => query::run(&args, &iris, store),
        Command::Queries => queries::run(),
        Command::Check(args) => check::run(&args, &iris, store),
        Command::Verify(args) => verify::run(&args, &iris),
        Command::Why(args) => why::run(&args, &iris),
        #[cfg(feature = "serve")]
        Command::Serve(args) => serve::run(&args, &iris, store),
        Command::Draft(args) => draft::run(&args, &iris, store),
        Command::Load(args) => load::run(&args, &iris, need_store(store, "load")?),
        Command::List => list::run(need_store(store, "list")?),
        Command::Remove(args) => remove::run(&args, need_store(store, "remove")?),
        Command::Entities(args) => entities::run(&args, &iris, store),
    }
}

/// The --store directory, which `command` cannot do without.
fn need_store<'a>(store: Option<&'a Path>, command: &str) -> anyhow::Result<&'a Path> {
    store.ok_or_else(|| {
        anyhow::anyhow!("{command} works on an on-disk store: give --store DIR before it")
    })
}

/// Opens the on-disk store in `dir`: for writing (creating it if need be), or for reading.
#[cfg(feature = "rocksdb")]
fn open_store(dir: &Path, write: bool) -> anyhow::Result<GraphStore> {
    Ok(if write {
        GraphStore::open(dir)?
    } else {
        GraphStore::open_read_only(dir)?
    })
}

/// Without the `rocksdb` feature there is no on-disk store.
#[cfg(not(feature = "rocksdb"))]
fn open_store(dir: &Path, _write: bool) -> anyhow::Result<GraphStore> {
    bail!(
        "--store {} needs newsgraph built with the rocksdb feature \
         (cargo install --path . --features rocksdb)",
        dir.display()
    )
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

/// Prints, on standard error, the relations whose direction the reader of structure could not
/// read (see `Checked::unread`), one `note:` line each.
pub fn print_unread(unread: &[newsgraph::diagnostic::Diagnostic]) {
    for note in unread {
        eprintln!("note: {note}");
    }
}
