//! Ties between the draft's people and organizations, read by the reader of sentence
//! structure that `check --source` holds records against ([`crate::text::structure`]), so
//! that what the draft proposes the check accepts.
//!
//! A tie the words state in the past or present ("A is a member of B", "B was founded in
//! 2009 by A", "A has been a B client since 2022") becomes a `[[relation]]`, with `since`
//! when its sentence says "since" a date. A tie its sentence puts in the future ("A will
//! report to B") is left as a stub: it begins with an event the person drafting must name.

use super::found::Found;
use super::segment::Doc;
use super::write::string;
use super::{DateMention, EntityKind, Stub};
use crate::ground::structure::class;
use crate::text::article::ArticleText;
use crate::text::structure::{Class, Entity, Pattern, Reader, Reading, Stage};
use std::collections::BTreeSet;
use std::ops::Range;
use std::path::PathBuf;

/// A proposed relation.
#[derive(Debug, Clone)]
pub struct Relation {
    /// Record id.
    pub id: String,
    /// The entity the tie starts from.
    pub subject: String,
    /// The relation kind, as the facts file writes it.
    pub kind: &'static str,
    /// The entity it points at.
    pub object: String,
    /// The date the sentence says the tie holds since, if any.
    pub since: Option<String>,
    /// The words that state it ("is a member of", "founded … by").
    pub found: String,
    /// Byte range of the sentence.
    pub at: Range<usize>,
    /// The quote stating it.
    pub evidence: String,
}

/// The relation kind a tie of the reader states, with its subject and object (as indexes of
/// `classes`), if the facts model has one: moves are events, not ties.
fn kind(
    pattern: Pattern,
    from: usize,
    to: usize,
    classes: &[Class],
) -> Option<(&'static str, usize, usize)> {
    let person = |e: usize| classes[e] == Class::Person;
    let org = |e: usize| !person(e) && classes[e] != Class::Place && classes[e] != Class::Group;
    Some(match pattern {
        Pattern::ReportsTo if person(from) && person(to) => ("reports-to", from, to),
        Pattern::MemberOf if org(to) => ("member-of", from, to),
        Pattern::FoundedBy if org(from) && person(to) => ("founded-by", from, to),
        Pattern::EnvisionedBy if org(from) && person(to) => ("envisioned-by", from, to),
        Pattern::ClientOf if org(to) => ("client-of", from, to),
        Pattern::Serves if org(from) && org(to) => ("client-of", to, from),
        Pattern::PartOf if org(from) && org(to) => match classes[from] {
            Class::Unit | Class::BusinessLine => ("unit-of", from, to),
            _ => ("sub-organization-of", from, to),
        },
        _ => return None,
    })
}

/// What a pattern's words are, for the comment above a record.
fn words(pattern: Pattern) -> &'static str {
    match pattern {
        Pattern::ReportsTo => "reports to",
        Pattern::MemberOf => "member of",
        Pattern::FoundedBy => "founded by",
        Pattern::EnvisionedBy => "envisioned by",
        Pattern::ClientOf => "client of",
        Pattern::Serves => "serving or supplying",
        Pattern::PartOf => "B's A, A of B",
        Pattern::Into => "into",
        Pattern::From => "from",
    }
}

/// The relations the body's sentences state between the draft's entities, and the stubs of
/// those they put in the future.
pub fn find(doc: &Doc, found: &Found, dates: &[DateMention]) -> (Vec<Relation>, Vec<Stub>) {
    let entities: Vec<Entity> = found
        .entities
        .iter()
        .map(|e| Entity {
            key: e.id.clone(),
            class: match e.kind {
                EntityKind::Person { .. } => Class::Person,
                EntityKind::Organization(kind) => class(kind),
            },
            names: std::iter::once(e.name.clone())
                .chain(e.alt_names.iter().cloned())
                .collect(),
        })
        .collect();
    let classes: Vec<Class> = entities.iter().map(|e| e.class).collect();
    let reader = Reader::new(doc.text, entities);
    let char_starts: Vec<usize> = doc.text.char_indices().map(|(b, _)| b).collect();
    let chars = |byte: usize| char_starts.partition_point(|&b| b < byte);
    let (mut relations, mut stubs) = (Vec::new(), Vec::new());
    let mut seen: BTreeSet<(String, &str, String)> = BTreeSet::new();
    for s in &doc.sentences {
        let evidence = doc.evidence(s.clone());
        // Read the quote itself, as the check will, not the whole sentence it may be cut from.
        let sentence = ArticleText::new(PathBuf::new(), doc.text[s.clone()].to_owned());
        let Some(at) = sentence.find(&evidence) else {
            continue;
        };
        let start = chars(s.start);
        let reading = reader.read(start + at.start..start + at.end);
        let planned = reading.cues_of(Stage::Planned).next().is_some();
        let since = since(dates, s);
        for tie in &reading.ties {
            let Some((kind, from, to)) = kind(tie.pattern, tie.from, tie.to, &classes) else {
                continue;
            };
            if !named(&reading, from, to) {
                continue;
            }
            let (subject, object) = (&reader.entities()[from].key, &reader.entities()[to].key);
            if !seen.insert((subject.clone(), kind, object.clone())) {
                continue;
            }
            let relation = Relation {
                id: format!("{subject}-{kind}-{object}"),
                subject: subject.clone(),
                kind,
                object: object.clone(),
                since: since.clone(),
                found: words(tie.pattern).to_owned(),
                at: s.clone(),
                evidence: evidence.clone(),
            };
            if planned {
                let names = (
                    &reader.entities()[from].names[0],
                    &reader.entities()[to].names[0],
                );
                stubs.push(stub(&relation, names));
            } else {
                relations.push(relation);
            }
        }
    }
    (relations, stubs)
}

/// Whether the reading names both ends of a tie.
fn named(reading: &Reading, from: usize, to: usize) -> bool {
    reading.names(from) && reading.names(to)
}

/// The one date of the sentence placed by "since", if there is exactly one.
fn since(dates: &[DateMention], sentence: &Range<usize>) -> Option<String> {
    let mut since = dates.iter().filter(|d| {
        d.at.start >= sentence.start
            && d.at.end <= sentence.end
            && d.qualifier.as_deref() == Some("since")
    });
    match (since.next(), since.next()) {
        (Some(d), None) => d.date.map(|d| d.to_string()),
        _ => None,
    }
}

/// A relation its sentence puts in the future, as a stub for a person to date: its `since`
/// is the event that starts it.
fn stub(r: &Relation, (subject, object): (&String, &String)) -> Stub {
    Stub {
        what: format!("relation ({})", r.kind),
        cue: format!("{subject} {} {object}", r.kind),
        lines: vec![
            "[[relation]]".to_owned(),
            format!("id = {}", string(&r.id)),
            format!("subject = {}", string(&r.subject)),
            format!("kind = {}", string(r.kind)),
            format!("object = {}", string(&r.object)),
            "since = \"EVENT-ID\"".to_owned(),
            format!("evidence = {}", string(&r.evidence)),
        ],
        at: r.at.clone(),
    }
}
