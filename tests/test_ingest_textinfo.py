"""Base direction, language guess and invisible-character counts (annotations.ingest.textinfo)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from annotations.ingest.textinfo import (
    SAMPLE_CHARS,
    base_direction,
    guess_language,
    invisible_counts,
    invisible_warning,
)

ARABIC = "شهدت إسطنبول اجتماعاً بين ممثلي الاتحاد الأوروبي والولايات المتحدة وروسيا بشأن صراع المنطقة."


@pytest.mark.parametrize("first_line", ["CNN - Istanbul", "2023", "- ℃ 11", "«", "Politico: report"])
def test_latin_or_neutral_first_line_does_not_flip_an_arabic_article(first_line):
    text = f"{first_line}\n{ARABIC}\n{ARABIC}"
    assert base_direction(text) == "rtl"


def test_english_article_is_ltr():
    assert base_direction("Russia confirms talks.\nThe meeting was held in Istanbul last month.") == "ltr"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (ARABIC, "ar"),
        ("وزیر امور خارجه ایران گفت که گفتگوها با کشورهای اروپایی ادامه پیدا می‌کند و چیزی تغییر نکرده است.", "fa"),
        ("پاکستان کے وزیر اعظم نے کہا کہ ملک میں بڑی تبدیلیاں آئیں گی اور ہم سب مل کر کام کریں گے۔", "ur"),
        ("ראש הממשלה אמר היום כי השיחות יימשכו בשבוע הבא בירושלים.", "he"),
        ("The prime minister said talks would continue next week.", "other"),
    ],
)
def test_language_guess(text, lang):
    assert guess_language(text) == lang


def test_invisible_counts_and_warning():
    text = "\u202eنص مقلوب\u202c و\u2067عبارة\u2069 و\u200bفاصل"
    counts = invisible_counts(text)
    assert counts == {"PDF": 1, "PDI": 1, "RLI": 1, "RLO": 1, "ZWSP": 1}
    warning = invisible_warning(counts, "ar")
    assert "5 bidi control characters" in warning and "RLO ×1" in warning


def test_zwnj_is_normal_in_persian_but_reported_in_arabic():
    counts = invisible_counts("می\u200cشود")
    assert counts == {"ZWNJ": 1}
    assert invisible_warning(counts, "fa") is None
    assert "ZWNJ ×1" in invisible_warning(counts, "ar")


def test_clean_text_has_no_counts():
    assert invisible_counts(ARABIC) == {}


def _guess_reference(text: str) -> str:
    """The language guess counted the plain way: every letter of each script, no shortcuts."""
    text = text[:SAMPLE_CHARS]
    arabic = sum("\u0600" <= ch <= "\u06ff" for ch in text)
    hebrew = sum("\u0580" <= ch <= "\u05ff" for ch in text)
    latin = sum(ch.isascii() and ch.isalpha() for ch in text)
    if hebrew > arabic and hebrew > latin:
        return "he"
    if arabic == 0 or arabic < latin:
        return "other"
    urdu = sum(text.count(c) for c in "\u0679\u0688\u0691\u06ba\u06d2\u06be")
    persian = sum(text.count(c) for c in "\u067e\u0686\u0698\u06af\u06a9\u06cc")
    arabic_only = sum(text.count(c) for c in "\u0629\u064a\u0643\u0649")
    if urdu >= max(3, arabic // 200):
        return "ur"
    if persian > 2 * arabic_only and persian >= 3:
        return "fa"
    return "ar"


@given(st.lists(st.sampled_from(["كتاب", "ة", "پچژگکی", "ٹڈڑںےھ", "שלום", "news", "Ab", " ", "\n", "١٢", "🙂",
                                 "é"]), max_size=60).map("".join))
def test_language_guess_matches_plain_counting(text):
    assert guess_language(text) == _guess_reference(text)


def _direction_reference(text: str) -> str:
    """Every line votes, in order, weighted by its length (no early stop)."""
    from bidi import get_base_level

    rtl = ltr = 0
    for line in text.split("\n"):
        stripped = line.strip()
        letters = [i for i, ch in enumerate(stripped) if ch.isalpha()]
        if not letters:
            continue
        if get_base_level(stripped[letters[0]:letters[0] + 8]) == 1:
            rtl += len(stripped)
        else:
            ltr += len(stripped)
    return "rtl" if rtl > ltr else "ltr"


@given(st.lists(st.sampled_from(["قال", "CNN", "Istanbul", "2023", " ", "- ", "«", "\n", "\n", "שלום", "ب", "x"]),
                max_size=40).map("".join))
def test_direction_vote_matches_counting_every_line(text):
    assert base_direction(text) == _direction_reference(text)
