"""Reference knowledge: the ``kb`` group and ``check``."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from parallax.cli.options import handle_errors
from parallax.cli.output import err
from parallax.errors import ConfigError

F = TypeVar("F", bound=Callable[..., Any])


def kb_dir_option(func: F) -> F:
    """The ``--kb-dir`` option: which user knowledge base the command reads or writes."""
    return click.option(
        "--kb-dir",
        type=click.Path(file_okay=False, path_type=Path),
        default=None,
        help="The user's knowledge base [default: $PARALLAX_KB or ~/.local/share/parallax/kb].",
    )(func)


def _fact_line(fact: Any, kb: Any) -> str:
    def name(entity_id: str | None) -> str:
        entity = kb.get(entity_id) if entity_id else None
        return f"{entity.name} [{entity_id}]" if entity else str(entity_id)

    span = ""
    if fact.start and fact.start == fact.end:
        span = f" (on {fact.start})"
    elif fact.start or fact.end:
        span = f" ({fact.start or '?'} - {fact.end or 'now'})"
    target = name(fact.object) if fact.object else fact.value
    note = f"; {fact.note}" if fact.note else ""
    return f"  {fact.property}: {target}{span}{note}\n    source: {fact.source}"


def _fact_record(fact: Any) -> dict[str, Any]:
    from dataclasses import asdict

    return {k: v for k, v in asdict(fact).items() if v not in (None, "")}


def _entity_record(entity: Any) -> dict[str, Any]:
    from parallax.usecases.knowledge import entity_record

    return entity_record(entity)


def _resolve_entity(kb: Any, ref: str) -> Any:
    from parallax.usecases.knowledge import resolve_entity

    entity = resolve_entity(kb, ref)
    if entity is None:
        raise ConfigError(
            f"no entity {ref!r} in the knowledge base; try `parallax kb search {ref!r}`"
        )
    return entity


@click.group("kb")
def kb() -> None:
    """List, search, show and import reference knowledge; add trusted documents."""


@kb.command("list")
@click.option("--type", "kind", default=None, help="Only entities of this type (country, ...).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
@kb_dir_option
@handle_errors
def kb_list(kind: str | None, fmt: str, kb_dir: Path | None) -> None:
    """List the entities of the knowledge base (bundled and imported)."""
    from parallax.usecases import knowledge_base

    kb = knowledge_base(user_dir=kb_dir)
    entities = sorted(
        (e for e in kb.entities.values() if kind is None or e.type == kind), key=lambda e: e.id
    )
    if fmt == "json":
        click.echo(json.dumps([_entity_record(e) for e in entities], indent=2, ensure_ascii=False))
        return
    for entity in entities:
        click.echo(f"{entity.id}\t{entity.type}\t{entity.name}")


@kb.command("search")
@click.argument("text")
@click.option("-n", "--limit", default=10, show_default=True, help="Most results of each kind.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
@kb_dir_option
@handle_errors
def kb_search(text: str, limit: int, fmt: str, kb_dir: Path | None) -> None:
    """Find entities by name or alias, and sentences of the reference documents."""
    from parallax.knowledge.documents import existing_document_store
    from parallax.usecases import find_entities, knowledge_base

    entities = find_entities(knowledge_base(user_dir=kb_dir), text, limit)
    evidence = []
    store = existing_document_store(kb_dir)
    if store is not None:
        with store:
            evidence = [e.as_dict() for e in store.search(text, limit)]
    if fmt == "json":
        records = {"entities": [_entity_record(e) for e in entities], "documents": evidence}
        click.echo(json.dumps(records, indent=2, ensure_ascii=False))
        return
    for entity in entities:
        click.echo(f"{entity.id}\t{entity.type}\t{entity.name}\t{entity.description}")
    for item in evidence:
        click.echo(f"[document] {item['text']}\n    source: {item['source']}")
    if not entities and not evidence:
        click.echo(f"nothing found for {text!r}", err=True)


@kb.command("show")
@click.argument("entity")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
@kb_dir_option
@handle_errors
def kb_show(entity: str, fmt: str, kb_dir: Path | None) -> None:
    """Show one entity (by id or name) with its facts and their sources."""
    from parallax.usecases import knowledge_base

    kb = knowledge_base(user_dir=kb_dir)
    found = _resolve_entity(kb, entity)
    facts = kb.facts_about(subject=found.id)
    inverse = kb.facts_about(object=found.id)
    if fmt == "json":
        record = {
            "entity": _entity_record(found),
            "facts": [_fact_record(f) for f in facts],
            "facts_as_object": [_fact_record(f) for f in inverse],
        }
        click.echo(json.dumps(record, indent=2, ensure_ascii=False))
        return
    click.echo(f"{found.name} [{found.id}] ({found.type})")
    if found.description:
        click.echo(found.description)
    if found.aliases:
        click.echo(f"aliases: {', '.join(found.aliases)}")
    if found.demonyms:
        click.echo(f"demonyms: {', '.join(found.demonyms)}")
    if found.source:
        click.echo(f"source: {found.source}")
    if facts:
        click.echo("facts:")
        for fact in facts:
            click.echo(_fact_line(fact, kb))
    if inverse:
        click.echo("facts about others that name it:")
        for fact in inverse:
            subject = kb.get(fact.subject)
            line = _fact_line(fact, kb).replace(
                "  ", f"  {subject.name if subject else fact.subject} ", 1
            )
            click.echo(line)


@kb.command("facts")
@click.argument("subject")
@click.option("--property", "prop", default=None, help="Only this property (member_of, ...).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
@kb_dir_option
@handle_errors
def kb_facts(subject: str, prop: str | None, fmt: str, kb_dir: Path | None) -> None:
    """The facts about SUBJECT (an id or a name), optionally of one property."""
    from parallax.usecases import knowledge_base

    kb = knowledge_base(user_dir=kb_dir)
    found = _resolve_entity(kb, subject)
    facts = kb.facts_about(subject=found.id, property=prop)
    if fmt == "json":
        click.echo(json.dumps([_fact_record(f) for f in facts], indent=2, ensure_ascii=False))
        return
    click.echo(f"{found.name} [{found.id}]")
    for fact in facts:
        click.echo(_fact_line(fact, kb))
    if not facts:
        click.echo(f"no {prop or ''} facts about {found.id}".replace("  ", " "), err=True)


@kb.command("import")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["csv", "json", "wikidata"]),
    default=None,
    help="The file's format [default: from the name and content].",
)
@click.option(
    "--properties",
    default=None,
    metavar="P463,P571,...",
    help="Wikidata only: the properties to keep [default: all we map].",
)
@click.option("--name", default=None, help="Name of the import [default: the file's name].")
@kb_dir_option
@handle_errors
def kb_import(
    path: Path, fmt: str | None, properties: str | None, name: str | None, kb_dir: Path | None
) -> None:
    """Import entities and facts from a CSV, JSON or Wikidata dump file into your KB."""
    from parallax.knowledge import user_kb_dir
    from parallax.knowledge.importers import import_file
    from parallax.knowledge.user import import_name, save_import
    from parallax.usecases import knowledge_base

    directory = kb_dir or user_kb_dir()
    props = [p for p in properties.split(",") if p.strip()] if properties else None
    result = import_file(path, knowledge_base(user_dir=directory), fmt, props)
    for warning in result.warnings:
        err(f"warning: {warning}")
    written = save_import(name or import_name(str(path)), result.entities, result.facts, directory)
    click.echo(result.summary())
    for file in written:
        click.echo(f"wrote {file}")
    if result.warnings and not (result.entities or result.facts):
        sys.exit(1)


@kb.command("add-document")
@click.argument("paths", nargs=-1, required=True)
@kb_dir_option
@handle_errors
def kb_add_document(paths: tuple[str, ...], kb_dir: Path | None) -> None:
    """Add trusted reference documents (any format `analyze` reads) as evidence."""
    from parallax.ingest import read_articles
    from parallax.knowledge.documents import default_document_store

    articles, problems = read_articles(paths)
    for problem in problems:
        err(f"error: {problem}")
    with default_document_store(kb_dir) as store:
        for article in articles:
            added = store.add(article)
            label = article.title or article.source
            click.echo(f"{label}: {added} sentences" if added else f"{label}: already present")
    if problems:
        sys.exit(1)


@kb.command("documents")
@kb_dir_option
@handle_errors
def kb_documents(kb_dir: Path | None) -> None:
    """List the reference documents in your knowledge base."""
    from parallax.knowledge.documents import default_document_store

    with default_document_store(kb_dir) as store:
        for doc in store.documents():
            click.echo(
                f"{doc['id'][:12]}\t{doc['sentences']}\t{doc['title'] or ''}\t{doc['source']}"
            )


@click.command()
@click.argument("claim")
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(("json", "md")),
    default="md",
    show_default=True,
    help="Output format.",
)
@click.option(
    "--kb",
    "kb_dirs",
    multiple=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="A knowledge directory (entities/*.jsonl, facts/*.jsonl) to use beside the bundled "
    "and user knowledge (repeatable).",
)
@click.option(
    "--documents",
    multiple=True,
    metavar="PATH",
    help="Trusted reference documents (files or folders) to search when the knowledge base "
    "has not enough evidence (repeatable).",
)
@click.option(
    "--date",
    "as_of",
    default=None,
    metavar="YYYY-MM-DD",
    help="Check present-tense claims as of this date [default: today].",
)
@handle_errors
def check(
    claim: str, fmt: str, kb_dirs: tuple[Path, ...], documents: tuple[str, ...], as_of: str | None
) -> None:
    """Check one CLAIM against reference knowledge: verdict, evidence and explanation.

    The verdict is supported, contradicted, disputed or not_enough_evidence; it never comes
    without the facts (with their sources) or document sentences it rests on.
    """
    from datetime import date

    from parallax.report.markdown import render_check_markdown
    from parallax.usecases import check_claim

    try:
        today = date.fromisoformat(as_of) if as_of else None
    except ValueError:
        raise ConfigError(f"--date {as_of!r} is not a date; write it as YYYY-MM-DD") from None
    if not claim.strip():
        raise ConfigError("the CLAIM is empty; give the sentence to check, in quotes")
    checked = check_claim(claim, kb_dirs=kb_dirs, documents=documents, today=today)
    for warning in checked.warnings:
        err(f"warning: {warning}")
    record = checked.record
    if fmt == "json":
        click.echo(json.dumps(record, indent=2, ensure_ascii=False))
    else:
        click.echo(render_check_markdown(record), nl=False)
