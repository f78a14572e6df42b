//! `newsgraph export`: the graph in an RDF syntax, or as a property graph for other tools.

use crate::cli::ExportArgs;
use crate::output::write_to;
use anyhow::{Context, bail};
use newsgraph::export::graph::{self, PropertyGraph};
use newsgraph::export::{ExportFormat, dot, graphml, neo4j, prefixes, write_rdf};
use newsgraph::iris::Iris;
use newsgraph::pipeline::{self, Article};
use newsgraph::provenance::timestamp_now;
use newsgraph::store;
use newsgraph::vocab::ONTOLOGY_GRAPH;
use oxigraph::model::{GraphName, Triple};

pub fn run(args: &ExportArgs, iris: &Iris) -> anyhow::Result<()> {
    let format = args
        .format
        .or_else(|| args.output.as_deref().and_then(ExportFormat::from_path))
        .unwrap_or(ExportFormat::Turtle);
    if format == ExportFormat::Neo4j && args.output.is_none() {
        bail!("the neo4j format writes nodes.csv and relationships.csv: give --output DIRECTORY");
    }
    let options = pipeline::Options {
        facts: args.facts.clone(),
        source: args.source.source.clone(),
        without_provenance: args.no_provenance,
        timestamp: args.timestamp.then(timestamp_now).transpose()?,
    };
    let articles = pipeline::read(&options, iris)?;
    match format {
        ExportFormat::Graphml => {
            let graph = property_graph(&articles, iris);
            write_to(args.output.as_deref(), |out| {
                graphml::write_graphml(&graph, out)
            })
        }
        ExportFormat::Dot => {
            let graph = property_graph(&articles, iris);
            write_to(args.output.as_deref(), |out| dot::write_dot(&graph, out))
        }
        ExportFormat::Neo4j => {
            let graph = property_graph(&articles, iris);
            let dir = args.output.as_deref().expect("checked above");
            std::fs::create_dir_all(dir)
                .with_context(|| format!("cannot create directory {}", dir.display()))?;
            let [nodes, relationships] = neo4j::FILES;
            write_to(Some(&dir.join(nodes)), |out| {
                neo4j::write_nodes(&graph, out)
            })?;
            write_to(Some(&dir.join(relationships)), |out| {
                neo4j::write_relationships(&graph, out)
            })
        }
        _ => write_rdf_export(args, format, articles, iris),
    }
}

/// Writes the articles' graphs, in the order of their names, and the ontology's when asked
/// for; a syntax without named graphs gets them merged, and says so.
fn write_rdf_export(
    args: &ExportArgs,
    format: ExportFormat,
    mut articles: Vec<Article>,
    iris: &Iris,
) -> anyhow::Result<()> {
    articles.sort_by(|a, b| a.mapping.graph.cmp(&b.mapping.graph));
    let mut graphs: Vec<(GraphName, Box<dyn Iterator<Item = Triple> + '_>)> = articles
        .iter()
        .map(|a| {
            (
                GraphName::from(a.mapping.graph.clone()),
                Box::new(a.triples()) as Box<_>,
            )
        })
        .collect();
    if args.with_ontology {
        let ontology = store::ontology_triples().into_iter();
        graphs.push((ONTOLOGY_GRAPH.into_owned().into(), Box::new(ontology)));
    }
    let datasets = format.rdf_format().is_some_and(|f| f.supports_datasets());
    if !datasets {
        let names: Vec<String> = graphs.iter().map(|(g, _)| g.to_string()).collect();
        eprintln!(
            "note: {} has no named graphs; wrote the triples of {}",
            format.name(),
            names.join(", ")
        );
    }
    let last = iris.article_prefix();
    write_to(args.output.as_deref(), |out| {
        write_rdf(graphs, format, &prefixes(iris), &last, out)
    })
}

/// The articles' content (without the provenance layer) as a property graph.
fn property_graph(articles: &[Article], iris: &Iris) -> PropertyGraph {
    let labels = store::ontology_labels();
    let mappings = articles.iter().map(|a| &a.mapping);
    graph::project(mappings, iris, &prefixes(iris), &labels)
}
