"""Records of the reference knowledge: entities with aliases, and dated, sourced facts.

The shape follows PRODUCT.md capability 7: an entity has an id, a type and aliases; a fact is
subject, property, value or object, an optional start and end time, and a public source.
Ids are short lowercase slugs (``united-states``, ``nato``); ``wikidata`` keeps the Wikidata
item id where one is known, so imported Wikidata facts land on the same entity.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

ENTITY_TYPES = frozenset(
    {
        "country",  # a sovereign state, past or present
        "organisation",  # an alliance, union, agency, party, company
        "person",
        "place",  # a city, region or body of water
        "event",  # a war, crisis, summit, election
        "treaty",
        "group",  # a collective actor without a formal organisation ("the workers")
        "other",
    }
)


@dataclass(frozen=True)
class KBEntity:
    """An entity of the reference knowledge.

    Attributes:
        id: stable slug, unique in a knowledge base.
        name: the usual English name.
        type: one of :data:`ENTITY_TYPES`.
        aliases: other names that mean this entity ("U.S.", "Washington" for its government,
            "the Kremlin"); matched case-insensitively.
        demonyms: adjectives and nouns of people ("Russian", "Russians"), which resolve to
            the entity when they name an actor ("the Russian rulers").
        description: one line for people reading a report.
        wikidata: the Wikidata item id (``Q30``), when known.
        attributes: anything else (start and end dates of an event, an ISO country code).
        source: a public citation for the entity's names.
    """

    id: str
    name: str
    type: str
    aliases: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    description: str = ""
    wikidata: str | None = None
    attributes: dict[str, Any] = field(default_factory=dict)
    source: str = ""

    def names(self) -> tuple[str, ...]:
        """The name and all aliases (not the demonyms)."""
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class Fact:
    """One statement of the reference knowledge, valid between ``start`` and ``end``.

    Attributes:
        subject: an entity id.
        property: a snake_case property name (``member_of``, ``founded``, ``capital``).
        object: an entity id, when the value is an entity.
        value: a literal (a date, a number, a name) when it is not.
        start: ISO 8601 date (or year, or year-month) from which the fact holds.
        end: ISO 8601 date until which it holds; None while it still does.
        source: a public citation (a URL or a bibliographic reference); required.
        note: a short remark for readers ("joined as West Germany").
    """

    subject: str
    property: str
    source: str
    object: str | None = None
    value: str | None = None
    start: str | None = None
    end: str | None = None
    note: str = ""
