"""Cues shown only in their technique's sentence form (:mod:`parallax.persuasion.forms`)."""

from __future__ import annotations

import numpy as np
import pytest

from parallax.persuasion import rules
from parallax.persuasion.model import TechniquesModel
from parallax.persuasion.shown import shown_spans


class Line:
    def __init__(self, text: str, start: int = 0) -> None:
        self.text, self.start, self.end = text, start, start + len(text)


def found(text: str) -> set[tuple[str, str]]:
    return {(s.name, text[s.start : s.end]) for s in rules.detect([Line(text)])}


def shown_with_head_firing(text: str, technique: str, start: int = 0) -> set[tuple[str, str]]:
    """What :func:`shown_spans` shows when ``technique``'s sentence head fires on ``text``."""
    model = TechniquesModel(
        labels=[technique],
        weights=np.zeros((1, 1), dtype=np.float32),
        bias=np.zeros(1, dtype=np.float32),
        thresholds=np.array([0.5], dtype=np.float32),
        meta={},
    )
    line = Line(text, start)
    spans = shown_spans([line], rules.detect([line]), np.array([[0.9]]), model, None, None)
    return {(s.name, text[s.start - start : s.end - start]) for s in spans[0]}


@pytest.mark.parametrize(
    "text",
    [
        "The exhibit includes train schedules that Nazi officials used for the transports.",
        "The memorial marks 80 years since the end of the Nazi occupation of the city.",
        "Police arrested three members of a neo-Nazi group on weapons charges.",
    ],
)
def test_naming_the_nazis_in_history_is_no_reductio(text: str) -> None:
    # Invented wire copy: the cue word is there and the meme-trained head fires on it, but
    # nobody is set beside the Nazis.
    assert ("reductio_ad_hitlerum", "Nazi") in found(text)
    assert shown_with_head_firing(text, "reductio_ad_hitlerum") == set()


@pytest.mark.parametrize(
    "text",
    [
        "Their new border rules are like something out of Nazi Germany.",
        "He likened the ministry's raids to Gestapo tactics.",
        "That is exactly what the Nazis did with the newspapers.",
    ],
)
def test_setting_someone_beside_the_nazis_is_reductio(text: str) -> None:
    shown = shown_with_head_firing(text, "reductio_ad_hitlerum", start=40)
    assert {name for name, _ in shown} == {"reductio_ad_hitlerum"}


@pytest.mark.parametrize(
    "text",
    [
        "Residents can either evacuate or shelter in designated buildings.",
        "Candidates must either pay a filing fee or collect 500 signatures.",
    ],
)
def test_options_open_to_someone_are_no_false_dilemma(text: str) -> None:
    # Invented wire copy: the cue is there, but the report sets out a choice, it does not
    # put one to its readers.
    assert any(name == "black_and_white" for name, _ in found(text))
    assert shown_with_head_firing(text, "black_and_white") == set()


@pytest.mark.parametrize(
    ("text", "span"),
    [
        (
            "Either we fund the schools now, or our children pay for it later.",
            "Either we fund the schools now, or our children pay for it later",
        ),
        ("There is no alternative to the plan.", "There is no alternative"),
    ],
)
def test_a_dilemma_put_to_the_audience_is_shown(text: str, span: str) -> None:
    assert shown_with_head_firing(text, "black_and_white", start=12) == {("black_and_white", span)}


@pytest.mark.parametrize(
    "text",
    [
        "Supporters wearing Make America Great Again hats lined the road to the arena.",
        "Demonstrators held banners reading Down with the war outside the embassy.",
    ],
)
def test_a_slogan_named_in_a_report_is_not_chanted(text: str) -> None:
    # Invented wire copy: the slogan's words are there, as the name of a hat or a banner.
    assert any(name == "slogans" for name, _ in found(text))
    assert shown_with_head_firing(text, "slogans") == set()


@pytest.mark.parametrize(
    "text",
    ["Hands off our libraries", "Down with the war.", "Our answer: hands off our pensions!"],
)
def test_a_slogan_standing_alone_or_exclaimed_is_shown(text: str) -> None:
    assert {name for name, _ in shown_with_head_firing(text, "slogans", start=7)} == {"slogans"}


def test_a_whataboutism_form_is_shown_once_whether_or_not_its_head_fires() -> None:
    # Invented: the question is shown by its form; a firing head adds no second span.
    text = "But what about the senators who skipped the vote?"
    expected = {("whataboutism", text)}
    assert shown_with_head_firing(text, "whataboutism") == expected
    assert shown_with_head_firing(text, "doubt") == expected
