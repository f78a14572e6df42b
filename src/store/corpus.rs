//! The corpus layer: what holds over all the articles of a store taken together, derived
//! from their graphs and kept in a named graph of its own
//! ([`CORPUS_GRAPH`](crate::rdf::vocab::CORPUS_GRAPH)), never in an
//! article's graph or the default graph. It is recomputed whenever the set of articles
//! changes (the in-memory load, and an on-disk store's load and remove), so it never says
//! more than the articles it was derived from. The catalogue records what that was; a store
//! opened with a layer derived from other articles (a load or remove killed between the two
//! steps) gets it derived again.
//!
//! - **When each article reports**: `graph dcterms:date` the day an article is ordered by: its
//!   publication date, else its original's (`original_published`), a month or a year counted
//!   from its first day. An article with no date at all gets none.
//! - **One name per entity**: a resource that several articles name, or that has several
//!   names, gets one `skos:prefLabel` (the name the most articles use; a tie goes to the name
//!   of the latest article, then to the first name in code-point order) and each of its other
//!   names as `skos:altLabel`. A question shows a name unless it is an `skos:altLabel` here.
//! - **The latest report**: for what holds one value at a time (a post's holder, an event's
//!   status, a measure's value) the values of the latest article that reports it. An undated
//!   article is older than every dated one: it stands only where no dated article reports the
//!   same thing. Articles of the same day that report it all stand. A post whose latest report
//!   says its holder has left has no holder here.

use crate::error::Result;
use crate::rdf::vocab::{dcterms, org, skos, xsd};
use oxigraph::model::{Literal, NamedNode, Term, Triple};
use oxigraph::sparql::{QueryResults, QuerySolution, SparqlEvaluator};
use oxigraph::store::Store;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::hash::{DefaultHasher, Hash, Hasher};

/// The day an article graph is ordered by, `YYYY-MM-DD`; `None` when it has no date. `None`
/// orders before every day.
type Day = Option<String>;

/// Each article graph's publication date, and its original's.
const DATES: &str = "PREFIX schema: <https://schema.org/>
SELECT ?g ?published ?original WHERE {
  GRAPH ?g {
    ?a schema:headline ?headline .
    OPTIONAL { ?a schema:datePublished ?published }
    OPTIONAL { ?a schema:translationOfWork/schema:datePublished ?original }
  }
}";

/// Every name of every resource, in each graph.
const LABELS: &str = "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?x ?name ?g WHERE { GRAPH ?g { ?x rdfs:label ?name } }";

/// Who holds each post, in each graph that reports on its holding: a holder it holds now, or
/// only a dated holding (ended, or to begin).
const HOLDERS: &str = "PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX org: <http://www.w3.org/ns/org#>
SELECT ?key ?g ?o WHERE {
  GRAPH ?g { { ?key org:heldBy ?o } UNION { ?st rdf:predicate org:holds ; rdf:object ?key } }
}";

/// Each event's status, in each graph.
const STATUSES: &str = "PREFIX ng: <https://newsgraph.example/ns#>
SELECT ?key ?g ?p ?o WHERE { GRAPH ?g { ?key ng:status ?o } BIND (ng:status AS ?p) }";

/// Each measure's value (everything said of it but its type and name), in each graph.
const MEASURES: &str = "PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX ng: <https://newsgraph.example/ns#>
SELECT ?key ?g ?p ?o WHERE {
  GRAPH ?g { ?key a ng:Measure ; ?p ?o }
  FILTER (?p != rdf:type && ?p != rdfs:label)
}";

/// The corpus layer's triples over the article graphs `articles`.
pub(super) fn derive(store: &Store, articles: &[NamedNode]) -> Result<Vec<Triple>> {
    let articles: HashSet<&NamedNode> = articles.iter().collect();
    let days = days(store, &articles)?;
    let mut triples: Vec<Triple> = days
        .iter()
        .filter_map(|(graph, day)| {
            let day = day.as_ref()?;
            let date = Literal::new_typed_literal(day.as_str(), xsd::DATE);
            Some(Triple::new(graph.clone(), dcterms::DATE, date))
        })
        .collect();
    triples.extend(names(store, &days)?);
    for (query, holders) in [(HOLDERS, true), (STATUSES, false), (MEASURES, false)] {
        // First pass: which things more than one article graph reports, by digests only. A
        // thing one graph reports is written as it comes in the second pass; the reports of
        // the others are kept, and the latest chosen among them. Two things that share a
        // digest are only both kept.
        let mut seen: HashMap<u64, (u64, bool)> = HashMap::new();
        for report in reports(store, query, holders, &days)? {
            let (graph, report) = report?;
            seen.entry(digest(&report.key))
                .and_modify(|(first, several)| *several |= *first != graph)
                .or_insert((graph, false));
        }
        let mut kept: Vec<Report> = Vec::new();
        for report in reports(store, query, holders, &days)? {
            let (_, report) = report?;
            if seen
                .get(&digest(&report.key))
                .is_some_and(|(_, several)| *several)
            {
                kept.push(report);
            } else {
                triples.extend(report.said);
            }
        }
        triples.extend(latest(kept));
    }
    triples.sort_by_cached_key(ToString::to_string);
    triples.dedup();
    Ok(triples)
}

/// Each row of `query` ([`HOLDERS`], [`STATUSES`] or [`MEASURES`]) as a report of the article
/// graph it comes from, with that graph's digest; rows of graphs not in `days` are left out.
fn reports<'a>(
    store: &'a Store,
    query: &str,
    holders: bool,
    days: &'a HashMap<NamedNode, Day>,
) -> Result<impl Iterator<Item = Result<(u64, Report)>> + 'a> {
    Ok(select(store, query)?.filter_map(move |row| {
        let row = match row {
            Ok(row) => row,
            Err(e) => return Some(Err(e)),
        };
        let (Some(Term::NamedNode(key)), Some(Term::NamedNode(graph))) =
            (row.get("key"), row.get("g"))
        else {
            return None;
        };
        let day = days.get(graph)?;
        let graph = digest(graph);
        let said: Vec<Triple> = match (row.get("p"), row.get("o")) {
            (_, Some(Term::NamedNode(holder))) if holders => vec![
                Triple::new(key.clone(), org::HELD_BY, holder.clone()),
                Triple::new(holder.clone(), org::HOLDS, key.clone()),
            ],
            (Some(Term::NamedNode(p)), Some(o)) if !holders => {
                vec![Triple::new(key.clone(), p.clone(), o.clone())]
            }
            _ => Vec::new(),
        };
        let report = Report {
            key: key.clone(),
            day: day.clone(),
            said,
        };
        Some(Ok((graph, report)))
    }))
}

/// A 64-bit digest of a term, to tell terms apart in a first pass without holding them.
fn digest(term: &impl Hash) -> u64 {
    let mut hasher = DefaultHasher::new();
    term.hash(&mut hasher);
    hasher.finish()
}

/// What one article graph says of one thing that holds one value at a time.
struct Report {
    key: NamedNode,
    day: Day,
    said: Vec<Triple>,
}

/// For each thing, what the latest articles that report on it say.
fn latest(reports: Vec<Report>) -> Vec<Triple> {
    let mut last: HashMap<&NamedNode, &Day> = HashMap::new();
    for report in &reports {
        let day = last.entry(&report.key).or_insert(&report.day);
        if report.day > **day {
            *day = &report.day;
        }
    }
    reports
        .iter()
        .filter(|r| last.get(&r.key) == Some(&&r.day))
        .flat_map(|r| r.said.iter().cloned())
        .collect()
}

/// The day each article graph is ordered by.
fn days(store: &Store, articles: &HashSet<&NamedNode>) -> Result<HashMap<NamedNode, Day>> {
    let mut days: HashMap<NamedNode, Day> = articles.iter().map(|g| ((*g).clone(), None)).collect();
    for row in select(store, DATES)? {
        let row = row?;
        let Some(Term::NamedNode(graph)) = row.get("g") else {
            continue;
        };
        let Some(slot) = days.get_mut(graph) else {
            continue;
        };
        let day = [row.get("published"), row.get("original")]
            .into_iter()
            .flatten()
            .find_map(first_day);
        if day > *slot {
            *slot = day;
        }
    }
    Ok(days)
}

/// A date, a month or a year as the day it begins: `2023-03` is `2023-03-01`.
fn first_day(term: &Term) -> Option<String> {
    let Term::Literal(literal) = term else {
        return None;
    };
    let value = literal.value();
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let parts: Vec<&str> = value.get(..10.min(value.len()))?.split('-').collect();
    match parts.as_slice() {
        [y] if y.len() == 4 && digits(y) => Some(format!("{y}-01-01")),
        [y, m] if y.len() == 4 && m.len() == 2 && digits(y) && digits(m) => {
            Some(format!("{y}-{m}-01"))
        }
        [y, m, d] if y.len() == 4 && m.len() == 2 && d.len() == 2 => {
            (digits(y) && digits(m) && digits(d)).then(|| format!("{y}-{m}-{d}"))
        }
        _ => None,
    }
}

/// The preferred and other names of each resource several articles name or that has several
/// names.
fn names(store: &Store, days: &HashMap<NamedNode, Day>) -> Result<Vec<Triple>> {
    // First pass, by digests only, so that a store of millions of names is not held: the
    // resources with more than one name or named in more than one graph. A digest two
    // resources share only sends both to the second pass, which counts exactly.
    let mut seen: HashMap<u64, FirstName> = HashMap::new();
    for label in labels(store, days)? {
        let (x, name, graph, _) = label?;
        let first = FirstName {
            name: digest(&name),
            graph: digest(graph),
            several: false,
        };
        seen.entry(digest(&x))
            .and_modify(|seen| {
                seen.several |= seen.name != first.name || seen.graph != first.graph;
            })
            .or_insert(first);
    }
    // Second pass: for each of those resources and each of its names, the articles that give it.
    let mut given: BTreeMap<NamedNode, HashMap<Literal, Vec<&Day>>> = BTreeMap::new();
    let mut graphs: HashMap<NamedNode, HashSet<&NamedNode>> = HashMap::new();
    for label in labels(store, days)? {
        let (x, name, graph, day) = label?;
        if !seen.get(&digest(&x)).is_some_and(|seen| seen.several) {
            continue;
        }
        graphs.entry(x.clone()).or_default().insert(graph);
        given
            .entry(x)
            .or_default()
            .entry(name)
            .or_default()
            .push(day);
    }
    let mut triples = Vec::new();
    for (x, names) in given {
        if names.len() < 2 && graphs.get(&x).is_none_or(|g| g.len() < 2) {
            continue;
        }
        let rank = |(name, days): &(&Literal, &Vec<&Day>)| {
            let latest = days.iter().max().copied().cloned().flatten();
            (
                days.len(),
                latest,
                std::cmp::Reverse(name.value().to_owned()),
            )
        };
        let preferred = names
            .iter()
            .max_by_key(|entry| rank(entry))
            .map(|(name, _)| name.clone())
            .expect("a resource with a name");
        for name in names.keys() {
            let property = if *name == preferred {
                skos::PREF_LABEL
            } else {
                skos::ALT_LABEL
            };
            triples.push(Triple::new(x.clone(), property, name.clone()));
        }
    }
    Ok(triples)
}

/// What the first pass of [`names`] keeps of a resource: the digests of the first name and
/// graph seen, and whether another was seen since.
struct FirstName {
    name: u64,
    graph: u64,
    several: bool,
}

/// Every name of every resource in the article graphs of `days`: the resource, the name, the
/// graph and its day.
fn labels<'a>(
    store: &'a Store,
    days: &'a HashMap<NamedNode, Day>,
) -> Result<impl Iterator<Item = Result<(NamedNode, Literal, &'a NamedNode, &'a Day)>> + 'a> {
    Ok(select(store, LABELS)?.filter_map(move |row| {
        let row = match row {
            Ok(row) => row,
            Err(e) => return Some(Err(e)),
        };
        let (Some(Term::NamedNode(x)), Some(Term::Literal(name)), Some(Term::NamedNode(g))) =
            (row.get("x"), row.get("name"), row.get("g"))
        else {
            return None;
        };
        let (graph, day) = days.get_key_value(g)?;
        Some(Ok((x.clone(), name.clone(), graph, day)))
    }))
}

/// The rows of a SELECT query over the whole store, as they come.
fn select<'a>(
    store: &'a Store,
    query: &str,
) -> Result<Box<dyn Iterator<Item = Result<QuerySolution>> + 'a>> {
    let prepared = SparqlEvaluator::new()
        .parse_query(query)
        .map_err(|e| crate::error::Error::Sparql(e.to_string()))?;
    Ok(match prepared.on_store(store).execute()? {
        QueryResults::Solutions(rows) => Box::new(rows.map(|row| Ok(row?))),
        _ => Box::new(std::iter::empty()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> Option<String> {
        first_day(&Term::Literal(Literal::from(s)))
    }

    #[test]
    fn a_month_or_a_year_counts_from_its_first_day() {
        assert_eq!(day("2023").as_deref(), Some("2023-01-01"));
        assert_eq!(day("2025-01").as_deref(), Some("2025-01-01"));
        assert_eq!(day("2025-01-14").as_deref(), Some("2025-01-14"));
        assert_eq!(day("unknown"), None);
        assert_eq!(day("by 2024"), None);
    }

    #[test]
    fn an_undated_report_stands_only_where_no_dated_one_does() {
        let key = NamedNode::new("https://example.org/post").unwrap();
        let said = |who: &str| {
            vec![Triple::new(
                key.clone(),
                org::HELD_BY,
                NamedNode::new(format!("https://example.org/{who}")).unwrap(),
            )]
        };
        let report = |day: Option<&str>, who: &str| Report {
            key: key.clone(),
            day: day.map(str::to_owned),
            said: said(who),
        };
        let current = latest(vec![
            report(None, "undated"),
            report(Some("2024-01-01"), "old"),
            report(Some("2025-01-01"), "new"),
            report(Some("2025-01-01"), "same-day"),
        ]);
        assert_eq!(current, [said("new"), said("same-day")].concat());
        assert_eq!(latest(vec![report(None, "undated")]), said("undated"));
    }
}
