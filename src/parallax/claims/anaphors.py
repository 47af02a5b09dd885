"""Which organisation "the alliance", "the bloc" or "the union" stands for in an article.

News names an organisation once ("NATO", "the European Union") and then refers to it by
its kind: "the alliance", "the bloc", "the union", "the organisation". A claim about "the
alliance" is checked against the organisation the words stand for, so binding them wrongly
turns a true sentence into a contradiction ("the alliance has 31 members" read as about the
European Union, the last organisation named). The words are bound only when exactly one
organisation the article named before fits them; with two that fit ("NATO and the Warsaw
Pact" before "the alliance") they are left unbound, since nothing in the words says which.

An organisation the knowledge base does not list is of a kind its name says ("the dockers'
union", "Amnesty International ... the organisation"); one named after the people it
gathers, with a plural noun in its name ("the United Auto Workers", "the Teamsters"), is the
kind of body "the union" means in labour copy, so it makes "the union" ambiguous too, even
named in the same sentence as the words ("The United Auto Workers extended the strike, the
union said"), and so do "union" words used as a modifier ("union leaders", "Union President
Ana Ruiz").

A dateline's city is no organisation named: "BRUSSELS (Reuters) -" places the report, even
though "Brussels" also stands for the European Union in news.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from parallax.claims.linking import Mention, find_mentions
from parallax.claims.model import Party
from parallax.knowledge.model import KBEntity

if TYPE_CHECKING:
    from parallax.knowledge import KnowledgeBase

_KINDS: dict[str, tuple[str, ...]] = {
    "alliance": ("alliance",),
    "pact": ("pact",),
    "union": ("union",),
    "bloc": ("alliance", "union", "bloc", "association", "community"),
    "organisation": ("",),
    "organization": ("",),
}
"""What an anaphor's noun can stand for: words of the organisation's name, aliases or
description. A bloc is an alliance, a union or an association of states; an organisation is
any organisation."""


MEMBERS_BODY = "members' body"
"""The type of an organisation named after the people it gathers ("the United Auto Workers")."""

_MEMBERS_BODY_NOUNS = frozenset({"union"})
"""Anaphors such a body may be meant by: a body of workers or teachers is a union, not a bloc."""


_RESTRICTING = re.compile(
    r"\s+(?:representing|of|for|between|among|that|who|led|formed|made|set|known|called|"
    r"behind|against|with|in|from)\b",
    re.IGNORECASE,
)
"""Words right after "the union" that say which one it is ("the union representing pilots",
"the alliance of Gulf states"): a new description, not a word referring back."""


def restricted_after(rest: str) -> bool:
    """Whether the words after an anaphor restrict it to something the article introduces."""
    return bool(_RESTRICTING.match(rest))


_INTRODUCED = re.compile(
    r"\b(?P<det>an?|the|its|their)\s+(?P<mods>(?:[\w'\u2019-]+\s+){0,3}?)"
    r"(?P<noun>alliance|bloc|union|pact|organi[sz]ation)s?\b",
    re.IGNORECASE,
)


_OTHER_BODIES = frozenset(
    {"trade", "labour", "labor", "credit", "customs", "monetary", "banking", "student"}
)
"""Words that make "union" another kind of body than a union of states."""


def introduced(text: str, kb: KnowledgeBase) -> list[Party]:
    """Organisations of a kind a sentence introduces without a name the knowledge base lists.

    "A union representing pilots", "the pilots' union", "a new alliance": later, "the union"
    may mean that one, so it makes the anaphor ambiguous. A name the knowledge base lists
    ("the European Union", "the Warsaw Pact") and a bare "the union" (an anaphor) are not.
    """
    found = []
    for m in _INTRODUCED.finditer(text):
        indefinite = m["det"].lower() in {"a", "an"}
        mods = m["mods"].lower()
        # "the pilots' union", "the trade union": another body; "the Western military
        # alliance", "the 27-member bloc" describe the one the article named
        owned = "'" in mods or "\u2019" in mods or bool(set(mods.split()) & _OTHER_BODIES)
        described = owned or restricted_after(text[m.end() :])
        if not (indefinite or described):
            continue
        name_from = m.start("mods") - m.start()
        listed = find_mentions(m.group(0), kb)
        if any(x.of_type("organisation") and x.start <= name_from for x in listed):
            continue  # the whole name is one the knowledge base lists ("the Warsaw Pact")
        found.append(Party(m.group(0), None, "organisation"))
    return found


def anaphor_noun(words: str) -> str:
    """The noun of an anaphor: "the alliance's" -> "alliance"."""
    bare = re.sub(r"['\u2019]s$", "", words.strip())
    return bare.split()[-1].lower() if bare.split() else ""


def fits(noun: str, entity: KBEntity) -> bool:
    """Whether an organisation is of the kind the anaphor's noun names."""
    if entity.type != "organisation":
        return False
    about = " ".join([entity.name, entity.description, *entity.aliases]).lower()
    kinds = _KINDS.get(noun, (noun,))
    return any(kind in about for kind in kinds)


def bind_in_article(
    words: str, named: Sequence[Party], entities: dict[str, KBEntity]
) -> tuple[Party | None, bool]:
    """The organisation the article named before that the anaphor ``words`` stands for.

    Returns the party (with the anaphor's own words as its text) and whether the article
    decided it: ``(party, True)`` when exactly one organisation it named fits, ``(None,
    True)`` when more than one does (left unbound), ``(None, False)`` when none does (the
    caller may then look elsewhere, e.g. at the countries the sentence names).
    """
    noun = anaphor_noun(words)
    fitting: dict[str, Party] = {}
    for candidate in named:
        entity = entities.get(candidate.id) if candidate.id else None
        if entity is not None and fits(noun, entity):
            fitting.setdefault(entity.id, candidate)
        elif entity is None and _name_fits(noun, candidate):
            # "Amnesty International ... the organisation": one the knowledge base does
            # not list may be the one meant, so it makes the words ambiguous
            fitting.setdefault(f"name:{candidate.text.lower()}", candidate)
    if len(fitting) > 1:
        return None, True
    if not fitting:
        return None, False
    only = next(iter(fitting.values()))
    if only.id is None:
        return None, True
    return Party(re.sub(r"['\u2019]s$", "", words.strip()), only.id, only.type), True


def _name_fits(noun: str, candidate: Party) -> bool:
    """Whether an organisation known only by its name may be what the noun refers to."""
    if candidate.type == MEMBERS_BODY and noun in _MEMBERS_BODY_NOUNS:
        return True
    kinds = _KINDS.get(noun, (noun,))
    return "" in kinds or any(kind in candidate.text.lower() for kind in kinds)


def unlisted_organisations(parse: Sequence[Any], kb: KnowledgeBase) -> list[Party]:
    """Organisations the parser's entity tagger finds that the knowledge base does not list.

    A name the knowledge base knows as an organisation or a country ("NATO", "the EU") is
    left to :func:`parallax.claims.grammar.organisations_named`. One with a plural proper
    noun in its name ("United Auto Workers") is of type :data:`MEMBERS_BODY`.
    """
    found: list[Party] = []
    words: list[Any] = []
    for token in [*parse, None]:
        inside = token is not None and token.ent_type_ == "ORG" and token.ent_iob_ == "I"
        if words and not inside:
            name = " ".join(w.text for w in words)
            if not any(m.of_type("organisation", "country") for m in find_mentions(name, kb)):
                members = any(w.tag_ == "NNPS" for w in words)
                found.append(Party(name, None, MEMBERS_BODY if members else "organisation"))
            words = []
        if token is not None and token.ent_type_ == "ORG":
            words.append(token)
        elif token is not None and _union_as_modifier(token):
            found.append(Party(f"{token.text} {token.head.text}", None, MEMBERS_BODY))
    return found


def _union_as_modifier(token: Any) -> bool:
    """Whether a token is "union" modifying a noun on its own: "union leaders", "Union President".

    The common noun, not a name: the European Union modifies a noun as "EU" or "European
    Union", never as a bare "union", so these words speak of a trade union in the story.
    """
    return (
        token.lower_ == "union"
        and token.dep_ == "compound"
        and not list(token.children)
        and token.ent_type_ != "ORG"
    )


def bind_by_members(words: str, countries: set[str], kb: KnowledgeBase) -> Party | None:
    """An anaphor in an article that named no organisation: the one its countries joined.

    "Finland became the alliance's 31st member" is about NATO, the only alliance the
    knowledge base lists Finland in; a sentence that names no country says nothing of which
    organisation it means.
    """
    if not countries:
        return None
    noun = anaphor_noun(words)
    found = []
    for entity in kb.entities.values():
        if not fits(noun, entity):
            continue
        members = {f.subject for f in kb.facts_about(property="member_of", object=entity.id)}
        if countries & members:
            found.append(entity)
    if len(found) != 1:
        return None
    return Party(re.sub(r"['\u2019]s$", "", words.strip()), found[0].id, found[0].type)


def dateline_place(mention: Mention, dateline_end: int) -> bool:
    """Whether a mention is the city of a dateline ("BRUSSELS (Reuters) -"), not a name.

    A dateline writes its city in capitals; an organisation's own short name in capitals
    ("NATO", "EU") is a name that opens the sentence, not a place that files it.
    """
    if mention.start >= dateline_end or not mention.text.isupper():
        return False
    names = (mention.entity.name, *mention.entity.aliases)
    return not any(n.isupper() and n.lower() == mention.text.lower() for n in names)
