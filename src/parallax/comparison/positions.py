"""Positions: what each source of a story states as fact, argues, demands and asks.

The statements layer types every sentence (factual claim, opinion, call to action,
question, quotation) and scores its check-worthiness; the fact-checker attaches verdicts to
the claims read from sentences. This module sorts each source's sentences into those
columns, factual claims ranked by check-worthiness with their verdicts, so a reader sees
each side's positions next to the others'.

Where two sources take opposite positions on one point, the two statements belong on the
same row. Two signals say so, and nothing else does (precision first):

* the claim alignment marked the pair a contradiction (a number, a date, a negation or a
  checked fact disagrees);
* one source demands or calls for something and another states or argues about the same
  point: the pair scores at least :data:`POINT_SAME` on the alignment's blend of meaning and
  wording. A demand is the demanding side's position; the other side's statement on that
  point is its answer, whatever it is, so the reader sees them together.

Without sentence types (older analyses) the columns stay empty rather than guessing.
"""

from __future__ import annotations

from collections.abc import Sequence

from parallax.comparison.alignment import EMBEDDING_WEIGHT, Encoder, lexical_overlap
from parallax.record import (
    AlignmentRecord,
    ArticleRecord,
    ClaimRecord,
    OpposedRow,
    PositionItem,
    PositionsRecord,
    SentenceRecord,
    SourcePositions,
    VerdictLabel,
)

POINT_SAME = 0.5
"""Blended score at or above which a demand and another source's statement are on one point."""
MIN_WORDS = 4
"""Shorter sentences (fragments, bylines) are no position."""
DEMAND_PAIRS_PER_DEMAND = 1
"""Each demand is set beside the closest statement of each other source only."""
TITLE_ID = "title"
"""The sentence id given to a headline that is itself a call to action or a question."""

COLUMNS = {
    "factual_claim": "claims",
    "opinion": "opinions",
    "call_to_action": "demands",
    "question": "questions",
}
"""Which column each sentence type goes to (quotations are other people's positions)."""
_DECISIVE: dict[str, int] = {
    "contradicted": 4,
    "disputed": 3,
    "supported": 2,
    "not_enough_evidence": 1,
}


def _verdicts(claims: Sequence[ClaimRecord]) -> dict[str, ClaimRecord]:
    """The most decisive checked claim of each sentence (contradicted first)."""
    best: dict[str, ClaimRecord] = {}
    for claim in claims:
        sid, verdict = claim.get("sentence_id"), claim.get("verdict")
        if not sid or not verdict:
            continue
        if claim.get("kind") in {"title", "description"} and verdict == "supported":
            # A confirmed office title ("President X") or event date ("the 2003 invasion of
            # Iraq") says nothing about what the sentence asserts; it must not mark the
            # sentence as supported.
            continue
        held = best.get(sid)
        if held is None or _DECISIVE[verdict] > _DECISIVE[str(held["verdict"])]:
            best[sid] = claim
    return best


def _item(sentence: SentenceRecord, kind: str, claim: ClaimRecord | None) -> PositionItem:
    verdict: VerdictLabel | None = claim["verdict"] if claim else None
    return {
        "sentence_id": sentence["id"],
        "text": sentence["text"],
        "type": kind,
        "checkworthiness": sentence.get("checkworthiness"),
        "verdict": verdict,
        "explanation": claim.get("explanation") if claim else None,
    }


def _title_item(record: ArticleRecord) -> tuple[str, PositionItem] | None:
    """The headline as a demand or question, when the statements layer typed it so."""
    statement = record.get("title_statement")
    if not statement or statement.get("type") not in {"call_to_action", "question"}:
        return None
    kind = str(statement["type"])
    item: PositionItem = {
        "sentence_id": TITLE_ID,
        "text": statement["text"],
        "type": kind,
        "checkworthiness": None,
        "verdict": None,
        "explanation": None,
    }
    return COLUMNS[kind], item


def source_positions(record: ArticleRecord) -> SourcePositions:
    """One source's claims (most check-worthy first), opinions, demands and questions."""
    verdicts = _verdicts(record.get("claims") or [])
    columns: dict[str, list[PositionItem]] = {c: [] for c in COLUMNS.values()}
    title = _title_item(record)
    if title:
        columns[title[0]].append(title[1])
    for sentence in record.get("sentences") or []:
        kind = sentence.get("type")
        if sentence.get("call_to_action") and kind not in {"question", "quotation"}:
            kind = "call_to_action"
        column = COLUMNS.get(str(kind))
        if column is None or len(sentence["text"].split()) < MIN_WORDS:
            continue
        columns[column].append(_item(sentence, str(kind), verdicts.get(sentence["id"])))
    columns["claims"].sort(key=lambda item: -(item["checkworthiness"] or 0.0))
    return {
        "article_id": record["id"],
        "outlet": record.get("outlet"),
        "title": record.get("title"),
        "claims": columns["claims"],
        "opinions": columns["opinions"],
        "demands": columns["demands"],
        "questions": columns["questions"],
    }


def _contradiction_rows(
    alignments: Sequence[AlignmentRecord], kinds: dict[tuple[str, str], str | None]
) -> list[OpposedRow]:
    rows: list[OpposedRow] = []
    for alignment in alignments:
        if alignment["kind"] != "contradiction":
            continue
        rows.append(
            {
                "kind": "contradiction",
                "reason": alignment["reason"],
                "score": alignment["score"],
                "items": [
                    {
                        **item,
                        "type": kinds.get((item["article_id"], item["sentence_id"])),
                    }
                    for item in alignment["items"]
                ],
            }
        )
    return rows


def _demand_rows(by_source: Sequence[SourcePositions], encode: Encoder) -> list[OpposedRow]:
    """Each demand beside the closest statement of each other source on the same point."""
    # Only sentences are paired: their vectors are stored with the analysis, so a
    # comparison of stored analyses never runs the encoder; headlines are shown, not paired.
    demands = [(s, d) for s in by_source for d in s["demands"] if d["sentence_id"] != TITLE_ID]
    if not demands or len(by_source) < 2:
        return []
    answers = [
        (s, i)
        for s in by_source
        for i in (*s["claims"], *s["opinions"], *s["demands"])
        if i["sentence_id"] != TITLE_ID
    ]
    if not answers:
        return []
    vectors = encode([d["text"] for _, d in demands] + [i["text"] for _, i in answers])
    demand_vectors, answer_vectors = vectors[: len(demands)], vectors[len(demands) :]
    similarity = demand_vectors @ answer_vectors.T
    rows: list[OpposedRow] = []
    seen: set[frozenset[str]] = set()
    for d, (source, demand) in enumerate(demands):
        for other in by_source:
            if other["article_id"] == source["article_id"]:
                continue
            scored = []
            for a, (owner, answer) in enumerate(answers):
                if owner["article_id"] != other["article_id"]:
                    continue
                score = EMBEDDING_WEIGHT * float(similarity[d, a]) + (
                    1 - EMBEDDING_WEIGHT
                ) * lexical_overlap(demand["text"], answer["text"])
                scored.append((score, answer))
            scored.sort(key=lambda pair: -pair[0])
            for score, answer in scored[:DEMAND_PAIRS_PER_DEMAND]:
                key = frozenset(
                    {
                        f"{source['article_id']}#{demand['sentence_id']}",
                        f"{other['article_id']}#{answer['sentence_id']}",
                    }
                )
                if score < POINT_SAME or key in seen:
                    continue
                seen.add(key)
                rows.append(
                    {
                        "kind": "demand_against_claim",
                        "reason": f"one source demands, the other {_verb(answer['type'])} "
                        f"on the same point (score {score:.2f})",
                        "score": round(score, 3),
                        "items": [
                            {
                                "article_id": source["article_id"],
                                "sentence_id": demand["sentence_id"],
                                "text": demand["text"],
                                "type": demand["type"],
                            },
                            {
                                "article_id": other["article_id"],
                                "sentence_id": answer["sentence_id"],
                                "text": answer["text"],
                                "type": answer["type"],
                            },
                        ],
                    }
                )
    return rows


def _verb(kind: str) -> str:
    return {"factual_claim": "states", "opinion": "argues", "call_to_action": "demands"}.get(
        kind, "says"
    )


def positions(
    story: str,
    records: Sequence[ArticleRecord],
    alignments: Sequence[AlignmentRecord],
    encode: Encoder,
) -> PositionsRecord:
    """The positions of one story's sources, and the rows where they take opposite sides."""
    by_source = [source_positions(r) for r in records]
    kinds = {(r["id"], s["id"]): s.get("type") for r in records for s in r.get("sentences") or []}
    opposed = _contradiction_rows(alignments, kinds) + _demand_rows(by_source, encode)
    opposed.sort(key=lambda row: (row["kind"] != "contradiction", -row["score"]))
    return {"story": story, "by_source": by_source, "opposed": opposed}
