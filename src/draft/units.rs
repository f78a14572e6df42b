//! Organizations named in lowercase words: units and teams ("Cainiao's international
//! division", "the electronic waybill team", "JD.com's non-consignor platform"), business
//! lines listed after "business lines:", groups of clients ("non-Alibaba clients"), and boards
//! named with their organization ("Anáhuac's board", "the board of Y", "its board").
//! A phrase the corpus knows, ignoring case, keeps the corpus's id.

use super::EntityKind;
use super::found::Found;
use super::known::KnownNames;
use super::segment::patterns;
use super::segment::{Doc, clean};
use crate::facts::OrgKind;
use regex::Regex;
use std::ops::Range;

const UNIT_NOUN: &str = "division|unit|team|department|platform|business group|business|operation|region|laboratory|committee|desk";

patterns! {
    OWNED_UNIT = format!(
        r"^['’]s\s+(?<phrase>(?:[a-z][\w-]*\s+){{0,5}}?(?:{UNIT_NOUN}|teams|(?:minority\s+)?shareholders))\b"
    );

    THE_UNIT = format!(
        r"\b(?<det>[Tt]he|[Ii]ts)\s+(?<phrase>(?:[A-Za-z][\w-]*\s+){{1,6}}?(?:{UNIT_NOUN}))\b"
    );

    LINES = r"\bbusiness(?:es|\s+lines?|\s+segments?)\s*(?::|include|includes|are)\s+(?<list>[^.;]+)";

    MEDIA = r"\b(?:Chinese|American|European|Asian|Japanese|Korean|Indian|British|German|French|state|local|foreign)\s+(?:media|regulators|authorities)\b";

    NON = r"\bnon-[A-Z][\w.]*\s+(?:clients|customers|merchants|brands|users|sellers)\b";

    /// A family named by its surname: "the Ibarra family", "the Mareš family" (a group, as
    /// owners and sellers of shares are spoken of).
    FAMILY = r"\b[Tt]he\s+(?<name>(?<surname>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)\s+family)\b";

    ITS_PART = r"\b[Ii]ts\s+(?:[\w-]+\s+){0,3}?(?:subsidiary|unit|division|arm|carrier|affiliate),\s+«O(?<child>\d+)»";

    MASKED_ORG = r"«O(\d+)»";

    /// A board after its organization's name: "Anáhuac's board", "the Tornvik board",
    /// "Feistritztal's supervisory board".
    BOARD_AFTER = format!(r"^(?:['’]s?)?\s+(?<phrase>{BOARD})\b");

    /// A board before its organization's name: "the board of Ashroyd Holdings", "the
    /// executive board of Zorggroep".
    BOARD_BEFORE = format!(r"\b(?:[Tt]he\s+)(?<phrase>{BOARD})\s+of\s+$");

    /// A board of the organization the sentence is about: "its board".
    ITS_BOARD = format!(r"\b[Ii]ts\s+(?<phrase>{BOARD})\b");
}

/// A board's name, without its organization's: "board", "supervisory board", "board of
/// directors".
const BOARD: &str =
    r"(?:(?:supervisory|executive|management|advisory)\s+)?board(?:\s+of\s+directors)?";

/// Adds the boards the text names with their organization to `found`: units of it, named by
/// the organization's shortest name and "board" ("Anáhuac board"), with the board's own name
/// as an other name; "its board", of an organization named in an earlier sentence, by its own
/// name ("board"). A board whose organization is left unnamed ("the board") is not one.
fn boards(doc: &Doc, corpus: &KnownNames, found: &mut Found, s: Range<usize>) {
    /// A board found: its words, its own names ("board", "board of Ashroyd Holdings"), its
    /// organization's id and name as written, and where that name is when not in the board's
    /// sentence.
    struct Board {
        at: Range<usize>,
        names: Vec<String>,
        owner: String,
        surface: String,
        outside: Option<Range<usize>>,
    }
    // Most sentences name no board: each pattern below needs the word.
    if !doc.text[s.clone()].contains("board") {
        return;
    }
    let mut boards: Vec<Board> = Vec::new();
    for m in found.mentions_in(s.clone()) {
        let e = found.entity(m);
        if e.kind.is_person() {
            continue;
        }
        let (owner, surface) = (e.id.clone(), doc.text[m.at.clone()].to_owned());
        let the_before = doc.text[s.start..m.at.start].ends_with("the ");
        if let Some(c) = BOARD_AFTER.captures(&doc.text[m.at.end..s.end])
            && (c[0].starts_with(['\'', '’']) || the_before)
        {
            let phrase = c.name("phrase").expect("group");
            boards.push(Board {
                at: m.at.start..m.at.end + phrase.end(),
                names: vec![clean(phrase.as_str())],
                owner,
                surface,
                outside: None,
            });
        } else if let Some(c) = BOARD_BEFORE.captures(&doc.text[s.start..m.at.start]) {
            let phrase = c.name("phrase").expect("group");
            let at = s.start + phrase.start()..m.at.end;
            let names = vec![clean(phrase.as_str()), clean(&doc.text[at.clone()])];
            boards.push(Board {
                at,
                names,
                owner,
                surface,
                outside: None,
            });
        }
    }
    for c in ITS_BOARD.captures_iter(&doc.text[s.clone()]) {
        let whole = c.get(0).expect("match");
        let start = s.start + whole.start();
        // The organization named last before "its", not in an apposition closed before it
        // ("X, Tervik's product chief, will chair its board") nor the one a "whose" clause
        // holding "its" is about ("Y, whose partner X sits on its board"); when the sentence
        // names none before it, the one named last in the paragraph.
        let named_here = found
            .mentions_in(s.start..start)
            .any(|m| !found.entity(m).kind.is_person());
        let owner = found
            .mentions_in(s.start..start)
            .filter(|m| {
                let between = &doc.text[m.at.end..start];
                let apposed = doc.text[s.start..m.at.start].contains(',') && between.contains(',');
                !found.entity(m).kind.is_person()
                    && !apposed
                    && !between
                        .trim_start_matches(',')
                        .trim_start()
                        .starts_with("whose ")
            })
            .last()
            .map(|m| m.entity)
            .or_else(|| {
                (!named_here)
                    .then(|| found.named_before(doc, s.start))
                    .flatten()
            });
        let named = owner.and_then(|e| {
            found
                .mentions
                .iter()
                .rfind(|m| m.at.end <= start && m.entity == e)
        });
        if let Some(named) = named {
            let phrase = c.name("phrase").expect("group");
            boards.push(Board {
                at: start..s.start + whole.end(),
                names: vec![clean(phrase.as_str())],
                owner: found.entity(named).id.clone(),
                surface: doc.text[named.at.clone()].to_owned(),
                outside: (named.at.start < s.start).then(|| named.at.clone()),
            });
        }
    }
    for b in boards {
        let own = &b.names[0];
        // "its board" with the organization named in another sentence: the board's own name
        // ("board"), for one organization in a text.
        let name = match b.outside {
            Some(_)
                if found
                    .by_name(own)
                    .is_some_and(|e| found.entities[e].part_of.as_ref() != Some(&b.owner)) =>
            {
                continue;
            }
            Some(_) => own.clone(),
            None => format!(
                "{} {}",
                short_name(doc, found, &b.owner, &b.surface),
                own.split(" of ").next().unwrap_or(own)
            ),
        };
        add(
            doc,
            corpus,
            found,
            &name,
            Some(own),
            OrgKind::Unit,
            b.at,
            Some(b.owner),
            "its board",
        );
        let Some(e) = found.by_name(&name) else {
            continue;
        };
        let entity = &mut found.entities[e];
        for other in &b.names[1..] {
            if !entity.alt_names.contains(other) {
                entity.alt_names.push(other.clone());
            }
        }
        // The organization named in another sentence: that sentence is quoted too.
        if let Some(i) = b.outside.and_then(|at| doc.sentence_at(at.start)) {
            let at = doc.sentences[i].clone();
            if entity.also.iter().all(|(_, a)| *a != at) {
                entity.also.push((doc.evidence(at.clone()), at));
            }
        }
    }
}

/// "Kimugu Tea Holdings … would fold its packing subsidiary, Sotik Blends, into …": the
/// organization named in apposition to "its … subsidiary" (unit, division, arm, carrier) is
/// part of the organization named last before "its" in the same sentence, unless its parent
/// is already known.
pub fn apposed_parts(doc: &Doc, found: &mut Found) {
    for s in doc.sentences.clone() {
        let masked = found.masked(doc, s);
        for caps in ITS_PART.captures_iter(&masked) {
            let start = caps.get(0).expect("match").start();
            let Some(parent) = MASKED_ORG.captures_iter(&masked[..start]).last() else {
                continue;
            };
            let mention = |i: &str| found.mentions[i.parse::<usize>().expect("digits")].entity;
            let (parent, child) = (mention(&parent[1]), mention(&caps["child"]));
            let (p, c) = (&found.entities[parent], &found.entities[child]);
            if parent == child || p.kind.is_person() || c.kind.is_person() || c.part_of.is_some() {
                continue;
            }
            let id = p.id.clone();
            found.entities[child].part_of = Some(id);
        }
    }
}

/// Words that make a "the … team" phrase a description rather than a name.
const VAGUE: &[&str] = &[
    "other",
    "same",
    "new",
    "whole",
    "entire",
    "two",
    "three",
    "key",
    "dedicated",
    "old",
];

/// Words of a ranking, not of a unit's name ("Alibaba's second fastest-growing unit").
const RANKING: &[&str] = &[
    "first",
    "second",
    "third",
    "fastest-growing",
    "largest",
    "biggest",
    "other",
    "own",
    "main",
];

/// Small words that make a phrase a clause, not a name ("the unit formed from the team").
const FUNCTION: &[&str] = &[
    "the", "a", "an", "from", "of", "to", "with", "that", "which", "by", "in", "for", "it", "its",
    "was", "is", "will",
];

/// Adds the units, business lines and groups of the text to `found`.
pub fn find(doc: &Doc, corpus: &KnownNames, found: &mut Found) {
    let main = found.main_org(doc).map(|i| found.entities[i].id.clone());
    for s in doc.sentences.clone() {
        boards(doc, corpus, found, s.clone());
        let text = &doc.text[s.clone()];
        // Possessive: "Cainiao's international division".
        let owners: Vec<(Range<usize>, String, String)> = found
            .mentions_in(s.clone())
            .filter(|m| !found.entity(m).kind.is_person())
            .map(|m| {
                (
                    m.at.clone(),
                    found.entity(m).id.clone(),
                    doc.text[m.at.clone()].to_owned(),
                )
            })
            .collect();
        for (at, owner, surface) in owners {
            if let Some(c) = OWNED_UNIT.captures(&doc.text[at.end..s.end]) {
                let phrase = c.name("phrase").expect("group");
                let end = at.end + phrase.end();
                if phrase
                    .as_str()
                    .split_whitespace()
                    .any(|w| RANKING.contains(&w) || FUNCTION.contains(&w))
                    || compound(&doc.text[end..s.end])
                {
                    continue;
                }
                let range = at.start..at.end + phrase.end();
                let name = format!(
                    "{} {}",
                    short_name(doc, found, &owner, &surface),
                    clean(phrase.as_str())
                );
                if phrase.as_str().ends_with("shareholders") {
                    let words = clean(&doc.text[range.clone()]);
                    add(
                        doc,
                        corpus,
                        found,
                        &words,
                        None,
                        OrgKind::Group,
                        range,
                        None,
                        "its shareholders, spoken of as a group",
                    );
                    continue;
                }
                add(
                    doc,
                    corpus,
                    found,
                    &name,
                    Some(&clean(phrase.as_str())),
                    OrgKind::Unit,
                    range,
                    Some(owner),
                    "a unit it owns",
                );
            }
        }
        for c in THE_UNIT.captures_iter(text) {
            let phrase = c.name("phrase").expect("group");
            let first = phrase.as_str().split_whitespace().next().unwrap_or("");
            if VAGUE.contains(&first)
                || phrase
                    .as_str()
                    .split_whitespace()
                    .any(|w| FUNCTION.contains(&w))
            {
                continue;
            }
            let range = s.start + phrase.start()..s.start + phrase.end();
            if found.mentions_in(range.clone()).next().is_some()
                || compound(&doc.text[range.end..s.end])
                || phrase
                    .as_str()
                    .split_whitespace()
                    .skip(1)
                    .any(|w| w.starts_with(char::is_uppercase))
            {
                continue;
            }
            let bare = clean(phrase.as_str());
            // "its parcel team": the team of the organization the sentence is about.
            let owner = c["det"]
                .eq_ignore_ascii_case("its")
                .then(|| {
                    found
                        .mentions_in(s.start..range.start)
                        .find(|m| !found.entity(m).kind.is_person())
                        .map(|m| {
                            (
                                found.entity(m).id.clone(),
                                doc.text[m.at.clone()].to_owned(),
                            )
                        })
                })
                .flatten();
            match owner {
                Some((owner, surface)) => {
                    // The owner's name opens the unit's only where the quote holds it: a long
                    // sentence is quoted by its clauses around the unit's words, which may
                    // leave out a name written with commas ("Ferrocarril Mirador del Norte,
                    // S.A. de C.V., … will combine its intermodal division").
                    let short = short_name(doc, found, &owner, &surface);
                    let name = if doc.evidence(range.clone()).contains(short.as_str()) {
                        format!("{short} {bare}")
                    } else {
                        bare.clone()
                    };
                    add(
                        doc,
                        corpus,
                        found,
                        &name,
                        Some(&bare),
                        OrgKind::Unit,
                        range,
                        Some(owner),
                        "a unit of the organization the sentence is about",
                    );
                }
                None => add(
                    doc,
                    corpus,
                    found,
                    &bare,
                    None,
                    OrgKind::Unit,
                    range,
                    None,
                    "a team or unit",
                ),
            }
        }
        if let Some(c) = LINES.captures(text) {
            let list = c.name("list").expect("group");
            let base = s.start + list.start();
            let mut depth = 0;
            let mut start = 0;
            let mut items: Vec<Range<usize>> = Vec::new();
            let l = list.as_str();
            for (i, ch) in l.char_indices() {
                match ch {
                    '(' => {
                        if depth == 0 && start < i {
                            items.push(start..i);
                        }
                        depth += 1;
                    }
                    ')' => {
                        depth -= 1;
                        start = i + 1;
                    }
                    ',' if depth == 0 => {
                        if start < i {
                            items.push(start..i);
                        }
                        start = i + 1;
                    }
                    _ => {}
                }
            }
            if start < l.len() {
                items.push(start..l.len());
            }
            let mut seen: Vec<Range<usize>> = Vec::new();
            for item in items {
                let raw = &l[item.clone()];
                let trimmed = raw.trim_start().trim_start_matches("and ").trim();
                if trimmed.is_empty()
                    || !trimmed.starts_with(|c: char| c.is_lowercase())
                    || trimmed.split_whitespace().count() > 5
                {
                    continue;
                }
                let offset = item.start + raw.find(trimmed).unwrap_or(0);
                let range = base + offset..base + offset + trimmed.len();
                if seen
                    .iter()
                    .any(|r| r.start < range.end && range.start < r.end)
                {
                    continue;
                }
                seen.push(range.clone());
                add(
                    doc,
                    corpus,
                    found,
                    trimmed,
                    None,
                    OrgKind::BusinessLine,
                    range,
                    main.clone(),
                    "listed as a business line",
                );
            }
        }
        let groups: [(&Regex, &str); 3] = [
            (&MEDIA, "sources spoken of as a group"),
            (&NON, "clients spoken of as a group"),
            (&FAMILY, "a family spoken of as a group"),
        ];
        for (pattern, why) in groups {
            for c in pattern.captures_iter(text) {
                // "the Tornvik family" is named "Tornvik family", and its surname is no name
                // of unclear kind of its own.
                let m = c.name("name").unwrap_or_else(|| c.get(0).expect("match"));
                if let Some(surname) = c.name("surname") {
                    found.stubs.retain(|stub| {
                        !(stub.what == super::UNCLEAR_NAME && stub.cue == surname.as_str())
                    });
                }
                let range = s.start + m.start()..s.start + m.end();
                let name = clean(m.as_str());
                add(
                    doc,
                    corpus,
                    found,
                    &name,
                    None,
                    OrgKind::Group,
                    range,
                    None,
                    why,
                );
            }
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn add(
    doc: &Doc,
    corpus: &KnownNames,
    found: &mut Found,
    name: &str,
    alt: Option<&str>,
    kind: OrgKind,
    at: Range<usize>,
    part_of: Option<String>,
    why: &str,
) {
    if let Some(i) = found.by_name(name) {
        found.mention(at, i);
        return;
    }
    // A unit named with its owner ("Cainiao domestic … team") may be known without it.
    let bare = alt;
    let lookup = |n: &str| {
        corpus
            .by_name(n)
            .or_else(|| corpus.by_key(n))
            .or_else(|| corpus.by_words(n))
    };
    let known = lookup(name)
        .or_else(|| bare.and_then(lookup))
        .filter(|k| k.org_kind.is_some());
    let i = match known {
        Some(known) if found.entities.iter().all(|e| e.id != known.id) => {
            found.ids.take(&known.id);
            let why = format!(
                "found: \"{name}\" → {} (known in the corpus; {why})",
                known.id
            );
            let evidence = doc.evidence(at.clone());
            let person = EntityKind::Person { anonymous: false };
            found.entities.push(super::found::reused(
                known,
                Some(name),
                person,
                why,
                evidence,
                at.clone(),
            ));
            found.entities.len() - 1
        }
        Some(known) => found
            .entities
            .iter()
            .position(|e| e.id == known.id)
            .expect("present"),
        None => {
            let i = found.add(
                doc,
                name,
                EntityKind::Organization(kind),
                at.clone(),
                format!(
                    "found: \"{name}\" → {} ({why})",
                    super::write::org_kind(kind)
                ),
            );
            found.entities[i].part_of = part_of;
            if let Some(alt) = alt.filter(|a| *a != name) {
                found.entities[i].alt_names.push(alt.to_owned());
            }
            i
        }
    };
    found.mention(at, i);
}

/// Whether the noun goes on into a longer one: "business lines", "business groups".
fn compound(after: &str) -> bool {
    let next = after
        .trim_start()
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    after.starts_with(' ')
        && matches!(
            next,
            "line"
                | "lines"
                | "group"
                | "groups"
                | "units"
                | "leaders"
                | "model"
                | "models"
                | "strategy"
                | "strategies"
                | "operations"
                | "parks"
                | "park"
                | "partners"
        )
}

/// The shortest name the text uses for an organization: "Northwind" for "Northwind
/// Logistics Group".
fn short_name(doc: &Doc, found: &Found, id: &str, surface: &str) -> String {
    let entity = found.entities.iter().filter(|e| e.id == id);
    let known = found.known.iter().filter(|k| k.id == id);
    entity
        .flat_map(|e| std::iter::once(&e.name).chain(&e.alt_names))
        .chain(known.flat_map(|k| k.all_names()))
        .filter(|n| doc.text.contains(n.as_str()))
        .min_by_key(|n| n.len())
        .cloned()
        .unwrap_or_else(|| surface.to_owned())
}

#[cfg(test)]
mod tests {
    use crate::draft::{KnownNames, draft};

    /// Each organization of `text` with a parent, as "name: parent's id".
    fn parents(text: &str) -> Vec<String> {
        let d = draft("t.txt", text, &KnownNames::empty()).expect("a draft");
        d.entities
            .iter()
            .filter_map(|e| Some(format!("{}: {}", e.name, e.part_of.as_ref()?)))
            .collect()
    }

    #[test]
    fn a_family_named_by_its_surname_is_a_group() {
        let d = draft(
            "t.txt",
            "Tarnby Holdings news\n\nTarnby Holdings bought 80% of the yard from the Tornvik family. The Mareš family keeps the rest.",
            &KnownNames::empty(),
        )
        .expect("a draft");
        let groups: Vec<&str> = d
            .entities
            .iter()
            .filter(|e| e.why.contains("family spoken of"))
            .map(|e| e.name.as_str())
            .collect();
        assert_eq!(groups, ["Tornvik family", "Mareš family"]);
        assert!(
            d.stubs
                .iter()
                .all(|s| s.cue != "Tornvik" && s.cue != "Mareš")
        );
    }

    #[test]
    fn a_named_subsidiary_in_apposition_is_part_of_the_organization_before_its() {
        assert_eq!(
            parents(
                "Tarnby Holdings, the Bergen-based shipper, said it would fold its packing subsidiary, Vinter Blends, into the group."
            ),
            ["Vinter Blends: tarnby-holdings"]
        );
        // "Its" opening the sentence: the organization is in another sentence; nothing.
        assert_eq!(
            parents(
                "Tarnby Holdings made a loss. Its packing subsidiary, Vinter Blends, will close."
            ),
            Vec::<String>::new()
        );
    }

    #[test]
    fn a_board_is_a_unit_of_the_organization_named_with_it() {
        assert_eq!(
            parents(
                "Ada Lund will join Tarnby Holdings' board. Ivo Sand chairs the executive board of Harlow Metals. Harbour Care Ltd raised money from Marivaux Capital, whose partner, Eva Moss, sits on its board."
            ),
            [
                "Tarnby Holdings board: tarnby-holdings",
                "Harlow Metals executive board: harlow-metals",
                "Harbour Care Ltd board: harbour-care",
            ]
        );
        // "its board" of an organization named in an earlier sentence of its paragraph, when
        // its own sentence names none before it, is named "board"; a board of no named
        // organization is no unit.
        assert_eq!(
            parents(
                "Harlow Metals Ltd will list its shares. Chief executive Ivo Sand will chair its board. Eva Moss joins the board."
            ),
            ["board: harlow-metals"]
        );
        // The only organization of its sentence is in an apposition: whose board it is is
        // left open.
        assert_eq!(
            parents(
                "Harlow Metals Ltd will list its shares. Chief executive Ivo Sand, until now Tarnby Holdings' finance chief, will chair its board."
            ),
            Vec::<String>::new()
        );
    }

    #[test]
    fn a_region_laboratory_committee_or_desk_owned_by_name_is_a_unit() {
        assert_eq!(
            parents(
                "Tarnby Holdings is reorganising. Tarnby's southern region and Tarnby's quality laboratory will merge."
            ),
            [
                "Tarnby southern region: tarnby",
                "Tarnby quality laboratory: tarnby"
            ]
        );
    }
}
