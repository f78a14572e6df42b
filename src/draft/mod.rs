//! Drafting a facts file from an article's text.
//!
//! [`draft`] reads a text, separates the article from page noise ([`layout`]), cuts it into
//! sentences ([`segment`]), and proposes records: organizations and people found by name and
//! matched against the known entities of a corpus ([`known`], [`names`], [`units`],
//! [`sources`], gathered in [`found`]), posts ([`roles`]),
//! numbers ([`numbers`]), dates ([`dates`]), quoted speech ([`speech`]), ties read by the
//! reader of sentence structure `check --source` shares ([`ties`]), and events and the ties
//! it cannot read as commented-out stubs ([`cues`]). Every proposal quotes its sentence or clause,
//! checked with the same locator `verify` uses, and a record that `check --source` would
//! reject becomes a comment ([`checked`]). [`write`](mod@write) turns the result into a facts file;
//! [`eval`] scores a draft against a hand-written facts file.
//!
//! Everything is rule-based and deterministic: the same text and corpus give the same draft.

pub mod checked;
pub mod cues;
pub mod dates;
pub mod eval;
pub mod found;
pub mod given;
pub mod ids;
pub mod input;
pub mod known;
pub mod layout;
pub mod names;
pub mod numbers;
pub mod places;
pub mod roles;
pub mod segment;
pub mod sources;
pub mod speech;
pub mod ties;
pub mod units;
pub mod write;

pub use input::DraftError;
pub use known::KnownNames;

use crate::facts::OrgKind;
use crate::text::article::ArticleText;
use std::ops::Range;
use std::path::PathBuf;

/// What a proposed entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntityKind {
    /// An `[[organization]]` of this kind.
    Organization(OrgKind),
    /// A `[[person]]`; `true` for a source the text does not name.
    Person {
        /// A source the text does not name.
        anonymous: bool,
    },
}

impl EntityKind {
    /// Whether this is a person.
    pub fn is_person(self) -> bool {
        matches!(self, EntityKind::Person { .. })
    }
}

/// A proposed organization or person.
#[derive(Debug, Clone)]
pub struct Entity {
    /// Record id: the corpus's id when known, else a new one.
    pub id: String,
    /// The name: the corpus's name when known, else as the text writes it.
    pub name: String,
    /// Other names the text uses for it.
    pub alt_names: Vec<String>,
    /// Organization or person.
    pub kind: EntityKind,
    /// `true` when the id comes from the corpus.
    pub reused: bool,
    /// The containing organization, when the corpus says so and it is in the draft too.
    pub part_of: Option<String>,
    /// How it was found, for the comment above the record.
    pub why: String,
    /// Byte range of its first mention.
    pub first: Range<usize>,
    /// The quote stating it.
    pub evidence: String,
    /// Further quotes, each with where it was taken, so that every name the record gives is
    /// in one of its quotes.
    pub also: Vec<Quoted>,
}

/// A proposed post: a person's position in an organization.
#[derive(Debug, Clone)]
pub struct Post {
    /// Record id.
    pub id: String,
    /// The role, `CEO` for chief executives.
    pub role: String,
    /// Organization id.
    pub organization: String,
    /// Person id.
    pub holder: String,
    /// Whether the role heads the organization.
    pub head: bool,
    /// The words it was found in.
    pub found: String,
    /// Byte range of the match.
    pub at: Range<usize>,
    /// The quote stating it.
    pub evidence: String,
    /// A further quote naming the organization, with where it was taken, when the post's own
    /// sentence leaves it to be understood ("X, CFO since 2017, is leaving").
    pub also: Vec<Quoted>,
}

/// What a number counts, in the terms of the evaluation.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Unit {
    /// A percentage.
    Percent,
    /// Money in this ISO 4217 currency.
    Money(String),
    /// A count of things.
    Count,
    /// A position in a ranking.
    Rank,
    /// Days.
    Days,
    /// A duration in another unit: hours, years.
    Duration(String),
}

/// A proposed number.
#[derive(Debug, Clone)]
pub struct Number {
    /// The value in the facts file's amount syntax: `30%`, `>400`, `EUR 2`, `USD 3.1-5.2`.
    pub amount: String,
    /// What it counts.
    pub unit: Unit,
    /// "more than", "about", "up to": the bound the text gives, if any.
    pub bound: Option<String>,
    /// The words of the text.
    pub expression: String,
    /// The measure kind that fits (`revenue-growth`, `headcount`), if the facts model has
    /// one; without one the number is a stub.
    pub kind: Option<&'static str>,
    /// Id of the record it measures.
    pub of: Option<String>,
    /// Record id, when it becomes a measure.
    pub id: String,
    /// Byte range of the expression.
    pub at: Range<usize>,
    /// The quote stating it.
    pub evidence: String,
}

/// A proposed date or time expression.
#[derive(Debug, Clone)]
pub struct DateMention {
    /// The date at the precision the text gives (`2023-09`), when it names one.
    pub date: Option<crate::text::values::Date>,
    /// "by", "since", "until", "in", "on": how the text places it, if it does.
    pub qualifier: Option<String>,
    /// The words of the text: "September 2023", "11 years ago".
    pub expression: String,
    /// Byte range of the expression.
    pub at: Range<usize>,
    /// The quote stating it.
    pub evidence: String,
}

/// A proposed quotation.
#[derive(Debug, Clone)]
pub struct Quote {
    /// Record id.
    pub id: String,
    /// Person id of the speaker.
    pub speaker: String,
    /// The quoted words, as printed.
    pub text: String,
    /// How it was said: "told 36Kr".
    pub context: Option<String>,
    /// Byte range of the quoted words.
    pub at: Range<usize>,
    /// The attribution, quoted from the text.
    pub evidence: String,
    /// Further quotes, each with where it was taken, when the attribution names the speaker
    /// by a role only ("the chief executive said"): the words that give that person the role.
    pub also: Vec<Quoted>,
}

/// A further quote of a record, with where it was taken: the words that name what the
/// record's own quote leaves understood.
pub type Quoted = (String, Range<usize>);

/// The `what` of a [`Stub`] for a name the draft cannot tell the kind of (organization,
/// person or place).
pub const UNCLEAR_NAME: &str = "name of unclear kind";

/// A commented-out proposal left for a person to decide: an event, a relation, a name of
/// unclear kind, a number without a measure kind, quoted words without a speaker.
#[derive(Debug, Clone)]
pub struct Stub {
    /// What it is, one line: `event (transfer)`, `relation (reports-to)`.
    pub what: String,
    /// The cue that raised it: "integrated into".
    pub cue: String,
    /// Commented-out TOML lines of the record, without the leading `# `.
    pub lines: Vec<String>,
    /// Byte range of the sentence.
    pub at: Range<usize>,
}

/// The article's own metadata, as found.
#[derive(Debug, Clone, Default)]
pub struct ArticleMeta {
    /// Record id of the article, from the file name.
    pub id: String,
    /// The headline.
    pub title: Option<String>,
    /// Publisher id.
    pub publisher: Option<String>,
    /// How the publisher was chosen, for the comment.
    pub publisher_why: String,
    /// The organization that first published the text, when it says so.
    pub original_publisher: Option<String>,
    /// Author id, when a byline names a person.
    pub author: Option<String>,
    /// Organizations the text says it is based on.
    pub based_on: Vec<String>,
    /// The publication date, when given.
    pub published: Option<crate::text::values::Date>,
    /// The article's file name.
    pub source: String,
    /// Quotes for the article record: the headline, the byline.
    pub evidence: Vec<String>,
}

/// A drafted facts file, before it is written.
#[derive(Debug, Clone)]
pub struct Draft {
    /// The article record.
    pub article: ArticleMeta,
    /// Organizations and people, in order of first mention.
    pub entities: Vec<Entity>,
    /// Places named beside an organization, in order of first mention.
    pub places: Vec<places::Place>,
    /// Posts.
    pub posts: Vec<Post>,
    /// Ties between the entities.
    pub relations: Vec<ties::Relation>,
    /// Numbers: with a measure kind they become `[[measure]]` records, else stubs.
    pub numbers: Vec<Number>,
    /// Dates and time expressions, written as comments.
    pub dates: Vec<DateMention>,
    /// Quotations with a speaker.
    pub quotes: Vec<Quote>,
    /// Commented-out proposals.
    pub stubs: Vec<Stub>,
}

impl Draft {
    /// The entity with this id.
    pub fn entity(&self, id: &str) -> Option<&Entity> {
        self.entities.iter().find(|e| e.id == id)
    }

    /// Every evidence quote the records of the draft carry (not the stubs').
    pub fn evidence(&self) -> Vec<&str> {
        let mut all: Vec<&str> = self.article.evidence.iter().map(String::as_str).collect();
        for e in &self.entities {
            all.push(e.evidence.as_str());
            all.extend(e.also.iter().map(|(q, _)| q.as_str()));
        }
        all.extend(self.places.iter().map(|p| p.evidence.as_str()));
        for p in &self.posts {
            all.push(p.evidence.as_str());
            all.extend(p.also.iter().map(|(q, _)| q.as_str()));
        }
        all.extend(self.relations.iter().map(|r| r.evidence.as_str()));
        all.extend(
            self.numbers
                .iter()
                .filter(|n| n.is_measure())
                .map(|n| n.evidence.as_str()),
        );
        for q in &self.quotes {
            all.push(q.evidence.as_str());
            all.extend(q.also.iter().map(|(q, _)| q.as_str()));
        }
        all
    }
}

impl Number {
    /// Whether the number becomes a `[[measure]]` record (it has a kind and a subject).
    pub fn is_measure(&self) -> bool {
        self.kind.is_some() && self.of.is_some()
    }
}

/// Builds the patterns of the stages after the names on a second thread, once a process,
/// while the first stages read the text: building the rules' patterns is most of the time of
/// a single draft, and the first stages need only their own.
fn build_patterns_aside() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        std::thread::spawn(|| {
            roles::build_patterns();
            speech::build_patterns();
            numbers::build_patterns();
            dates::build_patterns();
            cues::build_patterns();
            places::build_patterns();
        });
    });
}

/// Drafts the facts of the article `text`, read from a file named `file_name`, reusing the
/// ids of `corpus`.
pub fn draft(file_name: &str, text: &str, corpus: &KnownNames) -> Result<Draft, DraftError> {
    build_patterns_aside();
    let layout = layout::read(text);
    let sentences = segment::sentences(text, &layout.body);
    if sentences.is_empty() {
        return Err(DraftError::NoSentences(file_name.to_owned()));
    }
    let doc = segment::Doc::new(text, sentences);
    let mut found = names::find(&doc, corpus);
    units::find(&doc, corpus, &mut found);
    units::apposed_parts(&doc, &mut found);
    let posts = roles::find(&doc, &found);
    let quotes = speech::find(&doc, &layout.body, &posts, &mut found);
    let numbers = numbers::find(&doc, &found);
    let dates = dates::find(&doc);
    let article = layout::article(&doc, &layout, file_name, &mut found);
    let stubs = cues::find(&doc, &found, &dates, article.published);
    found.sort();
    names::quote_every_name(&doc, &mut found);
    let ties::Read {
        relations,
        planned,
        posts: read_posts,
    } = ties::find(&doc, &found, &dates);
    let (places, where_orgs_are) = places::find(&doc, &found);
    let mut relations = relations;
    relations.extend(where_orgs_are);
    // A post the reader of structure reads that the patterns of roles did not find, in full
    // or in part ("director" where they found "director of operations").
    let mut posts = posts;
    for p in read_posts {
        let within = |q: &Post| format!(" {} ", q.role).contains(&format!(" {} ", p.role));
        let same = |q: &Post| q.holder == p.holder && q.organization == p.organization && within(q);
        if !posts.iter().any(same) {
            posts.push(p);
        }
    }
    roles::handed_over(&doc, &found, &mut posts);
    // A tie the reader reads replaces the stub the cue words raised for it.
    let read: std::collections::BTreeSet<String> = relations
        .iter()
        .map(|r| format!("id = \"{}\"", r.id))
        .chain(planned.iter().filter_map(|s| s.lines.get(1).cloned()))
        .collect();
    let stubs = stubs
        .into_iter()
        .filter(|s| !(s.what.starts_with("relation") && s.lines.iter().any(|l| read.contains(l))));
    let mut draft = Draft {
        article,
        entities: found.entities,
        places,
        posts,
        relations,
        numbers,
        dates,
        quotes,
        stubs: found
            .stubs
            .into_iter()
            .chain(planned)
            .chain(stubs)
            .collect(),
    };
    dedup(&mut draft);
    keep_found_quotes(&mut draft, text);
    assign_ids(&mut draft);
    checked::hold_to_check(&mut draft, text);
    Ok(draft)
}

/// One proposal for the same words in the same sentence (a text repeated, say).
fn dedup(draft: &mut Draft) {
    let mut seen = std::collections::BTreeSet::new();
    draft
        .numbers
        .retain(|n| seen.insert((n.amount.clone(), n.unit.clone(), n.evidence.clone())));
    let mut seen = std::collections::BTreeSet::new();
    draft
        .dates
        .retain(|d| seen.insert((d.expression.clone(), d.evidence.clone())));
    let mut seen = std::collections::BTreeSet::new();
    draft.stubs.retain(|s| {
        let key: Vec<&String> = s.lines.iter().filter(|l| !l.starts_with("id = ")).collect();
        seen.insert(format!("{}{key:?}", s.what))
    });
}

/// Ids for measures, and unique ids for posts and quotes next to the entities'.
fn assign_ids(draft: &mut Draft) {
    let mut ids = ids::Ids::new(
        draft
            .entities
            .iter()
            .map(|e| e.id.clone())
            .chain(draft.places.iter().map(|p| p.id.clone())),
    );
    ids.take(&draft.article.id);
    for p in &mut draft.posts {
        p.id = ids.fresh(&p.id);
    }
    for r in &mut draft.relations {
        r.id = ids.fresh(&r.id);
    }
    for n in draft.numbers.iter_mut().filter(|n| n.is_measure()) {
        let kind = n.kind.expect("a measure");
        let of = n.of.as_deref().unwrap_or("article");
        n.id = ids.fresh(&format!("{of}-{kind}"));
    }
    for q in &mut draft.quotes {
        q.id = ids.fresh(&q.id);
    }
}

/// How far from a record's words its quote is looked for, in bytes.
const NEAR: usize = 4096;

/// Drops every record whose evidence the locator cannot find (none should be), and the
/// records that name a dropped one, so the draft always passes `verify`.
fn keep_found_quotes(draft: &mut Draft, text: &str) {
    // The article's own quotes (headline, byline) are looked for in the whole text; a record's
    // quote in the text around where it was taken, which keeps a long text linear. What the
    // locator finds in a part of the text, it finds in the whole.
    let whole = ArticleText::new(PathBuf::new(), text.to_owned());
    draft.article.evidence.retain(|q| whole.find(q).is_some());
    let found = |quote: &str, at: &Range<usize>| {
        let from = segment::floor(text, at.start.saturating_sub(NEAR));
        let to = segment::ceil(text, at.end.saturating_add(NEAR));
        ArticleText::new(PathBuf::new(), text[from..to].to_owned())
            .find(quote)
            .is_some()
    };
    draft.entities.retain(|e| found(&e.evidence, &e.first));
    for e in &mut draft.entities {
        e.also.retain(|(q, at)| found(q, at));
    }
    draft.places.retain(|p| found(&p.evidence, &p.at));
    let ids: std::collections::BTreeSet<String> = draft
        .entities
        .iter()
        .map(|e| e.id.clone())
        .chain(draft.places.iter().map(|p| p.id.clone()))
        .collect();
    draft.posts.retain(|p| {
        found(&p.evidence, &p.at)
            && p.also.iter().all(|(q, at)| found(q, at))
            && ids.contains(&p.organization)
            && ids.contains(&p.holder)
    });
    draft.relations.retain(|r| {
        found(&r.evidence, &r.at) && ids.contains(&r.subject) && ids.contains(&r.object)
    });
    for n in &mut draft.numbers {
        if n.of.as_ref().is_some_and(|of| !ids.contains(of)) || !found(&n.evidence, &n.at) {
            n.of = None;
        }
    }
    draft.quotes.retain(|q| {
        found(&q.evidence, &q.at)
            && q.also.iter().all(|(q, at)| found(q, at))
            && ids.contains(&q.speaker)
    });
    let a = &mut draft.article;
    if a.publisher.as_ref().is_some_and(|p| !ids.contains(p)) {
        a.publisher = None;
    }
    if a.author.as_ref().is_some_and(|p| !ids.contains(p)) {
        a.author = None;
    }
    if a.original_publisher
        .as_ref()
        .is_some_and(|p| !ids.contains(p))
    {
        a.original_publisher = None;
    }
    a.based_on.retain(|o| ids.contains(o));
}
