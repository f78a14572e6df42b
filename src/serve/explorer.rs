//! The explorer: a page where a person searches an entity by any of its names, walks its
//! neighbourhood as a graph, sees the graph as the sources stood on a date, the story's
//! timeline, where sources disagree, and the article words behind every node and tie.
//!
//! The page and its scripts are files under `assets/`, embedded at build time and served with
//! a strict Content-Security-Policy (no inline script or style, nothing from elsewhere). What
//! the page shows comes from the JSON routes here, each a few small queries around one entity
//! or tie, so a large store is never read whole. Time, posts and disagreements are answered by
//! the saved questions `leaders-as-of` and `disagreements`, asked for the IRIs beside their
//! labels.

use super::State;
use super::cache::Key;
use super::holdings::{ENDED_QUERY, Holdings, NAMED_QUERY};
use super::names::{Found, NAMES_QUERY, NameIndex};
use super::rows::{Row, get, get_or_empty, plain};
use crate::query::catalogue;
use crate::query::limits::Limits;
use crate::query::request::{Answer, Request};
use crate::rdf::vocab::{CORPUS_GRAPH, dcterms, foaf, ng, org, prov};
use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, RawQuery};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing;
use oxigraph::model::{Literal, NamedNode, Term};
use oxigraph::sparql::Variable;
use serde_json::{Value, json};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::{Arc, LazyLock, OnceLock};
use std::time::Duration;

type Shared = axum::extract::State<Arc<State>>;

/// The most ties a neighbourhood shows; the page says when there were more.
const MAX_TIES: usize = 150;

/// The words an annotation `?target` points at, `?quote`, and where the article has them,
/// `?start` and `?end` (when the text was at hand): the graph pattern the facts and the tie
/// panels share.
const QUOTED: &str = "?target oa:hasSelector ?selector .
    ?selector a oa:TextQuoteSelector ; oa:exact ?quote .
    OPTIONAL {
      ?target oa:hasSelector ?position .
      ?position a oa:TextPositionSelector ; oa:start ?start ; oa:end ?end .
    }";

/// What the page's responses allow: its own scripts, styles and requests, nothing else.
const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; \
                   connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/// The explorer's routes.
pub(super) fn routes() -> Router<Arc<State>> {
    Router::new()
        .route("/explore", routing::get(page))
        .route("/explore/assets/{*file}", routing::get(asset))
        .route("/explore/api/search", routing::get(search))
        .route("/explore/api/node", routing::get(node))
        .route("/explore/api/tie", routing::get(tie))
        .route("/explore/api/facts", routing::get(facts))
        .route("/explore/api/text", routing::get(text))
        .route("/explore/api/as-of", routing::get(as_of))
        .route("/explore/api/timeline", routing::get(timeline))
        .route("/explore/api/disagreements", routing::get(disagreements))
        .route("/explore/api/prefixes", routing::get(prefixes))
}

/// An error answered as one line of plain text with its status.
struct Problem(StatusCode, String);

impl Problem {
    fn bad(message: impl Into<String>) -> Problem {
        Problem(StatusCode::BAD_REQUEST, message.into())
    }
}

impl IntoResponse for Problem {
    fn into_response(self) -> Response {
        let Problem(status, message) = self;
        (
            status,
            [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
            format!("{message}\n"),
        )
            .into_response()
    }
}

/// The files of the page, by the name it asks for them under.
const ASSETS: &[(&str, &str, &[u8])] = &[
    (
        "explorer.js",
        "text/javascript; charset=utf-8",
        include_bytes!("assets/explorer.js"),
    ),
    (
        "explorer.css",
        "text/css; charset=utf-8",
        include_bytes!("assets/explorer.css"),
    ),
    (
        "icon.svg",
        "image/svg+xml",
        include_bytes!("assets/icon.svg"),
    ),
    (
        "vendor/cytoscape.min.js",
        "text/javascript; charset=utf-8",
        include_bytes!("assets/vendor/cytoscape.min.js"),
    ),
    (
        "vendor/codemirror.js",
        "text/javascript; charset=utf-8",
        include_bytes!("assets/vendor/codemirror.js"),
    ),
    (
        "vendor/codemirror.css",
        "text/css; charset=utf-8",
        include_bytes!("assets/vendor/codemirror.css"),
    ),
    (
        "vendor/sparql.js",
        "text/javascript; charset=utf-8",
        include_bytes!("assets/vendor/sparql.js"),
    ),
    (
        "vendor/show-hint.js",
        "text/javascript; charset=utf-8",
        include_bytes!("assets/vendor/show-hint.js"),
    ),
    (
        "vendor/show-hint.css",
        "text/css; charset=utf-8",
        include_bytes!("assets/vendor/show-hint.css"),
    ),
];

/// The headers every explorer response carries.
fn guarded(mut response: Response) -> Response {
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CSP),
    );
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    response
}

/// The form that asks a saved or typed question, shared by the explorer and the older page:
/// it takes the place of their `<!--ASK-->` mark.
pub(super) fn with_ask_form(page: &str) -> String {
    page.replace("<!--ASK-->", include_str!("assets/ask.html"))
}

static PAGE: LazyLock<String> =
    LazyLock::new(|| with_ask_form(include_str!("assets/explorer.html")));

fn html_page() -> Response {
    guarded(
        (
            [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
            PAGE.as_str(),
        )
            .into_response(),
    )
}

/// `GET /` and `GET /explore`: the page.
pub(super) async fn page() -> Response {
    html_page()
}

/// `GET /explore/assets/FILE`: a script or style sheet of the page.
async fn asset(Path(file): Path<String>) -> Response {
    match ASSETS.iter().find(|(name, _, _)| *name == file) {
        Some((_, media_type, bytes)) => guarded(
            (
                [
                    (header::CONTENT_TYPE, *media_type),
                    (header::CACHE_CONTROL, "max-age=3600"),
                ],
                *bytes,
            )
                .into_response(),
        ),
        None => Problem(StatusCode::NOT_FOUND, format!("no asset {file}")).into_response(),
    }
}

/// `GET /queries/NAME`: the explorer page for a browser that prefers HTML (it runs the
/// question and shows the table), the answer in a W3C format for everyone else.
pub(super) async fn saved_query_or_page(
    state: Shared,
    name: Path<String>,
    raw: RawQuery,
    headers: HeaderMap,
) -> Response {
    if prefers_html(&headers) && !params(raw.0.as_deref()).contains_key("format") {
        return html_page();
    }
    super::saved::saved_query(state, name, raw, headers).await
}

/// Whether the `Accept` header puts HTML before every result format, as a browser's does.
fn prefers_html(headers: &HeaderMap) -> bool {
    let Some(accept) = headers.get(header::ACCEPT).and_then(|v| v.to_str().ok()) else {
        return false;
    };
    super::negotiate::choose(
        Some(accept),
        &[
            ("application/sparql-results+json", false),
            ("text/html", true),
        ],
    )
    .is_some_and(|(_, html)| html)
        && accept.contains("text/html")
}

/// The decoded pairs of a query string.
fn params(raw: Option<&str>) -> HashMap<String, String> {
    form_urlencoded::parse(raw.unwrap_or("").as_bytes())
        .into_owned()
        .collect()
}

fn iri_param(params: &HashMap<String, String>, name: &str) -> Result<NamedNode, Problem> {
    let value = params
        .get(name)
        .ok_or_else(|| Problem::bad(format!("give ?{name}=IRI")))?;
    NamedNode::new(value)
        .map_err(|e| Problem::bad(format!("invalid IRI <{value}> in ?{name}: {e}")))
}

/// A date given as YYYY-MM-DD.
fn date_param(params: &HashMap<String, String>) -> Result<Option<String>, Problem> {
    match params
        .get("date")
        .map(|d| d.trim())
        .filter(|d| !d.is_empty())
    {
        None => Ok(None),
        Some(date) => {
            let ok = date.len() == 10
                && date.char_indices().all(|(i, c)| match i {
                    4 | 7 => c == '-',
                    _ => c.is_ascii_digit(),
                });
            if ok {
                Ok(Some(date.to_owned()))
            } else {
                Err(Problem::bad(format!(
                    "invalid date \"{date}\": give it as YYYY-MM-DD"
                )))
            }
        }
    }
}

/// The key an explorer answer is kept under in the server's cache of answers.
fn cache_key(name: &str) -> Key {
    Key {
        sparql: format!("explorer {name}"),
        bindings: Vec::new(),
        accept: None,
    }
}

/// The JSON answer kept under `name`, or computed and kept (when the server keeps answers:
/// read-only and not `--no-cache`).
fn remembered(
    state: &State,
    name: &str,
    compute: impl FnOnce() -> Result<Value, Problem>,
) -> Result<Value, Problem> {
    if let Some((_, bytes)) = state.cache.as_ref().and_then(|c| c.get(&cache_key(name))) {
        if let Ok(value) = serde_json::from_slice(&bytes) {
            return Ok(value);
        }
    }
    let value = compute()?;
    if let Some(cache) = &state.cache {
        let bytes = serde_json::to_vec(&value).unwrap_or_default();
        cache.put(
            cache_key(name),
            "application/json".to_owned(),
            Bytes::from(bytes),
        );
    }
    Ok(value)
}

/// Answers with the JSON kept under `name`, or runs `work` on a blocking thread once a query
/// slot is free and keeps its answer.
async fn blocking(
    state: &Arc<State>,
    name: String,
    work: impl FnOnce(&State) -> Result<Value, Problem> + Send + 'static,
) -> Response {
    if let Some((_, bytes)) = state.cache.as_ref().and_then(|c| c.get(&cache_key(&name))) {
        return guarded(([(header::CONTENT_TYPE, "application/json")], bytes).into_response());
    }
    let limit = state.config.limits.timeout.unwrap_or(Duration::MAX);
    let busy = || {
        Problem(
            StatusCode::SERVICE_UNAVAILABLE,
            "the server is busy; try again".to_owned(),
        )
        .into_response()
    };
    let Ok(Ok(permit)) =
        tokio::time::timeout(limit, state.lanes.quick.clone().acquire_owned()).await
    else {
        return busy();
    };
    let shared = state.clone();
    let task = tokio::task::spawn_blocking(move || {
        let _permit = permit;
        remembered(&shared, &name, || work(&shared))
    });
    match task.await {
        Ok(Ok(value)) => guarded(axum::Json(value).into_response()),
        Ok(Err(problem)) => problem.into_response(),
        Err(_) => Problem(
            StatusCode::INTERNAL_SERVER_ERROR,
            "the query failed unexpectedly".to_owned(),
        )
        .into_response(),
    }
}

/// Evaluates a SELECT query within the server's limits.
fn select(state: &State, sparql: &str) -> Result<Vec<Row>, Problem> {
    select_bound(state, sparql, &[])
}

/// Evaluates a SELECT query with values bound, within the server's limits.
fn select_bound(
    state: &State,
    sparql: &str,
    bindings: &[(Variable, Term)],
) -> Result<Vec<Row>, Problem> {
    select_within(state, sparql, bindings, state.config.limits)
}

/// Evaluates a SELECT query with values bound, within `limits`.
fn select_within(
    state: &State,
    sparql: &str,
    bindings: &[(Variable, Term)],
    limits: Limits,
) -> Result<Vec<Row>, Problem> {
    let unavailable = |e: crate::Error| Problem(StatusCode::SERVICE_UNAVAILABLE, e.to_string());
    let mut request = Request::sparql(sparql)
        .prefixes(state.prefixes.clone())
        .limits(limits);
    for (variable, value) in bindings {
        request = request
            .bind(variable.clone(), value.clone())
            .map_err(unavailable)?;
    }
    let answer = request.run(&state.loaded.store).map_err(unavailable)?;
    let Answer::Solutions { variables, rows } = answer else {
        return Err(Problem(
            StatusCode::INTERNAL_SERVER_ERROR,
            "expected solutions".to_owned(),
        ));
    };
    Ok(rows
        .into_iter()
        .map(|row| {
            variables
                .iter()
                .zip(row)
                .filter_map(|(v, t)| Some((v.as_str().to_owned(), t?)))
                .collect()
        })
        .collect())
}

/// A saved question with more of its variables selected, so the page can place the answer
/// on the graph's nodes and ties: each edit replaces the first occurrence of a text that must
/// be there.
fn widened(name: &str, edits: &[(&str, &str)]) -> Result<String, Problem> {
    let query = catalogue::find(name).ok_or_else(|| {
        Problem(
            StatusCode::INTERNAL_SERVER_ERROR,
            format!("no saved question {name}"),
        )
    })?;
    let mut sparql = query.sparql.to_owned();
    for (from, to) in edits {
        if !sparql.contains(from) {
            return Err(Problem(
                StatusCode::INTERNAL_SERVER_ERROR,
                format!("the saved question {name} no longer has \"{from}\""),
            ));
        }
        sparql = sparql.replacen(from, to, 1);
    }
    Ok(sparql)
}

/// What kind of node a resource is, from its types, for the page's styles.
fn kind(types: &BTreeSet<String>) -> &'static str {
    let is = |iri: &str| types.contains(iri);
    if is(foaf::PERSON.as_str()) {
        "person"
    } else if is(ng::BUSINESS_GROUP.as_str()) {
        "group"
    } else if is(org::FORMAL_ORGANIZATION.as_str()) {
        "company"
    } else if is(org::ORGANIZATIONAL_UNIT.as_str()) {
        "unit"
    } else if is(org::POST.as_str()) {
        "post"
    } else if is(prov::ACTIVITY.as_str()) || is(org::CHANGE_EVENT.as_str()) {
        "event"
    } else if is(org::ORGANIZATION.as_str()) {
        "organization"
    } else if is(ng::BUSINESS_LINE.as_str()) {
        "line"
    } else {
        "other"
    }
}

/// Ties the graph does not draw: types, labels, time, provenance, and the inverse of a tie
/// it draws the other way (a sub-organization's `org:subOrganizationOf`, not its parent's
/// `org:hasSubOrganization`).
const HIDDEN_TIES: &[&str] = &[
    "schema:about",
    "schema:seller",
    "ng:measureOf",
    "prov:wasAttributedTo",
    "org:hasSubOrganization",
    "org:hasUnit",
    "org:hasPost",
    "org:holds",
    "org:hasMember",
    "org:resultedFrom",
    "schema:subEvent",
    "prov:generated",
    "ng:status",
];

/// Namespaces whose properties are never ties between entities.
const HIDDEN_NAMESPACES: &[&str] = &[
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "http://www.w3.org/2000/01/rdf-schema#",
    "http://www.w3.org/2002/07/owl#",
    "http://www.w3.org/2006/time#",
    "http://www.w3.org/ns/oa#",
    "http://www.w3.org/2004/02/skos/core#",
    "http://purl.org/dc/terms/",
    "http://rdfs.org/ns/void#",
];

/// `GET /explore/api/search?q=NAME`: entities one of whose names contains every word given,
/// in any order and case ("Wan Lin" finds Lin Wan).
async fn search(state: Shared, RawQuery(raw): RawQuery) -> Response {
    let params = params(raw.as_deref());
    let words: Vec<String> = params
        .get("q")
        .map(|q| q.split_whitespace().map(str::to_lowercase).collect())
        .unwrap_or_default();
    if words.is_empty() {
        return Problem::bad("give ?q=NAME").into_response();
    }
    blocking(&state, format!("search {words:?}"), move |state| {
        let found = if state.config.allow_update {
            search_store(state, &words)?
        } else {
            read_once(state, &state.names, || {
                names_now(state, state.config.limits)
            })?
            .find(&words, SEARCH_LIMIT)
        };
        let iris: Vec<NamedNode> = found.iter().map(|f| f.iri.clone()).collect();
        let described = describe(state, &iris)?;
        let found: Vec<Value> = found
            .into_iter()
            .map(|f| {
                let iri = f.iri.as_str().to_owned();
                json!({
                    "kind": described.get(&iri).map_or("other", |d| d.1),
                    "iri": iri,
                    "label": f.label,
                    "names": f.names,
                })
            })
            .collect();
        Ok(json!(found))
    })
    .await
}

/// How many entities a search lists.
const SEARCH_LIMIT: usize = 25;

/// Every entity's names, for the search.
fn names_now(state: &State, limits: Limits) -> Result<NameIndex, Problem> {
    let sparql = NAMES_QUERY.replace(
        "{article}",
        &Literal::new_simple_literal(&state.provenance_prefix).to_string(),
    );
    // Every name is needed: the cap on the number of answers does not apply to the index.
    let limits = Limits {
        max_results: None,
        ..limits
    };
    Ok(NameIndex::new(select_within(state, &sparql, &[], limits)?))
}

/// A search asked of the store itself, for a graph that may change.
fn search_store(state: &State, words: &[String]) -> Result<Vec<Found>, Problem> {
    let filters: String = words
        .iter()
        .map(|w| {
            format!(
                "FILTER (CONTAINS(LCASE(STR(?name)), {}))\n",
                Literal::new_simple_literal(w)
            )
        })
        .collect();
    let sparql = format!(
        "SELECT ?e (MIN(?l) AS ?label) (GROUP_CONCAT(DISTINCT ?name; SEPARATOR=\"\\u001f\") AS ?names)
         WHERE {{
           ?e rdfs:label|skos:altLabel|skos:prefLabel|foaf:name ?name .
           {filters}
           FILTER (isIRI(?e) && !STRSTARTS(STR(?e), {article}))
           ?e rdfs:label ?l .
           FILTER NOT EXISTS {{ ?e a rdf:Statement }}
         }} GROUP BY ?e ORDER BY STRLEN(MIN(?l)) LIMIT {SEARCH_LIMIT}",
        article = Literal::new_simple_literal(&state.provenance_prefix),
    );
    let rows = select(state, &sparql)?;
    Ok(rows
        .iter()
        .filter_map(|r| {
            let Some(Term::NamedNode(iri)) = r.get("e") else {
                return None;
            };
            let names = match r.get("names") {
                Some(Term::Literal(l)) => l.value().split('\u{1f}').map(str::to_owned).collect(),
                _ => Vec::new(),
            };
            Some(Found {
                iri: iri.clone(),
                label: get_or_empty(r, "label"),
                names,
            })
        })
        .collect())
}

/// The label and kind of each of `nodes`.
fn describe(
    state: &State,
    nodes: &[NamedNode],
) -> Result<BTreeMap<String, (String, &'static str)>, Problem> {
    let mut described = BTreeMap::new();
    for chunk in nodes.chunks(200) {
        let values: String = chunk.iter().map(|n| format!("{n} ")).collect();
        let rows = select(
            state,
            &format!(
                "SELECT ?n (MIN(?l) AS ?label) (GROUP_CONCAT(DISTINCT STR(?type); SEPARATOR=\" \") AS ?types)
                 WHERE {{ VALUES ?n {{ {values} }} OPTIONAL {{ ?n rdfs:label ?l }} OPTIONAL {{ ?n a ?type }} }}
                 GROUP BY ?n"
            ),
        )?;
        for row in rows {
            let Some(label) = get(&row, "label") else {
                continue;
            };
            let types: BTreeSet<String> = get_or_empty(&row, "types")
                .split(' ')
                .map(str::to_owned)
                .collect();
            described.insert(get_or_empty(&row, "n"), (label, kind(&types)));
        }
    }
    Ok(described)
}

/// One tie as the page draws it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Tie {
    subject: String,
    predicate: String,
    object: String,
}

/// The articles of one publication date (the first day of its month or year; none when they
/// give none) that state a tie: how many, and whether all of them say it has ended.
#[derive(Debug, Clone)]
struct Source {
    published: Option<String>,
    articles: u64,
    ended: bool,
}

/// A publication date (a year, a month or a day) as the first day it stands for.
fn first_day(date: &str) -> Option<String> {
    match date.len() {
        4 => Some(format!("{date}-01-01")),
        7 => Some(format!("{date}-01")),
        n if n >= 10 => Some(date[..10].to_owned()),
        _ => None,
    }
}

/// Where a tie stands as of a date, by the articles published by then.
fn status(sources: &[Source], date: &str) -> &'static str {
    let by_then: Vec<&Source> = sources
        .iter()
        .filter(|s| s.published.as_deref().is_some_and(|p| p <= date))
        .collect();
    let Some(latest) = by_then.iter().filter_map(|s| s.published.as_deref()).max() else {
        return if sources.iter().any(|s| s.published.is_none()) {
            "undated"
        } else {
            "later"
        };
    };
    let latest_say_ended = by_then
        .iter()
        .filter(|s| s.published.as_deref() == Some(latest))
        .all(|s| s.ended);
    if latest_say_ended { "ended" } else { "current" }
}

/// The posts held as of a date by the saved question `leaders-as-of`: (post, holder) and
/// (holder, organization) pairs, and the posts and organizations it answers for.
struct Leaders {
    held: BTreeSet<(String, String)>,
    heads: BTreeSet<(String, String)>,
    posts: BTreeSet<String>,
    organizations: BTreeSet<String>,
    rows: Vec<Row>,
}

/// `leaders-as-of` for a date, for every organization or only for `only`.
fn leaders(state: &State, date: &str, only: Option<&BTreeSet<String>>) -> Result<Leaders, Problem> {
    let mut leaders = Leaders {
        held: BTreeSet::new(),
        heads: BTreeSet::new(),
        posts: BTreeSet::new(),
        organizations: BTreeSet::new(),
        rows: Vec::new(),
    };
    if only.is_some_and(BTreeSet::is_empty) {
        return Ok(leaders);
    }
    let rows = if state.config.allow_update {
        let restriction = match only {
            Some(organizations) => {
                let values: String = organizations
                    .iter()
                    .filter_map(|o| NamedNode::new(o.as_str()).ok())
                    .map(|o| format!("{o} "))
                    .collect();
                format!("WHERE {{\n  VALUES ?org {{ {values}}}")
            }
            None => "WHERE {".to_owned(),
        };
        let sparql = widened(
            "leaders-as-of",
            &[
                ("SELECT DISTINCT", "SELECT DISTINCT ?org ?holder ?post ?a"),
                ("WHERE {", &restriction),
            ],
        )?;
        let bound = catalogue::binding("date", date, &state.prefixes)
            .map_err(|e| Problem::bad(format!("invalid date: {e}")))?;
        select_bound(state, &sparql, &[bound])?
    } else {
        read_once(state, &state.holdings, || {
            holdings_now(state, state.config.limits)
        })?
        .as_of(date, only)
    };
    for row in &rows {
        let (post, holder, organization) = (
            get_or_empty(row, "post"),
            get_or_empty(row, "holder"),
            get_or_empty(row, "org"),
        );
        leaders.held.insert((post.clone(), holder.clone()));
        leaders.heads.insert((holder, organization.clone()));
        leaders.posts.insert(post);
        leaders.organizations.insert(organization);
    }
    leaders.rows = rows;
    Ok(leaders)
}

/// The holdings `leaders-as-of` chooses among, with the days that rule them out, for
/// [`Holdings::as_of`]: the saved question's pattern without its date rules, then the two
/// patterns of those rules.
fn holdings_now(state: &State, limits: Limits) -> Result<Holdings, Problem> {
    let pattern = widened(
        "leaders-as-of",
        &[
            (
                "SELECT DISTINCT ?date",
                "SELECT DISTINCT ?from ?org ?r ?holder ?post ?a",
            ),
            ("  FILTER (?from <= xsd:date(?date))\n", ""),
        ],
    )?;
    let (Some(start), Some(end)) = (
        pattern.find("  # Not superseded"),
        pattern.find("  # The date rules end here."),
    ) else {
        return Err(Problem(
            StatusCode::INTERNAL_SERVER_ERROR,
            "the saved question leaders-as-of no longer has its date rules where the explorer \
             looks for them"
                .to_owned(),
        ));
    };
    let holdings = format!("{}{}", &pattern[..start], &pattern[end..]);
    let filled = |query: &str| {
        query
            .replace("{corpus}", &CORPUS_GRAPH.to_string())
            .replace("{dcterms}", dcterms::NS)
    };
    // Every holding is needed: the cap on the number of answers does not apply.
    let limits = Limits {
        max_results: None,
        ..limits
    };
    Ok(Holdings::new(
        select_within(state, &holdings, &[], limits)?,
        select_within(state, &filled(NAMED_QUERY), &[], limits)?,
        select_within(state, &filled(ENDED_QUERY), &[], limits)?,
    ))
}

/// `GET /explore/api/node?iri=IRI[&date=YYYY-MM-DD]`: an entity, its ties to other entities
/// and those entities, each tie with the articles that state it and, given a date, where it
/// stands then: `current`, `ended` (or its post passed to someone else), `later` (no article
/// published by then states it) or `undated` (only articles without a date do).
async fn node(state: Shared, RawQuery(raw): RawQuery) -> Response {
    let params = params(raw.as_deref());
    let (centre, date) = match (iri_param(&params, "iri"), date_param(&params)) {
        (Ok(c), Ok(d)) => (c, d),
        (Err(p), _) | (_, Err(p)) => return p.into_response(),
    };
    let name = format!("node {centre} {date:?}");
    blocking(&state, name, move |state| {
        neighbourhood(state, &centre, date.as_deref())
    })
    .await
}

fn neighbourhood(state: &State, centre: &NamedNode, date: Option<&str>) -> Result<Value, Problem> {
    let hidden_ties: String = HIDDEN_TIES
        .iter()
        .map(|t| format!("{t}, "))
        .collect::<String>()
        .trim_end_matches(", ")
        .to_owned();
    let hidden_namespaces: String = HIDDEN_NAMESPACES
        .iter()
        .map(|ns| format!("FILTER (!STRSTARTS(STR(?p), \"{ns}\"))\n"))
        .collect();
    let article = Literal::new_simple_literal(&state.provenance_prefix);
    let rows = select(
        state,
        &format!(
            "SELECT DISTINCT ?s ?p ?o WHERE {{
               {{ {centre} ?p ?o . BIND ({centre} AS ?s) }} UNION {{ ?s ?p {centre} . BIND ({centre} AS ?o) }}
               FILTER (isIRI(?s) && isIRI(?o) && ?s != ?o)
               FILTER (?p NOT IN ({hidden_ties}))
               {hidden_namespaces}
               FILTER (!STRSTARTS(STR(?s), {article}) && !STRSTARTS(STR(?o), {article}))
             }} LIMIT {}",
            MAX_TIES + 1
        ),
    )?;
    let truncated = rows.len() > MAX_TIES;
    let mut ties: Vec<Tie> = rows
        .iter()
        .take(MAX_TIES)
        .map(|r| Tie {
            subject: get_or_empty(r, "s"),
            predicate: get_or_empty(r, "p"),
            object: get_or_empty(r, "o"),
        })
        .collect();
    let mut nodes: Vec<NamedNode> = vec![centre.clone()];
    for tie in &ties {
        for end in [&tie.subject, &tie.object] {
            if let Ok(n) = NamedNode::new(end.as_str()) {
                if !nodes.contains(&n) {
                    nodes.push(n);
                }
            }
        }
    }
    let described = describe(state, &nodes)?;
    // A tie is drawn only between two things with a name (not a date, a role or a class).
    ties.retain(|t| described.contains_key(&t.subject) && described.contains_key(&t.object));
    ties.sort();
    let sources = tie_sources(state, &ties)?;
    let leaders = match date {
        Some(date) => Some(leaders(
            state,
            date,
            Some(&post_organizations(state, &ties)?),
        )?),
        None => None,
    };
    let disputed = disputed_ties(state)?;
    let names = names(state, centre)?;
    let tie_values: Vec<Value> = ties
        .iter()
        .map(|t| {
            let stated = sources.get(t).cloned().unwrap_or_default();
            let standing = match (date, &leaders) {
                (Some(date), Some(leaders)) => Some(post_status(t, &stated, date, leaders)),
                _ => None,
            };
            json!({
                "s": t.subject,
                "p": t.predicate,
                "o": t.object,
                "label": tie_label(state, &t.predicate),
                "status": standing,
                "disputed": disputed.contains(&(t.subject.clone(), t.predicate.clone())),
                "sources": stated.iter().map(|s| json!({
                    "published": s.published, "articles": s.articles, "ended": s.ended,
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    let node_values: Vec<Value> = nodes
        .iter()
        .filter_map(|n| {
            let (label, kind) = described.get(n.as_str())?;
            Some(json!({
                "iri": n.as_str(),
                "label": label,
                "kind": kind,
                "disputed": disputed.iter().any(|(s, _)| s == n.as_str()),
            }))
        })
        .filter(|v| {
            v["iri"] == centre.as_str()
                || ties
                    .iter()
                    .any(|t| v["iri"] == t.subject.as_str() || v["iri"] == t.object.as_str())
        })
        .collect();
    Ok(json!({
        "centre": centre.as_str(),
        "names": names,
        "date": date,
        "nodes": node_values,
        "ties": tie_values,
        "truncated": truncated,
    }))
}

/// The organizations whose posts the ties are about: those headed, and those of the posts held.
fn post_organizations(state: &State, ties: &[Tie]) -> Result<BTreeSet<String>, Problem> {
    let mut organizations: BTreeSet<String> = ties
        .iter()
        .filter(|t| t.predicate == org::HEAD_OF.as_str())
        .map(|t| t.object.clone())
        .collect();
    let posts: String = ties
        .iter()
        .filter(|t| t.predicate == org::HELD_BY.as_str())
        .map(|t| format!("<{}> ", t.subject))
        .collect();
    if !posts.is_empty() {
        let rows = select(
            state,
            &format!(
                "SELECT DISTINCT ?org WHERE {{ VALUES ?post {{ {posts}}} ?post org:postIn ?org }}"
            ),
        )?;
        organizations.extend(rows.iter().map(|r| get_or_empty(r, "org")));
    }
    Ok(organizations)
}

/// Where a tie stands as of a date: a post and its holder by `leaders-as-of` when that
/// question answers for the post or organization, everything else by [`status`].
fn post_status(tie: &Tie, sources: &[Source], date: &str, leaders: &Leaders) -> &'static str {
    let generic = status(sources, date);
    let predicate = tie.predicate.as_str();
    let decided = if predicate == org::HELD_BY.as_str() && leaders.posts.contains(&tie.subject) {
        Some(
            leaders
                .held
                .contains(&(tie.subject.clone(), tie.object.clone())),
        )
    } else if predicate == org::HEAD_OF.as_str() && leaders.organizations.contains(&tie.object) {
        Some(
            leaders
                .heads
                .contains(&(tie.subject.clone(), tie.object.clone())),
        )
    } else {
        None
    };
    match decided {
        Some(true) => "current",
        Some(false) if generic == "current" => "ended",
        _ => generic,
    }
}

/// A tie's name as the page shows it: its label in the ontology, else its local name.
fn tie_label(state: &State, predicate: &str) -> String {
    state
        .prefixes
        .iter()
        .find(|(_, ns)| predicate.starts_with(ns.as_str()))
        .map_or_else(
            || predicate.to_owned(),
            |(prefix, ns)| format!("{prefix}:{}", &predicate[ns.len()..]),
        )
}

/// Every name of an entity.
fn names(state: &State, node: &NamedNode) -> Result<Vec<String>, Problem> {
    let rows = select(
        state,
        &format!(
            "SELECT DISTINCT ?name WHERE {{ {node} rdfs:label|skos:altLabel|skos:prefLabel|foaf:name ?name }} ORDER BY ?name"
        ),
    )?;
    Ok(rows.iter().map(|r| get_or_empty(r, "name")).collect())
}

/// For each tie, the article graphs that state it, with their dates and whether they end it.
fn tie_sources(state: &State, ties: &[Tie]) -> Result<BTreeMap<Tie, Vec<Source>>, Problem> {
    let mut by_tie: BTreeMap<Tie, Vec<Source>> = BTreeMap::new();
    for chunk in ties.chunks(100) {
        let values: String = chunk
            .iter()
            .map(|t| format!("(<{}> <{}> <{}>) ", t.subject, t.predicate, t.object))
            .collect();
        // Counted by publication date, so a tie a thousand articles state is a few rows. A
        // graph holds the tie unless each statement of it there has an end (a plain triple
        // with no statement of it holds as stated).
        let rows = select(
            state,
            &format!(
                "SELECT ?s ?p ?o ?published (COUNT(DISTINCT ?g) AS ?articles)
                   (SUM(IF(BOUND(?st) && BOUND(?end), 0, 1)) AS ?holding)
                 WHERE {{
                   VALUES (?s ?p ?o) {{ {values} }}
                   GRAPH ?g {{
                     ?s ?p ?o .
                     ?a a schema:NewsArticle .
                     FILTER NOT EXISTS {{ ?retelling schema:translationOfWork|schema:isBasedOn ?a }}
                     OPTIONAL {{ ?a schema:datePublished ?published }}
                     OPTIONAL {{
                       ?st rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o .
                       OPTIONAL {{ ?st prov:wasInvalidatedBy|time:hasTime/time:hasEnd ?end }}
                     }}
                   }}
                 }} GROUP BY ?s ?p ?o ?published"
            ),
        )?;
        for row in rows {
            let tie = Tie {
                subject: get_or_empty(&row, "s"),
                predicate: get_or_empty(&row, "p"),
                object: get_or_empty(&row, "o"),
            };
            let count = |name: &str| get(&row, name).and_then(|v| v.parse::<u64>().ok());
            by_tie.entry(tie).or_default().push(Source {
                published: get(&row, "published").as_deref().and_then(first_day),
                articles: count("articles").unwrap_or(0),
                ended: count("holding") == Some(0),
            });
        }
    }
    for sources in by_tie.values_mut() {
        sources.sort_by(|a, b| a.published.cmp(&b.published));
    }
    Ok(by_tie)
}

/// The rows of the saved question `disagreements`, with the subject's and tie's IRIs and the
/// article's graph.
fn disagreement_rows(state: &State) -> Result<Vec<Row>, Problem> {
    let kept = read_once(state, &state.disagreements, || {
        disagreements_now(state, state.config.limits)
    })?;
    // Kept as plain strings; read back as literals, which is all the callers look at.
    Ok(kept
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_object)
        .map(|row| {
            row.iter()
                .map(|(k, v)| {
                    let text = v.as_str().unwrap_or_default();
                    (k.clone(), Term::from(Literal::new_simple_literal(text)))
                })
                .collect()
        })
        .collect())
}

/// How long what a read-only server reads as it starts may take, outside any request.
const WARM_LIMIT: Duration = Duration::from_secs(600);

/// What a read-only server reads once and keeps in `cell`: the value kept there, else `read`'s,
/// kept. A server that takes updates keeps nothing, since its graph may change: it reads each
/// time.
fn read_once<T>(
    state: &State,
    cell: &OnceLock<Arc<T>>,
    read: impl FnOnce() -> Result<T, Problem>,
) -> Result<Arc<T>, Problem> {
    if state.config.allow_update {
        return read().map(Arc::new);
    }
    if let Some(kept) = cell.get() {
        return Ok(kept.clone());
    }
    let value = Arc::new(read()?);
    Ok(cell.get_or_init(|| value).clone())
}

/// Reads, as a read-only server starts, what the explorer keeps for good: the names it
/// searches, the disagreements it flags and the story's timeline, each a question of the whole
/// corpus, so that requests do not each ask for them within their time limit. They are read
/// outside any request, within [`WARM_LIMIT`] (or the server's own time limit, if longer) and
/// with no cap on the number of answers; a failure is left for the requests to meet.
pub(super) fn read_at_start(state: &State) {
    let limits = Limits {
        timeout: Some(WARM_LIMIT.max(state.config.limits.timeout.unwrap_or_default())),
        max_results: None,
    };
    let _ = read_once(state, &state.names, || names_now(state, limits));
    let _ = read_once(state, &state.disagreements, || {
        disagreements_now(state, limits)
    });
    let _ = read_once(state, &state.timeline, || timeline_now(state, limits));
    let _ = read_once(state, &state.holdings, || holdings_now(state, limits));
}

/// The `disagreements` question, one row per side with its subject and tie (`s`, `p`) and
/// graph, as JSON strings. The words of each side are looked up after, for the statements the
/// sides name: asked in the same query they took over 100 s on a 1,000-article store, and
/// apart, a lookup. (A side with no statement of its own, such as a status no statement
/// reifies, gets no words here; the saved question gives it every quote of its article.)
fn disagreements_now(state: &State, limits: Limits) -> Result<Value, Problem> {
    let mut sparql = widened(
        "disagreements",
        &[
            (
                "SELECT ?kind ?subject ?about",
                "SELECT ?s ?p ?g ?kind ?subject (?about AS ?tie)",
            ),
            ("AS ?says)", "AS ?objects)"),
            (
                "(GROUP_CONCAT(DISTINCT ?quote; SEPARATOR=\" | \") AS ?evidence)",
                "(GROUP_CONCAT(DISTINCT STR(?statement); SEPARATOR=\" \") AS ?statements)",
            ),
            (
                "GROUP BY ?kind ?subject ?about ?g",
                "GROUP BY ?s ?p ?kind ?subject ?about ?g",
            ),
        ],
    )?;
    let (quotes_start, quotes_end) = (
        sparql.find("  # The words that state each side."),
        sparql.find("  {\n    SELECT ?g ?article"),
    );
    let (Some(start), Some(end)) = (quotes_start, quotes_end) else {
        return Err(Problem(
            StatusCode::INTERNAL_SERVER_ERROR,
            "the saved question disagreements no longer has the words of each side where the \
             explorer looks for them"
                .to_owned(),
        ));
    };
    sparql.replace_range(start..end, "");
    let rows = select_within(state, &sparql, &[], limits)?;
    let mut pairs: Vec<(String, String)> = Vec::new();
    for row in &rows {
        let g = get_or_empty(row, "g");
        for statement in get_or_empty(row, "statements").split_whitespace() {
            let pair = (g.clone(), statement.to_owned());
            if !pairs.contains(&pair) {
                pairs.push(pair);
            }
        }
    }
    let mut words: HashMap<(String, String), Vec<String>> = HashMap::new();
    for chunk in pairs.chunks(100) {
        let values: String = chunk
            .iter()
            .map(|(g, st)| format!("(<{g}> <{st}>) "))
            .collect();
        let found = select_within(
            state,
            &format!(
                "SELECT ?g ?statement ?quote WHERE {{
                   VALUES (?g ?statement) {{ {values} }}
                   GRAPH ?g {{
                     ?annotation a oa:Annotation ;
                       oa:hasBody ?statement ;
                       oa:hasTarget/oa:hasSelector ?selector .
                     ?selector a oa:TextQuoteSelector ; oa:exact ?quote .
                   }}
                 }}"
            ),
            &[],
            limits,
        )?;
        for row in found {
            let quotes = words
                .entry((get_or_empty(&row, "g"), get_or_empty(&row, "statement")))
                .or_default();
            let quote = get_or_empty(&row, "quote");
            if !quotes.contains(&quote) {
                quotes.push(quote);
            }
        }
    }
    Ok(Value::Array(
        rows.iter()
            .map(|row| {
                let g = get_or_empty(row, "g");
                let mut evidence: Vec<&str> = Vec::new();
                for statement in get_or_empty(row, "statements").split_whitespace() {
                    for quote in words
                        .get(&(g.clone(), statement.to_owned()))
                        .into_iter()
                        .flatten()
                    {
                        if !evidence.contains(&quote.as_str()) {
                            evidence.push(quote);
                        }
                    }
                }
                let mut side: serde_json::Map<String, Value> = row
                    .iter()
                    .filter(|(k, _)| k.as_str() != "statements")
                    .map(|(k, v)| (k.clone(), Value::String(plain(v))))
                    .collect();
                side.insert("evidence".to_owned(), Value::String(evidence.join(" | ")));
                Value::Object(side)
            })
            .collect(),
    ))
}

/// The (subject, tie) pairs sources disagree on.
fn disputed_ties(state: &State) -> Result<BTreeSet<(String, String)>, Problem> {
    Ok(disagreement_rows(state)?
        .iter()
        .map(|r| (get_or_empty(r, "s"), get_or_empty(r, "p")))
        .collect())
}

/// `GET /explore/api/disagreements`: each subject and tie that sources state differently,
/// with every side: its article, source, the objects it states and its words.
async fn disagreements(state: Shared) -> Response {
    blocking(&state, "disagreements".to_owned(), |state| {
        let mut grouped: BTreeMap<(String, String), (String, String, Vec<Value>)> = BTreeMap::new();
        for row in disagreement_rows(state)? {
            let entry = grouped
                .entry((get_or_empty(&row, "s"), get_or_empty(&row, "p")))
                .or_insert_with(|| {
                    (
                        get_or_empty(&row, "subject"),
                        get_or_empty(&row, "tie"),
                        Vec::new(),
                    )
                });
            entry.2.push(json!({
                "graph": get_or_empty(&row, "g"),
                "article": get_or_empty(&row, "article"),
                "source": get_or_empty(&row, "source"),
                "objects": get_or_empty(&row, "objects"),
                "evidence": get_or_empty(&row, "evidence").split(" | ").collect::<Vec<_>>(),
            }));
        }
        Ok(json!(
            grouped
                .into_iter()
                .map(|((s, p), (subject, tie, sides))| json!({
                    "s": s, "p": p, "subject": subject, "tie": tie, "sides": sides,
                }))
                .collect::<Vec<_>>()
        ))
    })
    .await
}

/// The articles behind the graphs given: title, publisher, the outlets retold, date.
fn articles(state: &State, graphs: &BTreeSet<String>) -> Result<BTreeMap<String, Value>, Problem> {
    let mut found = BTreeMap::new();
    if graphs.is_empty() {
        return Ok(found);
    }
    let values: String = graphs.iter().map(|g| format!("<{g}> ")).collect();
    let rows = select(
        state,
        &format!(
            "SELECT ?g ?a ?title ?published
               (GROUP_CONCAT(DISTINCT ?publisherName; SEPARATOR=\", \") AS ?publisher)
               (GROUP_CONCAT(DISTINCT ?outlet; SEPARATOR=\", \") AS ?retells)
             WHERE {{
               VALUES ?g {{ {values} }}
               GRAPH ?g {{
                 ?a a schema:NewsArticle ; schema:headline ?title .
                 FILTER NOT EXISTS {{ ?retelling schema:translationOfWork|schema:isBasedOn ?a }}
                 OPTIONAL {{ ?a schema:datePublished ?published }}
                 OPTIONAL {{ ?a schema:publisher/rdfs:label ?publisherName }}
                 OPTIONAL {{ ?a (schema:isBasedOn|schema:translationOfWork)/schema:publisher/rdfs:label ?outlet }}
               }}
             }} GROUP BY ?g ?a ?title ?published"
        ),
    )?;
    let texts: BTreeSet<String> = state
        .loaded
        .articles
        .iter()
        .filter(|a| a.text.is_some())
        .map(|a| a.iris.graph(a.facts.article_id()).as_str().to_owned())
        .collect();
    for row in rows {
        let graph = get_or_empty(&row, "g");
        found.insert(
            graph.clone(),
            json!({
                "graph": graph,
                "iri": get_or_empty(&row, "a"),
                "title": get_or_empty(&row, "title"),
                "published": get(&row, "published"),
                "publisher": get_or_empty(&row, "publisher"),
                "retells": get_or_empty(&row, "retells"),
                "text": texts.contains(&graph),
            }),
        );
    }
    Ok(found)
}

/// `GET /explore/api/tie?s=IRI&p=IRI&o=IRI`: what each article says of a tie, in its words.
async fn tie(state: Shared, RawQuery(raw): RawQuery) -> Response {
    let params = params(raw.as_deref());
    let ends = ["s", "p", "o"].map(|n| iri_param(&params, n));
    let [Ok(s), Ok(p), Ok(o)] = ends else {
        let problem = ends.into_iter().find_map(Result::err).expect("one failed");
        return problem.into_response();
    };
    blocking(&state, format!("tie {s} {p} {o}"), move |state| {
        let rows = select(
            state,
            &format!(
                "SELECT DISTINCT ?g ?st ?statement ?note ?when ?ended ?by ?quote ?start ?end WHERE {{
                   GRAPH ?g {{
                     ?st rdf:subject {s} ; rdf:predicate {p} ; rdf:object {o} .
                     OPTIONAL {{ ?st rdfs:label ?statement }}
                     OPTIONAL {{ ?st skos:note ?note }}
                     OPTIONAL {{ ?st time:hasTime/rdfs:label ?when }}
                     OPTIONAL {{ ?st prov:wasInvalidatedBy|time:hasTime/time:hasEnd ?ended }}
                     OPTIONAL {{ ?st prov:wasGeneratedBy/rdfs:label ?by }}
                     ?annotation oa:hasBody ?st ; oa:hasTarget ?target .
                     {QUOTED}
                   }}
                 }} ORDER BY ?g ?start LIMIT 500"
            ),
        )?;
        let sides = sides(state, &rows)?;
        let disputed = disagreement_rows(state)?
            .iter()
            .any(|r| get(r, "s").as_deref() == Some(s.as_str()) && get(r, "p").as_deref() == Some(p.as_str()));
        Ok(json!({ "s": s.as_str(), "p": p.as_str(), "o": o.as_str(), "label": tie_label(state, p.as_str()), "disputed": disputed, "sides": sides }))
    })
    .await
}

/// Rows of quotes grouped by article graph, each graph with its article.
fn sides(state: &State, rows: &[Row]) -> Result<Vec<Value>, Problem> {
    let graphs: BTreeSet<String> = rows.iter().map(|r| get_or_empty(r, "g")).collect();
    let articles = articles(state, &graphs)?;
    let mut sides: Vec<Value> = Vec::new();
    for graph in &graphs {
        let mut facts: Vec<Value> = Vec::new();
        let mut seen = BTreeSet::new();
        for row in rows
            .iter()
            .filter(|r| get(r, "g").as_deref() == Some(graph))
        {
            let key = (
                get_or_empty(row, "fact"),
                get_or_empty(row, "statement"),
                get_or_empty(row, "quote"),
                get_or_empty(row, "start"),
            );
            if !seen.insert(key) {
                continue;
            }
            let number = |name: &str| get(row, name).and_then(|v| v.parse::<u64>().ok());
            facts.push(json!({
                "fact": get(row, "fact"),
                "statement": get(row, "statement"),
                "note": get(row, "note"),
                "when": get(row, "when"),
                "ended": row.contains_key("ended"),
                "by": get(row, "by"),
                "quote": get_or_empty(row, "quote"),
                "start": number("start"),
                "end": number("end"),
            }));
        }
        sides.push(json!({
            "article": articles.get(graph).cloned().unwrap_or_else(|| json!({ "graph": graph })),
            "facts": facts,
        }));
    }
    Ok(sides)
}

/// `GET /explore/api/facts?iri=IRI`: an entity's names and kind, and each fact the articles
/// state of it with their words.
async fn facts(state: Shared, RawQuery(raw): RawQuery) -> Response {
    let params = params(raw.as_deref());
    let node = match iri_param(&params, "iri") {
        Ok(n) => n,
        Err(p) => return p.into_response(),
    };
    blocking(&state, format!("facts {node}"), move |state| {
        let rows = select(
            state,
            &format!(
                "SELECT DISTINCT ?g ?fact ?quote ?start ?end WHERE {{
                   GRAPH ?g {{
                     ?st rdf:subject {node} .
                     ?annotation oa:hasBody ?st ; rdfs:label ?fact ; oa:hasTarget ?target .
                     {QUOTED}
                   }}
                 }} ORDER BY ?g ?start LIMIT 300"
            ),
        )?;
        let described = describe(state, std::slice::from_ref(&node))?;
        let (label, kind) = described
            .get(node.as_str())
            .cloned()
            .unwrap_or_else(|| (node.as_str().to_owned(), "other"));
        let disputes: Vec<String> = disagreement_rows(state)?
            .iter()
            .filter(|r| get(r, "s").as_deref() == Some(node.as_str()))
            .map(|r| get_or_empty(r, "tie"))
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        Ok(json!({
            "iri": node.as_str(),
            "label": label,
            "kind": kind,
            "names": names(state, &node)?,
            "disputed": disputes,
            "sides": sides(state, &rows)?,
        }))
    })
    .await
}

/// `GET /explore/api/text?graph=IRI`: the text of an article, when the server was given it.
async fn text(state: Shared, RawQuery(raw): RawQuery) -> Response {
    let params = params(raw.as_deref());
    let graph = match iri_param(&params, "graph") {
        Ok(g) => g,
        Err(p) => return p.into_response(),
    };
    let found = state.loaded.articles.iter().find_map(|a| {
        let text = a.text.as_ref()?;
        (a.iris.graph(a.facts.article_id()) == graph).then(|| text.text.clone())
    });
    match found {
        Some(text) => guarded(axum::Json(json!({ "graph": graph.as_str(), "text": text })).into_response()),
        None => Problem(
            StatusCode::NOT_FOUND,
            format!("the text of {graph} is not at hand (give the server the article texts, e.g. with NEWSGRAPH_ARTICLES)"),
        )
        .into_response(),
    }
}

/// `GET /explore/api/as-of?date=YYYY-MM-DD`: who held each post as of the date
/// (`leaders-as-of`).
async fn as_of(state: Shared, RawQuery(raw): RawQuery) -> Response {
    let date = match date_param(&params(raw.as_deref())) {
        Ok(Some(d)) => d,
        Ok(None) => return Problem::bad("give ?date=YYYY-MM-DD").into_response(),
        Err(p) => return p.into_response(),
    };
    blocking(&state, format!("as-of {date}"), move |state| {
        let leaders = leaders(state, &date, None)?;
        Ok(json!({
            "date": date,
            "leaders": leaders.rows.iter().map(|r| json!({
                "organization": get_or_empty(r, "organization"),
                "org": get_or_empty(r, "org"),
                "role": get_or_empty(r, "role"),
                "leader": get_or_empty(r, "leader"),
                "holder": get_or_empty(r, "holder"),
                "post": get_or_empty(r, "post"),
                "reported": get_or_empty(r, "reported"),
                "article": get_or_empty(r, "article"),
            })).collect::<Vec<_>>(),
        }))
    })
    .await
}

/// `GET /explore/api/prefixes`: the prefixes queries may use undeclared, for the editor's
/// completion and the page's short names.
async fn prefixes(state: Shared) -> Response {
    let map: serde_json::Map<String, Value> = state
        .prefixes
        .iter()
        .map(|(p, ns)| (p.clone(), Value::String(ns.clone())))
        .collect();
    guarded(axum::Json(Value::Object(map)).into_response())
}

/// `GET /explore/api/timeline`: the story's events with their dates and articles
/// (`story-timeline`).
async fn timeline(state: Shared) -> Response {
    blocking(&state, "timeline".to_owned(), |state| {
        let kept = read_once(state, &state.timeline, || {
            timeline_now(state, state.config.limits)
        })?;
        Ok(kept.as_ref().clone())
    })
    .await
}

/// The `story-timeline` question, with each event's IRI, as the page reads it.
fn timeline_now(state: &State, limits: Limits) -> Result<Value, Problem> {
    let sparql = widened(
        "story-timeline",
        &[
            ("SELECT ?date", "SELECT ?e ?date"),
            ("GROUP BY ?order", "GROUP BY ?e ?order"),
        ],
    )?;
    let rows = select_within(state, &sparql, &[], limits)?;
    Ok(json!(
        rows.iter()
            .map(|r| json!({
                "iri": get_or_empty(r, "e"),
                "date": get_or_empty(r, "date"),
                "event": get_or_empty(r, "event"),
                "kind": get_or_empty(r, "kind"),
                "articles": get_or_empty(r, "articles").split(" | ").filter(|a| !a.is_empty()).collect::<Vec<_>>(),
            }))
            .collect::<Vec<_>>()
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn saved_questions_still_start_as_the_explorer_widens_them() {
        for (name, edits) in [
            (
                "leaders-as-of",
                vec![
                    ("SELECT DISTINCT", "SELECT DISTINCT ?x"),
                    ("WHERE {", "WHERE { ?x ?x ?x ."),
                ],
            ),
            (
                "disagreements",
                vec![(
                    "SELECT ?kind ?subject ?about",
                    "SELECT ?x ?kind ?subject ?about",
                )],
            ),
            (
                "story-timeline",
                vec![
                    ("SELECT ?date", "SELECT ?x ?date"),
                    ("GROUP BY ?order", "GROUP BY ?x ?order"),
                ],
            ),
        ] {
            let widened = widened(name, &edits).unwrap_or_else(|p| panic!("{}", p.1));
            assert!(widened.contains("?x"), "{name}");
        }
        assert!(widened("leadership", &[("no such text", "")]).is_err());
    }

    #[test]
    fn a_tie_stands_by_the_latest_article_published_by_the_date() {
        let source = |published: Option<&str>, ended| Source {
            published: published.map(str::to_owned),
            articles: 1,
            ended,
        };
        let told = [
            source(Some("2024-01-01"), false),
            source(Some("2025-01-01"), true),
        ];
        assert_eq!(status(&told, "2023-06-01"), "later");
        assert_eq!(status(&told, "2024-06-01"), "current");
        assert_eq!(status(&told, "2025-02-01"), "ended");
        assert_eq!(status(&[source(None, false)], "2025-02-01"), "undated");
        assert_eq!(first_day("2023-03").as_deref(), Some("2023-03-01"));
        assert_eq!(first_day("2023").as_deref(), Some("2023-01-01"));
    }
}
