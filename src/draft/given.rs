//! Given names: the first word that makes a name of two or three capitalised words a
//! person's when nothing around it says what it is ("Miriam Hofer", "Pieter-Jan Claes",
//! "Xu Weiming"). The lists are data, in `given_names.txt` and `family_names_first.txt`.

use std::collections::HashSet;
use std::sync::LazyLock;

/// The words of a list file: whitespace-separated, `#` lines left out.
fn words(list: &'static str) -> HashSet<&'static str> {
    list.lines()
        .filter(|l| !l.trim_start().starts_with('#'))
        .flat_map(str::split_whitespace)
        .collect()
}

static GIVEN: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| words(include_str!("given_names.txt")));

static FAMILY_FIRST: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| words(include_str!("family_names_first.txt")));

/// Whether `word` is a common given name ("Karen").
pub fn is_given(word: &str) -> bool {
    GIVEN.contains(word)
}

/// The word of `words` (a name's, each capitalised) that marks it a person's: a given name
/// first ("Pieter" of "Pieter-Jan Claes"), or, in a name of two words, a family name that
/// Chinese and Korean names put first ("Xu" of "Xu Weiming").
pub fn person_word<'a>(words: &[&'a str]) -> Option<&'a str> {
    let first = *words.first()?;
    let given = first.split('-').next().unwrap_or(first);
    if GIVEN.contains(first) || GIVEN.contains(given) {
        return Some(first);
    }
    (words.len() == 2 && FAMILY_FIRST.contains(first)).then_some(first)
}

#[cfg(test)]
mod tests {
    use super::person_word;

    #[test]
    fn given_names_and_family_names_first() {
        assert_eq!(person_word(&["Miriam", "Hofer"]), Some("Miriam"));
        assert_eq!(person_word(&["Pieter-Jan", "Claes"]), Some("Pieter-Jan"));
        assert_eq!(person_word(&["Xu", "Weiming"]), Some("Xu"));
        // A family name first makes a name of two words only.
        assert_eq!(person_word(&["Xu", "Weiming", "Foods"]), None);
        assert_eq!(person_word(&["Harlow", "Metals"]), None);
        // Comment lines are not names.
        assert_eq!(person_word(&["English", "Harbour"]), None);
        assert_eq!(person_word(&["Hong", "Kong"]), None);
    }
}
