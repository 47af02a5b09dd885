"""One actor under several names within an article: surnames, possessives, demonyms.

An article names a person in full once and by surname after ("Representative Trey Gowdy
... Gowdy"), writes a group's name in plural or adjectival forms ("Saudi", "Saudis", "Saudi
Arabia") and shortens an organisation to its last word ("The New York Times ... the Times").
Left apart, each form becomes an actor of its own: a report shows two actors for one man
and lists the short forms as names no other source mentions. These functions join the
forms after :class:`parallax.actors.mentions.ActorResolver` has found the mentions.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from parallax.actors.described_names import PUBLIC_BODY_WORDS
from parallax.actors.name_particles import PARTICLES
from parallax.actors.namesakes import choose_namesake

if TYPE_CHECKING:
    from parallax.actors.mention_records import ActorInfo, Mention
    from parallax.knowledge import KBEntity, KnowledgeBase


def unify_surnames(mentions: list[Mention], actors: dict[str, ActorInfo], doc: Any = None) -> None:
    """Give a one-word person mention the actor of the article's own full mention of it.

    "Carter" after "Defense Secretary Ash Carter" is Ash Carter, whatever the knowledge base
    knows about other Carters, and after "President Carter" (linked by title and date) the
    president. Of several people named in full before it,
    :func:`parallax.actors.namesakes.choose_namesake` decides, reading ``doc``, the parsed
    article; a mention it cannot settle is dropped. Failing any full mention before it, the
    only one after it. Ambiguous surnames with no earlier full mention keep their actor.
    """
    full = [
        m
        for m in mentions
        if m.label == "PERSON" and m.kind == "name" and _names_in_full(m, actors)
    ]
    seen: dict[str, int] = {}
    unresolved: list[Mention] = []
    for mention in mentions:
        mislabelled = _mislabelled_surname(mention)
        words = without_possessive(mention.text).lower().split()
        particled = len(words) > 1 and words[0] in PARTICLES  # "Von der Leyen"
        if not (mention.label == "PERSON" or mislabelled) or not (len(words) == 1 or particled):
            seen[mention.actor] = seen.get(mention.actor, 0) + 1
            continue
        if particled:
            same = [
                m
                for m in full
                if _tail(m.text, len(words)) == words and len(m.text) > len(mention.text)
            ]
        else:
            same = [m for m in full if _surname(m.text) == words[0]]
        before = [
            m for m in same if m.start < mention.start and not _other_person(m, mention, actors)
        ]
        if before:
            # A suffix, an honorific or a title decides first, then the person the article
            # has been writing about ("Hillary Clinton ... Bill Clinton ... Clinton"); two
            # people named as often leave it unresolved (:mod:`.namesakes`).
            earlier = [m for m in mentions if m.start < mention.start]
            chosen = choose_namesake(doc, mention, before, seen, earlier)
            if chosen is None:
                unresolved.append(mention)
                continue
            mention.actor = chosen
            mention.label = "PERSON"
        elif len({m.actor for m in same}) == 1 and not mislabelled:
            # A lede often gives the surname before the full name ("Yanukovych fled ...
            # Viktor Yanukovych"); judged real news has far more of these than of a
            # namesake named first ("an aide to Bush ... the aide, Karen Bush").
            mention.actor = same[0].actor
        seen[mention.actor] = seen.get(mention.actor, 0) + 1
    if unresolved:
        mentions[:] = [m for m in mentions if not any(m is u for u in unresolved)]
    _drop_unused(mentions, actors)


def _other_person(full: Mention, mention: Mention, actors: dict[str, ActorInfo]) -> bool:
    """Whether the knowledge base already tells ``mention`` apart from the full name ``full``.

    A bare surname links to a known person only on evidence: a title naming an office he
    held ("President Carter"), a phrase only a head of government leads ("the Carter
    administration"), or an office held then for a state the article names
    (:meth:`parallax.actors.mentions.MentionFinder._person_entity`). When that person is
    not the one the article named in full ("Defense Secretary Ash Carter ... President
    Carter's administration"), the evidence says it is someone else: the full name of
    another known person is no antecedent. An unknown full name ("Ann Carter", whom the
    knowledge base does not hold) proves nothing either way and stays one.
    """
    own = actors.get(mention.actor)
    other = actors.get(full.actor)
    if own is None or other is None or own.type != "person" or own.kb_id is None:
        return False
    return other.kb_id is not None and other.kb_id != own.kb_id


def _tail(name: str, length: int) -> list[str]:
    """The last ``length`` words of a name, lowercased ("von der leyen")."""
    return without_possessive(name).lower().split()[-length:]


def _names_in_full(mention: Mention, actors: dict[str, ActorInfo]) -> bool:
    """Whether a person mention settles who a later bare surname is.

    A full name does ("Ash Carter"); so does a surname the knowledge base linked through a
    fitting title and date ("President Carter"): "Carter, 99, ..." a sentence later is the
    same man, not a second, unknown Carter.
    """
    if len(mention.text.split()) > 1:
        return True
    linked = actors.get(mention.actor)
    return linked is not None and linked.kb_id is not None and linked.type == "person"


_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
"""Generational suffixes that follow a surname ("Jesse Jackson Jr.")."""


def _surname(name: str) -> str:
    """The last word of a full name that is not a generational suffix, lowercased."""
    words = [w.strip(",").lower() for w in without_possessive(name).split()]
    while len(words) > 1 and words[-1].rstrip(".") in _SUFFIXES:
        words.pop()
    return words[-1] if words else ""


def without_possessive(name: str) -> str:
    """``name`` without a possessive ending: "Hillary Clinton’s" is "Hillary Clinton"."""
    return re.sub(r"['’]s?$", "", name.strip())


_MISLABELLED_SURNAME = frozenset({"ORG", "GPE", "LOC", "FAC", "PRODUCT", "WORK_OF_ART", "NORP"})
"""Labels the tagger gives a bare surname it does not recognise as a person (a people's
name too: "Senate panel advances Hollis nomination", in a headline before "Marcus Hollis")."""


def _mislabelled_surname(mention: Mention) -> bool:
    """Whether a one-word name the tagger did not call a person may still be one.

    Unfamiliar surnames ("Gowdy", "Kendall") are often tagged as organisations or places.
    Such a word is read as the person only when the knowledge base does not know it as
    something else (it stayed a local actor) and the article has already named a person
    with that surname in full; :func:`unify_surnames` checks the second condition.
    """
    return (
        (mention.kind == "name" or (mention.kind == "demonym" and mention.label == "NORP"))
        and mention.label in _MISLABELLED_SURNAME
        and mention.actor.startswith("local:")
        and mention.text[:1].isupper()
    )


def unify_name_variants(mentions: list[Mention], actors: dict[str, ActorInfo]) -> None:
    """Join a group's name to the place it is named after, within one article.

    "Saudi", "Saudis", "Saudi Arabian" and "Saudi Arabia" are one actor: a plural or
    adjectival form (a NORP mention) shares all but the end of the place or group name it
    comes from ("Syrian" / "Syria", "Chinese" / "China", "Afghan" / "Afghanistan"). Only
    actors the knowledge base does not know are joined (it maps its own demonyms already),
    each to the longest such name, preferring one the knowledge base knows; a city and a
    newspaper named after it ("Washington", "Washington Post") are never joined.
    """
    labels: dict[str, set[str]] = {}
    people = {m.actor for m in mentions if m.people}
    for mention in mentions:
        if mention.label:
            labels.setdefault(mention.actor, set()).add(mention.label)
        if not mention.people:
            people.discard(mention.actor)
    names = {a: actors[a].name for a in labels if a in actors}
    targets = sorted(
        (a for a in names if labels[a] & {"GPE", "NORP"}),
        key=lambda a: (a.startswith("local:"), -len(names[a])),
    )
    for actor_id in list(names):
        if not actor_id.startswith("local:") or labels[actor_id] != {"NORP"}:
            continue
        for target in targets:
            if actor_id in people and actors[target].type in {"place", "country"}:
                continue  # "Iowans" are the people of Iowa, not the place acting
            if target != actor_id and _is_variant(names[actor_id], names[target]):
                for mention in mentions:
                    if mention.actor == actor_id:
                        mention.actor = target
                break
    _drop_unused(mentions, actors)
    _name_groups_in_the_plural(mentions, actors)


def _name_groups_in_the_plural(mentions: list[Mention], actors: dict[str, ActorInfo]) -> None:
    """Name a local group by its plural form when the article uses one ("Democrats").

    The forms of a group's name are joined under the longest, often the adjective
    ("Democratic leader", "one Democrat", "the Democrats": "Democratic"); a report is easier
    to read with the people named as a group.
    """
    plurals: dict[str, Counter[str]] = {}
    for mention in mentions:
        info = actors.get(mention.actor)
        if info is None or info.type != "group" or not mention.actor.startswith("local:"):
            continue
        form = re.sub(r"^the\s+", "", mention.text.strip(), flags=re.IGNORECASE)
        if mention.label == "NORP" and form.endswith("s") and form[:1].isupper():
            plurals.setdefault(mention.actor, Counter())[form] += 1
    for actor_id, forms in plurals.items():
        if not actors[actor_id].name.endswith("s"):
            actors[actor_id].name = forms.most_common(1)[0][0]


def _is_variant(variant: str, name: str) -> bool:
    """Whether ``variant`` is a plural or adjectival form of ``name``."""
    a, b = variant.lower(), name.lower()
    if a.endswith("s") and not a.endswith("ss"):
        a = a[:-1]
    if a == b:
        return variant.lower() != b
    if len(a) < 4 or len(b) < 4:
        return False
    if b.startswith(a):
        rest = b[len(a) :]
        return rest.startswith(" ") or (" " not in rest and len(rest) <= 5)
    if a.startswith(b):
        rest = a[len(b) :]
        return " " not in rest and len(rest) <= 4
    common = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        common += 1
    return " " not in a and common >= max(4, len(b) - 1) and len(a) - common <= 4


def _drop_unused(mentions: list[Mention], actors: dict[str, ActorInfo]) -> None:
    used = {m.actor for m in mentions}
    for actor_id in [a for a in actors if a.startswith("local:") and a not in used]:
        del actors[actor_id]


def _name_words(name: str) -> list[str]:
    """A name's words without a leading article or a possessive, for comparing names."""
    words = without_possessive(name).split()
    return words[1:] if words and words[0].lower() == "the" else words


def _first_word(name: str) -> str:
    """The first word of a name, after any article ("The Federal Reserve" -> "Federal")."""
    words = without_possessive(name).split()
    return words[1] if len(words) > 1 and words[0].lower() == "the" else words[0]


def unify_short_organisation_names(mentions: list[Mention], actors: dict[str, ActorInfo]) -> None:
    """Join a one-word organisation name to the one longer name before it that ends in it.

    "The New York Times ... the Times", "the House Select Committee ... the Committee": the
    word is the head of the full name, so the article means the same body. So is a word
    that clips the first word of a longer name ("the Federal Reserve ... the Fed"). Only names the
    knowledge base does not know are joined, and only when exactly one organisation named
    earlier in the article ends in that word; with two committees named, "the Committee"
    stays apart. A one-word "person" that is the first word of exactly one organisation
    named before ("Keystone Strategies ... Keystone") is that organisation, unless the
    article names a person with that surname; and so is a shorter name made of the first
    words of exactly one longer name before it ("First Prairie Financial ... First
    Prairie"), or its first word alone, when the tagger calls that word an organisation
    ("the Copernicus Climate Change Service ... Copernicus"), unless the word is a common
    noun that names a body of its own ("the House Agriculture Committee ... the House").
    """
    full: list[Mention] = []
    surnames = {
        without_possessive(m.text).split()[-1]
        for m in mentions
        if m.label == "PERSON" and len(m.text.split()) > 1
    }
    longer: list[Mention] = []
    for mention in mentions:
        words = without_possessive(mention.text).split()
        if mention.kind == "name" and len(words) > 1 and mention.label != "ORG":
            longer.append(mention)  # a body's name read as a person's ("lender First Prairie")
        if mention.label == "ORG" and mention.kind == "name" and len(words) > 1:
            # "First Prairie Financial ... First Prairie": the longer name's first words.
            owners = {
                m.actor
                for m in full + longer
                if m.actor != mention.actor
                and m.start < mention.start
                and _name_words(m.text)[: len(_name_words(mention.text))]
                == _name_words(mention.text)
                and len(_name_words(m.text)) > len(_name_words(mention.text))
            }
            if len(owners) == 1 and mention.actor.startswith("local:"):
                mention.actor = owners.pop()
            full.append(mention)
            continue
        if not (
            mention.label in {"ORG", "PERSON"}
            and mention.kind == "name"
            and len(words) == 1
            and mention.actor.startswith("local:")
        ):
            continue
        word = words[0].lower()
        if mention.label == "PERSON":
            # "Keystone Strategies ... Keystone has not been charged": the tagger's "person"
            # is the firm's first word, unless someone in the article bears that surname.
            owners = {
                m.actor
                for m in full
                if m.start < mention.start
                and _first_word(m.text).lower() == word
                and words[0] not in surnames
            }
            if len(owners) == 1:
                mention.actor, mention.label = owners.pop(), "ORG"
            continue
        owners = {
            m.actor
            for m in full
            if m.start < mention.start and without_possessive(m.text).split()[-1].lower() == word
        }
        if not owners and len(word) >= 3:
            # A clipped first word ("the Fed" after "the Federal Reserve"), or the first
            # word whole ("the Copernicus Climate Change Service ... Copernicus said").
            owners = {
                m.actor
                for m in full
                if m.start < mention.start
                and (first := _first_word(m.text)).lower().startswith(word)
                and (
                    len(first) >= len(word) + 3
                    or (
                        first.lower() == word
                        and word not in GENERIC_FIRST_WORDS
                        and _ends_as_a_body(m.text)
                    )
                )
                and first.istitle()
            }
        if len(owners) == 1:
            mention.actor = owners.pop()
    _drop_unused(mentions, actors)


GENERIC_FIRST_WORDS = frozenset(
    {
        *("house", "senate", "congress", "parliament", "assembly", "council", "court"),
        *("cabinet", "government", "ministry", "department", "office", "agency", "bureau"),
        *("commission", "committee", "bank", "state", "city", "county", "national"),
        *("federal", "central", "supreme", "royal", "united", "european", "american"),
        *("british", "international", "world", "global", "white", "general", "joint"),
    }
)
"""Words that open many bodies' names and name a body (or qualify one) on their own: "the
House" after "the House Agriculture Committee" is the chamber, not the committee."""


BODY_ENDINGS = PUBLIC_BODY_WORDS | frozenset(
    {
        *("group", "company", "corporation", "corp", "inc", "ltd", "plc", "spa", "ag", "sa"),
        *("nv", "llc", "holdings", "bank", "trust", "fund", "network", "centre", "center"),
        *("laboratory", "programme", "program", "society", "organisation", "organization"),
    }
)
"""Last words of a body's full name ("... Climate Change Service", "Fiat Group SpA"), which a
product's ("Ford Taurus") or an event's ("... Developers Conference") is not."""


def _ends_as_a_body(name: str) -> bool:
    """Whether a name ends in a word for a body or a firm's legal form."""
    words = without_possessive(name).lower().replace(".", "").split()
    return bool(words) and words[-1] in BODY_ENDINGS


def spelled_out(name: str, lookup: Callable[[str], KBEntity | None]) -> str:
    """A body's name with the abbreviation it opens with written out, if the base knows it.

    "UN Environment Programme" in one report and "United Nations Environment Programme" in
    another are one body (one id; each report still shows the name as it writes it); so
    are "the EU Commission" and "the European Union Commission".
    Only a leading abbreviation (two to four capitals, dotted or not) that names a body or
    a state in the knowledge base is written out.
    """
    words = name.split()
    lead = 1 if words[:1] and words[0].lower() == "the" else 0
    if len(words) < lead + 2:
        return name
    short = words[lead].replace(".", "")
    if not (2 <= len(short) <= 4 and short.isalpha() and short.isupper()):
        return name
    entity = lookup(words[lead])
    if entity is None or entity.type not in {"organisation", "country"}:
        return name
    return " ".join([*words[:lead], entity.name, *words[lead + 1 :]])


def unify_acronyms(mentions: list[Mention], actors: dict[str, ActorInfo]) -> None:
    """Join a body's acronym to the one longer name in the article it abbreviates.

    "The United Nations Environment Programme ... UNEP said": the capitals are the
    initials of the name's words, small words aside ("Intergovernmental Panel on Climate
    Change", IPCC), a leading "U.S." aside too (:func:`_initials_of`). Only an acronym the
    knowledge base does not know, and only when exactly one organisation named in the
    article has those initials.
    """
    longer = {
        m.actor: _initials_of(actors[m.actor].name)
        for m in mentions
        if m.label == "ORG"
        and m.kind == "name"
        and m.actor in actors
        and len(actors[m.actor].name.split()) > 1
    }
    for mention in mentions:
        text = without_possessive(mention.text)
        if not (
            mention.label == "ORG"
            and mention.kind == "name"
            and mention.actor.startswith("local:")
            and 2 <= len(text) <= 6
            and text.isalpha()
            and text.isupper()
        ):
            continue
        owners = {actor for actor, initials in longer.items() if text in initials}
        if len(owners) == 1 and mention.actor not in owners:
            mention.actor = owners.pop()
    _drop_unused(mentions, actors)


ACRONYM_SKIPS = frozenset({"of", "the", "and", "for", "on", "in", "to", "de", "&"})


def _initials_of(name: str) -> set[str]:
    """The acronyms a name may go by: its initials, and those after a country's short form.

    "The U.S. National Oceanic and Atmospheric Administration" is NOAA: a leading
    abbreviation written with points ("U.S.", "U.K.") says whose body it is and is left out
    of the acronym as often as not.
    """
    found = {_initials(name)}
    first, _, rest = without_possessive(name).partition(" ")
    if "." in first and rest:
        found.add(_initials(rest))
    return found


def _initials(name: str) -> str:
    words = without_possessive(name).replace("-", " ").split()
    return "".join(
        w[0].upper() for w in words if w.lower() not in ACRONYM_SKIPS and w[:1].isalpha()
    )


def spelled_otherwise(kb: KnowledgeBase, text: str) -> list[KBEntity]:
    """People a full name names with its surname spelled as one of their aliases.

    Transliterated surnames come in several spellings ("Zelensky", "Zelenskiy",
    "Zelenskyy"); the knowledge base lists them as aliases of the surname but not every
    pairing with the given name. "Volodymyr Zelenskiy" is the person whose surname alias
    is "Zelenskiy" and whose full name starts "Volodymyr"; "Hunter Biden" is not the
    person whose surname is "Biden" and whose given name is "Joe".
    """
    words = text.split()
    given = words[0].lower()
    return [
        e
        for e in kb.lookup(words[-1])
        if e.type == "person"
        and any(len(name.split()) > 1 and name.split()[0].lower() == given for name in e.names())
    ]
