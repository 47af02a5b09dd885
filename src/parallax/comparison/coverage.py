"""Coverage gaps: what some sources in a story cover and the others leave out.

Four kinds, each from the layer that knows it, so a gap names a thing a reader recognises:
``actor`` (canonical actors, when the actors layer is present: "Ottawa" and "Canada"
are one), ``entity`` (named entities, when there are no actors), ``event`` (dated events of
the merged timeline) and ``claim`` (statements no other source makes, from the alignment).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from typing import Any, TypedDict, Unpack

from parallax.comparison.alignment import UNIQUE_BELOW, Encoder
from parallax.comparison.terms import GAP_LABELS, entity_key
from parallax.datelines import dateline_places
from parallax.record import AlignmentRecord, ArticleRecord, GapKind, GapRecord, MergedTimelineEntry

MAX_GAPS_PER_KIND = 25
ACTOR_TYPES_SKIPPED = frozenset({"pronoun"})


class _GapDetail(TypedDict, total=False):
    id: str
    type: str | None
    mentions: int
    date: str | None
    sentence_id: str


def _gap(
    story: str,
    kind: GapKind,
    label: str,
    covered: list[str],
    ids: list[str],
    **extra: Unpack[_GapDetail],
) -> GapRecord:
    return {
        "story": story,
        "kind": kind,
        "label": label,
        "covered_by": covered,
        "missing_from": [i for i in ids if i not in covered],
        **extra,
    }


def _actors_read(records: Sequence[ArticleRecord]) -> bool:
    """Whether the sources' actors layer ran, so gaps are counted in actors.

    One source that names no actor at all (an editorial that speaks of "the council" and
    "the mayor") still had its actors read: it leaves out every actor the others name.
    Falling back to raw entities for all sources would list a title ("Council" of
    "Council President Dana Reyes") and a surname beside its full name as names.
    """
    return any(r.get("actors") for r in records)


def actor_gaps(story: str, records: Sequence[ArticleRecord]) -> list[GapRecord]:
    """Actors (or, without the actors layer, named entities) only some sources name."""
    ids = [r["id"] for r in records]
    mentions: dict[str, Counter[str]] = defaultdict(Counter)
    names: dict[str, Counter[str]] = defaultdict(Counter)
    types: dict[str, str] = {}
    written: dict[str, set[str]] = defaultdict(set)
    use_actors = _actors_read(records)
    for record in records:
        if use_actors:
            for actor in record.get("actors") or []:
                if actor.get("type") in ACTOR_TYPES_SKIPPED or not actor.get("id"):
                    continue
                mentions[actor["id"]][record["id"]] += max(1, len(actor.get("mentions") or []))
                names[actor["id"]][actor.get("name") or actor["id"]] += 1
                written[actor["id"]] |= _names_as_written(actor)
                types.setdefault(actor["id"], str(actor.get("type") or ""))
        else:
            for entity in record.get("entities") or []:
                if entity.get("label") not in GAP_LABELS:
                    continue
                key = entity_key(entity.get("text", ""))
                if key:
                    mentions[key][record["id"]] += 1
                    names[key][entity["text"]] += 1
                    types.setdefault(key, entity["label"])
    filed_from = {r["id"]: _dateline_keys(r) for r in records}
    texts = {r["id"]: f"{r.get('title') or ''}\n{r.get('text') or ''}" for r in records}
    gaps = []
    for key, by_source in mentions.items():
        named = {key} | {entity_key(name) for name in names[key]}
        for record_id, places in filed_from.items():
            if not by_source[record_id] and places & named:
                by_source[record_id] += 1  # "BERLIN (AP) -": filed from Berlin, covers it
        for record in records:
            if not by_source[record["id"]] and _writes_any(texts[record["id"]], written[key]):
                by_source[record["id"]] += 1  # "EU Climate Commissioner X": it names the EU
        if len(by_source) == len(ids):
            continue
        gaps.append(
            _gap(
                story,
                "actor" if use_actors else "entity",
                names[key].most_common(1)[0][0],
                [i for i in ids if by_source[i]],
                ids,
                id=key,
                type=types.get(key),
                mentions=sum(by_source.values()),
            )
        )
    gaps.sort(key=lambda g: (-g["mentions"], g["label"]))
    return gaps[:MAX_GAPS_PER_KIND]


def _names_as_written(actor: Mapping[str, Any]) -> set[str]:
    """The names an actor goes by in a source, as written ("EU", "European Union")."""
    forms = {
        str(m.get("text") or "") for m in actor.get("mentions") or [] if m.get("kind") == "name"
    }
    forms.add(str(actor.get("name") or ""))
    bare = {re.sub(r"^(?:the|The)\s+", "", form).strip() for form in forms}
    return {form for form in bare if len(form) >= 2 and form[:1].isupper()}


def _writes_any(text: str, forms: set[str]) -> bool:
    """Whether a source's title and text write one of an actor's names, as a whole word.

    The actors layer leaves some names out of the actors on purpose: the department in a
    title ("EU Climate Commissioner Wopke Hoekstra"), a name only in the headline. A
    source that writes the name still covers it, and saying it leaves the actor out would
    be a false silence. A plain substring test comes first: most names are not in most
    sources, and a story may hold hundreds of both.
    """
    present = [form for form in forms if form in text]
    if not present:
        return False
    pattern = "|".join(re.escape(form) for form in sorted(present, key=len, reverse=True))
    return re.search(rf"(?<![\w-])(?:{pattern})(?![\w-])", text) is not None


def _dateline_keys(record: ArticleRecord) -> set[str]:
    """The places a record's dateline names, as entity keys.

    A wire report opening "BERLIN (AP) -" covers Berlin though no sentence names it again;
    the actors layer sets the dateline aside (it is no party of the first sentence), so
    without this the report is said to leave out the very city it was filed from.
    """
    sentences = record.get("sentences") or []
    text = record.get("text") or (sentences[0]["text"] if sentences else "")
    return {entity_key(place) for place in dateline_places(text)}


def shared_names(records: Sequence[ArticleRecord]) -> list[str]:
    """The actors (or entities) every source in a story names, most mentioned first."""
    use_actors = _actors_read(records)
    seen: list[set[str]] = []
    names: dict[str, Counter[str]] = defaultdict(Counter)
    total: Counter[str] = Counter()
    for record in records:
        keys = set()
        if use_actors:
            for actor in record.get("actors") or []:
                if actor.get("id") and actor.get("type") not in ACTOR_TYPES_SKIPPED:
                    keys.add(actor["id"])
                    names[actor["id"]][actor.get("name") or actor["id"]] += 1
                    total[actor["id"]] += max(1, len(actor.get("mentions") or []))
        else:
            for entity in record.get("entities") or []:
                key = entity_key(entity.get("text", ""))
                if entity.get("label") in GAP_LABELS and key:
                    keys.add(key)
                    names[key][entity["text"]] += 1
                    total[key] += 1
        seen.append(keys)
    common = set.intersection(*seen) if seen else set()
    return [names[k].most_common(1)[0][0] for k in sorted(common, key=lambda k: (-total[k], k))]


def event_gaps(
    story: str,
    records: Sequence[ArticleRecord],
    timeline: Sequence[MergedTimelineEntry],
    encode: Encoder | None = None,
) -> list[GapRecord]:
    """Dated events of the merged timeline that some sources of the story do not cite.

    The timeline lines up one event told by two sources only when their wording or their
    actor and verb match; "a missile hit a building" and "a missile struck a block" stay
    two entries. With an encoder, a source is not said to leave an event out when one of
    its sentences is as close to the event's sentence as a claim's counterpart must be
    for the claim not to be unique (:data:`UNIQUE_BELOW`).
    """
    ids = [r["id"] for r in records]
    told = _closest_told(records, timeline, encode) if encode is not None else {}
    gaps = []
    for number, entry in enumerate(timeline):
        cited = {s["article_id"] for s in entry.get("sources", [])} & set(ids)
        covered = sorted(cited | (told.get(number, set()) if cited else set()))
        if not covered or len(covered) == len(ids):
            continue
        gaps.append(
            _gap(
                story,
                "event",
                f"{entry.get('date')}: {entry.get('label')}",
                [i for i in ids if i in covered],
                ids,
                date=entry.get("date"),
            )
        )
    return gaps[: MAX_GAPS_PER_KIND * 2]


def _closest_told(
    records: Sequence[ArticleRecord], timeline: Sequence[MergedTimelineEntry], encode: Encoder
) -> dict[int, set[str]]:
    """For each timeline entry (by position), the articles with a sentence close to it."""
    sentences = [(r["id"], s["text"]) for r in records for s in r.get("sentences", [])]
    wanted = [
        (number, source["article_id"], source.get("text") or "")
        for number, entry in enumerate(timeline)
        for source in entry.get("sources", [])
        if source.get("text")
    ]
    if not sentences or not wanted:
        return {}
    vectors = encode([text for _, text in sentences] + [text for _, _, text in wanted])
    similarity = vectors[len(sentences) :] @ vectors[: len(sentences)].T
    told: dict[int, set[str]] = defaultdict(set)
    for row, (number, cited_by, _) in enumerate(wanted):
        for column, (article, _) in enumerate(sentences):
            if article != cited_by and similarity[row, column] >= UNIQUE_BELOW:
                told[number].add(article)
    return told


def claim_gaps(
    story: str, records: Sequence[ArticleRecord], alignments: Sequence[AlignmentRecord]
) -> list[GapRecord]:
    """Claims one source makes and no other source in the story does (from the alignment)."""
    ids = [r["id"] for r in records]
    gaps = []
    for alignment in alignments:
        if alignment["kind"] != "unique" or alignment["story"] != story:
            continue
        item = alignment["items"][0]
        gaps.append(
            _gap(
                story,
                "claim",
                item["text"],
                [item["article_id"]],
                ids,
                sentence_id=item["sentence_id"],
            )
        )
    return gaps
