//! Time: dates at the precision the text gives (`26 March 2024`, `September 2023`, `2019`),
//! fiscal quarters, and relative expressions ("11 years ago", "last year", "recently"),
//! each kept with its words and the preposition that places it ("by 2019", "since 2024").

use super::DateMention;
use super::segment::Doc;
use super::segment::patterns;
use crate::text::quantities::{self, COUNTS, MONTH_ABBREVIATIONS, MONTHS};
use crate::text::values::Date;
use std::ops::Range;
use std::sync::LazyLock;

static MONTH: LazyLock<String> = LazyLock::new(|| MONTHS.join("|"));

/// A month as a dateline writes it: in full, or short with an optional full stop.
static DATELINE_MONTH: LazyLock<String> =
    LazyLock::new(|| format!(r"(?:{}|(?:{})\.?)", *MONTH, MONTH_ABBREVIATIONS.join("|")));

patterns! {
    DAY_MONTH_YEAR = format!(
        r"\b(?<d>\d{{1,2}})(?:\s?[–-]\s?\d{{1,2}})?\s+(?<m>{m})\s+(?<y>(?:19|20)\d{{2}})\b|\b(?<m2>{m})\s+(?<d2>\d{{1,2}}),\s+(?<y2>(?:19|20)\d{{2}})\b",
        m = *DATELINE_MONTH
    );

    MONTH_YEAR = format!(r"\b(?<m>{})\s+(?<y>(?:19|20)\d{{2}})\b", *MONTH);

    YEAR = r"\b(?<y>(?:19|20)\d{2})\b";

    RELATIVE = format!(
        r"(?i)\b(?:(?:\d+|{})\s+(?:years?|months?|weeks?|days?)\s+ago|(?:last|this|next|earlier this|later this)\s+(?:year|month|week|quarter)|\d+-year history|for over a year|for (?:more than|about)?\s*a year|recently|from its inception|(?:the\s+)?(?:first|second|third|fourth)(?:\s+two)?\s+(?:fiscal\s+)?quarters?\s+of\s+(?:19|20)\d{{2}})\b",
        COUNTS.join("|")
    );

    QUALIFIER = r"(?i)\b(?<q>by|since|until|in|on|from|before|after|as of|during)\s+(?:the\s+)?(?:(?:early|late|mid)[- ])?$";
}

fn month(name: &str) -> u8 {
    quantities::month(name).unwrap_or(1)
}

patterns! {
    /// A day written the ISO way: `2025-03-11`.
    ISO_DAY = r"\b(?<y>(?:19|20)\d{2})-(?<m>\d{2})-(?<d>\d{2})\b";
}

/// Builds this stage's patterns now rather than at their first use.
pub(super) fn build_patterns() {
    for pattern in [
        &DAY_MONTH_YEAR,
        &MONTH_YEAR,
        &YEAR,
        &RELATIVE,
        &QUALIFIER,
        &ISO_DAY,
    ] {
        LazyLock::force(pattern);
    }
}

/// The first whole day a line names ("11 March 2025", "March 11, 2025", "2025-03-11"), for a
/// dateline or a byline's date; `None` when it names none, or only a span of days.
pub fn day_in(line: &str) -> Option<Date> {
    if let Some(c) = DAY_MONTH_YEAR.captures(line) {
        let (d, m, y) = match c.name("d") {
            Some(d) => (d.as_str(), &c["m"], &c["y"]),
            None => (&c["d2"], &c["m2"], &c["y2"]),
        };
        if !c.get(0).expect("match").as_str().contains(['-', '–']) {
            let day = format!("{y}-{:02}-{:02}", month(m), d.parse::<u8>().ok()?);
            return day.parse().ok();
        }
    }
    let c = ISO_DAY.captures(line)?;
    format!("{}-{}-{}", &c["y"], &c["m"], &c["d"]).parse().ok()
}

/// The dates and time expressions of the body.
pub fn find(doc: &Doc) -> Vec<DateMention> {
    let mut out = Vec::new();
    for s in &doc.sentences {
        let text = &doc.text[s.clone()];
        let mut taken: Vec<Range<usize>> = Vec::new();
        let mut push = |at: Range<usize>, date: Option<Date>, out: &mut Vec<DateMention>| {
            if taken.iter().any(|t| t.start < at.end && at.start < t.end) {
                return;
            }
            taken.push(at.clone());
            let qualifier = QUALIFIER
                .captures(&text[..at.start])
                .map(|c| c["q"].to_lowercase());
            let abs = s.start + at.start..s.start + at.end;
            out.push(DateMention {
                date,
                qualifier,
                expression: super::segment::clean(&text[at]),
                evidence: doc.evidence(abs.clone()),
                at: abs,
            });
        };
        for c in RELATIVE.captures_iter(text) {
            push(c.get(0).expect("match").range(), None, &mut out);
        }
        for c in DAY_MONTH_YEAR.captures_iter(text) {
            let (d, m, y) = match c.name("d") {
                Some(d) => (d.as_str(), &c["m"], &c["y"]),
                None => (&c["d2"], &c["m2"], &c["y2"]),
            };
            // "28-29 March 2023" spans days: the month is what it gives.
            let range = c.get(0).expect("match").as_str().contains(['-', '–']);
            let date = if range {
                format!("{y}-{:02}", month(m))
            } else {
                format!("{y}-{:02}-{:02}", month(m), d.parse::<u8>().unwrap_or(1))
            };
            push(
                c.get(0).expect("match").range(),
                date.parse().ok(),
                &mut out,
            );
        }
        for c in MONTH_YEAR.captures_iter(text) {
            let date = format!("{}-{:02}", &c["y"], month(&c["m"]));
            push(
                c.get(0).expect("match").range(),
                date.parse().ok(),
                &mut out,
            );
        }
        for c in YEAR.captures_iter(text) {
            let m = c.get(0).expect("match");
            let rest = &text[m.end()..];
            // "24-year", "2024-Q1" or a count are not years; "2023 IPO" is.
            if rest.starts_with(['-', '%']) || rest.starts_with(" percent") {
                continue;
            }
            push(m.range(), c["y"].parse().ok(), &mut out);
        }
    }
    out.sort_by_key(|d| d.at.start);
    out
}

/// A relative expression ("next year", "last month", "this year", "2 years ago") resolved
/// against the publication date, at the precision the expression gives; `None` for one that
/// names no point in time ("recently").
pub fn resolve(expression: &str, published: Date) -> Option<Date> {
    let (year, month, _) = published.first_day();
    let lower = expression.to_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    let shift_month = |by: i32| {
        let m = year * 12 + i32::from(month) - 1 + by;
        Some(Date::Month(
            m.div_euclid(12),
            u8::try_from(m.rem_euclid(12) + 1).ok()?,
        ))
    };
    let month_known = !matches!(published, Date::Year(_));
    match words.as_slice() {
        ["next", "year"] => Some(Date::Year(year + 1)),
        ["last", "year"] => Some(Date::Year(year - 1)),
        ["this" | "earlier" | "later", .., "year"] => Some(Date::Year(year)),
        ["next", "month"] if month_known => shift_month(1),
        ["last", "month"] if month_known => shift_month(-1),
        ["this" | "earlier" | "later", .., "month"] if month_known => shift_month(0),
        [n, unit, "ago"] => {
            let n: i32 = n
                .parse()
                .ok()
                .or_else(|| quantities::count_word(n).and_then(|c| i32::try_from(c).ok()))?;
            match unit.trim_end_matches('s') {
                "year" => Some(Date::Year(year - n)),
                "month" if month_known => shift_month(-n),
                _ => None,
            }
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_dates_resolve_against_publication() {
        let day: Date = "2026-01-15".parse().unwrap();
        let year: Date = "2026".parse().unwrap();
        let cases: &[(&str, Date, Option<&str>)] = &[
            ("next year", day, Some("2027")),
            ("last year", day, Some("2025")),
            ("earlier this year", day, Some("2026")),
            ("next month", day, Some("2026-02")),
            ("last month", day, Some("2025-12")),
            ("this month", day, Some("2026-01")),
            ("11 years ago", day, Some("2015")),
            ("two years ago", day, Some("2024")),
            ("3 months ago", day, Some("2025-10")),
            ("last month", year, None),
            ("recently", day, None),
            ("next quarter", day, None),
        ];
        for (expression, published, expected) in cases {
            assert_eq!(
                resolve(expression, *published)
                    .map(|d| d.to_string())
                    .as_deref(),
                *expected,
                "{expression:?} published {published}"
            );
        }
    }
}
