#!/usr/bin/env python3
"""A saved question's text with a value given to one of its variables, the way a SPARQL client
gives it: a one-row VALUES table at the top of the question's outermost WHERE.

    benches/bind_values.py QUERY.rq [NAME=VALUE]

VALUE is written as `newsgraph query --bind` takes it: `<iri>`, `kind:id` for a newsgraph
resource (person:ding-hongwei), or anything else as a string. Without NAME=VALUE the text is
printed unchanged. Used by benches/virtuoso.sh and benches/questions_warm.sh --reference.
"""
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
bind = sys.argv[2] if len(sys.argv) > 2 else ""
if bind:
    var, value = bind.split("=", 1)
    kinds = ("person", "organization", "event", "post", "place", "relation", "role", "date", "article")
    if value.startswith("<"):
        term = value
    elif ":" in value and value.split(":", 1)[0] in kinds:
        kind, local = value.split(":", 1)
        term = f"<https://newsgraph.example/id/{kind}/{local}>"
    else:
        term = '"' + value.strip('"').replace("\\", "\\\\").replace('"', '\\"') + '"'
    # The outermost WHERE: the first one outside braces, comments and strings.
    depth, i, at = 0, 0, None
    while i < len(text):
        c = text[i]
        if c == "#":
            end = text.find("\n", i)
            i = len(text) if end < 0 else end
            continue
        if c in "\"'":
            j = i + 1
            while j < len(text) and text[j] != c:
                j += 2 if text[j] == "\\" else 1
            i = j + 1
            continue
        if c == "{":
            if depth == 0 and at is None and re.search(r"WHERE\s*$", text[:i], re.I):
                at = i + 1
            depth += 1
        elif c == "}":
            depth -= 1
        i += 1
    if at is None:
        sys.exit(f"no WHERE in {sys.argv[1]}")
    text = text[:at] + f"\n  VALUES ?{var} {{ {term} }}" + text[at:]
sys.stdout.write(text)
