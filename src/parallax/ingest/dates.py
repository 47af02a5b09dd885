"""Parse publication dates written in any common format."""

from __future__ import annotations

import re
from datetime import date, datetime

from dateutil import parser as dateparser

_HAS_YEAR = re.compile(r"\b(1[6-9]\d\d|20\d\d|2100)\b")
_MONTHS = (
    "jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|"
    "july|august|september|october|november|december"
)
_DATE_LINE = re.compile(
    rf"""^\s*(?:(?:published|posted|updated|date|dated|on)\s*:?\s*)?
    (?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?
    (?:
      (?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}           # February 7, 2022
     |\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTHS})\.?,?\s+\d{{4}} # 7 February 2022
     |\d{{4}}-\d{{1,2}}-\d{{1,2}}(?:[T ][\d:.]+(?:Z|[+-]\d\d:?\d\d)?)?      # 2022-02-07
     |\d{{1,2}}[/.]\d{{1,2}}[/.]\d{{4}}                                    # 07/02/2022
     |\d{{4}}/\d{{1,2}}/\d{{1,2}}                                          # 2022/02/07
     |(?:{_MONTHS})\.?\s+\d{{4}}                                          # February 2022
    )\s*(?:[|,–—-].{{0,40}})?$""",
    re.I | re.X,
)


def parse_date(value: str | datetime | date | None) -> date | None:
    """Parse ``value`` as a calendar date, or return None when it is not one.

    Accepts ISO 8601, RFC 2822 (feeds), and the usual written forms ("Feb 28, 2022",
    "7 February 2022", "2022/02/07"). Numeric day/month order follows the US convention
    unless the first number cannot be a month.
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = value.strip()
    if not text or not _HAS_YEAR.search(text) or len(text) > 80:
        return None
    try:
        parsed = dateparser.parse(text, fuzzy=True, ignoretz=True, default=datetime(2000, 1, 1))
    except (ValueError, OverflowError, TypeError):
        return None
    if parsed is None or not 1600 <= parsed.year <= 2100:
        return None
    return parsed.date()


def is_date_line(line: str) -> bool:
    """Whether a header line is nothing but a date (possibly with a short place or label)."""
    return bool(_DATE_LINE.match(line)) and parse_date(line) is not None
