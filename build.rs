//! Embeds the saved questions of `queries/*.rq` in the binary, so that `newsgraph query NAME`
//! works from anywhere.

use std::env;
use std::fs;
use std::path::PathBuf;

fn main() {
    println!("cargo::rerun-if-changed=queries");
    let dir = PathBuf::from(env::var("CARGO_MANIFEST_DIR").unwrap()).join("queries");
    let mut names: Vec<String> = fs::read_dir(&dir)
        .expect("the queries directory exists")
        .filter_map(|entry| {
            let path = entry.ok()?.path();
            (path.extension()? == "rq").then(|| path.file_stem()?.to_str().map(str::to_owned))?
        })
        .collect();
    names.sort();
    let mut code = String::from(
        "/// The saved queries: (name, text), sorted by name.\npub const SAVED: &[(&str, &str)] = &[\n",
    );
    // Each file by a path from the crate being compiled, not this script's absolute one: two
    // checkouts built into one target directory can share this script's output.
    for name in names {
        code.push_str(&format!(
            "    ({name:?}, include_str!(concat!(env!(\"CARGO_MANIFEST_DIR\"), \"/queries/{name}.rq\"))),\n"
        ));
    }
    code.push_str("];\n");
    let out = PathBuf::from(env::var("OUT_DIR").unwrap()).join("saved_queries.rs");
    fs::write(out, code).expect("OUT_DIR is writable");
}
