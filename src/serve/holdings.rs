//! Who held each head post as of a date, answered in memory for a read-only graph.
//!
//! The saved question `leaders-as-of` keeps a holding reported by an article dated by the
//! day asked unless a later article dated by then names a holder of that post, or an article
//! no earlier than it says the holder has left. Its two `FILTER NOT EXISTS` make it take over
//! 120 s on a 1,000-article store. The holdings, the heads named by each article and the
//! endings are few (thousands), and none depends on the day, so a read-only server reads them
//! once and applies the same two rules here for any day. A server that takes updates asks the
//! saved question each time, since its graph may change.

use super::rows::{Row, get_or_empty as value};
use std::collections::{BTreeSet, HashMap};

/// The head post holdings each dated article reports, the days articles name a head of an
/// organization's role, and the days articles say a holder left a post.
#[derive(Debug, Default)]
pub struct Holdings {
    /// Rows of the saved question's pattern without its date rules, each with what the rules
    /// and the answer's order read of it.
    holdings: Vec<Holding>,
    /// For an organization and role: the days of the articles that name a head holding it.
    named: HashMap<(String, String), Vec<String>>,
    /// For a holder and post: the days of the articles that say the holding ended.
    ended: HashMap<(String, String), Vec<String>>,
}

/// One holding: the day of the article that reports it, the keys the two rules look it up
/// by, and its row of the saved question's answer variables.
#[derive(Debug)]
struct Holding {
    from: String,
    /// Organization and role: who else is named to this head post.
    post: (String, String),
    /// Holder and post: whether this holding ended.
    held: (String, String),
    /// The answer's values in the order rows are sorted and told apart by.
    order: Vec<String>,
    row: Row,
}

/// The answer variables, in the order the rows are sorted by.
const ORDER: [&str; 9] = [
    "organization",
    "role",
    "leader",
    "article",
    "reported",
    "org",
    "holder",
    "post",
    "a",
];

/// The query for the days articles name a head of an organization's role: `org`, `r`,
/// `from`. `{corpus}` is the corpus layer's graph, `{dcterms}` the DCMI terms' namespace.
pub const NAMED_QUERY: &str = "PREFIX dcterms: <{dcterms}>
SELECT DISTINCT ?org ?r ?from WHERE {
    GRAPH ?later {
      ?post org:postIn ?org ; org:role ?r ; org:heldBy ?holder .
      ?holder org:headOf ?org .
    }
    GRAPH {corpus} { ?later dcterms:date ?from }
  }";

/// The query for the days articles say a holder left a post: `holder`, `post`, `from`.
/// `{corpus}` and `{dcterms}` as in [`NAMED_QUERY`].
pub const ENDED_QUERY: &str = "PREFIX dcterms: <{dcterms}>
SELECT DISTINCT ?holder ?post ?from WHERE {
    GRAPH ?ending {
      ?holding rdf:subject ?holder ;
        rdf:predicate org:holds ;
        rdf:object ?post ;
        time:hasTime/time:hasEnd ?end .
    }
    GRAPH {corpus} { ?ending dcterms:date ?from }
  }";

/// Days by a key of two of a row's values.
fn days(rows: Vec<Row>, a: &str, b: &str) -> HashMap<(String, String), Vec<String>> {
    let mut days: HashMap<(String, String), Vec<String>> = HashMap::new();
    for row in rows {
        days.entry((value(&row, a), value(&row, b)))
            .or_default()
            .push(value(&row, "from"));
    }
    days
}

impl Holdings {
    /// The index of the holdings (rows with `from`, `org`, `r`, `holder`, `post` and the saved
    /// question's answer variables), of [`NAMED_QUERY`]'s rows and of [`ENDED_QUERY`]'s.
    pub fn new(holdings: Vec<Row>, named: Vec<Row>, ended: Vec<Row>) -> Holdings {
        Holdings {
            holdings: holdings
                .into_iter()
                .map(|mut row| Holding {
                    from: value(&row, "from"),
                    post: (value(&row, "org"), value(&row, "r")),
                    held: (value(&row, "holder"), value(&row, "post")),
                    order: ORDER.iter().map(|name| value(&row, name)).collect(),
                    row: {
                        row.remove("from");
                        row
                    },
                })
                .collect(),
            named: days(named, "org", "r"),
            ended: days(ended, "holder", "post"),
        }
    }

    /// The saved question's answer for `date` (YYYY-MM-DD), for every organization or only
    /// those in `only`: each row once, in the order of organization, role, leader and article.
    pub fn as_of(&self, date: &str, only: Option<&BTreeSet<String>>) -> Vec<Row> {
        let mut rows: Vec<&Holding> = Vec::new();
        for h in &self.holdings {
            let from = &h.from;
            if from.as_str() > date || only.is_some_and(|o| !o.contains(&h.post.0)) {
                continue;
            }
            let between = |days: Option<&Vec<String>>, later: bool| {
                days.into_iter().flatten().any(|d| {
                    let after = if later { d > from } else { d >= from };
                    after && d.as_str() <= date
                })
            };
            let superseded = between(self.named.get(&h.post), true);
            let ended = between(self.ended.get(&h.held), false);
            if !superseded && !ended {
                rows.push(h);
            }
        }
        rows.sort_by(|a, b| a.order.cmp(&b.order));
        rows.dedup_by(|a, b| a.order == b.order);
        rows.into_iter().map(|h| h.row.clone()).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use oxigraph::model::{Literal, NamedNode, Term};

    fn row(pairs: &[(&str, &str)]) -> Row {
        pairs
            .iter()
            .map(|(k, v)| {
                let term = if v.starts_with("http") {
                    Term::NamedNode(NamedNode::new(*v).unwrap())
                } else {
                    Term::Literal(Literal::new_simple_literal(*v))
                };
                ((*k).to_owned(), term)
            })
            .collect()
    }

    #[test]
    fn the_latest_report_by_the_day_wins_unless_the_holding_ended() {
        let holding = |from: &str, holder: &str, leader: &str| {
            row(&[
                ("from", from),
                ("org", "http://x/acme"),
                ("r", "http://x/ceo"),
                ("holder", holder),
                ("post", "http://x/ceo-post"),
                ("organization", "Acme"),
                ("role", "CEO"),
                ("leader", leader),
            ])
        };
        let named = |from: &str| {
            row(&[
                ("org", "http://x/acme"),
                ("r", "http://x/ceo"),
                ("from", from),
            ])
        };
        let index = Holdings::new(
            vec![
                holding("2023-01-01", "http://x/ann", "Ann"),
                holding("2024-06-01", "http://x/bo", "Bo"),
            ],
            vec![named("2023-01-01"), named("2024-06-01")],
            vec![row(&[
                ("holder", "http://x/bo"),
                ("post", "http://x/ceo-post"),
                ("from", "2025-03-01"),
            ])],
        );
        let leaders = |date: &str| -> Vec<String> {
            index
                .as_of(date, None)
                .iter()
                .map(|r| value(r, "leader"))
                .collect()
        };
        assert_eq!(leaders("2022-12-31"), Vec::<String>::new());
        assert_eq!(leaders("2024-01-01"), ["Ann"]);
        assert_eq!(
            leaders("2024-06-01"),
            ["Bo"],
            "the later report wins on its own day"
        );
        assert_eq!(leaders("2025-03-01"), Vec::<String>::new(), "ended");
        let others: BTreeSet<String> = ["http://x/other".to_owned()].into();
        assert!(index.as_of("2024-01-01", Some(&others)).is_empty());
    }
}
