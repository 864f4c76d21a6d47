"""Encoding detection, binary refusal, size limits and line endings (annotations.ingest.decode)."""

from __future__ import annotations

import codecs
import io
import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotations.ingest.decode import (
    decode_bytes,
    parse_size,
    read_limited,
    read_stream_limited,
)
from annotations.ingest.errors import IngestError

ARTICLE = (
    "شهدت إسطنبول اجتماعاً بين ممثلي الاتحاد الأوروبي والولايات المتحدة وروسيا بشأن صراع منطقة قره باغ.\n"
    "وقال المتحدث باسم الرئاسة الروسية إن دبلوماسياً روسيّاً شارك في الاجتماع المذكور بمدينة إسطنبول.\n"
    "وأكدت المتحدثة باسم وزارة الخارجية الروسية هذه الاتصالات، دون ذكر مزيد من التفاصيل.\n"
)


@pytest.mark.parametrize(
    ("encoded", "codec"),
    [
        (ARTICLE.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + ARTICLE.replace("\n", "\r\n").encode("utf-8"), "utf-8-sig"),
        (codecs.BOM_UTF16_LE + ARTICLE.encode("utf-16-le"), "utf-16-le"),
        (codecs.BOM_UTF16_BE + ARTICLE.encode("utf-16-be"), "utf-16-be"),
        (ARTICLE.encode("cp1256"), "cp1256"),
        (ARTICLE.encode("iso-8859-6"), "iso8859-6"),
    ],
)
def test_each_encoding_decodes_to_the_same_text(encoded, codec):
    decoded = decode_bytes(encoded)
    assert decoded.text == ARTICLE
    assert decoded.encoding == codec


def test_mac_line_endings_become_newlines():
    assert decode_bytes("سطر أول\rسطر ثان\r\nسطر ثالث".encode()).text == "سطر أول\nسطر ثان\nسطر ثالث"


def test_forced_encoding_is_used_and_wrong_forced_encoding_is_reported():
    data = ARTICLE.encode("cp1256")
    assert decode_bytes(data, "windows-1256").text == ARTICLE
    with pytest.raises(IngestError, match=r"cannot be read as utf-8: invalid bytes at line 1"):
        decode_bytes(data, "utf-8")
    with pytest.raises(IngestError, match="unknown encoding 'klingon'"):
        decode_bytes(data, "klingon")


def test_forced_utf8_drops_the_bom():
    assert decode_bytes(codecs.BOM_UTF8 + "نص".encode(), "utf-8").text == "نص"


def test_damaged_utf8_is_refused_not_turned_into_mojibake():
    data = ARTICLE.encode("utf-8")
    cut = data.index(b"\n") + 5
    damaged = data[:cut] + b"\xff\xfe" + data[cut:]
    with pytest.raises(IngestError, match=r"invalid UTF-8 at line 2 byte 5 \(file offset \d+\): ff fe") as err:
        decode_bytes(damaged)
    assert err.value.line == 2


ENGLISH = ("The delegation met in Istanbul on Wednesday, the Kremlin said, without giving details.\n" * 40).encode()


def test_mostly_ascii_with_two_bad_bytes_is_damaged_utf8_not_a_code_page():
    # Two stray bytes were once enough for the code-page detector to read the whole file as cp1250/cp1006.
    line_len = ENGLISH.index(b"\n") + 1
    data = ENGLISH[:line_len * 2 + 10] + b"\x92" + ENGLISH[line_len * 2 + 10:line_len * 30] + b"\xe9"
    data += ENGLISH[line_len * 30:]
    with pytest.raises(IngestError) as err:
        decode_bytes(data)
    message = str(err.value)
    first, second = line_len * 2 + 10, line_len * 30 + 1  # the second comes after the first inserted byte
    assert (f"invalid UTF-8 at line 3 byte 11 (file offset {first}): 92; "
            f"line 31 byte 1 (file offset {second}): e9") in message
    assert "2 bad bytes in 2 places" in message and "--encoding" in message
    assert err.value.line == 3
    # named, the encoding is used as it is
    assert decode_bytes(data, "cp1252").text.count("’") == 1


def test_many_bad_places_are_listed_up_to_five_then_counted():
    line_len = ENGLISH.index(b"\n") + 1
    data = b"".join(ENGLISH[k * line_len:(k + 1) * line_len] + (b"\xff" if k < 8 else b"") for k in range(40))
    listed = r"line 6 byte 1 \(file offset 439\): ff; and 3 more — 8 bad bytes in 8 places"
    with pytest.raises(IngestError, match=listed):
        decode_bytes(data)


def test_arabic_code_page_with_its_many_high_bytes_is_still_detected():
    # an English file with an Arabic paragraph in cp1256: far more than 1% of the bytes are not UTF-8
    data = ENGLISH[:400] + ARTICLE.encode("cp1256")
    assert decode_bytes(data).encoding == "cp1256"


@pytest.mark.parametrize("seed", range(3))
def test_random_bytes_are_undecodable(seed):
    # Noise that no code page reads as plausible text; NUL is left out so detection is what refuses it.
    rng = random.Random(seed)
    data = bytes(rng.randrange(1, 256) for _ in range(3000))
    with pytest.raises(IngestError, match="cannot tell the text encoding: the bytes do not read as text"):
        decode_bytes(data)


def test_png_renamed_to_txt_is_named_as_an_image():
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))
    with pytest.raises(IngestError, match="this is a PNG image, not a text file"):
        decode_bytes(png)


def test_nul_bytes_are_refused_with_their_line():
    with pytest.raises(IngestError, match=r"NUL bytes \(first at line 2\)") as err:
        decode_bytes("سطر\nنص\x00مخفي".encode())
    assert err.value.line == 2


def test_nul_in_utf16_text_is_refused():
    data = codecs.BOM_UTF16_LE + "نص\x00نص".encode("utf-16-le")
    with pytest.raises(IngestError, match="NUL characters"):
        decode_bytes(data)


@pytest.mark.parametrize(
    "data", [b"", b"   \n\r\n\t", codecs.BOM_UTF8, codecs.BOM_UTF16_LE + " \n".encode("utf-16-le")]
)
def test_empty_files_are_reported_as_empty(data):
    with pytest.raises(IngestError, match="the file is empty"):
        decode_bytes(data)


def test_control_character_soup_is_binary():
    with pytest.raises(IngestError, match="binary data"):
        decode_bytes(b"\x01\x02\x03\x04\x05\x06abc\x07\x08" * 20)


def test_read_limited_refuses_from_the_size_alone(tmp_path):
    big = tmp_path / "big.txt"
    with open(big, "wb") as f:
        f.truncate(5000)  # sparse: the size is there without the bytes
    with pytest.raises(IngestError, match=r"4.9 KB, above the import limit of 1.0 KB"):
        read_limited(big, 1024)
    assert len(read_limited(big, 5000)) == 5000


def test_stream_limit_catches_a_stream_longer_than_declared():
    with pytest.raises(IngestError, match="above the import limit"):
        read_stream_limited(io.BytesIO(b"x" * 11), 10)


@pytest.mark.parametrize(
    ("text", "n"),
    [("100MB", 100 * 1024**2), ("200m", 200 * 1024**2), ("1.5 GB", int(1.5 * 1024**3)), ("512k", 512 * 1024),
     ("4096", 4096)],
)
def test_parse_size(text, n):
    assert parse_size(text) == n


def test_parse_size_rejects_nonsense():
    with pytest.raises(ValueError, match="not a size"):
        parse_size("lots")


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ابتثجحخدذرزسشصضطظعغفقكلمنهوية ،.\n0123456789")), min_size=20),
       st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1256"]))
def test_round_trip_any_arabic_text_through_bom_encodings(text, codec):
    if not text.strip() or len(text.strip()) < 3:
        return
    data = text.encode(codec)
    if codec == "cp1256":
        # A code page has no signature; only long-enough Arabic is reliably detected.
        decoded = decode_bytes(data, "cp1256")
    else:
        decoded = decode_bytes(data)
    assert decoded.text == text


def test_stream_read_is_sized_by_the_expected_size_and_reads_on_when_it_grew():
    from annotations.ingest.decode import read_stream_limited

    assert read_stream_limited(io.BytesIO(b"12345"), 10, expected=5) == b"12345"
    assert read_stream_limited(io.BytesIO(b"12345678"), 10, expected=5) == b"12345678"  # grew after stat
    with pytest.raises(IngestError, match="above the import limit|too large|larger"):
        read_stream_limited(io.BytesIO(b"x" * 20), 10, expected=5)  # grew past the limit
    assert read_stream_limited(io.BytesIO(b"abc"), 10, expected=7) == b"abc"  # shrank after stat


def test_windows_arabic_is_told_at_once_and_agrees_with_the_detector():
    import charset_normalizer

    from annotations.ingest.decode import _windows_arabic

    sites = Path(__file__).parent / "data" / "sites"
    for txt in sorted(sites.glob("*/0[12].txt")):
        data = txt.read_text(encoding="utf-8").replace("℃", "C").encode("cp1256", errors="replace")
        fast = _windows_arabic(data)
        best = charset_normalizer.from_bytes(data).best()
        assert fast is not None and codecs.lookup(best.encoding).name == "cp1256" and fast == str(best), txt
        decoded = decode_bytes(data)
        assert (decoded.text, decoded.encoding) == (fast, "cp1256")
    # ISO-8859-6 reads as Windows-1256 with Latin letters where its ه و ى ي are: the detector decides
    assert _windows_arabic(ARTICLE.encode("iso-8859-6")) is None
    others = {"cp1252": "Le ministre a annoncé une réforme économique très attendue à Paris. ",
              "cp1251": "Министр объявил о долгожданной экономической реформе в Москве. ",
              "cp1255": "השר הודיע היום על רפורמה כלכלית שהייתה צפויה זמן רב. ",
              "cp1253": "Ο υπουργός ανακοίνωσε σήμερα μια οικονομική μεταρρύθμιση. ",
              "koi8_r": "Министр объявил о долгожданной экономической реформе. "}
    for codec, text in others.items():
        assert _windows_arabic((text * 5).encode(codec)) is None, codec
    assert _windows_arabic("عربي".encode("cp1256")) is None  # too little to tell: the detector decides
