"""Numbers written in digits: separators, decimal commas, lists, scientific notation."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Sequence


@dataclass(frozen=True)
class DigitPart:
    value: float
    start: int  # offsets relative to the token text
    end: int
    decimals: int


_MAX_DIGITS = 40


def digit_parts(s: str) -> list[DigitPart]:
    """Values written in one run of digits and separators.

    "1,234.5" is one number; "22,24,26" a list of three; "5,00" and "1,3"
    use a decimal comma; "12,34,567" is Indian grouping; "1.111,11" European.
    """
    if sum(c.isdigit() for c in s) > _MAX_DIGITS:
        return []  # a run of digits this long is data or an identifier, not a figure
    if "," not in s and s.count(".") <= 1:
        dec = len(s) - s.index(".") - 1 if "." in s else 0
        return [DigitPart(float(s), 0, len(s), dec)]
    seps = [c for c in s if c in ",."]
    if len(set(seps)) == 2:
        decimal_sep = seps[-1]
        group_sep = "," if decimal_sep == "." else "."
        head, _, frac = s.rpartition(decimal_sep)
        groups = head.split(group_sep)
        if decimal_sep not in head and _thousands(groups):
            return [DigitPart(float("".join(groups) + "." + frac), 0, len(s), len(frac))]
        return _listed(s)
    sep = seps[0]
    groups = s.split(sep)
    if _thousands(groups) and not (len(groups) == 2 and sep == "." ):
        return [DigitPart(float("".join(groups)), 0, len(s), 0)]
    if len(groups) == 2 and (sep == "." or len(groups[1]) <= 2):
        return [DigitPart(float(groups[0] + "." + groups[1]), 0, len(s), len(groups[1]))]
    if sep == "." and _thousands(groups):
        return [DigitPart(float("".join(groups)), 0, len(s), 0)]
    return _listed(s)


def _thousands(groups: Sequence[str]) -> bool:
    if len(groups) < 2 or not 1 <= len(groups[0]) <= 3:
        return False
    if all(len(g) == 3 for g in groups[1:]):
        return True
    # Indian grouping: 12,34,567
    return len(groups[-1]) == 3 and all(len(g) == 2 for g in groups[1:-1]) and len(groups) > 2


def _listed(s: str) -> list[DigitPart]:
    parts = []
    for m in re.finditer(r"\d{1,40}(?!\d)", s):
        parts.append(DigitPart(float(m.group()), m.start(), m.end(), 0))
    return parts


_SCI = re.compile(r"(\d+(?:\.\d+)?)(?:[eE]([-+]?\d+)|\s?[x×]\s?10(?:\^([-+−]?\d+)|([-−]\d+)))")
_POWER = re.compile(r"(\d+(?:\.\d+)?)[x×](\d+)\^(\d+)")


def sci_value(s: str) -> tuple[float, float] | None:
    """Scientific notation: "1.3e6", "6.23x10^-4", "2.48×10−5", and "8x2^10"."""
    m = _SCI.fullmatch(s)
    if not m:
        p = _POWER.fullmatch(s)
        if p is None or len(p.group(3)) > 3:
            return None
        return float(p.group(1)) * float(p.group(2)) ** int(p.group(3)), 1.0
    exp = next(g for g in m.groups()[1:] if g is not None).replace("−", "-")
    mant = m.group(1)
    dec = len(mant) - mant.index(".") - 1 if "." in mant else 0
    e = int(exp)
    try:
        value = float(mant) * 10.0 ** e
    except OverflowError:
        return None
    return (value, 10.0 ** (e - dec)) if math.isfinite(value) and value != 0 or float(mant) == 0 else None
