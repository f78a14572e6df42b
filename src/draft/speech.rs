//! Quoted speech and who said it.
//!
//! A quotation is text between double quotes (straight or typographic) of at least four
//! words. Its speaker is named right after it (“…,” a Cainiao employee told 36Kr) or right
//! before it (CEO Lin Wan stated internally, “…”): a person found by name, or an unnamed
//! source. Quotations without a speaker are left as stubs.

use super::found::Found;
use super::segment::patterns;
use super::segment::{Doc, clean};
use super::{Quote, Stub};
use std::ops::Range;

patterns! {
    QUOTED = r#"[“"]([^“”"]+)[”"]"#;
}

const VERB: &str = r"(?:told|said|says|stated|explained|added|wrote|noted|remarked|commented)";

patterns! {
    AFTER = format!(
        r"^\s*(?<speaker>[^“”\x22.;!?]{{1,80}}?)\s+(?<verb>{VERB}(?:\s+(?:internally|(?:the\s+)?[\dA-Z](?:[\w.]*\w)?(?:\s+[A-Z]\w*)*|reporters|the press|the media))?)\b"
    );

    BEFORE = format!(
        r"(?<speaker>[^“”\x22.;!?,]{{1,80}}?)\s+(?<verb>{VERB}(?:\s+(?:internally|publicly|in a statement|[\dA-Z][\w.]*))?)\s*[,:]?\s*$"
    );
}

/// The quotations of the body, with speakers where the text names them.
pub fn find(doc: &Doc, body: &[Range<usize>], found: &mut Found) -> Vec<Quote> {
    let mut quotes: Vec<Quote> = Vec::new();
    let mut seen = std::collections::BTreeSet::new();
    for block in body {
        let text = &doc.text[block.clone()];
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
                .map(|c| {
                    let s = c.name("speaker").expect("group");
                    let v = c.name("verb").expect("group");
                    (
                        after_at + s.start()..after_at + s.end(),
                        after_at + s.start()..after_at + v.end(),
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
            let speaker = attribution
                .as_ref()
                .and_then(|(speaker, _, _)| speaker_in(found, speaker.clone()));
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
