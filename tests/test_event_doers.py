"""Who does an act when the parser's reading hides it, on sentences written for each test."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from parallax.components.actors import Actors
from parallax.components.entities import Entities
from parallax.components.events import Events
from parallax.components.parse import SpacyParse
from parallax.components.sentences import Sentences
from parallax.components.times import Times
from parallax.knowledge import bundled
from parallax.model import Article
from parallax.pipeline import Pipeline

WRITTEN = date(2025, 11, 10)


@pytest.fixture(scope="module")
def nlp() -> Pipeline:
    kb = bundled()
    return Pipeline([SpacyParse(), Sentences(), Entities(), Times(), Actors(kb), Events(kb)])


def events(nlp: Pipeline, text: str) -> dict[str, dict[str, Any]]:
    analysis = nlp(Article(text=text, source="<test>", language="en", date=WRITTEN))
    return {str(e["action"]): e for e in analysis.layers["events"]}


def test_a_verb_after_the_subjects_apposition_has_the_subject_as_its_doer(
    nlp: Pipeline,
) -> None:
    # Invented: the parser reads "pledged" as a participle on "China", the root.
    found = events(
        nlp,
        "China, the world's biggest emitter, pledged in September to cut emissions "
        "by 7% from their peak by 2035.",
    )
    assert found["pledge"]["agent"] == "china"
    assert found["cut"]["agent"] == "china"


def test_whom_a_leader_calls_on_to_act_does_it_not_the_leader(nlp: Pipeline) -> None:
    found = events(nlp, "Lula called on Germany to deliver the money it promised.")
    assert found["deliver"]["agent"] == "germany"


def test_a_time_after_for_the_nth_time_dates_the_verb(nlp: Pipeline) -> None:
    found = events(
        nlp,
        "The United States, which withdrew from the Paris accord for a second time in "
        "January, sent no delegation.",
    )
    assert found["withdraw"]["date"] == "2025-01"
