//! `newsgraph query`: a saved question, a query file, or SPARQL from the command line.

use crate::cli::QueryArgs;
use crate::output::write_to;
use anyhow::{Context, bail};
use newsgraph::pipeline;
use newsgraph::query::catalogue;
use newsgraph::query::limits::with_deadline;
use newsgraph::query::request::Request;
use newsgraph::rdf::iris::Iris;
use newsgraph::rdf::prefixes;
use std::path::Path;

pub fn run(args: &QueryArgs, iris: &Iris, store: Option<&Path>) -> anyhow::Result<()> {
    let prefixes = prefixes(iris);
    let (origin, request) = if let Some(name) = &args.name {
        (
            format!("saved query \"{name}\""),
            Request::saved(name)?.prefixes(prefixes),
        )
    } else if let Some(path) = &args.file {
        let text = newsgraph::text::read::string(path, newsgraph::text::read::QUERY)?;
        (
            path.display().to_string(),
            Request::sparql(text).prefixes(prefixes),
        )
    } else {
        let text = args.sparql.clone().unwrap_or_default();
        (
            "--sparql".to_owned(),
            Request::sparql(text).prefixes(prefixes),
        )
    };
    let mut request = request.timeout(args.timeout);
    if let Some(rows) = args.limit {
        request = request.limit(rows);
    }
    for text in &args.bind {
        let Some((name, value)) = text.split_once('=') else {
            bail!("invalid --bind \"{text}\": expected NAME=VALUE");
        };
        let (variable, term) = catalogue::binding(name, value, request.get_prefixes())
            .map_err(|e| anyhow::anyhow!("invalid --bind \"{text}\": {e}"))?;
        request = request
            .bind(variable, term)
            .map_err(|e| anyhow::anyhow!("invalid --bind \"{text}\": {e}"))?;
    }
    let options = pipeline::Options {
        facts: args.facts.clone(),
        source: args.source.source.clone(),
        ..pipeline::Options::default()
    };
    let graphs = match store {
        Some(dir) => {
            if !args.facts.is_empty() || args.source.source.is_some() {
                bail!("--store reads the articles loaded into it: leave out --facts and --source");
            }
            super::open_store(dir, false)?
        }
        None => pipeline::load(&options, iris)?.store,
    };
    let format = args.format;
    // On a thread of its own, so that a query Oxigraph cannot interrupt is left behind at the
    // time limit rather than waited for.
    let outcome = with_deadline(args.timeout, move |deadline| {
        write_to(None, |out| {
            request.write_until(&graphs, deadline, format, out)
        })
    });
    outcome
        .map_err(anyhow::Error::new)
        .and_then(|result| result)
        .with_context(|| origin.clone())
}
