#!/usr/bin/env bash
# Runs newsgraph's test suite, after installing the outside tools that judge its output:
# raptor's `rapper` and Graphviz (Debian packages), rdflib and networkx (a Python venv under
# target/py). Arguments are passed on to `cargo test`; arguments after `--` to the test
# binaries.
#
# The tests marked #[ignore] need the article texts of `../shared/articles` (the draft
# evaluation over the corpus): they run here, with `--include-ignored`, and fail if the texts
# are missing. A plain `cargo test` skips them.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/tools.sh
install_outside_tools

cargo_args=()
test_args=()
seen_separator=false
for arg in "$@"; do
    if ! $seen_separator && [ "$arg" = "--" ]; then
        seen_separator=true
    elif $seen_separator; then
        test_args+=("$arg")
    else
        cargo_args+=("$arg")
    fi
done
cargo test --all-targets "${cargo_args[@]}" -- --include-ignored "${test_args[@]}"
