"""The records the actors step builds: one mention of an actor, and what is known of an actor.

Kept apart from :mod:`parallax.actors.mentions`, which finds the mentions, so that the
modules that read and regroup mentions (coreference, name forms, titles) share one shape.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from parallax.knowledge import alias_key

_SLUG = re.compile(r"[^a-z0-9]+")


def slug(text: str) -> str:
    """A lowercase id fragment for a name that the knowledge base does not know."""
    return _SLUG.sub("-", alias_key(text)).strip("-") or "unnamed"


@dataclass
class Mention:
    """One mention of an actor: a character span, the tokens it covers, and how it was found.

    Attributes:
        start, end: character offsets in the article text.
        token_start, token_end: token indices in the Doc (end exclusive).
        head: the token index of the phrase's syntactic head (decides number and role).
        actor: the canonical actor id.
        kind: "name", "phrase", "demonym", "pronoun" or "description".
        plural: the phrase is grammatically plural ("the rulers", "Russian troops").
        subject: the phrase is (part of) a clause subject; coreference prefers subjects.
        label: the named-entity label the mention came from ("PERSON", "GPE", ...), if any.
        people: a plural demonym naming people ("Iowans"), never joined to their place.
        modifier: an unknown group's name that only describes a noun ("Democratic senators").
    """

    start: int
    end: int
    token_start: int
    token_end: int
    head: int
    actor: str
    kind: str
    text: str
    plural: bool = False
    subject: bool = False
    sentence_id: str = ""
    label: str = ""
    people: bool = False
    modifier: bool = False


@dataclass
class ActorInfo:
    """What the report says about one actor, apart from its mentions."""

    id: str
    name: str
    type: str
    kb_id: str | None
    affiliation: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)
