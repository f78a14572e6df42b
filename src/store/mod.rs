//! The Oxigraph store: one named graph per article, the ontology in a graph of its own, and a
//! catalogue of the articles loaded ([`CATALOGUE_GRAPH`]).
//!
//! The store is in memory ([`GraphStore::new`]), or on disk with the `rocksdb` feature
//! (`GraphStore::open`). Its default graph is the union of the article graphs and the
//! ontology graph, each distinct triple once, kept so by every change: a triple goes in with
//! the first graph that holds it and leaves with the last. Queries run against it, so a saved
//! question needs no `GRAPH` clause, and a triple that a thousand articles state is matched
//! once, not a thousand times; `GRAPH ?g { … }` still tells articles apart.
//!
//! Articles are added or replaced whole ([`ArticleLoader`]): a new article goes in with the
//! bulk loader, whose files are ingested in one atomic step; an article already there is
//! replaced in one transaction. Either way an error or a kill leaves the earlier version and
//! every other article as they were.

pub mod corpus;
pub mod entities;

use crate::error::{Error, Result};
use crate::rdf::vocab::{
    CATALOGUE_GRAPH, CORPUS_GRAPH, ONTOLOGY_GRAPH, dcterms, ng, prov, rdfs, void, xsd,
};
use crate::text::article::sha256;
use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::{
    GraphName, GraphNameRef, Literal, NamedNode, NamedNodeRef, NamedOrBlankNode, Quad, QuadRef,
    Term, Triple, TripleRef,
};
use oxigraph::sparql::{PreparedSparqlQuery, QueryResults};
use oxigraph::store::{BulkLoader, Store, Transaction};
use std::collections::HashMap;

/// newsgraph's ontology, in Turtle.
pub const ONTOLOGY: &str = include_str!("../../ontology/newsgraph.ttl");

/// A store holding mapped articles and the ontology.
pub struct GraphStore {
    store: Store,
    articles: Vec<NamedNode>,
    on_disk: bool,
}

impl std::fmt::Debug for GraphStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("GraphStore")
            .field("articles", &self.articles)
            .field("on_disk", &self.on_disk)
            .finish_non_exhaustive()
    }
}

/// What the catalogue says about one article in the store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleEntry {
    /// The article id.
    pub id: String,
    /// Its named graph.
    pub graph: NamedNode,
    /// How many triples its graph holds.
    pub triples: u64,
    /// The facts file it was loaded from, as given.
    pub source: String,
    /// When it was loaded, an `xsd:dateTime`.
    pub loaded: String,
    /// The digest of what its graph was made from ([`crate::pipeline::Planned::digest`]);
    /// empty for an article loaded before digests were kept.
    pub digest: String,
}

impl ArticleEntry {
    /// The entry's triples in the catalogue graph.
    fn quads(&self) -> Vec<Quad> {
        let g = GraphName::from(CATALOGUE_GRAPH.into_owned());
        let s = &self.graph;
        vec![
            Quad::new(
                s.clone(),
                dcterms::IDENTIFIER,
                Literal::from(self.id.as_str()),
                g.clone(),
            ),
            Quad::new(
                s.clone(),
                dcterms::SOURCE,
                Literal::from(self.source.as_str()),
                g.clone(),
            ),
            Quad::new(
                s.clone(),
                void::TRIPLES,
                Literal::new_typed_literal(self.triples.to_string(), xsd::INTEGER),
                g.clone(),
            ),
            Quad::new(
                s.clone(),
                prov::GENERATED_AT_TIME,
                Literal::new_typed_literal(self.loaded.as_str(), xsd::DATE_TIME),
                g.clone(),
            ),
            Quad::new(
                s.clone(),
                ng::SOURCES_DIGEST,
                Literal::from(self.digest.as_str()),
                g,
            ),
        ]
    }
}

impl GraphStore {
    /// An in-memory store with the ontology loaded.
    pub fn new() -> Result<GraphStore> {
        let store = Store::new()?;
        store.extend(
            ontology_triples()
                .iter()
                .flat_map(|t| stored_quads(t.as_ref(), ONTOLOGY_GRAPH)),
        )?;
        Ok(GraphStore {
            store,
            articles: Vec::new(),
            on_disk: false,
        })
    }

    /// Opens the on-disk store in `dir`, creating it if need be, and brings its ontology
    /// graph and its corpus layer up to date. Files a killed bulk load left behind are
    /// removed (the store is locked to this process, so no other load can be writing them).
    #[cfg(feature = "rocksdb")]
    pub fn open(dir: &std::path::Path) -> Result<GraphStore> {
        let store = Store::open(dir)
            .map_err(|e| Error::Input(format!("cannot open the store {}: {e}", dir.display())))?;
        if let Ok(entries) = std::fs::read_dir(dir) {
            for entry in entries.flatten() {
                let name = entry.file_name();
                let name = name.to_string_lossy();
                if name.starts_with("bulk-") && name.ends_with(".sst") {
                    std::fs::remove_file(entry.path())?;
                }
            }
        }
        use std::collections::HashSet;
        let ontology: HashSet<Triple> = ontology_triples().into_iter().collect();
        let stored: HashSet<Triple> = store
            .quads_for_pattern(None, None, None, Some(ONTOLOGY_GRAPH.into()))
            .map(|q| q.map(Triple::from))
            .collect::<Result<_, _>>()?;
        if stored != ontology {
            let mut transaction = store.start_transaction()?;
            let ontology: Vec<Triple> = ontology.into_iter().collect();
            replace_graph(&mut transaction, ONTOLOGY_GRAPH, &ontology)?;
            transaction.commit()?;
        }
        let mut graph_store = GraphStore::with_catalogue(store)?;
        if !graph_store.corpus_is_current()? {
            graph_store.refresh_corpus()?;
        }
        Ok(graph_store)
    }

    /// Opens the on-disk store in `dir` for reading only; it must exist. A store whose corpus
    /// layer is not current is first opened for writing once, to derive it, unless another
    /// process holds it.
    #[cfg(feature = "rocksdb")]
    pub fn open_read_only(dir: &std::path::Path) -> Result<GraphStore> {
        if !dir.join("CURRENT").is_file() {
            return Err(Error::Input(format!(
                "no store in {}: create one with `newsgraph --store {} load FACTS.toml`",
                dir.display(),
                dir.display()
            )));
        }
        let open = || {
            Store::open_read_only(dir)
                .map_err(|e| Error::Input(format!("cannot open the store {}: {e}", dir.display())))
        };
        let graph_store = GraphStore::with_catalogue(open()?)?;
        if graph_store.corpus_is_current()? {
            return Ok(graph_store);
        }
        // A load or remove stopped before deriving the corpus layer: open for writing once,
        // which derives it. When another process holds the store for writing, the layer is
        // that process's to derive, and this one reads the store as it is.
        drop(graph_store);
        drop(GraphStore::open(dir));
        GraphStore::with_catalogue(open()?)
    }

    #[cfg(feature = "rocksdb")]
    fn with_catalogue(store: Store) -> Result<GraphStore> {
        let mut graph_store = GraphStore {
            store,
            articles: Vec::new(),
            on_disk: true,
        };
        graph_store.refresh()?;
        Ok(graph_store)
    }

    /// Reads the article graphs from the catalogue, in the order of their names.
    #[cfg(feature = "rocksdb")]
    fn refresh(&mut self) -> Result<()> {
        self.articles = self.articles()?.into_iter().map(|a| a.graph).collect();
        Ok(())
    }

    /// Adds an article's triples to its named graph (and the default graph), all at once.
    /// Once every article is added, [`refresh_corpus`](Self::refresh_corpus) derives what
    /// holds over them all.
    pub fn add(
        &mut self,
        graph: &NamedNode,
        triples: impl IntoIterator<Item = Triple>,
    ) -> Result<()> {
        let triples: Vec<Triple> = triples.into_iter().collect();
        self.store.extend(
            triples
                .iter()
                .flat_map(|t| stored_quads(t.as_ref(), graph.as_ref())),
        )?;
        if !self.articles.contains(graph) {
            self.articles.push(graph.clone());
        }
        Ok(())
    }

    /// Derives the corpus layer ([`corpus`]) again from the articles the store holds, in its
    /// own graph ([`CORPUS_GRAPH`]). Loading and removing articles on disk do it themselves.
    pub fn refresh_corpus(&mut self) -> Result<()> {
        refresh_layer(&self.store, &self.articles)
    }

    /// Whether the corpus layer was derived from the articles the catalogue lists now. It is
    /// not when a load or a remove was stopped (killed, say) after its articles were committed
    /// and before the layer was derived again; opening the store derives it then.
    pub fn corpus_is_current(&self) -> Result<bool> {
        layer_is_current(&self.store)
    }

    /// The corpus layer ([`corpus`]) over the articles the store holds: the triples of its
    /// graph ([`CORPUS_GRAPH`]) in code-point order, as `newsgraph query` reads them. A store
    /// without that graph (one written before the layer existed, opened for reading) gets the
    /// layer derived over its articles, by the same code, and not stored. Errors are the
    /// store's ([`Error::Store`]) or the derivation's ([`Error::Evaluation`]).
    pub fn corpus_layer(&self) -> Result<Vec<Triple>> {
        if !self.store.contains_named_graph(CORPUS_GRAPH)? {
            return corpus::derive(&self.store, &self.articles);
        }
        let mut triples: Vec<Triple> = self
            .graph_triples(CORPUS_GRAPH.into())
            .collect::<Result<_>>()?;
        triples.sort_by_cached_key(ToString::to_string);
        Ok(triples)
    }

    /// A loader that adds or replaces articles, each whole; `memory_mb` bounds the bulk
    /// loader's buffers (roughly: RocksDB's own memory comes on top).
    pub fn loader(&mut self, memory_mb: usize) -> ArticleLoader<'_> {
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(4));
        let batch = (memory_mb.max(threads * 8) * 1000 / threads).max(10_000);
        let bulk = self.on_disk.then(|| {
            self.store
                .bulk_loader()
                .with_num_threads(threads)
                .with_max_memory_size_in_megabytes(memory_mb.max(threads * 8))
        });
        ArticleLoader {
            store: &self.store,
            bulk,
            pending: Vec::new(),
            batch,
            loaded: Vec::new(),
            added: 0,
            articles: &mut self.articles,
        }
    }

    /// Compacts an on-disk store: RocksDB merges the files each bulk load leaves into a few
    /// sorted ones, so that opening the store and reading from it touch fewer files. Takes
    /// time in proportion to the store's size; does nothing in memory.
    pub fn compact(&self) -> Result<()> {
        #[cfg(feature = "rocksdb")]
        if self.on_disk {
            self.store.optimize()?;
        }
        Ok(())
    }

    /// Removes an article's graph and its catalogue entry in one transaction; the entry
    /// removed, or `None` when the store has no such article.
    pub fn remove_article(&mut self, id: &str) -> Result<Option<ArticleEntry>> {
        let Some(entry) = self.articles()?.into_iter().find(|a| a.id == id) else {
            return Ok(None);
        };
        let mut transaction = self.store.start_transaction()?;
        replace_graph(&mut transaction, entry.graph.as_ref(), &[])?;
        transaction.remove_named_graph(entry.graph.as_ref())?;
        for quad in entry.quads() {
            transaction.remove(&quad);
        }
        transaction.commit()?;
        self.articles.retain(|g| *g != entry.graph);
        refresh_layer(&self.store, &self.articles)?;
        Ok(Some(entry))
    }

    /// The articles in the catalogue, in the order of their graph names.
    pub fn articles(&self) -> Result<Vec<ArticleEntry>> {
        catalogue(&self.store)
    }

    /// The triples of one graph, read from the store.
    pub fn graph_triples(
        &self,
        graph: GraphNameRef<'_>,
    ) -> impl Iterator<Item = Result<Triple>> + 'static {
        self.store
            .quads_for_pattern(None, None, None, Some(graph))
            .map(|q| q.map(Triple::from).map_err(Error::from))
    }

    /// Each graph of `graphs`, in that order, read by one of `threads` background threads and
    /// handed as it is read to `gather`, at most two graphs ahead per thread: reading terms
    /// back from RocksDB is most of an export's work, and this spreads it over cores while the
    /// caller writes. What `gather` keeps of a graph is what is held (an export sorts it,
    /// through temporary files when it is large).
    pub fn read_graphs<T, G>(
        &self,
        graphs: Vec<GraphName>,
        threads: usize,
        gather: G,
    ) -> impl Iterator<Item = Result<(GraphName, T)>> + use<T, G>
    where
        T: Send + 'static,
        G: Fn(&mut dyn Iterator<Item = Result<Triple>>) -> Result<T> + Send + Clone + 'static,
    {
        let threads = threads.max(1);
        let receivers: Vec<_> = (0..threads)
            .map(|t| {
                let (sender, receiver) = std::sync::mpsc::sync_channel(1);
                let store = self.store.clone();
                let gather = gather.clone();
                let mine: Vec<GraphName> =
                    graphs.iter().skip(t).step_by(threads).cloned().collect();
                std::thread::spawn(move || {
                    for graph in mine {
                        let mut triples = store
                            .quads_for_pattern(None, None, None, Some(graph.as_ref()))
                            .map(|q| q.map(Triple::from).map_err(Error::from));
                        let gathered = gather(&mut triples);
                        if sender.send(gathered.map(|t| (graph, t))).is_err() {
                            return;
                        }
                    }
                });
                receiver
            })
            .collect();
        (0..graphs.len()).map(move |i| {
            receivers[i % threads]
                .recv()
                .map_err(|_| Error::Input("a reader of the store stopped".to_owned()))?
        })
    }

    /// The underlying Oxigraph store.
    pub fn store(&self) -> &Store {
        &self.store
    }

    /// Whether the store is on disk.
    pub fn is_on_disk(&self) -> bool {
        self.on_disk
    }

    /// The named graphs of the articles: in loading order in memory, in the order of their
    /// names on disk.
    pub fn article_graphs(&self) -> &[NamedNode] {
        &self.articles
    }

    /// The graphs an export writes: the articles', and the ontology's when asked for.
    pub fn graph_names(&self, with_ontology: bool) -> Vec<GraphName> {
        let mut graphs: Vec<GraphName> =
            self.articles.iter().cloned().map(GraphName::from).collect();
        if with_ontology {
            graphs.push(ONTOLOGY_GRAPH.into_owned().into());
        }
        graphs
    }

    /// How many quads a graph holds.
    pub fn graph_len(&self, graph: GraphNameRef<'_>) -> usize {
        self.store
            .quads_for_pattern(None, None, None, Some(graph))
            .count()
    }

    /// Evaluates a query prepared by [`crate::query::run`]. Without `FROM`, it runs against
    /// the default graph: every triple of the articles and the ontology, once.
    pub fn evaluate(&self, prepared: PreparedSparqlQuery) -> Result<QueryResults<'static>> {
        Ok(prepared.on_store(&self.store).execute()?)
    }
}

/// Adds or replaces articles in a [`GraphStore`], each whole: see the [module](self).
pub struct ArticleLoader<'a> {
    store: &'a Store,
    bulk: Option<BulkLoader<'a>>,
    pending: Vec<Quad>,
    batch: usize,
    loaded: Vec<ArticleEntry>,
    /// Triples of the articles put that the store did not hold before.
    added: u64,
    articles: &'a mut Vec<NamedNode>,
}

impl std::fmt::Debug for ArticleLoader<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ArticleLoader")
            .field("pending", &self.pending.len())
            .field("loaded", &self.loaded.len())
            .finish_non_exhaustive()
    }
}

impl ArticleLoader<'_> {
    /// Adds the article `id` with `triples` in `graph`, or replaces the version the store
    /// holds. The triples must come each once (sorted ones, say): the catalogue counts them as
    /// they come. An error among them stops the put, and nothing of this article is kept.
    /// `source` names the facts file, `loaded` is the load time (`xsd:dateTime`) and `digest`
    /// what the graph was made from, all kept in the catalogue. A new article is only in the
    /// store once [`finish`](Self::finish) returns; a replaced one as soon as this returns.
    pub fn put(
        &mut self,
        id: &str,
        graph: &NamedNode,
        source: &str,
        loaded: &str,
        digest: &str,
        triples: impl IntoIterator<Item = Result<Triple>>,
    ) -> Result<ArticleEntry> {
        let mut entry = ArticleEntry {
            id: id.to_owned(),
            graph: graph.clone(),
            triples: 0,
            source: source.to_owned(),
            loaded: loaded.to_owned(),
            digest: digest.to_owned(),
        };
        let exists = self.store.contains_named_graph(graph.as_ref())?;
        match &mut self.bulk {
            Some(bulk) if !exists => {
                // Streamed: the bulk loader gets a batch at a time, so a large article is never
                // held whole.
                for triple in triples {
                    let triple = triple?;
                    entry.triples += 1;
                    let quads = stored_quads(triple.as_ref(), graph.as_ref());
                    self.pending.extend(quads.map(QuadRef::into_owned));
                    if self.pending.len() >= self.batch {
                        bulk.load_quads(std::mem::take(&mut self.pending))?;
                    }
                }
                self.added += entry.triples;
                self.pending.extend(entry.quads());
            }
            _ => {
                let triples: Vec<Triple> = triples.into_iter().collect::<Result<_>>()?;
                entry.triples = triples.len() as u64;
                if !exists {
                    self.added += entry.triples;
                }
                let mut transaction = self.store.start_transaction()?;
                replace_graph(&mut transaction, graph.as_ref(), &triples)?;
                let old: Vec<Quad> = transaction
                    .quads_for_pattern(
                        Some(graph.as_ref().into()),
                        None,
                        None,
                        Some(CATALOGUE_GRAPH.into()),
                    )
                    .collect::<Result<_, _>>()?;
                for quad in &old {
                    transaction.remove(quad);
                }
                for quad in entry.quads() {
                    transaction.insert(QuadRef::from(&quad));
                }
                transaction.commit()?;
            }
        }
        if !self.articles.contains(graph) {
            self.articles.push(graph.clone());
        }
        self.loaded.push(entry.clone());
        Ok(entry)
    }

    /// How many triples the articles put so far add to the store: those of the articles it
    /// did not hold before (see [`worth_compacting`]).
    pub fn added(&self) -> u64 {
        self.added
    }

    /// Writes what is still pending, in one atomic ingest, derives the corpus layer again
    /// ([`corpus`]), and returns every article put.
    pub fn finish(mut self) -> Result<Vec<ArticleEntry>> {
        if let Some(mut bulk) = self.bulk.take() {
            bulk.load_quads(std::mem::take(&mut self.pending))?;
            bulk.commit()?;
        }
        self.articles.sort();
        // A load that put nothing (every article unchanged) leaves the corpus layer as it is,
        // unless it was not derived from these articles (or the store has none yet).
        if !self.loaded.is_empty() || !layer_is_current(self.store)? {
            refresh_layer(self.store, self.articles)?;
        }
        Ok(self.loaded)
    }
}

/// The articles in `store`'s catalogue, in the order of their graph names.
fn catalogue(store: &Store) -> Result<Vec<ArticleEntry>> {
    let mut fields: HashMap<NamedNode, HashMap<NamedNode, Term>> = HashMap::new();
    for quad in store.quads_for_pattern(None, None, None, Some(CATALOGUE_GRAPH.into())) {
        let quad = quad?;
        if let NamedOrBlankNode::NamedNode(graph) = quad.subject {
            fields
                .entry(graph)
                .or_default()
                .insert(quad.predicate, quad.object);
        }
    }
    let text = |f: &HashMap<NamedNode, Term>, p: NamedNodeRef<'_>| match f.get(&p.into_owned()) {
        Some(Term::Literal(l)) => l.value().to_owned(),
        _ => String::new(),
    };
    let mut entries: Vec<ArticleEntry> = fields
        .into_iter()
        // The corpus layer's own entry (the digest it was derived from) names no article.
        .filter(|(_, f)| f.contains_key(&dcterms::IDENTIFIER.into_owned()))
        .map(|(graph, f)| ArticleEntry {
            id: text(&f, dcterms::IDENTIFIER),
            triples: text(&f, void::TRIPLES).parse().unwrap_or(0),
            source: text(&f, dcterms::SOURCE),
            loaded: text(&f, prov::GENERATED_AT_TIME),
            digest: text(&f, ng::SOURCES_DIGEST),
            graph,
        })
        .collect();
    entries.sort_by(|a, b| a.graph.cmp(&b.graph));
    Ok(entries)
}

/// The digest of what a corpus layer derived now would come from: each article graph of the
/// catalogue with its own digest, one `GRAPH DIGEST` line each, in graph order.
fn layer_sources(store: &Store) -> Result<String> {
    let lines: String = catalogue(store)?
        .iter()
        .map(|entry| format!("{} {}\n", entry.graph.as_str(), entry.digest))
        .collect();
    Ok(sha256(&lines))
}

/// The catalogue's record of what the corpus layer was derived from: the layer's graph with
/// its digest ([`layer_sources`] when it was derived).
fn layer_quad(sources: &str) -> Quad {
    Quad::new(
        CORPUS_GRAPH.into_owned(),
        ng::SOURCES_DIGEST,
        Literal::from(sources),
        CATALOGUE_GRAPH.into_owned(),
    )
}

/// Whether the corpus layer in `store` was derived from the articles its catalogue lists.
fn layer_is_current(store: &Store) -> Result<bool> {
    let recorded = layer_quad(&layer_sources(store)?);
    Ok(store.contains_named_graph(CORPUS_GRAPH)? && store.contains(&recorded)?)
}

/// Replaces the corpus layer ([`corpus`]) with one derived from the article graphs
/// `articles`, and records in the catalogue what it was derived from, in one transaction.
fn refresh_layer(store: &Store, articles: &[NamedNode]) -> Result<()> {
    let triples = corpus::derive(store, articles)?;
    let sources = layer_sources(store)?;
    let mut transaction = store.start_transaction()?;
    transaction.clear_graph(CORPUS_GRAPH)?;
    transaction.insert_named_graph(CORPUS_GRAPH);
    for triple in &triples {
        transaction.insert(triple.as_ref().in_graph(CORPUS_GRAPH));
    }
    let old: Vec<Quad> = transaction
        .quads_for_pattern(
            Some(CORPUS_GRAPH.into()),
            Some(ng::SOURCES_DIGEST),
            None,
            Some(CATALOGUE_GRAPH.into()),
        )
        .collect::<Result<_, _>>()?;
    for quad in &old {
        transaction.remove(quad);
    }
    transaction.insert(&layer_quad(&sources));
    transaction.commit()?;
    Ok(())
}

/// Whether to compact a store after a load that bulk-added `added` triples to the `held`
/// it had: when the load at least doubled it (always after a first load). Adding a few
/// articles to a large store leaves the merging to RocksDB, rather than rewrite it all.
pub fn worth_compacting(held: u64, added: u64) -> bool {
    added > 0 && added >= held
}

/// A triple's copy in the default graph.
fn in_union(triple: TripleRef<'_>) -> QuadRef<'_> {
    triple.in_graph(GraphNameRef::DefaultGraph)
}

/// How a triple of `graph` is stored: in that graph, and its copy in the default graph.
fn stored_quads<'a>(triple: TripleRef<'a>, graph: NamedNodeRef<'a>) -> [QuadRef<'a>; 2] {
    [triple.in_graph(graph), in_union(triple)]
}

/// Gives `graph` exactly `triples`, in `transaction`, and keeps the default graph the union:
/// each new triple goes into it, and an old one leaves it unless another graph still holds it.
/// Only what differs is written: a new version of an article mostly states what the old one
/// did, so replacing it costs about what changed, not two full copies.
fn replace_graph(
    transaction: &mut Transaction<'_>,
    graph: NamedNodeRef<'_>,
    triples: &[Triple],
) -> Result<()> {
    // The old triples in the store's order: looked up in that order, they are found in the
    // same blocks of the store one after another (in a hashed order, removing an article
    // took twice as long).
    let old: Vec<Triple> = transaction
        .quads_for_pattern(None, None, None, Some(graph.into()))
        .map(|q| q.map(Triple::from))
        .collect::<Result<_, _>>()?;
    let new: std::collections::HashSet<&Triple> = triples.iter().collect();
    // A graph emptied (an article removed) is cleared at once, faster than quad by quad.
    if new.is_empty() {
        transaction.clear_graph(graph)?;
    }
    transaction.insert_named_graph(graph);
    let held: std::collections::HashSet<&Triple> = old.iter().collect();
    for triple in triples.iter().filter(|t| !held.contains(*t)) {
        transaction.extend(stored_quads(triple.as_ref(), graph));
    }
    for triple in old.iter().filter(|t| !new.contains(t)) {
        if !new.is_empty() {
            transaction.remove(triple.as_ref().in_graph(graph));
        }
        if !held_by_a_graph(transaction, triple.as_ref())? {
            transaction.remove(in_union(triple.as_ref()));
        }
    }
    Ok(())
}

/// Whether an article graph or the ontology graph (any named graph but the catalogue and the
/// corpus layer) holds
/// `triple`.
fn held_by_a_graph(transaction: &Transaction<'_>, triple: TripleRef<'_>) -> Result<bool> {
    for quad in transaction.quads_for_pattern(
        Some(triple.subject),
        Some(triple.predicate),
        Some(triple.object),
        None,
    ) {
        match quad?.graph_name {
            GraphName::DefaultGraph => {}
            GraphName::NamedNode(g) if g == CATALOGUE_GRAPH || g == CORPUS_GRAPH => {}
            _ => return Ok(true),
        }
    }
    Ok(false)
}

fn ontology_parser() -> RdfParser {
    RdfParser::from_format(RdfFormat::Turtle)
        .with_base_iri(ONTOLOGY_GRAPH.as_str())
        .expect("the ontology graph name is an absolute IRI")
        .with_default_graph(ONTOLOGY_GRAPH)
}

/// The triples of newsgraph's ontology.
pub fn ontology_triples() -> Vec<Triple> {
    ontology_parser()
        .for_slice(ONTOLOGY)
        .map(|quad| Triple::from(quad.expect("the ontology is checked by the test suite")))
        .collect()
}

/// The `rdfs:label` of every term the ontology declares, by IRI.
pub fn ontology_labels() -> HashMap<String, String> {
    ontology_triples()
        .into_iter()
        .filter(|t| t.predicate.as_ref() == rdfs::LABEL)
        .filter_map(|t| match (t.subject, t.object) {
            (NamedOrBlankNode::NamedNode(term), Term::Literal(label)) => {
                Some((term.into_string(), label.value().to_owned()))
            }
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use oxigraph::sparql::QueryResults;

    fn node(name: &str) -> NamedNode {
        NamedNode::new(format!("https://example.org/{name}")).unwrap()
    }

    fn triple(subject: &str, object: &str) -> Triple {
        Triple::new(node(subject), node("says"), Literal::from(object))
    }

    /// How many times the query's pattern matches `<subject> <says> ?o` in the default graph.
    fn matches(store: &GraphStore, subject: &str) -> usize {
        let query = format!(
            "SELECT ?o WHERE {{ <https://example.org/{subject}> <https://example.org/says> ?o }}"
        );
        match crate::query::run::ask(store, &query, &[], &[]).unwrap() {
            QueryResults::Solutions(rows) => rows.count(),
            _ => unreachable!("a SELECT query"),
        }
    }

    fn put(store: &mut GraphStore, id: &str, triples: Vec<Triple>) {
        let mut loader = store.loader(64);
        loader
            .put(
                id,
                &node(id),
                "test",
                "2026-01-01T00:00:00Z",
                "",
                triples.into_iter().map(Ok),
            )
            .unwrap();
        loader.finish().unwrap();
    }

    #[test]
    fn the_default_graph_holds_each_triple_once_while_some_graph_holds_it() {
        let mut store = GraphStore::new().unwrap();
        put(&mut store, "a", vec![triple("shared", "x")]);
        put(
            &mut store,
            "b",
            vec![triple("shared", "x"), triple("own", "y")],
        );
        assert_eq!(matches(&store, "shared"), 1, "two graphs, one match");

        store.remove_article("a").unwrap().expect("a was loaded");
        assert_eq!(matches(&store, "shared"), 1, "b still holds it");

        put(&mut store, "b", vec![triple("own", "y")]);
        assert_eq!(matches(&store, "shared"), 0, "no graph holds it any more");
        assert_eq!(matches(&store, "own"), 1);

        store.remove_article("b").unwrap().expect("b was loaded");
        assert_eq!(matches(&store, "own"), 0);
        let ontology = "ASK { ?class a <http://www.w3.org/2002/07/owl#Class> }";
        assert!(
            matches!(
                crate::query::run::ask(&store, ontology, &[], &[]).unwrap(),
                QueryResults::Boolean(true)
            ),
            "the ontology stays in the default graph"
        );
    }

    /// A replacement `put` commits at once; a loader dropped before `finish` is what a kill
    /// after that commit leaves: articles the corpus layer was not derived from.
    #[cfg(feature = "rocksdb")]
    #[test]
    fn a_store_whose_load_stopped_before_the_corpus_layer_derives_it_when_opened() {
        use crate::rdf::vocab::schema;
        let dir = tempfile::tempdir().unwrap();
        let published = |day: &str| {
            vec![
                Triple::new(node("report"), schema::HEADLINE, Literal::from("A report")),
                Triple::new(
                    node("report"),
                    schema::DATE_PUBLISHED,
                    Literal::new_typed_literal(day, xsd::DATE),
                ),
            ]
        };
        let dated = |day: &str| {
            vec![Triple::new(
                node("a"),
                dcterms::DATE,
                Literal::new_typed_literal(day, xsd::DATE),
            )]
        };
        {
            let mut store = GraphStore::open(dir.path()).unwrap();
            put(&mut store, "a", published("2024-01-01"));
            assert!(store.corpus_is_current().unwrap());
            assert_eq!(store.corpus_layer().unwrap(), dated("2024-01-01"));
            let mut loader = store.loader(64);
            let when = "2026-01-02T00:00:00Z";
            let triples = published("2025-06-30");
            loader
                .put(
                    "a",
                    &node("a"),
                    "test",
                    when,
                    "new",
                    triples.into_iter().map(Ok),
                )
                .unwrap();
            drop(loader);
            assert!(!store.corpus_is_current().unwrap());
            assert_eq!(store.corpus_layer().unwrap(), dated("2024-01-01"), "stale");
        }
        let store = GraphStore::open_read_only(dir.path()).unwrap();
        assert!(store.corpus_is_current().unwrap());
        assert_eq!(store.corpus_layer().unwrap(), dated("2025-06-30"));
        assert_eq!(
            store.articles().unwrap().len(),
            1,
            "the layer's digest is no article"
        );
    }
}
