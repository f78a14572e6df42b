//! Facts files: reading one, checking it, and looking records up by id.
//!
//! Reading is two steps. The TOML reader turns the text into the typed [`FactsFile`]
//! (syntax, unknown fields, bad dates and amounts are caught here, with the value's
//! position). [`Facts::parse`] then checks what types cannot: ids are well formed
//! and unique, every reference names a record of the right kind, evidence is present and
//! short.
//!
//! A large file need not be held whole: [`Pieces`] reads it a piece at a time, keeping only
//! the [`Index`] of its records, and hands out each piece as [`Facts`] of its own that look
//! other records up in that index.

mod check;
pub mod corpus;
mod index;
mod model;
mod pieces;

pub use index::{EventOutline, Index};
pub use model::*;
pub use pieces::{CheckedPieces, Pieces};

use crate::diagnostic::{Diagnostic, Diagnostics, SourceText};
use crate::error::{Error, Result};
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

/// The name the embedded article's facts file goes by in messages.
pub const EMBEDDED_NAME: &str = "data/articles/cainiao-restructuring.toml";

/// The facts file of the article newsgraph works on when given none.
pub const EMBEDDED: &str = include_str!("../../data/articles/cainiao-restructuring.toml");

/// The longest evidence quote accepted, in words: quotes point at the text, they do not
/// copy it.
pub const MAX_EVIDENCE_WORDS: usize = 40;

/// A checked facts file, or one checked piece of a large one ([`Pieces`]): its records, and
/// the [`Index`] of every record of the file, which names, kinds and event dates come from.
#[derive(Debug)]
pub struct Facts {
    source: SourceText,
    file: FactsFile,
    /// This piece's records by id.
    local: BTreeMap<String, (Kind, usize)>,
    index: Arc<Index>,
    holds_article: bool,
}

impl Facts {
    /// Reads and checks the facts file at `path`, whole.
    pub fn read(path: &Path) -> Result<Facts> {
        Facts::parse(read_source(path)?).map_err(Error::Facts)
    }

    /// The embedded article's facts.
    pub fn embedded() -> Facts {
        Facts::parse(SourceText::new(EMBEDDED_NAME, EMBEDDED))
            .expect("the embedded facts file is checked by the test suite")
    }

    /// Parses and checks a facts file; every problem found is returned, one per line.
    pub fn parse(source: SourceText) -> std::result::Result<Facts, Diagnostics> {
        let file = parse_file(&source)?;
        let (index, mut problems) = Index::whole(&file, &source);
        let (facts, checked) = Facts::piece(source, file, Arc::new(index), true);
        problems.extend(checked);
        if problems.is_empty() {
            Ok(facts)
        } else {
            problems.sort_by_key(|d| (d.line, d.column));
            Err(Diagnostics(problems))
        }
    }

    /// One piece of a file whose records are all in `index`, with the problems its checks
    /// find. `holds_article` says whether the `[article]` table is this piece's own, to be
    /// checked and mapped with it; every piece carries a copy.
    fn piece(
        source: SourceText,
        file: FactsFile,
        index: Arc<Index>,
        holds_article: bool,
    ) -> (Facts, Vec<Diagnostic>) {
        let mut local = BTreeMap::new();
        let mut position: BTreeMap<Kind, usize> = BTreeMap::new();
        for record in file.records() {
            let at = position.entry(record.kind()).or_default();
            local
                .entry(record.id().get_ref().clone())
                .or_insert((record.kind(), *at));
            *at += 1;
        }
        let facts = Facts {
            source,
            file,
            local,
            index,
            holds_article,
        };
        let mut problems = Vec::new();
        check::check(&facts, &mut problems);
        (facts, problems)
    }

    /// The text the facts were read from: this piece's, for a piece.
    pub fn source(&self) -> &SourceText {
        &self.source
    }

    /// The records, as written: this piece's, for a piece, with the article's table.
    pub fn file(&self) -> &FactsFile {
        &self.file
    }

    /// Whether the `[article]` table belongs to these facts (always, but for the later pieces
    /// of a large file): what describes the article is checked and mapped with them.
    pub fn holds_article(&self) -> bool {
        self.holds_article
    }

    /// SHA-256, in hex, of the whole facts file.
    pub fn sha256(&self) -> &str {
        self.index.sha256()
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

    /// The kind of the record with this id, anywhere in the file.
    pub fn kind(&self, id: &str) -> Option<Kind> {
        self.index.kind(id)
    }

    /// The record with this id, when it is one of these facts (of this piece, for a piece).
    pub fn record(&self, id: &str) -> Option<RecordRef<'_>> {
        let &(kind, i) = self.local.get(id)?;
        self.file.record(kind, i)
    }

    /// The date and status of the event with this id, anywhere in the file.
    pub fn event(&self, id: &str) -> Option<&EventOutline> {
        self.index.event(id)
    }

    /// The kind of the organization with this id, anywhere in the file.
    pub fn org_kind(&self, id: &str) -> Option<OrgKind> {
        self.index.org_kind(id)
    }

    /// The records: kinds in the order of [`Kind::ALL`], file order within a kind (this
    /// piece's, for a piece).
    pub fn records(&self) -> impl Iterator<Item = RecordRef<'_>> {
        self.file.records()
    }

    /// A readable name for any record of the file, used as its label.
    pub fn name(&self, id: &str) -> String {
        self.index.name(id)
    }

    /// The other names the text uses for a record (organizations and people have them).
    pub fn alt_names(&self, id: &str) -> &[String] {
        self.index.alt_names(id)
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
            } else if self.alt_names(id).iter().any(|n| is(n)) {
                by_alt_name.push(id.clone());
            }
        }
        by_name.extend(by_alt_name);
        by_name
    }
}

/// Reads the text of the facts file at `path`: UTF-8, without a byte order mark.
fn read_source(path: &Path) -> Result<SourceText> {
    let bytes = crate::text::read::bytes(path, crate::text::read::FACTS)?;
    let name = path.display().to_string();
    let text = String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let bytes = e.as_bytes();
        let text = String::from_utf8_lossy(&bytes[..valid]).into_owned();
        let source = SourceText::new(name.clone(), text);
        Error::Facts(Diagnostics(vec![
            source.error(valid..valid, not_utf8(bytes[valid], valid)),
        ]))
    })?;
    // A byte order mark is not part of the text: columns count from after it.
    let text = match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_owned(),
        None => text,
    };
    Ok(SourceText::new(name, text))
}

/// The message for a byte that is not UTF-8, at `offset` in the file.
fn not_utf8(byte: u8, offset: usize) -> String {
    format!("not UTF-8: byte 0x{byte:02X} at offset {offset}; save the file as UTF-8")
}

/// The records of a whole facts file, as written, with the TOML reader's errors put in
/// words.
fn parse_file(source: &SourceText) -> std::result::Result<FactsFile, Diagnostics> {
    pieces::read(source.text()).map_err(|e| toml_error(source, &e))
}

/// A TOML reader's error as one diagnostic, naming the key or value it is about.
fn toml_error(source: &SourceText, e: &toml::de::Error) -> Diagnostics {
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
