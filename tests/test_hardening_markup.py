"""Issue 10 (hardening), the markup side: HTML and inline HTML in Markdown read in linear time
whatever the Python, offsets that stay right after malformed markup, invisible characters that
read as nothing, and Markdown nested past markdown-it's limit still read.
"""

from __future__ import annotations


import pytest

from numcheck.api import check_text
from numcheck.claims import Draft
from numcheck.markup import read_prose
from numcheck.markup.invisible import INVISIBLE
from numcheck.markup.markdown import MAX_NESTING, _parser
from numcheck.markup.references import fix_in_source

from timing import best_of

ACCEPTED = "1,120 of 8,000 applicants (14%) were accepted."  # right: no finding
MISTAKE = "Of the 800 applicants, 120 (12%) were accepted."  # NC101 on 12%, fix 15%


def grows_linearly(make, n: int, floor: float = 0.01) -> tuple[float, float]:
    """Read make(n) and make(4 n) as their markup; the second may take at most 10 times the first
    (about 4 is linear, 16 quadratic), the first counted as at least `floor` seconds."""
    small, large = make(n), make(4 * n)
    t_small = best_of(2, lambda: read_prose(*small))
    t_large = best_of(2, lambda: read_prose(*large))
    assert t_large <= 10 * max(t_small, floor), (t_small, t_large)
    return t_small, t_large


# --- fault 3: unclosed constructs in linear time ------------------------------------------------


@pytest.mark.parametrize("piece", ["<a ", "<!--", '<a b="', "</a ", "<!x ", "<? ", "<![CDATA[", "<a b='>' ", "&#"])
def test_html_runs_of_unclosed_constructs_are_read_in_linear_time(piece):
    """CPython's html.parser before its CVE-2025-6069 fix reads these in quadratic time
    ('<a ' * 8,000 took 15 s here); numcheck's own tokenizer reads each character once or twice."""
    grows_linearly(lambda n: (piece * n, "page.html"), 6_000)


@pytest.mark.parametrize("piece", ["<a ", "<!--", "<?", "</a "])
def test_markdown_inline_runs_of_unclosed_html_are_read_in_linear_time(piece):
    """Inline HTML in a paragraph: markdown-it-py before 4.3 copies the rest of the paragraph at
    each '<' and runs its comment pattern to the paragraph's end at each '<!--'."""
    grows_linearly(lambda n: ("Text " + piece * n, "draft.md"), 5_000)


@pytest.mark.parametrize("text", [
    "See <b>12%</b> and <!-- a --> <a href='x'>5 km</a> <?php x ?> <![CDATA[ y ]]> <!DOCTYPE html> </a >",
    "Text <a <a <a b='1' c=\"2\"/> <!-- unclosed", "<x y=\"z\" /> <!--> <!---> <!----> done <", "a <b> c",
])
def test_markdown_inline_html_is_read_as_markdown_it_reads_it(text):
    """numcheck's inline HTML rule (linear with any markdown-it-py) takes what markdown-it-py's does."""
    from markdown_it import MarkdownIt

    theirs = [t.content for t in MarkdownIt("commonmark").parseInline(text)[0].children if t.type == "html_inline"]
    ours = [t.content for t in _parser().parseInline(text, {"numcheck_spans": {}})[0].children
            if t.type == "html_inline"]
    assert ours == theirs and ours


@pytest.mark.parametrize("text, prose", [
    ("<p>1 <!-- 2 </p> 3", "1"),  # a comment never closed is a comment to the end
    ('<p>Ship <a href="x>12 km</a>. 3 more', "Ship"),  # a value never closed: the tag hides the rest
    ("<p>Ship <a href=x>12 km</a>.</p>", "Ship 12 km ."),
    ("<p>a <![CDATA[ 5 ]]> b 6 > c</p>", "a b 6 > c"),  # outside SVG and MathML, a bogus comment to '>'
    ("<p>a <!x 5> b <?x 6> c </ 7> d</p>", "a b c d"),
    ("<p>a <3 b < c</p>", "a <3 b < c"),
    ("<script>x = '</p>';</script><p>5 km</p><style>p{}</style>", "5 km"),
])
def test_html_constructs_read_as_a_browser_shows_them(text, prose):
    assert read_prose(text, "page.html").view.split() == prose.split()


# --- fault 5: offsets after malformed markup; invisible characters -------------------------------


@pytest.mark.parametrize("malformed", ["<![0 below.", "<![ 5", "<!x", "<?x", "</ x", "<a b='>'>", "<!-->",
                                       "<![CDATA[x]]>", "<br/>", "a < b", "<![if x]>"])
def test_figures_after_malformed_html_are_placed_where_they_are(malformed):
    """After a malformed marked section CPython's parser counted three characters too many to the
    end of the line: "1,120 of 8,000" was read as "20 of 8,000" and "fixed" to 0.2%."""
    tail = f"<p>{ACCEPTED}</p><p>{MISTAKE}</p>\n"
    text = f"<p>See note {malformed}</p>" + tail
    expected = [tail[q.start:q.end] for q in Draft.read(tail, "page.html").quantities]
    assert len(expected) >= 5
    assert [text[q.start:q.end] for q in Draft.read(text, "page.html").quantities][-len(expected):] == expected
    (finding,) = check_text(text, "page.html").findings
    assert (finding.rule, text[finding.start:finding.end], finding.fix) == ("NC101", "12%", "15%")


@pytest.mark.parametrize("char", list(INVISIBLE))
@pytest.mark.parametrize("path", ["draft.txt", "draft.md", "page.html"])
def test_an_invisible_character_inside_a_figure_is_read_as_nothing(char, path):
    wrap = (lambda s: f"<p>{s}</p>") if path.endswith(".html") else (lambda s: s)
    right = wrap(f"Of 8,000 applicants, 1,12{char}0 (14%) were accepted.")
    assert check_text(right, path).findings == ()
    figure = next(q for q in Draft.read(right, path).quantities if q.value == 1120)
    assert right[figure.start:figure.end] == f"1,12{char}0"
    wrong = wrap(f"Of 8,000 applicants, 1,120 (1{char}5%) were accepted.")
    (finding,) = check_text(wrong, path).findings
    assert wrong[finding.start:finding.end] == f"1{char}5%"
    assert finding.fix == f"1{char}4%"  # the character stays where it was


@pytest.mark.parametrize("written", ["&#8203;", "&shy;", "&zwj;", "&#x200B;", "&NoBreak;"])
@pytest.mark.parametrize("path", ["draft.md", "page.html"])
def test_an_invisible_character_written_as_a_reference_is_read_as_nothing(written, path):
    text = f"Of 8,000 applicants, 1,120 (1{written}5%) were accepted."
    (finding,) = check_text(text, path).findings
    assert text[finding.start:finding.end] == f"1{written}5%"
    assert finding.fix == f"1{written}4%"


def test_invisible_characters_keep_their_places_in_a_fix():
    assert fix_in_source("12\u200b0 km", "150 km") == "15\u200b0 km"
    assert fix_in_source("\u200b12%", "15%") == "\u200b15%"
    assert fix_in_source("12%\u00ad", "1,500%") == "1,500%\u00ad"
    assert fix_in_source("1\u200b2\u200d0", "9") == "9\u200b\u200d"  # never deleted, never past the change
    assert fix_in_source("12\u200b&nbsp;%", "15 %") == "15\u200b&nbsp;%"


def test_invisible_characters_join_words_and_leave_code_alone():
    view = read_prose("Twen\u00adty-six ships, `12\u200b0` and 1\u200b2 km.", "draft.md").view
    assert view.split() == ["Twenty-six", "ships,", "and", "12", "km", "."]
    soft = Draft.read("Twen\u00adty-six ships sailed.", "a.txt").quantities
    assert [(q.value, q.kind) for q in soft] == [(q.value, q.kind) for q in
                                                 Draft.read("Twenty-six ships sailed.", "a.txt").quantities]


# --- fault 6: Markdown nested past markdown-it's limit ----------------------------------------------


def _quoted(depth: int, text: str) -> str:
    return "> " * depth + text + "\n"


def _listed(depth: int, text: str) -> str:
    return "".join("  " * k + "- item\n" for k in range(depth)) + "  " * depth + "- " + text + "\n"


@pytest.mark.parametrize("make, depth", [(_quoted, MAX_NESTING - 1), (_quoted, MAX_NESTING), (_quoted, 25),
                                         (_listed, MAX_NESTING // 2 - 1), (_listed, MAX_NESTING // 2), (_listed, 14)])
def test_content_nested_past_the_limit_is_checked(make, depth):
    """markdown-it drops what is nested 20 levels deep (20 quotes, 10 lists); numcheck reads it."""
    text = make(depth, MISTAKE + " Run `400 of 100 (1%)` [at 2 km](https://x.io/12/30).")
    (finding,) = check_text(text, "draft.md").findings
    assert (finding.rule, text[finding.start:finding.end], finding.fix) == ("NC101", "12%", "15%")
    view = read_prose(text, "draft.md").view
    assert "400" not in view and "x.io" not in view and "at 2 km" in view  # its inline markup is read


def test_a_deep_part_is_read_as_paragraphs_with_items_as_sentences():
    deep = "> " * 30
    text = f"{deep}First 5 km.\n{deep}- 12% said yes\n{deep}- 41% said no\n{deep}\n{deep}Then 3 ships.\n"
    draft = Draft.read(text, "draft.md")
    shallow = Draft.read(text.replace(deep, ""), "draft.md")  # the same lines, not nested
    assert [q.text for q in draft.quantities] == [q.text for q in shallow.quantities]
    assert [q.text for q in draft.quantities][1:4] == ["5 km", "12%", "41%"]
    sentences = [draft.sentence_of(q.start) for q in draft.quantities]
    assert len(set(sentences[1:4])) == 3  # a list item is a sentence of its own


@pytest.mark.parametrize("make", [
    lambda n: ("> " * n + MISTAKE + "\n", "draft.md"),
    lambda n: ("".join("  " * (k % 100) + "- a\n" for k in range(n // 100)) + MISTAKE + "\n", "draft.md"),
    lambda n: ("> " * 30 + "x\n" + (MISTAKE + "\n") * (n // 40), "draft.md"),  # lazy lines: one pass per level
])
def test_deep_nesting_is_read_in_linear_time(make):
    grows_linearly(make, 20_000)
