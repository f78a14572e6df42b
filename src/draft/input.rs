//! What `draft` accepts as an article: UTF-8 text, not empty, of a bounded size.

use std::fmt;

/// The largest text `draft` reads, in bytes. A news article is a few tens of kilobytes; this
/// leaves room for long captures and keeps time and memory bounded.
pub const MAX_BYTES: usize = crate::text::read::DRAFT_TEXT.bytes as usize;

/// Why a text cannot be drafted from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DraftError {
    /// The file has no bytes, or only whitespace.
    Empty(String),
    /// The file is not UTF-8 text; the byte offset of the first problem.
    NotText(String, usize),
    /// The file is larger than [`MAX_BYTES`].
    TooLarge(String, u64),
    /// The text has no sentence to quote.
    NoSentences(String),
}

impl fmt::Display for DraftError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DraftError::Empty(name) => write!(f, "{name}: the file is empty; nothing to draft"),
            DraftError::NotText(name, at) => write!(
                f,
                "{name}: not a text file (binary or not UTF-8, at byte {at}); draft reads UTF-8 text"
            ),
            DraftError::TooLarge(name, size) => write!(
                f,
                "{name}: {:.1} MB is more than the {} MB an article can have; split the text",
                *size as f64 / 1_048_576.0,
                MAX_BYTES / 1_048_576
            ),
            DraftError::NoSentences(name) => write!(
                f,
                "{name}: no sentences found (no line of words ending in a full stop); nothing to draft"
            ),
        }
    }
}

impl std::error::Error for DraftError {}

/// Checks the bytes of a file named `name` and returns them as text.
pub fn text(name: &str, bytes: Vec<u8>) -> Result<String, DraftError> {
    if bytes.len() > MAX_BYTES {
        return Err(DraftError::TooLarge(name.to_owned(), bytes.len() as u64));
    }
    if let Some(at) = bytes.iter().position(|&b| b == 0) {
        return Err(DraftError::NotText(name.to_owned(), at));
    }
    let text = String::from_utf8(bytes)
        .map_err(|e| DraftError::NotText(name.to_owned(), e.utf8_error().valid_up_to()))?;
    if text.trim().is_empty() {
        return Err(DraftError::Empty(name.to_owned()));
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_what_is_not_an_article() {
        assert_eq!(text("a", vec![]), Err(DraftError::Empty("a".into())));
        assert_eq!(
            text("a", b" \n\t".to_vec()),
            Err(DraftError::Empty("a".into()))
        );
        assert_eq!(
            text("a", vec![b'x', 0, 1]),
            Err(DraftError::NotText("a".into(), 1))
        );
        assert_eq!(
            text("a", vec![b'x', 0xff]),
            Err(DraftError::NotText("a".into(), 1))
        );
        assert!(matches!(
            text("a", vec![b'x'; MAX_BYTES + 1]),
            Err(DraftError::TooLarge(..))
        ));
        assert_eq!(text("a", b"Hi.".to_vec()).unwrap(), "Hi.");
    }
}
