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

from parallax.actors.aims import aim, instrument, noun_class, owner_of
from parallax.actors.amounts import amount_owner
from parallax.actors.animacy import names_people, on_their_side, one_of_its_people
from parallax.actors.contests import contest_of
from parallax.actors.datelines import in_dateline
from parallax.actors.event_times import day_of_time, governing_verb, when_clause_verbs
from parallax.actors.event_wording import (
    action_lemma,
    action_text,
    char_span_of,
    clause_text,
    direct_object,
    is_time,
    phrase_of,
    reported_clause,
    with_goal,
)
from parallax.actors.factuality import hypothetical, intended, verbal
from parallax.actors.named_events import (
    EventReference,
    NamedEvents,
    dated_elsewhere,
    meeting_fits,
    time_on_name,
)
from parallax.actors.relative_objects import is_relative_object, relative_antecedent
from parallax.actors.reported_speech import speaker_goes_on
from parallax.actors.resolve import MentionIndex
from parallax.actors.restraint import kept_from
from parallax.actors.speech import SPEECH_VERBS
from parallax.actors.subjects import antecedent, nearest_subject, stranded_speaker
from parallax.actors.vocabulary import noun_read_as_verb
from parallax.actors.weekday_tense import tense_fits
from parallax.model import Sentence

TARGET_PREPS = frozenset({"to", "against", "into", "on", "toward", "towards", "upon", "onto"})
"""Prepositions whose object is what a verb without a direct object acts on ("moved against
Kyiv"). "With" (a partner) and "from" (a source) name someone involved, not a target."""
MEDIUM_PREPS = frozenset({"on", "onto", "upon"})
"""After a speech verb, these name where it was said ("wrote on Telegram"), not its target."""
PARTNER_PREPS = frozenset({"with", "from"})
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
    for time in map(day_of_time, times):
        if time.get("type") not in DATED_TYPES or not time.get("range"):
            continue
        span = doc.char_span(time["start"], time["end"], alignment_mode="expand")
        if span is None:
            continue
        verb = governing_verb(span.root)
        for dated in ([verb] if verb is not None else []) + when_clause_verbs(span.root):
            if dated.i not in time_of_verb and tense_fits(dated, time, anchor):
                time_of_verb[dated.i] = time
    bounds: list[tuple[int, int]] = []
    for sent in doc.sents:  # once per article: Token.sent walks the parse on every call
        bounds += [(sent.start, sent.end)] * len(sent)
    events: list[dict[str, Any]] = []
    for token in doc:
        if token.pos_ != "VERB" or token.dep_ in {"aux", "auxpass", "amod"}:
            continue
        if noun_read_as_verb(token):
            continue  # "adapt to climate change": "climate" is no act
        event = _verb_event(token, index, time_of_verb.get(token.i), bounds[token.i])
        if event is None:
            continue
        event["sentence_id"] = sentence_id(token.idx)
        events.append(event)
    references = named.find(doc, anchor) if named is not None else []
    for reference in references:
        verb_time = time_of_verb.get(reference.token)
        if reference.by_verb and not meeting_fits(doc, reference, verb_time, anchor, named):
            continue  # "leaders met in Rome on Saturday": another meeting than the summit
        if reference.by_place and dated_elsewhere(doc, reference, times):
            continue  # "Monday's meeting in Helsinki", in 2026: not the 2018 summit
        sentence = sentence_id(reference.start)
        bound = bounds[reference.token]
        events.append(_named_event(doc, reference, index, times, sentence, bound))
    events.sort(key=lambda e: (e["trigger"]["start"], e["kb_event"] is not None))
    for number, event in enumerate(events, start=1):
        event["id"] = f"e{number}"
    return events


def _subject_of(verb: Any) -> tuple[Any | None, bool]:
    """The subject token of ``verb`` and whether the clause is passive.

    A dateline the parser took for a subject ("CITY - X said") and a day or time in
    subject position ("the day Thursday scurrying") name no doer and are passed over.
    """
    for dep, passive in (("nsubj", False), ("nsubjpass", True)):
        child = nearest_subject(verb, dep, keep=lambda c: in_dateline(c) or not _not_a_doer(c))
        if child is not None and in_dateline(child):
            # "KYIV — Ukraine and Russia exchanged ...": the parser made the place the
            # subject and the doers its apposition or conjunct.
            child = _doer_after_dateline(child)
        if child is not None and _same_paragraph(child, verb):
            return antecedent(child, verb), passive
    speaker = stranded_speaker(verb)
    if speaker is not None:
        return speaker, False  # "..., killing four people, governor Ann Hale said"
    if (telling := speaker_goes_on(verb)) is not None:
        return _subject_of(telling)  # 'said he had "lied" and urged ...': the speaker urged
    if verb.dep_ == "conj" and (_missed_subject(verb) or _unmatched_gerund(verb)):
        return None, False
    if (
        verb.dep_ in {"xcomp", "conj"}
        and verb.head.pos_ in {"VERB", "AUX"}
        and _same_paragraph(verb.head, verb)
    ):
        infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        controller = direct_object(verb.head) if verb.dep_ == "xcomp" and infinitive else None
        if controller is not None and verb.head.lemma_.lower() not in PURPOSE_HEADS:
            return controller, False  # "urged Obama to listen": Obama listens
        appealed = _appealed_to(verb.head) if verb.dep_ == "xcomp" and infinitive else None
        if controller is None and appealed is not None:
            return appealed, False  # "called on rich nations to deliver": the nations do
        subject, passive = _subject_of(verb.head)
        if verb.dep_ == "xcomp":
            # "X was forced to withdraw": X withdraws; the complement has its own voice.
            passive = any(c.dep_ == "auxpass" for c in verb.children)
        elif any(c.dep_ in {"aux", "auxpass"} for c in verb.children):
            # "were short of shells and had been forced to pull back": a second verb with
            # auxiliaries of its own has its own voice; "was arrested and charged" shares.
            passive = any(c.dep_ == "auxpass" for c in verb.children)
        return subject, passive
    if _main_verb_read_as_a_modifier(verb):
        return verb.head, False  # "China, the biggest emitter, pledged in May to cut ..."
    if (
        verb.dep_ == "advcl"
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        and _main_verb_read_as_a_modifier(verb.head)
    ):
        return verb.head.head, False  # "... pledged in May to cut emissions": China cuts
    return None, False


def _doer_after_dateline(place: Any) -> Any | None:
    """The doer the parser hung on a dateline it took for the subject.

    "KYIV — Ukraine and Russia exchanged ...": an apposition or conjunct of the place; in
    "STRASBOURG, France — The European Parliament voted ..." one of the dateline's second
    place, so the search goes down through apposed and joined parts of the dateline.
    """
    for child in place.children:
        if child.dep_ not in {"appos", "conj"}:
            continue
        if not in_dateline(child):
            return child
        found = _doer_after_dateline(child)
        if found is not None:
            return found
    return None


def _appealed_to(verb: Any) -> Any | None:
    """Whom a verb of appeal asks to act: "called on rich nations to deliver": the nations."""
    if verb.lemma_.lower() not in APPEAL_HEADS:
        return None
    return next(
        (
            g
            for c in verb.children
            if c.dep_ == "prep" and c.lower_ in {"on", "upon", "to"}
            for g in c.children
            if g.dep_ == "pobj"
        ),
        None,
    )


APPEAL_HEADS = frozenset({"call", "appeal"})
"""Verbs whose "on" or "to" object is asked to do what the infinitive after it says."""


def _main_verb_read_as_a_modifier(verb: Any) -> bool:
    """Whether the parser took a sentence's own verb for a participle on its subject.

    In "China, the world's biggest emitter, pledged in September to cut emissions" the
    parser made "China" the root and "pledged" a participle describing it, so the pledge had
    no doer. A past form right after the comma that closes the subject's apposition, in a
    sentence with no verb of its own, with an object or a clause of its own and no "by"
    phrase, is the sentence's verb and its head the subject; a headline's "nine people,
    most of them children, killed in strike" has none of those and stays a passive.
    """
    head = verb.head
    return (
        verb.dep_ == "acl"
        and verb.tag_ in {"VBN", "VBD"}
        and head.dep_ == "ROOT"
        and head.pos_ in {"PROPN", "NOUN"}
        and verb.i > 0
        and verb.doc[verb.i - 1].text == ","
        and any(c.dep_ == "appos" for c in head.children)
        and any(c.dep_ in {"dobj", "xcomp", "ccomp", "advcl"} for c in verb.children)
        and not any(c.dep_ == "agent" for c in verb.children)
    )


PURPOSE_HEADS = frozenset({"call", "phone", "visit", "meet", "contact", "promise", "use"})
"""Verbs whose infinitive after an object is the subject's purpose or pledge, not the
object's act: in "called Whitfield to congratulate her" the caller congratulates, in
"used drones to strike" the user strikes; after "urged Obama to listen" Obama listens."""


def _missed_subject(verb: Any) -> bool:
    """Whether a coordinated verb has a name before it that the parser did not attach.

    "X said to one paper and NOW confirmed to another": a capitalised word between the
    conjunction and the second verb is that clause's own subject (an acronym read as an
    adverb), so the first verb's subject is not inherited; the doer is left unknown.
    """
    doc = verb.doc
    conjunction = next(
        (t for t in doc[verb.head.i + 1 : verb.i] if t.dep_ == "cc" and t.head.i == verb.head.i),
        None,
    )
    if conjunction is None:
        return False
    between = doc[conjunction.i + 1 : verb.i]
    return any(
        t.text[:1].isupper()
        and t.text != "I"
        and t.is_alpha
        and t.ent_type_ not in {"DATE", "TIME"}  # "and on Tuesday invaded": still X's act
        and t.dep_ not in {"pobj", "prep"}
        for t in between
    )


def _unmatched_gerund(verb: Any) -> bool:
    """Whether a bare "-ing" form is coordinated with a verb of another form.

    Coordinated verbs share their form ("would like to thank ... and invite"); in "to thank
    the staff for their hard work and enabling us to build" the gerund belongs with the
    nouns after "for", and the parser's link to "thank" lends it a subject not its own.
    """
    own_auxiliary = any(c.dep_ in {"aux", "auxpass"} for c in verb.children)
    return (
        verb.tag_ == "VBG" and not own_auxiliary and verb.head.tag_ in {"VB", "VBD", "VBZ", "VBP"}
    )


def _appositive_after_phrase(token: Any) -> bool:
    """Whether an "object" is an apposition to the phrase before it, misread as the object.

    In "met on Friday on the question of X, the first step in ..." the noun phrase after the
    comma renames what precedes it; an object follows its verb without a comma closing a
    prepositional phrase of the verb between them.
    """
    doc = token.doc
    comma = token.left_edge.i - 1
    if comma <= token.head.i or doc[comma].text != ",":
        return False
    return any(
        child.dep_ == "prep" and child.right_edge.i in {comma - 1, comma}
        for child in token.head.children
    )


def _tally(token: Any) -> bool:
    """Whether a number is one side of a vote's tally ("8 to 5", "67 to 32")."""
    if not token.like_num:
        return False
    doc, i = token.doc, token.i
    before = i >= 2 and doc[i - 1].lower_ == "to" and doc[i - 2].like_num
    after = i + 2 < len(doc) and doc[i + 1].lower_ == "to" and doc[i + 2].like_num
    return bool(before or after)


def _not_a_doer(token: Any) -> bool:
    if is_time(token):
        return True
    return (
        token.text.isupper()
        and len(token.text) > 1
        and any(
            c.dep_ == "punct" and c.text in {"-", "--", "\u2013", "\u2014"} for c in token.children
        )
    )


def _same_paragraph(first: Any, second: Any) -> bool:
    # The parser sometimes runs a sentence across a paragraph break; a subject never does.
    low, high = sorted((first.i, second.i))
    return not any("\n\n" in t.text_with_ws for t in first.doc[low:high])


def _verb_event(
    verb: Any, index: MentionIndex, time: dict[str, Any] | None, sentence: tuple[int, int]
) -> dict[str, Any] | None:
    subject, passive = _subject_of(verb)
    agent_token = None
    target_tokens: list[Any] = []
    if passive:
        target_tokens.append(subject)
        for child in verb.children:
            if child.dep_ == "agent":
                agent_token = next((g for g in child.children if g.dep_ == "pobj"), None)
        if agent_token is not None and is_time(agent_token):
            agent_token = None  # "ballots had been cast by Monday": a deadline, not a doer
    else:
        agent_token = subject
    oblique: list[Any] = []
    partners: list[Any] = []
    for child in verb.children:
        if is_time(child):
            continue  # "indicated Tuesday that...": when, never what or whom
        if _tally(child):
            continue  # "voted 8 to 5": the score, not what was voted on
        if child.dep_ in {"dobj", "dative", "attr"} and child.tag_ == "IN":
            continue  # "said that Russia had attacked": the parser's object is the "that"
        if child.dep_ in {"dobj", "dative", "attr"} and not _appositive_after_phrase(child):
            target_tokens.append(child)
        elif child.dep_ == "prep" and child.lower_ in TARGET_PREPS:
            if child.lower_ in MEDIUM_PREPS and verb.lemma_.lower() in SPEECH_VERBS:
                continue  # "wrote on Telegram", "said in a post": where, not to whom
            oblique += [
                g for g in child.children if g.dep_ == "pobj" and not is_time(g) and not _tally(g)
            ]
        elif child.dep_ == "prep" and child.lower_ in PARTNER_PREPS:
            partners += [g for g in child.children if g.dep_ == "pobj"]
        elif child.dep_ == "prt":
            for grand in child.children:
                if grand.dep_ == "prep" and grand.lower_ in TARGET_PREPS:
                    oblique += [g for g in grand.children if g.dep_ == "pobj"]
    agent = index.actor_of_token(agent_token) if agent_token is not None else None
    if agent is not None and one_of_its_people(
        agent_token,
        lambda t: index.actor_at(t.idx) is not None,
        speaking=verb.lemma_.lower() in SPEECH_VERBS,
    ):
        agent = None  # "an Amazon worker sued": someone who works there, not the firm
    if agent_token is not None and on_their_side(agent_token, index.actor_of_token, agent):
        agent = None  # "the Kremlin's apologists claim": not the Kremlin
    owner = amount_owner(verb, agent_token, agent, index.actor_at)  # "its claims fell"
    agent = None if owner else agent
    # The patient is the direct object (or the passive subject) when the clause has one,
    # actor or not: in "Finland submitted its bid with Sweden" Sweden is a partner, not
    # what Finland submitted. Only a clause without one takes a directional object
    # ("moved against Kyiv"), and then one that names an actor first.
    target_token = next((t for t in target_tokens if t is not None), None)
    if target_token is not None and is_relative_object(target_token, verb):
        target_token = relative_antecedent(verb)  # "a ceasefire, which Ukraine accepted"
    target = index.actor_of_token(target_token) if target_token is not None else None
    if target_token is not None and on_their_side(target_token, index.actor_of_token, target):
        target = None  # "arrested the president's critics": not the president
    target_prep = None
    if target_token is None and oblique:
        target_token = next((t for t in oblique if index.actor_of_token(t)), oblique[0])
        target = index.actor_of_token(target_token)
        target_prep = target_token.head.lower_
    if target == agent:
        target = None
    involved = [a for a in (agent, target, owner) if a]
    for candidate in oblique + partners:
        found = index.actor_of_token(candidate)
        if found and found not in involved:
            involved.append(found)
    for token in (agent_token, target_token):
        if token is None:
            continue
        for conj in token.conjuncts:
            found = index.actor_of_token(conj)
            if found and found not in involved:
                involved.append(found)
    aimed = _aim(verb, index)
    if aimed is not None and aimed["actor"] and aimed["actor"] not in involved:
        involved.append(aimed["actor"])
    for actor in list(involved):
        affiliation = index.affiliations.get(actor)
        if affiliation and affiliation not in involved:
            involved.append(affiliation)
    if not involved and time is None:
        return None
    return {
        "id": "",
        "sentence_id": "",
        "text": clause_text(verb, sentence),
        "action": action_lemma(verb),
        "action_text": action_text(verb),
        "passive": passive,
        "agent": agent,
        "agent_text": phrase_of(agent_token),
        "target": target,
        "target_text": with_goal(target_token, phrase_of(target_token)),
        "target_prep": target_prep,
        "hypothetical": hypothetical(verb, sentence),
        "intended": intended(verb),
        "verbal": verbal(
            verb,
            index.types.get(target or "") == "person",
            index.types.get(agent or "") == "person",
        ),
        "agent_named": _names(index, agent_token, agent, doer=True),
        "target_named": _names(index, target_token, target),
        "open_complement": any(c.dep_ == "xcomp" for c in verb.children),
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
        "agent_span": char_span_of(agent_token),
        "target_span": char_span_of(target_token),
        "target_people": names_people(target_token),
        "target_head": target_token.lemma_.lower() if target_token is not None else None,
        "aim": aimed,
        "instrument": instrument(verb),
        "reported": reported_clause(verb, sentence),
        "doer_class": noun_class(agent_token) if agent_token is not None else None,
        "kept_from": kept_from(verb),
        "contest": contest_of(verb),
    }


def _aim(verb: Any, index: MentionIndex) -> dict[str, Any] | None:
    """Where the verb's act is aimed (:mod:`parallax.actors.aims`), or None."""
    token = aim(verb, lambda t: index.actor_at(t.idx) is not None)
    if token is None:
        return None
    actor = index.actor_of_token(token)
    owner = owner_of(token) if actor is None and not names_people(token) else None
    if owner is not None:
        actor = index.actor_of_token(owner)  # "the port of Odesa" is Odesa's
    return {
        "actor": actor,
        "text": phrase_of(token),
        "prep": token.head.lower_,
        "named": _names(index, owner or token, actor),
        "people": names_people(token),
        "span": char_span_of(token),
    }


AUX_DEPS = frozenset({"aux", "auxpass"})


def _clause_verb(token: Any) -> Any | None:
    """The verb of the clause a token sits in (a copula counts: "there would be no war")."""
    current = token
    for _ in range(12):
        if current.pos_ == "VERB" or (current.pos_ == "AUX" and current.dep_ not in AUX_DEPS):
            return current
        if current.head.i == current.i:
            return None
        current = current.head
    return None


def _named_event(
    doc: Any,
    reference: EventReference,
    index: MentionIndex,
    times: Sequence[dict[str, Any]],
    sentence: str,
    bounds: tuple[int, int],
) -> dict[str, Any]:
    dated = reference.event
    span = (_first_day(dated.start), _last_day(dated.end))
    # A date the sentence states is this event's only if it falls within the event: "18
    # May 2022, three months after the invasion" dates the application, not the invasion.
    stated = [
        t
        for t in times
        if t.get("sentence_id") == sentence
        and t.get("range")
        and str(t["range"][0]) <= span[1]
        and str(t["range"][1]) >= span[0]
    ]
    if not stated:
        # The source's own year on the name stands, even where the KB dates it otherwise.
        stated = [t for t in [time_on_name(doc, reference, times)] if t is not None]
    token = doc[reference.token]
    verb = governing_verb(token)
    clause = _clause_verb(token)
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
        # A named event keeps its knowledge-base date when the text looks ahead to it
        # ("will gather at the Madrid summit"); only conditions and questions drop it.
        "hypothetical": clause is not None and hypothetical(clause, bounds, future=False),
        "trigger": {"start": reference.start, "end": reference.end},
        "agent_span": None,
        "target_span": None,
        "target_people": False,
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
        "range": list(span),
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


def _names(index: MentionIndex, token: Any | None, actor: str | None, doer: bool = False) -> bool:
    """Whether the phrase headed by ``token`` is a mention of ``actor`` itself.

    "Russia's reaction" acts for Russia in the events layer, but a label must not shorten
    it to "Russia": only a phrase whose head is the mention reads as the actor's name, and
    not a ``doer`` whose head is a common noun for its people ("Russian forces"; as a target
    such a phrase is still the actor's own, for whom harm done there is suffered).
    """
    if token is None or actor is None or index.actor_at(token.idx) != actor:
        return False
    # "Russian forces have advanced" acts for Russia, but is not "Russia have advanced".
    return not (
        doer
        and token.pos_ == "NOUN"
        and any(c.dep_ in {"amod", "compound"} and c.ent_type_ == "NORP" for c in token.children)
    )
