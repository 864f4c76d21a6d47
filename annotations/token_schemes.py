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
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from itertools import compress, count, repeat
from operator import itemgetter, lt, or_

from .clitics import (
    ALEF,
    ENCLITICS,
    FUTURE,
    IMPERFECT_PREFIXES,
    LAM,
    MIN_STEM,
    TATWEEL,
    _is_arabic_letter,
    _is_mark,
    _letters,
    clitic_boundaries,
    enclitic_boundaries,
    proclitic_boundaries,
)
from .invisible import char_class
from .tokenize import TokenizedDoc, base_columns, tokenize_span_columns

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


# --- the clitic split at the speed of an export ------------------------------------------------
# ``atb_cuts`` and ``clitic_boundaries`` state the rules; an export applies them to every word of
# every document, so for the usual word (Arabic letters only, no diacritics) the same rules are
# written out below as a few string tests, each distinct word of a document is looked at once,
# and only words that can have a clitic are looked at all. A word with a diacritic, a tatweel or
# another script goes through the general functions (tests check that both agree on every word).
_PLAIN = frozenset(c for c in map(chr, range(0x600, 0x780)) if _is_arabic_letter(c) and not _is_mark(c))
_CONJ, _PREP, _IMPF = frozenset("\u0648\u0641"), frozenset("\u0628\u0643\u0644"), frozenset(IMPERFECT_PREFIXES)
_CUT1_HEADS = frozenset("\u0648\u0641\u0628\u0644")  # always a proclitic when the stem is long enough
_ARTICLE, _LAM_LAM = ALEF + LAM, LAM + LAM
_ENC_LONGEST_FIRST = sorted(ATB_ENCLITICS, key=len, reverse=True)
_ENC_CLASS = frozenset(p[-1] for p in ATB_ENCLITICS)  # the last letters of the split pronouns


def _plain_atb_cuts(w: str) -> tuple[tuple[int, str], ...]:
    """``atb_cuts`` of a word of plain Arabic letters (``_PLAIN``, at least four of them), not in
    ``NOT_CLITIC_WORDS``: the rules of ``proclitic_boundaries`` and ``atb_cuts`` worked out for a
    word without marks. A proclitic cut can only be after the first letter (و ف ب ل; ك before the
    article; س before an imperfect prefix) or, after و/ف, after the second; the article is never
    cut; an enclitic pronoun is split when the word is not definite and three letters stay."""
    n, c0, c1 = len(w), w[0], w[1]
    cuts: list[tuple[int, str]] = []
    head = 0
    if w[1:] not in NOT_CLITIC_WORDS and (
            c0 in _CUT1_HEADS or (c0 == KAF and w[1:3] == _ARTICLE) or (c0 == FUTURE and c1 in _IMPF)):
        cuts.append((1, "pro"))
        head = 1
        if c0 in _CONJ and n >= 5 and w[2:] not in NOT_CLITIC_WORDS and (
                c1 == LAM or c1 == "\u0628" or (c1 == KAF and w[2:4] == _ARTICLE)
                or (c1 == FUTURE and w[2] in _IMPF)):
            cuts.append((2, "pro"))
            head = 2
    if w[-1] not in _ENC_CLASS or w[head:head + 2] in (_ARTICLE, _LAM_LAM):
        return tuple(cuts)
    # an article boundary among the proclitic boundaries makes the word definite too
    two = w[:2]
    if (two == _ARTICLE or two == _LAM_LAM) or (c0 in _PREP and w[1:3] == _ARTICLE and n >= 5) or (
            c0 in _CONJ and ((w[1:3] in (_ARTICLE, _LAM_LAM) and n >= 5)
                             or (c1 in _PREP and w[2:4] == _ARTICLE and n >= 6))):
        return tuple(cuts)
    for p in _ENC_LONGEST_FIRST:
        if w.endswith(p) and n - len(p) - head >= ATB_MIN_STEM:
            cuts.append((n - len(p), "enc"))
            break
    return tuple(cuts)


def _word_cuts(w: str) -> tuple[tuple[int, str], ...]:
    """``atb_cuts(w)`` as ``(offset, kind)`` pairs in order, by the fast rules when they apply."""
    if _PLAIN.issuperset(w):  # a cut leaves three letters, and a clitic has one
        if len(w) < 4 or w in NOT_CLITIC_WORDS or (w[0] not in _PROCLITIC_HEADS and w[-1] not in _ENC_CLASS):
            return ()
        return _plain_atb_cuts(w)
    if w.isascii() or (w[:1] not in _PROCLITIC_HEADS and w[-1:] not in _ENCLITIC_TAILS):
        return ()  # atb_cuts' own first test, before anything costly
    return tuple(sorted(atb_cuts(w).items()))


# The distinct words of a document, one per line, that can have a clitic: plain letters, four or more,
# a proclitic letter first or a pronoun's last letter last (``findall`` picks them out in C).
_PLAIN_CLASS = char_class(_PLAIN)
_CANDIDATE_RE = re.compile(rf"^(?:[{''.join(sorted(_PROCLITIC_HEADS))}][{_PLAIN_CLASS}]{{3,}}"
                           rf"|[{_PLAIN_CLASS}]{{3,}}[{''.join(sorted(_ENC_CLASS))}])$", re.M)


@cache
def _marked_re() -> re.Pattern[str]:
    """A character that sends a word down the general path: a mark (a diacritic, the tatweel, the
    superscript alef) of any script, or any character beyond the BMP; a word without one is either
    plain letters (``_CANDIDATE_RE``) or holds something other than an Arabic letter and a mark,
    which no clitic rule cuts. Built on first use (some 10 ms)."""
    marks = [c for c in map(chr, range(0x10000)) if c == TATWEEL or unicodedata.category(c)[0] == "M"]
    return re.compile(rf"^.*[{char_class(marks)}\U00010000-\U0010ffff].*$", re.M)  # a whole line


def _cuts_table(words: list[str]) -> dict[str, tuple[tuple[int, str], ...]]:
    """The ATB cuts of every distinct word of ``words`` that has some (``_word_cuts``)."""
    distinct = set(words)
    lines = "\n".join(distinct)
    table = {w: c for w in set(_CANDIDATE_RE.findall(lines)).difference(NOT_CLITIC_WORDS)
             if (c := _plain_atb_cuts(w))}
    for w in _marked_re().findall(lines):  # vowelled words, by the general rules
        if c := _word_cuts(w):
            table[w] = c
    return table


def _edge_kind(w: str, b: int) -> str | None:
    """What a span edge ``b`` letters into token ``w`` would cut there: ``"art"`` (after the
    article), ``"enc"``, ``"pro"``, or ``None`` when ``b`` is no clitic boundary of ``w``."""
    if not _PLAIN.issuperset(w):
        if b not in clitic_boundaries(w):
            return None
        return "art" if _is_article_end(w, b) else ("enc" if b in enclitic_boundaries(w) else "pro")
    # ``clitic_boundaries`` for plain letters: the enclitic pronouns, then the proclitic chains
    enclitic = b >= MIN_STEM and w[b:] in ENCLITICS
    if not enclitic and not (len(w) - b >= MIN_STEM and b in _plain_proclitics(w)):
        return None
    return "art" if w[:b].endswith(_ARTICLE_ENDS) else ("enc" if enclitic else "pro")


def _plain_proclitics(w: str) -> list[int]:
    """``proclitic_boundaries`` of a word of plain letters (without the stem-length filter)."""
    found = []
    for h in (0, 1) if w[:1] in _CONJ else (0,):
        if h:
            found.append(h)
        c = w[h:h + 1]
        if w[h:h + 2] == _ARTICLE:
            found.append(h + 2)
        if c in _PREP:
            found.append(h + 1)
            if c == LAM and w[h + 1:h + 2] == LAM:
                found.append(h + 2)
            elif w[h + 1:h + 3] == _ARTICLE:
                found.append(h + 3)
        if c == FUTURE and w[h + 1:h + 2] in _IMPF:
            found.append(h + 1)
    return found


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
    return tokenize_spans(text, list(map(_FIRST, spans)), list(map(_SECOND, spans)), scheme, sentences, whitespace,
                          base)


def tokenize_spans(
    text: str,
    span_starts: Sequence[int],
    span_ends: Sequence[int],
    scheme: str = DEFAULT_SCHEME,
    sentences: bool = True,
    whitespace: bool = False,
    base: list[tuple[int, int]] | None = None,
) -> SchemeDoc:
    """``tokenize`` with the spans given as two columns (``span_starts[k]``, ``span_ends[k]``), as
    an export has them (``SpanColumns``)."""
    scheme = scheme_name(scheme)
    span_starts, span_ends = _as_list(span_starts), _as_list(span_ends)
    columns = base_columns(text, whitespace, base)
    if scheme in ("whitespace", "proclitics"):
        tok = tokenize_span_columns(text, *columns[:3], span_starts, span_ends, scheme == "proclitics", sentences,
                                    whitespace, columns[3])
        split_out: list[int] = []
        if tok.cut:  # the spans with an edge where a token was cut
            cut = set(tok.cut)
            split_out = list(compress(count(), map(or_, map(cut.__contains__, span_starts),
                                                   map(cut.__contains__, span_ends))))
        return _as_scheme(tok, scheme, split_out)
    return _clitic_split(text, span_starts, span_ends, scheme, sentences, *columns)


_FIRST, _SECOND = itemgetter(0), itemgetter(1)


def _as_list(values: Sequence[int]) -> list[int]:
    return values if isinstance(values, list) else list(values)


def _clitic_split(text: str, span_starts: list[int], span_ends: list[int], scheme: str, sentences: bool,
                  starts: list[int], ends: list[int], words: list[str], plain: bool) -> SchemeDoc:
    """``atb`` and ``conllu``: cut every word at its ATB clitics, and at a span edge lying on
    another clitic boundary of the word (the article); widen the spans at other inside edges.

    The words are the columns of the base tokens; the pieces replace them in place."""
    table = _cuts_table(words)  # each distinct word once
    kinds: dict[int, str] = {}  # absolute cut offset -> "pro" / "enc" / "art"
    if table:
        per_token = list(map(table.get, words))
        for i in compress(range(len(words)), per_token):
            s = starts[i]
            for b, kind in per_token[i]:  # type: ignore[union-attr]
                kinds[s + b] = kind
    split_out_at: set[int] = set()
    edges = sorted(set(span_starts).union(span_ends).difference(kinds))
    if edges:
        # the token each edge falls in: the first one ending after it; the edge is inside it when
        # the token starts before the edge
        at = list(map(bisect.bisect_right, repeat(ends), edges))
        bound = [*starts, len(text) + 1]
        for p, i in compress(zip(edges, at, strict=True), map(lt, map(bound.__getitem__, at), edges)):
            s = starts[i]
            kind = _edge_kind(words[i], p - s)
            if kind is not None:
                kinds[p] = kind
                split_out_at.add(p)
    if kinds:  # every cut is inside a token: the pieces' edges are the tokens' and the cuts, in order
        cut_at = list(kinds)
        starts = sorted([*starts, *cut_at])
        ends = sorted([*ends, *cut_at])
        words = list(map(text.__getitem__, map(slice, starts, ends)))
    tok = tokenize_span_columns(text, starts, ends, words, span_starts, span_ends, False, sentences, False, plain)
    split_out = list(compress(count(), map(or_, map(split_out_at.__contains__, span_starts),
                                           map(split_out_at.__contains__, span_ends)))) if split_out_at else []
    out = _as_scheme(tok, scheme, split_out)
    if not kinds:
        return out
    # the pieces on either side of each cut: the one ending there and the one starting there
    cuts = sorted(kinds)
    after = list(map(bisect.bisect_left, repeat(starts), cuts))
    if scheme == "atb":
        words = out.words
        for c, j in zip(cuts, after, strict=True):
            if kinds[c] == "enc":
                words[j] = MARKER + words[j]
            else:
                words[j - 1] = words[j - 1] + MARKER
    else:
        first = after[0] - 1
        for k, j in enumerate(after):  # a run of pieces joined by cuts is one surface word
            if k + 1 == len(after) or after[k + 1] != j + 1:
                out.surface.append((first, j + 1))
                if k + 1 < len(after):
                    first = after[k + 1] - 1
    return out


def _as_scheme(tok: TokenizedDoc, scheme: str, split_out: list[int]) -> SchemeDoc:
    return SchemeDoc(tok.text, tok.starts, tok.ends, tok.words, tok.sentences, tok.span_firsts, tok.span_lasts,
                     tok.moved, tok.cut, tok.plain, scheme=scheme, split_out=split_out)


def unmarked(doc: SchemeDoc, i: int) -> str:
    """Token ``i`` as it is in the text (without the ``atb`` ``+`` markers)."""
    return doc.text[doc.starts[i]:doc.ends[i]]
