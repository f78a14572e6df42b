//! Reading a large facts file a piece at a time.
//!
//! A large file is cut at the headers of its record tables (`[[organization]]`, `[[event]]`…)
//! into pieces of about [`PIECE_BYTES`]. Two ways use the cuts:
//!
//! - [`read`] turns a text held whole into one [`FactsFile`], reading each piece at its place
//!   in the text (the text before it blanked out), so that only one piece's TOML document
//!   (about twelve bytes per byte of text) is held at a time and every position is one of the
//!   whole file.
//! - [`Pieces`] never holds the text whole: a first pass reads the file from disk a piece at a
//!   time and keeps only the [`Index`] of its records; a second pass reads it again and hands
//!   out one checked piece at a time, to be verified, mapped and let go. Memory then grows
//!   with the number of records (their ids and names), not with what they say.
//!
//! Whatever a piece cannot say on its own (the `[article]` table after a record table, a key
//! defined twice across pieces, a syntax error) makes the whole file be read at once instead,
//! so that a file is accepted or refused, with the same message, as if it were read whole.

use super::index::Index;
use super::model::{Article, FactsFile, MoreRecords};
use super::{Facts, not_utf8, read_source};
use crate::diagnostic::{Diagnostic, Diagnostics, SourceText};
use crate::error::{Error, Result};
use crate::text::read::{Cap, FACTS};
use sha2::{Digest, Sha256};
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Files smaller than this are read whole.
const PIECEWISE_FROM: usize = 8 << 20;

/// About how large a piece is.
const PIECE_BYTES: usize = 2 << 20;

/// The environment variable that sets the size of pieces for every file (for tests).
pub const PIECE_BYTES_ENV: &str = "NEWSGRAPH_PIECE_BYTES";

/// A facts file read from disk a piece at a time, in two passes: [`Pieces::open`] indexes
/// every record and checks the ids; [`Pieces::checked`] then reads the file again and checks
/// each piece against the index. A file read as one piece is read once.
#[derive(Debug)]
pub struct Pieces {
    path: PathBuf,
    piece_bytes: usize,
    index: Arc<Index>,
    article: Article,
    /// The problems of the first pass: ids malformed or used twice, parents in a circle.
    problems: Vec<Diagnostic>,
    /// The file's only piece, kept from the first pass.
    whole: Option<(SourceText, FactsFile)>,
}

impl Pieces {
    /// Reads the facts file at `path` once through, handing each piece's records to `each`,
    /// and keeps the index of every record. A file that cannot be read (too large, not
    /// UTF-8, not TOML, a field of the wrong type) is an error here.
    ///
    /// `$NEWSGRAPH_PIECE_BYTES`, when set, cuts every file into pieces of about that many bytes
    /// whatever its size: for tests, which then see small files read as large ones are.
    pub fn open(path: &Path, each: impl FnMut(&FactsFile)) -> Result<Pieces> {
        let forced = std::env::var(PIECE_BYTES_ENV)
            .ok()
            .and_then(|v| v.parse().ok());
        let small = std::fs::metadata(path).is_ok_and(|m| m.len() < PIECEWISE_FROM as u64);
        let piece_bytes = match forced {
            Some(bytes) => bytes,
            None if small => usize::MAX,
            None => PIECE_BYTES,
        };
        Pieces::open_in(path, piece_bytes, each)
    }

    /// As [`Pieces::open`], cutting pieces of about `piece_bytes` whatever the file's size:
    /// for tests.
    #[doc(hidden)]
    pub fn open_in(
        path: &Path,
        piece_bytes: usize,
        mut each: impl FnMut(&FactsFile),
    ) -> Result<Pieces> {
        let name = path.display().to_string();
        let mut splitter = Splitter::open(path, FACTS, piece_bytes)?;
        let mut hasher = Sha256::new();
        let mut index = Index::default();
        let mut problems = Vec::new();
        let mut first: Option<(SourceText, FactsFile)> = None;
        let mut pieces = 0;
        while let Some(piece) = splitter.next(Some(&mut hasher))? {
            let source = SourceText::piece(&name, piece.text, piece.lines_before);
            let article = first.as_ref().map(|(_, f)| &f.article);
            // A file that reads whole always reads piece by piece, but for an `[article]`
            // table after the records, which fails the first piece: so `each` sees the whole
            // file again only when it has seen nothing yet, or when reading it whole fails.
            let Some(file) = parse_piece(&source, article) else {
                return Pieces::whole(path, &mut each);
            };
            each(&file);
            problems.extend(index.add(&file, &source, pieces == 0));
            pieces += 1;
            // Only the first piece is kept, in case it is the only one.
            if first.is_none() {
                first = Some((source, file));
            }
        }
        let Some((source, file)) = first else {
            return Pieces::whole(path, &mut each);
        };
        index.set_sha256(crate::text::article::hex(&hasher.finalize()));
        problems.extend(index.cycles(&name));
        Ok(Pieces {
            path: path.to_owned(),
            piece_bytes,
            index: Arc::new(index),
            article: file.article.clone(),
            problems,
            whole: (pieces == 1).then_some((source, file)),
        })
    }

    /// The file read whole, as one piece: when a piece cannot be read on its own.
    fn whole(path: &Path, each: &mut dyn FnMut(&FactsFile)) -> Result<Pieces> {
        let source = read_source(path)?;
        let file = super::parse_file(&source).map_err(Error::Facts)?;
        each(&file);
        let (index, problems) = Index::whole(&file, &source);
        Ok(Pieces {
            path: path.to_owned(),
            piece_bytes: usize::MAX,
            index: Arc::new(index),
            article: file.article.clone(),
            problems,
            whole: Some((source, file)),
        })
    }

    /// The article id of the facts file at `path`, read from its first piece alone; `None`
    /// when that cannot be read (reading the whole file then says why).
    pub fn article_id_of(path: &Path) -> Option<String> {
        #[derive(serde::Deserialize)]
        struct Head {
            article: HeadArticle,
        }
        #[derive(serde::Deserialize)]
        struct HeadArticle {
            id: String,
        }
        let piece = Splitter::open(path, FACTS, PIECE_BYTES)
            .ok()?
            .next(None)
            .ok()??;
        let head: Head = toml::from_str(&piece.text).ok()?;
        Some(head.article.id)
    }

    /// The index of every record of the file.
    pub fn index(&self) -> &Index {
        &self.index
    }

    /// The article's id.
    pub fn article_id(&self) -> &str {
        self.article.id.get_ref()
    }

    /// The file's name, as messages give it.
    pub fn name(&self) -> String {
        self.path.display().to_string()
    }

    /// The `[article]` table.
    pub fn article(&self) -> &Article {
        &self.article
    }

    /// The second pass: each piece read again and checked against the index, with the
    /// problems its checks find (the first pass's come with the first piece).
    pub fn checked(self) -> CheckedPieces {
        CheckedPieces {
            name: self.path.display().to_string(),
            splitter: None,
            pieces: self,
            at: 0,
        }
    }
}

/// The pieces of a facts file, each checked against the index of the whole file
/// ([`Pieces::checked`]).
#[derive(Debug)]
pub struct CheckedPieces {
    pieces: Pieces,
    name: String,
    splitter: Option<Splitter>,
    at: usize,
}

impl CheckedPieces {
    /// The next piece's text and records.
    fn read(&mut self) -> Option<Result<(SourceText, FactsFile)>> {
        if self.at == 0 {
            if let Some(kept) = self.pieces.whole.take() {
                return Some(Ok(kept));
            }
        } else if self.splitter.is_none() {
            return None;
        }
        if self.splitter.is_none() {
            let opened = Splitter::open(&self.pieces.path, FACTS, self.pieces.piece_bytes);
            match opened {
                Ok(splitter) => self.splitter = Some(splitter),
                Err(e) => return Some(Err(e)),
            }
        }
        let piece = match self.splitter.as_mut()?.next(None) {
            Ok(piece) => piece?,
            Err(e) => return Some(Err(e)),
        };
        let source = SourceText::piece(&self.name, piece.text, piece.lines_before);
        let article = (self.at > 0).then_some(&self.pieces.article);
        Some(match parse_piece(&source, article) {
            Some(file) => Ok((source, file)),
            None => Err(Error::Input(format!(
                "{} changed while it was read: read it again",
                self.name
            ))),
        })
    }
}

impl Iterator for CheckedPieces {
    type Item = Result<(Facts, Vec<Diagnostic>)>;

    fn next(&mut self) -> Option<Self::Item> {
        let (source, file) = match self.read()? {
            Ok(piece) => piece,
            Err(e) => return Some(Err(e)),
        };
        let holds_article = self.at == 0;
        self.at += 1;
        let index = Arc::clone(&self.pieces.index);
        let (facts, mut problems) = Facts::piece(source, file, index, holds_article);
        if holds_article {
            let mut first = std::mem::take(&mut self.pieces.problems);
            first.append(&mut problems);
            problems = first;
        }
        Some(Ok((facts, problems)))
    }
}

/// One piece's records, with `article` (the first piece's table) for a later piece; `None`
/// when the piece cannot be read on its own.
fn parse_piece(source: &SourceText, article: Option<&Article>) -> Option<FactsFile> {
    match article {
        None => toml::from_str(source.text()).ok(),
        Some(article) => toml::from_str::<MoreRecords>(source.text())
            .ok()
            .map(|more| FactsFile::with_article(article.clone(), more)),
    }
}

/// A piece of a facts file's text and the number of lines before it.
struct Piece {
    text: String,
    lines_before: usize,
}

/// Cuts a facts file into pieces as it is read from disk, at most `cap` bytes of it.
#[derive(Debug)]
struct Splitter {
    reader: std::io::Take<BufReader<std::fs::File>>,
    path: PathBuf,
    cap: Cap,
    piece_bytes: usize,
    /// Bytes and lines read so far.
    bytes: usize,
    lines: usize,
    /// The header line that begins the next piece, read with the one before.
    next: Option<String>,
    /// The multi-line string open at the end of the last line read.
    open: Option<&'static str>,
    line: Vec<u8>,
}

impl Splitter {
    fn open(path: &Path, cap: Cap, piece_bytes: usize) -> Result<Splitter> {
        let file = std::fs::File::open(path).map_err(|source| Error::Read {
            what: cap.what,
            path: path.to_owned(),
            source,
        })?;
        Ok(Splitter {
            reader: BufReader::new(file).take(cap.bytes + 1),
            path: path.to_owned(),
            cap,
            piece_bytes,
            bytes: 0,
            lines: 0,
            next: None,
            open: None,
            line: Vec::new(),
        })
    }

    /// The next piece, adding its bytes to `hasher`; `None` at the end of the file.
    fn next(&mut self, mut hasher: Option<&mut Sha256>) -> Result<Option<Piece>> {
        let mut text = String::new();
        let mut lines_before = self.lines;
        if let Some(header) = self.next.take() {
            lines_before -= 1;
            text.push_str(&header);
        }
        loop {
            self.line.clear();
            let read = self
                .reader
                .read_until(b'\n', &mut self.line)
                .map_err(|source| Error::Read {
                    what: self.cap.what,
                    path: self.path.clone(),
                    source,
                })?;
            if read == 0 {
                return Ok((!text.is_empty()).then_some(Piece { text, lines_before }));
            }
            if (self.bytes + read) as u64 > self.cap.bytes {
                return Err(Error::TooLarge {
                    what: self.cap.what,
                    path: self.path.clone(),
                    cap: self.cap.bytes,
                });
            }
            let line = match std::str::from_utf8(&self.line) {
                Ok(line) => line,
                Err(e) => {
                    let valid = e.valid_up_to();
                    let prefix = String::from_utf8_lossy(&self.line[..valid]);
                    return Err(Error::Facts(Diagnostics(vec![Diagnostic {
                        file: self.path.display().to_string(),
                        line: self.lines + 1,
                        column: prefix.chars().count() + 1,
                        message: not_utf8(self.line[valid], self.bytes + valid),
                    }])));
                }
            };
            // A byte order mark is not part of the text: columns count from after it.
            let line = match self.bytes {
                0 => line.strip_prefix('\u{feff}').unwrap_or(line),
                _ => line,
            };
            if let Some(hasher) = hasher.as_deref_mut() {
                hasher.update(line.as_bytes());
            }
            self.bytes += read;
            self.lines += 1;
            let cut =
                self.open.is_none() && text.len() >= self.piece_bytes && opens_record_table(line);
            self.open = scan_line(line, self.open);
            if cut {
                self.next = Some(line.to_owned());
                return Ok(Some(Piece { text, lines_before }));
            }
            text.push_str(line);
        }
    }
}

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
    fn pieces_read_from_disk_are_the_text_cut_where_it_may_be_cut() {
        let dir = tempfile::TempDir::new().unwrap();
        let path = dir.path().join("f.toml");
        std::fs::write(&path, FILE).unwrap();
        let mut splitter = Splitter::open(&path, FACTS, 1).unwrap();
        let mut hasher = Sha256::new();
        let mut pieces = Vec::new();
        while let Some(piece) = splitter.next(Some(&mut hasher)).unwrap() {
            pieces.push(piece);
        }
        let starts: Vec<usize> = std::iter::once(0).chain(cuts(FILE, 1)).collect();
        assert_eq!(pieces.len(), starts.len());
        for (piece, start) in pieces.iter().zip(starts) {
            assert!(FILE[start..].starts_with(&piece.text));
            assert_eq!(piece.lines_before, FILE[..start].matches('\n').count());
        }
        let text: String = pieces.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(text, FILE);
        let digest = crate::text::article::hex(&hasher.finalize());
        assert_eq!(digest, crate::text::article::sha256(FILE));
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
