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
use super::write::has_measure_kind;
use super::{Number, Unit};
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

const NUM: &str = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?";

static MONEY: LazyLock<Regex> = LazyLock::new(|| {
    super::segment::regex(&format!(
        r"(?<cur>\b(?:EUR|USD|CNY|RMB|HKD|GBP|JPY|SGD)\s?|US\$\s?|HK\$\s?|\$|€|£|¥)(?<low>{NUM})(?:\s?[–-]\s?(?<high>{NUM}))?(?:\s?(?<scale>billion|million|thousand|bn|mn)\b)?"
    ))
});

static PERCENT: LazyLock<Regex> = LazyLock::new(|| {
    super::segment::regex(&format!(
        r"(?<low>{NUM})(?:\s?[–-]\s?(?<high>{NUM}))?\s?(?:%|\bper\s?cent\b|\bpercent\b)|\b(?<half>half)\b"
    ))
});

static DAYS: LazyLock<Regex> = LazyLock::new(|| {
    super::segment::regex(
        r"\b(?<low>\d+)(?:\s?[–-]\s?(?<high>\d+))?[- ](?<unit>day|hour|year|month|week)s?\b|\b(?<next>next-day)\b",
    )
});

static COUNT: LazyLock<Regex> = LazyLock::new(|| {
    super::segment::regex(&format!(
        r"\b(?<n>{NUM})\s+(?:[a-z][a-z-]*\s+){{0,2}}?(?<noun>employees|people|staff|workers|jobs|teams|groups|companies|units|shareholders|users|customers|clients|merchants|brands|platforms|countries|markets|cities|warehouses|stores|parcels|orders|members|products|businesses|divisions|subsidiaries|partners|points)\b"
    ))
});

static RANK: LazyLock<Regex> = LazyLock::new(|| {
    super::segment::regex(
        r"\b(?<ord>first|second|third|fourth|fifth|\d+(?:st|nd|rd|th))[- ](?:largest|biggest|fastest[- ]growing|most\s+\w+|top|leading|highest)\b|\b(?<lead>(?:continues?\s+to\s+)?lead(?:s|ing)?\s+in)\b",
    )
});

static BOUND: LazyLock<Regex> = LazyLock::new(|| {
    super::segment::regex(
        r"(?i)\b(?<b>more than|over|above|exceeding|at least|about|around|approximately|roughly|nearly|almost|up to|some|under|less than)\s+(?:US\$|HK\$|\$|€|£|¥|EUR\s|USD\s|CNY\s|RMB\s|HKD\s)?$",
    )
});

const PEOPLE: &[&str] = &["employees", "people", "staff", "workers", "jobs"];

fn plain(n: &str) -> String {
    n.replace(',', "")
}

/// `3.75` scaled by 10^zeros, as a decimal string: `3750000000`.
fn scale(n: &str, zeros: usize) -> String {
    let (whole, frac) = n.split_once('.').unwrap_or((n, ""));
    let mut digits = format!("{whole}{frac}");
    let point = whole.len() + zeros;
    while digits.len() < point {
        digits.push('0');
    }
    let (w, f) = digits.split_at(point);
    let w = w.trim_start_matches('0');
    let w = if w.is_empty() { "0" } else { w };
    let f = f.trim_end_matches('0');
    if f.is_empty() {
        w.to_owned()
    } else {
        format!("{w}.{f}")
    }
}

fn ordinal(word: &str) -> Option<u32> {
    match word {
        "first" => Some(1),
        "second" => Some(2),
        "third" => Some(3),
        "fourth" => Some(4),
        "fifth" => Some(5),
        w => w.trim_end_matches(|c: char| c.is_alphabetic()).parse().ok(),
    }
}

fn currency(symbol: &str) -> &'static str {
    match symbol.trim() {
        "EUR" | "€" => "EUR",
        "USD" | "US$" | "$" => "USD",
        "CNY" | "RMB" | "¥" => "CNY",
        "HKD" | "HK$" => "HKD",
        "GBP" | "£" => "GBP",
        "JPY" => "JPY",
        "SGD" => "SGD",
        _ => "USD",
    }
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
            let cur = currency(&c["cur"]);
            let zeros = match c.name("scale").map(|m| m.as_str()) {
                Some("billion" | "bn") => 9,
                Some("million" | "mn") => 6,
                Some("thousand") => 3,
                _ => 0,
            };
            let low = scale(&plain(&c["low"]), zeros);
            let high = c.name("high").map(|h| scale(&plain(h.as_str()), zeros));
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
/// `~` for "about"; nothing for the bounds it has no mark for ("nearly", "up to").
fn mark(bound: &str) -> &'static str {
    match bound {
        "more than" | "over" | "above" | "exceeding" => ">",
        "at least" => ">=",
        "about" | "around" | "approximately" | "roughly" | "some" => "~",
        _ => "",
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
mod tests {
    use super::*;

    #[test]
    fn scaling_keeps_decimals_exact() {
        assert_eq!(scale("3.75", 9), "3750000000");
        assert_eq!(scale("10.3", 9), "10300000000");
        assert_eq!(scale("0.62", 0), "0.62");
        assert_eq!(scale("2", 6), "2000000");
    }
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
