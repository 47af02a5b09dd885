"""Which time dates a claim, read from the dependency parse of its sentence.

Role binding (:mod:`parallax.claims.roles`) asks these questions: does a time expression
hang from the claim's predicate (or only from some other phrase of the sentence); is the
predicate dated by a date the time readers could not resolve ("on Monday"), by another event
instead of a date ("when the Berlin Wall fell"), or by two dates at once ("in 2023 and
2024"). A claim dated in any of these ways cannot be judged on its time.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from parallax.claims.clauses import span_head
from parallax.claims.model import Claim
from parallax.claims.when import TimeMention

if TYPE_CHECKING:
    from parallax.claims.roles import Binding

YEAR = re.compile(r"\b(?:1\d{3}|20\d{2})\b|\b(?:1\d|20)\d0s\b|['\u2019]\d{2}\b")
"""A year in a time expression's words ("1999", "the 1990s", "'04"): without one, a time
is not resolved with enough confidence to judge a claim on."""


_TIME_ADVERBS = frozenset({"back", "way", "as", "early", "late", "already", "even", "only"})
"""Adverbs that lead a time phrase without dating anything of their own."""


def time_bound(time_head: Any, pred: Any, allowed: set[int]) -> bool:
    """Whether a time hangs from the predicate (through prepositions and allowed nouns)."""
    node = time_head
    for _ in range(12):
        if node.i == pred.i:
            return True
        if node.head.i == node.i:
            return False
        node = node.head
        if node.i == pred.i:
            return True
        if node.pos_ in {"ADP", "SCONJ", "CCONJ", "PUNCT", "NUM", "PROPN", "DET"}:
            continue
        if node.pos_ == "ADV" and node.lower_ in _TIME_ADVERBS:
            continue  # "back in 2014", "as early as 1990"
        if node.i in allowed:
            continue
        if node.dep_ == "conj" and node.head.i == pred.i and node.pos_ not in {"VERB", "AUX"}:
            # a name listed with the predicate's own; a verb joined to it ("pulled out ...
            # and rejoined it in 2021") has a time of its own
            continue
        return False
    return False


def dates_a_governor(time_head: Any, pred: Any) -> bool:
    """Whether a time dates a verb the predicate hangs from ("said in 2021 that ... has").

    A present tense under a dated verb of saying or finding is as of that verb's time:
    "officials said in 2021 that NATO has 30 members" was true when said. Only a clause the
    predicate is the complement of counts; a verb joined to it by "and" ("left the Union in
    1990 and joined the EU in 2004") has a time of its own.
    """
    verb = time_head.head
    while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
        if verb.lower_ == "according" and verb.head.i == pred.i:
            return True  # "according to a 2014 report, NATO has 28 members"
        verb = verb.head
    if verb.lower_ == "according" and verb.head.i == pred.i:
        return True
    if _setting_participle(verb):
        # "Speaking in 2019, officials said ...", "The envoy, speaking in 2019, said ...":
        # the participle sets the time of the saying
        verb = verb.head if verb.dep_ == "advcl" else verb.head.head
    if verb.pos_ not in {"VERB", "AUX"} or verb.i == pred.i:
        return False
    if verb.dep_ == "parataxis" and verb.head.i == pred.i:
        return True  # "NATO has 30 members, officials said in 2021", parsed the other way
    node = pred
    while node.dep_ in {"ccomp", "parataxis"} and node.head.i != node.i:
        node = node.head
        if node.i == verb.i:
            return True
    return False


def _setting_participle(verb: Any) -> bool:
    """Whether ``verb`` is a subjectless participle clause on a verb of saying or writing.

    "Speaking in March 2021, officials said ...", "Writing in 2014, the historian noted
    ...": the participle has the saying's subject, so its time is the saying's. A participle
    of another act ("Having joined in 2023, Finland said ...") dates that act, not the saying.
    """
    if verb.dep_ == "acl" and verb.head.dep_ == "nsubj":
        saying = verb.head.head  # on the subject of the verb of saying, set off by commas
    elif verb.dep_ == "advcl":
        saying = verb.head
    else:
        return False
    return bool(
        verb.tag_ in {"VBG", "VBN"}
        and verb.lemma_ in SAYING_VERBS
        and not any(c.dep_ in {"nsubj", "nsubjpass", "mark"} for c in verb.children)
        and saying.pos_ in {"VERB", "AUX"}
    )


SAYING_VERBS = frozenset(
    {"speak", "write", "talk", "testify", "address", "brief", "comment", "respond", "reply"}
    | {"answer", "tell", "say", "announce", "declare", "explain", "argue", "report", "note"}
)
"""Verbs of saying or writing whose participle may set the time of a report."""

REPORT_NEAR_DAYS = 31
"""A report this near the article's date speaks of the article's present."""


def near_the_article(time: TimeMention, anchor: date | None) -> bool:
    """Whether a time lies within :data:`REPORT_NEAR_DAYS` of the article's date."""
    if anchor is None:
        return False
    margin = timedelta(days=REPORT_NEAR_DAYS)
    return time.begin - margin <= anchor <= time.last + margin


def said_state(claim: Claim) -> bool:
    """Whether a claim reported at a dated time is judged at that time.

    A state said to hold ("officials said in 2021 that NATO has 30 members", backshifted
    "said in 2021 the EU had 27 members") held, if true, when it was said; so the claim is
    judged at the report's time when that time names a year. An act told in the past
    ("said in 2021 that Finland joined") happened some time before the saying, which is no
    date for it; nor is a time with no year ("said last year"), which is not judged on.
    """
    time = claim.time
    if time is None or time.bound != "at" or not YEAR.search(time.text):
        return False
    if claim.tense == "present" or claim.relation == "member_count":
        return True
    # "said in 2019 that Sweden was not a member": a membership, not a joining
    return claim.relation == "member_of" and "member" in (claim.cue or "").lower()


def judged_as_said(claim: Claim, reported: bool, anchor: date | None) -> bool:
    """Whether a claim whose time dates something else keeps it, as the time it was said.

    A state said at a dated time (:func:`said_state`) is judged as of then, and the binding
    says so; otherwise a report further from the article's date than a month leaves the
    claim unjudged, since its present is that time's, not the article's. A count in the
    past tense whose sentence's time dates another clause ("In 1999, the EU, which had 12
    members, launched the euro") is not judged either: the count is most likely as of that
    time, and judged at no time ("had 12 members at some point") it would be confirmed
    whatever the year.
    """
    if claim.time is None or claim.unjudged:
        return False
    if not reported:
        if claim.relation == "member_count" and claim.tense == "past":
            claim.unjudged = (
                f"the past-tense count may be as of “{claim.time.text}”, which dates another "
                "part of the sentence, so it has no time of its own to be judged at"
            )
        return False
    if said_state(claim):
        claim.binding["time"] = f"{claim.time.text} (when it was said)"
        return True
    if not near_the_article(claim.time, anchor):
        claim.unjudged = (
            f"the claim is reported as of “{claim.time.text}”, not the article's date, "
            "so its present tense is that time's"
        )
    return False


_EVENT_SUBORDINATORS = frozenset({"when", "after", "before", "while", "until", "once", "as"})
_EVENT_PREPOSITIONS = frozenset({"after", "before", "during", "until", "following", "since"})


def dated_by_event(pred: Any, noun: Any | None, cue_tokens: Sequence[Any]) -> str | None:
    """The words that date a claim by another event, if any ("when the Wall fell").

    "NATO had 16 members when the Berlin Wall fell" is true or false depending on when the
    Wall fell; with no date for that event, the claim has no time to be judged at, and
    judging it at any time ("had 16 members at some point") would confirm false claims.
    A clause opened by a temporal conjunction, or a temporal preposition whose object is
    not itself a date ("after the Kosovo War"), hanging from the predicate or the counted
    noun, dates the claim this way; not the clause the relation word itself is in ("had
    eight members when it was founded" is the founding's count).
    """
    cues = {t.i for t in cue_tokens}
    for head in (pred, noun):
        if head is None:
            continue
        for child in head.children:
            if child.dep_ in {"advcl", "relcl"}:  # "when ... collapsed" may parse as relcl
                marks = [
                    c
                    for c in child.children
                    if c.dep_ in {"mark", "advmod"}
                    and c.lower_ in _EVENT_SUBORDINATORS
                    and c.i < child.i
                ]
                if marks and not any(t.i in cues for t in child.subtree):
                    return _phrase(marks[0], child)
            elif child.dep_ == "advmod" and child.lower_ == "then" and head.i == pred.i:
                # "NATO, which then had 28 members": a time the story told before
                return str(child.text)
            elif child.dep_ == "prep" and child.lower_ in _EVENT_PREPOSITIONS:
                objects = [c for c in child.children if c.dep_ in {"pobj", "pcomp"}]
                if objects and not any(
                    t.ent_type_ in {"DATE", "TIME"} or t.like_num for t in objects[0].subtree
                ):
                    return _phrase(child, objects[0])
    return None


def _phrase(first: Any, head: Any) -> str:
    """The words from ``first`` to the end of ``head``'s subtree."""
    last = max(t.i for t in head.subtree)
    doc = head.doc
    return str(doc[first.i : last + 1].text)


def coordinated_time(head: Any, own: Sequence[Any]) -> str | None:
    """Another date joined to the claim's by "and" or "or" ("in 2023 and 2024"), if any."""
    inside = {t.i for t in own}
    joined = [c for c in head.children if c.dep_ == "conj"]
    if head.dep_ == "conj":
        joined.append(head.head)
    for token in joined:
        if token.i not in inside and (token.ent_type_ in {"DATE", "TIME"} or token.like_num):
            return str(token.text)
    return None


def unresolved_date(tokens: Sequence[Any], pred: Any, allowed: set[int]) -> str | None:
    """A date the parser found hanging from the predicate that no time reader resolved.

    "Sweden joined NATO on Monday" dates the joining; when no time expression with a year
    covers it, the claim cannot be judged on its date, nor without it.
    """
    for token in tokens:
        if token.ent_type_ != "DATE" or token.ent_iob_ != "B":
            continue
        words = [token]
        following = token.i + 1
        for other in tokens:
            if other.i == following and other.ent_iob_ == "I" and other.ent_type_ == "DATE":
                words.append(other)
                following += 1
        text = " ".join(w.text for w in words)
        if YEAR.search(text) or text.lower() in {"today", "now", "currently", "nowadays"}:
            continue  # a year, or the time of writing, which the present tense already means
        head = span_head(words)
        if head is not None and time_bound(head, pred, allowed):
            return text
    return None


_FAR_WORDS = re.compile(r"\b(?:years?|decades?|century|centuries|ago|earlier|past|once)\b", re.I)
"""Words of a date that lies further back than the article's present ("last year")."""


def unresolved_report(tokens: Sequence[Any], pred: Any) -> str | None:
    """A date with no year on the verb that reports the claim, further back than now.

    "Officials said last year that NATO has 30 members": that present is last year's, which
    no time reader resolved; judged at the article's date it would be contradicted. A near
    time ("said on Monday") leaves the present the article's.
    """
    for token in tokens:
        if token.ent_type_ != "DATE" or token.ent_iob_ != "B":
            continue
        words = [token]
        for other in tokens:
            if other.i == words[-1].i + 1 and other.ent_iob_ == "I" and other.ent_type_ == "DATE":
                words.append(other)
        text = " ".join(w.text for w in words)
        if YEAR.search(text) or not _FAR_WORDS.search(text):
            continue
        head = span_head(words)
        if head is not None and dates_a_governor(head, pred):
            return text
    return None


def rebind_time(
    claim: Claim,
    binding: Binding,
    times: Sequence[TimeMention],
    bind_with: Callable[[Claim], Binding],
) -> Binding:
    """Another time of the sentence that dates the claim, when the nearest one does not.

    "Estonia, which regained independence in 1991, joined NATO in 2004": 1991 is nearer the
    cue but dates the relative clause; 2004 dates the joining. Judged on no date at all, the
    claim would be "supported" whatever year it gave. The claim takes the first other time,
    nearest its cue first, that the parse binds to it (``bind_with``), with that binding.

    A claim the grammar found no time for is bound the same way: "Sweden joined the North
    Atlantic Treaty Organization in Washington in 2023" has its year too far from "joined"
    for the grammar, and judged undated it was "supported" (Sweden did join, in 2024).
    """
    cue = claim.parts.get("cue", (0, 0))
    own = (claim.time.start, claim.time.end) if claim.time is not None else None
    others = sorted(
        (t for t in times if (t.start, t.end) != own),
        key=lambda t: min(abs(t.start - cue[1]), abs(cue[0] - t.end)),
    )
    for other in others:
        trial = replace(
            claim,
            time=other,
            subjects=list(claim.subjects),
            parts={**claim.parts, "time": (other.start, other.end)},
        )
        again = bind_with(trial)
        if not again.drop_time:
            claim.time, claim.parts, claim.subjects = other, trial.parts, trial.subjects
            return again
    return binding
