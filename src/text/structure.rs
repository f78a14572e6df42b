//! What a sentence says about who and what: the people, organizations and places it names
//! (by name, by a short form the text has tied to a name, or by an anaphor), which way the
//! ties between them run, whether it speaks of a change as planned, under way or done, and
//! the scope and bound words it qualifies things with.
//!
//! The reader knows nothing of facts files: it is given the entities to look for
//! ([`Entity`]), reads a whole text once ([`Reader::new`]) and answers, for any passage of
//! it, what that passage says ([`Reader::read`]). Checking records against that reading is
//! `ground`'s work; proposing records from it is `draft`'s. The word lists every rule uses are
//! tables in this file, each with its own test.
//!
//! **Anaphors.** "it", "its", "he", "the company", "the division", and any "the" with up to
//! two words before a noun of an organization ("the Milnsbridge weaver") stand for an earlier
//! mention of an entity of a compatible class, by the rule of their [`Reach`]: for pronouns the
//! nearest in the same sentence or the first of the one before, then the last named in their
//! paragraph (so a person's pronoun after a quotation reaches the speaker named before it);
//! for descriptions the first of the sentence before, then the nearest in their own, then in
//! their paragraph, then the one the text has named most. A name set off by commas is passed
//! over by a pronoun, and an anaphor outside quotation marks never stands for a name inside
//! them. Resolved anaphors count as mentions for later ones. **Short forms.** A word of a
//! person's name ("Ding" for "Ding Hongwei"), an organization's name without its organization
//! words ("Taotian" for "Taotian Group"), or its first word when no other entity's names hold
//! that word and the text never writes it in lowercase ("Nordhav" for "Nordhav Offshore"),
//! names that entity only after the text has used the full name.

use std::collections::HashMap;
use std::ops::Range;

/// What sort of thing an entity is, as far as anaphors care.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Class {
    /// A named person or an unnamed source.
    Person,
    /// A company: a legal entity.
    Company,
    /// A business group of a larger group.
    BusinessGroup,
    /// An organization of unstated legal form (a platform, a publisher).
    Organization,
    /// A division or team.
    Unit,
    /// A line of business.
    BusinessLine,
    /// A loose set of agents ("non-Alibaba clients").
    Group,
    /// A region or area.
    Place,
}

/// Something the reader looks for: a key the caller chooses (a record id), its class, and
/// the names that stand for it.
#[derive(Debug, Clone)]
pub struct Entity {
    /// The caller's key.
    pub key: String,
    /// What it is.
    pub class: Class,
    /// Its names and other names, as written.
    pub names: Vec<String>,
    /// What it is, in words a text may call it by after naming it ("a ship repair yard":
    /// "the yard"); empty when unknown.
    pub description: String,
}

/// How a passage names an entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum How {
    /// By one of its names.
    Name,
    /// By a short form of a name the text used earlier.
    Short,
    /// By an anaphor ("its", "the company") resolved to it.
    Anaphor(&'static str),
}

/// One place the text names an entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    /// Index of the entity in the reader's list.
    pub entity: usize,
    /// Its first token and the token after its last.
    pub tokens: (usize, usize),
    /// How it is named.
    pub how: How,
    /// Whether a longer name of another entity contains it ("Cainiao" in "Cainiao's
    /// international division").
    pub inside: bool,
}

/// The words that make a tie run one way.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Pattern {
    /// "A … report(s) to B", "A has reporting lines to B".
    ReportsTo,
    /// "B's A", "A of B", "B-owned A": A belongs to B.
    PartOf,
    /// "A … into B", "moving A … to B": A goes to B.
    Into,
    /// "from B": what moves leaves B (the tie runs from the mover to B).
    From,
    /// "A serving B", "A began serving B", "A has supplied … to B": A serves B.
    Serves,
    /// "A's clients like B", "A … clients, including … B", "B is A's largest client", "B
    /// has been an A client": B is a client of A.
    ClientOf,
    /// "a B employee", "A is a member of B", "A, a member of B": A is a member of B.
    MemberOf,
    /// "B founder A", "B was founded in 2009 by A and C", "A founded B with C": B was
    /// founded by A.
    FoundedBy,
    /// "B was envisioned by A".
    EnvisionedBy,
}

/// A tie the words state: `from` stands in `pattern` to `to` (entity indexes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Tie {
    /// Which words.
    pub pattern: Pattern,
    /// The entity the tie starts from.
    pub from: usize,
    /// The entity it points at.
    pub to: usize,
}

/// How far along a change the words put it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Stage {
    /// Future or intent: "will", "is to", "plans to".
    Planned,
    /// In progress: "is undergoing", "involves moving", "for over a year … have".
    UnderWay,
    /// Past: "has moved", "was integrated", "began", "since 2024".
    Completed,
}

/// A cue word or phrase of a [`Stage`], as the text writes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cue {
    /// The stage it marks.
    pub stage: Stage,
    /// The words.
    pub words: String,
}

/// What a qualifier word does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Qualifies {
    /// Limits how much is meant: "most", "select".
    Scope,
    /// Says something goes on as before: "will continue", "maintaining", "remain".
    Continues,
}

/// A qualifier word of a passage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Qualifier {
    /// What it does.
    pub qualifies: Qualifies,
    /// The word, lowercase.
    pub word: String,
}

/// What one passage says.
#[derive(Debug, Clone, Default)]
pub struct Reading {
    /// The entities it names, in text order (indexes into the reader's list), with how.
    pub mentions: Vec<(usize, How)>,
    /// The ties its words state between them.
    pub ties: Vec<Tie>,
    /// Its cues of planned, under-way or completed.
    pub cues: Vec<Cue>,
    /// Its scope and continuity words.
    pub qualifiers: Vec<Qualifier>,
    /// What it says things move from ("from B").
    pub sources: Vec<usize>,
    /// What it says things move to ("into B", "moving … to B").
    pub destinations: Vec<usize>,
}

impl Reading {
    /// Whether it names entity `entity`.
    pub fn names(&self, entity: usize) -> bool {
        self.mentions.iter().any(|&(e, _)| e == entity)
    }

    /// The cues of `stage`.
    pub fn cues_of(&self, stage: Stage) -> impl Iterator<Item = &Cue> {
        self.cues.iter().filter(move |c| c.stage == stage)
    }
}

/// A word of the text with where it is (in characters of the whole text).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Lowercase letters and digits (inner `.` kept: "jd.com", "2.1"), or one punctuation
    /// mark among `, ; : ( )` (dashes between words read as `,`).
    pub word: String,
    /// First character.
    pub start: usize,
    /// After the last character.
    pub end: usize,
    /// Whether a possessive `'s` (or a bare `'` after an s) followed it.
    pub possessive: bool,
    /// Which sentence it is in, counted from 0.
    pub sentence: usize,
    /// Which paragraph it is in (paragraphs end at a blank line), counted from 0.
    pub paragraph: usize,
    /// Whether the text writes it with a capital first letter.
    pub capital: bool,
    /// Whether it stands inside quotation marks.
    pub quoted: bool,
    /// Whether a hyphen joins it to the word before ("e-commerce-aligned").
    pub joined: bool,
}

impl Token {
    fn is_punct(&self) -> bool {
        matches!(self.word.as_str(), "," | ";" | ":" | "(" | ")")
    }
}

/// How an anaphor finds what it stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reach {
    /// A pronoun ("it", "its", "he"): the nearest earlier mention of a compatible class in its
    /// own sentence that is not a name set off by commas ("its unit, Cyclona, into its…"),
    /// else the first in the sentence before (its subject, as a rule); with neither, the last
    /// one named earlier in its paragraph (a speaker before a quotation: "X said … . "…," she
    /// told Y"; "X founded Y. He will retire. Z, its CFO, …").
    Pronoun,
    /// "its own": the first mention of a compatible class in its own sentence (the subject
    /// of the clause), else the first in the sentence before.
    Subject,
    /// A description ("the company", "the division", "the Milnsbridge weaver"): the first
    /// mention of a compatible class in the sentence before, else the nearest earlier one in
    /// its own sentence, else in its paragraph, else the entity of a compatible class the text
    /// has named most so far (the article's subject, as a rule).
    Description,
}

/// Anaphors, how they reach back, and the classes they may stand for.
pub const ANAPHORS: &[(&str, Reach, &[Class])] = &[
    ("it", Reach::Pronoun, ORGS),
    ("its", Reach::Pronoun, ORGS),
    ("its own", Reach::Subject, ORGS),
    ("itself", Reach::Pronoun, ORGS),
    ("he", Reach::Pronoun, &[Class::Person]),
    ("him", Reach::Pronoun, &[Class::Person]),
    ("his", Reach::Pronoun, &[Class::Person]),
    ("she", Reach::Pronoun, &[Class::Person]),
    ("her", Reach::Pronoun, &[Class::Person]),
    ("the company", Reach::Description, COMPANIES),
    ("the firm", Reach::Description, COMPANIES),
    ("the parent company", Reach::Description, &[Class::Company]),
    ("the group", Reach::Description, GROUPS),
    ("the new group", Reach::Description, &[Class::BusinessGroup]),
    ("the division", Reach::Description, UNITS),
    ("the unit", Reach::Description, UNITS),
    ("the team", Reach::Description, UNITS),
    ("that team", Reach::Description, UNITS),
    (
        "the platform",
        Reach::Description,
        &[Class::Organization, Class::Unit],
    ),
];

/// Anaphors that own what follows them, as "B's" does.
const POSSESSIVE_ANAPHORS: &[&str] = &["its", "his", "her"];

const ORGS: &[Class] = &[
    Class::Company,
    Class::BusinessGroup,
    Class::Organization,
    Class::Unit,
    Class::BusinessLine,
];
const COMPANIES: &[Class] = &[Class::Company, Class::BusinessGroup, Class::Organization];
/// What "the group" stands for: a business group, or a company that is one.
const GROUPS: &[Class] = &[Class::BusinessGroup, Class::Company];

/// Nouns that, after "the" and up to two words ("the Milnsbridge weaver", "the Zurich-based
/// airline caterer"), describe an organization named earlier.
pub const ORGANIZATION_NOUNS: &[&str] = &[
    "company",
    "firm",
    "group",
    "business",
    "mill",
    "weaver",
    "airline",
    "caterer",
    "carrier",
    "maker",
    "manufacturer",
    "producer",
    "bank",
    "lender",
    "insurer",
    "operator",
    "wholesaler",
    "distributor",
    "retailer",
    "supplier",
    "publisher",
    "broadcaster",
    "startup",
    "developer",
    "shipyard",
    "utility",
    "chain",
    "brewer",
    "miner",
    "builder",
    "club",
    "cooperative",
    "agency",
    "fund",
    "conglomerate",
    "subsidiary",
    "association",
    "alliance",
    "forum",
    "federation",
    "council",
    "society",
    "institute",
    "partnership",
];
const UNITS: &[Class] = &[Class::Unit, Class::BusinessLine];

/// Words an organization's name may end in that its short form leaves out.
pub const ORGANIZATION_WORDS: &[&str] = &[
    "group",
    "business",
    "inc",
    "ltd",
    "limited",
    "co",
    "corp",
    "corporation",
    "holding",
    "holdings",
    "company",
];

/// Cues of a change to come or intended. Each is a phrase of lowercase words.
pub const PLANNED_CUES: &[&str] = &[
    "will",
    "shall",
    "is to",
    "are to",
    "is set to",
    "are set to",
    "plans to",
    "plan to",
    "planned",
    "intends to",
    "expects",
    "expected to",
    "expected in",
    "agreed to",
    "agrees to",
    "is due to",
    "are due to",
    "is going to",
    "are going to",
    "would",
    "upcoming",
];

/// Cues of a change in progress.
pub const UNDER_WAY_CUES: &[&str] = &[
    "is undergoing",
    "undergoing",
    "involves moving",
    "is moving",
    "are moving",
    "is restructuring",
    "was restructuring",
    "is transferring",
    "is effectively transferring",
    "is scaling",
    "ongoing",
    "in progress",
    "under way",
    "underway",
    "for over",
    "for more than",
    "continues to",
];

/// Cues of a change done: perfect and past forms, and words that place it in the past.
/// Besides these, "has", "have", "had", "was" or "were" before a past participle and a past
/// tense verb ("launched", "signed") not after "be" or "will" are cues too (see
/// [`PAST_VERBS`]).
pub const COMPLETED_CUES: &[&str] = &["ago", "since", "by", "previously", "formerly", "in"];

/// `-ed` forms that look ahead, not back: "closing expected in the third quarter".
const FUTURE_PARTICIPLES: &[&str] = &["expected", "scheduled", "planned", "proposed", "intended"];

/// Irregular past forms read as cues of a change done.
pub const PAST_VERBS: &[&str] = &[
    "began",
    "became",
    "made",
    "took",
    "gave",
    "won",
    "sold",
    "bought",
    "built",
    "led",
    "left",
    "set",
    "withdrew",
    "founded",
    "established",
];

/// Verbs of saying, which date the telling, not the change told: "36Kr has learned" is no
/// cue that a restructuring is done.
pub const REPORTING_VERBS: &[&str] = &[
    "learned",
    "learnt",
    "told",
    "said",
    "stated",
    "reported",
    "explained",
    "announced",
];

/// Auxiliaries after which a participle is past ("has moved", "was integrated").
const PERFECT: &[&str] = &["has", "have", "had", "was", "were"];

/// Words after which an `-ed` form is not past ("will be integrated", "to be handed").
const NOT_PAST_BEFORE: &[&str] = &["be", "being", "will", "to", "is", "are", "would"];

/// Words before which an `-ed` form is an adjective ("a specialized logistics company").
const DETERMINERS: &[&str] = &[
    "a", "an", "the", "its", "their", "his", "her", "our", "this", "that", "more", "most",
    "highly", "newly", "fully",
];

/// Prepositions that open a sentence with a phrase before its subject.
const OPENING_PREPOSITIONS: &[&str] = &[
    "with",
    "after",
    "before",
    "following",
    "under",
    "in",
    "since",
    "as",
    "for",
    "at",
    "from",
    "despite",
    "unlike",
    "like",
    "besides",
    "without",
    "by",
    "on",
    "during",
    "until",
];

/// The noun a description of an organization opens with: its last word before "in", "of",
/// "for", "with", "based", "that", "which" or a comma ("A ship repair yard in Oskarshamn":
/// "yard"), when it starts with an article.
fn head_noun(description: &str) -> Option<String> {
    let tokens = tokens(description);
    let first = tokens.first()?;
    if !matches!(first.word.as_str(), "a" | "an" | "the") {
        return None;
    }
    tokens
        .iter()
        .skip(1)
        .take_while(|t| {
            !t.is_punct()
                && !matches!(
                    t.word.as_str(),
                    "in" | "of" | "for" | "with" | "based" | "that" | "which" | "and"
                )
        })
        .last()
        .map(|t| t.word.clone())
}

/// Words of names and descriptions that are no nouns a description stands on.
const NOT_NOUNS: &[&str] = &[
    "the", "and", "for", "with", "its", "that", "which", "from", "into", "new", "old", "own",
    "based", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
];

/// Adverbs that may stand between an auxiliary and its verb.
const ADVERBS: &[&str] = &[
    "now",
    "also",
    "already",
    "effectively",
    "directly",
    "actively",
    "heavily",
    "recently",
    "just",
    "still",
    "since",
    "initially",
    "closely",
];

/// Words that limit how much is meant.
pub const SCOPE_WORDS: &[&str] = &["most", "some", "select", "several", "certain", "part"];

/// Words that say something goes on as before.
pub const CONTINUITY_WORDS: &[&str] = &[
    "continue",
    "continues",
    "continuing",
    "maintain",
    "maintains",
    "maintaining",
    "remain",
    "remains",
    "keep",
    "keeps",
    "still",
];

/// Verbs that move staff or units, before "to" or "into".
pub const MOVE_VERBS: &[&str] = &[
    "move",
    "moves",
    "moved",
    "moving",
    "transfer",
    "transfers",
    "transferred",
    "transferring",
    "integrated",
    "integrate",
    "handed",
    "hand",
    "shifted",
    "shift",
    "join",
    "joins",
    "joined",
    "merged",
    "folded",
    "over",
];

/// Verbs of supplying: "A supplies … to B" says A serves B.
pub const SUPPLY_VERBS: &[&str] = &[
    "supply",
    "supplies",
    "supplied",
    "supplying",
    "provide",
    "provides",
    "provided",
    "providing",
    "sell",
    "sells",
    "sold",
    "selling",
    "deliver",
    "delivers",
    "delivered",
    "delivering",
];

/// Past forms that say an organization was founded, before "by" and its founders.
pub const FOUNDING_VERBS: &[&str] = &["founded", "started", "established", "created", "formed"];

/// Words before a participle that make it passive ("was founded").
const PASSIVE: &[&str] = &["was", "were", "been", "be", "being", "is", "are"];

/// The punctuation marks a token can be.
const PUNCTUATION: &[&str] = &[",", ";", ":", "(", ")"];

/// Words before "to" that make a reporting line.
const REPORT_WORDS: &[&str] = &["report", "reports", "reported", "reporting"];

/// The whole text, read once for every name, short form and anaphor of the entities.
#[derive(Debug)]
pub struct Reader {
    tokens: Vec<Token>,
    entities: Vec<Entity>,
    /// Each organization's nouns: the last word of each of its names, and the noun its
    /// description opens with.
    nouns: Vec<Vec<String>>,
    /// Every mention, ordered by first token.
    mentions: Vec<Mention>,
}

impl Reader {
    /// Reads `text`, looking for `entities`.
    pub fn new(text: &str, entities: Vec<Entity>) -> Reader {
        let tokens = tokens(text);
        let nouns = entities
            .iter()
            .map(|e| match e.class {
                Class::Person | Class::Place | Class::Group => Vec::new(),
                _ => e
                    .names
                    .iter()
                    .filter_map(|n| words(n).pop())
                    .chain(head_noun(&e.description))
                    .filter(|w| w.chars().count() > 2 && !NOT_NOUNS.contains(&w.as_str()))
                    .collect(),
            })
            .collect();
        let mut reader = Reader {
            tokens,
            entities,
            nouns,
            mentions: Vec::new(),
        };
        reader.find_mentions();
        reader
    }

    /// The entities looked for.
    pub fn entities(&self) -> &[Entity] {
        &self.entities
    }

    /// The tokens of the text.
    pub fn tokens(&self) -> &[Token] {
        &self.tokens
    }

    fn find_mentions(&mut self) {
        let mut index: HashMap<&str, Vec<usize>> = HashMap::new();
        for (i, t) in self.tokens.iter().enumerate() {
            index.entry(t.word.as_str()).or_default().push(i);
        }
        let mut found: Vec<Mention> = Vec::new();
        let mut shorts: Vec<(usize, Vec<String>)> = Vec::new();
        for (e, entity) in self.entities.iter().enumerate() {
            for name in &entity.names {
                let mut words: Vec<String> = name_tokens(name);
                if words.first().is_some_and(|w| w == "the") && words.len() > 1 {
                    words.remove(0);
                }
                for at in occurrences(&self.tokens, &index, &words) {
                    found.push(Mention {
                        entity: e,
                        tokens: (at, at + words.len()),
                        how: How::Name,
                        inside: false,
                    });
                }
                for short in short_forms(entity.class, name, &words) {
                    shorts.push((e, short));
                }
            }
        }
        found.extend(self.shared_surnames(&index));
        shorts.extend(self.first_words());
        // Short forms count after the first use of a full name of their entity.
        let first_use: HashMap<usize, usize> = found.iter().fold(HashMap::new(), |mut m, x| {
            let at = m.entry(x.entity).or_insert(x.tokens.0);
            *at = (*at).min(x.tokens.0);
            m
        });
        for (e, short) in shorts {
            // A unit's name without its organization's in front ("parcel team" for "Northwind
            // parcel team") names it anywhere; other short forms after the full name.
            let unit = matches!(self.entities[e].class, Class::Unit);
            let Some(first) = first_use.get(&e).copied().or(unit.then_some(0)) else {
                continue;
            };
            for at in occurrences(&self.tokens, &index, &short) {
                if at > first || (unit && first == 0) {
                    found.push(Mention {
                        entity: e,
                        tokens: (at, at + short.len()),
                        how: How::Short,
                        inside: false,
                    });
                }
            }
        }
        // The longest name wins its words; a shorter name of the same entity inside it goes,
        // one of another entity stays, marked as inside.
        found.sort_by_key(|m| (m.tokens.0, std::cmp::Reverse(m.tokens.1)));
        // `kept` stays in order of start, and no mention is longer than `longest`, so only
        // those that start within `longest` tokens before a mention can hold or overlap it.
        let longest = found
            .iter()
            .map(|m| m.tokens.1 - m.tokens.0)
            .max()
            .unwrap_or(0);
        let mut kept: Vec<Mention> = Vec::new();
        for m in found {
            let near = kept.partition_point(|k| k.tokens.0 + longest < m.tokens.0);
            let near = &kept[near..];
            let container = near
                .iter()
                .find(|k| k.tokens.0 <= m.tokens.0 && m.tokens.1 <= k.tokens.1)
                .copied();
            let overlapped = near
                .iter()
                .any(|k| !k.inside && k.tokens.0 < m.tokens.1 && m.tokens.0 < k.tokens.1);
            match container {
                Some(k) if k.entity == m.entity => {}
                Some(k) if k.tokens == m.tokens => {}
                Some(_) => kept.push(Mention { inside: true, ..m }),
                // Overlapping, not contained: the earlier one keeps the words.
                None if overlapped => {}
                None => kept.push(m),
            }
        }
        kept.sort_by_key(|m| m.tokens);
        self.mentions = self.resolve_anaphors(kept);
    }

    /// Two people named with one surname: "Jory" in "brothers Jory and Michael Annear" names
    /// Jory Annear.
    fn shared_surnames(&self, index: &HashMap<&str, Vec<usize>>) -> Vec<Mention> {
        let t = &self.tokens;
        let mut out = Vec::new();
        for (e, entity) in self.entities.iter().enumerate() {
            if entity.class != Class::Person {
                continue;
            }
            for name in &entity.names {
                let name_words = words(name);
                let [given, surname] = name_words.as_slice() else {
                    continue;
                };
                for &at in index.get(given.as_str()).into_iter().flatten() {
                    let shared = t.get(at + 1).is_some_and(|x| x.word == "and")
                        && t.get(at + 2).is_some_and(|x| x.capital)
                        && t.get(at + 3).is_some_and(|x| &x.word == surname);
                    if shared && t[at].capital {
                        out.push(Mention {
                            entity: e,
                            tokens: (at, at + 1),
                            how: How::Name,
                            inside: false,
                        });
                    }
                }
            }
        }
        out
    }

    /// The first word of an organization's name of several words ("Nordhav" for "Nordhav
    /// Offshore"), as a short form of it, when that word is in no other entity's names and the
    /// text always writes it with a capital (so it is a name there, not a common word).
    fn first_words(&self) -> Vec<(usize, Vec<String>)> {
        let mut owners: HashMap<String, Vec<usize>> = HashMap::new();
        for (e, entity) in self.entities.iter().enumerate() {
            for name in &entity.names {
                for w in words(name) {
                    let seen = owners.entry(w).or_default();
                    if !seen.contains(&e) {
                        seen.push(e);
                    }
                }
            }
        }
        let mut out = Vec::new();
        for (e, entity) in self.entities.iter().enumerate() {
            if !matches!(
                entity.class,
                Class::Company | Class::BusinessGroup | Class::Organization
            ) {
                continue;
            }
            for name in &entity.names {
                let ws = words(name);
                let Some(first) = ws.first().filter(|_| ws.len() > 1) else {
                    continue;
                };
                let alone = owners.get(first).is_some_and(|o| o == &[e]);
                let named = self.tokens.iter().filter(|t| &t.word == first);
                let always_capital = named.clone().all(|t| t.capital);
                if alone
                    && capitalised_first(name)
                    && first.chars().count() > 2
                    && always_capital
                    && !out.contains(&(e, vec![first.clone()]))
                {
                    out.push((e, vec![first.clone()]));
                }
            }
        }
        out
    }

    /// Adds a mention for each anaphor that the rule resolves (see [`Reach`]). An anaphor
    /// outside quotation marks never stands for a name inside them.
    fn resolve_anaphors(&self, mentions: Vec<Mention>) -> Vec<Mention> {
        let anaphors: Vec<(Vec<String>, &'static str, Reach, &[Class])> = ANAPHORS
            .iter()
            .map(|&(a, reach, classes)| (words(a), a, reach, classes))
            .collect();
        let mut out: Vec<Mention> = Vec::with_capacity(mentions.len());
        // How often each entity has been named so far, and the most named one of each class.
        let mut counts = vec![0usize; self.entities.len()];
        let mut leaders: HashMap<Class, usize> = HashMap::new();
        let count = |m: &Mention, counts: &mut Vec<usize>, leaders: &mut HashMap<Class, usize>| {
            let class = self.entities[m.entity].class;
            counts[m.entity] += 1;
            let leader = leaders.entry(class).or_insert(m.entity);
            if counts[m.entity] > counts[*leader] {
                *leader = m.entity;
            }
        };
        let mut pending = mentions.into_iter().peekable();
        let mut i = 0;
        while i < self.tokens.len() {
            while let Some(m) = pending.next_if(|m| m.tokens.0 <= i) {
                if !m.inside {
                    count(&m, &mut counts, &mut leaders);
                }
                out.push(m);
            }
            let covered = out
                .iter()
                .rev()
                .take(4)
                .any(|m| m.tokens.0 <= i && i < m.tokens.1);
            let hit = (!covered)
                .then(|| {
                    anaphors
                        .iter()
                        .filter(|(w, ..)| starts_with_words(&self.tokens[i..], w))
                        .max_by_key(|(w, ..)| w.len())
                        .map(|(w, a, reach, classes)| (w.len(), *a, *reach, *classes))
                        .or_else(|| self.description(i))
                })
                .flatten();
            let Some((len, anaphor, reach, classes)) = hit else {
                i += 1;
                continue;
            };
            let sentence = self.tokens[i].sentence;
            let quoted = self.tokens[i].quoted;
            let fits = |m: &&Mention| {
                !m.inside
                    && classes.contains(&self.entities[m.entity].class)
                    && (quoted || !self.tokens[m.tokens.0].quoted)
            };
            let in_sentence = |m: &&Mention, s: usize| self.tokens[m.tokens.0].sentence == s;
            let own = || {
                out.iter()
                    .rev()
                    .take_while(|m| in_sentence(m, sentence))
                    .filter(|m| m.tokens.1 <= i)
            };
            let nearest = || own().filter(|m| !self.appositive(m)).find(fits);
            let subject = || own().filter(fits).last();
            // The subject of the sentence before: its first fitting mention, after an opening
            // phrase ("With SoilTally on board, Brightcoulee will …") when there is one, and
            // not a name in brackets ("MUNICH, Feb 12 (Nordwire) - Veltrana AG will …").
            let first_before = || {
                sentence.checked_sub(1).and_then(|before| {
                    let mentions: Vec<&Mention> = out
                        .iter()
                        .rev()
                        .skip_while(|m| in_sentence(m, sentence))
                        .take_while(|m| in_sentence(m, before))
                        .filter(fits)
                        .filter(|m| !self.bracketed(m))
                        .collect();
                    let opening = mentions.last().and_then(|m| self.opening_end(m.tokens.0));
                    mentions
                        .iter()
                        .rev()
                        .find(|m| opening.is_none_or(|end| m.tokens.0 > end))
                        .or(mentions.last())
                        .copied()
                })
            };
            let paragraph = self.tokens[i].paragraph;
            let in_paragraph = || {
                out.iter()
                    .rev()
                    .take_while(|m| self.tokens[m.tokens.0].paragraph == paragraph)
                    .find(fits)
            };
            // The article's subject: the entity of a fitting class named most so far.
            let most_named = || {
                classes
                    .iter()
                    .filter_map(|c| leaders.get(c).copied())
                    .max_by_key(|&e| counts[e])
            };
            let antecedent = match reach {
                Reach::Pronoun => nearest()
                    .or_else(first_before)
                    .or_else(in_paragraph)
                    .map(|m| m.entity),
                Reach::Subject => subject().or_else(first_before).map(|m| m.entity),
                Reach::Description => self
                    .named_by_noun(&out, i, len, sentence, !anaphor.starts_with("the "), &fits)
                    .or_else(|| {
                        first_before()
                            .or_else(nearest)
                            .or_else(in_paragraph)
                            .map(|m| m.entity)
                    })
                    .or_else(most_named),
            };
            if let Some(entity) = antecedent {
                let m = Mention {
                    entity,
                    tokens: (i, i + len),
                    how: How::Anaphor(anaphor),
                    inside: false,
                };
                count(&m, &mut counts, &mut leaders);
                out.push(m);
            }
            i += len;
        }
        out.extend(pending);
        out
    }

    /// Whether a mention is all that stands between brackets: "(Nordwire)".
    fn bracketed(&self, m: &Mention) -> bool {
        let t = &self.tokens;
        m.tokens.0 > 0
            && t[m.tokens.0 - 1].word == "("
            && t.get(m.tokens.1).is_some_and(|x| x.word == ")")
    }

    /// Where the opening phrase of the sentence that token `at` is in ends (its comma), when
    /// the sentence opens with a preposition: "With SoilTally on board, …".
    fn opening_end(&self, at: usize) -> Option<usize> {
        let t = &self.tokens;
        let sentence = t[at].sentence;
        let start = t[..=at]
            .iter()
            .rposition(|x| x.sentence != sentence)
            .map_or(0, |k| k + 1);
        if !OPENING_PREPOSITIONS.contains(&t[start].word.as_str()) {
            return None;
        }
        (start..t.len())
            .take_while(|&k| t[k].sentence == sentence)
            .find(|&k| t[k].word == ",")
    }

    /// For a description whose last word is in some entity's name ("the group's chief
    /// executive" and "Lisdara Media Group"), the first mention in the sentence before of a
    /// fitting entity with that word in one of its names, else the nearest earlier one in its
    /// paragraph, else in the text; a description the table does not list looks first in its
    /// own sentence.
    fn named_by_noun(
        &self,
        out: &[Mention],
        i: usize,
        len: usize,
        sentence: usize,
        generic: bool,
        fits: &dyn Fn(&&Mention) -> bool,
    ) -> Option<usize> {
        let noun = &self.tokens[i + len - 1].word;
        // No entity has the noun in its names: no mention can be named by it (and the search
        // below would read the whole text back).
        if !self.nouns.iter().any(|n| n.contains(noun)) {
            return None;
        }
        let before = sentence.checked_sub(1)?;
        let paragraph = self.tokens[i].paragraph;
        let named = |m: &&Mention| fits(m) && self.nouns[m.entity].contains(noun);
        let earlier = || {
            out.iter()
                .rev()
                .skip_while(|m| self.tokens[m.tokens.0].sentence == sentence)
        };
        // A description the table does not list ("the association") may stand for a name of
        // its own sentence; a listed one ("the new group") is read as the table says.
        let own = || {
            out.iter()
                .rev()
                .take_while(|m| self.tokens[m.tokens.0].sentence == sentence)
                .filter(|m| m.tokens.1 <= i)
                .find(named)
        };
        own()
            .filter(|_| generic)
            .or_else(|| {
                earlier()
                    .take_while(|m| self.tokens[m.tokens.0].sentence == before)
                    .filter(named)
                    .last()
            })
            .or_else(|| {
                earlier()
                    .take_while(|m| self.tokens[m.tokens.0].paragraph == paragraph)
                    .find(named)
            })
            .or_else(|| earlier().find(named))
            .map(|m| m.entity)
    }

    /// A description the table does not list: "the" and up to two more words before a noun
    /// that names an organization ("the Milnsbridge weaver", "the Mannheim-based company",
    /// "the new company"). Its length in tokens, its noun, its reach and its classes.
    fn description(&self, i: usize) -> Option<(usize, &'static str, Reach, &'static [Class])> {
        let t = &self.tokens;
        if t[i].word != "the" {
            return None;
        }
        let mut head = None;
        for k in i + 1..(i + 4).min(t.len()) {
            if t[k].is_punct() || t[k].sentence != t[i].sentence {
                break;
            }
            if let Some(noun) = ORGANIZATION_NOUNS.iter().find(|n| **n == t[k].word) {
                head = Some((k, *noun));
            } else if self.nouns.iter().any(|n| n.contains(&t[k].word)) {
                // A noun of an organization's own name or description: "the cellar" for
                // Langvlei Wine Cellar.
                head = Some((k, "description"));
            }
            if t[k].possessive {
                break;
            }
        }
        // "the Nordic Rail Forum": a capitalised noun is a name's, not a description's.
        let (k, noun) = head.filter(|&(k, _)| !t[k].capital)?;
        // "the company of …", "the airline industry": not a description of one organization;
        // "the retail group Westhaven Holdings": a title before a name, not an anaphor.
        let next = t.get(k + 1).filter(|x| x.sentence == t[k].sentence);
        let after = next.map(|x| x.word.as_str());
        if !t[k].possessive
            && (matches!(after, Some("of" | "industry" | "sector" | "market"))
                || next.is_some_and(|x| x.capital))
        {
            return None;
        }
        let classes = if noun == "description" {
            ORGS
        } else {
            COMPANIES
        };
        Some((k + 1 - i, noun, Reach::Description, classes))
    }

    /// Every mention of the text, ordered by first token.
    pub fn mentions(&self) -> &[Mention] {
        &self.mentions
    }

    /// The mentions that start and end within the tokens `range`, in order.
    pub fn mentions_within(&self, range: Range<usize>) -> impl Iterator<Item = &Mention> {
        let first = self.mentions.partition_point(|m| m.tokens.0 < range.start);
        let last = self.mentions.partition_point(|m| m.tokens.0 < range.end);
        self.mentions[first..last.max(first)]
            .iter()
            .filter(move |m| m.tokens.1 <= range.end)
    }

    /// The tokens of the passage at characters `span`, as a range of token indexes.
    pub fn tokens_of(&self, span: Range<usize>) -> Range<usize> {
        let first = self.tokens.partition_point(|t| t.start < span.start);
        let last = self.tokens.partition_point(|t| t.end <= span.end);
        first..last.max(first)
    }

    /// What the passage at characters `span` of the text says.
    pub fn read(&self, span: Range<usize>) -> Reading {
        let first = self.tokens.partition_point(|t| t.start < span.start);
        let last = self.tokens.partition_point(|t| t.end <= span.end);
        if first >= last {
            return Reading::default();
        }
        let from = self.mentions.partition_point(|m| m.tokens.0 < first);
        let mentions: Vec<&Mention> = self.mentions[from..]
            .iter()
            .take_while(|m| m.tokens.0 < last)
            .filter(|m| m.tokens.1 <= last)
            .collect();
        let words = &self.tokens[first..last];
        let (ties, sources, destinations) = self.ties(&mentions, first, last);
        Reading {
            mentions: mentions.iter().map(|m| (m.entity, m.how)).collect(),
            ties,
            cues: cues(words),
            qualifiers: qualifiers(words),
            sources,
            destinations,
        }
    }

    /// The ties the words between tokens `first` and `last` state between `mentions`.
    /// With them, what moves from where and to where.
    fn ties(
        &self,
        mentions: &[&Mention],
        first: usize,
        last: usize,
    ) -> (Vec<Tie>, Vec<usize>, Vec<usize>) {
        let (mut sources, mut destinations) = (Vec::new(), Vec::new());
        let t = &self.tokens;
        let class = |m: &Mention| self.entities[m.entity].class;
        let mut ties = Vec::new();
        let mut tie = |pattern, from: &Mention, to: &Mention| {
            if from.entity != to.entity {
                let tie = Tie {
                    pattern,
                    from: from.entity,
                    to: to.entity,
                };
                if !ties.contains(&tie) {
                    ties.push(tie);
                }
            }
        };
        let outer: Vec<&Mention> = mentions.iter().copied().filter(|m| !m.inside).collect();
        let same_sentence = |a: usize, b: usize| t[a].sentence == t[b].sentence;
        // The mentions after token `i` up to the end of its clause (a `;`, the sentence's end
        // or the passage's).
        let after = |i: usize| -> Vec<&Mention> {
            outer
                .iter()
                .copied()
                .filter(|m| m.tokens.0 > i && same_sentence(i, m.tokens.0))
                .filter(|m| !(i..m.tokens.0).any(|k| t[k].word == ";"))
                .collect()
        };
        // The nearest mention before token `i` in its sentence that `keep` accepts.
        let before = |i: usize, keep: &dyn Fn(&Mention) -> bool| -> Option<&Mention> {
            outer
                .iter()
                .copied()
                .rev()
                .filter(|m| m.tokens.1 <= i && same_sentence(i, m.tokens.0))
                .find(|m| keep(m))
        };
        for i in first..last {
            let w = t[i].word.as_str();
            let next = |k: usize| {
                t.get(i + k)
                    .filter(|_| i + k < last)
                    .map(|x| x.word.as_str())
            };
            // "A will now report directly to B", "A has dual reporting lines to B and C".
            if REPORT_WORDS.contains(&w) {
                let to = (1..=3).find(|&k| next(k) == Some("to"));
                if let Some(k) = to {
                    let person = |m: &Mention| class(m) == Class::Person;
                    if let Some(subject) = before(i, &person) {
                        for object in after(i + k).into_iter().filter(|m| person(m)) {
                            tie(Pattern::ReportsTo, subject, object);
                        }
                    }
                }
            }
            // "A of B" with nothing between A and "of".
            if w == "of" {
                if let (Some(a), Some(b)) = (
                    outer.iter().find(|m| m.tokens.1 == i),
                    outer.iter().find(|m| {
                        let gap = &t[i + 1..m.tokens.0.max(i + 1)];
                        m.tokens.0 > i
                            && gap
                                .iter()
                                .all(|x| matches!(x.word.as_str(), "the" | "both"))
                    }),
                ) {
                    tie(Pattern::PartOf, a, b);
                }
            }
            // "B-owned A", "B owned operations such as A".
            if w == "owned" {
                if let Some(owner) = outer.iter().find(|m| m.tokens.1 == i) {
                    for owned in after(i) {
                        tie(Pattern::PartOf, owned, owner);
                    }
                }
            }
            // "B founder A", "A was founded by B", "envisioned by B".
            if w == "founder" || w == "founders" {
                if let (Some(org), Some(person)) = (
                    outer.iter().find(|m| m.tokens.1 == i),
                    outer.iter().find(|m| m.tokens.0 == i + 1),
                ) {
                    tie(Pattern::FoundedBy, org, person);
                }
            }
            // "A, a co-founder of B", "A, the founder of B", "A, one of the founders of B": the
            // person the apposition describes, and the organization named right after "of".
            if matches!(w, "founder" | "founders" | "cofounder") && next(1) == Some("of") {
                let org = |m: &Mention| !matches!(class(m), Class::Person | Class::Place);
                let person = |m: &Mention| class(m) == Class::Person;
                let founded = after(i + 1)
                    .into_iter()
                    .next()
                    .filter(|m| org(m) && t[i + 2..m.tokens.0].iter().all(|x| x.word == "the"));
                let founder = before(i, &person).filter(|m| {
                    t[m.tokens.1..i].iter().all(|x| {
                        matches!(
                            x.word.as_str(),
                            "," | "a" | "an" | "the" | "its" | "co" | "-" | "one" | "of"
                        )
                    })
                });
                if let (Some(org), Some(person)) = (founded, founder) {
                    tie(Pattern::FoundedBy, org, person);
                }
            }
            // "B was founded in 2009 by A and C", "B, founded by A".
            let by = (FOUNDING_VERBS.contains(&w) || w == "envisioned")
                .then(|| {
                    (1..=5)
                        .take_while(|&k| next(k).is_some_and(|x| !PUNCTUATION.contains(&x)))
                        .find(|&k| next(k) == Some("by"))
                })
                .flatten();
            if let Some(k) = by {
                let pattern = if w == "envisioned" {
                    Pattern::EnvisionedBy
                } else {
                    Pattern::FoundedBy
                };
                // The people listed after "by"; else the first person after it ("by Alibaba
                // founder Jack Ma"), else the first name.
                let named = after(i + k);
                let person = |m: &&Mention| class(m) == Class::Person;
                let mut objects: Vec<&Mention> = self
                    .list(&named, i + k + 1)
                    .into_iter()
                    .filter(person)
                    .collect();
                if objects.is_empty() {
                    objects.extend(
                        named
                            .iter()
                            .copied()
                            .find(person)
                            .or(named.first().copied()),
                    );
                }
                // What was founded: named before the verb, or after the list that opens the
                // sentence ("Founded in 1953 by A and B, the company …").
                let org = |m: &Mention| !matches!(class(m), Class::Person | Class::Place);
                let end = objects.last().map_or(i + k, |m| m.tokens.1);
                let subject = before(i, &org).or_else(|| after(end).into_iter().find(|m| org(m)));
                if let Some(subject) = subject {
                    for object in objects {
                        tie(pattern, subject, object);
                    }
                }
            }
            // "A founded B in 2017 with C", "A and C founded B", "B, which A founded with C".
            if w == "founded"
                && by.is_none()
                && !(i > first && PASSIVE.contains(&t[i - 1].word.as_str()))
            {
                let person = |m: &Mention| class(m) == Class::Person;
                let founders = self.list_before(&outer, i, first);
                let relative = founders.last().and_then(|m| {
                    let at = m.tokens.0;
                    (at > first + 1 && matches!(t[at - 1].word.as_str(), "which" | "that"))
                        .then(|| {
                            before(at - 1, &|o: &Mention| {
                                !person(o) && class(o) != Class::Place
                            })
                        })
                        .flatten()
                });
                let org = after(i)
                    .into_iter()
                    .find(|m| !person(m) && class(m) != Class::Place)
                    .or(relative);
                if let Some(org) = org {
                    let mut founders = founders;
                    let withs = (org.tokens.1..last)
                        .take_while(|&k| t[k].word != ";")
                        .filter(|&k| t[k].word == "with");
                    for k in withs {
                        founders.extend(self.list(&after(k), k + 1));
                    }
                    for founder in founders.into_iter().filter(|m| person(m)) {
                        tie(Pattern::FoundedBy, org, founder);
                    }
                }
            }
            // "A, who joined B from C in 2023": A is a member of B, and was of C.
            if matches!(w, "joined" | "joins" | "join" | "joining") {
                let person = |m: &Mention| class(m) == Class::Person;
                let org = |m: &&Mention| !matches!(class(m), Class::Person | Class::Place);
                if let Some(subject) = before(i, &person) {
                    let named = after(i);
                    let object = named.iter().copied().find(org).filter(|m| {
                        t[i + 1..m.tokens.0]
                            .iter()
                            .all(|x| !x.is_punct() && x.word != "from")
                            && m.tokens.0 <= i + 4
                    });
                    if let Some(object) = object {
                        tie(Pattern::MemberOf, subject, object);
                        let from = object.tokens.1;
                        if t.get(from).is_some_and(|x| x.word == "from") {
                            if let Some(before) = named
                                .iter()
                                .copied()
                                .filter(org)
                                .find(|m| m.tokens.0 > from && m.tokens.0 <= from + 4)
                            {
                                tie(Pattern::MemberOf, subject, before);
                            }
                        }
                    }
                }
            }
            // "A will stay on the board of B": A is a member of B's board.
            if w == "board" && i >= first + 2 && t[i - 1].word == "the" && t[i - 2].word == "on" {
                let board = outer
                    .iter()
                    .copied()
                    .find(|m| m.tokens.0 <= i && i < m.tokens.1)
                    .or_else(|| {
                        (next(1) == Some("of"))
                            .then(|| after(i + 1).into_iter().next())
                            .flatten()
                    });
                let person = |m: &Mention| class(m) == Class::Person;
                if let (Some(subject), Some(board)) = (before(i - 2, &person), board) {
                    tie(Pattern::MemberOf, subject, board);
                }
            }
            // "A is a member of B", "A, a member of B".
            if (w == "member" || w == "members") && next(1) == Some("of") {
                let object = after(i + 1).into_iter().find(|m| {
                    t[i + 2..m.tokens.0]
                        .iter()
                        .all(|x| matches!(x.word.as_str(), "the" | "both"))
                });
                let subject = before(i, &|m: &Mention| class(m) != Class::Place);
                if let (Some(subject), Some(object)) = (subject, object) {
                    tie(Pattern::MemberOf, subject, object);
                }
            }
            // "A is B's largest client", "A has been a B client": A is a client of B.
            if matches!(w, "client" | "clients" | "customer" | "customers")
                && !matches!(next(1), Some("like" | "including" | "such"))
            {
                let owner = outer.iter().copied().rev().find(|m| {
                    m.tokens.1 <= i
                        && i - m.tokens.1 <= 3
                        && !(m.tokens.1..i).any(|k| t[k].is_punct())
                        && (t[m.tokens.1 - 1].possessive
                            || (m.tokens.1 == i
                                && m.tokens.0 > 0
                                && matches!(t[m.tokens.0 - 1].word.as_str(), "a" | "an")))
                });
                if let Some(owner) = owner {
                    let subject = before(owner.tokens.0, &|m: &Mention| {
                        !matches!(class(m), Class::Place | Class::Group)
                            && owner.tokens.0 - m.tokens.1 <= 6
                    });
                    if let Some(subject) = subject {
                        tie(Pattern::ClientOf, self.renamed(subject, &outer), owner);
                    }
                }
            }
            // "A has supplied batteries to B", "A provides … to B", "a contract to supply B":
            // A serves B.
            if SUPPLY_VERBS.contains(&w) {
                let org = |m: &Mention| !matches!(class(m), Class::Person | Class::Place);
                let direct = after(i).into_iter().next().filter(|m| {
                    org(m)
                        && t[i + 1..m.tokens.0]
                            .iter()
                            .all(|x| matches!(x.word.as_str(), "the" | "its" | "their"))
                });
                if let (Some(provider), Some(client)) = (before(i, &org), direct) {
                    tie(Pattern::Serves, provider, client);
                }
                let to = (1..=8)
                    .take_while(|&k| next(k).is_some_and(|x| x != ";" && x != ","))
                    .find(|&k| next(k) == Some("to"));
                if let (Some(provider), Some(k)) = (before(i, &org), to) {
                    let client = after(i + k)
                        .into_iter()
                        .find(|m| m.tokens.0 <= i + k + 3 && org(m));
                    if let Some(client) = client {
                        tie(Pattern::Serves, provider, client);
                    }
                }
            }
            // "A serving B, C", "A began serving B".
            if matches!(w, "serving" | "serves" | "served" | "serve") {
                let org = |m: &Mention| class(m) != Class::Person && class(m) != Class::Place;
                // The provider ends before the verb, or is a name that holds it ("people of
                // Cainiao International who served AliExpress").
                let holder = outer
                    .iter()
                    .copied()
                    .find(|m| m.tokens.0 < i && i < m.tokens.1);
                if let Some(provider) = holder.or_else(|| before(i, &org)) {
                    let clients = mentions
                        .iter()
                        .copied()
                        .filter(|m| m.tokens.0 > i && same_sentence(i, m.tokens.0) && org(m))
                        .filter(|m| !(i..m.tokens.0).any(|k| t[k].word == ";"));
                    for client in clients {
                        tie(Pattern::Serves, provider, client);
                    }
                }
            }
            // "A … clients, including contracts with B", "A's external clients like B".
            if (w == "clients" || w == "client" || w == "customers")
                && matches!(next(1), Some("like" | "including" | "such" | ",") | None)
            {
                let owner = before(i, &|m: &Mention| {
                    m.tokens.1 <= i
                        && !(m.tokens.0..m.tokens.1).contains(&i)
                        && class(m) != Class::Group
                        && class(m) != Class::Person
                });
                if let Some(owner) = owner {
                    for client in after(i) {
                        tie(Pattern::ClientOf, client, owner);
                    }
                }
            }
            // "moving A from B to C", "will be integrated into C", "handed over to C".
            if w == "into" || (w == "to" && self.moves_before(i, first)) {
                let movers: Vec<&Mention> = outer
                    .iter()
                    .copied()
                    .filter(|m| m.tokens.1 <= i && same_sentence(i, m.tokens.0))
                    .filter(|m| !self.after_word(m, "from", first) && !sources.contains(&m.entity))
                    .filter(|m| !self.owns(m) && class(m) != Class::Place)
                    .collect();
                let target = after(i)
                    .first()
                    .copied()
                    .filter(|m| m.tokens.0 <= i + 4 && !(i..m.tokens.0).any(|k| t[k].is_punct()))
                    .map(|m| self.head(m, &after(i)));
                if let Some(target) = target {
                    destinations.push(target.entity);
                    for mover in movers {
                        tie(Pattern::Into, mover, target);
                    }
                }
            }
            if w == "from" {
                let named = after(i);
                if let Some(source) = named.first().map(|m| self.head(m, &named)) {
                    sources.push(source.entity);
                    let movers = outer
                        .iter()
                        .copied()
                        .filter(|m| m.tokens.1 <= i && same_sentence(i, m.tokens.0));
                    for mover in movers {
                        tie(Pattern::From, mover, source);
                    }
                }
            }
        }
        // "B's A": a possessive mention and the mention that follows it, or the longer name
        // it opens ("Cainiao's international division"); "a B employee".
        for m in mentions {
            let end = t[m.tokens.1 - 1].possessive
                || matches!(m.how, How::Anaphor(a) if POSSESSIVE_ANAPHORS.contains(&a));
            if end {
                let owned = mentions.iter().find(|o| {
                    o.entity != m.entity
                        && ((o.tokens.0 <= m.tokens.0 && m.tokens.1 < o.tokens.1)
                            || (o.tokens.0 >= m.tokens.1
                                && o.tokens.0 <= m.tokens.1 + 3
                                && !(m.tokens.1..o.tokens.0).any(|k| t[k].is_punct())))
                });
                if let Some(owned) = owned {
                    tie(Pattern::PartOf, owned, m);
                }
            }
            if m.inside {
                if let Some(outer) = outer.iter().find(|o| {
                    o.tokens.0 <= m.tokens.0
                        && m.tokens.1 <= o.tokens.1
                        && class(o) == Class::Person
                }) {
                    tie(Pattern::MemberOf, outer, m);
                }
            }
        }
        (ties, sources, destinations)
    }

    /// What a phrase that opens with `m` names: `m` itself, unless `m` owns what follows it
    /// ("its materials division", "its parent, Yunque Holdings"): then the owned name, or
    /// the name set off by a comma after the owned words.
    fn head<'m>(&self, m: &'m Mention, after: &[&'m Mention]) -> &'m Mention {
        let t = &self.tokens;
        if !self.owns(m) {
            return m;
        }
        let end = m.tokens.1;
        let mut rest = after.iter().copied().filter(|o| o.tokens.0 >= end);
        let Some(next) = rest.next() else {
            return m;
        };
        let gap = &t[end..next.tokens.0];
        let commas = gap.iter().filter(|x| x.word == ",").count();
        let others = gap.iter().filter(|x| x.is_punct() && x.word != ",").count();
        let set_off = commas == 1 && gap.last().is_some_and(|x| x.word == ",");
        if others == 0 && gap.len() <= 5 && (commas == 0 || set_off) {
            next
        } else {
            m
        }
    }

    /// Whether a mention owns what follows it: "B's", "its".
    fn owns(&self, m: &Mention) -> bool {
        self.tokens[m.tokens.1 - 1].possessive
            || matches!(m.how, How::Anaphor(a) if POSSESSIVE_ANAPHORS.contains(&a))
    }

    /// The subject a mention ends an apposition of: in "A, a subsidiary of B, has been …",
    /// A for B; any other mention is itself.
    fn renamed<'m>(&self, m: &'m Mention, outer: &[&'m Mention]) -> &'m Mention {
        let t = &self.tokens;
        if t.get(m.tokens.1).is_none_or(|x| x.word != ",") {
            return m;
        }
        outer
            .iter()
            .copied()
            .rev()
            .filter(|x| x.tokens.1 < m.tokens.0 && t[x.tokens.0].sentence == t[m.tokens.0].sentence)
            .find(|x| {
                t[x.tokens.1].word == ","
                    && !t[x.tokens.1 + 1..m.tokens.0].iter().any(|k| k.word == ",")
            })
            .unwrap_or(m)
    }

    /// The mentions of a list that starts at token `start`: "A", "A and B", "A, B and C".
    fn list<'m>(&self, after: &[&'m Mention], start: usize) -> Vec<&'m Mention> {
        let mut out: Vec<&Mention> = Vec::new();
        let mut at = start;
        for &m in after {
            // An owner inside an element ("his brother-in-law B", "A, Clare's grandfather,")
            // is part of the words between names.
            // A mention that starts before the list's end so far overlaps one already in it.
            if self.owns(m) || m.tokens.0 < at {
                continue;
            }
            let gap = &self.tokens[at..m.tokens.0];
            let joined = gap
                .iter()
                .any(|x| matches!(x.word.as_str(), "," | "and" | "&"));
            // A title may stand before each name: "by the chef A and the hotelier B".
            let words = gap.iter().all(|x| x.word == "," || !x.is_punct());
            let fits = if out.is_empty() {
                gap.len() <= 3 && !joined
            } else {
                joined && gap.len() <= 6
            };
            if !words || !fits || (!out.is_empty() && gap.is_empty()) {
                break;
            }
            out.push(m);
            at = m.tokens.1;
        }
        out
    }

    /// The mentions of a list that ends just before token `end` ("A and B founded"), not
    /// reaching back before token `first`.
    fn list_before<'m>(&self, outer: &[&'m Mention], end: usize, first: usize) -> Vec<&'m Mention> {
        let mut out: Vec<&Mention> = Vec::new();
        let mut at = end;
        for &m in outer
            .iter()
            .rev()
            .filter(|m| m.tokens.1 <= end && m.tokens.0 >= first)
        {
            let gap = &self.tokens[m.tokens.1..at];
            let joins = gap
                .iter()
                .all(|x| matches!(x.word.as_str(), "," | "and" | "&" | "who" | "co"));
            if !joins {
                break;
            }
            out.push(m);
            at = m.tokens.0;
        }
        out
    }

    /// Whether a mention stands between commas after the words it renames ("its unit,
    /// Cyclona, into …"): such a name is not what a later pronoun of its sentence stands for.
    fn appositive(&self, m: &Mention) -> bool {
        let t = &self.tokens;
        m.tokens.0 > 0
            && t[m.tokens.0 - 1].word == ","
            && t.get(m.tokens.1).is_some_and(|x| x.word == ",")
            && t[m.tokens.0 - 1].sentence == t[m.tokens.0].sentence
    }

    /// Whether a verb of moving comes before the "to" at token `i`, in its sentence.
    fn moves_before(&self, i: usize, first: usize) -> bool {
        let sentence = self.tokens[i].sentence;
        self.tokens[first..i]
            .iter()
            .rev()
            .take_while(|t| t.sentence == sentence)
            .take(30)
            .any(|t| MOVE_VERBS.contains(&t.word.as_str()))
    }

    /// Whether `word` stands just before a mention (after `first`).
    fn after_word(&self, m: &Mention, word: &str, first: usize) -> bool {
        m.tokens.0 > first && self.tokens[m.tokens.0 - 1].word == word
    }
}

/// The short forms of a name: for a person's name of two or three capitalised words, each
/// of its words; for an organization, the name without the organization words it ends in.
fn short_forms(class: Class, name: &str, words: &[String]) -> Vec<Vec<String>> {
    let capitalised = name
        .split_whitespace()
        .all(|w| w.chars().next().is_some_and(char::is_uppercase));
    match class {
        Class::Person if (2..=3).contains(&words.len()) && capitalised => words
            .iter()
            .filter(|w| w.chars().count() > 1)
            .map(|w| vec![w.clone()])
            .collect(),
        Class::Unit if words.len() >= 3 && capitalised_first(name) => vec![words[1..].to_vec()],
        Class::Company | Class::BusinessGroup | Class::Organization => {
            let mut short = words.to_vec();
            while short.len() > 1
                && short
                    .last()
                    .is_some_and(|w| ORGANIZATION_WORDS.contains(&w.as_str()))
            {
                short.pop();
            }
            if short.len() < words.len() {
                vec![short]
            } else {
                Vec::new()
            }
        }
        _ => Vec::new(),
    }
}

/// Whether a name starts with a capital, as an organization's name does.
fn capitalised_first(name: &str) -> bool {
    name.chars().next().is_some_and(char::is_uppercase)
}

fn starts_with_words(tokens: &[Token], words: &[String]) -> bool {
    tokens.len() >= words.len() && tokens.iter().zip(words).all(|(t, w)| &t.word == w)
}

/// Where `words` occur one after another in `tokens` (punctuation between them not allowed).
fn occurrences(
    tokens: &[Token],
    index: &HashMap<&str, Vec<usize>>,
    words: &[String],
) -> Vec<usize> {
    let Some(head) = words.first() else {
        return Vec::new();
    };
    index
        .get(head.as_str())
        .into_iter()
        .flatten()
        .copied()
        .filter(|&at| starts_with_words(&tokens[at..], words))
        .collect()
}

/// The cues of stage in a passage's tokens.
fn cues(tokens: &[Token]) -> Vec<Cue> {
    let kept: Vec<&Token> = tokens.iter().filter(|t| !t.is_punct()).collect();
    let words: Vec<&str> = kept.iter().map(|t| t.word.as_str()).collect();
    let mut out: Vec<Cue> = Vec::new();
    fn add(out: &mut Vec<Cue>, stage: Stage, words: String) {
        let cue = Cue { stage, words };
        if !out.contains(&cue) {
            out.push(cue);
        }
    }
    let push = |out: &mut Vec<Cue>, stage, words| add(out, stage, words);
    let phrase_at = |i: usize, phrase: &str| {
        phrase
            .split(' ')
            .enumerate()
            .all(|(k, p)| words.get(i + k) == Some(&p))
    };
    for i in 0..words.len() {
        for (stage, table) in [
            (Stage::Planned, PLANNED_CUES),
            (Stage::UnderWay, UNDER_WAY_CUES),
        ] {
            for phrase in table {
                if phrase_at(i, phrase) {
                    push(&mut out, stage, (*phrase).to_owned());
                }
            }
        }
        let w = words[i];
        // "Since 2024", "by 2019", "11 years ago", "in 2023".
        if COMPLETED_CUES.contains(&w) {
            let year = |x: &str| x.len() == 4 && x.bytes().all(|b| b.is_ascii_digit());
            let dated = words.get(i + 1).is_some_and(|n| year(n))
                || words.get(i + 2).is_some_and(|n| year(n));
            let ago = w == "ago" && i > 0;
            if dated || ago || matches!(w, "previously" | "formerly") {
                let from = if ago { i.saturating_sub(2) } else { i };
                let to = if ago { i + 1 } else { (i + 2).min(words.len()) };
                push(&mut out, Stage::Completed, words[from..to].join(" "));
            }
        }
        // A year on its own ("September 2023 IPO") dates something done.
        if w.len() == 4
            && w.bytes().all(|b| b.is_ascii_digit())
            && !out.iter().any(|c| c.words.contains(w))
        {
            push(&mut out, Stage::Completed, w.to_owned());
        }
        // "is splitting", "are now moving": a form of "be" before an "-ing" verb.
        if matches!(w, "is" | "are" | "am") {
            let mut k = i + 1;
            while words.get(k).is_some_and(|x| ADVERBS.contains(x)) {
                k += 1;
            }
            if let Some(verb) = words.get(k) {
                if verb.ends_with("ing") && verb.len() > 5 {
                    push(&mut out, Stage::UnderWay, words[i..=k].join(" "));
                }
            }
        }
        // "has moved", "was integrated", "has also shifted".
        if PERFECT.contains(&w) {
            let mut k = i + 1;
            while words.get(k).is_some_and(|x| ADVERBS.contains(x)) {
                k += 1;
            }
            if let Some(verb) = words.get(k) {
                if participle(verb) && !REPORTING_VERBS.contains(verb) {
                    push(&mut out, Stage::Completed, words[i..=k].join(" "));
                }
            }
        }
        // "launched", "signed", "began": a past form not after "be", "will", "to", "is".
        // "e-commerce-aligned", "market-driven": a compound adjective, not a verb.
        let past = (PAST_VERBS.contains(&w) || (w.ends_with("ed") && w.len() > 4))
            && !REPORTING_VERBS.contains(&w)
            && !FUTURE_PARTICIPLES.contains(&w)
            && !kept[i].joined
            && !(i > 0 && DETERMINERS.contains(&words[i - 1]));
        let auxiliary = (1..=2).any(|back| {
            i >= back
                && (NOT_PAST_BEFORE.contains(&words[i - back])
                    || PERFECT.contains(&words[i - back]))
                && (back == 1 || ADVERBS.contains(&words[i - 1]))
        });
        if past && !auxiliary && i > 0 || past && i == 0 {
            push(&mut out, Stage::Completed, w.to_owned());
        }
    }
    out
}

/// Whether a word reads as a past participle: an `-ed` or `-en` form, or an irregular one.
fn participle(word: &str) -> bool {
    (word.ends_with("ed") && word.len() > 3)
        || matches!(
            word,
            "had"
                | "been"
                | "done"
                | "made"
                | "begun"
                | "become"
                | "taken"
                | "given"
                | "grown"
                | "won"
                | "sold"
                | "bought"
                | "built"
                | "led"
                | "left"
                | "set"
                | "withdrawn"
                | "shown"
                | "seen"
        )
}

/// The scope and continuity words of a passage's tokens.
fn qualifiers(tokens: &[Token]) -> Vec<Qualifier> {
    let mut out: Vec<Qualifier> = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        let w = t.word.as_str();
        let qualifies = if SCOPE_WORDS.contains(&w) {
            // "part of" limits; "part" alone does not.
            if w == "part" && tokens.get(i + 1).is_none_or(|n| n.word != "of") {
                continue;
            }
            Qualifies::Scope
        } else if CONTINUITY_WORDS.contains(&w) {
            Qualifies::Continues
        } else {
            continue;
        };
        let q = Qualifier {
            qualifies,
            word: w.to_owned(),
        };
        if !out.contains(&q) {
            out.push(q);
        }
    }
    out
}

/// The lowercase words of a name or phrase, split as [`tokens`] splits the text, without
/// punctuation.
pub fn words(text: &str) -> Vec<String> {
    tokens(text)
        .into_iter()
        .filter(|t| !t.is_punct())
        .map(|t| t.word)
        .collect()
}

/// The words of a name as the reader matches them in the text: its words, and the commas of
/// a name that is a list ("banks, lenders and telecom operators").
fn name_tokens(name: &str) -> Vec<String> {
    tokens(name)
        .into_iter()
        .filter(|t| t.word == "," || !t.is_punct())
        .map(|t| t.word)
        .collect()
}

/// The tokens of a text, with sentences numbered: a sentence ends at `.`, `!` or `?`
/// followed by a space (a closing quote or bracket may come between), and at a blank line.
pub fn tokens(text: &str) -> Vec<Token> {
    let chars: Vec<char> = text.chars().collect();
    let mut out: Vec<Token> = Vec::new();
    let mut sentence = 0;
    let mut paragraph = 0;
    let mut i = 0;
    let mut ends_sentence = false;
    let mut ends_paragraph = false;
    let mut quoted = false;
    while i < chars.len() {
        let c = chars[i];
        if c.is_alphanumeric() {
            if ends_sentence {
                sentence += 1;
                ends_sentence = false;
            }
            if ends_paragraph {
                paragraph += 1;
                ends_paragraph = false;
                quoted = false;
            }
            let start = i;
            let mut word = String::new();
            while i < chars.len() {
                let c = chars[i];
                let next = chars.get(i + 1).copied();
                let inner_dot = c == '.' && next.is_some_and(char::is_alphanumeric);
                if c.is_alphanumeric() || inner_dot {
                    word.extend(c.to_lowercase());
                    i += 1;
                } else {
                    break;
                }
            }
            let end = i;
            let apostrophe = |c: char| matches!(c, '\'' | '\u{2019}');
            let mut possessive = false;
            if chars.get(i).copied().is_some_and(apostrophe) {
                let s = chars.get(i + 1) == Some(&'s') || chars.get(i + 1) == Some(&'S');
                let after = chars.get(i + 2).is_none_or(|c| !c.is_alphanumeric());
                if s && after {
                    possessive = true;
                    i += 2;
                } else if word.ends_with('s')
                    && chars.get(i + 1).is_none_or(|c| !c.is_alphanumeric())
                {
                    possessive = true;
                    i += 1;
                }
            }
            out.push(Token {
                word,
                start,
                end,
                possessive,
                sentence,
                paragraph,
                capital: chars[start].is_uppercase(),
                quoted,
                joined: start > 0 && chars[start - 1] == '-',
            });
            continue;
        }
        match c {
            '"' => quoted = !quoted,
            '\u{201C}' => quoted = true,
            '\u{201D}' => quoted = false,
            '.' | '!' | '?' => {
                let mut k = i + 1;
                while chars
                    .get(k)
                    .is_some_and(|c| matches!(c, '"' | '\'' | ')' | '\u{201D}' | '\u{2019}' | '.'))
                {
                    k += 1;
                }
                if chars.get(k).is_none_or(|c| c.is_whitespace()) {
                    ends_sentence = true;
                }
            }
            '\n' if chars.get(i + 1) == Some(&'\n')
                || (chars.get(i + 1) == Some(&'\r') && chars.get(i + 2) == Some(&'\n')) =>
            {
                ends_sentence = true;
                ends_paragraph = true;
            }
            ',' | ';' | ':' | '(' | ')' | '\u{2013}' | '\u{2014}' => {
                let word = match c {
                    '\u{2013}' | '\u{2014}' => ',',
                    c => c,
                };
                out.push(Token {
                    word: word.to_string(),
                    start: i,
                    end: i + 1,
                    possessive: false,
                    sentence,
                    paragraph,
                    capital: false,
                    quoted,
                    joined: false,
                });
            }
            _ => {}
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entity(key: &str, class: Class, names: &[&str]) -> Entity {
        Entity {
            description: String::new(),
            key: key.into(),
            class,
            names: names.iter().map(|n| n.to_string()).collect(),
        }
    }

    fn reader(text: &str) -> Reader {
        Reader::new(
            text,
            vec![
                entity(
                    "cainiao",
                    Class::BusinessGroup,
                    &["Cainiao Group", "Cainiao"],
                ),
                entity("taotian", Class::BusinessGroup, &["Taotian Group"]),
                entity("ding", Class::Person, &["Ding Hongwei"]),
                entity("jiang", Class::Person, &["Jiang Fan"]),
                entity("lin", Class::Person, &["Lin Wan"]),
                entity("intl", Class::Unit, &["Cainiao international division"]),
                entity(
                    "ecom",
                    Class::BusinessGroup,
                    &["Alibaba E-commerce Business Group"],
                ),
                entity("alibaba", Class::Company, &["Alibaba"]),
                entity("jack", Class::Person, &["Jack Ma"]),
                entity("temu", Class::Organization, &["Temu"]),
                entity("team", Class::Unit, &["electronic waybill team"]),
            ],
        )
    }

    /// The keys a whole text names to `r`, in order, and how.
    fn mentions(r: &Reader) -> Vec<(String, How)> {
        r.read(0..usize::MAX)
            .mentions
            .iter()
            .map(|&(e, how)| (r.entities()[e].key.clone(), how))
            .collect()
    }

    /// The ties `r` reads in a whole text: (pattern, from key, to key).
    fn tie_keys(r: &Reader) -> Vec<(Pattern, String, String)> {
        let key = |e: usize| r.entities()[e].key.clone();
        r.read(0..usize::MAX)
            .ties
            .iter()
            .map(|t| (t.pattern, key(t.from), key(t.to)))
            .collect()
    }

    /// The keys of what moves in a whole text: where it comes from, and where it goes.
    fn moves(r: &Reader) -> (Vec<&str>, Vec<&str>) {
        let reading = r.read(0..usize::MAX);
        let keys = |of: &[usize]| of.iter().map(|e| r.entities()[*e].key.as_str()).collect();
        (keys(&reading.sources), keys(&reading.destinations))
    }

    /// The keys a whole text names, in order, and how.
    fn named(text: &str) -> Vec<(String, How)> {
        mentions(&reader(text))
    }

    fn ties(text: &str) -> Vec<(Pattern, String, String)> {
        tie_keys(&reader(text))
    }

    fn stages(text: &str) -> Vec<(Stage, String)> {
        cues(&tokens(text))
            .into_iter()
            .map(|c| (c.stage, c.words))
            .collect()
    }

    #[test]
    fn names_short_forms_and_anaphors() {
        use How::*;
        let cases: &[(&str, &[(&str, How)])] = &[
            ("Cainiao CEO Lin Wan", &[("cainiao", Name), ("lin", Name)]),
            (
                "Ding Hongwei spoke. Later Ding left.",
                &[("ding", Name), ("ding", Short)],
            ),
            // A short form before the full name names nobody.
            ("Ding left. Ding Hongwei spoke.", &[("ding", Name)]),
            (
                "Taotian Group grew. Taotian hired.",
                &[("taotian", Name), ("taotian", Short)],
            ),
            (
                "Cainiao Group is big. By 2019, the company had invested.",
                &[("cainiao", Name), ("cainiao", Anaphor("the company"))],
            ),
            // With no organization in its sentence or the one before, the last one named in
            // its paragraph; another paragraph is too far.
            (
                "Cainiao Group is big. So. Its staff grew.",
                &[("cainiao", Name), ("cainiao", Anaphor("its"))],
            ),
            (
                "Cainiao Group is big.\n\nSo. Its staff grew.",
                &[("cainiao", Name)],
            ),
            (
                "Jiang Fan met Temu. He said its plan works.",
                &[
                    ("jiang", Name),
                    ("temu", Name),
                    ("jiang", Anaphor("he")),
                    ("temu", Anaphor("its")),
                ],
            ),
            (
                "Cainiao’s international division grew",
                &[("cainiao", Name), ("intl", Name)],
            ),
        ];
        for (text, expected) in cases {
            let expected: Vec<(String, How)> =
                expected.iter().map(|(k, h)| (k.to_string(), *h)).collect();
            assert_eq!(named(text), expected, "{text}");
        }
    }

    #[test]
    fn directions() {
        use Pattern::*;
        assert_states(
            ties,
            "Ding Hongwei, a senior Cainiao executive, will now report directly to Jiang Fan => ReportsTo ding jiang
Since 2024, Ding Hongwei has had dual reporting lines to Cainiao CEO Lin Wan and Jiang Fan => ReportsTo ding lin; ReportsTo ding jiang
moving staff from Cainiao’s international division to the Alibaba E-commerce Business Group. => PartOf intl cainiao
the electronic waybill team will be integrated into Taotian Group => Into team taotian
Alibaba founder Jack Ma => FoundedBy alibaba jack
Cainiao has expanded investments in clients, including contracts with Temu. => ClientOf temu cainiao
Cainiao began serving Temu => Serves cainiao temu
Taotian Group-owned operations such as the electronic waybill team => PartOf team taotian",
        );
        // The staff move: the division is where they come from, the group where they go.
        let text = "moving staff from Cainiao’s international division to the Alibaba E-commerce Business Group.";
        assert_eq!(moves(&reader(text)), (vec!["intl"], vec!["ecom"]));
        assert!(!ties("Ding Hongwei will report to Jiang Fan").contains(&(
            ReportsTo,
            "jiang".into(),
            "ding".into()
        )));
    }

    /// A reader of a text about invented companies, for the patterns beyond the seed's.
    fn rail(text: &str) -> Reader {
        Reader::new(
            text,
            vec![
                entity("osterby", Class::Company, &["Osterby Rail"]),
                entity("lakemont", Class::Company, &["Lakemont Capital"]),
                entity("pell", Class::Company, &["Pell Logistics"]),
                entity("forum", Class::Organization, &["Nordic Rail Forum"]),
                entity("summit", Class::Company, &["Summit Freight"]),
                entity("mira", Class::Person, &["Mira Koenig"]),
                entity("teodor", Class::Person, &["Teodor Lind"]),
            ],
        )
    }

    /// The keys a whole text names to the `rail` reader, in order, and how.
    fn rail_named(text: &str) -> Vec<(String, How)> {
        mentions(&rail(text))
    }

    /// Asserts that the reader finds, in each line's text, the mentions listed after its `=>`
    /// (`key How`, separated by `;`), and no others, in order.
    fn assert_named(table: &str) {
        for line in table.lines() {
            let (text, expected) = line.split_once(" => ").expect("a text => its mentions");
            let got: Vec<String> = rail_named(text)
                .iter()
                .map(|(key, how)| format!("{key} {how:?}"))
                .collect();
            assert_eq!(got.join("; "), expected, "{text}");
        }
    }

    /// Asserts that `read` finds, in each line's sentence, every tie listed after its `=>`
    /// (`Pattern from to`, separated by `;`).
    fn assert_states(read: fn(&str) -> Vec<(Pattern, String, String)>, table: &str) {
        for line in table.lines() {
            let (text, expected) = line.split_once(" => ").expect("a sentence => its ties");
            let got: Vec<String> = read(text)
                .iter()
                .map(|(p, a, b)| format!("{p:?} {a} {b}"))
                .collect();
            for tie in expected.split("; ") {
                assert!(got.iter().any(|g| g == tie), "{text}: {tie} not in {got:?}");
            }
        }
    }

    fn rail_ties(text: &str) -> Vec<(Pattern, String, String)> {
        tie_keys(&rail(text))
    }

    #[test]
    fn founders_members_joiners_boards_clients_and_suppliers() {
        use Pattern::*;
        // Someone beside the founder is not the founder.
        assert!(
            !rail_ties("Mira Koenig met the founder of Osterby Rail.")
                .iter()
                .any(|(p, _, _)| *p == FoundedBy)
        );
        // Founders, however the sentence orders them.
        for text in [
            "Osterby Rail was founded in 2011 by Mira Koenig and Teodor Lind.",
            "Osterby Rail, founded by Mira Koenig and Teodor Lind, grew.",
            "Mira Koenig founded Osterby Rail in 2011 with Teodor Lind.",
            "Set up in 1990 and founded in 1991 by the engineer Mira Koenig and her cousin Teodor Lind, Osterby Rail grew.",
            "Osterby Rail, which Mira Koenig founded in 2011 with Teodor Lind, grew.",
            "Osterby Rail was started in 2011 by Mira Koenig, a driver, and Teodor Lind.",
        ] {
            assert_states(
                rail_ties,
                &format!("{text} => FoundedBy osterby mira; FoundedBy osterby teodor"),
            );
        }
        assert_states(
            rail_ties,
            "Mira Koenig and Teodor Lind founded Osterby Rail. => FoundedBy osterby mira; FoundedBy osterby teodor
Mira Koenig, a co-founder of Osterby Rail, will retire. => FoundedBy osterby mira
Teodor Lind, the founder of Osterby Rail, spoke. => FoundedBy osterby teodor
Teodor Lind, one of the founders of Osterby Rail, spoke. => FoundedBy osterby teodor
Osterby Rail is a member of the Nordic Rail Forum. => MemberOf osterby forum
Pell Logistics, a member of the Nordic Rail Forum, grew. => MemberOf pell forum
Pell Logistics is now Osterby Rail's biggest customer. => ClientOf pell osterby
Pell Logistics, a unit of Lakemont Capital, has been an Osterby Rail client since 2020. => ClientOf pell osterby
Osterby Rail has supplied locomotives to Pell Logistics since 2019. => Serves osterby pell
Lakemont Capital will fold its subsidiary, Pell Logistics, into its rail arm Osterby Rail. => Into pell osterby
Mira Koenig, who joined Osterby Rail from Pell Logistics in 2020, spoke. => MemberOf mira osterby; MemberOf mira pell
Mira Koenig will stay on the board of Lakemont Capital. => MemberOf mira lakemont
Osterby Rail signed a contract to supply Pell Logistics. => Serves osterby pell",
        );
        // An owner before "into" is not what moves.
        assert!(
            !rail_ties(
                "Pell Logistics will be grouped with Osterby Rail's depots into Lakemont Capital."
            )
            .contains(&(Into, "osterby".into(), "lakemont".into()))
        );
        // The name inside the apposition is not the client.
        let got = rail_ties(
            "Pell Logistics, a unit of Lakemont Capital, has been an Osterby Rail client since 2020.",
        );
        assert!(!got.contains(&(ClientOf, "lakemont".into(), "osterby".into())));
        // "its" after an apposition stands for the sentence's company, not the renamed unit.
        assert!(
            !rail_ties(
                "Lakemont Capital will fold its subsidiary, Pell Logistics, into its rail arm."
            )
            .iter()
            .any(|(_, _, to)| to == "pell")
        );
        // From the owned thing's name, to the name set off after "its parent,".
        let text = "Lakemont Capital is moving 40 staff from its subsidiary, Pell Logistics, to its rail arm, Osterby Rail.";
        assert_eq!(moves(&rail(text)), (vec!["pell"], vec!["osterby"]));
    }

    #[test]
    fn descriptions_and_quotations() {
        assert_named(concat!(
            // A description the table does not list: "the" and up to two words before its
            // noun; before a name it is the name's title.
            "Osterby Rail grew. Staff moved to the retail group Lakemont Capital. => osterby Name; lakemont Name\n",
            "Osterby Rail grew. The Malmö-based operator hired. => osterby Name; osterby Anaphor(\"operator\")\n",
            // Beyond the sentence before, the organization the text has named most so far.
            "Osterby Rail grew. Osterby Rail hired. Prices rose. The firm was started in 1990. => osterby Name; osterby Name; osterby Anaphor(\"the firm\")\n",
            // "its own" stands for its clause's subject, not the nearest name.
            "Osterby Rail put Pell Logistics on its own site. => osterby Name; pell Name; osterby Anaphor(\"its own\")\n",
            // A pronoun outside a quotation does not stand for a name inside it.
            "Mira Koenig spoke. “Teodor Lind is happy,” she said. => mira Name; teodor Name; mira Anaphor(\"she\")\n",
        ));
        // A name that is a list, commas and all.
        let r = Reader::new(
            "It sells to banks, lenders and insurers.",
            vec![entity(
                "buyers",
                Class::Group,
                &["banks, lenders and insurers"],
            )],
        );
        assert!(r.read(0..39).names(0));
    }

    #[test]
    fn subjects_after_opening_phrases_descriptions_by_their_noun_and_shared_surnames() {
        assert_named(concat!(
            // "Its" stands for the subject after the opening phrase of the sentence before.
            "With Pell Logistics on board, Osterby Rail will grow. Its staff rose. => pell Name; osterby Name; osterby Anaphor(\"its\")\n",
            // Not a name in brackets: the wire service of a dateline.
            "OSLO, May 2 (Pell Logistics) - Osterby Rail will grow. Its staff rose. => pell Name; osterby Name; osterby Anaphor(\"its\")\n",
            // "the forum" stands for the entity of its sentence whose name has that noun.
            "Osterby Rail is a member of the Nordic Rail Forum, and Mira Koenig chairs the forum's board. => osterby Name; forum Name; mira Name; forum Anaphor(\"forum\")\n",
        ));
        // A description on the last word of a name, or the noun of the entity's description.
        let r = Reader::new(
            "Langvlei Wine Cellar grew. Tornvik Varv grew. The cellar hired. The yard hired.",
            vec![
                entity("langvlei", Class::Company, &["Langvlei Wine Cellar"]),
                Entity {
                    description: "A ship repair yard in Oskarshamn.".into(),
                    ..entity("tornvik", Class::Company, &["Tornvik Varv"])
                },
            ],
        );
        let keys: Vec<&str> = r
            .read(0..80)
            .mentions
            .iter()
            .map(|&(e, _)| r.entities()[e].key.as_str())
            .collect();
        assert_eq!(keys, ["langvlei", "tornvik", "langvlei", "tornvik"]);
        // Two people with one surname.
        let r = Reader::new(
            "It was set up by brothers Jory and Michael Annear.",
            vec![
                entity("jory", Class::Person, &["Jory Annear"]),
                entity("michael", Class::Person, &["Michael Annear"]),
            ],
        );
        let reading = r.read(0..50);
        assert!(reading.names(0) && reading.names(1));
    }

    #[test]
    fn first_words_and_pronouns_after_quotations() {
        assert_named(concat!(
            // A company's first word names it after its full name.
            "Osterby Rail grew. Osterby hired. => osterby Name; osterby Short\n",
            // Not when the text also writes that word as a common word.
            "Summit Freight grew. At the summit, Summit hired. => summit Name\n",
            // A person's pronoun after a quotation reaches the speaker named in its paragraph…
            "Mira Koenig spoke. \"We grow. We hire,\" she said. => mira Name; mira Anaphor(\"she\")\n",
        ));
        // … not one named in an earlier paragraph.
        assert_eq!(
            rail_named("Mira Koenig spoke.\n\nIt rained. Then. \"Fine,\" she said."),
            [("mira".to_owned(), How::Name)]
        );
    }

    #[test]
    fn stages_of_change() {
        use Stage::*;
        let cases: &[(&str, &[(Stage, &str)])] = &[
            ("will be integrated into Taotian", &[(Planned, "will")]),
            ("are to be handed over", &[(Planned, "are to")]),
            (
                "Cainiao Group is undergoing a restructuring",
                &[(UnderWay, "is undergoing")],
            ),
            (
                "involves moving more than 400 employees",
                &[(UnderWay, "involves moving")],
            ),
            (
                "Its collaboration has also shifted",
                &[(Completed, "has also shifted")],
            ),
            ("Recently, it began serving", &[(Completed, "began")]),
            ("Since 2024, Ding has had", &[(Completed, "since 2024")]),
            ("Established 11 years ago", &[(Completed, "11 years ago")]),
            ("Cainiao signed contracts", &[(Completed, "signed")]),
            ("it agreed to buy 70%", &[(Planned, "agreed to")]),
            ("the unit is due to open", &[(Planned, "is due to")]),
            ("Cainiao is undergoing", &[(UnderWay, "is undergoing")]),
            (
                "Northwind is splitting its team",
                &[(UnderWay, "is splitting")],
            ),
        ];
        for (text, expected) in cases {
            let got = stages(text);
            for (stage, words) in *expected {
                assert!(
                    got.contains(&(*stage, words.to_string())),
                    "{text}: {got:?}"
                );
            }
        }
        // Saying dates the telling, not the change.
        assert!(stages("36Kr has learned").is_empty());
        assert!(stages("e-commerce-aligned responsibilities").is_empty());
        assert!(stages("a specialized logistics company").is_empty());
        assert!(stages("a Cainiao employee told 36Kr").is_empty());
        assert!(
            stages("closing expected in the third quarter")
                .iter()
                .all(|(s, _)| *s == Planned)
        );
        // "will be integrated" is no cue of a change done.
        assert!(
            !stages("will be integrated into Taotian")
                .iter()
                .any(|(s, _)| *s == Completed)
        );
        assert!(
            !stages("are to be handed over")
                .iter()
                .any(|(s, _)| *s == Completed)
        );
    }

    #[test]
    fn qualifier_words() {
        let q = |text: &str| -> Vec<(Qualifies, String)> {
            qualifiers(&tokens(text))
                .into_iter()
                .map(|q| (q.qualifies, q.word))
                .collect()
        };
        assert_eq!(
            q("maintaining oversight of most warehousing"),
            [
                (Qualifies::Continues, "maintaining".to_owned()),
                (Qualifies::Scope, "most".to_owned())
            ]
        );
        assert_eq!(
            q("it will continue providing"),
            [(Qualifies::Continues, "continue".to_owned())]
        );
        assert_eq!(
            q("next-day delivery in select regions"),
            [(Qualifies::Scope, "select".to_owned())]
        );
        assert!(q("a part in it").is_empty());
    }

    #[test]
    fn tokens_and_sentences() {
        let t = tokens("JD.com’s platform grew 2.1%. It—then—rose.\n\nNew");
        let words: Vec<&str> = t.iter().map(|t| t.word.as_str()).collect();
        assert_eq!(
            words,
            [
                "jd.com", "platform", "grew", "2.1", "it", ",", "then", ",", "rose", "new"
            ]
        );
        assert!(t[0].possessive);
        let sentences: Vec<usize> = t.iter().map(|t| t.sentence).collect();
        assert_eq!(sentences, [0, 0, 0, 0, 1, 1, 1, 1, 1, 2]);
        assert_eq!(
            words_of("Alibaba E-commerce Business Group"),
            ["alibaba", "e", "commerce", "business", "group"]
        );
    }

    fn words_of(s: &str) -> Vec<String> {
        words(s)
    }
}
