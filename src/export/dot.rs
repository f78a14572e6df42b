//! A Graphviz picture of the org chart and the restructuring: organizations and units,
//! people and their posts, reporting lines before (dashed) and after (solid), and what moved
//! where (coloured arrows).

use crate::export::graph::{Edge, Node, PropertyGraph};
use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;

/// The colour of arrows showing units and staff that move.
const MOVE_COLOUR: &str = "#d95f02";
/// The colour of lines that no longer hold.
const PAST_COLOUR: &str = "#7f7f7f";
/// The colour of lines a planned change will begin.
const PLANNED_COLOUR: &str = "#1f78b4";

/// Writes the org chart of the property graph as a Graphviz `digraph`.
pub fn write_dot(graph: &PropertyGraph, out: &mut dyn Write) -> crate::error::Result<()> {
    let nodes: BTreeMap<&str, &Node> = graph.nodes.iter().map(|n| (n.id.as_str(), n)).collect();
    let has_type = |id: &str, class: &str| {
        nodes
            .get(id)
            .is_some_and(|n| n.types.iter().any(|t| t == class))
    };
    let targets = |source: &str, predicate: &str| -> Vec<&Edge> {
        graph
            .edges
            .iter()
            .filter(|e| e.source == source && e.predicate == predicate)
            .collect()
    };

    let mut lines: Vec<String> = Vec::new();
    let mut shown: BTreeSet<&str> = BTreeSet::new();
    let draw = |lines: &mut Vec<String>, from: &str, to: &str, attributes: String| {
        lines.push(format!(
            "  {} -> {} [{attributes}];",
            quote(from),
            quote(to)
        ));
    };

    for edge in &graph.edges {
        let current = edge.properties.get("current").is_none_or(|c| c == "true");
        let planned = edge.properties.get("planned").is_some_and(|p| p == "true");
        let when = edge
            .properties
            .get("when")
            .map(|w| format!("\\n({w})"))
            .unwrap_or_default();
        let (from, to) = (edge.source.as_str(), edge.target.as_str());
        let attributes = match edge.predicate.as_str() {
            "org:subOrganizationOf" | "org:unitOf" | "org:reportsTo" if planned => {
                let verb = if edge.predicate == "org:reportsTo" {
                    "will report to"
                } else {
                    "will be part of"
                };
                format!(
                    "label={}, style=bold, color=\"{PLANNED_COLOUR}\", fontcolor=\"{PLANNED_COLOUR}\"",
                    quote(&format!("{verb}{when}"))
                )
            }
            "org:subOrganizationOf" | "org:unitOf" if current => {
                format!("label={}, color=\"#404040\"", quote(&edge.label))
            }
            "org:unitOf" | "org:subOrganizationOf" => format!(
                "label={}, style=dashed, color=\"{PAST_COLOUR}\", fontcolor=\"{PAST_COLOUR}\"",
                quote(&format!("was part of{when}"))
            ),
            "org:reportsTo" if current => {
                format!("label={}, penwidth=2", quote(&format!("reports to{when}")))
            }
            "org:reportsTo" => format!(
                "label={}, style=dashed, color=\"{PAST_COLOUR}\", fontcolor=\"{PAST_COLOUR}\"",
                quote(&format!("reported to{when}"))
            ),
            "org:holds" => "label=\"holds\"".to_owned(),
            "org:postIn" => "label=\"post in\", style=dotted".to_owned(),
            "org:memberOf" => "label=\"member of\", style=dotted".to_owned(),
            "ng:businessLineOf" => "label=\"business line of\", style=dotted".to_owned(),
            "schema:founder" => "label=\"founder of\", style=dotted".to_owned(),
            "schema:publisher" | "schema:author" if has_type(from, "schema:NewsArticle") => {
                format!("label={}, style=dotted", quote(&edge.label))
            }
            _ => continue,
        };
        if edge.predicate == "schema:founder" {
            draw(&mut lines, to, from, attributes);
        } else {
            draw(&mut lines, from, to, attributes);
        }
        shown.insert(from);
        shown.insert(to);
    }

    for event in graph.nodes.iter().filter(|n| {
        n.types.iter().any(|t| {
            matches!(
                t.as_str(),
                "ng:Transfer" | "ng:StaffTransfer" | "ng:UnitTransfer"
            )
        })
    }) {
        let originals = targets(&event.id, "ng:transferredFrom");
        let results = targets(&event.id, "ng:transferredTo");
        let moved = targets(&event.id, "ng:movedUnit");
        let headcount: Vec<String> = graph
            .edges
            .iter()
            .filter(|e| e.predicate == "ng:measureOf" && e.target == event.id)
            .filter(|e| has_type(&e.source, "ng:Headcount"))
            .filter_map(|e| {
                nodes
                    .get(e.source.as_str())?
                    .properties
                    .get("schema:description")?
                    .first()
                    .cloned()
            })
            .collect();
        let label = match headcount.first() {
            Some(count) => format!("{}\\n({count} people)", event.label),
            None => event.label.clone(),
        };
        let attributes = format!(
            "label={}, color=\"{MOVE_COLOUR}\", fontcolor=\"{MOVE_COLOUR}\", penwidth=2.5",
            quote(&label)
        );
        let sources: Vec<&str> = if moved.is_empty() {
            originals.iter().map(|e| e.target.as_str()).collect()
        } else {
            moved.iter().map(|e| e.target.as_str()).collect()
        };
        for from in sources {
            for to in &results {
                draw(&mut lines, from, &to.target, attributes.clone());
                shown.insert(from);
                shown.insert(&to.target);
            }
        }
    }

    writeln!(out, "digraph newsgraph {{")?;
    writeln!(
        out,
        "  graph [rankdir=LR, fontname=\"Helvetica\", nodesep=0.25, ranksep=0.9];"
    )?;
    writeln!(out, "  node [fontname=\"Helvetica\", fontsize=11];")?;
    writeln!(out, "  edge [fontname=\"Helvetica\", fontsize=9];")?;
    for node in &graph.nodes {
        let is = |class: &str| node.types.iter().any(|t| t == class);
        let style = if is("foaf:Person") {
            "shape=ellipse, style=filled, fillcolor=\"#e5f5e0\""
        } else if is("org:Post") {
            "shape=box, style=\"rounded,filled\", fillcolor=\"#fff7bc\""
        } else if is("ng:BusinessLine") {
            "shape=box, style=\"rounded,filled\", fillcolor=\"#f0f0f0\""
        } else if is("org:OrganizationalUnit") {
            "shape=box, style=filled, fillcolor=\"#f7f7f7\""
        } else if is("org:FormalOrganization") || is("org:Organization") {
            "shape=box, style=\"filled,bold\", fillcolor=\"#deebf7\""
        } else if is("foaf:Group") {
            "shape=box, style=dashed"
        } else if is("schema:NewsArticle") {
            "shape=note"
        } else {
            continue;
        };
        let organization_or_person = is("foaf:Person") || is("org:Organization");
        if organization_or_person || shown.contains(node.id.as_str()) {
            writeln!(
                out,
                "  {} [label={}, {style}];",
                quote(&node.id),
                quote(&node.label)
            )?;
        }
    }
    for line in &lines {
        writeln!(out, "{line}")?;
    }
    writeln!(out, "  subgraph cluster_legend {{")?;
    writeln!(out, "    label=\"Legend\"; fontsize=10; color=\"#bdbdbd\";")?;
    writeln!(
        out,
        "    legend [shape=plaintext, fontsize=9, label=\"solid: holds now\\lblue: announced, to hold after the restructuring\\ldashed grey: held before it\\lorange: moved by it\\l\"];"
    )?;
    writeln!(out, "  }}")?;
    writeln!(out, "}}")?;
    Ok(())
}

/// A DOT double-quoted string; `\n` and `\l` escapes written by the caller are kept.
fn quote(text: &str) -> String {
    format!("\"{}\"", text.replace('"', "\\\""))
}
