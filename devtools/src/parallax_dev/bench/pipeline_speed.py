"""Pipeline throughput as a ratio to spaCy alone, on the same articles in the same process.

The baseline is the bare spaCy model (``nlp.pipe`` over the texts); the contenders are our
pipeline (``Pipeline.pipe``: spaCy plus every component) and a whole run (read the files,
detect language and duplicates, analyse, store in SQLite). Ratios, not seconds, are what
carry over between machines.
"""

from __future__ import annotations

import json
import tempfile
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from parallax.ingest.raw import RawInput
from parallax.ingest.tabular import read_jsonl
from parallax.model import Analysis, Article
from parallax.settings import Settings

BASIL = ("inputs", "basil-media-bias", "basil_articles.jsonl")


@dataclass(frozen=True)
class Timing:
    """One contender's time over the corpus."""

    name: str
    seconds: float
    words: int

    @property
    def words_per_second(self) -> float:
        """Throughput in words (whitespace tokens) per second."""
        return self.words / self.seconds if self.seconds else 0.0


@dataclass(frozen=True)
class PipelineBench:
    """The baseline and the contenders, timed on the same corpus."""

    articles: int
    words: int
    baseline: Timing
    pipeline: Timing
    full_run: Timing
    components: dict[str, float] = field(default_factory=dict)
    """Seconds each pipeline component spent on its own work during the pipeline pass."""

    def ratio(self, timing: Timing) -> float:
        """Throughput of ``timing`` divided by spaCy's (1.0 = as fast as spaCy alone)."""
        return timing.words_per_second / self.baseline.words_per_second


def load_corpus(shared: Path) -> list[Article]:
    """The 210 BASIL articles (three outlets, 70 stories) as articles."""
    path = shared.joinpath(*BASIL)
    if not path.exists():
        raise FileNotFoundError(f"expected the BASIL corpus at {path}")
    raw = RawInput(source=str(path), name=path.name, path=path)
    return [a for a in read_jsonl(raw, Settings()) if isinstance(a, Article)]


def run(shared: Path, repeat: int = 1) -> PipelineBench:
    """Time spaCy alone, our pipeline, and a whole stored run on the BASIL corpus."""
    from parallax.components.parse import load_spacy
    from parallax.pipeline import load
    from parallax.runner import run as run_corpus
    from parallax.store import open_store

    articles = [a for a in load_corpus(shared)]
    texts = [a.text for a in articles]
    words = sum(len(t.split()) for t in texts) * repeat
    nlp = load_spacy()
    pipeline = load()
    english = [Article(**{**a.__dict__, "language": "en"}) for a in articles]
    list(nlp.pipe(texts[:4]))  # warm-up, untimed

    start = time.perf_counter()
    for _ in range(repeat):
        for _doc in nlp.pipe(texts, batch_size=32):
            pass
    baseline = Timing("spaCy alone (nlp.pipe)", time.perf_counter() - start, words)

    own = _instrument(pipeline.components)
    start = time.perf_counter()
    for _ in range(repeat):
        for _analysis in pipeline.pipe(english, batch_size=32):
            pass
    ours = Timing("parallax pipeline (Pipeline.pipe)", time.perf_counter() - start, words)
    _restore(pipeline.components)

    with tempfile.TemporaryDirectory() as folder:
        corpus = Path(folder) / "corpus.jsonl"
        with corpus.open("w", encoding="utf-8") as handle:
            for article in articles:
                handle.write(
                    json.dumps(
                        {"title": article.title, "text": article.text, "outlet": article.outlet}
                    )
                    + "\n"
                )
        start = time.perf_counter()
        for number in range(repeat):
            store = open_store(Path(folder) / f"run{number}.db")
            run_corpus([corpus], store=store, settings=Settings(batch_size=32), pipeline=pipeline)
            store.close()
        whole = Timing(
            "whole run (read, dedupe, analyse, store)", time.perf_counter() - start, words
        )
    return PipelineBench(len(articles), words // repeat, baseline, ours, whole, own)


def _instrument(components: list[Any]) -> dict[str, float]:
    """Wrap each component's ``pipe`` to add up the time it spends on its own work.

    Each wrapper first pulls the whole batch from upstream (untimed), then times the
    component over that batch. The step the pipeline offloads to its worker thread is
    timed there, so with overlap the steps' seconds add up to more than the wall time.
    """
    spent: dict[str, float] = {c.name: 0.0 for c in components}
    for component in components:
        original = component.pipe

        def timed(
            analyses: Iterable[Analysis], original: Any = original, name: str = component.name
        ) -> Iterator[Analysis]:
            batch = list(analyses)
            started = time.perf_counter()
            done = list(original(batch))
            spent[name] += time.perf_counter() - started
            yield from done

        component.pipe = timed
    return spent


def _restore(components: list[Any]) -> None:
    for component in components:
        if "pipe" in vars(component):
            del component.pipe


def format_markdown(result: PipelineBench) -> str:
    """A table of the timings with their ratios to spaCy alone."""
    lines = [
        f"{result.articles} BASIL articles, {result.words:,} words.",
        "",
        "| What | Words/s | Ratio to spaCy alone |",
        "|---|--:|--:|",
    ]
    for timing in (result.baseline, result.pipeline, result.full_run):
        lines.append(
            f"| {timing.name} | {timing.words_per_second:,.0f} | {result.ratio(timing):.2f} |"
        )
    if result.components:
        total = sum(result.components.values()) or 1.0
        lines += [
            "",
            "| Component | Seconds of its own work | Share of all components' work |",
            "|---|--:|--:|",
        ]
        for name, seconds in result.components.items():
            lines.append(f"| {name} | {seconds:.1f} | {seconds / total:.0%} |")
        lines += [
            "",
            f"The components' seconds add up to {total:.1f} s against the pipeline's "
            f"{result.pipeline.seconds:.1f} s of wall time: steps that release the GIL "
            "(the sentence encoder) run in a worker thread beside the parse of the next batch.",
        ]
    return "\n".join(lines)
