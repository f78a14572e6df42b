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
use crate::text::quantities::{self, Bound, Quantity};
use std::ops::Range;

/// Nouns that make a number in digits before them a count ("1,200 full-time staff").
const COUNT_NOUNS: &[&str] = &[
    "employees",
    "people",
    "staff",
    "workers",
    "jobs",
    "teams",
    "groups",
    "companies",
    "units",
    "shareholders",
    "users",
    "customers",
    "clients",
    "merchants",
    "brands",
    "platforms",
    "countries",
    "markets",
    "cities",
    "warehouses",
    "stores",
    "parcels",
    "orders",
    "members",
    "products",
    "businesses",
    "divisions",
    "subsidiaries",
    "partners",
    "points",
];

/// The count nouns that count people: a count of them is a headcount.
const PEOPLE: &[&str] = &["employees", "people", "staff", "workers", "jobs"];

patterns! {
    /// A unit of time just after a number ("3-5 days", "a 24-hour window").
    TIME_UNIT = r"^[- ](?<unit>day|hour|year|month|week)s?\b";

    /// A count noun up to two words after a number ("400 full-time employees").
    COUNT_NOUN = format!(
        r"^\s+(?:[a-z][a-z-]*\s+){{0,2}}?(?<noun>{})\b",
        COUNT_NOUNS.join("|")
    );

    /// What makes an ordinal a rank ("second fastest-growing", "3rd largest").
    RANK_WORDS = r"^[- ](?:largest|biggest|fastest[- ]growing|most\s+\w+|top|leading|highest)\b";

    /// A rank stated without a number: "leads in", "continues to lead in".
    LEADS = r"\b(?:continues?\s+to\s+)?lead(?:s|ing)?\s+in\b";
}

/// Builds this stage's patterns now rather than at their first use.
pub(super) fn build_patterns() {
    for pattern in [&TIME_UNIT, &COUNT_NOUN, &RANK_WORDS, &LEADS] {
        std::sync::LazyLock::force(pattern);
    }
}

/// A number as the draft classifies it: what it counts, the measure kind that fits it, its
/// amount in the facts file's syntax, and the words it spans in the sentence.
struct Classified {
    unit: Unit,
    kind: Option<&'static str>,
    amount: String,
    at: Range<usize>,
}

/// The numbers of the body: each quantity [`quantities::read`] finds in a sentence, classified
/// by the words around it, and ranks stated without a number.
pub fn find(doc: &Doc, found: &Found) -> Vec<Number> {
    let mut out: Vec<Number> = Vec::new();
    for s in &doc.sentences {
        let text = &doc.text[s.clone()];
        let lower = text.to_lowercase();
        let leads = LEADS.find_iter(text).map(|m| Classified {
            unit: Unit::Rank,
            kind: Some("rank"),
            amount: "1".into(),
            at: m.range(),
        });
        let read = quantities::read(text);
        let classified = read
            .iter()
            .filter_map(|q| classify(text, &lower, q).map(|c| (c, q.bounded_by)))
            .chain(leads.map(|c| (c, None)));
        for (c, bounded_by) in classified {
            let abs = s.start + c.at.start..s.start + c.at.end;
            let of = c
                .kind
                .and_then(|_| nearest_org(found, s.clone(), abs.clone()));
            out.push(Number {
                amount: c.amount,
                unit: c.unit,
                bound: bounded_by.map(|(phrase, _)| phrase.to_owned()),
                expression: super::segment::clean(&text[c.at]),
                kind: c.kind,
                of,
                id: String::new(),
                evidence: doc.evidence(abs.clone()),
                at: abs,
            });
        }
    }
    out.sort_by_key(|n| n.at.start);
    out
}

/// What a quantity of the sentence `text` (`lower` is it lowercased) counts, from its currency
/// or percent sign and the words after it; `None` for the numbers the draft leaves alone
/// (years, bare numbers, counts in words).
fn classify(text: &str, lower: &str, q: &Quantity) -> Option<Classified> {
    // Lowercasing may change a text's length, so the words are cut from `text` first.
    let written = text[q.at.clone()].to_lowercase();
    let written = written.as_str();
    let after = &text[q.at.end..];
    let range = |body: String| match &q.high {
        Some(h) => format!("{body}-{h}"),
        None => body,
    };
    let mark = q.bound().map_or("", Bound::mark);
    if let Some(cur) = &q.currency {
        let near = |from: usize, to: usize| {
            let from = super::segment::floor(text, from);
            let to = super::segment::ceil(text, to.min(text.len()));
            super::segment::clean(&text[from..to].to_lowercase())
        };
        let kind = money_kind(
            &near(q.at.start.saturating_sub(40), q.at.start),
            &near(q.at.end, q.at.end + 30),
        );
        return Some(Classified {
            unit: Unit::Money(cur.clone()),
            kind,
            amount: marked(mark, range(format!("{cur} {}", q.low))),
            at: q.at.clone(),
        });
    }
    if q.percent {
        // "half" is a number only with a bound ("more than half"), and spans it.
        let at = if written == "half" {
            q.bounded_by?.1..q.at.end
        } else {
            q.at.clone()
        };
        return Some(Classified {
            unit: Unit::Percent,
            kind: percent_kind(lower),
            amount: marked(mark, range(format!("{}%", q.low))),
            at,
        });
    }
    if written.starts_with("next") {
        return Some(Classified {
            unit: Unit::Days,
            kind: None,
            amount: "1".into(),
            at: q.at.clone(),
        });
    }
    if q.ordinal {
        let rank = RANK_WORDS.find(after)?;
        return Some(Classified {
            unit: Unit::Rank,
            kind: Some("rank"),
            amount: q.low.clone(),
            at: q.at.start..q.at.end + rank.end(),
        });
    }
    if !written.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    if let Some(c) = TIME_UNIT.captures(after) {
        let end = q.at.end + c.get(0).expect("match").end();
        // "11 years ago" and "its 24-year history" are times, not numbers.
        let rest = text[end..].trim_start();
        if rest.starts_with("ago") || rest.starts_with("history") {
            return None;
        }
        let unit = match &c["unit"] {
            "day" => Unit::Days,
            u => Unit::Duration(format!("{u}s")),
        };
        return Some(Classified {
            unit,
            kind: None,
            amount: range(q.low.clone()),
            at: q.at.start..end,
        });
    }
    let c = COUNT_NOUN.captures(after)?;
    let noun = &c["noun"];
    Some(Classified {
        unit: Unit::Count,
        kind: PEOPLE.contains(&noun).then_some("headcount"),
        amount: marked(mark, range(q.low.clone())),
        at: q.at.start..q.at.end + c.get(0).expect("match").end(),
    })
}

/// A measure kind for a percentage, from the words of its sentence: revenue growth or share,
/// or a stake.
fn percent_kind(sentence: &str) -> Option<&'static str> {
    let kind = if sentence.contains("revenue") {
        if ["growth", "grew", "grow", "increase", "rose"]
            .iter()
            .any(|w| sentence.contains(w))
        {
            "revenue-growth"
        } else {
            "revenue-share"
        }
    } else if ["equity", "stake", " owned", " owns", " holds"]
        .iter()
        .any(|w| sentence.contains(w))
    {
        "stake"
    } else {
        return None;
    };
    has_measure_kind(kind).then_some(kind)
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
    use super::{Unit, classify};
    use crate::text::quantities;

    /// A sentence, and each number the draft proposes in it: unit, amount, words.
    type Case<'a> = (&'a str, &'a [(Unit, &'a str, &'a str)]);

    /// Each quantity of a sentence the draft proposes, as its unit, amount and words.
    fn numbers(text: &str) -> Vec<(Unit, String, String)> {
        let lower = text.to_lowercase();
        quantities::read(text)
            .iter()
            .filter_map(|q| classify(text, &lower, q))
            .map(|c| (c.unit, c.amount, text[c.at].to_owned()))
            .collect()
    }

    #[test]
    fn quantities_classified_by_the_words_around_them() {
        let money = |c: &str| Unit::Money(c.into());
        let cases: &[Case] = &[
            (
                "It paid SEK 310 million.",
                &[(money("SEK"), "SEK 310000000", "SEK 310 million")],
            ),
            (
                "worth about USD 3.1–5.2 billion",
                &[(
                    money("USD"),
                    "~USD 3100000000-5200000000",
                    "USD 3.1–5.2 billion",
                )],
            ),
            (
                "more than 400 full-time employees",
                &[(Unit::Count, ">400", "400 full-time employees")],
            ),
            (
                "Over half of its revenue",
                &[(Unit::Percent, ">50%", "Over half")],
            ),
            ("half of it", &[]),
            ("delivery in 3-5 days", &[(Unit::Days, "3-5", "3-5 days")]),
            (
                "a 24-hour window",
                &[(Unit::Duration("hours".into()), "24", "24-hour")],
            ),
            ("founded 11 years ago", &[]),
            (
                "the second fastest-growing",
                &[(Unit::Rank, "2", "second fastest-growing")],
            ),
            ("next-day delivery", &[(Unit::Days, "1", "next-day")]),
            ("in 2024, two companies", &[]),
            // Lowercasing "Ⱥ" lengthens the text: positions are cut from the text as written.
            (
                "Ⱥ ¥8 a share",
                &[(Unit::Money("CNY".into()), "CNY 8", "¥8")],
            ),
        ];
        for (text, expected) in cases {
            let expected: Vec<(Unit, String, String)> = expected
                .iter()
                .map(|(u, a, w)| (u.clone(), (*a).to_owned(), (*w).to_owned()))
                .collect();
            assert_eq!(numbers(text), expected, "{text}");
        }
    }

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
