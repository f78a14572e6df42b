//! `newsgraph entities`: every entity id the facts files use, for a new article to reuse.

use crate::cli::EntitiesArgs;
use anyhow::bail;
use newsgraph::facts::corpus::{Corpus, Entity, org_kind_name};
use newsgraph::pipeline::{self, Options};
use newsgraph::rdf::iris::Iris;
use std::io::Write;
use std::path::Path;

pub fn run(args: &EntitiesArgs, iris: &Iris, store: Option<&Path>) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    writeln!(out, "id\tkind\tnames\tarticles")?;
    if let Some(dir) = store {
        if !args.facts.is_empty() {
            bail!("--store lists the entities of the articles loaded: leave out facts files");
        }
        return from_store(dir, iris, &mut out);
    }
    let options = Options {
        facts: args.facts.clone(),
        ..Options::default()
    };
    let planned = pipeline::check_all(&options)?;
    let mut corpus = Corpus::new();
    for plan in &planned {
        let facts = match &plan.path {
            Some(path) => newsgraph::Facts::read(path)?,
            None => newsgraph::Facts::embedded(),
        };
        corpus.add(&facts);
    }
    for entity in corpus.entities() {
        line(entity, &mut out)?;
    }
    Ok(())
}

/// One entity as a tab-separated line: id, kind, names, articles.
fn line(entity: &Entity, out: &mut dyn Write) -> anyhow::Result<()> {
    let kind = match entity.org_kind {
        Some(kind) => format!("{} ({})", entity.kind.table(), org_kind_name(kind)),
        None => entity.kind.table().to_owned(),
    };
    let mut names = entity.names.join(" | ");
    if !entity.alt_names.is_empty() {
        names.push_str(&format!("; also {}", entity.alt_names.join(" | ")));
    }
    writeln!(
        out,
        "{}\t{kind}\t{names}\t{}",
        entity.id,
        entity.articles.join(" ")
    )?;
    Ok(())
}

/// The entities of a store's article graphs.
fn from_store(dir: &Path, iris: &Iris, out: &mut dyn Write) -> anyhow::Result<()> {
    let store = super::open_store(dir, false)?;
    for entity in newsgraph::store::entities::entities(&store, iris)? {
        line(&entity, out)?;
    }
    Ok(())
}
