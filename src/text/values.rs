//! The typed values a facts file writes as strings: dates, amounts and fiscal periods.
//!
//! Each type parses with [`FromStr`] and deserializes through it, so a bad value in a facts
//! file is reported by the TOML reader at the value's own line and column.

use serde::{Deserialize, Deserializer};
use std::fmt;
use std::str::FromStr;

/// A calendar date, known to the year, the month or the day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Date {
    /// `2024`
    Year(i32),
    /// `2023-09`
    Month(i32, u8),
    /// `2023-09-26`
    Day(i32, u8, u8),
}

impl Date {
    /// The first day the date can mean, as (year, month, day).
    pub fn first_day(&self) -> (i32, u8, u8) {
        match *self {
            Date::Year(y) => (y, 1, 1),
            Date::Month(y, m) => (y, m, 1),
            Date::Day(y, m, d) => (y, m, d),
        }
    }

    /// The last day the date can mean, as (year, month, day).
    pub fn last_day(&self) -> (i32, u8, u8) {
        match *self {
            Date::Year(y) => (y, 12, 31),
            Date::Month(y, m) => (y, m, days_in_month(y, m) as u8),
            Date::Day(y, m, d) => (y, m, d),
        }
    }

    /// The year.
    pub fn year(&self) -> i32 {
        match *self {
            Date::Year(y) | Date::Month(y, _) | Date::Day(y, ..) => y,
        }
    }

    /// The same date `years` earlier, at the same precision (29 February becomes the 28th).
    pub fn years_earlier(&self, years: i32) -> Date {
        match *self {
            Date::Year(y) => Date::Year(y - years),
            Date::Month(y, m) => Date::Month(y - years, m),
            Date::Day(y, m, d) => {
                let y = y - years;
                Date::Day(y, m, d.min(days_in_month(y, m) as u8))
            }
        }
    }

    /// The XSD datatype that states exactly this precision.
    pub fn xsd_datatype(&self) -> &'static str {
        match self {
            Date::Year(_) => "gYear",
            Date::Month(..) => "gYearMonth",
            Date::Day(..) => "date",
        }
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Date::Year(y) => write!(f, "{y:04}"),
            Date::Month(y, m) => write!(f, "{y:04}-{m:02}"),
            Date::Day(y, m, d) => write!(f, "{y:04}-{m:02}-{d:02}"),
        }
    }
}

impl FromStr for Date {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        let parts: Vec<&str> = s.split('-').collect();
        let number = |part: &str, width: usize, what: &str| -> Result<u32, String> {
            if part.len() != width || !part.bytes().all(|b| b.is_ascii_digit()) {
                return Err(format!("the {what} must be {width} digits"));
            }
            part.parse()
                .map_err(|_| format!("the {what} is not a number"))
        };
        let date = match parts.as_slice() {
            [y] => Date::Year(number(y, 4, "year")? as i32),
            [y, m] => Date::Month(number(y, 4, "year")? as i32, month(number(m, 2, "month")?)?),
            [y, m, d] => {
                let (y, m) = (number(y, 4, "year")? as i32, month(number(m, 2, "month")?)?);
                let d = number(d, 2, "day")?;
                if d == 0 || d > days_in_month(y, m) {
                    return Err(format!("{y:04}-{m:02} has no day {d}"));
                }
                Date::Day(y, m, d as u8)
            }
            _ => return Err("expected YYYY, YYYY-MM or YYYY-MM-DD".into()),
        };
        Ok(date)
    }
}

fn month(m: u32) -> Result<u8, String> {
    if (1..=12).contains(&m) {
        Ok(m as u8)
    } else {
        Err(format!("there is no month {m}"))
    }
}

fn days_in_month(year: i32, month: u8) -> u32 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// When an event happened, as precisely as the article says and no more.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    /// The article does not say: `unknown`.
    Unknown,
    /// It happened at this date: `2023-09`.
    On(Date),
    /// It had happened by this date: `by 2019`.
    By(Date),
}

impl FromStr for When {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        let s = s.trim();
        if s == "unknown" {
            Ok(When::Unknown)
        } else if let Some(date) = s.strip_prefix("by ") {
            Ok(When::By(date.trim().parse()?))
        } else {
            s.parse()
                .map(When::On)
                .map_err(|e| format!("{e} (or write `unknown`, or `by YYYY` for an upper bound)"))
        }
    }
}

/// A time the article gives relative to its own publication, kept in its words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Relative {
    /// The words, as the facts file writes them: "11 years ago".
    pub words: String,
    /// What they mean.
    pub kind: RelativeKind,
}

/// What a relative time means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RelativeKind {
    /// `N years ago`: between N and N + 1 years before publication.
    YearsAgo(u32),
    /// `recently`: some time before publication.
    Recently,
    /// `for over N years` (`for over a year`): begun more than N years before publication.
    ForOver(u32),
}

/// What a relative time says of when something happened, given the publication date. Each
/// field is `None` where the words set no such bound.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Span {
    /// The earliest it can have taken place.
    pub beginning: Option<Date>,
    /// The latest it can have taken place.
    pub end: Option<Date>,
    /// It had begun before this date: "for over a year" began more than a year before
    /// publication, at a moment the words leave open.
    pub begun_before: Option<Date>,
    /// It was still going on at this date, the publication: "have worked … for over a year".
    pub ongoing_at: Option<Date>,
}

impl Relative {
    /// The span it stands for, given the publication date. "11 years ago", from 2025-01-14,
    /// is 2013 to 2014: the founding was between 2013-01-15 and 2014-01-14, and the years are
    /// as precise as those words allow. "For over a year" has no end: it began before
    /// 2024-01-14 and was still under way on 2025-01-14.
    pub fn resolve(&self, published: Date) -> Span {
        match self.kind {
            RelativeKind::YearsAgo(n) => {
                let y = published.year() - n as i32;
                Span {
                    beginning: Some(Date::Year(y - 1)),
                    end: Some(Date::Year(y)),
                    ..Span::default()
                }
            }
            RelativeKind::Recently => Span {
                end: Some(published),
                ..Span::default()
            },
            RelativeKind::ForOver(n) => Span {
                begun_before: Some(published.years_earlier(n as i32)),
                ongoing_at: Some(published),
                ..Span::default()
            },
        }
    }
}

impl fmt::Display for Relative {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.words)
    }
}

impl FromStr for Relative {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        let words: Vec<&str> = s.split_whitespace().collect();
        let count = |w: &str| -> Option<u32> {
            match w {
                "a" | "one" => Some(1),
                _ => w.parse().ok().filter(|&n| n > 0),
            }
        };
        let year = |w: &str| matches!(w, "year" | "years");
        let kind = match words.as_slice() {
            ["recently"] => RelativeKind::Recently,
            [n, y, "ago"] if year(y) => RelativeKind::YearsAgo(count(n).ok_or("bad count")?),
            ["for", "over" | "more", rest @ ..] => {
                let rest = rest.strip_prefix(&["than"]).unwrap_or(rest);
                match rest {
                    [n, y] if year(y) => RelativeKind::ForOver(count(n).ok_or("bad count")?),
                    _ => return Err(RELATIVE_USAGE.into()),
                }
            }
            _ => return Err(RELATIVE_USAGE.into()),
        };
        Ok(Relative {
            words: words.join(" "),
            kind,
        })
    }
}

const RELATIVE_USAGE: &str =
    "expected `N years ago`, `recently`, `for over a year` or `for over N years`";

/// Where a time-bounded relationship starts or ends: a date, or the time of an event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Boundary {
    /// A calendar date: `2024`.
    Date(Date),
    /// The id of an event in the same facts file: `restructuring`. An id made only of digits
    /// and dashes reads as a date instead.
    Event(String),
}

impl FromStr for Boundary {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        let s = s.trim();
        let date_like = !s.is_empty() && s.chars().all(|c| c.is_ascii_digit() || c == '-');
        if date_like {
            s.parse().map(Boundary::Date)
        } else {
            Ok(Boundary::Event(s.to_owned()))
        }
    }
}

/// A decimal number kept exactly as written (`2.1` stays `2.1`, `-5` stays `-5`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decimal(String);

impl Decimal {
    /// The `xsd:decimal` lexical form.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The value as a float, for comparisons.
    pub fn value(&self) -> f64 {
        self.0.parse().expect("checked when parsed")
    }

    /// Whether the number has a fractional part other than zero.
    pub fn is_fractional(&self) -> bool {
        self.0
            .split_once('.')
            .is_some_and(|(_, fraction)| fraction.bytes().any(|b| b != b'0'))
    }
}

impl FromStr for Decimal {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        let unsigned = s.strip_prefix('-').unwrap_or(s);
        let (whole, fraction) = unsigned.split_once('.').unwrap_or((unsigned, "0"));
        let digits = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
        if digits(whole) && digits(fraction) {
            Ok(Decimal(s.to_owned()))
        } else {
            Err(format!("`{s}` is not a number"))
        }
    }
}

/// A quantity from the text: a number or a range, maybe a lower bound, maybe money or a
/// percentage. Written like `30%`, `-5%`, `>50%` ("more than"), `>=400` ("at least"),
/// `<=400` ("up to"), `~120` ("about"), `EUR 2`, `USD 3.1-5.2`; a range runs from its low end to its high end.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Amount {
    /// `true` for `>400`: the article says "more than" or "over", a bound the value itself
    /// does not reach.
    pub more_than: bool,
    /// `true` for `>=400`: the article says "at least", a bound the value reaches.
    pub at_least: bool,
    /// `true` for `<=400`: the article says "up to" or "at most", an upper bound the value
    /// reaches.
    pub at_most: bool,
    /// `true` for `~120`: the article says "about" or "around".
    pub approximate: bool,
    /// ISO 4217 code for money.
    pub currency: Option<String>,
    /// The value, or the low end of a range.
    pub low: Decimal,
    /// The high end of a range.
    pub high: Option<Decimal>,
    /// `true` when written with `%`.
    pub percent: bool,
}

impl Amount {
    /// The single value, when this is neither a range nor a bound.
    pub fn exact(&self) -> Option<&Decimal> {
        (!self.more_than && !self.at_least && !self.at_most && self.high.is_none())
            .then_some(&self.low)
    }
}

impl fmt::Display for Amount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.more_than {
            f.write_str("more than ")?;
        }
        if self.at_least {
            f.write_str("at least ")?;
        }
        if self.at_most {
            f.write_str("up to ")?;
        }
        if self.approximate {
            f.write_str("about ")?;
        }
        if let Some(currency) = &self.currency {
            write!(f, "{currency} ")?;
        }
        f.write_str(self.low.as_str())?;
        if let Some(high) = &self.high {
            write!(f, "–{}", high.as_str())?;
        }
        if self.percent {
            f.write_str("%")?;
        }
        Ok(())
    }
}

/// Strips the mark `prefix` (and the spaces after it) from the front of `rest` when `allowed`;
/// says whether it did.
fn strip_mark(rest: &mut &str, prefix: &str, allowed: bool) -> bool {
    match rest.strip_prefix(prefix) {
        Some(r) if allowed => {
            *rest = r.trim_start();
            true
        }
        _ => false,
    }
}

impl FromStr for Amount {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        let mut rest = s.trim();
        let at_least = strip_mark(&mut rest, ">=", true);
        let at_most = strip_mark(&mut rest, "<=", !at_least);
        let approximate = strip_mark(&mut rest, "~", true);
        let more_than = strip_mark(&mut rest, ">", !at_least);
        let mut currency = None;
        if let Some((code, r)) = rest.split_once(' ') {
            if code.len() != 3 || !code.bytes().all(|b| b.is_ascii_uppercase()) {
                return Err(format!(
                    "`{code}` is not an ISO 4217 currency code (three capitals, like EUR)"
                ));
            }
            currency = Some(code.to_owned());
            rest = r.trim();
        }
        let percent = match rest.strip_suffix('%') {
            Some(r) => {
                rest = r;
                true
            }
            None => false,
        };
        // A range's dash follows a digit; a dash at the start is a minus sign.
        let separator = rest
            .char_indices()
            .skip(1)
            .find(|&(i, c)| {
                matches!(c, '-' | '–') && rest[..i].ends_with(|p: char| p.is_ascii_digit())
            })
            .map(|(i, c)| (i, c.len_utf8()));
        let (low, high): (Decimal, Option<Decimal>) = match separator {
            Some((i, len)) => (
                rest[..i].trim().parse()?,
                Some(rest[i + len..].trim().parse()?),
            ),
            None => (rest.parse()?, None),
        };
        if (more_than || at_least || at_most) && high.is_some() {
            return Err("a range cannot also be a bound".into());
        }
        if let Some(high) = &high {
            if low.value() > high.value() {
                return Err(format!(
                    "the range runs from {} down to {}: write its low end first",
                    low.as_str(),
                    high.as_str()
                ));
            }
        }
        if approximate && (more_than || at_least || at_most) {
            return Err("an approximate value cannot also be a bound".into());
        }
        Ok(Amount {
            more_than,
            at_least,
            at_most,
            approximate,
            currency,
            low,
            high,
            percent,
        })
    }
}

/// A reporting period of a company's fiscal calendar: `FY2024-Q1` or `FY2024`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FiscalPeriod {
    /// The fiscal year as the article names it.
    pub year: i32,
    /// 1 to 4, or none for the whole year.
    pub quarter: Option<u8>,
}

impl FiscalPeriod {
    /// A readable name: "first fiscal quarter of 2024".
    pub fn label(&self) -> String {
        match self.quarter {
            Some(q) => {
                let ordinal = ["first", "second", "third", "fourth"][usize::from(q - 1)];
                format!("{ordinal} fiscal quarter of {}", self.year)
            }
            None => format!("fiscal year {}", self.year),
        }
    }

    /// The IRI-safe key: `fy2024-q1`.
    pub fn key(&self) -> String {
        match self.quarter {
            Some(q) => format!("fy{}-q{q}", self.year),
            None => format!("fy{}", self.year),
        }
    }
}

impl FromStr for FiscalPeriod {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        let usage = "expected a fiscal period like FY2024 or FY2024-Q1";
        let rest = s.strip_prefix("FY").ok_or(usage)?;
        let (year, quarter) = match rest.split_once("-Q") {
            Some((year, quarter)) => {
                let q: u8 = quarter.parse().map_err(|_| usage)?;
                if !(1..=4).contains(&q) {
                    return Err(format!("there is no quarter {q}"));
                }
                (year, Some(q))
            }
            None => (rest, None),
        };
        if year.len() != 4 {
            return Err(usage.into());
        }
        let year = year.parse().map_err(|_| usage)?;
        Ok(FiscalPeriod { year, quarter })
    }
}

/// Implements `Deserialize` through `FromStr`, quoting the value in the error.
macro_rules! deserialize_from_str {
    ($($ty:ty => $what:literal),* $(,)?) => {$(
        impl<'de> Deserialize<'de> for $ty {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let text = String::deserialize(deserializer)?;
                text.parse().map_err(|why| {
                    serde::de::Error::custom(format!(concat!("invalid ", $what, " \"{}\": {}"), text, why))
                })
            }
        }
    )*};
}

deserialize_from_str! {
    Date => "date",
    When => "date",
    Boundary => "date or event",
    Amount => "amount",
    Relative => "relative time",
    FiscalPeriod => "fiscal period",
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_can_be_negative_and_ranges_run_upwards() {
        let decline: Amount = "-5%".parse().unwrap();
        assert_eq!(decline.exact().map(Decimal::as_str), Some("-5"));
        assert!(decline.percent);
        let range: Amount = "EUR -3-5".parse().unwrap();
        assert_eq!(range.low.as_str(), "-3");
        assert_eq!(range.high.as_ref().map(Decimal::as_str), Some("5"));
        let error = "EUR 5-3".parse::<Amount>().unwrap_err();
        assert!(error.contains("from 5 down to 3"), "{error}");
        assert!("400.5".parse::<Decimal>().unwrap().is_fractional());
        assert!(!"400.0".parse::<Decimal>().unwrap().is_fractional());
    }

    #[test]
    fn boundaries_are_dates_only_when_written_as_dates() {
        assert_eq!("2024".parse(), Ok(Boundary::Date(Date::Year(2024))));
        assert_eq!(
            "4px-express".parse(),
            Ok(Boundary::Event("4px-express".to_owned()))
        );
        assert!("2024-13".parse::<Boundary>().is_err());
    }

    #[test]
    fn dates_keep_their_precision() {
        assert_eq!("2024".parse(), Ok(Date::Year(2024)));
        assert_eq!("2023-09".parse(), Ok(Date::Month(2023, 9)));
        assert_eq!("2024-02-29".parse(), Ok(Date::Day(2024, 2, 29)));
        assert!("2023-02-29".parse::<Date>().is_err());
        assert!("2023-13".parse::<Date>().is_err());
        assert!("23".parse::<Date>().is_err());
        assert_eq!("by 2019".parse(), Ok(When::By(Date::Year(2019))));
        assert_eq!("unknown".parse(), Ok(When::Unknown));
        assert!("soon".parse::<When>().is_err());
    }

    #[test]
    fn amounts_read_bounds_ranges_money_and_percentages() {
        let a: Amount = ">50%".parse().unwrap();
        assert!(a.more_than && a.percent && a.low.as_str() == "50");
        let a: Amount = "USD 3.1-5.2".parse().unwrap();
        assert_eq!(a.currency.as_deref(), Some("USD"));
        assert_eq!((a.low.as_str(), a.high.unwrap().as_str()), ("3.1", "5.2"));
        let a: Amount = "EUR 3–5".parse().unwrap();
        assert_eq!(a.to_string(), "EUR 3–5");
        assert_eq!(
            "30%".parse::<Amount>().unwrap().exact().unwrap().as_str(),
            "30"
        );
        assert!("eur 2".parse::<Amount>().is_err());
        assert!("2,5".parse::<Amount>().is_err());
        assert!(">2-3".parse::<Amount>().is_err());
    }

    #[test]
    fn relative_times_resolve_to_honest_intervals() {
        let published = Date::Day(2025, 1, 14);
        let ago: Relative = "11 years ago".parse().unwrap();
        let span = ago.resolve(published);
        assert_eq!(
            (span.beginning, span.end),
            (Some(Date::Year(2013)), Some(Date::Year(2014)))
        );
        assert_eq!((span.begun_before, span.ongoing_at), (None, None));
        let over: Relative = "for over a year".parse().unwrap();
        assert_eq!(
            over.resolve(published),
            Span {
                begun_before: Some(Date::Day(2024, 1, 14)),
                ongoing_at: Some(published),
                ..Span::default()
            },
            "an ongoing collaboration has no end"
        );
        let recently: Relative = "recently".parse().unwrap();
        assert_eq!(
            recently.resolve(published),
            Span {
                end: Some(published),
                ..Span::default()
            }
        );
        assert_eq!(ago.to_string(), "11 years ago");
        assert!("soon".parse::<Relative>().is_err());
        assert!("0 years ago".parse::<Relative>().is_err());
    }

    #[test]
    fn lower_bounds_are_exclusive_or_inclusive() {
        let a: Amount = ">=400".parse().unwrap();
        assert!(a.at_least && !a.more_than && a.exact().is_none());
        assert_eq!(a.to_string(), "at least 400");
        let a: Amount = ">400".parse().unwrap();
        assert!(a.more_than && !a.at_least);
        let a: Amount = "~120".parse().unwrap();
        assert!(a.approximate && a.exact().is_some());
        assert_eq!(a.to_string(), "about 120");
        assert!("~>120".parse::<Amount>().is_err());
    }

    #[test]
    fn fiscal_periods() {
        let p: FiscalPeriod = "FY2024-Q2".parse().unwrap();
        assert_eq!(p.label(), "second fiscal quarter of 2024");
        assert_eq!(p.key(), "fy2024-q2");
        assert!("FY2024-Q5".parse::<FiscalPeriod>().is_err());
        assert!("2024-Q1".parse::<FiscalPeriod>().is_err());
    }
}
