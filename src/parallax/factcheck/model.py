"""Verdicts and their evidence: what the checker says about a claim, and why.

A verdict is one of four values and never comes without evidence: ``supported`` and
``contradicted`` cite the facts (or document sentences) they rest on, ``disputed`` cites the
evidence for each reading, and ``not_enough_evidence`` says what was looked for.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal

from parallax.knowledge import Fact, KnowledgeBase
from parallax.record import EvidenceRecord, VerdictFields

VerdictLabel = Literal["supported", "contradicted", "disputed", "not_enough_evidence"]
VERDICTS: tuple[str, ...] = ("supported", "contradicted", "disputed", "not_enough_evidence")


@dataclass(frozen=True)
class Evidence:
    """One piece of evidence: a knowledge-base fact or a sentence of a reference document.

    Attributes:
        kind: "fact" or "document".
        text: the evidence in plain English ("Finland member of NATO from 2023-04-04").
        source: the public citation of the fact, or the document's name.
        fact: the fact itself (for ``kind == "fact"``).
        score: the entailment or retrieval score of a document sentence.
    """

    kind: Literal["fact", "document"]
    text: str
    source: str
    fact: Fact | None = None
    score: float | None = None

    def record(self) -> EvidenceRecord:
        """JSON-ready form for reports."""
        out: EvidenceRecord = {"kind": self.kind, "text": self.text, "source": self.source}
        if self.fact is not None:
            out.update(
                {
                    "subject": self.fact.subject,
                    "property": self.fact.property,
                    "object": self.fact.object,
                    "value": self.fact.value,
                    "start": self.fact.start,
                    "end": self.fact.end,
                    "note": self.fact.note or None,
                }
            )
        if self.score is not None:
            out["score"] = round(self.score, 3)
        return out


@dataclass
class Verdict:
    """The checker's answer for one claim."""

    verdict: VerdictLabel
    explanation: str
    evidence: list[Evidence] = field(default_factory=list)

    def record(self) -> VerdictFields:
        """JSON-ready form: verdict, evidence and explanation."""
        return {
            "verdict": self.verdict,
            "evidence": [e.record() for e in self.evidence],
            "explanation": self.explanation,
        }


def name_of(kb: KnowledgeBase, entity_id: str | None) -> str:
    """The entity's usual name, or its id when the knowledge base does not know it."""
    if entity_id is None:
        return "?"
    entity = kb.get(entity_id)
    return entity.name if entity else entity_id


def describe(kb: KnowledgeBase, fact: Fact) -> str:
    """A fact as a short English line, for evidence lists."""
    subject = name_of(kb, fact.subject)
    target = name_of(kb, fact.object) if fact.object else fact.value
    prop = fact.property.replace("_", " ")
    when = ""
    if fact.start and fact.end:
        when = f" from {fact.start} to {fact.end}"
    elif fact.start:
        when = f" from {fact.start}"
    elif fact.end:
        when = f" until {fact.end}"
    note = f" ({fact.note})" if fact.note else ""
    return f"{subject} — {prop} — {target}{when}{note}"


def fact_evidence(kb: KnowledgeBase, facts: Iterable[Fact]) -> list[Evidence]:
    """Evidence records for facts, in the order given, without duplicates."""
    seen: set[int] = set()
    out = []
    for fact in facts:
        if id(fact) in seen:
            continue
        seen.add(id(fact))
        out.append(Evidence("fact", describe(kb, fact), fact.source, fact))
    return out


def not_enough(explanation: str, evidence: Sequence[Evidence] = ()) -> Verdict:
    """A not-enough-evidence verdict that says what was looked for."""
    return Verdict("not_enough_evidence", explanation, list(evidence))


def combine(verdicts: Sequence[Verdict]) -> Verdict:
    """One verdict for several (the parts of a claim, or the claims of one text).

    Any contradiction makes the whole contradicted; otherwise a dispute makes it disputed;
    it is supported only when every part with evidence is supported.
    """
    if not verdicts:
        return not_enough("no checkable claim was found")
    if len(verdicts) == 1:
        return verdicts[0]
    order: tuple[VerdictLabel, ...] = ("contradicted", "disputed", "supported")
    for label in order:
        chosen = [v for v in verdicts if v.verdict == label]
        if chosen:
            evidence = [e for v in chosen for e in v.evidence]
            others = [v for v in verdicts if v.verdict != label]
            explanation = sentences(v.explanation for v in chosen)
            if label == "supported" and others:
                explanation += " " + sentences(v.explanation for v in others)
            return Verdict(label, explanation, evidence)
    return Verdict(
        "not_enough_evidence",
        sentences(v.explanation for v in verdicts),
        [e for v in verdicts for e in v.evidence],
    )


def conjunction(parts: Sequence[Verdict]) -> Verdict:
    """One verdict for a claim about several subjects ("Poland, Hungary and ... joined").

    Supported only when every subject's part is; contradicted when any part is.
    """
    if not parts:
        return not_enough("the claim names no one to check")
    if any(p.verdict == "contradicted" for p in parts):
        label: VerdictLabel = "contradicted"
    elif all(p.verdict == "supported" for p in parts):
        label = "supported"
    elif any(p.verdict == "disputed" for p in parts):
        label = "disputed"
    else:
        label = "not_enough_evidence"
    return Verdict(
        label, sentences(p.explanation for p in parts), [e for p in parts for e in p.evidence]
    )


def sentences(explanations: Iterable[str]) -> str:
    """Explanations joined into one line, each ending as a sentence ends.

    Most explanations are sentences ("NATO had 32 members ..."), but a reason given as a
    phrase ("not judged: “met” does not say how many members there are") would run into
    the next one; it gets its full stop here.
    """
    return " ".join(
        text if text.rstrip().endswith((".", "!", "?", ")")) else text.rstrip() + "."
        for text in explanations
        if text.strip()
    )
