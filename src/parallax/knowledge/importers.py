"""Importers that turn a user's knowledge (CSV, JSON, Wikidata dumps) into entities and facts.

Every importer returns an :class:`ImportResult`; nothing is written until the caller saves
it (:func:`parallax.knowledge.user.save_import`). A bad row or line never stops an import:
it becomes a warning naming the file and line, and the rest is read.

- **CSV, facts**: columns ``subject, property, object`` or ``value``, ``start, end,
  source`` (and optionally ``note``). Subjects and objects may be ids or any name the
  knowledge base knows ("NATO", "the Czech Republic").
- **CSV, entities**: columns ``id, name, type`` and optionally ``aliases`` and
  ``demonyms`` (separated by ``;``), ``description, wikidata, source``.
- **JSON**: ``{"entities": [...], "facts": [...]}``, a list of records (a record with
  ``subject`` is a fact, one with ``id`` an entity), or JSON Lines of either.
- **Wikidata**: the JSON dump, one entity per line (``.json``, ``.json.gz``,
  ``.json.bz2``), streamed; only the claims whose property is in :data:`WIKIDATA_PROPERTIES`
  (or the subset asked for) are kept, with ``P580``/``P582`` qualifiers as start and end.
  Items map to our ids through each entity's ``wikidata`` field, else to ``wd:Q123``.
"""

from __future__ import annotations

import bz2
import csv
import gzip
import io
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from parallax.errors import ConfigError
from parallax.knowledge.base import KnowledgeBase, alias_key
from parallax.knowledge.model import ENTITY_TYPES, Fact, KBEntity

WIKIDATA_PROPERTIES: dict[str, str] = {
    "P463": "member_of",
    "P571": "founded",
    "P576": "dissolved",
    "P36": "capital",
    "P47": "shares_border_with",
    "P35": "head_of_state",
    "P6": "head_of_government",
    "P159": "headquarters",
    "P580": "start_date",
    "P582": "end_date",
    "P585": "start_date",
    "P276": "location",
    "P710": "participant",
    "P1001": "applies_to_jurisdiction",
}
"""Wikidata properties we import, and the property each becomes (see docs/knowledge.md)."""

WIKIDATA_TYPES: dict[str, str] = {
    "Q6256": "country",
    "Q3624078": "country",
    "Q7275": "country",
    "Q3024240": "country",
    "Q5": "person",
    "Q43229": "organisation",
    "Q484652": "organisation",
    "Q245065": "organisation",
    "Q515": "place",
    "Q5119": "place",
    "Q1637706": "place",
    "Q198": "event",
    "Q178561": "event",
    "Q180684": "event",
    "Q2761147": "event",
    "Q1190554": "event",
    "Q131569": "treaty",
    "Q625298": "treaty",
}
"""``P31`` (instance of) values that tell an imported item's type; anything else is "other"."""


@dataclass
class ImportResult:
    """What an import read: entities, facts, and a warning per line it could not use."""

    source: str
    entities: list[KBEntity] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def summary(self) -> str:
        """One line for people: how many of each, and how many problems."""
        text = f"{self.source}: {len(self.entities)} entities, {len(self.facts)} facts"
        return text + (f", {len(self.warnings)} lines skipped" if self.warnings else "")


def open_text(path: Path) -> IO[str]:
    """Open a text file, decompressing ``.gz`` and ``.bz2`` on the fly.

    Raises:
        ConfigError: the file does not exist.
    """
    if not path.is_file():
        raise ConfigError(f"cannot import {path}: no such file")
    if path.suffix == ".gz":
        return io.TextIOWrapper(gzip.open(path, "rb"), encoding="utf-8")
    if path.suffix == ".bz2":
        return io.TextIOWrapper(bz2.open(path, "rb"), encoding="utf-8")
    return path.open(encoding="utf-8-sig", newline="")


def detect_format(path: Path) -> str:
    """``csv``, ``wikidata`` or ``json`` from the name and, for JSON, the first record."""
    name = path.name.lower().removesuffix(".gz").removesuffix(".bz2")
    if name.endswith((".csv", ".tsv")):
        return "csv"
    with open_text(path) as handle:
        for line in handle:
            stripped = line.strip().rstrip(",")
            if stripped in {"", "["}:
                continue
            try:
                record = json.loads(stripped)
            except json.JSONDecodeError:
                return "json"
            return "wikidata" if isinstance(record, dict) and "claims" in record else "json"
    return "json"


class _Resolver:
    """Turns an id or a name in an import into an entity id, or says it cannot."""

    def __init__(self, kb: KnowledgeBase, entities: Iterable[KBEntity] = ()):
        self.kb = kb
        self.local = {e.id: e for e in entities}
        self.local_names = {alias_key(n): e.id for e in self.local.values() for n in e.names()}

    def __call__(self, ref: str) -> str | None:
        ref = ref.strip()
        if not ref:
            return None
        if ref in self.local or ref in self.kb.entities:
            return ref
        key = alias_key(ref)
        if key in self.local_names:
            return self.local_names[key]
        found = self.kb.lookup(ref)
        # "Copenhagen" is an alias of Denmark (the government) and the name of the city:
        # an import means the entity of that name
        named = [e for e in found if alias_key(e.name) == key]
        return (named or found)[0].id if found else None


def _split(value: Any) -> tuple[str, ...]:
    if isinstance(value, list | tuple):
        return tuple(str(v).strip() for v in value if str(v).strip())
    if isinstance(value, str):
        return tuple(v.strip() for v in value.split(";") if v.strip())
    return ()


def entity_from_record(record: dict[str, Any]) -> KBEntity:
    """An entity from a dict (JSON record or CSV row); empty optional fields are allowed.

    Raises:
        ValueError: a required field is missing or the type is unknown.
    """
    entity_id = str(record.get("id") or "").strip()
    name = str(record.get("name") or "").strip()
    kind = str(record.get("type") or "other").strip().lower()
    if not entity_id or not name:
        raise ValueError("an entity needs an id and a name")
    if kind not in ENTITY_TYPES:
        raise ValueError(f"type {kind!r} is not one of {', '.join(sorted(ENTITY_TYPES))}")
    attributes = record.get("attributes") or {}
    if not isinstance(attributes, dict):
        raise ValueError("attributes must be an object")
    return KBEntity(
        id=entity_id,
        name=name,
        type=kind,
        aliases=_split(record.get("aliases")),
        demonyms=_split(record.get("demonyms")),
        description=str(record.get("description") or ""),
        wikidata=str(record.get("wikidata") or "").strip() or None,
        attributes=attributes,
        source=str(record.get("source") or ""),
    )


def fact_from_record(record: dict[str, Any], resolve: _Resolver) -> Fact:
    """A fact from a dict, with its subject and object resolved to entity ids.

    Raises:
        ValueError: a field is missing, a name is unknown, or both or neither of
            object and value are given.
    """
    subject_ref = str(record.get("subject") or "").strip()
    prop = str(record.get("property") or "").strip()
    source = str(record.get("source") or "").strip()
    if not subject_ref or not prop:
        raise ValueError("a fact needs a subject and a property")
    if not source:
        raise ValueError("every fact needs a source (a URL or a citation)")
    subject = resolve(subject_ref)
    if subject is None:
        raise ValueError(f"unknown subject {subject_ref!r}; add it as an entity first")
    object_ref = str(record.get("object") or "").strip()
    value = str(record.get("value") or "").strip()
    if bool(object_ref) == bool(value):
        raise ValueError("give exactly one of object and value")
    obj = resolve(object_ref) if object_ref else None
    if object_ref and obj is None:
        raise ValueError(f"unknown object {object_ref!r}; add it as an entity first")
    return Fact(
        subject=subject,
        property=prop,
        source=source,
        object=obj,
        value=value or None,
        start=str(record.get("start") or "").strip() or None,
        end=str(record.get("end") or "").strip() or None,
        note=str(record.get("note") or ""),
    )


def import_csv(path: Path, kb: KnowledgeBase) -> ImportResult:
    """Entities or facts from a CSV file, told apart by its header."""
    result = ImportResult(str(path))
    with open_text(path) as handle:
        sample = handle.read(4096)
        handle.seek(0)
        try:
            dialect: Any = csv.Sniffer().sniff(sample, delimiters=",;\t")
        except csv.Error:
            dialect = csv.excel
        reader = csv.DictReader(handle, dialect=dialect)
        header = {h.strip().lower() for h in reader.fieldnames or ()}
        rows = [
            (n, {k.strip().lower(): v for k, v in r.items() if k}) for n, r in enumerate(reader, 2)
        ]
    if {"subject", "property"} <= header:
        resolve = _Resolver(kb)
        for number, row in rows:
            try:
                result.facts.append(fact_from_record(row, resolve))
            except ValueError as exc:
                result.warnings.append(f"{path}:{number}: {exc}")
    elif {"id", "name"} <= header:
        for number, row in rows:
            try:
                result.entities.append(entity_from_record(row))
            except ValueError as exc:
                result.warnings.append(f"{path}:{number}: {exc}")
    else:
        raise ConfigError(
            f"{path}: a knowledge CSV needs the columns subject,property,object|value,start,"
            "end,source (facts) or id,name,type (entities); found "
            f"{', '.join(sorted(header)) or 'no header'}"
        )
    return result


def _json_records(path: Path) -> Iterator[tuple[str, Any]]:
    """``(where, record)`` pairs; ``where`` is ``:LINE`` for JSON Lines, else an index."""
    with open_text(path) as handle:
        text = handle.read()
    try:
        data = json.loads(text)
    except json.JSONDecodeError:
        for number, line in enumerate(text.splitlines(), 1):
            if line.strip():
                try:
                    yield f":{number}", json.loads(line)
                except json.JSONDecodeError as exc:
                    yield f":{number}", exc
        return
    if isinstance(data, dict) and ("entities" in data or "facts" in data):
        for kind in ("entities", "facts"):
            for index, record in enumerate(data.get(kind) or []):
                if isinstance(record, dict):
                    record = {"_kind": kind, **record}
                yield f" {kind}[{index}]", record
    elif isinstance(data, list):
        yield from ((f" [{index}]", r) for index, r in enumerate(data))
    else:
        yield " (top level)", data


def import_json(path: Path, kb: KnowledgeBase) -> ImportResult:
    """Entities and facts from JSON (an object of two lists, a list) or JSON Lines."""
    result = ImportResult(str(path))
    entities: list[tuple[str, dict[str, Any]]] = []
    facts: list[tuple[str, dict[str, Any]]] = []
    for where, record in _json_records(path):
        if isinstance(record, json.JSONDecodeError):
            result.warnings.append(f"{path}{where}: not JSON: {record.msg}")
        elif not isinstance(record, dict):
            result.warnings.append(f"{path}{where}: expected an object")
        elif record.get("_kind") == "facts" or "subject" in record:
            facts.append((where, record))
        elif record.get("_kind") == "entities" or "id" in record:
            entities.append((where, record))
        else:
            result.warnings.append(f"{path}{where}: neither an entity (id) nor a fact (subject)")
    for where, record in entities:
        try:
            result.entities.append(entity_from_record(record))
        except ValueError as exc:
            result.warnings.append(f"{path}{where}: {exc}")
    resolve = _Resolver(kb, result.entities)
    for where, record in facts:
        try:
            result.facts.append(fact_from_record(record, resolve))
        except ValueError as exc:
            result.warnings.append(f"{path}{where}: {exc}")
    return result


def wikidata_time(value: dict[str, Any]) -> str | None:
    """A Wikidata time value as ISO ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY`` (by precision)."""
    time = str(value.get("time", ""))
    precision = int(value.get("precision", 11))
    if not time.startswith("+") or len(time) < 11:
        return None  # years BCE and malformed values are not part of our domain
    year, month, day = time[1:5], time[6:8], time[9:11]
    if precision >= 11 and day != "00":
        return f"{year}-{month}-{day}"
    if precision >= 10 and month != "00":
        return f"{year}-{month}"
    return year if precision >= 9 else None


def _snak_value(snak: dict[str, Any]) -> tuple[str, str] | None:
    """``("item", "Q7184")``, ``("time", "1949-08-24")`` or ``("string", ...)``."""
    if snak.get("snaktype") != "value":
        return None
    datavalue = snak.get("datavalue") or {}
    kind, value = datavalue.get("type"), datavalue.get("value")
    if kind == "wikibase-entityid" and isinstance(value, dict) and value.get("id"):
        return "item", str(value["id"])
    if kind == "time" and isinstance(value, dict):
        time = wikidata_time(value)
        return ("time", time) if time else None
    if kind == "string" and isinstance(value, str):
        return "string", value
    if kind == "monolingualtext" and isinstance(value, dict):
        return "string", str(value.get("text", ""))
    if kind == "quantity" and isinstance(value, dict):
        return "string", str(value.get("amount", "")).lstrip("+")
    return None


def _qualifier_time(claim: dict[str, Any], prop: str) -> str | None:
    for snak in (claim.get("qualifiers") or {}).get(prop, []):
        parsed = _snak_value(snak)
        if parsed and parsed[0] == "time":
            return parsed[1]
    return None


def _wikidata_lines(path: Path) -> Iterator[tuple[int, str]]:
    with open_text(path) as handle:
        for number, line in enumerate(handle, 1):
            stripped = line.strip().rstrip(",")
            if stripped and stripped not in {"[", "]"}:
                yield number, stripped


def _label(record: dict[str, Any], field_name: str, language: str) -> str:
    value = (record.get(field_name) or {}).get(language) or {}
    return str(value.get("value", "")) if isinstance(value, dict) else ""


def import_wikidata(
    path: Path,
    kb: KnowledgeBase,
    properties: Iterable[str] | None = None,
    language: str = "en",
) -> ImportResult:
    """Entities and facts from a Wikidata JSON dump, streamed line by line.

    The first pass keeps every item with at least one claim of the chosen properties; a
    second pass fetches only the labels of the items those claims point at, so memory
    stays bounded by what is imported, not by the dump.
    """
    chosen = [p.strip().upper() for p in (properties or WIKIDATA_PROPERTIES) if p.strip()]
    unknown = [p for p in chosen if p not in WIKIDATA_PROPERTIES]
    if unknown:
        raise ConfigError(
            f"cannot import Wikidata properties {', '.join(unknown)}; supported: "
            f"{', '.join(f'{k} ({v})' for k, v in WIKIDATA_PROPERTIES.items())}"
        )
    ours = {e.wikidata: e.id for e in kb.entities.values() if e.wikidata}
    result = ImportResult(str(path))
    seen: set[str] = set()
    referenced: set[str] = set()

    def our_id(qid: str) -> str:
        return ours.get(qid, f"wd:{qid}")

    for number, line in _wikidata_lines(path):
        try:
            record = json.loads(line)
            qid = str(record["id"])
            claims = record.get("claims") or {}
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            result.warnings.append(f"{path}:{number}: not a Wikidata entity: {exc}")
            continue
        source = f"https://www.wikidata.org/wiki/{qid}"
        facts = []
        for prop in chosen:
            for claim in claims.get(prop, []):
                if claim.get("rank") == "deprecated":
                    continue
                parsed = _snak_value(claim.get("mainsnak") or {})
                if parsed is None:
                    continue
                kind, value = parsed
                start = _qualifier_time(claim, "P580")
                end = _qualifier_time(claim, "P582")
                if kind == "item":
                    referenced.add(value)
                    facts.append(
                        Fact(
                            our_id(qid),
                            WIKIDATA_PROPERTIES[prop],
                            source,
                            object=our_id(value),
                            start=start,
                            end=end,
                            note=f"Wikidata {prop}",
                        )
                    )
                else:
                    facts.append(
                        Fact(
                            our_id(qid),
                            WIKIDATA_PROPERTIES[prop],
                            source,
                            value=value,
                            start=start,
                            end=end,
                            note=f"Wikidata {prop}",
                        )
                    )
        if not facts:
            continue
        result.facts.extend(facts)
        seen.add(qid)
        if qid not in ours:
            entity = _wikidata_entity(record, qid, language)
            if entity is None:
                result.warnings.append(f"{path}:{number}: {qid} has no {language} label")
            else:
                result.entities.append(entity)
    missing = {q for q in referenced - seen if q not in ours}
    if missing:
        for _number, line in _wikidata_lines(path):
            try:
                record = json.loads(line)
            except json.JSONDecodeError:
                continue
            qid = str(record.get("id", "")) if isinstance(record, dict) else ""
            if qid in missing:
                entity = _wikidata_entity(record, qid, language)
                if entity is not None:
                    result.entities.append(entity)
                    missing.discard(qid)
    for qid in sorted(missing):
        result.entities.append(
            KBEntity(
                f"wd:{qid}",
                qid,
                "other",
                wikidata=qid,
                source=f"https://www.wikidata.org/wiki/{qid}",
            )
        )
    return result


def _wikidata_entity(record: dict[str, Any], qid: str, language: str) -> KBEntity | None:
    name = _label(record, "labels", language)
    if not name:
        return None
    aliases = tuple(
        str(a.get("value", ""))
        for a in (record.get("aliases") or {}).get(language, [])
        if isinstance(a, dict) and a.get("value")
    )
    kind = "other"
    for claim in (record.get("claims") or {}).get("P31", []):
        parsed = _snak_value(claim.get("mainsnak") or {})
        if parsed and parsed[1] in WIKIDATA_TYPES:
            kind = WIKIDATA_TYPES[parsed[1]]
            break
    return KBEntity(
        id=f"wd:{qid}",
        name=name,
        type=kind,
        aliases=aliases,
        description=_label(record, "descriptions", language),
        wikidata=qid,
        source=f"https://www.wikidata.org/wiki/{qid}",
    )


def import_file(
    path: Path,
    kb: KnowledgeBase,
    fmt: str | None = None,
    properties: Iterable[str] | None = None,
) -> ImportResult:
    """Import ``path`` in ``fmt`` (``csv``, ``json``, ``wikidata``; detected when None).

    Raises:
        ConfigError: the file is missing, the format unknown, or the CSV has no usable header.
    """
    fmt = fmt or detect_format(path)
    if fmt == "csv":
        return import_csv(path, kb)
    if fmt == "json":
        return import_json(path, kb)
    if fmt == "wikidata":
        return import_wikidata(path, kb, properties)
    raise ConfigError(f"unknown knowledge format {fmt!r}; use csv, json or wikidata")
