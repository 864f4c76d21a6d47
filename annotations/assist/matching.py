"""Clitic- and diacritic-aware occurrences of a term in a text (character offsets in, offsets out).

A term matches through the search normalisation (``annotations.search``: diacritics, alef forms, ى/ي,
ة/ه, tatweel) and inside clitic-glued words: ``إسطنبول`` is found in ``بإسطنبول``, ``وإسطنبول`` and
``لإسطنبول``, and the occurrence excludes the clitic. Which cuts inside a word are allowed is the one
rule the GUI uses for every span it creates, ``annotations.clitics.snap_selection``: a match counts
only when that rule keeps it as it is (each edge on a word edge or on a clitic boundary), so ``مصر``
is found in ``بمصر`` but not in ``عمصر``.
"""

from __future__ import annotations

from ..clitics import snap_selection
from ..search import Normalized


def occurrences(text: str | Normalized, term: str) -> list[tuple[int, int]]:
    """Every occurrence of ``term`` in ``text`` as ``(start, end)`` code-point offsets, in order.

    Args:
        text: the exact document text, or its ``Normalized`` copy (reused across many terms).
        term: what to look for; folded the same way as the text.
    """
    norm = text if isinstance(text, Normalized) else Normalized.of(text)
    original = norm.original
    return [(s, e) for s, e in norm.find_all(term) if snap_selection(original, s, e) == (s, e)]
