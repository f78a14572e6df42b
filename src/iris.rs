//! How resources are named: every IRI newsgraph mints is a base IRI followed by a readable
//! path built from facts-file ids, so the same facts always give the same IRIs.
//!
//! Entities (organizations, people, events…) are named by kind and id alone,
//! `{base}organization/cainiao`, so that articles describing the same entity with the same id
//! share it. What belongs to one article (its graph, its evidence) is named under the article.

use crate::facts::Kind;
use crate::values::Date;
use anyhow::{Context, bail};
use oxigraph::model::NamedNode;

/// The base IRI and the rules that derive every minted IRI from it.
#[derive(Debug, Clone)]
pub struct Iris {
    base: String,
}

impl Default for Iris {
    fn default() -> Self {
        Iris {
            base: crate::vocab::DEFAULT_BASE.to_owned(),
        }
    }
}

impl Iris {
    /// Uses `base`, which must be an absolute IRI ending in `/` or `#`.
    pub fn new(base: &str) -> anyhow::Result<Iris> {
        NamedNode::new(base).with_context(|| format!("invalid base IRI \"{base}\""))?;
        if !base.ends_with(['/', '#']) {
            bail!("invalid base IRI \"{base}\": it must end with `/` or `#`");
        }
        Ok(Iris {
            base: base.to_owned(),
        })
    }

    /// The base IRI.
    pub fn base(&self) -> &str {
        &self.base
    }

    fn mint(&self, path: &str) -> NamedNode {
        NamedNode::new_unchecked(format!("{}{path}", self.base))
    }

    /// A record: `{base}{kind}/{id}`.
    pub fn record(&self, kind: Kind, id: &str) -> NamedNode {
        self.mint(&format!("{}/{id}", kind.table()))
    }

    /// Something that belongs to a record: `{base}{kind}/{id}/{part}`.
    pub fn part(&self, kind: Kind, id: &str, part: &str) -> NamedNode {
        self.mint(&format!("{}/{id}/{part}", kind.table()))
    }

    /// A role posts can share: `{base}role/ceo`.
    pub fn role(&self, role: &str) -> NamedNode {
        self.mint(&format!("role/{}", slug(role)))
    }

    /// A calendar date as an instant: `{base}date/2023-09`.
    pub fn date(&self, date: &Date) -> NamedNode {
        self.mint(&format!("date/{date}"))
    }

    /// A fiscal period: `{base}period/fy2024-q1`.
    pub fn period(&self, key: &str) -> NamedNode {
        self.mint(&format!("period/{key}"))
    }

    /// A version of a program: `{base}software/newsgraph-0.1.0`.
    pub fn software(&self, name: &str, version: &str) -> NamedNode {
        self.mint(&format!("software/{name}-{version}"))
    }

    /// An article: `{base}article/{id}`.
    pub fn article(&self, article: &str) -> NamedNode {
        self.mint(&format!("article/{article}"))
    }

    /// What every article IRI starts with: `{base}article/`.
    pub fn article_prefix(&self) -> String {
        format!("{}article/", self.base)
    }

    /// Something that belongs to an article: `{base}article/{id}/{part}`.
    pub fn article_part(&self, article: &str, part: &str) -> NamedNode {
        self.mint(&format!("article/{article}/{part}"))
    }

    /// A prefix for each kind of resource minted: `organization:` for
    /// `{base}organization/`, and so on.
    pub fn prefixes(&self) -> Vec<(String, String)> {
        Kind::ALL
            .iter()
            .map(|k| k.table())
            .chain(["role", "date", "period", "article", "graph", "software"])
            .map(|segment| (segment.to_owned(), format!("{}{segment}/", self.base)))
            .collect()
    }

    /// The named graph holding an article's triples: `{base}graph/{id}`.
    pub fn graph(&self, article: &str) -> NamedNode {
        self.mint(&format!("graph/{article}"))
    }
}

/// Lowercase ASCII words joined by dashes: "Senior executive" becomes `senior-executive`.
pub fn slug(text: &str) -> String {
    text.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .collect::<Vec<_>>()
        .join("-")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iris_are_readable_and_stable() {
        let iris = Iris::new("http://example.org/kg/").unwrap();
        assert_eq!(
            iris.record(Kind::Person, "ding-hongwei").as_str(),
            "http://example.org/kg/person/ding-hongwei"
        );
        assert_eq!(
            iris.role("Senior executive").as_str(),
            "http://example.org/kg/role/senior-executive"
        );
        assert!(Iris::new("http://example.org/kg").is_err());
        assert!(Iris::new("not an iri/").is_err());
    }
}
