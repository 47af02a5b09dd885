"""Whose voice a technique is in: the article's own, or a speaker it quotes.

A loaded word inside a quotation is the quoted speaker's choice, not the outlet's; readers
and comparisons of outlets need the two apart. The quotes layer (:mod:`parallax.actors.quotes`)
gives each direct and reported quotation its character range and speaker; a technique whose
span lies inside one belongs to that speaker.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from parallax.record import QuotedTechniques, TechniqueRecord, TechniquesByVoice

OWN = "own"
QUOTED = "quoted"


def attribute(technique: TechniqueRecord, quotes: Sequence[Any]) -> TechniqueRecord:
    """``technique`` with ``voice`` (own | quoted), ``speaker`` and ``speaker_text`` added.

    A span counts as inside a quotation when it lies within the quoted text or its quote
    marks (one character either side of the quotation's range).
    """
    start, end = int(technique["start"]), int(technique["end"])
    for quote in quotes:
        if int(quote["start"]) - 1 <= start and end <= int(quote["end"]) + 1:
            return {
                **technique,
                "voice": QUOTED,
                "speaker": quote.get("speaker"),
                "speaker_text": quote.get("speaker_text"),
            }
    return {**technique, "voice": OWN, "speaker": None, "speaker_text": None}


LOADED = "loaded_language"


def carried_by_other_voice(
    techniques: Sequence[TechniqueRecord], best: tuple[int, int] | None
) -> list[TechniqueRecord]:
    """A sentence's attributed techniques without the own-voice loaded words a quote carried.

    The loaded-language head flags a sentence on its most loaded word (``best``, article
    offsets) and then shows every other word that reaches a lower bar. When that word is
    inside someone's quotation or charge ("... after accusing the speaker of *betraying*
    voters"), the flag is the speaker's: the writer's own words beside it ("forced the
    vote") were never enough to flag the sentence, so they are not shown as the article's
    loaded language. Other techniques and the quoted words themselves stay.
    """
    if best is None:
        return list(techniques)
    carrier = next(
        (
            t
            for t in techniques
            if t["name"] == LOADED and int(t["start"]) <= best[0] and best[1] <= int(t["end"])
        ),
        None,
    )
    if carrier is None or carrier.get("voice") != QUOTED:
        return list(techniques)
    return [t for t in techniques if not (t["name"] == LOADED and t.get("voice") == OWN)]


def summarise(sentences: Sequence[Any]) -> TechniquesByVoice:
    """The article's own techniques and each quoted speaker's, counted by name.

    Returns:
        ``{"own": {name: count}, "quoted": [{"speaker", "speaker_text",
        "techniques": {name: count}}]}``, speakers in order of first appearance.
    """
    own: dict[str, int] = {}
    speakers: dict[tuple[str | None, str | None], dict[str, int]] = {}
    for sentence in sentences:
        for technique in sentence.techniques:
            name = technique["name"]
            if technique.get("voice") == QUOTED:
                key = (technique.get("speaker"), technique.get("speaker_text"))
                counts = speakers.setdefault(key, {})
                counts[name] = counts.get(name, 0) + 1
            else:
                own[name] = own.get(name, 0) + 1
    quoted: list[QuotedTechniques] = [
        {"speaker": speaker, "speaker_text": text, "techniques": counts}
        for (speaker, text), counts in speakers.items()
    ]
    return {"own": own, "quoted": quoted}
