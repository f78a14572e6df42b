//! The tree is the picture of the pipeline: each folder of `src/` is one stage a fact passes,
//! and a module imports only the stages below its own. This test reads `src/` and names every
//! import that reaches up, so the layout stays true as the code grows.

use std::path::{Path, PathBuf};

/// The stages, bottom to top. The modules at the root of `src/` shared by every stage come
/// first; `pipeline.rs` runs the stages up to the store for every command, so it sits there.
const STAGES: &[&str] = &[
    "diagnostic",
    "error",
    "text",
    "facts",
    "ground",
    "rdf",
    "store",
    "pipeline",
    "export",
    "query",
    "draft",
    "serve",
    "bin",
];

/// The stage of a file under `src/`: its first folder, or its own name at the root.
fn stage_of(relative: &Path) -> Option<&'static str> {
    let first = relative.components().next()?.as_os_str().to_str()?;
    let name = first.strip_suffix(".rs").unwrap_or(first);
    STAGES.iter().copied().find(|stage| *stage == name)
}

fn rank(stage: &str) -> usize {
    STAGES
        .iter()
        .position(|s| *s == stage)
        .expect("a known stage")
}

/// The stages a file's code names, through `crate::` or (in the binary) `newsgraph::`, with the
/// line of each; the file's unit tests (from `#[cfg(test)]` on) are left out.
fn imports(code: &str) -> Vec<(usize, &'static str)> {
    let mut found = Vec::new();
    for (number, line) in code.lines().enumerate() {
        if line.trim_start().starts_with("#[cfg(test)]") {
            break;
        }
        if line.trim_start().starts_with("//") {
            continue;
        }
        for root in ["crate::", "newsgraph::"] {
            let mut rest = line;
            while let Some(at) = rest.find(root) {
                let after = &rest[at + root.len()..];
                let name: String = after
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                    .collect();
                if let Some(stage) = STAGES.iter().copied().find(|s| *s == name) {
                    found.push((number + 1, stage));
                }
                rest = after;
            }
        }
    }
    found
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("src/ can be read") {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Every import in `src/` that reaches a stage above the importing file's own.
fn upward_imports(src: &Path) -> Vec<String> {
    let mut files = Vec::new();
    rust_files(src, &mut files);
    files.sort();
    let mut upward = Vec::new();
    for file in files {
        let relative = file.strip_prefix(src).expect("under src/");
        if relative == Path::new("lib.rs") {
            continue; // the table of contents names every stage
        }
        let Some(stage) = stage_of(relative) else {
            upward.push(format!("src/{}: in no stage", relative.display()));
            continue;
        };
        let code = std::fs::read_to_string(&file).expect("a source file");
        for (line, imported) in imports(&code) {
            if rank(imported) > rank(stage) {
                upward.push(format!(
                    "src/{}:{line}: {stage} imports {imported}, a stage above it",
                    relative.display()
                ));
            }
        }
    }
    upward
}

#[test]
fn no_module_imports_a_stage_above_its_own() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let upward = upward_imports(&src);
    assert!(
        upward.is_empty(),
        "imports that reach up:\n{}",
        upward.join("\n")
    );
}

#[test]
fn the_root_of_src_holds_few_files_and_each_stage_is_a_folder() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut root_files = Vec::new();
    for entry in std::fs::read_dir(&src).unwrap() {
        let path = entry.unwrap().path();
        if path.is_file() && path.extension().is_some_and(|e| e == "rs") {
            root_files.push(path.file_name().unwrap().to_string_lossy().into_owned());
        }
    }
    root_files.sort();
    assert!(root_files.len() <= 6, "root of src/: {root_files:?}");
    for stage in STAGES {
        let folder = src.join(stage);
        let file = src.join(format!("{stage}.rs"));
        assert!(
            folder.is_dir() ^ file.is_file(),
            "{stage} is one folder or one root file, not both or neither"
        );
    }
}

#[test]
fn an_upward_import_is_found() {
    let src = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(src.path().join("text")).unwrap();
    std::fs::write(
        src.path().join("text/words.rs"),
        "use crate::text::values::Date;\nuse crate::store::GraphStore;\n\
         #[cfg(test)]\nmod tests { use crate::query::run; }\n",
    )
    .unwrap();
    assert_eq!(
        upward_imports(src.path()),
        ["src/text/words.rs:2: text imports store, a stage above it"]
    );
}
