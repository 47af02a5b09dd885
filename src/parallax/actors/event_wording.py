"""How an event is worded in the report: the verb as written, its clause, its phrases.

The events layer finds who did what to whom in the parse; this module turns the tokens it
found into the short texts a reader sees ("pushed back", "signed the bill into law") and
the character spans that highlight them. Kept apart so the event rules stay readable.
"""

from __future__ import annotations

from typing import Any

from parallax.actors.datelines import after_dateline
from parallax.actors.speech import SPEECH_VERBS
from parallax.actors.subjects import stranded_speaker

MAX_TEXT = 240
"""The longest clause or phrase shown; longer ones end in an ellipsis."""


def direct_object(verb: Any) -> Any | None:
    """The verb's direct object token, if the parser found one."""
    return next((c for c in verb.children if c.dep_ == "dobj"), None)


PARTICLES = frozenset({"back", "out", "up", "down", "off", "away", "aside", "over", "apart"})
"""Adverbs that complete a phrasal verb: "pushed back", "pulled out", "brushed aside"."""


def _particles(verb: Any) -> list[Any]:
    """The particles of a phrasal verb, however the parser attached them.

    The parser marks some as particles (``prt``) and others as adverbs or even prepositions
    ("backed *out* of a deal"); without them the label names another act ("pushed"
    for "pushed back"). A preposition with its own object is not a particle, even one the
    parser marked so ("struck off Japan's coast"), nor is an
    adverb after a comma that says how a figure changed ("reached 4.2 million tonnes,
    down from 5.1 million").
    """
    return [
        child
        for child in verb.children
        if not any(g.dep_ == "pobj" for g in child.children)
        and (
            child.dep_ == "prt"
            or (
                child.dep_ in {"advmod", "prep"}
                and child.lower_ in PARTICLES
                and child.i > verb.i
                and not (child.i > 0 and child.doc[child.i - 1].is_punct)
            )
        )
    ]


def action_lemma(verb: Any) -> str:
    """The act as a lemma phrase ("not pull out"), so events compare across tenses."""
    words = [verb.lemma_.lower()]
    if any(c.dep_ == "neg" for c in verb.children):
        words.insert(0, "not")
    words += [c.lower_ for c in _particles(verb)]
    return " ".join(words)


def action_text(verb: Any) -> str:
    """The verb as written, with its auxiliaries, negation and particle ("was formed")."""
    words = [c for c in verb.children if c.dep_ in {"aux", "auxpass", "neg"} and c.i < verb.i]
    words += [verb, *_particles(verb)]
    head = verb.head
    if verb.dep_ == "xcomp" and head.pos_ == "VERB" and head.i < verb.i and not direct_object(head):
        # "failed to explain" is not "explained": the governing verb comes along.
        words += [c for c in head.children if c.dep_ in {"aux", "auxpass", "neg"} and c.i < head.i]
        words.append(head)
    return " ".join(t.text for t in sorted(words, key=lambda t: t.i))


def clause_text(verb: Any, sentence: tuple[int, int]) -> str:
    """The verb's clause inside its sentence, without a dateline, shortened for display."""
    start, end = sentence
    start = after_dateline(verb.doc, start)
    tokens = [t for t in verb.subtree if start <= t.i < end]
    if not tokens:
        return str(verb.doc[start:end].text)
    text = str(verb.doc[tokens[0].i : tokens[-1].i + 1].text).strip(" ,;:")
    return text if len(text) <= MAX_TEXT else text[: MAX_TEXT - 1].rstrip() + "\u2026"


NAME_TYPES = frozenset(
    {"PERSON", "NORP", "GPE", "ORG", "LOC", "FAC", "EVENT", "LAW", "PRODUCT", "LANGUAGE"}
)
"""Entity types of names, whose capital stays wherever they stand ("Russian", not "Last")."""


def reported_clause(verb: Any, sentence: tuple[int, int]) -> str | None:
    """The clause a verb of saying reports, shortened for display (None for other verbs).

    "Germany will send more aid, the chancellor said on Monday": the event dated Monday is
    the saying, and what makes it worth a timeline entry is what was said.
    """
    if verb.lemma_.lower() not in SPEECH_VERBS:
        return None
    clause = next((c for c in verb.children if c.dep_ == "ccomp"), None)
    if clause is None:
        return None
    speaker = stranded_speaker(verb)
    if speaker is not None and clause.left_edge.i < speaker.left_edge.i <= clause.right_edge.i:
        # "..., killing four people, governor Ann Hale said": she is no part of what she said
        sentence = (sentence[0], speaker.left_edge.i)
    text = clause_text(clause, sentence)
    first = clause.doc[clause.left_edge.i]
    named = first.pos_ == "PROPN" or first.ent_type_ in NAME_TYPES  # "Russian forces"
    if not named and first.text != "I" and text[:1] == first.text[:1]:
        text = text[:1].lower() + text[1:]  # "said the government will ...", mid-sentence
    return text


def is_time(token: Any) -> bool:
    """Whether a noun is a time ("Tuesday", "last week"), not a participant."""
    return bool(token.ent_type_ in {"DATE", "TIME"})


def _dates(preposition: Any) -> bool:
    """Whether a preposition's object is a time ("on Thursday", "in March")."""
    return any(g.dep_ == "pobj" and is_time(g) for g in preposition.children)


def phrase_of(token: Any | None) -> str | None:
    """The phrase a token heads, up to a relative clause after it.

    It is widened so that it never ends inside a hyphenated word.
    """
    if token is None:
        return None
    doc = token.doc
    end = token.right_edge.i + 1
    for child in token.rights:
        if child.dep_ == "relcl":
            # "the war machine, which rolled across ...": the clause is not the name.
            end = child.left_edge.i
            while end > token.i + 1 and doc[end - 1].is_punct:
                end -= 1
            break
    else:
        # "Peace talks in Istanbul, which resumed ...": a clause set off by a comma on a
        # noun inside the phrase ends it too.
        for inner in token.subtree:
            if inner.dep_ == "relcl" and inner.head.i > token.i:
                left = inner.left_edge.i
                if left > token.i + 1 and doc[left - 1].text == ",":
                    end = min(end, left - 1)
    for child in reversed(list(token.rights)):
        if child.dep_ == "prep" and child.right_edge.i + 1 >= end and _dates(child):
            # "A federal jury on Thursday convicted ...": the parser hung the clause's time
            # on the subject; the When column gives it.
            end = child.left_edge.i
        break
    if token.i < token.head.i < end:
        # "Its emissions fell by 8%, the steepest drop in decades": an apposition the
        # parser hung on the subject past its verb is not the subject's phrase.
        end = token.head.i
        while end > token.i + 1 and doc[end - 1].is_punct:
            end -= 1
    while (
        end < len(doc)
        and not doc[end - 1].whitespace_
        and "-" in {doc[end - 1].text, doc[end].text}
    ):
        end += 1
    start = min(after_dateline(doc, token.left_edge.i), token.i)
    if _unpaired(doc[start:end]):
        # A quotation mark whose partner lies outside the phrase opens or closes a
        # quotation beside it ("called the ruling "a gift to ..."": the phrase is "the
        # ruling", not 'the ruling "a gift to').
        after = [t.i for t in doc[token.i + 1 : end] if t.text in QUOTE_MARKS]
        before = [t.i for t in doc[start : token.i] if t.text in QUOTE_MARKS]
        if after:
            end = after[0]
        elif before:
            start = before[-1] + 1
    while end > token.i + 1 and doc[end - 1].text in TRAILING_MARKS:
        end -= 1  # "A previous swap, in August, returned ...": the comma closes no phrase
    return str(doc[start:end].text)[:MAX_TEXT]


TRAILING_MARKS = frozenset({",", ";", ":", "\u2014", "\u2013", "-", "--"})


QUOTE_MARKS = frozenset({'"', "\u201c", "\u201d", "''", "``"})


def _unpaired(span: Any) -> bool:
    """Whether a span holds an odd number of quotation marks."""
    return sum(t.text in QUOTE_MARKS for t in span) % 2 == 1


GOAL_PREPS = frozenset({"to", "into", "onto"})


def with_goal(token: Any | None, phrase: str | None) -> str | None:
    """A direct object's phrase with the goal the verb moves it to.

    "Brought the world *to the brink*", "signed the bill *into law*": without the goal the
    phrase names another act.
    """
    if token is None or phrase is None or token.dep_ != "dobj":
        return phrase
    goal = next(
        (
            c
            for c in token.head.children
            if c.dep_ == "prep"
            and c.lower_ in GOAL_PREPS
            and c.i == token.right_edge.i + 1
            and any(g.dep_ == "pobj" for g in c.children)
        ),
        None,
    )
    if goal is None:
        return phrase
    place = next(g for g in goal.children if g.dep_ == "pobj")
    return f"{phrase} {goal.text} {phrase_of(place)}"[:MAX_TEXT]


def char_span_of(token: Any | None) -> list[int] | None:
    """The token's character offsets in the article, for highlighting."""
    if token is None:
        return None
    return [token.idx, token.idx + len(token.text)]
