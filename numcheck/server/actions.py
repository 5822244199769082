"""Quick fixes for findings, as plain WorkspaceEdits (no client-side commands to implement).

(a) the finding's suggested replacement of its figure, when numcheck is sure of one;
(b) a directive that turns the rule off for the finding: in plain text a directive line
    above the finding's line; in Markdown and HTML a comment placed where it silences the
    finding without changing how the draft renders or reads (numcheck.server.placement):
    above the line, at the end of the line above, or around the table or block.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Optional, Sequence

from lsprotocol import types

from numcheck.checks import Finding
from numcheck.markup import Prose, markup_kind
from numcheck.server.diagnostics import finding_diagnostic
from numcheck.server.placement import place_disable
from numcheck.server.positions import PositionMap
from numcheck.suppress import RULE as UNUSED_SUPPRESSION

if TYPE_CHECKING:
    from numcheck.claims import Draft

MARKUP_LANGUAGES = ("markdown", "html")
_INDENT = re.compile(r"[ \t]*")


def disable_comment(code: str, markup: bool) -> str:
    """The comment numcheck's suppression reads: hidden in rendered Markdown and HTML."""
    text = f"numcheck: disable-next-line {code}"
    return f"<!-- {text} -->" if markup else text


def is_markup(uri: str, language_id: str | None) -> bool:
    # where the suppression engine reads directives only in comments
    return markup_kind(uri.split("?", 1)[0]) != "plain" or (language_id or "") in MARKUP_LANGUAGES


def code_actions(findings: Sequence[Finding], positions: PositionMap, uri: str, markup: bool,
                 draft: Optional["Draft"] = None) -> list[types.CodeAction]:
    """`draft` is the checked draft: in Markdown and HTML, where a disable comment may go is
    found on it (and checked on a copy of the text); without it, a line above is assumed."""
    actions: list[types.CodeAction] = []
    seen_lines: set[tuple[int, str]] = set()
    seen_edits: set[tuple[tuple[int, str], ...]] = set()
    for f in findings:
        diagnostic = finding_diagnostic(f, positions, uri)
        if f.fix is not None:
            actions.append(types.CodeAction(
                title=f"Replace with {f.fix!r} ({f.rule})",
                kind=types.CodeActionKind.QuickFix,
                diagnostics=[diagnostic],
                is_preferred=True,
                edit=_edit(uri, [types.TextEdit(range=diagnostic.range, new_text=f.fix)]),
            ))
        line = positions.line_of(f.start)
        if (line, f.rule) in seen_lines or f.rule == UNUSED_SUPPRESSION.code:  # its fix is removing a directive
            continue
        seen_lines.add((line, f.rule))
        disable = _disable(f, positions, markup, draft)
        if disable is None or disable[1] in seen_edits:  # no safe place; or the same table's
            continue
        seen_edits.add(disable[1])
        actions.append(types.CodeAction(
            title=f"Disable {f.rule} for {disable[0]}",
            kind=types.CodeActionKind.QuickFix,
            diagnostics=[diagnostic],
            edit=_edit(uri, [types.TextEdit(range=positions.range(at, at), new_text=what) for at, what in disable[1]]),
        ))
    return actions


def _disable(f: Finding, positions: PositionMap, markup: bool,
             draft: Optional["Draft"]) -> Optional[tuple[str, tuple[tuple[int, str], ...]]]:
    """What the disable action covers ("this line", "this table"...) and its insertions (offset, text)."""
    kind = draft.markup if draft is not None else "plain"
    if draft is not None and kind != "plain" and draft.text == positions.text:
        prose = Prose(draft.prose, draft.breaks, draft.tables, kind, draft.comments)
        placement = place_disable(draft.text, draft.path, prose, f.start, f.rule)
        return None if placement is None else (placement.scope, placement.inserts)
    edit = disable_edit(positions, positions.line_of(f.start), f.rule, markup)
    return "this line", ((positions.offset(edit.range.start), edit.new_text),)


def disable_edit(positions: PositionMap, line: int, code: str, markup: bool) -> types.TextEdit:
    """Insert the comment as a line of its own above `line`, indented like it, with its line break."""
    text = positions.line_text(line)
    indent = _INDENT.match(text).group()  # type: ignore[union-attr]
    eol = positions.line_break(line) or positions.line_break(0) or "\n"
    at = types.Position(line=line, character=0)
    return types.TextEdit(range=types.Range(start=at, end=at), new_text=f"{indent}{disable_comment(code, markup)}{eol}")


def _edit(uri: str, edits: list[types.TextEdit]) -> types.WorkspaceEdit:
    return types.WorkspaceEdit(changes={uri: edits})
