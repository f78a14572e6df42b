//! Candidate events and relations, as commented-out stubs with their sentence: the words
//! that raise them ("integrated into", "will report to", "contracts with") are strong hints,
//! but whether they state a fact, and which, is for a person to decide.

use super::found::Found;
use super::segment::Doc;
use super::write::string;
use super::{DateMention, Stub};
use crate::text;
use crate::text::values::Date;
use regex::Regex;
use std::collections::BTreeSet;
use std::sync::LazyLock;

/// Event kinds and the words that suggest them, one row a cue.
const EVENT_CUES: &[(&str, &str)] = &[
    (
        "transfer",
        r"\bmov(?:e|es|ed|ing)\b[^.]*?\bfrom\b[^.]*?\bto\b|\bintegrated into\b|\b(?:integrat|fold|merg)(?:e|es|ed|ing)?\b[^.]{0,60}?\binto\b|\bwill join\b|\bhanded over to\b|\btransferr(?:ing|ed|s)?\b[^.]*?\bto\b|\bto move to\b",
    ),
    (
        "reporting-change",
        r"\bwill (?:now )?report\b|\bnow reports\b|\bwas named\b|\bappointed\b",
    ),
    (
        "restructuring",
        r"\brestructur\w*|\breorgani[sz]\w*|\bsplit into\b|\bmerg(?:e|ing)\s+(?:two|three|four|the|its|their)\b",
    ),
    (
        "founding",
        r"\b(?:[Cc]o-)?[Ff]ounded (?:in|by)\b|\bwas (?:co-)?founded\b|\b[Ee]stablished\b|\bformed\b|\b(?:was )?[Ss]et up in (?:19|20)\d{2}\b|\bstarted the (?:business|company|firm) in\b",
    ),
    (
        "launch",
        r"\blaunch(?:ed|es|ing)?\b|\bopen(?:s|ed|ing)? (?:a|an|its)\b",
    ),
    (
        "investment",
        r"\binvest(?:ed|s|ing)?\b|\bbuy out\b|\boffered\b[^.]*\bshare\b|\bacquir(?:e|es|ed|ing)\b|\b(?:acquisition|purchase) of\b|\bspend\s+[^.]{0,20}?\b(?:million|billion)\b|\bat a cost of\b",
    ),
    (
        "filing",
        r"\bfiled\b|\bwithdr[ae]wn?\b|\blisting application\b",
    ),
    ("contract", r"\bcontracts? with\b|\bsigned\b"),
    (
        "service-start",
        r"\bbegan serving\b|\bstarted serving\b|\bbegan providing\b",
    ),
    ("policy-change", r"\bshift(?:ed|s)? to\b"),
];

/// Relation kinds and their cues, over sentences with masked names: `«P3»` a person, `«O3»`
/// an organization. `s` names the subject, `o` the object; a missing one is the nearest
/// organization before the cue.
const RELATION_CUES: &[(&str, &str)] = &[
    (
        "reports-to",
        r"«P(?<s>\d+)»[^«]*?\breport(?:s|ing)?\s+(?:lines\s+)?(?:directly\s+)?to\s+(?:both\s+)?(?:[^«.]{0,40}?)«P(?<o>\d+)»",
    ),
    (
        "client-of",
        r"\bclients?\s+(?:like|such as|including)\s+«O(?<s>\d+)»",
    ),
    ("client-of", r"\bcontracts?\s+with\s+«O(?<s>\d+)»"),
    (
        "sub-organization-of",
        r"\bsubsidiar(?:y|ies)\s+(?:like\s+|such as\s+)?«O(?<s>\d+)»",
    ),
    (
        "founded-by",
        r"«O(?<s>\d+)»(?:['’]s?)?\s+(?:co-)?founder,?\s+«P(?<o>\d+)»",
    ),
    (
        "partner-of",
        r"\bpartnerships?\s+with\s+[^«.]{0,40}?(?:like|such as)\s+«O(?<o>\d+)»",
    ),
];

/// A table of cues, compiled once.
type Cues = LazyLock<Vec<(&'static str, Regex)>>;

fn compiled(table: &'static [(&'static str, &'static str)]) -> Vec<(&'static str, Regex)> {
    table
        .iter()
        .map(|(kind, cue)| (*kind, super::segment::regex(cue)))
        .collect()
}

static EVENTS: Cues = LazyLock::new(|| compiled(EVENT_CUES));
static RELATIONS: Cues = LazyLock::new(|| compiled(RELATION_CUES));

/// Builds this stage's patterns now rather than at their first use.
pub(super) fn build_patterns() {
    LazyLock::force(&EVENTS);
    LazyLock::force(&RELATIONS);
}

/// The stubs of the body's sentences.
/// `published` resolves relative dates ("next year") of the events.
pub fn find(doc: &Doc, found: &Found, dates: &[DateMention], published: Option<Date>) -> Vec<Stub> {
    let mut out = Vec::new();
    let mut seen: BTreeSet<(String, String)> = BTreeSet::new();
    let mut n = 0;
    for s in &doc.sentences {
        let text = &doc.text[s.clone()];
        let evidence = doc.evidence(s.clone());
        let agents: Vec<String> = {
            let mut ids: Vec<String> = Vec::new();
            for m in found.mentions_in(s.clone()) {
                let e = found.entity(m);
                if !ids.contains(&e.id) {
                    ids.push(e.id.clone());
                }
            }
            ids
        };
        let in_sentence: Vec<&DateMention> = dates
            .iter()
            .filter(|d| d.at.start >= s.start && d.at.end <= s.end)
            .collect();
        for (kind, re) in EVENTS.iter() {
            let Some(m) = re.find(text) else { continue };
            let status = text::cues::status(text, m.range());
            let (date, note) = event_date(text, s.start, m.range(), &in_sentence, published);
            // One stub of a kind per sentence; one restructuring per article.
            let key = if *kind == "restructuring" {
                String::new()
            } else {
                evidence.clone()
            };
            if !seen.insert((kind.to_string(), key)) {
                continue;
            }
            n += 1;
            let mut lines = vec![
                "[[event]]".to_owned(),
                format!("id = \"{kind}-{n}\""),
                format!(
                    "name = {}",
                    string(&format!("{kind} ({})", super::segment::clean(m.as_str())))
                ),
                format!("kind = \"{kind}\""),
            ];
            match date {
                Some((when, d)) => {
                    let when = if d.qualifier.as_deref() == Some("by") {
                        format!("by {when}")
                    } else {
                        when.to_string()
                    };
                    lines.push(format!("date = \"{when}\"   # \"{}\"", d.expression));
                }
                None => lines.push("date = \"unknown\"".to_owned()),
            }
            if let Some(note) = note {
                lines.push(format!("date_note = {}", string(&note.expression)));
            }
            if let Some(status) = status {
                lines.push(format!("status = \"{status}\""));
            }
            if !agents.is_empty() {
                let list: Vec<String> = agents.iter().map(|a| string(a)).collect();
                lines.push(format!("agents = [{}]", list.join(", ")));
            }
            lines.push(format!("evidence = {}", string(&evidence)));
            out.push(Stub {
                what: format!("event ({kind})"),
                cue: super::segment::clean(m.as_str()),
                lines,
                at: s.clone(),
            });
        }
        let masked = found.masked(doc, s.clone());
        for (kind, re) in RELATIONS.iter() {
            for c in re.captures_iter(&masked) {
                let mention = |name: &str| {
                    c.name(name)
                        .map(|m| &found.mentions[m.as_str().parse::<usize>().expect("digits")])
                };
                let cue_start = c.get(0).expect("match").start();
                let before_org = || {
                    let before = &masked[..cue_start];
                    let at = before.rfind("«O")?;
                    let digits: String = before[at + 3..]
                        .chars()
                        .take_while(char::is_ascii_digit)
                        .collect();
                    Some(&found.mentions[digits.parse::<usize>().ok()?])
                };
                let (subject, object) = match (mention("s"), mention("o")) {
                    (Some(s), Some(o)) => (s, o),
                    (Some(s), None) => match before_org() {
                        Some(o) => (s, o),
                        None => continue,
                    },
                    (None, Some(o)) => match before_org() {
                        Some(s) => (s, o),
                        None => continue,
                    },
                    (None, None) => continue,
                };
                let (subject, object) = (found.entity(subject), found.entity(object));
                if subject.id == object.id {
                    continue;
                }
                n += 1;
                out.push(Stub {
                    what: format!("relation ({kind})"),
                    cue: format!("{} {} {}", subject.name, kind, object.name),
                    lines: vec![
                        "[[relation]]".to_owned(),
                        format!("id = \"{}-{}-{}\"", subject.id, kind, object.id),
                        format!("subject = \"{}\"", subject.id),
                        format!("kind = \"{kind}\""),
                        format!("object = \"{}\"", object.id),
                        format!("evidence = {}", string(&evidence)),
                    ],
                    at: s.clone(),
                });
            }
        }
    }
    out
}

/// The date of the event raised by the cue at `cue` (a range of the sentence `text`, which
/// starts at `offset` in the article): the date expression of the cue's own clause nearest
/// to the cue (after it first), a relative one resolved against `published`; a date of another clause only
/// when it is the sentence's only one. With it, a relative expression of the clause left
/// unresolved, as a note.
fn event_date<'d>(
    text: &str,
    offset: usize,
    cue: std::ops::Range<usize>,
    in_sentence: &[&'d DateMention],
    published: Option<Date>,
) -> (Option<(Date, &'d DateMention)>, Option<&'d DateMention>) {
    let clause = text::cues::clause(text, cue.start);
    let local = |d: &DateMention| d.at.start - offset..d.at.end - offset;
    let distance = |d: &DateMention| {
        let at = local(d);
        if at.start >= cue.end {
            at.start - cue.end
        } else {
            // A date after its verb is the usual order: one before comes second.
            cue.start.saturating_sub(at.end) + text.len()
        }
    };
    let value = |d: &DateMention| {
        d.date
            .or_else(|| published.and_then(|p| super::dates::resolve(&d.expression, p)))
    };
    let in_clause = |d: &&&DateMention| {
        let at = local(d);
        at.start >= clause.start && at.end <= clause.end
    };
    let dated: Vec<&&DateMention> = in_sentence.iter().filter(|d| value(d).is_some()).collect();
    let chosen = dated
        .iter()
        .copied()
        .filter(in_clause)
        .min_by_key(|d| distance(d))
        .or(if dated.len() == 1 {
            Some(dated[0])
        } else {
            None
        });
    let date = chosen.map(|d| (value(d).expect("dated"), *d));
    let note = in_sentence
        .iter()
        .filter(in_clause)
        .find(|d| value(d).is_none())
        .copied();
    (date, note)
}

#[cfg(test)]
mod tests {
    use crate::draft::{KnownNames, draft};

    /// The events drafted from `text`, as "kind status date".
    fn events(text: &str) -> Vec<String> {
        let d = draft("t.txt", text, &KnownNames::empty()).expect("a draft");
        let field = |lines: &[String], key: &str| {
            lines
                .iter()
                .find_map(|l| l.strip_prefix(&format!("{key} = \"")))
                .and_then(|v| v.split('"').next())
                .unwrap_or("-")
                .to_owned()
        };
        d.stubs
            .iter()
            .filter(|s| s.what.starts_with("event"))
            .map(|s| {
                format!(
                    "{} {} {}",
                    field(&s.lines, "kind"),
                    field(&s.lines, "status"),
                    field(&s.lines, "date")
                )
            })
            .collect()
    }

    #[test]
    fn events_with_status_and_the_date_of_their_clause() {
        let cases: &[(&str, &[&str])] = &[
            (
                "Solvika Group will fold its unit into Veltmark Holdings by 2027.",
                &["transfer planned by 2027"],
            ),
            (
                "Solvika Group is moving 120 employees from Bergen to Oslo.",
                &["transfer under-way unknown"],
            ),
            // The contract's date is the one of its clause, not the sentence's other date.
            (
                "Solvika Group signed a contract with Veltmark Holdings in March 2022, and it will launch a plant in 2023.",
                &["launch planned 2023", "contract completed 2022-03"],
            ),
            (
                "Arvento Motors, founded in 2009, was integrated into Veltmark Holdings in 2021.",
                &["transfer completed 2021", "founding completed 2009"],
            ),
            // "Founded" opening a sentence, and a company "set up" in a year.
            (
                "Founded in 1953 by Anton Halbrand and Ernst Vollrath, Halbrand Group employs 900 people.",
                &["founding completed 1953"],
            ),
            (
                "Gannet Connect Ltd was set up in 2009 to fly turboprops.",
                &["founding completed 2009"],
            ),
            // British spelling, and a merger of a group's own parts.
            (
                "Valdrada Tessuti SpA is reorganising into three divisions.",
                &["restructuring under-way unknown"],
            ),
            (
                "Lisdara Media Group will merge the newsrooms of its paper and its radio station in 2027.",
                &["restructuring planned 2027"],
            ),
            // An acquisition, and what a plan will cost.
            (
                "Blackwater Linen Ltd completed its purchase of Shannon Wash Ltd in March 2025.",
                &["investment completed 2025-03"],
            ),
            (
                "Langvlei Cellar Ltd will spend ZAR 48 million on a bottling line in 2027.",
                &["investment planned 2027"],
            ),
        ];
        for (text, expected) in cases {
            assert_eq!(events(text), *expected, "{text:?}");
        }
    }

    /// The relation stubs drafted from `text`, as "subject kind object".
    fn relations(text: &str) -> Vec<String> {
        let d = draft("t.txt", text, &KnownNames::empty()).expect("a draft");
        let name = |id: &str| d.entity(id).map_or(id.to_owned(), |e| e.name.clone());
        let records = d
            .relations
            .iter()
            .map(|r| format!("{} {} {}", name(&r.subject), r.kind, name(&r.object)));
        let stubs = d
            .stubs
            .iter()
            .filter(|s| s.what.starts_with("relation"))
            .map(|s| format!("stub: {}", s.cue));
        records.chain(stubs).collect()
    }

    #[test]
    fn relations_with_their_direction() {
        let cases: &[(&str, &[&str])] = &[
            (
                "Marta Selin, the chief operating officer of Veltmark Holdings, reports directly to Jonas Arvid, its chief executive.",
                &["Marta Selin reports-to Jonas Arvid"],
            ),
            (
                "Kaaiwerk Logistics counts clients such as Arvento Motors and Solvika Group.",
                &[
                    "Arvento Motors client-of Kaaiwerk Logistics",
                    "Solvika Group client-of Kaaiwerk Logistics",
                ],
            ),
            (
                "Veltmark Holdings signed contracts with Arvento Motors last year.",
                // Which side is the client the words leave open: a stub, for a person.
                &["stub: Arvento Motors client-of Veltmark Holdings"],
            ),
            (
                "Veltmark Holdings owns subsidiaries such as Kaaiwerk Logistics.",
                &["stub: Kaaiwerk Logistics sub-organization-of Veltmark Holdings"],
            ),
            (
                "Veltmark Holdings' co-founder, Jonas Arvid, left in 2020.",
                &["stub: Veltmark Holdings founded-by Jonas Arvid"],
            ),
            (
                "Kaaiwerk Logistics has partnerships with carmakers such as Arvento Motors.",
                &["stub: Kaaiwerk Logistics partner-of Arvento Motors"],
            ),
        ];
        for (text, expected) in cases {
            assert_eq!(relations(text), *expected, "{text:?}");
        }
    }
}
