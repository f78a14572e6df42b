//! Sentences of the article body (Unicode sentence boundaries), and quoting them: a
//! sentence, or when it is longer than a facts file allows, the clauses around a match.

use crate::facts::MAX_EVIDENCE_WORDS;
use std::ops::Range;
use unicode_segmentation::UnicodeSegmentation;

/// The text and its sentences, as byte ranges in document order.
#[derive(Debug)]
pub struct Doc<'a> {
    /// The whole text.
    pub text: &'a str,
    /// The body's sentences.
    pub sentences: Vec<Range<usize>>,
}

/// The sentences of the body blocks: Unicode sentence boundaries (UAX #29), trimmed, keeping
/// those with at least three words, and the lines a block's line breaks set apart (a heading,
/// a list's item) whatever their length.
pub fn sentences(text: &str, body: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let pieces = body.iter().flat_map(|b| {
        let lines = lines_apart(text, b.clone());
        let n = lines.len();
        lines
            .into_iter()
            .enumerate()
            .map(move |(k, l)| (l, k + 1 < n))
    });
    for (block, set_apart) in pieces {
        let mut pending: Option<Range<usize>> = None;
        // Any other line break inside a paragraph is not a sentence break: hard-wrapped text
        // reads as one paragraph. Replacing it with a space keeps every byte offset.
        let flat = text[block.clone()].replace(['\n', '\r'], " ");
        for (at, s) in flat.split_sentence_bound_indices() {
            let start = block.start + at + (s.len() - s.trim_start().len());
            let end = block.start + at + s.trim_end().len();
            if start >= end {
                continue;
            }
            // "company.. The" and similar stray stops make sentences of one word: join them.
            let range = match pending.take() {
                Some(p) => p.start..end,
                None => start..end,
            };
            if text[range.clone()].split_whitespace().count() < 3 {
                pending = Some(range);
                continue;
            }
            out.push(range);
        }
        if let Some(p) = pending {
            if set_apart || text[p.clone()].split_whitespace().count() >= 3 {
                out.push(p);
            }
        }
    }
    out
}

/// The lines of `range` of `text`, as byte ranges without their line breaks.
pub(super) fn line_ranges(text: &str, range: Range<usize>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = range.start;
    for (i, c) in text[range.clone()].char_indices() {
        if c == '\n' {
            out.push(start..range.start + i);
            start = range.start + i + 1;
        }
    }
    out.push(start..range.end);
    out
}

/// A block cut at the line breaks that end a line of its own: before a list item ("- ",
/// "• "), and after a heading, a line with no closing punctuation that is much shorter than
/// the block's longest line ("Board changes", "About Altavolo Catering Group"). Other line
/// breaks are a hard-wrapped paragraph's.
fn lines_apart(text: &str, block: Range<usize>) -> Vec<Range<usize>> {
    let lines = line_ranges(text, block.clone());
    let longest = lines
        .iter()
        .map(|l| text[l.clone()].trim().chars().count())
        .max()
        .unwrap_or(0);
    let mut out: Vec<Range<usize>> = Vec::new();
    let mut open = block.start;
    for pair in lines.windows(2) {
        let (line, next) = (
            text[pair[0].clone()].trim(),
            text[pair[1].clone()].trim_start(),
        );
        let item = ["- ", "• ", "* ", "– ", "— "]
            .iter()
            .any(|m| next.starts_with(m));
        let heading = !line.is_empty()
            && !line.ends_with(|c: char| ".,;:!?\"”’)-–—".contains(c))
            && line.chars().count() * 10 < longest * 6;
        if item || heading {
            out.push(open..pair[0].end);
            open = pair[1].start;
        }
    }
    out.push(open..block.end);
    out
}

impl<'a> Doc<'a> {
    /// Wraps a text and its sentences.
    pub fn new(text: &'a str, sentences: Vec<Range<usize>>) -> Doc<'a> {
        Doc { text, sentences }
    }

    /// The index of the sentence holding byte `at`.
    pub fn sentence_at(&self, at: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.end <= at);
        (i < self.sentences.len() && self.sentences[i].start <= at).then_some(i)
    }

    /// The words of `range`, whitespace collapsed.
    pub fn words(&self, range: Range<usize>) -> String {
        clean(&self.text[range])
    }

    /// A quote for the match at `at`: its sentence when short enough, else the clauses around
    /// it, else the words around it; never more than the facts file's word limit.
    pub fn evidence(&self, at: Range<usize>) -> String {
        let Some(i) = self.sentence_at(at.start) else {
            return clean(&self.text[at]);
        };
        let sentence = self.sentences[i].clone();
        let at = at.start.max(sentence.start)..at.end.min(sentence.end).max(at.start);
        let text = &self.text[sentence.clone()];
        if count(text) <= MAX_EVIDENCE_WORDS {
            return clean(text);
        }
        // Clauses: split after , ; : and at dashes and brackets.
        let mut cuts = vec![sentence.start];
        for (i, c) in text.char_indices() {
            let at = sentence.start + i;
            match c {
                ',' | ';' | ':' => cuts.push(at + 1),
                '—' | '–' | '(' => cuts.push(at),
                ')' => cuts.push(at + 1),
                _ => {}
            }
        }
        cuts.push(sentence.end);
        cuts.dedup();
        let clauses: Vec<Range<usize>> = cuts.windows(2).map(|w| w[0]..w[1]).collect();
        let first = clauses.iter().position(|c| c.end > at.start).unwrap_or(0);
        let last = clauses
            .iter()
            .position(|c| c.end >= at.end)
            .unwrap_or(first)
            .max(first);
        let (mut lo, mut hi) = (first, last);
        let words = |lo: usize, hi: usize| count(&self.text[clauses[lo].start..clauses[hi].end]);
        if words(lo, hi) > MAX_EVIDENCE_WORDS {
            return self.word_window(at, sentence);
        }
        loop {
            let grew_right = hi + 1 < clauses.len() && words(lo, hi + 1) <= MAX_EVIDENCE_WORDS;
            if grew_right {
                hi += 1;
            }
            let grew_left = lo > 0 && words(lo - 1, hi) <= MAX_EVIDENCE_WORDS;
            if grew_left {
                lo -= 1;
            }
            if !grew_left && !grew_right {
                break;
            }
        }
        let quote = clean(&self.text[clauses[lo].start..clauses[hi].end]);
        quote
            .trim_matches(|c: char| matches!(c, ',' | ';' | ':' | ' ' | '—' | '–' | '('))
            .to_owned()
    }

    /// Up to the word limit of words around `at`, within `sentence`.
    fn word_window(&self, at: Range<usize>, sentence: Range<usize>) -> String {
        let text = &self.text[sentence.clone()];
        let spans: Vec<Range<usize>> = text
            .split_whitespace()
            .map(|w| {
                let start = w.as_ptr() as usize - text.as_ptr() as usize + sentence.start;
                start..start + w.len()
            })
            .collect();
        let first = spans.iter().position(|w| w.end > at.start).unwrap_or(0);
        let start = first.saturating_sub(MAX_EVIDENCE_WORDS / 4);
        let end = (start + MAX_EVIDENCE_WORDS).min(spans.len());
        clean(&self.text[spans[start].start..spans[end - 1].end])
    }
}

fn count(text: &str) -> usize {
    text.split_whitespace().count()
}

/// The largest char boundary of `text` at or before `i`.
pub fn floor(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The smallest char boundary of `text` at or after `i`.
pub fn ceil(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// Declares patterns of the draft rules, each compiled by [`regex`] when first used:
/// `NAME = "pattern";` or `NAME = format!(…);`, each with its doc comment.
macro_rules! patterns {
    ($($(#[$doc:meta])* $name:ident = $pattern:expr;)*) => {
        $(
            $(#[$doc])*
            static $name: std::sync::LazyLock<regex::Regex> =
                std::sync::LazyLock::new(|| $crate::draft::segment::regex(&$pattern));
        )*
    };
}
pub(crate) use patterns;

/// Compiles a pattern of the draft rules. Their words are English, so `\d` and `\b` are
/// taken in their ASCII sense, and `\w` in ASCII's and the Latin letters with diacritics
/// ("Anáhuac's", "Nový Bor"): the automata stay small and quick to build, which is most of the
/// time a draft takes. Names themselves are found by Unicode word segmentation.
pub fn regex(pattern: &str) -> regex::Regex {
    /// The letters of `\w`: ASCII's, and Latin-1's and Latin Extended-A's and -B's letters
    /// (not `×` and `÷`).
    const WORD: &str = "0-9A-Za-z_\u{C0}-\u{D6}\u{D8}-\u{F6}\u{F8}-\u{24F}";
    let mut out = String::with_capacity(pattern.len() + 64);
    let mut in_class = false;
    let mut chars = pattern.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                let next = chars.next().unwrap_or('\\');
                match (next, in_class) {
                    ('w', true) => out.push_str(WORD),
                    ('w', false) => {
                        out.push('[');
                        out.push_str(WORD);
                        out.push(']');
                    }
                    ('d', true) => out.push_str("0-9"),
                    ('d', false) => out.push_str("[0-9]"),
                    ('b', false) => out.push_str("(?-u:\\b)"),
                    (other, _) => {
                        out.push('\\');
                        out.push(other);
                    }
                }
            }
            '[' if !in_class => {
                in_class = true;
                out.push(c);
                // A `]` or `^]` right after the bracket is a literal.
                if chars.peek() == Some(&'^') {
                    out.push(chars.next().expect("peeked"));
                }
                if chars.peek() == Some(&']') {
                    out.push(chars.next().expect("peeked"));
                }
            }
            ']' if in_class => {
                in_class = false;
                out.push(c);
            }
            c => out.push(c),
        }
    }
    regex::Regex::new(&out).expect("valid regex")
}

/// Whitespace runs (line breaks included) as one space, trimmed.
pub fn clean(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rule_patterns_take_latin_letters_as_word_letters() {
        let re = regex(r"\b[\w’-]+\s\d+\b");
        assert!(re.is_match("Cainiao’s 400"));
        assert_eq!(re.find("a Café 12").map(|m| m.as_str()), Some("Café 12"));
        assert_eq!(
            regex(r"\w+").find("Anáhuac's").map(|m| m.as_str()),
            Some("Anáhuac")
        );
        assert_eq!(regex(r"\w+").find("×2").map(|m| m.as_str()), Some("2"));
        assert!(regex(r"[^\w]x").is_match("-x"));
        assert!(!regex(r"[^\w]x").is_match("éx"));
    }

    #[test]
    fn sentences_and_short_quotes() {
        let text = "Menu\n\nAcme Group hired Ann Lee. She starts in May 2024.\nShe said so.";
        let body = 6..text.len();
        let s = sentences(text, std::slice::from_ref(&body));
        let words: Vec<&str> = s.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(
            words,
            [
                "Acme Group hired Ann Lee.",
                "She starts in May 2024.",
                "She said so."
            ]
        );
        let doc = Doc::new(text, s);
        assert_eq!(doc.evidence(22..25), "Acme Group hired Ann Lee.");
    }

    #[test]
    fn a_heading_and_list_items_are_lines_of_their_own() {
        let text = "Board changes\nRao will step down as chief financial officer on 28 February.\n\
                    Key points\n- A contract with Solvara\n- Guidance confirmed for the year\n\
                    - A new chief financial officer.";
        let s = sentences(text, std::slice::from_ref(&(0..text.len())));
        let got: Vec<&str> = s.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(
            got,
            [
                "Board changes",
                "Rao will step down as chief financial officer on 28 February.",
                "Key points",
                "- A contract with Solvara",
                "- Guidance confirmed for the year",
                "- A new chief financial officer."
            ]
        );
        // A hard-wrapped paragraph stays one sentence.
        let wrapped = "Rao, who joined the company in 2019 from a bank\nin Zurich, will step down.";
        let s = sentences(wrapped, std::slice::from_ref(&(0..wrapped.len())));
        assert_eq!(s.len(), 1);
        assert_eq!(s[0], 0..wrapped.len());
    }

    #[test]
    fn long_sentences_are_quoted_by_clause() {
        let long = format!(
            "{}, and Acme Group, which is new, hired Ann Lee, {}.",
            "one two three four five six seven eight nine ten eleven twelve thirteen fourteen",
            "ten more words here to make this sentence far too long for one quote ok yes and more and more words"
        );
        let doc = Doc::new(
            &long,
            sentences(&long, std::slice::from_ref(&(0..long.len()))),
        );
        let at = long.find("Ann").unwrap();
        let quote = doc.evidence(at..at + 7);
        assert!(quote.contains("hired Ann Lee"), "{quote}");
        assert!(quote.split_whitespace().count() <= MAX_EVIDENCE_WORDS);
        assert!(long.contains(&quote), "{quote}");
    }
}
