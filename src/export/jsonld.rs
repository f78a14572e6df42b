//! Compact JSON-LD, written from the sorted triples: Oxigraph's JSON-LD writer has no
//! compaction, so readers would get full IRIs everywhere and no `@context`.
//!
//! The document is one object: an `@context` mapping each of our prefixes to its namespace,
//! and an `@graph` of node objects, one per subject, in the order of
//! [`SortedTriples`](super::SortedTriples). IRIs are written as compact IRIs
//! (`person:ding-hongwei`) where a prefix matches; `rdf:type` becomes `@type`; a resource
//! object is `{"@id": …}`; a plain string literal is a JSON string, and any other literal
//! `{"@value": …, "@type": …}` or `{"@value": …, "@language": …}`, keeping its lexical form.

use crate::error::Result;
use crate::rdf::shorten;
use crate::rdf::vocab::rdf;
use oxigraph::model::vocab::xsd;
use oxigraph::model::{NamedOrBlankNodeRef, TermRef, Triple};
use serde_json::{Map, Value, json};
use std::io::Write;

/// An IRI as a compact IRI where one of `prefixes` matches, else in full.
fn compact(iri: &str, prefixes: &[(String, String)]) -> String {
    let short = shorten(iri, prefixes);
    if short.starts_with('<') {
        iri.to_owned()
    } else {
        short
    }
}

fn subject_id(subject: NamedOrBlankNodeRef<'_>, prefixes: &[(String, String)]) -> String {
    match subject {
        NamedOrBlankNodeRef::NamedNode(n) => compact(n.as_str(), prefixes),
        NamedOrBlankNodeRef::BlankNode(b) => b.to_string(),
    }
}

/// The JSON-LD value of an object that is not a class.
fn object_value(object: TermRef<'_>, prefixes: &[(String, String)]) -> Value {
    match object {
        TermRef::NamedNode(n) => json!({ "@id": compact(n.as_str(), prefixes) }),
        TermRef::BlankNode(b) => json!({ "@id": b.to_string() }),
        TermRef::Literal(l) => {
            if let Some(language) = l.language() {
                json!({ "@value": l.value(), "@language": language })
            } else if l.datatype().as_str() == xsd::STRING.as_str() {
                Value::String(l.value().to_owned())
            } else {
                json!({ "@value": l.value(), "@type": compact(l.datatype().as_str(), prefixes) })
            }
        }
    }
}

/// Writes triples, each subject's together (as [`SortedTriples`](super::SortedTriples) sorts
/// them), as a compact JSON-LD document. Each node object is written as soon as its subject's
/// triples are read, one node a line, so the document is never held whole.
pub fn write_jsonld(
    triples: impl IntoIterator<Item = Result<Triple>>,
    prefixes: &[(String, String)],
    out: &mut dyn Write,
) -> Result<()> {
    let context: Map<String, Value> = prefixes
        .iter()
        .map(|(p, ns)| (p.clone(), Value::String(ns.clone())))
        .collect();
    writeln!(out, "{{")?;
    write!(out, "  \"@context\": ")?;
    serde_json::to_writer(&mut *out, &context).map_err(std::io::Error::from)?;
    write!(out, ",\n  \"@graph\": [")?;
    let mut written = 0usize;
    let mut emit = |node: Map<String, Value>, out: &mut dyn Write| -> Result<()> {
        write!(out, "{}\n    ", if written == 0 { "" } else { "," })?;
        serde_json::to_writer(&mut *out, &Value::Object(node)).map_err(std::io::Error::from)?;
        written += 1;
        Ok(())
    };
    let mut current: Option<(String, Map<String, Value>)> = None;
    for triple in triples {
        let triple = triple?;
        let triple = triple.as_ref();
        let id = subject_id(triple.subject, prefixes);
        if current.as_ref().is_none_or(|(c, _)| *c != id) {
            if let Some((_, node)) = current.take() {
                emit(node, out)?;
            }
            let mut node = Map::new();
            node.insert("@id".to_owned(), Value::String(id.clone()));
            current = Some((id, node));
        }
        let (_, node) = current.as_mut().expect("set above");
        let (key, value) = match triple.object {
            TermRef::NamedNode(class) if triple.predicate == rdf::TYPE => (
                "@type".to_owned(),
                Value::String(compact(class.as_str(), prefixes)),
            ),
            TermRef::BlankNode(class) if triple.predicate == rdf::TYPE => {
                ("@type".to_owned(), Value::String(class.to_string()))
            }
            object => (
                compact(triple.predicate.as_str(), prefixes),
                object_value(object, prefixes),
            ),
        };
        match node.get_mut(&key) {
            None => {
                node.insert(key, value);
            }
            Some(Value::Array(values)) => values.push(value),
            Some(one) => {
                let first = one.take();
                *one = Value::Array(vec![first, value]);
            }
        }
    }
    if let Some((_, node)) = current {
        emit(node, out)?;
    }
    writeln!(out, "\n  ]\n}}")?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use oxigraph::model::{BlankNode, Literal, NamedNode, Triple};

    #[test]
    fn literals_resources_and_classes_take_their_compact_forms() {
        let prefixes = vec![
            ("ex".to_owned(), "http://example.org/".to_owned()),
            ("xsd".to_owned(), xsd::STRING.as_str().replace("string", "")),
        ];
        let ex = |local: &str| NamedNode::new(format!("http://example.org/{local}")).unwrap();
        let other = NamedNode::new("urn:other:thing").unwrap();
        let blank = BlankNode::new("b0").unwrap();
        let triples = [
            Triple::new(ex("a"), rdf::TYPE, ex("Class")),
            Triple::new(
                ex("a"),
                ex("name"),
                Literal::new_simple_literal("A \"quoted\" name"),
            ),
            Triple::new(
                ex("a"),
                ex("name"),
                Literal::new_language_tagged_literal("甲", "zh").unwrap(),
            ),
            Triple::new(
                ex("a"),
                ex("count"),
                Literal::new_typed_literal("07", oxigraph::model::vocab::xsd::INTEGER),
            ),
            Triple::new(ex("a"), ex("link"), other.clone()),
            Triple::new(ex("a"), ex("part"), blank.clone()),
            Triple::new(blank, rdf::TYPE, other),
        ];
        let mut out = Vec::new();
        write_jsonld(triples.iter().cloned().map(Ok), &prefixes, &mut out).unwrap();
        let document: Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(document["@context"]["ex"], "http://example.org/");
        assert_eq!(
            document["@graph"],
            json!([
                {
                    "@id": "ex:a",
                    "@type": "ex:Class",
                    "ex:name": ["A \"quoted\" name", { "@value": "甲", "@language": "zh" }],
                    "ex:count": { "@value": "07", "@type": "xsd:integer" },
                    "ex:link": { "@id": "urn:other:thing" },
                    "ex:part": { "@id": "_:b0" }
                },
                { "@id": "_:b0", "@type": "urn:other:thing" }
            ])
        );
    }
}
