"""Read one number, in digits or words, starting at a token.

`read_number(ctx, i)` returns a `NumberRead` (value, token span, written
precision) or None. It knows the English number grammar: "one hundred and
twenty", "1.5 million", "4 thousand 3 hundred and 21", "two-thirds",
"five and a half million", "twenty-fifth", "2 1/4", "½", "1.3x10^6".
Units, qualifiers and ranges are the caller's business.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Sequence

from numcheck.quantities.digits import digit_parts, sci_value
from numcheck.quantities.lexicon import Lexicon, lexicon
from numcheck.quantities.tokens import Token


@dataclass(frozen=True)
class NumberRead:
    value: float
    first: int  # index of the first token
    last: int  # index after the last token
    step: float | None  # place value of the last written digit, scaled
    shape: str  # cardinal, fraction, ordinal
    words: bool  # written (partly) in words
    decimals: int = 0


# --- words --------------------------------------------------------------------------------

@dataclass(frozen=True)
class Atom:
    kind: str  # D digits, U unit 0-9, T teen, X tens, H hundred, S scale, O ordinal, F half/quarter,
    #            Z dozen, A article, & and, - hyphen, P point, V vulgar fraction, / slash, , comma
    value: float
    index: int  # token index
    plural: bool = False
    level: str = ""  # for ordinals: U, T, X, S
    decimals: int = 0


def atom_at(toks: Sequence[Token], i: int, lex: Lexicon) -> Atom | None:
    t = toks[i]
    if t.kind == "num":
        parts = digit_parts(t.text)
        if len(parts) != 1:
            return None
        return Atom("D", parts[0].value, i, decimals=parts[0].decimals)
    if t.kind == "sym":
        if t.text in lex.vulgar_fractions:
            return Atom("V", lex.vulgar_fractions[t.text], i)
        if t.text in "-‑–":
            return Atom("-", 0, i)
        if t.text == "&":
            return Atom("&", 0, i)
        if t.text in "/⁄":
            return Atom("/", 0, i)
        if t.text == ",":
            return Atom(",", 0, i)
        return None
    if t.kind != "word":
        return None
    w = t.low
    if w in lex.units:
        return Atom("U", lex.units[w], i)
    if w in lex.teens:
        return Atom("T", lex.teens[w], i)
    if w in lex.tens:
        return Atom("X", lex.tens[w], i)
    if w in ("hundred", "hundreds"):
        return Atom("H", 100, i, plural=w.endswith("s"))
    if w in lex.scales:
        return Atom("S", lex.scales[w], i, plural=w in lex.plural_scales)
    if w in lex.fraction_words:
        return Atom("F", lex.fraction_words[w], i, plural=w.endswith("s") or w == "halves")
    if w in lex.dozens:
        return Atom("Z", lex.dozens[w], i, plural=w.endswith("s"))
    if w in ("a", "an"):
        return Atom("A", 1, i)
    if w == "and":
        return Atom("&", 0, i)
    if w in lex.point_words:
        return Atom("P", 0, i)
    ov = lex.ordinal_word(w)
    if ov is not None:
        base = w[:-1] if w.endswith("s") and w[:-1] in _ALL_ORDINALS(lex) else w
        level = ("U" if base in lex.ordinal_units else "T" if base in lex.ordinal_teens
                 else "X" if base in lex.ordinal_tens else "S")
        return Atom("O", ov, i, plural=base != w, level=level)
    return None


_ORD_CACHE: dict[int, frozenset[str]] = {}


def _ALL_ORDINALS(lex: Lexicon) -> frozenset[str]:
    key = id(lex)
    if key not in _ORD_CACHE:
        _ORD_CACHE[key] = frozenset([*lex.ordinal_units, *lex.ordinal_teens, *lex.ordinal_tens, *lex.ordinal_scales])
    return _ORD_CACHE[key]


def _soft_wrap(gap: str) -> bool:
    """A single line break in running text (no blank line, nothing but spaces): a wrap, not a new line
    of a list or a table."""
    return gap.count("\n") == 1 and gap.strip(" \t\r\n") == ""


_UNREAD = object()
# The atoms of the token list read last, by token index: a token's atom does not depend on where
# a number starts, and every figure reads up to `limit` atoms ahead, so without it a line of
# numbers would read each token 24 times. One tuple, swapped whole, so threads never share a
# half-built entry; the strong reference keeps the list's id from being reused.
_MEMO: tuple[object, list] = (None, [])


def _atom_memo(toks: Sequence[Token]) -> list:
    global _MEMO
    key, memo = _MEMO
    if key is not toks:
        memo = [_UNREAD] * len(toks)
        _MEMO = (toks, memo)
    return memo


def atoms_from(toks: Sequence[Token], i: int, text: str, limit: int = 24) -> list[Atom]:
    """Number atoms from token i on, stopping at the first token that is not one.

    Hyphens and "and" are kept only between words on the same line; a comma
    only inside a word number ("three million, two hundred").
    """
    lex = lexicon()
    memo = _atom_memo(toks)
    out: list[Atom] = []
    j = i
    while j < len(toks) and len(out) < limit:
        a = memo[j]
        if a is _UNREAD:
            a = memo[j] = atom_at(toks, j, lex)
        if a is None:
            break
        if j > i and "\n" in text[toks[j - 1].end:toks[j].start] and not (
                a.kind in ("S", "H") and toks[j].text[:1].islower() and _soft_wrap(text[toks[j - 1].end:toks[j].start])):
            break  # a line ends the number, but for a hard-wrapped scale: "$51\nmillion", "three\nhundred"
        if out and out[-1].kind == "D" and (a.kind == "," or (
                a.kind == "&" and not (j + 1 < len(toks) and toks[j + 1].low in ("a", "an")))):
            break  # "1, 2, 3" and "1 and 2" are lists, not one number: a run of them is read once
        if a.kind == "-" and out and (out[-1].kind in ("&", "A") or (j + 1 < len(toks) and toks[j + 1].low in (
                "and", "a", "an"))):
            j += 1  # "three-and-a-half": hyphens that only join the words of "and a half"
            continue
        out.append(a)
        j += 1
    # trailing joiners belong to nothing
    while out and out[-1].kind in ("&", "-", ",", "A", "P", "/"):
        out.pop()
    return out


@dataclass
class _Card:
    value: float
    used: int  # atoms consumed
    step: float
    words: bool
    decimals: int


def read_cardinal(atoms: Sequence[Atom], k: int = 0, *, allow_leading_a: bool = True) -> _Card | None:
    """Longest cardinal number from atoms[k:]: "one hundred and twenty", "4 thousand 3 hundred and 21"."""
    total = 0.0
    current: float | None = None
    last = ""  # kind of the last value-ish atom
    last_scale = math.inf
    step = 1.0
    words = False
    decimals = 0
    j = k
    n = len(atoms)
    consumed = k
    if j < n and atoms[j].kind == "A" and allow_leading_a:
        if j + 1 < n and atoms[j + 1].kind in ("H", "S", "Z") and not atoms[j + 1].plural:
            current = 1.0
            last = "A"
            j += 1
        else:
            return None
    while j < n:
        a = atoms[j]
        kind = a.kind
        if kind in ("U", "T", "X", "D"):
            if kind == "D" and a.decimals > 0 and current is None and total == 0:
                current = a.value
                decimals = a.decimals
                step = 10.0 ** -a.decimals
                last = "Dd"
                j += 1
                consumed = j
                continue
            if current is None or last in ("H", "S", "&S"):
                if last in ("H", "S", "&S") and current is not None and kind != "D" and a.value >= _place(last, atoms, j):
                    break
                if last in ("H", "S", "&S") and kind == "D" and a.value >= 100 and last == "H":
                    break
                current = (current or 0.0) + a.value
                last = kind
                words = words or kind != "D"
                if kind == "D" and a.decimals > 0:
                    break
                j += 1
                consumed = j
                continue
            if last == "X" and kind == "U" and a.value > 0:
                current += a.value
                last = "U"
                j += 1
                consumed = j
                continue
            break
        if kind == "-":
            # "twenty-six", "fifty - two": a hyphen joins tens and units only
            if last == "X" and j + 1 < n and atoms[j + 1].kind == "U" and atoms[j + 1].value > 0:
                j += 1
                continue
            break
        if kind == "H":
            if a.plural and current is None:
                break
            if current is None:
                current = 1.0
            elif current >= 100 and last != "D":
                break
            current *= 100
            step = 100.0 if last not in ("Dd",) else step * 100
            last = "H"
            words = True
            j += 1
            consumed = j
            continue
        if kind == "S":
            if current is None:
                break
            if a.value < last_scale:
                total += current * a.value
                current = 0.0
                last_scale = a.value
            elif current == 0 and total > 0:
                total *= a.value  # "three lakh crore"
                last_scale = a.value
            else:
                break
            step = a.value if last != "Dd" else 10.0 ** -decimals * a.value
            last = "S"
            words = True
            j += 1
            consumed = j
            continue
        if kind == "Z":
            if current is None:
                break
            current *= a.value
            last = "Z"
            words = True
            j += 1
            consumed = j
            break
        if kind in ("&", ","):
            # continue only into a smaller group: "one hundred and six", "two thousand and two hundred"
            if last not in ("H", "S") or j + 1 >= n:
                break
            nxt = atoms[j + 1]
            if kind == "," and (nxt.kind not in ("U", "T", "X") or last != "S"):
                break
            if nxt.kind not in ("U", "T", "X", "D") or nxt.value == 0:
                break
            if nxt.kind == "D" and last == "H" and nxt.value >= 100:
                break
            # "3 hundred and 2 hundred" are two numbers
            after = atoms[j + 2] if j + 2 < n else None
            if after is not None and after.kind == "H" and (last == "H" or (current or 0) >= 100):
                break
            if after is not None and after.kind == "S" and after.value >= last_scale:
                break
            last = "&S" if last == "S" else "H"
            j += 1
            continue
        break
    if current is None:
        return None
    if consumed == k:
        return None
    return _Card(total + current, consumed - k, step, words, decimals)


def _place(last: str, atoms: Sequence[Atom], j: int) -> float:
    return 100.0 if last == "H" else 1000.0


def _is_ordinal_compound(atoms: Sequence[Atom]) -> float | None:
    """Value of atoms that end in a singular-or-plural ordinal and read as one ordinal number
    ("one hundred twenty fifth" -> 125), else None."""
    if not atoms or atoms[-1].kind != "O":
        return None
    o = atoms[-1]
    head = list(atoms[:-1])
    while head and head[-1].kind in ("-", "&"):
        head.pop()
    if not head:
        return o.value
    card = read_cardinal(head)
    if card is None or card.used != len(head):
        return None
    v = card.value
    last = head[-1]
    if o.level == "S":
        return v * o.value
    if o.level in ("U",) and last.kind in ("X", "H", "S"):
        return v + o.value
    if o.level in ("T", "X") and last.kind in ("H", "S"):
        return v + o.value
    return None


def read_words_fraction(atoms: Sequence[Atom], k: int) -> tuple[float, int, str] | None:
    """A fraction or ordinal written in words at atoms[k:].

    Returns (value, atoms used, shape) with shape "fraction" or "ordinal".
    """
    n = len(atoms)
    # find the first ordinal / fraction word within reach
    j = k
    while j < n and atoms[j].kind in ("U", "T", "X", "H", "S", "-", "&", "A", "D"):
        j += 1
    if j >= n or atoms[j].kind not in ("O", "F"):
        return None
    end = j + 1
    seq = list(atoms[k:end])
    den = atoms[j]
    if any(a.kind == "D" for a in seq) and not (den.plural and den.kind == "O" and all(
            a.kind == "D" and a.value == int(a.value) for a in seq[:-1]) and len(seq) == 2):
        return None  # "1988 quarter", "$280 million first"; but "100 millionths"
    if den.kind == "F":
        num_atoms = seq[:-1]
        while num_atoms and num_atoms[-1].kind == "-":
            num_atoms.pop()
        if not num_atoms:
            if den.plural:
                return None
            return (1.0 / den.value, 1, "fraction")
        if len(num_atoms) == 1 and num_atoms[0].kind == "A":
            return (1.0 / den.value, end - k, "fraction")
        card = read_cardinal(num_atoms)
        if card is None or card.used != len(num_atoms):
            return None
        return (card.value / den.value, end - k, "fraction")
    # an ordinal word: a whole ordinal ("one hundred twenty fifth") or numerator + denominator
    whole = _is_ordinal_compound(seq)
    starts_with_a = seq[0].kind == "A"
    if whole is not None and not den.plural and not starts_with_a:
        return (whole, end - k, "ordinal")
    # split: the longest ordinal tail that leaves a whole cardinal numerator
    for cut in range(1 if not starts_with_a else 1, len(seq) - 1 + 1):
        num_atoms = seq[:cut]
        den_atoms = seq[cut:]
        if den_atoms[0].kind == "-" and num_atoms and num_atoms[-1].kind in ("U", "T", "A") and len(den_atoms) > 1:
            den_atoms = den_atoms[1:]  # "one-eighth", "one - fourth"
        if not num_atoms or den_atoms[0].kind in ("-", "&") or num_atoms[-1].kind == "-":
            continue  # never split "fifty-four" or "ninety - five"
        if len(num_atoms) >= 2 and num_atoms[-2].kind == "-":
            continue
        if den_atoms[0].kind in ("H",) or (den_atoms[0].kind == "S" and len(den_atoms) > 1):
            continue
        dv = _is_ordinal_compound(den_atoms)
        if dv is None or dv == 0:
            continue
        if len(num_atoms) == 1 and num_atoms[0].kind == "A":
            nv = 1.0
        else:
            card = read_cardinal(num_atoms, allow_leading_a=True)
            if card is None or card.used != len(num_atoms):
                continue
            nv = card.value
        if dv in (1, 2) and not den.plural and len(den_atoms) == 1:
            return None  # "a second", "one first": not fractions
        return (nv / dv, end - k, "fraction")
    if den.plural and len(seq) > 1:
        num_atoms = seq[:-1]
        while num_atoms and num_atoms[-1].kind == "-":
            num_atoms = num_atoms[:-1]
        card = read_cardinal(num_atoms) if num_atoms else None
        if card is not None and card.used == len(num_atoms):
            return (card.value / den.value, end - k, "fraction")
    if whole is not None and not starts_with_a:
        return (whole, end - k, "ordinal")
    return None


# --- the reader ---------------------------------------------------------------------------

_DIGIT_ORDINAL = {"st", "nd", "rd", "th"}


def _glued(text: str, left: Token, right: Token) -> bool:
    return left.end == right.start


def read_number(toks: Sequence[Token], i: int, text: str) -> NumberRead | None:
    """The number that starts at token i (a sign, digits or a number word), or None.

    Never infinite; NaN only for a division by zero written out ("1/0"), which the
    caller skips whole."""
    r = _read_number(toks, i, text)
    if r is not None and math.isinf(r.value):
        return None
    return r


def _read_number(toks: Sequence[Token], i: int, text: str) -> NumberRead | None:
    lex = lexicon()
    t = toks[i]
    sign = 1.0
    first = i
    if t.kind == "word" and t.low in lex.negative_words and i + 1 < len(toks):
        inner = read_number(toks, i + 1, text)
        if inner is None or toks[i + 1].kind == "sym":
            return None
        return NumberRead(-inner.value, i, inner.last, inner.step, inner.shape, inner.words, inner.decimals)
    if t.kind == "sym" and t.text in "-−+" and i + 1 < len(toks):
        nxt = toks[i + 1]
        spaced = text[t.end:nxt.start]
        if spaced not in ("", " ") or nxt.kind not in ("num", "sci", "word"):
            return None
        if nxt.kind == "word" and spaced == "":
            return None
        if spaced == " " and i > 0 and text[toks[i - 1].end:t.start].isspace() and toks[i - 1].text not in "([=":
            # "A quarter of the staff - 400 people - will go", "Indian Territory (41) - 1,406": a dash;
            # "( - 5%)" keeps its sign
            return None
        inner = read_number(toks, i + 1, text)
        if inner is None or inner.shape == "ordinal":
            return None
        if spaced == " " and i == 0 and inner.last < len(toks) and toks[inner.last].kind == "word":
            return None  # "- 5 people died": a list bullet, where a lone "- 1 4/5" is minus
        sign = -1.0 if t.text in "-−" else 1.0
        return NumberRead(sign * inner.value, i, inner.last, inner.step, inner.shape, inner.words, inner.decimals)
    if t.kind == "sci":
        sv = sci_value(t.text)
        if sv is None:
            return None
        return NumberRead(sv[0], i, i + 1, sv[1], "cardinal", False)
    if t.kind == "sym" and t.text in lex.vulgar_fractions:
        return NumberRead(lex.vulgar_fractions[t.text], i, i + 1, None, "fraction", False)
    atoms = atoms_from(toks, i, text)
    if not atoms:
        return None
    a0 = atoms[0]
    if a0.kind in ("&", "-", ",", "/", "P"):
        return None
    if a0.kind == "D":
        special = _read_digit_forms(toks, atoms, text, lex)
        if special is not None:
            return special
    card = read_cardinal(atoms)
    frac = read_words_fraction(atoms, 0)
    if frac is not None and (card is None or frac[1] > card.used):
        value, used, shape = frac
        mixed = _mixed_words(atoms[:used]) if shape == "fraction" else None
        p = used
        if shape == "fraction" and mixed is not None:
            whole, part, scale = mixed
            part, p = _scale_after_fraction(atoms, p, part, toks, text)
            value = whole + (part * scale if p == used else part)
        elif shape == "fraction":
            value, p = _scale_after_fraction(atoms, p, value, toks, text)
        words = any(a.kind not in ("D",) for a in atoms[:p])
        return NumberRead(value, first, atoms[p - 1].index + 1, None, shape, words)
    if card is None:
        if a0.kind == "F" and not a0.plural and a0.value == 2:  # "half" on its own ("quarter" is a period)
            value, p = _scale_after_fraction(atoms, 1, 1.0 / a0.value, toks, text)
            return NumberRead(value, first, atoms[p - 1].index + 1, None, "fraction", True)
        return None
    value = card.value
    step = card.step
    p = card.used
    shape = "cardinal"
    decimals = card.decimals
    # "one and a half", "five and a half million", "3 million and a quarter"
    if p + 1 < len(atoms) and atoms[p].kind == "&":
        tail = read_words_fraction(atoms, p + 1)
        if tail is not None and tail[2] == "fraction":
            last_atom = atoms[p - 1]
            scale = last_atom.value if last_atom.kind == "S" and last_atom.value >= 1e6 else 1.0
            value += tail[0] * scale
            p = p + 1 + tail[1]
            shape = "fraction" if value < 1 else "cardinal"
            step = None
            if p < len(atoms) and atoms[p].kind == "S" and scale == 1.0:
                value *= atoms[p].value
                p += 1
            if p < len(atoms) and atoms[p].kind == "S" and scale > 1:
                value = value - tail[0] * scale + tail[0] * atoms[p].value
                p += 1
    # "two hundred point zero three"
    if p + 1 < len(atoms) and atoms[p].kind == "P" and card.words:
        q = p + 1
        digits = ""
        while q < len(atoms) and atoms[q].kind == "U":
            digits += str(int(atoms[q].value))
            q += 1
        if not digits:
            sub = read_cardinal(atoms, q)
            if sub is not None and sub.value < 100:
                digits = str(int(sub.value))
                q += sub.used
        if digits:
            value += float("0." + digits)
            step = 10.0 ** -len(digits)
            decimals = len(digits)
            p = q
    last = atoms[p - 1].index + 1
    # scale suffixes after digits: "300k", "$2bn", "2.5 tn"
    if atoms[0].kind == "D" and all(a.kind == "D" for a in atoms[:p]):
        sfx = _scale_suffix(toks, last, text)
        if sfx is not None:
            value *= sfx
            step = (step or 1.0) * sfx
            last += 1
    # digit ordinals: "11th", "21st"
    if (shape == "cardinal" and p == 1 and atoms[0].kind == "D" and last < len(toks)
            and toks[last].low in _DIGIT_ORDINAL and _glued(text, toks[last - 1], toks[last])
            and value == int(value)):
        return NumberRead(value, first, last + 1, 1.0, "ordinal", False)
    return NumberRead(value, first, last, step, shape, card.words or any(a.kind != "D" for a in atoms[:p]), decimals)


def _mixed_words(atoms: Sequence[Atom]) -> tuple[float, float, float] | None:
    """"twenty and three fifths" = 20 + 3/5: a whole number, "and", then a fraction.

    Returns (whole, fraction, scale): after a scale of a million or more the
    fraction is of that scale ("two million and three fifths" = 2.6 million).
    """
    for k in range(len(atoms) - 1, 0, -1):
        if atoms[k].kind == "&":
            whole = read_cardinal(atoms[:k])
            if whole is None or whole.used != k:
                return None
            tail = read_words_fraction(atoms, k + 1)
            if tail is None or k + 1 + tail[1] != len(atoms) or tail[2] != "fraction":
                return None
            before = atoms[k - 1]
            scale = before.value if before.kind == "S" and before.value >= 1e6 else 1.0
            return whole.value, tail[0], scale
    return None


def _scale_after_fraction(atoms: Sequence[Atom], p: int, value: float, toks: Sequence[Token],
                          text: str) -> tuple[float, int]:
    """"three quarters billion", "half a dozen", "half million"."""
    if p < len(atoms) and atoms[p].kind in ("S", "H") and not atoms[p].plural:
        return value * atoms[p].value, p + 1
    if p + 1 < len(atoms) and atoms[p].kind == "A" and atoms[p + 1].kind in ("Z", "S", "H"):
        return value * atoms[p + 1].value, p + 2
    return value, p


def _scale_suffix(toks: Sequence[Token], j: int, text: str) -> float | None:
    if j >= len(toks):
        return None
    t = toks[j]
    if t.kind != "word":
        return None
    lex = lexicon()
    entry = lex.scale_suffixes.get(t.text)
    if entry is None:
        return None
    gap_text = text[toks[j - 1].end:t.start]
    if gap_text not in ("", " ", "  "):
        return None
    # a suffix word is not followed by more letters of a unit word: "2 mil" yes, "2 miles" is another token
    value, needs = entry
    if needs:
        ctx = needs
        prev = text[max(0, toks[j - 1].start - 5):toks[j - 1].start]
        money = any(c in prev for c in "$€£¥₹") or bool(re.search(r"(USD|EUR|GBP|US\$)\s*$", prev))
        decimal = "." in toks[j - 1].text
        if ctx == "money" and not money:
            return None
        if ctx == "money_or_decimal" and not (money or decimal):
            return None
        if ctx == "not_temperature":
            window = text[max(0, t.start - 120):t.start].lower()
            if "°" in window or "celsius" in window or "fahrenheit" in window:
                return None  # "573.15K" beside other temperatures is kelvin
    return value


def _read_digit_forms(toks: Sequence[Token], atoms: Sequence[Atom], text: str, lex: Lexicon) -> NumberRead | None:
    """Fractions and powers written in digits: "3/4", "2 1/4", "2½", "1.1^23"."""
    a0 = atoms[0]
    i = a0.index
    n = len(atoms)
    # 2 1/4 (mixed) and 3/4
    if n >= 4 and atoms[1].kind == "D" and atoms[2].kind == "/" and atoms[3].kind == "D" and a0.value == int(a0.value):
        num, den = atoms[1].value, atoms[3].value
        if den and num < den and num == int(num) and den == int(den) and "\n" not in text[toks[i].end:toks[atoms[3].index].start]:
            value, end = a0.value + num / den, atoms[3].index + 1
            if n >= 5 and atoms[4].kind == "S" and not atoms[4].plural:
                # "3 3/4 million": the scale after a mixed number is the whole number's
                return NumberRead(value * atoms[4].value, i, atoms[4].index + 1, atoms[4].value / den, "cardinal", False)
            return NumberRead(value, i, end, None, "fraction", False)
    if n >= 3 and atoms[1].kind == "/" and atoms[2].kind == "D":
        num, den = a0.value, atoms[2].value
        gap1 = text[toks[i].end:toks[atoms[1].index].start]
        gap2 = text[toks[atoms[1].index].end:toks[atoms[2].index].start]
        if gap1 == gap2 and gap1 in ("", " ") and num == int(num) and den == int(den):
            if den == 0:
                return NumberRead(float("nan"), i, atoms[2].index + 1, None, "fraction", False)
            return NumberRead(num / den, i, atoms[2].index + 1, None, "fraction", False)
    if n >= 2 and atoms[1].kind == "V" and a0.value == int(a0.value):
        if text[toks[i].end:toks[atoms[1].index].start] in ("", " "):
            return NumberRead(a0.value + atoms[1].value, i, atoms[1].index + 1, None, "fraction", False)
    # powers: 1.1^23, 2.5^-1
    j = i + 1
    if j < len(toks) and toks[j].text == "^" and toks[j].start == toks[i].end:
        k = j + 1
        neg = 1
        while k < len(toks) and toks[k].text in "-+−" and toks[k].start == toks[k - 1].end:
            neg = -neg if toks[k].text in "-−" else neg
            k += 1
        if k < len(toks) and toks[k].kind == "num" and toks[k].start == toks[k - 1].end:
            exp = float(toks[k].text) if toks[k].text.replace(".", "", 1).isdigit() else None
            if exp is not None:
                try:
                    return NumberRead(a0.value ** (neg * exp), i, k + 1, None, "cardinal", False)
                except (OverflowError, ZeroDivisionError):
                    return None
    return None
