//! Sorting more triples than memory should hold: an external merge sort.
//!
//! A [`Sorter`] gathers triples compactly ([`SortedTriples`](super::SortedTriples)) up to a fixed number; each time
//! it is full, its triples are sorted and written to a temporary file as N-Triples, one run.
//! [`Sorter::finish`] then reads the runs back side by side and merges them into one stream in
//! writing order, each triple once. A graph that fits in one run never touches the disk, and
//! the output is byte for byte what sorting it whole in memory gives.
//!
//! The runs are anonymous files (unlinked as soon as they are made), so a process killed at any
//! moment leaves nothing behind: the system frees their space when the process is gone.

use super::sorted::{Gathered, compare_triples};
use crate::error::{Error, Result};
use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::Triple;
use std::cmp::{Ordering, Reverse};
use std::collections::BinaryHeap;
use std::fs::File;
use std::io::{BufReader, BufWriter, Seek, Write};

/// How many triples (repeats included) a run holds: about 100 MB gathered in memory.
pub const RUN_TRIPLES: usize = 1 << 20;

/// Gathers triples and sorts them, spilling runs to temporary files past [`RUN_TRIPLES`].
#[derive(Debug)]
pub struct Sorter {
    last: String,
    run_triples: usize,
    gathered: Gathered,
    runs: Vec<File>,
}

impl Sorter {
    /// A sorter whose order puts subjects starting with `last` after all others (see
    /// [`SortedTriples`](super::SortedTriples)).
    pub fn new(last: &str) -> Sorter {
        Sorter::with_run_triples(last, RUN_TRIPLES)
    }

    /// A sorter that spills a run every `run_triples` triples.
    pub fn with_run_triples(last: &str, run_triples: usize) -> Sorter {
        Sorter {
            last: last.to_owned(),
            run_triples: run_triples.max(1),
            gathered: Gathered::default(),
            runs: Vec::new(),
        }
    }

    /// Adds a triple; writes a run when enough are gathered.
    pub fn push(&mut self, triple: Triple) -> Result<()> {
        self.gathered.push(triple);
        if self.gathered.len() >= self.run_triples {
            self.spill()?;
        }
        Ok(())
    }

    /// Adds every triple of `triples`.
    pub fn extend(&mut self, triples: impl IntoIterator<Item = Triple>) -> Result<()> {
        triples.into_iter().try_for_each(|t| self.push(t))
    }

    /// Adds every triple of `triples`, stopping at the first error among them.
    pub fn try_extend(&mut self, triples: impl IntoIterator<Item = Result<Triple>>) -> Result<()> {
        triples.into_iter().try_for_each(|t| self.push(t?))
    }

    /// How many runs have been written to disk so far.
    pub fn runs(&self) -> usize {
        self.runs.len()
    }

    /// Sorts what is gathered and writes it to a new temporary file.
    fn spill(&mut self) -> Result<()> {
        let sorted = std::mem::take(&mut self.gathered).sort(&self.last);
        let mut out = BufWriter::new(tempfile::tempfile().map_err(Error::Spill)?);
        for triple in sorted.iter() {
            writeln!(out, "{triple} .").map_err(Error::Spill)?;
        }
        let mut file = out.into_inner().map_err(|e| Error::Spill(e.into_error()))?;
        file.rewind().map_err(Error::Spill)?;
        self.runs.push(file);
        Ok(())
    }

    /// The triples added, in writing order, each once.
    pub fn finish(mut self) -> Result<Sorted> {
        if self.runs.is_empty() {
            let sorted = std::mem::take(&mut self.gathered).sort(&self.last);
            return Ok(Sorted(Inner::Memory(Box::new(sorted.into_triples()))));
        }
        if self.gathered.len() > 0 {
            self.spill()?;
        }
        let mut runs: Vec<Run> = self.runs.into_iter().map(read_run).collect();
        let mut heads = BinaryHeap::new();
        for (i, run) in runs.iter_mut().enumerate() {
            if let Some(triple) = run.next().transpose()? {
                heads.push(Reverse(Head::new(triple, i, &self.last)));
            }
        }
        Ok(Sorted(Inner::Merged(Merge {
            runs,
            heads,
            last: self.last,
            previous: None,
        })))
    }
}

/// Sorts `triples` as [`SortedTriples`](super::SortedTriples) does, spilling to disk when they are many.
pub fn sort(triples: impl IntoIterator<Item = Triple>, last: &str) -> Result<Sorted> {
    let mut sorter = Sorter::new(last);
    sorter.extend(triples)?;
    sorter.finish()
}

/// Sorted triples, each once: from memory, or merged from runs on disk as they are read.
pub struct Sorted(Inner);

enum Inner {
    /// Everything fitted in one run.
    Memory(Box<dyn Iterator<Item = Triple> + Send>),
    /// Runs merged as they are read.
    Merged(Merge),
}

impl std::fmt::Debug for Sorted {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.0 {
            Inner::Memory(_) => f.write_str("Sorted(in memory)"),
            Inner::Merged(m) => write!(f, "Sorted({} runs)", m.runs.len()),
        }
    }
}

impl Iterator for Sorted {
    type Item = Result<Triple>;

    fn next(&mut self) -> Option<Result<Triple>> {
        match &mut self.0 {
            Inner::Memory(triples) => triples.next().map(Ok),
            Inner::Merged(merge) => merge.next(),
        }
    }
}

/// One run read back: its triples in order.
type Run = Box<dyn Iterator<Item = Result<Triple>> + Send>;

fn read_run(file: File) -> Run {
    let quads = RdfParser::from_format(RdfFormat::NTriples)
        .for_reader(BufReader::new(file))
        .map(|quad| {
            quad.map(Triple::from).map_err(|e| {
                Error::Spill(std::io::Error::other(format!(
                    "a run reads back wrong: {e}"
                )))
            })
        });
    Box::new(quads)
}

/// The next triple of one run, ordered for the merge: by writing order, then by run.
struct Head {
    sorts_last: bool,
    triple: Triple,
    run: usize,
}

impl Head {
    fn new(triple: Triple, run: usize, last: &str) -> Head {
        // Whether the subject sorts last is settled once, so that comparing needs no `last`.
        let sorts_last = super::sorted::subject_sorts_last(triple.as_ref(), last);
        Head {
            sorts_last,
            triple,
            run,
        }
    }
}

impl Ord for Head {
    fn cmp(&self, other: &Head) -> Ordering {
        self.sorts_last
            .cmp(&other.sorts_last)
            .then_with(|| compare_triples(self.triple.as_ref(), other.triple.as_ref(), ""))
            .then_with(|| self.run.cmp(&other.run))
    }
}

impl PartialOrd for Head {
    fn partial_cmp(&self, other: &Head) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl PartialEq for Head {
    fn eq(&self, other: &Head) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Head {}

/// Runs merged: the smallest head is taken each time, and a triple equal to the one before it
/// (the same triple in two runs) is skipped.
struct Merge {
    runs: Vec<Run>,
    heads: BinaryHeap<Reverse<Head>>,
    last: String,
    previous: Option<Triple>,
}

impl Iterator for Merge {
    type Item = Result<Triple>;

    fn next(&mut self) -> Option<Result<Triple>> {
        loop {
            let Reverse(head) = self.heads.pop()?;
            match self.runs[head.run].next() {
                Some(Ok(next)) => self
                    .heads
                    .push(Reverse(Head::new(next, head.run, &self.last))),
                Some(Err(e)) => return Some(Err(e)),
                None => {}
            }
            if self.previous.as_ref() != Some(&head.triple) {
                self.previous = Some(head.triple.clone());
                return Some(Ok(head.triple));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::SortedTriples;
    use oxigraph::model::{Literal, NamedNode};

    /// Triples with repeats, numbers in names, literals of several kinds, a type, and
    /// subjects that sort last.
    fn triples() -> Vec<Triple> {
        let n = |s: String| NamedNode::new(format!("http://x.example/{s}")).unwrap();
        let mut all = Vec::new();
        for i in (0..300).rev() {
            let s = n(format!(
                "{}.{}",
                if i % 7 == 0 { "last" } else { "s" },
                i % 50
            ));
            all.push(Triple::new(
                s.clone(),
                crate::rdf::vocab::rdf::TYPE,
                n(format!("C{}", i % 3)),
            ));
            all.push(Triple::new(
                s.clone(),
                n("label".into()),
                Literal::new_language_tagged_literal_unchecked(
                    format!("v {} \"q\"\n", i % 11),
                    "en",
                ),
            ));
            all.push(Triple::new(
                s,
                n(format!("p{}", i % 4)),
                Literal::new_typed_literal(
                    format!("{}", i % 13),
                    oxigraph::model::vocab::xsd::INTEGER,
                ),
            ));
        }
        all
    }

    #[test]
    fn runs_merged_from_disk_are_the_triples_sorted_in_memory() {
        let last = "http://x.example/last";
        let whole: Vec<Triple> = SortedTriples::new(triples(), last).into_triples().collect();
        for run_triples in [1, 7, 64, 1000] {
            let mut sorter = Sorter::with_run_triples(last, run_triples);
            sorter.extend(triples()).unwrap();
            assert_eq!(sorter.runs() > 0, run_triples < 900, "{run_triples}");
            let merged: Vec<Triple> = sorter.finish().unwrap().collect::<Result<_>>().unwrap();
            assert_eq!(merged, whole, "runs of {run_triples}");
        }
    }
}
