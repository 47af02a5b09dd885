"""Read-side queries of the SQLite store: full-text search, the run log, and browsing.

They are what the REST API, the web UI and `parallax search` ask; the write side and
the schema stay in :mod:`parallax.store.sqlite`.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Mapping
from typing import Any

from parallax.store.base import SearchHit, distinct_facets, utc_now


class SQLiteQueries:
    """Read-side queries of the SQLite store: full-text search, the run log, and browsing."""

    db: sqlite3.Connection

    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        """Full-text search over titles, texts and sentences, best matches first."""
        match = _fts_query(query)
        if not match:
            return []
        hits: list[SearchHit] = []
        # Rank and cut first, then make snippets for the top matches only (SQLite would
        # otherwise build a snippet for every match before sorting).
        for row in self.db.execute(
            "SELECT a.id, a.title, a.outlet, a.date, "
            "snippet(articles_fts, 1, '[', ']', '…', 16) AS snip "
            "FROM (SELECT rowid AS r, bm25(articles_fts, 5.0, 1.0) AS score FROM articles_fts "
            "WHERE articles_fts MATCH ? ORDER BY score LIMIT ?) top "
            "CROSS JOIN articles_fts ON articles_fts.rowid = top.r "
            "CROSS JOIN articles a ON a.rowid = top.r "
            "WHERE articles_fts MATCH ? ORDER BY top.score",
            (match, limit, match),
        ):
            hits.append(SearchHit(row[0], row[1], row[2], row[3], "article", row[4]))
        for row in self.db.execute(
            "SELECT s.article_id, a.title, a.outlet, a.date, s.text, s.sentence_id "
            "FROM (SELECT rowid AS r, bm25(sentences_fts) AS score FROM sentences_fts "
            "WHERE sentences_fts MATCH ? ORDER BY score LIMIT ?) top "
            "CROSS JOIN sentences s ON s.rowid = top.r "
            "CROSS JOIN articles a ON a.id = s.article_id "
            "ORDER BY top.score",
            (match, limit),
        ):
            hits.append(SearchHit(row[0], row[1], row[2], row[3], "sentence", row[4], row[5]))
        return hits

    # -- runs ----------------------------------------------------------------------------

    def start_run(self, command: str) -> int:
        """Open a run record and return its id."""
        cursor = self.db.execute(
            "INSERT INTO runs (command, started_at) VALUES (?, ?)", (command, utc_now())
        )
        return int(cursor.lastrowid or 0)

    def record_item(
        self, run_id: int, source: str, status: str, reason: str | None, article_id: str | None
    ) -> None:
        """Log what happened to one input in a run."""
        self.db.execute(
            "INSERT INTO run_items VALUES (?, ?, ?, ?, ?)",
            (run_id, source, status, reason, article_id),
        )

    def finish_run(self, run_id: int, summary: Mapping[str, object]) -> None:
        """Close a run record with its summary."""
        self.db.execute(
            "UPDATE runs SET finished_at=?, summary=? WHERE id=?",
            (utc_now(), json.dumps(summary, default=str), run_id),
        )

    def update_run(self, run_id: int, summary: Mapping[str, object]) -> None:
        """Record a running run's progress in its summary (``finished_at`` stays empty)."""
        self.db.execute(
            "UPDATE runs SET summary=? WHERE id=?", (json.dumps(summary, default=str), run_id)
        )

    def get_run(self, run_id: int) -> dict[str, Any] | None:
        """One run record with its items, or None."""
        row = self.db.execute("SELECT * FROM runs WHERE id=?", (run_id,)).fetchone()
        if row is None:
            return None
        items = [
            {"source": r[0], "status": r[1], "reason": r[2], "article_id": r[3]}
            for r in self.db.execute(
                "SELECT source, status, reason, article_id FROM run_items WHERE run_id=? "
                "ORDER BY rowid",
                (run_id,),
            )
        ]
        return {**_run_row(row), "items": items}

    def recent_runs(self, limit: int = 20, command: str | None = None) -> list[dict[str, Any]]:
        """The latest runs, newest first (optionally only those of one command)."""
        sql = "SELECT * FROM runs" + (" WHERE command=?" if command else "")
        params: tuple[Any, ...] = (command,) if command else ()
        rows = self.db.execute(sql + " ORDER BY id DESC LIMIT ?", (*params, limit))
        return [_run_row(row) for row in rows]

    # -- browsing (the REST API and the web UI) ------------------------------------------

    _LATEST = (
        "(SELECT {col} FROM analyses x WHERE x.article_id = a.id "
        "ORDER BY x.created_at DESC, x.rowid DESC LIMIT 1)"
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

        With ``query``, articles are ranked by full-text relevance (title weighted over
        text) and each summary carries a snippet; otherwise the newest come first.
        """
        where: list[str] = []
        params: list[Any] = []
        source = "articles a"
        order = "a.date IS NULL, a.date DESC, a.rowid DESC"
        snippet = "NULL"
        match = _fts_query(query) if query else ""
        if query is not None and query.strip():
            if not match:
                return 0, []
            # CROSS JOIN keeps SQLite from scanning articles and probing the index per row.
            source = "articles_fts CROSS JOIN articles a ON a.rowid = articles_fts.rowid"
            where.append("articles_fts MATCH ?")
            params.append(match)
            order = "bm25(articles_fts, 5.0, 1.0)"
            snippet = "snippet(articles_fts, 1, '[', ']', '…', 16)"
        for column, value in (("a.outlet", outlet), ("a.language", language), ("a.format", fmt)):
            if value:
                where.append(f"{column} = ?")
                params.append(value)
        if date_from:
            where.append("a.date >= ?")
            params.append(date_from)
        if date_to:
            where.append("a.date <= ?")
            params.append(date_to)
        if genre:
            where.append(self._LATEST.format(col="json_extract(x.data, '$.genre')") + " = ?")
            params.append(genre)
        clause = (" WHERE " + " AND ".join(where)) if where else ""
        genre_of_latest = self._LATEST.format(col="json_extract(x.data, '$.genre')")
        total = int(self.db.execute(f"SELECT count(*) FROM {source}{clause}", params).fetchone()[0])
        columns = (
            "a.id, a.title, a.outlet, a.author, a.date, a.language, a.format, a.source, a.url, "
            f"{self._LATEST.format(col='x.status')} AS status, {genre_of_latest} AS genre"
        )
        if match:
            # Rank first and cut the page, then make snippets for that page only: SQLite
            # would otherwise build a snippet for every match before sorting.
            rows = self.db.execute(
                f"SELECT {columns}, {snippet} AS snip FROM (SELECT a.rowid AS r, {order} AS score "
                f"FROM {source}{clause} ORDER BY score LIMIT ? OFFSET ?) top "
                "CROSS JOIN articles_fts ON articles_fts.rowid = top.r "
                "CROSS JOIN articles a ON a.rowid = top.r "
                "WHERE articles_fts MATCH ? ORDER BY top.score",
                (*params, limit, offset, match),
            )
        else:
            # The page is cut before the per-row columns are computed, for the same reason.
            rows = self.db.execute(
                f"SELECT {columns}, NULL AS snip FROM (SELECT a.rowid AS r FROM {source}{clause} "
                f"ORDER BY {order} LIMIT ? OFFSET ?) top CROSS JOIN articles a ON a.rowid = top.r "
                f"ORDER BY {order}",
                (*params, limit, offset),
            )
        return total, [
            {
                "id": r["id"],
                "title": r["title"],
                "outlet": r["outlet"],
                "author": r["author"],
                "date": r["date"],
                "language": r["language"],
                "format": r["format"],
                "source": r["source"],
                "url": r["url"],
                "status": r["status"] or "not_analysed",
                "genre": r["genre"],
                "snippet": r["snip"],
            }
            for r in rows
        ]

    def facets(self) -> dict[str, list[str]]:
        """The distinct outlets, languages and formats in the store, for filter menus."""
        return distinct_facets(self.db.execute)

    def latest_layer_items(
        self, layer: str, *, limit: int = 50, offset: int = 0, where: str | None = None
    ) -> tuple[int, list[tuple[str, dict[str, Any]]]]:
        """Items of a list layer (``claims``, ``actors``...) across every article's latest analysis.

        Args:
            layer: a top-level list key of the analysis records.
            limit: most items returned.
            offset: items skipped (for paging).
            where: ``"key=value"`` keeping only items whose ``key`` equals ``value``.

        Returns:
            How many items match in all, and ``(article_id, item)`` pairs.
        """
        if not re.fullmatch(r"[a-z_]+", layer):
            raise ValueError(f"not a layer name: {layer!r}")
        sql = (
            "FROM analyses x JOIN json_each(x.data, ?) j "
            "WHERE x.rowid = (SELECT y.rowid FROM analyses y WHERE y.article_id = x.article_id "
            "ORDER BY y.created_at DESC, y.rowid DESC LIMIT 1)"
        )
        params: list[Any] = [f"$.{layer}"]
        if where:
            key, _, value = where.partition("=")
            if not re.fullmatch(r"[a-z_]+", key):
                raise ValueError(f"not a field name: {key!r}")
            sql += " AND json_extract(j.value, ?) = ?"
            params += [f"$.{key}", value]
        total = int(self.db.execute(f"SELECT count(*) {sql}", params).fetchone()[0])
        rows = self.db.execute(
            f"SELECT x.article_id, j.value {sql} ORDER BY x.rowid, j.key LIMIT ? OFFSET ?",
            (*params, limit, offset),
        )
        return total, [(str(r[0]), json.loads(r[1])) for r in rows]


def _run_row(row: sqlite3.Row) -> dict[str, Any]:
    return {
        "id": row["id"],
        "command": row["command"],
        "started_at": row["started_at"],
        "finished_at": row["finished_at"],
        "summary": json.loads(row["summary"]) if row["summary"] else {},
    }


def _fts_query(query: str) -> str:
    """Quote each word so user input is never parsed as FTS5 syntax (and cannot fail)."""
    words = re.findall(r"\w[\w'’-]*", query)
    return " ".join('"' + word.replace('"', '""') + '"' for word in words)
