//! `newsgraph entities`: every entity id the facts files use, for a new article to reuse.

use crate::cli::EntitiesArgs;
use anyhow::bail;
use newsgraph::facts::corpus::{Corpus, org_kind_name};
use newsgraph::pipeline::{self, Options};
use newsgraph::rdf::iris::{Iris, NodeKind};
use newsgraph::rdf::vocab::{CATALOGUE_GRAPH, ONTOLOGY_GRAPH};
use oxigraph::model::{Term, Variable};
use oxigraph::sparql::QueryResults;
use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;

pub fn run(args: &EntitiesArgs, iris: &Iris, store: Option<&Path>) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    writeln!(out, "id\tkind\tnames\tarticles")?;
    if let Some(dir) = store {
        if !args.facts.is_empty() {
            bail!("--store lists the entities of the articles loaded: leave out facts files");
        }
        return from_store(dir, iris, &mut out);
    }
    let options = Options {
        facts: args.facts.clone(),
        ..Options::default()
    };
    let planned = pipeline::check_all(&options)?;
    let mut corpus = Corpus::new();
    for plan in &planned {
        let facts = match &plan.path {
            Some(path) => newsgraph::Facts::read(path)?,
            None => newsgraph::Facts::embedded(),
        };
        corpus.add(&facts);
    }
    for entity in corpus.entities() {
        let kind = match entity.org_kind {
            Some(kind) => format!("{} ({})", entity.kind.table(), org_kind_name(kind)),
            None => entity.kind.table().to_owned(),
        };
        let mut names = entity.names.join(" | ");
        if !entity.alt_names.is_empty() {
            names.push_str(&format!("; also {}", entity.alt_names.join(" | ")));
        }
        writeln!(
            out,
            "{}\t{kind}\t{names}\t{}",
            entity.id,
            entity.articles.join(" ")
        )?;
    }
    Ok(())
}

/// The entities of a store: every record IRI of an entity kind with a label, by graph.
fn from_store(dir: &Path, iris: &Iris, out: &mut dyn Write) -> anyhow::Result<()> {
    let store = super::open_store(dir, false)?;
    let sparql = format!(
        "SELECT ?e ?g ?label WHERE {{ GRAPH ?g {{ ?e <http://www.w3.org/2000/01/rdf-schema#label> ?label }} \
         FILTER(?g != {ONTOLOGY_GRAPH} && ?g != {CATALOGUE_GRAPH} && STRSTARTS(STR(?e), \"{}\")) }}",
        iris.base()
    );
    let QueryResults::Solutions(rows) = newsgraph::query::request::Request::sparql(sparql)
        .prefixes(Vec::new())
        .results(&store)?
    else {
        unreachable!("a SELECT query")
    };
    let mut entities: BTreeMap<String, (String, Vec<String>, Vec<String>)> = BTreeMap::new();
    let (e, g, label) = (
        Variable::new_unchecked("e"),
        Variable::new_unchecked("g"),
        Variable::new_unchecked("label"),
    );
    for row in rows {
        let row = row.map_err(newsgraph::Error::from)?;
        let (
            Some(Term::NamedNode(entity)),
            Some(Term::NamedNode(graph)),
            Some(Term::Literal(name)),
        ) = (row.get(&e), row.get(&g), row.get(&label))
        else {
            continue;
        };
        let Some(NodeKind::Record(kind, id)) = iris.kind_of(entity.as_str()) else {
            continue;
        };
        if !kind.is_entity() {
            continue;
        }
        let article = match iris.kind_of(graph.as_str()) {
            Some(NodeKind::Graph(article)) => article.to_owned(),
            _ => graph.to_string(),
        };
        let slot = entities
            .entry(id.to_owned())
            .or_insert_with(|| (kind.table().to_owned(), Vec::new(), Vec::new()));
        if !slot.1.contains(&name.value().to_owned()) {
            slot.1.push(name.value().to_owned());
        }
        if !slot.2.contains(&article) {
            slot.2.push(article);
        }
    }
    for (id, (kind, mut names, mut articles)) in entities {
        names.sort();
        articles.sort();
        writeln!(
            out,
            "{id}\t{kind}\t{}\t{}",
            names.join(" | "),
            articles.join(" ")
        )?;
    }
    Ok(())
}
