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
use crate::text::values::{Amount, Boundary, Date, FiscalPeriod, When};
use std::collections::HashSet;
use std::ops::Range;

/// Checks every value of every record of `facts` against the record's evidence quotes; each
/// value not found is one diagnostic naming the value and the quotes.
pub fn ground(facts: &Facts) -> Result<(), Vec<Diagnostic>> {
    let mut g = Grounder {
        facts,
        problems: Vec::new(),
    };
    g.article();
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

/// A number the quote states, with its currency, range end and percent sign.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Quantity {
    currency: Option<String>,
    low: String,
    high: Option<String>,
    percent: bool,
    /// The bound the words before it make of it, if any.
    bound: Option<Bound>,
}

/// "More than" (the value itself excluded), "at least" (included), "up to", or "about".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Bound {
    Exclusive,
    Inclusive,
    AtMost,
    Approximate,
}

/// The bound made by the words just before a number.
fn bound_before(before: &[String]) -> Option<Bound> {
    let ends = |phrase: &str| {
        let phrase = words(phrase);
        before.ends_with(&phrase)
    };
    // "No more than" before "more than".
    if AT_MOST.iter().any(|p| ends(p)) {
        Some(Bound::AtMost)
    } else if MORE_THAN.iter().any(|p| ends(p)) {
        Some(Bound::Exclusive)
    } else if AT_LEAST.iter().any(|p| ends(p)) {
        Some(Bound::Inclusive)
    } else if ABOUT.iter().any(|p| ends(p)) {
        Some(Bound::Approximate)
    } else {
        None
    }
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

const COUNTS: [&str; 12] = [
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve",
];

const ORDINALS: [&str; 12] = [
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
    "eleventh", "twelfth",
];

/// Words a claim may use that its evidence need not: articles, pronouns, prepositions and
/// conjunctions.
const FUNCTION_WORDS: [&str; 28] = [
    "a", "an", "the", "and", "or", "of", "to", "in", "on", "for", "with", "its", "it", "is", "are",
    "was", "be", "will", "by", "as", "at", "from", "that", "this", "their", "can", "while", "now",
];

/// Words that make a number an exclusive lower bound, and an inclusive one.
const MORE_THAN: [&str; 5] = ["more than", "over", "above", "exceeding", "upwards of"];
const AT_LEAST: [&str; 2] = ["at least", "no fewer than"];
/// Words that make a number an upper bound.
const AT_MOST: [&str; 3] = ["up to", "at most", "no more than"];
const ABOUT: [&str; 7] = [
    "about",
    "around",
    "approximately",
    "roughly",
    "nearly",
    "almost",
    "some",
];

/// Typography and possessives as the matching of quotes forgives them.
fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        out.push(match c {
            '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' => '\'',
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' => '"',
            '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
            c if c.is_whitespace() => ' ',
            c => c,
        });
    }
    out
}

/// The words of a text: lowercase runs of letters and digits (a `.` between two of them, as
/// in `JD.com` or `2.1`, stays), with possessive `'s` dropped.
fn words(text: &str) -> Vec<String> {
    let chars: Vec<char> = normalize(text).to_lowercase().chars().collect();
    let mut out = Vec::new();
    let mut word = String::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        let possessive = c == '\''
            && next == Some('s')
            && !chars.get(i + 2).is_some_and(|c| c.is_alphanumeric());
        if possessive {
            i += 2;
            continue;
        }
        let inner_dot = c == '.' && !word.is_empty() && next.is_some_and(char::is_alphanumeric);
        if c.is_alphanumeric() || inner_dot {
            word.push(c);
        } else if !word.is_empty() {
            out.push(std::mem::take(&mut word));
        }
        i += 1;
    }
    if !word.is_empty() {
        out.push(word);
    }
    out
}

impl Quote {
    fn read(text: &str) -> Quote {
        let words = words(text);
        let mut quantities = quantities(&normalize(text));
        for (i, w) in words.iter().enumerate() {
            let number = |n: usize, percent: bool| Quantity {
                currency: None,
                low: n.to_string(),
                high: None,
                percent,
                bound: bound_before(&words[..i]),
            };
            if w == "half" {
                quantities.push(number(50, true));
            } else if w == "next" && words.get(i + 1).is_some_and(|n| n == "day") {
                quantities.push(number(1, false));
            } else if let Some(n) = COUNTS.iter().position(|c| c == w) {
                quantities.push(number(n + 1, false));
            } else if let Some(n) = ORDINALS.iter().position(|c| c == w) {
                quantities.push(number(n + 1, false));
            }
        }
        Quote { words, quantities }
    }

    fn has_words(&self, wanted: &[String]) -> bool {
        wanted.iter().all(|w| self.words.contains(w))
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

/// Words after a number that multiply it, and by how many zeros.
const SCALES: [(&str, usize); 4] = [
    ("thousand", 3),
    ("million", 6),
    ("billion", 9),
    ("trillion", 12),
];

/// A canonical decimal times ten to the `zeros`: `3.75` and 9 give `3750000000`.
fn scaled(number: &str, zeros: usize) -> String {
    let (whole, fraction) = number.split_once('.').unwrap_or((number, ""));
    let mut digits = format!("{whole}{fraction}");
    let point = whole.len() + zeros;
    while digits.len() < point {
        digits.push('0');
    }
    let (whole, fraction) = digits.split_at(point);
    let whole = whole.trim_start_matches('0');
    let whole = if whole.is_empty() { "0" } else { whole };
    canonical(&format!("{whole}.{fraction}"))
}

/// The numbers of a normalized text, with what the text writes around them.
fn quantities(text: &str) -> Vec<Quantity> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let starts = chars[i].is_ascii_digit() && (i == 0 || !chars[i - 1].is_alphanumeric());
        if !starts {
            i += 1;
            continue;
        }
        let (mut low, mut after) = number(&chars, i);
        // "3.75 billion": the scale word multiplies the number.
        let next: String = chars[skip_spaces(&chars, after)..]
            .iter()
            .take_while(|c| c.is_alphabetic())
            .collect::<String>()
            .to_lowercase();
        if let Some(&(word, zeros)) = SCALES.iter().find(|(word, _)| *word == next) {
            low = scaled(&low, zeros);
            after = skip_spaces(&chars, after) + word.len();
        }
        let currency = currency_before(&chars, i);
        let mut j = skip_spaces(&chars, after);
        let mut high = None;
        let range_at = if chars.get(j) == Some(&'-') {
            Some(j + 1)
        } else if chars.get(j..j + 3) == Some(&['t', 'o', ' ']) {
            Some(j + 3)
        } else {
            None
        };
        if let Some(k) = range_at {
            let mut k = skip_spaces(&chars, k);
            if currency.is_some() {
                // "EUR 3-EUR 5" or "€3-€5": the currency may be repeated.
                if let Some(len) = currency_at(&chars, k) {
                    k = skip_spaces(&chars, k + len);
                }
            }
            if chars.get(k).is_some_and(char::is_ascii_digit) {
                let (value, end) = number(&chars, k);
                high = Some(value);
                j = skip_spaces(&chars, end);
            }
        }
        let rest: String = chars[j..chars.len().min(j + 8)].iter().collect();
        let percent = rest.starts_with('%') || rest.to_lowercase().starts_with("percent");
        let before: String = chars[..i].iter().collect();
        let mut before = words(&before);
        // "about USD 10.3": the bound comes before the currency.
        if currency
            .as_deref()
            .is_some_and(|c| before.last() == Some(&c.to_lowercase()))
        {
            before.pop();
        }
        out.push(Quantity {
            currency,
            low,
            high,
            percent,
            bound: bound_before(&before),
        });
        i = after.max(i + 1);
    }
    out
}

fn skip_spaces(chars: &[char], mut i: usize) -> usize {
    while chars.get(i) == Some(&' ') {
        i += 1;
    }
    i
}

/// A number from `start`: digits, thousands separators dropped, one decimal point kept, and
/// the decimal trimmed of trailing zeros. Returns it and the index after it.
fn number(chars: &[char], start: usize) -> (String, usize) {
    let mut digits = String::new();
    let mut i = start;
    while i < chars.len() {
        let c = chars[i];
        let next_digit = chars.get(i + 1).is_some_and(char::is_ascii_digit);
        if c.is_ascii_digit() {
            digits.push(c);
        } else if c == ','
            && next_digit
            && chars
                .get(i + 1..i + 4)
                .is_some_and(|d| d.iter().all(char::is_ascii_digit))
        {
            // A thousands separator.
        } else if c == '.' && next_digit && !digits.contains('.') {
            digits.push('.');
        } else {
            break;
        }
        i += 1;
    }
    (canonical(&digits), i)
}

/// A decimal without trailing fractional zeros: `2.10` → `2.1`, `3.0` → `3`.
fn canonical(number: &str) -> String {
    let number = number.replace(',', "");
    match number.split_once('.') {
        Some((whole, fraction)) => {
            let fraction = fraction.trim_end_matches('0');
            if fraction.is_empty() {
                whole.to_owned()
            } else {
                format!("{whole}.{fraction}")
            }
        }
        None => number,
    }
}

/// The currency written just before a number at `i`: an ISO code (`EUR 2`) or a symbol (`€2`).
fn currency_before(chars: &[char], i: usize) -> Option<String> {
    let symbol = |c: char| match c {
        '€' => Some("EUR"),
        '$' => Some("USD"),
        '£' => Some("GBP"),
        '¥' => Some("CNY"),
        _ => None,
    };
    if i >= 1 {
        if let Some(code) = symbol(chars[i - 1]) {
            return Some(code.to_owned());
        }
    }
    let end = if i >= 1 && chars[i - 1] == ' ' {
        i - 1
    } else {
        i
    };
    if end >= 3 {
        let code: String = chars[end - 3..end].iter().collect();
        let bounded = end == 3 || !chars[end - 4].is_alphanumeric();
        if bounded && code.chars().all(|c| c.is_ascii_uppercase()) {
            return Some(code);
        }
    }
    None
}

/// The length of a currency written at `i`, if one is.
fn currency_at(chars: &[char], i: usize) -> Option<usize> {
    match chars.get(i)? {
        '€' | '$' | '£' | '¥' => Some(1),
        _ if chars.get(i..i + 3)?.iter().all(char::is_ascii_uppercase) => Some(3),
        _ => None,
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
            RecordRef::Post(p) => names(self, "role", &[&p.role]),
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
            RecordRef::Relation(r) => {
                for (field, bound) in [("since", &r.since), ("until", &r.until)] {
                    if let Some(bound) = bound {
                        if let Boundary::Date(date) = bound.get_ref() {
                            self.when(bound.span(), &When::On(*date), field, evidence, &quotes);
                        }
                    }
                }
            }
            RecordRef::Service(s) => names(self, "scope", &s.scope.iter().collect::<Vec<_>>()),
            RecordRef::Measure(m) => {
                self.amount(
                    m.value.span(),
                    m.value.get_ref(),
                    "value",
                    evidence,
                    &quotes,
                );
                if let Some(period) = &m.period {
                    if !quotes.iter().any(|q| period_in(period.get_ref(), q)) {
                        let value = format!("FY{}", period.get_ref().key()[2..].to_uppercase());
                        self.missing(period.span(), "period", &value, evidence);
                    }
                }
            }
            RecordRef::Offer(o) => {
                self.amount(
                    o.price.span(),
                    o.price.get_ref(),
                    "price",
                    evidence,
                    &quotes,
                );
                if let Some(equivalent) = &o.equivalent {
                    let (span, value) = (equivalent.span(), equivalent.get_ref());
                    self.amount(span, value, "equivalent", evidence, &quotes);
                }
                let days = &o.delivery_days;
                self.amount(
                    days.span(),
                    days.get_ref(),
                    "delivery_days",
                    evidence,
                    &quotes,
                );
            }
            RecordRef::Quote(q) => names(self, "context", &q.context.iter().collect::<Vec<_>>()),
            RecordRef::Claim(c) => {
                self.attribution(&c.reported, evidence, &quotes);
                self.claim_text(c, evidence, &quotes);
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
        let wanted: Vec<String> = words(name.get_ref())
            .into_iter()
            .filter(|w| w != "the")
            .collect();
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
        span: Range<usize>,
        amount: &Amount,
        field: &str,
        evidence: &Evidence,
        quotes: &[Quote],
    ) {
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
        let wanted = Quantity {
            currency: amount.currency.clone(),
            low: canonical(amount.low.as_str()),
            high: amount.high.as_ref().map(|h| canonical(h.as_str())),
            percent: amount.percent,
            bound,
        };
        let found = quotes.iter().any(|q| {
            q.quantities.iter().any(|have| {
                have.low == wanted.low
                    && have.high == wanted.high
                    && (have.percent || !wanted.percent)
                    && (wanted.currency.is_none() || have.currency == wanted.currency)
                    && have.bound == wanted.bound
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
        let name = MONTHS[usize::from(m - 1)];
        has(name) || has(&name[..3])
    };
    has(&date.year().to_string())
        && match *date {
            Date::Year(_) => true,
            Date::Month(_, m) => month(m),
            Date::Day(_, m, d) => {
                month(m)
                    && (has(&d.to_string()) || q.words.iter().any(|w| ordinal_day(w) == Some(d)))
            }
        }
}

/// `14th` → 14.
fn ordinal_day(word: &str) -> Option<u8> {
    let digits: String = word.chars().take_while(char::is_ascii_digit).collect();
    let suffix = &word[digits.len()..];
    matches!(suffix, "st" | "nd" | "rd" | "th")
        .then(|| digits.parse().ok())
        .flatten()
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
                && (COUNTS.iter().position(|c| *c == w[1]).map(|i| i + 1))
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
    fn numbers_keep_their_currency_range_and_percent() {
        let quote = q("for EUR 3–5 (USD 3.1–5.2), €2, 1,200 staff and 30% growth");
        let have = |currency: Option<&str>, low: &str, high: Option<&str>, percent: bool| {
            quote.quantities.contains(&Quantity {
                currency: currency.map(str::to_owned),
                low: low.into(),
                high: high.map(str::to_owned),
                percent,
                bound: None,
            })
        };
        assert!(have(Some("EUR"), "3", Some("5"), false));
        assert!(have(Some("USD"), "3.1", Some("5.2"), false));
        assert!(have(Some("EUR"), "2", None, false));
        assert!(have(None, "1200", None, false));
        assert!(have(None, "30", None, true));
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
    fn scale_words_multiply_and_titles_expand() {
        let q3 = q("up to USD 3.75 billion in total");
        assert!(
            q3.quantities
                .iter()
                .any(|n| n.low == "3750000000" && n.currency.as_deref() == Some("USD"))
        );
        assert_eq!(scaled("10.3", 9), "10300000000");
        assert_eq!(scaled("400", 3), "400000");
        let wanted: Vec<String> = words("CEO")
            .into_iter()
            .flat_map(expand_abbreviation)
            .collect();
        assert!(q("as chief executive officer of Cainiao").has_words(&wanted));
    }

    #[test]
    fn word_numbers() {
        let quote = q("Over half of its revenue; next-day delivery; second fastest");
        let numbers: Vec<(&str, bool)> = quote
            .quantities
            .iter()
            .map(|x| (x.low.as_str(), x.percent))
            .collect();
        assert!(numbers.contains(&("50", true)));
        assert!(numbers.contains(&("1", false)));
        assert!(numbers.contains(&("2", false)));
        assert_eq!(quote.quantities[0].bound, Some(Bound::Exclusive));
        let more = q("moving more than 400 employees");
        assert_eq!(more.quantities[0].bound, Some(Bound::Exclusive));
        assert_eq!(
            q("at least 3 days").quantities[0].bound,
            Some(Bound::Inclusive)
        );
        assert_eq!(
            q("about 120 people").quantities[0].bound,
            Some(Bound::Approximate)
        );
    }
}
