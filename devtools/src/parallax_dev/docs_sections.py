"""Writing one section of a docs page (``docs/evaluation.md``, ``docs/performance.md``).

Every evaluation and benchmark command owns the sections whose headings it writes: a rerun
replaces its section, from the ``## heading`` line to the next ``## `` heading, and appends it
when absent, so the numbers in the docs always come from a command, never from hand edits,
and one command never disturbs another's section.
"""

from __future__ import annotations

from pathlib import Path


def replace_section(document: str, heading: str, body: str) -> str:
    """Replace the section that starts at the line ``heading`` with ``body``, or append it.

    ``body`` is the whole section, its heading line included.
    """
    lines = document.splitlines(keepends=True)
    start = next((i for i, line in enumerate(lines) if line.rstrip() == heading), None)
    block = body.rstrip() + "\n"
    if start is None:
        return document.rstrip() + "\n\n" + block
    end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("## ")), len(lines))
    after = "".join(lines[end:])
    return "".join(lines[:start]) + block + ("\n" + after if after else "")


def write_section(path: Path, heading: str, body: str, intro: str = "# Evaluation\n") -> Path:
    """Replace (or append) one section of the page at ``path``, creating it with ``intro``."""
    document = path.read_text(encoding="utf-8") if path.exists() else intro
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(replace_section(document, heading, body), encoding="utf-8")
    return path
