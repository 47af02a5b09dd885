"""The pipeline core: runs components in order and checks, once, that the order can work.

Like spaCy's ``Language``, a :class:`Pipeline` is called on one article
(``pipeline(article)``) or streamed over many (``pipeline.pipe(articles)``); the CLI, the
REST API, the tests and the Ray runner all go through it, so every path analyses an article
the same way. Each component declares the layers it ``requires`` and the layers it
``assigns``; the pipeline refuses, when it is built, an order in which some component would
read a layer nobody has written yet.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator, Sequence
from itertools import islice
from typing import Protocol, runtime_checkable

from parallax.errors import PipelineError
from parallax.model import Analysis, Article

BASE_LAYERS = frozenset({"article"})
"""Layers every analysis has before any component runs."""


@runtime_checkable
class Component(Protocol):
    """One analysis step.

    Attributes:
        name: unique within a pipeline.
        version: changes whenever the component's output may change, so stored analyses
            made by an older version are recomputed.
        requires: layers this component reads.
        assigns: layers this component writes.
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
        providers = {layer: c.name for c in self.components for layer in c.assigns}
        seen: set[str] = set()
        for component in self.components:
            if component.name in seen:
                raise PipelineError(f"two components are named {component.name!r}; rename one")
            seen.add(component.name)
            missing = [layer for layer in component.requires if layer not in available]
            for layer in missing:
                hint = (
                    f"move {providers[layer]!r} before it"
                    if layer in providers
                    else "add a component that assigns it"
                )
                raise PipelineError(
                    f"component {component.name!r} requires {layer!r}, which no earlier "
                    f"component assigns; {hint}"
                )
            available.update(component.assigns)

    @property
    def layers(self) -> set[str]:
        """Every layer an analysis has after the pipeline ran."""
        return set(BASE_LAYERS).union(*(c.assigns for c in self.components))

    @property
    def version(self) -> str:
        """A short hash of the component names and versions, stored with each analysis."""
        spec = ";".join(f"{c.name}={c.version}" for c in self.components)
        return hashlib.sha256(spec.encode()).hexdigest()[:12]

    def plan(self) -> str:
        """A readable table of the components, what each requires and what it assigns."""
        rows = [("component", "version", "requires", "assigns")]
        rows += [
            (c.name, c.version, ", ".join(c.requires) or "-", ", ".join(c.assigns) or "-")
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
        """Analyse articles in batches, yielding analyses in input order."""
        iterator = iter(articles)
        while batch := list(islice(iterator, batch_size)):
            analyses = [Analysis(article=a) for a in batch]
            runnable = []
            for analysis in analyses:
                reason = self.supports(analysis.article)
                if reason is None:
                    runnable.append(analysis)
                else:
                    analysis.status, analysis.reason = "not_analysed", reason
            stream: Iterable[Analysis] = runnable
            for component in self.components:
                stream = component.pipe(stream)
            for _ in stream:
                pass
            for analysis in analyses:
                analysis.doc = None  # the parse is large and not part of the result
                analysis.vectors = None
                yield analysis


def _mostly_latin(text: str) -> bool:
    letters = [ch for ch in text[:2000] if ch.isalpha()]
    return bool(letters) and sum(ch < "\u0250" for ch in letters) / len(letters) > 0.9
