"""Georgia the US state and Georgia the country, told apart by the article's context."""

from __future__ import annotations

from typing import Any

import pytest

from parallax.knowledge.shared_names import is_us_state


@pytest.fixture(scope="module")
def nlp() -> Any:
    from parallax.spacy_model import load_spacy

    return load_spacy()


def _georgia(nlp: Any, text: str) -> Any:
    doc = nlp(text)
    return next(e for e in doc.ents if e.text.startswith("Georgia"))


@pytest.mark.parametrize(
    "text",
    [
        "ATLANTA (AP) \u2014 A federal court on Friday blocked Georgia from using the map.",
        "Lena Dahl of Georgia, a Republican on the budget committee, spoke first.",
        "She will tour Ohio, Nevada and Georgia this spring.",
        "The senator said Georgia's state legislature would meet in March.",
        "Gov. Ana Ruiz said Georgia would appeal the ruling.",
    ],
)
def test_the_state_where_the_article_speaks_of_the_united_states(nlp: Any, text: str) -> None:
    assert is_us_state(_georgia(nlp, text))


@pytest.mark.parametrize(
    "text",
    [
        "Georgia recalled its ambassador, and Tbilisi warned of new sanctions.",
        "The President of Georgia met Democratic senators in Washington.",
        "Georgia passed a law on foreign agents on Tuesday.",
    ],
)
def test_the_country_where_nothing_points_to_the_state(nlp: Any, text: str) -> None:
    assert not is_us_state(_georgia(nlp, text))


def test_one_article_names_one_georgia(nlp: Any) -> None:
    # the second mention has no sign of its own; the first says which Georgia the story is of
    doc = nlp("Lena Dahl of Georgia spoke first. The Georgia runoff drew record crowds.")
    mentions = [t for t in doc if t.text == "Georgia"]
    assert len(mentions) == 2
    assert all(is_us_state(doc[t.i : t.i + 1]) for t in mentions)
    # an office only the country has, written beside a mention, keeps that one the country
    doc = nlp("Lena Dahl of Georgia spoke. The President of Georgia replied.")
    last = [t for t in doc if t.text == "Georgia"][-1]
    assert not is_us_state(doc[last.i : last.i + 1])


def _actors(pipeline: Any, text: str) -> list[dict[str, Any]]:
    from parallax.model import Article

    analysis = pipeline(Article(text=text, source="<test>", language="en"))
    return list(analysis.layers["actors"])


def test_a_pipeline_actor_for_the_state_is_a_local_place(pipeline: Any) -> None:
    actors = _actors(
        pipeline,
        "A federal court blocked Georgia from using a congressional map drawn by state "
        "lawmakers. Georgia's attorney general said the state would appeal.",
    )
    ids = {a["id"] for a in actors}
    assert "georgia" not in ids and "local:georgia" in ids


def test_a_capital_the_tagger_reads_as_a_person_is_its_state(pipeline: Any) -> None:
    actors = _actors(
        pipeline,
        "Pushilin said Kyiv's Western sponsors bore responsibility for the Kyiv regime. "
        "Jordan said the committee would vote; Rep. Jim Jordan chairs it.",
    )
    people = {a["name"] for a in actors if a["type"] == "person"}
    assert "Kyiv" not in people
    assert "Jim Jordan" in people  # a state's own name ("Jordan") stays a surname


def test_a_name_after_the_village_of_is_a_place(pipeline: Any) -> None:
    actors = _actors(
        pipeline,
        "In the village of Bilozerka, across the river, residents sleep in cellars. "
        "The heirs of Jon Halvorsen sold the house.",
    )
    kinds = {a["name"]: a["type"] for a in actors}
    assert kinds.get("Bilozerka") == "place"
    assert kinds.get("Jon Halvorsen") == "person"
