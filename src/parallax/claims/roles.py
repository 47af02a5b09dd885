"""Role binding: which words of a sentence a claim's subject, relation, quantity and time are.

The grammar (:mod:`parallax.claims.grammar`) finds the pieces of a claim by their words: a
relation cue, the names nearby, a number, a time expression. In running news text the
nearest piece is often the wrong one: "according to two participants" has a number near a
country, "Russian President Vladimir Putin" has an office word beside a name, "the 2003
invasion of Iraq" has a date beside a verb about something else. So when the sentence's
dependency parse is available, every piece is checked against the tree before the claim is
judged:

- the **relation** must be asserted: its cue is the predicate of a clause (a verb, or a noun
  that is the attribute of "is"/"became" or the subject of a copula with an attribute), not a
  title in front of a name, an apposition or a noun inside another phrase; and the clause is
  not under a modal ("will join"), a condition ("if"), a question, or a verb of intention
  ("applied to join", "hopes to join").
- the **subject** and **object** are arguments of that predicate (its subject, object, or
  the object of a preposition it governs); an organisation that only modifies another noun
  ("NATO's integrated command") is not what the predicate is about.
- a **quantity** of members counts the member noun it modifies ("14 more countries"), and
  that noun is an argument of the predicate with the organisation bound to the predicate or
  to the noun; a number that counts anything else is never a member count.
- a **time** dates the claim only when it hangs from the predicate (or from the cue of the
  same relation, "the 2004 enlargement"), and only when it names its year; a relative date
  ("on Monday", "last week") is never used to judge a claim.

A claim that fails is kept with the reason, and the checker answers "not enough evidence"
with that reason; the binding (which words were read as each role) is part of the record.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from parallax.claims.arguments import (
    arguments,
    covers,
    covers_any,
    lift_conj,
    mention_head,
    owned,
    tokens_in,
)
from parallax.claims.clauses import (
    MODIFIER_DEPS,
    describing_clause,
    doers,
    is_verb,
    joined_clauses,
    negates,
    not_asserted,
    not_left,
    noun_cue_elsewhere,
    predicate,
    restricted,
    span_head,
    subordinate_clause,
)
from parallax.claims.counted import counted_within, narrowed_in_parse, ranked_act
from parallax.claims.dating import (
    YEAR,
    coordinated_time,
    dated_by_event,
    dates_a_governor,
    time_bound,
    unresolved_date,
    unresolved_report,
)
from parallax.claims.model import Claim
from parallax.claims.words import (
    COUNT_RELATIONS,
    COUNT_VERBS,
    LIGHT_VERBS,
    VERBAL,
)


@dataclass
class Binding:
    """What the parse says about a claim.

    Attributes:
        roles: the words read as each role ("subject", "relation", "object", "quantity",
            "time"), for the record.
        reason: why the claim is not judged, or None when it is.
        drop_time: the time expression does not date this claim (it belongs to another
            event); the claim is judged without it.
        negated: whether a "not" or "never" of the sentence negates this claim, as the
            parse attaches it; None when the sentence has none the parse marks.
        narrowed: words after the counted noun that make the count one of some members
            only ("members that spend 2 percent"), for :attr:`Claim.narrowed`.
        reported_at: the dropped time dates a verb the claim hangs from ("officials said in
            2021 that NATO has 30 members"): the claim's present is that time's, not the
            article's.
        present: the predicate is a simple present ("the Union includes 25 states"), which
            the claim states of the article's date, whatever the words near its cue say.
    """

    roles: dict[str, str] = field(default_factory=dict)
    reason: str | None = None
    drop_time: str | None = None
    negated: bool | None = None
    reported_at: bool = False
    narrowed: str | None = None
    present: bool = False


def bind(claim: Claim, tokens: Sequence[Any], offset: int, cue_spans: set[int]) -> Binding:
    """Bind a claim's pieces to the parse of its sentence.

    Args:
        claim: a claim read by the grammar from one sentence.
        tokens: the spaCy tokens of that sentence.
        offset: the character offset of the sentence in the parsed text (``token.idx``
            minus it is the offset in ``claim.text``).
        cue_spans: token indices of every cue of the claim's relation in the sentence
            ("enlargement" for "added"), through which a time may hang.
    """
    binding = Binding()
    text = claim.text
    roles = binding.roles

    if claim.kind == "superlative" or claim.kind == "comparison":
        return binding
    cue_span = claim.parts.get("cue")
    quantity_span = claim.parts.get("quantity") or claim.parts.get("ordinal")
    cue_tokens = tokens_in(tokens, cue_span, offset) if cue_span else []
    number_tokens = tokens_in(tokens, quantity_span, offset) if quantity_span else []
    number = span_head(number_tokens) if number_tokens else None
    member_noun = None
    if number is not None and quantity_span is not None:
        member_noun = number.head if number.head.i != number.i else None
        if member_noun is not None and member_noun.pos_ not in {"NOUN", "PROPN"}:
            member_noun = member_noun.head if member_noun.head.pos_ == "NOUN" else None
        roles["quantity"] = text[quantity_span[0] : quantity_span[1]] + (
            f" (of “{member_noun.text}”)" if member_noun is not None else ""
        )
    cue = span_head(cue_tokens) if cue_tokens else None
    if cue is None and member_noun is not None:
        cue = member_noun
    if cue is None:
        binding.reason = "no relation word was found for the claim"
        return binding
    counting = number is not None and claim.relation in COUNT_RELATIONS
    pred, why = None, None
    if member_noun is not None and counting:
        # A count is asserted by the clause its member noun belongs to ("had 12 members"),
        # whatever clause the nearest relation word sits in ("when it was founded").
        pred, why = predicate(member_noun, objects=True)
        clause = describing_clause(cue, pred) if pred is not None else None
        if clause is not None and pred is not None:
            roles["relation"] = f"{pred.text} (“{cue.text}” describes “{clause.head.text}”)"
            binding.reason = (
                f"“{cue.text}” is in a clause describing “{clause.head.text}”, not in the one "
                f"that counts “{member_noun.text}”; the count is not what “{cue.text}” did"
            )
            return binding
        inner = describing_clause(pred, cue) if pred is not None else None
        if inner is not None and pred is not None and claim.relation != "member_count":
            # "NATO, which has 32 members, was founded in 1949": a total, not its founders
            roles["relation"] = f"{cue.text} (“{pred.text}” describes “{inner.head.text}”)"
            binding.reason = f"“{pred.text}” counts in a clause describing “{inner.head.text}”"
            return binding
        under = subordinate_clause(cue, pred) if pred is not None else None
        if under is not None and pred is not None and claim.relation == "member_count":
            # "NATO had 30 members when Finland joined in 2023": the year dates the joining,
            # and the count is of the moment of it, which the year alone does not give
            words = list(under.subtree)
            clause = str(under.doc[words[0].i : words[-1].i + 1].text)
            roles["relation"] = f"{pred.text} … {member_noun.text}"
            roles["time"] = clause
            binding.reason = (
                f"the count is dated by another event (“{clause}”), not by a date, so it "
                "could not be judged on its time"
            )
            return binding
        if under is not None and pred is not None:
            roles["relation"] = f"{pred.text} (“{cue.text}” is a clause under it)"
            binding.reason = (
                f"“{member_noun.text}” are counted by “{pred.text}”; “{cue.text}” heads a "
                f"clause under it, so the count is not what “{cue.text}” did"
            )
            return binding
        if pred is not None and noun_cue_elsewhere(cue, pred, member_noun):
            roles["relation"] = f"{pred.text} (“{cue.text}” hangs from “{cue.head.text}”)"
            binding.reason = f"“{cue.text}” belongs to another part of the sentence, not the count"
            return binding
        if pred is not None and joined_clauses(cue, pred):
            roles["relation"] = f"{pred.text} (“{cue.text}” is another clause's verb)"
            binding.reason = (
                f"“{member_noun.text}” are counted by “{pred.text}”, a clause joined to the one "
                f"“{cue.text}” heads; the count is not what “{cue.text}” did"
            )
            return binding
    if pred is None:
        pred, why = predicate(cue, objects=counting, subject=claim.relation == "event")
    if pred is not None and not counting and pred.i != cue.i:
        why = restricted(cue)
        if why:
            pred = None
    verbless = not any(is_verb(t) for t in tokens)
    if pred is None and verbless and cue.tag_ == "NNS" and claim.relation in VERBAL:
        # The tagger read the only verb as a plural noun ("Finland borders Russia").
        pred, why = cue, None
    roles["relation"] = cue.text if pred is None or pred.i == cue.i else f"{pred.text} … {cue.text}"
    if pred is None:
        binding.reason = why
        return binding
    why = not_asserted(pred, text)
    if why:
        binding.reason = why
        return binding
    binding.negated = negates(tokens, pred, cue, _object_head(claim, tokens, offset))
    binding.present = pred.tag_ in {"VBZ", "VBP"} and not any(
        c.dep_ in {"aux", "auxpass"} for c in pred.children
    )
    args = _past_dateline(arguments(pred), claim, offset)
    if verbless and pred.i == cue.i:
        args = [t for t in tokens if t.pos_ in {"NOUN", "PROPN"} and t.i != cue.i]
    if claim.relation == "event" and _event_as_subject(cue, pred):
        # "The 2001 attacks led NATO to act": the sentence asserts what the event did, and
        # NATO is what it led, not one of those who attacked (a dated name is still read
        # as a description of its own)
        binding.reason = (
            f"“{cue.text}” is the subject of “{pred.text}”: the sentence says what the event "
            "did, not that it happened"
        )
        return binding
    if claim.relation == "event" and pred.pos_ != "VERB":
        binding.reason = f"“{cue.text}” names an event but no verb asserts anything about it"
        return binding
    # Quantities: the number must count the member noun, and the noun belong to the predicate.
    longer = _longer_name(claim, tokens, offset)
    if longer:
        binding.reason = longer
        return binding
    if counting:
        carriers = [t for t in tokens if t.i in cue_spans] + cue_tokens
        reason = _bind_count(
            claim, tokens, offset, number, member_noun, pred, args, carriers, binding
        )
        if reason:
            binding.reason = reason
            return binding
    elif number is not None and claim.relation not in {"shares_border_with"}:
        binding.reason = "the number does not count anything the knowledge base records"
        return binding
    else:
        reason = _bind_parties(claim, tokens, offset, pred, cue_tokens, args, binding)
        if reason:
            binding.reason = reason
            return binding
    time = claim.time
    time_span = claim.parts.get("time")
    if time is not None and time_span is not None:
        time_tokens = tokens_in(tokens, time_span, offset)
        allowed = cue_spans | {t.i for t in cue_tokens}
        if member_noun is not None:
            allowed.add(member_noun.i)
        head = span_head(time_tokens) if time_tokens else None
        other = coordinated_time(head, time_tokens) if head is not None else None
        if other is not None and time_bound(head, pred, allowed):
            binding.reason = (
                f"the claim is dated by “{time.text}” and “{other}” together, and does not say "
                "which part of it each dates"
            )
            roles["time"] = f"{time.text}, {other}"
            return binding
        if head is None or not time_bound(head, pred, allowed):
            binding.drop_time = f"“{time.text}” dates something else in the sentence"
            roles["time"] = f"none (“{time.text}” dates something else)"
            binding.reported_at = head is not None and dates_a_governor(head, pred)
        elif not YEAR.search(time.text):
            binding.reason = (
                f"the claim's date “{time.text}” names no year, so it could not be resolved "
                "with confidence"
            )
            roles["time"] = time.text
            return binding
        else:
            roles["time"] = time.text
    if time is None or binding.drop_time:
        unresolved = unresolved_date(tokens, pred, cue_spans | {t.i for t in cue_tokens})
        if unresolved:
            binding.reason = (
                f"the claim is dated “{unresolved}”, which names no year, so it could not be "
                "resolved with confidence"
            )
            roles["time"] = unresolved
        elif time is None and (said := unresolved_report(tokens, pred)):
            binding.reason = (
                f"the claim is reported as of “{said}”, which names no year, so its present "
                "tense could not be dated with confidence"
            )
            roles["time"] = said
        elif event := dated_by_event(pred, member_noun if counting else None, cue_tokens):
            binding.reason = (
                f"the claim is dated by another event (“{event}”), not by a date, so it "
                "could not be judged on its time"
            )
            roles["time"] = event
    return binding


_HAPPENING_VERBS = frozenset(
    {"take", "begin", "start", "end", "happen", "occur", "last", "break", "erupt", "continue"}
    | {"be", "hold", "fight", "convene", "host", "organise", "organize"}
    | LIGHT_VERBS
)
"""Verbs whose subject is an event and whose other words date or place it ("the war began
in 1950", "the summit was held in Vilnius"), not parties of some further act."""


def _event_as_subject(cue: Any, pred: Any) -> bool:
    """Whether the event noun is the subject of a verb that says what the event did."""
    return bool(
        cue.i != pred.i
        and cue.pos_ in {"NOUN", "PROPN"}
        and cue.dep_ in {"nsubj", "nsubjpass"}
        and cue.head.i == pred.i
        and pred.lemma_ not in _HAPPENING_VERBS
    )


def _filed_from(claim: Claim) -> int:
    """Where the sentence starts after its dateline (0 without one)."""
    dateline = claim.parts.get("dateline")
    return dateline[1] - claim.start if dateline else 0


def _past_dateline(args: list[Any], claim: Claim, offset: int) -> list[Any]:
    """Arguments with a dateline the parser took for the subject replaced by the real one.

    "WARSAW, Poland — Poland joined NATO": the parser makes the city the subject and the
    country that joined an apposition to it.
    """
    filed_from = _filed_from(claim)
    if not filed_from:
        return args
    kept: list[Any] = []
    for token in args:
        if token.idx - offset >= filed_from:
            kept.append(token)
            continue
        kept.extend(t for t in token.subtree if t.dep_ == "appos" and t.idx - offset >= filed_from)
    return kept


def _object_head(claim: Claim, tokens: Sequence[Any], offset: int) -> Any | None:
    obj = claim.object
    if obj is None or not obj.text:
        return None
    return mention_head(tokens, obj.text, claim.text, offset, _filed_from(claim))


def _longer_name(claim: Claim, tokens: Sequence[Any], offset: int) -> str | None:
    """Why a party's words are only part of a longer name ("the African *Union*"), or None.

    A knowledge-base alias found inside a longer proper name ("Alliance" in "the Harbour Watch
    Alliance") names something else: the parse shows the rest of the name as a compound of
    the alias's head word.
    """
    parties = [*claim.subjects, *([claim.object] if claim.object else [])]
    for party in parties:
        at = claim.text.find(party.text) if party.text else -1
        if at < 0:
            continue
        span = tokens_in(tokens, (at, at + len(party.text)), offset)
        for token in span:
            outside = [
                c
                for c in token.children
                if c.dep_ == "compound"
                and c.pos_ == "PROPN"
                and c.i in {span[0].i - 1, span[-1].i + 1}  # next to it, nothing between
            ]
            if outside:
                return f"“{party.text}” is part of the longer name “{outside[0].text} {token.text}”"
    return None


def _bind_count(
    claim: Claim,
    tokens: Sequence[Any],
    offset: int,
    number: Any,
    member_noun: Any,
    pred: Any,
    args: list[Any],
    allowed: list[Any],
    binding: Binding,
) -> str | None:
    if member_noun is None:
        return f"“{number.text}” does not count members"
    act = ranked_act(member_noun) if claim.ordinal is not None else None
    if act is not None:
        return (
            f"“{number.text} {member_noun.text} to {act.text}” ranks it among those who did "
            f"“{act.text}”, not among those who joined"
        )
    if pred.lemma_ not in COUNT_VERBS and not any(pred.i == t.i for t in allowed):
        return f"“{pred.text}” does not say how many members there are"
    if number.dep_ not in {"nummod", "quantmod", "amod", "det", "compound", "nmod"}:
        return f"“{number.text}” is not a count of “{member_noun.text}”"
    noun = lift_conj(member_noun)
    if noun.dep_ == "pobj" and noun.head.lower_ in {"among", "amongst"} and is_verb(noun.head.head):
        # "Canada and Greece were among the 12 founders": it asserts who, not how many (a
        # treaty signed among 14 European states and two others still counts them)
        return f"“among the {number.text} {member_noun.text}” places the subject in a group"
    binding.narrowed = narrowed_in_parse(member_noun)
    attached_to = noun.head.head if noun.head.dep_ in {"prep", "agent"} else noun.head
    if not (
        any(noun.i == a.i or member_noun.i == a.i for a in args)
        or attached_to.i == pred.i
        or any(attached_to.i == a.i for a in allowed)
    ):
        return (
            f"“{number.text} {member_noun.text}” is not an argument of “{pred.text}”; the number "
            "counts something the sentence mentions in passing"
        )
    org = claim.subject if claim.ordinal is None else claim.object
    if claim.ordinal is not None:
        subject = claim.subject
        head = (
            mention_head(tokens, subject.text, claim.text, offset, _filed_from(claim))
            if subject
            else None
        )
        if head is None or not (covers(head, args) or head.i == member_noun.head.i):
            return "the position is not said of the country the claim names"
        binding.roles["subject"] = subject.text if subject else ""
    if org is None:
        return "the claim names no organisation"
    org_head = mention_head(tokens, org.text, claim.text, offset, _filed_from(claim))
    binding.roles["organisation" if claim.ordinal is None else "object"] = org.text
    owners = owned([member_noun, *allowed, *(a for a in args if a.i in {t.i for t in allowed})])
    if claim.ordinal is None:
        binding.narrowed = binding.narrowed or counted_within(member_noun, pred, org_head)
    if (described := _describes_other_argument(org_head, noun, member_noun)) is not None:
        return f"“{org.text}” describes “{described.text}”, not what “{member_noun.text}” belong to"
    if covers_any(org_head, owners, args):
        return None
    if org_head is None or org.text.lower() == org.text:
        # The organisation comes from the previous sentences (or an anaphor such as "the
        # alliance" elsewhere in the sentence): only a membership verb can carry it over
        # ("Seven more countries joined in 2004").
        if pred.lemma_ in {"join", "admit", "accede", "expand", "grow", "enlarge", "add"}:
            return None
        return "the organisation is not named in the sentence and the verb is not about membership"
    return f"“{org.text}” is not what “{member_noun.text}” belong to"


def _describes_other_argument(org_head: Any | None, *counted: Any) -> Any | None:
    """The other argument an organisation's name only modifies, if it does ("23 EU states").

    In "the alliance's 32 allies include 23 EU states" the EU names what the object is,
    not the organisation the subject's 32 belong to. A predicate noun is the claim's own
    ("32 countries are NATO members"), so only a subject or an object counts.
    """
    if org_head is None or org_head.dep_ not in {"compound", "amod", "nmod"}:
        return None
    described = org_head.head
    if any(described.i == c.i for c in counted) or described.dep_ not in {
        "nsubj",
        "nsubjpass",
        "dobj",
    }:
        return None
    return described


def _bind_parties(
    claim: Claim,
    tokens: Sequence[Any],
    offset: int,
    pred: Any,
    cue_tokens: list[Any],
    args: list[Any],
    binding: Binding,
) -> str | None:
    nominals = [a for a in args if a.dep_ in {"attr", "oprd", "nsubj", "nsubjpass"}]
    owners = owned([*cue_tokens, *nominals])
    # A subject is the subject noun or the names in apposition to it ("Ukraine's neighbours
    # Poland and Slovakia joined"), never whose the subject noun is ("Russia's neighbour
    # Finland"): only the relation word and a predicate noun lend their owners to it.
    named_as = [
        t
        for a in args
        if a.dep_ in {"nsubj", "nsubjpass"}
        for c in a.children
        if c.dep_ == "appos"
        for t in (c, *(x for x in c.subtree if x.dep_ == "conj" and lift_conj(x).i == c.i))
    ]
    subject_owners = owned([*cue_tokens, *(a for a in args if a.dep_ in {"attr", "oprd"})])
    subjects = []
    for party in claim.subjects:
        head = mention_head(tokens, party.text, claim.text, offset, _filed_from(claim))
        if head is not None and (
            covers(head, [*args, *named_as]) or covers(head, subject_owners) or head.i == pred.i
        ):
            subjects.append(party)
    obj = claim.object
    obj_bound = False
    if obj is not None:
        binding.roles["object"] = obj.text
        head = mention_head(tokens, obj.text, claim.text, offset, _filed_from(claim))
        if head is None:
            if claim.relation in {"member_of", "founding_member"} and any(
                c.dep_ == "dobj" for c in pred.children
            ):
                return f"“{pred.text}” has an object of its own, not {obj.text}"
            obj_bound = True
        elif claim.relation == "withdrew" and (why := not_left(pred, head)):
            return why
        elif any(covers(t, args) or covers(t, owners) for t in (head, lift_conj(head))):
            # a name listed with a bound one fills its role ("with Poland and Lithuania")
            obj_bound = True
        elif head.i == pred.i:
            obj_bound = True  # a name that takes in the verb ("the Berlin Wall fell") too
        else:
            return f"“{obj.text}” is not the subject or object of “{pred.text}”" + (
                f" (it describes “{head.head.text}”)" if head.dep_ in MODIFIER_DEPS else ""
            )
    if claim.relation == "event":
        if not subjects and not obj_bound:
            return f"no party the claim names is the subject or object of “{pred.text}”"
    elif claim.subjects and not subjects:
        return (
            f"none of {', '.join(p.text for p in claim.subjects)} is the subject or object of "
            f"“{pred.text}”"
        )
    if len(subjects) < len(claim.subjects):
        claim.subjects = subjects
    binding.roles["subject"] = ", ".join(p.text for p in subjects)
    if claim.relation == "signed":
        _bind_signers(claim, tokens, offset, pred, binding)
    return None


def _bind_signers(
    claim: Claim, tokens: Sequence[Any], offset: int, pred: Any, binding: Binding
) -> None:
    """Keep as signers the countries that do the signing: the verb's subject or agent.

    "Syria signed the Paris Agreement in 2017" is about one party's signature, which may
    come long after the treaty was first signed; a country elsewhere in the sentence ("the
    treaty, signed in 1997, still matters to Japan") signs nothing.
    """
    found = doers(pred)
    claim.named = [
        party
        for party in claim.named
        if (head := mention_head(tokens, party.text, claim.text, offset, _filed_from(claim)))
        is not None
        and covers(head, found)
    ]
    if claim.named:
        binding.roles["signer"] = ", ".join(p.text for p in claim.named)
