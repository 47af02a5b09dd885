"""Split the header of a plain-text or Markdown article from its body.

Articles saved as text often start with a few short lines before the body: a masthead
(outlet name and tagline), an epigraph or motto with its attribution, the headline, a
byline, a date. Those lines are metadata, not the article's own words: mistaking a
masthead for the title, or an epigraph for something the article says, would put words in
the outlet's mouth. This module reads the leading blocks (separated by blank lines),
classifies each one, and returns the metadata with the offset where the body starts.

Rules, in order, for each leading block until the first body-like block:

* ``Key: value`` lines (Title, Date, Author/By, Outlet/Source/Publication, URL) are taken
  at their word;
* a line that is only a date is the date; ``By ...`` is the byline;
* a quotation (in quote marks, or a Markdown ``>`` block) followed by a dash attribution
  (``— Karl Marx``) is an epigraph;
* a Markdown ``# heading`` is the title;
* of the remaining short blocks, the last one is the title and any before it form the
  masthead: its first line is the outlet, the rest its tagline; section labels such as
  "Opinion" are kept apart.

A block is body-like when it has many words or several sentences, or, after the byline,
when it is one line that ends as a sentence; the body starts there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from parallax.ingest.dates import is_date_line

_KEY_LINE = re.compile(
    r"^\s*(title|headline|date|published|author|authors|by|byline|outlet|source|"
    r"publication|publisher|site|url|link|language|lang|section|category|desk|column)"
    r"\s*:\s*(.+?)\s*$",
    re.I,
)
_BYLINE = re.compile(r"^\s*[*_]*\s*(?:by|written by|von|par|por)\s+(.{2,120}?)[*_]*\s*$", re.I)
_ATTRIBUTION = re.compile(r"^\s*(?:[—–―]|-{1,2})\s*\S")
_QUOTE_OPEN = "\"“‘'«„‹「"
_MD_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.+?)\s*#*\s*$")
_SENTENCE_END = re.compile(r"[.!?…][\"”’')\]]*(?=\s|$)")
_SECTION_LABELS = {
    "opinion",
    "editorial",
    "analysis",
    "commentary",
    "comment",
    "news",
    "world",
    "politics",
    "feature",
    "features",
    "op-ed",
    "letters",
    "column",
    "international",
    "europe",
    "briefing",
}
MAX_HEADER_BLOCKS = 12
MAX_HEADER_LINE_WORDS = 22


@dataclass
class Header:
    """Metadata found at the top of a text article and where its body starts."""

    title: str | None = None
    date_text: str | None = None
    author: str | None = None
    outlet: str | None = None
    url: str | None = None
    language: str | None = None
    tagline: str | None = None
    section: str | None = None
    epigraph: str | None = None
    epigraph_attribution: str | None = None
    body_start: int = 0
    extra: dict[str, str] = field(default_factory=dict)


@dataclass
class _Block:
    start: int
    end: int
    lines: list[str]

    @property
    def text(self) -> str:
        return " ".join(" ".join(self.lines).split())

    @property
    def words(self) -> int:
        return len(self.text.split())


def _blocks(text: str) -> list[_Block]:
    blocks: list[_Block] = []
    for match in re.finditer(r"(?:[^\n]*\S[^\n]*(?:\n|$))+", text):
        lines = [line for line in match.group(0).split("\n") if line.strip()]
        blocks.append(_Block(match.start(), match.end(), lines))
        if len(blocks) > MAX_HEADER_BLOCKS + 1:
            break
    return blocks


def _is_body(block: _Block) -> bool:
    """Whether a block reads as running text rather than a header line."""
    if any(len(line.split()) > MAX_HEADER_LINE_WORDS for line in block.lines):
        return True
    sentences = len(_SENTENCE_END.findall(block.text))
    if block.words >= 12 and sentences >= 2:
        return True
    # A single sentence ending in a full stop with many words is a standfirst or the lede.
    return block.words >= 14 and block.text.rstrip("”\"’' ").endswith(".")


def _is_sentence(lines: list[str]) -> bool:
    """Whether a one-line block after the byline is the body's first short paragraph.

    Headlines, sections and mastheads come before the byline and seldom end in a full stop;
    after it, a line of several words that ends as a sentence does ("Western towns are
    burning, and Washington is arguing about paperwork." opens an op-ed): without this it
    was taken for the title and the real headline above the byline for the outlet's name.
    A date line or a key line never reaches here.
    """
    text = " ".join(lines)
    return (
        len(lines) == 1
        and len(text.split()) >= 6
        and bool(re.search(r"[.!?…][\"”’')\]]*$", text.rstrip()))
    )


def _strip_quotes(text: str) -> str:
    return text.strip().strip(_QUOTE_OPEN + "”’»“‟›」").strip()


def _strip_md(text: str) -> str:
    return re.sub(r"[*_`]+", "", text).strip()


def _is_quote_line(line: str) -> bool:
    stripped = line.strip()
    return stripped[:1] in _QUOTE_OPEN or stripped.startswith(">")


def parse_header(text: str, *, markdown: bool = False) -> Header:
    """Find the metadata at the top of ``text`` and where the article's body begins."""
    header = Header()
    blocks = _blocks(text)
    candidates: list[_Block] = []
    md_title: str | None = None
    pending_quote: _Block | None = None
    body_start: int | None = None
    bylined = False  # a block before this one was or held the byline

    for block in blocks[:MAX_HEADER_BLOCKS]:
        bylined = bylined or header.author is not None
        lines = [_strip_md(line) if markdown else line.strip() for line in block.lines]
        # Markdown blockquote epigraph: every line starts with '>'.
        if markdown and all(line.lstrip().startswith(">") for line in block.lines):
            quote = [re.sub(r"^\s*>\s?", "", line) for line in block.lines]
            _take_epigraph(header, [_strip_md(q) for q in quote if q.strip()])
            continue
        key_lines = [_KEY_LINE.match(line) for line in lines]
        if all(key_lines):
            for match in key_lines:
                assert match is not None
                _take_key(header, match.group(1).lower(), match.group(2))
            continue
        if (_is_body(block) or (bylined and _is_sentence(lines))) and not (
            markdown and _MD_HEADING.match(block.lines[0])
        ):
            if pending_quote is not None:
                candidates.append(pending_quote)
            body_start = block.start
            break
        rest: list[str] = []
        for raw_line, line in zip(block.lines, lines, strict=True):
            heading = _MD_HEADING.match(raw_line) if markdown else None
            byline = _BYLINE.match(line)
            if heading:
                if md_title is None and len(heading.group(1)) == 1:
                    md_title = _strip_md(heading.group(2))
                else:
                    rest.append(_strip_md(heading.group(2)))
            elif is_date_line(line) and header.date_text is None:
                header.date_text = line
            elif byline and header.author is None:
                header.author = _strip_md(byline.group(1)).rstrip(",;")
            elif _ATTRIBUTION.match(line) and (pending_quote is not None or rest):
                quote_lines = (pending_quote.lines if pending_quote else []) + rest
                _take_epigraph(header, [*quote_lines, line])
                pending_quote, rest = None, []
            else:
                rest.append(line)
        if pending_quote is not None:
            candidates.append(pending_quote)
            pending_quote = None
        if rest:
            chunk = _Block(block.start, block.end, rest)
            # A quotation may be an epigraph whose attribution comes in the next block.
            if _is_quote_line(rest[0]) and rest[-1].rstrip().endswith(tuple('”"’»')):
                pending_quote = chunk
                continue
            candidates.append(chunk)

    if body_start is None:
        # No body-like block: a very short article. Keep the last candidate as body.
        fallback = blocks[-1].start if blocks else 0
        body_start = candidates.pop().start if candidates else fallback
    header.body_start = body_start

    candidates = [c for c in candidates if c.start < body_start]
    labels = [c for c in candidates if c.text.lower().strip(" :|") in _SECTION_LABELS]
    if labels:
        header.section = labels[0].text
    candidates = [c for c in candidates if c not in labels]
    if header.title is None:
        header.title = md_title
    if header.title is None and candidates:
        header.title = candidates.pop().text
    if candidates and header.outlet is None:
        masthead_lines = [line for block in candidates for line in block.lines]
        header.outlet = " ".join(masthead_lines[0].split())
        if len(masthead_lines) > 1:
            header.tagline = " ".join(" ".join(masthead_lines[1:]).split())
    return header


def _take_epigraph(header: Header, lines: list[str]) -> None:
    if header.epigraph is not None:
        return
    attribution = None
    if lines and _ATTRIBUTION.match(lines[-1]):
        attribution = re.sub(r"^\s*(?:[—–―]|-{1,2})\s*", "", lines[-1]).strip()
        lines = lines[:-1]
    header.epigraph = _strip_quotes(" ".join(line.strip() for line in lines))
    header.epigraph_attribution = attribution


def _take_key(header: Header, key: str, value: str) -> None:
    value = _strip_md(value)
    if key in {"title", "headline"}:
        header.title = value
    elif key in {"date", "published"}:
        header.date_text = value
    elif key in {"author", "authors", "by", "byline"}:
        header.author = value
    elif key in {"outlet", "source", "publication", "publisher", "site"}:
        header.outlet = value
    elif key in {"url", "link"}:
        header.url = value
    elif key in {"language", "lang"}:
        header.language = value.lower()[:2]
    elif key in {"section", "category", "desk", "column"}:
        header.section = value  # "Section: Opinion": the outlet's own filing
    else:  # pragma: no cover - the regex admits only the keys above
        header.extra[key] = value
