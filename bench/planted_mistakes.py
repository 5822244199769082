#!/usr/bin/env python
"""Recall and false alarms per rule on hand-written news sentences (bench/data/planted_mistakes.json).

    python bench/planted_mistakes.py [--verbose]

For each rule: how many texts with one planted mistake of that rule's kind it reports (caught),
and how many correct look-alikes get any error or warning (false alarms), with the shipped
reference tables loaded. A measuring script: it prints, it does not fail.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--verbose", action="store_true", help="list every miss and every false alarm")
    args = ap.parse_args()

    from numcheck.api import check_text
    from numcheck.checks import Settings
    from numcheck.tables import load_references

    refs, errors = load_references([REPO / "reference"])
    if errors:
        print("reference tables:", *errors, sep="\n  ")
    settings = Settings(references=refs)
    cases = json.loads((REPO / "bench" / "data" / "planted_mistakes.json").read_text(encoding="utf-8"))["cases"]
    total_caught = total_bad = total_alarms = total_good = 0
    print(f"{'rule':7} {'caught':>8} {'false alarms':>13}")
    for rule, texts in sorted(cases.items()):
        caught, alarms, notes = 0, 0, []
        for text in texts["bad"]:
            found = check_text(text, settings=settings).findings
            if any(f.rule == rule for f in found):
                caught += 1
            else:
                notes.append(f"  missed: {text!r}")
        for text in texts["good"]:
            flagged = [f for f in check_text(text, settings=settings).findings if f.severity in ("error", "warning")]
            if flagged:
                alarms += 1
                notes.append(f"  false alarm: {text!r}: {flagged[0].rule} {flagged[0].message}")
        total_caught += caught
        total_bad += len(texts["bad"])
        total_alarms += alarms
        total_good += len(texts["good"])
        print(f"{rule:7} {caught:>4}/{len(texts['bad']):<3} {alarms:>8}/{len(texts['good']):<3}")
        if args.verbose and notes:
            print(*notes, sep="\n")
    print(f"{'all':7} {total_caught:>4}/{total_bad:<3} {total_alarms:>8}/{total_good:<3}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
