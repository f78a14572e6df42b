#!/usr/bin/env bash
# Every saved question asked over HTTP of a warm `newsgraph serve --no-cache` on a store: the
# time a client waits for the whole SPARQL JSON answer, median and slowest of RUNS requests
# after one warm-up (3 requests for a question whose warm-up takes over a second), with the
# HTTP status. The server evaluates each request afresh (`--no-cache`) and stops a question at
# its time limit (`--timeout`, 10 s by default): a 503 is a question cut off there.
#
# Usage: benches/questions_warm.sh --store DIR [--reference]
#        (RUNS=20, PORT=7911, TIMEOUT=10, QUESTIONS="name …" for some of them only,
#        NEWSGRAPH=BINARY for another build than target/release/newsgraph, built with rocksdb)
#
# With --reference, the same store is served by Oxigraph's own CLI instead (PyPI `oxigraph`
# 0.5 in target/oxigraph-venv, installed by benches/corpus.sh: `oxigraph serve-read-only
# --timeout-s TIMEOUT`), and each question's text is sent to its /query, the value of a
# question that takes one as a one-row VALUES table at the top of its WHERE (as Virtuoso gets
# it in benches/virtuoso.sh), by POST. Its default graph is the store's stored one, as
# newsgraph's is.
#
# Prints a Markdown table; the server's start (it reads its indexes first) is timed too, and
# newsgraph's questions are asked only once the server has read what its explorer shows.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${1:-}" != "--store" ] || [ -z "${2:-}" ]; then
    echo "usage: benches/questions_warm.sh --store DIR [--reference]" >&2
    exit 2
fi
store=$2
reference=false
[ "${3:-}" = "--reference" ] && reference=true
runs=${RUNS:-20}
port=${PORT:-7911}
timeout=${TIMEOUT:-10}
base=http://127.0.0.1:$port
oxigraph=target/oxigraph-venv/bin/oxigraph

start=$(date +%s)
log=$(mktemp)
if $reference; then
    "$oxigraph" --version >/dev/null 2>&1 || { echo "no $oxigraph: run benches/corpus.sh once" >&2; exit 1; }
    "$oxigraph" serve-read-only --location "$store" --bind "127.0.0.1:$port" \
        --timeout-s "$timeout" 2>"$log" &
    ready=$base/query?query=ASK%7B%7D
else
    newsgraph=${NEWSGRAPH:-target/release/newsgraph}
    [ -n "${NEWSGRAPH:-}" ] || cargo build --release --quiet --features rocksdb --bin newsgraph
    "$newsgraph" --store "$store" serve --no-cache --bind "127.0.0.1:$port" \
        --timeout "$timeout" 2>"$log" &
    ready=$base/queries
fi
server=$!
trap 'kill $server 2>/dev/null || true; rm -f "$log" "${sparql:-}"' EXIT
until curl -sf -o /dev/null "$ready"; do
    kill -0 "$server" 2>/dev/null || { echo "the server stopped" >&2; exit 1; }
    sleep 1
done
echo "server ready after $(( $(date +%s) - start )) s (store $store$($reference && echo ", oxigraph serve-read-only"))"
if ! $reference; then
    # The server reads what its explorer shows in the background once it listens; the
    # questions are timed after that, on a server with nothing else to do.
    until grep -q "explorer's names" "$log"; do
        kill -0 "$server" 2>/dev/null || { echo "the server stopped" >&2; exit 1; }
        sleep 1
    done
    echo "explorer's data read after $(( $(date +%s) - start )) s"
fi
echo
echo "| question | status | median | slowest | runs |"
echo "|---|---|---|---|---|"

# One request: "STATUS SECONDS". newsgraph's saved question by GET; the reference's by POST
# (a long question's URL is over its 8 KB limit), the text in $sparql.
sparql=$(mktemp)
ask() {
    if $reference; then
        curl -s -o /dev/null -w '%{http_code} %{time_total}\n' \
            -H 'Accept: application/sparql-results+json' \
            -H 'Content-Type: application/sparql-query' --data-binary "@$sparql" "$base/query"
    else
        curl -s -o /dev/null -w '%{http_code} %{time_total}\n' \
            -H 'Accept: application/sparql-results+json' "$1"
    fi
}


for name in ${QUESTIONS:-$(basename -s .rq queries/*.rq)}; do
    # The questions with a parameter: `evidence` about Alibaba, which every corpus names, and
    # `leaders-as-of` on the first of December 2024.
    bind=
    if [ "$name" = evidence ]; then
        bind=entity=organization:alibaba
    elif [ "$name" = leaders-as-of ]; then
        bind=date=2024-12-01
    fi
    url="$base/queries/$name${bind:+?$bind}"
    $reference && python3 benches/bind_values.py "queries/$name.rq" "$bind" > "$sparql"
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
