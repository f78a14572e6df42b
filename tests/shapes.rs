//! The data model as SHACL shapes (`ontology/shapes.ttl`), judged by an outside validator,
//! pySHACL: every export conforms, and the misuses the shapes exist for are caught.
//!
//! `scripts/test.sh` installs pySHACL and runs these tests; a plain `cargo test` lists them
//! as ignored.

use crate::outside_tools::python;
use crate::util::{cainiao_text, fixture, stdout_of};
use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Runs `tests/tools/shacl_check.py` on (file, rdflib format) pairs; returns whether all
/// conform, and its output.
fn shacl_check(files: &[(PathBuf, &str)]) -> (bool, String) {
    let mut command = Command::new(python());
    command
        .arg(root().join("tests/tools/shacl_check.py"))
        .arg(root().join("ontology/shapes.ttl"))
        .arg(root().join("ontology/newsgraph.ttl"));
    for (path, format) in files {
        command.arg(path).arg(format);
    }
    let output = command.output().expect("python runs");
    let stdout = String::from_utf8(output.stdout).unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.code().is_some_and(|c| c <= 1),
        "shacl_check.py failed: {stderr}"
    );
    (output.status.success(), stdout)
}

/// Exports `args` (facts files, options) to `dir/name`.
fn export(dir: &Path, name: &str, args: &[&str]) -> PathBuf {
    let path = dir.join(name);
    let mut all = vec!["export", "--output", path.to_str().unwrap()];
    all.extend_from_slice(args);
    stdout_of(&all);
    path
}

/// The RDF syntaxes newsgraph writes, by extension, with rdflib's name for each.
const SYNTAXES: &[(&str, &str)] = &[
    ("ttl", "turtle"),
    ("nt", "nt"),
    ("nq", "nquads"),
    ("trig", "trig"),
    ("rdf", "xml"),
    ("jsonld", "json-ld"),
];

#[test]
#[ignore = "needs outside tools (pySHACL): scripts/test.sh installs them and runs it"]
fn every_export_conforms_to_the_shapes() {
    let dir = tempfile::TempDir::new().unwrap();
    let mut files = Vec::new();
    for (extension, format) in SYNTAXES {
        let path = export(dir.path(), &format!("cainiao.{extension}"), &[]);
        files.push((path, *format));
    }
    let with_ontology = export(dir.path(), "ontology.trig", &["--with-ontology"]);
    files.push((with_ontology, "trig"));
    let northwind = fixture("northwind.toml");
    let northwind = export(dir.path(), "northwind.ttl", &[northwind.to_str().unwrap()]);
    files.push((northwind, "turtle"));
    let mut specs: Vec<PathBuf> = std::fs::read_dir(root().join("tests/mapping"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    specs.sort();
    for spec in specs {
        let name = spec.file_stem().unwrap().to_string_lossy().into_owned();
        let path = export(
            dir.path(),
            &format!("spec-{name}.ttl"),
            &[spec.to_str().unwrap()],
        );
        files.push((path, "turtle"));
    }
    let (conforms, report) = shacl_check(&files);
    assert!(conforms, "{report}");
    assert_eq!(report.lines().count(), files.len(), "{report}");
}

#[test]
#[ignore = "needs outside tools (pySHACL) and ../shared/articles/cainiao-restructuring.txt: scripts/test.sh runs it"]
fn the_export_with_the_article_text_conforms_to_the_shapes() {
    let text = cainiao_text();
    let dir = tempfile::TempDir::new().unwrap();
    let files: Vec<(PathBuf, &str)> = [("ttl", "turtle"), ("trig", "trig")]
        .iter()
        .map(|(extension, format)| {
            let name = format!("cainiao.{extension}");
            let path = export(dir.path(), &name, &["--source", text.to_str().unwrap()]);
            (path, *format)
        })
        .collect();
    let (conforms, report) = shacl_check(&files);
    assert!(conforms, "{report}");
}

/// Data that misuses the vocabularies, each with the shape that must catch it.
const MISUSES: &[(&str, &str, &str)] = &[
    (
        "a person's change of reporting line as an organizational change event",
        "ex:e a ng:ReportingChange, org:ChangeEvent ; rdfs:label \"Ding's new line\" .",
        "ChangeEvent",
    ),
    (
        "a staff transfer naming the group that receives staff a resulting organization",
        "ex:t a ng:StaffTransfer ; rdfs:label \"staff move\" ;
           ng:transferredFrom ex:o ; ng:transferredTo ex:o ; org:resultingOrganization ex:o .
         ex:o a org:Organization ; rdfs:label \"group\" .",
        "OrganizationalChange",
    ),
    (
        "a business line typed as an organizational unit",
        "ex:l a ng:BusinessLine, org:OrganizationalUnit ; rdfs:label \"express delivery\" ;
           ng:businessLineOf ex:f .
         ex:f a org:FormalOrganization ; rdfs:label \"company\" .",
        "BusinessLine",
    ),
    (
        "a unit of an organization that is not a formal one",
        "ex:u a org:OrganizationalUnit ; rdfs:label \"team\" ; org:unitOf ex:g .
         ex:g a org:Organization, ng:BusinessGroup ; rdfs:label \"business group\" .",
        "UnitOf",
    ),
    (
        "a business group typed as a legal entity",
        "ex:g a ng:BusinessGroup, org:FormalOrganization ; rdfs:label \"business group\" .",
        "BusinessGroup",
    ),
    (
        "'more than 400' stored as an inclusive minimum",
        "ex:m a ng:Headcount ; rdfs:label \"staff moved\" ; ng:measureOf ex:o ;
           schema:description \"more than 400\" ; schema:minValue 400 .
         ex:o a org:Organization ; rdfs:label \"group\" .",
        "ExclusiveBound",
    ),
    (
        "a change with a status that is not one",
        "ex:c a ng:UnitTransfer ; rdfs:label \"teams move\" ; ng:status \"done\" ;
           ng:transferredFrom ex:o ; ng:transferredTo ex:o .
         ex:o a org:Organization ; rdfs:label \"group\" .",
        "Activity",
    ),
    (
        "a reason about nothing",
        "ex:r a ng:Reason ; rdfs:label \"neutrality\" ; schema:text \"neutrality\" .",
        "Claim",
    ),
    (
        "a statement with neither a quote nor an editor's note",
        "ex:a a oa:Annotation ; rdfs:label \"evidence\" ; oa:hasBody ex:s .",
        "Annotation",
    ),
    (
        "a relative time without the date it counts from",
        "ex:i a time:Interval ; rdfs:label \"11 years ago\" ; ng:relativeExpression \"11 years ago\" .",
        "RelativeTime",
    ),
    (
        "a person with neither a name nor the mark of an unnamed source",
        "ex:p a foaf:Person ; rdfs:label \"someone\" .",
        "Person",
    ),
    (
        "an attribution without the article's words for it",
        "ex:c a ng:Aim ; rdfs:label \"aim\" ; schema:text \"aim\" ; schema:about ex:o ;
           schema:appearance ex:n ; ng:reportedBy ex:o .
         ex:o a org:Organization ; rdfs:label \"outlet\" .
         ex:n a schema:NewsArticle ; rdfs:label \"article\" .",
        "Reported",
    ),
];

#[test]
#[ignore = "needs outside tools (pySHACL): scripts/test.sh installs them and runs it"]
fn the_shapes_catch_the_misuses_they_exist_for() {
    let dir = tempfile::TempDir::new().unwrap();
    let prefixes = "@prefix ex: <https://example.org/> .
        @prefix ng: <https://newsgraph.example/ns#> .
        @prefix org: <http://www.w3.org/ns/org#> .
        @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
        @prefix schema: <https://schema.org/> .
        @prefix time: <http://www.w3.org/2006/time#> .
        @prefix oa: <http://www.w3.org/ns/oa#> .
        @prefix foaf: <http://xmlns.com/foaf/0.1/> .\n";
    let files: Vec<(PathBuf, &str)> = MISUSES
        .iter()
        .enumerate()
        .map(|(i, (_, data, _))| {
            let path = dir.path().join(format!("misuse-{i}.ttl"));
            std::fs::write(&path, format!("{prefixes}{data}\n")).unwrap();
            (path, "turtle")
        })
        .collect();
    let (conforms, report) = shacl_check(&files);
    assert!(!conforms);
    // The report: a line per file, then the results of each file that does not conform.
    let mut results: Vec<(String, Vec<String>)> = Vec::new();
    for line in report.lines() {
        match line.strip_prefix("  ") {
            Some(result) => results.last_mut().unwrap().1.push(result.to_owned()),
            None => results.push((line.to_owned(), Vec::new())),
        }
    }
    assert_eq!(results.len(), MISUSES.len(), "{report}");
    for ((what, _, shape), (file, lines)) in MISUSES.iter().zip(&results) {
        assert!(
            file.ends_with("does not conform"),
            "not caught: {what}\n{report}"
        );
        let shape = format!("https://newsgraph.example/shapes#{shape} ");
        assert!(
            lines.iter().any(|l| l.starts_with(&shape)),
            "{what}: not caught by {shape}: {lines:#?}"
        );
    }
}
