"""Speech verbs that tell what was not said report nobody's words (issue 16).

"No Republican has said that they would oppose him" is the writer telling of a silence;
reading its clause as the Republicans' words cast them against the nominee. The sentences
are invented for these tests.
"""

from __future__ import annotations

import pytest

from parallax.components.actors import Actors
from parallax.components.entities import Entities
from parallax.components.parse import SpacyParse
from parallax.components.quotes import Quotes
from parallax.components.sentences import Sentences
from parallax.knowledge import bundled
from parallax.model import Article
from parallax.pipeline import Pipeline


@pytest.fixture(scope="module")
def nlp() -> Pipeline:
    return Pipeline([SpacyParse(), Sentences(), Entities(), Actors(bundled()), Quotes()])


def quoted(nlp: Pipeline, text: str) -> list[str]:
    analysis = nlp(Article(text=text, source="<test>", language="en"))
    return [str(q["text"]) for q in analysis.layers["quotes"]]


@pytest.mark.parametrize(
    "text",
    [
        "Democrats hold 51 seats, and no Democrat has said publicly that they would oppose her.",
        "Nobody at the ministry said the plant would close.",
        "Mayor Ida Berg did not say the budget would be cut.",
        "Governor Tom Lang declined to say whether he would sign the bill.",
        "Ms. Okafor refused to say if the company would appeal.",
    ],
)
def test_what_nobody_said_is_no_quotation(nlp: Pipeline, text: str) -> None:
    assert quoted(nlp, text) == [], text


@pytest.mark.parametrize(
    "text",
    [
        "Mayor Ida Berg said the budget would be cut.",
        "Governor Tom Lang said he would not sign the bill.",
        "Ms. Okafor denied that the company would appeal.",
    ],
)
def test_what_someone_said_is_still_quoted(nlp: Pipeline, text: str) -> None:
    assert len(quoted(nlp, text)) == 1, text
