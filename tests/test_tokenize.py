"""Tokenizer and sentence splitter: Arabic punctuation, clitic splitting at span boundaries, whole-token mode."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from annotations.tokenize import tokenize_document, word_tokens

CLITICS = "زار الوفد بإسطنبول، وروسيا، لأوكرانيا."


def texts(doc, a, b):
    return [doc.token_text(k) for k in range(a, b)]


def spans_of(text, *words):
    return [(text.index(w), text.index(w) + len(w)) for w in words]


def test_arabic_punctuation_is_split_off():
    t = "هل زار الوفد بغداد؟ نعم، وزار دمشق؛ ثم عاد."
    assert [t[s:e] for s, e in word_tokens(t)] == [
        "هل", "زار", "الوفد", "بغداد", "؟", "نعم", "،", "وزار", "دمشق", "؛", "ثم", "عاد", "."]


def test_diacritics_tatweel_numbers_and_quotes():
    t = "عُقِدَ الاجتمـــاع في 3.5 “قره باغ” 2023،"
    assert [t[s:e] for s, e in word_tokens(t)] == [
        "عُقِدَ", "الاجتمـــاع", "في", "3.5", "“", "قره", "باغ", "”", "2023", "،"]


def test_split_mode_cuts_clitics_at_span_boundaries():
    spans = spans_of(CLITICS, "إسطنبول", "روسيا", "أوكرانيا")
    doc = tokenize_document(CLITICS, spans, "split")
    assert texts(doc, 0, len(doc.tokens)) == [
        "زار", "الوفد", "ب", "إسطنبول", "،", "و", "روسيا", "،", "ل", "أوكرانيا", "."]
    assert [texts(doc, *r) for r in doc.span_tokens] == [["إسطنبول"], ["روسيا"], ["أوكرانيا"]]
    assert doc.moved == []


def test_keep_mode_widens_to_whole_tokens_and_counts_moves():
    spans = spans_of(CLITICS, "إسطنبول", "روسيا", "أوكرانيا")
    doc = tokenize_document(CLITICS, spans, "keep")
    assert [texts(doc, *r) for r in doc.span_tokens] == [["بإسطنبول"], ["وروسيا"], ["لأوكرانيا"]]
    assert doc.moved_boundaries == 3
    assert [(m.new_start, m.new_end) for m in doc.moved][0] == spans_of(CLITICS, "بإسطنبول")[0]


def test_sentences_split_on_terminators_and_newlines_but_never_inside_a_span():
    t = "وصل الوفد. هل عاد؟ نعم! قال...\nسطر جديد"
    doc = tokenize_document(t)
    assert [" ".join(texts(doc, a, b)) for a, b in doc.sentences] == [
        "وصل الوفد .", "هل عاد ؟", "نعم !", "قال . . .", "سطر جديد"]
    inside = tokenize_document(t, [spans_of(t, "الوفد. هل")[0]])
    assert " ".join(texts(inside, *inside.sentences[0])) == "وصل الوفد . هل عاد ؟"
    whole = tokenize_document(t, sentences=False)
    assert whole.sentences == [(0, len(whole.tokens))]


def test_whitespace_mode_keeps_tokens_and_lines():
    t = "للانقسام؛ إذ\nكان U.S. هنا"
    doc = tokenize_document(t, whitespace=True)
    assert [texts(doc, a, b) for a, b in doc.sentences] == [["للانقسام؛", "إذ"], ["كان", "U.S.", "هنا"]]


words = st.sampled_from(["بإسطنبول", "وروسيا", "قال", "،", "؟", "الوفد", "3.5", "“قره", "باغ”", "عُقد", "🙂"])


@st.composite
def doc_and_spans(draw):
    text = draw(st.lists(words, min_size=1, max_size=12).map(" ".join))
    n = len(text)
    spans = []
    for _ in range(draw(st.integers(0, 4))):
        s = draw(st.integers(0, n - 1))
        e = draw(st.integers(s + 1, n))
        if text[s:e].strip():
            spans.append((s, e))
    return text, spans


@given(doc_and_spans(), st.sampled_from(["split", "keep"]))
def test_tokens_cover_text_and_align_spans(case, mode):
    text, spans = case
    doc = tokenize_document(text, spans, mode)
    # tokens are in order, do not overlap, and cover every non-space character
    covered = set()
    prev = 0
    for s, e in doc.tokens:
        assert prev <= s < e
        prev = e
        covered.update(range(s, e))
    assert covered == {i for i, c in enumerate(text) if not c.isspace()}
    # sentences partition the tokens
    assert [k for a, b in doc.sentences for k in range(a, b)] == list(range(len(doc.tokens)))
    for (s, e), r in zip(spans, doc.span_tokens, strict=True):
        assert r is not None
        ts, te = doc.tokens[r[0]][0], doc.tokens[r[1] - 1][1]
        if mode == "split":
            # every span boundary is a token boundary (up to surrounding spaces)
            assert text[s:e].strip() == text[ts:te]
        else:
            assert ts <= s + (len(text[s:e]) - len(text[s:e].lstrip())) and te >= e - (len(text[s:e]) -
                                                                                     len(text[s:e].rstrip()))
