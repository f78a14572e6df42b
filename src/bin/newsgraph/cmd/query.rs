//! `newsgraph query`: a saved question, a query file, or SPARQL from the command line.

use crate::cli::QueryArgs;
use crate::output::write_to;
use anyhow::{Context, bail};
use newsgraph::pipeline;
use newsgraph::query::catalogue;
use newsgraph::query::limits::{QueryError, with_deadline};
use newsgraph::query::results::write_results_limited;
use newsgraph::rdf::iris::Iris;
use newsgraph::rdf::prefixes;
use oxigraph::model::Term;
use oxigraph::sparql::Variable;
use std::path::Path;

pub fn run(args: &QueryArgs, iris: &Iris, store: Option<&Path>) -> anyhow::Result<()> {
    let (origin, sparql) = if let Some(name) = &args.name {
        let Some(saved) = catalogue::find(name) else {
            let names: Vec<&str> = catalogue::saved().iter().map(|q| q.name).collect();
            bail!(
                "unknown saved query \"{name}\"; the saved queries are: {}",
                names.join(", ")
            );
        };
        (format!("saved query \"{name}\""), saved.sparql.to_owned())
    } else if let Some(path) = &args.file {
        let text = newsgraph::text::read::string(path, newsgraph::text::read::QUERY)?;
        (path.display().to_string(), text)
    } else {
        let text = args.sparql.clone().unwrap_or_default();
        ("--sparql".to_owned(), text)
    };
    let options = pipeline::Options {
        facts: args.facts.clone(),
        source: args.source.source.clone(),
        ..pipeline::Options::default()
    };
    let prefixes = prefixes(iris);
    let bindings = parse_bindings(&args.bind, &prefixes)?;
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
    let row_limit = args.limit;
    let limit = args.timeout.unwrap_or_default();
    let outcome = with_deadline(args.timeout, move |deadline| {
        let timed_out = || anyhow::Error::new(QueryError::TimedOut(limit));
        let results = match newsgraph::query::run::execute(
            &graphs,
            &sparql,
            &prefixes,
            &bindings,
            deadline.token(),
        ) {
            Err(_) if deadline.expired() => return Err(timed_out()),
            other => other?,
        };
        let written = write_to(None, |out| {
            write_results_limited(results, format, &prefixes, row_limit, out)
        });
        match written {
            Err(_) if deadline.expired() => Err(timed_out()),
            other => other,
        }
    });
    outcome
        .map_err(anyhow::Error::new)
        .and_then(|result| result)
        .with_context(|| origin.clone())
}

/// Reads each `NAME=VALUE` of `--bind`; a variable bound twice is an error.
fn parse_bindings(
    given: &[String],
    prefixes: &[(String, String)],
) -> anyhow::Result<Vec<(Variable, Term)>> {
    let mut bindings: Vec<(Variable, Term)> = Vec::new();
    for text in given {
        let Some((name, value)) = text.split_once('=') else {
            bail!("invalid --bind \"{text}\": expected NAME=VALUE");
        };
        let (variable, term) = catalogue::binding(name, value, prefixes)
            .map_err(|e| anyhow::anyhow!("invalid --bind \"{text}\": {e}"))?;
        if bindings.iter().any(|(v, _)| *v == variable) {
            bail!(
                "invalid --bind \"{text}\": ?{variable} is already bound",
                variable = variable.as_str()
            );
        }
        bindings.push((variable, term));
    }
    Ok(bindings)
}
