"""What marks speech in a text: speech verbs, direct quotations, and who speaks them.

Shared by :mod:`parallax.actors.quotes` (who is quoted saying what) and
:mod:`parallax.actors.coreference` (inside a speaker's own words "he" is somebody else).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

SPEECH_VERBS = frozenset(
    {
        "say",
        "tell",
        "claim",
        "warn",
        "argue",
        "state",
        "insist",
        "announce",
        "declare",
        "deny",
        "add",
        "note",
        "stress",
        "assert",
        "allege",
        "promise",
        "pledge",
        "vow",
        "threaten",
        "admit",
        "explain",
        "write",
        "report",
        "suggest",
        "believe",
        "accuse",
        "urge",
        "demand",
        "predict",
        "acknowledge",
        "confirm",
        "reply",
        "respond",
        "emphasise",
        "emphasize",
        "caution",
        "maintain",
        "contend",
        "proclaim",
        "remark",
    }
)
"""Lemmas of verbs that introduce speech or a stated position."""

CHARACTERISING_VERBS = frozenset({"call", "describe", "label", "brand", "dub", "term", "deride"})
"""Verbs that give what someone is called in the speaker's own words ("described the law as
"a power grab"", "called the plan "reckless""): a quotation in their object is the
subject's words, though they report no clause as the speech verbs do."""

JUDGING_AS_VERBS = frozenset(
    {"attack", "assail", "bash", "blast", "hammer", "hit", "lash", "slam", "savage"}
    | {"criticise", "criticize", "condemn", "denounce", "decry", "deride", "dismiss"}
    | {"praise", "hail", "laud", "tout", "reject"}
)
"""Verbs of criticism or praise that characterise their object in the subject's words when
"as" brings a quotation ("blasted the package as "another blank check"", "hailed the deal
as "historic""), as the verbs of calling do."""

QUOTE = re.compile(r"\u201c([^\u201c\u201d]{1,2000}?)\u201d|\"([^\"]{1,2000}?)\"", re.S)


_ANY_QUOTE = re.compile(r"[\"\u201c]([^\"\u201c\u201d\n]{1,2000}?)[\"\u201d]")
"""A quotation inside one paragraph, its marks straight or curly in any mix."""


def quote_spans(text: str) -> list[tuple[int, int]]:
    """The character spans of the direct quotations of ``text``, quote marks included.

    Marks are paired within a paragraph only, and a straight mark pairs with a curly one:
    pages mix them ("... said. “It went ..." after a straight quote), and an unclosed mark
    must not shift every later pair by one.
    """
    spans: list[tuple[int, int]] = []
    offset = 0
    for paragraph in text.split("\n"):
        spans += [
            (offset + a, offset + b) for a, b in (m.span() for m in _ANY_QUOTE.finditer(paragraph))
        ]
        offset += len(paragraph) + 1
    return spans


def quote_speakers(
    doc: Any,
    span: tuple[int, int],
    spans: list[tuple[int, int]],
    actor_of: Callable[[Any], str | None],
) -> set[str]:
    """The actors who speak the quotation at ``span``, as far as the text says.

    The speaker is the subject of a speech verb outside every quotation, in the sentences the
    quotation touches ("I won," she said); failing that, in the sentence just before or after
    it in the same paragraph, where a quotation resumes after its attribution
    ("..." she said. "And then ..."). ``actor_of`` maps a subject token to its actor.
    """
    text = doc.text
    first = doc.char_span(span[0], span[0] + 1, alignment_mode="expand")
    last = doc.char_span(span[1] - 1, span[1], alignment_mode="expand")
    if first is None or last is None:
        return set()
    opening, closing = first[0].sent, last[-1].sent
    found = _speakers(doc[opening.start : closing.end], spans, actor_of)
    if found:
        return found
    for neighbour in (opening.start - 1, closing.end):
        if not 0 <= neighbour < len(doc):
            continue
        sentence = doc[neighbour].sent
        if neighbour < opening.start:
            gap = text[sentence.end_char : span[0]]
        else:
            gap = text[span[1] : sentence.start_char]
        if "\n" not in gap:  # a new paragraph may be somebody else's words
            found |= _speakers(sentence, spans, actor_of)
    return found


def _speakers(
    scope: Any, spans: list[tuple[int, int]], actor_of: Callable[[Any], str | None]
) -> set[str]:
    found: set[str] = set()
    for token in scope:
        if token.pos_ != "VERB" or token.lemma_.lower() not in SPEECH_VERBS:
            continue
        if any(a <= token.idx < b for a, b in spans):
            continue
        for child in token.children:
            if child.dep_ == "nsubj" and (actor := actor_of(child)) is not None:
                found.add(actor)
    return found
