//! The words of a sentence that say how far along what it reports is, and where one of its
//! clauses ends: tables of cues, kept as data so that every reader of sentence structure
//! (the draft, a checker of records) reads the same words the same way.
//!
//! A status is read in the clause of a cue ("will be folded into", "is moving", "was
//! integrated into"), from the words before the cue and the cue itself; what the clause does
//! not settle has no status.

use std::ops::Range;

/// A status word of the facts model, in its kebab-case spelling.
pub type StatusWord = &'static str;

/// Announced or planned.
pub const PLANNED: StatusWord = "planned";
/// Happening as the article writes.
pub const UNDER_WAY: StatusWord = "under-way";
/// Done.
pub const COMPLETED: StatusWord = "completed";

/// Words before a cue, in its clause, that put it in the future: modal verbs, plans and
/// schedules. Matched as whole words, lowercase.
pub const PLANNED_CUES: &[&str] = &[
    "will",
    "'ll",
    "would",
    "shall",
    "plans to",
    "plan to",
    "planned to",
    "planning to",
    "is to",
    "are to",
    "is set to",
    "are set to",
    "set to",
    "expects to",
    "expect to",
    "expected to",
    "intends to",
    "intend to",
    "aims to",
    "aim to",
    "is due to",
    "are due to",
    "scheduled to",
    "is going to",
    "are going to",
    "proposed",
    "proposes to",
    "agreed to",
    "is preparing to",
    "prepares to",
    "seeks to",
];

/// Words before a cue, in its clause, that say it is happening now.
pub const UNDER_WAY_CUES: &[&str] = &[
    "is undergoing",
    "are undergoing",
    "is in the process of",
    "are in the process of",
    "currently",
    "is now",
    "are now",
    "underway",
    "under way",
];

/// Auxiliaries that, followed by a verb in `-ing`, make the present progressive.
pub const PROGRESSIVE: &[&str] = &["is", "are", "am"];

/// Words before a cue, in its clause, that say it is done: the perfect and the passive past.
pub const COMPLETED_CUES: &[&str] = &[
    "has",
    "have",
    "had",
    "was",
    "were",
    "did",
    "since",
    "already",
    "completed",
    "finished",
];

/// Irregular past forms of verbs that raise events (the regular ones end in `-ed`).
pub const IRREGULAR_PAST: &[&str] = &[
    "began",
    "begun",
    "became",
    "took",
    "taken",
    "made",
    "sold",
    "bought",
    "set up",
    "spun off",
    "split",
    "won",
    "led",
    "grew",
    "withdrew",
    "withdrawn",
    "undertook",
    "struck",
    "built",
    "paid",
    "left",
    "rose",
    "fell",
    "went",
    "came",
];

/// Where a clause ends: punctuation and the conjunctions that open a new clause after a
/// comma. Lowercase, matched as written.
pub const CLAUSE_BREAKS: &[&str] = &[
    ";",
    " — ",
    " – ",
    ", while ",
    ", whereas ",
    ", but ",
    " but ",
    ", and ",
    ", which ",
    ", who ",
    ", after ",
    ", before ",
    ", when ",
    ", as ",
    " after ",
    " while ",
    " whereas ",
];

/// The clause of `sentence` that holds the byte offset `at`.
pub fn clause(sentence: &str, at: usize) -> Range<usize> {
    let lower = sentence.to_lowercase();
    // Lowercasing keeps ASCII offsets; a text whose lowercase differs in length is taken whole.
    if lower.len() != sentence.len() {
        return 0..sentence.len();
    }
    let at = at.min(sentence.len());
    let mut start = 0;
    let mut end = sentence.len();
    for b in CLAUSE_BREAKS {
        for (i, _) in lower.match_indices(b) {
            if i + b.len() <= at {
                start = start.max(i + b.len());
            } else if i >= at {
                end = end.min(i);
            }
        }
    }
    start..end.max(start)
}

/// Whether `phrase` occurs in `text` as whole words.
fn has_words(text: &str, phrase: &str) -> bool {
    text.match_indices(phrase).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + phrase.len()..].chars().next();
        let edge = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
        (edge(before) || phrase.starts_with('\'')) && edge(after)
    })
}

/// The words of `text`, lowercase, stripped of punctuation.
fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| c.is_whitespace())
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
}

/// The status of what the cue at `cue` (a byte range of `sentence`) reports, read in its
/// clause: planned, under way or completed, or `None` when the clause does not say.
pub fn status(sentence: &str, cue: Range<usize>) -> Option<StatusWord> {
    let bounds = clause(sentence, cue.start);
    let lower = sentence.to_lowercase();
    if lower.len() != sentence.len() {
        return None;
    }
    let before = &lower[bounds.start..cue.start.max(bounds.start).min(bounds.end)];
    let cue_words = &lower[cue.start.min(lower.len())..cue.end.min(lower.len())];
    if PLANNED_CUES.iter().any(|c| has_words(before, c)) {
        return Some(PLANNED);
    }
    if UNDER_WAY_CUES.iter().any(|c| has_words(before, c)) {
        return Some(UNDER_WAY);
    }
    // "is moving", "are transferring": an auxiliary of the present and a verb in -ing.
    let all: Vec<String> = words(before).chain(words(cue_words)).collect();
    if all
        .windows(2)
        .any(|w| PROGRESSIVE.contains(&w[0].as_str()) && w[1].ends_with("ing"))
        || all.windows(3).any(|w| {
            PROGRESSIVE.contains(&w[0].as_str()) && w[2].ends_with("ing") && w[1].ends_with("ly")
        })
    {
        return Some(UNDER_WAY);
    }
    if COMPLETED_CUES.iter().any(|c| has_words(before, c)) {
        return Some(COMPLETED);
    }
    // A verb of the cue, or the one just before it, in the simple past.
    let verb = words(cue_words)
        .next()
        .or_else(|| words(before).last())
        .unwrap_or_default();
    if verb.ends_with("ed") || IRREGULAR_PAST.iter().any(|p| has_words(cue_words, p)) {
        return Some(COMPLETED);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The cue is the first occurrence of `cue` in `sentence`.
    fn of(sentence: &str, cue: &str) -> Option<StatusWord> {
        let at = sentence.find(cue).expect("cue in sentence");
        status(sentence, at..at + cue.len())
    }

    #[test]
    fn statuses_from_tense_and_modality() {
        let cases: &[(&str, &str, Option<StatusWord>)] = &[
            (
                "The unit will be folded into its parent.",
                "folded into",
                Some(PLANNED),
            ),
            (
                "Solvika plans to launch a second plant next year.",
                "launch",
                Some(PLANNED),
            ),
            (
                "The group is set to merge the two divisions.",
                "merge",
                Some(PLANNED),
            ),
            (
                "The company is to be merged into Veltmark.",
                "merged into",
                Some(PLANNED),
            ),
            (
                "It expects to sign the contract in May.",
                "sign",
                Some(PLANNED),
            ),
            (
                "The firm is moving 300 employees from Hamburg to Bremen.",
                "moving",
                Some(UNDER_WAY),
            ),
            (
                "The group is undergoing a restructuring.",
                "restructuring",
                Some(UNDER_WAY),
            ),
            (
                "Kaaiwerk is currently integrating the terminal.",
                "integrating",
                Some(UNDER_WAY),
            ),
            (
                "The unit was integrated into the group in 2021.",
                "integrated into",
                Some(COMPLETED),
            ),
            (
                "The company has shifted to a platform model.",
                "shifted to",
                Some(COMPLETED),
            ),
            (
                "Arvento signed a contract in March 2022.",
                "signed",
                Some(COMPLETED),
            ),
            (
                "The startup began serving clients in 2020.",
                "began serving",
                Some(COMPLETED),
            ),
            (
                "It has run the terminal since 2019.",
                "run",
                Some(COMPLETED),
            ),
            (
                "The company launched a new app.",
                "launched",
                Some(COMPLETED),
            ),
            // The clause of the cue decides, not the sentence: the "will" is in another clause.
            (
                "The unit was founded in 2009, and it will report to the board.",
                "founded in",
                Some(COMPLETED),
            ),
            (
                "The plant opened in 2019, while the new line will launch next year.",
                "launch",
                Some(PLANNED),
            ),
            (
                "A restructuring of the logistics arm.",
                "restructuring",
                None,
            ),
        ];
        for (sentence, cue, expected) in cases {
            assert_eq!(of(sentence, cue), *expected, "{sentence:?} at {cue:?}");
        }
    }

    #[test]
    fn clauses_end_at_their_breaks() {
        let s = "The plant opened in 2019, while the new line will launch next year.";
        let at = s.find("launch").unwrap();
        assert_eq!(&s[clause(s, at)], "the new line will launch next year.");
        let at = s.find("opened").unwrap();
        assert_eq!(&s[clause(s, at)], "The plant opened in 2019");
        let s = "Nothing breaks this one.";
        assert_eq!(clause(s, 3), 0..s.len());
    }
}
