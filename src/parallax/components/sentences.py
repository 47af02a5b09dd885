"""Sentences with character offsets, from the parse, split at paragraph breaks too."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from parallax.datelines import dateline_length
from parallax.model import Analysis, Sentence
from parallax.pipeline.registry import register
from parallax.pipeline.versions import CodeVersion


class Sentences:
    """Turn the Doc's sentences into :class:`Sentence` records.

    spaCy's parser sometimes runs a sentence across a paragraph break (a headline-like
    line without a full stop); a paragraph break always ends a sentence here. It also
    sometimes ends one at a dateline's dash; a dateline alone joins the sentence it opens.
    """

    name = "sentences"
    version = CodeVersion()
    requires = ("doc",)
    assigns = ("sentences",)

    def pipe(self, analyses: Iterable[Analysis]) -> Iterator[Analysis]:
        """Add the sentences of each analysis."""
        for analysis in analyses:
            analysis.sentences = list(self._sentences(analysis))
            yield analysis

    def _sentences(self, analysis: Analysis) -> Iterator[Sentence]:
        text = analysis.article.text
        pieces = list(_pieces(text, analysis.doc.sents))
        merged: list[tuple[int, int]] = []
        for start, end in pieces:
            if merged and _lone_dateline(text, *merged[-1], start):
                merged[-1] = (merged[-1][0], end)  # "PHOENIX (AP) —" opens the lede
                continue
            closing = _closing_marks(text, *merged[-1], start) if merged else 0
            if closing:
                # 'called it a "balanced outcome.|"': the mark closes the quotation before
                merged[-1] = (merged[-1][0], start + closing)
                start += closing
                start += len(text[start:end]) - len(text[start:end].lstrip())
            if start < end:
                merged.append((start, end))
        for index, (start, end) in enumerate(merged, start=1):
            yield Sentence(id=f"s{index}", index=index, text=text[start:end], start=start, end=end)


def _pieces(text: str, spans: Iterable[Any]) -> Iterator[tuple[int, int]]:
    """(start, end) of each sentence of the parse, cut at paragraph breaks, stripped."""
    for span in spans:
        start = span.start_char
        chunk = text[start : span.end_char]
        for piece in _paragraphs(chunk):
            stripped = piece.strip()
            if stripped:
                offset = start + piece.find(stripped)
                yield offset, offset + len(stripped)
            start += len(piece) + 1


MAX_HEADING_WORDS = 20
"""A line this short, without a full stop, before a line break is a heading of its own."""


def _paragraphs(chunk: str) -> list[str]:
    """``chunk`` cut at its line breaks that end a paragraph or a heading.

    Text files part paragraphs with a blank line; pages part them with one line break, and
    put the headline over the first paragraph (a line "The Senate's cowardice on election
    security" over "Three weeks before ..."), which the parser runs into one sentence. A
    single break ends a piece when the next line starts a sentence and this one ends one or
    is a heading; a line a PDF wrapped mid-sentence runs on.
    """
    lines = chunk.split("\n")
    pieces = [lines[0]]
    for line in lines[1:]:
        if pieces[-1].strip() and _ends_piece(pieces[-1], line):
            pieces.append(line)
        else:
            pieces[-1] += "\n" + line
    return pieces


def _ends_piece(before: str, line: str) -> bool:
    last = before.rsplit("\n", 1)[-1].strip()
    if not last or not line.strip():
        return True
    following = line.strip()[0]
    if not (following.isupper() or following in "\"\u201c\u2018'"):
        return False
    if last[-1] in '.!?:;"\u201d\u2019)':
        return True
    return bool(last[0].isupper() and len(last.split()) <= MAX_HEADING_WORDS)


CLOSING_QUOTES = "\"\u201d\u2019'"


def _closing_marks(text: str, start: int, end: int, following: int) -> int:
    """How many quote marks opening the next piece close a quotation left open in this one.

    The parser ends a sentence at the full stop inside a quotation ('called it a "balanced
    outcome.' | '"'), so the closing mark became a sentence of its own, or the start of the
    next. Only within a paragraph, and only when this sentence has a quotation open.
    """
    if "\n" in text[end:following]:
        return 0
    sentence = text[start:end]
    straight_open = sentence.count('"') % 2 == 1
    curly_open = sentence.count("\u201c") > sentence.count("\u201d")
    if not (straight_open or curly_open):
        return 0
    count = 0
    while following + count < len(text) and text[following + count] in CLOSING_QUOTES:
        count += 1
    return count


def _lone_dateline(text: str, start: int, end: int, following: int) -> bool:
    """Whether ``text[start:end]`` is a dateline alone, its paragraph going on after it.

    The parser sometimes ends a sentence at a dateline's dash ("PHOENIX (AP) — | Former
    Gov. Dalton told ..."); the lede is the sentence after it, and a dateline alone is no
    sentence: a lede's position (what the loaded-language head weighs) and its voice
    belong to the whole.
    """
    # Read with the space after it: a hyphen is a dateline's dash only when a space follows
    # ("ROME (Wire) - The ..."), and the parser's sentence ends at the hyphen.
    return (
        (start == 0 or text[start - 1] == "\n")
        and dateline_length(text[start:following]) >= end - start
        and "\n" not in text[end:following]
    )


@register("sentences")
def make_sentences() -> Sentences:
    """Factory for :class:`Sentences`."""
    return Sentences()
