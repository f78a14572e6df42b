//! `newsgraph check`: are the facts files sound, and what do they hold?

use crate::cli::CheckArgs;
use newsgraph::diagnostic::{Diagnostic, Diagnostics};
use newsgraph::facts::corpus::Corpus;
use newsgraph::facts::{Facts, Kind, Pieces};
use newsgraph::pipeline::{self, Checked};
use newsgraph::rdf::iris::Iris;
use std::io::Write;
use std::path::Path;

pub fn run(args: &CheckArgs, iris: &Iris, store: Option<&Path>) -> anyhow::Result<()> {
    let options = pipeline::Options {
        facts: args.facts.clone(),
        source: args.source.source.clone(),
        ..pipeline::Options::default()
    };
    let mut corpus = Corpus::new();
    if let Some(dir) = store {
        // The store's articles first, from their facts files, unless one is being replaced.
        let replacing: Vec<String> = match options.facts.as_slice() {
            [] => vec![Facts::embedded().article_id().to_owned()],
            files => files
                .iter()
                .filter_map(|f| Pieces::article_id_of(f))
                .collect(),
        };
        let store = super::open_store(dir, false)?;
        for entry in store.articles()? {
            let path = Path::new(&entry.source);
            if !replacing.contains(&entry.id) && path.is_file() {
                corpus.add(&Facts::read(path)?);
            }
        }
    }
    // Each file is checked a piece at a time (one piece, unless it is large): what the summary
    // says of it is gathered as its pieces go by.
    let mut summaries: Vec<Summary> = Vec::new();
    pipeline::check_pieces_of(&options, |_, checked| {
        if checked.facts.holds_article() {
            summaries.push(Summary::new(&checked, iris));
        }
        let summary = summaries
            .last_mut()
            .expect("the first piece holds the article");
        summary.add(&checked, iris);
        corpus.add(&checked.facts);
        Ok(())
    })?;
    if !corpus.conflicts().is_empty() {
        return Err(newsgraph::Error::Facts(Diagnostics(corpus.conflicts().to_vec())).into());
    }
    let mut out = std::io::stdout().lock();
    for summary in summaries {
        summary.write(&mut out)?;
    }
    Ok(())
}

/// What `check` says of one facts file, gathered piece by piece.
struct Summary {
    name: String,
    title: String,
    graph: String,
    /// How many records of each kind, in the order of `Kind::ALL`.
    kinds: Vec<usize>,
    editorial: usize,
    /// The quotes found, and the text they were found in, when it was.
    quotes: Option<(usize, String)>,
    unread: Vec<Diagnostic>,
    /// A 64-bit hash of each triple of the article's graph, to count them once each.
    hashes: Vec<u64>,
}

impl Summary {
    /// The summary of the file whose first piece is `first`, before any piece is added.
    fn new(first: &Checked, iris: &Iris) -> Summary {
        let facts = &first.facts;
        Summary {
            name: facts.source().name().to_owned(),
            title: facts.file().article.title.get_ref().clone(),
            graph: iris.graph(facts.article_id()).to_string(),
            kinds: vec![0; Kind::ALL.len()],
            editorial: usize::from(facts.file().article.original_published_note.is_some()),
            quotes: first
                .text
                .as_ref()
                .map(|text| (0, text.path.display().to_string())),
            unread: Vec::new(),
            hashes: Vec::new(),
        }
    }

    /// Adds one piece of the file.
    fn add(&mut self, piece: &Checked, iris: &Iris) {
        use std::hash::{BuildHasher, BuildHasherDefault, DefaultHasher};
        let facts = &piece.facts;
        for record in facts.records() {
            let at = Kind::ALL.iter().position(|&k| k == record.kind());
            self.kinds[at.expect("every kind is listed")] += 1;
            self.editorial += usize::from(record.editorial().is_some());
        }
        if let (Some((found, _)), Some(located)) = (&mut self.quotes, &piece.located) {
            *found += located.len();
        }
        self.unread.extend(piece.unread.iter().cloned());
        let hasher = BuildHasherDefault::<DefaultHasher>::default();
        let streamed = piece.stream(iris, true, None);
        self.hashes
            .extend(streamed.triples().map(|t| hasher.hash_one(&t)));
    }

    fn write(mut self, out: &mut impl Write) -> std::io::Result<()> {
        self.hashes.sort_unstable();
        self.hashes.dedup();
        let records: usize = self.kinds.iter().sum();
        let entities: usize = Kind::ALL
            .iter()
            .zip(&self.kinds)
            .filter(|(k, _)| k.is_entity())
            .map(|(_, n)| n)
            .sum();
        let counts: Vec<String> = Kind::ALL
            .iter()
            .zip(&self.kinds)
            .filter(|&(_, &n)| n > 0)
            .map(|(kind, n)| format!("{n} {}", kind.table()))
            .collect();
        writeln!(out, "{}: ok", self.name)?;
        writeln!(out, "  article:    {}", self.title)?;
        writeln!(out, "  records:    {records} ({})", counts.join(", "))?;
        writeln!(out, "  entities:   {entities}")?;
        writeln!(out, "  statements: {}", records - entities)?;
        writeln!(
            out,
            "  triples:    {} in graph {}",
            self.hashes.len(),
            self.graph
        )?;
        match &self.quotes {
            Some((found, text)) => {
                writeln!(
                    out,
                    "  evidence:   {found} quotes found in {text}, every value and reference \
                     grounded in them; {} editorial",
                    self.editorial
                )?;
                if !self.unread.is_empty() {
                    writeln!(
                        out,
                        "  to read:    {} relations in words the reader has no pattern for (notes on \
                         standard error)",
                        self.unread.len()
                    )?;
                    super::print_unread(&self.unread);
                }
            }
            None => writeln!(
                out,
                "  evidence:   not verified (no article text; see --source)"
            )?,
        }
        Ok(())
    }
}
