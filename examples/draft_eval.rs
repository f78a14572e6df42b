//! Prints the draft evaluation table (see BENCHMARKS.md): every facts file of a directory
//! whose article text is in the articles directory, drafted with the other facts files as its
//! corpus, against the hand-written file.
//!
//! `cargo run --release --example draft_eval -- [FACTS_DIR [ARTICLES_DIR]]`; the defaults are
//! `data/articles` and `../shared/articles`.

use newsgraph::draft::eval;
use std::path::PathBuf;

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let facts = PathBuf::from(args.next().unwrap_or_else(|| "data/articles".into()));
    let articles = PathBuf::from(args.next().unwrap_or_else(|| "../shared/articles".into()));
    let all = eval::evaluate_dir(&facts, &articles)?;
    if all.is_empty() {
        anyhow::bail!(
            "no facts file in {} names a text found in {}",
            facts.display(),
            articles.display()
        );
    }
    print!("{}", eval::table(&all));
    Ok(())
}
