"""Whose voice a technique is in, and the loaded-language head's spans."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import numpy as np

from parallax.encoder import TokenStates
from parallax.persuasion.loaded import LoadedLanguageHead
from parallax.persuasion.voices import attribute, summarise


def technique(start: int, end: int, name: str = "loaded_language") -> dict[str, object]:
    return {"name": name, "start": start, "end": end, "source": "model", "score": 0.4}


QUOTES = [{"start": 20, "end": 40, "speaker": "a1", "speaker_text": "the senator"}]


def test_a_technique_inside_a_quotation_is_the_speakers() -> None:
    found = attribute(technique(25, 30), QUOTES)
    assert (found["voice"], found["speaker"], found["speaker_text"]) == (
        "quoted",
        "a1",
        "the senator",
    )


def test_a_span_with_the_quote_marks_counts_as_inside() -> None:
    assert attribute(technique(19, 41), QUOTES)["voice"] == "quoted"


def test_a_technique_outside_quotations_is_the_articles() -> None:
    found = attribute(technique(5, 12), QUOTES)
    assert (found["voice"], found["speaker"]) == ("own", None)


def test_a_span_reaching_out_of_the_quotation_is_the_articles() -> None:
    assert attribute(technique(15, 30), QUOTES)["voice"] == "own"


def test_summary_keeps_the_article_and_each_speaker_apart() -> None:
    sentences = [
        SimpleNamespace(
            techniques=[
                attribute(technique(5, 12), QUOTES),
                attribute(technique(25, 30), QUOTES),
                attribute(technique(31, 35, "doubt"), QUOTES),
            ]
        )
    ]
    assert summarise(sentences) == {
        "own": {"loaded_language": 1},
        "quoted": [
            {
                "speaker": "a1",
                "speaker_text": "the senator",
                "techniques": {"loaded_language": 1, "doubt": 1},
            }
        ],
    }


def _head() -> LoadedLanguageHead:
    # A one-feature head: the piece's first state dimension is its logit.
    weights = np.zeros(384, dtype=np.float32)
    weights[0] = 1.0
    return LoadedLanguageHead(weights, 0.0, threshold=0.8, extend=0.6)


def _tokens(text: str, pieces: list[tuple[int, int, float]]) -> TokenStates:
    states = np.zeros((len(pieces), 384), dtype=np.float32)
    states[:, 0] = [logit for _, _, logit in pieces]
    return TokenStates(states, np.array([(a, b) for a, b, _ in pieces], dtype=np.int32))


def test_head_span_covers_whole_words_and_loaded_neighbours() -> None:
    text = "It was a stinging blow to the mayor."
    # "sting" "##ing" "blow": the first piece is loaded, its neighbours nearly so.
    tokens = _tokens(
        text, [(0, 2, -5.0), (3, 6, -5.0), (7, 8, -5.0), (9, 14, 3.0), (14, 17, 1.0), (18, 22, 1.0)]
    )
    spans = _head().spans(text, tokens)
    assert [(text[a:b], round(s, 2)) for a, b, s in spans] == [("stinging blow", 0.95)]


def test_head_shows_nothing_below_its_threshold() -> None:
    text = "The council met on Tuesday."
    tokens = _tokens(text, [(0, 3, 0.5), (4, 11, 1.0), (12, 15, -2.0)])
    assert _head().spans(text, tokens) == []
    assert round(_head().sentence_score(tokens), 2) == 0.73


def test_reports_list_the_articles_own_techniques_apart_from_quoted_ones() -> None:
    from parallax.report.persuasion_view import quoted_techniques, used_techniques

    old = technique(1, 4)  # stored before techniques had a voice: the article's own
    article: Any = {
        "sentences": [
            {"techniques": [old, attribute(technique(25, 30), QUOTES)]},
            {"techniques": [attribute(technique(5, 9, "doubt"), QUOTES)]},
        ]
    }
    assert used_techniques(article) == [
        ("doubt", "Doubt", 1),
        ("loaded_language", "Loaded language", 1),
    ]
    assert quoted_techniques(article) == [
        ("the senator", [("loaded_language", "Loaded language", 1)])
    ]
