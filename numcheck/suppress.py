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
from typing import Optional, Sequence

from numcheck import rules as registry
from numcheck.checks.model import Finding, Rule
from numcheck.document import LineIndex
from numcheck.markup import markup_kind
from numcheck.markup.directives import COMMENT as _COMMENT, LINE as _LINE
from numcheck.checks.rules.nc001_unused_suppression import RULE

__all__ = ["Directive", "parse_directives", "apply_suppressions", "RULE"]
_CODE = re.compile(r"[A-Za-z][A-Za-z0-9-]*")
_PREFIX = re.compile(r"NC\d{0,3}", re.I)  # a rule code or a prefix of codes, as --select takes them


@dataclass(frozen=True)
class Directive:
    action: str  # disable, enable, disable-next-line, disable-file
    codes: tuple[str, ...]  # as written; () means every rule
    reason: str
    start: int  # the directive's span in the text
    end: int
    line: int  # 0-based line of the directive


def parse_directives(text: str, path: str = "", lines: Optional[LineIndex] = None,
                     markup: Optional[str] = None) -> list[Directive]:
    """Every directive in `text`, in order. Plain text (by `markup`, else by the path's suffix)
    also takes bare directive lines."""
    lines = lines or LineIndex(text)
    found: list[tuple[int, re.Match[str]]] = [(m.start(), m) for m in _COMMENT.finditer(text)]
    if (markup or markup_kind(path)) == "plain":
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
        line = lines.position(m.start("action"))[0] - 1
        out.append(Directive(m.group("action"), codes, reason.strip(), start, m.end(), line))
    return out


def _inside(offset: int, places: Sequence[tuple[int, int]]) -> bool:
    k = bisect.bisect_right(places, (offset, float("inf"))) - 1
    return k >= 0 and places[k][0] <= offset < places[k][1]


def _covers(codes: tuple[str, ...], finding: Finding) -> bool:
    """No codes (every rule), the rule's code or a prefix of it ("NC1"), or its name."""
    return not codes or any(
        c.lower() == finding.name or (_PREFIX.fullmatch(c) is not None and finding.rule.startswith(c.upper()))
        for c in codes)


def apply_suppressions(text: str, path: str, findings: Sequence[Finding], rules: Sequence[Rule],
                       report_unused: bool = True,
                       places: Optional[Sequence[tuple[int, int]]] = None,
                       markup: Optional[str] = None) -> list[Finding]:
    """The findings no directive suppresses, plus an NC001 finding for each directive that
    suppressed nothing or names no rule. `rules` are the rules that ran: a directive for a rule
    that did not run cannot be judged, so it is not reported. `places` are the spans where a
    directive may stand (the markup stage's real comments, `Draft.comments`): a directive shown
    in a code block is an example, not a directive. `markup` is how the draft was read
    (`Draft.markup`), by default what the path's suffix says."""
    if "numcheck:" not in text:  # every directive has it: most drafts pay one substring search
        return list(findings)
    lines = LineIndex(text)
    directives = parse_directives(text, path, lines, markup)
    if places is not None:
        directives = [d for d in directives if _inside(d.start, places)]
    if not directives:
        return list(findings)
    ran = {r.code for r in rules} | {r.name for r in rules}
    known_codes = [r.code for r in registry.RULES]
    known_names = {r.name for r in registry.RULES}
    used: dict[int, set[str]] = {}  # directive index -> the codes it was written with that silenced something
    kept: list[Finding] = []
    for finding in findings:
        line = lines.position(finding.start)[0] - 1
        hit = _suppressor(directives, finding, line)
        if hit is None:
            kept.append(finding)
        else:
            used.setdefault(hit, set()).update(c for c in directives[hit].codes if _covers((c,), finding))
    if report_unused and RULE.code in ran:
        ran_codes = [r.code for r in rules]
        reports: list[tuple[int, Finding]] = []
        for index, d in enumerate(directives):
            # a code that is no rule is a typo even in a directive that did work, or in an enable
            unknown = [c for c in d.codes if not _names_a_rule(c, known_codes, known_names)]
            if unknown:
                message = f"'{d.action}' names {', '.join(repr(c) for c in unknown)}, which is no numcheck rule"
            elif d.action == "enable":
                continue
            elif index in used:
                # judged code by code, as ruff judges a noqa: a code that silenced nothing is stale
                idle = [c for c in d.codes if c not in used[index] and _names_a_rule(c, ran_codes, ran)]
                if not idle:
                    continue
                what = f"{d.action} {' '.join(d.codes)}"
                message = (f"'{what}': {', '.join(idle)} {'suppresses' if len(idle) == 1 else 'suppress'} nothing:"
                           f" no {'such ' if len(idle) > 1 else ''}finding {_scope(d)}; remove {', '.join(idle)}")
            elif d.codes and not any(_names_a_rule(c, ran_codes, ran) for c in d.codes):
                continue  # its rules did not run: nothing to judge
            else:
                what = f"{d.action} {' '.join(d.codes)}".strip()
                message = f"'{what}' suppresses nothing: no finding {_scope(d)}; remove it"
            reports.append((index, RULE.finding(message, d.start, d.end)))
        kept.extend(_unsilenced(reports, directives, lines))
    kept.sort(key=lambda f: (f.start, f.end, f.rule))
    return kept


def _names_a_rule(code: str, codes: Sequence[str], names: set[str] | frozenset[str]) -> bool:
    """A rule code, a code prefix ("NC1") or a rule name, of one of `codes`/`names`."""
    if code.lower() in names:
        return True
    return _PREFIX.fullmatch(code) is not None and any(c.startswith(code.upper()) for c in codes)


def _unsilenced(reports: list[tuple[int, Finding]], directives: Sequence[Directive],
                lines: LineIndex) -> list[Finding]:
    """NC001 findings, less those a directive naming NC001 (or unused-suppression) silences; such a
    directive is then used, so it is not reported itself. A directive without codes never
    silences NC001: `disable-file` alone must not hide its own staleness."""
    if not reports:
        return []
    # a bare `enable` stays among them: it ends a `disable NC001` range as it ends any other
    silencers = [(i, d) for i, d in enumerate(directives)
                 if (d.codes and _covers(d.codes, reports[0][1])) or (d.action == "enable" and not d.codes)]
    if not any(d.action != "enable" for _, d in silencers):
        return [f for _, f in reports]
    indexes = [i for i, _ in silencers]
    used: set[int] = set()
    out: list[tuple[int, Finding]] = []
    for index, finding in reports:
        if index in indexes:
            out.append((index, finding))  # judged below, once we know whether it silenced anything
            continue
        line = lines.position(finding.start)[0] - 1
        hit = _suppressor([d for _, d in silencers], finding, line)
        if hit is None:
            out.append((index, finding))
        else:
            used.add(indexes[hit])
    return [f for index, f in out if index not in used]


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
