#!/usr/bin/env bash
# Runs newsgraph's test suite, after installing the outside tools that judge its output:
# raptor's `rapper`, Graphviz and Chromium (Debian packages), rdflib and networkx (a Python venv
# under target/py). Tests that need a tool are marked #[ignore] with the reason, so a bare
# `cargo test` says they did not run; here they run, with --include-ignored. Arguments are
# passed on to `cargo test`.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/tools.sh
install_outside_tools

cargo test --all-targets "$@" -- --include-ignored
