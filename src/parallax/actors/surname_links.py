"""When a surname alone names the knowledge-base person who held an office at the time.

A bare "Stoltenberg" in a 2023 report on the alliance is the secretary general then in
office, and "Zelenskiy" beside Kyiv in 2023 the president. But the knowledge base knows
only some people of each surname, and a namesake can share an office with them too:
"Rasmussen said voters deserved a choice", in a 2010 story about Denmark's prime minister,
is not the earlier prime minister of that name who then led NATO. The publication date is
evidence for such a link only when the article names the body that person served at that
date (the state they headed, the organisation they led); otherwise the surname stays the
article's own person. One exception: a head of state or government in office on the
publication date, whom news names by surname alone, when no full name in the article ends
in that surname (:func:`leader_by_surname_alone`). A title before the name, or the
article's own full mention of it, decides the other cases (:mod:`parallax.actors.mentions`,
:mod:`parallax.actors.name_forms`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, timedelta
from typing import Any

from parallax.actors.person_titles import in_office, in_term
from parallax.knowledge import KBEntity, KnowledgeBase

_KEY = "parallax.bodies_named"


def bodies_named(
    doc: Any, lookup: Callable[[str], KBEntity | None], labels: Iterable[str]
) -> set[str]:
    """The knowledge-base ids of the states and organisations the article names.

    Named entities with one of ``labels`` and noun phrases the knowledge base names as a
    whole ("the alliance"), each through ``lookup`` (names, capitals and demonyms). Kept
    in the Doc's ``user_data``, so the article is read once.
    """
    found = doc.user_data.get(_KEY)
    if found is not None:
        return set(found)
    wanted = set(labels)
    phrases = [e.text for e in doc.ents if e.label_ in wanted]
    for chunk in doc.noun_chunks:
        phrases.append(chunk.text)
        if len(chunk) > 1 and chunk[0].dep_ == "det":
            phrases.append(chunk[1:].text)
    ids = set()
    for phrase in phrases:
        entity = lookup(phrase)
        if entity is not None and entity.type != "person":
            ids.add(entity.id)
    doc.user_data[_KEY] = ids
    return set(ids)


def serves_a_named_body(
    kb: KnowledgeBase,
    person: KBEntity,
    when: date,
    bodies: set[str],
    offices: Iterable[str],
    margin: timedelta,
) -> bool:
    """Whether ``person`` held one of ``offices`` at ``when`` for a body in ``bodies``."""
    for prop in offices:
        for fact in kb.facts_about(object=person.id, property=prop):
            if fact.subject in bodies and in_term(fact, when, margin):
                return True
    return False


def leader_by_surname_alone(kb: KnowledgeBase, person: KBEntity, when: date, doc: Any) -> bool:
    """Whether a bare surname is a head of state or government in office at ``when``.

    News names a person in full at first mention, unless readers know them by the surname
    alone: a sitting president or prime minister ("Carney spoke with Trump"). So a surname
    that no full name in the article explains is the knowledge-base person who headed a
    state or government on the publication date (with the usual margin for a handover). A
    full name in the article that ends in the surname and is not one of the person's names
    ("Eric Trump", "Lars Lokke Rasmussen") is the one the surname means, and refuses the
    link.
    """
    if not in_office(kb, person, when, LEADING_OFFICES, margin=HANDOVER_MARGIN):
        return False
    own = {person.name.lower(), *(alias.lower() for alias in person.aliases)}
    surname = person.name.split()[-1].lower()
    return not any(
        ent.label_ == "PERSON"
        and len(ent.text.split()) > 1
        and ent.text.split()[-1].lower() == surname
        and ent.text.lower() not in own
        for ent in doc.ents
    )


LEADING_OFFICES = ("head_of_state", "head_of_government")
"""Offices whose holders news names by surname alone (a party or alliance leader is named
in full, or beside the body they lead, which :func:`serves_a_named_body` reads)."""
HANDOVER_MARGIN = timedelta(days=14)
