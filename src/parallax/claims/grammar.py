"""The claim grammar: one sentence in, structured claims out.

The grammar works on four kinds of pieces found in a sentence, each with its offsets:
knowledge-base entity mentions (:mod:`parallax.claims.linking`), time expressions
(:mod:`parallax.claims.when`), numbers (:mod:`parallax.claims.numbers`) and relation cues
(:mod:`parallax.claims.vocabulary`). When the spaCy parse of the sentence is given, its
part-of-speech tags decide the tense and which word a number counts; without it the grammar
falls back on word lists. The rules, their order and their limits are in ``docs/claims.md``.

Rules, in the order they run:

1. **Ordinals** next to a membership noun ("the 31st member", "thirty-first ally") give a
   numeric claim: subject the nearest country before it, object the organisation.
2. **Counts**: a number followed (within a few modifiers) by a membership noun
   ("14 more countries", "twelve nations", "27 member states") gives a numeric claim whose
   relation comes from the nearest cue: founding members, members gained (an increment when
   the words say "more", "added", "by"), or a total membership count.
3. **Other quantities** ("1,340 kilometres", "80%", "$5 billion") give numeric claims when
   the sentence names a knowledge-base entity; durations ("nine years later") are not claims.
4. **Comparisons** ("twice as many", "more members than") and **superlatives** ("the
   largest military alliance") are marked as such (:mod:`parallax.claims.comparisons`).
5. **Relations**: every other cue (joined, founded, signed, entered into force, withdrew,
   president of, capital of, borders, invaded ...) with the parties its relation needs
   gives a membership, date or event claim, dated by the nearest time expression.

6. **Titles** written before a name ("Defense Secretary Lloyd Austin") give a title claim
   over those words only (:mod:`parallax.claims.titles`).

An organisation the sentence does not name ("Poland, Hungary and the Czech Republic joined in
1999") is the last organisation an earlier sentence named; one it refers to by its kind ("the
alliance", "the bloc") is the one of that kind the article named, when only one fits
(:mod:`parallax.claims.anaphors`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from parallax.claims.anaphors import (
    bind_by_members,
    bind_in_article,
    dateline_place,
    introduced,
    restricted_after,
    unlisted_organisations,
)
from parallax.claims.comparisons import read_comparison, read_superlative
from parallax.claims.counted import (
    TOTAL_BEFORE,
    counted_noun,
    former_organisations,
    narrowing,
)
from parallax.claims.dating import judged_as_said, rebind_time
from parallax.claims.described import read_event_dates
from parallax.claims.linking import Mention, find_mentions, nearest, party, without_us_states
from parallax.claims.model import Claim, ClaimKind, Party
from parallax.claims.numbers import Number, find_numbers
from parallax.claims.relations import read_relation
from parallax.claims.roles import bind
from parallax.claims.titles import read_titles
from parallax.claims.vocabulary import NEGATION, Cue, comparator_before, find_cues
from parallax.claims.when import TimeMention, find_times
from parallax.claims.words import (
    ANAPHORS,
    DURATION_NOUNS,
    INCREMENT_WORDS,
    MEMBER_NOUNS,
    MULTIPLE,
    OTHER_WORDS,
    PAST,
    PRESENT,
)
from parallax.datelines import dateline_length
from parallax.knowledge import KnowledgeBase, alias_key

FAMILIES: dict[str, set[str]] = {
    "member_count": {"member_count", "gained_members", "member_of"},
    "gained_members": {"gained_members", "member_of", "member_count"},
    "founding_member": {"founding_member", "founded", "signed"},
}
"""Relations whose cue words may carry a claim's time or organisation for one another
("the 2004 enlargement of NATO added ten countries": the count's verb is "added")."""


@dataclass(frozen=True)
class Context:
    """What the rest of the article tells the grammar about a sentence.

    Attributes:
        anchor: the publication date (gives "4 April" its year; dates present tense).
        organisation: the last organisation an earlier sentence named.
        rivals: the article named another organisation before too, so a sentence
            that neither names nor refers to one ("Sweden joined in 2024") does not say
            which it means.
        named: every organisation earlier sentences named, in order: "the alliance" is
            the one of them that is an alliance, when only one is.
    """

    anchor: date | None = None
    organisation: Party | None = None
    rivals: bool = False
    named: tuple[Party, ...] = ()


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and a[1] > b[0]


def _tense(text: str, cue: Cue | None) -> str:
    window = text[max(0, (cue.start if cue else 0) - 25) : (cue.end if cue else len(text)) + 5]
    if PRESENT.search(window):
        return "present"
    if PAST.search(window) or (cue and re.search(r"ed\b", cue.text)):
        return "past"
    return "present" if PRESENT.search(text) else "past"


def _locative_alias(text: str, mention: Mention) -> bool:
    """Whether a mention is a city alias used as a place ("in Washington", "in Brussels").

    After "in", "at" or "from", a city alias names the place, not the state or organisation
    (the knowledge base's own name, "in NATO" or "in Russia", still counts).
    """
    if alias_key(mention.text) == alias_key(mention.entity.name) or mention.text.isupper():
        return False
    return bool(re.search(r"\b(?:in|at|from|to|near|outside)\s+$", text[: mention.start]))


class SentenceReader:
    """Reads the claims of one sentence (see the module docstring for the rules)."""

    def __init__(
        self,
        text: str,
        kb: KnowledgeBase,
        context: Context,
        *,
        times: list[TimeMention] | None = None,
        pos: dict[int, str] | None = None,
        parse: Sequence[Any] | None = None,
    ) -> None:
        self.text = text
        self.parse = list(parse) if parse else []
        self.parse_offset = self.parse[0].idx - _leading(text, self.parse) if self.parse else 0
        if self.parse and not pos:
            pos = {t.idx - self.parse_offset: t.pos_ for t in self.parse}
        self.kb = kb
        self.context = context
        self.pos = pos or {}
        found = without_us_states(find_mentions(text, kb), self.parse, self.parse_offset)
        filed_from = dateline_length(text)
        opening = len(text) - len(text.lstrip())
        if filed_from and any(
            m.start == opening and m.of_type("organisation") and not dateline_place(m, filed_from)
            for m in found
        ):
            filed_from = 0  # "NATO — which has 32 members — said": a name, not a place
        self.dateline = (0, filed_from) if filed_from else None
        self.mentions = [m for m in found if not _locative_alias(text, m) and m.start >= filed_from]
        self.times = times if times is not None else find_times(text, context.anchor)
        spans = [(t.start, t.end) for t in self.times] + [(m.start, m.end) for m in self.mentions]
        self.numbers = [
            n for n in find_numbers(text) if not any(_overlaps((n.start, n.end), s) for s in spans)
        ]
        # The agency a dateline names ("ATLANTA (Capital Wire) —") is no relation word.
        self.cues = [c for c in find_cues(text) if c.start >= filed_from]
        self.negated = bool(NEGATION.search(text))
        self.claims: list[Claim] = []

    # -- pieces ------------------------------------------------------------------------

    def organisation(self, near: int, skip: Sequence[Mention] = ()) -> tuple[Party | None, bool]:
        """The organisation a membership claim is about, and whether it came from context.

        ``skip`` lists mentions that name something else ("former Warsaw Pact members").
        """
        orgs = [m for m in self.mentions if m.of_type("organisation") and m not in skip]
        if orgs:
            return party(nearest(orgs, near), "organisation"), False
        anaphor = ANAPHORS.search(self.text)
        if (
            anaphor is not None
            and restricted_after(self.text[anaphor.end() :])
            and not self._dated_after(anaphor.end())
        ):
            return None, False  # "the union representing pilots" names another one
        if anaphor is not None:
            # "the alliance": the one alliance the article named before, else none when it
            # named two; when it named none, the one the sentence's countries belong to
            # organisations the sentence names before the words may be the one meant too
            before = [t for t in self.parse if t.idx - self.parse_offset < anaphor.start()]
            named = (*self.context.named, *unlisted_organisations(before, self.kb))
            bound, decided = bind_in_article(anaphor.group(0), named, self.kb.entities)
            if not decided:
                countries = {m.entity.id for m in self.countries()}
                bound = bind_by_members(anaphor.group(0), countries, self.kb)
            return bound, bound is not None
        if self.context.rivals:
            return None, False  # two organisations in play: "joined" says not which
        if self.parse and unlisted_organisations(self.parse, self.kb):
            # "The Teamsters have 1.3 million members": the sentence names its own
            # organisation, one the knowledge base does not list, not the article's last
            return None, False
        org = self.context.organisation
        if org is not None:
            return Party(re.sub(r"['\u2019]s$", "", org.text), org.id, org.type), True
        return None, False

    def _dated_after(self, at: int) -> bool:
        """Whether a preposition after offset ``at`` opens a time: "the alliance in 2009".

        Such words date the sentence's relation; they do not say which organisation it is.
        """
        return any(
            re.fullmatch(r"\s+\w+\s+(?:the\s+)?", self.text[at : t.start]) for t in self.times
        )

    def countries(self, *, before: int | None = None) -> list[Mention]:
        """Country mentions (not demonyms), optionally only those before ``before``."""
        found = [m for m in self.mentions if m.of_type("country") and not m.demonym]
        if before is not None:
            earlier = [m for m in found if m.start < before]
            return earlier or found
        return found

    def _listed_before(self, at: int) -> list[Mention]:
        """Countries in a list that runs up to offset ``at`` ("Norway, Iceland and 9 ...")."""
        listed: list[Mention] = []
        for mention in reversed(self.countries()):
            if mention.start >= at:
                continue
            gap = self.text[mention.end : listed[0].start if listed else at]
            if not re.fullmatch(r"[\s,]*(?:and\s+)?(?:the\s+)?", gap):
                break
            listed.insert(0, mention)
        return listed

    def negated_near(self, cue: Cue | None) -> bool:
        """A negation in the words just before or in the cue ("is not a member")."""
        if cue is None:
            return self.negated
        return any(
            cue.start - 25 <= match.start() < cue.end + 8 for match in NEGATION.finditer(self.text)
        )

    def time_near(self, at: int) -> TimeMention | None:
        """The time expression nearest to offset ``at``."""
        return nearest(self.times, at)  # type: ignore[no-any-return]

    def time_for(self, cue: Cue) -> TimeMention | None:
        """The time of a relation: near its cue, or opening the sentence ("In 1999, ...")."""
        time = self.time_near(cue.start)
        if time is None:
            return None
        if min(abs(time.start - cue.end), abs(cue.start - time.end)) <= 50:
            return time
        opening = [t for t in self.times if t.start < 30 and t.end <= cue.start]
        return opening[0] if opening else None

    def cue_near(self, at: int, relations: set[str]) -> Cue | None:
        """The cue of one of ``relations`` nearest to offset ``at``."""
        return nearest([c for c in self.cues if c.relation in relations], at)  # type: ignore[no-any-return]

    def add(self, kind: ClaimKind, cue: Cue | None, **fields: Any) -> Claim:
        """Record a claim over the whole sentence."""
        parts: dict[str, tuple[int, int]] = fields.pop("parts", {})
        if self.dateline is not None:
            parts["dateline"] = self.dateline
        if cue is not None:
            parts["cue"] = (cue.start, cue.end)
        time = fields.get("time")
        if time is not None:
            parts["time"] = (time.start, time.end)
        claim = Claim(
            text=self.text,
            start=0,
            end=len(self.text),
            kind=kind,
            cue=cue.text if cue else None,
            negated=self.negated_near(cue),
            tense=_tense(self.text, cue),
            parts=parts,
            **fields,
        )
        self.claims.append(claim)
        return claim

    # -- rules -------------------------------------------------------------------------

    def read(self) -> list[Claim]:
        """Apply every rule and return the claims, in the order of the words they rest on."""
        used_cues: set[int] = set()
        for number in self.numbers:
            if number.ordinal:
                self._ordinal(number, used_cues)
            else:
                self._quantity(number, used_cues)
        read_comparison(self)
        read_superlative(self)
        for cue in self.cues:
            if cue.start not in used_cues:
                read_relation(self, cue)
        if self.parse:
            for claim in self.claims:
                self._bind(claim)
        self.claims.extend(read_titles(self))
        # An event the sentence itself dates in a judged claim needs no second reading.
        dated = {c.object.id for c in self.claims if c.object and not c.unjudged and c.time}
        self.claims.extend(
            c for c in read_event_dates(self) if c.object is None or c.object.id not in dated
        )
        return sorted(
            self.claims,
            key=lambda c: min((a for k, (a, _) in c.parts.items() if k != "dateline"), default=0),
        )

    def _bind(self, claim: Claim) -> None:
        """Check the claim's pieces against the parse (:mod:`parallax.claims.roles`)."""
        family = FAMILIES.get(claim.relation or "", {claim.relation or ""})
        cue_tokens = {
            t.i
            for c in self.cues
            if c.relation in family
            for t in self.parse
            if c.start <= t.idx - self.parse_offset < c.end
        }
        binding = bind(claim, self.parse, self.parse_offset, cue_tokens)
        undated = claim.time is None and binding.reason is None and claim.kind != "title"
        if (binding.drop_time and claim.time is not None) or (undated and self.times):
            binding = rebind_time(
                claim,
                binding,
                self.times,
                lambda trial: bind(trial, self.parse, self.parse_offset, cue_tokens),
            )
        claim.binding = binding.roles
        claim.unjudged = claim.unjudged or binding.reason
        if binding.negated is not None:
            claim.negated = binding.negated
        claim.narrowed = claim.narrowed or binding.narrowed
        if binding.present and claim.time is None:
            claim.tense = "present"
        if claim.negated and claim.time is not None and claim.time.bound == "until":
            # "was not admitted until 2024" says it was admitted then, and not before
            claim.negated = False
            claim.time = replace(claim.time, bound="at")
        if binding.drop_time and judged_as_said(claim, binding.reported_at, self.context.anchor):
            return
        if binding.drop_time and claim.time is not None:
            claim.time = None
            claim.parts.pop("time", None)

    def _ordinal(self, number: Number, used: set[int]) -> None:
        counted = counted_noun(self.text, number, self.pos)
        unit = counted.unit
        if unit not in MEMBER_NOUNS or number.value > 500:
            return
        subjects = [m for m in self.countries() if m.start < number.start]
        if not subjects:
            return
        subject = subjects[-1]
        org, from_context = self.organisation(number.start)
        cue = self.cue_near(number.start, {"member_of"})
        if cue is not None:
            used.add(cue.start)
        self.add(
            "numeric",
            cue,
            relation="member_of",
            subjects=[party(subject, "country")],
            object=org,
            ordinal=int(number.value),
            unit=unit,
            # "the fifth Nordic country in NATO" ranks it among the Nordic members only
            narrowed=narrowing(
                self.text,
                counted,
                self.mentions,
                self.times,
                former_organisations(self.text, counted, self.mentions),
            ),
            time=self.time_near(number.start),
            parts={"subject": (subject.start, subject.end), "ordinal": (number.start, number.end)},
        )
        if from_context:
            self.claims[-1].parts.pop("object", None)

    def _quantity(self, number: Number, used: set[int]) -> None:
        if re.match(
            r"\s*(?:miles|km|kilometres|kilometers)\s+(?:from|away)", self.text[number.end :]
        ):
            return
        counted = counted_noun(self.text, number, self.pos)
        unit, modifiers = counted.unit, counted.modifiers
        unitless = unit is None and not (number.percent or number.currency)
        if unitless or unit in DURATION_NOUNS or number.text.lower() in {"one", "a"}:
            return
        comparator = comparator_before(self.text[max(0, number.start - 30) : number.start])
        multiple = MULTIPLE.search(self.text[max(0, number.start - 15) : number.end + 20])
        if multiple:
            return
        if number.percent or number.currency or unit not in MEMBER_NOUNS:
            cue = self.cue_near(number.start, {c.relation for c in self.cues})
            if not self.mentions or number.value < 1:
                return
            self.add(
                "numeric",
                cue,
                relation="shares_border_with"
                if cue is not None and cue.relation == "shares_border_with"
                else None,
                subjects=[party(self.mentions[0])],
                quantity=number.value,
                unit="%" if number.percent else (number.currency or unit),
                comparator=comparator,
                time=self.time_near(number.start),
                parts={"quantity": (number.start, number.end)},
            )
            return
        cue = self.cue_near(
            number.start, {"founding_member", "founded", "gained_members", "member_of", "signed"}
        )
        relation = "member_count"
        increment = alongside = False
        named: list[Mention] = []
        if cue is not None:
            if cue.relation in {"founding_member", "founded", "signed"}:
                relation = "founding_member"
                named = self._listed_before(number.start)
            elif cue.relation == "gained_members":
                increment = not TOTAL_BEFORE.search(self.text[: number.start]) and bool(
                    INCREMENT_WORDS.intersection(modifiers)
                    or re.search(r"\bby\s*$", self.text[: number.start])
                    or re.match(r"add|admit|took|welcom|enlarg|expansion|gain", cue.text, re.I)
                    or not re.search(r"\bto\s*$", self.text[: number.start])
                )
                relation = "gained_members" if increment else "member_count"
            elif cue.relation == "member_of":
                joining = bool(re.match(r"join|admit|acce", cue.text, re.I))
                # "joined in 2004 with six other countries": those who joined with it
                alongside = bool(_ALONGSIDE.search(self.text[: number.start])) and bool(
                    OTHER_WORDS & set(modifiers)
                )
                increment = joining and bool(
                    alongside or not TOTAL_BEFORE.search(self.text[: number.start])
                )
                relation = "gained_members" if increment else "member_count"
            if cue.relation in {"gained_members", "member_of"}:
                used.add(cue.start)
        former = former_organisations(self.text, counted, self.mentions)
        org, _ = self.organisation(number.start, skip=former)
        if org is None and relation not in {"gained_members", "member_count"}:
            return
        narrowed = narrowing(self.text, counted, self.mentions, self.times, former)
        claim = self.add(
            "numeric",
            cue,
            relation=relation,
            subjects=[org] if org else [],
            quantity=number.value,
            unit=unit,
            comparator=comparator,
            increment=increment,
            time=self.time_near(number.start),
            parts={"quantity": (number.start, number.end)},
        )
        if named:
            claim.named = [party(m, "country") for m in named]
        if OTHER_WORDS.intersection(modifiers) and (relation != "gained_members" or alongside):
            claim.others = True  # of those who joined, only "with six others" adds the subject
        if alongside and not self._one_joiner(cue.start if cue else number.start):
            # "The three Baltic states, which joined in 2004 along with four other
            # countries": the others joined beside a group, not beside one state, so
            # the count plus one is no total of the year's new members.
            claim.unjudged = (
                f"“{number.text}” counts others who joined beside a group, not all who joined"
            )
        claim.narrowed = narrowed
        owning = TOTAL_BEFORE.search(self.text[: number.start])
        if relation == "member_count" and owning and owning["verb"]:
            # "joined NATO, which now has 30 members": the count's own verb gives its tense
            claim.tense = "past" if owning["verb"].lower() == "had" else "present"

    def _one_joiner(self, cue: int) -> bool:
        """Whether what joined before offset ``cue`` is a single named state.

        Not so for a list of states, a counted group ("the three Baltic states") or a
        plural noun with no state named ("the Baltic states").
        """
        asides = [a.span() for a in _ASIDE.finditer(self.text, 0, cue)]
        before = [
            m
            for m in self.mentions
            if m.start < cue and not any(a <= m.start < b for a, b in asides)
        ]
        counted = any(
            n.start < cue and counted_noun(self.text, n, self.pos).unit in MEMBER_NOUNS
            for n in find_numbers(self.text[:cue])
        )
        return len(before) == 1 and bool(before[0].of_type("country")) and not counted


def _leading(text: str, parse: Sequence[Any]) -> int:
    """Where the parse's first token sits in ``text`` (the sentence may start with spaces)."""
    first = parse[0].text
    at = text.find(first)
    return max(at, 0)


def read_claims(
    text: str,
    kb: KnowledgeBase,
    context: Context | None = None,
    *,
    times: list[TimeMention] | None = None,
    pos: dict[int, str] | None = None,
    parse: Sequence[Any] | None = None,
) -> list[Claim]:
    """The structured claims of one sentence.

    Args:
        text: the sentence.
        kb: the knowledge base whose aliases name the entities.
        context: the article's date and the organisation earlier sentences named.
        times: the sentence's time expressions when a better reader found them (offsets
            relative to ``text``); the built-in reader runs otherwise.
        pos: coarse part-of-speech tags by character offset of each word, from the parse.
        parse: the spaCy tokens of the sentence; with them every claim's roles are bound
            to the dependency tree and a claim the sentence does not assert is marked
            unjudged (see :mod:`parallax.claims.roles`).
    """
    reader = SentenceReader(text, kb, context or Context(), times=times, pos=pos, parse=parse)
    return reader.read()


_ASIDE = re.compile(r",\s*(?:which|who|whose|where|a|an|the)\b[^,]*,", re.IGNORECASE)
"""A clause or apposition set off by commas ("Estonia, which left the Soviet Union, ..."):
what it names is not the sentence's subject."""

_ALONGSIDE = re.compile(r"\b(?:along|together)?\s*with\s+$|\balongside\s+$", re.IGNORECASE)
"""Words before a count of others who joined with the subject ("with six other countries")."""


@dataclass
class ArticleOrganisations:
    """The organisations an article's sentences name, read in order, for those naming none.

    A sentence that names no organisation borrows the last one named only while the article
    has named no other: "Sweden joined in 2024", after NATO and then the Warsaw Pact were
    named, says not which it means, however many sentences back the other was named.

    Attributes:
        last: the organisation named last.
        seen: the ids of every organisation named so far.
    """

    last: Party | None = None
    seen: set[str | None] = field(default_factory=set)
    named: list[Party] = field(default_factory=list)

    def context(self, anchor: date | None) -> Context:
        """The context of the next sentence."""
        return Context(
            anchor=anchor,
            organisation=self.last,
            rivals=len(self.seen) > 1,
            named=tuple(self.named),
        )

    def read(self, text: str, kb: KnowledgeBase, parse: Sequence[Any] | None = None) -> None:
        """Take note of the organisations a sentence names (with ``parse``, unlisted ones)."""
        named = organisations_named(text, kb)
        if named:
            self.last = named[-1]
        self.seen.update(p.id for p in named)
        self.named.extend([*named, *introduced(text, kb)])
        if parse:
            self.named.extend(unlisted_organisations(parse, kb))


def organisations_named(text: str, kb: KnowledgeBase) -> list[Party]:
    """Organisations a sentence names outright (not city aliases used as places), in order.

    The claims component carries the last one forward as the context of later sentences.
    """
    found = []
    filed_from = dateline_length(text)
    for mention in find_mentions(text, kb):
        entity = mention.of_type("organisation")
        if entity is None or mention.demonym or _locative_alias(text, mention):
            continue
        if filed_from and dateline_place(mention, filed_from):
            continue  # "BRUSSELS (Reuters) -": where the report was filed from
        found.append(Party(entity.name, entity.id, entity.type))
    return found
