"""A structured claim: who, what relation, to whom, how many, when — read from one sentence.

The record form (:meth:`Claim.record`) is the ``claims`` layer of the JSON report; the
``factcheck`` component later fills ``verdict``, ``evidence`` and ``explanation`` in place.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

from parallax.claims.when import TimeMention
from parallax.record import ClaimRecord, StructuredClaim

ClaimKind = Literal[
    "numeric", "date", "superlative", "comparison", "membership", "event", "title", "description"
]
KINDS: tuple[str, ...] = (
    "numeric",
    "date",
    "superlative",
    "comparison",
    "membership",
    "event",
    "title",
    "description",
)


@dataclass(frozen=True)
class Party:
    """A subject or object of a claim: the words, and the knowledge-base entity they name."""

    text: str
    id: str | None
    type: str | None = None


@dataclass
class Claim:
    """One checkable statement read from a sentence.

    Attributes:
        text: the sentence (or claim) text.
        start: offset of the claim's first character in the searched text.
        end: offset after its last character.
        kind: numeric, date, superlative, comparison, membership, event, title (an
            office title written before a name, see :mod:`parallax.claims.titles`) or
            description (an event named with its date, :mod:`parallax.claims.described`).
        relation: a name from :data:`parallax.claims.vocabulary.RELATIONS`.
        cue: the words that gave the relation ("joined", "expanded").
        subjects: who the claim is about (several for "Poland, Hungary and the Czech
            Republic joined"; for a title, the readings of one name: "President Bush").
        object: the other party ("NATO" in "Finland joined NATO"), when there is one.
        quantity: the number claimed, for counts.
        unit: what is counted ("countries").
        comparator: "=", ">", ">=", "<", "<=", "~" (about) or "x" (a multiple).
        increment: True when the number counts an addition ("14 more countries") rather
            than a total ("expanded to 30 members").
        ordinal: the position claimed ("the 31st member").
        time: the time expression the claim is dated by.
        negated: the claim says it did not happen.
        tense: "past" or "present", which dates a claim without a time expression.
        superlative: the superlative words ("the largest military alliance").
        sentence_id: the sentence of the article it came from.
        named: parties a count names beside its number ("Norway, Iceland and 9 other
            European countries" names two and counts nine more); for a signing, the
            countries that sign ("Syria signed the Paris Agreement").
        others: the count excludes the subject ("the 30 other allies"; of those who joined,
            "joined in 2004 with six other countries").
        narrowed: the words that make a count of only some of the members ("Baltic" in
            "three Baltic states joined"), or None: such a count can exceed the whole (a
            contradiction) but never confirm it.
        parts: offsets (relative to the searched text) of the words each field was read from.
        binding: the words read as each role ("subject", "relation", "object", "quantity",
            "time") when the sentence's parse bound them; empty without a parse.
        unjudged: why the claim is not judged (the sentence does not assert it, or a piece
            is not bound to it), or None.
    """

    text: str
    start: int
    end: int
    kind: ClaimKind
    relation: str | None = None
    cue: str | None = None
    subjects: list[Party] = field(default_factory=list)
    object: Party | None = None
    quantity: float | None = None
    unit: str | None = None
    comparator: str = "="
    increment: bool = False
    ordinal: int | None = None
    time: TimeMention | None = None
    negated: bool = False
    tense: str = "present"
    superlative: str | None = None
    sentence_id: str | None = None
    named: list[Party] = field(default_factory=list)
    others: bool = False
    narrowed: str | None = None
    parts: dict[str, tuple[int, int]] = field(default_factory=dict)
    binding: dict[str, str] = field(default_factory=dict)
    unjudged: str | None = None

    @property
    def subject(self) -> Party | None:
        """The first subject."""
        return self.subjects[0] if self.subjects else None

    def structured(self) -> StructuredClaim:
        """The structured part of the claim record (no verdict), JSON-ready."""
        subject = self.subject
        quantity: float | int | None = self.quantity
        if quantity is not None and float(quantity).is_integer():
            quantity = int(quantity)
        return {
            "kind": self.kind,
            "subject": ", ".join(p.text for p in self.subjects) or None,
            "subject_id": subject.id if subject else None,
            "subject_ids": [p.id for p in self.subjects],
            "subjects": [{"text": p.text, "id": p.id, "type": p.type} for p in self.subjects],
            "relation": self.relation,
            "cue": self.cue,
            "object": self.object.text if self.object else None,
            "object_id": self.object.id if self.object else None,
            "object_type": self.object.type if self.object else None,
            "quantity": quantity,
            "unit": self.unit,
            "comparator": self.comparator,
            "increment": self.increment,
            "ordinal": self.ordinal,
            "span": self.time.span() if self.time else None,
            "time_text": self.time.text if self.time else None,
            "time_bound": self.time.bound if self.time else None,
            "time_granularity": self.time.granularity if self.time else None,
            "negated": self.negated,
            "tense": self.tense,
            "superlative": self.superlative,
            "named": [{"text": p.text, "id": p.id, "type": p.type} for p in self.named],
            "others": self.others,
            "narrowed": self.narrowed,
            "binding": dict(self.binding),
            "unjudged": self.unjudged,
        }

    @classmethod
    def from_record(cls, record: Mapping[str, Any]) -> Claim:
        """Rebuild a claim from its record (offsets become relative to the claim text)."""
        time = None
        if record.get("span"):
            begin, last = (date.fromisoformat(d) for d in record["span"])
            time = TimeMention(
                text=record.get("time_text") or "",
                start=0,
                end=0,
                begin=begin,
                last=last,
                granularity=record.get("time_granularity") or "day",
                bound=record.get("time_bound") or "at",
            )
        obj = None
        if record.get("object") is not None:
            obj = Party(record["object"], record.get("object_id"), record.get("object_type"))
        return cls(
            text=record.get("text", ""),
            start=0,
            end=len(record.get("text", "")),
            kind=record.get("kind", "numeric"),
            relation=record.get("relation"),
            cue=record.get("cue"),
            subjects=[_party(p) for p in record.get("subjects", [])],
            object=obj,
            quantity=record.get("quantity"),
            unit=record.get("unit"),
            comparator=record.get("comparator") or "=",
            increment=bool(record.get("increment")),
            ordinal=record.get("ordinal"),
            time=time,
            negated=bool(record.get("negated")),
            tense=record.get("tense") or "present",
            superlative=record.get("superlative"),
            sentence_id=record.get("sentence_id"),
            named=[_party(p) for p in record.get("named", [])],
            others=bool(record.get("others")),
            narrowed=record.get("narrowed"),
            binding=dict(record.get("binding") or {}),
            unjudged=record.get("unjudged"),
        )

    def record(self, claim_id: str, offset: int = 0) -> ClaimRecord:
        """The claim as a ``claims`` layer record; ``offset`` turns offsets article-absolute."""
        return {
            "id": claim_id,
            "sentence_id": self.sentence_id,
            "text": self.text,
            "start": self.start + offset,
            "end": self.end + offset,
            **self.structured(),
            "parts": {k: [a + offset, b + offset] for k, (a, b) in self.parts.items()},
            "verdict": None,
            "evidence": [],
            "explanation": None,
        }


def _party(record: Mapping[str, Any]) -> Party:
    return Party(record.get("text", ""), record.get("id"), record.get("type"))
