"""Tests for annotations.search: Arabic normalisation and exact mapping of matches to original offsets."""

from __future__ import annotations

import unicodedata
from types import SimpleNamespace

import regex
from hypothesis import example, given, settings
from hypothesis import strategies as st

from annotations.search import DIACRITICS, TATWEEL, Normalized, find_all, hits_in, normalize, search_documents

# Letters, the variants search folds, diacritics, tatweel, Latin, digits and separators.
ARABICISH = st.text(
    alphabet=st.sampled_from(
        list("ابتسطنولمكيهىةأإآٱءئؤ") + [chr(c) for c in range(0x064B, 0x0653)]
        + ["\u0670", "\u0640", "ی", "ک", "٣", "۴", "3", " ", "\n", "A", "a", "ß", "İ", "😀", "\u200f"]
    ),
    max_size=60,
)


def test_diacritics_tatweel_and_letter_variants_are_ignored():
    text = "شَهِدَت إسْطَنْبُولُ اجتمـــاعاً في مدينةٍ كبرى"
    assert find_all(text, "اسطنبول") == [(text.index("إسْطَنْبُولُ"), text.index("إسْطَنْبُولُ") + 12)]
    assert text[slice(*find_all(text, "اجتماعا")[0])].startswith("اجتمـــاعا")
    assert text[slice(*find_all(text, "مدينه")[0])] == "مدينةٍ"
    assert text[slice(*find_all(text, "كبري")[0])] == "كبرى"


def test_query_diacritics_are_ignored_too():
    assert find_all("قال بيسكوف", "بِيسْكُوف") == [(4, 10)]


def test_digits_and_case_fold():
    text = "في عام ٢٠٢٣ و۲۰۲۴ قالت CNN"
    assert [text[s:e] for s, e in find_all(text, "2023")] == ["٢٠٢٣"]
    assert [text[s:e] for s, e in find_all(text, "2024")] == ["۲۰۲۴"]
    assert [text[s:e] for s, e in find_all(text, "cnn")] == ["CNN"]


def test_whole_word():
    text = "بإسطنبول وإسطنبول إسطنبول"
    assert find_all(text, "اسطنبول", whole_word=True) == [(18, 25)]
    assert len(find_all(text, "اسطنبول")) == 3


def test_empty_query_finds_nothing():
    assert find_all("نص", "") == []
    assert find_all("نص", "\u064e") == []


def test_non_bmp_offsets_are_code_points():
    text = "😀 إسطنبول"
    assert find_all(text, "اسطنبول") == [(2, 9)]


# The forms search must see through: NFD letters (أ إ آ ؤ ئ as letter + mark), presentation forms
# (lam-alef ligatures, isolated/final/initial letters, ﷲ), spaces of every kind, joiners and bidi controls.
FOLDED_AWAY = ([unicodedata.normalize("NFD", c) for c in "أإآؤئ"] + list("ﻻﻼﻷﻹﻵﺍﺎﺑﺒﻟﻠﺇﻩﺓﷲﹰﹷ")
               + ["\u00a0", "\u202f", "\u2003", "\t", "\u200c", "\u200d", "\u200f", "\u200e", "\u2067", "\u2069",
                  "\u00ad", "\ufe0f", "لا", "ال", "  "])
FOLDABLE = st.lists(st.one_of(st.sampled_from(FOLDED_AWAY), ARABICISH.map(lambda t: t[:3])), max_size=20).map("".join)


def edges_of(text):
    """Grapheme-cluster edges of ``text`` (its start, every cluster end)."""
    return [0] + [m.end() for m in regex.finditer(r"\X", text)]


@given(st.one_of(ARABICISH, FOLDABLE))
def test_normalized_slices_map_back_exactly(text):
    norm = Normalized.of(text)
    assert norm.text == normalize(text)
    n = len(norm.text)
    for a in range(n + 1):
        for b in range(a + 1, min(n, a + 6) + 1):
            span = norm.to_original(a, b)
            if span is None:  # the range cuts a unit: lam or alef of ﻻ, part of what ﷲ stands for
                continue
            start, end = span
            assert 0 <= start < end <= len(text)
            assert normalize(text[start:end]) == norm.text[a:b]


def reference_find_all(text, query):
    """Plain search: the leftmost cluster edge from which the text shows the query, slice by slice.

    A match starts on a cluster that shows in the folded text (not one that is ignored, not a repeated
    space) and ends on the first cluster edge where the slice folds to the query, then takes the
    diacritics and tatweels that follow.
    """
    needle = normalize(query)
    if not needle:
        return []
    edges = edges_of(text)
    shown = [len(normalize(text[:e])) for e in edges]
    found, taken = [], 0
    for k in range(len(edges) - 1):
        start = edges[k]
        if start < taken or shown[k + 1] == shown[k]:
            continue
        for m in range(k + 1, len(edges)):
            if normalize(text[start:edges[m]]) == needle:
                while m + 1 < len(edges) and all(c in DIACRITICS or c == TATWEEL for c in text[edges[m]:edges[m + 1]]):
                    m += 1
                found.append((start, edges[m]))
                taken = edges[m]
                break
    return found


@settings(max_examples=300)
@example("ﻻ لا", "لا", 0, 1)
@example("ﻻا", "اا", 0, 1)  # the match that cuts ﻻ hides the one right after it
@example("x a   a y", " a ", 0, 1)
@example("ﻻـــَ \u200fـ لاـ", "لا", 0, 1)  # tatweels after a ligature go with it; not after an RLM
@given(st.one_of(ARABICISH, FOLDABLE), st.one_of(ARABICISH, FOLDABLE).map(lambda q: q[:6]), st.integers(0, 59),
       st.integers(1, 8))
def test_folded_search_equals_a_plain_reference(text, query, at, size):
    if at < len(text) and not query:
        query = text[at:at + size]  # often a piece of the text itself
    found = find_all(text, query)
    for start, end in found + find_all(text, query, whole_word=True):
        assert normalize(text[start:end]) == normalize(query)
    assert found == reference_find_all(text, query)


@given(st.one_of(ARABICISH, FOLDABLE), st.integers(0, 59), st.integers(1, 8))
def test_every_found_match_normalises_to_the_query(text, at, size):
    query = text[at:at + size]
    for start, end in find_all(text, query):
        assert normalize(text[start:end]) == normalize(query)
    edges = edges_of(text)
    if normalize(query) and at in edges and min(at + size, len(text)) in edges:
        assert find_all(text, query), "whole clusters of the text must be found"


ARTICLE = "شهدت إسطنبول اجتماعاً بين ممثلي الاتحاد الأوروبي وروسيا، ولا تعليق."


def test_an_article_stored_in_nfd_is_found_and_mapped_exactly():
    nfd = unicodedata.normalize("NFD", ARTICLE)
    assert len(nfd) > len(ARTICLE)  # أ and إ are two code points each
    for word, query in (("إسطنبول", "اسطنبول"), ("إسطنبول", "إسطنبول"), ("الأوروبي", "الأوروبي"),
                        ("الأوروبي", unicodedata.normalize("NFD", "الأوروبي")), ("ولا", "ولا")):
        [(start, end)] = find_all(nfd, query)
        assert unicodedata.normalize("NFC", nfd[start:end]) == word
    # and an NFD query finds the NFC article
    at = ARTICLE.index("الأوروبي")
    assert find_all(ARTICLE, unicodedata.normalize("NFD", "الأوروبي")) == [(at, at + 8)]


def test_nbsp_and_other_spaces_match_a_space():
    text = "مدينة\u00a0إسطنبول و مدينة\u202fإسطنبول ومدينة  \nإسطنبول"
    found = find_all(text, "مدينة إسطنبول")
    assert [text[s:e] for s, e in found] == ["مدينة\u00a0إسطنبول", "مدينة\u202fإسطنبول", "مدينة  \nإسطنبول"]
    assert find_all("قره باغ", "قره\u00a0باغ") == [(0, 7)]


def test_joiners_and_bidi_controls_inside_a_word_are_ignored():
    text = "مي\u200cخواهم و\u200fإسطن\u200dبول"
    assert [text[s:e] for s, e in find_all(text, "ميخواهم")] == ["مي\u200cخواهم"]
    assert [text[s:e] for s, e in find_all(text, "إسطنبول")] == ["إسطن\u200dبول"]
    assert find_all(text, "\u200c") == []  # an invisible query is no query


def test_lam_alef_presentation_forms_are_their_letters():
    text = "\ufefb تعليق و\ufef7\ufee3\ufeae"  # ﻻ تعليق وﻷﻣﺮ
    assert [text[s:e] for s, e in find_all(text, "لا")] == ["\ufefb", "\ufef7"]  # ﻷ is لأ, and أ folds to ا
    assert [text[s:e] for s, e in find_all(text, "لامر")] == ["\ufef7\ufee3\ufeae"]
    assert [text[s:e] for s, e in find_all(text, "ولأمر")] == ["و\ufef7\ufee3\ufeae"]
    assert find_all("لا تعليق", "\ufefb") == [(0, 2)]
    # half a ligature is never a match: the original slice would show the other half too
    assert find_all(text, "ل") == [(text.index("ل"), text.index("ل") + 1)]  # the ل of تعليق only
    assert find_all("\ufefbا", "اا") == []


def test_a_match_never_cuts_a_grapheme_cluster():
    text = "x\u0301 x e\u0301"
    assert find_all(text, "x") == [(3, 4)]
    assert find_all(text, "é") == [(5, 7)]


def test_search_documents_across_a_corpus():
    docs = [
        SimpleNamespace(id="a", title="أ", text="لا شيء هنا"),
        SimpleNamespace(id="b", title="ب", text="سطر أول\nزار الوفد إسطنبولَ أمس\nسطر"),
    ]
    hits = list(search_documents(docs, "اسطنبول"))
    assert [(h.doc_id, h.match) for h in hits] == [("b", "إسطنبولَ")]
    assert hits[0].before == "زار الوفد " and hits[0].after == " أمس"
    assert docs[1].text[hits[0].start:hits[0].end] == "إسطنبولَ"
    many = hits_in("c", None, "ب ب ب", "ب")
    assert len(many) == 3
    assert len(list(search_documents([SimpleNamespace(id="c", title=None, text="ب ب ب")], "ب", limit=2))) == 2
