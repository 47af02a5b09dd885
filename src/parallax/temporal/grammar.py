"""The rule grammar that recognises time expressions: one precompiled regex per rule.

Each rule names a kind of expression ("date_mdy", "decade", "ago" ...) that
:mod:`parallax.temporal.normalise` knows how to turn into a TIMEX3 value. A rule's optional
group ``x`` is the expression's extent when the match also covers context that is not part
of it (the "for" of "for decades"); otherwise the whole match is the extent.

Month and weekday names are matched case-sensitively ("May" the month, not "may" the verb;
"March" the month, not "march" the verb); everything else ignores case. Patterns are compiled
once, at import, because the component runs them over every sentence of every article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from parallax import number_words
from parallax.number_words import CARDINALS, TENS

MONTHS = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sept": 9,
    "sep": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}

WEEKDAYS = {
    "monday": 1,
    "mon": 1,
    "tuesday": 2,
    "tue": 2,
    "tues": 2,
    "wednesday": 3,
    "wed": 3,
    "thursday": 4,
    "thu": 4,
    "thurs": 4,
    "friday": 5,
    "fri": 5,
    "saturday": 6,
    "sat": 6,
    "sunday": 7,
    "sun": 7,
}

UNITS = {
    "second": "second",
    "seconds": "second",
    "minute": "minute",
    "minutes": "minute",
    "hour": "hour",
    "hours": "hour",
    "day": "day",
    "days": "day",
    "week": "week",
    "weeks": "week",
    "fortnight": "fortnight",
    "fortnights": "fortnight",
    "month": "month",
    "months": "month",
    "quarter": "quarter",
    "quarters": "quarter",
    "year": "year",
    "years": "year",
    "decade": "decade",
    "decades": "decade",
    "century": "century",
    "centuries": "century",
}

SMALL_NUMBERS = {
    "a": 1,
    "an": 1,
    **CARDINALS,
    **TENS,
    "hundred": 100,
    "a hundred": 100,
    "a dozen": 12,
    "dozen": 12,
    "a couple of": 2,
    "couple of": 2,
    "a couple": 2,
}

VAGUE_NUMBERS = frozenset(
    {"several", "a few", "few", "many", "some", "dozens of", "hundreds of", "the"}
)

ORDINALS = {
    **number_words.ORDINALS,
    "twenty-first": 21,
    "twenty first": 21,
    "1st": 1,
    "2nd": 2,
    "3rd": 3,
    "4th": 4,
    "final": 4,
    "last": 4,
}


def _alternation(words: list[str] | set[str] | frozenset[str]) -> str:
    return "|".join(
        re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True)
    )


_MONTH_NAMES = sorted(
    {name.capitalize() for name in MONTHS}
    | {name.upper() for name in MONTHS if len(name) > 3}
    | {"Sept"},
    key=len,
    reverse=True,
)
# Abbreviations take an optional full stop; "May" and "June" are never abbreviated.
MONTH = (
    r"(?P<month>"
    + "|".join(
        f"{name}\\.?"
        if name.lower() in MONTHS and len(name) <= 4 and name.lower() not in {"may", "june", "july"}
        else name
        for name in _MONTH_NAMES
    )
    + r")(?!\w)"
)
_WEEKDAY_NAMES = sorted(
    {name.capitalize() for name in WEEKDAYS if len(name) > 4}
    | {"Mon", "Tue", "Tues", "Wed", "Thu", "Thurs", "Fri", "Sat", "Sun"},
    key=len,
    reverse=True,
)
WEEKDAY = (
    r"(?P<weekday>" + "|".join(n if len(n) > 5 else n + r"\." for n in _WEEKDAY_NAMES) + r")(?!\w)"
)
DAY = r"(?P<day>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d|:\d)"
YEAR = r"(?P<year>(?:1[0-9]|20)\d\d)(?![\d%]|[.,]\d)"
_SMALL = _alternation({w for w in SMALL_NUMBERS if " " not in w})
NUMBER = (
    r"(?P<number>\d+(?:\.\d+)?(?:\s+1/2)?|"
    r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[\s-]"
    r"(?:one|two|three|four|five|six|seven|eight|nine)|"
    + _alternation({w for w in SMALL_NUMBERS if " " in w} | (VAGUE_NUMBERS - {"the"}))
    + "|"
    + _SMALL
    + ")"
)
UNIT = r"(?P<unit>" + _alternation(set(UNITS)) + r")(?![\w])"
APPROX = (
    r"(?P<approx>about|around|roughly|approximately|nearly|almost|some|more\s+than|"
    r"less\s+than|fewer\s+than|over|under|at\s+least|at\s+most|up\s+to|barely|just|only|"
    r"well\s+over|little\s+more\s+than)"
)
PART_OF_DAY = r"(?P<part>morning|afternoon|evening|night)"
_I = "(?i:"  # a case-insensitive group inside the case-sensitive patterns
_SPOKEN_TENS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
_SPOKEN_UNITS = r"(?:one|two|three|four|five|six|seven|eight|nine)"
_SPOKEN_TEENS = (
    r"(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
)


@dataclass(frozen=True)
class Rule:
    """A named pattern; the normaliser has one handler per name.

    ``needs`` is a cheap pattern that must occur in a text for ``pattern`` to have a chance;
    most sentences fail it for most rules, which saves running the full pattern.
    """

    name: str
    pattern: re.Pattern[str]
    needs: re.Pattern[str]


_MONTH_WORDS = "|".join(sorted({n.capitalize() for n in MONTHS} | {n.upper() for n in MONTHS}))
_WEEKDAY_WORDS = "|".join(sorted({n.capitalize() for n in WEEKDAYS}))
_NEEDS = {
    "date_mdy": _MONTH_WORDS,
    "date_dmy": _MONTH_WORDS,
    "month_year": _MONTH_WORDS,
    "month": _MONTH_WORDS,
    "date_iso": r"\d{4}",
    "date_slash": r"\d{4}",
    "year": r"\d{4}",
    "year_range": r"\d{4}",
    "decade": r"0s",
    "century": r"(?i:centur)",
    "season": r"(?i:spring|summer|autumn|fall|winter)",
    "quarter": r"(?i:quarter|half)|Q[1-4]|H[12]",
    "weekday": _WEEKDAY_WORDS,
    "relday": r"(?i:today|yesterday|tomorrow|tonight)",
    "partofday": r"(?i:morning|afternoon|evening|night)",
    "weekend": r"(?i:weekend)",
    "relunit": r"(?i:last|next|this|past|previous|coming|current|following)",
    "decade_rel": r"(?i:decade)",
    "period_ref": r"quarter|period|(?i:year-|that|same|before|after|earlier|later|\s+of\s+the|"
    r"following\s+day|previous\s+day|preceding\s+day|next\s+day|"
    r"(?:following|previous|preceding|next)\s+(?:morning|afternoon|evening|night)|"
    r"year\s+end)",
    "ago": r"(?i:ago|earlier|before|later|from\s+now|hence|since|back)",
    "duration": r"(?i:second|minute|hour|day|week|fortnight|month|quarter|year|decade|centur)",
    "vague_duration": r"(?i:years|decades|months|weeks|days|centuries|hours|minutes)",
    "set": r"(?i:every|each|daily|weekly|monthly|yearly|annually|hourly|nightly|fortnightly|"
    r"times|once|twice)",
    "ref": r"(?i:now|current|present|days|recent|lately|past|future|coming|ahead|soon|being)",
    "time": r"\d\s*[aApP]\.?\s?[mM]|o'clock|\d:\d\d|(?i:noon|midnight|midday)",
    "spoken_year": r"(?i:nineteen|eighteen|two\s+thousand)",
    "holiday": r"Christmas|New\s+Year|Independence|Halloween|Valentine|Boxing|May\s+Day|"
    r"Easter|Good\s+Friday|"
    r"Bastille|Thanksgiving",
}


def _rule(name: str, pattern: str) -> Rule:
    return Rule(name, re.compile(pattern), re.compile(_NEEDS[name]))


_B = r"(?<![\w$€£#])"  # a token start that is not part of a word, amount or number
_MOD = _I + r"(?P<mod>early|mid|late|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|"
_MOD += r"the\s+middle\s+of|end\s+of|beginning\s+of|start\s+of|mid-)" + r")[\s-]*"

_RELYEAR = _I + r"\s+(?:of\s+)?(?P<relyear>this|last|next)\s+year(?!\w))"
"""A year named from publication after a day ("May 3 last year")."""

RULES: tuple[Rule, ...] = (
    _rule(
        "date_mdy",
        _B
        + rf"(?:{WEEKDAY},?\s+)?(?:(?:{_MOD})|{_I}(?P<rel>last|next|this|coming|past)\s+))?"
        + rf"{MONTH}\s+{DAY}(?:(?:,\s*|\s+){YEAR}|{_RELYEAR})?",
    ),
    _rule(
        "date_dmy",
        _B + rf"(?:{WEEKDAY},?\s+)?{DAY}(?:\s+of)?\s+{MONTH}(?:,?\s+{YEAR}|{_RELYEAR})?",
    ),
    _rule("date_iso", _B + r"(?P<y>\d{4})-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?![\d-])"),
    _rule("date_slash", _B + r"(?P<a>[01]?\d)/(?P<b>[0-3]?\d)/(?P<y>\d{4})(?![\d/])"),
    _rule(
        "month_year",
        _B + rf"(?:{_MOD})?{MONTH}(?:\s+of)?,?\s+{YEAR}",
    ),
    _rule(
        "month",
        _B
        + rf"(?:(?:{_MOD})|{_I}(?P<rel>last|next|this|coming|past|previous)\s+))?{MONTH}"
        + _I
        + r"(?:\s+(?:of\s+)?(?P<relyear>this|last|next)\s+year(?!\w))?)",
    ),
    _rule(
        "year",
        _B
        + rf"(?:(?:{_MOD})|{_I}(?P<fiscal>fiscal|the\s+year|calendar)\s+))?"
        + YEAR
        + r"(?!\s*[-–—]\s*\d)(?!-)",
    ),
    _rule(
        "year_range",
        _B + r"(?P<y1>(?:1[0-9]|20)\d\d)\s*[-–—]\s*(?P<y2>(?:1[0-9]|20)?\d\d)(?![\d%-])",
    ),
    _rule(
        "decade",
        _B + rf"(?:{_I}the\s+))?(?:{_MOD})?(?:(?P<dec>1\d\d|20\d)0s|'(?P<short>\d)0s)(?!\w)",
    ),
    _rule(
        "decade_rel",
        _B + _I + r"(?:the\s+)?(?P<rel>last|past|next|this|coming|previous)\s+decade)(?!s)",
    ),
    _rule(
        "century",
        _B
        + _I
        + r"(?:the\s+)?(?:(?P<mod>early|mid|late)[\s-]+)?"
        + r"(?:(?P<num>\d{1,2})(?:st|nd|rd|th)|(?P<ord>"
        + _alternation(set(ORDINALS) - {"final", "last"})
        + r"))[\s-]+century"
        + r"|(?:the\s+)?(?P<rel>this|last|next|previous|past|coming)\s+century)(?!\w)",
    ),
    _rule(
        "season",
        _B
        + _I
        + r"(?:(?P<rel>this|last|next|the|coming|past|previous)\s+|(?P<mod>early|late|mid)[\s-]+)?"
        + r"(?P<season>spring|summer|autumn|fall|winter)(?:\s+(?:of\s+)?)?)"
        + r"(?:"
        + YEAR
        + r")?",
    ),
    _rule(
        "quarter",
        _B
        + _I
        + r"(?:the\s+)?(?:(?:comparable|corresponding|same)\s+)?"
        + r"(?:(?P<which>this\s+year's|last\s+year's|next\s+year's|fiscal|"
        + r"the\s+fiscal|calendar|year-ago|year-earlier|prior-year|(?P<ayear>(?:19|20)\d\d))"
        + r"\s+)?"
        + r"(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th|final)[\s-]+(?:fiscal\s+)?"
        + r"(?P<unit>quarter|half)(?:\s+of\s+(?:(?P<relyear>this|last|next)\s+year|"
        + r"(?:fiscal\s+)?(?=\d)))?)"
        + r"(?:"
        + YEAR
        + r")?"
        + r"|"
        + _B
        + r"(?P<q>Q[1-4]|H[12])\s*(?P<qyear>(?:19|20)\d\d)(?!\d)",
    ),
    _rule(
        "weekday",
        _B
        + rf"(?:{_I}(?P<rel>last|next|this|coming|past|previous)\s+))?{WEEKDAY}"
        + rf"(?:\s+{_I}{PART_OF_DAY}))?",
    ),
    _rule(
        "relday",
        _B
        + _I
        + r"(?:(?P<mod>early|late|earlier|later)\s+)?"
        + r"(?P<day>today|yesterday|tomorrow|tonight|the\s+day\s+before\s+yesterday|"
        + r"the\s+day\s+after\s+tomorrow)"
        + rf"(?:\s+{PART_OF_DAY})?)(?!\w)",
    ),
    _rule(
        "partofday",
        _B + _I + rf"(?P<rel>this|last|tomorrow|yesterday)\s+{PART_OF_DAY})(?!\w)",
    ),
    _rule("weekend", _B + _I + r"(?:the|this)\s+weekend)(?!\w)"),
    _rule(
        "relunit",
        _B
        + _I
        + r"(?:(?P<mod>earlier|later|early|late)\s+)?(?:the\s+)?"
        + r"(?P<rel>last|next|this|past|previous|coming|current|following)\s+"
        + r"(?:fiscal\s+(?=year|quarter))?(?P<unit>week|weekend|month|year|quarter))(?!\w|-)",
    ),
    _rule(
        "period_ref",
        _B
        + r"(?P<ref>(?i:the)\s+(?:(?:latest|current|comparable|corresponding|same)\s+)?"
        + r"(?:(?:year-ago|year-earlier|prior-year)\s+)?(?:fiscal\s+)?(?:quarter|period)"
        + r"(?!\s+of\b)|(?i:year-ago|year-earlier)(?=\s+[a-z])|"
        + _I
        + r"(?:that|the\s+same)\s+(?P<unit>day|week|month|year)|"
        + r"the\s+(?:following|previous|preceding|next)\s+(?P<unit4>day)|"
        + r"(?:that|the\s+same|the\s+(?:following|previous|preceding|next))\s+"
        + r"(?P<part2>morning|afternoon|evening|night)|"
        + r"the\s+(?P<unit2>day|week|month|year)\s+(?P<dir>before|after|earlier|later)"
        + r"(?=\s*[,.;:!?)])|"
        + r"(?P<edge>the\s+(?:end|beginning|start|middle)\s+of)\s+the\s+(?P<unit3>year|month)|"
        + r"(?P<closing>the\s+(?:fiscal\s+)?year)(?=\s+(?:ended|ending)\s)))"
        + r"(?![\w-])",
    ),
    _rule(
        "ago",
        _B
        + _I
        + rf"(?:{APPROX}\s+)?{NUMBER}\s+(?:(?:more|fewer|full)\s+)?{UNIT}\s+"
        + r"(?P<dir>ago|earlier|before|later|from\s+now|hence|since|back))(?!\w)",
    ),
    _rule(
        "duration",
        _B
        + _I
        + r"(?:(?:the\s+)?(?P<rel>past|last|next|coming|first|previous|following|"
        + r"recent|final|remaining|ensuing|preceding)\s+)?"
        + rf"(?:{APPROX}\s+)?{NUMBER}[\s-]+(?:(?:more|additional|full|straight|"
        + rf"consecutive)\s+)?{UNIT}(?P<long>-long)?)(?!-old|\s+old\b|-\w)",
    ),
    _rule(
        "vague_duration",
        _B
        + _I
        + r"(?:for|over|in|within|after|during|across)\s+(?P<x>(?:the\s+)?(?:past\s+|last\s+|"
        + r"coming\s+|next\s+)?(?:many\s+|several\s+|a\s+few\s+|few\s+|recent\s+)?"
        + r"(?P<unit>years|decades|months|weeks|days|centuries|hours|minutes)))(?!\w)"
        + r"|"
        + _B
        + _I
        + r"(?P<x2>(?P<unit2>years|decades|months|weeks|days|centuries)-long))(?!\w)",
    ),
    _rule(
        "set",
        _B
        + _I
        + r"(?P<every>every|each)\s+(?P<other>other\s+)?(?:(?P<number>\d+|two|three|four|five|"
        + r"six|ten)\s+)?(?P<unit>day|week|month|year|quarter|decade|morning|night|evening|"
        + r"afternoon|weekend|summer|winter|spring|autumn|fall|hour|minute|monday|tuesday|"
        + r"wednesday|thursday|friday|saturday|sunday|season|days|weeks|months|years))(?!\w)"
        + r"|"
        + _B
        + _I
        + r"(?P<adverb>daily|weekly|monthly|yearly|annually|hourly|nightly|"
        + r"biannually|fortnightly))(?!\w)"
        + r"|"
        + _I
        + r"(?<=\bonce\s)|(?<=\btwice\s)|(?<=\btimes\s))(?P<x>(?:a|per)\s+"
        + r"(?P<unit3>day|week|month|year|decade|hour|minute))(?!\w)",
    ),
    _rule(
        "ref",
        _B
        + _I
        + r"(?P<ref>now|right\s+now|currently|at\s+present|presently|nowadays|these\s+days|"
        + r"recently|lately|the\s+past|"
        + r"the\s+(?:near\s+|distant\s+|foreseeable\s+)?future(?!\s+of\b)|"
        + r"recent\s+(?:years|decades|months|weeks|days|times)|"
        + r"the\s+coming\s+(?:years|decades|months|weeks|days)|"
        + r"in\s+the\s+(?:years|decades|months|weeks|days)\s+ahead|"
        + r"as\s+soon\s+as\s+possible|the\s+time\s+being))(?![\w-])",
    ),
    _rule(
        "time",
        _B
        + r"(?P<hour>[01]?\d|2[0-3])(?::(?P<minute>[0-5]\d))?\s*"
        + r"(?P<ampm>[aApP]\.?\s?[mM]\.?(?!\w)|o'clock)"
        + r"(?:\s+(?P<zone>[ECMP][SD]T|GMT|UTC|BST|CET|CEST|local\s+time)(?!\w))?"
        + rf"(?:\s+(?:on\s+)?(?:{WEEKDAY}|{_I}(?P<relday>today|yesterday|tomorrow)))|"
        + rf",?\s+(?:on\s+)?{MONTH}\s+{DAY})?"
        + r"|"
        + _B
        + r"(?P<h24>[01]\d|2[0-3]):(?P<m24>[0-5]\d)(?![\d:])"
        + r"(?:\s+(?P<zone2>[ECMP][SD]T|GMT|UTC|BST|CET|CEST)(?!\w))?"
        + r"|"
        + _B
        + _I
        + r"(?P<named>noon|midnight|midday))(?!\w)"
        + rf"(?:\s+(?:on\s+)?{WEEKDAY.replace('<weekday>', '<weekday2>')})?",
    ),
    _rule(
        "spoken_year",
        _B
        + r"(?:(?P<season>(?i:(?:the\s+)?(?:spring|summer|autumn|fall|winter)))\s+(?i:of)\s+|"
        + MONTH
        + r"\s+|(?P<named>(?i:the\s+year))\s+)?"
        + r"(?P<spoken>(?i:(?:eighteen|nineteen)\s+(?:hundred|"
        + _SPOKEN_TENS
        + r"(?:[\s-]"
        + _SPOKEN_UNITS
        + r")?|"
        + _SPOKEN_TEENS
        + r")|two\s+thousand(?:\s+(?:and\s+)?(?:"
        + _SPOKEN_UNITS
        + r"|"
        + _SPOKEN_TEENS
        + r"))?))(?![\w-])",
    ),
    _rule(
        "holiday",
        _B
        + r"(?P<holiday>Christmas\s+Eve|Christmas\s+Day|Christmas|New\s+Year's\s+Eve|"
        + r"New\s+Year's\s+Day|Independence\s+Day|Halloween|Valentine's\s+Day|"
        + r"Boxing\s+Day|May\s+Day|Bastille\s+Day|Thanksgiving(?:\s+Day)?|"
        + r"Easter\s+Sunday|Easter\s+Monday|Good\s+Friday|Easter(?!\s+(?:week|Rising)))(?!\w)"
        + r"(?:\s+(?:of\s+)?"
        + YEAR
        + r")?",
    ),
)
"""Every rule, in order of preference when two match the same span."""

TRIGGER = re.compile(
    r"\d|"
    + r"(?i:today|yesterday|tomorrow|tonight|now|current|recent|previous|formerly|past|future|"
    + r"soon|ago|year|month|week|day|decade|centur|hour|minute|second|quarter|half|spring|"
    + r"summer|autumn|fall|winter|daily|annual|nightly|noon|midnight|midday|time|lately|"
    + r"christmas|halloween|thanksgiving|easter|eve|night|morning|afternoon|nineteen|eighteen"
    + r"|thousand)"
    + r"|"
    + MONTH.replace("(?P<month>", "(?:")
    + r"|"
    + WEEKDAY.replace("(?P<weekday>", "(?:")
)
"""A cheap test that a text may hold a time expression at all (most sentences have none)."""

RANGE_LINK = re.compile(r"\s*(?:(?P<dash>[-–—])|(?i:(?P<word>to|and|through|until|till|thru)))\s*$")
"""What joins the two ends of a range ("1999 to 2004", "June–July")."""

RANGE_OPEN = re.compile(r"(?i:(?P<open>between|from))\s+$")
"""What opens a range before its first end ("between", "from")."""
