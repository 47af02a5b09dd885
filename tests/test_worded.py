"""Words a report gives as someone else's without quote marks: labels and findings."""

from __future__ import annotations

from typing import Any

import pytest

from parallax.actors.factuality import NAMING_VERBS
from parallax.actors.worded import worded
from parallax.portrayal.actions import FINDING_VERBS, JUDGEMENT_VERBS
from parallax.spacy_model import load_spacy


@pytest.fixture(scope="module")
def nlp() -> Any:
    return load_spacy()


def stretches(nlp: Any, text: str) -> list[tuple[str, str | None]]:
    doc = nlp(text)
    found = worded(doc, [], NAMING_VERBS, FINDING_VERBS, JUDGEMENT_VERBS)
    return [(text[w["start"] : w["end"]], w["speaker_text"]) for w in found]


def test_a_label_a_namer_gives_is_the_namers(nlp: Any) -> None:
    # Invented sentences: the label is the senators', the adjective the governor's.
    assert stretches(nlp, "Two senators called the pact a reckless gamble.") == [
        ("a reckless gamble", "Two senators")
    ]
    assert stretches(nlp, "The governor described the levy as ruinous.") == [
        ("ruinous", "The governor")
    ]
    assert stretches(nlp, "Unions denounced the cuts as cruel.") == [("cruel", "Unions")]


def test_the_terms_of_a_verdict_are_the_judges(nlp: Any) -> None:
    assert stretches(nlp, "Rivals accused the mayor of squandering the surplus.") == [
        ("squandering the surplus", "Rivals")
    ]
    assert stretches(nlp, "Farmers blamed the agency for the disastrous rollout.") == [
        ("the disastrous rollout", "Farmers")
    ]


def test_a_finding_is_the_finders_account(nlp: Any) -> None:
    found = stretches(
        nlp, "A state court struck down the map, ruling that it diluted rural votes unfairly."
    )
    assert found == [("that it diluted rural votes unfairly", "A state court")]
    found = stretches(nlp, "The audit found that clerks had shredded ballots.")
    assert found == [("that clerks had shredded ballots", "The audit")]


def test_the_author_naming_or_nobody_named_is_no_one_else(nlp: Any) -> None:
    # An op-ed's own label, a namer the passive leaves out, and calls that name nothing.
    assert stretches(nlp, "I call this budget a betrayal.") == []
    assert stretches(nlp, "The budget was called a betrayal.") == []
    assert stretches(nlp, "The council called a meeting for Monday.") == []
    assert stretches(nlp, "Residents called for a recount.") == []  # a demand, no label


def test_a_technique_in_a_label_is_shown_as_the_namers(pipeline: Any) -> None:
    from parallax.model import Article

    text = (
        "Several lawmakers on Tuesday called the treasurer a shameless liar over the "
        "missing funds. The treasurer has denied any wrongdoing. An audit is due in May."
    )
    analysis = next(iter(pipeline.pipe([Article(text=text, source="invented", language="en")])))
    labelled = text.index("a shameless liar"), text.index(" over the")
    inside = [
        t
        for s in analysis.sentences
        for t in s.techniques
        if labelled[0] <= t["start"] and t["end"] <= labelled[1]
    ]
    assert inside, [s.techniques for s in analysis.sentences]
    assert {(t["voice"], t["speaker_text"]) for t in inside} == {("quoted", "Several lawmakers")}


def test_a_datelines_city_is_no_namer(nlp: Any) -> None:
    # Invented: the parser makes the dateline's city a second subject of "vetoed".
    found = stretches(
        nlp,
        "SALEM, Ore. (Wire) — Gov. Ada Brook on Monday vetoed the map, calling it a rigged deal.",
    )
    assert [speaker for _, speaker in found] == ["Gov. Ada Brook"]


def test_a_participle_after_a_preposition_is_its_clauses_subjects(nlp: Any) -> None:
    # Invented: the charge is the councillor's, though "accusing" hangs on "after".
    found = stretches(
        nlp, "Councillor Ada Brand walked out of the meeting after accusing the mayor of lying."
    )
    assert found == [("lying", "Councillor Ada Brand")]
    found = stretches(nlp, "The union ended the talks by calling the offer an insult.")
    assert found == [("an insult", "The union")]
