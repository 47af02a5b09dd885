"""Persuasion techniques, frames, genre and portrayal as the reports show them.

Shared by the Markdown and HTML reports so both list the same spans. Highlights are pure
HTML (``<mark>`` with a class and a ``title``), since the HTML report's Content-Security-
Policy forbids scripts.
"""

from __future__ import annotations

from typing import TypedDict

from markupsafe import Markup, escape

from parallax.persuasion.taxonomy import TECHNIQUES, label
from parallax.record import (
    ActorRecord,
    ArticleRecord,
    QuotedPortrayal,
    SentenceRecord,
    TechniqueRecord,
)

PALETTE = (
    "#ffd6d6", "#ffe7c2", "#fff3b0", "#dff5c8", "#c8f0e6", "#cfe6ff", "#dcd6ff", "#f5d0f0",
    "#ffd0e1", "#e8e0d0", "#d0e8e8", "#f0e0ff",
)  # fmt: skip


def technique_class(name: str) -> str:
    """CSS class of a technique's highlight."""
    return f"tq-{name.replace('_', '-')}"


def technique_css() -> str:
    """One background colour per technique (used in the page's style block)."""
    return "\n".join(
        f"mark.{technique_class(n)} {{ background:{PALETTE[i % len(PALETTE)]}; }}"
        for i, n in enumerate(TECHNIQUES)
    )


def _is_quoted(technique: TechniqueRecord) -> bool:
    # Records stored before techniques had a voice count as the article's own.
    return technique.get("voice") == "quoted"


def _ranked(counts: dict[str, int]) -> list[tuple[str, str, int]]:
    return [(n, label(n), c) for n, c in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]


def used_techniques(article: ArticleRecord) -> list[tuple[str, str, int]]:
    """(name, label, count) of the techniques in the article's own voice, most used first."""
    counts: dict[str, int] = {}
    for sentence in article.get("sentences", []):
        for technique in sentence.get("techniques", []):
            if not _is_quoted(technique):
                counts[technique["name"]] = counts.get(technique["name"], 0) + 1
    return _ranked(counts)


def quoted_techniques(article: ArticleRecord) -> list[tuple[str, list[tuple[str, str, int]]]]:
    """(speaker, [(name, label, count)]) for techniques inside quotations, by speaker."""
    by_speaker: dict[str, dict[str, int]] = {}
    for sentence in article.get("sentences", []):
        for technique in sentence.get("techniques", []):
            if _is_quoted(technique):
                speaker = str(technique.get("speaker_text") or "an unnamed speaker")
                counts = by_speaker.setdefault(speaker, {})
                counts[technique["name"]] = counts.get(technique["name"], 0) + 1
    return [(speaker, _ranked(counts)) for speaker, counts in by_speaker.items()]


def describe(technique: TechniqueRecord) -> str:
    """A technique's label, source, score and voice, as a highlight's tooltip says them."""
    voice = (
        f"; quoted, {technique.get('speaker_text') or 'speaker not named'}"
        if _is_quoted(technique)
        else ""
    )
    return f"{label(technique['name'])} ({technique['source']}, {technique['score']:.2f}{voice})"


def highlighted_sentence(sentence: SentenceRecord) -> Markup:
    """The sentence escaped, with each technique span in a ``<mark>``.

    Overlapping spans are shown as the first (longest at a position) span; the others stay
    in the ``title`` of the sentence's techniques list, so no technique is hidden.
    """
    text, base = sentence["text"], sentence["start"]
    spans = sorted(
        sentence.get("techniques", []), key=lambda t: (t["start"], -(t["end"] - t["start"]))
    )
    out, position = [], 0
    for technique in spans:
        start, end = technique["start"] - base, technique["end"] - base
        if start < position or start < 0 or end > len(text):
            continue
        out.append(escape(text[position:start]))
        title = describe(technique)
        out.append(
            Markup('<mark class="tq {}" title="{}">{}</mark>').format(
                technique_class(technique["name"]), title, text[start:end]
            )
        )
        position = end
    out.append(escape(text[position:]))
    return Markup("").join(out)


def technique_lines(article: ArticleRecord) -> list[tuple[str, list[str], str]]:
    """(sentence id, technique labels, sentence text with spans in «») for sentences with any."""
    lines = []
    for sentence in article.get("sentences", []):
        found = sentence.get("techniques", [])
        if not found:
            continue
        text, base = sentence["text"], sentence["start"]
        spans = sorted(found, key=lambda t: (t["start"], -(t["end"] - t["start"])))
        pieces, position = [], 0
        for technique in spans:
            start, end = technique["start"] - base, technique["end"] - base
            if start < position or start < 0 or end > len(text):
                continue
            pieces += [text[position:start], f"«{text[start:end]}»"]
            position = end
        pieces.append(text[position:])
        names = sorted(
            {
                label(t["name"])
                + (f" (quoted: {t.get('speaker_text') or 'unnamed'})" if _is_quoted(t) else "")
                for t in found
            }
        )
        lines.append((sentence["id"], names, "".join(pieces)))
    return lines


class PortrayalRow(TypedDict):
    """An actor's role and sentiment in one article, as the reports list them."""

    name: str
    role: str | None
    sentiment: float | None
    role_sentences: list[str]
    quoted: str
    """What the sources the article quotes say of the actor ("" when none)."""


def quoted_view(quoted: QuotedPortrayal) -> str:
    """One quoted source's view of an actor in a few words ("the minister: negative")."""
    who = quoted.get("speaker_text") or quoted.get("speaker") or "unnamed source"
    view = quoted.get("sentiment_label") or "neutral"
    if quoted.get("role") not in (None, "neutral"):
        view += f", {quoted['role']}"
    return f"{who}: {view}"


def quoted_summary(actor: ActorRecord) -> str:
    """What the sources an article quotes say about an actor, in a few words per source."""
    return "; ".join(quoted_view(q) for q in (actor.get("quoted") or [])[:4])


def portrayal_rows(article: ArticleRecord, limit: int = 12) -> list[PortrayalRow]:
    """Actors with a role or a non-zero sentiment, most mentioned first."""
    actors = [a for a in article.get("actors", []) if a.get("role") is not None]
    actors.sort(key=lambda a: -len(a.get("mentions", [])))
    return [
        {
            "name": a.get("name", a.get("id")),
            "role": a.get("role"),
            "sentiment": a.get("sentiment"),
            "role_sentences": a.get("role_sentences", []),
            "quoted": quoted_summary(a),
        }
        for a in actors[:limit]
    ]
