"""``parallax-dev eval verdicts``: how often the fact-checker is right on real news.

The checker runs as ``parallax analyze`` runs it (parse, sentences, times, claims,
factcheck) over real articles nobody on the project wrote: BASIL (NYT, Fox News, HuffPost),
the 2014 Ukraine-crisis articles, AllSides round-up excerpts, the article bodies of the
AEB and NAEB extraction benchmarks, and RUWA's dated war headlines with their subheadings.
Every ``supported``, ``contradicted`` and ``disputed`` verdict was read by hand and
labelled correct or incorrect; the labels are kept as ids, offsets and our own short
reasons in ``data/verdict_judgements.jsonl`` (never the articles' text). Precision of each
verdict kind is what this reports; a verdict with no judgement (the checker changed since
the labels were written) counts as incorrect until someone reads it, so the score can only
be trusted downward.
"""

from __future__ import annotations

import ast
import gzip
import json
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

from parallax_dev.evaluation.judged_spans import JudgedIndex

JUDGEMENTS = "verdict_judgements.jsonl"
TITLE = "Fact-checking on real news (hand-judged verdicts)"
JUDGED_KINDS = ("supported", "contradicted", "disputed")
OLD_CHECKER = "before role binding, 3343b4b"
DATASETS = ("basil", "ukraine", "allsides", "aeb", "naeb", "ruwa")


@dataclass(frozen=True)
class Source:
    """One real article: its dataset, its id there, its text and publication date."""

    dataset: str
    article: str
    text: str
    date: date | None


def _day(value: object) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def _basil(inputs: Path) -> Iterator[Source]:
    for path in sorted((inputs / "basil-media-bias" / "articles").glob("*/*.json")):
        row = json.loads(path.read_text(encoding="utf-8"))
        paragraphs = row.get("body-paragraphs") or []
        if isinstance(paragraphs, str):
            paragraphs = ast.literal_eval(paragraphs)
        text = "\n\n".join(" ".join(p) for p in paragraphs)
        yield Source("basil", path.name, text, _day(row.get("date")))


def _ukraine(inputs: Path) -> Iterator[Source]:
    folder = inputs / "ukraine-crisis-news-bias" / "all-data-as-json"
    for path in sorted(folder.glob("article_*.json")):
        row = json.loads(path.read_text(encoding="utf-8"))
        sentences = sorted(row["sentences"], key=lambda s: s["position_in_article"])
        # The dataset gives no publication dates (all are from 2014).
        yield Source("ukraine", row["id"], " ".join(s["content"] for s in sentences), None)


def _allsides(inputs: Path) -> Iterator[Source]:
    folder = inputs / "allsides-roundups-neus"
    for path in sorted(folder.glob("*.jsonl")):
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                row = json.loads(line)
                news = row.get("news") or {}
                if isinstance(news, str):
                    news = ast.literal_eval(news)
                for side, item in sorted(news.items()):
                    body = item.get("newBody") or ""
                    if isinstance(body, list):
                        body = "\n\n".join(body)
                    yield Source("allsides", f"{row['id']}:{side}", body, _day(row.get("date")))


def _aeb(inputs: Path) -> Iterator[Source]:
    truth = json.loads((inputs / "scrapinghub-aeb" / "ground-truth.json").read_text("utf-8"))
    for key, row in sorted(truth.items()):
        yield Source("aeb", key, row.get("articleBody") or "", None)


def _naeb(inputs: Path) -> Iterator[Source]:
    with gzip.open(inputs / "naeb-newspaper4k" / "articles.json.gz", "rt", encoding="utf-8") as fh:
        rows = json.load(fh)
    for key, row in sorted(rows.items()):
        yield Source("naeb", key, row.get("articleBody") or "", _day(row.get("date")))


def _ruwa(inputs: Path) -> Iterator[Source]:
    """RUWA's dated Russia-Ukraine war headlines with their subheadings (February 2022)."""
    path = inputs / "ruwa-ukraine-war-headlines" / "ruwa_2022-02-20_to_2022-02-28.jsonl"
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle):
            row = json.loads(line)
            text = "\n\n".join(p for p in (row.get("title"), row.get("description")) if p)
            yield Source("ruwa", str(number), text, _day(row.get("date")))


def corpus(shared: Path, wanted: set[tuple[str, str]] | None = None) -> list[Source]:
    """The real articles under ``shared/inputs`` (only ``wanted`` (dataset, id) pairs if given).

    Raises:
        FileNotFoundError: an input folder is missing.
    """
    inputs = shared / "inputs"
    if not inputs.is_dir():
        raise FileNotFoundError(f"{inputs} is missing; pass --shared pointing at the shared data")
    readers = {"basil": _basil, "ukraine": _ukraine, "allsides": _allsides}
    readers |= {"aeb": _aeb, "naeb": _naeb, "ruwa": _ruwa}
    found = []
    for name, reader in readers.items():
        if wanted is not None and not any(d == name for d, _ in wanted):
            continue
        for source in reader(inputs):
            if source.text.strip() and (wanted is None or (name, source.article) in wanted):
                found.append(source)
    return found


def check(sources: Iterable[Source]) -> list[dict[str, Any]]:
    """Every claim verdict other than not-enough-evidence, as ``parallax analyze`` gives it."""
    from parallax.components import load
    from parallax.model import Article

    listed = list(sources)
    pipeline = load(["parse", "sentences", "times", "claims", "factcheck"])
    articles = [
        Article(text=s.text, source=f"{s.dataset}:{s.article}", date=s.date) for s in listed
    ]
    verdicts = []
    for source, analysis in zip(listed, pipeline.pipe(articles), strict=True):
        for claim in analysis.layers.get("claims", []):
            if claim.get("verdict") not in JUDGED_KINDS:
                continue
            verdicts.append(
                {
                    "dataset": source.dataset,
                    "article": source.article,
                    "start": claim["start"],
                    "end": claim["end"],
                    "verdict": claim["verdict"],
                    "kind": claim.get("kind"),
                    "relation": claim.get("relation"),
                    "binding": claim.get("binding") or {},
                    "explanation": claim.get("explanation"),
                    "text": claim.get("text"),
                }
            )
    return verdicts


def read_judgements(path: Path | None = None) -> list[dict[str, Any]]:
    """The hand labels (the project's file unless ``path`` names another)."""
    if path is None:
        text = resources.files("parallax_dev.data").joinpath(JUDGEMENTS).read_text("utf-8")
    else:
        text = path.read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def labels(judgements: Iterable[dict[str, Any]]) -> JudgedIndex[tuple[str, str, str]]:
    """The judgements, found for a verdict whose claim's ends moved a little since.

    See :mod:`parallax_dev.evaluation.judged_spans`.
    """
    return JudgedIndex(
        judgements,
        lambda r: (str(r["dataset"]), str(r["article"]), str(r["verdict"])),
        lambda r: ((int(r["start"]), int(r["end"])),),
    )


@dataclass
class Precision:
    """Judged verdicts per kind: how many, how many correct, and the unjudged ones."""

    total: Counter[str] = field(default_factory=Counter)
    correct: Counter[str] = field(default_factory=Counter)
    unjudged: list[dict[str, Any]] = field(default_factory=list)
    by_dataset: Counter[str] = field(default_factory=Counter)
    by_kind: Counter[str] = field(default_factory=Counter)
    articles: int = 0

    def precision(self, kind: str) -> float | None:
        """Share of ``kind`` verdicts judged correct (None when there are none)."""
        return self.correct[kind] / self.total[kind] if self.total[kind] else None

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready scores."""
        return {
            "articles": self.articles,
            "verdicts": sum(self.total.values()),
            "by_dataset": dict(self.by_dataset),
            "by_claim_kind": dict(self.by_kind),
            **{
                kind: {
                    "verdicts": self.total[kind],
                    "correct": self.correct[kind],
                    "precision": self.precision(kind),
                }
                for kind in JUDGED_KINDS
            },
            "unjudged": len(self.unjudged),
        }


def score(
    verdicts: Iterable[dict[str, Any]], judgements: Iterable[dict[str, Any]], articles: int = 0
) -> Precision:
    """Precision of each verdict kind; a verdict nobody judged counts as incorrect."""
    judged = labels(judgements)
    result = Precision(articles=articles)
    for verdict in verdicts:
        kind = verdict["verdict"]
        result.total[kind] += 1
        result.by_dataset[verdict["dataset"]] += 1
        result.by_kind[str(verdict.get("kind") or "unknown")] += 1
        found = judged.get(verdict)
        label = found["label"] if found is not None else None
        if label is None:
            result.unjudged.append(verdict)
        elif label == "correct":
            result.correct[kind] += 1
    return result


def evaluate(shared: Path, judgements: list[dict[str, Any]] | None = None) -> Precision:
    """Run the checker over every real article and score its verdicts against the labels."""
    sources = corpus(shared)
    return score(check(sources), judgements or read_judgements(), len(sources))


def _row(label: str, given: int, correct: int) -> str:
    shown = f"{correct / given:.3f}" if given else "– (none given)"
    return f"| {label} | {given} | {correct} | {shown} |"


def format_markdown(result: Precision, judgements: list[dict[str, Any]] | None = None) -> str:
    """The docs section: precision per verdict kind now, and of the checker judged before."""
    judged = judgements if judgements is not None else read_judgements()
    rows = [
        _row(f"{kind} (now)", result.total[kind], result.correct[kind]) for kind in JUDGED_KINDS
    ]
    for checker in sorted({str(j.get("checker")) for j in judged}):
        mine = [j for j in judged if str(j.get("checker")) == checker]
        for kind in JUDGED_KINDS:
            given = [j for j in mine if j["verdict"] == kind]
            if given:
                correct = sum(j["label"] == "correct" for j in given)
                rows.append(_row(f"{kind} ({checker})", len(given), correct))
    datasets = ", ".join(f"{k} {v}" for k, v in sorted(result.by_dataset.items())) or "none"
    kinds = ", ".join(f"{k} {v}" for k, v in sorted(result.by_kind.items())) or "none"
    return "\n".join(
        [
            f"Real articles checked: {result.articles} (BASIL, ukraine-crisis-news-bias, "
            "AllSides round-ups, AEB and NAEB article bodies, RUWA headlines with their "
            "subheadings), with the components "
            "`parallax analyze` runs (parse, sentences, times, claims, factcheck). Every "
            "supported, contradicted and disputed verdict was read and labelled by hand; "
            "labels are ids, offsets and our own reasons in "
            f"`devtools/src/parallax_dev/data/{JUDGEMENTS}`. A verdict without a label counts "
            f"as incorrect ({len(result.unjudged)} now).",
            "",
            "| verdict (checker) | given | correct | precision |",
            "|---|---:|---:|---:|",
            *rows,
            "",
            f"Verdicts given now, by dataset: {datasets}; by claim kind: {kinds}.",
            "",
            f"All {sum(1 for j in judged if j.get('checker') == OLD_CHECKER)} verdicts the "
            "checker gave before role binding were judged; by the definition of issue 17 "
            "(supported only when the evidence covers what the sentence asserts) nearly all were "
            "wrong: office titles beside names taken as support for the whole sentence, capitals "
            "and wars mentioned in passing, numbers that count something else, dates of other "
            "events. Role binding removed them all, and left no verdict at all on the 2,384 "
            "articles of the first five sets: "
            "the claims this news asserts about the knowledge base's subjects (memberships, "
            "counts, treaty dates) are rare in it.",
            "",
            "The verdicts given now are on `title` claims: an office title written before a name "
            '("Defense Secretary Lloyd Austin", "former President Bill Clinton") is checked as '
            "a claim of its own, with its own offsets, that the person held the office on the "
            "article's date; it never stands for the sentence. Each was read in its context and "
            "judged on the person meant, the office named and the date. No `contradicted` verdict "
            "is given on this news (a wrong title is rare in edited reporting, and a title the "
            "person once held is not enough to call it wrong), so contradicted precision on real "
            "news cannot be measured yet; the planted and seed errors are caught (tests in "
            "`tests/test_factcheck_cli.py`). Articles without a publication date (the 2014 "
            "Ukraine-crisis set, AEB) get no title verdicts: a title cannot be dated without it.",
            "",
            "The RUWA headlines were added after the title claims were built and judged on the "
            "other sets, as a held-out check: all 57 title verdicts there were right, and the one "
            "contradicted verdict the checker then gave (a treaty withdrawal, reported from a "
            "statement, that the knowledge base does not record) was wrong (kept in the "
            "judgements as incorrect, so it cannot come back). A withdrawal the "
            "knowledge base does not record now contradicts a claim only for an organisation "
            "whose members it lists in full; for treaties it is not enough evidence.",
            "",
            "Dated event names (kind `description`, issue 17): news seldom asserts in a main "
            "clause when a well-known event happened, but often names the event with its date "
            '("Russia\'s 2014 annexation of Crimea", "the invasion of Ukraine that began in '
            'February 2022"). The date is bound to the event only by the dependency parse (a '
            "year on the event noun, a time phrase right after the name, or a relative clause "
            "saying the event began or ended), is checked as a claim of its own with its own "
            "offsets, and never marks its sentence supported. A date that does not fit the "
            "named event contradicts it only when no other event the knowledge base places in "
            "the same country or region fits the date. On the whole corpus this reads "
            f"{result.by_kind.get('description', 0)} dated event names the knowledge base can "
            "judge; each was read in its article and judged on the event meant and its date.",
            "",
            "What this does not show: issue 17 asks for at least 150 judged verdicts on what "
            "news sentences assert. Apart from the dated event names, every verdict counted "
            "here is a title check, which confirms a description, not the sentence's main "
            "assertion. The corpus holds very few main-clause claims inside the bundled "
            f"knowledge: a search of all {result.articles:,} articles for membership, accession, "
            "founding, "
            "treaty and office-term statements with a year found a handful (a senator's "
            "term, an outlet's founding, a former president's term), nearly all outside the "
            "knowledge base; so that part of the floor is not met, and cannot be on this "
            "corpus. Reports and the web "
            "article page list confirmed titles in one line, not as verdicts, and a "
            "confirmed title or event date never marks its sentence supported in the positions "
            "view; a title that does not match stays a verdict.",
            "",
            "The CI test (`tests/test_verdict_precision.py`) runs today's checker on the judged "
            "articles: no verdict judged wrong may come back, supported and contradicted precision "
            "must stay at or above their floors, and the number of verdicts judged correct must "
            "stay at or above its floor.",
            "",
            "Command: `parallax-dev eval verdicts --write-docs`.",
        ]
    )
