//! The whole path from facts files to a loaded store, shared by every command: read and
//! check the facts, find and verify the article text, map, add provenance, load.

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::error::{Error, Result};
use crate::facts::{Facts, Pieces};
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

/// Reads, checks and verifies every facts file a piece at a time ([`Pieces`]; a file of less
/// than 8 MiB is one piece), handing each sound piece to `keep`, with the file it comes from,
/// before the next is read. Every file's problems are reported, not only the first file's.
pub fn check_pieces_of(
    options: &Options,
    keep: impl FnMut(Option<&Path>, Checked) -> Result<()>,
) -> Result<()> {
    check_each(options, true, keep)
}

/// Reads, checks and verifies every facts file, each whole. Every file's problems are
/// reported, not only the first file's.
pub fn check(options: &Options) -> Result<Vec<Checked>> {
    let mut checked = Vec::new();
    check_each(options, false, |_, c| {
        checked.push(c);
        Ok(())
    })?;
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

/// Reads, checks and verifies every facts file as [`check`] does, but one at a time and each
/// a piece at a time ([`Pieces`]), keeping only each file's article id: a corpus, or an
/// article, need not fit in memory. [`stream_planned`] then reads each file again.
pub fn check_all(options: &Options) -> Result<Vec<Planned>> {
    let mut planned = Vec::new();
    check_each(options, true, |path, c| {
        if c.facts.holds_article() {
            let text = c.text.as_ref().map_or("no text", |t| t.sha256.as_str());
            planned.push(Planned {
                id: c.facts.article_id().to_owned(),
                path: path.map(Path::to_owned),
                sources: crate::text::article::sha256(&format!("{}\n{text}", c.facts.sha256())),
            });
        }
        Ok(())
    })?;
    Ok(planned)
}

/// Reads, checks and verifies one facts file that [`check_all`] planned, a piece at a time,
/// and hands each piece's triples to `take`: its content and, unless `options` leave it out,
/// its provenance. Returns the article's named graph. The triples are those of
/// [`Article::triples`], in another order and with some repeated.
pub fn stream_planned(
    planned: &Planned,
    options: &Options,
    iris: &Iris,
    mut take: impl FnMut(&mut dyn Iterator<Item = Triple>) -> Result<()>,
) -> Result<NamedNode> {
    let source = match &planned.path {
        Some(path) => Source::pieces(path, options.source.as_deref())?,
        None => Source::Whole(Box::new(Facts::embedded())),
    };
    let graph = iris.graph(&planned.id);
    let provenance = !options.without_provenance;
    let timestamp = options.timestamp.as_deref();
    check_pieces(
        source,
        planned.path.as_deref(),
        options.source.as_deref(),
        |checked| take(&mut checked.stream(iris, provenance, timestamp).triples()),
    )?;
    Ok(graph)
}

/// Reads, checks and verifies each facts file, whole or a piece at a time (`pieces`), handing
/// each sound piece to `keep` before the next is read; then reports every problem found, if
/// any.
fn check_each(
    options: &Options,
    pieces: bool,
    mut keep: impl FnMut(Option<&Path>, Checked) -> Result<()>,
) -> Result<()> {
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
        let opened = match path {
            Some(path) if pieces => Source::pieces(path, options.source.as_deref()),
            Some(path) => Facts::read(path).map(|f| Source::Whole(Box::new(f))),
            None => Ok(Source::Whole(Box::new(Facts::embedded()))),
        };
        let source = match opened {
            Ok(source) => source,
            Err(e) => {
                errors.push(e);
                continue;
            }
        };
        let (id, name) = match &source {
            Source::Whole(facts) => (facts.article_id(), facts.source().name().to_owned()),
            Source::Pieces(pieces, _) => (pieces.article_id(), pieces.name()),
        };
        if let Some(first) = seen.get(id) {
            errors.push(Error::Input(format!(
                "{first} and {name} both describe the article \"{id}\": one graph per article, \
                 so give each facts file its own article id"
            )));
            continue;
        }
        seen.insert(id.to_owned(), name);
        let checked = check_pieces(source, path, options.source.as_deref(), |c| keep(path, c));
        if let Err(e) = checked {
            errors.push(e);
        }
    }
    match errors.len() {
        0 => Ok(()),
        1 => Err(errors.remove(0)),
        _ => Err(Error::Several(errors)),
    }
}

/// A facts file to check: read whole, or to be read a piece at a time, with the entities of
/// every piece for the reader of the article's words.
enum Source {
    Whole(Box<Facts>),
    Pieces(Box<Pieces>, Vec<crate::text::structure::Entity>),
}

impl Source {
    /// The facts file at `path`, opened to be read a piece at a time; the entities are kept
    /// only when the article's text is at hand (`given`, or found as [`find_text`] finds it),
    /// for its reader.
    fn pieces(path: &Path, given: Option<&Path>) -> Result<Source> {
        let mut entities = Vec::new();
        let mut verified = None;
        let pieces = Pieces::open(path, |file| {
            // The first piece holds the `[article]` table, which names the text.
            let verified = *verified
                .get_or_insert_with(|| text_path(&file.article, Some(path), given).is_some());
            if verified {
                entities.extend(ground::structure::entities(file));
            }
        })?;
        Ok(Source::Pieces(Box::new(pieces), entities))
    }
}

/// Checks one facts file a piece at a time and verifies each piece against the article's
/// text when it is found, handing each sound piece to `keep`. A piece that fails is not
/// handed on, and the file's problems are reported once every piece is read: those of the
/// checks first, else the quotes not found in the text, else the values and structure the
/// quotes do not support.
fn check_pieces(
    source: Source,
    path: Option<&Path>,
    given: Option<&Path>,
    mut keep: impl FnMut(Checked) -> Result<()>,
) -> Result<()> {
    type Each = Box<dyn Iterator<Item = Result<(Facts, Vec<Diagnostic>)>>>;
    let (article, entities, pieces): (_, _, Each) = match source {
        Source::Whole(facts) => (
            facts.file().article.clone(),
            ground::structure::entities(facts.file()),
            Box::new(std::iter::once(Ok((*facts, Vec::new())))),
        ),
        Source::Pieces(pieces, entities) => (
            pieces.article().clone(),
            entities,
            Box::new((*pieces).checked()),
        ),
    };
    let text = find_text(&article, path, given)?;
    let context = text
        .as_ref()
        .map(|text| ground::structure::Context::new(text, entities));
    let (mut problems, mut missing, mut wrong) = (Vec::new(), Vec::new(), Vec::new());
    for piece in pieces {
        let (facts, found) = piece?;
        if !found.is_empty() || !problems.is_empty() {
            problems.extend(found);
            continue;
        }
        let (mut located, mut unread) = (None, Vec::new());
        if let (Some(text), Some(context)) = (&text, &context) {
            match locate::locate(&facts, text) {
                Err(mut not_found) => {
                    missing.append(&mut not_found);
                    continue;
                }
                Ok(_) if !missing.is_empty() => continue,
                Ok(found) => {
                    let grounded = ground::records_in(&facts, context, &found);
                    wrong.extend(grounded.errors);
                    if !wrong.is_empty() {
                        continue;
                    }
                    located = Some(found);
                    unread = grounded.unread;
                }
            }
        }
        keep(Checked {
            facts,
            text: text.clone(),
            located,
            unread,
        })?;
    }
    if !problems.is_empty() {
        problems.sort_by_key(|d| (d.line, d.column));
        return Err(Error::Facts(Diagnostics(problems)));
    }
    if !missing.is_empty() {
        return Err(Error::Quotes(Diagnostics(missing)));
    }
    if !wrong.is_empty() {
        return Err(Error::Facts(Diagnostics(wrong)));
    }
    Ok(())
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

/// A checked article's graph (or a piece's share of it) made as it is read: the facts are
/// mapped one record at a time and each record's provenance made beside it, so only one
/// record's triples are held at once (and, for the provenance, the label of every resource
/// the piece names; a record of another piece is named from the index). The same triples as
/// [`Article::triples`], in another order and with some repeated.
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
        // The mapping run is described once, with the piece that holds the article.
        let run = annotator
            .as_mut()
            .filter(|_| facts.holds_article())
            .map(Annotator::run)
            .unwrap_or_default();
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
    article: &crate::facts::Article,
    facts_path: Option<&Path>,
    given: Option<&Path>,
) -> Result<Option<ArticleText>> {
    text_path(article, facts_path, given)
        .map(|path| ArticleText::read(&path))
        .transpose()
}

/// Where [`find_text`] finds the article text, if anywhere.
fn text_path(
    article: &crate::facts::Article,
    facts_path: Option<&Path>,
    given: Option<&Path>,
) -> Option<PathBuf> {
    if let Some(path) = given {
        return Some(path.to_owned());
    }
    let name = article.source.as_ref()?;
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
}
