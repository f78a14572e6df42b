//! `newsgraph draft`: a facts file proposed from an article's text.

use crate::cli::DraftArgs;
use crate::output;
use anyhow::bail;
use newsgraph::draft::{self, Draft, KnownNames};
use newsgraph::facts::corpus::{Corpus, Entity};
use newsgraph::rdf::iris::Iris;
use newsgraph::text::read;
use std::path::Path;

pub fn run(args: &DraftArgs, iris: &Iris, store: Option<&Path>) -> anyhow::Result<()> {
    let name = args.text.display().to_string();
    if let Some(out) = &args.output {
        if out.exists() && !args.force {
            bail!(
                "{} exists; give --force to replace it, or another --output",
                out.display()
            );
        }
    }
    let bytes = read::bytes(&args.text, read::DRAFT_TEXT)?;
    let text = draft::input::text(&name, bytes)?;
    let corpus = match &args.corpus {
        Some(dir) => Corpus::read_dir(dir)?,
        None => Corpus::new(),
    };
    let mut from = Vec::new();
    if args.corpus.is_some() {
        from.push(format!(
            "the {} facts file(s) given with --corpus",
            corpus.files()
        ));
    }
    let mut entities: Vec<Entity> = corpus.entities().cloned().collect();
    if let Some(dir) = store {
        let store = super::open_store(dir, false)?;
        from.push(format!(
            "the {} article(s) of the store {}",
            store.article_graphs().len(),
            dir.display()
        ));
        entities.extend(newsgraph::store::entities::entities(&store, iris)?);
    }
    let known = KnownNames::of(entities);
    let file_name = args
        .text
        .file_name()
        .map_or(name.clone(), |n| n.to_string_lossy().into_owned());
    let drafted = draft::draft(&file_name, &text, &known).map_err(|e| match e {
        draft::DraftError::NoSentences(_) => draft::DraftError::NoSentences(name.clone()),
        e => e,
    })?;
    let from = if from.is_empty() {
        "no facts file or store (give --corpus or --store)".to_owned()
    } else {
        from.join(" and ")
    };
    let facts = draft::write::facts_file(&drafted, &text, &from);
    output::write_to(args.output.as_deref(), |out| {
        out.write_all(facts.as_bytes())
    })?;
    eprintln!("{}", summary(&drafted, &name));
    Ok(())
}

/// One line per kind of proposal, for standard error.
fn summary(d: &Draft, name: &str) -> String {
    let orgs = d.entities.iter().filter(|e| !e.kind.is_person());
    let people = d.entities.iter().filter(|e| e.kind.is_person());
    let reused = |it: &mut dyn Iterator<Item = &draft::Entity>| {
        let all: Vec<_> = it.collect();
        (all.len(), all.iter().filter(|e| e.reused).count())
    };
    let (o, o_reused) = reused(&mut orgs.into_iter());
    let (p, p_reused) = reused(&mut people.into_iter());
    let measures = d.numbers.iter().filter(|n| n.is_measure()).count();
    let events = d
        .stubs
        .iter()
        .filter(|s| s.what.starts_with("event"))
        .count();
    let relations = d
        .stubs
        .iter()
        .filter(|s| s.what.starts_with("relation"))
        .count();
    let other = d.stubs.len() - events - relations;
    format!(
        "drafted {name}:\n  records:  {o} organizations ({o_reused} reused), {p} people ({p_reused} reused), {} posts, {measures} measures, {} quotes\n  comments: {} more numbers, {} dates and times, {events} events and {relations} relations to decide on, {other} other notes\n  reused ids: {}",
        d.posts.len(),
        d.quotes.len(),
        d.numbers.len() - measures,
        d.dates.len(),
        o_reused + p_reused
    )
}
