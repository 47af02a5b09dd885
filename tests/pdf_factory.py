"""Write small, valid PDF files by hand, so PDF tests need no PDF-writing library.

Each page is one content stream that draws its lines in Helvetica (WinAnsi encoding, so
Latin-1 text round-trips); the document information dictionary carries the title, author
and creation date, written as UTF-16 hex strings so any text is allowed. The cross-reference
table is computed from the real byte offsets of the objects, as the format requires.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path


def _literal(text: str) -> bytes:
    """A PDF literal string in WinAnsi (cp1252) bytes, with delimiters escaped."""
    out = bytearray(b"(")
    for byte in text.encode("cp1252", errors="replace"):
        if byte in b"()\\":
            out += b"\\" + bytes([byte])
        elif byte < 32 or byte > 126:
            out += b"\\%03o" % byte
        else:
            out.append(byte)
    return bytes(out + b")")


def _utf16_hex(text: str) -> bytes:
    """A PDF hex string holding ``text`` as UTF-16BE with a byte-order mark."""
    return b"<FEFF" + text.encode("utf-16-be").hex().upper().encode("ascii") + b">"


def _pdf_date(moment: datetime) -> bytes:
    stamp = moment.strftime("D:%Y%m%d%H%M%S")
    offset = moment.utcoffset()
    if offset is None:
        return b"(" + stamp.encode("ascii") + b")"
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    hours, mins = divmod(abs(minutes), 60)
    return b"(" + f"{stamp}{sign}{hours:02d}'{mins:02d}'".encode("ascii") + b")"


def _content(lines: Sequence[str]) -> bytes:
    if not lines:
        return b""
    body = [b"BT", b"/F1 11 Tf", b"14 TL", b"72 760 Td"]
    for number, line in enumerate(lines):
        if number:
            body.append(b"T*")
        body.append(_literal(line) + b" Tj")
    body.append(b"ET")
    return b"\n".join(body) + b"\n"


def build_pdf(
    lines: Sequence[str] = (),
    *,
    pages: Sequence[Sequence[str]] | None = None,
    title: str | None = None,
    author: str | None = None,
    created: datetime | None = None,
) -> bytes:
    """Return the bytes of a PDF whose pages show the given lines of text.

    Args:
        lines: the lines of a one-page document (ignored when ``pages`` is given).
        pages: the lines of each page, for multi-page documents; a page with no lines
            has an empty content stream (like a scanned page without a text layer).
        title, author, created: the document information entries to write, if any.
    """
    page_lines: list[Sequence[str]] = list(pages) if pages is not None else [lines]
    # Objects 1-4 are fixed; each page then takes two: the page and its content stream.
    objects: list[bytes] = []
    page_ids = [5 + 2 * n for n in range(len(page_lines))]
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    kids = b" ".join(b"%d 0 R" % pid for pid in page_ids)
    objects.append(b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, len(page_ids)))
    objects.append(
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
    )
    info = [b"/Producer (parallax test pdf_factory)"]
    if title is not None:
        info.append(b"/Title " + _utf16_hex(title))
    if author is not None:
        info.append(b"/Author " + _utf16_hex(author))
    if created is not None:
        info.append(b"/CreationDate " + _pdf_date(created))
    objects.append(b"<< " + b" ".join(info) + b" >>")
    for pid, text_lines in zip(page_ids, page_lines, strict=True):
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            b"/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % (pid + 1)
        )
        stream = _content(text_lines)
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")

    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets: list[int] = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref_at = len(out)
    out += b"xref\n0 %d\n" % (len(objects) + 1)
    out += b"0000000000 65535 f \n"
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info 4 0 R >>\n" % (len(objects) + 1)
    out += b"startxref\n%d\n%%%%EOF\n" % xref_at
    return bytes(out)


def write_pdf(path: Path, lines: Sequence[str] = (), **options: object) -> Path:
    """Write :func:`build_pdf`'s output to ``path`` and return the path."""
    path.write_bytes(build_pdf(lines, **options))  # type: ignore[arg-type]
    return path
