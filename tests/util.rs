//! Small helpers: running the binary, finding fixtures, reading query results.

use assert_cmd::Command;
use std::path::{Path, PathBuf};

/// The `newsgraph` binary under test.
pub fn newsgraph() -> Command {
    assert_cmd::cargo::cargo_bin_cmd!("newsgraph")
}

/// A file under `tests/fixtures/`.
pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// The facts file of the article `id` under `data/articles/`.
pub fn facts_file(id: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("data/articles/{id}.toml"))
}

/// [`facts_file`] as a command-line argument.
pub fn facts_arg(id: &str) -> String {
    facts_file(id).to_str().unwrap().to_owned()
}

/// Runs `newsgraph` with `args`, expects success, and returns standard output.
pub fn stdout_of(args: &[&str]) -> String {
    let output = newsgraph().args(args).output().unwrap();
    assert!(
        output.status.success(),
        "newsgraph {args:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

/// Runs a query (`args` as for `newsgraph query`) and returns its rows as strings, one
/// column per selected variable, an empty string where a variable is unbound.
pub fn rows(args: &[&str]) -> Vec<Vec<String>> {
    let mut all = vec!["query"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&stdout_of(&all)).unwrap();
    let vars: Vec<&str> = json["head"]["vars"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    json["results"]["bindings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|binding| {
            vars.iter()
                .map(|v| binding[*v]["value"].as_str().unwrap_or("").to_owned())
                .collect()
        })
        .collect()
}

/// Turns literal rows into owned rows.
pub fn expect(rows: &[&[&str]]) -> Vec<Vec<String>> {
    rows.iter()
        .map(|row| row.iter().map(|c| (*c).to_owned()).collect())
        .collect()
}

/// The first `n` columns of each row.
pub fn first_columns(rows: Vec<Vec<String>>, n: usize) -> Vec<Vec<String>> {
    rows.into_iter().map(|row| row[..n].to_vec()).collect()
}

/// Where the article texts are: `$NEWSGRAPH_ARTICLES` when set, else `../shared/articles/`.
pub fn articles_dir() -> PathBuf {
    match std::env::var_os("NEWSGRAPH_ARTICLES") {
        Some(dir) => PathBuf::from(dir),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/articles"),
    }
}

/// The Cainiao article's text, where the workspace keeps it (`../shared/articles/`). The
/// tests that need it are `#[ignore]`d, so a plain `cargo test` lists them as ignored;
/// `scripts/test.sh` runs them when the text is there.
pub fn cainiao_text() -> PathBuf {
    let path = articles_dir().join("cainiao-restructuring.txt");
    assert!(
        path.is_file(),
        "this test needs the Cainiao article text at {}",
        path.display()
    );
    path
}
