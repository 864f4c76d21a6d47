"""Named tokenisation schemes for token exports: the same character spans as each Arabic corpus cuts them.

Arabic NER corpora disagree on tokens; since spans are stored as characters, every scheme can be
written from the same annotations:

* ``whitespace``: words with their clitics attached, punctuation split (Wojood, ANERcorp, AQMAR:
  ``بالقاهرة B-GPE``). A span edge inside a word is **widened** to the word.
* ``proclitics``: the same words, cut where a span starts or ends inside one (``ب`` ``القاهرة``):
  the span is **kept** and the clitic split out. (The old ``--clitics split``.)
* ``atb``: the Penn Arabic Treebank's clitic split: the proclitics و ف ب ك ل س and the enclitic
  pronouns are always split, with ``+`` markers as the ATB writes them (``ب+ القاهرة``,
  ``كتاب +ه``); the article stays on its word (``القاهرة``) unless a span edge falls right after
  it, when it is split out as ``ال+``. Another edge inside a word widens the span.
* ``conllu``: the syntactic words of ``atb`` without markers, grouped under their surface word
  (a CoNLL-U multi-word token line for each clitic-glued word, as UD Arabic writes them).

Clitics are found by rule (``annotations.clitics``), without a lexicon: a word that merely begins
with one of those letters can be split too. The enclitics ``ي``/``ني``/``ك`` are never split
(nisba adjectives and words such as ``ذلك`` end with them far more often than a pronoun does),
and a word with the article takes no enclitic pronoun.

``tokenize`` returns a ``SchemeDoc``: a ``TokenizedDoc`` plus, per span, what happened to an edge
that fell inside a token (``widened`` or ``split_out``), so every export can say what each scheme cost.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import chain

from .clitics import ALEF, LAM, _is_mark, _letters, clitic_boundaries, enclitic_boundaries, proclitic_boundaries
from .tokenize import TokenizedDoc, tokenize_document, whitespace_tokens, word_tokens

SCHEMES = ("whitespace", "proclitics", "atb", "conllu")
ALIASES = {"keep": "whitespace", "split": "proclitics"}  # the old --clitics names
DEFAULT_SCHEME = "proclitics"
MARKER = "+"
KAF = "\u0643"
# enclitic pronouns the atb scheme splits (see the module docstring for the ones it leaves)
ATB_ENCLITICS = frozenset(("\u0647\u0645\u0627", "\u0643\u0645\u0627", "\u0647\u0645", "\u0647\u0646", "\u0647\u0627",
                           "\u0643\u0645", "\u0643\u0646", "\u0646\u0627", "\u0647"))
_ARTICLE_ENDS = ("\u0627\u0644", "\u0644\u0644")  # ال, and لل (ل + ال)
# letters a word must start with to have a proclitic, or end with to have a split enclitic
_PROCLITIC_HEADS = frozenset("\u0648\u0641\u0628\u0643\u0644\u0633")
_ENCLITIC_TAILS = frozenset("\u0647\u0627\u0645\u0646")
ATB_MIN_STEM = 3  # letters a stem keeps after an atb split (most Arabic stems have three or more)
# frequent news words that begin with a proclitic letter or end like a pronoun without having one
# (no lexicon: the rule would cut them); their clitic-led forms (وبين, لكنه) are still cut
NOT_CLITIC_WORDS = frozenset("""
في فيه فيها فقط فإن فإنه فوق فرنسا فريق فترة فلسطين فلسطيني فبراير بين بعد بعض بل بلد بلاد بلدة بريطانيا
بغداد بيروت بشكل بسبب لكن لم لن لا لقد ليس ليست لبنان لندن لجنة كان كانت كانوا كل كما كذلك كيف كلا
كبير كبيرة كلمة كتاب ولا وزير وزيرة وزارة وزراء وقت وكالة ولاية ولايات وفد وفاة وضع وطني وطنية وجود ولد
واشنطن وسط وقف سنة سنوات سوريا سياسة سياسي سيارة سلطة سبتمبر ساعة سعر سلام الله
""".split())


def scheme_name(name: str) -> str:
    """The canonical scheme for ``name`` (an old ``--clitics`` name is accepted).

    Raises:
        ValueError: for a name that is neither.
    """
    name = ALIASES.get(name, name)
    if name not in SCHEMES:
        raise ValueError(f"token scheme must be one of {', '.join(SCHEMES)} (or the old names "
                         f"{', '.join(ALIASES)}), not {name!r}")
    return name


@dataclass
class SchemeDoc(TokenizedDoc):
    """A ``TokenizedDoc`` under a named scheme.

    Attributes:
        scheme: the scheme's canonical name.
        split_out: indices of the spans with an edge inside a token that was kept by cutting the
            token there (the clitic split out).
        surface: for ``conllu``, ``(first, last_exclusive)`` token ranges of the surface words made of
            several syntactic words (the multi-word tokens); empty for the other schemes.
    """

    scheme: str = DEFAULT_SCHEME
    split_out: list[int] = field(default_factory=list)
    surface: list[tuple[int, int]] = field(default_factory=list)

    @property
    def widened(self) -> list[int]:
        """Indices of the spans widened to token edges."""
        return [m.index for m in self.moved]


def _bare(s: str) -> str:
    return "".join(c for c in s if not _is_mark(c))


def _is_article_end(word: str, b: int) -> bool:
    return _bare(word[:b]).endswith(_ARTICLE_ENDS)


def atb_cuts(word: str) -> dict[int, str]:
    """The ATB clitic cuts inside ``word``: offset -> ``"pro"`` (a proclitic ends) or ``"enc"``
    (an enclitic pronoun starts). The article is not cut (see ``article_cuts``)."""
    if word[:1] not in _PROCLITIC_HEADS and word[-1:] not in _ENCLITIC_TAILS:
        return {}
    if _bare(word) in NOT_CLITIC_WORDS or not clitic_boundaries(word):  # not Arabic, or nothing to cut
        return {}
    pro = proclitic_boundaries(word)
    cuts = {b: "pro" for b in pro if not _is_article_end(word, b) and _letters(word[b:]) >= ATB_MIN_STEM
            and _bare(word[b:]) not in NOT_CLITIC_WORDS}
    # ك is a preposition far less often than a word's first letter (كتاب, كان): cut only before ال
    cuts = {b: k for b, k in cuts.items() if _bare(word[:b])[-1:] != KAF or _bare(word[b:]).startswith(ALEF + LAM)}
    # a proclitic chain is cut only where the cut before it is too (و+ ب+, never ب+ without و+ in وب)
    cuts = {b: k for b, k in cuts.items() if all(c in cuts for c in pro if c < b and not _is_article_end(word, c))}
    head = max(cuts, default=0)
    definite = _bare(word[head:]).startswith(_ARTICLE_ENDS) or any(_is_article_end(word, b) for b in pro)
    if not definite:
        tails = [b for b in enclitic_boundaries(word) if _bare(word[b:]) in ATB_ENCLITICS
                 and _letters(word[head:b]) >= ATB_MIN_STEM]
        if tails:
            cuts[min(tails)] = "enc"
    return cuts


def _base(text: str, whitespace: bool, base: list[tuple[int, int]] | None) -> list[tuple[int, int]]:
    if base is not None:
        return base
    return whitespace_tokens(text) if whitespace else word_tokens(text)


def _inside(tokens: list[tuple[int, int]], starts: list[int], pos: int) -> int | None:
    """Index of the token with ``pos`` strictly inside it, or ``None``."""
    i = bisect.bisect_right(starts, pos) - 1
    if i >= 0 and tokens[i][0] < pos < tokens[i][1]:
        return i
    return None


def tokenize(
    text: str,
    spans: Sequence[tuple[int, int]] = (),
    scheme: str = DEFAULT_SCHEME,
    sentences: bool = True,
    whitespace: bool = False,
    base: list[tuple[int, int]] | None = None,
) -> SchemeDoc:
    """Tokenize ``text`` under ``scheme`` and align ``spans`` (``(start, end)`` offsets) to its tokens.

    ``whitespace`` and ``base`` are as for ``tokenize_document`` (documents imported from a token
    format keep their tokens; spaCy's own tokens).
    """
    scheme = scheme_name(scheme)
    if scheme == "whitespace":
        tok = tokenize_document(text, spans, "keep", sentences, whitespace, base)
        return _as_scheme(tok, scheme, [])
    if scheme == "proclitics":
        tok = tokenize_document(text, spans, "split", sentences, whitespace, base)
        cut = set(tok.cut)
        split_out = [k for k, (s, e) in enumerate(spans) if s in cut or e in cut] if cut else []
        return _as_scheme(tok, scheme, split_out)
    tokens = _base(text, whitespace, base)
    return _clitic_split(text, spans, scheme, sentences, tokens, [s for s, _ in tokens])


def _clitic_split(text: str, spans: Sequence[tuple[int, int]], scheme: str, sentences: bool,
                  tokens: list[tuple[int, int]], starts: list[int]) -> SchemeDoc:
    """``atb`` and ``conllu``: cut every word at its ATB clitics, and at a span edge lying on
    another clitic boundary of the word (the article); widen the spans at other inside edges."""
    kinds: dict[int, str] = {}  # absolute cut offset -> "pro" / "enc" / "art"
    for s, e in tokens:
        for b, kind in atb_cuts(text[s:e]).items():
            kinds[s + b] = kind
    split_out_at: set[int] = set()
    for p in set(chain.from_iterable(spans)):
        i = _inside(tokens, starts, p)
        if i is None or p in kinds:
            continue
        s, e = tokens[i]
        if p - s in clitic_boundaries(text[s:e]):
            kinds[p] = "art" if _is_article_end(text[s:e], p - s) else (
                "enc" if p - s in enclitic_boundaries(text[s:e]) else "pro")
            split_out_at.add(p)
    pieces: list[tuple[int, int]] = []
    owner: list[int] = []  # the surface word of each piece
    for w, (s, e) in enumerate(tokens):
        inner = sorted(c for c in kinds if s < c < e) if kinds else []
        for a, b in zip([s, *inner], [*inner, e], strict=True):
            pieces.append((a, b))
            owner.append(w)
    tok = tokenize_document(text, spans, "keep", sentences, False, pieces)
    split_out = [k for k, (s, e) in enumerate(spans) if s in split_out_at or e in split_out_at]
    out = _as_scheme(tok, scheme, split_out)
    if scheme == "atb":
        for i, (a, b) in enumerate(pieces):
            kind_end, kind_start = kinds.get(b), kinds.get(a)
            if kind_end in ("pro", "art") and i + 1 < len(pieces) and owner[i + 1] == owner[i]:
                out.words[i] = out.words[i] + MARKER
            if kind_start == "enc" and i > 0 and owner[i - 1] == owner[i]:
                out.words[i] = MARKER + out.words[i]
    else:
        i = 0
        while i < len(owner):
            j = i
            while j + 1 < len(owner) and owner[j + 1] == owner[i]:
                j += 1
            if j > i:
                out.surface.append((i, j + 1))
            i = j + 1
    return out


def _as_scheme(tok: TokenizedDoc, scheme: str, split_out: list[int]) -> SchemeDoc:
    return SchemeDoc(tok.text, tok.starts, tok.ends, tok.words, tok.sentences, tok.span_tokens, tok.moved,
                     tok.cut, scheme=scheme, split_out=split_out)


def unmarked(doc: SchemeDoc, i: int) -> str:
    """Token ``i`` as it is in the text (without the ``atb`` ``+`` markers)."""
    return doc.text[doc.starts[i]:doc.ends[i]]
