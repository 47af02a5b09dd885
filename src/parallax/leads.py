"""An article's lead: its title and the start of its text, what says which story it tells.

Story clustering compares leads, and the ``embed`` component encodes each article's lead
while it runs so that comparisons of stored analyses need no encoder. Both must build the
very same text from the same two fields, so the rule lives here, below both of them.
"""

from __future__ import annotations

LEAD_CHARS = 600
"""How much of the article's start, with the title, makes its lead (what the story is)."""


def lead_of(title: str | None, text: str | None, chars: int = LEAD_CHARS) -> str:
    """The title and the start of the text, cut at a sentence end where one is near."""
    text = text or ""
    head = text[:chars]
    cut = max(head.rfind(". "), head.rfind(".\n"))
    if len(text) > chars and cut > chars // 2:
        head = head[: cut + 1]
    title = (title or "").strip()
    return f"{title}. {head}" if title else head
