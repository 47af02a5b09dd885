"""Ingestion: every supported input becomes articles, skips with a reason, or failures.

:func:`read_inputs` is the one entry point. It never raises for a bad input: each problem
becomes a :class:`~parallax.model.Failed` outcome with a message naming the input, and the
run goes on with the next one.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from parallax.errors import InputError
from parallax.ingest.feeds import read_feed
from parallax.ingest.fetch import Fetcher, HttpFetcher, is_url
from parallax.ingest.formats import sniff_format
from parallax.ingest.html import read_html
from parallax.ingest.language import detect_language
from parallax.ingest.pdf import read_pdf
from parallax.ingest.raw import RawInput
from parallax.ingest.sources import iter_raw_inputs
from parallax.ingest.tabular import read_csv, read_json, read_jsonl
from parallax.ingest.textfile import read_text
from parallax.ingest.warc import read_warc
from parallax.model import Article, Failed, Outcome, Skipped
from parallax.settings import Settings

__all__ = [
    "Fetcher",
    "HttpFetcher",
    "RawInput",
    "is_url",
    "read_articles",
    "read_inputs",
    "read_raw",
]

log = logging.getLogger(__name__)


def read_raw(raw: RawInput, settings: Settings, fetch: Fetcher | None = None) -> Iterator[Outcome]:
    """Read one input with the reader its content calls for; never raises for bad input."""
    try:
        fmt = sniff_format(raw)
        if fmt in {"text", "markdown"}:
            yield read_text(raw, settings, markdown=fmt == "markdown")
        elif fmt == "html":
            yield read_html(raw, settings)
        elif fmt == "pdf":
            yield read_pdf(raw, settings)
        elif fmt == "feed":
            yield from read_feed(raw, settings, fetch if settings.follow_feed_links else None)
        elif fmt == "warc":
            yield from read_warc(raw, settings)
        elif fmt == "jsonl":
            yield from read_jsonl(raw, settings)
        elif fmt == "csv":
            yield from read_csv(raw, settings)
        else:
            yield from read_json(raw, settings)
    except InputError as exc:
        message = str(exc)
        yield Failed(raw.source, message.removeprefix(f"{raw.source}: "))
    except (OSError, MemoryError) as exc:
        yield Failed(raw.source, f"cannot read the input: {exc}")
    except Exception as exc:  # a reader bug must not stop the run or lose other results
        log.exception("unexpected error reading %s", raw.source)
        yield Failed(
            raw.source,
            f"unexpected {type(exc).__name__} while reading ({exc}); this is a Parallax bug, "
            "please report it with the file",
        )


def finish_article(article: Article) -> Article:
    """Fill in what every reader leaves to this layer: the language and its confidence."""
    if article.language not in {"und", ""}:
        return article
    language, confidence = detect_language(article.text)
    meta = {**article.meta, "language_confidence": round(confidence, 3)}
    return replace(article, language=language, meta=meta)


def read_inputs(
    specs: Iterable[str | Path], settings: Settings, fetch: Fetcher | None = None
) -> Iterator[Outcome]:
    """Read every input named in ``specs`` (files, directories, URLs) into outcomes.

    Args:
        specs: paths, directories (read recursively) and http(s) URLs.
        settings: caps and options.
        fetch: how URLs are fetched; None means URLs fail with a clear message.
    """
    for item in iter_raw_inputs(specs, fetch):
        if isinstance(item, (Failed, Skipped)):
            yield item
            continue
        for outcome in read_raw(item, settings, fetch):
            yield finish_article(outcome) if isinstance(outcome, Article) else outcome


def read_articles(
    specs: Iterable[str | Path], settings: Settings | None = None
) -> tuple[list[Article], list[str]]:
    """Read local inputs into articles, and a message for each input that gave none.

    For callers that want the articles and a list of problems to show, not the stream of
    outcomes (reference documents for the knowledge base, for instance). Skips count as
    problems here: the caller asked for these files and should hear why one gave nothing.
    """
    articles: list[Article] = []
    problems: list[str] = []
    for outcome in read_inputs(specs, settings or Settings()):
        if isinstance(outcome, Article):
            articles.append(outcome)
        else:
            problems.append(f"{outcome.source}: {outcome.reason}")
    return articles, problems
