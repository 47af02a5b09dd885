"""Reported speech: who speaks, and where what they are reported to say begins and ends.

A speech verb with a clausal complement ("said the plan would fail"), "according to X", and
an attribution closing its sentence ("..., an official said") report someone's words; the
reported clause is the complement, without the time of saying ("said on Monday he ..."),
another speaker's clause ("while Y said ..."), or what the report itself goes on to tell
("would fuel conflict and blasted the administration"). Used by
:mod:`parallax.actors.quotes`, which decides what counts as a quotation and whose it is.
"""

from __future__ import annotations

from typing import Any

from parallax.actors.animacy import names_people
from parallax.actors.datelines import after_dateline
from parallax.actors.speaker_names import fused_noun_end
from parallax.actors.speech import SPEECH_VERBS
from parallax.actors.subjects import antecedent, nearest_subject, stranded_speaker


def speaker_subject(verb: Any) -> Any | None:
    """Who does ``verb``: its subject, or the agent of a passive.

    The second of two joined verbs ("X went on to call it unusual and said ...") has no
    subject of its own in the parse; it takes the one the two share. A relative pronoun
    ("officials, who say ...") is the noun it stands for.
    """
    subject = nearest_subject(verb)
    if subject is not None and (claimant := _made_to_believe(verb, subject)) is not None:
        return claimant
    if subject is not None:
        return antecedent(subject, verb)
    for child in verb.children:
        if child.dep_ == "agent":
            return next((g for g in child.children if g.dep_ == "pobj"), None)
    if (telling := speaker_goes_on(verb)) is not None:
        return speaker_subject(telling)
    if verb.dep_ == "conj" and verb.head.pos_ in {"VERB", "AUX"}:
        return speaker_subject(verb.head)
    if verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.head.pos_ in {"VERB", "AUX"}:
        return speaker_subject(verb.head)  # "X defended the deal, saying ...": X says it
    return stranded_speaker(verb)


WANTING_VERBS = frozenset({"want", "have", "like", "expect", "need", "wish"})
AUDIENCE = frozenset({"you", "us", "readers", "voters", "everyone", "people", "public"})


def _made_to_believe(verb: Any, subject: Any) -> Any | None:
    """Who claims what the reader is asked to believe: "X wants you to believe that ...".

    "The firm would have you believe the pipeline is safe" and "the ministry wants us to
    believe ..." put the claim in the mouth of whoever wants it believed; the reader ("you",
    "us") holds no position. Opinion writers use the turn to distance themselves from the
    claim, so reading it in the article's own voice takes the claim for the writer's.
    """
    if verb.lemma_.lower() != "believe" or subject.lower_ not in AUDIENCE:
        return None
    wanting = verb.head
    if verb.dep_ not in {"ccomp", "xcomp"} or wanting.lemma_.lower() not in WANTING_VERBS:
        return None
    claimant = nearest_subject(wanting)
    return antecedent(claimant, wanting) if claimant is not None else None


WORKS = frozenset(
    {
        "analysis", "report", "study", "survey", "estimate", "poll", "review", "assessment",
        "tally", "count", "audit", "investigation", "statement",
    }
)  # fmt: skip
"""Nouns for a piece of work whose author is its source ("according to a study by X")."""


def _author_of(source: Any) -> Any:
    """Who a source is: the author of a study or report named after "by"/"from", else itself.

    "According to an analysis by the research group Carbon Ledger" is Carbon Ledger's
    word; a noun for a body with the body's name beside it is the name.
    """
    if source.lemma_.lower() not in WORKS:
        return source
    for child in source.children:
        if child.dep_ == "prep" and child.lower_ in {"by", "from"}:
            author = next((g for g in child.children if g.dep_ == "pobj"), None)
            if author is None or (author.pos_ != "PROPN" and author.lemma_.lower() in WORKS):
                continue  # "a review of a report by ...", but "by the Cook Political Report"
            named = next((c for c in author.children if c.dep_ == "appos"), None)
            return named if named is not None and author.pos_ == "NOUN" else author
    return source


def _named_after(source: Any) -> Any:
    """The person a source's description is set beside, when it names one.

    "According to the regional governor there, Alexander Bogomaz" is Bogomaz's word. Read
    from the words when the parser did not make the name an apposition: a common noun
    followed by a comma and a person's name that ends the sentence.
    """
    if source.pos_ != "NOUN":
        return source
    named = next((c for c in source.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
    if named is not None:
        return named
    doc, after = source.doc, source.right_edge.i + 1
    if after + 1 >= len(doc) or doc[after].text != "," or doc[after + 1].ent_type_ != "PERSON":
        return source
    end = after + 1
    while end < len(doc) and doc[end].ent_type_ == "PERSON" and doc[end].pos_ == "PROPN":
        end += 1
    rest = doc[end : source.sent.end]
    return doc[end - 1] if all(t.is_punct for t in rest) else source


def reported(token: Any) -> tuple[int, int, Any | None] | None:
    """(start token, end token, speaker token) of reported speech governed by ``token``."""
    if token.lower_ == "according" and token.dep_ == "prep":
        to = next((c for c in token.children if c.lower_ == "to"), None)
        source = next((c for c in to.children if c.dep_ == "pobj"), None) if to else None
        if source is None:
            return None
        source = _named_after(_author_of(source))
        sent = token.sent
        clause = token.head
        if _frames_the_sentence(token):
            clause = sent.root  # "X resigned, a day after Y, according to two people": all of it
        tokens = [t for t in clause.subtree if not (token.left_edge.i <= t.i <= token.right_edge.i)]
        opening = after_dateline(token.doc, sent.start)
        tokens = [
            t
            for t in tokens
            if t.sent.start == sent.start and (not t.is_punct or t.text == "%")  # "rose 3%"
        ]
        tokens = [t for t in tokens if t.i >= opening]
        if not tokens:
            return None
        return tokens[0].i, tokens[-1].i + 1, source
    if token.pos_ != "VERB" or token.lemma_.lower() not in SPEECH_VERBS:
        return None
    if unsaid(token):
        return None
    complement = next((c for c in token.children if c.dep_ == "ccomp"), None)
    if complement is None:
        return _trailing(token)
    subject = speaker_subject(token)
    if subject is None:
        return None
    fused = fused_noun_end(subject) > 0  # "a step officials said could help ...": a clause
    if fused:
        complement = next((c for c in token.children if c.dep_ == "ccomp" and c.i > token.i), None)
        if complement is None:
            return None
    first = after_dateline(token.doc, complement.left_edge.i)
    first = _paragraph_start(token.doc, first, min(complement.i, token.i))
    first = _past_time_of_saying(complement, first)
    if token.doc[first].lower_ == "that":
        first += 1
    if (token.dep_ == "relcl" or fused) and first <= token.i:
        # "a concession that environmental groups said would undermine ...": the relative
        # pronoun the parser makes the clause's subject stands before the speaker; what
        # they said is what follows the verb.
        first = token.i + 1
    last = min(complement.right_edge.i, _unshared_conjunct(complement) - 1)
    if subject.i < token.i and first < subject.left_edge.i <= last:
        last = subject.left_edge.i - 1  # a speaker the parser hung inside what they report
    last = _before_another_speaker(complement, first, last)
    while last > first and token.doc[last].is_punct and not _closes(token.doc, first, last):
        last -= 1
    return first, _to_closing_mark(token.doc, first, last, token.sent.end) + 1, subject


def _frames_the_sentence(according: Any) -> bool:
    """Whether "according to X" opens the sentence or closes it after a comma.

    So placed it vouches for the whole sentence, whatever clause the parser hung it on (in
    "An aide resigned on Wednesday, a day after investigators subpoenaed records, according
    to two people", the last clause).
    """
    sent = according.sent
    rest = [t for t in according.doc[according.right_edge.i + 1 : sent.end] if not t.is_punct]
    before = according.doc[according.i - 1] if according.i > sent.start else None
    opening = according.i == after_dateline(according.doc, sent.start)
    return opening or (not rest and before is not None and before.text == ",")


NOBODY = frozenset({"nobody", "none", "neither", "noone"})
"""Subjects that say there was no speaker ("none of them said ...")."""

WITHHOLDING_VERBS = frozenset({"decline", "refuse"})
"""Verbs of not doing what their complement says ("declined to say whether ...")."""


def unsaid(verb: Any) -> bool:
    """Whether a speech verb tells that something was *not* said.

    "No Republican has said publicly that they would oppose him", "she did not say the
    plan would fail" and "he declined to say whether he agreed" report no one's words: the
    clause is what nobody said, and reading it as a quotation puts words in the mouths of
    the very people the writer says kept silent.
    """
    if any(child.dep_ == "neg" for child in verb.children):
        return True
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in WITHHOLDING_VERBS:
        return True
    subject = nearest_subject(verb)
    if subject is None:
        return False
    if subject.lower_ in NOBODY or (subject.lower_ == "one" and _has_det(subject, "no")):
        return True
    return _has_det(subject, "no")


def _has_det(noun: Any, word: str) -> bool:
    return any(child.dep_ == "det" and child.lower_ == word for child in noun.children)


_TIME_PREPOSITIONS = frozenset({"on", "in", "at", "late", "early"})


def _past_time_of_saying(complement: Any, first: int) -> int:
    """Where what is said starts, after a time that belongs to the saying.

    In "Scott said on Monday he would oppose the plan" the parser may hang "on Monday" on
    "oppose"; news writes the time of saying right after "said", so a time that fills
    everything between the verb and the reported clause's subject is the saying's.
    """
    doc = complement.doc
    subject = next((c for c in complement.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None or subject.left_edge.i <= first:
        return first
    between = doc[first : subject.left_edge.i]
    timed = any(t.ent_type_ in {"DATE", "TIME"} for t in between)
    if timed and all(
        t.ent_type_ in {"DATE", "TIME"} or t.lower_ in _TIME_PREPOSITIONS or t.text == ","
        for t in between
    ):
        return int(subject.left_edge.i)
    return first


def _before_another_speaker(complement: Any, first: int, last: int) -> int:
    """The end of what is said, before a clause that gives another speaker's words.

    "Rick Scott said he would oppose the plan, while Tim Scott said he would support it":
    the "while" clause is no part of what Rick Scott said.
    """
    doc = complement.doc
    for child in complement.children:
        if child.dep_ not in {"advcl", "conj"} or child.i <= first or child.i > last:
            continue
        if any(
            t.lemma_.lower() in SPEECH_VERBS and any(c.dep_ == "nsubj" for c in t.children)
            for t in child.subtree
        ):
            end = child.left_edge.i - 1
            while end > first and (doc[end].is_punct or doc[end].dep_ == "cc"):
                end -= 1
            return int(min(last, end))
    return last


CLOSING_MARKS = frozenset({'"', "\u201d", "''"})


def speaker_goes_on(verb: Any) -> Any | None:
    """The speech verb whose speaker does ``verb``, when the parser joined it to what was said.

    In 'Okafor said the mayor had "broken every promise" and urged voters to remove him',
    the parser joins "urged" to "broken", inside the reported clause; but the quotation
    has closed, and a speech act told outside it in the same tense as the telling is the
    speaker's next act: Okafor urged, not the mayor. Only speech acts are read so ("urged",
    "accused", "warned"); "and resigned" after a closed quotation could be either's.
    """
    if verb.dep_ != "conj" or verb.tag_ != "VBD" or verb.lemma_.lower() not in SPEECH_VERBS:
        return None
    if any(c.dep_ in {"nsubj", "nsubjpass", "aux", "auxpass"} for c in verb.children):
        return None
    complement = verb.head
    if complement.dep_ != "ccomp" or complement.head.lemma_.lower() not in SPEECH_VERBS:
        return None
    telling = complement.head
    if telling.tag_ != "VBD" or telling.i > complement.i:
        return None
    before = verb.doc[complement.i : verb.i]
    marks = [t for t in before if t.text in CLOSING_MARKS or t.tag_ == "''"]
    if not marks or not any(t.dep_ == "cc" and t.i > marks[-1].i for t in before):
        return None
    return telling


def _unshared_conjunct(complement: Any) -> int:
    """Where a verb the parser joined to a reported clause, but which is not part of it, begins.

    Verbs joined by "and" share their auxiliaries: in "said the sale would fuel conflict and
    deepen the war" both verbs follow "would". A conjunct with a tense of its own, with no
    subject or auxiliary, cannot follow the modal ("would ... and blasted the
    administration", "would slow ... and left rates unchanged"), so it is joined to the
    speech verb: the speaker argued and blasted, the bank warned and left rates unchanged.
    What it tells is the report's account of the speaker's act, not the speaker's words,
    and the reported clause ends before the conjunction (the sentence's end when there is
    no such conjunct). So is a clause in the past with its own subject ("said it would
    burden voters, and the group filed a lawsuit"): the report's, after what was said.
    Only a clause under a modal is read this way; a past-tense clause
    ("said prices rose and wages fell") gives no sign which verb a conjunct goes with.
    """
    end = int(complement.right_edge.i) + 1
    for conjunct in complement.children:
        if conjunct.i > complement.i and speaker_goes_on(conjunct) is not None:
            joiners = [c.i for c in complement.children if c.dep_ == "cc" and c.i < conjunct.i]
            return int(max(joiners, default=conjunct.left_edge.i))
    if not any(c.dep_ == "aux" and c.tag_ == "MD" for c in complement.children):
        return end
    perfect = any(c.dep_ == "aux" and c.lemma_ in {"have", "be"} for c in complement.children)
    for conjunct in complement.children:
        if conjunct.dep_ != "conj" or conjunct.i < complement.i:
            continue
        if any(c.dep_ in {"aux", "auxpass"} for c in conjunct.children):
            continue
        if any(c.dep_ in {"nsubj", "nsubjpass"} for c in conjunct.children) and (
            conjunct.tag_ != "VBD"
        ):
            continue  # "would rise, and wages would fall": both may be the speaker's
        if conjunct.tag_ in {"VBD", "VBZ"} or (conjunct.tag_ == "VBN" and not perfect):
            joiners = [
                int(c.i)
                for c in complement.children
                if c.dep_ in {"cc", "punct"} and c.i < conjunct.left_edge.i
            ]
            return min(end, max(joiners, default=int(conjunct.left_edge.i)))
    return end


def _trailing(verb: Any) -> tuple[int, int, Any | None] | None:
    """An attribution closing its sentence that the parser hung under what it reports.

    In "X happened, killing ten people, an official said." the parser may attach "said"
    to the participle instead of making the sentence its complement. When a speech verb
    with a subject of its own, and no complement, ends its sentence after a comma and
    governs nothing before its subject, the sentence up to that comma is what is said.
    """
    if verb.dep_ not in {"ccomp", "parataxis", "advcl", "conj"}:
        return None
    subject = nearest_subject(verb)
    if subject is None or subject.i > verb.i:
        return None
    sentence = verb.sent
    comma = subject.left_edge.i - 1
    if comma <= sentence.start or verb.doc[comma].text != ",":
        return None
    if any(t.i > verb.i and not t.is_punct and t.dep_ != "prep" for t in verb.children):
        return None  # "said it would", not a closing attribution
    governed = {t.i for t in verb.subtree}
    if any(not t.is_punct and t.i not in governed for t in verb.doc[verb.i + 1 : sentence.end]):
        return None
    last = comma - 1
    first = after_dateline(verb.doc, _paragraph_start(verb.doc, sentence.start, comma))
    while last > first and verb.doc[last].is_punct and not _closes(verb.doc, first, last):
        last -= 1
    return first, last + 1, subject


def _paragraph_start(doc: Any, first: int, last: int) -> int:
    """The first token of ``first..last`` in the paragraph ``last`` is in.

    The parser may run a sentence on from a quote mark that closed the paragraph before
    ('... cut spending." | Turnout reached 3.1 million, officials said.'): what the
    closing attribution reports starts in its own paragraph.
    """
    for i in range(last, first, -1):
        if "\n" in doc[i - 1].text_with_ws or doc[i - 1].is_space:
            return i
    return first


QUOTE_MARKS = frozenset({'"', "\u201c", "\u201d"})


def _to_closing_mark(doc: Any, first: int, last: int, end: int) -> int:
    """``last``, or the mark after it that closes a quotation left open in ``first..last``.

    The parser may leave the closing mark of quoted words outside the clause ('said it had
    "no room to delay."'), and the sentence splitter may put it after the sentence's full
    stop, with the next sentence; the reported speech then runs to that mark.
    """
    if sum(doc[i].text in QUOTE_MARKS for i in range(first, last + 1)) % 2 == 0:
        return last
    for i in range(last + 1, min(len(doc), last + 3)):
        if doc[i].text in QUOTE_MARKS:
            return i  # the sentence splitter may put the closing mark after the full stop
        if i >= end and not (doc[i].is_punct or doc[i].is_space):
            break
    return last


def _closes(doc: Any, first: int, last: int) -> bool:
    """Whether the mark at ``last`` closes a quotation opened inside ``first..last``.

    Trailing punctuation is trimmed from reported speech, but not the mark that ends words
    quoted inside it: 'the court had "no room to delay"' keeps its closing mark.
    """
    if doc[last].text not in QUOTE_MARKS:
        return False
    return sum(doc[i].text in QUOTE_MARKS for i in range(first, last + 1)) % 2 == 0


def people_they_take_up(pronoun: Any) -> Any | None:
    """The unnamed people "they" takes up from the sentence before, in its paragraph.

    "... 16% more than the average, the researchers found. Climate change made the fires
    40 times more likely, they said": no actor names the researchers, so "they" is left
    to this reading, the last plural subject naming people in the sentence just before.
    """
    if pronoun.lower_ != "they" or pronoun.sent.start == 0:
        return None
    doc = pronoun.doc
    before = doc[pronoun.sent.start - 1].sent
    words = [t for t in before if not (t.is_punct or t.is_space)]
    if not words or "\n" in doc.text[words[-1].idx : pronoun.idx]:
        return None
    subjects = [
        t
        for t in before
        if t.dep_ in {"nsubj", "nsubjpass"} and t.tag_ == "NNS" and names_people(t)
    ]
    return subjects[-1] if subjects else None
