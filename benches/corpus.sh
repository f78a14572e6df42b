#!/usr/bin/env bash
# The corpus and store benchmarks of BENCHMARKS.md: newsgraph against Oxigraph's own command
# line (PyPI `oxigraph` 0.5, installed into target/oxigraph-venv) on a synthetic corpus of N
# articles (benches/generate_corpus.py), in one run.
#
#     benches/corpus.sh N [RUNS]
#
# Times come from hyperfine (RUNS runs each, 3 by default), peak memory from one run under
# `/usr/bin/time -v`. Everything is written under target/bench/corpus-N/; the summary goes
# to standard output. Needs hyperfine and GNU time (Debian `hyperfine`, `time`).
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:?usage: benches/corpus.sh N [RUNS]}
runs=${2:-3}
work=target/bench/corpus-$n
venv=target/oxigraph-venv
unset NEWSGRAPH_ARTICLES

if ! "$venv/bin/oxigraph" --version >/dev/null 2>&1; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check 'oxigraph>=0.5,<0.6'
fi
oxigraph="$PWD/$venv/bin/oxigraph"
cargo build --release --features rocksdb --quiet
newsgraph="$PWD/target/release/newsgraph"

rm -rf "$work"
mkdir -p "$work"
python3 benches/generate_corpus.py "$n" "$work/facts"
facts=("$work"/facts/*.toml)
store="$work/store"
reference="$work/reference"
nq="$work/corpus.nq"

# Peak memory (max resident set size, kB) and wall time of one run.
peak() {
    local name=$1
    shift
    /usr/bin/time -v "$@" 2>"$work/$name.time" >/dev/null
    local kb wall
    kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/$name.time")
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$work/$name.time")
    printf '%s\tpeak %d MB\twall %s\n' "$name" $((kb / 1024)) "$wall"
}

echo "== corpus: $n articles"
"$newsgraph" export --format nquads "${facts[@]}" --output "$nq"
echo "quads: $(wc -l < "$nq"), bytes: $(stat -c %s "$nq")"

echo "== peak memory"
peak export-facts "$newsgraph" export --format nquads "${facts[@]}" --output "$work/export.nq"
rm -rf "$store"
peak load-no-compact "$newsgraph" --store "$store" load --no-compact "${facts[@]}"
rm -rf "$store"
peak load "$newsgraph" --store "$store" load "${facts[@]}"
rm -rf "$reference"
peak oxigraph-load "$oxigraph" load --location "$reference" --file "$nq"
peak export-store "$newsgraph" --store "$store" export --format nquads --output "$work/store.nq"
peak oxigraph-dump "$oxigraph" dump --location "$reference" --format nq --file "$work/dump.nq"
cmp "$work/export.nq" "$work/store.nq" && echo "the store's export is the facts' export, byte for byte"
echo "the reference dump has $(wc -l < "$work/dump.nq") quads"

echo "== time"
# The plain load runs last, so that the store measured below is the one it leaves.
hyperfine --runs "$runs" --export-json "$work/times.json" --style basic \
    --command-name "newsgraph load --no-compact" --prepare "rm -rf $store" \
    "$newsgraph --store $store load --no-compact ${facts[*]}" \
    --command-name "newsgraph load" --prepare "rm -rf $store" \
    "$newsgraph --store $store load ${facts[*]}" \
    --command-name "oxigraph load" --prepare "rm -rf $reference" \
    "$oxigraph load --location $reference --file $nq"
hyperfine --runs "$runs" --export-json "$work/export-times.json" --style basic \
    --command-name "newsgraph export (facts files)" \
    "$newsgraph export --format nquads ${facts[*]} --output $work/export.nq" \
    --command-name "newsgraph export (store)" \
    "$newsgraph --store $store export --format nquads --output $work/store.nq" \
    --command-name "oxigraph dump" \
    "$oxigraph dump --location $reference --format nq --file $work/dump.nq"

echo "== saved questions on the store (each cut off after 5 s)"
queries=()
for q in $("$newsgraph" queries | awk 'NR % 2 == 1 {print $1}'); do
    case $q in
        leaders-as-of) bind="--bind date=2024-12-01" ;;
        evidence) bind="--bind entity=person:ding-hongwei" ;;
        *) bind="" ;;
    esac
    queries+=("timeout 5 $newsgraph --store $store query $q $bind")
done
hyperfine --ignore-failure --runs "$runs" --export-json "$work/queries.json" --style basic \
    --output null "${queries[@]}"

echo "== medians (s)"
python3 - "$work" <<'PY'
import json, sys, pathlib
for name in ("times", "export-times", "queries"):
    for r in json.loads((pathlib.Path(sys.argv[1]) / f"{name}.json").read_text())["results"]:
        command = r["command"].split(" query ")[-1] if name == "queries" else r["command"]
        if name == "queries" and any(code == 124 for code in r.get("exit_codes", [])):
            command += " (cut off at 5 s)"
        print(f"{command[:60]:60}  median {r['median']:.3f}  min {r['min']:.3f}  max {r['max']:.3f}")
PY
