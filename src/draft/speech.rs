//! Quoted speech and who said it.
//!
//! A quotation is text between double quotes (straight or typographic) of at least four
//! words. Its speaker is named right after it (“…,” a Cainiao employee told 36Kr) or right
//! before it (CEO Lin Wan stated internally, “…”): a person found by name, or an unnamed
//! source; a pronoun or a surname the text resolves; or a role one person's post gives ("the
//! chief executive said"). Quotations without a speaker are left as stubs.

use super::found::Found;
use super::segment::patterns;
use super::segment::{Doc, clean};
use super::{Post, Quote, Quoted, Stub};
use crate::text::structure::{Class, Reader};
use std::ops::Range;

patterns! {
    QUOTED = r#"[“"]([^“”"]+)[”"]"#;
}

const VERB: &str = r"(?:told|said|says|stated|explained|added|wrote|noted|remarked|commented)";

patterns! {
    AFTER = format!(
        r"^\s*(?<speaker>[^“”\x22.;!?]{{1,80}}?)\s+(?<verb>{VERB}(?:\s+(?:internally|(?:the\s+)?[\dA-Z](?:[\w.]*\w)?(?:\s+[A-Z]\w*)*|reporters|the press|the media))?)\b"
    );

    /// A courtesy title before a surname: "Ms Brockhurst".
    HONORIFIC = r"^(?:Mr|Ms|Mrs|Dr|Prof)\.?\s+";

    /// The verb first: “…,” said Valérie Auberson, chief executive of Altavolo; “…,” said
    /// Kavaklı Holding chairman Mustafa Kavaklı (an organization and a role before the name).
    AFTER_INVERTED = format!(
        r"^\s*(?<verb>{VERB})\s+(?:(?:[A-Z][\w’'-]*\s+){{1,3}}(?:[a-z][\w-]*\s+){{1,3}})?(?<speaker>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){{0,3}})"
    );

    BEFORE = format!(
        r"(?<speaker>[^“”\x22.;!?,]{{1,80}}?)\s+(?<verb>{VERB}(?:\s+(?:internally|publicly|in a statement|[\dA-Z][\w.]*))?)\s*[,:]?\s*$"
    );
}

/// Builds this stage's patterns now rather than at their first use.
pub(super) fn build_patterns() {
    for pattern in [&QUOTED, &AFTER, &HONORIFIC, &AFTER_INVERTED, &BEFORE] {
        std::sync::LazyLock::force(pattern);
    }
}

/// The quotations of the body, with speakers where the text names them.
pub fn find(doc: &Doc, body: &[Range<usize>], posts: &[Post], found: &mut Found) -> Vec<Quote> {
    let mut quotes: Vec<Quote> = Vec::new();
    let mut seen = std::collections::BTreeSet::new();
    // The reader of structure, built at the first "she said".
    let mut reader: Option<Reader> = None;
    for block in body {
        let text = &doc.text[block.clone()];
        let mut last: Option<(usize, Range<usize>, String, Vec<Quoted>)> = None;
        for caps in QUOTED.captures_iter(text) {
            let whole = caps.get(0).expect("match");
            let inner = caps.get(1).expect("group");
            if inner.as_str().split_whitespace().count() < 4 {
                continue;
            }
            let quote_at = block.start + inner.start()..block.start + inner.end();
            let after_at = block.start + whole.end();
            let before_start = text[..whole.start()]
                .rfind(['.', '!', '?', '”', '\n'])
                .map_or(0, |i| {
                    i + text[i..].chars().next().map_or(1, char::len_utf8)
                });
            let before = &text[before_start..whole.start()];
            let after = &doc.text[after_at..block.end];
            let attribution = AFTER
                .captures(after)
                .or_else(|| AFTER_INVERTED.captures(after))
                .map(|c| {
                    let s = c.name("speaker").expect("group");
                    let v = c.name("verb").expect("group");
                    // The clause from the first of speaker and verb to the last.
                    (
                        after_at + s.start()..after_at + s.end(),
                        after_at + s.start().min(v.start())..after_at + s.end().max(v.end()),
                        c["verb"].to_owned(),
                    )
                })
                .or_else(|| {
                    BEFORE.captures(before).map(|c| {
                        let base = block.start + before_start;
                        let s = c.name("speaker").expect("group");
                        let v = c.name("verb").expect("group");
                        (
                            base + s.start()..base + s.end(),
                            base + s.start()..base + v.end(),
                            c["verb"].to_owned(),
                        )
                    })
                });
            let words = inner
                .as_str()
                .trim()
                .trim_end_matches(',')
                .trim_end()
                .to_owned();
            // "the chief executive said": the words that give that person the role, quoted too.
            let mut also: Vec<Quoted> = Vec::new();
            let mut speaker = attribution.as_ref().and_then(|(speaker, clause, _)| {
                speaker_in(found, speaker.clone()).or_else(|| {
                    if let Some((person, post)) = holder_of_role(
                        found,
                        posts,
                        doc.text[speaker.clone()].trim(),
                        quote_at.start,
                    ) {
                        also.push((post.evidence.clone(), post.at.clone()));
                        return Some(person);
                    }
                    // "she said", "he told analysts": the person the reader of structure takes
                    // the pronoun for, as the check will; else the person named last before
                    // (a proposal the check will turn into a comment).
                    // "Aasen said": the person named in full before whose name ends so, or has
                    // that word after the first ("Ochoa" for Valeria Ochoa Treviño).
                    // "Ms Brockhurst said": the one person of that surname, if only one.
                    let written = doc.text[speaker.clone()].trim();
                    let who = written.to_lowercase();
                    if PRONOUNS.contains(&who.as_str()) {
                        let reader = reader.get_or_insert_with(|| super::ties::reader(doc, found));
                        return person_read(doc, reader, clause.clone())
                            .or_else(|| last_person_before(found, quote_at.start));
                    }
                    let (written, titled) = match HONORIFIC.find(written) {
                        Some(m) => (&written[m.end()..], true),
                        None => (written, false),
                    };
                    let surname = !written.contains(' ')
                        && written.chars().next().is_some_and(char::is_uppercase);
                    let named: Vec<usize> = found
                        .entities
                        .iter()
                        .enumerate()
                        .filter(|(_, e)| {
                            surname
                                && e.kind.is_person()
                                && e.first.start < quote_at.start
                                && has_surname(&e.name, written)
                        })
                        .map(|(i, _)| i)
                        .collect();
                    match named.as_slice() {
                        [one] => Some(*one),
                        [first, ..] if !titled => Some(*first),
                        _ => None,
                    }
                })
            });
            // "Aasen" is another name of Liv Aasen, so the record's quote names its speaker.
            if let (Some(person), Some((words_at, _, _))) = (speaker, &attribution) {
                let written = doc.text[words_at.clone()].trim();
                let written = HONORIFIC
                    .find(written)
                    .map_or(written, |m| &written[m.end()..]);
                let e = &mut found.entities[person];
                if !written.contains(' ')
                    && has_surname(&e.name, written)
                    && !e.alt_names.iter().any(|a| a == written)
                {
                    e.alt_names.push(written.to_owned());
                }
            }
            // A quotation that goes on in the next sentences of its paragraph, unattributed:
            // the speaker and attribution of its first part.
            let attribution = match (&attribution, speaker, &last) {
                (None, None, Some((person, clause, verb, before))) => {
                    speaker = Some(*person);
                    also = before.clone();
                    Some((clause.clone(), clause.clone(), verb.clone()))
                }
                _ => attribution,
            };
            last = match (&attribution, speaker) {
                (Some((_, clause, verb)), Some(person)) => {
                    Some((person, clause.clone(), verb.clone(), also.clone()))
                }
                _ => None,
            };
            match (attribution, speaker) {
                (Some((_, clause, verb)), Some(person)) => {
                    // Ids are made unique when the draft is complete.
                    let id = format!("{}-quote", found.entities[person].id);
                    if !seen.insert((clean(&words), found.entities[person].id.clone())) {
                        continue;
                    }
                    let evidence = clean(&doc.text[clause.clone()]);
                    let evidence =
                        if evidence.split_whitespace().count() > crate::facts::MAX_EVIDENCE_WORDS {
                            doc.evidence(clause)
                        } else {
                            evidence
                        };
                    quotes.push(Quote {
                        id,
                        speaker: found.entities[person].id.clone(),
                        text: clean(&words),
                        context: Some(clean(&verb)),
                        at: quote_at,
                        evidence,
                        also,
                    });
                }
                _ => {
                    let at = quote_at.clone();
                    found.stubs.push(Stub {
                        what: "quotation without a speaker".into(),
                        cue: "quoted words".into(),
                        lines: vec![format!(
                            "“{}” — no speaker named next to it",
                            shorten(&clean(&words), 12)
                        )],
                        at,
                    });
                }
            }
        }
    }
    quotes
}

/// Whether a person's name has `written` as a word after its first: "Aasen" of "Liv Aasen",
/// "Ochoa" of "Valeria Ochoa Treviño".
fn has_surname(name: &str, written: &str) -> bool {
    name.split_whitespace().skip(1).any(|w| w == written)
}

/// The one person the posts of the role patterns ([`super::roles::find`]) before `before` (a
/// byte offset) give the role an attribution names its speaker by ("the chief executive", "the
/// new CEO"), with the post; none when no post or two people's posts give it.
fn holder_of_role<'p>(
    found: &Found,
    posts: &'p [Post],
    written: &str,
    before: usize,
) -> Option<(usize, &'p Post)> {
    let role = written
        .strip_prefix("the ")
        .or_else(|| written.strip_prefix("The "))?;
    let role = role.strip_prefix("new ").unwrap_or(role);
    let chief = |r: &str| matches!(r, "CEO" | "chief executive");
    let role = super::roles::role_name(role);
    let same =
        |p: &&Post| p.at.start < before && (p.role == role || chief(&p.role) && chief(&role));
    let mut given = posts.iter().filter(same);
    let post = given.next()?;
    if given.any(|p| p.holder != post.holder) {
        return None;
    }
    let person = found.entities.iter().position(|e| e.id == post.holder)?;
    Some((person, post))
}

/// Pronouns an attribution may name its speaker by ("she said").
const PRONOUNS: &[&str] = &["he", "she"];

/// The first person the reader of structure finds in the words at `at` (bytes): a pronoun
/// it resolves, or a name.
fn person_read(doc: &Doc, reader: &Reader, at: Range<usize>) -> Option<usize> {
    let chars = |byte: usize| doc.text[..byte].chars().count();
    let reading = reader.read(chars(at.start)..chars(at.end));
    reading
        .mentions
        .iter()
        .map(|&(e, _)| e)
        .find(|&e| reader.entities()[e].class == Class::Person)
}

/// The person named last before `at`.
fn last_person_before(found: &Found, at: usize) -> Option<usize> {
    found
        .mentions
        .iter()
        .take_while(|m| m.at.end <= at)
        .filter(|m| found.entity(m).kind.is_person())
        .last()
        .map(|m| m.entity)
}

/// The person mentioned in the attribution: the last one named in it.
fn speaker_in(found: &Found, range: Range<usize>) -> Option<usize> {
    let mut best: Option<(usize, usize)> = None; // (entity, length)
    for m in found
        .mentions
        .iter()
        .filter(|m| m.at.start >= range.start && m.at.end <= range.end)
    {
        if found.entity(m).kind.is_person() {
            let len = m.at.len();
            if best.is_none_or(|(_, l)| len >= l) {
                best = Some((m.entity, len));
            }
        }
    }
    best.map(|(e, _)| e)
}

/// The first `n` words, and "…" when there are more.
pub fn shorten(text: &str, n: usize) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() <= n {
        words.join(" ")
    } else {
        format!("{} …", words[..n].join(" "))
    }
}

#[cfg(test)]
mod tests {
    use crate::draft::{KnownNames, draft};

    #[test]
    fn speakers_named_by_pronoun_and_across_a_quotation() {
        let cases: &[(&str, &[(&str, &str)])] = &[
            (
                "Liv Aasen, CEO of Norrfjord Foods, spoke on Monday. \"We are simplifying the whole group,\" she said.",
                &[("We are simplifying the whole group", "Liv Aasen")],
            ),
            (
                "Liv Aasen, CEO of Norrfjord Foods, spoke. \"We are simplifying the whole group,\" Aasen said in a statement. \"Two layers of management will go.\"",
                &[
                    ("We are simplifying the whole group", "Liv Aasen"),
                    ("Two layers of management will go.", "Liv Aasen"),
                ],
            ),
            // The pronoun as the reader of structure takes it: the sentence before's subject,
            // not the person named last.
            (
                "Marco Ferretti said the wool unit would keep the brokers Elena Sacchi chose. \"We are not changing the sheep at all,\" he said.",
                &[("We are not changing the sheep at all", "Marco Ferretti")],
            ),
            // Nobody named before: no speaker.
            ("\"We are simplifying the whole group,\" she said.", &[]),
            // The verb first.
            (
                "Norrfjord Foods sold a plant. \"We are simplifying the whole group,\" said Liv Aasen, chief executive of Norrfjord Foods.",
                &[("We are simplifying the whole group", "Liv Aasen")],
            ),
            // A courtesy title and the one person of that surname; with two, nobody.
            (
                "Norrfjord Foods named Liv Aasen as chief executive. \"We are simplifying the whole group,\" Ms Aasen said.",
                &[("We are simplifying the whole group", "Liv Aasen")],
            ),
            (
                "Norrfjord Foods named Liv Aasen as chief executive. Per Aasen, her father, will retire. \"We are simplifying the whole group,\" Ms Aasen said.",
                &[],
            ),
            // A surname that is not the name's last word.
            (
                "Norrfjord Foods named Liv Aasen Berg as chief executive. \"We are simplifying the whole group,\" Aasen said.",
                &[("We are simplifying the whole group", "Liv Aasen Berg")],
            ),
            // An organization and a role between the verb and the name.
            (
                "Norrfjord Foods sold a plant. \"We are simplifying the whole group,\" said Norrfjord Foods chairman Liv Aasen at a meeting.",
                &[("We are simplifying the whole group", "Liv Aasen")],
            ),
            // A role instead of a name: the one person whose post it is, before the quote.
            (
                "Norrfjord Foods named Liv Aasen as chief executive on Monday. \"We are simplifying the whole group,\" the chief executive said.",
                &[("We are simplifying the whole group", "Liv Aasen")],
            ),
            (
                "Norrfjord Foods named Liv Aasen as chief executive on Monday. \"We are simplifying the whole group,\" the new CEO said.",
                &[("We are simplifying the whole group", "Liv Aasen")],
            ),
            // Two people of that role, or none: nobody.
            (
                "Norrfjord Foods named Liv Aasen as chief executive. Ola Vik, chief executive of Borre Line, agreed. \"We are simplifying the whole group,\" the chief executive said.",
                &[],
            ),
            (
                "Norrfjord Foods named Liv Aasen as chief executive. \"We are simplifying the whole group,\" the chef said.",
                &[],
            ),
        ];
        for (text, expected) in cases {
            let d = draft("t.txt", text, &KnownNames::empty()).expect("a draft");
            let got: Vec<(String, String)> = d
                .quotes
                .iter()
                .map(|q| {
                    (
                        q.text.clone(),
                        d.entity(&q.speaker).expect("speaker").name.clone(),
                    )
                })
                .collect();
            let expected: Vec<(String, String)> = expected
                .iter()
                .map(|(t, s)| (t.to_string(), s.to_string()))
                .collect();
            assert_eq!(got, expected, "{text:?}");
        }
    }
}
