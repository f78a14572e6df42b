//! The errors of the library: each says what went wrong and where, and a caller can tell the
//! kinds apart (a facts file's problems are a list of positions; a SPARQL error is one line).

use crate::diagnostic::Diagnostics;
use std::path::PathBuf;

/// A newsgraph library error.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Problems in a facts file, one per line, each with file, line and column.
    #[error("{0}")]
    Facts(Diagnostics),
    /// Evidence quotes that are not in the article's text, one per line.
    #[error("{0}")]
    Quotes(Diagnostics),
    /// A file that could not be read.
    #[error("cannot read {what} {}: {source}", path.display())]
    Read {
        /// What the file was for: "facts file", "article text"…
        what: &'static str,
        /// The path given.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// A file larger than newsgraph reads for its purpose ([`crate::text::read`]).
    #[error("{}: the {what} is larger than {}, the most newsgraph reads", path.display(), size(*cap))]
    TooLarge {
        /// What the file was for.
        what: &'static str,
        /// The path given.
        path: PathBuf,
        /// The most bytes read of such a file.
        cap: u64,
    },
    /// Sorting through temporary files failed ([`crate::export::spill`]).
    #[error("cannot sort through a temporary file: {0}")]
    Spill(std::io::Error),
    /// Writing output failed.
    #[error("cannot write: {0}")]
    Write(#[from] std::io::Error),
    /// A SPARQL query that does not parse, said in one line ([`crate::query::run::describe_syntax_error`]).
    #[error("invalid SPARQL: {0}")]
    Sparql(String),
    /// A question that gave no answer within its limits.
    #[error("{0}")]
    Query(#[from] QueryError),
    /// A query that failed while running.
    #[error("query evaluation failed: {0}")]
    Evaluation(#[from] oxigraph::sparql::QueryEvaluationError),
    /// The store failed.
    #[error("store error: {0}")]
    Store(#[from] oxigraph::store::StorageError),
    /// Loading RDF into the store failed.
    #[error("cannot load RDF: {0}")]
    Load(#[from] oxigraph::store::LoaderError),
    /// Serializing RDF or query results failed.
    #[error("cannot serialize: {0}")]
    Serialize(#[from] oxigraph::store::SerializerError),
    /// A base IRI or prefix namespace that is not an absolute IRI ending in `/` or `#`.
    #[error("invalid base IRI \"{iri}\": {reason}")]
    BaseIri {
        /// The IRI given.
        iri: String,
        /// What is wrong with it.
        reason: String,
    },
    /// Inputs that do not fit together (e.g. one article text for several facts files).
    #[error("{0}")]
    Input(String),
    /// The problems of several inputs, each reported.
    #[error("{}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))]
    Several(Vec<Error>),
}

impl Error {
    /// The problems one by one: each diagnostic of a facts file, each error of several.
    pub fn lines(&self) -> Vec<String> {
        match self {
            Error::Facts(problems) | Error::Quotes(problems) => {
                problems.0.iter().map(ToString::to_string).collect()
            }
            Error::Several(errors) => errors.iter().flat_map(Error::lines).collect(),
            other => vec![other.to_string()],
        }
    }
}

/// A size in bytes, in mebibytes when it is a whole number of them.
fn size(bytes: u64) -> String {
    const MIB: u64 = 1024 * 1024;
    if bytes >= MIB && bytes % MIB == 0 {
        format!("{} MiB", bytes / MIB)
    } else {
        format!("{bytes} bytes")
    }
}

/// Why a bounded query gave no answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QueryError {
    /// The query is not valid SPARQL; the parser's message.
    Syntax(String),
    /// The query asks for something this build does not do (`SERVICE` calls).
    Unsupported(String),
    /// Evaluation ran past the time limit and was stopped.
    TimedOut(std::time::Duration),
    /// The answer has more results than the cap.
    TooManyResults(usize),
    /// Evaluation failed otherwise.
    Failed(String),
}

impl std::fmt::Display for QueryError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            QueryError::Syntax(message) => write!(f, "invalid SPARQL: {message}"),
            QueryError::Unsupported(message) => write!(f, "unsupported: {message}"),
            QueryError::TimedOut(limit) => write!(
                f,
                "the query ran longer than the time limit of {} s and was stopped",
                limit.as_secs_f64()
            ),
            QueryError::TooManyResults(cap) => write!(
                f,
                "the answer has more than {cap} results; narrow the query or add a LIMIT"
            ),
            QueryError::Failed(message) => write!(f, "query evaluation failed: {message}"),
        }
    }
}

impl std::error::Error for QueryError {}

/// The library's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;
