"""NC103 parts-vs-total: named parts of a stated whole that add up to more than it."""

from __future__ import annotations

import re
from typing import Iterator

from numcheck.checks.model import Finding, Related, Rule, RuleDocs, Settings
from numcheck.checks.precision import Tolerance, comparable, fmt, interval
from numcheck.claims import Draft

DOCS = RuleDocs(
    what="A whole followed by its parts (\"include\", \"including\", \"of which\", \"made up of\", a colon) "
         "whose parts add up to more than the whole: \"The fleet's 30 aircraft include 14 Airbus, 11 Boeing "
         "and 8 Embraer jets\" (33). Parts that add up to less only fire when the text says they are all "
         "of it (\"the rest\", \"the remaining\", \"leaving\").",
    why="A breakdown that does not add up makes every figure in it suspect.",
    fires="The fleet's 30 aircraft include 14 Airbus, 11 Boeing and 8 Embraer jets.",
    quiet="The fleet's 30 aircraft include 14 Airbus, 11 Boeing and 5 Embraer jets.",
    fix="Check each part against the source; if the parts overlap, say so.",
)

_INCLUDE = re.compile(r"\b(?:include|includes|included|including|comprise|comprises|comprising|consist of|"
                      r"consists of|made up of|of which|of whom|among them|broken down into|split into)\b|:", re.I)
_OVERLAP = re.compile(r"\b(?:some of whom|some of which|both|several|more than one|overlap\w*|also|as well)\b", re.I)
_ALL_OF_IT = re.compile(r"\b(?:the rest|the remaining|the remainder|leaving|the other)\b", re.I)
_LIST_GAP = re.compile(r"^[\s\w'’-]{0,30}?(?:,|;|\band\b)\s*(?:and\s+)?(?:the\s+(?:rest|remaining|remainder|other)\s+)?$",
                       re.I)
_MAX_PARTS = 64  # no breakdown in prose lists more parts; bounds the work on a line of numbers


def check(draft: Draft, settings: Settings) -> Iterator[Finding]:
    tol = Tolerance(settings.hedge)
    for qs in draft.by_sentence.values():
        for i, whole in enumerate(qs):
            if whole.kind not in ("count", "number", "money", "measure") or whole.high is not None:
                continue
            if i + 2 >= len(qs):
                continue
            gap = draft.between(whole, qs[i + 1])
            if len(gap) > 40 or not _INCLUDE.search(gap):
                continue
            parts = [qs[i + 1]]
            for q in qs[i + 2:i + 2 + _MAX_PARTS]:
                gap = draft.between(parts[-1], q) or "#"
                if re.search(r",\s*and\b", gap) or q.noun in ("other", "more"):
                    break  # "Seven killed, including two officers, and 36 others injured": a new clause
                if _LIST_GAP.match(gap):
                    parts.append(q)
                else:
                    break
            if len(parts) < 2 or any(not comparable(p, whole) or p.high is not None for p in parts):
                continue
            if any(p.qualifier not in ("exact", "approx") for p in parts):
                continue
            if any(re.search(r"\b(?:being|of whom|of which|including|includes)\b", draft.between(x, y) or "")
                   for x, y in zip(parts, parts[1:])):
                continue  # "210,363 army pensioners, 105,478 being invalids": a breakdown within a part
            s0, s1 = draft.sentence_span(draft.sentence_of(whole.start))
            if _OVERLAP.search(draft.prose[parts[-1].end:s1]):
                continue  # "12 forwards, 9 defenders and 4 goalkeepers, some of whom play several positions"
            nouns = {p.noun for p in parts if p.noun and p.noun_phrase and p.noun_phrase[:1].islower()}
            if len(nouns) >= 2:
                continue  # "600 women, 450 parents and 300 retirees": categories that may overlap
            low = sum(interval(p, tol).low for p in parts)
            high = sum(interval(p, tol).high for p in parts)
            total = sum(p.value for p in parts)
            w = interval(whole, tol)
            related = [Related(whole.start, whole.end, "the whole")] + [Related(p.start, p.end, "a part")
                                                                       for p in parts[:-1]]
            exact = abs(total - whole.value) < 0.01 * whole.value
            show = (lambda x: f"{x:,.0f}" if x == int(x) else f"{x:,}") if exact else fmt
            listed = " + ".join(show(p.value) for p in parts)
            if low > w.high:
                yield RULE.finding(f"the parts add up to {show(total)} ({listed}), more than the whole, "
                                   f"{show(whole.value)}", parts[-1].start, parts[-1].end, related)
            elif high < w.low and _ALL_OF_IT.search(draft.prose[whole.end:parts[-1].end]):
                yield RULE.finding(f"the parts add up to {fmt(total)} ({listed}), less than the whole, "
                                   f"{fmt(whole.value)}, though they are said to be all of it",
                                   parts[-1].start, parts[-1].end, related)


RULE = Rule(
    code="NC103",
    name="parts-vs-total",
    severity="error",
    summary="Named parts of a stated whole add up to more than it.",
    docs=DOCS,
    check=check,
)
