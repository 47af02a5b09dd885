from __future__ import annotations

import contextlib
import gzip
import io
import logging
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter

from parallax.errors import EmptyInputError, MalformedInputError, OversizedInputError
from parallax.ingest.pdf import read_pdf
from parallax.ingest.raw import RawInput
from parallax.settings import Settings
from pdf_factory import build_pdf, write_pdf

STORY = [
    "The council approved the new bridge on Tuesday after a long de-",
    "bate about its cost.",
    "Residents had asked for it since last spring.",
]


def raw_of(data: bytes, name: str = "story.pdf") -> RawInput:
    return RawInput(source=name, name=name, data=data)


def test_text_and_metadata() -> None:
    created = datetime(2022, 2, 7, 23, 30, tzinfo=timezone(timedelta(hours=-5)))
    data = build_pdf(
        pages=[STORY, ["Page two: the mayor spoke."]],
        title="Council approves bridge",
        author="Ana Lima",
        created=created,
    )
    article = read_pdf(raw_of(data), Settings())
    assert article.title == "Council approves bridge"
    assert article.author == "Ana Lima"
    assert article.date == date(2022, 2, 7)  # the date as written, not shifted to UTC
    assert article.format == "pdf"
    assert article.source == "story.pdf"
    assert article.raw == data
    assert article.language == "und"
    assert article.meta["pages"] == 2
    assert "a long debate about its cost." in article.text  # hyphenation undone
    assert article.text.endswith("\n\nPage two: the mayor spoke.")


def test_unicode_metadata_and_latin_text() -> None:
    data = build_pdf(["Élection à Montréal: les résultats."], title="Élection", author="Zoë Ñúñez")
    article = read_pdf(raw_of(data), Settings())
    assert article.title == "Élection"
    assert article.author == "Zoë Ñúñez"
    assert article.text == "Élection à Montréal: les résultats."


@pytest.mark.parametrize(
    "title",
    ["Microsoft Word - draft 3.docx", "untitled", "Untitled-1", "report_final.pdf", "   ", ""],
)
def test_junk_titles_are_dropped(title: str) -> None:
    article = read_pdf(raw_of(build_pdf(STORY, title=title, author="Administrator")), Settings())
    assert article.title is None
    assert article.author is None


def test_missing_metadata() -> None:
    article = read_pdf(raw_of(build_pdf(STORY)), Settings())
    assert article.title is None and article.author is None and article.date is None


def test_file_on_disk_and_gzipped(tmp_path: Path) -> None:
    path = write_pdf(tmp_path / "a.pdf", STORY, title="On disk")
    article = read_pdf(RawInput(source=str(path), name=path.name, path=path), Settings())
    assert article.title == "On disk"
    zipped = read_pdf(raw_of(gzip.compress(path.read_bytes()), "a.pdf.gz"), Settings())
    assert zipped.text == article.text


def test_no_text_layer() -> None:
    with pytest.raises(EmptyInputError, match=r"scan\.pdf: .*no text layer.*OCR"):
        read_pdf(raw_of(build_pdf(pages=[[], []]), "scan.pdf"), Settings())


@pytest.mark.parametrize("keep", [0.3, 0.6, 0.95])
def test_truncated_pdf_is_malformed(keep: float) -> None:
    data = build_pdf(STORY, title="Cut")
    with pytest.raises(MalformedInputError, match=r"cut\.pdf: not a readable PDF"):
        read_pdf(raw_of(data[: int(len(data) * keep)], "cut.pdf"), Settings())


def test_not_a_pdf() -> None:
    with pytest.raises(MalformedInputError, match="decrypt it first"):
        read_pdf(raw_of(b"%PDF-1.4\nthis is not really a pdf\n", "fake.pdf"), Settings())
    with pytest.raises(MalformedInputError, match="not a readable PDF"):
        read_pdf(raw_of(b"hello world", "hello.pdf"), Settings())
    with pytest.raises(EmptyInputError):
        read_pdf(raw_of(b"", "empty.pdf"), Settings())


def encrypted(user_password: str) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(build_pdf(STORY, title="Secret"))))
    writer.encrypt(user_password=user_password, owner_password="owner", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_encrypted_with_password_is_refused() -> None:
    with pytest.raises(MalformedInputError, match=r"locked\.pdf: .*encrypted.*decrypt it first"):
        read_pdf(raw_of(encrypted("secret"), "locked.pdf"), Settings())


def test_encrypted_with_empty_password_is_read() -> None:
    article = read_pdf(raw_of(encrypted("")), Settings())
    assert article.title == "Secret"
    assert "Residents had asked" in article.text


def test_size_cap() -> None:
    with pytest.raises(OversizedInputError, match="--max-size"):
        read_pdf(raw_of(build_pdf(STORY)), Settings(max_input_bytes=200))


def test_broken_pdf_logs_nothing(caplog: pytest.LogCaptureFixture) -> None:
    data = build_pdf(STORY)
    damaged = data.replace(b"startxref\n", b"startxref\n9").replace(b"xref\n0 ", b"xref\n3 ")
    caplog.set_level(logging.DEBUG)
    with contextlib.suppress(MalformedInputError):
        read_pdf(raw_of(damaged), Settings())
    assert not [r for r in caplog.records if r.name.startswith("pypdf")]
