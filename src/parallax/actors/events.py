"""Who did what to whom, and when: events from the dependency parse.

One event per verb whose clause involves an actor or a dated time expression: the agent is
the subject (or the ``by`` phrase of a passive), the target the direct object, the passive
subject or the object of a directional preposition ("expanded *to*", "aimed *against*"),
each resolved to an actor through the ``actors`` layer; a relative pronoun stands for the
noun it modifies, and a verb without a subject ("began *to break*") borrows its governing
verb's. A time expression belongs to the nearest verb above it in the parse. Named events
the knowledge base can date (:mod:`parallax.actors.named_events`) become events too, with
``inferred`` set when the year comes from the knowledge base rather than the text.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from datetime import date
from typing import Any

from parallax.actors.named_events import EventReference, NamedEvents
from parallax.actors.resolve import MentionIndex
from parallax.model import Sentence

TARGET_PREPS = frozenset(
    {"to", "against", "into", "on", "toward", "towards", "with", "from", "upon", "onto"}
)
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
MAX_TEXT = 240
DATED_TYPES = frozenset({"DATE"})


def extract_events(
    doc: Any,
    sentences: Sequence[Sentence],
    actors: Sequence[dict[str, Any]],
    times: Sequence[dict[str, Any]],
    named: NamedEvents | None = None,
    anchor: date | None = None,
) -> list[dict[str, Any]]:
    """The events of one article, in text order, as the ``events`` layer of the contract."""
    index = MentionIndex(actors)
    starts = [s.start for s in sentences]

    def sentence_id(char: int) -> str:
        position = bisect_right(starts, char) - 1
        return sentences[max(position, 0)].id if sentences else ""

    time_of_verb: dict[int, dict[str, Any]] = {}
    for time in times:
        if time.get("type") not in DATED_TYPES or not time.get("range"):
            continue
        span = doc.char_span(time["start"], time["end"], alignment_mode="expand")
        if span is None:
            continue
        verb = _governing_verb(span.root)
        if verb is not None and verb.i not in time_of_verb:
            time_of_verb[verb.i] = time
    events: list[dict[str, Any]] = []
    for token in doc:
        if token.pos_ != "VERB" or token.dep_ in {"aux", "auxpass", "amod"}:
            continue
        event = _verb_event(token, index, time_of_verb.get(token.i))
        if event is None:
            continue
        event["sentence_id"] = sentence_id(token.idx)
        events.append(event)
    references = named.find(doc, anchor) if named is not None else []
    for reference in references:
        events.append(_named_event(doc, reference, index, times, sentence_id(reference.start)))
    events.sort(key=lambda e: (e["trigger"]["start"], e["kb_event"] is not None))
    for number, event in enumerate(events, start=1):
        event["id"] = f"e{number}"
    return events


def _governing_verb(token: Any) -> Any | None:
    current = token
    for _ in range(12):
        if current.pos_ in {"VERB", "AUX"} and current.dep_ not in {"aux", "auxpass"}:
            return current if current.pos_ == "VERB" else None
        if current.head.i == current.i:
            return None
        current = current.head
    return None


def _subject_of(verb: Any) -> tuple[Any | None, bool]:
    """The subject token of ``verb`` and whether the clause is passive."""
    for child in verb.children:
        if child.dep_ == "nsubj" and _same_paragraph(child, verb):
            return _antecedent(child, verb), False
        if child.dep_ == "nsubjpass" and _same_paragraph(child, verb):
            return _antecedent(child, verb), True
    if (
        verb.dep_ in {"xcomp", "conj"}
        and verb.head.pos_ in {"VERB", "AUX"}
        and _same_paragraph(verb.head, verb)
    ):
        return _subject_of(verb.head)
    return None, False


def _same_paragraph(first: Any, second: Any) -> bool:
    # The parser sometimes runs a sentence across a paragraph break; a subject never does.
    start, end = sorted((first.idx, second.idx))
    return "\n\n" not in first.doc.text[start:end]


def _antecedent(subject: Any, verb: Any) -> Any:
    if subject.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
        return verb.head
    return subject


def _verb_event(
    verb: Any, index: MentionIndex, time: dict[str, Any] | None
) -> dict[str, Any] | None:
    subject, passive = _subject_of(verb)
    agent_token = None
    target_tokens: list[Any] = []
    if passive:
        target_tokens.append(subject)
        for child in verb.children:
            if child.dep_ == "agent":
                agent_token = next((g for g in child.children if g.dep_ == "pobj"), None)
    else:
        agent_token = subject
    for child in verb.children:
        if child.dep_ in {"dobj", "dative", "attr"}:
            target_tokens.append(child)
        elif child.dep_ == "prep" and child.lower_ in TARGET_PREPS:
            target_tokens += [g for g in child.children if g.dep_ == "pobj"]
        elif child.dep_ == "prt":
            for grand in child.children:
                if grand.dep_ == "prep":
                    target_tokens += [g for g in grand.children if g.dep_ == "pobj"]
    target_tokens = [t for t in target_tokens if t is not None]
    agent = index.actor_of_token(agent_token) if agent_token is not None else None
    target = None
    target_token = target_tokens[0] if target_tokens else None
    for candidate in target_tokens:
        found = index.actor_of_token(candidate)
        if found and found != agent:
            target, target_token = found, candidate
            break
    involved = [a for a in (agent, target) if a]
    for token in (agent_token, target_token):
        if token is None:
            continue
        for conj in token.conjuncts:
            found = index.actor_of_token(conj)
            if found and found not in involved:
                involved.append(found)
    for actor in list(involved):
        affiliation = index.affiliations.get(actor)
        if affiliation and affiliation not in involved:
            involved.append(affiliation)
    if not involved and time is None:
        return None
    return {
        "id": "",
        "sentence_id": "",
        "text": _clause_text(verb),
        "action": _action(verb),
        "agent": agent,
        "agent_text": _phrase(agent_token),
        "target": target,
        "target_text": _phrase(target_token),
        "actors": involved,
        "date": time["value"] if time else None,
        "range": list(time["range"]) if time else None,
        "granularity": time.get("granularity") if time else None,
        "time_id": time["id"] if time else None,
        "time_text": time["text"] if time else None,
        "inferred": False,
        "date_source": "text" if time else None,
        "kb_event": None,
        "trigger": {"start": verb.idx, "end": verb.idx + len(verb.text)},
        "agent_span": _span(agent_token),
        "target_span": _span(target_token),
    }


def _named_event(
    doc: Any,
    reference: EventReference,
    index: MentionIndex,
    times: Sequence[dict[str, Any]],
    sentence: str,
) -> dict[str, Any]:
    dated = reference.event
    stated = [
        t
        for t in times
        if t.get("sentence_id") == sentence
        and t.get("range")
        and str(t.get("value", ""))[:4] == dated.start[:4]
    ]
    token = doc[reference.token]
    verb = _governing_verb(token)
    involved: list[str] = []
    for tok in (verb or token).subtree if verb is not None else token.subtree:
        found = index.actor_at(tok.idx)
        if found and found not in involved:
            involved.append(found)
    base: dict[str, Any] = {
        "id": "",
        "sentence_id": sentence,
        "text": reference.text,
        "action": dated.entity.name,
        "agent": None,
        "agent_text": None,
        "target": None,
        "target_text": None,
        "actors": involved,
        "kb_event": dated.entity.id,
        "trigger": {"start": reference.start, "end": reference.end},
        "agent_span": None,
        "target_span": None,
    }
    if stated:
        time = stated[0]
        return {
            **base,
            "date": time["value"],
            "range": list(time["range"]),
            "granularity": time.get("granularity"),
            "time_id": time["id"],
            "time_text": time["text"],
            "inferred": False,
            "date_source": "text",
        }
    return {
        **base,
        "date": dated.start,
        "range": [_first_day(dated.start), _last_day(dated.end)],
        "granularity": _granularity(dated.start),
        "time_id": None,
        "time_text": None,
        "inferred": True,
        "date_source": f"knowledge base: {dated.entity.id} ({dated.source})",
    }


def _granularity(value: str) -> str:
    return {4: "year", 7: "month", 10: "day"}.get(len(value), "day")


def _first_day(value: str) -> str:
    return value + {4: "-01-01", 7: "-01"}.get(len(value), "")


def _last_day(value: str) -> str:
    if len(value) == 4:
        return value + "-12-31"
    if len(value) == 7:
        year, month = int(value[:4]), int(value[5:7])
        following = date(year + month // 12, month % 12 + 1, 1)
        return date.fromordinal(following.toordinal() - 1).isoformat()
    return value


def _action(verb: Any) -> str:
    words = [verb.lemma_.lower()]
    if any(c.dep_ == "neg" for c in verb.children):
        words.insert(0, "not")
    words += [c.lower_ for c in verb.children if c.dep_ == "prt"]
    return " ".join(words)


def _clause_text(verb: Any) -> str:
    sent = verb.sent
    tokens = [t for t in verb.subtree if sent.start <= t.i < sent.end]
    if not tokens:
        return str(sent.text)
    text = str(verb.doc[tokens[0].i : tokens[-1].i + 1].text).strip(" ,;:")
    return text if len(text) <= MAX_TEXT else text[: MAX_TEXT - 1].rstrip() + "\u2026"


def _phrase(token: Any | None) -> str | None:
    if token is None:
        return None
    return str(token.doc[token.left_edge.i : token.right_edge.i + 1].text)[:MAX_TEXT]


def _span(token: Any | None) -> list[int] | None:
    if token is None:
        return None
    return [token.idx, token.idx + len(token.text)]
