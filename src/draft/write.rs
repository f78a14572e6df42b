//! Writing a draft as a facts file: records first, then, as comments, what a person must
//! decide on. Every record is preceded by a `# found:` comment saying why it is there.

use super::{Draft, EntityKind, Quoted, Unit};
use crate::facts::{MeasureKind, OrgKind};
use std::fmt::Write as _;

/// A TOML basic string.
pub fn string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn list(items: &[String]) -> String {
    let items: Vec<String> = items.iter().map(|s| string(s)).collect();
    format!("[{}]", items.join(", "))
}

/// Writes a `[[name]]` table: each field that has a value, already written as TOML.
fn table(out: &mut String, name: &str, fields: &[(&str, Option<String>)]) {
    let _ = writeln!(out, "[[{name}]]");
    for (key, value) in fields {
        if let Some(value) = value {
            let _ = writeln!(out, "{key} = {value}");
        }
    }
}

/// A comment line: one line, no line breaks.
fn comment(out: &mut String, text: &str) {
    let text: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let _ = writeln!(out, "# {text}");
}

/// Writes one proposed record: the comment saying how it was found, its table, and the
/// quotes stating it.
fn record(
    out: &mut String,
    found: &str,
    name: &str,
    fields: &[(&str, Option<String>)],
    quotes: &[String],
) {
    comment(out, found);
    table(out, name, fields);
    evidence(out, quotes);
    out.push('\n');
}

/// A record's quotes: its evidence, then the further quotes that name what it leaves
/// understood.
fn with_also(evidence: &str, also: &[Quoted]) -> Vec<String> {
    std::iter::once(evidence.to_owned())
        .chain(also.iter().map(|(q, _)| q.clone()))
        .collect()
}

fn evidence(out: &mut String, quotes: &[String]) {
    match quotes {
        [one] => {
            let _ = writeln!(out, "evidence = {}", string(one));
        }
        many => {
            let _ = writeln!(out, "evidence = [");
            for q in many {
                let _ = writeln!(out, "    {},", string(q));
            }
            let _ = writeln!(out, "]");
        }
    }
}

/// The facts file's name of an organization kind: `BusinessLine` → `business-line`.
pub fn org_kind(kind: OrgKind) -> String {
    kebab(&format!("{kind:?}"))
}

/// `BusinessLine` → `business-line`, as the facts file writes enum values.
pub fn kebab(name: &str) -> String {
    let mut out = String::new();
    for (i, c) in name.chars().enumerate() {
        if c.is_uppercase() && i > 0 {
            out.push('-');
        }
        out.extend(c.to_lowercase());
    }
    out
}

/// Whether the facts model has a measure kind of this name.
pub fn has_measure_kind(kind: &str) -> bool {
    use serde::Deserialize;
    use serde::de::value::{Error, StrDeserializer};
    MeasureKind::deserialize(StrDeserializer::<Error>::new(kind)).is_ok()
}

fn section(out: &mut String, title: &str) {
    let _ = writeln!(out, "\n# {}\n# {title}\n", "-".repeat(93));
}

/// Whether most of the text is English, by its commonest words.
fn english(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().take(2000).collect();
    let common = words
        .iter()
        .filter(|w| {
            matches!(
                w.to_lowercase().as_str(),
                "the" | "and" | "of" | "to" | "a" | "in" | "is" | "for" | "that" | "with"
            )
        })
        .count();
    !words.is_empty() && common * 100 / words.len() >= 8
}

/// The facts file of a draft; `text` is the article, `known_from` where the known entities
/// came from ("the 5 facts file(s) given with --corpus").
pub fn facts_file(draft: &Draft, text: &str, known_from: &str) -> String {
    let mut out = String::new();
    let a = &draft.article;
    let title = a.title.clone().unwrap_or_default();
    comment(
        &mut out,
        &format!(
            "Facts drafted from {} (\"{title}\") by `newsgraph draft`.",
            a.source
        ),
    );
    let _ = writeln!(
        out,
        "#\n# Every record's `evidence` is quoted from the text; `# found:` says why the record is here.\n\
         # Ids marked \"known in the corpus\" are reused from {known_from},\n\
         # so this article and those describe the same entities. Commented-out records at\n\
         # the end are proposals to accept, edit or delete; numbers and dates are listed as comments.\n\
         # Check every record against the text before using the file."
    );
    let _ = writeln!(out, "\n[article]");
    let _ = writeln!(out, "id = {}", string(&a.id));
    let _ = writeln!(out, "title = {}", string(&title));
    if !a.publisher_why.is_empty() {
        comment(&mut out, &format!("publisher: {}", a.publisher_why));
    }
    match &a.publisher {
        Some(publisher) => {
            let _ = writeln!(out, "publisher = {}", string(publisher));
        }
        None => comment(
            &mut out,
            "CHECK: the page names no publisher, so none is given; add `publisher = \"ID\"` (an organization) if you know it",
        ),
    }
    if let Some(original) = &a.original_publisher {
        let _ = writeln!(out, "original_publisher = {}", string(original));
    }
    if let Some(author) = &a.author {
        let _ = writeln!(out, "author = {}", string(author));
    }
    if english(text) {
        let _ = writeln!(out, "language = \"en\"");
    } else {
        comment(
            &mut out,
            "CHECK: the text does not read as English; set its language tag",
        );
        let _ = writeln!(out, "language = \"und\"");
    }
    match a.published {
        Some(date) => {
            let _ = writeln!(out, "published = \"{date}\"");
        }
        None => {
            comment(&mut out, "The page gives no publication date.");
            let _ = writeln!(out, "published = \"unknown\"");
        }
    }
    let _ = writeln!(out, "source = {}", string(&a.source));
    if !a.based_on.is_empty() {
        let _ = writeln!(out, "based_on = {}", list(&a.based_on));
    }
    let mut quotes = a.evidence.clone();
    quotes.dedup();
    evidence(&mut out, &quotes);

    let ids: std::collections::BTreeSet<&str> =
        draft.entities.iter().map(|e| e.id.as_str()).collect();
    for (title, people) in [
        ("Organizations", false),
        ("People, named and unnamed", true),
    ] {
        let entities: Vec<_> = draft
            .entities
            .iter()
            .filter(|e| e.kind.is_person() == people)
            .collect();
        if entities.is_empty() {
            continue;
        }
        section(&mut out, title);
        for e in entities {
            let table_name = match e.kind {
                EntityKind::Organization(_) => "organization",
                EntityKind::Person { .. } => "person",
            };
            let (kind, part_of, anonymous) = match e.kind {
                EntityKind::Organization(kind) => {
                    let part_of = e
                        .part_of
                        .as_deref()
                        .filter(|p| ids.contains(p) && *p != e.id);
                    (Some(string(&org_kind(kind))), part_of.map(string), None)
                }
                EntityKind::Person { anonymous } => (None, None, anonymous.then(|| "true".into())),
            };
            let alt_names = (!e.alt_names.is_empty()).then(|| list(&e.alt_names));
            let quotes = with_also(&e.evidence, &e.also);
            record(
                &mut out,
                &e.why,
                table_name,
                &[
                    ("id", Some(string(&e.id))),
                    ("name", Some(string(&e.name))),
                    ("alt_names", alt_names),
                    ("kind", kind),
                    ("part_of", part_of),
                    ("anonymous", anonymous),
                ],
                &quotes,
            );
        }
    }
    if !draft.places.is_empty() {
        section(&mut out, "Places");
        for p in &draft.places {
            record(
                &mut out,
                &format!("found: \"{}\" → place (beside an organization)", p.name),
                "place",
                &[("id", Some(string(&p.id))), ("name", Some(string(&p.name)))],
                std::slice::from_ref(&p.evidence),
            );
        }
    }
    if !draft.posts.is_empty() {
        section(&mut out, "Posts");
        for p in &draft.posts {
            record(
                &mut out,
                &format!("found: \"{}\" → post", p.found),
                "post",
                &[
                    ("id", Some(string(&p.id))),
                    ("role", Some(string(&p.role))),
                    ("organization", Some(string(&p.organization))),
                    ("holder", Some(string(&p.holder))),
                    ("head", p.head.then(|| "true".into())),
                ],
                &with_also(&p.evidence, &p.also),
            );
        }
    }
    if !draft.relations.is_empty() {
        section(&mut out, "Ties");
        for r in &draft.relations {
            record(
                &mut out,
                &format!("found: \"{}\" → {}", r.found, r.kind),
                "relation",
                &[
                    ("id", Some(string(&r.id))),
                    ("subject", Some(string(&r.subject))),
                    ("kind", Some(string(r.kind))),
                    ("object", Some(string(&r.object))),
                    ("since", r.since.as_deref().map(string)),
                ],
                std::slice::from_ref(&r.evidence),
            );
        }
    }
    if !draft.numbers.is_empty() {
        section(&mut out, "Numbers");
        for n in &draft.numbers {
            let bound = n
                .bound
                .as_ref()
                .map(|b| format!(", \"{b}\""))
                .unwrap_or_default();
            match (n.kind, &n.of) {
                (Some(kind), Some(of)) => {
                    let name = format!(
                        "{} of {} ({})",
                        kind_words(kind),
                        draft.entity(of).map_or(of.as_str(), |e| e.name.as_str()),
                        n.expression
                    );
                    record(
                        &mut out,
                        &format!("found: \"{}\" → {kind} {}{bound}", n.expression, n.amount),
                        "measure",
                        &[
                            ("id", Some(string(&n.id))),
                            ("name", Some(string(&name))),
                            ("kind", Some(string(kind))),
                            ("of", Some(string(of))),
                            ("value", Some(string(&n.amount))),
                        ],
                        std::slice::from_ref(&n.evidence),
                    );
                }
                _ => {
                    comment(
                        &mut out,
                        &format!(
                            "number: \"{}\" → {} ({}{bound}); {} — in: {}",
                            n.expression,
                            n.amount,
                            unit_words(&n.unit),
                            match n.kind {
                                Some(kind) => format!(
                                    "a {kind} measure of what? Its sentence names no organization"
                                ),
                                None =>
                                    "no measure kind fits: an offer's price, or a note".to_owned(),
                            },
                            string(&n.evidence)
                        ),
                    );
                }
            }
        }
    }
    if !draft.quotes.is_empty() {
        section(&mut out, "Who said what");
        for q in &draft.quotes {
            let quotes = with_also(&q.evidence, &q.also);
            record(
                &mut out,
                &format!("found: {} → quote", string(&q.evidence)),
                "quote",
                &[
                    ("id", Some(string(&q.id))),
                    ("speaker", Some(string(&q.speaker))),
                    ("text", Some(string(&q.text))),
                    ("context", q.context.as_deref().map(string)),
                ],
                &quotes,
            );
        }
    }
    if !draft.dates.is_empty() {
        section(
            &mut out,
            "Dates and times the text gives (for events' `date`, relations' `since`/`until`)",
        );
        for d in &draft.dates {
            let when = match (&d.date, &d.qualifier) {
                (Some(date), Some(q)) => format!("{q} {date}"),
                (Some(date), None) => date.to_string(),
                (None, _) => "relative: no date of its own".to_owned(),
            };
            comment(
                &mut out,
                &format!(
                    "date: \"{}\" → {when} — in: {}",
                    d.expression,
                    string(&d.evidence)
                ),
            );
        }
    }
    if !draft.stubs.is_empty() {
        section(
            &mut out,
            "To decide: events, relations, names of unclear kind, quotations without a speaker",
        );
        let mut stubs: Vec<_> = draft.stubs.iter().collect();
        stubs.sort_by_key(|s| s.at.start);
        for s in stubs {
            comment(&mut out, &format!("proposed {}: \"{}\"", s.what, s.cue));
            for line in &s.lines {
                comment(&mut out, line);
            }
            out.push_str("#\n");
        }
    }
    out
}

fn kind_words(kind: &str) -> String {
    crate::text::words::capitalise_first(&kind.replace('-', " "))
}

/// The unit, in words.
pub fn unit_words(unit: &Unit) -> String {
    match unit {
        Unit::Percent => "percent".into(),
        Unit::Money(c) => format!("money, {c}"),
        Unit::Count => "count".into(),
        Unit::Rank => "rank".into(),
        Unit::Days => "days".into(),
        Unit::Duration(u) => u.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_are_written_as_the_facts_file_writes_them() {
        assert_eq!(org_kind(OrgKind::BusinessLine), "business-line");
        assert!(has_measure_kind("revenue-growth") && has_measure_kind("rank"));
        assert!(!has_measure_kind("shoe-size"));
    }

    #[test]
    fn strings_are_escaped() {
        assert_eq!(string("a \"b\" \\ c\n"), "\"a \\\"b\\\" \\\\ c\\n\"");
        assert_eq!(string("“x”"), "\"“x”\"");
    }
}
