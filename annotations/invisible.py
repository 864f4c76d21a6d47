"""Invisible characters (bidi controls, joiners, zero-width and other default-ignorable code points, controls).

One definition for the two places that must agree on it: search ignores these characters, and the
tokenizer never makes a token of them.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import groupby

# Unicode's Default_Ignorable_Code_Point (DerivedCoreProperties.txt): bidi marks, embeddings and
# isolates, ZWSP/ZWNJ/ZWJ, soft hyphen, word joiner, BOM, variation selectors, Hangul fillers, tags.
DEFAULT_IGNORABLE_RANGES: tuple[tuple[int, int], ...] = (
    (0x00AD, 0x00AD), (0x034F, 0x034F), (0x061C, 0x061C), (0x115F, 0x1160), (0x17B4, 0x17B5),
    (0x180B, 0x180F), (0x200B, 0x200F), (0x202A, 0x202E), (0x2060, 0x206F), (0x3164, 0x3164),
    (0xFE00, 0xFE0F), (0xFEFF, 0xFEFF), (0xFFA0, 0xFFA0), (0xFFF0, 0xFFF8), (0x1BCA0, 0x1BCA3),
    (0x1D173, 0x1D17A), (0xE0000, 0xE0FFF),
)
# C0/C1 controls that are not whitespace (tab, newline and friends are spaces, not invisible ink).
CONTROL_RANGES: tuple[tuple[int, int], ...] = ((0x00, 0x08), (0x0E, 0x1B), (0x7F, 0x84), (0x86, 0x9F))

_RANGES = DEFAULT_IGNORABLE_RANGES + CONTROL_RANGES

INVISIBLE: frozenset[str] = frozenset(chr(c) for a, b in _RANGES for c in range(a, b + 1))


def char_class(chars: Iterable[str]) -> str:
    """The body of a regular-expression character class (``[...]``) matching exactly ``chars``."""
    items = []
    for _, run in groupby(enumerate(sorted(map(ord, set(chars)))), key=lambda k_c: k_c[1] - k_c[0]):
        cps = [c for _, c in run]
        items.append(f"\\U{cps[0]:08x}" if len(cps) == 1 else f"\\U{cps[0]:08x}-\\U{cps[-1]:08x}")
    return "".join(items)


#: ``char_class(INVISIBLE)``: invisible characters in a regular expression.
INVISIBLE_CLASS = char_class(INVISIBLE)


def is_invisible(text: str) -> bool:
    """True when ``text`` is not empty and every character of it is invisible."""
    return bool(text) and all(c in INVISIBLE for c in text)
