"""Evidence from the user's reference documents, judged by the entailment step.

The knowledge base answers structured claims; reference documents answer what it cannot.
Sentences are retrieved from the document store (full-text and embedding search) and each
is judged against the claim by the entailment model. A verdict rests only on sentences the
model is confident about: entailing ones support the claim, contradicting ones contradict it,
both together make it disputed, and anything less is not enough evidence (with the retrieved
sentences shown, so a reader can judge).
"""

from __future__ import annotations

from typing import Any

from parallax.errors import ParallaxError
from parallax.factcheck.model import Evidence, Verdict, VerdictLabel, not_enough

CONFIDENT = 0.6
"""The entailment probability a document sentence needs before a verdict rests on it."""


def document_verdict(claim: str, store: Any, k: int = 5) -> Verdict:
    """The verdict the reference documents in ``store`` give on ``claim``.

    Args:
        claim: the claim as written.
        store: a :class:`parallax.knowledge.documents.DocumentStore`.
        k: how many sentences to retrieve and judge.
    """
    from parallax.knowledge.documents import judged_evidence

    try:
        judged = judged_evidence(claim, store, k=k)
    except (OSError, ValueError, ParallaxError) as exc:
        found = [
            Evidence("document", e.text, e.title or e.source, score=e.cosine)
            for e in store.search(claim, k)
        ]
        return not_enough(
            f"{len(found)} related sentence(s) found in the reference documents, but the "
            f"entailment step could not judge them ({exc})",
            found,
        )
    evidence: list[Evidence] = []
    support, contradict = [], []
    for record in judged:
        scores: dict[str, float] = record.get("scores", {})
        item = Evidence(
            "document",
            str(record["text"]),
            str(record.get("title") or record["source"]),
            score=max(scores.values()) if scores else None,
        )
        evidence.append(item)
        if scores.get("entailment", 0.0) >= CONFIDENT:
            support.append(item)
        elif scores.get("contradiction", 0.0) >= CONFIDENT:
            contradict.append(item)
    if not evidence:
        return not_enough("no sentence of the reference documents is about the claim")
    label: VerdictLabel
    if support and contradict:
        label, why = "disputed", "some reference sentences support it and others contradict it"
    elif support:
        label, why = "supported", f"{len(support)} reference sentence(s) entail it"
    elif contradict:
        label, why = "contradicted", f"{len(contradict)} reference sentence(s) contradict it"
    else:
        return not_enough(
            f"{len(evidence)} related sentence(s) found in the reference documents, none of "
            "which clearly supports or contradicts the claim",
            evidence,
        )
    return Verdict(label, f"In the reference documents, {why}.", support + contradict)
