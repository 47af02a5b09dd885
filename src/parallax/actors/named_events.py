"""Named historical events (summits, treaties, wars) found in text and dated from the KB.

Articles cite history by name and leave the year out ("the Potsdam accords", "the Madrid
summit", "World War One"); the reader is expected to know it. The knowledge base knows it: its
entities of type ``event`` and ``treaty`` carry ``start_date``/``end_date``/``signed`` facts.
References are found by alias ("the Second World War", "the Cold War"), by an event noun with a
place ("the Bucharest summit", "NATO summit in Madrid", "the Potsdam accords") and by a meeting
verb with a place ("the delegations gathered in Potsdam"). When several events share a name
(two Madrid summits), a year in the same sentence picks one; otherwise the one nearest the
article's date does.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from parallax.actors.office_holders import as_date
from parallax.knowledge import KBEntity, KnowledgeBase, alias_key, written_as_named

EVENT_TYPES = frozenset({"event", "treaty"})
MEETING_NOUNS = frozenset(
    {"summit", "conference", "meeting", "talks", "agreement", "accord", "accords", "pact"}
)
"""Event nouns that name a meeting or what it agreed; "the Potsdam accords" = the conference."""
EVENT_NOUNS = MEETING_NOUNS | frozenset(
    {"treaty", "war", "revolution", "crisis", "invasion", "uprising", "protests", "battle"}
)
MEETING_VERBS = frozenset({"meet", "gather", "convene", "assemble"})
DATE_PROPERTIES = ("start_date", "adopted", "signed", "founded")
END_PROPERTIES = ("end_date", "terminated", "dissolved")
_YEAR = re.compile(r"\b(1[5-9]\d\d|20\d\d)\b")


@dataclass(frozen=True)
class KBDate:
    """A knowledge-base event with the dates the timeline needs."""

    entity: KBEntity
    start: str
    end: str
    source: str

    @property
    def year(self) -> int:
        """The year the event started."""
        return int(self.start[:4])


@dataclass(frozen=True)
class EventReference:
    """A mention of a named event: the tokens and the dated KB event it names."""

    start: int
    end: int
    token: int
    text: str
    event: KBDate
    by_verb: bool = False
    by_place: bool = False


class NamedEvents:
    """The dated events of a knowledge base, searchable by alias and by noun + place."""

    def __init__(self, kb: KnowledgeBase):
        """Index the events and treaties of ``kb`` that have a date."""
        self.kb = kb
        self.events: dict[str, KBDate] = {}
        for entity in kb.entities.values():
            if entity.type not in EVENT_TYPES:
                continue
            dated = self._dates(entity)
            if dated is not None:
                self.events[entity.id] = dated
        self._names = {i: [alias_key(n) for n in d.entity.names()] for i, d in self.events.items()}
        self._places = {
            i: {f.object for f in kb.facts_about(i, "location") if f.object} for i in self.events
        }

    def _dates(self, entity: KBEntity) -> KBDate | None:
        start = end = None
        source = entity.source
        for prop in DATE_PROPERTIES:
            facts = self.kb.facts_about(entity.id, prop)
            if facts and facts[0].value:
                start, source = facts[0].value, facts[0].source
                break
        for prop in END_PROPERTIES:
            facts = self.kb.facts_about(entity.id, prop)
            if facts and facts[0].value:
                end = facts[0].value
                break
        attributes = entity.attributes
        start = start or attributes.get("start_date") or attributes.get("date")
        end = end or attributes.get("end_date") or start
        if not start or not _YEAR.match(str(start)):
            return None
        return KBDate(entity, str(start), str(end), source)

    def participants_in(self, event: KBDate, sentence: Any) -> bool:
        """Whether ``sentence`` (a parsed span) names one of ``event``'s participants."""
        ids = {f.object for f in self.kb.facts_about(event.entity.id, "participant") if f.object}
        return any(
            entity.id in ids
            for ent in sentence.ents
            for entity in self.kb.lookup(ent.text)
            if written_as_named(entity, ent.text)
        )

    def by_alias(self, text: str) -> list[KBDate]:
        """Dated events whose name or alias is ``text``."""
        bare = re.sub(r"^the\s+(1[5-9]\d\d|20\d\d)\s+", "", text.strip(), flags=re.I)
        return [
            self.events[e.id]
            for e in self.kb.lookup(alias_key(bare))
            if e.id in self.events and written_as_named(e, bare)
        ]

    def by_noun_and_place(self, noun: str, place: str) -> list[KBDate]:
        """Dated events named with ``noun`` (or a synonym) and ``place`` ("Bucharest summit")."""
        nouns = MEETING_NOUNS if noun in MEETING_NOUNS else frozenset({noun})
        place_key = alias_key(place)
        place_ids = {e.id for e in self.kb.lookup(place)}
        pattern = re.compile(rf"\b{re.escape(place_key)}\b")
        found = []
        for event_id, dated in self.events.items():
            names = self._names[event_id]
            at_place = bool(self._places[event_id] & place_ids) or any(
                pattern.search(n) for n in names
            )
            named_so = any(any(word in n.split() for word in nouns) for n in names)
            # "The war in Ukraine" is not every war located there: outside meetings, the
            # place must be part of the event's own name ("Russian invasion of Ukraine").
            if noun not in MEETING_NOUNS and not any(pattern.search(n) for n in names):
                continue
            if at_place and named_so:
                found.append(dated)
        return found

    def find(self, doc: Any, anchor: date | None = None) -> list[EventReference]:
        """Every reference to a dated KB event in ``doc``, in text order.

        ``anchor`` (the article's date) decides between events that share a name.
        """
        if not self.events:
            return []
        references: list[EventReference] = []
        covered: set[int] = set()

        def add(
            span: Any, token: Any, candidates: list[KBDate], by_verb: bool = False, **how: bool
        ) -> None:
            if not candidates or covered.intersection(range(span.start, span.end)):
                return
            chosen = _choose(candidates, span.sent.text, anchor)
            references.append(
                EventReference(
                    span.start_char, span.end_char, token.i, span.text, chosen, by_verb, **how
                )
            )
            covered.update(range(span.start, span.end))

        for ent in doc.ents:
            if ent.label_ in {"EVENT", "LAW", "ORG", "FAC"}:
                add(ent, ent.root, self.by_alias(ent.text))
        for chunk in doc.noun_chunks:
            add(chunk, chunk.root, self.by_alias(chunk.text))
            noun = chunk.root.lemma_.lower()
            if noun not in EVENT_NOUNS or introduced_anew(chunk.root):
                continue
            # A possessor is who acts, not where: "Russia's invasion of Ukraine".
            places = [t for t in chunk if t.i != chunk.root.i and t.dep_ != "poss" and _is_place(t)]
            places += [
                g
                for c in chunk.root.children
                if c.dep_ == "prep" and c.lower_ in {"in", "at", "of"}
                for g in c.children
                if g.dep_ == "pobj" and _is_place(g)
            ]
            for place in places:
                found = self.by_noun_and_place(noun, _entity_text(place))
                add(chunk, chunk.root, found, by_place=True)
        for token in doc:
            if token.pos_ != "VERB" or token.lemma_.lower() not in MEETING_VERBS:
                continue
            for prep in token.children:
                if prep.dep_ != "prep" or prep.lower_ not in {"in", "at"}:
                    continue
                for place in prep.children:
                    if place.dep_ == "pobj" and _is_place(place):
                        span = doc[token.i : place.i + 1]
                        found = self.by_noun_and_place("meeting", _entity_text(place))
                        add(span, token, found, by_verb=True)
        references.sort(key=lambda r: r.start)
        return references


def time_on_name(
    doc: Any, reference: EventReference, times: Sequence[dict[str, Any]]
) -> dict[str, Any] | None:
    """The time the text writes on the event's own name ("the 2015 Paris Agreement").

    Such a year is the source's own dating of the event, even where the knowledge base
    records another of its dates (signature rather than adoption): the timeline shows what
    the source says, not a date from reference knowledge set against its words. Only a time
    inside the event's noun phrase, modifying its head, counts; a time elsewhere in the
    sentence may date anything ("the talks follow the Paris Agreement, signed in 2016").
    """
    head = doc[reference.token]
    for time in times:
        if not time.get("range") or not time.get("value"):
            continue
        span = doc.char_span(int(time["start"]), int(time["end"]), alignment_mode="expand")
        if span is None or span.end > head.i or span.start < head.left_edge.i:
            continue
        if span.root.head.i == head.i and span.root.dep_ in NAME_MODIFIERS:
            return time
    return None


def dated_elsewhere(doc: Any, reference: EventReference, times: Sequence[dict[str, Any]]) -> bool:
    """Whether an event named by noun and place carries its own time outside the KB event.

    "Monday's meeting in Helsinki", "the meeting in Helsinki on Monday" or "the June summit
    in Madrid", in an article years after the knowledge base's meeting there, is another
    meeting in that city: its own day, not the knowledge base's, says which.
    """
    head = doc[reference.token]
    began = as_date(reference.event.start, last=False) or date.min
    ended = as_date(reference.event.end, last=True) or date.max
    for time in times:
        if not time.get("range"):
            continue
        span = doc.char_span(int(time["start"]), int(time["end"]), alignment_mode="expand")
        if span is None:
            continue
        root = span.root
        on_name = root.head.i == head.i and root.dep_ in {*NAME_MODIFIERS, "poss"}
        after_name = (
            root.dep_ == "pobj"
            and root.head.lower_ in {"on", "in", "at"}
            and root.head.head.i == head.i
        )
        if not (on_name or after_name):
            continue
        first, last = (date.fromisoformat(str(v)[:10]) for v in time["range"])
        if last < began or first > ended:
            return True
    return False


def meeting_fits(
    doc: Any,
    reference: EventReference,
    time: dict[str, Any] | None,
    anchor: date | None,
    named: NamedEvents | None = None,
) -> bool:
    """Whether a meeting found only by its verb and place can be the knowledge-base one.

    "Leaders met in Rome" may be the Rome summit of the knowledge base or any later
    meeting there. It is not that event when the verb's own time falls outside it ("met in
    Rome on Saturday", in a 2025 article), nor when the verb speaks of now, later or of a
    plan ("meet in Rome", "will gather in Rome", "were due to meet in Geneva", "would
    convene in Vienna") and the event is over by the article's date, unless the sentence
    writes a year of the event ("in 1945 they agreed to meet in Yalta"). A past meeting
    with no time of its own, in an article written after the event, is that event only
    when the sentence writes one of its years or names one of its participants
    (known to ``named``: "Stalin and Roosevelt met in Yalta"): "delegations from the
    two countries met in Istanbul for talks", in a 2025 war report, is not NATO's 2004
    summit there.
    """
    began = as_date(reference.event.start, last=False) or date.min
    ended = as_date(reference.event.end, last=True) or date.max
    if time is not None:
        first, last = (date.fromisoformat(str(v)[:10]) for v in time["range"])
        return not (last < began or first > ended)
    verb = doc[reference.token]
    ahead = verb.tag_ in {"VBZ", "VBP"} or any(
        c.dep_ == "aux" and c.lower_ in PLANNED_AUX for c in verb.children
    )
    if anchor is None or ended >= anchor:
        return True
    years = {int(y) for y in _YEAR.findall(verb.sent.text)}
    if any(began.year <= year <= ended.year for year in years):
        return True
    sentence = verb.sent
    return not ahead and (named is None or named.participants_in(reference.event, sentence))


PLANNED_AUX = frozenset({"will", "'ll", "shall", "to", "would", "could", "might", "may", "must"})
"""Auxiliaries that make a meeting verb a plan or a possibility, not a meeting held."""


INDEFINITE = frozenset({"a", "an", "another", "some", "any", "one", "several", "many", "no"})
"""Determiners that introduce an event the reader has not met: not one known by name."""


def introduced_anew(noun: Any) -> bool:
    """Whether an event noun brings in a new event rather than naming a known one.

    "A meeting in Brussels", "another summit in Madrid" or "talks in Geneva" are told as news,
    not recalled: a reader can pick out a known historical event only by a definite name
    ("the Brussels summit", "the meeting in Helsinki"). A bare plural with no determiner is
    new in the same way, except where a place is part of the name ("Minsk agreements"), and
    so are counted ones ("two summits in Madrid"); a year on the name ("the 2008 Bucharest
    summit") names one.
    """
    determiners = [c.lower_ for c in noun.children if c.dep_ == "det"]
    counted = any(c.dep_ == "nummod" and not _YEAR.fullmatch(c.text) for c in noun.children)
    if counted or any(word in INDEFINITE for word in determiners):
        return True
    named_so = any(c.dep_ == "compound" or c.dep_ == "poss" for c in noun.children)
    return noun.tag_ == "NNS" and not determiners and not named_so


NAME_MODIFIERS = frozenset({"nummod", "compound", "amod", "npadvmod", "nmod"})
"""How a time hangs on an event's name when it dates it ("the 2015 agreement")."""


def _is_place(token: Any) -> bool:
    # "the NATO agreements" names an organisation, not where a summit met.
    return token.pos_ == "PROPN" and token.ent_type_ in {"GPE", "LOC", "FAC", ""}


def _entity_text(token: Any) -> str:
    for ent in token.doc.ents:
        if ent.start <= token.i < ent.end:
            return str(ent.text)
    return str(token.text)


def _choose(candidates: list[KBDate], sentence: str, anchor: date | None) -> KBDate:
    years = {int(y) for y in _YEAR.findall(sentence)}
    stated = [c for c in candidates if c.year in years]
    if stated:
        return stated[0]
    if anchor is None:
        return max(candidates, key=lambda c: c.start)
    return min(candidates, key=lambda c: abs(c.year - anchor.year))
