//! The entities a draft proposes and where the text mentions them: adding an entity (keeping
//! the corpus's id when the corpus knows its name), looking mentions up, and the sentences with
//! their names masked for the patterns of posts and relations.

use super::ids::{Ids, slug};
use super::segment::Doc;
use super::{Entity, EntityKind, Stub};
use crate::facts::corpus::Entity as Known;
use crate::text::words::org_key;
use std::collections::BTreeMap;
use std::ops::Range;

/// One mention of a proposed entity in the text.
#[derive(Debug, Clone)]
pub struct Mention {
    /// Byte range of the name, without a possessive `'s`.
    pub at: Range<usize>,
    /// Index in [`Found::entities`].
    pub entity: usize,
}

/// The entities found, their mentions, and the names left to a person.
#[derive(Debug, Default)]
pub struct Found {
    /// Proposed organizations and people, in order of first mention.
    pub entities: Vec<Entity>,
    /// Every mention, in text order.
    pub mentions: Vec<Mention>,
    /// Names of unclear kind, as stubs.
    pub stubs: Vec<Stub>,
    /// Ids in use.
    pub ids: Ids,
    /// The corpus's entities, for names added after the search.
    pub known: Vec<Known>,
}

impl Found {
    /// The mentions within `range`, in text order.
    pub fn mentions_in(&self, range: Range<usize>) -> impl Iterator<Item = &Mention> {
        let first = self.mentions.partition_point(|m| m.at.start < range.start);
        self.mentions[first..]
            .iter()
            .take_while(move |m| m.at.end <= range.end)
    }

    /// The entity of a mention.
    pub fn entity(&self, m: &Mention) -> &Entity {
        &self.entities[m.entity]
    }

    /// The organization mentioned most often (the article's subject), if any.
    pub fn main_org(&self, doc: &Doc) -> Option<usize> {
        let mut counts: BTreeMap<usize, usize> = BTreeMap::new();
        for m in &self.mentions {
            // Not the wire service a dateline credits in brackets.
            let bracketed = doc.text[..m.at.start].ends_with('(');
            if !self.entities[m.entity].kind.is_person() && !bracketed {
                // The first organization named, the lead's subject, counts thrice.
                let weight = if counts.is_empty() { 3 } else { 1 };
                *counts.entry(m.entity).or_default() += weight;
            }
        }
        counts
            .into_iter()
            .max_by_key(|&(i, n)| (n, std::cmp::Reverse(i)))
            .map(|(i, _)| i)
    }

    /// The organization named last before `start` in its paragraph, if any.
    pub fn named_before(&self, doc: &Doc, start: usize) -> Option<usize> {
        self.mentions
            .iter()
            .rev()
            .filter(|m| m.at.end <= start)
            .take_while(|m| !doc.text[m.at.end..start].contains("\n\n"))
            .find(|m| !self.entity(m).kind.is_person())
            .map(|m| m.entity)
    }

    /// The entity whose name or other name is `name`.
    pub fn by_name(&self, name: &str) -> Option<usize> {
        self.entities
            .iter()
            .position(|e| e.name == name || e.alt_names.iter().any(|a| a == name))
    }

    /// Adds a new entity (or returns the one of that name) first mentioned at `at`.
    pub fn add(
        &mut self,
        doc: &Doc,
        name: &str,
        kind: EntityKind,
        at: Range<usize>,
        why: String,
    ) -> usize {
        if let Some(i) = self.by_name(name) {
            return i;
        }
        // A name the corpus knows keeps the corpus's id.
        let lower = name.to_lowercase();
        let known = self.known.iter().find(|k| {
            k.org_kind.is_some() != kind.is_person()
                && k.all_names().any(|n| {
                    n.to_lowercase() == lower || (!kind.is_person() && org_key(n) == org_key(name))
                })
        });
        if let Some(k) = known.cloned() {
            if let Some(i) = self.entities.iter().position(|e| e.id == k.id) {
                return i;
            }
            let why = format!("{why}; known in the corpus as {}", k.id);
            let evidence = doc.evidence(at.clone());
            self.entities
                .push(reused(&k, Some(name), kind, why, evidence, at));
            return self.entities.len() - 1;
        }
        let base = match kind {
            EntityKind::Person { .. } => name,
            EntityKind::Organization(_) => super::ids::without_legal_form(name),
        };
        let id = self.ids.fresh(&slug(base, "entity"));
        self.entities.push(Entity {
            id,
            name: name.to_owned(),
            alt_names: Vec::new(),
            kind,
            reused: false,
            part_of: None,
            why,
            evidence: doc.evidence(at.clone()),
            first: at,
            also: Vec::new(),
        });
        self.entities.len() - 1
    }

    /// Records a mention and keeps mentions in text order.
    pub fn mention(&mut self, at: Range<usize>, entity: usize) {
        let i = self.mentions.partition_point(|m| m.at.start < at.start);
        if self.mentions.get(i).is_some_and(|m| m.at == at) {
            return;
        }
        self.mentions.insert(i, Mention { at, entity });
    }
}

impl Found {
    /// Puts the entities in order of first mention.
    pub fn sort(&mut self) {
        let mut order: Vec<usize> = (0..self.entities.len()).collect();
        order.sort_by_key(|&i| self.entities[i].first.start);
        let mut new_index = vec![0; order.len()];
        for (new, &old) in order.iter().enumerate() {
            new_index[old] = new;
        }
        let mut entities: Vec<Option<Entity>> = self.entities.drain(..).map(Some).collect();
        self.entities = order
            .iter()
            .map(|&i| entities[i].take().expect("each once"))
            .collect();
        for m in &mut self.mentions {
            m.entity = new_index[m.entity];
        }
    }

    /// The sentence with each mention replaced by `«P3»` (a person, mention 3) or `«O3»` (an
    /// organization), for patterns over names.
    pub fn masked(&self, doc: &Doc, sentence: Range<usize>) -> String {
        let first = self
            .mentions
            .partition_point(|m| m.at.start < sentence.start);
        let mut out = String::new();
        let mut at = sentence.start;
        let mut i = first;
        while i < self.mentions.len() && self.mentions[i].at.start < sentence.end {
            // Of mentions starting together, the longest.
            let mut best = i;
            while i + 1 < self.mentions.len()
                && self.mentions[i + 1].at.start == self.mentions[best].at.start
            {
                i += 1;
                if self.mentions[i].at.end > self.mentions[best].at.end {
                    best = i;
                }
            }
            let m = &self.mentions[best];
            i += 1;
            if m.at.start < at || m.at.end > sentence.end {
                continue;
            }
            out.push_str(&doc.text[at..m.at.start]);
            let letter = if self.entities[m.entity].kind.is_person() {
                'P'
            } else {
                'O'
            };
            out.push_str(&format!("«{letter}{best}»"));
            at = m.at.end;
        }
        out.push_str(&doc.text[at..sentence.end]);
        super::roles::titles_in_lowercase(out.split_whitespace().collect::<Vec<_>>().join(" "))
    }
}

/// A draft entity for an entity the corpus knows, keeping its id, name and parent: `written`
/// is how this text names it (kept as an other name when it differs), `kind` its kind if the
/// corpus does not say it is an organization.
pub fn reused(
    known: &Known,
    written: Option<&str>,
    kind: EntityKind,
    why: String,
    evidence: String,
    at: Range<usize>,
) -> Entity {
    Entity {
        id: known.id.clone(),
        name: known.name().to_owned(),
        alt_names: written
            .filter(|w| *w != known.name())
            .map(|w| vec![w.to_owned()])
            .unwrap_or_default(),
        kind: match known.org_kind {
            Some(org) => EntityKind::Organization(org),
            None => kind,
        },
        reused: true,
        part_of: known.part_of.clone(),
        why,
        evidence,
        first: at,
        also: Vec::new(),
    }
}
