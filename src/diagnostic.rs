//! Errors that point into a text file, written the way compilers write them:
//! `file:line:column: message`, one line each.

use std::fmt;
use std::ops::Range;

/// A named text (a facts file, an article) that byte offsets can be turned into positions in.
#[derive(Debug, Clone)]
pub struct SourceText {
    name: String,
    text: String,
    /// The byte offset where each line starts, so a position costs a binary search, not a
    /// scan of the text before it.
    line_starts: Vec<usize>,
    /// How many lines of the file come before this text: 0 unless it is a piece of a larger
    /// file ([`SourceText::piece`]).
    lines_before: usize,
}

impl SourceText {
    /// Wraps `text`, naming it `name` (usually the path it was read from) in messages.
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Self {
        Self::piece(name, text, 0)
    }

    /// A piece of the file `name` that starts at the beginning of line `lines_before + 1`:
    /// positions are of the whole file.
    pub fn piece(name: impl Into<String>, text: impl Into<String>, lines_before: usize) -> Self {
        let text = text.into();
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Self {
            name: name.into(),
            text,
            line_starts,
            lines_before,
        }
    }

    /// The name used in messages.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The text (of the piece, for a piece).
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The 1-based line and column (in characters) of a byte offset.
    pub fn position(&self, offset: usize) -> (usize, usize) {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.line_starts.partition_point(|&start| start <= offset);
        let line_start = self.line_starts[line - 1];
        let column = self.text[line_start..offset].chars().count() + 1;
        (self.lines_before + line, column)
    }

    /// A diagnostic at the start of `span`.
    pub fn error(&self, span: Range<usize>, message: impl Into<String>) -> Diagnostic {
        let (line, column) = self.position(span.start);
        Diagnostic {
            file: self.name.clone(),
            line,
            column,
            message: message.into(),
        }
    }
}

/// One problem found in a file, with where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The file name, as given by the user.
    pub file: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// What is wrong, naming the offending value.
    pub message: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.file, self.line, self.column, self.message
        )
    }
}

/// Every problem found in one pass over a file; displayed one per line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, diagnostic) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{diagnostic}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Diagnostics {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_lines_and_characters() {
        let source = SourceText::new("f.toml", "ab\n“cd” e\n");
        assert_eq!(source.position(0), (1, 1));
        assert_eq!(source.position(3), (2, 1));
        // `e` sits after two three-byte quotes and two letters and a space.
        let e = source.text().find('e').unwrap();
        assert_eq!(source.position(e), (2, 6));
        assert_eq!(source.error(e..e + 1, "bad").to_string(), "f.toml:2:6: bad");
    }
}
