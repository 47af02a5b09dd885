"""Bring stored analyses up to date after an upgrade, without reading the inputs again."""

from __future__ import annotations

from itertools import islice

from parallax.pipeline import Pipeline
from parallax.store import AnyStore
from parallax.usecases.stories import file_stories
from parallax.usecases.storing import Progress, put_analysis


def reanalyze(
    store: AnyStore,
    pipeline: Pipeline,
    *,
    batch_size: int = 16,
    progress: Progress | None = None,
) -> int:
    """Analyse every stored article that has no analysis by this pipeline version.

    The articles (and their raw inputs) stay in the store; only the analyses are
    recomputed, and the new ones become current (:mod:`parallax.usecases.records`).
    Articles that were stored without an analysis are analysed too, and filed under
    stories. Returns the number of articles analysed.
    """
    notify = progress or (lambda event, source: None)
    todo = (a for a in store.iter_articles() if store.get_analysis(a.id, pipeline.version) is None)
    done = 0
    while batch := list(islice(todo, batch_size)):
        for analysis in pipeline.pipe(batch, batch_size):
            with store.transaction():
                put_analysis(store, analysis, pipeline.version)
            done += 1
            notify("input", analysis.article.source)
    file_stories(store)
    return done
