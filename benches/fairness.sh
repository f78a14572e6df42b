#!/usr/bin/env bash
# Fairness of `newsgraph serve`, on loopback only, in two parts, each with a server of its own
# over a synthetic corpus of ARTICLES articles (benches/generate_corpus.py):
#
# 1. Cheap beside expensive: EXPENSIVE (50) clients each send the cross product
#    SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } at once; one second later
#    a cheap question (every name, sorted; a different text each time so that no answer comes
#    from a cache) is asked CHEAP (20) times in a row. Prints the cheap question's latency
#    alone and beside the expensive ones (median, 90th percentile, most), and what the
#    expensive ones were answered.
# 2. Whole-store downloads: DOWNLOADS (10) clients ask GET /store?default at once (N-Triples,
#    with --max-results MAX_RESULTS, the server's default of 100000: a larger store is refused
#    with 422, a smaller one streamed). Prints the server's
#    resident memory before, its peak (VmHWM of /proc/PID/status), after, the bytes each
#    client got and the time they took.
#
# Every request is bounded by curl's --max-time; the servers are stopped at the end.
# Usage: benches/fairness.sh      (ARTICLES, EXPENSIVE, CHEAP, DOWNLOADS, TIMEOUT, MAX_RESULTS override the
#        defaults; NEWSGRAPH=path/to/newsgraph skips the release build)
set -euo pipefail
cd "$(dirname "$0")/.."

ARTICLES=${ARTICLES:-10}
EXPENSIVE=${EXPENSIVE:-50}
CHEAP=${CHEAP:-20}
DOWNLOADS=${DOWNLOADS:-10}
TIMEOUT=${TIMEOUT:-10}
PORT=${NEWSGRAPH_PORT:-7911}
ADDRESS=127.0.0.1:$PORT
out=target/bench/fairness
mkdir -p "$out"

if [[ -z "${NEWSGRAPH:-}" ]]; then
    cargo build --release --quiet --bin newsgraph
    NEWSGRAPH=target/release/newsgraph
fi
unset NEWSGRAPH_ARTICLES

rm -rf "$out/facts"
python3 benches/generate_corpus.py "$ARTICLES" "$out/facts" >/dev/null 2>&1

server=
stop() {
    if [[ -n "$server" ]] && kill -0 "$server" 2>/dev/null; then
        kill -TERM "$server" 2>/dev/null || true
        for _ in $(seq 50); do kill -0 "$server" 2>/dev/null || break; sleep 0.1; done
        kill -KILL "$server" 2>/dev/null || true
    fi
    server=
}
trap stop EXIT

# Starts a server with the given options and waits until it listens.
start() {
    "$NEWSGRAPH" serve --bind "$ADDRESS" --timeout "$TIMEOUT" "$@" "$out"/facts/*.toml \
        2>"$out/server.log" &
    server=$!
    for _ in $(seq 600); do
        grep -q "^listening on" "$out/server.log" 2>/dev/null && return
        kill -0 "$server" 2>/dev/null || { cat "$out/server.log"; exit 1; }
        sleep 0.1
    done
    echo "the server did not start" >&2
    exit 1
}

encode() { python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' "$1"; }

# Median, 90th percentile and most of the numbers on standard input, in milliseconds.
summary() {
    python3 -c '
import sys
t = sorted(float(x) * 1000 for x in sys.stdin.read().split())
pick = lambda q: t[min(len(t) - 1, int(q * len(t)))]
print(f"median {pick(0.5):.1f} ms, p90 {pick(0.9):.1f} ms, max {t[-1]:.1f} ms ({len(t)} asked)")'
}

memory() { awk -v key="$1:" '$1 == key { printf "%.0f MB", $2 / 1024 }' "/proc/$server/status"; }

cheap_times() {
    for n in $(seq "$CHEAP"); do
        query=$(encode "PREFIX foaf: <http://xmlns.com/foaf/0.1/> SELECT ?name WHERE { ?p foaf:name ?name } ORDER BY ?name # $1 $n")
        curl -s -o /dev/null --max-time 30 -w '%{time_total}\n' \
            -H 'Accept: application/sparql-results+json' "http://$ADDRESS/sparql?query=$query"
    done
}

# Part 1: a cheap question beside expensive ones.
start --no-cache
echo "corpus: $ARTICLES articles; $(grep -o '[0-9]* distinct triples' "$out/server.log"); time limit $TIMEOUT s; $(nproc) CPUs"
echo "cheap question alone: $(cheap_times alone | summary)"
expensive=$(encode "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }")
rm -f "$out"/expensive-*.status
for i in $(seq "$EXPENSIVE"); do
    curl -s -o /dev/null --max-time $((TIMEOUT + 20)) -w '%{http_code}\n' \
        "http://$ADDRESS/sparql?query=$expensive" >"$out/expensive-$i.status" &
done
sleep 1
echo "cheap question beside $EXPENSIVE expensive ones: $(cheap_times beside | summary)"
wait $(jobs -p | grep -v "^$server\$") 2>/dev/null || true
echo "the expensive ones were answered: $(cat "$out"/expensive-*.status | sort | uniq -c | awk '{printf "%s%s x %s", sep, $1, $2; sep=", "}')"
stop

# Part 2: memory under whole-store downloads.
start --max-results "${MAX_RESULTS:-100000}"
echo "server resident memory at rest: $(memory VmRSS)"
started=$(date +%s.%N)
for i in $(seq "$DOWNLOADS"); do
    curl -s -o "$out/download-$i.nt" --max-time 120 -w '%{http_code} %{size_download}\n' \
        -H 'Accept: application/n-triples' "http://$ADDRESS/store?default" >"$out/download-$i.status" &
done
wait $(jobs -p | grep -v "^$server\$") 2>/dev/null || true
elapsed=$(python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.1f}')" "$started" "$(date +%s.%N)")
echo "$DOWNLOADS downloads of /store?default at once, in $elapsed s: $(sort "$out"/download-*.status | uniq -c | awk '{printf "%s%s x %s (%s bytes)", sep, $1, $2, $3; sep=", "}')"
echo "server resident memory: peak $(memory VmHWM), after $(memory VmRSS)"
rm -f "$out"/download-*.nt
