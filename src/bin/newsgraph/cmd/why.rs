//! `newsgraph why`: what the article states about one entity, fact by fact, with its words.

use crate::cli::WhyArgs;
use newsgraph::query::why::explain;
use newsgraph::rdf::iris::Iris;
use newsgraph::rdf::{prefixes, shorten};
use oxigraph::model::TermRef;
use std::io::Write;

pub fn run(args: &WhyArgs, iris: &Iris) -> anyhow::Result<()> {
    let article = super::read_one(args.facts.as_ref(), &args.source, iris)?;
    let explanation = explain(&article, &args.entity, iris)?;
    let facts = &article.facts;
    let labels = article.mapping.labels();
    let prefixes = prefixes(iris);
    let show = |term: TermRef<'_>| -> String {
        match term {
            TermRef::NamedNode(n) => labels
                .get(&n.into_owned())
                .cloned()
                .unwrap_or_else(|| shorten(n.as_str(), &prefixes)),
            TermRef::Literal(l) => format!("\"{}\"", l.value()),
            other => other.to_string(),
        }
    };

    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "{} ({} {}, {})",
        explanation.name,
        explanation.kind.table(),
        explanation.id,
        explanation.iri
    )?;
    match &article.text {
        Some(text) => writeln!(out, "positions are characters of {}", text.path.display())?,
        None => writeln!(
            out,
            "no article text given (see --source): quotes without positions"
        )?,
    }
    for mention in &explanation.mentions {
        let heading = match &mention.record {
            Some((kind, id)) => format!("{} {id}", kind.table()),
            None => "article".to_owned(),
        };
        writeln!(
            out,
            "\n{heading} ({}:{})",
            facts.source().name(),
            mention.line
        )?;
        for said in &mention.statements {
            let t = &said.triple;
            write!(
                out,
                "  {} {} {}",
                show(t.subject.as_ref().into()),
                shorten(t.predicate.as_str(), &prefixes),
                show(t.object.as_ref())
            )?;
            match &said.when {
                Some(when) => writeln!(out, " ({when})")?,
                None => writeln!(out)?,
            }
        }
        for quoted in &mention.evidence {
            match &quoted.found {
                Some(f) => writeln!(
                    out,
                    "  evidence: “{}” (characters {}–{})",
                    f.exact.replace('\n', " "),
                    f.start,
                    f.end
                )?,
                None => writeln!(out, "  evidence: “{}”", quoted.quote)?,
            }
        }
    }
    Ok(())
}
