"""Calls to action: demands, appeals and slogans, found by patterns over the parse.

No public dataset labels calls to action in news and opinion writing, so this is a rule
component, evaluated on a set of sentences the project wrote itself
(``devtools/src/parallax_dev/data/calls_to_action_eval.jsonl``, scored by ``parallax-dev eval
statements``). A sentence is a call to action when it asks someone to act:

- an **imperative** clause (``Stop the bombing.``, ``Don't believe them.``, ``Let us
  organise.``), except verbs that ask the reader to think rather than act (``Imagine if
  ...``, ``Consider ...``, ``Note that ...``);
- a **demand** with a first-person or collective subject (``We demand ...``, ``We call on
  ...``, ``We urge ...``);
- a **deontic modal** on the main verb (``We must ...``, ``NATO should withdraw ...``,
  ``Workers need to ...``, ``They have to be stopped``), but not the epistemic or past
  readings (``must have been``, ``should have known``) nor a modal inside a reported clause;
- a **"the way forward is to ..."** or **"it is time to ..."** construction;
- a **slogan**: a leading ``Hands off``, ``No to``, ``Down with``, ``Stop``, ``Free``, ``Long
  live``, ``Yes to``, ``Not in our name``, ``X out of Y!`` or ``... now!``, or a short
  exclamation with no finite verb that is not an exclamative (``What a day!``).

Questions are left to the question detector. The match is a character span within the
sentence, with a kind naming the pattern that fired.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

THINKING_VERBS = frozenset(
    {
        "imagine",
        "consider",
        "note",
        "suppose",
        "recall",
        "compare",
        "look",
        "see",
        "think",
        "say",
        "take",
        "mind",
        "guess",
        "remember",
        "picture",
        "notice",
        "read",
        "listen",
        "watch",
        "wait",
    }
)
"""Imperatives that ask the reader to think or attend, not to act (``Imagine if ...``)."""

CONCEDING_VERBS = frozenset(
    {
        "admit",
        "accept",
        "acknowledge",
        "recognise",
        "recognize",
        "conclude",
        "wonder",
        "ask",
        "say",
        "imagine",
        "consider",
        "note",
        "remember",
        "think",
        "guess",
        "suppose",
    }
)
"""After ``we have to`` these concede or reflect (``We have to admit ...``), not appeal."""

DEMAND_VERBS = frozenset(
    {
        "demand",
        "urge",
        "insist",
        "appeal",
        "call",
        "implore",
        "beg",
        "ask",
        "request",
        "invite",
        "encourage",
        "petition",
        "pledge",
        "vow",
    }
)
"""Verbs that, with a first-person or collective subject, state a demand or appeal."""

COLLECTIVE_SUBJECTS = frozenset(
    {
        "we",
        "us",
        "you",
        "everyone",
        "everybody",
        "all",
        "workers",
        "people",
        "citizens",
        "voters",
        "members",
        "readers",
        "comrades",
        "activists",
        "supporters",
        "friends",
        "students",
        "parents",
        "neighbours",
        "neighbors",
        "teachers",
        "nurses",
        "tenants",
        "unions",
        "residents",
        "farmers",
        "women",
        "youth",
    }
)
"""Heads of subjects that make ``must``/``need to`` an appeal (``Working people must ...``)."""

DEONTIC_MODALS = frozenset({"must", "should", "ought", "shall"})
_NEED_TO = re.compile(r"\b(?:need|needs|have|has|got)\s+to\b", re.IGNORECASE)

_SLOGAN = re.compile(
    r"^\W*(?:hands\s+off|no\s+to|yes\s+to|down\s+with|long\s+live|not\s+in\s+our\s+name|"
    r"never\s+again)\b",
    re.IGNORECASE,
)
_SLOGAN_VERB = re.compile(
    r"^\W*(?:stop|free|end|abolish|withdraw|boycott|vote|join|defend|save|support)\b",
    re.IGNORECASE,
)
_OUT_OF = re.compile(r"^[^.?!]{1,60}\bout\s+of\s+[^.?!]{1,60}!\W*$", re.IGNORECASE)
_NOW = re.compile(r"\bnow\s*!+\W*$", re.IGNORECASE)
_WAY_FORWARD = re.compile(
    r"\b(?:the\s+(?:only\s+)?(?:way|road|path|answer|solution|task|choice)"
    r"(?:\s+(?:forward|ahead|out))?\s+is\s+to|it\s+is\s+(?:high\s+)?time\s+(?:for\s+\w+(?:\s+\w+)?\s+)?to|"
    r"it's\s+(?:high\s+)?time\s+(?:for\s+\w+(?:\s+\w+)?\s+)?to)\s+\w+",
    re.IGNORECASE,
)
_EXCLAMATIVE = re.compile(r"^\W*(?:what|how|such|so|oh|ah|wow|alas)\b", re.IGNORECASE)
_LEADING_FILLERS = frozenset(
    {"please", "so", "now", "and", "but", "then", "therefore", "instead", "together", "today"}
)


@dataclass(frozen=True)
class CallToAction:
    """A matched call to action: its kind and its character span within the sentence."""

    kind: str
    start: int
    end: int
    text: str

    def as_record(self, offset: int = 0) -> dict[str, Any]:
        """The JSON form stored in ``Sentence.extras["call_to_action"]`` (article offsets)."""
        return {
            "kind": self.kind,
            "start": self.start + offset,
            "end": self.end + offset,
            "text": self.text,
        }


def find_call_to_action(span: Any) -> CallToAction | None:
    """Return the call to action in ``span`` (a spaCy sentence Span), or None.

    Offsets in the result are relative to the span's first character.
    """
    text = span.text
    stripped = text.rstrip()
    if not stripped or stripped.endswith("?"):
        return None
    base = span.start_char

    def clause(kind: str, tokens: list[Any]) -> CallToAction:
        # A sentence cut at a paragraph break is part of spaCy's sentence: keep to the span.
        inside = [t for t in tokens if span.start <= t.i < span.end] or list(span)
        start = max(min(t.idx for t in inside) - base, 0)
        end = min(max(t.idx + len(t.text) for t in inside) - base, len(text))
        while end > start and not text[end - 1].isalnum() and text[end - 1] not in ")”\"'":
            end -= 1
        return CallToAction(kind, start, end, text[start:end])

    whole = clause("slogan", list(span))
    if _SLOGAN.search(text) and len(span) <= 14:
        return whole
    if _SLOGAN_VERB.search(text) and len(span) <= 14 and not _has_subject_before_verb(span):
        return whole
    if _OUT_OF.search(stripped) or _NOW.search(stripped):
        return whole
    if (match := _WAY_FORWARD.search(text)) is not None:
        return CallToAction("way_forward", match.start(), match.end(), match.group(0))
    for root in _main_verbs(span):
        found = _imperative(root) or _demand(root) or _deontic(root)
        if found:
            return clause(found, list(root.subtree))
    if (
        stripped.endswith("!")
        and len(span) <= 10
        and not _EXCLAMATIVE.search(text)
        and not any(t.tag_ in {"VBD", "VBZ", "VBP", "MD"} for t in span)
    ):
        return whole
    return None


def _main_verbs(span: Any) -> list[Any]:
    """The sentence root and the verbs coordinated with it (``... and fight``)."""
    roots = [t for t in span if t.dep_ == "ROOT"]
    result = []
    for root in roots:
        result.append(root)
        result.extend(t for t in root.children if t.dep_ == "conj" and t.pos_ in {"VERB", "AUX"})
    return result


def _has_subject_before_verb(span: Any) -> bool:
    return any(t.dep_ in {"nsubj", "nsubjpass"} and t.head.pos_ in {"VERB", "AUX"} for t in span)


def _imperative(verb: Any) -> str | None:
    if verb.pos_ not in {"VERB", "AUX"} or verb.tag_ != "VB":
        return None
    if any(c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in verb.children):
        return None
    # "to" or a modal before the verb is not a bare imperative; "Do not ..." is
    if any(c.dep_ == "aux" and c.lower_ not in {"do", "don't"} for c in verb.children) and not any(
        c.lower_ in {"do", "n't", "not"} for c in verb.children
    ):
        return None
    lemma = verb.lemma_.lower()
    if lemma == "let":
        return "imperative"
    if lemma in THINKING_VERBS:
        return None
    sent = verb.sent
    before = [t for t in sent if t.i < verb.i and not t.is_punct]
    if any(
        t.lower_ not in _LEADING_FILLERS and t.dep_ not in {"neg", "aux", "advmod", "intj"}
        for t in before
    ):
        return None
    return "imperative"


def _subject(verb: Any) -> Any | None:
    for child in verb.children:
        if child.dep_ in {"nsubj", "nsubjpass"}:
            return child
    return None


def _demand(verb: Any) -> str | None:
    if verb.lemma_.lower() not in DEMAND_VERBS or verb.tag_ not in {"VBP", "VB"}:
        return None
    subject = _subject(verb)
    if subject is None or subject.lower_ not in {"we", "i", "us"}:
        return None
    if verb.lemma_.lower() == "call" and not any(
        c.dep_ == "prep" and c.lower_ in {"on", "for", "upon"} for c in verb.children
    ):
        return None
    if any(c.dep_ == "neg" for c in verb.children):
        return None
    return "demand"


def _deontic(verb: Any) -> str | None:
    if verb.lower_ == "ought" and verb.dep_ == "ROOT":
        # "Parliament ought to reject ...": the parser makes "ought" the root
        xcomp = [c for c in verb.children if c.dep_ == "xcomp"]
        return "deontic" if xcomp and _subject(verb) is not None else None
    auxes = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    lowers = [c.lower_ for c in auxes]
    modal = any(word in DEONTIC_MODALS for word in lowers)
    need_to = False
    if not modal:
        # "need to / have to / got to" attach the real verb as xcomp of need/have
        if verb.lemma_.lower() in {"need", "have", "get"} and verb.tag_ in {"VBP", "VBZ", "VB"}:
            xcomp = [c for c in verb.children if c.dep_ == "xcomp" and c.pos_ in {"VERB", "AUX"}]
            window = verb.doc[verb.i : verb.i + 3].text
            if xcomp and _NEED_TO.search(window):
                need_to = xcomp[0].lemma_.lower() not in CONCEDING_VERBS
        if not need_to:
            return None
    if "have" in lowers and any(t.tag_ == "VBN" for t in [verb]):
        return None  # "should have known", "must have been": past or epistemic
    if any(c.dep_ == "neg" for c in verb.children) and not modal:
        return None
    subject = _subject(verb)
    if subject is None:
        return None
    if subject.lower_ in {"it", "this", "that", "there"} and not need_to:
        return None  # "It must be said", "This should be easy": not an appeal
    if verb.lemma_.lower() == "be" and not modal:
        return None
    collective = subject.lower_ in COLLECTIVE_SUBJECTS or any(
        t.lower_ in {"us", "we"} for t in subject.subtree
    )
    if (
        modal
        and verb.lemma_.lower() == "be"
        and not any(c.dep_ == "auxpass" for c in auxes)
        and not collective
    ):
        return None  # "They must be tired": a state, not an action
    head = subject.lower_
    if need_to and head not in COLLECTIVE_SUBJECTS and subject.pos_ != "PROPN":
        return None
    return "deontic"
