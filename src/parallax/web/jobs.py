"""Ingestion jobs: accepted at once, run one after another in a worker thread.

A job is a run of :func:`parallax.usecases.ingest` with the one shared pipeline (so its
articles are filed under stories like every other write path's). Its record is
the store's ``runs`` row (opened when the job is accepted, so it has an id at once) and its
``run_items`` rows, with progress written into the run's summary as it goes; a page reload,
another browser or another server process reads the same state from the store. A job that
was running when the server stopped shows as interrupted; submitting the same inputs again
resumes it (runs are idempotent).
"""

from __future__ import annotations

import contextlib
import logging
import queue
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from parallax.ingest.fetch import Fetcher, HttpFetcher
from parallax.pipeline import Pipeline
from parallax.store import AnyStore, open_store
from parallax.usecases import ingest
from parallax.web.settings import ServerSettings

JOB_COMMAND = "web-ingest"
log = logging.getLogger(__name__)


class QueueFullError(Exception):
    """Too many jobs are waiting; the client should try again later."""


@dataclass(frozen=True)
class _Job:
    run_id: int
    specs: list[str]


class IngestJobs:
    """The queue of ingestion jobs and the one thread that runs them."""

    def __init__(
        self,
        settings: ServerSettings,
        pipeline: Callable[[], Pipeline],
        fetcher: Callable[[], Fetcher] | None = None,
    ) -> None:
        """Prepare the queue; the worker thread starts with the first job.

        Args:
            settings: the server's settings (the run settings and the queue size).
            pipeline: returns the shared pipeline (loaded on first use, then reused).
            fetcher: makes the fetcher for URL inputs (default: HTTP with the run's policy).
        """
        self.settings = settings
        self._pipeline = pipeline
        self._fetcher = fetcher or (lambda: HttpFetcher(settings.run))
        self._queue: queue.Queue[_Job | None] = queue.Queue(maxsize=settings.max_queued_jobs)
        self._active: set[int] = set()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None

    def submit(self, store: AnyStore, specs: list[str], described: dict[str, Any]) -> int:
        """Accept a job for ``specs`` (paths and URLs) and return its id (the run id).

        Raises:
            QueueFullError: ``max_queued_jobs`` jobs are already waiting.
        """
        if self._queue.full():
            raise QueueFullError(
                f"{self._queue.qsize()} ingestion jobs are already waiting; try again when "
                "some have finished"
            )
        with store.transaction():
            run_id = store.start_run(JOB_COMMAND)
            store.update_run(run_id, {"state": "queued", "inputs": len(specs), **described})
        with self._lock:
            self._active.add(run_id)
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(
                    target=self._work, name="parallax-ingest", daemon=True
                )
                self._thread.start()
        self._queue.put(_Job(run_id, specs))
        return run_id

    def is_active(self, run_id: int) -> bool:
        """Whether the job is waiting or running in this server process."""
        with self._lock:
            return run_id in self._active

    def close(self, timeout: float = 5.0) -> None:
        """Stop the worker after the job it is running (waiting jobs stay interrupted)."""
        thread = self._thread
        if thread is not None and thread.is_alive():
            with contextlib.suppress(queue.Full):
                self._queue.put_nowait(None)
            thread.join(timeout)

    def _work(self) -> None:
        store = open_store(self.settings.run.db_path)
        try:
            while (job := self._queue.get()) is not None:
                try:
                    self._run(store, job)
                except Exception as exc:  # a job never takes the worker down
                    log.exception("ingestion job %s failed", job.run_id)
                    store.finish_run(job.run_id, {"state": "failed", "error": str(exc)})
                finally:
                    with self._lock:
                        self._active.discard(job.run_id)
        finally:
            store.close()

    def _run(self, store: AnyStore, job: _Job) -> None:
        base = dict((store.get_run(job.run_id) or {}).get("summary") or {})
        store.update_run(job.run_id, {**base, "state": "loading the analysis models"})
        pipeline = self._pipeline()
        progress = {"total": len(job.specs), "done": 0, "articles": 0}

        def update(event: str, source: str) -> None:
            if event.startswith("total:"):
                progress["total"] = int(event.split(":", 1)[1])
            elif event == "input":
                progress["done"] += 1
            elif event == "article":
                progress["articles"] += 1
            store.update_run(
                job.run_id, {**base, "state": "running", **progress, "current": source}
            )

        fetch = self._fetcher()
        try:
            result = ingest(
                job.specs,
                store=store,
                settings=self.settings.run,
                pipeline=pipeline,
                fetch=fetch,
                progress=update,
                command=JOB_COMMAND,
                run_id=job.run_id,
            )
        finally:
            close = getattr(fetch, "close", None)
            if close is not None:
                close()
        store.finish_run(job.run_id, {**base, "state": "finished", **progress, **result.summary()})
