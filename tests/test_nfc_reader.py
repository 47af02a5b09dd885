"""The Narrative Frames Corpus's texts read as the outlets printed them, unquoted."""

from __future__ import annotations

from pathlib import Path

from parallax_dev.datasets.nfc import ARTICLES, article_texts


def test_spreadsheet_quoting_is_not_left_in_the_text(tmp_path: Path) -> None:
    header = "ID\tsource\tmbfc\tdate\ttext\tRE\n"
    rows = (
        "7\tsomewhere\tleast_biased\t2020-01-01\t"
        '"The mayor said ""we will rebuild"" today."\tTrue\n'
        "8\tsomewhere\tleast_biased\t2020-01-02\tNo quotation here.\tFalse\n"
    )
    (tmp_path / ARTICLES).write_text(header + rows, encoding="utf-8")
    assert article_texts(tmp_path) == {
        "7": 'The mayor said "we will rebuild" today.',
        "8": "No quotation here.",
    }
