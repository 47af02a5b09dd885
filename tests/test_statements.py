"""Sentence types, calls to action, lexical features and the trained heads' file format."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from parallax.statements.calls_to_action import find_call_to_action
from parallax.statements.features import FEATURE_NAMES, lexical_features
from parallax.statements.heads import Head, bundled_head, read_head
from parallax.statements.sentence_types import SENTENCE_TYPES, is_question


@pytest.fixture(scope="module")
def nlp() -> Any:
    from parallax.components.parse import load_spacy

    return load_spacy()


def first_sentence(nlp: Any, text: str) -> Any:
    return nlp(text)[:]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Troops out of the Baltic now!", "slogan"),
        ("Hands off the public libraries!", "slogan"),
        ("Down with the new curfew!", "slogan"),
        ("Close the detention camp and release the prisoners.", "imperative"),
        ("Don't let them silence the striking bakers.", "imperative"),
        ("Let us march together on the first of May.", "imperative"),
        ("We demand that the port authority rehire the sacked crane drivers.", "demand"),
        ("We call on every tenant to withhold the increase.", "demand"),
        ("The regional government must scrap the toll.", "deontic"),
        ("We should refuse the wage freeze.", "deontic"),
        ("Teachers need to organise before the summer.", "deontic"),
        ("The only way out is to cancel the contract.", "way_forward"),
    ],
)
def test_calls_to_action(nlp: Any, text: str, kind: str) -> None:
    match = find_call_to_action(first_sentence(nlp, text))
    assert match is not None, text
    assert match.kind == kind
    assert match.text == text[match.start : match.end]
    assert match.text


@pytest.mark.parametrize(
    "text",
    [
        "The union called on its members to strike in 2019.",
        "The minister demanded an apology from the editor.",
        "Imagine if the bridge had collapsed during rush hour.",
        "Why must the tenants pay for the repairs?",
        "The inspectors must have missed the crack.",
        "He should have resigned after the vote.",
        "Grain exports fell by a third between 2020 and 2022.",
        "The spokesman said the factory must close.",
        "What a mess the new timetable is!",
    ],
)
def test_not_calls_to_action(nlp: Any, text: str) -> None:
    assert find_call_to_action(first_sentence(nlp, text)) is None


@settings(max_examples=80, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "We",
                "must",
                "stop",
                "the",
                "war",
                "now",
                "!",
                "Hands",
                "off",
                "NATO",
                "out",
                "of",
                "Europe",
                ".",
                "\n\n",
                "Let",
                "us",
                "demand",
                "that",
                "they",
                "leave",
                "?",
                ",",
            ]
        ),
        min_size=1,
        max_size=25,
    )
)
def test_matches_stay_inside_any_sentence_piece(words: list[str]) -> None:
    """Spans cut at paragraph breaks (as the sentences component cuts them) never overflow."""
    from parallax.components.parse import load_spacy

    text = " ".join(words)
    doc = load_spacy()(text)
    for sent in doc.sents:
        for piece_start, piece in _pieces(text, sent.start_char, sent.end_char):
            span = doc.char_span(piece_start, piece_start + len(piece), alignment_mode="expand")
            if span is None:
                continue
            match = find_call_to_action(span)
            if match is not None:
                assert 0 <= match.start <= match.end <= len(span.text)
                assert match.text == span.text[match.start : match.end]


def _pieces(text: str, start: int, end: int) -> list[tuple[int, str]]:
    pieces = []
    for piece in text[start:end].split("\n\n"):
        stripped = piece.strip()
        if stripped:
            pieces.append((start + piece.find(stripped), stripped))
        start += len(piece) + 2
    return pieces


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Who signed the treaty?", True),
        ("Did the council know about the leak?", True),
        ("The council knew about the leak.", False),
        ("Why the council kept quiet remains unclear.", False),
    ],
)
def test_questions(nlp: Any, text: str, expected: bool) -> None:
    assert is_question(first_sentence(nlp, text)) is expected


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(max_size=200), max_size=5))
def test_lexical_features_are_bounded(texts: list[str]) -> None:
    rows = lexical_features(texts)
    assert rows.shape == (len(texts), len(FEATURE_NAMES))
    assert np.all(rows >= 0.0) and np.all(rows <= 1.0)


def test_lexical_features_see_numbers_and_pronouns() -> None:
    numeric, personal = lexical_features(
        ["In 2004 the budget grew by 12 percent to $3 billion.", "I think we should go."]
    )
    names = list(FEATURE_NAMES)
    assert numeric[names.index("year")] > 0 and numeric[names.index("percent")] > 0
    assert personal[names.index("year")] == 0 and personal[names.index("first_plural")] > 0


def test_head_round_trip(tmp_path: Path) -> None:
    rng = np.random.default_rng(0)
    head = Head(
        name="toy",
        mean=rng.normal(size=4).astype(np.float32),
        scale=np.ones(4, np.float32),
        weights=(
            rng.normal(size=(4, 3)).astype(np.float32),
            rng.normal(size=(3, 1)).astype(np.float32),
        ),
        biases=(np.zeros(3, np.float32), np.zeros(1, np.float32)),
        threshold=0.4,
        metadata={"digest": "abc"},
    )
    head.save(tmp_path)
    again = read_head(tmp_path, "toy")
    rows = rng.normal(size=(5, 4)).astype(np.float32)
    assert np.allclose(head.probabilities(rows), again.probabilities(rows))
    assert again.threshold == 0.4 and again.metadata["digest"] == "abc"


def test_missing_head_says_how_to_regenerate(tmp_path: Path) -> None:
    from parallax.errors import ConfigError

    with pytest.raises(ConfigError, match="parallax-dev train statements"):
        read_head(tmp_path, "absent")


@pytest.mark.parametrize("name", ["checkworthiness", "subjectivity"])
def test_bundled_heads_load(name: str) -> None:
    head = bundled_head(name)
    assert head.weights[0].shape[0] == 384 + len(FEATURE_NAMES)
    assert 0.0 < head.threshold < 1.0


ARTICLE = (
    "Harbour workers walk out\n\n"
    "The port handled 40 million tonnes of cargo in 2023, a record. "
    "Management is greedy and the new rota is a disgrace. "
    "Who will pay for the lost shifts? "
    "“We will not go back until the rota is withdrawn,” the convenor told reporters. "
    "We call on every dock worker to join the picket on Monday. "
    "Hands off our pensions!"
)


def test_pipeline_types_every_sentence(pipeline: Any) -> None:
    import parallax

    analysis = pipeline(
        parallax.Article(
            text=ARTICLE, source="<test>", language="en", title="Hands off the harbour!"
        )
    )
    types = {s.text: s.type for s in analysis.sentences}
    assert all(t in SENTENCE_TYPES for t in types.values())
    by_start = {text.split()[0]: kind for text, kind in types.items()}
    assert by_start["The"] == "factual_claim"
    assert by_start["Management"] == "opinion"
    assert by_start["Who"] == "question"
    assert by_start["“We"] == "quotation"
    assert by_start["We"] == "call_to_action"
    assert by_start["Hands"] == "call_to_action"
    for sentence in analysis.sentences:
        assert 0.0 <= sentence.checkworthiness <= 1.0
        assert 0.0 <= sentence.extras["subjectivity"] <= 1.0
    call = next(s for s in analysis.sentences if s.type == "call_to_action")
    span = call.extras["call_to_action"]
    assert ARTICLE[span["start"] : span["end"]] == span["text"]
    assert analysis.layers["title_statement"]["type"] == "call_to_action"
