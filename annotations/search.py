"""Arabic-normalised search over a normalised copy of a text, with matches mapped to exact original offsets.

The normalised copy drops Arabic diacritics (U+064B–U+0652, U+0670) and tatweel (U+0640), folds the alef
variants (أ إ آ ٱ → ا), alef maqsura and Persian yeh (ى ی → ي), teh marbuta (ة → ه), Persian kaf (ک → ك),
Arabic-Indic and Persian digits (٠–٩, ۰–۹ → 0–9) and letter case. Every original character becomes zero
or one normalised character, so ``Normalized.starts`` maps each normalised index to the original index of
the character it came from, and any match ``norm[a:b]`` corresponds to the original slice
``text[original_start(a):original_end(b)]`` whose own normalisation is exactly ``norm[a:b]``.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # only for type hints; the core stays importable without a project
    from .model import Document

DIACRITICS = frozenset(chr(c) for c in range(0x064B, 0x0653)) | {"\u0670"}
TATWEEL = "\u0640"
_REMOVED = DIACRITICS | {TATWEEL}

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


def fold_char(ch: str) -> str:
    """Return the normalised form of one character: ``""`` when search ignores it, else one character."""
    if ch in _REMOVED:
        return ""
    folded = _FOLD.get(ch)
    if folded is not None:
        return folded
    # casefold() may expand (ß → ss); keep the 1:1 map by falling back to lower() or the char itself.
    low = ch.casefold()
    if len(low) == 1:
        return low
    low = ch.lower()
    return low if len(low) == 1 else ch


def normalize(text: str) -> str:
    """Return the normalised search form of ``text`` (without the offset map)."""
    return "".join(fold_char(c) for c in text)


@dataclass(frozen=True)
class Normalized:
    """A normalised copy of ``original`` with the map back to original offsets.

    Attributes:
        original: the exact text.
        text: the normalised copy.
        starts: ``starts[i]`` is the index in ``original`` of the character that became ``text[i]``.
    """

    original: str
    text: str
    starts: tuple[int, ...]

    @classmethod
    def of(cls, original: str) -> Normalized:
        chars: list[str] = []
        starts: list[int] = []
        for i, ch in enumerate(original):
            folded = fold_char(ch)
            if folded:
                chars.append(folded)
                starts.append(i)
        return cls(original, "".join(chars), tuple(starts))

    def original_start(self, a: int) -> int:
        """Original offset where normalised index ``a`` starts (``len(original)`` at the end)."""
        return self.starts[a] if a < len(self.starts) else len(self.original)

    def original_end(self, b: int) -> int:
        """Original end offset (exclusive) of a match that ends at normalised index ``b``.

        Ignored characters that follow the last matched character (its diacritics, a tatweel) belong to
        it, so the end extends up to the next kept character.
        """
        if b <= 0:
            return 0
        return self.starts[b] if b < len(self.starts) else len(self.original)

    def to_original(self, a: int, b: int) -> tuple[int, int]:
        """Map the normalised range ``[a, b)`` to the original range."""
        if a >= b:
            pos = self.original_start(a)
            return pos, pos
        return self.original_start(a), self.original_end(b)

    def to_normalized(self, pos: int) -> int:
        """Index in the normalised copy of the first kept character at or after original ``pos``."""
        return bisect_left(self.starts, pos)

    def find_all(self, query: str, whole_word: bool = False) -> list[tuple[int, int]]:
        """All non-overlapping matches of ``query`` as original ``(start, end)`` offsets, in order.

        Args:
            query: text to look for; it is normalised the same way (so diacritics in it are ignored).
            whole_word: only matches not glued to letters or digits on either side.
        """
        needle = normalize(query)
        if not needle:
            return []
        if whole_word:
            pattern = re.compile(r"(?<!\w)" + re.escape(needle) + r"(?!\w)")
        else:
            pattern = re.compile(re.escape(needle))
        return [self.to_original(m.start(), m.end()) for m in pattern.finditer(self.text)]


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
