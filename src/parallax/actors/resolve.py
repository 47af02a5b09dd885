"""The ``actors`` layer: every actor of an article with its mentions, most mentioned first."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from datetime import date
from typing import Any

from parallax.actors.coreference import resolve_references
from parallax.actors.mention_records import Mention
from parallax.actors.mentions import ActorResolver
from parallax.actors.subjects import is_stranded_speaker, titled_names
from parallax.actors.titled_references import titled_references
from parallax.knowledge import KnowledgeBase
from parallax.model import Sentence


def resolve_actors(
    doc: Any, sentences: Sequence[Sentence], kb: KnowledgeBase, when: date | None = None
) -> list[dict[str, Any]]:
    """The actors of one parsed article, as the ``actors`` layer of the JSON contract.

    Each actor is ``{"id", "name", "type", "kb_id", "affiliation", "mentions": [{"text",
    "start", "end", "sentence_id", "kind"}], "role": None, "sentiment": None}``; ``role`` and
    ``sentiment`` are filled later by the portrayal component. ``when`` is the publication
    date: a bare surname links to a knowledge-base person only if it fits their time in
    office.
    """
    resolver = ActorResolver(kb, when=when)
    explicit = resolver.mentions(doc)
    starts = [s.start for s in sentences]
    titled = titled_references(
        doc, explicit, lambda actor: resolver.info(actor).type == "person", starts
    )
    explicit = sorted([*explicit, *titled], key=lambda m: (m.start, -m.end))
    references = resolve_references(doc, explicit, resolver, starts)
    mentions = sorted([*explicit, *references], key=lambda m: (m.start, -m.end))
    for mention in mentions:
        position = bisect_right(starts, mention.start) - 1
        mention.sentence_id = sentences[max(position, 0)].id if sentences else ""
    grouped: dict[str, list[Mention]] = {}
    for mention in mentions:
        grouped.setdefault(mention.actor, []).append(mention)
    actors = []
    for actor_id, found in grouped.items():
        info = resolver.info(actor_id)
        record: dict[str, Any] = {
            "id": actor_id,
            "name": info.name,
            "type": info.type,
            "kb_id": info.kb_id,
            "mentions": [
                {
                    "text": m.text,
                    "start": m.start,
                    "end": m.end,
                    "sentence_id": m.sentence_id,
                    "kind": m.kind,
                }
                for m in found
            ],
            "role": None,
            "sentiment": None,
        }
        if info.type == "person":
            record["affiliation"] = info.affiliation
        actors.append(record)
    actors.sort(key=lambda a: (-len(a["mentions"]), a["mentions"][0]["start"]))
    return actors


GATHERINGS = frozenset(
    {"summit", "conference", "talks", "meeting", "negotiation", "session", "forum", "round"}
    | {"election", "runoff", "primary", "race", "referendum", "contest", "ballot"}
)
"""Nouns for a gathering or a vote: the body or state named on it does not do what it does,
nor undergo what is done to it ("won Tuesday's Senate runoff" wins no Senate)."""
MEASURES = frozenset(
    {"law", "bill", "act", "statute", "legislation", "ban", "rule", "regulation", "decree"}
    | {"policy", "plan", "proposal", "measure", "budget", "lawsuit", "ruling"}
)
"""Nouns for a law, a plan or a suit: what is done to "a Texas law" is not done to Texas,
and what the law does ("a law that would let police ...") Texas does not do."""
NOT_INSTRUMENTS = GATHERINGS | MEASURES


class MentionIndex:
    """Which actor a character offset of the article belongs to (built from the layer).

    Later components (quotes, events) get the actors from the JSON layer, not from objects
    in memory, so they work the same on an analysis rebuilt from the store.
    """

    def __init__(self, actors: Sequence[dict[str, Any]]):
        """Index the mentions of an ``actors`` layer by their character spans."""
        spans = sorted(
            (m["start"], m["end"], a["id"], m.get("kind", "name"))
            for a in actors
            for m in a["mentions"]
        )
        self._spans = spans
        self._starts = [s[0] for s in spans]
        self.types = {a["id"]: a.get("type", "other") for a in actors}
        self.names = {a["id"]: a["name"] for a in actors}
        self.affiliations = {a["id"]: a.get("affiliation") for a in actors}

    def actor_at(self, char: int) -> str | None:
        """The actor whose mention covers ``char`` (the innermost one), or None."""
        best: tuple[int, str] | None = None
        position = bisect_right(self._starts, char)
        for start, end, actor, _kind in reversed(self._spans[max(position - 8, 0) : position]):
            if start <= char < end and (best is None or end - start < best[0]):
                best = (end - start, actor)
        return best[1] if best else None

    def actor_of_token(self, token: Any) -> str | None:
        """The actor a noun phrase headed by ``token`` refers to.

        The head itself first ("Russia"), then a name in apposition to it ("the harbour
        board's chair, Dana Ruiz," is Ruiz: the phrase and the name are one referent, and
        the modifier only says where she serves; so is "Kroll's challenger, state treasurer
        Amy Lindgren,"), then its modifiers ("Russian troops",
        "Russia's army"), so a phrase about a state's instrument is counted as the state
        acting. A gathering is no one's instrument: what "the UN climate summit" does (it
        opens, collapses, ends), its host or organiser does not. Nor is a law or a plan:
        a court that blocks "a Texas law" does not block Texas.
        """
        found = self.actor_at(token.idx)
        if found:
            return found
        for child in token.children:
            if child.dep_ == "appos" and child.i > token.i and not is_stranded_speaker(child):
                found = self.actor_at(child.idx) or next(
                    filter(None, (self.actor_at(t.idx) for t in titled_names(child))), None
                )
                if found:
                    return found
        if token.lemma_.lower() in NOT_INSTRUMENTS:
            return None  # "the UN climate summit collapsed", "blocked a Texas law"
        for child in token.children:
            if child.dep_ in {"poss", "amod", "compound", "nmod"}:
                found = self.actor_at(child.idx)
                if found:
                    return found
        return None
