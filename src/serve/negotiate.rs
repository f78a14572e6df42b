//! Content negotiation: which of the formats a response can take the client asked for, from
//! its `Accept` header or a `format` parameter.

use crate::export::ExportFormat;
use crate::query::results::ResultsFormat;

/// Media types for SELECT and ASK answers; the first is the default.
pub const RESULTS: &[(&str, ResultsFormat)] = &[
    ("application/sparql-results+json", ResultsFormat::Json),
    ("application/json", ResultsFormat::Json),
    ("application/sparql-results+xml", ResultsFormat::Xml),
    ("application/xml", ResultsFormat::Xml),
    ("text/xml", ResultsFormat::Xml),
    ("text/csv", ResultsFormat::Csv),
    ("text/tab-separated-values", ResultsFormat::Tsv),
];

/// Media types for graphs (CONSTRUCT, DESCRIBE, the Graph Store Protocol); the first is the
/// default.
pub const GRAPHS: &[(&str, ExportFormat)] = &[
    ("text/turtle", ExportFormat::Turtle),
    ("application/x-turtle", ExportFormat::Turtle),
    ("application/n-triples", ExportFormat::Ntriples),
    ("application/n-quads", ExportFormat::Nquads),
    ("application/trig", ExportFormat::Trig),
    ("application/ld+json", ExportFormat::Jsonld),
    ("application/rdf+xml", ExportFormat::Rdfxml),
];

/// The media types a short `format` name stands for (`json`, `csv`, `turtle`, `nt`…), as an
/// `Accept` value, or the name itself when it is already a media type. `json` and `xml` (as
/// SPARQLWrapper sends them) stand for the results format and the graph syntax of that name.
pub fn format_media_type(name: &str) -> Option<&str> {
    Some(match name.to_ascii_lowercase().as_str() {
        "json" => "application/sparql-results+json, application/ld+json",
        "xml" => "application/sparql-results+xml, application/rdf+xml",
        "srj" => "application/sparql-results+json",
        "srx" => "application/sparql-results+xml",
        "csv" => "text/csv",
        "tsv" => "text/tab-separated-values",
        "turtle" | "ttl" => "text/turtle",
        "ntriples" | "n-triples" | "nt" => "application/n-triples",
        "nquads" | "n-quads" | "nq" => "application/n-quads",
        "trig" => "application/trig",
        "jsonld" | "json-ld" => "application/ld+json",
        "rdfxml" | "rdf/xml" | "rdf" => "application/rdf+xml",
        "html" => "text/html",
        _ if name.contains('/') => name,
        _ => return None,
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
        let pick = |accept| choose(accept, RESULTS).map(|(m, _)| m);
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
        let xml = format_media_type("xml");
        assert_eq!(
            choose(xml, RESULTS).map(|(m, _)| m),
            Some("application/sparql-results+xml")
        );
        assert_eq!(
            choose(xml, GRAPHS).map(|(m, _)| m),
            Some("application/rdf+xml")
        );
    }
}
