"""Per-source summaries of the comparison: persuasion techniques, and what each leaves out.

Techniques are counted in the source's own voice, with quoted voices apart: a technique in
a sentence the article quotes is the speaker's, not the outlet's. A technique record that
says so itself (a ``voice`` of ``"quoted"`` or an ``in_quote`` flag, added by the
attribution step) is believed; otherwise a span inside a quotation of the ``quotes`` layer
counts as quoted; without either, every technique is the source's own.

"What each leaves out" keeps the few things that matter: the comparison's gaps (actors,
entities, events, claims that other sources cover) ranked by how central they are where
they are covered, name variants ("Crimea", "Crimean"; "Biden", "Joseph Biden") merged, the
first :data:`LEAVES_OUT_SHOWN` shown and the rest behind a "more" control.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import TypedDict

from parallax.persuasion.taxonomy import label as technique_label
from parallax.record import ArticleRecord, GapRecord, SentenceRecord, TechniqueRecord

LEAVES_OUT_SHOWN = 10
LABEL_CHARS = 90
"""A left-out claim is shown by its first words; the whole sentence is in "Only in" above."""
SPANS_PER_TECHNIQUE = 12
_VARIANT_SUFFIX = 3
"""A word and a longer one it starts (``Crimea``/``Crimean``) name one thing up to this many
letters apart."""
_WORD = re.compile(r"[a-z0-9]+")
_DROP = frozenset({"the", "a", "an", "s"})


class TechniqueSpanView(TypedDict):
    """One place a technique is used: the words and the sentence they are in."""

    anchor: str
    span: str
    sentence: str


class TechniqueCountView(TypedDict):
    """A technique in one voice of a source: how often, and where."""

    name: str
    label: str
    count: int
    spans: list[TechniqueSpanView]


class SourceTechniquesView(TypedDict):
    """A source's techniques in its own voice and in the voices it quotes."""

    article_id: str
    own: list[TechniqueCountView]
    quoted: list[TechniqueCountView]


class LeftOutView(TypedDict):
    """Something other sources cover and this one leaves out."""

    label: str
    kind: str
    variants: list[str]
    weight: float
    person: bool


class LeavesOutView(TypedDict):
    """What a source leaves out: the most central first, the rest behind "more"."""

    shown: list[LeftOutView]
    more: list[LeftOutView]


def _quoted(technique: TechniqueRecord, quotes: Sequence[tuple[int, int]]) -> bool:
    fields: Mapping[str, object] = technique
    voice = fields.get("voice")
    if isinstance(voice, str):
        return voice != "own"
    flag = fields.get("in_quote")
    if isinstance(flag, bool):
        return flag
    return any(start <= technique["start"] and technique["end"] <= end for start, end in quotes)


def _counts(
    found: list[tuple[TechniqueRecord, SentenceRecord]], text: str, prefix: str
) -> list[TechniqueCountView]:
    grouped: dict[str, list[tuple[TechniqueRecord, SentenceRecord]]] = {}
    for technique, sentence in found:
        grouped.setdefault(technique["name"], []).append((technique, sentence))
    views: list[TechniqueCountView] = []
    for name, uses in sorted(grouped.items(), key=lambda item: (-len(item[1]), item[0])):
        views.append(
            {
                "name": name,
                "label": technique_label(name),
                "count": len(uses),
                "spans": [
                    {
                        "anchor": f"{prefix}-{name}-{n}",
                        "span": text[t["start"] : t["end"]] or sentence["text"],
                        "sentence": sentence["text"],
                    }
                    for n, (t, sentence) in enumerate(uses[:SPANS_PER_TECHNIQUE], start=1)
                ],
            }
        )
    return views


def source_techniques(article: ArticleRecord, prefix: str) -> SourceTechniquesView:
    """The techniques of one source, own voice and quoted apart; anchors start with ``prefix``."""
    quotes = [(q["start"], q["end"]) for q in article.get("quotes") or []]
    own: list[tuple[TechniqueRecord, SentenceRecord]] = []
    quoted: list[tuple[TechniqueRecord, SentenceRecord]] = []
    for sentence in article.get("sentences") or []:
        for technique in sentence.get("techniques") or []:
            (quoted if _quoted(technique, quotes) else own).append((technique, sentence))
    text = article.get("text") or ""
    return {
        "article_id": article["id"],
        "own": _counts(own, text, f"{prefix}-own"),
        "quoted": _counts(quoted, text, f"{prefix}-quoted"),
    }


def _words(label: str) -> list[str]:
    return [w for w in _WORD.findall(label.lower().replace("’", "'")) if w not in _DROP]


def _same_word(a: str, b: str) -> bool:
    short, long = sorted((a, b), key=len)
    return long.startswith(short) and len(short) >= 4 and len(long) - len(short) <= _VARIANT_SUFFIX


def variants(first: str, second: str, people: bool = False) -> bool:
    """Whether two labels name one thing (``Crimea``/``Crimean``; people: ``Biden``/``J. Biden``).

    Same words up to a short suffix; for two people also a one-word label that is the
    other's last word (a surname), which for places would merge "Europe" into "Eastern
    Europe".
    """
    a, b = _words(first), _words(second)
    if not a or not b:
        return False
    if len(a) == len(b):
        return all(_same_word(x, y) for x, y in zip(a, b, strict=True))
    short, long = sorted((a, b), key=len)
    return people and len(short) == 1 and _same_word(short[0], long[-1])


def _person(gap: GapRecord) -> bool:
    return str(gap.get("type") or "").lower() == "person"


def _weight(gap: GapRecord, worthiness: dict[str, float]) -> float:
    """How central a gap is where it is covered: mentions for names, check-worthiness for claims."""
    if gap["kind"] in {"actor", "entity"}:
        return float(gap.get("mentions") or 1)
    if gap["kind"] == "claim":
        key = f"{gap['covered_by'][0]}#{gap.get('sentence_id')}" if gap["covered_by"] else ""
        return 1.0 + 2.0 * worthiness.get(key, 0.0)
    return 1.0 + len(gap["covered_by"]) / 2


def leaves_out(
    gaps: Sequence[GapRecord], article_id: str, articles: Sequence[ArticleRecord]
) -> LeavesOutView:
    """What ``article_id`` leaves out that other sources cover, most central first."""
    worthiness = {
        f"{a['id']}#{s['id']}": float(s.get("checkworthiness") or 0.0)
        for a in articles
        for s in a.get("sentences") or []
    }
    merged: list[LeftOutView] = []
    for gap in gaps:
        if article_id not in gap["missing_from"]:
            continue
        weight = _weight(gap, worthiness)
        same = next(
            (
                m
                for m in merged
                if m["kind"] in {"actor", "entity"}
                and gap["kind"] in {"actor", "entity"}
                and any(
                    variants(v, gap["label"], people=m["person"] and _person(gap))
                    for v in m["variants"]
                )
            ),
            None,
        )
        if same is None:
            label = gap["label"]
            if len(label) > LABEL_CHARS:
                label = label[: LABEL_CHARS - 1].rsplit(" ", 1)[0] + "…"
            merged.append(
                {
                    "label": label,
                    "kind": gap["kind"],
                    "variants": [gap["label"]],
                    "weight": weight,
                    "person": _person(gap),
                }
            )
            continue
        same["variants"].append(gap["label"])
        same["weight"] += weight
        if len(gap["label"]) > len(same["label"]):
            same["label"] = gap["label"]
    merged.sort(key=lambda m: (-m["weight"], m["label"]))
    return {"shown": merged[:LEAVES_OUT_SHOWN], "more": merged[LEAVES_OUT_SHOWN:]}
