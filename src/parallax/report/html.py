"""The report as one self-contained HTML file (no network, no scripts, everything escaped).

Article text and metadata are untrusted input: every value goes through Jinja2's
autoescaping or :func:`markupsafe.escape`, and the page sets a Content-Security-Policy
that forbids scripts, so a hostile article cannot run anything in the reader's browser.
"""

from __future__ import annotations

from collections import Counter

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup, escape

from parallax.record import ArticleRecord, EntityRecord, Report
from parallax.report import persuasion_view
from parallax.report.reasons import is_routine_title, routine_titles_line, verdict_line

HIGHLIGHT_LABELS = {
    "PERSON": "person",
    "ORG": "org",
    "GPE": "place",
    "LOC": "place",
    "NORP": "group",
    "EVENT": "event",
    "LAW": "law",
    "DATE": "date",
    "FAC": "place",
}


def highlight(text: str, entities: list[EntityRecord], offset: int = 0) -> Markup:
    """Escape ``text`` and wrap the entity mentions inside it in labelled ``<mark>`` tags."""
    pieces: list[str] = []
    cursor = 0
    for entity in sorted(entities, key=lambda e: e["start"]):
        start, end = entity["start"] - offset, entity["end"] - offset
        css = HIGHLIGHT_LABELS.get(entity["label"])
        if css is None or start < cursor or start < 0 or end > len(text):
            continue
        pieces.append(str(escape(text[cursor:start])))
        pieces.append(
            f'<mark class="ent {css}" title="{escape(entity["label"])}">'
            f"{escape(text[start:end])}</mark>"
        )
        cursor = end
    pieces.append(str(escape(text[cursor:])))
    return Markup("".join(pieces))


def paragraphs(article: ArticleRecord) -> list[Markup]:
    """The article's paragraphs as escaped HTML with entity highlights."""
    text = article["text"]
    entities = article.get("entities", [])
    result: list[Markup] = []
    position = 0
    for paragraph in text.split("\n\n"):
        start = text.find(paragraph, position)
        end = start + len(paragraph)
        inside = [e for e in entities if start <= e["start"] and e["end"] <= end]
        result.append(highlight(paragraph, inside, start))
        position = end
    return result


def top_entities(article: ArticleRecord, limit: int = 12) -> list[tuple[str, str, int]]:
    """The most-mentioned named entities of an article as ``(name, css class, count)``."""
    counts: Counter[tuple[str, str]] = Counter()
    for entity in article.get("entities", []):
        css = HIGHLIGHT_LABELS.get(entity["label"])
        if css and css != "date":
            counts[(entity["text"], css)] += 1
    return [(name, css, count) for (name, css), count in counts.most_common(limit)]


_ENV = Environment(
    loader=PackageLoader("parallax.report", "templates"),
    autoescape=select_autoescape(["html", "j2"], default=True),
    trim_blocks=True,
    lstrip_blocks=True,
)
_ENV.filters["verdict_line"] = verdict_line
_ENV.filters["routine_titles_line"] = routine_titles_line
_ENV.tests["routine_title"] = is_routine_title


def render_html(report: Report) -> str:
    """Render a report document as a standalone HTML page."""
    template = _ENV.get_template("report.html.j2")
    by_id = {a["id"]: a for a in report["articles"]}
    return template.render(
        report=report,
        articles=report["articles"],
        by_id=by_id,
        comparison=report["comparison"],
        paragraphs=paragraphs,
        top_entities=top_entities,
        # -- persuasion, frames, genre, portrayal (parallax.persuasion) --
        technique_css=persuasion_view.technique_css,
        used_techniques=persuasion_view.used_techniques,
        quoted_techniques=persuasion_view.quoted_techniques,
        highlighted_sentence=persuasion_view.highlighted_sentence,
        portrayal_rows=persuasion_view.portrayal_rows,
    )
