//! `newsgraph serve`: the graph over the SPARQL 1.1 Protocol, until SIGINT or SIGTERM.

use crate::cli::ServeArgs;
use anyhow::bail;
use newsgraph::pipeline::{self, Loaded};
use newsgraph::query::limits::Limits;
use newsgraph::rdf::iris::Iris;
use newsgraph::serve::{self, Config};
use std::path::Path;

pub fn run(args: &ServeArgs, iris: &Iris, store: Option<&Path>) -> anyhow::Result<()> {
    let loaded = match store {
        // The articles loaded into an on-disk store; the org chart needs facts files.
        Some(dir) => {
            if !args.facts.is_empty() || args.source.source.is_some() {
                bail!(
                    "--store serves the articles loaded into it: leave out facts files and --source"
                );
            }
            Loaded {
                articles: Vec::new(),
                store: super::open_store(dir, args.allow_update)?,
            }
        }
        None => {
            let options = pipeline::Options {
                facts: args.facts.clone(),
                source: args.source.source.clone(),
                ..pipeline::Options::default()
            };
            pipeline::load(&options, iris)?
        }
    };
    let config = Config {
        bind: args.bind,
        allow_update: args.allow_update,
        limits: Limits {
            timeout: Some(args.timeout),
            max_results: Some(args.max_results),
        },
        cors: args.cors.clone(),
        cache: !args.no_cache,
    };
    serve::run(loaded, iris, config)
}
