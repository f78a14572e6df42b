#!/usr/bin/env python3
"""Writes a synthetic facts file: the Cainiao article's records copied N times under new ids.

    benches/generate_facts.py N OUT.toml

Copy 0 is the records as they are; copy k > 0 renames every record id `x` to `x-kK` and
every reference to it, so the copies are independent articles' worth of records in one facts
file of N times the size. The article table is written once. Deterministic: the same N gives the same bytes.
"""

import re
import sys
import tomllib
from pathlib import Path

SEED = Path(__file__).resolve().parent.parent / "data/articles/cainiao-restructuring.toml"


def main() -> None:
    copies, out = int(sys.argv[1]), Path(sys.argv[2])
    text = SEED.read_text(encoding="utf-8")
    ids = set()
    for table, records in tomllib.loads(text).items():
        if isinstance(records, list):
            ids.update(record["id"] for record in records)
    start = text.index("\n[[")
    article, records = text[:start], text[start:]
    quoted_id = re.compile(r'"(%s)"' % "|".join(sorted(map(re.escape, ids), key=len, reverse=True)))
    with out.open("w", encoding="utf-8") as f:
        f.write(article)
        lines = records.splitlines(keepends=True)
        for k in range(copies):
            for line in lines:
                # `kind` values are words of the format, even where a record id is the same word.
                if k > 0 and not line.startswith("kind ="):
                    line = quoted_id.sub(lambda m: f'"{m.group(1)}-k{k}"', line)
                f.write(line)


if __name__ == "__main__":
    main()
