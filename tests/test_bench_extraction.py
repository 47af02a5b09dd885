"""Tests of the AEB shingle metric and the extraction benchmark's plumbing."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from parallax.errors import ConfigError
from parallax_dev.bench import extraction, extraction_report
from parallax_dev.bench.shingles import (
    PageMatch,
    Scores,
    aggregate,
    match_page,
    score_texts,
    shingles,
    tokenize,
)

SHARED = Path(__file__).resolve().parents[2] / "shared"
AEB = SHARED / "inputs" / "scrapinghub-aeb"
NAEB = SHARED / "inputs" / "naeb-newspaper4k"

needs_aeb = pytest.mark.skipif(
    not (AEB / "ground-truth.json").exists(),
    reason=f"the AEB data set is not available at {AEB} (shared data folder absent)",
)
needs_naeb = pytest.mark.skipif(
    not (NAEB / "html.tar.xz").exists(),
    reason=f"the NAEB data set is not available at {NAEB} (shared data folder absent)",
)

# ----------------------------------------------------------------------------- tokens


def test_tokenize_keeps_case_and_drops_punctuation() -> None:
    assert tokenize("Hello, World! It's 2024.") == ["Hello", "World", "It", "s", "2024"]
    assert tokenize("Ünïcode wörds — ok") == ["Ünïcode", "wörds", "ok"]
    assert tokenize("") == []
    assert tokenize(None) == []
    assert tokenize(" ,;— ") == []


def test_shingles_are_overlapping_four_token_runs() -> None:
    assert shingles("a b c d e") == {("a", "b", "c", "d"): 1, ("b", "c", "d", "e"): 1}


def test_short_text_is_one_shingle_and_empty_text_none() -> None:
    assert shingles("just two") == {("just", "two"): 1}
    assert shingles("w x y z") == {("w", "x", "y", "z"): 1}
    assert shingles("") == {}
    assert shingles("!!!") == {}


def test_shingles_are_counted_as_multisets() -> None:
    assert shingles("a b c d a b c d")[("a", "b", "c", "d")] == 2


def test_shingle_size_must_be_positive() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        shingles("a b", size=0)


# ----------------------------------------------------------------------------- pages

TEXT = "The quick brown fox jumps over the lazy dog near the river bank."


def test_identical_texts_score_one() -> None:
    page = match_page(TEXT, TEXT)
    assert (page.precision, page.recall, page.f1, page.exact) == (1.0, 1.0, 1.0, True)
    scores = aggregate([page])
    assert (scores.precision, scores.recall, scores.f1, scores.accuracy) == (1, 1, 1, 1)


def test_punctuation_and_spacing_do_not_matter_but_case_does() -> None:
    spaced = "The quick brown  fox -- jumps over the lazy dog, near the river bank"
    assert match_page(TEXT, spaced).exact
    assert match_page(TEXT, TEXT.upper()).f1 == 0.0


def test_disjoint_texts_score_zero() -> None:
    page = match_page(TEXT, "Completely unrelated words appear in this other sentence here")
    assert (page.precision, page.recall, page.f1) == (0.0, 0.0, 0.0)
    assert aggregate([page]).f1 == 0.0


def test_extra_text_costs_precision_only() -> None:
    page = match_page("a b c d e", "a b c d e f g")
    assert page.recall == 1.0
    assert page.precision == pytest.approx(2 / 4)


def test_missing_text_costs_recall_only() -> None:
    page = match_page("a b c d e f g", "a b c d e")
    assert page.precision == 1.0
    assert page.recall == pytest.approx(2 / 4)


def test_repeated_shingles_match_only_as_often_as_they_occur() -> None:
    page = match_page("a b c d", "a b c d a b c d")
    assert (page.tp, page.fn) == (1, 0)
    assert page.fp == 4  # the second "a b c d" and the three shingles bridging the copies


def test_empty_prediction_counts_against_recall_not_precision() -> None:
    good = match_page(TEXT, TEXT)
    empty = match_page(TEXT, "")
    assert (empty.precision, empty.recall, empty.f1) == (None, 0.0, 0.0)
    scores = aggregate([good, empty])
    assert scores.precision == 1.0  # only pages with a prediction count for precision
    assert scores.recall == 0.5
    assert scores.f1 == pytest.approx(2 * 1.0 * 0.5 / 1.5)
    assert scores.empty == 1
    assert scores.precision_all == 0.5  # the strict variant counts the empty page as 0
    assert scores.f1_all == pytest.approx(0.5)


def test_empty_gold_counts_against_precision_not_recall() -> None:
    page = match_page("", TEXT)
    assert (page.precision, page.recall) == (0.0, None)
    scores = aggregate([match_page(TEXT, TEXT), page])
    assert scores.recall == 1.0
    assert scores.precision == 0.5


def test_both_empty_is_a_perfect_page_that_averages_as_nothing() -> None:
    page = match_page("", None)
    assert (page.precision, page.recall, page.f1, page.exact) == (None, None, 1.0, True)
    assert aggregate([page]) == Scores(0.0, 0.0, 0.0, 1.0, 1.0, 1, 1)


def test_no_pages_scores_zero() -> None:
    assert aggregate([]) == Scores(0.0, 0.0, 0.0, 0.0, 0.0, 0, 0)


def test_macro_average_gives_short_and_long_pages_equal_weight() -> None:
    long_gold = " ".join(f"w{i}" for i in range(400))
    long_pred = long_gold  # perfect on the long page
    short = match_page("one two three four five", "six seven eight nine ten")  # all wrong
    scores = aggregate([match_page(long_gold, long_pred), short])
    assert scores.precision == 0.5
    assert scores.recall == 0.5


def test_f1_is_computed_from_the_mean_precision_and_recall() -> None:
    pages = [PageMatch(tp=1, fp=0, fn=3, exact=False), PageMatch(tp=1, fp=3, fn=0, exact=False)]
    scores = aggregate(pages)
    assert scores.precision == pytest.approx((1 + 0.25) / 2)
    assert scores.recall == pytest.approx((0.25 + 1) / 2)
    assert scores.f1 == pytest.approx(0.625)  # not the mean of per-page F1s (0.4)


def test_score_texts_treats_missing_predictions_as_empty() -> None:
    scores = score_texts({"a": TEXT, "b": TEXT}, {"a": TEXT, "zzz": "ignored"})
    assert (scores.pages, scores.empty, scores.recall) == (2, 1, 0.5)


# ----------------------------------------------------------------------------- metadata


def test_title_normalisation_ignores_case_punctuation_and_quotes() -> None:
    assert extraction.normalise_title("Georgia’s plan — “final”") == extraction.normalise_title(
        'GEORGIA\'S PLAN - "Final"'
    )
    assert extraction.normalise_title(None) == ""


def test_author_names_split_and_normalise() -> None:
    assert extraction.author_names("RALPH D. RUSSO, BOB FERRANTE") == {
        "ralph d russo",
        "bob ferrante",
    }
    assert extraction.author_names("By Aaron Scott ,  Berly McCoy and Rebecca Ramírez") == {
        "aaron scott",
        "berly mccoy",
        "rebecca ramirez",
    }
    assert extraction.author_names("Robert E. Moffit, Ph.D.") == {"robert e moffit"}
    assert extraction.author_names("Oliver Darcy,") == {"oliver darcy"}
    assert extraction.author_names("") == frozenset()


# ----------------------------------------------------------------------------- docs


def _aeb_result(complete: bool = True) -> extraction.AebResult:
    perfect = aggregate([match_page(TEXT, TEXT)])
    return extraction.AebResult(
        pages=1,
        complete=complete,
        ours=perfect,
        trafilatura_plain=perfect,
        peers=[extraction.SystemScore("trafilatura", "2.0.0", perfect, published_f1=0.958)],
        throughput=extraction.Throughput(1, 0.5, ours_seconds=2.0, trafilatura_seconds=1.0),
        empty_pages=[],
        worst=[],
        trafilatura_version="9.9",
        seconds=3.0,
    )


def test_throughput_ratio_is_ours_over_trafilatura() -> None:
    t = extraction.Throughput(10, 5.0, ours_seconds=4.0, trafilatura_seconds=2.0)
    assert (t.ours_pages_per_s, t.trafilatura_pages_per_s, t.ratio) == (2.5, 5.0, 0.5)
    assert t.ours_mb_per_s == 1.25
    assert extraction.Throughput(0, 0.0, 0.0, 0.0).ratio == 0.0


def test_update_docs_replaces_only_its_own_sections(tmp_path: Path) -> None:
    evaluation = tmp_path / "evaluation.md"
    evaluation.write_text(
        "# Evaluation\n\nIntro.\n\n## Claims\n\nkeep me\n\n"
        "## Main-text extraction (AEB)\n\nold numbers\n\n## Framing\n\nkeep me too\n",
        encoding="utf-8",
    )
    written = extraction_report.update_docs(tmp_path, aeb=_aeb_result(), when=date(2026, 1, 2))
    assert written == [evaluation, tmp_path / "performance.md"]
    text = evaluation.read_text(encoding="utf-8")
    assert "old numbers" not in text
    assert text.count("## Main-text extraction (AEB)") == 1
    assert "## Claims\n\nkeep me\n" in text and "## Framing\n\nkeep me too\n" in text
    assert text.index("## Claims") < text.index("## Main-text") < text.index("## Framing")
    assert "parallax-dev bench extract" in text and "2026-01-02" in text
    performance = (tmp_path / "performance.md").read_text(encoding="utf-8")
    assert performance.startswith("# Performance")
    assert "## Extraction throughput" in performance and "**0.50**" in performance
    # Rewriting is idempotent.
    extraction_report.update_docs(tmp_path, aeb=_aeb_result(), when=date(2026, 1, 2))
    assert evaluation.read_text(encoding="utf-8") == text


def test_update_docs_refuses_partial_runs(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="partial run"):
        extraction_report.update_docs(tmp_path, aeb=_aeb_result(complete=False))
    assert not list(tmp_path.iterdir())


def test_format_markdown_lists_every_system() -> None:
    text = extraction_report.format_markdown(_aeb_result())
    assert "**parallax**" in text and "trafilatura, installed" in text and "0.958" in text


def test_missing_shared_folder_says_what_is_expected(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="scrapinghub-aeb"):
        extraction.run_aeb(tmp_path)
    with pytest.raises(FileNotFoundError, match="naeb-newspaper4k"):
        extraction.run_naeb(tmp_path)


# ----------------------------------------------------------------------------- shared data


@pytest.mark.shared
@needs_aeb
def test_metric_reproduces_published_aeb_scores() -> None:
    """Scoring the published outputs must give the published F1s (no extraction: fast)."""
    truth = extraction.load_aeb_truth(AEB)
    gold = {key: value.get("articleBody") for key, value in truth.items()}
    peers = extraction.load_peer_outputs(AEB)
    assert len(peers) == 16
    version, trafilatura_output = peers["trafilatura"]
    assert version == "2.0.0"
    scores = score_texts(gold, trafilatura_output)
    assert scores.pages == 181
    assert round(scores.f1, 3) == 0.958
    assert (round(scores.precision, 3), round(scores.recall, 3)) == (0.938, 0.978)
    for stem, (_version, texts) in peers.items():
        published = extraction.PEERS[stem].published_f1
        assert round(score_texts(gold, texts).f1, 3) == published, stem


@pytest.mark.shared
@needs_aeb
def test_run_aeb_on_a_few_pages() -> None:
    calls: list[tuple[int, ...]] = []
    result = extraction.run_aeb(SHARED, limit=3, progress=lambda *args: calls.append(args))
    assert calls == [(1, 3), (2, 3), (3, 3)]
    assert (result.pages, result.complete) == (3, False)
    assert result.ours.pages == 3 and all(peer.scores.pages == 3 for peer in result.peers)
    assert result.ours.f1 > 0.5
    assert result.throughput.pages == 3 and result.throughput.ratio > 0
    assert "parallax" in extraction_report.format_markdown(result)


@pytest.mark.shared
@needs_naeb
def test_run_naeb_on_a_few_articles() -> None:
    result = extraction.run_naeb(SHARED, limit=3)
    assert (result.articles, result.scored, result.complete) == (3, 3, False)
    assert result.date.n == 3 and result.text.pages == 3
    assert result.text.f1 > 0.5
    assert "NAEB" in extraction_report.format_markdown(naeb=result)


def test_write_docs_is_the_cli_entry_point(tmp_path: Path) -> None:
    written = extraction_report.write_docs(_aeb_result(), None, tmp_path)
    assert [path.name for path in written] == ["evaluation.md", "performance.md"]
    assert "## Metadata extraction (NAEB)" not in written[0].read_text(encoding="utf-8")
