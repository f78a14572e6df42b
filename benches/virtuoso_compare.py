#!/usr/bin/env python3
"""Compares two answers to one SPARQL SELECT query as multisets of rows.

    benches/virtuoso_compare.py EXPECTED ACTUAL [--name NAME] [--strict] [--quiet] [--unordered-concat]

EXPECTED and ACTUAL are SPARQL results in JSON (application/sparql-results+json, also the
older "typed-literal" form Virtuoso writes), XML or CSV/TSV (`newsgraph query --format
json|xml|csv|tsv`, or what an endpoint returns); the format is read from the content, TSV
from a .tsv name. Rows are compared as multisets, whatever their order, by variable name.

Terms are compared in two steps:

1. as RDF terms: IRIs by their text, blank nodes as equal to any blank node, literals by
   lexical form, datatype and language tag (tags ignoring case; a plain literal is an
   xsd:string);
2. if that finds a difference, after normalising: numbers (xsd:integer, decimal, double and
   their kin) by value, so "16", "16.0" and "1.6E1" are one; booleans as 1 and 0, since
   some engines answer `EXISTS` with an integer; other datatypes and language tags left out,
   so "2013"^^xsd:gYear and "2013" are one.

When one side is CSV or TSV, which keep neither datatypes nor the difference between an IRI
and a string, both are compared as the text CSV gives (an unbound value as the empty
string), normalised as in step 2.

Prints one line, `NAME: equal (R rows)`, `NAME: equal after normalising (…)` naming what
had to be normalised, or `NAME: different` with the counts and up to five rows found on
one side only, each side's rows written as `?var=term` pairs. If the rows differ only in
the order of the items of a concatenated value (GROUP_CONCAT with ", " or " | "), it says
so; SPARQL leaves that order to the engine, and --unordered-concat counts such rows as equal.
Exit status: 0 when equal (after normalising, unless --strict), 1 when different, 2 when an
answer cannot be read.
"""

import argparse
import csv
import io
import json
import re
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from decimal import Decimal, InvalidOperation
from pathlib import Path

XSD = "http://www.w3.org/2001/XMLSchema#"
STRING = XSD + "string"
NUMERIC = {XSD + t for t in (
    "integer", "decimal", "double", "float", "int", "long", "short", "byte", "nonNegativeInteger",
    "positiveInteger", "nonPositiveInteger", "negativeInteger", "unsignedLong", "unsignedInt",
    "unsignedShort", "unsignedByte")}
BOOLEAN = XSD + "boolean"
NUMBER = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?")
# The separators of concatenated values, the wider first: the items of a " | " list may hold
# ", " themselves (article titles, quotes), those of a ", " list hold no " | ".
SPLITS = (" | ", ", ")


class Answer:
    """Variables and rows; a term is ('iri', text), ('bnode',), ('literal', lex, datatype,
    lang), ('text', value) for a CSV cell, or None when unbound."""

    def __init__(self, variables: list[str], rows: list[dict], textual: bool) -> None:
        self.variables = variables
        self.rows = rows
        self.textual = textual


def json_term(cell: dict | None):
    if cell is None:
        return None
    kind = cell.get("type")
    if kind == "uri":
        return ("iri", cell["value"])
    if kind == "bnode":
        return ("bnode",)
    if kind in ("literal", "typed-literal"):
        lang = cell.get("xml:lang") or cell.get("lang")
        return ("literal", cell["value"], cell.get("datatype") or (None if lang else STRING), lang)
    raise ValueError(f"unknown term type {kind!r}")


def read(path: Path) -> Answer:
    text = path.read_text(encoding="utf-8")
    stripped = text.lstrip()
    if stripped.startswith("{"):
        data = json.loads(text)
        if "boolean" in data:
            return Answer(["boolean"], [{"boolean": ("literal", str(data["boolean"]).lower(), BOOLEAN, None)}], False)
        variables = data["head"].get("vars", [])
        rows = [{v: json_term(b.get(v)) for v in variables} for b in data["results"]["bindings"]]
        return Answer(variables, rows, False)
    if stripped.startswith("<"):
        ns = {"s": "http://www.w3.org/2005/sparql-results#"}
        root = ET.fromstring(text)
        variables = [v.get("name") for v in root.findall("s:head/s:variable", ns)]
        rows = []
        for result in root.findall("s:results/s:result", ns):
            row = {v: None for v in variables}
            for binding in result.findall("s:binding", ns):
                node = binding[0]
                tag = node.tag.split("}")[1]
                if tag == "uri":
                    row[binding.get("name")] = ("iri", node.text or "")
                elif tag == "bnode":
                    row[binding.get("name")] = ("bnode",)
                else:
                    lang = node.get("{http://www.w3.org/XML/1998/namespace}lang")
                    row[binding.get("name")] = ("literal", node.text or "", node.get("datatype") or (None if lang else STRING), lang)
            rows.append(row)
        return Answer(variables, rows, False)
    if path.suffix == ".tsv":
        lines = text.splitlines()
        variables = [v.lstrip("?") for v in lines[0].split("\t")] if lines else []
        rows = [{v: ("text", tsv_text(c)) if c else None for v, c in zip(variables, line.split("\t"))} for line in lines[1:]]
        return Answer(variables, rows, True)
    reader = csv.reader(io.StringIO(text))
    table = list(reader)
    variables = table[0] if table else []
    rows = [{v: ("text", c) for v, c in zip(variables, line)} for line in table[1:]]
    return Answer(variables, rows, True)


def tsv_text(cell: str) -> str:
    """A TSV cell (a term in Turtle syntax) as CSV writes it."""
    if cell.startswith("<") and cell.endswith(">"):
        return cell[1:-1]
    m = re.fullmatch(r'"(.*)"(?:@[\w-]+|\^\^.*)?', cell, re.S)
    if m:
        return m.group(1).replace('\\"', '"').replace("\\n", "\n").replace("\\t", "\t").replace("\\\\", "\\")
    return cell


def as_text(term) -> str:
    if term is None:
        return ""
    if term[0] in ("iri", "text"):
        return term[1]
    if term[0] == "bnode":
        return "_:"
    return term[1]


def number(lexical: str) -> Decimal | None:
    if not NUMBER.fullmatch(lexical.strip()):
        return None
    try:
        value = Decimal(lexical.strip())
    except InvalidOperation:
        return None
    return value.normalize() if value else Decimal(0)


def strict_key(term, textual: bool):
    if textual:
        return as_text(term)
    if term is None or term[0] != "literal":
        return term
    _, lex, datatype, lang = term
    return ("literal", lex, datatype, lang.lower() if lang else None)


def loose_key(term, textual: bool, fired: set[str]):
    """The normalised form of a term, noting in `fired` which normalisation changed it."""
    if textual or (term is not None and term[0] == "text"):
        text = as_text(term)
        if text in ("true", "false"):
            return ("number", Decimal(1 if text == "true" else 0))
        value = number(text)
        return ("number", value) if value is not None else ("text", text)
    if term is None or term[0] != "literal":
        return term
    _, lex, datatype, lang = term
    if datatype in NUMERIC:
        value = number(lex)
        if value is not None:
            if lex.strip() != str(value) or datatype != XSD + "integer":
                fired.add("number formats and types")
            return ("number", value)
    if datatype == BOOLEAN:
        fired.add("booleans as 1/0")
        return ("number", Decimal(1 if lex in ("true", "1") else 0))
    if lang:
        fired.add("language tags")
    elif datatype not in (None, STRING):
        fired.add(f"datatype {short(datatype)}")
    return ("literal", lex)


def short(iri: str) -> str:
    return "xsd:" + iri[len(XSD):] if iri.startswith(XSD) else f"<{iri}>"


def show(term) -> str:
    if term is None:
        return "(unbound)"
    if term[0] == "iri":
        return f"<{term[1]}>"
    if term[0] == "bnode":
        return "_:b"
    if term[0] == "text":
        return json.dumps(term[1], ensure_ascii=False)
    _, lex, datatype, lang = term
    suffix = f"@{lang}" if lang else ("" if datatype in (None, STRING) else f"^^{short(datatype)}")
    return json.dumps(lex, ensure_ascii=False) + suffix


def row_text(variables: list[str], row: dict) -> str:
    text = " ".join(f"?{v}={show(row.get(v))}" for v in variables)
    return text if len(text) <= 400 else text[:400] + "…"


def bag(answer: Answer, variables: list[str], key) -> Counter:
    return Counter(tuple(key(row.get(v)) for v in variables) for row in answer.rows)


def unordered(key):
    """A key that also sorts the items of a concatenated value."""
    def sort_items(term):
        k = key(term)
        if isinstance(k, tuple) and k and k[0] in ("literal", "text") and isinstance(k[1], str):
            for sep in SPLITS:
                if sep in k[1]:
                    return (k[0], sep.join(sorted(k[1].split(sep))))
        return k
    return sort_items


def compare(expected: Answer, actual: Answer, name: str, strict: bool, quiet: bool, unordered_concat: bool = False) -> int:
    if set(expected.variables) != set(actual.variables):
        print(f"{name}: different: variables {expected.variables} against {actual.variables}")
        return 1
    variables = expected.variables
    textual = expected.textual or actual.textual
    rows = len(expected.rows)
    exact = bag(expected, variables, lambda t: strict_key(t, textual))
    got = bag(actual, variables, lambda t: strict_key(t, textual))
    if exact == got and not textual:
        print(f"{name}: equal ({rows} rows)")
        return 0
    fired: set[str] = set()
    loose = bag(expected, variables, lambda t: loose_key(t, textual, fired))
    loose_got = bag(actual, variables, lambda t: loose_key(t, textual, fired))
    if loose == loose_got:
        if textual:
            print(f"{name}: equal as text ({rows} rows)")
        else:
            print(f"{name}: equal after normalising {', '.join(sorted(fired)) or 'nothing'} ({rows} rows)")
        return 1 if strict and not textual else 0
    only_expected = loose - loose_got
    only_actual = loose_got - loose
    sorted_key = unordered(lambda t: loose_key(t, textual, set()))
    order_only = bag(expected, variables, sorted_key) == bag(actual, variables, sorted_key)
    if order_only and unordered_concat:
        print(f"{name}: equal once the items of each concatenated value are sorted ({rows} rows)")
        return 0
    print(f"{name}: different: {len(expected.rows)} rows against {len(actual.rows)}; "
          f"{sum(only_expected.values())} only in the first, {sum(only_actual.values())} only in the second")
    if order_only:
        print("  the same once the items of each concatenated value are sorted: only their order differs")
    if not quiet:
        for label, answer, other in (("first only", expected, loose_got), ("second only", actual, loose)):
            shown = 0
            left = Counter(other)
            for row in answer.rows:
                k = tuple(loose_key(row.get(v), textual, set()) for v in variables)
                if left[k] > 0:
                    left[k] -= 1
                    continue
                print(f"  {label}: {row_text(variables, row)}")
                shown += 1
                if shown == 5:
                    break
    return 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("expected", type=Path)
    parser.add_argument("actual", type=Path)
    parser.add_argument("--name", default=None, help="what to call the question in the output")
    parser.add_argument("--strict", action="store_true", help="a difference in datatypes or number formats fails")
    parser.add_argument("--quiet", action="store_true", help="no example rows")
    parser.add_argument("--unordered-concat", action="store_true",
                        help="rows that differ only in the order of concatenated items are equal")
    args = parser.parse_args()
    try:
        expected, actual = read(args.expected), read(args.actual)
    except (OSError, ValueError, KeyError, ET.ParseError, json.JSONDecodeError) as error:
        print(f"{args.name or args.expected}: cannot read an answer: {error}", file=sys.stderr)
        sys.exit(2)
    sys.exit(compare(expected, actual, args.name or args.expected.stem, args.strict, args.quiet,
                     args.unordered_concat))


if __name__ == "__main__":
    main()
