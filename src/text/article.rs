//! The article's text, and finding evidence quotes in it.
//!
//! A quote matches the text when the two are equal after the same normalization: runs of
//! whitespace (line breaks, no-break spaces) become one space, typographic quotes become
//! straight ones, and dashes become `-`. Nothing else is forgiven. Positions are counted in
//! Unicode code points of the original text, as Web Annotation's `TextPositionSelector` asks.

use super::words::{plain_char, word_spans};
use crate::error::Result;
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};

/// How much text `oa:prefix` and `oa:suffix` carry around a quote, in characters.
pub const CONTEXT_CHARS: usize = 32;

/// The captured text of an article.
#[derive(Debug, Clone)]
pub struct ArticleText {
    /// Where it was read from, for messages.
    pub path: PathBuf,
    /// The whole text.
    pub text: String,
    /// Hex SHA-256 of the text's bytes.
    pub sha256: String,
    chars: Vec<char>,
    normalized: Vec<char>,
    /// For each normalized character, the index of the original character it came from.
    origin: Vec<usize>,
}

/// Where a quote was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// First character, 0-based, inclusive.
    pub start: usize,
    /// After the last character, exclusive.
    pub end: usize,
    /// The text between `start` and `end`, exactly as the article has it.
    pub exact: String,
    /// Up to [`CONTEXT_CHARS`] characters before.
    pub prefix: String,
    /// Up to [`CONTEXT_CHARS`] characters after.
    pub suffix: String,
}

impl ArticleText {
    /// Reads the text at `path`.
    pub fn read(path: &Path) -> Result<ArticleText> {
        let text = super::read::string(path, super::read::ARTICLE_TEXT)?;
        Ok(ArticleText::new(path.to_owned(), text))
    }

    /// Wraps a text already in memory.
    pub fn new(path: PathBuf, text: String) -> ArticleText {
        let sha256 = sha256(&text);
        let chars: Vec<char> = text.chars().collect();
        let (normalized, origin) = normalize(&chars);
        ArticleText {
            path,
            text,
            sha256,
            chars,
            normalized,
            origin,
        }
    }

    /// Finds the first place `quote` appears in the text.
    pub fn find(&self, quote: &str) -> Option<Found> {
        let (needle, _) = normalize(&quote.chars().collect::<Vec<_>>());
        let needle = trim(&needle);
        if needle.is_empty() || needle.len() > self.normalized.len() {
            return None;
        }
        let at = self
            .normalized
            .windows(needle.len())
            .position(|window| window == needle)?;
        let start = self.origin[at];
        let end = self.origin[at + needle.len() - 1] + 1;
        Some(self.found(start, end))
    }

    fn found(&self, start: usize, end: usize) -> Found {
        let slice = |from: usize, to: usize| self.chars[from..to].iter().collect::<String>();
        Found {
            start,
            end,
            exact: slice(start, end),
            prefix: slice(start.saturating_sub(CONTEXT_CHARS), start),
            suffix: slice(end, (end + CONTEXT_CHARS).min(self.chars.len())),
        }
    }

    /// The passage of the text that shares the most words with `quote`, for telling the
    /// user what the text says instead.
    pub fn nearest(&self, quote: &str) -> String {
        let words = |s: &str| -> Vec<String> {
            let (n, _) = normalize(&s.chars().collect::<Vec<_>>());
            n.iter()
                .collect::<String>()
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(str::to_lowercase)
                .collect()
        };
        let wanted = words(quote);
        let spans = word_spans(&self.chars);
        if wanted.is_empty() || spans.is_empty() {
            return String::new();
        }
        let width = wanted.len().min(spans.len());
        let mut best = (0, 0);
        for first in 0..=spans.len() - width {
            let window = &spans[first..first + width];
            let score = window
                .iter()
                .filter(|&&(s, e)| {
                    let word: String = self.chars[s..e].iter().collect::<String>().to_lowercase();
                    wanted.contains(&word)
                })
                .count();
            if score > best.0 {
                best = (score, first);
            }
        }
        let window = &spans[best.1..best.1 + width];
        let passage: String = self.chars[window[0].0..window[width - 1].1]
            .iter()
            .collect();
        passage.split_whitespace().collect::<Vec<_>>().join(" ")
    }
}

/// Hex SHA-256 of a text's UTF-8 bytes.
pub fn sha256(text: &str) -> String {
    hex(&Sha256::digest(text.as_bytes()))
}

/// A digest in lowercase hex.
pub fn hex(digest: &[u8]) -> String {
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// Normalizes characters for matching and remembers where each came from.
fn normalize(chars: &[char]) -> (Vec<char>, Vec<usize>) {
    let mut out = Vec::with_capacity(chars.len());
    let mut origin = Vec::with_capacity(chars.len());
    for (i, &c) in chars.iter().enumerate() {
        let c = plain_char(c);
        if c == ' ' && out.last() == Some(&' ') {
            continue;
        }
        out.push(c);
        origin.push(i);
    }
    (out, origin)
}

fn trim(chars: &[char]) -> &[char] {
    let start = chars.iter().position(|&c| c != ' ').unwrap_or(chars.len());
    let end = chars
        .iter()
        .rposition(|&c| c != ' ')
        .map_or(start, |i| i + 1);
    &chars[start..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> ArticleText {
        ArticleText::new(PathBuf::from("t.txt"), s.to_owned())
    }

    #[test]
    fn finds_quotes_across_line_breaks_and_typography() {
        let t = text("He said: “We are first —\nparcels next,” in a memo.");
        let found = t.find("\"We are first - parcels next,\"").unwrap();
        assert_eq!(found.exact, "“We are first —\nparcels next,”");
        let chars: Vec<char> = t.text.chars().collect();
        assert_eq!(
            chars[found.start..found.end].iter().collect::<String>(),
            found.exact
        );
        assert_eq!(found.prefix, "He said: ");
        assert_eq!(found.suffix, " in a memo.");
    }

    #[test]
    fn does_not_forgive_other_differences() {
        let t = text("Cainiao’s international division");
        assert!(t.find("Cainiao's international division").is_some());
        assert!(t.find("Cainiao’s global division").is_none());
        assert!(t.find("cainiao’s international division").is_none());
        assert!(t.find("   ").is_none());
    }

    #[test]
    fn offsets_count_code_points() {
        let t = text("“Ding” reports to Jiang");
        let found = t.find("reports to").unwrap();
        assert_eq!((found.start, found.end), (7, 17));
    }

    #[test]
    fn nearest_passage_shares_most_words() {
        let t = text("One thing. The parcel team moves to Westhaven soon. Other things.");
        assert_eq!(
            t.nearest("the parcel group moves to Westhaven"),
            "The parcel team moves to Westhaven"
        );
    }

    #[test]
    fn sha256_of_the_bytes() {
        assert_eq!(
            text("abc").sha256,
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
