"""The loaded-language head shows nothing in a sentence that names no one (issue 19).

A vivid verb about weather, prices or a place ("a cold snap strained the grid") measures an
event; loaded language judges a party, so with no party named there is nothing to judge.
"""

from __future__ import annotations

import numpy as np
import pytest

from parallax.encoder import TokenStates
from parallax.persuasion.loaded import SENTENCE_FEATURES, LoadedLanguageHead
from parallax.persuasion.model import TechniquesModel
from parallax.persuasion.shown import shown_spans


class Line:
    def __init__(self, text: str, start: int = 0) -> None:
        self.text, self.start, self.end = text, start, start + len(text)


def _head() -> LoadedLanguageHead:
    # One feature: a piece's first state dimension is its logit; the sentence's is its highest.
    weights = np.zeros(768, dtype=np.float32)
    weights[0] = 1.0
    sentence_weights = np.zeros(len(SENTENCE_FEATURES), dtype=np.float32)
    sentence_weights[SENTENCE_FEATURES.index("highest")] = 1.0
    return LoadedLanguageHead(
        weights,
        0.0,
        sentence_weights,
        0.0,
        unknown_position=np.zeros(3, dtype=np.float32),
        threshold=0.8,
        extend=0.6,
    )


def _shown(text: str, named: list[bool] | None) -> list[str]:
    # "A cold snap strained the grid.": "strained" (12-20) is the loaded piece.
    states = np.zeros((3, 384), dtype=np.float32)
    states[:, 0] = [-5.0, 3.0, -5.0]
    tokens = TokenStates(states, np.array([(2, 6), (12, 20), (25, 29)], dtype=np.int32))
    model = TechniquesModel(
        labels=["doubt"],
        weights=np.zeros((1, 1), dtype=np.float32),
        bias=np.zeros(1, dtype=np.float32),
        thresholds=np.array([0.5], dtype=np.float32),
        meta={},
    )
    line = Line(text)
    spans = shown_spans(
        [line], [], np.array([[0.0]]), model, _head(), [tokens], [None], named=named
    )
    return [text[s.start : s.end] for s in spans[0]]


def test_a_sentence_naming_no_one_shows_no_loaded_language() -> None:
    text = "A cold snap strained the grid."
    assert _shown(text, [True]) == ["strained"]
    assert _shown(text, None) == ["strained"]
    assert _shown(text, [False]) == []


def test_a_datelines_city_is_not_the_ledes_someone() -> None:
    # Invented wire lede: the parser takes the dateline's city for the subject, a country
    # acting; the component reads the sentence from the word after the dateline.
    from parallax.components.techniques import sentence_names_someone
    from parallax.datelines import dateline_length
    from parallax.spacy_model import load_spacy

    text = "NEW ORLEANS (Wire) — The storm slammed into the coast overnight, tearing roofs off."
    doc = load_spacy()(text)
    assert not sentence_names_someone(doc, dateline_length(text), len(text))
    assert sentence_names_someone(None, 0, len(text))


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # Invented: the source a report is attributed to is not what its words judge.
        ("Lake ice shrank to a record low this winter, the Polar Data Office said.", False),
        ("Officials said the storm slammed into the coast overnight.", False),
        ("Rainfall plunged to half the usual amount, according to the weather service.", False),
        # What is reported names someone: the flag keeps a party to judge.
        ("Officials said the senator gutted the library budget.", True),
        ("The mayor's plan is a disaster for tenants, the council said.", True),
    ],
)
def test_the_source_of_a_report_is_no_one_it_judges(text: str, names: bool) -> None:
    from parallax.components.techniques import sentence_names_someone
    from parallax.spacy_model import load_spacy

    assert sentence_names_someone(load_spacy()(text), 0, len(text)) is names, text
