"""What the relations stage finds: typed relations between figures, each figure in its role.

Rules read these and do arithmetic; they never read the text. Offsets and figures are the
claims stage's `Quantity` objects, so a finding points at the figure that is wrong.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from numcheck.quantities import Quantity


@dataclass(frozen=True)
class Size:
    """A stated size of a change: "a 5% rise", "up 0.5 percentage points", "doubled", "by a third",
    "an increase of $3.5 million". `direction` is +1 stated as a rise, -1 as a fall, 0 not said."""

    figure: Quantity
    direction: int
    bound: str = "exact"  # "more_than", "less_than", "nearly", "approx": what the words make of it


@dataclass(frozen=True)
class Change:
    """A change with its two ends: "climbed from $200 million to $240 million, a 25% gain"."""

    before: Quantity
    after: Quantity
    sizes: tuple[Size, ...]  # what the text says the change is, in any measure
    direction: int  # +1 said to rise, -1 said to fall, 0 not said
    implicit: bool = False  # the ends are inferred (two amounts and "an increase of"), not joined by from/to


@dataclass(frozen=True)
class Breakdown:
    """A whole and its parts: "Of the 60 new hires, 25 ..., 22 ... and 18 ...". `complete` when the
    text says the parts are all of it ("in all", "the rest", "leaving"); `remainder` is the part
    the text gives as what is left ("leaving a balance of $9 million"), if any."""

    whole: Quantity
    parts: tuple[Quantity, ...]
    complete: bool
    remainder: Optional[Quantity] = None
    tails: bool = False  # the parts may start later in the list (a total found after them): any tail may be all of it


@dataclass(frozen=True)
class Share:
    """A part given as a share of a whole: "120 (12%) of the 800 applicants", "120 of 800, or 15%",
    "70 percent of the 3 million households, about 2.6 million". `part` and `whole` are figures,
    or for a ratio ("2 out of 57") the one figure that holds both (`ratio`). `complement` when the
    share is said of the rest of the whole ("2 of 57 hit" ... "over 90% did not")."""

    share: Quantity  # the percentage or fraction
    part: Optional[Quantity]
    whole: Optional[Quantity]
    ratio: Optional[Quantity] = None
    complement: bool = False  # the share may be of the part or of the rest (read across sentences)
    whole_given: bool = True  # False: the whole is only the sum of the sides of a split ("5,210 votes to 3,890")
    other: Optional[Quantity] = None  # with whole_given False: the other side
    derived: str = "share"  # which figure the writer computed: "share" (from the counts) or "part" (from the share)


@dataclass(frozen=True)
class Split:
    """Shares of one whole: "approved 58% to 47%", "48% of households, owners 44% and others 12%".
    `complete` when the shares are said to be all of it ("the rest", "others")."""

    shares: tuple[Quantity, ...]
    complete: bool


@dataclass(frozen=True)
class Gap:
    """The gap between two percentages: "led by 6 points, 49% to 45%"."""

    first: Quantity
    second: Quantity
    stated: Quantity  # the points


@dataclass(frozen=True)
class Ratio:
    """One amount as a multiple of another, without a change: "three times as many A as B"."""

    larger: Quantity
    smaller: Quantity
    multiple: Quantity
    bound: str = "exact"


@dataclass(frozen=True)
class SameSet:
    """One set counted twice: "killed 23 people" ... "all 25 people killed". `markers` are the
    words (lemmas) both mentions share that mark the set."""

    first: Quantity
    second: Quantity
    noun: str
    markers: tuple[str, ...]  # the words of the second mention that mark the set, as written
    pointed: bool = False  # the second names the first ("those 90 days", "That's right, 18 years")


@dataclass(frozen=True)
class PartOfWhole:
    """A ratio's part and whole in one figure: "60 of the 57 strikes"."""

    ratio: Quantity


@dataclass(frozen=True)
class Difference:
    """A difference stated between two amounts: "$720.6 million, in excess of the $518.4 million
    required by $202.3 million", "a difference of 12 seats"."""

    first: Quantity
    second: Quantity
    stated: Quantity


@dataclass(frozen=True)
class StatedChange:
    """A change given by its size twice, in an amount and in percent, beside one of its ends:
    "revenues were $3.4 million, an increase of $404,878, or more than 13%". The percentage is the
    amount over the old value: `end` less the amount when `end` is the new value, `end` itself when
    it is the old one."""

    end: Quantity
    amount: Quantity
    percent: Quantity
    direction: int
