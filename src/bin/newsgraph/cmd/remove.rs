//! `newsgraph remove`: drop articles from the store, each in one transaction.

use crate::cli::RemoveArgs;
use anyhow::bail;
use std::path::Path;

pub fn run(args: &RemoveArgs, dir: &Path) -> anyhow::Result<()> {
    let mut store = super::open_store(dir, true)?;
    let known: Vec<String> = store.articles()?.into_iter().map(|a| a.id).collect();
    let missing: Vec<&String> = args.ids.iter().filter(|id| !known.contains(id)).collect();
    if !missing.is_empty() {
        let names: Vec<String> = missing.iter().map(|id| format!("\"{id}\"")).collect();
        bail!(
            "the store {} has no article {} (see `newsgraph --store {} list`)",
            dir.display(),
            names.join(", "),
            dir.display()
        );
    }
    for id in &args.ids {
        if let Some(entry) = store.remove_article(id)? {
            eprintln!("removed {id} ({} triples)", entry.triples);
        }
    }
    Ok(())
}
