"""Scores for events and actors on MEANTIME (NewsReader, English Wikinews, 120 articles).

MEANTIME annotates, token by token, entity mentions, event mentions, the participants of
each event with PropBank roles (``HAS_PARTICIPANT``, ``Arg0`` agent, ``Arg1`` patient) and
which entity every mention refers to (``REFERS_TO``). We rebuild each article's text from
its tokens (one space between tokens, a blank line between sentences, so our sentences are
theirs), run our pipeline, and compare on the annotated sentences:

* ``events``: event triggers (our verbs against gold verbal event mentions) and
  participant links: our agent against gold ``Arg0``, our target against gold ``Arg1`` of
  the same trigger, a link being right when our phrase head lies inside the gold mention.
  Our events keep only clauses with an actor or a date, so recall is bounded by that choice.
* ``actors``: B-cubed precision and recall of our actor ids over the gold entities of the
  named mentions we found (do "Airbus parent EADS" and "EADS" get one id, "Boeing" and
  "Airbus" two?), and the precision of definite descriptions ("the company") linked to
  an actor, against the entity gold gives the smallest mention at the description, and
  the same for pronouns of one word (gold leaves most pronouns' mention type unset, so
  they are found by their word; since 2026-12-07, 281 of them refer to an entity found
  by name).

Every mention a ``REFERS_TO`` relation lists counts: until 2026-12-06 only its first
source was read, which left most named mentions (841 of them, not 300) out of the B-cubed
score and every description without gold.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Iterator
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from parallax.knowledge import KnowledgeBase, alias_key, bundled
from parallax.model import Article

ROLES = {"Arg0": "agent", "Arg1": "target"}
ANCHORING = frozenset(
    {"IS_INCLUDED", "INCLUDES", "SIMULTANEOUS", "DURING", "BEGINS", "ENDS", "BEGUN_BY"}
    | {"ENDED_BY", "IDENTITY"}
)
"""TLINK types that place an event at (or over) a time: the relation a dated event asserts."""
FOLDERS = {"events": "intra-doc_annotation", "actors": "intra_cross-doc_annotation"}
"""Events are scored on the document-level annotation (every event mention of the annotated
sentences); actors on the cross-document one, where every entity mention is linked to its
entity."""


@dataclass
class GoldDocument:
    """One MEANTIME article: text rebuilt from tokens and the annotations we score."""

    name: str
    text: str
    token_start: dict[str, int]
    token_sentence: dict[str, int]
    entity_mentions: dict[str, list[str]] = field(default_factory=dict)
    mention_kind: dict[str, str] = field(default_factory=dict)
    event_mentions: dict[str, tuple[list[str], str]] = field(default_factory=dict)
    participants: list[tuple[str, str, str]] = field(default_factory=list)
    refers_to: dict[str, str] = field(default_factory=dict)
    entity_type: dict[str, str] = field(default_factory=dict)
    entity_ref: dict[str, str] = field(default_factory=dict)
    created: date | None = None
    timexes: dict[str, list[str]] = field(default_factory=dict)
    timex_value: dict[str, str] = field(default_factory=dict)
    tlinks: set[tuple[str, str]] = field(default_factory=set)

    @property
    def annotated_sentences(self) -> set[int]:
        """Sentences that carry at least one event mention (the annotated part)."""
        return {
            self.token_sentence[t] for tokens, _ in self.event_mentions.values() for t in tokens
        }


def read_document(path: Path) -> GoldDocument:
    """Parse one MEANTIME XML file."""
    root = ET.parse(path).getroot()
    pieces: list[str] = []
    token_start: dict[str, int] = {}
    token_sentence: dict[str, int] = {}
    offset = 0
    previous = None
    for token in root.iter("token"):
        sentence = int(token.get("sentence", "0"))
        if previous is not None:
            gap = "\n\n" if sentence != previous else " "
            pieces.append(gap)
            offset += len(gap)
        text = token.text or "_"
        token_start[token.get("t_id", "")] = offset
        token_sentence[token.get("t_id", "")] = sentence
        pieces.append(text)
        offset += len(text)
        previous = sentence
    gold = GoldDocument(path.stem, "".join(pieces), token_start, token_sentence)
    markables = root.find("Markables")
    for element in markables if markables is not None else []:
        anchors = [a.get("t_id", "") for a in element.findall("token_anchor")]
        m_id = element.get("m_id", "")
        if element.tag == "ENTITY_MENTION":
            gold.entity_mentions[m_id] = anchors
            gold.mention_kind[m_id] = element.get("syntactic_type", "")
        elif element.tag == "EVENT_MENTION":
            gold.event_mentions[m_id] = (anchors, element.get("pos", ""))
        elif element.tag == "ENTITY":
            gold.entity_type[m_id] = element.get("ent_type", "")
            ref = (element.get("external_ref") or "").strip()
            if "dbpedia.org/" in ref:
                gold.entity_ref[m_id] = ref.rsplit("/", 1)[-1]
        elif element.tag == "TIMEX3" and anchors:
            gold.timexes[m_id] = anchors
            gold.timex_value[m_id] = element.get("value", "")
        if element.tag == "TIMEX3" and element.get("functionInDocument") == "CREATION_TIME":
            with suppress(ValueError):
                gold.created = date.fromisoformat(element.get("value", "")[:10])
    relations = root.find("Relations")
    for element in relations if relations is not None else []:
        source = element.find("source")
        targets = [t.get("m_id", "") for t in element.findall("target")]
        if source is None or not targets:
            continue
        if element.tag == "HAS_PARTICIPANT":
            gold.participants.append(
                (source.get("m_id", ""), targets[0], element.get("sem_role", ""))
            )
        elif element.tag == "REFERS_TO":
            # One relation may list many mentions of the same entity as its sources.
            for each in element.findall("source"):
                gold.refers_to[each.get("m_id", "")] = targets[0]
        elif element.tag == "TLINK" and element.get("reltype") in ANCHORING:
            gold.tlinks.add((source.get("m_id", ""), targets[0]))
            gold.tlinks.add((targets[0], source.get("m_id", "")))
    return gold


def documents(root: Path, part: str = "events") -> Iterator[GoldDocument]:
    """Every article of the annotation that scores ``part`` ("events" or "actors")."""
    folder = root / FOLDERS[part]
    if not folder.is_dir():
        raise FileNotFoundError(
            f"expected MEANTIME's intra-doc_annotation folder at {folder}; point --shared at "
            "the folder that holds datasets/meantime_newsreader_en"
        )
    for path in sorted(folder.glob("*/*.xml")):
        yield read_document(path)


@dataclass
class Counts:
    """True positives, predictions and gold items for one measure."""

    correct: int = 0
    predicted: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        """Share of predictions that are right."""
        return self.correct / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        """Share of gold items found."""
        return self.correct / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        """The counts and the three scores."""
        return {
            "precision": round(self.precision, 3),
            "recall": round(self.recall, 3),
            "f1": round(self.f1, 3),
            "correct": self.correct,
            "predicted": self.predicted,
            "gold": self.gold,
        }


def evaluate(root: Path, limit: int | None = None, part: str = "events") -> dict[str, Any]:
    """Run the pipeline over MEANTIME and score ``part`` ("events" or "actors")."""
    from parallax.components import load

    pipeline = load(["parse", "sentences", "entities", "times", "actors", "events"])
    golds = list(documents(root, part))[:limit]
    articles = [Article(text=g.text, source=g.name, language="en", date=g.created) for g in golds]
    scores: dict[str, Counts] = defaultdict(Counts)
    kb = bundled()
    bcubed_p: list[float] = []
    bcubed_r: list[float] = []
    for gold, analysis in zip(golds, pipeline.pipe(articles), strict=True):
        if part == "events":
            _score_events(gold, analysis.layers["events"], scores)
            _score_dates(gold, analysis.layers["events"], analysis.layers["times"], scores)
            _score_times(gold, analysis.layers["times"], scores)
        else:
            _score_actors(gold, analysis.layers["actors"], bcubed_p, bcubed_r)
            _score_links(gold, analysis.layers["actors"], kb, scores)
            _score_descriptions(gold, analysis.layers["actors"], scores)
    bp = sum(bcubed_p) / len(bcubed_p) if bcubed_p else 0.0
    br = sum(bcubed_r) / len(bcubed_r) if bcubed_r else 0.0
    return {
        "documents": len(golds),
        "events": {
            **{
                k: scores[k].as_dict()
                for k in (
                    "triggers",
                    "participants",
                    "dated",
                    "agent_judged",
                    "target_judged",
                    "timex_extent",
                    "timex_value",
                )
            },
            "dated_unjudged": scores["dated_unjudged"].predicted,
        },
        "actors": {
            "named_bcubed": {
                "precision": round(bp, 3),
                "recall": round(br, 3),
                "f1": round(2 * bp * br / (bp + br), 3) if bp + br else 0.0,
                "mentions": len(bcubed_p),
            },
            "links": {
                **scores["links"].as_dict(),
                "unjudged": scores["links_unjudged"].predicted,
            },
            "descriptions": scores["descriptions"].as_dict(),
            "pronouns": scores["pronouns"].as_dict(),
        },
    }


def _token_at(gold: GoldDocument) -> dict[int, str]:
    return {start: t_id for t_id, start in gold.token_start.items()}


def _score_events(
    gold: GoldDocument, events: list[dict[str, Any]], scores: dict[str, Counts]
) -> None:
    at = _token_at(gold)
    annotated = gold.annotated_sentences
    verbal = {
        m_id: tokens
        for m_id, (tokens, pos) in gold.event_mentions.items()
        if pos == "VERB" and tokens
    }
    trigger_of = {t: m_id for m_id, tokens in verbal.items() for t in tokens}
    predicted_triggers = {
        at[e["trigger"]["start"]]
        for e in events
        if e.get("kb_event") is None and e["trigger"]["start"] in at
    }
    predicted_triggers = {t for t in predicted_triggers if gold.token_sentence[t] in annotated}
    scores["triggers"].predicted += len(predicted_triggers)
    scores["triggers"].gold += len(verbal)
    scores["triggers"].correct += len(
        {trigger_of[t] for t in predicted_triggers if t in trigger_of}
    )
    gold_links: dict[tuple[str, str], list[set[str]]] = defaultdict(list)
    for mention_id, target, role in gold.participants:
        if mention_id in verbal and role in ROLES and target in gold.entity_mentions:
            gold_links[(mention_id, ROLES[role])].append(set(gold.entity_mentions[target]))
    scores["participants"].gold += sum(len(v) for v in gold_links.values())
    for event in events:
        trigger = at.get(event["trigger"]["start"])
        if trigger is None or trigger not in trigger_of:
            continue
        m_id = trigger_of[trigger]
        for role in ("agent", "target"):
            span = event.get(f"{role}_span")
            if not span or span[0] not in at:
                continue
            head = at[span[0]]
            scores["participants"].predicted += 1
            right = any(head in mention for mention in gold_links.get((m_id, role), []))
            scores["participants"].correct += right
            if (m_id, role) in gold_links:  # gold names this role: our choice can be judged
                scores[f"{role}_judged"].predicted += 1
                scores[f"{role}_judged"].correct += right


def _score_dates(
    gold: GoldDocument,
    events: list[dict[str, Any]],
    times: list[dict[str, Any]],
    scores: dict[str, Counts],
) -> None:
    """Dated events against MEANTIME's anchoring TLINKs (precision only).

    An event of ours with a date is judged when its trigger is a gold event mention that a
    TLINK places at some time, and its time expression starts on a gold TIMEX3: right when
    a TLINK places that event at that time (included in, simultaneous, begins, ends).
    Dated events whose trigger or time the gold data did not annotate, or that gold places
    at no time, are counted apart, unjudged.
    """
    at = _token_at(gold)
    event_of_token = {
        t: m_id for m_id, (tokens, _pos) in gold.event_mentions.items() for t in tokens
    }
    timex_of_token = {tokens[0]: m_id for m_id, tokens in gold.timexes.items()}
    time_start = {t["id"]: t["start"] for t in times}
    for event in events:
        if not event.get("date") or event.get("kb_event") or not event.get("time_id"):
            continue
        trigger = at.get(event["trigger"]["start"])
        timex_token = at.get(time_start.get(event["time_id"], -1))
        mention = event_of_token.get(trigger or "")
        timex = timex_of_token.get(timex_token or "")
        placed = mention is not None and any((mention, t) in gold.tlinks for t in gold.timexes)
        if mention is None or timex is None or not placed:
            scores["dated_unjudged"].predicted += 1
            continue
        scores["dated"].predicted += 1
        scores["dated"].correct += (mention, timex) in gold.tlinks


def _score_times(
    gold: GoldDocument, times: list[dict[str, Any]], scores: dict[str, Counts]
) -> None:
    """Time expressions against MEANTIME's TIMEX3: found (by first token), and their values.

    ``timex_extent`` counts a gold expression found when one of ours starts on its first
    token or covers it; ``timex_value`` is the share of those found whose TIMEX3 value is
    the gold one (the document's creation time is the anchor for both).
    """
    at = _token_at(gold)
    starts = sorted((t["start"], t["end"], str(t.get("value") or "")) for t in times)
    annotated = gold.annotated_sentences
    scores["timex_extent"].predicted += sum(
        1
        for start, _end, _v in starts
        if at.get(start) in gold.token_sentence and gold.token_sentence[at[start]] in annotated
    )
    for m_id, tokens in gold.timexes.items():
        first = gold.token_start[tokens[0]]
        if gold.token_sentence[tokens[0]] not in annotated:
            continue
        scores["timex_extent"].gold += 1
        match = next((v for s, e, v in starts if s <= first < e), None)
        if match is None:
            continue
        scores["timex_extent"].correct += 1
        scores["timex_value"].predicted += 1
        scores["timex_value"].gold += 1
        scores["timex_value"].correct += match == gold.timex_value.get(m_id, "")


def _score_actors(
    gold: GoldDocument, actors: list[dict[str, Any]], bcubed_p: list[float], bcubed_r: list[float]
) -> None:
    at = _token_at(gold)
    ours: dict[str, str] = {}
    for record in actors:
        for mention in record["mentions"]:
            token = at.get(mention["start"])
            if token is not None and mention.get("kind") not in {"pronoun", "description"}:
                ours[token] = record["id"]
    named: list[tuple[str, str]] = []
    for m_id, kind in gold.mention_kind.items():
        entity = gold.refers_to.get(m_id)
        if kind != "NAM" or entity is None:
            continue
        actor = next((ours[t] for t in gold.entity_mentions[m_id] if t in ours), None)
        if actor is not None:
            named.append((actor, entity))
    for actor, entity in named:
        same_actor = [e for a, e in named if a == actor]
        same_entity = [a for a, e in named if e == entity]
        bcubed_p.append(sum(e == entity for e in same_actor) / len(same_actor))
        bcubed_r.append(sum(a == actor for a in same_entity) / len(same_entity))


PRONOUNS = frozenset(
    {"he", "him", "his", "himself", "she", "her", "herself", "it", "its", "itself"}
    | {"they", "them", "their", "themselves"}
)


def _score_descriptions(
    gold: GoldDocument, actors: list[dict[str, Any]], scores: dict[str, Counts]
) -> None:
    """Descriptions ("the company") and pronouns linked to an actor, against gold coreference.

    Right when the gold entity of the smallest mention at the description's first word is
    one the actor's named mentions refer to (gold splits some firms into two entities).
    Gold counts the mentions that are not names, start with "the" (or are one pronoun)
    and refer to an entity the actor layer found by name (what a description or pronoun
    could have been linked to); one gold does not mark as a mention is not judged.
    """
    at = _token_at(gold)
    mention_at: dict[str, str] = {}
    for m_id, tokens in sorted(gold.entity_mentions.items(), key=lambda item: -len(item[1])):
        mention_at.update(dict.fromkeys(tokens, m_id))  # the smallest mention at a token
    named_entity: dict[str, set[str]] = {}
    found_entities: set[str] = set()
    for record in actors:
        votes: dict[str, int] = defaultdict(int)
        for mention in record["mentions"]:
            named_at = mention_at.get(at.get(mention["start"]) or "", "")
            entity = gold.refers_to.get(named_at)
            if mention.get("kind") == "name" and entity and gold.mention_kind[named_at] == "NAM":
                votes[entity] += 1
        named_entity[record["id"]] = set(votes)
        found_entities.update(votes)
    words = {
        t_id: (gold.text[start : start + 40].split() or [""])[0].lower()
        for t_id, start in gold.token_start.items()
    }
    for m_id, kind in gold.mention_kind.items():
        first = gold.entity_mentions[m_id][0] if gold.entity_mentions[m_id] else ""
        if gold.refers_to.get(m_id) not in found_entities:
            continue
        if kind != "NAM" and words.get(first) == "the":
            scores["descriptions"].gold += 1
        elif len(gold.entity_mentions[m_id]) == 1 and words.get(first) in PRONOUNS:
            scores["pronouns"].gold += 1  # gold leaves most pronouns' kind unset
    for record in actors:
        for mention in record["mentions"]:
            score = {"description": "descriptions", "pronoun": "pronouns"}.get(
                str(mention.get("kind"))
            )
            if score is None:
                continue
            described = mention_at.get(at.get(mention["start"]) or "", "")
            if gold.mention_kind.get(described) == "NAM" or described not in gold.refers_to:
                continue
            scores[score].predicted += 1
            right = gold.refers_to[described] in named_entity.get(record["id"], set())
            scores[score].correct += int(right)


def _titles(kb: KnowledgeBase, entity_id: str) -> set[str]:
    entity = kb.get(entity_id)
    if entity is None:
        return set()
    return {alias_key(n) for n in (entity.name, *entity.aliases)}


def _score_links(
    gold: GoldDocument, actors: list[dict[str, Any]], kb: KnowledgeBase, scores: dict[str, Counts]
) -> None:
    """Knowledge-base links of named mentions against MEANTIME's DBpedia references.

    A link is judged when our mention spans a gold named mention (same first token, reaching
    its last token) whose entity has a DBpedia reference: right when the reference's title
    is the linked entity's name or one of its aliases. "Japan" inside "Japan's Nikkei 225"
    is not that mention and is not judged; nor are links of mentions whose gold entity has
    no reference (counted apart). Recall is over gold named mentions whose reference names
    an entity of our knowledge base.
    """
    at = _token_at(gold)
    extents: dict[str, tuple[str, int]] = {}
    for m_id, kind in gold.mention_kind.items():
        tokens = gold.entity_mentions[m_id]
        if kind == "NAM" and tokens and m_id in gold.refers_to:
            extents[tokens[0]] = (m_id, gold.token_start[tokens[-1]])
    for record in actors:
        if not record.get("kb_id"):
            continue
        for mention in record["mentions"]:
            token = at.get(mention["start"])
            if token is None or mention.get("kind") == "pronoun" or token not in extents:
                continue
            m_id, last_start = extents[token]
            ref = gold.entity_ref.get(gold.refers_to[m_id])
            if ref is None or mention["end"] <= last_start:
                scores["links_unjudged"].predicted += 1
                continue
            scores["links"].predicted += 1
            scores["links"].correct += alias_key(ref.replace("_", " ")) in _titles(
                kb, record["kb_id"]
            )
    for m_id, kind in gold.mention_kind.items():
        ref = gold.entity_ref.get(gold.refers_to.get(m_id, ""))
        if kind == "NAM" and ref and kb.lookup(ref.replace("_", " ")):
            scores["links"].gold += 1


def format_markdown(result: dict[str, Any], part: str = "events") -> str:
    """A table of the ``events`` or the ``actors`` scores."""
    lines = [
        f"{result['documents']} MEANTIME English articles ({FOLDERS[part]}).",
        "",
        "| Measure | Precision | Recall | F1 | Correct / predicted / gold |",
        "|---|--:|--:|--:|--:|",
    ]
    labels = {
        "triggers": "Event triggers (verbal event mentions)",
        "participants": "Event participants, Arg0 = agent, Arg1 = target",
        "dated": "Dated events: the event placed at its time by a gold TLINK",
        "timex_extent": "Time expressions found (gold TIMEX3 by first token)",
        "timex_value": "Time expression values, of those found (accuracy)",
        "agent_judged": "Agents where gold names an Arg0 for the trigger (accuracy)",
        "target_judged": "Targets where gold names an Arg1 for the trigger (accuracy)",
    }
    if part == "events":
        for key, label in labels.items():
            s = result["events"][key]
            if key in {"agent_judged", "target_judged", "timex_value"}:
                lines.append(
                    f"| {label} | {s['precision']:.3f} | – | – | "
                    f"{s['correct']} / {s['predicted']} / – |"
                )
                continue
            if key == "dated":  # precision only: gold places too few events to score recall
                lines.append(
                    f"| {label} ({result['events']['dated_unjudged']} not judged) | "
                    f"{s['precision']:.3f} | – | – | {s['correct']} / {s['predicted']} / – |"
                )
                continue
            lines.append(
                f"| {label} | {s['precision']:.3f} | {s['recall']:.3f} | {s['f1']:.3f} | "
                f"{s['correct']} / {s['predicted']} / {s['gold']} |"
            )
        return "\n".join(lines)
    b = result["actors"]["named_bcubed"]
    lines.append(
        f"| Named mentions to actors, B-cubed over {b['mentions']} found mentions | "
        f"{b['precision']:.3f} | {b['recall']:.3f} | {b['f1']:.3f} | – |"
    )
    k = result["actors"]["links"]
    lines.append(
        f"| Knowledge-base links of named mentions, against DBpedia references "
        f"({k['unjudged']} links to mentions without a reference not judged) | "
        f"{k['precision']:.3f} | {k['recall']:.3f} | {k['f1']:.3f} | "
        f"{k['correct']} / {k['predicted']} / {k['gold']} |"
    )
    d = result["actors"]["descriptions"]
    lines.append(
        '| Definite descriptions to actors ("the company"), against gold coreference; '
        'gold: nominal "the ..." mentions of entities found by name | '
        f"{d['precision']:.3f} | {d['recall']:.3f} | {d['f1']:.3f} | "
        f"{d['correct']} / {d['predicted']} / {d['gold']} |"
    )
    p = result["actors"]["pronouns"]
    lines.append(
        "| Pronouns to actors, against gold coreference; gold: pronoun mentions of entities "
        f"found by name | {p['precision']:.3f} | {p['recall']:.3f} | {p['f1']:.3f} | "
        f"{p['correct']} / {p['predicted']} / {p['gold']} |"
    )
    return "\n".join(lines)
