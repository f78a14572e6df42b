//! The on-disk store (`--store DIR`, the `rocksdb` feature): loading, listing, replacing and
//! removing articles, queries and exports read from it, and a load killed half way.

use crate::corpus::{ANSWERS, ARTICLES, answer};
use crate::util::{facts_arg, newsgraph, rows, stdout_of};
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::Instant;
use tempfile::TempDir;

const SEED: &str = "cainiao-restructuring";
const OTHER: &str = "alibaba-six-groups-2023";
/// Triples in each graph, with provenance, without the article texts (as `check` counts).
const SEED_TRIPLES: u64 = 7385;
const OTHER_TRIPLES: u64 = 1623;

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
    // `load` with facts files by id; its summary line.
    let load = |ids: &[&str]| {
        let mut args = vec![
            "--store".to_owned(),
            dir.display().to_string(),
            "load".to_owned(),
        ];
        args.extend(ids.iter().map(|id| facts_arg(id)));
        let output = newsgraph().args(&args).output().unwrap();
        assert!(output.status.success());
        String::from_utf8(output.stderr).unwrap()
    };
    let summary = load(&[SEED, OTHER]);
    assert!(
        summary.starts_with(&format!(
            "loaded 2 articles, {} triples in ",
            SEED_TRIPLES + OTHER_TRIPLES
        )),
        "{summary}"
    );
    // A first load is compacted.
    assert!(summary.contains(", compacted in "), "{summary}");
    assert_eq!(
        listed(&dir),
        [
            (OTHER.to_owned(), OTHER_TRIPLES),
            (SEED.to_owned(), SEED_TRIPLES)
        ]
    );
    assert_eq!(counted(&dir, SEED), SEED_TRIPLES);
    let list = with_store(&dir, &["list"]);
    assert!(list.contains(&facts_arg(SEED)), "{list}");

    // A saved question gives the same answer from the store as from the facts files.
    let from_facts = rows(&[
        "reporting-lines",
        "--facts",
        &facts_arg(SEED),
        "--facts",
        &facts_arg(OTHER),
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

    // Adding less than the store holds leaves the merging of its files to RocksDB.
    with_store(&dir, &["remove", OTHER]);
    let summary = load(&[SEED]);
    assert!(summary.contains(", compacted in "), "{summary}");
    let summary = load(&[OTHER]);
    assert!(summary.starts_with("loaded 1 article, "), "{summary}");
    assert!(!summary.contains("compacted"), "{summary}");
    assert_eq!(
        listed(&dir),
        [
            (OTHER.to_owned(), OTHER_TRIPLES),
            (SEED.to_owned(), SEED_TRIPLES)
        ]
    );
}

/// Issue: re-loading unchanged articles replaced each of them, 9× slower than loading them
/// fresh. An article whose facts file and text have not changed is skipped, and the load says
/// so; a changed one is loaded again.
#[test]
fn reloading_unchanged_articles_skips_them() {
    let tmp = TempDir::new().unwrap();
    let dir = tmp.path().join("store");
    let changed = tmp.path().join("other.toml");
    std::fs::copy(facts_arg(OTHER), &changed).unwrap();
    let changed = changed.to_str().unwrap().to_owned();
    let load = |files: &[&str]| {
        let mut args = vec!["--store", dir.to_str().unwrap(), "load"];
        args.extend_from_slice(files);
        let output = newsgraph().args(&args).output().unwrap();
        assert!(output.status.success(), "{output:?}");
        String::from_utf8(output.stderr).unwrap()
    };
    let seed = facts_arg(SEED);
    load(&[&seed, &changed]);
    let summary = load(&[&seed, &changed]);
    assert!(
        summary.starts_with("loaded 0 articles, 0 triples in "),
        "{summary}"
    );
    assert!(
        summary.ends_with("; 2 articles unchanged since they were loaded, skipped\n"),
        "{summary}"
    );
    let text = std::fs::read_to_string(&changed).unwrap();
    std::fs::write(&changed, format!("{text}\n# edited\n")).unwrap();
    let summary = load(&[&seed, &changed]);
    assert!(
        summary.starts_with(&format!("loaded 1 article, {OTHER_TRIPLES} triples in ")),
        "{summary}"
    );
    assert!(
        summary.ends_with("; 1 article unchanged since it was loaded, skipped\n"),
        "{summary}"
    );
    assert_eq!(
        listed(&dir),
        [
            (OTHER.to_owned(), OTHER_TRIPLES),
            (SEED.to_owned(), SEED_TRIPLES)
        ]
    );
}

#[test]
fn the_store_exports_what_the_facts_export() {
    let tmp = TempDir::new().unwrap();
    let dir = tmp.path().join("store");
    load(&dir, &[&facts_arg(OTHER), &facts_arg(SEED)]);
    let from_facts = stdout_of(&[
        "export",
        "--format",
        "nquads",
        &facts_arg(SEED),
        &facts_arg(OTHER),
    ]);
    let from_store = with_store(&dir, &["export", "--format", "nquads"]);
    assert_eq!(
        from_store.lines().count() as u64,
        SEED_TRIPLES + OTHER_TRIPLES
    );
    assert!(from_store == from_facts, "the exports differ");
}

/// The corpus layer a store keeps is the one its facts files derive: `--store DIR export
/// --corpus-layer` and `export --corpus-layer FILES…` give the same quads, all in the
/// layer's graph.
#[test]
fn the_store_exports_the_corpus_layer_its_facts_derive() {
    let tmp = TempDir::new().unwrap();
    let dir = tmp.path().join("store");
    load(&dir, &[&facts_arg(OTHER), &facts_arg(SEED)]);
    let layer = ["export", "--corpus-layer", "--format", "nquads"];
    let sorted = |out: String| {
        let mut lines: Vec<String> = out.lines().map(str::to_owned).collect();
        lines.sort();
        lines
    };
    let mut args = layer.to_vec();
    let (seed, other) = (facts_arg(SEED), facts_arg(OTHER));
    args.extend([seed.as_str(), other.as_str()]);
    let from_facts = sorted(stdout_of(&args));
    let from_store = sorted(with_store(&dir, &layer));
    assert!(!from_store.is_empty());
    assert!(
        from_store
            .iter()
            .all(|q| q.ends_with(" <https://newsgraph.example/corpus> ."))
    );
    assert_eq!(from_store, from_facts);
}

#[test]
fn entities_of_the_store() {
    let tmp = TempDir::new().unwrap();
    let dir = tmp.path().join("store");
    load(&dir, &[&facts_arg(SEED), &facts_arg(OTHER)]);
    let out = with_store(&dir, &["entities"]);
    let lin_wan = out.lines().find(|l| l.starts_with("lin-wan\t")).unwrap();
    // Names in the order of the article graphs: the 2023 article calls him "Wan Lin".
    assert_eq!(
        lin_wan,
        format!("lin-wan\tperson\tWan Lin | Lin Wan\t{OTHER} {SEED}")
    );
    // An organization's kind comes back from its classes.
    let cainiao = out.lines().find(|l| l.starts_with("cainiao\t")).unwrap();
    assert!(
        cainiao.starts_with("cainiao\torganization (business-group)\t"),
        "{cainiao}"
    );
}

/// `draft` with `--store` reuses the ids of the store's organizations and people, with the
/// kind and parent the store gives them; without it, the same names get new ids.
#[test]
fn draft_reuses_the_entities_of_the_store() {
    let tmp = TempDir::new().unwrap();
    let dir = tmp.path().join("store");
    load(&dir, &[&facts_arg(SEED), &facts_arg(OTHER)]);
    let text = tmp.path().join("lockers.txt");
    std::fs::write(
        &text,
        "Cainiao keeps its lockers\n\nBy Mara Quill, Parcel Weekly\n\n\
         HANGZHOU, March 3, 2025 - Alibaba Group said on Monday that Cainiao Smart Logistics \
         Network will keep its parcel lockers in Europe. Wan Lin told analysts the network \
         would grow next year.\n",
    )
    .unwrap();
    let text = text.to_str().unwrap();
    let with = with_store(&dir, &["draft", text]);
    let without = stdout_of(&["draft", text]);
    let found = |draft: &str| -> Vec<String> {
        draft
            .lines()
            .filter(|l| l.starts_with("# found: ") || l.starts_with("id = "))
            .map(str::to_owned)
            .collect()
    };
    let with_found = found(&with);
    for line in [
        "# found: \"Alibaba Group\" → alibaba (known in the corpus; matched by its name)",
        "id = \"alibaba\"",
        "id = \"cainiao\"",
        "# found: \"Wan Lin\" → lin-wan (known in the corpus; matched by its name)",
        "id = \"lin-wan\"",
    ] {
        assert!(with_found.iter().any(|l| l == line), "{line} in {with}");
    }
    assert!(with.contains("reused from the 2 article(s) of the store "));
    assert!(with.contains("kind = \"business-group\"\npart_of = \"alibaba\""));
    for id in [
        "alibaba-group",
        "wan-lin",
        "cainiao-smart-logistics-network",
    ] {
        assert!(
            without.contains(&format!("id = \"{id}\"")),
            "{id} in {without}"
        );
        assert!(!with.contains(&format!("id = \"{id}\"")), "{id} in {with}");
    }
    // What the store gives passes the check, as a draft from facts files does.
    let draft = tmp.path().join("lockers.toml");
    std::fs::write(&draft, &with).unwrap();
    stdout_of(&["check", "--source", text, draft.to_str().unwrap()]);
}

#[test]
fn a_failed_load_leaves_the_store_as_it_was() {
    let tmp = TempDir::new().unwrap();
    let dir = tmp.path().join("store");
    load(&dir, &[&facts_arg(SEED)]);
    let broken = tmp.path().join("broken.toml");
    let text = std::fs::read_to_string(facts_arg(OTHER)).unwrap();
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
            &facts_arg(SEED),
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

/// Whether the store's default graph is exactly the union of its article and ontology graphs
/// (not the catalogue, nor the corpus layer): no triple in one and not the other.
fn union_is_exact(dir: &Path) -> bool {
    let ask = "ASK {
        { ?s ?p ?o MINUS { GRAPH ?g { ?s ?p ?o } FILTER(?g NOT IN (<https://newsgraph.example/catalogue>, <https://newsgraph.example/corpus>)) } }
        UNION
        { GRAPH ?g { ?s ?p ?o } FILTER(?g NOT IN (<https://newsgraph.example/catalogue>, <https://newsgraph.example/corpus>))
          FILTER NOT EXISTS { ?s ?p ?o } }
    }";
    let answer = with_store(dir, &["query", "--sparql", ask, "--format", "csv"]);
    answer.contains("false")
}

/// A facts file of 30 copies of the Cainiao records, under the Cainiao article's id.
fn big_facts(tmp: &Path) -> PathBuf {
    let big = tmp.join("big.toml");
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/generate_facts.py");
    let status = std::process::Command::new("python3")
        .args([script.to_str().unwrap(), "30", big.to_str().unwrap()])
        .status()
        .unwrap();
    assert!(status.success());
    big
}

/// Loads `big` into a copy of the store `before`, timed; then into other copies, each killed
/// with SIGKILL at a point spread over that time. Checks that every killed store opens with
/// the other article intact, and the loaded one either as it was before (`earlier` triples)
/// or whole, in its graph, the catalogue and the default graph; then that it takes the load
/// again. Returns how many kills left the earlier version.
fn kill_loads(tmp: &Path, before: &Path, big: &Path, earlier: Option<u64>) -> usize {
    let whole = tmp.join("whole");
    copy_dir(before, &whole);
    let started = Instant::now();
    load(&whole, &[big.to_str().unwrap()]);
    let duration = started.elapsed();
    let big_triples = counted(&whole, SEED);
    assert!(big_triples > 20 * SEED_TRIPLES, "{big_triples}");
    let with = |seed: Option<u64>| {
        let mut articles = vec![(OTHER.to_owned(), OTHER_TRIPLES)];
        articles.extend(seed.map(|n| (SEED.to_owned(), n)));
        articles
    };
    assert_eq!(listed(&whole), with(Some(big_triples)));
    assert!(union_is_exact(&whole));

    let mut kept_earlier = 0;
    for (i, fraction) in [0.3, 0.5, 0.7, 0.85, 0.95].into_iter().enumerate() {
        let dir = tmp.join(format!("killed-{i}"));
        copy_dir(before, &dir);
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

        let listing = listed(&dir);
        let seed = listing.iter().find(|(id, _)| id == SEED).map(|(_, n)| *n);
        assert!(
            seed == earlier || seed == Some(big_triples),
            "killed at {fraction} ({status}): {seed:?} triples in the graph"
        );
        assert_eq!(listing, with(seed));
        assert_eq!(counted(&dir, SEED), seed.unwrap_or(0));
        assert_eq!(counted(&dir, OTHER), OTHER_TRIPLES);
        assert!(union_is_exact(&dir), "killed at {fraction}");
        if seed == earlier {
            kept_earlier += 1;
        }
        // The store takes a new load afterwards.
        load(&dir, &[big.to_str().unwrap()]);
        assert_eq!(counted(&dir, SEED), big_triples);
    }
    kept_earlier
}

/// Replacing an article with a large version (one transaction), killed half way: the earlier
/// version or the whole new one, never a part.
#[test]
fn a_replacing_load_killed_half_way_leaves_the_earlier_version() {
    let tmp = TempDir::new().unwrap();
    let before = tmp.path().join("before");
    load(&before, &[&facts_arg(SEED), &facts_arg(OTHER)]);
    let big = big_facts(tmp.path());
    let earlier = kill_loads(tmp.path(), &before, &big, Some(SEED_TRIPLES));
    assert!(earlier > 0, "every kill came after the load had finished");
}

/// Adding a large new article (the bulk loader, whose files go in at the end in one step),
/// killed half way: no article or the whole of it, never a part.
#[test]
fn a_first_load_killed_half_way_leaves_no_part_of_the_article() {
    let tmp = TempDir::new().unwrap();
    let before = tmp.path().join("before");
    load(&before, &[&facts_arg(OTHER)]);
    let big = big_facts(tmp.path());
    let earlier = kill_loads(tmp.path(), &before, &big, None);
    assert!(earlier > 0, "every kill came after the load had finished");
}

/// The sorted files a killed bulk load leaves in the store's directory are removed when the
/// store is next opened for writing, and the articles are as they were.
#[test]
fn files_of_a_killed_bulk_load_are_removed() {
    let tmp = TempDir::new().unwrap();
    let dir = tmp.path().join("store");
    load(&dir, &[&facts_arg(OTHER)]);
    let stale = dir.join("bulk-1234.sst");
    std::fs::write(&stale, b"half a file").unwrap();
    load(&dir, &[&facts_arg(SEED)]);
    assert!(!stale.exists());
    assert_eq!(
        listed(&dir),
        [
            (OTHER.to_owned(), OTHER_TRIPLES),
            (SEED.to_owned(), SEED_TRIPLES)
        ]
    );
}

/// Asks a saved question (`args`, as for `newsgraph query`) of the store in `dir`.
fn store_rows(dir: &Path, args: &[&str]) -> Vec<Vec<String>> {
    let mut all = vec!["--store", dir.to_str().unwrap()];
    all.extend_from_slice(args);
    rows(&all)
}

#[test]
fn every_saved_question_over_the_corpus_from_the_store() {
    let tmp = TempDir::new().unwrap();
    let dir = tmp.path().join("store");
    let files: Vec<String> = ARTICLES.iter().map(|id| facts_arg(id)).collect();
    let files: Vec<&str> = files.iter().map(String::as_str).collect();
    load(&dir, &files);
    // The same rows as over the five facts files in memory (tests/corpus.rs).
    for answer in ANSWERS {
        assert_eq!(
            answer.normalized(store_rows(&dir, &answer.args())),
            (answer.rows)(),
            "{} from the store",
            answer.question
        );
    }

    // Removing the seed derives the corpus layer again: the store answers every question as
    // the four other facts files do in memory. The November 2024 summary is then the latest
    // report of Jiang Fan's AIDC post, and it has ended.
    with_store(&dir, &["remove", ARTICLES[0]]);
    let mut rest: Vec<&str> = Vec::new();
    for file in &files[1..] {
        rest.extend(["--facts", *file]);
    }
    for answer in ANSWERS {
        let mut args: Vec<&str> = answer.args();
        args.extend_from_slice(&rest);
        assert_eq!(
            answer.normalized(store_rows(&dir, &answer.args())),
            answer.normalized(rows(&args)),
            "{} from the store without the seed",
            answer.question
        );
    }
    let leadership = store_rows(&dir, &["leadership"]);
    assert!(
        leadership
            .iter()
            .all(|row| row[0] != "Jiang Fan"
                || row[2] != "Alibaba International Digital Commerce Group"),
        "{leadership:?}"
    );
    assert!(
        store_rows(&dir, &["disagreements"])
            .iter()
            .all(|row| row[0] != "ended"),
        "no later article holds what an earlier one ended"
    );

    // Loading it again brings the corpus back as it was.
    load(&dir, &[files[0]]);
    let leadership = answer("leadership");
    assert_eq!(store_rows(&dir, &leadership.args()), (leadership.rows)());
    assert!(union_is_exact(&dir));
}
