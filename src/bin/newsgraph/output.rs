//! Where results go: standard output, or a file (or a directory of files) that appears only
//! once it is complete.
//!
//! Files are written under a temporary name beside their target and renamed into place, so a
//! reader never sees half a file, and a failure leaves the old file as it was. The temporary
//! file gets the mode a new file would get (`0666` less the umask), or the mode of the file it
//! replaces. If SIGINT or SIGTERM arrives while it is being written, it is removed before the
//! process ends. A target that is not a regular file (`/dev/null`, a named pipe, a terminal) is
//! written directly: renaming over it would replace the device or pipe with a file.
//!
//! A process killed outright (SIGKILL, a power cut) cannot remove its temporary file. Its name
//! holds the process id (`.newsgraph-PID-N`), so the next run that writes beside it removes the
//! temporaries of every process that no longer exists.

use anyhow::Context;
use std::fs::{self, File, OpenOptions};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicU32, Ordering};

/// The prefix of every temporary name.
const TEMP_PREFIX: &str = ".newsgraph-";

/// Temporary files and directories being written, removed if a signal ends the process.
static IN_PROGRESS: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// Removes whatever is being written when SIGINT or SIGTERM arrives, then ends the process as
/// the signal would have (a shell reports 130 for Ctrl-C, 143 for SIGTERM).
pub fn clean_up_on_signals() -> anyhow::Result<()> {
    use signal_hook::consts::{SIGINT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGINT, SIGTERM])
        .context("cannot install the signal handler")?;
    std::thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            let paths = IN_PROGRESS.lock().unwrap_or_else(|e| e.into_inner());
            for path in paths.iter() {
                remove(path);
            }
            let _ = signal_hook::low_level::emulate_default_handler(signal);
            std::process::exit(128 + signal);
        }
    });
    Ok(())
}

/// Removes a temporary file or directory, whichever it is.
fn remove(path: &Path) {
    if path.is_dir() {
        let _ = fs::remove_dir_all(path);
    } else {
        let _ = fs::remove_file(path);
    }
}

/// A temporary file or directory, removed when dropped unless it was renamed into place.
struct Temporary {
    path: PathBuf,
    kept: bool,
}

impl Temporary {
    /// A new name beside `target`, registered for removal on signals. The temporaries that
    /// ended processes left beside it are removed first.
    fn beside(target: &Path) -> Temporary {
        remove_debris(parent(target));
        let path = temporary_name(target);
        IN_PROGRESS
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(path.clone());
        Temporary { path, kept: false }
    }

    /// Renames the temporary into place as `target`.
    fn rename_to(mut self, target: &Path) -> io::Result<()> {
        fs::rename(&self.path, target)?;
        self.kept = true;
        Ok(())
    }
}

impl Drop for Temporary {
    fn drop(&mut self) {
        if !self.kept {
            remove(&self.path);
        }
        let mut paths = IN_PROGRESS.lock().unwrap_or_else(|e| e.into_inner());
        paths.retain(|p| p != &self.path);
    }
}

/// A name for a temporary file or directory beside `target`, used by no other.
fn temporary_name(target: &Path) -> PathBuf {
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    parent(target).join(format!("{TEMP_PREFIX}{}-{n}", std::process::id()))
}

/// Removes the temporary files and directories in `dir` whose process has ended: killed
/// before it could remove them. Where processes cannot be looked up (no `/proc`), nothing is
/// removed.
fn remove_debris(dir: &Path) {
    let proc = Path::new("/proc");
    if !proc.join("self").exists() {
        return;
    }
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let own = std::process::id();
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(pid) = name.to_str().and_then(temporary_pid) else {
            continue;
        };
        if pid != own && !proc.join(pid.to_string()).exists() {
            remove(&entry.path());
        }
    }
}

/// The process id in a temporary name (`.newsgraph-PID-N`), if `name` is one.
fn temporary_pid(name: &str) -> Option<u32> {
    let (pid, n) = name.strip_prefix(TEMP_PREFIX)?.split_once('-')?;
    n.parse::<u32>().ok()?;
    pid.parse().ok()
}

/// The directory a path is in (`.` for a bare file name).
fn parent(path: &Path) -> &Path {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    }
}

/// Creates a file that did not exist, with the mode a new file gets (0666 less the umask).
fn create_new(path: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o666);
    options.open(path)
}

/// Runs `write` against standard output, or against a temporary file beside `path` that
/// replaces `path` only when `write` succeeds. On failure nothing is left behind. An existing
/// `path` that is not a regular file or a directory is written in place.
pub fn write_to<E>(
    path: Option<&Path>,
    write: impl FnOnce(&mut dyn Write) -> Result<(), E>,
) -> anyhow::Result<()>
where
    E: std::error::Error + Send + Sync + 'static,
{
    match path {
        None => write_buffered(io::stdout().lock(), write),
        Some(path) if is_special(path) => OpenOptions::new()
            .write(true)
            .open(path)
            .map_err(anyhow::Error::from)
            .and_then(|file| write_buffered(file, write))
            .with_context(|| format!("cannot write {}", path.display())),
        Some(path) => {
            let temp = Temporary::beside(path);
            write_file(&temp.path, write)
                .and_then(|()| keep_mode(path, &temp.path))
                .and_then(|()| Ok(temp.rename_to(path)?))
                .with_context(|| format!("cannot write {}", path.display()))
        }
    }
}

/// Runs `write` against `out` through a buffer, and flushes it.
fn write_buffered<E>(
    out: impl Write,
    write: impl FnOnce(&mut dyn Write) -> Result<(), E>,
) -> anyhow::Result<()>
where
    E: std::error::Error + Send + Sync + 'static,
{
    let mut out = BufWriter::new(out);
    write(&mut out)?;
    out.flush()?;
    Ok(())
}

/// Whether `path` names something other than a regular file or a directory: a device, a named
/// pipe or a socket, which must be written where it is.
fn is_special(path: &Path) -> bool {
    fs::metadata(path).is_ok_and(|m| !m.is_file() && !m.is_dir())
}

/// Writes one new file with `write`, flushed to disk.
fn write_file<E>(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> Result<(), E>,
) -> anyhow::Result<()>
where
    E: std::error::Error + Send + Sync + 'static,
{
    let mut out = BufWriter::new(create_new(path)?);
    write(&mut out)?;
    let file = out.into_inner().map_err(|e| e.into_error())?;
    file.sync_all()?;
    Ok(())
}

/// Gives the new file the mode of the file it replaces, if there is one.
fn keep_mode(target: &Path, temp: &Path) -> anyhow::Result<()> {
    if let Ok(old) = fs::metadata(target) {
        if old.is_file() {
            fs::set_permissions(temp, old.permissions())?;
        }
    }
    Ok(())
}

/// One file of a directory written by [`write_dir`]: its name and what writes it.
pub type DirFile<'a, E> = (
    &'a str,
    Box<dyn FnOnce(&mut dyn Write) -> Result<(), E> + 'a>,
);

/// Writes the files into a new temporary directory beside `dir`, then puts it in place of
/// `dir` (an old `dir` is moved aside first and removed once the new one is in), so `dir`
/// always holds a complete set: the old or the new, never a mix. An existing `dir` must be
/// a directory holding no other files than these.
pub fn write_dir<E>(dir: &Path, files: Vec<DirFile<'_, E>>) -> anyhow::Result<()>
where
    E: std::error::Error + Send + Sync + 'static,
{
    let names: Vec<&str> = files.iter().map(|(name, _)| *name).collect();
    if let Ok(metadata) = fs::symlink_metadata(dir) {
        anyhow::ensure!(
            metadata.is_dir(),
            "cannot write into {}: it is not a directory",
            dir.display()
        );
        let others: Vec<String> = fs::read_dir(dir)
            .with_context(|| format!("cannot read directory {}", dir.display()))?
            .filter_map(|entry| entry.ok())
            .map(|entry| entry.file_name().to_string_lossy().into_owned())
            .filter(|name| !names.contains(&name.as_str()))
            .collect();
        anyhow::ensure!(
            others.is_empty(),
            "{} holds other files than {} ({}): give a new or empty directory",
            dir.display(),
            names.join(" and "),
            others.join(", ")
        );
    }
    let fail = || format!("cannot write {}", dir.display());
    let temp = Temporary::beside(dir);
    let mut builder = fs::DirBuilder::new();
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o777);
    builder.create(&temp.path).with_context(fail)?;
    for (name, write) in files {
        write_file(&temp.path.join(name), write)
            .with_context(|| format!("cannot write {}", dir.join(name).display()))?;
    }
    if fs::symlink_metadata(dir).is_ok() {
        if let Ok(old) = fs::metadata(dir) {
            fs::set_permissions(&temp.path, old.permissions()).with_context(fail)?;
        }
        // The old directory is not removed on signals until the new one is in place.
        let aside = temporary_name(dir);
        fs::rename(dir, &aside).with_context(fail)?;
        if let Err(e) = temp.rename_to(dir) {
            let _ = fs::rename(&aside, dir);
            return Err(e).with_context(fail);
        }
        let _ = fs::remove_dir_all(&aside);
    } else {
        temp.rename_to(dir).with_context(fail)?;
    }
    Ok(())
}
