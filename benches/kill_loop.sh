#!/usr/bin/env bash
# Kills `load`, `remove` and `export` with SIGKILL at random moments, again and again, and checks
# after each kill that nothing was lost or half-written:
#   - the store opens (`list` answers);
#   - every article it lists is whole: its graph holds exactly the triples a clean load gives;
#   - an article is listed if and only if its graph has triples (whole or absent, never a part);
#   - a saved question answers as a clean store of the same articles does (the corpus layer it
#     reads is derived from the articles the store holds, not from an earlier set);
#   - no temporary file is left beside the export once the next run has written there;
#   - at the end, loading everything again gives the same answers as a clean store.
#
# Usage: benches/kill_loop.sh [KILLS] [NEWSGRAPH]     (100 kills; target/release/newsgraph)
# NEWSGRAPH must be built with the `rocksdb` feature:
#   cargo build --release --features rocksdb
# Prints one summary line: kills, articles lost, stale answers, unopenable stores, files left over.
set -euo pipefail
cd "$(dirname "$0")/.."
kills=${1:-100}
bin=$(realpath "${2:-target/release/newsgraph}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
unset NEWSGRAPH_ARTICLES

# The corpus: the five facts files and a larger one (10 copies of the Cainiao records under
# another article id), so that loads take long enough to be killed half way.
mkdir -p "$work/facts"
cp data/articles/*.toml "$work/facts/"
python3 benches/generate_facts.py 10 "$work/big.toml" >/dev/null
sed -i 's/^id = "cainiao-restructuring"$/id = "big-copy"/' "$work/big.toml"
mv "$work/big.toml" "$work/facts/big-copy.toml"
files=("$work"/facts/*.toml)

# What a clean store holds: each article's triple count, and one question's answer.
"$bin" --store "$work/reference" load "${files[@]}" 2>/dev/null
"$bin" --store "$work/reference" list | awk 'NR > 1 && $3 ~ /^[0-9][0-9][0-9][0-9]-/ { print $1, $2 }' | sort > "$work/expected"
answer() { "$bin" --store "$1" query leadership --format csv | sort; }
answer "$work/reference" > "$work/expected-answer"
# A kill can leave the articles with or without big-copy (the only one `remove` takes out), so
# the answer of a clean store of the others is kept too.
cp -r "$work/reference" "$work/without"
"$bin" --store "$work/without" remove big-copy >/dev/null 2>&1
answer "$work/without" > "$work/expected-answer-without"
rm -rf "$work/without"
articles=$(wc -l < "$work/expected")
[ "$articles" -eq ${#files[@]} ] || { echo "the reference store lists $articles articles" >&2; exit 1; }

# How long each operation takes when left alone, in seconds, to spread the kills over.
seconds() {
    local t0 t1
    t0=$(date +%s.%N)
    "$@" >/dev/null 2>&1 || true
    t1=$(date +%s.%N)
    awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }'
}
cp -r "$work/reference" "$work/timing"
"$bin" --store "$work/timing" remove big-copy cainiao-restructuring >/dev/null 2>&1
load_time=$(seconds "$bin" --store "$work/timing" load "${files[@]}")
remove_time=$(seconds "$bin" --store "$work/timing" remove big-copy)
mkdir -p "$work/out"
export_time=$(seconds "$bin" --store "$work/reference" export --format nquads --output "$work/out/all.nq")

store="$work/store"
cp -r "$work/reference" "$store"
lost=0 unopenable=0 leftover=0 partial=0 stale=0
check_store() {
    local listing
    if ! listing=$("$bin" --store "$store" list 2>/dev/null); then
        unopenable=$((unopenable + 1))
        return
    fi
    # Each listed article has its clean count, in the catalogue and in its graph.
    while read -r id count; do
        local want graph
        want=$(awk -v id="$id" '$1 == id { print $2 }' "$work/expected")
        graph=$("$bin" --store "$store" query --format csv --sparql \
            "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <https://newsgraph.example/id/graph/$id> { ?s ?p ?o } }" | tail -n 1 | tr -d '\r')
        if [ "$count" != "$want" ] || [ "$graph" != "$want" ]; then
            partial=$((partial + 1))
            echo "kill $i: $id listed with $count triples, its graph holds $graph, a clean load $want" >&2
        fi
    done < <(echo "$listing" | awk 'NR > 1 && $3 ~ /^[0-9][0-9][0-9][0-9]-/ { print $1, $2 }')
    # An article not listed has no triples left in its graph.
    while read -r id _; do
        if ! echo "$listing" | awk 'NR > 1 && $3 ~ /^[0-9][0-9][0-9][0-9]-/ { print $1 }' | grep -qx "$id"; then
            local graph
            graph=$("$bin" --store "$store" query --format csv --sparql \
                "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <https://newsgraph.example/id/graph/$id> { ?s ?p ?o } }" | tail -n 1 | tr -d '\r')
            [ "$graph" = 0 ] || { partial=$((partial + 1)); echo "kill $i: $id unlisted with $graph triples" >&2; }
        fi
    done < "$work/expected"
    # The question answers as a clean store of the articles listed does.
    local want="$work/expected-answer"
    echo "$listing" | awk '{ print $1 }' | grep -qx big-copy || want="$work/expected-answer-without"
    if ! answer "$store" | cmp -s - "$want"; then
        stale=$((stale + 1))
        echo "kill $i: the answer differs from a clean store's of the same articles" >&2
    fi
}

for i in $(seq 1 "$kills"); do
    op=$((RANDOM % 3))
    case $op in
        0) # a load of every file, with some removed first so that it has work to do
            "$bin" --store "$store" remove big-copy >/dev/null 2>&1 || true
            "$bin" --store "$store" load "${files[@]}" >/dev/null 2>&1 &
            duration=$load_time ;;
        1) "$bin" --store "$store" load "${files[@]}" >/dev/null 2>&1 || true
            "$bin" --store "$store" remove big-copy >/dev/null 2>&1 &
            duration=$remove_time ;;
        2) "$bin" --store "$store" export --format nquads --output "$work/out/all.nq" >/dev/null 2>&1 &
            duration=$export_time ;;
    esac
    pid=$!
    sleep "$(awk -v d="$duration" -v r=$((RANDOM % 1000)) 'BEGIN { printf "%.3f", d * r / 1000 }')"
    kill -9 "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    check_store
    if [ $op -eq 2 ]; then
        # The next export removes what the killed one left.
        "$bin" --store "$store" export --format nquads --output "$work/out/all.nq" >/dev/null 2>&1
        if ls -A "$work/out" | grep -q '^\.newsgraph-'; then
            leftover=$((leftover + 1))
        fi
    fi
done

# Everything loads again, and answers as the clean store does.
"$bin" --store "$store" load "${files[@]}" >/dev/null 2>&1
"$bin" --store "$store" list | awk 'NR > 1 && $3 ~ /^[0-9][0-9][0-9][0-9]-/ { print $1, $2 }' | sort > "$work/after"
cmp -s "$work/after" "$work/expected" || lost=$(comm -23 "$work/expected" "$work/after" | wc -l)
answer "$store" | cmp -s - "$work/expected-answer" || { echo "answers differ after the kills" >&2; lost=$((lost + 1)); }

echo "kill loop: $kills kills (load ${load_time}s, remove ${remove_time}s, export ${export_time}s spread), $lost lost, $partial partial, $stale stale answers, $unopenable unopenable, $leftover left-over files"
[ $((lost + partial + stale + unopenable + leftover)) -eq 0 ]
