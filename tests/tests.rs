//! The integration tests: one binary, one module per concern. They drive the built
//! `newsgraph` binary and check the answers the articles give.

mod corpus;
mod draft;
mod errors;
#[cfg(feature = "serve")]
mod explorer;
mod export;
mod export_corpus_layer;
mod export_files;
mod grounding;
mod hostile;
mod interop;
mod layout;
mod mapping;
mod mutations;
mod outside_tools;
mod pieces;
mod properties;
mod provenance;
mod reconcile;
mod saved_queries;
#[cfg(feature = "serve")]
mod serve;
mod shapes;
#[cfg(feature = "rocksdb")]
mod store;
mod util;
