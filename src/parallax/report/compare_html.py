"""The side-by-side comparison report as one self-contained HTML page.

Like the per-article report it loads nothing, runs no script (a Content-Security-Policy
forbids both) and escapes every value, so it opens from a file anywhere and a hostile
article cannot run anything in the reader's browser.
"""

from __future__ import annotations

from jinja2 import Environment, PackageLoader, select_autoescape

from parallax.record import Report
from parallax.report.compare_view import VERDICT_WORDS, story_views

_ENV = Environment(
    loader=PackageLoader("parallax.report", "templates"),
    autoescape=select_autoescape(["html", "j2"], default=True),
    trim_blocks=True,
    lstrip_blocks=True,
)


def render_compare_html(report: Report, detail_link: str | None = None) -> str:
    """Render the comparison of a report document; ``detail_link`` points at per-article detail."""
    template = _ENV.get_template("compare.html.j2")
    return template.render(
        report=report,
        views=story_views(report),
        detail_link=detail_link,
        verdict_words=VERDICT_WORDS,
    )
