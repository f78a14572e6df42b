"""The outside judge of newsgraph's non-RDF exports and query results.

    graph_check.py graphml FILE        networkx reads the GraphML; prints nodes, edges, edge list
    graph_check.py neo4j DIR           reads nodes.csv and relationships.csv as Neo4j's importer would
    graph_check.py results-json FILE   checks SPARQL 1.1 Query Results JSON structure
    graph_check.py results-xml FILE    checks SPARQL Query Results XML structure

Prints one JSON object; exits non-zero with a message when the input is wrong.
"""

import csv
import json
import os
import sys
import xml.etree.ElementTree as ET

import networkx


def graphml(path):
    graph = networkx.read_graphml(path, force_multigraph=True)
    edges = [
        [source, target, data.get("predicate", ""), data.get("current", "")]
        for source, target, data in graph.edges(data=True)
    ]
    people = sorted(
        data["label"] for _, data in graph.nodes(data=True) if "foaf:Person" in data.get("types", "").split()
    )
    return {"nodes": graph.number_of_nodes(), "edges": graph.number_of_edges(), "edge_list": edges, "people": people}


def neo4j(directory):
    with open(os.path.join(directory, "nodes.csv"), newline="", encoding="utf-8") as f:
        nodes = list(csv.reader(f))
    with open(os.path.join(directory, "relationships.csv"), newline="", encoding="utf-8") as f:
        relationships = list(csv.reader(f))
    node_header, rel_header = nodes[0], relationships[0]
    assert node_header[0].endswith(":ID") and ":LABEL" in node_header, node_header
    assert rel_header[:3] == [":START_ID", ":END_ID", ":TYPE"], rel_header
    ids = [row[0] for row in nodes[1:]]
    assert len(ids) == len(set(ids)), "node ids are not unique"
    known = set(ids)
    dangling = [row[:2] for row in relationships[1:] if row[0] not in known or row[1] not in known]
    widths = {len(row) for row in nodes} | {-1}
    rel_widths = {len(row) for row in relationships} | {-1}
    assert len(widths) == 2 and len(rel_widths) == 2, "rows of unequal width"
    types = sorted({row[2] for row in relationships[1:]})
    return {"nodes": len(ids), "relationships": len(relationships) - 1, "dangling": dangling, "types": types}


def results_json(path):
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    variables = doc["head"]["vars"]
    assert isinstance(variables, list) and all(isinstance(v, str) for v in variables)
    bindings = doc["results"]["bindings"]
    for binding in bindings:
        for name, term in binding.items():
            assert name in variables, name
            assert term["type"] in ("uri", "literal", "bnode", "typed-literal"), term
            assert isinstance(term["value"], str), term
            assert set(term) <= {"type", "value", "datatype", "xml:lang"}, term
    return {"vars": variables, "rows": len(bindings)}


def results_xml(path):
    ns = "{http://www.w3.org/2005/sparql-results#}"
    root = ET.parse(path).getroot()
    assert root.tag == ns + "sparql", root.tag
    variables = [v.get("name") for v in root.find(ns + "head").findall(ns + "variable")]
    results = root.find(ns + "results").findall(ns + "result")
    for result in results:
        for binding in result.findall(ns + "binding"):
            assert binding.get("name") in variables
            assert len(binding) == 1 and binding[0].tag in (ns + "uri", ns + "literal", ns + "bnode")
    return {"vars": variables, "rows": len(results)}


def main():
    command, path = sys.argv[1:3]
    checks = {"graphml": graphml, "neo4j": neo4j, "results-json": results_json, "results-xml": results_xml}
    print(json.dumps(checks[command](path), ensure_ascii=False))


if __name__ == "__main__":
    main()
