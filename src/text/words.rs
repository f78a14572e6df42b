//! Words and names as every stage reads them from text: typography folded, words split,
//! names normalised for comparison.
//!
//! Names are compared in more than one way on purpose, and each way is one function here:
//! [`name_words`] asks whether a quote holds every word of a name (grounding, and the draft
//! choosing quotes that will pass grounding); [`unordered`] asks whether two declarations of a
//! person give the same name in either order (the corpus's conflicts); [`org_key`] sets aside
//! the words organizations gain and lose between articles (the draft matching a known
//! organization); [`swapped`] writes a two-word person name the other way round (the draft
//! finding "Wan Lin" for "Lin Wan").

use std::ops::Range;

/// A character as the matching of quotes forgives it: typographic quotes, primes and dashes
/// become their ASCII forms, any white space a space.
pub fn plain_char(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' => '"',
        '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
        c if c.is_whitespace() => ' ',
        c => c,
    }
}

/// The text with every character made [`plain_char`].
pub fn plain(text: &str) -> String {
    text.chars().map(plain_char).collect()
}

/// The words of a text: lowercase runs of letters and digits (a `.` between two of them, as
/// in `JD.com` or `2.1`, stays), with possessive `'s` dropped.
pub fn words(text: &str) -> Vec<String> {
    located_words(text).into_iter().map(|(_, w)| w).collect()
}

/// The [`words`] of a text, each with its byte range in `text` (a possessive `'s` left out).
pub fn located_words(text: &str) -> Vec<(Range<usize>, String)> {
    let chars: Vec<(usize, char)> = text
        .char_indices()
        .map(|(at, c)| (at, plain_char(c)))
        .collect();
    let mut out = Vec::new();
    let mut word = String::new();
    let mut span = 0..0;
    let mut i = 0;
    while i < chars.len() {
        let (at, c) = chars[i];
        let next = chars.get(i + 1).map(|(_, c)| *c);
        let possessive = c == '\''
            && next.is_some_and(|n| n.eq_ignore_ascii_case(&'s'))
            && !chars.get(i + 2).is_some_and(|(_, c)| c.is_alphanumeric());
        if possessive {
            i += 2;
            continue;
        }
        let inner_dot = c == '.' && !word.is_empty() && next.is_some_and(char::is_alphanumeric);
        if c.is_alphanumeric() || inner_dot {
            if word.is_empty() {
                span.start = at;
            }
            word.extend(c.to_lowercase());
            span.end = chars.get(i + 1).map_or(text.len(), |(at, _)| *at);
        } else if !word.is_empty() {
            out.push((span.clone(), std::mem::take(&mut word)));
        }
        i += 1;
    }
    if !word.is_empty() {
        out.push((span, word));
    }
    out
}

/// `s` with its first character in capitals: "Total price" for "total price".
pub fn capitalise_first(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// The words a quote must hold to name `name`: its [`words`] but "the", which a text may drop
/// or add ("the Alibaba Group").
pub fn name_words(name: &str) -> Vec<String> {
    words(name).into_iter().filter(|w| w != "the").collect()
}

/// Start and end (exclusive) of every run of letters and digits.
pub fn word_spans(chars: &[char]) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut start = None;
    for (i, c) in chars.iter().enumerate() {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                spans.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        spans.push((s, chars.len()));
    }
    spans
}

/// A name lowercased, its words in sorted order: "Lin Wan" and "wan lin" give the same, since
/// one person's name is written in either order.
pub fn unordered(name: &str) -> String {
    let mut words: Vec<String> = name.split_whitespace().map(str::to_lowercase).collect();
    words.sort();
    words.join(" ")
}

/// Words an organization's name can gain or lose and stay the same organization's.
const ORG_WORDS: &[&str] = &[
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

/// The words that tell an organization's name apart, lowercase, possessives dropped and the
/// words organizations gain and lose set aside (`and`, `of`, `the`, Group, Business, Inc.,
/// division, team…): "Taobao and Tmall Group" and "Taobao Tmall Business Group" both
/// give "taobao tmall".
pub fn org_key(name: &str) -> String {
    name.split_whitespace()
        .map(|w| {
            w.trim_end_matches("'s")
                .trim_end_matches("’s")
                .to_lowercase()
        })
        .filter(|w| !ORG_WORDS.contains(&w.as_str()))
        .collect::<Vec<_>>()
        .join(" ")
}

/// "Lin Wan" → "Wan Lin": a two-word capitalised name with its words swapped.
pub fn swapped(name: &str) -> Option<String> {
    let words: Vec<&str> = name.split_whitespace().collect();
    match words.as_slice() {
        [a, b] if a.chars().next()?.is_uppercase() && b.chars().next()?.is_uppercase() => {
            Some(format!("{b} {a}"))
        }
        _ => None,
    }
}

/// The verbs that say someone heads something, in their forms: "X heads the unit", "led by
/// X". `check` grounds the role "head" by them, and `draft` reads "X runs Y" as X heading Y.
pub const HEADING_VERBS: &[&str] = &[
    "head", "heads", "headed", "heading", "lead", "leads", "led", "leading", "run", "runs", "ran",
    "running",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_of_texts() {
        let cases: &[(&str, &[&str])] = &[
            (
                "JD.com’s non-consignor platform.",
                &["jd.com", "non", "consignor", "platform"],
            ),
            (
                "Revenue grew 2.1 percent",
                &["revenue", "grew", "2.1", "percent"],
            ),
            ("Cainiao's  “Global”\nunit", &["cainiao", "global", "unit"]),
            ("the end.", &["the", "end"]),
            ("", &[]),
        ];
        for (text, expected) in cases {
            assert_eq!(words(text), *expected, "{text}");
        }
    }

    #[test]
    fn names_normalised_each_way() {
        /// A name, then its `name_words`, `unordered`, `org_key` and `swapped`.
        type Case<'a> = (&'a str, &'a [&'a str], &'a str, &'a str, Option<&'a str>);
        let cases: &[Case] = &[
            (
                "Lin Wan",
                &["lin", "wan"],
                "lin wan",
                "lin wan",
                Some("Wan Lin"),
            ),
            ("wan  LIN", &["wan", "lin"], "lin wan", "wan lin", None),
            (
                "the Taobao and Tmall Group",
                &["taobao", "and", "tmall", "group"],
                "and group taobao the tmall",
                "taobao tmall",
                None,
            ),
            (
                "Taobao Tmall Business Group",
                &["taobao", "tmall", "business", "group"],
                "business group taobao tmall",
                "taobao tmall",
                None,
            ),
            (
                "Cainiao’s international division",
                &["cainiao", "international", "division"],
                "cainiao’s division international",
                "cainiao international",
                None,
            ),
        ];
        for (name, by_words, by_order, key, swap) in cases {
            assert_eq!(name_words(name), *by_words, "{name}");
            assert_eq!(unordered(name), *by_order, "{name}");
            assert_eq!(org_key(name), *key, "{name}");
            assert_eq!(swapped(name).as_deref(), *swap, "{name}");
        }
    }

    #[test]
    fn spans_of_words() {
        let chars: Vec<char> = "Ding, CEO of 菜鸟".chars().collect();
        assert_eq!(word_spans(&chars), [(0, 4), (6, 9), (10, 12), (13, 15)]);
        assert_eq!(plain("a\u{2014}b\u{2019}s\tc"), "a-b's c");
    }
}
