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

use crate::error::{Error, Result};
use crate::iris::Iris;
use crate::store::GraphStore;
use crate::vocab::{PREFIXES, rdf};
use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::{GraphName, GraphNameRef, NamedOrBlankNodeRef, Quad, TermRef, TripleRef};
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

/// The quads of the given graphs, sorted: by graph, then subjects whose IRI starts with
/// `last` after all others (newsgraph puts an article's provenance there), then by subject,
/// `rdf:type` first, then by predicate and object.
pub fn sorted_quads(store: &GraphStore, graphs: &[GraphName], last: &str) -> Result<Vec<Quad>> {
    let mut quads = Vec::new();
    for graph in graphs {
        for quad in store
            .store()
            .quads_for_pattern(None, None, None, Some(graph.as_ref()))
        {
            quads.push(quad?);
        }
    }
    sort_quads(&mut quads, last);
    Ok(quads)
}

/// Sorts quads as [`sorted_quads`] does, and drops duplicates.
pub fn sort_quads(quads: &mut Vec<Quad>, last: &str) {
    quads.sort_by_cached_key(|q| sort_key(q, last));
    quads.dedup();
}

/// A string compared with its runs of digits as numbers, so `statement.2` comes before
/// `statement.10`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Natural(Vec<(String, u128)>);

impl Natural {
    fn new(s: &str) -> Natural {
        let mut parts = Vec::new();
        let mut text = String::new();
        let mut chars = s.chars().peekable();
        while let Some(&c) = chars.peek() {
            if c.is_ascii_digit() {
                let mut digits = String::new();
                while let Some(&d) = chars.peek().filter(|d| d.is_ascii_digit()) {
                    digits.push(d);
                    chars.next();
                }
                match digits.parse::<u128>() {
                    Ok(n) if !digits.starts_with('0') || digits == "0" => {
                        parts.push((std::mem::take(&mut text), n))
                    }
                    _ => text.push_str(&digits),
                }
            } else {
                text.push(c);
                chars.next();
            }
        }
        parts.push((text, 0));
        Natural(parts)
    }
}

fn sort_key(q: &Quad, last: &str) -> (String, bool, Natural, bool, String, Natural) {
    let graph = match q.graph_name.as_ref() {
        GraphNameRef::DefaultGraph => String::new(),
        GraphNameRef::NamedNode(n) => n.as_str().to_owned(),
        GraphNameRef::BlankNode(b) => b.to_string(),
    };
    let subject = match q.subject.as_ref() {
        NamedOrBlankNodeRef::NamedNode(n) => n.as_str().to_owned(),
        NamedOrBlankNodeRef::BlankNode(b) => b.to_string(),
    };
    let object = match q.object.as_ref() {
        TermRef::NamedNode(n) => n.as_str().to_owned(),
        other => other.to_string(),
    };
    (
        graph,
        !last.is_empty() && subject.starts_with(last),
        Natural::new(&subject),
        q.predicate.as_ref() != rdf::TYPE,
        q.predicate.as_str().to_owned(),
        Natural::new(&object),
    )
}

/// Writes quads sorted as [`sorted_quads`] or [`sort_quads`] sort them with the same `last`.
/// Syntaxes that do not [keep graphs](ExportFormat::keeps_graphs) get the triples of all
/// graphs merged into the default graph, each triple once.
pub fn write_rdf(
    quads: &[Quad],
    format: ExportFormat,
    prefixes: &[(String, String)],
    last: &str,
    out: &mut dyn Write,
) -> Result<()> {
    let rdf_format = format
        .rdf_format()
        .ok_or_else(|| Error::Input(format!("{} is not an RDF syntax", format.name())))?;
    let merged: Vec<Quad>;
    let quads =
        if format.keeps_graphs() || quads.windows(2).all(|w| w[0].graph_name == w[1].graph_name) {
            // Already in order, and without duplicates.
            quads
        } else {
            let mut all: Vec<Quad> = quads
                .iter()
                .map(|q| Quad {
                    graph_name: GraphName::DefaultGraph,
                    ..q.clone()
                })
                .collect();
            sort_quads(&mut all, last);
            merged = all;
            &merged
        };
    let triples = quads.iter().map(|quad| {
        TripleRef::new(
            quad.subject.as_ref(),
            quad.predicate.as_ref(),
            quad.object.as_ref(),
        )
    });
    if format == ExportFormat::Jsonld {
        return jsonld::write_jsonld(triples, prefixes, out);
    }
    let mut serializer = RdfSerializer::from_format(rdf_format);
    for (prefix, namespace) in prefixes {
        serializer = serializer
            .with_prefix(prefix, namespace)
            .map_err(|e| Error::BaseIri {
                iri: namespace.clone(),
                reason: e.to_string(),
            })?;
    }
    let mut escaped;
    let out: &mut dyn Write = if format == ExportFormat::Rdfxml {
        escaped = CarriageReturns(out);
        &mut escaped
    } else {
        out
    };
    let mut writer = serializer.for_writer(out);
    if format.keeps_graphs() {
        for quad in quads {
            writer.serialize_quad(quad)?;
        }
    } else {
        for triple in triples {
            writer.serialize_triple(triple)?;
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
