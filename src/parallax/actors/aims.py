"""What an act is aimed at, and with what: "launched drones *at Kyiv*", "an attack *on* Odesa".

In war copy the one harmed is often not the verb's object. "Russia launched dozens of
drones at Kyiv" launches drones and aims them at Kyiv; "Moscow launched an attack on the
port" launches an attack whose target hangs on the noun. The events layer's target is
the object (the drones, the attack), as PropBank and MEANTIME annotate it, so the aim is
recorded beside it: the phrase after "at", "on", "against", "toward" or "into" on the verb
or on its object, with the actor it names. What the object is, from noun classes, is
recorded too:

- ``weapons`` or ``weapon``: things or a thing sent, fired or thrown to do harm (after
  WordNet's nouns for projectiles, munitions and unmanned aircraft: "missiles", "drones",
  "artillery rounds"; a head, a noun compounded with it, or what it counts: "dozens of
  drones", "a barrage of rockets");
- ``attack``: an act of attack (after FrameNet's Attack frame: "attack", "offensive",
  "raid", "invasion", "airstrikes", "a bombing campaign"; and "fire", as in "opened fire");
- ``hostility``: a fight or a war (FrameNet's Hostile_encounter: "war", "fight", "battle"),
  which is aimed at something figurative as often as at a foe ("a war on drugs").

Whether such an act harms, and whom, is portrayal's reading
(:mod:`parallax.portrayal.aimed`); this module only says what the parse shows. A new
model or product ("a new drone") is no weapon here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

AIM_PREPS = frozenset({"at", "on", "upon", "against", "toward", "towards", "into"})
WEAPON_NOUNS = frozenset(
    {
        "missile", "rocket", "drone", "shell", "bomb", "grenade", "mortar", "artillery",
        "munition", "projectile", "warhead", "torpedo", "bullet", "firebomb",
    }
)  # fmt: skip
"""Nouns for things sent, fired or thrown to do harm (see the module)."""
COUNTED_WEAPONS = frozenset({"round", "salvo", "volley", "barrage", "wave", "dozen"})
"""Nouns that count or group what is fired ("artillery rounds", "a barrage of rockets",
"dozens of drones"): a weapon only with a weapon noun beside them."""
ATTACK_NOUNS = frozenset(
    {
        "attack", "assault", "offensive", "counteroffensive", "counterattack", "raid",
        "airstrike", "bombardment", "bombing", "shelling", "invasion", "incursion",
        "onslaught", "ambush", "blitz", "siege", "fire",
    }
)  # fmt: skip
"""Nouns of an act of attack (see the module); "strike" only in the plural or compounded
("launched strikes", "missile strikes"), since a strike is also a walkout."""
HOSTILITY_NOUNS = frozenset({"war", "fight", "battle", "hostility", "combat"})
NEW = frozenset({"new", "latest", "upcoming"})


def aim(verb: Any, named: Callable[[Any], bool] = lambda _: False) -> Any | None:
    """The head of the phrase the verb's act is aimed at, when the verb has an object.

    The preposition may hang on the verb ("fired missiles at Kharkiv"), on the object
    ("launched an attack on the port") or on what the object counts ("launched dozens of
    drones at Kyiv"). A time ("on Tuesday") is no aim, though a name the tagger read as
    part of one is, when ``named`` says it is an actor's ("at Kyiv overnight").
    """
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None:
        return None
    for holder in (verb, obj, *counted(obj)):
        for child in holder.children:
            if child.dep_ != "prep" or child.lower_ not in AIM_PREPS or child.i < obj.i:
                continue
            found = next((g for g in child.children if g.dep_ == "pobj"), None)
            if found is not None and (found.ent_type_ not in {"DATE", "TIME"} or named(found)):
                return found
    return None


def instrument(verb: Any) -> str | None:
    """``weapons``, ``weapon``, ``attack``, ``hostility`` or None: what the verb's object is.

    ``weapons`` are several or counted ("missiles", "40 drones", "a barrage of rockets"),
    ``weapon`` one ("a missile"): a single rocket launched is as often a spacecraft's.
    """
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    return noun_class(obj) if obj is not None else None


def noun_class(obj: Any) -> str | None:
    """What a noun phrase's head names, as :func:`instrument` says of an object.

    Also asked of a doer: "a barrage of drones" hit the city, "missile strikes" damaged it.
    """
    if any(c.dep_ == "amod" and c.lower_ in NEW for c in obj.children):
        return None
    words = [obj, *counted(obj)]
    words += [c for w in list(words) for c in w.children if c.dep_ in {"compound", "amod"}]
    lemmas = {w.lemma_.lower() for w in words}
    head = obj.lemma_.lower()
    if lemmas & WEAPON_NOUNS and (head in WEAPON_NOUNS or head in COUNTED_WEAPONS):
        many = obj.tag_ == "NNS" or head in COUNTED_WEAPONS
        return "weapons" if many or any(c.dep_ == "nummod" for c in obj.children) else "weapon"
    if head == "strike" and (obj.tag_ == "NNS" or lemmas & (WEAPON_NOUNS | {"air"})):
        return "attack"
    if lemmas & ATTACK_NOUNS and (head in ATTACK_NOUNS or head in {"campaign", "wave"}):
        return "attack"
    return "hostility" if head in HOSTILITY_NOUNS else None


def counted(noun: Any) -> list[Any]:
    """What a noun counts or groups: "drones" in "dozens of drones", "a barrage of rockets"."""
    return [
        grand
        for child in noun.children
        if child.dep_ == "prep" and child.lower_ == "of"
        for grand in child.children
        if grand.dep_ == "pobj"
    ]


def owner_of(token: Any) -> Any | None:
    """The place a generic place noun belongs to: "the port *of Odesa*", "the city of X"."""
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            return next((g for g in child.children if g.dep_ == "pobj"), None)
    return None
