//! Where results go: standard output, or a file that appears only once it is complete.

use anyhow::Context;
use std::io::{self, BufWriter, Write};
use std::path::Path;

/// Runs `write` against standard output, or against a temporary file beside `path` that
/// replaces `path` only when `write` succeeds. On failure nothing is left behind.
pub fn write_to<E>(
    path: Option<&Path>,
    write: impl FnOnce(&mut dyn Write) -> Result<(), E>,
) -> anyhow::Result<()>
where
    E: std::error::Error + Send + Sync + 'static,
{
    match path {
        None => {
            let mut out = BufWriter::new(io::stdout().lock());
            write(&mut out)?;
            out.flush()?;
            Ok(())
        }
        Some(path) => {
            let dir = match path.parent() {
                Some(dir) if !dir.as_os_str().is_empty() => dir,
                _ => Path::new("."),
            };
            let temp = tempfile::Builder::new()
                .prefix(".newsgraph-")
                .tempfile_in(dir)
                .with_context(|| format!("cannot write in {}", dir.display()))?;
            let mut out = BufWriter::new(temp);
            write(&mut out)?;
            let temp = out
                .into_inner()
                .map_err(|e| e.into_error())
                .with_context(|| format!("cannot write {}", path.display()))?;
            temp.persist(path)
                .with_context(|| format!("cannot write {}", path.display()))?;
            Ok(())
        }
    }
}
