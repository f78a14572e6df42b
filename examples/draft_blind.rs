//! The draft measured per kind of record, on the blind texts and on the corpus texts side by
//! side (see BENCHMARKS.md, "Draft: blind set, before any rule change").
//!
//! `cargo run --release --example draft_blind -- [--misses] [BLIND_DIR [FACTS_DIR
//! [ARTICLES_DIR]]]`; the defaults are `tests/fixtures/draft/blind`, `data/articles` and
//! `../shared/articles`. What each draft of BLIND_DIR missed is printed only with `--misses`
//! (for texts already moved to `seen/`), so that measuring a blind set does not show its
//! misses to whoever writes the next rules.
//!
//! A blind text is drafted with every facts file of FACTS_DIR as its corpus; a corpus text with
//! the other facts files of FACTS_DIR, as `draft_eval` does. Entities, numbers, dates and quote
//! attributions are scored by `newsgraph::draft::eval`; this example adds, for both sets:
//!
//! - posts: role, organization and holder (the organization and holder matched as entities are,
//!   by id or by one of their names);
//! - ties: the relations of the hand-written file, one per object, and each organization's
//!   `part_of`, against the draft's relation stubs and `part_of`s; `unit-of`,
//!   `sub-organization-of` and `part_of` all count as "part of";
//! - events: a hand-written event is found by a draft event stub whose sentence holds one of its
//!   evidence quotes (or lies inside one) and whose agents share one of its participants
//!   (agents, original, resulting, from, to, moves; an event without any is found by its
//!   sentence); each stub counts for one event at most, a stub of the same kind first. Beside
//!   it, the events found by their sentence alone. Of the events found: the kind (`transfer`
//!   fits any transfer), the status and the date, where the hand-written file gives them;
//! - quotations: the first eight words of a hand-written quotation against the draft's quotes
//!   and its quotations without a speaker; of those found, how many the draft gives the right
//!   speaker.
//!
//! Below each set's table, counts of where its misses are lost, which show no text's words:
//! a missed post without an entity for its holder or its organization, with another role, or
//! with both ends and no post; a missed organization or person left as a name of unclear
//! kind, named in the text and not proposed, or never named.

use newsgraph::Facts;
use newsgraph::draft::eval::{self, Score, norm};
use newsgraph::draft::{self, Draft, KnownNames};
use newsgraph::facts::corpus::Corpus;
use newsgraph::text::values::When;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Names by record id.
type Names = BTreeMap<String, BTreeSet<String>>;

/// One article's scores.
#[derive(Default, Clone)]
struct Row {
    article: String,
    entities: Score,
    posts: Score,
    ties: Score,
    events: Score,
    events_by_sentence: Score,
    kinds: Ratio,
    statuses: Ratio,
    event_dates: Ratio,
    dates: Score,
    numbers: Score,
    quotations: Score,
    speakers: Ratio,
    /// The quotations found with a wrong speaker or none: "hand speaker / draft speaker: words".
    wrong_speakers: Vec<String>,
    /// Why the hand-written posts were missed, counted (see [`PostMiss`]).
    post_misses: [usize; 4],
    /// The missed posts whose holder and organization the draft has, as "holder role of org".
    unpaired_posts: Vec<String>,
    /// Why the hand-written organizations and people were missed, counted: a name the draft
    /// left as a name of unclear kind, a proper name (one with a capital) the text writes that
    /// the draft did not propose, and none (a description: "its board", "the two founders").
    entity_misses: [usize; 3],
}

/// Why a hand-written post was missed: counts that say which stage loses posts without
/// showing a text's words.
#[derive(Clone, Copy)]
enum PostMiss {
    /// The draft has no entity for its holder.
    NoHolder = 0,
    /// The draft has the holder but no entity for its organization.
    NoOrganization = 1,
    /// The draft has both, and a post of that holder at that organization, with another role.
    OtherRole = 2,
    /// The draft has both, but no post of the holder there.
    NotPaired = 3,
}

/// Right out of those that could be checked.
#[derive(Default, Clone, Copy)]
struct Ratio {
    right: usize,
    of: usize,
}

impl Ratio {
    fn add(&mut self, o: Ratio) {
        self.right += o.right;
        self.of += o.of;
    }
}

fn add(a: &mut Score, b: &Score) {
    a.expected += b.expected;
    a.recalled += b.recalled;
    a.proposed += b.proposed;
    a.correct += b.correct;
}

/// Text compared for containment: quotes, dashes and spacing aside, lowercase.
fn flat(s: &str) -> String {
    s.replace(['’', '‘'], "'")
        .replace(['“', '”'], "\"")
        .replace(['—', '–'], "-")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
        .trim_end_matches(['.', ','])
        .to_owned()
}

/// The first eight words, as `eval` keys quotations.
fn quote_key(text: &str) -> String {
    let s: String = text
        .chars()
        .filter(|c| c.is_alphanumeric() || c.is_whitespace())
        .collect::<String>()
        .to_lowercase();
    s.split_whitespace().take(8).collect::<Vec<_>>().join(" ")
}

/// `UnitTransfer` → `unit-transfer`.
fn kebab(debug: impl std::fmt::Debug) -> String {
    let mut out = String::new();
    for (i, c) in format!("{debug:?}").chars().enumerate() {
        if c.is_uppercase() && i > 0 {
            out.push('-');
        }
        out.extend(c.to_lowercase());
    }
    out
}

/// A role as compared: lowercase, with the chief officers' titles written short wherever
/// they stand ("interim chief financial officer" and "interim CFO" are one role).
fn role(r: &str) -> String {
    let mut r = r.to_lowercase();
    for (long, short) in [
        ("chief executive officer", "ceo"),
        ("chief financial officer", "cfo"),
        ("chief operating officer", "coo"),
        ("chief technology officer", "cto"),
    ] {
        r = r.replace(long, short);
    }
    if r == "chief executive" {
        "ceo".into()
    } else {
        r
    }
}

fn tie_kind(k: &str) -> &str {
    match k {
        "unit-of" | "sub-organization-of" | "part-of" => "part of",
        k => k,
    }
}

/// The quoted value of a stub line `key = "value"`.
fn field<'a>(lines: &'a [String], key: &str) -> Option<&'a str> {
    let prefix = format!("{key} = \"");
    lines
        .iter()
        .find_map(|l| l.strip_prefix(&prefix))
        .and_then(|rest| rest.split('"').next())
}

/// The ids of a stub line `key = ["a", "b"]`.
fn list(lines: &[String], key: &str) -> Vec<String> {
    let prefix = format!("{key} = [");
    lines
        .iter()
        .find_map(|l| l.strip_prefix(&prefix))
        .map(|rest| {
            rest.trim_end_matches(']')
                .split(',')
                .map(|s| s.trim().trim_matches('"').to_owned())
                .filter(|s| !s.is_empty())
                .collect()
        })
        .unwrap_or_default()
}

/// Scores the draft of `text` against `hand` on the kinds `eval` leaves out, and takes the
/// others from `eval`.
fn measure(hand: &Facts, text: &str, corpus: &KnownNames) -> anyhow::Result<Row> {
    let base = eval::evaluate(hand, text, corpus)?;
    let f = hand.file();
    let file_name = f
        .article
        .source
        .as_ref()
        .map_or("article.txt", |s| s.get_ref().as_str());
    let d: Draft = draft::draft(file_name, text, corpus)?;
    let mut row = Row {
        article: base.article.clone(),
        entities: base.entities.clone(),
        dates: base.dates.clone(),
        numbers: base.numbers.clone(),
        ..Row::default()
    };

    // Names of every record a tie or event can name: organizations, people, places.
    let mut hand_names: Names = BTreeMap::new();
    for (id, name, alt) in f
        .organizations
        .iter()
        .map(|o| (&o.id, &o.name, &o.alt_names[..]))
        .chain(f.people.iter().map(|p| (&p.id, &p.name, &p.alt_names[..])))
        .chain(f.places.iter().map(|p| (&p.id, &p.name, &[][..])))
    {
        let names = std::iter::once(name).chain(alt).map(|n| norm(n.get_ref()));
        hand_names.insert(id.get_ref().clone(), names.collect());
    }
    let mut draft_names: Names = BTreeMap::new();
    for e in &d.entities {
        let names = std::iter::once(&e.name)
            .chain(&e.alt_names)
            .map(|n| norm(n));
        draft_names.insert(e.id.clone(), names.collect());
    }
    for p in &d.places {
        draft_names.insert(p.id.clone(), BTreeSet::from([norm(&p.name)]));
    }
    let same = |h: &str, x: &str| {
        h == x
            || match (hand_names.get(h), draft_names.get(x)) {
                (Some(a), Some(b)) => !a.is_disjoint(b),
                _ => false,
            }
    };

    // Why entities were missed.
    let unclear: BTreeSet<String> = d
        .stubs
        .iter()
        .filter(|s| s.what == draft::UNCLEAR_NAME)
        .map(|s| norm(&s.cue))
        .collect();
    for e in f
        .organizations
        .iter()
        .map(|o| (&o.id, &o.name, &o.alt_names[..]))
        .chain(f.people.iter().map(|p| (&p.id, &p.name, &p.alt_names[..])))
    {
        if !base.entities.missed.contains(e.0.get_ref()) {
            continue;
        }
        let names: Vec<&str> = std::iter::once(e.1)
            .chain(e.2)
            .map(|n| n.get_ref().as_str())
            .collect();
        let why = if names.iter().any(|n| unclear.contains(&norm(n))) {
            0
        } else if names.iter().any(|n| {
            n.split_whitespace()
                .any(|w| w.starts_with(char::is_uppercase))
                && text.contains(n)
        }) {
            1
        } else {
            2
        };
        row.entity_misses[why] += 1;
    }

    // Posts.
    let hand_posts: Vec<(String, String, String)> = f
        .posts
        .iter()
        .map(|p| {
            (
                role(p.role.get_ref()),
                p.organization.get_ref().clone(),
                p.holder.get_ref().clone(),
            )
        })
        .collect();
    let draft_posts: Vec<(String, String, String)> = d
        .posts
        .iter()
        .map(|p| (role(&p.role), p.organization.clone(), p.holder.clone()))
        .collect();
    let show = |p: &(String, String, String)| format!("{} {} of {}", p.2, p.0, p.1);
    row.posts = eval::score_between(
        &hand_posts,
        &draft_posts,
        |h, x| h.0 == x.0 && same(&h.1, &x.1) && same(&h.2, &x.2),
        show,
        show,
    );
    let drafted = |h: &str| draft_names.keys().any(|x| same(h, x));
    for h in &hand_posts {
        if draft_posts
            .iter()
            .any(|x| h.0 == x.0 && same(&h.1, &x.1) && same(&h.2, &x.2))
        {
            continue;
        }
        let why = if !drafted(&h.2) {
            PostMiss::NoHolder
        } else if !drafted(&h.1) {
            PostMiss::NoOrganization
        } else if draft_posts
            .iter()
            .any(|x| same(&h.1, &x.1) && same(&h.2, &x.2))
        {
            PostMiss::OtherRole
        } else {
            PostMiss::NotPaired
        };
        row.post_misses[why as usize] += 1;
        if matches!(why, PostMiss::NotPaired) {
            row.unpaired_posts.push(show(h));
        }
    }

    // Ties.
    let mut hand_ties: BTreeSet<(String, String, String)> = BTreeSet::new();
    for r in &f.relations {
        let kind = kebab(r.kind.get_ref());
        for o in &r.object.0 {
            hand_ties.insert((
                r.subject.get_ref().clone(),
                tie_kind(&kind).to_owned(),
                o.get_ref().clone(),
            ));
        }
    }
    for o in &f.organizations {
        if let Some(parent) = &o.part_of {
            hand_ties.insert((
                o.id.get_ref().clone(),
                "part of".into(),
                parent.get_ref().clone(),
            ));
        }
    }
    let mut draft_ties: BTreeSet<(String, String, String)> = BTreeSet::new();
    for s in d.stubs.iter().filter(|s| s.what.starts_with("relation")) {
        if let (Some(subject), Some(kind), Some(object)) = (
            field(&s.lines, "subject"),
            field(&s.lines, "kind"),
            field(&s.lines, "object"),
        ) {
            draft_ties.insert((subject.into(), tie_kind(kind).into(), object.into()));
        }
    }
    for r in &d.relations {
        draft_ties.insert((r.subject.clone(), tie_kind(r.kind).into(), r.object.clone()));
    }
    for e in &d.entities {
        if let Some(parent) = &e.part_of {
            draft_ties.insert((e.id.clone(), "part of".into(), parent.clone()));
        }
    }
    let hand_ties: Vec<_> = hand_ties.into_iter().collect();
    let draft_ties: Vec<_> = draft_ties.into_iter().collect();
    let show = |t: &(String, String, String)| format!("{} {} {}", t.0, t.1, t.2);
    row.ties = eval::score_between(
        &hand_ties,
        &draft_ties,
        |h, x| h.1 == x.1 && same(&h.0, &x.0) && same(&h.2, &x.2),
        show,
        show,
    );

    // Events, one stub for one event at most.
    struct Stub {
        kind: String,
        sentence: String,
        agents: Vec<String>,
        date: Option<String>,
        status: Option<String>,
    }
    let stubs: Vec<Stub> = d
        .stubs
        .iter()
        .filter(|s| s.what.starts_with("event"))
        .map(|s| Stub {
            kind: field(&s.lines, "kind").unwrap_or_default().to_owned(),
            sentence: flat(&text[s.at.clone()]),
            agents: list(&s.lines, "agents"),
            date: field(&s.lines, "date").map(str::to_owned),
            status: field(&s.lines, "status").map(str::to_owned),
        })
        .collect();
    let fits = |hand_kind: &str, stub_kind: &str| {
        hand_kind == stub_kind || (stub_kind == "transfer" && hand_kind.ends_with("transfer"))
    };
    // Each stub counts for one event at most; stubs of the event's kind are tried first.
    let assign = |by_participants: bool| {
        let mut taken = vec![false; stubs.len()];
        let mut found: Vec<Option<usize>> = vec![None; f.events.len()];
        for same_kind in [true, false] {
            for (i, e) in f.events.iter().enumerate() {
                if found[i].is_some() {
                    continue;
                }
                let kind = kebab(e.kind.get_ref());
                let quotes: Vec<String> = e.evidence.0.iter().map(|q| flat(q.get_ref())).collect();
                let participants: Vec<&String> = [&e.agents, &e.original, &e.resulting]
                    .into_iter()
                    .chain([&e.from, &e.to, &e.moves])
                    .flatten()
                    .map(|t| t.get_ref())
                    .collect();
                let hit = stubs.iter().enumerate().position(|(j, s)| {
                    !taken[j]
                        && (!same_kind || fits(&kind, &s.kind))
                        && quotes
                            .iter()
                            .any(|q| s.sentence.contains(q.as_str()) || q.contains(&s.sentence))
                        && (!by_participants
                            || participants.is_empty()
                            || participants
                                .iter()
                                .any(|p| s.agents.iter().any(|a| same(p, a))))
                });
                if let Some(j) = hit {
                    taken[j] = true;
                    found[i] = Some(j);
                }
            }
        }
        (taken, found)
    };
    let (loose_taken, loose_found) = assign(false);
    row.events_by_sentence = Score {
        expected: f.events.len(),
        recalled: loose_found.iter().flatten().count(),
        proposed: stubs.len(),
        correct: loose_taken.iter().filter(|t| **t).count(),
        ..Score::default()
    };
    let (taken, found) = assign(true);
    row.events = Score {
        expected: f.events.len(),
        recalled: found.iter().flatten().count(),
        proposed: stubs.len(),
        correct: taken.iter().filter(|t| **t).count(),
        ..Score::default()
    };
    for (i, e) in f.events.iter().enumerate() {
        let kind = kebab(e.kind.get_ref());
        let Some(j) = found[i] else {
            row.events
                .missed
                .push(format!("{} ({kind})", e.id.get_ref()));
            continue;
        };
        let s = &stubs[j];
        row.kinds.of += 1;
        row.kinds.right += usize::from(fits(&kind, &s.kind));
        if let Some(status) = &e.status {
            row.statuses.of += 1;
            row.statuses.right +=
                usize::from(s.status.as_deref() == Some(kebab(status.get_ref()).as_str()));
        }
        let date = match e.date.get_ref() {
            When::Unknown => None,
            When::On(d) => Some(d.to_string()),
            When::By(d) => Some(format!("by {d}")),
        };
        if let Some(date) = date {
            row.event_dates.of += 1;
            row.event_dates.right += usize::from(s.date.as_deref() == Some(date.as_str()));
        }
    }
    for (j, s) in stubs.iter().enumerate() {
        if !taken[j] {
            let words: Vec<&str> = s.sentence.split_whitespace().take(8).collect();
            row.events
                .extra
                .push(format!("{} (“{} …”)", s.kind, words.join(" ")));
        }
    }

    // Quotations, and their speakers.
    let hand_quotes: Vec<(String, String)> = f
        .quotes
        .iter()
        .map(|q| (quote_key(q.text.get_ref()), q.speaker.get_ref().clone()))
        .collect();
    let mut draft_quotes: Vec<(String, Option<String>)> = d
        .quotes
        .iter()
        .map(|q| (quote_key(&q.text), Some(q.speaker.clone())))
        .collect();
    for s in d.stubs.iter().filter(|s| s.what.starts_with("quotation")) {
        let words = s.lines.first().map_or("", |l| l.as_str());
        let inner = words.split(['“', '”']).nth(1).unwrap_or("");
        draft_quotes.push((quote_key(inner.trim_end_matches(" …")), None));
    }
    let words = |a: &str, b: &str| !a.is_empty() && (a.starts_with(b) || b.starts_with(a));
    row.quotations = eval::score_between(
        &hand_quotes,
        &draft_quotes,
        |h, x| words(&h.0, &x.0),
        |h| format!("{}: “{}…”", h.1, h.0),
        |x| format!("{}: “{}…”", x.1.as_deref().unwrap_or("?"), x.0),
    );
    for h in &hand_quotes {
        if draft_quotes.iter().any(|x| words(&h.0, &x.0)) {
            row.speakers.of += 1;
            let right = draft_quotes
                .iter()
                .any(|x| words(&h.0, &x.0) && x.1.as_ref().is_some_and(|sp| same(&h.1, sp)));
            row.speakers.right += usize::from(right);
            if !right {
                let drafted = draft_quotes
                    .iter()
                    .find(|x| words(&h.0, &x.0))
                    .and_then(|x| x.1.clone());
                row.wrong_speakers.push(format!(
                    "{} / {}: “{}…”",
                    h.1,
                    drafted.as_deref().unwrap_or("?"),
                    h.0
                ));
            }
        }
    }
    Ok(row)
}

fn read(path: &Path) -> anyhow::Result<String> {
    std::fs::read_to_string(path).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))
}

fn facts_in(dir: &Path) -> anyhow::Result<Vec<(PathBuf, Facts)>> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| anyhow::anyhow!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|p| Ok((p.clone(), Facts::read(&p)?)))
        .collect()
}

fn pct(right: usize, of: usize) -> String {
    if of == 0 {
        "–".into()
    } else {
        format!("{:.0}%", right as f64 * 100.0 / of as f64)
    }
}

fn rp(s: &Score) -> String {
    format!(
        "{} ({}/{}) / {} ({}/{})",
        pct(s.recalled, s.expected),
        s.recalled,
        s.expected,
        pct(s.correct, s.proposed),
        s.correct,
        s.proposed
    )
}

fn ratio(r: Ratio) -> String {
    format!("{} ({}/{})", pct(r.right, r.of), r.right, r.of)
}

fn total(rows: &[Row], name: &str) -> Row {
    let mut t = Row {
        article: name.into(),
        ..Row::default()
    };
    for r in rows {
        add(&mut t.entities, &r.entities);
        add(&mut t.posts, &r.posts);
        add(&mut t.ties, &r.ties);
        add(&mut t.events, &r.events);
        add(&mut t.events_by_sentence, &r.events_by_sentence);
        t.kinds.add(r.kinds);
        t.statuses.add(r.statuses);
        t.event_dates.add(r.event_dates);
        add(&mut t.dates, &r.dates);
        add(&mut t.numbers, &r.numbers);
        add(&mut t.quotations, &r.quotations);
        t.speakers.add(r.speakers);
        for (a, b) in t.post_misses.iter_mut().zip(r.post_misses) {
            *a += b;
        }
        for (a, b) in t.entity_misses.iter_mut().zip(r.entity_misses) {
            *a += b;
        }
    }
    t
}

fn table(title: &str, rows: &[Row]) {
    println!("{title}\n");
    println!(
        "| article | entities R / P | posts R / P | ties R / P | events R / P | event kind right | status right | event date right | dates R / P | numbers R / P | quotations R / P | speaker right |"
    );
    println!("|---|---|---|---|---|---|---|---|---|---|---|---|");
    let all = total(rows, "**all**");
    for r in rows.iter().chain((rows.len() > 1).then_some(&all)) {
        println!(
            "| {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |",
            r.article,
            rp(&r.entities),
            rp(&r.posts),
            rp(&r.ties),
            rp(&r.events),
            ratio(r.kinds),
            ratio(r.statuses),
            ratio(r.event_dates),
            rp(&r.dates),
            rp(&r.numbers),
            rp(&r.quotations),
            ratio(r.speakers),
        );
    }
    let [unclear, named, described] = all.entity_misses;
    println!(
        "\nOrganizations and people missed: {unclear} left as names of unclear kind, {named} \
         named in the text but not proposed, {described} never named (described)."
    );
    let [holder, organization, role, paired] = all.post_misses;
    println!(
        "\nPosts missed: {holder} with no entity for the holder, {organization} with the holder but \
         no entity for the organization, {role} with both and another role, {paired} with both \
         and no post of the holder there."
    );
    println!();
}

fn misses(rows: &[Row]) {
    for r in rows {
        println!("{}:", r.article);
        for (what, s) in [
            ("entities", &r.entities),
            ("posts", &r.posts),
            ("ties", &r.ties),
            ("events", &r.events),
            ("dates", &r.dates),
            ("numbers", &r.numbers),
            ("quotations", &r.quotations),
        ] {
            if !s.missed.is_empty() {
                println!("- {what} missed: {}", s.missed.join("; "));
            }
            if !s.extra.is_empty() {
                println!(
                    "- {what} not in the hand-written file: {}",
                    s.extra.join("; ")
                );
            }
        }
        if !r.unpaired_posts.is_empty() {
            println!(
                "- posts missed with both holder and organization drafted: {}",
                r.unpaired_posts.join("; ")
            );
        }
        if !r.wrong_speakers.is_empty() {
            println!(
                "- speakers wrong (hand-written / drafted): {}",
                r.wrong_speakers.join("; ")
            );
        }
        println!();
    }
}

fn main() -> anyhow::Result<()> {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let show_misses = args.iter().any(|a| a == "--misses");
    args.retain(|a| a != "--misses");
    let mut args = args.into_iter();
    let blind = PathBuf::from(
        args.next()
            .unwrap_or_else(|| "tests/fixtures/draft/blind".into()),
    );
    let facts_dir = PathBuf::from(args.next().unwrap_or_else(|| "data/articles".into()));
    let articles = PathBuf::from(args.next().unwrap_or_else(|| "../shared/articles".into()));

    let corpus_facts = facts_in(&facts_dir)?;
    let whole = Corpus::from_facts(corpus_facts.iter().map(|(_, f)| f));
    let mut blind_rows = Vec::new();
    for (facts, text) in eval::cases(&blind, &blind)? {
        let hand = Facts::read(&facts)?;
        blind_rows.push(measure(&hand, &read(&text)?, &KnownNames::new(&whole))?);
    }
    if blind_rows.is_empty() {
        anyhow::bail!(
            "no facts file in {} names a text beside it",
            blind.display()
        );
    }
    let mut corpus_rows = Vec::new();
    if articles.is_dir() {
        for (path, text) in eval::cases(&facts_dir, &articles)? {
            let others = Corpus::from_facts(
                corpus_facts
                    .iter()
                    .filter(|(p, _)| *p != path)
                    .map(|(_, f)| f),
            );
            let hand = &corpus_facts
                .iter()
                .find(|(p, _)| *p == path)
                .expect("read")
                .1;
            corpus_rows.push(measure(hand, &read(&text)?, &KnownNames::new(&others))?);
        }
    }

    table(
        &format!(
            "Blind texts ({}), drafted with {} as corpus:",
            blind.display(),
            facts_dir.display()
        ),
        &blind_rows,
    );
    if corpus_rows.is_empty() {
        println!("(no corpus text found in {})\n", articles.display());
    } else {
        table(
            &format!(
                "Corpus texts ({}), each drafted with the other facts files as corpus:",
                articles.display()
            ),
            &corpus_rows,
        );
    }

    let (b, c) = (total(&blind_rows, "blind"), total(&corpus_rows, "corpus"));
    println!("| kind | blind R / P | corpus R / P |");
    println!("|---|---|---|");
    for (what, x, y) in [
        ("entities", &b.entities, &c.entities),
        ("posts", &b.posts, &c.posts),
        ("ties", &b.ties, &c.ties),
        ("events", &b.events, &c.events),
        (
            "events, by sentence alone",
            &b.events_by_sentence,
            &c.events_by_sentence,
        ),
        ("dates", &b.dates, &c.dates),
        ("numbers", &b.numbers, &c.numbers),
        ("quotations", &b.quotations, &c.quotations),
    ] {
        println!("| {what} | {} | {} |", rp(x), rp(y));
    }
    for (what, x, y) in [
        ("event kind right, of events found", b.kinds, c.kinds),
        (
            "status right, of events found with one",
            b.statuses,
            c.statuses,
        ),
        (
            "event date right, of events found with one",
            b.event_dates,
            c.event_dates,
        ),
        ("speaker right, of quotations found", b.speakers, c.speakers),
    ] {
        println!("| {what} | {} | {} |", ratio(x), ratio(y));
    }
    if show_misses {
        println!("\nWhat each blind draft missed, and proposed beyond the hand-written file:\n");
        misses(&blind_rows);
    } else {
        // Measuring must not teach: a set's misses are read once it has left the blind set.
        println!(
            "\nWhat each draft of {} missed is not printed: give --misses once its texts are no longer blind.\n",
            blind.display()
        );
    }
    if !corpus_rows.is_empty() {
        println!("What each corpus draft missed, and proposed beyond the hand-written file:\n");
        misses(&corpus_rows);
    }
    Ok(())
}
