"""Names of firms and bodies the entity tagger missed, found by the noun set beside them.

The small tagger misses many names of businesses it has never seen ("Stonebridge Energy,
the company behind the project, has spilled oil ..."), and a report about one firm then
has no actor for it at all. The apposition a news writer puts after a new name says what
it is: a run of proper nouns with "the company", "a utility", "the agency" in apposition
names an organisation. So does a run of proper nouns that ends in a word for a line of
business ("Northsea Petroleum was fined", :func:`~parallax.actors.firm_names.business_name`).
Only that evidence counts: a capitalised word alone can be anything, and a person's role
noun ("Varga, a former general") is :mod:`parallax.actors.animacy`'s business.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from parallax.actors.firm_names import business_name, full_firm_name

FIRM_NOUNS = frozenset(
    {
        "airline", "automaker", "bank", "carmaker", "chipmaker", "company", "conglomerate",
        "corporation", "drugmaker", "firm", "insurer", "lender", "maker", "manufacturer",
        "retailer", "steelmaker", "utility",
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
    """Spans of untagged names of bodies: by apposition, then by a business word that ends them.

    See :func:`bodies_in_apposition` and :func:`business_names`; a name is given once.
    """
    given: set[int] = set()
    for span in (*bodies_in_apposition(doc, taken), *business_names(doc, taken)):
        if not given.intersection(range(span.start, span.end)):
            given.update(range(span.start, span.end))
            yield span


def business_names(doc: Any, taken: set[int]) -> Iterator[Any]:
    """Untagged runs of capitalised proper nouns that end in a line of business.

    "Northsea Petroleum" (the tagger left it untagged) is a firm; the run must be a whole
    name (no proper noun after it) of two words or more, none of them tagged or taken.
    """
    for token in doc:
        following = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if token.pos_ != "PROPN" or (following is not None and following.pos_ == "PROPN"):
            continue
        start = token.i
        while start > token.sent.start and doc[start - 1].pos_ == "PROPN":
            start -= 1
        span = doc[start : token.i + 1]
        if any(t.ent_type_ or t.i in taken or not t.text[:1].isupper() for t in span):
            continue
        if business_name(span.text):
            yield span


def bodies_in_apposition(doc: Any, taken: set[int]) -> Iterator[Any]:
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
    """Other untagged occurrences of the same name as ``span``, written the same way.

    A firm's full name (:func:`~parallax.actors.firm_names.full_firm_name`) stands also in
    its first word alone after it ("Varnholt Mining ... Varnholt said"), a whole name there.
    """
    yield from _written(doc, span, [t.text for t in span], taken)
    if len(span) > 1 and full_firm_name(span.text):
        yield from _written(doc, span, [span[0].text], taken, after_only=True)


def _written(
    doc: Any, span: Any, words: list[str], taken: set[int], *, after_only: bool = False
) -> Iterator[Any]:
    """Untagged, untaken runs of ``words`` elsewhere than ``span``, each a whole name."""
    size = len(words)
    for start in range(span.end if after_only else 0, len(doc) - size + 1):
        if start == span.start:
            continue
        candidate = doc[start : start + size]
        if [t.text for t in candidate] != words:
            continue
        if any(t.i in taken or t.ent_type_ for t in candidate):
            continue
        after = doc[start + size] if start + size < len(doc) else None
        before = doc[start - 1] if start else None
        if after is not None and after.pos_ == "PROPN":
            continue  # part of a longer name
        if after_only and before is not None and before.pos_ == "PROPN":
            continue
        yield candidate
