//! Places and where organizations are: "the Brno ink maker Inkora", "Etykor, the Łódź label
//! printer", "Shannon Wash, a Limerick laundry", "the Basel-based distributor Medrondo",
//! "Brenner GmbH of Hamburg", "a grinder maker in Hamburg", "which is based in Hickory".
//!
//! Patterns over a sentence whose names are masked ([`Found::masked`]): a capitalised name
//! that is not a masked entity, in one of these places beside an organization, is a place, and
//! the organization `operates-in` it. The place proposes a `[[place]]` record; the tie a
//! `[[relation]]`, both quoting the words from the place to the organization's name.
//! A place the text names only otherwise ("employs 400 people in Leeds") is not proposed: who
//! "the company" is there is the reader's to tell, and it cannot yet.

use super::found::Found;
use super::ids::slug;
use super::segment::{Doc, clean};
use super::ties::Relation;
use regex::Regex;
use std::collections::BTreeSet;
use std::ops::Range;
use std::sync::LazyLock;

/// A proposed place.
#[derive(Debug, Clone)]
pub struct Place {
    /// Record id.
    pub id: String,
    /// The name, as the text writes it.
    pub name: String,
    /// The quote naming it.
    pub evidence: String,
    /// Byte range of the sentence it is first named in.
    pub at: Range<usize>,
}

/// A place's name: one to three capitalised words, as written before a description or after
/// "of" or "in". Letters are those of the Latin scripts ("Łódź", "İzmir", "Setúbal"): narrow
/// classes keep the automata small, and building them is most of a draft's time.
const PLACE: &str =
    r"(?<place>[A-ZÀ-ÞĀ-ž][A-Za-zÀ-ÖØ-öø-ž'’.]*(?:[ -][A-ZÀ-ÞĀ-ž][A-Za-zÀ-ÖØ-öø-ž'’.]*){0,2})";

/// Nouns of a kind of organization, after a place and a few lower-case words ("the Cork
/// engineering firm", "the Paris fund").
pub(super) const KIND: &str = r"(?:brokerage|maker|carmaker|company|firm|group|bank|lender|insurer|retailer|operator|supplier|airline|carrier|manufacturer|producer|exporter|distributor|chain|developer|investor|fund|agency|consultancy|publisher|printer|grower|exchange|caterer|laundry|accountants|stockbroker|broker|miner|trader|designer|house|office|utility|institute|builder|coachbuilder|co-operative|cooperative|startup|wholesaler|processor|dyer|finisher|weaver|cellar|yard|institution)";

/// Lower-case words between a place and its kind noun ("ink", "battery materials").
const WORDS: &str = r"(?:[a-z][a-z&-]*\s+){0,3}?";

/// What may follow an organization's masked name before its comma: a legal form the name
/// left out ("GmbH", "S.A.B. de C.V.", "Sp. z o.o.") or a bracket ("(CAT)").
const TAIL: &str =
    r"(?:\s+(?:[A-ZÀ-ÞĀ-ž][A-Za-zÀ-ÖØ-öø-ž.&]*|\([^)]*\)|[a-z]{1,2}|[a-z]+\.[a-z.]*)){0,4}?";

/// Each pattern, with the words it stands for in a record's comment.
static PATTERNS: LazyLock<Vec<(Regex, &'static str)>> = LazyLock::new(|| {
    let p = |s: &str| {
        super::segment::regex(
            &s.replace("PLACE", PLACE)
                .replace("KIND", KIND)
                .replace("WORDS", WORDS)
                .replace("TAIL", TAIL),
        )
    };
    vec![
        // the Monterrey brokerage Cumbre Valores; the Basel-based distributor Medrondo
        (
            p(r"(?:^|\s)(?:the\s+)?PLACE(?:-based)?\s+WORDS(?:KIND)\s+«O(?<o>\d+)»"),
            "the PLACE … ORG",
        ),
        // Etykor, the Łódź label printer; Shannon Wash, a Limerick laundry
        (
            p(r"«O(?<o>\d+)»TAIL,\s+(?:the|an?)\s+PLACE(?:-based)?\s+WORDS(?:KIND)\b"),
            "ORG, the PLACE …",
        ),
        // Kessler GmbH, a grinder maker in Hamburg; Brunnacher, a supplier from St. Gallen
        (
            p(
                r"«O(?<o>\d+)»TAIL,\s+(?:the|an?)\s+(?:[a-z][a-z&-]*\s+){0,4}?(?:KIND)\s+(?:in|from|based\s+in)\s+PLACE",
            ),
            "ORG, a … in PLACE",
        ),
        // Brookfield, which is based in Hickory; Tessier Seed Cleaning Ltd. of Moose Jaw
        (
            p(
                r"«O(?<o>\d+)»TAIL(?:,\s+(?:which\s+is\s+)?(?:based|headquartered)\s+in|\s+of)\s+PLACE",
            ),
            "ORG of PLACE, based in PLACE",
        ),
    ]
});

/// The pattern whose description follows the organization's name and its place.
const DESCRIBED_AFTER: usize = 1;

/// Capitalised words that are no place's name, besides those that are no name at all.
const NOT_PLACES: &[&str] = &[
    "Our", "Their", "His", "Her", "With", "After", "Before", "CEO", "Chief", "Group", "Holdings",
];

/// The places the sentences of `doc` name beside an organization of `found`, and the tie of
/// each such organization to its place.
pub fn find(doc: &Doc, found: &Found) -> (Vec<Place>, Vec<Relation>) {
    let taken: BTreeSet<String> = found.entities.iter().map(|e| e.id.clone()).collect();
    let mut places: Vec<Place> = Vec::new();
    let mut relations: Vec<Relation> = Vec::new();
    let mut tied: BTreeSet<(String, String)> = BTreeSet::new();
    for s in &doc.sentences {
        let masked = found.masked(doc, s.clone());
        let sentence = &doc.text[s.clone()];
        for (n, (pattern, words)) in PATTERNS.iter().enumerate() {
            for caps in pattern.captures_iter(&masked) {
                let name = caps["place"].trim_end_matches(['.', '\'', '’']);
                let first = name.split([' ', '-']).next().unwrap_or(name);
                if !super::names::capitalised(first)
                    || super::names::FUNCTION_WORDS.contains(&first)
                    || NOT_PLACES.contains(&first)
                    || name.len() < 3
                    || adjective(name)
                {
                    continue;
                }
                // "Hong Kong-registered": a description, not a place beside the name.
                let rest = &masked[caps.name("place").expect("a place").end()..];
                if rest.starts_with('-') && !rest.starts_with("-based") {
                    continue;
                }
                let Ok(o) = caps["o"].parse::<usize>() else {
                    continue;
                };
                let Some(mention) = found.mentions.get(o) else {
                    continue;
                };
                let org = found.entity(mention);
                if org.kind.is_person() {
                    continue;
                }
                // The raw words from the place to the organization's name, or back.
                let Some(place_at) = find_words(sentence, name).map(|r| shift(r, s.start)) else {
                    continue;
                };
                let from = place_at.start.min(mention.at.start);
                let mut to = place_at.end.max(mention.at.end);
                if n == DESCRIBED_AFTER {
                    // "Etykor, the Łódź label printer": on to the end of the description.
                    let rest = &doc.text[to..s.end];
                    to += rest
                        .find([',', ';', '.', '('])
                        .unwrap_or(rest.len())
                        .min(60);
                    to = super::segment::floor(doc.text, to.min(s.end));
                    to = doc.text[..to].trim_end().len();
                }
                // The words themselves: the sentence around them may hold words of scope
                // ("some", "mostly") that a place record would have to carry.
                let evidence = clean(&doc.text[from..to]);
                let org_name = clean(&doc.text[mention.at.clone()]);
                if !clean(&evidence).contains(name) || !clean(&evidence).contains(&org_name) {
                    continue;
                }
                let id = slug(name, "place");
                if taken.contains(&id) {
                    continue;
                }
                if !places.iter().any(|p| p.id == id) {
                    places.push(Place {
                        id: id.clone(),
                        name: name.to_owned(),
                        evidence: evidence.clone(),
                        at: s.clone(),
                    });
                }
                if tied.insert((org.id.clone(), id.clone())) {
                    relations.push(Relation {
                        id: format!("{}-in-{id}", org.id),
                        subject: org.id.clone(),
                        kind: "operates-in",
                        object: id,
                        since: None,
                        found: (*words).to_owned(),
                        at: s.clone(),
                        evidence,
                    });
                }
            }
        }
    }
    (places, relations)
}

/// Whether a capitalised word is an adjective of a people or a country ("German",
/// "Estonian", "Danish", "Chinese"), not a place's name.
fn adjective(name: &str) -> bool {
    ["ian", "ean", "ican", "ish", "ese", "German", "Moroccan"]
        .iter()
        .any(|end| name.ends_with(end))
}

/// Where `name` (whitespace collapsed) is written in `text`, line breaks and all.
fn find_words(text: &str, name: &str) -> Option<Range<usize>> {
    let pattern = name
        .split_whitespace()
        .map(regex::escape)
        .collect::<Vec<_>>()
        .join(r"\s+");
    let found = Regex::new(&pattern).ok()?.find(text)?;
    Some(found.range())
}

fn shift(range: Range<usize>, by: usize) -> Range<usize> {
    range.start + by..range.end + by
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(pattern: usize, masked: &str) -> Option<String> {
        PATTERNS[pattern]
            .0
            .captures(masked)
            .map(|c| format!("{} {}", &c["place"], &c["o"]))
    }

    #[test]
    fn a_place_beside_an_organization_is_where_it_is() {
        let a = "Vistula is held by the Warsaw investment firm «O3» and others.";
        assert_eq!(read(0, a).as_deref(), Some("Warsaw 3"));
        let b = "«O1», the Łódź label printer, said on Monday.";
        assert_eq!(read(1, b).as_deref(), Some("Łódź 1"));
        let c = "«O2», a grinder maker in Hamburg, supplies it.";
        assert_eq!(read(2, c).as_deref(), Some("Hamburg 2"));
        let d = "It bought «O4» of Moose Jaw last year.";
        assert_eq!(read(3, d).as_deref(), Some("Moose Jaw 4"));
    }

    #[test]
    fn words_that_are_no_description_are_no_place() {
        assert_eq!(read(0, "«O1» and the «O2» group «O3»"), None);
        assert_eq!(read(1, "«O1», the company said."), None);
        assert_eq!(read(3, "«O1» of «O2»"), None);
    }
}
