//! Writing answers, the one writer for every way of asking: an aligned table for people, the
//! W3C result formats for programs, an RDF syntax for graphs (Turtle unless told).

use super::request::Answer;
use crate::error::{Error, Result};
use crate::export::{ExportFormat, write_rdf};
use crate::rdf::shorten;
use oxigraph::model::{GraphName, Term, Triple};
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};
use oxigraph::sparql::{QueryResults, QuerySolution, Variable};
use std::io::Write;
use std::sync::Arc;

/// How `newsgraph query` writes solutions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ResultsFormat {
    /// An aligned text table, IRIs shortened with the usual prefixes.
    #[default]
    Table,
    /// SPARQL 1.1 Query Results CSV.
    Csv,
    /// SPARQL 1.1 Query Results TSV.
    Tsv,
    /// SPARQL 1.1 Query Results JSON.
    Json,
    /// SPARQL Query Results XML.
    Xml,
}

impl ResultsFormat {
    /// Every format, the default first.
    pub const ALL: [ResultsFormat; 5] = [
        ResultsFormat::Table,
        ResultsFormat::Csv,
        ResultsFormat::Tsv,
        ResultsFormat::Json,
        ResultsFormat::Xml,
    ];

    /// The format's name on the command line: `table`, `csv`…
    pub fn id(self) -> &'static str {
        match self {
            ResultsFormat::Table => "table",
            ResultsFormat::Csv => "csv",
            ResultsFormat::Tsv => "tsv",
            ResultsFormat::Json => "json",
            ResultsFormat::Xml => "xml",
        }
    }

    /// The format whose [`id`](Self::id) is `id`.
    pub fn from_id(id: &str) -> Option<ResultsFormat> {
        ResultsFormat::ALL.into_iter().find(|f| f.id() == id)
    }

    /// The W3C results format it is, if it is one.
    pub fn w3c(self) -> Option<QueryResultsFormat> {
        match self {
            ResultsFormat::Table => None,
            ResultsFormat::Csv => Some(QueryResultsFormat::Csv),
            ResultsFormat::Tsv => Some(QueryResultsFormat::Tsv),
            ResultsFormat::Json => Some(QueryResultsFormat::Json),
            ResultsFormat::Xml => Some(QueryResultsFormat::Xml),
        }
    }
}

/// The most rows a table holds: a table is read by a person and needs every row before its
/// first (for the column widths), so a larger answer is an error that points to `--limit` or
/// a streamed format.
pub const TABLE_MAX_ROWS: usize = 100_000;

/// Writes query results; graph results (CONSTRUCT, DESCRIBE) are always Turtle.
pub fn write_results(
    results: QueryResults<'_>,
    format: ResultsFormat,
    prefixes: &[(String, String)],
    out: &mut dyn Write,
) -> Result<()> {
    write_results_limited(results, format, prefixes, None, out)
}

/// Writes query results as [`write_results`] does, at most `limit` rows (or triples) of them.
/// The W3C formats are written row by row as the query makes them, so an answer of any size
/// streams in little memory; a table holds at most [`TABLE_MAX_ROWS`].
pub fn write_results_limited(
    results: QueryResults<'_>,
    format: ResultsFormat,
    prefixes: &[(String, String)],
    limit: Option<usize>,
    out: &mut dyn Write,
) -> Result<()> {
    let limit = limit.unwrap_or(usize::MAX);
    match results {
        QueryResults::Solutions(solutions) => {
            let variables = solutions.variables().to_vec();
            let rows = solutions.take(limit).map(|s| s.map_err(Error::from));
            write_solutions(variables, rows, format, prefixes, out)
        }
        QueryResults::Boolean(value) => write_boolean(value, format, out),
        QueryResults::Graph(triples) => {
            let triples = triples.take(limit).map(|t| t.map_err(Error::from));
            write_graph(triples, ExportFormat::Turtle, prefixes, out)
        }
    }
}

/// Writes a whole [`Answer`]: solutions and booleans in `format`, a graph in `graphs` (an
/// RDF syntax). The server writes every answer through here.
pub fn write_answer(
    answer: &Answer,
    format: ResultsFormat,
    graphs: ExportFormat,
    prefixes: &[(String, String)],
    out: &mut dyn Write,
) -> Result<()> {
    match answer {
        Answer::Solutions { variables, rows } => {
            let shared: Arc<[Variable]> = variables.clone().into();
            let rows = rows
                .iter()
                .map(|row| Ok(QuerySolution::from((shared.clone(), row.clone()))));
            write_solutions(variables.clone(), rows, format, prefixes, out)
        }
        Answer::Boolean(value) => write_boolean(*value, format, out),
        Answer::Graph(triples) => {
            write_graph(triples.iter().cloned().map(Ok), graphs, prefixes, out)
        }
    }
}

fn write_solutions(
    variables: Vec<Variable>,
    rows: impl Iterator<Item = Result<QuerySolution>>,
    format: ResultsFormat,
    prefixes: &[(String, String)],
    out: &mut dyn Write,
) -> Result<()> {
    match format.w3c() {
        None => {
            let mut cells: Vec<Vec<String>> = Vec::new();
            for solution in rows {
                let solution = solution?;
                if cells.len() == TABLE_MAX_ROWS {
                    return Err(Error::Input(format!(
                        "the answer has more than {TABLE_MAX_ROWS} rows, too many for a \
                         table: add --limit N, or write it with --format csv, tsv, \
                         json or xml, which stream"
                    )));
                }
                cells.push(
                    variables
                        .iter()
                        .map(|v| cell(solution.get(v), prefixes))
                        .collect(),
                );
            }
            let header: Vec<String> = variables.iter().map(|v| v.as_str().to_owned()).collect();
            write_table(&header, &cells, out)
        }
        Some(w3c) => {
            let mut writer = QueryResultsSerializer::from_format(w3c)
                .serialize_solutions_to_writer(out, variables)?;
            for solution in rows {
                writer.serialize(&solution?)?;
            }
            writer.finish()?;
            Ok(())
        }
    }
}

fn write_boolean(value: bool, format: ResultsFormat, out: &mut dyn Write) -> Result<()> {
    match format.w3c() {
        None => writeln!(out, "{value}")?,
        Some(w3c) => {
            QueryResultsSerializer::from_format(w3c).serialize_boolean_to_writer(out, value)?;
        }
    }
    Ok(())
}

fn write_graph(
    triples: impl Iterator<Item = Result<Triple>>,
    format: ExportFormat,
    prefixes: &[(String, String)],
    out: &mut dyn Write,
) -> Result<()> {
    let triples = triples.collect::<Result<Vec<_>>>()?;
    write_rdf(
        [(GraphName::DefaultGraph, triples)],
        format,
        prefixes,
        "",
        out,
    )
}

/// A term as a person reads it: literals by their value, IRIs shortened by a prefix.
fn cell(term: Option<&Term>, prefixes: &[(String, String)]) -> String {
    match term {
        None => String::new(),
        Some(Term::Literal(literal)) => literal.value().to_owned(),
        Some(Term::NamedNode(node)) => shorten(node.as_str(), prefixes),
        Some(other) => other.to_string(),
    }
}

fn write_table(header: &[String], rows: &[Vec<String>], out: &mut dyn Write) -> Result<()> {
    // Columns line up on screen: a Chinese character takes two cells, an accent none.
    let width = |s: &str| unicode_width::UnicodeWidthStr::width(s);
    let mut widths: Vec<usize> = header.iter().map(|h| width(h)).collect();
    for row in rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(width(cell));
        }
    }
    let line = |cells: &[String]| {
        let padded: Vec<String> = cells
            .iter()
            .zip(&widths)
            .map(|(c, &w)| format!("{c}{}", " ".repeat(w - width(c))))
            .collect();
        padded.join(" | ").trim_end().to_owned()
    };
    writeln!(out, "{}", line(header))?;
    let rule: Vec<String> = widths.iter().map(|&w| "-".repeat(w)).collect();
    writeln!(out, "{}", rule.join("-+-"))?;
    for row in rows {
        writeln!(out, "{}", line(row))?;
    }
    writeln!(
        out,
        "({} row{})",
        rows.len(),
        if rows.len() == 1 { "" } else { "s" }
    )?;
    Ok(())
}
