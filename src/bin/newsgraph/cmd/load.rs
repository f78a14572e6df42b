//! `newsgraph load`: add articles to the store or replace them, one article at a time.

use crate::cli::LoadArgs;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use newsgraph::export::spill::Sorter;
use newsgraph::pipeline;
use newsgraph::rdf::iris::Iris;
use newsgraph::rdf::provenance::timestamp_now;
use newsgraph::store::{GraphStore, worth_compacting};
use std::collections::HashMap;
use std::path::Path;
use std::time::Instant;

pub fn run(args: &LoadArgs, iris: &Iris, dir: &Path) -> anyhow::Result<()> {
    let options = pipeline::Options {
        facts: args.facts.clone(),
        source: args.source.source.clone(),
        without_provenance: args.no_provenance,
        timestamp: None,
    };
    let started = Instant::now();
    let planned = pipeline::check_all(&options)?;
    let mut store = super::open_store(dir, true)?;
    let held: u64 = store.articles()?.iter().map(|a| a.triples).sum();
    let loaded_at = timestamp_now()?;
    let bar =
        ProgressBar::with_draw_target(Some(planned.len() as u64), ProgressDrawTarget::stderr());
    bar.set_style(
        ProgressStyle::with_template("{bar:40} {pos}/{len} articles, {msg} ({elapsed})")
            .expect("a valid template"),
    );
    let put = put_all(
        &mut store,
        &planned,
        &options,
        iris,
        args.memory,
        &bar,
        &loaded_at,
    );
    let (triples, unchanged, added) = match put {
        Ok(done) => done,
        Err(e) => {
            bar.finish_and_clear();
            // Opening the store for writing again replays its log to the last whole change
            // and deletes the files the failed load left (a full disk's half-written log).
            drop(store);
            match super::open_store(dir, true) {
                Ok(_) => eprintln!(
                    "note: each article in {} is whole, as it was or as this load replaced it; the space the failed load took is given back",
                    dir.display()
                ),
                Err(again) => eprintln!(
                    "note: each article in {} is whole, as it was or as this load replaced it; the space the failed load took comes back the next time the store is opened for writing ({again})",
                    dir.display()
                ),
            }
            return Err(e);
        }
    };
    let loaded = started.elapsed().as_secs_f64();
    let compacted = if !args.no_compact && worth_compacting(held, added) {
        bar.set_message(format!("{triples} triples, compacting the store"));
        let compacting = Instant::now();
        store.compact()?;
        format!(", compacted in {:.2} s", compacting.elapsed().as_secs_f64())
    } else {
        String::new()
    };
    bar.finish_and_clear();
    let articles = match planned.len() - unchanged {
        1 => "1 article".to_owned(),
        n => format!("{n} articles"),
    };
    let unchanged = match unchanged {
        0 => String::new(),
        1 => "; 1 article unchanged since it was loaded, skipped".to_owned(),
        n => format!("; {n} articles unchanged since they were loaded, skipped"),
    };
    eprintln!(
        "loaded {articles}, {triples} triples in {loaded:.2} s ({:.0} triples/s) into {}{compacted}{unchanged}",
        triples as f64 / loaded.max(1e-9),
        dir.display()
    );
    Ok(())
}

/// Puts each planned article that changed into the store: the triples written, the articles
/// skipped as unchanged, and the triples added.
fn put_all(
    store: &mut GraphStore,
    planned: &[pipeline::Planned],
    options: &pipeline::Options,
    iris: &Iris,
    memory: usize,
    bar: &ProgressBar,
    loaded_at: &str,
) -> anyhow::Result<(u64, usize, u64)> {
    let digests: HashMap<String, String> = store
        .articles()?
        .into_iter()
        .map(|a| (a.id, a.digest))
        .collect();
    let mut loader = store.loader(memory);
    let mut triples = 0u64;
    let mut unchanged = 0usize;
    for plan in planned {
        let digest = plan.digest(options, iris);
        if digests.get(&plan.id) == Some(&digest) {
            unchanged += 1;
            bar.inc(1);
            continue;
        }
        // The article's graph is made a piece of its facts file at a time, record by record,
        // and sorted, through temporary files past a million triples, before the store takes
        // it: so no checked record is held while the bulk loader fills its buffers, and the
        // triples come each once, counted as they come.
        let mut sorter = Sorter::new("");
        let graph =
            pipeline::stream_planned(plan, options, iris, |triples| sorter.extend(triples))?;
        let sorted = sorter.finish()?;
        let source = plan
            .path
            .as_ref()
            .map_or_else(|| "(embedded)".to_owned(), |p| p.display().to_string());
        let entry = loader.put(&plan.id, &graph, &source, loaded_at, &digest, sorted)?;
        triples += entry.triples;
        bar.set_message(format!("{triples} triples"));
        bar.inc(1);
    }
    bar.set_message(format!("{triples} triples, writing"));
    let added = loader.added();
    loader.finish()?;
    Ok((triples, unchanged, added))
}
