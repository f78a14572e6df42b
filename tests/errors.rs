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
    assert_eq!(
        stderr.lines().count(),
        3,
        "two problems and a total: {stderr}"
    );
    assert!(stderr.contains("\"nobody\"") && stderr.contains("\"nowhere\""));
    assert_eq!(stderr.lines().last(), Some("2 problems found"));
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
        stderr.starts_with("error: --sparql: invalid SPARQL: expected "),
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

/// Runs `check` on the fixture with `from` replaced by `to`, and asserts one error at `at`
/// (the first occurrence of `at` in the broken text) that says `says`.
fn rejects(from: &str, to: &str, at: &str, says: &str) {
    let b = broken(from, to);
    let stderr = b.check_fails();
    let expected = format!("error: {}", b.at(at));
    assert!(
        stderr
            .lines()
            .any(|l| l.starts_with(&expected) && l.contains(says)),
        "expected `{expected}… {says}`, got:\n{stderr}"
    );
}

#[test]
fn a_decline_can_be_written_as_a_negative_amount() {
    let b = broken("price = \"EUR 40\"", "price = \"EUR 40\"");
    let decline = "\n[[measure]]\nid = \"decline\"\nname = \"decline\"\nkind = \"revenue-growth\"\n\
        of = \"northwind\"\nvalue = \"-5%\"\nevidence = \"The parcel team, about 120 people\"\n";
    std::fs::write(&b.path, format!("{}{decline}", b.text)).unwrap();
    let output = newsgraph()
        .args(["export", "--no-provenance", "--format", "ntriples"])
        .arg(&b.path)
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    let nt = String::from_utf8(output.stdout).unwrap();
    assert!(
        nt.contains(
            "<https://schema.org/value> \"-5\"^^<http://www.w3.org/2001/XMLSchema#decimal>"
        )
    );
}

#[test]
fn an_inverted_range_is_an_error() {
    rejects(
        "price = \"EUR 40\"",
        "price = \"EUR 40-30\"",
        "\"EUR 40-30\"",
        "from 40 down to 30",
    );
}

#[test]
fn a_fractional_headcount_is_an_error() {
    rejects(
        "value = \"~120\"",
        "value = \"120.5\"",
        "\"120.5\"",
        "whole number",
    );
}

#[test]
fn a_share_over_a_hundred_percent_is_an_error() {
    rejects(
        "kind = \"headcount\"\nof = \"parcel-move\"\nvalue = \"~120\"",
        "kind = \"revenue-share\"\nof = \"parcel-move\"\nvalue = \"120%\"",
        "\"120%\"",
        "between 0% and 100%",
    );
}

#[test]
fn an_empty_name_is_an_error() {
    rejects(
        "name = \"Benelux\"",
        "name = \"  \"",
        "\"  \"",
        "`name` is empty",
    );
}

#[test]
fn a_part_of_cycle_is_an_error() {
    rejects(
        "id = \"westhaven\"\nname = \"Westhaven Holdings\"",
        "id = \"westhaven\"\npart_of = \"northwind\"\nname = \"Westhaven Holdings\"",
        "\"northwind\"\nname = \"Westhaven",
        "westhaven → northwind → westhaven",
    );
}

#[test]
fn a_relation_that_ends_before_it_begins_is_an_error() {
    rejects(
        "since = \"2022\"\nuntil = \"ruiz-reporting-change\"",
        "since = \"2022\"\nuntil = \"2019\"",
        "\"2019\"",
        "ends (2019) before it begins (2022)",
    );
}

#[test]
fn a_duplicate_key_is_named() {
    rejects(
        "name = \"Benelux\"",
        "name = \"Benelux\"\nname = \"Benelux again\"",
        "name = \"Benelux again\"",
        "duplicate key `name`",
    );
}

/// Issue: `kind = 42` or `kind = ["formal"]` said only "wanted string or table".
#[test]
fn a_word_field_given_another_type_names_the_field_and_the_value() {
    rejects(
        "kind = \"formal\"",
        "kind = 42",
        "42",
        "`kind` takes one of its words as a string in double quotes, not a number: 42",
    );
    rejects(
        "kind = \"formal\"",
        "kind = [\"formal\"]",
        "[\"formal\"]",
        "`kind` takes one of its words as a string in double quotes, not a list: [\"formal\"]",
    );
}

/// Issue: `check /dev/zero` (and export, draft, a query file) read until memory ran out.
#[test]
#[cfg(unix)]
fn an_endless_input_stops_at_its_cap_with_an_error() {
    for (args, says) in [
        (
            &["check", "/dev/zero"][..],
            "/dev/zero: the facts file is larger than 256 MiB",
        ),
        (
            &["export", "/dev/zero"][..],
            "/dev/zero: the facts file is larger than 256 MiB",
        ),
        (
            &["draft", "/dev/zero"][..],
            "/dev/zero: the article text is larger than 4 MiB",
        ),
        (
            &["query", "--file", "/dev/zero"][..],
            "/dev/zero: the query file is larger than 1 MiB",
        ),
        (
            &["verify", "--source", "/dev/zero"][..],
            "/dev/zero: the article text is larger than 16 MiB",
        ),
    ] {
        let stderr = fails(args);
        assert!(stderr.contains(says), "{args:?}: {stderr}");
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
    }
}

/// Runs `newsgraph` with `args`, expects exit code 2, and returns standard error.
fn fails(args: &[&str]) -> String {
    let output = newsgraph().args(args).output().unwrap();
    assert_eq!(output.status.code(), Some(2), "{output:?}");
    String::from_utf8(output.stderr).unwrap()
}

#[test]
fn check_reports_every_bad_file() {
    let one = broken("kind = \"unit\"", "kind = \"team\"");
    let two = broken("value = \"~120\"", "value = \"120.5\"");
    let stderr = fails(&[
        "check",
        one.path.to_str().unwrap(),
        two.path.to_str().unwrap(),
    ]);
    assert!(stderr.contains(&one.at("\"team\"")), "{stderr}");
    assert!(stderr.contains(&two.at("\"120.5\"")), "{stderr}");
}

#[test]
fn two_facts_files_for_one_article_are_an_error_naming_both() {
    let one = broken("kind = \"unit\"", "kind = \"unit\"");
    let two = broken("kind = \"unit\"", "kind = \"unit\"");
    let stderr = fails(&[
        "check",
        one.path.to_str().unwrap(),
        two.path.to_str().unwrap(),
    ]);
    assert!(
        stderr.contains(&format!(
            "{} and {} both describe the article \"northwind-split\"",
            one.path.display(),
            two.path.display()
        )),
        "{stderr}"
    );
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
fn the_article_source_is_a_file_name_not_a_path() {
    rejects(
        "source = \"northwind.txt\"",
        "source = \"../../../etc/passwd\"",
        "\"../../../etc/passwd\"",
        "not a path",
    );
}

#[test]
fn a_facts_file_that_is_not_utf8_names_the_line_column_and_byte() {
    let b = broken("name = \"Benelux\"", "name = \"Benelux\"");
    let mut bytes = b.text.clone().into_bytes();
    let at = b.text.find("Benelux\"").unwrap();
    bytes[at] = 0xFF;
    std::fs::write(&b.path, bytes).unwrap();
    let stderr = fails(&["check", b.path.to_str().unwrap()]);
    assert!(
        stderr.starts_with(&format!("error: {}", b.at("Benelux\""))),
        "{stderr}"
    );
    assert!(stderr.contains("byte 0xFF"), "{stderr}");
}

#[test]
fn a_byte_order_mark_does_not_shift_columns() {
    let b = broken("id = \"northwind-split\"", "id = \"Northwind-split\"");
    std::fs::write(&b.path, format!("\u{feff}{}", b.text)).unwrap();
    let stderr = fails(&["check", b.path.to_str().unwrap()]);
    assert!(stderr.contains(&b.at("\"Northwind-split\"")), "{stderr}");
}

#[test]
fn a_malformed_source_date_epoch_is_an_error() {
    let output = newsgraph()
        .args(["export", "--timestamp"])
        .env("SOURCE_DATE_EPOCH", "yesterday")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
    assert!(String::from_utf8_lossy(&output.stderr).contains("SOURCE_DATE_EPOCH=\"yesterday\""));
}

#[test]
fn a_mistyped_binding_is_an_error_not_an_empty_answer() {
    for (bind, says) in [
        ("entity=persn:ding-hongwei", "unknown prefix `persn:`"),
        ("entity=<http://x", "does not close it"),
        ("entity=Ding Hongwei", "write a string in double quotes"),
    ] {
        let stderr = fails(&["query", "evidence", "--bind", bind]);
        assert!(stderr.contains(says), "{bind}: {stderr}");
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
    }
    let stderr = fails(&[
        "query",
        "evidence",
        "--bind",
        "entity=person:ding-hongwei",
        "--bind",
        "entity=person:lin-wan",
    ]);
    assert!(stderr.contains("?entity is already bound"), "{stderr}");
}

#[test]
fn a_sparql_error_is_one_short_line_naming_an_unknown_prefix() {
    let stderr = fails(&["query", "--sparql", "SELECT ?x WHERE { ?x foo:bar ?y }"]);
    assert_eq!(
        stderr.trim_end(),
        "error: --sparql: invalid SPARQL: unknown prefix `foo:` in `foo:bar` at line 1, column 29"
    );
    let stderr = fails(&["query", "--sparql", "SELECT ?x WHERE { ?x a ?y "]);
    assert!(stderr.len() < 200, "{stderr}");
    assert!(
        stderr.contains("at line 1, column 27, found the end of the query"),
        "{stderr}"
    );
}

#[test]
fn tables_line_up_with_chinese_names() {
    let facts = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/mapping/post.toml");
    let out = crate::util::stdout_of(&[
        "query",
        "--facts",
        facts.to_str().unwrap(),
        "--sparql",
        "SELECT ?role ?label WHERE { ?p org:role ?role ; rdfs:label ?label }",
    ]);
    let bar_columns: Vec<usize> = out
        .lines()
        .filter(|l| l.contains(" | "))
        .map(|l| unicode_width::UnicodeWidthStr::width(&l[..l.find(" | ").unwrap()]))
        .collect();
    assert_eq!(bar_columns.len(), 4, "a header and three posts: {out}");
    assert!(bar_columns.iter().all(|&c| c == bar_columns[0]), "{out}");
}

#[test]
fn limit_cuts_the_answer_and_a_huge_table_is_refused_not_held() {
    let cartesian = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f }";
    let rows = crate::util::rows(&["--sparql", cartesian, "--limit", "2"]);
    assert_eq!(rows.len(), 2);
    let stderr = fails(&["query", "--sparql", cartesian]);
    assert!(
        stderr.contains("too many for a table: add --limit N"),
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
