"""Claim alignment within a story: what sources say alike, where they clash, what only one says.

Every pair of sentences from two different sources in a story is scored by the embedding
cosine (the shared encoder) blended with the overlap of their content words. A pair scoring
at least ``SAME`` says the same thing, unless their numbers or dates disagree, one negates
what the other asserts in nearly the same words, or their structured claims (layer
``claims``) give the same subject and relation different values or opposite verdicts: then
it is a contradiction. Structured claims the sentence does not assert (marked ``unjudged``
by role binding: a title beside a name, a plan, a number counting something else) never
make one. A check-worthy statement with no counterpart above ``UNIQUE_BELOW``
in any other source is unique to its source.

Which sentences count as claims depends on the layers present: with sentence types
(helper "statements") only factual claims and quotations; without them every sentence of
at least ``MIN_WORDS`` words. Uniques are ranked by check-worthiness when it is present,
otherwise by how many names, numbers and dates they carry.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

import numpy as np

from parallax.comparison.terms import content_words, stem
from parallax.record import (
    AlignedSentence,
    AlignmentRecord,
    ArticleRecord,
    ClaimRecord,
    SentenceRecord,
)

SAME = 0.55
"""Blended score at or above which two sentences say the same thing (or clash on a detail)."""
YEAR_SAME = SAME
"""Different years make a contradiction only between sentences this close."""
NEGATION_SAME = 0.7
"""A negation alone makes a contradiction only between sentences this close."""
UNIQUE_BELOW = 0.42
"""A claim whose best counterpart elsewhere scores below this is unique to its source."""
EMBEDDING_WEIGHT = 0.75
MIN_WORDS = 6
UNIQUE_PER_SOURCE = 8
CLAIM_TYPES = frozenset({"factual_claim", "quotation"})

_YEAR = re.compile(r"\b(1[5-9]\d\d|20\d\d)\b")
_NEGATION = re.compile(r"\b(not|never|no|none|nobody|neither|nor|without)\b|n['’]t\b", re.I)
_UNITS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "twelfth": 12,
}  # fmt: skip
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90, "twentieth": 20, "thirtieth": 30}  # fmt: skip
_MONTH_NAMES = "january february march april may june july august september october november \
december jan feb mar apr jun jul aug sep sept oct nov dec"
_MONTHS = frozenset(_MONTH_NAMES.split())
_TOKEN = re.compile(r"\d[\d,]*(?:\.\d+)?(?:st|nd|rd|th)?%?|[A-Za-z]+(?:-[A-Za-z]+)*")
_DIGITS = re.compile(r"(\d[\d,]*(?:\.\d+)?)(?:st|nd|rd|th)?(%?)")
_SKIP_AFTER = frozenset({"more", "of", "percent", "per", "cent", "new", "other", "the", "a"})
Encoder = Callable[[Sequence[str]], np.ndarray]


def encoder_or_shared(encode: Encoder | None) -> Encoder:
    """``encode``, or the shared sentence encoder, imported only when it is needed."""
    if encode is not None:
        return encode
    from parallax.encoder import encode as shared_encode

    return shared_encode


def years(text: str) -> set[int]:
    """The years a sentence names."""
    return {int(y) for y in _YEAR.findall(text)}


def _number(token: str) -> float | None:
    match = _DIGITS.fullmatch(token)
    if match:
        return float(match.group(1).replace(",", ""))
    parts = token.lower().split("-")
    if len(parts) == 1:
        word = parts[0]
        return float(_UNITS.get(word) or _TENS.get(word) or 0) or None
    if len(parts) == 2 and parts[0] in _TENS and parts[1] in _UNITS:
        return float(_TENS[parts[0]] + _UNITS[parts[1]])
    return None


def quantities(text: str) -> dict[str, set[float]]:
    """The numbers a sentence states, keyed by the word they count ("member", "countries").

    Years and the day of a date ("4 April", "April 4") are not quantities; ordinals and
    number words count ("thirty-first member" is 31 of "member", as "31st member" is).
    """
    tokens = _TOKEN.findall(text)
    found: dict[str, set[float]] = {}
    for k, token in enumerate(tokens):
        value = _number(token)
        if value is None or _YEAR.fullmatch(token):
            continue
        neighbours = {t.lower() for t in tokens[max(0, k - 1) : k + 2]}
        if neighbours & _MONTHS:
            continue
        noun = "%" if token.endswith("%") else ""
        for word in tokens[k + 1 : k + 4]:
            if noun or word.lower() in _SKIP_AFTER:
                continue
            noun = stem(word)
            break
        if noun and _number(noun) is None:
            found.setdefault(noun, set()).add(value)
    return found


def negated(text: str) -> bool:
    """Whether a sentence carries a negation."""
    return bool(_NEGATION.search(text))


def lexical_overlap(a: str, b: str) -> float:
    """Jaccard overlap of two sentences' content words."""
    first, second = content_words(a), content_words(b)
    if not first or not second:
        return 0.0
    return len(first & second) / len(first | second)


def claim_sentences(record: ArticleRecord) -> list[SentenceRecord]:
    """The sentences of a record that state something checkable."""
    sentences = record.get("sentences") or []
    typed = any(s.get("type") for s in sentences)
    chosen = []
    for sentence in sentences:
        if len(sentence.get("text", "").split()) < MIN_WORDS:
            continue
        if typed and sentence.get("type") not in CLAIM_TYPES:
            continue
        chosen.append(sentence)
    return chosen


def _claims_by_sentence(record: ArticleRecord) -> dict[str, list[ClaimRecord]]:
    found: dict[str, list[ClaimRecord]] = {}
    for claim in record.get("claims") or []:
        found.setdefault(str(claim.get("sentence_id")), []).append(claim)
    return found


def _salience(sentence: SentenceRecord) -> float:
    worthiness = sentence.get("checkworthiness")
    if worthiness is not None:
        return float(worthiness)
    text = sentence["text"]
    return (len(years(text)) + len(quantities(text)) + len(re.findall(r"\b[A-Z][a-z]+", text))) / 10


def _value(claim: ClaimRecord) -> float | str | None:
    return (
        claim.get("quantity")
        if claim.get("quantity") is not None
        else claim.get("object_id") or claim.get("object")
    )


def clash(
    a: SentenceRecord,
    b: SentenceRecord,
    claims_a: list[ClaimRecord],
    claims_b: list[ClaimRecord],
    score: float = 1.0,
) -> str | None:
    """Why two related sentences contradict each other, or None when they do not.

    The most specific reason wins: differing values of the same structured claim, then
    differing years or numbers in the text, then opposite verdicts, then negation.
    """
    opposite_verdicts = False
    for first in claims_a:
        for second in claims_b:
            if first.get("unjudged") or second.get("unjudged"):
                continue  # the sentence does not assert it (a title, a side fact, a plan)
            if not first.get("subject_id") or first.get("subject_id") != second.get("subject_id"):
                continue
            if first.get("relation") != second.get("relation"):
                continue
            if (
                _value(first) is not None
                and _value(second) is not None
                and _value(first) != _value(second)
            ):
                return (
                    f"for {first.get('subject') or first['subject_id']} ({first.get('relation')}) "
                    f"one says {_value(first)}, the other {_value(second)}"
                )
            verdicts = {first.get("verdict"), second.get("verdict")}
            opposite_verdicts = opposite_verdicts or verdicts == {"supported", "contradicted"}
    years_a, years_b = years(a["text"]), years(b["text"])
    if score >= YEAR_SAME and years_a and years_b and not years_a & years_b:
        return f"dates disagree: {_join(years_a)} vs {_join(years_b)}"
    numbers_a, numbers_b = quantities(a["text"]), quantities(b["text"])
    for noun in sorted(numbers_a.keys() & numbers_b.keys()):
        if not numbers_a[noun] & numbers_b[noun]:
            return f"numbers disagree: {_join(numbers_a[noun])} vs {_join(numbers_b[noun])} {noun}"
    if opposite_verdicts:
        return "the same claim is supported in one source and contradicted in the other"
    if score >= NEGATION_SAME and negated(a["text"]) != negated(b["text"]):
        return "one negates what the other asserts"
    return None


def _join(values: set[int] | set[float]) -> str:
    return ", ".join(f"{v:g}" for v in sorted(values))


def _item(record: ArticleRecord, sentence: SentenceRecord) -> AlignedSentence:
    return {"article_id": record["id"], "sentence_id": sentence["id"], "text": sentence["text"]}


def align(
    story: str, records: Sequence[ArticleRecord], encode: Encoder | None = None
) -> list[AlignmentRecord]:
    """Alignment records for one story: ``same``, ``contradiction`` and ``unique`` claims."""
    encode = encoder_or_shared(encode)
    chosen = [claim_sentences(r) for r in records]
    flat = [(i, s) for i, sentences in enumerate(chosen) for s in sentences]
    if len({i for i, _ in flat}) < 2:
        return []
    vectors = encode([s["text"] for _, s in flat])
    claims = [_claims_by_sentence(r) for r in records]
    owner = np.array([i for i, _ in flat])
    similarity = vectors @ vectors.T
    result: list[AlignmentRecord] = []
    best_elsewhere = np.zeros(len(flat))
    for x in range(len(flat)):
        i, a = flat[x]
        for y in range(x + 1, len(flat)):
            j, b = flat[y]
            if i == j:
                continue
            cosine = float(similarity[x, y])
            if cosine < UNIQUE_BELOW:
                continue
            score = EMBEDDING_WEIGHT * cosine + (1 - EMBEDDING_WEIGHT) * lexical_overlap(
                a["text"], b["text"]
            )
            best_elsewhere[x] = max(best_elsewhere[x], score)
            best_elsewhere[y] = max(best_elsewhere[y], score)
            if score < SAME:
                continue
            reason = clash(a, b, claims[i].get(a["id"], []), claims[j].get(b["id"], []), score)
            result.append(
                {
                    "kind": "contradiction" if reason else "same",
                    "story": story,
                    "items": [_item(records[i], a), _item(records[j], b)],
                    "score": round(score, 3),
                    "reason": reason or f"similar wording and meaning (score {score:.2f})",
                }
            )
    result.sort(key=lambda r: (r["kind"] != "contradiction", -r["score"]))
    for i, record in enumerate(records):
        mine = [x for x in range(len(flat)) if owner[x] == i and best_elsewhere[x] < UNIQUE_BELOW]
        mine.sort(key=lambda x: -_salience(flat[x][1]))
        for x in mine[:UNIQUE_PER_SOURCE]:
            result.append(
                {
                    "kind": "unique",
                    "story": story,
                    "items": [_item(record, flat[x][1])],
                    "score": round(float(best_elsewhere[x]), 3),
                    "reason": "no other source in this story says anything close "
                    f"(best match {best_elsewhere[x]:.2f})",
                }
            )
    return result
