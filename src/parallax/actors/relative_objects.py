"""What a relative pronoun that is a clause's object stands for.

"A ceasefire, which Ukraine accepted": what Ukraine accepted is the ceasefire, the noun the
clause hangs on. Two readings of the parse are no such noun: a comma-set "which" after a
preposition's object may take up the whole clause before it ("tortured in custody, which
Moscow denies"), and a "that" the parser took for a relative pronoun may open what a noun
of saying says ("warnings from fiscal hawks that the country is drowning in debt"). Then
the act is left without a target rather than given the wrong one.
"""

from __future__ import annotations

from typing import Any


def is_relative_object(token: Any, verb: Any) -> bool:
    """Whether ``token``, an object of ``verb``, is the relative pronoun of its clause."""
    return bool(token.tag_ in {"WDT", "WP"} and verb.dep_ == "relcl" and token.head.i == verb.i)


def relative_antecedent(verb: Any) -> Any | None:
    """The noun a relative clause's object pronoun stands for, or None when unsure."""
    noun = verb.head
    if _clause_or_noun(noun, verb) or _content_clause(noun, verb):
        return None
    return noun


def _clause_or_noun(noun: Any, clause: Any) -> bool:
    """Whether a comma-set "which" clause may stand for the sentence before it as well.

    A relative clause after a comma that hangs on the object of a preposition ("a ruling on
    gerrymandering, which the court reversed"; "tortured in custody, which Moscow
    denies") may take up that noun, the noun the preposition belongs to, or the whole
    clause before it, and only the meaning tells which.
    """
    return bool(
        noun.dep_ == "pobj"
        and clause.left_edge.i > 0
        and clause.doc[clause.left_edge.i - 1].text == ","
    )


CONTENT_NOUNS = frozenset(
    {
        *("warning", "claim", "allegation", "accusation", "charge", "fear", "hope", "report"),
        *("evidence", "news", "belief", "assurance", "promise", "concern", "suggestion"),
        *("rumour", "rumor", "notion", "idea", "fact", "sign", "argument", "assertion"),
        *("view", "insistence", "threat", "statement", "speculation", "theory"),
    }
)
"""Nouns that take a clause of what is said, feared or known ("warnings that the country is
drowning in debt")."""


def _content_clause(noun: Any, clause: Any) -> bool:
    """Whether a "that" clause the parser hung on a noun is what a noun of saying says.

    In "warnings from fiscal hawks that the country is drowning in debt" the parser made
    "that" the object of "drowning" and the clause a relative one on "hawks"; the clause is
    the warnings' content, and the hawks are not what drowns.
    """
    if noun.dep_ != "pobj" or noun.head.dep_ != "prep":
        return False
    if not any(c.lower_ == "that" and c.i < clause.i for c in clause.children):
        return False
    owner = noun.head.head  # "warnings from hawks", or the verb the parser hung "from" on
    said = [owner] + [c for c in owner.children if c.dep_ == "dobj" and c.i < noun.i]
    return any(word.lemma_.lower() in CONTENT_NOUNS for word in said)
