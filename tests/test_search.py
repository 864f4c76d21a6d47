"""Tests for annotations.search: Arabic normalisation and exact mapping of matches to original offsets."""

from __future__ import annotations

from types import SimpleNamespace

from hypothesis import given
from hypothesis import strategies as st

from annotations.search import Normalized, find_all, hits_in, normalize, search_documents

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


@given(ARABICISH)
def test_normalized_slices_map_back_exactly(text):
    norm = Normalized.of(text)
    assert norm.text == normalize(text)
    n = len(norm.text)
    for a in range(n + 1):
        for b in range(a + 1, min(n, a + 6) + 1):
            start, end = norm.to_original(a, b)
            assert 0 <= start < end <= len(text)
            assert normalize(text[start:end]) == norm.text[a:b]


@given(ARABICISH, st.integers(0, 59), st.integers(1, 8))
def test_every_found_match_normalises_to_the_query(text, at, size):
    query = text[at:at + size]
    for start, end in find_all(text, query):
        assert normalize(text[start:end]) == normalize(query)
    if normalize(query):
        assert find_all(text, query), "a substring of the text must be found"


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
