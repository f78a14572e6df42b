//! The saved questions: their list at `/queries`, and each one at `/queries/NAME?param=…`,
//! its parameters bound as `newsgraph query --bind` binds them.

use super::State;
use super::negotiate::choose;
use super::page::escape;
use super::reply::{Failure, accept, not_acceptable, pairs};
use super::sparql::run_query;
use crate::query::catalogue;
use crate::query::request::Request;
use axum::extract::{Path, RawQuery};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use std::sync::Arc;

type Shared = axum::extract::State<Arc<State>>;

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
                        "parameters": q.parameters(),
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
                    "<tr><td><a href=\"/queries/{name}\">{name}</a></td><td>{question}</td><td>{params}</td></tr>",
                    name = escape(q.name),
                    question = escape(&q.question),
                    params = escape(&q.parameters().join(", "))
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
    let Some(saved) = catalogue::find(&name) else {
        return Failure::new(
            StatusCode::NOT_FOUND,
            format!("no saved question \"{name}\": /queries lists them"),
        )
        .into_response();
    };
    let params = pairs(raw.as_deref().unwrap_or(""));
    let mut request = Request::from_saved(saved).prefixes(state.prefixes.clone());
    for (key, value) in params.iter().filter(|(k, _)| k != "format") {
        request = match request.bind_text(key, value) {
            Ok(request) => request,
            Err(e) => {
                let message = match e {
                    crate::Error::Input(message) if message.starts_with("the saved question") => {
                        message
                    }
                    other => format!("invalid {key}: {other}"),
                };
                return Failure::new(StatusCode::BAD_REQUEST, message).into_response();
            }
        };
    }
    match accept(&params, &headers) {
        Ok(accept) => run_query(&state, request, accept).await,
        Err(failure) => failure.into_response(),
    }
}
