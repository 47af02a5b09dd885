"""Credit lines: who reported, wrote and edited a story, named in its own parenthesis.

Wire copy ends with "(Reporting by Ana Berg; Additional reporting by Tom Hale in Oslo;
Editing by Jo Lee)". The people named there made the story; they do nothing in it, and
listing them among its actors, beside the minister and the protesters, misleads. A
parenthesis is a credit line when it holds "reporting by", "writing by", "editing by" or
"compiled by", the wording agencies use for their bylines. A photo's credit is one too:
"(Alex Moreno/Ridge Daily)", a name and an outlet parted by a slash, or a parenthesis that
says "photo", "image" or "credit".
"""

from __future__ import annotations

import re
from typing import Any

_CREDIT = re.compile(
    r"\((?=[^()]*\b(?:reporting|writing|editing|compiled|compiling)\s+by\b)[^()]*\)",
    re.IGNORECASE,
)
_PHOTO_CREDIT = re.compile(
    r"\((?:[^()]*\b(?i:photo|photograph|image|credit)s?\b[^()]*"
    r"|\s*(?:[A-Z][\w.'\u2019-]*\s+){0,3}[A-Z][a-z][\w.'\u2019-]*\s*/\s*[A-Z][^()/]{0,40})\)"
)
"""A photo credit: "(Alex Moreno/Ridge Daily)", "(AP Photo/Jo Lee)", "(Photo: Jo Lee)"."""


def credit_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the credit lines of ``text``, the story's and its photos'."""
    found = [(m.start(), m.end()) for m in _CREDIT.finditer(text)]
    return sorted(found + [(m.start(), m.end()) for m in _PHOTO_CREDIT.finditer(text)])


def in_credit_line(doc: Any) -> set[int]:
    """Indices of the tokens of ``doc`` that lie inside a credit line."""
    spans = credit_spans(doc.text)
    if not spans:
        return set()
    return {t.i for t in doc if any(a <= t.idx < b for a, b in spans)}
