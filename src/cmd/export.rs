//! `newsgraph export`: the graph in an RDF syntax, or as a property graph for other tools.

use crate::cli::ExportArgs;
use crate::output::{DirFile, write_dir, write_to};
use anyhow::bail;
use newsgraph::export::graph::{self, PropertyGraph};
use newsgraph::export::{ExportFormat, dot, graphml, neo4j, prefixes, write_rdf};
use newsgraph::iris::Iris;
use newsgraph::pipeline::{self, Article};
use newsgraph::provenance::timestamp_now;
use newsgraph::store;
use newsgraph::vocab::ONTOLOGY_GRAPH;
use oxigraph::model::{GraphName, Triple};

pub fn run(args: &ExportArgs, iris: &Iris) -> anyhow::Result<()> {
    let format = format_of(args)?;
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
            let [nodes, relationships] = neo4j::FILES;
            let files: Vec<DirFile<'_, newsgraph::Error>> = vec![
                (nodes, Box::new(|out| neo4j::write_nodes(&graph, out))),
                (
                    relationships,
                    Box::new(|out| neo4j::write_relationships(&graph, out)),
                ),
            ];
            write_dir(dir, files)
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
    let names: Vec<String> = graphs.iter().map(|(g, _)| g.to_string()).collect();
    let last = iris.article_prefix();
    write_to(args.output.as_deref(), |out| {
        write_rdf(graphs, format, &prefixes(iris), &last, out)
    })?;
    if !format.keeps_graphs() {
        eprintln!(
            "note: {} as written here has one graph: the triples of {} merged into the \
             default graph (trig and nquads keep the named graphs)",
            format.name(),
            names.join(", ")
        );
    }
    Ok(())
}

/// The format asked for with --format, else the one the --output extension calls for, else
/// Turtle. An extension that names no format, or another format than --format, is an error.
fn format_of(args: &ExportArgs) -> anyhow::Result<ExportFormat> {
    let Some(path) = args.output.as_deref() else {
        return Ok(args.format.unwrap_or(ExportFormat::Turtle));
    };
    let known = || {
        let extensions: Vec<String> = ExportFormat::ALL
            .iter()
            .flat_map(|f| f.extensions())
            .map(|e| format!(".{e}"))
            .collect();
        extensions.join(" ")
    };
    match (args.format, ExportFormat::from_path(path)) {
        (Some(asked), Some(named)) if asked != named && asked != ExportFormat::Neo4j => bail!(
            "{} names {} by its extension, not {}: change the extension or --format",
            path.display(),
            named.name(),
            asked.name()
        ),
        (Some(asked), _) => Ok(asked),
        (None, Some(named)) => Ok(named),
        (None, None) => bail!(
            "cannot tell the format from the name {}: use one of the extensions {}, or give \
             --format ({})",
            path.display(),
            known(),
            ExportFormat::ALL.map(ExportFormat::id).join(", ")
        ),
    }
}

/// The articles' content (without the provenance layer) as a property graph.
fn property_graph(articles: &[Article], iris: &Iris) -> PropertyGraph {
    let labels = store::ontology_labels();
    let mappings = articles.iter().map(|a| &a.mapping);
    graph::project(mappings, iris, &prefixes(iris), &labels)
}
