# Installs the outside tools newsgraph's output is judged with, for scripts/test.sh and
# scripts/bench.sh (source it, then call install_outside_tools): raptor's `rapper`, Graphviz,
# Chromium and chromedriver (for the pages of `newsgraph serve`) and Node.js from Debian
# packages, rdflib, networkx, igraph, pySHACL and selenium in a Python venv under target/py,
# and jsonld.js (the exact versions of tests/tools/package-lock.json) under target/js. Sets
# NEWSGRAPH_PYTHON to that venv's interpreter and NEWSGRAPH_NODE_MODULES to that node_modules.
# install_serve_bench_tools adds what benches/serve_load.sh needs: wrk (Debian) and the
# reference server, the `oxigraph` CLI from PyPI, in a venv under target/oxigraph-venv.

# Build scripts send the output of their compiler probes to /dev/null, and cargo gives rustc
# /dev/null as the input of its own probe. Where /dev/null has become a regular file, the second
# reads what the first wrote and cargo stops with "failed to run `rustc` to learn about
# target-specific information". Put the null device back, or at least empty the file.
ensure_dev_null() {
    [ -c /dev/null ] && return 0
    echo "/dev/null is not the null device: recreating it" >&2
    if ! { as_root rm -f /dev/null && as_root mknod -m 666 /dev/null c 1 3; } 2>/dev/null; then
        echo "warning: cannot recreate /dev/null; emptying it before each cargo command" >&2
        : > /dev/null
    fi
}

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
    command -v chromium >/dev/null || packages+=(chromium)
    command -v chromedriver >/dev/null || packages+=(chromium-driver)
    command -v python3 >/dev/null || packages+=(python3 python3-venv)
    command -v node >/dev/null || packages+=(nodejs)
    command -v npm >/dev/null || packages+=(npm)
    if [ ${#packages[@]} -gt 0 ]; then
        apt_install "${packages[@]}"
    fi

    local venv=target/py
    if ! "$venv/bin/python" -c 'import rdflib, networkx, igraph, pyshacl, selenium' 2>/dev/null; then
        echo "installing rdflib, networkx, igraph, pySHACL and selenium into $venv" >&2
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

install_serve_bench_tools() {
    command -v wrk >/dev/null || apt_install wrk
    local venv=target/oxigraph-venv
    if ! "$venv/bin/oxigraph" --version >/dev/null 2>&1; then
        echo "installing the oxigraph CLI into $venv" >&2
        rm -rf "$venv"
        python3 -m venv "$venv"
        "$venv/bin/pip" install --quiet --disable-pip-version-check 'oxigraph==0.5.13'
    fi
    export OXIGRAPH_CLI="$PWD/$venv/bin/oxigraph"
}
