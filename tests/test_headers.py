"""Header lines at the top of text articles: title, date, masthead, epigraph, byline."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from parallax.ingest.headers import parse_header
from parallax.ingest.textfile import markdown_to_text, text_to_article


def test_seed_with_masthead_and_epigraph(seeds: Path) -> None:
    text = (seeds / "002_6880c979e58c1c7c.txt").read_text(encoding="utf-8")
    article = text_to_article(text, "002")
    assert article.title == "A Military Alliance to Protect Capital, Not Freedom"
    assert article.date == date(2022, 2, 28)
    assert article.outlet == "The Spark"
    assert "Communist League" in article.meta["tagline"]
    assert article.meta["epigraph_attribution"] == "Karl Marx"
    # Neither the masthead nor the epigraph is part of the article's own words.
    assert "emancipation of the working class" not in article.text
    assert "The Spark" not in article.text
    assert "Voice of" not in article.text
    assert article.text.startswith("The North Atlantic Treaty Organization (NATO)")


def test_seed_with_title_and_date_only(seeds: Path) -> None:
    text = (seeds / "000_fe9c7ca84d766762.txt").read_text(encoding="utf-8")
    article = text_to_article(text, "000")
    assert article.title == "US, NATO out of Eastern Europe!"
    assert article.date == date(2022, 2, 7)
    assert article.outlet is None
    assert article.text.startswith("President Joseph Biden says")


@pytest.mark.parametrize(
    ("text", "title", "when", "outlet", "author"),
    [
        (
            "Headline here\n\nBy Jane Roe\n7 February 2022\n\n" + "Body words " * 20 + ".",
            "Headline here",
            date(2022, 2, 7),
            None,
            "Jane Roe",
        ),
        (
            "THE DAILY TEST\nNews you can test\n\nOpinion\n\nA headline\n\n2022-02-07\n\n"
            + "Body words " * 20
            + ".",
            "A headline",
            date(2022, 2, 7),
            "THE DAILY TEST",
            None,
        ),
        (
            "Title: Given title\nDate: 03/15/2021\nAuthor: A. Writer\nOutlet: The Gazette\n\n"
            + "Body words " * 20
            + ".",
            "Given title",
            date(2021, 3, 15),
            "The Gazette",
            "A. Writer",
        ),
        (
            "Feb. 1, 2020\n\nTitle after the date\n\n" + "Body words " * 20 + ".",
            "Title after the date",
            date(2020, 2, 1),
            None,
            None,
        ),
    ],
)
def test_header_shapes(
    text: str, title: str, when: date, outlet: str | None, author: str | None
) -> None:
    article = text_to_article(text, "x")
    assert (article.title, article.date, article.outlet, article.author) == (
        title,
        when,
        outlet,
        author,
    )
    assert article.text.startswith("Body words")


def test_no_header_keeps_everything_as_text() -> None:
    body = "This article starts right away with a long first sentence that has many words. " * 3
    article = text_to_article(body, "x")
    assert article.title is None
    assert article.text == body.strip()


def test_short_article_is_not_emptied() -> None:
    article = text_to_article("Just one short line.", "x")
    assert article.text == "Just one short line."


def test_markdown_header_and_epigraph() -> None:
    md = (
        "# The headline\n\n*By Mira Example*\nPublished: 5 April 2023\n\n"
        '> "A proverb in quotes."\n> — Old saying\n\n'
        + "Body **text** with a [link](http://example.org) and enough words to be a body. " * 2
        + "\n\n## A subheading\n\n- a list item\n"
    )
    article = text_to_article(md, "x.md", markdown=True)
    assert article.title == "The headline"
    assert article.author == "Mira Example"
    assert article.date == date(2023, 4, 5)
    assert article.meta["epigraph"] == "A proverb in quotes."
    assert "proverb" not in article.text
    assert "**" not in article.text and "http://example.org" not in article.text
    assert "\n\nA subheading\n\na list item" in article.text


def test_markdown_front_matter() -> None:
    md = "---\ntitle: Front title\ndate: 2023-04-05\nauthor: X Y\n---\n\n" + "Words here. " * 20
    article = text_to_article(md, "x.md", markdown=True)
    assert (article.title, article.date, article.author) == ("Front title", date(2023, 4, 5), "X Y")


def test_markdown_to_text_keeps_paragraphs() -> None:
    assert markdown_to_text("One.\n\n## Two\n\n- three\n\n> four") == "One.\n\nTwo\n\nthree\n\nfour"


def test_header_body_start_is_an_offset() -> None:
    text = "Title\n\nMarch 3, 2021\n\n" + "Body words " * 20
    header = parse_header(text)
    assert text[header.body_start :].startswith("Body words")


def test_a_datelines_full_date_dates_an_undated_text() -> None:
    # Invented wire copy: no header date, a dateline with its year.
    text = (
        "Port strike ends\n\nRIGA, May 14, 2024 (Wire) - Dock workers returned to work on "
        "Tuesday after a week-long strike.\n"
    )
    assert text_to_article(text, "x").date == date(2024, 5, 14)
    undated = "Port strike ends\n\nRIGA, May 14 (Wire) - Dock workers returned to work.\n"
    assert text_to_article(undated, "x").date is None  # no year: nothing to date it by
    headed = "Port strike ends\n\nMay 20, 2024\n\n" + text.split("\n\n", 1)[1]
    assert text_to_article(headed, "x").date == date(2024, 5, 20)  # the header's date wins


def test_a_section_key_line_is_the_outlets_filing() -> None:
    article = text_to_article(
        "Title: Given title\nDate: 2025-07-08\nSection: Opinion\n\n" + "Body words " * 20 + ".",
        "x",
    )
    assert article.meta.get("section") == "Opinion"
    assert article.title == "Given title" and article.text.startswith("Body words")


def test_a_short_first_paragraph_after_the_byline_is_body_not_title() -> None:
    # Invented: an op-ed whose first paragraph is one short sentence
    text = (
        "Opinion: The county must fix its bridges\n\nBy Ana Ruiz\n\n"
        "Our bridges are crumbling, and the county is looking away.\n\n" + "Body words " * 20 + "."
    )
    article = text_to_article(text, "x")
    assert (article.title, article.outlet, article.author) == (
        "Opinion: The county must fix its bridges",
        None,
        "Ana Ruiz",
    )
    assert article.text.startswith("Our bridges are crumbling")


def test_typewriter_quotes_become_quote_marks() -> None:
    # Invented: wire archives write ``quotations like this''
    article = text_to_article("``We will rebuild,'' the mayor said.", "x")
    assert article.text == "\u201cWe will rebuild,\u201d the mayor said."
    plain = text_to_article("A 12'' pipe burst.", "x")
    assert plain.text == "A 12'' pipe burst."
