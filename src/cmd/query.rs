//! `newsgraph query`: a saved question, a query file, or SPARQL from the command line.

use crate::cli::QueryArgs;
use crate::export::{expand, prefixes};
use crate::iris::Iris;
use crate::limits::{QueryError, with_deadline};
use crate::output::write_to;
use crate::pipeline;
use crate::queries;
use crate::results::write_results;
use anyhow::{Context, bail};
use oxigraph::model::{Literal, NamedNode, Term};
use oxigraph::sparql::Variable;

pub fn run(args: &QueryArgs, iris: &Iris) -> anyhow::Result<()> {
    let (origin, sparql) = if let Some(name) = &args.name {
        let Some(saved) = queries::find(name) else {
            let names: Vec<&str> = queries::saved().iter().map(|q| q.name).collect();
            bail!(
                "unknown saved query \"{name}\"; the saved queries are: {}",
                names.join(", ")
            );
        };
        (format!("saved query \"{name}\""), saved.sparql.to_owned())
    } else if let Some(path) = &args.file {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("cannot read query file {}", path.display()))?;
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
    let bindings = args
        .bind
        .iter()
        .map(|b| parse_binding(b, &prefixes))
        .collect::<anyhow::Result<Vec<_>>>()?;
    let loaded = pipeline::load(&options, iris)?;
    let format = args.format;
    let limit = args.timeout.unwrap_or_default();
    let outcome = with_deadline(args.timeout, move |deadline| {
        let timed_out = || anyhow::Error::new(QueryError::TimedOut(limit));
        let results =
            match loaded
                .store
                .query_cancellable(&sparql, &prefixes, &bindings, deadline.token())
            {
                Err(_) if deadline.expired() => return Err(timed_out()),
                other => other.context("invalid or failing SPARQL")?,
            };
        match write_to(None, |out| write_results(results, format, &prefixes, out)) {
            Err(_) if deadline.expired() => Err(timed_out()),
            other => other,
        }
    });
    outcome
        .map_err(anyhow::Error::new)
        .and_then(|result| result)
        .with_context(|| origin.clone())
}

/// Reads `NAME=VALUE`: `<iri>` and `prefix:name` (a known prefix) are IRIs, anything else a
/// string.
fn parse_binding(text: &str, prefixes: &[(String, String)]) -> anyhow::Result<(Variable, Term)> {
    let Some((name, value)) = text.split_once('=') else {
        bail!("invalid --bind \"{text}\": expected NAME=VALUE");
    };
    let variable = Variable::new(name.trim_start_matches(['?', '$']))
        .with_context(|| format!("invalid --bind \"{text}\": bad variable name"))?;
    let term = if let Some(iri) = value.strip_prefix('<').and_then(|v| v.strip_suffix('>')) {
        NamedNode::new(iri)
            .with_context(|| format!("invalid --bind \"{text}\": bad IRI"))?
            .into()
    } else if let Some(iri) = expand(value, prefixes) {
        NamedNode::new(iri)
            .with_context(|| format!("invalid --bind \"{text}\": bad IRI"))?
            .into()
    } else {
        Literal::new_simple_literal(value).into()
    };
    Ok((variable, term))
}
