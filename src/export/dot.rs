//! A Graphviz picture of the org chart and the restructuring: organizations and units,
//! people and their posts, reporting lines before (dashed) and after (solid), and what moved
//! where (coloured arrows).

use crate::export::graph::{Edge, Node, PropertyGraph};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::io::Write;

/// The graph's opening line and its default attributes.
const HEAD: &str = r#"digraph newsgraph {
  graph [rankdir=LR, fontname="Helvetica", nodesep=0.25, ranksep=0.9];
  node [fontname="Helvetica", fontsize=11];
  edge [fontname="Helvetica", fontsize=9];
"#;

/// The legend of the edge styles, and the graph's closing brace.
const LEGEND: &str = r##"  subgraph cluster_legend {
    label="Legend"; fontsize=10; color="#bdbdbd";
    legend [shape=plaintext, fontsize=9, label="solid: holds now\lblue: announced, to hold after the restructuring\ldashed grey: held before it\lorange: moved by it\l"];
  }
}
"##;

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
    // Edges by source and by target, so that each event's lookups cost its own edges only.
    let mut by_source: HashMap<&str, Vec<&Edge>> = HashMap::new();
    let mut by_target: HashMap<&str, Vec<&Edge>> = HashMap::new();
    for edge in &graph.edges {
        by_source.entry(&edge.source).or_default().push(edge);
        by_target.entry(&edge.target).or_default().push(edge);
    }
    let targets = |source: &str, predicate: &str| -> Vec<&Edge> {
        by_source
            .get(source)
            .into_iter()
            .flatten()
            .copied()
            .filter(|e| e.predicate == predicate)
            .collect()
    };

    let mut lines: Vec<String> = Vec::new();
    let mut shown: BTreeSet<&str> = BTreeSet::new();
    let draw = |lines: &mut Vec<String>, from: &str, to: &str, attributes: String| {
        lines.push(format!(
            "  {} -> {} [{attributes}];",
            quoted(&escape(from)),
            quoted(&escape(to))
        ));
    };

    for edge in &graph.edges {
        let current = edge.properties.get("current").is_none_or(|c| c == "true");
        let planned = edge.properties.get("planned").is_some_and(|p| p == "true");
        let when = edge
            .properties
            .get("when")
            .map(|w| format!("\\n({})", escape(w)))
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
                    quoted(&format!("{verb}{when}"))
                )
            }
            "org:subOrganizationOf" | "org:unitOf" if current => {
                format!("label={}, color=\"#404040\"", quoted(&escape(&edge.label)))
            }
            "org:unitOf" | "org:subOrganizationOf" => format!(
                "label={}, style=dashed, color=\"{PAST_COLOUR}\", fontcolor=\"{PAST_COLOUR}\"",
                quoted(&format!("was part of{when}"))
            ),
            "org:reportsTo" if current => {
                format!("label={}, penwidth=2", quoted(&format!("reports to{when}")))
            }
            "org:reportsTo" => format!(
                "label={}, style=dashed, color=\"{PAST_COLOUR}\", fontcolor=\"{PAST_COLOUR}\"",
                quoted(&format!("reported to{when}"))
            ),
            "org:holds" => "label=\"holds\"".to_owned(),
            "org:postIn" => "label=\"post in\", style=dotted".to_owned(),
            "org:memberOf" => "label=\"member of\", style=dotted".to_owned(),
            "ng:businessLineOf" => "label=\"business line of\", style=dotted".to_owned(),
            "schema:founder" => "label=\"founder of\", style=dotted".to_owned(),
            "schema:publisher" | "schema:author" if has_type(from, "schema:NewsArticle") => {
                format!("label={}, style=dotted", quoted(&escape(&edge.label)))
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
        let headcount: Vec<String> = by_target
            .get(event.id.as_str())
            .into_iter()
            .flatten()
            .filter(|e| e.predicate == "ng:measureOf")
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
            Some(count) => format!("{}\\n({} people)", escape(&event.label), escape(count)),
            None => escape(&event.label),
        };
        let attributes = format!(
            "label={}, color=\"{MOVE_COLOUR}\", fontcolor=\"{MOVE_COLOUR}\", penwidth=2.5",
            quoted(&label)
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

    out.write_all(HEAD.as_bytes())?;
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
                quoted(&escape(&node.id)),
                quoted(&escape(&node.label))
            )?;
        }
    }
    for line in &lines {
        writeln!(out, "{line}")?;
    }
    out.write_all(LEGEND.as_bytes())?;
    Ok(())
}

/// Text as it must be written inside a DOT double-quoted string to be shown as it is: `"`
/// and `\` escaped (so `\N`, `\G`, `\L` in a name are not Graphviz's escapes, and a name
/// ending in `\` does not swallow the closing quote), line breaks as `\n`, and `&` as `&amp;`
/// (Graphviz reads entities such as `&lt;` in labels).
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '&' => out.push_str("&amp;"),
            '\n' => out.push_str("\\n"),
            '\r' => {
                chars.next_if_eq(&'\n');
                out.push_str("\\n");
            }
            c => out.push(c),
        }
    }
    out
}

/// A DOT double-quoted string of text already [`escape`]d, with any `\n` or `\l` the caller
/// added.
fn quoted(escaped: &str) -> String {
    format!("\"{escaped}\"")
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn names_are_escaped_for_graphviz() {
        assert_eq!(escape(r"C:\N\G\L\"), r"C:\\N\\G\\L\\");
        assert_eq!(escape("say \"hi\""), r#"say \"hi\""#);
        assert_eq!(escape("a\r\nb\nc & d"), r"a\nb\nc &amp; d");
    }
}
