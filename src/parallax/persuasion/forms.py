"""The form a cue's sentence must also have before the cue is shown.

A cue (:mod:`parallax.persuasion.rules`) is a span the reader can see, shown when the
technique's sentence head agrees. The heads were trained on memes, where a cue nearly
always is the technique; in news the same words often report. For two cues the technique
is a form of the sentence, not the word, and the cue is shown only where the form is there:

- reductio ad hitlerum sets someone beside the Nazis. Naming them is reporting history
  ("the Nazi occupation of the city") or describing a group ("a neo-Nazi group"); the cue
  is shown only in a sentence that compares ("likened ... to", "like", "reminiscent of");
- a false dilemma ("either ... or") is put to the audience: "either we act now or we lose
  everything". News sets out the options open to someone ("residents can either evacuate
  or shelter in place", "candidates must either pay a fee or collect signatures"), so the
  either-or cue is shown only in a sentence that speaks to or for its readers (we, you).
  The other dilemma cues ("there is no alternative", "with us or against us") are the form
  themselves;
- a slogan is chanted, not mentioned: a slogan's words inside a sentence about something
  else name it ("supporters wearing Make America Great Again hats", "banners reading Down
  with the war"), so a slogan cue is shown only where it stands as the sentence, ends in
  an exclamation mark or follows a colon.
"""

from __future__ import annotations

import re

from parallax.persuasion.rules import SentenceLike, TechniqueSpan

_I = re.IGNORECASE
_COMPARES = re.compile(
    r"\b(?:like|likens?|likened|likening|compar\w+|akin to|reminiscent of"
    r"|echo(?:es|ed|ing)?|evok\w+|worthy of|just as|no different from|the same as"
    r"|(?:exactly|just|precisely) what"
    r"|(?:new|modern-day|latter-day) (?:hitler|nazis?|gestapo))\b"
    r"|\b(?:hitler|nazi|gestapo)[- ]style\b",
    _I,
)
_AUDIENCE = re.compile(r"\b(?:we|us|our|you|your)\b", _I)
_FORMS: tuple[tuple[str, re.Pattern[str] | None, re.Pattern[str]], ...] = (
    ("reductio_ad_hitlerum", None, _COMPARES),
    ("black_and_white", re.compile(r"either\b", _I), _AUDIENCE),
)
"""(technique, the cue it applies to (None: every cue), the form its sentence needs)."""
_EDGE = " \t\"'“”‘’()-—–"
"""What may stand around a slogan that is its own sentence: space, quote marks, dashes."""


def in_form(span: TechniqueSpan, sentence: SentenceLike) -> bool:
    """Whether a cue span's sentence has the form its technique needs.

    Cues without a form here need none beyond the cue itself.
    """
    text = sentence.text
    start, end = span.start - sentence.start, span.end - sentence.start
    if span.name == "slogans":
        return _chanted(text, start, end)
    for name, applies, form in _FORMS:
        if span.name != name or (applies is not None and not applies.match(text[start:end])):
            continue
        if not form.search(text):
            return False
    return True


def _chanted(text: str, start: int, end: int) -> bool:
    """Whether the slogan at ``text[start:end]`` stands alone, is exclaimed or follows a colon."""
    before, after = text[:start].strip(_EDGE), text[end:].strip(_EDGE)
    if after.startswith("!") or before.endswith(":"):
        return True
    return not before and after in ("", ".", "!")
