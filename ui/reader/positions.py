"""The one place that converts core offsets (code points) to Qt positions (UTF-16 code units) and back.

Qt text positions count UTF-16 code units, so a character outside the Basic Multilingual Plane (emoji,
U+1D400 mathematical letters...) takes two positions in Qt and one in a Python ``str``. The reader's
document may also hold a header (title, metadata) before the body; ``base`` is where the body starts.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def qt_length(text: str) -> int:
    """Length of ``text`` in UTF-16 code units (what Qt counts)."""
    return len(text) + sum(1 for _ in _ASTRAL.finditer(text))


class PositionMap:
    """Convert between code-point offsets into ``text`` and Qt positions in a document holding it at ``base``.

    Attributes:
        base: Qt position of the text's first character in the document.
        length: the text's length in code points.
        qt_length: its length in UTF-16 code units.
    """

    def __init__(self, text: str, base: int = 0) -> None:
        self.base = base
        self.length = len(text)
        # Code-point indices of non-BMP characters and the Qt offsets (relative to base) where they start.
        self._astral = [m.start() for m in _ASTRAL.finditer(text)]
        self._astral_qt = [cp + k for k, cp in enumerate(self._astral)]
        self.qt_length = self.length + len(self._astral)

    def to_qt(self, offset: int) -> int:
        """Qt position of code-point ``offset`` (0..length, clamped)."""
        offset = max(0, min(offset, self.length))
        return self.base + offset + bisect_left(self._astral, offset)

    def to_offset(self, position: int) -> int:
        """Code-point offset of Qt ``position``, clamped to the text.

        A position between the two halves of a surrogate pair is rounded down to the character's start.
        """
        q = max(0, min(position - self.base, self.qt_length))
        k = bisect_right(self._astral_qt, q - 1)  # astral chars starting before q
        if k and self._astral_qt[k - 1] == q - 1:  # q is inside the pair that starts at q - 1
            return self._astral[k - 1]
        return q - k

    def contains_qt(self, position: int) -> bool:
        """Whether Qt ``position`` lies within the text (end included)."""
        return self.base <= position <= self.base + self.qt_length

    def range_to_qt(self, start: int, end: int) -> tuple[int, int]:
        """Code-point range to Qt range."""
        return self.to_qt(start), self.to_qt(end)

    def range_to_offsets(self, start: int, end: int) -> tuple[int, int]:
        """Qt range (e.g. a cursor selection) to a code-point range; a half pair widens to the full char."""
        lo, hi = min(start, end), max(start, end)
        a = self.to_offset(lo)
        b = self.to_offset(hi)
        if b < self.length and self.to_qt(b) < hi:  # hi cut a surrogate pair: include that character
            b += 1
        return a, b
