"""Specifications of the rule detectors: each finds its technique's words, with exact spans.

Mechanical rules (repetition, standalone exclamations, scare quotes) are shown on their own;
every other pattern is a cue, shown only when a trained head agrees.
"""

from __future__ import annotations

import pytest

from parallax.persuasion import rules


class Line:
    def __init__(self, text: str, start: int = 0) -> None:
        self.text, self.start, self.end = text, start, start + len(text)


def found(text: str) -> set[tuple[str, str]]:
    return {(s.name, text[s.start : s.end]) for s in rules.detect([Line(text)])}


@pytest.mark.parametrize(
    ("text", "name", "span"),
    [
        ("Those thugs in the capital want more tanks.", "name_calling", "thugs"),
        ("Troops out of the valley!", "slogans", "Troops out of the valley!"),
        ("Hands off our libraries", "slogans", "Hands off our libraries"),
        (
            "But what about the bridge they never built?",
            "whataboutism",
            "But what about the bridge they never built",
        ),
        (
            "The same mayor who closed the baths now praises swimming.",
            "appeal_to_hypocrisy",
            "The same mayor who closed the baths now praises swimming",
        ),
        (
            "Either we build the dam or the town floods.",
            "black_and_white",
            "Either we build the dam or the town floods",
        ),
        ("There is no alternative to the budget.", "black_and_white", "There is no alternative"),
        ("The so-called reform cut wages.", "doubt", "so-called"),
        ("Rents rose all because of one landlord.", "causal_oversimplification", "all because"),
        ("Everyone knows the bridge is unsafe.", "bandwagon", "Everyone knows"),
        ("We must defend our way of life.", "flag_waving", "our way of life"),
    ],
)
def test_rule_finds_technique_with_its_span(text: str, name: str, span: str) -> None:
    assert (name, span) in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "The committee met on Tuesday and approved the budget.",
        "Rainfall in March was close to the long-term average.",
        "The minister said the talks would resume next week.",
    ],
)
def test_neutral_reporting_has_no_techniques(text: str) -> None:
    assert found(text) == set()


def test_no_rule_marks_loaded_words() -> None:
    # Loaded language is the trained head's call, not a word list's.
    assert found("The council's plan is a brutal attack on tenants.") == set()


def test_spans_are_absolute_offsets() -> None:
    article = "Calm words here. The so-called plan failed."
    second = Line("The so-called plan failed.", start=17)
    spans = rules.detect([Line("Calm words here."), second])
    assert [(s.name, article[s.start : s.end]) for s in spans] == [("doubt", "so-called")]


@pytest.mark.parametrize(
    ("text", "name", "span"),
    [
        ("Troops out of the valley!", "slogans", "Troops out of the valley!"),
        ("The “reform” cut wages.", "doubt", "“reform”"),
    ],
)
def test_mechanical_forms_are_marked_mechanical(text: str, name: str, span: str) -> None:
    spans = [s for s in rules.detect([Line(text)]) if s.name == name]
    assert [(text[s.start : s.end], s.kind) for s in spans] == [(span, rules.MECHANICAL)]


def test_cue_patterns_are_marked_cues() -> None:
    spans = rules.detect([Line("The so-called reform cut wages.")])
    assert [s.kind for s in spans] == [rules.CUE]


def test_a_quoted_function_word_is_not_a_scare_quote() -> None:
    assert found('The bill passed without a single "no" vote.') == set()


def test_a_quoted_phrase_after_a_speech_verb_is_not_a_scare_quote() -> None:
    assert found('The senator said the plan was "dangerous" for families.') == set()


def _lines(texts: list[str]) -> list[Line]:
    """The texts as one article's sentences, one space apart."""
    lines, start = [], 0
    for text in texts:
        lines.append(Line(text, start))
        start += len(text) + 1
    return lines


def test_repetition_marks_every_occurrence_of_the_repeated_phrase() -> None:
    texts = [
        "Working families pay the price.",
        "The tax hits working families first.",
        "Nobody asked working families.",
        "Again working families wait.",
        "Working families deserve better.",
        "Stand with working families.",
        "The weather was fine.",
    ]
    lines = _lines(texts)
    article = " ".join(texts)
    spans = [s for s in rules.detect(lines) if s.name == "repetition"]
    assert [article[s.start : s.end].lower() for s in spans] == ["working families"] * 6


def test_words_a_figure_or_a_full_stop_parts_are_no_repeated_phrase() -> None:
    # A listing of invented players: the same units recur, and no message does.
    texts = [f"Player {n} stands 6-foot-{n}, 21{n} lbs. Averaging 1{n}.5 points." for n in range(8)]
    assert [s for s in rules.detect(_lines(texts)) if s.name == "repetition"] == []


def test_a_topic_named_in_four_sentences_is_not_repetition() -> None:
    # News names its subject again and again; that is reporting, not persuasion.
    texts = [
        "The health care bill passed.",
        "Health care costs rose last year.",
        "The senator spoke about health care.",
        "Health care will be debated again.",
    ]
    lines = _lines(texts)
    assert not [s for s in rules.detect(lines) if s.name == "repetition"]


def test_repetition_ignores_named_entities() -> None:
    texts = [
        "The Soviet Union grew.",
        "The Soviet Union fell.",
        "The Soviet Union ended.",
        "The Soviet Union was gone.",
        "The Soviet Union is history.",
        "The Soviet Union is remembered.",
    ]
    lines, start, excluded = [], 0, []
    for text in texts:
        lines.append(Line(text, start))
        excluded.append((start + 4, start + 17))
        start += len(text) + 1
    assert not [s for s in rules.detect(lines, excluded) if s.name == "repetition"]


def test_a_noun_phrase_a_report_keeps_naming_is_not_repetition_but_a_message_is() -> None:
    # The topic of a report recurs as a noun phrase, a report's formula runs from its
    # subject into the verb; a repeated call starts with what it asks.
    from parallax.components.techniques import noun_phrase_spans
    from parallax.spacy_model import load_spacy

    texts = [
        "Retired teachers will get the new pension from May.",
        "Officials said retired teachers in every state qualify.",
        "The office expects retired teachers to apply online.",
        "Some retired teachers already receive a smaller payment.",
        "Unions had asked for retired teachers to be included.",
        "The rule covers retired teachers who moved abroad.",
        "Everyone must cut the tax now, the monitors observed.",
        "We will cut the tax for you, the monitors observed.",
        "Tell them to cut the tax today, the monitors observed.",
        "Only one party will cut the tax, the monitors observed.",
        "The monitors observed: vote to cut the tax in May.",
        "It is time to cut the tax, the monitors observed.",
    ]
    lines = _lines(texts)
    article = " ".join(texts)
    noun_phrases = noun_phrase_spans(load_spacy()(article))
    spans = [s for s in rules.detect(lines, (), noun_phrases) if s.name == "repetition"]
    assert {article[s.start : s.end].lower() for s in spans} == {"cut the tax"}


def _doubts(text: str, parties: list[tuple[int, int]]) -> list[str]:
    spans = rules.detect([Line(text, 0)], parties=parties)
    return [text[s.start : s.end] for s in spans if s.name == "doubt"]


def test_a_quoted_phrase_in_a_sentence_naming_a_party_is_its_words() -> None:
    # News quotes fragments without a speech verb: the words are the party's.
    text = 'The mayor rejected the audit, decrying their "reckless" method.'
    assert _doubts(text, []) == []  # "their": the auditors'
    text = 'Ms. Okafor waved away the "crisis" at the port.'
    assert _doubts(text, [(0, 10)]) == []
    assert _doubts(text, []) == ['"crisis"']


def test_a_quoted_phrase_in_a_sentence_naming_a_written_text_is_its_terms() -> None:
    # Invented: a statute, a ruling and a report are quoted like speakers; no one doubts.
    text = 'The ordinance, passed in May, bans "unlicensed street vending" near the station.'
    assert _doubts(text, []) == []
    text = 'A ruling last year narrowed what counts as a "hazardous" crossing.'
    assert _doubts(text, []) == []
    text = 'The audit\'s definition of "idle" equipment left out spare buses.'
    assert _doubts(text, []) == []
    assert _doubts('The "savings" never reached the depot.', []) == ['"savings"']


def test_a_quotation_that_is_the_whole_sentence_is_no_scare_quote() -> None:
    assert _doubts("“Nobody goes home.”", []) == []


def test_scare_quotes_with_no_party_in_sight_are_still_doubt() -> None:
    assert _doubts('The new "reform" will cost every family more.', []) == ['"reform"']


@pytest.mark.parametrize(
    "text",
    [
        'Most forecasters now expect a "soft landing," in which prices cool without layoffs.',
        'Regulators are studying "ghost kitchens" (restaurants with no dining room) closely.',
        'The habit, known as "doom spending," has spread among younger buyers.',
        'Lenders took a "haircut," or a loss on the face value, of about 40 percent.',
    ],
)
def test_a_term_the_writer_names_or_explains_is_no_scare_quote(text: str) -> None:
    # Invented wire copy: quote marks set off a term of art, which the sentence names or
    # goes on to explain; no one is being doubted.
    assert rules.scare_quotes(text) == []


@pytest.mark.parametrize(
    "text",
    [
        'The "reforms" cut pensions by a third.',
        'The "reforms," which cut pensions by a third, passed on Tuesday.',
        'Shoppers face a "soft landing" or worse.',
    ],
)
def test_a_quoted_word_with_no_gloss_is_still_a_scare_quote(text: str) -> None:
    assert len(rules.scare_quotes(text)) == 1


def test_period_closes_a_claim_only_when_it_stands_apart() -> None:
    # Invented: a period of time ending a report's sentence is no thought-terminating cliché.
    assert found("Refund claims rose during the spring travel period.") == set()
    assert found("Payments resume for most borrowers after a six-month grace period.") == set()
    assert ("thought_terminating_cliche", "period.") in found("We will not cut pensions, period.")
    assert ("thought_terminating_cliche", "Period.") in found("Period.")
    assert ("thought_terminating_cliche", "PERIOD.") in found("PAY THE NURSES.\nPERIOD.")
    assert ("thought_terminating_cliche", "Period.") in found("Taxes stay. Period.")


@pytest.mark.parametrize(
    ("text", "span"),
    [
        (
            "But what about the bridge they never built?",
            "But what about the bridge they never built?",
        ),
        (
            "What about the council that sold the park to a developer?",
            "What about the council that sold the park to a developer?",
        ),
        ("And what about the mayor's own trips?", "And what about the mayor's own trips?"),
    ],
)
def test_a_what_about_rejoinder_is_whataboutism_by_its_form(text: str, span: str) -> None:
    # Invented op-ed questions: shown on their own, as a mechanical form.
    spans = [s for s in rules.detect([Line(text)]) if s.kind == rules.MECHANICAL]
    assert [(s.name, text[s.start : s.end]) for s in spans] == [("whataboutism", span)]


@pytest.mark.parametrize(
    "text",
    [
        "What about the cost?",
        "Officials were asked what about the plan had changed since May.",
        "The question, residents said, was what about the schools that had closed?",
    ],
)
def test_a_plain_question_or_a_reported_one_is_no_whataboutism_form(text: str) -> None:
    assert not [s for s in rules.detect([Line(text)]) if s.kind == rules.MECHANICAL]


@pytest.mark.parametrize(
    ("text", "span"),
    [
        (
            "The new toll is the greatest swindle in human history.",
            "the greatest swindle in human history",
        ),
        ("It is the worst deal of all time.", "the worst deal of all time"),
        ("This is the biggest cover-up ever attempted.", "the biggest cover-up ever"),
    ],
)
def test_a_superlative_over_all_time_is_an_exaggeration_cue(text: str, span: str) -> None:
    # Invented op-ed lines: a judging superlative whose scope is all time or all humanity.
    assert ("exaggeration", span) in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "The gauge showed the most rain ever recorded in a single day.",
        "It was the deadliest fire in the county's history.",
        "Shares had their worst week since 2020.",
    ],
)
def test_a_measured_or_bounded_superlative_is_no_exaggeration(text: str) -> None:
    # Invented wire copy: a record, or a comparison bounded by a place or a period.
    assert not any(name == "exaggeration" for name, _ in found(text))


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Everyone knows the toll will ruin the town.", "Everyone knows"),
        (
            "Millions of renters already know that the rules are rigged.",
            "Millions of renters already know",
        ),
        ("The scheme is a fraud, and everybody knows it.", "everybody knows"),
        ("Join the thousands saying no to the toll.", "Join the thousands"),
    ],
)
def test_the_crowd_that_already_knows_is_bandwagon_by_its_form(text: str, span: str) -> None:
    spans = [s for s in rules.detect([Line(text)]) if s.kind == rules.MECHANICAL]
    assert [(s.name, text[s.start : s.end]) for s in spans] == [("bandwagon", span)]


@pytest.mark.parametrize(
    "text",
    [
        "Everyone knows each other in the fishing village.",
        "Millions agreed to the new loan terms last year.",
        "Most residents voted for the toll in 2019.",
    ],
)
def test_a_crowd_that_knows_no_claim_is_not_bandwagon(text: str) -> None:
    # Invented: no claim follows what the crowd knows, or the crowd's act is reported.
    assert not any(s.kind == rules.MECHANICAL for s in rules.detect([Line(text)]))
