"""Corpus runs in bounded memory: inputs cut into units of work, results folded into counts.

``parallax analyze`` keeps every item to print a report; a corpus of millions cannot. A
corpus run instead streams its inputs, cuts them into units (one small file, or one batch of
records from a JSONL, CSV, WARC or feed container), hands each unit to a worker that owns a
pipeline and a store connection, and folds the results into a :class:`CorpusSummary` whose
size does not depend on the corpus. Units come from the one input loop
(:func:`parallax.usecases.inputs.plan_units`) and go through
:class:`parallax.usecases.storing.Runner`, the same code as ``analyze``, so a unit processed
twice (after a crash) changes nothing.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from parallax.components import load
from parallax.model import Failed, Skipped
from parallax.pipeline import Pipeline
from parallax.settings import Settings
from parallax.store import open_store
from parallax.usecases.inputs import Containers, Unchanged, Unit
from parallax.usecases.storing import INGEST_ONLY, STATUSES, Runner, RunResult

FAILURE_SAMPLE = 200
"""How many failures a summary keeps verbatim; the rest are only counted (the store's run
log keeps every one)."""


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
        counts = {status: n for status, n in result.counts().items() if n}
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


def settle(result: UnitResult, unit: Unit, summary: CorpusSummary, containers: Containers) -> None:
    """Fold a finished unit into the summary and close its container when it was the last."""
    summary.add(result)
    containers.settle(unit, result.clean, result.article_ids)


def count_planned(planned: Unchanged | Failed | Skipped, summary: CorpusSummary) -> None:
    """Count what the input loop settled without a worker: inputs done before, outcomes."""
    if isinstance(planned, Unchanged):
        summary.add(UnitResult(planned.source, {"unchanged": max(len(planned.article_ids), 1)}))
    else:
        summary.add_outcome(planned)
