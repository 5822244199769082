#!/usr/bin/env python
"""Candidate finder behind bench/real_sentences/, and a check of its records.

    python bench/real_sentences_mine.py KIND [--data DIR]
    python bench/real_sentences_mine.py validate [--data DIR]

KIND prints candidate sentences, one per line as `source#sentence<TAB>text`, from the
public data in DIR (default /work/shared/data): the State of the Union addresses
(sotu-addresses/txt) and Wikipedia's current events (wikipedia-current-events).
The candidates were then read and their arithmetic checked by hand; this script only
narrows the reading. It uses plain regular expressions and never numcheck, so the
benchmark does not depend on what numcheck finds.

  change     "from X ... to Y" with another figure and a change word
  percent    sentences with a percent and at least three figures
  sums       sentences where two figures add up exactly to a third
  multiple   doubled / tripled / N times / half with two figures
  fraction   one-half, a third, three-fourths, out of, 1-in-N with two figures
  repeats    a count repeated within a Wikipedia item or three SOTU sentences
  busy       Wikipedia items with three or more figures (the controls were read from these)

`validate` checks the committed records: every text is verbatim in its source (after
collapsing whitespace), every broken copy differs from its original in the figures
only, and a control has no broken copy.
"""

from __future__ import annotations

import argparse
import itertools
import json
import re
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = Path("/work/shared/data")

ABBR = (r"(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|No|Nos|Gen|Gov|Sen|Rep|U\.S|U\.N|vs|etc|i\.e|e\.g|Co|Inc|Ltd|Jan|Feb|Mar|Apr"
        r"|Aug|Sept|Sep|Oct|Nov|Dec|Mt|Ft|Hon|Messrs|a\.m|p\.m)")
WORD = (r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen"
        r"|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|dozen)")
FIGURE = re.compile(r"(?<![\w.])\$?\d[\d,]*(?:\.\d+)?|\b" + WORD + r"(?:[- ]" + WORD + r")*\b", re.I)
DIGITS = re.compile(r"(?<![\w.])\$?\s?(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?!\d)")


def sentences(text: str) -> list[str]:
    """A naive split at . ! ? followed by a capital, a digit or a quote; not after an abbreviation or an initial."""
    out, start = [], 0
    for m in re.finditer(r"[.!?][\"')\]]?\s+(?=[\"'(\[]?[A-Z0-9$])", text):
        if re.search(r"(?:\b" + ABBR + r"|\b[A-Z])\.$", text[start:m.start() + 1]):
            continue
        out.append(text[start:m.end()].strip())
        start = m.end()
    if text[start:].strip():
        out.append(text[start:].strip())
    return out


def figures(s: str) -> list[str]:
    """Figures in `s`, leaving out bare years."""
    return [t for t in FIGURE.findall(s) if not re.fullmatch(r"1[6-9]\d\d|20[0-4]\d", t)]


def values(s: str) -> list[float]:
    out = []
    for m in DIGITS.finditer(s):
        raw = m.group(1)
        v = float(raw.replace(",", ""))
        if not (1700 <= v <= 2030 and "." not in raw and "," not in raw):
            out.append(v)
    return out


def documents(data: Path):
    """(source, text) for every address and every news item."""
    for path in sorted((data / "sotu-addresses" / "txt").glob("*.txt")):
        yield "sotu:" + path.name, path.read_text(encoding="utf-8")
    with open(data / "wikipedia-current-events" / "current-events.jsonl", encoding="utf-8") as fh:
        for line in fh:
            item = json.loads(line)
            yield "wiki:" + item["id"], item["text"]


def each_sentence(data: Path):
    for source, text in documents(data):
        for i, s in enumerate(sentences(text)):
            yield f"{source}#{i}", s


CHANGE_CUE = re.compile(r"per ?cent|%|\bby\b|increase|decrease|reduc|cut|doubl|tripl|half|fold|times|rise|rose|fell"
                        r"|drop|decline|gain|grew|grown|jump|climb|points", re.I)
NUM = r"(?:\$\s?)?\d[\d,]*(?:\.\d+)?"
HEDGE = r"(?:about |nearly |almost |over |more than |less than |roughly |just |only )?"
FROM_TO = re.compile(r"from\s+" + HEDGE + NUM + r".{0,60}?\bto\s+" + HEDGE + NUM, re.I)
MULTIPLE = re.compile(r"\b(twice|doubl\w*|tripl\w*|quadrupl\w*|halved|in half|half as|\w+[- ]?(?:times|fold))\b", re.I)
FRACTION = re.compile(r"one-half|half of|one-third|two-thirds|one-fourth|three-fourths|one-fifth|one-tenth|a third"
                      r"|a quarter|three-quarters|out of|in every|\b1-in-\d|\bone in \w+", re.I)
PERCENT = re.compile(r"per ?cent|per centum|%", re.I)


def mine(kind: str, data: Path) -> None:
    if kind == "change":
        for ref, s in each_sentence(data):
            m = FROM_TO.search(s)
            if m and re.search(r"\d", s[:m.start()] + s[m.end():]) and CHANGE_CUE.search(s):
                print(f"{ref}\t{s}")
    elif kind == "percent":
        for ref, s in each_sentence(data):
            if PERCENT.search(s) and len(figures(s)) >= 3:
                print(f"{ref}\t{s}")
    elif kind == "sums":
        for ref, s in each_sentence(data):
            v = [x for x in values(s) if x >= 10]
            if 3 <= len(v) <= 8 and any(a != b and abs(a + b - c) <= max(0.011, 1e-9 * c)
                                        for a, b, c in itertools.permutations(v, 3)):
                print(f"{ref}\t{s}")
    elif kind in ("multiple", "fraction"):
        pattern = MULTIPLE if kind == "multiple" else FRACTION
        for ref, s in each_sentence(data):
            if pattern.search(s) and len(figures(s)) >= 2:
                print(f"{ref}\t{s}")
    elif kind == "repeats":
        for source, text in documents(data):
            ss = sentences(text)
            windows = [(0, len(ss))] if source.startswith("wiki:") else [(i, i + 3) for i in range(len(ss))]
            for a, b in windows:
                counts = Counter(f for f in figures(" ".join(ss[a:b])) if f.lower() not in ("one", "two", "1", "2"))
                repeated = [f for f, n in counts.items() if n >= 2]
                if repeated:
                    print(f"{source}#{a}-{b - 1}\t{repeated}\t{' '.join(ss[a:b])}")
    elif kind == "busy":
        for source, text in documents(data):
            if source.startswith("wiki:") and len(figures(text)) >= 3:
                print(f"{source}\t{text}")


def validate(data: Path, folder: Path) -> int:
    texts = {source: re.sub(r"\s+", " ", text) for source, text in documents(data)}
    problems, count = [], 0
    for path in sorted(folder.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            r = json.loads(line)
            count += 1
            if re.sub(r"\s+", " ", r["text"]) not in texts.get(r["source"], ""):
                problems.append(f"{r['id']}: text is not verbatim in {r['source']}")
            if r["type"] == "control":
                if r["broken"] is not None:
                    problems.append(f"{r['id']}: a control has a broken copy")
                continue
            if r["broken"] is None or r["broken"] == r["text"]:
                problems.append(f"{r['id']}: no broken copy")
            elif FIGURE.sub("#", r["text"]) != FIGURE.sub("#", r["broken"]):
                problems.append(f"{r['id']}: the broken copy differs in more than its figures")
    print(*problems, sep="\n") if problems else print(f"{count} records: texts verbatim, broken copies differ in figures only")
    return 1 if problems else 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("kind", choices=("change", "percent", "sums", "multiple", "fraction", "repeats", "busy", "validate"))
    ap.add_argument("--data", type=Path, default=SHARED, help="the shared data folder (default /work/shared/data)")
    ap.add_argument("--records", type=Path, default=REPO / "bench" / "real_sentences", help="records to validate")
    args = ap.parse_args()
    if args.kind == "validate":
        return validate(args.data, args.records)
    mine(args.kind, args.data)
    return 0


if __name__ == "__main__":
    sys.exit(main())
