# Sourced by benches/scale.sh and benches/large_article.sh: `measure` runs one command under
# /usr/bin/time -v and appends a row to "$tsv" (and stdout): copies, facts MB, step,
# wall-clock seconds, maximum resident set size in MB.

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
