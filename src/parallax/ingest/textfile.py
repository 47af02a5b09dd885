"""Read plain-text and Markdown articles: header lines become metadata, the rest is text."""

from __future__ import annotations

import re

from parallax.datelines import dateline_date
from parallax.errors import EmptyInputError
from parallax.ingest.dates import parse_date
from parallax.ingest.decode import decode_text
from parallax.ingest.headers import parse_header
from parallax.ingest.raw import RawInput
from parallax.model import Article
from parallax.settings import Settings

_FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n(?:---|\.\.\.)\s*(?:\n|\Z)", re.S)
_MD_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^```.*?^```[ \t]*$", re.M | re.S), ""),  # code blocks are not prose
    (re.compile(r"<!--.*?-->", re.S), ""),
    (re.compile(r"<[^>\n]+>"), ""),  # inline HTML tags
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), ""),  # images
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # links keep their text
    (re.compile(r"\[([^\]]+)\]\[[^\]]*\]"), r"\1"),
    (re.compile(r"^[ \t]{0,3}\[[^\]]+\]:\s*\S+.*$", re.M), ""),  # link definitions
    (re.compile(r"^[ \t]{0,3}#{1,6}\s+(.+?)[ \t]*#*[ \t]*$", re.M), r"\1"),
    (re.compile(r"^[ \t]{0,3}>[ \t]?", re.M), ""),
    (re.compile(r"^[ \t]*(?:[-*+]|\d+[.)])[ \t]+", re.M), ""),
    (re.compile(r"^[ \t]{0,3}(?:[-*_][ \t]*){3,}$", re.M), ""),  # horizontal rules
    (re.compile(r"(\*\*|__)(.+?)\1"), r"\2"),
    (re.compile(r"(?<![\w*])[*_](\S(?:.*?\S)?)[*_](?![\w*])"), r"\1"),
    (re.compile(r"`([^`]+)`"), r"\1"),
)


def markdown_to_text(markdown: str) -> str:
    """Render Markdown as plain prose: markup removed, paragraphs kept."""
    text = markdown
    for pattern, replacement in _MD_RULES:
        text = pattern.sub(replacement, text)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def _front_matter(text: str) -> tuple[dict[str, str], str]:
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text
    fields: dict[str, str] = {}
    for line in match.group(1).splitlines():
        key, sep, value = line.partition(":")
        if sep and key.strip():
            fields[key.strip().lower()] = value.strip().strip("\"'")
    return fields, text[match.end() :]


def clean_paragraphs(text: str) -> str:
    """Normalise line endings, whitespace and typewriter quotes, keeping paragraph breaks."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    paragraphs = [_curly_quotes(" ".join(p.split())) for p in re.split(r"\n\s*\n", text)]
    return "\n\n".join(p for p in paragraphs if p)


def _curly_quotes(paragraph: str) -> str:
    """``Quotes like this'' (wire archives and corpora write them so) as curly marks.

    Two backticks open a quotation and two apostrophes close it; the quotation reader knows
    only real quote marks, so such a quotation was read as the article's own words. Only a
    paragraph that has an opening pair is changed: two apostrophes alone may be an inch mark.
    """
    if "``" not in paragraph:
        return paragraph
    return paragraph.replace("``", "\u201c").replace("''", "\u201d")


def text_to_article(
    text: str, source: str, *, markdown: bool = False, raw: bytes = b"", url: str | None = None
) -> Article:
    """Build an article from decoded text, taking its header lines as metadata.

    Raises:
        EmptyInputError: nothing is left once the header is taken off.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    front, text = _front_matter(text) if markdown else ({}, text)
    header = parse_header(text, markdown=markdown)
    body = text[header.body_start :]
    body = markdown_to_text(body) if markdown else body
    body = clean_paragraphs(body)
    if not body:
        raise EmptyInputError(f"{source}: there is a header but no article text under it")
    meta: dict[str, object] = {}
    for key in ("tagline", "section", "epigraph", "epigraph_attribution"):
        if value := getattr(header, key):
            meta[key] = value
    date_text = front.get("date") or header.date_text
    return Article(
        text=body,
        source=source,
        title=front.get("title") or header.title,
        outlet=front.get("outlet")
        or front.get("publication")
        or front.get("source")
        or header.outlet,
        author=front.get("author") or header.author,
        # A wire story's dateline with its year ("KYIV, March 5, 2024 (Reuters) -") dates it.
        date=parse_date(date_text) or dateline_date(body, None),
        url=url or front.get("url") or header.url,
        language=header.language or "und",
        format="markdown" if markdown else "text",
        raw=raw,
        meta=meta,
    )


def read_text(raw: RawInput, settings: Settings, *, markdown: bool = False) -> Article:
    """Read a plain-text (or Markdown) article from ``raw``."""
    data = raw.read(settings.max_input_bytes)
    text, encoding = decode_text(data, raw.source)
    article = text_to_article(text, raw.source, markdown=markdown, raw=data, url=raw.url)
    if encoding not in {"utf-8", "utf-8-sig", "ascii"}:
        article.meta["encoding"] = encoding
    return article
