"""Read an HTML page into an article: main text and metadata, through trafilatura.

trafilatura does the boilerplate removal (it tops the public extraction benchmarks); this
module decodes the bytes safely, keeps comments out of the article's own words, and maps
trafilatura's metadata onto ours.
"""

from __future__ import annotations

import re
from datetime import date

import trafilatura
from trafilatura.settings import use_config

from parallax.errors import EmptyInputError, MalformedInputError
from parallax.ingest.dates import parse_date
from parallax.ingest.decode import decode_text
from parallax.ingest.raw import RawInput
from parallax.model import Article
from parallax.settings import Settings

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_\-:]+)""", re.I)
MIN_WORDS = 8
"""Fewer words than this is a navigation stub or an empty shell, not an article."""
_CONFIG = use_config()
# trafilatura's own timeout uses signals, which fail outside the main thread (server, Ray).
_CONFIG.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")


def declared_charset(data: bytes, content_type: str | None = None) -> str | None:
    """Return the charset an HTTP header or a ``<meta>`` tag declares, if any."""
    if content_type and "charset=" in content_type.lower():
        return content_type.lower().split("charset=", 1)[1].split(";")[0].strip(" \"'")
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii", "ignore") if match else None


def html_to_article(
    html: str, source: str, *, url: str | None = None, raw: bytes = b"", fmt: str = "html"
) -> Article:
    """Extract the main text and metadata of an HTML page.

    Raises:
        EmptyInputError: the page has no main text (a navigation page, an empty shell).
        MalformedInputError: the markup cannot be parsed at all.
    """
    try:
        doc = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            config=_CONFIG,
        )
    except (ValueError, TypeError, AssertionError) as exc:
        raise MalformedInputError(f"{source}: the HTML cannot be parsed ({exc})") from None
    text = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    if len(text.split()) < MIN_WORDS:
        raise EmptyInputError(
            f"{source}: no article text found in the page (it may be a navigation page, "
            "a script-only shell that needs a browser, or an empty document)"
        )
    published: date | None = parse_date(getattr(doc, "date", None) or "")
    meta = {
        key: value
        for key in ("description", "hostname", "categories", "tags", "image", "pagetype")
        if (value := getattr(doc, key, None))
    }
    return Article(
        text=text,
        source=source,
        title=_clean(getattr(doc, "title", None)),
        outlet=_clean(getattr(doc, "sitename", None)),
        author=_clean(getattr(doc, "author", None)),
        date=published,
        url=url or getattr(doc, "url", None) or None,
        format=fmt,
        raw=raw,
        meta=meta,
    )


def _clean(value: str | None) -> str | None:
    if not value:
        return None
    value = " ".join(value.split())
    return value or None


def read_html(raw: RawInput, settings: Settings) -> Article:
    """Read one HTML document (file, fetched page or archived record)."""
    data = raw.read(settings.max_input_bytes)
    text, _encoding = decode_text(data, raw.source, declared_charset(data, raw.content_type))
    return html_to_article(text, raw.source, url=raw.url, raw=data)
