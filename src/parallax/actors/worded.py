"""Words a report gives as someone else's without quote marks: labels, verdicts, findings.

News attributes loaded words in forms that carry no quote marks and no "said": a naming
verb with its object's predicate ("lawmakers called the senator a traitor", "the mayor
described the plan as reckless"), a verdict's terms ("she condemned the raid as barbaric",
"critics accused him of gutting the agency"), and a finding's clause ("a court ruled that
the rule placed an undue burden", "the inquiry found that staff had falsified records").
The label is the namer's, the charge the accuser's, the finding the finder's; the report
only relays them, as it relays a quotation. The speech verbs' clauses are the quotes
layer's (:mod:`parallax.actors.quotes`); these are the forms it does not read as
quotations.

The article speaks for itself when it is the subject ("I call it a disgrace" in an
op-ed), so a first-person namer is no one else.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Any

from parallax.actors.datelines import in_dateline
from parallax.actors.quotes import speaker_of
from parallax.actors.resolve import MentionIndex
from parallax.actors.subjects import nearest_subject

FIRST_PERSON = frozenset({"i", "we"})
"""Subjects that are the article's own voice (an author writing in the first person)."""


def worded(
    doc: Any,
    actors: Sequence[dict[str, Any]],
    naming: Collection[str],
    finding: Collection[str],
    judging: Collection[str] = (),
) -> list[dict[str, Any]]:
    """The stretches of ``doc`` in someone else's words, each like a quotation of the layer.

    Args:
        doc: the parsed article.
        actors: the ``actors`` layer, for resolving who names or finds.
        naming: lemmas of verbs that name something as something ("call", "describe"):
            their object's predicate and their "as" phrase are the namer's words.
        finding: lemmas of verbs of finding ("find", "rule", "conclude"): their clause is
            the finder's account.
        judging: lemmas of verbs that pass a verdict in words ("accuse", "blame",
            "praise"): their "as" phrase and the charge or merit after "of" or "for"
            ("accused her of betraying the state") are the judge's words.

    Returns:
        ``{"start", "end", "kind": "worded", "speaker", "speaker_text"}`` per stretch, in
        text order; ``speaker`` is the actor id when the namer is one of the article's actors.
    """
    index = MentionIndex(actors)
    found: list[dict[str, Any]] = []
    for token in doc:
        if token.pos_ != "VERB":
            continue
        lemma = token.lemma_.lower()
        parts = []
        preps = ({"as"} if lemma in naming or lemma in judging else set()) | (
            {"of", "for"} if lemma in judging else set()
        )
        heads = [token]
        if lemma in judging:
            # The parser often hangs the charge on the accused ("accused [the mayor of ...]").
            heads += [c for c in token.children if c.dep_ == "dobj"]
        for head in heads:
            for child in head.children:
                if child.dep_ == "oprd" and lemma in naming and head is token:
                    parts.append(child)
                elif child.dep_ == "prep" and child.lower_ in preps:
                    if head is not token and child.lower_ == "as":
                        continue
                    parts += [g for g in child.children if g.dep_ in {"pobj", "pcomp", "amod"}]
        if lemma in finding:
            parts += [c for c in token.children if c.dep_ == "ccomp"]
        if not parts:
            continue
        subject = _subject(token)
        if subject is None or subject.lower_ in FIRST_PERSON:
            continue
        speaker, speaker_text = speaker_of(subject, index)
        for part in parts:
            end = part.right_edge
            found.append(
                {
                    "start": part.left_edge.idx,
                    "end": end.idx + len(end.text),
                    "kind": "worded",
                    "speaker": speaker,
                    "speaker_text": speaker_text,
                }
            )
    return sorted(found, key=lambda item: (item["start"], item["end"]))


def _subject(verb: Any) -> Any | None:
    """Who names or finds: the verb's subject, or, for a participle, its clause's subject.

    "A court struck down the law, ruling that ...": the court rules. "Lawmakers, calling it
    a stunt, ...": the lawmakers call; "she quit after calling it a stunt": she calls. A
    passive names its namer in its "by" phrase or not at all.
    """
    children = list(verb.children)
    subject = nearest_subject(verb, keep=lambda c: not in_dateline(c))
    if subject is not None:
        return subject
    agent = next((c for c in children if c.dep_ == "agent"), None)
    if agent is not None:
        return next((g for g in agent.children if g.dep_ == "pobj"), None)
    if any(c.dep_ == "nsubjpass" for c in children):
        return None  # "he was called a traitor": by whom, the report does not say
    if verb.dep_ in {"advcl", "conj"} and verb.tag_ in {"VBG", "VBD", "VBZ", "VBP"}:
        head = verb.head
        if head.pos_ in {"VERB", "AUX"} and head.i != verb.i:
            return nearest_subject(head, keep=lambda c: not in_dateline(c))
    if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and verb.head.dep_ == "prep":
        # "The senator forced a vote after accusing the speaker of ...": a participle
        # after a preposition has the subject of the verb the preposition hangs on.
        head = verb.head.head
        if head.pos_ in {"VERB", "AUX"}:
            return nearest_subject(head, keep=lambda c: not in_dateline(c))
    return None
