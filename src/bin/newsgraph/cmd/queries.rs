//! `newsgraph queries`: the saved questions.

use newsgraph::query::catalogue::saved;
use std::io::Write;

pub fn run() -> anyhow::Result<()> {
    let saved = saved();
    let width = saved.iter().map(|q| q.name.len()).max().unwrap_or(0);
    let mut out = std::io::stdout().lock();
    for q in saved {
        writeln!(out, "{:width$}  {}", q.name, q.title)?;
        writeln!(out, "{:width$}  {}", "", q.question)?;
    }
    Ok(())
}
