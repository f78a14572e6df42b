//! The exported graph: complete, stable, labelled, and in the named syntax.

use crate::util::{fixture, newsgraph, stdout_of};
use newsgraph::pipeline;
use newsgraph::rdf::iris::Iris;
use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::{GraphNameRef, Triple};
use oxigraph::sparql::QueryResults;
use std::collections::{BTreeSet, HashSet};

fn parse(text: &str, format: RdfFormat) -> HashSet<Triple> {
    RdfParser::from_format(format)
        .for_slice(text.as_bytes())
        .map(|quad| Triple::from(quad.expect("our export parses")))
        .collect()
}

fn store_triple_count() -> usize {
    let loaded = pipeline::load(&pipeline::Options::default(), &Iris::default()).unwrap();
    let graph = loaded.store.article_graphs()[0].clone();
    loaded
        .store
        .graph_len(GraphNameRef::NamedNode(graph.as_ref()))
}

#[test]
fn turtle_export_parses_back_with_the_store_triple_count() {
    let turtle = stdout_of(&["export"]);
    assert!(turtle.starts_with("@prefix"));
    let triples = parse(&turtle, RdfFormat::Turtle);
    assert_eq!(triples.len(), store_triple_count());
    assert!(triples.len() > 500, "the whole article, not a sample");
}

#[test]
fn export_is_byte_identical_between_runs() {
    for format in ["turtle", "ntriples", "nquads", "trig"] {
        let first = stdout_of(&["export", "--format", format]);
        let second = stdout_of(&["export", "--format", format]);
        assert_eq!(first, second, "{format} differs between runs");
    }
}

#[test]
fn turtle_and_ntriples_hold_the_same_triples() {
    let turtle = parse(&stdout_of(&["export"]), RdfFormat::Turtle);
    let ntriples = parse(
        &stdout_of(&["export", "--format", "ntriples"]),
        RdfFormat::NTriples,
    );
    assert_eq!(turtle, ntriples);
}

#[test]
fn output_file_format_follows_its_extension() {
    let dir = tempfile::TempDir::new().unwrap();
    let path = dir.path().join("cainiao.nt");
    newsgraph()
        .args(["export", "--output"])
        .arg(&path)
        .assert()
        .success();
    let written = std::fs::read_to_string(&path).unwrap();
    assert!(written.lines().all(|l| l.ends_with(" .")));
    assert_eq!(
        parse(&written, RdfFormat::NTriples).len(),
        store_triple_count()
    );
}

#[test]
fn base_iri_is_configurable() {
    let turtle = stdout_of(&[
        "--base",
        "http://example.org/kg/",
        "export",
        "--format",
        "ntriples",
    ]);
    assert!(turtle.contains("<http://example.org/kg/person/ding-hongwei>"));
    assert!(!turtle.contains("newsgraph.example/id/"));
}

#[test]
fn ontology_is_exported_on_request() {
    let plain = parse(&stdout_of(&["export"]), RdfFormat::Turtle);
    let with = parse(
        &stdout_of(&["export", "--with-ontology"]),
        RdfFormat::Turtle,
    );
    assert!(with.len() > plain.len());
    assert!(with.is_superset(&plain));
}

/// Runs a SELECT on the loaded embedded article and returns the first column.
fn select(sparql: &str) -> Vec<String> {
    let iris = Iris::default();
    let loaded = pipeline::load(&pipeline::Options::default(), &iris).unwrap();
    let prefixes = newsgraph::rdf::prefixes(&iris);
    let QueryResults::Solutions(solutions) = newsgraph::query::request::Request::sparql(sparql)
        .prefixes(prefixes)
        .results(&loaded.store)
        .unwrap()
    else {
        panic!("not a SELECT");
    };
    solutions
        .map(|s| s.unwrap().values()[0].as_ref().unwrap().to_string())
        .collect()
}

#[test]
fn every_resource_has_a_label() {
    let unlabelled = select(
        "SELECT DISTINCT ?r WHERE {
           GRAPH ?g { { ?r ?p ?o } UNION { ?s ?p ?r } }
           FILTER (?g != <https://newsgraph.example/ns> && isIRI(?r)
                   && STRSTARTS(STR(?r), 'https://newsgraph.example/id/'))
           FILTER NOT EXISTS { ?r rdfs:label ?label }
         }",
    );
    assert!(unlabelled.is_empty(), "without rdfs:label: {unlabelled:?}");
}

#[test]
fn every_project_term_used_is_declared_with_label_and_comment() {
    let undeclared = select(
        "SELECT DISTINCT ?term WHERE {
           GRAPH ?g { { ?s ?term ?o } UNION { ?s a ?term } }
           FILTER (?g != <https://newsgraph.example/ns> && STRSTARTS(STR(?term), STR(ng:)))
           FILTER NOT EXISTS {
             GRAPH <https://newsgraph.example/ns> { ?term rdfs:label ?l ; rdfs:comment ?c }
           }
         }",
    );
    assert!(undeclared.is_empty(), "undeclared: {undeclared:?}");
}

#[test]
fn every_ontology_term_is_fully_declared() {
    let incomplete = select(
        "SELECT ?term WHERE {
           GRAPH <https://newsgraph.example/ns> {
             { ?term a owl:ObjectProperty } UNION { ?term a owl:DatatypeProperty } UNION { ?term a owl:Class }
             FILTER NOT EXISTS {
               ?term rdfs:label ?label ; rdfs:comment ?comment .
               { ?term a owl:Class ; rdfs:subClassOf ?super }
               UNION { ?term rdfs:domain ?domain ; rdfs:range ?range }
             }
           }
         }",
    );
    assert!(
        incomplete.is_empty(),
        "without label, comment, superclass or domain and range: {incomplete:?}"
    );
}

#[test]
fn history_is_not_flattened_into_current_triples_nor_plans_into_facts() {
    // Ended by a change under way: history, only dated.
    let served = select(
        "SELECT ?d WHERE { ?d ng:serves ?a . ?a rdfs:label 'AliExpress' .
           ?d rdfs:label 'Cainiao international division' }",
    );
    assert!(
        served.is_empty(),
        "the division no longer serves AliExpress: {served:?}"
    );
    // A planned change has not happened: the dual line it will end still holds…
    let lin_wan = select("SELECT ?p WHERE { ?p org:reportsTo ?lin . ?lin rdfs:label 'Lin Wan' }");
    assert_eq!(
        lin_wan.len(),
        1,
        "the dual reporting line holds until the change"
    );
    // …and the line it will begin is only a dated statement, generated by the planned change.
    let planned = select(
        "SELECT ?s WHERE {
           ?s a rdf:Statement ; rdf:predicate org:reportsTo ; skos:note 'Direct reporting line.' ;
              prov:wasGeneratedBy/ng:status schema:PotentialActionStatus .
         }",
    );
    assert_eq!(planned.len(), 1);
    let dated = select(
        "SELECT ?s WHERE {
           ?s a rdf:Statement ; rdf:predicate org:reportsTo ;
              rdf:object/rdfs:label 'Lin Wan' ; time:hasTime/time:hasBeginning/time:inXSDgYear ?y .
           FILTER (STR(?y) = '2024')
         }",
    );
    assert_eq!(dated.len(), 1);
}

#[test]
fn several_articles_go_in_graphs_of_their_own() {
    let cainiao = newsgraph::facts::EMBEDDED_NAME;
    let manifest = env!("CARGO_MANIFEST_DIR");
    let output = newsgraph()
        .current_dir(manifest)
        .args(["export", "--format", "nquads", cainiao])
        .arg(fixture("northwind.toml"))
        .output()
        .unwrap();
    assert!(output.status.success());
    let text = String::from_utf8(output.stdout).unwrap();
    let graphs: BTreeSet<&str> = text
        .lines()
        .filter_map(|l| l.strip_suffix(" .")?.rsplit(' ').next())
        .collect();
    assert_eq!(
        graphs,
        BTreeSet::from([
            "<https://newsgraph.example/id/graph/cainiao-restructuring>",
            "<https://newsgraph.example/id/graph/northwind-split>",
        ])
    );
}

#[test]
fn where_the_facts_file_is_read_from_does_not_change_the_graph() {
    let absolute = fixture("northwind.toml");
    let relative = "tests/fixtures/northwind.toml";
    let from = |path: &std::path::Path| {
        let output = newsgraph()
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .args(["export", "--format", "nquads"])
            .arg(path)
            .output()
            .unwrap();
        assert!(output.status.success());
        output.stdout
    };
    assert_eq!(from(&absolute), from(std::path::Path::new(relative)));
}
