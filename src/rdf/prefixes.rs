//! Prefixed names: the prefixes newsgraph declares, and IRIs shortened to and expanded from
//! `prefix:local` with them.

use crate::error::{Error, Result};
use crate::rdf::iris::Iris;
use crate::rdf::vocab::PREFIXES;

/// Every prefix written: the standard vocabularies' and one per kind of minted resource.
pub fn prefixes(iris: &Iris) -> Vec<(String, String)> {
    let mut all: Vec<(String, String)> = PREFIXES
        .iter()
        .map(|&(p, ns)| (p.to_owned(), ns.to_owned()))
        .collect();
    all.extend(iris.prefixes());
    all
}

/// An IRI written with the longest matching prefix (`org:reportsTo`), else as `<iri>`.
pub fn shorten(iri: &str, prefixes: &[(String, String)]) -> String {
    prefixes
        .iter()
        .filter(|(_, ns)| iri.starts_with(ns.as_str()))
        .max_by_key(|(_, ns)| ns.len())
        .map_or_else(
            || format!("<{iri}>"),
            |(p, ns)| format!("{p}:{}", &iri[ns.len()..]),
        )
}

/// The IRI a prefixed name (`person:ding-hongwei`) stands for, if its prefix is known.
pub fn expand(name: &str, prefixes: &[(String, String)]) -> Option<String> {
    let (prefix, local) = name.split_once(':')?;
    prefixes
        .iter()
        .find(|(p, _)| p == prefix)
        .map(|(_, ns)| format!("{ns}{local}"))
}

/// `target` (a parser or a serializer) with every prefix declared by `declare`; a namespace
/// it refuses is an error naming it.
pub fn declare<T, E: std::fmt::Display>(
    mut target: T,
    prefixes: &[(String, String)],
    declare: impl Fn(T, &str, &str) -> std::result::Result<T, E>,
) -> Result<T> {
    for (prefix, namespace) in prefixes {
        target = declare(target, prefix, namespace).map_err(|e| Error::BaseIri {
            iri: namespace.clone(),
            reason: e.to_string(),
        })?;
    }
    Ok(target)
}
