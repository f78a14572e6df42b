#!/usr/bin/env python3
"""What a corpus's N-Quads export holds, and how unevenly its entities are shared.

    newsgraph export --format nquads facts/*.toml | benches/corpus_stats.py [--base IRI]

Prints the quads, graphs (articles), distinct triples and distinct subjects; then, for
organizations and people (subjects under {base}organization/ and {base}person/), in how many
articles each one is described: the number of entities, how many are in 1, 2, 3-5, 6-20 and
more articles, the five most widespread, the share of all (entity, article) pairs the top 5%
of entities hold, and the slope of log(articles) against log(rank) (about -1 for a Zipf-like
spread, near 0 when every entity is in as many articles).
"""

import argparse
import math
import sys
from collections import defaultdict


def slope(values: list[int]) -> float:
    """Least-squares slope of log(value) against log(rank), ranks from 1."""
    points = [(math.log(rank), math.log(v)) for rank, v in enumerate(values, 1) if v > 0]
    if len(points) < 2:
        return 0.0
    mx = sum(x for x, _ in points) / len(points)
    my = sum(y for _, y in points) / len(points)
    sxx = sum((x - mx) ** 2 for x, _ in points)
    return sum((x - mx) * (y - my) for x, y in points) / sxx if sxx else 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base", default="https://newsgraph.example/id/")
    args = parser.parse_args()
    quads = 0
    graphs: set[str] = set()
    triples: set[int] = set()
    subjects: set[str] = set()
    articles: dict[str, dict[str, set[str]]] = {"organization": defaultdict(set), "person": defaultdict(set)}
    for line in sys.stdin:
        line = line.rstrip("\n")
        if not line or line.startswith("#"):
            continue
        quads += 1
        subject = line.split(" ", 1)[0]
        head, graph, _ = line.rsplit(" ", 2)
        graphs.add(graph)
        subjects.add(subject)
        triples.add(hash(head))
        for kind, seen in articles.items():
            if subject.startswith(f"<{args.base}{kind}/"):
                seen[subject].add(graph)
    print(f"quads {quads}, graphs {len(graphs)}, distinct triples {len(triples)}, "
          f"distinct subjects {len(subjects)}")
    for kind, seen in articles.items():
        counts = sorted((len(g) for g in seen.values()), reverse=True)
        if not counts:
            continue
        buckets = [("1", 1, 1), ("2", 2, 2), ("3-5", 3, 5), ("6-20", 6, 20), (">20", 21, 10**9)]
        spread = ", ".join(f"{name}: {sum(lo <= c <= hi for c in counts)}" for name, lo, hi in buckets)
        top = sorted(seen.items(), key=lambda item: (-len(item[1]), item[0]))[:5]
        top_text = ", ".join(f"{iri.rsplit('/', 1)[-1].rstrip('>')} {len(g)}" for iri, g in top)
        head = max(1, round(len(counts) * 0.05))
        share = sum(counts[:head]) / sum(counts)
        print(f"{kind}: {len(counts)} entities; in how many articles: {spread}; "
              f"most widespread: {top_text}; top 5% ({head}) hold {share:.0%} of "
              f"(entity, article) pairs; log-log slope {slope(counts):.2f}")


if __name__ == "__main__":
    main()
