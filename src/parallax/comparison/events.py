"""The events a sentence states: who did what to whom, on which day, on whose word.

Two outlets often tell one fact in other words ("the governor said on Tuesday that forty
people were missing" against "forty residents are unaccounted for, the governor told
reporters on Tuesday"), and the sentence encoder scores such pairs below a paraphrase
(cosines of 0.65 to 0.8) while it scores some related but different statements as high. What
ties two such sentences to one fact, beyond closeness of meaning, is their structure, read
here from the dependency parse (:class:`Reading`):

- **actors**: the names of the subjects of the sentence's main clauses (the root, the
  clause it reports, clauses joined to it), the agent of a passive included; a pronoun or an
  unnamed noun ("the official") names nobody;
- **speakers**: the names of the root's own subject ("*the newspaper* reported that X",
  "*X* said"): the same words said by another source are another statement;
- **days**: the days of the week the sentence names ("on Friday");
- **events**: each clause as an action (the verb's lemma; verbs of saying and light verbs
  make none) with its named doer and the names or nouns it acts on (:class:`Event`);
- **negated**: whether the root is negated.

:func:`same_event` says why two close sentences report one event: a named actor of the main
clauses in both, and either the same day named or the same action by that actor on the same
thing, with nothing against it (other days, other speakers, one negated and one not).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from parallax.datelines import without_dateline
from parallax.temporal.grammar import WEEKDAYS

_SAYING_WORDS = (
    "say tell add note state claim argue insist write report announce explain ask reply"
    " respond warn suggest contend acknowledge"
)
SAYING = frozenset(_SAYING_WORDS.split())
"""Verbs of saying: the reported clause below them carries the fact, not the verb."""
_LIGHT_WORDS = "be have do get make take go come give put let become seem"
LIGHT = frozenset(_LIGHT_WORDS.split())
"""Verbs too general to say which action a clause reports."""
SUBJECTS = frozenset({"nsubj", "nsubjpass"})
OBJECTS = frozenset({"dobj", "attr", "oprd", "dative"})
NAME_DEPS = frozenset({"compound", "flat"})
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "LAW"})
_TITLE_WORDS = "mr. mrs. ms. dr. rep. sen. gov. gen. president senator governor"
TITLES = frozenset(_TITLE_WORDS.split())
"""Titles that come with a name and tell nothing about who it is ("Mr. Obama")."""
DAYS = frozenset(day for day in WEEKDAYS if day.endswith("day"))
"""The days of the week written in full (the time grammar's, without "Mon", "Sun")."""
MAIN_CLAUSES = frozenset({"ccomp", "conj", "advcl"})
"""Clauses under the root that carry the sentence's main statement with it."""


@dataclass(frozen=True)
class Event:
    """One clause of a sentence as an action with its doer and undergoer.

    Attributes:
        action: the lemma of the clause's verb.
        doer: the lowercased names the subject (or agent) refers to; empty when unknown.
        undergoer: the lowercased names or content lemmas of its object.
        negated: whether the clause carries a negation.
    """

    action: str
    doer: frozenset[str]
    undergoer: frozenset[str]
    negated: bool

    def matches(self, other: Event) -> bool:
        """Whether both clauses report one action of one named doer on one thing."""
        return bool(
            self.action == other.action
            and self.doer & other.doer
            and self.undergoer & other.undergoer
            and self.negated == other.negated
        )


def _names(token: Any) -> frozenset[str]:
    """The names a noun phrase's head refers to (its own and its compounds'), lowercased.

    Only words inside a named entity count: a pronoun or a common noun without a name is
    unknown (empty), "he" and "the official" could be anyone, and a title ("Minority
    Leader") is shared by different people.
    """
    if token.pos_ == "PRON":
        return frozenset()
    words = [token, *(c for c in token.children if c.dep_ in NAME_DEPS)]
    names = {str(w.text).lower().removesuffix("'s") for w in words if w.ent_type_ in NAME_LABELS}
    if not names - TITLES:
        for owner in (c for c in token.children if c.dep_ == "poss"):
            names |= _names(owner)
    return frozenset(names - TITLES)


def _content(token: Any) -> frozenset[str]:
    """The names or, failing names, the content lemma of an object's head."""
    names = _names(token)
    if names:
        return names
    if token.pos_ in {"NOUN", "NUM"}:
        return frozenset({str(token.lemma_).lower()})
    return frozenset()


def _doer(verb: Any) -> frozenset[str]:
    for child in verb.children:
        if child.dep_ == "nsubj":
            return _names(child)
        if child.dep_ == "agent":
            inner = next((g for g in child.children if g.dep_ == "pobj"), None)
            if inner is not None:
                return _names(inner)
    if verb.dep_ in {"conj", "xcomp", "advcl"} and verb.head.i != verb.i:
        return _doer(verb.head)
    return frozenset()


def _undergoer(verb: Any) -> frozenset[str]:
    found: set[str] = set()
    for child in verb.children:
        if child.dep_ in OBJECTS or child.dep_ == "nsubjpass":
            found |= _content(child)
        elif child.dep_ == "prep":
            inner = next((g for g in child.children if g.dep_ == "pobj"), None)
            if inner is not None:
                found |= _content(inner)
    return frozenset(found)


def events(doc: Any) -> list[Event]:
    """The events of one parsed sentence (a spaCy ``Doc`` or ``Span``)."""
    found = []
    for token in doc:
        if token.pos_ != "VERB":
            continue
        lemma = str(token.lemma_).lower()
        if lemma in SAYING or lemma in LIGHT:
            continue
        doer = _doer(token)
        undergoer = _undergoer(token) - doer
        if not doer or not undergoer:
            continue
        negated = any(c.dep_ == "neg" for c in token.children)
        found.append(Event(lemma, doer, undergoer, negated))
    return found


@dataclass(frozen=True)
class Reading:
    """What a sentence says happened, as far as two sentences are compared on it."""

    actors: frozenset[str]
    speakers: frozenset[str]
    days: frozenset[str]
    events: tuple[Event, ...]
    negated: bool
    written: tuple[str, ...] = ()
    """The words of the sentence's names as written, in order (to show a reader)."""

    def shown(self, names: frozenset[str]) -> str:
        """``names`` as the sentence writes them ("Olena Marchuk", not "marchuk olena")."""
        seen: list[str] = []
        for word in self.written:
            if word.lower().removesuffix("'s") in names and word not in seen:
                seen.append(word)
        return " ".join(seen) or " ".join(sorted(names))


def _subject_names(verb: Any) -> frozenset[str]:
    """The names of a verb's subjects, those joined by "and" included ("X and Y met")."""
    found: set[str] = set()
    for child in verb.children:
        if child.dep_ in SUBJECTS:
            found |= _names(child)
            found |= {n for c in child.children if c.dep_ == "conj" for n in _names(c)}
        elif child.dep_ == "agent":
            found |= {n for g in child.children if g.dep_ == "pobj" for n in _names(g)}
    return frozenset(found)


def read(doc: Any) -> Reading:
    """The actors, speakers, days, events and negation of one parsed sentence."""
    roots = [t for t in doc if t.dep_ == "ROOT"]
    clauses = [*roots, *(c for r in roots for c in r.children if c.dep_ in MAIN_CLAUSES)]
    return Reading(
        actors=frozenset(n for clause in clauses for n in _subject_names(clause)),
        speakers=frozenset(n for root in roots for n in _subject_names(root)),
        days=frozenset(t.lower_ for t in doc if t.lower_ in DAYS),
        events=tuple(events(doc)),
        negated=any(c.dep_ == "neg" for r in roots for c in r.children),
        written=tuple(t.text for t in doc if t.ent_type_ in NAME_LABELS),
    )


def same_event(first: Reading, second: Reading) -> str | None:
    """Why two sentences close in meaning report one event, or None.

    A named actor of both main clauses, and the same day named or the same action of that
    actor on the same thing. Withheld when the days named differ, when both name who speaks
    and nobody is the same (a newspaper's report against the organisation's own statement
    are two statements), or when one root is negated and the other not.
    """
    actors = first.actors & second.actors
    if not actors or first.negated != second.negated:
        return None
    if first.days and second.days and not first.days & second.days:
        return None
    if first.speakers and second.speakers and not first.speakers & second.speakers:
        return None
    who = first.shown(actors)
    days = first.days & second.days
    if days:
        return f"{who}, on {' and '.join(d.capitalize() for d in sorted(days))}"
    for event in first.events:
        for other in second.events:
            if event.matches(other) and event.doer & actors:
                what = first.shown(event.undergoer & other.undergoer)
                return f"{who}: {event.action} ({what})"
    return None


@lru_cache(maxsize=1)
def _parser() -> Any:
    from parallax.spacy_model import load_spacy

    return load_spacy()


def parse_readings(texts: Sequence[str]) -> list[Reading]:
    """The reading of each text, parsing them in one batch with the shared spaCy model."""
    return [read(doc) for doc in _parser().pipe([without_dateline(t) for t in texts])]
