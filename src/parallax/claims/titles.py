"""Office titles written before a name: "Defense Secretary Lloyd Austin", "former President X".

News names people with their office, and a wrong title is a factual error a reader may want
flagged ("Russian President Dmitry Medvedev" in 2015). The title is read as a claim of its
own, kind ``title``, whose text is only the title and the name: it says that the person held
the office on the article's date ("former": held it before and no longer does). It never
speaks for what the sentence says the person did, so a title can neither support nor
contradict the sentence's main assertion.

A title is not read as of the article's date, and so not judged, when:

- a word in front dates it elsewhere ("then-Secretary", "acting", "late", "incoming") or
  it names a future office ("President-elect");
- it is hypothetical ("a President Clinton would ...");
- the sentence speaks of a time more than a month away from the article's date ("In 2009,
  Secretary of State Hillary Clinton ..."): the title may be as of then.

Which words are titles, and which office properties of the knowledge base each one names, is
the domain pack's ``office_titles.tsv``. The person is the knowledge-base name that follows
the title; a bare surname ("Speaker Pelosi") is looked up among the people who ever held
one of the title's offices, since the title narrows who is meant.

A title that may name several offices ("Minority Leader": either chamber's) is read as one
of them only on evidence: a chamber word written in its noun phrase ("the House's Minority
Leader"), else the one of them the knowledge base says the named person held. Without
either it names none of them in particular, so it is never labelled with the wrong
chamber's office.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import timedelta
from functools import lru_cache
from typing import TYPE_CHECKING

from parallax.claims.model import Claim, Party
from parallax.domains import domain_pack
from parallax.knowledge import KBEntity, KnowledgeBase

if TYPE_CHECKING:
    from parallax.claims.grammar import SentenceReader

NEAR_DAYS = 31
"""A time in the sentence further than this from the article's date may date the title."""

_NOT_NOW = re.compile(
    r"(?:\bthen[-\u2013 ](?:\S+\s+)?|\b(?:acting|interim|late|incoming|outgoing|future|"
    r"would-be|next|deputy|assistant|under|shadow)\s+)$",
    re.IGNORECASE,
)
_FORMER = re.compile(r"\b(?:former|ex)[-\u2013 ]$", re.IGNORECASE)
_LEADING_FORMER = re.compile(r"^(?:former|ex)[-\u2013 ]", re.IGNORECASE)
_HYPOTHETICAL = re.compile(r"\b(?:an?|if|would|could|whether)\s+$", re.IGNORECASE)
_ELECT = re.compile(r"^[-\u2013 ]?(?:elect|designate|nominee)\b", re.IGNORECASE)
_BODY_WORDS = re.compile(
    r"(?:^|[\s(])(?P<body>[A-Za-z]+)(?:['\u2019]s)?(?:\s+(?:Democratic|Republican|Democrats'?|"
    r"Republicans'?|GOP))?\s+$"
)
"""A body's word right before a title, past a party word: "House Democratic", "Senate's"."""
_NAME = re.compile(
    r"(?P<name>[A-Z][\w\u00C0-\u024F'\u2019.-]*(?:\s+[A-Z][\w\u00C0-\u024F'\u2019.-]*){0,3})"
)


@dataclass(frozen=True)
class Title:
    """A title found in a sentence: its offsets and the office properties it may name."""

    start: int
    end: int
    offices: tuple[str, ...]


@lru_cache(maxsize=1)
def _patterns() -> tuple[tuple[re.Pattern[str], tuple[str, ...]], ...]:
    return tuple(
        (re.compile(rf"\b(?:{title})\b", re.IGNORECASE), offices)
        for title, offices in domain_pack().office_titles
    )


def offices_of(title: str) -> tuple[str, ...]:
    """The office properties a title's words name (none when they are not a title)."""
    words = _LEADING_FORMER.sub("", title.strip())
    for pattern, offices in _patterns():
        if pattern.fullmatch(words):
            return offices
    return ()


def is_former(title: str) -> bool:
    """Whether the title says the person no longer holds the office ("former President")."""
    return bool(_LEADING_FORMER.match(title.strip()))


def find_titles(text: str) -> list[Title]:
    """Titles in ``text``; where two overlap, the earlier line of the pack wins."""
    found: list[Title] = []
    for pattern, offices in _patterns():
        for match in pattern.finditer(text):
            if any(match.start() < t.end and match.end() > t.start for t in found):
                continue
            found.append(Title(match.start(), match.end(), offices))
    return sorted(found, key=lambda t: t.start)


def _holders(kb: KnowledgeBase, offices: tuple[str, ...]) -> dict[str, KBEntity]:
    """Everyone the knowledge base lists in one of ``offices``, by surname."""
    by_surname: dict[str, KBEntity] = {}
    for office in offices:
        for fact in kb.facts_about(property=office):
            person = kb.get(fact.object) if fact.object else None
            if person is not None and person.type == "person":
                by_surname.setdefault(person.name.split()[-1].lower(), person)
    return by_surname


def _person_after(reader: SentenceReader, title: Title) -> list[Party] | None:
    """The person named right after the title: every reading of the name, or None."""
    text = reader.text
    gap = len(text[title.end :]) - len(text[title.end :].lstrip(" "))
    at = title.end + gap
    if gap == 0 or _ELECT.match(text[title.end :]):
        return None
    for mention in reader.mentions:
        starts_here = mention.start == at or (mention.start <= title.start < mention.end)
        if starts_here and mention.end > title.end:
            people = [c for c in mention.candidates if c.type == "person"]
            if people:
                return [Party(text[at : mention.end], p.id, "person") for p in people]
            return None
        if mention.start == at:
            return None
    match = _NAME.match(text, at)
    if match is None:
        return None
    name = re.sub(r"(?:['\u2019]s|\.)$", "", match.group("name"))
    person = _holders(reader.kb, title.offices).get(name.split()[-1].lower())
    if person is None or len(name.split()) > 1:
        return None  # a full name the knowledge base does not know is someone else
    return [Party(name, person.id, "person")]


def office_read(
    kb: KnowledgeBase, offices: tuple[str, ...], before: str, people: list[Party]
) -> str | None:
    """The one office an ambiguous title names here, or None when nothing says which.

    Office properties are named after their body ("house_minority_leader"), so a body word
    written before the title ("House", "Senate's") keeps the offices of that body; of
    those left, the one the named person held decides. "Minority Leader Hakeem Jeffries"
    is the House's, never the Senate's.
    """
    if len(offices) == 1:
        return offices[0]
    found = _BODY_WORDS.search(before)
    if found:
        body = found.group("body").lower() + "_"
        offices = tuple(o for o in offices if o.startswith(body)) or offices
        if len(offices) == 1:
            return offices[0]
    held = [
        o for o in offices if any(kb.facts_about(property=o, object=p.id) for p in people if p.id)
    ]
    return held[0] if len(held) == 1 else None


def _place_before(reader: SentenceReader, at: int) -> tuple[Party, int] | None:
    """The country or organisation the title is of, written right before it ("Russian").

    Returns the party and where its words start, or None.
    """
    before = reader.text[:at].rstrip()
    before = re.sub(r"['\u2019]s$", "", before)
    for mention in reader.mentions:
        if mention.end == len(before) and mention.end > 0:
            entity = mention.of_type("country", "organisation")
            if entity is not None:
                return Party(mention.text, entity.id, entity.type), mention.start
    return None


def read_titles(reader: SentenceReader) -> list[Claim]:
    """The title claims of one sentence (see the module docstring)."""
    claims = []
    text = reader.text
    anchor = reader.context.anchor
    for title in find_titles(text):
        before = text[: title.start]
        if _NOT_NOW.search(before) or _HYPOTHETICAL.search(before):
            continue
        people = _person_after(reader, title)
        if not people:
            continue
        former = _FORMER.search(before)
        found = _place_before(reader, former.start() if former else title.start)
        if found and not former:
            # "Former Mexican President Vicente Fox": the place stands between.
            former = _FORMER.search(text[: found[1]])
            if _NOT_NOW.search(text[: found[1]]) or _HYPOTHETICAL.search(text[: found[1]]):
                continue
        place = found[0] if found else None
        start = min(former.start() if former else title.start, found[1] if found else title.end)
        end = title.end + len(text[title.end :]) - len(text[title.end :].lstrip(" "))
        end += len(people[0].text)
        cue = ("former " if former else "") + text[title.start : title.end]
        claim = Claim(
            text=text[start:end],
            start=start,
            end=end,
            kind="title",
            relation=office_read(reader.kb, title.offices, before, people),
            cue=cue,
            subjects=people,
            object=place,
            tense="present",
            parts={
                "cue": (former.start() if former else title.start, title.end),
                "subject": (end - len(people[0].text), end),
            },
            binding={
                "relation": cue,
                "subject": people[0].text,
                **({"object": place.text} if place else {}),
                "time": "the article's date",
            },
        )
        if anchor is not None:
            far = [
                t
                for t in reader.times
                if t.last < anchor - timedelta(days=NEAR_DAYS)
                or t.begin > anchor + timedelta(days=NEAR_DAYS)
            ]
            if far:
                claim.unjudged = (
                    f"the sentence speaks of “{far[0].text}”, so the title may be as of then, "
                    "not the article's date"
                )
                claim.binding["time"] = f"none (“{far[0].text}” may date the title)"
        claims.append(claim)
    return claims
