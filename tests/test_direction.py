"""Tests for annotations.direction: dir=auto per paragraph, settled by the document direction."""

from __future__ import annotations

from bidi import get_base_level

from annotations.direction import document_direction, paragraph_direction, scan_strong

PURE = ["شهدت إسطنبول اجتماعاً", "Hakan Fidan said", "«قال» 2023", "(UN) report"]


def test_pure_lines_follow_first_strong_like_python_bidi():
    for line in PURE:
        expected = "rtl" if get_base_level(line) == 1 else "ltr"
        assert paragraph_direction(line, "ltr") == expected
        assert paragraph_direction(line, "rtl") == expected


def test_neutral_and_latin_led_lines_take_the_document_direction():
    assert paragraph_direction("- ℃ 11 تركيا", "rtl") == "rtl"  # first strong is Arabic anyway
    assert paragraph_direction("- 17.09.2023, 14:30", "rtl") == "rtl"
    assert paragraph_direction("- 17.09.2023, 14:30", "ltr") == "ltr"
    assert paragraph_direction("CNN: قال المتحدث", "rtl") == "rtl"
    assert paragraph_direction("CNN: قال المتحدث", "ltr") == "ltr"


def test_isolates_are_skipped_for_first_strong():
    assert scan_strong("\u2066Fidan\u2069 قال")[0] == "rtl"
    assert paragraph_direction("\u2066Fidan\u2069 قال", "ltr") == "rtl"


def test_override_and_document_direction():
    assert paragraph_direction("Hakan Fidan", "rtl", override="rtl") == "rtl"
    assert paragraph_direction("قال", "rtl", override="ltr") == "ltr"
    assert document_direction("Hello world قال", {"direction": "RTL"}) == "rtl"
    assert document_direction("Hello world قال") == "ltr"
    assert document_direction("قال Hi") == "rtl"
    assert document_direction("2023") == "rtl"
