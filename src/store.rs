//! The Oxigraph store: one named graph per article, and the ontology in a graph of its own.
//!
//! The store is in memory. Queries see the union of all graphs as their default graph, so a
//! saved question needs no `GRAPH` clause; `GRAPH ?g { … }` still tells articles apart.

use crate::mapper::Mapping;
use crate::vocab::{ONTOLOGY_GRAPH, rdfs};
use anyhow::Context;
use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::{GraphName, GraphNameRef, NamedNode, NamedOrBlankNode, Quad, Term};
use oxigraph::sparql::{CancellationToken, QueryResults, SparqlEvaluator, Variable};
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
    pub fn new() -> anyhow::Result<GraphStore> {
        let store = Store::new().context("cannot create the in-memory store")?;
        let parser = RdfParser::from_format(RdfFormat::Turtle)
            .with_base_iri(ONTOLOGY_GRAPH.as_str())
            .context("invalid ontology IRI")?
            .with_default_graph(ONTOLOGY_GRAPH);
        store
            .load_from_slice(parser, ONTOLOGY)
            .context("cannot load ontology/newsgraph.ttl")?;
        Ok(GraphStore {
            store,
            articles: Vec::new(),
        })
    }

    /// Adds an article's triples to its named graph, all at once.
    pub fn add(&mut self, mapping: &Mapping) -> anyhow::Result<()> {
        let graph = GraphName::NamedNode(mapping.graph.clone());
        let quads = mapping.triples().map(|t| {
            Quad::new(
                t.subject.clone(),
                t.predicate.clone(),
                t.object.clone(),
                graph.clone(),
            )
        });
        self.store
            .extend(quads)
            .with_context(|| format!("cannot load the graph {}", mapping.graph))?;
        if !self.articles.contains(&mapping.graph) {
            self.articles.push(mapping.graph.clone());
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
    pub fn graph_len(&self, graph: GraphNameRef<'_>) -> anyhow::Result<usize> {
        Ok(self
            .store
            .quads_for_pattern(None, None, None, Some(graph))
            .count())
    }

    /// The `rdfs:label` of every term the ontology declares, by IRI.
    pub fn ontology_labels(&self) -> anyhow::Result<HashMap<String, String>> {
        let mut labels = HashMap::new();
        for quad in
            self.store
                .quads_for_pattern(None, Some(rdfs::LABEL), None, Some(ONTOLOGY_GRAPH.into()))
        {
            let quad = quad.context("cannot read the store")?;
            if let (NamedOrBlankNode::NamedNode(term), Term::Literal(label)) =
                (quad.subject, quad.object)
            {
                labels.insert(term.into_string(), label.value().to_owned());
            }
        }
        Ok(labels)
    }

    /// Evaluates a SPARQL query, with `prefixes` declared for it and `bindings` substituted
    /// into it. Without `FROM`, the default graph is the union of all graphs.
    pub fn query(
        &self,
        sparql: &str,
        prefixes: &[(String, String)],
        bindings: &[(Variable, Term)],
    ) -> anyhow::Result<QueryResults<'static>> {
        self.query_cancellable(sparql, prefixes, bindings, &CancellationToken::new())
    }

    /// Evaluates a SPARQL query as [`GraphStore::query`] does; once `cancel` is cancelled,
    /// evaluation stops with [`oxigraph::sparql::QueryEvaluationError::Cancelled`].
    pub fn query_cancellable(
        &self,
        sparql: &str,
        prefixes: &[(String, String)],
        bindings: &[(Variable, Term)],
        cancel: &CancellationToken,
    ) -> anyhow::Result<QueryResults<'static>> {
        let mut evaluator = SparqlEvaluator::new().with_cancellation_token(cancel.clone());
        for (prefix, namespace) in prefixes {
            evaluator = evaluator.with_prefix(prefix, namespace)?;
        }
        let mut prepared = evaluator.parse_query(sparql)?;
        if prepared.dataset().is_default_dataset() {
            prepared.dataset_mut().set_default_graph_as_union();
        }
        for (variable, value) in bindings {
            prepared = prepared.substitute_variable(variable.clone(), value.clone());
        }
        Ok(prepared.on_store(&self.store).execute()?)
    }
}
