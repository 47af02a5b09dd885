"""What the REST API and the pages read: stored records, comparisons, claims, knowledge.

Every function here goes through the library (the store, ``parallax.comparison``,
``parallax.knowledge``, ``parallax.factcheck``); none analyses text itself. The pages and
the API call the same functions, so every page has a JSON twin that shows the same data.
"""

from __future__ import annotations

import importlib
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import asdict
from typing import TYPE_CHECKING, Any

from parallax.model import Analysis
from parallax.record import ArticleRecord, ComparisonRecord
from parallax.report.json_report import analysis_record
from parallax.store import AnyStore

if TYPE_CHECKING:
    from parallax.comparison.alignment import Encoder

VERDICTS = ("supported", "contradicted", "disputed", "not_enough_evidence")
SENTENCE_TYPES = ("factual_claim", "opinion", "call_to_action", "question", "quotation", "other")


class FactCheckUnavailableError(Exception):
    """This build has no fact-checking module; the API answers 503 with this message."""


def article_record(store: AnyStore, article_id: str) -> ArticleRecord | None:
    """The latest analysis record of an article (a bare record when it is not analysed)."""
    article = store.get_article(article_id)
    if article is None:
        return None
    record = store.latest_analysis(article.id)
    if record is None:
        record = analysis_record(
            Analysis(
                article=article,
                status="not_analysed",
                reason="stored but not analysed yet; run `parallax reanalyze`",
            )
        )
    record["sources"] = store.sources(article.id)
    return record


class ComparisonCache:
    """Comparisons of the same articles (at the same analysis versions) computed once.

    Comparing is pure over the records, so a cached result stays right until one of the
    articles is re-analysed, which changes its pipeline version and so the key.
    """

    def __init__(self, size: int = 256) -> None:
        self.size = size
        self._items: OrderedDict[tuple[str, ...], ComparisonRecord] = OrderedDict()
        self._lock = threading.Lock()

    def get(
        self,
        records: list[ArticleRecord],
        compute: Callable[[list[ArticleRecord]], ComparisonRecord],
    ) -> ComparisonRecord:
        """The comparison of ``records``, from the cache or computed by ``compute``."""
        key = tuple(f"{r['id']}@{r.get('pipeline') or r.get('status')}" for r in records)
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
        value = compute(records)
        with self._lock:
            self._items[key] = value
            while len(self._items) > self.size:
                self._items.popitem(last=False)
        return value


def compare_records(
    store: AnyStore, records: list[ArticleRecord], encode: Encoder | None = None
) -> ComparisonRecord:
    """The comparison part of the report for ``records`` (``parallax.comparison.compare``).

    The sentence vectors stored with the analyses are used, so only what is not stored
    (older analyses, story leads) goes to ``encode`` (default: the shared encoder).
    """
    from parallax.comparison import compare
    from parallax.comparison.vectors import stored_encoder

    return compare(records, encode=stored_encoder(store, records, encode))


def check_claim(text: str) -> dict[str, Any]:
    """Check one claim with the fact-checking module, when this build has it.

    Raises:
        FactCheckUnavailableError: ``parallax.factcheck`` (or its ``check_claim``) is absent.
    """
    try:
        module = importlib.import_module("parallax.factcheck")
    except ModuleNotFoundError as exc:
        if exc.name not in {"parallax.factcheck", "parallax"}:
            raise
        raise FactCheckUnavailableError(
            "fact-checking is not installed in this build: the parallax.factcheck module is "
            "missing; install a Parallax release that includes it"
        ) from None
    function = getattr(module, "check_claim", None)
    if function is None:
        raise FactCheckUnavailableError(
            "fact-checking is not installed in this build: parallax.factcheck has no "
            "check_claim function; install a Parallax release that includes it"
        )
    return dict(function(text))


def knowledge_lookup(name: str, limit: int = 10) -> list[dict[str, Any]]:
    """Knowledge-base entities named ``name`` (or by that id), each with its facts."""
    from parallax.knowledge import bundled

    kb = bundled()
    found = list(kb.lookup(name))
    by_id = kb.get(name.strip().lower())
    if by_id is not None and by_id not in found:
        found.insert(0, by_id)
    found += [e for e in kb.lookup_demonym(name) if e not in found]
    result = []
    for entity in found[:limit]:
        facts = kb.facts_about(subject=entity.id) + kb.facts_about(object=entity.id)
        names = {f.subject for f in facts} | {f.object for f in facts if f.object}
        labels = {i: (kb.get(i).name if kb.get(i) else i) for i in names}  # type: ignore[union-attr]
        result.append(
            {
                **asdict(entity),
                "facts": [
                    {
                        **asdict(f),
                        "subject_name": labels.get(f.subject, f.subject),
                        "object_name": labels.get(f.object, f.object) if f.object else None,
                    }
                    for f in facts[:200]
                ],
            }
        )
    return result


def actor_summary(store: AnyStore, limit: int = 20000) -> list[dict[str, Any]]:
    """Actors across the corpus: how many articles name each, their roles and mean sentiment."""
    _total, items = store.latest_layer_items("actors", limit=limit)
    actors: dict[str, dict[str, Any]] = {}
    for article_id, actor in items:
        if not isinstance(actor, dict) or not actor.get("id"):
            continue
        entry = actors.setdefault(
            str(actor["id"]),
            {
                "id": actor["id"],
                "name": actor.get("name") or actor["id"],
                "type": actor.get("type"),
                "articles": [],
                "roles": {},
                "sentiments": [],
            },
        )
        if article_id not in entry["articles"]:
            entry["articles"].append(article_id)
        role = actor.get("role")
        if role:
            entry["roles"][role] = entry["roles"].get(role, 0) + 1
        if isinstance(actor.get("sentiment"), int | float):
            entry["sentiments"].append(float(actor["sentiment"]))
    result = []
    for entry in actors.values():
        sentiments = entry.pop("sentiments")
        entry["mean_sentiment"] = (
            round(sum(sentiments) / len(sentiments), 3) if sentiments else None
        )
        entry["article_count"] = len(entry["articles"])
        result.append(entry)
    result.sort(key=lambda e: (-e["article_count"], str(e["name"])))
    return result
