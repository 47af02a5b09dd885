"""Story clustering that grows with the corpus, not with its square.

An article joins the story whose articles it most resembles, or starts a new one. Each new
article is compared only with the stories that *blocking* proposes, never with the whole
corpus:

* a **date window**: articles more than ``window_days`` apart are never one story;
* **shared rare terms**: an inverted index from story terms (names, lead words, actor ids)
  to stories, where a term that already points at more than ``max_postings`` stories is
  too common to propose anything;
* **locality-sensitive hashing** of the lead embedding (random hyperplanes, ``bands`` bands
  of ``rows`` bits): articles whose embeddings are close share a band bucket.

The proposed stories are then scored exactly against at most ``compare_members`` of their
latest articles: a weighted sum of the embedding cosine (the shared encoder on the title and
lead) and an IDF-weighted cosine of the story terms, with IDF counted incrementally. The
best story at or above ``threshold`` wins. Because the index only grows, new articles join
existing stories without re-clustering anything (:meth:`StoryIndex.add`), and the index can
be persisted and resumed (see :meth:`parallax.store.sqlite.SQLiteStore.put_story_index`).
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

import numpy as np

from parallax.comparison.terms import StoryFields, lead, story_terms


@dataclass(frozen=True)
class ClusterParams:
    """The knobs of story clustering (tuned on the first half of BASIL; docs/evaluation.md)."""

    threshold: float = 0.26
    embedding_weight: float = 0.4
    window_days: int = 7
    bands: int = 12
    rows: int = 10
    max_postings: int = 40
    compare_members: int = 8
    seed: int = 7


DEFAULT_PARAMS = ClusterParams()


@dataclass(frozen=True)
class StoryFeatures:
    """What clustering needs of one article: id, day, lead embedding and story terms."""

    id: str
    day: int | None
    vector: np.ndarray
    terms: frozenset[str]


@dataclass
class _Story:
    members: list[int] = field(default_factory=list)
    first_day: int | None = None
    last_day: int | None = None


def record_day(record: StoryFields) -> int | None:
    """The record's publication date as a day number (``date.toordinal``), or None."""
    value = record.get("date")
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10]).toordinal()
    except ValueError:
        return None


def features(
    records: Sequence[StoryFields], vectors: np.ndarray | None = None
) -> list[StoryFeatures]:
    """Story features of records, encoding their leads with the shared encoder when needed."""
    if vectors is None:
        from parallax.encoder import encode

        vectors = encode([lead(r) for r in records]) if records else np.zeros((0, 384))
    return [
        StoryFeatures(str(r["id"]), record_day(r), np.asarray(v, dtype=np.float32), story_terms(r))
        for r, v in zip(records, vectors, strict=True)
    ]


class StoryIndex:
    """An incremental story index: :meth:`add` places one article, in near-constant time."""

    def __init__(self, params: ClusterParams = DEFAULT_PARAMS, dimension: int = 384) -> None:
        """Start an empty index; the hyperplanes come from ``params.seed`` (reproducible)."""
        self.params = params
        rng = np.random.default_rng(params.seed)
        self._planes = rng.standard_normal((params.bands * params.rows, dimension)).astype(
            np.float32
        )
        self._weights = (1 << np.arange(params.rows, dtype=np.int64)).astype(np.int64)
        self.stories: list[_Story] = []
        self.ids: list[str] = []
        self.assignment: list[int] = []
        self._vectors: list[np.ndarray] = []
        self._terms: list[frozenset[str]] = []
        self._days: list[int | None] = []
        self._df: Counter[str] = Counter()
        self._postings: dict[tuple[str, int | None], list[int]] = defaultdict(list)
        self._buckets: dict[tuple[int, int, int | None], list[int]] = defaultdict(list)
        self.comparisons = 0
        """How many article-to-article scores were computed (the cost blocking bounds)."""

    def __len__(self) -> int:
        return len(self.ids)

    def _bands(self, vector: np.ndarray) -> list[tuple[int, int]]:
        bits = (self._planes @ vector > 0).reshape(self.params.bands, self.params.rows)
        keys = bits.astype(np.int64) @ self._weights
        return [(band, int(key)) for band, key in enumerate(keys)]

    def _idf(self, term: str) -> float:
        return math.log((2 + len(self.ids)) / (1 + self._df[term]))

    def _in_window(self, story: _Story, day: int | None) -> bool:
        if day is None or story.first_day is None or story.last_day is None:
            return True
        window = self.params.window_days
        return story.first_day - window <= day <= story.last_day + window

    def _periods(self, day: int | None, query: bool) -> list[int | None]:
        """The time blocks an article is looked up in (query) or filed under (not query).

        Dated articles are filed under their block of ``window_days`` and under ``None``;
        they look in their own block, both neighbours and ``None``. Undated articles live
        in ``None`` only, whose capped lists keep them cheap in any corpus.
        """
        if day is None:
            return [None]
        period = day // self.params.window_days
        return [period - 1, period, period + 1, None] if query else [period, None]

    def candidates(self, item: StoryFeatures, bands: list[tuple[int, int]]) -> set[int]:
        """The stories blocking proposes for an article (shared rare term or LSH bucket)."""
        found: set[int] = set()
        cap = self.params.max_postings
        for period in self._periods(item.day, query=True):
            for term in item.terms:
                posting = self._postings.get((term, period))
                if posting and len(posting) <= cap:
                    found.update(posting)
            for band, key in bands:
                bucket = self._buckets.get((band, key, period))
                if bucket and len(bucket) <= cap:
                    found.update(bucket)
        return {s for s in found if self._in_window(self.stories[s], item.day)}

    def _term_similarity(
        self, a: frozenset[str], b: frozenset[str], idf: dict[str, float]
    ) -> float:
        shared = sum(idf[t] ** 2 for t in a & b)
        if not shared:
            return 0.0
        norm_a = sum(idf[t] ** 2 for t in a)
        norm_b = sum(self._idf(t) ** 2 for t in b)
        return shared / math.sqrt(norm_a * norm_b) if norm_a and norm_b else 0.0

    def score(self, item: StoryFeatures, story: int, idf: dict[str, float]) -> float:
        """How well an article fits a story: its best match among the latest members."""
        best = 0.0
        weight = self.params.embedding_weight
        for member in self.stories[story].members[-self.params.compare_members :]:
            self.comparisons += 1
            cosine = float(self._vectors[member] @ item.vector)
            terms = self._term_similarity(item.terms, self._terms[member], idf)
            best = max(best, weight * cosine + (1 - weight) * terms)
        return best

    def place(self, item: StoryFeatures) -> int:
        """The story an article would join (an existing index, or -1 for a new story)."""
        bands = self._bands(item.vector)
        idf = {t: self._idf(t) for t in item.terms}
        best_story, best_score = -1, self.params.threshold
        for story in sorted(self.candidates(item, bands)):
            value = self.score(item, story, idf)
            if value >= best_score:
                best_story, best_score = story, value
        return best_story

    def add(self, item: StoryFeatures) -> int:
        """Place one article in its story (an existing one or a new one); return the story."""
        return self.file(item, self.place(item))

    def file(self, item: StoryFeatures, story: int) -> int:
        """Put an article in a given story (-1: a new one) without scoring it.

        This is how a stored index is restored: the articles are filed under the stories
        they were given when they were first clustered, in linear time.
        """
        while story >= len(self.stories) or story < 0:
            self.stories.append(_Story())
            if story < 0:
                story = len(self.stories) - 1
        index = len(self.ids)
        self.ids.append(item.id)
        self.assignment.append(story)
        self._vectors.append(item.vector)
        self._terms.append(item.terms)
        self._days.append(item.day)
        home = self.stories[story]
        home.members.append(index)
        if item.day is not None:
            home.first_day = min(home.first_day or item.day, item.day)
            home.last_day = max(home.last_day or item.day, item.day)
        cap = self.params.max_postings
        for term in item.terms:
            self._df[term] += 1
        bands = self._bands(item.vector)
        for period in self._periods(item.day, query=False):
            for term in item.terms:
                _file(self._postings[term, period], story, cap)
            for band, key in bands:
                _file(self._buckets[band, key, period], story, cap)
        return story

    def add_all(self, items: Iterable[StoryFeatures]) -> list[int]:
        """Add articles in date order (undated last); return their stories in input order."""
        listed = list(items)
        order = sorted(
            range(len(listed)), key=lambda i: (listed[i].day is None, listed[i].day or 0, i)
        )
        result = [0] * len(listed)
        for i in order:
            result[i] = self.add(listed[i])
        return result

    def groups(self) -> list[list[str]]:
        """Every story's article ids, in the order they joined."""
        return [[self.ids[m] for m in story.members] for story in self.stories]


def _file(posting: list[int], story: int, cap: int) -> None:
    """Add a story to a posting list, once, until the list is too long to be informative."""
    if len(posting) <= cap and story not in posting[-4:]:
        posting.append(story)


def cluster_records(
    records: Sequence[StoryFields],
    vectors: np.ndarray | None = None,
    params: ClusterParams = DEFAULT_PARAMS,
) -> list[list[int]]:
    """Group record indices into stories, largest first (a fresh index per call)."""
    index = StoryIndex(params)
    labels = index.add_all(features(records, vectors))
    groups: dict[int, list[int]] = defaultdict(list)
    for i, label in enumerate(labels):
        groups[label].append(i)
    return sorted(groups.values(), key=lambda g: (-len(g), g[0]))
