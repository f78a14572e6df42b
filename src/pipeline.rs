//! The whole path from facts files to a loaded store, shared by every command: read and
//! check the facts, find and verify the article text, map, add provenance, load.

use crate::diagnostic::Diagnostics;
use crate::error::{Error, Result};
use crate::facts::Facts;
use crate::ground;
use crate::iris::Iris;
use crate::mapping::{self, Mapping};
use crate::provenance::{self, Inputs};
use crate::source::ArticleText;
use crate::store::GraphStore;
use crate::verify::{self, Located};
use oxigraph::model::Triple;
use std::path::{Path, PathBuf};

/// The environment variable naming a directory of article texts, searched for the file a
/// facts file's `article.source` names.
pub const ARTICLES_ENV: &str = "NEWSGRAPH_ARTICLES";

/// What to load, and how.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Facts files; the embedded article when empty.
    pub facts: Vec<PathBuf>,
    /// The article text, for a single facts file; otherwise each facts file's `source` is
    /// looked up beside it and in `$NEWSGRAPH_ARTICLES`.
    pub source: Option<PathBuf>,
    /// Leave out the provenance layer (annotations, statements, the mapping run).
    pub without_provenance: bool,
    /// Record this `xsd:dateTime` as the time of the mapping run.
    pub timestamp: Option<String>,
}

/// One article, read, checked, verified when its text is at hand, and mapped.
#[derive(Debug)]
pub struct Article {
    /// The checked facts.
    pub facts: Facts,
    /// The article's text, when found.
    pub text: Option<ArticleText>,
    /// Where each evidence quote is in that text.
    pub located: Option<Located>,
    /// What the records state.
    pub mapping: Mapping,
    /// Where each statement comes from (empty when left out).
    pub provenance: Vec<Triple>,
}

impl Article {
    /// Every triple of the article's graph: its content, then its provenance.
    pub fn triples(&self) -> impl Iterator<Item = Triple> + '_ {
        self.mapping
            .triples()
            .chain(self.provenance.iter().cloned())
    }
}

/// Articles loaded into a store.
#[derive(Debug)]
pub struct Loaded {
    /// The articles, in the order given.
    pub articles: Vec<Article>,
    /// The store holding them and the ontology.
    pub store: GraphStore,
}

/// Reads, checks, verifies and maps every facts file; nothing is loaded until all succeed.
pub fn read(options: &Options, iris: &Iris) -> Result<Vec<Article>> {
    if options.source.is_some() && options.facts.len() > 1 {
        return Err(Error::Input(format!(
            "--source names the text of one article, but {} facts files were given",
            options.facts.len()
        )));
    }
    let inputs: Vec<(Facts, Option<&Path>)> = if options.facts.is_empty() {
        vec![(Facts::embedded(), None)]
    } else {
        options
            .facts
            .iter()
            .map(|path| Ok((Facts::read(path)?, Some(path.as_path()))))
            .collect::<Result<_>>()?
    };
    let mut articles = Vec::new();
    for (facts, path) in inputs {
        let text = find_text(&facts, path, options.source.as_deref())?;
        let located = match &text {
            Some(text) => {
                let located =
                    verify::locate(&facts, text).map_err(|d| Error::Quotes(Diagnostics(d)))?;
                // With the quotes found, check that they say what the records say.
                ground::ground(&facts).map_err(|d| Error::Facts(Diagnostics(d)))?;
                Some(located)
            }
            None => None,
        };
        let mapping = mapping::map(&facts, iris);
        let mut provenance = Vec::new();
        if !options.without_provenance {
            provenance = provenance::annotate(
                Inputs {
                    facts: &facts,
                    mapping: &mapping,
                    text: text.as_ref(),
                    located: located.as_ref(),
                    timestamp: options.timestamp.as_deref(),
                },
                iris,
            );
        }
        articles.push(Article {
            facts,
            text,
            located,
            mapping,
            provenance,
        });
    }
    Ok(articles)
}

/// Reads every facts file as [`read`] does, then loads them all into a new store.
pub fn load(options: &Options, iris: &Iris) -> Result<Loaded> {
    let articles = read(options, iris)?;
    let mut store = GraphStore::new()?;
    for article in &articles {
        store.add(&article.mapping.graph, article.triples())?;
    }
    Ok(Loaded { articles, store })
}

/// The article text: the one given, else the file the facts name, looked up in
/// `$NEWSGRAPH_ARTICLES` and beside the facts file.
fn find_text(
    facts: &Facts,
    facts_path: Option<&Path>,
    given: Option<&Path>,
) -> Result<Option<ArticleText>> {
    if let Some(path) = given {
        return ArticleText::read(path).map(Some);
    }
    let Some(name) = &facts.file().article.source else {
        return Ok(None);
    };
    let mut dirs: Vec<PathBuf> = std::env::var_os(ARTICLES_ENV)
        .map(PathBuf::from)
        .into_iter()
        .collect();
    if let Some(dir) = facts_path.and_then(Path::parent) {
        dirs.push(dir.to_owned());
    }
    dirs.iter()
        .map(|dir| dir.join(name.get_ref()))
        .find(|candidate| candidate.is_file())
        .map(|path| ArticleText::read(&path))
        .transpose()
}
