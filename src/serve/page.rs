//! The older page at `/why` (saved questions, an entity in its words) and its script, the org chart at `/orgchart.svg` (drawn by
//! Graphviz), and the answer for any other path.

use super::State;
use super::reply::{Body, Failure, off_executor};
use axum::body::Bytes;
use axum::http::{StatusCode, Uri, header};
use axum::response::{Html, IntoResponse, Response};
use std::io::Write;
use std::sync::{Arc, LazyLock};
use std::time::Duration;

type Shared = axum::extract::State<Arc<State>>;

/// `GET /why`: the older page, beside the explorer at `/`.
pub async fn page() -> Html<&'static str> {
    static PAGE: LazyLock<String> =
        LazyLock::new(|| super::explorer::with_ask_form(include_str!("page.html")));
    Html(PAGE.as_str())
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

/// `GET /orgchart.svg`: the org chart, drawn by Graphviz's `dot`.
pub async fn org_chart(axum::extract::State(state): Shared) -> Response {
    let svg =
        |bytes: &[u8]| ([(header::CONTENT_TYPE, "image/svg+xml")], bytes.to_vec()).into_response();
    if let Some(bytes) = state.svg.get() {
        return svg(bytes);
    }
    let limit = state.config.limits.timeout.unwrap_or(Duration::MAX);
    let reply = off_executor(&state, &state.lanes.quick, false, limit, limit, |state| {
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

/// Text safe to put in HTML.
pub fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}
