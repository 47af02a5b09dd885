"""The seed editorials: their slogans and demands are calls to action, their dated history
factual claims (the statements issue's done-when checks)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.shared


@pytest.fixture(scope="module")
def seed_analyses(pipeline: Any) -> dict[str, Any]:
    import parallax
    from conftest import shared_path
    from parallax.settings import Settings

    folder = shared_path("seeds")
    paths = sorted(str(p) for p in Path(folder).glob("*.txt"))
    articles = [
        a for a in parallax.read_inputs(paths, Settings()) if isinstance(a, parallax.Article)
    ]
    return {a.article.title: a for a in pipeline.pipe(articles)}


def typed(analyses: dict[str, Any], start: str) -> Any:
    for analysis in analyses.values():
        for sentence in analysis.sentences:
            if sentence.text.startswith(start):
                return sentence
    raise AssertionError(f"no seed sentence starts with {start!r}")


def test_headline_slogan_is_a_call_to_action(seed_analyses: dict[str, Any]) -> None:
    title = seed_analyses["US, NATO out of Eastern Europe!"].layers["title_statement"]
    assert title["type"] == "call_to_action"
    assert title["call_to_action"]["kind"] == "slogan"


@pytest.mark.parametrize(
    "start",
    [
        "We demand the Russian rulers get out of Crimea",
        "We should stand shoulder to shoulder",
        "The only road forward is to mobilize",
    ],
)
def test_demands_are_calls_to_action(seed_analyses: dict[str, Any], start: str) -> None:
    sentence = typed(seed_analyses, start)
    assert sentence.type == "call_to_action"
    assert sentence.extras["call_to_action"]["text"]


@pytest.mark.parametrize(
    "start",
    [
        "Between 1999 and 2004, NATO expanded",
        "In 1949 the North Atlantic Treaty Organization",
        "In 2001, the U.S. government pulled out",
        "When the Soviet Union formally dissolved in 1991",
        "NATO was an agreement among",
        "The Soviet Red Army was mainly responsible",
        "In 1990, President George Bush made a deal",
    ],
)
def test_numeric_history_is_factual(seed_analyses: dict[str, Any], start: str) -> None:
    sentence = typed(seed_analyses, start)
    assert sentence.type == "factual_claim"
    assert sentence.checkworthiness >= 0.5


def test_quoted_speech_is_a_quotation(seed_analyses: dict[str, Any]) -> None:
    assert typed(seed_analyses, "In 1998, under the Clinton administration").type == "quotation"
    assert typed(seed_analyses, "The cold war is over for you").type == "quotation"


def test_rhetorical_imagine_is_not_a_call(seed_analyses: dict[str, Any]) -> None:
    assert typed(seed_analyses, "Imagine if the U.S. government").type != "call_to_action"
