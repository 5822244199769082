"""The html format: one self-contained page, every figure marked conflicting, consistent or
unchecked, details on hover and on click or focus.

The markup is checked strictly here (it must parse as XML, and the text of each draft's <pre>
must be the draft, whatever the spans); the page is checked as a user meets it in Debian's
chromium, driven headless over the DevTools protocol on a pipe: the marks in the live DOM
against the json report of the same run, a real click and a Tab key, the CSP, and a
screenshot kept in tests/artifacts/html-report.png.
"""

from __future__ import annotations

import base64
import fcntl
import json
import os
import re
import select
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from numcheck.api import check_text
from numcheck.checks import Finding, Related, Settings
from numcheck.report.html import CSP, STATUSES, render_html
from numcheck.tables import references_from_csv

REPO = Path(__file__).resolve().parents[1]
ARTIFACT = REPO / "tests" / "artifacts" / "html-report.png"
CHROMIUM = "/usr/bin/chromium"
SEEDS = ("seeds/harbour-report-2023.md", "seeds/caspian-strikes-2015.txt")
LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)?")
GERMANY = "subject,measure,value,as_of,source\nGermany,population|people,83160871,2020,World Bank\n"
MIXED = "Germany had 83 million people in 2020.\n\nIn 2020 Germany had 93 million people, not 120 of 800 (12%).\n"


def run_cli(*args: str):
    return subprocess.run([sys.executable, "-m", "numcheck", *args], capture_output=True, cwd=REPO, timeout=120)


# --- the markup, parsed strictly -------------------------------------------------------------


def parse(page: str) -> ET.Element:
    assert page.startswith("<!DOCTYPE html>\n")
    return ET.fromstring(page[len("<!DOCTYPE html>\n"):])


def drafts(root: ET.Element) -> list[ET.Element]:
    return [e for e in root.iter("pre") if e.get("class") == "nc-draft"]


def marks(root: ET.Element) -> dict[str, dict]:
    """Each mark: its first fragment's attributes and the text of all its fragments."""
    out: dict[str, dict] = {}
    for e in root.iter("span"):
        key = e.get("data-mark")
        if key is None:
            continue
        entry = out.setdefault(key, {"text": ""})
        entry["text"] += "".join(e.itertext())
        if e.get("id") == key:
            entry.update(e.attrib)
    return out


def offset(text: str, line: int, column: int) -> int:
    starts = [m.start() for m in LINE.finditer(text)]
    return starts[line - 1] + column - 1


def mixed_result():
    refs = references_from_csv(GERMANY, "example.csv")
    return check_text(MIXED, "mixed.md", settings=Settings(references=refs))


def test_figures_are_marked_by_findings_and_tables():
    root = parse(render_html([mixed_result()]))
    by_text = {m["text"]: m for m in marks(root).values()}
    assert by_text["83 million"]["data-status"] == "consistent"  # a table confirms it
    assert by_text["93 million"]["data-status"] == "conflicting"  # NC401's figure
    assert by_text["12%"]["data-status"] == "conflicting"  # NC101's figure
    assert by_text["120 of 800"]["data-status"] == "conflicting"  # NC101's related span
    assert by_text["2020"]["data-status"] == "unchecked"
    # NC401 points at its subject, a phrase and not a figure: marked all the same
    germany = by_text["Germany"]
    assert (germany["data-kind"], germany["data-status"], germany["data-line"]) == ("phrase", "conflicting", "3")
    assert by_text["93 million"]["data-kind"] == "figure"


def test_details_carry_the_arithmetic_and_the_reference_row():
    result = mixed_result()
    root = parse(render_html([result]))
    found = marks(root)
    details = {e.get("id"): "".join(e.itertext()) for e in root.iter("div") if e.get("class") == "nc-detail"}
    twelve = next(m for m in found.values() if m["text"] == "12%")
    for where in (twelve["title"], details[twelve["aria-controls"]]):  # hover, and click or focus
        assert "NC101 ratio-percent error: 120 of 800 is 15.0%, not 12%" in where
        assert 'replace with "15%"' in where
    verified = next(m for m in found.values() if m["text"] == "83 million")
    for where in (verified["title"], details[verified["aria-controls"]]):
        assert "verified" in where and "83,160,871 (World Bank, example.csv, line 2)" in where
    assert "Reference row: example.csv, line 2" in details[verified["aria-controls"]]
    counts = next(m for m in found.values() if m["text"] == "120 of 800")
    assert "related (the counts) to the figure reported at line 3, column 56" in counts["title"]
    assert "replace with" not in counts["title"]  # the fix is for the reported figure only


def test_page_loads_nothing():
    root = parse(render_html([mixed_result()]))
    head = root.find("head")
    first = list(head)[1]  # right after the charset, before any style or script
    assert (first.tag, first.get("http-equiv"), first.get("content")) == ("meta", "Content-Security-Policy", CSP)
    assert "default-src 'none'" in CSP
    assert not [e for e in root.iter() if e.get("src") is not None or e.tag in ("link", "img", "iframe", "object")]
    assert all(e.get("href").startswith("#") for e in root.iter("a"))
    assert [e.tag for e in root.iter() if e.tag in ("script", "style")] == ["style", "script"]


def test_markup_in_the_draft_is_text():
    text = '<script>alert("x")</script> & 3 of 4 <b>"quoted"</b> \'it\'s\' ]]> <!-- -->\n'
    page = render_html([check_text(text, "evil <b>.md")])
    root = parse(page)
    (pre,) = drafts(root)
    assert "".join(pre.itertext()) == text
    assert {(e.tag, e.get("class")) for e in pre.iter() if e is not pre} <= {("span", "nc-line"), ("span", "nc-m")}
    assert len(list(root.iter("script"))) == 1
    assert [e.get("data-path") for e in root.iter("section")] == ["evil <b>.md"]


def test_zero_findings_and_zero_files():
    result = check_text("The ship carried 26 missiles and 4 boats.\n", "quiet.md")
    root = parse(render_html([result]))
    assert {m["data-status"] for m in marks(root).values()} == {"unchecked"}
    assert "No findings." in "".join(root.itertext())
    empty = parse(render_html([]))
    assert not drafts(empty) and "No files were checked." in "".join(empty.itertext())


def test_several_files_each_with_its_summary_and_line_numbers(tmp_path):
    a = check_text("Of the 800 applicants, 120 (12%) were accepted.\n", str(tmp_path / "b.md"))
    b = check_text("One line.\r\n\r\nThe 30 tugs include 14, 11 and 8.\rEnd\n", str(tmp_path / "a.txt"))
    root = parse(render_html([a, b], root=str(tmp_path)))
    sections = list(root.iter("section"))
    assert [s.find("h2").text for s in sections] == ["a.txt", "b.md"]  # by path, relative to root
    summaries = [s.find("p").text for s in sections]
    assert summaries[1].startswith("1 file, 3 figures read,") and "1 error" in summaries[1]
    lines = [(e.get("data-line"), "".join(e.itertext())) for e in drafts(root)[0] if e.get("class") == "nc-line"]
    assert lines == [("1", "One line.\r\n"), ("2", "\r\n"), ("3", "The 30 tugs include 14, 11 and 8.\r"), ("4", "End\n")]


# any text, any finding spans (overlapping, nested, empty, across lines): well-formed, and the
# draft's text is untouched; each mark's fragments spell its span and its line/column is right
# (C0 controls other than tab and line ends, surrogates and noncharacters cannot be in an XML
# document at all, so they are left out of the strict parse)
PIECES = st.sampled_from(["of", " 57", "three", "12%", "\r\n", "\n", "\r", "\t", "<", ">", "&", '"', "'", "]]>", " "])
TEXT = st.lists(PIECES | st.characters(blacklist_categories=("Cs", "Cc", "Cn")), max_size=30).map("".join)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT, st.data())
def test_any_spans_give_well_formed_html_with_the_draft_text(text, data):
    result = check_text(text, "draft.md")
    span = st.tuples(st.integers(0, len(text)), st.integers(0, len(text))).map(sorted)
    findings = []
    for start, end in data.draw(st.lists(span, max_size=5)):
        related = tuple(Related(a, b, "note") for a, b in data.draw(st.lists(span, max_size=2)))
        findings.append(Finding("NC999", "test", "error", "a <test> & finding", start, end, related))
    result = replace(result, findings=tuple(findings))
    root = parse(render_html([result]))
    (pre,) = drafts(root)
    assert "".join(pre.itertext()) == text
    pointed = {(f.start, f.end) for f in findings} | {(r.start, r.end) for f in findings for r in f.related}
    found = marks(root)
    figures = {(q.start, q.end) for q in result.draft.quantities}
    assert len(found) == len(result.draft.quantities) + len(pointed - figures)
    for m in found.values():
        start = offset(text, int(m["data-line"]), int(m["data-column"]))
        end = offset(text, int(m["data-end-line"]), int(m["data-end-column"]))
        assert m["text"] == text[start:end]
        assert (m["data-status"] == "conflicting") == ((start, end) in pointed)  # no tables: no other status


# --- the page in a real browser ---------------------------------------------------------------


class Chromium:
    """Chromium headless, spoken to over the DevTools protocol on a pipe (fds 3 and 4,
    messages ending in NUL): no port, no websocket library, no browser download."""

    FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync")

    def __init__(self, profile: Path, width: int = 1200, height: int = 900, timeout: float = 20.0):
        self.timeout = timeout
        commands_r, self._commands = os.pipe()
        self._replies, replies_w = os.pipe()
        # above 9, so the shell's 3<& and 4>& never collide with them
        r, w = (fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, 10) for fd in (commands_r, replies_w))
        for fd in (commands_r, replies_w):
            os.close(fd)
        args = [*self.FLAGS, f"--user-data-dir={profile}", f"--window-size={width},{height}",
                "--remote-debugging-pipe", "about:blank"]
        self.proc = subprocess.Popen(["bash", "-c", f'exec "$0" "$@" 3<&{r} 4>&{w} {r}<&- {w}>&-', CHROMIUM, *args],
                                     pass_fds=(r, w), stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                     stderr=subprocess.PIPE)
        os.close(r)
        os.close(w)
        self._buffer = b""
        self._next_id = 0
        self._events: list[dict] = []
        page = next(t for t in self.send("Target.getTargets")["targetInfos"] if t["type"] == "page")
        self.session = self.send("Target.attachToTarget", targetId=page["targetId"], flatten=True)["sessionId"]
        self.send("Page.enable", self.session)

    def _message(self) -> dict:
        deadline = time.monotonic() + self.timeout
        while b"\0" not in self._buffer:
            ready, _, _ = select.select([self._replies], [], [], max(0.0, deadline - time.monotonic()))
            chunk = os.read(self._replies, 1 << 16) if ready else b""
            if not chunk:
                raise RuntimeError("chromium stopped answering: " + self._stderr())
            self._buffer += chunk
        message, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(message)

    def _stderr(self) -> str:
        if self.proc.poll() is None:
            return "(still running)"
        return self.proc.stderr.read().decode("utf-8", "replace")[-2000:]

    def send(self, method: str, session: str | None = None, **params) -> dict:
        self._next_id += 1
        message = {"id": self._next_id, "method": method, "params": params, **({"sessionId": session} if session else {})}
        os.write(self._commands, json.dumps(message).encode("utf-8") + b"\0")
        while True:
            reply = self._message()
            if reply.get("id") == self._next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply["result"]
            self._events.append(reply)

    def page(self, method: str, **params) -> dict:
        return self.send(method, self.session, **params)

    def wait_for(self, event: str) -> dict:
        while True:
            for i, message in enumerate(self._events):
                if message.get("method") == event:
                    return self._events.pop(i)
            self._events.append(self._message())

    def open(self, url: str) -> None:
        self._events.clear()
        self.page("Page.navigate", url=url)
        self.wait_for("Page.loadEventFired")

    def evaluate(self, expression: str):
        reply = self.page("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in reply:
            raise RuntimeError(f"script failed: {reply['exceptionDetails']}")
        return reply["result"].get("value")

    def close(self) -> None:
        try:
            self.send("Browser.close")
            self.proc.wait(timeout=10)
        except (RuntimeError, OSError, subprocess.TimeoutExpired):
            self.proc.kill()
            self.proc.wait(timeout=10)
        finally:
            os.close(self._commands)
            os.close(self._replies)
            self.proc.stderr.close()


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    if not os.access(CHROMIUM, os.X_OK):
        message = f"{CHROMIUM} is missing: install Debian's chromium (apt-get install -y -q chromium)"
        if os.environ.get("CI"):
            pytest.fail(message + "; CI must have it to test the html report")
        pytest.skip(message)
    chromium = Chromium(tmp_path_factory.mktemp("chromium-profile"))
    yield chromium
    chromium.close()


@pytest.fixture(scope="module")
def seeds(tmp_path_factory):
    """The seeds' html page and the json of the same run, reference tables in use."""
    args = ("check", *SEEDS, "--reference", "reference/")
    html_run = run_cli(*args, "--format", "html")
    json_run = run_cli(*args, "--format", "json", "--show-verified")
    assert html_run.returncode == json_run.returncode == 1, html_run.stderr  # the harbour report has errors
    page = tmp_path_factory.mktemp("html") / "report.html"
    page.write_bytes(html_run.stdout)
    return page, json.loads(json_run.stdout.decode("utf-8"))


COLLECT = """JSON.stringify(Array.from(document.querySelectorAll("[data-mark][id]"), function (m) {
  var parts = document.querySelectorAll("[data-mark=" + JSON.stringify(m.id) + "]");
  return {path: m.closest("section").getAttribute("data-path"), id: m.id,
          status: m.getAttribute("data-status"), kind: m.getAttribute("data-kind"),
          span: [+m.getAttribute("data-line"), +m.getAttribute("data-column"),
                 +m.getAttribute("data-end-line"), +m.getAttribute("data-end-column")],
          text: Array.from(parts, function (p) { return p.textContent; }).join(""),
          title: m.title};
}))"""
SHOWN = """(function (id) {
  var mark = document.getElementById(id), box = document.getElementById(mark.getAttribute("aria-controls"));
  return {expanded: mark.getAttribute("aria-expanded"), visible: box.getClientRects().length > 0,
          text: box.innerText, hint: mark.closest("section").querySelector(".nc-hint").getClientRects().length > 0};
})"""


def click(browser: Chromium, element: str) -> None:
    """A real click (mouse down and up through the input pipeline) in the middle of `element`."""
    x, y = browser.evaluate(f"""(function (e) {{ e.scrollIntoView({{block: "center"}});
        var r = e.getClientRects()[0]; return [r.x + r.width / 2, r.y + r.height / 2]; }})({element})""")
    for kind in ("mousePressed", "mouseReleased"):
        browser.page("Input.dispatchMouseEvent", type=kind, x=x, y=y, button="left", clickCount=1)


def _span(item: dict) -> tuple:
    return (item["path"], item["line"], item["column"], item["end_line"], item["end_column"])


@pytest.fixture(scope="module")
def live(browser, seeds):
    """The marks of the seeds' page as chromium built it, after its script ran."""
    page, report = seeds
    browser.open(page.as_uri())
    assert browser.evaluate("document.title").startswith("numcheck: 2 files,")
    return json.loads(browser.evaluate(COLLECT)), report, page.as_uri()


def test_browser_marks_every_figure_as_the_json_report_says(live):
    found, report, _ = live
    sources = {path: (REPO / path).read_bytes().decode("utf-8") for path in SEEDS}
    by_span = {(m["path"], *m["span"]): m for m in found}
    assert any(f["rule"] == "NC401" for f in report["findings"]) and report["verified"]  # the tables were used
    pointed = {_span(f) for f in report["findings"]} | {_span(r) for f in report["findings"] for r in f["related"]}
    for where in pointed:  # every figure (or phrase) a finding points at
        path, line, column, end_line, end_column = where
        text = sources[path]
        assert by_span[where]["status"] == "conflicting", where
        assert by_span[where]["text"] == text[offset(text, line, column):offset(text, end_line, end_column)]
    verified = {_span(v): v["surface"] for v in report["verified"]}
    for where, surface in verified.items():
        assert (by_span[where]["status"], by_span[where]["text"]) == ("consistent", surface), where
    figures = [m for m in found if m["kind"] == "figure"]
    assert len(figures) == report["summary"]["quantities"]
    for m in found:
        where = (m["path"], *m["span"])
        expected = "conflicting" if where in pointed else "consistent" if where in verified else "unchecked"
        assert m["status"] == expected, m
        text = sources[m["path"]]
        assert m["text"] == text[offset(text, *m["span"][:2]):offset(text, *m["span"][2:])]  # line numbers right
    assert {m["status"] for m in figures} == set(STATUSES)


def test_browser_shows_line_numbers_of_the_source(browser, live):
    lines = json.loads(browser.evaluate("""JSON.stringify(Array.from(document.querySelectorAll(".nc-line"),
        function (l) { return [l.closest("section").getAttribute("data-path"), +l.getAttribute("data-line"),
                               l.textContent, getComputedStyle(l, "::before").content]; }))"""))
    for path in SEEDS:
        source = (REPO / path).read_bytes().decode("utf-8")
        shown = [(n, text, number) for p, n, text, number in lines if p == path]
        assert [text for _, text, _ in shown] == [m.group() for m in LINE.finditer(source) if m.group()]
        assert [(n, number) for n, _, number in shown] == [(i, f'"{i}"') for i in range(1, len(shown) + 1)]


def test_browser_click_reveals_the_arithmetic(browser, live):
    found, report, _ = live
    first = report["findings"][0]
    mark = next(m for m in found if (m["path"], *m["span"]) == _span(first))
    assert f"{first['rule']} {first['name']} {first['severity']}: {first['message']}" in mark["title"]  # hover
    assert browser.evaluate(SHOWN + f"({json.dumps(mark['id'])})")["visible"] is False
    click(browser, f"document.getElementById({json.dumps(mark['id'])})")
    shown = browser.evaluate(SHOWN + f"({json.dumps(mark['id'])})")
    assert shown["visible"] and shown["expanded"] == "true" and not shown["hint"]
    assert first["message"] in shown["text"] and first["rule"] in shown["text"]


def test_browser_findings_list_links_to_the_marks(browser, live):
    found, report, url = live
    browser.open(url)
    last = report["findings"][-1]
    mark = next(m for m in found if (m["path"], *m["span"]) == _span(last))
    section = json.dumps(last["path"])
    click(browser, f'document.querySelector("section[data-path=" + JSON.stringify({section}) + "] .nc-findings li:last-child a")')
    assert browser.evaluate("document.activeElement.id") == mark["id"]  # following the link focuses the mark
    shown = browser.evaluate(SHOWN + f"({json.dumps(mark['id'])})")
    assert shown["visible"] and last["message"] in shown["text"]


def test_browser_keyboard_focus_reveals_the_reference_row(browser, live):
    found, report, url = live
    browser.open(url)  # a fresh page: Tab starts from the top, not from a mark clicked before
    browser.page("Input.dispatchKeyEvent", type="keyDown", key="Tab", code="Tab", windowsVirtualKeyCode=9)
    browser.page("Input.dispatchKeyEvent", type="keyUp", key="Tab", code="Tab", windowsVirtualKeyCode=9)
    focused = browser.evaluate("document.activeElement.id")
    assert focused == next(m["id"] for m in found)  # the first mark is the first stop
    assert browser.evaluate(SHOWN + f"({json.dumps(focused)})")["visible"]
    verified = report["verified"][0]
    mark = next(m for m in found if (m["path"], *m["span"]) == _span(verified))
    browser.evaluate(f"document.getElementById({json.dumps(mark['id'])}).focus(); true")
    shown = browser.evaluate(SHOWN + f"({json.dumps(mark['id'])})")
    assert shown["visible"] and verified["message"] in shown["text"]
    assert "Reference row: reference/seed-facts.csv, line" in shown["text"]


def test_browser_enforces_the_no_network_policy(browser, live):
    blocked = browser.evaluate("""new Promise(function (resolve) {
        document.addEventListener("securitypolicyviolation", function (e) { resolve(e.effectiveDirective); });
        new Image().src = "http://127.0.0.1:9/x.png";
        setTimeout(function () { resolve("not blocked"); }, 3000); })""")
    assert blocked in ("img-src", "default-src")


def test_browser_screenshot_is_kept_and_not_blank(browser, live):
    found, _, _ = live
    conflicting = next(m for m in found if m["status"] == "conflicting")
    browser.evaluate(f"document.getElementById({json.dumps(conflicting['id'])}).click(); window.scrollTo(0, 0); true")
    # the whole page in one viewport, so the sticky details panel sits where a reader sees it
    size = browser.page("Page.getLayoutMetrics")["cssContentSize"]
    width, height = int(size["width"]), min(int(size["height"]), 8000)
    browser.page("Emulation.setDeviceMetricsOverride", width=width, height=height, deviceScaleFactor=1, mobile=False)
    png = base64.b64decode(browser.page("Page.captureScreenshot", format="png")["data"])
    browser.page("Emulation.clearDeviceMetricsOverride")
    ARTIFACT.parent.mkdir(exist_ok=True)
    ARTIFACT.write_bytes(png)
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and png[12:16] == b"IHDR"
    assert (int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")) == (width, height)
    # decoded by the browser on a blank page (the report's CSP forbids data: images): the
    # marks' backgrounds are there, so the page was drawn, not a blank or an error page
    browser.open("about:blank")
    colours = browser.evaluate("""new Promise(function (resolve) {
        var img = new Image();
        img.onload = function () {
          var c = document.createElement("canvas"); c.width = img.width; c.height = img.height;
          var g = c.getContext("2d"); g.drawImage(img, 0, 0);
          var d = g.getImageData(0, 0, c.width, c.height).data, seen = {};
          for (var i = 0; i < d.length; i += 4) { seen[d[i] + "," + d[i + 1] + "," + d[i + 2]] = 1; }
          resolve(Object.keys(seen));
        };
        img.src = "data:image/png;base64,""" + base64.b64encode(png).decode("ascii") + """"; })""")
    assert len(colours) > 50
    assert "251,224,204" in colours and "214,233,247" in colours  # conflicting and consistent backgrounds
