//! `newsgraph check`: are the facts files sound, and what do they hold?

use crate::cli::CheckArgs;
use newsgraph::facts::Kind;
use newsgraph::iris::Iris;
use newsgraph::pipeline;
use std::io::Write;

pub fn run(args: &CheckArgs, iris: &Iris) -> anyhow::Result<()> {
    let options = pipeline::Options {
        facts: args.facts.clone(),
        source: args.source.source.clone(),
        ..pipeline::Options::default()
    };
    let articles = pipeline::check(&options)?;
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
                    "  evidence:   {} quotes found in {}, every value grounded in them; \
                     {editorial} editorial",
                    located.len(),
                    text.path.display()
                )?
            }
            _ => writeln!(
                out,
                "  evidence:   not verified (no article text; see --source)"
            )?,
        }
    }
    Ok(())
}
