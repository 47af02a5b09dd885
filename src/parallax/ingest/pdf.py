"""Read a PDF's text layer and document information into one article, through pypdf.

A PDF has no notion of paragraphs, only positioned lines, so the text is kept line by
line (words split by a hyphen at a line end are rejoined) and pages are separated by a
paragraph break. Titles that PDF producers write by default ("Microsoft Word - draft.docx")
are dropped rather than shown as headlines.
"""

from __future__ import annotations

import io
import logging
import re
from datetime import date
from typing import Any

from pypdf import PdfReader

from parallax.errors import EmptyInputError, MalformedInputError
from parallax.ingest.dates import parse_date
from parallax.ingest.raw import RawInput
from parallax.model import Article
from parallax.settings import Settings

__all__ = ["read_pdf"]

# pypdf logs every repair it makes to a damaged file at WARNING; the reader reports what
# matters through its exceptions and outcome messages, so the repairs stay quiet.
logging.getLogger("pypdf").setLevel(logging.CRITICAL)

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
_TRAILING_SPACE = re.compile(r"[ \t\xa0]+\n")
_HYPHEN_BREAK = re.compile(r"(\w)-\n(?=[a-zà-ÿ])")
_MANY_NEWLINES = re.compile(r"\n{3,}")
_PDF_DATE = re.compile(r"^\s*(?:D\s*:)?\s*(\d{4})(\d{2})(\d{2})")
_WORDS = re.compile(r"\w{2,}")

_JUNK_TITLE = re.compile(
    r"""^(?:
        microsoft\s+(?:word|powerpoint|excel)\s*-.*       # Microsoft Word - draft.docx
      | untitled(?:[\s_-]*\d*|\s+document)?               # Untitled, Untitled-1
      | (?:new\s+)?document\s*\d*                         # Document1
      | (?:no\s+)?title | none | null | unknown | \(anonymous\)
      | powerpoint\s+presentation | slide\s*\d*
      | .*\.(?:docx?|rtf|odt|pages|pdf|indd|qxd|qxp|tex|dvi|ps|txt|html?|xlsx?|pptx?)
    )$""",
    re.I | re.X,
)
_JUNK_AUTHOR = frozenset(
    {"administrator", "admin", "user", "owner", "unknown", "author", "default", "none"}
)


def read_pdf(raw: RawInput, settings: Settings) -> Article:
    """Read the text of every page and the title, author and creation date of a PDF.

    Raises:
        OversizedInputError: the file is larger than ``settings.max_input_bytes``.
        MalformedInputError: pypdf cannot read the file (truncated, damaged, encrypted
            with a password, or not a PDF).
        EmptyInputError: the PDF has no text layer (for example a scan without OCR).
    """
    data = raw.read(settings.max_input_bytes)
    reader = _open(data, raw.source)
    pages: list[str] = []
    unreadable: list[int] = []
    try:
        page_list = list(reader.pages)
    except Exception as exc:  # a broken page tree raises from pypdf's lazy loading
        raise _unreadable(raw.source, exc) from None
    for number, page in enumerate(page_list, start=1):
        try:
            pages.append(_tidy(page.extract_text()))
        except Exception:  # one damaged page must not cost the others
            unreadable.append(number)
    text = "\n\n".join(page for page in pages if page)
    if not _WORDS.search(text):
        raise EmptyInputError(
            f"{raw.source}: the PDF has no text layer (a scanned PDF?); run OCR on it first, "
            "e.g. with ocrmypdf, and read the result"
        )
    info = _info(reader)
    meta: dict[str, Any] = {"pages": len(page_list)}
    if unreadable:
        meta["unreadable_pages"] = unreadable
    for key in ("/Producer", "/Creator", "/Subject", "/Keywords"):
        value = _info_text(info, key)
        if value:
            meta[key.lstrip("/").lower()] = value
    return Article(
        text=text,
        source=raw.source,
        title=_title(_info_text(info, "/Title")),
        author=_author(_info_text(info, "/Author")),
        date=_pdf_date(_info_text(info, "/CreationDate")),
        url=raw.url,
        format="pdf",
        raw=data,
        meta=meta,
    )


def _open(data: bytes, source: str) -> PdfReader:
    if not data.strip():
        raise EmptyInputError(f"{source}: the file is empty (0 bytes)")
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise MalformedInputError(
                f"{source}: not a readable PDF: it is encrypted with a password; decrypt it "
                "first (e.g. qpdf --decrypt --password=PASSWORD in.pdf out.pdf)"
            )
    except MalformedInputError:
        raise
    except Exception as exc:  # pypdf raises many types (PdfReadError, ValueError, ...)
        raise _unreadable(source, exc) from None
    return reader


def _unreadable(source: str, exc: Exception) -> MalformedInputError:
    detail = " ".join(f"{type(exc).__name__}: {exc}".split())[:300]
    return MalformedInputError(
        f"{source}: not a readable PDF ({detail}); if it is encrypted, decrypt it first, "
        "otherwise the file is probably truncated or damaged (re-download or re-export it)"
    )


def _tidy(text: str) -> str:
    text = _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = _TRAILING_SPACE.sub("\n", text)
    text = _HYPHEN_BREAK.sub(r"\1", text)
    return _MANY_NEWLINES.sub("\n\n", text).strip()


def _info(reader: PdfReader) -> Any:
    try:
        return reader.metadata
    except Exception:  # a damaged /Info dictionary loses the metadata, not the text
        return None


def _info_text(info: Any, key: str) -> str | None:
    if info is None:
        return None
    try:
        value = info.get(key)
        if value is not None and hasattr(value, "get_object"):
            value = value.get_object()
    except Exception:  # an /Info entry pointing at a missing object
        return None
    if not isinstance(value, str):
        return None
    cleaned = " ".join(_CONTROL.sub("", value).split())
    return cleaned or None


def _title(value: str | None) -> str | None:
    if not value or _JUNK_TITLE.match(value) or not _WORDS.search(value):
        return None
    return value


def _author(value: str | None) -> str | None:
    if not value or value.lower() in _JUNK_AUTHOR or not _WORDS.search(value):
        return None
    return value


def _pdf_date(value: str | None) -> date | None:
    """Parse a PDF date (``D:20220207120000+01'00'``), or any common date form."""
    if not value:
        return None
    match = _PDF_DATE.match(value)
    if match:
        year, month, day = (int(group) for group in match.groups())
        try:
            found = date(year, month, day)
        except ValueError:
            found = None
        if found is not None and 1900 <= found.year <= 2100:
            return found
    return parse_date(value)
