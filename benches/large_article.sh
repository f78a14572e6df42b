#!/usr/bin/env bash
# Time and peak memory of one large article through newsgraph (check, export, load into an
# on-disk store, export from that store) beside Oxigraph's own command line (PyPI `oxigraph`
# 0.5, in target/oxigraph-venv) loading and dumping the same quads.
#
#   benches/large_article.sh [N…]     # copies of the Cainiao records (default: 150 1500)
#
# Each facts file is benches/generate_facts.py's N copies (150: 5.5 MB; 1,500: 55.6 MB). Every
# command runs once under /usr/bin/time -v. Output: target/bench/large_article.tsv and a table
# on stdout: wall-clock seconds and maximum resident set size.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(150 1500)
venv=target/oxigraph-venv
if ! "$venv/bin/oxigraph" --version >/dev/null 2>&1; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check 'oxigraph>=0.5,<0.6'
fi
oxigraph="$PWD/$venv/bin/oxigraph"
cargo build --release --quiet --features rocksdb
bin=target/release/newsgraph
out=target/bench
mkdir -p "$out"
tsv="$out/large_article.tsv"
printf 'copies\tfacts_mb\tstep\tseconds\tpeak_mb\n' > "$tsv"

source benches/measure.sh

for n in "${sizes[@]}"; do
    facts="$out/facts-$n.toml"
    [ -f "$facts" ] || python3 benches/generate_facts.py "$n" "$facts"
    mb=$(awk -v b="$(stat -c %s "$facts")" 'BEGIN { printf "%.1f", b / 1048576 }')
    store="$out/large-store-$n" reference="$out/large-reference-$n" nq="$out/large-$n.nq"
    rm -rf "$store" "$reference"
    measure "$n" "$mb" check "$bin" check "$facts"
    measure "$n" "$mb" export-nquads "$bin" export --format nquads "$facts"
    "$bin" export --format nquads "$facts" > "$nq" 2> /dev/null
    measure "$n" "$mb" load "$bin" --store "$store" load "$facts"
    measure "$n" "$mb" store-export-nquads "$bin" --store "$store" export --format nquads
    measure "$n" "$mb" oxigraph-load "$oxigraph" load --location "$reference" --file "$nq"
    measure "$n" "$mb" oxigraph-dump "$oxigraph" dump --location "$reference" --format nq --file "$out/large-dump-$n.nq"
    rm -rf "$store" "$reference" "$nq" "$out/large-dump-$n.nq"
done
