//! Saved questions: the SPARQL files of `queries/`, embedded at build time.
//!
//! Each file starts with comment lines naming it and asking its question in plain English;
//! other comment lines are notes:
//!
//! ```sparql
//! # Title: Leadership map
//! # Question: Who holds which post, in which organization?
//! ```

use oxigraph::model::{Literal, NamedNode, Term};
use oxigraph::sparql::Variable;

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

impl SavedQuery {
    /// The variables the question expects to be given, from its `--bind NAME=…` notes.
    pub fn parameters(&self) -> Vec<String> {
        let mut names = Vec::new();
        for line in self.sparql.lines().take_while(|l| l.starts_with('#')) {
            for (at, flag) in line.match_indices("--bind ") {
                let name: String = line[at + flag.len()..]
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                if !name.is_empty() && !names.contains(&name) {
                    names.push(name);
                }
            }
        }
        names
    }

    /// Whether the question uses the variable `name`.
    pub fn mentions(&self, name: &str) -> bool {
        mentions_variable(self.sparql, name)
    }
}

/// Whether `?name` or `$name` occurs in `sparql`.
pub fn mentions_variable(sparql: &str, name: &str) -> bool {
    ['?', '$'].iter().any(|mark| {
        let needle = format!("{mark}{name}");
        sparql.match_indices(&needle).any(|(i, _)| {
            sparql[i + needle.len()..]
                .chars()
                .next()
                .is_none_or(|c| !(c.is_alphanumeric() || c == '_'))
        })
    })
}

/// Every saved question, sorted by name.
pub fn saved() -> Vec<SavedQuery> {
    embedded::SAVED
        .iter()
        .map(|&(name, sparql)| SavedQuery::parse(name, sparql))
        .collect()
}

/// A value given to a query variable from outside (`--bind NAME=VALUE`, `?NAME=VALUE`):
/// `<iri>` or `prefix:name` with a known prefix is an IRI, `"text"` a string, and a bare
/// word without spaces or colons (`2024-12-01`, `30`) a string too. Anything else, an unknown
/// prefix or a malformed IRI is an error rather than a string that silently matches nothing.
pub fn binding(
    name: &str,
    value: &str,
    prefixes: &[(String, String)],
) -> Result<(Variable, Term), String> {
    let variable = Variable::new(name.trim_start_matches(['?', '$']))
        .map_err(|_| format!("`{name}` is not a variable name"))?;
    let iri = |iri: &str| {
        NamedNode::new(iri)
            .map(Term::from)
            .map_err(|e| format!("`{value}` is not a valid IRI: {e}"))
    };
    let term = if let Some(inner) = value.strip_prefix('<') {
        let inner = inner
            .strip_suffix('>')
            .ok_or_else(|| format!("`{value}` opens an IRI with `<` but does not close it"))?;
        iri(inner)?
    } else if let Some(text) = value.strip_prefix('"') {
        let text = text
            .strip_suffix('"')
            .ok_or_else(|| format!("`{value}` opens a string with `\"` but does not close it"))?;
        Literal::new_simple_literal(text).into()
    } else if let Some((prefix, _)) = value.split_once(':') {
        match crate::rdf::expand(value, prefixes) {
            Some(expanded) => iri(&expanded)?,
            None => {
                let known: Vec<&str> = prefixes.iter().map(|(p, _)| p.as_str()).collect();
                return Err(format!(
                    "unknown prefix `{prefix}:` in `{value}`; the known prefixes are {}",
                    known.join(", ")
                ));
            }
        }
    } else if value.is_empty() || value.contains(char::is_whitespace) {
        return Err(format!(
            "`{value}` is neither an IRI (<…> or prefix:name) nor a word: write a string in \
             double quotes, \"{value}\""
        ));
    } else {
        Literal::new_simple_literal(value).into()
    };
    Ok((variable, term))
}

/// The saved question called `name`.
pub fn find(name: &str) -> Option<SavedQuery> {
    saved().into_iter().find(|q| q.name == name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn evidence_takes_an_entity() {
        let evidence = find("evidence").unwrap();
        assert_eq!(evidence.parameters(), ["entity"]);
        assert!(evidence.mentions("entity"));
        assert!(!evidence.mentions("entit"));
        assert!(find("leadership").unwrap().parameters().is_empty());
    }

    #[test]
    fn bindings_are_iris_strings_or_errors() {
        let prefixes = crate::rdf::prefixes(&crate::Iris::default());
        let (var, term) = binding("entity", "person:ding-hongwei", &prefixes).unwrap();
        assert_eq!(var.as_str(), "entity");
        assert_eq!(
            term.to_string(),
            "<https://newsgraph.example/id/person/ding-hongwei>"
        );
        let (_, date) = binding("date", "2024-12-01", &prefixes).unwrap();
        assert_eq!(date.to_string(), "\"2024-12-01\"");
        let (_, name) = binding("name", "\"Ding Hongwei\"", &prefixes).unwrap();
        assert_eq!(name.to_string(), "\"Ding Hongwei\"");
        for bad in [
            "persn:ding-hongwei",
            "<http://x",
            "Ding Hongwei",
            "<not an iri>",
        ] {
            assert!(binding("entity", bad, &prefixes).is_err(), "{bad}");
        }
    }

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
