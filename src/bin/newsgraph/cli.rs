//! The command line, as clap types only; the doc comments are the help text.

use clap::builder::{PossibleValuesParser, TypedValueParser};
use clap::{Args, Parser, Subcommand};
use newsgraph::export::ExportFormat;
use newsgraph::query::results::ResultsFormat;
use newsgraph::rdf::vocab::DEFAULT_BASE;
use std::path::PathBuf;

const EXAMPLES: &str = "\
Examples:
  newsgraph export                              the embedded article's graph as Turtle
  newsgraph export --output cainiao.nt          N-Triples, format taken from the extension
  newsgraph query reporting-lines               a saved question, as a table
  newsgraph query --sparql 'SELECT * WHERE { ?s a org:Post }' --format json
  newsgraph query evidence --bind entity=person:ding-hongwei
  newsgraph queries                             the saved questions
  newsgraph check data/articles/cainiao-restructuring.toml
  newsgraph verify --source cainiao-restructuring.txt
  newsgraph why 'Ding Hongwei' --source cainiao-restructuring.txt
  newsgraph draft article.txt --corpus data/articles --output data/articles/article.toml
  newsgraph entities data/articles/*.toml       the ids a new article can reuse
  newsgraph --store corpus.db load data/articles/*.toml
  newsgraph --store corpus.db list
  newsgraph --store corpus.db query disagreements

With no facts file, every command works on the embedded Cainiao article; with --store DIR,
query, export, list and entities read the on-disk store instead.";

/// Turns what a news article says about companies, people and events into an RDF knowledge
/// graph, queries it, and exports it.
#[derive(Debug, Parser)]
#[command(name = "newsgraph", version, after_help = EXAMPLES)]
pub struct Cli {
    /// Base IRI of the resources newsgraph names (must end with `/` or `#`).
    #[arg(long, global = true, value_name = "IRI", default_value = DEFAULT_BASE)]
    pub base: String,

    /// An on-disk store (created by `load`): `query`, `export`, `list` and `entities` read
    /// it instead of facts files, `draft` reuses the ids of its entities, and `check`
    /// compares the facts files with the articles it holds. Needs newsgraph built with the `rocksdb` feature.
    #[arg(long, global = true, value_name = "DIR")]
    pub store: Option<PathBuf>,

    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Write the knowledge graph in an RDF syntax (Turtle by default).
    ///
    /// Example: newsgraph export --format trig --output cainiao.trig
    #[command(after_help = "Example:\n  newsgraph export --format trig --output cainiao.trig")]
    Export(ExportArgs),

    /// Answer a saved question or a SPARQL query.
    ///
    /// Example: newsgraph query reporting-lines --format csv
    #[command(
        after_help = "Examples:\n  newsgraph query reporting-lines --format csv\n  newsgraph query --file my.rq\n  newsgraph query --sparql 'ASK { ?p org:reportsTo ?q }'"
    )]
    Query(QueryArgs),

    /// List the saved questions.
    ///
    /// Example: newsgraph queries
    #[command(after_help = "Example:\n  newsgraph queries")]
    Queries,

    /// Check facts files and summarize what they hold.
    ///
    /// Example: newsgraph check data/articles/cainiao-restructuring.toml
    #[command(after_help = "Example:\n  newsgraph check data/articles/cainiao-restructuring.toml")]
    Check(CheckArgs),

    /// Find every evidence quote of a facts file in the article's text.
    ///
    /// Example: newsgraph verify --source cainiao-restructuring.txt
    #[command(
        after_help = "Example:\n  newsgraph verify --source cainiao-restructuring.txt\n\n\
        Quotes match when they differ only in whitespace and in typographic quotes and dashes."
    )]
    Verify(VerifyArgs),

    /// Show, for a person, organization or event, each fact the article states and its words.
    ///
    /// Example: newsgraph why "Ding Hongwei"
    #[command(
        after_help = "Examples:\n  newsgraph why \"Ding Hongwei\"\n  newsgraph why restructuring --source cainiao-restructuring.txt"
    )]
    Why(WhyArgs),

    /// Serve the graph over the SPARQL 1.1 Protocol, with a page for people, until Ctrl-C.
    ///
    /// Example: newsgraph serve --bind 127.0.0.1:7878
    #[cfg(feature = "serve")]
    #[command(
        after_help = "Examples:\n  newsgraph serve\n  newsgraph serve data/articles/*.toml --cors '*'\n  curl 'http://127.0.0.1:7878/queries/reporting-lines' -H 'Accept: text/csv'"
    )]
    Serve(ServeArgs),

    /// Propose a facts file for a new article from its text, reusing the corpus's ids.
    ///
    /// Example: newsgraph draft article.txt --corpus data/articles
    #[command(
        after_help = "Examples:\n  newsgraph draft article.txt --corpus data/articles\n  newsgraph draft article.txt --corpus data/articles --output data/articles/article.toml\n\n\
        Every proposed record quotes the text; events, relations and uncertain names are\n\
        written as commented-out stubs. A summary goes to standard error."
    )]
    Draft(DraftArgs),

    /// Add articles to the store given with --store, or replace the versions it holds.
    ///
    /// Example: newsgraph --store corpus.db load data/articles/*.toml
    #[command(
        after_help = "Example:\n  newsgraph --store corpus.db load data/articles/*.toml\n\n\
        Every facts file is checked first; nothing is written unless all are sound. Each \
        article is then replaced whole: an error or a kill leaves its earlier version."
    )]
    Load(LoadArgs),

    /// List the articles in the store: id, triples, load time and facts file.
    ///
    /// Example: newsgraph --store corpus.db list
    #[command(after_help = "Example:\n  newsgraph --store corpus.db list")]
    List,

    /// Remove articles from the store, by article id.
    ///
    /// Example: newsgraph --store corpus.db remove cainiao-restructuring
    #[command(after_help = "Example:\n  newsgraph --store corpus.db remove cainiao-restructuring")]
    Remove(RemoveArgs),

    /// List every entity id the facts files (or the store) use, with kind, names and articles.
    ///
    /// Example: newsgraph entities data/articles/*.toml
    #[command(after_help = "Example:\n  newsgraph entities data/articles/*.toml")]
    Entities(EntitiesArgs),
}

/// Arguments of `newsgraph load`.
#[derive(Debug, Args)]
pub struct LoadArgs {
    /// Facts files to load; the embedded article when none is given.
    #[arg(value_name = "FACTS.toml")]
    pub facts: Vec<PathBuf>,

    /// Leave out the provenance layer: annotations, reified statements, the mapping run.
    #[arg(long)]
    pub no_provenance: bool,

    /// Memory for the bulk loader's buffers, in megabytes (RocksDB's own comes on top).
    #[arg(long, value_name = "MB", default_value_t = 512)]
    pub memory: usize,

    /// Do not compact the store afterwards. By default a load that at least doubles the
    /// store (a first load always does) ends by compacting it, which makes opening and
    /// reading it faster and costs time in proportion to its size.
    #[arg(long)]
    pub no_compact: bool,

    #[command(flatten)]
    pub source: SourceArg,
}

/// Arguments of `newsgraph remove`.
#[derive(Debug, Args)]
pub struct RemoveArgs {
    /// The ids of the articles to remove (see `newsgraph list`).
    #[arg(value_name = "ARTICLE", required = true)]
    pub ids: Vec<String>,
}

/// Arguments of `newsgraph entities`.
#[derive(Debug, Args)]
pub struct EntitiesArgs {
    /// Facts files; the embedded article when none is given (and no --store).
    #[arg(value_name = "FACTS.toml")]
    pub facts: Vec<PathBuf>,
}

/// Where the article's text is, for evidence offsets.
#[derive(Debug, Args)]
pub struct SourceArg {
    /// The article's text. Without it, the file the facts name in `article.source` is looked
    /// up in $NEWSGRAPH_ARTICLES and beside the facts file; if found, its quotes are verified
    /// and their character offsets recorded.
    #[arg(long, value_name = "ARTICLE.txt")]
    pub source: Option<PathBuf>,
}

/// Arguments of `newsgraph export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Facts files to export; the embedded article when none is given.
    #[arg(value_name = "FACTS.toml")]
    pub facts: Vec<PathBuf>,

    /// Output syntax; by default taken from the --output extension, else Turtle. TriG and
    /// N-Quads keep the articles' named graphs; the others merge them into the default graph.
    #[arg(short, long, value_parser = export_format())]
    pub format: Option<ExportFormat>,

    /// Write to this file instead of standard output (for neo4j, this directory), replaced
    /// only once complete. Its extension names the format unless --format does: .ttl .nt
    /// .nq .trig .rdf .jsonld .graphml .dot (without --format, any other is an error).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Also export the newsgraph ontology.
    #[arg(long)]
    pub with_ontology: bool,

    /// Export the corpus layer instead of the articles: what the facts files (or the store)
    /// say taken together (each article's date, one name per entity, the latest report), in
    /// its graph <https://newsgraph.example/corpus>, which queries read with GRAPH and which
    /// is not in the default graph. Use nquads or trig to keep the graph.
    #[arg(long)]
    pub corpus_layer: bool,

    /// Leave out the provenance layer: annotations, reified statements, the mapping run.
    #[arg(long)]
    pub no_provenance: bool,

    /// Record the current time (or $SOURCE_DATE_EPOCH) as the time of the mapping run.
    #[arg(long)]
    pub timestamp: bool,

    #[command(flatten)]
    pub source: SourceArg,
}

/// Arguments of `newsgraph query`.
#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("query").required(true).args(["name", "file", "sparql"])))]
pub struct QueryArgs {
    /// Name of a saved question (see `newsgraph queries`).
    pub name: Option<String>,

    /// Run the SPARQL query in this file.
    #[arg(long, value_name = "Q.rq")]
    pub file: Option<PathBuf>,

    /// Run this SPARQL query; the usual prefixes (org:, foaf:, prov:, schema:…) are predeclared.
    #[arg(long, value_name = "TEXT")]
    pub sparql: Option<String>,

    /// How to write the results; graph results are always Turtle. csv, tsv, json and xml
    /// are written row by row as the query makes them.
    #[arg(long, value_parser = results_format(), default_value = "table")]
    pub format: ResultsFormat,

    /// Write at most this many rows (or triples).
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,

    /// Give a variable of the query a value before it runs (repeatable): an IRI as <…> or
    /// prefix:name, anything else as a string.
    #[arg(long, value_name = "NAME=VALUE")]
    pub bind: Vec<String>,

    /// Facts file to load instead of the embedded article (repeatable).
    #[arg(long, value_name = "FACTS.toml")]
    pub facts: Vec<PathBuf>,

    /// Stop the query, with an error, once it has run this long (e.g. 10, 0.5).
    #[arg(long, value_name = "SECONDS", value_parser = newsgraph::query::limits::parse_seconds)]
    pub timeout: Option<std::time::Duration>,

    #[command(flatten)]
    pub source: SourceArg,
}

/// Arguments of `newsgraph check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Facts files to check; the embedded article when none is given.
    #[arg(value_name = "FACTS.toml")]
    pub facts: Vec<PathBuf>,

    #[command(flatten)]
    pub source: SourceArg,
}

/// Arguments of `newsgraph verify`.
#[derive(Debug, Args)]
pub struct VerifyArgs {
    /// The facts file; the embedded article when none is given.
    #[arg(value_name = "FACTS.toml")]
    pub facts: Option<PathBuf>,

    #[command(flatten)]
    pub source: SourceArg,
}

/// Arguments of `newsgraph why`.
#[derive(Debug, Args)]
pub struct WhyArgs {
    /// A record id (`ding-hongwei`), a name or another name the text uses (`Ding Hongwei`,
    /// `Jiang`).
    pub entity: String,

    /// The facts file; the embedded article when none is given.
    #[arg(long, value_name = "FACTS.toml")]
    pub facts: Option<PathBuf>,

    #[command(flatten)]
    pub source: SourceArg,
}

/// Arguments of `newsgraph draft`.
#[derive(Debug, Args)]
pub struct DraftArgs {
    /// The article's text (UTF-8, at most 4 MB).
    #[arg(value_name = "ARTICLE.txt")]
    pub text: PathBuf,

    /// A directory of facts files whose organizations and people are reused by id when the
    /// text names them (with the global `--store`, those of the store's articles as well).
    #[arg(long, value_name = "DIR")]
    pub corpus: Option<PathBuf>,

    /// Write the draft to this file instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Replace the output file if it exists.
    #[arg(long)]
    pub force: bool,
}

/// Reads an export format by its name (`turtle`, `ntriples`…).
fn export_format() -> impl TypedValueParser<Value = ExportFormat> {
    PossibleValuesParser::new(ExportFormat::ALL.map(ExportFormat::id))
        .map(|id| ExportFormat::from_id(&id).expect("one of the possible values"))
}

/// Reads a results format by its name (`table`, `csv`…).
fn results_format() -> impl TypedValueParser<Value = ResultsFormat> {
    PossibleValuesParser::new(ResultsFormat::ALL.map(ResultsFormat::id))
        .map(|id| ResultsFormat::from_id(&id).expect("one of the possible values"))
}

/// Arguments of `newsgraph serve`.
#[cfg(feature = "serve")]
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Facts files to serve; the embedded article when none is given.
    #[arg(value_name = "FACTS.toml")]
    pub facts: Vec<PathBuf>,

    /// Address to listen on; loopback unless told otherwise (port 0: any free port).
    #[arg(long, value_name = "ADDRESS:PORT", default_value = newsgraph::serve::DEFAULT_BIND)]
    pub bind: std::net::SocketAddr,

    /// Accept SPARQL updates (they change the in-memory store, not the facts files).
    #[arg(long)]
    pub allow_update: bool,

    /// Stop a query, with an error, once it has run this long.
    #[arg(long, value_name = "SECONDS", default_value = "10", value_parser = newsgraph::query::limits::parse_seconds)]
    pub timeout: std::time::Duration,

    /// Refuse answers with more rows (or triples) than this.
    #[arg(long, value_name = "N", default_value_t = newsgraph::serve::DEFAULT_MAX_RESULTS)]
    pub max_results: usize,

    /// Let pages from this origin query the server (CORS), e.g. http://localhost:3000;
    /// repeatable; `*` for any.
    #[arg(long, value_name = "ORIGIN")]
    pub cors: Vec<String>,

    /// Evaluate every query afresh; by default a read-only server keeps the answers to
    /// repeated queries (up to 64 MiB). (What the explorer reads once as a read-only server
    /// starts, its names, disagreements and timeline, is read either way.)
    #[arg(long)]
    pub no_cache: bool,

    #[command(flatten)]
    pub source: SourceArg,
}
