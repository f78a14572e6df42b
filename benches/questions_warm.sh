#!/usr/bin/env bash
# Every saved question asked over HTTP of a warm `newsgraph serve --no-cache` on a store: the
# time a client waits for the whole SPARQL JSON answer, median and slowest of RUNS requests
# after one warm-up (3 requests for a question whose warm-up takes over a second), with the
# HTTP status. The server evaluates each request afresh (`--no-cache`) and stops a question at
# its time limit (`--timeout`, 10 s by default): a 503 is a question cut off there.
#
# Usage: benches/questions_warm.sh --store DIR        (RUNS=20, PORT=7911, TIMEOUT=10,
#        QUESTIONS="name …" for some of them only)
# Prints a Markdown table; the server's start (it reads its indexes first) is timed too, and
# the questions are asked only once the server has read what its explorer shows.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${1:-}" != "--store" ] || [ -z "${2:-}" ]; then
    echo "usage: benches/questions_warm.sh --store DIR" >&2
    exit 2
fi
store=$2
runs=${RUNS:-20}
port=${PORT:-7911}
timeout=${TIMEOUT:-10}
base=http://127.0.0.1:$port

cargo build --release --quiet --features rocksdb --bin newsgraph
start=$(date +%s)
log=$(mktemp)
target/release/newsgraph --store "$store" serve --no-cache --bind "127.0.0.1:$port" \
    --timeout "$timeout" 2>"$log" &
server=$!
trap 'kill $server 2>/dev/null || true; rm -f "$log"' EXIT
until curl -sf -o /dev/null "$base/queries"; do
    kill -0 "$server" 2>/dev/null || { echo "the server stopped" >&2; exit 1; }
    sleep 1
done
echo "server ready after $(( $(date +%s) - start )) s (store $store)"
# The server reads what its explorer shows in the background once it listens; the questions
# are timed after that, on a server with nothing else to do.
until grep -q "explorer's names" "$log"; do
    kill -0 "$server" 2>/dev/null || { echo "the server stopped" >&2; exit 1; }
    sleep 1
done
echo "explorer's data read after $(( $(date +%s) - start )) s"
echo
echo "| question | status | median | slowest | runs |"
echo "|---|---|---|---|---|"

# One request: "STATUS SECONDS".
ask() {
    curl -s -o /dev/null -w '%{http_code} %{time_total}\n' \
        -H 'Accept: application/sparql-results+json' "$1"
}

for name in ${QUESTIONS:-$(basename -s .rq queries/*.rq)}; do
    url="$base/queries/$name"
    # The questions with a parameter: `evidence` about Alibaba, which every corpus names, and
    # `leaders-as-of` on the first of December 2024.
    if [ "$name" = evidence ]; then
        url="$url?entity=organization:alibaba"
    elif [ "$name" = leaders-as-of ]; then
        url="$url?date=2024-12-01"
    fi
    read -r status seconds < <(ask "$url")
    n=$runs
    if python3 -c "import sys; sys.exit(0 if float('$seconds') > 1 else 1)"; then
        n=3
    fi
    times=()
    for _ in $(seq "$n"); do
        read -r status seconds < <(ask "$url")
        times+=("$seconds")
    done
    python3 - "$name" "$status" "${times[@]}" <<'PY'
import statistics, sys
name, status, *times = sys.argv[1:]
ms = sorted(float(t) * 1000 for t in times)
print(f"| `{name}` | {status} | {statistics.median(ms):.0f} ms | {ms[-1]:.0f} ms | {len(ms)} |")
PY
done
