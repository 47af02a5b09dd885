"""Comparing the figures of two sentences: disagreement, conflict and shared values.

:mod:`parallax.comparison.figures` reads what each number and year of a sentence measures;
this module decides what two sentences' figures say together: that they cannot both be
right (a contradiction), that their values differ for a like-named quantity (no "same"),
or that they share a distinctive value (evidence of one fact).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from parallax.comparison.figures import Figure
from parallax.number_words import CARDINALS


@dataclass(frozen=True)
class Disagreement:
    """Two figures that measure the same thing and differ."""

    first: Figure
    second: Figure

    def describe(self, first_source: str = "one", second_source: str = "the other") -> str:
        """The one-line reason a reader can check against both sentences."""
        label = "dates" if self.first.kind == "year" else "numbers"
        about = " ".join(sorted(self.first.subject))
        return (
            f"{label} disagree: {self.first.text} vs {self.second.text}: {first_source} says "
            f"\u201c{self.first.phrase}\u201d, {second_source} says \u201c{self.second.phrase}"
            f"\u201d, both about {about} ({self.first.predicate})"
        )


def disagreement(first: Iterable[Figure], second: Iterable[Figure]) -> Disagreement | None:
    """The first pair of figures that measure the same thing and cannot both be right.

    A figure that agrees with any figure of the same measure on the other side (one source
    gives two values, the other one of them) makes no disagreement.
    """
    left, right = list(first), list(second)
    for a in left:
        matches = [b for b in right if a.same_measure(b)]
        if not matches or any(a.agrees(b) for b in matches):
            continue
        for b in matches:
            if not any(b.agrees(other) for other in left if other.same_measure(b)):
                return Disagreement(a, b)
    return None


def conflicting(first: Iterable[Figure], second: Iterable[Figure]) -> bool:
    """Whether the two sentences give different values for a like-named quantity.

    Looser than :func:`disagreement` (any predicate, any subject): such a pair is not shown
    as saying the same thing, though it is no proven contradiction either ("50,000 pages
    delivered" and "55,000 pages received"). Two sentences that each give a tally and share
    none conflict whatever the tallies are said to count.

    Two sentences that state the same values but hang a noun on different ones do not
    conflict: "more than 4,000 people fled and at least three died" against "three people
    died and about 4,000 were evacuated" reads "4,000 people" against "three people", yet
    each value is stated on both sides (the same value exactly, of the same kind and unit).
    Only while the like-named figures hang on different verbs (fled, died): "more than 30
    people were injured and five killed" against "five people were injured and 30 killed"
    count the injured twice, with other values.
    """
    left, right = list(first), list(second)
    scores = [a for a in left if a.kind == "score"], [b for b in right if b.kind == "score"]
    if all(scores) and not {a.value for a in scores[0]} & {b.value for b in scores[1]}:
        return True  # two tallies ("7-2" and "5-4"): one vote told two ways, or two votes
    for a in left:
        if not a.measured or a.kind == "year":
            continue
        alike = [b for b in right if (b.kind, b.measured, b.unit) == (a.kind, a.measured, a.unit)]
        if not alike or any(a.agrees(b) for b in alike):
            continue
        if all(_noun_elsewhere(a, b, left, right) for b in alike):
            continue  # the same values on both sides, a noun read onto another of them
        return True
    return False


def _noun_elsewhere(a: Figure, b: Figure, left: list[Figure], right: list[Figure]) -> bool:
    """Whether like-named ``a`` and ``b`` differ only in which value the noun is read onto.

    Each value must be stated on the other side under another verb than the like-named
    figure there: "cut 300 jobs in Ohio and 1,200 in Texas" hangs both counts on one verb
    (the noun left out of the second), so against "1,200 jobs in Ohio and 300 in Texas" the
    places are swapped, not the noun.
    """
    return (
        b.predicate != a.predicate
        and _stated(b, left, other_than=a.predicate)
        and _stated(a, right, other_than=b.predicate)
    )


def _stated(figure: Figure, others: Iterable[Figure], other_than: str | None) -> bool:
    """Whether ``others`` state the value of ``figure`` (kind, unit) under another verb."""
    told = (figure.kind, figure.unit, figure.value)
    return any((o.kind, o.unit, o.value) == told and o.predicate != other_than for o in others)


def shared_figures(first: Iterable[Figure], second: Iterable[Figure]) -> list[Figure]:
    """Distinctive figures both sentences state with the same value and unit ("97-1").

    Small counts and ordinals (up to ten) and years are too common to show two sentences
    report the same fact; a small value with a fraction ("3.8 percent", "1.5 degrees") is
    a measurement, as distinctive as a large count.
    """
    right = list(second)
    shared = []
    for a in first:
        if a.kind == "year" or (isinstance(a.value, float) and a.value <= 10 and a.value % 1 == 0):
            continue
        if any(a.kind == b.kind and a.unit == b.unit and a.value == b.value for b in right):
            shared.append(a)
    return shared


_UNITS = ("hour", "day", "week", "month", "year", "decade")
_DURATION = re.compile(
    rf"\b(?P<count>\d+|{'|'.join(sorted(CARDINALS, key=len, reverse=True))})"
    rf"[\s-]+(?P<unit>{'|'.join(_UNITS)})s?\b",
    re.IGNORECASE,
)
_WEEKDAY = re.compile(
    r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.IGNORECASE
)


def _durations(text: str) -> dict[str, set[int]]:
    found: dict[str, set[int]] = {}
    for match in _DURATION.finditer(text):
        count = match["count"].lower()
        value = int(count) if count.isdigit() else CARDINALS[count]
        found.setdefault(match["unit"].lower(), set()).add(value)
    return found


def conflicting_times(first: str, second: str) -> bool:
    """Whether two sentences give different spans of one unit or name different weekdays.

    The figure reader takes "35 days" and "on Tuesday" for the time of a clause, not for a
    quantity, so two sentences close enough to read as paraphrases ("the shutdown lasted 35
    days", "... shut down for 34 days"; "the Senate votes on Wednesday", "... on Thursday")
    would otherwise be shown as saying the same thing. Like :func:`conflicting`, no proven
    contradiction (the spans may time different things): only no "same".
    """
    one, other = _durations(first), _durations(second)
    if any(one[unit].isdisjoint(other[unit]) for unit in one.keys() & other.keys()):
        return True
    days = (
        {d.lower() for d in _WEEKDAY.findall(first)},
        {d.lower() for d in _WEEKDAY.findall(second)},
    )
    return all(days) and days[0].isdisjoint(days[1])
