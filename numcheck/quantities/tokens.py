"""Split a paragraph into tokens that keep their offsets into the original text.

Things that look numeric but are not figures (URLs, e-mail addresses, phone
numbers, clock times, glued identifiers such as "MH17" or "F-16") become
single tokens of their own kind, so the number reader never sees their digits.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from numcheck.quantities.lexicon import lexicon


@dataclass(slots=True)
class Token:
    kind: str  # num, word, sym, date, ident, skip, time
    text: str
    start: int
    end: int
    low: str  # lower-case text

    @property
    def is_word(self) -> bool:
        return self.kind == "word"


_TOKEN = re.compile(
    r"""
    (?P<url>https?://\S+|www\.[\w.-]+\S*)
  | (?P<plain>[^\W\d_²³¹⁰⁻½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞⅐⅑⅒]+(?![\w@'’²³¹⁰⁻]|[-‑.+]\w))
  | (?P<skip>[\w.+-]+@[\w-]+\.[\w.-]+)
  | (?P<phone>(?<![\w.])\+\d{1,3}(?:[ .-]\(?\d{1,4}\)?){2,5}(?![\w])|(?<![\w.])(?:\+\d{1,3}[\s-]?)?(?:\(\d{2,4}\)\s?|\d{3}[-.])\d{3,4}[-.]\d{4}(?:/\d+)?(?![\w]))
  | (?P<time>(?<![\w.])(?:[01]?\d|2[0-3])(?::[0-5]\d){1,2}(?:\s?(?:[ap]\.m\.|[AaPp][Mm])(?![A-Za-z]))?
        |(?<![\w.])(?:1[0-2]|0?\d)(?:[.:][0-5]\d)?\s?(?:[ap]\.m\.|[AaPp][Mm])(?![A-Za-z]))
  | (?P<date>(?<![\w./-])(?:\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})|\d{4}-\d{1,2}-\d{1,2}|\d{1,2}\.\d{1,2}\.\d{4})(?![\w/.-]\d))
  | (?P<yearspan>(?<![\w.-])(?:1[5-9]|20)\d{2}[-–/]\d{2}(?![\w-]|\.\d))
  | (?P<sci>(?<![\w.])\d+(?:\.\d+)?(?:[eE][-+]?\d+|\s?[x×]\s?10(?:\^[-+−]?\d+|[-−]\d+)|[x×]\d+\^\d+)(?![\w.]))
  | (?P<ident>(?<![\w.])(?:[A-Za-z]+\d\w*(?:[-‑.+]\w+)*|[A-Za-z]{1,}[-‑]\d+(?:[-‑.]?\w+)*|\d+[A-Za-z]+\d\w*|\d+(?:[-‑]\d+){2,}|\d[-‑][A-Z](?![a-z]))(?![\w]))
  | (?P<vulgar>[½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞⅐⅑⅒])
  | (?P<spaced>(?<![\d.,])\d{1,3}(?:[ \u202f\u2009\u00a0]\d{3})+(?:\.\d+)?(?![\d,]|\.\d|[ \u202f\u2009\u00a0]\d))
  | (?P<ptb>(?<![\d.,])(?:\d+[ ]\.[ ]\d+|\d{1,3}(?:[ ],[ ]\d{3})+)(?![\d.,]|[ ][.,][ ]\d))
  | (?P<num>\d+(?:[.,]\d+)*|(?<![\w.,])\.\d+)
  | (?P<word>[^\W\d_²³¹⁰⁻]+(?:['’][^\W\d_²³¹⁰⁻]+)*)
  | (?P<sym>\S)
    """,
    re.VERBOSE,
)

_CAMEL = re.compile(r"([a-z]+)([A-Z][a-z]+\w*)")


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    lex = lexicon()
    codes = _currency_code_prefixes()
    toks: list[Token] = []
    append = toks.append
    for m in _TOKEN.finditer(text, start, len(text) if end is None else end):
        kind = m.lastgroup or "sym"
        s = m.group()
        a = m.start()
        if kind == "plain":  # the common case: a word followed by a space or punctuation
            kind = "word"
        if kind == "word":
            cm = _CAMEL.fullmatch(s)
            # "fourRussian": a number word glued to the next word by bad copy.
            if cm and (cm.group(1) in lex.units or cm.group(1) in lex.teens or cm.group(1) in lex.tens):
                cut = a + len(cm.group(1))
                append(Token("word", cm.group(1), a, cut, cm.group(1)))
                append(Token("word", cm.group(2), cut, m.end(), cm.group(2).lower()))
                continue
        elif kind == "ident":
            split = _split_code_ident(s, a, codes) or _split_area_ident(s, a, lex.words["length_symbols"])
            if split:
                toks.extend(split)
                continue
            prefix = re.match(r"([A-Za-z]+)[-‑](\d{4})$", s)
            if prefix and prefix.group(1).lower() in lex.words["year_prefixes"]:
                cut = a + len(prefix.group(1))
                append(Token("word", prefix.group(1), a, cut, prefix.group(1).lower()))
                append(Token("sym", "-", cut, cut + 1, "-"))
                append(Token("num", prefix.group(2), cut + 1, m.end(), prefix.group(2)))
                continue
        elif kind in ("phone", "url"):
            kind = "skip"
        elif kind == "vulgar":
            kind = "sym"
        elif kind in ("spaced", "ptb"):
            # "1 234 567" (grouped with spaces), "6 . 2" and "80 , 000" (tokenized text): one number
            kind = "num"
            s = re.sub(r"[ \u202f\u2009\u00a0]", "", s)
        append(Token(kind, s, a, m.end(), s.lower()))
    return toks


def _split_code_ident(s: str, a: int, codes: frozenset[str]) -> list[Token] | None:
    """"USD115" or "MUSD30": a currency code glued to digits is money, not an identifier."""
    m = re.fullmatch(r"([A-Za-z]{3,4})(\d+(?:[.,]\d+)*)", s)
    if not m or m.group(1).upper() not in codes:
        return None
    cut = a + len(m.group(1))
    return [Token("word", m.group(1), a, cut, m.group(1).lower()),
            Token("num", m.group(2), cut, a + len(s), m.group(2))]


def _split_area_ident(s: str, a: int, symbols: frozenset[str]) -> list[Token] | None:
    """"120m2", "5km2", "3m3": a number glued to a length symbol and a power is an area or
    volume, not an identifier."""
    m = re.fullmatch(r"(\d+(?:[.,]\d+)*)([A-Za-z]{1,2}[23])", s)
    if not m or m.group(2)[:-1] not in symbols:
        return None
    cut = a + len(m.group(1))
    return [Token("num", m.group(1), a, cut, m.group(1)),
            Token("ident", m.group(2), cut, a + len(s), m.group(2).lower())]


_CODES: frozenset[str] | None = None


def _currency_code_prefixes() -> frozenset[str]:
    global _CODES
    if _CODES is None:
        from numcheck.quantities.lexicon import load_json

        codes = set()
        for cur in load_json("currencies.en.json")["currencies"]:
            for code in cur["codes"]:
                codes.add(code.upper())
                codes.add("M" + code.upper())
        _CODES = frozenset(codes)
    return _CODES


def gap(text: str, left: Token, right: Token) -> str:
    """The characters between two tokens (usually spaces)."""
    return text[left.end:right.start]
