"""On the seed editorials, the techniques a reader can see in the highlighted words."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from conftest import shared_path


@pytest.fixture(scope="module")
def seed_analyses(pipeline: Any) -> dict[str, Any]:
    from parallax.ingest import read_inputs
    from parallax.settings import Settings

    folder = shared_path("seeds")
    articles = list(read_inputs(sorted(folder.glob("*.txt")), Settings(db_path=Path("unused.db"))))
    return {a.source.rsplit("/", 1)[-1][:3]: pipeline(a) for a in articles}


def highlighted(analysis: Any) -> set[tuple[str, str]]:
    text = analysis.article.text
    return {
        (t["name"], text[t["start"] : t["end"]]) for s in analysis.sentences for t in s.techniques
    }


@pytest.mark.shared
@pytest.mark.parametrize(
    ("seed", "name", "words"),
    [
        ("000", "loaded_language", "predatory"),
        ("000", "loaded_language", "punishing sanctions"),
        ("000", "name_calling", "imperialist government"),
        ("000", "name_calling", "the exploiters"),
        ("000", "repetition", "working people"),
        ("000", "exaggeration", "Everything Washington does"),
        ("000", "doubt", "What the government calls"),
        ("002", "loaded_language", "bled dry"),
        ("002", "name_calling", "the bourgeoisie"),
        ("002", "doubt", "is presented by authorities as if"),
        ("002", "repetition", "working class"),
    ],
)
def test_seed_technique_is_visible_in_its_span(
    seed_analyses: dict[str, Any], seed: str, name: str, words: str
) -> None:
    assert (name, words) in highlighted(seed_analyses[seed])


@pytest.mark.shared
def test_seed_black_and_white_and_hypocrisy(seed_analyses: dict[str, Any]) -> None:
    first = highlighted(seed_analyses["000"])
    assert any(n == "black_and_white" and w.startswith("The only road forward") for n, w in first)
    second = highlighted(seed_analyses["002"])
    assert any(
        n == "appeal_to_hypocrisy" and w.startswith("Imagine if the U.S. government")
        for n, w in second
    )


@pytest.mark.shared
def test_every_seed_span_lies_inside_its_sentence(seed_analyses: dict[str, Any]) -> None:
    for analysis in seed_analyses.values():
        for sentence in analysis.sentences:
            for technique in sentence.techniques:
                assert sentence.start <= technique["start"] < technique["end"] <= sentence.end
                assert technique["source"] in {"rule", "model"}
                assert 0.0 <= technique["score"] <= 1.0
