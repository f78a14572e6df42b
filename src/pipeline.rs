//! The whole path from facts files to a loaded store, shared by every command: read and
//! check the facts, find and verify the article text, map, add provenance, load.

use crate::diagnostic::Diagnostics;
use crate::error::{Error, Result};
use crate::facts::Facts;
use crate::ground;
use crate::ground::locate::{self, Located};
use crate::rdf::iris::Iris;
use crate::rdf::mapping::{self, Mapping};
use crate::rdf::provenance::{self, Annotator, Inputs};
use crate::store::GraphStore;
use crate::text::article::ArticleText;
use oxigraph::model::{NamedNode, Triple};
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
    /// How resources are named.
    pub iris: Iris,
    /// Whether the graph carries the provenance layer.
    pub with_provenance: bool,
    /// The time of the mapping run to record, if any.
    pub timestamp: Option<String>,
}

impl Article {
    /// Where each statement comes from ([`provenance::annotate`]), made as it is read; empty
    /// when the provenance layer is left out.
    pub fn provenance(&self) -> impl Iterator<Item = Triple> + '_ {
        let inputs = Inputs {
            facts: &self.facts,
            article: &self.mapping.article,
            graph: &self.mapping.graph,
            text: self.text.as_ref(),
            located: self.located.as_ref(),
            timestamp: self.timestamp.as_deref(),
        };
        self.with_provenance
            .then(|| provenance::annotate(inputs, &self.mapping, &self.iris))
            .into_iter()
            .flatten()
    }

    /// Every triple of the article's graph: its content, then its provenance.
    pub fn triples(&self) -> impl Iterator<Item = Triple> + '_ {
        self.mapping.triples().chain(self.provenance())
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

/// A facts file read, checked, and verified against its text when the text was found.
#[derive(Debug)]
pub struct Checked {
    /// The checked facts.
    pub facts: Facts,
    /// The article's text, when found.
    pub text: Option<ArticleText>,
    /// Where each evidence quote is in that text.
    pub located: Option<Located>,
    /// Relations whose quotes say which way they run in words the reader of structure has
    /// no pattern for: for a person to read (see [`ground::structure::Grounded`]).
    pub unread: Vec<crate::diagnostic::Diagnostic>,
}

/// Reads, checks and verifies every facts file. Every file's problems are reported, not only
/// the first file's.
pub fn check(options: &Options) -> Result<Vec<Checked>> {
    let mut checked = Vec::new();
    check_each(options, |_, c| checked.push(c))?;
    Ok(checked)
}

/// A facts file that [`check_all`] found sound: which article it describes and where it is.
#[derive(Debug, Clone)]
pub struct Planned {
    /// The article id.
    pub id: String,
    /// The facts file; `None` for the embedded article.
    pub path: Option<PathBuf>,
    /// SHA-256 of what the article's graph is made from, its facts file and its text (see
    /// [`Planned::digest`]).
    sources: String,
}

impl Planned {
    /// A SHA-256 digest, in hex, of everything the article's graph is made from: its facts
    /// file, its text (when found), the base IRI, whether provenance is written, and this
    /// version of newsgraph. Two loads with the same digest give the same graph, but for the
    /// time of the run that provenance records; `load` skips an article whose digest the
    /// store already holds.
    pub fn digest(&self, options: &Options, iris: &Iris) -> String {
        crate::text::article::sha256(&format!(
            "{}\n{}\n{}\nnewsgraph {}",
            self.sources,
            iris.base(),
            if options.without_provenance {
                "without provenance"
            } else {
                "with provenance"
            },
            env!("CARGO_PKG_VERSION")
        ))
    }
}

/// Reads, checks and verifies every facts file as [`check`] does, but one at a time, keeping
/// only each file's article id: a corpus need not fit in memory. [`read_planned`] then reads
/// each file again, for mapping.
pub fn check_all(options: &Options) -> Result<Vec<Planned>> {
    let mut planned = Vec::new();
    check_each(options, |path, c| {
        let text = c.text.as_ref().map_or("no text", |t| t.sha256.as_str());
        planned.push(Planned {
            id: c.facts.article_id().to_owned(),
            path: path.map(Path::to_owned),
            sources: crate::text::article::sha256(&format!(
                "{}\n{text}",
                crate::text::article::sha256(c.facts.source().text())
            )),
        });
    })?;
    Ok(planned)
}

/// Reads, checks, verifies and maps one facts file that [`check_all`] planned.
pub fn read_planned(planned: &Planned, options: &Options, iris: &Iris) -> Result<Article> {
    Ok(article(check_planned(planned, options)?, options, iris))
}

/// Reads, checks and verifies each facts file, handing each sound one to `keep` before the
/// next is read; then reports every problem found, if any.
fn check_each(options: &Options, mut keep: impl FnMut(Option<&Path>, Checked)) -> Result<()> {
    if options.source.is_some() && options.facts.len() > 1 {
        return Err(Error::Input(format!(
            "--source names the text of one article, but {} facts files were given",
            options.facts.len()
        )));
    }
    let mut errors = Vec::new();
    let mut paths: Vec<Option<&Path>> = options.facts.iter().map(|p| Some(p.as_path())).collect();
    if paths.is_empty() {
        paths.push(None);
    }
    let mut seen: std::collections::HashMap<String, String> = std::collections::HashMap::new();
    for path in paths {
        let facts = match path {
            Some(path) => match Facts::read(path) {
                Ok(facts) => facts,
                Err(e) => {
                    errors.push(e);
                    continue;
                }
            },
            None => Facts::embedded(),
        };
        let name = facts.source().name().to_owned();
        if let Some(first) = seen.get(facts.article_id()) {
            errors.push(Error::Input(format!(
                "{first} and {name} both describe the article \"{}\": one graph per article, \
                 so give each facts file its own article id",
                facts.article_id()
            )));
            continue;
        }
        seen.insert(facts.article_id().to_owned(), name);
        match check_one(facts, path, options.source.as_deref()) {
            Ok(checked) => keep(path, checked),
            Err(e) => errors.push(e),
        }
    }
    match errors.len() {
        0 => Ok(()),
        1 => Err(errors.remove(0)),
        _ => Err(Error::Several(errors)),
    }
}

/// Finds the text of one article's facts and verifies its quotes.
fn check_one(facts: Facts, path: Option<&Path>, source: Option<&Path>) -> Result<Checked> {
    let text = find_text(&facts, path, source)?;
    let mut unread = Vec::new();
    let located = match &text {
        Some(text) => {
            let located = locate::locate(&facts, text)
                .map_err(|missing| Error::Quotes(Diagnostics(missing)))?;
            // With the quotes found, check that they say what the records say.
            let grounded = ground::records(&facts, text, &located);
            if !grounded.errors.is_empty() {
                return Err(Error::Facts(Diagnostics(grounded.errors)));
            }
            unread = grounded.unread;
            Some(located)
        }
        None => None,
    };
    Ok(Checked {
        facts,
        text,
        located,
        unread,
    })
}

/// Maps one checked facts file.
fn article(c: Checked, options: &Options, iris: &Iris) -> Article {
    Article {
        mapping: mapping::map(&c.facts, iris),
        facts: c.facts,
        text: c.text,
        located: c.located,
        iris: iris.clone(),
        with_provenance: !options.without_provenance,
        timestamp: options.timestamp.clone(),
    }
}

impl Checked {
    /// How many distinct triples the article's graph holds, with its provenance, counted
    /// without holding the graph: each triple of [`Checked::stream`] is remembered by a
    /// 64-bit hash.
    pub fn triple_count(&self, iris: &Iris) -> usize {
        use std::hash::{BuildHasher, BuildHasherDefault, DefaultHasher};
        let hasher = BuildHasherDefault::<DefaultHasher>::default();
        let streamed = self.stream(iris, true, None);
        let mut hashes: Vec<u64> = streamed.triples().map(|t| hasher.hash_one(&t)).collect();
        hashes.sort_unstable();
        hashes.dedup();
        hashes.len()
    }

    /// The article's graph, to be made record by record as it is read ([`Streamed`]), with
    /// its provenance when `provenance` is set, recording `timestamp` as the time of the run.
    pub fn stream<'a>(
        &'a self,
        iris: &'a Iris,
        provenance: bool,
        timestamp: Option<&'a str>,
    ) -> Streamed<'a> {
        let id = self.facts.article_id();
        Streamed {
            checked: self,
            iris,
            article: iris.article(id),
            graph: iris.graph(id),
            provenance,
            timestamp,
        }
    }
}

/// A checked article's graph made as it is read: the facts are mapped one record at a time
/// and each record's provenance made beside it, so only one record's triples are held at
/// once (and, for the provenance, the label of every resource the article names). The same
/// triples as [`Article::triples`], in another order and with some repeated.
#[derive(Debug)]
pub struct Streamed<'a> {
    checked: &'a Checked,
    iris: &'a Iris,
    article: NamedNode,
    graph: NamedNode,
    provenance: bool,
    timestamp: Option<&'a str>,
}

impl Streamed<'_> {
    /// The article's named graph.
    pub fn graph(&self) -> &NamedNode {
        &self.graph
    }

    /// Every triple of the article's graph, record by record: each record's content, then
    /// its provenance; the provenance of the mapping run first.
    pub fn triples(&self) -> impl Iterator<Item = Triple> + '_ {
        let (facts, iris) = (&self.checked.facts, self.iris);
        let mut annotator = self.provenance.then(|| {
            let labels = mapping::map_records(facts, iris)
                .flat_map(|r| r.labels().collect::<Vec<_>>())
                .collect();
            let inputs = Inputs {
                facts,
                article: &self.article,
                graph: &self.graph,
                text: self.checked.text.as_ref(),
                located: self.checked.located.as_ref(),
                timestamp: self.timestamp,
            };
            Annotator::new(inputs, labels, iris)
        });
        let run = annotator.as_mut().map(Annotator::run).unwrap_or_default();
        run.into_iter()
            .chain(mapping::map_records(facts, iris).flat_map(move |record| {
                let provenance = annotator
                    .as_mut()
                    .map(|a| a.record(&record))
                    .unwrap_or_default();
                let content: Vec<Triple> = record.all_triples().collect();
                content.into_iter().chain(provenance)
            }))
    }
}

/// Reads and checks one facts file that [`check_all`] planned, and verifies it against its
/// text, without mapping it: [`Checked::stream`] then makes its graph.
pub fn check_planned(planned: &Planned, options: &Options) -> Result<Checked> {
    let facts = match &planned.path {
        Some(path) => Facts::read(path)?,
        None => Facts::embedded(),
    };
    check_one(facts, planned.path.as_deref(), options.source.as_deref())
}

/// Reads, checks, verifies and maps every facts file; nothing is loaded until all succeed.
/// Every file's problems are reported, not only the first file's.
pub fn read(options: &Options, iris: &Iris) -> Result<Vec<Article>> {
    let articles = check(options)?
        .into_iter()
        .map(|c| article(c, options, iris))
        .collect();
    Ok(articles)
}

/// Reads every facts file as [`read`] does, then loads them all into a new store and derives
/// the corpus layer over them ([`crate::store::corpus`]).
pub fn load(options: &Options, iris: &Iris) -> Result<Loaded> {
    let articles = read(options, iris)?;
    let mut store = GraphStore::new()?;
    for article in &articles {
        store.add(&article.mapping.graph, article.triples())?;
    }
    store.refresh_corpus()?;
    Ok(Loaded { articles, store })
}

/// The corpus layer over the facts files of `options` ([`crate::store::corpus`]), exactly as
/// `newsgraph query --facts` sees it: every file read and loaded as [`load`] does, the layer
/// derived over them, then read back from its graph ([`GraphStore::corpus_layer`]). Its
/// triples belong in the graph [`crate::rdf::vocab::CORPUS_GRAPH`], not in the default graph.
/// Errors are those of [`load`] (a facts file that fails its checks, and so on).
pub fn corpus_layer(options: &Options, iris: &Iris) -> Result<Vec<Triple>> {
    load(options, iris)?.store.corpus_layer()
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
