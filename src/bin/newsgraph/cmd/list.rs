//! `newsgraph list`: the articles in the store.

use std::io::Write;
use std::path::Path;

pub fn run(dir: &Path) -> anyhow::Result<()> {
    let store = super::open_store(dir, false)?;
    let articles = store.articles()?;
    let width = articles
        .iter()
        .map(|a| a.id.len())
        .max()
        .unwrap_or(0)
        .max(7);
    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "{:width$}  {:>9}  {:20}  source",
        "article", "triples", "loaded"
    )?;
    for a in &articles {
        writeln!(
            out,
            "{:width$}  {:>9}  {:20}  {}",
            a.id, a.triples, a.loaded, a.source
        )?;
    }
    let total: u64 = articles.iter().map(|a| a.triples).sum();
    writeln!(out, "{} articles, {total} triples", articles.len())?;
    Ok(())
}
