"""Tests for annotations.clitics: proclitic-aware span offers and word-boundary snapping."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from annotations.clitics import snap_to_words, split_proclitics, suggest_span, word_at


def test_preposition_before_a_name():
    text = "اجتمعوا بإسطنبول أمس"
    start = text.index("بإسطنبول")
    assert suggest_span(text, start, start + 8) == (start + 1, start + 8)
    assert text[start + 1:start + 8] == "إسطنبول"


def test_conjunction_plus_preposition_with_diacritics():
    word = "وَبِموسكو"
    split = split_proclitics(word)
    assert split.prefixes == ("و", "ب")
    assert word[split.prefix_len:] == "موسكو"


def test_article_only_on_request_and_lil():
    assert split_proclitics("الكرملين").prefix_len == 0
    assert "الكرملين"[split_proclitics("الكرملين", strip_article=True).prefix_len:] == "كرملين"
    assert "للمدينة"[split_proclitics("للمدينة").prefix_len:] == "لمدينة"
    assert "للمدينة"[split_proclitics("للمدينة", strip_article=True).prefix_len:] == "مدينة"
    assert "وبالعاصمة"[split_proclitics("وبالعاصمة", strip_article=True).prefix_len:] == "عاصمة"


def test_short_words_are_not_cut():
    assert split_proclitics("بل").prefix_len == 0
    assert split_proclitics("وب").prefix_len == 0
    assert suggest_span("في بلد", 3, 5) is None  # stem "ل" would be too short


def test_no_offer_mid_word_or_without_clitic():
    text = "بإسطنبول"
    assert suggest_span(text, 1, 8) is None
    assert suggest_span("موسكو", 0, 5) is None
    assert suggest_span(text, 0, 1) is None


def test_word_snapping():
    text = "قال بيسكوف، الأربعاء"
    i = text.index("يسك")
    assert snap_to_words(text, i, i + 2) == (4, 10)
    assert snap_to_words(text, 3, 11) == (4, 11)  # whitespace trimmed, comma kept as selected
    assert word_at(text, 5) == (4, 10)
    assert snap_to_words(text, 5, 5) == (4, 10)
    assert word_at("  ", 1) == (1, 1)


@given(st.text(alphabet="وبكلفال إسطنبولَ،.", max_size=30), st.integers(0, 30), st.integers(0, 30))
def test_snapping_contains_the_trimmed_selection(text, a, b):
    a, b = sorted((min(a, len(text)), min(b, len(text))))
    s, e = snap_to_words(text, a, b)
    assert 0 <= s <= e <= len(text)
    if text[a:b].strip():
        assert s <= a + (len(text[a:b]) - len(text[a:b].lstrip()))
        assert e >= b - (len(text[a:b]) - len(text[a:b].rstrip()))
    offer = suggest_span(text, s, e) if s < e else None
    if offer is not None:
        assert s < offer[0] < offer[1] == e
