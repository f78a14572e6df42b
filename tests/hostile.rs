//! Every export of a facts file full of characters that need escaping
//! (`tests/fixtures/hostile.toml`: quotes, backslashes, tabs, newlines, carriage returns, `<`,
//! `&`, DOT keywords, Chinese, emoji) is read back by the outside tools with every name as it
//! was written; control characters that XML cannot carry are refused by `check`.

use crate::outside_tools::{graph_check, jsonld_check, rapper_count, rdf_check};
use crate::util::{fixture, newsgraph, stdout_of};
use serde_json::{Value, json};
use std::path::{Path, PathBuf};
use std::process::Command;

/// The people of the fixture, as written in it.
const PEOPLE: [&str; 4] = [
    "<b>Bold</b> & <i>Co</i> &lt;not a tag&gt;",
    "Ends with a backslash \\",
    "First line\nSecond line",
    "Li \"Truck\" Wei 李卡车 🚛",
];

/// Exports the hostile fixture into `dir` as `name` (format from the extension, or `format`).
fn export(dir: &Path, name: &str, format: Option<&str>) -> PathBuf {
    let path = dir.join(name);
    let facts = fixture("hostile.toml");
    let mut args = vec![
        "export",
        facts.to_str().unwrap(),
        "--output",
        path.to_str().unwrap(),
    ];
    if let Some(format) = format {
        args.extend(["--format", format]);
    }
    stdout_of(&args);
    path
}

fn strings(value: &Value) -> Vec<String> {
    serde_json::from_value(value.clone()).unwrap()
}

#[test]
#[ignore = "needs outside tools (rdflib, networkx, rapper, Graphviz): scripts/test.sh installs them and runs it"]
fn every_rdf_syntax_of_hostile_names_holds_the_same_triples_for_rdflib_and_rapper() {
    let dir = tempfile::TempDir::new().unwrap();
    let nt = export(dir.path(), "hostile.nt", None);
    let expected = std::fs::read_to_string(&nt).unwrap().lines().count();
    assert!(expected > 500, "{expected}");
    for (name, rdflib_syntax, rapper_syntax) in [
        ("hostile.ttl", "turtle", Some("turtle")),
        ("hostile.nq", "nquads", Some("nquads")),
        ("hostile.trig", "trig", Some("trig")),
        ("hostile.rdf", "xml", Some("rdfxml")),
        ("hostile.jsonld", "json-ld", None),
    ] {
        let path = export(dir.path(), name, None);
        let report: Value = serde_json::from_str(&rdf_check(&[
            "same",
            path.to_str().unwrap(),
            rdflib_syntax,
            nt.to_str().unwrap(),
            "nt",
        ]))
        .unwrap();
        assert_eq!(report["same"], true, "rdflib on {name}: {report}");
        assert_eq!(report["first"], expected, "{name}");
        if let Some(syntax) = rapper_syntax {
            assert_eq!(rapper_count(&path, syntax), expected, "rapper on {name}");
        }
    }
    assert_eq!(rapper_count(&nt, "ntriples"), expected);
}

#[test]
#[ignore = "needs outside tools (jsonld.js): scripts/test.sh installs them and runs it"]
fn jsonld_js_reads_hostile_names_as_the_ntriples_hold_them() {
    let dir = tempfile::TempDir::new().unwrap();
    let jsonld = export(dir.path(), "hostile.jsonld", None);
    let nt = export(dir.path(), "hostile.nt", None);
    let nq = export(dir.path(), "hostile.nq", None);
    let report = jsonld_check(&[
        "rdf",
        jsonld.to_str().unwrap(),
        nt.to_str().unwrap(),
        nq.to_str().unwrap(),
    ]);
    assert_eq!(report["same_as_ntriples"], true, "{report}");
    assert_eq!(report["same_as_nquads_merged"], true, "{report}");
    let people = jsonld_check(&["frame", jsonld.to_str().unwrap(), "foaf:Person"]);
    assert_eq!(people["count"], 4, "{people}");
    assert_eq!(strings(&people["names"]), PEOPLE);
}

#[test]
#[ignore = "needs outside tools (networkx, igraph): scripts/test.sh installs them and runs it"]
fn networkx_and_igraph_read_hostile_names_from_the_graphml() {
    let dir = tempfile::TempDir::new().unwrap();
    let path = export(dir.path(), "hostile.graphml", None);
    let report = graph_check(&["graphml", path.to_str().unwrap()]);
    assert_eq!(strings(&report["people"]), PEOPLE);
    let backslash = &report["node_data"]["person:backslash"];
    assert_eq!(
        backslash["skos:altLabel"],
        json!(["Back\\slash", "C:\\Users\\", "\\\\server\\share"]),
        "a list, each value whole"
    );
    assert_eq!(
        backslash["schema:description"],
        "Tab\there; newline\nthere; return\rthere"
    );
    assert_eq!(
        report["node_data"]["organization:京东"]["skos:altLabel"],
        json!(["@id", "JD; Jingdong", "{\"@value\": 1}"])
    );
    assert_eq!(
        report["node_data"]["organization:graph"]["label"], "graph",
        "a DOT keyword is just a name"
    );
    let reports: Vec<&Value> = report["edge_list"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e[0] == "person:quoted" && e[2] == "org:reportsTo")
        .map(|e| &e[3])
        .collect();
    assert_eq!(reports, [&Value::Bool(true), &Value::Bool(false)]);

    let igraph = graph_check(&["igraph", path.to_str().unwrap()]);
    assert_eq!(igraph["nodes"], report["nodes"]);
    assert_eq!(igraph["edges"], report["edges"]);
    assert_eq!(igraph["current_types"], json!(["bool"]));
    let labels = strings(&igraph["labels"]);
    for person in PEOPLE {
        assert!(
            labels.contains(&person.to_owned()),
            "igraph lacks {person:?}"
        );
    }
}

#[test]
#[ignore = "needs outside tools (Graphviz): scripts/test.sh installs them and runs it"]
fn graphviz_draws_hostile_names_as_written() {
    let dir = tempfile::TempDir::new().unwrap();
    let dot = export(dir.path(), "hostile.dot", None);
    let svg = dir.path().join("hostile.svg");
    let output = Command::new("dot")
        .arg("-Tsvg")
        .arg(&dot)
        .arg("-o")
        .arg(&svg)
        .output()
        .expect("Graphviz is installed (scripts/test.sh installs graphviz)");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success() && stderr.is_empty(),
        "dot: {stderr}"
    );
    let texts = strings(&graph_check(&["svg", svg.to_str().unwrap()])["texts"]);
    for name in [
        "Ends with a backslash \\",
        "Team \\N of \\G in \\L",
        "Li \"Truck\" Wei 李卡车 🚛",
        "<b>Bold</b> & <i>Co</i> &lt;not a tag&gt;",
        "京东集团 JD.com 🚚",
        "graph",
        "First line",
        "Second line",
        "Q\"uoted\" & <tagged> \\ headline",
    ] {
        assert!(
            texts.contains(&name.to_owned()),
            "{name:?} not in {texts:?}"
        );
    }
}

#[test]
#[ignore = "needs outside tools (Python): scripts/test.sh installs them and runs it"]
fn the_neo4j_checker_reads_hostile_names_with_typed_columns() {
    let dir = tempfile::TempDir::new().unwrap();
    let out = export(dir.path(), "neo4j", Some("neo4j"));
    let report = graph_check(&["neo4j", out.to_str().unwrap()]);
    assert_eq!(report["dangling"], json!([]));
    assert_eq!(report["empty_strings"], 0);
    let nodes = &report["node_data"];
    let mut people: Vec<String> = nodes
        .as_object()
        .unwrap()
        .values()
        .filter(|n| n[":LABEL"].as_array().unwrap().contains(&"Person".into()))
        .map(|n| n["label"].as_str().unwrap().to_owned())
        .collect();
    people.sort();
    assert_eq!(people, PEOPLE);
    assert_eq!(
        nodes["person:backslash"]["skos_altLabel"],
        json!(["Back\\slash", "C:\\Users\\", "\\\\server\\share"])
    );
    assert_eq!(
        nodes["organization:京东"]["skos_altLabel"],
        json!(["@id", "JD; Jingdong", "{\"@value\": 1}"]),
        "a semicolon inside a value does not split it"
    );
    assert_eq!(
        nodes["person:backslash"]["schema_description"],
        "Tab\there; newline\nthere; return\rthere"
    );
    assert_eq!(nodes["measure:team-size"]["schema_value"], 1200.0);
    let relationships = report["relationship_data"].as_array().unwrap();
    let note = relationships
        .iter()
        .find_map(|r| r.get("note"))
        .expect("the dated relation's note");
    assert_eq!(
        note,
        "until the move; \"dual\" line, with <tags> & \\ backslash\nand a second line 🙂"
    );
    let current: Vec<&Value> = relationships
        .iter()
        .filter(|r| r[":START_ID"] == "person:quoted" && r[":TYPE"] == "REPORTS_TO")
        .map(|r| &r["current"])
        .collect();
    assert_eq!(current, [&Value::Bool(true), &Value::Bool(false)]);
}

#[test]
fn control_characters_that_xml_cannot_carry_are_refused_with_their_position() {
    let dir = tempfile::TempDir::new().unwrap();
    let hostile = std::fs::read_to_string(fixture("hostile.toml")).unwrap();
    let facts = dir.path().join("control.toml");
    std::fs::write(
        &facts,
        hostile.replace("name = \"graph\"", "name = \"JD\\u000Bcom\""),
    )
    .unwrap();
    let line = hostile
        .lines()
        .position(|l| l == "name = \"graph\"")
        .unwrap()
        + 1;
    for command in [["check"].as_slice(), &["export", "--format", "rdfxml"]] {
        let output = newsgraph().args(command).arg(&facts).output().unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{stderr}");
        assert!(
            stderr.contains(&format!(
                "control.toml:{line}:8: control character U+000B at character 3"
            )),
            "{stderr}"
        );
        assert!(output.stdout.is_empty());
    }
    // Tab, newline and carriage return are allowed: the fixture has them all.
    newsgraph()
        .args(["check"])
        .arg(fixture("hostile.toml"))
        .assert()
        .success();
}
