"""Finding the hand label of a sentence whose offsets moved a little since it was judged.

The judged sets (verdicts, aligned pairs) name sentences by article and character offsets,
never by their text. When the sentence splitter changes, a sentence can gain or lose a
character or two at an end (a closing quote mark the parser had cut off now closes the
sentence before it) while saying the same thing; an exact offset match would count such a
sentence as never judged. A label applies to a sentence whose ends lie within
:data:`SHIFT` characters of the judged ones; anything further is another sentence.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence
from typing import Any, Generic, TypeVar

SHIFT = 3
"""How many characters each end of a judged sentence may have moved."""

Spans = Sequence[tuple[int, int]]
Record = dict[str, Any]
K = TypeVar("K", bound=Hashable)


def near(judged: Spans, found: Spans) -> bool:
    """Whether every span of ``found`` lies within :data:`SHIFT` of its judged counterpart."""
    return len(judged) == len(found) and all(
        abs(a - c) <= SHIFT and abs(b - d) <= SHIFT
        for (a, b), (c, d) in zip(judged, found, strict=True)
    )


class JudgedIndex(Generic[K]):
    """Labelled records by an exact part (``group``) and offsets matched within a shift."""

    def __init__(
        self,
        records: Iterable[Record],
        group: Callable[[Record], K],
        spans: Callable[[Record], Spans],
    ) -> None:
        """Index ``records`` by ``group``; ``spans`` gives each record's offsets."""
        self._group, self._spans = group, spans
        self._records: dict[K, list[Record]] = {}
        for record in records:
            self._records.setdefault(group(record), []).append(record)

    def get(self, record: Record) -> Record | None:
        """The judged record for ``record``: same group, offsets within the shift (nearest)."""
        found = self._spans(record)
        candidates = [
            j for j in self._records.get(self._group(record), []) if near(self._spans(j), found)
        ]
        return min(
            candidates,
            key=lambda j: sum(
                abs(a - c) + abs(b - d)
                for (a, b), (c, d) in zip(self._spans(j), found, strict=True)
            ),
            default=None,
        )
