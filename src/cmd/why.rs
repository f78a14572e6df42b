//! `newsgraph why`: what the article states about one entity, fact by fact, with its words.

use crate::cli::WhyArgs;
use crate::export::{prefixes, shorten};
use crate::iris::Iris;
use crate::provenance::{described_triple, statement_nodes};
use crate::vocab::time;
use anyhow::bail;
use oxigraph::model::{NamedOrBlankNode, NamedOrBlankNodeRef, Term, TermRef, Triple};
use std::io::Write;

pub fn run(args: &WhyArgs, iris: &Iris) -> anyhow::Result<()> {
    let article = super::read_one(args.facts.as_ref(), &args.source, iris)?;
    let facts = &article.facts;
    let article = &article;
    let matches = facts.find_entities(&args.entity);
    let id = match matches.as_slice() {
        [id] => id,
        [] => bail!(
            "no person, organization, event or other entity called \"{}\" in {}",
            args.entity,
            facts.source().name()
        ),
        many => bail!(
            "\"{}\" could be any of: {}; give one of these ids",
            args.entity,
            many.join(", ")
        ),
    };
    let kind = facts.kind(id).expect("found above");
    let entity = iris.record(kind, id);
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
    writeln!(out, "{} ({} {id}, {entity})", facts.name(id), kind.table())?;
    match &article.text {
        Some(text) => writeln!(out, "positions are characters of {}", text.path.display())?,
        None => writeln!(
            out,
            "no article text given (see --source): quotes without positions"
        )?,
    }
    let mentions = |t: &Triple| {
        t.subject.as_ref() == NamedOrBlankNodeRef::from(entity.as_ref())
            || t.object.as_ref() == TermRef::from(entity.as_ref())
    };
    for fact in &article.mapping.facts {
        let statements = statement_nodes(fact);
        let mut lines: Vec<String> = Vec::new();
        let mut say = |t: &Triple, when: Option<&String>| {
            let mut text = format!(
                "{} {} {}",
                show(t.subject.as_ref().into()),
                shorten(t.predicate.as_str(), &prefixes),
                show(t.object.as_ref())
            );
            if let Some(when) = when {
                text.push_str(&format!(" ({when})"));
            }
            if !lines.contains(&text) {
                lines.push(text);
            }
        };
        for t in &fact.triples {
            let made_by_statement =
                matches!(&t.subject, NamedOrBlankNode::NamedNode(n) if statements.contains(n));
            if mentions(t) && !made_by_statement {
                say(t, None);
            }
        }
        for node in &statements {
            let Some(described) = described_triple(fact, node) else {
                continue;
            };
            if mentions(&described) {
                let interval = fact.triples.iter().find_map(|t| {
                    (t.subject.as_ref() == NamedOrBlankNodeRef::from(node.as_ref())
                        && t.predicate.as_ref() == time::HAS_TIME)
                        .then(|| match &t.object {
                            Term::NamedNode(n) => labels.get(n),
                            _ => None,
                        })
                        .flatten()
                });
                say(&described, interval);
            }
        }
        if lines.is_empty() {
            continue;
        }
        let (heading, line) = match &fact.record {
            Some(record) => {
                let at = facts.record(record).map_or(0, |r| r.id.span().start);
                let kind = facts.kind(record).map_or("record", |k| k.table());
                (format!("{kind} {record}"), facts.source().position(at).0)
            }
            None => {
                let at = facts.file().article.id.span().start;
                ("article".to_owned(), facts.source().position(at).0)
            }
        };
        writeln!(out, "\n{heading} ({}:{line})", facts.source().name())?;
        for line in &lines {
            writeln!(out, "  {line}")?;
        }
        for (i, quote) in fact.evidence.iter().enumerate() {
            let found = article
                .located
                .as_ref()
                .and_then(|l| l.get(fact.record.as_deref(), i));
            match found {
                Some(f) => writeln!(
                    out,
                    "  evidence: “{}” (characters {}–{})",
                    f.exact.replace('\n', " "),
                    f.start,
                    f.end
                )?,
                None => writeln!(out, "  evidence: “{}”", quote.get_ref())?,
            }
        }
    }
    Ok(())
}
