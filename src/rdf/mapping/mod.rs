//! From checked facts to triples in standard vocabularies, handed out as data.
//!
//! Each record becomes one resource (a post, an event, a measure…) or, for a relation, one
//! triple. The [`Mapping`] keeps what each record made together, as a [`RecordMapping`]: its
//! plain triples and its [`DatedStatement`]s. Everything downstream (provenance, the
//! property-graph view, `why`) reads these; nothing parses triples back.
//!
//! Time: a relation with an end (`until`) is history, so it is not stated as a plain triple
//! but only as a dated statement; one with only a beginning is stated both ways. A change the
//! article reports as planned has not happened yet: the relation it begins is only a dated
//! statement, and the one it ends is still stated plainly. Plain triples therefore give the
//! state the article reports as current. How a dated statement is
//! written in RDF is decided in one place, [`DatedStatement::triples`].

mod article;
mod entities;
mod events;
mod numbers;
mod relations;
mod writer;
pub(crate) use writer::writes_through;

pub use entities::{org_classes, org_kind_of};
pub use writer::TripleWriter;

use crate::facts::{Facts, Kind, OrgKind, RecordRef, Text};
use crate::rdf::iris::Iris;
use crate::rdf::vocab::{org, prov, rdf, rdfs, skos, time, xsd};
use crate::text::values::Date;
use oxigraph::model::{Literal, NamedNode, NamedNodeRef, NamedOrBlankNode, Term, Triple};
use std::collections::HashMap;

/// An article mapped to RDF.
#[derive(Debug, Clone)]
pub struct Mapping {
    /// The named graph the article's triples go in.
    pub graph: NamedNode,
    /// The article resource.
    pub article: NamedNode,
    /// What each record made, the article's own first.
    pub records: Vec<RecordMapping>,
}

/// What one record of the facts file (or the article table) states.
#[derive(Debug, Clone)]
pub struct RecordMapping {
    /// The record id and kind; `None` for the facts about the article itself.
    pub record: Option<(Kind, String)>,
    /// The quotes that state it.
    pub evidence: Vec<Text>,
    /// Its plain triples, including those about the nodes it made (times, prices…).
    pub triples: Vec<Triple>,
    /// Its relations that carry a time or a note.
    pub dated: Vec<DatedStatement>,
    /// When what it states is the editor's, not the article's words: the editor's note.
    pub editorial: Option<String>,
}

/// A triple stated with when it held (or with a note), as the article gives it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DatedStatement {
    /// The statement's own node (the relation record's IRI).
    pub node: NamedNode,
    /// The triple it describes.
    pub triple: Triple,
    /// A readable label ("Ding Hongwei reports to Lin Wan").
    pub label: String,
    /// A note in the facts file's words.
    pub note: Option<String>,
    /// When it held, if the article says.
    pub interval: Option<Interval>,
    /// Whether a change the article reports as planned begins it ("will now report"): it
    /// does not hold yet.
    pub planned: bool,
    /// Whether the article reports it as holding now: it has not ended, or only a planned
    /// change will end it, and no planned change is still to begin it.
    pub current: bool,
}

/// When a dated statement held: from an instant, until an instant, each possibly the time of
/// an event that began or ended it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Interval {
    /// The interval's node.
    pub node: NamedNode,
    /// "from 2024 until Ding Hongwei's change of reporting line".
    pub label: String,
    /// The instant it began.
    pub beginning: Option<NamedNode>,
    /// The instant it ended.
    pub end: Option<NamedNode>,
    /// The event that began it.
    pub begun_by: Option<NamedNode>,
    /// The event that ended it.
    pub ended_by: Option<NamedNode>,
}

impl DatedStatement {
    /// Whether the article reports it as holding now (see [`DatedStatement::current`]).
    pub fn holds(&self) -> bool {
        self.current
    }

    /// The statement in RDF: an `rdf:Statement` with `time:hasTime` its interval, and
    /// `prov:wasGeneratedBy`/`prov:wasInvalidatedBy` the events that began or ended it.
    pub fn triples(&self) -> Vec<Triple> {
        let mut w = TripleWriter::default();
        let s = &self.node;
        w.typed(s, &[rdf::STATEMENT], &self.label);
        w.add(s, rdf::SUBJECT, Term::from(self.triple.subject.clone()));
        w.add(s, rdf::PREDICATE, self.triple.predicate.clone());
        w.add(s, rdf::OBJECT, self.triple.object.clone());
        w.optional_text(s, skos::NOTE, self.note.as_deref());
        if let Some(interval) = &self.interval {
            w.add(s, time::HAS_TIME, interval.node.clone());
            w.typed(&interval.node, &[time::INTERVAL], &interval.label);
            if let Some(beginning) = &interval.beginning {
                w.add(&interval.node, time::HAS_BEGINNING, beginning.clone());
            }
            if let Some(end) = &interval.end {
                w.add(&interval.node, time::HAS_END, end.clone());
            }
            if let Some(event) = &interval.begun_by {
                w.add(s, prov::WAS_GENERATED_BY, event.clone());
            }
            if let Some(event) = &interval.ended_by {
                w.add(s, prov::WAS_INVALIDATED_BY, event.clone());
            }
        }
        w.into_triples()
    }
}

impl RecordMapping {
    /// The record id, `None` for the article itself.
    pub fn id(&self) -> Option<&str> {
        self.record.as_ref().map(|(_, id)| id.as_str())
    }

    /// The `rdfs:label` of every resource the record names, its dated statements and their
    /// intervals included.
    pub fn labels(&self) -> impl Iterator<Item = (NamedNode, String)> + '_ {
        let plain = self
            .triples
            .iter()
            .filter(|t| t.predicate.as_ref() == rdfs::LABEL)
            .filter_map(|t| match (&t.subject, &t.object) {
                (NamedOrBlankNode::NamedNode(n), Term::Literal(l)) => {
                    Some((n.clone(), l.value().to_owned()))
                }
                _ => None,
            });
        let dated = self.dated.iter().flat_map(|d| {
            let interval = d
                .interval
                .as_ref()
                .map(|i| (i.node.clone(), i.label.clone()));
            std::iter::once((d.node.clone(), d.label.clone())).chain(interval)
        });
        plain.chain(dated)
    }

    /// Every triple the record states: its plain triples, then its dated statements.
    pub fn all_triples(&self) -> impl Iterator<Item = Triple> + '_ {
        self.triples
            .iter()
            .cloned()
            .chain(self.dated.iter().flat_map(DatedStatement::triples))
    }
}

impl Mapping {
    /// Every triple of the article's content, record by record (duplicates kept).
    pub fn triples(&self) -> impl Iterator<Item = Triple> + '_ {
        self.records.iter().flat_map(RecordMapping::all_triples)
    }

    /// Every dated statement.
    pub fn dated(&self) -> impl Iterator<Item = &DatedStatement> {
        self.records.iter().flat_map(|r| &r.dated)
    }

    /// The `rdfs:label` of every resource that has one, dated statements and intervals
    /// included.
    pub fn labels(&self) -> HashMap<NamedNode, String> {
        self.records
            .iter()
            .flat_map(RecordMapping::labels)
            .collect()
    }
}

/// Maps checked facts to triples, naming resources with `iris`.
pub fn map(facts: &Facts, iris: &Iris) -> Mapping {
    let article_id = facts.article_id();
    Mapping {
        graph: iris.graph(article_id),
        article: iris.article(article_id),
        records: map_records(facts, iris).collect(),
    }
}

/// What [`map`] makes, one record at a time (the article's own first), for a caller that need
/// not hold the whole mapping.
pub fn map_records<'a>(
    facts: &'a Facts,
    iris: &'a Iris,
) -> impl Iterator<Item = RecordMapping> + 'a {
    let mut mapper = Mapper {
        facts,
        iris,
        writer: TripleWriter::default(),
        dated: Vec::new(),
    };
    let mut first = Vec::new();
    if facts.holds_article() {
        let article = iris.article(facts.article_id());
        mapper.article(&article);
        first.push(RecordMapping {
            record: None,
            evidence: facts.file().article.evidence.0.clone(),
            triples: mapper.writer.take(),
            dated: Vec::new(),
            editorial: None,
        });
    }
    if let Some(note) = facts
        .holds_article()
        .then(|| mapper.original_published())
        .flatten()
    {
        first.push(RecordMapping {
            record: None,
            evidence: Vec::new(),
            triples: mapper.writer.take(),
            dated: Vec::new(),
            editorial: Some(note),
        });
    }
    first.into_iter().chain(facts.records().map(move |record| {
        let (kind, id) = (record.kind(), record.id().get_ref());
        let s = iris.record(kind, id);
        match record {
            RecordRef::Organization(r) => mapper.organization(&s, r),
            RecordRef::Person(r) => mapper.person(&s, r),
            RecordRef::Post(r) => mapper.post(&s, r),
            RecordRef::Place(r) => mapper.place(&s, r),
            RecordRef::Artifact(r) => mapper.artifact(&s, r),
            RecordRef::Dimension(r) => mapper.dimension(&s, r),
            RecordRef::Event(r) => mapper.event(&s, r),
            RecordRef::Relation(r) => mapper.relation(&s, r),
            RecordRef::Service(r) => mapper.service(&s, r),
            RecordRef::Measure(r) => mapper.measure(&s, r),
            RecordRef::Offer(r) => mapper.offer(&s, r),
            RecordRef::Quote(r) => mapper.quote(&s, r),
            RecordRef::Claim(r) => mapper.claim(&s, r),
        }
        let editorial = record.editorial().map(|note| note.get_ref().clone());
        if let Some(note) = &editorial {
            mapper.text(&s, skos::EDITORIAL_NOTE, note);
        }
        RecordMapping {
            record: Some((kind, id.clone())),
            evidence: record.evidence().0.clone(),
            triples: mapper.writer.take(),
            dated: std::mem::take(&mut mapper.dated),
            editorial,
        }
    }))
}

/// Maps one record at a time; each record kind's mapping is in a module of its own.
struct Mapper<'a> {
    facts: &'a Facts,
    iris: &'a Iris,
    writer: TripleWriter,
    dated: Vec<DatedStatement>,
}

writer::writes_through!(Mapper, writer);

impl Mapper<'_> {
    /// The IRI of a record named by a (checked) reference.
    fn iri(&self, id: &str) -> NamedNode {
        let kind = self
            .facts
            .kind(id)
            .expect("references are checked before mapping");
        self.iris.record(kind, id)
    }

    /// How a unit is tied to the organization it is part of: ORG's `org:unitOf` when that is a
    /// formal organization (ORG's range for it), else `org:subOrganizationOf`.
    fn unit_of(&self, parent: &Text) -> (NamedNodeRef<'static>, NamedNodeRef<'static>) {
        match self.facts.org_kind(parent.get_ref()) {
            Some(OrgKind::Formal) => (org::UNIT_OF, org::HAS_UNIT),
            _ => (org::SUB_ORGANIZATION_OF, org::HAS_SUB_ORGANIZATION),
        }
    }

    /// Other names, as `skos:altLabel`.
    fn alt_labels(&mut self, s: &NamedNode, names: &[Text]) {
        for name in names {
            self.text(s, skos::ALT_LABEL, name.get_ref());
        }
    }

    /// The instant of a calendar date, with its date at the precision known.
    fn date(&mut self, date: &Date) -> NamedNode {
        let instant = self.iris.date(date);
        self.typed(&instant, &[time::INSTANT], &date.to_string());
        let p = match date {
            Date::Year(_) => time::IN_XSD_G_YEAR,
            Date::Month(..) => time::IN_XSD_G_YEAR_MONTH,
            Date::Day(..) => time::IN_XSD_DATE,
        };
        self.add(&instant, p, date_literal(date));
        instant
    }
}

/// A date as a literal of the XSD type that states its precision.
pub fn date_literal(date: &Date) -> Literal {
    let datatype = NamedNode::new_unchecked(format!("{}{}", xsd::NS, date.xsd_datatype()));
    Literal::new_typed_literal(date.to_string(), datatype)
}
