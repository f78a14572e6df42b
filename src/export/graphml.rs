//! GraphML, the XML graph format Gephi, yEd, Cytoscape, networkx and igraph open.

use crate::export::graph::{PropertyGraph, PropertyType, ValueType};
use std::io::Write;

/// The GraphML type of a property's values (`attr.type`). A list is a string holding a JSON
/// array, since GraphML has no lists.
fn attr_type(t: PropertyType) -> &'static str {
    match (t.value, t.list) {
        (_, true) | (ValueType::String, _) => "string",
        (ValueType::Boolean, false) => "boolean",
        (ValueType::Integer, false) => "long",
        (ValueType::Double, false) => "double",
    }
}

/// Writes the property graph as GraphML: node attributes `label`, `kind`, `types`, `iri` and
/// one per literal property; edge attributes `predicate`, `label` and those of dated
/// relations. Each attribute is declared with its type (`boolean`, `long`, `double`,
/// `string`); a property with several values on some node holds, on every node, a JSON array
/// of strings (its key's `desc` says so), so no value is split or joined.
pub fn write_graphml(graph: &PropertyGraph, out: &mut dyn Write) -> crate::error::Result<()> {
    const TEXT: PropertyType = PropertyType {
        value: ValueType::String,
        list: false,
    };
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        out,
        r#"<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">"#
    )?;
    let fixed_node_keys = ["label", "kind", "types", "iri"].map(|k| (k, TEXT));
    let node_keys = graph.node_properties.iter().map(|(k, t)| (k.as_str(), *t));
    for (key, t) in fixed_node_keys.into_iter().chain(node_keys) {
        declare(out, "n", "node", key, t)?;
    }
    let fixed_edge_keys = ["predicate", "label"].map(|k| (k, TEXT));
    let edge_keys = graph.edge_properties.iter().map(|(k, t)| (k.as_str(), *t));
    for (key, t) in fixed_edge_keys.into_iter().chain(edge_keys) {
        declare(out, "e", "edge", key, t)?;
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
        let properties = node.properties.iter().map(|(k, values)| {
            let list = graph.node_properties.get(k).is_some_and(|t| t.list);
            let value = if list {
                serde_json::to_string(values).expect("strings serialize")
            } else {
                values.concat()
            };
            (k.as_str(), value)
        });
        // A node without classes or without a label has no value there, not an empty one.
        let fixed = fixed.into_iter().filter(|(_, value)| !value.is_empty());
        for (key, value) in fixed.chain(properties) {
            data(out, "n", key, &value)?;
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
            data(out, "e", key, value)?;
        }
        writeln!(out, "    </edge>")?;
    }
    writeln!(out, "  </graph>")?;
    writeln!(out, "</graphml>")?;
    Ok(())
}

/// The id of a key: `n_schema_value` for the node property `schema:value`.
fn key_id(prefix: &str, name: &str) -> String {
    format!("{prefix}_{}", name.replace(':', "_"))
}

/// A `<key>` declaration.
fn declare(
    out: &mut dyn Write,
    prefix: &str,
    domain: &str,
    name: &str,
    t: PropertyType,
) -> crate::error::Result<()> {
    let open = format!(
        r#"  <key id="{}" for="{domain}" attr.name="{}" attr.type="{}""#,
        xml(&key_id(prefix, name)),
        xml(name),
        attr_type(t)
    );
    if t.list {
        writeln!(
            out,
            "{open}>\n    <desc>a JSON array of strings: the property has several values</desc>\n  </key>"
        )?;
    } else {
        writeln!(out, "{open}/>")?;
    }
    Ok(())
}

/// A `<data>` element.
fn data(out: &mut dyn Write, prefix: &str, key: &str, value: &str) -> crate::error::Result<()> {
    writeln!(
        out,
        r#"      <data key="{}">{}</data>"#,
        xml(&key_id(prefix, key)),
        xml(value)
    )?;
    Ok(())
}

/// Escapes text for XML content and attribute values; tab, newline and carriage return as
/// character references so that parsers keep them as they are.
fn xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            '\t' => out.push_str("&#9;"),
            c => out.push(c),
        }
    }
    out
}
