"""Sums committed: two sources that give one aid package different amounts.

News of aid, grants and budgets reports a commitment in two grammatical forms: with a
verb of commitment ("Germany *pledged* 20 million euros in military aid to Ukraine") or
with a verb of giving in the future ("Germany *will send* Ukraine 25 million euros in
military aid"). Both state how much one giver commits to one recipient, so the figure
reader (:mod:`parallax.comparison.figures`), which pairs figures only under the same verb
and sets a modal clause aside as no fact, sees no common quantity in them. This module
reads such a commitment from the parse, with the roles that make two amounts one quantity:

- **amount**: a sum of money (a currency noun or sign: "20 million euros", "$5 billion");
- **giver**: the names of the clause's subject ("Germany", "the German government");
- **recipient**: the names after "to" or "for", or the indirect object ("send Ukraine");
- **what**: the noun the sum is of ("in military *aid*", "an aid *package*"), words of
  aid (aid, assistance, package, funding ...) read as one, with its narrowing words
  ("military", "humanitarian"): military aid and humanitarian aid are other quantities;
- **when**: the clause's dates, or, for a commitment told as someone's words ("Germany
  will send ..., Merz said on Wednesday"), the day it was said.

Two commitments disagree only when every role is read on both sides and matches, the
dates do not differ, and the amounts cannot be the same (within a hedge: "about 20
million"). Sums that are not one package's are never read: a running total ("a total of",
"so far", "since 2022"), a rate ("a year"), a further tranche ("an additional 5 million"),
a past delivery ("sent"), a negated, conditional or hypothetical clause ("would send", "if
..."), or a plan, aim or forecast ("plans to send", "is expected to pledge").
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from parallax.actors.speech import SPEECH_VERBS
from parallax.comparison.figures import NOT_A_FACT, Figure, figures
from parallax.datelines import without_dateline

COMMIT_VERBS = frozenset(
    {"pledge", "promise", "commit", "announce", "approve", "allocate", "earmark", "unveil"}
)
"""Verbs that state a commitment in any tense but the future ("pledged", "pledges")."""
GIVE_VERBS = frozenset(
    {"send", "give", "provide", "supply", "deliver", "donate", "grant", "transfer", "offer"}
)
"""Verbs of giving, which state a commitment only in the future ("will send"): in the past
they tell a delivery, which may be a part of what was pledged."""
FUTURE_AUX = frozenset({"will", "'ll", "shall"})
HYPOTHETICAL = frozenset({"would", "could", "might", "may", "should", "must", "can"})
CURRENCIES = {
    "euro": "euros",
    "dollar": "dollars",
    "pound": "pounds",
    "hryvnia": "hryvnias",
    "hryvnias": "hryvnias",
    "rouble": "roubles",
    "ruble": "roubles",
    "yen": "yen",
    "yuan": "yuan",
    "franc": "francs",
    "krone": "kroner",
    "krona": "kronor",
    "zloty": "zlotys",
}
MONEY_UNITS = frozenset({"dollars", "euros", "pounds"})
AID_NOUNS = frozenset(
    {"aid", "assistance", "help", "support", "package", "funding", "fund", "tranche"}
)
"""Nouns of one committed sum: an outlet's "aid" is another's "package"."""
FRESH = frozenset({"new", "fresh", "latest", "the", "a", "an", "this", "its", "worth"})
"""Modifiers that do not narrow what the sum is of ("new military aid" is military aid)."""
INCREMENT = frozenset({"additional", "another", "further", "extra", "more"})
"""A further tranche is not the package: "an additional 5 million" against "25 million"."""
RUNNING_TOTAL = frozenset(
    {"total", "overall", "altogether", "cumulative", "since", "far", "date", "all"}
)
"""Words of a running total ("a total of", "so far", "to date", "in all", "since 2022")."""
RATE = re.compile(r"\b(?:a|per|each|every)\s+(?:year|month|week|day|annum)\b|\bannually\b", re.I)
WEEKDAYS = frozenset(day.lower() for day in calendar.day_name)
MONTHS = frozenset(month.lower() for month in calendar.month_name[1:])
_CUE = re.compile(
    r"(?:[$€£]|\b(?:euro|dollar|pound|hryvni|r[ou]ble|yen|yuan|franc|kron|zlot))"
    r".*\b(?:pledg|promis|commit|announc|approv|allocat|earmark|unveil|send|sent|give|gave"
    r"|provid|suppl|deliver|donat|grant|transfer|offer)"
    r"|\b(?:pledg|promis|commit|announc|approv|allocat|earmark|unveil|send|give|provid|suppl"
    r"|deliver|donat|grant|transfer|offer)\w*\b.*(?:[$€£]|\b(?:euro|dollar|pound|hryvni"
    r"|r[ou]ble|yen|yuan|franc|kron|zlot))",
    re.IGNORECASE,
)
_CURRENCY_WORD = re.compile(
    r"[$€£]|\b(?:euro|dollar|pound|hryvni|r[ou]ble|yen|yuan|franc|kron|zlot)", re.I
)
SUFFIX_SCALES = {"k": 1e3, "m": 1e6, "mn": 1e6, "b": 1e9, "bn": 1e9, "t": 1e12, "tn": 1e12}
"""Scales headlines glue to a number ("$2.98B", "$723M", "€1bn")."""
_GLUED = re.compile(r"\d(?P<suffix>k|mn|m|bn|b|tn|t)$", re.IGNORECASE)
NAME_KEY = 5
"""Leading letters that make a country and its adjective one name ("Germany", "German")."""


@dataclass(frozen=True)
class Pledge:
    """A sum one named giver commits to one named recipient, read from one clause.

    Attributes:
        amount: the figure of the sum (value, hedge and text).
        currency: the currency's name ("euros").
        what: what the sum is of ("aid" for any word of aid, else the noun's lemma).
        qualifiers: the words that narrow it ("military"), lowercased lemmas.
        giver: the giver's name keys (leading letters, lowercased).
        recipient: the recipient's name keys.
        when: the date words of the clause or of the saying that tells it, lowercased.
        phrase: the giver, the verb, the sum and the recipient as written.
        about: the sum's thing as written, for the reason ("military aid").
    """

    amount: Figure
    currency: str
    what: str
    qualifiers: frozenset[str]
    giver: frozenset[str]
    recipient: frozenset[str]
    when: frozenset[str]
    phrase: str
    about: str

    @property
    def sum(self) -> str:
        """The sum with its currency ("20 million euros", "$5 billion")."""
        text = self.amount.text
        return text if _CURRENCY_WORD.search(text) else f"{text} {self.currency}"

    def same_package(self, other: Pledge) -> bool:
        """Whether both sums are the one commitment of one giver to one recipient."""
        return (
            self.currency == other.currency
            and self.what == other.what
            and self.qualifiers == other.qualifiers
            and bool(self.giver & other.giver)
            and bool(self.recipient & other.recipient)
            and bool(not self.when or not other.when or self.when & other.when)
        )


@dataclass(frozen=True)
class PledgeClash:
    """Two sums given for one package that cannot both be right."""

    first: Pledge
    second: Pledge

    def describe(self, first_source: str = "one", second_source: str = "the other") -> str:
        """The one-line reason a reader can check against both sentences."""
        return (
            f"figures differ for the same {self.first.about}: {self.first.sum} vs "
            f"{self.second.sum}: {first_source} says "
            f"\u201c{self.first.phrase}\u201d, {second_source} says "
            f"\u201c{self.second.phrase}\u201d"
        )


def has_pledge(text: str) -> bool:
    """Whether a sentence names a sum of money and a verb of giving, so parsing may pay."""
    return bool(_CUE.search(text))


def _words(tokens: Iterable[Any]) -> str:
    """Tokens as written, in the sentence's order."""
    ordered = sorted({t.i: t for t in tokens}.items())
    return "".join(t.text_with_ws for _, t in ordered).strip()


def _names(tokens: Iterable[Any]) -> frozenset[str]:
    """The name keys among ``tokens``: proper nouns and nationalities, leading letters."""
    return frozenset(
        t.lower_[:NAME_KEY]
        for t in tokens
        if t.pos_ == "PROPN" or t.ent_type_ in {"GPE", "NORP", "ORG"}
        if t.ent_type_ not in {"DATE", "TIME", "MONEY", "CARDINAL"} and t.is_alpha and not t.is_stop
    )


def _currency(doc: Any, figure: Figure) -> str | None:
    """The currency of a sum: its unit, the noun it counts, or the noun after it ("euro aid")."""
    if figure.unit in MONEY_UNITS:
        return figure.unit
    after = doc[figure.head + 1] if figure.head + 1 < len(doc) else None
    word = after.lemma_.lower() if after is not None and after.pos_ == "NOUN" else ""
    return CURRENCIES.get(figure.measured or "") or CURRENCIES.get(word)


def _verb(token: Any) -> Any | None:
    """The nearest verb at or above ``token``."""
    node = token
    for _ in range(12):
        if node.pos_ in {"VERB", "AUX"}:
            return node
        if node.head.i == node.i:
            return None
        node = node.head
    return None


def _commits(verb: Any) -> bool:
    """Whether the clause states a commitment as fact (see the module's docstring)."""
    lemma = verb.lemma_.lower()
    auxes = {c.lower_ for c in verb.children if c.dep_ in {"aux", "auxpass"}}
    if any(c.dep_ == "neg" for c in verb.children) or auxes & HYPOTHETICAL:
        return False
    if any(c.dep_ == "mark" and c.lower_ in {"if", "unless", "whether"} for c in verb.children):
        return False
    if lemma in COMMIT_VERBS:
        told = not auxes & (FUTURE_AUX | {"to"})  # "will pledge": a pledge still to come
    elif lemma in GIVE_VERBS:
        told = bool(auxes & FUTURE_AUX)  # "sent": a delivery, maybe a part of the pledge
    else:
        return False
    if not told:
        return False
    node = verb
    for _ in range(6):  # "plans to send", "expected to pledge", "would say it will send"
        if node.head.i == node.i or node.dep_ not in {"xcomp", "ccomp", "conj", "advcl"}:
            return True
        node = node.head
        if node.lemma_.lower() in NOT_A_FACT or any(
            c.dep_ == "aux" and c.lower_ in HYPOTHETICAL for c in node.children
        ):
            return False
    return True


def _giver(verb: Any) -> frozenset[str]:
    for child in verb.children:
        if child.dep_ == "nsubj":
            return frozenset() if child.pos_ == "PRON" else _names(child.subtree)
    return frozenset()


def _scaled(doc: Any, figure: Figure) -> tuple[Figure, Any]:
    """The figure with a glued scale read ("$2.98B", "$1M") and the token the sum hangs on.

    The figure reader takes "2.98B" for 2.98 and the "M" of "$1 M" for a noun, which would
    set 2.98 billion against 2.98 billion written out.
    """
    token = doc[figure.head]
    glued = _GLUED.search(str(figure.text))
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if glued is not None and isinstance(figure.value, float):
        value = figure.value * SUFFIX_SCALES[glued["suffix"].lower()]
        return replace(figure, value=value), _money_token(doc, token)
    if (
        after is not None
        and not token.whitespace_
        and after.lower_ in SUFFIX_SCALES
        and isinstance(figure.value, float)
    ):
        value = figure.value * SUFFIX_SCALES[after.lower_]
        return replace(figure, value=value, text=f"{figure.text}{after.text}"), after
    return figure, _money_token(doc, token)


def _part_of_sum(token: Any) -> bool:
    """Whether a word belongs to the sum itself ("$", "1B", "million", "euro")."""
    return bool(
        token.pos_ in {"SYM", "NUM"}
        or token.like_num
        or any(c.isdigit() for c in token.text)
        or token.lower_ in SUFFIX_SCALES
        or token.lemma_.lower() in CURRENCIES
    )


def _money_token(doc: Any, token: Any) -> Any:
    """The token the sum hangs on: its currency noun when there is one ("euros")."""
    if token.dep_ in {"nummod", "compound", "quantmod"} and token.head.lemma_.lower() in (
        CURRENCIES
    ):
        return token.head
    return token


def _thing(money: Any, verb: Any) -> Any | None:
    """The noun the sum is of: "in (military) aid", "of aid", "an aid package"."""
    if money.dep_ in {"compound", "amod", "nmod", "nummod"} and money.head.pos_ == "NOUN":
        return money.head
    for owner in (money, verb):
        for child in owner.children:
            if child.dep_ == "prep" and child.lower_ in {"in", "of"}:
                noun = next((g for g in child.children if g.dep_ == "pobj"), None)
                if noun is not None and noun.pos_ == "NOUN":
                    return noun
    return None


def _narrowing(noun: Any) -> tuple[str, frozenset[str], bool]:
    """What the sum is of, its narrowing words, and whether a word marks a further tranche."""
    words: set[str] = set()
    increment = False
    nodes = [noun]
    while nodes:
        node = nodes.pop()
        for child in node.children:
            if child.dep_ not in {"amod", "compound", "nmod", "det"}:
                continue
            lemma = child.lemma_.lower()
            increment = increment or lemma in INCREMENT
            if _part_of_sum(child):
                continue  # "a 500 million euro aid package": the sum, not what it is of
            if lemma in AID_NOUNS:
                nodes.append(child)  # "military aid package": the aid's words too
            elif lemma not in FRESH | INCREMENT and child.dep_ != "det":
                words.add(lemma)
                nodes.append(child)  # "air defence aid"
    lemma = noun.lemma_.lower()
    return ("aid" if lemma in AID_NOUNS else lemma), frozenset(words), increment


def _recipient(verb: Any, owners: Sequence[Any]) -> tuple[frozenset[str], list[Any]]:
    """The recipient's names ("to Ukraine", "for Kyiv's army", "send Ukraine") and words."""
    given_with = any(c.dep_ == "prep" and c.lower_ == "with" for c in verb.children)
    for child in verb.children:
        # "send Ukraine 25 million", "provide Ukraine with 25 million"
        if (child.dep_ == "dative" and child.pos_ != "ADP") or (
            child.dep_ == "dobj" and given_with
        ):
            return _names(child.subtree), list(child.subtree)
    for owner in (verb, *owners):
        for child in owner.children:
            if child.dep_ in {"prep", "dative"} and child.lower_ in {"to", "for"}:
                names = _names(child.subtree)
                if names:
                    return names, list(child.subtree)
    return frozenset(), []


def _date_keys(entities: Iterable[Any]) -> frozenset[str]:
    """The words that tell dates apart: weekdays, months, numbers, or the whole phrase."""
    keys: set[str] = set()
    for entity in entities:
        words = [t.lower_ for t in entity if t.is_alpha or t.like_num]
        named = {w for w in words if w in WEEKDAYS | MONTHS or w.isdigit()}
        keys |= named or {" ".join(words)}
    return frozenset(k for k in keys if k)


def _when(verb: Any) -> frozenset[str]:
    """The dates of the clause (its nested clauses left out), else those of its saying."""
    doc = verb.doc
    nested = {
        t.i
        for c in verb.children
        if c.dep_ in {"advcl", "relcl", "ccomp", "acl", "conj"}
        for t in c.subtree
    }
    own = [
        e
        for e in doc.ents
        if e.label_ == "DATE"
        and verb.left_edge.i <= e.start < verb.right_edge.i + 1
        and e.root.i not in nested
    ]
    if own or verb.dep_ != "ccomp" or verb.head.lemma_.lower() not in SPEECH_VERBS | {"announce"}:
        return _date_keys(own)
    saying = verb.head
    mine = {t.i for t in verb.subtree}
    told = [
        e
        for e in doc.ents
        if e.label_ == "DATE"
        and any(t.head.i == saying.i or t.head.head.i == saying.i for t in e)
        and not mine & {t.i for t in e}
    ]
    return _date_keys(told)


def _below(verb: Any, token: Any) -> Any:
    """The child of ``verb`` whose phrase holds ``token`` (``token`` itself if none)."""
    node = token
    while node.head.i != verb.i and node.head.i != node.i:
        node = node.head
    return node if node.head.i == verb.i else token


def _pledge(doc: Any, figure: Figure) -> Pledge | None:
    if figure.head < 0 or RATE.search(doc.text):
        return None
    currency = _currency(doc, figure)
    if currency is None:
        return None
    figure, money = _scaled(doc, figure)
    verb = _verb(money)
    if verb is None or not _commits(verb):
        return None
    clause = {t.lower_ for t in verb.subtree}
    if clause & RUNNING_TOTAL:
        return None
    noun = _thing(money, verb)
    if noun is None:
        return None
    what, qualifiers, increment = _narrowing(noun)
    number_words = {c.lower_ for t in doc[figure.head].subtree for c in t.children}
    number_words |= {doc[i].lower_ for i in range(max(0, figure.head - 3), figure.head)}
    if increment or (number_words | {c.lower_ for c in money.children}) & INCREMENT:
        return None
    giver = _giver(verb)
    recipient, to_words = _recipient(verb, (money, noun))
    if not giver or not recipient or giver & recipient:
        return None
    subject = next(c for c in verb.children if c.dep_ == "nsubj")
    auxes = [c for c in verb.children if c.dep_ in {"aux", "neg"}]
    parts = [_below(verb, money), _below(verb, noun)]
    tokens = [*subject.subtree, *auxes, verb, *(t for p in parts for t in p.subtree), *to_words]
    about = _words(
        t
        for t in noun.subtree
        if t.i <= noun.i and t.lower_ not in FRESH and not _part_of_sum(t) and t.pos_ != "DET"
    )
    return Pledge(
        amount=figure,
        currency=currency,
        what=what,
        qualifiers=qualifiers,
        giver=giver,
        recipient=recipient,
        when=_when(verb),
        phrase=_words(tokens),
        about=about or what,
    )


def pledges(doc: Any) -> list[Pledge]:
    """The commitments of money a parsed sentence states as fact."""
    found = []
    for figure in figures(doc):
        if figure.kind == "number" and (pledge := _pledge(doc, figure)) is not None:
            found.append(pledge)
    return found


def pledge_clash(first: Sequence[Pledge], second: Sequence[Pledge]) -> PledgeClash | None:
    """The first two sums of one package that cannot both be right, or None.

    A sum that agrees with any sum of the same package on the other side (one source gives
    two, the other one of them) makes no clash.
    """
    for a in first:
        matches = [b for b in second if a.same_package(b)]
        if not matches or any(a.amount.agrees(b.amount) for b in matches):
            continue
        for b in matches:
            if not any(b.amount.agrees(other.amount) for other in first if other.same_package(b)):
                return PledgeClash(a, b)
    return None


def parse_pledges(texts: Sequence[str]) -> list[list[Pledge]]:
    """The commitments of each text, parsed in one batch with the shared spaCy model."""
    from parallax.spacy_model import load_spacy

    return [pledges(doc) for doc in load_spacy().pipe([without_dateline(t) for t in texts])]
