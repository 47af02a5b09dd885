"""Datelines: the place (and agency) that opens a wire report, before its first clause.

"KYIV — Ukraine and Russia exchanged ..." and "LONDON (Reuters) - The bank said ..."
open with where the story was filed. The parser hangs the place on the first clause, so
without this a report labels an event "KYIV — Ukraine and Russia exchanged" and a
quotation starts with the city. The dateline is told apart by its form alone: a place
in capitals (or any place followed by an agency in brackets), then a dash, at the start
of a sentence. The claims grammar reads the same form from a sentence's text
(:data:`parallax.claims.words.DATELINE`); the two should become one reading.
"""

from __future__ import annotations

from typing import Any

DASHES = frozenset({"-", "--", "\u2013", "\u2014"})
MAX_WORDS = 6
"""Longest place a dateline gives ("SAN JUAN, Puerto Rico (AP) —" has five words)."""


def dateline_end(doc: Any, start: int) -> int:
    """The index of the first token after a dateline opening at token ``start``, or ``start``.

    The place is at most :data:`MAX_WORDS` words, all in capitals ("WASHINGTON", "NEW
    YORK"), or in any case when an agency in brackets follows ("Kyiv (Reuters) -"); a
    comma may join a state or country ("DAYTON, Ohio"). A capitalised subject followed by
    a dash is a dateline only where it opens the text or a paragraph.
    """
    if start > 0 and "\n" not in doc[start - 1].text_with_ws:
        return start  # a dateline opens a paragraph
    i, words, capitals, agency = start, 0, True, False
    while i < len(doc) and words <= MAX_WORDS:
        token = doc[i]
        if token.is_space:
            i += 1
            continue
        if token.text in DASHES:
            dated = words > 0 and (capitals or agency)
            return i + 1 if dated and i + 1 < len(doc) else start
        if token.text == "(":
            window = range(i + 1, min(i + 5, len(doc)))
            close = next((j for j in window if doc[j].text == ")"), None)
            if close is None or words == 0:
                return start
            agency, i = True, close + 1
            continue
        if token.text == "," and words > 0:
            i += 1
            continue
        if not (token.is_alpha or token.text.rstrip(".").isalpha()) or not token.text[:1].isupper():
            return start
        if words == 0 and not token.text.isupper():
            capitals = False  # the place must lead in capitals, or be followed by an agency
        words += 1
        i += 1
    return start


def after_dateline(doc: Any, i: int) -> int:
    """``i``, moved past the dateline it falls in, if any (phrases and clauses start there).

    The datelines of a Doc are found once, at the start of the text and of each paragraph,
    and kept in its ``user_data``.
    """
    spans = doc.user_data.get(_KEY)
    if spans is None:
        starts = [0] + [t.i + 1 for t in doc if "\n" in t.text_with_ws and t.i + 1 < len(doc)]
        spans = [(s, e) for s in starts if (e := dateline_end(doc, s)) != s]
        doc.user_data[_KEY] = spans
    return next((end for start, end in spans if start <= i < end), i)


_KEY = "parallax.datelines"
