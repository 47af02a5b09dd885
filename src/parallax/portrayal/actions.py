"""Whether an action harms or helps, from a general valence lexicon, not a hand-made list.

The lexicon is VADER's (Hutto & Gilbert 2014, MIT licence, shipped by the
``vadersentiment`` package): about 7,500 English words rated by people from -4 (very
negative) to +4. An action whose verb rates at most :data:`HARM` ("kill", "attack",
"threaten", "arrest") is harmful, one at least :data:`HELP` ("help", "protect", "rescue")
is helpful; anything between, negated, or missing from the lexicon is no evidence either
way. Verbs are looked up as written and by lemma and regular inflections, since the lexicon
lists word forms.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from functools import lru_cache
from importlib import resources
from typing import Any

from parallax.actors.speech import SPEECH_VERBS
from parallax.errors import ConfigError

HARM = -1.0
HELP = 1.0
HARMFUL = "harmful"
HELPFUL = "helpful"

JUDGEMENT_VERBS = frozenset(
    {
        "acclaim",
        "accuse",
        "applaud",
        "assail",
        "blame",
        "castigate",
        "censure",
        "chastise",
        "commend",
        "compliment",
        "condemn",
        "congratulate",
        "criticise",
        "criticize",
        "decry",
        "denigrate",
        "denounce",
        "deride",
        "disparage",
        "endorse",
        "excoriate",
        "extol",
        "fault",
        "hail",
        "laud",
        "mock",
        "praise",
        "rebuke",
        "reprimand",
        "reproach",
        "ridicule",
        "salute",
        "scold",
        "thank",
        "upbraid",
        "vilify",
    }
)
"""Verbs that pass a verdict in words on someone (after Levin's 1993 "judgment verbs",
class 33, those done in words only, with "accuse", and "endorse", a public word of
approval). The lexicon rates many of them as harsh, but to be condemned is not to be
harmed, nor is condemning an attack: "the West condemned Moscow's takeover" makes Moscow no
victim and the West no aggressor. Such an action is no evidence of a role; what the
sentence says of each side reaches the role through the sentiment model instead."""


APPEAL_VERBS = frozenset(
    {"appeal", "ask", "beg", "beseech", "call", "entreat", "exhort", "implore", "invite"}
    | {"lobby", "petition", "plead", "press", "request", "urge"}
)
"""Verbs of asking someone to act (after Levin's 1993 "verbs of ... request", with "urge"
and "press"): whom they ask is addressed, not acted on, so the tone of the sentence does
not make it a victim ("operators have begged the government to listen")."""


ASSOCIATION_VERBS = frozenset(
    {
        "affiliate",
        "ally",
        "amalgamate",
        "associate",
        "combine",
        "incorporate",
        "integrate",
        "join",
        "merge",
        "team",
        "unify",
        "unite",
    }
)
"""Verbs of bringing together (after Levin's 1993 "mix" and "amalgamate" verbs, classes
22.1-22.2): the doer and what it joins become one group, neither is done good or harm.
The lexicon rates some of them warmly ("join", "unite"), but "Finland joined the alliance"
casts nobody as a hero; such an action counts as a helpful-sounding word only."""


EMOTION_VERBS = frozenset(
    {
        "alarm",
        "anger",
        "annoy",
        "antagonise",
        "antagonize",
        "appal",
        "appall",
        "bother",
        "disappoint",
        "discourage",
        "disgust",
        "dismay",
        "displease",
        "distress",
        "disturb",
        "embarrass",
        "enrage",
        "exasperate",
        "frustrate",
        "horrify",
        "incense",
        "infuriate",
        "irk",
        "irritate",
        "madden",
        "offend",
        "outrage",
        "perturb",
        "rankle",
        "rile",
        "sadden",
        "scandalise",
        "scandalize",
        "shock",
        "startle",
        "trouble",
        "unnerve",
        "unsettle",
        "upset",
        "vex",
        "worry",
    }
)
"""Verbs that stir a bad feeling in whoever they are done to (after Levin's 1993 "amuse
verbs", class 31.1, those with no reading of bodily harm or intimidation: "torture",
"wound", "harass" or "frighten" are not here). The lexicon rates them by the feeling, but
"the mayor's new tax enraged shopkeepers" makes nobody an aggressor and the angry no
victims: what people feel about an actor reaches its role through the sentence readings.
The class's warm verbs are left out: many of them are also acts of support ("relieved
the besieged town", "encouraged the rebels")."""


SIDE_VERBS = frozenset({"back", "favor", "favour", "oppose", "side", "support"})
"""Verbs of taking a side (after FrameNet's Taking_sides frame): a stance towards someone,
not something done to them. The lexicon rates "support" and "favor" warmly, but "all
Republicans on the panel supported the nominee" makes neither the senators heroes nor the
nominee someone helped, any more than "opposed him" makes anyone a villain; help given
("sent weapons to", "rescued") is told by other verbs."""


ATTITUDE_VERBS = frozenset(
    {
        "abhor", "admire", "adore", "appreciate", "cherish", "deify", "deplore", "despise",
        "detest", "disdain", "dislike", "distrust", "dread", "enjoy", "envy", "esteem",
        "exalt", "fancy", "fear", "hate", "idolize", "lament", "like", "loathe", "love",
        "miss", "mistrust", "mourn", "pity", "prize", "regret", "relish", "resent",
        "respect", "revere", "rue", "savor", "savour", "tolerate", "treasure", "trust",
        "value", "venerate", "worship",
    }
)  # fmt: skip
"""Verbs of a feeling towards someone or something (after Levin's 1993 "admire verbs",
class 31.2; "favor" and "support" are :data:`SIDE_VERBS`). The lexicon rates the feeling,
but "many Ukrainians fear Russia" makes Russia no victim and "voters distrust Congress"
harms nobody, nor does "supporters love the senator" make them heroes: what the sentence
says of the one felt about reaches its role through the sentence readings."""


AGREEMENT_NOUNS = frozenset(
    {
        "accord", "agreement", "armistice", "bargain", "ceasefire", "cease-fire",
        "compromise", "concordat", "covenant", "deal", "pact", "settlement", "treaty",
        "truce", "understanding",
    }
)  # fmt: skip
"""Nouns of an agreement (after FrameNet's Make_agreement_on_action frame)."""

MAKING_VERBS = frozenset({"broker", "clinch", "cut", "forge", "hammer", "seal", "strike"})
"""Support verbs that make an agreement (:data:`AGREEMENT_NOUNS`): the lexicon rates "cut"
and "strike" by their sense of a blow, but "Democrats and Republicans struck a deal" and
"cut a deal with prosecutors" harm nobody. Breaking one ("violated the truce") is still
read by its verb."""


IDIOMS = frozenset(
    {
        *(("break", noun) for noun in ("rank", "ranks", "silence", "record", "news", "ground")),
        *(("break", noun) for noun in ("ice", "deadlock", "stalemate", "tie", "cover")),
        *(("hit", noun) for noun in ("record", "high", "low", "mark", "target", "road")),
        *(("beat", noun) for noun in ("record", "expectation", "estimate", "forecast")),
        *(("lose", noun) for noun in ("control", "patience", "touch", "track", "sight")),
        *(("lose", noun) for noun in ("face", "momentum", "steam", "nerve", "temper")),
        ("kill", "time"),
        ("take", "toll"),
    }
)
"""(Verb, object) pairs whose verb the lexicon rates by a blow but that harm no one: "17
Republicans broke ranks", "broke his silence", "prices hit a record", "Labour had lost
control of its own party" (a failure, not a loss suffered at anyone's hands)."""

LEAVE_VERBS = frozenset({"abandon", "depart", "desert", "leave", "quit", "vacate"})
CONTEST_VERBS = frozenset(
    {
        *("argue", "battle", "bicker", "clash", "compete", "contend", "feud", "fight"),
        *("quarrel", "spar", "squabble", "struggle", "wrangle", "wrestle"),
    }
)
"""Verbs of a contest between two sides (after Levin's 1993 "battle verbs", class 36.4):
"the couple had been fighting the agency since 2007", "firefighters battled blazes". Both
sides take part and neither is said to be harmed by the other, so the lexicon's rating of
the verb (-1.6 for "fight") casts no one; with a particle the verb says who prevails
("fought off an assault") and is read as written."""
"""Verbs of leaving (after Levin's 1993 "leave verbs", class 51.2): "he abandoned his office
to the protesters" harms no one; the lexicon rates "abandon" by its sense of neglect."""


PROCEDURAL_VERBS = frozenset(
    {
        # Respond_to_proposal, Deny_or_grant_permission
        "reject", "refuse", "decline", "deny", "veto", "spurn", "rebuff", "snub",
        "ignore", "dismiss",
        # Hindering, Thwarting, Preventing_or_letting
        "block", "obstruct", "hinder", "impede", "hamper", "thwart", "foil", "stymie",
        "derail", "stall", "stop", "halt",
        # Change_event_time, Cause_to_end, Activity_pause
        "delay", "postpone", "cancel", "suspend", "scrap", "shelve",
        # Prohibiting_or_licensing, Undo / Rescinding
        "ban", "prohibit", "forbid", "outlaw", "bar", "overturn", "overrule", "repeal",
        "revoke", "rescind", "quash",
        # Beat_opponent, read on a measure ("defeated the bill")
        "defeat",
    }
)  # fmt: skip
"""Verbs that act on a proposal, a procedure or an event rather than on a body (after the
FrameNet frames named beside them). The lexicon rates several as harsh ("reject",
"block", "cancel", "ban", "defeat"), but "the court rejected the appeal", "senators
blocked the bill" or "the council cancelled the vote" harm nobody a reader could name:
such an act is a deed only when it falls on one of the article's actors or on people
("banned the party", "defeated the rebels"), as help is (:func:`is_deed`)."""


SCALE_VERBS = frozenset(
    {"cut", "decrease", "diminish", "halve", "lessen", "lower", "reduce", "slash", "trim"}
)
"""Verbs that move an amount down a scale (after FrameNet's
Cause_change_of_position_on_a_scale frame). The lexicon rates "cut", "slash" and "lower" by
their sense of a blow; on a measure (:data:`MEASURE_NOUNS`) they harm no one."""

MEASURE_NOUNS = frozenset(
    {
        "cost",
        "emission",
        "estimate",
        "expectation",
        "fare",
        "fee",
        "forecast",
        "guidance",
        "inflation",
        "level",
        "outlook",
        "premium",
        "price",
        "projection",
        "rate",
        "tariff",
        "target",
        "tax",
        "temperature",
    }
)
"""Nouns of a measured amount (the Attribute of FrameNet's
Cause_change_of_position_on_a_scale): "the bank cut rates", "the automaker lowered its
outlook", "the plan cuts emissions" harm no one a reader could name. What is given to
someone ("cut aid to the region", "slashed funding for the program", "cut 400 jobs") still
reads as harm to those who lose it."""


UNDERGONE = frozenset({"die", "endure", "incur", "lose", "perish", "suffer", "sustain", "undergo"})
"""Verbs whose subject undergoes what they name rather than doing it to anyone: "the army
lost two towns", "the city suffered heavy damage", "two firefighters died" (the last two
from Levin's 1993 "disappearance verbs", class 48.2). The lexicon rates the loss, and the
one it falls on is the subject: it is the loss's target (a *victim* when the loss is a
deed, :func:`is_deed`), never the doer of harm."""


FINDING_VERBS = frozenset({"conclude", "determine", "find", "rule"})
"""Verbs by which a court, an inquiry or a panel states what it has found ("the court ruled
that ...", "investigators concluded that ..."): what their clause tells is the finder's
account, as what a speech verb's clause tells is the speaker's."""

REPORTING_VERBS = SPEECH_VERBS | JUDGEMENT_VERBS | FINDING_VERBS
"""Verbs whose clause tells someone else's account (:func:`parallax.portrayal.voice.reported`)."""


SPEECH_ACTS = (SPEECH_VERBS - {"threaten"}) | {"apologise", "apologize"}
"""Verbs of saying: what is said is weighed by the sentence reading, not the verb's valence
("stressed", "denied", "admitted" harm nobody, and "apologized to the victims" helps
nobody: it says sorry). A threat is kept as an act: it is aimed at whoever it threatens."""


ATTACK_VERBS = frozenset(
    {"ambush", "besiege", "bombard", "invade", "raid", "shell", "storm", "strafe"}
)
"""Verbs of attack the lexicon does not rate (after FrameNet's Attack frame, whose other
verbs it rates as harm: "attack", "assault", "bomb"): "Russian forces shelled villages" is
as much a blow as "bombed" them. Like any harmful verb, one with nothing it is done to is
a harmful-sounding word only ("stormed out")."""


def is_deed(event: Mapping[str, Any], target_is_actor: bool, *, helpful: bool = False) -> bool:
    """Whether an events-layer action rated harmful or helpful is something done to someone.

    It needs someone or something it is done to and must not be a speech act. Harm may be
    done to anything the parse found ("shelled three villages"); help must reach one of the
    article's actors or people (the events layer's ``target_people``: "rescued the
    villagers", not "approved the bill", "won cuts", "protected funding"): an act of
    procedure on a bill or a budget helps nobody a reader could name, and news is full of
    them; the same holds for harm done by a verb of procedure (:data:`PROCEDURAL_VERBS`:
    "blocked the bill"), or that holds its object back from an act of its own ("blocked
    Arizona from removing voters": a doer restrained, not one hurt), and beating someone in
    a contest harms nobody (the events layer's ``contest``: "defeated Husted in the
    governor's race"). Joining or uniting with someone (:data:`ASSOCIATION_VERBS`) is done
    to nobody; stirring a feeling (:data:`EMOTION_VERBS`) or leaving (:data:`LEAVE_VERBS`)
    harms or helps nobody, nor does making an agreement ("struck a deal",
    :data:`MAKING_VERBS`) or lowering a measure (:data:`SCALE_VERBS`: "cut rates"), nor an
    idiom built on a verb of harm (:data:`IDIOMS`: "broke ranks"). A loss the subject
    suffers (:data:`UNDERGONE`) is a deed done to the subject.
    What is only planned, promised or supposed ("will join", "would strike", the
    events layer's ``hypothetical``) has not been done; help only promised or planned
    (the events layer's ``intended``: "has promised to pardon his supporters") is a
    pledge, not help given, where a threat to harm ("threatened to cut") already
    intimidates and still counts. An attack in words on a
    person (the events layer's ``verbal``: "attacked the governor over her plan") is no
    blow. "Missed", "agreed", "won" with nothing acted on, or "stressed" and "denied",
    carry the valence of their words only.
    """
    action = str(event.get("action") or "")
    verb = (action.split() or [""])[0]
    on_people_only = helpful or verb in PROCEDURAL_VERBS
    if verb in PROCEDURAL_VERBS and event.get("kept_from"):
        return False  # "blocked Arizona from removing voters": a doer held back, not hurt
    if not helpful and event.get("contest"):
        return False  # "defeated Husted in the governor's race": competition, not harm
    reached = bool(event.get("target_text")) and (
        not on_people_only or bool(event.get("target_people"))
    )
    acted_on = target_is_actor or reached
    return (
        acted_on
        and verb not in SPEECH_ACTS
        and verb not in ASSOCIATION_VERBS
        and verb not in EMOTION_VERBS
        and verb not in LEAVE_VERBS
        and not (verb in MAKING_VERBS and event.get("target_head") in AGREEMENT_NOUNS)
        and not (action in SCALE_VERBS and event.get("target_head") in MEASURE_NOUNS)
        and (verb, str(event.get("target_head") or "")) not in IDIOMS
        and not event.get("hypothetical")
        and not event.get("verbal")
        and not (helpful and event.get("intended"))
    )


def suffered_by_target(event: Mapping[str, Any]) -> bool:
    """Whether harm done in an events-layer action reaches its target actor itself.

    The events layer counts a phrase about something of an actor's as the actor ("the ruling
    weakens the mayor's bill" has the mayor as its target), which is right for who acts ("Russia's
    army shelled ...") but not always for who suffers: that an argument or an event
    undermines a bill, a plan or an office of an actor's is a setback in its business, not
    harm done to it. The target suffers the harm when the phrase names the actor itself
    (``target_named``) or people (``target_people``: "Ukraine's soldiers"), or when another
    of the article's actors does it (``agent``: one party blocking another's ships is a
    deed against that party). A loss (:data:`UNDERGONE`) is done by nobody: what the loser
    loses is not the doing of the loser ("Dunn lost the Northern primary" is no blow to
    the party whose primary it was). Weapons destroyed or shot down (the events layer's
    ``instrument`` of the object) are no harm to whose they were.
    """
    verb = (str(event.get("action") or "").split() or [""])[0]
    if event.get("instrument") in {"weapon", "weapons"} and event.get("target_head"):
        # "Destroyed 17 Ukrainian drones": the drones are hit, not the side that sent them.
        return False
    return (
        bool(event.get("target_named", True))
        or bool(event.get("target_people"))
        or (bool(event.get("agent")) and verb not in UNDERGONE)
    )


_WORD = re.compile(r"\b[a-z]{4,}\b")


def harm_doers(
    events: Iterable[Mapping[str, Any]],
    attack: Callable[[Mapping[str, Any]], str | None] = lambda _: None,
) -> frozenset[str]:
    """Lower-case words of the phrases that do harm in the article ("drones", "missiles").

    Read from the events that are harmful deeds with an agent phrase ("Russian drones and
    missiles struck power plants"), by the lexicon or by ``attack``'s reading ("Kyiv was
    hit by a barrage of drones"); capitalised words (names, nationalities) are left out,
    since a name alone does not make everything it owns a weapon.
    """
    found: set[str] = set()
    for event in events:
        action = str(event.get("action") or "")
        harmful = kind(action, str(event.get("action_text") or "")) == HARMFUL
        if not harmful and attack(event) != HARMFUL:
            continue
        if not is_deed(event, bool(event.get("target"))):
            continue
        found.update(_WORD.findall(str(event.get("agent_text") or "")))
    return frozenset(found)


def stops_harm(event: Mapping[str, Any], doers: frozenset[str]) -> bool:
    """Whether a harmful deed is done to a thing that itself does harm in the article.

    "Air defences shot down 41 of 58 drones" after "drones struck power plants" destroys
    what attacks: a defence, not an aggression, though the lexicon rates the verb as harm.
    Only things count (no actor, no people): "struck the troops who shelled the town" is
    still a blow, and "shot down an airliner" still harms, the airliner having harmed
    nobody in the article.
    """
    if event.get("target") or event.get("target_people") or event.get("object_sent"):
        return False  # (an attack's object is what it sent: :mod:`parallax.portrayal.aimed`)
    return bool(doers.intersection(_WORD.findall(str(event.get("target_text") or ""))))


@lru_cache(maxsize=1)
def lexicon() -> dict[str, float]:
    """Word -> mean valence, read once from the installed package.

    Raises:
        ConfigError: the ``vadersentiment`` package is not installed.
    """
    try:
        text = resources.files("vaderSentiment").joinpath("vader_lexicon.txt").read_text("utf-8")
    except (ModuleNotFoundError, FileNotFoundError) as exc:
        raise ConfigError(
            f"portrayal needs the valence lexicon of the vadersentiment package ({exc}); "
            "run `make setup`"
        ) from exc
    table: dict[str, float] = {}
    for line in text.splitlines():
        cells = line.split("\t")
        if len(cells) >= 2:
            try:
                table[cells[0].lower()] = float(cells[1])
            except ValueError:
                continue
    return table


QUALITY_PARTICIPLES = frozenset(
    {
        "advanced", "dedicated", "determined", "entitled", "esteemed", "focused", "justified",
        "poised", "sophisticated",
    }
)  # fmt: skip
"""Participles the lexicon rates only as adjectives of a quality ("an advanced economy", "a
dedicated nurse", "a determined fighter"), with no rating of the verb. Read as the verb's
rating they turn procedure into help ("the committee voted to advance the nominee"); the
verb is left unrated instead."""


def valence(lemma: str, written: str = "") -> float | None:
    """The lexicon's rating of a verb, from the form written or its lemma's forms."""
    table = lexicon()
    lemma = lemma.lower()
    forms = [written.lower(), lemma, lemma + "s", lemma + "ed", lemma + "d", lemma + "ing"]
    for form in forms:
        if form and form in table and form not in QUALITY_PARTICIPLES:
            return table[form]
    return None


def kind(action: str, written: str = "") -> str | None:
    """``harmful``, ``helpful`` or None for an events-layer action ("attack", "not help")."""
    words = action.lower().split()
    if not words or words[0] == "not":
        return None  # "did not attack" is no evidence of harm
    if words[0] in JUDGEMENT_VERBS or words[0] in SIDE_VERBS or words[0] in ATTITUDE_VERBS:
        return None  # a verdict in words, a stance or a feeling, not a deed
    if len(words) == 1 and words[0] in CONTEST_VERBS:
        return None  # a contest, which both sides wage
    if words[0] in ATTACK_VERBS:
        return HARMFUL
    value = valence(words[0], written.split()[-1] if written.split() else "")
    if value is None:
        return None
    if value <= HARM:
        return HARMFUL
    if value >= HELP:
        return HELPFUL
    return None
