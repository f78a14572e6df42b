//! `export --output`: the file appears whole or not at all, with the usual mode, in the format
//! its name says; a signal or a failed write leaves nothing behind.

use crate::util::newsgraph;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The `newsgraph` binary's path, for running it under `sh`.
fn binary() -> PathBuf {
    PathBuf::from(newsgraph().get_program())
}

/// Runs `newsgraph ARGS` under `sh` after `setup` (`umask 027`, `ulimit -f 20`…), in `dir`.
fn under_sh(dir: &Path, setup: &str, args: &str) -> std::process::Output {
    Command::new("sh")
        .current_dir(dir)
        .arg("-c")
        .arg(format!("{setup}; exec \"$0\" {args}"))
        .arg(binary())
        .output()
        .unwrap()
}

/// The names in `dir` that start with a dot: temporary files left behind.
fn hidden(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        .collect()
}

#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[test]
#[cfg(unix)]
fn output_file_gets_the_umask_mode_and_keeps_an_existing_files_mode() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::TempDir::new().unwrap();
    let output = under_sh(dir.path(), "umask 022", "export -o new.nt");
    assert!(output.status.success());
    assert_eq!(mode(&dir.path().join("new.nt")), 0o644);
    let output = under_sh(dir.path(), "umask 027", "export -o other.nt");
    assert!(output.status.success());
    assert_eq!(mode(&dir.path().join("other.nt")), 0o640);

    let existing = dir.path().join("existing.ttl");
    std::fs::write(&existing, "old").unwrap();
    std::fs::set_permissions(&existing, std::fs::Permissions::from_mode(0o664)).unwrap();
    let output = under_sh(dir.path(), "umask 077", "export -o existing.ttl");
    assert!(output.status.success());
    assert_eq!(mode(&existing), 0o664, "replacing keeps the file's mode");
    assert!(
        std::fs::read_to_string(&existing)
            .unwrap()
            .starts_with("@prefix")
    );

    let neo4j = dir.path().join("neo4j");
    let output = under_sh(dir.path(), "umask 022", "export --format neo4j -o neo4j");
    assert!(output.status.success());
    assert_eq!(mode(&neo4j), 0o755);
    assert_eq!(mode(&neo4j.join("nodes.csv")), 0o644);
}

#[test]
#[cfg(unix)]
fn output_to_a_named_pipe_writes_into_the_pipe_and_leaves_it_a_pipe() {
    use std::os::unix::fs::FileTypeExt;
    let dir = tempfile::TempDir::new().unwrap();
    let pipe = dir.path().join("graph.nt");
    let made = Command::new("mkfifo").arg(&pipe).status().unwrap();
    assert!(made.success(), "mkfifo failed");
    let reader = {
        let pipe = pipe.clone();
        std::thread::spawn(move || std::fs::read_to_string(pipe).unwrap())
    };
    let output = newsgraph()
        .current_dir(dir.path())
        .args(["export", "-o", "graph.nt"])
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let kind = std::fs::symlink_metadata(&pipe).unwrap().file_type();
    assert!(kind.is_fifo(), "the pipe is not replaced by a file");
    let text = reader.join().unwrap();
    assert!(
        text.lines().count() > 1000 && text.lines().all(|l| l.ends_with(" .")),
        "the reader gets the N-Triples"
    );
    assert_eq!(hidden(dir.path()), Vec::<String>::new());
}

#[test]
fn an_extension_that_names_no_format_or_another_format_is_an_error() {
    let dir = tempfile::TempDir::new().unwrap();
    for name in ["out.json", "out.csv", "out.unknownext", "out"] {
        let output = newsgraph()
            .current_dir(dir.path())
            .args(["export", "-o", name])
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{name}: {stderr}");
        assert!(
            stderr.contains(name) && stderr.contains(".ttl") && stderr.contains(".jsonld"),
            "{name}: the error names the known extensions: {stderr}"
        );
        assert!(!dir.path().join(name).exists(), "nothing written as {name}");
    }
    let output = newsgraph()
        .current_dir(dir.path())
        .args(["export", "--format", "turtle", "-o", "graph.nt"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("N-Triples") && stderr.contains("Turtle"),
        "{stderr}"
    );
    assert!(!dir.path().join("graph.nt").exists());

    // --format decides for a name with no format of its own.
    newsgraph()
        .current_dir(dir.path())
        .args(["export", "--format", "jsonld", "-o", "graph.json"])
        .assert()
        .success();
    let text = std::fs::read_to_string(dir.path().join("graph.json")).unwrap();
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert!(text.contains("ding-hongwei") && !json.is_null());
    assert_eq!(hidden(dir.path()), Vec::<String>::new());
}

#[test]
#[cfg(unix)]
fn a_failed_write_says_why_without_a_wrote_note_or_the_temporary_name() {
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let output = Command::new(binary())
        .args(["export", "--format", "ntriples"])
        .stdout(Stdio::from(full))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr.contains("No space left on device"), "{stderr}");
    assert!(!stderr.contains("wrote"), "no note of success: {stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");

    let dir = tempfile::TempDir::new().unwrap();
    let missing = dir.path().join("missing/cainiao.ttl");
    let output = newsgraph()
        .args(["export", "-o"])
        .arg(&missing)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr.contains("cannot write") && stderr.contains("missing/cainiao.ttl"),
        "{stderr}"
    );
    assert!(!stderr.contains(".newsgraph-"), "{stderr}");
    assert!(!stderr.contains("wrote"), "{stderr}");
}

/// A facts file with `people` people, slow enough to export that a signal can arrive while
/// the output is being written.
fn large_facts(dir: &Path, people: usize) -> PathBuf {
    let mut text = String::from(
        "[article]\nid = \"large\"\ntitle = \"Large\"\npublisher = \"paper\"\n\
         language = \"en\"\npublished = \"unknown\"\nevidence = \"By nobody\"\n\n\
         [[organization]]\nid = \"paper\"\nname = \"Paper\"\nkind = \"formal\"\n\
         evidence = \"the paper\"\n",
    );
    for i in 0..people {
        text.push_str(&format!(
            "\n[[person]]\nid = \"p{i}\"\nname = \"Person {i}\"\nevidence = \"Person {i} said\"\n"
        ));
    }
    let path = dir.join("large.toml");
    std::fs::write(&path, text).unwrap();
    path
}

/// Starts an export, sends `signal` as soon as its temporary output appears in `dir`, and
/// returns the signal that ended it, or its exit code less 128 if it exited instead.
#[cfg(unix)]
fn interrupt_export(dir: &Path, args: &[&str], signal: &str) -> Option<i32> {
    use std::os::unix::process::ExitStatusExt;
    let mut child = Command::new(binary())
        .current_dir(dir)
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let start = Instant::now();
    loop {
        if !hidden(dir).is_empty() {
            let sent = Command::new("kill")
                .args([signal, &child.id().to_string()])
                .status()
                .unwrap();
            assert!(sent.success());
            break;
        }
        if let Some(status) = child.try_wait().unwrap() {
            panic!("the export ended ({status}) before it could be interrupted");
        }
        assert!(
            start.elapsed() < Duration::from_secs(120),
            "the export took too long"
        );
        std::thread::sleep(Duration::from_millis(1));
    }
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return status.signal().or(status.code().map(|c| c - 128));
        }
        if start.elapsed() > Duration::from_secs(30) {
            child.kill().unwrap();
            panic!("the export did not stop on {signal}");
        }
        std::thread::sleep(Duration::from_millis(10));
    }
}

#[test]
#[cfg(unix)]
fn a_signal_while_writing_leaves_no_temporary_file() {
    let dir = tempfile::TempDir::new().unwrap();
    let facts = large_facts(dir.path(), 4000);
    let facts = facts.to_str().unwrap();
    let code = interrupt_export(dir.path(), &["export", facts, "-o", "large.ttl"], "-INT");
    assert_eq!(
        code,
        Some(2),
        "ended by SIGINT, as without newsgraph's handler"
    );
    assert_eq!(hidden(dir.path()), Vec::<String>::new());
    assert!(!dir.path().join("large.ttl").exists());

    let code = interrupt_export(
        dir.path(),
        &["export", facts, "--format", "neo4j", "-o", "neo4j"],
        "-TERM",
    );
    assert_eq!(code, Some(15), "ended by SIGTERM");
    assert_eq!(hidden(dir.path()), Vec::<String>::new());
    assert!(!dir.path().join("neo4j").exists());
}

/// Issue: `kill -9` during an export left its hidden temporary file forever. The next run
/// that writes beside it removes it, and leaves alone the temporaries of live processes.
#[test]
#[cfg(unix)]
fn the_temporary_file_of_a_killed_export_is_removed_by_the_next_run() {
    let dir = tempfile::TempDir::new().unwrap();
    let facts = large_facts(dir.path(), 4000);
    let facts = facts.to_str().unwrap();
    let code = interrupt_export(dir.path(), &["export", facts, "-o", "large.ttl"], "-KILL");
    assert_eq!(code, Some(9), "ended by SIGKILL");
    let left = hidden(dir.path());
    assert_eq!(left.len(), 1, "SIGKILL leaves the temporary file: {left:?}");
    let live = format!(".newsgraph-{}-7", std::process::id());
    std::fs::write(dir.path().join(&live), "a live process's").unwrap();

    let output = newsgraph()
        .current_dir(dir.path())
        .args(["export", facts, "-o", "large.ttl"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    assert_eq!(hidden(dir.path()), vec![live]);
    assert!(dir.path().join("large.ttl").exists());
}

/// Writes an old pair of Neo4j files into `dir/neo4j`.
fn old_pair(dir: &Path) -> PathBuf {
    let out = dir.join("neo4j");
    std::fs::create_dir_all(&out).unwrap();
    std::fs::write(out.join("nodes.csv"), "old nodes\n").unwrap();
    std::fs::write(out.join("relationships.csv"), "old relationships\n").unwrap();
    out
}

#[test]
#[cfg(unix)]
fn neo4j_files_are_replaced_together_or_not_at_all() {
    let dir = tempfile::TempDir::new().unwrap();
    // A disk that fills up: the files may not grow past 20 blocks (10 KB).
    let out = old_pair(dir.path());
    let output = under_sh(
        dir.path(),
        "trap '' XFSZ; ulimit -f 20",
        "export --format neo4j -o neo4j",
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("File too large"), "{stderr}");
    assert!(!stderr.contains(".newsgraph-"), "{stderr}");
    assert_eq!(
        std::fs::read_to_string(out.join("nodes.csv")).unwrap(),
        "old nodes\n"
    );
    assert_eq!(
        std::fs::read_to_string(out.join("relationships.csv")).unwrap(),
        "old relationships\n"
    );
    assert_eq!(hidden(dir.path()), Vec::<String>::new());

    // relationships.csv cannot be replaced file by file: the pair is replaced as a whole.
    std::fs::remove_file(out.join("relationships.csv")).unwrap();
    std::fs::create_dir_all(out.join("relationships.csv/in-the-way")).unwrap();
    newsgraph()
        .current_dir(dir.path())
        .args(["export", "--format", "neo4j", "-o", "neo4j"])
        .assert()
        .success();
    let nodes = std::fs::read_to_string(out.join("nodes.csv")).unwrap();
    let relationships = std::fs::read_to_string(out.join("relationships.csv")).unwrap();
    assert!(nodes.lines().next().unwrap().contains("id:ID"), "{nodes}");
    assert!(
        relationships.lines().next().unwrap().contains(":START_ID"),
        "{relationships}"
    );
    assert_eq!(hidden(dir.path()), Vec::<String>::new());

    // Nor is a file.
    std::fs::write(dir.path().join("a-file"), "mine").unwrap();
    let output = newsgraph()
        .current_dir(dir.path())
        .args(["export", "--format", "neo4j", "-o", "a-file"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("not a directory"));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("a-file")).unwrap(),
        "mine"
    );

    // A directory with files of its own is not replaced.
    std::fs::write(out.join("notes.txt"), "mine").unwrap();
    let output = newsgraph()
        .current_dir(dir.path())
        .args(["export", "--format", "neo4j", "-o", "neo4j"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("notes.txt"));
    assert_eq!(
        std::fs::read_to_string(out.join("notes.txt")).unwrap(),
        "mine"
    );
}
