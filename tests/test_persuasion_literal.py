"""Words of armed attack told literally carry no loaded language (issue 19).

War reports say what weapons did with words BASIL's political reporters used as figures
("pounded", "barrage"); tied to a weapon in the parse, they report, and no flag is shown on
them. Every sentence here is invented.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from parallax.model import Article
from parallax.persuasion.literal import literal_spans
from parallax.spacy_model import load_spacy


def literal_words(sentence: str) -> list[str]:
    return [sentence[a:b] for a, b in literal_spans(load_spacy()(sentence)[:])]


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        (
            "Missiles and drones pounded Dovra overnight, knocking out power to 90,000 homes.",
            ["Missiles", "drones", "pounded", "knocking"],
        ),
        ("Dovra was hit by a barrage of drones overnight.", ["hit", "barrage", "drones"]),
        (
            "Artillery shelled the town, and troops fired rockets at the bridge.",
            ["Artillery", "shelled", "fired", "rockets"],
        ),
        ("Air defences shot down 94 of 120 drones.", ["shot", "drones"]),
        # vehicles and disasters are told what they did as weapons are
        ("A freight train derailed on a bridge near Corvale.", ["train", "derailed"]),
        ("The hurricane slammed into the coast overnight.", ["hurricane", "slammed"]),
    ],
)
def test_words_tied_to_weapons_are_literal(sentence: str, words: list[str]) -> None:
    assert literal_words(sentence) == words


def test_a_figure_of_speech_beside_a_weapon_keeps_its_reading() -> None:
    # The minister's clause has its own subject and no weapon: "barrage" there is a figure.
    found = literal_words(
        "Drones struck the depot as the minister came under a barrage of criticism."
    )
    assert found == ["Drones", "struck"]


def test_a_sentence_without_a_weapon_has_no_literal_words() -> None:
    assert literal_words("The senator pounded the bill in a barrage of criticism.") == []
    assert literal_words("The dispute derailed the talks and slammed the market.") == []
    assert literal_words("Strikes hit the grid and forced blackouts across the region.") == []


def test_the_pipeline_shows_no_loaded_language_on_a_weapons_deeds(pipeline: Any) -> None:
    text = (
        "HARBOURTON (Wire) — Missiles and drones pounded the port of Dovra overnight, "
        "knocking out power to 90,000 homes, the regional governor said on Tuesday. The "
        "city was hit by a barrage of drones a week earlier."
    )
    analysis = pipeline(Article(text=text, source="<test>", language="en", date=date(2026, 2, 17)))
    literal = {"pounded", "knocking", "barrage", "drones", "Missiles", "hit"}
    shown = [
        text[t["start"] : t["end"]]
        for s in analysis.sentences
        for t in s.techniques
        if t["name"] == "loaded_language"
    ]
    assert not literal & {w for span in shown for w in span.split()}, shown
