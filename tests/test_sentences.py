"""The sentences component: paragraph breaks end sentences; a lone dateline opens its lede."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from parallax.components.sentences import Sentences
from parallax.model import Analysis, Article


@dataclass
class Span:
    start_char: int
    end_char: int


def sentences_of(text: str, cuts: list[int]) -> list[str]:
    """The component's sentences when the parser ends its sentences at ``cuts``."""
    bounds = [0, *cuts, len(text)]
    doc: Any = type("Doc", (), {"sents": [Span(a, b) for a, b in pairwise(bounds)]})()
    analysis = Analysis(article=Article(text=text, source="invented", language="en"), doc=doc)
    return [s.text for s in Sentences()._sentences(analysis)]


def test_a_dateline_the_parser_cut_off_joins_the_sentence_it_opens() -> None:
    text = "TUCSON (Wire) — Former Gov. Ann Ruiz spoke on Friday. She left."
    lede = "TUCSON (Wire) — Former Gov. Ann Ruiz spoke on Friday."
    assert sentences_of(text, [16, 54]) == [lede, "She left."]
    # A place set off by a dash in mixed case is no dateline, and stays as the parser cut it.
    assert sentences_of("Oslo — A calm city. It woke.", [7, 19]) == [
        "Oslo —",
        "A calm city.",
        "It woke.",
    ]


def test_a_dateline_ending_in_a_hyphen_joins_the_sentence_it_opens() -> None:
    # Invented agency copy with a hyphen for its dash, cut by the parser at the hyphen.
    text = "LISBON, Portugal (Wire) - A ferry strike ended on Monday. Boats sailed."
    lede = "LISBON, Portugal (Wire) - A ferry strike ended on Monday."
    assert sentences_of(text, [26, 58]) == [lede, "Boats sailed."]


def test_a_paragraph_break_ends_a_sentence_and_a_dateline_never_crosses_one() -> None:
    text = "BERN (Wire) —\n\nTalks ended. Both sides left."
    assert sentences_of(text, [28]) == ["BERN (Wire) —", "Talks ended.", "Both sides left."]


def test_a_quote_mark_the_parser_cut_off_closes_the_sentence_before() -> None:
    text = 'Officials called it a "fair outcome." \nNo one spoke. He said "no." "Next," she said.'
    # The parser ends the sentence at the full stop inside the quotation.
    assert sentences_of(text, [36, 39, 53, 65]) == [
        'Officials called it a "fair outcome."',
        "No one spoke.",
        'He said "no."',
        '"Next," she said.',
    ]
    # A mark opening the next sentence, after one with no quotation open, stays there.
    assert sentences_of('It ended. "Go," he said.', [9]) == ["It ended.", '"Go," he said.']


def test_a_pages_headline_line_and_its_single_breaks_end_sentences() -> None:
    # A page parts paragraphs with one line break and sets its headline over the first.
    text = (
        "Why the river deal fell apart\nNegotiators left Geneva on Friday. They may return."
        "\nThe next round is set for May."
    )
    assert sentences_of(text, [text.index("They")]) == [
        "Why the river deal fell apart",
        "Negotiators left Geneva on Friday.",
        "They may return.",
        "The next round is set for May.",
    ]


def test_a_line_wrapped_mid_sentence_runs_on() -> None:
    text = "The committee voted to send the bill to the\nfull Senate on Tuesday."
    assert sentences_of(text, []) == [text]
