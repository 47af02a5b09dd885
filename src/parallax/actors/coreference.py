"""Rule-based coreference for actors: pronouns and definite descriptions within an article.

"It", "its", "they", "the country", "the alliance" carry much of what an article says about an
actor, so a portrayal or a who-did-what-to-whom event that ignored them would miss most of
it. The resolver links each such phrase to the nearest compatible actor mention before it,
within :data:`MAX_SENTENCE_DISTANCE` sentences: nearer sentences first, then clause subjects
over other mentions (an article's topic is usually the subject), then the closest. Number and
type must agree ("it" never refers to a person or a plural phrase, "they" needs a plural
phrase or a collective group, "he"/"she" a person, of the gender the article gives them,
:mod:`parallax.actors.gender`). A description the domain pack ties to one
actor ("the alliance" -> NATO, :mod:`parallax.domains`) means that actor whenever the
article names it. Measured by ``parallax-dev eval actors`` (docs/evaluation.md).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Any

from parallax.actors.described_bodies import (
    firm_like,
    name_head,
    named_business_first,
    named_on_the_noun_first,
)
from parallax.actors.described_names import FIRM_NOUNS
from parallax.actors.gender import pronoun_gender, stated_genders
from parallax.actors.mention_records import ActorInfo, Mention
from parallax.actors.mentions import ActorResolver
from parallax.actors.other_antecedents import (
    PERSONAL,
    nearer_thing,
    thing_leads,
    thing_owns,
    unnamed_body_speaks,
    unnamed_person_between,
)
from parallax.actors.referents import (
    backgrounded,
    describes_someone,
    dummy_it,
    home_place,
    only_modifies,
    stands_for_a_text,
)
from parallax.actors.speech import SPEECH_VERBS, quote_spans, quote_speakers
from parallax.domains import domain_pack

MAX_SENTENCE_DISTANCE = 2

SINGULAR_NEUTER = frozenset({"it", "its", "itself"})
PLURAL = frozenset({"they", "their", "them", "themselves", "theirs"})

DESCRIPTIONS: dict[str, frozenset[str]] = {
    "country": frozenset({"country"}),
    "nation": frozenset({"country"}),
    "state": frozenset({"country"}),
    "government": frozenset({"country"}),
    "administration": frozenset({"country"}),
    "regime": frozenset({"country"}),
    "alliance": frozenset({"organisation"}),
    "bloc": frozenset({"organisation"}),
    "organisation": frozenset({"organisation"}),
    "organization": frozenset({"organisation"}),
    "union": frozenset({"organisation", "country"}),
    "group": frozenset({"organisation"}),
    "agency": frozenset({"organisation"}),
}
"""Definite descriptions ("the <noun>", lemma) and the actor types they can refer to."""
BODY_WORDS = frozenset({"agency", "group"})
"""Descriptions of a body that, like "the company", a report on one body uses for paragraphs
(:data:`BUSINESS_REACH`)."""
TAKEN_UP = frozenset({"group", "agency"})
"""Descriptions that as often take up an unnamed phrase ("a group of veterans ... the group",
"the country's statistics agency said ... the agency said") as a named body ("the Border
Rights Project ... the group said")."""

FIRM = "firm"
"""What a description of a business (:data:`FIRM_NOUNS`: "the company said") refers to: an
organisation that is a business (:func:`~parallax.actors.described_bodies.firm_like`), never
a state's body or an alliance."""
BUSINESS_REACH = 4
"""Sentences back "the company" may look for its firm: a report on one firm names it once
and calls it "the company" for paragraphs. Any other organisation that may be a business
within that reach leaves it unresolved: in a report on two firms (or on a firm and a
product the tagger took for one) the nearest is no better a guess."""


def resolve_references(
    doc: Any, mentions: list[Mention], resolver: ActorResolver, sentence_starts: list[int]
) -> list[Mention]:
    """Mentions for the pronouns and definite descriptions of ``doc`` that refer to actors.

    Args:
        doc: the spaCy Doc.
        mentions: the explicit mentions (names and phrases), in text order.
        resolver: gives each actor's type.
        sentence_starts: start character of each sentence, to measure distance in sentences.
    """
    taken = {i for m in mentions for i in range(m.token_start, m.token_end)}
    named = {m.actor for m in mentions}
    meant = {
        noun: actor for noun, actor in domain_pack().description_actors.items() if actor in named
    }
    explicit = sorted(mentions, key=lambda m: m.start)
    named_heads = {
        name_head(m, resolver) for m in explicit if resolver.info(m.actor).type == "organisation"
    } - {None}
    actor_at = {m.head: m.actor for m in explicit}
    genders = stated_genders(doc, explicit)
    starts = [m.start for m in explicit]
    resolved: list[Mention] = []
    quotes = quote_spans(doc.text)
    speakers: dict[tuple[int, int], set[str]] = {}

    # A sentence wholly inside a quotation is the speaker's, not a step of the narrative:
    # in '"We will not back down. These sanctions are illegal. Our economy is strong," she
    # told reporters' the minister named before the quotation is one sentence back, not three.
    bounds = [*sentence_starts[1:], len(doc.text)]
    told = [0]
    for begin, end in zip(sentence_starts, bounds, strict=True):
        end = begin + len(doc.text[begin:end].rstrip())
        inside = any(a <= begin and end <= b for a, b in quotes)
        told.append(told[-1] + (0 if inside else 1))

    def sentence_of(char: int) -> int:
        return told[bisect_right(sentence_starts, char)] - 1

    def speaking(char: int) -> set[str]:
        """Who speaks the quotation around ``char`` (empty outside quotations)."""
        span = next(((a, b) for a, b in quotes if a < char < b), None)
        if span is None:
            return set()
        if span not in speakers:
            speakers[span] = quote_speakers(doc, span, quotes, lambda t: actor_at.get(t.i))
        return speakers[span]

    for token in doc:
        if token.i in taken:
            continue
        lower = token.lower_
        kind = None
        wanted: frozenset[str] | None = None
        span_start = token.i
        if token.pos_ == "PRON" and lower in SINGULAR_NEUTER | PLURAL | PERSONAL:
            if lower == "it" and token.dep_ == "nsubj" and dummy_it(token):
                continue  # "it is clear that ...", "it will take years to ...": no referent
            if stands_for_a_text(token):
                continue  # "would sign it": a bill, whatever actor was named last
            if _generic_pair(doc, token):
                continue  # "he or she", "his or her": anyone, not a person of the text
            kind = "pronoun"
        elif (
            token.pos_ == "NOUN"
            and (
                token.lemma_.lower() in DESCRIPTIONS
                or token.lemma_.lower() in FIRM_NOUNS
                or token.lemma_.lower() in named_heads
            )
            and _article_before(doc, token) is not None
            and token.tag_ == "NN"
            and (token.lemma_.lower() in DESCRIPTIONS or token.dep_ not in {"compound", "amod"})
            and not any(
                c.dep_ in {"amod", "compound", "prep", "poss"} and not _based_in(c)
                for c in token.children
            )
        ):
            # (A business noun or a name's last word that only modifies another noun, as
            # in "the labor market", is no description.)
            kind = "description"
            noun = token.lemma_.lower()
            wanted = DESCRIPTIONS.get(noun) or (
                frozenset({noun}) if noun in named_heads else frozenset({FIRM})
            )
            if (noun not in DESCRIPTIONS or noun in TAKEN_UP) and _mentioned_before(
                doc, token, taken
            ):
                continue  # "a small biotech company ... the company": that one, unnamed
            span_start = _article_before(doc, token) or token.i - 1
            if token.lemma_.lower() in meant:
                actor = meant[token.lemma_.lower()]
                resolved.append(_reference(doc, span_start, token, actor, kind))
                continue
        if kind is None:
            continue
        here = sentence_of(token.idx)
        gender = pronoun_gender(lower) if kind == "pronoun" else None
        clause_subject = _subject_actor(token, actor_at)
        ranked: list[tuple[tuple[int, ...], Mention]] = []
        far: list[tuple[int, Mention]] = []  # out of reach, but a description's rivals
        noun = token.lemma_.lower() if kind == "description" else None
        long_reach = wanted is not None and (FIRM in wanted or token.lemma_ in BODY_WORDS)
        reach = BUSINESS_REACH if long_reach else MAX_SENTENCE_DISTANCE
        for candidate in reversed(explicit[: bisect_right(starts, token.idx - 1)]):
            distance = here - sentence_of(candidate.start)
            beyond = distance > reach
            if beyond and noun not in DESCRIPTIONS and noun not in named_heads:
                break  # (a name's own noun, "the council", looks back for that name)
            if beyond and name_head(candidate, resolver) != noun:
                if distance <= reach + DESCRIPTION_RIVAL_REACH and _compatible(
                    candidate, lower, wanted, resolver
                ):
                    far.append((distance, candidate))
                continue  # far back, only a body whose name is built on the noun
            if candidate.end > token.idx or not _compatible(candidate, lower, wanted, resolver):
                continue
            if gender is not None and genders.get(candidate.actor, gender) != gender:
                continue  # "she" after "Mr. Smith", "he" after "the chairwoman, Jane Roe"
            if lower in PERSONAL and _named_in_own_quotation(doc, token, candidate, quotes):
                continue  # '"Putin reads weakness," he said': the speaker, not Putin
            if backgrounded(doc[candidate.head], token) or candidate.actor == clause_subject:
                continue
            if (
                lower in SINGULAR_NEUTER or (kind == "description" and lower not in DESCRIPTIONS)
            ) and only_modifies(doc[candidate.head]):
                continue  # "Airbus A320 jets": the jets, not the firm, are "the company"
            if lower in SINGULAR_NEUTER and describes_someone(doc[candidate.head]):
                continue
            if lower in SINGULAR_NEUTER and home_place(doc[candidate.head]):
                continue  # "Sen. Jo Hale of Ohio voted against it": the bill, not Ohio
            # Within a sentence, a person the article has already given this pronoun's
            # gender goes before one it has given none ("Tymoshenko ... her ... though
            # Klitschko also has claims. She was jailed": Tymoshenko).
            known = 0 if gender is not None and genders.get(candidate.actor) == gender else 1
            key = (distance, known, 0 if candidate.subject else 1, token.idx - candidate.end)
            ranked.append((key, candidate))
        if not ranked:
            continue
        ranked.sort(key=lambda pair: pair[0])
        if wanted is not None and FIRM in wanted:
            ranked = named_business_first(ranked, resolver)
        if noun in DESCRIPTIONS:
            ranked = named_on_the_noun_first(ranked, noun, reach, resolver)
        best = ranked[0]
        if lower in PERSONAL and _ambiguous(best, ranked[1:]):
            continue
        if lower in PERSONAL and _named_in_what_they_report(doc, token, best, ranked[1:]):
            continue
        own = _speakers_country(token, wanted, actor_at, resolver)
        mine = [pair for pair in ranked if pair[1].actor == own] or [
            ((distance,), m) for distance, m in far if m.actor == own
        ]
        if kind == "description" and mine:
            best, ranked, far = mine[0], mine[:1], []  # Zelensky's "the country": Ukraine
        if kind == "description" and resolver.info(best[1].actor).type == "place":
            continue  # "the state" after "in Ohio": a state the knowledge base does not know
        if kind == "description" and any(
            other.actor != best[1].actor
            and (key[0] <= best[0][0] + DESCRIPTION_RIVAL_REACH or FIRM in (wanted or ()))
            for key, other in ranked[1:]
        ):
            continue  # "the country" in war news with two countries in view: either
        if name_head(best[1], resolver) != noun and any(
            other.actor != best[1].actor and distance <= best[0][0] + DESCRIPTION_RIVAL_REACH
            for distance, other in far
        ):
            continue  # "the government" after Greece, Italy and Spain, one a paragraph each
        if lower in {"it", "they", "them"} and nearer_thing(doc, token, best[1], taken):
            continue  # "The letter went early. It went in May": the letter, not an actor
        if lower in {"its", "their"} and (
            thing_owns(doc, token, best[1], taken)
            or thing_leads(doc, token, best[1], taken)
            or unnamed_body_speaks(token, best[1], taken | set(actor_at))
        ):
            continue  # "the agency had exceeded its authority": the agency's
        if lower in PERSONAL and unnamed_person_between(doc, best[1], token, taken):
            continue  # "Obama met Boehner as a Republican senator said his party ...": the senator
        if lower in PERSONAL and best[1].actor in speaking(token.idx):
            continue  # in their own words a speaker is "I": "he" there is someone else
        actor = best[1].actor
        if wanted == frozenset({"country"}) and resolver.info(actor).type == "person":
            affiliation = resolver.info(actor).affiliation
            if affiliation is None:
                continue
            actor = affiliation
        reference = _reference(doc, span_start, token, actor, kind)
        resolved.append(reference)
        actor_at[token.i] = actor
        if gender is not None:
            genders.setdefault(actor, gender)  # an unambiguous "she" says so for later ones
        if (lower in PERSONAL and reference.subject) or (
            kind == "description" and lower not in DESCRIPTIONS
        ):
            # A resolved subject "he" continues its chain: in "He laughed at Mr. Ryan's
            # remarks, and at times he seemed ...", the second "he" is the first one's; and
            # "the company" said again three paragraphs on is the same company.
            at = bisect_right(starts, reference.start)
            explicit.insert(at, reference)
            starts.insert(at, reference.start)
    return resolved


DESCRIPTION_RIVAL_REACH = 2
"""A description ("the country", "the alliance") is left unresolved when another actor of
its kind was named within this many sentences of the nearest one: in a report on two
countries, "power plants across the country" may be either, and the nearest subject is
no better a guess."""

OBJECT_PRONOUNS = frozenset({"him", "her", "them", "it"})
RELATIVES = frozenset({"which", "that", "who"})


def _subject_actor(pronoun: Any, actor_at: dict[int, str]) -> str | None:
    """The actor of the subject of an object pronoun's own clause, which it cannot be.

    "He wants to beat him": a plain object pronoun never means its clause's subject (that
    would be "himself"), so that actor is ruled out as its antecedent. A relative pronoun
    subject stands for the noun its clause hangs on ("the Senate, which will pass it").
    """
    if pronoun.lower_ not in OBJECT_PRONOUNS or pronoun.dep_ not in {"dobj", "pobj", "dative"}:
        return None
    verb = pronoun.head.head if pronoun.dep_ == "pobj" else pronoun.head
    subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    while subject is None and verb.dep_ in {"xcomp", "conj"} and verb.head.i != verb.i:
        # "Ballmer expressed condolences and described him as ...": the shared subject
        verb = verb.head
        subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None:
        return None
    if subject.lower_ in RELATIVES and verb.dep_ == "relcl":
        subject = verb.head  # "the Senate, which is expected to approve it": the Senate
    if subject.i not in actor_at:
        # "His son George W. Bush called him ...": the subject is the name in apposition
        # to its head noun, and "him" is someone else.
        named = [c for c in subject.children if c.dep_ == "appos" and c.i in actor_at]
        if named:
            return actor_at[named[0].i]
    return actor_at.get(subject.i)


def _ambiguous(
    best: tuple[tuple[int, ...], Mention],
    others: list[tuple[tuple[int, ...], Mention]],
) -> bool:
    """Whether another person is as likely a referent of "he"/"she" as the best one.

    Two people in the same sentence (counted back from the pronoun), both subjects or both
    not, differ only in how close they are, which says little about whom "he" means; unless
    the article's wording gave one of them another gender (the candidates here are already
    filtered by it), such a pronoun is left unresolved rather than guessed, even when only
    one of them was given the pronoun's gender before (a ranking, not a proof).
    """

    def rank(key: tuple[int, ...]) -> tuple[int, int]:
        return key[0], key[2]  # sentence distance and subjecthood, not gender evidence

    return any(other.actor != best[1].actor and rank(key) == rank(best[0]) for key, other in others)


def _speakers_country(
    token: Any, wanted: frozenset[str] | None, actor_at: dict[int, str], resolver: ActorResolver
) -> str | None:
    """The country of the person whose words "the country" is in, when the article says it.

    In "Prime Minister Kyriakos Mitsotakis said the country was at war with the fires", the
    speaker's own country is meant, however many others the report named around it. Only a
    person the knowledge base (or the article's title for them) ties to a state counts.
    """
    if wanted is None or "country" not in wanted:
        return None
    for verb in token.ancestors:
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is None or subject.i >= token.i:
            continue
        actor = actor_at.get(subject.i)
        if actor is not None and resolver.info(actor).type == "person":
            return resolver.info(actor).affiliation
        return None
    return None


SAYING_GAP = re.compile(r"""^[\s,.:;!?"'\u201c\u201d\u2018\u2019\u2014-]*$""")
"""What may stand between a quotation and the pronoun that says it ('," he said')."""


def _named_in_own_quotation(
    doc: Any, pronoun: Any, candidate: Mention, quotes: list[tuple[int, int]]
) -> bool:
    """Whether the candidate is named inside the quotation the pronoun is the speaker of.

    In '"Putin reads weakness the way a shark smells blood," he said' the person the
    quotation names is the one spoken about; "he" is its speaker, named before. A quotation
    the pronoun's clause introduces ('he said: "..."') or follows (punctuation only between
    the closing mark and the pronoun) is the pronoun's own, when its verb is one of saying.
    """
    span = next((q for q in quotes if q[0] <= candidate.start and candidate.end <= q[1]), None)
    if span is None or pronoun.dep_ != "nsubj" or pronoun.head.lemma_ not in SPEECH_VERBS:
        return False
    start, end = span
    if end <= pronoun.idx:
        return bool(SAYING_GAP.match(doc.text[end : pronoun.idx]))
    verb = pronoun.head
    after = verb.idx + len(verb.text)
    return pronoun.i < verb.i and after <= start and bool(SAYING_GAP.match(doc.text[after:start]))


def _named_in_what_they_report(
    doc: Any,
    pronoun: Any,
    best: tuple[tuple[int, ...], Mention],
    others: list[tuple[tuple[int, ...], Mention]],
) -> bool:
    """Whether "he" in what a subject reports may as well be a person named in the report.

    In "Jeffries said his caucus would protect Johnson if he allowed a vote" the reporting
    subject is preferred as a subject, but the person the report names before the pronoun
    is as likely (here, the one who can allow a vote): both are in the clause's view and
    nothing but the ranking tells them apart, so the pronoun is left unresolved.
    """
    speaker = doc[best[1].head]
    if speaker.dep_ not in {"nsubj", "nsubjpass"} or best[0][0] != 0:
        return False
    report = next(
        (
            c
            for c in speaker.head.children
            if c.dep_ == "ccomp" and c.left_edge.i <= pronoun.i <= c.right_edge.i
        ),
        None,
    )
    if report is None:
        return False
    return any(
        other.actor != best[1].actor
        and key[0] == 0
        and report.left_edge.i <= other.head < pronoun.i
        for key, other in others
    )


def _compatible(
    candidate: Mention, pronoun: str, wanted: frozenset[str] | None, resolver: ActorResolver
) -> bool:
    info = resolver.info(candidate.actor)
    if wanted == frozenset({FIRM}):
        # "China Eastern Airlines" is one firm however its last word ends.
        named_firm = candidate.label == "ORG" and candidate.kind == "name"
        return (
            info.type == "organisation"
            and (not candidate.plural or named_firm)
            and firm_like(info, resolver)
        )
    if wanted is not None and pronoun not in DESCRIPTIONS:
        # "the agency" after "the International Atomic Energy Agency": the noun its name
        # is built on.
        return info.type == "organisation" and name_head(candidate, resolver) == pronoun
    if wanted is not None:
        if pronoun == "state" and info.type == "place" and candidate.label == "GPE":
            # "held a rally in the state" after "in Pennsylvania": a state of a federation
            # may be meant, so a named place competes with the country (and blocks a guess).
            return True
        if pronoun in MEMBERSHIP_DESCRIPTIONS and not _has_members(info):
            return False  # "across the bloc" after a weather service: not the service
        if info.type in wanted and not candidate.plural:
            return True
        return "country" in wanted and info.type == "person" and info.affiliation is not None
    if pronoun in SINGULAR_NEUTER:
        # A firm's name is one firm however its last word ends ("General Motors said it").
        named_firm = candidate.label == "ORG" and candidate.kind == "name"
        return info.type in {"country", "organisation", "place"} and (
            not candidate.plural or named_firm
        )
    if pronoun in PLURAL:
        return candidate.plural or info.type == "group"
    return info.type == "person"


MEMBERSHIP_DESCRIPTIONS = frozenset({"alliance", "bloc"})
"""Descriptions of a body whose members are states or parties, not of any organisation."""
MEMBERSHIP_NAMES = frozenset(
    {"union", "alliance", "organization", "organisation", "treaty", "pact", "bloc", "league"}
    | {"community", "coalition", "association", "commonwealth", "cooperation", "council"}
)
"""Words in the names of bodies made of members ("European Union", "North Atlantic Treaty
Organization", "Association of Southeast Asian Nations")."""


def _has_members(info: ActorInfo) -> bool:
    """Whether an organisation may be one of members: a union, an alliance, a league.

    One the knowledge base knows is taken as it was before this check (it holds the
    alliances and unions news calls "the bloc": NATO, the EU); one the article alone names
    needs a word for such a body in its name.
    """
    return info.kb_id is not None or bool(set(info.name.lower().split()) & MEMBERSHIP_NAMES)


def _reference(doc: Any, start: int, token: Any, actor: str, kind: str) -> Mention:
    span = doc[start : token.i + 1]
    subject = token.dep_ in {"nsubj", "nsubjpass"}
    return Mention(
        start=span.start_char,
        end=span.end_char,
        token_start=start,
        token_end=token.i + 1,
        head=token.i,
        actor=actor,
        kind=kind,
        text=span.text,
        plural=token.lower_ in PLURAL,
        subject=subject,
    )


def _generic_pair(doc: Any, token: Any) -> bool:
    """Whether a pronoun is half of "he or she" / "his or her", which refers to no one."""
    for a, b in ((token.i - 2, token.i - 1), (token.i + 2, token.i + 1)):
        if 0 <= a < len(doc) and 0 <= b < len(doc):
            other, link = doc[a], doc[b]
            if (
                link.lower_ in {"or", "/"}
                and other.lower_ in PERSONAL
                and other.lower_ != token.lower_
            ):
                return True
    return False


def _article_before(doc: Any, token: Any) -> int | None:
    """Where the "the" of a description stands: right before its noun, or before "X-based"."""
    before = token.i - 1
    if before >= 0 and _based_in(doc[before]):
        before = doc[before].left_edge.i - 1
    return before if before >= 0 and doc[before].lower_ == "the" else None


def _based_in(modifier: Any) -> bool:
    """Whether a noun's modifier only says where a body is based ("the Detroit-based carmaker").

    Business copy calls a firm named once by its base and its trade; the place is no
    narrowing of which carmaker, as "the electric carmaker" would be.
    """
    return (
        modifier.dep_ == "amod"
        and modifier.lower_ in {"based", "headquartered"}
        and any(c.dep_ == "npadvmod" for c in modifier.children)
    )


def _mentioned_before(doc: Any, token: Any, taken: set[int]) -> bool:
    """Whether the description's noun already stood in the text, unnamed, in another phrase.

    In "a small biotech company ... the company said", the description takes up that phrase,
    not a firm named earlier: any earlier phrase on the same noun with more than "the"
    before it counts. A noun in apposition to a name ("Eskom, the state utility"), with
    the name in apposition to it ("the oil company Veltrex"), or set right before the name
    as its modifier ("against oil company Northgate Energy"), belongs to the name, and is no
    rival; an earlier bare "the company" is the same description.
    """
    lemma = token.lemma_.lower()
    return any(
        other.lemma_.lower() == lemma
        and other.pos_ == "NOUN"
        and other.i not in taken
        and other.dep_ != "appos"
        and not any(c.dep_ == "appos" and c.pos_ == "PROPN" for c in other.children)
        and not (other.dep_ == "compound" and other.head.pos_ == "PROPN" and other.head.i > other.i)
        and any(
            child.dep_ not in {"case", "punct"} and child.lower_ != "the"
            for child in other.children
        )
        for other in doc[: token.i]
    )
