"""Claim alignment within a story: what sources say alike, where they clash, what only one says.

Word overlap is no evidence that two sentences say the same thing ("Harry Reid was the lone
opposition" and "the lone 'no' vote was Harry Reid" share words and a negation cue, and
agree). So each pair of sentences from two different sources is first compared by the
embedding cosine of the shared encoder (all-MiniLM-L6-v2, trained on paraphrase pairs), and
only close pairs are judged:

- **same** (``basis``): a paraphrase (cosine at least ``PARAPHRASE``), or the same
  distinctive figure ("97-1", "$716 billion") stated by both in sentences about the same thing
  (cosine at least ``FIGURE_SAME``) without a contradiction judgement from the entailment
  model (:mod:`parallax.knowledge.entailment`, run both ways on the close pairs only); in
  neither case with different values for a like-named quantity ("50,000 pages" against
  "55,000 pages"), different spans of one unit ("35 days", "34 days") or different
  weekdays; or the same run of quoted words (:mod:`parallax.comparison.shared_quotes`:
  at least six, three of them content words) in two sentences at cosine at least
  ``QUOTE_SAME``, withheld on the same contradiction judgement: outlets frame one remark
  differently, and the encoder scores such pairs well below a paraphrase; or one event
  (:mod:`parallax.comparison.events`) told in other words at cosine at least ``EVENT_SAME``:
  a named actor of both main clauses and the same day or the same action on the same thing,
  with no other day, no other speaker and no negation on one side only, withheld on the same
  contradiction judgement; never when the two put different names in one slot
  (:mod:`parallax.actors.renamed`: "a strike on Kharkiv", "a strike on Odesa"). The
  model's mutual entailment alone makes no "same": on close BASIL pairs it was right on
  only about half (docs/evaluation.md).
- **contradiction**: two figures that measure the same quantity of the same event and
  differ, read from the dependency parse by :mod:`parallax.comparison.figures` (the same
  subject, predicate and measured word: "since 2002" against "since 2003" about Pelosi
  leading), or two sums for one committed package, whatever verb tells it
  (:mod:`parallax.comparison.pledges`: "pledged 20 million euros in military aid to X"
  against "will send X 25 million euros in military aid"), or structured claims (layer
  ``claims``) giving the same subject and relation different values, or two nationalities
  named as the attacker of the same place
  (:mod:`parallax.comparison.strikes`: "Ukrainians hit the station in X" against "Russian
  missiles hit X's station"). Neither a negation cue nor the entailment model alone makes
  one: on news pairs from BASIL its contradiction judgements were wrong (docs/evaluation.md).
- **unique**: a check-worthy statement with no counterpart above ``UNIQUE_BELOW`` in any
  other source, and whose counts no single sentence of another source writes
  (:func:`counted_elsewhere`).

Which sentences count as claims depends on the layers present: with sentence types
(helper "statements") only factual claims and quotations; without them every sentence of
at least ``MIN_WORDS`` words (or fewer when it states a figure). Uniques are ranked by
check-worthiness when it is present, otherwise by how many names, numbers and dates they
carry.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

import numpy as np

from parallax.actors.renamed import renamed
from parallax.comparison.events import Reading, parse_readings, same_event
from parallax.comparison.figure_pairs import (
    conflicting,
    conflicting_times,
    disagreement,
    shared_figures,
)
from parallax.comparison.figures import Figure, has_figure, parse_figures
from parallax.comparison.pledges import Pledge, has_pledge, parse_pledges, pledge_clash
from parallax.comparison.shared_quotes import shared_quote
from parallax.comparison.strikes import Strike, attacker_clash, has_strike, parse_strikes
from parallax.comparison.terms import content_words
from parallax.number_words import counts_in
from parallax.record import (
    AlignedSentence,
    AlignmentBasis,
    AlignmentKind,
    AlignmentRecord,
    ArticleRecord,
    ClaimRecord,
    SentenceRecord,
)

PARAPHRASE = 0.8
"""Cosine at or above which two sentences are paraphrases of each other."""
FIGURE_SAME = 0.5
"""Cosine at or above which two sentences stating the same distinctive figure report one fact."""
QUOTE_SAME = 0.45
"""Cosine at or above which two sentences quoting the same run of words report one remark."""
EVENT_SAME = 0.65
"""Cosine at or above which two sentences read as one event (same actor, day or action) report
one fact; chosen on BASIL stories (docs/evaluation.md)."""
CLASH = 0.55
"""Cosine at or above which a figure disagreement between two sentences is a contradiction."""
ENTAILMENT_VETO = 0.5
"""An entailment-model contradiction probability (either way) at which "same" by a shared
figure is withheld."""

UNIQUE_BELOW = 0.42
"""A claim whose best counterpart elsewhere scores below this is unique to its source."""
EMBEDDING_WEIGHT = 0.75
"""Weight of the cosine against word overlap where a blended score is still used (positions)."""
MIN_WORDS = 6
SHORT_WORDS = 8
"""A figure sentence shorter than this is also compared with its context (shared figures)."""
CONTEXT_SENTENCES = 2
MIN_WORDS_WITH_FIGURE = 4
UNIQUE_PER_SOURCE = 8
CLAIM_TYPES = frozenset({"factual_claim", "quotation"})
STATEMENT_TYPES = CLAIM_TYPES | {"opinion", "call_to_action"}
"""Sentences compared across sources: two outlets may report the same opinion or demand
(usually a quote); only claims can be unique to a source."""

_YEAR = re.compile(r"\b(1[5-9]\d\d|20\d\d)\b")
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


def lexical_overlap(a: str, b: str) -> float:
    """Jaccard overlap of two sentences' content words."""
    first, second = content_words(a), content_words(b)
    if not first or not second:
        return 0.0
    return len(first & second) / len(first | second)


def claim_sentences(
    record: ArticleRecord, types: frozenset[str] = CLAIM_TYPES
) -> list[SentenceRecord]:
    """The sentences of a record that state something checkable (of the sentence ``types``)."""
    sentences = record.get("sentences") or []
    typed = any(s.get("type") for s in sentences)
    chosen = []
    for sentence in sentences:
        text = sentence.get("text", "")
        least = MIN_WORDS_WITH_FIGURE if has_figure(text) else MIN_WORDS
        if len(text.split()) < least:
            continue
        if typed and sentence.get("type") not in types:
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
    figures = len(re.findall(r"\d+", text))
    return (figures + len(re.findall(r"\b[A-Z][a-z]+", text))) / 10


def _value(claim: ClaimRecord) -> float | str | None:
    return (
        claim.get("quantity")
        if claim.get("quantity") is not None
        else claim.get("object_id") or claim.get("object")
    )


def _shown(value: float | str | None) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


def claims_clash(
    claims_a: Sequence[ClaimRecord],
    claims_b: Sequence[ClaimRecord],
    first_source: str = "one",
    second_source: str = "the other",
) -> str | None:
    """Why two sentences' structured claims contradict each other, or None.

    Only asserted claims count (role binding marks the others ``unjudged``: a title beside
    a name, a plan, a number counting something else): the same subject and relation with
    different values.
    """
    for first in claims_a:
        for second in claims_b:
            if first.get("unjudged") or second.get("unjudged"):
                continue
            if not first.get("subject_id") or first.get("subject_id") != second.get("subject_id"):
                continue
            if first.get("relation") != second.get("relation"):
                continue
            one, other = _value(first), _value(second)
            if one is not None and other is not None and one != other:
                subject = first.get("subject") or first["subject_id"]
                return (
                    f"values disagree: {_shown(one)} vs {_shown(other)}: {first_source} says "
                    f"{subject} {first.get('relation')} {_shown(one)}, {second_source} says "
                    f"{_shown(other)}"
                )
    return None


def clash(
    a: SentenceRecord,
    b: SentenceRecord,
    claims_a: Sequence[ClaimRecord] = (),
    claims_b: Sequence[ClaimRecord] = (),
    figures: tuple[Sequence[Figure], Sequence[Figure]] | None = None,
    sources: tuple[str, str] = ("one", "the other"),
    strikes: tuple[Sequence[Strike], Sequence[Strike]] | None = None,
    pledges: tuple[Sequence[Pledge], Sequence[Pledge]] | None = None,
) -> str | None:
    """Why two related sentences contradict each other, or None when they do not.

    Structured claims first, then figures measuring the same thing, then different sums
    for one committed package, then different attackers of the same place (figures,
    sums and strikes are parsed here unless given).
    """
    reason = claims_clash(claims_a, claims_b, *sources)
    if reason:
        return reason
    first, second = figures or tuple(parse_figures([a["text"], b["text"]]))
    found = disagreement(first, second)
    if found:
        return found.describe(*sources)
    if pledges is None:
        texts = [a["text"], b["text"]]
        one_sum, other_sum = parse_pledges(texts) if all(map(has_pledge, texts)) else ([], [])
        pledges = (one_sum, other_sum)
    package = pledge_clash(pledges[0], pledges[1])
    if package:
        return package.describe(*sources)
    if strikes is None:
        texts = [a["text"], b["text"]]
        one, other = parse_strikes(texts) if all(map(has_strike, texts)) else ([], [])
        strikes = (one, other)
    attackers = attacker_clash(strikes[0], strikes[1])
    return attackers.describe(*sources) if attackers else None


def _item(record: ArticleRecord, sentence: SentenceRecord) -> AlignedSentence:
    return {"article_id": record["id"], "sentence_id": sentence["id"], "text": sentence["text"]}


def _source_name(record: ArticleRecord) -> str:
    return str(record.get("outlet") or record.get("title") or record["id"])


def _entailment_scores(
    pairs: Sequence[tuple[int, int]], texts: Sequence[str], vectors: np.ndarray
) -> list[tuple[float, float]]:
    """The entailment model's judgement of each pair, run both ways.

    Returns:
        Per pair, the entailment probability the weaker way round and the contradiction
        probability the stronger way round (on the vectors already computed).
    """
    if not pairs:
        return []
    from parallax.knowledge.entailment import LABELS, default_model, pair_features

    premises = [texts[x] for x, y in pairs] + [texts[y] for x, y in pairs]
    hypotheses = [texts[y] for x, y in pairs] + [texts[x] for x, y in pairs]
    u = np.array([vectors[x] for x, y in pairs] + [vectors[y] for x, y in pairs])
    v = np.array([vectors[y] for x, y in pairs] + [vectors[x] for x, y in pairs])
    probs = default_model().predict_proba(pair_features(premises, hypotheses, u, v))
    entail, contra = LABELS.index("entailment"), LABELS.index("contradiction")
    half = len(pairs)
    return [
        (
            float(min(probs[k, entail], probs[k + half, entail])),
            float(max(probs[k, contra], probs[k + half, contra])),
        )
        for k in range(half)
    ]


def _same_reason(
    cosine: float,
    figures: tuple[Sequence[Figure], float],
    entailment: tuple[float, float],
    sources: tuple[str, str],
    quoted: str | None = None,
    event: str | None = None,
) -> tuple[AlignmentBasis, str] | None:
    """Why two sentences say the same thing, or None.

    A paraphrase needs no model: on news sentences the entailment model often calls a
    negated quote and its paraphrase a contradiction (and its mutual entailment was right
    on only 20 of 36 close pairs of BASIL, so it makes no "same" by itself). A shared
    figure, a shared quote or one event read from the parse (``event``, the reason
    :func:`parallax.comparison.events.same_event` gives), weaker evidence, is withheld when
    the model sees a contradiction either way.
    """
    first_source, second_source = sources
    _, contradicted = entailment
    shared, around = figures
    if cosine >= PARAPHRASE:
        return "paraphrase", (
            f"same: {first_source} and {second_source} say it in other words "
            f"(meaning similarity {cosine:.2f})"
        )
    tally = any(f.kind == "score" for f in shared)
    if shared and around >= FIGURE_SAME and (contradicted < ENTAILMENT_VETO or tally):
        # A tally ("49-50", "97-1") names one vote; the entailment model's contradiction
        # calls on news pairs are wrong more often than right (docs/evaluation.md), and
        # one outlet's "rejected" against another's "failed" is no disagreement.
        figure = next((f for f in shared if f.kind == "score"), shared[0])
        return "shared_figure", (
            f"same: both {first_source} and {second_source} report {figure.text} "
            f"({figure.phrase}), in sentences about the same thing (similarity {around:.2f})"
        )
    if quoted and cosine >= QUOTE_SAME and contradicted < ENTAILMENT_VETO:
        return "shared_quote", (
            f'same: {first_source} and {second_source} both quote "{quoted}" '
            f"(meaning similarity {cosine:.2f})"
        )
    if event and cosine >= EVENT_SAME and contradicted < ENTAILMENT_VETO:
        return "shared_event", (
            f"same: {first_source} and {second_source} report one event in other words: "
            f"{event} (meaning similarity {cosine:.2f})"
        )
    return None


def _with_context(
    records: Sequence[ArticleRecord],
    flat: Sequence[tuple[int, SentenceRecord]],
    vectors: np.ndarray,
    encode: Encoder,
) -> np.ndarray:
    """Cosines of the sentences with short figure sentences read in their context.

    "The final tally was 97-1." says what was counted only through the sentences before it;
    such a sentence (fewer than ``SHORT_WORDS`` words, with a figure) is represented by the
    mean of its vector and those of the ``CONTEXT_SENTENCES`` before it, for the
    shared-figure rule only.
    """
    short = [
        k
        for k, (_, s) in enumerate(flat)
        if len(s["text"].split()) < SHORT_WORDS and has_figure(s["text"])
    ]
    if not short:
        return np.asarray(vectors @ vectors.T)
    windows = []
    for k in short:
        i, sentence = flat[k]
        ordered = records[i].get("sentences") or []
        place = next((n for n, s in enumerate(ordered) if s["id"] == sentence["id"]), 0)
        windows.append([s["text"] for s in ordered[max(0, place - CONTEXT_SENTENCES) : place]])
    # The sentences' own vectors (stored with the analyses), averaged: no new encoding.
    before = [text for window in windows for text in window]
    found = dict(zip(before, encode(before), strict=True)) if before else {}
    widened = vectors.copy()
    for k, window in zip(short, windows, strict=True):
        mean = np.mean([vectors[k], *(found[text] for text in window)], axis=0)
        widened[k] = mean / (np.linalg.norm(mean) or 1.0)
    return np.asarray(widened @ widened.T)


def counted_elsewhere(counts: set[int], counted: Sequence[Sequence[set[int]]], own: int) -> bool:
    """Whether some sentence of another source writes every count of a claim.

    "Twenty-one people were injured" and "..., killing three and wounding 21" are too far
    apart as sentences for the encoder, yet the second source does not leave the injured
    out: a claim whose counts (:func:`parallax.number_words.counts_in`) all stand in one
    sentence of another source is not said to be only its own. Claims without such a count
    are left to the encoder.
    """
    return bool(counts) and any(
        counts <= sentence
        for number, sentences in enumerate(counted)
        if number != own
        for sentence in sentences
    )


def align(
    story: str, records: Sequence[ArticleRecord], encode: Encoder | None = None
) -> list[AlignmentRecord]:
    """Alignment records for one story: ``same``, ``contradiction`` and ``unique`` claims."""
    encode = encoder_or_shared(encode)
    chosen = [claim_sentences(r, STATEMENT_TYPES) for r in records]
    flat = [(i, s) for i, sentences in enumerate(chosen) for s in sentences]
    if len({i for i, _ in flat}) < 2:
        return []
    texts = [s["text"] for _, s in flat]
    vectors = encode(texts)
    claims = [_claims_by_sentence(r) for r in records]
    names = [_source_name(r) for r in records]
    owner = np.array([i for i, _ in flat])
    similarity = vectors @ vectors.T
    in_context = _with_context(records, flat, vectors, encode)
    best_elsewhere = np.zeros(len(flat))
    close: list[tuple[int, int]] = []
    quoted: dict[tuple[int, int], str] = {}
    for x in range(len(flat)):
        for y in range(x + 1, len(flat)):
            if owner[x] == owner[y]:
                continue
            cosine = float(similarity[x, y])
            best_elsewhere[x] = max(best_elsewhere[x], cosine)
            best_elsewhere[y] = max(best_elsewhere[y], cosine)
            if max(cosine, in_context[x, y]) >= min(FIGURE_SAME, CLASH, PARAPHRASE):
                close.append((x, y))
            elif cosine >= QUOTE_SAME and (run := shared_quote(texts[x], texts[y])):
                close.append((x, y))
                quoted[(x, y)] = run
    # Only sentences of close pairs that state a figure are parsed (the costly step).
    wanted = sorted({k for pair in close for k in pair if has_figure(texts[k])})
    parsed = dict(zip(wanted, parse_figures([texts[k] for k in wanted]), strict=True))
    attacks = sorted({k for pair in close for k in pair if has_strike(texts[k])})
    struck = dict(zip(attacks, parse_strikes([texts[k] for k in attacks]), strict=True))
    sums = sorted({k for pair in close for k in pair if has_pledge(texts[k])})
    pledged = dict(zip(sums, parse_pledges([texts[k] for k in sums]), strict=True))
    judged = dict(zip(close, _entailment_scores(close, texts, vectors), strict=True))
    banded = sorted(
        {k for x, y in close if EVENT_SAME <= similarity[x, y] < PARAPHRASE for k in (x, y)}
    )
    readings: dict[int, Reading] = dict(
        zip(banded, parse_readings([texts[k] for k in banded]), strict=True)
    )
    result: list[AlignmentRecord] = []
    for x, y in close:
        (i, a), (j, b) = flat[x], flat[y]
        cosine = float(similarity[x, y])
        figures_a, figures_b = parsed.get(x, []), parsed.get(y, [])
        reason: str | None = None
        kind: AlignmentKind
        if cosine >= CLASH:
            reason = clash(
                a,
                b,
                claims[i].get(a["id"], []),
                claims[j].get(b["id"], []),
                (figures_a, figures_b),
                (names[i], names[j]),
                (struck.get(x, []), struck.get(y, [])),
                (pledged.get(x, []), pledged.get(y, [])),
            )
        if reason:
            kind = "contradiction"
            basis: AlignmentBasis = (
                "claims"
                if reason.startswith("values")
                else "attackers"
                if reason.startswith("attackers")
                else "figures"
            )
        elif conflicting(figures_a, figures_b) or conflicting_times(a["text"], b["text"]):
            continue
        elif attacker_clash(struck.get(x, []), struck.get(y, []), reported=True):
            continue  # each relays another side's account of who struck: not the same
        elif renamed(a["text"], b["text"]):
            continue  # "a strike on Kharkiv" against "a strike on Odesa": two strikes
        else:
            entailed, contradicted = judged[(x, y)]
            same = _same_reason(
                cosine,
                (shared_figures(figures_a, figures_b), max(cosine, float(in_context[x, y]))),
                (entailed, contradicted),
                (names[i], names[j]),
                quoted.get((x, y)) or shared_quote(a["text"], b["text"]),
                same_event(readings[x], readings[y]) if x in readings and y in readings else None,
            )
            if same is None:
                continue
            (basis, reason), kind = same, "same"
        result.append(
            {
                "kind": kind,
                "story": story,
                "items": [_item(records[i], a), _item(records[j], b)],
                "score": round(cosine, 3),
                "reason": reason,
                "basis": basis,
            }
        )
    result.sort(key=lambda r: (r["kind"] != "contradiction", -r["score"]))
    counted = [[counts_in(s["text"]) for s in r.get("sentences", [])] for r in records]
    for i, record in enumerate(records):
        mine = [
            x
            for x in range(len(flat))
            if owner[x] == i
            and best_elsewhere[x] < UNIQUE_BELOW
            and flat[x][1].get("type") in (CLAIM_TYPES | {None})
            and not counted_elsewhere(counts_in(texts[x]), counted, i)
        ]
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
                    "basis": "unmatched",
                }
            )
    return result
