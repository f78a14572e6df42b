//! A measured prototype for storing each triple once: the default graph as a *view*, the
//! distinct union of the article graphs and the ontology graph, read from the named graphs as
//! queries need it, instead of a stored copy of every triple.
//!
//! [`UnionView`] is a [`spareval::QueryableDataset`] over the public [`Store`] API (the only
//! one Oxigraph 0.5 offers: its own `DatasetView` over encoded terms is private, so every term
//! read here is decoded to a string first). A pattern on the default graph reads
//! `quads_for_pattern(s, p, o, None)`, keeps the quads of the named graphs but the catalogue
//! and the corpus layer, and drops each triple's further copies. In Oxigraph's RocksDB storage
//! those copies are adjacent: with the graph unbound and at least one of s, p, o bound, the
//! storage reads the SPOG, POSG or OSPG index (graph last), after the default graph's own
//! DSPO/DPOS/DOSP (which it reads first, and the view skips). With nothing bound it reads GSPO
//! (graph first), where the copies are not adjacent; that one pattern is deduplicated with a
//! hash set. (The in-memory storage keeps per-term linked lists in insertion order: no
//! adjacency at all; `adjacency --memory` shows it.) Patterns on a named graph, or on any
//! named graph (`GRAPH ?g`), pass through.
//!
//! Both ways run through Oxigraph's own `SparqlEvaluator` (the one newsgraph uses), on the
//! store (`on_store`: the stored default graph, encoded terms) and on the view
//! (`on_queryable_dataset`): the same parse, the same bound values, the same optimizer.
//!
//! ```sh
//! cargo build --release --features rocksdb --example store_once
//! X=target/release/examples/store_once
//! ./target/release/newsgraph --store /tmp/so5 load data/articles/*.toml
//! $X make-once /tmp/so5 /tmp/so5-once                       # the named graphs only
//! $X make-once target/bench/store1000 /tmp/store1000-once
//! $X run --store /tmp/so5 --once /tmp/so5-once --decoded    # every saved question, every way
//! $X run --store target/bench/store1000 --once /tmp/store1000-once --decoded --budget 20 \
//!     --skip cainiao-alibaba,disagreements,leaders-as-of,story-timeline,timeline
//! $X scan --store /tmp/so5 --once /tmp/so5-once             # what reading through the API costs
//! $X adjacency --store /tmp/so5                             # are a triple's copies adjacent?
//! $X adjacency --memory data/articles/*.toml
//! ```
//!
//! `run` starts one process per question (`one`), which opens the stores read-only and times,
//! in that process: the store's own evaluation, then the view over the same store, then (with
//! `--once`) the view over a store that holds the named graphs only, and (with `--decoded`) the
//! stored default graph read through the same public API, no view; each a warm-up and the
//! median of up to `--runs` runs, each cut off after `--cutoff` seconds. A question the store
//! cannot answer within the cut-off is skipped both ways. A process that stops answering (an
//! operator Oxigraph does not interrupt) is killed after the cut-off and 30 s.

use newsgraph::query::request::Request;
use newsgraph::rdf::vocab::{CATALOGUE_GRAPH, CORPUS_GRAPH};
use oxigraph::model::{
    GraphName, GraphNameRef, NamedNode, NamedOrBlankNodeRef, Term, Triple, Variable,
};
use oxigraph::sparql::{CancellationToken, QueryResults, SparqlEvaluator};
use oxigraph::store::{QuadIter, StorageError, Store};
use spareval::{InternalQuad, QueryableDataset};
use std::cell::Cell;
use std::collections::HashSet;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::rc::Rc;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

type Error = Box<dyn std::error::Error>;

// ---------------------------------------------------------------------------------------------
// The view
// ---------------------------------------------------------------------------------------------

/// How the view drops a triple's copies in several graphs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Dedup {
    /// Adjacent copies only (the full scan, read from GSPO, falls back to `Hash`).
    Adjacent,
    /// A hash set of every triple given so far.
    Hash,
    /// Adjacent, and a hash set beside it that counts the copies adjacency missed.
    Check,
    /// Every copy kept (a control: the union without `DISTINCT`).
    Keep,
    /// No view: the stored default graph, read through the same public API (a baseline that
    /// separates the cost of decoding from the cost of reading every copy).
    Stored,
}

/// What the view read, for one evaluation.
#[derive(Debug, Default)]
struct Stats {
    /// Calls for a pattern on the default graph (the view) and on named graphs.
    default_calls: Cell<u64>,
    named_calls: Cell<u64>,
    /// Default-graph calls with nothing bound (GSPO: deduplicated with a hash set).
    full_scans: Cell<u64>,
    /// Quads decoded by the store for the view, and for named-graph patterns.
    default_read: Cell<u64>,
    named_read: Cell<u64>,
    /// Of `default_read`: copies in the stored default graph, and quads of the catalogue and
    /// the corpus layer, skipped.
    stored_copies_skipped: Cell<u64>,
    left_out_skipped: Cell<u64>,
    /// Triples the view gave, and copies it dropped.
    given: Cell<u64>,
    dropped: Cell<u64>,
    /// `Check`: copies that were not adjacent to an earlier one.
    not_adjacent: Cell<u64>,
}

fn bump(cell: &Cell<u64>) {
    cell.set(cell.get() + 1);
}

impl Stats {
    fn line(&self) -> String {
        format!(
            "default_calls={} full_scans={} default_read={} stored_copies_skipped={} \
             left_out_skipped={} given={} dropped={} not_adjacent={} named_calls={} named_read={}",
            self.default_calls.get(),
            self.full_scans.get(),
            self.default_read.get(),
            self.stored_copies_skipped.get(),
            self.left_out_skipped.get(),
            self.given.get(),
            self.dropped.get(),
            self.not_adjacent.get(),
            self.named_calls.get(),
            self.named_read.get(),
        )
    }
}

/// A store whose default graph is the distinct union of its named graphs but the catalogue
/// and the corpus layer (the stored default graph, if any, is never read as such).
#[derive(Clone)]
struct UnionView<'a> {
    store: &'a Store,
    left_out: Rc<[NamedNode; 2]>,
    dedup: Dedup,
    stats: Rc<Stats>,
}

impl<'a> UnionView<'a> {
    fn new(store: &'a Store, dedup: Dedup) -> Self {
        UnionView {
            store,
            left_out: Rc::new([CATALOGUE_GRAPH.into_owned(), CORPUS_GRAPH.into_owned()]),
            dedup,
            stats: Rc::new(Stats::default()),
        }
    }
}

type Quads<'a> = Box<dyn Iterator<Item = Result<InternalQuad<Term>, StorageError>> + 'a>;

fn as_subject(term: &Term) -> Option<NamedOrBlankNodeRef<'_>> {
    match term {
        Term::NamedNode(n) => Some(n.as_ref().into()),
        Term::BlankNode(b) => Some(b.as_ref().into()),
        #[allow(unreachable_patterns)]
        _ => None,
    }
}

fn as_graph(term: &Term) -> Option<GraphNameRef<'_>> {
    match term {
        Term::NamedNode(n) => Some(n.as_ref().into()),
        Term::BlankNode(b) => Some(b.as_ref().into()),
        #[allow(unreachable_patterns)]
        _ => None,
    }
}

fn graph_term(graph: GraphName) -> Option<Term> {
    match graph {
        GraphName::NamedNode(n) => Some(n.into()),
        GraphName::BlankNode(b) => Some(b.into()),
        GraphName::DefaultGraph => None,
    }
}

fn internal(triple: Triple, graph: Option<Term>) -> InternalQuad<Term> {
    InternalQuad {
        subject: triple.subject.into(),
        predicate: triple.predicate.into(),
        object: triple.object,
        graph_name: graph,
    }
}

/// The view's default graph for one pattern: the named graphs' quads, each triple once.
struct UnionIter {
    inner: std::iter::Fuse<QuadIter<'static>>,
    left_out: Rc<[NamedNode; 2]>,
    dedup: Dedup,
    /// The last triple read, given once the next one differs (no clone for adjacency).
    pending: Option<Triple>,
    seen: HashSet<Triple>,
    stats: Rc<Stats>,
}

impl Iterator for UnionIter {
    type Item = Result<InternalQuad<Term>, StorageError>;

    fn next(&mut self) -> Option<Self::Item> {
        let stats = Rc::clone(&self.stats);
        let give = |triple: Triple| {
            bump(&stats.given);
            Some(Ok(internal(triple, None)))
        };
        loop {
            let Some(quad) = self.inner.next() else {
                return self.pending.take().and_then(give);
            };
            let quad = match quad {
                Ok(quad) => quad,
                Err(e) => return Some(Err(e)),
            };
            bump(&self.stats.default_read);
            match &quad.graph_name {
                GraphName::DefaultGraph => {
                    bump(&self.stats.stored_copies_skipped);
                    continue;
                }
                GraphName::NamedNode(g) if self.left_out.contains(g) => {
                    bump(&self.stats.left_out_skipped);
                    continue;
                }
                _ => {}
            }
            let triple = Triple::new(quad.subject, quad.predicate, quad.object);
            match self.dedup {
                Dedup::Adjacent => {
                    if self.pending.as_ref() == Some(&triple) {
                        bump(&self.stats.dropped);
                        continue;
                    }
                    if let Some(previous) = self.pending.replace(triple) {
                        return give(previous);
                    }
                }
                Dedup::Hash => {
                    if self.seen.contains(&triple) {
                        bump(&self.stats.dropped);
                        continue;
                    }
                    self.seen.insert(triple.clone());
                    return give(triple);
                }
                Dedup::Keep | Dedup::Stored => return give(triple),
                Dedup::Check => {
                    if self.pending.as_ref() == Some(&triple) {
                        bump(&self.stats.dropped);
                        continue;
                    }
                    if self.seen.contains(&triple) {
                        bump(&self.stats.dropped);
                        bump(&self.stats.not_adjacent);
                        continue;
                    }
                    self.seen.insert(triple.clone());
                    if let Some(previous) = self.pending.replace(triple) {
                        return give(previous);
                    }
                }
            }
        }
    }
}

impl<'a> QueryableDataset<'a> for UnionView<'a> {
    type InternalTerm = Term;
    type Error = StorageError;

    fn internal_quads_for_pattern(
        &self,
        subject: Option<&Term>,
        predicate: Option<&Term>,
        object: Option<&Term>,
        graph_name: Option<Option<&Term>>,
    ) -> impl Iterator<Item = Result<InternalQuad<Term>, StorageError>> + use<'a> {
        let nothing = || -> Quads<'a> { Box::new(std::iter::empty()) };
        let s = match subject.map(as_subject) {
            Some(None) => return nothing(),
            s => s.flatten(),
        };
        let p = match predicate {
            Some(Term::NamedNode(p)) => Some(p.as_ref()),
            Some(_) => return nothing(),
            None => None,
        };
        let o = object.map(Term::as_ref);
        let stats = Rc::clone(&self.stats);
        match graph_name {
            // The baseline: the stored default graph, decoded.
            Some(None) if self.dedup == Dedup::Stored => {
                bump(&stats.default_calls);
                Box::new(
                    self.store
                        .quads_for_pattern(s, p, o, Some(GraphNameRef::DefaultGraph))
                        .map(move |quad| {
                            bump(&stats.default_read);
                            bump(&stats.given);
                            Ok(internal(Triple::from(quad?), None))
                        }),
                )
            }
            // The default graph: the view.
            Some(None) => {
                bump(&stats.default_calls);
                let mut dedup = self.dedup;
                if s.is_none() && p.is_none() && o.is_none() {
                    // Read from GSPO: a triple's copies are apart.
                    bump(&stats.full_scans);
                    if dedup == Dedup::Adjacent {
                        dedup = Dedup::Hash;
                    }
                }
                Box::new(UnionIter {
                    inner: self.store.quads_for_pattern(s, p, o, None).fuse(),
                    left_out: Rc::clone(&self.left_out),
                    dedup,
                    pending: None,
                    seen: HashSet::new(),
                    stats,
                }) as Quads<'a>
            }
            // One named graph: as stored.
            Some(Some(graph)) => {
                let Some(g) = as_graph(graph) else {
                    return nothing();
                };
                bump(&stats.named_calls);
                Box::new(
                    self.store
                        .quads_for_pattern(s, p, o, Some(g))
                        .map(move |quad| {
                            bump(&stats.named_read);
                            let quad = quad?;
                            let graph = graph_term(quad.graph_name.clone());
                            Ok(internal(Triple::from(quad), graph))
                        }),
                )
            }
            // Any named graph: the stored default graph's copies left out.
            None => {
                bump(&stats.named_calls);
                Box::new(
                    self.store
                        .quads_for_pattern(s, p, o, None)
                        .filter_map(move |quad| {
                            bump(&stats.named_read);
                            match quad {
                                Err(e) => Some(Err(e)),
                                Ok(quad) if quad.graph_name.is_default_graph() => {
                                    bump(&stats.stored_copies_skipped);
                                    None
                                }
                                Ok(quad) => {
                                    let graph = graph_term(quad.graph_name.clone());
                                    Some(Ok(internal(Triple::from(quad), graph)))
                                }
                            }
                        }),
                )
            }
        }
    }

    fn internal_named_graphs(&self) -> impl Iterator<Item = Result<Term, StorageError>> + use<'a> {
        self.store.named_graphs().map(|g| g.map(Term::from))
    }

    fn contains_internal_graph_name(&self, graph_name: &Term) -> Result<bool, StorageError> {
        match as_subject(graph_name) {
            Some(g) => self.store.contains_named_graph(g),
            None => Ok(false),
        }
    }

    fn internalize_term(&self, term: Term) -> Result<Term, StorageError> {
        Ok(term)
    }

    fn externalize_term(&self, term: Term) -> Result<Term, StorageError> {
        Ok(term)
    }
}

// ---------------------------------------------------------------------------------------------
// Questions and answers
// ---------------------------------------------------------------------------------------------

/// A saved question, parsed as newsgraph parses it, with the values the benchmarks bind.
struct Question {
    query: spargebra::Query,
    bindings: Vec<(Variable, Term)>,
}

fn question(name: &str) -> Result<Question, Error> {
    let mut request = Request::saved(name)?;
    // As benches/questions_warm.sh asks `evidence`; `leaders-as-of` as the README does.
    if name == "evidence" {
        request = request.bind_text("entity", "organization:alibaba")?;
    }
    if name == "leaders-as-of" {
        request = request.as_of("2024-12-01")?;
    }
    let mut query = newsgraph::query::run::parse(request.text(), request.get_prefixes())?;
    newsgraph::query::bindings::write_in(&mut query, request.bindings());
    Ok(Question {
        query,
        bindings: request.bindings().to_vec(),
    })
}

/// An answer, each row (or triple) written out; `None` with an error.
#[derive(Debug, PartialEq)]
enum Answer {
    Rows(Vec<String>),
    Boolean(bool),
}

fn collect(results: QueryResults<'_>) -> Result<Answer, Error> {
    Ok(match results {
        QueryResults::Solutions(solutions) => {
            let variables = solutions.variables().to_vec();
            let mut rows = Vec::new();
            for solution in solutions {
                let solution = solution?;
                let row: Vec<String> = variables
                    .iter()
                    .map(|v| solution.get(v).map(Term::to_string).unwrap_or_default())
                    .collect();
                rows.push(row.join("\t"));
            }
            Answer::Rows(rows)
        }
        QueryResults::Boolean(b) => Answer::Boolean(b),
        QueryResults::Graph(triples) => Answer::Rows(
            triples
                .map(|t| t.map(|t| t.to_string()))
                .collect::<Result<_, _>>()?,
        ),
    })
}

fn evaluator(q: &Question, token: &CancellationToken) -> oxigraph::sparql::PreparedSparqlQuery {
    let mut prepared = SparqlEvaluator::new()
        .with_cancellation_token(token.clone())
        .for_query(q.query.clone());
    for (variable, value) in &q.bindings {
        prepared = prepared.substitute_variable(variable.clone(), value.clone());
    }
    prepared
}

/// The store's own evaluation, on its stored default graph.
fn on_store(store: &Store, q: &Question, token: &CancellationToken) -> Result<Answer, Error> {
    collect(evaluator(q, token).on_store(store).execute()?)
}

/// The same evaluation over the view.
fn on_view(view: &UnionView<'_>, q: &Question, token: &CancellationToken) -> Result<Answer, Error> {
    collect(
        evaluator(q, token)
            .on_queryable_dataset(view.clone())
            .execute()?,
    )
}

/// Runs `f` with a token cancelled after `cutoff`: its time and answer, or `None` when cut off.
fn timed(
    cutoff: Duration,
    f: impl FnOnce(&CancellationToken) -> Result<Answer, Error>,
) -> Result<(Duration, Option<Answer>), Error> {
    let token = CancellationToken::new();
    let done = Arc::new(AtomicBool::new(false));
    let timer = {
        let (token, done) = (token.clone(), Arc::clone(&done));
        std::thread::spawn(move || {
            let until = Instant::now() + cutoff;
            while !done.load(Ordering::Relaxed) {
                if Instant::now() >= until {
                    token.cancel();
                    return;
                }
                std::thread::sleep(Duration::from_millis(20));
            }
        })
    };
    let start = Instant::now();
    let answer = f(&token);
    let took = start.elapsed();
    done.store(true, Ordering::Relaxed);
    let _ = timer.join();
    match answer {
        Ok(answer) if !token.is_cancelled() => Ok((took, Some(answer))),
        _ if token.is_cancelled() => Ok((took, None)),
        Ok(_) => unreachable!(),
        Err(e) => Err(e),
    }
}

fn median(times: &mut [Duration]) -> Duration {
    times.sort();
    times[times.len() / 2]
}

/// Whether two answers hold the same rows: in the same order, or only as multisets.
fn compare(a: &Answer, b: &Answer) -> &'static str {
    match (a, b) {
        (Answer::Rows(x), Answer::Rows(y)) => {
            if x == y {
                "equal"
            } else {
                let (mut x, mut y) = (x.clone(), y.clone());
                x.sort();
                y.sort();
                if x == y {
                    "equal(order differs)"
                } else {
                    "DIFFERENT"
                }
            }
        }
        (x, y) if x == y => "equal",
        _ => "DIFFERENT",
    }
}

fn rows(a: &Answer) -> String {
    match a {
        Answer::Rows(r) => r.len().to_string(),
        Answer::Boolean(b) => b.to_string(),
    }
}

// ---------------------------------------------------------------------------------------------
// Commands
// ---------------------------------------------------------------------------------------------

#[derive(Debug, Clone)]
struct Options {
    store: Option<PathBuf>,
    once: Option<PathBuf>,
    memory: Vec<PathBuf>,
    runs: usize,
    cutoff: Duration,
    /// Fewer runs for a slow question: at most this many seconds of timed runs per side.
    budget: f64,
    skip: Vec<String>,
    questions: Vec<String>,
    /// Also the baseline: the stored default graph through the public API (`Dedup::Stored`).
    decoded: bool,
}

fn parse_options(args: &[String]) -> Result<Options, Error> {
    let mut options = Options {
        store: None,
        once: None,
        memory: Vec::new(),
        runs: 5,
        cutoff: Duration::from_secs(60),
        budget: 60.0,
        skip: Vec::new(),
        questions: Vec::new(),
        decoded: false,
    };
    let mut args = args.iter();
    let mut in_memory = false;
    while let Some(arg) = args.next() {
        let mut value = || args.next().cloned().ok_or(format!("{arg} takes a value"));
        match arg.as_str() {
            "--store" => options.store = Some(value()?.into()),
            "--once" => options.once = Some(value()?.into()),
            "--runs" => options.runs = value()?.parse()?,
            "--cutoff" => options.cutoff = Duration::from_secs_f64(value()?.parse()?),
            "--budget" => options.budget = value()?.parse()?,
            "--skip" => options.skip.extend(value()?.split(',').map(str::to_owned)),
            "--memory" => in_memory = true,
            "--decoded" => options.decoded = true,
            other if in_memory => options.memory.push(other.into()),
            other => options.questions.push(other.to_owned()),
        }
    }
    Ok(options)
}

fn open(path: &Path) -> Result<Store, Error> {
    Store::open_read_only(path).map_err(|e| format!("cannot open {}: {e}", path.display()).into())
}

fn secs(d: Duration) -> String {
    format!("{:.4}", d.as_secs_f64())
}

/// One side's timed runs: a warm-up, then up to `runs` (fewer when the warm-up says they
/// would overrun the budget), each cut off. Prints one line per run as it goes.
fn side(
    label: &str,
    options: &Options,
    mut run: impl FnMut(&CancellationToken) -> Result<Answer, Error>,
) -> Result<Option<(Duration, usize, Answer)>, Error> {
    let out = &mut std::io::stdout();
    let (warm, answer) = timed(options.cutoff, &mut run)?;
    writeln!(out, "WARM {label} {}", secs(warm))?;
    out.flush()?;
    let Some(answer) = answer else {
        writeln!(out, "CUT {label}")?;
        return Ok(None);
    };
    let runs = ((options.budget / warm.as_secs_f64().max(1e-6)) as usize).clamp(1, options.runs);
    let mut times = Vec::new();
    for _ in 0..runs {
        let (took, again) = timed(options.cutoff, &mut run)?;
        writeln!(out, "RUN {label} {}", secs(took))?;
        out.flush()?;
        match again {
            Some(a) if a == answer => times.push(took),
            Some(_) => {
                return Err(format!("{label}: a run gave other rows than the warm-up").into());
            }
            None => {
                writeln!(out, "CUT {label}")?;
                return Ok(None);
            }
        }
    }
    Ok(Some((median(&mut times), runs, answer)))
}

/// `one`: a single question, every way, in this process.
fn one(options: &Options) -> Result<(), Error> {
    let name = options.questions.first().ok_or("which question?")?;
    let q = question(name)?;
    let path = options.store.as_ref().ok_or("--store DIR")?;
    let start = Instant::now();
    let store = open(path)?;
    let once = options.once.as_deref().map(open).transpose()?;
    let out = &mut std::io::stdout();
    writeln!(out, "OPEN {}", secs(start.elapsed()))?;

    let Some((own, own_n, own_answer)) = side("store", options, |t| on_store(&store, &q, t))?
    else {
        writeln!(out, "RESULT {name} store=cut")?;
        return Ok(());
    };
    let mut result = format!(
        "RESULT {name} rows={} store={} store_n={own_n}",
        rows(&own_answer),
        secs(own)
    );
    let mut views = vec![("view", &store, Dedup::Adjacent)];
    if let Some(once) = &once {
        views.push(("once", once, Dedup::Adjacent));
    }
    if options.decoded {
        views.push(("decoded", &store, Dedup::Stored));
    }
    for (label, over, dedup) in views {
        let view = UnionView::new(over, dedup);
        match side(label, options, |t| on_view(&view, &q, t))? {
            None => result += &format!(" {label}=cut"),
            Some((time, n, answer)) => {
                result += &format!(
                    " {label}={} {label}_n={n} {label}_rows={} {label}_same={}",
                    secs(time),
                    rows(&answer),
                    compare(&own_answer, &answer)
                );
                // One more run, untimed, counting what the view read and checking that
                // adjacency found every copy (a hash set beside it).
                let checked = UnionView::new(
                    over,
                    if dedup == Dedup::Stored {
                        dedup
                    } else {
                        Dedup::Check
                    },
                );
                let (_, answer) = timed(options.cutoff, |t| on_view(&checked, &q, t))?;
                writeln!(out, "STATS {label} {}", checked.stats.line())?;
                writeln!(
                    out,
                    "CHECK {label} not_adjacent={} same={}",
                    checked.stats.not_adjacent.get(),
                    answer.map_or("cut", |a| compare(&own_answer, &a))
                )?;
                result += &format!(" {label}_not_adjacent={}", checked.stats.not_adjacent.get());
            }
        }
        out.flush()?;
    }
    writeln!(out, "{result}")?;
    Ok(())
}

/// `run`: every question (or those named) in a process of its own.
fn run(options: &Options, args: &[String]) -> Result<(), Error> {
    let names: Vec<String> = if options.questions.is_empty() {
        newsgraph::query::catalogue::saved()
            .into_iter()
            .map(|q| q.name.to_owned())
            .collect()
    } else {
        options.questions.clone()
    };
    let exe = std::env::current_exe()?;
    // The child gets the same options, without the questions.
    let passed: Vec<&String> = {
        let mut kept = Vec::new();
        let mut i = 0;
        while i < args.len() {
            match args[i].as_str() {
                "--decoded" => {
                    kept.push(&args[i]);
                    i += 1;
                }
                "--store" | "--once" | "--runs" | "--cutoff" | "--budget" => {
                    kept.push(&args[i]);
                    kept.push(&args[i + 1]);
                    i += 2;
                }
                _ => i += 1,
            }
        }
        kept
    };
    let patience = options.cutoff + Duration::from_secs(30);
    let mut results = Vec::new();
    for name in &names {
        if options.skip.contains(name) {
            println!("RESULT {name} skipped");
            results.push(format!("RESULT {name} skipped"));
            continue;
        }
        eprintln!("== {name}");
        let mut child = Command::new(&exe)
            .arg("one")
            .args(&passed)
            .arg(name)
            .stdout(Stdio::piped())
            .spawn()?;
        let stdout = child.stdout.take().expect("piped");
        let (send, receive) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                if send.send(line).is_err() {
                    return;
                }
            }
        });
        let mut result = None;
        loop {
            match receive.recv_timeout(patience) {
                Ok(Ok(line)) => {
                    eprintln!("   {line}");
                    if line.starts_with("RESULT ") {
                        result = Some(line);
                    }
                }
                Ok(Err(e)) => return Err(e.into()),
                Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => break,
                Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {
                    eprintln!(
                        "   no answer in {} s: killing {}",
                        patience.as_secs(),
                        child.id()
                    );
                    child.kill()?;
                    break;
                }
            }
        }
        let status = child.wait()?;
        let line = result.unwrap_or_else(|| format!("RESULT {name} killed-or-failed ({status})"));
        println!("{line}");
        results.push(line);
    }
    Ok(())
}

/// `make-once SRC DST`: a new store holding SRC's named graphs only (no default-graph copies).
fn make_once(src: &Path, dst: &Path) -> Result<(), Error> {
    if dst.exists() {
        return Err(format!("{} exists", dst.display()).into());
    }
    let source = open(src)?;
    let target = Store::open(dst)?;
    let start = Instant::now();
    let mut count = 0u64;
    let mut loader = target
        .bulk_loader()
        .with_num_threads(2)
        .with_max_memory_size_in_megabytes(512);
    loader.load_ok_quads::<StorageError, StorageError>(
        source
            .iter()
            .filter(|q| !q.as_ref().is_ok_and(|q| q.graph_name.is_default_graph()))
            .inspect(|_| count += 1),
    )?;
    loader.commit()?;
    let loaded = start.elapsed();
    target.optimize()?;
    println!(
        "{count} quads of named graphs into {} in {} s, compacted in {} s",
        dst.display(),
        secs(loaded),
        secs(start.elapsed() - loaded)
    );
    Ok(())
}

fn count_query(store: &Store, view: Option<&UnionView<'_>>, sparql: &str) -> Result<String, Error> {
    let q = Question {
        query: newsgraph::query::run::parse(sparql, &[])?,
        bindings: Vec::new(),
    };
    let (took, answer) = timed(Duration::from_secs(600), |t| match view {
        None => on_store(store, &q, t),
        Some(view) => on_view(view, &q, t),
    })?;
    let n = match answer {
        Some(Answer::Rows(r)) => r.join(","),
        other => format!("{other:?}"),
    };
    Ok(format!("{} s ({n})", secs(took)))
}

/// `scan`: what reading through the public API costs, against the store's own evaluation.
fn scan(options: &Options) -> Result<(), Error> {
    let path = options.store.as_ref().ok_or("--store DIR")?;
    let store = open(path)?;
    let once = options.once.as_deref().map(open).transpose()?;
    let rdf_type = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>";
    for round in 0..options.runs.min(2) {
        println!("-- round {round} (the first one warms the caches)");
        // Every quad, decoded by the public API.
        let start = Instant::now();
        let n = store.iter().count();
        let took = start.elapsed();
        println!(
            "store.iter(): {n} quads decoded in {} s ({:.0} quads/s)",
            secs(took),
            n as f64 / took.as_secs_f64()
        );
        let start = Instant::now();
        let n = store
            .quads_for_pattern(None, None, None, None)
            .filter(|q| q.as_ref().is_ok_and(|q| !q.graph_name.is_default_graph()))
            .count();
        println!(
            "  of which in named graphs: {n} ({} s)",
            secs(start.elapsed())
        );
        let everything = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }";
        let default = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }";
        let typed = format!("SELECT (COUNT(*) AS ?n) WHERE {{ ?s {rdf_type} ?o }}");
        let terms =
            "SELECT (COUNT(DISTINCT ?o) AS ?n) WHERE { ?s ?p ?o FILTER(isLiteral(?o)) }".to_owned();
        println!(
            "store, COUNT named quads (encoded): {}",
            count_query(&store, None, everything)?
        );
        println!(
            "store, COUNT default graph (encoded): {}",
            count_query(&store, None, default)?
        );
        println!(
            "store, COUNT ?s a ?o (encoded): {}",
            count_query(&store, None, &typed)?
        );
        println!(
            "store, COUNT DISTINCT literal ?o: {}",
            count_query(&store, None, &terms)?
        );
        let mut views = vec![("view", &store)];
        if let Some(once) = &once {
            views.push(("once", once));
        }
        for (label, over) in views {
            let view = UnionView::new(over, Dedup::Adjacent);
            println!(
                "{label}, COUNT default graph (full scan, hash set): {}",
                count_query(over, Some(&view), default)?
            );
            println!("   {}", view.stats.line());
            let view = UnionView::new(over, Dedup::Adjacent);
            println!(
                "{label}, COUNT ?s a ?o (POSG, adjacent): {}",
                count_query(over, Some(&view), &typed)?
            );
            println!("   {}", view.stats.line());
            let view = UnionView::new(over, Dedup::Adjacent);
            println!(
                "{label}, COUNT DISTINCT literal ?o: {}",
                count_query(over, Some(&view), &terms)?
            );
            println!("   {}", view.stats.line());
        }
    }
    Ok(())
}

/// `adjacency`: whether a triple's copies come together, for every question over the view
/// (with a hash set beside it that counts the copies adjacency missed), and for every
/// predicate, and some subjects and objects, of the store.
fn adjacency(options: &Options) -> Result<(), Error> {
    let (store, label) = if options.memory.is_empty() {
        let path = options
            .store
            .as_ref()
            .ok_or("--store DIR or --memory FACTS...")?;
        (open(path)?, format!("{}", path.display()))
    } else {
        let loaded = newsgraph::pipeline::load(
            &newsgraph::pipeline::Options {
                facts: options.memory.clone(),
                ..Default::default()
            },
            &newsgraph::Iris::default(),
        )?;
        (loaded.store.store().clone(), "in memory".to_owned())
    };
    println!("store: {label}");
    for saved in newsgraph::query::catalogue::saved() {
        if options.skip.iter().any(|s| s == saved.name) {
            continue;
        }
        let q = question(saved.name)?;
        let (_, own) = timed(options.cutoff, |t| on_store(&store, &q, t))?;
        let Some(own) = own else {
            println!("{:24} store cut off", saved.name);
            continue;
        };
        let adjacent = UnionView::new(&store, Dedup::Adjacent);
        let (_, by_adjacency) = timed(options.cutoff, |t| on_view(&adjacent, &q, t))?;
        let checked = UnionView::new(&store, Dedup::Check);
        let (_, by_check) = timed(options.cutoff, |t| on_view(&checked, &q, t))?;
        let kept = UnionView::new(&store, Dedup::Keep);
        let (_, by_keeping) = timed(options.cutoff, |t| on_view(&kept, &q, t))?;
        let said = |a: Option<Answer>| a.map_or("cut".to_owned(), |a| compare(&own, &a).to_owned());
        println!(
            "{:22} adjacent-only rows {:21} checked rows {:21} copies not adjacent {:5} | control, copies kept: {}",
            saved.name,
            said(by_adjacency),
            said(by_check),
            checked.stats.not_adjacent.get(),
            said(by_keeping),
        );
    }
    // Every predicate (POSG covers the store), and subjects and objects.
    let mut predicates = HashSet::new();
    let mut subjects = Vec::new();
    let mut objects = Vec::new();
    let mut seen_s = HashSet::new();
    let mut seen_o = HashSet::new();
    for quad in store.iter() {
        let quad = quad?;
        predicates.insert(quad.predicate.clone());
        if subjects.len() < 5000 && seen_s.insert(quad.subject.clone()) {
            subjects.push(quad.subject.clone());
        }
        if objects.len() < 5000 && seen_o.insert(quad.object.clone()) {
            objects.push(quad.object.clone());
        }
    }
    let view_default = |s: Option<&Term>, p: Option<&Term>, o: Option<&Term>| {
        let view = UnionView::new(&store, Dedup::Check);
        let n = view.internal_quads_for_pattern(s, p, o, Some(None)).count();
        (n, view.stats.not_adjacent.get(), view.stats.dropped.get())
    };
    // The view's counts summed over patterns: triples given, copies not adjacent, dropped.
    let summed = |patterns: Vec<[Option<Term>; 3]>| {
        patterns.iter().fold((0, 0, 0), |total, [s, p, o]| {
            let t = view_default(s.as_ref(), p.as_ref(), o.as_ref());
            (total.0 + t.0, total.1 + t.1, total.2 + t.2)
        })
    };
    let total = summed(
        predicates
            .iter()
            .map(|p| [None, Some(Term::from(p.clone())), None])
            .collect(),
    );
    println!(
        "every predicate ({}): {} triples given, {} copies dropped, {} not adjacent",
        predicates.len(),
        total.0,
        total.2,
        total.1
    );
    let total_s = summed(
        subjects
            .iter()
            .map(|s| [Some(Term::from(s.clone())), None, None])
            .collect(),
    );
    println!(
        "{} subjects: {} triples given, {} copies dropped, {} not adjacent",
        subjects.len(),
        total_s.0,
        total_s.2,
        total_s.1
    );
    let total_o = summed(
        objects
            .iter()
            .map(|o| [None, None, Some(o.clone())])
            .collect(),
    );
    println!(
        "{} objects: {} triples given, {} copies dropped, {} not adjacent",
        objects.len(),
        total_o.0,
        total_o.2,
        total_o.1
    );
    let full = view_default(None, None, None);
    println!(
        "full scan (GSPO), checked: {} triples given, {} copies dropped, {} not adjacent",
        full.0, full.2, full.1
    );
    Ok(())
}

fn main() -> Result<(), Error> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(command) = args.first() else {
        return Err(
            "usage: store_once make-once SRC DST | run | one | scan | adjacency (see the source)"
                .into(),
        );
    };
    let rest = &args[1..];
    match command.as_str() {
        "make-once" => match rest {
            [src, dst] => make_once(Path::new(src), Path::new(dst)),
            _ => Err("make-once SRC DST".into()),
        },
        "run" => run(&parse_options(rest)?, rest),
        "one" => one(&parse_options(rest)?),
        "scan" => scan(&parse_options(rest)?),
        "adjacency" => adjacency(&parse_options(rest)?),
        other => Err(format!("unknown command {other}").into()),
    }
}
