"""Whom the writer asks to act, when the parse shows it and no modal does.

"Governor Park should veto this bill" is a prescription the events layer shows ("should
veto"); "We must demand that Governor Park veto this bill", "We urge the council to reject
the plan" and "calls on Congress to act" ask the same of their addressee in another form:
the addressee is the subject of a demanding verb's clause ("demand that X veto"), the
object of a verb of appeal with an infinitive after it ("urge X to reject"), or the object
of "call on" ("called on X to act"). The small parser tags some such clause verbs as nouns
("that Park veto this bill"), so the act is read from the clause's head whatever its tag.
A sentence asking an actor to act says what the writer wants done, not what the actor did
(:func:`parallax.portrayal.roles.portray` reads it so).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from parallax.portrayal.actions import APPEAL_VERBS
from parallax.portrayal.mention_heads import mention_heads

DEMANDING = frozenset({"demand", "insist", "require", "request", "recommend", "propose"})
"""Verbs whose "that" clause says what someone must do ("demand that the governor veto")."""


def asked_to_act(doc: Any, actors: Sequence[Mapping[str, Any]]) -> dict[tuple[str, str], str]:
    """(actor id, sentence id) -> the lemma of the act the actor is asked to do."""
    found: dict[tuple[str, str], str] = {}
    for actor, sentence, head in mention_heads(doc, actors):
        act = _act_asked_of(head)
        if act is not None:
            found[(actor, sentence)] = act.lemma_.lower()
    return found


def _act_asked_of(head: Any) -> Any | None:
    """The act a mention's head is asked to do, if the parse shows a request of it."""
    verb = head.head
    if head.dep_ == "nsubj" and verb.dep_ == "ccomp" and verb.head.lemma_.lower() in DEMANDING:
        return verb  # "demand that Governor Park veto this bill"
    if head.dep_ == "dobj" and verb.lemma_.lower() in APPEAL_VERBS:
        return _infinitive(verb)  # "urge the council to reject the plan"
    if head.dep_ == "pobj" and verb.lower_ in {"on", "upon"} and verb.head.lemma_ == "call":
        return _infinitive(verb.head)  # "called on Congress to act"
    return None


def _infinitive(verb: Any) -> Any | None:
    return next(
        (
            c
            for c in verb.children
            if c.dep_ in {"xcomp", "ccomp"} and any(g.lower_ == "to" for g in c.children)
        ),
        None,
    )
