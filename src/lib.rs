//! newsgraph turns what a news article says about companies, people, teams and events into
//! an RDF knowledge graph.
//!
//! The facts an article states are written by hand into a facts file ([`facts`]), checked,
//! mapped to triples in standard vocabularies ([`mapper`], [`vocab`]), loaded into an
//! Oxigraph store ([`store`]), then queried ([`queries`], [`results`]) and exported
//! ([`export`]). [`pipeline`] runs the whole path; [`cli`] and [`cmd`] are the command line.
//! [`draft`] proposes a facts file from an article's text.

pub mod cli;
pub mod cmd;
pub mod diagnostic;
pub mod draft;
pub mod export;
pub mod facts;
pub mod iris;
pub mod mapper;
pub mod output;
pub mod pipeline;
pub mod provenance;
pub mod queries;
pub mod results;
pub mod source;
pub mod store;
pub mod values;
pub mod verify;
pub mod vocab;
