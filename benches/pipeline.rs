//! How long newsgraph's steps take on the embedded Cainiao article, provenance layer included
//! (about 5,500 triples): reading and mapping the facts, loading the store, exporting Turtle
//! and N-Triples, parsing the Turtle back, and answering the saved questions.
//!
//! The figures are compared with rdflib and raptor's `rapper` on the very same data by
//! `scripts/bench.sh`, which is why this benchmark also writes its Turtle and N-Triples
//! exports to `target/bench/`. Run it with `cargo bench --bench pipeline`; arguments that do
//! not start with `--` keep only the measurements whose names contain one of them.
//!
//! Each measurement is printed on standard output as one line,
//! `name<TAB>median_us<TAB>min_us<TAB>iterations`, times in microseconds per iteration. Lines
//! starting with `#` are facts about the data (triple and row counts), not timings.
//! `NEWSGRAPH_BENCH_SECONDS` sets the time spent sampling each step (default 2). Run without
//! `--bench`, as `cargo test --all-targets` runs it, each step runs once: a check that the
//! benchmark still works, not a measurement. The article's
//! text is not part of the repository, so it is measured without it, unless
//! `$NEWSGRAPH_ARTICLES` points at it (`scripts/bench.sh` unsets that variable).

use anyhow::{Context, bail};
use newsgraph::export::{ExportFormat, SortedTriples, write_rdf};
use newsgraph::pipeline::{self, Loaded, Options};
use newsgraph::query::catalogue::{self, SavedQuery};
use newsgraph::query::request::Request;
use newsgraph::rdf::iris::Iris;
use newsgraph::rdf::prefixes;
use newsgraph::store::GraphStore;
use oxigraph::io::{RdfFormat, RdfParser, RdfSerializer};
use oxigraph::model::{GraphName, Quad};
use oxigraph::sparql::QueryResults;
use oxigraph::store::Store;
use std::hint::black_box;
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// Fewest timed iterations of a step, however slow it is.
const MIN_ITERATIONS: usize = 10;
/// Most timed iterations of a step, however fast it is.
const MAX_ITERATIONS: usize = 10_000;
/// Untimed runs before sampling, to warm caches and the allocator; fewer if they outlast the
/// sampling budget.
const WARM_UP: usize = 3;

/// The saved question also timed on its own.
const SINGLE_QUERY: &str = "reporting-lines";

/// What the benchmark was asked to run, and for how long.
#[derive(Debug)]
struct Config {
    /// Time spent sampling each step, once its minimum iterations are done.
    budget: Duration,
    /// Measurement name filters; all measurements run when empty.
    filters: Vec<String>,
    /// Fewest timed iterations of a step; 1 when only checking that the benchmark runs.
    min_iterations: usize,
}

impl Config {
    /// Reads the command line and the environment. `cargo bench` passes `--bench`; without
    /// it (under `cargo test`) every step runs once.
    fn from_env() -> anyhow::Result<Config> {
        if !std::env::args().any(|a| a == "--bench") {
            return Ok(Config {
                budget: Duration::ZERO,
                filters: Vec::new(),
                min_iterations: 1,
            });
        }
        let seconds = match std::env::var("NEWSGRAPH_BENCH_SECONDS") {
            Ok(text) => text
                .parse::<f64>()
                .ok()
                .filter(|s| s.is_finite() && *s > 0.0)
                .with_context(|| format!("NEWSGRAPH_BENCH_SECONDS=\"{text}\" is not a duration"))?,
            Err(_) => 2.0,
        };
        let filters = std::env::args()
            .skip(1)
            .filter(|a| !a.starts_with("--"))
            .collect();
        Ok(Config {
            budget: Duration::from_secs_f64(seconds),
            filters,
            min_iterations: MIN_ITERATIONS,
        })
    }

    /// Whether the measurement called `name` is wanted.
    fn wants(&self, name: &str) -> bool {
        self.filters.is_empty() || self.filters.iter().any(|f| name.contains(f.as_str()))
    }

    /// Times `step` if `name` is wanted, and prints its line.
    fn measure<T>(&self, name: &str, mut step: impl FnMut() -> T) {
        if !self.wants(name) {
            return;
        }
        let warm_up = Instant::now();
        for _ in 0..WARM_UP {
            if warm_up.elapsed() >= self.budget {
                break;
            }
            black_box(step());
        }
        let mut samples = Vec::new();
        let started = Instant::now();
        while samples.len() < self.min_iterations
            || (samples.len() < MAX_ITERATIONS && started.elapsed() < self.budget)
        {
            let begin = Instant::now();
            black_box(step());
            samples.push(begin.elapsed());
        }
        samples.sort_unstable();
        let median = samples[samples.len() / 2];
        let min = samples[0];
        println!(
            "{name}\t{:.1}\t{:.1}\t{}",
            micros(median),
            micros(min),
            samples.len()
        );
    }
}

/// A duration in microseconds.
fn micros(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1e6
}

/// The whole Turtle or N-Triples export of the loaded articles, as `newsgraph export` writes
/// it: the triples gathered and sorted, then serialized.
fn export(loaded: &Loaded, iris: &Iris, format: ExportFormat) -> anyhow::Result<Vec<u8>> {
    let graphs = loaded
        .articles
        .iter()
        .map(|a| (GraphName::from(a.mapping.graph.clone()), a.triples()));
    let mut out = Vec::new();
    write_rdf(
        graphs,
        format,
        &prefixes(iris),
        &iris.article_prefix(),
        &mut out,
    )?;
    Ok(out)
}

/// The triples serialized by Oxigraph alone, in the order given: the part of an export left
/// once the triples are gathered and sorted.
fn serialize_only(
    triples: &[Quad],
    format: RdfFormat,
    prefixes: &[(String, String)],
) -> anyhow::Result<Vec<u8>> {
    let mut serializer = RdfSerializer::from_format(format);
    for (prefix, namespace) in prefixes {
        serializer = serializer.with_prefix(prefix, namespace)?;
    }
    let mut writer = serializer.for_writer(Vec::new());
    for quad in triples {
        writer.serialize_triple(quad.as_ref())?;
    }
    Ok(writer.finish()?)
}

/// Every quad of a Turtle document, parsed by Oxigraph.
fn parse_turtle(turtle: &[u8]) -> anyhow::Result<Vec<Quad>> {
    RdfParser::from_format(RdfFormat::Turtle)
        .for_slice(turtle)
        .collect::<Result<Vec<_>, _>>()
        .context("cannot parse the exported Turtle")
}

/// A Turtle document loaded into a new in-memory Oxigraph store: the nearest match of what
/// `rdflib.Graph().parse()` does, which indexes the triples as it reads them.
fn parse_turtle_into_store(turtle: &[u8]) -> anyhow::Result<Store> {
    let store = Store::new()?;
    store.load_from_slice(RdfFormat::Turtle, turtle)?;
    Ok(store)
}

/// Runs a saved question and reads every result; returns how many rows, triples (or one
/// boolean) it gave.
fn run_query(
    store: &GraphStore,
    query: &SavedQuery,
    prefixes: &[(String, String)],
) -> anyhow::Result<usize> {
    let results = Request::from_saved(query.clone())
        .prefixes(prefixes.to_vec())
        .results(store)
        .with_context(|| format!("saved query {} failed", query.name))?;
    Ok(match results {
        QueryResults::Solutions(solutions) => {
            let mut rows = 0;
            for solution in solutions {
                black_box(solution?);
                rows += 1;
            }
            rows
        }
        QueryResults::Graph(triples) => {
            let mut count = 0;
            for triple in triples {
                black_box(triple?);
                count += 1;
            }
            count
        }
        QueryResults::Boolean(answer) => {
            black_box(answer);
            1
        }
    })
}

/// Writes an export where `scripts/bench.sh` hands it to rdflib and rapper.
fn save(name: &str, bytes: &[u8]) -> anyhow::Result<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/bench");
    std::fs::create_dir_all(&dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let path = dir.join(name);
    std::fs::write(&path, bytes).with_context(|| format!("cannot write {}", path.display()))?;
    Ok(path)
}

/// Makes the data once, saves the exports, prints the counts, then times each step.
fn main() -> anyhow::Result<()> {
    let config = Config::from_env()?;
    let iris = Iris::default();
    let options = Options::default();
    let prefixes = prefixes(&iris);
    let saved = catalogue::saved();
    let Some(single) = saved.iter().find(|q| q.name == SINGLE_QUERY) else {
        bail!("no saved query called {SINGLE_QUERY}");
    };

    // The data every later step works on, made once, checked, and saved for the other tools.
    let loaded = pipeline::load(&options, &iris)?;
    let triples: usize = loaded
        .articles
        .iter()
        .map(|a| a.mapping.triples().count())
        .sum();
    let turtle = export(&loaded, &iris, ExportFormat::Turtle)?;
    let ntriples = export(&loaded, &iris, ExportFormat::Ntriples)?;
    let parsed = parse_turtle(&turtle)?;
    let ttl_path = save("cainiao.ttl", &turtle)?;
    let nt_path = save("cainiao.nt", &ntriples)?;
    println!("# triples\tmapped\t{triples}");
    println!("# triples\tturtle\t{}", parsed.len());
    println!("# bytes\tturtle\t{}\t{}", turtle.len(), ttl_path.display());
    println!(
        "# bytes\tntriples\t{}\t{}",
        ntriples.len(),
        nt_path.display()
    );
    for query in &saved {
        let rows = run_query(&loaded.store, query, &prefixes)?;
        println!("# rows\t{}\t{rows}", query.name);
    }

    config.measure("read-map-provenance", || {
        pipeline::read(&options, &iris).expect("the embedded article reads")
    });
    config.measure("load", || {
        pipeline::load(&options, &iris).expect("the embedded article loads")
    });
    config.measure("sort-triples", || {
        let triples = loaded.articles.iter().flat_map(|a| a.triples());
        SortedTriples::new(triples, &iris.article_prefix())
    });
    config.measure("serialize-turtle", || {
        export(&loaded, &iris, ExportFormat::Turtle).expect("Turtle export")
    });
    config.measure("serialize-ntriples", || {
        export(&loaded, &iris, ExportFormat::Ntriples).expect("N-Triples export")
    });
    config.measure("serializer-turtle", || {
        serialize_only(&parsed, RdfFormat::Turtle, &prefixes).expect("Turtle serializes")
    });
    config.measure("serializer-ntriples", || {
        serialize_only(&parsed, RdfFormat::NTriples, &prefixes).expect("N-Triples serializes")
    });
    config.measure("parse-turtle", || {
        parse_turtle(&turtle).expect("Turtle parses")
    });
    config.measure("parse-turtle-into-store", || {
        parse_turtle_into_store(&turtle).expect("Turtle loads")
    });
    config.measure("queries-all", || {
        saved
            .iter()
            .map(|q| run_query(&loaded.store, q, &prefixes).expect("saved query runs"))
            .sum::<usize>()
    });
    config.measure(&format!("query-{SINGLE_QUERY}"), || {
        run_query(&loaded.store, single, &prefixes).expect("saved query runs")
    });
    Ok(())
}
