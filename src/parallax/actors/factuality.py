"""Whether a clause states that something happened, or only that it might, will or did not.

A timeline lists what a text says happened, and a role rests on what an actor did; both
need to tell "Northland shelled the port" from "Northland threatened to shell the port",
"would shell", "refused to shell" or "if Northland shelled". This module reads that from
the parse alone: modal and future auxiliaries, conditions, questions, inverted
conditionals, and the verb a complement hangs on.

The verb a complement hangs on follows the linguistics of implicative verbs (Karttunen 1971,
"Implicative verbs", Language 47; Nairn, Condoravdi and Karttunen 2006). "Managed to",
"began", "kept", "helped" and "forced to" say the complement took place; "failed",
"refused", "declined", "avoided" and "denied" (doing it) say it did not, so such a
complement is hypothetical, like a modal. Most other verbs that take a verb complement
say it is planned, promised, threatened or wished ("threatened to strike", "pledged to
help", "urged them to leave"): not done yet, so no timeline entry, but what the doer
means to do. :func:`intended` tells those apart; the portrayal counts them as the
doer's acts (on the Narrative Frames Corpus, "threatening to cut", "proposing to slash"
are how a villain is cast), the timeline does not.

:func:`verbal` tells a blow from a barb: "attacked the governor, calling it a stunt" is an
act of words.
"""

from __future__ import annotations

from typing import Any

from parallax.actors.speech import SPEECH_VERBS

FUTURE_LEMMAS = frozenset({"will", "'ll", "shall"})
MODAL_LEMMAS = frozenset(
    {"would", "could", "might", "may", "should", "must", "can", "shall", "will", "'ll"}
)
CONDITION_MARKS = frozenset({"if", "unless", "whether", "lest"})

ENTAILING_HEADS = frozenset(
    {
        # positive implicatives: the complement happened
        "manage", "get", "happen", "dare", "bother", "remember", "deign", "condescend",
        # aspect: the complement begins, goes on or ends, so it took place
        "begin", "start", "continue", "keep", "resume", "proceed", "go", "finish",
        "stop", "cease", "quit", "end",
        # an effort, a push or a vote that is itself the act ("tried to seize", "moved to
        # block", "voted to confirm")
        "try", "attempt", "move", "rush", "hurry", "help", "vote",
        # causation that took effect ("was forced to retreat")
        "force", "compel", "make",
        # factive: admitting or regretting a deed says it was done
        "admit", "acknowledge", "confess", "regret",
        # habit in the past ("used to send")
        "use",
    }
)  # fmt: skip
"""Governing verbs whose complement took place ("managed to", "kept firing", "tried to")."""


NEGATIVE_HEADS = frozenset(
    {
        "fail", "refuse", "decline", "neglect", "avoid", "deny", "refrain", "omit",
        "forget", "abstain", "reject",
    }
)  # fmt: skip
"""Governing verbs that say their complement was not done ("refused to shell")."""


def hypothetical(verb: Any, bounds: tuple[int, int], *, future: bool = True) -> bool:
    """Whether the clause of ``verb`` states something that did not (or not yet) happen.

    Modal and future auxiliaries ("would join", "will decide by June"), conditions ("if
    the army attacked"), questions and inverted conditionals ("Had the West kept its
    word ...") describe possibilities or plans, and a complement of a verb that says it was
    not done ("refused to shell", "denies mistreating") did not happen.
    With ``future`` False a future auxiliary alone does not count (a named event that
    "will be held" on a date still has that date).
    """
    current = verb
    for _ in range(3):
        for child in current.children:
            modal = child.dep_ in {"aux", "auxpass"} and child.lower_ in MODAL_LEMMAS
            if modal and (future or child.lower_ not in FUTURE_LEMMAS):
                return True
            if child.dep_ == "mark" and child.lower_ in CONDITION_MARKS:
                return True
        if current.dep_ not in {"xcomp", "conj"} or current.head.i == current.i:
            break
        if current.dep_ == "xcomp" and _undone_by(current.head):
            return True
        current = current.head
    sentence = verb.doc[bounds[0] : bounds[1]]
    if sentence.text.rstrip().endswith("?"):
        return True
    first = next((t for t in sentence if not t.is_punct and not t.is_space), sentence[0])
    return (
        first.dep_ in {"aux", "auxpass"}
        and first.lower_ in {"had", "were", "should"}
        and first.head.i == verb.i
    )


def intended(verb: Any) -> bool:
    """Whether ``verb`` is a complement that is planned, promised, threatened or wished.

    "Pledged to help", "threatened to strike", "urged Congress to fund": not done yet,
    though not said to be undone either (:func:`hypothetical` covers that), nor said to
    have happened ("managed to", "kept").
    """
    current = verb
    for _ in range(3):
        if _infinitive_complement(current) and current.head.i != current.i:
            head = current.head
            return not _undone_by(head) and not _entailed_by(head)
        if current.dep_ != "conj" or current.head.i == current.i:
            return False
        current = current.head
    return False


def _infinitive_complement(verb: Any) -> bool:
    """An open complement ("pledged to help"), or an infinitive clause with its own subject.

    The parser reads "wants utilities to capture" as a clause whose subject is the
    utilities ("to" its auxiliary), not as a controlled complement; both are a wish.
    """
    if verb.dep_ == "xcomp":
        return True
    return verb.dep_ == "ccomp" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _undone_by(head: Any) -> bool:
    """Whether a complement of ``head`` is said not to have happened.

    "Refused to", "failed to", "denies doing"; and any verb negated ("did not manage to
    cross", "never tried to stop it").
    """
    if head.pos_ not in {"VERB", "AUX"}:
        return False
    if any(child.dep_ == "neg" for child in head.children):
        return True
    return head.lemma_.lower() in NEGATIVE_HEADS


def _entailed_by(head: Any) -> bool:
    """Whether a complement of ``head`` took place: an entailing verb, not negated."""
    if head.pos_ not in {"VERB", "AUX"}:
        return False
    if any(child.dep_ == "neg" for child in head.children):
        return False
    return head.lemma_.lower() in ENTAILING_HEADS


NAMING_VERBS = frozenset({"call", "describe", "label", "brand", "dub", "term"})
"""Verbs that say what someone called something ("..., calling it a stunt")."""


HITTING_AS_CRITICISM = frozenset(
    {"attack", "assail", "bash", "batter", "blast", "hammer", "hit", "lash", "pummel",
     "savage", "slam", "strike"}
)  # fmt: skip
"""Verbs of hitting and attacking (after Levin's 1993 class 18) that political news uses
for criticism: "the president attacked the Fed chair for not cutting rates"."""


def verbal(verb: Any, target_is_person: bool, agent_is_person: bool = False) -> bool:
    """Whether an act done to a person is one of words: "attacked the governor over her plan".

    Verbs of hitting double as verbs of criticism in political news ("attacked", "hit
    out at", "slammed"); with a person as the target, a participle of saying or naming
    beside the verb (", calling it a stunt", ", saying she lied") marks the words, and so
    does a named person as the doer of such a verb (:data:`HITTING_AS_CRITICISM`): one
    public figure attacking another is news of words, a physical assault is told with who
    did it ("gunmen", "a man") and what it did (", wounding two aides"). A reason after
    "over" or "for" alone does not mark words: blows have reasons too ("jailed over a
    deal"). A state, a city or a building as the target keeps the act physical ("attacked
    Kyiv, saying ...").
    """
    if not target_is_person:
        return False
    beside = [
        child.lemma_.lower()
        for child in verb.children
        if child.dep_ == "advcl" and child.tag_ == "VBG"
    ]  # ", calling it a stunt", ", wounding two aides"
    words = [lemma in NAMING_VERBS or lemma in SPEECH_VERBS for lemma in beside]
    if any(words):
        return True
    return agent_is_person and verb.lemma_.lower() in HITTING_AS_CRITICISM and not beside
