"""The outside judge of newsgraph's data model: validates exports with pySHACL.

    shacl_check.py SHAPES ONTOLOGY FILE FORMAT [FILE FORMAT...]

Each file is parsed with rdflib (datasets merged into one graph) and validated against the
shapes, with the ontology's subclasses inferred (RDFS). Prints one line per file, "FILE:
conforms" or "FILE: does not conform", then one line per result of a file that does not:
"  SHAPE FOCUS MESSAGE", SHAPE being the named shape the result comes from. Exits 1 when any
file does not conform.
"""

import sys

import pyshacl
import rdflib
from rdflib.namespace import SH


def load(path, fmt):
    if fmt in ("trig", "nquads", "json-ld"):
        dataset = rdflib.Dataset()
        dataset.parse(path, format=fmt)
        graph = rdflib.Graph()
        for s, p, o, _ in dataset.quads((None, None, None, None)):
            graph.add((s, p, o))
        return graph
    graph = rdflib.Graph()
    graph.parse(path, format=fmt)
    return graph


def named_shape(shapes, shape):
    """The named shape a (possibly blank, nested) shape belongs to."""
    seen = set()
    while isinstance(shape, rdflib.BNode) and shape not in seen:
        seen.add(shape)
        parents = [s for s, p, _ in shapes.triples((None, None, shape))]
        if not parents:
            break
        shape = parents[0]
    return shape


def main():
    shapes = rdflib.Graph().parse(sys.argv[1], format="turtle")
    ontology = rdflib.Graph().parse(sys.argv[2], format="turtle")
    files = sys.argv[3:]
    failed = False
    for path, fmt in zip(files[::2], files[1::2]):
        conforms, report, _ = pyshacl.validate(
            load(path, fmt),
            shacl_graph=shapes,
            ont_graph=ontology,
            inference="rdfs",
        )
        if conforms:
            print(f"{path}: conforms")
            continue
        failed = True
        print(f"{path}: does not conform")
        lines = set()
        for result in report.subjects(SH.resultSeverity, None):
            shape = named_shape(shapes, report.value(result, SH.sourceShape))
            focus = report.value(result, SH.focusNode)
            message = report.value(result, SH.resultMessage)
            lines.add(f"  {shape} {focus} {message}")
        for line in sorted(lines):
            print(line)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
