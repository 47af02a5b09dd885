"""The pipeline core: one object, components that declare requires/assigns, checked order."""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import pytest

import parallax
from parallax.components import load
from parallax.errors import ConfigError, PipelineError
from parallax.model import Analysis, Article
from parallax.pipeline import Pipeline


@dataclass
class Step:
    name: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]
    version: str = "1"

    def pipe(self, analyses: Iterable[Analysis]) -> Iterator[Analysis]:
        for analysis in analyses:
            for layer in self.assigns:
                analysis.layers[layer] = [self.name]
            yield analysis


def test_order_is_checked_when_built() -> None:
    with pytest.raises(PipelineError, match=r"requires .b.*move .second. before it"):
        Pipeline([Step("first", ("article", "b"), ("a",)), Step("second", ("article",), ("b",))])
    with pytest.raises(PipelineError, match="add a component that assigns it"):
        Pipeline([Step("only", ("nothing",), ("a",))])
    with pytest.raises(PipelineError, match="two components are named"):
        Pipeline([Step("x", (), ("a",)), Step("x", (), ("b",))])


def test_plan_and_version() -> None:
    pipeline = Pipeline([Step("one", ("article",), ("a",)), Step("two", ("a",), ("b",))])
    plan = pipeline.plan()
    assert "one" in plan and "two" in plan and "requires" in plan
    assert pipeline.layers == {"article", "a", "b"}
    changed = Pipeline([Step("one", ("article",), ("a",), "2"), Step("two", ("a",), ("b",))])
    assert changed.version != pipeline.version


def test_added_components_run_in_order_without_touching_core() -> None:
    pipeline = Pipeline([Step("one", ("article",), ("a",)), Step("two", ("a",), ("b",))])
    analyses = list(
        pipeline.pipe(
            Article(text=f"text {i} here", source=str(i), language="en") for i in range(5)
        )
    )
    assert [a.layers for a in analyses] == [{"a": ["one"], "b": ["two"]}] * 5


def test_default_pipeline(pipeline: Any) -> None:
    names = [c.name for c in pipeline.components]
    assert names[:4] == ["parse", "sentences", "entities", "embed"]
    analysis = pipeline("NATO was founded in Washington in 1949. Finland joined in 2023.")
    assert [s.text for s in analysis.sentences] == [
        "NATO was founded in Washington in 1949.",
        "Finland joined in 2023.",
    ]
    labels = {(e.text, e.label) for e in analysis.entities}
    assert ("NATO", "ORG") in labels and ("Washington", "GPE") in labels
    assert all(e.sentence_id in {"s1", "s2"} for e in analysis.entities)
    assert analysis.doc is None  # the parse is dropped once the pipeline is done


def test_pipe_keeps_order_and_flags_other_languages(pipeline: Any) -> None:
    articles = [
        Article(
            text=f"Article number {i} is about Finland and NATO.",
            source=str(i),
            language="en" if i % 2 else "de",
        )
        for i in range(7)
    ]
    analyses = list(pipeline.pipe(articles, batch_size=3))
    assert [a.article.source for a in analyses] == [str(i) for i in range(7)]
    for analysis in analyses:
        if analysis.article.language == "de":
            assert analysis.status == "not_analysed" and not analysis.sentences
        else:
            assert analysis.status == "analysed" and analysis.sentences


def test_paragraph_break_ends_a_sentence(pipeline: Any) -> None:
    text = "A headline without a stop\n\nThe body starts here. It goes on."
    analysis = pipeline(Article(text=text, source="x", language="en"))
    assert analysis.sentences[0].text == "A headline without a stop"
    for sentence in analysis.sentences:
        assert text[sentence.start : sentence.end] == sentence.text


def test_unknown_component_name() -> None:
    with pytest.raises(ConfigError, match="no pipeline component is named 'nope'"):
        load(["parse", "nope"])


def test_public_surface_is_curated() -> None:
    for name in parallax.__all__:
        assert getattr(parallax, name) is not None
    assert parallax.load is load
    with pytest.raises(AttributeError):
        _ = parallax.not_a_thing  # type: ignore[attr-defined]


@dataclass
class ThreadedStep(Step):
    """A step the pipeline runs in its worker thread; it records what it saw, and where."""

    releases_gil: bool = True
    fail_on: str | None = None

    def pipe(self, analyses: Iterable[Analysis]) -> Iterator[Analysis]:
        batch = list(analyses)
        for analysis in batch:
            if analysis.article.text == self.fail_on:
                raise RuntimeError(f"cannot read {analysis.article.source}")
            missing = [layer for layer in self.requires if layer not in analysis.layers]
            assert not missing or missing == ["article"], f"ran before its inputs: {missing}"
            analysis.layers[self.assigns[0]] = [threading.current_thread().name]
        yield from batch


def _articles(count: int) -> list[Article]:
    languages = ["en", "en", "fr"]
    return [
        Article(text=f"text {i} here", source=str(i), language=languages[i % 3])
        for i in range(count)
    ]


def test_a_step_that_releases_the_gil_overlaps_batches_and_keeps_results_and_order() -> None:
    steps = [
        Step("one", ("article",), ("a",)),
        ThreadedStep("offloaded", ("a",), ("b",)),
        Step("three", ("b",), ("c",)),
    ]
    overlapped = list(Pipeline(steps).pipe(_articles(11), batch_size=3))
    assert [a.article.source for a in overlapped] == [str(i) for i in range(11)]
    analysed = [a for a in overlapped if a.status == "analysed"]
    assert [a.article.language for a in analysed] == ["en"] * len(analysed)
    assert all(a.layers["a"] == ["one"] and a.layers["c"] == ["three"] for a in analysed)
    assert {a.layers["b"][0].split("_")[0] for a in analysed} == {"parallax-offload"}
    skipped = [a for a in overlapped if a.status != "analysed"]
    assert len(skipped) == 3 and all(not a.layers for a in skipped)
    serial = [Step(s.name, s.requires, s.assigns) for s in steps]
    plain = list(Pipeline(serial).pipe(_articles(11), batch_size=3))
    assert [(a.status, sorted(a.layers)) for a in plain] == [
        (a.status, sorted(a.layers)) for a in overlapped
    ]


def test_an_error_in_the_worker_thread_reaches_the_caller() -> None:
    steps = [
        Step("one", ("article",), ("a",)),
        ThreadedStep("offloaded", ("a",), ("b",), fail_on="text 4 here"),
    ]
    seen: list[str] = []
    with pytest.raises(RuntimeError, match="cannot read 4"):
        for analysis in Pipeline(steps).pipe(_articles(9), batch_size=2):
            seen.append(analysis.article.source)
    assert seen == ["0", "1", "2", "3"]
