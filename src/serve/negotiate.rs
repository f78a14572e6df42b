//! Content negotiation: which of the formats a response can take the client asked for, from
//! its `Accept` header or a `format` parameter.

use crate::export::ExportFormat;
use crate::query::results::ResultsFormat::{self, Csv, Json, Tsv, Xml};
use oxigraph::sparql::results::QueryResultsFormat;
use std::sync::LazyLock;

/// Media types for SELECT and ASK answers, the default (JSON) first: each W3C format's own,
/// followed by the generic types clients also send for it.
pub static RESULTS: LazyLock<Vec<(&'static str, ResultsFormat)>> = LazyLock::new(|| {
    let also = [
        ("application/json", Json),
        ("application/xml", Xml),
        ("text/xml", Xml),
    ];
    [Json, Xml, Csv, Tsv]
        .into_iter()
        .flat_map(|f| {
            let own = f.w3c().map(|w3c| (bare(w3c.media_type()), f));
            own.into_iter()
                .chain(also.into_iter().filter(move |(_, g)| *g == f))
        })
        .collect()
});

/// Media types for graphs (CONSTRUCT, DESCRIBE, the Graph Store Protocol), Turtle (the
/// default) first: each RDF syntax's own, and the older name of Turtle's after it.
pub static GRAPHS: LazyLock<Vec<(&'static str, ExportFormat)>> = LazyLock::new(|| {
    let mut graphs: Vec<(&'static str, ExportFormat)> = ExportFormat::ALL
        .into_iter()
        .filter_map(|f| Some((bare(f.rdf_format()?.media_type()), f)))
        .collect();
    graphs.insert(1, ("application/x-turtle", ExportFormat::Turtle));
    graphs
});

/// A media type without its parameters: `text/csv; charset=utf-8` is `text/csv`.
fn bare(media_type: &'static str) -> &'static str {
    media_type.split(';').next().unwrap_or(media_type).trim()
}

/// The media types a short `format` name stands for, as an `Accept` value: a results
/// format's or an RDF syntax's command-line name, extension or usual name (`csv`, `srj`,
/// `ttl`, `n-triples`, `rdf/xml`), `html`, or the name itself when it is already a media type.
/// `json` and `xml` (as SPARQLWrapper sends them) stand for the results format and the graph
/// syntax of that name.
pub fn format_media_type(name: &str) -> Option<&str> {
    let lower = name.to_ascii_lowercase();
    let syntax = || {
        ExportFormat::ALL.into_iter().find(|f| {
            f.id() == lower
                || f.name().eq_ignore_ascii_case(&lower)
                || f.extensions().contains(&lower.as_str())
        })
    };
    Some(match lower.as_str() {
        "json" => "application/sparql-results+json, application/ld+json",
        "xml" => "application/sparql-results+xml, application/rdf+xml",
        "html" => "text/html",
        _ => match QueryResultsFormat::from_extension(&lower) {
            Some(results) => bare(results.media_type()),
            None => match syntax().and_then(ExportFormat::rdf_format) {
                Some(rdf) => bare(rdf.media_type()),
                None if name.contains('/') => name,
                None => return None,
            },
        },
    })
}

/// The media ranges of an `Accept` header, most wanted first; ranges with `q=0` are left
/// out.
fn ranges(accept: &str) -> Vec<(String, f32)> {
    let mut ranges: Vec<(String, f32)> = accept
        .split(',')
        .filter_map(|item| {
            let mut parts = item.split(';');
            let range = parts.next()?.trim().to_ascii_lowercase();
            if range.is_empty() {
                return None;
            }
            let q = parts
                .filter_map(|p| p.trim().strip_prefix("q="))
                .find_map(|q| q.trim().parse::<f32>().ok())
                .unwrap_or(1.0);
            (q > 0.0).then_some((range, q))
        })
        .collect();
    // Stable: among equal weights, the client's order.
    ranges.sort_by(|a, b| b.1.total_cmp(&a.1));
    ranges
}

fn matches(range: &str, media_type: &str) -> bool {
    range == "*/*"
        || range == media_type
        || range
            .strip_suffix("/*")
            .is_some_and(|kind| media_type.split('/').next() == Some(kind))
}

/// The offer the client wants most: by `Accept` (the default when it is missing or empty),
/// or `None` when it accepts none of them.
pub fn choose<T: Copy>(
    accept: Option<&str>,
    offers: &[(&'static str, T)],
) -> Option<(&'static str, T)> {
    let accept = accept.unwrap_or("").trim();
    if accept.is_empty() {
        return offers.first().copied();
    }
    let ranges = ranges(accept);
    ranges.iter().find_map(|(range, _)| {
        offers
            .iter()
            .find(|(media_type, _)| matches(range, media_type))
            .copied()
    })
}

/// The `Content-Type` to send for a media type: text types say they are UTF-8.
pub fn content_type(media_type: &str) -> String {
    if media_type.starts_with("text/") {
        format!("{media_type}; charset=utf-8")
    } else {
        media_type.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_most_wanted_acceptable_offer_wins() {
        let pick = |accept| choose(accept, &RESULTS).map(|(m, _)| m);
        assert_eq!(pick(None), Some("application/sparql-results+json"));
        assert_eq!(pick(Some("*/*")), Some("application/sparql-results+json"));
        assert_eq!(
            pick(Some("text/csv;q=0.5, application/sparql-results+xml")),
            Some("application/sparql-results+xml")
        );
        assert_eq!(pick(Some("text/*")), Some("text/xml"));
        assert_eq!(pick(Some("text/turtle")), None);
        assert_eq!(pick(Some("text/turtle, */*;q=0.1")), Some(RESULTS[0].0));
        assert_eq!(pick(Some("application/json;q=0")), None);
    }

    #[test]
    fn short_format_names() {
        assert_eq!(format_media_type("csv"), Some("text/csv"));
        assert_eq!(format_media_type("text/turtle"), Some("text/turtle"));
        assert_eq!(format_media_type("yaml"), None);
        let names = [
            ("srj", "application/sparql-results+json"),
            ("TSV", "text/tab-separated-values"),
            ("ttl", "text/turtle"),
            ("n-triples", "application/n-triples"),
            ("nq", "application/n-quads"),
            ("json-ld", "application/ld+json"),
            ("rdf/xml", "application/rdf+xml"),
            ("rdfxml", "application/rdf+xml"),
            ("dot", ""),
        ];
        for (name, media_type) in names {
            let want = (!media_type.is_empty()).then_some(media_type);
            assert_eq!(format_media_type(name), want, "{name}");
        }
        assert_eq!(GRAPHS[0].0, "text/turtle");
        let xml = format_media_type("xml");
        assert_eq!(
            choose(xml, &RESULTS).map(|(m, _)| m),
            Some("application/sparql-results+xml")
        );
        assert_eq!(
            choose(xml, &GRAPHS).map(|(m, _)| m),
            Some("application/rdf+xml")
        );
    }
}
