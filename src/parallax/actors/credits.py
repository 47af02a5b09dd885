"""Credit lines: who reported, wrote and edited a story, named in its own parenthesis.

Wire copy ends with "(Reporting by Ana Berg; Additional reporting by Tom Hale in Oslo;
Editing by Jo Lee)". The people named there made the story; they do nothing in it, and
listing them among its actors, beside the minister and the protesters, misleads. A
parenthesis is a credit line when it holds "reporting by", "writing by", "editing by" or
"compiled by", the wording agencies use for their bylines.
"""

from __future__ import annotations

import re
from typing import Any

_CREDIT = re.compile(
    r"\((?=[^()]*\b(?:reporting|writing|editing|compiled|compiling)\s+by\b)[^()]*\)",
    re.IGNORECASE,
)


def credit_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the credit lines of ``text``."""
    return [(m.start(), m.end()) for m in _CREDIT.finditer(text)]


def in_credit_line(doc: Any) -> set[int]:
    """Indices of the tokens of ``doc`` that lie inside a credit line."""
    spans = credit_spans(doc.text)
    if not spans:
        return set()
    return {t.i for t in doc if any(a <= t.idx < b for a, b in spans)}
