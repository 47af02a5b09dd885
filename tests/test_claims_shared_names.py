"""Claims about Georgia the US state are not checked against the country's facts (issue 17).

Claim linking asks the decision the actors layer asks (:mod:`parallax.knowledge.shared_names`);
sentences written for these tests, in the shape of US political wire copy.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from parallax.claims.grammar import Context, read_claims
from parallax.claims.model import Claim
from parallax.factcheck import open_knowledge

KB = open_knowledge()
DAY = date(2026, 11, 20)


@pytest.fixture(scope="module")
def nlp() -> Any:
    from parallax.spacy_model import load_spacy

    return load_spacy()


def _claims(nlp: Any, text: str) -> list[Claim]:
    """The claims of every sentence of ``text``, each read with the article's parse."""
    doc = nlp(text)
    return [
        claim
        for sentence in doc.sents
        for claim in read_claims(sentence.text, KB, Context(anchor=DAY), parse=list(sentence))
    ]


def _ids(claims: list[Claim]) -> set[str | None]:
    ids = {p.id for c in claims for p in c.subjects}
    return ids | {c.object.id for c in claims if c.object is not None}


@pytest.mark.parametrize(
    "text",
    [
        "ATLANTA \u2014 Gov. Ana Ruiz of Georgia said the state had counted 4 million ballots. "
        "The Georgia Senate runoff drew 2 million voters.",
        "Senator Lena Dahl of Georgia said Georgia had joined the union in 1788.",
        "Republicans said Georgia was the fourth state to join the union. "
        "Georgian lawmakers joined NATO envoys in 2004.",
    ],
)
def test_the_us_state_is_not_linked_to_the_country(nlp: Any, text: str) -> None:
    assert "georgia" not in _ids(_claims(nlp, text))


def test_the_country_stays_the_country(nlp: Any) -> None:
    claims = _claims(
        nlp,
        "Georgia recalled its ambassador, and Tbilisi warned of sanctions. "
        "Georgia applied to join the European Union in 2022.",
    )
    assert "georgia" in _ids(claims)
