//! Other tools load every export: rdflib and rapper every RDF syntax, networkx the GraphML,
//! Graphviz the DOT, a CSV reader the Neo4j files, and the W3C structures the query results.

use crate::outside_tools::{graph_check, rapper_count, rdf_check};
use crate::util::{newsgraph, rows, stdout_of};
use serde_json::Value;
use std::path::Path;
use std::process::Command;

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
    let edges: Vec<Vec<Value>> = serde_json::from_value(report["edge_list"].clone()).unwrap();
    let reporting: Vec<(&str, &Value)> = edges
        .iter()
        .filter(|e| e[0] == "person:ding-hongwei" && e[2] == "org:reportsTo")
        .map(|e| (e[1].as_str().unwrap(), &e[3]))
        .collect();
    assert_eq!(
        reporting,
        [
            ("person:jiang-fan", &Value::Bool(false)),
            ("person:jiang-fan", &Value::Bool(true)),
            ("person:lin-wan", &Value::Bool(true))
        ],
        "the two reporting lines that hold until the announced change, and the one it \
         announces, `current` read as a boolean"
    );
    let types: Vec<String> = serde_json::from_value(report["value_types"].clone()).unwrap();
    assert!(types.contains(&"current:bool".to_owned()), "{types:?}");
    assert!(
        types.contains(&"schema:value:float".to_owned()),
        "{types:?}"
    );
    assert!(
        !types.contains(&"current:str".to_owned()),
        "`current` is never text: {types:?}"
    );
    // A property with several values is a list, not values joined by " | ".
    assert!(!written.contains(" | "), "no joined values");
    let lin_wan = &report["node_data"]["person:lin-wan"];
    assert!(
        lin_wan["skos:altLabel"].is_array() || lin_wan["skos:altLabel"].is_null(),
        "{lin_wan}"
    );
    let lists: Vec<&Value> = report["node_data"]
        .as_object()
        .unwrap()
        .values()
        .filter_map(|n| n.get("skos:altLabel"))
        .collect();
    assert!(
        lists
            .iter()
            .any(|l| l.as_array().is_some_and(|a| a.len() > 1)),
        "some node has several other names: {lists:?}"
    );

    let igraph = graph_check(&["igraph", path.to_str().unwrap()]);
    assert_eq!(igraph["nodes"], report["nodes"]);
    assert_eq!(igraph["edges"], report["edges"]);
    assert_eq!(igraph["current_types"], serde_json::json!(["bool"]));
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
    // Typed columns, and no empty strings where there is no value.
    let header: Vec<String> =
        serde_json::from_value(report["relationship_header"].clone()).unwrap();
    assert!(header.contains(&"current:boolean".to_owned()), "{header:?}");
    let header: Vec<String> = serde_json::from_value(report["node_header"].clone()).unwrap();
    assert!(
        header.contains(&"schema_value:double".to_owned()),
        "{header:?}"
    );
    assert!(
        header.contains(&"skos_altLabel:string[]".to_owned()),
        "{header:?}"
    );
    assert_eq!(report["empty_strings"], 0, "no quoted empty cells");
    let ding: Vec<&Value> = report["relationship_data"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r[":START_ID"] == "person:ding-hongwei" && r[":TYPE"] == "REPORTS_TO")
        .map(|r| &r["current"])
        .collect();
    assert_eq!(
        ding,
        [&Value::Bool(false), &Value::Bool(true), &Value::Bool(true)],
        "the line the planned change begins, and the two that hold until it"
    );
    let cainiao = &report["node_data"]["organization:cainiao"];
    assert!(
        cainiao.get("schema_value").is_none(),
        "no value is no cell: {cainiao}"
    );
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

#[test]
#[ignore = "needs outside tools (rdflib, jsonld.js): scripts/test.sh installs them and runs it"]
fn jsonld_is_compact_and_in_the_default_graph_for_rdflib_and_jsonld_js() {
    let dir = tempfile::TempDir::new().unwrap();
    let jsonld = dir.path().join("cainiao.jsonld");
    let nt = dir.path().join("cainiao.nt");
    let nq = dir.path().join("cainiao.nq");
    for path in [&jsonld, &nt, &nq] {
        stdout_of(&["export", "--output", path.to_str().unwrap()]);
    }
    let document: Value = serde_json::from_str(&std::fs::read_to_string(&jsonld).unwrap()).unwrap();
    assert_eq!(
        document["@context"]["foaf"], "http://xmlns.com/foaf/0.1/",
        "an @context of our prefixes"
    );
    let ding = document["@graph"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["@id"] == "person:ding-hongwei")
        .expect("compact ids");
    assert_eq!(ding["foaf:name"], "Ding Hongwei");
    assert!(
        ding["@type"]
            .as_array()
            .unwrap()
            .contains(&"foaf:Person".into())
    );

    // rdflib's plain Graph reads the default graph: every triple is there.
    let triples = stdout_of(&["export", "--format", "ntriples"])
        .lines()
        .count();
    let count: usize = rdf_check(&["count", jsonld.to_str().unwrap(), "json-ld"])
        .trim()
        .parse()
        .unwrap();
    assert_eq!(count, triples, "rdflib.Graph() reads every triple");

    let report = crate::outside_tools::jsonld_check(&[
        "rdf",
        jsonld.to_str().unwrap(),
        nt.to_str().unwrap(),
        nq.to_str().unwrap(),
    ]);
    assert_eq!(report["quads"], triples);
    assert_eq!(report["default_graph_only"], true);
    assert_eq!(report["same_as_ntriples"], true, "{report}");
    assert_eq!(report["same_as_nquads_merged"], true, "{report}");

    let people =
        crate::outside_tools::jsonld_check(&["frame", jsonld.to_str().unwrap(), "foaf:Person"]);
    assert_eq!(people["count"], 8, "{people}");
    let ids: Vec<String> = serde_json::from_value(people["ids"].clone()).unwrap();
    assert!(ids.contains(&"person:ding-hongwei".to_owned()), "{ids:?}");
    assert!(ids.contains(&"person:jack-ma".to_owned()), "{ids:?}");
}

#[test]
fn jsonld_parses_back_to_the_triples_of_the_ntriples() {
    use oxigraph::io::{JsonLdProfileSet, RdfFormat, RdfParser};
    use oxigraph::model::{GraphName, Triple};
    use std::collections::HashSet;
    let parse = |text: &str, format: RdfFormat| -> (HashSet<Triple>, bool) {
        let mut in_default = true;
        let triples = RdfParser::from_format(format)
            .for_slice(text.as_bytes())
            .map(|quad| {
                let quad = quad.expect("our export parses");
                in_default &= quad.graph_name == GraphName::DefaultGraph;
                Triple::from(quad)
            })
            .collect();
        (triples, in_default)
    };
    let jsonld = stdout_of(&["export", "--format", "jsonld"]);
    let (from_jsonld, in_default) = parse(
        &jsonld,
        RdfFormat::JsonLd {
            profile: JsonLdProfileSet::empty(),
        },
    );
    let (from_ntriples, _) = parse(
        &stdout_of(&["export", "--format", "ntriples"]),
        RdfFormat::NTriples,
    );
    assert!(in_default, "JSON-LD, like Turtle, writes the default graph");
    assert_eq!(from_jsonld, from_ntriples);
    let document: serde_json::Value = serde_json::from_str(&jsonld).unwrap();
    assert!(document["@context"].is_object());
    let nodes = document["@graph"].as_array().unwrap();
    assert!(
        nodes.iter().any(|n| n["@type"].is_array()),
        "several classes as a list"
    );
    assert!(nodes.iter().any(|n| n["@id"] == "person:ding-hongwei"));
}

#[test]
fn property_graph_columns_and_keys_are_typed() {
    let dir = tempfile::TempDir::new().unwrap();
    let out = dir.path().join("neo4j");
    stdout_of(&["export", "--format", "neo4j", "-o", out.to_str().unwrap()]);
    let relationships = std::fs::read_to_string(out.join("relationships.csv")).unwrap();
    let header = relationships.lines().next().unwrap();
    assert!(header.contains("\"current:boolean\""), "{header}");
    assert!(relationships.contains(",\"true\",") || relationships.contains(",\"true\"\n"));
    let nodes = std::fs::read_to_string(out.join("nodes.csv")).unwrap();
    let header = nodes.lines().next().unwrap();
    for column in ["\"schema_value:double\"", "\"skos_altLabel:string[]\""] {
        assert!(header.contains(column), "{column} in {header}");
    }
    assert!(
        !nodes.contains(",\"\"") && !relationships.contains(",\"\""),
        "no value is an empty cell, not \"\""
    );
    assert!(nodes.contains("\u{1f}"), "lists and labels split on U+001F");

    let graphml = stdout_of(&["export", "--format", "graphml"]);
    assert!(graphml.contains(r#"attr.name="current" attr.type="boolean""#));
    assert!(graphml.contains(r#"attr.name="schema:value" attr.type="double""#));
    assert!(graphml.contains(r#"attr.name="skos:altLabel" attr.type="string">"#));
    assert!(!graphml.contains(" | "), "no values joined");
}

/// A saved question run by rdflib on a file, its rows as strings.
fn rdflib_rows(path: &Path, syntax: &str, question: &str) -> Vec<Vec<String>> {
    let query = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("queries/{question}.rq"));
    rdf_check(&[
        "query",
        path.to_str().unwrap(),
        syntax,
        query.to_str().unwrap(),
    ])
    .lines()
    .map(|l| serde_json::from_str(l).unwrap())
    .collect()
}

#[test]
#[ignore = "needs outside tools (rdflib): scripts/test.sh installs them and runs it"]
fn saved_questions_elsewhere_need_the_union_default_graph_and_timeline_the_ontology() {
    let dir = tempfile::TempDir::new().unwrap();
    let trig = dir.path().join("cainiao.trig");
    let turtle = dir.path().join("cainiao.ttl");
    let with_ontology = dir.path().join("with-ontology.ttl");
    stdout_of(&["export", "-o", trig.to_str().unwrap()]);
    stdout_of(&["export", "-o", turtle.to_str().unwrap()]);
    stdout_of(&[
        "export",
        "--with-ontology",
        "-o",
        with_ontology.to_str().unwrap(),
    ]);

    let ours = rows(&["reporting-lines"]);
    assert!(!ours.is_empty());
    assert_eq!(rdflib_rows(&trig, "trig", "reporting-lines"), ours);
    assert_eq!(
        rdflib_rows(&trig, "trig-default-graph-only", "reporting-lines"),
        Vec::<Vec<String>>::new(),
        "TriG's default graph is empty: the union is needed"
    );

    let timeline = rows(&["timeline"]);
    assert!(timeline.len() > 5);
    assert_eq!(
        rdflib_rows(&turtle, "turtle", "timeline"),
        Vec::<Vec<String>>::new(),
        "the kinds' labels are in the ontology"
    );
    assert_eq!(rdflib_rows(&with_ontology, "turtle", "timeline"), timeline);
}

#[test]
fn our_own_writers_are_byte_identical_between_runs() {
    for format in ["jsonld", "graphml", "dot", "rdfxml"] {
        let first = stdout_of(&["export", "--format", format]);
        let second = stdout_of(&["export", "--format", format]);
        assert!(first.len() > 1000, "{format}");
        assert_eq!(first, second, "{format} differs between runs");
    }
}
