//! Checking a facts file against its article: every evidence quote, and the words of every
//! `[[quote]]`, must be in the text.

use crate::diagnostic::Diagnostic;
use crate::facts::{Facts, Text};
use crate::text::article::{ArticleText, Found};
use std::collections::BTreeMap;

/// Which quote of which record: the record id (`None` for the article itself) and the
/// quote's 0-based index in its `evidence`.
pub type QuoteKey = (Option<String>, usize);

/// Where every evidence quote of a facts file was found in the text.
#[derive(Debug, Clone, Default)]
pub struct Located {
    found: BTreeMap<QuoteKey, Found>,
}

impl Located {
    /// Where quote `index` of `record`'s evidence is.
    pub fn get(&self, record: Option<&str>, index: usize) -> Option<&Found> {
        self.found.get(&(record.map(str::to_owned), index))
    }

    /// How many quotes were found.
    pub fn len(&self) -> usize {
        self.found.len()
    }

    /// Whether no quote was found.
    pub fn is_empty(&self) -> bool {
        self.found.is_empty()
    }
}

/// Finds every evidence quote of `facts` in `text`. Each quote that is not there is one
/// diagnostic: the facts file position, the quote, and the nearest passage of the text.
pub fn locate(facts: &Facts, text: &ArticleText) -> Result<Located, Vec<Diagnostic>> {
    let mut located = Located::default();
    let mut missing = Vec::new();
    let mut check = |key: Option<QuoteKey>, quote: &Text| match text.find(quote.get_ref()) {
        Some(found) => {
            if let Some(key) = key {
                located.found.insert(key, found);
            }
        }
        None => missing.push(facts.source().error(
            quote.span(),
            format!(
                "quote not found in {}: \"{}\"; nearest passage: \"{}\"",
                text.path.display(),
                quote.get_ref(),
                text.nearest(quote.get_ref())
            ),
        )),
    };
    if facts.holds_article() {
        for (i, quote) in facts.file().article.evidence.0.iter().enumerate() {
            check(Some((None, i)), quote);
        }
    }
    for record in facts.records() {
        for (i, quote) in record.evidence().0.iter().enumerate() {
            check(Some((Some(record.id().get_ref().clone()), i)), quote);
        }
    }
    for quote in &facts.file().quotes {
        check(None, &quote.text);
    }
    if missing.is_empty() {
        Ok(located)
    } else {
        Err(missing)
    }
}
