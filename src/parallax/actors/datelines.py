"""Datelines in a parsed text: the tokens of the place (and agency) that opens a wire report.

The parser hangs a dateline's place on the first clause, so without this a report labels an
event "KYIV — Ukraine and Russia exchanged" and a quotation starts with the city. What counts
as a dateline is :mod:`parallax.datelines`'s reading of the text, the one the claims grammar
and the cross-source comparison use too; here it is only mapped onto tokens, and asked only
where a text or a paragraph opens.
"""

from __future__ import annotations

from typing import Any

from parallax.datelines import dateline_length


def dateline_end(doc: Any, start: int) -> int:
    """The index of the first token after a dateline opening at token ``start``, or ``start``.

    A capitalised subject followed by a dash is a dateline only where it opens the text or
    a paragraph, and only when a token follows it.
    """
    if start > 0 and "\n" not in doc[start - 1].text_with_ws:
        return start  # a dateline opens a paragraph
    begin = doc[start].idx
    paragraph_end = doc.text.find("\n", begin)
    text = doc.text[begin : paragraph_end if paragraph_end >= 0 else len(doc.text)]
    length = dateline_length(text)
    if not length:
        return start
    end = begin + length
    after = next((t.i for t in doc[start:] if t.idx >= end and not t.is_space), None)
    return after if after is not None else start


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


def in_dateline(token: Any) -> bool:
    """Whether ``token`` is part of a dateline ("RALEIGH, N.C. (AP) —"): a place, no subject.

    The parser often makes a dateline's city a second subject of the first verb, beside the
    real one ("RALEIGH ... — Gov. Park vetoed"); whoever asks for a clause's subject skips it.
    """
    return bool(after_dateline(token.doc, token.i) != token.i)


_KEY = "parallax.datelines"
