"""Relation rules of the claim grammar: membership, dated acts, offices, pairs and events.

Each rule takes the sentence reader (its mentions, cues and times) and one relation cue,
finds the parties the relation needs, and records a claim with
:meth:`parallax.claims.grammar.SentenceReader.add`. The rules and their limits are described
in ``docs/claims.md``; the dependency parse later checks that each claim is what the
sentence asserts (:mod:`parallax.claims.roles`).
"""

from __future__ import annotations

import itertools
import re
from typing import TYPE_CHECKING

from parallax.claims.linking import Mention, nearest, party
from parallax.claims.model import Party
from parallax.claims.vocabulary import Cue
from parallax.claims.when import TimeMention
from parallax.claims.words import event_name_words, proper_words, without_when

if TYPE_CHECKING:
    from parallax.claims.grammar import SentenceReader


def read_relation(reader: SentenceReader, cue: Cue) -> None:
    """Record the claim a relation cue makes, when the sentence names its parties."""
    relation = cue.relation
    time = reader.time_for(cue)
    if relation in {"member_of", "founding_member", "withdrew"}:
        _membership(reader, cue, time)
    elif relation in {"founded", "dissolved", "signed", "entered_into_force"}:
        _dated(reader, cue, time)
    elif relation in {"head_of_state", "head_of_government"}:
        _office(reader, cue, time)
    elif relation in {"capital", "shares_border_with"}:
        _pair(reader, cue, time)
    elif relation == "event" and time is not None:
        _event(reader, cue, time)


def _membership(reader: SentenceReader, cue: Cue, time: TimeMention | None) -> None:
    if any(
        c.relation in {"member_of", "founding_member", "withdrew"} and c.cue == cue.text
        for c in reader.claims
    ):
        return
    if any(c.relation == cue.relation for c in reader.claims):
        return
    countries = reader.countries(before=cue.start if cue.relation != "withdrew" else None)
    targets = [m for m in reader.mentions if m.of_type("organisation", "treaty")]
    if cue.relation == "withdrew":
        after = [m for m in targets if cue.end <= m.start <= cue.end + 40]
        if not after:
            return
        obj: Party | None = party(after[0], "organisation", "treaty")
    else:
        obj, _ = reader.organisation(cue.end)
    subjects = [m for m in countries if obj is None or m.entity.id != obj.id]
    if not subjects or obj is None:
        return
    reader.add(
        "date" if time else "membership",
        cue,
        relation=cue.relation,
        subjects=[party(m, "country") for m in subjects],
        object=obj,
        time=time,
        parts={"subject": (subjects[0].start, subjects[-1].end)},
    )


def _dated(reader: SentenceReader, cue: Cue, time: TimeMention | None) -> None:
    if time is None or any(c.relation == cue.relation for c in reader.claims):
        return
    types = {
        "founded": ("organisation", "country", "treaty", "event"),
        "dissolved": ("organisation", "country"),
        "signed": ("treaty",),
        "entered_into_force": ("treaty",),
    }[cue.relation]
    candidates = [m for m in reader.mentions if m.of_type(*types) and not m.demonym]
    if not candidates:
        return
    before = [m for m in candidates if m.start < cue.start]
    subject = before[-1] if before else candidates[0]
    # "Syria signed the Paris Agreement in 2017": the countries who may be the signers; the
    # parse keeps those it binds as the subject or agent of the verb (parallax.claims.roles)
    signers = (
        [
            m
            for m in reader.mentions
            if m.of_type("country") and not m.demonym and m.entity.id != subject.entity.id
        ]
        if cue.relation == "signed"
        else []
    )
    reader.add(
        "date",
        cue,
        relation=cue.relation,
        subjects=[party(subject, *types)],
        named=[party(m, "country") for m in signers],
        time=time,
        parts={"subject": (subject.start, subject.end)},
    )


def _office(reader: SentenceReader, cue: Cue, time: TimeMention | None) -> None:
    people = [m for m in reader.mentions if m.of_type("person")]
    places = [m for m in reader.mentions if m.of_type("country", "organisation")]
    if not people or not places:
        return
    person, place = nearest(people, cue.start), nearest(places, cue.start)
    of_place = place.start > cue.end and re.fullmatch(
        r"\s+of\s+(?:the\s+)?", reader.text[cue.end : place.start]
    )
    title = place.end <= cue.start and re.fullmatch(
        r"(?:['\u2019]s)?\s+", reader.text[place.end : cue.start]
    )
    if not (of_place or title):
        return
    reader.add(
        "date" if time else "membership",
        cue,
        relation=cue.relation,
        subjects=[party(person, "person")],
        object=party(place, "country", "organisation"),
        time=time,
        parts={"subject": (person.start, person.end), "object": (place.start, place.end)},
    )


def _pair(reader: SentenceReader, cue: Cue, time: TimeMention | None) -> None:
    if any(c.relation == cue.relation and c.quantity is None for c in reader.claims):
        return
    countries = [m for m in reader.mentions if m.of_type("country") and not m.demonym]
    if cue.relation == "shares_border_with":
        _border(reader, cue, time, countries)
        return
    places = [m for m in reader.mentions if m.of_type("place")]
    states = [m for m in countries if not any(m is p for p in places)]
    if places and states:
        countries = states
    if not countries:
        return
    country = countries[0]
    rest = [m for m in reader.mentions if m is not country]
    if rest:
        first, second = country, rest[0]
    else:
        words = re.search(
            r"(?:capital(?: city)?(?: of \w+(?: \w+)?)? (?:is|was|are|remains)\s+"
            r"|^\s*)(?!The\b)"
            r"(?P<name>[A-Z][\w\u00C0-\u024F'-]+(?: [A-Z][\w\u00C0-\u024F'-]+)*)",
            reader.text,
        )
        if not words or words.group("name") == country.text:
            return
        place = Party(words.group("name"), None, "place")
        reader.add(
            "membership",
            cue,
            relation="capital",
            subjects=[party(country, "country")],
            object=place,
            time=time,
            parts={"object": words.span("name")},
        )
        return
    obj = party(second, "place", "country")
    if cue.relation == "capital":
        place_entity = second.of_type("place")
        obj = Party(second.text, place_entity.id if place_entity else None, "place")
    reader.add(
        "membership",
        cue,
        relation=cue.relation,
        subjects=[party(first, "country")],
        object=obj,
        time=time,
        parts={"subject": (first.start, first.end), "object": (second.start, second.end)},
    )


_AND = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s+as\s+well\s+as\s+)(?:the\s+)?", re.I)
"""What joins two names of one list ("Poland, Slovakia and Hungary"); "or" lists no pairs."""

_OR = re.compile(r"\s*,?\s*(?:or|nor|and/or)\s+(?:the\s+)?", re.I)
"""What ends a list of alternatives ("Norway, Sweden or Finland"), which claims no pair."""


def _listed(text: str, countries: list[Mention], first: int) -> list[Mention]:
    """The names listed with ``countries[first]`` ("Hungary, Slovakia and Romania").

    A name owning the next noun ("Russia's Kaliningrad exclave") names something else and
    ends the list.
    """
    listed = [countries[first]]
    for following in countries[first + 1 :]:
        if not _AND.fullmatch(text[listed[-1].end : following.start]):
            break
        if re.match(r"['\u2019]s\b", text[following.end :]):
            break
        listed.append(following)
    return listed


def _border(
    reader: SentenceReader, cue: Cue, time: TimeMention | None, countries: list[Mention]
) -> None:
    """One claim per neighbour named: the listed subjects border each listed object.

    "Norway and Finland share borders with Russia" pairs each with Russia, not Norway with
    Finland; "Ukraine shares a border with Poland and Lithuania" claims both borders, so each
    is checked. Two names with no other ("Poland and Ukraine share a border") border each
    other; three or more with none ("Hungary, Slovakia and Romania share borders") do not
    say which pairs do, and are not read.
    """
    near = [i for i, m in enumerate(countries) if abs(m.start - cue.start) < 60]
    if len(near) < 2:
        return
    if any(_OR.fullmatch(reader.text[a.end : b.start]) for a, b in itertools.pairwise(countries)):
        return  # "Norway, Sweden or Finland borders Russia" does not say which one does
    subjects = _listed(reader.text, countries, near[0])
    rest = [i for i in near if countries[i].start >= subjects[-1].end]
    if rest:
        objects = _listed(reader.text, countries, rest[0])
    elif len(subjects) == 2:
        subjects, objects = subjects[:1], subjects[1:]
    else:
        return
    ids = {m.entity.id for m in subjects}
    for second in objects:
        if second.entity.id in ids:
            continue
        reader.add(
            "membership",
            cue,
            relation=cue.relation,
            subjects=[party(m, "country") for m in subjects],
            object=party(second, "place", "country"),
            time=time,
            parts={
                "subject": (subjects[0].start, subjects[-1].end),
                "object": (second.start, second.end),
            },
        )


def _event(reader: SentenceReader, cue: Cue, time: TimeMention) -> None:
    if any(c.relation == "event" for c in reader.claims):
        return
    verbs = [
        c
        for c in reader.cues
        if c.relation == "event"
        and re.match(r"began|begun|start|broke out|outbreak|ended|invad|attack|annex", c.text, re.I)
    ]
    if verbs and not re.match(r"invad|attack|annex", cue.text, re.I):
        cue = verbs[0]
    # an event named after the act, in "after", "since", "during" ..., dates the act
    dated = without_when(reader.text, cue.end)
    events = [m for m in reader.mentions if m.of_type("event") and dated[m.start : m.end].strip()]
    actors = [m for m in reader.mentions if m.of_type("country", "organisation", "person")]
    strong = re.match(r"invad|invasion|attack|annex|bomb|overthr|coup", cue.text, re.I)
    unnamed = reader.text
    for mention in reader.mentions:
        unnamed = (
            unnamed[: mention.start] + " " * (mention.end - mention.start) + unnamed[mention.end :]
        )
    generic = re.match(r"began|begun|start|ended|took place|held|happened|occurred", cue.text, re.I)
    named_in_words = not generic and bool(proper_words(unnamed) & event_name_words(reader.kb))
    if not events and not (strong and actors) and len(actors) < 2 and not named_in_words:
        return
    if (
        not events
        and not strong
        and not named_in_words
        and not re.match(r"war|crisis|summit|conference|revolution", cue.text, re.I)
    ):
        return
    reader.add(
        "event",
        cue,
        relation="event",
        subjects=[party(m) for m in actors],
        object=party(events[0], "event") if events else None,
        time=time,
    )
