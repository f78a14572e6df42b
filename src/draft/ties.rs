//! Ties between the draft's people and organizations, read by the reader of sentence
//! structure that `check --source` holds records against ([`crate::text::structure`]), so
//! that what the draft proposes the check accepts.
//!
//! A tie the words state in the past or present ("A is a member of B", "B was founded in
//! 2009 by A", "A has been a B client since 2022") becomes a `[[relation]]`, with `since`
//! when its sentence says "since" a date. A tie its sentence puts in the future ("A will
//! report to B") is left as a stub: it begins with an event the person drafting must name.

use super::found::Found;
use super::segment::Doc;
use super::write::string;
use super::{DateMention, EntityKind, Post, Stub};
use crate::ground::structure::class;
use crate::text::article::ArticleText;
use crate::text::structure::{Class, Entity, How, Mention, Pattern, Reader, Reading, Stage, Token};
use crate::text::words::HEADING_VERBS;
use std::collections::BTreeSet;
use std::ops::Range;
use std::path::PathBuf;

/// A proposed relation.
#[derive(Debug, Clone)]
pub struct Relation {
    /// Record id.
    pub id: String,
    /// The entity the tie starts from.
    pub subject: String,
    /// The relation kind, as the facts file writes it.
    pub kind: &'static str,
    /// The entity it points at.
    pub object: String,
    /// The date the sentence says the tie holds since, if any.
    pub since: Option<String>,
    /// The words that state it ("is a member of", "founded … by").
    pub found: String,
    /// Byte range of the sentence.
    pub at: Range<usize>,
    /// The quote stating it.
    pub evidence: String,
}

/// The relation kind a tie of the reader states, with its subject and object (as indexes of
/// `classes`), if the facts model has one: moves are events, not ties.
fn kind(
    pattern: Pattern,
    from: usize,
    to: usize,
    classes: &[Class],
) -> Option<(&'static str, usize, usize)> {
    let person = |e: usize| classes[e] == Class::Person;
    let org = |e: usize| !person(e) && classes[e] != Class::Place && classes[e] != Class::Group;
    Some(match pattern {
        Pattern::ReportsTo if person(from) && person(to) => ("reports-to", from, to),
        Pattern::MemberOf if org(to) => ("member-of", from, to),
        Pattern::FoundedBy if org(from) && person(to) => ("founded-by", from, to),
        Pattern::EnvisionedBy if org(from) && person(to) => ("envisioned-by", from, to),
        Pattern::ClientOf if org(from) && org(to) => ("client-of", from, to),
        Pattern::Serves if org(from) && org(to) => ("client-of", to, from),
        Pattern::PartOf if org(from) && org(to) => match classes[from] {
            Class::Unit | Class::BusinessLine => ("unit-of", from, to),
            _ => ("sub-organization-of", from, to),
        },
        _ => return None,
    })
}

/// What a pattern's words are, for the comment above a record.
fn words(pattern: Pattern) -> &'static str {
    match pattern {
        Pattern::ReportsTo => "reports to",
        Pattern::MemberOf => "member of",
        Pattern::FoundedBy => "founded by",
        Pattern::EnvisionedBy => "envisioned by",
        Pattern::ClientOf => "client of",
        Pattern::Serves => "serving or supplying",
        Pattern::PartOf => "B's A, A of B",
        Pattern::Into => "into",
        Pattern::From => "from",
    }
}

/// The reader of structure over the text, knowing the entities found so far by their index
/// in `found`: the reader the check will read the draft's quotes with.
pub(super) fn reader(doc: &Doc, found: &Found) -> Reader {
    let entities: Vec<Entity> = found
        .entities
        .iter()
        .map(|e| Entity {
            key: e.id.clone(),
            class: match e.kind {
                EntityKind::Person { .. } => Class::Person,
                EntityKind::Organization(kind) => class(kind),
            },
            names: std::iter::once(e.name.clone())
                .chain(e.alt_names.iter().cloned())
                .collect(),
            description: String::new(),
        })
        .collect();
    Reader::new(doc.text, entities)
}

/// The relations the body's sentences state between the draft's entities, and the stubs of
/// those they put in the future.
pub fn find(doc: &Doc, found: &Found, dates: &[DateMention]) -> Read {
    let reader = reader(doc, found);
    let classes: Vec<Class> = reader.entities().iter().map(|e| e.class).collect();
    let char_starts: Vec<usize> = doc.text.char_indices().map(|(b, _)| b).collect();
    let chars = |byte: usize| char_starts.partition_point(|&b| b < byte);
    let (mut relations, mut stubs, mut posts) = (Vec::new(), Vec::new(), Vec::new());
    let mut seen: BTreeSet<(String, &str, String)> = BTreeSet::new();
    let mut held: BTreeSet<(String, String, String)> = BTreeSet::new();
    for s in &doc.sentences {
        let evidence = doc.evidence(s.clone());
        // Read the quote itself, as the check will, not the whole sentence it may be cut from.
        let sentence = ArticleText::new(PathBuf::new(), doc.text[s.clone()].to_owned());
        let Some(at) = sentence.find(&evidence) else {
            continue;
        };
        let start = chars(s.start);
        let reading = reader.read(start + at.start..start + at.end);
        let planned = reading.cues_of(Stage::Planned).next().is_some();
        let since = since(dates, s);
        for (holder, role, organization) in posts_in(&reader, start + at.start..start + at.end) {
            let (holder, organization) = (
                reader.entities()[holder].key.clone(),
                reader.entities()[organization].key.clone(),
            );
            if !held.insert((holder.clone(), role.clone(), organization.clone())) {
                continue;
            }
            posts.push(Post {
                id: format!("{holder}-{}", super::ids::slug(&role, "")),
                head: super::roles::heads(&role),
                found: format!("{role} of {organization}, held by {holder}"),
                role,
                organization,
                holder,
                at: s.clone(),
                evidence: evidence.clone(),
                also: Vec::new(),
            });
        }
        for tie in &reading.ties {
            let Some((kind, from, to)) = kind(tie.pattern, tie.from, tie.to, &classes) else {
                continue;
            };
            if !named(&reading, from, to) {
                continue;
            }
            let (subject, object) = (&reader.entities()[from].key, &reader.entities()[to].key);
            if !seen.insert((subject.clone(), kind, object.clone())) {
                continue;
            }
            let relation = Relation {
                id: format!("{subject}-{kind}-{object}"),
                subject: subject.clone(),
                kind,
                object: object.clone(),
                since: since.clone(),
                found: words(tie.pattern).to_owned(),
                at: s.clone(),
                evidence: evidence.clone(),
            };
            if planned {
                let names = (
                    &reader.entities()[from].names[0],
                    &reader.entities()[to].names[0],
                );
                stubs.push(stub(&relation, names));
            } else {
                relations.push(relation);
            }
        }
    }
    Read {
        relations,
        planned: stubs,
        posts,
    }
}

/// What the reader of structure reads in a draft's sentences.
#[derive(Debug)]
pub struct Read {
    /// Ties stated as holding.
    pub relations: Vec<Relation>,
    /// Ties put in the future, as stubs.
    pub planned: Vec<Stub>,
    /// Posts: a person, a role and an organization next to each other.
    pub posts: Vec<Post>,
}

/// Role words, longest first where one begins another: "Halbrand's chief financial officer",
/// "CEO of Cainiao", "the supervisory board chair, Gerda Lindqvist".
const ROLES: &[&str] = &[
    "chief executive officer",
    "chief financial officer",
    "chief operating officer",
    "chief technology officer",
    "chief risk officer",
    "chief product officer",
    "chief executive",
    "supervisory board chair",
    "executive chair",
    "board chair",
    "managing director",
    "operations director",
    "finance director",
    "general manager",
    "vice president",
    "chairman",
    "chairwoman",
    "chair",
    "president",
    "treasurer",
    "secretary",
    "director",
    "head",
    "ceo",
    "cfo",
    "coo",
    "cto",
];

/// Heads of a title that take an area after "of" ("head of research", "vice-president of crop
/// inputs", "director of manufacturing").
const AREA_HEADS: &[&str] = &["head", "director", "president", "manager", "officer"];

/// The role that starts at token `i` (before `end`), the token after it, and whether it is
/// one of [`ROLES`]: one of
/// [`ROLES`], or a title built as titles are, up to two words before a head noun of
/// [`super::roles::TITLE_NOUNS`] (none of them a mention, a possessive, or a word that is no part of a
/// title), then the area after "of" for a head of [`AREA_HEADS`] when no name follows "of".
fn role_phrase(
    t: &[Token],
    i: usize,
    end: usize,
    covered: &dyn Fn(usize) -> bool,
) -> Option<(String, usize, bool)> {
    let listed = ROLES.iter().find(|r| {
        r.split(' ')
            .enumerate()
            .all(|(k, w)| i + k < end && t[i + k].word == w)
    });
    let word = |k: usize| {
        k < end
            && !covered(k)
            && !t[k].possessive
            && t[k].word.chars().all(|c| c.is_alphabetic())
            && !super::roles::NOT_IN_TITLE.contains(&t[k].word.as_str())
    };
    let head = match listed {
        Some(r) => i + r.split(' ').count() - 1,
        None => (0..=2).rev().map(|m| i + m).find(|&h| {
            (i..=h).all(word)
                && super::roles::TITLE_NOUNS
                    .iter()
                    .any(|(n, _)| *n == t[h].word)
        })?,
    };
    let mut after = head + 1;
    if AREA_HEADS.contains(&t[head].word.as_str())
        && t.get(after).is_some_and(|x| x.word == "of")
        && !covered(after + 1)
    {
        let area = (after + 1..end.min(after + 4))
            .take_while(|&k| word(k) && !matches!(t[k].word.as_str(), "at" | "since" | "until"))
            .count();
        if area > 0 {
            after += 1 + area;
        }
    }
    let words: Vec<&str> = t[i..after].iter().map(|x| x.word.as_str()).collect();
    Some((words.join(" "), after, listed.is_some()))
}

/// Whether tokens `span`, between "of" or "at" and an organization's name, describe it and
/// nothing else: "the", a capitalised word or a place ("the Cork stockbroker"), and up to
/// two lowercase words, the last a noun of a kind of organization.
fn described(t: &[Token], span: Range<usize>, covered: &dyn Fn(usize) -> bool) -> bool {
    let mut words = &t[span.clone()];
    if words.first().is_some_and(|x| x.word == "the") {
        words = &words[1..];
    }
    if words.is_empty() {
        return true;
    }
    let capitals = words
        .iter()
        .take_while(|x| x.capital && !x.possessive)
        .count();
    let rest = &words[capitals..];
    (capitals <= 2 && rest.len() <= 2)
        && span.clone().all(|k| !covered(k) || t[k].capital)
        && rest.iter().all(|x| !x.capital && !x.possessive)
        && rest
            .last()
            .is_some_and(|x| super::places::kind_noun(&x.word))
}

/// Words that may stand between a person's name, its comma and the role: "X, its CFO",
/// "X, until then CEO of Y", "X, currently Y's chief product officer".
const BEFORE_ROLE: &[&str] = &[
    ",",
    "its",
    "the",
    "a",
    "an",
    "former",
    "currently",
    "now",
    "then",
    "until",
];

/// Verbs that give a person a post named right after them: "has appointed X managing
/// director", "has been named editor-in-chief", "becomes chief executive".
const APPOINTING: &[&str] = &["appointed", "named", "becomes", "become", "elected"];

/// The posts the words of token range `span` state: a role phrase with an organization just
/// before it ("Y's CFO", "its CFO", "Y CEO") or after "of" ("CEO of Y"), and a person named
/// just before it ("X, its CFO") or just after it ("Y CEO X", "the chair, X"). Each as
/// (holder, role, organization), entity indexes of the reader.
fn posts_in(reader: &Reader, span: Range<usize>) -> Vec<(usize, String, usize)> {
    let t = reader.tokens();
    let range = reader.tokens_of(span);
    let mentions: Vec<&Mention> = reader
        .mentions_within(range.clone())
        .filter(|m| !m.inside)
        .collect();
    let class = |m: &Mention| reader.entities()[m.entity].class;
    // An organization named by its name: an anaphor's reach is too uncertain for a record
    // a person has not read.
    let org = |m: &&Mention| {
        !matches!(class(m), Class::Person | Class::Place | Class::Group)
            && !matches!(m.how, How::Anaphor(_))
    };
    let person = |m: &&Mention| class(m) == Class::Person;
    // An organization that owns what follows: "its", "the company's".
    let owner = |m: &&Mention| {
        !matches!(class(m), Class::Person | Class::Place | Class::Group)
            && (t[m.tokens.1 - 1].possessive
                || matches!(t[m.tokens.1 - 1].word.as_str(), "its" | "their"))
    };
    let covered = |k: usize| mentions.iter().any(|m| m.tokens.0 <= k && k < m.tokens.1);
    let mut out = Vec::new();
    // "X, headed by Y", "X is headed by the engineer Y", "X, led by chief technology officer
    // Y", "X will be run by Y": Y heads X.
    for k in range.start..range.end.saturating_sub(1) {
        if !matches!(t[k].word.as_str(), "headed" | "led" | "run" | "managed")
            || t[k + 1].word != "by"
        {
            continue;
        }
        // The unit is the clause's subject ("X, a unit of Y, is led by Z"), not an object
        // before the words ("a division of Y, led by Z").
        let unit = mentions
            .iter()
            .copied()
            .filter(org)
            .rfind(|m| m.tokens.1 <= k && t[m.tokens.0].sentence == t[k].sentence)
            .filter(|m| subject_of(t, m.tokens.0, m.tokens.1..k));
        let head = mentions
            .iter()
            .copied()
            .filter(person)
            .find(|m| m.tokens.0 > k + 1 && m.tokens.0 <= k + 6);
        if let (Some(unit), Some(head)) = (unit, head) {
            out.push((head.entity, "head".to_owned(), unit.entity));
        }
    }
    // "X heads Y", "X, who has run Y since 2020", "X, who runs Z's pet division, will lead
    // Y", "X takes charge of Y": X heads Y, a unit (an organization's own head is named by
    // its title, which this would not give).
    for k in range.start..range.end {
        let verb = t[k].word.as_str();
        let charge = matches!(verb, "take" | "takes" | "took" | "taking")
            && t.get(k + 1).is_some_and(|x| x.word == "charge")
            && t.get(k + 2).is_some_and(|x| x.word == "of");
        // Active only: "led by Y" is read above.
        if !(HEADING_VERBS.contains(&verb) || charge)
            || t.get(k + 1).is_some_and(|x| x.word == "by")
        {
            continue;
        }
        let after = if charge { k + 3 } else { k + 1 };
        // The whole name, and the unit's own: not "Valdrada" of "Valdrada Casa", nor "the
        // repair division" of "the repair division of a yard".
        let unit = mentions.iter().copied().find(|m| {
            matches!(class(m), Class::Unit | Class::Organization)
                && !matches!(m.how, How::Anaphor(_))
                && m.tokens.0 >= after
                && t[after..m.tokens.0].iter().all(|x| x.word == "the")
                && t.get(m.tokens.1)
                    .is_none_or(|x| !x.capital && x.word != "of" || x.sentence != t[k].sentence)
        });
        let head = mentions
            .iter()
            .copied()
            .filter(|m| person(m) && !matches!(m.how, How::Anaphor(_)))
            .rfind(|m| m.tokens.1 <= k && t[m.tokens.0].sentence == t[k].sentence)
            .filter(|m| subject_of(t, m.tokens.0, m.tokens.1..k));
        if let (Some(unit), Some(head)) = (unit, head) {
            out.push((head.entity, "head".to_owned(), unit.entity));
        }
    }
    let mut i = range.start;
    while i < range.end {
        let Some((phrase, end, listed)) = (!covered(i))
            .then(|| role_phrase(t, i, range.end, &covered))
            .flatten()
        else {
            i += 1;
            continue;
        };
        let phrase = phrase.as_str();
        // The organization: named just before the role, by its name or by a possessive
        // anaphor ("its CFO", "the company's finance director", "the yard's managing
        // director"), which the check resolves as the reader does; or named after "of".
        // A title that is not one of [`ROLES`] ("its manager") is too loose a reading for a
        // bare pronoun's reach: it needs a name or a description ("the yard's").
        let pronoun = |m: &Mention| matches!(t[m.tokens.1 - 1].word.as_str(), "its" | "their");
        let before = mentions
            .iter()
            .copied()
            .filter(|m| {
                org(m) || (owner(m) && matches!(m.how, How::Anaphor(_)) && (listed || !pronoun(m)))
            })
            .find(|m| m.tokens.1 == i);
        let of = (t
            .get(end)
            .is_some_and(|x| matches!(x.word.as_str(), "of" | "at")))
        .then(|| {
            // Not "of Y's band": a post of something of Y's.
            mentions.iter().copied().filter(org).find(|m| {
                m.tokens.0 > end
                    && described(t, end + 1..m.tokens.0, &covered)
                    && !t[m.tokens.1 - 1].possessive
            })
        })
        .flatten();
        let Some(organization) = before.or(of) else {
            i = end;
            continue;
        };
        // The holder: named just after the role (a comma between), or just before the
        // organization's words or the role, with a comma between.
        let after = mentions
            .iter()
            .copied()
            .filter(person)
            .find(|m| m.tokens.0 >= end && t[end..m.tokens.0].iter().all(|x| x.word == ","));
        let opening = before.map_or(i, |m| m.tokens.0);
        let ahead = mentions.iter().copied().filter(person).find(|m| {
            m.tokens.1 < opening
                && t[m.tokens.1].word == ","
                && t[m.tokens.1..opening]
                    .iter()
                    .all(|x| BEFORE_ROLE.contains(&x.word.as_str()))
        });
        // Or named by the verb that gives the post: "has appointed X managing director of
        // Y" (the person just before the role), "X, …, has been named managing director of
        // Y", "X becomes Y's chief executive" (the person who opens the quote).
        let appointed = mentions.iter().copied().filter(person).find(|m| {
            m.tokens.1 == opening
                && m.tokens.0 > range.start
                && APPOINTING.contains(&t[m.tokens.0 - 1].word.as_str())
        });
        let subject = (opening > range.start && APPOINTING.contains(&t[opening - 1].word.as_str()))
            .then(|| {
                mentions
                    .first()
                    .copied()
                    .filter(|m| person(m) && m.tokens.0 == range.start)
            })
            .flatten();
        let holder = if before.is_some() && of.is_none() {
            after.or(ahead)
        } else {
            ahead.or(after)
        }
        .or(appointed)
        .or(subject);
        if let Some(holder) = holder {
            let role = match phrase {
                "ceo" | "cfo" | "coo" | "cto" => phrase.to_uppercase(),
                words => super::roles::role_name(words),
            };
            out.push((holder.entity, role, organization.entity));
        }
        i = end;
    }
    out
}

/// Words between a subject and its verb: an auxiliary or adverb ("who has", "will now"), or
/// an apposition closed by a comma before them ("X, who runs the pet division, will lead").
const BEFORE_VERB: &[&str] = &[
    ",",
    "who",
    "which",
    "has",
    "have",
    "had",
    "will",
    "would",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "to",
    "now",
    "currently",
    "also",
    "already",
    "still",
    "continues",
];

/// Whether the tokens `between` a person's name (opening at token `name`) and a verb leave
/// the person its subject: auxiliaries only, after an apposition closed by a comma if one
/// opens with a comma. A name with an apposition must open its sentence, clause or noun
/// phrase, so that it is not itself inside another's apposition ("X, who replaced Y, will
/// lead") or the object of an "of" ("a division of Y, led by Z", where Z leads the division).
fn subject_of(t: &[Token], name: usize, between: Range<usize>) -> bool {
    let words = &t[between];
    let tail = match words.first() {
        Some(first) if first.word == "," => {
            let opens = name == 0
                || t[name - 1].sentence != t[name].sentence
                || t[name - 1].possessive
                || matches!(
                    t[name - 1].word.as_str(),
                    "," | "and"
                        | "but"
                        | "while"
                        | "the"
                        | "its"
                        | "their"
                        | "a"
                        | "an"
                        | "to"
                        | "into"
                        | "at"
                        | "for"
                        | "with"
                        | "from"
                        | "in"
                        | "on"
                );
            if !opens {
                return false;
            }
            let last = words.iter().rposition(|x| x.word == ",").expect("a comma");
            &words[last..]
        }
        _ => words,
    };
    tail.iter().all(|x| BEFORE_VERB.contains(&x.word.as_str()))
}

/// Whether the reading names both ends of a tie.
fn named(reading: &Reading, from: usize, to: usize) -> bool {
    reading.names(from) && reading.names(to)
}

/// The one date of the sentence placed by "since", if there is exactly one.
fn since(dates: &[DateMention], sentence: &Range<usize>) -> Option<String> {
    let mut since = dates.iter().filter(|d| {
        d.at.start >= sentence.start
            && d.at.end <= sentence.end
            && d.qualifier.as_deref() == Some("since")
    });
    match (since.next(), since.next()) {
        (Some(d), None) => d.date.map(|d| d.to_string()),
        _ => None,
    }
}

/// A relation its sentence puts in the future, as a stub for a person to date: its `since`
/// is the event that starts it.
fn stub(r: &Relation, (subject, object): (&String, &String)) -> Stub {
    Stub {
        what: format!("relation ({})", r.kind),
        cue: format!("{subject} {} {object}", r.kind),
        lines: vec![
            "[[relation]]".to_owned(),
            format!("id = {}", string(&r.id)),
            format!("subject = {}", string(&r.subject)),
            format!("kind = {}", string(r.kind)),
            format!("object = {}", string(&r.object)),
            "since = \"EVENT-ID\"".to_owned(),
            format!("evidence = {}", string(&r.evidence)),
        ],
        at: r.at.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn posts(text: &str) -> Vec<(String, String, String)> {
        let entity = |key: &str, class, name: &str| Entity {
            key: key.to_owned(),
            class,
            names: vec![name.to_owned()],
            description: String::new(),
        };
        let reader = Reader::new(
            text,
            vec![
                entity("osterby", Class::Company, "Osterby Rail"),
                entity("mira", Class::Person, "Mira Koenig"),
                entity("teodor", Class::Person, "Teodor Lind"),
                entity("nordwire", Class::Company, "Nordwire"),
            ],
        );
        let key = |e: usize| reader.entities()[e].key.clone();
        posts_in(&reader, 0..text.chars().count())
            .into_iter()
            .map(|(h, r, o)| (key(h), r, key(o)))
            .collect()
    }

    #[test]
    fn words_that_are_no_title_make_no_post() {
        for text in [
            "Mira Koenig, formerly commercial director at Osterby Rail, left.",
            "Mira Koenig, an analyst who covers the company that owns Osterby Rail, said so.",
            "Mira Koenig, the sound engineer of Osterby Rail's band, left.",
        ] {
            assert_eq!(posts(text), [], "{text}");
        }
    }

    #[test]
    fn a_role_between_a_person_and_an_organization_is_a_post() {
        let cases = [
            (
                "Mira Koenig, Osterby Rail's chief financial officer, spoke.",
                "mira",
                "CFO",
            ),
            (
                "Mira Koenig, managing director of Osterby Rail, spoke.",
                "mira",
                "managing director",
            ),
            ("Osterby Rail CEO Mira Koenig spoke.", "mira", "CEO"),
            (
                "Osterby Rail's chair, Teodor Lind, spoke.",
                "teodor",
                "chair",
            ),
            (
                "Osterby Rail, headed by the engineer Mira Koenig, grew.",
                "mira",
                "head",
            ),
            (
                "Osterby Rail will be led by chief operating officer Mira Koenig.",
                "mira",
                "head",
            ),
            (
                "Lindby Holding has appointed Mira Koenig managing director of Osterby Rail.",
                "mira",
                "managing director",
            ),
            (
                "Mira Koenig, who ran its freight arm, becomes Osterby Rail's chief executive.",
                "mira",
                "chief executive",
            ),
            (
                "Mira Koenig, head of freight since 2019, has been named CFO of Osterby Rail.",
                "mira",
                "CFO",
            ),
            // Titles built as titles are, and "at" an organization described before its name.
            (
                "Mira Koenig, an analyst at the Malmo stockbroker Osterby Rail, said so.",
                "mira",
                "analyst",
            ),
            (
                "Mira Koenig, clinical director at Osterby Rail, agreed.",
                "mira",
                "clinical director",
            ),
            (
                "Mira Koenig, Osterby Rail's vice-president of crop inputs, left.",
                "mira",
                "vice president of crop inputs",
            ),
            (
                "Mira Koenig, the group financial controller of Osterby Rail, left.",
                "mira",
                "group financial controller",
            ),
        ];
        for (text, holder, role) in cases {
            let post = (holder.to_owned(), role.to_owned(), "osterby".to_owned());
            assert_eq!(posts(text), [post], "{text}");
        }
        // An organization named by a possessive anaphor, as the check resolves it; not the
        // wire service in brackets of a dateline.
        for text in [
            "Osterby Rail grew. Mira Koenig, its CFO, spoke.",
            "OSLO, May 2 (Nordwire) - Osterby Rail grew. Its CFO, Mira Koenig, spoke.",
            "Osterby Rail grew. Mira Koenig, the company's CFO, spoke.",
        ] {
            let post = ("mira".to_owned(), "CFO".to_owned(), "osterby".to_owned());
            assert_eq!(posts(text), [post], "{text}");
        }
    }
}
