"""The side-by-side comparison report as Markdown, with the same content as the HTML page."""

from __future__ import annotations

from parallax.record import Report
from parallax.report.compare_view import SourceView, story_views
from parallax.report.markdown import _md_escape


def _who(source: SourceView) -> str:
    return f"**{source['letter']}** ({_md_escape(source['name'])})"


def render_compare_markdown(report: Report) -> str:
    """Render the comparison of a report document as Markdown."""
    out = ["# Parallax comparison", ""]
    for view in story_views(report):
        out += [
            f"## The story: {_md_escape(view['label'] or view['id'])}",
            "",
            "### The sources",
            "",
        ]
        for s in view["sources"]:
            extras = ", ".join(x for x in (s["outlet"], s["author"], s["date"], s["genre"]) if x)
            out.append(
                f"- {_who(s)}: {_md_escape(s['title'] or 'Untitled')} ({_md_escape(extras)})"
            )
        if view["shared"]:
            out += ["", f"Every source names: {_md_escape(', '.join(view['shared']))}"]
        out += ["", "### What they agree on", ""]
        for pair in view["agreements"]:
            out.append(
                "- "
                + " ≈ ".join(
                    f"{_who(i['source'])}: “{_md_escape(i['text'])}”" for i in pair["items"]
                )
            )
        if not view["agreements"]:
            out.append("- No statement of one source closely matches a statement of another.")
        out += ["", "### Where they contradict each other", ""]
        for pair in view["contradictions"]:
            texts = " ≠ ".join(
                f"{_who(i['source'])}: “{_md_escape(i['text'])}”" for i in pair["items"]
            )
            out.append(f"- {texts} — *{_md_escape(pair['reason'])}*")
        if not view["contradictions"]:
            out.append("- No contradictions found.")
        out += ["", "### What each says that the others leave out", ""]
        for ps in view["per_source"]:
            out.append(f"- Only in {_who(ps['source'])}:")
            out += [f"  - {_md_escape(c)}" for c in ps["only_claims"]]
            if ps["only_names"]:
                out.append(
                    f"  - Names no other source mentions: {_md_escape(', '.join(ps['only_names']))}"
                )
            if ps["only_events"]:
                out.append(
                    f"  - Dated events only here: {_md_escape('; '.join(ps['only_events']))}"
                )
            if ps["leaves_out"]:
                out.append(
                    f"  - Leaves out what others name: {_md_escape(', '.join(ps['leaves_out']))}"
                )
        if view["portrayal"]:
            out += ["", "### How each source portrays the actors they share", ""]
            out.append("| Actor | " + " | ".join(_who(s) for s in view["sources"]) + " |")
            out.append("|---" * (len(view["sources"]) + 1) + "|")
            for actor in view["portrayal"]:
                cells = []
                for c in actor["cells"]:
                    if not c["present"]:
                        cells.append("not mentioned")
                        continue
                    parts = [p for p in (c["role"], c["tone"]) if p]
                    parts.append(f"{c['mentions']} mentions")
                    parts += [f"“{_md_escape(q)}”" for q in c["sentences"][:1]]
                    cells.append("; ".join(parts).replace("|", "\\|").replace("\n", " "))
                out.append(f"| {_md_escape(actor['name'])} | " + " | ".join(cells) + " |")
        if view["timeline"]:
            out += ["", "### Timeline", ""]
            for t in view["timeline"]:
                who = ", ".join(s["letter"] for s in t["sources"])
                out.append(f"- {t['date']}: {_md_escape(t['label'] or '')} ({who})")
        if view["verdicts"]:
            out += ["", "### Do their factual claims hold up?", ""]
            for checked in view["verdicts"]:
                out.append(
                    f"- {_who(checked['source'])} “{_md_escape(checked['text'] or '')}”: "
                    f"**{checked['words']}**"
                )
        out.append("")
    return "\n".join(out).rstrip() + "\n"
