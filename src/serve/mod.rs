//! `newsgraph serve`: the loaded graph over HTTP.
//!
//! - the SPARQL 1.1 Protocol query operation at `/sparql` (GET `?query=`, POST form or
//!   `application/sparql-query`), with the W3C result formats and the RDF syntaxes chosen by
//!   `Accept`; updates only with [`Config::allow_update`];
//! - the SPARQL 1.1 Graph Store Protocol's GET at `/store` (`?default`, `?graph=IRI`);
//! - the saved questions at `/queries` and `/queries/NAME?param=…`;
//! - a page for people at `/`, and the org chart at `/orgchart.svg` (through Graphviz);
//! - the explorer at `/explore` (its routes in `explorer.rs`), which `/queries/NAME` also
//!   answers a browser with;
//! - the SPARQL 1.1 Service Description at `/sparql` without a query.
//!
//! One module per kind of route: `sparql`, `graph_store`, `saved`, `page`; `reply` holds what
//! they share. Queries run on Tokio's blocking threads in two [`lanes`], so that expensive
//! questions cannot starve cheap ones, each within [`Config::limits`]: a time limit that stops
//! evaluation, and a cap on the number of results (graphs from `/store` included). A read-only
//! server keeps the answers to repeated queries ([`Config::cache`]).

mod cache;
mod explorer;
mod graph_store;
mod holdings;
pub mod lanes;
pub mod names;
pub mod negotiate;
mod page;
mod reply;
mod rows;
mod saved;
mod sparql;

use crate::export::dot;
use crate::export::graph;
use crate::pipeline::Loaded;
use crate::query::limits::{Limits, seconds};
use crate::rdf::iris::Iris;
use crate::rdf::prefixes;
use anyhow::Context;
use axum::Router;
use axum::http::{HeaderValue, Method, header};
use axum::routing::get;
use std::net::SocketAddr;
use std::sync::{Arc, OnceLock};
use std::time::Duration;
use tower_http::cors::{AllowOrigin, CorsLayer};

/// The address `newsgraph serve` listens on unless told otherwise: loopback only.
pub const DEFAULT_BIND: &str = "127.0.0.1:7878";

/// The time limit of a query unless told otherwise.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(10);

/// The most rows (or triples) an answer may have unless told otherwise.
pub const DEFAULT_MAX_RESULTS: usize = 100_000;

/// The most bytes of answers kept for repeated queries.
const CACHE_BYTES: usize = 64 << 20;

/// How the server behaves.
#[derive(Debug, Clone)]
pub struct Config {
    /// Where to listen.
    pub bind: SocketAddr,
    /// Accept SPARQL updates (they change the in-memory store only).
    pub allow_update: bool,
    /// Bounds on every query.
    pub limits: Limits,
    /// Origins allowed to call the server from a browser page (CORS); `*` for any. None by
    /// default: no CORS headers are sent.
    pub cors: Vec<String>,
    /// Keep answers to repeated queries (only while updates are refused, so the store cannot
    /// change).
    pub cache: bool,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            bind: DEFAULT_BIND.parse().expect("a valid address"),
            allow_update: false,
            limits: Limits {
                timeout: Some(DEFAULT_TIMEOUT),
                max_results: Some(DEFAULT_MAX_RESULTS),
            },
            cors: Vec::new(),
            cache: true,
        }
    }
}

/// What every request handler shares.
struct State {
    loaded: Loaded,
    prefixes: Vec<(String, String)>,
    /// Where an article's provenance starts, for the order of exported triples.
    provenance_prefix: String,
    config: Config,
    /// The org chart in Graphviz DOT, from the facts files as loaded.
    dot: String,
    /// The org chart rendered by Graphviz, once it has been.
    svg: OnceLock<Arc<Vec<u8>>>,
    /// The names the explorer searches, read once when the store is read-only.
    names: OnceLock<Arc<names::NameIndex>>,
    /// The disagreements the explorer flags, read once when the store is read-only.
    disagreements: OnceLock<Arc<serde_json::Value>>,
    /// The story's timeline the explorer shows, read once when the store is read-only.
    timeline: OnceLock<Arc<serde_json::Value>>,
    /// The head post holdings the explorer's *as of* views choose among, read once when the
    /// store is read-only.
    holdings: OnceLock<Arc<holdings::Holdings>>,
    /// The slots queries wait for.
    lanes: lanes::Lanes,
    /// Answers kept, when the store is read-only and caching is on.
    cache: Option<cache::Cache>,
}

/// Builds the application: every route, with CORS when configured.
fn app(state: Arc<State>) -> anyhow::Result<Router> {
    let cors = cors_layer(&state.config.cors)?;
    let router = Router::new()
        .route("/", get(explorer::page))
        .route("/why", get(page::page))
        .route("/page.js", get(page::script))
        .route("/sparql", get(sparql::sparql_get).post(sparql::sparql_post))
        .route("/store", get(graph_store::graph_store))
        .route("/queries", get(saved::list_queries))
        .route("/queries/{name}", get(explorer::saved_query_or_page))
        .route("/orgchart.svg", get(page::org_chart))
        .merge(explorer::routes())
        .fallback(page::not_found)
        .with_state(state);
    Ok(match cors {
        Some(cors) => router.layer(cors),
        None => router,
    })
}

fn cors_layer(origins: &[String]) -> anyhow::Result<Option<CorsLayer>> {
    if origins.is_empty() {
        return Ok(None);
    }
    let allow = if origins.iter().any(|o| o == "*") {
        AllowOrigin::any()
    } else {
        let values = origins
            .iter()
            .map(|o| {
                HeaderValue::from_str(o).with_context(|| format!("invalid --cors origin \"{o}\""))
            })
            .collect::<anyhow::Result<Vec<_>>>()?;
        AllowOrigin::list(values)
    };
    Ok(Some(
        CorsLayer::new()
            .allow_origin(allow)
            .allow_methods([Method::GET, Method::POST])
            .allow_headers([header::ACCEPT, header::CONTENT_TYPE]),
    ))
}

/// Serves `loaded` until SIGINT or SIGTERM, then finishes the requests under way and returns.
/// Prints where it listens on standard error.
pub fn run(loaded: Loaded, iris: &Iris, config: Config) -> anyhow::Result<()> {
    let labels = crate::store::ontology_labels();
    let property_graph = graph::project(
        loaded.articles.iter().map(|a| &a.mapping),
        iris,
        &prefixes(iris),
        &labels,
    );
    let mut dot_text = Vec::new();
    dot::write_dot(&property_graph, &mut dot_text)?;
    let workers = std::thread::available_parallelism().map_or(2, |n| n.get());
    let state = Arc::new(State {
        prefixes: prefixes(iris),
        provenance_prefix: iris.article_prefix(),
        dot: String::from_utf8(dot_text).context("the org chart is not UTF-8")?,
        svg: OnceLock::new(),
        names: OnceLock::new(),
        disagreements: OnceLock::new(),
        timeline: OnceLock::new(),
        holdings: OnceLock::new(),
        lanes: lanes::Lanes::new(workers),
        cache: (config.cache && !config.allow_update).then(|| cache::Cache::new(CACHE_BYTES)),
        config,
        loaded,
    });
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .max_blocking_threads(workers * 4)
        .build()
        .context("cannot start the server's runtime")?;
    if !state.config.allow_update {
        // The explorer's name index, the disagreements it flags and the story's timeline are
        // read while the server starts taking requests, so that requests do not each ask for
        // them within their time limit (on a 1,000-article store: 4.4 s, about 25 s and about
        // five minutes).
        let warming = state.clone();
        runtime.spawn_blocking(move || {
            let started = std::time::Instant::now();
            explorer::read_at_start(&warming);
            eprintln!(
                "newsgraph serve: the explorer's names, disagreements, timeline and post holdings read in {:.1} s",
                started.elapsed().as_secs_f64()
            );
        });
    }
    let served = runtime.block_on(serve(state));
    // A query Oxigraph could not interrupt may still hold a blocking thread: leave it behind
    // rather than wait for it, so that the process ends.
    runtime.shutdown_timeout(Duration::from_secs(1));
    served
}

async fn serve(state: Arc<State>) -> anyhow::Result<()> {
    let config = state.config.clone();
    let listener = tokio::net::TcpListener::bind(config.bind)
        .await
        .with_context(|| format!("cannot listen on {}", config.bind))?;
    let address = listener.local_addr()?;
    let store = &state.loaded.store;
    eprintln!(
        "newsgraph serve: {} article(s), {} distinct triples; {}, time limit {}, at most {} results",
        store.article_graphs().len(),
        store.graph_len(oxigraph::model::GraphNameRef::DefaultGraph),
        match (config.allow_update, config.cache) {
            (true, _) => "updates ALLOWED",
            (false, true) => "read-only, answers cached",
            (false, false) => "read-only",
        },
        config
            .limits
            .timeout
            .map_or_else(|| "none".to_owned(), seconds),
        config
            .limits
            .max_results
            .map_or_else(|| "any number of".to_owned(), |n| n.to_string()),
    );
    if !address.ip().is_loopback() {
        eprintln!(
            "warning: {} is not a loopback address: anyone who can reach it can query the graph",
            address.ip()
        );
    }
    eprintln!("listening on http://{address}/ (SPARQL endpoint http://{address}/sparql)");
    let app = app(state)?;
    axum::serve(listener, app)
        .with_graceful_shutdown(shutdown_signal())
        .await
        .context("the server failed")?;
    eprintln!("newsgraph serve: stopped");
    Ok(())
}

/// Resolves on SIGINT (Ctrl-C) or SIGTERM.
async fn shutdown_signal() {
    let interrupt = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = interrupt => {}
        () = terminate => {}
    }
    eprintln!("newsgraph serve: shutting down, finishing the requests under way");
}
