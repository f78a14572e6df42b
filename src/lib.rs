//! newsgraph turns what a news article says about companies, people, teams and events into
//! an RDF knowledge graph.
//!
//! Each folder is one stage a fact passes, and uses only the stages listed before it:
//!
//! 1. [`text`]: the article's text, its quotes and offsets, and the values it writes.
//! 2. [`facts`]: facts files, written by hand from the article: [`Facts::read`] (or
//!    [`Facts::parse`] for text in memory) reads and checks one; problems come back as
//!    [`Error::Facts`], one `file:line:column: message` each. [`facts::corpus`] sets several
//!    side by side: the entities they share and where they contradict each other.
//! 3. [`ground`]: each record held against its words: its quotes located in the text
//!    ([`ground::locate::locate`]), every value it states found in them ([`ground::ground`]).
//! 4. [`rdf`]: the records mapped to triples in standard vocabularies ([`map`] gives a
//!    [`Mapping`]), resources named by [`Iris`], every vocabulary term in [`rdf::vocab`], and
//!    where each statement comes from ([`rdf::provenance::annotate`]).
//! 5. [`store`]: an Oxigraph store, one named graph per article ([`GraphStore`]), and the
//!    corpus layer derived over them all ([`store::corpus`]: one name per entity, the latest
//!    report of what changes); steps 1–5 at once with [`pipeline::load`].
//! 6. [`export`]: the graph in an RDF syntax ([`export::write_rdf`]) or as a property graph
//!    for other tools ([`export::graph::project`], then GraphML, DOT or Neo4j CSV).
//! 7. [`query`]: a saved question or any SPARQL asked through one [`query::request::Request`]
//!    (bindings, an as-of date, a time limit, a row cap), its answer written by
//!    [`query::results`];
//!    [`query::why::explain`] says what the article states about one entity, in which words.
//! 8. [`draft`]: a new article's facts file proposed from its text ([`draft::draft`]).
//! 9. `serve` (feature `serve`): the graph over the SPARQL 1.1 Protocol, with a page.
//!
//! For a corpus too large to hold, [`pipeline::check_all`] checks every facts file first and
//! [`pipeline::stream_planned`] then maps one at a time, for [`store::ArticleLoader`] (an
//! on-disk store with the `rocksdb` feature) or [`export::write_rdf`]; both read a large file
//! a piece at a time ([`facts::Pieces`]), so that neither a corpus nor one article need fit in
//! memory.
//!
//! ```no_run
//! use newsgraph::query::{request::Request, results::ResultsFormat};
//! use newsgraph::{Iris, pipeline};
//!
//! let iris = Iris::default();
//! let loaded = pipeline::load(&pipeline::Options::default(), &iris)?;
//! Request::saved("reporting-lines")?
//!     .timeout(Some(std::time::Duration::from_secs(10)))
//!     .write(&loaded.store, ResultsFormat::Table, &mut std::io::stdout())?;
//! # Ok::<(), newsgraph::Error>(())
//! ```

pub mod diagnostic;
pub mod error;
pub mod pipeline;

pub mod text;

pub mod facts;

pub mod ground;

pub mod rdf;

pub mod store;

pub mod export;

pub mod query;

pub mod draft;

#[cfg(feature = "serve")]
pub mod serve;

pub use error::{Error, Result};
pub use facts::Facts;
pub use rdf::iris::Iris;
pub use rdf::mapping::{Mapping, map};
pub use store::GraphStore;
pub use text::article::ArticleText;
