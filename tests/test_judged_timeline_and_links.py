"""Hand-judged timeline entries and person links (issue 18) stay judged right.

``tests/data/timeline_judgements.jsonl`` and ``person_link_judgements.jsonl`` hold a reader's
verdicts on what the pipeline produced for the seeds, the bundled samples and a seeded sample
of real articles (see ``parallax_dev.judged_sample`` and ``devtools/scripts/judge_sample.py``),
as ids, offsets and our own outputs only. These tests re-run the pipeline on the judged
articles: an entry or link judged wrong must not come back, and nearly all of those judged
right must still be produced. A timeline entry is matched by article, sentence, date and named
event; when only its label was judged wrong, by its label too (a fixed label is not the wrong
entry any more). A person link is matched by article, mention offsets and knowledge-base id.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

import pytest

import parallax_dev.judged_sample as judged
from conftest import REPO, shared_path

pytestmark = [pytest.mark.shared, pytest.mark.slow]

DATA = REPO / "tests" / "data"
RIGHT_KEPT = 0.9
"""Share of the entries and links judged right that must still be produced."""
# Ratchets: how many of the entries and links judged wrong the pipeline still produces.
# Issue 18 asks for none; each fix lowers these, and they are never raised.
WRONG_DATES_BACK = 0
WRONG_LABELS_BACK = 0
WRONG_LINKS_BACK = 0


def _load(name: str) -> list[dict[str, Any]]:
    with (DATA / name).open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def _label_hash(label: str) -> str:
    return hashlib.sha256(label.encode("utf-8")).hexdigest()[:12]


@pytest.fixture(scope="module")
def produced(pipeline: Any) -> dict[str, set[tuple[Any, ...]]]:
    """Run the pipeline on every judged article; the keys of what it produces now."""
    shared = shared_path("seeds").parent
    timeline = _load("timeline_judgements.jsonl")
    links = _load("person_link_judgements.jsonl")
    wanted = {row["input"]: row["article_id"] for row in [*timeline, *links]}
    items = [
        i for i in judged.sample(shared, basil=20, ukraine=6, allsides=20) if i.input in wanted
    ]
    missing = set(wanted) - {i.input for i in items}
    assert not missing, f"judged inputs no longer in the sample: {sorted(missing)}"
    changed = [i.input for i in items if i.article.id != wanted[i.input]]
    assert not changed, (
        f"these inputs now read as different text, so the judgements no longer apply: {changed}; "
        "re-run devtools/scripts/judge_sample.py and judge them again"
    )
    kb = judged.knowledge()
    keys: dict[str, set[tuple[Any, ...]]] = {
        "dates": set(),
        "labels": set(),
        "links": set(),
        "sentences": set(),
    }
    for item, analysis in zip(items, pipeline.pipe([i.article for i in items]), strict=True):
        keys["sentences"].update(
            (analysis.article.id, s.id, s.start, s.end) for s in analysis.sentences
        )
        for entry in analysis.layers.get("timeline", []):
            key = (analysis.article.id, entry["sentence_id"], entry["date"], entry.get("kb_event"))
            keys["dates"].add(key)
            keys["labels"].add((*key, _label_hash(entry["label"])))
        for row in judged.person_link_rows(item, analysis, kb):
            keys["links"].add((row["article_id"], row["start"], row["end"], row["kb_id"]))
    return keys


def _entry_key(row: dict[str, Any], produced: dict[str, set[Any]]) -> tuple[Any, ...]:
    """A judged entry's key, its sentence found by its text span, not by its number.

    Sentence numbers move when the sentence splitter changes (a quote mark cut off by the
    parser no longer makes a sentence of its own); the judged sentence is the one of the
    article now that overlaps the judged span most.
    """
    start, end = int(row["start"]), int(row["end"])
    spans = [s for s in produced["sentences"] if s[0] == row["article_id"]]
    best = max(spans, key=lambda s: min(end, s[3]) - max(start, s[2]), default=None)
    sentence = best[1] if best is not None else row["sentence_id"]
    return (row["article_id"], sentence, row["date"], row["kb_event"])


def _link_key(row: dict[str, Any]) -> tuple[Any, ...]:
    return (row["article_id"], row["start"], row["end"], row["kb_id"])


def test_the_judgements_cover_the_sample_issue_18_asks_for() -> None:
    timeline = _load("timeline_judgements.jsonl")
    links = _load("person_link_judgements.jsonl")
    real = [row for row in timeline if row["input"].startswith("inputs/")]
    assert len(timeline) >= 50 and len(real) >= 30 and len(links) >= 50
    assert {row["verdict"] for row in [*timeline, *links]} <= {"right", "wrong"}


def test_timeline_entries_judged_wrong_do_not_come_back(produced: dict[str, set[Any]]) -> None:
    dates, labels = [], []
    for row in _load("timeline_judgements.jsonl"):
        if row["verdict"] != "wrong":
            continue
        line = f"{row['input']} {row['sentence_id']} {row['date']}: {row['reason']}"
        if row["date_verdict"] == "wrong" and _entry_key(row, produced) in produced["dates"]:
            dates.append(line)
        elif (*_entry_key(row, produced), row["label_sha256_12"]) in produced["labels"]:
            labels.append(line)
    assert len(dates) <= WRONG_DATES_BACK, "wrong dates produced again:\n" + "\n".join(dates)
    assert len(labels) <= WRONG_LABELS_BACK, "wrong labels produced again:\n" + "\n".join(labels)


def test_timeline_entries_judged_right_are_still_produced(
    produced: dict[str, set[Any]],
) -> None:
    # An entry whose label was judged wrong may be left out rather than shown with a wrong
    # doer (issue 18: "left out rather than guessed"), so only entries judged right in both
    # date and label must still be produced.
    right = [
        r
        for r in _load("timeline_judgements.jsonl")
        if r["date_verdict"] == "right" and r.get("label_verdict") != "wrong"
    ]
    kept = [r for r in right if _entry_key(r, produced) in produced["dates"]]
    assert len(kept) >= RIGHT_KEPT * len(right), (
        f"only {len(kept)} of {len(right)} rightly dated entries are still produced; lost: "
        + ", ".join(f"{r['input']} {r['sentence_id']} {r['date']}" for r in right if r not in kept)
    )


def test_no_person_link_judged_wrong_comes_back(produced: dict[str, set[Any]]) -> None:
    back = [
        f"{r['input']} {r['start']}-{r['end']} -> {r['kb_id']}: {r['reason']}"
        for r in _load("person_link_judgements.jsonl")
        if r["verdict"] == "wrong" and _link_key(r) in produced["links"]
    ]
    assert len(back) <= WRONG_LINKS_BACK, f"{len(back)} wrong person links:\n" + "\n".join(back)


def test_person_links_judged_right_are_still_produced(produced: dict[str, set[Any]]) -> None:
    right = [r for r in _load("person_link_judgements.jsonl") if r["verdict"] == "right"]
    kept = [r for r in right if _link_key(r) in produced["links"]]
    assert len(kept) >= RIGHT_KEPT * len(right), (
        f"only {len(kept)} of {len(right)} right person links are still produced; lost: "
        + ", ".join(
            f"{r['input']} {r['start']}-{r['end']} {r['kb_id']}" for r in right if r not in kept
        )
    )
