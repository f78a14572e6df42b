//! Reading a large facts file a piece at a time.
//!
//! The TOML reader builds a document of the whole text before it makes the typed records, and
//! that document costs about twelve bytes per byte of text. A large file is therefore cut at
//! the headers of its record tables (`[[organization]]`, `[[event]]`…) into pieces of about
//! [`PIECE_BYTES`], and each piece is read on its own, so that only one piece's document is
//! held at a time. A piece is read at its place in the file (the text before it blanked out),
//! so that every position the reader records is a position in the whole file.
//!
//! Whatever a piece cannot say on its own (the `[article]` table after a record table, a key
//! defined twice across pieces, a syntax error) makes the whole file be read at once instead,
//! so that a file is accepted or refused, with the same message, as if it were read whole.

use super::model::{FactsFile, MoreRecords};

/// Files smaller than this are read whole.
const PIECEWISE_FROM: usize = 8 << 20;

/// About how large a piece is.
const PIECE_BYTES: usize = 2 << 20;

/// Reads a facts file's text into its records, a piece at a time when it is large.
pub(super) fn read(text: &str) -> Result<FactsFile, toml::de::Error> {
    if text.len() >= PIECEWISE_FROM {
        if let Some(file) = read_in_pieces(text, PIECE_BYTES) {
            return Ok(file);
        }
    }
    toml::from_str(text)
}

/// The records read piece by piece, or `None` when a piece cannot be read on its own.
fn read_in_pieces(text: &str, piece_bytes: usize) -> Option<FactsFile> {
    // Blanks (as many as the text before the piece), then the piece being read.
    let mut window = String::with_capacity(text.len());
    let mut blanked = 0;
    let mut file: Option<FactsFile> = None;
    let mut start = 0;
    for end in cuts(text, piece_bytes).into_iter().chain([text.len()]) {
        window.replace_range(blanked.., &" ".repeat(window.len() - blanked));
        blanked = window.len();
        window.push_str(&text[start..end]);
        match &mut file {
            None => file = Some(toml::from_str(&window).ok()?),
            Some(file) => file.append(toml::from_str::<MoreRecords>(&window).ok()?),
        }
        start = end;
    }
    file
}

/// Where the text may be cut: the start of each line that opens a top-level array of tables
/// (`[[name]]`, no dot in the name) outside a multi-line string, the first at or after
/// `piece_bytes` and each next one at least `piece_bytes` after the one before. The first
/// piece runs from the start of the text to the first cut.
fn cuts(text: &str, piece_bytes: usize) -> Vec<usize> {
    let mut cuts = Vec::new();
    let mut last = 0;
    let mut open: Option<&str> = None;
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        if open.is_none() && at - last >= piece_bytes && opens_record_table(line) {
            cuts.push(at);
            last = at;
        }
        open = scan_line(line, open);
        at += line.len();
    }
    cuts
}

/// Whether a line is a header `[[name]]` of a top-level array of tables.
fn opens_record_table(line: &str) -> bool {
    let Some((name, rest)) = line
        .trim()
        .strip_prefix("[[")
        .and_then(|rest| rest.split_once("]]"))
    else {
        return false;
    };
    let name = name.trim();
    let rest = rest.trim();
    !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
        && (rest.is_empty() || rest.starts_with('#'))
}

/// Follows one line through TOML's strings and comments: given the multi-line string
/// delimiter open at its start (`"""` or `'''`), returns the one open at its end.
fn scan_line<'a>(line: &str, mut open: Option<&'a str>) -> Option<&'a str> {
    let bytes = line.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match open {
            Some(delimiter) => {
                if delimiter == "\"\"\"" && bytes[i] == b'\\' {
                    i += 2;
                } else if bytes[i..].starts_with(delimiter.as_bytes()) {
                    i += 3;
                    // A closing delimiter may follow up to two quotes of the content.
                    while i < bytes.len() && bytes[i] == delimiter.as_bytes()[0] {
                        i += 1;
                    }
                    open = None;
                } else {
                    i += 1;
                }
            }
            None => match bytes[i] {
                b'#' => return None,
                b'"' | b'\'' if bytes[i..].starts_with(&[bytes[i]; 3]) => {
                    open = Some(if bytes[i] == b'"' { "\"\"\"" } else { "'''" });
                    i += 3;
                }
                b'"' => {
                    i += 1;
                    while i < bytes.len() && bytes[i] != b'"' {
                        i += if bytes[i] == b'\\' { 2 } else { 1 };
                    }
                    i += 1;
                }
                b'\'' => {
                    i += 1;
                    while i < bytes.len() && bytes[i] != b'\'' {
                        i += 1;
                    }
                    i += 1;
                }
                _ => i += 1,
            },
        }
    }
    open
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small facts file whose records hold multi-line strings that look like headers.
    const FILE: &str = r#"[article]
id = "a"
title = "T"
publisher = "o1"
language = "en"
published = "2025-01-14"
evidence = "T"

[[organization]]
id = "o1"
name = "One"
kind = "formal"
evidence = """
[[person]]
not a header"""

[[organization]]
id = "o2"
name = "Two"   # [[person]]
kind = "formal"
evidence = '''
[[event]]'''

[[person]]
id = "p1"
name = "P"
evidence = "[[organization]]"
"#;

    #[test]
    fn cuts_fall_only_on_headers_outside_strings() {
        let at = |needle: &str| FILE.find(needle).unwrap();
        let second = at("[[organization]]\nid = \"o2\"");
        let person = at("[[person]]\nid");
        assert_eq!(cuts(FILE, 1), vec![at("[[organization]]"), second, person]);
        assert_eq!(cuts(FILE, second), vec![second]);
    }

    #[test]
    fn a_file_read_in_pieces_is_the_file_read_whole() {
        let whole: FactsFile = toml::from_str(FILE).unwrap();
        let pieces = read_in_pieces(FILE, 1).expect("every piece reads on its own");
        assert_eq!(format!("{pieces:?}"), format!("{whole:?}"));
    }

    #[test]
    fn a_piece_that_cannot_stand_alone_sends_the_file_back_whole() {
        let article_last = format!(
            "{}\n{}",
            &FILE[FILE.find("[[organization]]").unwrap()..],
            &FILE[..FILE.find("[[organization]]").unwrap()]
        );
        assert!(read_in_pieces(&article_last, 1).is_none());
        assert!(toml::from_str::<FactsFile>(&article_last).is_ok());
    }
}
