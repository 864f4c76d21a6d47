"""Arabic-normalised search over a folded copy of a text, with matches mapped to exact original offsets.

The folded copy is NFKC (so NFD sequences compose, and presentation forms such as lam-alef ﻻ become
their letters), without Arabic diacritics (U+064B–U+0655, U+0670), tatweel (U+0640) or invisible
characters (ZWNJ/ZWJ, bidi controls and other default-ignorable code points; ``annotations.invisible``),
with every run of spaces (NBSP, thin spaces, tabs, newlines...) one space, the alef variants
(أ إ آ ٱ → ا), alef maqsura and Persian yeh (ى ی → ي), teh marbuta (ة → ه), Persian kaf (ک → ك),
Arabic-Indic and Persian digits (٠–٩, ۰–۹ → 0–9) folded and letter case folded.

The text is folded one unit at a time: a grapheme cluster (a letter with its marks, an emoji sequence),
merged with the next one in the rare case that NFKC composes across them (Hangul jamo). A unit may
fold to nothing, to one character or to several (ﻻ → لا). A match in the folded copy counts only when it
starts and ends on unit edges, so it maps to an original slice made of whole units, ``text[start:end]``,
whose own folding is exactly the match: a search never cuts a ligature or a cluster in two.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, compress
from typing import TYPE_CHECKING

import regex

from .invisible import INVISIBLE

if TYPE_CHECKING:  # only for type hints; the core stays importable without a project
    from .model import Document

# U+0653–U+0655 (madda, hamza above and below) are what NFD leaves of آ أ إ on another letter's back.
DIACRITICS = frozenset(chr(c) for c in range(0x064B, 0x0656)) | {"\u0670"}
TATWEEL = "\u0640"
# Ignored characters that stay with the letter before them: a match that ends on that letter takes them.
_ATTACHED = DIACRITICS | {TATWEEL}
_REMOVED = _ATTACHED | INVISIBLE

_FOLD: dict[str, str] = {
    "\u0623": "\u0627",  # أ
    "\u0625": "\u0627",  # إ
    "\u0622": "\u0627",  # آ
    "\u0671": "\u0627",  # ٱ alef wasla
    "\u0649": "\u064a",  # ى alef maqsura
    "\u06cc": "\u064a",  # ی Persian yeh
    "\u0629": "\u0647",  # ة teh marbuta
    "\u06a9": "\u0643",  # ک Persian kaf
}
_FOLD.update({chr(0x0660 + i): str(i) for i in range(10)})  # Arabic-Indic digits
_FOLD.update({chr(0x06F0 + i): str(i) for i in range(10)})  # Persian digits

_CLUSTER_RE = regex.compile(r"\X")
_SPACES_AFTER_A_SPACE_RE = re.compile("(?<= ) +")
_MAY_REACH_BACK_RE = regex.compile(r"[\p{NFKC_QC=N}\p{NFKC_QC=M}\P{ccc=0}]")


def fold_char(ch: str) -> str:
    """Fold one (NFKC) character: ``""`` when search ignores it, ``" "`` for any space, else one character."""
    if ch in _REMOVED:
        return ""
    if ch.isspace():
        return " "
    folded = _FOLD.get(ch)
    if folded is not None:
        return folded
    # casefold() may expand (ß → ss); keep one character by falling back to lower() or the char itself.
    low = ch.casefold()
    if len(low) == 1:
        return low
    low = ch.lower()
    return low if len(low) == 1 else ch


@lru_cache(maxsize=8192)
def _fold_unit(unit: str) -> str:
    """Fold one unit (a grapheme cluster): NFKC, then each character; spaces in it are collapsed too."""
    nfkc = unicodedata.normalize("NFKC", unit)
    if nfkc[:1] == " " and not unit[0].isspace():
        # NFKC spells spacing accents and isolated harakat (ﹰ, ¨) as a space plus the mark: not a space
        nfkc = nfkc.lstrip(" ")
    folded = "".join(map(fold_char, nfkc))
    return re.sub("  +", " ", folded) if "  " in folded else folded


def _units(text: str) -> list[str]:
    """The text cut into the units it is folded by (see the module docstring), in order."""
    clusters: list[str] = _CLUSTER_RE.findall(text)
    if unicodedata.is_normalized("NFKC", text):
        # NFKC changes nothing, so no composition spans two clusters (nor does it in any piece of the text)
        return clusters
    # NFKC can only reach back into the unit before from a character that may compose with what
    # precedes it, that is not what it decomposes into, or that is a combining mark: only the
    # clusters that start with one are looked at.
    offsets = list(accumulate(map(len, clusters), initial=0))
    units: list[str] = []
    done = 0
    for m in _MAY_REACH_BACK_RE.finditer(text):
        i = bisect_left(offsets, m.start())
        if i == 0 or i < done or offsets[i] != m.start():
            continue
        units.extend(clusters[done:i])
        cluster = clusters[i]
        if (unicodedata.normalize("NFKC", units[-1] + cluster)
                != unicodedata.normalize("NFKC", units[-1]) + unicodedata.normalize("NFKC", cluster)):
            units[-1] += cluster
        else:
            units.append(cluster)
        done = i + 1
    units.extend(clusters[done:])
    return units


@dataclass(frozen=True)
class Normalized:
    """A folded copy of ``original`` with the map back to original offsets.

    Attributes:
        original: the exact text.
        text: the folded copy.
        starts: ``starts[i]`` is where in ``original`` the unit that gave ``text[i]`` starts (the
            characters of one unit share it, so the list never decreases).
        ends: ``ends[i]`` is where a match whose last character is ``text[i]`` ends in ``original``:
            the end of that unit, and of the diacritics and tatweels right after it.
    """

    original: str
    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    @classmethod
    def of(cls, original: str) -> Normalized:
        units = _units(original)
        folded = list(map(_fold_unit, units))
        widths = list(map(len, folded))
        unit_ends = list(accumulate(map(len, units)))
        unit_starts = [0, *unit_ends[:-1]]
        text = "".join(folded)
        # Most units fold to one character, and all of that is done in C; only the units that fold
        # to nothing or to several are looked at in Python.
        if len(text) == len(units) and "" not in folded:
            starts, ends = unit_starts, unit_ends
        else:
            reach = unit_ends.copy()  # where a match that ends on each unit's folding ends
            odd = [i for i, width in enumerate(widths) if width != 1]
            owner, prev = -1, -2  # owner: the last unit so far that folded to something
            for i in odd:
                if i != prev + 1:
                    owner = i - 1
                if widths[i]:
                    owner = i
                elif owner >= 0 and reach[owner] == unit_starts[i] and all(c in _ATTACHED for c in units[i]):
                    reach[owner] = unit_ends[i]  # a tatweel or a lone diacritic goes with the match before it
                prev = i
            starts, ends, done = [], [], 0
            for i in odd:
                starts += unit_starts[done:i]
                ends += reach[done:i]
                starts += [unit_starts[i]] * widths[i]
                ends += [reach[i]] * widths[i]
                done = i + 1
            starts += unit_starts[done:]
            ends += reach[done:]
        if "  " in text:  # a space after a space is not repeated
            keep = bytearray(b"\x01") * len(text)
            for m in _SPACES_AFTER_A_SPACE_RE.finditer(text):
                keep[m.start():m.end()] = bytes(m.end() - m.start())
            text = "".join(compress(text, keep))
            starts, ends = list(compress(starts, keep)), list(compress(ends, keep))
        return cls(original, text, tuple(starts), tuple(ends))

    def _unit_edge(self, i: int) -> bool:
        """True when folded index ``i`` is where a unit's folding starts (or the end of the copy)."""
        return i <= 0 or i >= len(self.starts) or self.starts[i - 1] != self.starts[i]

    def original_start(self, a: int) -> int:
        """Original offset where folded index ``a`` starts (``len(original)`` at the end)."""
        return self.starts[a] if a < len(self.starts) else len(self.original)

    def original_end(self, b: int) -> int:
        """Original end offset (exclusive) of a match that ends at folded index ``b``.

        Ignored diacritics and tatweels that follow the last matched character belong to it, so the
        end extends over them; invisible characters and repeated spaces after it do not.
        """
        if b <= 0:
            return 0
        return self.ends[b - 1]

    def to_original(self, a: int, b: int) -> tuple[int, int] | None:
        """Map the folded range ``[a, b)`` to the original range, or None when it cuts a unit."""
        if not (self._unit_edge(a) and self._unit_edge(b)):
            return None
        if a >= b:
            pos = self.original_start(a)
            return pos, pos
        return self.original_start(a), self.original_end(b)

    def to_normalized(self, pos: int) -> int:
        """Index in the folded copy of the first folded character from original ``pos`` on."""
        return bisect_left(self.starts, pos)

    def find_all(self, query: str, whole_word: bool = False) -> list[tuple[int, int]]:
        """All non-overlapping matches of ``query`` as original ``(start, end)`` offsets, in order.

        A match that would cut a unit (only ``ل`` of ``ﻻ``) is skipped, and the search goes on from
        the next character, so an overlapping match on unit edges is still found.

        Args:
            query: text to look for; it is folded the same way (so diacritics in it are ignored).
            whole_word: only matches not glued to letters or digits on either side.
        """
        needle = normalize(query)
        if not needle:
            return []
        if whole_word:
            pattern = re.compile(r"(?<!\w)" + re.escape(needle) + r"(?!\w)")
        else:
            pattern = re.compile(re.escape(needle))
        found: list[tuple[int, int]] = []
        pos = 0
        while (m := pattern.search(self.text, pos)) is not None:
            span = self.to_original(m.start(), m.end())
            if span is None:
                pos = m.start() + 1
                continue
            found.append(span)
            pos = m.end()
        return found


def normalize(text: str) -> str:
    """Return the folded search form of ``text`` (``Normalized.of(text).text``, without the offset map)."""
    folded = "".join(map(_fold_unit, _units(text)))
    return re.sub("  +", " ", folded) if "  " in folded else folded


def find_all(text: str, query: str, whole_word: bool = False) -> list[tuple[int, int]]:
    """Arabic-normalised matches of ``query`` in ``text`` as exact original ``(start, end)`` offsets."""
    return Normalized.of(text).find_all(query, whole_word)


@dataclass(frozen=True)
class Hit:
    """One match of a corpus search.

    Attributes:
        doc_id: document id.
        title: document title (may be ``None``).
        start, end: code-point offsets into the document's exact text.
        before, match, after: context for a results list (``match`` is the exact original text).
    """

    doc_id: str
    title: str | None
    start: int
    end: int
    before: str
    match: str
    after: str


def hits_in(doc_id: str, title: str | None, text: str, query: str, context: int = 30,
            whole_word: bool = False) -> list[Hit]:
    """Matches of ``query`` in one text as ``Hit`` records with surrounding context on one line."""
    hits = []
    for start, end in find_all(text, query, whole_word):
        before = text[max(0, start - context):start].rsplit("\n", 1)[-1]
        after = text[end:end + context].split("\n", 1)[0]
        hits.append(Hit(doc_id, title, start, end, before, text[start:end], after))
    return hits


def search_documents(documents: Iterable[Document], query: str, context: int = 30,
                     whole_word: bool = False, limit: int | None = None) -> Iterator[Hit]:
    """Search many documents (e.g. ``project.iter_documents()``) lazily, stopping after ``limit`` hits."""
    found = 0
    for doc in documents:
        for hit in hits_in(doc.id, doc.title, doc.text, query, context, whole_word):
            yield hit
            found += 1
            if limit is not None and found >= limit:
                return
