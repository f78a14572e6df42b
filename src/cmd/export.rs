//! `newsgraph export`: the graph in an RDF syntax, or as a property graph for other tools.

use crate::cli::ExportArgs;
use crate::output::write_to;
use anyhow::{Context, bail};
use newsgraph::export::graph::{self, PropertyGraph};
use newsgraph::export::{ExportFormat, dot, graphml, neo4j, prefixes, sorted_quads, write_rdf};
use newsgraph::iris::Iris;
use newsgraph::pipeline::{self, Loaded};
use newsgraph::provenance::timestamp_now;

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
    let loaded = pipeline::load(&options, iris)?;
    match format {
        ExportFormat::Graphml => {
            let graph = property_graph(&loaded, iris)?;
            write_to(args.output.as_deref(), |out| {
                graphml::write_graphml(&graph, out)
            })
        }
        ExportFormat::Dot => {
            let graph = property_graph(&loaded, iris)?;
            write_to(args.output.as_deref(), |out| dot::write_dot(&graph, out))
        }
        ExportFormat::Neo4j => {
            let graph = property_graph(&loaded, iris)?;
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
        _ => write_rdf_export(args, format, &loaded, iris),
    }
}

fn write_rdf_export(
    args: &ExportArgs,
    format: ExportFormat,
    loaded: &Loaded,
    iris: &Iris,
) -> anyhow::Result<()> {
    let graphs = loaded.store.graph_names(args.with_ontology);
    let last = iris.article_prefix();
    let quads = sorted_quads(&loaded.store, &graphs, &last)?;
    let datasets = format.rdf_format().is_some_and(|f| f.supports_datasets());
    if !datasets {
        let names: Vec<String> = graphs.iter().map(ToString::to_string).collect();
        eprintln!(
            "note: {} has no named graphs; wrote the triples of {}",
            format.name(),
            names.join(", ")
        );
    }
    write_to(args.output.as_deref(), |out| {
        write_rdf(&quads, format, &prefixes(iris), &last, out)
    })
}

/// The articles' content (without the provenance layer) as a property graph.
fn property_graph(loaded: &Loaded, iris: &Iris) -> anyhow::Result<PropertyGraph> {
    let labels = loaded.store.ontology_labels()?;
    let mappings = loaded.articles.iter().map(|a| &a.mapping);
    Ok(graph::project(mappings, iris, &prefixes(iris), &labels))
}
