"""Specifications of cross-source comparison on small records we write ourselves."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from parallax.comparison import StoryFeatures, StoryIndex, compare, compare_story
from parallax.comparison.alignment import clash, years
from parallax.comparison.figure_pairs import (
    conflicting,
    conflicting_times,
    disagreement,
    shared_figures,
)
from parallax.comparison.figures import parse_figures
from parallax.comparison.portrayal import divergence
from parallax.comparison.stories import ClusterParams


def record(
    rid: str,
    title: str,
    sentences: list[str],
    *,
    outlet: str,
    date: str | None = "2024-03-01",
    **layers: Any,
) -> dict[str, Any]:
    text, items, position = "", [], 0
    for number, sentence in enumerate(sentences, start=1):
        items.append(
            {
                "id": f"s{number}",
                "text": sentence,
                "start": position,
                "end": position + len(sentence),
                "type": None,
                "checkworthiness": None,
                "techniques": [],
            }
        )
        text += sentence + " "
        position = len(text)
    return {"id": rid, "title": title, "outlet": outlet, "date": date, "text": text.strip(),
            "status": "analysed", "sentences": items, "entities": [], "actors": [],
            "events": [], "claims": [], **layers}  # fmt: skip


BRIDGE_A = record(
    "a1",
    "Harbour bridge opens after four years of work",
    [
        "The new harbour bridge in Westport opened to traffic on Monday after four years of work.",
        "The bridge cost 240 million euros, according to the city council.",
        "Mayor Ilse Brandt called the opening a proud day for the whole region.",
        "Ferry operators warned that they would lose most of their passengers.",
    ],
    outlet="Westport Daily",
)
BRIDGE_B = record(
    "b1",
    "Westport's costly bridge finally carries cars",
    [
        "Westport's harbour bridge was opened to cars on Monday after four years of building.",
        "The bridge cost 310 million euros, far more than the city council promised.",
        "Residents of the old town complained about the noise of the construction for years.",
    ],
    outlet="Coastal Courier",
)
ELECTION = record(
    "c1",
    "Farmers' party wins regional election in Eastmark",
    [
        "The farmers' party won the regional election in Eastmark with 41 percent of the vote.",
        "Its leader promised lower fuel taxes for rural households.",
    ],
    outlet="Eastmark Post",
)


def test_figures_are_bound_to_what_they_measure_and_of_whom() -> None:
    texts = [
        "It became the alliance's thirty-first member.",
        "On 4 April 2023 it became the 30th member.",
        "The bridge cost 240 million euros.",
        "Founded in 1949, enlarged in 2004.",
        "The final tally was 97-1.",
        "No numbers here.",
    ]
    ordinal, dated, cost, _, tally, none = parse_figures(texts)
    assert [(f.kind, f.value, f.measured) for f in ordinal] == [("ordinal", 31.0, "member")]
    assert ("ordinal", 30.0, "member") in [(f.kind, f.value, f.measured) for f in dated]
    assert all(f.value != 4.0 for f in dated)  # the day of a date is no quantity
    assert [(f.value, f.measured, f.predicate) for f in cost] == [(240e6, "euro", "cost")]
    assert [(f.kind, f.value, f.measured) for f in tally] == [("score", "97-1", "tally")]
    assert none == []
    assert years("Founded in 1949, enlarged in 2004.") == {1949, 2004}


def test_a_vote_told_with_two_tallies_is_not_one_fact() -> None:
    # Invented wording: "N to M" after a vote is its tally; after "from" it is a range.
    voted, approved, ranged = parse_figures(
        [
            "The board voted 6 to 3 on Monday to close the depot.",
            "The board approved closing the depot on Monday by a vote of 8 to 1.",
            "Fares rose from 2 to 3 euros.",
        ]
    )
    assert [(f.kind, f.value) for f in voted] == [("score", "6-3")]
    assert [(f.kind, f.value) for f in approved] == [("score", "8-1")]
    assert all(f.kind != "score" for f in ranged)
    assert conflicting(voted, approved) and not conflicting(voted, voted)


def test_the_same_values_with_a_noun_on_another_do_not_conflict() -> None:
    # Invented wording: one outlet hangs "families" on the larger count, the other on the
    # smaller; both state 1,200 and six.
    first, second, other, rescued, swapped, closed, shut = parse_figures(
        [
            "Mudslides cut off more than 1,200 families in the valley and killed at least six.",
            "Six families lost relatives and about 1,200 were cut off, rescuers said.",
            "Mudslides cut off 900 families in the valley, rescuers said.",
            "More than 20 climbers were rescued and at least four were hurt on the ridge.",
            "Four climbers were rescued and 20 were hurt on the ridge.",
            "The chain closed 40 stores in Leeds and 15 in York this year.",
            "The chain has shut 15 stores in Leeds and 40 in York this year.",
        ]
    )
    assert not conflicting(first, second)
    assert [f.text for f in shared_figures(first, second)] == ["1,200"]
    assert conflicting(first, other)  # 1,200 families against 900: no value told on both
    assert conflicting(rescued, swapped)  # climbers rescued twice, with other values
    assert conflicting(closed, shut)  # both counts on one verb: places swapped


def test_a_small_value_with_a_fraction_is_distinctive_and_a_small_count_is_not() -> None:
    # Invented wording: a measured rate is as telling as a large count; "two" is not.
    rate, told, count, counted = parse_figures(
        [
            "Inflation eased to 2.7 percent in May, the statistics office said.",
            "Prices rose 2.7% in the year to May, official data showed.",
            "Two ministers resigned on Monday.",
            "Two ministers quit the cabinet.",
        ]
    )
    assert [f.text for f in shared_figures(rate, told)] == ["2.7 percent"]
    assert shared_figures(count, counted) == []


def test_a_tally_after_a_verb_of_voting_is_a_score_and_a_range_is_not() -> None:
    # Invented wording: a chamber's count follows the verb and its object.
    approved, passed, aged, rose = parse_figures(
        [
            "The assembly approved the budget 52 to 47 after midnight.",
            "The council had passed it a week earlier, 31 to 12.",
            "Voters aged 18 to 24 backed the measure.",
            "Rents rose 5 to 7 percent.",
        ]
    )
    assert [(f.kind, f.value) for f in approved] == [("score", "52-47")]
    assert [(f.kind, f.value) for f in passed] == [("score", "31-12")]
    assert all(f.kind != "score" for f in [*aged, *rose])


def test_an_infinitive_takes_the_subject_of_the_verb_above_it() -> None:
    (opening,) = parse_figures(["The tunnel is expected to open in 2031."])
    assert [(f.measured, f.subject) for f in opening] == [("open", frozenset({"tunnel"}))]


def test_clash_needs_the_same_quantity_of_the_same_event() -> None:
    a = {"text": "The bridge cost 240 million euros."}
    b = {"text": "The bridge cost 310 million euros."}
    assert "240 million vs 310 million" in (clash(a, b) or "")
    assert clash(a, a) is None
    same_year = {"text": "The treaty was signed in 1949."}
    other_year = {"text": "The treaty was signed in 1951."}
    assert "1949 vs 1951" in (clash(same_year, other_year) or "")
    # Years of different events, amounts of different people, hedged figures: no clash.
    law = {"text": "The bill amends a 1976 law on the immunity of states."}
    attacks = {"text": "The bill lets families sue over the 2001 attacks on the city."}
    assert clash(law, attacks) is None
    cut = {"text": "Obama has cut $716 billion from Medicare."}
    plan = {"text": "His rival's plan would cut Medicare by $800 billion."}
    assert clash(cut, plan) is None
    nearly = {"text": "The couple paid nearly $44 million in federal taxes."}
    exact = {"text": "The couple paid $43 million in federal taxes."}
    assert clash(nearly, exact) is None
    # A negation cue is no contradiction: both say the one vote against was the senator's.
    lone = {"text": "Senate Minority Leader Harry Reid was the lone opposition."}
    no_vote = {"text": 'The lone "no" vote in the Senate was Senate Minority Leader Harry Reid.'}
    assert clash(lone, no_vote) is None
    claim_a = [{"subject_id": "nato", "subject": "NATO", "relation": "members", "quantity": 30}]
    claim_b = [{"subject_id": "nato", "subject": "NATO", "relation": "members", "quantity": 31}]
    assert "30 vs 31" in (clash({"text": "x"}, {"text": "y"}, claim_a, claim_b) or "")


def test_bounds_forecasts_narrower_subjects_and_other_days_make_no_clash() -> None:
    def clashes(first: str, second: str) -> bool:
        return clash({"text": first}, {"text": second}) is not None

    # Two lower bounds agree; a lower bound above the other figure does not.
    assert not clashes("The ferry ran more than 200 trips.", "The ferry ran at least 350 trips.")
    assert clashes("The ferry ran more than 200 trips.", "The ferry ran 150 trips.")
    assert clashes("The ferry ran fewer than 200 trips.", "The ferry ran 350 trips.")
    # A forecast is not contradicted by the outcome.
    assert not clashes(
        "The county added 4,000 jobs in May.",
        "Economists had expected the county to add 9,000 jobs in May.",
    )
    assert not clashes("The county added 4,000 jobs.", "The county would add 9,000 jobs.")
    # "Fuel prices" is a narrower quantity than "prices".
    assert not clashes("Prices rose 2.1 percent.", "Fuel prices rose 3.4%.")
    # A figure dated by its clause and one dated otherwise may be counts of different days.
    registered = "58% of the residents were registered."
    assert clashes("41% of the residents were registered.", registered)
    assert not clashes("By Monday, 41% of the residents were registered.", registered)


def test_counts_of_other_places_hours_and_running_totals_make_no_clash() -> None:
    def clashes(first: str, second: str) -> bool:
        return clash({"text": first}, {"text": second}) is not None

    assert clashes("Six passengers were hurt in Madrid.", "Nine passengers were hurt in Madrid.")
    # Another city: another quantity. A city named on one side only may be where it was said.
    assert not clashes("Six passengers were hurt in London.", "Nine passengers were hurt in Paris.")
    assert clashes("Six passengers were hurt in Madrid.", "Nine passengers were hurt.")
    # A count at an hour is no final count; a total since some start is no one day's count.
    assert not clashes("As of 13:00, 39 passengers were hurt.", "50 passengers were hurt.")
    assert not clashes(
        "Since the strike began, 75 passengers were hurt.", "Six passengers were hurt."
    )


def test_two_nationalities_named_as_attacker_of_one_place_clash() -> None:
    def clashes(first: str, second: str) -> bool:
        return clash({"text": first}, {"text": second}) is not None

    shelled = "French artillery shelled the old bridge in Lyon."
    assert clashes(shelled, "German guns shelled the old bridge in Lyon.")
    assert clashes(shelled, "A German missile strike on Lyon destroyed the old bridge.")
    # The same attacker, another place, a denial, or a claim reported from someone else.
    assert not clashes(shelled, "French guns shelled the old bridge in Lyon.")
    assert not clashes(shelled, "German guns shelled the old bridge in Porto.")
    assert not clashes("French artillery did not shell the old bridge in Lyon.", shelled)
    assert not clashes("Berlin says German guns shelled the old bridge in Lyon.", shelled)


def test_a_time_stamp_is_no_figure() -> None:
    (stamped,) = parse_figures(["Update (29.10.22 15:29): the harbour bridge reopened."])
    assert stamped == []


def test_a_rank_in_a_sequence_clashes_with_an_undated_one() -> None:
    # Unlike a running count, "the 30th member" is the same fact on any later day.
    first = "On 4 May 2021, Estland became the league's 30th member."
    assert clash({"text": first}, {"text": "Estland is now the league's thirty-first member."})
    assert not clash({"text": "By Monday, 30 members had joined."}, {"text": "31 members joined."})


def test_a_disagreement_reads_as_one_line_with_both_sources() -> None:
    first, second = parse_figures(
        ["Finland became the alliance's 30th member.", "Finland is the alliance's 31st member."]
    )
    found = disagreement(first, second)
    assert found is not None
    line = found.describe("Herald", "Voice")
    assert line.startswith("numbers disagree: 30th vs 31st")
    assert "Herald says" in line and "Voice says" in line and "finland" in line


def test_stories_cluster_the_bridge_apart_from_the_election() -> None:
    result = compare([BRIDGE_A, BRIDGE_B, ELECTION])
    groups = sorted(sorted(s["articles"]) for s in result["stories"])
    assert groups == [["a1", "b1"], ["c1"]]


def test_alignment_finds_agreement_contradiction_and_uniques() -> None:
    result = compare_story("story-1", [BRIDGE_A, BRIDGE_B])
    kinds = {a["kind"] for a in result["alignments"]}
    assert kinds == {"same", "contradiction", "unique"}
    clashes = [a for a in result["alignments"] if a["kind"] == "contradiction"]
    assert any("240 million vs 310 million" in a["reason"] for a in clashes)
    assert all(a["basis"] == "figures" and "Westport Daily says" in a["reason"] for a in clashes)
    uniques = {a["items"][0]["text"] for a in result["alignments"] if a["kind"] == "unique"}
    assert any("Ferry operators" in u for u in uniques)
    assert any("Residents of the old town" in u for u in uniques)
    for alignment in result["alignments"]:
        assert set(alignment) >= {"kind", "story", "items", "score", "reason"}
        for item in alignment["items"]:
            assert set(item) == {"article_id", "sentence_id", "text"}
    claim_gaps = [g for g in result["gaps"] if g["kind"] == "claim"]
    assert claim_gaps and all(len(g["covered_by"]) == 1 for g in claim_gaps)


def test_gaps_and_portrayal_use_actors_when_present() -> None:
    def actor(aid: str, name: str, sid: str, role: str | None, sentiment: float | None) -> Any:
        return {"id": aid, "name": name, "type": "person", "kb_id": None, "role": role,
                "sentiment": sentiment, "mentions": [{"text": name, "start": 0, "end": 1,
                                                      "sentence_id": sid}]}  # fmt: skip

    a = dict(
        BRIDGE_A,
        actors=[
            actor("local:brandt", "Ilse Brandt", "s3", "protagonist", 0.6),
            actor("local:council", "city council", "s2", "neutral", 0.0),
        ],
    )
    b = dict(BRIDGE_B, actors=[actor("local:council", "city council", "s2", "antagonist", -0.5)])
    result = compare_story("story-1", [a, b])
    gap = next(g for g in result["gaps"] if g["kind"] == "actor")
    assert gap["label"] == "Ilse Brandt"
    assert gap["covered_by"] == ["a1"] and gap["missing_from"] == ["b1"]
    council = next(p for p in result["portrayal"] if p["actor"] == "local:council")
    assert council["divergence"] == pytest.approx(1.5)
    roles = {s["article_id"]: s["role"] for s in council["by_source"]}
    assert roles == {"a1": "neutral", "b1": "antagonist"}
    assert council["by_source"][0]["sentences"][0]["sentence_id"] == "s2"


def test_a_source_naming_no_actor_still_has_its_gaps_counted_in_actors() -> None:
    # An editorial that speaks only of "the council" names no actor; the other source's
    # raw entities (a title word, a bare surname beside the full name) are no names to list.
    mention = {"text": "Ilse Brandt", "start": 0, "end": 1, "sentence_id": "s3"}
    person = {"id": "local:ilse-brandt", "name": "Ilse Brandt", "type": "person", "kb_id": None,
              "mentions": [mention]}  # fmt: skip
    entities = [
        {"text": "Mayor", "label": "ORG", "start": 0, "end": 5},
        {"text": "Ilse Brandt", "label": "PERSON", "start": 6, "end": 17},
        {"text": "Brandt", "label": "PERSON", "start": 30, "end": 36},
    ]
    a = dict(BRIDGE_A, actors=[person], entities=entities)
    b = dict(BRIDGE_B, actors=[])
    labels = [
        g["label"]
        for g in compare_story("story-1", [a, b])["gaps"]
        if g["kind"] in {"actor", "entity"}
    ]
    assert labels == ["Ilse Brandt"], labels


def test_a_source_writing_an_actors_name_outside_its_actors_still_covers_it() -> None:
    # Invented: the second source writes the union only inside a title and its headline,
    # which the actors layer leaves out; it does not leave the union out.
    union = {"id": "local:dockers-union", "name": "Dockers Union", "type": "organisation",
             "kb_id": None, "mentions": [
                 {"text": "the Dockers Union", "kind": "name", "start": 0, "end": 1,
                  "sentence_id": "s1"},
                 {"text": "DU", "kind": "name", "start": 0, "end": 1, "sentence_id": "s2"},
             ]}  # fmt: skip
    board = {"text": "Harbour Board", "kind": "name", "start": 0, "end": 1, "sentence_id": "s1"}
    harbour = {"id": "local:harbour-board", "name": "Harbour Board", "type": "organisation",
               "kb_id": None, "mentions": [board]}  # fmt: skip
    a = record(
        "a1",
        "Dock strike ends",
        ["The Dockers Union ended its strike on Monday.", "DU members voted to return."],
        outlet="Harbour Times",
        actors=[union, harbour],
    )
    b = record(
        "b1",
        "DU calls off the walkout",
        ["Union chief and DU Secretary Mia Holm said work resumes on Tuesday."],
        outlet="Coast Post",
        actors=[],
    )
    labels = {g["label"] for g in compare_story("story-1", [a, b])["gaps"] if g["kind"] == "actor"}
    assert "Dockers Union" not in labels, labels
    assert "Harbour Board" in labels, labels


def test_a_difference_only_in_whom_each_source_quotes_is_named_so() -> None:
    def actor(role: str, sentiment: float, quoted: list[dict[str, Any]]) -> Any:
        mention = {"text": "council", "start": 0, "end": 1, "sentence_id": "s2"}
        return {"id": "local:council", "name": "city council", "type": "organization",
                "kb_id": None, "role": role, "sentiment": sentiment, "quoted": quoted,
                "mentions": [mention]}  # fmt: skip

    critic = {"speaker": None, "speaker_text": "a resident", "role": "antagonist",
              "sentiment": -0.8, "sentiment_label": "negative", "sentences": ["s2"]}  # fmt: skip
    fan = {"speaker": None, "speaker_text": "the mayor", "role": "protagonist",
           "sentiment": 0.7, "sentiment_label": "positive", "sentences": ["s2"]}  # fmt: skip
    a = dict(BRIDGE_A, actors=[actor("neutral", 0.05, [critic])])
    b = dict(BRIDGE_B, actors=[actor("neutral", 0.0, [fan])])
    council = compare_story("story-1", [a, b])["portrayal"][0]
    assert council["divergence"] == pytest.approx(0.05)
    assert council["quoted_divergence"] == pytest.approx(2.5)
    assert council["difference"] == "quotes only"
    assert [s["quoted"] for s in council["by_source"]] == [[critic], [fan]]
    from parallax.report.compare_markdown import render_compare_markdown

    report: Any = {"articles": [a, b], "comparison": compare([a, b])}
    markdown = render_compare_markdown(report)
    row = next(line for line in markdown.splitlines() if line.startswith("| city council"))
    assert "differ only in whom they quote" in row
    assert "quoted sources: a resident: negative, antagonist" in row
    b = dict(BRIDGE_B, actors=[actor("antagonist", -0.6, [fan])])
    assert compare_story("story-1", [a, b])["portrayal"][0]["difference"] == "own voice"


def test_divergence_is_unknown_without_portrayal() -> None:
    assert (
        divergence([{"role": None, "sentiment": None}, {"role": None, "sentiment": None}]) is None
    )
    assert divergence(
        [{"role": "victim", "sentiment": -0.2}, {"role": "victim", "sentiment": 0.4}]
    ) == pytest.approx(0.6)


def test_compare_without_records_or_layers_keeps_the_shape() -> None:
    empty = compare([])
    assert empty == {
        "stories": [],
        "alignments": [],
        "gaps": [],
        "portrayal": [],
        "timeline": [],
        "positions": [],
    }
    alone = compare([ELECTION])
    assert len(alone["stories"]) == 1 and alone["alignments"] == [] and alone["gaps"] == []


def _unit(seed: int) -> np.ndarray:
    vector = np.random.default_rng(seed).standard_normal(384).astype(np.float32)
    return vector / np.linalg.norm(vector)


def test_index_is_incremental_and_respects_the_date_window() -> None:
    index = StoryIndex(ClusterParams(threshold=0.5))
    shared = _unit(1)
    first = index.add(StoryFeatures("x", 1000, shared, frozenset({"n:brandt", "w:bridge"})))
    second = index.add(StoryFeatures("y", 1002, shared, frozenset({"n:brandt", "w:bridge"})))
    assert first == second  # joins without re-clustering
    later = index.add(StoryFeatures("z", 1100, shared, frozenset({"n:brandt", "w:bridge"})))
    assert later != first  # same words, months later: another story
    other = index.add(StoryFeatures("w", 1001, _unit(2), frozenset({"n:eastmark"})))
    assert other not in {first, later}
    assert index.groups() == [["x", "y"], ["z"], ["w"]]
    assert index.comparisons <= 4


def test_a_short_figure_sentence_is_read_in_its_context() -> None:
    first = record(
        "v1",
        "Assembly passes the harbour budget",
        [
            "The regional assembly approved the harbour budget on Thursday after a long debate.",
            "Opposition members had demanded more money for the schools of the old town.",
            "The final count was 61-38.",
        ],
        outlet="Harbour Post",
    )
    second = record(
        "v2",
        "Harbour budget clears the assembly",
        [
            "This followed a 61-38 vote in the regional assembly chamber on the harbour budget.",
            "Teachers protested outside the building during the debate on Thursday.",
        ],
        outlet="Old Town Courier",
    )
    result = compare_story("story-1", [first, second])
    shared = [a for a in result["alignments"] if a.get("basis") == "shared_figure"]
    assert shared and "61-38" in shared[0]["reason"], result["alignments"]
    assert {i["sentence_id"] for i in shared[0]["items"]} == {"s3", "s1"}


def test_a_shared_tally_is_one_vote_whatever_verb_each_outlet_uses() -> None:
    # Invented ledes: "rejected" and "failed" read to the entailment model as a contradiction.
    first = record(
        "t1",
        "Senate rejects border bill",
        [
            "The Senate on Wednesday rejected a bipartisan border security bill, 49-50, after "
            "Republicans turned against the measure they had demanded for months."
        ],
        outlet="Outlet M",
    )
    second = record(
        "t2",
        "Border deal fails",
        [
            "A border bill negotiated behind closed doors failed in the Senate on Wednesday, "
            "49-50, as Republicans rejected a measure that critics said would do little."
        ],
        outlet="Outlet N",
    )
    result = compare_story("story-1", [first, second])
    shared = [a for a in result["alignments"] if a.get("basis") == "shared_figure"]
    assert shared and "49-50" in shared[0]["reason"], result["alignments"]


def test_a_group_each_source_names_its_own_way_is_one_actor() -> None:
    def actor(aid: str, name: str, kind: str, mentions: int, role: str) -> Any:
        return {"id": aid, "name": name, "type": kind, "kb_id": None, "role": role,
                "sentiment": 0.0, "mentions": [{"text": name, "start": 0, "end": 1,
                                                "sentence_id": "s1"}] * mentions}  # fmt: skip

    a = dict(
        BRIDGE_A,
        actors=[
            actor("local:greens", "Greens", "group", 3, "protagonist"),
            actor("local:green-party", "Green Party", "organisation", 1, "neutral"),
            actor("local:ferry-workers", "ferry workers", "group", 2, "victim"),
        ],
    )
    b = dict(BRIDGE_B, actors=[actor("local:green", "the Green", "group", 2, "antagonist")])
    island = actor("local:greenland", "Greenland", "place", 4, "neutral")
    c = dict(BRIDGE_A, id="c1", actors=[island])
    result = compare_story("story-1", [a, b, c])
    greens = [p for p in result["portrayal"] if p["actor"] == "local:greens"]
    assert len(greens) == 1
    roles = {s["article_id"]: (s["role"], s["mentions"]) for s in greens[0]["by_source"]}
    assert roles == {"a1": ("protagonist", 4), "b1": ("antagonist", 2)}
    labels = {g["label"] for g in result["gaps"] if g["kind"] == "actor"}
    assert "the Green" not in labels and "Green Party" not in labels
    assert {"ferry workers", "Greenland"} <= labels


def test_an_event_told_in_other_words_is_no_gap() -> None:
    def entry(sid: str, label: str, action: str) -> dict[str, Any]:
        return {"date": "2024-02-26", "range": ["2024-02-26", "2024-02-26"],
                "granularity": "day", "label": label, "sentence_id": sid, "text": label,
                "actors": [], "action": action, "kb_event": None, "inferred": False}  # fmt: skip

    a = dict(
        BRIDGE_A,
        timeline=[
            entry("s1", "The new harbour bridge in Westport opened to traffic", "open"),
            entry("s4", "Ferry operators warned", "warn"),
        ],
    )
    b = dict(BRIDGE_B, timeline=[entry("s1", "The crossing took its first cars", "take")])
    result = compare_story("story-1", [a, b])
    assert len(result["timeline"]) == 3  # the wording differs too much to line the two up
    events = [g for g in result["gaps"] if g["kind"] == "event"]
    assert [g["label"] for g in events] == ["2024-02-26: Ferry operators warned"]
    assert events[0]["missing_from"] == ["b1"]


def test_two_accounts_of_who_struck_are_neither_the_same_nor_a_contradiction() -> None:
    def story(attacker: str, attribution: str, rid: str) -> dict[str, Any]:
        return record(
            rid,
            "Market shelled",
            [
                f"{attacker} shelled the old market in Lyon on Tuesday, killing four "
                f"people, {attribution}.",
                "The market had reopened a week earlier.",
            ],
            outlet=f"Outlet {rid}",
        )

    first = story("French artillery", "local officials said", "f1")
    second = story("German artillery", "according to officials", "g1")
    pairs = compare_story("story-1", [first, second])["alignments"]
    about_the_strike = [
        p for p in pairs if p["kind"] != "unique" and p["items"][0]["sentence_id"] == "s1"
    ]
    assert about_the_strike == [], about_the_strike


@pytest.mark.parametrize(
    ("first", "second", "apart"),
    [
        ("The strike lasted 12 days.", "The walkout went on for eleven days.", True),
        ("The strike lasted 12 days.", "The walkout went on for 12 days in all.", False),
        ("The strike lasted 12 days.", "Pay talks took three weeks.", False),
        ("The council votes on Wednesday.", "A vote is planned for Thursday.", True),
        ("The council votes on Wednesday.", "On Wednesday the council will vote.", False),
        ("The council votes on Wednesday.", "The council will vote soon.", False),
    ],
)
def test_different_spans_or_weekdays_keep_close_sentences_apart(
    first: str, second: str, apart: bool
) -> None:
    assert conflicting_times(first, second) is apart


def test_paraphrases_that_time_the_event_differently_are_not_the_same() -> None:
    # Invented: two outlets' near-identical sentences about one strike, 12 days against 11.
    first = record(
        "d1",
        "Dock strike ends",
        ["The dock strike in Harwick ended on Friday after lasting 12 days, the union said."],
        outlet="Outlet d1",
    )
    second = record(
        "d2",
        "Dock strike over",
        ["The dock strike in Harwick ended on Friday after lasting 11 days, the union said."],
        outlet="Outlet d2",
    )
    pairs = compare_story("story-1", [first, second])["alignments"]
    assert [p for p in pairs if p["kind"] == "same"] == [], pairs


def test_a_claim_whose_counts_another_source_writes_is_not_its_own() -> None:
    from parallax.comparison.alignment import counted_elsewhere
    from parallax.number_words import counts_in

    # Invented: "Seventeen were hurt" is told in the other source's long lede as "17".
    other = [[counts_in("A tram left the rails on Monday, killing two and injuring 17.")]]
    mine: list[list[set[int]]] = [[]]
    assert counted_elsewhere(counts_in("Seventeen people were hurt."), [*mine, *other], 0)
    assert not counted_elsewhere(counts_in("Forty people were hurt."), [*mine, *other], 0)
    assert not counted_elsewhere(counts_in("Two people died."), [*mine, *other], 0)  # < 10


def test_a_dateline_is_no_subject_and_a_count_the_tagger_dated_no_time() -> None:
    # Invented wire copy: the dateline's city had been the subject of the killing, and
    # "wounding 40" a time of the clause, so the two tolls were never the same measure.
    first, second = parse_figures(
        [
            "KHARKIV, June 3 — A Russian missile struck a school in Izium on Tuesday, "
            "killing 12 people and wounding 40, the governor said.",
            "Local officials said a missile hit a school in the town, killing 9 people.",
        ]
    )
    killed = next(f for f in first if f.predicate == "kill")
    assert killed.subject == frozenset({"missile"})
    assert killed.when == frozenset()
    found = disagreement(first, second)
    assert found is not None and (found.first.text, found.second.text) == ("12", "9")
