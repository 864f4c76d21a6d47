"""Tokenizer and sentence splitter: Arabic punctuation, clitic splitting at span boundaries, whole-token mode."""

from __future__ import annotations

import re
import unicodedata

import regex
from hypothesis import example, given, settings
from hypothesis import strategies as st

from annotations.invisible import DEFAULT_IGNORABLE_RANGES, INVISIBLE
from annotations.tokenize import (
    _COMMON_LETTER,
    _COMMON_WORD,
    _TOKEN,
    SENTENCE_END,
    tokenize_document,
    whitespace_tokens,
    word_tokens,
)

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


def test_long_trailing_whitespace_is_read_once():
    # each start position in trailing whitespace would rescan it to the end: 200,000 blank characters
    # would then take minutes instead of milliseconds
    t = "قال الوفد." + " \n" * 100_000
    doc = tokenize_document(t, [(4, 9)])
    assert doc.words == ["قال", "الوفد", "."]
    assert doc.sentences == [(0, 3)]
    assert doc.span_tokens == [(1, 2)]


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


# --- the optimised tokenizer against a plain reference -------------------------------------------
# The tokenizer derives offsets from running lengths, cuts tokens in place and finds sentence
# candidates with one character class; this reference does each step the obvious way (a regex search
# per token, every token cut at every boundary inside it, every gap between tokens looked at).
def mended(text, tokens):
    """Tokens widened, one character at a time, to whole grapheme clusters (never over a space),
    merged when they then share a cluster, and without those that are only invisible characters."""
    edges = cluster_edges(text)
    out = []
    for s, e in tokens:
        while s not in edges and not text[s - 1].isspace():
            s -= 1
        while e not in edges and not text[e].isspace():
            e += 1
        if out and s < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return [(s, e) for s, e in out if not all(c in INVISIBLE for c in text[s:e])]


def reference(text, spans, clitics, sentences, whitespace):
    pattern = r"\S+" if whitespace else _TOKEN
    tokens = [m.span() for m in re.finditer(pattern, text)]
    if not whitespace:
        tokens = mended(text, tokens)
    if clitics == "split":
        cuts = {o for se in spans for o in se}
        cut = []
        for s, e in tokens:
            for c in sorted(c for c in cuts if s < c < e):
                cut.append((s, c))
                s = c
            cut.append((s, e))
        tokens = cut
    n = len(tokens)
    span_tokens, moved = [], []
    for k, (s, e) in enumerate(spans):
        touched = [t for t, (ts, te) in enumerate(tokens) if te > s and ts < e]
        if not touched:
            span_tokens.append(None)
            continue
        i, j = touched[0], touched[-1] + 1
        span_tokens.append((i, j))
        if (tokens[i][0], tokens[j - 1][1]) != (s, e):
            moved.append((k, s, e, tokens[i][0], tokens[j - 1][1]))
    inside = {b for r in span_tokens if r for b in range(r[0] + 1, r[1])}
    bounds = []
    for b in range(1, n if sentences else 0):
        gap = text[tokens[b - 1][1] : tokens[b][0]]
        prev, here = (text[s:e] for s, e in tokens[b - 1 : b + 1])
        ends_line = "\n" in gap or "\r" in gap
        ends_sentence = not whitespace and prev in SENTENCE_END and here not in SENTENCE_END
        if (ends_line or ends_sentence) and b not in inside:
            bounds.append(b)
    edges = [0, *bounds, n] if n else []
    return tokens, list(zip(edges, edges[1:], strict=False)), span_tokens, moved


# every kind of whitespace Python knows (and re's \s agrees with str.isspace on all of them)
SPACES = [c for c in map(chr, range(0x3100)) if c.isspace()]
CHUNKS = ["بإسطنبول", "وروسيا", "عُقِدَ", "الاجتمـــاع", "U.S", "a_b", "3.5", "٣٫٥", "2,000", "🙂", "“", "”", "،", "-",
          ".", ".", "!", "?", "\u061f", "...", " ", " ", " ", "\n", "\r", "\r\n", "\n\n", "\t", "\u00a0", "\u2003"]
# what a regular expression of single characters gets wrong: emoji sequences, flags, keycaps, skin
# tones, Indic clusters, Hangul jamo, prepended marks, marks after spaces or digits, bidi controls
CLUSTERY = ["👨\u200d👩\u200d👧", "🏳️\u200d🌈", "🇸🇦", "🇪", "1\ufe0f\u20e3", "👍🏽", "❤\ufe0f", "नमस्ते", "क्षि",
            unicodedata.normalize("NFD", "한국"), "각\u11a8", "\u0600١٢", "\u064e", "\u0301", "\u200d", "\u200c",
            "\u200f", "\u200e", "\u2067", "\u2069", "\u202b", "\u00ad", "\u200b", "\ufeff", "\ufe0f", "\x01"]
texts_st = st.one_of(
    st.lists(st.sampled_from(CHUNKS), max_size=25).map("".join),
    st.lists(st.sampled_from(CHUNKS + CLUSTERY * 2), max_size=25).map("".join),
    st.text(st.sampled_from(list("بإسطنبولaZ_3٣٫٬,.!?\u061f\u064e\u0670\u200c🙂“") + SPACES), max_size=60),
    st.text(max_size=40),
)


@st.composite
def any_doc(draw):
    text = draw(texts_st)
    n = len(text)
    spans = draw(st.lists(st.tuples(st.integers(0, n), st.integers(0, n)).map(sorted).filter(lambda se: se[0] < se[1])
                          .map(tuple), max_size=8)) if n else []
    return text, spans


@settings(max_examples=400)
# a lone \r ends a line, "!!" ends the sentence once, three cuts in one word, a cut inside a number
@example(("قال\rوروسيا!! هل؟ بإسطنبول 3.5 ثم", [(5, 10), (18, 25), (19, 22), (27, 29)]),
         "split", True, False)
@example(("قال\r\nهل . . . نعم\n\nلا", [(2, 6)]), "keep", True, False)
@given(any_doc(), st.sampled_from(["split", "keep"]), st.booleans(), st.booleans())
def test_tokenizer_equals_the_plain_reference(case, clitics, sentences, whitespace):
    text, spans = case
    doc = tokenize_document(text, spans, clitics, sentences, whitespace)
    tokens, sents, span_tokens, moved = reference(text, spans, clitics, sentences, whitespace)
    assert doc.tokens == tokens
    assert doc.words == [text[s:e] for s, e in tokens]
    assert doc.sentences == sents
    assert doc.span_tokens == span_tokens
    assert [(m.index, m.start, m.end, m.new_start, m.new_end) for m in doc.moved] == moved
    assert (word_tokens if not whitespace else whitespace_tokens)(text) == reference(text, [], "keep", False,
                                                                                       whitespace)[0]


def cluster_edges(text):
    return {0, *(m.end() for m in regex.finditer(r"\X", text))}


@settings(max_examples=400)
@example("👨\u200d👩\u200d👧 \u200f🇸🇦 3.5\u0301")
@given(texts_st)
def test_no_token_is_invisible_and_none_cuts_a_grapheme_cluster(text):
    edges = cluster_edges(text)
    for s, e in word_tokens(text):
        assert not all(c in INVISIBLE for c in text[s:e]), f"invisible token {text[s:e]!r}"
        for edge in (s, e):
            # whitespace is never part of a token: only next to a space may a token edge be inside a
            # cluster (a mark that follows a space is in the space's cluster)
            assert edge in edges or text[edge - 1].isspace() or text[edge].isspace(), (
                f"token {text[s:e]!r} cuts a cluster at {edge}")


def test_an_emoji_zwj_sequence_flags_keycaps_and_skin_tones_are_one_token_each():
    t = "عائلة 👨\u200d👩\u200d👧 من 🇸🇦 رقم 1\ufe0f\u20e3 👍🏽 ❤\ufe0f!"
    assert [t[s:e] for s, e in word_tokens(t)] == [
        "عائلة", "👨\u200d👩\u200d👧", "من", "🇸🇦", "رقم", "1\ufe0f\u20e3", "👍🏽", "❤\ufe0f", "!"]


def test_marks_stay_with_the_character_they_sit_on():
    t = "3.5\u0301 नमस्ते ؟\u064e"
    assert [t[s:e] for s, e in word_tokens(t)] == ["3.5\u0301", "नमस्ते", "؟\u064e"]


def test_bidi_controls_and_zero_width_characters_are_not_tokens():
    t = "قال \u2067CNN\u2069 إن\u200f الكرملين\u200b\u200e وافق \u200d."
    assert [t[s:e] for s, e in word_tokens(t)] == ["قال", "CNN", "إن", "الكرملين", "وافق", "."]


def test_a_span_that_takes_in_a_bidi_control_tags_only_the_word():
    # an annotator's span over "\u200fالكرملين" once tagged the invisible RLM B-ORG and the word I-ORG
    t = "قال \u200fالكرملين إن"
    span = (t.index("\u200f"), t.index(" إن"))
    for mode in ("split", "keep"):
        doc = tokenize_document(t, [span], mode)
        assert doc.words == ["قال", "الكرملين", "إن"]
        assert [texts(doc, *r) for r in doc.span_tokens] == [["الكرملين"]]
    assert tokenize_document(t, [(t.index("\u200f"), t.index("\u200f") + 1)]).span_tokens == [None]


def test_conll_export_no_longer_tags_an_invisible_token(tmp_path):
    # the user-visible bug: IOB2 rows "\u200f B-ORG" / "الكرملين I-ORG", and an emoji family in 5 rows
    from annotations import Project
    from annotations.formats import export
    from annotations.formats.conll import INFO_COMMENT

    t = "قال \u200fالكرملين إن 👨\u200d👩\u200d👧 وصل."
    p = Project.memory()
    d = p.add_document(t, status="done")
    p.add_span(d, t.index("\u200f"), t.index(" إن"), "ORG")
    export(p, "conll", tmp_path / "x.conll")
    rows = [line.split(" ") for line in (tmp_path / "x.conll").read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith(("-DOCSTART-", INFO_COMMENT))]
    assert rows == [["قال", "O"], ["الكرملين", "B-ORG"], ["إن", "O"], ["👨\u200d👩\u200d👧", "O"], ["وصل", "O"],
                    [".", "O"]]


def test_whitespace_mode_keeps_imported_tokens_exactly():
    t = "\u200f 👨 \u200d"  # a token file's tokens come back as they were, whatever they are
    assert [t[s:e] for s, e in whitespace_tokens(t)] == ["\u200f", "👨", "\u200d"]


def test_invisible_table_is_unicodes_default_ignorable_property():
    listed = {c for a, b in DEFAULT_IGNORABLE_RANGES for c in range(a, b + 1)}
    every = "".join(map(chr, range(0x110000)))
    assert listed == {m.start() for m in regex.finditer(r"\p{Default_Ignorable_Code_Point}", every)}


def test_the_common_word_characters_listed_first_are_all_word_characters():
    """``_COMMON_WORD`` only speeds ``re`` up: every character it lists is ``\\w`` already, and no
    ``_COMMON_LETTER`` is a digit (a token starting with one is no number)."""
    common = re.compile(f"[{_COMMON_WORD}]")
    listed = [c for c in map(chr, range(0x10000)) if common.match(c)]
    assert len(listed) == 207 and all(re.match(r"\w", c) for c in listed)
    letters = [c for c in listed if re.match(f"[{_COMMON_LETTER}]", c)]
    assert len(letters) == 187 and not any(re.match(r"\d", c) for c in letters)
