"""The one subject of a clause.

When the parser hangs two on its verb, which one is meant; and what a relative pronoun
standing as subject stands for.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


def nearest_subject(
    verb: Any, dep: str = "nsubj", keep: Callable[[Any], bool] = lambda _: True
) -> Any | None:
    """The subject of ``verb`` (children with dependency ``dep`` that ``keep`` accepts).

    A clause has one subject. When the parser gives a verb two ("..., killing ten people,
    the governor said"), the noun a participle or a list left stranded comes first and
    the verb's own subject stands next to it: the nearest one before the verb is taken,
    else the first after it (an inverted "said the governor").
    """
    subjects = [c for c in verb.children if c.dep_ == dep and keep(c)]
    if len(subjects) < 2:
        return subjects[0] if subjects else None
    before = [c for c in subjects if c.i < verb.i]
    return max(before, key=lambda c: c.i) if before else subjects[0]


RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})


def antecedent(subject: Any, verb: Any) -> Any:
    """What a relative pronoun stands for: the noun its clause hangs on.

    "Officials, who say forty died" makes the officials the speakers. A description set
    beside a name stands for the name ("Varga, a former general who led the inquiry":
    Varga led it, not whatever the description mentions).
    """
    if subject.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
        noun = verb.head
        if noun.dep_ == "appos" and noun.pos_ != "PROPN" and noun.head.pos_ == "PROPN":
            return noun.head
        return noun
    return subject
