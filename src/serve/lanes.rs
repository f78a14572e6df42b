//! Where a query waits for a thread, so that expensive questions cannot starve cheap ones.
//!
//! There are two lanes, each with its own slots:
//!
//! - the **quick** lane, where every question starts, with as many slots as twice the CPUs;
//!   there it runs for at most [`QUICK`]. Most questions end within that.
//! - the **slow** lane, with half as many slots as CPUs (at least one). A question still
//!   running after [`QUICK`] is stopped, and asked again here with what is left of its time
//!   limit. A question with a cross product (patterns that share no variable, whose every
//!   combination Oxigraph walks without looking at its cancellation token) goes there
//!   straight away, since it could not be stopped after [`QUICK`].
//!
//! So at most a few expensive questions use the CPUs at once, however many are sent, and a
//! cheap one finds a quick slot free; the others wait for a slow slot until their time limit
//! and are then told the server is busy.

use spargebra::Query;
use spargebra::algebra::GraphPattern;
use spargebra::term::{TermPattern, TriplePattern, Variable};
use std::sync::Arc;
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
}

impl Lanes {
    /// Lanes for a machine with `cpus` CPUs.
    pub fn new(cpus: usize) -> Lanes {
        Lanes {
            quick: Arc::new(Semaphore::new(cpus.max(1) * 2)),
            slow: Arc::new(Semaphore::new((cpus / 2).max(1))),
        }
    }
}

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
    match pattern {
        GraphPattern::Bgp { patterns } => components(patterns) > 1,
        GraphPattern::Join { left, right } => {
            let disjoint = || {
                let (l, r) = (in_scope(left), in_scope(right));
                !l.is_empty() && !r.is_empty() && l.iter().all(|v| !r.contains(v))
            };
            let table = |p: &GraphPattern| matches!(p, GraphPattern::Values { .. });
            crosses(left) || crosses(right) || (!table(left) && !table(right) && disjoint())
        }
        GraphPattern::LeftJoin { left, right, .. }
        | GraphPattern::Union { left, right }
        | GraphPattern::Minus { left, right } => crosses(left) || crosses(right),
        GraphPattern::Filter { inner, .. }
        | GraphPattern::Graph { inner, .. }
        | GraphPattern::Extend { inner, .. }
        | GraphPattern::OrderBy { inner, .. }
        | GraphPattern::Project { inner, .. }
        | GraphPattern::Distinct { inner }
        | GraphPattern::Reduced { inner }
        | GraphPattern::Slice { inner, .. }
        | GraphPattern::Group { inner, .. }
        | GraphPattern::Service { inner, .. } => crosses(inner),
        GraphPattern::Path { .. } | GraphPattern::Values { .. } => false,
        #[allow(unreachable_patterns)]
        _ => false,
    }
}

fn in_scope(pattern: &GraphPattern) -> Vec<&Variable> {
    let mut variables = Vec::new();
    pattern.on_in_scope_variable(|v| variables.push(v));
    variables
}

/// How many groups of patterns with variables a basic graph pattern falls into, two patterns
/// being in one group when a chain of shared variables links them.
fn components(patterns: &[TriplePattern]) -> usize {
    let variables = |p: &TriplePattern| -> Vec<Variable> {
        [&p.subject, &p.object]
            .into_iter()
            .filter_map(|t| match t {
                TermPattern::Variable(v) => Some(v.clone()),
                _ => None,
            })
            .chain(match &p.predicate {
                spargebra::term::NamedNodePattern::Variable(v) => Some(v.clone()),
                spargebra::term::NamedNodePattern::NamedNode(_) => None,
            })
            .collect()
    };
    let mut groups: Vec<Vec<Variable>> = Vec::new();
    for pattern in patterns {
        let mine = variables(pattern);
        if mine.is_empty() {
            continue;
        }
        let (linked, apart): (Vec<_>, Vec<_>) = groups
            .into_iter()
            .partition(|group| group.iter().any(|v| mine.contains(v)));
        let mut merged: Vec<Variable> = linked.into_iter().flatten().collect();
        merged.extend(mine);
        groups = apart;
        groups.push(merged);
    }
    groups.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn crossing(sparql: &str) -> bool {
        has_cross_product(&spargebra::SparqlParser::new().parse_query(sparql).unwrap())
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
        // However small its sides, a product waits for a slow slot.
        assert!(crossing(
            "ASK { <http://x/a> <http://x/p> ?b . <http://x/a> ?q 1 }"
        ));
    }
}
