"""Actor portrayal: whom an article casts as antagonist, victim or protagonist, and how warmly.

Portrayal is first of all how the article casts each actor in its own voice; what the
sources it quotes say is kept apart and reported under each source's name. Three kinds of
evidence, each tied to a sentence and marked own voice or quoted:

* **sentiment**: the learned target-sentiment model's probabilities that the sentence is
  negative, neutral or positive towards the actor (:mod:`parallax.portrayal.target_sentiment`).
  A clearly positive sentence counts towards *protagonist*; a clearly negative one towards
  *victim* when the actor is acted on in it (the target of an event in the parse), towards
  *antagonist* when it acts, and half as much towards *antagonist* otherwise;
* **actions**: in the ``events`` layer, the agent of a harmful action (rated so by a general
  valence lexicon, :mod:`parallax.portrayal.actions`) counts towards *antagonist* and its
  target towards *victim*; the agent of a helpful action towards *protagonist*. Only an
  action done to someone or something that is not a speech act is shown as a deed ("agent
  of harmful action: shelled"); the rest ("missed", "won", "stressed": the lexicon rates
  words, not harm) is shown as a harmful- or helpful-sounding word, and counts in the
  learned reading but is never the clear own-voice reason a news report's role needs
  (:func:`parallax.portrayal.role_model.clearly`);
* **name-calling** aimed at the actor (a ``name_calling`` technique span touching a mention)
  counts towards *antagonist*.

The role comes from a learned reading (:mod:`parallax.portrayal.role_model`) of every
sentence's probabilities, the actions and name-calling, in the article's own voice and the
voices it quotes alike (annotators of news narratives count what an article chooses to
quote): ``role_lean`` is where it points however weakly, for a reader who wants the direction
behind a *neutral*; ``role`` is the article's own casting: the same only when the reading is
confident enough (a bar chosen on held-apart training articles), sentences in the article's
own voice support it (what only its quoted sources say is their casting, in ``quoted``), and
the article's own sentiment towards the actor does not run against it; otherwise *neutral*. Each
supporting sentence's evidence says whether it is the article's voice or a quoted one.
The hand-set rules (an actor's strongest evidence reaching :data:`MIN_EVIDENCE` and beating
the runner-up by :data:`MARGIN`; deeds, name-calling and confident readings count, a word that
only sounds harmful or helpful does not, as in the learned reading) still cast each quoted
source's view of the actor ("Harlan says he worries about the deficit" casts nobody), and the
article's own when the learned reading is off (:data:`USE_ROLE_MODEL`, while training it).
The sentiment in [-1, 1] is the mean,
over the sentences in the article's own voice, of P(positive) - P(negative), names weighing
more than pronouns, a prescription ("Congress should pass ...") never counting as praise,
nor one to harm another ("The Senate should reject the House's plan") as blame;
0 (neutral) when the model read fewer than :data:`MIN_SENTENCES` of them (one will do when
it passes a verdict on the actor the reading agrees with, :mod:`parallax.portrayal.verdicts`),
or than the article has sentences when it is shorter (a single news sentence is read by the
model's own class decision, :func:`_least_evidence`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from parallax.portrayal import actions, aimed, role_model
from parallax.portrayal.voice import OWN, OWN_VOICE, QUOTED, Voice, VoiceIndex, reported

ROLES = ("protagonist", "antagonist", "victim", "neutral")
SENTIMENT_LABELS = ("negative", "neutral", "positive")
MIN_EVIDENCE = 1.0
MARGIN = 0.5
PRONOUN_WEIGHT = 0.3
NEGATIVE_CUT = -0.55
POSITIVE_CUT = 0.05
"""Mean P(pos) - P(neg) at or below which the sentiment is called negative, above which
positive.

Asymmetric because news reads a little negative even when the author takes no side (the
model counts reported misfortune as negative). Chosen with :data:`MIN_SENTENCES` by
``parallax-dev eval portrayal --choose-cuts`` on the selection parts of BASIL and PerSenT
only (see :mod:`parallax_dev.training.portrayal_cuts`).
"""
MIN_SENTENCES = 2
"""Sentences the model read in the article's own voice before its sentiment towards an
actor is called anything but neutral (a quoted source's view needs only its own words,
labelled by the model's class decision as a single sentence is).
Chosen with the cuts, on long articles; a shorter article needs all its sentences
(:func:`_least_evidence`). Sentences in which the actor itself speaks are not among them
(:func:`parallax.components.portrayal.unspoken`): they carry its words, not the
article's view of it."""
STRONG = 0.6
"""A sentence counts as role evidence only when the model gives its class at least this."""
NAME_CALLING_WEIGHT = 0.7
UNPLACED_SHARE = 0.5
"""How much a negative sentence counts towards antagonist when the actor neither acts nor
is acted on in it (a plain mention in bad news is weaker evidence than a deed)."""
NAME_CALLING_REACH = 40
USE_ROLE_MODEL = True
"""Whether ``role`` and ``role_lean`` come from the learned reading (off only while training
it: then both are the rules' reading of the article's own voice)."""


@dataclass(frozen=True)
class Judgment:
    """The model's reading of one sentence towards one actor."""

    sentence_id: str
    voice: Voice
    probabilities: tuple[float, float, float]
    """P(negative), P(neutral), P(positive)."""
    weight: float = 1.0
    """1 when the actor is named in the sentence, :data:`PRONOUN_WEIGHT` for pronouns only."""

    @property
    def lean(self) -> float:
        """P(positive) - P(negative)."""
        return self.probabilities[2] - self.probabilities[0]


@dataclass
class Evidence:
    """Evidence for one actor in one voice."""

    scores: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    sentences: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    judgments: list[Judgment] = field(default_factory=list)
    items: list[dict[str, Any]] = field(default_factory=list)
    leaning: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    """Every sentence's pull towards each role, however weak (for ``role_lean``)."""

    def add(
        self,
        role: str,
        weight: float,
        sentence_id: str,
        signal: str,
        voice: Voice,
        *,
        counts: bool = True,
    ) -> None:
        """Count ``weight`` towards ``role`` from ``signal`` in sentence ``sentence_id``.

        An item that does not ``count`` is shown as evidence (and read by the learned role
        model, which weighs it) but adds nothing to the hand-set rules' score.
        """
        if counts:
            self.scores[role] += weight
            self.sentences[role].add(sentence_id)
        self.items.append(_item(sentence_id, voice, signal, role, weight))


def _item(
    sentence_id: str, voice: Voice, signal: str, points_to: str, value: float
) -> dict[str, Any]:
    return {
        "sentence_id": sentence_id,
        "voice": voice.kind,
        "speaker": voice.speaker,
        "speaker_text": voice.speaker_text,
        "signal": signal,
        "points_to": points_to,
        "value": round(value, 3),
    }


def portray(
    actors: Sequence[dict[str, Any]],
    sentences: Sequence[Any],
    text: str,
    events: Sequence[Mapping[str, Any]] = (),
    quotes: Sequence[Mapping[str, Any]] = (),
    judgments: Mapping[str, Sequence[Judgment]] | None = None,
    opinion: bool = False,
    verdicts: Mapping[tuple[str, str], float] | None = None,
    asked: Mapping[tuple[str, str], str] | None = None,
    compared: Collection[tuple[str, str]] = (),
) -> None:
    """Fill each actor's role, sentiment, supporting sentences and evidence, in place.

    Args:
        actors: the ``actors`` layer (each with ``id`` and ``mentions``).
        sentences: the article's sentences (``id``, ``text``, ``start``, ``end``,
            ``techniques``).
        text: the article text the offsets point into.
        events: the ``events`` layer (``agent``, ``target``, ``action``, ``sentence_id``,
            ``trigger``).
        quotes: the ``quotes`` layer, which says what is in a quoted source's voice.
        judgments: per actor id, the target-sentiment model's readings of its sentences.
        opinion: the article is an opinion piece (the ``genre`` layer), whose own tone
            towards an actor may cast it (:func:`parallax.portrayal.role_model.cast`).
        verdicts: per (actor id, sentence id), the signed valence of what the sentence says
            the actor is (:mod:`parallax.portrayal.verdicts`); where the model's reading of
            that sentence in the article's own voice agrees, it is a judgement of the
            article's own (:func:`_verdict`).
        asked: per (actor id, sentence id), the act the sentence asks the actor to do in a
            form the events layer shows no modal for ("demand that Governor Park veto":
            :mod:`parallax.portrayal.asked`); read as a prescription is.
        compared: (actor id, sentence id) where the actor is the standard a comparison holds
            something else up to ("better than X": :mod:`parallax.portrayal.compared`);
            the model's reading of that sentence is left out for it.
    """
    del text  # offsets are enough; kept in the signature for the callers' sake
    voices = VoiceIndex([dict(q) for q in quotes])
    judgments = judgments or {}
    evidence: dict[str, dict[tuple[str, str], Evidence]] = {a["id"]: {} for a in actors}
    speakers: dict[tuple[str, str], Voice] = {}

    def slot(actor_id: str, voice: Voice) -> Evidence:
        speakers.setdefault(voice.key(), voice)
        return evidence[actor_id].setdefault(voice.key(), Evidence())

    named = {
        (actor["id"], m.get("sentence_id"))
        for actor in actors
        for m in actor.get("mentions", [])
        if m.get("kind", "name") != "pronoun"
    }
    positions: dict[tuple[str, str], str] = {}
    events = [aimed.as_done_to_aim(event) for event in events]  # "fired missiles at Kharkiv"
    for event in events:
        if event.get("hypothetical"):
            # "a bill that would have forced the company to ...": no one was forced, so the
            # sentence's tone falls on no target (nor agent) of that act
            continue
        sid = str(event.get("sentence_id"))
        verb = (str(event.get("action") or "").split() or [""])[0]
        if event.get("target") and verb not in actions.JUDGEMENT_VERBS | actions.APPEAL_VERBS:
            # Bad news about what an action was done to reads as suffering, but not when the
            # action is a verdict in words (the blamed are not victims of the blame) or an
            # appeal (the government "begged to listen" is asked, not harmed).
            positions[(str(event["target"]), sid)] = "target"
        if event.get("agent"):
            # The subject of "lost" or "suffered" undergoes it, as a target does.
            place = "target" if verb in actions.UNDERGONE else "agent"
            positions.setdefault((str(event["agent"]), sid), place)
    told = reported(events, actions.REPORTING_VERBS)
    doers = actions.harm_doers(events, aimed.attack_kind)
    for number, event in enumerate(events):
        kind = actions.kind(str(event.get("action") or ""), str(event.get("action_text") or ""))
        kind = aimed.attack_kind(event) or kind  # "launched drones at Kyiv"
        if kind is None:
            continue
        trigger = event.get("trigger") or {}
        voice = voices.at(int(trigger.get("start", 0)), int(trigger.get("end", 0)) or None)
        if voice.kind == OWN:
            voice = told.get(number, voice)  # "a court ruled that Westland had violated ..."
        agent, target, sid = event.get("agent"), event.get("target"), str(event.get("sentence_id"))
        verb = (str(event.get("action") or "").split() or [""])[0]
        written = event.get("action_text") or event.get("action")
        deed = actions.is_deed(
            event, target in evidence and target != agent, helpful=kind == actions.HELPFUL
        ) and not (kind == actions.HARMFUL and actions.stops_harm(event, doers))
        signal = f"{kind} action: {written}" if deed else f"{kind}-sounding word: {written}"
        doer, done_to = ("agent of", "target of") if deed else ("subject of", "object of")
        if agent in evidence:
            weight = 1.0 if (agent, sid) in named else PRONOUN_WEIGHT
            role = "antagonist" if kind == actions.HARMFUL else "protagonist"
            said = doer
            if kind == actions.HARMFUL and verb in actions.UNDERGONE:
                role = "victim"  # "lost two towns": the loss falls on the subject
                said = done_to
            slot(str(agent), voice).add(role, weight, sid, f"{said} {signal}", voice, counts=deed)
        if kind == actions.HARMFUL and target in evidence and target != agent:
            weight = 1.0 if (target, sid) in named else PRONOUN_WEIGHT
            suffered = deed and actions.suffered_by_target(event)
            if deed and not suffered:
                done_to, signal = "object of", f"{kind}-sounding word: {written}"
            slot(str(target), voice).add(
                "victim", weight, sid, f"{done_to} {signal}", voice, counts=suffered
            )
    for actor_id, sentence_id, (start, end), technique in _name_calling_targets(actors, sentences):
        voice = voices.at(start, end)
        if voice.kind == OWN and technique.get("voice") == QUOTED:
            # A label the report gives as someone's without quote marks ("lawmakers called
            # him a traitor"): the techniques step found whose it is.
            voice = Voice(QUOTED, technique.get("speaker"), technique.get("speaker_text"))
        slot(actor_id, voice).add(
            "antagonist", NAME_CALLING_WEIGHT, sentence_id, "name-calling", voice
        )
    asked_of = prescribed(events) | set(asked or {})
    asked_against = prescribed_against(events) | {
        key for key, act in (asked or {}).items() if harms_its_object(act)
    }
    judged: set[str] = set()
    for actor in actors:
        for judgment in judgments.get(actor["id"], []):
            if (actor["id"], judgment.sentence_id) in asked_against or (
                actor["id"],
                judgment.sentence_id,
            ) in compared:
                judgment = unjudged(judgment)
            elif (actor["id"], judgment.sentence_id) in asked_of:
                judgment = unpraised(judgment)
            value = (verdicts or {}).get((actor["id"], judgment.sentence_id), 0.0)
            if judgment.voice.kind == OWN and _verdict(value, judgment):
                judged.add(actor["id"])
                judgment = replace(judgment, weight=1.0)  # "its arrogance": as if named
                slot(actor["id"], judgment.voice).items.append(
                    _item(
                        judgment.sentence_id,
                        judgment.voice,
                        "verdict",
                        "negative" if value < 0 else "positive",
                        value,
                    )
                )
            found = slot(actor["id"], judgment.voice)
            found.judgments.append(judgment)
            negative, _, positive = judgment.probabilities
            place = positions.get((actor["id"], judgment.sentence_id), "")
            found.leaning["victim" if place == "target" else "antagonist"] += (
                negative * judgment.weight * (UNPLACED_SHARE if place == "" else 1.0)
            )
            found.leaning["protagonist"] += positive * judgment.weight
            if negative >= STRONG:
                # Bad news about an actor: what it does if it acts, what it suffers if acted on.
                role, share = (
                    ("victim", 1.0)
                    if place == "target"
                    else ("antagonist", 1.0)
                    if place == "agent"
                    else ("antagonist", UNPLACED_SHARE)
                )
                found.add(
                    role,
                    negative * share * judgment.weight,
                    judgment.sentence_id,
                    f"negative sentiment ({place or 'no action'})",
                    judgment.voice,
                )
            elif positive >= STRONG:
                found.add(
                    "protagonist",
                    positive * judgment.weight,
                    judgment.sentence_id,
                    "positive sentiment",
                    judgment.voice,
                )
    # One source is shown by its name, not by whichever phrase first quoted it ("she").
    names = {a["id"]: str(a.get("name") or a["id"]) for a in actors}
    for actor in actors:
        per_voice = evidence[actor["id"]]
        own = per_voice.get(OWN_VOICE.key(), Evidence())
        least, short = _least_evidence(len(sentences))
        actor.update(_decide(own, 1 if actor["id"] in judged else least, short))
        actor["evidence"] = sorted(
            [item for found in per_voice.values() for item in found.items]
            + [
                _item(j.sentence_id, j.voice, "sentiment", SENTIMENT_LABELS[_label(j.lean)], j.lean)
                for found in per_voice.values()
                for j in found.judgments
            ],
            key=lambda item: (_sentence_order(item["sentence_id"]), item["signal"]),
        )
        quoted = []
        for key, found in per_voice.items():
            if key[0] == OWN:
                continue
            voice = speakers[key]
            # A quoted source's view rests on a sentence or two of its own words: the
            # model's class decision, measured on single sentences, labels it, not the cuts
            # chosen for the mean over a long article's own voice (at +0.05 a barely positive
            # reading of "X has chosen chaos" made the speaker call X positive).
            decided = _decide(found, short=True)
            if voice.speaker == actor["id"]:
                # A source telling its own deeds ("Russia's defence ministry said its forces
                # shot down 38 drones") gives its account, not a casting of itself.
                decided["role"] = "neutral"
            quoted.append(
                {
                    "speaker": voice.speaker,
                    "speaker_text": names.get(voice.speaker or "", voice.speaker_text),
                    "role": decided["role"],
                    "sentiment": decided["sentiment"],
                    "sentiment_label": decided["sentiment_label"],
                    "sentences": decided["sentiment_sentences"],
                }
            )
        actor["quoted"] = sorted(
            quoted, key=lambda q: (q["speaker"] or "", q["speaker_text"] or "")
        )
        if USE_ROLE_MODEL:
            actor["role_lean"], actor["role"], actor["role_sentences"] = role_model.cast(
                actor["evidence"],
                len(actor.get("mentions") or []),
                actor["sentiment"],
                opinion=opinion,
            )
        if not acts_in_the_story(actor):
            actor["role"], actor["role_sentences"] = "neutral", []


SETTINGS = frozenset({"place"})
"""Actor types that are where things happen: a town, a river, a region."""


def acts_in_the_story(actor: Mapping[str, Any]) -> bool:
    """Whether an actor's doer's role (protagonist, antagonist) rests on what it does.

    A place is where a story happens. "Arsenic was found in the Tamsin" is bad news there,
    not the river's villainy: a place is cast as a doer only for a deed of its own (a
    state the knowledge base does not know, typed as a place, whose aid workers delivered
    food), never for the tone of sentences it is only named in. It can still suffer (a
    city shelled is a victim). Countries and their capitals keep every role.
    """
    role = actor.get("role")
    if actor.get("type") not in SETTINGS or role not in {"protagonist", "antagonist"}:
        return True
    return any(
        str(item.get("signal", "")).startswith("agent of") and item.get("points_to") == role
        for item in actor.get("evidence") or []
    )


def _name_calling_targets(
    actors: Sequence[dict[str, Any]], sentences: Sequence[Any]
) -> list[tuple[str, str, tuple[int, int], Mapping[str, Any]]]:
    """(actor, sentence, span, technique) for each name-calling span and its target.

    The target is the actor mention nearest the span in its sentence ("Westland is a band
    of thieves"), if one lies within :data:`NAME_CALLING_REACH` characters.
    """
    by_sentence: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for actor in actors:
        for mention in actor.get("mentions", []):
            by_sentence[str(mention.get("sentence_id"))].append(
                (int(mention["start"]), int(mention["end"]), actor["id"])
            )
    found = []
    for sentence in sentences:
        mentions = by_sentence.get(sentence.id, [])
        for technique in getattr(sentence, "techniques", []) or []:
            if technique.get("name") != "name_calling" or not mentions:
                continue
            start, end = int(technique["start"]), int(technique["end"])
            distance, actor_id = min(
                (max(0, start - m_end, m_start - end), actor_id)
                for m_start, m_end, actor_id in mentions
            )
            if distance <= NAME_CALLING_REACH:
                found.append((actor_id, sentence.id, (start, end), technique))
    return found


PRESCRIBING = frozenset({"should", "must", "ought"})
"""Modals whose subject is told what to do ("Congress should pass a law")."""
_PRESCRIBING_PAIRS = frozenset({("need", "to"), ("needs", "to"), ("has", "to"), ("have", "to")})


def prescribed(events: Sequence[Mapping[str, Any]]) -> set[tuple[str, str]]:
    """(actor id, sentence id) where the actor is told what it should do.

    The agent of an action written with a modal of obligation ("should pass", "must send",
    "needs to act"): the writer's prescription, not a report of what the actor did.
    """
    return {
        (str(event["agent"]), str(event.get("sentence_id")))
        for event in events
        if event.get("agent") and _prescribes(event)
    }


def prescribed_against(events: Sequence[Mapping[str, Any]]) -> set[tuple[str, str]]:
    """(actor id, sentence id) where the actor is told to do something harmful to another.

    "The Senate should reject the House's approach": the sentence reads negatively, but the
    harm is the act the writer asks for, aimed at what it is done to. It blames the one told
    to act no more than it praises it; "Moscow must answer for its crimes", whose act harms
    no one, still blames.
    """
    return {
        (str(event["agent"]), str(event.get("sentence_id")))
        for event in events
        if event.get("agent")
        and (event.get("target") or event.get("target_text"))
        and event.get("target") != event.get("agent")
        and _prescribes(event)
        and harms_its_object(str(event.get("action") or ""), str(event.get("action_text") or ""))
    }


def harms_its_object(action: str, written: str = "") -> bool:
    """Whether an act, asked for, is one against what it is done to ("reject", "veto").

    The lexicon's harmful verbs, and the verbs of procedure that turn down or stop a
    proposal (:data:`parallax.portrayal.actions.PROCEDURAL_VERBS`), which it leaves unrated.
    """
    verb = (action.split() or [""])[0]
    return actions.kind(action, written or action) == actions.HARMFUL or (
        verb in actions.PROCEDURAL_VERBS
    )


def _prescribes(event: Mapping[str, Any]) -> bool:
    words = str(event.get("action_text") or "").lower().split()
    return bool((words[:1] and words[0] in PRESCRIBING) or tuple(words[:2]) in _PRESCRIBING_PAIRS)


def unpraised(judgment: Judgment) -> Judgment:
    """A reading of a prescription without its praise: P(positive) counted as neutral.

    "Congress should pass a law that keeps the government open" reads warmly towards
    Congress, but the warmth is the wanted act's, and telling an actor what it should do
    says it has not done it: no praise of the actor. The negative part stays ("Moscow must
    answer for its crimes" still blames). In any voice: a source saying "Congress must act"
    does not praise Congress either.
    """
    negative, neutral, positive = judgment.probabilities
    return replace(judgment, probabilities=(negative, neutral + positive, 0.0))


def unjudged(judgment: Judgment) -> Judgment:
    """A reading of a prescription to harm another, counted as neutral towards the one told."""
    return replace(judgment, probabilities=(0.0, 1.0, 0.0))


def _verdict(value: float, judgment: Judgment) -> bool:
    """Whether a verdict and the model's reading of its sentence agree, confidently.

    Both must say the same thing of the actor: the lexicon's rating of the judging word
    alone can be wrong about the sentence ("is no longer a disgrace" the parse may miss),
    and the model's reading alone is mostly the tone of what happened. The reading must
    give the verdict's class at least :data:`STRONG`, as role evidence must: the cuts alone
    would let a barely warm sentence (a lean past +0.05) confirm praise.
    """
    negative, _, positive = judgment.probabilities
    return (value < 0 and negative >= STRONG) or (value > 0 and positive >= STRONG)


def _least_evidence(sentences: int) -> tuple[int, bool]:
    """The own-voice sentences an article's sentiment needs, and whether it is that short.

    :data:`MIN_SENTENCES`, or every sentence the article has when it has fewer: a text of
    one sentence ("parallax analyze" on a single news sentence) could otherwise never say
    anything of an actor. Such an article's one reading is labelled by the model's own
    class decision, the one measured on single sentences (NewsMTSC), not by the cuts
    chosen for the mean over a long article's sentences; longer articles are untouched.
    """
    return min(MIN_SENTENCES, max(sentences, 1)), sentences < MIN_SENTENCES


def _label(lean: float) -> int:
    return 0 if lean <= NEGATIVE_CUT else 2 if lean > POSITIVE_CUT else 1


def _decide(found: Evidence, least: int = 1, short: bool = False) -> dict[str, Any]:
    ranked = sorted(
        ((found.scores.get(r, 0.0), r) for r in ("antagonist", "victim", "protagonist")),
        reverse=True,
    )
    (best, role), (runner_up, _) = ranked[0], ranked[1]
    if best < MIN_EVIDENCE or best - runner_up < MARGIN:
        role = "neutral"
    pulls = {r: found.leaning.get(r, 0.0) + found.scores.get(r, 0.0) for r in ROLES[:3]}
    lean = max(pulls, key=lambda r: pulls[r]) if any(pulls.values()) else "neutral"
    weights = sum(j.weight for j in found.judgments)
    sentiment = sum(j.lean * j.weight for j in found.judgments) / weights if weights else 0.0
    if (role == "protagonist" and sentiment < 0) or (role == "antagonist" and sentiment > 0):
        # The actions and the way the article speaks of the actor disagree (a "promise" that
        # is a threat, harm described approvingly): too mixed to cast, so neutral.
        role = "neutral"
    support = {j.sentence_id for j in found.judgments if _label(j.lean) != 1}
    label = SENTIMENT_LABELS[_label(sentiment)]
    if short and found.judgments:
        # A text too short for the cuts: the model's class for its (weighted) reading.
        pooled = [sum(j.probabilities[c] * j.weight for j in found.judgments) for c in range(3)]
        label = SENTIMENT_LABELS[max(range(3), key=lambda c: pooled[c])]
        support = {j.sentence_id for j in found.judgments} if label != "neutral" else set()
    if len({j.sentence_id for j in found.judgments}) < max(least, 1):
        # Too little (or nothing) to go on: neutral. The readings stay in the evidence.
        sentiment, support, label = 0.0, set(), "neutral"
    return {
        "role": role,
        "role_lean": lean,
        "role_sentences": sorted(found.sentences.get(role, set()), key=_sentence_order),
        "sentiment": round(sentiment, 3),
        "sentiment_label": label,
        "sentiment_sentences": sorted(support, key=_sentence_order),
        "voice": OWN,
    }


def _sentence_order(sentence_id: str) -> int:
    digits = sentence_id.lstrip("s")
    return int(digits) if digits.isdigit() else 0
