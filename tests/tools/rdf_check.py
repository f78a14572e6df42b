"""The outside judge of newsgraph's RDF: parses a file with rdflib and reports on it.

    rdf_check.py count FILE FORMAT          number of triples (quads for trig and nquads); JSON-LD
                                            is read into a plain rdflib.Graph, its default graph
    rdf_check.py same FILE FORMAT FILE2 FORMAT2
                                            whether two files hold the same triples (graphs
                                            merged), as JSON with the counts and differences
    rdf_check.py query FILE FORMAT QUERY [NAME=IRI...]
                                            runs a SPARQL SELECT with variables bound to IRIs,
                                            prints rows as JSON lists; every syntax is read
                                            into a Dataset, since questions may name a graph

FORMAT is rdflib's name for the syntax; `trig` and `nquads` are read into a Dataset whose
default graph is the union of its graphs, `trig-default-graph-only` into one whose default
graph is just that.
"""

import json
import sys

import rdflib


def load(path, fmt):
    if fmt.endswith("-default-graph-only"):
        fmt = fmt.removesuffix("-default-graph-only")
        graph = rdflib.Dataset(default_union=False)
    elif fmt in ("trig", "nquads"):
        graph = rdflib.Dataset(default_union=True)
    else:
        graph = rdflib.Graph()
    graph.parse(path, format=fmt)
    return graph


def triples(graph):
    if isinstance(graph, rdflib.Dataset):
        return {(s, p, o) for s, p, o, _ in graph.quads((None, None, None, None))}
    return set(graph)


def main():
    command, path, fmt = sys.argv[1:4]
    graph = load(path, fmt)
    if command == "same":
        first = triples(graph)
        second = triples(load(sys.argv[4], sys.argv[5]))
        print(json.dumps({
            "first": len(first),
            "second": len(second),
            "same": first == second,
            "only_first": sorted(str(t) for t in first - second)[:5],
            "only_second": sorted(str(t) for t in second - first)[:5],
        }, ensure_ascii=False))
    elif command == "count":
        if isinstance(graph, rdflib.Dataset):
            print(sum(1 for _ in graph.quads((None, None, None, None))))
        else:
            print(len(graph))
    elif command == "query":
        if not isinstance(graph, rdflib.Dataset):
            # Saved questions name a graph (the corpus layer's), which a plain Graph refuses to
            # query: read the file into a Dataset's default graph instead.
            graph = rdflib.Dataset(default_union=True)
            graph.parse(path, format=fmt)
        bindings = {}
        for binding in sys.argv[5:]:
            name, iri = binding.split("=", 1)
            bindings[name] = rdflib.URIRef(iri)
        with open(sys.argv[4], encoding="utf-8") as f:
            result = graph.query(f.read(), initBindings=bindings)
        for row in result:
            print(json.dumps(["" if v is None else str(v) for v in row], ensure_ascii=False))
    else:
        sys.exit(f"unknown command {command}")


if __name__ == "__main__":
    main()
