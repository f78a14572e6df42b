//! Oxigraph's plan of a query on a store, with what each step gave and how long it took: the
//! way to see why a saved question is slow on a large store (which join Oxigraph builds as a
//! hash table of the whole store, and which it looks up from each row).
//!
//! ```sh
//! cargo build --release --features rocksdb --example plan
//! target/release/examples/plan target/bench/store1000 queries/timeline.rq 0.1
//! ```
//!
//! The arguments are a store, a query file (the usual prefixes are predeclared, as for
//! `newsgraph query --file`) and the shortest step to print, in seconds (0 prints every step;
//! below the top four levels, steps that took less are left out), then any values given to
//! the query's variables as `NAME=VALUE`, as `--bind` takes them (`date=2024-12-01`). Each
//! line is a step of the plan, indented under the steps it feeds, with its number of results
//! and its seconds. The query runs to its end, with statistics kept, which makes it slower
//! than it is without them.

use anyhow::{Context, bail};
use newsgraph::store::GraphStore;
use oxigraph::sparql::{QueryResults, SparqlEvaluator};
use std::path::Path;

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [store, file, shortest, binds @ ..] = args.as_slice() else {
        bail!("usage: plan STORE QUERY.rq SECONDS [NAME=VALUE...]");
    };
    let shortest: f64 = shortest.parse().context("the shortest step, in seconds")?;
    let store = GraphStore::open_read_only(Path::new(store))?;
    let text = newsgraph::text::read::string(Path::new(file), newsgraph::text::read::QUERY)?;
    let prefixes = newsgraph::rdf::prefixes(&newsgraph::Iris::default());
    let mut query = newsgraph::query::run::parse(&text, &prefixes)?;
    let bindings = binds
        .iter()
        .map(|bind| {
            let (name, value) = bind.split_once('=').context("a binding is NAME=VALUE")?;
            newsgraph::query::catalogue::binding(name, value, &prefixes).map_err(anyhow::Error::msg)
        })
        .collect::<anyhow::Result<Vec<_>>>()?;
    newsgraph::query::bindings::write_in(&mut query, &bindings);
    let (results, explanation) = SparqlEvaluator::new()
        .for_query(query)
        .on_store(store.store())
        .compute_statistics()
        .explain();
    let rows = match results? {
        QueryResults::Solutions(solutions) => solutions.count(),
        QueryResults::Boolean(_) => 1,
        QueryResults::Graph(triples) => triples.count(),
    };
    let mut json = Vec::new();
    explanation.write_in_json(&mut json)?;
    let plan: serde_json::Value = serde_json::from_slice(&json)?;
    println!("{rows} results");
    print_step(&plan["plan"], 0, shortest);
    Ok(())
}

/// One step of the plan and the steps under it, those under the top four levels only when they
/// took at least `shortest` seconds.
fn print_step(step: &serde_json::Value, depth: usize, shortest: f64) {
    let seconds = step["duration in seconds"].as_f64().unwrap_or(0.0);
    if depth < 4 || seconds >= shortest {
        let name = step["name"].as_str().unwrap_or("?");
        let results = &step["number of results"];
        println!(
            "{}{name}  [{results} results, {seconds:.3} s]",
            "  ".repeat(depth)
        );
    }
    for child in step["children"].as_array().into_iter().flatten() {
        print_step(child, depth + 1, shortest);
    }
}
