//! What an article states about one entity: each record that mentions it, the statements it
//! makes about it (with when they held), and the article's words with their positions.

use crate::error::{Error, Result};
use crate::facts::Kind;
use crate::pipeline::Article;
use crate::rdf::iris::Iris;
use crate::text::article::Found;
use oxigraph::model::{NamedNode, NamedOrBlankNodeRef, TermRef, Triple};

/// Everything an article says about one entity.
#[derive(Debug, Clone)]
pub struct Explanation {
    /// The entity's record id.
    pub id: String,
    /// Its kind.
    pub kind: Kind,
    /// Its name.
    pub name: String,
    /// Its IRI.
    pub iri: NamedNode,
    /// The records that mention it, in file order (the article's own first).
    pub mentions: Vec<Mention>,
}

/// One record that mentions the entity.
#[derive(Debug, Clone)]
pub struct Mention {
    /// The record's kind and id; `None` for the facts about the article itself.
    pub record: Option<(Kind, String)>,
    /// The 1-based line of the facts file where the record's id (or the article's) is.
    pub line: usize,
    /// What the record states that involves the entity.
    pub statements: Vec<Said>,
    /// The record's evidence.
    pub evidence: Vec<Quoted>,
}

/// One statement, and when it held if the article says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Said {
    /// The triple.
    pub triple: Triple,
    /// The label of its interval ("from 2024 until …"), for a dated statement.
    pub when: Option<String>,
}

/// One evidence quote, and where it is in the text when the text was given.
#[derive(Debug, Clone)]
pub struct Quoted {
    /// The quote as the facts file writes it.
    pub quote: String,
    /// Where the text has it.
    pub found: Option<Found>,
}

/// What `article` states about the entity whose id, name or other name is `query`.
pub fn explain(article: &Article, query: &str, iris: &Iris) -> Result<Explanation> {
    let facts = &article.facts;
    let id = match facts.find_entities(query).as_slice() {
        [id] => id.clone(),
        [] => {
            return Err(Error::Input(format!(
                "no person, organization, event or other entity called \"{query}\" in {}",
                facts.source().name()
            )));
        }
        many => {
            return Err(Error::Input(format!(
                "\"{query}\" could be any of: {}; give one of these ids",
                many.join(", ")
            )));
        }
    };
    let kind = facts.kind(&id).expect("found above");
    let iri = iris.record(kind, &id);
    let mentions_entity = |t: &Triple| {
        t.subject.as_ref() == NamedOrBlankNodeRef::from(iri.as_ref())
            || t.object.as_ref() == TermRef::from(iri.as_ref())
    };
    let mut mentions = Vec::new();
    for record in &article.mapping.records {
        let mut statements: Vec<Said> = Vec::new();
        let plain = record.triples.iter().map(|t| Said {
            triple: t.clone(),
            when: None,
        });
        let dated = record.dated.iter().map(|d| Said {
            triple: d.triple.clone(),
            when: d.interval.as_ref().map(|i| i.label.clone()),
        });
        for said in plain.chain(dated) {
            if mentions_entity(&said.triple) && !statements.contains(&said) {
                statements.push(said);
            }
        }
        if statements.is_empty() {
            continue;
        }
        let at = match record.id() {
            Some(id) => facts.record(id).map_or(0, |r| r.id().span().start),
            None => facts.file().article.id.span().start,
        };
        let evidence = record
            .evidence
            .iter()
            .enumerate()
            .map(|(i, quote)| Quoted {
                quote: quote.get_ref().clone(),
                found: article
                    .located
                    .as_ref()
                    .and_then(|l| l.get(record.id(), i))
                    .cloned(),
            })
            .collect();
        mentions.push(Mention {
            record: record.record.clone(),
            line: facts.source().position(at).0,
            statements,
            evidence,
        });
    }
    Ok(Explanation {
        name: facts.name(&id),
        id,
        kind,
        iri,
        mentions,
    })
}
