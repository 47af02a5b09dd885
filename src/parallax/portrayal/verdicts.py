"""Verdicts: what a sentence says an actor *is*, in words that judge, as the writer's view.

The target-sentiment model reads the tone of a whole sentence towards an actor, and in news
that tone is mostly the tone of what happened. A construction that says what the actor is
carries a judgement of the actor itself, whatever happened (the grammar of evaluation:
predication):

* a copula ("be", "become", "remain") with the actor, or something of the actor's, as its
  subject and a noun as its complement, which the valence lexicon rates strongly or whose
  modifier it does: "Germany is the worst offender", "Her bill is a disgrace", "Mayor
  Varga was a hero of the flood". Saying what kind of thing the actor is classifies it;
  an adjective ("the senator was furious", "the mayor is confident", "three were dead")
  mostly tells a state the actor is in, which is news, not a judgement, and is left out,
  as is a quality owned, often one suffered ("the villagers' misery");
* a demonstrative standing for what the sentence before told, judged the same way: "Brandt
  spent weeks refusing to negotiate. That is a cynical bet." judges the doer of the told
  deed, the subject of the sentence before, and is counted with that sentence.

A negation or a negating adverb on the complement turns the verdict round ("is no hero",
"was never a success"). Each verdict is a signed valence per (actor, sentence); the
portrayal step takes it as the article's own judgement only where the model's reading of
the same sentence agrees (:func:`parallax.portrayal.roles.portray`). What sits inside a
quotation is the quoted source's, as everywhere in portrayal.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from parallax.portrayal.actions import lexicon

VERDICT_VALENCE = 1.5
"""How strongly the lexicon must rate the judging word (its scale runs from -4 to 4)."""
COPULAS = frozenset({"be", "become", "remain"})
"""Verbs that say what their subject is ("remains the worst offender", "has become a
disgrace"); "seem" and "prove" are left out, the parser giving their complement as an
object predicate or an object, which other verbs' objects share."""
DEMONSTRATIVES = frozenset({"that", "this"})
NEGATING = frozenset({"not", "no", "never", "hardly", "scarcely", "barely", "n't", "nothing"})
_COMPLEMENTS = frozenset({"attr"})


def rating(token: Any) -> float:
    """The lexicon's rating of a word, by its written form or its lemma; 0 when unrated."""
    table = lexicon()
    for form in (str(token.text).lower(), str(token.lemma_).lower()):
        if form in table:
            return table[form]
    return 0.0


def _strongest(tokens: Iterable[Any]) -> float:
    best = 0.0
    for token in tokens:
        value = rating(token)
        if abs(value) > abs(best):
            best = value
    return best


def _negated(*tokens: Any) -> bool:
    return any(
        child.dep_ == "neg" or str(child.lemma_).lower() in NEGATING
        for token in tokens
        for child in token.children
        if child.dep_ in {"neg", "advmod", "det"}
    )


def complement_verdict(subject: Any) -> float:
    """The signed rating of what a copula says its ``subject`` token is; 0 when none.

    The complement's own rating or, when it has none strong enough, its strongest modifier's
    ("a cynical bet"); turned round under negation ("is no hero").
    """
    verb = subject.head
    if subject.dep_ not in {"nsubj", "nsubjpass"} or str(verb.lemma_).lower() not in COPULAS:
        return 0.0
    for complement in verb.children:
        if complement.dep_ not in _COMPLEMENTS:
            continue
        value = rating(complement)
        if abs(value) < VERDICT_VALENCE:
            value = _strongest(c for c in complement.children if c.dep_ in {"amod", "advmod"})
        if abs(value) >= VERDICT_VALENCE:
            return -value if _negated(complement, verb) else value
    return 0.0


def verdict_on(token: Any) -> float:
    """The signed verdict a sentence passes on the actor whose mention's head is ``token``."""
    value = complement_verdict(token)
    if not value and token.dep_ == "poss":
        value = complement_verdict(token.head)  # "Her bill is a disgrace"
    return value


def verdicts(doc: Any, actors: Sequence[Mapping[str, Any]]) -> dict[tuple[str, str], float]:
    """(actor id, sentence id) -> the signed valence of a verdict passed on the actor there.

    ``doc`` is the spaCy parse of the article text the mentions' offsets point into. Where
    one sentence passes several verdicts on an actor, the strongest counts.
    """
    found: dict[tuple[str, str], float] = {}
    if doc is None:
        return found
    heads: dict[int, tuple[str, str]] = {}
    for actor in actors:
        for mention in actor.get("mentions", []):
            start, end = int(mention["start"]), int(mention["end"])
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None or not len(span):
                continue
            key = (str(actor["id"]), str(mention.get("sentence_id")))
            heads[span.root.i] = key
            _keep(found, key, verdict_on(span.root))
    before = None
    for sentence in doc.sents:
        value = _demonstrative_verdict(sentence)
        if value and before is not None:
            for token in before:
                if token.dep_ in {"nsubj", "nsubjpass"} and token.head == before.root:
                    _keep(found, heads.get(token.i, ("", "")), value)
        before = sentence
    return found


def _demonstrative_verdict(sentence: Any) -> float:
    """The verdict a sentence opening "That is ..." or "This was ..." passes, 0 if none."""
    for token in sentence:
        if (
            token.dep_ == "nsubj"
            and str(token.lower_) in DEMONSTRATIVES
            and token.head == sentence.root
            and not list(token.children)
        ):
            return complement_verdict(token)
    return 0.0


def _keep(found: dict[tuple[str, str], float], key: tuple[str, str], value: float) -> None:
    if key[0] and value and abs(value) > abs(found.get(key, 0.0)):
        found[key] = value
