//! Grounding a record's structure in its words: who and what it points at, which way its
//! ties run, how far along its changes are, and the scope words its quotes qualify it with.
//!
//! [`values`](super::values) proves each value a record states is in its quotes; this proves
//! the rest of the record is what the quotes say, read by [`crate::text::structure`]:
//!
//! - **References.** Every person, organization or place a record points at (`subject`,
//!   `object`, `holder`, `organization`, `speaker`, `from`, `to`, `moves`, `agents`, `of`,
//!   `part_of`, `provider`, `clients`, `original`, `resulting`, `area`)
//!   is named in one of its quotes: by a name or other name, by a short form the text has
//!   tied to it, or by an anaphor resolved to it (an unnamed source is named by its
//!   description without "unnamed", or by the words of its own evidence). References to events, artifacts and claims, a claim's `about`, an
//!   offer's `seller` and a place's `within` are the editor's composition of the article and
//!   are not checked here.
//! - **Direction.** A directed tie (reports-to, unit-of, sub-organization-of, member-of,
//!   client-of, serves, founded-by, envisioned-by) and an organization's `part_of` must not
//!   run against the quote's own words ("A … report(s) to B", "B's A", "A of B", "B-owned
//!   A", "into B", "B founder A", "A serving B", "B's clients like A", "A is a member of
//!   B", "A has been a B client", "A has supplied … to B", "B was founded in 2009 by A"). A
//!   relation other than unit-of and sub-organization-of whose quotes name both ends in words
//!   the reader has no pattern for is a note for a person to read ([`Grounded::unread`]), not
//!   an error: on texts the reader was not written from, such words were its own gap every
//!   time, and no mutation of the suite needs the rule. A transfer's `to` is where the quote moves things ("into B", "moving … to B"), its `from`
//!   never that.
//! - **Status.** `planned` needs a cue of the future or of intent, `under-way` one of
//!   something in progress, `completed` one of the past; the error names the cues found.
//! - **Qualifiers.** A scope word ("most", "select") in a service's or place's quotes needs
//!   its `scope`; a word of continuity ("will continue", "maintaining") in a service's quotes
//!   needs its `continues_after`, and a `continues_after` needs such a word.
//!
//! Records marked `basis = "editorial"` are the editor's and are not checked.

use crate::diagnostic::Diagnostic;
use crate::facts::{Facts, FactsFile, OrgKind, RecordRef, RelationKind, Status, Text};
use crate::ground::locate::Located;
use crate::text::article::ArticleText;
use crate::text::structure::{Class, Entity, Pattern, Reader, Reading, Stage};
use std::collections::HashMap;
use std::ops::Range;

/// Checks the structure of every record of `facts` against its located quotes in `text`;
/// each reference, direction, status or qualifier the words do not support is one
/// diagnostic at the field.
pub fn ground(facts: &Facts, context: &Context, located: &Located) -> Grounded {
    let mut g = Grounder {
        facts,
        reader: &context.reader,
        index: &context.index,
        shared: &context.shared,
        problems: Vec::new(),
        unread: Vec::new(),
    };
    for record in facts.records() {
        if record.editorial().is_none() {
            let reading = g.reading(record, located);
            g.record(record, &reading);
        }
    }
    g.problems.sort_by_key(|d| (d.line, d.column));
    g.unread.sort_by_key(|d| (d.line, d.column));
    Grounded {
        errors: g.problems,
        unread: g.unread,
    }
}

/// What the structure check found in a facts file.
#[derive(Debug, Default)]
pub struct Grounded {
    /// What the words contradict or do not name: the file is not accepted.
    pub errors: Vec<Diagnostic>,
    /// Relations whose quotes name both ends in words the reader has no pattern for, so that
    /// it cannot tell which way they run. Not errors: on texts the reader was not written
    /// from, such words were the reader's own gap every time (`BENCHMARKS.md`).
    pub unread: Vec<Diagnostic>,
}

/// What an organization of this kind is to the reader of words.
pub fn class(kind: OrgKind) -> Class {
    match kind {
        OrgKind::Formal => Class::Company,
        OrgKind::BusinessGroup => Class::BusinessGroup,
        OrgKind::Organization => Class::Organization,
        OrgKind::Unit => Class::Unit,
        OrgKind::BusinessLine => Class::BusinessLine,
        OrgKind::Group => Class::Group,
    }
}

/// The people, organizations and places of a facts file read in its article's text: the
/// reader of words, which looks for them, and which of its entities each id is. Made once for
/// a file, and shared by its pieces when it is checked a piece at a time.
#[derive(Debug)]
pub struct Context {
    reader: Reader,
    /// Each reader entity's id in the file, from an id of the file.
    index: HashMap<String, usize>,
    /// How many records of the file each reader entity stands for.
    shared: Vec<usize>,
}

impl Context {
    /// The reader of `text` for `entities` (of [`entities`], for every piece of the file).
    pub fn new(text: &ArticleText, entities: Vec<Entity>) -> Context {
        // Records that share their kind and every name are one entity to the reader: no
        // words can tell them apart, and reading each alone would cost the square of their
        // number.
        let mut groups: HashMap<(Class, Vec<String>), usize> = HashMap::new();
        let mut unique: Vec<Entity> = Vec::new();
        let mut index = HashMap::new();
        let mut shared = Vec::new();
        for e in entities {
            let at = *groups.entry((e.class, e.names.clone())).or_insert_with(|| {
                unique.push(e.clone());
                shared.push(0);
                unique.len() - 1
            });
            shared[at] += 1;
            index.insert(e.key, at);
        }
        Context {
            reader: Reader::new(&text.text, unique),
            index,
            shared,
        }
    }
}

/// The people, organizations and places of `file`'s records as the reader looks for them.
pub fn entities(file: &FactsFile) -> Vec<Entity> {
    let mut entities = Vec::new();
    let texts = |list: &[Text]| list.iter().map(|t| t.get_ref().clone()).collect::<Vec<_>>();
    for o in &file.organizations {
        let class = class(*o.kind.get_ref());
        let mut names = vec![o.name.get_ref().clone()];
        names.extend(texts(&o.alt_names));
        entities.push(Entity {
            key: o.id.get_ref().clone(),
            class,
            names,
            description: o
                .description
                .as_ref()
                .map(|d| d.get_ref().clone())
                .unwrap_or_default(),
        });
    }
    for p in &file.people {
        // An unnamed source is named by its description without "unnamed" ("Cainiao
        // employee"), or by the words that introduce it.
        let names = if p.anonymous {
            let mut names = texts(&p.evidence.0);
            let name = p.name.get_ref();
            names.push(name.strip_prefix("unnamed ").unwrap_or(name).to_owned());
            names
        } else {
            let mut names = vec![p.name.get_ref().clone()];
            names.extend(texts(&p.alt_names));
            names
        };
        entities.push(Entity {
            key: p.id.get_ref().clone(),
            class: Class::Person,
            names,
            description: String::new(),
        });
    }
    for p in &file.places {
        entities.push(Entity {
            key: p.id.get_ref().clone(),
            class: Class::Place,
            names: vec![p.name.get_ref().clone()],
            description: String::new(),
        });
    }
    entities
}

struct Grounder<'a> {
    facts: &'a Facts,
    reader: &'a Reader,
    /// Each reader entity's id in the file, from an id of the file.
    index: &'a HashMap<String, usize>,
    /// How many records of the file each reader entity stands for.
    shared: &'a [usize],
    problems: Vec<Diagnostic>,
    unread: Vec<Diagnostic>,
}

/// Whether a relation of this kind needs words that say which way, when its quotes name both
/// ends: a unit or part of an organization is often told as a list under a heading ("the six
/// business groups are …"), so for those only words that run the other way are an error.
fn strict(kind: RelationKind) -> bool {
    !matches!(kind, RelationKind::UnitOf | RelationKind::SubOrganizationOf)
}

/// Which way a kind of relation runs in words: the patterns that state it from subject to
/// object, and those that state it from object to subject.
fn direction(kind: RelationKind) -> Option<(&'static [Pattern], &'static [Pattern])> {
    use Pattern::*;
    Some(match kind {
        RelationKind::ReportsTo => (&[ReportsTo], &[]),
        RelationKind::UnitOf | RelationKind::SubOrganizationOf => (&[PartOf, Into], &[]),
        RelationKind::MemberOf => (&[MemberOf, PartOf], &[]),
        RelationKind::ClientOf => (&[ClientOf], &[Serves]),
        RelationKind::Serves => (&[Serves], &[ClientOf]),
        RelationKind::FoundedBy => (&[FoundedBy], &[]),
        RelationKind::EnvisionedBy => (&[EnvisionedBy], &[]),
        _ => return None,
    })
}

impl Grounder<'_> {
    /// What the record's quotes say, together.
    fn reading(&self, record: RecordRef<'_>, located: &Located) -> Reading {
        let mut all = Reading::default();
        for i in 0..record.evidence().0.len() {
            let Some(found) = located.get(Some(record.id().get_ref()), i) else {
                continue;
            };
            let r = self.reader.read(found.start..found.end);
            all.mentions.extend(r.mentions);
            all.ties.extend(r.ties);
            all.cues.extend(r.cues);
            all.qualifiers.extend(r.qualifiers);
            all.sources.extend(r.sources);
            all.destinations.extend(r.destinations);
        }
        all
    }

    fn record(&mut self, record: RecordRef<'_>, reading: &Reading) {
        let refs = |g: &mut Self, field: &str, ids: &[&Text]| {
            for id in ids {
                g.reference(record, reading, field, id);
            }
        };
        match record {
            RecordRef::Organization(o) => {
                if let Some(part_of) = &o.part_of {
                    refs(self, "part_of", &[part_of]);
                    self.direction(record, reading, "part_of", &o.id, part_of, None);
                }
            }
            RecordRef::Post(p) => {
                refs(self, "organization", &[&p.organization]);
                refs(self, "holder", &[&p.holder]);
            }
            RecordRef::Place(p) => {
                if p.scope.is_none() {
                    self.scope(record, reading);
                }
            }
            RecordRef::Dimension(d) => refs(self, "of", &[&d.of]),
            RecordRef::Event(e) => {
                for (field, ids) in [
                    ("agents", &e.agents),
                    ("original", &e.original),
                    ("resulting", &e.resulting),
                    ("from", &e.from),
                    ("to", &e.to),
                    ("moves", &e.moves),
                ] {
                    refs(self, field, &ids.iter().collect::<Vec<_>>());
                }
                self.transfer(record, reading, &e.from, &e.to);
                if let Some(status) = &e.status {
                    self.status(record, reading, status.span(), *status.get_ref());
                }
            }
            RecordRef::Relation(r) => {
                refs(self, "subject", &[&r.subject]);
                let objects: Vec<&Text> = r.object.0.iter().collect();
                refs(self, "object", &objects);
                for object in objects {
                    let kind = *r.kind.get_ref();
                    self.direction(record, reading, "object", &r.subject, object, Some(kind));
                }
            }
            RecordRef::Service(s) => {
                refs(self, "provider", &[&s.provider]);
                refs(self, "clients", &s.clients.iter().collect::<Vec<_>>());
                if s.scope.is_none() {
                    self.scope(record, reading);
                }
                self.continuity(record, reading, s.continues_after.as_ref());
            }
            RecordRef::Measure(m) => refs(self, "of", &[&m.of]),
            RecordRef::Offer(o) => refs(self, "area", &[&o.area]),
            RecordRef::Quote(q) => refs(self, "speaker", &[&q.speaker]),
            RecordRef::Person(_) | RecordRef::Artifact(_) | RecordRef::Claim(_) => {}
        }
    }

    /// A person, organization or place the record points at must be named in its quotes.
    fn reference(&mut self, record: RecordRef<'_>, reading: &Reading, field: &str, id: &Text) {
        let Some(&entity) = self.index.get(id.get_ref()) else {
            return;
        };
        if reading.names(entity) {
            return;
        }
        let class = self.reader.entities()[entity].class;
        let person = |c: Class| c == Class::Person;
        let mut named: Vec<usize> = Vec::new();
        for &(e, _) in &reading.mentions {
            if !named.contains(&e) {
                named.push(e);
            }
        }
        let alike: Vec<usize> = named
            .iter()
            .copied()
            .filter(|&e| person(self.reader.entities()[e].class) == person(class))
            .collect();
        let shown = if alike.is_empty() { named } else { alike };
        let names = if shown.is_empty() {
            "none of the file's people, organizations or places".to_owned()
        } else {
            self.listed(&shown)
        };
        self.refuse(
            record,
            field,
            id,
            "is not named in",
            &format!(", which names {names}"),
        );
    }

    /// A directed tie must not run against the words, and a relation must have words that
    /// say which way.
    fn direction(
        &mut self,
        record: RecordRef<'_>,
        reading: &Reading,
        field: &str,
        subject: &Text,
        object: &Text,
        kind: Option<RelationKind>,
    ) {
        let (forward, backward): (&[Pattern], &[Pattern]) = match kind {
            Some(kind) => match direction(kind) {
                Some(d) => d,
                None => return,
            },
            None => (&[Pattern::PartOf, Pattern::Into], &[]),
        };
        let (Some(&s), Some(&o)) = (
            self.index.get(subject.get_ref()),
            self.index.get(object.get_ref()),
        ) else {
            return;
        };
        let states = |from: usize, to: usize| {
            reading.ties.iter().any(|t| {
                (forward.contains(&t.pattern) && t.from == from && t.to == to)
                    || (backward.contains(&t.pattern) && t.from == to && t.to == from)
            })
        };
        if states(s, o) {
            return;
        }
        let phrase = kind.map_or("is part of", RelationKind::phrase);
        let (span, subject_field) = match kind {
            Some(_) => (subject.span(), "subject"),
            None => (object.span(), field),
        };
        if states(o, s) {
            let message = format!(
                "`{subject_field}` \"{}\" {phrase} \"{}\" runs against the {}'s evidence {}, \
                 which says {} {phrase} {}",
                subject.get_ref(),
                object.get_ref(),
                record.kind().table(),
                self.quotes(record),
                self.described(o),
                self.described(s),
            );
            self.error(span, message);
        } else if kind.is_some_and(strict) && reading.names(s) && reading.names(o) {
            let message = format!(
                "`{subject_field}` \"{}\" {phrase} \"{}\": the {}'s evidence {} names both in \
                 words the reader has no pattern for (\"A … reports to B\", \"B's A\", \"A of \
                 B\", \"into B\", \"B founder A\", \"A serving B\"…); read it yourself",
                subject.get_ref(),
                object.get_ref(),
                record.kind().table(),
                self.quotes(record),
            );
            let note = self.facts.source().error(span, message);
            self.unread.push(note);
        }
    }

    /// A transfer's `to` is where its words move things; its `from` is not.
    fn transfer(&mut self, record: RecordRef<'_>, reading: &Reading, from: &[Text], to: &[Text]) {
        for id in to {
            let Some(&e) = self.index.get(id.get_ref()) else {
                continue;
            };
            if reading.destinations.contains(&e) {
                continue;
            }
            let says = if reading.destinations.is_empty() {
                "which does not say where to".to_owned()
            } else {
                format!("which moves them to {}", self.listed(&reading.destinations))
            };
            self.refuse(
                record,
                "to",
                id,
                "is not where",
                &format!(" moves things, {says}"),
            );
        }
        for id in from {
            let Some(&e) = self.index.get(id.get_ref()) else {
                continue;
            };
            if reading.destinations.contains(&e) && !reading.sources.contains(&e) {
                self.refuse(record, "from", id, "is where", " moves things to, not from");
            }
        }
    }

    /// A status needs a cue of its own stage in the quotes.
    fn status(
        &mut self,
        record: RecordRef<'_>,
        reading: &Reading,
        span: Range<usize>,
        status: Status,
    ) {
        let (stage, name) = match status {
            Status::Planned => (Stage::Planned, "planned"),
            Status::UnderWay => (Stage::UnderWay, "under-way"),
            Status::Completed => (Stage::Completed, "completed"),
        };
        if reading.cues_of(stage).next().is_some() {
            return;
        }
        let found: Vec<String> = reading
            .cues
            .iter()
            .map(|c| {
                let stage = match c.stage {
                    Stage::Planned => "planned",
                    Stage::UnderWay => "under-way",
                    Stage::Completed => "completed",
                };
                format!("\"{}\" ({stage})", c.words)
            })
            .collect();
        let cues = if found.is_empty() {
            "no cue of any".to_owned()
        } else {
            format!("only {}", found.join(", "))
        };
        let wanted = match stage {
            Stage::Planned => "the future or of intent (\"will\", \"is to\", \"plans to\")",
            Stage::UnderWay => "something in progress (\"is undergoing\", \"involves moving\")",
            Stage::Completed => "the past (\"has moved\", \"was integrated\", \"since 2024\")",
        };
        let message = format!(
            "`status` \"{name}\" needs a cue of {wanted} in the {}'s evidence {}, which has {cues}",
            record.kind().table(),
            self.quotes(record)
        );
        self.error(span, message);
    }

    /// A scope word of the quotes the record does not carry.
    fn scope(&mut self, record: RecordRef<'_>, reading: &Reading) {
        use crate::text::structure::Qualifies;
        if let Some(q) = reading
            .qualifiers
            .iter()
            .find(|q| q.qualifies == Qualifies::Scope)
        {
            let message = format!(
                "the {}'s evidence {} says \"{}\", which the record does not carry: give it \
                 `scope = \"{}\"`, or mark it `basis = \"editorial\"` with a `basis_note`",
                record.kind().table(),
                self.quotes(record),
                q.word,
                q.word
            );
            self.error(record.id().span(), message);
        }
    }

    /// "Will continue", "maintaining": a service that goes on after an event says which.
    fn continuity(&mut self, record: RecordRef<'_>, reading: &Reading, after: Option<&Text>) {
        use crate::text::structure::Qualifies;
        let word = reading
            .qualifiers
            .iter()
            .find(|q| q.qualifies == Qualifies::Continues);
        match (word, after) {
            (Some(word), None) => {
                let message = format!(
                    "the {}'s evidence {} says \"{}\": it goes on after a change, which the \
                     record does not carry: give it `continues_after` the event",
                    record.kind().table(),
                    self.quotes(record),
                    word.word
                );
                self.error(record.id().span(), message);
            }
            (None, Some(after)) => {
                let message = format!(
                    "`continues_after` \"{}\" needs a word of continuity (\"will continue\", \
                     \"maintaining\", \"remain\") in the {}'s evidence {}, which has none",
                    after.get_ref(),
                    record.kind().table(),
                    self.quotes(record)
                );
                self.error(after.span(), message);
            }
            _ => {}
        }
    }

    /// How many entities a message lists before it says how many more there are.
    const LISTED: usize = 5;

    /// Entities as a message lists them, each once: "Lin Wan (lin-wan), Cainiao (cainiao)",
    /// the first [`Self::LISTED`] and then how many more, so that a name many records share
    /// does not make a message as long as the file.
    fn listed(&self, entities: &[usize]) -> String {
        let mut seen = std::collections::HashSet::new();
        let mut names: Vec<String> = Vec::new();
        let mut more = 0;
        for &e in entities {
            if !seen.insert(&self.reader.entities()[e].key) {
                continue;
            }
            if names.len() < Self::LISTED {
                names.push(self.described(e));
            } else {
                more += 1;
            }
        }
        let mut list = names.join(", ");
        if more > 0 {
            list.push_str(&format!(" and {more} more"));
        }
        list
    }

    /// "Lin Wan (lin-wan)".
    fn described(&self, entity: usize) -> String {
        let key = &self.reader.entities()[entity].key;
        match self.shared[entity] - 1 {
            0 => format!("{} ({key})", self.facts.name(key)),
            others => format!(
                "{} ({key} and {others} other records of that name)",
                self.facts.name(key)
            ),
        }
    }

    fn quotes(&self, record: RecordRef<'_>) -> String {
        let quotes: Vec<String> = record
            .evidence()
            .0
            .iter()
            .map(|q| format!("\"{}\"", q.get_ref()))
            .collect();
        quotes.join(", ")
    }

    /// An error at the id in `field`: "`to` "x" (X) {verdict} the {kind}'s evidence
    /// "…"{rest}".
    fn refuse(&mut self, record: RecordRef<'_>, field: &str, id: &Text, verdict: &str, rest: &str) {
        let message = format!(
            "`{field}` \"{}\" ({}) {verdict} the {}'s evidence {}{rest}",
            id.get_ref(),
            self.facts.name(id.get_ref()),
            record.kind().table(),
            self.quotes(record)
        );
        self.error(id.span(), message);
    }

    fn error(&mut self, span: Range<usize>, message: String) {
        self.problems.push(self.facts.source().error(span, message));
    }
}
