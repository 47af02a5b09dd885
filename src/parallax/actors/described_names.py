"""Names of firms and bodies the entity tagger missed, found by the noun set beside them.

The small tagger misses many names of businesses it has never seen ("Stonebridge Energy,
the company behind the project, has spilled oil ..."), and a report about one firm then
has no actor for it at all. The apposition a news writer puts after a new name says what
it is: a run of proper nouns with "the company", "a utility", "the agency" in apposition
names an organisation. Only that evidence counts: a capitalised word alone can be
anything, and a person's role noun ("Varga, a former general") is
:mod:`parallax.actors.animacy`'s business.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

FIRM_NOUNS = frozenset(
    {
        "airline", "automaker", "bank", "carmaker", "company", "conglomerate", "corporation",
        "firm", "insurer", "lender", "manufacturer", "retailer", "utility",
    }
)  # fmt: skip
"""Nouns for a business ("the company said"), in apposition or as a description."""

BODY_NOUNS = FIRM_NOUNS | frozenset(
    {
        "agency", "charity", "contractor", "developer", "operator", "organisation",
        "organization", "producer", "startup", "subsidiary", "supplier",
    }
)  # fmt: skip
"""Nouns that, set beside a name, make it an organisation's."""

PUBLIC_BODY_WORDS = frozenset(
    {
        "administration", "agency", "alliance", "army", "assembly", "association", "authority",
        "board", "bureau", "cabinet", "caucus", "church", "coalition", "college", "commission",
        "committee", "congress", "council", "court", "department", "embassy", "federation",
        "force", "forces", "foundation", "government", "guard", "hospital", "house",
        "institute", "kremlin", "league", "legislature", "military", "ministry", "movement",
        "navy", "office", "parliament", "party", "pentagon", "police", "school", "senate",
        "service", "tribunal", "union", "university",
    }
)  # fmt: skip
"""Words in an organisation's name that make it a public, political or civic body (a house
of a legislature, a ministry, a court, a party, a university), which "the company" or "the
automaker" never means, however near it is named."""


def described_bodies(doc: Any, taken: set[int]) -> Iterator[Any]:
    """Spans of untagged names with a noun for a body in apposition ("X Energy, the company").

    The name is the proper noun the apposition hangs on with the proper nouns compounded
    before it; none of its tokens may be tagged or already taken by another mention, and
    it may not open the sentence with a single word (a capitalised first word is weak
    evidence of a name).
    """
    for token in doc:
        if token.dep_ != "appos" or token.pos_ != "NOUN":
            continue
        if token.lemma_.lower() not in BODY_NOUNS or token.tag_ != "NN":
            continue
        head = token.head
        if head.pos_ != "PROPN" or head.i > token.i:
            continue
        start = head.i
        while (
            start > head.sent.start
            and doc[start - 1].pos_ == "PROPN"
            and (doc[start - 1].dep_ == "compound" and doc[start - 1].head.i == head.i)
        ):
            start -= 1
        span = doc[start : head.i + 1]
        if any(t.ent_type_ or t.i in taken or not t.text[:1].isupper() for t in span):
            continue
        if len(span) == 1 and start == head.sent.start:
            continue
        yield span


def later_occurrences(doc: Any, span: Any, taken: set[int]) -> Iterator[Any]:
    """Other untagged occurrences of the same name as ``span``, written the same way."""
    words = [t.text for t in span]
    size = len(words)
    for start in range(len(doc) - size + 1):
        if start == span.start:
            continue
        candidate = doc[start : start + size]
        if [t.text for t in candidate] != words:
            continue
        if any(t.i in taken or t.ent_type_ for t in candidate):
            continue
        after = doc[start + size] if start + size < len(doc) else None
        if after is not None and after.pos_ == "PROPN":
            continue  # part of a longer name
        yield candidate
