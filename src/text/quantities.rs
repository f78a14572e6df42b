//! Quantities as a text writes them: numbers with their currency, range, percent sign, scale
//! word and bound ("more than 400", "about USD 10.3 billion", "EUR 3–5", "30 percent"), numbers
//! written as words ("half", "second", "next-day"), and the names of months.
//!
//! One reader for every stage: grounding reads a quote's quantities with [`read`] to find a
//! record's values in it, and the draft proposes values using the same tables (currencies,
//! scales, bound words, months), so what the draft proposes is what the check finds.

use super::words::{located_words, plain_char, words};
use std::ops::Range;
use std::sync::LazyLock;

/// A number a text states, with its currency, range end and percent sign, and where the text
/// writes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quantity {
    /// The ISO 4217 code of the currency written before it (`€2` gives `EUR`).
    pub currency: Option<String>,
    /// The number, or the low end of a range, as a [`canonical`] decimal, scale applied.
    pub low: String,
    /// The high end of a range.
    pub high: Option<String>,
    /// Whether a `%`, "percent" or "per cent" follows it.
    pub percent: bool,
    /// Whether it is an ordinal: "second", "3rd".
    pub ordinal: bool,
    /// The words of [`BOUND_WORDS`] just before it, and the byte where they start; also the
    /// bounds the facts files have no mark for ("under").
    pub bounded_by: Option<(&'static str, usize)>,
    /// Its byte range in the text read: from its currency to its last digit, scale word or
    /// percent sign; a number written in words is those words.
    pub at: Range<usize>,
}

impl Quantity {
    /// The bound the words before it make of it, if any.
    pub fn bound(&self) -> Option<Bound> {
        self.bounded_by.and_then(|(phrase, _)| bound(phrase))
    }
}

/// "More than" (the value itself excluded), "at least" (included), "up to", or "about".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bound {
    /// The number is a lower bound, itself excluded: `>400` in a facts file.
    Exclusive,
    /// The number is a lower bound, itself included: `>=400`.
    Inclusive,
    /// The number is an upper bound, itself included: `<=3.75`.
    AtMost,
    /// The number is approximate: `~120`.
    Approximate,
}

impl Bound {
    /// How a facts file marks the bound: `>` for "more than", `>=` for "at least", `<=` for
    /// "up to", `~` for "about".
    pub fn mark(self) -> &'static str {
        match self {
            Bound::Exclusive => ">",
            Bound::Inclusive => ">=",
            Bound::AtMost => "<=",
            Bound::Approximate => "~",
        }
    }
}

/// Words before a number that bound it, and the bound they make; `None` for the words that
/// bound it in a way the facts files have no mark for ("under", "less than"). "No more than"
/// comes before "more than", which it ends with.
pub const BOUND_WORDS: &[(&str, Option<Bound>)] = &[
    ("up to", Some(Bound::AtMost)),
    ("at most", Some(Bound::AtMost)),
    ("no more than", Some(Bound::AtMost)),
    ("more than", Some(Bound::Exclusive)),
    ("over", Some(Bound::Exclusive)),
    ("above", Some(Bound::Exclusive)),
    ("exceeding", Some(Bound::Exclusive)),
    ("upwards of", Some(Bound::Exclusive)),
    ("at least", Some(Bound::Inclusive)),
    ("no fewer than", Some(Bound::Inclusive)),
    ("about", Some(Bound::Approximate)),
    ("around", Some(Bound::Approximate)),
    ("approximately", Some(Bound::Approximate)),
    ("roughly", Some(Bound::Approximate)),
    ("nearly", Some(Bound::Approximate)),
    ("almost", Some(Bound::Approximate)),
    ("some", Some(Bound::Approximate)),
    ("under", None),
    ("less than", None),
];

/// The bound these words make, ignoring case: "More than" is [`Bound::Exclusive`].
pub fn bound(phrase: &str) -> Option<Bound> {
    let phrase = phrase.to_lowercase();
    BOUND_WORDS
        .iter()
        .find(|(p, _)| *p == phrase)
        .and_then(|(_, b)| *b)
}

/// The [`BOUND_WORDS`] that end just before byte `upto` of a text whose [`located_words`]
/// are `located`, and the byte they start at.
fn bounded_by(located: &[(Range<usize>, String)], upto: usize) -> Option<(&'static str, usize)> {
    static PHRASES: LazyLock<Vec<(&'static str, Vec<String>)>> =
        LazyLock::new(|| BOUND_WORDS.iter().map(|(p, _)| (*p, words(p))).collect());
    let before = &located[..located.partition_point(|(at, _)| at.end <= upto)];
    PHRASES.iter().find_map(|(phrase, words)| {
        let tail = before.len().checked_sub(words.len())?;
        let matches = before[tail..].iter().map(|(_, w)| w).eq(words.iter());
        matches.then(|| (*phrase, before[tail].0.start))
    })
}

/// How currencies are written, and their ISO 4217 codes.
pub const CURRENCIES: &[(&str, &str)] = &[
    ("EUR", "EUR"),
    ("USD", "USD"),
    ("CNY", "CNY"),
    ("RMB", "CNY"),
    ("HKD", "HKD"),
    ("GBP", "GBP"),
    ("JPY", "JPY"),
    ("SGD", "SGD"),
    ("US$", "USD"),
    ("HK$", "HKD"),
    ("$", "USD"),
    ("€", "EUR"),
    ("£", "GBP"),
    ("¥", "CNY"),
];

/// Currencies named in words after the amount ("2.4 billion yen", "3.2 billion TL"), written
/// in lower case, and their ISO 4217 codes: only names that stand for one currency ("dollars"
/// and "pounds" do not).
pub const CURRENCY_NAMES: &[(&str, &str)] = &[
    ("yen", "JPY"),
    ("yuan", "CNY"),
    ("renminbi", "CNY"),
    ("euros", "EUR"),
    ("euro", "EUR"),
    ("rand", "ZAR"),
    ("lira", "TRY"),
    ("tl", "TRY"),
];

/// The ISO code of a currency as written (`€`, `US$`, `RMB`).
pub fn currency_code(written: &str) -> Option<&'static str> {
    let written = written.trim();
    CURRENCIES
        .iter()
        .find(|(w, _)| *w == written)
        .map(|(_, code)| *code)
}

/// Words after a number that multiply it, and by how many zeros.
pub const SCALES: &[(&str, usize)] = &[
    ("thousand", 3),
    ("million", 6),
    ("billion", 9),
    ("trillion", 12),
    ("mn", 6),
    ("bn", 9),
];

/// How many zeros a scale word adds, ignoring case: `billion` 9.
pub fn scale_zeros(word: &str) -> Option<usize> {
    let word = word.to_lowercase();
    SCALES.iter().find(|(w, _)| *w == word).map(|(_, z)| *z)
}

/// The months' names, January first.
pub const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Months' short forms as pages write them in datelines ("Nov 3", "Sept. 9"), each matched
/// with an optional full stop; `Sept` before `Sep`.
pub const MONTH_ABBREVIATIONS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec",
];

/// The number of a month named in full, by its first three letters or as `Sept`, with or
/// without a full stop, ignoring case.
pub fn month(name: &str) -> Option<u8> {
    let name = name.trim_end_matches('.').to_lowercase();
    let name = if name == "sept" { "sep" } else { name.as_str() };
    MONTHS
        .iter()
        .position(|m| {
            let m = m.to_lowercase();
            m == name || m[..3] == *name
        })
        .map(|i| i as u8 + 1)
}

/// Counts written as words, one first.
pub const COUNTS: [&str; 12] = [
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve",
];

/// Ordinals written as words, first first.
pub const ORDINALS: [&str; 12] = [
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
    "eleventh", "twelfth",
];

/// A count written as a word: `two` → 2.
pub fn count_word(word: &str) -> Option<usize> {
    COUNTS.iter().position(|c| *c == word).map(|i| i + 1)
}

/// An ordinal in digits: `14th` → 14.
pub fn ordinal_digits(word: &str) -> Option<u32> {
    let digits: String = word.chars().take_while(char::is_ascii_digit).collect();
    let suffix = &word[digits.len()..];
    matches!(suffix, "st" | "nd" | "rd" | "th")
        .then(|| digits.parse().ok())
        .flatten()
}

/// An ordinal in words or digits: `second` → 2, `3rd` → 3.
pub fn ordinal(word: &str) -> Option<u32> {
    match ORDINALS.iter().position(|o| *o == word) {
        Some(i) => Some(i as u32 + 1),
        None => ordinal_digits(word),
    }
}

/// A decimal without thousands separators or trailing fractional zeros: `2.10` → `2.1`,
/// `3.0` → `3`, `1,200` → `1200`.
pub fn canonical(number: &str) -> String {
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

/// A decimal times ten to the `zeros`, [`canonical`]: `3.75` and 9 give `3750000000`.
pub fn scaled(number: &str, zeros: usize) -> String {
    let number = number.replace(',', "");
    let (whole, fraction) = number.split_once('.').unwrap_or((&number, ""));
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

/// Every quantity of a text, in the order it writes them: numbers in digits with what is
/// written around them, and numbers written as words ("half" is 50%, "next-day" 1, "two" 2,
/// "second" 2).
pub fn read(text: &str) -> Vec<Quantity> {
    let located = located_words(text);
    let mut out = in_digits(text, &located);
    for (i, (at, w)) in located.iter().enumerate() {
        let number = |n: usize, at: Range<usize>, percent: bool, ordinal: bool| {
            let bounded_by = bounded_by(&located, at.start);
            Quantity {
                currency: None,
                low: n.to_string(),
                high: None,
                percent,
                ordinal,
                bounded_by,
                at,
            }
        };
        if w == "half" {
            out.push(number(50, at.clone(), true, false));
        } else if w == "next" && located.get(i + 1).is_some_and(|(_, n)| n == "day") {
            out.push(number(1, at.start..located[i + 1].0.end, false, false));
        } else if let Some(n) = count_word(w) {
            out.push(number(n, at.clone(), false, false));
        } else if let Some(n) = ORDINALS.iter().position(|c| c == w) {
            out.push(number(n + 1, at.clone(), false, true));
        }
    }
    out.sort_by_key(|q| q.at.start);
    out
}

/// The numbers written in digits in a text whose [`located_words`] are `located`.
fn in_digits(text: &str, located: &[(Range<usize>, String)]) -> Vec<Quantity> {
    let chars: Vec<char> = text.chars().map(plain_char).collect();
    // The byte where each character starts, and the text's end.
    let bytes: Vec<usize> = text
        .char_indices()
        .map(|(at, _)| at)
        .chain([text.len()])
        .collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let starts = chars[i].is_ascii_digit() && (i == 0 || !chars[i - 1].is_alphanumeric());
        if !starts {
            i += 1;
            continue;
        }
        let (mut low, after) = number(&chars, i);
        let (zeros, mut end) = scale_after(&chars, after);
        if let Some(zeros) = zeros {
            low = scaled(&low, zeros);
        }
        let ordinal = ordinal_after(&chars, after);
        let written = written_currency_before(&chars, i);
        let currency = written.as_ref().map(|(_, code)| code.clone());
        let mut j = skip_spaces(&chars, end);
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
                if let Some((len, _)) = currency_at(&chars, k) {
                    k = skip_spaces(&chars, k + len);
                }
            }
            if chars.get(k).is_some_and(char::is_ascii_digit) {
                let (value, after_high) = number(&chars, k);
                // "USD 3.1-5.2 billion": a scale word after the range scales both ends;
                // "3 billion to 5" scales the high end as the low.
                let (high_zeros, after_scale) = scale_after(&chars, after_high);
                if zeros.is_none() {
                    low = scaled(&low, high_zeros.unwrap_or(0));
                }
                high = Some(scaled(&value, high_zeros.or(zeros).unwrap_or(0)));
                end = after_scale;
                j = skip_spaces(&chars, end);
            }
        }
        let sign = ["%", "percent", "per cent"].iter().find(|sign| {
            let sign: Vec<char> = sign.chars().collect();
            chars.get(j..j + sign.len()).is_some_and(|c| {
                c.iter()
                    .map(char::to_ascii_lowercase)
                    .eq(sign.iter().copied())
            })
        });
        let percent = sign.is_some();
        if let Some(sign) = sign {
            end = j + sign.len();
        }
        // "2.4 billion yen": the currency named after the amount.
        let named = (currency.is_none() && !percent && !ordinal)
            .then(|| currency_named_at(&chars, j))
            .flatten();
        let currency = match named {
            Some((len, code)) => {
                end = j + len;
                Some(code.to_owned())
            }
            None => currency,
        };
        let start = written.map_or(i, |(start, _)| start);
        let bounded_by = bounded_by(located, bytes[start]);
        out.push(Quantity {
            currency,
            low,
            high,
            percent,
            ordinal,
            bounded_by,
            at: bytes[start]..bytes[end],
        });
        i = end.max(i + 1);
    }
    out
}

/// The zeros of a scale word after a number ending at `after` ("3.75 billion"), and the index
/// after it; `after` itself when none follows.
fn scale_after(chars: &[char], after: usize) -> (Option<usize>, usize) {
    let from = skip_spaces(chars, after);
    let next: String = chars[from..]
        .iter()
        .take_while(|c| c.is_alphabetic())
        .collect();
    match scale_zeros(&next) {
        Some(zeros) => (Some(zeros), from + next.chars().count()),
        None => (None, after),
    }
}

/// Whether an ordinal's suffix follows the digits ending at `after`: "3rd", "14th".
fn ordinal_after(chars: &[char], after: usize) -> bool {
    let suffix: String = chars[after..]
        .iter()
        .take_while(|c| c.is_alphanumeric())
        .collect();
    matches!(suffix.as_str(), "st" | "nd" | "rd" | "th")
}

fn skip_spaces(chars: &[char], mut i: usize) -> usize {
    while chars.get(i) == Some(&' ') {
        i += 1;
    }
    i
}

/// A number from `start`: digits, thousands separators dropped, one decimal point kept, and
/// the decimal [`canonical`]. Returns it and the index after it.
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

/// The currency written at `i`, if one is: its length in characters and its code. A written
/// form of [`CURRENCIES`] (the longest that fits), else any three capitals as an ISO code.
fn currency_at(chars: &[char], i: usize) -> Option<(usize, String)> {
    let known = CURRENCIES
        .iter()
        .filter(|(w, _)| {
            let w: Vec<char> = w.chars().collect();
            chars.get(i..i + w.len()) == Some(&w[..])
        })
        .max_by_key(|(w, _)| w.chars().count());
    if let Some((w, code)) = known {
        return Some((w.chars().count(), (*code).to_owned()));
    }
    let code = chars.get(i..i + 3)?;
    code.iter()
        .all(char::is_ascii_uppercase)
        .then(|| (3, code.iter().collect()))
}

/// The currency named by a word of [`CURRENCY_NAMES`] at `i`, if one is: its length in
/// characters and its code.
fn currency_named_at(chars: &[char], i: usize) -> Option<(usize, &'static str)> {
    let word: String = chars
        .get(i..)?
        .iter()
        .take_while(|c| c.is_alphabetic())
        .collect();
    let lower = word.to_lowercase();
    CURRENCY_NAMES
        .iter()
        .find(|(name, _)| *name == lower)
        .map(|(_, code)| (word.chars().count(), *code))
}

/// The currency written just before a number at `i` (`EUR 2`, `€2`, `US$ 2`), if any: where
/// it starts and its ISO code.
fn written_currency_before(chars: &[char], i: usize) -> Option<(usize, String)> {
    let end = if i >= 1 && chars[i - 1] == ' ' {
        i - 1
    } else {
        i
    };
    (1..=end.min(3)).rev().find_map(|len| {
        let start = end - len;
        let bounded = start == 0 || !chars[start - 1].is_alphanumeric();
        let (found, code) = currency_at(chars, start)?;
        (found == len && bounded).then_some((start, code))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A quantity's currency, ends and percent sign, and the words it was read from.
    type Read<'a> = (Option<&'a str>, &'a str, Option<&'a str>, bool, &'a str);

    fn first(text: &str) -> Read<'_> {
        let q = read(text).into_iter().next().expect("a quantity");
        (
            q.currency.map(|c| &*c.leak()),
            q.low.leak(),
            q.high.map(|h| &*h.leak()),
            q.percent,
            &text[q.at],
        )
    }

    #[test]
    fn numbers_with_currency_range_percent_and_scale() {
        let cases: &[(&str, Read)] = &[
            (
                "for EUR 3–5 in all",
                (Some("EUR"), "3", Some("5"), false, "EUR 3–5"),
            ),
            (
                "(USD 3.1–5.2)",
                (Some("USD"), "3.1", Some("5.2"), false, "USD 3.1–5.2"),
            ),
            (
                "USD 3.1–5.2 billion",
                (
                    Some("USD"),
                    "3100000000",
                    Some("5200000000"),
                    false,
                    "USD 3.1–5.2 billion",
                ),
            ),
            ("€2 a parcel", (Some("EUR"), "2", None, false, "€2")),
            (
                "a price of 2.4 billion yen",
                (Some("JPY"), "2400000000", None, false, "2.4 billion yen"),
            ),
            (
                "3 million euros a year",
                (Some("EUR"), "3000000", None, false, "3 million euros"),
            ),
            (
                "paid 3.2 billion TL for it",
                (Some("TRY"), "3200000000", None, false, "3.2 billion TL"),
            ),
            (
                "1.2 billion rand in cash",
                (Some("ZAR"), "1200000000", None, false, "1.2 billion rand"),
            ),
            ("500 dollars", (None, "500", None, false, "500")),
            ("€3-€5", (Some("EUR"), "3", Some("5"), false, "€3-€5")),
            (
                "HK$ 62.5 each",
                (Some("HKD"), "62.5", None, false, "HK$ 62.5"),
            ),
            ("US$2.10", (Some("USD"), "2.1", None, false, "US$2.10")),
            ("RMB 30", (Some("CNY"), "30", None, false, "RMB 30")),
            ("CHF 7", (Some("CHF"), "7", None, false, "CHF 7")),
            ("1,200 staff", (None, "1200", None, false, "1,200")),
            ("30% growth", (None, "30", None, true, "30%")),
            ("16 percent", (None, "16", None, true, "16 percent")),
            (
                "62 per cent of sales",
                (None, "62", None, true, "62 per cent"),
            ),
            ("3 to 5 days", (None, "3", Some("5"), false, "3 to 5")),
            (
                "USD 3.75 billion",
                (Some("USD"), "3750000000", None, false, "USD 3.75 billion"),
            ),
            (
                "USD 1.2 bn",
                (Some("USD"), "1200000000", None, false, "USD 1.2 bn"),
            ),
            (
                "400 thousand",
                (None, "400000", None, false, "400 thousand"),
            ),
            (
                "EUR 2 billion to 3",
                (
                    Some("EUR"),
                    "2000000000",
                    Some("3000000000"),
                    false,
                    "EUR 2 billion to 3",
                ),
            ),
            ("the half", (None, "50", None, true, "half")),
            ("next-day delivery", (None, "1", None, false, "next-day")),
        ];
        for (text, expected) in cases {
            assert_eq!(first(text), *expected, "{text}");
        }
        let spans: Vec<(String, bool)> = read("the 3rd and the second, 3-5 days")
            .into_iter()
            .map(|q| (q.low, q.ordinal))
            .collect();
        assert_eq!(
            spans,
            [("3".into(), true), ("2".into(), true), ("3".into(), false)],
            "a range is one quantity, and ordinals say so"
        );
    }

    #[test]
    fn bounds_from_the_words_before() {
        // The facts file's mark for each bound: `>`, `>=`, `~`, or none.
        let cases = [
            ("more than 400 employees", ">"),
            ("Over half of its revenue", ">"),
            ("upwards of 10", ">"),
            ("at least 3 days", ">="),
            ("no fewer than 3", ">="),
            ("about 120 people", "~"),
            ("nearly 50%", "~"),
            ("about USD 10.3 billion", "~"),
            ("about US$ 5", "~"),
            ("up to USD 3.75 billion", "<="),
            ("no more than 3", "<="),
            ("in 400 cities", ""),
        ];
        for (text, expected) in cases {
            let mark = read(text)[0].bound().map_or("", Bound::mark);
            assert_eq!(mark, expected, "{text}");
        }
        assert_eq!(bound("More than"), Some(Bound::Exclusive));
        assert_eq!(bound("up to"), Some(Bound::AtMost));
        assert_eq!(bound("under"), None);
        let under = &read("sold for under EUR 5")[0];
        assert_eq!(
            (under.bound(), under.bounded_by),
            (None, Some(("under", 9)))
        );
        let about = &read("About half")[0];
        assert_eq!(about.bounded_by, Some(("about", 0)));
    }

    #[test]
    fn numbers_in_words() {
        let cases: &[(&str, &[(&str, bool)])] = &[
            ("half of it", &[("50", true)]),
            ("next-day delivery", &[("1", false)]),
            ("the second fastest", &[("2", false)]),
            ("two fiscal quarters", &[("2", false)]),
            ("in 2024, three times", &[("2024", false), ("3", false)]),
        ];
        for (text, expected) in cases {
            let have: Vec<(String, bool)> =
                read(text).into_iter().map(|x| (x.low, x.percent)).collect();
            let expected: Vec<(String, bool)> = expected
                .iter()
                .map(|(l, p)| ((*l).to_owned(), *p))
                .collect();
            assert_eq!(have, expected, "{text}");
        }
    }

    #[test]
    fn decimals_scales_months_and_ordinals() {
        let decimals: &[(&str, usize, &str)] = &[
            ("3.75", 9, "3750000000"),
            ("10.3", 9, "10300000000"),
            ("0.62", 0, "0.62"),
            ("2", 6, "2000000"),
            ("400", 3, "400000"),
            ("2.10", 0, "2.1"),
            ("1,200", 0, "1200"),
        ];
        for (n, zeros, expected) in decimals {
            assert_eq!(scaled(n, *zeros), *expected, "{n} {zeros}");
        }
        assert_eq!(canonical("3.0"), "3");
        let months: &[(&str, Option<u8>)] = &[
            ("January", Some(1)),
            ("sep", Some(9)),
            ("DECEMBER", Some(12)),
            ("Smarch", None),
        ];
        for (name, expected) in months {
            assert_eq!(month(name), *expected, "{name}");
        }
        let ordinals: &[(&str, Option<u32>)] = &[
            ("first", Some(1)),
            ("twelfth", Some(12)),
            ("14th", Some(14)),
            ("2nd", Some(2)),
            ("14", None),
            ("firsts", None),
        ];
        for (word, expected) in ordinals {
            assert_eq!(ordinal(word), *expected, "{word}");
        }
        assert_eq!(currency_code("US$"), Some("USD"));
        assert_eq!(scale_zeros("Billion"), Some(9));
    }
}
