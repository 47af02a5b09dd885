"""``parallax run``: a corpus through the pipeline on one process or on Ray.

Both engines share the driver loop here: units are planned lazily from the inputs, at most a
few per worker are in flight at once (so neither the driver nor the workers hold more than a
handful of batches, whatever the corpus size), and results are folded into a constant-size
:class:`~parallax.engines.work.CorpusSummary` as they come back.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from parallax.engines.work import (
    CorpusSummary,
    UnitResult,
    UnitWorker,
    count_planned,
    settle,
)
from parallax.errors import ConfigError
from parallax.ingest.fetch import Fetcher
from parallax.ingest.sources import iter_raw_inputs
from parallax.settings import Settings
from parallax.store import open_store
from parallax.usecases.inputs import Containers, Unit, plan_units
from parallax.usecases.stories import file_stories

ENGINES = ("local", "ray")
IN_FLIGHT_PER_WORKER = 2
"""Units queued per worker: one running, one ready, so no worker waits for the driver."""

Progress = Callable[[str, str], None]


def run_corpus(
    specs: Iterable[str | Path],
    *,
    settings: Settings,
    engine: str = "local",
    workers: int | None = None,
    address: str | None = None,
    components: Sequence[str] | None = None,
    fetch: Fetcher | None = None,
    progress: Progress | None = None,
) -> CorpusSummary:
    """Analyse and store every input of a corpus; return counts.

    Args:
        specs: files, directories (walked recursively), JSONL/CSV/WARC/feed files and URLs.
        settings: caps and options; ``settings.db_path`` is the store (file or URL).
        engine: ``local`` (this process) or ``ray``.
        workers: Ray worker processes (default: the cluster's CPUs; ignored for ``local``).
        address: an existing Ray cluster (``ray://host:10001`` or ``auto``); None starts a
            local Ray runtime.
        components: pipeline components (None: the default analysis; ``()``: ingest only).
        fetch: how URL inputs are fetched.
        progress: called as ``progress("input", source)`` after each unit.
    """
    if engine not in ENGINES:
        raise ConfigError(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")
    notify = progress or (lambda event, source: None)
    began = time.perf_counter()
    store = open_store(settings.db_path)
    try:
        run_id = store.start_run(f"run --engine {engine}")
        if engine == "ray":
            summary = _run_on_ray(
                specs, store, settings, run_id, workers, address, components, fetch, notify
            )
        else:
            summary = CorpusSummary(run_id, "local", 1)
            worker = UnitWorker(settings.db_path, settings, components, run_id)
            version = worker.version
            summary.startup_seconds = time.perf_counter() - began
            containers = Containers(store, version)
            try:
                for unit in plan_units(iter_raw_inputs(specs, fetch), settings, containers, fetch):
                    if not isinstance(unit, Unit):
                        count_planned(unit, summary)
                        continue
                    settle(worker.process(unit), unit, summary, containers)
                    notify("input", unit.source)
            finally:
                worker.close()
        # Stories are filed by the driver, once, after the workers stored the analyses.
        file_stories(store)
        summary.seconds = time.perf_counter() - began
        store.finish_run(run_id, summary.as_dict())
        return summary
    finally:
        store.close()


def _run_on_ray(
    specs: Iterable[str | Path],
    store: Any,
    settings: Settings,
    run_id: int,
    workers: int | None,
    address: str | None,
    components: Sequence[str] | None,
    fetch: Fetcher | None,
    notify: Progress,
) -> CorpusSummary:
    try:
        import ray as ray_module
    except ImportError:
        raise ConfigError(
            "the Ray engine needs the ray package: pip install 'parallax-news[ray]'"
        ) from None
    ray: Any = ray_module  # Ray's own annotations do not cover its dynamic remote API
    began = time.perf_counter()
    started_here = not ray.is_initialized()
    if started_here:
        _start_ray(ray, address, workers)
    try:
        count = workers or max(int(ray.cluster_resources().get("CPU", 1)), 1)
        actor_class = ray.remote(num_cpus=1)(UnitWorker)
        actors: list[Any] = [
            actor_class.remote(settings.db_path, settings, components, run_id, 1)
            for _ in range(count)
        ]
        # Models load once per worker, here; the driver never loads them itself.
        version = ray.get([a.ready.remote() for a in actors])[0]
        summary = CorpusSummary(run_id, "ray", count)
        summary.startup_seconds = time.perf_counter() - began
        containers = Containers(store, version)
        pending: dict[Any, tuple[Unit, Any]] = {}
        idle = list(actors) * IN_FLIGHT_PER_WORKER

        def collect(block_until: int) -> None:
            while len(pending) > block_until:
                done, _ = ray.wait(list(pending), num_returns=1)
                for ref in done:
                    unit, actor = pending.pop(ref)
                    result: UnitResult = ray.get(ref)
                    settle(result, unit, summary, containers)
                    idle.append(actor)
                    notify("input", unit.source)

        for unit in plan_units(iter_raw_inputs(specs, fetch), settings, containers, fetch):
            if not isinstance(unit, Unit):
                count_planned(unit, summary)
                continue
            if not idle:
                collect(len(pending) - 1)
            actor = idle.pop(0)
            pending[actor.process.remote(unit)] = (unit, actor)
        collect(0)
        ray.get([a.close.remote() for a in actors])
        for actor in actors:
            ray.kill(actor)
        return summary
    finally:
        if started_here:
            ray.shutdown()


def _start_ray(ray: Any, address: str | None, workers: int | None) -> None:
    """Connect to ``address``, or start a local runtime quietly sized to ``workers``."""
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
    # Workers must import this Parallax, even from a source checkout that is not installed.
    source_root = str(Path(__file__).resolve().parents[2])
    python_path = os.environ.get("PYTHONPATH", "")
    if source_root not in python_path.split(os.pathsep):
        os.environ["PYTHONPATH"] = os.pathsep.join(p for p in (source_root, python_path) if p)
    options: dict[str, Any] = {
        "include_dashboard": False,
        "logging_level": "ERROR",
        "log_to_driver": False,
    }
    if address:
        ray.init(address=address, **options)
    else:
        ray.init(num_cpus=workers or os.cpu_count() or 1, **options)
