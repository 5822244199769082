"""The markup stage (part of the document stage): a source text -> its prose view.

`read_prose(text, path)` picks the reader by the path's suffix: Markdown
(`.md`, `.markdown`) through markdown-it-py, HTML (`.html`, `.htm`) through
numcheck's own linear HTML tokenizer, anything else as plain text. The view
has the source's exact length and line breaks, so every offset computed on it
is an offset into the source. Kept free of `numcheck.quantities`: the extractor
reads the view, it is not read by it.
"""

from __future__ import annotations

from typing import Optional

from numcheck.document import split_front_matter
from numcheck.markup.model import Cell, Prose, Table, blank
from numcheck.markup.plain import plain_prose
from numcheck.markup.references import in_source

__all__ = ["Cell", "Prose", "Table", "blank", "in_source", "markup_kind", "read_prose", "MARKDOWN_SUFFIXES",
           "HTML_SUFFIXES"]

MARKDOWN_SUFFIXES = (".md", ".markdown")
HTML_SUFFIXES = (".html", ".htm")


def markup_kind(path: str) -> str:
    """"markdown", "html" or "plain", by the file name's suffix."""
    name = path.lower()
    if name.endswith(MARKDOWN_SUFFIXES):
        return "markdown"
    if name.endswith(HTML_SUFFIXES):
        return "html"
    return "plain"


def read_prose(text: str, path: str = "", front: Optional[int] = None, kind: Optional[str] = None) -> Prose:
    """The prose view of `text`, read as the markup `kind` names ("markdown", "html", "plain"),
    by default the one its `path` names. A front matter is blanked; `front` is where the body
    starts after it, when the caller has already found that with
    `numcheck.document.split_front_matter` (which raises FrontMatterError for a bad date)."""
    if front is None:
        front = split_front_matter(text)[0]
    kind = kind or markup_kind(path)
    if kind == "markdown":
        from numcheck.markup.markdown import markdown_prose  # deferred: plain text never imports markdown-it

        return markdown_prose(text, front)
    if kind == "html":
        from numcheck.markup.html import html_prose

        body = blank(text[:front]) + text[front:] if front else text
        return html_prose(body)
    return plain_prose(text, front)
