//! GraphML, the XML graph format Gephi, yEd and Cytoscape open.

use crate::export::graph::PropertyGraph;
use std::io::Write;

/// Writes the property graph as GraphML: node attributes `label`, `kind`, `types`, `iri` and
/// one per literal property; edge attributes `predicate`, `label` and those of dated
/// relations.
pub fn write_graphml(graph: &PropertyGraph, out: &mut dyn Write) -> crate::error::Result<()> {
    let node_keys = graph.node_property_names();
    let edge_keys = graph.edge_property_names();
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        out,
        r#"<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">"#
    )?;
    for key in ["label", "kind", "types", "iri"]
        .into_iter()
        .chain(node_keys.iter().copied())
    {
        writeln!(
            out,
            r#"  <key id="n_{}" for="node" attr.name="{}" attr.type="string"/>"#,
            xml(&key.replace(':', "_")),
            xml(key)
        )?;
    }
    for key in ["predicate", "label"]
        .into_iter()
        .chain(edge_keys.iter().copied())
    {
        writeln!(
            out,
            r#"  <key id="e_{}" for="edge" attr.name="{}" attr.type="string"/>"#,
            xml(key),
            xml(key)
        )?;
    }
    writeln!(out, r#"  <graph id="newsgraph" edgedefault="directed">"#)?;
    for node in &graph.nodes {
        writeln!(out, r#"    <node id="{}">"#, xml(&node.id))?;
        let fixed = [
            ("label", node.label.clone()),
            ("kind", node.kind.clone()),
            ("types", node.types.join(" ")),
            ("iri", node.iri.clone()),
        ];
        let properties = node
            .properties
            .iter()
            .map(|(k, v)| (k.as_str(), v.join(" | ")));
        for (key, value) in fixed.into_iter().chain(properties) {
            writeln!(
                out,
                r#"      <data key="n_{}">{}</data>"#,
                xml(&key.replace(':', "_")),
                xml(&value)
            )?;
        }
        writeln!(out, "    </node>")?;
    }
    for (i, edge) in graph.edges.iter().enumerate() {
        writeln!(
            out,
            r#"    <edge id="e{i}" source="{}" target="{}">"#,
            xml(&edge.source),
            xml(&edge.target)
        )?;
        let fixed = [("predicate", &edge.predicate), ("label", &edge.label)];
        for (key, value) in fixed
            .into_iter()
            .chain(edge.properties.iter().map(|(k, v)| (k.as_str(), v)))
        {
            writeln!(
                out,
                r#"      <data key="e_{}">{}</data>"#,
                xml(key),
                xml(value)
            )?;
        }
        writeln!(out, "    </edge>")?;
    }
    writeln!(out, "  </graph>")?;
    writeln!(out, "</graphml>")?;
    Ok(())
}

/// Escapes text for XML content and attribute values.
fn xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\n' => out.push_str("&#10;"),
            c => out.push(c),
        }
    }
    out
}
