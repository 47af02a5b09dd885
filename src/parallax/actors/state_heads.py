"""Noun phrases that mean a state acting: "the Russian government", "U.S. troops".

A government-like head noun modified by a state's name or demonym stands for the state
itself, so the actor resolver files "the Kremlin's troops" and "Moscow" under one actor.
The heads are general nouns of government, armed forces and diplomacy; a domain pack adds
its own (``state_heads``) and whole phrases (``state_phrases``), see :mod:`parallax.domains`.
"""

from __future__ import annotations

import re

from parallax.domains import domain_pack

GOVERNMENT_HEADS = frozenset(
    {
        "ruler",
        "government",
        "administration",
        "regime",
        "leadership",
        "leader",
        "authority",
        "state",
        "military",
        "army",
        "troop",
        "force",
        "navy",
        "official",
        "diplomat",
        "president",
        "ministry",
        "policy",
        "establishment",
        "elite",
        "warship",
        "bomber",
        "soldier",
    }
)
"""Head nouns (lemmas) that, modified by a state's name or demonym, mean that state acting.

The domain pack adds its own (``state_heads``, "the Ruritanian imperialists") and whole phrases
(``state_phrases``, "the U.S. ruling class"), see :mod:`parallax.domains`.
"""


def state_head(lemma: str, phrase: str) -> bool:
    """Whether a noun phrase with this head lemma can mean a state acting."""
    pack = domain_pack()
    if lemma in GOVERNMENT_HEADS or lemma in pack.state_heads:
        return True
    lowered = phrase.lower()
    return any(re.search(rf"\b{re.escape(p)}\b", lowered) for p in pack.state_phrases)
