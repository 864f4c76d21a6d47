"""The fast clitic split of the ``atb`` and ``conllu`` schemes gives what the rules (``atb_cuts``,
``clitic_boundaries``) give, word by word and document by document."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotations.clitics import clitic_boundaries, enclitic_boundaries
from annotations.token_schemes import (
    MARKER,
    NOT_CLITIC_WORDS,
    _cuts_table,
    _edge_kind,
    _is_article_end,
    _word_cuts,
    atb_cuts,
    tokenize,
)
from annotations.tokenize import whitespace_tokens, word_tokens

# the pieces words are made of: proclitic letters, the article, pronoun endings, letters that are
# none of these, words the rules must not cut, marks, tatweel, the superscript alef, Latin, digits
_PIECES = [*"وفبكلساهمنيتأدرة", "ال", "لل", "ها", "هم", "هما", "كم", "كما", "نا", "هن", "ني",
           "\u064e", "\u0651", "\u0640", "\u0670", "a", "3", "في", "بين", "لبنان", "كان", "سنة", "الله"]
_SETTINGS = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _kind(word, b):
    """What the rules cut at a span edge ``b`` into ``word`` (``None``: no clitic boundary)."""
    if b not in clitic_boundaries(word):
        return None
    return "art" if _is_article_end(word, b) else ("enc" if b in enclitic_boundaries(word) else "pro")


@_SETTINGS
@given(parts=st.lists(st.sampled_from(_PIECES), min_size=1, max_size=8))
def test_each_word_is_cut_as_atb_cuts_says(parts):
    word = "".join(parts)
    expected = tuple(sorted(atb_cuts(word).items()))
    assert _word_cuts(word) == expected
    assert _cuts_table([word, "،", word]).get(word, ()) == expected
    for b in range(len(word) + 1):  # what a span edge at each offset would cut
        assert _edge_kind(word, b) == _kind(word, b), b


def test_the_plain_rules_on_words_of_the_news():
    # one of each case the plain-letter rules distinguish, against the general rules
    words = ["وبالقاهرة", "والكتاب", "وللمدينة", "للمدينة", "بالله", "كالعادة", "كتابهما", "وكتابهم", "بيتهم",
             "سيعودون", "وسيعود", "فسنرى", "وكالة", "ولبنان", "لبنانهم", "الكتابه", "اكتابه", "وبكتابه", "فيه",
             "والمدينتين", "بكتابها", "ككتاب", "وكالعادة", "ولكتابنا", "كتاله", "الها", *NOT_CLITIC_WORDS]
    for w in words:
        assert _word_cuts(w) == tuple(sorted(atb_cuts(w).items())), w
        for b in range(1, len(w)):
            assert _edge_kind(w, b) == _kind(w, b), (w, b)


def _reference(text, spans, scheme, whitespace=False):
    """The clitic split word by word, as the rules state it: every ATB cut of every token, plus a
    span edge on another clitic boundary of its token; ``+`` markers or multi-word tokens."""
    tokens = whitespace_tokens(text) if whitespace else word_tokens(text)
    kinds = {}
    for s, e in tokens:
        for b, kind in atb_cuts(text[s:e]).items():
            kinds[s + b] = kind
    split_out_at = set()
    for p in {x for span in spans for x in span}:
        inside = [(s, e) for s, e in tokens if s < p < e]
        if inside and p not in kinds:
            s, e = inside[0]
            w, b = text[s:e], p - s
            if _kind(w, b) is not None:
                kinds[p] = _kind(w, b)
                split_out_at.add(p)
    pieces, owner = [], []
    for n, (s, e) in enumerate(tokens):
        inner = sorted(c for c in kinds if s < c < e)
        for a, b in zip([s, *inner], [*inner, e], strict=True):
            pieces.append((a, b))
            owner.append(n)
    words = [text[a:b] for a, b in pieces]
    surface = []
    if scheme == "atb":
        for i, (a, b) in enumerate(pieces):
            if kinds.get(b) in ("pro", "art") and i + 1 < len(pieces) and owner[i + 1] == owner[i]:
                words[i] += MARKER
            if kinds.get(a) == "enc" and i > 0 and owner[i - 1] == owner[i]:
                words[i] = MARKER + words[i]
    else:
        for n in sorted(set(owner)):
            at = [i for i, o in enumerate(owner) if o == n]
            if len(at) > 1:
                surface.append((at[0], at[-1] + 1))
    split_out = [k for k, (s, e) in enumerate(spans) if s in split_out_at or e in split_out_at]
    return pieces, words, surface, split_out


_TEXT = [*_PIECES, " ", " ", " ", "\n", ".", "،", "ةً", "بـ"]


@_SETTINGS
@given(parts=st.lists(st.sampled_from(_TEXT), max_size=40), cuts=st.lists(st.integers(0, 90), max_size=8),
       scheme=st.sampled_from(["atb", "conllu"]), whitespace=st.booleans())
def test_a_document_is_split_as_word_by_word(parts, cuts, scheme, whitespace):
    text = "".join(parts)
    edges = sorted(c for c in cuts if c <= len(text))
    spans = [(a, b) for a, b in zip(edges[::2], edges[1::2], strict=False) if a < b]
    d = tokenize(text, spans, scheme, whitespace=whitespace)
    pieces, words, surface, split_out = _reference(text, spans, scheme, whitespace)
    assert list(zip(d.starts, d.ends, strict=True)) == pieces
    assert d.words == words
    assert d.surface == surface
    assert d.split_out == split_out
