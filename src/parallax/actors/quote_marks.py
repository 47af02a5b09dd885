"""Pairing quotation marks into quotations, robust to marks that never close.

Pairing every mark with the next one goes wrong as soon as one mark is missing or doubled:
each later pair is then shifted by one, and the article's own sentences between two real
quotations are taken for a quotation. Text copied from the web is full of such marks (a
headline that opens a quotation and never closes it, spreadsheet quoting left in).

So each mark's direction is read from what is around it first. A curly mark says it
itself; a straight one opens when it follows a space, a bracket or the start of a paragraph
and precedes a word, and closes when it follows a word or punctuation and precedes a space,
punctuation or the end. A mark that could be either pairs with whatever is open. A mark
that opens while another quotation is still open means the first never closed: it is kept
apart as *unclosed*, and the caller decides how far the evidence lets it reach.

Marks pair within a paragraph (a line), as news writes them. A quotation that runs on over
several paragraphs leaves each but the last unclosed and reopens the next with a mark; such
a paragraph is marked ``continued`` rather than unclosed.
"""

from __future__ import annotations

from dataclasses import dataclass

OPENING = "\u201c"
CLOSING = "\u201d"
STRAIGHT = '"'
MARKS = OPENING + CLOSING + STRAIGHT
_BEFORE_OPENING = "([{\u2014\u2013-/"
"""Characters after which a straight mark opens (besides a space or a paragraph's start)."""
_AFTER_CLOSING = ".,;:!?)]}\u2014\u2013-/'\u2019"
"""Characters before which a straight mark closes (besides a space or a paragraph's end)."""

OPEN, CLOSE, EITHER = "open", "close", "either"


@dataclass(frozen=True)
class Quoted:
    """One quotation as its marks delimit it.

    Attributes:
        start: offset of the opening mark.
        end: offset just past the closing mark; for an unclosed quotation, just past the
            last character before the next opening mark or the paragraph's end.
        closed: whether a closing mark ends it.
        continued: unclosed at the end of its paragraph while the next paragraph opens with
            a mark: the news convention for a quotation over several paragraphs.
    """

    start: int
    end: int
    closed: bool
    continued: bool = False

    @property
    def inner(self) -> tuple[int, int]:
        """Offsets of the quoted words, without the marks."""
        return self.start + 1, self.end - 1 if self.closed else self.end


def direction(text: str, at: int) -> str:
    """Whether the mark at ``at`` opens, closes, or could do either (:data:`EITHER`)."""
    mark = text[at]
    if mark in OPENING:
        return OPEN
    if mark in CLOSING:
        return CLOSE
    before = text[at - 1] if at > 0 else "\n"
    after = text[at + 1] if at + 1 < len(text) else "\n"
    may_open = (before.isspace() or before in _BEFORE_OPENING) and not after.isspace()
    may_close = not before.isspace() and (after.isspace() or after in _AFTER_CLOSING)
    if may_open and not may_close:
        return OPEN
    if may_close and not may_open:
        return CLOSE
    return EITHER


def quotations(text: str) -> list[Quoted]:
    """The quotations of ``text`` in order, closed ones and those whose mark never closes."""
    found: list[Quoted] = []
    offset = 0
    paragraphs = text.split("\n")
    for number, paragraph in enumerate(paragraphs):
        found += _paragraph(text, offset, len(paragraph))
        last_end = offset + len(paragraph)
        if (
            found
            and not found[-1].closed
            and found[-1].start >= offset
            and not text[found[-1].end : last_end].strip()
        ):
            following = next((p for p in paragraphs[number + 1 :] if p.strip()), "")
            if following.lstrip()[:1] in OPENING + STRAIGHT:
                last = found.pop()
                found.append(Quoted(last.start, last.end, closed=False, continued=True))
        offset += len(paragraph) + 1
    return found


def closed_spans(text: str) -> list[tuple[int, int]]:
    """The spans, marks included, of the quotations of ``text`` that a mark closes."""
    return [(q.start, q.end) for q in quotations(text) if q.closed]


def _paragraph(text: str, offset: int, length: int) -> list[Quoted]:
    found: list[Quoted] = []
    opened: int | None = None
    end = offset + length
    for at in range(offset, end):
        if text[at] not in MARKS:
            continue
        way = direction(text, at)
        if opened is None:
            if way != CLOSE:
                opened = at  # a closing mark with nothing open is a stray one
            continue
        if way == OPEN:
            if text[opened + 1 : at].strip():
                found.append(Quoted(opened, _trimmed(text, opened, at), closed=False))
            opened = at
            continue
        if at > opened + 1:
            found.append(Quoted(opened, at + 1, closed=True))
            opened = None
        elif way == CLOSE:
            opened = None  # two marks side by side quote nothing
    if opened is not None and text[opened + 1 : end].strip():
        found.append(Quoted(opened, _trimmed(text, opened, end), closed=False))
    return found


def _trimmed(text: str, start: int, end: int) -> int:
    """``end`` moved back over the spaces before it (but not before ``start + 1``)."""
    while end > start + 1 and text[end - 1].isspace():
        end -= 1
    return end
