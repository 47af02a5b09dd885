"""Read article corpora stored as JSON Lines, CSV/TSV or a JSON array, one record at a time.

Corpora name their columns in many ways (``body``, ``maintext``, ``articleBody`` ...), so
each article field is found through the run's field mapping (``--field text=COLUMN``)
or, without one, by trying the common names. JSONL and CSV are streamed line by line in
bounded memory; a bad record fails on its own, named ``<source>:<line>``, and the rest of
the corpus is read. Line numbers are 1-based lines of the file, the CSV header being line
1; a CSV record that spans several lines is named by its first line.
"""

from __future__ import annotations

import codecs
import csv
import json
import re
import zlib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from typing import Any, BinaryIO

from parallax.errors import EmptyInputError, EncodingError, InputError, MalformedInputError
from parallax.ingest.dates import parse_date
from parallax.ingest.decode import decode_text
from parallax.ingest.feeds import html_fragment_text
from parallax.ingest.html import adopt_page, html_to_article
from parallax.ingest.raw import RawInput
from parallax.model import Article, Failed, Outcome
from parallax.settings import Settings

__all__ = ["FIELD_GUESSES", "read_csv", "read_json", "read_jsonl"]

FIELD_GUESSES: dict[str, tuple[str, ...]] = {
    "text": (
        "text", "body", "content", "articleBody", "article", "maintext", "full_text",
        "story",
    ),
    "title": ("title", "headline"),
    "outlet": ("outlet", "source", "site", "sitename", "publisher", "domain", "media"),
    "author": ("author", "authors", "byline", "creator"),
    "date": (
        "date", "published", "publish_date", "pubDate", "date_publish", "published_at",
        "timestamp",
    ),
    "url": ("url", "link", "uri"),
    "language": ("language", "lang"),
    "id": ("id",),
}  # fmt: skip
"""Column names tried, in order, for each article field when the run gives no mapping."""

HEAD_BYTES = 64 * 1024
"""How much of a corpus is read up front to choose its encoding and CSV delimiter."""

JSON_WRAPPER_KEYS = ("articles", "items", "records", "documents", "docs", "data", "results")
"""Keys under which a ``.json`` file may hold its list of articles."""

_TAG = re.compile(r"<\s*/?\s*[a-zA-Z][^>]*>")
_FULL_PAGE = re.compile(r"<\s*(?:!doctype\s+html|html|body)[\s>]", re.I)
_DELIMITERS = (",", "\t", ";")


@dataclass
class _Line:
    number: int
    data: bytes
    problem: str | None = None


@dataclass
class _Fields:
    """Finds the column of each article field in a record, by mapping or by guessing."""

    mapping: Mapping[str, str]

    def column(self, name: str, keys: Iterable[str]) -> str | None:
        present = list(keys)
        wanted = (self.mapping[name],) if name in self.mapping else FIELD_GUESSES[name]
        for candidate in wanted:
            if candidate in present:
                return candidate
        folded = {key.casefold(): key for key in present}
        for candidate in wanted:
            if candidate.casefold() in folded:
                return folded[candidate.casefold()]
        return None

    def missing_text(self, keys: Iterable[str]) -> str:
        shown = ", ".join(repr(key) for key in list(keys)[:15]) or "none"
        if "text" in self.mapping:
            return (
                f"no field {self.mapping['text']!r} (mapped with --field "
                f"text={self.mapping['text']}); the record's fields are: {shown}"
            )
        tried = ", ".join(FIELD_GUESSES["text"])
        return (
            f"no text field (tried {tried}); the record's fields are: {shown}; name the "
            "article text column with --field text=COLUMN"
        )


# ---------------------------------------------------------------------------- JSON Lines


def read_jsonl(raw: RawInput, settings: Settings) -> Iterator[Outcome]:
    """Yield one outcome per line of a JSON Lines corpus (blank lines are passed over).

    Raises:
        EmptyInputError: the file is empty.
        BinaryInputError, EncodingError: the file is not text in an encoding that can be
            read reliably (a few undecodable lines in a UTF-8 file only fail those lines).
    """
    fields = _Fields(settings.field_map)
    with raw.open() as handle:
        lines, encoding = _decoded_lines(handle, raw, settings.max_input_bytes)
        anything = False
        for line, text in lines:
            source = f"{raw.source}:{line.number}"
            if line.problem:
                anything = True
                yield Failed(source, line.problem)
                continue
            if not text.strip():
                continue
            anything = True
            try:
                record = json.loads(text)
            except json.JSONDecodeError as exc:
                cut = "" if line.data.endswith(b"\n") else " (the last line looks cut short)"
                yield Failed(
                    source,
                    f"line {line.number} is not valid JSON ({exc.msg}, column {exc.colno})"
                    f"{cut}; each line must hold one JSON object",
                )
                continue
            except (ValueError, RecursionError) as exc:  # absurd nesting or numbers
                yield Failed(source, f"line {line.number} cannot be read as JSON ({exc})")
                continue
            if not isinstance(record, dict):
                yield Failed(
                    source,
                    f"line {line.number} holds a JSON {_json_type(record)}, not an object; "
                    "each line must be one article object",
                )
                continue
            yield _record_outcome(
                record, source, line.data.rstrip(b"\r\n"), fields, "jsonl", encoding
            )
        if not anything:
            raise EmptyInputError(f"{raw.source}: the JSON Lines file is empty (no records)")


# ---------------------------------------------------------------------------------- CSV


def read_csv(raw: RawInput, settings: Settings) -> Iterator[Outcome]:
    """Yield one outcome per data row of a CSV or TSV corpus with a header row.

    The delimiter (comma, tab or semicolon) is chosen from the header line; quoted fields
    may span lines.

    Raises:
        EmptyInputError: the file is empty or holds only a header.
        MalformedInputError: the header names no text column (the message lists them).
        BinaryInputError, EncodingError: the file is not readable text.
    """
    fields = _Fields(settings.field_map)
    # The csv module's field limit is process-wide; only ever raise it, up to the cap.
    csv.field_size_limit(max(csv.field_size_limit(), min(settings.max_input_bytes, 2**31 - 1)))
    with raw.open() as handle:
        lines, encoding = _decoded_lines(handle, raw, settings.max_input_bytes)
        first = _header_line(lines, raw)
        # The csv reader pulls exactly the lines of one record; ``pending`` collects them
        # so each row can be named by its first line and keep its own bytes.
        pending: list[tuple[_Line, str]] = []

        def feed() -> Iterator[str]:
            for line, text in lines:
                pending.append((line, text))
                yield text

        delimiter = "\t" if raw.stem.endswith(".tsv") else _pick_delimiter(first)
        rows = csv.reader(_prepend(first, feed()), delimiter=delimiter)
        header = _header_row(rows, raw)
        pending.clear()
        if fields.column("text", header) is None:
            raise MalformedInputError(f"{raw.source}: {fields.missing_text(header)}")
        yield from _csv_rows(rows, header, pending, raw, fields, encoding)


def _header_line(lines: Iterator[tuple[_Line, str]], raw: RawInput) -> str:
    """Return the first non-blank line, which names the columns."""
    for line, text in lines:
        if line.problem:
            raise MalformedInputError(f"{raw.source}: cannot read the header: {line.problem}")
        if text.strip():
            return text
    raise EmptyInputError(f"{raw.source}: the CSV file is empty")


def _prepend(first: str, rest: Iterator[str]) -> Iterator[str]:
    yield first
    yield from rest


def _header_row(rows: Iterator[list[str]], raw: RawInput) -> list[str]:
    try:
        header = next(rows)
    except (StopIteration, csv.Error) as exc:
        raise MalformedInputError(
            f"{raw.source}: the CSV header row cannot be read ({exc}); the first line must "
            "name the columns"
        ) from None
    return [name.strip() for name in header]


def _csv_rows(
    rows: Iterator[list[str]],
    header: list[str],
    pending: list[tuple[_Line, str]],
    raw: RawInput,
    fields: _Fields,
    encoding: str,
) -> Iterator[Outcome]:
    records = 0
    while True:
        try:
            row: list[str] = next(rows)
            error = None
        except StopIteration:
            break
        except csv.Error as exc:
            row, error = [], str(exc)
        consumed, pending[:] = pending[:], []
        if not consumed:  # the reader failed without reading a line: nothing more to read
            break
        start = consumed[0][0].number
        source = f"{raw.source}:{start}"
        problems = [line.problem for line, _ in consumed if line.problem]
        if not problems and error is None and not any(cell.strip() for cell in row):
            continue  # a blank line
        records += 1
        if problems:
            yield Failed(source, problems[0])
        elif error is not None:
            yield Failed(source, f"the CSV row starting on line {start} cannot be read ({error})")
        elif len(row) != len(header):
            yield Failed(
                source,
                f"the row starting on line {start} has {len(row)} columns but the header has "
                f"{len(header)}; a field probably holds an unquoted delimiter or quote",
            )
        else:
            data = b"".join(line.data for line, _ in consumed).rstrip(b"\r\n")
            record = dict(zip(header, row, strict=True))
            yield _record_outcome(record, source, data, fields, "csv", encoding)
    if not records:
        raise EmptyInputError(f"{raw.source}: the CSV file has a header row but no records")


def _pick_delimiter(header_line: str) -> str:
    """Choose the delimiter the header line uses most (comma when it has none)."""
    counts = {delimiter: header_line.count(delimiter) for delimiter in _DELIMITERS}
    best = max(_DELIMITERS, key=lambda delimiter: counts[delimiter])
    return best if counts[best] else ","


# --------------------------------------------------------------------------------- JSON


def read_json(raw: RawInput, settings: Settings) -> Iterator[Outcome]:
    """Yield one outcome per article of a ``.json`` file.

    The file holds an array of article objects, an object wrapping that array under a
    key such as ``"articles"``, or a single article object. Records are named
    ``<source>#<n>``, numbered from 1.

    Raises:
        OversizedInputError: the file is larger than the size cap (a JSON document cannot
            be streamed; convert large corpora to JSON Lines).
        MalformedInputError: the file is not JSON, or holds no list of objects.
        EmptyInputError: the file or its list is empty.
    """
    data = raw.read(settings.max_input_bytes)
    text, encoding = decode_text(data, raw.source)
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise MalformedInputError(
            f"{raw.source}: not valid JSON ({exc.msg} at line {exc.lineno} column "
            f"{exc.colno}); if each line is one article, name the file .jsonl"
        ) from None
    except (ValueError, RecursionError) as exc:
        raise MalformedInputError(f"{raw.source}: the JSON cannot be read ({exc})") from None
    fields = _Fields(settings.field_map)
    records = _json_records(document, raw, fields)
    if not records:
        raise EmptyInputError(f"{raw.source}: the JSON holds an empty list of articles")
    for number, record in enumerate(records, start=1):
        source = f"{raw.source}#{number}"
        record_raw = json.dumps(record, ensure_ascii=False).encode("utf-8", "surrogatepass")
        if not isinstance(record, dict):
            yield Failed(
                source,
                f"item {number} is a JSON {_json_type(record)}, not an article object",
            )
            continue
        yield _record_outcome(record, source, record_raw, fields, "json", encoding)


def _json_records(document: Any, raw: RawInput, fields: _Fields) -> list[Any]:
    if isinstance(document, list):
        return document
    if isinstance(document, dict):
        for key in JSON_WRAPPER_KEYS:
            if isinstance(document.get(key), list):
                return list(document[key])
        if fields.column("text", document) is not None:
            return [document]
        keys = ", ".join(repr(key) for key in list(document)[:15]) or "none"
        raise MalformedInputError(
            f"{raw.source}: expected an array of article objects or an object with an "
            f'"articles" array; the top-level keys are: {keys}'
        )
    raise MalformedInputError(
        f"{raw.source}: the JSON is a {_json_type(document)}, not an array of article objects"
    )


# ------------------------------------------------------------------------ shared helpers


def _decoded_lines(
    handle: BinaryIO, raw: RawInput, cap: int
) -> tuple[Iterator[tuple[_Line, str]], str]:
    """Choose the corpus encoding from its head, then decode it line by line.

    UTF-8 files with a few damaged lines fail just those lines; a file in a legacy
    encoding is read in that encoding when detection is confident (Excel exports CSV in
    cp1252); anything else fails the whole input, since every line would be wrong.
    """
    raw_lines = _raw_lines(handle, cap, raw.source)
    head: list[_Line] = []
    size = 0
    for line in raw_lines:
        head.append(line)
        size += len(line.data)
        if size >= HEAD_BYTES:
            break
    encoding = _corpus_encoding(b"".join(line.data for line in head), raw.source)

    def decoded() -> Iterator[tuple[_Line, str]]:
        for line in _chain(head, raw_lines):
            if line.problem:
                yield line, ""
                continue
            try:
                yield line, line.data.decode(encoding)
            except UnicodeDecodeError as exc:
                line.problem = (
                    f"line {line.number} is not valid {encoding} ({exc.reason} at byte "
                    f"{exc.start}); re-save the file as UTF-8"
                )
                yield line, ""

    return decoded(), encoding


def _chain(first: list[_Line], rest: Iterator[_Line]) -> Iterator[_Line]:
    yield from first
    yield from rest


def _raw_lines(handle: BinaryIO, cap: int, source: str) -> Iterator[_Line]:
    """Yield the file's lines as bytes, never holding more than ``cap`` bytes of one line.

    A gzip stream that breaks part-way ends the lines with one that carries the problem,
    so the records before the damage are kept.

    Raises:
        MalformedInputError: the gzip stream is broken before its first line.
    """
    number = 0
    while True:
        oversized = False
        try:
            data = handle.readline(cap + 1)
            if len(data) > cap and not data.endswith(b"\n"):
                oversized = True
                while (more := handle.readline(cap)) and not more.endswith(b"\n"):
                    pass
        except (EOFError, OSError, zlib.error) as exc:
            detail = " ".join(str(exc).split())
            if number == 0:
                raise MalformedInputError(
                    f"{source}: the compressed file is corrupt or truncated ({detail}); "
                    "re-download or re-compress it"
                ) from None
            yield _Line(
                number + 1,
                b"",
                f"the compressed file is truncated or corrupt after line {number} ({detail}); "
                "the lines before it were read",
            )
            return
        if not data:
            return
        number += 1
        if oversized:
            yield _Line(
                number,
                b"\n",
                f"line {number} is over the {cap}-byte size cap; raise it with --max-size "
                "if this is intended",
            )
            continue
        if number == 1 and data.startswith(codecs.BOM_UTF8):
            data = data[len(codecs.BOM_UTF8) :]
        yield _Line(number, data)


def _corpus_encoding(head: bytes, source: str) -> str:
    try:
        head.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    lenient = head.decode("utf-8", errors="replace")
    if any(ord(char) > 127 and char != "\ufffd" for char in lenient):
        return "utf-8"  # UTF-8 with some damaged lines: those lines fail on their own
    _text, encoding = decode_text(head, source)
    name = codecs.lookup(encoding).name
    if name.startswith(("utf-16", "utf-32")):
        raise EncodingError(
            f"{source}: the corpus is in {name.upper()}, which cannot be read line by line; "
            "re-save it as UTF-8"
        )
    return "utf-8" if name == "utf-8-sig" else encoding


def _record_outcome(
    record: Mapping[str, Any],
    source: str,
    data: bytes,
    fields: _Fields,
    fmt: str,
    encoding: str,
) -> Outcome:
    """Build the article of one corpus record, or a failure saying which field is wrong."""
    text_key = fields.column("text", record)
    if text_key is None:
        return Failed(source, fields.missing_text(record))
    value = record[text_key]
    text = _text_value(value)
    if not text.strip():
        return Failed(
            source,
            f"the text field {text_key!r} is empty"
            + ("" if isinstance(value, str | list | type(None)) else " or not text"),
        )

    def get(name: str) -> Any:
        key = fields.column(name, record)
        return record.get(key) if key is not None else None

    meta: dict[str, Any] = {"encoding": encoding} if encoding != "utf-8" else {}
    for name, meta_key in (("language", "declared_language"), ("id", "corpus_id")):
        scalar = _scalar_text(get(name))
        if scalar:
            meta[meta_key] = scalar
    article = Article(
        text=text,
        source=source,
        title=_scalar_text(get("title")),
        outlet=_named(get("outlet")),
        author=_people(get("author")),
        date=_date_value(get("date")),
        url=_scalar_text(get("url")),
        format=fmt,
        raw=data,
        meta=meta,
    )
    if _TAG.search(text) and text.lstrip().startswith("<"):
        article = _from_html(article)
        if not article.text.strip():
            return Failed(source, f"the text field {text_key!r} holds HTML with no text in it")
    return article


def _from_html(article: Article) -> Article:
    """Turn a record whose text is HTML into plain text, filling metadata it lacks.

    A whole page goes through the boilerplate remover; a fragment keeps all its text
    (the remover drops short texts), as does a page in which the remover finds nothing.
    """
    meta = {**article.meta, "text_was_html": True}
    if _FULL_PAGE.search(article.text[:2048]):
        try:
            page = html_to_article(article.text, article.source, url=article.url)
        except InputError:
            pass
        else:
            return adopt_page(article, page, meta=meta)
    return replace(article, text=html_fragment_text(article.text), meta=meta)


def _text_value(value: Any) -> str:
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        # Some corpora store the article as a list of paragraphs.
        return "\n\n".join(item.strip() for item in value if item.strip())
    return ""


def _scalar_text(value: Any) -> str | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, str):
        cleaned = " ".join(value.split())
        return cleaned or None
    return None


def _named(value: Any) -> str | None:
    """A name given as text or as an object with a name (``{"id": ..., "name": "BBC"}``)."""
    return _scalar_text(value.get("name") if isinstance(value, dict) else value)


def _people(value: Any) -> str | None:
    """Join author lists, whether of names or of ``{"name": ...}`` objects."""
    if isinstance(value, list):
        joined = ", ".join(name for name in map(_named, value) if name)
        return joined or None
    return _named(value)


def _date_value(value: Any) -> date | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        seconds = value / 1000 if value > 1e11 else value  # epoch milliseconds
        try:
            moment = datetime.fromtimestamp(seconds, tz=UTC)
        except (OverflowError, OSError, ValueError):
            return None
        return moment.date() if 1990 <= moment.year <= 2100 else None
    if isinstance(value, str):
        stripped = value.strip()
        if stripped.isdigit() and len(stripped) in {10, 13}:
            return _date_value(int(stripped))
        return parse_date(stripped)
    return None


def _json_type(value: Any) -> str:
    if isinstance(value, list):
        return "array"
    if isinstance(value, dict):
        return "object"
    if isinstance(value, str):
        return "string"
    if isinstance(value, bool):
        return "boolean"
    if value is None:
        return "null"
    return "number"
