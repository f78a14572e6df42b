#!/usr/bin/env python3
"""Writes a synthetic corpus: N facts files shaped like the Cainiao article, with shared entities.

    benches/generate_corpus.py N OUTDIR

Article k (0 <= k < N) is the Cainiao facts file (data/articles/cainiao-restructuring.toml, the
corpus's one full-length article) under the article id `cainiao-restructuring-aK`. The ids the
real corpus shares between articles (every id declared in two or more of data/articles/*.toml:
cainiao, alibaba, lin-wan, the restructuring...) are kept, so every article speaks of the same
entities, as the articles of one story do; every other record id `x` becomes `x-aK`, so each
article also has records of its own. Without the article text, quotes carry no positions.
Deterministic: the same N gives the same files, byte for byte.
"""

import re
import sys
import tomllib
from pathlib import Path

ARTICLES = Path(__file__).resolve().parent.parent / "data/articles"
SEED = ARTICLES / "cainiao-restructuring.toml"


def record_ids(text: str) -> set[str]:
    return {
        record["id"]
        for records in tomllib.loads(text).values()
        if isinstance(records, list)
        for record in records
    }


def main() -> None:
    count, out = int(sys.argv[1]), Path(sys.argv[2])
    out.mkdir(parents=True, exist_ok=True)
    seen: dict[str, int] = {}
    for path in sorted(ARTICLES.glob("*.toml")):
        for id in record_ids(path.read_text(encoding="utf-8")):
            seen[id] = seen.get(id, 0) + 1
    shared = {id for id, n in seen.items() if n >= 2}
    text = SEED.read_text(encoding="utf-8")
    article_id = tomllib.loads(text)["article"]["id"]
    own = record_ids(text) - shared
    quoted = re.compile(r'"(%s)"' % "|".join(sorted(map(re.escape, own | {article_id}), key=len, reverse=True)))
    lines = text.splitlines(keepends=True)
    for k in range(count):
        suffix = f"-a{k}"
        with (out / f"{article_id}{suffix}.toml").open("w", encoding="utf-8") as f:
            for line in lines:
                # `kind` values are words of the format, even where a record id is the same word.
                if not line.startswith("kind ="):
                    line = quoted.sub(lambda m: f'"{m.group(1)}{suffix}"', line)
                f.write(line)
    print(f"{count} facts files in {out} ({len(shared & record_ids(text))} shared ids, "
          f"{len(own)} own ids each)", file=sys.stderr)


if __name__ == "__main__":
    main()
