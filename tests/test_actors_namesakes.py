"""Namesakes, speakers and references on invented wire copy (issue 16).

Each test pins one general rule with sentences written for it: a quotation takes its
speaker from its own paragraph, a speaker is shown without the marks before it, and
people who share a surname stay apart.
"""

from __future__ import annotations

from typing import Any

import pytest

from parallax.components.actors import Actors
from parallax.components.entities import Entities
from parallax.components.parse import SpacyParse
from parallax.components.quotes import Quotes
from parallax.components.sentences import Sentences
from parallax.knowledge import bundled
from parallax.model import Analysis, Article
from parallax.pipeline import Pipeline


@pytest.fixture(scope="module")
def nlp() -> Pipeline:
    return Pipeline([SpacyParse(), Sentences(), Entities(), Actors(bundled()), Quotes()])


def analyse(nlp: Pipeline, text: str) -> Analysis:
    return nlp(Article(text=text, source="<test>", language="en"))


def quote(analysis: Analysis, start: str) -> dict[str, Any]:
    found = [q for q in analysis.layers["quotes"] if q["text"].startswith(start)]
    assert found, analysis.layers["quotes"]
    return found[0]


def test_a_quotation_after_its_attribution_keeps_its_paragraphs_speaker(nlp: Pipeline) -> None:
    # The tagger starts the next sentence at the closing mark, so that sentence reaches
    # into the next paragraph and its speech verb must not be taken.
    analysis = analyse(
        nlp,
        '"We will carry the county," said Dana Whitlow, the campaign\'s treasurer. '
        '"The turnout numbers are firmly on our side."\n\n'
        "Marcus Feld, the mayor of Lindenport, said the vote would be close.",
    )
    later = quote(analysis, "The turnout numbers")
    assert later["speaker_text"] == "Dana Whitlow"
    assert later["speaker"] == quote(analysis, "We will carry")["speaker"]


def test_a_speaker_is_shown_without_the_mark_that_ends_the_quotation_before(
    nlp: Pipeline,
) -> None:
    analysis = analyse(
        nlp,
        '"We have done nothing wrong," Hale said. "I am proud of my staff."\n\n'
        "Governor Hale's lawyer, Irene Cobb, said her client would testify next week.",
    )
    assert quote(analysis, "her client would testify")["speaker_text"] == (
        "Governor Hale's lawyer, Irene Cobb"
    )
