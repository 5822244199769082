"""The relations stage: what each figure is to the others, and the findings the rules draw from it.

The sentences of issue 11 each give their finding with the arithmetic in the message; look-alikes
stay quiet; wrapped text reads as one sentence; no rule reads the text; any text is read without
error, and in time that grows linearly with it.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from numcheck.api import check_text
from numcheck.claims import Draft
from numcheck.relations import read_relations
from numcheck.relations.lexicon import lemma, relation_words
from numcheck.relations.text import has_phrase
from timing import best_of

RULES_DIR = Path(__file__).resolve().parents[1] / "numcheck" / "checks" / "rules"


def findings(text: str, path: str = "<text>") -> list[tuple[str, str, str]]:
    return [(f.rule, f.severity, f.message) for f in check_text(text, path).findings
            if f.severity in ("error", "warning")]


# --- the sentences of issue 11: each gives its finding, with its arithmetic ------------------------

FIRES = [
    ("Sales were $4.2 billion, up 5% from $3.8 billion.", "NC105", "from $3.8 billion to $4.2 billion is a rise of 10.5%"),
    ("Sales were $4.2 billion, a 5% rise from $3.8 billion.", "NC105", "is a rise of 10.5%, not 5%"),
    ("The city population grew 12% to 56,000 people from 48,000.", "NC105", "from 48,000 to 56,000 is a rise of 16.7%"),
    ("Net sales climbed from $200 million to $240 million, a 25% gain.", "NC105",
     "from $200 million to $240 million is a rise of 20.0%, not 25%"),
    ("Costs tripled from $4 million to $9 million.", "NC106", "from $4 million to $9 million is 2.25 times"),
    ("Ridership doubled from 1.2 million in 2021 to 1.9 million in 2023.", "NC106", "is 1.58 times, not doubled"),
    ("Unemployment fell from 4.2% to 3.9%, a drop of 0.5 percentage points.", "NC107",
     "from 4.2% to 3.9% is 0.3 percentage points, not 0.5"),
    ("Average fares went from $3.10 in 2019 to $3.72 in 2024 per passenger trip, an increase of 12 percent.",
     "NC105", "from $3.10 to $3.72 is a rise of 20.0%, not 12%"),
    ("Exports rose from $18,420,000 to $21,950,000, an increase of $3,530,000, or 29.2 per cent.", "NC105",
     "is a rise of 19.16%, not 29.2%"),
    ("Enrolment grew by more than 30 percent, from 41,000 in school year 2015 to 50,000 in school year 2020.",
     "NC105", "is a rise of 22.0%, not more than 30%"),
    ("Waiting lists shrank by more than half, from 9,000 to 5,600.", "NC106", "from 9,000 to 5,600 is 0.622 times"),
    ("Of the 60 new hires, 25 work in sales, 22 in support and 18 in engineering.", "NC103",
     "the parts add up to 65 (25 + 22 + 18), more than the whole, 60"),
    ("Of the 52 passengers, 40 were rescued, eight others were injured and six are missing.", "NC103",
     "the parts add up to 54 (40 + 8 + 6), more than the whole, 52"),
    ("The delegation of 75 included 41 students and 39 teachers.", "NC103", "the parts add up to 80 (41 + 39)"),
    ("The survey reached 212 farmers, 148 traders and 95 officials; 445 people in all.", "NC103",
     "the parts add up to 455 (212 + 148 + 95), more than the whole, 445"),
    ("There were 800 applicants, of which 120 (12%) were accepted.", "NC101", "120 of 800 is 15.0%, not 12%"),
    ("The measure passed with 62% of the vote, 5,210 votes to 3,890.", "NC101", "5,210 of 9,100 is 57.3%, not 62%"),
    ("The proposal was approved 58% to 47%.", "NC104", "the shares add up to 105%"),
    ("Renters made up 48% of households, owners 44% and others 12%.", "NC104", "the shares add up to 104%"),
    ("The storm killed 23 people. Rescuers searched all week.\n\nAll 25 people killed were from Leyte.", "NC201",
     "25 people here, but 23 earlier"),
    ("Inspectors pulled 37 buses from service. Repairs will take weeks.\n\nIt said the 34 buses pulled from "
     "service would return.", "NC201", "34 buses here, but 37 earlier"),
    ("The firm laid off 120 employees. The union protested.\n\nThe 150 laid-off employees will get severance.",
     "NC201", "150 employees here, but 120 earlier"),
    # hard-wrapped: a line break inside a paragraph does not end the sentence or split a figure
    ("The budget grew from $42 million in 2022 to $51 million in\n2024, an increase of 18 percent.", "NC105",
     "from $42 million to $51 million is a rise of 21.4%, not 18%"),
    ("The budget grew from $42 million to $51\nmillion, an increase of 18 percent.", "NC105",
     "from $42 million to $51 million is a rise of 21.4%, not 18%"),
]


@pytest.mark.parametrize("text, rule, message", FIRES, ids=[t[:40] for t, _, _ in FIRES])
def test_each_sentence_gives_its_finding_with_the_arithmetic(text, rule, message):
    found = findings(text)
    assert any(r == rule and message in m for r, _, m in found), found


@pytest.mark.parametrize("text", [
    "Sales were $4.2 billion, up 10.5% from $3.8 billion.",
    "The city population grew 12% to 56,000 people from 50,000.",
    "Costs tripled from $3 million to $9 million.",
    "Unemployment fell from 4.2% to 3.9%, a drop of 0.3 percentage points.",
    "Of the 60 new hires, 25 work in sales, 22 in support and 13 in engineering.",
    "The survey reached 212 farmers, 148 traders and 85 officials; 445 people in all.",
    "There were 800 applicants, of which 120 (15%) were accepted.",
    "The proposal was approved 58% to 42%.",
    "The storm killed 23 people. By Thursday, the 25 people killed included ten children.",
    "The storm killed 23 people. Another 25 people killed in the floods were farmers.",
    "Rebels captured three towns in May. The two captured towns in the north were retaken in June.",
    # issue 11's false findings: "enterprise" holds no "rise"; "from 100 to 80, or 20%" is a change
    "Sales moved from 100 to 80, or 20%, at the enterprise unit.",
    # ranges are not changes
    "Prices range from $5 to $10, with about 40% of items under $7.",
    "Ages ranged from 18 to 65.",
])
def test_look_alikes_stay_quiet(text):
    assert findings(text) == []


def test_a_warning_where_only_rounding_reconciles_the_figures():
    (rule, severity, message), = findings("Net sales climbed from $200 million to $240 million, a 25% gain.")
    assert (rule, severity) == ("NC105", "warning") and "rounded" in message
    (rule, severity, _), = findings("Sales climbed from 80 to 100 units, a 20% rise.")
    assert (rule, severity) == ("NC105", "error")  # small counts are exact: no rounding reconciles them


def test_accounts_to_the_cent_are_judged_only_on_a_slip():
    # the gap is one digit: a slip of the pen
    assert findings("Receipts for 1874 were $163,103,833.69, and for 1875 $157,267,722.35, a decrease for the "
                    "last year of $5,936,111.34.")
    # the gap is many digits: the aggregate holds an amount the sentence does not give
    assert findings("Of the receipts there were derived from customs $69,059,642.40, from internal revenue "
                    "$37,640,787.95 and from loans $776,682,361.57, making the aggregate $901,125,674.86.") == []


# --- the relations themselves ---------------------------------------------------------------------

def test_changes_read_the_ends_past_years_and_asides():
    rel = read_relations(Draft.read("Ridership doubled from 1.2 million in 2021 to 1.9 million in 2023."))
    (change,) = rel.changes
    assert (change.before.text, change.after.text) == ("1.2 million", "1.9 million")
    assert [z.figure.text for z in change.sizes] == ["doubled"]


def test_a_figure_is_taken_by_one_reading():
    rel = read_relations(Draft.read("Sales moved from 100 to 80, or 20%, at the enterprise unit."))
    assert len(rel.changes) == 1 and rel.shares == ()  # the 20% is the change's size, not a share of 100


def test_relation_words_are_matched_as_words():
    lex = relation_words()
    assert lex.direction(["enterprise"]) == 0 and lex.direction(["rose"]) == 1 and lex.direction(["fell"]) == -1
    assert has_phrase(["as", "compared", "with", "x"], lex.comparison)
    assert not has_phrase(["compared"], lex.comparison) or ("compared",) in lex.comparison
    assert lemma("killed") == lemma("kill") and lemma("laid") == lemma("lay") and lemma("pulled") == "pull"


def test_no_rule_reads_the_text():
    """Rules do arithmetic over relations: no rule module reads the prose or a sentence's text."""
    for path in sorted(RULES_DIR.glob("nc*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = {node.attr for node in ast.walk(tree) if isinstance(node, ast.Attribute)}
        assert not names & {"prose", "sentence_text", "between", "by_sentence", "sentence_span"}, path.name


# --- any text: read without error, in linear time -------------------------------------------------

FRAGMENTS = ["12%", "1,200", "$4.2 billion", "from", "to", "of which", "including", "in all", "leaving", "rose",
             "fell", "doubled", "half", "those", "the", "people", "killed", ",", ";", ".", "and", "(", ")", "-",
             "3 out of 4", "points", "49%", "a total of", "<a ", "<!--", "**", "| 5 |", "\n", "\n\n", "2019", "km",
             "per cent", "an increase of", "compared with", "That is", "about", "more than", "Of the", "others"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=60))
def test_any_text_is_read_and_every_role_is_a_figure(parts):
    text = " ".join(parts)
    for path in ("draft.txt", "draft.md"):
        result = check_text(text, path)
        figures = {id(q) for q in result.draft.quantities}
        rel = read_relations(result.draft)
        for change in rel.changes:
            assert change.before is not change.after
            assert {id(change.before), id(change.after)} <= figures
        for b in rel.breakdowns:
            assert all(p is not b.whole for p in b.parts)
        for f in result.findings:
            assert 0 <= f.start <= f.end <= len(text)


def _timed(text: str) -> float:
    return best_of(2, lambda: check_text(text, "draft.md"))


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=8))
def test_checking_takes_linear_time(parts):
    """No text drawn from numbers, separators, relation words and markup takes more than linear time:
    the time per byte at 4N is within a generous bound of the time per byte at N (a quadratic step
    would show 16x), measured as the best of two runs, with a floor for timer noise."""
    unit = " ".join(parts) + " "
    small = unit * max(1, 5_000 // len(unit))
    large = unit * (4 * max(1, 5_000 // len(unit)))
    check_text(small[:200], "draft.md")  # warm the lexicons
    t_small, t_large = _timed(small), _timed(large)
    assert t_large <= 10 * max(t_small, 0.02), f"{unit!r}: N {t_small:.3f}s, 4N {t_large:.3f}s"
