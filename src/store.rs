//! The Oxigraph store: one named graph per article, and the ontology in a graph of its own.
//!
//! The store is in memory. Queries see the union of all graphs as their default graph, so a
//! saved question needs no `GRAPH` clause; `GRAPH ?g { … }` still tells articles apart.

use crate::error::{Error, Result};
use crate::vocab::{ONTOLOGY_GRAPH, rdfs};
use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::{GraphName, GraphNameRef, NamedNode, NamedOrBlankNode, Term, Triple};
use oxigraph::sparql::{QueryResults, SparqlEvaluator, Variable};
use oxigraph::store::Store;
use std::collections::HashMap;

/// newsgraph's ontology, in Turtle.
pub const ONTOLOGY: &str = include_str!("../ontology/newsgraph.ttl");

/// A store holding mapped articles and the ontology.
pub struct GraphStore {
    store: Store,
    articles: Vec<NamedNode>,
}

impl std::fmt::Debug for GraphStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("GraphStore")
            .field("articles", &self.articles)
            .finish_non_exhaustive()
    }
}

impl GraphStore {
    /// An in-memory store with the ontology loaded.
    pub fn new() -> Result<GraphStore> {
        let store = Store::new()?;
        let parser = RdfParser::from_format(RdfFormat::Turtle)
            .with_base_iri(ONTOLOGY_GRAPH.as_str())
            .expect("the ontology graph name is an absolute IRI")
            .with_default_graph(ONTOLOGY_GRAPH);
        store.load_from_slice(parser, ONTOLOGY)?;
        Ok(GraphStore {
            store,
            articles: Vec::new(),
        })
    }

    /// Adds an article's triples to its named graph, all at once.
    pub fn add(
        &mut self,
        graph: &NamedNode,
        triples: impl IntoIterator<Item = Triple>,
    ) -> Result<()> {
        let name = GraphName::NamedNode(graph.clone());
        self.store
            .extend(triples.into_iter().map(|t| t.in_graph(name.clone())))?;
        if !self.articles.contains(graph) {
            self.articles.push(graph.clone());
        }
        Ok(())
    }

    /// The underlying Oxigraph store.
    pub fn store(&self) -> &Store {
        &self.store
    }

    /// The named graphs of the articles loaded, in loading order.
    pub fn article_graphs(&self) -> &[NamedNode] {
        &self.articles
    }

    /// The graphs an export writes: the articles', and the ontology's when asked for.
    pub fn graph_names(&self, with_ontology: bool) -> Vec<GraphName> {
        let mut graphs: Vec<GraphName> =
            self.articles.iter().cloned().map(GraphName::from).collect();
        if with_ontology {
            graphs.push(ONTOLOGY_GRAPH.into_owned().into());
        }
        graphs
    }

    /// How many quads a graph holds.
    pub fn graph_len(&self, graph: GraphNameRef<'_>) -> usize {
        self.store
            .quads_for_pattern(None, None, None, Some(graph))
            .count()
    }

    /// Evaluates a SPARQL query, with `prefixes` declared for it and `bindings` substituted
    /// into it. Without `FROM`, the default graph is the union of all graphs.
    pub fn query(
        &self,
        sparql: &str,
        prefixes: &[(String, String)],
        bindings: &[(Variable, Term)],
    ) -> Result<QueryResults<'static>> {
        let mut evaluator = SparqlEvaluator::new();
        for (prefix, namespace) in prefixes {
            evaluator = evaluator
                .with_prefix(prefix, namespace)
                .map_err(|e| Error::BaseIri {
                    iri: namespace.clone(),
                    reason: e.to_string(),
                })?;
        }
        let mut prepared = evaluator
            .parse_query(sparql)
            .map_err(|e| Error::Sparql(describe_syntax_error(sparql, &e)))?;
        if prepared.dataset().is_default_dataset() {
            prepared.dataset_mut().set_default_graph_as_union();
        }
        for (variable, value) in bindings {
            prepared = prepared.substitute_variable(variable.clone(), value.clone());
        }
        Ok(prepared.on_store(&self.store).execute()?)
    }
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

/// The triples of newsgraph's ontology.
pub fn ontology_triples() -> Vec<Triple> {
    RdfParser::from_format(RdfFormat::Turtle)
        .with_base_iri(ONTOLOGY_GRAPH.as_str())
        .expect("the ontology graph name is an absolute IRI")
        .for_slice(ONTOLOGY)
        .map(|quad| Triple::from(quad.expect("the ontology is checked by the test suite")))
        .collect()
}

/// The `rdfs:label` of every term the ontology declares, by IRI.
pub fn ontology_labels() -> HashMap<String, String> {
    ontology_triples()
        .into_iter()
        .filter(|t| t.predicate.as_ref() == rdfs::LABEL)
        .filter_map(|t| match (t.subject, t.object) {
            (NamedOrBlankNode::NamedNode(term), Term::Literal(label)) => {
                Some((term.into_string(), label.value().to_owned()))
            }
            _ => None,
        })
        .collect()
}
