"""Whether the title written before a name fits the knowledge-base person of that name.

A name is evidence of who is meant, and a title beside it is evidence too: "Senator John
Kennedy of Louisiana" speaking in 2024 is not the president killed in 1963, however well the
name matches; "Commissioner Bill Clinton" voting on a county contract is not the former
president; "Israeli President Herzog" is not the German president of the 1990s. A title contradicts
a link when:

- it names an office the knowledge base records (the domain pack's ``office_titles.tsv``)
  that the person never held, or held only for another state than the one the title names
  (a past holder of the office may be meant at any time: "President Carter" in a review of
  his memoir);
- it names another office (a senator, a commissioner, a mayor) and the article's date, and
  every year it writes, come after the person's last recorded office: a past leader seldom
  takes up a minor office, and a namesake often holds one. Before or during that career a
  lesser office is the usual way up ("Senator Marco Rubio" in 2016 is the later secretary
  of state).

A title marked as past ("former", "ex-", "the late", "then-") contradicts nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from parallax.actors.office_holders import as_date
from parallax.domains import domain_pack
from parallax.knowledge import Fact, KBEntity, KnowledgeBase

OFFICE_MARGIN = timedelta(days=2 * 365)
"""How far outside a term a title still fits: campaigns before, farewells after."""

PAST_MARKERS = frozenset({"former", "ex", "late", "then", "onetime", "erstwhile"})
"""Words before a title that put the office in the past."""

HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "sir", "dame", "lord", "lady"})
"""Forms of address that name no office (a closed class of English)."""

TITLE_OFFICES: dict[str, frozenset[str]] = {
    "president": frozenset({"head_of_state", "head_of_government"}),
    "premier": frozenset({"head_of_government"}),
    "chancellor": frozenset({"head_of_government"}),
    "minister": frozenset({"head_of_government"}),
    "leader": frozenset({"leader", "head_of_state", "head_of_government"}),
    "secretary": frozenset({"secretary_general"}),
}
"""Titles before a bare surname and the knowledge-base offices they can stand for.

"Minister" counts only as "Prime Minister" and "Secretary" only as "Secretary-General"
(checked where used): a defense secretary or a foreign minister holds none of these offices.
"""

TITLE_DEPS = frozenset({"compound", "amod", "nmod", "punct"})
_YEAR = re.compile(r"^(1[89]\d\d|20\d\d)$")


@dataclass(frozen=True)
class WrittenTitle:
    """The words before a name that give the person's office.

    Attributes:
        text: the title's words as written ("Israeli President", "Sen.").
        past: a word before the title puts it in the past ("former").
        states: the knowledge-base states the title names ("Israeli" is Israel).
    """

    text: str
    past: bool
    states: frozenset[str]


@lru_cache(maxsize=1)
def _office_patterns() -> tuple[tuple[re.Pattern[str], tuple[str, ...]], ...]:
    return tuple(
        (re.compile(rf"\b(?:{title})\b", re.IGNORECASE), offices)
        for title, offices in domain_pack().office_titles
    )


def recorded_offices(title: str) -> tuple[str, ...]:
    """The knowledge-base office properties a title's words name (none for other offices)."""
    for pattern, offices in _office_patterns():
        if pattern.search(title):
            return offices
    return ()


def title_before(ent: Any, state_of: Callable[[str], str | None]) -> WrittenTitle | None:
    """The title written right before the name ``ent`` (a spaCy span), if any.

    The title is the run of words before the name that modify it within its noun phrase
    ("Louisiana Sen.", "Israeli President", "Commissioner"); forms of address ("Mr.") are
    no title. ``state_of`` maps a word to the state it names ("Israeli" to Israel), or None.
    """
    doc = ent.doc
    words: list[Any] = []
    i = ent.start - 1
    while i >= 0:
        token = doc[i]
        if token.dep_ not in TITLE_DEPS or not ent.start <= _phrase_head(token) < ent.end:
            break
        if token.is_punct and token.text not in {".", "-", "\u2010"}:
            break
        words.insert(0, token)
        i -= 1
    words = [w for w in words if not w.is_punct]
    if not words:
        return None
    office = [w for w in words if w.lower_.rstrip(".") not in HONORIFICS]
    if not office:
        return None
    before = doc[words[0].i - 1].lower_ if words[0].i > 0 else ""
    past = before.rstrip("-") in PAST_MARKERS or any(
        w.lower_.rstrip("-") in PAST_MARKERS for w in office
    )
    states = {s for w in office if (s := state_of(w.text)) is not None}
    text = " ".join(_singular(w) for w in office if w.lower_.rstrip("-") not in PAST_MARKERS)
    return WrittenTitle(text, past, frozenset(states))


def _singular(word: Any) -> str:
    """A title word in the singular: "Presidents George W. Bush and Barack Obama".

    A plural title lists several holders of one office; each holder's title is the office's
    own name, which the recorded offices are written in.
    """
    return str(word.lemma_) if word.tag_ in {"NNS", "NNPS"} and word.lemma_ else str(word.text)


def _phrase_head(token: Any) -> int:
    """The index of the noun a title word finally modifies (through compounds)."""
    head = token.head
    while head.dep_ in TITLE_DEPS and head.head.i != head.i and head.i < head.head.i:
        head = head.head
    return int(head.i)


def title_fits(
    kb: KnowledgeBase,
    person: KBEntity,
    title: WrittenTitle,
    when: date | None,
    years: Iterable[int],
    office_properties: Iterable[str],
) -> bool:
    """Whether ``title`` can be the title of ``person`` (see the module).

    ``when`` is the publication date, ``years`` the years the article writes, and
    ``office_properties`` the knowledge-base properties that record someone's office. A
    person without a recorded office gives no evidence either way. The
    title of a recorded office the person once held fits at any time ("served under
    President George W. Bush" in 2021, "President Carter" in a memoir's review).
    """
    if title.past:
        return True
    named = recorded_offices(title.text)
    properties = named or tuple(office_properties)
    terms = [f for prop in properties for f in kb.facts_about(object=person.id, property=prop)]
    if named and title.states:
        terms = [f for f in terms if f.subject in title.states]
    if named and not terms:
        return False
    if named or not terms:
        return True
    ended = max(as_date(term.end, last=True) or date.max for term in terms)
    if when is not None and when <= _plus(ended, OFFICE_MARGIN):
        return True
    return any(year <= ended.year for year in years)


def in_term(term: Fact, when: date, margin: timedelta) -> bool:
    """Whether ``when`` falls in an office term, widened by ``margin`` on either side."""
    first = as_date(term.start, last=False) or date.min
    last = as_date(term.end, last=True) or date.max
    return _minus(first, margin) <= when <= _plus(last, margin)


def _minus(day: date, margin: timedelta) -> date:
    return date.min if day <= date.min + margin else day - margin


def _plus(day: date, margin: timedelta) -> date:
    return date.max if day >= date.max - margin else day + margin


def sentence_year(ent: Any) -> int | None:
    """The one year written in the sentence of ``ent`` ("In 1990, ..."), if exactly one.

    A year after "since" does not count: "has served since 1962" places the person now.
    """
    years = {int(t.text) for t in ent.sent if _YEAR.match(t.text) and not after_since(t)}
    return years.pop() if len(years) == 1 else None


def written_years(doc: Any) -> set[int]:
    """The years written anywhere in the article, except those after "since".

    "Has served in the Senate since 1962" says the person is still serving, at the time of
    writing; the year does not place them back then.
    """
    return {int(t.text) for t in doc if _YEAR.match(t.text) and not after_since(t)}


def after_since(token: Any) -> bool:
    """Whether a year token follows "since" (the start of a state lasting until now)."""
    return bool(token.i > 0 and token.doc[token.i - 1].lower_ == "since")


OFFICE_HEADS = frozenset({"secretary", "minister", "commissioner", "undersecretary"})
"""Title nouns whose "of" names the office's department ("Secretary of State")."""


def in_a_persons_title(ent: Any) -> bool:
    """Whether an organisation's name only says which office a named person holds.

    In "Defense Secretary Jim Mattis" or "Senate Majority Leader Mitch McConnell" the
    department or chamber is part of the person's title, a modifier inside the name's
    phrase; it does not act or speak there, so it is no mention of the organisation. So is
    the department an office is "of" ("Secretary of State", "Minister of Defence").
    """
    if ent.label_ != "ORG":
        return False
    root = ent.root
    if root.dep_ == "pobj" and root.head.lower_ == "of":
        # "Secretary of State Marco Rubio", "the Minister of Defence": an office's name
        return bool(root.head.head.lemma_.lower() in OFFICE_HEADS and root.head.head.i < ent.start)
    if root.dep_ != "compound":
        return False
    head = root.head
    while head.dep_ == "compound" and head.head.i != head.i:
        head = head.head
    return bool(head.ent_type_ == "PERSON" and head.i > ent.end - 1)


def title_names_an_office(ent: Any, offices: set[str]) -> bool:
    """Whether a title just before ``ent`` ("President Carter") stands for one of ``offices``.

    Only the first title word of the three before the name counts; "minister" must follow
    "prime" and "secretary" precede "general", since a defense secretary or a foreign
    minister holds none of the offices :data:`TITLE_OFFICES` maps.
    """
    doc = ent.doc
    window = list(doc[max(ent.start - 3, 0) : ent.start])
    for i, token in enumerate(window):
        title = token.lemma_.lower()
        following = window[i + 1].lower_ if i + 1 < len(window) else ent[0].lower_
        previous = window[i - 1].lower_ if i > 0 else ""
        if title == "minister" and previous != "prime":
            return False
        if title == "secretary" and following not in {"general", "-", "\u2010"}:
            return False
        if title in TITLE_OFFICES:
            return bool(TITLE_OFFICES[title] & offices)
    return False


def in_office(
    kb: KnowledgeBase,
    person: KBEntity,
    when: date,
    properties: tuple[str, ...],
    *,
    exact: bool = False,
    margin: timedelta = OFFICE_MARGIN,
) -> bool:
    """Whether the person held one of the offices on that day (with ``margin`` unless exact).

    The margin lets a report filed days after a handover still name the outgoing holder.
    """
    margin = timedelta(0) if exact else margin
    return any(
        in_term(fact, when, margin)
        for prop in properties
        for fact in kb.facts_about(object=person.id, property=prop)
    )


def offices_held(kb: KnowledgeBase, person: KBEntity, properties: tuple[str, ...]) -> set[str]:
    """The offices among ``properties`` the knowledge base says the person ever held."""
    return {
        fact.property
        for prop in properties
        for fact in kb.facts_about(object=person.id, property=prop)
    }
