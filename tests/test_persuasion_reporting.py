"""Speech verbs that report what someone said carry no loaded language (issue 19).

"The union threatened to walk away" tells what the union did; the judgement, if any, is in
what it said. Every sentence here is invented.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from parallax.model import Article
from parallax.persuasion.reporting import plain_spans, reporting_spans
from parallax.spacy_model import load_spacy


def reporting_words(sentence: str) -> list[str]:
    return [sentence[a:b] for a, b in reporting_spans(load_spacy()(sentence)[:])]


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        (
            "The union representing 9,000 Harbourton dockworkers threatened on Friday to walk "
            "away from contract talks, saying the latest offer was unacceptable.",
            ["threatened", "saying"],
        ),
        ("Mayor Ilse Varga vowed to appeal the ruling on shelter funds.", ["vowed"]),
        ("The central bank warned that growth in Norland would slow next year.", ["warned"]),
        ("Senator Dale Orrin said the bill was a disaster for farmers.", ["said"]),
    ],
)
def test_a_speech_verb_with_what_was_said_reports(sentence: str, words: list[str]) -> None:
    assert reporting_words(sentence) == words


@pytest.mark.parametrize(
    "sentence",
    [
        # No clause or infinitive tells what was said: the verb is the writer's telling.
        "The senator threatened the reporter outside the chamber.",
        # Vivid verbs of criticism are not speech verbs.
        "Senator Dale Orrin blasted the plan as a giveaway to insurers.",
        "The minister slammed the court's decision.",
    ],
)
def test_other_verbs_keep_their_reading(sentence: str) -> None:
    assert reporting_words(sentence) == []


def test_plain_spans_join_attack_told_literally() -> None:
    sentence = "Drones struck the depot, and the governor vowed to rebuild it."
    found = [sentence[a:b] for a, b in plain_spans(load_spacy()(sentence)[:])]
    assert found == ["Drones", "struck", "vowed"]


def test_the_pipeline_shows_no_loaded_language_on_a_reporting_verb(pipeline: Any) -> None:
    text = (
        "PORT ALDER (Wire) — The union representing 9,000 Harbourton dockworkers "
        "threatened on Friday to walk away from contract talks with port operators, saying "
        "the employers' latest offer on automation was unacceptable. The operators said "
        "they remained committed to a deal. The current contract expires on December 31."
    )
    analysis = pipeline(Article(text=text, source="<test>", language="en", date=date(2026, 2, 17)))
    shown = [
        text[t["start"] : t["end"]]
        for s in analysis.sentences
        for t in s.techniques
        if t["name"] == "loaded_language"
    ]
    assert not any("threatened" in span for span in shown), shown


def test_names_of_people_and_places_are_told_plainly() -> None:
    from parallax.persuasion.reporting import name_spans

    sentence = "A missile struck the port of Odesa, regional governor Oleh Kiper said."
    found = [sentence[a:b] for a, b in name_spans(load_spacy()(sentence)[:])]
    assert "Oleh" in found and "Kiper" in found and "Odesa" in found, found
    assert "missile" not in found and "governor" not in found, found


def test_a_name_before_a_noun_for_an_area_is_a_places_name() -> None:
    from parallax.persuasion.reporting import name_spans

    # The tagger types the unfamiliar region's name as a people, not a place.
    sentence = "Drones hit a fuel depot in Russia's Belgorod region, the governor said."
    found = [sentence[a:b] for a, b in name_spans(load_spacy()(sentence)[:])]
    assert "Belgorod" in found, found
    assert "depot" not in found and "fuel" not in found, found


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        (
            "A jury on Monday convicted Ada Brill, a former harbour clerk, of embezzling "
            "$400,000 from the port fund.",
            ["embezzling"],
        ),
        ("Police charged the driver with reckless homicide.", ["homicide"]),
        ("He was found guilty on nine counts of wire fraud.", ["fraud", "wire"]),
        ("She pleaded guilty to bribery.", ["bribery"]),
        # not a verdict: "found" with no verdict keeps every word's reading
        ("The audit found support for the plan.", []),
    ],
)
def test_the_offence_a_legal_process_names_is_told_plainly(sentence: str, words: list[str]) -> None:
    from parallax.persuasion.reporting import charge_spans

    assert [sentence[a:b] for a, b in charge_spans(load_spacy()(sentence)[:])] == words
