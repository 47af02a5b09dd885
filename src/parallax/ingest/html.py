"""Read an HTML page into an article: main text and metadata, through trafilatura.

trafilatura does the boilerplate removal (it tops the public extraction benchmarks); this
module decodes the bytes safely, keeps comments out of the article's own words, and maps
trafilatura's metadata onto ours.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from typing import Any

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


_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")


def _word_count(text: str) -> int:
    """Words in ``text``; scripts written without spaces count about two characters a word."""
    return max(len(text.split()), len(_CJK.findall(text)) // 2)


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
    if _word_count(text) < MIN_WORDS:
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
    outlet = _clean(getattr(doc, "sitename", None))
    hostname = getattr(doc, "hostname", None)
    return Article(
        text=text,
        source=source,
        title=clean_title(getattr(doc, "title", None), outlet, hostname),
        outlet=outlet,
        author=clean_author(getattr(doc, "author", None), outlet, hostname),
        date=published,
        url=url or getattr(doc, "url", None) or None,
        format=fmt,
        raw=raw,
        meta=meta,
    )


_TITLE_SEPARATORS = re.compile(r"\s+(?:\||-|–|—|::|·|•|»)\s+")
_AUTHOR_NOISE = re.compile(r"^(?:by|view all posts by|posts by|written by|author:)\s+", re.I)


def _squash(text: str) -> str:
    return re.sub(r"[\W_]+", "", text.lower())


def _names_site(segment: str, site_names: list[str]) -> bool:
    squashed = _squash(segment)
    if not squashed:
        return False
    return any(squashed in name or name in squashed for name in site_names if len(name) >= 3)


def _site_names(outlet: str | None, hostname: str | None) -> list[str]:
    names = [_squash(outlet)] if outlet else []
    if hostname:
        host = hostname.lower().removeprefix("www.")
        names.append(_squash(host.rsplit(".", 1)[0]))
    return [n for n in names if n]


def clean_title(title: str | None, outlet: str | None, hostname: str | None) -> str | None:
    """Drop a site name that pages append or prepend to their title ("Story | Site")."""
    title = _clean(title)
    if not title:
        return None
    names = _site_names(outlet, hostname)
    parts = _TITLE_SEPARATORS.split(title)
    if len(parts) < 2 or not names:
        return title
    if _names_site(parts[-1], names):
        keep = parts[:-1]
    elif _names_site(parts[0], names):
        keep = parts[1:]
    else:
        return title
    # Cut the original string, so separators inside the kept part stay as they were.
    start = title.find(keep[0])
    end = title.rfind(keep[-1]) + len(keep[-1])
    return title[start:end].strip() or title


def clean_author(author: str | None, outlet: str | None, hostname: str | None) -> str | None:
    """Drop the publisher and "View all posts by" noise that pages put in author fields."""
    author = _clean(author)
    if not author:
        return None
    names = _site_names(outlet, hostname)
    people = []
    for part in re.split(r";|\s+and\s+|,\s*(?=[A-Z])", author):
        part = _AUTHOR_NOISE.sub("", part.strip()).strip(" ,;")
        if part and not (names and _squash(part) in names) and part not in people:
            people.append(part)
    return "; ".join(people) or None


def _clean(value: str | None) -> str | None:
    if not value:
        return None
    value = " ".join(value.split())
    return value or None


def adopt_page(article: Article, page: Article, **changes: Any) -> Article:
    """Give ``article`` the text of an HTML ``page``, keeping the metadata it already has.

    Used when a feed entry or a corpus record points to (or holds) a page: what the entry
    or record says about itself wins, the page fills in what it left out.
    """
    return replace(
        article,
        text=page.text,
        title=article.title or page.title,
        outlet=article.outlet or page.outlet,
        author=article.author or page.author,
        date=article.date or page.date,
        **changes,
    )


def read_html(raw: RawInput, settings: Settings) -> Article:
    """Read one HTML document (file, fetched page or archived record)."""
    data = raw.read(settings.max_input_bytes)
    text, _encoding = decode_text(data, raw.source, declared_charset(data, raw.content_type))
    return html_to_article(text, raw.source, url=raw.url, raw=data)
