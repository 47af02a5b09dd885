"""The one input loop: inputs become units of work, and inputs done before are passed over.

Every write path reads its inputs here: ``analyze`` and web uploads (one process, one
result per item), ``run`` on one process and on Ray (bounded memory, counts only). An input
an earlier run finished is reported as :class:`Unchanged` without being read; a small input
becomes one :class:`Unit`; a container (JSONL, CSV, JSON, WARC, feed) is read here and cut
into batches of records, so a million-record file spreads over workers and never sits in
memory whole. :class:`Containers` marks a container processed once its last batch came back
clean, so a run killed half-way reads it again next time (the store makes that idempotent).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice

from parallax.ingest import finish_article, read_raw
from parallax.ingest.fetch import Fetcher
from parallax.ingest.formats import sniff_format
from parallax.ingest.raw import RawInput
from parallax.model import Article, Failed, Skipped
from parallax.settings import Settings
from parallax.store.base import Store
from parallax.usecases.storing import file_hash

CONTAINER_FORMATS = frozenset({"jsonl", "csv", "json", "warc", "feed"})
"""Formats whose records are spread over workers, instead of the whole file going to one."""

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
        container: True for a batch of a container (the container is marked processed
            once all its batches are done).
    """

    source: str
    raw: RawInput | None = None
    articles: list[Article] = field(default_factory=list)
    container: bool = False


@dataclass(frozen=True)
class Unchanged:
    """An input an earlier run processed completely, with the articles it produced."""

    source: str
    article_ids: list[str]


Planned = Unit | Unchanged | Failed | Skipped
"""What the input loop yields: work to do, an input done before, or an input's outcome."""


@dataclass
class ContainerProgress:
    """The batches of one container still out with workers, and whether all went well."""

    raw_hash: str | None
    pending: int = 0
    clean: bool = True
    read_done: bool = False
    overflow: bool = False
    article_ids: list[str] = field(default_factory=list)


class Containers:
    """The containers a run is reading, marked processed when their last batch is back."""

    def __init__(self, store: Store, version: str) -> None:
        """Track containers for a run storing into ``store`` with pipeline ``version``."""
        self.store = store
        self.version = version
        self.open: dict[str, ContainerProgress] = {}

    def settle(self, unit: Unit, clean: bool, article_ids: Iterable[str]) -> None:
        """Note that a batch came back (``clean``: none of its records failed)."""
        if not unit.container:
            return
        progress = self.open.get(unit.source)
        if progress is None:
            return
        progress.pending -= 1
        progress.clean = progress.clean and clean
        if not progress.overflow:
            progress.article_ids.extend(article_ids)
            if len(progress.article_ids) > MAX_CONTAINER_IDS:
                progress.article_ids.clear()
                progress.overflow = True
        self.finish(unit.source)

    def finish(self, source: str) -> None:
        """Mark a container processed once it was read and every batch came back clean."""
        progress = self.open[source]
        if not progress.read_done or progress.pending:
            return
        del self.open[source]
        if progress.clean and progress.raw_hash is not None:
            with self.store.transaction():
                ids = [] if progress.overflow else progress.article_ids
                self.store.mark_processed(source, progress.raw_hash, self.version, ids)


def plan_units(
    items: Iterable[RawInput | Failed | Skipped],
    settings: Settings,
    containers: Containers,
    fetch: Fetcher | None = None,
    done: Callable[[str], None] | None = None,
) -> Iterator[Planned]:
    """Stream the work of a run, passing over inputs an earlier run finished.

    Args:
        items: the inputs (:func:`parallax.ingest.sources.iter_raw_inputs`).
        settings: caps and options for reading.
        containers: where a container's batches are tracked; the caller settles each batch
            unit it finishes (:meth:`Containers.settle`).
        fetch: how feed links are fetched, when the settings ask for it.
        done: called with an input's source once all of it was yielded (and, as the
            caller consumes the yields in turn, handled).
    """
    for item in items:
        yield from _plan_input(item, settings, containers, fetch)
        if done is not None:
            done(item.source)


def _plan_input(
    item: RawInput | Failed | Skipped,
    settings: Settings,
    containers: Containers,
    fetch: Fetcher | None,
) -> Iterator[Planned]:
    if isinstance(item, Failed | Skipped):
        yield item
        return
    raw_hash = file_hash(item)
    if raw_hash is not None:
        done = containers.store.processed(item.source, raw_hash, containers.version)
        if done is not None:
            yield Unchanged(item.source, done)
            return
    try:
        fmt = sniff_format(item)
    except Exception:  # a file that cannot be sniffed is read (and fails) as a whole
        fmt = "unknown"
    if fmt not in CONTAINER_FORMATS:
        yield Unit(item.source, raw=item)
        return
    progress = ContainerProgress(raw_hash)
    containers.open[item.source] = progress
    outcomes = read_raw(item, settings, fetch)
    while batch := list(islice(outcomes, settings.batch_size)):
        articles = []
        for outcome in batch:
            if isinstance(outcome, Article):
                articles.append(finish_article(outcome))
                continue
            if isinstance(outcome, Failed):
                progress.clean = False
            yield outcome
        if articles:
            progress.pending += 1
            yield Unit(item.source, articles=articles, container=True)
    progress.read_done = True
    containers.finish(item.source)
