"""Writing one evaluation section into ``docs/evaluation.md`` without touching the others.

Each evaluation command owns the sections whose headings it writes: a rerun replaces the
section from its ``## heading`` to the next ``## `` heading, and appends it when absent, so
numbers in the docs always come from the command and never from hand edits.
"""

from __future__ import annotations

from pathlib import Path


def replace_section(path: Path, heading: str, body: str) -> Path:
    """Put ``## heading`` followed by ``body`` into ``path``, replacing an older copy."""
    text = path.read_text(encoding="utf-8") if path.exists() else "# Evaluation\n"
    marker = f"## {heading}\n"
    section = f"{marker}\n{body.strip()}\n"
    if marker in text:
        before, _, rest = text.partition(marker)
        following = rest.find("\n## ")
        after = rest[following + 1 :] if following >= 0 else ""
        text = before + section + ("\n" + after if after else "")
    else:
        text = text.rstrip() + "\n\n" + section
    path.write_text(text, encoding="utf-8")
    return path
