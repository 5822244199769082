"""Issue 10 (hardening), the language server's side: every request is answered, however
malformed; `exit` ends the process at once whatever is queued; a FIFO among the reference
tables wedges nothing; Ctrl-C ends the server, and numcheck's start-up, quietly with 130.

A normal LSP client will not send a malformed message, so the protocol tests speak JSON-RPC
to the real server (`python -m numcheck server`) over its standard input and output
themselves, with Content-Length framing; the FIFO test uses pytest-lsp's client as
tests/test_server.py does.
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Callable, Optional

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import LanguageClient

from test_server import CONFIG, MISTAKE, SERVER, frame, open_doc, published, start

REPO = Path(__file__).resolve().parents[1]
WAIT = 10  # seconds for an answer: a bound for a busy machine, not a speed check
posix_only = pytest.mark.skipif(os.name != "posix", reason="signals and FIFOs as POSIX has them")


class RawClient:
    """The server as a subprocess, spoken to in framed JSON-RPC, malformed where a test wants."""

    def __init__(self, command: list[str] = SERVER) -> None:
        self.proc = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, cwd=REPO)
        self.received: list = []  # every message from the server, in order
        self.log: list[str] = []  # its standard error, line by line
        self._arrived = threading.Condition()
        self._readers = [threading.Thread(target=self._read, daemon=True),
                         threading.Thread(target=self._read_log, daemon=True)]
        for reader in self._readers:
            reader.start()

    def _read(self) -> None:
        out = self.proc.stdout
        while True:
            headers = {}
            while (line := out.readline()) not in (b"\r\n", b""):
                name, value = line.rstrip(b"\r\n").split(b": ", 1)
                headers[name.lower()] = value
            if not line:
                return
            message = json.loads(out.read(int(headers[b"content-length"])))
            with self._arrived:
                self.received.append(message)
                self._arrived.notify_all()

    def _read_log(self) -> None:
        for line in self.proc.stderr:
            with self._arrived:
                self.log.append(line.decode("utf-8", "replace"))
                self._arrived.notify_all()

    def send(self, message) -> None:
        self.proc.stdin.write(message if isinstance(message, bytes) else frame(message))
        self.proc.stdin.flush()

    def body(self, body: bytes) -> None:
        """A framed message whose body is any bytes at all."""
        self.send(b"Content-Length: %d\r\n\r\n" % len(body) + body)

    def wait_until(self, done: Callable[[], object], timeout: float = WAIT):
        end = time.monotonic() + timeout
        with self._arrived:
            while not (result := done()) and time.monotonic() < end:
                self._arrived.wait(0.05)
            return result

    def wait_for(self, wanted: Callable[[dict], bool], after: int = 0) -> Optional[dict]:
        """The first message from the `after`-th on that is `wanted`, waiting for it if need be."""
        return self.wait_until(lambda: next(
            (m for m in self.received[after:] if isinstance(m, dict) and wanted(m)), None))

    def answer(self, msg_id) -> Optional[dict]:
        return self.wait_for(lambda m: m.get("id") == msg_id and ("result" in m or "error" in m))

    def initialize(self) -> None:
        self.send({"jsonrpc": "2.0", "id": "init", "method": "initialize",
                   "params": {"processId": None, "rootUri": None, "capabilities": {}}})
        assert self.answer("init") is not None and "result" in self.answer("init")
        self.send({"jsonrpc": "2.0", "method": "initialized", "params": {}})

    def open(self, uri: str, text: str) -> None:
        self.send({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {
            "uri": uri, "languageId": "markdown", "version": 1, "text": text}}})

    def close(self) -> None:
        """End the server, if the test has not."""
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait(WAIT)
        for reader in self._readers:
            reader.join(WAIT)


def served(tmp: Path) -> RawClient:
    """A started server with a draft open (`draft`, one finding)."""
    client = RawClient()
    client.initialize()
    client.draft = (tmp / "draft.md").as_uri()  # type: ignore[attr-defined]
    client.open(client.draft, MISTAKE)  # type: ignore[attr-defined]
    return client


@pytest.fixture(scope="module")
def raw(tmp_path_factory):
    """One server for the tests of messages that cannot be read: each is answered, or skipped,
    and the server reads on, so they do not disturb each other (each uses its own ids)."""
    client = served(tmp_path_factory.mktemp("raw"))
    yield client
    client.close()


def hover(msg_id, params) -> dict:
    return {"jsonrpc": "2.0", "id": msg_id, "method": "textDocument/hover", "params": params}


def on_the_figure(raw: RawClient) -> dict:
    """A hover's params: on "120" in the open draft."""
    return {"textDocument": {"uri": raw.draft}, "position": {"line": 0, "character": MISTAKE.index("120")}}


def still_serving(raw: RawClient, msg_id: str) -> None:
    """A well-formed hover after the bad messages gets its real answer."""
    raw.send(hover(msg_id, on_the_figure(raw)))
    answer = raw.answer(msg_id)
    assert answer is not None, "the server stopped answering"
    assert "120" in answer["result"]["contents"]["value"]


# --- JSON-RPC errors for what cannot be read -----------------------------------------------------

def test_a_body_that_is_not_json_gets_a_parse_error_and_the_server_reads_on(raw):
    bodies = (b"{not json", b'{"jsonrpc": "2.0", "id": 3, "method": ', b"\xff\xfe\xfd not UTF-8", b"[" * 100_000)
    logged = sum("not JSON" in line for line in raw.log)
    for body in bodies:
        seen = len(raw.received)
        raw.body(body)
        error = raw.wait_for(lambda m: "error" in m, after=seen)
        assert error is not None, f"no answer to the body {body[:20]!r}"
        assert "id" in error and error["id"] is None  # JSON-RPC: id null when it cannot be read
        assert error["error"]["code"] == -32700
    still_serving(raw, "after-parse-errors")
    # each is a line in the log, not a traceback: it is the client's mistake, not the server's
    assert raw.wait_until(lambda: sum("not JSON" in line for line in raw.log) == logged + len(bodies))
    assert not any("Traceback" in line for line in raw.log)


ANY = "file:///never/read.md"  # params that cannot be read are answered before any document is looked at


@pytest.mark.parametrize("params, where", [
    ({"textDocument": {"uri": ANY}}, "position"),  # missing
    ({"textDocument": {"uri": ANY}, "position": {"line": "first", "character": 0}}, "position.line"),
    ({"textDocument": {"uri": ANY}, "position": 5}, "position"),
    ({"textDocument": {"uri": ANY}, "position": {"line": -1, "character": 0}}, "position"),
    ({"position": {"line": 0, "character": 0}}, "textDocument"),
    (None, "params"),
    ([ANY, 0, 3], "params"),
], ids=["missing-position", "line-not-a-number", "position-a-number", "negative-line", "missing-document",
        "null", "array"])
def test_a_request_with_invalid_params_gets_invalid_params_with_its_id(raw, params, where, request):
    msg_id = request.node.callspec.id
    raw.send(hover(msg_id, params))
    answer = raw.answer(msg_id)
    assert answer is not None, "no answer: the client would wait forever"
    assert answer["error"]["code"] == -32602
    assert "textDocument/hover" in answer["error"]["message"] and where in answer["error"]["message"]
    still_serving(raw, f"after-{msg_id}")


def test_a_code_action_with_a_range_of_the_wrong_type_gets_invalid_params(raw):
    raw.send({"jsonrpc": "2.0", "id": "action", "method": "textDocument/codeAction", "params": {
        "textDocument": {"uri": raw.draft}, "range": "all of it", "context": {"diagnostics": []}}})
    answer = raw.answer("action")
    assert answer is not None and answer["error"]["code"] == -32602


@pytest.mark.parametrize("message, msg_id", [
    (b"[]", None),  # JSON, but not a message
    (b"42", None),
    ({"id": 4, "method": "textDocument/hover"}, 4),  # no "jsonrpc"
    ({"jsonrpc": "2.0", "id": [5], "method": "textDocument/hover"}, None),  # an id JSON-RPC does not allow
], ids=["array", "number", "no-jsonrpc", "id-a-list"])
def test_json_that_is_not_a_request_gets_invalid_request(raw, message, msg_id):
    if isinstance(message, dict):
        message = json.dumps({**message, "params": on_the_figure(raw)}).encode()
    seen = len(raw.received)
    raw.body(message)
    error = raw.wait_for(lambda m: "error" in m, after=seen)
    assert error is not None and error["error"]["code"] == -32600
    assert "id" in error and error["id"] == msg_id
    still_serving(raw, f"after-{message[:10]!r}")


def test_a_notification_that_cannot_be_read_is_skipped_without_an_answer(raw, tmp_path):
    other = (tmp_path / "other.md").as_uri()
    seen = len(raw.received)
    raw.send({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {"uri": other}}})
    raw.send({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"contentChanges": "x"}})
    raw.open(other, MISTAKE)
    diagnostics = raw.wait_for(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                               and m["params"]["uri"] == other, after=seen)
    assert diagnostics is not None  # the well-formed open after them was taken
    still_serving(raw, "after-notifications")
    assert not [m for m in raw.received[seen:] if "error" in m]  # JSON-RPC: a notification is never answered


def quiet(stderr: str) -> bool:
    """No traceback, and no word of the interrupt."""
    return "Traceback (most recent call last)" not in stderr and "KeyboardInterrupt" not in stderr


# --- exit ----------------------------------------------------------------------------------------

# ~1 s of checking each on an idle machine: four of them queue several seconds of work
SLOW_DRAFT = ("Of the 800 applicants, 120 (12%) were accepted. Sales rose 5% to $3.2 million in 2019, "
              "up from $3 million. ") * 1000


@pytest.mark.parametrize("how, status", [("shutdown-exit", 0), ("exit", 1), ("end-of-input", 1),
                                         pytest.param("ctrl-c", 130, marks=posix_only)])
def test_the_process_ends_at_once_with_slow_checks_queued(tmp_path, how, status):
    """With the LSP's exit status for `exit` (0 after shutdown, 1 without); when the client goes
    away; and on Ctrl-C, quietly. `exit` waited for every queued check before, with status 0
    either way; Ctrl-C waited for the end of the input."""
    server = RawClient()
    try:
        server.initialize()
        for i in range(3):
            server.open((tmp_path / f"slow-{i}.md").as_uri(), SLOW_DRAFT)
        time.sleep(0.3)  # one check is running, the others queued behind it
        assert server.proc.poll() is None
        if how == "shutdown-exit":
            server.send({"jsonrpc": "2.0", "id": "bye", "method": "shutdown"})
            assert server.answer("bye") == {"jsonrpc": "2.0", "id": "bye", "result": None}
            server.send(hover("late", {"textDocument": {"uri": ANY}, "position": {"line": 0, "character": 0}}))
            late = server.answer("late")  # the LSP: a request after shutdown is an error, not silence
            assert late is not None and late["error"]["code"] == -32600
        sent = time.monotonic()
        if how == "end-of-input":
            server.proc.stdin.close()
        elif how == "ctrl-c":
            server.proc.send_signal(signal.SIGINT)
        else:
            server.send({"jsonrpc": "2.0", "method": "exit"})
        try:
            code = server.proc.wait(1.0)
        except subprocess.TimeoutExpired:
            pytest.fail(f"still running {time.monotonic() - sent:.1f} s after {how}")
    finally:
        server.close()
    assert code == status
    assert quiet("".join(server.log))


# --- a FIFO among the reference tables -----------------------------------------------------------

@pytest_lsp.fixture(config=CONFIG)
async def client(lsp_client: LanguageClient, tmp_path: Path):
    await start(lsp_client, "visual-studio-code", tmp_path)
    yield
    if lsp_client._server is not None and lsp_client._server.returncode is None:  # the test did not end it
        await lsp_client.shutdown_session()


@posix_only
async def test_a_fifo_among_the_reference_tables_is_a_problem_not_a_wedge(client: LanguageClient, tmp_path):
    (tmp_path / "reference").mkdir()
    os.mkfifo(tmp_path / "reference" / "pipe.csv")  # nobody ever writes to it
    uri = (tmp_path / "draft.md").as_uri()
    params = await published(client, open_doc(client, uri, MISTAKE), uri)
    table, finding = params.diagnostics
    assert table.severity == types.DiagnosticSeverity.Warning
    assert "pipe.csv" in table.message and "named pipe" in table.message
    assert finding.code == "NC101"  # the draft is checked all the same
    assert any(m.type == types.MessageType.Warning and "pipe.csv" in m.message for m in client.messages)
    # and the server still ends when asked (pytest-lsp's client keeps the process as `_server`)
    await asyncio.wait_for(client.shutdown_session(), 2)
    assert client._server.returncode == 0


# --- Ctrl-C --------------------------------------------------------------------------------------

def interrupted(command: list[str], when: str) -> tuple[int, str]:
    """Run `command` (under `python -v`, which names each module as it loads), send SIGINT
    once a line of its standard error names `when`, and return its exit status and standard
    error. Its standard input stays open: `check -` and `server` wait on it once started."""
    proc = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            cwd=REPO)
    lines: list[bytes] = []
    reached = threading.Event()

    def read() -> None:
        for line in proc.stderr:
            lines.append(line)
            if when.encode() in line:
                reached.set()

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    assert reached.wait(WAIT), f"{when} never loaded"
    proc.send_signal(signal.SIGINT)
    try:
        status = proc.wait(WAIT)
    finally:
        proc.kill()
    reader.join(WAIT)
    return status, b"".join(lines).decode("utf-8", "replace")


SCRIPT = Path(sys.executable).with_name("numcheck")  # the console script, `numcheck.cli:main`
IN_CLI = os.path.join("numcheck", "cli.py")
IN_SERVER = os.path.join("numcheck", "server", "app.py")
IN_PACKAGE = os.path.join("numcheck", "quantities", "extract.py")  # what numcheck/__init__.py imports


@posix_only
@pytest.mark.parametrize("command, when", [
    ([sys.executable, "-v", "-m", "numcheck", "server"], IN_CLI),
    ([sys.executable, "-v", "-m", "numcheck", "check", "-"], IN_CLI),
    ([sys.executable, "-v", "-m", "numcheck", "server"], IN_SERVER),
    ([sys.executable, "-v", str(SCRIPT), "server"], IN_SERVER),
    ([sys.executable, "-v", "-m", "numcheck", "check", "-"], IN_PACKAGE),
    ([sys.executable, "-v", str(SCRIPT), "check", "-"], IN_PACKAGE),
], ids=["m-while-cli-loads", "m-check-while-cli-loads", "m-while-server-loads", "script-while-server-loads",
        "while-the-package-loads", "script-while-the-package-loads"])
def test_ctrl_c_while_numcheck_starts_exits_130_quietly(command, when):
    if str(SCRIPT) in command and not SCRIPT.exists():
        pytest.skip("no numcheck console script beside this Python")
    status, stderr = interrupted(command, when)
    assert quiet(stderr), stderr[-2000:]
    assert status == 130
