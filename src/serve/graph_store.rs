//! The SPARQL 1.1 Graph Store Protocol's read at `/store`: `?default` for the union of the
//! articles and the ontology, `?graph=IRI` for one named graph. A graph larger than the cap on
//! results is refused before anything is written; a smaller one is streamed to the client as
//! it is serialized, within the time limit, from a slot of the slow [lane](super::lanes).

use super::State;
use super::negotiate::{GRAPHS, choose, content_type};
use super::reply::{Failure, Streamed, accept, not_acceptable, off_executor, pairs, param};
use crate::export::write_rdf;
use crate::query::limits::{Deadline, QueryError};
use axum::extract::RawQuery;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use oxigraph::model::{GraphName, GraphNameRef, NamedNode, Triple};
use std::fmt::Display;
use std::io::Write;
use std::sync::Arc;
use std::time::Duration;

type Shared = axum::extract::State<Arc<State>>;

/// `GET /store?default` or `/store?graph=IRI`.
pub async fn graph_store(
    axum::extract::State(state): Shared,
    RawQuery(raw): RawQuery,
    headers: HeaderMap,
) -> Response {
    let params = pairs(raw.as_deref().unwrap_or(""));
    let graph = match (param(&params, "graph"), param(&params, "default")) {
        (Some(iri), None) => match NamedNode::new(iri) {
            Ok(node) => Some(node),
            Err(e) => {
                return Failure::new(
                    StatusCode::BAD_REQUEST,
                    format!("invalid graph IRI <{iri}>: {e}"),
                )
                .into_response();
            }
        },
        (None, Some(_)) => None,
        _ => {
            return Failure::new(
                StatusCode::BAD_REQUEST,
                "name one graph: ?default for the union of the articles and the ontology, or ?graph=IRI for a named graph",
            )
            .into_response();
        }
    };
    let accept = match accept(&params, &headers) {
        Ok(accept) => accept,
        Err(failure) => return failure.into_response(),
    };
    let Some((media_type, format)) = choose(accept.as_deref(), &GRAPHS) else {
        return not_acceptable(accept.as_deref(), &GRAPHS).into_response();
    };
    let limit = state.config.limits.timeout.unwrap_or(Duration::MAX);
    let (writer, body) = Streamed::new();
    let (ready, answer) = tokio::sync::oneshot::channel();
    let shared = state.clone();
    let work = async move {
        // A whole graph is expensive work: it waits for a slot of the slow lane, so that
        // downloads neither starve questions nor hold many graphs in memory at once.
        let lane = shared.lanes.slow.clone();
        off_executor(&shared, &lane, false, limit, limit, move |state| {
            let deadline = Deadline::start(state.config.limits.timeout);
            let triples = match gather(state, graph.as_ref(), &deadline) {
                Ok(triples) => triples,
                Err(failure) => {
                    let _ = ready.send(Err(failure));
                    return Ok(());
                }
            };
            // The status is sent now; what goes wrong from here cuts the body short.
            let _ = ready.send(Ok(()));
            let mut out = Deadlined {
                inner: writer,
                deadline: &deadline,
            };
            let written = write_rdf(
                [(GraphName::DefaultGraph, triples)],
                format,
                &state.prefixes,
                &state.provenance_prefix,
                &mut out,
            )
            .and_then(|()| Ok(out.flush()?));
            if let Err(e) = written {
                out.inner.fail(e);
            }
            Ok(())
        })
        .await
    };
    // The work goes on in its lane while the body streams; its own failures (no slot free)
    // come back here before any status is sent.
    let running = tokio::spawn(work);
    match answer.await {
        Ok(Ok(())) => ([(header::CONTENT_TYPE, content_type(media_type))], body).into_response(),
        Ok(Err(failure)) => failure.into_response(),
        Err(_) => match running.await {
            Ok(Err(failure)) => failure.into_response(),
            _ => Failure::new(
                StatusCode::INTERNAL_SERVER_ERROR,
                "the graph could not be read",
            )
            .into_response(),
        },
    }
}

/// The triples of the graph asked for, at most the cap on results of them, before the
/// deadline.
fn gather(
    state: &State,
    graph: Option<&NamedNode>,
    deadline: &Deadline,
) -> Result<Vec<Triple>, Failure> {
    let store = state.loaded.store.store();
    let internal = |e: &dyn Display| Failure::new(StatusCode::INTERNAL_SERVER_ERROR, e.to_string());
    let pattern = match graph {
        Some(node) => {
            if !store.contains_named_graph(node).map_err(|e| internal(&e))? {
                let names: Vec<String> = store
                    .named_graphs()
                    .filter_map(Result::ok)
                    .map(|g| g.to_string())
                    .collect();
                return Err(Failure::new(
                    StatusCode::NOT_FOUND,
                    format!("no graph {node}; the graphs are: {}", names.join(", ")),
                ));
            }
            GraphNameRef::from(node.as_ref())
        }
        None => GraphNameRef::DefaultGraph,
    };
    let cap = state.config.limits.max_results.unwrap_or(usize::MAX);
    let mut triples = Vec::new();
    for quad in store.quads_for_pattern(None, None, None, Some(pattern)) {
        if deadline.expired() {
            return Err(
                QueryError::TimedOut(state.config.limits.timeout.unwrap_or_default()).into(),
            );
        }
        if triples.len() == cap {
            return Err(Failure::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                format!(
                    "the graph has more than {cap} triples, the most this server sends at once (--max-results); ask for one article's graph with ?graph=IRI, or a part of it with CONSTRUCT and LIMIT"
                ),
            ));
        }
        triples.push(Triple::from(quad.map_err(|e| internal(&e))?));
    }
    Ok(triples)
}

/// A writer that fails once the deadline has passed.
struct Deadlined<'a> {
    inner: Streamed,
    deadline: &'a Deadline,
}

impl Write for Deadlined<'_> {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        if self.deadline.expired() {
            return Err(std::io::Error::new(
                std::io::ErrorKind::TimedOut,
                "the time limit passed while the graph was being sent",
            ));
        }
        self.inner.write(bytes)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}
