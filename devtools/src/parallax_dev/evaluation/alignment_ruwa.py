"""RUWA's Ukraine-war headlines as stories told by outlets that disagree (issue 17).

BASIL and AllSides hold almost no true contradictions between their outlets, so the
precision of ``contradiction`` pairs cannot be measured on them. RUWA (Khairova et al.,
LDK 2023) gives the headline and subheading of 16,545 reports on nine events of the war in
Ukraine (February to September 2022) from Ukrainian, Russian state and Western outlets,
which report casualties, strikes and blame differently.

A story here is one event on one day; each outlet's reports of it that day, headline and
subheading of each in the data's order, make one document. Ids are ``ruwa:<event>:<day>``
for the story and ``ruwa:<event>:<day>:<site>`` for an outlet's document, so judgements
share the file and the key of the BASIL and AllSides ones; offsets are into the text built
here, which is rebuilt the same way from the staged copy every time.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import zipfile
from collections import Counter, defaultdict
from collections.abc import Iterable
from datetime import date, datetime
from pathlib import Path
from typing import Any

from parallax_dev.evaluation import verdicts
from parallax_dev.evaluation.alignment import KINDS, AlignmentScores, StoryArticle

ARCHIVE = Path("inputs") / "ruwa-ukraine-war-headlines" / "RUWA_01.08.23.csv.zip"
SAME_SHARE = 0.1
"""Share of RUWA "same" pairs read by hand: a random draw fixed by each pair's ids."""
PREFIX = "ruwa:"


def _rows(shared: Path) -> list[dict[str, str]]:
    path = shared / ARCHIVE
    if not path.is_file():
        raise FileNotFoundError(f"{path} is missing; pass --shared pointing at the shared data")
    with zipfile.ZipFile(path) as archive:
        name = next(n for n in archive.namelist() if n.endswith(".csv") and "MACOSX" not in n)
        text = archive.read(name).decode("utf-8")
    return list(csv.DictReader(io.StringIO(text)))


def _day(value: str) -> date | None:
    try:
        return datetime.strptime(value.strip(), "%m/%d/%Y").date()
    except ValueError:
        return None


def _report(row: dict[str, str]) -> str:
    """A report's headline and subheading, as two paragraphs."""
    parts = (" ".join(row.get(k, "").split()) for k in ("title", "desc"))
    return "\n\n".join(p for p in parts if p)


def ruwa_stories(shared: Path, wanted: set[str] | None = None) -> dict[str, list[StoryArticle]]:
    """RUWA's event-days told by at least two outlets (only the ``wanted`` story ids if given).

    Raises:
        FileNotFoundError: the RUWA archive is missing.
    """
    reports: dict[tuple[str, str, str], list[str]] = defaultdict(list)
    for row in sorted(_rows(shared), key=lambda r: int(r[""] or 0)):
        day = _day(row.get("Date", ""))
        text = _report(row)
        if day is None or not text:
            continue
        where = (row["Event"], day.isoformat(), row["Site"])
        if text not in reports[where]:
            reports[where].append(text)
    grouped: dict[str, list[StoryArticle]] = defaultdict(list)
    for (event, iso, site), texts in sorted(reports.items()):
        story = f"{PREFIX}{event}:{iso}"
        if wanted is not None and story not in wanted:
            continue
        article = f"{story}:{site}"
        source = verdicts.Source("ruwa", article, "\n\n".join(texts), date.fromisoformat(iso))
        grouped[story].append(StoryArticle(article, story, site, "", source))
    return {story: items for story, items in grouped.items() if len(items) >= 2}


def is_ruwa(story: str) -> bool:
    """Whether a story (or judgement's story) id is a RUWA event-day."""
    return story.startswith(PREFIX)


def in_sample(pair: dict[str, Any]) -> bool:
    """Whether a "same" pair is in the judged random sample.

    The draw hashes the pair's own key, so whether a pair is in it does not depend on which
    other pairs the alignment gives: a changed alignment keeps the sampled pairs it still
    gives, and a new pair is in the sample with the same chance as the judged ones were.
    """
    digest = hashlib.sha256(json.dumps([pair["a"], pair["b"]]).encode()).digest()
    return int.from_bytes(digest[:4], "big") / 2**32 < SAME_SHARE


def judged_scope(pairs: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """The RUWA pairs that are judged: every contradiction, and "same" in the sample."""
    return [p for p in pairs if p["kind"] == "contradiction" or in_sample(p)]


def _row(label: str, given: int, correct: int) -> str:
    shown = f"{correct / given:.3f}" if given else "– (none given)"
    return f"| {label} | {given} | {correct} | {shown} |"


def markdown_lines(result: AlignmentScores | None, judgements: list[dict[str, Any]]) -> list[str]:
    """The RUWA paragraph and table of the alignment docs section (nothing when not measured)."""
    if result is None:
        return []
    rows = [_row(f"{kind} (now)", result.total[kind], result.correct[kind]) for kind in KINDS]
    for (kind, basis), given in sorted(result.by_basis.items()):
        rows.append(_row(f"{kind}, {basis}", given, result.correct_by_basis[(kind, basis)]))
    for system in sorted({str(j["system"]) for j in judgements} - {"current"}):
        mine = [j for j in judgements if j["system"] == system and is_ruwa(j["story"])]
        for kind in KINDS:
            listed = [j for j in mine if j["kind"] == kind]
            if listed:
                right = sum(j["label"] == "correct" for j in listed)
                rows.append(_row(f"{kind} ({system})", len(listed), right))
    outlets = Counter(
        " and ".join(sorted(o.split(":")[-1] for o in (j["a"][0], j["b"][0])))
        for j in judgements
        if is_ruwa(j["story"]) and j["kind"] == "same" and j["system"] == "current"
    )
    pair, most = outlets.most_common(1)[0] if outlets else ("–", 0)
    return [
        f"**RUWA Ukraine-war headlines** ({result.stories} event-days told by at least two of "
        "nine outlets: Ukrainian, Russian state and Western; each outlet's headlines and "
        'subheadings of the day are one document): every contradiction, and every "same" '
        f"pair in a random draw of {SAME_SHARE:.0%} of them fixed by the pair's ids, was read "
        "and judged the same way (`ruwa:` rows of the judgements). A contradiction is counted "
        "right only when both sentences state incompatible values of one quantity of one "
        "event; a toll stamped with an earlier hour against a later one is not.",
        "",
        "| pairs (RUWA) | given | correct | precision |",
        "|---|---:|---:|---:|",
        *rows,
        "",
        f"RUWA pairs without a label: {len(result.unjudged)}; judged wrong that came back: "
        f'{len(result.wrong_again)}. Of the judged "same" pairs, {most} are between '
        f"{pair}, two Ukrainian outlets that often carry the same agency text; the ones "
        "judged wrong are related statements or counts of other things (a lower bound of "
        "war crimes against a count of crimes, children harmed in all against children "
        'injured). Time stamps ("29.10.22 15:29") were read as shared counts; they are no '
        "figures now, and those pairs are gone.",
        "",
        "Before each count was bound to the places and times of its clause (a time of day "
        'and a "since" phrase of the clause included), the figure rule called counts of '
        "other things contradictions: one strike's dead against a city's or a region's dead "
        "since the invasion, the whole country's dead against one region's, a toll at 13:00 "
        "against a later one. What it still finds are the same attack's injured counted "
        "differently on one day, and children injured by the same date given as 1,067 and 706 "
        "(the first is the killed and injured together). The disagreement that matters most "
        "in this coverage is not a figure but the attacker: such headlines are close in "
        "meaning (a Russian-side headline that Ukrainians hit the Kramatorsk station against "
        "a Ukrainian one that Russian missiles hit it: cosine 0.77), so a pair could even be "
        'given as "same". `parallax.comparison.strikes` reads the attack, its target\'s '
        "place and its attacker from the parse, and two sources contradict each other when "
        "they name different nationalities as the attacker of one place; a claim reported "
        'from someone else ("Moscow says"), a denial, and a country or city named as the '
        "attacker are left unread, so most of the war's disputes over who struck a prison, a "
        "mall or the nuclear plant (told as claims of Moscow or Kyiv) are still not found. "
        'Two such accounts relayed from others ("officials said", "according to") are '
        'no contradiction between the outlets, but since 2026-12-05 they are no "same" '
        "either: an invented pair of wire reports naming Ukrainian artillery and Russian "
        "forces as the shellers of one market had been shown as agreeing (cosine above "
        "0.8); on these headlines the veto removed no pair. "
        "With so few true contradictions read, the floor of 100 judged contradictions is "
        "still not met.",
        "",
        "How many exist was counted by reading candidates found without the rules: every "
        "pair of two outlets' paragraphs of one event-day giving different counts of the "
        "same kind (killed, injured, children) and sharing a place name (17 pairs), and every "
        "pair where one names Ukrainians and the other Russians as attackers and both name a "
        "common place (53 pairs). Besides the 7 found, about 14 more are true "
        "contradictions by the standard above, from four events: the Kramatorsk station "
        "(9 more pairs: a Russian-side headline puts the Ukrainian armed forces and the "
        "strike in one noun phrase, which the parser reads as one organisation's name, and "
        "most Ukrainian sentences are told in a clause the rules leave unread), the shelling "
        "of a funeral in Donetsk (2 pairs: one side names Kyiv as the attacker, the other "
        "Russian forces), and children "
        "injured on three more days given by one outlet as the killed and injured together. "
        "The rest are different counts (killed against injured, a toll at two hours), "
        "reported claims, or strikes on different targets of one region. About 21 true "
        "contradictions in all: the floor of 100 cannot be met on RUWA either. The 90 "
        "Ukraine-crisis articles of 2014 carry no outlet and no date, so they cannot be "
        "grouped into event stories told by different outlets.",
        "",
    ]
