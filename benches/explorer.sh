#!/usr/bin/env bash
# The explorer of `newsgraph serve`, measured as a person meets it: the page's first render and
# a neighbourhood's expansion in headless Chromium (the browser's own performance timings,
# benches/explorer_render.py), and the latency of each request the page makes, with curl
# (median and slowest of RUNS, 20 by default, after one warm-up request each). The server runs
# with --no-cache, so every request is evaluated afresh, as a first visit's are (but for what a
# read-only server reads once as it starts: the names, disagreements, timeline and post holdings).
#
# Usage: benches/explorer.sh                 the five facts files of data/articles/, in memory
#        benches/explorer.sh FACTS...        those facts files, in memory (for a synthetic
#                                            corpus: benches/generate_corpus.py N DIR --stories M)
#        benches/explorer.sh --store DIR     a store (a binary built with --features rocksdb)
# NEWSGRAPH_BIN chooses the binary (target/release/newsgraph, built when missing).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/tools.sh
install_outside_tools

RUNS=${RUNS:-20}
PORT=${NEWSGRAPH_PORT:-7903}
newsgraph=${NEWSGRAPH_BIN:-target/release/newsgraph}
[ -x "$newsgraph" ] || cargo build --release --quiet --bin newsgraph

if [ "${1:-}" = "--store" ]; then
    what="the store $2"
    "$newsgraph" --store "$2" serve --no-cache --bind "127.0.0.1:$PORT" 2>target/explorer-bench.log &
else
    if [ $# -gt 0 ]; then facts=("$@"); else facts=(data/articles/*.toml); fi
    what="${#facts[@]} facts files in memory"
    "$newsgraph" serve "${facts[@]}" --no-cache --bind "127.0.0.1:$PORT" \
        2>target/explorer-bench.log &
fi
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
base=http://127.0.0.1:$PORT
for _ in $(seq 600); do curl -sf -o /dev/null "$base/explore" && break; sleep 0.2; done
# A read-only server reads the explorer's names, disagreements and timeline as it starts: wait for that
# (its time is in the log), so that the figures are those of a server that has started.
for _ in $(seq 3000); do grep -q "names, disagreements, timeline and post holdings read" target/explorer-bench.log && break; sleep 0.2; done
grep -o "names, disagreements, timeline and post holdings read in .*" target/explorer-bench.log || echo "(the names, disagreements, timeline and post holdings were not read within 600 s)"

echo "explorer over $what ($(git rev-parse --short HEAD), $(nproc) CPUs)"
id=https://newsgraph.example/id
enc() { python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' "$1"; }
requests=(
    "page|/explore"
    "graph library|/explore/assets/vendor/cytoscape.min.js"
    "search \"Wan Lin\"|/explore/api/search?q=Wan%20Lin"
    "neighbourhood of Cainiao|/explore/api/node?iri=$(enc "$id/organization/cainiao")"
    "neighbourhood of Cainiao as of 2025-02-01|/explore/api/node?iri=$(enc "$id/organization/cainiao")&date=2025-02-01"
    "facts of Ding Hongwei|/explore/api/facts?iri=$(enc "$id/person/ding-hongwei")"
    "words of a tie|/explore/api/tie?s=$(enc "$id/person/ding-hongwei")&p=$(enc "http://www.w3.org/ns/org#reportsTo")&o=$(enc "$id/person/lin-wan")"
    "leaders as of 2025-02-01|/explore/api/as-of?date=2025-02-01"
    "timeline|/explore/api/timeline"
    "disagreements|/explore/api/disagreements"
)
printf '%-45s %10s %10s %10s\n' request median slowest bytes
for entry in "${requests[@]}"; do
    name=${entry%%|*}
    path=${entry#*|}
    code=$(curl -s -o /dev/null -w '%{http_code}' "$base$path")
    times=()
    for _ in $(seq "$RUNS"); do
        times+=("$(curl -s -o /dev/null -w '%{time_total}' "$base$path")")
    done
    bytes=$(curl -s "$base$path" | wc -c)
    # A status other than 200 (503: the query passed the server's time limit) is shown.
    printf '%s\n' "${times[@]}" | sort -n | awk -v name="$name" -v bytes="$bytes" -v code="$code" '
        { t[NR] = $1 * 1000 }
        END { printf "%-45s %8.1f ms %8.1f ms %10d%s\n", name, t[int((NR + 1) / 2)], t[NR], bytes,
              code == 200 ? "" : "  (status " code ")" }'
done

"$NEWSGRAPH_PYTHON" benches/explorer_render.py "$base" "$id/organization/cainiao"
