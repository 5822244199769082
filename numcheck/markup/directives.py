"""The syntax of numcheck's own directives, in one place: the markup stage blanks them and
records where they stand; `numcheck.suppress` reads them from those places.

    <!-- numcheck: disable NC101 -- reason -->      (any file, wherever it stands)
    # numcheck: disable-next-line NC101             (plain text, on a line of its own)
"""

from __future__ import annotations

import re

_BODY = r"numcheck:[ \t]*(?P<action>disable-next-line|disable-file|disable|enable)\b(?P<rest>[^\r\n]*?)"
# the HTML-comment form, on one line
COMMENT = re.compile(r"<!--[ \t]*" + _BODY + r"[ \t]*-->")
# a directive on a line of its own, after an optional comment marker; a line starts after \n,
# \r\n or a lone \r, as LineIndex counts lines (re.M's ^ knows only \n)
LINE = re.compile(r"(?:^|(?<=\r))[ \t]*(?:#+|//|%+|;+|\.\.)?[ \t]*" + _BODY + r"[ \t]*(?=[\r\n]|\Z)", re.M)
