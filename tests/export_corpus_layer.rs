//! `export --corpus-layer`: the corpus layer leaves newsgraph as N-Quads in its own graph, so
//! that another store given the articles' shards, their union as the default graph and this
//! graph answers the saved questions as `newsgraph query --facts` does (benches/virtuoso.sh).

use crate::corpus::ARTICLES;
use crate::util::{facts_arg, rows, stdout_of};
use newsgraph::rdf::vocab::{CORPUS_GRAPH, ONTOLOGY_GRAPH};
use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::{GraphName, GraphNameRef, Quad, Term, TripleRef};
use oxigraph::sparql::{QueryResults, SparqlEvaluator};
use oxigraph::store::Store;

/// The quads of an N-Quads text.
fn quads(text: &str) -> Vec<Quad> {
    RdfParser::from_format(RdfFormat::NQuads)
        .for_slice(text.as_bytes())
        .map(|quad| quad.expect("the export parses"))
        .collect()
}

/// The five articles' facts files, as arguments.
fn facts() -> Vec<String> {
    ARTICLES.iter().map(|id| facts_arg(id)).collect()
}

/// `newsgraph export --corpus-layer --format nquads` over the five articles.
fn layer() -> Vec<Quad> {
    let mut args = vec!["export", "--corpus-layer", "--format", "nquads"];
    let facts = facts();
    args.extend(facts.iter().map(String::as_str));
    quads(&stdout_of(&args))
}

/// The quad `<s> <p> o` in the corpus graph, as N-Quads writes it.
fn in_layer(subject: &str, predicate: &str, object: &str) -> String {
    format!(
        "<https://newsgraph.example/id/{subject}> <{predicate}> {object} <{}>",
        CORPUS_GRAPH.as_str()
    )
}

#[test]
fn the_corpus_layer_of_the_five_articles_is_exported_in_its_own_graph() {
    let layer = layer();
    assert_eq!(layer.len(), 141);
    assert!(
        layer
            .iter()
            .all(|q| q.graph_name == GraphName::from(CORPUS_GRAPH.into_owned())),
        "every quad in {CORPUS_GRAPH}"
    );
    let text: Vec<String> = layer.iter().map(ToString::to_string).collect();
    let dcterms_date = "http://purl.org/dc/terms/date";
    let xsd_date = "^^<http://www.w3.org/2001/XMLSchema#date>";
    let skos = "http://www.w3.org/2004/02/skos/core#";
    let held_by = "http://www.w3.org/ns/org#heldBy";
    for quad in [
        // The day each article is ordered by: a month counts from its first day.
        in_layer(
            "graph/cainiao-restructuring",
            dcterms_date,
            &format!("\"2025-01-14\"{xsd_date}"),
        ),
        in_layer(
            "graph/alibaba-six-groups-2023",
            dcterms_date,
            &format!("\"2023-03-01\"{xsd_date}"),
        ),
        in_layer(
            "graph/cainiao-restructuring-second-account-2025",
            dcterms_date,
            &format!("\"2025-01-01\"{xsd_date}"),
        ),
        // One name per entity, the others kept as other names.
        in_layer("person/lin-wan", &format!("{skos}prefLabel"), "\"Wan Lin\""),
        in_layer("person/lin-wan", &format!("{skos}altLabel"), "\"Lin Wan\""),
        in_layer(
            "artifact/ipo-prospectus",
            &format!("{skos}prefLabel"),
            "\"Cainiao IPO prospectus\"",
        ),
        // The latest report of a post's holder.
        in_layer(
            "post/cainiao-ceo",
            held_by,
            "<https://newsgraph.example/id/person/lin-wan>",
        ),
    ] {
        assert!(text.contains(&quad), "{quad} is not in the layer");
    }
    let count = |predicate: &str| {
        layer
            .iter()
            .filter(|q| q.predicate.as_str() == predicate)
            .count()
    };
    assert_eq!(count(dcterms_date), 5, "one date per article");
    assert_eq!(count(&format!("{skos}prefLabel")), 33);
    assert_eq!(count(&format!("{skos}altLabel")), 17);
    assert_eq!(count(held_by), 8);
}

/// The rows of `sparql` over `store`, each term as its value (an IRI's text, a literal's
/// lexical form), an empty string where unbound; as `util::rows` reads newsgraph's.
fn answer(store: &Store, sparql: &str) -> Vec<Vec<String>> {
    let prepared = SparqlEvaluator::new().parse_query(sparql).unwrap();
    let QueryResults::Solutions(solutions) = prepared.on_store(store).execute().unwrap() else {
        panic!("a SELECT query");
    };
    let variables: Vec<_> = solutions.variables().to_vec();
    solutions
        .map(|row| {
            let row = row.unwrap();
            variables
                .iter()
                .map(|v| match row.get(v) {
                    Some(Term::NamedNode(n)) => n.as_str().to_owned(),
                    Some(Term::Literal(l)) => l.value().to_owned(),
                    Some(other) => other.to_string(),
                    None => String::new(),
                })
                .collect()
        })
        .collect()
}

/// A store holding what benches/virtuoso.sh gives Virtuoso: each article's own export in its
/// graph, the ontology's graph, the union of both as the default graph, and, when `layer` is
/// given, the corpus layer in its graph only.
fn store_of_exports(layer: Option<Vec<Quad>>) -> Store {
    let store = Store::new().unwrap();
    let ontology = quads(&stdout_of(&[
        "export",
        "--with-ontology",
        "--format",
        "nquads",
        &facts_arg(ARTICLES[0]),
    ]))
    .into_iter()
    .filter(|q| q.graph_name == GraphName::from(ONTOLOGY_GRAPH.into_owned()));
    let shards = ARTICLES.iter().flat_map(|id| {
        quads(&stdout_of(&[
            "export",
            "--format",
            "nquads",
            &facts_arg(id),
        ]))
    });
    for quad in shards.chain(ontology) {
        store.insert(&quad).unwrap();
        let triple = TripleRef::from(quad.as_ref());
        store
            .insert(triple.in_graph(GraphNameRef::DefaultGraph))
            .unwrap();
    }
    for quad in layer.into_iter().flatten() {
        store.insert(&quad).unwrap();
    }
    store
}

#[test]
fn per_article_exports_and_the_layer_answer_leadership_as_newsgraph_does() {
    let sparql = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("queries/leadership.rq"),
    )
    .unwrap();
    let mut args = vec!["leadership".to_owned()];
    for file in facts() {
        args.extend(["--facts".to_owned(), file]);
    }
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let newsgraph = rows(&args);
    // The rows `tests/corpus.rs` asserts for the question over the five facts files.
    let leaders = crate::corpus::answer_rows::leadership();
    assert_eq!(newsgraph, leaders);
    assert_eq!(answer(&store_of_exports(Some(layer())), &sparql), leaders);

    // Without the layer the same exports answer otherwise: every holder and every name.
    let without = answer(&store_of_exports(None), &sparql);
    assert!(without.len() > leaders.len(), "{without:?}");
    assert!(without.iter().any(|row| row[0] == "Lin Wan"), "{without:?}");
}
