"""`numcheck server` end to end: a real LSP client (pytest-lsp) starts `python -m numcheck server`
as a subprocess and speaks the protocol to it over stdio.

Every test here also checks that standard output carries nothing but the protocol: the
client parses every byte the server writes as a framed JSON-RPC message, and a stray line
would break the stream and fail the test (test_stdout_is_only_protocol checks the framing
byte by byte, without pygls). The position conversion (code points to UTF-16, UTF-8 or UTF-32
units) is also checked on its own, by property, against a direct reading of the LSP rules.
"""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
import threading
from pathlib import Path
from typing import Callable, Optional

import pytest
import pytest_lsp
from hypothesis import given, strategies as st
from lsprotocol import types
from pygls.protocol import default_converter
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities
from pytest_lsp.client import DEFAULT_CLIENT_FEATURES, register_lsp_features

from numcheck.markup import read_prose
from numcheck.server.positions import PositionMap

REPO = Path(__file__).resolve().parents[1]
SERVER = [sys.executable, "-m", "numcheck", "server"]
MISTAKE = "Of the 800 applicants, 120 (12%) were accepted."  # NC101: 120 of 800 is 15%, fix "15%"
CORRECT = "Of the 800 applicants, 120 (15%) were accepted."
TIMEOUT = 20  # seconds: a generous bound on a busy CI machine, not a speed check


def recording_client() -> LanguageClient:
    """pytest-lsp's client, which also keeps every publishDiagnostics in order (`published`) and
    every registration the server asks for (`registrations`)."""
    client = LanguageClient(converter_factory=default_converter)
    client.published = []  # type: ignore[attr-defined]
    client.registrations = []  # type: ignore[attr-defined]

    def publish(ls: LanguageClient, params: types.PublishDiagnosticsParams) -> None:
        ls.diagnostics[params.uri] = params.diagnostics
        ls.published.append(params)  # type: ignore[attr-defined]

    def register(ls: LanguageClient, params: types.RegistrationParams) -> None:
        ls.registrations.extend(params.registrations)  # type: ignore[attr-defined]

    register_lsp_features(client, {**DEFAULT_CLIENT_FEATURES, types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS: publish,
                                   types.CLIENT_REGISTER_CAPABILITY: register})
    return client


CONFIG = ClientServerConfig(server_command=SERVER, client_factory=recording_client)


async def start(lsp_client: LanguageClient, capabilities: str, root: Path) -> None:
    await lsp_client.initialize_session(
        types.InitializeParams(capabilities=client_capabilities(capabilities), root_uri=root.as_uri())
    )


@pytest_lsp.fixture(config=CONFIG)
async def client(lsp_client: LanguageClient, tmp_path: Path):
    """A client with VS Code's capabilities: UTF-16 positions, file watching by registration."""
    await start(lsp_client, "visual-studio-code", tmp_path)
    yield
    await lsp_client.shutdown_session()


@pytest_lsp.fixture(config=CONFIG)
async def nvim(lsp_client: LanguageClient, tmp_path: Path):
    """A client with Neovim 0.11's capabilities: it offers UTF-8 positions first."""
    await start(lsp_client, "neovim", tmp_path)
    yield
    await lsp_client.shutdown_session()


# --- helpers: the client side of an editor, written without the server's code -------------------

def publications(client: LanguageClient, uri: str) -> list[types.PublishDiagnosticsParams]:
    return [p for p in client.published if p.uri == uri]  # type: ignore[attr-defined]


async def published(client: LanguageClient, action: Callable[[], None], uri: str,
                    version: Optional[int] = None) -> types.PublishDiagnosticsParams:
    """Do `action`, then wait for the next diagnostics the server publishes for `uri`."""
    seen = len(publications(client, uri))
    action()
    for _ in range(TIMEOUT * 100):
        if len(publications(client, uri)) > seen:
            break
        await asyncio.sleep(0.01)
    assert len(publications(client, uri)) > seen, f"no diagnostics for {uri} within {TIMEOUT} s"
    params = publications(client, uri)[seen]
    if version is not None:
        assert params.version == version
    return params


def open_doc(client: LanguageClient, uri: str, text: str, language: str = "markdown") -> Callable[[], None]:
    item = types.TextDocumentItem(uri=uri, language_id=language, version=1, text=text)
    return lambda: client.text_document_did_open(types.DidOpenTextDocumentParams(text_document=item))


def change_doc(client: LanguageClient, uri: str, version: int, text: str) -> Callable[[], None]:
    params = types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
        content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)],
    )
    return lambda: client.text_document_did_change(params)


def units(text: str, encoding: str = "utf-16") -> int:
    """Code units of `text` in an LSP position encoding."""
    if encoding == "utf-32":
        return len(text)
    return len(text.encode("utf-16-le")) // 2 if encoding == "utf-16" else len(text.encode("utf-8"))


def lsp_position(text: str, offset: int, encoding: str = "utf-16") -> types.Position:
    before = text[:offset]
    line = before.count("\n")
    return types.Position(line=line, character=units(before[before.rfind("\n") + 1:], encoding))


def apply_edits(text: str, edits: list[types.TextEdit]) -> str:
    """Apply TextEdits (UTF-16 positions) the way an editor does: last first."""
    lines = text.split("\n")

    def offset(p: types.Position) -> int:
        line = lines[p.line]
        count = i = 0
        while i < len(line) and count < p.character:
            count += units(line[i])
            i += 1
        return sum(len(x) + 1 for x in lines[:p.line]) + i

    spans = sorted(((offset(e.range.start), offset(e.range.end), e.new_text) for e in edits), reverse=True)
    for start, end, new in spans:
        text = text[:start] + new + text[end:]
    return text


async def disable_action(client: LanguageClient, uri: str, text: str,
                         language: str = "markdown") -> tuple[types.Diagnostic, types.CodeAction]:
    """Open a draft with one finding: its diagnostic and the action that disables it."""
    [d] = (await published(client, open_doc(client, uri, text, language), uri)).diagnostics
    actions = await client.text_document_code_action_async(code_action_params(uri, d.range, [d]))
    [disable] = [a for a in actions if not a.is_preferred]
    return d, disable


def span_of(text: str, needle: str) -> tuple[int, int]:
    start = text.index(needle)
    return start, start + len(needle)


# --- diagnostics ---------------------------------------------------------------------------------

async def test_open_publishes_the_finding_with_range_code_source_and_related(client: LanguageClient, tmp_path):
    uri = (tmp_path / "draft.md").as_uri()
    params = await published(client, open_doc(client, uri, MISTAKE + "\n"), uri, version=1)
    [d] = params.diagnostics
    assert (d.code, d.source, d.severity) == ("NC101", "numcheck", types.DiagnosticSeverity.Error)
    assert d.message == "120 of 800 is 15.0%, not 12%"
    start, end = span_of(MISTAKE, "12%")
    assert d.range == types.Range(start=lsp_position(MISTAKE, start), end=lsp_position(MISTAKE, end))
    [related] = d.related_information
    assert related.message == "the counts"
    assert related.location.uri == uri
    assert related.location.range.start == lsp_position(MISTAKE, MISTAKE.index("120"))
    # the rule's documentation: its page shipped with the package, `numcheck rule NC101`'s text
    assert d.code_description is not None
    page = REPO / "numcheck" / "docs" / "rules" / "NC101.md"
    assert d.code_description.href == page.as_uri()
    assert page.read_text(encoding="utf-8").startswith("# ratio-percent (NC101)")


async def test_severities_map_warning_and_info(client: LanguageClient, tmp_path):
    # NC201 same-count-conflict is a warning by default
    text = "Three tankers were seized on Monday. Officials inspected the four seized tankers on Tuesday.\n"
    uri = (tmp_path / "tankers.md").as_uri()
    params = await published(client, open_doc(client, uri, text), uri)
    assert [(d.code, d.severity) for d in params.diagnostics] == [("NC201", types.DiagnosticSeverity.Warning)]


async def test_a_change_that_adds_a_mistake_gets_a_diagnostic(client: LanguageClient, tmp_path):
    uri = (tmp_path / "draft.md").as_uri()
    first = await published(client, open_doc(client, uri, CORRECT + "\n"), uri, version=1)
    assert list(first.diagnostics) == []
    second = await published(client, change_doc(client, uri, 2, CORRECT + "\n\n" + MISTAKE + "\n"), uri, version=2)
    [d] = second.diagnostics
    assert d.code == "NC101"
    assert d.range.start.line == 2


async def test_a_newer_edit_cancels_the_pending_check(client: LanguageClient, tmp_path):
    uri = (tmp_path / "draft.md").as_uri()
    await published(client, open_doc(client, uri, CORRECT), uri, version=1)

    def two_quick_edits() -> None:
        change_doc(client, uri, 2, MISTAKE)()
        change_doc(client, uri, 3, CORRECT)()  # within the pause: version 2 is never checked

    params = await published(client, two_quick_edits, uri)
    assert params.version == 3
    assert list(params.diagnostics) == []
    await asyncio.sleep(1.0)  # and nothing more comes: the first edit's check never ran
    assert [p.version for p in publications(client, uri)] == [1, 3]


async def test_save_checks_again(client: LanguageClient, tmp_path):
    uri = (tmp_path / "draft.md").as_uri()
    await published(client, open_doc(client, uri, MISTAKE), uri, version=1)
    save = types.DidSaveTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri))
    params = await published(client, lambda: client.text_document_did_save(save), uri, version=1)
    assert [d.code for d in params.diagnostics] == ["NC101"]


async def test_close_clears_the_diagnostics(client: LanguageClient, tmp_path):
    uri = (tmp_path / "draft.md").as_uri()
    opened = await published(client, open_doc(client, uri, MISTAKE), uri)
    assert len(opened.diagnostics) == 1
    close = types.DidCloseTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri))
    closed = await published(client, lambda: client.text_document_did_close(close), uri)
    assert list(closed.diagnostics) == []


@pytest.mark.parametrize("uri", ["untitled:Untitled-1", "file:///tmp/numcheck-notes"])
async def test_a_markdown_buffer_without_a_markdown_name_is_read_as_markdown(client: LanguageClient, uri):
    """The editor's language id names the markup when the buffer's name does not: a figure in a
    code block is not prose in Markdown, so only the mistake outside it is reported."""
    text = "```\n" + MISTAKE + "\n```\n\n" + MISTAKE + "\n"
    as_markdown = await published(client, open_doc(client, uri, text, language="markdown"), uri)
    assert [d.range.start.line for d in as_markdown.diagnostics] == [4]
    close = types.DidCloseTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri))
    await published(client, lambda: client.text_document_did_close(close), uri)
    # the same buffer as plain text: both sentences are prose
    as_text = await published(client, open_doc(client, uri, text, language="plaintext"), uri)
    assert sorted(d.range.start.line for d in as_text.diagnostics) == [1, 4]


async def test_columns_after_a_non_bmp_character_are_utf16_units(client: LanguageClient, tmp_path):
    text = "intro\n🎉 𝔘 " + MISTAKE + "\n"  # two characters outside the BMP before the figure
    uri = (tmp_path / "emoji.md").as_uri()
    params = await published(client, open_doc(client, uri, text), uri)
    [d] = params.diagnostics
    start, end = span_of(text, "12%")
    assert d.range.start == types.Position(line=1, character=start - len("intro\n") + 2)  # 2 extra units
    assert d.range.end == lsp_position(text, end)
    # and back: a hover at the UTF-16 position of the figure finds the figure
    hover = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=d.range.start))
    assert hover is not None and hover.range == d.range
    # the fix edit lands on the figure
    actions = await client.text_document_code_action_async(code_action_params(uri, d.range, [d]))
    fix = next(a for a in actions if a.is_preferred)
    assert apply_edits(text, fix.edit.changes[uri]) == text.replace("12%", "15%")


async def test_utf8_columns_when_the_client_asks_for_utf8(nvim: LanguageClient, tmp_path):
    text = "naïve 🎉 " + MISTAKE
    uri = (tmp_path / "emoji.md").as_uri()
    params = await published(nvim, open_doc(nvim, uri, text), uri)
    [d] = params.diagnostics
    start, _ = span_of(text, "12%")
    assert d.range.start == types.Position(line=0, character=len(text[:start].encode("utf-8")))


# --- hover ---------------------------------------------------------------------------------------

async def test_hover_on_a_figure_shows_the_reading_and_the_check(client: LanguageClient, tmp_path):
    uri = (tmp_path / "draft.md").as_uri()
    await published(client, open_doc(client, uri, MISTAKE), uri)
    at = lsp_position(MISTAKE, MISTAKE.index("12%") + 1)
    hover = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=at))
    assert hover is not None
    assert hover.contents.kind == types.MarkupKind.Markdown
    text = hover.contents.value
    assert "`12%`" in text and "`percent`" in text  # the surface and the kind
    assert "- value: 12" in text and "- unit: percent" in text and "- qualifier: exact" in text
    assert "NC101" in text and "120 of 800 is 15.0%, not 12%" in text and "fix: `15%`" in text
    start, end = span_of(MISTAKE, "12%")
    assert hover.range == types.Range(start=lsp_position(MISTAKE, start), end=lsp_position(MISTAKE, end))


async def test_hover_on_a_related_figure_names_its_role(client: LanguageClient, tmp_path):
    uri = (tmp_path / "draft.md").as_uri()
    await published(client, open_doc(client, uri, MISTAKE), uri)
    at = lsp_position(MISTAKE, MISTAKE.index("120"))
    hover = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=at))
    assert hover is not None
    assert "NC101" in hover.contents.value and "the counts" in hover.contents.value


async def test_hover_away_from_figures_is_empty(client: LanguageClient, tmp_path):
    uri = (tmp_path / "draft.md").as_uri()
    await published(client, open_doc(client, uri, MISTAKE), uri)
    hover = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line=0, character=2)))
    assert hover is None


# --- code actions --------------------------------------------------------------------------------

def code_action_params(uri: str, range_: types.Range, diagnostics: list[types.Diagnostic]) -> types.CodeActionParams:
    return types.CodeActionParams(text_document=types.TextDocumentIdentifier(uri=uri), range=range_,
                                  context=types.CodeActionContext(diagnostics=diagnostics))


async def test_applying_the_fix_makes_the_diagnostic_go(client: LanguageClient, tmp_path):
    uri = (tmp_path / "draft.md").as_uri()
    text = "# Admissions\n\n" + MISTAKE + "\n"
    [d] = (await published(client, open_doc(client, uri, text), uri)).diagnostics
    actions = await client.text_document_code_action_async(code_action_params(uri, d.range, [d]))
    [fix] = [a for a in actions if a.is_preferred]
    assert fix.kind == types.CodeActionKind.QuickFix and fix.command is None
    assert fix.diagnostics[0].code == "NC101"
    [edit] = fix.edit.changes[uri]
    assert edit.new_text == "15%" and edit.range == d.range
    fixed = apply_edits(text, [edit])
    assert fixed == "# Admissions\n\n" + CORRECT + "\n"
    after = await published(client, change_doc(client, uri, 2, fixed), uri, version=2)
    assert list(after.diagnostics) == []


async def test_disable_comment_in_markdown_is_an_html_comment_above_indented_like_the_line(
        client: LanguageClient, tmp_path):
    uri = (tmp_path / "draft.md").as_uri()
    text = "Intro.\n\n   " + MISTAKE + "\n"
    _, disable = await disable_action(client, uri, text)
    assert disable.title == "Disable NC101 for this line"
    [edit] = disable.edit.changes[uri]
    assert edit.range == types.Range(start=types.Position(line=2, character=0), end=types.Position(line=2, character=0))
    assert edit.new_text == "   <!-- numcheck: disable-next-line NC101 -->\n"


async def test_disable_comment_in_plain_text_is_a_plain_line(client: LanguageClient, tmp_path):
    uri = (tmp_path / "draft.txt").as_uri()
    text = "Intro.\r\n" + MISTAKE + "\r\n"  # Windows line breaks are kept
    _, disable = await disable_action(client, uri, text, language="plaintext")
    [edit] = disable.edit.changes[uri]
    assert edit.range.start == types.Position(line=1, character=0)
    assert edit.new_text == "numcheck: disable-next-line NC101\r\n"


async def test_applying_the_disable_comment_makes_the_diagnostic_go(client: LanguageClient, tmp_path):
    uri = (tmp_path / "draft.md").as_uri()
    text = "# Admissions\n\n" + MISTAKE + "\n"
    _, disable = await disable_action(client, uri, text)
    disabled = apply_edits(text, disable.edit.changes[uri])
    assert disabled == "# Admissions\n\n<!-- numcheck: disable-next-line NC101 -->\n" + MISTAKE + "\n"
    after = await published(client, change_doc(client, uri, 2, disabled), uri, version=2)
    assert list(after.diagnostics) == []  # NC101 silenced, and the comment is used (no NC001)


async def test_disable_comment_inside_a_markdown_paragraph_keeps_the_paragraph(client: LanguageClient, tmp_path):
    """A comment line of its own would split the paragraph (an HTML block interrupts one): on a
    paragraph's continuation line the comment goes at the end of the line above, before its
    hard line break, and still silences the finding."""
    from markdown_it import MarkdownIt

    uri = (tmp_path / "draft.md").as_uri()
    text = "> The report said  \n> " + MISTAKE + "\n"
    _, disable = await disable_action(client, uri, text)
    disabled = apply_edits(text, disable.edit.changes[uri])
    assert disabled == "> The report said <!-- numcheck: disable-next-line NC101 -->  \n> " + MISTAKE + "\n"
    rendered = MarkdownIt("commonmark").render(disabled)
    assert rendered.count("<p>") == 1 and "<br />" in rendered
    after = await published(client, change_doc(client, uri, 2, disabled), uri, version=2)
    assert list(after.diagnostics) == []  # NC101 silenced, and the comment is used (no NC001)


@pytest.mark.parametrize("above, comment_at_its_end", [
    ("The board said that", True),
    ("The board said *that*", True),  # an emphasis closer at the line's end: still prose
    ("The board said `that", False),  # a code span running onto the finding's line: not inside it
])
def test_disable_comment_goes_at_the_end_of_the_line_above_only_outside_code(above, comment_at_its_end):
    """Inside a code span the comment would be code, and a line of its own would split the
    paragraph and the span: the paragraph is then put between disable and enable lines."""
    from numcheck.api import check_text
    from numcheck.server.actions import code_actions

    text = f"{above}\nit was` that {MISTAKE.replace('Of', 'of', 1)}\n"  # a lone backtick closes a span above
    result = check_text(text, "draft.md")
    [finding] = [f for f in result.findings if f.rule == "NC101"]
    [disable] = [a for a in code_actions([finding], PositionMap(text), "file:///draft.md", True, result.draft)
                 if not a.is_preferred]
    edits = disable.edit.changes["file:///draft.md"]
    fixed = apply_edits(text, edits)
    if comment_at_its_end:
        [edit] = edits
        assert edit.range.start == types.Position(line=0, character=len(above))
        assert edit.new_text == " <!-- numcheck: disable-next-line NC101 -->"
    else:
        assert disable.title == "Disable NC101 for this paragraph"
        assert fixed == f"<!-- numcheck: disable NC101 -->\n{text}<!-- numcheck: enable NC101 -->\n"
    assert [f.rule for f in check_text(fixed, "draft.md").findings] == []
    assert block_shape(fixed) == block_shape(text)


# --- where the disable comment goes: it silences the finding and the draft renders the same ------

def block_shape(text: str) -> list[tuple[str, bool]]:
    """The blocks a CommonMark + GFM-tables renderer makes (tables, lists, items, paragraphs and
    whether they are tight, quotes, headings, rows), leaving out HTML blocks (the comment)."""
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    return [(t.type, t.hidden) for t in tokens if t.type != "html_block"]


LOWER = MISTAKE.replace("Of", "of", 1)
DIRECTIVE = "<!-- numcheck: disable-next-line NC101 -->"
TOTAL_TABLE = "| Region | Sales |\n|---|---|\n| North | 200 |\n| South | 250 |\n| Total | 470 |\n"  # 450, not 470
AROUND_TOTAL = "<!-- numcheck: disable NC109 -->\n" + TOTAL_TABLE + "<!-- numcheck: enable NC109 -->\n"

# (draft, what the action covers, the draft with the action applied)
PLACES = {
    "table body row": (
        f"Intro.\n\n| Office | Note |\n|---|---|\n| Oslo | {MISTAKE} |\n| Bergen | Fine. |\n\nAfter.\n", "table",
        f"Intro.\n\n<!-- numcheck: disable NC101 -->\n| Office | Note |\n|---|---|\n| Oslo | {MISTAKE} |\n"
        "| Bergen | Fine. |\n<!-- numcheck: enable NC101 -->\n\nAfter.\n"),
    "table total row": (f"Intro.\n\n{TOTAL_TABLE}\nAfter.\n", "table", f"Intro.\n\n{AROUND_TOTAL}\nAfter.\n"),
    "table total row, last line without a line break": (
        TOTAL_TABLE.rstrip("\n"), "table", AROUND_TOTAL.rstrip("\n")),
    "table in a quote": (
        "> " + TOTAL_TABLE.rstrip("\n").replace("\n", "\n> ") + "\n", "table",
        "> " + AROUND_TOTAL.rstrip("\n").replace("\n", "\n> ") + "\n"),
    "table in a list item": (
        "- Sales:\n\n  " + TOTAL_TABLE.rstrip("\n").replace("\n", "\n  ") + "\n- Next.\n", "table",
        "- Sales:\n\n  " + AROUND_TOTAL.rstrip("\n").replace("\n", "\n  ") + "\n- Next.\n"),
    "first item of a list": (
        f"Intro.\n\n- {MISTAKE}\n- Second.\n", "line", f"Intro.\n\n{DIRECTIVE}\n- {MISTAKE}\n- Second.\n"),
    "first item of a list right after a paragraph": (
        f"Intro:\n- {MISTAKE}\n- Second.\n", "line", f"Intro:\n{DIRECTIVE}\n- {MISTAKE}\n- Second.\n"),
    "middle item": (
        f"- First.\n- {MISTAKE}\n- Third.\n", "line", f"- First.\n  {DIRECTIVE}\n- {MISTAKE}\n- Third.\n"),
    "middle item of an ordered list": (
        f"1. First.\n2. {MISTAKE}\n3. Third.\n", "line", f"1. First.\n   {DIRECTIVE}\n2. {MISTAKE}\n3. Third.\n"),
    "middle item of a loose list": (
        f"- First.\n\n- {MISTAKE}\n\n- Third.\n", "line",
        f"- First.\n\n  {DIRECTIVE}\n- {MISTAKE}\n\n- Third.\n"),
    "item after a code block in the item above": (
        f"- First:\n  ```\n  x\n  ```\n- {MISTAKE}\n", "line",
        f"- First:\n  ```\n  x\n  ```\n  {DIRECTIVE}\n- {MISTAKE}\n"),
    "nested item": (
        f"- Outer.\n  - {MISTAKE}\n  - Other.\n", "line", f"- Outer.\n  {DIRECTIVE}\n  - {MISTAKE}\n  - Other.\n"),
    "nested middle item": (
        f"- Outer.\n  - Inner.\n  - {MISTAKE}\n", "line", f"- Outer.\n  - Inner.\n    {DIRECTIVE}\n  - {MISTAKE}\n"),
    "list item in a quote": (
        f"> - First.\n> - {MISTAKE}\n", "line", f"> - First.\n>   {DIRECTIVE}\n> - {MISTAKE}\n"),
    "item's continuation line": (
        f"- The board said\n  {LOWER}\n- Next.\n", "line", f"- The board said {DIRECTIVE}\n  {LOWER}\n- Next.\n"),
    "item's second paragraph": (
        f"- First.\n\n  {MISTAKE}\n", "line", f"- First.\n\n  {DIRECTIVE}\n  {MISTAKE}\n"),
    "blockquote continuation line": (
        f"> The report said\n> {MISTAKE}\n", "line", f"> The report said {DIRECTIVE}\n> {MISTAKE}\n"),
    "blockquote paragraph's first line": (
        f"Intro.\n\n> Note.\n>\n> {MISTAKE}\n", "line", f"Intro.\n\n> Note.\n>\n> {DIRECTIVE}\n> {MISTAKE}\n"),
    "lazy continuation of a quote": (
        f"> The report said\n{LOWER}\n", "line", f"> The report said {DIRECTIVE}\n{LOWER}\n"),
    "heading": (
        f"Intro.\n\n## {MISTAKE}\n\nText.\n", "line", f"Intro.\n\n{DIRECTIVE}\n## {MISTAKE}\n\nText.\n"),
    "heading right after a paragraph": (
        f"Intro.\n## {MISTAKE}\n", "line", f"Intro.\n{DIRECTIVE}\n## {MISTAKE}\n"),
    "setext heading's second line": (
        f"The board said\n{LOWER}\n---\n", "line", f"The board said {DIRECTIVE}\n{LOWER}\n---\n"),
    "line after a backslash hard break": (
        f"The board said\\\n{LOWER}\n", "line", f"The board said {DIRECTIVE}\\\n{LOWER}\n"),
    "raw HTML block": (
        f"<div>\n{MISTAKE}\n</div>\n", "line", f"<div>\n{DIRECTIVE}\n{MISTAKE}\n</div>\n"),
    "after a front matter": (
        f"---\ntitle: Admissions\n---\n{MISTAKE}\n", "line", f"---\ntitle: Admissions\n---\n{DIRECTIVE}\n{MISTAKE}\n"),
}


@pytest.mark.parametrize("case", sorted(PLACES))
def test_disable_comment_silences_the_finding_and_keeps_the_markdown_as_it_renders(case):
    from numcheck.api import check_text
    from numcheck.server.actions import code_actions

    text, scope, expected = PLACES[case]
    result = check_text(text, "draft.md")
    [finding] = result.findings
    [disable] = [a for a in code_actions([finding], PositionMap(text), "file:///draft.md", True, result.draft)
                 if not a.is_preferred]
    assert disable.title == f"Disable {finding.rule} for this {scope}"
    edited = apply_edits(text, disable.edit.changes["file:///draft.md"])
    assert edited == expected
    assert list(check_text(edited, "draft.md").findings) == []  # silenced, and the directive is used (no NC001)
    assert block_shape(edited) == block_shape(text)
    assert "".join(read_prose(edited, "draft.md").view.split()) == "".join(read_prose(text, "draft.md").view.split())


def test_disable_comment_with_windows_line_breaks_keeps_them():
    from numcheck.api import check_text
    from numcheck.server.actions import code_actions

    text = f"Intro.\r\n\r\n{TOTAL_TABLE}\r\nAfter.\r\n".replace("|\n", "|\r\n")
    result = check_text(text, "draft.md")
    [disable] = [a for a in code_actions(result.findings, PositionMap(text), "file:///draft.md", True, result.draft)
                 if not a.is_preferred]
    positions = PositionMap(text)
    edited = text
    for edit in sorted(disable.edit.changes["file:///draft.md"], key=lambda e: (e.range.start.line,
                                                                                e.range.start.character), reverse=True):
        at = positions.offset(edit.range.start)
        edited = edited[:at] + edit.new_text + edited[at:]
    assert edited == f"Intro.\r\n\r\n{AROUND_TOTAL}\r\nAfter.\r\n".replace("\n", "\r\n").replace("\r\r", "\r")
    assert list(check_text(edited, "draft.md").findings) == []


def test_disable_comment_in_html_goes_around_a_tag_written_over_lines():
    """In HTML a comment cannot stand inside a tag: when the finding's line starts inside one,
    disable and enable lines go around the tag and the line."""
    from numcheck.api import check_text
    from numcheck.server.actions import code_actions

    text = f'<p class="lead"\n   id="x">{MISTAKE}</p>\n'
    result = check_text(text, "page.html")
    [disable] = [a for a in code_actions(result.findings, PositionMap(text), "file:///page.html", True, result.draft)
                 if not a.is_preferred]
    assert disable.title == "Disable NC101 for these lines"
    edited = apply_edits(text, disable.edit.changes["file:///page.html"])
    assert edited == f"<!-- numcheck: disable NC101 -->\n{text}<!-- numcheck: enable NC101 -->\n"
    assert list(check_text(edited, "page.html").findings) == []


def test_one_disable_action_per_table_and_rule():
    from numcheck.api import check_text
    from numcheck.server.actions import code_actions

    text = ("| Region | Sales | Staff |\n|---|---|---|\n| North | 200 | 10 |\n| South | 250 | 20 |\n"
            "| Total | 470 | 40 |\n")
    result = check_text(text, "draft.md")
    assert [f.rule for f in result.findings] == ["NC109", "NC109"]  # two columns, one row
    actions = code_actions(result.findings, PositionMap(text), "file:///draft.md", True, result.draft)
    assert [a.title for a in actions if not a.is_preferred] == ["Disable NC109 for this table"]


async def test_disable_action_on_a_table_total_through_the_client(client: LanguageClient, tmp_path):
    """End to end: the edit the server sends keeps the table a table, and the check of the edited
    draft has no finding left (NC109 silenced, the directive used)."""
    uri = (tmp_path / "sales.md").as_uri()
    text = f"Sales by region:\n\n{TOTAL_TABLE}\nThat is all.\n"
    d, disable = await disable_action(client, uri, text)
    assert d.code == "NC109"
    assert disable.title == "Disable NC109 for this table"
    edited = apply_edits(text, disable.edit.changes[uri])
    assert edited == f"Sales by region:\n\n{AROUND_TOTAL}\nThat is all.\n"
    assert block_shape(edited) == block_shape(text)
    after = await published(client, change_doc(client, uri, 2, edited), uri, version=2)
    assert list(after.diagnostics) == []


async def test_no_code_actions_away_from_findings(client: LanguageClient, tmp_path):
    uri = (tmp_path / "draft.md").as_uri()
    text = "Nothing here.\n" + MISTAKE + "\n"
    await published(client, open_doc(client, uri, text), uri)
    here = types.Range(start=types.Position(line=0, character=0), end=types.Position(line=0, character=4))
    assert await client.text_document_code_action_async(code_action_params(uri, here, [])) is None


# --- configuration and errors --------------------------------------------------------------------

async def test_an_input_error_is_shown_not_fatal(client: LanguageClient, tmp_path):
    uri = (tmp_path / "dated.md").as_uri()
    bad = "---\ndate: 2015-02-30\n---\n" + MISTAKE + "\n"
    params = await published(client, open_doc(client, uri, bad), uri)
    [d] = params.diagnostics
    assert d.severity == types.DiagnosticSeverity.Error and d.source == "numcheck"
    assert "2015-02-30" in d.message
    assert d.range.start.line == 1  # the front matter's date line
    assert any(m.type == types.MessageType.Error and "2015-02-30" in m.message for m in client.messages)
    # the server is still there: fixing the date gets the draft checked
    good = bad.replace("2015-02-30", "2015-02-28")
    after = await published(client, change_doc(client, uri, 2, good), uri, version=2)
    assert [x.code for x in after.diagnostics] == ["NC101"]


async def test_a_markdown_buffer_with_a_txt_name_keeps_its_name(client: LanguageClient, tmp_path):
    """Markdown typed into "notes.txt" is read as Markdown, and named as the file it is."""
    uri = (tmp_path / "notes.txt").as_uri()
    bad = "---\ndate: 2015-02-30\n---\n```\n" + MISTAKE + "\n```\n\n" + MISTAKE + "\n"
    params = await published(client, open_doc(client, uri, bad, language="markdown"), uri)
    [d] = params.diagnostics
    assert "notes.txt" in d.message and "notes.txt.md" not in d.message
    assert all("notes.txt.md" not in m.message for m in client.messages)
    good = bad.replace("2015-02-30", "2015-02-28")
    after = await published(client, change_doc(client, uri, 2, good), uri, version=2)
    [finding] = after.diagnostics  # the figure in the code block is not prose
    assert (finding.code, finding.range.start.line) == ("NC101", 7)
    # its disable action is an HTML comment, placed as in any Markdown draft
    actions = await client.text_document_code_action_async(code_action_params(uri, finding.range, [finding]))
    disable = next(a for a in actions if a.title.startswith("Disable NC101"))
    assert "<!-- numcheck: disable" in apply_edits(good, disable.edit.changes[uri])


async def wait_for_registration(client: LanguageClient) -> types.Registration:
    for _ in range(TIMEOUT * 100):  # the server registers after `initialized`, a notification
        if client.registrations:  # type: ignore[attr-defined]
            break
        await asyncio.sleep(0.01)
    [registration] = client.registrations  # type: ignore[attr-defined]
    return registration


def files_changed(client: LanguageClient, *paths: Path) -> Callable[[], None]:
    params = types.DidChangeWatchedFilesParams(changes=[
        types.FileEvent(uri=p.as_uri(), type=types.FileChangeType.Changed) for p in paths])
    return lambda: client.workspace_did_change_watched_files(params)


async def test_config_and_tables_are_watched(client: LanguageClient):
    registration = await wait_for_registration(client)
    assert registration.method == types.WORKSPACE_DID_CHANGE_WATCHED_FILES
    globs = {w["globPattern"] for w in registration.register_options["watchers"]}  # as sent: JSON
    assert {"**/numcheck.toml", "**/pyproject.toml", "**/*.csv", "**/*.toml"} <= globs


async def test_a_config_change_rechecks_open_documents(client: LanguageClient, tmp_path):
    uri = (tmp_path / "draft.md").as_uri()
    [d] = (await published(client, open_doc(client, uri, MISTAKE), uri)).diagnostics
    assert d.severity == types.DiagnosticSeverity.Error
    config = tmp_path / "numcheck.toml"
    config.write_text('[severity]\nNC101 = "warning"\n', encoding="utf-8")
    [d] = (await published(client, files_changed(client, config), uri, version=1)).diagnostics
    assert (d.code, d.severity) == ("NC101", types.DiagnosticSeverity.Warning)
    config.write_text('ignore = ["NC101"]\n', encoding="utf-8")
    again = await published(client, files_changed(client, config), uri, version=1)
    assert list(again.diagnostics) == []


async def test_a_save_rechecks_with_the_config_as_it_is_now(client: LanguageClient, tmp_path):
    # for clients that do not watch files: saving the draft picks up an edited config
    uri = (tmp_path / "draft.md").as_uri()
    await published(client, open_doc(client, uri, MISTAKE), uri)
    (tmp_path / "numcheck.toml").write_text('ignore = ["ratio-percent"]\n', encoding="utf-8")
    save = types.DidSaveTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri))
    after = await published(client, lambda: client.text_document_did_save(save), uri, version=1)
    assert list(after.diagnostics) == []


async def test_a_bad_config_is_shown_not_fatal(client: LanguageClient, tmp_path):
    config = tmp_path / "numcheck.toml"
    config.write_text('selct = ["NC1"]\n', encoding="utf-8")
    uri = (tmp_path / "draft.md").as_uri()
    params = await published(client, open_doc(client, uri, "Intro.\n\n" + MISTAKE + "\n"), uri)
    [d] = params.diagnostics
    assert d.severity == types.DiagnosticSeverity.Error and d.range.start.line == 0
    assert "numcheck.toml" in d.message and "selct" in d.message
    assert any(m.type == types.MessageType.Error and "selct" in m.message for m in client.messages)
    config.write_text('select = ["NC1"]\n', encoding="utf-8")  # fixed: the draft is checked again
    after = await published(client, files_changed(client, config), uri, version=1)
    assert [x.code for x in after.diagnostics] == ["NC101"]


async def test_a_reference_table_that_cannot_be_used_is_a_warning(client: LanguageClient, tmp_path):
    (tmp_path / "reference").mkdir()
    (tmp_path / "reference" / "facts.csv").write_text("subject,value\nGermany,1\n", encoding="utf-8")
    uri = (tmp_path / "draft.md").as_uri()
    params = await published(client, open_doc(client, uri, MISTAKE), uri)
    table, finding = params.diagnostics
    assert table.severity == types.DiagnosticSeverity.Warning and "facts.csv" in table.message
    assert finding.code == "NC101"  # the draft is still checked
    assert any(m.type == types.MessageType.Warning and "facts.csv" in m.message for m in client.messages)


# --- the stream itself ---------------------------------------------------------------------------

def frame(message: dict) -> bytes:
    body = json.dumps(message).encode("utf-8")
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


def read_frame(stream) -> dict:
    """One message, read strictly: headers, a blank line, then exactly Content-Length bytes of JSON."""
    headers = {}
    while (line := stream.readline()) != b"\r\n":
        assert line.endswith(b"\r\n") and b": " in line, f"not protocol: {line[:80]!r}"
        name, value = line[:-2].split(b": ", 1)
        headers[name.lower()] = value
    return json.loads(stream.read(int(headers[b"content-length"])))


# The server with a check that writes to standard output on every call, both through
# print() and straight to file descriptor 1, as a chatty library might.
NOISY_SERVER = [sys.executable, "-c", (
    "import os, sys\n"
    "import numcheck.api as api\n"
    "real = api.run_checks\n"
    "def noisy(*args, **kwargs):\n"
    "    print('stray print from a check')\n"
    "    sys.stdout.flush()\n"
    "    os.write(1, b'stray bytes on fd 1\\n')\n"
    "    return real(*args, **kwargs)\n"
    "api.run_checks = noisy\n"
    "from numcheck.server import main\n"
    "raise SystemExit(main())\n")]


@pytest.mark.parametrize("command", [SERVER, NOISY_SERVER], ids=["server", "server-with-a-noisy-check"])
def test_stdout_is_only_protocol(command):
    """Every byte on standard output belongs to a framed JSON-RPC message, to the end, even when
    code run during a check prints: that goes to standard error."""
    uri = "file:///tmp/numcheck-stdout-test.md"
    proc = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    killer = threading.Timer(60, proc.kill)  # a hung server ends the stream, and the test fails
    killer.start()
    try:
        proc.stdin.write(frame({"jsonrpc": "2.0", "id": 1, "method": "initialize",
                                "params": {"processId": None, "rootUri": None, "capabilities": {}}}))
        proc.stdin.write(frame({"jsonrpc": "2.0", "method": "initialized", "params": {}}))
        proc.stdin.write(frame({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {
            "uri": uri, "languageId": "markdown", "version": 1, "text": MISTAKE}}}))
        proc.stdin.flush()
        received = [read_frame(proc.stdout)]
        while received[-1].get("method") != "textDocument/publishDiagnostics":
            received.append(read_frame(proc.stdout))
        assert [d["code"] for d in received[-1]["params"]["diagnostics"]] == ["NC101"]
        proc.stdin.write(frame({"jsonrpc": "2.0", "id": 2, "method": "shutdown"}))
        proc.stdin.write(frame({"jsonrpc": "2.0", "method": "exit"}))
        proc.stdin.close()
        while proc.stdout.peek(1):
            received.append(read_frame(proc.stdout))
        assert proc.wait(30) == 0
    finally:
        killer.cancel()
        proc.kill()
    assert {m.get("id") for m in received} >= {1, 2}


# --- positions, against a character-by-character reading of the LSP rules ----------------------

PIECES = ["a", " ", "\n", "\r", "\r\n", "é", "中", "🎉", "𝔘", "\u2028", "\x0c", "\x85"]


def lsp_line_and_column(text: str, offset: int, encoding: str) -> tuple[int, int]:
    """Only \\n, \\r\\n and \\r end a line (not \\u2028, \\x0c or \\x85, which str.splitlines takes)."""
    line = start = i = 0
    while i < offset:
        step = 2 if text.startswith("\r\n", i) else 1
        if text[i] in "\r\n":
            line, start = line + 1, i + step
        i += step
    return line, units(text[start:offset], encoding)


@given(st.lists(st.sampled_from(PIECES), max_size=40).map("".join), st.sampled_from(["utf-16", "utf-8", "utf-32"]))
def test_positions_follow_the_protocol_and_round_trip(text: str, encoding: str):
    positions = PositionMap(text, encoding)
    for offset in range(len(text) + 1):
        if offset and text[offset - 1:offset + 1] == "\r\n":
            continue  # inside a line break: no figure starts or ends there
        p = positions.position(offset)
        assert (p.line, p.character) == lsp_line_and_column(text, offset, encoding)
        assert positions.offset(p) == offset
