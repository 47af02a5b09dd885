"""Read-side queries of the PostgreSQL store: full-text search, the run log, and browsing.

They are what the REST API, the web UI and `parallax search` ask; the write side and
the schema stay in :mod:`parallax.store.postgres`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any

from parallax.store.base import (
    SearchHit,
    distinct_facets,
    utc_now,
)


class PostgresQueries:
    """Read-side queries of the PostgreSQL store: full-text search, the run log, and browsing."""

    db: Any

    # -- search --------------------------------------------------------------------------

    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        """Full-text search over titles, texts and sentences, best matches first."""
        words = re.findall(r"\w[\w'’-]*", query)
        if not words:
            return []
        terms = " ".join(words)
        hits: list[SearchHit] = []
        for row in self.db.execute(
            "SELECT a.id, a.title, a.outlet, a.date, ts_headline('english', a.text, q, "
            "'StartSel=[, StopSel=], MaxWords=24, MinWords=8, MaxFragments=1') "
            "FROM articles a, plainto_tsquery('english', %s) q WHERE a.search @@ q "
            "ORDER BY ts_rank(a.search, q) DESC, a.seq LIMIT %s",
            (terms, limit),
        ):
            hits.append(SearchHit(row[0], row[1], row[2], row[3], "article", row[4]))
        for row in self.db.execute(
            "SELECT s.article_id, a.title, a.outlet, a.date, s.text, s.sentence_id "
            "FROM sentences s JOIN articles a ON a.id = s.article_id, "
            "plainto_tsquery('english', %s) q WHERE s.search @@ q "
            "ORDER BY ts_rank(s.search, q) DESC, s.seq LIMIT %s",
            (terms, limit),
        ):
            hits.append(SearchHit(row[0], row[1], row[2], row[3], "sentence", row[4], row[5]))
        return hits

    # -- runs ----------------------------------------------------------------------------

    def start_run(self, command: str) -> int:
        """Open a run record and return its id."""
        row = self.db.execute(
            "INSERT INTO runs (command, started_at) VALUES (%s, %s) RETURNING id",
            (command, utc_now()),
        ).fetchone()
        return int(row[0])

    def record_item(
        self, run_id: int, source: str, status: str, reason: str | None, article_id: str | None
    ) -> None:
        """Log what happened to one input in a run."""
        self.db.execute(
            "INSERT INTO run_items (run_id, source, status, reason, article_id) "
            "VALUES (%s, %s, %s, %s, %s)",
            (run_id, strip_nul(source), status, strip_nul(reason), article_id),
        )

    def finish_run(self, run_id: int, summary: Mapping[str, object]) -> None:
        """Close a run record with its summary."""
        self.db.execute(
            "UPDATE runs SET finished_at=%s, summary=%s WHERE id=%s",
            (utc_now(), strip_nul(json.dumps(summary, default=str)), run_id),
        )

    def update_run(self, run_id: int, summary: Mapping[str, object]) -> None:
        """Record a running run's progress in its summary (``finished_at`` stays empty)."""
        self.db.execute(
            "UPDATE runs SET summary=%s WHERE id=%s",
            (strip_nul(json.dumps(summary, default=str)), run_id),
        )

    _RUN_COLUMNS = "id, command, started_at, finished_at, summary"

    def get_run(self, run_id: int) -> dict[str, Any] | None:
        """One run record with its items, or None."""
        row = self.db.execute(
            f"SELECT {self._RUN_COLUMNS} FROM runs WHERE id=%s", (run_id,)
        ).fetchone()
        if row is None:
            return None
        items = [
            {"source": r[0], "status": r[1], "reason": r[2], "article_id": r[3]}
            for r in self.db.execute(
                "SELECT source, status, reason, article_id FROM run_items WHERE run_id=%s "
                "ORDER BY seq",
                (run_id,),
            )
        ]
        return {**_run_row(row), "items": items}

    def recent_runs(self, limit: int = 20, command: str | None = None) -> list[dict[str, Any]]:
        """The latest runs, newest first (optionally only those of one command)."""
        sql = f"SELECT {self._RUN_COLUMNS} FROM runs" + (" WHERE command=%s" if command else "")
        params: tuple[Any, ...] = (command,) if command else ()
        rows = self.db.execute(sql + " ORDER BY id DESC LIMIT %s", (*params, limit))
        return [_run_row(row) for row in rows]

    # -- browsing (the REST API and the web UI) ------------------------------------------

    _LATEST = (
        "(SELECT {col} FROM analyses x WHERE x.article_id = a.id "
        "ORDER BY x.created_at DESC, x.seq DESC LIMIT 1)"
    )

    def list_articles(
        self,
        *,
        query: str | None = None,
        outlet: str | None = None,
        language: str | None = None,
        fmt: str | None = None,
        genre: str | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
        limit: int = 20,
        offset: int = 0,
    ) -> tuple[int, list[dict[str, Any]]]:
        """One page of article summaries matching every filter, and how many match in all.

        The same contract as :meth:`SQLiteStore.list_articles`: ranked by relevance with a
        snippet when there is a query, newest first otherwise.
        """
        where: list[str] = []
        params: list[Any] = []
        order = "a.date IS NULL, a.date DESC, a.seq DESC"
        snippet = "NULL"
        terms = " ".join(re.findall(r"\w[\w'’-]*", query or ""))
        if query is not None and query.strip():
            if not terms:
                return 0, []
            where.append("a.search @@ plainto_tsquery('english', %s)")
            params.append(terms)
            order = "ts_rank(a.search, plainto_tsquery('english', %s)) DESC, a.seq"
            snippet = (
                "ts_headline('english', a.text, plainto_tsquery('english', %s), "
                "'StartSel=[, StopSel=], MaxWords=24, MinWords=8, MaxFragments=1')"
            )
        for column, value in (("a.outlet", outlet), ("a.language", language), ("a.format", fmt)):
            if value:
                where.append(f"{column} = %s")
                params.append(value)
        if date_from:
            where.append("a.date >= %s")
            params.append(date_from)
        if date_to:
            where.append("a.date <= %s")
            params.append(date_to)
        genre_of_latest = self._LATEST.format(col="x.data::jsonb ->> 'genre'")
        if genre:
            where.append(f"{genre_of_latest} = %s")
            params.append(genre)
        clause = (" WHERE " + " AND ".join(where)) if where else ""
        total = int(
            self.db.execute(f"SELECT count(*) FROM articles a{clause}", params).fetchone()[0]
        )
        ranked = [terms] if terms else []
        rows = self.db.execute(
            "SELECT a.id, a.title, a.outlet, a.author, a.date, a.language, a.format, a.source, "
            f"a.url, {self._LATEST.format(col='x.status')}, {genre_of_latest}, {snippet} "
            f"FROM articles a{clause} ORDER BY {order} LIMIT %s OFFSET %s",
            (*ranked, *params, *ranked, limit, offset),
        )
        keys = ("id", "title", "outlet", "author", "date", "language", "format", "source", "url")
        return total, [
            {
                **dict(zip(keys, r[:9], strict=True)),
                "status": r[9] or "not_analysed",
                "genre": r[10],
                "snippet": r[11],
            }
            for r in rows
        ]

    def facets(self) -> dict[str, list[str]]:
        """The distinct outlets, languages and formats in the store, for filter menus."""
        return distinct_facets(self.db.execute)

    def latest_layer_items(
        self, layer: str, *, limit: int = 50, offset: int = 0, where: str | None = None
    ) -> tuple[int, list[tuple[str, dict[str, Any]]]]:
        """Items of a list layer across every article's latest analysis.

        The same contract as :meth:`SQLiteStore.latest_layer_items`.
        """
        if not re.fullmatch(r"[a-z_]+", layer):
            raise ValueError(f"not a layer name: {layer!r}")
        sql = (
            "FROM analyses x, jsonb_array_elements(CASE WHEN jsonb_typeof(x.data::jsonb -> %s) "
            "= 'array' THEN x.data::jsonb -> %s ELSE '[]'::jsonb END) WITH ORDINALITY j(value, n) "
            "WHERE x.seq = (SELECT y.seq FROM analyses y WHERE y.article_id = x.article_id "
            "ORDER BY y.created_at DESC, y.seq DESC LIMIT 1)"
        )
        params: list[Any] = [layer, layer]
        if where:
            key, _, value = where.partition("=")
            if not re.fullmatch(r"[a-z_]+", key):
                raise ValueError(f"not a field name: {key!r}")
            sql += " AND j.value ->> %s = %s"
            params += [key, value]
        total = int(self.db.execute(f"SELECT count(*) {sql}", params).fetchone()[0])
        rows = self.db.execute(
            f"SELECT x.article_id, j.value {sql} ORDER BY x.seq, j.n LIMIT %s OFFSET %s",
            (*params, limit, offset),
        )
        return total, [(str(r[0]), r[1]) for r in rows]


def _run_row(row: tuple[Any, ...]) -> dict[str, Any]:
    run_id, command, started_at, finished_at, summary = row
    return {
        "id": run_id,
        "command": command,
        "started_at": started_at,
        "finished_at": finished_at,
        "summary": json.loads(summary) if summary else {},
    }


def strip_nul(text: str | None) -> Any:
    """PostgreSQL text cannot hold NUL characters, which SQLite accepts; drop them."""
    return text.replace("\x00", "") if text else text
