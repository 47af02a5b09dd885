"""Corpus runs in bounded memory: inputs cut into units of work, results folded into counts.

``parallax analyze`` keeps every item to print a report; a corpus of millions cannot. A
corpus run instead streams its inputs, cuts them into units (one small file, or one batch of
records from a JSONL, CSV, WARC or feed container), hands each unit to a worker that owns a
pipeline and a store connection, and folds the results into a :class:`CorpusSummary` whose
size does not depend on the corpus. Every unit goes through :class:`parallax.runner.Runner`,
the same code as ``analyze``, so a unit processed twice (after a crash) changes nothing.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any

from parallax.components import load
from parallax.ingest import finish_article, read_raw
from parallax.ingest.fetch import Fetcher
from parallax.ingest.formats import sniff_format
from parallax.ingest.raw import RawInput
from parallax.ingest.sources import iter_raw_inputs
from parallax.model import Article, Failed, Skipped
from parallax.pipeline import Pipeline
from parallax.runner import INGEST_ONLY, Runner, RunResult, _file_hash
from parallax.settings import Settings
from parallax.store import Store, open_store

CONTAINER_FORMATS = frozenset({"jsonl", "csv", "json", "warc", "feed"})
"""Formats whose records are spread over workers, instead of the whole file going to one."""

FAILURE_SAMPLE = 200
"""How many failures a summary keeps verbatim; the rest are only counted (the store's run
log keeps every one)."""

STATUSES = ("stored", "unchanged", "duplicate", "skipped", "failed")

MAX_CONTAINER_IDS = 100_000
"""A container with more records than this is marked processed without its article ids, so
the driver's memory stays bounded (a rerun then reports it as one unchanged input)."""


@dataclass
class Unit:
    """One piece of work: a whole input, or a batch of records read from a container.

    Attributes:
        source: the input the unit comes from (a container's path for a batch).
        raw: the input to read, for a whole-input unit.
        articles: the records, already read, for a batch unit.
        container: True for a batch of a container (the driver marks the container processed
            once all its batches are done).
    """

    source: str
    raw: RawInput | None = None
    articles: list[Article] = field(default_factory=list)
    container: bool = False


@dataclass
class UnitResult:
    """What a worker reports for one unit: counts, failures, near-duplicates, article ids."""

    source: str
    counts: dict[str, int] = field(default_factory=dict)
    failures: list[tuple[str, str]] = field(default_factory=list)
    near_duplicates: int = 0
    article_ids: list[str] = field(default_factory=list)
    clean: bool = True

    @classmethod
    def from_run(cls, source: str, result: RunResult) -> UnitResult:
        """Fold a runner's per-item result into counts."""
        counts: dict[str, int] = {}
        for item in result.items:
            counts[item.status] = counts.get(item.status, 0) + 1
        failures = [(i.source, i.reason or "") for i in result.items if i.status == "failed"]
        return cls(
            source=source,
            counts=counts,
            failures=failures,
            near_duplicates=len(result.near_duplicates),
            article_ids=list(result.article_ids),
            clean=not failures,
        )


@dataclass
class CorpusSummary:
    """Counts for a whole corpus run, of constant size whatever the corpus."""

    run_id: int
    engine: str
    workers: int
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(STATUSES, 0))
    failures: list[tuple[str, str]] = field(default_factory=list)
    failure_count: int = 0
    near_duplicates: int = 0
    units: int = 0
    startup_seconds: float = 0.0
    """Time spent starting workers and loading their models."""
    seconds: float = 0.0
    """Wall time of the whole run, startup included."""

    def add(self, result: UnitResult) -> None:
        """Fold one unit's result in."""
        self.units += 1
        for status, count in result.counts.items():
            self.counts[status] = self.counts.get(status, 0) + count
        self.failure_count += len(result.failures)
        room = FAILURE_SAMPLE - len(self.failures)
        if room > 0:
            self.failures.extend(result.failures[:room])
        self.near_duplicates += result.near_duplicates

    def add_outcome(self, outcome: Failed | Skipped) -> None:
        """Count an input the driver itself could not read or chose to skip."""
        if isinstance(outcome, Failed):
            self.add(UnitResult(outcome.source, {"failed": 1}, [(outcome.source, outcome.reason)]))
        else:
            self.add(UnitResult(outcome.source, {"skipped": 1}))

    @property
    def exit_code(self) -> int:
        """0 when every input succeeded, 1 when some failed."""
        return 1 if self.failure_count else 0

    def as_dict(self) -> dict[str, Any]:
        """The summary as JSON-ready data (also stored with the run)."""
        return {
            "run": self.run_id,
            "engine": self.engine,
            "workers": self.workers,
            **self.counts,
            "near_duplicates": self.near_duplicates,
            "failures": [{"source": s, "reason": r} for s, r in self.failures],
            "failures_not_listed": self.failure_count - len(self.failures),
            "startup_seconds": round(self.startup_seconds, 3),
            "seconds": round(self.seconds, 3),
        }


class UnitWorker:
    """Owns one pipeline and one store connection and processes units with them.

    A Ray actor wraps one of these per worker process, so the models load once per worker;
    the local engine uses one in the calling process.
    """

    def __init__(
        self,
        target: Path | str,
        settings: Settings,
        components: Sequence[str] | None,
        run_id: int,
        threads: int | None = None,
    ) -> None:
        """Open the store and build the pipeline (``components=()`` means ingest only)."""
        if threads:
            _limit_threads(threads)
        self.store = open_store(target)
        self.settings = settings
        self.pipeline: Pipeline | None = (
            None if components is not None and not components else load(components)
        )
        self.run_id = run_id

    def process(self, unit: Unit) -> UnitResult:
        """Process one unit (whole input or batch) and report its counts."""
        runner = Runner(self.store, self.settings, self.pipeline)
        runner.result.run_id = self.run_id
        if unit.raw is not None:
            runner.run_input(unit.raw, None)
        else:
            runner.store_articles(unit.articles)
        return UnitResult.from_run(unit.source, runner.result)

    @property
    def version(self) -> str:
        """The version recorded with this worker's results (its pipeline's, or ingest-only)."""
        return self.pipeline.version if self.pipeline is not None else INGEST_ONLY

    def ready(self) -> str:
        """The worker's version, once it is built (lets a driver wait for model loading)."""
        return self.version

    def close(self) -> None:
        """Release the store connection."""
        self.store.close()


def _limit_threads(threads: int) -> None:
    """One worker per core: stop torch and BLAS from each spreading over every core."""
    for name in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
        os.environ[name] = str(threads)
    try:
        import torch

        torch.set_num_threads(threads)
    except ImportError:  # pragma: no cover - torch is a dependency
        pass


@dataclass
class ContainerProgress:
    """The batches of one container still out with workers, and whether all went well."""

    raw_hash: str | None
    pending: int = 0
    clean: bool = True
    read_done: bool = False
    overflow: bool = False
    article_ids: list[str] = field(default_factory=list)


def plan_units(
    specs: Iterable[str | Path],
    store: Store,
    settings: Settings,
    version: str,
    summary: CorpusSummary,
    containers: dict[str, ContainerProgress],
    fetch: Fetcher | None = None,
) -> Iterator[Unit]:
    """Stream the units of a corpus, skipping inputs that an earlier run finished.

    Inputs that cannot be read or are skipped are counted in ``summary`` directly; a
    container's progress is tracked in ``containers`` so the driver can mark it processed
    when its last batch is back.
    """
    for item in iter_raw_inputs(specs, fetch):
        if isinstance(item, Failed | Skipped):
            summary.add_outcome(item)
            continue
        raw_hash = _file_hash(item)
        if raw_hash is not None:
            done = store.processed(item.source, raw_hash, version)
            if done is not None:
                summary.add(UnitResult(item.source, {"unchanged": max(len(done), 1)}))
                continue
        try:
            fmt = sniff_format(item)
        except Exception:  # a file that cannot be sniffed is read (and fails) in a worker
            fmt = "unknown"
        if fmt not in CONTAINER_FORMATS:
            yield Unit(item.source, raw=item)
            continue
        progress = ContainerProgress(raw_hash)
        containers[item.source] = progress
        outcomes = read_raw(item, settings, fetch)
        while batch := list(islice(outcomes, settings.batch_size)):
            articles = []
            for outcome in batch:
                if isinstance(outcome, Failed):
                    progress.clean = False
                    summary.add_outcome(outcome)
                elif isinstance(outcome, Skipped):
                    summary.add_outcome(outcome)
                else:
                    articles.append(finish_article(outcome))
            if articles:
                progress.pending += 1
                yield Unit(item.source, articles=articles, container=True)
        progress.read_done = True
        if progress.pending == 0:
            finish_container(store, item.source, version, containers)


def finish_container(
    store: Store, source: str, version: str, containers: dict[str, ContainerProgress]
) -> None:
    """Mark a container processed once it was read and every batch came back clean."""
    progress = containers[source]
    if not progress.read_done or progress.pending:
        return
    del containers[source]
    if progress.clean and progress.raw_hash is not None:
        with store.transaction():
            ids = [] if progress.overflow else progress.article_ids
            store.mark_processed(source, progress.raw_hash, version, ids)


def settle(
    result: UnitResult,
    unit: Unit,
    store: Store,
    version: str,
    summary: CorpusSummary,
    containers: dict[str, ContainerProgress],
) -> None:
    """Fold a finished unit into the summary and close its container when it was the last."""
    summary.add(result)
    if not unit.container:
        return
    progress = containers.get(unit.source)
    if progress is None:
        return
    progress.pending -= 1
    progress.clean = progress.clean and result.clean
    if not progress.overflow:
        progress.article_ids.extend(result.article_ids)
        if len(progress.article_ids) > MAX_CONTAINER_IDS:
            progress.article_ids.clear()
            progress.overflow = True
    finish_container(store, unit.source, version, containers)
