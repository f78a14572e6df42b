//! Facts files: reading one, checking it, and looking records up by id.
//!
//! Reading is two steps. The TOML reader turns the text into the typed [`FactsFile`]
//! (syntax, unknown fields, bad dates and amounts are caught here, with the value's
//! position). [`Facts::parse`] then checks what types cannot: ids are well formed and
//! unique, every reference names a record of the right kind, evidence is present and short.

mod model;

pub use model::*;

use crate::diagnostic::{Diagnostic, Diagnostics, SourceText};
use crate::values::{Amount, Boundary};
use anyhow::Context;
use std::collections::BTreeMap;
use std::ops::Range;
use std::path::Path;

/// The name the embedded article's facts file goes by in messages.
pub const EMBEDDED_NAME: &str = "data/articles/cainiao-restructuring.toml";

/// The facts file of the article newsgraph works on when given none.
pub const EMBEDDED: &str = include_str!("../../data/articles/cainiao-restructuring.toml");

/// The longest evidence quote accepted, in words: quotes point at the text, they do not
/// copy it.
pub const MAX_EVIDENCE_WORDS: usize = 40;

/// The kinds of record a facts file holds; ids are unique across all of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// `[[organization]]`
    Organization,
    /// `[[person]]`
    Person,
    /// `[[post]]`
    Post,
    /// `[[place]]`
    Place,
    /// `[[artifact]]`
    Artifact,
    /// `[[dimension]]`
    Dimension,
    /// `[[event]]`
    Event,
    /// `[[relation]]`
    Relation,
    /// `[[service]]`
    Service,
    /// `[[measure]]`
    Measure,
    /// `[[offer]]`
    Offer,
    /// `[[quote]]`
    Quote,
}

impl Kind {
    /// Every kind, in the order records are read and mapped.
    pub const ALL: [Kind; 12] = [
        Kind::Organization,
        Kind::Person,
        Kind::Post,
        Kind::Place,
        Kind::Artifact,
        Kind::Dimension,
        Kind::Event,
        Kind::Relation,
        Kind::Service,
        Kind::Measure,
        Kind::Offer,
        Kind::Quote,
    ];

    /// The record's table name in the facts file.
    pub fn table(self) -> &'static str {
        match self {
            Kind::Organization => "organization",
            Kind::Person => "person",
            Kind::Post => "post",
            Kind::Place => "place",
            Kind::Artifact => "artifact",
            Kind::Dimension => "dimension",
            Kind::Event => "event",
            Kind::Relation => "relation",
            Kind::Service => "service",
            Kind::Measure => "measure",
            Kind::Offer => "offer",
            Kind::Quote => "quote",
        }
    }

    /// Whether records of this kind are entities (things the article is about) rather than
    /// statements about them.
    pub fn is_entity(self) -> bool {
        matches!(
            self,
            Kind::Organization
                | Kind::Person
                | Kind::Post
                | Kind::Place
                | Kind::Artifact
                | Kind::Dimension
                | Kind::Event
        )
    }
}

/// A record seen through what all records share.
#[derive(Debug, Clone, Copy)]
pub struct Record<'a> {
    /// The record id, with its position.
    pub id: &'a Text,
    /// What kind of record it is.
    pub kind: Kind,
    /// The quotes from the article that state it.
    pub evidence: &'a Evidence,
}

/// A checked facts file.
#[derive(Debug)]
pub struct Facts {
    source: SourceText,
    file: FactsFile,
    index: BTreeMap<String, (Kind, usize)>,
}

impl Facts {
    /// Reads and checks the facts file at `path`.
    pub fn read(path: &Path) -> anyhow::Result<Facts> {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("cannot read facts file {}", path.display()))?;
        Ok(Facts::parse(SourceText::new(
            path.display().to_string(),
            text,
        ))?)
    }

    /// The embedded article's facts.
    pub fn embedded() -> Facts {
        Facts::parse(SourceText::new(EMBEDDED_NAME, EMBEDDED))
            .expect("the embedded facts file is checked by the test suite")
    }

    /// Parses and checks a facts file; every problem found is returned, one per line.
    pub fn parse(source: SourceText) -> Result<Facts, Diagnostics> {
        let file: FactsFile = toml::from_str(source.text()).map_err(|e| {
            let span = e.span().unwrap_or(0..0);
            let message = e.message().trim_end().replace('\n', " ");
            Diagnostics(vec![source.error(span, message)])
        })?;
        let mut facts = Facts {
            source,
            file,
            index: BTreeMap::new(),
        };
        let mut problems = Vec::new();
        facts.index_ids(&mut problems);
        Checker {
            facts: &facts,
            problems: &mut problems,
        }
        .check();
        if problems.is_empty() {
            Ok(facts)
        } else {
            problems.sort_by_key(|d| (d.line, d.column));
            Err(Diagnostics(problems))
        }
    }

    /// The text the facts were read from.
    pub fn source(&self) -> &SourceText {
        &self.source
    }

    /// The records, as written.
    pub fn file(&self) -> &FactsFile {
        &self.file
    }

    /// The article's id.
    pub fn article_id(&self) -> &str {
        self.file.article.id.get_ref()
    }

    /// The kind of the record with this id.
    pub fn kind(&self, id: &str) -> Option<Kind> {
        self.index.get(id).map(|&(kind, _)| kind)
    }

    /// The record with this id.
    pub fn record(&self, id: &str) -> Option<Record<'_>> {
        let &(kind, i) = self.index.get(id)?;
        let f = &self.file;
        let r: &dyn Recorded = match kind {
            Kind::Organization => &f.organizations[i],
            Kind::Person => &f.people[i],
            Kind::Post => &f.posts[i],
            Kind::Place => &f.places[i],
            Kind::Artifact => &f.artifacts[i],
            Kind::Dimension => &f.dimensions[i],
            Kind::Event => &f.events[i],
            Kind::Relation => &f.relations[i],
            Kind::Service => &f.services[i],
            Kind::Measure => &f.measures[i],
            Kind::Offer => &f.offers[i],
            Kind::Quote => &f.quotes[i],
        };
        Some(Record {
            id: r.id(),
            kind,
            evidence: r.evidence(),
        })
    }

    /// The event with this id.
    pub fn event(&self, id: &str) -> Option<&Event> {
        match self.index.get(id)? {
            &(Kind::Event, i) => Some(&self.file.events[i]),
            _ => None,
        }
    }

    /// Every record, in file order within each kind.
    pub fn records(&self) -> Vec<Record<'_>> {
        let f = &self.file;
        let mut out = Vec::new();
        macro_rules! push {
            ($($list:ident => $kind:ident),*) => {$(
                out.extend(f.$list.iter().map(|r| Record {
                    id: r.id(),
                    kind: Kind::$kind,
                    evidence: r.evidence(),
                }));
            )*};
        }
        push!(organizations => Organization, people => Person, posts => Post, places => Place,
            artifacts => Artifact, dimensions => Dimension, events => Event,
            relations => Relation, services => Service, measures => Measure, offers => Offer,
            quotes => Quote);
        out
    }

    /// A readable name for any record, used as its label.
    pub fn name(&self, id: &str) -> String {
        let Some(&(kind, i)) = self.index.get(id) else {
            return id.to_owned();
        };
        let f = &self.file;
        match kind {
            Kind::Organization => f.organizations[i].name.get_ref().clone(),
            Kind::Person => f.people[i].name.get_ref().clone(),
            Kind::Post => {
                let post = &f.posts[i];
                format!(
                    "{} of {}",
                    post.role.get_ref(),
                    self.name(post.organization.get_ref())
                )
            }
            Kind::Place => f.places[i].name.get_ref().clone(),
            Kind::Artifact => f.artifacts[i].name.get_ref().clone(),
            Kind::Dimension => f.dimensions[i].name.get_ref().clone(),
            Kind::Event => f.events[i].name.get_ref().clone(),
            Kind::Relation => {
                let r = &f.relations[i];
                let objects: Vec<String> =
                    r.object.0.iter().map(|o| self.name(o.get_ref())).collect();
                format!(
                    "{} {} {}",
                    self.name(r.subject.get_ref()),
                    r.kind.get_ref().phrase(),
                    objects.join(", ")
                )
            }
            Kind::Service => f.services[i].name.get_ref().clone(),
            Kind::Measure => f.measures[i].name.get_ref().clone(),
            Kind::Offer => f.offers[i].name.get_ref().clone(),
            Kind::Quote => format!("quote of {}", self.name(f.quotes[i].speaker.get_ref())),
        }
    }

    /// The ids of the entities (not statements) whose id, name or other name is `query`,
    /// ignoring case.
    pub fn find_entities(&self, query: &str) -> Vec<String> {
        let query = query.trim().to_lowercase();
        let f = &self.file;
        let alt_names = f
            .organizations
            .iter()
            .map(|o| (&o.id, &o.alt_names))
            .chain(f.people.iter().map(|p| (&p.id, &p.alt_names)));
        let mut found: Vec<String> = self
            .records()
            .iter()
            .filter(|r| r.kind.is_entity())
            .map(|r| r.id.get_ref())
            .filter(|id| id.to_lowercase() == query || self.name(id).to_lowercase() == query)
            .cloned()
            .collect();
        for (id, names) in alt_names {
            if names.iter().any(|n| n.get_ref().to_lowercase() == query)
                && !found.contains(id.get_ref())
            {
                found.push(id.get_ref().clone());
            }
        }
        found
    }

    fn index_ids(&mut self, problems: &mut Vec<Diagnostic>) {
        let mut first_seen: BTreeMap<String, Range<usize>> = BTreeMap::new();
        let mut per_kind: BTreeMap<Kind, usize> = BTreeMap::new();
        check_id_syntax(&self.source, &self.file.article.id, problems);
        let records: Vec<(Text, Kind)> = self
            .records()
            .iter()
            .map(|r| (r.id.clone(), r.kind))
            .collect();
        for (id, kind) in records {
            let id = &id;
            let position = per_kind.entry(kind).or_default();
            let offset = *position;
            *position += 1;
            check_id_syntax(&self.source, id, problems);
            if let Some(first) = first_seen.get(id.get_ref()) {
                let (line, _) = self.source.position(first.start);
                problems.push(self.source.error(
                    id.span(),
                    format!(
                        "duplicate id \"{}\" (first used on line {line})",
                        id.get_ref()
                    ),
                ));
                continue;
            }
            first_seen.insert(id.get_ref().clone(), id.span());
            self.index.insert(id.get_ref().clone(), (kind, offset));
        }
    }
}

fn check_id_syntax(source: &SourceText, id: &Text, problems: &mut Vec<Diagnostic>) {
    let valid = id.get_ref().split('-').all(|part| {
        !part.is_empty()
            && part
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
    });
    if !valid {
        problems.push(source.error(
            id.span(),
            format!(
                "invalid id \"{}\": use lowercase letters and digits, joined by single dashes",
                id.get_ref()
            ),
        ));
    }
}

/// "an organization", "a person".
fn indefinite(noun: &str) -> String {
    let article = if noun.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    };
    format!("{article} {noun}")
}

impl RelationKind {
    /// The relation read as words: "reports to".
    pub fn phrase(self) -> &'static str {
        match self {
            RelationKind::ReportsTo => "reports to",
            RelationKind::UnitOf => "is a unit of",
            RelationKind::SubOrganizationOf => "is part of",
            RelationKind::MemberOf => "is a member of",
            RelationKind::ClientOf => "is a client of",
            RelationKind::PartnerOf => "is a partner of",
            RelationKind::Serves => "serves",
            RelationKind::AlignedWith => "is aligned with",
            RelationKind::FoundedBy => "was founded by",
            RelationKind::EnvisionedBy => "was envisioned by",
            RelationKind::OperatesIn => "operates in",
        }
    }

    /// The kinds of record allowed as subject and as object.
    fn signature(self) -> (&'static [Kind], &'static [Kind]) {
        use Kind::*;
        const ORG: &[Kind] = &[Organization];
        const AGENT: &[Kind] = &[Person, Post];
        match self {
            RelationKind::ReportsTo => (AGENT, AGENT),
            RelationKind::UnitOf | RelationKind::SubOrganizationOf => (ORG, ORG),
            RelationKind::MemberOf => (&[Person, Organization], ORG),
            RelationKind::ClientOf | RelationKind::PartnerOf | RelationKind::Serves => (ORG, ORG),
            RelationKind::AlignedWith => (ORG, &[Dimension]),
            RelationKind::FoundedBy | RelationKind::EnvisionedBy => (ORG, &[Person]),
            RelationKind::OperatesIn => (ORG, &[Place]),
        }
    }
}

/// Checks what the types cannot: references, evidence, and values that must agree with
/// their record's kind.
struct Checker<'a> {
    facts: &'a Facts,
    problems: &'a mut Vec<Diagnostic>,
}

impl Checker<'_> {
    fn check(&mut self) {
        use Kind::*;
        let f = &self.facts.file;
        let article = &f.article;
        self.reference(&article.publisher, "publisher", &[Organization]);
        self.optional(
            &article.original_publisher,
            "original_publisher",
            &[Organization],
        );
        self.optional(&article.author, "author", &[Person]);
        self.references(&article.based_on, "based_on", &[Organization]);
        self.evidence(&article.evidence);
        for record in self.facts.records() {
            self.evidence(record.evidence);
        }
        for o in &f.organizations {
            self.optional(&o.part_of, "part_of", &[Organization]);
            if let Some(parent) = &o.part_of {
                if parent.get_ref() == o.id.get_ref() {
                    self.error(
                        parent,
                        format!("\"{}\" cannot be part of itself", parent.get_ref()),
                    );
                }
            }
        }
        for p in &f.posts {
            self.reference(&p.organization, "organization", &[Organization]);
            self.reference(&p.holder, "holder", &[Person]);
            self.boundaries([&p.since, &p.until]);
        }
        for p in &f.places {
            self.optional(&p.within, "within", &[Place]);
        }
        for d in &f.dimensions {
            self.reference(&d.of, "of", &[Organization]);
        }
        for e in &f.events {
            self.optional(&e.part_of, "part_of", &[Event]);
            self.references(&e.agents, "agents", &[Organization, Person]);
            self.references(&e.original, "original", &[Organization]);
            self.references(&e.resulting, "resulting", &[Organization]);
            self.references(&e.moves, "moves", &[Organization]);
            self.references(&e.generated, "generated", &[Artifact]);
            let change = matches!(
                e.kind.get_ref(),
                EventKind::Restructuring
                    | EventKind::Transfer
                    | EventKind::ReportingChange
                    | EventKind::Founding
            );
            if !change {
                for (list, field) in [
                    (&e.original, "original"),
                    (&e.resulting, "resulting"),
                    (&e.moves, "moves"),
                ] {
                    if let Some(first) = list.first() {
                        self.error(
                            first,
                            format!(
                                "`{field}` is only for organizational change events \
                                 (restructuring, transfer, reporting-change, founding), \
                                 not for \"{}\"",
                                e.id.get_ref()
                            ),
                        );
                    }
                }
            }
        }
        for r in &f.relations {
            let (subjects, objects) = r.kind.get_ref().signature();
            self.reference(&r.subject, "subject", subjects);
            self.references(&r.object.0, "object", objects);
            if r.qualified() && r.object.0.len() > 1 {
                self.error(
                    &r.object.0[1],
                    format!(
                        "relation \"{}\" has `since`, `until` or `note`, so it must have one object, not {}",
                        r.id.get_ref(),
                        r.object.0.len()
                    ),
                );
            }
            self.boundaries([&r.since, &r.until]);
        }
        for s in &f.services {
            self.reference(&s.provider, "provider", &[Organization]);
            self.references(&s.clients, "clients", &[Organization]);
            self.optional(&s.continues_after, "continues_after", &[Event]);
        }
        for m in &f.measures {
            self.reference(&m.of, "of", &[Organization, Event, Service]);
            let kind = *m.kind.get_ref();
            let value = m.value.get_ref();
            if kind.percent() != value.percent || kind.money() != value.currency.is_some() {
                let expected = if kind.percent() {
                    "a percentage like 30%"
                } else if kind.money() {
                    "money with a currency, like USD 0.62"
                } else {
                    "a plain number"
                };
                self.amount_error(&m.value, &format!("expected {expected}"));
            }
        }
        for o in &f.offers {
            self.reference(&o.seller, "seller", &[Organization]);
            self.reference(&o.area, "area", &[Place]);
            for price in std::iter::once(&o.price).chain(&o.equivalent) {
                if price.get_ref().currency.is_none() || price.get_ref().percent {
                    self.amount_error(price, "expected money with a currency, like EUR 2");
                }
            }
            let days = o.delivery_days.get_ref();
            if days.currency.is_some() || days.percent || days.more_than {
                self.amount_error(&o.delivery_days, "expected days, like 1 or 3-5");
            }
        }
        for q in &f.quotes {
            self.reference(&q.speaker, "speaker", &[Person]);
            self.not_empty(&q.text, "text");
        }
    }

    /// Checks that the events named by `since` and `until` exist.
    fn boundaries(&mut self, bounds: [&Option<toml::Spanned<Boundary>>; 2]) {
        for bound in bounds.into_iter().flatten() {
            if let Boundary::Event(id) = bound.get_ref() {
                let text = Text::new(bound.span(), id.clone());
                self.reference(&text, "since/until", &[Kind::Event]);
            }
        }
    }

    fn error(&mut self, at: &Text, message: String) {
        self.problems
            .push(self.facts.source.error(at.span(), message));
    }

    fn amount_error(&mut self, at: &toml::Spanned<Amount>, message: &str) {
        let diagnostic = self.facts.source.error(
            at.span(),
            format!("invalid amount \"{}\": {message}", at.get_ref()),
        );
        self.problems.push(diagnostic);
    }

    fn not_empty(&mut self, text: &Text, field: &str) {
        if text.get_ref().trim().is_empty() {
            self.error(text, format!("`{field}` is empty"));
        }
    }

    fn reference(&mut self, id: &Text, field: &str, allowed: &[Kind]) {
        match self.facts.kind(id.get_ref()) {
            Some(kind) if allowed.contains(&kind) => {}
            Some(kind) => {
                let expected: Vec<&str> = allowed.iter().map(|k| k.table()).collect();
                self.error(
                    id,
                    format!(
                        "`{field}` must name {}, but \"{}\" is {}",
                        indefinite(&expected.join(" or ")),
                        id.get_ref(),
                        indefinite(kind.table())
                    ),
                );
            }
            None => self.error(
                id,
                format!(
                    "`{field}` names \"{}\", but no record has this id",
                    id.get_ref()
                ),
            ),
        }
    }

    fn references(&mut self, ids: &[Text], field: &str, allowed: &[Kind]) {
        for id in ids {
            self.reference(id, field, allowed);
        }
    }

    fn optional(&mut self, id: &Option<Text>, field: &str, allowed: &[Kind]) {
        if let Some(id) = id {
            self.reference(id, field, allowed);
        }
    }

    fn evidence(&mut self, evidence: &Evidence) {
        for quote in &evidence.0 {
            let words = quote.get_ref().split_whitespace().count();
            if words == 0 {
                self.error(quote, "evidence quote is empty".into());
            } else if words > MAX_EVIDENCE_WORDS {
                self.error(
                    quote,
                    format!(
                        "evidence quote has {words} words, more than {MAX_EVIDENCE_WORDS}: \
                         quote the few words that state the fact"
                    ),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_facts_file_is_valid() {
        let facts = Facts::parse(SourceText::new(EMBEDDED_NAME, EMBEDDED));
        assert!(facts.is_ok(), "{}", facts.unwrap_err());
    }

    #[test]
    fn names_are_derived_for_posts_and_relations() {
        let facts = Facts::embedded();
        assert_eq!(facts.name("cainiao-ceo"), "CEO of Cainiao Group");
        assert_eq!(
            facts.name("ding-reports-to-jiang"),
            "Ding Hongwei reports to Jiang Fan"
        );
    }
}
