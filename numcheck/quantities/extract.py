"""Placeholder while the real extractor is written: reads digit numbers only."""

from __future__ import annotations

import re

from numcheck.quantities.model import Quantity

_DIGITS = re.compile(r"\d+(?:\.\d+)?")


def extract(text: str) -> list[Quantity]:
    return [Quantity(value=float(m.group()), kind="number", start=m.start(), end=m.end(), text=m.group())
            for m in _DIGITS.finditer(text)]
