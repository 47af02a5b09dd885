"""Score floors for events and actors on MEANTIME (raised, never lowered, as they improve)."""

from __future__ import annotations

import pytest

from conftest import shared_path


@pytest.mark.slow
@pytest.mark.shared
def test_meantime_event_and_actor_floors() -> None:
    from parallax_dev.evaluation import meantime

    root = shared_path("datasets", "meantime_newsreader_en")
    events = meantime.evaluate(root, part="events")["events"]
    assert events["triggers"]["precision"] >= 0.88
    assert events["triggers"]["f1"] >= 0.62  # 0.660 (2026-12-07)
    assert events["participants"]["f1"] >= 0.51  # 0.516 (2026-12-06); 0.474 before issue 18
    # Issue 18: a date given to an event must be the time gold places it at (0.933 on 105).
    assert events["dated"]["predicted"] >= 110  # 118 (2026-12-07, second session)
    assert events["dated"]["precision"] >= 0.92
    assert events["agent_judged"]["precision"] >= 0.95  # 0.959
    assert events["target_judged"]["precision"] >= 0.73  # 0.747; 0.614 before issue 18
    # Time expressions with the creation date as anchor.
    assert events["timex_value"]["precision"] >= 0.785  # 0.791 (227 / 287)
    actors = meantime.evaluate(root, part="actors")["actors"]
    # RAISED from 0.905 on 2026-12-08 (seventh session): 0.910, once a firm's short name the
    # tagger typed as a place is the firm.
    # 0.909 over 841 named mentions (2026-12-07, fifth session, once an acronym is the
    # name whose initials it holds; 0.906 the night before; 0.902 before a surname read as
    # a law's name was the person; 0.885 before a firm's legal and short names were one
    # actor; 0.973 over the 300 first mentions the reader took before 2026-12-06).
    assert actors["named_bcubed"]["f1"] >= 0.907
    # Issue 16: "the company" must be the firm gold says (0.757 on 37 judged, 2026-12-06
    # evening, once a name ending in a line of business is a firm; 0.750 on 32 before;
    # 0.375 on 8 before descriptions of firms and of a body by its name's last word).
    assert actors["descriptions"]["predicted"] >= 40  # 42 at 0.810 (2026-12-07)
    assert actors["descriptions"]["precision"] >= 0.75
    # Pronouns the same way (0.656 on 262 when first measured, 2026-12-07; 0.683 on 249
    # once a reading the text leaves open is no longer guessed).
    assert actors["pronouns"]["predicted"] >= 240
    assert actors["pronouns"]["precision"] >= 0.67
    # Issue 18: a knowledge-base link must be right (measured 0.955 on 67 judged links).
    assert actors["links"]["predicted"] >= 240  # 244 (2026-12-07, second session)
    assert actors["links"]["precision"] >= 0.9


@pytest.mark.shared
def test_meantime_reader_rebuilds_text_and_annotations() -> None:
    root = shared_path("datasets", "meantime_newsreader_en")
    from parallax_dev.evaluation.meantime import documents

    gold = next(documents(root))
    assert gold.event_mentions and gold.entity_mentions and gold.participants
    for tokens, _pos in gold.event_mentions.values():
        for token in tokens:
            start = gold.token_start[token]
            assert gold.text[start] != " "
