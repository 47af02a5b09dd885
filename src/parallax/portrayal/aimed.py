"""Attacks told through what is sent at someone: "launched drones at Kyiv", "an attack on".

War copy tells most attacks with a verb that harms nobody by itself and an object that
does the harm: "Russia launched dozens of drones at Kyiv", "fired missiles at Kharkiv",
"lobbed shells at the village", "Moscow launched an attack on the port of Odesa". The
valence lexicon rates the verb ("launch" is no harm), and the events layer's target is the
object (the drones, the attack), so the attacker got no deed and the place attacked
nothing at all. The events layer records what the object is and where the act is aimed
(:mod:`parallax.actors.aims`); this module reads an act as harmful, and as done to its
aim, when:

- a verb of sending or throwing (after Levin's 1993 "throw verbs", class 17.1, and
  FrameNet's Shoot_projectiles: "fire", "launch", "lob", "hurl") has a weapon as its
  object, aimed at an actor or people ("launched a missile at Kyiv"), or at anything
  unless it is launched ("lobbed shells at the village"; "launched a rocket into orbit" is
  a spaceflight), or several weapons with no aim ("launched 40 drones overnight", not
  "launched a rocket");
- a verb of hitting (:data:`HITTING_VERBS`) has weapons or an attack as its doer, in the
  subject or in the passive's "by" phrase, and something it is done to ("Kyiv was hit by
  a barrage of drones");
- a verb that starts or carries out an act (after FrameNet's Activity_start and
  Intentionally_act support verbs: "launch", "mount", "carry out", "wage") has an attack
  as its object ("launched an offensive", "carried out airstrikes on"), or a war or a fight
  aimed at one of the article's actors or at people ("waged war on Ukraine", not "a war on
  drugs").

"Launched a product", "a campaign" or "an investigation into the attack" name no weapon
or attack as the object, and stay as the lexicon rates them.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from parallax.portrayal.actions import HARMFUL

THROWING_VERBS = frozenset(
    {"fire", "launch", "shoot", "lob", "hurl", "throw", "fling", "toss", "drop", "rain"}
)
"""Verbs of sending something at a target (see the module). "Drop" and "rain" take a weapon
as their object in war copy ("dropped bombs on", "rained shells on"), and are no attack
with anything else."""
STARTING_VERBS = frozenset(
    {
        "launch", "begin", "start", "mount", "stage", "conduct", "wage", "unleash",
        "resume", "renew", "intensify", "escalate", "commit", "perpetrate", "lead", "open",
        "press", "carry out", "step up",
    }
)  # fmt: skip
"""Verbs that start, carry out or step up an act named by their object (see the module)."""

HITTING_VERBS = frozenset(
    {
        "hit", "strike", "pound", "pummel", "batter", "blast", "smash", "slam", "hammer",
        "target",
    }
)  # fmt: skip
"""Verbs of coming into contact with force (after Levin's 1993 "hit verbs", class 18.1,
with "target"), harmless by the lexicon's rating ("hit", "pound"), which tell an attack
when a weapon or an attack does them to something ("Kyiv was hit by a barrage of drones",
"missile strikes pounded the port"). A weapon the parse finds as what is hit ("shot down
the drones") is done no harm by it."""


def attack_kind(event: Mapping[str, Any]) -> str | None:
    """``harmful`` when the event is an attack told through its object, else None."""
    action = str(event.get("action") or "")
    words = action.split()
    if not words or words[0] == "not":
        return None
    what = event.get("instrument")
    aim = event.get("aim") or {}
    written = str(event.get("action_text") or "").lower().split()
    if what in {"weapon", "weapons"} and _one_of(words[0], written, THROWING_VERBS):
        if aim.get("actor") or aim.get("people"):
            return HARMFUL  # "launched a missile at Kyiv", "fired rockets at protesters"
        if aim:
            # "lobbed shells at the village"; "launched a rocket into orbit" is no attack.
            return None if _one_of(words[0], written, frozenset({"launch"})) else HARMFUL
        return HARMFUL if what == "weapons" else None  # "launched 40 drones overnight"
    doer = event.get("doer_class")
    hitting = _one_of(words[0], written, HITTING_VERBS)
    if hitting and doer in {"weapon", "weapons", "attack"} and event.get("target_text"):
        return HARMFUL  # "Kyiv was hit by a barrage of drones", "missiles struck the port"
    if action in STARTING_VERBS or _one_of(words[0], written, STARTING_VERBS):
        if what == "attack":
            return HARMFUL
        if what == "hostility" and (aim.get("actor") or aim.get("people")):
            return HARMFUL
    return None


def _one_of(lemma: str, written: list[str], verbs: frozenset[str]) -> bool:
    """Whether the verb is one of ``verbs``, by its lemma or a regular form as written.

    The tagger's lemma is sometimes another word's ("waged" as "wag").
    """
    if lemma in verbs:
        return True
    return any(
        word in {verb + "s", verb + "d", verb + "ed", verb + "ing", verb[:-1] + "ing"}
        for word in written
        for verb in verbs
    )


def as_done_to_aim(event: Mapping[str, Any]) -> Mapping[str, Any]:
    """The event with its aim as its target, when it is an attack that has one.

    "Fired missiles at Kharkiv" is done to Kharkiv, not to the missiles; an event that is
    no such attack is returned as it is.
    """
    if attack_kind(event) is None:
        return event
    aim = event.get("aim")
    if not aim:
        # "Russia launched 40 drones overnight": the object is what was sent, not what it
        # harmed, so it is no harm-doer being stopped (:func:`.actions.stops_harm`).
        return {**event, "object_sent": True}
    return {
        **event,
        "target": aim.get("actor"),
        "target_text": aim.get("text"),
        "target_named": bool(aim.get("named")),
        "target_people": bool(aim.get("people")),
        "target_prep": aim.get("prep"),
        "target_head": None,
    }
