//! Where a query waits for a thread, so that expensive questions cannot starve cheap ones.
//!
//! There are two lanes, each with its own slots:
//!
//! - the **quick** lane, where every question starts, with as many slots as twice the CPUs;
//!   there it runs for at most [`QUICK`]. Most questions end within that.
//! - the **slow** lane, with half as many slots as CPUs (at least one). A question still
//!   running after [`QUICK`] is stopped, and asked again here with what is left of its time
//!   limit. A question with a cross product of large sides (patterns that share no variable,
//!   none of them with a known subject or a literal object, whose every combination Oxigraph
//!   walks without looking at its cancellation token) goes there straight away, since it
//!   could not be stopped after [`QUICK`]; it keeps its slot until it really ends.
//!
//! Whole graphs from `/store` and updates are expensive work too, and take slow slots.
//!
//! So at most a few expensive questions use the CPUs at once, however many are sent, and a
//! cheap one finds a quick slot free; the others wait for a slow slot until their time limit
//! and are then told the server is busy.
//!
//! A question stopped in the quick lane has spent [`QUICK`] for nothing. The lanes remember
//! it (by its text and bound values), so that when it is asked again it goes to the slow lane
//! straight away; it is forgotten when it ends there well within [`QUICK`], as after an update.

use spargebra::Query;
use spargebra::algebra::GraphPattern;
use spargebra::term::{NamedNodePattern, TermPattern, TriplePattern};
use std::collections::HashSet;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::sync::Arc;
use std::sync::Mutex;
use std::time::Duration;
use tokio::sync::Semaphore;

/// How long a question may run in the quick lane.
pub const QUICK: Duration = Duration::from_millis(100);

/// The slots of both lanes.
#[derive(Debug)]
pub struct Lanes {
    /// Slots for every question's first [`QUICK`], and for other short work.
    pub quick: Arc<Semaphore>,
    /// Slots for questions that run longer.
    pub slow: Arc<Semaphore>,
    /// The questions that outgrew the quick lane, by [`Lanes::key`].
    outgrown: Mutex<HashSet<u64>>,
}

impl Lanes {
    /// Lanes for a machine with `cpus` CPUs.
    pub fn new(cpus: usize) -> Lanes {
        Lanes {
            quick: Arc::new(Semaphore::new(cpus.max(1) * 2)),
            slow: Arc::new(Semaphore::new((cpus / 2).max(1))),
            outgrown: Mutex::new(HashSet::new()),
        }
    }

    /// What the lanes know a question by: its text and its bound values.
    pub fn key(text: &str, bindings: &[impl Hash]) -> u64 {
        let mut hasher = DefaultHasher::new();
        text.hash(&mut hasher);
        bindings.hash(&mut hasher);
        hasher.finish()
    }

    /// Whether the question outgrew the quick lane when last asked.
    pub fn outgrew_quick(&self, key: u64) -> bool {
        self.memo().contains(&key)
    }

    /// Remembers how long the question took when it ran to its end (or was stopped, in the
    /// quick lane): past [`QUICK`] it goes to the slow lane from now on; within half of it, no
    /// longer (the margin keeps a question that takes about [`QUICK`] from going back and
    /// forth, stopped every other time).
    pub fn took(&self, key: u64, time: Duration) {
        let mut outgrown = self.memo();
        if time < QUICK / 2 {
            outgrown.remove(&key);
        } else if time >= QUICK {
            if outgrown.len() >= REMEMBERED {
                outgrown.clear();
            }
            outgrown.insert(key);
        }
    }

    fn memo(&self) -> std::sync::MutexGuard<'_, HashSet<u64>> {
        // A set of numbers cannot be left half-changed by a panic.
        self.outgrown.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// How many questions that outgrew the quick lane are remembered; past that, the memo starts
/// again.
const REMEMBERED: usize = 4096;

/// Whether the query joins patterns that share no variable (`?a ?b ?c . ?d ?e ?f`): a cross
/// product, walked by Oxigraph in loops that a time limit cannot stop.
pub fn has_cross_product(query: &Query) -> bool {
    let pattern = match query {
        Query::Select { pattern, .. }
        | Query::Construct { pattern, .. }
        | Query::Describe { pattern, .. }
        | Query::Ask { pattern, .. } => pattern,
    };
    crosses(pattern)
}

fn crosses(pattern: &GraphPattern) -> bool {
    crosses_in(pattern, None)
}

/// Whether `pattern` holds a cross product; `graph` is the variable of the `GRAPH ?g` it is
/// in, which every pattern inside shares.
fn crosses_in(pattern: &GraphPattern, graph: Option<&str>) -> bool {
    match pattern {
        GraphPattern::Bgp { .. } | GraphPattern::Join { .. } | GraphPattern::Path { .. } => {
            let mut atoms = Vec::new();
            let inside = flatten(pattern, graph, &mut atoms);
            inside || open_components(atoms) > 1
        }
        GraphPattern::Graph { name, inner } => match name {
            NamedNodePattern::Variable(g) => crosses_in(inner, Some(g.as_str())),
            NamedNodePattern::NamedNode(_) => crosses_in(inner, graph),
        },
        GraphPattern::LeftJoin { left, right, .. }
        | GraphPattern::Union { left, right }
        | GraphPattern::Minus { left, right } => {
            crosses_in(left, graph) || crosses_in(right, graph)
        }
        GraphPattern::Filter { inner, .. }
        | GraphPattern::Extend { inner, .. }
        | GraphPattern::OrderBy { inner, .. }
        | GraphPattern::Project { inner, .. }
        | GraphPattern::Distinct { inner }
        | GraphPattern::Reduced { inner }
        | GraphPattern::Slice { inner, .. }
        | GraphPattern::Group { inner, .. }
        | GraphPattern::Service { inner, .. } => crosses_in(inner, graph),
        _ => false,
    }
}

/// Gathers the joined parts of a group (each triple pattern, path, and other pattern) as the
/// names each one has; says whether a part that is not flattened holds a cross product.
fn flatten(pattern: &GraphPattern, graph: Option<&str>, atoms: &mut Vec<Atom>) -> bool {
    let with_graph = |mut names: Vec<String>| {
        names.extend(graph.map(str::to_owned));
        Atom {
            names,
            bounded: false,
        }
    };
    match pattern {
        GraphPattern::Bgp { patterns } => {
            atoms.extend(patterns.iter().map(|p| Atom {
                bounded: bounded(p),
                ..with_graph(terms(p))
            }));
            false
        }
        GraphPattern::Path {
            subject, object, ..
        } => {
            atoms.push(with_graph(
                [subject, object]
                    .into_iter()
                    .filter_map(term_name)
                    .collect(),
            ));
            false
        }
        GraphPattern::Join { left, right } => {
            let l = flatten(left, graph, atoms);
            flatten(right, graph, atoms) || l
        }
        // A table of values is small: joined to anything, it multiplies little.
        GraphPattern::Values { .. } => false,
        other => {
            let mut names = Vec::new();
            other.on_in_scope_variable(|v| names.push(v.as_str().to_owned()));
            atoms.push(with_graph(names));
            crosses_in(other, graph)
        }
    }
}

fn term_name(term: &TermPattern) -> Option<String> {
    match term {
        TermPattern::Variable(v) => Some(v.as_str().to_owned()),
        TermPattern::BlankNode(b) => Some(format!("_:{}", b.as_str())),
        _ => None,
    }
}

/// The variables and blank nodes of one triple pattern.
fn terms(pattern: &TriplePattern) -> Vec<String> {
    let mut names: Vec<String> = [&pattern.subject, &pattern.object]
        .into_iter()
        .filter_map(term_name)
        .collect();
    if let NamedNodePattern::Variable(v) = &pattern.predicate {
        names.push(v.as_str().to_owned());
    }
    names
}

/// One part of a join: the variables (and blank nodes) it names, and whether it matches few
/// triples (a pattern with a known subject or a literal object: `?x rdfs:label "Alibaba"`).
struct Atom {
    names: Vec<String>,
    bounded: bool,
}

fn bounded(pattern: &TriplePattern) -> bool {
    !matches!(
        pattern.subject,
        TermPattern::Variable(_) | TermPattern::BlankNode(_)
    ) || matches!(pattern.object, TermPattern::Literal(_))
}

/// How many groups of unknown size the parts of a join fall into, two parts being in one
/// group when a chain of shared variables (or blank nodes) links them; a group with a bounded
/// part is small, and parts naming nothing are left out. Two or more such groups are a cross
/// product of large sides.
fn open_components(atoms: Vec<Atom>) -> usize {
    let mut groups: Vec<Atom> = Vec::new();
    for mine in atoms {
        if mine.names.is_empty() {
            continue;
        }
        let (linked, apart): (Vec<_>, Vec<_>) = groups
            .into_iter()
            .partition(|group| group.names.iter().any(|v| mine.names.contains(v)));
        let mut merged = mine;
        for group in linked {
            merged.names.extend(group.names);
            merged.bounded |= group.bounded;
        }
        groups = apart;
        groups.push(merged);
    }
    groups.iter().filter(|g| !g.bounded).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn crossing(sparql: &str) -> bool {
        has_cross_product(&spargebra::SparqlParser::new().parse_query(sparql).unwrap())
    }

    #[test]
    fn a_question_that_outgrew_the_quick_lane_is_remembered_until_it_is_quick_again() {
        let lanes = Lanes::new(2);
        let slow = Lanes::key("SELECT * { ?s ?p ?o }", &[("x", 1)]);
        let other = Lanes::key("SELECT * { ?s ?p ?o }", &[("x", 2)]);
        assert_ne!(slow, other);
        assert!(!lanes.outgrew_quick(slow));
        lanes.took(slow, QUICK);
        assert!(lanes.outgrew_quick(slow));
        assert!(!lanes.outgrew_quick(other));
        lanes.took(slow, QUICK * 3 / 4);
        assert!(lanes.outgrew_quick(slow));
        lanes.took(slow, QUICK / 3);
        assert!(!lanes.outgrew_quick(slow));
    }

    #[test]
    fn no_saved_question_has_a_cross_product() {
        let prefixes = crate::rdf::prefixes(&crate::Iris::default());
        let crossing: Vec<&str> = crate::query::catalogue::saved()
            .iter()
            .filter(|q| has_cross_product(&crate::query::run::parse(q.sparql, &prefixes).unwrap()))
            .map(|q| q.name)
            .collect();
        assert_eq!(crossing, Vec::<&str>::new());
    }

    #[test]
    fn patterns_that_share_no_variable_are_a_cross_product() {
        assert!(crossing(
            "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
        ));
        assert!(crossing(
            "SELECT * WHERE { GRAPH ?g { ?a ?b ?c } { SELECT ?d WHERE { ?d ?e ?f } } }"
        ));
        assert!(!crossing(
            "SELECT * WHERE { ?a ?b ?c . ?c ?e ?f . ?f ?h ?a }"
        ));
        assert!(!crossing(
            "SELECT * WHERE { ?a <http://x/p> ?b OPTIONAL { ?b <http://x/q> ?c } }"
        ));
        assert!(!crossing(
            "SELECT * WHERE { VALUES ?x { 1 } ?a <http://x/p> ?b }"
        ));
        assert!(!crossing(
            "SELECT * WHERE { ?p <http://x/a>/<http://x/b> ?r . ?p <http://x/c>+ ?x }"
        ));
        // A side that matches few triples multiplies little.
        assert!(!crossing("ASK { <http://x/a> <http://x/p> ?b . ?c ?q ?d }"));
        assert!(!crossing(
            "SELECT * WHERE { ?a <http://x/p> ?b . ?c <http://x/q> \"known\" }"
        ));
        assert!(crossing(
            "SELECT * WHERE { ?a <http://x/p> ?b . ?c <http://x/q> ?d }"
        ));
    }
}
