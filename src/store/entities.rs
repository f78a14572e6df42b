//! The entities a store's articles declare, read back from their graphs: what `draft --store`
//! knows and `entities --store` lists.
//!
//! An entity is a record IRI of an entity kind ([`Kind::is_entity`]) that some article graph
//! labels. Its names are its `rdfs:label`s, its other names its `skos:altLabel`s, an
//! organization's kind comes back from its classes ([`org_kind_of`]) and its parent from the
//! properties the mapping writes for `part_of` (the one most graphs give: a tie between
//! organizations is written with the same properties). A person with `ng:anonymous` is an unnamed source.

use super::GraphStore;
use crate::error::Result;
use crate::facts::Kind;
use crate::facts::corpus::Entity;
use crate::rdf::iris::{Iris, NodeKind};
use crate::rdf::mapping::org_kind_of;
use crate::rdf::vocab::{ng, org, rdf, rdfs, skos};
use oxigraph::model::{GraphNameRef, NamedNode, NamedNodeRef, Term};
use std::collections::BTreeMap;

/// What the article graphs say of one entity, gathered before it becomes an [`Entity`].
#[derive(Default)]
struct Gathered {
    kind: Option<Kind>,
    names: Vec<String>,
    alt_names: Vec<String>,
    classes: Vec<NamedNode>,
    articles: Vec<String>,
    parents: Vec<(String, usize)>,
    anonymous: bool,
}

/// Every entity of the store's article graphs, by id: its names each once, in the order of
/// the article graphs; its articles sorted.
pub fn entities(store: &GraphStore, iris: &Iris) -> Result<Vec<Entity>> {
    let mut found: BTreeMap<String, Gathered> = BTreeMap::new();
    for graph in store.article_graphs() {
        let article = match iris.kind_of(graph.as_str()) {
            Some(NodeKind::Graph(article)) => article.to_owned(),
            _ => graph.to_string(),
        };
        let graph = GraphNameRef::NamedNode(graph.as_ref());
        let read = |p: NamedNodeRef<'_>| {
            store
                .store()
                .quads_for_pattern(None, Some(p), None, Some(graph))
        };
        for p in [
            rdfs::LABEL,
            skos::ALT_LABEL,
            rdf::TYPE,
            org::SUB_ORGANIZATION_OF,
            org::UNIT_OF,
            ng::BUSINESS_LINE_OF,
            ng::ANONYMOUS,
        ] {
            for quad in read(p) {
                let quad = quad?;
                let oxigraph::model::NamedOrBlankNode::NamedNode(subject) = &quad.subject else {
                    continue;
                };
                let Some(NodeKind::Record(kind, id)) = iris.kind_of(subject.as_str()) else {
                    continue;
                };
                if !kind.is_entity() {
                    continue;
                }
                let entry = found.entry(id.to_owned()).or_default();
                entry.kind = Some(kind);
                let push = |list: &mut Vec<String>, value: &str| {
                    if !list.iter().any(|v| v == value) {
                        list.push(value.to_owned());
                    }
                };
                match (p, &quad.object) {
                    (p, Term::Literal(l)) if p == rdfs::LABEL => {
                        push(&mut entry.names, l.value());
                        push(&mut entry.articles, &article);
                    }
                    (p, Term::Literal(l)) if p == skos::ALT_LABEL => {
                        push(&mut entry.alt_names, l.value())
                    }
                    (p, Term::NamedNode(class)) if p == rdf::TYPE => {
                        entry.classes.push(class.clone())
                    }
                    (p, _) if p == ng::ANONYMOUS => entry.anonymous = true,
                    (_, Term::NamedNode(parent)) => {
                        if let Some(NodeKind::Record(_, parent)) = iris.kind_of(parent.as_str()) {
                            match entry.parents.iter_mut().find(|(p, _)| p == parent) {
                                Some((_, graphs)) => *graphs += 1,
                                None => entry.parents.push((parent.to_owned(), 1)),
                            }
                        }
                    }
                    _ => {}
                }
            }
        }
    }
    Ok(found
        .into_iter()
        .filter_map(|(id, mut g)| {
            let kind = g.kind?;
            if g.names.is_empty() {
                return None;
            }
            g.alt_names.retain(|a| !g.names.contains(a));
            g.articles.sort();
            let mut entity = Entity::known(id, kind, g.names);
            entity.alt_names = g.alt_names;
            entity.articles = g.articles;
            entity.named = !g.anonymous;
            if kind == Kind::Organization {
                entity.org_kind = org_kind_of(&g.classes);
                // The parent most graphs give, the first met on a tie.
                let most = g.parents.iter().map(|(_, n)| *n).max();
                entity.part_of = g
                    .parents
                    .into_iter()
                    .find(|(_, n)| Some(*n) == most)
                    .map(|(p, _)| p);
            }
            Some(entity)
        })
        .collect())
}
