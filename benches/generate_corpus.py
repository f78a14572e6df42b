#!/usr/bin/env python3
"""Writes a synthetic corpus of facts files.

    benches/generate_corpus.py N OUTDIR
    benches/generate_corpus.py N OUTDIR --stories M [--seed S] [--zipf E]

**Without --stories** (the corpus of benches/corpus.sh): N facts files shaped like the Cainiao
article. Article k (0 <= k < N) is the Cainiao facts file (data/articles/cainiao-restructuring.toml,
the corpus's one full-length article) under the article id `cainiao-restructuring-aK`. The ids the
real corpus shares between articles (every id declared in two or more of data/articles/*.toml:
cainiao, alibaba, lin-wan, the restructuring...) are kept, so every article speaks of the same
entities, as the articles of one story do; every other record id `x` becomes `x-aK`, so each
article also has records of its own. Without the article text, quotes carry no positions.
Deterministic: the same N gives the same files, byte for byte.

**With --stories M**: N articles telling M stories, closer to a real news corpus.

- Templates. Each article is one of the five real facts files of data/articles/ (210 to 1,059
  lines: the articles differ in size as those do), rewritten for its story: record ids, the
  names of companies, units, outlets and people, and every year. A story of n articles uses
  the five templates in an order of its own, repeating them when n > 5.
- Stories. Every story has at least one article; the others are spread over the stories
  unevenly (weights 1/rank^0.7), so a few stories have many articles.
- Companies shared across stories. The template's companies (Alibaba, Cainiao, Temu, JD.com)
  are slots; each story fills them from one pool of companies, drawn with Zipf-like weights
  1/rank^E (E = --zipf, 1.1 by default; no company twice in one story). The pool is the real
  Alibaba, Cainiao, JD.com and Temu at ranks 1 to 4, then generated companies (about three
  per story), so a few big companies (Alibaba first) take part in many stories and most
  companies in one or two. Of the two companies drawn for Alibaba's and Cainiao's slots, the
  higher-ranked is the group and the other its part, so that no two stories make two
  companies parts of each other. News outlets (36Kr, Reuters…) are drawn the same way from a
  pool of outlets.
- What belongs to a company (its business groups, units, teams and business lines, such as
  Taotian or Cainiao's international division) belongs to it in every story: its id and
  name are made from the owning company's (`vexora-international`, "Vexora international
  division"), or kept as they are when the real company fills its own slot.
- Posts are one resource per organization and role (`vexora-ceo`), held by whoever each
  article names. People are the story's own: generated names, and ids made from them. Events,
  artifacts and strategic dimensions are the story's own (`...-sS`); relations, claims,
  quotes, measures, services and offers are the article's own (`...-aK`), except the few the
  real corpus shares between articles. Places and the hosts of the corpus (the corpus's
  publisher, the stock exchange) stay as they are.
- Dates. Every year in a story (dates, fiscal periods, the years quotes mention) moves by
  the story's shift, 0 to 9 years back, so publication dates spread over 2014 to 2025; an
  article that repeats a template of its story is published a year later per repetition.
- Text. Names in quotes, descriptions and notes are rewritten with the ids, so they read
  consistently; nothing is checked against a text (there is none), so every file passes
  `newsgraph check FILE` without --source.

Deterministic: the same N, M, --seed and --zipf give the same files, byte for byte.
"""

import argparse
import hashlib
import random
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


def shared_ids() -> set[str]:
    """Every record id declared in two or more of the real facts files."""
    seen: dict[str, int] = {}
    for path in sorted(ARTICLES.glob("*.toml")):
        for id in record_ids(path.read_text(encoding="utf-8")):
            seen[id] = seen.get(id, 0) + 1
    return {id for id, n in seen.items() if n >= 2}


def copies(count: int, out: Path) -> None:
    """The corpus without --stories: N copies of the Cainiao facts (see the module doc)."""
    out.mkdir(parents=True, exist_ok=True)
    shared = shared_ids()
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


# ---------------------------------------------------------------------------------------------
# Stories

# Company slots of the templates: filled per story from the pool of companies.
COMPANIES = ["alibaba", "cainiao", "jd", "temu"]
# News outlets of the templates: filled per story from the pool of outlets.
OUTLETS = ["36kr", "krasia", "alizila", "air-cargo-news", "rttnews", "reuters", "bloomberg", "scmp",
           "momentum-works"]
# Organizations that stay as they are in every story.
FIXED = {"newsgraph-corpus", "hkex"}
# What the other organizations of the templates belong to (their business groups, units, teams,
# business lines). An organization of kind `group` ("partner airlines") is the story's own; one
# missing here belongs to its `part_of`, else to the company in the `cainiao` slot.
OWNER = {
    **{id: "alibaba" for id in [
        "alibaba-ecommerce", "taotian", "aidc", "cloud-intelligence", "local-services",
        "global-digital-business", "digital-media-entertainment", "alibaba-1688", "idle-fish",
        "domestic-operation", "international-retail-business", "chinese-ecommerce-business",
        "aliexpress", "taobao-global"]},
    "tmall-supermarket": "taotian",
    "tmall-global": "taotian",
    "jd-non-consignor": "jd",
    "cainiao-international-aliexpress-team": "cainiao-international",
    **{id: "cainiao" for id in [
        "4px-express", "cainiao-international", "supply-chain-team", "waybill-team",
        "smart-logistics-solutions", "warehouse-asset-management", "cainiao-station",
        "express-delivery", "supply-chain-management", "logistics-technology"]},
}
# Brand words of the templates' text, and the organization slot each one names. (Outlets are
# matched by their names.) An id token (`taobao`, `4px`) is the brand word in lower case.
BRANDS = {
    "Alibaba": "alibaba", "Cainiao": "cainiao", "JD.com": "jd", "JD": "jd", "Temu": "temu",
    "Taotian": "taotian", "Taobao": "taotian", "Tmall": "taotian", "AliExpress": "aliexpress",
    "AIDC": "aidc", "Idle Fish": "idle-fish", "1688": "alibaba-1688", "4PX": "4px-express",
}
# Real companies at the top of the pool, with the word that names them.
REAL_COMPANIES = [("alibaba", "Alibaba"), ("cainiao", "Cainiao"), ("jd", "JD.com"), ("temu", "Temu")]

SYLLABLES = ["ka", "lo", "vi", "ra", "ne", "to", "mi", "sa", "zen", "dor", "lin", "mar", "tek", "ori",
             "vel", "no", "sen", "tri", "pa", "qua", "bel", "cor", "dra", "fen", "gal", "hal", "jun",
             "kel", "lux", "mon", "nor", "ost", "pri", "ru", "sol", "tor", "ul", "var", "wen", "xi",
             "yor", "zu"]
OUTLET_WORDS = ["Daily", "Times", "Post", "Wire", "Herald", "Review", "Insider", "Ledger", "Journal",
                "Observer"]
GIVEN = ["Mei", "Arjun", "Sofia", "Kenji", "Lena", "Omar", "Wei", "Ana", "Tomas", "Priya", "Hiro",
         "Nadia", "Felix", "Yara", "Chen", "Ines", "Kofi", "Mira", "Ravi", "Elena", "Jonas", "Aiko",
         "Luca", "Zara", "Ming", "Olga", "Pablo", "Sana", "Theo", "Lin"]
YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)-(\d\d)-(\d\d)(?!\d)")


def stable(*parts: str) -> random.Random:
    """A generator seeded by its parts alone, for names that must not depend on the story."""
    return random.Random(hashlib.sha256("\0".join(parts).encode()).hexdigest())


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


class Names:
    """Generated names, each given once in the corpus."""

    def __init__(self) -> None:
        self.used: set[str] = set()

    def fresh(self, make) -> str:
        for _ in range(1000):
            name = make()
            if name not in self.used and slug(name) not in self.used:
                self.used.update({name, slug(name)})
                return name
        raise SystemExit("ran out of generated names")

    def stem(self, rng: random.Random, syllables: tuple[int, int] = (2, 3)) -> str:
        return self.fresh(lambda: "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(*syllables))).capitalize())

    def like(self, rng: random.Random, word: str) -> str:
        """A new brand word shaped like `word`: a code for a code (AIDC, 1688, 4PX), else a stem."""
        if word.isupper() or word[0].isdigit():
            alphabet = "ABCDEFGHJKLMNPRSTUVWXYZ" if not word.isdigit() else "0123456789"
            return self.fresh(lambda: "".join(
                rng.choice("0123456789") if c.isdigit() else rng.choice(alphabet) for c in word))
        return self.stem(rng)


def zipf_pick(rng: random.Random, pool: list, exponent: float, count: int) -> list:
    """`count` distinct members of `pool`, the one of rank r drawn with weight 1/r^exponent."""
    weights = [1 / (rank + 1) ** exponent for rank in range(len(pool))]
    picked: list = []
    for _ in range(count):
        w = [0 if pool[i] in picked else weights[i] for i in range(len(pool))]
        picked.append(rng.choices(pool, weights=w)[0])
    return picked


class Template:
    """One real facts file, read once: its records, and what each id stands for."""

    def __init__(self, path: Path, shared: set[str]) -> None:
        self.text = path.read_text(encoding="utf-8")
        data = tomllib.loads(self.text)
        self.article = data["article"]["id"]
        self.table: dict[str, str] = {}
        self.orgs: dict[str, dict] = {}
        self.people: dict[str, dict] = {}
        for table, records in data.items():
            if isinstance(records, list):
                for record in records:
                    self.table[record["id"]] = table
                    if table == "organization":
                        self.orgs[record["id"]] = record
                    elif table == "person":
                        self.people[record["id"]] = record
        self.shared = shared
        self.lines = self.text.splitlines(keepends=True)


class Story:
    """The cast of one story: which company fills each slot, its people, its year shift."""

    def __init__(self, number: int, rng: random.Random, names: Names, companies: list, outlets: list,
                 exponent: float, people: dict[str, list[str]]) -> None:
        self.number = number
        self.shift = -rng.randint(0, 9)
        cast = zipf_pick(rng, companies, exponent, len(COMPANIES))
        # The group (the `alibaba` slot) is the higher-ranked of the two that own one another, so
        # that no two stories make two companies each other's parts.
        cast[:2] = sorted(cast[:2], key=companies.index)
        self.cast = dict(zip(COMPANIES, cast))
        self.outlets = dict(zip(OUTLETS, zipf_pick(rng, outlets, exponent, len(OUTLETS))))
        # Each template person: the words of their name, and the new words for them.
        self.people: dict[str, dict[str, str]] = {}
        givens = rng.sample(GIVEN, len(people))  # distinct in the story, as ids are made of them
        for (id, words), given in zip(sorted(people.items()), givens):
            if len(words) < 2:
                continue
            family = names.stem(rng)
            self.people[id] = dict(zip(words, [given, family]))


class Corpus:
    def __init__(self, seed: int, stories: int, exponent: float) -> None:
        self.rng = random.Random(seed)
        self.exponent = exponent
        self.names = Names()
        self.shared = shared_ids()
        self.templates = [Template(p, self.shared) for p in sorted(ARTICLES.glob("*.toml"))]
        for _, word in REAL_COMPANIES:
            self.names.used.update({word, slug(word)})
        pool_rng = random.Random(f"{seed}-pool")
        # The pool of companies: the real four, then about three generated ones per story.
        self.companies = [id for id, _ in REAL_COMPANIES]
        self.company_word = dict(REAL_COMPANIES)
        for _ in range(3 * stories + 6):
            word = self.names.stem(pool_rng)
            self.companies.append(slug(word))
            self.company_word[slug(word)] = word
        # The pool of outlets: the real ones (their names as the templates give them), then
        # generated ones.
        self.outlet_name: dict[str, str] = {}
        for t in self.templates:
            for id in OUTLETS:
                if id in t.orgs:
                    self.outlet_name.setdefault(id, t.orgs[id]["name"])
        self.outlets = list(OUTLETS)
        for _ in range(max(6, stories)):
            name = self.names.fresh(lambda: f"{pool_rng.choice(SYLLABLES).capitalize()}"
                                            f"{pool_rng.choice(SYLLABLES)} {pool_rng.choice(OUTLET_WORDS)}")
            self.outlets.append(slug(name))
            self.outlet_name[slug(name)] = name
        self.names.used.update(n for n in self.outlet_name.values())
        # The words of each template person's name, as the first template naming them has it.
        self.person_words: dict[str, list[str]] = {}
        for t in self.templates:
            for id, person in t.people.items():
                if not person.get("anonymous") and id not in self.person_words:
                    self.person_words[id] = person["name"].split()
        self.stories = [Story(s, self.rng, self.names, self.companies, self.outlets, exponent,
                              self.person_words) for s in range(stories)]
        # Brand words of companies that fill a slot not their own, by (owner, word).
        self.brand_cache: dict[tuple[str, str], str] = {}

    # -- names --------------------------------------------------------------------------------

    def owner(self, id: str, t: Template) -> str:
        if id in OWNER:
            return OWNER[id]
        part_of = t.orgs.get(id, {}).get("part_of")
        return part_of if isinstance(part_of, str) and part_of != id else "cainiao"

    def root(self, slot: str, t: Template) -> str:
        """The company slot an organization belongs to, through its owners."""
        seen = set()
        while slot not in COMPANIES and slot not in seen:
            seen.add(slot)
            slot = self.owner(slot, t)
        return slot if slot in COMPANIES else "cainiao"

    def brand(self, word: str, story: Story, t: Template) -> str:
        """What a brand word of the template reads in the story."""
        slot = BRANDS[word]
        if slot in COMPANIES:
            return self.company_word[story.cast[slot]] if story.cast[slot] != slot else word
        root = self.root(slot, t)
        if story.cast[root] == root:
            return word  # The real company in its own slot: its groups keep their names.
        key = (story.cast[root], word)
        if key not in self.brand_cache:
            self.brand_cache[key] = self.names.like(stable(*key), word)
        return self.brand_cache[key]

    def token(self, token: str, story: Story, t: Template) -> str | None:
        """An id token's new form, or None when it stays."""
        for word in BRANDS:
            if slug(word) == token:
                return slug(self.brand(word, story, t))
        for words in story.people.values():
            for old, new in words.items():
                if old.lower() == token:
                    return new.lower()
        if YEAR.fullmatch(token):
            return str(int(token) + story.shift)
        return None

    def tokens(self, id: str, story: Story, t: Template) -> str:
        out = []
        for token in id.split("-"):
            new = self.token(token, story, t)
            out.append(token if new is None else new)
        return "-".join(out)

    def org_id(self, id: str, story: Story, t: Template) -> str:
        if id in FIXED:
            return id
        if id in COMPANIES:
            return story.cast[id]
        if id in OUTLETS:
            return story.outlets[id]
        if t.orgs[id].get("kind") == "group":
            return f"{self.tokens(id, story, t)}-s{story.number}"
        root = self.root(id, t)
        if story.cast[root] == root:
            return id
        # Owned by a company that fills another slot: its id is made from its owner's.
        owner = self.owner(id, t)
        owner_id = self.org_id(owner, story, t) if owner in t.orgs or owner in COMPANIES else story.cast[root]
        rest = [x for x in id.split("-") if x != owner and x not in owner.split("-")] or [id]
        return f"{owner_id}-{self.tokens('-'.join(rest), story, t)}"

    def id_map(self, t: Template, story: Story, k: int) -> dict[str, str]:
        ids = {t.article: f"{self.tokens(t.article, story, t)}-a{k}"}
        for id, table in t.table.items():
            if table == "organization":
                ids[id] = self.org_id(id, story, t)
            elif table == "person":
                if id in story.people:
                    ids[id] = self.tokens(id, story, t)
                else:
                    ids[id] = f"{self.tokens(id, story, t)}-s{story.number}"
            elif table == "post":
                ids[id] = self.tokens(id, story, t)
            elif table == "place":
                ids[id] = id
            elif table in ("artifact", "dimension", "event") or id in self.shared:
                ids[id] = f"{self.tokens(id, story, t)}-s{story.number}"
            else:
                ids[id] = f"{self.tokens(id, story, t)}-a{k}"
        return ids

    def words(self, t: Template, story: Story) -> dict[str, str]:
        """Every phrase of the text to rewrite, with what it becomes."""
        words = {word: self.brand(word, story, t) for word in BRANDS}
        for slot, outlet in story.outlets.items():
            name = self.outlet_name.get(slot)
            if name:
                words[name] = self.outlet_name[outlet]
        for id, new in story.people.items():
            words.update(new)
        return {old: new for old, new in words.items() if old != new}

    # -- writing ------------------------------------------------------------------------------

    def write(self, out: Path, t: Template, story: Story, k: int, repeat: int) -> str:
        ids = self.id_map(t, story, k)
        words = self.words(t, story)
        parts = [r'"(?P<id>%s)"' % "|".join(map(re.escape, sorted(ids, key=len, reverse=True)))]
        if words:
            parts.append(r"(?<![\w.])(?P<word>%s)(?![\w])" % "|".join(
                map(re.escape, sorted(words, key=len, reverse=True))))
        parts.append(r"(?P<date>%s)" % DATE.pattern)
        parts.append(r"(?P<year>%s)" % YEAR.pattern)
        pattern = re.compile("|".join(parts))

        def year(value: int, extra: int) -> int:
            return value + story.shift + extra

        def rewrite(line: str, extra: int) -> str:
            def one(m: re.Match) -> str:
                if m.group("id"):
                    return f'"{ids[m.group("id")]}"'
                if m.groupdict().get("word"):
                    return words[m.group("word")]
                if m.group("date"):
                    y, mo, d = DATE.fullmatch(m.group("date")).groups()
                    if (mo, d) == ("02", "29"):
                        d = "28"
                    return f"{year(int(y), extra)}-{mo}-{d}"
                return str(year(int(m.group("year")), extra))
            return pattern.sub(one, line)

        article_id = ids[t.article]
        with (out / f"{article_id}.toml").open("w", encoding="utf-8") as f:
            in_article = False
            for line in t.lines:
                if line.startswith("["):
                    in_article = line.strip() == "[article]"
                if line.startswith("kind ="):
                    f.write(line)  # `kind` values are words of the format.
                elif in_article and line.startswith("source ="):
                    f.write(f'source = "{article_id}.txt"\n')
                elif in_article and re.match(r"(published|original_published|captured) =", line):
                    f.write(rewrite(line, repeat))  # A repeat is a later report.
                else:
                    f.write(rewrite(line, 0))
        return article_id


def stories(count: int, out: Path, story_count: int, seed: int, exponent: float) -> None:
    if not 1 <= story_count <= count:
        raise SystemExit("--stories M needs 1 <= M <= N")
    out.mkdir(parents=True, exist_ok=True)
    corpus = Corpus(seed, story_count, exponent)
    rng = corpus.rng
    # Every story gets one article; the others go to stories unevenly.
    sizes = [1] * story_count
    order = list(range(story_count))
    rng.shuffle(order)
    weights = [1 / (rank + 1) ** 0.7 for rank in range(story_count)]
    for _ in range(count - story_count):
        sizes[rng.choices(order, weights=weights)[0]] += 1
    k = 0
    lines = 0
    for story, size in zip(corpus.stories, sizes):
        # A repeat is published a year later per repetition, and no later than the templates.
        story.shift = min(story.shift, -((size - 1) // len(corpus.templates)))
        templates = list(range(len(corpus.templates)))
        rng.shuffle(templates)
        for i in range(size):
            t = corpus.templates[templates[i % len(templates)]]
            corpus.write(out, t, story, k, i // len(templates))
            lines += len(t.lines)
            k += 1
    print(f"{count} facts files in {out}: {story_count} stories of {min(sizes)} to {max(sizes)} "
          f"articles, {lines} lines, {len(corpus.companies)} companies in the pool", file=sys.stderr)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("count", type=int, metavar="N", help="number of facts files")
    parser.add_argument("out", type=Path, metavar="OUTDIR")
    parser.add_argument("--stories", type=int, metavar="M", help="tell M stories (see above)")
    parser.add_argument("--seed", type=int, default=0, help="with --stories: the random seed (0)")
    parser.add_argument("--zipf", type=float, default=1.1, metavar="E",
                        help="with --stories: the exponent of the companies' weights (1.1)")
    args = parser.parse_args()
    if args.stories is None:
        copies(args.count, args.out)
    else:
        stories(args.count, args.out, args.stories, args.seed, args.zipf)


if __name__ == "__main__":
    main()
