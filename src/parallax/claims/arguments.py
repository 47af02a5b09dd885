"""Where a claim's words sit in the parse: a predicate's arguments and a name's head token.

Role binding (:mod:`parallax.claims.roles`) asks the same few questions of every claim: which
tokens are the arguments of its predicate, which token heads a name the grammar found, and
whether that head is one of a set of arguments or of the nouns they own ("member of NATO").
They live here so the binding rules read as rules, not tree walking.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from parallax.claims.clauses import is_verb, span_head
from parallax.claims.words import WHEN_PREPOSITIONS

ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "attr", "oprd", "dative", "agent"})


def tokens_in(tokens: Sequence[Any], span: tuple[int, int], offset: int) -> list[Any]:
    """The tokens inside a character span of the sentence (``offset`` is where it starts)."""
    start, end = span
    return [t for t in tokens if start <= t.idx - offset < end and not t.is_space]


def lift_conj(token: Any) -> Any:
    """The first conjunct of a coordination ("Poland, Hungary and Czechia" -> Poland)."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token


_COMPARED = frozenset({"unlike", "like", "except", "besides", "than", "beside"})
"""Prepositions whose object is compared with the clause's parties, not one of them."""


def arguments(pred: Any) -> list[Any]:
    """The tokens heading the predicate's arguments, conjuncts included.

    Subjects, objects and attributes, the objects of its prepositions, and for a relative
    clause the noun it describes ("Finland, which joined ...").
    """
    found: list[Any] = []
    # A conjoined verb shares its first verb's subject ("Finland applied and joined ..."),
    # not its objects ("Latvia left the Soviet Union and joined NATO").
    if pred.dep_ == "conj" and is_verb(pred.head):
        found.extend(c for c in pred.head.children if c.dep_ in {"nsubj", "nsubjpass"})
    for child in pred.children:
        if child.dep_ in ARGUMENT_DEPS:
            found.append(child)
        elif child.dep_ == "prep" and child.lower_ in _COMPARED | WHEN_PREPOSITIONS:
            continue  # "Finland, unlike Sweden, joined": Sweden is only compared with it
        elif child.dep_ in {"prep", "agent"}:
            found.extend(c for c in child.children if c.dep_ == "pobj")
            for grandchild in child.children:
                if grandchild.dep_ == "prep":  # "out of", "away from"
                    found.extend(c for c in grandchild.children if c.dep_ == "pobj")
        elif child.dep_ == "advmod" and child.lower_ == "out":
            for prep in child.children:
                found.extend(c for c in prep.children if c.dep_ == "pobj")
    if pred.dep_ in {"relcl", "acl"}:
        found.append(pred.head)
    expanded: list[Any] = []
    for token in found:
        expanded.append(token)
        expanded.extend(t for t in token.subtree if t.dep_ == "conj" and lift_conj(t).i == token.i)
    return expanded


def noun_attachments(noun: Any) -> list[Any]:
    """What hangs from a noun and names whose it is: "NATO's", "of NATO", "EU" in "EU members"."""
    found = [c for c in noun.children if c.dep_ in {"poss", "compound", "nmod", "amod"}]
    for prep in (
        c for c in noun.children if c.dep_ == "prep" and c.lower_ in {"of", "in", "with", "between"}
    ):
        found.extend(c for c in prep.children if c.dep_ == "pobj")
    return found


def mention_head(
    tokens: Sequence[Any], text: str, sentence: str, offset: int, after: int = 0
) -> Any | None:
    """The head token of the first place ``text`` occurs in the sentence from ``after`` on.

    ``after`` skips a dateline ("HELSINKI, Finland (AP) — Finland joined ..."): the grammar
    never reads a party from it.
    """
    at = sentence.find(text, after) if text else -1
    if at < 0:
        return None
    span = tokens_in(tokens, (at, at + len(text)), offset)
    return span_head(span) if span else None


def covers(token: Any, heads: Iterable[Any]) -> bool:
    """Whether ``token`` is one of ``heads`` (or lies in the name one of them heads)."""
    for head in heads:
        if token.i == head.i:
            return True
        if (head.dep_ == "compound" or token.dep_ == "compound") and (
            token.head.i == head.i or head.head.i == token.i
        ):
            return True
    return False


def covers_any(token: Any | None, *groups: Iterable[Any]) -> bool:
    """Whether ``token`` is covered by any of the groups; a missing token never is."""
    return token is not None and any(covers(token, group) for group in groups)


def owned(nouns: Iterable[Any]) -> list[Any]:
    """What the given nouns' modifiers and "of" phrases name ("member of NATO")."""
    found: list[Any] = []
    for noun in nouns:
        if noun.pos_ in {"NOUN", "PROPN"}:
            found.extend(noun_attachments(noun))
    return found
