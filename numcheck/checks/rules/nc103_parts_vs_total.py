"""NC103 parts-vs-total: parts of a stated whole that cannot add up to it.

Reads `Breakdown` relations: a whole and its parts, found by the relations stage wherever the
whole stands ("Of the 60 new hires, 25 ...", "800 applicants, of which ...", "...; 445 people
in all", "..., leaving a surplus of $104 million").
"""

from __future__ import annotations

from typing import Iterator

from numcheck.checks.arith import exact_figure, judge, rounding_note, slip_shaped
from numcheck.checks.model import Facts, Finding, Related, Rule, RuleDocs, Settings
from numcheck.precision import Interval, Tolerance, fmt, interval
from numcheck.relations import Breakdown

DOCS = RuleDocs(
    what="A whole and its parts that cannot add up to it: parts that add up to more than the whole "
         "(\"The fleet's 30 aircraft include 14 Airbus, 11 Boeing and 8 Embraer jets\": 33), and, where the "
         "text says the parts are all of it (\"in all\", \"a total of\", \"the rest\", \"leaving\"), parts "
         "that add up to less. The whole may stand before its parts (\"of which\", \"including\", \"Of the "
         "60 new hires, 25 ...\") or after them (\"212 farmers, 148 traders and 95 officials; 445 people in "
         "all\"), and a remainder counts as a part (\"revenues of $377 million and expenditures of $273 "
         "million, leaving a surplus of $104 million\").",
    why="A breakdown that does not add up makes every figure in it suspect.",
    fires="The fleet's 30 aircraft include 14 Airbus, 11 Boeing and 8 Embraer jets.",
    quiet="The fleet's 30 aircraft include 14 Airbus, 11 Boeing and 5 Embraer jets.",
    fix="Check each part against the source; if the parts overlap, say so. A total said to be all of "
        "the parts must be their sum.",
)


def _show(x: float, exact: bool) -> str:
    return (f"{x:,.0f}" if x == int(x) else f"{x:,.2f}".rstrip("0").rstrip(".")) if exact else fmt(x)


def check(facts: Facts, settings: Settings) -> Iterator[Finding]:
    tol = Tolerance(settings.hedge)
    for b in facts.relations.breakdowns:
        if len(b.parts) == 1 and not b.complete:
            continue  # one part larger than its whole is NC102's
        yield from _check(b, tol)


def _check(b: Breakdown, tol: Tolerance) -> Iterator[Finding]:
    if not b.tails:
        yield from _check_parts(b, b.parts, tol)
        return
    # a total found after a list: the list may have begun after the first amount found, so the
    # breakdown holds if any tail of it (two parts or more) makes the total; otherwise the longest
    # tail whose sum misses the way a slip does is reported (a round total: the whole list)
    tails = [b.parts[k:] for k in range(len(b.parts) - 1)]
    findings = [list(_check_parts(b, tail, tol)) for tail in tails]
    if any(not found for found in findings):
        return
    exact = all(exact_figure(q) for q in (b.whole, *b.parts))
    for tail, found in zip(tails, findings):
        if not exact or slip_shaped(sum(p.value for p in tail) - b.whole.value, _tolerance(b.whole, tail)):
            yield from found
            return


def _tolerance(whole, parts) -> float:
    """What rounding of accounts given to the cent or the dollar can leave between a sum and its total."""
    return sum((q.step or 1.0) for q in (whole, *parts))


def _check_parts(b: Breakdown, parts, tol: Tolerance) -> Iterator[Finding]:
    whole = b.whole
    low = sum(interval(p, tol).low for p in parts)
    high = sum(interval(p, tol).high for p in parts)
    total = sum(p.value for p in parts)
    w = interval(whole, tol)
    exact = abs(total - whole.value) < 0.01 * max(abs(whole.value), 1e-9)
    listed = " + ".join(_show(p.value, True) for p in parts)
    related = [Related(whole.start, whole.end, "the whole")] + [Related(p.start, p.end, "a part")
                                                              for p in parts[:-1]]
    target = b.remainder or parts[-1]
    if b.remainder is not None and _some_reading_fits(b, tol):
        return  # "$385m ... $293m, making a total expenditure of $341m, leaving $43.7m": 385 - 341
    figures = (whole, *parts)
    if all(exact_figure(q) for q in figures):
        # accounts to the cent: a gap of many digits is an amount the sentence does not give (a
        # balance carried over), a gap of one or two digits a slip
        if not slip_shaped(total - whole.value, _tolerance(whole, parts)):
            return
    if b.complete:
        verdict = judge(w, Interval(low, high), total, tolerance=0.0, floor=0.0)
        if not verdict:
            return
        if verdict.severity == "warning" and not _round_inputs(parts, whole):
            return
        said = "said to be all of it" if not b.remainder else "with the remainder"
        more = "more" if total > whole.value else "less"
        yield RULE.finding(f"the parts add up to {_show(total, True)} ({listed}), {more} than the whole, "
                           f"{_show(whole.value, True)}, {said}{rounding_note(verdict.severity)}",
                           target.start, target.end, related,
                           hint=verdict.hint)
    elif low > w.high:
        yield RULE.finding(f"the parts add up to {_show(total, exact or True)} ({listed}), more than the whole, "
                           f"{_show(whole.value, True)}", target.start, target.end, related)
    elif whole.qualifier in ("at_least", "more_than") and all(p.qualifier == "exact" for p in parts) \
            and total > whole.value:
        # "at least 24 people, including 10 civilians and 24 militants": the parts count 34
        yield RULE.finding(f"the parts add up to {_show(total, True)} ({listed}), more than the "
                           f"{' '.join(whole.text.split())} given for the whole", target.start, target.end, related,
                           hint="warning")


def _some_reading_fits(b: Breakdown, tol: Tolerance) -> bool:
    """With a remainder, the amounts between the whole and it may include subtotals: the breakdown
    holds if the whole less any of them leaves the remainder. With one amount between, either may be
    the larger: "receipts of $372.8 million and expenditures of $442.6 million, leaving a deficit of
    $69.8 million"."""
    between = b.parts[:-1]
    if len(between) == 1:
        a, p, r = interval(b.whole, tol), interval(between[0], tol), interval(b.parts[-1], tol)
        if Interval(a.low + r.low, a.high + r.high).overlaps(p):
            return True
    rest = interval(b.parts[-1], tol)
    w = interval(b.whole, tol)
    for mask in range(1, 2 ** len(between)):
        chosen = [p for k, p in enumerate(between) if mask >> k & 1]
        low = sum(interval(p, tol).low for p in chosen) + rest.low
        high = sum(interval(p, tol).high for p in chosen) + rest.high
        if Interval(low, high).overlaps(w):
            return len(chosen) < len(between)  # the full reading is judged below, as written
    return False


def _round_inputs(parts, whole) -> bool:
    """A warning for a complete breakdown only where the figures are written round (so rounding can
    explain a gap); exact accounts ($93,175,396.56) that do not add up are errors."""
    return any((q.step or 1) > 1 for q in (*parts, whole))


RULE = Rule(
    code="NC103",
    name="parts-vs-total",
    severity="error",
    summary="Parts of a whole add up to more than it, or not to it when said to be all of it.",
    docs=DOCS,
    check=check,
)
