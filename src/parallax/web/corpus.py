"""What the REST API and the pages share beyond the use cases: a comparison cache, labels.

Records, comparisons, stories, claim checks and knowledge lookups come from
:mod:`parallax.usecases`, as for the CLI; the pages and the API call the same functions, so
every page has a JSON twin that shows the same data.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable

from parallax.record import ArticleRecord, ComparisonRecord

SENTENCE_TYPES = ("factual_claim", "opinion", "call_to_action", "question", "quotation", "other")


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
