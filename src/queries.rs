//! Saved questions: the SPARQL files of `queries/`, embedded at build time.
//!
//! Each file starts with comment lines naming it and asking its question in plain English;
//! other comment lines are notes:
//!
//! ```sparql
//! # Title: Leadership map
//! # Question: Who holds which post, in which organization?
//! ```

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/saved_queries.rs"));
}

/// A saved question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SavedQuery {
    /// The file name without `.rq`; what `newsgraph query NAME` takes.
    pub name: &'static str,
    /// A short title.
    pub title: String,
    /// The question, in plain English.
    pub question: String,
    /// The SPARQL text.
    pub sparql: &'static str,
}

impl SavedQuery {
    fn parse(name: &'static str, sparql: &'static str) -> SavedQuery {
        let mut title = String::new();
        let mut question = String::new();
        for line in sparql.lines().take_while(|l| l.starts_with('#')) {
            let line = line.trim_start_matches('#').trim();
            if let Some(rest) = line.strip_prefix("Title:") {
                title = rest.trim().to_owned();
            } else if let Some(rest) = line.strip_prefix("Question:") {
                question = rest.trim().to_owned();
            }
        }
        SavedQuery {
            name,
            title,
            question,
            sparql,
        }
    }
}

/// Every saved question, sorted by name.
pub fn saved() -> Vec<SavedQuery> {
    embedded::SAVED
        .iter()
        .map(|&(name, sparql)| SavedQuery::parse(name, sparql))
        .collect()
}

/// The saved question called `name`.
pub fn find(name: &str) -> Option<SavedQuery> {
    saved().into_iter().find(|q| q.name == name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_saved_query_has_a_title_and_a_question() {
        let saved = saved();
        assert!(saved.len() >= 12, "only {} saved queries", saved.len());
        for q in saved {
            assert!(!q.title.is_empty(), "{} has no `# Title:` line", q.name);
            assert!(
                q.question.ends_with('?'),
                "{} has no `# Question:` line",
                q.name
            );
        }
    }
}
