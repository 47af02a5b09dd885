"""Read RSS (0.9x, 1.0, 2.0) and Atom feeds into one article per entry, through feedparser.

A feed entry often carries only a teaser; this reader takes the fullest text an entry has
(``content:encoded`` or Atom ``<content>`` before ``<description>``/``<summary>``), marks
entries that carry only a short summary, and can fetch the linked page for those when the
run asks for it. Entry HTML is turned into plain text with lxml rather than a boilerplate
remover, because a feed's content is already the article and boilerplate removers drop
short texts.
"""

from __future__ import annotations

import io
import json
import re
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import replace
from datetime import date
from html import unescape
from typing import Any

import feedparser
import lxml.etree
import lxml.html

from parallax.errors import EmptyInputError, InputError, MalformedInputError
from parallax.ingest.dates import parse_date
from parallax.ingest.html import adopt_page, read_html
from parallax.ingest.raw import RawInput
from parallax.model import Article, Outcome, Skipped
from parallax.settings import Settings

__all__ = ["html_fragment_text", "read_feed"]

SUMMARY_MAX_CHARS = 1000
"""An entry without full content whose summary is shorter than this is ``summary_only``.

News teasers run to a few sentences; a description longer than this is usually the whole
(short) article that the feed simply put in ``<description>``.
"""

_BLOCK_TAGS = frozenset(
    {
        "address", "article", "aside", "blockquote", "caption", "dd", "div", "dl", "dt",
        "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header",
        "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table", "tr", "ul",
    }
)  # fmt: skip
_SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "head", "iframe", "object"})
_CELL_TAGS = frozenset({"td", "th"})
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")
_HSPACE = re.compile(r"[^\S\n]+")
_ANY_SPACE = re.compile(r"\s+")
_AROUND_NEWLINE = re.compile(r" *\n *")
_MANY_NEWLINES = re.compile(r"\n{3,}")
_TAG = re.compile(r"<[^>]*>")
_INVISIBLE = re.compile(r"<(script|style)\b.*?</\1\s*>|<!--.*?-->", re.I | re.S)
_LOOKS_HTML = re.compile(r"<\s*/?\s*[a-zA-Z][^>]*>")
_EMAIL_IN_PARENS = re.compile(r"\s*\(?\b[\w.+-]+@[\w-]+\.[\w.-]+\b\)?\s*")

_PARAGRAPH = "\x00P"
_LINE = "\x00L"


def html_fragment_text(fragment: str) -> str:
    """Return the plain text of an HTML fragment, with block elements as paragraph breaks.

    Feed entries and corpus records hold fragments (``<p>...</p><p>...</p>``), not pages,
    so there is no boilerplate to remove; what matters is that paragraphs stay paragraphs
    and that the source's line wrapping inside a paragraph does not. Text that is not HTML
    comes back with only its whitespace tidied.
    """
    cleaned = _CONTROL.sub("", fragment)
    if not _LOOKS_HTML.search(cleaned):
        return _tidy_plain(cleaned)
    try:
        root = lxml.html.fragment_fromstring(cleaned, create_parent="div")
    except (ValueError, lxml.etree.ParserError):
        # lxml refuses a few pathological strings; stripping tags is the honest fallback.
        return _strip_tags(cleaned)
    parts: list[str] = []
    skipping = 0
    # iterwalk rather than recursion: nesting depth in the wild is unbounded.
    for event, element in lxml.etree.iterwalk(root, events=("start", "end")):
        tag = element.tag if isinstance(element.tag, str) else ""
        tag = tag.lower()
        if event == "start":
            if tag in _SKIP_TAGS:
                skipping += 1
            if skipping:
                continue
            if tag in _BLOCK_TAGS:
                parts.append(_PARAGRAPH)
            elif tag == "br":
                parts.append(_LINE)
            if tag and element.text:  # comments and processing instructions have no tag
                parts.append(element.text)
            continue
        if tag in _SKIP_TAGS:
            skipping -= 1
        elif not skipping:
            if tag in _BLOCK_TAGS:
                parts.append(_PARAGRAPH)
            elif tag in _CELL_TAGS:
                parts.append(" ")
        if not skipping and element.tail and element is not root:
            parts.append(element.tail)
    text = _tidy_marked("".join(parts))
    # libxml2 gives up on very deep nesting and drops the text inside it.
    return text or _strip_tags(cleaned)


def _strip_tags(html: str) -> str:
    return _tidy_plain(unescape(_TAG.sub(" ", _INVISIBLE.sub(" ", html))))


def _tidy_plain(text: str) -> str:
    paragraphs = re.split(r"\n\s*\n", text.replace("\r\n", "\n").replace("\r", "\n"))
    kept = (_ANY_SPACE.sub(" ", paragraph).strip() for paragraph in paragraphs)
    return "\n\n".join(paragraph for paragraph in kept if paragraph)


def _tidy_marked(text: str) -> str:
    text = _ANY_SPACE.sub(" ", text.replace("\xa0", " "))
    text = text.replace(_PARAGRAPH, "\n\n").replace(_LINE, "\n")
    text = _AROUND_NEWLINE.sub("\n", _HSPACE.sub(" ", text))
    return _MANY_NEWLINES.sub("\n\n", text).strip()


def read_feed(
    raw: RawInput, settings: Settings, fetch: Callable[[str], RawInput] | None = None
) -> Iterator[Outcome]:
    """Yield one outcome per feed entry: an article, or a skip for an entry with no text.

    Args:
        raw: the feed document (RSS 0.9x/1.0/2.0 or Atom, any encoding feedparser detects).
        settings: the size cap, and ``follow_feed_links``.
        fetch: fetches an entry's link; used only when ``settings.follow_feed_links`` is on
            and the entry carries just a short summary.

    Raises:
        EmptyInputError: the input is empty, or a feed with no entries.
        MalformedInputError: the input is not an RSS or Atom feed.
        OversizedInputError: the feed is larger than ``settings.max_input_bytes``.
    """
    data = raw.read(settings.max_input_bytes)
    if not data.strip():
        raise EmptyInputError(f"{raw.source}: the feed is empty (0 bytes or only whitespace)")
    parsed = _parse(data, raw)
    entries = list(parsed.get("entries") or [])
    problem = parsed.get("bozo_exception") if parsed.get("bozo") else None
    if not entries:
        if not parsed.get("version"):
            detail = f" (parser said: {_one_line(problem)})" if problem else ""
            raise MalformedInputError(
                f"{raw.source}: not an RSS or Atom feed{detail}; check that the file or URL "
                "is the feed itself and not a web page or an error page"
            )
        raise EmptyInputError(
            f"{raw.source}: the feed has no entries (a valid "
            f"{parsed.get('version')} feed with nothing in it yet)"
        )
    feed_info = parsed.get("feed") or {}
    outlet = _clean_line(_text_field(feed_info, "title"))
    warning = _one_line(problem) if problem else None
    follow = fetch if settings.follow_feed_links else None
    for index, entry in enumerate(entries, start=1):
        yield _entry_outcome(entry, index, raw, settings, outlet, warning, follow)


def _parse(data: bytes, raw: RawInput) -> Mapping[str, Any]:
    headers: dict[str, str] = {}
    if raw.content_type:
        headers["content-type"] = raw.content_type
    if raw.url:
        headers["content-location"] = raw.url  # resolves relative links in entries
    try:
        # A stream, never the bytes themselves: feedparser treats a bare string argument
        # as a path or URL to open.
        result: Mapping[str, Any] = feedparser.parse(io.BytesIO(data), response_headers=headers)
    except Exception as exc:  # feedparser's failure modes on hostile bytes are undocumented
        raise MalformedInputError(
            f"{raw.source}: not a readable RSS or Atom feed ({type(exc).__name__}: "
            f"{_one_line(exc)}); check that the input is the feed itself"
        ) from None
    return result


def _entry_outcome(
    entry: Mapping[str, Any],
    index: int,
    raw: RawInput,
    settings: Settings,
    outlet: str | None,
    warning: str | None,
    fetch: Callable[[str], RawInput] | None,
) -> Outcome:
    source = f"{raw.source}#entry-{index}"
    link = _clean_line(entry.get("link")) or None
    text, from_content = _entry_text(entry)
    summary_only = bool(text) and not from_content and len(text) < SUMMARY_MAX_CHARS
    meta: dict[str, Any] = {}
    if summary_only:
        meta["summary_only"] = True
    if warning:
        meta["feed_warning"] = warning
    if entry.get("id"):
        meta["guid"] = str(entry.get("id"))
    tags = [str(t.get("term")) for t in entry.get("tags") or [] if t.get("term")]
    if tags:
        meta["tags"] = tags
    article = Article(
        text=text,
        source=source,
        title=_clean_line(_text_field(entry, "title")),
        outlet=outlet,
        author=_entry_author(entry),
        date=_entry_date(entry),
        url=link,
        format="feed",
        raw=_entry_raw(entry),
        meta=meta,
    )
    if fetch is not None and link and (summary_only or not text):
        return _follow_link(article, link, fetch, settings)
    if not text:
        return Skipped(
            source,
            "feed entry has no text (no content, description or summary)"
            + ("; turn on following feed links to fetch the linked page" if link else ""),
        )
    return article


def _entry_text(entry: Mapping[str, Any]) -> tuple[str, bool]:
    """Return the fullest text the entry carries, and whether it came from full content."""
    best = ""
    for item in entry.get("content") or []:
        candidate = _as_text(item.get("value"), item.get("type"))
        if len(candidate) > len(best):
            best = candidate
    detail = entry.get("summary_detail") or {}
    summary = _as_text(entry.get("summary"), detail.get("type"))
    if len(summary) > len(best):
        return summary, False
    return best, bool(best)


def _as_text(value: Any, media_type: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        return ""
    if media_type == "text/plain":
        return _tidy_plain(_CONTROL.sub("", value))
    return html_fragment_text(value)


def _text_field(mapping: Mapping[str, Any], key: str) -> str | None:
    """Return a title-like field as text; feedparser leaves inline HTML in some titles."""
    value = mapping.get(key)
    if not isinstance(value, str):
        return None
    detail = mapping.get(f"{key}_detail") or {}
    if detail.get("type") in {"text/html", "application/xhtml+xml"}:
        return html_fragment_text(value)
    return value


def _clean_line(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    cleaned = _ANY_SPACE.sub(" ", _CONTROL.sub("", value)).strip()
    return cleaned or None


def _entry_author(entry: Mapping[str, Any]) -> str | None:
    names: list[str] = []
    for person in entry.get("authors") or []:
        name = _clean_line(person.get("name") if isinstance(person, Mapping) else None)
        if name and name not in names:
            names.append(name)
    if not names:
        detail = entry.get("author_detail") or {}
        name = _clean_line(detail.get("name")) or _clean_line(entry.get("author"))
        if name:
            names.append(name)
    # RSS <author> is formally an e-mail address, "jo@x.org (Jo Bloggs)"; keep the name.
    cleaned = [_EMAIL_IN_PARENS.sub(" ", name).strip(" ()") or name for name in names]
    return ", ".join(cleaned) or None


def _entry_date(entry: Mapping[str, Any]) -> date | None:
    # dict.get, not entry.get: feedparser warns (DeprecationWarning) when "updated" is
    # looked up on an entry that only has "published".
    fields: Mapping[str, Any] = dict(entry)
    for key in ("published", "updated", "created"):
        # The written date first: feedparser's parsed form is shifted to UTC, which can
        # move an evening story to the next day.
        found = parse_date(_clean_line(fields.get(key)))
        if found is not None:
            return found
        stamp = fields.get(f"{key}_parsed")
        if isinstance(stamp, time.struct_time):
            return date(stamp.tm_year, stamp.tm_mon, stamp.tm_mday)
    return None


def _entry_raw(entry: Mapping[str, Any]) -> bytes:
    """Serialise the entry's fields (feedparser keeps no per-entry XML) so it can be re-read."""
    return json.dumps(entry, ensure_ascii=False, sort_keys=True, default=str).encode(
        "utf-8", "surrogatepass"
    )


def _follow_link(
    article: Article, link: str, fetch: Callable[[str], RawInput], settings: Settings
) -> Outcome:
    """Replace a summary by the linked page's article; keep the summary if that fails."""
    try:
        page = read_html(fetch(link), settings)
    except (InputError, OSError) as exc:
        if not article.text:
            return Skipped(
                article.source,
                f"feed entry has no text and its link could not be read: {_one_line(exc)}",
            )
        return replace(article, meta={**article.meta, "fetch_error": _one_line(exc)})
    meta = {**page.meta, **article.meta, "fetched": True, "summary": article.text or None}
    meta.pop("summary_only", None)
    return adopt_page(
        article,
        page,
        raw=page.raw,
        meta={key: value for key, value in meta.items() if value is not None},
    )


def _one_line(value: object) -> str:
    return _ANY_SPACE.sub(" ", str(value)).strip()[:300]
