//! The SPARQL 1.1 Protocol at `/sparql`: queries by GET and both POSTs, updates when allowed,
//! and the service description for a GET without a query.

use super::State;
use super::cache::Key;
use super::lanes::{Lanes, QUICK, has_cross_product};
use super::negotiate::{GRAPHS, RESULTS, choose};
use super::reply::{
    Body, Failure, Reply, accept, not_acceptable, off_executor, pairs, param, respond,
};
use crate::export::write_rdf;
use crate::query::limits::{Deadline, QueryError};
use crate::query::request::{Answer, Request};
use crate::query::results::write_answer;
use crate::rdf::vocab::{formats, rdf, sd};
use axum::body::Bytes;
use axum::extract::RawQuery;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use oxigraph::model::{BlankNode, GraphName, Literal, NamedNode, Triple};
use spargebra::GraphUpdateOperation;
use std::sync::Arc;
use std::time::{Duration, Instant};

type Shared = axum::extract::State<Arc<State>>;

/// Asks `request` within the server's limits, in the [lanes](super::lanes), and writes the
/// answer as the client asked; a repeated question is answered from the cache.
pub async fn run_query(state: &Arc<State>, request: Request, accept: Option<String>) -> Response {
    let request = request
        .prefixes(state.prefixes.clone())
        .limits(state.config.limits);
    let key = state.cache.as_ref().map(|_| Key {
        sparql: request.text().to_owned(),
        bindings: request
            .bindings()
            .iter()
            .map(|(v, t)| format!("{v}={t}"))
            .collect(),
        accept: accept.clone(),
    });
    if let (Some(cache), Some(key)) = (&state.cache, &key) {
        if let Some((media_type, bytes)) = cache.get(key) {
            return Body(media_type, bytes).into_response();
        }
    }
    let reply = match ask(state, request).await {
        Ok(answer) => write(&answer, accept.as_deref(), &state.prefixes),
        Err(failure) => Err(failure),
    };
    if let (Some(cache), Some(key), Ok(Body(media_type, bytes))) = (&state.cache, key, &reply) {
        cache.put(key, media_type.clone(), bytes.clone());
    }
    respond(reply)
}

/// The whole answer: first in the quick lane for at most [`QUICK`], then, if it needs longer
/// (or has a cross product), in the slow lane with what is left of its time limit. A question
/// that outgrew the quick lane when last asked goes to the slow lane straight away.
async fn ask(state: &Arc<State>, request: Request) -> Result<Answer, Failure> {
    let limit = state.config.limits.timeout.unwrap_or(Duration::MAX);
    let started = Instant::now();
    let key = Lanes::key(request.text(), request.bindings());
    let heavy = state.lanes.outgrew_quick(key)
        || crate::query::run::parse(request.text(), request.get_prefixes())
            .is_ok_and(|query| has_cross_product(&query));
    let request = Arc::new(request);
    if !heavy {
        let budget = limit.min(QUICK);
        let quick = request.clone();
        let outcome = off_executor(
            state,
            &state.lanes.quick,
            budget < limit,
            limit,
            budget,
            move |state| {
                let deadline = Deadline::start(Some(budget));
                match quick.run_until(&state.loaded.store, &deadline) {
                    Err(_) if deadline.expired() && budget < limit => {
                        state.lanes.took(key, budget);
                        Ok(None)
                    }
                    other => other.map(Some).map_err(Failure::from),
                }
            },
        )
        .await?;
        if let Some(answer) = outcome {
            return Ok(answer);
        }
    }
    let left = limit.saturating_sub(started.elapsed());
    if left.is_zero() {
        return Err(QueryError::TimedOut(limit).into());
    }
    off_executor(state, &state.lanes.slow, false, left, left, move |state| {
        let deadline = Deadline::start(Some(left).filter(|_| limit != Duration::MAX));
        let began = Instant::now();
        let answer = request
            .run_until(&state.loaded.store, &deadline)
            .map_err(Failure::from)?;
        state.lanes.took(key, began.elapsed());
        Ok(answer)
    })
    .await
}

/// The answer in the format the client wants most.
fn write(answer: &Answer, accept: Option<&str>, prefixes: &[(String, String)]) -> Reply {
    let (media_type, results, graphs) = match answer {
        Answer::Solutions { .. } | Answer::Boolean(_) => {
            let (media_type, format) =
                choose(accept, &RESULTS).ok_or_else(|| not_acceptable(accept, &RESULTS))?;
            (media_type, format, crate::export::ExportFormat::Turtle)
        }
        Answer::Graph(_) => {
            let (media_type, format) =
                choose(accept, &GRAPHS).ok_or_else(|| not_acceptable(accept, &GRAPHS))?;
            (media_type, RESULTS[0].1, format)
        }
    };
    let mut out = Vec::new();
    write_answer(answer, results, graphs, prefixes, &mut out).map_err(|e| {
        Failure::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            format!("cannot write the answer: {e}"),
        )
    })?;
    Ok(Body(media_type.to_owned(), Bytes::from(out)))
}

/// Applies a SPARQL update to the in-memory store, when updates are allowed. `LOAD` is
/// refused: the server reads no files and fetches nothing.
async fn run_update(state: &Arc<State>, update: String) -> Response {
    if !state.config.allow_update {
        return Failure::new(
            StatusCode::FORBIDDEN,
            "updates are refused: this server is read-only (start it with --allow-update to accept them)",
        )
        .into_response();
    }
    let limit = state.config.limits.timeout.unwrap_or(Duration::MAX);
    let reply = off_executor(state, &state.lanes.slow, false, limit, limit, move |state| {
        let mut parser = spargebra::SparqlParser::new();
        for (prefix, namespace) in &state.prefixes {
            parser = parser
                .with_prefix(prefix, namespace)
                .map_err(|e| Failure::new(StatusCode::INTERNAL_SERVER_ERROR, e))?;
        }
        let parsed = parser.parse_update(&update).map_err(|e| {
            Failure::new(
                StatusCode::BAD_REQUEST,
                format!("invalid SPARQL update: {e}"),
            )
        })?;
        if let Some(GraphUpdateOperation::Load { source, .. }) = parsed
            .operations
            .iter()
            .find(|o| matches!(o, GraphUpdateOperation::Load { .. }))
        {
            return Err(Failure::new(
                StatusCode::FORBIDDEN,
                format!(
                    "LOAD {source} is refused: this server reads no files and fetches no documents; send the triples with INSERT DATA instead"
                ),
            ));
        }
        let deadline = Deadline::start(state.config.limits.timeout);
        let evaluator = oxigraph::sparql::SparqlEvaluator::new()
            .with_cancellation_token(deadline.token().clone());
        evaluator
            .for_update(parsed)
            .on_store(state.loaded.store.store())
            .execute()
            .map_err(|e| {
                if deadline.expired() {
                    QueryError::TimedOut(state.config.limits.timeout.unwrap_or_default()).into()
                } else {
                    Failure::new(
                        StatusCode::INTERNAL_SERVER_ERROR,
                        format!("the update failed: {e}"),
                    )
                }
            })?;
        Ok(Body(
            "text/plain".to_owned(),
            Bytes::from_static(b"updated\n"),
        ))
    })
    .await;
    respond(reply)
}

/// Parameters of the SPARQL Protocol that choose a dataset; the union of the articles and the
/// ontology is always the default graph here, and `FROM`/`FROM NAMED` choose others.
fn refuse_dataset_parameters(params: &[(String, String)]) -> Result<(), Failure> {
    for name in [
        "default-graph-uri",
        "named-graph-uri",
        "using-graph-uri",
        "using-named-graph-uri",
    ] {
        if param(params, name).is_some() {
            return Err(Failure::new(
                StatusCode::BAD_REQUEST,
                format!(
                    "the {name} parameter is not supported: the default graph is the union of the articles and the ontology; use FROM or FROM NAMED in the query"
                ),
            ));
        }
    }
    Ok(())
}

/// `GET /sparql?query=…`; without a query, the service description.
pub async fn sparql_get(
    axum::extract::State(state): Shared,
    RawQuery(raw): RawQuery,
    headers: HeaderMap,
) -> Response {
    let params = pairs(raw.as_deref().unwrap_or(""));
    if param(&params, "update").is_some() {
        return Failure::new(
            StatusCode::METHOD_NOT_ALLOWED,
            "updates must be sent with POST",
        )
        .into_response();
    }
    if let Err(failure) = refuse_dataset_parameters(&params) {
        return failure.into_response();
    }
    let accept = match accept(&params, &headers) {
        Ok(accept) => accept,
        Err(failure) => return failure.into_response(),
    };
    match param(&params, "query") {
        Some(query) => run_query(&state, Request::sparql(query), accept).await,
        None => respond(service_description(&state, &headers, accept.as_deref())),
    }
}

/// `POST /sparql`: a form with `query` or `update`, or the query or update as the body.
pub async fn sparql_post(
    axum::extract::State(state): Shared,
    RawQuery(raw): RawQuery,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let mut params = pairs(raw.as_deref().unwrap_or(""));
    let media_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .map(|v| v.trim().to_ascii_lowercase())
        .unwrap_or_default();
    let Ok(text) = String::from_utf8(body.to_vec()) else {
        return Failure::new(StatusCode::BAD_REQUEST, "the request body is not UTF-8")
            .into_response();
    };
    if let Err(failure) = refuse_dataset_parameters(&params) {
        return failure.into_response();
    }
    let query = match media_type.as_str() {
        "application/sparql-query" => text,
        "application/sparql-update" => return run_update(&state, text).await,
        "application/x-www-form-urlencoded" => {
            params.extend(pairs(&text));
            if let Err(failure) = refuse_dataset_parameters(&params) {
                return failure.into_response();
            }
            if let Some(update) = param(&params, "update") {
                return run_update(&state, update.to_owned()).await;
            }
            match param(&params, "query") {
                Some(query) => query.to_owned(),
                None => {
                    return Failure::new(
                        StatusCode::BAD_REQUEST,
                        "the form has neither a query nor an update field",
                    )
                    .into_response();
                }
            }
        }
        other => {
            return Failure::new(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                format!(
                    "cannot read a request body of type \"{other}\": send application/sparql-query, application/sparql-update or application/x-www-form-urlencoded"
                ),
            )
            .into_response();
        }
    };
    match accept(&params, &headers) {
        Ok(accept) => run_query(&state, Request::sparql(query), accept).await,
        Err(failure) => failure.into_response(),
    }
}

/// The SPARQL 1.1 Service Description of this endpoint, in the RDF syntax asked for (Turtle
/// by default): where it is, the languages and formats it speaks, and its dataset (the union
/// of the articles as default graph, and each article's named graph).
fn service_description(state: &State, headers: &HeaderMap, accept: Option<&str>) -> Reply {
    let (media_type, format) =
        choose(accept, &GRAPHS).ok_or_else(|| not_acceptable(accept, &GRAPHS))?;
    let host = headers
        .get(header::HOST)
        .and_then(|v| v.to_str().ok())
        .map_or_else(|| state.config.bind.to_string(), str::to_owned);
    let endpoint = NamedNode::new(format!("http://{host}/sparql")).map_err(|e| {
        Failure::new(
            StatusCode::BAD_REQUEST,
            format!("the Host header \"{host}\" makes no IRI: {e}"),
        )
    })?;
    let service = BlankNode::default();
    let dataset = BlankNode::default();
    let default_graph = BlankNode::default();
    let mut triples = vec![
        Triple::new(service.clone(), rdf::TYPE, sd::SERVICE),
        Triple::new(service.clone(), sd::ENDPOINT, endpoint),
        Triple::new(service.clone(), sd::SUPPORTED_LANGUAGE, sd::SPARQL11_QUERY),
        Triple::new(service.clone(), sd::FEATURE, sd::UNION_DEFAULT_GRAPH),
        Triple::new(service.clone(), sd::DEFAULT_DATASET, dataset.clone()),
        Triple::new(dataset.clone(), rdf::TYPE, sd::DATASET),
        Triple::new(dataset.clone(), sd::DEFAULT_GRAPH, default_graph.clone()),
        Triple::new(default_graph.clone(), rdf::TYPE, sd::GRAPH),
    ];
    if state.config.allow_update {
        triples.push(Triple::new(
            service.clone(),
            sd::SUPPORTED_LANGUAGE,
            sd::SPARQL11_UPDATE,
        ));
    }
    for format in [
        formats::SPARQL_RESULTS_JSON,
        formats::SPARQL_RESULTS_XML,
        formats::SPARQL_RESULTS_CSV,
        formats::SPARQL_RESULTS_TSV,
        formats::TURTLE,
        formats::N_TRIPLES,
        formats::N_QUADS,
        formats::TRIG,
        formats::JSON_LD,
        formats::RDF_XML,
    ] {
        triples.push(Triple::new(service.clone(), sd::RESULT_FORMAT, format));
    }
    let store = &state.loaded.store;
    for graph in store.article_graphs() {
        let named = BlankNode::default();
        triples.push(Triple::new(dataset.clone(), sd::NAMED_GRAPH, named.clone()));
        triples.push(Triple::new(named.clone(), rdf::TYPE, sd::NAMED_GRAPH_CLASS));
        triples.push(Triple::new(named, sd::NAME, graph.clone()));
    }
    let size = store.graph_len(oxigraph::model::GraphNameRef::DefaultGraph);
    triples.push(Triple::new(
        default_graph,
        crate::rdf::vocab::void::TRIPLES,
        Literal::from(i64::try_from(size).unwrap_or(i64::MAX)),
    ));
    let mut prefixes = state.prefixes.clone();
    prefixes.extend(
        [(sd::PREFIX, sd::NS), (formats::PREFIX, formats::NS)]
            .map(|(p, ns)| (p.to_owned(), ns.to_owned())),
    );
    let mut out = Vec::new();
    write_rdf(
        [(GraphName::DefaultGraph, triples)],
        format,
        &prefixes,
        "",
        &mut out,
    )
    .map_err(|e| Failure::new(StatusCode::INTERNAL_SERVER_ERROR, e))?;
    Ok(Body(media_type.to_owned(), Bytes::from(out)))
}
