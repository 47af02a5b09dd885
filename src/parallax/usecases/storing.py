"""Storing what was read: deduplicate, analyse, store, and account for every item.

:class:`Runner` is the one place that joins ingestion, the pipeline and the store; every
write path (``analyze``, ``run`` on one process or on Ray, web uploads) hands it the
articles that :mod:`parallax.usecases.inputs` read. Each article is stored with its
analysis in one transaction, and an input is marked processed only when all its articles
are in, so a run killed at any point resumes on the next run without duplicating or
losing anything.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from parallax.comparison.terms import lead
from parallax.comparison.vectors import text_digest
from parallax.ingest import finish_article, minhash, read_raw
from parallax.ingest.fetch import Fetcher
from parallax.ingest.raw import RawInput
from parallax.model import Analysis, Article, Failed, Skipped
from parallax.pipeline import Pipeline
from parallax.record import NearDuplicate, NotAnalysedItem, RunSummary
from parallax.report.json_report import analysis_record
from parallax.settings import Settings
from parallax.store.base import Store

INGEST_ONLY = ""
"""The pipeline version recorded for inputs processed by ``ingest`` (no analysis)."""

Progress = Callable[[str, str], None]
"""Called as ``progress(event, source)``; events: ``total:N``, ``input``, ``article``."""

STATUSES = ("stored", "unchanged", "duplicate", "skipped", "failed")
"""What can happen to an input or a record, in the order summaries list them."""


@dataclass
class RunItem:
    """What happened to one input (or one record of a container)."""

    source: str
    status: str  # stored | unchanged | duplicate | skipped | failed
    reason: str | None = None
    article_id: str | None = None


@dataclass
class RunResult:
    """The outcome of a run: every item, in order, and the articles it touched."""

    run_id: int
    items: list[RunItem] = field(default_factory=list)
    article_ids: list[str] = field(default_factory=list)
    near_duplicates: list[NearDuplicate] = field(default_factory=list)
    not_analysed: list[NotAnalysedItem] = field(default_factory=list)

    @property
    def failures(self) -> list[Failed]:
        """The items that failed, as :class:`Failed` values."""
        return [Failed(i.source, i.reason or "") for i in self.items if i.status == "failed"]

    @property
    def exit_code(self) -> int:
        """0 when every input succeeded, 1 when some failed."""
        return 1 if any(i.status == "failed" for i in self.items) else 0

    def counts(self) -> dict[str, int]:
        """How many items ended in each status (every status present, zero or more)."""
        counts = dict.fromkeys(STATUSES, 0)
        for item in self.items:
            counts[item.status] = counts.get(item.status, 0) + 1
        return counts

    def summary(self) -> RunSummary:
        """Counts by status, plus duplicates and articles that were not analysed."""
        counts = self.counts()
        return {
            "run": self.run_id,
            "articles": len(self.article_ids),
            "stored": counts["stored"],
            "unchanged": counts["unchanged"],
            "duplicate": counts["duplicate"],
            "skipped": counts["skipped"],
            "failed": counts["failed"],
            "duplicates": [
                {"source": i.source, "article_id": i.article_id, "reason": i.reason}
                for i in self.items
                if i.status == "duplicate"
            ],
            "near_duplicates": self.near_duplicates,
            "not_analysed": self.not_analysed,
            "skipped_items": [
                {"source": i.source, "reason": i.reason}
                for i in self.items
                if i.status == "skipped"
            ],
        }


def file_hash(raw: RawInput) -> str | None:
    """The content hash that marks an input processed (None when it cannot be read)."""
    if raw.path is None:
        return hashlib.sha256(raw.data or b"").hexdigest()[:32]
    digest = hashlib.sha256()
    try:
        with raw.path.open("rb") as handle:
            for chunk in iter(lambda: handle.read(1 << 20), b""):
                digest.update(chunk)
    except OSError:
        return None
    return digest.hexdigest()[:32]


def put_analysis(store: Store, analysis: Analysis, version: str) -> None:
    """Store an analysis with its searchable sentences, its sentence and lead vectors.

    The vectors the pipeline's ``embed`` step computed are kept so that comparisons read
    them instead of encoding every sentence and lead again. The lead vector is stored with
    the digest of ``lead(record)`` for the record stored here, which is the text the embed
    step encoded (:func:`parallax.components.embed.lead_text`); a comparison uses it only
    for that text. Call inside the transaction that stores the article, so an analysis
    never lands without its vectors (or with someone else's).
    """
    record = analysis_record(analysis, version)
    store.put_analysis(
        analysis.id,
        version,
        analysis.status,
        analysis.reason,
        record,
        [(s.id, s.text, s.start, s.end) for s in analysis.sentences],
    )
    if analysis.status != "analysed":
        return
    vectors = analysis.vectors
    if vectors is not None and len(vectors) == len(analysis.sentences) and len(vectors):
        store.put_sentence_vectors(analysis.id, version, vectors)
    if analysis.lead_vector is not None:
        store.put_lead_vector(analysis.id, version, text_digest(lead(record)), analysis.lead_vector)


class Runner:
    """Carries one run's state: the store, the pipeline, settings and the result so far."""

    def __init__(
        self,
        store: Store,
        settings: Settings,
        pipeline: Pipeline | None,
        progress: Progress | None = None,
    ) -> None:
        self.store = store
        self.settings = settings
        self.pipeline = pipeline
        self.version = pipeline.version if pipeline else INGEST_ONLY
        self.progress = progress or (lambda event, source: None)
        self.result = RunResult(run_id=0)
        self._seen: set[str] = set()

    def _item(self, item: RunItem) -> None:
        self.result.items.append(item)
        self.store.record_item(
            self.result.run_id, item.source, item.status, item.reason, item.article_id
        )
        if item.article_id and item.status != "failed" and item.article_id not in self._seen:
            self._seen.add(item.article_id)
            self.result.article_ids.append(item.article_id)

    def item(self, item: RunItem) -> None:
        """Record what happened to one input or record (in the result and the run log)."""
        self._item(item)

    def unchanged(self, source: str, article_ids: list[str]) -> None:
        """Record an input an earlier run processed completely (with its articles, if any)."""
        for article_id in article_ids:
            self._item(RunItem(source, "unchanged", "already processed", article_id))
        if not article_ids:
            self._item(RunItem(source, "unchanged", "already processed"))

    def run_input(self, raw: RawInput, fetch: Fetcher | None) -> None:
        """Read, analyse and store one whole input; mark it processed when all went well.

        Whether an earlier run already processed it is the caller's question
        (:func:`parallax.usecases.inputs.plan_units` asks it once for every input).
        """
        raw_hash = file_hash(raw)
        failures: list[str] = []

        def articles() -> Iterator[Article]:
            for outcome in read_raw(raw, self.settings, fetch):
                if isinstance(outcome, Failed):
                    failures.append(outcome.source)
                    self._item(RunItem(outcome.source, "failed", outcome.reason))
                elif isinstance(outcome, Skipped):
                    self._item(RunItem(outcome.source, "skipped", outcome.reason))
                else:
                    yield finish_article(outcome)

        produced = self.store_articles(articles())
        if not failures and raw_hash is not None:
            with self.store.transaction():
                self.store.mark_processed(raw.source, raw_hash, self.version, produced)

    def store_articles(self, articles: Iterable[Article]) -> list[str]:
        """Deduplicate, analyse what needs it, and store each article atomically.

        ``articles`` is read lazily and the analyses stream out of the pipeline in input
        order, so a long input keeps the pipeline's batches flowing (the encoder of one
        batch overlaps the parse of the next) while each article is stored as soon as its
        analysis is ready. Identical articles still in flight are recorded as duplicates
        once their first copy is stored.
        """
        ids: list[str] = []
        in_flight: dict[str, str] = {}
        deferred: list[tuple[Article, str]] = []

        def fresh() -> Iterator[Article]:
            for article in articles:
                ids.append(article.id)
                first_in_flight = in_flight.get(article.id)
                if first_in_flight is not None:
                    # Its first copy is stored below; the duplicate is recorded after that.
                    deferred.append((article, first_in_flight))
                    continue
                first = self.store.first_source(article.id)
                if first is not None and first != article.source:
                    self._duplicate(article, first)
                    continue
                if first is not None and (
                    self.pipeline is None
                    or self.store.get_analysis(article.id, self.version) is not None
                ):
                    self._item(RunItem(article.source, "unchanged", "already stored", article.id))
                    continue
                in_flight[article.id] = article.source
                yield article

        if self.pipeline is None:
            for article in fresh():
                self._store(article, None)
                in_flight.pop(article.id, None)
        else:
            for analysis in self.pipeline.pipe(fresh(), self.settings.batch_size):
                self._store(analysis.article, analysis)
                in_flight.pop(analysis.article.id, None)  # later copies find it stored
        for article, first in deferred:
            self._duplicate(article, first)
        return ids

    def _store(self, article: Article, analysis: Analysis | None) -> None:
        """Store one article (and its analysis) in one transaction."""
        sig = minhash.signature(article.text)
        bands = minhash.bands(sig)
        stored_before = self.store.first_source(article.id) is not None
        near = None if stored_before else self._near_duplicate(article, sig, bands)
        with self.store.transaction():
            created = self.store.put_article(article, minhash.to_bytes(sig), bands)
            if analysis is not None:
                put_analysis(self.store, analysis, self.version)
                if analysis.status != "analysed":
                    self.result.not_analysed.append(
                        {
                            "source": article.source,
                            "article_id": article.id,
                            "reason": analysis.reason or "",
                        }
                    )
            self._item(
                RunItem(
                    article.source,
                    "stored" if created else "unchanged",
                    None if created else "stored earlier; analysed now",
                    article.id,
                )
            )
        if near is not None:
            self.result.near_duplicates.append(near)
        self.progress("article", article.source)

    def _duplicate(self, article: Article, first: str) -> None:
        with self.store.transaction():
            self.store.add_source(article.id, article.source)
            self._item(RunItem(article.source, "duplicate", f"same text as {first}", article.id))

    def _near_duplicate(self, article: Article, sig: Any, bands: list[int]) -> NearDuplicate | None:
        candidates = self.store.band_candidates(bands) - {article.id}
        best: tuple[float, str] | None = None
        for other, data in self.store.minhashes(candidates).items():
            score = minhash.similarity(sig, minhash.from_bytes(data))
            if score >= self.settings.near_duplicate_threshold and (
                best is None or score > best[0]
            ):
                best = (score, other)
        if best is None:
            return None
        return {
            "source": article.source,
            "article_id": article.id,
            "similar_to": best[1],
            "similar_source": self.store.first_source(best[1]),
            "similarity": round(best[0], 3),
        }
