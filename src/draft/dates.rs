//! Time: dates at the precision the text gives (`26 March 2024`, `September 2023`, `2019`),
//! fiscal quarters, and relative expressions ("11 years ago", "last year", "recently"),
//! each kept with its words and the preposition that places it ("by 2019", "since 2024").

use super::DateMention;
use super::segment::Doc;
use super::segment::patterns;
use crate::text::quantities::{self, COUNTS, MONTHS};
use crate::text::values::Date;
use std::ops::Range;
use std::sync::LazyLock;

static MONTH: LazyLock<String> = LazyLock::new(|| MONTHS.join("|"));

patterns! {
    DAY_MONTH_YEAR = format!(
        r"\b(?<d>\d{{1,2}})(?:\s?[–-]\s?\d{{1,2}})?\s+(?<m>{m})\s+(?<y>(?:19|20)\d{{2}})\b|\b(?<m2>{m})\s+(?<d2>\d{{1,2}}),\s+(?<y2>(?:19|20)\d{{2}})\b",
        m = *MONTH
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
