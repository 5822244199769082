"""Units of reference rows: one name per unit, and conversions within a dimension."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

from numcheck.quantities.money import currencies
from numcheck.quantities.tokens import tokenize
from numcheck.quantities.units import match_unit


def canonical_unit(text: str) -> str | None:
    """The name numcheck reports for a unit written in a table: "km" -> "kilometre",
    "$" or "usd" -> "USD", "%" -> "percent"; None when it is not a unit numcheck knows."""
    t = text.strip()
    if not t:
        return None
    if t.lower() in ("%", "percent", "per cent", "pct"):
        return "percent"
    if t.lower() in ("percentage point", "percentage points", "pp"):
        return "percentage point"
    cur = currencies()
    if t.upper() in cur.codes:
        return cur.codes[t.upper()]
    key = tuple(tok.text for tok in tokenize(t))
    if key in cur.symbols:
        return cur.symbols[key]
    lowkey = tuple(tok.text for tok in tokenize(t.lower()))
    if lowkey in cur.names:
        return cur.names[lowkey]
    toks = tokenize(t)
    um = match_unit(toks, 0, t, glued=True) if toks else None
    if um is not None and um.last == len(toks):
        return um.name
    return None


@lru_cache(maxsize=1)
def _factors() -> dict[str, tuple[str, float]]:
    data = json.loads(resources.files("numcheck.tables").joinpath("data", "conversions.json").read_text("utf-8"))
    out: dict[str, tuple[str, float]] = {}
    for dimension, table in data.items():
        if dimension.startswith("_"):
            continue
        for unit, factor in table.items():
            out[unit] = (dimension, float(factor))
    return out


def convert(value: float, unit: str | None, to: str | None) -> float | None:
    """`value` in `unit` expressed in `to`, or None when they measure different things."""
    if unit == to:
        return value
    f = _factors()
    if unit in f and to in f and f[unit][0] == f[to][0]:
        return value * f[unit][1] / f[to][1]
    return None
