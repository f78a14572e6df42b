"""Asks `newsgraph serve` the saved questions through rdflib's SPARQLStore.

Usage: sparqlstore_check.py ENDPOINT NAME...

Reads each saved question from queries/NAME.rq, runs it through a graph backed by
rdflib.plugins.stores.sparqlstore.SPARQLStore at ENDPOINT, and prints one JSON object:
{NAME: [[value, ...], ...]}, each row's values in the query's variable order as strings, ""
where a variable is unbound.
"""

import json
import sys
from pathlib import Path

from rdflib import Graph
from rdflib.plugins.stores.sparqlstore import SPARQLStore

QUERIES = Path(__file__).resolve().parents[2] / "queries"


def main() -> None:
    endpoint, names = sys.argv[1], sys.argv[2:]
    graph = Graph(store=SPARQLStore(query_endpoint=endpoint, returnFormat="xml"))
    answers = {}
    for name in names:
        sparql = (QUERIES / f"{name}.rq").read_text(encoding="utf-8")
        result = graph.query(sparql)
        variables = [str(v) for v in result.vars]
        answers[name] = [
            ["" if row[v] is None else str(row[v]) for v in variables] for row in result
        ]
    json.dump(answers, sys.stdout)


if __name__ == "__main__":
    main()
