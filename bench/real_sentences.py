#!/usr/bin/env python
"""Recall and false alarms of numcheck's relation checks on real sentences (bench/real_sentences/).

    python bench/real_sentences.py [--verbose] [--type TYPE] [--json]

The set is made of sentences and short passages from the State of the Union
addresses and Wikipedia's Portal:Current events (see bench/real_sentences/README.md).
Every record of a relation type (change, share, breakdown, multiple, same_set) holds a
consistent original and a broken copy with one figure changed; controls hold only an
original. Each text is checked alone, through `numcheck.api.check_text`, as its own
document. A broken copy is caught when numcheck reports any error or warning on it; an
original or a control is a false alarm when it gets any error or warning.

It prints recall per relation type and false alarms on the originals and on the
controls; --verbose lists every miss and false alarm with the finding, --json prints the
totals as JSON. A measuring script: it prints, it does not fail (exit status 0; 2 only
when the data cannot be read).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "bench" / "real_sentences"
TYPES = ("change", "share", "breakdown", "multiple", "same_set")
ALARMING = ("error", "warning")


def load(data: Path) -> list[dict]:
    records = []
    for path in sorted(data.glob("*.jsonl")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                try:
                    records.append(json.loads(line))
                except json.JSONDecodeError as exc:
                    raise ValueError(f"{path}:{number}: {exc}") from None
    return records


def flagged(check_text, text: str) -> tuple[list, str | None]:
    """The error and warning findings on `text` alone, and the crash message if it crashed."""
    try:
        return [f for f in check_text(text).findings if f.severity in ALARMING], None
    except Exception as exc:  # a measuring script: a crash is reported, not raised
        return [], f"{type(exc).__name__}: {exc}"


def describe(findings: list) -> str:
    return "; ".join(f"{f.rule} {f.severity}: {f.message}" for f in findings)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--verbose", action="store_true", help="list every miss and every false alarm with the finding")
    ap.add_argument("--type", choices=TYPES + ("control",), help="run one relation type (or only the controls)")
    ap.add_argument("--json", action="store_true", help="print the totals as JSON instead of the table")
    ap.add_argument("--data", type=Path, default=DATA, help="folder of *.jsonl records (default: bench/real_sentences)")
    args = ap.parse_args()

    try:
        records = load(args.data)
    except (OSError, ValueError) as exc:
        print(f"cannot read the data: {exc}", file=sys.stderr)
        return 2
    if not records:
        print(f"no records in {args.data}", file=sys.stderr)
        return 2
    if args.type:
        records = [r for r in records if r["type"] == args.type]

    from numcheck.api import check_text

    stats: dict[str, dict] = {}
    notes: dict[str, list[str]] = {}
    for record in records:
        kind = record["type"]
        row = stats.setdefault(kind, {"texts": 0, "caught": 0, "broken": 0, "false_alarms": 0, "crashes": 0})
        lines = notes.setdefault(kind, [])
        row["texts"] += 1
        found, crash = flagged(check_text, record["text"])
        if crash:
            row["crashes"] += 1
            lines.append(f"  crash on original {record['id']}: {crash}")
        if found:
            row["false_alarms"] += 1
            lines.append(f"  false alarm {record['id']} ({record['source']}): {record['text']!r}\n      {describe(found)}")
        if record.get("broken") is not None:
            row["broken"] += 1
            found, crash = flagged(check_text, record["broken"])
            if crash:
                row["crashes"] += 1
                lines.append(f"  crash on broken {record['id']}: {crash}")
            if found:
                row["caught"] += 1
            else:
                lines.append(f"  missed {record['id']} ({record['changed']}): {record['broken']!r}")

    relation_rows = [stats[t] for t in TYPES if t in stats]
    control = stats.get("control", {"texts": 0, "false_alarms": 0, "crashes": 0})
    caught = sum(r["caught"] for r in relation_rows)
    broken = sum(r["broken"] for r in relation_rows)
    originals = sum(r["texts"] for r in relation_rows)
    original_alarms = sum(r["false_alarms"] for r in relation_rows)
    totals = {
        "types": {t: stats[t] for t in TYPES if t in stats},
        "recall": {"caught": caught, "broken": broken},
        "false_alarms": {
            "originals": {"flagged": original_alarms, "texts": originals},
            "controls": {"flagged": control["false_alarms"], "texts": control["texts"]},
            "all": {"flagged": original_alarms + control["false_alarms"], "texts": originals + control["texts"]},
        },
        "crashes": sum(r["crashes"] for r in stats.values()),
    }
    if args.json:
        print(json.dumps(totals, indent=2))
        return 0

    def share(n: int, d: int) -> str:
        return f"{n:>4}/{d:<4} {100 * n / d:5.1f}%" if d else f"{n:>4}/{d:<4}    - "

    print(f"{'type':10} {'caught (recall)':>18} {'false alarms on originals':>27}")
    for kind in TYPES:
        if kind in stats:
            row = stats[kind]
            print(f"{kind:10} {share(row['caught'], row['broken']):>18} {share(row['false_alarms'], row['texts']):>27}")
            if args.verbose and notes[kind]:
                print(*notes[kind], sep="\n")
    if relation_rows:
        print(f"{'all':10} {share(caught, broken):>18} {share(original_alarms, originals):>27}")
    if "control" in stats:
        print(f"{'control':10} {'':>18} {share(control['false_alarms'], control['texts']):>27}")
        if args.verbose and notes["control"]:
            print(*notes["control"], sep="\n")
    if relation_rows and "control" in stats:
        print(f"false alarms, originals and controls: {share(original_alarms + control['false_alarms'], originals + control['texts'])}")
    if totals["crashes"]:
        print(f"crashes: {totals['crashes']} (listed with --verbose)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
