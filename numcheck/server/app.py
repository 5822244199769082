"""The language server: diagnostics, hovers and quick fixes over the same `CheckResult`s the
CLI reports.

Checks run one at a time in a worker thread, so the event loop keeps reading the client's
messages while a draft is checked. An edit schedules a check after a short pause
(`DEBOUNCE_SECONDS`); a newer edit cancels the pending one, and a result for text that has
changed since is never published. Each document's last result is kept for hovers and code
actions, which check the current text first if it has changed.

`exit` ends the process at once (0 after `shutdown`, 1 without, as the LSP says): checks still
queued are dropped and one running is abandoned, since a thread cannot be stopped and Python
would otherwise wait for it, and run the queue, before exiting. So does the end of the input
(the client is gone). Malformed messages are answered in `numcheck.server.protocol`.
"""

from __future__ import annotations

import asyncio
import logging
import os
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import partial
from typing import NoReturn, Optional
from urllib.parse import unquote

from lsprotocol import types
from pygls.exceptions import JsonRpcException
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path
from pygls.workspace import TextDocument

from numcheck import __version__
from numcheck.api import CheckResult
from numcheck.document import InputError
from numcheck.markup import markup_kind
from numcheck.server.actions import code_actions, is_markup
from numcheck.server.check import check_document
from numcheck.server.diagnostics import error_diagnostic, finding_diagnostic, problem_diagnostic
from numcheck.server.hover import figure_at, hover_markdown
from numcheck.server.positions import PositionMap
from numcheck.server.protocol import NumcheckProtocol, quiet_pygls_tracebacks

log = logging.getLogger(__name__)

DEBOUNCE_SECONDS = 0.2  # long enough to skip the checks of a word being typed, short enough to feel live
# Config files and reference tables: a change to one can change every open document's findings.
WATCHED_GLOBS = ("**/numcheck.toml", "**/.numcheck.toml", "**/pyproject.toml", "**/*.csv", "**/*.toml")
WATCH_REGISTRATION_ID = "numcheck-watched-files"


@dataclass(frozen=True)
class Checked:
    """One check of one text: its result, or the InputError that stopped it, and what to publish."""

    text: str
    positions: PositionMap
    result: Optional[CheckResult]
    error: Optional[InputError]
    diagnostics: tuple[types.Diagnostic, ...]

    def messages(self) -> list[tuple[types.MessageType, str]]:
        """What the user must fix outside the text, for window/showMessage."""
        if self.error is not None:
            return [(types.MessageType.Error, f"numcheck: {self.error}")]
        problems = self.result.problems if self.result is not None else ()
        return [(types.MessageType.Warning, f"numcheck: reference table not used: {p}") for p in problems]


@dataclass
class State:
    checked: dict[str, Checked] = field(default_factory=dict)  # by URI: the last check of each open document
    running: dict[str, tuple[str, asyncio.Future]] = field(default_factory=dict)  # URI -> (text, its check)
    generation: int = 0  # bumped when a config or table changes: older checks are not kept
    pending: dict[str, asyncio.Task] = field(default_factory=dict)  # URI -> scheduled check-and-publish
    shown: dict[str, tuple[str, ...]] = field(default_factory=dict)  # URI -> the messages last shown for it
    shut_down: bool = False  # the client asked for `shutdown`: the exit status is then 0
    # one worker: checks are CPU-bound (the GIL would make more workers no faster), and in order
    executor: ThreadPoolExecutor = field(default_factory=lambda: ThreadPoolExecutor(1, "numcheck-check"))


class NumcheckServer(LanguageServer):
    def __init__(self) -> None:
        # Full sync: the client sends the whole text on each change. A 5,000-word draft is
        # ~30 kB, and the text is then exactly the editor's, whatever its line breaks.
        super().__init__("numcheck", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Full,
                         protocol_cls=NumcheckProtocol)
        self.state = State()
        quiet_pygls_tracebacks()

    def report_server_error(self, error: Exception, source: type) -> None:
        """pygls's hook for errors. From its read loop (`source` JsonRpcException) they are
        messages that could not be read: answered to the client, not shown to the user."""
        if source is JsonRpcException and self.protocol.answer_unread(error):
            return
        super().report_server_error(error, source)

    def stop_checks(self) -> None:
        """Drop the checks scheduled and queued; one running finishes unpublished, or is abandoned."""
        for task in self.state.pending.values():
            task.cancel()
        self.state.pending.clear()
        self.state.executor.shutdown(wait=False, cancel_futures=True)

    def end(self) -> NoReturn:
        """End the process now, with the status the LSP gives `exit`: 0 after `shutdown`, else 1."""
        self.stop_checks()
        for stream in (sys.stdout, sys.stderr):  # the protocol's own stream is flushed per message
            try:
                stream.flush()
            except (OSError, ValueError):
                pass
        os._exit(0 if self.state.shut_down else 1)

    def open_document(self, uri: str) -> Optional[TextDocument]:
        return self.workspace.text_documents.get(unquote(uri))

    @property
    def encoding(self) -> str:
        encoding = self.workspace.position_encoding or types.PositionEncodingKind.Utf16
        return getattr(encoding, "value", encoding)  # an lsprotocol enum, or a string pygls kept


# The markup an editor's language id names, for a buffer whose name does not (an unsaved
# `untitled:` buffer, a file without a suffix or with another one).
LANGUAGE_MARKUP = {"markdown": "markdown", "html": "html"}


def document_path(uri: str) -> str:
    """The file path numcheck names the document by (and finds its config from); an unsaved
    buffer keeps its URI."""
    return to_fs_path(uri) or uri


def document_markup(path: str, language_id: Optional[str]) -> Optional[str]:
    """How to read a buffer whose name names no markup but whose language id does (Markdown
    typed into "notes.txt" or an untitled buffer); None to go by the name."""
    return LANGUAGE_MARKUP.get(language_id or "") if markup_kind(path) == "plain" else None


async def fresh(ls: NumcheckServer, uri: str) -> Optional[Checked]:
    """The check of the document's current text: the last one if the text is unchanged, the one
    already running for this text, or a new one."""
    doc = ls.open_document(uri)
    if doc is None:
        return None
    text = doc.source
    done = ls.state.checked.get(uri)
    if done is not None and done.text == text:
        return done
    running = ls.state.running.get(uri)
    if running is None or running[0] != text:
        loop = asyncio.get_running_loop()
        job = partial(run_check, text, uri, ls.encoding, doc.language_id)
        future = loop.run_in_executor(ls.state.executor, job)
        future.add_done_callback(partial(_store, ls, uri, future, ls.state.generation))
        running = (text, future)
        ls.state.running[uri] = running
    return await asyncio.shield(running[1])  # a cancelled waiter leaves the check to others


def run_check(text: str, uri: str, encoding: str, language_id: Optional[str] = None) -> Checked:
    """In the worker thread: the check and the diagnostics, so the event loop only sends them."""
    positions = PositionMap(text, encoding)
    path = document_path(uri)
    try:
        result = check_document(text, path, document_markup(path, language_id))
    except InputError as exc:  # a config or front matter the user must fix: shown, not fatal
        return Checked(text, positions, None, exc, (error_diagnostic(exc, positions, path),))
    diagnostics = [problem_diagnostic(p, positions, path) for p in result.problems]
    diagnostics += [finding_diagnostic(f, positions, uri) for f in result.findings]
    return Checked(text, positions, result, None, tuple(diagnostics))


def _store(ls: NumcheckServer, uri: str, future: asyncio.Future, generation: int, _: object) -> None:
    if ls.state.running.get(uri, (None, None))[1] is future:
        del ls.state.running[uri]
    if future.cancelled() or future.exception() is not None:
        return
    if generation != ls.state.generation or ls.open_document(uri) is None:
        return
    ls.state.checked[uri] = future.result()


def schedule(ls: NumcheckServer, uri: str, delay: float = 0.0) -> None:
    """Check and publish after `delay`, replacing a check scheduled before."""
    old = ls.state.pending.pop(uri, None)
    if old is not None:
        old.cancel()
    task = asyncio.ensure_future(check_and_publish(ls, uri, delay))
    ls.state.pending[uri] = task
    task.add_done_callback(lambda t: ls.state.pending.pop(uri, None) if ls.state.pending.get(uri) is t else None)


async def check_and_publish(ls: NumcheckServer, uri: str, delay: float) -> None:
    if delay:
        await asyncio.sleep(delay)
    try:
        checked = await fresh(ls, uri)
    except Exception as exc:  # a bug in a rule must not take the editor's server down
        log.exception("checking %s failed", uri)
        show_messages(ls, uri, [(types.MessageType.Error,
                                 f"numcheck: internal error while checking {document_path(uri)}: {exc!r}")])
        return
    doc = ls.open_document(uri)
    if checked is None or doc is None or doc.source != checked.text:
        return  # closed, or edited since: the newer check will publish
    show_messages(ls, uri, checked.messages())
    ls.text_document_publish_diagnostics(  # the version of the text now, which is the text checked
        types.PublishDiagnosticsParams(uri=uri, version=doc.version, diagnostics=list(checked.diagnostics))
    )


def show_messages(ls: NumcheckServer, uri: str, messages: list[tuple[types.MessageType, str]]) -> None:
    """Each problem shown once when it appears, not once per keystroke."""
    before = ls.state.shown.get(uri, ())
    ls.state.shown[uri] = tuple(text for _, text in messages)
    for kind, text in messages:
        if text not in before:
            ls.window_show_message(types.ShowMessageParams(type=kind, message=text))


def build_server() -> NumcheckServer:
    server = NumcheckServer()

    @server.feature(types.SHUTDOWN)
    def shutdown(ls: NumcheckServer, params: None) -> None:
        ls.state.shut_down = True
        ls.stop_checks()  # nothing more will be published

    @server.feature(types.EXIT)
    def exit_now(ls: NumcheckServer, params: None) -> None:
        ls.end()

    @server.feature(types.INITIALIZED)
    async def initialized(ls: NumcheckServer, params: types.InitializedParams) -> None:
        watched = ls.client_capabilities.workspace and ls.client_capabilities.workspace.did_change_watched_files
        if not (watched and watched.dynamic_registration):
            return
        options = types.DidChangeWatchedFilesRegistrationOptions(
            watchers=[types.FileSystemWatcher(glob_pattern=glob) for glob in WATCHED_GLOBS]
        )
        registration = types.Registration(
            id=WATCH_REGISTRATION_ID, method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES, register_options=options
        )
        try:
            await ls.client_register_capability_async(types.RegistrationParams(registrations=[registration]))
        except Exception as exc:  # the client refused: documents are still checked, just not on config edits
            log.warning("could not watch config and reference files: %s", exc)

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: NumcheckServer, params: types.DidOpenTextDocumentParams) -> None:
        schedule(ls, params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: NumcheckServer, params: types.DidChangeTextDocumentParams) -> None:
        schedule(ls, params.text_document.uri, DEBOUNCE_SECONDS)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE, types.SaveOptions(include_text=False))
    def did_save(ls: NumcheckServer, params: types.DidSaveTextDocumentParams) -> None:
        # checked afresh even if the text is unchanged: a client that does not watch files
        # still picks up an edited config or table on the next save
        ls.state.checked.pop(params.text_document.uri, None)
        schedule(ls, params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: NumcheckServer, params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        pending = ls.state.pending.pop(uri, None)
        if pending is not None:
            pending.cancel()
        ls.state.checked.pop(uri, None)
        ls.state.shown.pop(uri, None)
        ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def did_change_watched_files(ls: NumcheckServer, params: types.DidChangeWatchedFilesParams) -> None:
        # A config or table changed: every open document is checked again (the API re-reads
        # what changed), not answered from the last result.
        ls.state.generation += 1
        ls.state.checked.clear()
        ls.state.running.clear()
        for doc in list(ls.workspace.text_documents.values()):
            schedule(ls, doc.uri)

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    async def hover(ls: NumcheckServer, params: types.HoverParams) -> Optional[types.Hover]:
        checked = await fresh(ls, params.text_document.uri)
        if checked is None or checked.result is None:
            return None
        figure = figure_at(checked.result, checked.positions.offset(params.position))
        if figure is None:
            return None
        hover_caps = ls.client_capabilities.text_document and ls.client_capabilities.text_document.hover
        formats = hover_caps.content_format if hover_caps else None
        # Markdown unless the client says it shows only plain text (the Markdown reads as text too)
        kind = types.MarkupKind.PlainText if formats and types.MarkupKind.Markdown not in formats \
            else types.MarkupKind.Markdown
        return types.Hover(
            contents=types.MarkupContent(kind=kind, value=hover_markdown(checked.result, figure)),
            range=checked.positions.range(figure.start, figure.end),
        )

    @server.feature(types.TEXT_DOCUMENT_CODE_ACTION,
                    types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]))
    async def code_action(ls: NumcheckServer, params: types.CodeActionParams) -> Optional[list[types.CodeAction]]:
        only = params.context.only
        if only and not any(types.CodeActionKind.QuickFix.value.startswith(k) for k in only):
            return None
        uri = params.text_document.uri
        checked = await fresh(ls, uri)
        if checked is None or checked.result is None:
            return None
        start = checked.positions.offset(params.range.start)
        end = checked.positions.offset(params.range.end)
        findings = [f for f in checked.result.findings if f.start <= end and start <= f.end]
        doc = ls.open_document(uri)
        markup = is_markup(uri, doc.language_id if doc else None)
        # in the worker thread: placing a disable comment parses trial copies of the draft
        job = partial(code_actions, findings, checked.positions, uri, markup, checked.result.draft)
        return await asyncio.get_running_loop().run_in_executor(ls.state.executor, job) or None

    return server

