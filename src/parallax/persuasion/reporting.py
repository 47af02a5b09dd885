"""Verbs that report what someone said, which carry no loaded language of the writer's.

A news report tells who said what: "the union threatened to walk away from the talks",
"the mayor vowed to appeal", "the bank warned that growth would slow". The speech verb
names the act the speaker performed (a threat, a vow, a warning) and frames the words it
introduces; whatever judgement there is lies in those words, which are the speaker's
(:mod:`parallax.persuasion.voices`). The loaded-language head, trained on BASIL's
political reports, sometimes scores such a verb highest in a lede ("threatened" in a
wire lede, where the sentence's position lifted it over the threshold), and a reader
shown "threatened" as the outlet's loaded language learns to distrust the flag.

A verb is reporting here when its lemma is a speech verb
(:data:`parallax.actors.speech.SPEECH_VERBS`, the verbs that introduce speech or a stated
position) and it has the complement that carries what was said: a clause ("warned that
...", "said it would ..."), or an infinitive ("threatened to walk away", "vowed to
appeal", parsed as an open complement or, in a long sentence, an adverbial clause with
"to"). A speech verb with no such complement names an act of the writer's telling, not a
report ("threatened the reporter"), and keeps its reading; vivid verbs of criticism
("blasted", "slammed") are not speech verbs and keep theirs. On BASIL 13 of 2,857 speech
verbs lie inside a lexical-bias span (2026-12-06), so the words this leaves unflagged are
almost never the ones annotators called loaded.
"""

from __future__ import annotations

from typing import Any

from parallax.actors.speech import SPEECH_VERBS
from parallax.persuasion.literal import literal_spans
from parallax.place_gazetteer import AREA_NOUNS

CLAUSE_DEPS = frozenset({"ccomp", "xcomp"})


def reporting_spans(span: Any) -> list[tuple[int, int]]:
    """Character spans (in the span's document) of the speech verbs that report (see module)."""
    return [
        (token.idx, token.idx + len(token.text))
        for token in span
        if token.pos_ == "VERB"
        and token.lemma_.lower() in SPEECH_VERBS
        and any(_reported(child) for child in token.children)
    ]


def _reported(child: Any) -> bool:
    """Whether a verb's dependent is the clause or infinitive that carries what was said."""
    if child.dep_ in CLAUSE_DEPS:
        return True
    # "threatened on Friday to walk away": the parser may hang a distant infinitive as an
    # adverbial clause; its "to" marks it as the verb's complement all the same.
    return child.dep_ == "advcl" and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in child.children
    )


def speaker_tokens(span: Any) -> frozenset[int]:
    """Indices of the words naming whom a sentence attributes what it reports to.

    That is the subject of a speech verb that reports (:func:`reporting_spans`: "the data
    centre said", "officials told reporters") and the one after "according to". The source
    vouches for the words and is not what they judge: "sea ice shrank to a record low,
    the data centre said" judges no one, and its vivid verb gives the size of an event.
    """
    found: set[int] = set()
    for token in span:
        if token.pos_ == "VERB" and token.lemma_.lower() in SPEECH_VERBS:
            if any(_reported(child) for child in token.children):
                for child in token.children:
                    if child.dep_ in {"nsubj", "nsubjpass"}:
                        found.update(t.i for t in child.subtree)
        elif token.lower_ == "according" and token.dep_ == "prep":
            for to in token.children:
                if to.lower_ == "to":
                    found.update(t.i for c in to.children if c.dep_ == "pobj" for t in c.subtree)
    return frozenset(found)


NAME_LABELS = frozenset({"PERSON", "GPE", "LOC", "FAC"})
"""Entity types whose words only name someone or somewhere: a person's or a place's name."""


def name_spans(span: Any) -> list[tuple[int, int]]:
    """Character spans of the words of people's and places' names ("Oleh", "Odesa").

    A name says who or where, not how the writer judges them; the loaded-language head
    sometimes scores a lede's name highest ("regional governor Oleh Kiper said"). Names of
    groups and bodies ("Nazis", "the Death Panel Committee") can carry a judgement and are
    not among them.
    """
    return [
        (token.idx, token.idx + len(token.text))
        for token in span
        if token.pos_ == "PROPN" and (token.ent_type_ in NAME_LABELS or _names_an_area(token))
    ]


def _names_an_area(token: Any) -> bool:
    """Whether a proper noun names the area its head is: "in Russia's Belgorod region".

    The tagger types an unfamiliar region's name as a people (NORP) or as nothing at all;
    the noun for an area it is set before says it is a place's name.
    """
    return bool(token.dep_ == "compound" and token.head.lemma_.lower() in AREA_NOUNS)


LEGAL_VERBS = frozenset(
    {"convict", "acquit", "charge", "indict", "prosecute", "sentence", "jail", "arrest"}
    | {"suspect", "sue", "plead"}
)
"""Verbs of a legal process whose "of", "with", "for", "on" or "to" names the offence
("convicted of embezzling", "charged with fraud", "pleaded guilty to bribery")."""
OFFENCE_PREPOSITIONS = frozenset({"of", "with", "for", "on", "to"})
VERDICTS = frozenset({"guilty", "liable"})
"""Adjectives of a verdict: "found guilty of", "pleaded guilty to", "held liable for"."""
COUNTS = frozenset({"count", "charge"})


def charge_spans(span: Any) -> list[tuple[int, int]]:
    """Character spans of the offences a legal process names (see :data:`LEGAL_VERBS`).

    "A jury convicted him of *embezzling* $2 million", "charged with *wire fraud*", "found
    guilty on 14 counts of *money laundering*": the offence is the charge's legal name, what
    the court or the prosecutor holds, not a word the writer chose to colour anyone, and the
    loaded-language head, which lifts a lede's words, had shown "embezzling" in a wire lede.
    Only the offence's own word and its compounds are covered; an adjective the writer put
    on it ("a brutal attack") keeps its reading.
    """
    found: list[tuple[int, int]] = []
    for token in span:
        lemma = token.lemma_.lower()
        legal = token.pos_ == "VERB" and (
            lemma in LEGAL_VERBS
            or (lemma == "find" and any(c.lower_ in VERDICTS for c in token.children))
        )
        if not (legal or token.lower_ in VERDICTS):
            continue
        for preposition in token.children:
            if preposition.dep_ != "prep" or preposition.lower_ not in OFFENCE_PREPOSITIONS:
                continue
            for offence in preposition.children:
                if offence.dep_ in {"pobj", "pcomp"}:
                    found += _offence_words(offence)
    return found


def _offence_words(offence: Any) -> list[tuple[int, int]]:
    """The offence's word and its compounds, through "counts of" and "charges of"."""
    if offence.lemma_.lower() in COUNTS:
        return [
            words
            for preposition in offence.children
            if preposition.dep_ == "prep" and preposition.lower_ == "of"
            for inner in preposition.children
            if inner.dep_ in {"pobj", "pcomp"}
            for words in _offence_words(inner)
        ]
    tokens = [offence, *(c for c in offence.children if c.dep_ == "compound")]
    return [(t.idx, t.idx + len(t.text)) for t in tokens]


def plain_spans(span: Any) -> list[tuple[int, int]]:
    """Words the writer tells plainly: attack told literally, speech verbs that report, names.

    :func:`parallax.persuasion.literal.literal_spans`, :func:`reporting_spans`,
    :func:`name_spans` and :func:`charge_spans`, sorted; no loaded-language span is shown on
    them.
    """
    return sorted(
        set(literal_spans(span))
        | set(reporting_spans(span))
        | set(name_spans(span))
        | set(charge_spans(span))
    )
