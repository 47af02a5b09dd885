"""Which clause of a sentence asserts a claim's relation, and whether it asserts it at all.

Role binding (:mod:`parallax.claims.roles`) asks these questions of the dependency parse:
is the relation word the predicate of a clause (not a title before a name or a noun inside
another phrase), is that clause asserted as a fact (no modal, condition, question or verb
of intention above it), and do the relation word and the counted noun belong to the same
clause (not one inside a relative clause on a noun, nor two coordinated clauses).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from parallax.claims.words import (
    CONDITIONS,
    DISOWNING,
    DOUBTED,
    FALSE_WORDS,
    LIGHT_VERBS,
    MODALS,
    NOT_ASSERTING,
    RANKS,
    TIME_FRAMES,
    VOUCHING,
)

PREDICATE_NOUN_DEPS = frozenset({"attr", "oprd", "acomp"})
MODIFIER_DEPS = frozenset({"compound", "amod", "poss", "nmod", "appos"})


def is_verb(token: Any) -> bool:
    """Whether the tagger reads ``token`` as a verb or an auxiliary."""
    return bool(token.pos_ in {"VERB", "AUX"})


def predicate(
    cue: Any, *, objects: bool = False, subject: bool = False
) -> tuple[Any | None, str | None]:
    """The clause predicate a cue token asserts, or None with the reason it asserts nothing.

    Args:
        cue: the head token of the relation words.
        objects: also accept a cue noun that is the object of a verb or of one of its
            prepositions ("has 32 *members*", "expanded to 14 *countries*"): right for the
            member noun of a count, wrong for an office or a capital ("travelled to the
            *capital*" asserts nothing about which city it is).
        subject: also accept a cue noun that is the subject of any verb ("the Cuban Missile
            *Crisis* took place in 1962") or the object of a light verb ("launched an
            *invasion*"): right for events, whose name is the cue.
    """
    if is_verb(cue):
        restrictive = cue.dep_ == "acl" and cue.i > 0 and cue.nbor(-1).text != ","
        if cue.dep_ == "amod" or restrictive:
            # "the *founding* treaty", "the treaty *signed* in 1949": a description that
            # picks out a noun. Set off by a comma ("NATO, *founded* in 1949, ...") the
            # participle is a clause of its own, asserted like "which was founded".
            return None, f"“{cue.text}” describes a noun, it is not the sentence's assertion"
        return cue, None
    if cue.dep_ in PREDICATE_NOUN_DEPS and is_verb(cue.head):
        return cue.head, None
    if cue.dep_ in {"nsubj", "nsubjpass"} and is_verb(cue.head):
        if cue.head.lemma_ == "be" and not any(c.dep_ == "attr" for c in cue.head.children):
            return None, f"“{cue.text}” is not predicated of anything"
        if cue.head.lemma_ == "be" or objects or subject:
            return cue.head, None
        return None, f"“{cue.text}” is what “{cue.head.text}” is said of, not a relation"
    if (
        cue.dep_ == "dobj"
        and is_verb(cue.head)
        and (objects or (subject and cue.head.lemma_ in LIGHT_VERBS))
    ):
        return cue.head, None
    if (
        objects
        and cue.dep_ == "pobj"
        and cue.head.dep_ in {"prep", "agent"}
        and is_verb(cue.head.head)
    ):
        return cue.head.head, None
    if cue.dep_ in MODIFIER_DEPS:
        return None, (
            f"“{cue.text}” is a title or description beside a name, a side fact, not what the "
            "sentence asserts"
        )
    return None, f"“{cue.text}” is inside another phrase, not the sentence's assertion"


def restricted(noun: Any) -> str | None:
    """Why a predicate noun says more than the relation ("the *first* leader to ...").

    A rank ("first", "only", "youngest") or a clause on the noun makes the sentence assert
    the ranking or the restriction, which the knowledge base does not record; "former"
    and "future" move the relation to another time.
    """
    for child in noun.children:
        if child.dep_ in {"amod", "advmod"} and (
            child.lower_ in RANKS or child.tag_ in {"JJS", "RBS"}
        ):
            return f"“{child.text} {noun.text}” asserts a rank or another time, not the relation"
        if child.dep_ in {"acl", "relcl"}:
            return f"“{noun.text}” is restricted by a clause, which the sentence asserts instead"
    return None


def not_asserted(pred: Any, text: str) -> str | None:
    """Why the clause of ``pred`` is not asserted as a fact, or None when it is.

    The predicate and every clause above it are looked at: a modal ("will", "could"), an
    infinitive ("for Ukraine *to join*", "to make sure that ..."), a condition ("if"), or a
    verb of intention or report that does not vouch for what follows ("applied to join",
    "denied that ...") each make the claim something other than a fact.
    """
    if text.rstrip().endswith("?"):
        return "the sentence is a question"
    node = pred
    for _ in range(12):
        for child in node.children:
            if child.dep_ in {"aux", "auxpass"} and child.lower_ in MODALS:
                return f"“{child.text} {node.text}” is a possibility or a plan, not a fact"
            if child.dep_ == "aux" and child.lower_ == "to" and is_verb(node):
                return f"“to {node.text}” states an aim or a possibility, not a fact"
            if child.dep_ == "mark" and child.lower_ in CONDITIONS:
                return f"“{child.text} ...” makes the clause a condition"
            if (
                child.dep_ in {"mark", "advmod"}
                and child.lower_ in TIME_FRAMES
                and node.dep_ == "advcl"
                and child.i < node.i
            ):
                return (
                    f"“{child.text} ...” gives the time of another clause; the sentence "
                    "presupposes it and asserts the other"
                )
        if node.dep_ in {"relcl", "acl", "ccomp", "appos"} and node.head.lemma_ in DOUBTED:
            # "the claim that NATO has 40 members", "the myth that ...": a content clause
            return f"“{node.head.text} that ...” reports a claim, it does not assert it"
        if node.dep_ == "ccomp" and any(
            c.dep_ == "acomp" and c.lower_ in FALSE_WORDS for c in node.head.children
        ):
            return "the sentence calls what follows false"
        if node.dep_ == "ccomp" and (judged := _judging_adjective(node.head)):
            return f"“{judged} that ...” does not assert what follows"
        if node.head.i == node.i or node.dep_ in {"relcl", "acl"}:
            break  # a relative clause is asserted on its own, whatever its noun's clause says
        head = node.head
        if node.dep_ in {"xcomp", "ccomp"} and head.lemma_ in NOT_ASSERTING:
            return f"“{head.text}” does not assert what follows"
        if node.dep_ in {"xcomp", "ccomp"} and (
            disowned := next((c for c in head.children if c.lower_ in DISOWNING), None)
        ):
            return f"“{disowned.text} {head.text}”: the writer says what follows is wrong"
        node = head
    if pred.lemma_ in NOT_ASSERTING and pred.pos_ == "VERB":
        return f"“{pred.text}” does not assert the relation itself"
    return None


def _judging_adjective(verb: Any) -> str | None:
    """The words of a copula that judges its clause without vouching for it, or None.

    "It is not true that ...", "it is likely that ...", "it is unclear whether ...": the
    writer weighs the clause rather than states it, so it is no claim of the sentence. "It is
    true that ..." vouches for it.
    """
    adjective = next((c for c in verb.children if c.dep_ == "acomp"), None)
    if adjective is None and verb.dep_ == "acomp":  # the clause hangs from the adjective
        adjective, verb = verb, verb.head
    if adjective is None:
        return None
    denied = next((c for c in (*verb.children, *adjective.children) if c.dep_ == "neg"), None)
    if adjective.lower_ in VOUCHING and denied is None:
        return None
    return " ".join(t.text for t in (verb, denied, adjective) if t is not None)


def describing_clause(cue: Any, pred: Any) -> Any | None:
    """The relative clause or noun-modifying clause, below ``pred``, that holds ``cue``.

    "The Union, which Sweden joined in 1995, has 27 members": "joined" and its year say
    something about the Union, not how its 27 members came about. An adverbial clause is
    different: "when it was founded, NATO had 12 members" dates the count.
    """
    token = cue
    while token.i != pred.i and token.head.i != token.i:
        if token.dep_ in {"relcl", "acl"}:
            return token
        token = token.head
    return None


def joined_clauses(cue: Any, pred: Any) -> bool:
    """Whether ``cue`` and ``pred`` head two coordinated clauses of one subject.

    "NATO was founded in 1949 with 12 members and had 29 members in 2019": "had" counts the
    29; "founded" and its year belong to the first clause, not to that count.
    """
    if cue.i == pred.i or not is_verb(cue) or not is_verb(pred):
        return False
    for low, high in ((pred, cue), (cue, pred)):
        token = low
        while token.dep_ == "conj" and token.head.i != token.i:
            token = token.head
            if token.i == high.i:
                return True
    return False


SUBORDINATE_DEPS = frozenset({"advcl", "ccomp", "relcl", "acl", "csubj", "pcomp", "xcomp"})


def subordinate_clause(cue: Any, pred: Any) -> Any | None:
    """The clause under ``pred`` that ``cue`` heads or sits in, if it is not ``pred``'s own.

    "NATO has 32 members after Sweden joined in 2024": "has" counts the members; "joined"
    heads a clause of its own under it, and neither its relation nor its year is the count's.
    """
    if cue.i == pred.i or not is_verb(cue):
        return None
    token = cue
    for _ in range(50):
        if token.head.i == token.i:
            return None
        if token.dep_ in SUBORDINATE_DEPS:
            if _same_subject(token, pred):
                return None  # "had 8 members when it was founded": the clause is its own
            node = token.head
            while node.head.i != node.i and node.i != pred.i:
                node = node.head
            return token if node.i == pred.i else None
        token = token.head
        if token.i == pred.i:
            return None
    return None


def _same_subject(clause: Any, pred: Any) -> bool:
    """Whether a clause under ``pred`` is about ``pred``'s subject ("when *it* was founded")."""
    subjects = [c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}]
    own = [c for c in pred.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if not subjects:
        return False
    subject = subjects[0]
    return (subject.pos_ == "PRON" and subject.lower_ in {"it", "they"}) or any(
        subject.lower_ == o.lower_ for o in own
    )


def _depth(token: Any) -> int:
    depth = 0
    while token.head.i != token.i and depth < 50:
        token, depth = token.head, depth + 1
    return depth


def span_head(tokens: Sequence[Any]) -> Any:
    """The syntactic head of a span.

    Of the tokens whose head lies outside the span, the one nearest the root (the last of
    them on a tie: "The New START" -> START).
    """
    inside = {t.i for t in tokens}
    outside = [t for t in tokens if t.head.i not in inside or t.head.i == t.i]
    if not outside:
        return tokens[0] if tokens else None
    best = min(_depth(t) for t in outside)
    return [t for t in outside if _depth(t) == best][-1]


_LEFT_FROM = frozenset({"from", "of"})
"""Prepositions that name what was left: "withdrew from NATO", "pulled out of an accord"."""
_BODY_NOUNS = frozenset(
    {"alliance", "bloc", "union", "pact", "organisation", "organization", "treaty"}
    | {"community", "commonwealth", "group", "accord", "agreement", "convention"}
)
"""Nouns an organisation's name may modify and still name it ("the NATO alliance")."""


def not_left(pred: Any, head: Any) -> str | None:
    """Why a withdrawal verb does not say its subject left the organisation ``head`` names.

    "Malta withdrew its membership application", "withdrew troops from NATO command" and
    "withdrew its ambassador to NATO" withdraw something else: the organisation must be what
    the subject withdrew from (or, for "left" and "quit", their object), not a word
    describing another noun ("NATO command", "EU membership application").
    """
    if not is_verb(pred):
        return None
    dobj = next((c for c in pred.children if c.dep_ == "dobj"), None)
    name = head
    if head.dep_ == "compound" and head.head.lower_ not in _BODY_NOUNS:
        return f"“{head.text}” describes “{head.head.text}”, which is what was withdrawn from"
    if name.dep_ == "compound":
        name = head.head
    if dobj is not None and dobj.i == name.i and pred.lemma_ != "withdraw":
        return None  # "Britain left the European Union"
    if dobj is not None:
        return f"what “{pred.text}” withdrew is “{dobj.text}”, not its subject's membership"
    if name.dep_ != "pobj" or name.head.lower_ not in _LEFT_FROM:
        return f"“{name.text}” is not what “{pred.text}” says was left"
    return None


def negates(tokens: Sequence[Any], pred: Any, cue: Any, obj: Any | None) -> bool | None:
    """Whether a negation the parse marks applies to the claim's predicate or its object.

    "Cyprus is an EU member but not in NATO": the "not" hangs from "in NATO", so it denies
    a membership of NATO, not the one of the EU. A negation counts when it hangs from the
    predicate, the relation word, an adverb of the predicate ("no longer"), or a phrase on
    the way from the predicate to the claim's object. None when the parse marks none.
    """
    negations = [t for t in tokens if t.dep_ == "neg"]
    if not negations:
        return None
    path: set[int] = set()
    node = obj
    for _ in range(50):
        if node is None or node.i == pred.i or node.head.i == node.i:
            break
        path.add(node.i)
        node = node.head
    for negation in negations:
        contrasted = contrasted_by(negation)
        if contrasted is not None:
            # "a member of the CSTO, not NATO": only the contrasted name is denied
            if obj is not None and contrasted.i == obj.i:
                return True
            continue
        head = negation.head
        if head.i in {pred.i, cue.i} or head.i in path:
            return True
        if head.dep_ in {"advmod", "aux", "auxpass"} and head.head.i == pred.i:
            return True
    return False


def contrasted_by(negation: Any) -> Any | None:
    """The name a "not" after a comma or "but" sets against another, or None.

    "Belarus is a member of the CSTO, not NATO", "the EU but not NATO": the negation denies
    the second name, however the parser hangs it, not the clause the first one is in.
    """
    doc = negation.doc
    if negation.i == 0 or doc[negation.i - 1].lower_ not in {",", "but", ";"}:
        return None
    following = negation.i + 1
    while following < len(doc) and doc[following].dep_ == "det":
        following += 1
    if following >= len(doc):
        return None
    name = doc[following]
    if name.pos_ in {"NOUN", "PROPN"} and name.dep_ in {"appos", "conj", "npadvmod", "dobj"}:
        return name
    return None


def doers(pred: Any) -> list[Any]:
    """The tokens naming who does what ``pred`` says, with the names listed with them.

    The verb's subject (a first verb's, for a verb joined to it by "and"), a passive's
    agent ("signed *by* the US and the USSR"), or the noun a relative
    clause describes ("Russia, which signed ...").
    """
    verbs = [pred, pred.head] if pred.dep_ == "conj" and is_verb(pred.head) else [pred]
    heads = [c for v in verbs for c in v.children if c.dep_ == "nsubj"]
    heads += [c for a in pred.children if a.dep_ == "agent" for c in a.children if c.dep_ == "pobj"]
    if pred.dep_ == "relcl":
        heads.append(pred.head)
    found = []
    for head in heads:
        found.append(head)
        for token in head.subtree:
            first = token
            while first.dep_ == "conj" and first.head.i != first.i:
                first = first.head
            if token.i != head.i and first.i == head.i:
                found.append(token)  # "Finland *and Sweden* applied": each joined subject
    return found


def noun_cue_elsewhere(cue: Any, pred: Any, noun: Any) -> bool:
    """Whether a relation noun hangs from something other than the count's verb or noun.

    "NATO had 12 members at its founding" and "its 12 founding members" tie "founding" to
    the count; in "NATO has 32 members, up from 12 at its founding" it hangs from the
    other figure ("up from 12"), so the total is not a count of founders.
    """
    if cue.pos_ not in {"NOUN", "PROPN"} or is_verb(pred) is False or cue.i in {pred.i, noun.i}:
        return False
    node = cue
    for _ in range(8):
        if node.head.i == node.i:
            return True
        node = node.head
        if node.i in {pred.i, noun.i}:
            return False
        if node.pos_ != "ADP":
            return True
    return True
