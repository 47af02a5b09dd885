"""A learned reading of an actor's role from the evidence the portrayal step collected.

Hand-set weights turned out to read the Narrative Frames Corpus (climate-change news with
hero, villain and victim annotated per entity) worse than always answering its most common
role. Here a multinomial logistic regression weighs the same evidence instead: per actor,
the target-sentiment model's readings of its sentences (their mean, the shares of clearly
negative and clearly positive ones, how many), how often it is mentioned, and the action
and name-calling evidence pointing at each role. Trained
by ``parallax-dev train portrayal-roles`` on the corpus's first fold (train and dev
articles; its test articles are held out for ``parallax-dev eval portrayal``); the weights
are ``parallax/models/portrayal_roles.json``.

The same reading gives the product's ``role`` (:func:`cast`) when it is confident enough
and the article's own voice holds it up. Its confidence bar and how much clear own-voice
evidence an actor needs are stored with the weights; the training command
chooses both on the fold's train and dev articles together with the selection half of this
project's judged war and climate articles (:mod:`parallax_dev.evaluation.judged_roles`),
where most actors are only mentioned and a careful reader gives them no role.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from parallax.errors import ConfigError
from parallax.models import models_dir
from parallax.portrayal.voice import OWN

ROLES = ("antagonist", "protagonist", "victim")
"""The classes, in the order of the stored weights' rows."""
CLEAR = 0.3
"""A sentence reading at or beyond this lean (P(pos) - P(neg)) counts as clearly one way."""
FEATURES = (
    "mean",
    "negative_share",
    "positive_share",
    "log_sentences",
    "log_mentions",
    "antagonist_other",
    "victim_other",
    "protagonist_other",
)
"""Shares, means and logarithms rather than raw counts, so that an article much longer or
more quoted than the training articles does not push a feature far outside what the
weights were fitted on."""
WEIGHTS = "portrayal_roles.json"
LEANS = {"antagonist": -1.0, "victim": -1.0, "protagonist": 1.0}
"""The sign of sentence sentiment (P(pos) - P(neg)) that supports each role."""


def features(evidence: Sequence[Mapping[str, Any]], mentions: int) -> list[float]:
    """The :data:`FEATURES` of one actor from its ``evidence`` items and mention count.

    Every voice counts alike: the corpus the weights are fitted on was annotated for the
    article's narrative including whom it quotes. Which of it is the article's own casting
    is :func:`cast`'s question, not the reading's.
    """
    leans = [float(e.get("value") or 0.0) for e in evidence if e.get("signal") == "sentiment"]
    read = max(len(leans), 1)
    other = dict.fromkeys(ROLES, 0.0)
    for item in evidence:
        if item.get("signal") != "sentiment" and item.get("points_to") in other:
            other[str(item["points_to"])] += float(item.get("value") or 0.0)
    return [
        sum(leans) / read,
        sum(1 for v in leans if v <= -CLEAR) / read,
        sum(1 for v in leans if v >= CLEAR) / read,
        math.log1p(len(leans)),
        math.log1p(mentions),
        other["antagonist"],
        other["victim"],
        other["protagonist"],
    ]


def probabilities(row: Sequence[float], weights: Mapping[str, Any] | None = None) -> list[float]:
    """P(antagonist), P(protagonist), P(victim) for one feature row."""
    weights = weights or stored()
    scaled = [(x - m) / s for x, m, s in zip(row, weights["mean"], weights["scale"], strict=True)]
    logits = [
        b + sum(w * x for w, x in zip(coefficients, scaled, strict=True))
        for coefficients, b in zip(weights["coef"], weights["intercept"], strict=True)
    ]
    top = max(logits)
    exponents = [math.exp(v - top) for v in logits]
    total = sum(exponents)
    return [e / total for e in exponents]


def supporting(evidence: Sequence[Mapping[str, Any]], role: str) -> list[str]:
    """Sentence ids whose evidence points to ``role``, in any voice, in text order.

    Action and name-calling evidence pointing to the role, and sentences the sentiment model
    reads the way the role leans (negative for antagonist and victim, positive for
    protagonist), however weakly: the learned reading weighs strength, this only asks that
    the role rest on something a reader can check.
    """
    sign = LEANS.get(role)
    if sign is None:
        return []
    found = {
        str(item["sentence_id"])
        for item in evidence
        if (
            float(item.get("value") or 0.0) * sign > 0
            if item.get("signal") == "sentiment"
            else item.get("points_to") == role
        )
    }
    return sorted(found, key=_sentence_order)


def cast(
    evidence: Sequence[Mapping[str, Any]],
    mentions: int,
    sentiment: float,
    weights: Mapping[str, Any] | None = None,
    opinion: bool = False,
) -> tuple[str, str, list[str]]:
    """(role_lean, role, role_sentences) of one actor.

    ``role_lean`` is the class the learned reading (``weights``, the stored ones by default)
    finds likeliest, from the evidence in every voice. ``role`` is how the article itself
    casts the actor: the same class when:

    * its probability reaches the weights' ``confidence`` bar;
    * at least one sentence in the article's own voice supports it (:func:`supporting`),
      and at least the weights' ``own_clear`` own-voice sentences point to it clearly
      (:func:`clearly`, readings leaning by ``own_clear_lean``, or only deeds and
      name-calling when ``own_clear_deeds``, except in an ``opinion`` piece, where the
      writer's tone towards an actor is the casting). What the sources an article quotes
      say of an actor is their casting, not the article's (the portrayal step reports it
      under each speaker's name, ``quoted``), however much of the article they fill; and in
      real war reporting most actors the article speaks of are merely mentioned, so a faint
      lean of the news around them is no role the article gives;
    * the article's own ``sentiment`` towards the actor (the mean lean in [-1, 1], 0 when too
      little was read) does not run against it, however slightly: a protagonist it speaks
      of negatively, an antagonist or victim it speaks of warmly, are too mixed to cast (a
      "promise" of counter-measures is no good deed).

    Otherwise ``neutral`` with no sentences. The sentences returned are the article's own.
    """
    weights = weights or stored()
    chances = probabilities(features(evidence, mentions), weights)
    best = max(range(len(chances)), key=chances.__getitem__)
    lean = ROLES[best]
    opposed = sentiment * LEANS[lean] < 0
    own = [item for item in evidence if item.get("voice") == OWN]
    sentences = supporting(own, lean)
    clear = clearly(
        own,
        lean,
        float(weights["own_clear_lean"]),
        deeds_only=bool(weights["own_clear_deeds"]) and not opinion,
    )
    if len(clear) < int(weights["own_clear"]):
        sentences = []
    if chances[best] < float(weights["confidence"]) or opposed or not sentences:
        return lean, "neutral", []
    return lean, lean, sentences


def clearly(
    evidence: Sequence[Mapping[str, Any]], role: str, lean: float, *, deeds_only: bool = False
) -> set[str]:
    """Sentence ids whose evidence points to ``role`` clearly, not by a faint lean.

    A deed (agent or target of a harmful or helpful action), name-calling, a sentence the
    sentiment model reads with confidence (the portrayal step adds those as their own items,
    :data:`parallax.portrayal.roles.STRONG`), or a sentiment reading leaning the role's way
    (:data:`LEANS`) by ``lean`` or more. With ``deeds_only``, deeds and name-calling alone:
    in news the tone of a sentence about an actor is mostly the tone of what happened
    (accusations reported, markets falling), which casts nobody.

    A word that only sounds harmful or helpful (:func:`is_sounding_word`: "will join",
    "failed", "won", with nothing done to anyone) is never clear, in any genre: the lexicon
    rates words, not deeds, and even in an opinion piece the writer's tone reaches the role
    through the sentence readings, not through the valence of a verb.
    """
    sign = LEANS.get(role)
    if sign is None:
        return set()
    return {
        str(item["sentence_id"])
        for item in evidence
        if (
            float(item.get("value") or 0.0) * sign >= lean
            if item.get("signal") == "sentiment"
            else item.get("points_to") == role
        )
        and not is_sounding_word(item)
        and (not deeds_only or is_deed(item))
    }


def is_deed(item: Mapping[str, Any]) -> bool:
    """Whether an evidence item is something done (an action, name-calling), not a reading."""
    signal = str(item.get("signal") or "")
    return signal.startswith(("agent of ", "target of ")) or signal == "name-calling"


def is_sounding_word(item: Mapping[str, Any]) -> bool:
    """Whether an evidence item is a harmful- or helpful-sounding word that is no deed.

    The portrayal step marks an action rated harmful or helpful but done to nobody (or only
    planned, or a speech act) as the subject or object of such a word
    (:mod:`parallax.portrayal.roles`).
    """
    return str(item.get("signal") or "").startswith(("subject of ", "object of "))


def _sentence_order(sentence_id: str) -> int:
    digits = sentence_id.lstrip("s")
    return int(digits) if digits.isdigit() else 0


@lru_cache(maxsize=1)
def stored(folder: Path | None = None) -> dict[str, Any]:
    """The packaged weights (or those in ``folder``).

    Raises:
        ConfigError: the weights are missing or were trained on other features.
    """
    path = (folder or models_dir()) / WEIGHTS
    if not path.is_file():
        raise ConfigError(
            f"the portrayal role weights {path} are missing; "
            "run `parallax-dev train portrayal-roles` to produce them"
        )
    weights: dict[str, Any] = json.loads(path.read_text("utf-8"))
    if (
        tuple(weights.get("features", ())) != FEATURES
        or tuple(weights["roles"]) != ROLES
        or "confidence" not in weights
        or "own_clear" not in weights
        or "own_clear_lean" not in weights
        or "own_clear_deeds" not in weights
    ):
        raise ConfigError(
            f"{path} was trained on other features or roles than this code reads, or has "
            "no confidence bar; "
            "run `parallax-dev train portrayal-roles` again"
        )
    return weights
