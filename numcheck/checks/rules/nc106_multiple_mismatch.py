"""NC106 multiple-mismatch: doubled, tripled, halved against the values."""

from __future__ import annotations

from typing import Iterator

from numcheck.checks.model import Finding, Related, Rule, RuleDocs, Settings
from numcheck.checks.precision import Interval, divide, fmt, pair_intervals
from numcheck.claims import Draft

DOCS = RuleDocs(
    what="A multiple (doubled, tripled, halved, \"fell by half\", \"twice as many\") stated for a "
         "change whose from/to values give another ratio: \"Membership tripled, from 400 to 900\".",
    why="\"Doubled\" and \"tripled\" are read as arithmetic; 400 to 900 is 2.25 times, and a reader "
        "who remembers \"tripled\" will quote a wrong figure.",
    fires="Membership tripled, from 400 to 900.",
    quiet="Membership more than doubled, from 400 to 900.",
    fix="Use the multiple the values give, or give the change as a percentage. A multiple is read "
        "with the hedge tolerance (10% by default): \"doubled\" from 100 to 195 is fine.",
)


def check(draft: Draft, settings: Settings) -> Iterator[Finding]:
    for ch in draft.changes:
        before, after = pair_intervals(ch.before, ch.after)
        if before.low <= 0:
            continue
        ratio = divide(after, before)
        for s in ch.stated:
            if s.kind != "multiple":
                continue
            m = s.value
            lead = draft.prose[max(0, s.start - 14):s.start].lower()
            if ("more than" in lead or "over" in lead.split()[-1:]) and m < 1:
                admitted = Interval(0.0, m * (1 + settings.hedge))  # "more than halved": below half
            elif "more than" in lead or "over" in lead.split()[-1:]:
                admitted = Interval(m * (1 - settings.hedge), float("inf"))
            elif "nearly" in lead or "almost" in lead:
                admitted = Interval(m * (1 - 2 * settings.hedge), m * (1 + settings.hedge))
            else:
                admitted = Interval(m * (1 - settings.hedge), m * (1 + settings.hedge))
            if admitted.overlaps(ratio):
                continue
            exact = ch.after.value / ch.before.value
            msg = (f"from {fmt(ch.before.value)} to {fmt(ch.after.value)} is {exact:.2g} times, "
                   f"not {s.text.strip().lower()} ({m:g} times)")
            yield RULE.finding(msg, s.start, s.end, [Related(ch.before.start, ch.before.end, "from"),
                                                     Related(ch.after.start, ch.after.end, "to")])


RULE = Rule(
    code="NC106",
    name="multiple-mismatch",
    severity="error",
    summary="Doubled, tripled or halved does not match the values.",
    docs=DOCS,
    check=check,
)
