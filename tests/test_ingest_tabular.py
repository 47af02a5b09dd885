from __future__ import annotations

import gzip
import json
from datetime import date
from pathlib import Path

import pytest

from parallax.errors import (
    BinaryInputError,
    EmptyInputError,
    EncodingError,
    MalformedInputError,
    OversizedInputError,
)
from parallax.ingest.raw import RawInput
from parallax.ingest.tabular import read_csv, read_json, read_jsonl
from parallax.model import Article, Failed, Outcome
from parallax.settings import Settings

BODY = "The council approved the bridge on Tuesday. Residents had asked for it."


def raw_of(data: bytes, name: str) -> RawInput:
    return RawInput(source=name, name=name, data=data)


def jsonl(*records: object) -> bytes:
    return b"".join(
        (r if isinstance(r, bytes) else json.dumps(r).encode()) + b"\n" for r in records
    )


def only_articles(outcomes: list[Outcome]) -> list[Article]:
    return [o for o in outcomes if isinstance(o, Article)]


# ---------------------------------------------------------------------------- JSON Lines


def test_jsonl_guessed_fields() -> None:
    data = jsonl(
        {
            "headline": "Bridge approved",
            "articleBody": BODY,
            "authors": ["Ana Lima", {"name": "Bo Chen"}],
            "publish_date": "2022-02-07T21:30:00-05:00",
            "source": {"id": "daily", "name": "Daily Example"},
            "link": "https://example.com/bridge",
            "lang": "en",
            "id": 17,
        }
    )
    (article,) = list(read_jsonl(raw_of(data, "c.jsonl"), Settings()))
    assert isinstance(article, Article)
    assert article.text == BODY
    assert article.title == "Bridge approved"
    assert article.author == "Ana Lima, Bo Chen"
    assert article.date == date(2022, 2, 7)
    assert article.outlet == "Daily Example"
    assert article.url == "https://example.com/bridge"
    assert article.meta == {"declared_language": "en", "corpus_id": "17"}
    assert article.language == "und"
    assert article.format == "jsonl"
    assert article.source == "c.jsonl:1"
    assert json.loads(article.raw)["id"] == 17


def test_jsonl_field_map() -> None:
    data = jsonl({"txt": BODY, "text": "not this", "hed": "Mapped", "when": 1644192000})
    settings = Settings(field_map={"text": "txt", "title": "hed", "date": "when"})
    (article,) = list(read_jsonl(raw_of(data, "m.jsonl"), settings))
    assert isinstance(article, Article)
    assert article.text == BODY
    assert article.title == "Mapped"
    assert article.date == date(2022, 2, 7)


def test_jsonl_bad_lines_fail_alone() -> None:
    data = (
        jsonl(
            {"text": BODY},
            b"",
            b"{not json",
            [1, 2],
            {"title": "no text", "summary": "x"},
            {"text": "   "},
            {"text": 42},
            {"text": ["First paragraph.", "Second paragraph."]},
        )
        + b'{"text": "cut sho'
    )
    outcomes = list(read_jsonl(raw_of(data, "b.jsonl"), Settings()))
    sources = [o.source for o in outcomes]
    assert sources == [f"b.jsonl:{n}" for n in (1, 3, 4, 5, 6, 7, 8, 9)]
    ok, bad_json, array, no_text, blank, number, paragraphs, cut = outcomes
    assert isinstance(ok, Article)
    assert isinstance(bad_json, Failed) and "not valid JSON" in bad_json.reason
    assert isinstance(array, Failed) and "JSON array, not an object" in array.reason
    assert isinstance(no_text, Failed)
    assert "--field text=COLUMN" in no_text.reason
    assert "'title', 'summary'" in no_text.reason
    assert isinstance(blank, Failed) and "'text' is empty" in blank.reason
    assert isinstance(number, Failed) and "not text" in number.reason
    assert isinstance(paragraphs, Article)
    assert paragraphs.text == "First paragraph.\n\nSecond paragraph."
    assert isinstance(cut, Failed) and "cut short" in cut.reason


def test_jsonl_missing_mapped_field_names_the_mapping() -> None:
    data = jsonl({"body": BODY})
    (failed,) = list(read_jsonl(raw_of(data, "x.jsonl"), Settings(field_map={"text": "story"})))
    assert isinstance(failed, Failed)
    assert "'story'" in failed.reason and "--field text=story" in failed.reason
    assert "'body'" in failed.reason


def test_jsonl_html_text() -> None:
    page = (
        "<html><head><title>Page title</title></head><body><nav>Menu</nav><article>"
        + "".join(
            f"<p>Paragraph {n} tells the long story of the bridge vote.</p>" for n in range(6)
        )
        + "</article></body></html>"
    )
    data = jsonl({"text": "<p>One.</p><p>Two &amp; three.</p>"}, {"content": page})
    fragment, full = list(read_jsonl(raw_of(data, "h.jsonl"), Settings()))
    assert isinstance(fragment, Article) and isinstance(full, Article)
    assert fragment.text == "One.\n\nTwo & three."
    assert fragment.meta["text_was_html"] is True
    assert "Paragraph 5 tells the long story" in full.text
    assert "Menu" not in full.text
    assert full.title == "Page title"


def test_jsonl_gzip_bom_and_crlf(tmp_path: Path) -> None:
    data = b"\xef\xbb\xbf" + jsonl({"text": BODY}, {"text": "Second."}).replace(b"\n", b"\r\n")
    path = tmp_path / "c.jsonl.gz"
    path.write_bytes(gzip.compress(data))
    outcomes = list(read_jsonl(RawInput(source="c", name=path.name, path=path), Settings()))
    assert [o.text for o in only_articles(outcomes)] == [BODY, "Second."]
    assert outcomes[0].raw == json.dumps({"text": BODY}).encode()  # type: ignore[union-attr]


def test_jsonl_damaged_utf8_line_fails_alone() -> None:
    good = [json.dumps({"text": t}, ensure_ascii=False).encode() for t in ("Zoë café", "naïve")]
    data = good[0] + b'\n{"text": "caf\xe9"}\n' + good[1] + b"\n"
    outcomes = list(read_jsonl(raw_of(data, "u.jsonl"), Settings()))
    assert [type(o).__name__ for o in outcomes] == ["Article", "Failed", "Article"]
    assert "not valid utf-8" in outcomes[1].reason  # type: ignore[union-attr]


def test_jsonl_legacy_encoding_is_detected() -> None:
    text = "Le conseil municipal a approuvé le budget de l'été après un débat très animé."
    data = "".join(json.dumps({"text": text}, ensure_ascii=False) + "\n" for _ in range(20))
    outcomes = list(read_jsonl(raw_of(data.encode("cp1252"), "l.jsonl"), Settings()))
    assert len(outcomes) == 20
    assert all(isinstance(o, Article) and o.text == text for o in outcomes)
    assert outcomes[0].meta["encoding"] in {"cp1252", "latin_1", "iso8859_15"}  # type: ignore[union-attr]


def test_jsonl_whole_input_problems() -> None:
    with pytest.raises(EmptyInputError):
        list(read_jsonl(raw_of(b"\n\n", "e.jsonl"), Settings()))
    with pytest.raises(BinaryInputError):
        list(
            read_jsonl(
                raw_of(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe" * 20, "p.jsonl"), Settings()
            )
        )
    with pytest.raises(EncodingError, match="UTF-16"):
        list(
            read_jsonl(
                raw_of(jsonl({"text": BODY}).decode().encode("utf-16"), "w.jsonl"), Settings()
            )
        )


def test_jsonl_line_over_cap_fails_alone() -> None:
    data = jsonl({"text": "x " * 400}, {"text": "short"})
    outcomes = list(read_jsonl(raw_of(data, "big.jsonl"), Settings(max_input_bytes=300)))
    assert isinstance(outcomes[0], Failed) and "size cap" in outcomes[0].reason
    assert isinstance(outcomes[1], Article) and outcomes[1].source == "big.jsonl:2"


def test_jsonl_truncated_gzip_keeps_the_lines_before_the_damage(tmp_path: Path) -> None:
    records = [{"text": f"Article number {n} with some words."} for n in range(3000)]
    packed = gzip.compress(jsonl(*records))
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(packed[: len(packed) * 2 // 3])
    outcomes = list(read_jsonl(RawInput(source="cut", name=path.name, path=path), Settings()))
    assert len(only_articles(outcomes)) > 100
    last = outcomes[-1]
    assert isinstance(last, Failed)
    assert "truncated or corrupt after line" in last.reason
    with pytest.raises(MalformedInputError, match="corrupt or truncated"):
        list(read_jsonl(raw_of(packed[:12], "tiny.jsonl.gz"), Settings()))


# ---------------------------------------------------------------------------------- CSV


def test_csv_guessed_fields_quoted_multiline_and_line_numbers() -> None:
    data = (
        "title,body,author,date,url\r\n"
        f'Bridge,"{BODY}\n\nSecond paragraph.",Ana Lima,07/02/2022,https://x.example/1\r\n'
        "\r\n"
        "Other,Short text here.,,2022-02-08,\r\n"
    ).encode()
    first, second = list(read_csv(raw_of(data, "c.csv"), Settings()))
    assert isinstance(first, Article) and isinstance(second, Article)
    assert first.source == "c.csv:2"
    assert first.text == f"{BODY}\n\nSecond paragraph."
    assert first.author == "Ana Lima"
    assert first.url == "https://x.example/1"
    assert first.format == "csv"
    assert first.raw.startswith(b"Bridge,") and first.raw.endswith(b"https://x.example/1")
    assert second.source == "c.csv:6"
    assert second.author is None and second.url is None
    assert second.date == date(2022, 2, 8)


@pytest.mark.parametrize("delimiter", ["\t", ";"])
def test_csv_delimiters(delimiter: str) -> None:
    data = delimiter.join(["headline", "content"]) + "\n" + delimiter.join(["H", BODY]) + "\n"
    (article,) = list(read_csv(raw_of(data.encode(), "d.csv"), Settings()))
    assert isinstance(article, Article)
    assert article.title == "H" and article.text == BODY


def test_tsv_by_name() -> None:
    data = b"text\ttitle\nA, b; c\tT\n"
    (article,) = list(read_csv(raw_of(data, "d.tsv"), Settings()))
    assert isinstance(article, Article) and article.text == "A, b; c"


def test_csv_field_map_and_bad_rows() -> None:
    data = b"hed,words,extra\nA,Text one.,x\nB,Text two.\nC,Text three.,x,y\nD,,x\n"
    settings = Settings(field_map={"text": "words", "title": "hed"})
    outcomes = list(read_csv(raw_of(data, "f.csv"), settings))
    assert [o.source for o in outcomes] == ["f.csv:2", "f.csv:3", "f.csv:4", "f.csv:5"]
    good, short, long, empty = outcomes
    assert isinstance(good, Article) and good.title == "A"
    assert isinstance(short, Failed) and "2 columns but the header has 3" in short.reason
    assert isinstance(long, Failed) and "4 columns" in long.reason
    assert isinstance(empty, Failed) and "'words' is empty" in empty.reason


def test_csv_without_text_column_lists_the_columns() -> None:
    with pytest.raises(MalformedInputError, match=r"'headline', 'summary'.*--field text=COLUMN"):
        list(read_csv(raw_of(b"headline,summary\nA,B\n", "n.csv"), Settings()))


def test_csv_cp1252_export() -> None:
    rows = "\n".join(
        f"Titre {n};Le conseil a approuvé le budget de l'été, après un débat animé."
        for n in range(10)
    )
    data = ("title;text\n" + rows + "\n").encode("cp1252")
    outcomes = list(read_csv(raw_of(data, "excel.csv"), Settings()))
    assert len(outcomes) == 10
    assert all(isinstance(o, Article) and "approuvé" in o.text for o in outcomes)


def test_csv_damaged_line_fails_alone() -> None:
    data = "text\nZoë café\n".encode() + b"caf\xe9 bad\n" + "naïve\n".encode()
    outcomes = list(read_csv(raw_of(data, "u.csv"), Settings()))
    assert [type(o).__name__ for o in outcomes] == ["Article", "Failed", "Article"]
    assert outcomes[1].source == "u.csv:3"


def test_csv_whole_input_problems() -> None:
    with pytest.raises(EmptyInputError):
        list(read_csv(raw_of(b"", "e.csv"), Settings()))
    with pytest.raises(EmptyInputError, match="no records"):
        list(read_csv(raw_of(b"title,text\n", "h.csv"), Settings()))


# --------------------------------------------------------------------------------- JSON


def test_json_array_and_wrapper() -> None:
    records = [{"title": "A", "text": BODY}, "oops", {"text": "Second."}]
    outcomes = list(read_json(raw_of(json.dumps(records).encode(), "a.json"), Settings()))
    assert [o.source for o in outcomes] == ["a.json#1", "a.json#2", "a.json#3"]
    assert isinstance(outcomes[0], Article) and outcomes[0].format == "json"
    assert json.loads(outcomes[0].raw) == records[0]
    assert isinstance(outcomes[1], Failed) and "string" in outcomes[1].reason
    wrapped = json.dumps({"articles": records[:1], "count": 1}).encode()
    (article,) = list(read_json(raw_of(wrapped, "w.json"), Settings()))
    assert isinstance(article, Article) and article.title == "A"
    single = json.dumps({"text": BODY}).encode()
    assert len(list(read_json(raw_of(single, "s.json"), Settings()))) == 1


def test_json_problems() -> None:
    with pytest.raises(MalformedInputError, match=r"bad\.json: not valid JSON"):
        list(read_json(raw_of(b'{"text": ', "bad.json"), Settings()))
    with pytest.raises(MalformedInputError, match="'meta'"):
        list(read_json(raw_of(b'{"meta": {}}', "m.json"), Settings()))
    with pytest.raises(EmptyInputError):
        list(read_json(raw_of(b"[]", "e.json"), Settings()))
    with pytest.raises(OversizedInputError):
        list(
            read_json(
                raw_of(b"[" + b'{"text": "x"},' * 100 + b"{}]", "o.json"),
                Settings(max_input_bytes=100),
            )
        )
    with pytest.raises(MalformedInputError):
        list(read_json(raw_of(b"[" * 100_000 + b"]" * 100_000, "deep.json"), Settings()))
