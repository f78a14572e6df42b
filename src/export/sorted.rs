//! Triples held compactly and sorted for writing: each distinct term is stored once and each
//! triple is three numbers, so sorting a large graph costs a few bytes a triple instead of a
//! copy of its strings.
//!
//! The order: subjects whose IRI starts with `last` after all others (newsgraph puts an
//! article's provenance there), then by subject, `rdf:type` first, then by predicate and
//! object; strings compare with their runs of digits as numbers, so `statement.2` comes
//! before `statement.10`. Duplicates are dropped.

use crate::rdf::vocab::rdf;
use oxigraph::model::{NamedOrBlankNodeRef, Term, TermRef, Triple, TripleRef};
use std::cmp::Ordering;
use std::collections::HashMap;

/// A set of triples in writing order.
#[derive(Debug, Default)]
pub struct SortedTriples {
    terms: Vec<Term>,
    rows: Vec<[u32; 3]>,
}

/// Triples gathered for sorting, each distinct term stored once.
#[derive(Debug, Default)]
pub(super) struct Gathered {
    index: HashMap<Term, u32>,
    rows: Vec<[u32; 3]>,
}

impl Gathered {
    /// Adds a triple.
    pub(super) fn push(&mut self, t: Triple) {
        let mut intern = |term: Term| -> u32 {
            let next = u32::try_from(self.index.len()).expect("fewer than 2^32 distinct terms");
            *self.index.entry(term).or_insert(next)
        };
        let row = [
            intern(t.subject.into()),
            intern(t.predicate.into()),
            intern(t.object),
        ];
        self.rows.push(row);
    }

    /// How many triples were added, repeats included.
    pub(super) fn len(&self) -> usize {
        self.rows.len()
    }

    /// The triples in writing order, each once.
    pub(super) fn sort(self, last: &str) -> SortedTriples {
        let Gathered { index, mut rows } = self;
        let mut slots: Vec<Option<Term>> = vec![None; index.len()];
        for (term, id) in index {
            slots[id as usize] = Some(term);
        }
        let terms: Vec<Term> = slots.into_iter().map(|t| t.expect("every id")).collect();

        // Each term's place in the order of all terms, and whether it sorts last as a subject.
        let mut order: Vec<u32> = (0..terms.len() as u32).collect();
        order.sort_unstable_by(|&a, &b| {
            compare_terms(terms[a as usize].as_ref(), terms[b as usize].as_ref())
        });
        let mut rank = vec![0u32; terms.len()];
        for (position, &term) in order.iter().enumerate() {
            rank[term as usize] = position as u32;
        }
        let is_last: Vec<bool> = terms
            .iter()
            .map(|t| matches!(t, Term::NamedNode(n) if sorts_last(n.as_str(), last)))
            .collect();
        let type_id = terms
            .iter()
            .position(|t| matches!(t, Term::NamedNode(n) if n.as_ref() == rdf::TYPE))
            .map(|i| i as u32);
        let key = |&[s, p, o]: &[u32; 3]| {
            (
                is_last[s as usize],
                rank[s as usize],
                Some(p) != type_id,
                rank[p as usize],
                rank[o as usize],
            )
        };
        rows.sort_unstable_by_key(key);
        rows.dedup();
        SortedTriples { terms, rows }
    }
}

/// Whether a subject with this IRI sorts after all others.
fn sorts_last(iri: &str, last: &str) -> bool {
    !last.is_empty() && iri.starts_with(last)
}

/// Whether a triple's subject sorts after all others: its IRI starts with `last`.
pub(super) fn subject_sorts_last(t: TripleRef<'_>, last: &str) -> bool {
    match t.subject {
        NamedOrBlankNodeRef::NamedNode(n) => sorts_last(n.as_str(), last),
        NamedOrBlankNodeRef::BlankNode(_) => false,
    }
}

/// The writing order of two triples, as [`SortedTriples`] sorts them.
pub(super) fn compare_triples(a: TripleRef<'_>, b: TripleRef<'_>, last: &str) -> Ordering {
    subject_sorts_last(a, last)
        .cmp(&subject_sorts_last(b, last))
        .then_with(|| compare_terms(a.subject.into(), b.subject.into()))
        .then_with(|| (a.predicate != rdf::TYPE).cmp(&(b.predicate != rdf::TYPE)))
        .then_with(|| compare_terms(a.predicate.into(), b.predicate.into()))
        .then_with(|| compare_terms(a.object, b.object))
}

impl SortedTriples {
    /// Gathers and sorts `triples`.
    pub fn new(triples: impl IntoIterator<Item = Triple>, last: &str) -> SortedTriples {
        let mut gathered = Gathered::default();
        for triple in triples {
            gathered.push(triple);
        }
        gathered.sort(last)
    }

    /// How many distinct triples there are.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The triples, in order.
    pub fn iter(&self) -> impl Iterator<Item = TripleRef<'_>> {
        self.rows.iter().map(|row| triple(&self.terms, row))
    }

    /// The triples, in order, as owned values: the compact form is kept until the last one.
    pub fn into_triples(self) -> impl Iterator<Item = Triple> {
        let SortedTriples { terms, rows } = self;
        rows.into_iter()
            .map(move |row| triple(&terms, &row).into_owned())
    }
}

/// The order of terms: IRIs and blank nodes by their text, literals (which sort before them,
/// as their written form starts with a quote) by value, then datatype and language.
fn compare_terms(a: TermRef<'_>, b: TermRef<'_>) -> Ordering {
    match (a, b) {
        (TermRef::Literal(a), TermRef::Literal(b)) => natural(a.value(), b.value())
            .then_with(|| a.datatype().as_str().cmp(b.datatype().as_str()))
            .then_with(|| a.language().cmp(&b.language())),
        (TermRef::Literal(_), _) => Ordering::Less,
        (_, TermRef::Literal(_)) => Ordering::Greater,
        _ => natural(&text(a), &text(b)),
    }
}

fn text(term: TermRef<'_>) -> std::borrow::Cow<'_, str> {
    match term {
        TermRef::NamedNode(n) => n.as_str().into(),
        other => other.to_string().into(),
    }
}

/// The triple of one row.
fn triple<'a>(terms: &'a [Term], &[s, p, o]: &[u32; 3]) -> TripleRef<'a> {
    let subject = match terms[s as usize].as_ref() {
        TermRef::NamedNode(n) => NamedOrBlankNodeRef::from(n),
        TermRef::BlankNode(b) => NamedOrBlankNodeRef::from(b),
        _ => unreachable!("subjects are IRIs or blank nodes"),
    };
    let TermRef::NamedNode(predicate) = terms[p as usize].as_ref() else {
        unreachable!("predicates are IRIs")
    };
    TripleRef::new(subject, predicate, terms[o as usize].as_ref())
}

/// Compares two strings with their runs of ASCII digits as numbers (`a2` < `a10`); a number
/// written with leading zeros compares as text.
pub fn natural(a: &str, b: &str) -> Ordering {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    // Names share long prefixes: skip the common part at memory speed, back to the start of
    // the run of digits the first difference may fall in.
    let mut start = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    while start > 0 && a[start - 1].is_ascii_digit() {
        start -= 1;
    }
    natural_from(&a[start..], &b[start..])
}

/// [`natural`] from a point where no run of digits is cut in two.
fn natural_from(mut a: &[u8], mut b: &[u8]) -> Ordering {
    loop {
        match (a.first(), b.first()) {
            (None, None) => return Ordering::Equal,
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            (Some(x), Some(y))
                if x.is_ascii_digit() && y.is_ascii_digit() && *x != b'0' && *y != b'0' =>
            {
                let digits = |s: &[u8]| s.iter().take_while(|c| c.is_ascii_digit()).count();
                let (n, m) = (digits(a), digits(b));
                let by_number = n.cmp(&m).then_with(|| a[..n].cmp(&b[..m]));
                if by_number != Ordering::Equal {
                    return by_number;
                }
                (a, b) = (&a[n..], &b[m..]);
            }
            (Some(x), Some(y)) => {
                if x != y {
                    return x.cmp(y);
                }
                (a, b) = (&a[1..], &b[1..]);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use oxigraph::model::{Literal, NamedNode};

    #[test]
    fn numbers_in_names_sort_as_numbers() {
        assert_eq!(natural("s.2", "s.10"), Ordering::Less);
        assert_eq!(natural("s.10", "s.10.quote"), Ordering::Less);
        assert_eq!(natural("s.1.quote", "s.b"), Ordering::Less);
        assert_eq!(natural("a", "a"), Ordering::Equal);
        assert_eq!(natural("x007", "x7"), Ordering::Less);
    }

    #[test]
    fn triples_sort_by_subject_type_first_and_drop_duplicates() {
        let n = |s: &str| NamedNode::new(format!("http://x.example/{s}")).unwrap();
        let t = |s: &str, p: NamedNode, o: Term| Triple::new(n(s), p, o);
        let label = n("label");
        let sorted = SortedTriples::new(
            [
                t("s.10", label.clone(), Literal::from("ten").into()),
                t("s.2", label.clone(), Literal::from("two").into()),
                t("s.2", rdf::TYPE.into_owned(), n("Thing").into()),
                t("s.2", label.clone(), Literal::from("two").into()),
                t("last.1", label, Literal::from("end").into()),
            ],
            "http://x.example/last",
        );
        let subjects: Vec<String> = sorted
            .iter()
            .map(|t| format!("{} {}", t.subject, t.predicate))
            .collect();
        assert_eq!(sorted.len(), 4);
        assert_eq!(
            subjects,
            [
                "<http://x.example/s.2> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type>",
                "<http://x.example/s.2> <http://x.example/label>",
                "<http://x.example/s.10> <http://x.example/label>",
                "<http://x.example/last.1> <http://x.example/label>",
            ]
        );
    }
}
