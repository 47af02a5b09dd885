"""Interviews printed as transcripts: "Name: words" is that person speaking.

News prints interviews as turns, each opened by a speaker label and a colon: "Q: Why did
the talks fail?" / "Berg: The other side walked out." No quotation mark or speech verb
marks such words as someone else's, so without this reading they were taken for the
article's own voice, and the interviewee's insults counted as the outlet's.

A label opens a turn only where the evidence is plain, since many lines of news also start
with a word and a colon ("Note:", "Update:", "Correction:", "Editor's note:", a dateline
"WASHINGTON:", a heading):

- the label stands at the start of a line, or right after the end of a sentence in a
  paragraph that itself opens with a label;
- it is either an interviewer's or an answerer's token (:data:`QUESTION_LABELS`,
  :data:`ANSWER_LABELS`), a role word for whoever conducts the interview or the broadcast
  ("Host:", "Moderator:", :data:`ROLE_LABELS`), or a person's name: one to four
  capitalised words that are the full name, or the last word of the full name, of a
  person actor the article names elsewhere, outside every label (a word that only ever
  appears as a label is no one the article introduces, and a place or a body is no
  speaker).

A turn runs from after its label to the next label or the end of its paragraph; paragraphs
without a label that lie between two turns go on with the turn before them (an answer
printed over several paragraphs), up to :data:`MAX_CONTINUED` of them. The interviewer's
lines are the interviewer's, not the outlet's reporting; the answerer's token names nobody
the article resolves, so its words are quoted speech with no speaker named.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

QUESTION_LABELS = frozenset({"q", "question"})
"""Labels of the interviewer's turns."""
ANSWER_LABELS = frozenset({"a", "answer", "guest", "interviewee"})
"""Labels of the answerer's turns when the transcript does not name the answerer."""
ROLE_LABELS = frozenset({"host", "interviewer", "moderator", "anchor", "presenter"})
"""Labels that name the role of whoever conducts a broadcast or an interview ("Host:").

Such a turn is that person's, as an interviewer's "Q:" is; the role, as printed, is its
speaker ("Host"), since the transcript names nobody the article resolves."""
INTERVIEWER = "interviewer"
"""How a question turn's speaker is written in the quotes layer."""
MAX_LABEL_WORDS = 4
MAX_CONTINUED = 6
"""Unlabelled paragraphs between two turns that still go on with the first: more, and the
article has more likely returned to its own narrative between two parts of an interview.
A paragraph that opens with a label of any kind ("Note:", a role no rule reads as a
speaker) ends the turn before it, as it would end a speaker's answer."""

_LABEL = re.compile(
    r"(?P<label>[A-Z][\w'\u2019.-]*(?:[ \t]+[A-Z][\w'\u2019.-]*){0,3})[ \t]*:[ \t]+(?=\S)"
)
_SENTENCE_END = re.compile(r"[.?!][\"'\u201d\u2019)]*[ \t]+$")


@dataclass(frozen=True)
class Turn:
    """One speaker's turn: the words' character range and who speaks them."""

    start: int
    end: int
    label: str
    speaker: str | None
    speaker_text: str | None


def transcript_turns(text: str, actors: Sequence[dict[str, Any]]) -> list[Turn]:
    """The turns of every interview transcript in ``text`` (see the module), in text order.

    ``actors`` is the ``actors`` layer: a name label must be a person actor's.
    """
    labels = _labels(text, actors)
    if not labels:
        return []
    turns: list[Turn] = []
    for number, (_at, after, label, speaker, speaker_text) in enumerate(labels):
        paragraph_end = _line_end(text, after)
        following = labels[number + 1][0] if number + 1 < len(labels) else len(text)
        end = min(paragraph_end, following)
        lines = [p for p in text[paragraph_end:following].split("\n") if p.strip()]
        if (
            number + 1 < len(labels)
            and following > paragraph_end
            and len(lines) <= MAX_CONTINUED
            and not any(_LABEL.match(p.lstrip()) for p in lines)
        ):
            end = following  # unlabelled paragraphs up to the next label go on with this turn
        start, end = _trimmed(text, after, end)
        if start < end:
            turns.append(Turn(start, end, label, speaker, speaker_text))
    return turns


def _labels(
    text: str, actors: Sequence[dict[str, Any]]
) -> list[tuple[int, int, str, str | None, str | None]]:
    """(label start, words start, label, speaker id, speaker text) of each speaker label."""
    people = _people(text, actors)
    labelled = _people(text, actors, outside_labels=False)
    candidates = []  # (label start, words start, label, line start, opens its line)
    for match in _LABEL.finditer(text):
        at = match.start()
        line = text.rfind("\n", 0, at) + 1
        opens = not text[line:at].strip()
        if opens or _SENTENCE_END.search(text[line:at]):
            candidates.append((at, match.end(), match.group("label"), line, opens))
    labels = [c[2] for c in candidates]
    questions = any(_key(label) in QUESTION_LABELS | ROLE_LABELS for label in labels)
    found: list[tuple[int, int, str, str | None, str | None]] = []
    opened: set[int] = set()  # line starts of paragraphs that open with a speaker label
    asked: set[int] = set()  # line starts of paragraphs with an interviewer's label
    asked.update(c[3] for c in candidates if _key(c[2]) in QUESTION_LABELS | ROLE_LABELS)
    for at, after, label, line, opens in candidates:
        if not opens and line not in opened and line not in asked:
            continue  # "... said. Note: ..." inside a paragraph that is no transcript
        speaker = _speaker(label, people)
        if speaker is None and (questions or labels.count(label) > 1):
            speaker = _unresolved_name(text, label, candidates)
        if speaker is None and questions and labels.count(label) > 1:
            speaker = _full_name_label(label, labelled)
        if speaker is None:
            continue
        if opens:
            opened.add(line)
        found.append((at, after, label, *speaker))
    return found


def _key(label: str) -> str:
    return label.lower().rstrip(".")


def _speaker(
    label: str, people: dict[str, tuple[str, str]]
) -> tuple[str | None, str | None] | None:
    """(speaker id, speaker text) a label names, or None when it is no speaker label."""
    words = label.split()
    if len(words) > MAX_LABEL_WORDS:
        return None
    key = _key(label)
    if key in QUESTION_LABELS:
        return None, INTERVIEWER
    if key in ROLE_LABELS:
        return None, label
    if key in ANSWER_LABELS:
        return None, None
    initials = words[:-1]
    if any(len(w.rstrip(".")) > 1 for w in initials) and len(words) > 1:
        person = people.get(key)  # "Watch Jaden Smith:" is a headline, not Smith speaking
    else:
        person = people.get(key) or people.get(_surname(label))  # "Smith:", "J. Smith:"
    if person is None:
        return None
    return person[0], label


def _full_name_label(
    label: str, labelled: dict[str, tuple[str, str]]
) -> tuple[str | None, str | None] | None:
    """The speaker a full-name label names though the article names them only in labels.

    Only in a transcript with an interviewer's or a host's turn, for a label that opens
    more than one turn (the caller checks both) and is the whole name, of two to four
    words, of a person the entity tagger found ("Anna Berg:"): a printed interview often
    introduces its guest by the labels alone, while a heading ("Key Points:") is no person.
    """
    if not 2 <= len(label.split()) <= MAX_LABEL_WORDS:
        return None
    person = labelled.get(_key(label))
    if person is None or person[1].lower() != _key(label):
        return None
    return person[0], label


def _surname(label: str) -> str:
    """The last word of a label, past any initial ("J. Berg", "J.Berg": "berg")."""
    return re.split(r"[.\s]+", label.strip(". "))[-1].lower()


def _unresolved_name(
    text: str, label: str, candidates: Sequence[tuple[int, int, str, int, bool]]
) -> tuple[str | None, str | None] | None:
    """The speaker text of a name label no actor holds, in a transcript, on evidence.

    The entity tagger misses unfamiliar names, so the person may be no actor. A label in
    an article that is a transcript (one with an interviewer's turn, or with this label
    opening more than one turn) still names a speaker when the article writes its last word
    elsewhere, outside the labels, at the end of a full name: two to four capitalised words
    inside a sentence ("... asked Ilse Marten about ..." or "Ilse Marten has led ...").
    """
    words = label.split()
    if len(words) > MAX_LABEL_WORDS or not all(w[:1].isupper() for w in words):
        return None
    last = re.escape(_surname(label))
    name = re.compile(rf"\b(?:[A-Z][\w'\u2019-]+[ \t]+){{1,3}}(?i:{last})\b(?![ \t]*:)")
    if len(words) > 1 and any(len(w.rstrip(".")) > 1 for w in words[:-1]):
        name = re.compile(rf"\b(?i:{re.escape(label)})\b(?![ \t]*:)")  # the full name as such
    spans = [(at, after) for at, after, *_ in candidates]
    for match in name.finditer(text):
        if any(at <= match.start() < after for at, after in spans):
            continue
        if match.group(0).split()[0].lower() in _NOT_FIRST_NAMES:
            continue
        return None, label
    return None


_NOT_FIRST_NAMES = frozenset({"the", "a", "an", "mr", "mrs", "ms", "dr", "in", "at", "on"})
"""Capitalised words before a name that do not make it a full name ("The Marten case")."""


def _people(
    text: str, actors: Sequence[dict[str, Any]], *, outside_labels: bool = True
) -> dict[str, tuple[str, str]]:
    """Lower-cased full names and surnames -> (person actor id, name).

    Only names the article writes outside a label count, unless ``outside_labels`` is
    false; a surname two people share names neither of them.
    """
    forms: dict[str, set[tuple[str, str]]] = {}
    for actor in actors:
        if actor.get("type") != "person":
            continue
        if outside_labels and not _named_outside_labels(text, actor):
            continue
        name = str(actor.get("name") or "")
        words = name.split()
        if not words:
            continue
        entry = (str(actor["id"]), name)
        forms.setdefault(name.lower(), set()).add(entry)
        forms.setdefault(words[-1].lower(), set()).add(entry)
    return {form: next(iter(found)) for form, found in forms.items() if len(found) == 1}


def _named_outside_labels(text: str, actor: dict[str, Any]) -> bool:
    """Whether one of the actor's name mentions is not a speaker label ("Berg:")."""
    for mention in actor.get("mentions", []):
        if mention.get("kind") != "name":
            continue
        end = int(mention["end"])
        if not re.match(r"[ \t]*:", text[end : end + 3]):
            return True
    return False


def _line_end(text: str, at: int) -> int:
    end = text.find("\n", at)
    return len(text) if end < 0 else end


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while end > start and text[end - 1].isspace():
        end -= 1
    while start < end and text[start].isspace():
        start += 1
    return start, end
