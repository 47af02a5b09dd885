"""The report as Markdown: readable in a terminal, a pull request or a notebook."""

from __future__ import annotations

from parallax.record import (
    ArticleRecord,
    CheckRecord,
    EventRecord,
    EvidenceRecord,
    MergedTimelineEntry,
    Report,
    TimelineRecord,
)
from parallax.report.reasons import is_routine_title, routine_titles_line, verdict_line


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


def render_markdown(report: Report, *, full_text: bool = True) -> str:
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
    out += _merged_timeline_section(comparison.get("timeline", []))
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
        # The tagger's raw names ("Ursula von", "Leyen") only where no actors were read:
        # the actors table below names each one once, as the analysis resolved it.
        for entity in [] if a.get("actors") else a.get("entities", []):
            if entity["label"] in {"PERSON", "ORG", "GPE", "NORP", "EVENT", "LOC", "LAW"}:
                entities[entity["text"]] = entities.get(entity["text"], 0) + 1
        if entities:
            top = sorted(entities.items(), key=lambda kv: -kv[1])[:20]
            out.append("- Named: " + ", ".join(f"{_md_escape(n)} ({c})" for n, c in top))
        out += _actors_section(a)
        out += _persuasion_block(a)
        if full_text:
            out += ["", *(f"> {_md_escape(p)}\n>" for p in a["text"].split("\n\n"))]
    out += _claims_markdown(articles)
    if report.get("errors"):
        out += ["", "## Inputs that failed", ""]
        out += [
            f"- `{_md_escape(e['source'])}`: {_md_escape(e['reason'])}" for e in report["errors"]
        ]
    return "\n".join(out).rstrip() + "\n"


# --- claims and verdicts (helper "claims") ---------------------------------------------------

VERDICT_MARKS: dict[str | None, str] = {
    "supported": "✅ supported",
    "contradicted": "❌ contradicted",
    "disputed": "⚠️ disputed",
    "not_enough_evidence": "… not enough evidence",
}


def _evidence_lines(evidence: list[EvidenceRecord], limit: int = 12) -> list[str]:
    lines = [
        f"  - {_md_escape(e['text'])} — source: {_md_escape(str(e.get('source') or '?'))}"
        for e in evidence[:limit]
    ]
    if len(evidence) > limit:
        lines.append(f"  - … and {len(evidence) - limit} more")
    return lines


def _claims_markdown(articles: list[ArticleRecord]) -> list[str]:
    """The fact-check section: each article's checked claims, verdict first, with evidence."""
    checked = [(a, [c for c in a.get("claims", []) if c.get("verdict")]) for a in articles]
    if not any(claims for _, claims in checked):
        return []
    out = ["", "## Fact-check", ""]
    for article, claims in checked:
        decided = [
            c for c in claims if c["verdict"] != "not_enough_evidence" and not is_routine_title(c)
        ]
        titles = routine_titles_line(claims)
        if not claims:
            continue
        out += [f"### {_cell(article['title'] or 'Untitled')}", ""]
        for claim in decided:
            out.append(
                f"- **{VERDICT_MARKS.get(claim['verdict'], claim['verdict'])}** "
                f"({claim['sentence_id']}): “{_md_escape(' '.join(claim['text'].split()))}”"
            )
            out.append(f"  - {_md_escape(verdict_line(claim))}")
            out += _evidence_lines(claim.get("evidence", []), limit=5)
        if titles:
            out.append(f"- {_md_escape(titles)}")
        undecided = sum(c["verdict"] == "not_enough_evidence" for c in claims)
        if undecided and (decided or titles):
            out.append(f"- {undecided} more claim(s) without enough evidence to judge")
        elif undecided:
            out.append(f"- {undecided} claim(s) checked, none with enough evidence to judge")
        out.append("")
    return out


def render_check_markdown(record: CheckRecord) -> str:
    """One checked claim (the ``parallax check`` document) as Markdown."""
    out = [
        f"# {VERDICT_MARKS.get(record['verdict'], record['verdict'])}",
        "",
        f"> {_md_escape(record['claim'])}",
        "",
        _md_escape(record.get("explanation") or ""),
        "",
    ]
    structured = record.get("structured")
    if structured:
        fields = [
            (k, structured.get(k))
            for k in (
                "kind",
                "subject",
                "relation",
                "object",
                "quantity",
                "unit",
                "ordinal",
                "span",
            )
            if structured.get(k) not in (None, [], "")
        ]
        out += ["## Read as", ""]
        out += [f"- {k}: {_md_escape(str(v))}" for k, v in fields]
        out.append("")
    if record.get("evidence"):
        out += ["## Evidence", ""]
        out += [line[2:] for line in _evidence_lines(record["evidence"], limit=40)]
        out.append("")
    return "\n".join(out).rstrip() + "\n"


# -- actors, quotations, events and timelines (parallax.actors) -------------------------------


def _when(entry: EventRecord | TimelineRecord | MergedTimelineEntry) -> str:
    inferred = " (year from reference knowledge)" if entry.get("inferred") else ""
    return f"{entry.get('date')}{inferred}"


def _actors_section(a: ArticleRecord) -> list[str]:
    out: list[str] = []
    names = {actor["id"]: actor["name"] for actor in a.get("actors", [])}
    if a.get("actors"):
        top = a["actors"][:15]
        out += ["", "### Actors", ""]
        out += ["| Actor | Type | Mentions | Also called |", "|---|---|--:|---|"]
        for actor in top:
            forms = sorted({m["text"] for m in actor["mentions"] if m.get("kind") != "pronoun"})
            out.append(
                f"| {_cell(actor['name'])} | {_cell(actor.get('type'))} | "
                f"{len(actor['mentions'])} | {_cell(_md_escape(', '.join(forms[:8])))} |"
            )
    quotes = a.get("quotes") or []
    if quotes:
        out += ["", "### Quotations", ""]
        for q in quotes[:20]:
            who = names.get(q.get("speaker") or "", q.get("speaker_text") or "unattributed")
            mark = "\u201c{}\u201d" if q["kind"] == "direct" else "{} (reported)"
            out.append(
                f"- **{_md_escape(str(who))}** ({_cell(q.get('cue'))}): "
                + mark.format(_md_escape(q["text"]))
            )
    events = [e for e in a.get("events", []) if e.get("agent") or e.get("date")]
    if events:
        out += ["", "### Who did what to whom", ""]
        out += ["| Sentence | Agent | Action | Target | When |", "|---|---|---|---|---|"]
        for e in events[:25]:
            agent = names.get(e.get("agent") or "", e.get("agent_text"))
            target = names.get(e.get("target") or "", e.get("target_text"))
            when = _when(e) if e.get("date") else None
            out.append(
                f"| {e['sentence_id']} | {_cell(agent)} | {_cell(_action(e))} | "
                f"{_cell(target)} | {_cell(when)} |"
            )
    timeline = a.get("timeline") or []
    if timeline:
        out += ["", "### Timeline", ""]
        out += [f"- {_when(t)}: {_md_escape(t['label'])} ({t['sentence_id']})" for t in timeline]
    return out


def _action(event: EventRecord) -> str:
    """The action, marked when the text does not tell it as done ("denied targeting").

    A reader scanning who did what to whom must not take a denial, a plan or a supposition
    ("would strike", "denied targeting civilians") for a deed.
    """
    action = str(event.get("action") or "")
    written = event.get("action_text") or action
    if event.get("hypothetical"):
        return f'{action} (not told as done: "{written}")'
    if event.get("intended"):
        return f"{action} (promised or planned)"
    return action


def _merged_timeline_section(timeline: list[MergedTimelineEntry]) -> list[str]:
    if not timeline:
        return []
    out = ["", "## Timeline across sources", ""]
    out += ["| When | Event | Cited by | How each source puts it |", "|---|---|---|---|"]
    for item in timeline:
        sources = item["sources"]
        cited = ", ".join(
            _cell(s.get("outlet") or s.get("title") or s.get("article_id")) for s in sources
        )
        phrasing = " / ".join(_cell(_md_escape(s.get("text", ""))[:160]) for s in sources)
        out.append(
            f"| {_cell(_when(item))} | {_cell(_md_escape(item['label']))} | {cited} | {phrasing} |"
        )
    return out


# -- persuasion, frames, genre and portrayal (parallax.persuasion) --
def _persuasion_block(article: ArticleRecord) -> list[str]:
    """Genre, frames, portrayal table and the sentences with techniques (spans in «»)."""
    from parallax.report.persuasion_view import (
        portrayal_rows,
        quoted_techniques,
        technique_lines,
        used_techniques,
    )

    out: list[str] = []
    if genre := article.get("genre"):
        scores = article.get("genre_scores")
        label = scores.get("label") if scores is not None else None
        filed = f' (the outlet files it under "{_cell(label)}")' if label else ""
        out.append(f"- Genre: {_cell(genre.replace('_', ' '))}{filed}")
    if article.get("frames"):
        frames = ", ".join(
            f"{f['name'].replace('_', ' ')} ({f['score']:.2f})" for f in article["frames"][:6]
        )
        out.append(f"- Frames: {frames}")
    rows = portrayal_rows(article)
    if rows:
        out += [
            "",
            "| Actor | Role (own voice) | Sentiment | Sentences | Quoted sources say |",
            "|---|---|--:|---|---|",
        ]
        out += [
            f"| {_cell(r['name'])} | {r['role']} | {r['sentiment'] or 0:+.2f} | "
            f"{', '.join(r['role_sentences']) or '—'} | {_cell(r['quoted']) or '—'} |"
            for r in rows
        ]
    used, quoted = used_techniques(article), quoted_techniques(article)
    if used or quoted:
        legend = ", ".join(f"{readable} ×{count}" for _, readable, count in used) or "none"
        out += ["", f"**Techniques in the article's own voice** (spans in «»): {legend}"]
        for speaker, found in quoted:
            inner = ", ".join(f"{readable} ×{count}" for _, readable, count in found)
            out.append(f"- quoting {_md_escape(speaker)}: {inner}")
        out.append("")
        out += [
            f"- {sid} *{_md_escape('; '.join(names))}*: {_md_escape(text)}"
            for sid, names, text in technique_lines(article)
        ]
    return out


# -- end of persuasion, frames, genre and portrayal --
