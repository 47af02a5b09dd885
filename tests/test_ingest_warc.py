from __future__ import annotations

import gzip
import io
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from parallax.errors import EmptyInputError, MalformedInputError
from parallax.ingest.raw import RawInput
from parallax.ingest.warc import read_warc
from parallax.model import Article, Failed, Outcome, Skipped
from parallax.settings import Settings

SHARED = Path(__file__).resolve().parents[2] / "shared"
SAMPLES = SHARED / "inputs" / "warc-samples"


def page(title: str, paragraphs: int = 6, word: str = "council") -> str:
    body = "".join(
        f"<p>Paragraph {n}: the {word} met on Tuesday and agreed a long list of measures "
        "for the town, which residents had asked for since last spring.</p>"
        for n in range(paragraphs)
    )
    return (
        f"<html><head><title>{title}</title></head><body><nav><a href='/'>Home</a></nav>"
        f"<article><h1>{title}</h1>{body}</article></body></html>"
    )


NAV_ONLY = (
    b"<html><head><title>Menu</title></head><body><nav><a href='/'>Home</a></nav></body></html>"
)


class Archive:
    """Builds a WARC in memory with warcio's writer, one record at a time."""

    def __init__(self, gzipped: bool = False) -> None:
        self.buffer = io.BytesIO()
        self.writer = WARCWriter(self.buffer, gzip=gzipped)
        self.writer.write_record(
            self.writer.create_warcinfo_record("test.warc", {"software": "parallax tests"})
        )

    def _write(self, uri: str, kind: str, payload: bytes, **options: object) -> None:
        # An explicit length keeps warcio from spooling the payload to a temporary file.
        record = self.writer.create_warc_record(
            uri, kind, payload=io.BytesIO(payload), length=len(payload), **options
        )
        self.writer.write_record(record)

    def request(self, uri: str) -> Archive:
        headers = StatusAndHeaders(
            "GET / HTTP/1.1", [("Host", "example.com")], is_http_request=True
        )
        self._write(uri, "request", b"", http_headers=headers)
        return self

    def response(
        self, uri: str, body: bytes, content_type: str | None = "text/html", status: str = "200 OK"
    ) -> Archive:
        fields = [("Content-Type", content_type)] if content_type else []
        headers = StatusAndHeaders(status, fields, protocol="HTTP/1.1")
        self._write(uri, "response", body, http_headers=headers)
        return self

    def other(self, uri: str, kind: str, body: bytes, content_type: str) -> Archive:
        self._write(uri, kind, body, warc_content_type=content_type)
        return self

    def bytes(self) -> bytes:
        return self.buffer.getvalue()


def standard_archive(gzipped: bool = False) -> bytes:
    return (
        Archive(gzipped)
        .request("http://news.example/a")
        .response(
            "http://news.example/a",
            page("Council agrees plan").encode(),
            "text/html; charset=utf-8",
        )
        .response("http://news.example/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(200), "image/png")
        .response("http://news.example/gone", page("Gone").encode(), status="404 Not Found")
        .response("http://news.example/moved", b"", status="301 Moved Permanently")
        .other("http://news.example/a", "metadata", b"via: test\n", "application/warc-fields")
        .response("http://news.example/menu", NAV_ONLY)
        .other(
            "http://news.example/a",
            "conversion",
            b"Plain WET text of the page.\nSecond line.",
            "text/plain",
        )
        .other(
            "http://news.example/r",
            "resource",
            page("Resource page", word="mayor").encode(),
            "text/html",
        )
        .bytes()
    )


def raw_of(data: bytes, name: str = "crawl.warc") -> RawInput:
    return RawInput(source=name, name=name, data=data)


def read(data: bytes, name: str = "crawl.warc", **settings: object) -> list[Outcome]:
    return list(read_warc(raw_of(data, name), Settings(**settings)))  # type: ignore[arg-type]


def check_standard(outcomes: list[Outcome], name: str) -> None:
    kinds = [type(o).__name__ for o in outcomes]
    assert kinds == ["Article", "Skipped", "Article", "Article"], outcomes
    html, skipped, wet, resource = outcomes
    assert isinstance(html, Article)
    assert html.title == "Council agrees plan"
    assert html.url == "http://news.example/a"
    assert html.format == "warc"
    assert html.source == f"{name}#record-3"
    assert "Paragraph 5: the council met" in html.text
    assert html.raw.startswith(b"<html>")
    assert html.meta["encoding"] == "utf-8"
    assert "warc_date" in html.meta
    assert isinstance(skipped, Skipped)
    assert skipped.source == f"{name}#record-8 http://news.example/menu"
    assert skipped.reason.startswith("no article text in page")
    assert isinstance(wet, Article)
    assert wet.format == "wet"
    assert wet.title is None
    assert wet.text == "Plain WET text of the page.\nSecond line."
    assert wet.url == "http://news.example/a"
    assert isinstance(resource, Article)
    assert "the mayor met" in resource.text


def test_reads_html_responses_wet_and_resources_and_ignores_the_rest() -> None:
    check_standard(read(standard_archive()), "crawl.warc")


def test_gzipped_archive() -> None:
    data = standard_archive(gzipped=True)
    assert data[:2] == b"\x1f\x8b"
    check_standard(read(data, "crawl.warc.gz"), "crawl.warc.gz")


def test_gzipped_archive_file_on_disk(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(standard_archive(gzipped=True))
    outcomes = list(
        read_warc(RawInput(source="crawl.warc.gz", name=path.name, path=path), Settings())
    )
    check_standard(outcomes, "crawl.warc.gz")


def test_whole_file_gzip_is_read_too() -> None:
    # Not per-record gzip members, but one gzip stream around an uncompressed WARC.
    check_standard(read(gzip.compress(standard_archive()), "c.warc.gz"), "c.warc.gz")


def test_charset_from_http_header() -> None:
    text = page("Élection à Montréal", word="conseil municipal")
    # Sentences are spaced so that word counts based on whitespace see a real article.
    sentences = [
        "東京都の議会は火曜日に新しい計画を承認しました。",
        "住民は長い間それを求めていました。",
        "知事は記者会見で計画の意義を説明した。",
        "野党は財源について疑問を呈している。",
        "計画は来年四月から段階的に実施される予定だ。",
    ]
    euc = "".join(f"<p>{' '.join(sentences[n:] + sentences[:n])}</p>" for n in range(5))
    japanese = f"<html><body><article><h1>東京都議会</h1>{euc}</article></body></html>"
    data = (
        Archive()
        .response("http://fr.example/", text.encode("cp1252"), "text/html; charset=windows-1252")
        .response("http://jp.example/", japanese.encode("euc-jp"), "text/html; charset=EUC-JP")
        .bytes()
    )
    french, japan = read(data)
    assert isinstance(french, Article) and isinstance(japan, Article)
    assert french.title == "Élection à Montréal"
    assert "conseil municipal" in french.text
    assert "東京都の議会" in japan.text
    assert japan.meta["encoding"] == "euc-jp"


def test_undecodable_record_fails_alone() -> None:
    binary = b"<html>\x00\x01\x02\x03" + bytes(range(256)) * 8
    data = (
        Archive()
        .response("http://bad.example/", binary, "text/html")
        .response("http://good.example/", page("Good").encode())
        .bytes()
    )
    failed, good = read(data)
    assert isinstance(failed, Failed)
    assert failed.source == "crawl.warc#record-2 http://bad.example/"
    assert isinstance(good, Article)


def test_oversized_record_fails_and_the_archive_goes_on() -> None:
    data = (
        Archive()
        .response("http://big.example/", page("Big", paragraphs=200).encode())
        .response("http://small.example/", page("Small", paragraphs=3).encode())
        .bytes()
    )
    big, small = read(data, max_input_bytes=5000)
    assert isinstance(big, Failed)
    assert "size cap" in big.reason and "--max-size" in big.reason
    assert big.source.endswith("http://big.example/")
    assert isinstance(small, Article)


def test_response_without_content_type_is_sniffed() -> None:
    data = (
        Archive()
        .response("http://a.example/", page("Sniffed").encode(), content_type=None)
        .response("http://b.example/", b"GIF89a" + bytes(50), content_type=None)
        .bytes()
    )
    (article,) = read(data)
    assert isinstance(article, Article)
    assert article.title == "Sniffed"


@pytest.mark.parametrize("gzipped", [False, True])
def test_truncated_archive_keeps_good_records_then_fails(gzipped: bool) -> None:
    data = standard_archive(gzipped)
    cut = data[: len(data) - 300]
    outcomes = read(cut, "cut.warc")
    assert isinstance(outcomes[-1], Failed)
    assert outcomes[-1].source == "cut.warc"
    assert "archive is truncated or corrupt after record" in outcomes[-1].reason
    good = [o for o in outcomes if isinstance(o, Article)]
    assert good and good[0].title == "Council agrees plan"
    # The cut record (the last resource page) is not turned into a partial article.
    assert all("mayor" not in a.text for a in good)


def test_archive_cut_inside_the_first_record_fails() -> None:
    data = Archive().response("http://a.example/", page("Only").encode()).bytes()
    header_end = data.index(b"WARC/1.", 10)  # the start of the second record
    outcomes = read(data[: header_end + 400])
    assert len(outcomes) == 1
    assert isinstance(outcomes[0], Failed)
    assert "truncated or corrupt" in outcomes[0].reason


def test_corrupt_gzip_member() -> None:
    data = bytearray(standard_archive(gzipped=True))
    middle = len(data) // 2
    data[middle : middle + 40] = b"\x00" * 40
    outcomes = read(bytes(data), "bad.warc.gz")
    assert isinstance(outcomes[-1], Failed)
    assert "truncated or corrupt" in outcomes[-1].reason


def test_not_an_archive() -> None:
    with pytest.raises(MalformedInputError, match=r"notes\.txt: not a WARC or ARC"):
        read(b"Dear diary,\ntoday I wrote a text file.\n", "notes.txt")
    with pytest.raises(MalformedInputError, match=r"bad\.gz"):
        read(b"\x1f\x8b\x08\x00garbage-after-gzip-magic", "bad.gz")


def test_empty_archive() -> None:
    with pytest.raises(EmptyInputError):
        read(b"")


def test_arc_file() -> None:
    html = page("From an ARC").encode()
    body = b"HTTP/1.0 200 OK\r\nContent-Type: text/html\r\n\r\n" + html
    version = b"1 0 Parallax\nURL IP-address Archive-date Content-type Archive-length\n"
    arc = (
        b"filedesc://test.arc 0.0.0.0 20080430204825 text/plain %d\n" % len(version)
        + version
        + b"\n"
        + b"http://arc.example/story 192.0.2.1 20080430204826 text/html %d\n" % len(body)
        + body
        + b"\n"
    )
    (article,) = read(arc, "test.arc")
    assert isinstance(article, Article)
    assert article.title == "From an ARC"
    assert article.url == "http://arc.example/story"
    (again,) = read(gzip.compress(arc), "test.arc.gz")
    assert isinstance(again, Article)


def sample_files() -> list[Path]:
    if not SAMPLES.is_dir():
        return []
    return sorted(
        p
        for p in SAMPLES.rglob("*")
        if p.is_file() and p.name not in {"LICENSE", "SOURCE.md"} and p.suffix != ".md"
    )


@pytest.mark.shared
def test_shared_samples_never_raise_unexpectedly() -> None:
    files = sample_files()
    if not files:
        pytest.skip(f"../shared not present: {SAMPLES} is missing")
    for path in files:
        raw = RawInput(source=path.name, name=path.name, path=path)
        # Damage shows up as a Failed outcome, never as an exception, in these samples.
        outcomes = list(read_warc(raw, Settings()))
        for outcome in outcomes:
            assert isinstance(outcome, Article | Skipped | Failed), path.name
            if isinstance(outcome, Article):
                assert outcome.text.strip(), path.name
        failed = [o for o in outcomes if isinstance(o, Failed) and o.source == path.name]
        assert len(failed) <= 1 and (not failed or failed[0] is outcomes[-1]), path.name


def shared_file(*parts: str) -> Path:
    path = SAMPLES.joinpath(*parts)
    if not path.is_file():
        pytest.skip(f"../shared not present: {path} is missing")
    return path


@pytest.mark.shared
@pytest.mark.parametrize(
    ("parts", "good"),
    [
        (("resiliparse", "clipped.warc.gz"), 0),
        (("ukwa", "IAH-20080430204825-00000-blackbook-truncated.arc.gz"), 0),
    ],
)
def test_shared_truncated_archives_end_with_failed(parts: tuple[str, ...], good: int) -> None:
    path = shared_file(*parts)
    outcomes = list(read_warc(RawInput(source=path.name, name=path.name, path=path), Settings()))
    assert isinstance(outcomes[-1], Failed)
    assert outcomes[-1].source == path.name
    assert "truncated or corrupt" in outcomes[-1].reason
    assert len([o for o in outcomes if isinstance(o, Article)]) == good


@pytest.mark.shared
def test_shared_whirlwind_wet_gives_wikipedia_text() -> None:
    path = shared_file("commoncrawl-whirlwind", "whirlwind.warc.wet.gz")
    (article,) = list(read_warc(RawInput(source="w", name=path.name, path=path), Settings()))
    assert isinstance(article, Article)
    assert article.format == "wet"
    assert article.url == "https://an.wikipedia.org/wiki/Escopete"
    assert "Escopete" in article.text
    assert "Biquipedia" in article.text


@pytest.mark.shared
def test_shared_whirlwind_warc_and_clueweb_encodings() -> None:
    warc = shared_file("commoncrawl-whirlwind", "whirlwind.warc.gz")
    (article,) = list(read_warc(RawInput(source="w", name=warc.name, path=warc), Settings()))
    assert isinstance(article, Article) and article.format == "warc"
    assert "Escopete" in (article.title or "")
    clueweb = shared_file("resiliparse", "clueweb-quirk.warc.gz")
    outcomes = list(read_warc(RawInput(source="c", name=clueweb.name, path=clueweb), Settings()))
    # All 29 EUC-JP pages decode under their declared charset (none fails on encoding).
    assert len(outcomes) == 29
    assert not [o for o in outcomes if isinstance(o, Failed)]
    japanese = [o for o in outcomes if isinstance(o, Article)]
    assert all(o.meta["encoding"] == "euc-jp" for o in japanese)
    assert all("\ufffd" not in o.text for o in japanese)
