//! Other tools load every export: rdflib and rapper every RDF syntax, networkx the GraphML,
//! Graphviz the DOT, a CSV reader the Neo4j files, and the W3C structures the query results.

use crate::outside_tools::{python, rapper_count, rdf_check};
use crate::util::{newsgraph, rows, stdout_of};
use serde_json::Value;
use std::path::Path;
use std::process::Command;

/// Runs `tests/tools/graph_check.py` and returns the JSON it prints.
fn graph_check(args: &[&str]) -> Value {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/tools/graph_check.py");
    let output = Command::new(python())
        .arg(script)
        .args(args)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "graph_check.py {args:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).unwrap()
}

/// Distinct triples and quads of the embedded article, as counted from N-Quads.
fn quad_count() -> usize {
    stdout_of(&["export", "--format", "nquads"]).lines().count()
}

#[test]
#[ignore = "needs outside tools (rdflib, networkx, rapper, Graphviz): scripts/test.sh installs them and runs it"]
fn every_rdf_syntax_loads_in_rdflib_and_rapper_with_every_triple() {
    let dir = tempfile::TempDir::new().unwrap();
    let expected = quad_count();
    // (file, rdflib's name for the syntax, rapper's, or none where raptor has no parser)
    let syntaxes = [
        ("cainiao.ttl", "turtle", Some("turtle")),
        ("cainiao.nt", "nt", Some("ntriples")),
        ("cainiao.nq", "nquads", Some("nquads")),
        ("cainiao.trig", "trig", Some("trig")),
        ("cainiao.rdf", "xml", Some("rdfxml")),
        ("cainiao.jsonld", "json-ld", None),
    ];
    for (file, rdflib_syntax, rapper_syntax) in syntaxes {
        let path = dir.path().join(file);
        let output = newsgraph()
            .args(["export", "--output"])
            .arg(&path)
            .output()
            .unwrap();
        assert!(output.status.success());
        let count: usize = rdf_check(&["count", path.to_str().unwrap(), rdflib_syntax])
            .trim()
            .parse()
            .unwrap();
        assert_eq!(count, expected, "rdflib on {file}");
        if let Some(syntax) = rapper_syntax {
            assert_eq!(rapper_count(&path, syntax), expected, "rapper on {file}");
        }
    }
}

#[test]
fn triple_syntaxes_say_which_graphs_they_merged() {
    let output = newsgraph()
        .args(["export", "--format", "ntriples", "--with-ontology"])
        .output()
        .unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains("graph/cainiao-restructuring>")
            && stderr.contains("<https://newsgraph.example/ns>"),
        "{stderr}"
    );
    let output = newsgraph()
        .args(["export", "--format", "trig"])
        .output()
        .unwrap();
    assert!(
        output.stderr.is_empty(),
        "TriG keeps graphs and says nothing"
    );
}

#[test]
fn turtle_and_trig_use_the_usual_prefixes() {
    for format in ["turtle", "trig"] {
        let text = stdout_of(&["export", "--format", format]);
        for prefix in [
            "org:", "foaf:", "prov:", "schema:", "skos:", "time:", "oa:", "ng:",
        ] {
            assert!(
                text.contains(&format!("@prefix {prefix} <")),
                "{format} lacks {prefix}"
            );
        }
    }
}

#[test]
#[ignore = "needs outside tools (rdflib, networkx, rapper, Graphviz): scripts/test.sh installs them and runs it"]
fn networkx_reads_the_graphml() {
    let dir = tempfile::TempDir::new().unwrap();
    let path = dir.path().join("cainiao.graphml");
    stdout_of(&["export", "--output", path.to_str().unwrap()]);
    let written = std::fs::read_to_string(&path).unwrap();
    let report = graph_check(&["graphml", path.to_str().unwrap()]);
    assert_eq!(report["nodes"], written.matches("<node id=").count());
    assert_eq!(report["edges"], written.matches("<edge id=").count());
    let edges: Vec<Vec<String>> = serde_json::from_value(report["edge_list"].clone()).unwrap();
    let reporting: Vec<(&str, &str)> = edges
        .iter()
        .filter(|e| e[0] == "person:ding-hongwei" && e[2] == "org:reportsTo")
        .map(|e| (e[1].as_str(), e[3].as_str()))
        .collect();
    assert_eq!(
        reporting,
        [
            ("person:jiang-fan", "false"),
            ("person:jiang-fan", "true"),
            ("person:lin-wan", "true")
        ],
        "the two reporting lines that hold until the announced change, and the one it announces"
    );
    assert!(
        !written.contains("<node id=\"relation:"),
        "dated relations are edges, not nodes"
    );
}

#[test]
#[ignore = "needs outside tools (rdflib, networkx, rapper, Graphviz): scripts/test.sh installs them and runs it"]
fn graphviz_renders_the_org_chart_with_every_person() {
    let dir = tempfile::TempDir::new().unwrap();
    let dot = dir.path().join("cainiao.dot");
    stdout_of(&["export", "--output", dot.to_str().unwrap()]);
    let output = Command::new("dot")
        .arg("-Tsvg")
        .arg(&dot)
        .output()
        .expect("Graphviz is installed (scripts/test.sh installs graphviz)");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success() && stderr.is_empty(),
        "dot: {stderr}"
    );
    let svg = String::from_utf8(output.stdout)
        .unwrap()
        .replace("&#45;", "-");
    let people = graph_check(&["graphml", &{
        let path = dir.path().join("cainiao.graphml");
        stdout_of(&["export", "--output", path.to_str().unwrap()]);
        path.to_str().unwrap().to_owned()
    }])["people"]
        .clone();
    let people: Vec<String> = serde_json::from_value(people).unwrap();
    assert_eq!(people.len(), 8);
    for person in people {
        assert!(
            svg.contains(&format!(">{person}</text>")),
            "{person} is not in the picture"
        );
    }
    let text = std::fs::read_to_string(&dot).unwrap();
    // The dual lines hold until the announced change; the line it announces is drawn apart.
    assert!(text.contains("\"person:ding-hongwei\" -> \"person:lin-wan\" [label=\"reports to"));
    assert!(
        text.contains("\"person:ding-hongwei\" -> \"person:jiang-fan\" [label=\"will report to")
    );
    assert!(text.contains(
        "\"organization:waybill-team\" -> \"organization:taotian\" [label=\"will be part of"
    ));
    assert!(text.contains("\"organization:waybill-team\" -> \"organization:taotian\" [label=\"Integration of two Cainiao teams into Taotian\", color=\"#d95f02\""));
}

#[test]
#[ignore = "needs outside tools (rdflib, networkx, rapper, Graphviz): scripts/test.sh installs them and runs it"]
fn neo4j_import_files_are_complete_and_consistent() {
    let dir = tempfile::TempDir::new().unwrap();
    let out = dir.path().join("neo4j");
    stdout_of(&[
        "export",
        "--format",
        "neo4j",
        "--output",
        out.to_str().unwrap(),
    ]);
    let report = graph_check(&["neo4j", out.to_str().unwrap()]);
    assert_eq!(report["dangling"], serde_json::json!([]));
    let graphml = dir.path().join("cainiao.graphml");
    stdout_of(&["export", "--output", graphml.to_str().unwrap()]);
    let nx = graph_check(&["graphml", graphml.to_str().unwrap()]);
    assert_eq!(
        report["nodes"], nx["nodes"],
        "the same graph as the GraphML"
    );
    assert_eq!(report["relationships"], nx["edges"]);
    let types: Vec<String> = serde_json::from_value(report["types"].clone()).unwrap();
    assert!(types.contains(&"REPORTS_TO".to_owned()));
    let output = newsgraph()
        .args(["export", "--format", "neo4j"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2), "needs an output directory");
}

#[test]
#[ignore = "needs outside tools (rdflib, networkx, rapper, Graphviz): scripts/test.sh installs them and runs it"]
fn query_results_follow_the_w3c_formats() {
    let dir = tempfile::TempDir::new().unwrap();
    let json = dir.path().join("r.json");
    std::fs::write(
        &json,
        stdout_of(&["query", "moved-units", "--format", "json"]),
    )
    .unwrap();
    let report = graph_check(&["results-json", json.to_str().unwrap()]);
    assert_eq!(
        report["vars"],
        serde_json::json!(["transfer", "from", "to", "unit", "headcount"])
    );
    assert_eq!(report["rows"], 3);
    let xml = dir.path().join("r.xml");
    std::fs::write(
        &xml,
        stdout_of(&["query", "moved-units", "--format", "xml"]),
    )
    .unwrap();
    assert_eq!(
        graph_check(&["results-xml", xml.to_str().unwrap()])["rows"],
        3
    );
    let csv = stdout_of(&["query", "regions", "--format", "csv"]);
    assert_eq!(csv.lines().next(), Some("region"));
    assert_eq!(csv.lines().count(), 6);
    let tsv = stdout_of(&["query", "regions", "--format", "tsv"]);
    assert_eq!(tsv.lines().next(), Some("?region"));
    assert_eq!(rows(&["regions"]).len(), 5);
}
