"""Tests for annotations.clitics: proclitic-aware span offers and word-boundary snapping."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from annotations.clitics import (
    clitic_boundaries,
    enclitic_boundaries,
    is_word_char,
    proclitic_boundaries,
    snap_selection,
    split_proclitics,
    suggest_span,
    word_at,
)


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
    text = "قال ديسكوف، الأربعاء"
    i = text.index("يسك")
    assert snap_selection(text, i, i + 2) == (4, 10)
    assert snap_selection(text, 3, 11) == (4, 11)  # whitespace trimmed, comma kept as selected
    assert word_at(text, 5) == (4, 10)
    assert snap_selection(text, 5, 5) == (4, 10)
    assert word_at("  ", 1) == (1, 1)


def _cut(text, start, end):
    s, e = snap_selection(text, start, end)
    return text[s:e]


def test_a_cut_after_a_proclitic_is_kept():
    text = "اجتمعوا بإسطنبول أمس"
    i = text.index("إسطنبول")
    assert _cut(text, i, i + 7) == "إسطنبول"  # was widened to بإسطنبول
    for word, stem in [("وموسكو", "موسكو"), ("فموسكو", "موسكو"), ("كموسكو", "موسكو"), ("لموسكو", "موسكو"),
                       ("سيقول", "يقول"), ("الكرملين", "كرملين"), ("للمدينة", "مدينة"), ("للمدينة", "لمدينة"),
                       ("وبالعاصمة", "عاصمة"), ("وبالعاصمة", "العاصمة"), ("وَبِموسكو", "موسكو")]:
        text = f"في {word} أمس"
        i = text.index(word) + len(word) - len(stem)
        assert _cut(text, i, i + len(stem)) == stem, (word, stem)


def test_a_cut_before_an_enclitic_pronoun_is_kept():
    for word, stem in [("كتابهم", "كتاب"), ("كتابها", "كتاب"), ("كتابُهُ", "كتابُ"), ("ممثلي", "ممثل"),
                       ("بيتنا", "بيت"), ("كتابكما", "كتاب")]:
        text = f"قرأ {word} اليوم"
        i = text.index(word)
        assert _cut(text, i, i + len(stem)) == stem, (word, stem)


def test_any_other_cut_inside_a_word_snaps_to_the_word_edge():
    text = "عقد اجتماعاً أمس"
    i = text.index("اجتماعاً")
    assert _cut(text, i + 1, i + 8) == "اجتماعاً"  # the trigger that lost its alef
    assert _cut(text, i, i + 5) == "اجتماعاً"
    text = "زار سوريا وقال Hakan Fidan"
    assert _cut(text, text.index("وريا"), text.index("وريا") + 4) == "سوريا"  # س not before a verb prefix
    assert _cut(text, text.index("kan"), text.index("Fid") + 2) == "Hakan Fidan"  # Latin words: no clitics
    assert _cut(text, text.index("قال"), text.index("akan") + 2) == "قال Hakan"
    assert _cut(text, text.index("وقال") + 1, text.index("Hakan")) == "قال"


def test_boundaries_leave_a_stem_and_only_apply_to_arabic():
    assert proclitic_boundaries("بل") == frozenset()
    assert enclitic_boundaries("هي") == frozenset()
    assert clitic_boundaries("Kiev") == frozenset()
    assert clitic_boundaries("بإسطنبول") == {1}
    assert clitic_boundaries("وبالعاصمة") == {1, 2, 4}


@given(st.text(alphabet="وبكلفالسيهمنا إسطنبولَ،.K", max_size=30), st.integers(0, 30), st.integers(0, 30))
def test_an_edge_moves_only_out_to_its_word_edge_unless_on_a_clitic_boundary(text, a, b):
    a, b = sorted((min(a, len(text)), min(b, len(text))))
    if not text[a:b].strip():
        return
    a += len(text[a:b]) - len(text[a:b].lstrip())
    b -= len(text[a:b]) - len(text[a:b].rstrip())
    s, e = snap_selection(text, a, b)
    for edge, new in ((a, s), (b, e)):
        w_start, w_end = word_at(text, edge)
        inside = 0 < edge < len(text) and is_word_char(text[edge - 1]) and is_word_char(text[edge])
        if not inside:
            assert new == edge
        elif edge - w_start in clitic_boundaries(text[w_start:w_end]):
            assert new == edge
        else:
            assert new == (w_start if edge == a else w_end)
    assert snap_selection(text, s, e) == (s, e)  # the stored range is stable: snapping it again changes nothing


@given(st.text(alphabet="وبكلفال إسطنبولَ،.", max_size=30), st.integers(0, 30), st.integers(0, 30))
def test_snapping_contains_the_trimmed_selection(text, a, b):
    a, b = sorted((min(a, len(text)), min(b, len(text))))
    s, e = snap_selection(text, a, b)
    assert 0 <= s <= e <= len(text)
    if text[a:b].strip():
        assert s <= a + (len(text[a:b]) - len(text[a:b].lstrip()))
        assert e >= b - (len(text[a:b]) - len(text[a:b].rstrip()))
    offer = suggest_span(text, s, e) if s < e else None
    if offer is not None:
        assert s < offer[0] < offer[1] == e
