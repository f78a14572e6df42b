#!/usr/bin/env bash
# The corpus in OpenLink Virtuoso: bulk load newsgraph's N-Quads shards into a private
# Virtuoso instance, then ask it every saved question and compare its rows with newsgraph's
# over the same facts files. Notes and figures: benches/VIRTUOSO.md.
#
#     benches/virtuoso.sh                          # the five facts files of data/articles/
#     benches/virtuoso.sh --generate N M [--seed S] # N generated articles over M stories
#     benches/virtuoso.sh FACTS.toml...            # any facts files
#     benches/virtuoso.sh --check [...]            # and fail unless every answer agrees
#
# Steps, each bounded in time:
# 1. Install Virtuoso from Debian if `virtuoso-t` is missing: `apt-get update` once, check with
#    `apt-cache policy` that `virtuoso-opensource` has a candidate, preseed the DBA password the
#    package asks for through debconf (a random one: the package's own database is not used),
#    install without recommends, non-interactively; the time it took is printed.
# 2. Export: one N-Quads shard per facts file (`newsgraph export FILE --format nquads`, one
#    process each, timed, beside one process exporting them all); the default graph
#    newsgraph's queries see (`export --format ntriples --with-ontology ALL`: the union of the
#    articles and the ontology, each triple once), split into pieces; the ontology's own graph;
#    the corpus layer (`export --corpus-layer --format nquads ALL`: what holds over all the
#    articles, in its graph https://newsgraph.example/corpus, which is not in the default graph).
# 3. Start a private Virtuoso: its own database directory and virtuoso.ini under
#    target/virtuoso/NAME/db, SQL and HTTP ports picked free on 127.0.0.1 only, a random DBA
#    password. Never the system service. A trap stops it when the script ends, however it ends.
# 4. Bulk load: `ld_dir` for the shards (their graphs from the N-Quads), the union pieces (into
#    the graph urn:newsgraph:default-graph), the ontology (its graph
#    https://newsgraph.example/ns) and the corpus layer (its graph), then VIRTUOSO_LOADERS `rdf_loader_run()` in parallel, then
#    `checkpoint`; timed. Virtuoso is then restarted, and the quads of every graph counted
#    against the shards.
# 5. Every saved question, queries/*.rq, on both sides: newsgraph over the facts files
#    (`newsgraph query --file Q --facts F... --format json`), Virtuoso on its SPARQL endpoint
#    with the SPARQL protocol's dataset: default-graph-uri the union graph, named-graph-uri
#    every article graph, the ontology graph and the corpus layer's (what newsgraph's store
#    holds: `GRAPH ?g` ranges over them all there too), so the query
#    text is the file's, unchanged. A question that takes a value (`--bind NAME=VALUE` in its
#    comments: evidence, leaders-as-of) gets the same value on both sides: newsgraph with
#    --bind, Virtuoso as a one-row VALUES table at the top of the query's WHERE (the value an
#    IRI for `kind:id`, else a plain string). Where no article names person:ding-hongwei, the
#    evidence question is asked about the person in most articles. Virtuoso's answer is asked
#    twice (the second run shows what compiling cost). Rows are compared as multisets with
#    benches/virtuoso_compare.py --unordered-concat: the order of GROUP_CONCAT's items is left
#    to the engine by SPARQL, so rows that differ only in it agree (and say so). With --check,
#    the script exits 1 when a question's rows differ otherwise, or either side fails
#    (scripts/test.sh runs it so where Virtuoso is installed).
#
# Output under target/virtuoso/NAME/: shards, results/ (both answers, the comparison of each
# question), summary.tsv and summary.txt (also printed). Settings (environment):
#   NEWSGRAPH          newsgraph binary (default target/release/newsgraph, built if missing)
#   VIRTUOSO_LOADERS   parallel rdf_loader_run() calls (2)
#   VIRTUOSO_BUFFERS   NumberOfBuffers, 8 KB pages (170000, about 1.3 GB)
#   QUERY_TIMEOUT      seconds per question on each side (120)
#   LOAD_TIMEOUT       seconds for the bulk load (1800)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
unset NEWSGRAPH_ARTICLES

usage() { sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; }
check=0
generate=()
seed=0
facts=()
while [ $# -gt 0 ]; do
    case $1 in
        --generate) generate=("$2" "$3"); shift 3 ;;
        --seed) seed=$2; shift 2 ;;
        --check) check=1; shift ;;
        -h | --help) usage; exit 0 ;;
        -*) usage >&2; exit 2 ;;
        *) facts+=("$1"); shift ;;
    esac
done
loaders=${VIRTUOSO_LOADERS:-2}
buffers=${VIRTUOSO_BUFFERS:-170000}
query_timeout=${QUERY_TIMEOUT:-120}
load_timeout=${LOAD_TIMEOUT:-1800}
union_graph=urn:newsgraph:default-graph
ontology_graph=https://newsgraph.example/ns
corpus_graph=https://newsgraph.example/corpus

if [ ${#generate[@]} -gt 0 ]; then
    name=stories-${generate[0]}-${generate[1]}-seed$seed
elif [ ${#facts[@]} -gt 0 ]; then
    name=facts-${#facts[@]}
else
    name=articles
    facts=(data/articles/*.toml)
fi
work=$root/target/virtuoso/$name

now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.2f", b - a }'; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
say() { echo "$*" | tee -a "$work/summary.txt"; }

# ---------------------------------------------------------------------------------------------
# 1. Install

if ! command -v virtuoso-t >/dev/null || ! command -v isql-vt >/dev/null; then
    echo "installing Virtuoso from Debian" >&2
    mkdir -p "$root/target"
    started=$(now)
    as_root timeout 600 apt-get update -q >/dev/null
    candidate=$(apt-cache policy virtuoso-opensource | awk '/Candidate:/ {print $2}')
    if [ -z "$candidate" ] || [ "$candidate" = "(none)" ]; then
        echo "virtuoso-opensource has no installation candidate here (apt-cache policy)" >&2
        exit 2
    fi
    secret=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
    printf '%s\n' \
        "virtuoso-opensource-7 virtuoso-opensource-7/dba-password password $secret" \
        "virtuoso-opensource-7 virtuoso-opensource-7/dba-password-again password $secret" |
        as_root debconf-set-selections
    unset secret
    as_root env DEBIAN_FRONTEND=noninteractive timeout 900 \
        apt-get install -y -q --no-install-recommends virtuoso-opensource >"$root/target/virtuoso-install.log" 2>&1 ||
        { tail -20 "$root/target/virtuoso-install.log" >&2; exit 2; }
    install_seconds=$(since "$started")
    echo "installed virtuoso-opensource $candidate in $install_seconds s" >&2
fi
version=$(virtuoso-t -? 2>&1 | awk '/^Version/ {print $2; exit}' || true)

if [ -z "${NEWSGRAPH:-}" ]; then
    NEWSGRAPH=$root/target/release/newsgraph
    [ -x "$NEWSGRAPH" ] || cargo build --release --quiet
fi
newsgraph=$NEWSGRAPH

rm -rf "$work"
mkdir -p "$work"/{shards,union,ontology,corpus,results,db/vsp}
: > "$work/summary.txt"
say "== $name: Virtuoso $version, newsgraph $("$newsgraph" --version | awk '{print $2}'), $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg)"
[ -n "${install_seconds:-}" ] && say "install: $install_seconds s (apt-get update and install)"

if [ ${#generate[@]} -gt 0 ]; then
    python3 benches/generate_corpus.py "${generate[0]}" "$work/facts" --stories "${generate[1]}" --seed "$seed" 2>&1 |
        tee -a "$work/summary.txt"
    facts=("$work"/facts/*.toml)
    failed=0
    for f in "${facts[@]}"; do "$newsgraph" check "$f" >/dev/null 2>&1 || failed=$((failed + 1)); done
    say "check: $((${#facts[@]} - failed)) of ${#facts[@]} generated facts files pass newsgraph check"
fi
fact_args=()
for f in "${facts[@]}"; do fact_args+=(--facts "$f"); done

# ---------------------------------------------------------------------------------------------
# 2. Export

started=$(now)
for f in "${facts[@]}"; do
    "$newsgraph" export "$f" --format nquads --output "$work/shards/$(basename "$f" .toml).nq" 2>/dev/null
done
shard_seconds=$(since "$started")
started=$(now)
"$newsgraph" export --format nquads "${facts[@]}" --output "$work/all.nq" 2>/dev/null
all_seconds=$(since "$started")
rm -f "$work/all.nq"
"$newsgraph" export --format ntriples --with-ontology "${facts[@]}" --output "$work/union.nt" 2>/dev/null
split -l 200000 -d --additional-suffix=.nt "$work/union.nt" "$work/union/part-"
union_triples=$(wc -l < "$work/union.nt")
rm -f "$work/union.nt"
"$newsgraph" export --format nquads --with-ontology "${facts[0]}" 2>/dev/null |
    awk -v g="<$ontology_graph>" '$(NF-1) == g' > "$work/ontology/ontology.nq"
ontology_quads=$(wc -l < "$work/ontology/ontology.nq")
# The corpus layer, derived over all the facts files as `newsgraph query --facts` derives it.
started=$(now)
"$newsgraph" export --corpus-layer --format nquads "${facts[@]}" --output "$work/corpus/corpus.nq" 2>/dev/null
corpus_seconds=$(since "$started")
corpus_quads=$(wc -l < "$work/corpus/corpus.nq")
# Each shard's graph, and its quads.
for shard in "$work"/shards/*.nq; do
    printf '%s\t%s\n' "$(head -1 "$shard" | awk '{print $(NF-1)}' | tr -d '<>')" "$(wc -l < "$shard")"
done > "$work/graphs.tsv"
article_quads=$(awk -F'\t' '{ n += $2 } END { print n }' "$work/graphs.tsv")
loaded=$((article_quads + union_triples + ontology_quads + corpus_quads))
say "export: ${#facts[@]} shards, $article_quads quads, in $shard_seconds s (a process per file; one process for all: $all_seconds s)"
say "default graph: $union_triples triples (articles and ontology, each once); ontology graph: $ontology_quads"
say "corpus layer: $corpus_quads quads in $corpus_seconds s (its own graph, not in the default graph)"

# ---------------------------------------------------------------------------------------------
# 3. A private Virtuoso

read -r sql_port http_port < <(python3 -c '
import socket
socks = [socket.socket() for _ in range(2)]
for s in socks:
    s.bind(("127.0.0.1", 0))
print(*[s.getsockname()[1] for s in socks])')
db=$work/db
cat > "$db/virtuoso.ini" <<EOF
; A private instance for benches/virtuoso.sh: loopback only, its own files.
[Database]
DatabaseFile       = $db/virtuoso.db
ErrorLogFile       = $db/virtuoso.log
LockFile           = $db/virtuoso.lck
TransactionFile    = $db/virtuoso.trx
xa_persistent_file = $db/virtuoso.pxa
ErrorLogLevel      = 7
FileExtend         = 200
MaxCheckpointRemap = 2000
Striping           = 0
TempStorage        = TempDatabase

[TempDatabase]
DatabaseFile       = $db/virtuoso-temp.db
TransactionFile    = $db/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping           = 0

[Parameters]
ServerPort           = 127.0.0.1:$sql_port
DisableUnixSocket    = 1
MaxClientConnections = 10
CheckpointInterval   = 0
CaseMode             = 2
DirsAllowed          = ., $work
NumberOfBuffers      = $buffers
MaxDirtyBuffers      = $((buffers * 3 / 4))
ThreadsPerQuery      = 2
MaxQueryMem          = 1G
; The default (200000000; queries stop at twice that) is too little to compile leaders-as-of.
MaxMemPoolSize       = 2000000000

[HTTPServer]
ServerPort           = 127.0.0.1:$http_port
ServerRoot           = $db/vsp
MaxClientConnections = 4
ServerThreads        = 4
Charset              = UTF-8
EnabledDavVSP        = 0

[SPARQL]
ResultSetMaxRows      = 1000000
MaxQueryExecutionTime = $query_timeout
EOF

vpid=""
stop_virtuoso() {
    [ -n "$vpid" ] || return 0
    if kill -0 "$vpid" 2>/dev/null; then
        timeout 30 isql-vt "127.0.0.1:$sql_port" dba "$(cat "$db/password" 2>/dev/null || echo dba)" \
            VERBOSE=OFF BANNER=OFF "exec=shutdown;" >/dev/null 2>&1 || true
        for _ in $(seq 30); do kill -0 "$vpid" 2>/dev/null || break; sleep 1; done
        kill -0 "$vpid" 2>/dev/null && kill "$vpid" 2>/dev/null && sleep 5
        kill -0 "$vpid" 2>/dev/null && kill -9 "$vpid" 2>/dev/null
    fi
    wait "$vpid" 2>/dev/null || true
    echo "Virtuoso stopped" >&2
    vpid=""
}
trap stop_virtuoso EXIT
trap 'exit 130' INT TERM

password=dba
isql() { # SQL, [seconds]: runs it, fails on a Virtuoso error
    local out
    out=$(timeout "${2:-600}" isql-vt "127.0.0.1:$sql_port" dba "$password" VERBOSE=OFF BANNER=OFF "exec=$1" 2>&1) ||
        { echo "$out" >&2; return 1; }
    if grep -q '^\*\*\* Error' <<<"$out"; then echo "$out" >&2; return 1; fi
    printf '%s\n' "$out"
}
start_virtuoso() { # starts the private instance and waits until it answers SQL
    (cd "$db" && exec virtuoso-t +configfile virtuoso.ini +foreground) >>"$db/stdout.log" 2>&1 &
    vpid=$!
    for _ in $(seq 120); do
        isql "select 1;" 5 >/dev/null 2>&1 && break
        kill -0 "$vpid" 2>/dev/null || { tail -20 "$db/virtuoso.log" >&2; exit 2; }
        sleep 1
    done
    isql "select 1;" 5 >/dev/null
}
started=$(now)
start_virtuoso
# (An SQL identifier: it must not begin with a digit.)
new_password=v$(head -c 18 /dev/urandom | od -An -tx1 | tr -d ' \n')
isql "set password dba $new_password;" >/dev/null
password=$new_password
(umask 077 && echo "$password" > "$db/password")
say "virtuoso: up in $(since "$started") s on 127.0.0.1:$sql_port (SQL) and 127.0.0.1:$http_port (HTTP)"
endpoint=http://127.0.0.1:$http_port/sparql

# ---------------------------------------------------------------------------------------------
# 4. Bulk load

isql "ld_dir('$work/shards', '*.nq', 'urn:newsgraph:no-graph');
ld_dir('$work/union', '*.nt', '$union_graph');
ld_dir('$work/ontology', '*.nq', 'urn:newsgraph:no-graph');
ld_dir('$work/corpus', '*.nq', 'urn:newsgraph:no-graph');" >/dev/null
started=$(now)
pids=()
for _ in $(seq "$loaders"); do
    isql "rdf_loader_run();" "$load_timeout" >/dev/null &
    pids+=($!)
done
for pid in "${pids[@]}"; do wait "$pid"; done
isql "checkpoint;" "$load_timeout" >/dev/null
load_seconds=$(since "$started")
errors=$(isql "select count(*) from DB.DBA.load_list where ll_state <> 2 or ll_error is not null;" | tr -d ' \n')
[ "$errors" = 0 ] || { isql "select ll_file, ll_error from DB.DBA.load_list where ll_error is not null;" >&2; exit 1; }
rate=$(awk -v n="$loaded" -v s="$load_seconds" 'BEGIN { printf "%d", n / s }')
say "load: $loaded quads ($article_quads in article graphs, $union_triples in the default graph, $ontology_quads in the ontology's, $corpus_quads in the corpus layer's) in $load_seconds s with $loaders loaders and a checkpoint: $rate quads/s"
# Restarted before it is asked anything: asked straight after a bulk load, this Virtuoso
# (7.2.5) left out rows of cainiao-alibaba's events in about one run in five, a different
# one or two rows each time, whichever way the question was written; after a restart it did
# not (benches/VIRTUOSO.md).
started=$(now)
stop_virtuoso 2>/dev/null
start_virtuoso
say "virtuoso: restarted after the load in $(since "$started") s"

# The protocol's dataset: the union as the default graph, every article graph, the ontology
# graph and the corpus layer's as named graphs.
dataset=(--data-urlencode "default-graph-uri=$union_graph" --data-urlencode "named-graph-uri=$ontology_graph"
    --data-urlencode "named-graph-uri=$corpus_graph")
while IFS=$'\t' read -r graph _; do dataset+=(--data-urlencode "named-graph-uri=$graph"); done < "$work/graphs.tsv"
sparql() { # query file, output file, seconds: prints "http_code seconds"
    curl -s -o "$2" -D "$2.headers" -w '%{http_code} %{time_total}\n' --max-time "$3" \
        -H 'Accept: application/sparql-results+json' --data-urlencode "query@$1" "${dataset[@]}" "$endpoint" || echo "000 $3"
}
sparql_count='SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g'
echo "$sparql_count" > "$work/count.rq"
# Counted across all graphs (no dataset), against what was exported.
curl -s --max-time 300 -H 'Accept: text/tab-separated-values' --data-urlencode "query@$work/count.rq" "$endpoint" |
    tail -n +2 | tr -d '"' > "$work/counted.tsv"
python3 - "$work" "$union_graph" "$union_triples" "$ontology_graph" "$ontology_quads" "$corpus_graph" "$corpus_quads" <<'PY' | tee -a "$work/summary.txt"
import sys
work, union, union_n, ontology, ontology_n, corpus, corpus_n = sys.argv[1:]
expected = {g: int(n) for g, n in (l.split("\t") for l in open(f"{work}/graphs.tsv").read().split("\n") if l)}
expected[union] = int(union_n)
expected[ontology] = int(ontology_n)
if int(corpus_n):
    expected[corpus] = int(corpus_n)
counted = {}
for line in open(f"{work}/counted.tsv"):
    parts = line.rstrip("\n").split("\t")
    if len(parts) == 2:
        counted[parts[0].strip("<>")] = int(parts[1])
wrong = [g for g, n in expected.items() if counted.get(g) != n]
stray = [g for g in counted if g.startswith("urn:newsgraph:no-graph")]
print(f"counted: {len(expected) - len(wrong)} of {len(expected)} graphs hold as many quads as exported"
      + (f"; differing: {', '.join(wrong[:5])}" if wrong else "") + (" ; quads without a graph!" if stray else ""))
PY

# ---------------------------------------------------------------------------------------------
# 5. The saved questions

# The person in most articles, for the evidence question where Ding Hongwei is not in them.
"$newsgraph" entities "${facts[@]}" > "$work/entities.tsv" 2>/dev/null
widest_person=$(awk -F'\t' 'NR > 1 && $2 == "person" { print split($4, a, " "), $1 }' "$work/entities.tsv" |
    sort -k1,1nr -k2 | awk 'NR == 1 {print $2}')
has_ding=$(awk -F'\t' '$1 == "ding-hongwei"' "$work/entities.tsv")

rows() { python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["results"]["bindings"]))' "$1" 2>/dev/null || echo -; }
printf 'question\tbinding\tnewsgraph_rows\tvirtuoso_rows\tnewsgraph_s\tvirtuoso_s\tvirtuoso_again_s\tverdict\n' > "$work/summary.tsv"
for q in queries/*.rq; do
    n=$(basename "$q" .rq)
    out=$work/results/$n
    # A value to give, from the question's own comments: "--bind NAME=VALUE".
    bind=$(grep -o -m1 -- '--bind [A-Za-z_]*=[^` ]*' "$q" | sed 's/^--bind //' || true)
    if [ "$n" = evidence ] && [ -z "$has_ding" ] && [ -n "$widest_person" ]; then
        bind="entity=person:$widest_person"
    fi
    bind_args=()
    [ -n "$bind" ] && bind_args=(--bind "$bind")
    python3 benches/bind_values.py "$q" "$bind" > "$out.virtuoso.rq"
    started=$(now)
    if timeout $((query_timeout + 30)) "$newsgraph" query --file "$q" "${fact_args[@]}" "${bind_args[@]}" \
        --format json --timeout "$query_timeout" > "$out.newsgraph.json" 2> "$out.newsgraph.err"; then
        ng_ok=1
    else
        ng_ok=0
    fi
    ng_seconds=$(since "$started")
    read -r code v_seconds < <(sparql "$out.virtuoso.rq" "$out.virtuoso.json" $((query_timeout + 30)))
    read -r _ v_again < <(sparql "$out.virtuoso.rq" "$out.virtuoso-again.json" $((query_timeout + 30)))
    ng_rows=$(rows "$out.newsgraph.json")
    v_rows=$(rows "$out.virtuoso.json")
    if [ "$ng_ok" != 1 ]; then
        verdict="newsgraph failed: $(head -1 "$out.newsgraph.err")"
    elif [ "$code" != 200 ]; then
        verdict="virtuoso error (HTTP $code): $(grep -m1 -v '^\s*$' "$out.virtuoso.json" 2>/dev/null | cut -c1-300)"
    elif grep -qi '^X-SQL-State: *S1TAT' "$out.virtuoso.json.headers"; then
        verdict="virtuoso timed out after $query_timeout s (partial answer)"
    else
        python3 benches/virtuoso_compare.py "$out.newsgraph.json" "$out.virtuoso.json" --name "$n" --unordered-concat \
            > "$out.compare" || true
        verdict=$(head -1 "$out.compare" | sed "s/^$n: //")
        # Virtuoso answers the same question differently now and then (cainiao-alibaba has
        # lacked two rows on about one run in eight, at one thread or two per query): its second
        # answer is compared too, and an agreement there says that the first one differed.
        if [[ "$verdict" != equal* ]] && ! grep -qi '^X-SQL-State: *S1TAT' "$out.virtuoso-again.json.headers"; then
            python3 benches/virtuoso_compare.py "$out.newsgraph.json" "$out.virtuoso-again.json" --name "$n" \
                --unordered-concat > "$out.compare-again" || true
            again=$(head -1 "$out.compare-again" | sed "s/^$n: //")
            if [[ "$again" == equal* ]]; then
                verdict="$again on Virtuoso's second run; its first differed ($verdict)"
            fi
        fi
    fi
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$n" "${bind:--}" "$ng_rows" "$v_rows" "$ng_seconds" "$v_seconds" "$v_again" "$verdict" \
        >> "$work/summary.tsv"
    printf '%-24s %-8s %-8s %s\n' "$n" "$ng_rows" "$v_rows" "$verdict" >&2
done

say "load average now: $(cut -d' ' -f1-3 /proc/loadavg)"
say "== questions (rows newsgraph / virtuoso, seconds newsgraph / virtuoso first run / again, verdict)"
awk -F'\t' 'NR > 1 { printf "%-22s %6s %6s %7.2f %7.2f %7.2f  %s\n", $1, $3, $4, $5, $6, $7, $8 }' "$work/summary.tsv" |
    tee -a "$work/summary.txt"
stop_virtuoso
# What agrees: "equal", "equal after normalising" (booleans as 1/0, numbers by value) and
# "equal once the items of each concatenated value are sorted" are the same rows.
awk -F'\t' 'NR > 1 { n++; if ($8 ~ /^equal/) same++; else { differ++; names = names " " $1 }
        if ($8 ~ /^equal after normalising/) normalised++; if ($8 ~ /^equal once/) sorted++
        if ($8 ~ /second run/) { varied++; vnames = vnames " " $1 } }
    END { printf "same rows: %d of %d questions (%d after normalising, %d once concatenated items are sorted); different: %d%s\n",
        same, n, normalised, sorted, differ, differ ? ":" names : ""
        if (varied) printf "VIRTUOSO VARIED: its first answer differed and its second agreed on %d:%s\n", varied, vnames }' \
    "$work/summary.tsv" | tee -a "$work/summary.txt"
if [ "$check" = 1 ] && awk -F'\t' 'NR > 1 && $8 !~ /^equal/ { found = 1 } END { exit !found }' "$work/summary.tsv"; then
    echo "virtuoso.sh --check: some saved questions are answered otherwise by Virtuoso ($work/results/)" >&2
    exit 1
fi
