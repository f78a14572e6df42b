#!/usr/bin/env bash
# Runs newsgraph's test suite, after installing the outside tools that judge its output:
# raptor's `rapper` and Graphviz (Debian packages), rdflib and networkx (a Python venv under
# target/py). Arguments are passed on to `cargo test`.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/tools.sh
install_outside_tools

cargo test --all-targets "$@"
