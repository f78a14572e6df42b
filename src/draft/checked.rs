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
        let toml = super::write::facts_file(draft, text, 0);
        let Ok(facts) = Facts::parse(SourceText::new("draft.toml", toml.clone())) else {
            return;
        };
        let Ok(located) = ground::locate::locate(&facts, &article) else {
            return;
        };
        let mut problems = ground::ground(&facts).err().unwrap_or_default();
        problems.extend(ground::structure::ground(&facts, &article, &located).errors);
        if problems.is_empty() {
            return;
        }
        let lines: Vec<&str> = toml.lines().collect();
        let mut demoted = false;
        for p in &problems {
            if let Some((table, id)) = record_at(&lines, p.line) {
                demoted |= demote(draft, table, &id, &p.message);
            }
        }
        if !demoted {
            return;
        }
    }
}

/// The table and id of the record that line `line` (1-based) of a facts file belongs to.
fn record_at<'a>(lines: &[&'a str], line: usize) -> Option<(&'a str, String)> {
    let upto = &lines[..line.min(lines.len())];
    let header = upto.iter().rposition(|l| l.starts_with("[["))?;
    let table = upto[header].trim_start_matches("[[").trim_end_matches("]]");
    let id = lines[header..]
        .iter()
        .take_while(|l| !l.is_empty())
        .find_map(|l| l.strip_prefix("id = "))?;
    Some((table, id.trim_matches('"').to_owned()))
}

/// Moves the record `id` of `table` to the comments, with `why`. Whether one was moved.
fn demote(draft: &mut Draft, table: &str, id: &str, why: &str) -> bool {
    let stub = |what: &str, record: Vec<String>, at: std::ops::Range<usize>| Stub {
        what: format!("{what} the check does not accept"),
        cue: why.to_owned(),
        lines: record,
        at,
    };
    match table {
        "post" => {
            let Some(i) = draft.posts.iter().position(|p| p.id == id) else {
                return false;
            };
            let p = draft.posts.remove(i);
            let lines = vec![
                "[[post]]".to_owned(),
                format!("role = {}", super::write::string(&p.role)),
                format!("organization = {}", super::write::string(&p.organization)),
                format!("holder = {}", super::write::string(&p.holder)),
                format!("evidence = {}", super::write::string(&p.evidence)),
            ];
            draft.stubs.push(stub("post", lines, p.at));
        }
        "relation" => {
            let Some(i) = draft.relations.iter().position(|r| r.id == id) else {
                return false;
            };
            let r = draft.relations.remove(i);
            let lines = vec![
                "[[relation]]".to_owned(),
                format!("subject = {}", super::write::string(&r.subject)),
                format!("kind = {}", super::write::string(r.kind)),
                format!("object = {}", super::write::string(&r.object)),
                format!("evidence = {}", super::write::string(&r.evidence)),
            ];
            draft.stubs.push(stub("relation", lines, r.at));
        }
        "organization" if why.starts_with("`part_of`") => {
            // The containing organization the words do not support is dropped; the
            // organization stays.
            let Some(e) = draft
                .entities
                .iter_mut()
                .find(|e| e.id == id && e.part_of.is_some())
            else {
                return false;
            };
            e.part_of = None;
        }
        "measure" => {
            // A number whose record is rejected stays a number to decide on.
            let Some(n) = draft
                .numbers
                .iter_mut()
                .find(|n| n.is_measure() && n.id == id)
            else {
                return false;
            };
            n.of = None;
        }
        "quote" => {
            let Some(i) = draft.quotes.iter().position(|q| q.id == id) else {
                return false;
            };
            let q = draft.quotes.remove(i);
            let lines = vec![
                "[[quote]]".to_owned(),
                format!("speaker = {}", super::write::string(&q.speaker)),
                format!("text = {}", super::write::string(&q.text)),
                format!("evidence = {}", super::write::string(&q.evidence)),
            ];
            draft.stubs.push(stub("quotation", lines, q.at));
        }
        _ => return false,
    }
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
        assert_eq!(
            record_at(&lines, 4),
            Some(("post", "lin-wan-ceo".to_owned()))
        );
        assert_eq!(record_at(&lines, 8), Some(("quote", "q1".to_owned())));
        assert_eq!(record_at(&lines, 1), None);
    }
}
