"""NC105 change-arithmetic: a stated change against its from/to values."""

from __future__ import annotations

from typing import Iterator

from numcheck.checks.model import Finding, Related, Rule, RuleDocs, Settings
from numcheck.checks.precision import Interval, Tolerance, divide, fmt, interval, pair_intervals, percent_fix
from numcheck.claims import Change, Draft

DOCS = RuleDocs(
    what="A percentage or fraction given for a change that does not match the values the change "
         "runs between: \"Sales climbed from 80 to 100 units, a 20% rise\" (it is 25%).",
    why="The size of a change is what readers take away, and it is often computed the wrong way "
        "round (against the new value) or against another pair of figures.",
    fires="Sales climbed from 80 to 100 units, a 20% rise.",
    quiet="Sales climbed from 80 to 100 units, a 25% rise.",
    fix="Recompute the change from the two values: (new - old) / old. A change between two "
        "percentages is measured in percentage points (see NC107).",
    fires_fix="25%",
)


def check(draft: Draft, settings: Settings) -> Iterator[Finding]:
    tol = Tolerance(settings.hedge)
    for ch in draft.changes:
        before, after = _ends(ch)
        if before.low <= 0:
            continue
        actual = divide(after, before)  # new / old
        for s in ch.stated:
            if s.kind == "percent":
                if ch.before.kind == "percent" and ch.after.kind == "percent":
                    continue  # a change between percentages: NC107 reads it
                stated = interval(s, tol)
                sign = _sign(draft, ch, s)
                if sign == 0:
                    continue
                change = Interval((actual.low - 1) * 100 * sign, (actual.high - 1) * 100 * sign)
                change = Interval(min(change.low, change.high), max(change.low, change.high))
                if stated.overlaps(change):
                    continue
                exact = (ch.after.value / ch.before.value - 1) * 100 * sign
                word = "rise" if ch.after.value > ch.before.value else "fall"
                if exact < 0:
                    msg = (f"from {fmt(ch.before.value)} to {fmt(ch.after.value)} is a {word} of "
                           f"{abs(exact):.1f}%, not a {'rise' if sign > 0 else 'fall'} of {s.value:g}%")
                    fix = None
                else:
                    msg = (f"from {fmt(ch.before.value)} to {fmt(ch.after.value)} is a {word} of "
                           f"{exact:.1f}%, not {s.value:g}%")
                    fix = _fix(s, exact)
                yield RULE.finding(msg, s.start, s.end, _related(ch), fix)
            elif s.kind == "fraction" and s.value < 1:
                sign = _sign(draft, ch, s)
                if sign >= 0 or not draft.prose[max(0, s.start - 12):s.start].lower().rstrip().endswith(("by", "of")):
                    continue  # "fell by a third", "a fall of one third"
                fall = Interval(1 - actual.high, 1 - actual.low)
                if interval(s, tol).overlaps(fall):
                    continue
                exact = 1 - ch.after.value / ch.before.value
                msg = (f"from {fmt(ch.before.value)} to {fmt(ch.after.value)} is a fall of {exact:.0%}, "
                       f"not {s.text.strip()} ({s.value:.0%})")
                yield RULE.finding(msg, s.start, s.end, _related(ch))


def _ends(ch: Change) -> tuple[Interval, Interval]:
    return pair_intervals(ch.before, ch.after)


def _sign(draft: Draft, ch: Change, s) -> int:
    """+1 when the figure is stated as a rise, -1 as a fall, 0 when the text does not say."""
    near = draft.prose[max(0, s.start - 20):s.end + 20].lower()
    rise = any(w in near for w in ("rise", "rose", "increase", "up ", "jump", "gain", "grew", "growth", "higher",
                                   "more", "climb", "surge", "soar"))
    fall = any(w in near for w in ("fall", "fell", "drop", "decline", "decrease", "down ", "cut", "reduction",
                                   "lower", "less", "loss", "sank", "slid", "plunge", "tumble"))
    if rise != fall:
        return 1 if rise else -1
    return ch.direction


def _related(ch: Change) -> list[Related]:
    return [Related(ch.before.start, ch.before.end, "from"), Related(ch.after.start, ch.after.end, "to")]


def _fix(s, exact: float) -> str | None:
    return percent_fix(s, exact)


RULE = Rule(
    code="NC105",
    name="change-arithmetic",
    severity="error",
    summary="A stated change does not match its from/to values.",
    docs=DOCS,
    check=check,
)
