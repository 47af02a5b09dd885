"""The report as Markdown: readable in a terminal, a pull request or a notebook."""

from __future__ import annotations

from typing import Any


def _cell(value: object) -> str:
    return str(value if value not in (None, "") else "—").replace("|", "\\|").replace("\n", " ")


def _md_escape(text: str) -> str:
    # Article text is untrusted: neutralise Markdown and inline HTML it may carry.
    return (
        text.replace("\\", "\\\\")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("[", "\\[")
        .replace("]", "\\]")
        .replace("*", "\\*")
        .replace("_", "\\_")
        .replace("`", "\\`")
        .replace("#", "\\#")
    )


def render_markdown(report: dict[str, Any], *, full_text: bool = True) -> str:
    """Render a report document (see :mod:`parallax.report.json_report`) as Markdown."""
    articles = report["articles"]
    by_id = {a["id"]: a for a in articles}
    out = ["# Parallax report", ""]
    out += [
        "| # | Title | Outlet | Author | Date | Language | Sentences | Source |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for number, a in enumerate(articles, start=1):
        out.append(
            f"| {number} | {_cell(a['title'])} | {_cell(a['outlet'])} | {_cell(a['author'])} | "
            f"{_cell(a['date'])} | {_cell(a['language'])} | {len(a['sentences'])} | "
            f"{_cell(a['source'])} |"
        )
    comparison = report["comparison"]
    if comparison["stories"]:
        out += ["", "## Stories", ""]
        for story in comparison["stories"]:
            titles = ", ".join(
                _cell(by_id[i]["title"] or i) for i in story["articles"] if i in by_id
            )
            out.append(f"- **{story['id']}** ({len(story['articles'])} articles: {titles})")
            if story.get("shared_entities"):
                out.append(f"  - named by every source: {', '.join(story['shared_entities'][:15])}")
    if comparison["gaps"]:
        out += [
            "",
            "## Coverage gaps",
            "",
            "| Story | Named | Covered by | Missing from |",
            "|---|---|---|---|",
        ]
        for gap in comparison["gaps"]:
            if gap["kind"] == "claim":
                continue
            covered = ", ".join(_cell(by_id[i]["title"] or i) for i in gap["covered_by"])
            missing = ", ".join(_cell(by_id[i]["title"] or i) for i in gap["missing_from"])
            out.append(
                f"| {gap['story']} | {_cell(gap['label'])} ({gap.get('type') or gap['kind']}) | "
                f"{covered} | {missing} |"
            )
    for a in articles:
        out += ["", f"## {_cell(a['title'] or 'Untitled')}", ""]
        facts = [
            ("Outlet", a["outlet"]),
            ("Author", a["author"]),
            ("Date", a["date"]),
            ("Language", a["language"]),
            ("Source", a["source"]),
            ("Id", a["id"]),
        ]
        out += [f"- {name}: {_cell(value)}" for name, value in facts]
        meta = a.get("meta", {})
        if meta.get("tagline"):
            out.append(f"- Masthead tagline: {_cell(meta['tagline'])}")
        if meta.get("epigraph"):
            who = f" — {meta['epigraph_attribution']}" if meta.get("epigraph_attribution") else ""
            out.append(
                f"- Epigraph (not the article's own words): “{_cell(meta['epigraph'])}”{who}"
            )
        if a["status"] != "analysed":
            out.append(f"- Not analysed: {_cell(a['reason'])}")
        entities: dict[str, int] = {}
        for entity in a.get("entities", []):
            if entity["label"] in {"PERSON", "ORG", "GPE", "NORP", "EVENT", "LOC", "LAW"}:
                entities[entity["text"]] = entities.get(entity["text"], 0) + 1
        if entities:
            top = sorted(entities.items(), key=lambda kv: -kv[1])[:20]
            out.append("- Named: " + ", ".join(f"{_md_escape(n)} ({c})" for n, c in top))
        if full_text:
            out += ["", *(f"> {_md_escape(p)}\n>" for p in a["text"].split("\n\n"))]
    if report.get("errors"):
        out += ["", "## Inputs that failed", ""]
        out += [
            f"- `{_md_escape(e['source'])}`: {_md_escape(e['reason'])}" for e in report["errors"]
        ]
    return "\n".join(out).rstrip() + "\n"
