"""Quotations and attributions: who is quoted saying what, directly or in reported speech.

Direct quotations are text between straight or curly double quotes (possibly several
sentences long), the marks paired by their direction so that one missing mark does not turn
the article's own sentences into quotations (:mod:`parallax.actors.quote_marks`); a short
quoted phrase with no speech verb near it is a scare quote or a term ("spheres of
influence"), not a quotation, and is left out, and so is a long stretch between two marks
that nobody is said to speak (:func:`_direct`). Indirect ones are a speech
verb ("said", "warned", "claimed") with a clausal complement, or "according to X". The
turns of an interview printed as a transcript ("Berg: ...") are direct speech too
(:mod:`parallax.actors.transcripts`). The
speaker is the speech verb's subject, resolved to an actor through the article's actor
mentions (pronouns included, since the ``actors`` layer holds their resolved mentions).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from typing import Any

from parallax.actors.animacy import on_their_side, one_of_its_people
from parallax.actors.quote_marks import quotations
from parallax.actors.reported_speech import people_they_take_up, reported, speaker_subject
from parallax.actors.resolve import MentionIndex
from parallax.actors.speaker_names import speaker_phrase
from parallax.actors.speech import CHARACTERISING_VERBS, JUDGING_AS_VERBS, SPEECH_VERBS
from parallax.actors.transcripts import transcript_turns
from parallax.model import Sentence

MIN_WORDS_WITHOUT_CUE = 6
"""A quoted passage at least this long is a quotation even when no speech verb is near."""
MAX_SENTENCES_WITHOUT_CUE = 2
"""Sentences a quotation no speech verb introduces may span: past that, its two marks are
more likely stray ones (a missing or extra mark between) than one unattributed quotation."""


def extract_quotes(
    doc: Any, text: str, sentences: Sequence[Sentence], actors: Sequence[dict[str, Any]]
) -> list[dict[str, Any]]:
    """The direct and indirect quotations of one article, in text order."""
    index = MentionIndex(actors)
    starts = [s.start for s in sentences]

    def sentence_id(char: int) -> str:
        position = bisect_right(starts, char) - 1
        return sentences[max(position, 0)].id if sentences else ""

    quotes: list[dict[str, Any]] = []
    unnamed_pronoun: set[int] = set()
    for start, end, cue in _direct(doc, text):
        speaker, speaker_text = _speaker(cue, index) if cue is not None else (None, None)
        subject = speaker_subject(cue) if cue is not None else None
        if speaker is None and subject is not None and subject.lower_ in {"he", "she"}:
            unnamed_pronoun.add(start)
        if speaker is None and subject is not None and (group := people_they_take_up(subject)):
            speaker_text = _speaker_text(group, None)  # "the researchers found. ... they said"
        quotes.append(
            {
                "text": text[start:end],
                "start": start,
                "end": end,
                "sentence_id": sentence_id(start),
                "kind": "direct",
                "speaker": speaker,
                "speaker_text": speaker_text,
                "cue": cue.text if cue is not None else None,
            }
        )
    for token in doc:
        span = reported(token)
        if span is None:
            continue
        begin, finish, speaker_token = span
        content = doc[begin:finish]
        if any(
            q["kind"] == "direct" and q["start"] <= content.start_char < q["end"] for q in quotes
        ):
            continue  # "it confirms that ..." inside someone's quoted words is theirs
        inside = [q for q in quotes if content.start_char <= q["start"] < content.end_char]
        if any(_covers(q, content) for q in inside) or (
            any(len(q["text"].split()) >= MIN_WORDS_WITHOUT_CUE for q in inside)
            and _words_outside(content, inside) < MIN_WORDS_AROUND
            and not _subject_outside(content, inside)
        ):
            continue  # a full direct quotation is reported once, as direct speech
        if speaker_token is not None and speaker_token.lower_ in WRITER:
            continue  # "we must demand that ...", outside quotation marks: the writer's own
        for partial in inside:
            quotes.remove(partial)  # "said the deal was "done" and "final"" is one
        speaker_actor = _speaker_actor(speaker_token, index) if speaker_token is not None else None
        words = content.text.strip()
        if len(words.split()) < 3:
            continue
        group = people_they_take_up(speaker_token) if speaker_token and not speaker_actor else None
        quotes.append(
            {
                "text": words,
                "start": content.start_char,
                "end": content.end_char,
                "sentence_id": sentence_id(content.start_char),
                "kind": "indirect",
                "speaker": speaker_actor,
                "speaker_text": _speaker_text(group or speaker_token, speaker_actor),
                "cue": token.text if token.lemma_ != "accord" else "according to",
            }
        )
    for turn in transcript_turns(text, actors):
        # "Berg: The talks failed." A quotation or a report inside the turn stays the
        # innermost voice; the turn itself is the speaker's words, printed verbatim.
        quotes.append(
            {
                "text": text[turn.start : turn.end],
                "start": turn.start,
                "end": turn.end,
                "sentence_id": sentence_id(turn.start),
                "kind": "direct",
                "speaker": turn.speaker,
                "speaker_text": turn.speaker_text,
                "cue": f"{turn.label}:",
            }
        )
    quotes.sort(key=lambda q: q["start"])
    _continue_unnamed_speakers(quotes, unnamed_pronoun, starts)
    return quotes


WRITER = frozenset({"i", "we"})
"""Subjects that, outside quotation marks, are the writer: what "we" demand or "I" argue in
an opinion piece (or what "we reported" in a news report) is the article's own voice."""
UNNAMED_REACH = 2
"""Sentences back an unnamed speaker may be taken up by "he said" or "she said"."""


def _continue_unnamed_speakers(
    quotes: list[dict[str, Any]], pronoun_quotes: set[int], starts: Sequence[int]
) -> None:
    """Give "he said" the unnamed speaker just quoted before it ("A shopkeeper said ...").

    Wire copy quotes people it does not name ("a shopkeeper", "one resident") and goes on
    with "he said". The actors layer has no actor for them, so the pronoun stays
    unresolved; when the quotation just before it, within :data:`UNNAMED_REACH`
    sentences, is such a speaker's, the pronoun is that speaker, shown as written.
    """
    for position, quote in enumerate(quotes):
        if quote["start"] not in pronoun_quotes or position == 0:
            continue
        before = quotes[position - 1]
        if before["speaker"] is not None or not before["speaker_text"]:
            continue
        if before["speaker_text"].split()[0].lower() not in {"a", "an", "one", "another"}:
            continue
        distance = bisect_right(starts, quote["start"]) - bisect_right(starts, before["start"])
        if distance <= UNNAMED_REACH:
            quote["speaker_text"] = before["speaker_text"]


def _direct(doc: Any, text: str) -> list[tuple[int, int, Any | None]]:
    """(start, end, speech verb) of each direct quotation the evidence supports.

    The marks are paired by :func:`parallax.actors.quote_marks.quotations`. A closed
    quotation is one when a speech verb outside it, in the sentences it touches or the one
    just before or after in its paragraph, introduces it; failing that, when it is at least
    :data:`MIN_WORDS_WITHOUT_CUE` words (shorter, it is a scare quote or a term) and no more
    than :data:`MAX_SENTENCES_WITHOUT_CUE` sentences long (longer, its marks are more likely
    two stray ones far apart than one quotation nobody is said to speak). A mark that never
    closes quotes at most the rest of its sentence, and only after a speech verb there ("he
    said "we will"); one that runs on over paragraphs, as news writes a long quotation,
    quotes its paragraph, and takes its speaker from the rest of the run when its own
    paragraph names none.
    """
    marks = quotations(text)
    found: list[tuple[int, int, Any | None, bool]] = []
    spans = [(q.start, q.end) for q in marks if q.closed or q.continued]
    for quoted in marks:
        start, end = _stripped(text, *quoted.inner)
        if not quoted.closed and not quoted.continued:
            edges = _edges(doc, start, end)
            if edges is None:
                continue
            start, end = _stripped(text, start, min(end, edges[0].sent.end_char))
        if start >= end or _edges(doc, start, end) is None:
            continue
        cue = _cue_near(doc, start, end, spans)
        if cue is None and quoted.closed:
            cue = _colon_cue(doc, text, start)
        calling = None
        words = len(text[start:end].split())
        holding = _characterising_verb(doc, start, end) if quoted.closed else None
        if cue is not None and holding is not None:
            # 'Trump, who has promised to pardon ..., called the decision "an abuse"': the
            # verb of calling that holds the quotation, not a nearer speech verb, is its cue.
            cue = None
        if (
            cue is None
            and quoted.closed
            and (
                words >= MIN_WORDS_WITHOUT_CUE
                or (words >= MIN_WORDS_OF_A_PHRASE and _whole_phrase(doc, start, end))
            )
        ):
            calling = holding
        if calling is not None:
            # "Abrams described the measure as "a slow knife in the back"": a quotation
            # by its length, and the describer's words, never the speaker of a sentence
            # before; "the plan has been called "..."" names no one who used them. (A
            # short one, "called it a "new normal"", stays a term in scare quotes.)
            subject = speaker_subject(calling)
            if subject is None or subject.dep_ == "nsubjpass" or subject.idx > start:
                found.append((start, end, None, quoted.continued))
                continue
            cue = calling
        if cue is None:
            if not quoted.closed and not quoted.continued:
                continue
            short = len(text[start:end].split()) < MIN_WORDS_WITHOUT_CUE
            if not quoted.continued and short and not _whole_sentence(doc, text, start, end):
                continue
            cue = _cue_beside(doc, start, end, spans)
            if cue is None and short and not quoted.continued:
                continue  # a short quoted sentence nobody beside it is said to speak
            if (
                cue is None
                and not quoted.continued
                and _sentences(doc, start, end) > MAX_SENTENCES_WITHOUT_CUE
            ):
                continue
        found.append((start, end, cue, quoted.continued))
    # A run over paragraphs shares its speaker: each paragraph without a speech verb of its
    # own takes the one of the paragraph before it in the run, else of the one after.
    for number in range(1, len(found)):
        if found[number][2] is None and found[number - 1][3]:
            found[number] = (*found[number][:2], found[number - 1][2], found[number][3])
    for number in range(len(found) - 2, -1, -1):
        if found[number][2] is None and found[number][3]:
            found[number] = (*found[number][:2], found[number + 1][2], found[number][3])
    return [(start, end, cue) for start, end, cue, _ in found]


OPENING_MARKS = "\"\u201c\u2018'"


def _colon_cue(doc: Any, text: str, start: int) -> Any | None:
    """The verb whose colon introduces a quotation ('concluded her post: "Please share."').

    News sets a quotation after a colon behind verbs that are not speech verbs ("wrote in a
    letter", "concluded her post", "the statement read"); the clause's subject speaks, as
    after "said". The verb must have a subject of its own or share one.
    """
    offset = max(0, start - 12)  # the mark and the colon lie just before the quotation
    before = text[offset:start].rstrip()
    if before[-1:] not in OPENING_MARKS:
        return None
    before = before[:-1].rstrip()
    if before[-1:] != ":":
        return None
    colon = doc.char_span(offset + len(before) - 1, offset + len(before), alignment_mode="expand")
    if colon is None or not len(colon):
        return None
    verb = colon[0].head
    if verb.pos_ not in {"VERB", "AUX"} or not _has_subject(verb) or verb.idx >= start:
        return None
    return verb


def _whole_sentence(doc: Any, text: str, start: int, end: int) -> bool:
    """Whether a quotation is a whole sentence of its own ('"The minister should resign."').

    It opens its sentence and ends it with a full stop, a question or an exclamation mark
    inside the marks: a short one so set after an attributed quotation ('"...," Petek added.
    "The minister should resign."') is the same speaker's, where a term in scare quotes
    never is.
    """
    edges = _edges(doc, start, end)
    if edges is None or text[start:end].rstrip()[-1:] not in {".", "!", "?"}:
        return False
    first = edges[0]
    opening = [t for t in doc[first.sent.start : first.i] if not t.is_punct]
    return not opening


def _stripped(text: str, start: int, end: int) -> tuple[int, int]:
    """``start:end`` without the spaces at either end."""
    while end > start and text[end - 1].isspace():
        end -= 1
    while start < end and text[start].isspace():
        start += 1
    return start, end


def _edges(doc: Any, start: int, end: int) -> tuple[Any, Any] | None:
    """The first and last tokens of ``start:end``, or None when it covers no token."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    return span[0], span[-1]


def _sentences(doc: Any, start: int, end: int) -> int:
    """How many of the doc's sentences ``start:end`` touches."""
    edges = _edges(doc, start, end)
    if edges is None:
        return 1
    return len(list(doc[edges[0].sent.start : edges[1].sent.end].sents))


def _cue_near(doc: Any, start: int, end: int, spans: Sequence[tuple[int, int]] = ()) -> Any | None:
    """The speech verb of the sentences a quotation touches, outside every quotation."""
    edges = _edges(doc, start, end)
    if edges is None:
        return None
    return _nearest_cue(doc[edges[0].sent.start : edges[1].sent.end], start, end, spans)


def _cue_beside(doc: Any, start: int, end: int, spans: Sequence[tuple[int, int]]) -> Any | None:
    """The speech verb of the sentence just before or after a quotation, in its paragraph.

    Where a quotation follows or precedes its attribution ("Smith disagreed, and said so.
    "...").
    """
    edges = _edges(doc, start, end)
    if edges is None:
        return None
    text = doc.text
    candidates = []
    before, after = edges[0].sent.start - 1, edges[1].sent.end
    if before >= 0:
        sentence = doc[before].sent
        if "\n" not in text[_last_word_end(sentence) : start]:
            candidates.append(_nearest_cue(sentence, start, end, spans))
    if after < len(doc):
        sentence = doc[after].sent
        if "\n" not in text[end : _first_word_start(sentence)]:
            candidates.append(_nearest_cue(sentence, start, end, spans))
    found = [c for c in candidates if c is not None]
    return min(found, key=lambda t: min(abs(t.idx - start), abs(t.idx - end)), default=None)


def _first_word_start(sentence: Any) -> int:
    """Where a sentence's first word starts.

    The parser can open a sentence with the closing mark of the quotation before it and the
    paragraph break after the mark (before "Oil groups said ..."); the break still parts
    the two.
    """
    word = next((t for t in sentence if not (t.is_punct or t.is_space)), None)
    return int(word.idx) if word is not None else int(sentence.end_char)


def _last_word_end(sentence: Any) -> int:
    """Where a sentence's last word ends (see :func:`_first_word_start`)."""
    word = next((t for t in reversed(sentence) if not (t.is_punct or t.is_space)), None)
    return int(word.idx + len(word)) if word is not None else int(sentence.start_char)


MIN_WORDS_OF_A_PHRASE = 3
"""A quoted whole noun phrase this long after a verb of calling is the caller's words."""


def _whole_phrase(doc: Any, start: int, end: int) -> bool:
    """Whether a quotation opens a whole noun phrase, its article included.

    "Called the outcome "a betrayal of science"" quotes what the minister said; in "called
    it a "new normal"" the article stands outside the marks, which set off a term.
    """
    edges = _edges(doc, start, end)
    if edges is None:
        return False
    first, last = edges
    head = first if first.pos_ in {"NOUN", "PROPN"} else first.head
    if head.pos_ not in {"NOUN", "PROPN"} or not first.i <= head.i <= last.i:
        return False
    # What follows the marks may still hang on the quoted head ("as "another blank check"
    # for a war ..."): the article inside the marks is what makes the phrase theirs.
    words = [t.i for t in head.subtree if not t.is_punct]
    return bool(min(words) == first.i)


def _characterising_verb(doc: Any, start: int, end: int) -> Any | None:
    """The verb of calling whose object holds the quotation ("called the plan "reckless"").

    The nearest verb above the quotation's first word, when it is one of
    :data:`parallax.actors.speech.CHARACTERISING_VERBS`, or of
    :data:`parallax.actors.speech.JUDGING_AS_VERBS` with the quotation after its "as"
    ("blasted the package as "another blank check""), and the whole quotation lies in what
    it governs.
    """
    edges = _edges(doc, start, end)
    if edges is None:
        return None
    verb = next((t for t in edges[0].ancestors if t.pos_ in {"VERB", "AUX"}), None)
    if verb is None:
        return None
    lemma = verb.lemma_.lower()
    as_phrase = any(
        t.dep_ == "prep" and t.lower_ == "as" and t.head.i == verb.i for t in edges[0].ancestors
    )
    if lemma not in CHARACTERISING_VERBS and not (lemma in JUDGING_AS_VERBS and as_phrase):
        return None
    last = verb.right_edge
    if not (verb.left_edge.idx <= start and end <= last.idx + len(last)):
        return None
    return verb


def _nearest_cue(scope: Any, start: int, end: int, spans: Sequence[tuple[int, int]]) -> Any | None:
    candidates = [
        t
        for t in scope
        if t.pos_ == "VERB"
        and t.lemma_.lower() in SPEECH_VERBS
        and not start <= t.idx < end
        and not any(a <= t.idx < b for a, b in spans)
        and _has_subject(t)
    ]
    if not candidates:
        return None
    return min(candidates, key=lambda t: min(abs(t.idx - start), abs(t.idx - end)))


MIN_WORDS_AROUND = 3
"""Words of a reported clause outside the direct quotations in it that make the clause the
quotation ("told supporters that his opponent, Sen. Quinn, was "a failure who ..."": the
speaker casts Quinn, not the report); fewer, and the direct quotation stands alone."""


def _words_outside(content: Any, quotes: Sequence[dict[str, Any]]) -> int:
    """How many words of ``content`` lie outside every one of ``quotes``."""
    return sum(
        1
        for t in content
        if not t.is_punct
        and t.lower_ != "that"
        and not any(q["start"] <= t.idx < q["end"] for q in quotes)
    )


def _subject_outside(content: Any, quotes: Sequence[dict[str, Any]]) -> bool:
    """Whether a reported clause names its subject outside the quotation in it.

    'Said Hale had "spent two decades cutting corners"': the speaker says it of Hale, so
    the clause, not the quoted words alone, is what the speaker is reported to say.
    """
    return any(
        t.dep_ in {"nsubj", "nsubjpass"}
        and t.pos_ in {"PROPN", "NOUN"}
        and not any(q["start"] <= t.idx < q["end"] for q in quotes)
        for t in content
    )


def _has_subject(verb: Any) -> bool:
    """Whether a verb has a subject of its own or shares the one of the verb it hangs on.

    A verb joined to another shares its subject, and so does a participle that goes on from
    it ("Johnson dismissed that offer, saying it "..."": Johnson says it).
    """
    if any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children):
        return True
    shares = verb.dep_ == "conj" or (verb.dep_ == "advcl" and verb.tag_ == "VBG")
    return shares and verb.head.pos_ in {"VERB", "AUX"} and _has_subject(verb.head)


def _covers(quote: dict[str, Any], content: Any) -> bool:
    """Whether a direct quotation spans all the words of the clause a speech verb reports.

    ""Short and plain," he said" is direct speech however short; only a quoted piece
    inside a longer reported clause ("said the deal was "final"") is part of it.
    """
    words = [t for t in content if not t.is_punct]
    return bool(words) and (
        quote["start"] <= words[0].idx and words[-1].idx + len(words[-1]) <= quote["end"]
    )


def _speaker(cue: Any, index: MentionIndex) -> tuple[str | None, str | None]:
    subject = speaker_subject(cue)
    if subject is None:
        return None, None
    return speaker_of(subject, index)


def speaker_of(subject: Any, index: MentionIndex) -> tuple[str | None, str | None]:
    """The actor a speaking subject is (None: no actor) and the speaker as written."""
    actor = _speaker_actor(subject, index)
    return actor, _speaker_text(subject, actor)


def _speaker_text(subject: Any | None, actor: str | None) -> str | None:
    """The speaker as written, unless it is a pronoun no actor was found for.

    "She" or "they" tells a reader nothing on its own; such a quotation is shown as from
    an unnamed speaker rather than as from someone called "She".
    """
    if subject is None or (actor is None and subject.pos_ == "PRON"):
        return None
    return speaker_phrase(subject)


SPEAKS_FOR = frozenset(
    {
        "administration",
        "aide",
        "aides",
        "attorney",
        "attorneys",
        "campaign",
        "counsel",
        "government",
        "lawyer",
        "lawyers",
        "ministry",
        "office",
        "representative",
        "representatives",
        "spokesman",
        "spokesmen",
        "spokespeople",
        "spokesperson",
        "spokeswoman",
        "spokeswomen",
        "staff",
        "team",
    }
)
"""Nouns for those whose job is to speak for someone: "her lawyer said" is her word.

A relative, a friend or an employer speaks for themselves ("his family said" is not the
man's own statement, least of all in an obituary)."""


STATE_VOICES = frozenset(
    {
        "administration", "army", "authority", "cabinet", "command", "delegation",
        "diplomat", "envoy", "force", "government", "leader", "leadership", "military",
        "minister", "ministry", "navy", "negotiator", "official", "prosecutor", "regime",
        "spokesman", "spokesperson", "spokeswoman", "state", "troop",
    }
)  # fmt: skip
"""Nouns for those who speak for a state when its people's name qualifies them ("Russian
officials said", "Ukrainian forces said"); "two Ukrainian industry sources", "Russian
analysts" or "Syrian residents" speak for themselves, not for their country."""


def _speaker_actor(token: Any, index: MentionIndex) -> str | None:
    """The actor who speaks when ``token`` heads the subject of a speech verb.

    A state's or an organisation's instrument speaks for it ("Russia's defence ministry
    said"), as :meth:`MentionIndex.actor_of_token` reads such phrases; a person's relative,
    friend or employer does not speak for the person (:data:`SPEAKS_FOR`), nor do a
    country's people who hold no office of it (:data:`STATE_VOICES`), nor anyone's critics
    or supporters (:func:`parallax.actors.animacy.on_their_side`).
    """
    found = index.actor_of_token(token)
    if (
        found is not None
        and index.actor_at(token.idx) is None
        and index.types.get(found) == "country"
        and token.pos_ == "NOUN"
        and token.lemma_.lower() not in STATE_VOICES | SPEAKS_FOR
        and not any(c.dep_ == "poss" for c in token.children)
    ):
        return None  # "two Ukrainian industry sources said": not the Ukrainian state
    possessor = next((c for c in token.children if c.dep_ == "poss"), None)
    if on_their_side(token, index.actor_of_token, found):
        return None
    if (
        found is not None
        and possessor is not None
        and index.actor_at(token.idx) is None
        and found == index.actor_at(possessor.idx)
        and index.types.get(found) == "person"
        and token.lower_ not in SPEAKS_FOR
    ):
        return None
    if found is not None and one_of_its_people(
        token, lambda t: index.actor_at(t.idx) is not None, speaking=True
    ):
        return None  # "a TSA officer told this newspaper": her words, not the agency's
    return found
