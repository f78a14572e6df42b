//! The names of a corpus's known entities, found in a text.
//!
//! Built from a [`Corpus`] of facts files: every organization and named person is known by
//! its id, name and other names. Names are matched case-sensitively on word boundaries, longest first, with an
//! Aho-Corasick automaton; a two-word person name also matches with its words swapped
//! ("Wan Lin" for "Lin Wan"). Lowercase names ("external clients") are not matched: they are
//! descriptions, not names.

use crate::facts::Kind;
use crate::facts::corpus::{Corpus, Entity};
use crate::text::words::{org_key, swapped};
use aho_corasick::{AhoCorasick, MatchKind};
use std::ops::Range;

/// How a name in the text matched a known entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum How {
    /// By its main name.
    Name,
    /// By one of its other names.
    AltName,
    /// By a person's name with its two words swapped.
    Swapped,
    /// By its id, written out as words.
    Id,
    /// By its name's distinctive words.
    Key,
}

/// One match of a known name in the text.
#[derive(Debug, Clone)]
pub struct Hit {
    /// Byte range in the text.
    pub at: Range<usize>,
    /// Index of the entity in [`KnownNames::known`].
    pub known: usize,
    /// Which name matched.
    pub how: How,
}

/// The names of a corpus's known entities, ready to be found in a text.
#[derive(Debug, Default)]
pub struct KnownNames {
    /// The organizations and named people, by id order.
    pub known: Vec<Entity>,
    patterns: Vec<(usize, How)>,
    matcher: Option<AhoCorasick>,
}

impl KnownNames {
    /// No known entities.
    pub fn empty() -> KnownNames {
        KnownNames::default()
    }

    /// The organizations and named people of a corpus, each with every name and other name
    /// its articles give it.
    pub fn new(corpus: &Corpus) -> KnownNames {
        KnownNames::of(corpus.entities().cloned())
    }

    /// The named organizations and people among `entities` (from a corpus, a store, or
    /// both: an id met again is skipped).
    pub fn of(entities: impl IntoIterator<Item = Entity>) -> KnownNames {
        let mut ids = std::collections::HashSet::new();
        let known = entities
            .into_iter()
            .filter(|e| e.named && matches!(e.kind, Kind::Organization | Kind::Person))
            .filter(|e| ids.insert(e.id.clone()))
            .collect();
        KnownNames::index(known)
    }

    /// These entities, their names gathered into one automaton.
    fn index(known: Vec<Entity>) -> KnownNames {
        let mut names: Vec<String> = Vec::new();
        let mut patterns = Vec::new();
        let mut add = |name: &str, i: usize, how: How| {
            let proper = name.chars().next().is_some_and(|c| !c.is_lowercase());
            if proper && name.chars().count() > 1 && !names.iter().any(|n| n == name) {
                names.push(name.to_owned());
                patterns.push((i, how));
            }
        };
        for (i, k) in known.iter().enumerate() {
            add(k.name(), i, How::Name);
            for alt in k.all_names().skip(1) {
                add(alt, i, How::AltName);
            }
        }
        // Swapped person names come last, so a real name always wins.
        for (i, k) in known.iter().enumerate() {
            if k.org_kind.is_none() {
                for name in k.all_names() {
                    if let Some(other) = swapped(name) {
                        add(&other, i, How::Swapped);
                    }
                }
            }
        }
        let matcher = (!names.is_empty()).then(|| {
            AhoCorasick::builder()
                .match_kind(MatchKind::LeftmostLongest)
                .build(&names)
                .expect("names make a valid automaton")
        });
        KnownNames {
            known,
            patterns,
            matcher,
        }
    }

    /// The known entity with this id.
    pub fn get(&self, id: &str) -> Option<&Entity> {
        self.known.iter().find(|k| k.id == id)
    }

    /// The known entity whose name or other name is `name`, ignoring case.
    pub fn by_name(&self, name: &str) -> Option<&Entity> {
        let name = name.to_lowercase();
        self.known
            .iter()
            .find(|k| k.all_names().any(|n| n.to_lowercase() == name))
    }

    /// The known organization whose name or other name has the same key as `name`: the same
    /// words once case, `and`, `of`, `the` and words like Group, Business, Inc. or division
    /// are set aside ("Taobao Tmall Business Group" and "Taobao and Tmall Group").
    pub fn by_key(&self, name: &str) -> Option<&Entity> {
        let wanted = org_key(name);
        if wanted.is_empty() {
            return None;
        }
        self.known
            .iter()
            .filter(|k| k.org_kind.is_some())
            .find(|k| k.all_names().any(|n| org_key(n) == wanted))
    }

    /// The known unit whose name shares most of its words with `name` and ends in the same
    /// noun ("domestic e-commerce supply chain solutions team" and "domestic supply chain
    /// solutions team"): at least three words in four in common.
    pub fn by_words(&self, name: &str) -> Option<&Entity> {
        let words =
            |s: &str| -> Vec<String> { s.split_whitespace().map(str::to_lowercase).collect() };
        let wanted = words(name);
        let last = wanted.last()?;
        self.known
            .iter()
            .filter(|k| k.org_kind.is_some())
            .find(|k| {
                k.all_names().any(|n| {
                    let have = words(n);
                    if have.last() != Some(last) {
                        return false;
                    }
                    let common = wanted.iter().filter(|w| have.contains(w)).count();
                    let all = wanted.len() + have.len() - common;
                    common * 4 >= all * 3
                })
            })
    }

    /// Every known name in `text[range]`, longest first where they overlap, on word
    /// boundaries.
    pub fn hits(&self, text: &str, range: Range<usize>) -> Vec<Hit> {
        let Some(matcher) = &self.matcher else {
            return Vec::new();
        };
        let boundary = |at: usize| {
            let before = text[..at].chars().next_back();
            let after = text[at..].chars().next();
            !(before.is_some_and(char::is_alphanumeric) && after.is_some_and(char::is_alphanumeric))
        };
        // Names wrapped across lines match too; the replacement keeps every byte offset.
        let flat = text[range.clone()].replace(['\n', '\r', '\t'], " ");
        matcher
            .find_iter(&flat)
            .map(|m| (range.start + m.start()..range.start + m.end(), m.pattern()))
            .filter(|(at, _)| boundary(at.start) && boundary(at.end))
            .map(|(at, p)| {
                let (known, how) = self.patterns[p.as_usize()];
                Hit { at, known, how }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn corpus() -> KnownNames {
        let toml = r#"
[article]
id = "a"
title = "A"
publisher = "alibaba"
language = "en"
published = "unknown"
evidence = "A"

[[organization]]
id = "alibaba"
name = "Alibaba Group"
alt_names = ["Alibaba", "external clients"]
kind = "formal"
evidence = "A"

[[person]]
id = "lin-wan"
name = "Lin Wan"
evidence = "A"

[[person]]
id = "employee"
name = "Employee"
anonymous = true
evidence = "A"
"#;
        let facts = crate::Facts::parse(crate::diagnostic::SourceText::new("a.toml", toml))
            .expect("valid facts");
        KnownNames::new(&Corpus::from_facts([&facts]))
    }

    #[test]
    fn names_match_longest_on_word_boundaries_and_swapped() {
        let c = corpus();
        let text = "Wan Lin joined Alibaba Group; Alibabas and external clients did not.";
        let hits = c.hits(text, 0..text.len());
        let found: Vec<(&str, &str, How)> = hits
            .iter()
            .map(|h| (&text[h.at.clone()], c.known[h.known].id.as_str(), h.how))
            .collect();
        assert_eq!(
            found,
            [
                ("Wan Lin", "lin-wan", How::Swapped),
                ("Alibaba Group", "alibaba", How::Name)
            ]
        );
        let ids: Vec<&str> = c.known.iter().map(|k| k.id.as_str()).collect();
        assert_eq!(
            ids,
            ["alibaba", "lin-wan"],
            "unnamed sources are not known names"
        );
    }
}
