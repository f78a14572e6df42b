//! The on-disk store (`--store DIR`, the `rocksdb` feature): loading, listing, replacing and
//! removing articles, queries and exports read from it, and a load killed half way.

use crate::util::{newsgraph, rows, stdout_of};
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::Instant;
use tempfile::TempDir;

fn article(id: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join(format!("data/articles/{id}.toml"))
        .to_str()
        .unwrap()
        .to_owned()
}

const SEED: &str = "cainiao-restructuring";
const OTHER: &str = "alibaba-six-groups-2023";
/// Triples in each graph, with provenance, without the article texts (as `check` counts).
const SEED_TRIPLES: u64 = 7256;
const OTHER_TRIPLES: u64 = 1567;

/// Runs `newsgraph --store DIR ARGS…` and returns its standard output.
fn with_store(dir: &Path, args: &[&str]) -> String {
    let mut all = vec!["--store", dir.to_str().unwrap()];
    all.extend_from_slice(args);
    stdout_of(&all)
}

/// `newsgraph list`: each article's id and triple count.
fn listed(dir: &Path) -> Vec<(String, u64)> {
    let out = with_store(dir, &["list"]);
    out.lines()
        .skip(1)
        .filter(|l| !l.contains(" articles, "))
        .map(|l| {
            let fields: Vec<&str> = l.split_whitespace().collect();
            (fields[0].to_owned(), fields[1].parse().unwrap())
        })
        .collect()
}

/// How many triples the store really holds in an article's graph.
fn counted(dir: &Path, id: &str) -> u64 {
    let sparql = format!(
        "SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <https://newsgraph.example/id/graph/{id}> {{ ?s ?p ?o }} }}"
    );
    let found = rows(&["--store", dir.to_str().unwrap(), "--sparql", &sparql]);
    found[0][0].parse().unwrap()
}

fn load(dir: &Path, files: &[&str]) {
    let mut args = vec!["load"];
    args.extend_from_slice(files);
    with_store(dir, &args);
}

#[test]
fn load_list_query_and_remove() {
    let tmp = TempDir::new().unwrap();
    let dir = tmp.path().join("store");
    let output = newsgraph()
        .args([
            "--store",
            dir.to_str().unwrap(),
            "load",
            &article(SEED),
            &article(OTHER),
        ])
        .output()
        .unwrap();
    assert!(output.status.success());
    let summary = String::from_utf8(output.stderr).unwrap();
    assert!(
        summary.starts_with(&format!(
            "loaded 2 articles, {} triples in ",
            SEED_TRIPLES + OTHER_TRIPLES
        )),
        "{summary}"
    );
    assert_eq!(
        listed(&dir),
        [
            (OTHER.to_owned(), OTHER_TRIPLES),
            (SEED.to_owned(), SEED_TRIPLES)
        ]
    );
    assert_eq!(counted(&dir, SEED), SEED_TRIPLES);
    let list = with_store(&dir, &["list"]);
    assert!(list.contains(&article(SEED)), "{list}");

    // A saved question gives the same answer from the store as from the facts files.
    let from_facts = rows(&[
        "reporting-lines",
        "--facts",
        &article(SEED),
        "--facts",
        &article(OTHER),
    ]);
    let from_store = rows(&["--store", dir.to_str().unwrap(), "reporting-lines"]);
    assert_eq!(from_store, from_facts);
    assert!(!from_store.is_empty());

    with_store(&dir, &["remove", SEED]);
    assert_eq!(listed(&dir), [(OTHER.to_owned(), OTHER_TRIPLES)]);
    assert_eq!(counted(&dir, SEED), 0);
    let output = newsgraph()
        .args(["--store", dir.to_str().unwrap(), "remove", SEED])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(
        String::from_utf8(output.stderr)
            .unwrap()
            .contains("has no article \"cainiao-restructuring\"")
    );
}

#[test]
fn the_store_exports_what_the_facts_export() {
    let tmp = TempDir::new().unwrap();
    let dir = tmp.path().join("store");
    load(&dir, &[&article(OTHER), &article(SEED)]);
    let from_facts = stdout_of(&[
        "export",
        "--format",
        "nquads",
        &article(SEED),
        &article(OTHER),
    ]);
    let from_store = with_store(&dir, &["export", "--format", "nquads"]);
    assert_eq!(
        from_store.lines().count() as u64,
        SEED_TRIPLES + OTHER_TRIPLES
    );
    assert!(from_store == from_facts, "the exports differ");
}

#[test]
fn entities_of_the_store() {
    let tmp = TempDir::new().unwrap();
    let dir = tmp.path().join("store");
    load(&dir, &[&article(SEED), &article(OTHER)]);
    let out = with_store(&dir, &["entities"]);
    let lin_wan = out.lines().find(|l| l.starts_with("lin-wan\t")).unwrap();
    assert_eq!(
        lin_wan,
        format!("lin-wan\tperson\tLin Wan | Wan Lin\t{OTHER} {SEED}")
    );
}

#[test]
fn a_failed_load_leaves_the_store_as_it_was() {
    let tmp = TempDir::new().unwrap();
    let dir = tmp.path().join("store");
    load(&dir, &[&article(SEED)]);
    let broken = tmp.path().join("broken.toml");
    let text = std::fs::read_to_string(article(OTHER)).unwrap();
    std::fs::write(
        &broken,
        text.replace("kind = \"formal\"", "kind = \"nonsense\""),
    )
    .unwrap();
    let output = newsgraph()
        .args([
            "--store",
            dir.to_str().unwrap(),
            "load",
            &article(SEED),
            broken.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(listed(&dir), [(SEED.to_owned(), SEED_TRIPLES)]);
}

/// Copies a directory of files.
fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), to.join(entry.file_name())).unwrap();
    }
}

/// Replacing an article with a large version, killed with SIGKILL at points spread over the
/// load: afterwards the store opens, the other article is intact, and the replaced one is
/// either the earlier version or the whole new one, never a part, in its graph and in the
/// catalogue.
#[test]
fn a_load_killed_half_way_leaves_the_earlier_version() {
    let tmp = TempDir::new().unwrap();
    let before = tmp.path().join("before");
    load(&before, &[&article(SEED), &article(OTHER)]);
    let big: PathBuf = tmp.path().join("big.toml");
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/generate_facts.py");
    let status = std::process::Command::new("python3")
        .args([script.to_str().unwrap(), "30", big.to_str().unwrap()])
        .status()
        .unwrap();
    assert!(status.success());

    // The whole load, timed, to know when "half way" is.
    let whole = tmp.path().join("whole");
    copy_dir(&before, &whole);
    let started = Instant::now();
    load(&whole, &[big.to_str().unwrap()]);
    let duration = started.elapsed();
    let big_triples = counted(&whole, SEED);
    assert!(big_triples > 20 * SEED_TRIPLES, "{big_triples}");
    assert_eq!(
        listed(&whole),
        [
            (OTHER.to_owned(), OTHER_TRIPLES),
            (SEED.to_owned(), big_triples)
        ]
    );

    let mut earlier = 0;
    for (i, fraction) in [0.3, 0.5, 0.7, 0.85, 0.95].into_iter().enumerate() {
        let dir = tmp.path().join(format!("killed-{i}"));
        copy_dir(&before, &dir);
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_newsgraph"))
            .args([
                "--store",
                dir.to_str().unwrap(),
                "load",
                big.to_str().unwrap(),
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(duration.mul_f64(fraction));
        child.kill().unwrap(); // SIGKILL
        let status = child.wait().unwrap();

        let seed = counted(&dir, SEED);
        assert!(
            seed == SEED_TRIPLES || seed == big_triples,
            "killed at {fraction} ({status}): {seed} triples in the graph"
        );
        assert_eq!(counted(&dir, OTHER), OTHER_TRIPLES);
        assert_eq!(
            listed(&dir),
            [(OTHER.to_owned(), OTHER_TRIPLES), (SEED.to_owned(), seed)]
        );
        if seed == SEED_TRIPLES {
            earlier += 1;
        }
        // The store takes a new load afterwards.
        load(&dir, &[big.to_str().unwrap()]);
        assert_eq!(counted(&dir, SEED), big_triples);
    }
    assert!(earlier > 0, "every kill came after the load had finished");
}

/// The sorted files a killed bulk load leaves in the store's directory are removed when the
/// store is next opened for writing, and the articles are as they were.
#[test]
fn files_of_a_killed_bulk_load_are_removed() {
    let tmp = TempDir::new().unwrap();
    let dir = tmp.path().join("store");
    load(&dir, &[&article(OTHER)]);
    let stale = dir.join("bulk-1234.sst");
    std::fs::write(&stale, b"half a file").unwrap();
    load(&dir, &[&article(SEED)]);
    assert!(!stale.exists());
    assert_eq!(
        listed(&dir),
        [
            (OTHER.to_owned(), OTHER_TRIPLES),
            (SEED.to_owned(), SEED_TRIPLES)
        ]
    );
}
