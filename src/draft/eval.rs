//! How good a draft is: the draft of an article against its hand-written facts file.
//!
//! For each article, recall (what the hand-written file has that the draft proposes) and
//! precision (what the draft proposes that the hand-written file has) of entity names, of
//! numbers (value and unit), of dates and of quote attributions (speaker and words); the share
//! of the corpus's ids the draft reuses; and the share of evidence quotes the locator finds.
//! Over a directory of facts files, each article is drafted with the other files as its
//! corpus, so no article is helped by its own facts.

use super::{DraftError, KnownNames, Unit};
use crate::facts::corpus::Corpus;
use crate::facts::{Facts, MeasureKind};
use crate::text::article::ArticleText;
use crate::text::values::{Amount, Boundary, Date, When};
use crate::text::words::swapped;
use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// Recall and precision of one kind of proposal.
#[derive(Debug, Clone, Default)]
pub struct Score {
    /// How many the hand-written file has.
    pub expected: usize,
    /// How many of those the draft has.
    pub recalled: usize,
    /// How many the draft proposes.
    pub proposed: usize,
    /// How many of those the hand-written file has.
    pub correct: usize,
    /// What the draft missed.
    pub missed: Vec<String>,
    /// What the draft proposed that the hand-written file does not have.
    pub extra: Vec<String>,
}

impl Score {
    /// Recalled over expected; `None` when nothing is expected.
    pub fn recall(&self) -> Option<f64> {
        (self.expected > 0).then(|| self.recalled as f64 / self.expected as f64)
    }

    /// Correct over proposed; `None` when nothing is proposed.
    pub fn precision(&self) -> Option<f64> {
        (self.proposed > 0).then(|| self.correct as f64 / self.proposed as f64)
    }

    fn add(&mut self, other: &Score) {
        self.expected += other.expected;
        self.recalled += other.recalled;
        self.proposed += other.proposed;
        self.correct += other.correct;
    }
}

/// The evaluation of one article's draft.
#[derive(Debug, Clone, Default)]
pub struct Evaluation {
    /// The article id.
    pub article: String,
    /// Organizations and people.
    pub entities: Score,
    /// Numbers: value and unit.
    pub numbers: Score,
    /// Dates.
    pub dates: Score,
    /// Quotations: speaker and words.
    pub quotes: Score,
    /// Entities of the hand-written file whose id the corpus has.
    pub reusable: usize,
    /// Of those, how many the draft proposes under that id.
    pub reused: usize,
    /// Of those, the ones the draft proposes under a new id (duplicates).
    pub duplicated: Vec<String>,
    /// Entities of the hand-written file whose id the corpus has under a name this text uses:
    /// the ones a draft can reuse from the text alone.
    pub findable: usize,
    /// Of those, how many the draft proposes under that id.
    pub findable_reused: usize,
    /// Evidence quotes of the draft's records.
    pub evidence: usize,
    /// Of those, how many the locator finds in the text.
    pub evidence_found: usize,
    /// Time to draft, in microseconds.
    pub micros: u128,
}

/// A name as the evaluation compares names: case, spacing, curly apostrophes, "the",
/// "unnamed" and "'s" aside.
pub fn norm(name: &str) -> String {
    let mut s = name
        .replace(['’', '‘'], "'")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    for prefix in ["the ", "unnamed "] {
        if let Some(rest) = s.strip_prefix(prefix) {
            s = rest.to_owned();
        }
    }
    s.replace("'s ", " ").trim_end_matches("'s").to_owned()
}

fn quote_key(text: &str) -> String {
    let s: String = text
        .chars()
        .filter(|c| c.is_alphanumeric() || c.is_whitespace())
        .collect::<String>()
        .to_lowercase();
    s.split_whitespace().take(8).collect::<Vec<_>>().join(" ")
}

/// Drafts `text` and scores the draft against the hand-written `facts`.
pub fn evaluate(facts: &Facts, text: &str, corpus: &KnownNames) -> Result<Evaluation, DraftError> {
    let f = facts.file();
    let file_name = f
        .article
        .source
        .as_ref()
        .map_or("article.txt".to_owned(), |s| s.get_ref().clone());
    let started = Instant::now();
    let draft = super::draft(&file_name, text, corpus)?;
    let micros = started.elapsed().as_micros();
    let mut e = Evaluation {
        article: facts.article_id().to_owned(),
        micros,
        ..Evaluation::default()
    };

    // Entities.
    type Named = (String, BTreeSet<String>);
    let hand: Vec<Named> = f
        .organizations
        .iter()
        .map(|o| (&o.id, &o.name, &o.alt_names))
        .chain(f.people.iter().map(|p| (&p.id, &p.name, &p.alt_names)))
        .map(|(id, name, alt)| {
            let names = std::iter::once(name)
                .chain(alt)
                .map(|n| norm(n.get_ref()))
                .collect();
            (id.get_ref().clone(), names)
        })
        .collect();
    let drafted: Vec<Named> = draft
        .entities
        .iter()
        .map(|d| {
            let names = std::iter::once(&d.name)
                .chain(&d.alt_names)
                .map(|n| norm(n))
                .collect();
            (d.id.clone(), names)
        })
        .collect();
    let same = |a: &Named, b: &Named| a.0 == b.0 || !a.1.is_disjoint(&b.1);
    e.entities = score(&hand, &drafted, same, |n| n.0.clone());
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for h in &hand {
        if let Some(known) = corpus.get(&h.0) {
            e.reusable += 1;
            let reused = drafted.iter().any(|d| d.0 == h.0);
            if reused {
                e.reused += 1;
            } else if let Some(d) = drafted.iter().find(|d| same(h, d)) {
                e.duplicated.push(format!("{} as {}", h.0, d.0));
            }
            let named = known
                .all_names()
                .flat_map(|n| std::iter::once(n.clone()).chain(swapped(n)))
                .any(|n| flat.contains(&n));
            if named {
                e.findable += 1;
                e.findable_reused += usize::from(reused);
            }
        }
    }

    // Numbers: value and unit.
    type Num = (String, Option<String>, Unit);
    let value = |a: &Amount| {
        (
            norm_decimal(a.low.as_str()),
            a.high.as_ref().map(|h| norm_decimal(h.as_str())),
        )
    };
    let mut hand_numbers: Vec<Num> = Vec::new();
    for m in &f.measures {
        let v = m.value.get_ref();
        let unit = if v.percent {
            Unit::Percent
        } else if let Some(currency) = &v.currency {
            Unit::Money(currency.clone())
        } else if *m.kind.get_ref() == MeasureKind::Rank {
            Unit::Rank
        } else {
            Unit::Count
        };
        let (low, high) = value(m.value.get_ref());
        hand_numbers.push((low, high, unit));
    }
    for o in &f.offers {
        for price in std::iter::once(&o.price).chain(&o.equivalent) {
            let (low, high) = value(price.get_ref());
            let currency = price.get_ref().currency.clone().unwrap_or_default();
            hand_numbers.push((low, high, Unit::Money(currency)));
        }
        let (low, high) = value(o.delivery_days.get_ref());
        hand_numbers.push((low, high, Unit::Days));
    }
    let drafted_numbers: Vec<Num> = draft
        .numbers
        .iter()
        .filter_map(|n| n.amount.parse::<Amount>().ok().map(|a| (a, n.unit.clone())))
        .map(|(a, unit)| {
            let (low, high) = value(&a);
            (low, high, unit)
        })
        .collect();
    let show = |n: &Num| {
        format!(
            "{}{} {}",
            n.0,
            n.1.as_ref().map(|h| format!("-{h}")).unwrap_or_default(),
            super::write::unit_words(&n.2)
        )
    };
    e.numbers = score(&hand_numbers, &drafted_numbers, |a, b| a == b, show);

    // Dates.
    let mut hand_dates: BTreeSet<Date> = BTreeSet::new();
    if let When::On(d) = f.article.published.get_ref() {
        hand_dates.insert(*d);
    }
    for ev in &f.events {
        if let When::On(d) | When::By(d) = ev.date.get_ref() {
            hand_dates.insert(*d);
        }
    }
    for r in &f.relations {
        for b in [&r.since, &r.until].into_iter().flatten() {
            if let Boundary::Date(d) = b.get_ref() {
                hand_dates.insert(*d);
            }
        }
    }
    let mut drafted_dates: BTreeSet<Date> = draft.dates.iter().filter_map(|d| d.date).collect();
    if let Some(d) = draft.article.published {
        drafted_dates.insert(d);
    }
    let hand_dates: Vec<Date> = hand_dates.into_iter().collect();
    let drafted_dates: Vec<Date> = drafted_dates.into_iter().collect();
    e.dates = score(
        &hand_dates,
        &drafted_dates,
        |a, b| a == b,
        |d| d.to_string(),
    );

    // Quote attributions: the speaker (by id or name) and the first words.
    let speaker_names = |id: &str, people: &[Named]| people.iter().find(|p| p.0 == id).cloned();
    let hand_quotes: Vec<(Option<Named>, String)> = f
        .quotes
        .iter()
        .map(|q| {
            (
                speaker_names(q.speaker.get_ref(), &hand),
                quote_key(q.text.get_ref()),
            )
        })
        .collect();
    let drafted_quotes: Vec<(Option<Named>, String)> = draft
        .quotes
        .iter()
        .map(|q| (speaker_names(&q.speaker, &drafted), quote_key(&q.text)))
        .collect();
    e.quotes = score(
        &hand_quotes,
        &drafted_quotes,
        |a, b| {
            let words = a.1.starts_with(&b.1) || b.1.starts_with(&a.1);
            let speaker = match (&a.0, &b.0) {
                (Some(x), Some(y)) => same(x, y),
                _ => false,
            };
            words && speaker
        },
        |q| format!("{}: “{}…”", q.0.as_ref().map_or("?", |n| n.0.as_str()), q.1),
    );

    // Evidence.
    let located = ArticleText::new(PathBuf::from(&file_name), text.to_owned());
    let quotes = draft.evidence();
    e.evidence = quotes.len();
    e.evidence_found = quotes.iter().filter(|q| located.find(q).is_some()).count();
    Ok(e)
}

fn norm_decimal(d: &str) -> String {
    if d.contains('.') {
        d.trim_end_matches('0').trim_end_matches('.').to_owned()
    } else {
        d.to_owned()
    }
}

/// Scores proposals of one kind against the hand-written ones of the same kind.
fn score<T>(
    hand: &[T],
    drafted: &[T],
    same: impl Fn(&T, &T) -> bool,
    show: impl Fn(&T) -> String,
) -> Score {
    score_between(hand, drafted, same, &show, &show)
}

/// Scores what a draft proposes (`drafted`) against what the hand-written facts hold
/// (`hand`), the two possibly of different types: recall, precision, and what was missed or
/// added, each shown by its own `show`.
pub fn score_between<T, U>(
    hand: &[T],
    drafted: &[U],
    same: impl Fn(&T, &U) -> bool,
    show_hand: impl Fn(&T) -> String,
    show_draft: impl Fn(&U) -> String,
) -> Score {
    let mut s = Score {
        expected: hand.len(),
        proposed: drafted.len(),
        ..Score::default()
    };
    for h in hand {
        if drafted.iter().any(|d| same(h, d)) {
            s.recalled += 1;
        } else {
            s.missed.push(show_hand(h));
        }
    }
    for d in drafted {
        if hand.iter().any(|h| same(h, d)) {
            s.correct += 1;
        } else {
            s.extra.push(show_draft(d));
        }
    }
    s
}

/// The facts files of `facts_dir` whose `article.source` is a file in `articles_dir`, with
/// that file, in name order.
pub fn cases(facts_dir: &Path, articles_dir: &Path) -> crate::Result<Vec<(PathBuf, PathBuf)>> {
    let mut out = Vec::new();
    let entries = std::fs::read_dir(facts_dir).map_err(|source| read_error(facts_dir, source))?;
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    paths.sort();
    for path in paths {
        let facts = Facts::read(&path)?;
        if let Some(source) = &facts.file().article.source {
            let text = articles_dir.join(source.get_ref());
            if text.is_file() {
                out.push((path, text));
            }
        }
    }
    Ok(out)
}

/// Evaluates every article of `facts_dir` whose text is in `articles_dir`, each drafted with
/// the other facts files of `facts_dir` as its corpus.
pub fn evaluate_dir(facts_dir: &Path, articles_dir: &Path) -> crate::Result<Vec<Evaluation>> {
    let mut all = Vec::new();
    let mut paths: Vec<PathBuf> = std::fs::read_dir(facts_dir)
        .map_err(|source| read_error(facts_dir, source))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    paths.sort();
    let facts: Vec<(PathBuf, Facts)> = paths
        .into_iter()
        .map(|p| Facts::read(&p).map(|f| (p, f)))
        .collect::<crate::Result<_>>()?;
    for (path, text_path) in cases(facts_dir, articles_dir)? {
        let others = KnownNames::new(&Corpus::from_facts(
            facts.iter().filter(|(p, _)| *p != path).map(|(_, f)| f),
        ));
        let hand = &facts.iter().find(|(p, _)| *p == path).expect("listed").1;
        let text = std::fs::read_to_string(&text_path).map_err(|source| crate::Error::Read {
            what: "article text",
            path: text_path.clone(),
            source,
        })?;
        all.push(evaluate(hand, &text, &others).map_err(|e| crate::Error::Input(e.to_string()))?);
    }
    Ok(all)
}

fn read_error(dir: &Path, source: std::io::Error) -> crate::Error {
    crate::Error::Read {
        what: "facts directory",
        path: dir.to_owned(),
        source,
    }
}

fn percent(x: Option<f64>) -> String {
    x.map_or("–".to_owned(), |x| format!("{:.0}%", x * 100.0))
}

fn cell(s: &Score) -> String {
    format!(
        "{} ({}/{}) / {} ({}/{})",
        percent(s.recall()),
        s.recalled,
        s.expected,
        percent(s.precision()),
        s.correct,
        s.proposed
    )
}

/// The sums of several evaluations.
pub fn total(all: &[Evaluation]) -> Evaluation {
    let mut total = Evaluation {
        article: "**all**".into(),
        ..Evaluation::default()
    };
    for e in all {
        total.entities.add(&e.entities);
        total.numbers.add(&e.numbers);
        total.dates.add(&e.dates);
        total.quotes.add(&e.quotes);
        total.reusable += e.reusable;
        total.reused += e.reused;
        total.findable += e.findable;
        total.findable_reused += e.findable_reused;
        total.duplicated.extend(e.duplicated.iter().cloned());
        total.evidence += e.evidence;
        total.evidence_found += e.evidence_found;
        total.micros += e.micros;
    }
    total
}

/// The evaluations as a Markdown table with a total row, then what each draft missed.
pub fn table(all: &[Evaluation]) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "| article | entities R / P | numbers R / P | dates R / P | quote attributions R / P | known ids reused | evidence found | draft time (this build) |"
    );
    let _ = writeln!(out, "|---|---|---|---|---|---|---|---|");
    let total = total(all);
    let mut rows: Vec<&Evaluation> = all.iter().collect();
    if all.len() > 1 {
        rows.push(&total);
    }
    for e in rows {
        let reused = if e.reusable == 0 {
            "– (0 known)".to_owned()
        } else {
            format!(
                "{} ({}/{}); of those named in the text {}/{}",
                percent(Some(e.reused as f64 / e.reusable as f64)),
                e.reused,
                e.reusable,
                e.findable_reused,
                e.findable
            )
        };
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {}{} | {} ({}/{}) | {:.1} ms |",
            e.article,
            cell(&e.entities),
            cell(&e.numbers),
            cell(&e.dates),
            cell(&e.quotes),
            reused,
            if e.duplicated.is_empty() {
                String::new()
            } else {
                format!(", {} duplicated", e.duplicated.len())
            },
            percent((e.evidence > 0).then(|| e.evidence_found as f64 / e.evidence as f64)),
            e.evidence_found,
            e.evidence,
            e.micros as f64 / 1000.0
        );
    }
    for e in all {
        let _ = writeln!(out, "\n{}:", e.article);
        for (what, s) in [
            ("entities", &e.entities),
            ("numbers", &e.numbers),
            ("dates", &e.dates),
            ("quotes", &e.quotes),
        ] {
            if !s.missed.is_empty() {
                let _ = writeln!(out, "- {what} missed: {}", s.missed.join("; "));
            }
            if !s.extra.is_empty() {
                let _ = writeln!(
                    out,
                    "- {what} not in the hand-written file: {}",
                    s.extra.join("; ")
                );
            }
        }
        if !e.duplicated.is_empty() {
            let _ = writeln!(out, "- known ids not reused: {}", e.duplicated.join("; "));
        }
    }
    out
}
