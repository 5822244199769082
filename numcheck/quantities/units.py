"""Units of measure: quantulum3's catalogue, read as data, plus numcheck's additions.

quantulum3's parser is slow and its choices vary with PYTHONHASHSEED, but its
catalogue of units (names, surfaces, symbols, SI prefixes) is good. We read
its JSON files directly, without importing its parser, and resolve its
ambiguous symbols with fixed choices from `data/units.en.json`, so the result
is the same in every process.
"""

from __future__ import annotations

import importlib.util
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Mapping, Sequence

from numcheck.quantities.lexicon import lexicon, load_json
from numcheck.quantities.tokens import Token, tokenize

Key = tuple[str, ...]


@dataclass(frozen=True)
class UnitMatch:
    name: str
    first: int  # token index
    last: int  # index after the last token
    entity: str


@dataclass(frozen=True)
class Catalogue:
    entities: Mapping[str, str]  # unit name -> quantulum3 entity (length, mass, time, ...)
    symbols: Mapping[Key, str]  # case-sensitive token tuple -> unit name
    surfaces: Mapping[Key, str]  # lower-case token tuple -> unit name
    first_tokens: frozenset[str]  # every first token, as written and lower-cased, for a quick reject
    max_len: int
    needs_glue: frozenset[str]
    followers_ok: frozenset[str]
    verbs_after_symbol: frozenset[str]  # "Everest, 8849 m, is ...": may follow a short symbol that is no word
    eponymous: frozenset[str]  # units named after people ("tesla"): capitalised, the people or firms
    article_units: frozenset[str]
    named: Mapping[Key, tuple[float, str]]
    named_starts: frozenset[str]  # first words of the named quantities, a quick reject
    time_units: frozenset[str]
    power_suffixes: Mapping[str, int]
    power_prefixes: Mapping[str, int]
    inverse_suffixes: frozenset[str]


def _quantulum3_units() -> dict[str, dict]:
    """quantulum3's units.json merged with its en_US additions, as quantulum3 merges them.

    The files are found without importing quantulum3, whose parser we do not use.
    """
    spec = importlib.util.find_spec("quantulum3")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("quantulum3 is not installed; numcheck reads its catalogue of units")
    pkg = Path(list(spec.submodule_search_locations)[0])
    merged: dict[str, dict] = {}
    for part in (pkg / "units.json", pkg / "_lang" / "en_US" / "units.json"):
        for name, unit in json.loads(part.read_text("utf-8")).items():
            merged.setdefault(name, {}).update(unit)
    return merged


def _plural(surface: str) -> str:
    if " per " in surface:
        head, _, tail = surface.partition(" per ")
        return _plural(head) + " per " + tail
    if surface.startswith("degree ") or " of " in surface:
        head, sep, tail = surface.partition(" ")
        return _plural(head) + sep + tail
    words = surface.split(" ")
    last = words[-1]
    special = {"foot": "feet", "inch": "inches", "century": "centuries", "millennium": "millennia",
               "hertz": "hertz", "celsius": "celsius", "lux": "lux", "siemens": "siemens", "stokes": "stokes"}
    if last.lower() in special:
        p = special[last.lower()]
    elif re.search(r"(s|x|z|ch|sh)$", last):
        p = last + "es"
    elif re.search(r"[^aeiou]y$", last):
        p = last[:-1] + "ies"
    else:
        p = last + "s"
    return " ".join(words[:-1] + [p])


def _key(surface: str, lower: bool) -> Key:
    toks = tokenize(surface.lower() if lower else surface)
    return tuple(t.text for t in toks)


@lru_cache(maxsize=1)
def catalogue() -> Catalogue:
    extra = load_json("units.en.json")
    prefixes: dict[str, str] = extra["prefixes"]
    never = set(extra["never"])
    never_symbols = set(extra["never_symbols"])
    never_surfaces = set(extra["never_surfaces"])  # "two revolutions", "three cycles": not angles in prose
    entities: dict[str, str] = {}
    symbols: dict[Key, set[str]] = {}
    surfaces: dict[Key, set[str]] = {}
    for name, unit in _quantulum3_units().items():
        entity = unit.get("entity", "unknown")
        if entity == "currency" or name in never:
            continue
        variants = [(name, unit.get("symbols", []), unit.get("surfaces", []))]
        for p in unit.get("prefixes", []):
            word = prefixes[p]
            variants.append((word + name, [p + s for s in unit.get("symbols", [])],
                             [word + s for s in unit.get("surfaces", [])]))
        for vname, syms, surfs in variants:
            entities[vname] = entity
            for s in syms:
                if s in never_symbols:
                    continue
                symbols.setdefault(_key(s.replace("μ", "µ"), False), set()).add(vname)
            for s in surfs:
                if s in never_surfaces:
                    continue
                for form in (s, _plural(s)):
                    surfaces.setdefault(_key(form, True), set()).add(vname)
    prefer: dict[str, str] = extra["prefer"]
    chosen_symbols = {k: _choose(k, v, prefer) for k, v in symbols.items()}
    chosen_surfaces = {k: _choose(k, v, prefer) for k, v in surfaces.items()}
    for alias, name in extra["aliases"].items():
        chosen_surfaces[_key(alias, True)] = name
        entities.setdefault(name, entities.get(name, "derived"))
    firsts = {k[0] for k in chosen_symbols} | {k[0] for k in chosen_surfaces}
    return Catalogue(
        entities=entities, symbols=chosen_symbols, surfaces=chosen_surfaces,
        first_tokens=frozenset(firsts),
        max_len=max(len(k) for k in [*chosen_symbols, *chosen_surfaces]),
        needs_glue=frozenset(extra["needs_glue_or_end"]), followers_ok=frozenset(extra["followers_ok"]),
        verbs_after_symbol=frozenset(extra["verbs_after_a_symbol"]), eponymous=frozenset(extra["eponymous"]),
        article_units=frozenset(extra["article_units"]),
        named={_key(k, True): (float(v[0]), v[1]) for k, v in extra["named_quantities"].items()},
        named_starts=frozenset(_key(k, True)[0] for k in extra["named_quantities"]),
        time_units=frozenset(extra["time_units"]),
        power_suffixes=extra["power_suffixes"], power_prefixes=extra["power_prefixes"],
        inverse_suffixes=frozenset(extra["inverse_suffixes"]),
    )


def _choose(key: Key, names: set[str], prefer: Mapping[str, str]) -> str:
    joined = " ".join(key)
    if joined in prefer:
        return prefer[joined]
    return sorted(names, key=lambda n: (len(n), n))[0]  # deterministic: shortest name first


def entity_of(name: str) -> str:
    """quantulum3's entity of a unit ("length"); "derived" for a unit numcheck composed ("W per min")."""
    return catalogue().entities.get(name, "derived")


def _lookup(toks: Sequence[Token], j: int, text: str) -> tuple[str, int] | None:
    """Longest catalogue entry at token j: (unit name, index after it)."""
    cat = catalogue()
    if j >= len(toks):
        return None
    t0 = toks[j]
    if t0.text not in cat.first_tokens and t0.low not in cat.first_tokens:
        return None
    best: tuple[str, int] | None = None
    exact: list[str] = []
    low: list[str] = []
    for k in range(j, min(len(toks), j + cat.max_len)):
        if k > j and text[toks[k - 1].end:toks[k].start] not in ("", " ", "  "):
            break
        exact.append(toks[k].text.replace("μ", "µ"))
        low.append(toks[k].low)
        key, lkey = tuple(exact), tuple(low)
        if key in cat.symbols:
            best = (cat.symbols[key], k + 1)
        elif lkey in cat.surfaces:
            best = (cat.surfaces[lkey], k + 1)
    return best


def match_unit(toks: Sequence[Token], j: int, text: str, *, glued: bool) -> UnitMatch | None:
    """A unit written at token j, right after a number ("km", "square miles", "km/h", "°C").

    `glued` says the unit touches the number ("10km"): short symbols that are
    also English words ("in", "a", "m") are read only glued, or at the end of
    a clause ("2 in." but not "two in my car").
    """
    cat = catalogue()
    if j >= len(toks):
        return None
    power = 1
    start = j
    t = toks[j]
    if t.low in cat.power_prefixes and j + 1 < len(toks):
        power = cat.power_prefixes[t.low]
        j += 1
    found = _lookup(toks, j, text)
    if found is None and (glued or _SPACED_PRODUCT.fullmatch(toks[j].text)):
        # "5Js", "45 Js"; but after a space "three had", "137 MPs", "Four Al-Qassam" are words
        found = _two_symbols(toks, j)
    ident_power = None
    if found is None and toks[j].kind == "ident":
        found, ident_power = _ident_unit(toks[j], j)
    if found is None:
        return None
    name, end = found
    if toks[j].text[:1].isupper() and toks[j].text[1:].islower() and toks[j].low in cat.eponymous \
            and end < len(toks) and toks[end].kind == "word" and toks[end].low not in lexicon().words["noun_stop"]:
        return None  # "46,000 Tesla Cybertrucks", "40 Tesla cars": a name before what it names; "65 Watts." is watts
    surface = text[toks[j].start:toks[end - 1].end]
    nxt = toks[end] if end < len(toks) else None
    if surface in ("'", "’") and nxt is not None and nxt.kind == "word" and nxt.start == toks[end - 1].end:
        return None  # "2019's best films": a possessive, not feet
    if len(surface) == 1 and nxt is not None and nxt.text == "." and end + 1 < len(toks) \
            and toks[end + 1].kind == "word" and len(toks[end + 1].text) == 1 and toks[end + 1].start == nxt.end:
        return None  # "2000 A.D.": an abbreviation, not amperes
    if surface in cat.needs_glue and not glued and power == 1:
        verb_after = nxt is not None and nxt.low in cat.verbs_after_symbol and surface.lower() not in _word_symbols()
        if nxt is not None and nxt.low not in cat.followers_ok and not verb_after and (
                nxt.kind == "word" or nxt.text in ("(", "-", "$")):
            return None
        if nxt is not None and nxt.kind == "num" and surface.lower() in _word_symbols():
            return None  # "3 in 10": a preposition, not inches
    if surface in ("F", "C") and nxt is not None and nxt.kind == "word" and nxt.low not in cat.followers_ok \
            and (not glued or nxt.low not in lexicon().words["noun_stop"]):
        return None  # "13F filing", "PA 23456 F Block": a name, not a temperature; "118F on Monday" is one
    if name == "kelvin" and surface == "K" and not _temperature_nearby(text, toks[j].start):
        return None
    if ident_power is not None:
        power = ident_power if ident_power != -1 else power
        if ident_power == -1:
            name = "inverse " + name
    # power written after the unit: km2, km^2, km², km squared
    if end < len(toks):
        nt = toks[end]
        if nt.text == "^" and end + 1 < len(toks) and toks[end + 1].text in ("2", "3"):
            power = int(toks[end + 1].text)
            end += 2
        elif nt.text in cat.power_suffixes and (nt.start == toks[end - 1].end or nt.low in ("squared", "cubed")) \
                and surface not in _PRIMES:  # 6'2": six feet two, not square feet
            power = cat.power_suffixes[nt.text if nt.text in cat.power_suffixes else nt.low]
            end += 1
    name = _powered(name, power)
    # per-unit: km/h, W/min, J/m^2 per year, dollars per hour
    while end + 1 < len(toks) and (toks[end].text == "/" or toks[end].low == "per"):
        if toks[end].low == "per" and end + 1 < len(toks) and toks[end + 1].low in ("cent", "centum"):
            break
        den = match_unit(toks, end + 1, text, glued=True)
        if den is None:
            break
        name = f"{name} per {den.name}"
        end = den.last
    # an hour: "188 miles an hour"
    if (end + 1 < len(toks) and toks[end].low in ("an", "a") and toks[end + 1].low == "hour"
            and entity_of(name) == "length"):
        name = f"{name} per hour"
        end += 2
    if surface in _context_choices() and power == 1 and name == cat.symbols.get((surface,)):
        name = choice_by_context(surface, text, toks[j].start) or name
    known = _canonical(name)
    if known == "degree angle":
        known = degree_scale_nearby(text, toks[end - 1].end) or known
    return UnitMatch(known, start, end, entity_of(known))


_PRIMES = ("'", "’", "′", '"', "″", "”")


# after a space, only what no word looks like: "45 Js", "10 Wh" ("As" is a word), "3 kVA"
_SPACED_PRODUCT = re.compile(r"(?!As)[A-Z][sh]|[a-zµ][A-Za-z]*[A-Z][A-Za-z]*")


@lru_cache(maxsize=1)
def _word_symbols() -> frozenset[str]:
    return frozenset(load_json("words.en.json")["unit_words_not_before_number"])


def _two_symbols(toks: Sequence[Token], j: int) -> tuple[str, int] | None:
    """Two symbols written together: "Js" is joule second, "cds" candela second."""
    cat = catalogue()
    t = toks[j]
    if t.kind != "word" or not 2 <= len(t.text) <= 4 or t.text.islower() and len(t.text) > 3:
        return None
    if t.text.islower() and len(t.text) == 3 and not (j > 0 and toks[j - 1].kind == "num" and toks[j - 1].end == t.start):
        return None  # "1cds" is candela seconds, but "67,000-has" is a word
    for cut in range(1, len(t.text)):
        a, b = (t.text[:cut],), (t.text[cut:],)
        if a in cat.symbols and b in cat.symbols and len(a[0]) + len(b[0]) == len(t.text):
            if a[0] in cat.needs_glue and b[0] in cat.needs_glue and len(t.text) == 2 and not t.text[0].isupper():
                continue
            return f"{cat.symbols[a]} {cat.symbols[b]}", j + 1
    return None


def degree_scale_nearby(text: str, at: int) -> str | None:
    """A bare degree sign in a sentence that names its scale ("−273.15° on the Celsius scale")."""
    end = text.find(".", at, at + 80)
    window = text[at:end if end > 0 else at + 80].lower()
    if "celsius" in window or "centigrade" in window:
        return "degree Celsius"
    if "fahrenheit" in window:
        return "degree fahrenheit"
    return None


@lru_cache(maxsize=1)
def _context_choices() -> dict[str, tuple[str, re.Pattern[str]]]:
    """Symbol -> (the other reading, a pattern for the cue words that choose it)."""
    extra = load_json("units.en.json")
    cues = extra["context_cues"]
    out = {}
    for symbol, choice in extra["context_choices"].items():
        if symbol.startswith("_"):
            continue
        unit, cue_set = choice
        words = sorted(cues[cue_set], key=len, reverse=True)
        out[symbol] = (unit, re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b", re.IGNORECASE))
    return out


def choice_by_context(symbol: str, text: str, at: int) -> str | None:
    """The reading of an ambiguous symbol that the sentence around it asks for
    ("12 b" in a sentence on nuclear physics is barns), or None."""
    unit, cue = _context_choices()[symbol]
    start = max(text.rfind(". ", max(0, at - 300), at) + 1, at - 300, 0)  # a search bounded as the window is
    end = text.find(". ", at, at + 301)
    end = min(end if end >= 0 else len(text), at + 300)
    return unit if cue.search(text, start, end) else None


def _temperature_nearby(text: str, at: int) -> bool:
    window = text[max(0, at - 120):at].lower()
    return "°" in window or "celsius" in window or "fahrenheit" in window or "kelvin" in window


def _ident_unit(t: Token, j: int) -> tuple[tuple[str, int] | None, int | None]:
    """Units glued to a power: "km2", "s-1", "fb−1" (token j): ((unit name, index after), power)."""
    cat = catalogue()
    m = re.fullmatch(r"([A-Za-zµμ]+)(-1|−1|2|3)", t.text)
    if not m:
        return None, None
    key = (m.group(1).replace("μ", "µ"),)
    name = cat.symbols.get(key) or cat.surfaces.get((m.group(1).lower(),))
    if name is None:
        return None, None
    suffix = m.group(2)
    return (name, j + 1), (-1 if suffix in cat.inverse_suffixes else int(suffix))


def _powered(name: str, power: int) -> str:
    if power == 2 and not name.startswith("square "):
        return "square " + name
    if power == 3 and not name.startswith("cubic "):
        return "cubic " + name
    return name


@lru_cache(maxsize=4096)
def _canonical(name: str) -> str:
    """Prefer the catalogue's own name for a composed unit ("kilometre per hour")."""
    cat = catalogue()
    if name in cat.entities:
        return name
    key = _key(name, True)
    return cat.surfaces.get(key, name)
