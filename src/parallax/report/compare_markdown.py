"""The side-by-side comparison report as Markdown, with the same content as the HTML page."""

from __future__ import annotations

from parallax.record import PositionItem, Report
from parallax.report.compare_view import VERDICT_WORDS, SourceView, StoryView, story_views
from parallax.report.markdown import _md_escape


def _who(source: SourceView) -> str:
    return f"**{source['letter']}** ({_md_escape(source['name'])})"


def _position(item: PositionItem) -> str:
    extras = []
    if item["type"] == "factual_claim" and item["checkworthiness"] is not None:
        extras.append(f"check-worthiness {item['checkworthiness']:.2f}")
    if item["verdict"]:
        extras.append(f"**{VERDICT_WORDS.get(item['verdict'], item['verdict'])}**")
    return f"{_md_escape(item['text'])}" + (f" ({', '.join(extras)})" if extras else "")


def _positions(view: StoryView) -> list[str]:
    """The positions section: opposed rows, then each kind of statement source by source."""
    by_id = {s["id"]: s for s in view["sources"]}
    out = ["### Positions: what each source states as fact, argues, demands and asks", ""]
    positions = view["positions"]
    if not positions["sources"]:
        out.append("Sentence kinds are not available for these analyses.")
        return [*out, ""]
    for row in positions["opposed"]:
        sides = " ⟷ ".join(
            f"{_who(by_id[c['article_id']])}: “{_md_escape(c['text'])}”"
            for c in row["cells"]
            if c["text"]
        )
        out.append(f"- Opposed: {sides} — *{_md_escape(row['reason'])}*")
    if positions["opposed"]:
        out.append("")
    for key in ("claims", "demands", "opinions", "questions"):
        for source in positions["sources"]:
            column = next(c for c in source["columns"] if c["key"] == key)
            total = len(column["shown"]) + len(column["more"])
            who = _who(by_id[source["article_id"]])
            out.append(f"**{column['title']}**, {who} ({total}):")
            out += [f"- {_position(item)}" for item in column["shown"]] or ["- none"]
            if column["more"]:
                out.append(f"- … and {len(column['more'])} more (see the JSON report)")
            out.append("")
    if view["checkworthy"]:
        out += ["### Claims to check first", ""]
        out.append("| # | Source | Claim | Check-worthiness | Verdict |")
        out.append("|---|---|---|---|---|")
        for number, checked in enumerate(view["checkworthy"], start=1):
            worthiness = checked["checkworthiness"]
            score = "" if worthiness is None else f"{worthiness:.2f}"
            verdict = VERDICT_WORDS.get(checked["verdict"] or "", "not checked")
            claim = _md_escape(checked["claim"]).replace("|", "\\|").replace("\n", " ")
            letter = by_id[checked["source"]]["letter"]
            out.append(f"| {number} | {letter} | {claim} | {score} | {verdict} |")
        out.append("")
    return out


def _techniques(view: StoryView) -> list[str]:
    out = ["### Persuasion techniques", ""]
    for ps in view["per_source"]:
        own, quoted = ps["techniques"]["own"], ps["techniques"]["quoted"]
        counts = ", ".join(f"{t['label']} × {t['count']}" for t in own) or "none found"
        out.append(f"- {_who(ps['source'])}, in its own voice: {_md_escape(counts)}")
        for technique in own:
            spans = "; ".join(f"“{_md_escape(s['span'])}”" for s in technique["spans"][:5])
            out.append(f"  - {_md_escape(technique['label'])}: {spans}")
        if quoted:
            counts = ", ".join(f"{t['label']} × {t['count']}" for t in quoted)
            out.append(f"  - In the voices it quotes: {_md_escape(counts)}")
    return [*out, ""]


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
        out += ["", *_positions(view), "### What they agree on", ""]
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
            # Each line says which way it goes: what only this source says, or what the
            # others say and it leaves out, so neither is read as the other.
            out.append(f"- {_who(ps['source'])}:")
            out += [f"  - Only here: {_md_escape(c)}" for c in ps["only_claims"]]
            if not ps["only_claims"]:
                out.append("  - Only here: nothing checkable that the others do not also say.")
            if ps["only_names"]:
                out.append(
                    f"  - Names no other source mentions: {_md_escape(', '.join(ps['only_names']))}"
                )
            if ps["only_events"]:
                out.append(
                    f"  - Dated events only here: {_md_escape('; '.join(ps['only_events']))}"
                )
            left = ps["leaves_out"]
            if left["shown"]:
                names = "; ".join(g["label"] for g in left["shown"])
                more = f" (and {len(left['more'])} more)" if left["more"] else ""
                out.append(f"  - Leaves out what others cover: {_md_escape(names)}{more}")
        out += ["", *_techniques(view)]
        if view["portrayal"]:
            out += [
                "",
                "### How each source portrays the actors they share",
                "",
                "Role and tone in each source's own voice; what the people it quotes say is "
                "listed apart.",
                "",
            ]
            out.append("| Actor | " + " | ".join(_who(s) for s in view["sources"]) + " |")
            out.append("|---" * (len(view["sources"]) + 1) + "|")
            for actor in view["portrayal"]:
                cells = []
                for c in actor["cells"]:
                    if not c["present"]:
                        cells.append("not mentioned")
                        continue
                    parts = [p for p in (c["role"], c["tone"]) if p]
                    count = c["mentions"]
                    parts.append(f"{count} mention{'' if count == 1 else 's'}")
                    parts += [f"“{_md_escape(q)}”" for q in c["sentences"][:1]]
                    if c["quoted"]:
                        parts.append("quoted sources: " + _md_escape("; ".join(c["quoted"])))
                    cells.append("; ".join(parts).replace("|", "\\|").replace("\n", " "))
                name = _md_escape(actor["name"])
                if actor["difference"] == "quotes only":
                    name += " (alike in their own voice; they differ only in whom they quote)"
                out.append(f"| {name} | " + " | ".join(cells) + " |")
        if view["timeline"]:
            out += ["", "### Timeline", ""]
            for t in view["timeline"]:
                who = ", ".join(s["letter"] for s in t["sources"])
                out.append(f"- {t['date']}: {_md_escape(t['label'] or '')} ({who})")
        if view["verdicts"]:
            out += ["", "### Do their factual claims hold up?", ""]
            for checked in view["verdicts"]:
                part = f" (on {_md_escape(checked['part'])})" if checked["part"] else ""
                out.append(
                    f"- {_who(checked['source'])} “{_md_escape(checked['text'] or '')}”{part}: "
                    f"**{checked['words']}**"
                )
        out.append("")
    return "\n".join(out).rstrip() + "\n"
