#!/usr/bin/env bash
# Runs newsgraph's test suite, after installing the outside tools that judge its output:
# raptor's `rapper` and Graphviz (Debian packages), rdflib and networkx (a Python venv under
# target/py). Arguments are passed on to `cargo test`.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/tools.sh
install_outside_tools

cargo test --all-targets "$@"

# The tests that read the article texts (ignored by a plain `cargo test`), where this workspace
# keeps them. Without the texts they are skipped here, loudly; with NEWSGRAPH_REQUIRE_ARTICLE
# set they run and fail.
if [ -d ../shared/articles ] || [ -n "${NEWSGRAPH_REQUIRE_ARTICLE:-}" ]; then
    cargo test --test integration -- --ignored
else
    echo "skipped: the tests that need the article texts in ../shared/articles" >&2
fi
