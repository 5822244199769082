#!/usr/bin/env python
"""List every error and warning numcheck's checks report on the State of the Union addresses, and
on Wikipedia's current-events items.

    python bench/sotu_findings.py [--sotu DIR] [--wikipedia [FILE]] [--markdown OUT]

The addresses are checked through `numcheck.api.check_paths`, the API behind
`numcheck check`, with every rule and no --date. Each error and warning is printed as

    file:line:col: CODE severity: message
        the sentence it is in, on one line, trimmed to about 300 characters

in file order and then text order (the order `numcheck check` shows); with --wikipedia, each of
the 10,582 items (JSON Lines, field "text") is checked too, as its own document dated by its
"date" field, and listed by its id; followed by
a count by rule and severity. --markdown OUT also writes the same list as a
Markdown table with an empty verdict column, for judging by hand which findings
are real mistakes and which are false alarms. Info findings are counted, not listed.

A script for reading the checks against real prose, not a test: it never fails on
what it finds (exit status 0), only on a corpus it cannot read (2).
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path
from typing import Optional

REPO = Path(__file__).resolve().parents[1]
DEFAULT_SOTU = REPO.parent / "shared" / "data" / "sotu-addresses" / "txt"
DEFAULT_WIKIPEDIA = REPO.parent / "shared" / "data" / "wikipedia-current-events" / "current-events.jsonl"
LISTED = ("error", "warning")
SENTENCE_CHARS = 300
ELLIPSIS = "…"
_WHITESPACE = re.compile(r"\s+")

sys.path.insert(0, str(REPO))  # check this checkout even without an editable install


def sentence_around(result, start: int, end: int, limit: int = SENTENCE_CHARS) -> str:
    """The sentence holding [start, end) on one line; a longer one is cut to a window round the span."""
    draft = result.draft
    a, b = draft.sentence_span(draft.sentence_of(start))
    b = max(b, min(end, len(draft.text)))
    # one line: every run of whitespace becomes one space, each side of the span apart
    # so that the span's place in the collapsed sentence stays known
    before, span, after = (_WHITESPACE.sub(" ", part) for part in
                           (draft.text[a:start], draft.text[start:end], draft.text[end:b]))
    before, after = before.lstrip(), after.rstrip()
    if len(before) + len(span) + len(after) <= limit:
        return before + span + after
    room = max(0, limit - len(span))
    tail = after[: max(room // 2, room - len(before))]
    head = before[len(before) - min(len(before), room - len(tail)):]
    return (ELLIPSIS if len(head) < len(before) else "") + head + span + tail + (ELLIPSIS if len(tail) < len(after) else "")


def collect(sotu: Path):
    from numcheck.api import check_paths
    from numcheck.report import ordered

    results, errors = check_paths([sotu])
    items = []
    for item in ordered(results):
        f = item.finding
        if f.severity not in LISTED:
            continue
        items.append({
            "file": os.path.relpath(item.result.path, sotu),
            "line": item.span.line,
            "column": item.span.column,
            "rule": f.rule,
            "name": f.name,
            "severity": f.severity,
            "message": f.message,
            "sentence": sentence_around(item.result, f.start, f.end),
        })
    return results, errors, items


def collect_wikipedia(path: Path):
    """Each item checked as its own document, dated by its "date" field."""
    import datetime as dt
    import json

    from numcheck.api import check_text
    from numcheck.report import ordered

    results = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            item = json.loads(line)
            results.append(check_text(item["text"], f"wiki:{item['id']}", dt.date.fromisoformat(item["date"])))
    items = []
    for located in ordered(results):
        f = located.finding
        if f.severity not in LISTED:
            continue
        items.append({"file": located.result.path, "line": located.span.line, "column": located.span.column,
                      "rule": f.rule, "name": f.name, "severity": f.severity, "message": f.message,
                      "sentence": sentence_around(located.result, f.start, f.end)})
    return results, items


def counts_by_rule(results) -> list[tuple[str, str, str, int]]:
    from numcheck.checks import SEVERITIES
    from numcheck.rules import RULES

    names = {rule.code: rule.name for rule in RULES}
    counts: dict[tuple[str, str], int] = {}
    for result in results:
        for f in result.findings:
            names.setdefault(f.rule, f.name)
            counts[(f.rule, f.severity)] = counts.get((f.rule, f.severity), 0) + 1
    rank = {s: i for i, s in enumerate(SEVERITIES)}
    return [(code, names[code], severity, n)
            for (code, severity), n in sorted(counts.items(), key=lambda kv: (rank.get(kv[0][1], 99), kv[0][0]))]


def _md_cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def render_markdown(items: list[dict], sotu: Path, counts: list[tuple[str, str, str, int]]) -> str:
    lines = [
        "# numcheck findings on the State of the Union addresses",
        "",
        f"Errors and warnings of `numcheck check` (every rule, no --date) over `{sotu.name}/`, "
        "in file and text order. Verdict: fill in (for example real / false alarm / unsure).",
        "",
        "| # | file:line | rule | message | sentence | verdict |",
        "|---:|---|---|---|---|---|",
    ]
    for i, it in enumerate(items, 1):
        lines.append(
            f"| {i} | {_md_cell(it['file'])}:{it['line']} | {it['rule']} {it['severity']} "
            f"| {_md_cell(it['message'])} | {_md_cell(it['sentence'])} |  |"
        )
    lines += ["", "## Count by rule and severity", "", "| rule | name | severity | findings |", "|---|---|---|---:|"]
    lines += [f"| {code} | {name} | {severity} | {n} |" for code, name, severity, n in counts]
    return "\n".join(lines) + "\n"


def main(argv: Optional[list[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sotu", type=Path, default=DEFAULT_SOTU, help=f"corpus folder (default: {DEFAULT_SOTU})")
    ap.add_argument("--wikipedia", type=Path, nargs="?", const=DEFAULT_WIKIPEDIA, metavar="FILE",
                    help=f"also check the Wikipedia current-events items (default: {DEFAULT_WIKIPEDIA})")
    ap.add_argument("--markdown", type=Path, metavar="OUT", help="also write the list as a Markdown table here")
    args = ap.parse_args(argv)

    sotu = args.sotu.resolve()
    if not sotu.is_dir():
        print(f"sotu_findings: error: {sotu}: corpus folder not found (use --sotu DIR)", file=sys.stderr)
        return 2
    results, errors, items = collect(sotu)
    for error in errors:
        print(f"sotu_findings: error: {error}", file=sys.stderr)
    if not results:
        return 2
    if args.wikipedia is not None:
        if not args.wikipedia.is_file():
            print(f"sotu_findings: error: {args.wikipedia}: not found", file=sys.stderr)
            return 2
        more, wiki_items = collect_wikipedia(args.wikipedia)
        results = results + more
        items = items + wiki_items

    from numcheck import __version__
    from numcheck.report import summarize

    summary = summarize(results)
    wiki = f" and the items of {args.wikipedia}" if args.wikipedia is not None else ""
    print(f"numcheck {__version__}: {summary.files} files in {sotu}{wiki}, {summary.quantities:,} figures, "
          f"every rule, no --date for the addresses")
    print()
    for it in items:
        print(f"{it['file']}:{it['line']}:{it['column']}: {it['rule']} {it['severity']}: {it['message']}")
        print(f"    {it['sentence']}")
    print()
    counts = counts_by_rule(results)
    width = max([len(name) for _, name, _, _ in counts] + [4])
    print("count by rule and severity:")
    for code, name, severity, n in counts:
        print(f"  {code}  {name.ljust(width)}  {severity.ljust(7)}  {n:>4}")
    print("  total: " + ", ".join(f"{n} {s if n == 1 else s + 's'}" for s, n in summary.counts.items())
          + f" (errors and warnings listed: {len(items)})")
    if errors:
        print(f"  files not read: {len(errors)}")
    if args.markdown:
        args.markdown.parent.mkdir(parents=True, exist_ok=True)
        args.markdown.write_text(render_markdown(items, sotu, counts), encoding="utf-8")
        print(f"wrote {args.markdown}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
