//! Quantities as a text writes them: numbers with their currency, range, percent sign, scale
//! word and bound ("more than 400", "about USD 10.3 billion", "EUR 3–5", "30 percent"), numbers
//! written as words ("half", "second", "next-day"), and the names of months.
//!
//! One reader for every stage: grounding reads a quote's quantities with [`read`] to find a
//! record's values in it, and the draft proposes values using the same tables (currencies,
//! scales, bound words, months), so what the draft proposes is what the check finds.

use super::words::{plain, words};

/// A number a text states, with its currency, range end and percent sign.
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
    /// The bound the words before it make of it, if any.
    pub bound: Option<Bound>,
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

/// The bound made by the words just before a number (given as [`words`]).
pub fn bound_before(before: &[String]) -> Option<Bound> {
    BOUND_WORDS
        .iter()
        .filter(|(_, b)| b.is_some())
        .find(|(phrase, _)| before.ends_with(&words(phrase)))
        .and_then(|(_, b)| *b)
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

/// The number of a month named in full or by its first three letters, ignoring case.
pub fn month(name: &str) -> Option<u8> {
    let name = name.to_lowercase();
    MONTHS
        .iter()
        .position(|m| {
            let m = m.to_lowercase();
            m == name || m[..3] == name
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

/// Every quantity of a text: numbers in digits with what is written around them, then
/// numbers written as words ("half" is 50%, "next-day" 1, "two" 2, "second" 2).
pub fn read(text: &str) -> Vec<Quantity> {
    let mut out = in_digits(&plain(text));
    let words = words(text);
    for (i, w) in words.iter().enumerate() {
        let number = |n: usize, percent: bool| Quantity {
            currency: None,
            low: n.to_string(),
            high: None,
            percent,
            bound: bound_before(&words[..i]),
        };
        if w == "half" {
            out.push(number(50, true));
        } else if w == "next" && words.get(i + 1).is_some_and(|n| n == "day") {
            out.push(number(1, false));
        } else if let Some(n) = count_word(w) {
            out.push(number(n, false));
        } else if let Some(n) = ORDINALS.iter().position(|c| c == w) {
            out.push(number(n + 1, false));
        }
    }
    out
}

/// The numbers written in digits in a [`plain`] text.
fn in_digits(text: &str) -> Vec<Quantity> {
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
            .collect();
        if let Some(zeros) = scale_zeros(&next) {
            low = scaled(&low, zeros);
            after = skip_spaces(&chars, after) + next.chars().count();
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
                if let Some((len, _)) = currency_at(&chars, k) {
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
        let rest = rest.to_lowercase();
        let percent =
            rest.starts_with('%') || rest.starts_with("percent") || rest.starts_with("per cent");
        let before: String = chars[..i].iter().collect();
        let mut before = words(&before);
        // "about USD 10.3": the bound comes before the currency.
        if let Some(written) = written_currency_before(&chars, i) {
            let word: String = written
                .to_lowercase()
                .chars()
                .filter(|c| c.is_alphanumeric())
                .collect();
            if !word.is_empty() && before.last() == Some(&word) {
                before.pop();
            }
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

/// The currency as written just before a number at `i` (`EUR 2`, `€2`, `US$ 2`), if any.
fn written_currency_before(chars: &[char], i: usize) -> Option<String> {
    let end = if i >= 1 && chars[i - 1] == ' ' {
        i - 1
    } else {
        i
    };
    (1..=end.min(3)).rev().find_map(|len| {
        let start = end - len;
        let bounded = start == 0 || !chars[start - 1].is_alphanumeric();
        let (found, _) = currency_at(chars, start)?;
        (found == len && bounded).then(|| chars[start..end].iter().collect())
    })
}

/// The currency written just before a number at `i`, as its ISO code.
fn currency_before(chars: &[char], i: usize) -> Option<String> {
    let written = written_currency_before(chars, i)?;
    let chars: Vec<char> = written.chars().collect();
    currency_at(&chars, 0).map(|(_, code)| code)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(currency: Option<&str>, low: &str, high: Option<&str>, percent: bool) -> Quantity {
        Quantity {
            currency: currency.map(str::to_owned),
            low: low.into(),
            high: high.map(str::to_owned),
            percent,
            bound: None,
        }
    }

    #[test]
    fn numbers_with_currency_range_percent_and_scale() {
        let cases: &[(&str, Quantity)] = &[
            ("for EUR 3–5 in all", q(Some("EUR"), "3", Some("5"), false)),
            ("(USD 3.1–5.2)", q(Some("USD"), "3.1", Some("5.2"), false)),
            ("€2 a parcel", q(Some("EUR"), "2", None, false)),
            ("€3-€5", q(Some("EUR"), "3", Some("5"), false)),
            ("HK$ 62.5 each", q(Some("HKD"), "62.5", None, false)),
            ("US$2.10", q(Some("USD"), "2.1", None, false)),
            ("RMB 30", q(Some("CNY"), "30", None, false)),
            ("CHF 7", q(Some("CHF"), "7", None, false)),
            ("1,200 staff", q(None, "1200", None, false)),
            ("30% growth", q(None, "30", None, true)),
            ("16 percent", q(None, "16", None, true)),
            ("62 per cent of sales", q(None, "62", None, true)),
            ("3 to 5 days", q(None, "3", Some("5"), false)),
            (
                "USD 3.75 billion",
                q(Some("USD"), "3750000000", None, false),
            ),
            ("USD 1.2 bn", q(Some("USD"), "1200000000", None, false)),
            ("400 thousand", q(None, "400000", None, false)),
        ];
        for (text, expected) in cases {
            assert_eq!(read(text).first(), Some(expected), "{text}");
        }
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
            let mark = match read(text)[0].bound {
                Some(Bound::Exclusive) => ">",
                Some(Bound::Inclusive) => ">=",
                Some(Bound::AtMost) => "<=",
                Some(Bound::Approximate) => "~",
                None => "",
            };
            assert_eq!(mark, expected, "{text}");
        }
        assert_eq!(bound("More than"), Some(Bound::Exclusive));
        assert_eq!(bound("up to"), Some(Bound::AtMost));
        assert_eq!(bound("under"), None);
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
