"""Who struck what: two sources that name different attackers of the same target.

In war reporting the sharpest disagreement between outlets is often not a figure but the
attacker: one outlet reports that Ukrainian forces hit a railway station, another that
Russian missiles did. Such headlines are close in meaning (they share the target, the verb
and most words), so without reading the roles they would pass for agreement. A strike is
read from the dependency parse:

- a verb of attack ("hit", "strike", "shell", "attack", "bomb", "target") with its
  attacker (the subject, or the agent of a passive) and its target (the object, or the
  subject of a passive), the target's place names taken with it ("the station in X");
- or a noun of attack with a nationality as its modifier ("a Russian missile strike on X").

The attacker counts only when it is named by one nationality ("Ukrainians", "Russian
missiles"); a country or city name ("Moscow", "Kyiv") may stand for a government or a
place, so it is left unread, and two sources disagree only when both attackers are read
and differ, the targets share a place name, neither clause is negated, and neither is
reported from someone else ("Moscow says ... hit"): a reported claim is a claim of its
speaker, not of the outlet, and showing it as the outlet's would mislead.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from parallax.actors.speech import SPEECH_VERBS
from parallax.datelines import without_dateline

ATTACK_VERBS = frozenset({"hit", "strike", "shell", "attack", "bomb", "target"})
ATTACK_NOUNS = frozenset({"strike", "attack", "shelling", "bombing"})
PLACE_PREPOSITIONS = frozenset({"in", "on", "at", "near", "of"})
_CUE = re.compile(r"\b(?:hits?|struck|strik\w*|shell\w*|attack\w*|bomb\w*|target\w*)\b", re.I)
NATION_KEY = 5
"""Leading letters that tell nationalities apart ("Ukrainians", "Ukrainian" and "Ukraine"
share them; "Russian" and "Ukrainian" do not)."""


@dataclass(frozen=True)
class Strike:
    """An attack a sentence reports as fact: who (a nationality), what was hit, and where.

    Attributes:
        attacker: the nationality's leading letters, lowercased ("russi").
        phrase: the attacker, the attack and its target as written ("Russian missiles hit
            the station").
        places: the place names of the target, lowercased.
        reported: the clause hangs from a verb of saying.
    """

    attacker: str
    phrase: str
    places: frozenset[str]
    reported: bool = False
    """Told as someone else's words ("officials said ..."): never the outlet's own claim."""


@dataclass(frozen=True)
class AttackerClash:
    """Two strikes on the same place with different attackers."""

    first: Strike
    second: Strike

    def describe(self, first_source: str = "one", second_source: str = "the other") -> str:
        """The one-line reason a reader can check against both sentences."""
        where = ", ".join(sorted(p.title() for p in self.first.places & self.second.places))
        return (
            f"attackers disagree: {first_source} says \u201c{self.first.phrase}\u201d, "
            f"{second_source} says \u201c{self.second.phrase}\u201d, both about {where}"
        )


def has_strike(text: str) -> bool:
    """Whether a sentence uses a word of attack, so that parsing it may pay."""
    return bool(_CUE.search(text))


def _nation(tokens: Iterable[Any]) -> str | None:
    """The one nationality that names an attacker, or None (none, several, or a place name)."""
    listed = list(tokens)
    if any(t.ent_type_ == "GPE" and not _adjective(t) for t in listed):
        return None
    keys = {
        t.lower_[:NATION_KEY]
        for t in listed
        if t.ent_type_ == "NORP" or (t.ent_type_ == "GPE" and _adjective(t))
    }
    return keys.pop() if len(keys) == 1 else None


def _adjective(token: Any) -> bool:
    """Whether a word the tagger calls a place is the adjective of a nation.

    A place name is a noun, so an adjective so tagged ("Ukrainian artillery") is a
    nationality.
    """
    return bool(token.tag_ == "JJ" and token.dep_ == "amod")


def _reported(token: Any) -> bool:
    """Whether the clause is a claim of someone else's.

    It hangs from a verb of saying, or it or a clause above it is told "according to"
    someone.
    """
    if any(t.lower_ == "according" and t.dep_ == "prep" for t in token.subtree):
        return True
    node = token
    for _ in range(8):
        if any(c.lower_ == "according" and c.dep_ == "prep" for c in node.children):
            return True
        if node.head.i == node.i:
            return False
        node = node.head
        if node.lemma_.lower() in SPEECH_VERBS:
            return True
    return False


def _places(tokens: Iterable[Any]) -> frozenset[str]:
    return frozenset(
        t.lower_
        for t in tokens
        if t.pos_ == "PROPN" and t.ent_type_ not in {"NORP", "DATE", "TIME"}
    )


def _words(tokens: Iterable[Any]) -> str:
    """Tokens as written, in the sentence's order."""
    ordered = sorted({t.i: t for t in tokens}.items())
    return "".join(t.text_with_ws for _, t in ordered).strip()


def _verb_strike(token: Any) -> Strike | None:
    attacker = target = None
    for child in token.children:
        if child.dep_ == "nsubj":
            attacker = child
        elif child.dep_ in {"dobj", "nsubjpass"}:
            target = child
        elif child.dep_ == "agent":
            attacker = next((g for g in child.children if g.dep_ == "pobj"), None)
    if attacker is None or target is None:
        return None
    nation = _nation(attacker.subtree)
    words = [*attacker.subtree, token, *target.subtree]
    places = set(_places(target.subtree))
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in PLACE_PREPOSITIONS:
            places |= _places(child.subtree)
            words += list(child.subtree)
    if nation is None or not places:
        return None
    return Strike(nation, _words(words), frozenset(places))


def _noun_strike(token: Any) -> Strike | None:
    modifiers = [c for c in token.children if c.dep_ in {"amod", "compound", "poss"}]
    nations = [c for c in modifiers if c.ent_type_ == "NORP"]
    places: set[str] = set()
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in PLACE_PREPOSITIONS:
            places |= _places(child.subtree)
    if not nations or any(m.ent_type_ == "GPE" for m in modifiers):
        return None
    nation = _nation(nations)
    if nation is None or not places:
        return None
    return Strike(nation, _words(token.subtree), frozenset(places))


def strikes(doc: Any) -> list[Strike]:
    """The attacks a parsed sentence tells, with a nationality as attacker.

    Those told as someone else's words are marked ``reported``.
    """
    found = []
    for token in doc:
        lemma = str(token.lemma_).lower()
        if any(c.dep_ == "neg" for c in token.children):
            continue
        strike = None
        if token.pos_ == "VERB" and lemma in ATTACK_VERBS:
            strike = _verb_strike(token)
        elif token.pos_ == "NOUN" and lemma in ATTACK_NOUNS:
            strike = _noun_strike(token)
        if strike is not None:
            found.append(replace(strike, reported=_reported(token)))
    return found


def attacker_clash(
    first: Sequence[Strike], second: Sequence[Strike], *, reported: bool = False
) -> AttackerClash | None:
    """The first two strikes on a shared place whose attackers differ, or None.

    Only strikes told as the sources' own claims count, unless ``reported``: two outlets
    that relay different sides' accounts of who struck do not contradict each other, but
    they do not say the same thing either. A source that names both attackers of the place
    (one strike each way) disagrees with no one on it.
    """
    if not reported:
        first = [s for s in first if not s.reported]
        second = [s for s in second if not s.reported]
    for a in first:
        for b in second:
            shared = a.places & b.places
            if not shared or a.attacker == b.attacker:
                continue
            mine = {s.attacker for s in first if s.places & shared}
            if mine & {s.attacker for s in second if s.places & shared}:
                continue
            return AttackerClash(a, b)
    return None


def parse_strikes(texts: Sequence[str]) -> list[list[Strike]]:
    """The strikes of each text, parsed in one batch with the shared spaCy model."""
    from parallax.spacy_model import load_spacy

    return [strikes(doc) for doc in load_spacy().pipe([without_dateline(t) for t in texts])]
