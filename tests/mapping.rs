//! The mapping specification: for each record kind, a small facts file under
//! `tests/mapping/` and the exact N-Triples it must give (without the provenance layer).
//! To change the data model is to change these files, on purpose.

use crate::util::{newsgraph, rows, stdout_of};
use newsgraph::facts::Kind;
use std::path::{Path, PathBuf};

fn spec_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/mapping")
}

fn check_spec(name: &str) {
    let facts = spec_dir().join(format!("{name}.toml"));
    let expected = std::fs::read_to_string(spec_dir().join(format!("{name}.nt")))
        .unwrap_or_else(|e| panic!("tests/mapping/{name}.nt: {e}"));
    let got = stdout_of(&[
        "export",
        "--no-provenance",
        "--format",
        "ntriples",
        facts.to_str().unwrap(),
    ]);
    if got != expected {
        let missing: Vec<&str> = expected.lines().filter(|l| !got.contains(l)).collect();
        let extra: Vec<&str> = got.lines().filter(|l| !expected.contains(l)).collect();
        panic!(
            "tests/mapping/{name}.toml does not give tests/mapping/{name}.nt\n\
             missing:\n{}\nunexpected:\n{}",
            missing.join("\n"),
            extra.join("\n")
        );
    }
}

#[test]
fn every_record_kind_has_a_mapping_specification() {
    for kind in Kind::ALL {
        let name = kind.table();
        assert!(
            spec_dir().join(format!("{name}.toml")).is_file(),
            "no tests/mapping/{name}.toml"
        );
    }
}

macro_rules! specs {
    ($($name:ident),*) => {$(
        #[test]
        fn $name() {
            check_spec(stringify!($name));
        }
    )*};
}

specs!(
    article,
    organization,
    person,
    post,
    place,
    artifact,
    dimension,
    event,
    relation,
    service,
    measure,
    offer,
    quote
);

#[test]
fn turtle_writes_every_minted_iri_as_a_plain_prefixed_name() {
    let turtle = stdout_of(&["export"]);
    assert!(!turtle.contains("\\/"), "escaped slashes in Turtle");
    assert!(turtle.contains("article:cainiao-restructuring.aidc.evidence.1.quote a"));
}

#[test]
fn a_record_called_article_keeps_its_evidence_apart_from_the_article() {
    let dir = tempfile::TempDir::new().unwrap();
    let facts = dir.path().join("article-record.toml");
    let text = std::fs::read_to_string(spec_dir().join("person.toml"))
        .unwrap()
        .replace("id = \"employee\"", "id = \"article\"");
    std::fs::write(&facts, text).unwrap();
    let facts = facts.to_str().unwrap();
    let shared = rows(&[
        "--facts",
        facts,
        "--sparql",
        "SELECT ?selector WHERE { ?selector oa:exact ?a, ?b FILTER (?a != ?b) }",
    ]);
    assert_eq!(shared, Vec::<Vec<String>>::new());
    let annotations = rows(&[
        "--facts",
        facts,
        "--sparql",
        "SELECT ?a WHERE { ?a a oa:Annotation }",
    ]);
    assert_eq!(annotations.len(), 4, "{annotations:?}");
}

#[test]
fn an_article_whose_page_names_no_publisher_has_none() {
    let dir = tempfile::TempDir::new().unwrap();
    let with = spec_dir().join("person.toml");
    let text = std::fs::read_to_string(&with).unwrap();
    let without = dir.path().join("no-publisher.toml");
    std::fs::write(&without, text.replace("publisher = \"press\"\n", "")).unwrap();
    let publishers = |facts: &Path| {
        rows(&[
            "--facts",
            facts.to_str().unwrap(),
            "--sparql",
            "SELECT ?p WHERE { ?a a schema:NewsArticle ; schema:publisher ?p }",
        ])
    };
    assert_eq!(
        publishers(&with),
        [["https://newsgraph.example/id/organization/press"]]
    );
    assert_eq!(publishers(&without), Vec::<Vec<String>>::new());
    let summary = stdout_of(&["check", without.to_str().unwrap()]);
    assert!(summary.contains("spec"), "{summary}");
}

#[test]
fn an_id_in_another_script_is_accepted_and_an_uppercase_one_is_not() {
    let dir = tempfile::TempDir::new().unwrap();
    let facts = dir.path().join("ids.toml");
    let text = std::fs::read_to_string(spec_dir().join("person.toml")).unwrap();
    std::fs::write(&facts, text.replace("\"wan-lin\"", "\"万林\"")).unwrap();
    let nt = stdout_of(&["export", "--format", "ntriples", facts.to_str().unwrap()]);
    assert!(nt.contains("<https://newsgraph.example/id/person/万林>"));
    std::fs::write(&facts, text.replace("\"wan-lin\"", "\"Wan-Lin\"")).unwrap();
    let output = newsgraph()
        .args(["check", facts.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("invalid id \"Wan-Lin\""));
}
