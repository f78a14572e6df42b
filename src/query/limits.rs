//! Bounds on a query: a time limit that cancels evaluation when it passes, and a cap on the
//! number of results. `newsgraph query --timeout` and `newsgraph serve` share them.
//!
//! The time limit works through Oxigraph's cancellation token: one watchdog thread, started
//! on first use, cancels the token of every query whose deadline has passed, and the
//! evaluator stops at its next step with [`QueryEvaluationError::Cancelled`].

use oxigraph::sparql::{CancellationToken, QueryEvaluationError};
use std::collections::BTreeMap;
use std::fmt;

pub use crate::error::QueryError;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Condvar, Mutex, OnceLock};
use std::time::{Duration, Instant};

/// How long a query may run and how many results it may give.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Limits {
    /// Stop evaluating after this long; no limit when `None`.
    pub timeout: Option<Duration>,
    /// Refuse answers with more rows (or, for graph results, triples) than this.
    pub max_results: Option<usize>,
}

/// Reads a number of seconds (`10`, `0.5`) for a command-line option.
pub fn parse_seconds(text: &str) -> Result<Duration, String> {
    let seconds: f64 = text
        .parse()
        .map_err(|_| format!("\"{text}\" is not a number of seconds"))?;
    if !(seconds > 0.0 && seconds <= 86_400.0) {
        return Err(format!(
            "{text} s is not a time limit: give more than 0 and at most 86400 seconds"
        ));
    }
    Ok(Duration::from_secs_f64(seconds))
}

/// Seconds as people write them: `10 s`, `0.5 s`.
pub fn seconds(duration: Duration) -> String {
    format!("{} s", duration.as_secs_f64())
}

/// A running query's deadline: its cancellation token is cancelled once `timeout` has
/// passed, unless the deadline is dropped first.
pub struct Deadline {
    token: CancellationToken,
    key: Option<(Instant, u64)>,
}

impl fmt::Debug for Deadline {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Deadline")
            .field("at", &self.key.map(|(at, _)| at))
            .field("expired", &self.expired())
            .finish()
    }
}

impl Deadline {
    /// Starts the clock; with `None`, the token is never cancelled.
    pub fn start(timeout: Option<Duration>) -> Deadline {
        let token = CancellationToken::new();
        let key = timeout.map(|timeout| watchdog().watch(Instant::now() + timeout, &token));
        Deadline { token, key }
    }

    /// The token to give the evaluator.
    pub fn token(&self) -> &CancellationToken {
        &self.token
    }

    /// Whether the deadline has passed (and the token been cancelled).
    pub fn expired(&self) -> bool {
        self.token.is_cancelled()
    }
}

impl Drop for Deadline {
    fn drop(&mut self) {
        if let Some(key) = self.key {
            watchdog().forget(key);
        }
    }
}

/// How long past its deadline a query may take to notice that it was cancelled.
pub const GRACE: Duration = Duration::from_secs(1);

/// Runs `work` on a thread of its own under a [`Deadline`] of `timeout`, and waits for it
/// until the deadline and a short [`GRACE`] have passed. Oxigraph stops most queries soon
/// after their token is cancelled; one it cannot interrupt (a `COUNT(*)` over a cartesian
/// product, whose inner loops never look at the token) is left running on its thread, and
/// [`QueryError::TimedOut`] returned all the same, so the caller never hangs.
pub fn with_deadline<T: Send + 'static>(
    timeout: Option<Duration>,
    work: impl FnOnce(&Deadline) -> T + Send + 'static,
) -> Result<T, QueryError> {
    let Some(limit) = timeout else {
        return Ok(work(&Deadline::start(None)));
    };
    let (sender, receiver) = std::sync::mpsc::channel();
    std::thread::Builder::new()
        .name("query".to_owned())
        .spawn(move || {
            let deadline = Deadline::start(Some(limit));
            let _ = sender.send(work(&deadline));
        })
        .map_err(|e| QueryError::Failed(format!("cannot start the query thread: {e}")))?;
    receiver
        .recv_timeout(limit.saturating_add(GRACE))
        .map_err(|_| QueryError::TimedOut(limit))
}

/// The deadlines being watched, earliest first.
struct Watchdog {
    deadlines: Mutex<BTreeMap<(Instant, u64), CancellationToken>>,
    changed: Condvar,
    next_id: AtomicU64,
}

fn watchdog() -> &'static Watchdog {
    static WATCHDOG: OnceLock<&'static Watchdog> = OnceLock::new();
    WATCHDOG.get_or_init(|| {
        let watchdog: &'static Watchdog = Box::leak(Box::new(Watchdog {
            deadlines: Mutex::new(BTreeMap::new()),
            changed: Condvar::new(),
            next_id: AtomicU64::new(0),
        }));
        std::thread::Builder::new()
            .name("query-deadlines".to_owned())
            .spawn(move || watchdog.run())
            .expect("cannot start the query deadline thread");
        watchdog
    })
}

impl Watchdog {
    fn watch(&self, at: Instant, token: &CancellationToken) -> (Instant, u64) {
        let key = (at, self.next_id.fetch_add(1, Ordering::Relaxed));
        let mut deadlines = self.lock();
        let earliest = deadlines
            .first_key_value()
            .is_none_or(|(first, _)| key < *first);
        deadlines.insert(key, token.clone());
        drop(deadlines);
        if earliest {
            self.changed.notify_one();
        }
        key
    }

    fn forget(&self, key: (Instant, u64)) {
        self.lock().remove(&key);
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, BTreeMap<(Instant, u64), CancellationToken>> {
        // A panic while holding this lock cannot leave the map inconsistent.
        self.deadlines
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    fn run(&self) {
        let mut deadlines = self.lock();
        loop {
            let now = Instant::now();
            while let Some(entry) = deadlines.first_entry() {
                if entry.key().0 > now {
                    break;
                }
                entry.remove().cancel();
            }
            deadlines = match deadlines.first_key_value().map(|((at, _), _)| *at - now) {
                Some(wait) => {
                    self.changed
                        .wait_timeout(deadlines, wait)
                        .unwrap_or_else(std::sync::PoisonError::into_inner)
                        .0
                }
                None => self
                    .changed
                    .wait(deadlines)
                    .unwrap_or_else(std::sync::PoisonError::into_inner),
            };
        }
    }
}

impl QueryError {
    /// Classifies an error from parsing or evaluating a query run under `deadline`.
    pub fn classify(error: &crate::Error, deadline: &Deadline, limits: &Limits) -> QueryError {
        match error {
            crate::Error::Query(error) => error.clone(),
            crate::Error::Sparql(message) => QueryError::Syntax(one_line(message)),
            crate::Error::Evaluation(evaluation) => {
                QueryError::from_evaluation(evaluation, deadline, limits)
            }
            other => QueryError::Failed(one_line(&other.to_string())),
        }
    }

    fn from_evaluation(
        error: &QueryEvaluationError,
        deadline: &Deadline,
        limits: &Limits,
    ) -> QueryError {
        match error {
            QueryEvaluationError::Cancelled if deadline.expired() => {
                QueryError::TimedOut(limits.timeout.unwrap_or_default())
            }
            QueryEvaluationError::UnsupportedService(_)
            | QueryEvaluationError::Service(_)
            | QueryEvaluationError::UnboundService
            | QueryEvaluationError::InvalidServiceName(_) => QueryError::Unsupported(format!(
                "{}; newsgraph does not call other SPARQL endpoints",
                one_line(&error.to_string())
            )),
            other => QueryError::Failed(one_line(&other.to_string())),
        }
    }
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deadlines_cancel_their_token_and_only_theirs() {
        let short = Deadline::start(Some(Duration::from_millis(20)));
        let long = Deadline::start(Some(Duration::from_secs(60)));
        let none = Deadline::start(None);
        std::thread::sleep(Duration::from_millis(200));
        assert!(short.expired());
        assert!(!long.expired());
        assert!(!none.expired());
    }

    #[test]
    fn work_past_its_deadline_is_given_up() {
        let answer = with_deadline(Some(Duration::from_millis(50)), |deadline| {
            while !deadline.expired() {
                std::thread::sleep(Duration::from_millis(5));
            }
            // Ignores the cancellation, as an uninterruptible query would.
            std::thread::sleep(Duration::from_secs(30));
        });
        assert_eq!(answer, Err(QueryError::TimedOut(Duration::from_millis(50))));
        assert_eq!(with_deadline(Some(Duration::from_secs(5)), |_| 42), Ok(42));
    }

    #[test]
    fn seconds_are_positive_numbers() {
        assert_eq!(parse_seconds("0.5"), Ok(Duration::from_millis(500)));
        assert!(parse_seconds("0").is_err());
        assert!(parse_seconds("ten").is_err());
        assert_eq!(seconds(Duration::from_secs(10)), "10 s");
    }
}
