"""Sentence types: factual claim, opinion, call to action, question, quotation or other.

The type combines five signals, strongest first:

1. **quotation**: an attributed direct quote (the ``quotes`` layer when the pipeline has
   one, else quote marks around four or more words with a speech verb such as *said*,
   *told* or *according to* in the sentence, or the rest of a quote opened in an earlier
   sentence);
2. **question**: the sentence ends with a question mark, or opens with an auxiliary or a
   wh-word followed by an inverted auxiliary (``Why should workers pay for the crisis``);
3. **call_to_action**: :func:`parallax.statements.calls_to_action.find_call_to_action`;
4. **opinion**: the subjectivity head's probability reaches its threshold (tuned on the
   CheckThat! subjectivity dev set), unless the sentence is a dated or numeric report that
   the check-worthiness head finds check-worthy;
5. **factual_claim**: any other sentence with a finite verb; **other**: what is left
   (headings, fragments, bylines).
"""

from __future__ import annotations

import re
from typing import Any

SENTENCE_TYPES = ("factual_claim", "opinion", "call_to_action", "question", "quotation", "other")

SPEECH_VERBS = frozenset(
    {
        "say",
        "tell",
        "declare",
        "state",
        "write",
        "add",
        "warn",
        "ask",
        "announce",
        "insist",
        "claim",
        "explain",
        "reply",
        "argue",
        "answer",
        "note",
        "remark",
        "shout",
        "chant",
        "proclaim",
        "promise",
        "admit",
        "testify",
        "tweet",
        "quip",
        "recall",
        "respond",
        "comment",
        "suggest",
        "vow",
    }
)

_QUOTED = re.compile(r"[“\"]([^”\"]+)[”\"]")
_OPENERS = frozenset({"“", '"'})
_WH = frozenset({"what", "why", "who", "whom", "whose", "which", "where", "when", "how"})
_AUX = frozenset(
    {
        "is",
        "are",
        "was",
        "were",
        "do",
        "does",
        "did",
        "can",
        "could",
        "will",
        "would",
        "shall",
        "should",
        "must",
        "may",
        "might",
        "have",
        "has",
        "had",
        "am",
        "isn't",
        "aren't",
        "don't",
        "doesn't",
        "didn't",
        "can't",
        "won't",
        "wouldn't",
        "shouldn't",
    }
)
_FACTUAL_SIGNAL = re.compile(r"\b(?:1[89]\d\d|20\d\d)\b|\d")
FACTUAL_OVERRIDE = 0.5
"""Check-worthiness at or above which a dated or numeric sentence stays a factual claim."""


def is_question(span: Any) -> bool:
    """A question mark at the end, or interrogative word order at the start."""
    text = span.text.rstrip(" ”\"'’)")
    if text.endswith("?"):
        return True
    words = [t.lower_ for t in span if not t.is_punct][:3]
    if not words or text.endswith((".", "!")):
        return False
    return words[0] in _WH and len(words) > 1 and words[1] in _AUX


def quoted_words(text: str) -> int:
    """How many words the longest quoted stretch of ``text`` holds."""
    return max((len(m.group(1).split()) for m in _QUOTED.finditer(text)), default=0)


def is_attributed_quote(span: Any) -> bool:
    """Quote marks around four or more words and a speech verb (or ``according to``)."""
    if quoted_words(span.text) < 4 and not _unclosed_quote(span.text):
        return False
    if "according to" in span.text.lower():
        return True
    return any(t.lemma_.lower() in SPEECH_VERBS and t.pos_ in {"VERB", "AUX"} for t in span)


def _unclosed_quote(text: str) -> bool:
    return text.count("“") > text.count("”")


def continues_quote(text: str) -> bool:
    """Whether ``text`` closes a quote it never opened (the rest of an earlier sentence's)."""
    return text.count("”") > text.count("“")


def has_finite_verb(span: Any) -> bool:
    """Whether the sentence has a verb with tense (or a modal): a clause, not a fragment.

    The tagger sometimes tags a present-tense verb after a plural subject as a base form
    (``the roots ... go back``), so a root verb with a subject counts too.
    """
    return any(t.tag_ in {"VBD", "VBZ", "VBP", "MD"} for t in span) or any(
        t.dep_ == "ROOT"
        and t.pos_ in {"VERB", "AUX"}
        and any(c.dep_ in {"nsubj", "nsubjpass"} for c in t.children)
        for t in span
    )


def sentence_type(
    span: Any,
    *,
    call_to_action: bool,
    subjectivity: float,
    checkworthiness: float,
    subjectivity_threshold: float,
    quotation: bool | None = None,
    inside_quote: bool = False,
) -> str:
    """Combine the signals into one of :data:`SENTENCE_TYPES` (see the module docstring).

    Args:
        span: the sentence as a spaCy Span.
        call_to_action: whether the call-to-action patterns matched.
        subjectivity: the subjectivity head's probability.
        checkworthiness: the check-worthiness head's probability.
        subjectivity_threshold: the subjectivity head's tuned threshold.
        quotation: the ``quotes`` layer's verdict when the pipeline has one, else None; a
            sentence the layer does not mark is still checked here.
        inside_quote: an earlier sentence opened a quote that this one closes.
    """
    text = span.text
    if not quotation:  # the layer may miss a quote's continuation that this check follows
        quotation = is_attributed_quote(span) or (inside_quote and continues_quote(text))
    if quotation:
        return "quotation"
    if is_question(span):
        return "question"
    if call_to_action:
        return "call_to_action"
    if not has_finite_verb(span):
        return "other" if subjectivity < subjectivity_threshold else "opinion"
    if subjectivity >= subjectivity_threshold and not (
        _FACTUAL_SIGNAL.search(text) and checkworthiness >= FACTUAL_OVERRIDE
    ):
        return "opinion"
    return "factual_claim"
