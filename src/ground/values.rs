//! Grounding: every value a record states must be said by one of its evidence quotes.
//!
//! Finding a quote in the text proves the words exist; this check proves they say what the
//! record says. Each literal a record states — numbers, percentages, amounts and currencies,
//! years and dates, fiscal periods, the names of the entities it introduces, scope words,
//! relative times and how a statement was reported — must be found in one of the record's
//! quotes, after normalising the ways a text writes the same value: `30%` and `30 percent`,
//! `EUR 2` and `€2`, `1,200` and `1200`, `2.10` and `2.1`, `September 2023` and `2023-09`,
//! `Wan Lin` and `Lin Wan`, `half` and `50%`, `second` and `2`, `next-day` and `1`. A
//! lower bound (`>400`) also needs the words that make it one ("more than", "over"). Records
//! marked `basis = "editorial"` are the editor's, not the article's, and are not checked.

use crate::diagnostic::Diagnostic;
use crate::facts::{Attribution, Claim, Evidence, Facts, RecordRef, Text};
use crate::text::quantities::{
    self, Bound, MONTHS, ORDINALS, Quantity, canonical, count_word, ordinal_digits,
};
use crate::text::values::{Amount, Boundary, Date, FiscalPeriod, When};
use crate::text::words::{HEADING_VERBS, name_words, words};
use std::collections::HashSet;
use std::ops::Range;
use toml::Spanned;

/// Checks every value of every record of `facts` against the record's evidence quotes; each
/// value not found is one diagnostic naming the value and the quotes.
pub fn ground(facts: &Facts) -> Result<(), Vec<Diagnostic>> {
    let mut g = Grounder {
        facts,
        problems: Vec::new(),
    };
    if facts.holds_article() {
        g.article();
    }
    for record in facts.records() {
        if record.editorial().is_none() {
            g.record(record);
        }
    }
    if g.problems.is_empty() {
        Ok(())
    } else {
        g.problems.sort_by_key(|d| (d.line, d.column));
        Err(g.problems)
    }
}

/// One evidence quote, read for the values it states.
#[derive(Debug)]
struct Quote {
    /// Lowercase words, possessives dropped.
    words: Vec<String>,
    quantities: Vec<Quantity>,
}

/// Words a claim may use that its evidence need not: articles, pronouns, prepositions and
/// conjunctions.
const FUNCTION_WORDS: [&str; 28] = [
    "a", "an", "the", "and", "or", "of", "to", "in", "on", "for", "with", "its", "it", "is", "are",
    "was", "be", "will", "by", "as", "at", "from", "that", "this", "their", "can", "while", "now",
];

impl Quote {
    fn read(text: &str) -> Quote {
        Quote {
            words: words(text),
            quantities: quantities::read(text),
        }
    }

    /// Whether every wanted word is in the quote, as written or inflected: "division heads"
    /// and "heads" ground the role "division head", "chaired" the role "chair".
    fn has_words(&self, wanted: &[String]) -> bool {
        wanted
            .iter()
            .all(|w| self.words.iter().any(|q| q == w || inflected(q, w)))
    }

    /// Whether the quote has these words one after another.
    fn has_phrase(&self, phrase: &str) -> bool {
        let phrase = words(phrase);
        !phrase.is_empty()
            && self
                .words
                .windows(phrase.len())
                .any(|w| w == phrase.as_slice())
    }
}

/// Whether `word` is `base` with an ending of number, tense or aspect: -s, -es, -ed, -d, -ing.
fn inflected(word: &str, base: &str) -> bool {
    base.chars().count() > 2
        && word
            .strip_prefix(base)
            .is_some_and(|ending| matches!(ending, "s" | "es" | "ed" | "d" | "ing"))
}

/// Titles a name may abbreviate that a text spells out: "CEO" is grounded by "chief
/// executive officer".
const ABBREVIATIONS: [(&str, &str); 4] = [
    ("ceo", "chief executive officer"),
    ("cfo", "chief financial officer"),
    ("coo", "chief operating officer"),
    ("cto", "chief technology officer"),
];

/// A word, or the words it abbreviates when the text may spell it out.
fn expand_abbreviation(word: String) -> Vec<String> {
    match ABBREVIATIONS.iter().find(|(short, _)| *short == word) {
        Some((_, long)) => words(long),
        None => vec![word],
    }
}

struct Grounder<'a> {
    facts: &'a Facts,
    problems: Vec<Diagnostic>,
}

impl Grounder<'_> {
    fn article(&mut self) {
        let a = &self.facts.file().article;
        let quotes = read(&a.evidence);
        if let When::On(_) | When::By(_) = a.published.get_ref() {
            self.when(
                a.published.span(),
                a.published.get_ref(),
                "published",
                &a.evidence,
                &quotes,
            );
        }
        if let (Some(when), None) = (&a.original_published, &a.original_published_note) {
            self.when(
                when.span(),
                when.get_ref(),
                "original_published",
                &a.evidence,
                &quotes,
            );
        }
    }

    fn record(&mut self, record: RecordRef<'_>) {
        let evidence = record.evidence();
        let quotes = read(evidence);
        let names = |g: &mut Self, field: &str, list: &[&Text]| {
            for name in list {
                g.name(name, field, evidence, &quotes);
            }
        };
        match record {
            RecordRef::Organization(o) => {
                names(self, "name", &[&o.name]);
                names(self, "alt_names", &o.alt_names.iter().collect::<Vec<_>>());
            }
            RecordRef::Person(p) if !p.anonymous => {
                names(self, "name", &[&p.name]);
                names(self, "alt_names", &p.alt_names.iter().collect::<Vec<_>>());
            }
            RecordRef::Person(_) => {}
            RecordRef::Post(p) => {
                self.role(&p.role, evidence, &quotes);
                self.bounds(&p.since, &p.until, evidence, &quotes);
            }
            RecordRef::Place(p) => {
                names(self, "name", &[&p.name]);
                names(self, "scope", &p.scope.iter().collect::<Vec<_>>());
            }
            RecordRef::Artifact(a) => names(self, "name", &[&a.name]),
            RecordRef::Dimension(d) => names(self, "name", &[&d.name]),
            RecordRef::Event(e) => {
                self.when(e.date.span(), e.date.get_ref(), "date", evidence, &quotes);
                if let Some(relative) = &e.relative {
                    let words = Text::new(relative.span(), relative.get_ref().words.clone());
                    self.name(&words, "relative", evidence, &quotes);
                }
                self.attribution(&e.reported, evidence, &quotes);
            }
            RecordRef::Relation(r) => self.bounds(&r.since, &r.until, evidence, &quotes),
            RecordRef::Service(s) => names(self, "scope", &s.scope.iter().collect::<Vec<_>>()),
            RecordRef::Measure(m) => {
                self.amount(&m.value, "value", evidence, &quotes);
                if let Some(period) = &m.period {
                    if !quotes.iter().any(|q| period_in(period.get_ref(), q)) {
                        let value = format!("FY{}", period.get_ref().key()[2..].to_uppercase());
                        self.missing(period.span(), "period", &value, evidence);
                    }
                }
            }
            RecordRef::Offer(o) => {
                let amounts = [
                    ("price", Some(&o.price)),
                    ("equivalent", o.equivalent.as_ref()),
                    ("delivery_days", Some(&o.delivery_days)),
                ];
                for (field, amount) in amounts {
                    if let Some(amount) = amount {
                        self.amount(amount, field, evidence, &quotes);
                    }
                }
            }
            RecordRef::Quote(q) => names(self, "context", &q.context.iter().collect::<Vec<_>>()),
            RecordRef::Claim(c) => {
                self.attribution(&c.reported, evidence, &quotes);
                self.claim_text(c, evidence, &quotes);
            }
        }
    }

    /// A dated tie's or post's `since` and `until`, each a date its quotes must give.
    fn bounds(
        &mut self,
        since: &Option<Spanned<Boundary>>,
        until: &Option<Spanned<Boundary>>,
        evidence: &Evidence,
        quotes: &[Quote],
    ) {
        for (field, bound) in [("since", since), ("until", until)] {
            if let Some(bound) = bound
                && let Boundary::Date(date) = bound.get_ref()
            {
                self.when(bound.span(), &When::On(*date), field, evidence, quotes);
            }
        }
    }

    fn attribution(
        &mut self,
        reported: &Option<Attribution>,
        evidence: &Evidence,
        quotes: &[Quote],
    ) {
        if let Some(reported) = reported {
            self.name(&reported.how, "reported.how", evidence, quotes);
        }
    }

    /// A claim's text: each of its words is in the evidence, allowing for inflection (the same
    /// first five letters), except for function words and the names of what it is about.
    fn claim_text(&mut self, c: &Claim, evidence: &Evidence, quotes: &[Quote]) {
        let stem = |w: &str| w.chars().take(5).collect::<String>();
        let said: HashSet<String> = quotes
            .iter()
            .flat_map(|q| &q.words)
            .map(|w| stem(w))
            .collect();
        let named: HashSet<String> = c
            .about
            .0
            .iter()
            .flat_map(|id| words(&self.facts.name(id.get_ref())))
            .collect();
        let missing: Vec<String> = words(c.text.get_ref())
            .into_iter()
            .filter(|w| !FUNCTION_WORDS.contains(&w.as_str()) && !named.contains(w))
            .filter(|w| !said.contains(&stem(w)))
            .collect();
        if !missing.is_empty() {
            let value = format!("{}\" (not said: {}", c.text.get_ref(), missing.join(", "));
            self.missing(c.text.span(), "text", &format!("{value})"), evidence);
        }
    }

    /// A name or phrase: its words, in any order, all in one quote.
    fn name(&mut self, name: &Text, field: &str, evidence: &Evidence, quotes: &[Quote]) {
        let wanted = name_words(name.get_ref());
        let spelled_out: Vec<String> = wanted
            .iter()
            .cloned()
            .flat_map(expand_abbreviation)
            .collect();
        if !quotes
            .iter()
            .any(|q| q.has_words(&wanted) || q.has_words(&spelled_out))
        {
            self.missing(name.span(), field, name.get_ref(), evidence);
        }
    }

    /// A post's role, grounded as a name is; "head" also by a verb of heading ("led by X",
    /// "X runs the unit"), which is how texts most often say who heads a unit.
    fn role(&mut self, role: &Text, evidence: &Evidence, quotes: &[Quote]) {
        let heading = |q: &Quote| q.words.iter().any(|w| HEADING_VERBS.contains(&w.as_str()));
        if !(role.get_ref() == "head" && quotes.iter().any(heading)) {
            self.name(role, "role", evidence, quotes);
        }
    }

    fn when(
        &mut self,
        span: Range<usize>,
        when: &When,
        field: &str,
        evidence: &Evidence,
        quotes: &[Quote],
    ) {
        let found = match when {
            When::Unknown => true,
            When::On(date) => quotes.iter().any(|q| date_in(date, q)),
            When::By(date) => quotes
                .iter()
                .any(|q| date_in(date, q) && (q.has_phrase("by") || q.has_phrase("before"))),
        };
        if !found {
            let value = match when {
                When::By(date) => format!("by {date}"),
                other => match other {
                    When::On(date) => date.to_string(),
                    _ => "unknown".into(),
                },
            };
            self.missing(span, field, &value, evidence);
        }
    }

    fn amount(
        &mut self,
        written: &Spanned<Amount>,
        field: &str,
        evidence: &Evidence,
        quotes: &[Quote],
    ) {
        let (span, amount) = (written.span(), written.get_ref());
        let bound = if amount.more_than {
            Some(Bound::Exclusive)
        } else if amount.at_least {
            Some(Bound::Inclusive)
        } else if amount.at_most {
            Some(Bound::AtMost)
        } else if amount.approximate {
            Some(Bound::Approximate)
        } else {
            None
        };
        let low = canonical(amount.low.as_str());
        let high = amount.high.as_ref().map(|h| canonical(h.as_str()));
        let found = quotes.iter().any(|q| {
            q.quantities.iter().any(|have| {
                have.low == low
                    && have.high == high
                    && (have.percent || !amount.percent)
                    && (amount.currency.is_none() || have.currency == amount.currency)
                    && have.bound() == bound
            })
        });
        if !found {
            self.missing(span, field, &amount.to_string(), evidence);
        }
    }

    fn missing(&mut self, span: Range<usize>, field: &str, value: &str, evidence: &Evidence) {
        let quotes: Vec<String> = evidence
            .0
            .iter()
            .map(|q| format!("\"{}\"", q.get_ref()))
            .collect();
        let message = format!(
            "`{field}` \"{value}\" is not in its evidence ({}); quote the words that say it, \
             or mark the record `basis = \"editorial\"` with a `basis_note`",
            quotes.join(", ")
        );
        self.problems.push(self.facts.source().error(span, message));
    }
}

fn read(evidence: &Evidence) -> Vec<Quote> {
    evidence
        .0
        .iter()
        .map(|q| Quote::read(q.get_ref()))
        .collect()
}

/// A date in a quote: its year, with the month's name (or number) and the day for finer
/// dates, or the date written out in ISO form.
fn date_in(date: &Date, q: &Quote) -> bool {
    let has = |w: &str| q.words.iter().any(|x| x == w);
    let iso = date.to_string();
    if q.words.iter().any(|w| w == &iso) || q.has_phrase(&iso) {
        return true;
    }
    let month = |m: u8| {
        let name = MONTHS[usize::from(m - 1)].to_lowercase();
        has(&name) || has(&name[..3])
    };
    has(&date.year().to_string())
        && match *date {
            Date::Year(_) => true,
            Date::Month(_, m) => month(m),
            Date::Day(_, m, d) => {
                month(m)
                    && (has(&d.to_string())
                        || q.words
                            .iter()
                            .any(|w| ordinal_digits(w) == Some(u32::from(d))))
            }
        }
}

/// A fiscal period in a quote: the year, and for a quarter its ordinal ("first"), `Q1`, or a
/// "first N" that includes it ("the first two fiscal quarters").
fn period_in(period: &FiscalPeriod, q: &Quote) -> bool {
    let has = |w: &str| q.words.iter().any(|x| x == w);
    if !has(&period.year.to_string()) {
        return false;
    }
    let Some(quarter) = period.quarter else {
        return true;
    };
    let n = usize::from(quarter);
    has(ORDINALS[n - 1])
        || has(&format!("q{quarter}"))
        || q.words.windows(2).any(|w| {
            w[0] == "first"
                && count_word(&w[1])
                    .or_else(|| w[1].parse().ok())
                    .is_some_and(|count| count >= n)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(text: &str) -> Quote {
        Quote::read(text)
    }

    #[test]
    fn words_drop_possessives_and_keep_dotted_names() {
        assert_eq!(
            words("JD.com’s non-consignor platform."),
            ["jd.com", "non", "consignor", "platform"]
        );
        assert!(q("Cainiao CEO Lin Wan").has_words(&words("Wan Lin")));
    }

    #[test]
    fn names_as_written_or_inflected() {
        assert!(q("All three division heads").has_words(&words("division head")));
        assert!(q("which is chaired by Simon").has_words(&words("chair")));
        assert!(q("who heads the region").has_words(&words("head")));
        assert!(q("keeping their pay").has_words(&words("keep")));
        // An ending is not any suffix, and short words stay exact.
        assert!(!q("the headline").has_words(&words("head")));
        assert!(!q("the cfos").has_words(&words("ce")));
    }

    #[test]
    fn dates_by_name_or_iso() {
        assert!(date_in(&Date::Month(2023, 9), &q("its September 2023 IPO")));
        assert!(!date_in(
            &Date::Month(2023, 10),
            &q("its September 2023 IPO")
        ));
        assert!(date_in(&Date::Day(2025, 1, 14), &q("on 2025-01-14")));
        assert!(date_in(&Date::Day(2025, 1, 14), &q("January 14th, 2025")));
        assert!(!date_in(&Date::Year(2022), &q("Since 2024")));
    }

    #[test]
    fn quarters_in_a_first_n() {
        let quote = q("In the first two fiscal quarters of 2024");
        let p = |quarter| FiscalPeriod {
            year: 2024,
            quarter: Some(quarter),
        };
        assert!(period_in(&p(1), &quote));
        assert!(period_in(&p(2), &quote));
        assert!(!period_in(&p(3), &quote));
    }

    #[test]
    fn titles_expand() {
        let wanted: Vec<String> = words("CEO")
            .into_iter()
            .flat_map(expand_abbreviation)
            .collect();
        assert!(q("as chief executive officer of Cainiao").has_words(&wanted));
    }
}
