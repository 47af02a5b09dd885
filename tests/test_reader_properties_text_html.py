"""Property tests: the text and HTML readers never raise anything but InputError."""

from __future__ import annotations

import contextlib

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parallax.errors import InputError
from parallax.ingest import read_raw
from parallax.ingest.decode import decode_text
from parallax.ingest.headers import parse_header
from parallax.ingest.html import read_html
from parallax.ingest.raw import RawInput
from parallax.ingest.textfile import read_text
from parallax.model import Article, Failed, Skipped
from parallax.settings import Settings

SETTINGS = Settings(max_input_bytes=1_000_000)
HTML_BITS = st.sampled_from(
    [
        "<html>",
        "<body>",
        "<p>",
        "</p>",
        "<article>",
        "<script>",
        "</div>",
        "<!--",
        "-->",
        "<meta charset='x'>",
        "&amp;",
        "&#0;",
        "<![CDATA[",
        "<title>",
        "\x00",
        "é",
        "—",
    ]
)


def _raw(data: bytes, name: str) -> RawInput:
    return RawInput(source=name, name=name, data=data)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=3000))
def test_text_reader_on_arbitrary_bytes(data: bytes) -> None:
    try:
        article = read_text(_raw(data, "x.txt"), SETTINGS)
    except InputError:
        return
    assert article.text.strip()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=3000))
def test_html_reader_on_arbitrary_bytes(data: bytes) -> None:
    with contextlib.suppress(InputError):
        read_html(_raw(data, "x.html"), SETTINGS)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(HTML_BITS, st.text(max_size=40)), max_size=80))
def test_html_reader_on_tag_soup(parts: list[str]) -> None:
    with contextlib.suppress(InputError):
        read_html(_raw("".join(parts).encode("utf-8", "surrogatepass"), "x.html"), SETTINGS)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=2000))
def test_header_parser_on_any_text(text: str) -> None:
    header = parse_header(text)
    assert 0 <= header.body_start <= len(text)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2000), st.sampled_from(["a.txt", "a.md", "a.html", "a", "a.gz"]))
def test_dispatch_never_raises(data: bytes, name: str) -> None:
    for outcome in read_raw(_raw(data, name), SETTINGS):
        assert isinstance(outcome, (Article, Skipped, Failed))
        if isinstance(outcome, Failed):
            assert "bug" not in outcome.reason, outcome.reason


@given(st.text(min_size=1, max_size=500))
def test_utf8_text_round_trips(text: str) -> None:
    data = text.encode("utf-8", "surrogatepass")
    try:
        decoded, encoding = decode_text(data, "x")
    except InputError:
        return
    if encoding == "utf-8":
        assert decoded == data.decode("utf-8")
