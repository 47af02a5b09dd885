"""Specifications of the positions view, the claims to check first, techniques per source and
what each source leaves out, on small records we write ourselves."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest

from parallax.comparison import compare_story
from parallax.report import build_report
from parallax.report.compare_html import render_compare_html
from parallax.report.compare_markdown import render_compare_markdown
from parallax.report.positions_view import CSV_FIELDS, checkworthy_csv, checkworthy_rows
from parallax.report.sources_view import leaves_out, source_techniques, variants
from test_comparison import record

CLAIM = "factual_claim"
TYPED_A = [
    ("The harbour bridge in Westport opened to traffic on Monday after four years.", CLAIM, 0.6),
    ("The bridge cost 240 million euros, according to the city council.", "factual_claim", 0.9),
    ("The council must stop charging a toll on the new harbour bridge.", "call_to_action", 0.1),
    ("Who will pay for the upkeep of the bridge in ten years?", "question", 0.2),
    ("It is a shameful waste of public money by a careless council.", "opinion", 0.1),
]  # fmt: skip
TYPED_B = [
    ("The toll on the new harbour bridge pays for its upkeep, the council said.", CLAIM, 0.7),
    ("The bridge cost 310 million euros, far more than the council promised.", CLAIM, 0.95),
    ("Residents of the old town complained about the noise for years.", "factual_claim", 0.3),
]  # fmt: skip


def typed(rid: str, outlet: str, rows: list[tuple[str, str, float]]) -> dict[str, Any]:
    made = record(rid, f"{outlet} on the bridge", [t for t, _, _ in rows], outlet=outlet)
    for sentence, (_, kind, score) in zip(made["sentences"], rows, strict=True):
        sentence["type"], sentence["checkworthiness"] = kind, score
    return made


@pytest.fixture(scope="module")
def report() -> dict[str, Any]:
    a = typed("a1", "Westport Daily", TYPED_A)
    b = typed("b1", "Coastal Courier", TYPED_B)
    b["claims"] = [
        {"sentence_id": "s2", "text": TYPED_B[1][0], "verdict": "contradicted",
         "evidence": [{"kind": "fact", "text": "The bridge cost 240 million euros.",
                       "source": "city accounts"}],
         "explanation": "the accounts give 240 million"},
    ]  # fmt: skip
    b["sentences"][2]["techniques"] = [
        {"name": "loaded_language", "start": b["sentences"][2]["start"] + 26,
         "end": b["sentences"][2]["start"] + 36, "source": "rule", "score": 1.0},
    ]  # fmt: skip
    b["quotes"] = [{"text": TYPED_B[2][0], "start": b["sentences"][2]["start"],
                    "end": b["sentences"][2]["end"], "sentence_id": "s3", "kind": "reported",
                    "speaker": None, "speaker_text": None, "cue": None}]  # fmt: skip
    a["sentences"][4]["techniques"] = [
        {"name": "loaded_language", "start": a["sentences"][4]["start"] + 8,
         "end": a["sentences"][4]["start"] + 16, "source": "rule", "score": 1.0},
    ]  # fmt: skip
    records = [a, b]
    return build_report(records, comparison=compare_story("story-1", records))


def test_positions_sort_each_source_into_columns(report: dict[str, Any]) -> None:
    (story,) = report["comparison"]["positions"]
    a, b = story["by_source"]
    assert [i["text"] for i in a["demands"]] == [TYPED_A[2][0]]
    assert [i["text"] for i in a["questions"]] == [TYPED_A[3][0]]
    assert [i["text"] for i in a["opinions"]] == [TYPED_A[4][0]]
    assert [i["checkworthiness"] for i in a["claims"]] == [0.9, 0.6]  # most check-worthy first
    assert b["claims"][0]["verdict"] == "contradicted" and b["demands"] == []


def test_opposed_positions_share_a_row(report: dict[str, Any]) -> None:
    (story,) = report["comparison"]["positions"]
    kinds = {row["kind"]: row for row in story["opposed"]}
    clash = kinds["contradiction"]
    assert {i["text"] for i in clash["items"]} == {TYPED_A[1][0], TYPED_B[1][0]}
    demand = kinds["demand_against_claim"]
    assert [i["text"] for i in demand["items"]] == [TYPED_A[2][0], TYPED_B[0][0]]
    assert [i["type"] for i in demand["items"]] == ["call_to_action", "factual_claim"]


def test_a_demand_on_another_point_stays_in_its_column() -> None:
    a = typed("a1", "Westport Daily", [("Schools must open an hour later.", "call_to_action", 0.1)])
    b = typed("b1", "Coastal Courier", TYPED_B)
    (story,) = compare_story("story-1", [a, b])["positions"]
    assert story["opposed"] == []
    assert story["by_source"][0]["demands"][0]["text"].startswith("Schools")


def test_positions_open_both_reports_without_scripts(report: dict[str, Any]) -> None:
    html = render_compare_html(report)
    assert "<script" not in html and "http://" not in html and "https://" not in html
    positions = html.index("Positions")
    assert positions < html.index("What they agree on")
    assert TYPED_A[2][0] in html[positions : html.index("Claims to check first")]
    assert "Demands and calls for" in html and "Asks" in html
    md = render_compare_markdown(report)
    assert md.index("### Positions") < md.index("### What they agree on")
    assert TYPED_A[2][0] in md and "Opposed:" in md and "### Claims to check first" in md


def test_claims_to_check_first_rank_all_sources_and_export_as_csv(report: dict[str, Any]) -> None:
    rows = checkworthy_rows(report)
    assert [r["checkworthiness"] for r in rows] == [0.95, 0.9, 0.7, 0.6, 0.3]
    top = rows[0]
    assert top["source"] == "b1" and top["verdict"] == "contradicted"
    assert top["evidence"] == "The bridge cost 240 million euros."
    assert top["reason"] == (  # one line a reader can check: verdict, reason, evidence, source
        "contradicted: the accounts give 240 million. "
        "Evidence: The bridge cost 240 million euros. (source: city accounts)"
    )
    parsed = list(csv.DictReader(io.StringIO(checkworthy_csv(report))))
    assert tuple(parsed[0]) == CSV_FIELDS and len(parsed) == 5
    assert parsed[0]["rank"] == "1" and parsed[0]["checkworthiness"] == "0.950"
    assert parsed[1]["verdict"] == "" and parsed[1]["outlet"] == "Westport Daily"


def test_csv_cells_never_start_a_formula(report: dict[str, Any]) -> None:
    hostile = dict(report, articles=list(report["articles"]))
    positions = [dict(p) for p in report["comparison"]["positions"]]
    by_source = [dict(s) for s in positions[0]["by_source"]]
    by_source[0]["claims"] = [dict(by_source[0]["claims"][0], text="=HYPERLINK(1)")]
    positions[0]["by_source"] = by_source
    hostile["comparison"] = dict(report["comparison"], positions=positions)
    cells = [r["claim"] for r in csv.DictReader(io.StringIO(checkworthy_csv(hostile)))]
    assert "'=HYPERLINK(1)" in cells


def test_techniques_in_quotes_are_counted_apart(report: dict[str, Any]) -> None:
    a, b = report["articles"]
    own = source_techniques(a, "x")
    assert [(t["name"], t["count"]) for t in own["own"]] == [("loaded_language", 1)]
    assert own["own"][0]["spans"][0]["span"] == "shameful"
    quoted = source_techniques(b, "y")
    assert quoted["own"] == [] and quoted["quoted"][0]["count"] == 1
    said = dict(b, sentences=[dict(s) for s in b["sentences"]])
    said["sentences"][2]["techniques"] = [dict(said["sentences"][2]["techniques"][0], voice="own")]
    assert source_techniques(said, "z")["own"][0]["count"] == 1  # the record's own word wins
    html = render_compare_html(report)
    assert 'id="story-1-A-own-loaded_language-1"' in html and "In the voices it quotes" in html


@pytest.mark.parametrize(
    ("first", "second", "people", "same"),
    [
        ("Crimea", "Crimean", False, True),
        ("Biden", "Joseph Biden", True, True),
        ("Biden", "Joseph Biden", False, False),
        ("the Kremlin", "Kremlin", False, True),
        ("Europe", "Eastern Europe", False, False),
        ("Iran", "Iraq", False, False),
        ("Austria", "Australia", False, False),
    ],
)
def test_name_variants(first: str, second: str, people: bool, same: bool) -> None:
    assert variants(first, second, people) is same


def test_leaves_out_merges_variants_ranks_and_keeps_the_rest_behind_more() -> None:
    def gap(label: str, mentions: int, kind: str = "place") -> Any:
        return {"story": "s", "kind": "actor", "label": label, "covered_by": ["b"],
                "missing_from": ["a"], "mentions": mentions, "type": kind}  # fmt: skip

    gaps = [gap(f"Place{n:02d}", 1) for n in range(12)]
    gaps += [
        gap("Biden", 2, "person"),
        gap("Joseph Biden", 3, "person"),
        gap("Crimea", 1),
        gap("Crimean", 1),
    ]
    view = leaves_out(gaps, "a", [])
    assert view["shown"][0]["label"] == "Joseph Biden" and view["shown"][0]["weight"] == 5
    assert view["shown"][1]["variants"] == ["Crimea", "Crimean"]
    assert len(view["shown"]) == 10 and len(view["more"]) == 14 - 10
    assert leaves_out(gaps, "b", [])["shown"] == []


def test_without_sentence_kinds_the_reports_say_so_once() -> None:
    from test_comparison import BRIDGE_A, BRIDGE_B

    records = [BRIDGE_A, BRIDGE_B]
    untyped = build_report(records, comparison=compare_story("story-1", records))
    assert "Sentence kinds are not available" in render_compare_html(untyped)
    assert "Sentence kinds are not available" in render_compare_markdown(untyped)
    assert checkworthy_rows(untyped) == []


def test_a_confirmed_title_does_not_mark_its_sentence_supported() -> None:
    from parallax.comparison.positions import _verdicts

    title = {"id": "c1", "sentence_id": "s1", "kind": "title", "verdict": "supported"}
    count = {"id": "c2", "sentence_id": "s2", "kind": "membership", "verdict": "supported"}
    wrong = {"id": "c3", "sentence_id": "s3", "kind": "title", "verdict": "contradicted"}
    assert set(_verdicts([title, count, wrong])) == {"s2", "s3"}
