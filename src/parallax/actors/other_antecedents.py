"""What else a pronoun may stand for, when it is not the actor the ranking put first.

:mod:`parallax.actors.coreference` ranks the actors before a pronoun; these checks find a
likelier antecedent that is no actor (a thing, a product, an unnamed body or person), in
which case the pronoun is left unresolved rather than given to the wrong actor.
"""

from __future__ import annotations

from typing import Any

from parallax.actors.animacy import PERSON_NOUNS, names_people
from parallax.actors.gender import noun_gender, pronoun_gender
from parallax.actors.mention_records import Mention

PERSONAL = frozenset({"he", "his", "him", "himself", "she", "her", "hers", "herself"})


def nearer_thing(doc: Any, pronoun: Any, candidate: Mention, taken: set[int]) -> bool:
    """Whether "it" ("they") has a nearer thing (things), not an actor, it may stand for.

    A subject pronoun mostly continues the last subject; when that subject is a singular
    common noun no actor names ("the letter", "the plan"), "it" is that thing far more often
    than an actor further back, and we cannot tell which, so it is left unresolved. An
    object "it" as often takes up what the last clause acted on: in "The lobby opposed the
    bill. Four senators voted for it", the bill, not the lobby, so a nearer thing in a
    subject's or an object's place leaves it unresolved too. "They" and "them" are read
    the same way with plural nouns, in either place ("block these rules before they shut
    down the plants": the rules). The noun a name only modifies is the pronoun's
    antecedent with the name when it names people ("Finnish workers said they ..."), and
    a nearer thing when it does not ("attacked Ukrainian positions, most of them ...").
    """
    plural = pronoun.lower_ in {"they", "them"}
    tag = "NNS" if plural else "NN"
    # "Finnish workers": the noun the name modifies; an owner ("the Kremlin's offer") is no
    # modifier of a noun for people, and what it owns is a nearer thing whatever its ending.
    head = doc[candidate.head]
    named = head.head.i if head.dep_ != "poss" else -1
    if _unnamed_subject_before(doc, pronoun, candidate, taken, tag):
        return True
    if pronoun.dep_ in {"nsubj", "nsubjpass"} and not plural:
        places = {"nsubj", "nsubjpass"}
        if _other_subject_between(doc, candidate, pronoun, named):
            # The candidate is no longer the last subject ("The White House said Biden
            # would veto the bill if it reached his desk"): a nearer object is as likely.
            places |= {"dobj", "pobj"}
    elif pronoun.dep_ in {"nsubj", "nsubjpass", "dobj", "pobj", "dative"}:
        places = {"nsubj", "nsubjpass", "dobj", "pobj"}
    else:
        return False
    for token in doc[candidate.token_end : pronoun.i]:
        if (
            token.dep_ in places
            and _a_thing(token, tag, taken)
            and (token.i != named or not names_people(token))
        ):
            return True
    return False


def _unnamed_subject_before(
    doc: Any, pronoun: Any, candidate: Mention, taken: set[int], tag: str
) -> bool:
    """Whether a pronoun continues an unnamed subject that precedes the candidate.

    A subject pronoun mostly continues the last sentence's subject (centering). When the
    candidate is no subject itself but sits later in a sentence whose subject is a common
    noun of the pronoun's number that names no actor, that noun is the likelier
    antecedent: in "The general staff said the attacks came near Pokrovsk. It said ...",
    "it" is the staff, not the town; and an object "it" too ("The package goes to the
    Senate next. Ortiz will sign it": the package). A subject the candidate is part of
    ("the Dutch carmaker Velden Motors") is the candidate's own phrase, unless the
    candidate only sits in a clause that describes it: in "The version the committee
    approved is no exception. It would raise ...", the committee is the subject of the
    relative clause, and "it" the version.
    """
    if pronoun.dep_ not in {"nsubj", "nsubjpass", "dobj", "pobj"}:
        return False
    first = doc[candidate.head].sent.start
    for token in doc[first : candidate.token_start]:
        if token.dep_ not in {"nsubj", "nsubjpass"} or not _a_thing(token, tag, taken):
            continue
        if token.left_edge.i <= candidate.token_start <= token.right_edge.i:
            if _in_clause_on(doc[candidate.head], token):
                return True
        elif not candidate.subject:
            return True
    return False


def _in_clause_on(token: Any, noun: Any) -> bool:
    """Whether ``token`` sits in a clause that modifies ``noun`` (a relative clause on it)."""
    while token.i != noun.i and token.head.i != token.i:
        if token.dep_ in {"relcl", "acl"} and token.head.i == noun.i:
            return True
        token = token.head
    return False


THING_LABELS = frozenset({"", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW", "FAC"})
"""Entity labels of a proper noun that may be a thing "it" stands for ("the 777-200LR",
"iPhone 4"): a product, a work, an event, a law or a building, or none at all."""


def _a_thing(token: Any, tag: str, taken: set[int]) -> bool:
    """Whether a noun names a thing of the tag's number that is no actor's mention.

    A common noun ("the letter") or, for a singular pronoun, a proper noun the actors layer
    made nothing of ("The 777-200LR can fly for 9,420 miles, giving it ...": the aircraft,
    not the maker named before it).
    """
    if token.i in taken:
        return False
    if token.pos_ == "NOUN":
        return bool(token.tag_ == tag)
    return (
        tag == "NN"
        and token.tag_ == "NNP"
        and token.ent_type_ in THING_LABELS
        and not names_people(token)  # "President of the United States Barack Obama"
    )


def _other_subject_between(doc: Any, candidate: Mention, pronoun: Any, named: int) -> bool:
    """Whether a clause subject other than the candidate stands between it and the pronoun."""
    return any(
        token.dep_ in {"nsubj", "nsubjpass"} and token.i != named and token.pos_ != "PRON"
        for token in doc[candidate.token_end : pronoun.i]
    )


def thing_owns(doc: Any, pronoun: Any, candidate: Mention, taken: set[int]) -> bool:
    """Whether "its" ("their") belongs to its own clause's subject, a thing no actor names.

    In "the agency had exceeded its authority" the subject owns what "its" qualifies far
    more often than an actor named before; the subject is a singular common noun that is no
    actor's mention, so "its" is left unresolved. "Their" the same with a plural subject:
    in "exports have recovered to near their pre-war level", the exports'.
    """
    owned = pronoun.head
    verb = owned.head if owned.dep_ in {"dobj", "pobj", "attr"} else None
    if verb is not None and owned.dep_ == "pobj":
        verb = verb.head
    if verb is None:
        return False
    subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    return (
        subject is not None
        and subject.i >= candidate.token_end
        and _a_thing(subject, "NNS" if pronoun.lower_ == "their" else "NN", taken)
        and not (pronoun.lower_ == "their" and subject.left_edge.i <= candidate.token_start)
    )  # "Ukrainian soldiers held their ground": the soldiers are the candidate's people


def thing_leads(doc: Any, pronoun: Any, candidate: Mention, taken: set[int]) -> bool:
    """Whether "its" ("their") in its clause's subject continues a nearer subject, a thing.

    "Its" that opens a clause's subject ("Its last head resigned in March") takes up the
    last subject as a subject pronoun does: after "The White House expects a vote. The
    office oversees $170 billion a year. Its last head resigned", the office's head, not
    the White House's. The subject of a whole sentence between the candidate's and the
    pronoun's that is a noun of the pronoun's number and no actor's mention leaves "its"
    unresolved (a clause inside the candidate's own sentence does not: "X said the vote
    would come. Its ..." continues X).
    """
    owner = pronoun.head
    after = doc[candidate.head].sent.end
    if owner.dep_ not in {"nsubj", "nsubjpass"} or pronoun.sent.start < after:
        return False
    tag = "NNS" if pronoun.lower_ == "their" else "NN"
    return any(
        token.dep_ in {"nsubj", "nsubjpass"}
        and token.head.dep_ == "ROOT"
        and _a_thing(token, tag, taken)
        for token in doc[after : pronoun.sent.start]
    )


def unnamed_body_speaks(pronoun: Any, candidate: Mention, taken: set[int]) -> bool:
    """Whether "its" ("their") is in what an unnamed body of its number says or does.

    In "The general staff said its troops destroyed 11 tanks" the troops are the staff's,
    whatever country was named in the sentence before; the staff is no actor of the
    article, so "its" is left unresolved. The nearest subject above the pronoun decides,
    not one inside the phrase the pronoun is in.
    """
    tag = "NNS" if pronoun.lower_ == "their" else "NN"
    for verb in pronoun.ancestors:
        subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subject is None or subject.left_edge.i <= pronoun.i <= subject.right_edge.i:
            continue
        return (
            candidate.token_end <= subject.i < pronoun.i
            and subject.pos_ == "NOUN"
            and subject.tag_ == tag
            and subject.i not in taken
        )
    return False


def unnamed_person_between(doc: Any, candidate: Mention, pronoun: Any, taken: set[int]) -> bool:
    """Whether a person the text does not name stands between a named one and "he"/"his".

    In "Obama met Boehner as a Republican senator suggested that his party ...", or "he
    addressed his opponent as a friend but dismissed his arguments", the nearer, unnamed
    person is as likely the pronoun's referent as the named one further back; we cannot
    tell, so the pronoun is left unresolved. Only a new person counts: one introduced as a
    subject with "a"/"another", or one related to a person already there ("his opponent");
    "the president" mostly renames someone the text has named. A person whose noun says
    the other gender ("his mother" before "he") is no rival.
    """
    for token in doc[candidate.token_end : pronoun.i]:
        if (
            token.pos_ != "NOUN"
            or token.tag_ != "NN"
            or token.lemma_.lower() not in PERSON_NOUNS
            or any(c.dep_ == "appos" or c.pos_ == "PROPN" for c in token.children)  # named
            or token.head.i in taken
        ):
            continue
        said, wanted = noun_gender(token.lemma_), pronoun_gender(pronoun.lower_)
        if said is not None and wanted is not None and said != wanted:
            continue  # "asked his mother ...," he said: the mother is no "he"
        possessed = any(c.dep_ == "poss" and c.lower_ in PERSONAL for c in token.children)
        indefinite = any(
            c.dep_ == "det" and c.lower_ in {"a", "an", "another"} for c in token.children
        )
        if possessed or (indefinite and token.dep_ in {"nsubj", "nsubjpass"}):
            return True
    return False
