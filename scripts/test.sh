#!/usr/bin/env bash
# Runs newsgraph's test suite, after installing the outside tools that judge its output:
# raptor's `rapper` and Graphviz (Debian packages), rdflib and networkx (a Python venv under
# target/py). Arguments are passed on to `cargo test`.
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

packages=()
command -v rapper >/dev/null || packages+=(raptor2-utils)
command -v dot >/dev/null || packages+=(graphviz)
command -v python3 >/dev/null || packages+=(python3 python3-venv)
if [ ${#packages[@]} -gt 0 ]; then
    echo "installing ${packages[*]}" >&2
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${packages[@]}" >/dev/null
fi

venv=target/py
if ! "$venv/bin/python" -c 'import rdflib, networkx' 2>/dev/null; then
    echo "installing rdflib and networkx into $venv" >&2
    rm -rf "$venv"
    if ! python3 -m venv "$venv" 2>/dev/null; then
        as_root apt-get update -qq
        as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null
        python3 -m venv "$venv"
    fi
    "$venv/bin/pip" install --quiet --disable-pip-version-check -r tests/tools/requirements.txt
fi
export NEWSGRAPH_PYTHON="$PWD/$venv/bin/python"

cargo test --all-targets "$@"
