//! How resources are named, and what a name stands for.
//!
//! Every IRI newsgraph mints is a base IRI, one path segment saying what sort of resource it
//! is, and a flat local name built from facts-file ids, so the same facts always give the same
//! IRIs and Turtle writes them as plain prefixed names (`person:ding-hongwei`,
//! `relation:ding-reports-to-lin.interval`, `article:cainiao-restructuring.aidc.evidence.1`).
//!
//! - Entities are named by kind and id alone, `{base}organization/cainiao`, so articles that
//!   describe the same entity with the same id share it.
//! - Parts of a record add `.{part}` to its id: `{base}event/restructuring.time`.
//! - What belongs to one article (its text, its evidence, its statements) is named under the
//!   article, grouped by record: `{base}article/{article}.{record}.evidence.1.quote`; the
//!   article's own evidence uses [`ARTICLE_SELF`] in place of a record id.
//!
//! Record ids are lowercase letters and digits joined by dashes, so a `.` always separates an
//! id from a part, and [`Iris::kind_of`] can say what any minted IRI names.

use crate::error::{Error, Result};
use crate::facts::Kind;
use crate::text::values::Date;
use oxigraph::model::NamedNode;

/// The segment that stands for the article itself where a record id would go; no record id
/// can be written this way.
pub const ARTICLE_SELF: &str = "_article";

/// The path segments of minted resources that are not records.
const OTHER_SEGMENTS: [&str; 6] = ["role", "date", "period", "article", "graph", "software"];

/// The base IRI and the rules that derive every minted IRI from it.
#[derive(Debug, Clone)]
pub struct Iris {
    base: String,
}

impl Default for Iris {
    fn default() -> Self {
        Iris {
            base: crate::rdf::vocab::DEFAULT_BASE.to_owned(),
        }
    }
}

/// What a minted IRI names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NodeKind<'a> {
    /// A record of the facts file.
    Record(Kind, &'a str),
    /// Something that belongs to a record: an event's time, a relation's interval, a price.
    RecordPart(Kind, &'a str, &'a str),
    /// A role posts can share.
    Role,
    /// A calendar date.
    Date,
    /// A fiscal period.
    Period,
    /// A version of a program.
    Software,
    /// An article.
    Article(&'a str),
    /// Something that belongs to an article: its text, its evidence, its statements.
    ArticlePart(&'a str, &'a str),
    /// The named graph of an article.
    Graph(&'a str),
}

impl<'a> NodeKind<'a> {
    /// A one-word name for the kind: the record's table (`person`), a record part's last
    /// segment (`interval`, `price`), an article part's first (`text`, `report`) or, for
    /// evidence, its last word (`evidence`, `quote`, `statement`), or the segment (`date`).
    pub fn name(&self) -> &'a str {
        match *self {
            NodeKind::Record(kind, _) => kind.table(),
            NodeKind::RecordPart(_, _, part) => part.rsplit('.').next().unwrap_or(part),
            NodeKind::ArticlePart(_, part) => {
                let segments: Vec<&str> = part.split('.').collect();
                match segments.as_slice() {
                    [_, "evidence" | "statement", ..] => segments
                        .iter()
                        .rev()
                        .find(|s| !s.bytes().all(|b| b.is_ascii_digit()))
                        .copied()
                        .unwrap_or(part),
                    _ => segments[0],
                }
            }
            NodeKind::Role => "role",
            NodeKind::Date => "date",
            NodeKind::Period => "period",
            NodeKind::Software => "software",
            NodeKind::Article(_) => "article",
            NodeKind::Graph(_) => "graph",
        }
    }
}

impl Iris {
    /// Uses `base`, which must be an absolute IRI ending in `/` or `#`.
    pub fn new(base: &str) -> Result<Iris> {
        let invalid = |reason: String| Error::BaseIri {
            iri: base.to_owned(),
            reason,
        };
        NamedNode::new(base).map_err(|e| invalid(e.to_string()))?;
        if !base.ends_with(['/', '#']) {
            return Err(invalid("it must end with `/` or `#`".to_owned()));
        }
        Ok(Iris {
            base: base.to_owned(),
        })
    }

    /// The base IRI.
    pub fn base(&self) -> &str {
        &self.base
    }

    fn mint(&self, segment: &str, local: &str) -> NamedNode {
        NamedNode::new_unchecked(format!("{}{segment}/{local}", self.base))
    }

    /// A record: `{base}{kind}/{id}`.
    pub fn record(&self, kind: Kind, id: &str) -> NamedNode {
        self.mint(kind.table(), id)
    }

    /// Something that belongs to a record: `{base}{kind}/{id}.{part}`.
    pub fn part(&self, kind: Kind, id: &str, part: &str) -> NamedNode {
        self.mint(kind.table(), &format!("{id}.{part}"))
    }

    /// A role posts can share: `{base}role/ceo`.
    pub fn role(&self, role: &str) -> NamedNode {
        self.mint("role", &slug(role))
    }

    /// A calendar date as an instant: `{base}date/2023-09`.
    pub fn date(&self, date: &Date) -> NamedNode {
        self.mint("date", &date.to_string())
    }

    /// A fiscal period: `{base}period/fy2024-q1`.
    pub fn period(&self, key: &str) -> NamedNode {
        self.mint("period", key)
    }

    /// A version of a program: `{base}software/newsgraph-0.1.0`.
    pub fn software(&self, name: &str, version: &str) -> NamedNode {
        self.mint("software", &format!("{name}-{version}"))
    }

    /// An article: `{base}article/{id}`.
    pub fn article(&self, article: &str) -> NamedNode {
        self.mint("article", article)
    }

    /// What every article IRI starts with: `{base}article/`.
    pub fn article_prefix(&self) -> String {
        format!("{}article/", self.base)
    }

    /// Something that belongs to an article: `{base}article/{id}.{part}`.
    pub fn article_part(&self, article: &str, part: &str) -> NamedNode {
        self.mint("article", &format!("{article}.{part}"))
    }

    /// Something an article says about one of its records (`None`: about the article itself):
    /// `{base}article/{id}.{record}.{part}`, so that everything about one record sorts
    /// together.
    pub fn record_evidence(&self, article: &str, record: Option<&str>, part: &str) -> NamedNode {
        let record = record.unwrap_or(ARTICLE_SELF);
        self.article_part(article, &format!("{record}.{part}"))
    }

    /// The named graph holding an article's triples: `{base}graph/{id}`.
    pub fn graph(&self, article: &str) -> NamedNode {
        self.mint("graph", article)
    }

    /// A prefix for each kind of resource minted: `organization:` for
    /// `{base}organization/`, and so on.
    pub fn prefixes(&self) -> Vec<(String, String)> {
        Kind::ALL
            .iter()
            .map(|k| k.table())
            .chain(OTHER_SEGMENTS)
            .map(|segment| (segment.to_owned(), format!("{}{segment}/", self.base)))
            .collect()
    }

    /// What a minted IRI names; `None` for any other IRI.
    pub fn kind_of<'a>(&self, iri: &'a str) -> Option<NodeKind<'a>> {
        let (segment, local) = iri.strip_prefix(self.base.as_str())?.split_once('/')?;
        if local.is_empty() || local.contains('/') {
            return None;
        }
        let (id, part) = match local.split_once('.') {
            Some((id, part)) => (id, Some(part)),
            None => (local, None),
        };
        if let Some(kind) = Kind::from_table(segment) {
            return Some(match part {
                None => NodeKind::Record(kind, id),
                Some(part) => NodeKind::RecordPart(kind, id, part),
            });
        }
        Some(match (segment, part) {
            ("role", _) => NodeKind::Role,
            ("date", _) => NodeKind::Date,
            ("period", _) => NodeKind::Period,
            ("software", _) => NodeKind::Software,
            ("graph", _) => NodeKind::Graph(local),
            ("article", None) => NodeKind::Article(id),
            ("article", Some(part)) => NodeKind::ArticlePart(id, part),
            _ => return None,
        })
    }
}

/// Lowercase words of letters and digits, in any script, joined by dashes: "Senior executive"
/// becomes `senior-executive`, "首席执行官" stays `首席执行官`.
pub fn slug(text: &str) -> String {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
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
        assert_eq!(
            iris.record_evidence("a", Some("aidc"), "evidence.1.quote")
                .as_str(),
            "http://example.org/kg/article/a.aidc.evidence.1.quote"
        );
        assert!(Iris::new("http://example.org/kg").is_err());
        assert!(Iris::new("not an iri/").is_err());
    }

    #[test]
    fn roles_in_any_script_keep_their_letters() {
        assert_eq!(slug("首席执行官"), "首席执行官");
        assert_eq!(slug("运营主管"), "运营主管");
        assert_ne!(slug("首席执行官"), slug("运营主管"));
        assert_eq!(slug("Chief Executive Officer"), "chief-executive-officer");
    }

    #[test]
    fn the_kind_of_a_node_is_read_back_from_its_iri() {
        let iris = Iris::default();
        let kind = |n: NamedNode| iris.kind_of(n.as_str()).map(|k| k.name().to_owned());
        assert_eq!(
            kind(iris.record(Kind::Person, "ding")),
            Some("person".into())
        );
        assert_eq!(
            kind(iris.part(Kind::Event, "e", "time")),
            Some("time".into())
        );
        assert_eq!(
            kind(iris.part(Kind::Offer, "o", "delivery-time")),
            Some("delivery-time".into())
        );
        assert_eq!(
            iris.kind_of(iris.part(Kind::Relation, "r", "interval").as_str()),
            Some(NodeKind::RecordPart(Kind::Relation, "r", "interval"))
        );
        assert_eq!(kind(iris.date(&Date::Year(2024))), Some("date".into()));
        assert_eq!(
            kind(iris.record_evidence("a", Some("x"), "evidence.1.quote")),
            Some("quote".into())
        );
        assert_eq!(
            kind(iris.article_part("a", "report.bloomberg")),
            Some("report".into())
        );
        assert_eq!(iris.kind_of("https://schema.org/Thing"), None);
        assert_ne!(
            iris.record_evidence("a", None, "evidence"),
            iris.record_evidence("a", Some("article"), "evidence")
        );
    }
}
