"""Whether a noun phrase names people: help a deed gives must reach someone.

"Rescued the villagers", "treated the wounded" and "sheltered them" help people; "approved
the bill", "won cuts" and "protected funding" are acts of procedure that help nobody a
reader could name, and political news is full of them. Portrayal counts a helpful act as
evidence of a hero only when what it reaches is one of the article's actors or a phrase
this module reads as people.

No resource of noun classes ships with the packages we may use (WordNet does not), so the
reading rests on what the parse and English word formation make plain, and errs towards
*people* when unsure, which keeps the evidence as it was before this check:

- a named party (a person, a nationality or group, an organisation, a country);
- a personal or indefinite pronoun for people ("them", "everyone");
- an adjective or participle standing for people ("the wounded", "the poor");
- what a quantity counts ("thousands of children");
- a general noun for people ("children", "families", "residents") or a noun formed as one
  that does or is something ("villager", "survivor", "activist", "civilian", "refugee",
  "migrant", "resident"), though not "-ment" ("agreement"), and "-ant" or "-ent" only
  where a verb is its stem ("resident" from "reside"; "plant" and "incident" are things).

Known gap: nouns in "-er" and "-or" for machines ("reactor", "generator", "tractor",
"harvester") read as people. Their stems are verbs as often as those of nouns for people
("generate", "harvest"; "operate", "farm"), and the small English model has no word
vectors, clusters or probabilities to tell an artifact from a person (checked: all empty),
and its lemma index gives parts of speech only. A resource of noun classes (WordNet's
artifact and person senses) would be the principled test, and none ships with us.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from parallax.actors.vocabulary import is_verb

PARTY_LABELS = frozenset({"PERSON", "NORP", "ORG", "GPE"})
PEOPLE_PRONOUNS = frozenset(
    {
        "i", "me", "we", "us", "you", "he", "him", "she", "her", "they", "them",
        "everyone", "everybody", "someone", "somebody", "anyone", "anybody",
    }
)  # fmt: skip
GENERAL_PEOPLE = frozenset(
    {
        "people", "person", "child", "kid", "family", "man", "woman", "boy", "girl", "baby",
        "victim", "troop", "crowd", "citizen", "population", "public", "community", "youth",
        "staff", "crew", "patient", "elderly", "household", "neighbour", "neighbor",
        "friend", "ally", "colleague", "nation", "country", "state", "army", "force",
        "government", "team", "group", "union", "party", "police",
        "agent", "client", "parent", "tenant", "merchant", "opponent", "applicant",
        "insurgent", "dissident", "peasant", "sergeant", "lieutenant", "constituent",
    }
)  # fmt: skip
"""Common English nouns for people and bodies of people that no suffix marks (among them
nouns in "-ant" and "-ent" formed on no verb, see :func:`_from_a_verb`)."""
QUANTITIES = frozenset(
    {
        "thousand", "hundred", "million", "dozen", "score", "number", "lot", "couple",
        "majority", "handful", "most", "many", "some", "all", "several", "few",
    }
)  # fmt: skip
"""Words that count what follows them ("thousands of ...")."""
PERSON_SUFFIXES = ("er", "or", "ist", "ian", "ee", "ant", "ent")
"""Endings English gives nouns for who does or is something; "-ment" is left out."""


def names_people(head: Any | None) -> bool:
    """Whether the noun phrase headed by spaCy token ``head`` names people (see the module)."""
    if head is None:
        return False
    lemma = head.lemma_.lower()
    if head.pos_ == "NUM" or lemma in QUANTITIES:
        # "thousands of children", "dozens of towns": the phrase names what is counted.
        counted = [g for c in head.children if c.lower_ == "of" for g in c.children]
        if counted:
            return names_people(counted[0])
    if head.ent_type_ in PARTY_LABELS:
        return True
    if head.pos_ == "PRON":
        return head.lower_ in PEOPLE_PRONOUNS
    if head.pos_ in {"ADJ", "VERB"}:
        return any(child.dep_ == "det" for child in head.children)  # "the wounded"
    if lemma in GENERAL_PEOPLE:
        return True
    return (
        head.pos_ in {"NOUN", "PROPN"}
        and len(lemma) > 4
        and lemma.endswith(PERSON_SUFFIXES)
        and not lemma.endswith("ment")
        and (not lemma.endswith(("ant", "ent")) or _from_a_verb(lemma))
    )


def _from_a_verb(lemma: str) -> bool:
    """Whether a noun in "-ant" or "-ent" is formed on a verb, as one who does it.

    "Resident", "migrant", "servant", "defendant" name who resides, migrates, serves or
    defends; "plant", "grant", "event", "incident" and "component" are formed on no verb
    and name things. The verb is looked up in the parser's vocabulary
    (:mod:`parallax.actors.vocabulary`) as the stem alone or with "e", "ate" or "y" added;
    the nouns for people that are formed on no verb are in :data:`GENERAL_PEOPLE`.
    """
    stem = lemma[:-3]
    return len(stem) >= 3 and any(is_verb(stem + end) for end in ("", "e", "ate", "y"))


ROLE_ENDINGS = (*PERSON_SUFFIXES, "man", "woman", "person")
"""Endings of nouns for a person's job or role ("governor", "minister", "ombudsman")."""

_PERSON_NOUN_WORDS = (
    "official spokesman spokeswoman spokesperson senator lawmaker legislator "
    "congressman congresswoman representative minister governor mayor judge lawyer "
    "attorney prosecutor officer soldier commander general candidate opponent rival "
    "challenger aide adviser advisor man woman boy girl father mother son daughter "
    "brother sister husband wife friend colleague leader chairman chairwoman "
    "executive director diplomat ambassador envoy analyst expert witness victim "
    "suspect resident activist critic supporter journalist reporter student teacher "
    "doctor worker voter donor predecessor successor deputy secretary president "
    "speaker"
)
PERSON_NOUNS = frozenset(_PERSON_NOUN_WORDS.split())
"""Common nouns for a person, among them jobs whose ending does not say so ("secretary",
"envoy", "judge")."""

RANKS = frozenset(
    {"colonel", "admiral", "captain", "lieutenant", "sergeant", "nominee", "host", "chair"}
)
"""Ranks and roles only a person holds, beside a name the tagger took for a firm's."""

OFFICES = frozenset(
    {
        *("secretary", "minister", "ambassador", "envoy", "director", "chairman"),
        *("chairwoman", "president", "governor", "judge", "commander", "general"),
        *("colonel", "admiral", "senator", "mayor", "deputy", "speaker", "spokesman"),
        *("spokeswoman", "spokesperson", "prosecutor", "executive", "nominee"),
    }
)
"""Offices a person is confirmed, named or appointed "as" (a firm is named as an
adviser or an auditor, never as a minister)."""


def titled_person(ent: Any, *, by_surname: bool = True) -> bool:
    """Whether a name the tagger called an organisation is a person's, by the role beside it.

    The tagger takes unfamiliar personal names for organisations ("regional governor
    Anna Berg", "the ombudsman, Ivo Tamm"), and sometimes for places ("chief executive
    Marina Okafor"). A name of two or three proper nouns set right after a noun for
    someone's job or role, or in apposition with one, is a person; an organisation's or a
    place's name is not written so ("the governor's office" is no such phrase). So is a name
    that ends in the surname of a person the article names ("the senator's wife, Nadine
    Berg"), unless ``by_surname`` is off: a place may share a person's last word ("New York"
    beside "Tom York").
    """
    words = list(ent)
    if not all(t.pos_ == "PROPN" and t.text[:1].isupper() and t.is_alpha for t in words):
        return False
    if len(words) == 1:
        # "Adams, the city's mayor, said": a one-word subject is a person's only when a noun
        # for a role stands in apposition to it (a bare surname is as often a firm's), and
        # the role is not another name's (a broadcaster the parser set beside "the new
        # envoy", whose own name follows it).
        root = ent.root
        return root.dep_ in {"nsubj", "nsubjpass"} and any(
            c.dep_ == "appos"
            and _role_noun(c)
            and not any(g.dep_ == "appos" and g.pos_ == "PROPN" for g in c.children)
            for c in root.children
        )
    if len(words) > 3:
        return False
    if words[-1].tag_ == "NNPS":
        return False  # "Blue Harbor Partners": a plural name is a firm's or a group's
    doc = ent.doc
    surname = words[-1].text
    if by_surname and any(
        o.label_ == "PERSON" and o[-1].text == surname and o.text != ent.text for o in doc.ents
    ):
        return True  # "Nadine Berg" beside "Tom Berg": a relative, not a firm
    before = doc[ent.start - 1] if ent.start > 0 else None
    if before is not None and _role_noun(before) and before.head.i in range(ent.start, ent.end):
        return True  # "governor Anna Berg": the role is part of the name's phrase
    root = ent.root
    if root.dep_ == "appos" and _role_noun(root.head):
        return True  # "the ombudsman, Ivo Tamm"
    if _made_into_role(root):
        return True  # "confirmed Ivo Tamm as secretary of defence"
    return any(child.dep_ == "appos" and _role_noun(child) for child in root.children)


def _made_into_role(root: Any) -> bool:
    """Whether the name is the object of a verb that makes it something "as" a role noun."""
    if root.dep_ not in {"dobj", "nsubjpass"}:
        return False
    for prep in root.head.children:
        if prep.dep_ == "prep" and prep.lower_ == "as" and prep.i > root.i:
            return any(
                o.dep_ == "pobj" and o.text.islower() and o.lemma_.lower() in OFFICES
                for o in prep.children
            )
    return False


def _role_noun(token: Any) -> bool:
    lemma = token.lemma_.lower()
    if token.pos_ not in {"NOUN", "PROPN"} or not token.text.islower():
        return False  # a lower-case word the tagger calls a proper noun is a common one
    if lemma in PERSON_NOUNS or lemma in RANKS:
        return True
    return len(lemma) > 4 and lemma.endswith(ROLE_ENDINGS) and not lemma.endswith("ment")


SPEAKING_LABELS = frozenset({"PERSON", "NORP", "ORG"})
"""Entities that are always someone; a country (GPE) is someone only when it acts."""
ACTING = frozenset({"nsubj", "nsubjpass", "poss", "agent"})
"""Where a country's name makes it a party ("Russia launched", "Moscow's decision"), not a
setting ("in Texas", "the Texas grid")."""
ARGUMENTS = frozenset(
    {"nsubj", "nsubjpass", "dobj", "poss", "attr", "appos", "agent", "pobj", "conj", "dative"}
)
PLACE_PREPOSITIONS = frozenset(
    {"in", "at", "on", "near", "across", "around", "throughout", "inside", "outside", "along"}
)
"""Prepositions of a setting: the nouns under them say where ("in parts of the state")."""
POSSESSIVES = frozenset({"my", "our", "your", "his", "her", "their"})


def names_someone(span: Any, skip: frozenset[int] = frozenset()) -> bool:
    """Whether a sentence (a spaCy span) names anyone a judgement could be about.

    Loaded language colours a party: a person, a group, an organisation, a state acting.
    A sentence naming none describes things and events ("a heat wave strained the
    grid", "the storm slammed into the coast"), and its vivid verbs give their size, not
    the writer's judgement of anyone. Someone is named by a person's, group's or
    organisation's name, a country as the subject or owner of something, a pronoun for
    people ("they", "our"), an adjective standing for people ("the powerful"), or a
    common noun for people as an argument outside a phrase of place. Unlike
    :func:`names_people`, nouns are taken as people only from the word lists and the
    endings "-ist" and "-ian": the "-er", "-or" and "-ee" endings also make things
    ("power", "reactor", "degree"), and a thing read as people here would keep a flag
    that has no one to judge.

    ``skip``: indices of tokens that name no one the sentence could judge, such as the
    source a report is attributed to (:func:`parallax.persuasion.reporting.speaker_tokens`).
    """
    for token in span:
        if token.i in skip:
            continue
        if token.ent_type_ in SPEAKING_LABELS:
            return True
        if token.ent_type_ == "GPE" and token.dep_ in ACTING:
            return True
        lower = token.lower_
        if token.pos_ == "PRON" and lower in PEOPLE_PRONOUNS:
            return True
        if token.tag_ == "PRP$" and lower in POSSESSIVES:
            return True
        if token.dep_ not in ARGUMENTS or _in_a_place(token):
            continue
        if token.pos_ == "ADJ" and any(child.dep_ == "det" for child in token.children):
            return True  # "the powerful", "the poor"
        if token.pos_ in {"NOUN", "PROPN"} and _people_noun(token.lemma_.lower()):
            return True
    return False


def _people_noun(lemma: str) -> bool:
    return (
        lemma in PERSON_NOUNS
        or lemma in GENERAL_PEOPLE
        or lemma in RANKS
        or (len(lemma) > 4 and lemma.endswith(("ist", "ian")))
    )


def _in_a_place(token: Any) -> bool:
    """Whether ``token`` lies under a preposition of place ("in parts of the state")."""
    while token.head.i != token.i:
        if token.dep_ == "pobj" and token.head.lower_ in PLACE_PREPOSITIONS:
            return True
        token = token.head
    return False


BODY_VOICES = frozenset(
    {
        "official", "source", "spokesman", "spokeswoman", "spokesperson", "representative",
        "aide", "envoy", "negotiator", "diplomat",
    }
)  # fmt: skip
"""Nouns of those who speak and act in a body's name even unnamed ("a Pentagon official")."""


RELATIONS = frozenset(
    {
        *("son", "daughter", "wife", "husband", "mother", "father", "brother", "sister"),
        *("child", "parent", "cousin", "nephew", "niece", "uncle", "aunt", "grandson"),
        *("granddaughter", "grandmother", "grandfather", "partner", "boyfriend"),
        *("girlfriend", "fiance", "fiancee", "widow", "widower", "friend", "neighbor"),
        *("neighbour", "client", "patient", "student", "teacher", "employer", "employee"),
        *("boss", "colleague", "successor", "predecessor", "accuser", "victim", "killer"),
    }
)
"""Nouns for a person standing in a relation to another: kin, friends, clients, colleagues."""


def _someone_of_a_person(head: Any) -> bool:
    """Whether a noun for a person is someone of a man's or a woman's ("his client").

    "His client", "her son", "his wife": a person's relative, client or friend
    (:data:`RELATIONS`) is another person, who acts for themselves; a lawyer, an office or
    a party acts in the person's name or is the person's side. Only "his" and "her" say
    the owner is a person; "its" and "their" may be a body's, whose people act for it.
    """
    if head.lemma_.lower() not in RELATIONS:
        return False
    return any(c.dep_ == "poss" and c.lower_ in {"his", "her"} for c in head.children)


OTHER_SIDE = frozenset(
    {
        *("critic", "opponent", "apologist", "supporter", "ally", "rival", "enemy", "foe"),
        *("detractor", "defender", "admirer", "fan", "backer", "cheerleader", "adversary"),
        *("sympathizer", "sympathiser", "victim", "neighbour", "neighbor", "challenger"),
    }
)
"""Nouns for people who stand for or against someone without being them."""


def on_their_side(head: Any, owner_of: Callable[[Any], str | None], actor: str | None) -> bool:
    """Whether ``actor`` was read from the owner of a noun for people for or against it.

    "The Kremlin's apologists say", "Trump's critics said": the words and deeds are theirs,
    not the Kremlin's or Trump's, as a ministry's or a spokesman's would be. ``owner_of``
    gives the actor a token names; a phrase that names its people ("Kroll's challenger,
    state treasurer Amy Lindgren,") keeps the actor it names.
    """
    if actor is None or head.pos_ != "NOUN" or head.lemma_.lower() not in OTHER_SIDE:
        return False
    return any(c.dep_ == "poss" and owner_of(c) == actor for c in head.children)


def one_of_its_people(head: Any, named: Callable[[Any], bool], *, speaking: bool = False) -> bool:
    """Whether a phrase picks out one of a body's people, who speaks and acts for themselves.

    "A TSA officer told this newspaper she had taken a second job", "an Amazon worker
    sued": a body's name (``named`` says a token is one) compounded before an indefinite
    noun for a person picks out someone who works there, whose words and deeds are not the
    body's. An official or a spokesman (:data:`BODY_VOICES`) speaks in its name. The noun
    must name people, unless it is ``speaking`` (what speaks is someone: "a Tours guide").
    So does someone of a person's ("his client", "her son"; :func:`_someone_of_a_person`).
    """
    if head.pos_ != "NOUN" or named(head) or head.lemma_.lower() in BODY_VOICES:
        return False
    if not speaking and not names_people(head):
        return False
    if _someone_of_a_person(head):
        return True  # "Stein said his client would appeal": the client appeals, not Stein
    if not any(c.dep_ == "compound" and named(c) for c in head.children):
        return False
    dets = [c.lower_ for c in head.children if c.dep_ == "det"]
    return bool(dets) and dets[0] in {"a", "an", "one", "another"}
