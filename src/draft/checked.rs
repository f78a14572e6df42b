//! Holding a draft to the check it must pass: the draft is written out, read back as a facts
//! file, and its records grounded in the text as `check --source` grounds them (values, then
//! structure). A post, tie, measure or quotation the check rejects becomes a comment for a
//! person to decide, with the check's words, so that what the draft proposes as a record the
//! check accepts.

use super::{Draft, Stub};
use crate::diagnostic::SourceText;
use crate::facts::Facts;
use crate::ground;
use crate::text::article::ArticleText;
use std::path::PathBuf;

/// How many times the draft is checked again after records were turned into comments (each
/// round can only remove records, so two are enough in practice).
const ROUNDS: usize = 3;

/// Turns every record of `draft` that `check --source` would reject into a comment.
pub fn hold_to_check(draft: &mut Draft, text: &str) {
    let article = ArticleText::new(PathBuf::from(&draft.article.source), text.to_owned());
    for _ in 0..ROUNDS {
        let toml = super::write::facts_file(draft, text, "");
        let Ok(facts) = Facts::parse(SourceText::new("draft.toml", toml.clone())) else {
            return;
        };
        let Ok(located) = ground::locate::locate(&facts, &article) else {
            return;
        };
        let problems = ground::records(&facts, &article, &located).errors;
        if problems.is_empty() {
            return;
        }
        let lines: Vec<&str> = toml.lines().collect();
        let mut demoted = false;
        for p in &problems {
            if let Some(record) = record_at(&lines, p.line) {
                demoted |= demote(draft, &record, &p.message);
            }
        }
        if !demoted {
            return;
        }
    }
}

/// A record of a written facts file: its table, its id and its lines as the writer wrote them.
#[derive(Debug, PartialEq)]
struct Record<'a> {
    table: &'a str,
    id: String,
    lines: Vec<String>,
}

/// The record that line `line` (1-based) of a facts file belongs to.
fn record_at<'a>(lines: &[&'a str], line: usize) -> Option<Record<'a>> {
    let upto = &lines[..line.min(lines.len())];
    let header = upto.iter().rposition(|l| l.starts_with("[["))?;
    let table = upto[header].trim_start_matches("[[").trim_end_matches("]]");
    let record: Vec<String> = lines[header..]
        .iter()
        .take_while(|l| !l.is_empty())
        .map(|l| (*l).to_owned())
        .collect();
    let id = record.iter().find_map(|l| l.strip_prefix("id = "))?;
    Some(Record {
        table,
        id: id.trim_matches('"').to_owned(),
        lines: record,
    })
}

/// Removes the first item `is` finds from `items`, and gives it.
fn take<T>(items: &mut Vec<T>, is: impl Fn(&T) -> bool) -> Option<T> {
    let i = items.iter().position(is)?;
    Some(items.remove(i))
}

/// Moves `record` to the comments of `draft`, as the writer wrote it, with `why`; or, for a
/// measure or an organization's `part_of`, drops what the check rejects and keeps the rest.
/// Whether anything changed.
fn demote(draft: &mut Draft, record: &Record<'_>, why: &str) -> bool {
    let id = record.id.as_str();
    let (what, at) = match record.table {
        "post" => ("post", take(&mut draft.posts, |p| p.id == id).map(|p| p.at)),
        "relation" => (
            "relation",
            take(&mut draft.relations, |r| r.id == id).map(|r| r.at),
        ),
        "quote" => (
            "quotation",
            take(&mut draft.quotes, |q| q.id == id).map(|q| q.at),
        ),
        "organization" if why.starts_with("`part_of`") => {
            // The containing organization the words do not support is dropped; the
            // organization stays.
            let entity = draft
                .entities
                .iter_mut()
                .find(|e| e.id == id && e.part_of.is_some());
            return entity.map(|e| e.part_of = None).is_some();
        }
        "measure" => {
            // A number whose record is rejected stays a number to decide on.
            let number = draft
                .numbers
                .iter_mut()
                .find(|n| n.is_measure() && n.id == id);
            return number.map(|n| n.of = None).is_some();
        }
        _ => return false,
    };
    let Some(at) = at else {
        return false;
    };
    draft.stubs.push(Stub {
        what: format!("{what} the check does not accept"),
        cue: why.to_owned(),
        lines: record.lines.clone(),
        at,
    });
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_belongs_to_the_record_above_it() {
        let lines = [
            "# a comment",
            "[[post]]",
            "id = \"lin-wan-ceo\"",
            "role = \"CEO\"",
            "",
            "[[quote]]",
            "id = \"q1\"",
            "speaker = \"lin-wan\"",
        ];
        let post = record_at(&lines, 4).unwrap();
        assert_eq!((post.table, post.id.as_str()), ("post", "lin-wan-ceo"));
        assert_eq!(
            post.lines,
            ["[[post]]", "id = \"lin-wan-ceo\"", "role = \"CEO\""]
        );
        let quote = record_at(&lines, 8).unwrap();
        assert_eq!((quote.table, quote.id.as_str()), ("quote", "q1"));
        assert_eq!(record_at(&lines, 1), None);
    }
}
