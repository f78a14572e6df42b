//! What several facts files say about the same ids: the entities they share
//! ([`Corpus::entities`]) and where they contradict each other ([`Corpus::conflicts`]).
//!
//! An id names one entity across articles, so two files that use it must agree on what it
//! is: the same kind of record, compatible kinds of organization (a `formal` organization
//! may be called an `organization` elsewhere, a `unit` a `business-line`), and for a person
//! a name in common (names compare ignoring case and word order, since "Lin Wan" and
//! "Wan Lin" are one name written in two orders).

use crate::diagnostic::{Diagnostic, SourceText};
use crate::facts::Facts;
use crate::facts::{Kind, OrgKind, RecordRef, Text};
use crate::text::words::unordered;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// An entity id and what the articles that use it say it is.
#[derive(Debug, Clone)]
pub struct Entity {
    /// The id, the same in every article.
    pub id: String,
    /// The kind of record, as first declared.
    pub kind: Kind,
    /// For an organization, what kind, as first declared.
    pub org_kind: Option<OrgKind>,
    /// The names the articles give it, each once, in the order met.
    pub names: Vec<String>,
    /// The other names, each once, in the order met.
    pub alt_names: Vec<String>,
    /// The ids of the articles that declare it, in the order met.
    pub articles: Vec<String>,
    /// For an organization, the organization it is part of, as first given.
    pub part_of: Option<String>,
    /// Whether some article names it: `false` for a person only ever an unnamed source.
    pub named: bool,
    first: First,
}

impl Entity {
    /// An entity known from elsewhere than a facts file (a store): `id` of `kind`, named
    /// `names[0]`, with no position to report a conflict at.
    pub fn known(id: String, kind: Kind, names: Vec<String>) -> Entity {
        Entity {
            id,
            kind,
            org_kind: None,
            named: !names.is_empty(),
            names,
            alt_names: Vec::new(),
            articles: Vec::new(),
            part_of: None,
            first: First::default(),
        }
    }

    /// Its name as the first article that declares it gives it.
    pub fn name(&self) -> &str {
        &self.names[0]
    }

    /// Its names, then its other names.
    pub fn all_names(&self) -> impl Iterator<Item = &String> {
        self.names.iter().chain(&self.alt_names)
    }
}

/// Where an entity was first declared: its id, kind and name.
#[derive(Debug, Clone, Default)]
struct First {
    id: (String, usize, usize),
    kind: Option<(String, usize, usize)>,
    name: (String, usize, usize),
    names: Vec<String>,
}

/// The entities of several facts files, and their conflicts.
#[derive(Debug, Default)]
pub struct Corpus {
    entities: BTreeMap<String, Entity>,
    conflicts: Vec<Diagnostic>,
    files: usize,
}

impl Corpus {
    /// An empty corpus.
    pub fn new() -> Corpus {
        Corpus::default()
    }

    /// The entities of these checked facts files, added in this order.
    pub fn from_facts<'a>(all: impl IntoIterator<Item = &'a Facts>) -> Corpus {
        let mut corpus = Corpus::new();
        for facts in all {
            corpus.add(facts);
        }
        corpus
    }

    /// Every `*.toml` facts file in `dir`, read in name order; an unreadable or invalid file is
    /// an error naming it.
    pub fn read_dir(dir: &Path) -> crate::Result<Corpus> {
        let entries = std::fs::read_dir(dir).map_err(|source| crate::Error::Read {
            what: "corpus directory",
            path: dir.to_owned(),
            source,
        })?;
        let mut paths: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "toml") && p.is_file())
            .collect();
        paths.sort();
        let mut corpus = Corpus::new();
        for path in &paths {
            corpus.add(&Facts::read(path)?);
        }
        Ok(corpus)
    }

    /// How many facts files were added.
    pub fn files(&self) -> usize {
        self.files
    }

    /// Adds the entities of one facts file (or of one piece of it: [`crate::facts::Pieces`]),
    /// noting each conflict with an earlier file.
    pub fn add(&mut self, facts: &Facts) {
        self.files += usize::from(facts.holds_article());
        let source = facts.source();
        let article = facts.article_id().to_owned();
        for record in facts.records().filter(|r| r.kind().is_entity()) {
            let id = record.id().get_ref().clone();
            let name_text = name_of(record);
            let names = all_names(facts, record);
            let at = |text: &Text| place(source, text);
            let org_kind = match record {
                RecordRef::Organization(o) => Some(o.kind.clone()),
                _ => None,
            };
            let part_of = match record {
                RecordRef::Organization(o) => o.part_of.as_ref().map(|p| p.get_ref().clone()),
                _ => None,
            };
            let named = !matches!(record, RecordRef::Person(p) if p.anonymous);
            let Some(entity) = self.entities.get_mut(&id) else {
                self.entities.insert(
                    id.clone(),
                    Entity {
                        id: id.clone(),
                        kind: record.kind(),
                        org_kind: org_kind.as_ref().map(|k| *k.get_ref()),
                        names: vec![facts.name(&id)],
                        alt_names: facts.alt_names(&id).to_vec(),
                        articles: vec![article.clone()],
                        part_of,
                        named,
                        first: First {
                            id: at(record.id()),
                            kind: org_kind.as_ref().map(|k| {
                                let (l, c) = source.position(k.span().start);
                                (source.name().to_owned(), l, c)
                            }),
                            name: name_text.map_or_else(|| at(record.id()), at),
                            names,
                        },
                    },
                );
                continue;
            };
            let here = |text: &Text| source.error(text.span(), String::new());
            let conflict = if entity.kind != record.kind() {
                Some((
                    here(record.id()),
                    format!(
                        "`{id}` is a [[{}]] here but a [[{}]] in {}",
                        record.kind().table(),
                        entity.kind.table(),
                        show(&entity.first.id)
                    ),
                ))
            } else if let (Some(first), Some(kind), Some(first_at)) =
                (entity.org_kind, &org_kind, &entity.first.kind)
            {
                (!compatible(first, *kind.get_ref())).then(|| {
                    let (l, c) = source.position(kind.span().start);
                    (
                        Diagnostic {
                            file: source.name().to_owned(),
                            line: l,
                            column: c,
                            message: String::new(),
                        },
                        format!(
                            "organization `{id}` is {} here but {} in {}",
                            org_kind_name(*kind.get_ref()),
                            org_kind_name(first),
                            show(first_at)
                        ),
                    )
                })
            } else if record.kind() == Kind::Person
                && !names.iter().any(|n| entity.first.names.contains(n))
            {
                Some((
                    name_text.map_or_else(|| here(record.id()), here),
                    format!(
                        "person `{id}` is named \"{}\" here but \"{}\" in {}",
                        facts.name(&id),
                        entity.names[0],
                        show(&entity.first.name)
                    ),
                ))
            } else {
                None
            };
            if let Some((mut diagnostic, message)) = conflict {
                diagnostic.message = message;
                self.conflicts.push(diagnostic);
            }
            let name = facts.name(&id);
            if !entity.names.contains(&name) {
                entity.names.push(name);
            }
            for alt in facts.alt_names(&id) {
                if !entity.alt_names.contains(alt) {
                    entity.alt_names.push(alt.clone());
                }
            }
            entity.named |= named;
            if entity.part_of.is_none() {
                entity.part_of = part_of;
            }
            if !entity.articles.contains(&article) {
                entity.articles.push(article.clone());
            }
        }
    }

    /// Every entity, by id.
    pub fn entities(&self) -> impl Iterator<Item = &Entity> {
        self.entities.values()
    }

    /// One line per conflict: at the later declaration, naming the earlier one.
    pub fn conflicts(&self) -> &[Diagnostic] {
        &self.conflicts
    }
}

/// The `name` field of a record that has one.
fn name_of(record: RecordRef<'_>) -> Option<&Text> {
    match record {
        RecordRef::Organization(o) => Some(&o.name),
        RecordRef::Person(p) => Some(&p.name),
        RecordRef::Place(p) => Some(&p.name),
        RecordRef::Artifact(a) => Some(&a.name),
        RecordRef::Dimension(d) => Some(&d.name),
        RecordRef::Event(e) => Some(&e.name),
        _ => None,
    }
}

/// A record's name and other names, each lowercased with its words sorted.
fn all_names(facts: &Facts, record: RecordRef<'_>) -> Vec<String> {
    let id = record.id().get_ref();
    std::iter::once(facts.name(id))
        .chain(facts.alt_names(id).iter().cloned())
        .map(|n| unordered(&n))
        .collect()
}

/// Whether one entity may be declared as both kinds of organization.
fn compatible(a: OrgKind, b: OrgKind) -> bool {
    use OrgKind::*;
    let family = |k| match k {
        Formal | Organization | BusinessGroup => 0,
        Unit | BusinessLine => 1,
        Group => 2,
    };
    family(a) == family(b)
}

/// An organization kind as written in a facts file (`business-line`).
pub fn org_kind_name(kind: OrgKind) -> &'static str {
    match kind {
        OrgKind::Formal => "formal",
        OrgKind::Organization => "organization",
        OrgKind::Unit => "unit",
        OrgKind::BusinessLine => "business-line",
        OrgKind::Group => "group",
        OrgKind::BusinessGroup => "business-group",
    }
}

fn place(source: &SourceText, text: &Text) -> (String, usize, usize) {
    let (line, column) = source.position(text.span().start);
    (source.name().to_owned(), line, column)
}

fn show((file, line, column): &(String, usize, usize)) -> String {
    format!("{file}:{line}:{column}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn organization_kinds_compatible_by_family() {
        assert!(compatible(OrgKind::Formal, OrgKind::Organization));
        assert!(!compatible(OrgKind::Formal, OrgKind::Unit));
    }
}
