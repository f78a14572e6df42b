//! `newsgraph verify`: every evidence quote of a facts file, found in the article's text.

use crate::cli::VerifyArgs;
use anyhow::bail;
use newsgraph::pipeline;
use newsgraph::rdf::iris::Iris;
use std::io::Write;

pub fn run(args: &VerifyArgs, iris: &Iris) -> anyhow::Result<()> {
    let article = &super::read_one(args.facts.as_ref(), &args.source, iris)?;
    let name = article.facts.source().name();
    let (Some(text), Some(located)) = (&article.text, &article.located) else {
        let wanted = article
            .facts
            .file()
            .article
            .source
            .as_ref()
            .map_or_else(String::new, |s| {
                format!(" (the facts name \"{}\")", s.get_ref())
            });
        bail!(
            "no article text to verify {name} against: give --source FILE{wanted}, or set {} to its directory",
            pipeline::ARTICLES_ENV
        );
    };
    let mut out = std::io::stdout().lock();
    let evidence = std::iter::once((None, &article.facts.file().article.evidence)).chain(
        article
            .facts
            .records()
            .map(|r| (Some(r.id().get_ref().as_str()), r.evidence())),
    );
    for (record, evidence) in evidence {
        for (i, quote) in evidence.0.iter().enumerate() {
            let (line, column) = article.facts.source().position(quote.span().start);
            let found = located
                .get(record, i)
                .expect("verified quotes are all located");
            writeln!(
                out,
                "{name}:{line}:{column}: {} {}..{} “{}”",
                record.unwrap_or("article"),
                found.start,
                found.end,
                found.exact.replace('\n', " ")
            )?;
        }
    }
    // What is the editor's and not the article's: listed, since no quote vouches for it.
    let facts = &article.facts;
    let a = &facts.file().article;
    let mut editorial = 0;
    if let (Some(date), Some(note)) = (&a.original_published, &a.original_published_note) {
        let (line, column) = facts.source().position(date.span().start);
        let date = match date.get_ref() {
            newsgraph::text::values::When::On(d) => d.to_string(),
            other => format!("{other:?}"),
        };
        writeln!(
            out,
            "{name}:{line}:{column}: article editorial: original_published {date}: {}",
            note.get_ref()
        )?;
        editorial += 1;
    }
    for record in facts.records() {
        if let Some(note) = record.editorial() {
            let (line, column) = facts.source().position(record.id().span().start);
            writeln!(
                out,
                "{name}:{line}:{column}: {} editorial: {}",
                record.id().get_ref(),
                note.get_ref()
            )?;
            editorial += 1;
        }
    }
    writeln!(
        out,
        "{name}: all {} evidence quotes found in {} (sha256 {}), every value and reference grounded in its \
         quotes; {editorial} editorial",
        located.len(),
        text.path.display(),
        text.sha256
    )?;
    Ok(())
}
