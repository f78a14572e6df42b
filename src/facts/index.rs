//! What every record of a facts file is, by id: its kind, its name and the little else a
//! record elsewhere in the file may ask of it. A large file is checked and mapped a piece at a
//! time ([`super::Pieces`]); the index is what stays of the pieces already let go, so that a
//! record may name one in another piece.

use super::check;
use super::model::{FactsFile, Kind, OrgKind, RecordRef, RelationKind, Status};
use crate::diagnostic::{Diagnostic, SourceText};
use crate::text::values::When;
use std::collections::HashMap;

/// Every record of one facts file, by id.
#[derive(Debug, Default)]
pub struct Index {
    entries: HashMap<String, Entry>,
    sha256: String,
}

#[derive(Debug)]
struct Entry {
    kind: Kind,
    /// The line of its id, for the message about a duplicate.
    line: usize,
    name: Name,
    alt_names: Box<[String]>,
    detail: Detail,
    /// The record it is part of or within, and where that is written.
    parent: Option<Box<Parent>>,
}

/// How a record's readable name is made: its own, or from the names of the records it ties.
#[derive(Debug)]
enum Name {
    Own(String),
    Post {
        role: String,
        organization: String,
    },
    Relation {
        subject: String,
        kind: RelationKind,
        objects: Box<[String]>,
    },
    Quote {
        speaker: String,
    },
}

#[derive(Debug)]
enum Detail {
    None,
    Organization(OrgKind),
    Event(EventOutline),
}

#[derive(Debug)]
struct Parent {
    id: String,
    field: &'static str,
    line: usize,
    column: usize,
}

/// What other records ask of an event: when it happened, and how far along it is.
#[derive(Debug, Clone, Copy)]
pub struct EventOutline {
    /// Its date, as written.
    pub date: When,
    /// Its status, when given.
    pub status: Option<Status>,
    /// Whether it is dated relative to the publication (`relative`).
    pub relative: bool,
}

impl Index {
    /// The index of a file read whole (`file`, from `source`), with the problems its ids and
    /// parents have.
    pub(super) fn whole(file: &FactsFile, source: &SourceText) -> (Index, Vec<Diagnostic>) {
        let mut index = Index::default();
        index.set_sha256(crate::text::article::sha256(source.text()));
        let mut problems = index.add(file, source, true);
        problems.extend(index.cycles(source.name()));
        (index, problems)
    }

    /// Records the SHA-256 of the file's whole text, once it is read.
    pub(super) fn set_sha256(&mut self, sha256: String) {
        self.sha256 = sha256;
    }

    /// SHA-256, in hex, of the whole facts file.
    pub fn sha256(&self) -> &str {
        &self.sha256
    }

    /// Adds the records of one piece of the file (`file`, read from `source`); returns the
    /// ids that are malformed or already used. `article` says whether the piece holds the
    /// `[article]` table, whose id is checked once.
    pub(super) fn add(
        &mut self,
        file: &FactsFile,
        source: &SourceText,
        article: bool,
    ) -> Vec<Diagnostic> {
        let mut problems = Vec::new();
        if article {
            check::id_syntax(source, &file.article.id, &mut problems);
        }
        for record in file.records() {
            let id = record.id();
            check::id_syntax(source, id, &mut problems);
            if let Some(first) = self.entries.get(id.get_ref()) {
                problems.push(source.error(
                    id.span(),
                    format!(
                        "duplicate id \"{}\" (first used on line {})",
                        id.get_ref(),
                        first.line
                    ),
                ));
                continue;
            }
            let entry = Entry::of(record, source);
            self.entries.insert(id.get_ref().clone(), entry);
        }
        problems
    }

    /// The records whose chain of parents (`part_of`, `within`) leads back to themselves:
    /// asked once every piece is added.
    pub(super) fn cycles(&self, file: &str) -> Vec<Diagnostic> {
        let mut problems = Vec::new();
        for (id, entry) in &self.entries {
            let Some(parent) = &entry.parent else {
                continue;
            };
            let mut path = vec![id.as_str()];
            let mut next = Some(parent.id.as_str());
            while let Some(current) = next {
                path.push(current);
                if current == id {
                    problems.push(Diagnostic {
                        file: file.to_owned(),
                        line: parent.line,
                        column: parent.column,
                        message: format!(
                            "`{}` goes round in a circle: {}",
                            parent.field,
                            path.join(" → ")
                        ),
                    });
                    break;
                }
                if path.len() > self.entries.len() + 1 {
                    break;
                }
                // Only a parent of the same kind continues the chain: a reference of the wrong
                // kind is its own error.
                next = self
                    .entries
                    .get(current)
                    .filter(|e| e.kind == entry.kind)
                    .and_then(|e| e.parent.as_ref())
                    .map(|p| p.id.as_str());
            }
        }
        problems
    }

    /// The kind of the record with this id.
    pub fn kind(&self, id: &str) -> Option<Kind> {
        self.entries.get(id).map(|e| e.kind)
    }

    /// A readable name for any record, used as its label; the id for an unknown one.
    pub fn name(&self, id: &str) -> String {
        let Some(entry) = self.entries.get(id) else {
            return id.to_owned();
        };
        match &entry.name {
            Name::Own(name) => name.clone(),
            Name::Post { role, organization } => format!("{role} of {}", self.name(organization)),
            Name::Relation {
                subject,
                kind,
                objects,
            } => {
                let objects: Vec<String> = objects.iter().map(|o| self.name(o)).collect();
                format!(
                    "{} {} {}",
                    self.name(subject),
                    kind.phrase(),
                    objects.join(", ")
                )
            }
            Name::Quote { speaker } => format!("quote of {}", self.name(speaker)),
        }
    }

    /// The other names the text uses for a record (organizations and people have them).
    pub fn alt_names(&self, id: &str) -> &[String] {
        self.entries.get(id).map_or(&[], |e| &e.alt_names)
    }

    /// The kind of the organization with this id.
    pub fn org_kind(&self, id: &str) -> Option<OrgKind> {
        match self.entries.get(id)?.detail {
            Detail::Organization(kind) => Some(kind),
            _ => None,
        }
    }

    /// The date and status of the event with this id.
    pub fn event(&self, id: &str) -> Option<&EventOutline> {
        match &self.entries.get(id)?.detail {
            Detail::Event(outline) => Some(outline),
            _ => None,
        }
    }
}

impl Entry {
    fn of(record: RecordRef<'_>, source: &SourceText) -> Entry {
        let texts = |list: &[crate::facts::Text]| -> Box<[String]> {
            list.iter().map(|t| t.get_ref().clone()).collect()
        };
        let parent = |field: &'static str, parent: &Option<crate::facts::Text>| {
            parent.as_ref().map(|p| {
                let (line, column) = source.position(p.span().start);
                Box::new(Parent {
                    id: p.get_ref().clone(),
                    field,
                    line,
                    column,
                })
            })
        };
        let own = |name: &crate::facts::Text| Name::Own(name.get_ref().clone());
        let (line, _) = source.position(record.id().span().start);
        let mut entry = Entry {
            kind: record.kind(),
            line,
            name: Name::Own(String::new()),
            alt_names: Box::default(),
            detail: Detail::None,
            parent: None,
        };
        match record {
            RecordRef::Organization(o) => {
                entry.name = own(&o.name);
                entry.alt_names = texts(&o.alt_names);
                entry.detail = Detail::Organization(*o.kind.get_ref());
                entry.parent = parent("part_of", &o.part_of);
            }
            RecordRef::Person(p) => {
                entry.name = own(&p.name);
                entry.alt_names = texts(&p.alt_names);
            }
            RecordRef::Post(p) => {
                entry.name = Name::Post {
                    role: p.role.get_ref().clone(),
                    organization: p.organization.get_ref().clone(),
                };
            }
            RecordRef::Place(p) => {
                entry.name = own(&p.name);
                entry.parent = parent("within", &p.within);
            }
            RecordRef::Artifact(a) => entry.name = own(&a.name),
            RecordRef::Dimension(d) => entry.name = own(&d.name),
            RecordRef::Event(e) => {
                entry.name = own(&e.name);
                entry.detail = Detail::Event(EventOutline {
                    date: *e.date.get_ref(),
                    status: e.status.as_ref().map(|s| *s.get_ref()),
                    relative: e.relative.is_some(),
                });
                entry.parent = parent("part_of", &e.part_of);
            }
            RecordRef::Relation(r) => {
                entry.name = Name::Relation {
                    subject: r.subject.get_ref().clone(),
                    kind: *r.kind.get_ref(),
                    objects: texts(&r.object.0),
                };
            }
            RecordRef::Service(s) => entry.name = own(&s.name),
            RecordRef::Measure(m) => entry.name = own(&m.name),
            RecordRef::Offer(o) => entry.name = own(&o.name),
            RecordRef::Quote(q) => {
                entry.name = Name::Quote {
                    speaker: q.speaker.get_ref().clone(),
                };
            }
            RecordRef::Claim(c) => entry.name = own(&c.text),
        }
        entry
    }
}
