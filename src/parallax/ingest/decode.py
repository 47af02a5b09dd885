"""Turn bytes that should be text into a str, or say clearly why they are not text."""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from parallax.errors import BinaryInputError, EmptyInputError, EncodingError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_WESTERN = {"cp1252", "latin_1", "iso8859_15"}
_CONTROL_OK = {"\n", "\r", "\t", "\f", "\v"}


def looks_binary(data: bytes) -> bool:
    """Whether ``data`` looks like binary rather than text (NUL bytes, many control bytes)."""
    sample = data[:8192]
    if not sample:
        return False
    if any(sample.startswith(bom) for bom, _ in _BOMS):
        return False
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 32 and chr(b) not in _CONTROL_OK)
    return controls / len(sample) > 0.05


def decode_text(data: bytes, source: str, declared: str | None = None) -> tuple[str, str]:
    """Decode ``data`` and return ``(text, encoding)``.

    UTF-8 (with or without BOM) and UTF-16/32 with a BOM are taken as they are; a declared
    charset (HTTP header, XML prolog) is tried next; otherwise a legacy encoding is accepted
    only when detection is confident, so mojibake never reaches the analysis silently.

    Raises:
        EmptyInputError: no bytes, or only whitespace.
        BinaryInputError: the bytes are not text.
        EncodingError: not UTF-8 and no encoding fits well enough.
    """
    if not data.strip():
        raise EmptyInputError(
            f"{source}: the input is empty" + (" (only whitespace)" if data else " (0 bytes)")
        )
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise EncodingError(
                    f"{source}: starts with a {encoding} byte-order mark but is not valid "
                    f"{encoding} ({exc.reason} at byte {exc.start}); re-save it as UTF-8"
                ) from None
    if looks_binary(data):
        raise BinaryInputError(
            f"{source}: this is binary data, not text (it holds NUL or control bytes); "
            "give a text, HTML, PDF, feed, WARC, JSONL or CSV file"
        )
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        utf8_error = exc
    if declared:
        try:
            return data.decode(declared), declared.lower()
        except (UnicodeDecodeError, LookupError):
            pass
    lenient = data.decode("utf-8", errors="replace")
    if any(ord(ch) > 127 and ch != "\ufffd" for ch in lenient):
        bad = lenient.count("\ufffd")
        raise EncodingError(
            f"{source}: mixes valid UTF-8 with {bad} invalid byte sequence(s) (first at byte "
            f"{utf8_error.start}), so no single encoding reads it; the file was probably "
            "joined from files in different encodings or damaged. Re-save it as UTF-8"
        )
    # Western legacy encodings first: detectors often cannot tell cp1252 from cp1250 on
    # short English text, and cp1252 is by far the commoner of the two in news archives.
    candidates = [m for m in from_bytes(data[:200_000]) if m.encoding and m.chaos <= 0.1]
    candidates.sort(key=lambda m: (m.encoding not in _WESTERN, m.chaos))
    for match in candidates:
        try:
            return data.decode(match.encoding), match.encoding
        except (UnicodeDecodeError, LookupError):
            continue
    raise EncodingError(
        f"{source}: not valid UTF-8 ({utf8_error.reason} at byte {utf8_error.start}) and no "
        "other encoding fits it reliably; re-save the file as UTF-8"
    )
