//! `newsgraph serve`: the graph over the SPARQL 1.1 Protocol, until SIGINT or SIGTERM.

use crate::cli::ServeArgs;
use crate::serve::{self, Config};
use newsgraph::iris::Iris;
use newsgraph::limits::Limits;
use newsgraph::pipeline;

pub fn run(args: &ServeArgs, iris: &Iris) -> anyhow::Result<()> {
    let options = pipeline::Options {
        facts: args.facts.clone(),
        source: args.source.source.clone(),
        ..pipeline::Options::default()
    };
    let loaded = pipeline::load(&options, iris)?;
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
