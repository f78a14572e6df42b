//! Property tests of every parser a user feeds: random edits of valid facts files (read whole,
//! and in pieces as large files are), `--bind` values, SPARQL text, arbitrary text for `draft`,
//! and the query strings and headers of the endpoint. Each must answer (a value or a located
//! error), never panic. The number of cases is proptest's `PROPTEST_CASES` (a small default
//! here, so the suite stays quick; `scripts/fuzz.sh` runs many more).

use crate::serve::{Server, encode, http};
use newsgraph::Facts;
use newsgraph::diagnostic::SourceText;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use std::time::{Duration, Instant};

/// The cases per property: `PROPTEST_CASES`, else `default`.
fn config(default: u32) -> Config {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(default);
    Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    }
}

const SEED: &str = include_str!("../data/articles/cainiao-restructuring.toml");
const NORTHWIND: &str = include_str!("fixtures/northwind.toml");

/// One edit of a text: a byte range deleted, text inserted, a line doubled or two lines
/// swapped. Offsets are taken modulo the text's length and moved back to a char boundary.
#[derive(Debug, Clone)]
enum Edit {
    Delete(usize, usize),
    Insert(usize, String),
    DoubleLine(usize),
    SwapLines(usize, usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (any::<usize>(), 1usize..40).prop_map(|(at, n)| Edit::Delete(at, n)),
        (any::<usize>(), "(\\PC|[\"=\\[\\]{}#\\\\\n]){1,12}")
            .prop_map(|(at, s)| Edit::Insert(at, s)),
        any::<usize>().prop_map(Edit::DoubleLine),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Edit::SwapLines(a, b)),
    ]
}

fn boundary(text: &str, at: usize) -> usize {
    let mut at = at % (text.len() + 1);
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn apply(text: &str, edit: &Edit) -> String {
    match edit {
        Edit::Delete(at, n) => {
            let start = boundary(text, *at);
            let end = boundary(text, start.saturating_add(*n).min(text.len()));
            format!("{}{}", &text[..start], &text[end.max(start)..])
        }
        Edit::Insert(at, s) => {
            let at = boundary(text, *at);
            format!("{}{s}{}", &text[..at], &text[at..])
        }
        Edit::DoubleLine(n) => {
            let mut lines: Vec<&str> = text.lines().collect();
            let n = n % lines.len();
            lines.insert(n, lines[n]);
            lines.join("\n")
        }
        Edit::SwapLines(a, b) => {
            let mut lines: Vec<&str> = text.lines().collect();
            let (a, b) = (a % lines.len(), b % lines.len());
            lines.swap(a, b);
            lines.join("\n")
        }
    }
}

/// Parses an edited facts file: a checked file, or problems each inside the text.
fn parses_or_locates(original: &str, edits: &[Edit]) -> Result<(), TestCaseError> {
    let text = edits.iter().fold(original.to_owned(), |t, e| apply(&t, e));
    let lines = text.lines().count().max(1);
    match Facts::parse(SourceText::new("edited.toml", text)) {
        Ok(facts) => {
            let mapping = newsgraph::map(&facts, &newsgraph::Iris::default());
            prop_assert!(!mapping.records.is_empty());
        }
        Err(problems) => {
            prop_assert!(!problems.0.is_empty());
            for problem in &problems.0 {
                prop_assert!(problem.line >= 1 && problem.line <= lines + 1, "{problem}");
                prop_assert!(problem.column >= 1, "{problem}");
            }
        }
    }
    Ok(())
}

/// Reads an edited facts file whole and in pieces of about `piece_bytes`: both accept it with
/// the same records mapped, or refuse it with the same problems.
fn pieces_agree_with_the_whole(
    original: &str,
    edits: &[Edit],
    piece_bytes: usize,
) -> Result<(), TestCaseError> {
    use newsgraph::facts::Pieces;
    use std::collections::BTreeSet;
    let text = edits.iter().fold(original.to_owned(), |t, e| apply(&t, e));
    let dir = tempfile::TempDir::new().unwrap();
    let path = dir.path().join("edited.toml");
    std::fs::write(&path, &text).unwrap();
    let iris = newsgraph::Iris::default();
    let triples = |facts: &Facts| -> BTreeSet<String> {
        newsgraph::rdf::mapping::map_records(facts, &iris)
            .flat_map(|r| r.all_triples().map(|t| t.to_string()).collect::<Vec<_>>())
            .collect()
    };
    let problems = |e: newsgraph::Error| -> BTreeSet<String> {
        match e {
            newsgraph::Error::Facts(d) => d.0.iter().map(|d| d.to_string()).collect(),
            other => BTreeSet::from([other.to_string()]),
        }
    };
    let whole = Facts::read(&path).map(|f| triples(&f)).map_err(problems);
    let pieces = Pieces::open_in(&path, piece_bytes, |_| {})
        .map_err(problems)
        .and_then(|pieces| {
            let (mut found, mut mapped) = (BTreeSet::new(), BTreeSet::new());
            for piece in pieces.checked() {
                let (facts, problems) = piece.map_err(|e| BTreeSet::from([e.to_string()]))?;
                found.extend(problems.iter().map(|d| d.to_string()));
                // A piece is mapped only once checked, as the pipeline does.
                if found.is_empty() {
                    mapped.extend(triples(&facts));
                }
            }
            if found.is_empty() {
                Ok(mapped)
            } else {
                Err(found)
            }
        });
    prop_assert_eq!(whole, pieces);
    Ok(())
}

proptest! {
    #![proptest_config(config(48))]

    #[test]
    fn an_edited_facts_file_read_in_pieces_is_read_as_whole(
        edits in prop::collection::vec(edit(), 1..4),
        seed in any::<bool>(),
        piece_bytes in 1usize..3000,
    ) {
        pieces_agree_with_the_whole(if seed { SEED } else { NORTHWIND }, &edits, piece_bytes)?;
    }

    #[test]
    fn an_edited_facts_file_gives_a_graph_or_located_errors(
        edits in prop::collection::vec(edit(), 1..4),
        seed in any::<bool>(),
    ) {
        parses_or_locates(if seed { SEED } else { NORTHWIND }, &edits)?;
    }

    #[test]
    fn a_bind_value_is_a_term_or_an_error(name in "\\PC{0,12}", value in "\\PC{0,40}") {
        let prefixes = newsgraph::rdf::prefixes(&newsgraph::Iris::default());
        if let Ok((_, term)) = newsgraph::query::catalogue::binding(&name, &value, &prefixes) {
            prop_assert!(!term.to_string().is_empty());
        }
    }

    #[test]
    fn sparql_text_parses_or_says_where_it_fails(query in "(\\PC|[{}?<>:. \n]){0,80}") {
        let prefixes = newsgraph::rdf::prefixes(&newsgraph::Iris::default());
        if let Err(error) = newsgraph::query::run::parse(&query, &prefixes) {
            prop_assert!(!error.to_string().is_empty());
            prop_assert!(!error.to_string().contains('\n'), "{error}");
        }
    }

    #[test]
    fn draft_takes_any_text_without_panicking(text in "(\\PC|[\n. ,\"']){0,400}") {
        let known = newsgraph::draft::KnownNames::new(&newsgraph::facts::corpus::Corpus::new());
        let _ = newsgraph::draft::draft("any.txt", &text, &known);
    }
}

/// Drafting time grows linearly with the text: ten times the text takes well under a hundred
/// times as long (a quadratic step would show here first).
#[test]
fn draft_time_grows_linearly_with_the_text() {
    let unit = "Westhaven Parcels, a unit of Westhaven Holdings, said on Monday that Ana Ruiz \
                will report to its chief executive, Tomas Berg. \"We are growing,\" Berg said. ";
    let time = |copies: usize| {
        let text = unit.repeat(copies);
        let known = newsgraph::draft::KnownNames::new(&newsgraph::facts::corpus::Corpus::new());
        let start = Instant::now();
        let _ = newsgraph::draft::draft("long.txt", &text, &known);
        start.elapsed().max(Duration::from_micros(1))
    };
    time(20); // warm
    let small = time(100);
    let large = time(1000);
    let ratio = large.as_secs_f64() / small.as_secs_f64();
    assert!(
        ratio < 40.0,
        "10× the text took {ratio:.1}× the time ({small:?} → {large:?})"
    );
}

/// The routes of `serve` that read a query string.
const ROUTES: &[&str] = &[
    "/sparql",
    "/queries",
    "/queries/leaders-as-of",
    "/queries/evidence",
    "/queries/no-such-question",
    "/store",
    "/explore/api/search",
    "/explore/api/node",
    "/explore/api/facts",
    "/explore/api/tie",
    "/explore/api/as-of",
    "/explore/api/timeline",
    "/explore/api/disagreements",
    "/explore",
];

/// A query string as a client may send one: names the routes know and others, values
/// percent-encoded or written raw, and broken escapes.
fn query_string() -> impl Strategy<Value = String> {
    let name = prop_oneof![
        prop::sample::select(vec![
            "query",
            "format",
            "date",
            "person",
            "organization",
            "graph",
            "default",
            "iri",
            "q",
            "s",
            "p",
            "o",
            "default-graph-uri",
            "named-graph-uri",
            "timeout",
            "limit",
            "",
        ])
        .prop_map(str::to_owned),
        "[a-z%=&+;-]{0,8}",
    ];
    let value = prop_oneof![
        "\\PC{0,24}".prop_map(|v| encode(&v)),
        "[A-Za-z0-9%=&+;:/#<>.-]{0,24}",
        prop::sample::select(vec![
            "%",
            "%zz",
            "%00",
            "%FF%FE",
            "2025-02-01",
            "9999-99-99",
            "https://newsgraph.example/id/person/lin-wan",
            "SELECT * WHERE { ?s ?p ?o } LIMIT 1",
            "csv",
            "json",
            "turtle",
            "-1",
            "1e999",
        ])
        .prop_map(encode),
    ];
    prop::collection::vec((name, value), 0..5).prop_map(|pairs| {
        let pairs: Vec<String> = pairs.into_iter().map(|(n, v)| format!("{n}={v}")).collect();
        pairs.join("&")
    })
}

/// A header value as a client may send one: the media types the endpoint knows, with
/// parameters and weights, or any visible characters.
fn header_value() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "application/sparql-results+json",
            "text/csv",
            "text/html",
            "*/*",
            "text/turtle;q=0.5, */*;q=0.1",
            "application/sparql-query",
            "application/x-www-form-urlencoded",
            "application/ld+json; charset=utf-8",
            "text/*;q=abc",
            ";;;",
            "",
        ])
        .prop_map(str::to_owned),
        "[ -~]{0,40}",
    ]
}

/// The endpoint answers any query string and `Accept` or `Content-Type` header with a status
/// (a refusal is a 4xx; only a time limit may give a 5xx) and never drops a connection or
/// panics. One server answers every case.
#[test]
fn endpoint_property_any_query_string_or_header_gets_an_answer() {
    let server = Server::start(&[]);
    let cases = (
        prop::sample::select(ROUTES),
        query_string(),
        header_value(),
        header_value(),
        any::<bool>(),
    );
    let mut runner = TestRunner::new(config(64));
    runner
        .run(&cases, |(route, query, accept, content_type, post)| {
            let target = if query.is_empty() {
                route.to_owned()
            } else {
                format!("{route}?{query}")
            };
            let reply = if post {
                http(
                    &server.address,
                    "POST",
                    route,
                    &[("Accept", &accept), ("Content-Type", &content_type)],
                    query.as_bytes(),
                )
            } else {
                http(&server.address, "GET", &target, &[("Accept", &accept)], b"")
            };
            prop_assert!(
                reply.status < 500 || reply.status == 503 || reply.status == 504,
                "{} {target} (Accept: {accept:?}, Content-Type: {content_type:?}) gave {}",
                if post { "POST" } else { "GET" },
                reply.status
            );
            Ok(())
        })
        .unwrap();
    let log = server.log();
    assert!(!log.contains("panicked"), "{log}");
    assert_eq!(
        http(&server.address, "GET", "/queries", &[], b"").status,
        200
    );
}
