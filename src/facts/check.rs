//! What types cannot check: id syntax, references between records, evidence length, and
//! values that must agree with their record's kind.

use super::{
    Attribution, Basis, EventKind, Evidence, Facts, Kind, MAX_EVIDENCE_WORDS, MeasureKind,
    RelationKind, Text,
};
use crate::diagnostic::{Diagnostic, SourceText};
use crate::values::{Amount, Boundary, When};

/// Adds every problem of `facts` that the TOML reader cannot see to `problems`.
pub(super) fn check(facts: &Facts, problems: &mut Vec<Diagnostic>) {
    Checker { facts, problems }.check();
}

/// Ids are lowercase words of letters and digits (any script) joined by single dashes, so
/// they read well in IRIs and never need escaping there.
pub(super) fn id_syntax(source: &SourceText, id: &Text, problems: &mut Vec<Diagnostic>) {
    let valid = id.get_ref().split('-').all(|part| {
        !part.is_empty()
            && part
                .chars()
                .all(|c| c.is_alphanumeric() && !c.is_uppercase())
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
            self.evidence(record.evidence());
            self.basis(record.basis());
        }
        if let (Some(at), None) = (&article.original_published, &article.original_publisher) {
            self.problems.push(self.facts.source.error(
                at.span(),
                "`original_published` needs an `original_publisher`",
            ));
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
            // A role is named by its letters and digits (its IRI's slug): it needs some.
            if !p.role.get_ref().chars().any(char::is_alphanumeric) {
                self.error(
                    &p.role,
                    format!("role \"{}\" has no letters or digits", p.role.get_ref()),
                );
            }
            self.reference(&p.organization, "organization", &[Organization]);
            self.reference(&p.holder, "holder", &[Person]);
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
            self.references(&e.from, "from", &[Organization]);
            self.references(&e.to, "to", &[Organization]);
            self.references(&e.moves, "moves", &[Organization]);
            self.references(&e.generated, "generated", &[Artifact]);
            self.attribution(&e.reported);
            let kind = *e.kind.get_ref();
            let organizational = matches!(kind, EventKind::Restructuring | EventKind::Founding);
            let transfer = matches!(
                kind,
                EventKind::Transfer | EventKind::StaffTransfer | EventKind::UnitTransfer
            );
            for (list, field, allowed, only) in [
                (
                    &e.original,
                    "original",
                    organizational,
                    "organizational change events (restructuring, founding)",
                ),
                (
                    &e.resulting,
                    "resulting",
                    organizational,
                    "organizational change events (restructuring, founding)",
                ),
                (
                    &e.from,
                    "from",
                    transfer,
                    "transfers (transfer, staff-transfer, unit-transfer)",
                ),
                (
                    &e.to,
                    "to",
                    transfer,
                    "transfers (transfer, staff-transfer, unit-transfer)",
                ),
                (
                    &e.moves,
                    "moves",
                    matches!(kind, EventKind::Transfer | EventKind::UnitTransfer),
                    "unit transfers (transfer, unit-transfer)",
                ),
            ] {
                if let Some(first) = list.first().filter(|_| !allowed) {
                    self.error(
                        first,
                        format!(
                            "`{field}` is only for {only}, not for \"{}\"",
                            e.id.get_ref()
                        ),
                    );
                }
            }
            if let Some(relative) = &e.relative {
                if !matches!(e.date.get_ref(), When::Unknown) {
                    self.problems.push(self.facts.source.error(
                        relative.span(),
                        format!(
                            "\"{}\" has both a `date` and a `relative` time: write `date = \"unknown\"`",
                            e.id.get_ref()
                        ),
                    ));
                }
                if self.facts.publication_date().is_none() {
                    self.problems.push(self.facts.source.error(
                        relative.span(),
                        format!(
                            "relative time \"{}\" needs the article's publication date \
                             (`published` or `original_published`)",
                            relative.get_ref()
                        ),
                    ));
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
            for bound in [&r.since, &r.until].into_iter().flatten() {
                if let Boundary::Event(id) = bound.get_ref() {
                    let text = Text::new(bound.span(), id.clone());
                    self.reference(&text, "since/until", &[Event]);
                }
            }
        }
        for s in &f.services {
            self.reference(&s.provider, "provider", &[Organization]);
            self.references(&s.clients, "clients", &[Organization]);
            self.optional(&s.continues_after, "continues_after", &[Event]);
        }
        for m in &f.measures {
            self.reference(&m.of, "of", &[Organization, Event, Service]);
            let percent = matches!(
                m.kind.get_ref(),
                MeasureKind::RevenueGrowth | MeasureKind::RevenueShare
            );
            let value = m.value.get_ref();
            if percent != value.percent || value.currency.is_some() {
                let expected = if percent {
                    "a percentage like 30%"
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
            if days.currency.is_some() || days.percent || days.more_than || days.at_least {
                self.amount_error(&o.delivery_days, "expected days, like 1 or 3-5");
            }
        }
        for q in &f.quotes {
            self.reference(&q.speaker, "speaker", &[Person]);
            self.not_empty(&q.text, "text");
        }
        for c in &f.claims {
            self.not_empty(&c.text, "text");
            self.attribution(&c.reported);
            let any: Vec<Kind> = Kind::ALL
                .iter()
                .copied()
                .filter(|&k| k != Claim && k != Relation)
                .collect();
            self.references(&c.about.0, "about", &any);
        }
    }

    fn attribution(&mut self, reported: &Option<Attribution>) {
        if let Some(reported) = reported {
            self.reference(
                &reported.by,
                "reported.by",
                &[Kind::Person, Kind::Organization],
            );
            self.not_empty(&reported.how, "reported.how");
        }
    }

    /// An editorial record says why; a note alone marks nothing.
    fn basis(&mut self, (basis, note): (Option<&toml::Spanned<Basis>>, Option<&Text>)) {
        let editorial = basis.is_some_and(|b| *b.get_ref() == Basis::Editorial);
        match (basis, note) {
            (Some(b), None) if editorial => self.problems.push(self.facts.source.error(
                b.span(),
                "`basis = \"editorial\"` needs a `basis_note` saying what is the editor's and why",
            )),
            (_, Some(note)) if !editorial => self.error(
                note,
                "`basis_note` is only for records with `basis = \"editorial\"`".into(),
            ),
            (_, Some(note)) => self.not_empty(note, "basis_note"),
            _ => {}
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
