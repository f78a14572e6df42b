//! Runs a question against a store: the SPARQL parsed with its prefixes, bound values written
//! into it ([`bindings`](super::bindings)), and evaluation that a token can cancel. Every way of
//! asking (the command line, the server, `why`, tests and benchmarks) comes through here.

use crate::error::{Error, Result};
use crate::store::GraphStore;
use oxigraph::model::Term;
use oxigraph::sparql::{CancellationToken, QueryResults, SparqlEvaluator, Variable};
use spargebra::SparqlParser;

/// Evaluates `sparql`, with `prefixes` declared for it and `bindings` substituted into it.
/// Without `FROM`, it runs against the default graph: every triple of the articles and the
/// ontology, once.
pub fn ask(
    store: &GraphStore,
    sparql: &str,
    prefixes: &[(String, String)],
    bindings: &[(Variable, Term)],
) -> Result<QueryResults<'static>> {
    execute(store, sparql, prefixes, bindings, &CancellationToken::new())
}

/// Evaluates a query as [`ask`] does; once `cancel` is cancelled, evaluation stops with
/// [`oxigraph::sparql::QueryEvaluationError::Cancelled`].
pub fn execute(
    store: &GraphStore,
    sparql: &str,
    prefixes: &[(String, String)],
    bindings: &[(Variable, Term)],
    cancel: &CancellationToken,
) -> Result<QueryResults<'static>> {
    let mut query = parse(sparql, prefixes)?;
    super::bindings::write_in(&mut query, bindings);
    let mut prepared = SparqlEvaluator::new()
        .with_cancellation_token(cancel.clone())
        .for_query(query);
    for (variable, value) in bindings {
        prepared = prepared.substitute_variable(variable.clone(), value.clone());
    }
    store.evaluate(prepared)
}

/// Parses `sparql` with `prefixes` declared; a syntax error is said in one line.
pub fn parse(sparql: &str, prefixes: &[(String, String)]) -> Result<spargebra::Query> {
    crate::rdf::declare(SparqlParser::new(), prefixes, |p, prefix, namespace| {
        p.with_prefix(prefix, namespace)
    })?
    .parse_query(sparql)
    .map_err(|e| Error::Sparql(describe_syntax_error(sparql, &e)))
}

/// A SPARQL syntax error in one readable line: where it is, what the parser expected (its
/// keywords and punctuation, not its character classes), the text found there, and an
/// unknown prefix by name.
pub fn describe_syntax_error(query: &str, error: &oxigraph::sparql::SparqlSyntaxError) -> String {
    let message = error.to_string();
    // The parser's message repeats itself after ": error at"; the first part says it all.
    let first = message.split(": error at ").next().unwrap_or(&message);
    let Some((line, column, rest)) = first
        .strip_prefix("error at ")
        .and_then(|r| r.split_once(": "))
        .and_then(|(at, rest)| {
            let (line, column) = at.split_once(':')?;
            Some((
                line.parse::<usize>().ok()?,
                column.parse::<usize>().ok()?,
                rest,
            ))
        })
    else {
        return first.to_owned();
    };
    let text_line = query.lines().nth(line.saturating_sub(1)).unwrap_or("");
    let before: String = text_line.chars().take(column.saturating_sub(1)).collect();
    let after: String = text_line
        .chars()
        .skip(column.saturating_sub(1))
        .take(24)
        .collect();
    let at = format!("line {line}, column {column}");
    if rest.contains("Prefix not found") {
        let name = before
            .rsplit(|c: char| c.is_whitespace() || "{}()[];,.".contains(c))
            .next()
            .unwrap_or("");
        let prefix = name.split(':').next().unwrap_or(name);
        return format!("unknown prefix `{prefix}:` in `{name}` at {at}");
    }
    let expected: Vec<&str> = rest
        .trim_start_matches("expected one of ")
        .trim_start_matches("expected ")
        .split(", ")
        .filter(|token| token.starts_with('"') || token.chars().all(|c| c.is_ascii_uppercase()))
        .collect();
    let found = if after.trim().is_empty() {
        "the end of the query".to_owned()
    } else {
        format!("`{}`", after.trim_end())
    };
    if expected.is_empty() {
        format!("unexpected {found} at {at}")
    } else {
        format!("expected {} at {at}, found {found}", expected.join(" or "))
    }
}
