//! CSV files for Neo4j's bulk importer (`neo4j-admin database import full`), which needs no
//! plugin: `nodes.csv` with `:ID` and `:LABEL`, `relationships.csv` with `:START_ID`,
//! `:END_ID` and `:TYPE`.
//!
//! Every column is typed in its header (`current:boolean`, `schema_value:double`,
//! `skos_altLabel:string[]`), so Neo4j stores booleans and numbers rather than text. A missing
//! value is an empty, unquoted cell, which the importer leaves out (a quoted `""` would be
//! stored as an empty string). The elements of a list, and a node's labels, are separated by
//! [`ARRAY_DELIMITER`], a control character that no value can hold (facts files may not hold
//! it), so the importer needs `--array-delimiter=U+001F`; values may hold newlines, so it
//! needs `--multiline-fields=true`.

use crate::export::graph::{PropertyGraph, PropertyType, ValueType};
use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;

/// The file names written into the output directory.
pub const FILES: [&str; 2] = ["nodes.csv", "relationships.csv"];

/// The separator of the elements of a list and of a node's labels: U+001F, the information
/// separator meant for this, never in a value.
pub const ARRAY_DELIMITER: char = '\u{1F}';

/// The options `neo4j-admin database import full` needs to read these files as written.
pub const IMPORT_OPTIONS: [&str; 2] = ["--array-delimiter=U+001F", "--multiline-fields=true"];

/// A column name with its Neo4j type: `name` for text, `name:boolean`, `name:string[]`…
fn column(name: &str, t: PropertyType) -> String {
    let value = match t.value {
        ValueType::String => "string",
        ValueType::Boolean => "boolean",
        ValueType::Integer => "long",
        ValueType::Double => "double",
    };
    match (t.value, t.list) {
        (ValueType::String, false) => name.to_owned(),
        (_, false) => format!("{name}:{value}"),
        (_, true) => format!("{name}:{value}[]"),
    }
}

/// Writes `nodes.csv`: the node id, its labels (its classes' local names), then `label`,
/// `kind`, `iri` and one column per literal property.
pub fn write_nodes(graph: &PropertyGraph, out: &mut dyn Write) -> crate::error::Result<()> {
    header(
        out,
        &["id:ID", ":LABEL", "label", "kind", "iri"],
        graph
            .node_properties
            .iter()
            .map(|(p, t)| column(&p.replace(':', "_"), *t)),
    )?;
    let delimiter = ARRAY_DELIMITER.to_string();
    for node in &graph.nodes {
        let labels: BTreeSet<&str> = node
            .types
            .iter()
            .map(|t| t.rsplit([':', '/', '#']).next().unwrap_or(t))
            .collect();
        // A node without classes or without a label has no value there, not an empty one.
        let some = |text: String| Some(text).filter(|t| !t.is_empty());
        let mut fields = vec![
            Some(node.id.clone()),
            some(labels.into_iter().collect::<Vec<_>>().join(&delimiter)),
            some(node.label.clone()),
            Some(node.kind.clone()),
            Some(node.iri.clone()),
        ];
        fields.extend(
            graph
                .node_properties
                .keys()
                .map(|p| node.properties.get(p).map(|v| v.join(&delimiter))),
        );
        row(out, &fields)?;
    }
    Ok(())
}

/// Writes `relationships.csv`: start, end, type (the predicate in upper snake case,
/// `REPORTS_TO`), then `predicate`, `label` and the properties of dated relations.
pub fn write_relationships(graph: &PropertyGraph, out: &mut dyn Write) -> crate::error::Result<()> {
    header(
        out,
        &[":START_ID", ":END_ID", ":TYPE", "predicate", "label"],
        graph.edge_properties.iter().map(|(p, t)| column(p, *t)),
    )?;
    for edge in &graph.edges {
        let mut fields = vec![
            Some(edge.source.clone()),
            Some(edge.target.clone()),
            Some(edge.label.to_uppercase().replace(' ', "_")),
            Some(edge.predicate.clone()),
            Some(edge.label.clone()),
        ];
        let properties: &BTreeMap<String, String> = &edge.properties;
        fields.extend(
            graph
                .edge_properties
                .keys()
                .map(|p| properties.get(p).cloned()),
        );
        row(out, &fields)?;
    }
    Ok(())
}

/// The header row: the fixed columns, then one per property.
fn header(
    out: &mut dyn Write,
    fixed: &[&str],
    properties: impl Iterator<Item = String>,
) -> crate::error::Result<()> {
    let columns: Vec<Option<String>> = fixed
        .iter()
        .map(|c| Some((*c).to_owned()))
        .chain(properties.map(Some))
        .collect();
    row(out, &columns)
}

/// One CSV row (RFC 4180): every value quoted, a missing one an empty cell.
fn row(out: &mut dyn Write, fields: &[Option<String>]) -> crate::error::Result<()> {
    let cells: Vec<String> = fields
        .iter()
        .map(|f| match f {
            Some(value) => format!("\"{}\"", value.replace('"', "\"\"")),
            None => String::new(),
        })
        .collect();
    writeln!(out, "{}", cells.join(","))?;
    Ok(())
}
