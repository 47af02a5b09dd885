"""Reader of the Narrative Frames Corpus's article texts (``articles_metadata.tsv``).

The file is tab-separated with spreadsheet quoting: a text holding a quotation mark is
wrapped in quotation marks and every mark inside it is doubled (``"He said ""no"" today"``).
Splitting its lines at tabs keeps that quoting in the text, so every article then opens with
a mark that never closes and every quotation is bracketed by doubled marks; the quotes
layer pairs them one off and takes the article's own sentences for quotations. Read with
:mod:`csv` the texts are what the outlets printed.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

csv.field_size_limit(sys.maxsize)

ARTICLES = "articles_metadata.tsv"


def article_texts(folder: Path) -> dict[str, str]:
    """The corpus's article texts by id, from ``folder`` (the corpus's ``data`` folder).

    Raises:
        FileNotFoundError: ``folder`` does not hold the corpus's article file.
    """
    path = folder / ARTICLES
    if not path.is_file():
        raise FileNotFoundError(f"{path} is missing; pass --shared pointing at the data folder")
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle, delimiter="\t"))[1:]
    return {row[0]: row[4] for row in rows if len(row) > 4}
