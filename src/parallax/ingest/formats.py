"""Decide which reader an input needs, from its first bytes first and its name second.

Content wins over the file name because names lie (a ``.txt`` that is really HTML, a
download saved as ``index``); the name only settles what the bytes cannot (CSV vs text,
Markdown vs text).
"""

from __future__ import annotations

import re

from parallax.ingest.raw import RawInput

FORMAT_BY_EXTENSION = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".pdf": "pdf",
    ".rss": "feed",
    ".atom": "feed",
    ".xml": "feed",
    ".warc": "warc",
    ".arc": "warc",
    ".wet": "warc",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
    ".tsv": "csv",
    ".json": "json",
}
FORMAT_BY_MEDIA_TYPE = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "application/pdf": "pdf",
    "application/rss+xml": "feed",
    "application/atom+xml": "feed",
    "application/xml": "feed",
    "text/xml": "feed",
    "application/rdf+xml": "feed",
    "text/plain": "text",
    "text/markdown": "markdown",
    "application/warc": "warc",
    "text/csv": "csv",
    "application/json": "json",
    "application/x-ndjson": "jsonl",
    "application/jsonl": "jsonl",
}
_HTML = re.compile(rb"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]", re.I)
_FEED = re.compile(rb"<rss[\s>]|<feed[\s>]|<rdf:RDF[\s>]|<channel[\s>]", re.I)
_XML = re.compile(rb"^\s*(?:\xef\xbb\xbf)?<\?xml", re.I)


def extension_of(name: str) -> str:
    """The last extension of ``name`` (after removing ``.gz``), lower-cased, with the dot."""
    name = name.lower().split("?", 1)[0].split("#", 1)[0]
    if name.endswith(".gz"):
        name = name[:-3]
    if name.endswith(".warc.wet") or name.endswith(".wet"):
        return ".wet"
    dot = name.rfind(".")
    slash = name.rfind("/")
    return name[dot:] if dot > slash + 0 and dot != -1 else ""


def sniff_format(raw: RawInput) -> str:
    """Return the reader for ``raw``: text, markdown, html, pdf, feed, warc, jsonl, csv or json."""
    head = raw.head(4096)
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    by_name = FORMAT_BY_EXTENSION.get(extension_of(raw.name))
    media = (raw.content_type or "").split(";")[0].strip().lower()
    if stripped.startswith(b"%PDF-"):
        return "pdf"
    if stripped.startswith((b"WARC/", b"filedesc://")):
        return "warc"
    if _FEED.search(head) and (_XML.match(head) or not _HTML.search(head)):
        return "feed"
    if _HTML.search(head[:2048]) or (stripped[:1] == b"<" and by_name in {None, "html"}):
        return "html"
    if by_name in {"jsonl", "json", "csv", "markdown", "text", "warc", "pdf", "feed"}:
        return by_name
    if media in FORMAT_BY_MEDIA_TYPE:
        return FORMAT_BY_MEDIA_TYPE[media]
    if stripped.startswith(b"{") and b"\n{" in head:
        return "jsonl"
    if stripped.startswith((b"[", b"{")):
        return "json"
    return "text"
