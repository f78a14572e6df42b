#!/usr/bin/env bash
# Benchmarks newsgraph against rdflib and raptor's `rapper` on the same data, and prints the
# figures side by side (see BENCHMARKS.md):
#   1. `cargo bench --bench pipeline` times newsgraph's own steps on the Cainiao article and
#      writes its Turtle and N-Triples exports to target/bench/;
#   2. benches/rdflib_reference.py times rdflib on that Turtle (the venv under target/py is
#      made as scripts/test.sh makes it, if missing);
#   3. `rapper -c -i turtle` is timed on the same file, with hyperfine when installed.
# BENCH_SECONDS sets the time spent sampling each step (default 2); RAPPER_RUNS how many
# times rapper runs (default 30). Raw figures are kept in target/bench/*.tsv.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${BENCH_SECONDS:-2}
rapper_runs=${RAPPER_RUNS:-30}
out=target/bench
mkdir -p "$out"
# The benchmark measures the embedded article without its text, as a plain `newsgraph export`
# finds it; a text found through $NEWSGRAPH_ARTICLES would add quote positions and change the data.
unset NEWSGRAPH_ARTICLES

# The outside tools, installed as scripts/test.sh installs them.
source scripts/tools.sh
install_outside_tools
venv=target/py

echo "== newsgraph (cargo bench --bench pipeline)" >&2
NEWSGRAPH_BENCH_SECONDS=$seconds cargo bench --quiet --bench pipeline | tee "$out/newsgraph.tsv"

echo "== rdflib (benches/rdflib_reference.py)" >&2
"$venv/bin/python" benches/rdflib_reference.py --turtle "$out/cainiao.ttl" \
    --seconds "$seconds" | tee "$out/rdflib.tsv"

# Microseconds since the epoch, without starting a process when bash can tell.
now_us() {
    if [ -n "${EPOCHREALTIME:-}" ]; then
        local t=${EPOCHREALTIME/[.,]/}
        echo "$((10#$t))"
    else
        echo "$(($(date +%s%N) / 1000))"
    fi
}

# Prints `name<TAB>median_us<TAB>min_us<TAB>runs` for a command run rapper_runs times.
time_command() {
    local name=$1
    shift
    if command -v hyperfine >/dev/null; then
        local json
        json=$(mktemp)
        hyperfine --style none --warmup 3 --runs "$rapper_runs" --export-json "$json" \
            "$(printf '%q ' "$@")" >/dev/null
        python3 -c '
import json, sys
r = json.load(open(sys.argv[1]))["results"][0]
print(f"{sys.argv[2]}\t{r[\"median\"] * 1e6:.1f}\t{r[\"min\"] * 1e6:.1f}\t{len(r[\"times\"])}")
' "$json" "$name"
        rm -f "$json"
    else
        local samples=() i start
        for i in 1 2 3; do "$@" >/dev/null 2>&1; done
        for ((i = 0; i < rapper_runs; i++)); do
            start=$(now_us)
            "$@" >/dev/null 2>&1
            samples+=("$(($(now_us) - start))")
        done
        printf '%s\n' "${samples[@]}" | sort -n | awk -v name="$name" '
            { t[NR] = $1 }
            END { printf "%s\t%.1f\t%.1f\t%d\n", name, t[int(NR / 2) + 1], t[1], NR }'
    fi
}

echo "== rapper (raptor $(rapper --version))" >&2
empty=$(mktemp --suffix=.ttl)
triples=$(rapper -c -i turtle "$out/cainiao.ttl" 2>&1 | sed -n 's/.*returned \([0-9]*\) triples.*/\1/p')
{
    echo "# version	raptor	$(rapper --version)"
    echo "# triples	turtle	$triples"
    time_command parse-turtle rapper -q -c -i turtle "$out/cainiao.ttl"
    time_command parse-empty rapper -q -c -i turtle "$empty"
} | tee "$out/rapper.tsv"
rm -f "$empty"

# The side-by-side table: median (and minimum) milliseconds per iteration.
echo
awk -F'\t' '
    FNR == 1 { tool++ }
    /^#/ { next }
    { cell[$1, tool] = sprintf("%.2f (%.2f)", $2 / 1000, $3 / 1000); seen[$1] = 1 }
    END {
        n = split("read-map-provenance load sort-quads serialize-turtle serialize-ntriples " \
                  "serializer-turtle serializer-ntriples " \
                  "parse-turtle parse-turtle-into-store parse-empty queries-all " \
                  "query-reporting-lines", order, " ")
        printf "| %-24s | %-20s | %-20s | %-20s |\n", "step, median (min) ms", "newsgraph (Oxigraph)", "rdflib", "rapper"
        printf "|%s|%s|%s|%s|\n", "--------------------------", "----------------------", "----------------------", "----------------------"
        for (i = 1; i <= n; i++) {
            name = order[i]
            if (!(name in seen)) continue
            row = sprintf("| %-24s", name)
            for (t = 1; t <= 3; t++) {
                value = ((name, t) in cell) ? cell[name, t] : "-"
                row = row sprintf(" | %-20s", value)
            }
            print row " |"
        }
    }' "$out/newsgraph.tsv" "$out/rdflib.tsv" "$out/rapper.tsv"
echo
echo "machine: $(nproc) CPUs, $(lscpu | sed -n 's/^Model name: *//p' | head -1)," \
    "$(free -g | awk '/^Mem:/ { print $2 }') GB RAM, $(. /etc/os-release && echo "$PRETTY_NAME")," \
    "$(rustc --version), Python $("$venv/bin/python" -c 'import platform; print(platform.python_version())')," \
    "rdflib $("$venv/bin/python" -c 'import rdflib; print(rdflib.__version__)'), raptor $(rapper --version)"
