"""The Markdown report's who-did-what table never shows a denial or a plan as a deed."""

from __future__ import annotations

from typing import Any, cast

from parallax.record import EventRecord
from parallax.report.markdown import _action


def _event(**fields: Any) -> EventRecord:
    return cast(EventRecord, {"action": "target", **fields})


def test_an_act_told_as_done_is_shown_plainly() -> None:
    assert _action(_event(action_text="targeted")) == "target"


def test_a_denied_or_supposed_act_says_it_was_not_told_as_done() -> None:
    shown = _action(_event(action_text="denied targeting", hypothetical=True))
    assert shown == 'target (not told as done: "denied targeting")'


def test_a_promised_act_says_so() -> None:
    shown = _action(_event(action="send", action_text="to send", intended=True))
    assert shown == "send (promised or planned)"
