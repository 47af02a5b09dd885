"""The words two sources quote alike: the same run of quoted words in two sentences.

Outlets that report one remark frame it differently ("X warned that 'a man who has never run
a harbour' could chair the port board" against "X mocked Y as 'a man who has never run a
harbour'"); the sentence encoder scores such pairs well below a paraphrase, yet both
report that the remark was made. The quoted words are the same, and a run of several
quoted words is distinctive enough to tie the two sentences to one statement. Only words
inside quotation marks count (a run of ordinary words such as "the president of the United
States" is shared by unrelated sentences), and the run must carry several content words
("he said that it was" carries none).
"""

from __future__ import annotations

import re

from parallax.comparison.terms import STOP

QUOTE_WORDS = 6
"""Words a run quoted in both sentences needs at least."""
QUOTE_CONTENT_WORDS = 3
"""Content words (not stop words) the run needs at least."""

_OPEN = "“«„"
_CLOSE = "”»"
_STRAIGHT = '"'
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")


def quoted_spans(text: str) -> list[str]:
    """The parts of a sentence inside quotation marks.

    A sentence split inside a long quote keeps only one of its marks: text after an opening
    mark with no closing one, and text before a closing mark with no opening one, is quoted
    too. Straight double quotes open and close in turn.
    """
    spans: list[str] = []
    start: int | None = None
    for at, char in enumerate(text):
        if char in _OPEN or (char == _STRAIGHT and start is None):
            start = at + 1
        elif char in _CLOSE or char == _STRAIGHT:
            spans.append(text[0 if start is None else start : at])
            start = None
    if start is not None:
        spans.append(text[start:])
    return [span for span in spans if span.strip()]


def _words(span: str) -> list[str]:
    return _WORD.findall(span.lower().replace("’", "'").replace("‘", "'"))


def _longest_run(first: list[str], second: list[str]) -> list[str]:
    """The longest run of words found, in order and contiguous, in both lists."""
    best: tuple[int, int] = (0, 0)
    previous = [0] * (len(second) + 1)
    for i, word in enumerate(first, start=1):
        current = [0] * (len(second) + 1)
        for j, other in enumerate(second, start=1):
            if word == other:
                current[j] = previous[j - 1] + 1
                if current[j] > best[0]:
                    best = (current[j], i)
        previous = current
    length, end = best
    return first[end - length : end]


def shared_quote(first: str, second: str) -> str | None:
    """The words both sentences quote alike, when the run is long and distinctive enough."""
    best: list[str] = []
    for one in quoted_spans(first):
        for other in quoted_spans(second):
            run = _longest_run(_words(one), _words(other))
            if len(run) > len(best):
                best = run
    content = [w for w in best if w not in STOP and not w.isdigit()]
    if len(best) >= QUOTE_WORDS and len(content) >= QUOTE_CONTENT_WORDS:
        return " ".join(best)
    return None
