# Installs the outside tools newsgraph's output is judged with, for scripts/test.sh and
# scripts/bench.sh (source it, then call install_outside_tools): raptor's `rapper`, Graphviz
# and Node.js from Debian packages, rdflib, networkx, igraph and pySHACL in a Python venv under
# target/py, and jsonld.js (the exact versions of tests/tools/package-lock.json) under
# target/js. Sets NEWSGRAPH_PYTHON to that venv's interpreter and NEWSGRAPH_NODE_MODULES to
# that node_modules.

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

apt_install() {
    echo "installing $*" >&2
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

install_outside_tools() {
    local packages=()
    command -v rapper >/dev/null || packages+=(raptor2-utils)
    command -v dot >/dev/null || packages+=(graphviz)
    command -v python3 >/dev/null || packages+=(python3 python3-venv)
    command -v node >/dev/null || packages+=(nodejs)
    command -v npm >/dev/null || packages+=(npm)
    if [ ${#packages[@]} -gt 0 ]; then
        apt_install "${packages[@]}"
    fi

    local venv=target/py
    if ! "$venv/bin/python" -c 'import rdflib, networkx, igraph, pyshacl' 2>/dev/null; then
        echo "installing rdflib, networkx, igraph and pySHACL into $venv" >&2
        rm -rf "$venv"
        if ! python3 -m venv "$venv" 2>/dev/null; then
            apt_install python3-venv
            python3 -m venv "$venv"
        fi
        "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r tests/tools/requirements.txt
    fi
    export NEWSGRAPH_PYTHON="$PWD/$venv/bin/python"

    local js=target/js
    if ! cmp -s tests/tools/package-lock.json "$js/package-lock.json" \
        || [ ! -d "$js/node_modules/jsonld" ]; then
        echo "installing jsonld.js into $js" >&2
        rm -rf "$js"
        mkdir -p "$js"
        cp tests/tools/package.json tests/tools/package-lock.json "$js/"
        (cd "$js" && npm ci --silent --no-audit --no-fund)
    fi
    export NEWSGRAPH_NODE_MODULES="$PWD/$js/node_modules"
}
