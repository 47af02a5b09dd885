"""The pipeline core: runs components in order and checks, once, that the order can work.

Like spaCy's ``Language``, a :class:`Pipeline` is called on one article
(``pipeline(article)``) or streamed over many (``pipeline.pipe(articles)``); the CLI, the
REST API, the tests and the Ray runner all go through it, so every path analyses an article
the same way. Each component declares the layers it ``requires`` and the layers it
``assigns``; the pipeline refuses, when it is built, an order in which some component would
read a layer nobody has written yet. :mod:`parallax.pipeline.audit` checks the declarations
against what each component really reads and writes.

Layers are named: ``article`` (every analysis has it), the :class:`Analysis` attributes
``doc``, ``sentences``, ``entities``, ``vectors`` and ``lead_vector``, the fields components
fill on every sentence (``sentence_types``: type, check-worthiness and extras;
``techniques``), and the keys of ``Analysis.layers`` (``actors``, ``claims`` ...). A
component that adds fields to the records of a layer another one wrote names them
``<layer>.<what>`` (``claims.verdicts``); such a sub-layer needs its layer earlier.

A component may also declare ``reads_if_present``: layers it reads when an earlier component
assigned them and does without otherwise (the claims reader uses the ``times`` layer when the
pipeline has one). The pipeline refuses an order in which such a layer comes too late.

A component may declare ``releases_gil = True`` when nearly all of its time is spent in
native code that lets other Python threads run (the sentence encoder's matrix products). The
pipeline then runs that one step in a worker thread, on batch *n*, while the main thread
parses batch *n + 1* and finishes batch *n - 1* with the remaining components. Every batch
still goes through every component in order, and analyses come out in input order; only the
wall-clock time changes (see "Pipeline throughput" in docs/performance.md).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from itertools import islice
from typing import Protocol, runtime_checkable

from parallax.errors import PipelineError
from parallax.model import Analysis, Article

_InFlight = tuple[list[Analysis], list[Analysis], "Future[None]"]
"""A batch (all analyses, the runnable ones) whose offloaded step is under way."""

BASE_LAYERS = frozenset({"article"})
"""Layers every analysis has before any component runs."""

_LAYER_NAME = re.compile(r"[a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*)?")


@runtime_checkable
class Component(Protocol):
    """One analysis step.

    Attributes:
        name: unique within a pipeline.
        version: changes whenever the component's output may change, so stored analyses
            made by an older version are recomputed.
        requires: layers this component reads (they must come from earlier components).
        assigns: layers this component writes.

    A component may also set ``reads_if_present`` (layers it reads when an earlier
    component assigned them), and ``releases_gil = True`` (see the module docstring) to
    have its step overlapped with its neighbours' work on other batches.
    """

    @property
    def name(self) -> str:
        """Unique within a pipeline."""
        ...

    @property
    def version(self) -> str:
        """Changes whenever the component's output may change."""
        ...

    @property
    def requires(self) -> tuple[str, ...]:
        """Layers this component reads."""
        ...

    @property
    def assigns(self) -> tuple[str, ...]:
        """Layers this component writes."""
        ...

    def pipe(self, analyses: Iterable[Analysis]) -> Iterator[Analysis]:
        """Process a batch of analyses in place and yield them in the same order."""
        ...


class Pipeline:
    """An ordered list of components with a checked plan."""

    def __init__(self, components: Sequence[Component], *, languages: Sequence[str] = ("en",)):
        """Build the pipeline and check that every requirement is met by an earlier step.

        Raises:
            PipelineError: two components share a name, or one requires a layer that no
                earlier component assigns.
        """
        self.components = list(components)
        self.languages = tuple(languages)
        self._check()

    def _check(self) -> None:
        available = set(BASE_LAYERS)
        writers: dict[str, str] = {}
        for component in self.components:
            for layer in component.assigns:
                writers.setdefault(layer, component.name)
        seen: set[str] = set()
        for component in self.components:
            if component.name in seen:
                raise PipelineError(f"two components are named {component.name!r}; rename one")
            seen.add(component.name)
            _check_names(component)
            for layer in component.requires:
                if layer not in available:
                    hint = (
                        f"move {writers[layer]!r} before it"
                        if layer in writers
                        else "add a component that assigns it"
                    )
                    raise PipelineError(
                        f"component {component.name!r} requires {layer!r}, which no earlier "
                        f"component assigns; {hint}"
                    )
            for layer in reads_if_present(component):
                if layer in writers and layer not in available:
                    raise PipelineError(
                        f"component {component.name!r} reads {layer!r} when present, but "
                        f"{writers[layer]!r} assigns it later; move {writers[layer]!r} before it"
                    )
            for layer in component.assigns:
                base = layer.partition(".")[0]
                if base != layer and base not in available:
                    raise PipelineError(
                        f"component {component.name!r} assigns {layer!r}, fields on the "
                        f"{base!r} layer, which no earlier component assigns; put the "
                        f"component that assigns {base!r} before it"
                    )
                if writers[layer] != component.name:
                    raise PipelineError(
                        f"components {writers[layer]!r} and {component.name!r} both assign "
                        f"{layer!r}; a layer has one writer, so rename one of them"
                    )
            available.update(component.assigns)

    @property
    def layers(self) -> set[str]:
        """Every layer an analysis has after the pipeline ran."""
        return set(BASE_LAYERS).union(*(c.assigns for c in self.components))

    @property
    def version(self) -> str:
        """A short hash of the component names and versions, stored with each analysis."""
        return pipeline_version((c.name, c.version) for c in self.components)

    def plan(self) -> str:
        """A readable table of the components, what each requires and what it assigns.

        Layers read only when present are in parentheses.
        """
        rows = [("component", "version", "requires", "assigns")]
        rows += [
            (
                c.name,
                c.version,
                ", ".join([*c.requires, *(f"({layer})" for layer in reads_if_present(c))]) or "-",
                ", ".join(c.assigns) or "-",
            )
            for c in self.components
        ]
        widths = [max(len(row[i]) for row in rows) for i in range(4)]
        return "\n".join(
            "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
            for row in rows
        )

    def supports(self, article: Article) -> str | None:
        """Return why ``article`` cannot be analysed, or None when it can."""
        if article.language in self.languages:
            return None
        if article.language == "und":
            return (
                None
                if _mostly_latin(article.text)
                else (
                    "the language could not be determined and the text is not in Latin script; "
                    "stored, not analysed"
                )
            )
        return (
            f"language {article.language!r} is not supported yet (supported: "
            f"{', '.join(self.languages)}); stored, not analysed"
        )

    def __call__(self, article: Article | str) -> Analysis:
        """Analyse one article (or a bare string, for quick use)."""
        if isinstance(article, str):
            article = Article(text=article, source="<string>", language="en")
        return next(self.pipe([article]))

    def pipe(self, articles: Iterable[Article], batch_size: int = 16) -> Iterator[Analysis]:
        """Analyse articles in batches, yielding analyses in input order.

        When a component releases the GIL (see the module docstring), its work on one batch
        overlaps the other components' work on the neighbouring batches.
        """
        batches = self._batches(articles, batch_size)
        split = self._offloaded_index()
        if split is None:
            for analyses, runnable in batches:
                _run(self.components, runnable)
                yield from _finished(analyses)
            return
        front, middle, back = (
            self.components[:split],
            self.components[split : split + 1],
            self.components[split + 1 :],
        )
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="parallax-offload") as worker:
            pending: _InFlight | None = None
            for analyses, runnable in batches:
                _run(front, runnable)
                submitted = (analyses, runnable, worker.submit(_run, middle, runnable))
                if pending is not None:
                    yield from self._finish(pending, back)
                pending = submitted
            if pending is not None:
                yield from self._finish(pending, back)

    def _batches(
        self, articles: Iterable[Article], batch_size: int
    ) -> Iterator[tuple[list[Analysis], list[Analysis]]]:
        """Each batch's analyses, and those of them the pipeline can analyse."""
        iterator = iter(articles)
        while batch := list(islice(iterator, max(batch_size, 1))):
            analyses = [Analysis(article=a) for a in batch]
            runnable = []
            for analysis in analyses:
                reason = self.supports(analysis.article)
                if reason is None:
                    runnable.append(analysis)
                else:
                    analysis.status, analysis.reason = "not_analysed", reason
            yield analyses, runnable

    def _offloaded_index(self) -> int | None:
        """Position of the first component that releases the GIL, if any."""
        for index, component in enumerate(self.components):
            if getattr(component, "releases_gil", False):
                return index
        return None

    @staticmethod
    def _finish(pending: _InFlight, back: Sequence[Component]) -> Iterator[Analysis]:
        analyses, runnable, offloaded = pending
        offloaded.result()  # re-raises the worker's exception here, in the caller's thread
        _run(back, runnable)
        yield from _finished(analyses)


def pipeline_version(components: Iterable[tuple[str, str]]) -> str:
    """The version of a pipeline of ``(name, version)`` components, in order."""
    spec = ";".join(f"{name}={version}" for name, version in components)
    return hashlib.sha256(spec.encode()).hexdigest()[:12]


def reads_if_present(component: Component) -> tuple[str, ...]:
    """The layers ``component`` reads only when an earlier component assigned them."""
    return tuple(getattr(component, "reads_if_present", ()))


def _check_names(component: Component) -> None:
    declared = {
        "requires": component.requires,
        "assigns": component.assigns,
        "reads_if_present": reads_if_present(component),
    }
    for field, layers in declared.items():
        if isinstance(getattr(component, field, ()), str):
            raise PipelineError(
                f"component {component.name!r} declares {field} as a string; make it a tuple "
                f"of layer names, e.g. ({layers!r},)"
            )
        for layer in layers:
            if not _LAYER_NAME.fullmatch(layer):
                raise PipelineError(
                    f"component {component.name!r} declares the layer {layer!r} in {field}; "
                    "layer names are lowercase words, or <layer>.<what> for fields added to "
                    "another layer's records"
                )


def _run(components: Sequence[Component], analyses: list[Analysis]) -> None:
    """Pull a batch through ``components`` in order (each one processes it in place)."""
    stream: Iterable[Analysis] = analyses
    for component in components:
        stream = component.pipe(stream)
    for _ in stream:
        pass


def _finished(analyses: list[Analysis]) -> Iterator[Analysis]:
    for analysis in analyses:
        analysis.doc = None  # the parse is large and not part of the result
        analysis.tokens = None  # word-piece states: large, read only by span heads
        analysis.layer_states = None  # so are the states the portrayal model reads
        # The sentence and lead vectors stay: the runner stores them for comparisons
        # (1.5 kB each).
        yield analysis


def _mostly_latin(text: str) -> bool:
    letters = [ch for ch in text[:2000] if ch.isalpha()]
    return bool(letters) and sum(ch < "\u0250" for ch in letters) / len(letters) > 0.9
