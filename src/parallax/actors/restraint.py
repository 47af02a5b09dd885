"""What a verb keeps its object from doing: "blocked Arizona from removing voters".

A verb of hindering or forbidding with "from" and a gerund after its object restrains that
object from an act of its own ("barred the company from bidding", "stopped the city from
closing the shelter"): the object is a doer held back, not one hurt, and portrayal reads
the act as procedure on what the doer meant to do (:mod:`parallax.portrayal.actions`).
"""

from __future__ import annotations

from typing import Any


def kept_from(verb: Any) -> str | None:
    """The lemma of the act ``verb`` keeps its object from doing, or None."""
    if not any(c.dep_ in {"dobj", "nsubjpass"} for c in verb.children):
        return None
    for child in verb.children:
        if child.dep_ != "prep" or child.lower_ != "from":
            continue
        act = next((g for g in child.children if g.dep_ == "pcomp" and g.tag_ == "VBG"), None)
        if act is not None:
            return str(act.lemma_).lower()
    return None
