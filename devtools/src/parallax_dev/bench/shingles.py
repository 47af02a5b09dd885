r"""The shingle metric of the Article Extraction Benchmark (AEB), implemented independently.

Main-text extraction is scored the way the Zyte/Scrapinghub AEB scores it, so that our
numbers sit in the same table as the published ones:

* a text is split into tokens, each a maximal run of Unicode word characters (``\w+``);
  case and punctuation are kept as they are, so only real wording differences count;
* a *shingle* is a run of 4 consecutive tokens; a text with fewer than 4 tokens (but at
  least one) has exactly one, shorter shingle made of all its tokens, so very short texts
  can still match; a text with no tokens has no shingles;
* shingles are compared as multisets: a shingle repeated three times in the gold text and
  once in the prediction gives one true positive and two false negatives;
* precision and recall are computed per page and averaged over pages (macro average), so a
  long page weighs no more than a short one. Precision is averaged over the pages whose
  prediction has shingles, recall over the pages whose gold text has shingles; an empty
  prediction therefore costs recall but not precision;
* F1 is the harmonic mean of the two averages (not an average of per-page F1s).

The upstream script normalises each page's counts to fractions before this step; that
changes no per-page ratio, so working with the raw counts gives the same figures.

``precision_all`` is a stricter variant (as newspaper4k's evaluator averages): every page
counts, an empty prediction scores 0 precision, and a page where both texts are empty
scores 1. It shows the cost of pages on which the extractor returns nothing.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

SHINGLE_SIZE = 4
"""Tokens per shingle, as in the AEB."""

_WORD = re.compile(r"\w+")

Shingle = tuple[str, ...]


def tokenize(text: str | None) -> list[str]:
    """Split ``text`` into word tokens (runs of Unicode word characters).

    Deliberately crude and language-neutral, as in the AEB: it needs no model, treats every
    script alike, and extra or missing text still shows up as extra or missing shingles.
    """
    return _WORD.findall(text) if text else []


def shingles(text: str | None, size: int = SHINGLE_SIZE) -> Counter[Shingle]:
    """Count the shingles (runs of ``size`` consecutive tokens) of ``text``.

    A text with fewer than ``size`` tokens yields a single shingle of all of them, so that a
    one-word gold text can still be matched; an empty text yields none.
    """
    if size < 1:
        raise ValueError(f"shingle size must be at least 1, not {size}")
    tokens = tokenize(text)
    if not tokens:
        return Counter()
    if len(tokens) <= size:
        return Counter([tuple(tokens)])
    return Counter(tuple(tokens[i : i + size]) for i in range(len(tokens) - size + 1))


@dataclass(frozen=True)
class PageMatch:
    """Shingle counts for one page: what the prediction got right, added and missed.

    Attributes:
        tp: shingles in both texts (multiset intersection).
        fp: shingles only in the prediction (extra text such as boilerplate).
        fn: shingles only in the gold text (article text that was lost).
        exact: whether both texts have exactly the same tokens.
    """

    tp: int
    fp: int
    fn: int
    exact: bool

    @property
    def precision(self) -> float | None:
        """Share of the predicted shingles that are in the gold text (None if none predicted)."""
        predicted = self.tp + self.fp
        return self.tp / predicted if predicted else None

    @property
    def recall(self) -> float | None:
        """Share of the gold shingles that were predicted (None if the gold text is empty)."""
        gold = self.tp + self.fn
        return self.tp / gold if gold else None

    @property
    def f1(self) -> float:
        """Per-page F1, for ranking pages; both texts empty counts as a perfect match."""
        if self.tp + self.fp + self.fn == 0:
            return 1.0
        return 2 * self.tp / (2 * self.tp + self.fp + self.fn)


def match_page(gold: str | None, predicted: str | None, size: int = SHINGLE_SIZE) -> PageMatch:
    """Compare one page's predicted text with its gold text."""
    gold_shingles = shingles(gold, size)
    pred_shingles = shingles(predicted, size)
    tp = sum((gold_shingles & pred_shingles).values())
    return PageMatch(
        tp=tp,
        fp=pred_shingles.total() - tp,
        fn=gold_shingles.total() - tp,
        exact=tokenize(gold) == tokenize(predicted),
    )


@dataclass(frozen=True)
class Scores:
    """Corpus-level scores of one extractor, macro-averaged over pages.

    Attributes:
        precision: mean per-page precision over pages with a non-empty prediction.
        recall: mean per-page recall over pages with a non-empty gold text.
        f1: harmonic mean of ``precision`` and ``recall``.
        accuracy: share of pages whose tokens match the gold text exactly.
        precision_all: mean precision over all pages, an empty prediction scoring 0.
        pages: number of pages scored.
        empty: number of pages on which the prediction had no tokens.
    """

    precision: float
    recall: float
    f1: float
    accuracy: float
    precision_all: float
    pages: int
    empty: int

    @property
    def f1_all(self) -> float:
        """F1 from ``precision_all`` and ``recall`` (empty outputs cost precision too)."""
        return _harmonic(self.precision_all, self.recall)


def _harmonic(a: float, b: float) -> float:
    return 2 * a * b / (a + b) if a + b > 0 else 0.0


def aggregate(matches: Iterable[PageMatch]) -> Scores:
    """Macro-average per-page matches into corpus scores (see the module notes)."""
    pages = list(matches)
    precisions = [p for m in pages if (p := m.precision) is not None]
    recalls = [r for m in pages if (r := m.recall) is not None]
    strict = [
        1.0 if m.tp + m.fp + m.fn == 0 else (m.precision if m.precision is not None else 0.0)
        for m in pages
    ]
    precision = statistics.fmean(precisions) if precisions else 0.0
    recall = statistics.fmean(recalls) if recalls else 0.0
    return Scores(
        precision=precision,
        recall=recall,
        f1=_harmonic(precision, recall),
        accuracy=statistics.fmean(m.exact for m in pages) if pages else 0.0,
        precision_all=statistics.fmean(strict) if strict else 0.0,
        pages=len(pages),
        empty=sum(1 for m in pages if m.tp + m.fp == 0),
    )


def score_texts(
    gold: Mapping[str, str | None],
    predicted: Mapping[str, str | None],
    size: int = SHINGLE_SIZE,
) -> Scores:
    """Score predicted texts against gold texts, both keyed by page id.

    Every gold page is scored; a page missing from ``predicted`` counts as an empty
    prediction (upstream refuses mismatched keys instead, but a partial run is still worth
    scoring). Predicted pages without gold are ignored.
    """
    return aggregate(match_page(text, predicted.get(key), size) for key, text in gold.items())
