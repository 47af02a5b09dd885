"""Check one claim against the reference knowledge: the one fact-checking setup.

``parallax check`` and the REST API's ``/api/check`` both call :func:`check_claim`: the
knowledge of :func:`parallax.usecases.knowledge.knowledge_base`, and reference documents
when the knowledge base has not enough evidence (the documents a command names, else the
ones the user added with ``parallax kb add-document``).
"""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from parallax.errors import ConfigError
from parallax.factcheck import Checker
from parallax.ingest import read_articles
from parallax.knowledge.documents import DocumentStore, existing_document_store
from parallax.record import CheckRecord
from parallax.usecases.knowledge import knowledge_base


@dataclass
class ClaimCheck:
    """A claim's verdict record, and what went wrong on the way (skipped documents)."""

    record: CheckRecord
    warnings: list[str] = field(default_factory=list)


def check_claim(
    text: str,
    *,
    kb_dirs: Sequence[Path] = (),
    documents: Sequence[str | Path] = (),
    today: date | None = None,
    user_dir: Path | None = None,
) -> ClaimCheck:
    """The verdict on ``text``, with the evidence and explanation it rests on.

    Args:
        text: the claim, usually one sentence.
        kb_dirs: further knowledge directories to consult.
        documents: reference documents (files or folders) to search when the knowledge
            has not enough evidence; default: the user's added documents, if any.
        today: the date present-tense claims are checked at (default: today).
        user_dir: the user's knowledge base (default ``$PARALLAX_KB``).

    Raises:
        ConfigError: the claim is empty, or a knowledge directory is missing or invalid.
    """
    if not text.strip():
        raise ConfigError("the claim is empty; give the sentence to check, in quotes")
    kb = knowledge_base(kb_dirs, user_dir)
    warnings: list[str] = []
    with tempfile.TemporaryDirectory() as scratch:
        store: DocumentStore | None
        if documents:
            articles, problems = read_articles(list(documents))
            warnings += [f"reference document skipped: {p}" for p in problems]
            store = DocumentStore(Path(scratch) / "documents.db")
            store.add_all(articles)
        else:
            store = existing_document_store(user_dir)
        try:
            record = Checker(kb, today=today, documents=store).check_text(text).record()
        finally:
            if store is not None:
                store.close()
    return ClaimCheck(record, warnings)
