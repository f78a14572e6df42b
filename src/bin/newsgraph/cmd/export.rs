//! `newsgraph export`: the graph in an RDF syntax, or as a property graph for other tools.

use crate::cli::ExportArgs;
use crate::output::{DirFile, write_dir, write_to};
use anyhow::bail;
use newsgraph::export::graph::{self, PropertyGraph};
use newsgraph::export::spill::{self, Sorter};
use newsgraph::export::{ExportFormat, dot, graphml, neo4j, write_rdf, write_sorted_rdf};
use newsgraph::pipeline::{self, Article};
use newsgraph::rdf::iris::Iris;
use newsgraph::rdf::prefixes;
use newsgraph::rdf::provenance::timestamp_now;
use newsgraph::rdf::vocab::{CORPUS_GRAPH, ONTOLOGY_GRAPH};
use newsgraph::store;
use oxigraph::model::{GraphName, Triple};
use std::cell::RefCell;
use std::path::Path;

pub fn run(args: &ExportArgs, iris: &Iris, store: Option<&Path>) -> anyhow::Result<()> {
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
    if args.corpus_layer {
        return export_corpus_layer(args, format, &options, store, iris);
    }
    if let Some(dir) = store {
        return export_store(args, format, dir, iris);
    }
    if format.rdf_format().is_some() {
        return stream_rdf_export(args, format, &options, iris);
    }
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
        _ => unreachable!("RDF syntaxes are streamed"),
    }
}

/// One graph to write: its name and its triples.
type Graph<'a> = (GraphName, Box<dyn Iterator<Item = Triple> + 'a>);

/// Writes the articles' graphs, in the order of their names, and the ontology's when asked
/// for; a syntax without named graphs gets them merged, and says so. Every facts file is
/// checked first; then one article at a time is read again, and its graph made record by
/// record and sorted, through temporary files when it is large ([`spill`]).
fn stream_rdf_export(
    args: &ExportArgs,
    format: ExportFormat,
    options: &pipeline::Options,
    iris: &Iris,
) -> anyhow::Result<()> {
    let mut planned = pipeline::check_all(options)?;
    planned.sort_by_cached_key(|p| iris.graph(&p.id));
    let last = iris.article_prefix();
    // Each article's graph is made record by record as it is gathered for sorting, so that
    // its mapping and its triples are never held whole beside it.
    let add_article = |plan: &pipeline::Planned, sorter: &mut Sorter| {
        let graph =
            pipeline::stream_planned(plan, options, iris, |triples| sorter.extend(triples))?;
        Ok::<_, newsgraph::Error>(GraphName::from(graph))
    };
    let mut names: Vec<String> = planned
        .iter()
        .map(|p| iris.graph(&p.id).to_string())
        .collect();
    if args.with_ontology {
        names.push(ONTOLOGY_GRAPH.to_string());
    }
    let ontology = || {
        (
            ONTOLOGY_GRAPH.into_owned().into(),
            store::ontology_triples(),
        )
    };
    if format.keeps_graphs() {
        let articles = planned.iter().map(|plan| {
            let mut sorter = Sorter::new(&last);
            let graph = add_article(plan, &mut sorter)?;
            Ok((graph, sorter.finish()?))
        });
        let ontology = args.with_ontology.then(|| {
            let (graph, triples) = ontology();
            Ok((graph, spill::sort(triples, &last)?))
        });
        write_to(args.output.as_deref(), |out| {
            write_sorted_rdf(articles.chain(ontology), format, &prefixes(iris), out)
        })
    } else {
        let mut sorter = Sorter::new(&last);
        for plan in &planned {
            add_article(plan, &mut sorter)?;
        }
        if args.with_ontology {
            sorter.extend(ontology().1)?;
        }
        write_merged(args, format, sorter, &names, iris)
    }
}

/// Writes the graphs of the store in `dir`, in the order of their names, read from the store
/// one graph at a time and sorted as it is read ([`spill`]).
fn export_store(
    args: &ExportArgs,
    format: ExportFormat,
    dir: &Path,
    iris: &Iris,
) -> anyhow::Result<()> {
    rdf_only(format, "--store", "give facts files without --store")?;
    as_loaded(args)?;
    let store = super::open_store(dir, false)?;
    let graph_names = store.graph_names(args.with_ontology);
    let names: Vec<String> = graph_names.iter().map(ToString::to_string).collect();
    let last = iris.article_prefix();
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(4));
    let sort_last = last.clone();
    let graphs = store.read_graphs(graph_names, threads, move |triples| {
        let mut sorter = Sorter::new(&sort_last);
        sorter.try_extend(triples)?;
        sorter.finish()
    });
    if format.keeps_graphs() {
        return write_to(args.output.as_deref(), |out| {
            write_sorted_rdf(graphs, format, &prefixes(iris), out)
        });
    }
    // Every graph's triples are sorted together: the readers still share the reading.
    let mut merged = Sorter::new(&last);
    for graph in graphs {
        merged.try_extend(graph?.1)?;
    }
    write_merged(args, format, merged, &names, iris)
}

/// Writes the triples of the graphs `names`, gathered in `sorter`, merged into the default
/// graph of a syntax that has no named graphs, and says so.
fn write_merged(
    args: &ExportArgs,
    format: ExportFormat,
    sorter: Sorter,
    names: &[String],
    iris: &Iris,
) -> anyhow::Result<()> {
    let merged = sorter.finish()?;
    write_to(args.output.as_deref(), |out| {
        let graphs = [Ok((GraphName::DefaultGraph, merged))];
        write_sorted_rdf(graphs, format, &prefixes(iris), out)
    })?;
    merged_note(format, names);
    Ok(())
}

/// Refuses a format that is not an RDF syntax for an `option` that only writes RDF, with a
/// `hint` of what to give instead.
fn rdf_only(format: ExportFormat, option: &str, hint: &str) -> anyhow::Result<()> {
    match format.rdf_format() {
        Some(_) => Ok(()),
        None => bail!(
            "{option} writes RDF, and {} is not an RDF syntax: {hint}",
            format.name()
        ),
    }
}

/// With --store, the graphs are exported as they were loaded: options that change how facts
/// files are read are refused.
fn as_loaded(args: &ExportArgs) -> anyhow::Result<()> {
    if !args.facts.is_empty()
        || args.no_provenance
        || args.timestamp
        || args.source.source.is_some()
    {
        bail!(
            "--store exports the articles as they were loaded: leave out facts files, \
             --no-provenance, --timestamp and --source"
        );
    }
    Ok(())
}

/// Writes the corpus layer of the facts files, or of the store in `dir`, in its own graph,
/// and the ontology's graph when asked for.
fn export_corpus_layer(
    args: &ExportArgs,
    format: ExportFormat,
    options: &pipeline::Options,
    store: Option<&Path>,
    iris: &Iris,
) -> anyhow::Result<()> {
    rdf_only(
        format,
        "--corpus-layer",
        "give an RDF syntax (nquads and trig keep its graph)",
    )?;
    let layer = match store {
        Some(dir) => {
            as_loaded(args)?;
            super::open_store(dir, false)?.corpus_layer()?
        }
        None => pipeline::corpus_layer(options, iris)?,
    };
    let mut graphs: Vec<Graph<'_>> = vec![(
        CORPUS_GRAPH.into_owned().into(),
        Box::new(layer.into_iter()),
    )];
    if args.with_ontology {
        let triples = store::ontology_triples().into_iter();
        graphs.push((ONTOLOGY_GRAPH.into_owned().into(), Box::new(triples)));
    }
    let names: Vec<String> = graphs.iter().map(|(g, _)| g.to_string()).collect();
    write_rdf_graphs(
        args,
        format,
        graphs.into_iter(),
        &names,
        iris,
        &RefCell::new(None),
    )
}

/// Writes `graphs`, named `names`; an error met while they were made (`failure`) fails the
/// write, so no partial output file is kept.
fn write_rdf_graphs<'a>(
    args: &ExportArgs,
    format: ExportFormat,
    graphs: impl Iterator<Item = Graph<'a>>,
    names: &[String],
    iris: &Iris,
    failure: &RefCell<Option<newsgraph::Error>>,
) -> anyhow::Result<()> {
    let last = iris.article_prefix();
    write_to(args.output.as_deref(), |out| {
        write_rdf(graphs, format, &prefixes(iris), &last, out)?;
        match failure.borrow_mut().take() {
            Some(e) => Err(e),
            None => Ok(()),
        }
    })?;
    if !format.keeps_graphs() {
        merged_note(format, names);
    }
    Ok(())
}

/// Says that a syntax without named graphs got the graphs `names` merged.
fn merged_note(format: ExportFormat, names: &[String]) {
    eprintln!(
        "note: {} as written here has one graph: the triples of {} merged into the default \
         graph (trig and nquads keep the named graphs)",
        format.name(),
        names.join(", ")
    );
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
