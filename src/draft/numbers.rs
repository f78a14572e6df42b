//! Numbers: percentages, money with its currency, counts with their noun, ranks and days,
//! each with the bound the text gives ("more than", "about").
//!
//! A number becomes a `[[measure]]` when one of the facts file's measure kinds fits it
//! (revenue growth or share for a percentage in a sentence about revenue, headcount for a
//! count of people, rank for "second fastest-growing") and the sentence names an
//! organization; every other number is a commented-out stub with its amount written in the
//! facts file's syntax (`USD 3750000000`, `>400`).

use super::found::Found;
use super::segment::Doc;
use super::segment::patterns;
use super::write::has_measure_kind;
use super::{Number, Unit};
use crate::text::quantities::{
    BOUND_WORDS, Bound, CURRENCIES, ORDINALS, SCALES, bound, currency_code, ordinal, scale_zeros,
    scaled,
};
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

const NUM: &str = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?";

static MONEY: LazyLock<Regex> = LazyLock::new(|| {
    let scales: Vec<&str> = SCALES.iter().map(|(w, _)| *w).collect();
    super::segment::regex(&format!(
        r"(?<cur>{})(?<low>{NUM})(?:\s?[–-]\s?(?<high>{NUM}))?(?:\s?(?<scale>{})\b)?",
        currency_pattern(r"\s?", r"\s?"),
        scales.join("|")
    ))
});

/// Every way [`CURRENCIES`] writes a currency, as alternatives of a pattern: codes as whole
/// words followed by `code_space`, multi-character symbols (`US$`) by `symbol_space`.
fn currency_pattern(code_space: &str, symbol_space: &str) -> String {
    let codes: Vec<&str> = CURRENCIES
        .iter()
        .map(|(w, _)| *w)
        .filter(|w| w.chars().all(|c| c.is_ascii_alphabetic()))
        .collect();
    let mut symbols: Vec<String> = CURRENCIES
        .iter()
        .map(|(w, _)| *w)
        .filter(|w| !w.chars().all(|c| c.is_ascii_alphabetic()))
        .map(|w| {
            let tail = if w.chars().count() > 1 {
                symbol_space
            } else {
                ""
            };
            format!("{}{tail}", regex::escape(w))
        })
        .collect();
    symbols.insert(0, format!(r"\b(?:{}){code_space}", codes.join("|")));
    symbols.join("|")
}

patterns! {
    PERCENT = format!(
        r"(?<low>{NUM})(?:\s?[–-]\s?(?<high>{NUM}))?\s?(?:%|\bper\s?cent\b|\bpercent\b)|\b(?<half>half)\b"
    );

    DAYS = r"\b(?<low>\d+)(?:\s?[–-]\s?(?<high>\d+))?[- ](?<unit>day|hour|year|month|week)s?\b|\b(?<next>next-day)\b";

    COUNT = format!(
        r"\b(?<n>{NUM})\s+(?:[a-z][a-z-]*\s+){{0,2}}?(?<noun>employees|people|staff|workers|jobs|teams|groups|companies|units|shareholders|users|customers|clients|merchants|brands|platforms|countries|markets|cities|warehouses|stores|parcels|orders|members|products|businesses|divisions|subsidiaries|partners|points)\b"
    );

    RANK = format!(
        r"\b(?<ord>{}|\d+(?:st|nd|rd|th))[- ](?:largest|biggest|fastest[- ]growing|most\s+\w+|top|leading|highest)\b|\b(?<lead>(?:continues?\s+to\s+)?lead(?:s|ing)?\s+in)\b",
        ORDINALS.join("|")
    );
}

static BOUND: LazyLock<Regex> = LazyLock::new(|| {
    let words: Vec<&str> = BOUND_WORDS.iter().map(|(w, _)| *w).collect();
    super::segment::regex(&format!(
        r"(?i)\b(?<b>{})\s+(?:{})?$",
        words.join("|"),
        currency_pattern(r"\s", r"\s?")
    ))
});

const PEOPLE: &[&str] = &["employees", "people", "staff", "workers", "jobs"];

fn plain(n: &str) -> String {
    n.replace(',', "")
}

/// The numbers of the body.
pub fn find(doc: &Doc, found: &Found) -> Vec<Number> {
    let mut out: Vec<Number> = Vec::new();
    for s in &doc.sentences {
        let text = &doc.text[s.clone()];
        let lower = text.to_lowercase();
        let mut taken: Vec<Range<usize>> = Vec::new();
        let mut push = |out: &mut Vec<Number>,
                        at: Range<usize>,
                        amount: String,
                        unit: Unit,
                        kind: Option<&'static str>,
                        bound: Option<String>| {
            if taken.iter().any(|t| t.start < at.end && at.start < t.end) {
                return;
            }
            taken.push(at.clone());
            let abs = s.start + at.start..s.start + at.end;
            let of = kind.and_then(|_| nearest_org(found, s.clone(), abs.clone()));
            out.push(Number {
                amount,
                unit,
                bound,
                expression: super::segment::clean(&text[at]),
                kind,
                of,
                id: String::new(),
                evidence: doc.evidence(abs.clone()),
                at: abs,
            });
        };
        let bound_of = |start: usize| -> (Option<String>, &'static str) {
            let before = &text[..start];
            match BOUND.captures(before) {
                Some(c) => {
                    let b = c["b"].to_lowercase();
                    (Some(b.clone()), mark(&b))
                }
                None => (None, ""),
            }
        };
        for c in MONEY.captures_iter(text) {
            let m = c.get(0).expect("match");
            let cur = currency_code(&c["cur"]).unwrap_or("USD");
            let zeros = c.name("scale").and_then(|m| scale_zeros(m.as_str()));
            let zeros = zeros.unwrap_or(0);
            let low = scaled(&c["low"], zeros);
            let high = c.name("high").map(|h| scaled(h.as_str(), zeros));
            let (bound, mark) = bound_of(m.start());
            let amount = marked(
                mark,
                format!(
                    "{cur} {low}{}",
                    high.map(|h| format!("-{h}")).unwrap_or_default()
                ),
            );
            let near = |from: usize, to: usize| {
                let from = super::segment::floor(text, from);
                let to = super::segment::ceil(text, to);
                super::segment::clean(&text[from..to].to_lowercase())
            };
            let kind = money_kind(
                &near(m.start().saturating_sub(40), m.start()),
                &near(m.end(), m.end() + 30),
            );
            push(
                &mut out,
                m.range(),
                amount,
                Unit::Money(cur.into()),
                kind,
                bound,
            );
        }
        for c in PERCENT.captures_iter(text) {
            let m = c.get(0).expect("match");
            let (low, high) = if c.name("half").is_some() {
                ("50".to_owned(), None)
            } else {
                (plain(&c["low"]), c.name("high").map(|h| plain(h.as_str())))
            };
            let (bound, mark) = bound_of(m.start());
            if c.name("half").is_some() && bound.is_none() {
                continue;
            }
            let amount = marked(
                mark,
                format!(
                    "{low}{}%",
                    high.map(|h| format!("-{h}")).unwrap_or_default()
                ),
            );
            let kind = if lower.contains("revenue") {
                if ["growth", "grew", "grow", "increase", "rose"]
                    .iter()
                    .any(|w| lower.contains(w))
                {
                    Some("revenue-growth")
                } else {
                    Some("revenue-share")
                }
            } else if ["equity", "stake", " owned", " owns", " holds"]
                .iter()
                .any(|w| lower.contains(w))
            {
                Some("stake")
            } else {
                None
            }
            .filter(|k| has_measure_kind(k));
            let at = if c.name("half").is_some() {
                let (b, _) = bound_of(m.start());
                m.start() - b.map_or(0, |b| b.len() + 1)..m.end()
            } else {
                m.range()
            };
            push(&mut out, at, amount, Unit::Percent, kind, bound);
        }
        for c in DAYS.captures_iter(text) {
            let m = c.get(0).expect("match");
            if c.name("next").is_some() {
                push(&mut out, m.range(), "1".into(), Unit::Days, None, None);
                continue;
            }
            let unit = match &c["unit"] {
                "day" => Unit::Days,
                u => Unit::Duration(format!("{u}s")),
            };
            let amount = match c.name("high") {
                Some(h) => format!("{}-{}", &c["low"], h.as_str()),
                None => c["low"].to_owned(),
            };
            // "11 years ago" and "its 24-year history" are times, not numbers.
            let rest = text[m.end()..].trim_start();
            if rest.starts_with("ago") || rest.starts_with("history") {
                continue;
            }
            push(&mut out, m.range(), amount, unit, None, None);
        }
        for c in COUNT.captures_iter(text) {
            let m = c.get(0).expect("match");
            let n = plain(&c["n"]);
            let (bound, mark) = bound_of(m.start());
            let kind = PEOPLE.contains(&&c["noun"]).then_some("headcount");
            let amount = marked(mark, n);
            push(&mut out, m.range(), amount, Unit::Count, kind, bound);
        }
        for c in RANK.captures_iter(text) {
            let m = c.get(0).expect("match");
            let n = match c.name("ord") {
                Some(o) => ordinal(o.as_str()),
                None => Some(1),
            };
            if let Some(n) = n {
                push(
                    &mut out,
                    m.range(),
                    n.to_string(),
                    Unit::Rank,
                    Some("rank"),
                    None,
                );
            }
        }
    }
    out.sort_by_key(|n| n.at.start);
    out
}

/// How the facts file marks a bound the text gives: `>` for "more than", `>=` for "at least",
/// `<=` for "up to", `~` for "about"; nothing for the bounds it has no mark for ("under").
fn mark(words: &str) -> &'static str {
    match bound(words) {
        Some(Bound::Exclusive) => ">",
        Some(Bound::Inclusive) => ">=",
        Some(Bound::AtMost) => "<=",
        Some(Bound::Approximate) => "~",
        None => "",
    }
}

/// `body` with the mark in front, when the facts model reads the result (a range cannot be a
/// bound); else `body` alone, its bound kept in the comment.
fn marked(mark: &str, body: String) -> String {
    let with = format!("{mark}{body}");
    if !mark.is_empty() && with.parse::<crate::text::values::Amount>().is_ok() {
        with
    } else {
        body
    }
}

/// A measure kind for money, when the facts model has one that fits the sentence.
fn money_kind(before: &str, after: &str) -> Option<&'static str> {
    let kind = if after.contains("each share") || after.contains("per share") {
        "price-per-share"
    } else if before.contains("valued") || before.contains("valuation") {
        "valuation"
    } else if after.trim_start().starts_with("in total") || before.contains("total of") {
        "total-price"
    } else {
        return None;
    };
    has_measure_kind(kind).then_some(kind)
}

/// The organization named nearest to `at` in the sentence.
fn nearest_org(found: &Found, sentence: Range<usize>, at: Range<usize>) -> Option<String> {
    found
        .mentions_in(sentence)
        .filter(|m| !found.entity(m).kind.is_person())
        .min_by_key(|m| {
            if m.at.end <= at.start {
                (at.start - m.at.end) * 2
            } else {
                m.at.start.saturating_sub(at.end) * 2 + 1
            }
        })
        .map(|m| found.entity(m).id.clone())
}

#[cfg(test)]
mod money_tests {
    #[test]
    fn money_kinds_from_their_words() {
        assert_eq!(
            super::money_kind("up to ", " in total."),
            Some("total-price")
        );
        assert_eq!(
            super::money_kind("shareholders, ", " for each share they hold"),
            Some("price-per-share")
        );
        assert_eq!(
            super::money_kind("the offer valued cainiao at about ", "."),
            Some("valuation")
        );
    }
}
