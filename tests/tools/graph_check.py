"""The outside judge of newsgraph's non-RDF exports and query results.

    graph_check.py graphml FILE        networkx reads the GraphML; prints nodes, edges, edge list,
                                       every node's attributes (JSON arrays decoded)
    graph_check.py igraph FILE         igraph reads the GraphML; prints the same counts and types
    graph_check.py svg FILE            the texts of an SVG that Graphviz rendered, as a list
    graph_check.py neo4j DIR           reads nodes.csv and relationships.csv as Neo4j's importer
                                       would: typed header columns, empty cells as no value,
                                       quoted "" as an empty string, lists split on U+001F
    graph_check.py results-json FILE   checks SPARQL 1.1 Query Results JSON structure
    graph_check.py results-xml FILE    checks SPARQL Query Results XML structure

Prints one JSON object; exits non-zero with a message when the input is wrong.
"""

import json
import os
import sys
import xml.etree.ElementTree as ET

import networkx

GRAPHML = "{http://graphml.graphdrawing.org/xmlns}"


def graphml(path):
    graph = networkx.read_graphml(path, force_multigraph=True)
    lists = set()
    for key in ET.parse(path).getroot().iter(GRAPHML + "key"):
        desc = key.find(GRAPHML + "desc")
        if desc is not None and "JSON array" in (desc.text or ""):
            lists.add(key.get("attr.name"))
    edges = [
        [source, target, data.get("predicate", ""), data.get("current", "")]
        for source, target, data in graph.edges(data=True)
    ]
    people = sorted(
        data["label"] for _, data in graph.nodes(data=True) if "foaf:Person" in data.get("types", "").split()
    )
    nodes = {
        node: {key: json.loads(value) if key in lists else value for key, value in data.items()}
        for node, data in graph.nodes(data=True)
    }
    value_types = sorted(
        {f"{key}:{type(value).__name__}" for _, data in graph.nodes(data=True) for key, value in data.items()}
        | {f"{key}:{type(value).__name__}" for _, _, data in graph.edges(data=True) for key, value in data.items()}
    )
    return {
        "nodes": graph.number_of_nodes(),
        "edges": graph.number_of_edges(),
        "edge_list": edges,
        "people": people,
        "node_data": nodes,
        "value_types": value_types,
    }


def igraph_check(path):
    import igraph

    graph = igraph.Graph.Read_GraphML(path)
    current = sorted({type(value).__name__ for value in graph.es["current"] if value is not None})
    return {
        "nodes": graph.vcount(),
        "edges": graph.ecount(),
        "current_types": current,
        "labels": sorted(graph.vs["label"]),
    }


def svg(path):
    root = ET.parse(path).getroot()
    texts = ["".join(element.itertext()) for element in root.iter("{http://www.w3.org/2000/svg}text")]
    return {"texts": texts}


def csv_cells(path):
    """RFC 4180 rows of (value, quoted) cells, quoted fields may span lines."""
    with open(path, newline="", encoding="utf-8") as f:
        text = f.read()
    rows, row, i = [], [], 0
    while i < len(text):
        if text[i] == '"':
            value, i = [], i + 1
            while True:
                j = text.index('"', i)
                value.append(text[i:j])
                if text[j + 1 : j + 2] == '"':
                    value.append('"')
                    i = j + 2
                else:
                    i = j + 1
                    break
            row.append(("".join(value), True))
        else:
            j = i
            while j < len(text) and text[j] not in ",\n":
                j += 1
            assert '"' not in text[i:j], f"a quote inside an unquoted field at {i}"
            row.append((text[i:j], False))
            i = j
        if i >= len(text) or text[i] == "\n":
            rows.append(row)
            row = []
        elif text[i] != ",":
            raise AssertionError(f"junk after a quoted field at {i}: {text[i:i+20]!r}")
        i += 1
    return rows


NEO4J_TYPES = {"string", "int", "long", "float", "double", "boolean", "byte", "short", "char", "date", "datetime"}


def typed(value, type_name):
    if type_name == "boolean":
        assert value in ("true", "false"), value
        return value == "true"
    if type_name in ("int", "long", "byte", "short"):
        return int(value)
    if type_name in ("float", "double"):
        return float(value)
    return value


def neo4j_file(path):
    rows = csv_cells(path)
    header = [value for value, _ in rows[0]]
    columns = []
    for name in header:
        key, _, type_name = name.rpartition(":") if ":" in name else (name, "", "string")
        array = type_name.endswith("[]")
        type_name = type_name.removesuffix("[]") or "string"
        if type_name not in ("ID", "LABEL", "START_ID", "END_ID", "TYPE"):
            assert type_name in NEO4J_TYPES, f"unknown type in header {name!r}"
        columns.append((key or name, type_name, array))
    records, empty_strings = [], 0
    for row in rows[1:]:
        assert len(row) == len(header), f"row of {len(row)} cells under {len(header)} columns"
        record = {}
        for (key, type_name, array), (value, quoted) in zip(columns, row):
            if value == "" and not quoted:
                continue
            if value == "":
                empty_strings += 1
            if array or type_name == "LABEL":
                record[key] = [typed(v, type_name) for v in value.split("\x1f")]
            else:
                record[key] = typed(value, type_name)
        records.append(record)
    return header, records, empty_strings


def neo4j(directory):
    node_header, nodes, empty_nodes = neo4j_file(os.path.join(directory, "nodes.csv"))
    rel_header, relationships, empty_rels = neo4j_file(os.path.join(directory, "relationships.csv"))
    assert node_header[0].endswith(":ID") and ":LABEL" in node_header, node_header
    assert rel_header[:3] == [":START_ID", ":END_ID", ":TYPE"], rel_header
    id_key = node_header[0][: -len(":ID")]
    ids = [node[id_key] for node in nodes]
    assert len(ids) == len(set(ids)), "node ids are not unique"
    known = set(ids)
    dangling = [[r[":START_ID"], r[":END_ID"]] for r in relationships if r[":START_ID"] not in known or r[":END_ID"] not in known]
    types = sorted({r[":TYPE"] for r in relationships})
    return {
        "nodes": len(ids),
        "relationships": len(relationships),
        "dangling": dangling,
        "types": types,
        "node_header": node_header,
        "relationship_header": rel_header,
        "empty_strings": empty_nodes + empty_rels,
        "node_data": {node[id_key]: node for node in nodes},
        "relationship_data": relationships,
    }


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
    checks = {
        "graphml": graphml,
        "igraph": igraph_check,
        "svg": svg,
        "neo4j": neo4j,
        "results-json": results_json,
        "results-xml": results_xml,
    }
    print(json.dumps(checks[command](path), ensure_ascii=False))


if __name__ == "__main__":
    main()
