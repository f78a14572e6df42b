//! `newsgraph check`: are the facts files sound, and what do they hold?

use crate::cli::CheckArgs;
use newsgraph::diagnostic::Diagnostics;
use newsgraph::facts::corpus::Corpus;
use newsgraph::facts::{Facts, Kind};
use newsgraph::pipeline;
use newsgraph::rdf::iris::Iris;
use std::io::Write;
use std::path::Path;

pub fn run(args: &CheckArgs, iris: &Iris, store: Option<&Path>) -> anyhow::Result<()> {
    let options = pipeline::Options {
        facts: args.facts.clone(),
        source: args.source.source.clone(),
        ..pipeline::Options::default()
    };
    let articles = pipeline::check(&options)?;
    let mut corpus = Corpus::new();
    if let Some(dir) = store {
        // The store's articles first, from their facts files, unless one is being replaced.
        let store = super::open_store(dir, false)?;
        for entry in store.articles()? {
            let replaced = articles.iter().any(|a| a.facts.article_id() == entry.id);
            let path = Path::new(&entry.source);
            if !replaced && path.is_file() {
                corpus.add(&Facts::read(path)?);
            }
        }
    }
    for article in &articles {
        corpus.add(&article.facts);
    }
    if !corpus.conflicts().is_empty() {
        return Err(newsgraph::Error::Facts(Diagnostics(corpus.conflicts().to_vec())).into());
    }
    let mut out = std::io::stdout().lock();
    for article in &articles {
        let facts = &article.facts;
        let records: Vec<Kind> = facts.records().map(|r| r.kind()).collect();
        let entities = records.iter().filter(|k| k.is_entity()).count();
        let counts: Vec<String> = Kind::ALL
            .iter()
            .map(|&kind| (kind, records.iter().filter(|&&k| k == kind).count()))
            .filter(|&(_, n)| n > 0)
            .map(|(kind, n)| format!("{n} {}", kind.table()))
            .collect();
        let triples = article.triple_count(iris);
        writeln!(out, "{}: ok", facts.source().name())?;
        writeln!(
            out,
            "  article:    {}",
            facts.file().article.title.get_ref()
        )?;
        writeln!(
            out,
            "  records:    {} ({})",
            records.len(),
            counts.join(", ")
        )?;
        writeln!(out, "  entities:   {entities}")?;
        writeln!(out, "  statements: {}", records.len() - entities)?;
        let graph = iris.graph(facts.article_id());
        writeln!(out, "  triples:    {triples} in graph {graph}")?;
        match (&article.text, &article.located) {
            (Some(text), Some(located)) => {
                let editorial = facts.records().filter(|r| r.editorial().is_some()).count()
                    + usize::from(facts.file().article.original_published_note.is_some());
                writeln!(
                    out,
                    "  evidence:   {} quotes found in {}, every value and reference grounded in them; \
                     {editorial} editorial",
                    located.len(),
                    text.path.display()
                )?;
                if !article.unread.is_empty() {
                    writeln!(
                        out,
                        "  to read:    {} relations in words the reader has no pattern for (notes on \
                         standard error)",
                        article.unread.len()
                    )?;
                    super::print_unread(article);
                }
            }
            _ => writeln!(
                out,
                "  evidence:   not verified (no article text; see --source)"
            )?,
        }
    }
    Ok(())
}
