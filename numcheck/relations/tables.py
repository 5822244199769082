"""Tables: a table's Total row and the figures above it that it should sum.

A row whose first cell is "Total" (or "All", "Sum", "Overall", "Subtotal") totals, column by
column, the rows above it up to the header or the previous total or subtotal (rows under a subtotal
count as that subtotal). Columns that do not add up by nature are left out: percentages, averages,
rates, medians, shares, prices, years (their headers say so: `data/table_total.en.json`), and
columns with an empty cell, a range, mixed units or an accountant's negative. A label that names
what it totals ("Total area") counts only in a column whose header names it too.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Optional, Sequence

from numcheck.claims import Draft
from numcheck.markup import Cell, Table
from numcheck.quantities import Quantity

ADDITIVE = ("count", "number", "money", "measure")
_WORD = re.compile(r"[a-z]+|%", re.I)


@dataclass(frozen=True)
class ColumnTotal:
    """A total cell and the figures of its column it should be the sum of."""

    total: Quantity
    parts: tuple[Quantity, ...]


def _comparable(a: Quantity, b: Quantity) -> bool:
    if a.kind in ("count", "number") and b.kind in ("count", "number"):
        return True
    return a.kind == b.kind and a.unit == b.unit


def find_column_totals(draft: Draft) -> list[ColumnTotal]:
    out: list[ColumnTotal] = []
    for table in draft.tables:
        since_total: list[tuple[Cell, ...]] = []  # parts of the next total (subtotals stand for their rows)
        since_sub: list[tuple[Cell, ...]] = []  # parts of the next subtotal
        for row in table.rows:
            if not row or (len(row) > 2 and all(not c.text for c in row[1:])):
                continue  # a section heading ("North"), told from a missing figure by the other columns
            kind = _row_kind(row[0].text)
            if kind is None:
                since_total.append(row)
                since_sub.append(row)
                continue
            parts = since_sub if kind == "subtotal" else since_total
            out.extend(_row_totals(draft, table, row, parts))
            if kind == "subtotal":
                since_total = [r for r in since_total if not any(r is s for s in since_sub)] + [row]
                since_sub = []
            else:
                since_total, since_sub = [], []
    return out


def _row_totals(draft: Draft, table: Table, row: tuple[Cell, ...],
                parts: Sequence[tuple[Cell, ...]]) -> list[ColumnTotal]:
    if len(parts) < 2:
        return []
    out = []
    named = _label_words(row[0].text)
    for j in range(1, len(row)):
        header = table.header[j].text if j < len(table.header) else ""
        if not _additive_header(header) or (named and not _names_column(named, header)):
            continue
        total = draft.cell_figure(row[j])
        figures = _column(draft, parts, j, total)
        if total is not None and figures is not None:
            out.append(ColumnTotal(total, tuple(figures)))
    return out


def _column(draft: Draft, parts: Sequence[tuple[Cell, ...]], j: int,
            total: Optional[Quantity]) -> Optional[list[Quantity]]:
    """The column's figures above the total, or None if the column cannot be added up."""
    if total is None or total.kind not in ADDITIVE or total.high is not None:
        return None
    out = []
    for row in parts:
        q = draft.cell_figure(row[j]) if j < len(row) else None
        if q is None or q.kind not in ADDITIVE or q.high is not None or not _comparable(q, total):
            return None
        if row[j].text.startswith("(") and row[j].text.endswith(")"):
            return None  # "(700)": an accountant's negative, which the figure does not carry
        out.append(q)
    return out


@dataclass(frozen=True)
class _Words:
    totals: frozenset[str]
    subtotals: frozenset[str]
    prefixes: tuple[str, ...]
    header_words: frozenset[str]
    header_phrases: tuple[str, ...]


@lru_cache(maxsize=1)
def _words() -> _Words:
    data = json.loads(resources.files("numcheck.relations").joinpath("data", "table_total.en.json").read_text("utf-8"))
    return _Words(frozenset(data["totals"]), frozenset(data["subtotals"]), tuple(data["label_prefixes"]),
                  frozenset(data["not_additive_header_words"]), tuple(data["not_additive_header_phrases"]))


def _row_kind(label: str) -> Optional[str]:
    """"total", "subtotal" or None, from a row's first cell: "Total", "**All**", "Total (tonnes)"."""
    words = _words()
    text = " ".join(re.sub(r"[*_:.]+", " ", label).lower().split())
    for kind, names in (("subtotal", words.subtotals), ("total", words.totals)):
        if text in names:
            return kind
    for prefix in words.prefixes:
        if text.startswith(prefix) and not text[len(prefix):len(prefix) + 1].isalpha():
            return "subtotal" if prefix in words.subtotals else "total"
    return None


def _label_words(label: str) -> tuple[str, ...]:
    """What a prefixed total label says it totals: "Total area" -> ("area",); "Total",
    "Total (2023)" and "Total, all regions" name nothing beyond the column."""
    text = " ".join(re.sub(r"[*_]+", " ", label).lower().split())
    for prefix in _words().prefixes:
        if text.startswith(prefix) and not text[len(prefix):len(prefix) + 1].isalpha():
            rest = re.split(r"[(,:;–—-]", text[len(prefix):], maxsplit=1)[0]
            return tuple(re.findall(r"[a-z]+", rest))
    return ()


def _names_column(words: Sequence[str], header: str) -> bool:
    """Does the header name every word of the label ("Total votes" under "Votes", plural or not)?"""
    said = {w.rstrip("s") for w in re.findall(r"[a-z]+", header.lower())}
    return all(w.rstrip("s") in said for w in words)


def _additive_header(header: str) -> bool:
    words = _words()
    low = header.lower()
    if any(phrase in low for phrase in words.header_phrases):
        return False
    return words.header_words.isdisjoint(w.lower() for w in _WORD.findall(header))
