"""Suppressions: `numcheck: disable ...` directives in the draft, and NC001 unused-suppression.

Each directive form is run through `check_text` on a real sentence whose finding is known
(WRONG: NC101 error on "12%"; WARNS: NC201 warning), always beside the same text without the
directive, so a test fails if the directive stops working or starts hiding too much. Markdown
takes directives only as HTML comments; plain text also takes them on a line of their own.
"""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from numcheck.api import check_text
from numcheck.cli import main
from numcheck.rules import RULES
from numcheck.suppress import parse_directives

WRONG = "Of the 800 applicants, 120 (12%) were accepted.\n"
RIGHT = "Of the 800 applicants, 120 (15%) were accepted.\n"
WARNS = "Three tankers were seized on Monday. Officials said the four seized tankers would be released.\n"


def findings(text: str, path: str = "draft.md", **kwargs) -> list[tuple[str, int]]:
    """(rule, 1-based line) of every finding."""
    result = check_text(text, path, **kwargs)
    return [(f.rule, text.count("\n", 0, f.start) + 1) for f in result.findings]


def test_the_sentences_without_directives():
    assert findings(WRONG) == [("NC101", 1)]
    assert findings(RIGHT) == []
    assert findings(WRONG + "\n" + WARNS) == [("NC101", 1), ("NC201", 3)]
    assert findings(WRONG + WRONG, "draft.txt") == [("NC101", 1), ("NC101", 2)]


# --- Markdown: HTML comments ------------------------------------------------------------------


@pytest.mark.parametrize("directive", [
    "<!-- numcheck: disable-next-line NC101 -->",
    "<!-- numcheck: disable-next-line -->",
    "<!-- numcheck: disable-next-line ratio-percent -->",
    "<!-- numcheck: disable-next-line nc101 -->",
    "<!-- numcheck: disable-next-line NC101, NC1 -->",
    "<!-- numcheck: disable-next-line NC101 -- the ministry's own rounding -->",
    "<!--numcheck:disable-next-line NC101-->",
    "  <!-- numcheck: disable-next-line NC101 -->",
])
def test_disable_next_line_forms(directive):
    assert findings(f"{directive}\n{WRONG}") == []


@pytest.mark.parametrize("directive", [
    "<!-- numcheck: disable-next-line NC102 -->",  # another rule
    "<!-- numcheck: disable-next-line part-exceeds-whole -->",
])
def test_disable_next_line_for_another_rule_keeps_the_finding(directive):
    assert findings(f"{directive}\n{WRONG}") == [("NC001", 1), ("NC101", 2)]


def test_disable_next_line_only_affects_the_next_line():
    text = f"<!-- numcheck: disable-next-line NC101 -->\n{WRONG}{WRONG}"
    assert findings(text) == [("NC101", 3)]
    # a blank line between: the directive's next line has no finding, so it is unused
    assert findings(f"<!-- numcheck: disable-next-line NC101 -->\n\n{WRONG}") == [("NC001", 1), ("NC101", 3)]


def test_a_directive_at_the_end_of_a_line_covers_the_line_after():
    text = f"Intro. <!-- numcheck: disable-next-line -->\n{WRONG}"
    assert findings(text) == []


def test_reason_is_kept_and_codes_parsed():
    text = "<!-- numcheck: disable NC101, ratio-percent NC201 -- quoted from the release -->\n"
    (d,) = parse_directives(text, "draft.md")
    assert (d.action, d.codes, d.reason, d.line) == ("disable", ("NC101", "ratio-percent", "NC201"),
                                                     "quoted from the release", 0)
    assert text[d.start:d.end] == text.rstrip("\n")


def test_disable_enable_range():
    text = (WRONG + "\n<!-- numcheck: disable NC101 -->\n\n" + WRONG + "\n" + WRONG
            + "\n<!-- numcheck: enable NC101 -->\n\n" + WRONG)
    lines = text.splitlines()
    assert [n for rule, n in findings(text)] == [1, len(lines)]
    assert lines[len(lines) - 1] == WRONG.strip()


def test_disable_all_then_enable_one_rule():
    """A bare disable silences every rule; `enable NC101` brings NC101 back, not NC201."""
    body = WRONG + "\n" + WARNS
    text = "<!-- numcheck: disable -->\n\n" + body + "\n<!-- numcheck: enable NC101 -->\n\n" + body
    got = findings(text)
    assert [rule for rule, _ in got] == ["NC101"]
    assert got[0][1] == text.splitlines().index(WRONG.strip(), 5) + 1
    # and a bare enable brings back both
    text = "<!-- numcheck: disable -->\n\n" + body + "\n<!-- numcheck: enable -->\n\n" + body
    assert [rule for rule, _ in findings(text)] == ["NC101", "NC201"]


def test_disable_without_enable_runs_to_the_end():
    text = WRONG + "\n<!-- numcheck: disable ratio-percent -->\n\n" + WRONG + "\n" + WRONG + "\n" + WARNS
    assert findings(text) == [("NC101", 1), ("NC201", 9)]


@pytest.mark.parametrize("where", ["top", "bottom"])
def test_disable_file(where):
    directive = "<!-- numcheck: disable-file NC101 -->\n"
    body = WRONG + "\n" + WARNS + "\n" + WRONG
    text = directive + "\n" + body if where == "top" else body + "\n" + directive
    assert [rule for rule, _ in findings(text)] == ["NC201"]
    text = "<!-- numcheck: disable-file -->\n\n" + body
    assert findings(text) == []


def test_bare_directive_lines_are_prose_in_markdown():
    """In Markdown a bare `numcheck:` line is text a reader sees, not a directive."""
    for line in ("numcheck: disable-next-line NC101", "# numcheck: disable-next-line NC101",
                 "// numcheck: disable-next-line"):
        text = f"{line}\n{WRONG}"
        assert findings(text, "draft.md") == [("NC101", 2)], line
        assert parse_directives(text, "draft.md") == []
        assert findings(text, "draft.markdown") == [("NC101", 2)], line


def test_markdown_directive_in_code_is_an_example_not_a_directive():
    """A directive shown in a fenced code block or a code span is documentation, not a directive
    (an HTML comment inside code is not a comment in Markdown)."""
    fenced = "```markdown\n<!-- numcheck: disable-file -->\n```\n\n" + WRONG
    assert findings(fenced) == [("NC101", 5)]
    span = "Write `<!-- numcheck: disable-next-line -->` above the line.\n" + WRONG
    assert findings(span) == [("NC101", 2)]


# --- plain text: bare lines and comment markers -----------------------------------------------


@pytest.mark.parametrize("directive", [
    "numcheck: disable-next-line NC101",
    "# numcheck: disable-next-line NC101",
    "## numcheck: disable-next-line",
    "// numcheck: disable-next-line ratio-percent",
    "% numcheck: disable-next-line NC101",
    "; numcheck: disable-next-line NC101 -- a reason",
    ".. numcheck: disable-next-line NC101",
    "   #numcheck: disable-next-line NC101   ",
    "<!-- numcheck: disable-next-line NC101 -->",
])
@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_plain_text_forms(directive, newline):
    sentence = WRONG.strip()
    text = directive + newline + sentence + newline + sentence + newline
    (f,) = check_text(text, "draft.txt").findings  # the first copy is suppressed, the second is not
    assert f.rule == "NC101" and f.start > len(directive) + len(newline) + len(sentence)


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_plain_text_directive_below_the_first_line(newline):
    """A directive line after a lone \\r (old Mac line ends) is a line of its own too."""
    sentence = WRONG.strip()
    text = newline.join(["Intro.", "# numcheck: disable-next-line NC101", sentence, sentence, ""])
    (f,) = check_text(text, "draft.txt").findings  # the first copy is suppressed, the second is not
    assert f.rule == "NC101" and f.start > text.index(sentence) + len(sentence)


@pytest.mark.parametrize("line", [
    "The memo said numcheck: disable-next-line NC101 was typed.",  # not at the start of the line
    "- numcheck: disable-next-line NC101",  # a list marker is no comment marker
    "numcheck: silence NC101",  # no such action
])
def test_plain_text_lines_that_are_not_directives(line):
    text = f"{line}\n{WRONG}"
    assert parse_directives(text, "draft.txt") == []
    assert findings(text, "draft.txt") == [("NC101", 2)]


def test_plain_text_range_and_file():
    text = f"# numcheck: disable NC101\n{WRONG}# numcheck: enable NC101\n{WRONG}"
    assert findings(text, "notes.txt") == [("NC101", 4)]
    text = f"{WRONG}{WARNS}// numcheck: disable-file NC201\n"
    assert findings(text, "notes.txt") == [("NC101", 1)]


# --- NC001 unused-suppression -----------------------------------------------------------------


def test_unused_directive_is_reported_at_its_line():
    text = f"{RIGHT}\n<!-- numcheck: disable-next-line NC101 -->\n{RIGHT}"
    result = check_text(text, "draft.md")
    (f,) = result.findings
    assert (f.rule, f.name, f.severity) == ("NC001", "unused-suppression", "info")
    assert text[f.start:f.end] == "<!-- numcheck: disable-next-line NC101 -->"
    assert "suppresses nothing" in f.message and "next line" in f.message


def test_unused_bare_line_is_reported_from_the_word_numcheck():
    text = f"{RIGHT}  # numcheck: disable NC101 -- old\n"
    (f,) = check_text(text, "draft.txt").findings
    assert f.rule == "NC001" and text[f.start:].startswith("numcheck: disable NC101")
    assert text.count("\n", 0, f.start) == 1


@pytest.mark.parametrize("action", ["disable", "disable-next-line", "disable-file"])
def test_unused_of_every_action(action):
    text = f"<!-- numcheck: {action} NC101 -->\n{RIGHT}"
    assert findings(text) == [("NC001", 1)]


def test_enable_is_never_reported():
    assert findings(f"<!-- numcheck: enable NC101 -->\n{RIGHT}<!-- numcheck: enable -->\n") == []


@pytest.mark.parametrize("codes, kept", [
    ("NC999", ["NC101"]),
    ("NC101 NC999", []),  # it did silence NC101, and still names a rule that does not exist
    ("ratio-percnt", ["NC101"]),
])
def test_a_directive_naming_no_rule(codes, kept):
    text = f"<!-- numcheck: disable-next-line {codes} -->\n{WRONG}"
    result = check_text(text, "draft.md")
    nc001 = [f for f in result.findings if f.rule == "NC001"]
    assert len(nc001) == 1 and "no numcheck rule" in nc001[0].message
    assert repr(codes.split()[-1]) in nc001[0].message and text[nc001[0].start:].startswith("<!--")
    assert [f.rule for f in result.findings if f.rule != "NC001"] == kept


@pytest.mark.parametrize("prefix", ["NC1", "nc10", "NC101", "NC"])
def test_a_code_prefix_covers_its_rules_as_select_does(prefix):
    assert findings(f"<!-- numcheck: disable-next-line {prefix} -->\n{WRONG}") == []
    # a prefix of no rule's code covers nothing and is reported
    assert findings(f"<!-- numcheck: disable-next-line NC9 -->\n{WRONG}") == [("NC001", 1), ("NC101", 2)]
    assert findings(f"<!-- numcheck: disable-next-line NC2 -->\n{WRONG}") == [("NC001", 1), ("NC101", 2)]


def test_nc001_is_silenced_only_by_a_directive_naming_it():
    stale = f"<!-- numcheck: disable NC101 -->\n{RIGHT}"
    assert findings(stale) == [("NC001", 1)]
    for silencer in ("NC001", "unused-suppression", "NC0"):
        # the directive that silences the stale one is used, so it is not reported either
        assert findings(f"<!-- numcheck: disable-file {silencer} -->\n{stale}") == []
    # a directive without codes never hides its own (or another's) staleness
    assert findings(f"<!-- numcheck: disable-file -->\n{stale}") == [("NC001", 1), ("NC001", 2)]
    # naming NC001 when nothing is stale is itself stale
    assert findings(f"<!-- numcheck: disable-file NC001 -->\n{WRONG}") == [("NC001", 1), ("NC101", 2)]


def test_a_bare_enable_ends_a_disable_naming_nc001():
    stale = f"<!-- numcheck: disable-next-line NC101 -->\n{RIGHT}"
    assert findings(f"<!-- numcheck: disable NC001 -->\n{stale}") == []
    # the bare enable turns NC001 back on, as it turns every rule back on: both are stale
    assert findings(f"<!-- numcheck: disable NC001 -->\n<!-- numcheck: enable -->\n\n{stale}") == [
        ("NC001", 1), ("NC001", 4)]


def test_an_enable_naming_no_rule():
    result = check_text(f"<!-- numcheck: disable NC101 -->\n{WRONG}<!-- numcheck: enable NC10l -->\n", "draft.md")
    assert [f.rule for f in result.findings] == ["NC001"]
    assert "'NC10l'" in result.findings[0].message and result.findings[0].start > len(WRONG)


def test_a_directive_for_a_rule_not_selected_is_not_judged():
    without_nc101 = [r for r in RULES if r.code != "NC101"]
    text = f"<!-- numcheck: disable-next-line NC101 -->\n{WRONG}"
    assert check_text(text, "draft.md", rules=without_nc101).findings == ()
    # the same directive over a correct sentence with NC101 selected: unused
    assert findings(f"<!-- numcheck: disable-next-line NC101 -->\n{RIGHT}") == [("NC001", 1)]
    # without NC001 selected nothing is judged, not even a typo
    no_nc001 = [r for r in RULES if r.code != "NC001"]
    assert check_text(f"<!-- numcheck: disable NC999 -->\n{RIGHT}", "draft.md", rules=no_nc001).findings == ()


def test_a_directive_is_judged_code_by_code():
    """`disable NC101 NC201` over a line with only NC101 wrong silences it, and NC201 is stale (as
    ruff reports the unused codes of a noqa)."""
    text = f"<!-- numcheck: disable-next-line NC101 NC201 -->\n{WRONG}"
    result = check_text(text, "draft.md")
    (f,) = result.findings
    assert f.rule == "NC001" and text[f.start:f.end] == "<!-- numcheck: disable-next-line NC101 NC201 -->"
    assert f.message == ("'disable-next-line NC101 NC201': NC201 suppresses nothing: no finding on the next line;"
                         " remove NC201")
    # every code used: nothing to report; a code for a rule that did not run is not judged
    assert findings(f"<!-- numcheck: disable-next-line NC101 NC201 -->\n{WRONG}{WARNS}".replace(
        WRONG + WARNS, WRONG.rstrip("\n") + " " + WARNS)) == []
    without_nc201 = [r for r in RULES if r.code != "NC201"]
    assert check_text(text, "draft.md", rules=without_nc201).findings == ()
    # a range: NC201 is stale until the enable
    ranged = f"<!-- numcheck: disable NC101 NC201 -->\n{WRONG}<!-- numcheck: enable -->\n"
    assert [(g.rule, "NC201" in g.message) for g in check_text(ranged, "draft.md").findings] == [("NC001", True)]


def test_nc001_through_the_cli(tmp_path, capsys, monkeypatch):
    """NC001 is info: reported, fails only with --fail-on info; `ignore` in a config silences it."""
    (tmp_path / "d.md").write_text(f"<!-- numcheck: disable NC101 -->\n{RIGHT}", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["check", "d.md", "--format", "json"]) == 0
    (f,) = json.loads(capsys.readouterr().out)["findings"]
    assert (f["rule"], f["severity"], f["line"], f["column"]) == ("NC001", "info", 1, 1)
    assert main(["check", "d.md", "--fail-on", "info"]) == 1
    assert "d.md:1:1: NC001 info: " in capsys.readouterr().out
    (tmp_path / "numcheck.toml").write_text('ignore = ["unused-suppression"]\n', encoding="utf-8")
    assert main(["check", "d.md", "--fail-on", "info", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["findings"] == []


def test_suppressed_error_does_not_fail_the_run(tmp_path, capsys, monkeypatch):
    (tmp_path / "d.md").write_text(f"<!-- numcheck: disable-next-line NC101 -- quoted -->\n{WRONG}",
                                   encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["check", "d.md"]) == 0
    assert capsys.readouterr().out.splitlines()[-1].endswith("0 errors, 0 warnings, 0 infos")


# --- properties -------------------------------------------------------------------------------

CODES = [r.code for r in RULES] + [r.name for r in RULES] + ["NC999", "nc101", "bogus"]
ACTIONS = ["disable", "enable", "disable-next-line", "disable-file", "disabled", "enable-file"]
directive_lines = st.builds(
    lambda marker, action, codes, reason, comment: (
        f"<!-- numcheck: {action} {', '.join(codes)}{reason} -->" if comment
        else f"{marker}numcheck: {action} {' '.join(codes)}{reason}"),
    st.sampled_from(["", "# ", "//", "  % ", ".. ", "- "]),
    st.sampled_from(ACTIONS),
    st.lists(st.sampled_from(CODES), max_size=3),
    st.sampled_from(["", " -- a reason", " --", " -- <!-- -->"]),
    st.booleans(),
)
prose_lines = st.sampled_from([
    WRONG.strip(), RIGHT.strip(), WARNS.strip(), "", "---", "```", "Sales rose 20% to 300 units in 2019.",
    "Monday, 3 March 2023", "<!-- a comment -->", "<!--", "-->",
]) | st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40)
texts = st.lists(directive_lines | prose_lines, max_size=12).flatmap(
    lambda lines: st.sampled_from(["\n", "\r\n", "\r"]).map(lambda nl: nl.join(lines)))
PROPERTY_SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _checkable(text: str) -> bool:
    """A text that starts with a front matter may have a bad date: that is an InputError by design."""
    return not text.lstrip("\ufeff").startswith("---")


@PROPERTY_SETTINGS
@given(texts, st.sampled_from(["d.md", "d.txt"]))
def test_check_text_never_raises_and_spans_lie_in_the_text(text, path):
    if not _checkable(text):
        text = "x" + text
    result = check_text(text, path)
    for f in result.findings:
        assert 0 <= f.start < f.end <= len(text), (f.rule, f.start, f.end)
        for related in f.related:
            assert 0 <= related.start <= related.end <= len(text)
    for d in parse_directives(text, path):
        assert 0 <= d.start < d.end <= len(text) and text[d.start:d.end].lstrip("<!- ").startswith("numcheck:")


@PROPERTY_SETTINGS
@given(texts, st.sampled_from(["d.md", "d.txt"]))
def test_disable_file_for_every_code_leaves_only_nc001(text, path):
    if not _checkable(text):
        text = "x" + text
    codes = " ".join(r.code for r in RULES)
    # first in the file, so no code fence or open comment of the text can swallow it
    head = f"<!-- numcheck: disable-file {codes} -->\n\n"
    suppressed = check_text(head + text, path)
    assert {f.rule for f in suppressed.findings} <= {"NC001"}
    bare_head = "<!-- numcheck: disable-file -->\n\n"
    bare = check_text(bare_head + text, path)
    assert {f.rule for f in bare.findings} <= {"NC001"}
    # a finding in the text means the added directive did work: the bare one is not reported, and
    # the one naming every code is reported, if at all, for the codes of rules that found nothing
    fired = {f.rule for f in check_text(text, path).findings if f.rule != "NC001"}
    if fired:
        assert not any(f.start < len(bare_head) for f in bare.findings)
        for f in (f for f in suppressed.findings if f.start < len(head)):
            idle = set(re.match(r"'[^']*': (.*?) suppress(?:es)? nothing", f.message).group(1).split(", "))
            assert idle and not idle & fired and idle <= {r.code for r in RULES}, (f.message, fired)


def test_directives_follow_how_the_draft_was_read_not_its_name():
    """A buffer named notes.txt but read as Markdown (an editor's language id) takes directives only
    as HTML comments; one named d.md but read as plain text takes bare lines too."""
    bare = f"numcheck: disable-next-line NC101\n{WRONG}"
    comment = f"<!-- numcheck: disable-next-line NC101 -->\n{WRONG}"
    assert [f.rule for f in check_text(bare, "notes.txt").findings] == []
    assert [f.rule for f in check_text(bare, "notes.txt", markup="markdown").findings] == ["NC101"]
    assert [f.rule for f in check_text(comment, "notes.txt", markup="markdown").findings] == []
    assert [f.rule for f in check_text(bare, "d.md", markup="plain").findings] == []
