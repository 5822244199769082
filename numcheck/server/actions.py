"""Quick fixes for findings, as plain WorkspaceEdits (no client-side commands to implement).

(a) the finding's suggested replacement of its figure, when numcheck is sure of one;
(b) a comment on the line above that turns the rule off for the finding's line. In Markdown,
    when that line is in the same paragraph, the comment goes at its end instead: a comment
    line of its own would split the paragraph (an HTML block interrupts one).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Optional, Sequence

from lsprotocol import types

from numcheck.checks import Finding
from numcheck.markup import markup_kind
from numcheck.server.diagnostics import finding_diagnostic
from numcheck.server.positions import PositionMap
from numcheck.suppress import MARKUP_SUFFIXES  # where the suppression engine reads only comments
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
    return uri.lower().split("?", 1)[0].endswith(MARKUP_SUFFIXES) or (language_id or "") in MARKUP_LANGUAGES


def code_actions(findings: Sequence[Finding], positions: PositionMap, uri: str, markup: bool,
                 draft: Optional["Draft"] = None) -> list[types.CodeAction]:
    """`draft` is the checked draft, whose prose view and block breaks tell a paragraph's
    continuation line (where a Markdown comment must not stand on a line of its own)."""
    actions: list[types.CodeAction] = []
    disabled: set[tuple[int, str]] = set()
    for f in findings:
        diagnostic = finding_diagnostic(f, positions, uri)
        if f.fix is not None:
            actions.append(types.CodeAction(
                title=f"Replace with {f.fix!r} ({f.rule})",
                kind=types.CodeActionKind.QuickFix,
                diagnostics=[diagnostic],
                is_preferred=True,
                edit=_edit(uri, types.TextEdit(range=diagnostic.range, new_text=f.fix)),
            ))
        line = positions.line_of(f.start)
        if (line, f.rule) in disabled or f.rule == UNUSED_SUPPRESSION.code:  # its fix is removing a directive
            continue
        disabled.add((line, f.rule))
        actions.append(types.CodeAction(
            title=f"Disable {f.rule} for this line",
            kind=types.CodeActionKind.QuickFix,
            diagnostics=[diagnostic],
            edit=_edit(uri, _continuation_edit(positions, line, f.rule, draft)
                       or disable_edit(positions, line, f.rule, markup)),
        ))
    return actions


def disable_edit(positions: PositionMap, line: int, code: str, markup: bool) -> types.TextEdit:
    """Insert the comment as a line of its own above `line`, indented like it, with its line break."""
    text = positions.line_text(line)
    indent = _INDENT.match(text).group()  # type: ignore[union-attr]
    eol = positions.line_break(line) or positions.line_break(0) or "\n"
    at = types.Position(line=line, character=0)
    return types.TextEdit(range=types.Range(start=at, end=at), new_text=f"{indent}{disable_comment(code, markup)}{eol}")


def _continuation_edit(positions: PositionMap, line: int, code: str,
                       draft: Optional["Draft"]) -> Optional[types.TextEdit]:
    """In a Markdown draft, when `line` continues the paragraph of the line above (that line is
    prose and no block starts between them), the comment at the end of the line above, before a
    hard line break; its next line is `line`. None otherwise."""
    if draft is None or line == 0 or markup_kind(draft.path) != "markdown" or draft.text != positions.text:
        return None
    above = line - 1
    start = positions.offset(types.Position(line=above, character=0))
    here = positions.offset(types.Position(line=line, character=0))
    if not draft.prose[start:here].strip() or any(start < b <= here for b in draft.breaks):
        return None
    text = positions.line_text(above)
    content = text.rstrip(" \t")  # trailing blanks: maybe a hard line break, kept at the end
    if (len(content) - len(content.rstrip("\\"))) % 2 and content == text:
        content = content[:-1]  # "text\": a backslash hard line break, kept at the end too
    end = start + len(content)
    following = positions.line_text(line)
    first = here + len(following) - len(following.lstrip(" \t>"))
    if end > start and first < len(draft.text) and draft.prose[end - 1] != draft.text[end - 1] \
            and draft.prose[first] != draft.text[first]:
        return None  # a code span, link title or tag runs across the line break: no comment inside it
    at = positions.position(end)
    return types.TextEdit(range=types.Range(start=at, end=at), new_text=f" {disable_comment(code, True)}")


def _edit(uri: str, edit: types.TextEdit) -> types.WorkspaceEdit:
    return types.WorkspaceEdit(changes={uri: [edit]})
