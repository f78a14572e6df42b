//! `newsgraph export`: the graph in an RDF syntax.

use crate::cli::ExportArgs;
use crate::export::{ExportFormat, prefixes, sorted_quads, write_rdf};
use crate::iris::Iris;
use crate::output::write_to;
use crate::pipeline;
use crate::provenance::timestamp_now;
use crate::vocab::ONTOLOGY_GRAPH;
use oxigraph::model::GraphName;

pub fn run(args: &ExportArgs, iris: &Iris) -> anyhow::Result<()> {
    let format = args
        .format
        .or_else(|| args.output.as_deref().and_then(ExportFormat::from_path))
        .unwrap_or(ExportFormat::Turtle);
    let options = pipeline::Options {
        facts: args.facts.clone(),
        source: args.source.source.clone(),
        without_provenance: args.no_provenance,
        timestamp: args.timestamp.then(timestamp_now),
    };
    let loaded = pipeline::load(&options, iris)?;
    let mut graphs: Vec<GraphName> = loaded
        .store
        .article_graphs()
        .iter()
        .cloned()
        .map(GraphName::from)
        .collect();
    if args.with_ontology {
        graphs.push(ONTOLOGY_GRAPH.into_owned().into());
    }
    let last = iris.article_prefix();
    let quads = sorted_quads(&loaded.store, &graphs, &last)?;
    if !format.rdf_format().supports_datasets() && graphs.len() > 1 {
        let names: Vec<String> = graphs.iter().map(ToString::to_string).collect();
        eprintln!(
            "note: {format:?} has no named graphs; merged {}",
            names.join(", ")
        );
    }
    write_to(args.output.as_deref(), |out| {
        write_rdf(&quads, format, &prefixes(iris), &last, out)
    })
}
