//! One way to ask a question: a [`Request`] holds the question (a saved one by name, or any
//! SPARQL), the values bound into it, an as-of date for a question that takes one, its
//! [`Limits`] and a row cap; [`Request::run`] gives the whole [`Answer`] within them, and
//! [`Request::write`] streams it in a [`ResultsFormat`]. The command line, the server, the
//! tests and the benchmarks all ask through it.
//!
//! ```no_run
//! use newsgraph::query::request::Request;
//! use newsgraph::query::results::ResultsFormat;
//! # let store = newsgraph::pipeline::load(&Default::default(), &Default::default())?.store;
//! let mut out = Vec::new();
//! Request::saved("leaders-as-of")?
//!     .as_of("2024-12-01")?
//!     .timeout(Some(std::time::Duration::from_secs(10)))
//!     .limit(20)
//!     .write(&store, ResultsFormat::Csv, &mut out)?;
//! # Ok::<(), newsgraph::Error>(())
//! ```

use super::catalogue::{self, SavedQuery};
use super::limits::{Deadline, Limits, QueryError};
use super::results::{ResultsFormat, write_results_limited};
use crate::error::{Error, Result};
use crate::rdf::iris::Iris;
use crate::store::GraphStore;
use oxigraph::model::{Term, Triple};
use oxigraph::sparql::{CancellationToken, QueryResults, Variable};
use std::io::Write;
use std::time::Duration;

/// The variable an as-of date is bound to, in the questions that take one.
pub const AS_OF_VARIABLE: &str = "date";

/// A question to ask a store, built step by step (see the [module](self)).
#[derive(Debug, Clone)]
pub struct Request {
    sparql: String,
    saved: Option<SavedQuery>,
    prefixes: Vec<(String, String)>,
    bindings: Vec<(Variable, Term)>,
    limits: Limits,
    limit: Option<usize>,
}

/// A complete answer, gathered within a request's limits.
#[derive(Debug, Clone, PartialEq)]
pub enum Answer {
    /// SELECT: the variables, and one row per solution (`None` where a variable is unbound).
    Solutions {
        /// The selected variables, in order.
        variables: Vec<Variable>,
        /// The solutions.
        rows: Vec<Vec<Option<Term>>>,
    },
    /// ASK.
    Boolean(bool),
    /// CONSTRUCT or DESCRIBE.
    Graph(Vec<Triple>),
}

impl Request {
    /// Any SPARQL query, with the prefixes of the default IRIs declared for it.
    pub fn sparql(text: impl Into<String>) -> Request {
        Request {
            sparql: text.into(),
            saved: None,
            prefixes: crate::rdf::prefixes(&Iris::default()),
            bindings: Vec::new(),
            limits: Limits::default(),
            limit: None,
        }
    }

    /// The saved question called `name`; an unknown name is an error that lists the others.
    pub fn saved(name: &str) -> Result<Request> {
        let Some(saved) = catalogue::find(name) else {
            let names: Vec<&str> = catalogue::saved().iter().map(|q| q.name).collect();
            return Err(Error::Input(format!(
                "unknown saved query \"{name}\"; the saved queries are: {}",
                names.join(", ")
            )));
        };
        Ok(Request::from_saved(saved))
    }

    /// A saved question already found.
    pub fn from_saved(saved: SavedQuery) -> Request {
        let mut request = Request::sparql(saved.sparql);
        request.saved = Some(saved);
        request
    }

    /// Declares these prefixes instead (for IRIs other than the default ones); give them
    /// before values that use them.
    pub fn prefixes(mut self, prefixes: Vec<(String, String)>) -> Request {
        self.prefixes = prefixes;
        self
    }

    /// Binds `variable` to `value`; a variable bound twice is an error.
    pub fn bind(mut self, variable: Variable, value: Term) -> Result<Request> {
        if self.bindings.iter().any(|(v, _)| *v == variable) {
            return Err(Error::Input(format!(
                "?{} is already bound",
                variable.as_str()
            )));
        }
        self.bindings.push((variable, value));
        Ok(self)
    }

    /// Binds the variable `name` to `value` written as `--bind` takes it
    /// ([`catalogue::binding`]). A saved question binds only the variables it uses.
    pub fn bind_text(self, name: &str, value: &str) -> Result<Request> {
        let (variable, term) =
            catalogue::binding(name, value, &self.prefixes).map_err(Error::Input)?;
        if let Some(saved) = &self.saved {
            if !saved.mentions(variable.as_str()) {
                let takes = saved.parameters();
                return Err(Error::Input(format!(
                    "the saved question {} has no parameter \"{}\"; it takes {}",
                    saved.name,
                    variable.as_str(),
                    if takes.is_empty() {
                        "none".to_owned()
                    } else {
                        takes.join(", ")
                    }
                )));
            }
        }
        self.bind(variable, term)
    }

    /// The date (`2024-12-01`) a question that asks "as of when" is asked for: bound to its
    /// `?date`. A question without one is an error.
    pub fn as_of(self, date: &str) -> Result<Request> {
        if !super::catalogue::mentions_variable(&self.sparql, AS_OF_VARIABLE) {
            return Err(Error::Input(format!(
                "this question takes no as-of date (it has no ?{AS_OF_VARIABLE})"
            )));
        }
        self.bind_text(AS_OF_VARIABLE, date)
    }

    /// Stops evaluation after `timeout` (no limit with `None`).
    pub fn timeout(mut self, timeout: Option<Duration>) -> Request {
        self.limits.timeout = timeout;
        self
    }

    /// Refuses an answer of more than `max` rows (or triples) with
    /// [`QueryError::TooManyResults`].
    pub fn max_results(mut self, max: Option<usize>) -> Request {
        self.limits.max_results = max;
        self
    }

    /// Both limits at once.
    pub fn limits(mut self, limits: Limits) -> Request {
        self.limits = limits;
        self
    }

    /// Gives at most `rows` rows (or triples), leaving out the rest.
    pub fn limit(mut self, rows: usize) -> Request {
        self.limit = Some(rows);
        self
    }

    /// The SPARQL text.
    pub fn text(&self) -> &str {
        &self.sparql
    }

    /// The saved question it asks, if it is one.
    pub fn saved_question(&self) -> Option<&SavedQuery> {
        self.saved.as_ref()
    }

    /// The values bound.
    pub fn bindings(&self) -> &[(Variable, Term)] {
        &self.bindings
    }

    /// The limits it runs within.
    pub fn get_limits(&self) -> Limits {
        self.limits
    }

    /// The prefixes declared.
    pub fn get_prefixes(&self) -> &[(String, String)] {
        &self.prefixes
    }

    /// Evaluates the question without its limits; `cancel` stops it. The results are read
    /// as they are made.
    pub fn execute(
        &self,
        store: &GraphStore,
        cancel: &CancellationToken,
    ) -> Result<QueryResults<'static>> {
        super::run::execute(store, &self.sparql, &self.prefixes, &self.bindings, cancel)
    }

    /// The results, read as they are made, with no limit on time or size.
    pub fn results(&self, store: &GraphStore) -> Result<QueryResults<'static>> {
        self.execute(store, &CancellationToken::new())
    }

    /// The whole answer, within the limits.
    pub fn run(&self, store: &GraphStore) -> Result<Answer> {
        self.run_until(store, &Deadline::start(self.limits.timeout))
    }

    /// The whole answer, within the cap on results and until `deadline`.
    pub fn run_until(&self, store: &GraphStore, deadline: &Deadline) -> Result<Answer> {
        let failed = |e: Error| Error::Query(QueryError::classify(&e, deadline, &self.limits));
        let results = self.execute(store, deadline.token()).map_err(failed)?;
        let cap = self.limits.max_results.unwrap_or(usize::MAX);
        let take = self.limit.unwrap_or(usize::MAX);
        let too_many = || Error::Query(QueryError::TooManyResults(cap));
        match results {
            QueryResults::Solutions(solutions) => {
                let variables = solutions.variables().to_vec();
                let mut rows = Vec::new();
                for solution in solutions.take(take) {
                    let solution = solution.map_err(|e| failed(e.into()))?;
                    if rows.len() == cap {
                        return Err(too_many());
                    }
                    rows.push(variables.iter().map(|v| solution.get(v).cloned()).collect());
                }
                Ok(Answer::Solutions { variables, rows })
            }
            QueryResults::Boolean(value) => Ok(Answer::Boolean(value)),
            QueryResults::Graph(triples) => {
                let mut all = Vec::new();
                for triple in triples.take(take) {
                    let triple = triple.map_err(|e| failed(e.into()))?;
                    if all.len() == cap {
                        return Err(too_many());
                    }
                    all.push(triple);
                }
                Ok(Answer::Graph(all))
            }
        }
    }

    /// Writes the answer to `out` in `format` as the query makes it (graphs in Turtle),
    /// within the time limit; the row cap leaves out the rows past it.
    pub fn write(
        &self,
        store: &GraphStore,
        format: ResultsFormat,
        out: &mut dyn Write,
    ) -> Result<()> {
        self.write_until(store, &Deadline::start(self.limits.timeout), format, out)
    }

    /// Writes the answer as [`write`](Self::write) does, until `deadline`.
    pub fn write_until(
        &self,
        store: &GraphStore,
        deadline: &Deadline,
        format: ResultsFormat,
        out: &mut dyn Write,
    ) -> Result<()> {
        let timed_out = || {
            Error::Query(QueryError::TimedOut(
                self.limits.timeout.unwrap_or_default(),
            ))
        };
        let results = match self.execute(store, deadline.token()) {
            Err(_) if deadline.expired() => return Err(timed_out()),
            other => other?,
        };
        match write_results_limited(results, format, &self.prefixes, self.limit, out) {
            Err(_) if deadline.expired() => Err(timed_out()),
            other => other,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use oxigraph::model::Literal;

    #[test]
    fn a_saved_question_takes_only_its_parameters() {
        let request = Request::saved("evidence").unwrap();
        assert!(
            request
                .clone()
                .bind_text("entity", "person:lin-wan")
                .is_ok()
        );
        let wrong = request.bind_text("nobody", "x").unwrap_err().to_string();
        assert_eq!(
            wrong,
            "the saved question evidence has no parameter \"nobody\"; it takes entity"
        );
        let unknown = Request::saved("no-such").unwrap_err().to_string();
        assert!(unknown.starts_with("unknown saved query \"no-such\"; the saved queries are: "));
        let twice = Request::sparql("SELECT ?x WHERE {}")
            .bind(Variable::new_unchecked("x"), Literal::from(1).into())
            .unwrap()
            .bind(Variable::new_unchecked("x"), Literal::from(2).into())
            .unwrap_err();
        assert_eq!(twice.to_string(), "?x is already bound");
    }

    #[test]
    fn an_as_of_date_binds_the_date_of_a_question_that_takes_one() {
        let request = Request::saved("leaders-as-of")
            .unwrap()
            .as_of("2024-12-01")
            .unwrap();
        assert_eq!(
            request.bindings(),
            [(
                Variable::new_unchecked("date"),
                Literal::new_simple_literal("2024-12-01").into()
            )]
        );
        let refused = Request::saved("leadership").unwrap().as_of("2024-12-01");
        assert_eq!(
            refused.unwrap_err().to_string(),
            "this question takes no as-of date (it has no ?date)"
        );
    }

    #[test]
    fn answers_are_capped_and_limited() {
        let store = GraphStore::new().unwrap();
        let ask = |request: Request| request.run(&store);
        let values = "SELECT ?n WHERE { VALUES ?n { 1 2 3 4 5 } }";
        let Answer::Solutions { rows, .. } = ask(Request::sparql(values).limit(2)).unwrap() else {
            panic!("solutions")
        };
        assert_eq!(
            rows,
            [
                [Some(Literal::from(1).into())],
                [Some(Literal::from(2).into())]
            ]
        );
        let capped = ask(Request::sparql(values).max_results(Some(4))).unwrap_err();
        assert!(
            matches!(capped, Error::Query(QueryError::TooManyResults(4))),
            "{capped}"
        );
        assert_eq!(
            ask(Request::sparql("ASK { FILTER(1 < 2) }")).unwrap(),
            Answer::Boolean(true)
        );
        let syntax = ask(Request::sparql("SELECT")).unwrap_err();
        assert!(
            matches!(syntax, Error::Query(QueryError::Syntax(_))),
            "{syntax}"
        );
    }
}
