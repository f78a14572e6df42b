//! The whole path from facts files to a loaded store, shared by every command.

use crate::facts::Facts;
use crate::iris::Iris;
use crate::mapper::{self, Mapping};
use crate::store::GraphStore;
use std::path::PathBuf;

/// Facts files read, mapped and loaded.
#[derive(Debug)]
pub struct Loaded {
    /// The checked facts, one per file.
    pub facts: Vec<Facts>,
    /// Their mappings, in the same order.
    pub mappings: Vec<Mapping>,
    /// The store holding them and the ontology.
    pub store: GraphStore,
}

/// Reads the facts files at `paths` (the embedded article when there are none), checks them
/// all, and only then maps and loads them.
pub fn load(paths: &[PathBuf], iris: &Iris) -> anyhow::Result<Loaded> {
    let facts = if paths.is_empty() {
        vec![Facts::embedded()]
    } else {
        paths
            .iter()
            .map(|path| Facts::read(path))
            .collect::<anyhow::Result<Vec<_>>>()?
    };
    let mappings: Vec<Mapping> = facts.iter().map(|f| mapper::map(f, iris)).collect();
    let mut store = GraphStore::new()?;
    for mapping in &mappings {
        store.add(mapping)?;
    }
    Ok(Loaded {
        facts,
        mappings,
        store,
    })
}
