"""Actor portrayal: whom an article casts as antagonist, victim or protagonist, and how warmly.

Evidence is collected per sentence and per actor from four signals, each written down so a
reader can check it against the supporting sentences:

* **events** (agent, action, target): the agent of a harmful or aggressive action counts
  towards *antagonist*, its target towards *victim*; the agent of a protective or helpful
  action towards *protagonist*;
* **wording around a mention**: a possessive with a threat or military noun ("Moscow's
  threats", "NATO's presence"), a harm noun aimed at the actor ("threat toward Russia",
  "hostile line against Russia"), the actor facing or suffering something;
* **labels**: a mention that is itself a label ("the Russian rulers", "imperialist
  government") or a name-calling span touching it;
* **tone** of the sentences mentioning the actor: loaded words against positive words.

The role is the strongest kind of evidence when it reaches :data:`MIN_EVIDENCE` and beats
the runner-up by :data:`MARGIN`; otherwise the actor is *neutral*. The sentiment in [-1, 1]
is the tone plus the role evidence (antagonist negative; victim and protagonist positive),
squashed with tanh.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from parallax.persuasion.lexicon import LABEL_NOUNS, LABEL_WORDS, LOADED_WORDS

ROLES = ("protagonist", "antagonist", "victim", "neutral")
MIN_EVIDENCE = 1.0
MARGIN = 0.5
PRONOUN_WEIGHT = 0.3
_PRONOUNS = frozenset(
    [
        "he",
        "she",
        "it",
        "they",
        "him",
        "her",
        "them",
        "his",
        "hers",
        "its",
        "their",
        "theirs",
        "we",
        "us",
        "our",
        "i",
        "me",
        "my",
        "you",
        "your",
    ]
)

HARM_ACTIONS = frozenset(
    [
        "attack",
        "invade",
        "bomb",
        "kill",
        "murder",
        "punish",
        "threaten",
        "sanction",
        "surround",
        "torture",
        "frame",
        "frame_up",
        "oppress",
        "exploit",
        "dominate",
        "chain",
        "occupy",
        "annex",
        "destroy",
        "overthrow",
        "seize",
        "crush",
        "cram",
        "kick",
        "kick_out",
        "inflict",
        "imprison",
        "arrest",
        "shoot",
        "massacre",
        "slaughter",
        "besiege",
        "blockade",
        "encircle",
        "intimidate",
        "coerce",
        "bully",
        "deceive",
        "betray",
        "loot",
        "plunder",
        "strike",
        "assault",
        "harass",
        "persecute",
        "repress",
        "suppress",
        "crack_down",
        "starve",
    ]
)
"""Actions whose agent harms and whose target is harmed (lemmas, spaces as underscores)."""

AGGRESSIVE_ACTIONS = frozenset(
    [
        "expand",
        "stockpile",
        "deploy",
        "station",
        "mobilise",
        "mobilize",
        "militarise",
        "militarize",
        "arm",
    ]
)
"""Actions that read as aggressive for the agent but harm no named target."""

HELP_ACTIONS = frozenset(
    [
        "help",
        "aid",
        "protect",
        "defend",
        "support",
        "free",
        "liberate",
        "rescue",
        "save",
        "feed",
        "shelter",
        "heal",
        "rebuild",
        "donate",
        "welcome",
        "assist",
    ]
)
"""Actions whose agent helps (protagonist evidence), unless the sentence doubts it."""

POSITIVE_WORDS = frozenset(
    [
        "solidarity",
        "brave",
        "heroic",
        "courageous",
        "allies",
        "ally",
        "fighting",
        "freedom",
        "liberation",
        "independent",
        "independence",
        "victory",
        "successful",
        "proud",
        "dignity",
        "generous",
        "peaceful",
        "honest",
        "fair",
    ]
)

_THREAT_NOUNS = (
    r"threats?|aggression|invasion|attacks?|war|warships|bombers|troops|presence|expansion|"
    r"forces|missiles|domination|sanctions"
)
_POSSESSIVE_THREAT = re.compile(
    rf"^(?:['’]s?\s+(?:\w+\s+){{0,2}}|\s+(?:and\s+\w+\s+)?(?:military\s+)?)(?:{_THREAT_NOUNS})\b",
    re.I,
)
_BY_ACTOR = re.compile(
    rf"\b(?:{_THREAT_NOUNS}|deployment|punishment)\b[^.;]{{0,60}}\bby\s+(?:the\s+)?$", re.I
)
_AIMED_AT = re.compile(
    r"\b(?:threat|hostile line|hostility|aggression|sanctions|war|pressure|troops|forces|"
    r"blockade|siege|attacks?)"
    r"\b[^.;]{0,40}\b(?:toward|towards|against|on|at|to)\s+(?:the\s+)?$",
    re.I,
)
_SUFFERS = re.compile(
    r"^\s*(?:(?:is|was|are|were)\s+)?(?:facing|faces|faced|suffer\w*|standing alone|left alone)\b"
    r"|^\s*(?:is|was|are|were|has been|had been)\s+(?:\w+ly\s+)?(?:bled|surrounded|isolated|"
    r"attacked|invaded|threatened|encircled|punished)\b",
    re.I,
)
_DOUBT = re.compile(r"\bas if\b|\bso-called\b|\bpretext\b|\bclaims? to\b", re.I)
_WORD = re.compile(r"[A-Za-z'’-]+")
_MENTION_LABELS = (LABEL_NOUNS | LABEL_WORDS) - {"government", "governments", "class", "elite"}
"""Words that make a mention itself a label ("the Russian rulers"), not a plain name."""


@dataclass
class Evidence:
    """Accumulated evidence for one actor."""

    scores: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    sentences: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    tone: list[float] = field(default_factory=list)
    tone_sentences: set[str] = field(default_factory=set)

    def add(self, role: str, weight: float, sentence_id: str) -> None:
        """Count ``weight`` towards ``role`` from sentence ``sentence_id``."""
        self.scores[role] += weight
        self.sentences[role].add(sentence_id)


def _lemma(action: str | None) -> str:
    return (action or "").strip().lower().replace(" ", "_")


def _base(action: str) -> str:
    return action.removeprefix("not_")


def _tone(text: str) -> float:
    words = [w.lower() for w in _WORD.findall(text)]
    negative = sum(w in LOADED_WORDS or w in LABEL_WORDS for w in words)
    positive = sum(w in POSITIVE_WORDS for w in words)
    return float(positive - negative)


def portray(
    actors: Sequence[dict[str, Any]],
    sentences: Sequence[Any],
    text: str,
    events: Sequence[Mapping[str, Any]] = (),
) -> None:
    """Fill ``role``, ``sentiment``, ``role_sentences`` and ``sentiment_sentences`` in place.

    Args:
        actors: the ``actors`` layer (each with ``id`` and ``mentions``).
        sentences: the article's sentences (``id``, ``text``, ``start``, ``end``,
            ``techniques``).
        text: the article text the offsets point into.
        events: the ``events`` layer, if any (``agent``, ``target``, ``action``,
            ``sentence_id``).
    """
    by_id = {s.id: s for s in sentences}
    evidence = {actor["id"]: Evidence() for actor in actors}
    named = {
        (actor["id"], m.get("sentence_id"))
        for actor in actors
        for m in actor.get("mentions", [])
        if m.get("text", "").lower() not in _PRONOUNS
    }
    for event in events:
        action = _base(_lemma(event.get("action")))
        sentence = by_id.get(str(event.get("sentence_id")))
        doubted = bool(sentence and _DOUBT.search(sentence.text))
        agent, target, sid = event.get("agent"), event.get("target"), str(event.get("sentence_id"))
        # An actor reached only through a pronoun may be a coreference slip: trust it less.
        agent_weight = 1.0 if (agent, sid) in named else PRONOUN_WEIGHT
        target_weight = 1.0 if (target, sid) in named else PRONOUN_WEIGHT
        if action in HARM_ACTIONS:
            if agent in evidence:
                evidence[agent].add("antagonist", agent_weight, sid)
            if target in evidence and target != agent:
                evidence[target].add("victim", target_weight, sid)
        elif action in AGGRESSIVE_ACTIONS and agent in evidence:
            evidence[agent].add("antagonist", 0.5 * agent_weight, sid)
        elif action in HELP_ACTIONS and agent in evidence and not doubted:
            evidence[agent].add("protagonist", agent_weight, sid)
    for actor in actors:
        found = evidence[actor["id"]]
        seen: set[str] = set()
        for mention in actor.get("mentions", []):
            sid = mention.get("sentence_id")
            sentence = by_id.get(sid)
            if sentence is None:
                continue
            start, end = mention["start"], mention["end"]
            before = text[max(sentence.start, start - 80) : start]
            after = text[end : min(sentence.end, end + 60)]
            words = {w.lower() for w in _WORD.findall(mention["text"])}
            weight = (
                PRONOUN_WEIGHT
                if mention.get("kind") == "pronoun" or mention["text"].lower() in _PRONOUNS
                else 1.0
            )
            if len(words) > 1 and words & _MENTION_LABELS:
                found.add("antagonist", 1.0, sid)
            if _POSSESSIVE_THREAT.search(after) or _BY_ACTOR.search(before):
                found.add("antagonist", 0.8 * weight, sid)
            if _AIMED_AT.search(before) or _SUFFERS.search(after):
                found.add("victim", 0.8 * weight, sid)
            for technique in sentence.techniques:
                if technique["name"] == "name_calling" and (
                    technique["start"] < end + 3 and start - 3 < technique["end"]
                ):
                    found.add("antagonist", 0.7 * weight, sid)
            if sid not in seen:
                seen.add(sid)
                tone = _tone(sentence.text)
                if tone:
                    found.tone.append(tone)
                    found.tone_sentences.add(sid)
        _decide(actor, found)


def _decide(actor: dict[str, Any], found: Evidence) -> None:
    ranked = sorted(
        ((found.scores.get(r, 0.0), r) for r in ("antagonist", "victim", "protagonist")),
        reverse=True,
    )
    (best, role), (runner_up, _) = ranked[0], ranked[1]
    if best < MIN_EVIDENCE or best - runner_up < MARGIN:
        role = "neutral"
    actor["role"] = role
    actor["role_sentences"] = sorted(found.sentences.get(role, set()), key=_sentence_order)
    tone = sum(found.tone) / max(len(found.tone), 1) if found.tone else 0.0
    lean = (
        found.scores.get("victim", 0.0) * 0.5
        + found.scores.get("protagonist", 0.0)
        - found.scores.get("antagonist", 0.0)
    )
    actor["sentiment"] = round(math.tanh(0.5 * tone + 0.4 * lean), 3)
    support = found.tone_sentences | {
        s for r in ("antagonist", "victim", "protagonist") for s in found.sentences.get(r, set())
    }
    actor["sentiment_sentences"] = sorted(support, key=_sentence_order)


def _sentence_order(sentence_id: str) -> int:
    digits = sentence_id.lstrip("s")
    return int(digits) if digits.isdigit() else 0
