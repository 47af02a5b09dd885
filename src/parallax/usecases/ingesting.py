"""Ingest and analyse inputs into a store, in this process, with a result for every item.

This is ``analyze``, ``ingest``, ``compare FILES``, ``demo`` and the web server's upload
and URL jobs. A corpus too large to keep a result per item goes through ``parallax run``
(:mod:`parallax.engines`), which reads its inputs with the same loop
(:func:`parallax.usecases.inputs.plan_units`) and stores with the same
:class:`~parallax.usecases.storing.Runner`. Either way the analysed articles are filed
under stories before the call returns (:func:`parallax.usecases.stories.file_stories`), so
``parallax stories`` lists every article whichever way it came in.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from parallax.ingest.fetch import Fetcher
from parallax.ingest.sources import iter_raw_inputs
from parallax.model import Failed
from parallax.pipeline import Pipeline
from parallax.settings import Settings
from parallax.store import AnyStore
from parallax.usecases.inputs import Containers, Unchanged, Unit, plan_units
from parallax.usecases.stories import file_stories
from parallax.usecases.storing import Progress, RunItem, Runner, RunResult

BATCHES_PER_CALL = 8
"""How many read batches of a container one pipeline call analyses: enough that the
encoder's overlap with parsing rarely restarts, few enough that memory stays bounded."""


def ingest(
    specs: Iterable[str | Path],
    *,
    store: AnyStore,
    settings: Settings,
    pipeline: Pipeline | None = None,
    fetch: Fetcher | None = None,
    progress: Progress | None = None,
    command: str = "analyze",
    run_id: int | None = None,
) -> RunResult:
    """Read, deduplicate, (optionally) analyse and store every input in ``specs``.

    Args:
        specs: files, directories and URLs.
        store: where articles, analyses and stories go.
        settings: caps and options.
        pipeline: the analysis to run; None stores the articles only (``ingest``).
        fetch: how URLs are fetched (None: URLs fail with a clear message).
        progress: optional callback for progress display.
        command: recorded in the run log.
        run_id: a run record opened earlier with ``store.start_run`` to fill in (the server
            opens it when it accepts a job, so the job has an id before it starts).
    """
    runner = Runner(store, settings, pipeline, progress)
    runner.result.run_id = run_id if run_id is not None else store.start_run(command)
    items = list(iter_raw_inputs(specs, fetch))
    runner.progress(f"total:{len(items)}", "")
    containers = Containers(store, runner.version)

    def done(source: str) -> None:
        runner.progress("input", source)

    batches: list[Unit] = []

    def analyse_batches() -> None:
        # Consecutive batches of one container go through one pipeline call, so the
        # encoder of one batch keeps overlapping the parse of the next.
        ids = runner.store_articles(a for unit in batches for a in unit.articles)
        offset = 0
        for unit in batches:
            count = len(unit.articles)
            containers.settle(unit, True, ids[offset : offset + count])
            offset += count
        batches.clear()

    for planned in plan_units(items, settings, containers, fetch, done):
        if isinstance(planned, Unit) and planned.raw is None:
            if batches and batches[0].source != planned.source:
                analyse_batches()
            batches.append(planned)
            if len(batches) >= BATCHES_PER_CALL:
                analyse_batches()
            continue
        if batches:
            analyse_batches()
        if isinstance(planned, Unchanged):
            runner.unchanged(planned.source, planned.article_ids)
        elif isinstance(planned, Unit):
            if planned.raw is not None:
                runner.run_input(planned.raw, fetch)
        else:
            status = "failed" if isinstance(planned, Failed) else "skipped"
            runner.item(RunItem(planned.source, status, planned.reason))
    if batches:
        analyse_batches()
    if pipeline is not None:
        file_stories(store)
    store.finish_run(runner.result.run_id, runner.result.summary())
    return runner.result
