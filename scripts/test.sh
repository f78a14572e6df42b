#!/usr/bin/env bash
# Runs newsgraph's whole test suite: installs the outside tools that judge its output
# (scripts/tools.sh: rapper, Graphviz, Chromium, rdflib, networkx, igraph, pySHACL,
# jsonld.js), then runs
# `cargo test` with the ignored tests included, since those are the ones that need these
# tools or the article texts in ../shared/articles/. When the texts are missing, the tests
# that need them are skipped by name and a warning says so.
# Arguments are passed on to `cargo test`.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/tools.sh
install_outside_tools

filters=(--include-ignored)
if [ ! -f ../shared/articles/cainiao-restructuring.txt ]; then
    echo "WARNING: ../shared/articles/ is missing: the tests that need the article texts" \
        "(names with 'article_text') are skipped" >&2
    filters+=(--skip article_text)
fi
ensure_dev_null
cargo test --all-targets "$@" -- "${filters[@]}"
