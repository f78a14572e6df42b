//! CSV files for Neo4j's bulk importer (`neo4j-admin database import full`), which needs no
//! plugin: `nodes.csv` with `:ID` and `:LABEL`, `relationships.csv` with `:START_ID`,
//! `:END_ID` and `:TYPE`.

use crate::export::graph::PropertyGraph;
use std::collections::BTreeSet;
use std::io::Write;

/// The file names written into the output directory.
pub const FILES: [&str; 2] = ["nodes.csv", "relationships.csv"];

/// Writes `nodes.csv`: the node id, its labels (its classes' local names, `;`-separated),
/// then `label`, `kind`, `iri` and one column per literal property.
pub fn write_nodes(graph: &PropertyGraph, out: &mut dyn Write) -> crate::error::Result<()> {
    let properties = graph.node_property_names();
    let mut header = vec![
        "id:ID".to_owned(),
        ":LABEL".to_owned(),
        "label".into(),
        "kind".into(),
        "iri".into(),
    ];
    header.extend(properties.iter().map(|p| p.replace(':', "_")));
    row(out, &header)?;
    for node in &graph.nodes {
        let labels: BTreeSet<&str> = node
            .types
            .iter()
            .map(|t| t.rsplit([':', '/', '#']).next().unwrap_or(t))
            .collect();
        let mut fields = vec![
            node.id.clone(),
            labels.into_iter().collect::<Vec<_>>().join(";"),
            node.label.clone(),
            node.kind.clone(),
            node.iri.clone(),
        ];
        fields.extend(properties.iter().map(|p| {
            node.properties
                .get(*p)
                .map(|v| v.join(" | "))
                .unwrap_or_default()
        }));
        row(out, &fields)?;
    }
    Ok(())
}

/// Writes `relationships.csv`: start, end, type (the predicate in upper snake case,
/// `REPORTS_TO`), then `predicate`, `label` and the properties of dated relations.
pub fn write_relationships(graph: &PropertyGraph, out: &mut dyn Write) -> crate::error::Result<()> {
    let properties = graph.edge_property_names();
    let mut header = vec![
        ":START_ID".to_owned(),
        ":END_ID".into(),
        ":TYPE".into(),
        "predicate".into(),
        "label".into(),
    ];
    header.extend(properties.iter().map(|p| (*p).to_owned()));
    row(out, &header)?;
    for edge in &graph.edges {
        let mut fields = vec![
            edge.source.clone(),
            edge.target.clone(),
            edge.label.to_uppercase().replace(' ', "_"),
            edge.predicate.clone(),
            edge.label.clone(),
        ];
        fields.extend(
            properties
                .iter()
                .map(|p| edge.properties.get(*p).cloned().unwrap_or_default()),
        );
        row(out, &fields)?;
    }
    Ok(())
}

/// One CSV row, every field quoted (RFC 4180).
fn row(out: &mut dyn Write, fields: &[String]) -> crate::error::Result<()> {
    let quoted: Vec<String> = fields
        .iter()
        .map(|f| format!("\"{}\"", f.replace('"', "\"\"")))
        .collect();
    writeln!(out, "{}", quoted.join(","))?;
    Ok(())
}
