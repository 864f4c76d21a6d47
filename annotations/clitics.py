"""Word-boundary and clitic-aware snapping of selections in Arabic text (character offsets in, offsets out).

``snap_selection`` is the one rule for every span the GUI creates (entity, event trigger, new argument
span): a selection edge that falls exactly on a clitic boundary inside a word (after the proclitics
و ف ب ك ل س, with or without ال/لل, or before an enclitic pronoun) is kept as placed; an edge anywhere
else inside a word moves out to that word's edge. ``suggest_span`` below is a separate offer.

Arabic glues proclitics onto the next word: the conjunctions و ف, the prepositions ب ك ل and the article
ال. In ``بإسطنبول`` ("in Istanbul") the entity is ``إسطنبول``. Spans are character-level, so the reader
offers the span without the proclitics; the user decides (a word such as ``وزير`` starts with و without
being a clitic, and no rule can tell without a lexicon, so this is only ever an offer).

Rules (deliberately simple and predictable):

* optional conjunction ``و`` or ``ف``, then optional preposition ``ب``, ``ك`` or ``ل``;
* with ``strip_article=True`` also the article ``ال`` after them. ``ل`` + ``ال`` is written ``لل``
  (``للمدينة``); its article lam is stripped only with ``strip_article=True``, otherwise the span keeps
  it (``لمدينة``) because the article's alef is not in the text;
* the stem left over must keep at least ``MIN_STEM`` letters, so short words are never cut;
* diacritics and tatweel after a prefix letter belong to that prefix.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

CONJUNCTIONS = ("\u0648", "\u0641")  # و ف
PREPOSITIONS = ("\u0628", "\u0643", "\u0644")  # ب ك ل
FUTURE = "\u0633"  # س, the future prefix, only before an imperfect verb (its person prefix follows)
IMPERFECT_PREFIXES = ("\u0623", "\u062a", "\u0646", "\u064a")  # أ ت ن ي
# Enclitic (attached) pronouns, longest first: هما هم هن ها ه كما كم كن ك ني نا ي
ENCLITICS = ("\u0647\u0645\u0627", "\u0643\u0645\u0627", "\u0647\u0645", "\u0647\u0646", "\u0647\u0627",
             "\u0643\u0645", "\u0643\u0646", "\u0646\u064a", "\u0646\u0627", "\u0647", "\u0643", "\u064a")
ALEF, LAM = "\u0627", "\u0644"
MIN_STEM = 2
TATWEEL = "\u0640"


def is_word_char(ch: str) -> bool:
    """Letters, combining marks, digits, tatweel and the zero-width (non-)joiners belong to words."""
    if ch in (TATWEEL, "\u200c", "\u200d"):
        return True
    return unicodedata.category(ch)[0] in "LMN"


def _is_mark(ch: str) -> bool:
    return ch == TATWEEL or unicodedata.category(ch).startswith("M")


def word_at(text: str, pos: int) -> tuple[int, int]:
    """The word containing ``pos`` (or ending just before it) as ``(start, end)``; empty range if none."""
    pos = max(0, min(pos, len(text)))
    if pos < len(text) and is_word_char(text[pos]):
        start = end = pos
    elif pos > 0 and is_word_char(text[pos - 1]):
        start = end = pos - 1
    else:
        return pos, pos
    while start > 0 and is_word_char(text[start - 1]):
        start -= 1
    while end < len(text) and is_word_char(text[end]):
        end += 1
    return start, end


def _skip_marks(word: str, i: int) -> int:
    while i < len(word) and _is_mark(word[i]):
        i += 1
    return i


def _letters(s: str) -> int:
    return sum(1 for c in s if not _is_mark(c) and is_word_char(c))


@dataclass(frozen=True)
class CliticSplit:
    """How a word splits into proclitics and stem.

    Attributes:
        prefix_len: number of code points of the proclitics (0 when none were found).
        prefixes: the proclitic letters recognised, in order, e.g. ``("و", "ب")``.
    """

    prefix_len: int
    prefixes: tuple[str, ...]


def split_proclitics(word: str, strip_article: bool = False) -> CliticSplit:
    """Find the proclitics at the start of ``word`` (see the module docstring for the rules)."""
    i = 0
    found: list[str] = []
    best = CliticSplit(0, ())
    if i < len(word) and word[i] in CONJUNCTIONS:
        found.append(word[i])
        i = _skip_marks(word, i + 1)
        if _letters(word[i:]) >= MIN_STEM:
            best = CliticSplit(i, tuple(found))
    if i < len(word) and word[i] in PREPOSITIONS:
        prep = word[i]
        j = _skip_marks(word, i + 1)
        if _letters(word[j:]) >= MIN_STEM:
            found.append(prep)
            i = j
            best = CliticSplit(i, tuple(found))
            # ل + ال is spelled لل: the remaining "ل…" is the article lam, stripped only with the article.
            if prep == LAM and strip_article and i < len(word) and word[i] == LAM:
                k = _skip_marks(word, i + 1)
                if _letters(word[k:]) >= MIN_STEM:
                    found.append("ال")
                    return CliticSplit(k, tuple(found))
                return best
    if strip_article and word[i:i + 2] == ALEF + LAM:
        k = _skip_marks(word, i + 2)
        if _letters(word[k:]) >= MIN_STEM:
            return CliticSplit(k, tuple(found) + ("ال",))
    return best


def suggest_span(text: str, start: int, end: int, strip_article: bool = False) -> tuple[int, int] | None:
    """Offer ``[start, end)`` without the proclitics glued to its first word, or ``None`` if there are none.

    Only a selection that begins at the start of a word is considered (a selection starting mid-word was
    already placed by hand).
    """
    if not (0 <= start < end <= len(text)):
        return None
    if start > 0 and is_word_char(text[start - 1]):
        return None
    w_start, w_end = word_at(text, start)
    split = split_proclitics(text[w_start:min(w_end, end)], strip_article)
    if split.prefix_len == 0 or start + split.prefix_len >= end:
        return None
    return start + split.prefix_len, end


def _is_arabic_letter(ch: str) -> bool:
    return "\u0620" <= ch <= "\u064a" or "\u066e" <= ch <= "\u06d3" or "\u0750" <= ch <= "\u077f"


def proclitic_boundaries(word: str) -> frozenset[int]:
    """Offsets inside ``word`` where a chain of proclitics ends: و/ف, then ب/ك/ل or س, then ال (لل after ل).

    Marks after a clitic letter belong to it, so a boundary lies after them. A boundary must leave at least
    ``MIN_STEM`` letters after it.
    """
    found: set[int] = set()
    heads = [0]
    if word[:1] in CONJUNCTIONS:
        heads.append(_skip_marks(word, 1))
    for h in heads:
        if h > 0:
            found.add(h)
        if word[h:h + 2] == ALEF + LAM:  # the article straight after the conjunction (or alone)
            found.add(_skip_marks(word, h + 2))
        if word[h:h + 1] in PREPOSITIONS:
            j = _skip_marks(word, h + 1)
            found.add(j)
            if word[h] == LAM and word[j:j + 1] == LAM:  # ل + ال is spelled لل
                found.add(_skip_marks(word, j + 1))
            elif word[j:j + 2] == ALEF + LAM:
                found.add(_skip_marks(word, j + 2))
        if word[h:h + 1] == FUTURE:
            j = _skip_marks(word, h + 1)
            if word[j:j + 1] in IMPERFECT_PREFIXES:
                found.add(j)
    return frozenset(b for b in found if 0 < b < len(word) and _letters(word[b:]) >= MIN_STEM)


def enclitic_boundaries(word: str) -> frozenset[int]:
    """Offsets inside ``word`` where an enclitic pronoun (``ENCLITICS``) starts; marks before it stay in front.

    A boundary must leave at least ``MIN_STEM`` letters before it.
    """
    letters = [i for i, ch in enumerate(word) if not _is_mark(ch)]
    tail = "".join(word[i] for i in letters)
    found = set()
    for pronoun in ENCLITICS:
        if len(pronoun) < len(tail) and tail.endswith(pronoun):
            b = letters[len(tail) - len(pronoun)]
            if _letters(word[:b]) >= MIN_STEM:
                found.add(b)
    return frozenset(found)


def clitic_boundaries(word: str) -> frozenset[int]:
    """Offsets inside an Arabic ``word`` where a proclitic ends or an enclitic starts (none in other words)."""
    if not all(_is_arabic_letter(ch) or _is_mark(ch) for ch in word):
        return frozenset()
    return proclitic_boundaries(word) | enclitic_boundaries(word)


def _inside_word(text: str, pos: int) -> bool:
    return 0 < pos < len(text) and is_word_char(text[pos - 1]) and is_word_char(text[pos])


def snap_selection(text: str, start: int, end: int) -> tuple[int, int]:
    """The range a selection ``[start, end)`` of ``text`` stores as a span (the one rule for the GUI).

    Whitespace at both ends is trimmed. An edge that falls inside a word stays where it is when it lies on
    a clitic boundary of that word (``clitic_boundaries``: a deliberate cut such as إسطنبول in بإسطنبول);
    anywhere else inside the word it moves outward to the word's edge. Punctuation and invisible characters
    at the edges are kept as selected. An empty selection becomes the word at ``start``.
    """
    start, end = max(0, min(start, end)), min(len(text), max(start, end))
    if start == end:
        return word_at(text, start)
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start == end:
        return start, end
    if _inside_word(text, start):
        w_start, w_end = word_at(text, start)
        if start - w_start not in clitic_boundaries(text[w_start:w_end]):
            start = w_start
    if _inside_word(text, end):
        w_start, w_end = word_at(text, end)
        if end - w_start not in clitic_boundaries(text[w_start:w_end]):
            end = w_end
    return start, end
