//! The request handlers. Every error is answered with its status and one line of plain
//! text saying what was wrong.

use super::State;
use super::cache::Key;
use super::negotiate::{GRAPHS, RESULTS, choose, content_type, format_media_type};
use crate::export::{ExportFormat, write_rdf};
use crate::query::catalogue::{self, SavedQuery};
use crate::query::limits::{Answer, Deadline, GRACE, QueryError, evaluate, seconds};
use axum::body::Bytes;
use axum::extract::{Path, RawQuery};
use axum::http::{HeaderMap, StatusCode, Uri, header};
use axum::response::{Html, IntoResponse, Response};
use oxigraph::model::{GraphName, GraphNameRef, NamedNode, Term, Triple};
use oxigraph::sparql::results::QueryResultsSerializer;
use oxigraph::sparql::{SparqlEvaluator, Variable};
use std::fmt::Display;
use std::io::Write;
use std::sync::Arc;
use std::time::Duration;

type Shared = axum::extract::State<Arc<State>>;

/// An answer that is not the one asked for: its status and what went wrong.
struct Failure(StatusCode, String);

impl Failure {
    fn new(status: StatusCode, message: impl Display) -> Failure {
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

/// A successful answer: its media type and bytes.
struct Body(String, Bytes);

impl IntoResponse for Body {
    fn into_response(self) -> Response {
        let Body(media_type, bytes) = self;
        ([(header::CONTENT_TYPE, content_type(&media_type))], bytes).into_response()
    }
}

type Reply = Result<Body, Failure>;

fn respond(reply: Reply) -> Response {
    match reply {
        Ok(body) => body.into_response(),
        Err(failure) => failure.into_response(),
    }
}

/// The pairs of a query string or form, decoded.
fn pairs(text: &str) -> Vec<(String, String)> {
    form_urlencoded::parse(text.as_bytes())
        .into_owned()
        .collect()
}

fn param<'a>(params: &'a [(String, String)], name: &str) -> Option<&'a str> {
    params
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
}

/// What the client accepts: the `format` parameter, else the `Accept` header.
fn accept(params: &[(String, String)], headers: &HeaderMap) -> Result<Option<String>, Failure> {
    if let Some(format) = param(params, "format") {
        return format_media_type(format).map(|m| Some(m.to_owned())).ok_or_else(|| {
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

fn not_acceptable(accept: Option<&str>, offers: &[(&str, impl Copy)]) -> Failure {
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

/// Runs `work` on a blocking thread once one of the query slots is free, and gives up with
/// 503 when the slot or the work takes much longer than the time limit.
async fn off_executor(
    state: &Arc<State>,
    work: impl FnOnce(&State) -> Reply + Send + 'static,
) -> Reply {
    let limit = state.config.limits.timeout.unwrap_or(Duration::MAX);
    let busy = || {
        Failure::new(
            StatusCode::SERVICE_UNAVAILABLE,
            format!(
                "the server is busy: no query slot came free within {}; try again",
                seconds(limit)
            ),
        )
    };
    let permit = match tokio::time::timeout(limit, state.running.clone().acquire_owned()).await {
        Ok(Ok(permit)) => permit,
        _ => return Err(busy()),
    };
    let shared = state.clone();
    let task = tokio::task::spawn_blocking(move || {
        let _permit = permit;
        work(&shared)
    });
    // The evaluator stops itself at the time limit; this is the backstop should it not.
    let grace = limit.saturating_add(GRACE);
    match tokio::time::timeout(grace, task).await {
        Ok(Ok(reply)) => reply,
        Ok(Err(_)) => Err(Failure::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "the query failed unexpectedly",
        )),
        Err(_) => {
            eprintln!(
                "warning: a query is still running {} past its time limit: Oxigraph cannot interrupt it, and it keeps one query slot and a CPU busy until it ends",
                seconds(grace - limit)
            );
            Err(QueryError::TimedOut(limit).into())
        }
    }
}

/// Evaluates a query within the limits and writes the answer as the client asked.
async fn run_query(
    state: &Arc<State>,
    sparql: String,
    bindings: Vec<(Variable, Term)>,
    accept: Option<String>,
) -> Response {
    let key = state.cache.as_ref().map(|_| Key {
        sparql: sparql.clone(),
        bindings: bindings.iter().map(|(v, t)| format!("{v}={t}")).collect(),
        accept: accept.clone(),
    });
    if let (Some(cache), Some(key)) = (&state.cache, &key) {
        if let Some((media_type, bytes)) = cache.get(key) {
            return Body(media_type, bytes).into_response();
        }
    }
    let reply = off_executor(state, move |state| {
        let answer = evaluate(
            &state.loaded.store,
            &sparql,
            &state.prefixes,
            &bindings,
            &state.config.limits,
        )?;
        write_answer(&answer, accept.as_deref(), &state.prefixes)
    })
    .await;
    if let (Some(cache), Some(key), Ok(Body(media_type, bytes))) = (&state.cache, key, &reply) {
        cache.put(key, media_type.clone(), bytes.clone());
    }
    respond(reply)
}

fn write_answer(answer: &Answer, accept: Option<&str>, prefixes: &[(String, String)]) -> Reply {
    let failed = |e: &dyn Display| {
        Failure::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            format!("cannot write the answer: {e}"),
        )
    };
    let mut out = Vec::new();
    let media_type = match answer {
        Answer::Solutions { variables, rows } => {
            let (media_type, format) =
                choose(accept, RESULTS).ok_or_else(|| not_acceptable(accept, RESULTS))?;
            let mut writer = QueryResultsSerializer::from_format(format)
                .serialize_solutions_to_writer(&mut out, variables.clone())
                .map_err(|e| failed(&e))?;
            for row in rows {
                writer
                    .serialize(
                        variables
                            .iter()
                            .zip(row)
                            .filter_map(|(v, t)| Some((v.as_ref(), t.as_ref()?.as_ref()))),
                    )
                    .map_err(|e| failed(&e))?;
            }
            writer.finish().map_err(|e| failed(&e))?;
            media_type
        }
        Answer::Boolean(value) => {
            let (media_type, format) =
                choose(accept, RESULTS).ok_or_else(|| not_acceptable(accept, RESULTS))?;
            QueryResultsSerializer::from_format(format)
                .serialize_boolean_to_writer(&mut out, *value)
                .map_err(|e| failed(&e))?;
            media_type
        }
        Answer::Graph(triples) => {
            let (media_type, format) =
                choose(accept, GRAPHS).ok_or_else(|| not_acceptable(accept, GRAPHS))?;
            let graphs = [(GraphName::DefaultGraph, triples.iter().cloned())];
            write_rdf(graphs, format, prefixes, "", &mut out).map_err(|e| failed(&e))?;
            media_type
        }
    };
    Ok(Body(media_type.to_owned(), Bytes::from(out)))
}

/// Applies a SPARQL update to the in-memory store, when updates are allowed.
async fn run_update(state: &Arc<State>, update: String) -> Response {
    if !state.config.allow_update {
        return Failure::new(
            StatusCode::FORBIDDEN,
            "updates are refused: this server is read-only (start it with --allow-update to accept them)",
        )
        .into_response();
    }
    let reply = off_executor(state, move |state| {
        let deadline = Deadline::start(state.config.limits.timeout);
        let mut evaluator =
            SparqlEvaluator::new().with_cancellation_token(deadline.token().clone());
        for (prefix, namespace) in &state.prefixes {
            evaluator = evaluator
                .with_prefix(prefix, namespace)
                .map_err(|e| Failure::new(StatusCode::INTERNAL_SERVER_ERROR, e))?;
        }
        let prepared = evaluator.parse_update(&update).map_err(|e| {
            Failure::new(
                StatusCode::BAD_REQUEST,
                format!("invalid SPARQL update: {e}"),
            )
        })?;
        prepared
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

/// `GET /sparql?query=…`.
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
    let Some(query) = param(&params, "query") else {
        return Failure::new(
            StatusCode::BAD_REQUEST,
            "no query: give one as ?query=… or POST it (or open / for a page to write one)",
        )
        .into_response();
    };
    if let Err(failure) = refuse_dataset_parameters(&params) {
        return failure.into_response();
    }
    match accept(&params, &headers) {
        Ok(accept) => run_query(&state, query.to_owned(), Vec::new(), accept).await,
        Err(failure) => failure.into_response(),
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
        Ok(accept) => run_query(&state, query, Vec::new(), accept).await,
        Err(failure) => failure.into_response(),
    }
}

/// `GET /store?default` or `/store?graph=IRI`: the SPARQL 1.1 Graph Store Protocol's read.
/// The default graph is what queries see by default: the union of the articles and the
/// ontology, each triple once.
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
    let Some((media_type, format)) = choose(accept.as_deref(), GRAPHS) else {
        return not_acceptable(accept.as_deref(), GRAPHS).into_response();
    };
    let reply = off_executor(&state, move |state| {
        write_graph(state, graph.as_ref(), format)
            .map(|bytes| Body(media_type.to_owned(), Bytes::from(bytes)))
    })
    .await;
    respond(reply)
}

fn write_graph(
    state: &State,
    graph: Option<&NamedNode>,
    format: ExportFormat,
) -> Result<Vec<u8>, Failure> {
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
    let mut triples = Vec::new();
    for quad in store.quads_for_pattern(None, None, None, Some(pattern)) {
        triples.push(Triple::from(quad.map_err(|e| internal(&e))?));
    }
    let mut out = Vec::new();
    write_rdf(
        [(GraphName::DefaultGraph, triples)],
        format,
        &state.prefixes,
        &state.provenance_prefix,
        &mut out,
    )
    .map_err(|e| internal(&e))?;
    Ok(out)
}

/// The variables a saved question expects to be given, from its `--bind NAME=…` notes.
fn parameters(query: &SavedQuery) -> Vec<String> {
    let mut names = Vec::new();
    for line in query.sparql.lines().take_while(|l| l.starts_with('#')) {
        for (at, flag) in line.match_indices("--bind ") {
            let name: String = line[at + flag.len()..]
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            if !name.is_empty() && !names.contains(&name) {
                names.push(name);
            }
        }
    }
    names
}

/// Whether `?name` or `$name` occurs in the query.
fn mentions_variable(sparql: &str, name: &str) -> bool {
    ['?', '$'].iter().any(|mark| {
        let needle = format!("{mark}{name}");
        sparql.match_indices(&needle).any(|(i, _)| {
            sparql[i + needle.len()..]
                .chars()
                .next()
                .is_none_or(|c| !(c.is_alphanumeric() || c == '_'))
        })
    })
}

/// `GET /queries`: the saved questions, as JSON or, for a browser, HTML.
pub async fn list_queries(headers: HeaderMap) -> Response {
    let accept = headers.get(header::ACCEPT).and_then(|v| v.to_str().ok());
    let saved = catalogue::saved();
    match choose(accept, &[("application/json", false), ("text/html", true)]) {
        Some((_, false)) => {
            let list: Vec<serde_json::Value> = saved
                .iter()
                .map(|q| {
                    serde_json::json!({
                        "name": q.name,
                        "title": q.title,
                        "question": q.question,
                        "parameters": parameters(q),
                        "url": format!("/queries/{}", q.name),
                        "sparql": q.sparql,
                    })
                })
                .collect();
            axum::Json(list).into_response()
        }
        Some((_, true)) => {
            let mut html = String::from(
                "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Saved questions</title></head><body><h1>Saved questions</h1><table><tr><th>Name</th><th>Question</th><th>Parameters</th></tr>",
            );
            for q in &saved {
                html.push_str(&format!(
                    "<tr><td><a href=\"/?q={name}\">{name}</a></td><td>{question}</td><td>{params}</td></tr>",
                    name = escape(q.name),
                    question = escape(&q.question),
                    params = escape(&parameters(q).join(", "))
                ));
            }
            html.push_str("</table></body></html>");
            Html(html).into_response()
        }
        None => {
            not_acceptable(accept, &[("application/json", ()), ("text/html", ())]).into_response()
        }
    }
}

/// `GET /queries/NAME?param=…`: runs a saved question, with its parameters bound.
pub async fn saved_query(
    axum::extract::State(state): Shared,
    Path(name): Path<String>,
    RawQuery(raw): RawQuery,
    headers: HeaderMap,
) -> Response {
    let Some(query) = catalogue::find(&name) else {
        return Failure::new(
            StatusCode::NOT_FOUND,
            format!("no saved question \"{name}\": /queries lists them"),
        )
        .into_response();
    };
    let params = pairs(raw.as_deref().unwrap_or(""));
    let mut bindings = Vec::new();
    for (key, value) in params.iter().filter(|(k, _)| k != "format") {
        match binding(&query, key, value, &state.prefixes) {
            Ok(binding) => bindings.push(binding),
            Err(failure) => return failure.into_response(),
        }
    }
    match accept(&params, &headers) {
        Ok(accept) => run_query(&state, query.sparql.to_owned(), bindings, accept).await,
        Err(failure) => failure.into_response(),
    }
}

/// A parameter of a saved question as a binding, read as `newsgraph query --bind` reads it
/// ([`catalogue::binding`]); a parameter the question does not take is an error.
fn binding(
    query: &SavedQuery,
    name: &str,
    value: &str,
    prefixes: &[(String, String)],
) -> Result<(Variable, Term), Failure> {
    let bad = |message: String| Failure::new(StatusCode::BAD_REQUEST, message);
    Variable::new(name)
        .ok()
        .filter(|_| mentions_variable(query.sparql, name))
        .ok_or_else(|| {
            let takes = parameters(query);
            bad(format!(
                "the saved question {} has no parameter \"{name}\"; it takes {}",
                query.name,
                if takes.is_empty() {
                    "none".to_owned()
                } else {
                    takes.join(", ")
                }
            ))
        })?;
    catalogue::binding(name, value, prefixes).map_err(|e| bad(format!("invalid {name}: {e}")))
}

/// `GET /orgchart.svg`: the org chart, drawn by Graphviz's `dot`.
pub async fn org_chart(axum::extract::State(state): Shared) -> Response {
    let svg =
        |bytes: &[u8]| ([(header::CONTENT_TYPE, "image/svg+xml")], bytes.to_vec()).into_response();
    if let Some(bytes) = state.svg.get() {
        return svg(bytes);
    }
    let reply = off_executor(&state, |state| {
        render_svg(&state.dot).map(|bytes| Body("image/svg+xml".to_owned(), Bytes::from(bytes)))
    })
    .await;
    match reply {
        Ok(Body(_, bytes)) => svg(state.svg.get_or_init(|| Arc::new(bytes.to_vec()))),
        Err(failure) => failure.into_response(),
    }
}

fn render_svg(dot: &str) -> Result<Vec<u8>, Failure> {
    use std::process::{Command, Stdio};
    let mut child = Command::new("dot")
        .arg("-Tsvg")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| {
            if e.kind() == std::io::ErrorKind::NotFound {
                Failure::new(
                    StatusCode::SERVICE_UNAVAILABLE,
                    "the org chart needs Graphviz: `dot` is not on PATH (install the graphviz package)",
                )
            } else {
                Failure::new(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    format!("cannot run Graphviz dot: {e}"),
                )
            }
        })?;
    let mut stdin = child.stdin.take().expect("stdin is piped");
    let input = dot.to_owned();
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let output = child.wait_with_output().map_err(|e| {
        Failure::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            format!("Graphviz dot failed: {e}"),
        )
    })?;
    let _ = writer.join();
    if !output.status.success() {
        return Err(Failure::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            format!(
                "Graphviz dot failed: {}",
                String::from_utf8_lossy(&output.stderr)
            ),
        ));
    }
    Ok(output.stdout)
}

/// `GET /`: the page.
pub async fn page() -> Html<&'static str> {
    Html(include_str!("page.html"))
}

/// `GET /page.js`: the page's script, with the prefixes it shortens IRIs with.
pub async fn script(axum::extract::State(state): Shared) -> Response {
    let prefixes: serde_json::Map<String, serde_json::Value> = state
        .prefixes
        .iter()
        .map(|(p, ns)| (p.clone(), serde_json::Value::String(ns.clone())))
        .collect();
    let text = include_str!("page.js").replace(
        "/*PREFIXES*/{}",
        &serde_json::Value::Object(prefixes).to_string(),
    );
    (
        [(header::CONTENT_TYPE, "text/javascript; charset=utf-8")],
        text,
    )
        .into_response()
}

/// Anything else.
pub async fn not_found(uri: Uri) -> Response {
    Failure::new(
        StatusCode::NOT_FOUND,
        format!(
            "nothing at {}: try /, /sparql, /queries, /store?default or /orgchart.svg",
            uri.path()
        ),
    )
    .into_response()
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn evidence_takes_an_entity() {
        let evidence = catalogue::find("evidence").unwrap();
        assert_eq!(parameters(&evidence), ["entity"]);
        assert!(mentions_variable(evidence.sparql, "entity"));
        assert!(!mentions_variable(evidence.sparql, "entit"));
        let leadership = catalogue::find("leadership").unwrap();
        assert!(parameters(&leadership).is_empty());
    }
}
