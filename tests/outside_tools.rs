//! Other tools are the judges of "other tools can load it": rdflib and raptor's `rapper`.
//!
//! `scripts/test.sh` installs them and runs these tests; a plain `cargo test` lists them as
//! ignored.

use crate::util::stdout_of;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The Python interpreter with rdflib and networkx: `$NEWSGRAPH_PYTHON`, or the venv that
/// `scripts/test.sh` makes under `target/`.
pub fn python() -> PathBuf {
    let path = std::env::var_os("NEWSGRAPH_PYTHON")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target/py/bin/python"));
    assert!(
        path.exists(),
        "no Python with rdflib at {}: run scripts/test.sh, which installs it",
        path.display()
    );
    path
}

/// Runs `tests/tools/rdf_check.py` and returns its standard output.
pub fn rdf_check(args: &[&str]) -> String {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/tools/rdf_check.py");
    let output = Command::new(python())
        .arg(script)
        .args(args)
        .output()
        .expect("python runs");
    assert!(
        output.status.success(),
        "rdf_check.py {args:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

/// Runs `tests/tools/jsonld_check.js` with jsonld.js (`$NEWSGRAPH_NODE_MODULES`, or the
/// `node_modules` that `scripts/test.sh` installs under `target/js`) and returns its JSON.
pub fn jsonld_check(args: &[&str]) -> serde_json::Value {
    let modules = std::env::var_os("NEWSGRAPH_NODE_MODULES")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target/js/node_modules"));
    assert!(
        modules.join("jsonld").is_dir(),
        "no jsonld.js in {}: run scripts/test.sh, which installs it",
        modules.display()
    );
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/tools/jsonld_check.js");
    let output = Command::new("node")
        .arg(script)
        .args(args)
        .env("NODE_PATH", &modules)
        .output()
        .expect("node runs (scripts/test.sh installs nodejs)");
    assert!(
        output.status.success(),
        "jsonld_check.js {args:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).unwrap()
}

/// Runs `tests/tools/graph_check.py` and returns the JSON it prints.
pub fn graph_check(args: &[&str]) -> serde_json::Value {
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

/// Runs raptor's `rapper` to count triples, failing on any error or warning.
pub fn rapper_count(path: &Path, syntax: &str) -> usize {
    let output = Command::new("rapper")
        .args(["--count", "--input", syntax])
        .arg(path)
        .output()
        .expect("rapper is installed (scripts/test.sh installs raptor2-utils)");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "rapper failed: {stderr}");
    assert!(
        !stderr.contains("Warning") && !stderr.contains("Error"),
        "rapper complained: {stderr}"
    );
    let count = stderr
        .lines()
        .find_map(|l| l.split("returned ").nth(1))
        .and_then(|rest| rest.split_whitespace().next())
        .and_then(|n| n.parse().ok());
    count.unwrap_or_else(|| panic!("no count in rapper's output: {stderr}"))
}

/// Exports the embedded article into `dir` and returns the file's path.
pub fn export_to(dir: &Path, name: &str, format: &str) -> PathBuf {
    let path = dir.join(name);
    stdout_of(&[
        "export",
        "--format",
        format,
        "--output",
        path.to_str().unwrap(),
    ]);
    path
}

fn ntriples_count() -> usize {
    stdout_of(&["export", "--format", "ntriples"])
        .lines()
        .count()
}

#[test]
#[ignore = "needs outside tools (rdflib, networkx, rapper, Graphviz): scripts/test.sh installs them and runs it"]
fn rdflib_loads_the_turtle_export_with_every_triple() {
    let dir = tempfile::TempDir::new().unwrap();
    let path = export_to(dir.path(), "cainiao.ttl", "turtle");
    let count: usize = rdf_check(&["count", path.to_str().unwrap(), "turtle"])
        .trim()
        .parse()
        .unwrap();
    assert_eq!(count, ntriples_count());
}

#[test]
#[ignore = "needs outside tools (rdflib, networkx, rapper, Graphviz): scripts/test.sh installs them and runs it"]
fn rapper_loads_the_turtle_export_with_every_triple() {
    let dir = tempfile::TempDir::new().unwrap();
    let path = export_to(dir.path(), "cainiao.ttl", "turtle");
    assert_eq!(rapper_count(&path, "turtle"), ntriples_count());
}

#[test]
#[ignore = "needs outside tools (rdflib, networkx, rapper, Graphviz): scripts/test.sh installs them and runs it"]
fn rdflib_answers_a_saved_question_like_newsgraph() {
    let dir = tempfile::TempDir::new().unwrap();
    let path = export_to(dir.path(), "cainiao.ttl", "turtle");
    let query = Path::new(env!("CARGO_MANIFEST_DIR")).join("queries/reporting-lines.rq");
    let theirs: Vec<Vec<String>> = rdf_check(&[
        "query",
        path.to_str().unwrap(),
        "turtle",
        query.to_str().unwrap(),
    ])
    .lines()
    .map(|l| serde_json::from_str(l).unwrap())
    .collect();
    assert_eq!(theirs, crate::util::rows(&["reporting-lines"]));
}

/// evidence.rq run by rdflib on an export, with `?entity` bound.
fn rdflib_evidence(path: &Path, syntax: &str, entity: &str) -> Vec<Vec<String>> {
    let query = Path::new(env!("CARGO_MANIFEST_DIR")).join("queries/evidence.rq");
    rdf_check(&[
        "query",
        path.to_str().unwrap(),
        syntax,
        query.to_str().unwrap(),
        &format!("entity={entity}"),
    ])
    .lines()
    .map(|l| serde_json::from_str(l).unwrap())
    .collect()
}

#[test]
#[ignore = "needs outside tools and ../shared/articles/cainiao-restructuring.txt: scripts/test.sh runs it"]
fn rdflib_answers_the_evidence_question_in_the_article_text() {
    let text = crate::util::cainiao_text();
    let text = text.to_str().unwrap();
    let dir = tempfile::TempDir::new().unwrap();
    let ding = "https://newsgraph.example/id/person/ding-hongwei";
    let ours = crate::util::rows(&[
        "evidence",
        "--bind",
        &format!("entity=<{ding}>"),
        "--source",
        text,
    ]);
    assert_eq!(
        ours.len(),
        8,
        "six facts, and the claim about his dual lines with its two quotes"
    );
    for (name, syntax) in [("cainiao.ttl", "turtle"), ("cainiao.trig", "trig")] {
        let path = dir.path().join(name);
        stdout_of(&[
            "export",
            "--source",
            text,
            "--output",
            path.to_str().unwrap(),
        ]);
        assert_eq!(
            rdflib_evidence(&path, syntax, ding),
            ours,
            "rdflib on {syntax}"
        );
    }
}
