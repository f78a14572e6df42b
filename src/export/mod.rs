//! Writing the graph out: RDF syntaxes through Oxigraph's serializers and compact JSON-LD of
//! our own ([`jsonld`]), in a stable order so that two exports of the same facts are
//! byte-identical and their diffs mean something; and property-graph views for tools outside
//! RDF ([`graph`]): GraphML, Graphviz, Neo4j.
//!
//! TriG and N-Quads keep each article's named graph; every other syntax writes the triples of
//! all the graphs exported merged into the default graph ([`ExportFormat::keeps_graphs`]).

pub mod dot;
pub mod graph;
pub mod graphml;
pub mod jsonld;
pub mod neo4j;
mod sorted;
pub mod spill;

pub use sorted::SortedTriples;

use crate::error::{Error, Result};
use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::{GraphName, Triple};
use std::io::Write;
use std::path::Path;

/// The syntaxes `newsgraph export` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    /// Turtle (`.ttl`), with prefixes and grouped subjects.
    Turtle,
    /// N-Triples (`.nt`), one triple per line.
    Ntriples,
    /// N-Quads (`.nq`), one quad per line, keeping named graphs.
    Nquads,
    /// TriG (`.trig`), Turtle with named graphs.
    Trig,
    /// RDF/XML (`.rdf`).
    Rdfxml,
    /// JSON-LD (`.jsonld`), compact: an `@context` of our prefixes and an `@graph` of nodes,
    /// in the default graph like Turtle.
    Jsonld,
    /// GraphML (`.graphml`) for Gephi, yEd and Cytoscape.
    Graphml,
    /// Graphviz DOT (`.dot`, `.gv`): the org chart and the restructuring.
    Dot,
    /// `nodes.csv` and `relationships.csv` for `neo4j-admin database import`, written into the
    /// --output directory.
    Neo4j,
}

impl ExportFormat {
    /// Every format, in the order help text lists them.
    pub const ALL: [ExportFormat; 9] = [
        ExportFormat::Turtle,
        ExportFormat::Ntriples,
        ExportFormat::Nquads,
        ExportFormat::Trig,
        ExportFormat::Rdfxml,
        ExportFormat::Jsonld,
        ExportFormat::Graphml,
        ExportFormat::Dot,
        ExportFormat::Neo4j,
    ];

    /// The format's name on the command line: `turtle`, `ntriples`…
    pub fn id(self) -> &'static str {
        match self {
            ExportFormat::Turtle => "turtle",
            ExportFormat::Ntriples => "ntriples",
            ExportFormat::Nquads => "nquads",
            ExportFormat::Trig => "trig",
            ExportFormat::Rdfxml => "rdfxml",
            ExportFormat::Jsonld => "jsonld",
            ExportFormat::Graphml => "graphml",
            ExportFormat::Dot => "dot",
            ExportFormat::Neo4j => "neo4j",
        }
    }

    /// The format whose [`id`](Self::id) is `id`.
    pub fn from_id(id: &str) -> Option<ExportFormat> {
        ExportFormat::ALL.into_iter().find(|f| f.id() == id)
    }

    /// The file name extensions of the format, the usual one first; none for Neo4j, whose
    /// output is a directory.
    pub fn extensions(self) -> &'static [&'static str] {
        match self {
            ExportFormat::Turtle => &["ttl"],
            ExportFormat::Ntriples => &["nt"],
            ExportFormat::Nquads => &["nq"],
            ExportFormat::Trig => &["trig"],
            ExportFormat::Rdfxml => &["rdf", "owl", "xml"],
            ExportFormat::Jsonld => &["jsonld"],
            ExportFormat::Graphml => &["graphml"],
            ExportFormat::Dot => &["dot", "gv"],
            ExportFormat::Neo4j => &[],
        }
    }

    /// The format a file name's extension calls for (case does not matter).
    pub fn from_path(path: &Path) -> Option<ExportFormat> {
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        ExportFormat::ALL
            .into_iter()
            .find(|f| f.extensions().contains(&extension.as_str()))
    }

    /// The syntax's usual name.
    pub fn name(self) -> &'static str {
        match self {
            ExportFormat::Turtle => "Turtle",
            ExportFormat::Ntriples => "N-Triples",
            ExportFormat::Nquads => "N-Quads",
            ExportFormat::Trig => "TriG",
            ExportFormat::Rdfxml => "RDF/XML",
            ExportFormat::Jsonld => "JSON-LD",
            ExportFormat::Graphml => "GraphML",
            ExportFormat::Dot => "DOT",
            ExportFormat::Neo4j => "Neo4j CSV",
        }
    }

    /// Whether the syntax keeps the articles' named graphs (TriG, N-Quads). The others write
    /// the triples of every graph merged into the default graph.
    pub fn keeps_graphs(self) -> bool {
        matches!(self, ExportFormat::Trig | ExportFormat::Nquads)
    }

    /// The Oxigraph serializer format, for the RDF syntaxes.
    pub fn rdf_format(self) -> Option<RdfFormat> {
        Some(match self {
            ExportFormat::Turtle => RdfFormat::Turtle,
            ExportFormat::Ntriples => RdfFormat::NTriples,
            ExportFormat::Nquads => RdfFormat::NQuads,
            ExportFormat::Trig => RdfFormat::TriG,
            ExportFormat::Rdfxml => RdfFormat::RdfXml,
            ExportFormat::Jsonld => RdfFormat::JsonLd {
                profile: oxigraph::io::JsonLdProfile::Streaming.into(),
            },
            ExportFormat::Graphml | ExportFormat::Dot | ExportFormat::Neo4j => return None,
        })
    }
}

/// Writes graphs in an RDF syntax, each graph's triples sorted ([`SortedTriples`], through
/// temporary files when they are many: [`spill`]). Syntaxes that
/// [keep graphs](ExportFormat::keeps_graphs) write each graph in the order given, gathering only
/// one graph's triples at a time; the others get the triples of all graphs merged into the
/// default graph, each triple once.
pub fn write_rdf<G, T>(
    graphs: G,
    format: ExportFormat,
    prefixes: &[(String, String)],
    last: &str,
    out: &mut dyn Write,
) -> Result<()>
where
    G: IntoIterator<Item = (GraphName, T)>,
    T: IntoIterator<Item = Triple>,
{
    if format.keeps_graphs() {
        let sorted = graphs
            .into_iter()
            .map(|(graph, triples)| Ok((graph, spill::sort(triples, last)?)));
        write_sorted_rdf(sorted, format, prefixes, out)
    } else {
        let merged = spill::sort(graphs.into_iter().flat_map(|(_, t)| t), last)?;
        write_sorted_rdf(
            [Ok((GraphName::DefaultGraph, merged))],
            format,
            prefixes,
            out,
        )
    }
}

/// Writes graphs whose triples come sorted, each once ([`spill::Sorted`]), as
/// [`write_rdf`] does. For a syntax that does not keep graphs, give one graph: each graph is
/// written in turn into the default graph, and a triple of two graphs would be written twice.
/// A graph that could not be made (`Err`) stops the writing with its error.
pub fn write_sorted_rdf(
    graphs: impl IntoIterator<Item = Result<(GraphName, spill::Sorted)>>,
    format: ExportFormat,
    prefixes: &[(String, String)],
    out: &mut dyn Write,
) -> Result<()> {
    let rdf_format = format
        .rdf_format()
        .ok_or_else(|| Error::Input(format!("{} is not an RDF syntax", format.name())))?;
    if format == ExportFormat::Jsonld {
        let triples = graphs.into_iter().flat_map(|graph| {
            let triples: Box<dyn Iterator<Item = Result<Triple>>> = match graph {
                Ok((_, sorted)) => Box::new(sorted),
                Err(e) => Box::new(std::iter::once(Err(e))),
            };
            triples
        });
        return jsonld::write_jsonld(triples, prefixes, out);
    }
    let serializer = crate::rdf::declare(
        RdfSerializer::from_format(rdf_format),
        prefixes,
        |s, prefix, namespace| s.with_prefix(prefix, namespace),
    )?;
    let mut escaped;
    let out: &mut dyn Write = if format == ExportFormat::Rdfxml {
        escaped = CarriageReturns(out);
        &mut escaped
    } else {
        out
    };
    let mut writer = serializer.for_writer(out);
    for graph in graphs {
        let (graph, triples) = graph?;
        for triple in triples {
            let triple = triple?;
            if format.keeps_graphs() {
                writer.serialize_quad(triple.as_ref().in_graph(graph.as_ref()))?;
            } else {
                writer.serialize_triple(&triple)?;
            }
        }
    }
    writer.finish()?;
    Ok(())
}

/// Writes carriage returns as `&#13;`: Oxigraph's RDF/XML writer leaves them raw in literal
/// text, where XML parsers read them as line feeds. In RDF/XML a carriage return can only be
/// in text or attribute values (IRIs cannot hold one), where the character reference is right.
struct CarriageReturns<'a>(&'a mut dyn Write);

impl Write for CarriageReturns<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        for (i, part) in buf.split(|&b| b == b'\r').enumerate() {
            if i > 0 {
                self.0.write_all(b"&#13;")?;
            }
            self.0.write_all(part)?;
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.0.flush()
    }
}
