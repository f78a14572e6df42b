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

source benches/measure.sh

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
