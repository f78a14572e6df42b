//! The RDF graph seen as a property graph, for tools that think in nodes and edges (Gephi,
//! yEd, Cytoscape, Neo4j).
//!
//! Resources become nodes; triples between resources become edges; literals become node
//! properties, not nodes; classes become a node's types. A dated relation, written in RDF as
//! an `rdf:Statement`, becomes one edge carrying its time, its note and whether it still
//! holds, rather than a node of its own.

use crate::rdf::iris::Iris;
use crate::rdf::mapping::Mapping;
use crate::rdf::shorten;
use crate::rdf::vocab::{local_name, rdf, rdfs, xsd};
use oxigraph::model::{Literal, NamedNode, NamedOrBlankNode, Term, Triple};
use std::collections::{BTreeMap, HashMap, HashSet};

/// A node: one resource.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Node {
    /// The resource's prefixed name (`person:ding-hongwei`), unique in the graph.
    pub id: String,
    /// The full IRI.
    pub iri: String,
    /// Its `rdfs:label`.
    pub label: String,
    /// What sort of resource it is ([`crate::rdf::iris::NodeKind::name`]): `person`,
    /// `organization`, `event`, `time`…
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

/// What the values of a property are, for tools that type their columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ValueType {
    /// Text, and anything that is not one of the others (dates, years…).
    String,
    /// `true` or `false` (`xsd:boolean`).
    Boolean,
    /// A whole number (`xsd:integer` and its subtypes).
    Integer,
    /// A decimal or floating-point number (`xsd:decimal`, `xsd:double`, `xsd:float`).
    Double,
}

impl ValueType {
    /// The type of a literal, by its datatype.
    pub fn of(literal: &Literal) -> ValueType {
        let datatype = literal.datatype();
        let Some(local) = datatype.as_str().strip_prefix(xsd::NS) else {
            return ValueType::String;
        };
        match local {
            "boolean" => ValueType::Boolean,
            "integer" | "int" | "long" | "short" | "byte" | "nonNegativeInteger"
            | "positiveInteger" | "nonPositiveInteger" | "negativeInteger" | "unsignedLong"
            | "unsignedInt" | "unsignedShort" | "unsignedByte" => ValueType::Integer,
            "decimal" | "double" | "float" => ValueType::Double,
            _ => ValueType::String,
        }
    }

    /// The type that holds values of both types: numbers widen to [`ValueType::Double`],
    /// anything else mixed is [`ValueType::String`].
    pub fn join(self, other: ValueType) -> ValueType {
        use ValueType::*;
        match (self, other) {
            (a, b) if a == b => a,
            (Integer, Double) | (Double, Integer) => Double,
            _ => String,
        }
    }
}

/// A property's type, over every node (or edge) that has it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PropertyType {
    /// The type of its values.
    pub value: ValueType,
    /// Whether some node has several values for it: a list rather than one value.
    pub list: bool,
}

/// Nodes and edges, sorted for stable output.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PropertyGraph {
    /// Sorted by id.
    pub nodes: Vec<Node>,
    /// Sorted by source, predicate, target.
    pub edges: Vec<Edge>,
    /// The type of every node property, by name.
    pub node_properties: BTreeMap<String, PropertyType>,
    /// The type of every edge property, by name.
    pub edge_properties: BTreeMap<String, PropertyType>,
}

impl PropertyGraph {
    /// Every node property name, sorted.
    pub fn node_property_names(&self) -> Vec<&str> {
        self.node_properties.keys().map(String::as_str).collect()
    }

    /// Every edge property name, sorted.
    pub fn edge_property_names(&self) -> Vec<&str> {
        self.edge_properties.keys().map(String::as_str).collect()
    }
}

/// Records that a property has a value of type `value`.
fn note_type(types: &mut BTreeMap<String, PropertyType>, name: &str, value: ValueType) {
    types
        .entry(name.to_owned())
        .and_modify(|t| t.value = t.value.join(value))
        .or_insert(PropertyType { value, list: false });
}

/// Builds the property graph of the articles' content (provenance left out). Each node's
/// kind comes from [`Iris::kind_of`]; `predicate_labels` gives words for predicates that have
/// them.
pub fn project<'a>(
    mappings: impl IntoIterator<Item = &'a Mapping>,
    iris: &Iris,
    prefixes: &[(String, String)],
    predicate_labels: &HashMap<String, String>,
) -> PropertyGraph {
    let mut edges = Vec::new();
    let mut node_properties = BTreeMap::new();
    let mut edge_properties = BTreeMap::new();
    let mut described = HashSet::new();
    let mut triples: HashSet<&Triple> = HashSet::new();
    let mut dated_statements = Vec::new();
    for mapping in mappings {
        triples.extend(mapping.records.iter().flat_map(|r| &r.triples));
        dated_statements.extend(mapping.dated());
    }

    // Dated relations become edges carrying their time; their statement and interval nodes
    // are not nodes of the property graph.
    dated_statements.sort_by(|a, b| a.node.cmp(&b.node));
    dated_statements.dedup_by(|a, b| a.node == b.node);
    for dated in dated_statements {
        let (NamedOrBlankNode::NamedNode(s), Term::NamedNode(o)) =
            (&dated.triple.subject, &dated.triple.object)
        else {
            continue;
        };
        described.insert((s, &dated.triple.predicate, o));
        let mut properties = BTreeMap::new();
        if let Some(interval) = &dated.interval {
            properties.insert("when".to_owned(), interval.label.clone());
            note_type(&mut edge_properties, "when", ValueType::String);
        }
        properties.insert("current".to_owned(), dated.holds().to_string());
        note_type(&mut edge_properties, "current", ValueType::Boolean);
        if dated.planned {
            properties.insert("planned".to_owned(), "true".to_owned());
            note_type(&mut edge_properties, "planned", ValueType::Boolean);
        }
        if let Some(note) = &dated.note {
            properties.insert("note".to_owned(), note.clone());
            note_type(&mut edge_properties, "note", ValueType::String);
        }
        edges.push(edge(
            s,
            &dated.triple.predicate,
            o,
            properties,
            prefixes,
            predicate_labels,
        ));
    }

    let mut nodes: BTreeMap<&NamedNode, Node> = BTreeMap::new();
    let node = |n: &NamedNode| Node {
        id: shorten(n.as_str(), prefixes),
        iri: n.as_str().to_owned(),
        label: String::new(),
        kind: iris
            .kind_of(n.as_str())
            .map_or("resource", |k| k.name())
            .to_owned(),
        types: Vec::new(),
        properties: BTreeMap::new(),
    };
    let mut triples: Vec<&Triple> = triples.into_iter().collect();
    triples.sort_by_cached_key(|t| t.to_string());
    for t in triples {
        let NamedOrBlankNode::NamedNode(s) = &t.subject else {
            continue;
        };
        let entry = nodes.entry(s).or_insert_with(|| node(s));
        match &t.object {
            Term::NamedNode(class) if t.predicate.as_ref() == rdf::TYPE => {
                entry.types.push(shorten(class.as_str(), prefixes));
            }
            Term::Literal(l) if t.predicate.as_ref() == rdfs::LABEL => {
                entry.label = l.value().to_owned();
            }
            Term::Literal(l) => {
                let name = shorten(t.predicate.as_str(), prefixes);
                let value_type = ValueType::of(l);
                note_type(&mut node_properties, &name, value_type);
                let text = match (value_type, l.value()) {
                    (ValueType::Boolean, "1") => "true",
                    (ValueType::Boolean, "0") => "false",
                    (_, text) => text,
                };
                entry
                    .properties
                    .entry(name)
                    .or_default()
                    .push(text.to_owned());
            }
            Term::NamedNode(o) => {
                nodes.entry(o).or_insert_with(|| node(o));
                if !described.contains(&(s, &t.predicate, o)) {
                    edges.push(edge(
                        s,
                        &t.predicate,
                        o,
                        BTreeMap::new(),
                        prefixes,
                        predicate_labels,
                    ));
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
    let nodes: Vec<Node> = nodes.into_values().collect();
    for node in &nodes {
        for (name, values) in &node.properties {
            if values.len() > 1 {
                if let Some(t) = node_properties.get_mut(name) {
                    t.list = true;
                }
            }
        }
    }
    PropertyGraph {
        nodes,
        edges,
        node_properties,
        edge_properties,
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
}
