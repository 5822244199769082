"""Currencies written before or after a number: "$5", "US$ 5", "EUR 125", "45 million euros", "30 MUSD"."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Mapping, Sequence

from numcheck.quantities.lexicon import load_json
from numcheck.quantities.tokens import Token, tokenize

Key = tuple[str, ...]


@dataclass(frozen=True)
class Currencies:
    symbols: Mapping[Key, str]  # as written
    codes: Mapping[str, str]  # upper-case code -> unit
    names: Mapping[Key, str]  # lower-case words -> unit
    mega: Mapping[str, float]  # "M" of "MUSD" -> 1e6
    subunits: frozenset[str]
    subunit_ratio: Mapping[str, int]
    max_len: int


@dataclass(frozen=True)
class CurrencyMatch:
    unit: str
    first: int
    last: int
    multiplier: float = 1.0  # "MUSD" is a million dollars


def _key(s: str) -> Key:
    return tuple(t.text for t in tokenize(s))


@lru_cache(maxsize=1)
def currencies() -> Currencies:
    data = load_json("currencies.en.json")
    symbols: dict[Key, str] = {}
    codes: dict[str, str] = {}
    names: dict[Key, str] = {}
    subunits = set()
    for cur in data["currencies"]:
        unit = cur["unit"]
        if cur.get("subunit"):
            subunits.add(unit)
        for s in cur["symbols"]:
            symbols[_key(s)] = unit
            if sum(c.isalpha() for c in s) >= 2:  # "hk$", "US$"; but "a $5" is not Australian
                symbols[_key(s.lower())] = unit
                symbols[_key(s.upper())] = unit
        for c in cur["codes"]:
            codes[c.upper()] = unit
        for n in cur["names"]:
            names[_key(n.lower())] = unit
    mega = {k: float(v) for k, v in data["mega_prefix"].items() if not k.startswith("_")}
    max_len = max(len(k) for k in [*symbols, *names])
    return Currencies(symbols, codes, names, mega, frozenset(subunits),
                      {k: int(v) for k, v in data["subunit_ratio"].items()}, max_len)


def _code_at(t: Token, cur: Currencies) -> tuple[str, float] | None:
    if t.kind != "word":
        return None
    up = t.text.upper()
    if up in cur.codes and (t.text.isupper() or t.text.islower()):
        return cur.codes[up], 1.0
    if len(up) == 4 and up[0] in cur.mega and up[1:] in cur.codes and t.text[0] in cur.mega:
        return cur.codes[up[1:]], cur.mega[t.text[0]]
    return None


def currency_before(toks: Sequence[Token], i: int, text: str) -> CurrencyMatch | None:
    """A currency sign or code that comes before its number, ending right before it."""
    cur = currencies()
    best: CurrencyMatch | None = None
    for k in range(i, min(len(toks), i + cur.max_len)):
        if k > i and text[toks[k - 1].end:toks[k].start] not in ("", " "):
            break
        key = tuple(t.text for t in toks[i:k + 1])
        if key in cur.symbols and cur.symbols[key] not in cur.subunits:
            best = CurrencyMatch(cur.symbols[key], i, k + 1)
    if best is None:
        code = _code_at(toks[i], cur)
        if code is not None:
            best = CurrencyMatch(code[0], i, i + 1, code[1])
        elif toks[i].low in ("dollar", "usd") or (toks[i].low in ("rmb", "sen") and toks[i].text.islower()):
            best = CurrencyMatch(cur.names.get((toks[i].low,), cur.codes.get(toks[i].text.upper(), "USD")), i, i + 1)
    if best is None or best.last >= len(toks):
        return None
    gap = text[toks[best.last - 1].end:toks[best.last].start]
    if gap not in ("", " "):
        return None
    return best


def currency_after(toks: Sequence[Token], p: int, text: str) -> CurrencyMatch | None:
    """A currency name, code or sign after its number: "5 dollars", "10 €", "115USD", "30 MUSD"."""
    cur = currencies()
    if p >= len(toks) or text[toks[p - 1].end:toks[p].start] not in ("", " ", "  "):
        return None
    best: CurrencyMatch | None = None
    low: list[str] = []
    for k in range(p, min(len(toks), p + cur.max_len)):
        if k > p and text[toks[k - 1].end:toks[k].start] not in (" ",):
            break
        low.append(toks[k].low)
        key = tuple(low)
        if key in cur.names:
            best = CurrencyMatch(cur.names[key], p, k + 1)
    if best is not None:
        return best
    t = toks[p]
    if p + 1 < len(toks) and toks[p + 1].kind == "num" and toks[p + 1].start == t.end:
        return None  # "1 $10 bill", "3 USD50 cards": the sign belongs to the next number
    code = _code_at(t, cur)
    if code is not None:
        return CurrencyMatch(code[0], p, p + 1, code[1])
    key = (t.text,)
    if key in cur.symbols and (t.kind == "sym" or not t.text.isascii()):
        return CurrencyMatch(cur.symbols[key], p, p + 1)
    return None
