//! What every route shares: answers and refusals (each refusal is its status and one line of
//! plain text saying what was wrong), reading parameters and `Accept`, running work on a
//! blocking thread in a [lane](super::lanes), and a body streamed as it is written.

use super::State;
use crate::query::limits::{GRACE, QueryError, seconds};
use axum::body::Bytes;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use std::fmt::Display;
use std::io::{self, Write};
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;
use tokio::sync::{Semaphore, mpsc};

/// An answer that is not the one asked for: its status and what went wrong.
#[derive(Debug)]
pub struct Failure(pub StatusCode, pub String);

impl Failure {
    /// A refusal with `status`, saying `message`.
    pub fn new(status: StatusCode, message: impl Display) -> Failure {
        Failure(status, message.to_string())
    }
}

impl IntoResponse for Failure {
    fn into_response(self) -> Response {
        let Failure(status, message) = self;
        let line = message.split_whitespace().collect::<Vec<_>>().join(" ");
        (
            status,
            [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
            format!("{line}\n"),
        )
            .into_response()
    }
}

impl From<QueryError> for Failure {
    fn from(error: QueryError) -> Failure {
        let status = match &error {
            QueryError::Syntax(_) | QueryError::Unsupported(_) => StatusCode::BAD_REQUEST,
            QueryError::TimedOut(_) => StatusCode::SERVICE_UNAVAILABLE,
            QueryError::TooManyResults(_) => StatusCode::UNPROCESSABLE_ENTITY,
            QueryError::Failed(_) => StatusCode::INTERNAL_SERVER_ERROR,
        };
        Failure::new(status, error)
    }
}

impl From<crate::Error> for Failure {
    fn from(error: crate::Error) -> Failure {
        match error {
            crate::Error::Query(error) => error.into(),
            crate::Error::Sparql(_) | crate::Error::Input(_) => {
                Failure::new(StatusCode::BAD_REQUEST, error)
            }
            other => Failure::new(StatusCode::INTERNAL_SERVER_ERROR, other),
        }
    }
}

/// A successful answer: its media type and bytes.
#[derive(Debug)]
pub struct Body(pub String, pub Bytes);

impl IntoResponse for Body {
    fn into_response(self) -> Response {
        let Body(media_type, bytes) = self;
        (
            [(
                header::CONTENT_TYPE,
                super::negotiate::content_type(&media_type),
            )],
            bytes,
        )
            .into_response()
    }
}

/// An answer or a refusal.
pub type Reply = Result<Body, Failure>;

/// The response for a reply.
pub fn respond(reply: Reply) -> Response {
    match reply {
        Ok(body) => body.into_response(),
        Err(failure) => failure.into_response(),
    }
}

/// The pairs of a query string or form, decoded.
pub fn pairs(text: &str) -> Vec<(String, String)> {
    form_urlencoded::parse(text.as_bytes())
        .into_owned()
        .collect()
}

/// The first value of the parameter `name`.
pub fn param<'a>(params: &'a [(String, String)], name: &str) -> Option<&'a str> {
    params
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
}

/// What the client accepts: the `format` parameter, else the `Accept` header.
pub fn accept(params: &[(String, String)], headers: &HeaderMap) -> Result<Option<String>, Failure> {
    if let Some(format) = param(params, "format") {
        return super::negotiate::format_media_type(format)
            .map(|m| Some(m.to_owned()))
            .ok_or_else(|| {
                Failure::new(
                    StatusCode::BAD_REQUEST,
                    format!(
                        "unknown format \"{format}\": use json, xml, csv, tsv, turtle, ntriples, nquads, trig, jsonld or rdfxml"
                    ),
                )
            });
    }
    Ok(headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned))
}

/// 406, naming what the answer could have been.
pub fn not_acceptable(accept: Option<&str>, offers: &[(&str, impl Copy)]) -> Failure {
    let offered: Vec<&str> = offers.iter().map(|(m, _)| *m).collect();
    Failure::new(
        StatusCode::NOT_ACCEPTABLE,
        format!(
            "cannot answer as {}: this answer can be {}",
            accept.unwrap_or("(nothing)"),
            offered.join(", ")
        ),
    )
}

/// 503: no slot of the lane came free in time.
fn busy(waited: Duration) -> Failure {
    Failure::new(
        StatusCode::SERVICE_UNAVAILABLE,
        format!(
            "the server is busy: no query slot came free within {}; try again",
            seconds(waited)
        ),
    )
}

/// Runs `work` on a blocking thread once a slot of `lane` is free (waiting at most `wait`),
/// and gives up with 503 when the work takes much longer than `budget`, the time it was
/// given. The slot is held until the work ends, even past that: it is a CPU in use. `quick`
/// says the work is a question's first try in the quick lane, not its whole time limit.
pub async fn off_executor<T: Send + 'static>(
    state: &Arc<State>,
    lane: &Arc<Semaphore>,
    quick: bool,
    wait: Duration,
    budget: Duration,
    work: impl FnOnce(&State) -> Result<T, Failure> + Send + 'static,
) -> Result<T, Failure> {
    let permit = match tokio::time::timeout(wait, lane.clone().acquire_owned()).await {
        Ok(Ok(permit)) => permit,
        _ => return Err(busy(wait)),
    };
    let shared = state.clone();
    let task = tokio::task::spawn_blocking(move || {
        let _permit = permit;
        work(&shared)
    });
    // The evaluator stops itself once its time is up; this is the backstop should it not.
    match tokio::time::timeout(budget.saturating_add(GRACE), task).await {
        Ok(Ok(reply)) => reply,
        Ok(Err(_)) => Err(Failure::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "the query failed unexpectedly",
        )),
        Err(_) => {
            eprintln!(
                "warning: a query is still running {} past its time limit: Oxigraph cannot interrupt it, and it keeps one query slot and a CPU busy until it ends",
                seconds(GRACE)
            );
            match state.config.limits.timeout {
                Some(_) if quick => Err(Failure::new(
                    StatusCode::SERVICE_UNAVAILABLE,
                    format!(
                        "the query did not stop when its {} in the quick lane were up: Oxigraph cannot interrupt it, so it is refused",
                        seconds(budget)
                    ),
                )),
                limit => Err(QueryError::TimedOut(limit.unwrap_or(budget)).into()),
            }
        }
    }
}

/// The most bytes written before they are sent on.
const CHUNK: usize = 64 << 10;

/// Chunks written on a blocking thread, on their way to the client.
type Chunk = Result<Bytes, io::Error>;

/// A writer whose bytes become a response body as they are written, a chunk at a time; once
/// the client has gone, writing fails. At most a few chunks wait to be sent, so a large
/// answer takes little memory.
#[derive(Debug)]
pub struct Streamed {
    sender: mpsc::Sender<Chunk>,
    buffer: Vec<u8>,
}

impl Streamed {
    /// A writer and the body that sends what it writes.
    pub fn new() -> (Streamed, axum::body::Body) {
        let (sender, receiver) = mpsc::channel(4);
        let writer = Streamed {
            sender,
            buffer: Vec::with_capacity(CHUNK),
        };
        (writer, axum::body::Body::from_stream(Chunks(receiver)))
    }

    /// Sends what is buffered; fails once the client has gone.
    fn send(&mut self) -> io::Result<()> {
        if self.buffer.is_empty() {
            return Ok(());
        }
        let chunk = Bytes::from(std::mem::replace(
            &mut self.buffer,
            Vec::with_capacity(CHUNK),
        ));
        self.sender
            .blocking_send(Ok(chunk))
            .map_err(|_| io::Error::new(io::ErrorKind::BrokenPipe, "the client has gone"))
    }

    /// Ends the body with an error, so that the client sees it was cut short.
    pub fn fail(self, message: impl Display) {
        let _ = self
            .sender
            .blocking_send(Err(io::Error::other(message.to_string())));
    }
}

impl Write for Streamed {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.buffer.extend_from_slice(bytes);
        if self.buffer.len() >= CHUNK {
            self.send()?;
        }
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.send()
    }
}

/// The chunks of a [`Streamed`] body, as a stream.
struct Chunks(mpsc::Receiver<Chunk>);

impl futures_core::Stream for Chunks {
    type Item = Chunk;

    fn poll_next(mut self: Pin<&mut Self>, context: &mut Context<'_>) -> Poll<Option<Chunk>> {
        self.0.poll_recv(context)
    }
}
