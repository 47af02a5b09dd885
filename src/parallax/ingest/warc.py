"""Read web archives (WARC, WET and ARC, plain or gzipped) into articles, record by record.

Archives are streamed through warcio's ``ArchiveIterator``, so a crawl of any size is read
in bounded memory: only one record's payload is held at a time, and never more than the
size cap. Only records that can hold an article are read (2xx HTML responses, HTML
resources, WET text conversions); requests, metadata, redirects, images and the like are
passed over without a word, because a crawl is mostly made of them.

A damaged archive keeps what was read before the damage: the reader yields the articles
of the good records, then one ``Failed`` for the archive saying where it broke.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterator
from dataclasses import replace
from typing import Any, BinaryIO

from warcio.archiveiterator import ArchiveIterator

from parallax.errors import EmptyInputError, EncodingError, InputError, MalformedInputError
from parallax.ingest.decode import decode_text
from parallax.ingest.html import declared_charset, html_to_article
from parallax.ingest.raw import RawInput
from parallax.model import Article, Failed, Outcome, Skipped
from parallax.settings import Settings

__all__ = ["read_warc"]

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
"""Media types whose payload is read as a web page."""

_DRAIN_CHUNK = 64 * 1024
_PEEK = 1024
_HTML_START = re.compile(
    rb"^(?:\xef\xbb\xbf)?\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)[\s>]",
    re.I | re.S,
)


class _TruncatedRecordError(Exception):
    """The current record ends before its declared length: the archive was cut short."""


class _GuardedStream:
    """A read-only view of the decompressed archive that turns gzip damage into EOF.

    ``raw.open()`` decompresses the whole stream, so a cut or corrupt gzip member raises
    deep inside warcio, in the middle of a read, and warcio would lose the records it had
    already buffered. Ending the stream cleanly instead, and remembering why, lets the
    iterator hand over every complete record before the damage is reported.
    """

    def __init__(self, inner: BinaryIO) -> None:
        self._inner = inner
        self.error: Exception | None = None

    def read(self, size: int | None = -1) -> bytes:
        if self.error is not None:
            return b""
        try:
            if size is None or size < 0:
                return self._inner.read()
            # read1 returns what one underlying read decompressed; read() would discard
            # it when the stream breaks before ``size`` bytes are gathered.
            read1 = getattr(self._inner, "read1", None)
            return bytes(read1(size) if read1 is not None else self._inner.read(size))
        except (EOFError, OSError, zlib.error) as exc:
            self.error = exc
            return b""


def read_warc(raw: RawInput, settings: Settings) -> Iterator[Outcome]:
    """Yield an outcome for each record of the archive that can hold an article.

    Records are numbered from 1 in file order, counting every record (requests and
    metadata included), and named ``<source>#record-<n>``. HTML responses and resources
    become articles of format ``warc``, WET conversions articles of format ``wet``; a
    page with no article text is skipped; a record that is too large or undecodable fails
    on its own and the archive goes on.

    Raises:
        EmptyInputError: the input holds no records at all.
        MalformedInputError: the input is not a WARC or ARC archive (nothing could be read).
    """
    with raw.open() as handle:
        stream = _GuardedStream(handle)
        records: Iterator[Any] = iter(ArchiveIterator(stream, arc2warc=True))
        index = 0
        while True:
            try:
                record = next(records)
            except StopIteration:
                break
            except Exception as exc:  # warcio raises many undocumented types on damage
                yield _damaged(raw, index, stream.error or exc)
                return
            index += 1
            try:
                outcome = _record_outcome(record, index, raw, settings, stream)
            except _TruncatedRecordError:
                short = EOFError(f"record {index} is shorter than its declared length")
                yield _damaged(raw, index - 1, stream.error or short, started=True)
                return
            if outcome is not None:
                yield outcome
        if stream.error is not None:
            yield _damaged(raw, index, stream.error)
        elif index == 0:
            raise EmptyInputError(f"{raw.source}: the archive holds no records")


def _damaged(raw: RawInput, complete: int, error: BaseException, started: bool = False) -> Failed:
    """Say where an archive broke; refuse the input when not one record header was read.

    Args:
        raw: the archive.
        complete: how many records were read whole before the damage.
        error: what broke.
        started: whether the header of the broken record was read (so the input is an
            archive even though no record is complete).
    """
    detail = " ".join(f"{type(error).__name__}: {error}".split())[:300]
    if complete == 0 and not started:
        if isinstance(error, (EOFError, zlib.error, OSError)):
            raise MalformedInputError(
                f"{raw.source}: the compressed stream is truncated or corrupt before the first "
                f"archive record ({detail}); re-download the file"
            )
        raise MalformedInputError(
            f"{raw.source}: not a WARC or ARC web archive ({detail}); give a .warc, "
            ".warc.gz, .wet or .arc file"
        )
    where = f"after record {complete}" if complete else "in record 1"
    return Failed(
        raw.source,
        f"archive is truncated or corrupt {where}: {detail}"
        + ("; the records before it were read" if complete else ""),
    )


def _record_outcome(
    record: Any, index: int, raw: RawInput, settings: Settings, stream: _GuardedStream
) -> Outcome | None:
    """Turn one record into an outcome, or None for records that never hold articles."""
    kind = _article_kind(record)
    if kind is None:
        _finish(record, stream)
        return None
    uri = _header(record.rec_headers, "WARC-Target-URI")
    source = f"{raw.source}#record-{index}"
    label = f"{source} {uri}" if uri else source
    cap = settings.max_input_bytes
    try:
        body = record.content_stream()
        payload = body.read(_PEEK)
        if kind == "maybe-html":  # no declared type: a page only if it starts like one
            if not _HTML_START.match(payload):
                _finish(record, stream)
                return None
            kind = "html"
        if isinstance(record.length, int) and record.length > cap:
            _finish(record, stream)
            return Failed(
                label,
                f"record of {record.length} bytes is over the {cap}-byte size cap; raise it "
                "with --max-size if this is intended",
            )
        payload += body.read(cap + 1 - len(payload))
    except _TruncatedRecordError:
        raise
    except Exception as exc:  # warcio's chunked/gzip/brotli decoders raise many types
        _finish(record, stream)
        return Failed(label, f"the record's payload cannot be read ({exc})")
    _finish(record, stream)
    if len(payload) > cap:
        return Failed(
            label,
            f"record payload decodes to more than the {cap}-byte size cap; raise it with "
            "--max-size if this is intended",
        )
    meta = {
        key: value
        for key, value in (
            ("warc_date", _header(record.rec_headers, "WARC-Date")),
            ("warc_record_id", _header(record.rec_headers, "WARC-Record-ID")),
        )
        if value
    }
    return _payload_outcome(kind, payload, record, source, label, uri, meta)


def _payload_outcome(
    kind: str,
    payload: bytes,
    record: Any,
    source: str,
    label: str,
    uri: str | None,
    meta: dict[str, Any],
) -> Outcome:
    # A page may declare its charset in a <meta> tag; WET text only in the record header.
    declared = declared_charset(payload if kind == "html" else b"", _content_type(record))
    try:
        text, encoding = _decode_payload(payload, label, declared)
    except EmptyInputError:
        return Skipped(label, "no article text in page (empty payload)")
    except InputError as exc:
        return Failed(label, str(exc).removeprefix(f"{label}: "))
    meta["encoding"] = encoding
    if kind == "wet":
        body = text.strip()
        if not body:
            return Skipped(label, "no article text in the WET conversion")
        return Article(text=body, source=source, url=uri, format="wet", raw=payload, meta=meta)
    try:
        article = html_to_article(text, source, url=uri, raw=payload, fmt="warc")
    except EmptyInputError:
        return Skipped(label, "no article text in page")
    except InputError as exc:
        return Failed(label, str(exc).removeprefix(f"{source}: "))
    return replace(article, meta={**article.meta, **meta})


def _decode_payload(payload: bytes, label: str, declared: str | None) -> tuple[str, str]:
    """Decode a payload, trusting the server's charset when the bytes decode under it.

    ``decode_text`` refuses bytes that happen to contain some valid UTF-8 sequences, and
    EUC-JP, GBK and Big5 pages often do; an HTTP or ``<meta>`` charset under which every
    byte decodes is better evidence than that heuristic.
    """
    try:
        return decode_text(payload, label, declared)
    except EncodingError:
        if declared:
            try:
                return payload.decode(declared), declared.lower()
            except (UnicodeDecodeError, LookupError):
                pass
        raise


def _article_kind(record: Any) -> str | None:
    """Return ``"html"`` or ``"wet"`` for records that can hold an article, else None."""
    rec_type = record.rec_type
    if rec_type == "response":
        http = record.http_headers
        if http is None:
            return None
        status = http.get_statuscode() or ""
        if not (status.isdigit() and 200 <= int(status) <= 299):
            return None
        media = _media_type(http.get_header("Content-Type"))
        if media is None:
            return "maybe-html"
        return "html" if media in HTML_TYPES else None
    if rec_type == "resource":
        return "html" if _media_type(record.content_type) in HTML_TYPES else None
    if rec_type == "conversion":
        return "wet" if _media_type(record.content_type) in {"text/plain", None} else None
    return None


def _media_type(content_type: str | None) -> str | None:
    if not content_type:
        return None
    return content_type.split(";", 1)[0].strip().lower() or None


def _content_type(record: Any) -> str | None:
    if record.http_headers is not None:
        value = record.http_headers.get_header("Content-Type")
        return value if isinstance(value, str) else None
    return record.content_type if isinstance(record.content_type, str) else None


def _header(headers: Any, name: str) -> str | None:
    value = headers.get_header(name) if headers is not None else None
    return (value.strip() or None) if isinstance(value, str) else None


def _finish(record: Any, stream: _GuardedStream) -> None:
    """Read the rest of the record; raise ``_TruncatedRecordError`` if the archive ends in it.

    warcio does the same read before the next record anyway, so this costs nothing; it
    is the one place where a cut-off final record can be told from a complete one.
    """
    reader = record.raw_stream
    if isinstance(getattr(reader, "limit", None), int):  # a LimitReader: length declared
        while reader.read(_DRAIN_CHUNK):
            pass
        truncated = reader.limit > 0
    else:  # no declared length: only a broken stream tells
        truncated = stream.error is not None
    if truncated:
        raise _TruncatedRecordError
