//! The integration tests: one binary, one module per concern. They drive the built
//! `newsgraph` binary and check the answers the articles give.

mod draft;
mod errors;
mod export;
mod interop;
mod outside_tools;
mod provenance;
mod saved_queries;
mod util;
