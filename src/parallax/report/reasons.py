"""One line a reader can check, for every verdict and every alignment of sources.

A verdict alone ("contradicted") asks the reader to trust the tool. The line puts the
verdict, what the claim says against what the evidence says, and where the evidence comes
from side by side, so the reader can check it without opening anything else:

    contradicted: ... so it is the 31st member; the claim says the 30th. Evidence: Finland
    — member of — NATO from 2023-04-04 (source: https://www.nato.int/...)

An alignment's ``reason`` is already written as such a line by the comparison
(:mod:`parallax.comparison.alignment`: what each source says and what both are about); here
it only gets its kind in front. Reports (HTML, Markdown) and the web UI all use these
functions, so they say the same thing.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

VERDICT_WORDS = {
    "supported": "supported",
    "contradicted": "contradicted",
    "disputed": "disputed",
    "not_enough_evidence": "not enough evidence",
}
ALIGNMENT_WORDS = {"same": "same", "contradiction": "contradiction", "unique": "only here"}


def is_routine_title(claim: Mapping[str, Any]) -> bool:
    """A title check that found what a reader expects ("President X" while X was president).

    Every title the checker confirms is a true statement but no news: listed as verdicts
    they would bury the claims a reader came for. Reports and the web UI list them in one
    line instead; a title that does not match (contradicted or disputed) stays a verdict.
    """
    return claim.get("kind") == "title" and claim.get("verdict") == "supported"


def routine_titles_line(claims: Iterable[Mapping[str, Any]]) -> str:
    """One line naming the confirmed titles, or "" when there are none."""
    titles = [c for c in claims if is_routine_title(c)]
    if not titles:
        return ""
    named = "; ".join(
        f"{_one_line(str(c.get('text') or ''))} ({c.get('sentence_id')})" for c in titles
    )
    return (
        f"{len(titles)} office title{'s' if len(titles) != 1 else ''} held on the article's "
        f"date, as the knowledge base records: {named}"
    )


def _one_line(text: str) -> str:
    return " ".join(text.split())


def evidence_line(evidence: Mapping[str, Any]) -> str:
    """One piece of evidence with its source: ``text (source: ...)``."""
    text = _one_line(str(evidence.get("text") or evidence.get("note") or ""))
    source = evidence.get("source")
    return f"{text} (source: {source})" if source else text


def verdict_line(claim: Mapping[str, Any]) -> str:
    """The verdict on a claim, the reason and the first piece of evidence, in one line.

    Args:
        claim: a claim record (or a checked-claim record): ``verdict``, ``explanation``
            and ``evidence`` are read when present.
    """
    verdict = str(claim.get("verdict") or "not checked")
    words = VERDICT_WORDS.get(verdict, verdict.replace("_", " "))
    explanation = _one_line(str(claim.get("explanation") or "")).rstrip(".")
    line = f"{words}: {explanation}." if explanation else f"{words}."
    evidence = [e for e in claim.get("evidence") or [] if isinstance(e, Mapping)]
    if evidence and verdict != "not_enough_evidence":
        line += f" Evidence: {evidence_line(evidence[0])}"
        if len(evidence) > 1:
            line += f" (+{len(evidence) - 1} more)"
    return line


def alignment_line(alignment: Mapping[str, Any]) -> str:
    """An alignment's kind and its reason, in one line."""
    kind = str(alignment.get("kind") or "")
    words = ALIGNMENT_WORDS.get(kind, kind)
    reason = _one_line(str(alignment.get("reason") or ""))
    if reason.startswith(f"{words}:"):
        return reason
    return f"{words}: {reason}" if reason else words
