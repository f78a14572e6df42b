//! The known entities of a corpus of facts files, and finding their names in a text.
//!
//! Every organization and named person of every facts file is known by its id, name and
//! other names. Names are matched case-sensitively on word boundaries, longest first, with an
//! Aho-Corasick automaton; a two-word person name also matches with its words swapped
//! ("Wan Lin" for "Lin Wan"). Lowercase names ("external clients") are not matched: they are
//! descriptions, not names.

use crate::facts::{Facts, OrgKind};
use aho_corasick::{AhoCorasick, MatchKind};
use std::collections::BTreeMap;
use std::ops::Range;
use std::path::{Path, PathBuf};

/// An entity the corpus already has.
#[derive(Debug, Clone)]
pub struct Known {
    /// Its id, shared by every facts file that names it.
    pub id: String,
    /// Its main name.
    pub name: String,
    /// Its other names.
    pub alt_names: Vec<String>,
    /// The organization kind, or `None` for a person.
    pub org: Option<OrgKind>,
    /// The organization it is part of.
    pub part_of: Option<String>,
}

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
    /// Index of the entity in [`Corpus::known`].
    pub known: usize,
    /// Which name matched.
    pub how: How,
}

/// The known entities of a set of facts files.
#[derive(Debug, Default)]
pub struct Corpus {
    /// The entities, by id order.
    pub known: Vec<Known>,
    /// The facts files read, for messages.
    pub files: Vec<PathBuf>,
    patterns: Vec<(usize, How)>,
    matcher: Option<AhoCorasick>,
}

impl Corpus {
    /// No known entities.
    pub fn empty() -> Corpus {
        Corpus::default()
    }

    /// Every `*.toml` facts file in `dir`, in name order; an unreadable or invalid file is an
    /// error naming it.
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
        let mut facts = Vec::new();
        for path in &paths {
            facts.push(Facts::read(path)?);
        }
        let mut corpus = Corpus::from_facts(facts.iter());
        corpus.files = paths;
        Ok(corpus)
    }

    /// The entities of these checked facts files; an id named in several files gathers all
    /// their names.
    pub fn from_facts<'a>(all: impl IntoIterator<Item = &'a Facts>) -> Corpus {
        let mut by_id: BTreeMap<String, Known> = BTreeMap::new();
        for facts in all {
            let f = facts.file();
            let orgs = f.organizations.iter().map(|o| {
                (
                    &o.id,
                    &o.name,
                    &o.alt_names,
                    Some(*o.kind.get_ref()),
                    o.part_of.as_ref().map(|p| p.get_ref().clone()),
                )
            });
            let people = f
                .people
                .iter()
                .filter(|p| !p.anonymous)
                .map(|p| (&p.id, &p.name, &p.alt_names, None, None));
            for (id, name, alt, org, part_of) in orgs.chain(people) {
                let entry = by_id.entry(id.get_ref().clone()).or_insert_with(|| Known {
                    id: id.get_ref().clone(),
                    name: name.get_ref().clone(),
                    alt_names: Vec::new(),
                    org,
                    part_of: part_of.clone(),
                });
                for n in std::iter::once(name).chain(alt.iter()) {
                    let n = n.get_ref();
                    if *n != entry.name && !entry.alt_names.contains(n) {
                        entry.alt_names.push(n.clone());
                    }
                }
                if entry.part_of.is_none() {
                    entry.part_of = part_of;
                }
            }
        }
        Corpus::new(by_id.into_values().collect())
    }

    /// A corpus of these entities.
    pub fn new(known: Vec<Known>) -> Corpus {
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
            add(&k.name, i, How::Name);
            for alt in &k.alt_names {
                add(alt, i, How::AltName);
            }
        }
        // Swapped person names come last, so a real name always wins.
        for (i, k) in known.iter().enumerate() {
            if k.org.is_none() {
                for name in std::iter::once(&k.name).chain(&k.alt_names) {
                    if let Some(swapped) = swap(name) {
                        add(&swapped, i, How::Swapped);
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
        Corpus {
            known,
            files: Vec::new(),
            patterns,
            matcher,
        }
    }

    /// The known entity with this id.
    pub fn get(&self, id: &str) -> Option<&Known> {
        self.known.iter().find(|k| k.id == id)
    }

    /// The known entity whose name or other name is `name`, ignoring case.
    pub fn by_name(&self, name: &str) -> Option<&Known> {
        let name = name.to_lowercase();
        self.known.iter().find(|k| {
            std::iter::once(&k.name)
                .chain(&k.alt_names)
                .any(|n| n.to_lowercase() == name)
        })
    }

    /// The known organization whose name or other name has the same key as `name`: the same
    /// words once case, `and`, `of`, `the` and words like Group, Business, Inc. or division
    /// are set aside ("Taobao Tmall Business Group" and "Taobao and Tmall Group").
    pub fn by_key(&self, name: &str) -> Option<&Known> {
        let wanted = key(name);
        if wanted.is_empty() {
            return None;
        }
        self.known.iter().filter(|k| k.org.is_some()).find(|k| {
            std::iter::once(&k.name)
                .chain(&k.alt_names)
                .any(|n| key(n) == wanted)
        })
    }

    /// The known unit whose name shares most of its words with `name` and ends in the same
    /// noun ("domestic e-commerce supply chain solutions team" and "domestic supply chain
    /// solutions team"): at least three words in four in common.
    pub fn by_words(&self, name: &str) -> Option<&Known> {
        let words =
            |s: &str| -> Vec<String> { s.split_whitespace().map(str::to_lowercase).collect() };
        let wanted = words(name);
        let last = wanted.last()?;
        self.known.iter().filter(|k| k.org.is_some()).find(|k| {
            std::iter::once(&k.name).chain(&k.alt_names).any(|n| {
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

/// Words a name can gain or lose and stay the same organization's.
const KEY_STOP: &[&str] = &[
    "and",
    "&",
    "of",
    "the",
    "business",
    "group",
    "holdings",
    "holding",
    "inc",
    "inc.",
    "ltd",
    "ltd.",
    "limited",
    "co",
    "co.",
    "corp",
    "corp.",
    "corporation",
    "company",
    "division",
    "unit",
    "team",
];

/// The words that tell an organization's name apart, lowercase: "taobao tmall".
pub fn key(name: &str) -> String {
    name.split_whitespace()
        .map(|w| {
            w.trim_end_matches("'s")
                .trim_end_matches("’s")
                .to_lowercase()
        })
        .filter(|w| !KEY_STOP.contains(&w.as_str()))
        .collect::<Vec<_>>()
        .join(" ")
}

/// "Lin Wan" → "Wan Lin": a two-word name with its words swapped.
pub fn swap(name: &str) -> Option<String> {
    let words: Vec<&str> = name.split_whitespace().collect();
    match words.as_slice() {
        [a, b] if a.chars().next()?.is_uppercase() && b.chars().next()?.is_uppercase() => {
            Some(format!("{b} {a}"))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn corpus() -> Corpus {
        Corpus::new(vec![
            Known {
                id: "lin-wan".into(),
                name: "Lin Wan".into(),
                alt_names: vec![],
                org: None,
                part_of: None,
            },
            Known {
                id: "alibaba".into(),
                name: "Alibaba Group".into(),
                alt_names: vec!["Alibaba".into(), "external clients".into()],
                org: Some(OrgKind::Formal),
                part_of: None,
            },
        ])
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
    }
}
