"""Role-bound figures: what each number and year in a sentence measures, and of whom.

Two sources disagree on a figure only when both figures measure the same quantity of the same
event: "Pelosi has led House Democrats since 2002" and "... since 2003" do, "a 1976 law" and
"the 2001 attacks" do not (one dates a law, the other attacks), nor do "$716 billion" cut by
one person and "$800 billion" cut by another's plan. So every figure of a sentence is read
from its dependency parse with its roles, in the spirit of the claim role binding
(:mod:`parallax.claims.roles`):

- **measured**: the noun the number counts ("31st *member*", "97-1 *vote*"), the unit when
  the number stands alone ("$716 billion" measures dollars), the subject of a copula whose
  attribute is the number ("the final *tally* was 97-1"); for a year, the event word it dates
  ("the 2001 *attacks*", "*founded* in 1949") and its preposition ("since", "from", "in");
- **predicate**: the verb of the clause the figure belongs to, with its negation;
- **subject**: the names (or the noun) the predicate is about, following participles and
  relative clauses back to the noun they describe ("NATO, founded in 1951");
- **where** and **when**: the places the clause names and its other time expressions,
  a time of day or a "since" phrase included. Six civilians killed in one city and 75 in
  another, a toll "as of 13:00" and a later one, one strike's dead and a region's dead
  "since the invasion began" are counts of different things.

A figure whose roles cannot be read (no measured word, no subject, a pronoun subject) is
kept for agreement ("both report 97-1") but never makes a disagreement. Parsing is done only
for the few sentence pairs that are already close in meaning, so a story of a handful of
articles stays quick.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from parallax.datelines import without_dateline
from parallax.number_words import CARDINALS, ORDINALS, TENS

_YEAR = re.compile(r"(1[5-9]\d\d|20\d\d)")
_SCORE = re.compile(r"\d{1,3}-\d{1,3}")
_DIGITS = re.compile(r"\d[\d,]*(?:\.\d+)?")
_STAMP = re.compile(r"\d{1,2}:\d{2}|\d{1,2}\.\d{1,2}\.\d{2,4}")
"""A time of day ("15:29") or a dotted date ("29.10.22"): a time stamp, never a count."""
PLACES = frozenset({"GPE", "LOC", "FAC"})
SCALES = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
UNITS = {"$": "dollars", "%": "percent", "percent": "percent", "€": "euros", "£": "pounds"}
_APPROXIMATE_WORDS = (
    "about around roughly nearly almost approximately some over more less than least up under"
    " estimated"
)
APPROXIMATE = frozenset(_APPROXIMATE_WORDS.split())
COPULAS = frozenset({"be", "become", "remain"})
TIME_PREPOSITIONS = {"on": "in", "at": "in", "during": "in", "of": "in"}
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
CLIMB_FOR_SUBJECT = frozenset({"advcl", "xcomp", "conj", "pcomp"})
NOUN_MODIFIER_DEPS = frozenset({"nummod", "compound", "amod", "quantmod", "nmod", "npadvmod"})
LABEL_WORDS = frozenset({"no", "number", "amendment", "article", "section", "chapter", "title"})
"""Words a following number labels rather than counts."""
APPROXIMATE_TOLERANCE = 0.2
"""Figures said to be approximate ("nearly $44 million") disagree only beyond this share."""
AT_LEAST = frozenset({"over", "more", "least", "above", "exceeding"})
"""Hedges that make a figure a lower bound ("more than 1,000", "at least 1,800")."""
AT_MOST = frozenset({"under", "less", "fewer", "most", "below", "up"})
"""Hedges that make a figure an upper bound ("fewer than 50", "up to 30")."""
_NOT_A_FACT_WORDS = (
    "expect predict forecast project anticipate estimate hope want plan propose seek aim target"
    " call demand"
)
NOT_A_FACT = frozenset(_NOT_A_FACT_WORDS.split())
"""Verbs above a figure's clause that make it a forecast, aim or demand, not a reported fact
("analysts were expecting the rate to fall to 5.7%")."""
HYPOTHETICAL_AUX = frozenset({"would", "could", "might", "may", "should", "will", "'ll"})


@dataclass(frozen=True)
class Figure:
    """A number or year of a sentence with the roles it plays.

    Attributes:
        kind: ``"year"``, ``"number"`` (cardinal, amount) or ``"ordinal"``, or ``"score"``
            ("97-1").
        value: the value (a score as its text).
        text: the figure as written.
        measured: the lemma of what it measures or, for a year, of the event it dates.
        phrase: the words a reader recognises it by ("31st member", "since 2002").
        preposition: for a year, how it dates the event ("since", "from", "in").
        unit: dollars, percent ... or "".
        predicate: the lemma of the clause's verb (copulas read as "be").
        negated: the predicate is negated.
        subject: lowercased name words (or the noun lemma) the predicate is about.
        approximate: the text hedges the figure ("about", "nearly", "more than").
        when: the other dates of the figure's clause ("between 2011 and 2014"), lowercased.
        hedge: ``"min"`` for a lower bound ("more than"), ``"max"`` for an upper bound
            ("fewer than"), ``"about"`` for an approximation, ``""`` for an exact figure.
        qualifiers: the words that narrow a common-noun subject ("food" in "food prices"),
            lowercased lemmas; a narrower subject is another quantity.
        factual: the figure is reported as fact, not forecast, aimed at or hypothetical
            ("economists had predicted 1 million jobs", "would cut $800 billion").
        where: the capitalised words of the places the clause names ("kharkiv"), lowercased,
            the subject's own name left out.
        head: the index of the figure's head token in its parse (-1 when not parsed), for
            readings that take further roles from the parse (:mod:`~.pledges`).
    """

    kind: str
    value: float | str
    text: str
    measured: str | None
    phrase: str
    preposition: str
    unit: str
    predicate: str | None
    negated: bool
    subject: frozenset[str]
    approximate: bool
    when: frozenset[str] = frozenset()
    hedge: str = ""
    qualifiers: frozenset[str] = frozenset()
    factual: bool = True
    where: frozenset[str] = frozenset()
    head: int = -1

    @property
    def bound(self) -> bool:
        """Whether every role needed to compare it was read, and it is reported as fact."""
        return bool(self.measured and self.predicate and self.subject and self.factual)

    def same_measure(self, other: Figure) -> bool:
        """Whether both figures measure the same quantity of the same event."""
        return (
            self.bound
            and other.bound
            and self.kind == other.kind
            and self.measured == other.measured
            and self.preposition == other.preposition
            and self.unit == other.unit
            and self.predicate == other.predicate
            and self.negated == other.negated
            and bool(self.subject & other.subject)
            and self.qualifiers == other.qualifiers
            # Counts in different places are other quantities (one side unplaced may agree).
            and bool(self.where & other.where or not (self.where and other.where))
            # A figure dated by its clause ("by Tuesday") and one not dated, or dated
            # otherwise, may be counts of different days. A rank in a sequence ("the 31st
            # member") does not change from day to day: only two dates that differ part it.
            and (
                self.when == other.when
                if self.kind != "ordinal"
                else not (self.when and other.when and not self.when & other.when)
            )
        )

    def agrees(self, other: Figure) -> bool:
        """Whether the two values can be the same (within the hedge, when hedged)."""
        if isinstance(self.value, str) or isinstance(other.value, str):
            return self.value == other.value
        if self.value == other.value:
            return True
        low_a, high_a = self.interval()
        low_b, high_b = other.interval()
        return low_a <= high_b and low_b <= high_a

    def interval(self) -> tuple[float, float]:
        """The values the figure allows: a bound is open on one side, a hedge widens it."""
        assert isinstance(self.value, float)
        value = self.value
        if self.hedge == "min":
            return value, float("inf")
        if self.hedge == "max":
            return float("-inf"), value
        if self.approximate:
            spread = abs(value) * APPROXIMATE_TOLERANCE
            return value - spread, value + spread
        return value, value


def number_value(word: str) -> float | None:
    """The value of one number word ("thirty", "first"), or None."""
    found = CARDINALS.get(word) or TENS.get(word) or ORDINALS.get(word)
    if found is None and word.endswith("ieth"):
        found = TENS.get(word[:-4] + "y")
    return float(found) if found is not None else None


_NUMBER_WORD = re.compile(
    r"\d|\b(?:" + "|".join(sorted({*CARDINALS, *TENS, *ORDINALS, *SCALES})) + r")\b", re.I
)


def has_figure(text: str) -> bool:
    """Whether a text states a number (in digits or words), so that parsing it may pay."""
    return bool(_NUMBER_WORD.search(text))


def _name_key(token: Any) -> frozenset[str]:
    """The words that name what a subject token refers to (empty when that is unknown).

    A pronoun is unknown, and so is a common noun owned by a pronoun ("his tax rate": whose
    is not resolved here); a common noun owned by a name carries the name ("the Clintons'
    tax rate").
    """
    if token.pos_ == "PRON":
        return frozenset()
    words = [token, *(c for c in token.children if c.dep_ in {"compound", "flat"})]
    names = [w for w in words if w.pos_ == "PROPN"]
    key = {_word(w) for w in (names or [token])}
    if not names:
        for owner in (c for c in token.children if c.dep_ == "poss"):
            if owner.pos_ == "PRON":
                return frozenset()
            key |= _name_key(owner)
    return frozenset(key)


def _word(token: Any) -> str:
    text = token.text if token.pos_ == "PROPN" else token.lemma_
    return str(text).lower().replace("\u2019", "'").removesuffix("'s")


def _predicate(token: Any) -> Any | None:
    """The nearest verb at or above ``token`` (None at a verbless root)."""
    node, steps = token, 0
    while steps < 30:
        if node.pos_ in {"VERB", "AUX"}:
            return node
        if node.head.i == node.i:
            return None
        node, steps = node.head, steps + 1
    return None


def _subject(predicate: Any) -> frozenset[str]:
    node = predicate
    for _ in range(6):
        for child in node.children:
            if child.dep_ in SUBJECT_DEPS:
                if child.pos_ == "PRON" and child.lower_ in {"who", "which", "that"}:
                    return _name_key(node.head) if node.dep_ == "relcl" else frozenset()
                return _name_key(child)
        if node.dep_ in {"acl", "relcl"}:
            return _name_key(node.head)
        # A clause with its own tense has its own subject; "to" marks an infinitive, which
        # takes the subject above it ("the bridge is expected to open in 2029").
        finite = any(c.dep_ in {"aux", "auxpass"} and c.lower_ != "to" for c in node.children)
        if node.dep_ not in CLIMB_FOR_SUBJECT or finite or node.head.i == node.i:
            return frozenset()
        node = node.head
    return frozenset()


def _lemma(token: Any) -> str:
    lemma = str(token.lemma_).lower()
    return "be" if lemma in COPULAS else lemma


def _is_numeric(token: Any) -> bool:
    text = token.lower_
    return bool(
        token.like_num
        or token.pos_ == "NUM"
        or _DIGITS.match(text)
        or text in SCALES
        or text in UNITS
        or number_value(text) is not None
        or token.ent_type_ == "ORDINAL"
    )


def _runs(doc: Any) -> list[list[Any]]:
    """Contiguous runs of number tokens ("$ 716 billion", "thirty - first", "97 - 1")."""
    runs: list[list[Any]] = []
    current: list[Any] = []
    for token in doc:
        joiner = (
            (token.text in {"-", "\u2013"} or (token.lower_ == "to" and _tally(current)))
            and current
            and token.i + 1 < len(doc)
        )
        if _is_numeric(token) or (joiner and _is_numeric(doc[token.i + 1])):
            current.append(token)
            continue
        if current:
            runs.append(current)
        current = []
    if current:
        runs.append(current)
    return [r for r in runs if any(_DIGITS.match(t.text) or number_value(t.lower_) for t in r)]


TALLY_WORDS = frozenset({"vote", "margin", "tally"})
VOTING_VERBS = frozenset(
    {"approve", "confirm", "defeat", "override", "pass", "ratify", "reject", "vote"}
)
"""Verbs a chamber's count of votes follows ("approved the bill 68 to 31", "passed it 241
to 183"): with one of them governing the number, "to" joins the two sides of a tally."""


def _tally(run: Sequence[Any]) -> bool:
    """Whether a lone whole number opens a vote's tally ("voted 5 to 4", "a vote of 7 to 2").

    Elsewhere "to" joins the ends of a range or a change ("from 5 to 7", "aged 18 to 24"),
    which is no score: a tally needs a word of voting just before it, or a verb of voting
    governing it ("approved the bill 68 to 31").
    """
    if len(run) != 1 or not run[0].text.isdigit():
        return False
    doc = run[0].doc
    before = [doc[i] for i in range(max(0, run[0].i - 2), run[0].i)]
    if before and before[-1].lower_ in {"from", "between"}:
        return False
    return bool(before) and (
        before[-1].lemma_.lower() in TALLY_WORDS
        or (
            before[-1].lower_ == "of"
            and len(before) == 2
            and before[0].lemma_.lower() in TALLY_WORDS
        )
        or _voted(run[0])
    )


def _voted(number: Any) -> bool:
    """Whether a verb of voting governs ``number`` directly or through one word."""
    head = number.head
    for _ in range(2):
        if head.pos_ in {"VERB", "AUX"}:
            return bool(head.lemma_.lower() in VOTING_VERBS)
        if head.head.i == head.i:
            return False
        head = head.head
    return False


def _head_of(run: Sequence[Any]) -> Any:
    inside = {t.i for t in run}
    outside = [t for t in run if t.head.i not in inside or t.head.i == t.i]
    return outside[-1] if outside else run[-1]


def _value(run: Sequence[Any]) -> tuple[str, float | str] | None:
    text = "".join(t.text_with_ws for t in run).strip()
    compact = re.sub(r"\s*\bto\b\s*", "-", text).replace(" ", "")
    if _SCORE.fullmatch(compact):
        return "score", compact
    if _YEAR.fullmatch(compact):
        return "year", float(compact)
    value: float | None = None
    scale = 1.0
    ordinal = False
    for token in run:
        word = token.lower_
        if word in SCALES:
            scale *= SCALES[word]
            continue
        match = _DIGITS.match(word)
        if match:
            value = float(match.group().replace(",", ""))
            ordinal = ordinal or word.endswith(("st", "nd", "rd", "th"))
            continue
        number = number_value(word)
        if number is not None:
            value = (value or 0.0) + number if value and value >= 20 else number
            ordinal = ordinal or token.ent_type_ == "ORDINAL" or word.endswith(("th", "st"))
    if value is None:
        return None
    return ("ordinal" if ordinal else "number"), value * scale


def _hedge_words(run: Sequence[Any], head: Any) -> set[str]:
    doc = head.doc
    before = {doc[i].lower_ for i in range(max(0, run[0].i - 2), run[0].i)}
    return before | {c.lower_ for t in run for c in t.children}


def _approximate(run: Sequence[Any], head: Any) -> bool:
    return bool(_hedge_words(run, head) & APPROXIMATE)


def _hedge(run: Sequence[Any], head: Any) -> str:
    """Whether the figure is a lower bound, an upper bound, an approximation, or exact."""
    words = _hedge_words(run, head)
    if words & AT_LEAST and not words & {"less", "fewer", "most", "under", "below"}:
        return "min"
    if words & AT_MOST:
        return "max"
    return "about" if words & APPROXIMATE else ""


def _factual(predicate: Any) -> bool:
    """Whether the clause is reported as fact: no modal, and no verb of forecast or aim above.

    "Economists had predicted America would add 1 million jobs", "analysts were expecting
    the rate to fall to 5.7%": the figure is an expectation, which the actual figure does not
    contradict.
    """
    node = predicate
    for _ in range(6):
        if _lemma(node) in NOT_A_FACT:
            return False
        if any(c.dep_ == "aux" and c.lower_ in HYPOTHETICAL_AUX for c in node.children):
            return False
        if node.head.i == node.i or node.dep_ not in {"xcomp", "ccomp", "conj", "advcl", "acl"}:
            break
        node = node.head
    if _lemma(node) in NOT_A_FACT:
        return False
    # A noun of forecast owning the clause ("forecasts of economists, who had predicted").
    return not any(
        t.lemma_.lower() in {"forecast", "expectation", "estimate", "projection", "prediction"}
        for t in predicate.subtree
        if t.i < predicate.i and t.dep_ in SUBJECT_DEPS
    )


def _qualifiers(predicate: Any) -> frozenset[str]:
    """The common-noun modifiers of the predicate's subject ("food" in "food prices rose")."""
    for child in predicate.children:
        if child.dep_ in SUBJECT_DEPS and child.pos_ == "NOUN":
            return frozenset(
                _word(c)
                for c in child.children
                if c.dep_ in {"compound", "amod", "nmod"} and c.pos_ in {"NOUN", "ADJ"}
            )
    return frozenset()


def _clause_entities(predicate: Any, run: Sequence[Any], labels: set[str]) -> list[Any]:
    """The entities of ``labels`` inside the clause of ``predicate``, the figure's left out."""
    skip = {t.i for t in run}
    return [
        entity
        for entity in predicate.doc.ents
        if entity.label_ in labels
        and predicate.left_edge.i <= entity.start
        and entity.end - 1 <= predicate.right_edge.i
        and not skip & set(range(entity.start, entity.end))
    ]


def _when(predicate: Any, run: Sequence[Any]) -> frozenset[str]:
    """The time expressions of a clause other than the figure itself.

    Dates and times of day ("as of 13:00": a toll at that hour, not the final one), and a
    "since" phrase ("since the invasion began": a running total, not one day's count).
    """
    found = {
        e.text.lower()
        for e in _clause_entities(predicate, run, {"DATE", "TIME"})
        if not (e.text.isdigit() and len(e.text) != 4)  # "wounding 40": a count the tagger dated
    }
    inside = {t.i for t in run}
    for token in predicate.subtree:
        if _STAMP.fullmatch(token.text) and token.i not in inside:
            found.add(token.text)
        # A "since" of this clause, not of one inside it ("neutrality kept since the war").
        if token.lower_ != "since" or token.dep_ not in {"prep", "mark"}:
            continue
        phrase = list(token.subtree) if token.dep_ == "prep" else list(token.head.subtree)
        owner = token.head if token.dep_ == "prep" else token.head.head
        if owner.i == predicate.i and not inside & {t.i for t in phrase}:
            found.add(" ".join(t.lower_ for t in phrase))
    return frozenset(found)


def _where(predicate: Any, run: Sequence[Any]) -> frozenset[str]:
    """The capitalised words of the places the clause names, lowercased."""
    return frozenset(
        token.lower_
        for entity in _clause_entities(predicate, run, set(PLACES))
        for token in entity
        if token.text[:1].isupper()
    )


def _names_something(head: Any) -> bool:
    """Whether a number is part of a name or label ("Amendment 64", "the No. 2 job")."""
    owner = head.head
    if owner.i == head.i or owner.i > head.i:
        return False
    return bool(owner.pos_ == "PROPN" or owner.lower_.rstrip(".") in LABEL_WORDS)


def _age(head: Any) -> bool:
    """Whether a number is a person's age ("McCarthy, 49," "aged 16")."""
    before = head.doc[head.i - 1] if head.i > 0 else None
    if before is not None and before.lower_ in {"aged", "age"}:
        return True
    return bool(
        head.dep_ in {"appos", "amod", "npadvmod"}
        and head.head.ent_type_ == "PERSON"
        and before is not None
        and before.text == ","
    )


def _year_roles(head: Any) -> tuple[Any, str]:
    """The event a year dates and the preposition it dates it with."""
    node = head
    if node.head.ent_type_ == "DATE" and node.head.pos_ == "PROPN":  # "4 April 1949"
        node = node.head
    if node.dep_ == "pobj" and node.head.dep_ == "prep":
        preposition = node.head.lower_
        anchor = node.head.head
        for _ in range(4):  # "from 1967 to 1979": "to" hangs from "from" or from 1967
            if not (anchor.dep_ in {"prep", "pobj"} and anchor.pos_ in {"ADP", "SCONJ", "NUM"}):
                break
            anchor = anchor.head
        return anchor, TIME_PREPOSITIONS.get(preposition, preposition)
    if node.dep_ in NOUN_MODIFIER_DEPS:
        return node.head, ""
    return node, ""


def _measured(head: Any, unit: str) -> tuple[Any | None, str]:
    """What a number counts, and the unit it is in."""
    if head.dep_ in NOUN_MODIFIER_DEPS and head.head.pos_ in {"NOUN", "PROPN"}:
        noun = head.head
        return noun, UNITS.get(noun.lower_, unit)
    if unit:
        return head, unit
    if head.dep_ in {"attr", "acomp"}:
        for child in head.head.children:
            if child.dep_ in SUBJECT_DEPS and child.pos_ in {"NOUN", "PROPN"}:
                return child, unit
    return None, unit


def figures(doc: Any) -> list[Figure]:
    """The role-bound figures of one parsed sentence (a spaCy ``Doc`` or ``Span``)."""
    found = []
    for run in _runs(doc):
        if any(t.ent_type_ == "TIME" or _STAMP.fullmatch(t.text) for t in run):
            continue
        parsed = _value(run)
        if parsed is None:
            continue
        kind, value = parsed
        head = _head_of(run)
        if kind != "year" and head.ent_type_ == "DATE" and head.head.ent_type_ == "DATE":
            continue  # the day of a date
        if kind != "year" and (_names_something(head) or _age(head)):
            continue
        text = "".join(t.text_with_ws for t in run).strip()
        unit = next((UNITS[t.lower_] for t in run if t.lower_ in UNITS), "")
        after = head.doc[head.i + 1] if head.i + 1 < len(head.doc) else None
        if after is not None and after.lower_ in UNITS:
            unit = UNITS[after.lower_]
        preposition = ""
        if kind == "year":
            anchor, preposition = _year_roles(head)
            measured: Any | None = anchor
            what: str | None = _lemma(anchor)
            phrase = f"{anchor.text} {preposition} {text}" if preposition else text
            phrase = phrase if preposition else f"{text} {anchor.text}"
        else:
            measured, unit = _measured(head, unit)
            in_run = measured is not None and measured.i in {t.i for t in run}
            what = unit if in_run else (_lemma(measured) if measured is not None else None)
            phrase = text if measured is None or in_run else f"{text} {measured.text}"
        predicate = _predicate(measured if measured is not None else head)
        subject = _subject(predicate) if predicate is not None else frozenset()
        found.append(
            Figure(
                kind=kind,
                value=value,
                text=text,
                measured=what,
                phrase=phrase,
                preposition=preposition,
                unit=unit,
                predicate=_lemma(predicate) if predicate is not None else None,
                negated=predicate is not None and any(c.dep_ == "neg" for c in predicate.children),
                subject=subject,
                approximate=_approximate(run, head),
                when=_when(predicate, run) if predicate is not None else frozenset(),
                hedge=_hedge(run, head),
                qualifiers=_qualifiers(predicate) if predicate is not None else frozenset(),
                factual=predicate is None or _factual(predicate),
                where=_where(predicate, run) - subject if predicate is not None else frozenset(),
                head=head.i,
            )
        )
    return found


@lru_cache(maxsize=1)
def _parser() -> Any:
    from parallax.spacy_model import load_spacy

    return load_spacy()


def parse_figures(texts: Sequence[str]) -> list[list[Figure]]:
    """The figures of each text, parsing them in one batch with the shared spaCy model.

    A dateline is cut off first: "MOSCOW, May 14 — Russian forces ... killing 3 soldiers"
    parsed whole makes the dateline's place the subject of the killing.
    """
    nlp = _parser()
    return [figures(doc) for doc in nlp.pipe([without_dateline(t) for t in texts])]
