//! The RDF graph seen as a property graph, for tools that think in nodes and edges (Gephi,
//! yEd, Cytoscape, Neo4j).
//!
//! Resources become nodes; triples between resources become edges; literals become node
//! properties, not nodes; classes become a node's types. A dated relation, written in RDF as
//! an `rdf:Statement`, becomes one edge carrying its time, its note and whether it still
//! holds, rather than a node of its own.

use crate::export::shorten;
use crate::vocab::{rdf, rdfs, skos, time};
use oxigraph::model::{NamedNode, NamedOrBlankNode, Term, Triple};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

/// A node: one resource.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Node {
    /// The resource's prefixed name (`person:ding-hongwei`), unique in the graph.
    pub id: String,
    /// The full IRI.
    pub iri: String,
    /// Its `rdfs:label`.
    pub label: String,
    /// What sort of record it is, from its IRI: `person`, `organization`, `event`, `time`…
    pub kind: String,
    /// Its classes, as prefixed names.
    pub types: Vec<String>,
    /// Its literal values, by prefixed predicate name.
    pub properties: BTreeMap<String, Vec<String>>,
}

/// An edge: a triple between two resources.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edge {
    /// The subject's node id.
    pub source: String,
    /// The object's node id.
    pub target: String,
    /// The predicate's prefixed name (`org:reportsTo`).
    pub predicate: String,
    /// The predicate as words (`reports to`).
    pub label: String,
    /// For a dated or annotated relation: `when` (its interval), `note`, and `current`
    /// (`false` once the interval has ended).
    pub properties: BTreeMap<String, String>,
}

/// Nodes and edges, sorted for stable output.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PropertyGraph {
    /// Sorted by id.
    pub nodes: Vec<Node>,
    /// Sorted by source, predicate, target.
    pub edges: Vec<Edge>,
}

impl PropertyGraph {
    /// Every node property name, sorted.
    pub fn node_property_names(&self) -> Vec<&str> {
        names(self.nodes.iter().flat_map(|n| n.properties.keys()))
    }

    /// Every edge property name, sorted.
    pub fn edge_property_names(&self) -> Vec<&str> {
        names(self.edges.iter().flat_map(|e| e.properties.keys()))
    }
}

fn names<'a>(keys: impl Iterator<Item = &'a String>) -> Vec<&'a str> {
    keys.map(String::as_str)
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect()
}

/// Builds the property graph of `triples`. `base` is the base IRI (for node kinds) and
/// `predicate_labels` gives words for predicates that have them.
pub fn project<'a>(
    triples: impl IntoIterator<Item = &'a Triple>,
    base: &str,
    prefixes: &[(String, String)],
    predicate_labels: &HashMap<String, String>,
) -> PropertyGraph {
    let mut seen = HashSet::new();
    let mut triples: Vec<&Triple> = triples.into_iter().filter(|t| seen.insert(*t)).collect();
    triples.sort_by_cached_key(|t| t.to_string());
    let iri = |term: &Term| match term {
        Term::NamedNode(n) => Some(n.clone()),
        _ => None,
    };
    let subject_iri = |t: &Triple| match &t.subject {
        NamedOrBlankNode::NamedNode(n) => Some(n.clone()),
        NamedOrBlankNode::BlankNode(_) => None,
    };
    let value = |s: &NamedNode, p: oxigraph::model::NamedNodeRef<'_>| {
        triples
            .iter()
            .find(|t| subject_iri(t).as_ref() == Some(s) && t.predicate.as_ref() == p)
            .map(|t| t.object.clone())
    };

    // Dated relations become edges; their statement and interval nodes disappear.
    let statements: BTreeSet<NamedNode> = triples
        .iter()
        .filter(|t| {
            t.predicate.as_ref() == rdf::TYPE && t.object == Term::from(rdf::STATEMENT.into_owned())
        })
        .filter_map(|t| subject_iri(t))
        .collect();
    let mut hidden: HashSet<NamedNode> = statements.iter().cloned().collect();
    let mut described = HashSet::new();
    let mut edges = Vec::new();
    let label_of = |n: &NamedNode| match value(n, rdfs::LABEL) {
        Some(Term::Literal(l)) => l.value().to_owned(),
        _ => shorten(n.as_str(), prefixes),
    };
    for statement in &statements {
        let (Some(Term::NamedNode(s)), Some(Term::NamedNode(p)), Some(o)) = (
            value(statement, rdf::SUBJECT),
            value(statement, rdf::PREDICATE),
            value(statement, rdf::OBJECT),
        ) else {
            continue;
        };
        let Some(o) = iri(&o) else { continue };
        described.insert((s.clone(), p.clone(), o.clone()));
        let mut properties = BTreeMap::new();
        let mut ended = false;
        if let Some(Term::NamedNode(interval)) = value(statement, time::HAS_TIME) {
            properties.insert("when".to_owned(), label_of(&interval));
            ended = value(&interval, time::HAS_END).is_some();
            hidden.insert(interval);
        }
        properties.insert("current".to_owned(), (!ended).to_string());
        if let Some(Term::Literal(note)) = value(statement, skos::NOTE) {
            properties.insert("note".to_owned(), note.value().to_owned());
        }
        edges.push(edge(&s, &p, &o, properties, prefixes, predicate_labels));
    }

    let mut nodes: BTreeMap<NamedNode, Node> = BTreeMap::new();
    let node = |n: &NamedNode, nodes: &mut BTreeMap<NamedNode, Node>| {
        nodes.entry(n.clone()).or_insert_with(|| Node {
            id: shorten(n.as_str(), prefixes),
            iri: n.as_str().to_owned(),
            label: String::new(),
            kind: kind(n.as_str(), base),
            types: Vec::new(),
            properties: BTreeMap::new(),
        });
    };
    for t in &triples {
        let Some(s) = subject_iri(t) else { continue };
        if hidden.contains(&s) {
            continue;
        }
        node(&s, &mut nodes);
        match &t.object {
            Term::NamedNode(class) if t.predicate.as_ref() == rdf::TYPE => {
                let entry = nodes.get_mut(&s).expect("inserted above");
                entry.types.push(shorten(class.as_str(), prefixes));
            }
            Term::NamedNode(o) if !hidden.contains(o) => {
                node(o, &mut nodes);
                if !described.contains(&(s.clone(), t.predicate.clone(), o.clone())) {
                    edges.push(edge(
                        &s,
                        &t.predicate,
                        o,
                        BTreeMap::new(),
                        prefixes,
                        predicate_labels,
                    ));
                }
            }
            Term::Literal(l) => {
                let entry = nodes.get_mut(&s).expect("inserted above");
                if t.predicate.as_ref() == rdfs::LABEL {
                    entry.label = l.value().to_owned();
                } else {
                    entry
                        .properties
                        .entry(shorten(t.predicate.as_str(), prefixes))
                        .or_default()
                        .push(l.value().to_owned());
                }
            }
            _ => {}
        }
    }
    edges.sort_by(|a, b| {
        (&a.source, &a.predicate, &a.target, &a.properties).cmp(&(
            &b.source,
            &b.predicate,
            &b.target,
            &b.properties,
        ))
    });
    PropertyGraph {
        nodes: nodes.into_values().collect(),
        edges,
    }
}

fn edge(
    s: &NamedNode,
    p: &NamedNode,
    o: &NamedNode,
    properties: BTreeMap<String, String>,
    prefixes: &[(String, String)],
    predicate_labels: &HashMap<String, String>,
) -> Edge {
    Edge {
        source: shorten(s.as_str(), prefixes),
        target: shorten(o.as_str(), prefixes),
        predicate: shorten(p.as_str(), prefixes),
        label: predicate_labels
            .get(p.as_str())
            .cloned()
            .unwrap_or_else(|| words(local_name(p.as_str()))),
        properties,
    }
}

/// The kind of a minted resource, from its IRI: `{base}person/x` is a `person`,
/// `{base}event/x/time` a `time`.
fn kind(iri: &str, base: &str) -> String {
    match iri.strip_prefix(base) {
        Some(path) => {
            let segments: Vec<&str> = path.split('/').collect();
            match segments.as_slice() {
                [kind, _] => (*kind).to_owned(),
                [.., last] => (*last).to_owned(),
                [] => "resource".to_owned(),
            }
        }
        None => "resource".to_owned(),
    }
}

fn local_name(iri: &str) -> &str {
    iri.rsplit(['#', '/']).next().unwrap_or(iri)
}

/// `reportsTo` as `reports to`.
pub fn words(camel: &str) -> String {
    let mut out = String::new();
    for c in camel.chars() {
        if c.is_uppercase() && !out.is_empty() {
            out.push(' ');
        }
        out.extend(c.to_lowercase());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn predicate_names_read_as_words() {
        assert_eq!(words("reportsTo"), "reports to");
        assert_eq!(words("hasSubOrganization"), "has sub organization");
    }

    #[test]
    fn kinds_come_from_iris() {
        let base = "https://x.example/id/";
        assert_eq!(kind("https://x.example/id/person/ding", base), "person");
        assert_eq!(kind("https://x.example/id/event/e/time", base), "time");
        assert_eq!(kind("https://schema.org/Thing", base), "resource");
    }
}
