//! newsgraph as a library: read a facts file, load it into a store, and answer a saved
//! question, without the command line.
//!
//! ```sh
//! cargo run --example library                     # the embedded Cainiao article
//! cargo run --example library -- FACTS.toml       # any facts file
//! ```

use newsgraph::Iris;
use newsgraph::pipeline::{self, Options};
use newsgraph::query::request::Request;
use newsgraph::query::results::ResultsFormat;
use std::path::PathBuf;

fn main() -> newsgraph::Result<()> {
    let iris = Iris::default();
    let options = Options {
        facts: std::env::args_os().skip(1).map(PathBuf::from).collect(),
        ..Options::default()
    };
    // Read, check, map and annotate each facts file, then load them into one store.
    let loaded = pipeline::load(&options, &iris)?;
    for article in &loaded.articles {
        println!(
            "{}: {} records, {} statements dated",
            article.facts.article_id(),
            article.mapping.records.len() - 1,
            article.mapping.dated().count()
        );
    }

    // Ask one of the saved questions and print its answer as a table.
    let request = Request::saved("reporting-lines")?.prefixes(newsgraph::rdf::prefixes(&iris));
    if let Some(saved) = request.saved_question() {
        println!("\n{}", saved.question);
    }
    request.write(&loaded.store, ResultsFormat::Table, &mut std::io::stdout())
}
