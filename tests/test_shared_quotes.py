"""Two sources quoting the same run of words report one remark (issue 17, recall of "same")."""

from __future__ import annotations

from parallax.comparison import compare_story
from parallax.comparison.shared_quotes import quoted_spans, shared_quote
from test_comparison import record


def test_quoted_spans_keep_a_quote_cut_by_the_sentence_split() -> None:
    assert quoted_spans('She said "the ferry must stay" on Monday.') == ["the ferry must stay"]
    assert quoted_spans("“We will rebuild the pier before winter") == [
        "We will rebuild the pier before winter"
    ]
    assert quoted_spans("and we will rebuild it,” the mayor said.") == ["and we will rebuild it,"]
    assert quoted_spans("No quotation here.") == []


def test_a_long_distinctive_quoted_run_is_shared_and_a_short_or_plain_one_is_not() -> None:
    one = "The mayor promised “a bridge that every fisherman can cross for free” on Monday."
    other = "“A bridge that every fisherman can cross for free,” she told the council."
    assert shared_quote(one, other) == "a bridge that every fisherman can cross for free"
    # Too few quoted words, or too few content words among them.
    assert shared_quote("He called it “the harbour plan”.", "“The harbour plan” failed.") is None
    assert shared_quote("“It is what it is and that is all,” he said.",
                        "She said “it is what it is and that is all” too.") is None  # fmt: skip
    # The same words outside quotation marks are no quote.
    assert (
        shared_quote(
            "A bridge that every fisherman can cross for free was promised.",
            "“A bridge that every fisherman can cross for free,” she said.",
        )
        is None
    )


def test_two_outlets_quoting_one_remark_in_other_words_are_aligned_as_same() -> None:
    first = record(
        "q1",
        "Mayor apologises to fishermen",
        [
            "Mayor Ilse Brandt apologised on Tuesday after a recording showed her calling the "
            "fishermen “a guild that never paid a cent of harbour tax”.",
            "The council will vote on the harbour budget next month.",
        ],
        outlet="Westport Daily",
    )
    second = record(
        "q2",
        "Recording of the mayor angers the harbour",
        [
            "“A guild that never paid a cent of harbour tax,” Brandt says in the recording, "
            "which a rival party released.",
            "Teachers protested outside the town hall during the debate.",
        ],
        outlet="Coastal Courier",
    )
    result = compare_story("story-q", [first, second])
    quoted = [a for a in result["alignments"] if a.get("basis") == "shared_quote"]
    assert quoted, result["alignments"]
    assert "never paid a cent of harbour tax" in quoted[0]["reason"]
    assert {i["sentence_id"] for i in quoted[0]["items"]} == {"s1"}
