#!/usr/bin/env bash
# How newsgraph's check and export grow with the size of a facts file, time and peak memory,
# beside raptor's `rapper` turning the same graph's N-Triples into Turtle (a streaming C
# parser and serializer: the floor for "read this many triples and write them out").
#
#   benches/scale.sh [N…]        # copies of the Cainiao records (default: 100 1000 2000)
#
# Each facts file is benches/generate_facts.py's N copies of the Cainiao records (about 25 KB
# each). Every command runs once under /usr/bin/time -v; the table gives wall-clock seconds
# and the maximum resident set size. Output: target/bench/scale.tsv and a table on stdout.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(100 1000 2000)
command -v rapper >/dev/null || { echo "scale.sh needs rapper (Debian raptor2-utils)" >&2; exit 2; }
cargo build --release --quiet
bin=target/release/newsgraph
out=target/bench
mkdir -p "$out"
tsv="$out/scale.tsv"
printf 'copies\tfacts_mb\tstep\tseconds\tpeak_mb\n' > "$tsv"

measure() { # copies, facts MB, step name, command…
    local copies=$1 mb=$2 step=$3
    shift 3
    local log
    log=$(mktemp)
    /usr/bin/time -v "$@" > /dev/null 2> "$log" || { tail -3 "$log" >&2; rm -f "$log"; return 1; }
    local wall peak
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$log" |
        awk -F: '{ if (NF == 3) print $1*3600 + $2*60 + $3; else print $1*60 + $2 }')
    peak=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$log")
    rm -f "$log"
    printf '%s\t%s\t%s\t%s\t%s\n' "$copies" "$mb" "$step" "$wall" "$peak" | tee -a "$tsv"
}

for n in "${sizes[@]}"; do
    facts="$out/facts-$n.toml"
    [ -f "$facts" ] || python3 benches/generate_facts.py "$n" "$facts"
    mb=$(awk -v b="$(stat -c %s "$facts")" 'BEGIN { printf "%.1f", b / 1048576 }')
    measure "$n" "$mb" check "$bin" check "$facts"
    for format in ntriples turtle nquads trig rdfxml jsonld graphml dot; do
        measure "$n" "$mb" "export-$format" "$bin" export --format "$format" "$facts"
    done
    measure "$n" "$mb" export-neo4j "$bin" export --format neo4j -o "$out/neo4j-$n" "$facts"
    "$bin" export --format ntriples "$facts" > "$out/scale-$n.nt" 2> /dev/null
    measure "$n" "$mb" rapper-nt-to-turtle rapper -q -i ntriples -o turtle "$out/scale-$n.nt"
    rm -f "$out/scale-$n.nt"
done
