"""Benchmark our HTML reader against public gold data (``parallax-dev bench extract``).

Two data sets, both read from a shared folder outside the repository (third-party pages
that must not be committed):

* **AEB**, the Zyte/Scrapinghub Article Extraction Benchmark: 181 pages with hand-cleaned
  article bodies, plus the published outputs of 16 other extractors. We score our
  extractor and every published output with the same metric in the same run, so the
  comparison does not rest on numbers copied from a README; reproducing the published
  scores of the other extractors is also the check that our metric is right.
* **NAEB**, newspaper4k's Newspaper Article Extraction Benchmark: 424 articles from 2023
  with gold title, authors, date and text, which tests the metadata as well.

The AEB run also times our ``html_to_article`` against plain ``trafilatura.extract`` on
the same decoded pages in the same process, because what we add around trafilatura
(metadata, date parsing, error handling) must not make reading pages much slower.
"""

from __future__ import annotations

import gzip
import json
import re
import tarfile
import time
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path, PurePosixPath
from typing import Any

import trafilatura

from parallax.errors import InputError
from parallax.ingest.decode import decode_text
from parallax.ingest.html import declared_charset, html_to_article
from parallax.model import Article
from parallax_dev.bench.shingles import PageMatch, Scores, aggregate, match_page

Progress = Callable[[int, int], None]
"""Called as ``progress(done, total)`` after each page, so a caller can draw a bar."""

AEB_SUBDIR = PurePosixPath("inputs/scrapinghub-aeb")
NAEB_SUBDIR = PurePosixPath("inputs/naeb-newspaper4k")
COMMAND = "parallax-dev bench extract"
"""The command that reproduces the figures written to the docs."""

OURS = "parallax"
"""The name our extractor goes by in the result tables."""


@dataclass(frozen=True)
class Peer:
    """Another extractor whose AEB output is published.

    Attributes:
        name: the name to show (the output file's stem is not always the package name).
        version: version or commit the output was made with, when the file does not say.
        published_f1: the F1 the AEB README reports for this output.
    """

    name: str
    version: str
    published_f1: float


PEERS: dict[str, Peer] = {
    "AutoExtract": Peer("Zyte AutoExtract (service)", "Nov 2019", 0.970),
    "Diffbot": Peer("Diffbot (service)", "Nov 2019", 0.951),
    "boilerpipe": Peer("boilerpipe", "ab3694d", 0.860),
    "dragnet": Peer("dragnet", "1b65e7b", 0.907),
    "go_readability": Peer("go-readability", "", 0.934),
    "go_trafilatura": Peer("go-trafilatura", "", 0.960),
    "goose3": Peer("goose3", "", 0.896),
    "html-text": Peer("html-text (whole page)", "", 0.665),
    "inscriptis": Peer("inscriptis (whole page)", "", 0.679),
    "justext": Peer("jusText", "", 0.804),
    "news_please": Peer("news-please", "1.6.16", 0.948),
    "newspaper": Peer("newspaper4k", "0.9.3.1", 0.949),
    "readability": Peer("readability-lxml", "", 0.922),
    "readability_js": Peer("Readability.js", "", 0.947),
    "rs_trafilatura": Peer("rs-trafilatura", "", 0.970),
    "trafilatura": Peer("trafilatura", "", 0.958),
}
"""Published AEB outputs by file stem, with the F1 the AEB README lists for each."""

NEWSPAPER4K_NAEB = {"precision": 0.9140, "recall": 0.8921, "f1": 0.9029, "version": "0.9.3"}
"""newspaper4k's own NAEB figures, from its README (the same shingle metric)."""


# --------------------------------------------------------------------------- results


@dataclass(frozen=True)
class SystemScore:
    """One extractor's AEB scores.

    Attributes:
        name: display name.
        version: version or commit, "" when unknown.
        scores: the scores computed in this run.
        published_f1: the F1 the benchmark publishes for it, if any.
        ours: whether this is Parallax itself.
    """

    name: str
    version: str
    scores: Scores
    published_f1: float | None = None
    ours: bool = False


@dataclass(frozen=True)
class Throughput:
    """Time spent reading the same decoded pages with our reader and plain trafilatura.

    Attributes:
        pages: pages timed.
        megabytes: their total size (UTF-8 bytes of the decoded HTML, 10^6 bytes per MB).
        ours_seconds: total time in ``html_to_article``.
        trafilatura_seconds: total time in ``trafilatura.extract``.
    """

    pages: int
    megabytes: float
    ours_seconds: float
    trafilatura_seconds: float

    @property
    def ours_pages_per_s(self) -> float:
        """Pages per second through ``html_to_article``."""
        return _rate(self.pages, self.ours_seconds)

    @property
    def ours_mb_per_s(self) -> float:
        """Megabytes of HTML per second through ``html_to_article``."""
        return _rate(self.megabytes, self.ours_seconds)

    @property
    def trafilatura_pages_per_s(self) -> float:
        """Pages per second through plain ``trafilatura.extract``."""
        return _rate(self.pages, self.trafilatura_seconds)

    @property
    def trafilatura_mb_per_s(self) -> float:
        """Megabytes of HTML per second through plain ``trafilatura.extract``."""
        return _rate(self.megabytes, self.trafilatura_seconds)

    @property
    def ratio(self) -> float:
        """Our throughput divided by plain trafilatura's (below 1 means we are slower)."""
        return _rate(self.trafilatura_seconds, self.ours_seconds)


def _rate(amount: float, seconds: float) -> float:
    return amount / seconds if seconds > 0 else 0.0


@dataclass(frozen=True)
class AebResult:
    """Everything one AEB run measured.

    Attributes:
        pages: pages scored (all 181 unless a limit was given).
        complete: whether every page of the benchmark was scored.
        ours: our scores.
        trafilatura_plain: scores of the installed trafilatura's plain ``extract``, run on
            the same pages (separates the effect of our options from that of the version).
        peers: scores of the published outputs, on the same pages.
        throughput: the timing comparison.
        empty_pages: ids of pages on which our reader returned no text.
        worst: our lowest-F1 pages as ``(id, url, f1)``, worst first, for debugging.
        trafilatura_version: the installed trafilatura.
        seconds: wall time of the whole run.
    """

    pages: int
    complete: bool
    ours: Scores
    trafilatura_plain: Scores
    peers: list[SystemScore]
    throughput: Throughput
    empty_pages: list[str]
    worst: list[tuple[str, str, float]]
    trafilatura_version: str
    seconds: float

    def systems(self) -> list[SystemScore]:
        """All extractors (ours, installed trafilatura, published peers), best F1 first."""
        rows = [
            SystemScore(OURS, _parallax_version(), self.ours, ours=True),
            SystemScore(
                "trafilatura, installed (plain extract)",
                self.trafilatura_version,
                self.trafilatura_plain,
            ),
            *self.peers,
        ]
        return sorted(rows, key=lambda row: (-row.scores.f1, row.name))


@dataclass(frozen=True)
class FieldAccuracy:
    """How often one metadata field matches the gold value.

    Attributes:
        n: articles whose gold record has this field (the denominator).
        exact: matches under the strict rule.
        lenient: matches under the lenient rule (see ``NaebResult``).
        produced: articles for which our reader returned any value at all.
    """

    n: int
    exact: int
    lenient: int
    produced: int

    @property
    def exact_rate(self) -> float:
        """Share of ``n`` matched strictly."""
        return self.exact / self.n if self.n else 0.0

    @property
    def lenient_rate(self) -> float:
        """Share of ``n`` matched leniently."""
        return self.lenient / self.n if self.n else 0.0

    @property
    def produced_rate(self) -> float:
        """Share of ``n`` for which we returned a value."""
        return self.produced / self.n if self.n else 0.0


@dataclass(frozen=True)
class NaebResult:
    """Everything one NAEB run measured.

    Title: exact after normalising case, whitespace and punctuation; lenient when one
    normalised title contains the other (site names appended or dropped). Authors: the
    set of normalised names equal (exact) or sharing at least one name (lenient), only on
    articles whose gold lists authors. Date: same calendar day (exact) or within one day
    (lenient, time-zone shifts), only where the gold has a date.

    Attributes:
        articles: gold articles selected.
        scored: of those, articles whose HTML is present and was read.
        missing: gold html file names with no page in the archive.
        empty_pages: pages on which our reader returned no text.
        title: title accuracy.
        author: author accuracy.
        date: date accuracy.
        text: shingle scores of the main text.
        date_other_year: date misses with the right month and day but another year, which
            are often slips in the gold record rather than ours.
        complete: whether every article of the data set was selected.
        seconds: wall time of the whole run.
    """

    articles: int
    scored: int
    missing: list[str]
    empty_pages: list[str]
    title: FieldAccuracy
    author: FieldAccuracy
    date: FieldAccuracy
    text: Scores
    date_other_year: int
    complete: bool
    seconds: float


# --------------------------------------------------------------------------- locating data


def _dataset_dir(shared: Path, sub: PurePosixPath, needs: tuple[str, ...], what: str) -> Path:
    root = Path(shared) / sub
    missing = [name for name in needs if not (root / name).exists()]
    if missing:
        raise FileNotFoundError(
            f"{what} not found: expected the folder {root} holding {', '.join(needs)} "
            f"(missing: {', '.join(missing)}). Pass the shared data folder that contains "
            f"{sub} (normally ../shared, beside the repository)."
        )
    return root


def aeb_dir(shared: Path) -> Path:
    """Return the AEB folder under ``shared``, or raise FileNotFoundError saying what is needed."""
    return _dataset_dir(
        shared, AEB_SUBDIR, ("ground-truth.json", "html"), "the AEB data set (scrapinghub-aeb)"
    )


def naeb_dir(shared: Path) -> Path:
    """Return the NAEB folder under ``shared``, or raise FileNotFoundError saying what is needed."""
    return _dataset_dir(
        shared,
        NAEB_SUBDIR,
        ("news_articles.json.gz", "html.tar.xz"),
        "the NAEB data set (naeb-newspaper4k)",
    )


def load_aeb_truth(root: Path) -> dict[str, dict[str, Any]]:
    """Read ``ground-truth.json``: ``{page id: {"articleBody": ..., "url": ...}}``."""
    data: dict[str, dict[str, Any]] = json.loads(
        (root / "ground-truth.json").read_text(encoding="utf-8")
    )
    return data


def load_peer_outputs(root: Path) -> dict[str, tuple[str, dict[str, str | None]]]:
    """Read the published outputs: ``{file stem: (version, {page id: text})}``.

    Newer output files wrap the predictions as ``{"version", "output"}``; older ones are
    the bare mapping, and their version comes from ``PEERS``.
    """
    peers: dict[str, tuple[str, dict[str, str | None]]] = {}
    folder = root / "peer-outputs"
    if not folder.is_dir():
        return peers
    for path in sorted(folder.glob("*.json*")):
        raw = path.read_bytes()
        if path.suffix == ".gz":
            raw = gzip.decompress(raw)
        data = json.loads(raw)
        stem = path.name.split(".json", 1)[0]
        version = PEERS[stem].version if stem in PEERS else ""
        if isinstance(data.get("output"), dict):
            version = str(data.get("version") or version)
            data = data["output"]
        texts = {key: (value or {}).get("articleBody") for key, value in data.items()}
        peers[stem] = (version, texts)
    return peers


def _parallax_version() -> str:
    try:
        from importlib.metadata import version

        return version("parallax-news")
    except Exception:  # not installed as a distribution (running from a bare checkout)
        return ""


def _decode(data: bytes, source: str) -> str | None:
    """Decode page bytes the way our reader does; None when they are not readable text."""
    try:
        text, _encoding = decode_text(data, source, declared_charset(data))
    except InputError:
        return None
    return text


def _read(html: str | None, source: str, url: str | None) -> Article | None:
    """Run our reader; a page it rejects (no text, broken markup) counts as empty output."""
    if html is None:
        return None
    try:
        return html_to_article(html, source, url=url)
    except InputError:
        return None


def _plain_trafilatura(html: str | None) -> str:
    if html is None:
        return ""
    return trafilatura.extract(html, include_comments=False) or ""


# --------------------------------------------------------------------------- AEB


def run_aeb(shared: Path, limit: int | None = None, progress: Progress | None = None) -> AebResult:
    """Score our reader, plain trafilatura and the published peers on the AEB pages.

    Args:
        shared: the shared data folder (holding ``inputs/scrapinghub-aeb``).
        limit: score only the first ``limit`` pages (by id), for a quick check; peers are
            scored on the same pages so the comparison stays fair.
        progress: called as ``progress(done, total)`` after each page.

    Raises:
        FileNotFoundError: the data set is not where it is expected.
    """
    started = time.perf_counter()
    root = aeb_dir(shared)
    truth = load_aeb_truth(root)
    ids = sorted(truth)
    if limit is not None:
        ids = ids[: max(limit, 0)]
    gold = {key: truth[key].get("articleBody") for key in ids}

    pages: dict[str, str | None] = {}
    for key in ids:
        data = gzip.decompress((root / "html" / f"{key}.html.gz").read_bytes())
        pages[key] = _decode(data, f"aeb:{key}")

    # Warm up both paths once, untimed: first calls import and compile lazily.
    if ids:
        _read(pages[ids[0]], "aeb:warm-up", None)
        _plain_trafilatura(pages[ids[0]])

    ours: dict[str, str] = {}
    plain: dict[str, str] = {}
    ours_seconds = plain_seconds = 0.0
    for done, key in enumerate(ids, start=1):
        html, url = pages[key], truth[key].get("url")
        # Alternate which runs first, so neither always gets the warmer caches.
        for step in (0, 1) if done % 2 else (1, 0):
            t0 = time.perf_counter()
            if step == 0:
                article = _read(html, f"aeb:{key}", url)
                ours[key] = article.text if article else ""
                ours_seconds += time.perf_counter() - t0
            else:
                plain[key] = _plain_trafilatura(html)
                plain_seconds += time.perf_counter() - t0
        if progress:
            progress(done, len(ids))

    matches = {key: match_page(gold[key], ours[key]) for key in ids}
    peers = [
        SystemScore(
            name=PEERS[stem].name if stem in PEERS else stem,
            version=version,
            scores=aggregate(match_page(gold[key], texts.get(key)) for key in ids),
            published_f1=PEERS[stem].published_f1 if stem in PEERS else None,
        )
        for stem, (version, texts) in load_peer_outputs(root).items()
    ]
    worst = sorted(matches.items(), key=lambda item: item[1].f1)[:10]
    size = sum(len(html.encode("utf-8")) for html in pages.values() if html is not None)
    return AebResult(
        pages=len(ids),
        complete=len(ids) == len(truth),
        ours=aggregate(matches.values()),
        trafilatura_plain=aggregate(match_page(gold[key], plain[key]) for key in ids),
        peers=peers,
        throughput=Throughput(
            pages=len(ids),
            megabytes=size / 1e6,
            ours_seconds=ours_seconds,
            trafilatura_seconds=plain_seconds,
        ),
        empty_pages=[key for key in ids if not ours[key].strip()],
        worst=[(key, str(truth[key].get("url") or ""), match.f1) for key, match in worst],
        trafilatura_version=trafilatura.__version__,
        seconds=time.perf_counter() - started,
    )


# --------------------------------------------------------------------------- NAEB

_AUTHOR_SPLIT = re.compile(r"\s*(?:[,;&|/]|\band\b|\bund\b)\s*", re.I)
_NAME_SUFFIXES = {"phd", "ph d", "jr", "sr", "md", "esq", "ii", "iii", "iv"}
_BY = re.compile(r"^(?:by|written by|words by)\s+", re.I)


def normalise_title(title: str | None) -> str:
    """Casefold ``title`` and turn punctuation and symbols into spaces.

    Quotes, dashes and apostrophes vary between a page's markup and a cleaned gold record
    (curly vs straight, en dash vs hyphen) without the title being different.
    """
    if not title:
        return ""
    text = unicodedata.normalize("NFKC", title).casefold()
    text = "".join(" " if unicodedata.category(ch)[0] in "PS" else ch for ch in text)
    return " ".join(text.split())


def _normalise_name(name: str) -> str:
    text = unicodedata.normalize("NFKD", _BY.sub("", name.strip()))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = "".join(ch if ch.isalnum() else " " for ch in text)
    return " ".join(text.split())


def author_names(authors: str | None) -> frozenset[str]:
    """Split an author string ("A, B and C", "A; B") into a set of normalised names.

    Degrees and suffixes that a comma separates from the name ("Jane Doe, Ph.D.") are
    dropped rather than counted as authors.
    """
    if not authors:
        return frozenset()
    names = (_normalise_name(part) for part in _AUTHOR_SPLIT.split(authors))
    return frozenset(name for name in names if name and name not in _NAME_SUFFIXES)


def _title_matches(gold: str | None, ours: str | None) -> tuple[bool, bool]:
    a, b = normalise_title(gold), normalise_title(ours)
    if not a or not b:
        return False, False
    return a == b, a in b or b in a


def _gold_date(value: object) -> date | None:
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


def load_naeb_gold(root: Path) -> list[dict[str, Any]]:
    """Read ``news_articles.json.gz``: a list of gold records.

    Each record has ``id, title, authors, date, text, html_file, site, link``.
    """
    records: list[dict[str, Any]] = json.loads(
        gzip.decompress((root / "news_articles.json.gz").read_bytes())
    )
    return records


def _naeb_pages(archive: Path, wanted: set[str]) -> Iterator[tuple[str, bytes]]:
    """Yield ``(html file stem, bytes)`` for the wanted pages, straight from the tarball.

    Reading members in memory avoids unpacking 150 MB to disk and any path-traversal
    concern with archive member names.
    """
    with tarfile.open(archive, mode="r:xz") as tar:
        for member in tar:
            if not member.isfile():
                continue
            name = PurePosixPath(member.name)
            stem = name.name.removesuffix(".html")
            if name.suffix != ".html" or stem not in wanted:
                continue
            handle = tar.extractfile(member)
            if handle is not None:
                with handle:
                    yield stem, handle.read()


@dataclass
class _Tally:
    n: int = 0
    exact: int = 0
    lenient: int = 0
    produced: int = 0

    def add(self, produced: bool, exact: bool, lenient: bool) -> None:
        self.n += 1
        self.produced += produced
        self.exact += exact
        self.lenient += lenient

    def frozen(self) -> FieldAccuracy:
        return FieldAccuracy(self.n, self.exact, self.lenient, self.produced)


def run_naeb(
    shared: Path, limit: int | None = None, progress: Progress | None = None
) -> NaebResult:
    """Score our reader's title, authors, date and text on the NAEB articles.

    Args:
        shared: the shared data folder (holding ``inputs/naeb-newspaper4k``).
        limit: score only the first ``limit`` gold articles (by id), for a quick check.
        progress: called as ``progress(done, total)`` after each page.

    Raises:
        FileNotFoundError: the data set is not where it is expected.
    """
    started = time.perf_counter()
    root = naeb_dir(shared)
    records = sorted(load_naeb_gold(root), key=lambda record: int(record.get("id") or 0))
    if limit is not None:
        records = records[: max(limit, 0)]
    by_file = {str(record["html_file"]).removesuffix(".html"): record for record in records}

    title, author, when = _Tally(), _Tally(), _Tally()
    other_year = 0
    matches: list[PageMatch] = []
    empty: list[str] = []
    seen: set[str] = set()
    for stem, data in _naeb_pages(root / "html.tar.xz", set(by_file)):
        record = by_file[stem]
        seen.add(stem)
        source = f"naeb:{stem}"
        article = _read(_decode(data, source), source, record.get("link") or None)
        if article is None:
            empty.append(stem)
        exact, lenient = _title_matches(record.get("title"), article.title if article else None)
        title.add(bool(article and article.title), exact, lenient)
        gold_names = author_names(record.get("authors"))
        if gold_names:
            ours_names = author_names(article.author if article else None)
            author.add(bool(ours_names), ours_names == gold_names, bool(ours_names & gold_names))
        gold_day = _gold_date(record.get("date"))
        if gold_day is not None:
            day = article.date if article else None
            close = day is not None and abs(day - gold_day) <= timedelta(days=1)
            when.add(day is not None, day == gold_day, close)
            if (
                day is not None
                and day != gold_day
                and (day.month, day.day)
                == (
                    gold_day.month,
                    gold_day.day,
                )
            ):
                other_year += 1
        matches.append(match_page(record.get("text"), article.text if article else None))
        if progress:
            progress(len(seen), len(by_file))
    if progress:
        progress(len(by_file), len(by_file))
    return NaebResult(
        articles=len(by_file),
        scored=len(seen),
        missing=sorted(set(by_file) - seen),
        empty_pages=sorted(empty),
        title=title.frozen(),
        author=author.frozen(),
        date=when.frozen(),
        text=aggregate(matches),
        date_other_year=other_year,
        complete=limit is None or len(records) == len(load_naeb_gold(root)),
        seconds=time.perf_counter() - started,
    )


__all__ = [
    "COMMAND",
    "PEERS",
    "AebResult",
    "FieldAccuracy",
    "NaebResult",
    "Peer",
    "Progress",
    "SystemScore",
    "Throughput",
    "author_names",
    "normalise_title",
    "run_aeb",
    "run_naeb",
]
