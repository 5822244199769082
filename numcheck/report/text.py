r"""The text format: one block per finding, compiler style, then a one-line summary.

    draft.md:3:29: NC101 error: 120 of 800 is 15.0%, not 12%
        Of the 800 applicants, 120 (12%) were accepted.
                                    ^^^
      = note: draft.md:3:24: the counts
      = fix: replace with "15%"

Colour is the caller's decision (`colour=`): the CLI turns it on only for a
terminal without NO_COLOR, and tests can check both. Whatever is quoted from a draft (its
line, the figures in a message, a fix) and every file name is written with its control
characters escaped (`\x1b`, `\n`; a tab is kept), so a draft cannot retitle or clear the
terminal it is shown on, nor a file name break a line.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from typing import TYPE_CHECKING, Sequence

from numcheck.api import check_text
from numcheck.checks import Settings
from numcheck.names import shown
from numcheck.report import Located, Summary, locate, ordered, summarize, verdict_lines

if TYPE_CHECKING:
    from numcheck.api import CheckResult
    from numcheck.checks import Rule

__all__ = ["render_text", "render_findings", "render_summary", "source_excerpt", "render_rule_list", "render_rule"]

INDENT = "    "
TAB = "    "  # a tab is shown as four spaces so the underline can line up with it
MAX_SOURCE = 100  # longer lines (a paragraph on one line) are shown as a window round the span
CONTEXT = 30  # code points of context kept before the span in a window
ELLIPSIS = "…"

_RESET = "\x1b[0m"
_BOLD = "\x1b[1m"
_SEVERITY_STYLE = {"error": "\x1b[1;31m", "warning": "\x1b[1;33m", "info": "\x1b[1;36m"}
_NOTE = "\x1b[1;34m"
_FIX = "\x1b[32m"
_LINE_END = re.compile(r"\r\n|\r|\n")


def _paint(text: str, style: str, colour: bool) -> str:
    return f"{style}{text}{_RESET}" if colour and style else text


def _plural(n: int, word: str, plural: str | None = None) -> str:
    return f"{n} {word if n == 1 else plural or word + 's'}"


def _width(ch: str) -> int:
    """Terminal cells one code point takes: wide CJK 2, combining marks 0, a control character
    as many as its escape."""
    if ch == "\t":
        return len(TAB)
    if ch != shown(ch):
        return len(shown(ch))
    if unicodedata.combining(ch):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def _show(s: str) -> str:
    return shown(s, tab=True).replace("\t", TAB)


def _quoted(s: str) -> str:
    """A message, a fix or a figure as written in the draft, on one line, with no control character."""
    return shown(s, tab=True)


def source_excerpt(text: str, line_start: int, start: int, end: int) -> tuple[str, str]:
    """The source line holding `start` and the ^^^ line under [start, end).

    A span running onto later lines is underlined to the end of its first line.
    """
    m = _LINE_END.search(text, line_start)
    line_end = m.start() if m else len(text)
    line = text[line_start:line_end]
    a = start - line_start
    b = min(end, line_end) - line_start
    prefix = suffix = ""
    if len(line) > MAX_SOURCE:
        lo = max(0, min(a - CONTEXT, len(line) - MAX_SOURCE))
        hi = min(len(line), max(lo + MAX_SOURCE, b))
        if lo > 0:
            prefix = ELLIPSIS
        if hi < len(line):
            suffix = ELLIPSIS
        line, a, b = line[lo:hi], a - lo, b - lo
    pad = len(prefix) + sum(_width(c) for c in line[:a])
    carets = max(1, sum(_width(c) for c in line[a:b]))
    return prefix + _show(line) + suffix, " " * pad + "^" * carets


def _block(item: Located, colour: bool) -> list[str]:
    f, span, path = item.finding, item.span, shown(item.result.path)
    where = _paint(f"{path}:{span.line}:{span.column}:", _BOLD, colour)
    severity = _paint(f.severity, _SEVERITY_STYLE.get(f.severity, _BOLD), colour)
    lines = [f"{where} {_paint(f.rule, _BOLD, colour)} {severity}: {_quoted(f.message)}"]
    line_start = f.start - (span.column - 1)
    source, underline = source_excerpt(item.result.text, line_start, f.start, f.end)
    lines.append(INDENT + source)
    carets = underline.lstrip(" ")
    lines.append(INDENT + underline[: len(underline) - len(carets)]
                 + _paint(carets, _SEVERITY_STYLE.get(f.severity, _BOLD), colour))
    for rel in f.related:
        r = locate(item.index, rel.start, rel.end)
        lines.append(f"  {_paint('= note:', _NOTE, colour)} {path}:{r.line}:{r.column}: {_quoted(rel.message)}")
    if f.fix is not None:
        lines.append(f"  {_paint('= fix:', _FIX, colour)} replace with \"{_quoted(f.fix)}\"")
    return lines


def render_findings(results: Sequence["CheckResult"], colour: bool = False) -> str:
    """Every finding's block, by path then position, blank-line separated; no summary."""
    blocks = ["\n".join(_block(item, colour)) + "\n" for item in ordered(results)]
    return "\n".join(blocks)


def render_summary(summary: Summary, colour: bool = False) -> str:
    counts = summary.counts
    parts = [
        _plural(counts.get("error", 0), "error"),
        _plural(counts.get("warning", 0), "warning"),
        _plural(counts.get("info", 0), "info"),
    ]
    if colour:
        parts = [
            _paint(p, _SEVERITY_STYLE[s], colour) if counts.get(s, 0) else p
            for p, s in zip(parts, ("error", "warning", "info"))
        ]
    tables = ""
    if summary.tables:
        tables = f"; {summary.verified} verified against reference tables, {summary.unmatched} unmatched"
    return (
        f"{_plural(summary.files, 'file')}, {_plural(summary.quantities, 'figure')} read, "
        f"{_plural(summary.checks, 'check')} made: {', '.join(parts)}{tables}\n"
    )


def render_text(results: Sequence["CheckResult"], colour: bool = False, show_verified: bool = False,
                show_unmatched: bool = False) -> str:
    """The whole text report: the findings, figures verified or unmatched if asked, the summary line."""
    findings = render_findings(results, colour)
    listed = ""
    if show_verified:
        listed += "".join(f"{shown(path)}:{span.line}:{span.column}: verified{' (nearest year)' if v.weak else ''}: "
                          f"{_quoted(v.message)}\n" for path, span, v in verdict_lines(results, "consistent"))
    if show_unmatched:
        listed += "".join(f"{shown(path)}:{span.line}:{span.column}: unmatched: {_quoted(v.figure.text)}\n"
                          for path, span, v in verdict_lines(results, "unmatched"))
    summary = render_summary(summarize(results), colour)
    return findings + ("\n" if findings else "") + listed + ("\n" if listed else "") + summary


# --- rule documentation (`numcheck rules`, `numcheck rule CODE`) ----------------------------

EXAMPLE_PATH = "example.md"  # .md: an example may carry a front matter date


def render_rule_list(rules: Sequence["Rule"]) -> str:
    """One aligned line per rule: code, name, default severity, summary."""
    if not rules:
        return ""
    rows = [(r.code, r.name, r.severity, r.summary) for r in rules]
    widths = [max(len(row[i]) for row in rows) for i in range(3)]
    return "".join(
        "  ".join(cell.ljust(w) for cell, w in zip(row[:3], widths)) + "  " + row[3] + "\n" for row in rows
    )


def render_rule(rule: "Rule") -> str:
    """A rule's docs in ruff's style (Markdown); the example's finding is computed, not pasted."""
    docs = rule.docs
    settings = Settings()
    if docs.reference:
        from numcheck.tables import references_from_csv

        settings = Settings(references=references_from_csv(docs.reference, "example-reference.csv"))
    # checked as a draft is, with every rule (NC001 judges the others' findings); this rule's shown
    example = check_text(docs.fires, EXAMPLE_PATH, settings=settings)
    example = replace(example, findings=tuple(f for f in example.findings if f.rule == rule.code))
    produced = render_findings([example]).rstrip("\n")
    if not produced:
        # The docs tests guard against this; say so rather than show an empty block.
        produced = "(no finding: this example should fire; please report a bug)"
    parts = [
        f"# {rule.name} ({rule.code})",
        f"Default severity: {rule.severity}",
        rule.summary,
        "## What it does\n" + docs.what,
        "## Why is this bad?\n" + docs.why,
        "## Example\n" + _fenced(docs.fires)
        + (f"\n\nwith the reference table example-reference.csv:\n\n{_fenced(docs.reference)}" if docs.reference else "")
        + "\n\nnumcheck reports:\n\n" + _fenced(produced),
        "## Use instead\n" + _fenced(docs.quiet),
        "## How to fix\n" + docs.fix,
    ]
    return "\n\n".join(p.strip("\n") for p in parts) + "\n"


def _fenced(body: str) -> str:
    # A longer fence than any backtick run inside, so an example with ``` still renders.
    longest = max((len(m) for m in re.findall(r"`+", body)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}text\n{body.rstrip(chr(10))}\n{fence}"
