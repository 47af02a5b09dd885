"""Words of armed attack told literally, which carry no loaded language.

The loaded-language head learnt what news readers call loaded from BASIL's US political
reporting, where "pounded", "barrage", "blitz" and "under fire" are figures of speech a
reporter chose to colour a party. In war reporting the same words say what weapons did:
"missiles pounded the city overnight, knocking out power", "a barrage of drones",
"artillery shelled the town". There they measure an event, as a neutral wire report must,
and a reader shown them as "loaded language" learns to distrust the flag.

The same holds of what vehicles and natural disasters do in a report of an accident or a
storm ("the train derailed", "the hurricane slammed into Cuba": :data:`MOVING_THINGS`),
which are read as weapons are below.

A word is literal here when the parse ties it to a weapon, and only in a sentence that
names one (a missile, a drone, a shell, artillery ...: :data:`parallax.actors.aims.WEAPON_NOUNS`):

- it names a weapon, what counts or groups weapons ("a barrage of drones"), or an attack
  ("the shelling", "an air strike");
- it is a verb whose subject, object or agent is such a word ("missiles pounded",
  "was hit by a barrage", "fired rockets"), or a verb that continues such a verb's clause
  ("pounded the city, knocking out power": the participle has the same doers).

A figure of speech in the same sentence keeps its flag ("the minister's barrage of
criticism", in a sentence about drones, is tied to no weapon). The readings come from the
parse alone.
"""

from __future__ import annotations

from typing import Any

from parallax.actors.aims import ATTACK_NOUNS, COUNTED_WEAPONS, WEAPON_NOUNS, counted

MOVING_THINGS = frozenset(
    {
        *("train", "locomotive", "plane", "aircraft", "airliner", "jet", "helicopter"),
        *("car", "truck", "bus", "ship", "vessel", "boat", "ferry", "tanker", "freighter"),
        *("hurricane", "typhoon", "cyclone", "tornado", "earthquake", "quake", "tsunami"),
        *("wildfire", "blaze", "avalanche", "landslide", "mudslide"),
    }
)
"""Vehicles and named natural disasters, which wire copy tells what they did in the words a
political report uses as figures: "a freight train derailed", "the hurricane slammed into
the coast", "a wildfire tore through the town". Words that are as often figures themselves
("a storm of criticism", "under fire", "a flood of lawsuits", "a wave of") are left out."""
ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj"})
CONTINUING_DEPS = frozenset({"advcl", "conj", "xcomp"})
"""How a verb continues another's clause with the same doers ("pounded ..., knocking")."""


def literal_spans(span: Any) -> list[tuple[int, int]]:
    """Character spans (in the span's document) of the words told literally (see module)."""
    if not any(_weapon(t) for t in span):
        return []
    found: dict[int, Any] = {}
    for token in span:
        lemma = token.lemma_.lower()
        if token.pos_ not in {"NOUN", "PROPN"}:
            continue
        if _weapon(token) or lemma in ATTACK_NOUNS or lemma == "strike":
            found[token.i] = token
        elif lemma in COUNTED_WEAPONS and any(_weapon(w) for w in _grouped(token)):
            found[token.i] = token  # "a barrage of drones", not "a barrage of criticism"
    for token in span:
        if token.pos_ in {"VERB", "AUX"} and _literal_verb(token, found, 0):
            found[token.i] = token
    return sorted((t.idx, t.idx + len(t.text)) for t in found.values())


def _weapon(token: Any) -> bool:
    # "Artillery shelled ...": a weapon opening a sentence may be tagged a proper noun
    lemma = token.lemma_.lower()
    return bool(
        token.pos_ in {"NOUN", "PROPN"} and (lemma in WEAPON_NOUNS or lemma in MOVING_THINGS)
    )


def _grouped(noun: Any) -> list[Any]:
    """What a noun groups: "drones" in "a barrage of drones", "rocket" in "rocket salvo"."""
    return [c for c in noun.children if c.dep_ == "compound"] + counted(noun)


def _armed(token: Any, found: dict[int, Any]) -> bool:
    """Whether a noun is a weapon or an attack word of the sentence's (or joined to one)."""
    if token.i in found or any(c.i in found for c in token.conjuncts):
        return True
    return any(w.i in found for w in _grouped(token))  # "shot down 94 of 120 drones"


def _literal_verb(verb: Any, found: dict[int, Any], depth: int) -> bool:
    for child in verb.children:
        counted = child.dep_ == "npadvmod" and child.pos_ == "NUM"  # "shot down 94 of ..."
        if (child.dep_ in ARGUMENT_DEPS or counted) and _armed(child, found):
            return True
        if child.dep_ == "agent" and any(
            g.dep_ == "pobj" and _armed(g, found) for g in child.children
        ):
            return True
    own_subject = any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children)
    if verb.dep_ in CONTINUING_DEPS and not own_subject and depth < 3 and verb.head.i != verb.i:
        head = verb.head
        return head.pos_ in {"VERB", "AUX"} and _literal_verb(head, found, depth + 1)
    return False
