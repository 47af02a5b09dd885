"""`parallax check`, `parallax-dev eval checking`, and verdicts in `parallax analyze` reports."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import Result

from parallax_dev.evaluation.checking import evaluate, read_table

USER_KB = Path(__file__).parent / "data" / "userkb"


def test_check_json(cli: Callable[..., Result]) -> None:
    result = cli("check", "NATO was founded in 1951", "--format", "json")
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert record["verdict"] == "contradicted"
    assert record["structured"]["subject_id"] == "nato"
    assert record["structured"]["relation"] == "founded"
    assert any("1949-04-04" in e["text"] and e["source"] for e in record["evidence"])
    assert "1949" in record["explanation"]


def test_check_markdown_counts_members_in_a_span(cli: Callable[..., Result]) -> None:
    result = cli("check", "Between 1999 and 2004, NATO expanded to 14 more countries")
    assert result.exit_code == 0
    assert "contradicted" in result.stdout and "10 joined NATO" in result.stdout
    assert "Slovenia" in result.stdout and "## Evidence" in result.stdout


def test_check_with_a_user_knowledge_base(cli: Callable[..., Result]) -> None:
    result = cli(
        "check",
        "Latvia joined the Baltic Sea Compact in 2012",
        "--kb",
        str(USER_KB),
        "--format",
        "json",
    )
    assert json.loads(result.stdout)["verdict"] == "supported"


def test_check_present_tense_as_of_a_date(cli: Callable[..., Result]) -> None:
    result = cli("check", "NATO has 30 members", "--date", "2021-01-01", "--format", "json")
    assert json.loads(result.stdout)["verdict"] == "supported"


def test_check_bad_inputs_say_what_to_fix(cli: Callable[..., Result]) -> None:
    result = cli("check", "NATO has 30 members", "--date", "yesterday")
    assert result.exit_code == 2 and "YYYY-MM-DD" in result.output
    result = cli("check", "NATO has 30 members", "--kb", "/nonexistent/kb")
    assert result.exit_code == 2 and "does not exist" in result.output


def test_uncheckable_text_is_not_enough_evidence(cli: Callable[..., Result]) -> None:
    record = json.loads(cli("check", "What a lovely day.", "--format", "json").stdout)
    assert record["verdict"] == "not_enough_evidence" and record["evidence"] == []


def test_claim_table_is_project_written_and_large() -> None:
    rows = read_table()
    assert len(rows) >= 60
    verdicts = {r.expected for r in rows}
    assert verdicts == {"supported", "contradicted", "disputed", "not_enough_evidence"}


def test_claim_table_floor() -> None:
    scores = evaluate()
    assert scores.accuracy >= 0.95, scores.misses


def test_eval_checking_command(dev_cli: Callable[..., Result]) -> None:
    result = dev_cli("eval", "checking")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["claims"] >= 60


# --- seeds and samples: every planted or real factual error is found, nothing correct is
# called contradicted ---------------------------------------------------------------------


def _claims(report: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    return [(a["source"], c) for a in report["articles"] for c in a["claims"]]


EXPECTED_CONTRADICTED = {
    "12 western European countries",  # 12 founders in all: the U.S., Canada and 10 European
    "NATO expanded to 14 more countries",  # 10 between 1999 and 2004 (3 + 7)
    "30th member",  # Finland is the 31st
    "in 1951",  # founded in 1949
    "The 2004 enlargement added ten countries",  # seven
}


@pytest.fixture(scope="module")
def seeds_and_samples_report(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """One analysis of the seeds (when ../shared is present) and the samples, shared below."""
    from click.testing import CliRunner

    from conftest import SAMPLES, SHARED
    from parallax.cli import main

    inputs = sorted((SHARED / "seeds").glob("*.txt")) + sorted(
        p
        for p in SAMPLES.iterdir()
        if p.suffix in {".txt", ".html", ".md"} and p.name != "README.md"
    )
    db = tmp_path_factory.mktemp("factcheck") / "parallax.db"
    result = CliRunner().invoke(
        main,
        ["analyze", "--db", str(db), *map(str, inputs), "--format", "json", "--quiet"],
        catch_exceptions=False,
    )
    report: dict[str, Any] = json.loads(result.stdout)
    return report


@pytest.mark.shared
def test_seed_and_sample_errors_are_found_and_nothing_correct_is_contradicted(
    seeds: Path, seeds_and_samples_report: dict[str, Any]
) -> None:
    claims = _claims(seeds_and_samples_report)
    assert all(c["verdict"] for _, c in claims)
    contradicted = [c for _, c in claims if c["verdict"] == "contradicted"]
    for claim in contradicted:
        assert any(marker in claim["text"] for marker in EXPECTED_CONTRADICTED), claim
        assert claim["evidence"] and all(e["source"] for e in claim["evidence"])
    for marker in EXPECTED_CONTRADICTED:
        assert any(marker in c["text"] for c in contradicted), f"not found: {marker}"
    abm = [c for _, c in claims if "Anti-ballistic Missile Treaty" in c["text"]]
    assert abm and abm[0]["verdict"] == "disputed"  # announced 2001, effective 2002


def test_sample_claims_carry_structured_fields(seeds_and_samples_report: dict[str, Any]) -> None:
    for article in seeds_and_samples_report["articles"]:
        sentences = {s["id"]: s for s in article["sentences"]}
        for claim in article["claims"]:
            assert claim["id"].startswith("c") and claim["sentence_id"] in sentences
            assert article["text"][claim["start"] : claim["end"]] == claim["text"]
            assert claim["verdict"] in {
                "supported",
                "contradicted",
                "disputed",
                "not_enough_evidence",
            }


def test_check_searches_reference_documents(
    cli: Callable[..., Result], write: Callable[[str, str], Path]
) -> None:
    notes = write(
        "notes.txt",
        "Summit notes\n\nThe Vilnius summit ended on 12 July 2023 with a communique on Ukraine. "
        "Leaders agreed to drop the Membership Action Plan requirement for Ukraine.\n",
    )
    claim = "Leaders agreed to drop the Membership Action Plan requirement for Ukraine"
    record = json.loads(cli("check", claim, "--documents", str(notes), "--format", "json").stdout)
    assert record["evidence"] and {e["kind"] for e in record["evidence"]} == {"document"}
    assert any("Membership Action Plan" in e["text"] for e in record["evidence"])


def test_an_empty_claim_is_a_usage_error() -> None:
    from click.testing import CliRunner

    from parallax.cli import main

    result = CliRunner().invoke(main, ["check", "   "])
    assert result.exit_code == 2
    assert "CLAIM is empty" in result.output
