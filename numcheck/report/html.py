"""The html format: one self-contained page showing each draft with every figure marked.

A figure is *conflicting* when a finding points at it (its primary or a related
span) or a reference table contradicts it, *consistent* when a table confirms it
and nothing points at it, and *unchecked* otherwise. A finding's span that is not
a figure ("Germany", the subject of an NC401) is marked too, as a conflicting
phrase. Hovering a mark shows its details as a tooltip; clicking or focusing it
(marks are in the tab order) reveals them in the file's details panel.

The page loads nothing (a Content-Security-Policy forbids it): CSS and a few lines
of JS are inline. The markup is also well-formed XML, so a test can parse it
strictly, and the draft's text is exactly the text content of its <pre>: line
numbers are CSS generated content, not text.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from html import escape
from typing import TYPE_CHECKING, Callable, Iterator, Optional, Sequence

from numcheck.document import LineIndex
from numcheck.names import encodable, shown
from numcheck.report import locate, summarize
from numcheck.report.sarif import working_path
from numcheck.report.text import render_summary

if TYPE_CHECKING:
    from numcheck.api import CheckResult
    from numcheck.checks import Finding

__all__ = ["STATUSES", "CSP", "Mark", "marks_of", "render_draft", "render_html"]

STATUSES = ("conflicting", "consistent", "unchecked")
CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)?")  # the line ends LineIndex counts


@dataclass(frozen=True)
class Mark:
    """One marked span: a figure, or a phrase a finding points at that is not a figure."""

    start: int
    end: int
    status: str  # one of STATUSES
    kind: str  # "figure" or "phrase"
    surface: str
    figure_kind: str = ""  # the Quantity's kind, for a figure
    findings: tuple[tuple["Finding", Optional[str]], ...] = ()  # (finding, related message; None: primary)
    verdicts: tuple = ()  # numcheck.tables.match.Verdict of this figure


def marks_of(result: "CheckResult") -> list[Mark]:
    """Every figure of the draft and every finding span that is not a figure, in text order."""
    pointed: dict[tuple[int, int], list[tuple[Finding, Optional[str]]]] = {}
    for f in result.findings:
        pointed.setdefault((f.start, f.end), []).append((f, None))
        for r in f.related:
            pointed.setdefault((r.start, r.end), []).append((f, r.message))
    judged: dict[tuple[int, int], list] = {}
    for v in result.verdicts:
        judged.setdefault((v.figure.start, v.figure.end), []).append(v)
    marks = []
    figure_spans = set()
    for q in result.draft.quantities:
        span = (q.start, q.end)
        figure_spans.add(span)
        findings, verdicts = tuple(pointed.get(span, ())), tuple(judged.get(span, ()))
        statuses = {v.status for v in verdicts}
        status = ("conflicting" if findings or "conflict" in statuses
                  else "consistent" if "consistent" in statuses else "unchecked")
        marks.append(Mark(q.start, q.end, status, "figure", q.text, q.kind, findings, verdicts))
    for (start, end), findings in pointed.items():
        if (start, end) not in figure_spans:
            marks.append(Mark(start, end, "conflicting", "phrase", result.text[start:end], findings=tuple(findings)))
    return sorted(marks, key=lambda m: (m.start, -m.end, m.kind))


# --- the draft, line by line, marks nested and split where they cross ----------------------


def _text(s: str) -> str:
    # A raw CR would reach the DOM as LF (HTML normalises line ends); a reference keeps it.
    return escape(s, quote=False).replace("\r", "&#13;")


def _attr(s: str) -> str:
    return escape(s, quote=True).replace("\r", "&#13;").replace("\n", "&#10;").replace("\t", "&#9;")


def render_draft(text: str, marks: Sequence[Mark], prefix: str, titles: Sequence[str] = ()) -> str:
    """The <pre> of a draft: one block per source line, each mark an element (split into
    fragments with the same data-mark where marks cross or a mark runs onto another line).

    Marks are nested outer first (earlier start, then later end); where one crosses the end
    of the mark it is inside, it is closed there and opened again, so the markup nests."""
    index = LineIndex(text)
    order = sorted(range(len(marks)), key=lambda i: (marks[i].start, -marks[i].end, i))
    rank = {i: r for r, i in enumerate(order)}
    opened: set[int] = set()

    def open_tag(i: int) -> str:
        m = marks[i]
        attrs = f'class="nc-m" data-mark="{prefix}m{i}" data-status="{m.status}" data-kind="{m.kind}"'
        if any(role is None for _, role in m.findings):
            attrs += ' data-reported=""'  # the span a finding reports, not only one it relates to
        if titles:
            attrs += f' title="{_attr(titles[i])}"'
        if i in opened:
            return f'<span {attrs} data-more="">'
        opened.add(i)
        start = min(max(m.start, 0), len(text))  # a span past the text still gets a place
        span = locate(index, start, min(max(start, m.end), len(text)))
        return (f'<span {attrs} id="{prefix}m{i}" tabindex="0" role="button" aria-expanded="false" '
                f'aria-controls="{prefix}d{i}" data-line="{span.line}" data-column="{span.column}" '
                f'data-end-line="{span.end_line}" data-end-column="{span.end_column}">')

    out = [f'<pre class="nc-draft" id="{prefix}draft">']
    lines = [m.span() for m in _LINE.finditer(text) if m.end() > m.start()] or [(0, 0)]
    waiting = iter(order)  # marks by start, taken up as the lines reach them
    pending = next(waiting, None)
    live: list[int] = []
    for number, (ls, le) in enumerate(lines, start=1):
        last = number == len(lines)
        while pending is not None and (marks[pending].start < le or last):
            live.append(pending)
            pending = next(waiting, None)
        here = [i for i in live if marks[i].start < le and marks[i].end > ls and marks[i].end > marks[i].start]
        empty = [i for i in live if marks[i].end <= marks[i].start and (ls <= marks[i].start < le or last)]
        live = [i for i in live if marks[i].end > le and marks[i].end > marks[i].start]
        out.append(f'<span class="nc-line" id="{prefix}L{number}" data-line="{number}">')
        _line_marks(text, marks, (ls, le), here, empty, rank, open_tag, out)
        out.append("</span>")
    out.append("</pre>")
    return "".join(out)


def _line_marks(text: str, marks: Sequence[Mark], line: tuple[int, int], here: list[int], empty: list[int],
                rank: dict[int, int], open_tag: Callable[[int], str], out: list[str]) -> None:
    """One line's text and marks, in one sweep over the places where a mark starts or ends.

    The marks open between two places are kept in nesting order (by `rank`); at each place
    only those from the first one that changed on are closed and opened again. So a line is
    written in time that grows with its marks and the markup written, never with their
    product (a 512 KB paragraph on one line holds tens of thousands of figures)."""
    ls, le = line
    starting: dict[int, list[int]] = {}
    ending: dict[int, list[int]] = {}
    for i in here:
        a, b = max(ls, marks[i].start), min(le, marks[i].end)
        if a < b:  # (on the empty line of an empty text a mark covers nothing)
            starting.setdefault(a, []).append(i)
            ending.setdefault(b, []).append(i)
    empty_at: dict[int, list[int]] = {}
    for i in empty:
        empty_at.setdefault(min(le, max(ls, marks[i].start)), []).append(i)
    points = sorted({ls, le, *starting, *ending, *empty_at})
    active: list[int] = []  # the marks open, outermost first
    ranks: list[int] = []  # their ranks, for bisection
    for a, b in zip(points, [*points[1:], None]):
        was_open = keep = len(active)  # keep: how many of the open marks stay open across `a`
        for i in ending.get(a, ()):
            k = bisect_left(ranks, rank[i])
            del active[k], ranks[k]
            keep = min(keep, k)
        for i in starting.get(a, ()):
            k = bisect_left(ranks, rank[i])
            active.insert(k, i)
            ranks.insert(k, rank[i])
            keep = min(keep, k)
        out.append("</span>" * (was_open - keep))
        out.extend(open_tag(i) + "</span>" for i in empty_at.get(a, ()))
        out.extend(open_tag(i) for i in active[keep:])
        if b is not None:
            out.append(_text(text[a:b]))


# --- what a mark says: the tooltip and the details panel ------------------------------------


def _where(index: LineIndex, start: int, end: int) -> str:
    span = locate(index, start, end)
    return f"line {span.line}, column {span.column}"


def _finding_lines(f: "Finding", role: Optional[str], index: LineIndex) -> tuple[str, str]:
    """(headline, note): "NC101 ratio-percent error: ..." and what this span is to the finding."""
    head = f"{f.rule} {f.name} {f.severity}: {f.message}"
    if role is not None:
        return head, f"related ({role}) to the figure reported at {_where(index, f.start, f.end)}"
    note = "reported here"
    if f.fix is not None:  # a fix replaces the primary span, so it is shown there only
        note += f'; fix: replace with "{f.fix}"'
    return head, note


def _verdict_line(v) -> tuple[str, str]:
    """(label, message) of a table verdict; the message names the row and its source."""
    label = {"consistent": "verified", "conflict": "reference conflict"}.get(v.status, "no reference row matched")
    if v.weak:
        label += " (nearest year)"
    message = v.message or (v.fact.describe() if v.fact is not None else "")
    return label, message


def _heading(m: Mark, index: LineIndex) -> str:
    what = f"{m.figure_kind} figure" if m.kind == "figure" else "phrase"
    return f"{m.status} {what} \u201c{m.surface}\u201d at {_where(index, m.start, m.end)}"


def _title(m: Mark, index: LineIndex) -> str:
    lines = [_heading(m, index)]
    for f, role in m.findings:
        head, note = _finding_lines(f, role, index)
        lines += [head, f"  {note}"]
    for v in m.verdicts:
        label, message = _verdict_line(v)
        lines.append(f"{label}: {message}" if message else label)
    if m.status == "unchecked" and not m.verdicts:
        lines.append("not checked against a reference table")
    return "\n".join(lines)


def _details(m: Mark, index: LineIndex, detail_id: str, mark_id: str) -> str:
    items = []
    for f, role in m.findings:
        head, note = _finding_lines(f, role, index)
        items.append(f'<li class="nc-sev-{_attr(f.severity)}"><b>{_text(f.rule)}</b> <code>{_text(f.name)}</code> '
                     f'<span class="nc-sev">{_text(f.severity)}</span>: {_text(f.message)}'
                     f'<br /><small>{_text(note[:1].upper() + note[1:])}.</small></li>')
    for v in m.verdicts:
        label, message = _verdict_line(v)
        row = ""
        if v.fact is not None:
            row = f'<br /><small>Reference row: {_text(v.fact.path)}, line {v.fact.line}</small>'
        items.append(f"<li><b>{_text(label)}</b>{': ' + _text(message) if message else ''}{row}</li>")
    if m.status == "unchecked" and not m.verdicts:
        items.append("<li>Not checked against a reference table.</li>")
    body = f'<ul>{"".join(items)}</ul>' if items else ""
    return (f'<div class="nc-detail" id="{detail_id}" role="region" aria-labelledby="{detail_id}h" hidden="">'
            f'<p class="nc-head" id="{detail_id}h"><a href="#{mark_id}">{_text(_heading(m, index))}</a></p>'
            f"{body}</div>")


# --- the page ------------------------------------------------------------------------------


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _findings_list(result: "CheckResult", index: LineIndex, prefix: str, marks: Sequence[Mark]) -> str:
    """The findings as the text format lists them; each links to its mark (following the
    link focuses the mark, which shows its details)."""
    if not result.findings:
        return '<p class="nc-none">No findings.</p>'
    mark_of = {}
    for i, m in enumerate(marks):
        mark_of.setdefault((m.start, m.end), i)
    rows = []
    for f in sorted(result.findings, key=lambda f: (f.start, f.end, f.rule, f.message)):
        span = locate(index, f.start, f.end)
        rows.append(f'<li class="nc-sev-{_attr(f.severity)}"><a href="#{prefix}m{mark_of[(f.start, f.end)]}">'
                    f"{span.line}:{span.column}</a> <b>{_text(f.rule)}</b> "
                    f'<span class="nc-sev">{_text(f.severity)}</span>: {_text(f.message)}</li>')
    return f'<ol class="nc-findings">{"".join(rows)}</ol>'


def _section(result: "CheckResult", number: int, root: Optional[str]) -> str:
    prefix = f"f{number}-"
    index = LineIndex(result.text)
    marks = marks_of(result)
    name = shown((working_path(result.path, root) if root is not None else None) or result.path)
    counts = {s: sum(1 for m in marks if m.kind == "figure" and m.status == s) for s in STATUSES}
    phrases = sum(1 for m in marks if m.kind == "phrase")
    tally = ", ".join(f'<span class="nc-key" data-status="{s}">{counts[s]} {s}</span>' for s in STATUSES)
    if phrases:
        tally += f", and {_plural(phrases, 'phrase')} a finding points at"
    draft = render_draft(result.text, marks, prefix, [_title(m, index) for m in marks])
    details = "".join(_details(m, index, f"{prefix}d{i}", f"{prefix}m{i}") for i, m in enumerate(marks))
    return (f'<section class="nc-file" id="{prefix}file" data-path="{_attr(shown(result.path))}" '
            f'aria-labelledby="{prefix}name"><h2 id="{prefix}name">{_text(name)}</h2>'
            f'<p class="nc-summary">{_text(render_summary(summarize([result])).strip())}</p>'
            f"<p>Figures: {tally}.</p>{draft}"
            f'<div class="nc-panel" aria-live="polite"><p class="nc-hint">Select a marked figure '
            f"(click, or Tab to it) to see its arithmetic and reference row here.</p>{details}</div>"
            f"<h3>Findings</h3>{_findings_list(result, index, prefix, marks)}</section>")


_LEGEND = (
    '<dl class="nc-legend">'
    '<dt><span class="nc-m nc-sample" data-status="conflicting" data-kind="figure">12%</span></dt>'
    "<dd>conflicting: a finding points at it, or a reference table contradicts it (wavy underline, \u2717; "
    "bold where the finding is reported)</dd>"
    '<dt><span class="nc-m nc-sample" data-status="consistent" data-kind="figure">26</span></dt>'
    "<dd>consistent: a reference table confirms it (double underline, \u2713)</dd>"
    '<dt><span class="nc-m nc-sample" data-status="unchecked" data-kind="figure">800</span></dt>'
    "<dd>unchecked: read, but nothing confirmed or contradicted it (dotted underline)</dd>"
    '<dt><span class="nc-m nc-sample" data-status="conflicting" data-kind="phrase">Germany</span></dt>'
    "<dd>a phrase a finding points at, not itself a figure (dashed box)</dd></dl>"
)

# Okabe-Ito colours (vermillion, blue), told apart by colour-blind readers too; every status
# also has its own underline style and icon. No '<' or '&' here: the page stays well-formed XML.
_CSS = """
body{font:16px/1.5 system-ui,sans-serif;margin:0 auto;max-width:60rem;padding:1rem;color:#1a1a1a;background:#fff}
h1{font-size:1.5rem}
h2{font-size:1.2rem;margin-top:2.5rem;border-top:1px solid #ccc;padding-top:1rem;word-break:break-all}
.nc-draft{white-space:pre-wrap;overflow-wrap:anywhere;font:inherit;background:#fafafa;border:1px solid #ddd;
  padding:.5rem 0}
.nc-line{display:block;position:relative;padding:0 .5rem 0 4rem;min-height:1.5em}
.nc-line::before{content:attr(data-line);position:absolute;left:0;width:3rem;text-align:right;color:#6b6b6b;
  font-size:.85em;user-select:none}
.nc-line:target{background:#fff3b0}
.nc-m{cursor:pointer;text-underline-offset:.25em;text-decoration-thickness:2px;text-decoration-skip-ink:none}
.nc-m[data-status=conflicting]{background:#fbe0cc;text-decoration:underline wavy #b34700}
.nc-m[data-status=consistent]{background:#d6e9f7;text-decoration:underline double #0072b2}
.nc-m[data-status=unchecked]{text-decoration:underline dotted #6b6b6b}
.nc-m[data-reported]{font-weight:600}
.nc-m[data-kind=phrase]{background:none;text-decoration:none;outline:1px dashed #b34700;outline-offset:1px}
.nc-m[id][data-kind=figure]::before{font-size:.7em;vertical-align:super}
.nc-m[id][data-kind=figure][data-status=conflicting]::before{content:"\\2717";color:#b34700}
.nc-m[id][data-kind=figure][data-status=consistent]::before{content:"\\2713";color:#0072b2}
.nc-m:focus-visible,.nc-m[aria-expanded=true]{outline:3px solid #1a1a1a;outline-offset:1px}
.nc-panel{position:sticky;bottom:0;background:#fff;border:2px solid #1a1a1a;padding:.25rem .75rem;margin:.5rem 0}
.nc-head{font-weight:600;margin:.25rem 0}
.nc-detail ul{margin:.25rem 0;padding-left:1.25rem}
.nc-sev{font-weight:600}
.nc-sev-error .nc-sev{color:#b34700}
.nc-sev-warning .nc-sev{color:#8a5a00}
.nc-sev-info .nc-sev{color:#0072b2}
.nc-legend{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}
.nc-legend dd{margin:0}
.nc-key{font-weight:600}
"""

# The innermost mark under a click or focus shows its details in its file's panel.
_JS = """
(function () {
  "use strict";
  function show(event) {
    var mark = event.target.closest ? event.target.closest("[data-mark]") : null;
    if (!mark) { return; }
    var first = document.getElementById(mark.getAttribute("data-mark"));
    var section = first.closest("section");
    section.querySelectorAll(".nc-detail").forEach(function (d) { d.hidden = true; });
    section.querySelectorAll("[aria-expanded=true]").forEach(function (m) {
      m.setAttribute("aria-expanded", "false");
    });
    section.querySelector(".nc-hint").hidden = true;
    document.getElementById(first.getAttribute("aria-controls")).hidden = false;
    first.setAttribute("aria-expanded", "true");
    event.stopPropagation();
  }
  document.addEventListener("click", show);
  document.addEventListener("focusin", show);
  document.addEventListener("keydown", function (event) {
    if (event.key === "Enter" || event.key === " ") {
      if (event.target.closest ? event.target.closest("[data-mark]") : null) { show(event); event.preventDefault(); }
    }
  });
})();
"""


def render_html(results: Sequence["CheckResult"], root: Optional[str] = None) -> str:
    """The whole page; `root`, when given, is the folder paths are shown relative to."""
    ordered_results = sorted(results, key=lambda r: r.path)
    overall = render_summary(summarize(ordered_results)).strip()
    sections = "".join(_section(r, n, root) for n, r in enumerate(ordered_results))
    # a byte of a name that is not UTF-8, in a message (a reference table's path), reads \xff
    return encodable("".join(_page(overall, sections))) + "\n"


def _page(overall: str, sections: str) -> Iterator[str]:
    yield "<!DOCTYPE html>\n"
    yield '<html lang="en"><head><meta charset="utf-8" />'
    yield f'<meta http-equiv="Content-Security-Policy" content="{CSP}" />'
    yield '<meta name="referrer" content="no-referrer" />'
    yield '<meta name="viewport" content="width=device-width, initial-scale=1" />'
    yield f"<title>numcheck: {_text(overall)}</title><style>{_CSS}</style></head>"
    yield f'<body><header><h1>numcheck report</h1><p class="nc-summary">{_text(overall)}</p>'
    yield f"{_LEGEND}</header><main>{sections or '<p>No files were checked.</p>'}</main>"
    yield f"<script>{_JS}</script></body></html>"
