"""The reference side of newsgraph's benchmark: rdflib on the same data.

`cargo bench --bench pipeline` writes the Cainiao article's Turtle export to
target/bench/cainiao.ttl. This script times rdflib parsing it into a plain Graph,
serializing that graph as Turtle and as N-Triples, and answering every saved question of
queries/*.rq over it (their sum, and reporting-lines alone), so that scripts/bench.sh can
set the figures beside Oxigraph's.

Output is the Rust benchmark's: one line per measurement,
name<TAB>median_us<TAB>min_us<TAB>iterations, and lines starting with `#` for facts about
the data (versions, triple and row counts).

Unlike newsgraph's store, the Turtle holds only the article's graph, not the ontology, so a
question that reads class labels from the ontology (timeline) may give other rows here.
"""

import argparse
import platform
import sys
import time
from pathlib import Path

import rdflib

# Same sampling rules as benches/pipeline.rs: up to WARM_UP untimed runs (fewer if they
# outlast the budget), then at least MIN_ITERATIONS timed ones, more until the budget is spent.
MIN_ITERATIONS = 10
MAX_ITERATIONS = 10_000
WARM_UP = 3
SINGLE_QUERY = "reporting-lines"


def measure(name, step, budget, filters):
    """Times `step` as the Rust benchmark does and prints its line."""
    if filters and not any(f in name for f in filters):
        return
    warm_up_started = time.perf_counter_ns()
    for _ in range(WARM_UP):
        step()
        if time.perf_counter_ns() - warm_up_started > budget * 1e9:
            break
    samples = []
    started = time.perf_counter_ns()
    while len(samples) < MIN_ITERATIONS or (
        len(samples) < MAX_ITERATIONS
        and time.perf_counter_ns() - started < budget * 1e9
    ):
        begin = time.perf_counter_ns()
        step()
        samples.append(time.perf_counter_ns() - begin)
    samples.sort()
    median = samples[len(samples) // 2]
    print(f"{name}\t{median / 1e3:.1f}\t{samples[0] / 1e3:.1f}\t{len(samples)}", flush=True)


def parse(turtle):
    """A plain rdflib Graph holding the Turtle document."""
    graph = rdflib.Graph()
    graph.parse(data=turtle, format="turtle")
    return graph


def run_query(graph, sparql):
    """Answers a query and reads every result; returns how many there were."""
    result = graph.query(sparql)
    if result.type == "ASK":
        return 1
    return len(list(result))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    root = Path(__file__).resolve().parent.parent
    parser.add_argument("--turtle", type=Path, default=root / "target/bench/cainiao.ttl")
    parser.add_argument("--queries", type=Path, default=root / "queries")
    parser.add_argument("--seconds", type=float, default=2.0,
                        help="time spent sampling each step (default 2)")
    parser.add_argument("filters", nargs="*",
                        help="run only the measurements whose names contain one of these")
    args = parser.parse_args()

    turtle = args.turtle.read_bytes()
    queries = {p.stem: p.read_text(encoding="utf-8")
               for p in sorted(args.queries.glob("*.rq"))}
    if SINGLE_QUERY not in queries:
        sys.exit(f"no {SINGLE_QUERY}.rq in {args.queries}")

    graph = parse(turtle)
    print(f"# version\tpython\t{platform.python_version()}")
    print(f"# version\trdflib\t{rdflib.__version__}")
    print(f"# triples\tturtle\t{len(graph)}")
    for name, sparql in queries.items():
        print(f"# rows\t{name}\t{run_query(graph, sparql)}")

    def all_queries():
        return sum(run_query(graph, sparql) for sparql in queries.values())

    budget, filters = args.seconds, args.filters
    measure("parse-turtle", lambda: parse(turtle), budget, filters)
    measure("serialize-turtle",
            lambda: graph.serialize(format="turtle", encoding="utf-8"), budget, filters)
    measure("serialize-ntriples",
            lambda: graph.serialize(format="nt", encoding="utf-8"), budget, filters)
    measure("queries-all", all_queries, budget, filters)
    measure(f"query-{SINGLE_QUERY}",
            lambda: run_query(graph, queries[SINGLE_QUERY]), budget, filters)


if __name__ == "__main__":
    main()
