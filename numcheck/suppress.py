"""Suppressions: directives in the draft that silence findings, as Vale's and markdownlint's do.

    <!-- numcheck: disable NC101 -- quoted from the ministry's release -->
    ...
    <!-- numcheck: enable NC101 -->
    <!-- numcheck: disable-next-line -->
    <!-- numcheck: disable-file NC301 -->

In plain text the same directives may stand on a line of their own, after an
optional comment marker (`#`, `//`, `%`, `;`, `..`): `numcheck: disable NC101`.
Without codes a directive covers every rule; codes may also be rule names. An
optional `-- reason` is kept for the reader. A directive that suppresses
nothing, or names no rule, is itself reported (NC001, info), as ruff reports an
unused `noqa`, so stale suppressions do not pile up.

This stage runs after the checks and the tables, on their findings; it never
changes what the rules see.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Iterable, Optional, Sequence

from numcheck.checks.model import Finding, Rule, RuleDocs

__all__ = ["Directive", "parse_directives", "apply_suppressions", "RULE", "MARKUP_SUFFIXES"]

MARKUP_SUFFIXES = (".md", ".markdown", ".html", ".htm")
ACTIONS = ("disable-next-line", "disable-file", "disable", "enable")
_BODY = r"numcheck:[ \t]*(?P<action>disable-next-line|disable-file|disable|enable)\b(?P<rest>[^\r\n]*?)"
_COMMENT = re.compile(r"<!--[ \t]*" + _BODY + r"[ \t]*-->")
# A line is ended by \n, \r\n or a lone \r, as LineIndex counts lines.
_LINE = re.compile(r"(?:^|(?<=\r))[ \t]*(?:#+|//|%+|;+|\.\.)?[ \t]*" + _BODY + r"[ \t]*(?=[\r\n]|\Z)", re.M)
_CODE = re.compile(r"[A-Za-z][A-Za-z0-9-]*")


@dataclass(frozen=True)
class Directive:
    action: str  # disable, enable, disable-next-line, disable-file
    codes: tuple[str, ...]  # as written; () means every rule
    reason: str
    start: int  # the directive's span in the text
    end: int
    line: int  # 0-based line of the directive


def parse_directives(text: str, path: str = "") -> list[Directive]:
    """Every directive in `text`, in order. Plain-text files also take bare directive lines."""
    starts = _line_starts(text)
    found: list[tuple[int, re.Match[str]]] = [(m.start(), m) for m in _COMMENT.finditer(text)]
    if not path.lower().endswith(MARKUP_SUFFIXES):
        taken = {m.start() for _, m in found}
        for m in _LINE.finditer(text):
            # the comment form on a line of its own is matched once, not twice
            if not any(m.start() <= s < m.end() for s in taken):
                found.append((m.start(), m))
    out: list[Directive] = []
    for _, m in sorted(found, key=lambda item: item[0]):
        rest, _, reason = m.group("rest").partition("--")
        codes = tuple(_CODE.findall(rest.replace(",", " ")))
        # a bare line's span starts at "numcheck:", not at its comment marker or indent
        start = text.find("numcheck:", m.start()) if m.re is _LINE else m.start()
        line = bisect.bisect_right(starts, m.start("action")) - 1
        out.append(Directive(m.group("action"), codes, reason.strip(), start, m.end(), line))
    return out


def _inside(offset: int, places: Sequence[tuple[int, int]]) -> bool:
    k = bisect.bisect_right(places, (offset, float("inf"))) - 1
    return k >= 0 and places[k][0] <= offset < places[k][1]


def _line_starts(text: str) -> list[int]:
    return [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", text)]


def _covers(codes: tuple[str, ...], finding: Finding) -> bool:
    return not codes or any(c.upper() == finding.rule or c.lower() == finding.name for c in codes)


def apply_suppressions(text: str, path: str, findings: Sequence[Finding], rules: Sequence[Rule],
                       report_unused: bool = True,
                       places: Optional[Sequence[tuple[int, int]]] = None) -> list[Finding]:
    """The findings no directive suppresses, plus an NC001 finding for each directive that
    suppressed nothing or names no rule. `rules` are the rules that ran: a directive for a rule
    that did not run cannot be judged, so it is not reported. `places` are the spans where a
    directive may stand (the markup stage's real comments, `Draft.comments`): a directive shown
    in a code block is an example, not a directive."""
    directives = parse_directives(text, path)
    if places is not None:
        directives = [d for d in directives if _inside(d.start, places)]
    if not directives:
        return list(findings)
    starts = _line_starts(text)
    ran = {r.code for r in rules} | {r.name for r in rules}
    from numcheck import rules as registry  # every rule, to tell a typo from a rule not run

    known = {r.code for r in registry.RULES} | {r.name for r in registry.RULES} | {RULE.code, RULE.name}
    used: set[int] = set()
    kept: list[Finding] = []
    for finding in findings:
        line = bisect.bisect_right(starts, finding.start) - 1
        hit = _suppressor(directives, finding, line)
        if hit is None:
            kept.append(finding)
        else:
            used.add(hit)
    if report_unused and RULE.code in ran:
        for index, d in enumerate(directives):
            # a code that is no rule is a typo even in a directive that did work, or in an enable
            unknown = [c for c in d.codes if c.upper() not in known and c.lower() not in known]
            if unknown:
                message = f"'{d.action}' names {', '.join(repr(c) for c in unknown)}, which is no numcheck rule"
            elif d.action == "enable" or index in used:
                continue
            elif d.codes and not any(c.upper() in ran or c.lower() in ran for c in d.codes):
                continue  # its rules did not run: nothing to judge
            else:
                what = f"{d.action} {' '.join(d.codes)}".strip()
                message = f"'{what}' suppresses nothing: no finding {_scope(d)}; remove it"
            kept.append(RULE.finding(message, d.start, d.end))
    kept.sort(key=lambda f: (f.start, f.end, f.rule))
    return kept


def _scope(d: Directive) -> str:
    return {"disable-next-line": "on the next line", "disable-file": "in this file"}.get(d.action, "until it is enabled")


def _suppressor(directives: Sequence[Directive], finding: Finding, line: int) -> Optional[int]:
    """The index of the directive that silences `finding` (on 0-based `line`), if any."""
    disabled_by: Optional[int] = None
    for index, d in enumerate(directives):
        if d.action == "disable-file" and _covers(d.codes, finding):
            return index
        if d.action == "disable-next-line" and d.line + 1 == line and _covers(d.codes, finding):
            return index
        if d.start > finding.start:
            continue  # later than the finding: a range it opens starts after
        if d.action == "disable" and _covers(d.codes, finding):
            disabled_by = index
        elif d.action == "enable" and _covers(d.codes, finding):
            disabled_by = None  # a bare enable, or one naming this rule, turns it back on
    return disabled_by


def _check(draft, settings) -> Iterable[Finding]:
    return ()  # the work is done in apply_suppressions, after every other rule has run


RULE = Rule(
    code="NC001",
    name="unused-suppression",
    severity="info",
    summary="A numcheck suppression comment that suppresses nothing, or names no rule.",
    docs=RuleDocs(
        what="Reports a `numcheck: disable ...` directive that silenced no finding, or that names "
        "a code that is no numcheck rule.",
        why="A suppression outlives the mistake it was written for: once the text is fixed, a "
        "leftover directive would silently hide the next real mistake in its range.",
        fires="<!-- numcheck: disable-next-line NC101 -->\nOf the 800 applicants, 120 (15%) were accepted.\n",
        quiet="<!-- numcheck: disable-next-line NC101 -- the 12% is the ministry's own figure -->\n"
        "Of the 800 applicants, 120 (12%) were accepted.\n",
        fix="Remove the directive, or correct the code it names.",
    ),
    check=_check,
)
