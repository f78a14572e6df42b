//! newsgraph turns what a news article says about companies, people, teams and events into
//! an RDF knowledge graph.
//!
//! The path a fact takes, and the entry point for each step:
//!
//! 1. **Read and check** a facts file, written by hand from the article: [`Facts::read`]
//!    (or [`Facts::parse`] for text in memory). Problems come back as [`Error::Facts`], one
//!    `file:line:column: message` each.
//! 2. **Locate** its evidence quotes in the article's text: [`ArticleText::read`] and
//!    [`verify::locate`]; then **ground** every value a record states in those quotes:
//!    [`ground::ground`].
//! 3. **Map** the records to triples in standard vocabularies: [`map`] gives a [`Mapping`],
//!    each record's plain triples and dated statements as data.
//! 4. **Annotate** where every statement comes from: [`provenance::annotate`].
//! 5. **Load** into an Oxigraph store, one named graph per article: [`GraphStore`], or
//!    steps 1–5 at once with [`pipeline::load`].
//! 6. **Query** with a saved question ([`queries::find`]) or any SPARQL:
//!    [`GraphStore::query`], then [`results::write_results`].
//! 7. **Export** in an RDF syntax ([`export::write_rdf`]) or as a property graph for other
//!    tools ([`export::graph::project`], then GraphML, DOT or Neo4j CSV).
//!
//! [`why::explain`] answers "what does the article say about this entity, and in which
//! words?"; [`limits`] bounds a query's time and size; [`draft::draft`] proposes a new
//! article's facts file from its text, reusing the ids of a corpus; [`corpus::Corpus`] lists
//! the entities several articles share and where they contradict each other. For a corpus too
//! large to hold, [`pipeline::check_all`] checks every facts file first and
//! [`pipeline::read_planned`] then maps one at a time, for [`store::ArticleLoader`] (an on-disk
//! store with the `rocksdb` feature) or [`export::write_rdf`]. Resources are named by
//! [`Iris`]; every vocabulary term is in [`vocab`].
//!
//! ```no_run
//! use newsgraph::{Iris, pipeline, queries, results};
//!
//! let iris = Iris::default();
//! let loaded = pipeline::load(&pipeline::Options::default(), &iris)?;
//! let question = queries::find("reporting-lines").expect("a saved question");
//! let prefixes = newsgraph::export::prefixes(&iris);
//! let answer = loaded.store.query(question.sparql, &prefixes, &[])?;
//! results::write_results(answer, results::ResultsFormat::Table, &prefixes, &mut std::io::stdout())?;
//! # Ok::<(), newsgraph::Error>(())
//! ```

mod bindings;
pub mod corpus;
pub mod diagnostic;
pub mod draft;
pub mod error;
pub mod export;
pub mod facts;
pub mod ground;
pub mod iris;
pub mod limits;
pub mod mapping;
pub mod pipeline;
pub mod provenance;
pub mod queries;
pub mod results;
pub mod source;
pub mod store;
pub mod values;
pub mod verify;
pub mod vocab;
pub mod why;

pub use error::{Error, Result};
pub use facts::Facts;
pub use iris::Iris;
pub use mapping::{Mapping, map};
pub use source::ArticleText;
pub use store::GraphStore;
