//! Facts files: reading one, checking it, and looking records up by id.
//!
//! Reading is two steps. The TOML reader turns the text into the typed [`FactsFile`]
//! (syntax, unknown fields, bad dates and amounts are caught here, with the value's
//! position). [`Facts::parse`] then checks what types cannot: ids are well formed
//! and unique, every reference names a record of the right kind, evidence is present and
//! short.

mod check;
pub mod corpus;
mod model;
mod pieces;

pub use model::*;

use crate::diagnostic::{Diagnostic, Diagnostics, SourceText};
use crate::error::{Error, Result};
use std::collections::BTreeMap;
use std::path::Path;

/// The name the embedded article's facts file goes by in messages.
pub const EMBEDDED_NAME: &str = "data/articles/cainiao-restructuring.toml";

/// The facts file of the article newsgraph works on when given none.
pub const EMBEDDED: &str = include_str!("../../data/articles/cainiao-restructuring.toml");

/// The longest evidence quote accepted, in words: quotes point at the text, they do not
/// copy it.
pub const MAX_EVIDENCE_WORDS: usize = 40;

/// A checked facts file.
#[derive(Debug)]
pub struct Facts {
    source: SourceText,
    file: FactsFile,
    index: BTreeMap<String, (Kind, usize)>,
}

impl Facts {
    /// Reads and checks the facts file at `path`.
    pub fn read(path: &Path) -> Result<Facts> {
        let bytes = crate::text::read::bytes(path, crate::text::read::FACTS)?;
        let name = path.display().to_string();
        let text = String::from_utf8(bytes).map_err(|e| {
            let valid = e.utf8_error().valid_up_to();
            let bytes = e.as_bytes();
            let text = String::from_utf8_lossy(&bytes[..valid]).into_owned();
            let byte = bytes[valid];
            let source = SourceText::new(name.clone(), text);
            Error::Facts(Diagnostics(vec![source.error(
                valid..valid,
                format!("not UTF-8: byte 0x{byte:02X} at offset {valid}; save the file as UTF-8"),
            )]))
        })?;
        // A byte order mark is not part of the text: columns count from after it.
        let text = match text.strip_prefix('\u{feff}') {
            Some(rest) => rest.to_owned(),
            None => text,
        };
        Facts::parse(SourceText::new(name, text)).map_err(Error::Facts)
    }

    /// The embedded article's facts.
    pub fn embedded() -> Facts {
        Facts::parse(SourceText::new(EMBEDDED_NAME, EMBEDDED))
            .expect("the embedded facts file is checked by the test suite")
    }

    /// Parses and checks a facts file; every problem found is returned, one per line.
    pub fn parse(source: SourceText) -> std::result::Result<Facts, Diagnostics> {
        let file: FactsFile = pieces::read(source.text()).map_err(|e| {
            let span = e.span().unwrap_or(0..0);
            let mut message = e.message().trim_end().replace('\n', " ");
            if message == "duplicate key" {
                let key = source.text().get(span.clone()).unwrap_or_default();
                let key = key.split(['=', '.']).next().unwrap_or_default().trim();
                message = format!("duplicate key `{key}`");
            } else if message == "wanted string or table" {
                message = not_a_word(source.text(), span.clone());
            }
            Diagnostics(vec![source.error(span, message)])
        })?;
        let mut facts = Facts {
            source,
            file,
            index: BTreeMap::new(),
        };
        let mut problems = facts.index_ids();
        check::check(&facts, &mut problems);
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

    /// The date relative times are resolved against: the original's publication date, else
    /// the article's, when one is known.
    pub fn publication_date(&self) -> Option<crate::text::values::Date> {
        let article = &self.file.article;
        let original = article.original_published.as_ref().map(|w| *w.get_ref());
        [original, Some(*article.published.get_ref())]
            .into_iter()
            .flatten()
            .find_map(|when| match when {
                crate::text::values::When::On(date) => Some(date),
                _ => None,
            })
    }

    /// The kind of the record with this id.
    pub fn kind(&self, id: &str) -> Option<Kind> {
        self.index.get(id).map(|&(kind, _)| kind)
    }

    /// The record with this id.
    pub fn record(&self, id: &str) -> Option<RecordRef<'_>> {
        let &(kind, i) = self.index.get(id)?;
        self.file.record(kind, i)
    }

    /// The event with this id.
    pub fn event(&self, id: &str) -> Option<&Event> {
        match self.record(id)? {
            RecordRef::Event(event) => Some(event),
            _ => None,
        }
    }

    /// Every record: kinds in the order of [`Kind::ALL`], file order within a kind.
    pub fn records(&self) -> impl Iterator<Item = RecordRef<'_>> {
        self.file.records()
    }

    /// A readable name for any record, used as its label.
    pub fn name(&self, id: &str) -> String {
        let Some(record) = self.record(id) else {
            return id.to_owned();
        };
        match record {
            RecordRef::Organization(o) => o.name.get_ref().clone(),
            RecordRef::Person(p) => p.name.get_ref().clone(),
            RecordRef::Post(post) => format!(
                "{} of {}",
                post.role.get_ref(),
                self.name(post.organization.get_ref())
            ),
            RecordRef::Place(p) => p.name.get_ref().clone(),
            RecordRef::Artifact(a) => a.name.get_ref().clone(),
            RecordRef::Dimension(d) => d.name.get_ref().clone(),
            RecordRef::Event(e) => e.name.get_ref().clone(),
            RecordRef::Relation(r) => {
                let objects: Vec<String> =
                    r.object.0.iter().map(|o| self.name(o.get_ref())).collect();
                format!(
                    "{} {} {}",
                    self.name(r.subject.get_ref()),
                    r.kind.get_ref().phrase(),
                    objects.join(", ")
                )
            }
            RecordRef::Service(s) => s.name.get_ref().clone(),
            RecordRef::Measure(m) => m.name.get_ref().clone(),
            RecordRef::Offer(o) => o.name.get_ref().clone(),
            RecordRef::Quote(q) => format!("quote of {}", self.name(q.speaker.get_ref())),
            RecordRef::Claim(c) => c.text.get_ref().clone(),
        }
    }

    /// The other names the text uses for a record (organizations and people have them).
    pub fn alt_names(&self, id: &str) -> &[Text] {
        match self.record(id) {
            Some(RecordRef::Organization(o)) => &o.alt_names,
            Some(RecordRef::Person(p)) => &p.alt_names,
            _ => &[],
        }
    }

    /// The ids of the entities (not statements) whose id, name or other name is `query`,
    /// ignoring case.
    pub fn find_entities(&self, query: &str) -> Vec<String> {
        let query = query.trim().to_lowercase();
        let is = |s: &str| s.to_lowercase() == query;
        let mut by_name = Vec::new();
        let mut by_alt_name = Vec::new();
        for record in self.records().filter(|r| r.kind().is_entity()) {
            let id = record.id().get_ref();
            if is(id) || is(&self.name(id)) {
                by_name.push(id.clone());
            } else if self.alt_names(id).iter().any(|n| is(n.get_ref())) {
                by_alt_name.push(id.clone());
            }
        }
        by_name.extend(by_alt_name);
        by_name
    }

    /// Indexes every record by id; returns the ids that are malformed or used twice.
    fn index_ids(&mut self) -> Vec<Diagnostic> {
        let mut problems = Vec::new();
        check::id_syntax(&self.source, &self.file.article.id, &mut problems);
        let mut position: BTreeMap<Kind, usize> = BTreeMap::new();
        for record in self.file.records() {
            let (id, kind) = (record.id(), record.kind());
            let index = position.entry(kind).or_default();
            let offset = *index;
            *index += 1;
            check::id_syntax(&self.source, id, &mut problems);
            if let Some(&(first_kind, first)) = self.index.get(id.get_ref()) {
                let first = self.file.record(first_kind, first).expect("indexed");
                let (line, _) = self.source.position(first.id().span().start);
                problems.push(self.source.error(
                    id.span(),
                    format!(
                        "duplicate id \"{}\" (first used on line {line})",
                        id.get_ref()
                    ),
                ));
                continue;
            }
            self.index.insert(id.get_ref().clone(), (kind, offset));
        }
        problems
    }
}

/// The message for a value where a field takes one of its words (`kind = 42`): the TOML
/// reader says only "wanted string or table", so the field and the value are read back from
/// the text at `span`.
fn not_a_word(text: &str, span: std::ops::Range<usize>) -> String {
    let line_start = text[..span.start].rfind('\n').map_or(0, |i| i + 1);
    let key = text[line_start..span.start]
        .split('=')
        .next()
        .unwrap_or_default()
        .trim();
    let value = text.get(span).unwrap_or_default().trim();
    let what = match value.chars().next() {
        Some('[') => "a list",
        Some('{') => "a table",
        Some('t' | 'f') => "a boolean",
        Some(c) if c.is_ascii_digit() || c == '-' || c == '+' => "a number",
        _ => "a value of another type",
    };
    format!("`{key}` takes one of its words as a string in double quotes, not {what}: {value}")
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

    #[test]
    fn every_kind_is_listed_once_in_file_order() {
        let facts = Facts::embedded();
        let kinds: Vec<Kind> = facts.records().map(|r| r.kind()).collect();
        let mut sorted = kinds.clone();
        sorted.sort();
        assert_eq!(kinds, sorted);
        assert_eq!(Kind::from_table("relation"), Some(Kind::Relation));
        assert_eq!(Kind::ALL.len(), 13);
    }
}
