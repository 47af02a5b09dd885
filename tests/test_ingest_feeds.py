from __future__ import annotations

import gzip
import json
from datetime import date
from pathlib import Path

import pytest

from parallax.errors import (
    EmptyInputError,
    FetchError,
    InputError,
    MalformedInputError,
    OversizedInputError,
)
from parallax.ingest.feeds import SUMMARY_MAX_CHARS, html_fragment_text, read_feed
from parallax.ingest.raw import RawInput
from parallax.model import Article, Outcome, Skipped
from parallax.settings import Settings

SHARED = Path(__file__).resolve().parents[2] / "shared"
FEEDS = SHARED / "inputs" / "feeds-rss-parser" / "input"

LONG_BODY = "".join(
    f"<p>Paragraph {n} of the full story, with enough words to read as real prose.</p>"
    for n in range(40)
)

RSS2 = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>The Daily Example</title>
  <link>https://example.com/</link>
  <description>News</description>
  <item>
    <title>Council approves &amp; funds the new bridge</title>
    <link>https://example.com/bridge</link>
    <dc:creator>Ana Lima</dc:creator>
    <pubDate>Mon, 07 Feb 2022 21:30:00 -0500</pubDate>
    <description>Short teaser.</description>
    <content:encoded><![CDATA[{LONG_BODY}]]></content:encoded>
    <guid>bridge-1</guid>
    <category>Politics</category>
  </item>
  <item>
    <title>Teaser only</title>
    <link>https://example.com/teaser</link>
    <pubDate>Tue, 08 Feb 2022 08:00:00 GMT</pubDate>
    <description>&lt;p&gt;The mayor spoke.&lt;/p&gt;&lt;p&gt;More soon.&lt;/p&gt;</description>
  </item>
  <item>
    <title>Nothing here</title>
    <link>https://example.com/empty</link>
  </item>
</channel>
</rss>
""".encode()

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title type="text">Atom Times</title>
  <id>urn:atom-times</id>
  <updated>2022-02-08T10:00:00Z</updated>
  <entry>
    <title type="html">Storm &lt;em&gt;hits&lt;/em&gt; coast</title>
    <link href="https://atom.example/storm"/>
    <id>urn:storm</id>
    <published>2022-02-07T23:15:00-08:00</published>
    <updated>2022-02-08T09:00:00Z</updated>
    <author><name>Bo Chen</name></author>
    <author><name>Di Ruiz</name></author>
    <summary>A storm hit.</summary>
    <content type="html">&lt;p&gt;The storm hit the coast at night.&lt;/p&gt;
      &lt;p&gt;Power was cut.&lt;/p&gt;</content>
  </entry>
  <entry>
    <title>Plain text entry</title>
    <link href="https://atom.example/plain"/>
    <id>urn:plain</id>
    <updated>2022-02-06T09:00:00Z</updated>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>First.</p><p>Second.</p></div></content>
  </entry>
</feed>
"""

RSS1 = b"""<?xml version="1.0" encoding="UTF-8"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
         xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://rdf.example/">
    <title>RDF Weekly</title>
    <link>https://rdf.example/</link>
    <description>Weekly news</description>
    <items><rdf:Seq><rdf:li rdf:resource="https://rdf.example/1"/></rdf:Seq></items>
  </channel>
  <item rdf:about="https://rdf.example/1">
    <title>Fungi feed on plastic</title>
    <link>https://rdf.example/1</link>
    <description>Researchers found fungi that digest plastic.</description>
    <dc:creator>Hines, P. J.</dc:creator>
    <dc:date>2017-06-15T10:29:47-07:00</dc:date>
  </item>
</rdf:RDF>
"""


def raw_of(data: bytes, name: str = "feed.xml", **kwargs: str) -> RawInput:
    return RawInput(source=name, name=name, data=data, **kwargs)  # type: ignore[arg-type]


def articles(outcomes: list[Outcome]) -> list[Article]:
    return [o for o in outcomes if isinstance(o, Article)]


def test_rss2_entries_use_full_content_and_metadata() -> None:
    outcomes = list(read_feed(raw_of(RSS2), Settings()))
    assert len(outcomes) == 3
    first = outcomes[0]
    assert isinstance(first, Article)
    assert first.title == "Council approves & funds the new bridge"
    assert first.author == "Ana Lima"
    assert first.outlet == "The Daily Example"
    assert first.url == "https://example.com/bridge"
    # The written date, not the UTC-shifted one (21:30 -0500 is the next day in UTC).
    assert first.date == date(2022, 2, 7)
    assert first.format == "feed"
    assert first.source == "feed.xml#entry-1"
    assert first.language == "und"
    assert first.text.startswith("Paragraph 0 of the full story")
    assert "\n\nParagraph 1 of" in first.text
    assert "summary_only" not in first.meta
    assert first.meta["tags"] == ["Politics"]
    assert json.loads(first.raw)["title"] == first.title


def test_summary_only_entry_is_marked_and_empty_entry_is_skipped() -> None:
    outcomes = list(read_feed(raw_of(RSS2), Settings()))
    teaser = outcomes[1]
    assert isinstance(teaser, Article)
    assert teaser.text == "The mayor spoke.\n\nMore soon."
    assert teaser.meta["summary_only"] is True
    empty = outcomes[2]
    assert isinstance(empty, Skipped)
    assert empty.source == "feed.xml#entry-3"
    assert "feed entry has no text" in empty.reason


def test_long_description_without_content_is_not_summary_only() -> None:
    body = "<p>" + "word " * (SUMMARY_MAX_CHARS // 4) + "</p>"
    feed = (
        '<rss version="2.0"><channel><title>T</title><item><title>Long</title>'
        f"<description><![CDATA[{body}]]></description></item></channel></rss>"
    ).encode()
    (article,) = articles(list(read_feed(raw_of(feed), Settings())))
    assert "summary_only" not in article.meta


def test_atom_entries() -> None:
    first, second = articles(list(read_feed(raw_of(ATOM, "a.atom"), Settings())))
    assert first.title == "Storm hits coast"
    assert first.author == "Bo Chen, Di Ruiz"
    assert first.date == date(2022, 2, 7)
    assert first.outlet == "Atom Times"
    assert first.text == "The storm hit the coast at night.\n\nPower was cut."
    assert first.url == "https://atom.example/storm"
    assert second.text == "First.\n\nSecond."
    assert second.date == date(2022, 2, 6)


def test_rss1_rdf_feed() -> None:
    (entry,) = articles(list(read_feed(raw_of(RSS1, "r.rdf"), Settings())))
    assert entry.title == "Fungi feed on plastic"
    assert entry.author == "Hines, P. J."
    assert entry.date == date(2017, 6, 15)
    assert entry.outlet == "RDF Weekly"
    assert entry.text == "Researchers found fungi that digest plastic."


def test_gzipped_feed() -> None:
    outcomes = list(read_feed(raw_of(gzip.compress(RSS2), "feed.xml.gz"), Settings()))
    assert len(articles(outcomes)) == 2


def test_gzipped_feed_file_on_disk(tmp_path: Path) -> None:
    path = tmp_path / "feed.rss.gz"
    path.write_bytes(gzip.compress(ATOM))
    raw = RawInput(source=str(path), name=path.name, path=path)
    assert len(articles(list(read_feed(raw, Settings())))) == 2


def test_legacy_encoding_declared_in_prolog() -> None:
    feed = (
        '<?xml version="1.0" encoding="ISO-8859-1"?><rss version="2.0"><channel>'
        "<title>Notícias</title><item><title>Eleição em São Paulo</title>"
        "<description>A votação começou às 8h.</description></item></channel></rss>"
    ).encode("latin-1")
    (entry,) = articles(list(read_feed(raw_of(feed), Settings())))
    assert entry.title == "Eleição em São Paulo"
    assert entry.outlet == "Notícias"
    assert entry.text == "A votação começou às 8h."


def test_bozo_feed_keeps_entries_with_a_warning() -> None:
    broken = RSS2.replace(b"</channel>\n</rss>", b"<item><title>cut")
    outcomes = list(read_feed(raw_of(broken), Settings()))
    first = articles(outcomes)[0]
    assert first.title == "Council approves & funds the new bridge"
    assert "feed_warning" in first.meta


def test_not_a_feed_is_malformed() -> None:
    page = b"<html><head><title>Moved</title></head><body><p>Gone.</p></body></html>"
    with pytest.raises(MalformedInputError, match=r"page\.html: not an RSS or Atom feed"):
        list(read_feed(raw_of(page, "page.html"), Settings()))


def test_binary_garbage_is_malformed() -> None:
    with pytest.raises(MalformedInputError, match=r"junk\.bin"):
        list(read_feed(raw_of(bytes(range(256)) * 4, "junk.bin"), Settings()))


def test_empty_input_and_feed_without_entries() -> None:
    with pytest.raises(EmptyInputError, match="empty"):
        list(read_feed(raw_of(b"  \n"), Settings()))
    bare = b'<rss version="2.0"><channel><title>Quiet</title></channel></rss>'
    with pytest.raises(EmptyInputError, match="no entries"):
        list(read_feed(raw_of(bare, "quiet.rss"), Settings()))


def test_size_cap() -> None:
    with pytest.raises(OversizedInputError):
        list(read_feed(raw_of(RSS2), Settings(max_input_bytes=100)))


PAGE = (
    "<html><head><title>Mayor speaks</title></head><body><article><h1>Mayor speaks</h1>"
    + "".join(
        f"<p>The mayor said many things in paragraph {n}, about roads, schools and taxes.</p>"
        for n in range(8)
    )
    + "</article></body></html>"
).encode()


def test_follow_links_replaces_summary_with_page() -> None:
    fetched: list[str] = []

    def fetch(url: str) -> RawInput:
        fetched.append(url)
        return RawInput(source=url, name="page.html", data=PAGE, url=url)

    settings = Settings(follow_feed_links=True)
    outcomes = list(read_feed(raw_of(RSS2), settings, fetch))
    teaser = outcomes[1]
    assert isinstance(teaser, Article)
    assert "paragraph 3, about roads" in teaser.text
    assert teaser.meta["fetched"] is True
    assert "summary_only" not in teaser.meta
    assert teaser.title == "Teaser only"
    assert teaser.format == "feed"
    assert teaser.raw == PAGE
    # The entry with no text at all is fetched too; the full-content entry is not.
    assert fetched == ["https://example.com/teaser", "https://example.com/empty"]
    assert isinstance(outcomes[2], Article)


def test_follow_links_falls_back_to_summary_on_fetch_error() -> None:
    def fetch(url: str) -> RawInput:
        raise FetchError(f"{url}: refused (private address)")

    outcomes = list(read_feed(raw_of(RSS2), Settings(follow_feed_links=True), fetch))
    teaser = outcomes[1]
    assert isinstance(teaser, Article)
    assert teaser.text == "The mayor spoke.\n\nMore soon."
    assert "refused" in teaser.meta["fetch_error"]
    assert teaser.meta["summary_only"] is True
    empty = outcomes[2]
    assert isinstance(empty, Skipped)
    assert "refused" in empty.reason


def test_fetch_is_not_used_unless_enabled() -> None:
    def fetch(url: str) -> RawInput:
        raise AssertionError("fetch must not be called")

    outcomes = list(read_feed(raw_of(RSS2), Settings(), fetch))
    assert isinstance(outcomes[1], Article)


def test_html_fragment_text_keeps_paragraphs() -> None:
    html = (
        "<div><h2>Head</h2><p>One\n  two   three</p><script>evil()</script>"
        "<p>Line<br>break</p><ul><li>a</li><li>b</li></ul>tail &amp; more<!-- c --></div>"
    )
    assert (
        html_fragment_text(html) == "Head\n\nOne two three\n\nLine\nbreak\n\na\n\nb\n\ntail & more"
    )
    assert html_fragment_text("just text,\n  no tags") == "just text, no tags"
    assert html_fragment_text("a\x00b <p>c</p>") == "ab\n\nc"
    deep = "<div>" * 5000 + "deep" + "</div>" * 5000
    assert html_fragment_text(deep) == "deep"


@pytest.mark.shared
def test_shared_feeds_all_read_or_fail_cleanly() -> None:
    if not FEEDS.is_dir():
        pytest.skip(f"../shared not present: {FEEDS} is missing")
    files = sorted(FEEDS.iterdir())
    assert len(files) == 20
    for path in files:
        raw = RawInput(source=path.name, name=path.name, path=path)
        if path.name == "unrecognized.rss":  # an HTML "document moved" page
            with pytest.raises(MalformedInputError, match=r"unrecognized\.rss"):
                list(read_feed(raw, Settings()))
            continue
        try:
            outcomes = list(read_feed(raw, Settings()))
        except InputError as exc:  # pragma: no cover - the assertion explains
            raise AssertionError(f"{path.name}: {exc}") from exc
        assert outcomes, path.name
        for outcome in outcomes:
            if isinstance(outcome, Article):
                assert outcome.text.strip(), path.name
                assert "\ufffd" not in outcome.text, path.name


@pytest.mark.shared
def test_shared_guardian_has_titles_and_dates() -> None:
    path = FEEDS / "guardian.rss"
    if not path.is_file():
        pytest.skip(f"../shared not present: {path} is missing")
    found = articles(list(read_feed(RawInput(source="g", name=path.name, path=path), Settings())))
    assert len(found) > 20
    assert all(a.title and a.date for a in found)
    assert all(a.outlet == "The Guardian" for a in found)
    assert (
        found[0].title == "Trump State of the Union address promised unity but emphasized discord"
    )
    assert found[0].date == date(2018, 1, 31)
    assert found[0].author == "David Smith in Washington"


@pytest.mark.shared
def test_shared_uol_latin1_feed_decodes() -> None:
    path = FEEDS / "uolNoticias.rss"
    if not path.is_file():
        pytest.skip(f"../shared not present: {path} is missing")
    found = articles(list(read_feed(RawInput(source="u", name=path.name, path=path), Settings())))
    assert found
    assert found[0].title == (
        "Ibope: Bolsonaro perde de Haddad, Ciro e Alckmin em simulações de 2º turno"
    )
    assert found[0].outlet == "UOL Noticias"
    for article in found:
        assert "\ufffd" not in article.text and "Ã" not in article.text
