"""Bytes to text: bounded reading, binary refusal, encoding detection and line-ending normalisation."""

from __future__ import annotations

import codecs
import os
import re
import stat
from dataclasses import dataclass
from typing import IO

from .errors import IngestError

#: Default per-file size limit (bytes); ``--max-size`` changes it. Larger files are refused
#: from their size on disk, before any byte is read.
DEFAULT_MAX_SIZE = 100 * 1024 * 1024

# Signatures of common non-text files, so a renamed image gets a message that names what it is
# instead of a vague "cannot decode".
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive or an Office document (.docx/.xlsx)"),
    (b"\x1f\x8b", "a gzip-compressed file"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document (.doc/.xls)"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"\x7fELF", "a program (ELF executable)"),
    (b"ID3", "an MP3 audio file"),
)

# Checked longest first: the UTF-32 LE mark begins with the UTF-16 LE mark.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# C0 controls other than tab, newline, vertical tab, form feed, carriage return and escape.
_CONTROL_RE = re.compile("[\x01-\x08\x0e-\x1a\x1c-\x1f\x7f]")


@dataclass(frozen=True)
class Decoded:
    """Text decoded from a file.

    Attributes:
        text: the text with line endings normalised to ``\\n`` and no byte-order mark.
        encoding: the codec name (``utf-8``, ``utf-8-sig``, ``utf-16-le``, ``cp1256``, ``iso8859-6``...).
    """

    text: str
    encoding: str


def human_size(n: int) -> str:
    """Format a byte count for messages (``12.5 MB``)."""
    if n < 1024:
        return f"{n} bytes"
    for unit in ("KB", "MB", "GB"):
        n_f = n / 1024
        if n_f < 1024 or unit == "GB":
            return f"{n_f:.1f} {unit}"
        n = int(n_f)
    return f"{n} bytes"  # pragma: no cover - loop always returns


def parse_size(value: str | int) -> int:
    """Parse ``"100MB"``, ``"200M"``, ``"1.5 GB"``, ``"4096"`` into bytes.

    Raises:
        ValueError: the value is not a size.
    """
    if isinstance(value, int):
        return value
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([kmg]?)i?b?\s*", value, re.IGNORECASE)
    if not m:
        raise ValueError(f"{value!r} is not a size; write it like 100MB, 500K or 2GB")
    factor = {"": 1, "k": 1024, "m": 1024**2, "g": 1024**3}[m.group(2).lower()]
    return int(float(m.group(1)) * factor)


def _too_big(size: int, limit: int) -> IngestError:
    return IngestError(
        f"the file is {human_size(size)}, above the import limit of {human_size(limit)}; "
        "split it into smaller files or raise the limit with --max-size"
    )


def read_limited(path: str | os.PathLike[str], max_size: int = DEFAULT_MAX_SIZE) -> bytes:
    """Read a whole file, refusing it from its size alone when it exceeds ``max_size``.

    Raises:
        IngestError: the file is larger than the limit (also if it grows while being read), or is
            not a regular file.
        OSError: the file cannot be opened (the caller words it).
    """
    st = os.stat(path)
    if not stat.S_ISREG(st.st_mode):
        # Opening a named pipe would block forever, and a device has no end.
        raise IngestError("not a regular file (a pipe, device or socket), so it is not read")
    if st.st_size > max_size:
        raise _too_big(st.st_size, max_size)
    with open(path, "rb") as f:
        return read_stream_limited(f, max_size, expected=st.st_size)


def read_stream_limited(stream: IO[bytes], max_size: int, expected: int | None = None) -> bytes:
    """Read at most ``max_size`` bytes from a stream; refuse it when more follow.

    ``expected`` (a file's size from stat) sizes the first read: asking for ``max_size`` bytes
    at once makes Python allocate that much (100 MB by default) for every file, which cost more
    than reading a whole article. A file that grew since is read on, up to the limit."""
    if expected is not None and expected < max_size:
        data = stream.read(expected + 1)
        if len(data) > expected:
            data += stream.read(max_size + 1 - len(data))
    else:
        data = stream.read(max_size + 1)
    if len(data) > max_size:
        raise _too_big(len(data), max_size)
    return data


def _line_of(data: bytes, pos: int) -> int:
    return data.count(b"\n", 0, pos) + 1


def bom_codec(data: bytes) -> str | None:
    """The codec named by the byte-order mark at the start of ``data``, or None."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return codec
    return None


def _strict(data: bytes, codec: str, what: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as e:
        line = _line_of(data, e.start)
        raise IngestError(
            f"cannot be read as {what}: invalid bytes at line {line} (byte {e.start}); "
            "the file is damaged or in another encoding (name it with --encoding)",
            line,
        ) from None


#: How many bad places a damaged-UTF-8 message lists before it only counts the rest.
_SHOWN_BAD = 5
_BAD_RUN_RE = re.compile("[\udc80-\udcff]+")  # the invalid bytes, as surrogateescape decodes them


def _damaged_utf8_error(data: bytes) -> IngestError | None:
    """The refusal for bytes that are almost all valid UTF-8, or None when they look like another encoding.

    Almost all valid means: the invalid bytes are at most 1% of the file (at least 2 are allowed), or
    most non-ASCII characters are valid UTF-8. A mostly-ASCII file with a couple of stray bytes
    is damaged UTF-8: a code-page guess from those few bytes (cp1006, say) would store garbage.
    """
    text = data.decode("utf-8", errors="surrogateescape")
    # Each invalid byte became one lone surrogate, which UTF-8 cannot encode: "ignore" drops them
    # and nothing else. Counted in C: a code-page file has an invalid byte in every word.
    bad = len(data) - len(text.encode("utf-8", errors="ignore"))
    good = len(text) - len(text.encode("ascii", errors="ignore")) - bad
    if bad > max(2, len(data) // 100) and good < 4 * bad:
        return None
    runs = list(_BAD_RUN_RE.finditer(text))
    places = []
    for m in runs[:_SHOWN_BAD]:
        line_start = text.rfind("\n", 0, m.start()) + 1
        line = text.count("\n", 0, m.start()) + 1
        column = len(text[line_start:m.start()].encode("utf-8", errors="surrogateescape")) + 1
        offset = len(text[:m.start()].encode("utf-8", errors="surrogateescape"))
        raw = m.group().encode("utf-8", errors="surrogateescape")
        places.append(f"line {line} byte {column} (file offset {offset}): {raw.hex(' ')}")
    more = f"; and {len(runs) - _SHOWN_BAD} more" if len(runs) > _SHOWN_BAD else ""
    first_line = text.count("\n", 0, runs[0].start()) + 1
    return IngestError(
        f"invalid UTF-8 at {'; '.join(places)}{more} — {bad} bad byte{'s' if bad != 1 else ''} in "
        f"{len(runs)} place{'s' if len(runs) != 1 else ''}, the other {len(data) - bad} bytes are UTF-8; "
        "the file is damaged or mixes encodings, so it is refused rather than guessed as another "
        "encoding: repair those bytes, or if the file really is in another encoding, name it with --encoding",
        first_line,
    )


def decode_bytes(data: bytes, encoding: str | None = None) -> Decoded:
    """Decode a text file's bytes, detecting the encoding unless ``encoding`` forces one.

    Detection order: byte-order mark (UTF-8/16/32), strict UTF-8, then charset-normalizer (which
    tells Windows-1256 from ISO-8859-6 and the other code pages). Damaged UTF-8 is refused rather
    than decoded as a code page, which would silently store mojibake.

    Raises:
        IngestError: empty, binary, NUL bytes, undecodable, or an unknown forced encoding.
    """
    if not data.strip():
        raise IngestError("the file is empty")
    bom = bom_codec(data)
    if encoding:
        try:
            codec = codecs.lookup(encoding).name
        except LookupError:
            raise IngestError(
                f"unknown encoding {encoding!r}; use a name such as utf-8, cp1256, iso-8859-6 or utf-16"
            ) from None
        if codec == "utf-8" and bom == "utf-8-sig":
            codec = "utf-8-sig"  # a forced utf-8 must not keep the BOM as text
        text = _strict(data, codec, encoding)
        if codec in ("utf-16", "utf-32"):
            codec = bom or codec
    elif bom:
        text = _strict(data, bom, bom.upper().replace("-SIG", " with BOM"))
        codec = bom
        if text.startswith("\ufeff"):
            text = text[1:]
    else:
        for magic, what in _MAGIC:
            if data.startswith(magic):
                raise IngestError(f"this is {what}, not a text file")
        nul = data.find(b"\x00")
        if nul >= 0:
            line = _line_of(data, nul)
            raise IngestError(
                f"contains NUL bytes (first at line {line}): binary data, or UTF-16 text without a "
                "byte-order mark (then name it with --encoding utf-16-le)",
                line,
            )
        try:
            text = data.decode("utf-8")
            codec = "utf-8"
        except UnicodeDecodeError:
            damaged = _damaged_utf8_error(data)
            if damaged is not None:
                raise damaged from None
            text, codec = _detect(data)
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise IngestError(
            f"contains NUL characters (first at line {line}); NUL cannot be stored in a document, "
            "so the file is refused — remove them and import again",
            line,
        )
    controls = len(_CONTROL_RE.findall(text))
    if controls > max(2, len(text) // 100):
        raise IngestError(
            f"looks like binary data, not text ({controls} control characters); "
            "if it really is text, name its encoding with --encoding"
        )
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise IngestError("the file is empty")
    return Decoded(text, codec)


# Latin letters with accents: in Windows-1256 they sit where ISO-8859-6 has Arabic letters (ه و ى ي...),
# and where French, Cyrillic or Hebrew code pages have their letters.
_LATIN_LETTER_RE = re.compile("[\u00c0-\u024f]")
#: At least this many characters that are not ASCII, and at most this share of them Latin letters.
_ARABIC_MIN_CHARS, _ARABIC_MAX_LATIN = 20, 0.01


def _windows_arabic(data: bytes) -> str | None:
    """The text when ``data`` is unmistakably Arabic in Windows-1256: it cannot be ISO-8859-6 (which
    leaves bytes such as those of ف ق ك in Windows-1256 undefined), and read as Windows-1256 it is
    Arabic with hardly a Latin letter. Else None (charset-normalizer decides). A quick answer for the
    most common code page of Arabic pages, which otherwise costs a full detection each."""
    try:
        data.decode("iso8859-6")
    except UnicodeDecodeError:
        pass
    else:
        return None  # both readings are possible: let the detector weigh them
    text = data.decode("cp1256")
    high = len(text) - len(text.encode("ascii", errors="ignore"))
    if high < _ARABIC_MIN_CHARS or len(_LATIN_LETTER_RE.findall(text)) > high * _ARABIC_MAX_LATIN:
        return None
    return text


def _detect(data: bytes) -> tuple[str, str]:
    text = _windows_arabic(data)
    if text is not None:
        return text, "cp1256"
    # Imported here: charset-normalizer's import is slow and UTF-8 files (most of them) never need it.
    import charset_normalizer

    best = charset_normalizer.from_bytes(data).best()
    if best is None or best.encoding is None:
        raise IngestError(
            "cannot tell the text encoding: the bytes do not read as text in any known encoding; "
            "if you know it, name it with --encoding (for example --encoding cp1256)"
        )
    codec = codecs.lookup(best.encoding).name
    return str(best), codec
