//! What types cannot check: id syntax, references between records, evidence length, and
//! values that must agree with their record's kind.

use super::{
    Attribution, Basis, EventKind, Evidence, Facts, Kind, MAX_EVIDENCE_WORDS, MeasureKind,
    RelationKind, Text,
};
use crate::diagnostic::{Diagnostic, SourceText};
use crate::text::values::{Amount, Boundary, When};
use std::ops::Range;
use toml::Spanned;

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

/// Whether XML 1.0, and so RDF/XML and GraphML, cannot carry `c` even escaped: a control
/// character other than tab, newline and carriage return, or U+FFFE and U+FFFF.
fn unfit_for_xml(c: char) -> bool {
    (c.is_control() && !matches!(c, '\t' | '\n' | '\r')) || matches!(c, '\u{FFFE}' | '\u{FFFF}')
}

/// Whether `text` might hold a character [`unfit_for_xml`] in a string: it holds one as it
/// is, or has an escape (`\b`, `\f`, `\e`, `\xHH`, `\uHHHH`, `\UHHHHHHHH`) that could stand
/// for one. Only then is the file parsed a second time to find the string: that parse costs
/// as much memory as the first.
fn might_hold_unfit_characters(text: &str) -> bool {
    if text.chars().any(unfit_for_xml) {
        return true;
    }
    text.match_indices('\\').any(|(at, _)| {
        let rest = &text[at + 1..];
        let hex = |digits: usize| {
            rest.get(1..=digits)
                .and_then(|h| u32::from_str_radix(h, 16).ok())
                .and_then(char::from_u32)
                .is_some_and(unfit_for_xml)
        };
        match rest.chars().next() {
            Some('b' | 'f' | 'e') => true,
            Some('x') => hex(2),
            Some('u') => hex(4),
            Some('U') => hex(8),
            _ => false,
        }
    })
}

/// Control characters other than tab, newline and carriage return, in any string of the
/// file (written with a TOML escape such as `\u000B`): XML 1.0, and so RDF/XML and GraphML,
/// cannot carry them even escaped.
fn control_characters(source: &SourceText, problems: &mut Vec<Diagnostic>) {
    fn walk(value: &toml::Spanned<toml::de::DeValue<'_>>, found: &mut Vec<(Range<usize>, String)>) {
        match value.get_ref() {
            toml::de::DeValue::String(text) => {
                let bad = text.chars().enumerate().find(|&(_, c)| unfit_for_xml(c));
                if let Some((at, c)) = bad {
                    found.push((
                        value.span(),
                        format!(
                            "control character U+{:04X} at character {} of \"{}\": facts files \
                             may hold tab, newline and carriage return, no other control \
                             characters (RDF/XML and GraphML cannot carry them)",
                            u32::from(c),
                            at + 1,
                            text.escape_debug()
                        ),
                    ));
                }
            }
            toml::de::DeValue::Array(items) => items.iter().for_each(|v| walk(v, found)),
            toml::de::DeValue::Table(table) => table.values().for_each(|v| walk(v, found)),
            _ => {}
        }
    }
    if !might_hold_unfit_characters(source.text()) {
        return;
    }
    let Ok(table) = toml::de::DeTable::parse(source.text()) else {
        return;
    };
    let mut found = Vec::new();
    for value in table.get_ref().values() {
        walk(value, &mut found);
    }
    for (span, message) in found {
        problems.push(source.error(span, message));
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
        control_characters(&self.facts.source, self.problems);
        if self.facts.holds_article {
            self.article();
        }
        let f = &self.facts.file;
        for record in self.facts.records() {
            self.evidence(record.evidence());
            self.basis(record.basis());
        }
        for o in &f.organizations {
            self.not_empty(&o.name, "name");
            self.optional(&o.part_of, "part_of", &[Organization]);
        }
        for p in &f.people {
            self.not_empty(&p.name, "name");
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
            self.boundaries(&p.id, &p.since, &p.until);
        }
        for p in &f.places {
            self.not_empty(&p.name, "name");
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
            self.boundaries(&r.id, &r.since, &r.until);
        }
        for s in &f.services {
            self.reference(&s.provider, "provider", &[Organization]);
            self.references(&s.clients, "clients", &[Organization]);
            self.optional(&s.continues_after, "continues_after", &[Event]);
        }
        for m in &f.measures {
            self.not_empty(&m.name, "name");
            self.reference(&m.of, "of", &[Organization, Event, Service]);
            let value = m.value.get_ref();
            let outside = |low: f64, high: f64| {
                [Some(&value.low), value.high.as_ref()]
                    .into_iter()
                    .flatten()
                    .any(|d| d.value() < low || d.value() > high)
            };
            match m.kind.get_ref() {
                MeasureKind::RevenueShare | MeasureKind::Stake if outside(0.0, 100.0) => {
                    self.amount_error(&m.value, "a share is between 0% and 100%")
                }
                MeasureKind::Headcount | MeasureKind::Rank
                    if outside(0.0, f64::INFINITY)
                        || value.low.is_fractional()
                        || value.high.as_ref().is_some_and(|h| h.is_fractional()) =>
                {
                    self.amount_error(&m.value, "a count or a rank is a whole number, 0 or more")
                }
                _ => {}
            }
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
            self.not_empty(&o.name, "name");
            for price in std::iter::once(&o.price).chain(&o.equivalent) {
                if price.get_ref().currency.is_none() || price.get_ref().percent {
                    self.amount_error(price, "expected money with a currency, like EUR 2");
                } else if price.get_ref().low.value() < 0.0 {
                    self.amount_error(price, "a price is not negative");
                }
            }
            let days = o.delivery_days.get_ref();
            if days.currency.is_some()
                || days.percent
                || days.more_than
                || days.at_least
                || days.at_most
                || days.low.value() < 0.0
            {
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

    /// The `[article]` table's references, source and evidence.
    fn article(&mut self) {
        use Kind::*;
        let article = &self.facts.file.article;
        self.optional(&article.publisher, "publisher", &[Organization]);
        self.optional(
            &article.original_publisher,
            "original_publisher",
            &[Organization],
        );
        self.optional(&article.author, "author", &[Person]);
        self.references(&article.based_on, "based_on", &[Organization]);
        if let Some(source) = &article.source {
            let name = source.get_ref();
            let plain = std::path::Path::new(name).file_name() == Some(std::ffi::OsStr::new(name));
            if !plain || name.contains(['/', '\\']) {
                self.error(
                    source,
                    format!(
                        "`source` must be the text's file name, looked up in the article \
                         directories, not a path: \"{name}\""
                    ),
                );
            }
        }
        self.evidence(&article.evidence);
        if let (Some(at), None) = (&article.original_published, &article.original_publisher) {
            self.problems.push(self.facts.source.error(
                at.span(),
                "`original_published` needs an `original_publisher`",
            ));
        }
        self.not_empty(&article.title, "title");
    }

    /// Checks a dated record's `since` and `until`: the events they name exist, and it does not
    /// end before it begins.
    fn boundaries(
        &mut self,
        id: &Text,
        since: &Option<Spanned<Boundary>>,
        until: &Option<Spanned<Boundary>>,
    ) {
        for bound in [since, until].into_iter().flatten() {
            if let Boundary::Event(event) = bound.get_ref() {
                let text = Text::new(bound.span(), event.clone());
                self.reference(&text, "since/until", &[Kind::Event]);
            }
        }
        let (Some(since), Some(until)) = (since, until) else {
            return;
        };
        let (from, to) = (self.date_of(since.get_ref()), self.date_of(until.get_ref()));
        if let (Some(from), Some(to)) = (from, to) {
            if from.first_day() > to.last_day() {
                let at = Text::new(until.span(), String::new());
                self.error(
                    &at,
                    format!("\"{}\" ends ({to}) before it begins ({from})", id.get_ref()),
                );
            }
        }
    }

    /// The date a boundary stands for: its own, or its event's when the event has one.
    fn date_of(&self, boundary: &Boundary) -> Option<crate::text::values::Date> {
        match boundary {
            Boundary::Date(date) => Some(*date),
            Boundary::Event(id) => match self.facts.event(id)?.date {
                crate::text::values::When::On(date) => Some(date),
                _ => None,
            },
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
    use super::might_hold_unfit_characters as might;

    #[test]
    fn escapes_of_control_characters_are_suspected_and_others_are_not() {
        for text in [
            r#"name = "JD\u000Bcom""#,
            r#"name = "a\bc""#,
            r#"name = "\U0000FFFF""#,
            r#"name = "\x7F""#,
            "name = \"next\u{85}line\"",
        ] {
            assert!(might(text), "{text}");
        }
        for text in [
            r#"name = "tab\tnewline\nreturn\r""#,
            r#"name = "caf\u00e9 \\ back""#,
            r#"name = "\u0009""#,
            "name = 'plain'",
        ] {
            assert!(!might(text), "{text}");
        }
    }
}
