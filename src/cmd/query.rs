//! `newsgraph query`: a saved question, a query file, or SPARQL from the command line.

use crate::cli::QueryArgs;
use crate::export::prefixes;
use crate::iris::Iris;
use crate::output::write_to;
use crate::pipeline;
use crate::queries;
use crate::results::write_results;
use anyhow::{Context, bail};

pub fn run(args: &QueryArgs, iris: &Iris) -> anyhow::Result<()> {
    let (origin, sparql) = if let Some(name) = &args.name {
        let Some(saved) = queries::find(name) else {
            let names: Vec<&str> = queries::saved().iter().map(|q| q.name).collect();
            bail!(
                "unknown saved query \"{name}\"; the saved queries are: {}",
                names.join(", ")
            );
        };
        (format!("saved query \"{name}\""), saved.sparql.to_owned())
    } else if let Some(path) = &args.file {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("cannot read query file {}", path.display()))?;
        (path.display().to_string(), text)
    } else {
        let text = args.sparql.clone().unwrap_or_default();
        ("--sparql".to_owned(), text)
    };
    let loaded = pipeline::load(&args.facts, iris)?;
    let prefixes = prefixes(iris);
    let results = loaded
        .store
        .query(&sparql, &prefixes)
        .with_context(|| format!("{origin}: invalid or failing SPARQL"))?;
    write_to(None, |out| {
        write_results(results, args.format, &prefixes, out)
    })
}
