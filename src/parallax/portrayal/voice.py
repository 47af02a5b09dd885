"""Whose voice a stretch of an article is in: the article's own, or a source it reports.

The ``quotes`` layer marks direct quotations (possibly several sentences long) and reported
speech ("X said that ...", "according to X, ..."). A mention inside one of those spans is
in the quoted source's voice; everything else is the article's own. A claim the article
only relays ("officials said the bridge was hit") is thus kept apart from what the article
itself asserts, and what each source says is reported under its name.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from parallax.actors.subjects import titled_names

OWN = "own"
QUOTED = "quoted"


@dataclass(frozen=True)
class Voice:
    """Who says a stretch of text: ``own`` (the article) or ``quoted`` with its speaker."""

    kind: str
    speaker: str | None = None
    """The quoted source's actor id, when the quotes layer resolved it."""
    speaker_text: str | None = None
    """The source as the article names it ("a senior official")."""

    def key(self) -> tuple[str, str]:
        """A hashable label: own voice, or quoted by this speaker.

        An unnamed source is one however its first word is cased: "The general staff said"
        opening a sentence and "the general staff said" after a clause are one voice.
        """
        return (self.kind, self.speaker or (self.speaker_text or "").lower())


OWN_VOICE = Voice(OWN)


class VoiceIndex:
    """Looks up, from the quotes layer, whose voice a character offset is in."""

    def __init__(self, quotes: Sequence[dict[str, Any]]) -> None:
        """Index the quotation spans (innermost wins when they nest)."""
        self._spans = sorted(
            (int(q["start"]), int(q["end"]), q)
            for q in quotes
            if q.get("end", 0) > q.get("start", 0)
        )
        self._starts = [s for s, _, _ in self._spans]

    def at(self, start: int, end: int | None = None) -> Voice:
        """Whose voice ``start:end`` is in (quoted when the span lies in a quotation)."""
        end = start + 1 if end is None else end
        best: tuple[int, dict[str, Any]] | None = None
        position = bisect_right(self._starts, start)
        for span_start, span_end, quote in self._spans[max(position - 16, 0) : position]:
            if span_start <= start and end <= span_end + 1:
                width = span_end - span_start
                if best is None or width < best[0]:
                    best = (width, quote)
        if best is None:
            return OWN_VOICE
        quote = best[1]
        return Voice(QUOTED, quote.get("speaker"), quote.get("speaker_text"))


def verb_lemma(event: Mapping[str, Any]) -> str:
    """The lemma of an events-layer action, its negation set aside ("not say" -> "say")."""
    words = str(event.get("action") or "").split()
    return words[1] if words[:1] == ["not"] and len(words) > 1 else (words or [""])[0]


def speaking(
    quotes: Sequence[Mapping[str, Any]],
    events: Sequence[Mapping[str, Any]],
    sentences: Sequence[Any],
    speech_verbs: Collection[str],
) -> set[tuple[str, str]]:
    """(actor id, sentence id) for each sentence in which the actor is the one speaking.

    An actor speaks in a sentence that a quotation attributed to it touches ("'We will win,'
    Smith said"), or in which it is the subject of a speech verb (``speech_verbs``, lemmas)
    in the ``events`` layer ("Smith argued that the plan would help families"). Such a
    sentence carries the actor's own words: read towards the actor, its tone is what the
    actor says, not how the article speaks of it.
    """
    found: set[tuple[str, str]] = set()
    starts = [int(s.start) for s in sentences]
    for quote in quotes:
        speaker = quote.get("speaker")
        if not speaker:
            continue
        start, end = int(quote.get("start", 0)), int(quote.get("end", 0))
        first = max(bisect_right(starts, start) - 1, 0)
        for sentence in sentences[first:]:
            if sentence.start >= end:
                break
            if sentence.end > start:
                found.add((str(speaker), str(sentence.id)))
    for event in events:
        lemma = verb_lemma(event)
        if event.get("agent") and lemma in speech_verbs:
            found.add((str(event["agent"]), str(event.get("sentence_id"))))
    return found


def introducing(
    actors: Sequence[Mapping[str, Any]],
    events: Sequence[Mapping[str, Any]],
    text: str,
    speech_verbs: Collection[str],
) -> set[tuple[str, str]]:
    """(actor id, sentence id) where the actor is named only in who a speaker is.

    In '"...," said Senator Ann Berg of Ohio, the committee's top Democrat' the committee
    is part of the speaker's description (the ``events`` layer's ``agent_text`` of a speech
    verb, lemmas in ``speech_verbs``): the sentence identifies Berg, and its tone is the
    tone of what Berg says, not the article's view of the committee. Only an actor whose
    every mention in the sentence lies in such a phrase, and that is not the speaker
    itself, counts.
    """
    phrases: dict[str, list[tuple[int, int, str]]] = {}
    for event in events:
        lemma = verb_lemma(event)
        wording, head = str(event.get("agent_text") or ""), event.get("agent_span")
        if lemma not in speech_verbs or not wording or not head:
            continue
        at = text.find(wording, max(int(head[0]) - len(wording), 0))
        if 0 <= at <= int(head[0]) and at + len(wording) >= int(head[1]):
            span = (at, at + len(wording), str(event.get("agent") or ""))
            phrases.setdefault(str(event.get("sentence_id")), []).append(span)
    return _only_within(actors, phrases)


def describing_speakers(
    doc: Any,
    quotes: Sequence[Mapping[str, Any]],
    sentences: Sequence[Any],
    actors: Sequence[Mapping[str, Any]],
    speech_verbs: Collection[str],
) -> set[tuple[str, str]]:
    """(actor id, sentence id) where the actor is named only in the subject of a speech verb.

    "Supporters, led by committee chairman Glenn Thompson, say higher guarantees protect
    farmers": Thompson is named to say who speaks, as in a speaker's description
    (:func:`introducing`), but the speaker ("supporters") is no actor, so the ``events``
    layer keeps no speech act whose doer phrase would show it. The parse does: the subject
    of the quotation's speech verb (the verb written as the quote's cue, outside the quoted
    words; the quotes layer found it to be a verb of saying or of calling, whether its
    lemma is one of ``speech_verbs`` or not: "blasted the package as "a blank check""). The
    sentence's tone is what the speakers say, not the article's view of the people who
    lead them, or of what describes a speaker ("Sen. Rand Paul, a Kentucky Republican,").
    """
    starts = [int(s.start) for s in sentences]
    phrases: dict[str, list[tuple[int, int, str]]] = {}
    for quote in quotes:
        cue = str(quote.get("cue") or "").lower()
        start, end = int(quote.get("start", 0)), int(quote.get("end", 0))
        span = doc.char_span(start, end, alignment_mode="expand") if end > start else None
        if not cue or span is None or not len(span):
            continue
        for sent in {span[0].sent, span[-1].sent}:
            for verb in sent:
                if verb.lower_ != cue or verb.pos_ != "VERB":
                    continue
                if start <= verb.idx < end:
                    continue
                for subject in verb.children:
                    if subject.dep_ not in {"nsubj", "nsubjpass"}:
                        continue
                    left, right = subject.left_edge, subject.right_edge
                    sentence = sentences[max(bisect_right(starts, left.idx) - 1, 0)]
                    phrases.setdefault(str(sentence.id), []).append(
                        (left.idx, right.idx + len(right), str(quote.get("speaker") or ""))
                    )
    return _only_within(actors, phrases)


def _only_within(
    actors: Sequence[Mapping[str, Any]], phrases: Mapping[str, Sequence[tuple[int, int, str]]]
) -> set[tuple[str, str]]:
    """(actor id, sentence id) where the actor is named only inside speakers' phrases.

    ``phrases`` are (start, end, speaker id) per sentence id; a phrase of the actor's own
    speaking does not count.
    """
    found: set[tuple[str, str]] = set()
    for actor in actors:
        inside: dict[str, bool] = {}
        for mention in actor.get("mentions", []):
            sentence = str(mention.get("sentence_id"))
            start, end = int(mention["start"]), int(mention["end"])
            within = any(
                a <= start and end <= b and speaker != actor.get("id")
                for a, b, speaker in phrases.get(sentence, [])
            )
            inside[sentence] = inside.get(sentence, True) and within
        found.update((str(actor.get("id")), s) for s, only in inside.items() if only)
    return found


def owners_of_titles(doc: Any, actors: Sequence[Mapping[str, Any]]) -> set[tuple[str, str]]:
    """(actor id, sentence id) where the actor is named only as the owner of someone's title.

    In "Kroll's challenger, state treasurer Amy Lindgren, has spent the summer on farms"
    Kroll is named to say who Lindgren is: the title ("challenger") has a name in apposition
    (through another title or not), and the sentence is about that person. Its tone is
    Lindgren's, not the article's view of Kroll, as with a speaker's description
    (:func:`introducing`). Only an actor whose every mention in the sentence is such an
    owner, of a title whose named person is another actor, counts.
    """
    owner_at = {int(m["start"]): str(a.get("id")) for a in actors for m in a.get("mentions", [])}
    found: set[tuple[str, str]] = set()
    for actor in actors:
        only: dict[str, bool] = {}
        for mention in actor.get("mentions", []):
            start, end = int(mention["start"]), int(mention["end"])
            span = doc.char_span(start, end, alignment_mode="expand")
            head = span.root if span is not None and len(span) else None
            owned = (
                head is not None
                and head.dep_ == "poss"
                and _named_person(head.head, owner_at, str(actor.get("id")))
            )
            sentence = str(mention.get("sentence_id"))
            only[sentence] = only.get(sentence, True) and owned
        found.update((str(actor.get("id")), s) for s, alone in only.items() if alone)
    return found


def _named_person(title: Any, owner_at: Mapping[int, str], owner: str) -> bool:
    """Whether a name in apposition to ``title`` (or to a title beside it) is another actor's."""
    for child in title.children:
        if child.dep_ != "appos" or child.i < title.i:
            continue
        for token in ([child] if child.pos_ == "PROPN" else []) + titled_names(child):
            named = owner_at.get(token.left_edge.idx) or owner_at.get(token.idx)
            if named is not None and named != owner:
                return True
    return False


def relayed(
    events: Sequence[Mapping[str, Any]], verbs: Collection[str]
) -> dict[tuple[str, str], Voice]:
    """(actor id, sentence id) -> the voice of whoever passes a verdict on the actor there.

    In "officials accused Westland of shelling the town" or "Eastland blamed Westland for
    the strike" what the sentence says of Westland is the accuser's charge, not the
    article's own word on it, though no quotation marks or "that" clause set it apart. The
    actor that is the target of a verb of saying or judging (``verbs``, lemmas, negated
    ones included) done by someone else (the ``events`` layer's agent, or only its
    ``agent_text`` when the agent is no actor of the article) is spoken of in that
    speaker's voice in that sentence. The first such verb in a sentence decides.
    """
    found: dict[tuple[str, str], Voice] = {}
    for event in events:
        lemma = verb_lemma(event)
        target, agent = event.get("target"), event.get("agent")
        speaker_text = event.get("agent_text")
        if lemma not in verbs or not target or target == agent or not (agent or speaker_text):
            continue
        if not agent and str(speaker_text).lower() in UNNAMED:
            speaker_text = None  # "It thanked the UAE": someone, but "It" names no one
        key = (str(target), str(event.get("sentence_id")))
        found.setdefault(
            key, Voice(QUOTED, str(agent) if agent else None, str(speaker_text or "") or None)
        )
    return found


UNNAMED = frozenset({"he", "she", "it", "they", "we", "i", "you", "this", "that", "who"})
"""Agents that, left unresolved, name nobody a reader could tell apart: a verdict passed
by one is still someone else's word, shown as an unnamed speaker's, like a quotation whose
"she said" the actors layer found no one for."""


def reported(events: Sequence[Mapping[str, Any]], verbs: Collection[str]) -> dict[int, Voice]:
    """Index in ``events`` -> the voice of whoever reports or finds what that event tells.

    "A court ruled that Westland had violated the treaty": the violation is the court's
    finding, told in its clause, though the quotes layer marks no quotation for a verb of
    finding. An event lies in the clause of a reporting event (lemma in ``verbs``, said by
    someone: an ``agent`` or only its ``agent_text``) when both are in one sentence, its
    text lies within the reporting event's text, its trigger comes after the reporting
    verb's, and someone else does it.
    """
    found: dict[int, Voice] = {}
    reporters = []
    for event in events:
        lemma = verb_lemma(event)
        if lemma in verbs and (event.get("agent") or event.get("agent_text")):
            reporters.append(event)
    for number, event in enumerate(events):
        text = str(event.get("text") or "").strip()
        at = int((event.get("trigger") or {}).get("start", -1))
        for reporter in reporters:
            if (
                reporter is event
                or reporter.get("sentence_id") != event.get("sentence_id")
                or (reporter.get("agent") and reporter.get("agent") == event.get("agent"))
                or at < int((reporter.get("trigger") or {}).get("end", 1 << 30))
                or not text
                or text not in str(reporter.get("text") or "")
            ):
                continue
            agent, speaker_text = reporter.get("agent"), reporter.get("agent_text")
            found[number] = Voice(
                QUOTED, str(agent) if agent else None, str(speaker_text or "") or None
            )
            break
    return found


QUOTE_MARKS = frozenset({'"', "“", "”", "'", "‘", "’"})
SPEAKING_PARTICLES = frozenset({"out"})
"""Particles that make "call" a verb of speaking ("called out the senator")."""
SPEAKING_PREPOSITIONS = frozenset({"for", "on"})
"""Prepositions that make an objectless "call" a demand ("called for calm", "called on
residents to stay home")."""


def wordless_calls(doc: Any, events: Sequence[Mapping[str, Any]]) -> set[str]:
    """Ids of "call" events that say nothing: a telephone call, a summons, a meeting called.

    "Call" names ("called the governor a liar", 'called the decision "an abuse"'), demands
    ("called for calm", "called on residents to stay home") and criticises ("called out the
    senator"), and then its subject speaks of its object. Without a predicate for its
    object, such a preposition or particle, a clause or a quotation mark, it is something
    done: "personally called the families of the victims", "called an election for June",
    "called the minister to offer help". Read as speech, such a sentence would be taken out
    of the article's voice about its subject (:func:`speaking`), and a governor's visits to
    bereaved families would never count for her. Events whose verb the parse ``doc`` does not
    show are left as they are.
    """
    found: set[str] = set()
    for event in events:
        trigger = event.get("trigger") or {}
        if verb_lemma(event) != "call" or "start" not in trigger:
            continue
        span = doc.char_span(int(trigger["start"]), int(trigger["end"]))
        if span is None or not len(span):
            continue
        if not _speaks(span.root):
            found.add(str(event.get("id")))
    return found


def _speaks(verb: Any) -> bool:
    children = list(verb.children)
    deps = {child.dep_ for child in children}
    if "ccomp" in deps or any(child.text in QUOTE_MARKS for child in children):
        return True
    if "oprd" in deps and "xcomp" not in deps:
        return True  # "called him a liar"; not "called Mora to offer help"
    if any(c.dep_ == "prt" and c.lower_ in SPEAKING_PARTICLES for c in children):
        return True
    objects = [child for child in children if child.dep_ == "dobj"]
    if not objects:  # "called for calm", "called on residents to stay home"
        return any(c.dep_ == "prep" and c.lower_ in SPEAKING_PREPOSITIONS for c in children)
    after = objects[0].right_edge.i + 1  # 'called the decision "an abuse of power"'
    doc = verb.doc
    return after + 1 < len(doc) and doc[after].text in QUOTE_MARKS and doc[after + 1].is_alpha


CONDITIONS = frozenset({"if", "unless"})


def supposed(doc: Any, actors: Sequence[Mapping[str, Any]]) -> set[tuple[str, str]]:
    """(actor id, sentence id) where the actor is named in a sentence that only supposes.

    "If she does not, she will have chosen a company's earnings over her voters" tells what
    would be true on a condition, not what the actor did or is: its tone is no judgement
    the article passes on the actor. The sentiment model reads such a sentence as it would
    a statement (here, warmly), so a sentence whose main clause hangs on an "if" or
    "unless" clause is not asked about any actor in the article's voice.
    """
    found: set[tuple[str, str]] = set()
    for actor in actors:
        for mention in actor.get("mentions", []):
            start, end = int(mention["start"]), int(mention["end"])
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None or not len(span) or not _on_condition(span.root.sent.root):
                continue
            found.add((str(actor.get("id")), str(mention.get("sentence_id"))))
    return found


def _on_condition(root: Any) -> bool:
    """Whether a sentence's main verb has an "if" or "unless" clause."""
    return any(
        clause.dep_ == "advcl"
        and any(c.dep_ == "mark" and c.lower_ in CONDITIONS for c in clause.children)
        for clause in root.children
    )
