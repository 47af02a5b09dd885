"""Whose voice a technique is in, and the loaded-language head's spans."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

import numpy as np
import pytest

from parallax.encoder import TokenStates
from parallax.errors import ConfigError
from parallax.persuasion.loaded import SENTENCE_FEATURES, LoadedLanguageHead, Position
from parallax.persuasion.voices import attribute, carried_by_other_voice, summarise
from parallax.record import TechniqueRecord


def technique(start: int, end: int, name: str = "loaded_language") -> TechniqueRecord:
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


def _head(lede_weight: float = 0.0) -> LoadedLanguageHead:
    # A one-feature head: the piece's first state dimension is its logit, and the sentence's
    # logit is its highest piece's (plus ``lede_weight`` for an article's first sentence).
    weights = np.zeros(768, dtype=np.float32)
    weights[0] = 1.0
    sentence_weights = np.zeros(len(SENTENCE_FEATURES), dtype=np.float32)
    sentence_weights[SENTENCE_FEATURES.index("highest")] = 1.0
    sentence_weights[SENTENCE_FEATURES.index("lede")] = lede_weight
    return LoadedLanguageHead(
        weights,
        0.0,
        sentence_weights,
        0.0,
        unknown_position=np.zeros(3, dtype=np.float32),
        threshold=0.8,
        extend=0.6,
    )


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


def test_head_shows_separate_loaded_words_as_separate_spans() -> None:
    text = "A bogus claim and a phony one."
    tokens = _tokens(
        text, [(0, 1, -3.0), (2, 7, 2.5), (8, 13, -3.0), (14, 17, -3.0), (18, 19, -3.0),
               (20, 25, 0.9), (26, 29, -3.0)]
    )  # fmt: skip
    assert [text[a:b] for a, b, _ in _head().spans(text, tokens)] == ["bogus", "phony"]


def test_logits_computed_once_for_an_article_score_each_sentence_as_on_its_own() -> None:
    first = _tokens("A bogus claim.", [(0, 1, -3.0), (2, 7, 2.5), (8, 13, -3.0)])
    second = _tokens("The council met.", [(0, 3, 0.5), (4, 11, 1.0), (12, 15, -2.0)])
    head = _head()
    logits = head.article_piece_logits([first, second])
    for tokens, own in zip([first, second], logits, strict=True):
        assert head.sentence_score(tokens, logits=own) == head.sentence_score(tokens)
    assert head.spans("A bogus claim.", first, logits=logits[0]) == head.spans(
        "A bogus claim.", first
    )


def test_the_same_words_weigh_more_in_a_lede_when_the_head_learnt_so() -> None:
    text = "The council met on Tuesday."
    tokens = _tokens(text, [(0, 3, 0.5), (4, 11, 1.0), (12, 15, -2.0)])
    head = _head(lede_weight=1.0)
    assert head.spans(text, tokens, Position(3, 20)) == []
    assert [text[a:b] for a, b, _ in head.spans(text, tokens, Position(0, 20))] == ["council"]


def test_a_lede_lifted_by_its_position_alone_shows_nothing() -> None:
    # The lede weight takes the sentence over the threshold, but no word comes near the
    # piece unit's own bar (0.6, less LEDE_MARGIN): a reader could not see what is loaded.
    text = "The council met on Tuesday."
    weak = _tokens(text, [(0, 3, -0.5), (4, 11, -0.4), (12, 15, -2.0)])
    head = _head(lede_weight=2.5)
    assert head.sentence_score(weak, Position(0, 20)) >= head.threshold
    assert head.spans(text, weak, Position(0, 20)) == []
    marked = _tokens(text, [(0, 3, 0.5), (4, 11, 0.7), (12, 15, -2.0)])
    assert [text[a:b] for a, b, _ in head.spans(text, marked, Position(0, 20))] == ["council"]


def test_a_function_word_or_a_comma_is_never_the_loaded_word() -> None:
    # Invented: the piece unit scores "the" and the comma highest; no reader sees a charge.
    text = "Officials said the talks, held in Oslo, ended."
    tokens = _tokens(
        text, [(0, 9, -1.0), (10, 14, -2.0), (15, 18, 3.0), (19, 24, -1.0), (24, 25, 3.0),
               (26, 30, -1.0), (31, 33, -2.0), (34, 38, -1.0), (40, 45, -1.0)]
    )  # fmt: skip
    assert _head().spans(text, tokens) == []
    # A content word that carries the charge is still shown beside them.
    loud = _tokens(text, [(15, 18, 3.0), (19, 24, 2.0)])
    assert [text[a:b] for a, b, _ in _head().spans(text, loud)] == ["talks"]


def test_the_head_round_trips_through_its_files(tmp_path: Path) -> None:
    head = _head(lede_weight=0.5)
    head.save(tmp_path)
    again = LoadedLanguageHead.load(tmp_path)
    text = "It was a stinging blow to the mayor."
    tokens = _tokens(text, [(0, 2, -5.0), (3, 6, 2.0), (9, 14, 3.0)])
    assert again.spans(text, tokens, Position(0, 4)) == head.spans(text, tokens, Position(0, 4))


def test_a_head_saved_by_an_older_version_says_how_to_regenerate_it(tmp_path: Path) -> None:
    np.savez(tmp_path / "loaded_language.npz", weights=np.zeros(384), bias=0.0)
    (tmp_path / "loaded_language.json").write_text('{"threshold": 0.1, "extend": 0.05}')
    with pytest.raises(ConfigError, match="parallax-dev train techniques"):
        LoadedLanguageHead.load(tmp_path)


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


def test_a_head_with_a_hidden_layer_round_trips_and_reads_it(tmp_path: Path) -> None:
    # Hidden unit 0 passes the first state dimension on; unit 1 is dead. The output
    # weight doubles unit 0, so a piece's logit is about twice its first dimension.
    head = _head()
    hidden = np.zeros((768, 2), dtype=np.float32)
    hidden[0, 0] = 1.0
    head.hidden_weights, head.hidden_bias = hidden, np.zeros(2, dtype=np.float32)
    head.weights = np.array([2.0, 5.0], dtype=np.float32)
    tokens = _tokens("Hot air.", [(0, 3, 3.0), (4, 7, -3.0)])
    head.save(tmp_path)
    logits = LoadedLanguageHead.load(tmp_path).piece_logits(tokens)
    assert logits[0] == pytest.approx(6.0, abs=0.01)  # GELU(3) is about 3
    assert logits[1] == pytest.approx(0.0, abs=0.02)  # GELU(-3) is about 0


def test_article_piece_logits_match_each_sentences_own() -> None:
    """One product over an article's pieces gives what each sentence's own product gives."""
    rng = np.random.default_rng(7)
    head = LoadedLanguageHead(
        weights=rng.normal(size=16).astype(np.float32),
        bias=0.1,
        sentence_weights=np.zeros(len(SENTENCE_FEATURES), dtype=np.float32),
        sentence_bias=0.0,
        unknown_position=np.zeros(3, dtype=np.float32),
        threshold=0.5,
        extend=1.0,
        hidden_weights=rng.normal(size=(768, 16)).astype(np.float32),
        hidden_bias=rng.normal(size=16).astype(np.float32),
    )
    sentences = [
        TokenStates(rng.normal(size=(n, 384)).astype(np.float32), np.zeros((n, 2), np.int32))
        for n in (5, 0, 9)
    ]
    batched = head.article_piece_logits(sentences)
    assert [len(b) for b in batched] == [5, 0, 9]
    for one, tokens in zip(batched, sentences, strict=True):
        assert np.allclose(one, head.piece_logits(tokens), atol=1e-5)


def test_the_best_word_is_the_whole_word_that_lifts_the_sentence() -> None:
    # Invented: "sting" "##ing" is the most loaded piece; "the" scores higher but is no word
    # a reader sees as a charge.
    text = "It was a stinging blow to the mayor."
    tokens = _tokens(text, [(0, 2, -5.0), (9, 14, 2.0), (14, 17, 1.0), (26, 29, 4.0)])
    assert _head().best_word(text, tokens) == (9, 17)
    assert _head().best_word("", _tokens("", [])) is None


def test_own_loaded_words_that_a_quoted_charge_carried_are_not_the_articles() -> None:
    # Invented: "Senator Ruiz stalled the vote after accusing the chair of gutting the
    # fund." The charge ("gutting") lifts the sentence; "stalled" only rode on it.
    own = {**technique(13, 20), "voice": "own", "speaker": None, "speaker_text": None}
    charge = {**technique(60, 67), "voice": "quoted", "speaker": "a1", "speaker_text": "Ruiz"}
    cue = {**technique(0, 5, "doubt"), "voice": "own", "speaker": None, "speaker_text": None}
    assert carried_by_other_voice([own, charge, cue], (60, 67)) == [charge, cue]
    # When the most loaded word is the article's own, everything stays.
    assert carried_by_other_voice([own, charge, cue], (13, 20)) == [own, charge, cue]
    assert carried_by_other_voice([own, charge], None) == [own, charge]
