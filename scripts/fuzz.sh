#!/usr/bin/env bash
# Runs the property tests of tests/properties.rs with many more cases than the test suite does
# (every parser a user feeds: edited facts files, --bind values, SPARQL text, text for
# `draft`), and says how many cases ran. Usage: scripts/fuzz.sh [CASES_PER_PROPERTY] (10000).
set -euo pipefail
cd "$(dirname "$0")/.."
cases=${1:-10000}
properties=$(grep -c '^    fn .*(\|^fn .*_property_' tests/properties.rs)
started=$(date +%s)
PROPTEST_CASES=$cases cargo test --release --test integration properties:: -- --include-ignored
echo "property tests: $properties properties × $cases cases = $((properties * cases)) cases, 0 panics, in $(( $(date +%s) - started )) s"
