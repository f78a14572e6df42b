//! Bad input gets a one-line error naming file, line, column and value, exit code 2, and
//! leaves nothing behind.

use crate::util::{fixture, newsgraph};
use std::path::PathBuf;
use tempfile::TempDir;

/// The fixture facts file with `from` replaced by `to`, in a directory of its own.
struct Broken {
    dir: TempDir,
    path: PathBuf,
    text: String,
}

fn broken(from: &str, to: &str) -> Broken {
    let original = std::fs::read_to_string(fixture("northwind.toml")).unwrap();
    assert!(original.contains(from), "fixture has no {from:?}");
    let text = original.replacen(from, to, 1);
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("northwind.toml");
    std::fs::write(&path, &text).unwrap();
    Broken { dir, path, text }
}

impl Broken {
    /// `file:line:column` of the first occurrence of `needle`.
    fn at(&self, needle: &str) -> String {
        let offset = self.text.find(needle).expect("needle in text");
        let before = &self.text[..offset];
        let line = before.matches('\n').count() + 1;
        let column = before.len() - before.rfind('\n').map_or(0, |i| i + 1) + 1;
        format!("{}:{line}:{column}: ", self.path.display())
    }

    /// Runs `check` and returns standard error, asserting exit code 2.
    fn check_fails(&self) -> String {
        let output = newsgraph().arg("check").arg(&self.path).output().unwrap();
        assert_eq!(output.status.code(), Some(2));
        assert!(output.stdout.is_empty());
        String::from_utf8(output.stderr).unwrap()
    }
}

#[test]
fn malformed_toml_names_the_line() {
    let b = broken(
        "name = \"Westhaven Holdings\"",
        "name = \"Westhaven Holdings",
    );
    let stderr = b.check_fails();
    let line_prefix = b.at("name = \"Westhaven Holdings");
    let (file_and_line, _) = line_prefix.rsplit_once(':').unwrap();
    let (file_and_line, _) = file_and_line.rsplit_once(':').unwrap();
    assert!(stderr.contains(file_and_line), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
}

#[test]
fn unknown_field_is_an_error() {
    let b = broken(
        "kind = \"business-line\"",
        "kind = \"business-line\"\ncolour = \"blue\"",
    );
    let stderr = b.check_fails();
    assert!(stderr.contains(&b.at("colour")), "{stderr}");
    assert!(stderr.contains("unknown field `colour`"), "{stderr}");
}

#[test]
fn dangling_reference_names_the_missing_id() {
    let b = broken("holder = \"lena-park\"", "holder = \"lena-parks\"");
    let stderr = b.check_fails();
    assert!(stderr.contains(&b.at("\"lena-parks\"")), "{stderr}");
    assert!(
        stderr.contains("\"lena-parks\", but no record has this id"),
        "{stderr}"
    );
}

#[test]
fn reference_to_the_wrong_kind_of_record() {
    let b = broken("holder = \"lena-park\"", "holder = \"westhaven\"");
    let stderr = b.check_fails();
    assert!(
        stderr.contains(&b.at("\"westhaven\"\nevidence = \"Westhaven's operations head")),
        "{stderr}"
    );
    assert!(
        stderr.contains("`holder` must name a person, but \"westhaven\" is an organization"),
        "{stderr}"
    );
}

#[test]
fn duplicate_id_names_the_first_use() {
    let b = broken("id = \"lena-park\"", "id = \"ana-ruiz\"");
    let stderr = b.check_fails();
    let first_line = b
        .at("id = \"ana-ruiz\"")
        .split(':')
        .nth(1)
        .unwrap()
        .to_owned();
    assert!(
        stderr.contains(&format!(
            "duplicate id \"ana-ruiz\" (first used on line {first_line})"
        )),
        "{stderr}"
    );
}

#[test]
fn bad_date_is_reported_with_its_value() {
    let b = broken("date = \"2015-03\"", "date = \"2015-13\"");
    let stderr = b.check_fails();
    assert!(stderr.contains(&b.at("\"2015-13\"")), "{stderr}");
    assert!(
        stderr.contains("invalid date \"2015-13\": there is no month 13"),
        "{stderr}"
    );
}

#[test]
fn bad_amount_is_reported_with_its_value() {
    let b = broken("price = \"EUR 40\"", "price = \"EUR forty\"");
    let stderr = b.check_fails();
    assert!(stderr.contains(&b.at("\"EUR forty\"")), "{stderr}");
    assert!(stderr.contains("invalid amount \"EUR forty\""), "{stderr}");
}

#[test]
fn amount_of_the_wrong_sort_is_reported() {
    let b = broken("price = \"EUR 40\"", "price = \"40%\"");
    let stderr = b.check_fails();
    assert!(stderr.contains(&b.at("\"40%\"")), "{stderr}");
    assert!(
        stderr.contains("expected money with a currency"),
        "{stderr}"
    );
}

#[test]
fn every_problem_is_reported_at_once() {
    let b = broken("holder = \"lena-park\"", "holder = \"nobody\"");
    let text = b
        .text
        .replacen("area = \"benelux\"", "area = \"nowhere\"", 1);
    std::fs::write(&b.path, &text).unwrap();
    let stderr = b.check_fails();
    assert_eq!(stderr.lines().count(), 2, "{stderr}");
    assert!(stderr.contains("\"nobody\"") && stderr.contains("\"nowhere\""));
}

#[test]
fn failed_export_writes_nothing() {
    let b = broken("holder = \"lena-park\"", "holder = \"nobody\"");
    let out = b.dir.path().join("graph.ttl");
    let output = newsgraph()
        .arg("export")
        .arg(&b.path)
        .arg("--output")
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let left: Vec<_> = std::fs::read_dir(b.dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(left, ["northwind.toml"], "only the input remains");
}

#[test]
fn missing_facts_file() {
    let output = newsgraph()
        .args(["check", "no/such/facts.toml"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains("cannot read facts file no/such/facts.toml"),
        "{stderr}"
    );
}

#[test]
fn unknown_saved_query_lists_the_known_ones() {
    let output = newsgraph().args(["query", "org-chart"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains("unknown saved query \"org-chart\""),
        "{stderr}"
    );
    assert!(stderr.contains("reporting-lines"), "{stderr}");
}

#[test]
fn invalid_sparql_names_the_query() {
    let output = newsgraph()
        .args(["query", "--sparql", "SELECT ?x WHERE { ?x"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.starts_with("error: --sparql: invalid or failing SPARQL"),
        "{stderr}"
    );
    assert_eq!(stderr.lines().count(), 1, "one line: {stderr}");
}

#[test]
fn bad_base_iri() {
    let output = newsgraph()
        .args(["--base", "https://example.org/kg", "export"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("must end with `/` or `#`"), "{stderr}");
}

#[test]
fn orgs_change_terms_are_kept_for_organizational_change() {
    let b = broken("from = [\"northwind\"]", "original = [\"northwind\"]");
    let stderr = b.check_fails();
    assert!(stderr.contains(&b.at("\"northwind\"]\nto")), "{stderr}");
    assert!(
        stderr.contains(
            "`original` is only for organizational change events (restructuring, founding), \
             not for \"parcel-move\""
        ),
        "{stderr}"
    );
}

#[test]
fn a_relative_time_needs_a_publication_date_and_no_date() {
    let b = broken(
        "date = \"2009\"",
        "date = \"2009\"\nrelative = \"16 years ago\"",
    );
    let stderr = b.check_fails();
    assert!(
        stderr.contains("has both a `date` and a `relative` time"),
        "{stderr}"
    );
    assert!(
        stderr.contains("relative time \"16 years ago\" needs the article's publication date"),
        "{stderr}"
    );
    let b = broken("date = \"2009\"", "date = \"2009\"\nrelative = \"soon\"");
    assert!(b.check_fails().contains("invalid relative time \"soon\""));
}

#[test]
fn a_claim_names_records_not_relations() {
    let b = broken(
        "[[quote]]",
        "[[claim]]\nid = \"why\"\nkind = \"reason\"\ntext = \"Parcels need a retail owner.\"\nabout = \"parcel-team-in-westhaven\"\nevidence = \"parcels deserve an owner\"\n\n[[quote]]",
    );
    let stderr = b.check_fails();
    assert!(
        stderr.contains("but \"parcel-team-in-westhaven\" is a relation"),
        "{stderr}"
    );
}
