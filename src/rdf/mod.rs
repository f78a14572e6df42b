//! The facts as RDF: the vocabularies' terms ([`vocab`]), the IRIs newsgraph mints
//! ([`iris`]) and their prefixes ([`prefixes()`]), the records mapped to triples
//! ([`mapping`]), and where each statement comes from ([`provenance`]).

pub mod iris;
pub mod mapping;
mod prefixes;
pub mod provenance;
pub mod vocab;

pub use prefixes::{declare, expand, prefixes, shorten};
