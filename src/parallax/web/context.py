"""The state one server shares between requests: settings, stores, pipeline, jobs, caches."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from parallax.ingest.fetch import Fetcher
from parallax.pipeline import Pipeline
from parallax.record import ArticleRecord, ComparisonRecord, Report
from parallax.store import AnyStore, open_store
from parallax.usecases import compare_records, comparison_report
from parallax.web.corpus import ComparisonCache
from parallax.web.jobs import IngestJobs
from parallax.web.settings import ServerSettings

if TYPE_CHECKING:
    from parallax.comparison.alignment import Encoder


class ServerContext:
    """Per-server state, created by :func:`parallax.web.create_app`, never at import time.

    Each request thread gets its own connection to the store (SQLite connections are not
    shared between threads here; WAL lets readers run while the ingestion worker writes).
    The pipeline is loaded once, on first need, and shared by every job.
    """

    def __init__(
        self,
        settings: ServerSettings,
        pipeline: Pipeline | Callable[[], Pipeline] | None = None,
        fetcher: Callable[[], Fetcher] | None = None,
        encode: Encoder | None = None,
    ) -> None:
        self.settings = settings
        self.encode = encode
        self._local = threading.local()
        self._stores: list[AnyStore] = []
        self._lock = threading.Lock()
        self._pipeline: Pipeline | None = pipeline if isinstance(pipeline, Pipeline) else None
        self._pipeline_factory = None if isinstance(pipeline, Pipeline) else pipeline
        self.comparisons = ComparisonCache()
        self.jobs = IngestJobs(settings, self.pipeline, fetcher)
        # Create (or migrate) the database before the first request.
        self.store()

    def store(self) -> AnyStore:
        """This thread's connection to the store."""
        store: AnyStore | None = getattr(self._local, "store", None)
        if store is None:
            store = open_store(self.settings.run.db_path)
            self._local.store = store
            with self._lock:
                self._stores.append(store)
        return store

    def compare(self, records: list[ArticleRecord]) -> ComparisonRecord:
        """The comparison of ``records``: cached, else computed with their stored vectors."""
        return self.comparisons.get(
            records, lambda found: compare_records(self.store(), found, self.encode)
        )

    def side_by_side(self, records: list[ArticleRecord]) -> Report:
        """The report comparing ``records`` as one story, as ``parallax compare FILES`` does."""
        return comparison_report(self.store(), records, story="chosen", encode=self.encode)

    def pipeline(self) -> Pipeline:
        """The one shared analysis pipeline (loaded on first use)."""
        with self._lock:
            if self._pipeline is None:
                if self._pipeline_factory is not None:
                    self._pipeline = self._pipeline_factory()
                else:
                    from parallax.components import load

                    self._pipeline = load()
            return self._pipeline

    def close(self) -> None:
        """Stop the ingestion worker and close every connection."""
        self.jobs.close()
        with self._lock:
            for store in self._stores:
                # A connection of a finished thread may be gone already.
                with contextlib.suppress(Exception):
                    store.close()
            self._stores.clear()
