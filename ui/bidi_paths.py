"""File paths for display: left to right, each folder name isolated so Arabic names keep their order.

Without isolation the bidi algorithm joins neighbouring Arabic folder names into one right-to-left run,
so ``أخبار/صورة.txt`` shows the file before its folder. Each component is a left-to-right isolate
(LRI…PDI): Arabic words inside it still read right to left, and ``صورة.txt`` keeps its extension on the
right, as in the rest of the path. Only what is painted gets the invisible isolates, never what is
copied or passed on.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

LRI, PDI = "\u2066", "\u2069"
# Path separators, and "!" between an archive and its member (``news.zip!2023/a.txt``).
_SEPARATORS = re.compile(r"([/\\!])")


def display_path(path: str) -> str:
    """``path`` laid out left to right, every component in its own isolate."""
    parts = _SEPARATORS.split(path)
    shown = "".join(p if _SEPARATORS.fullmatch(p) or not p else f"{LRI}{p}{PDI}" for p in parts)
    return f"{LRI}{shown}{PDI}"


def isolate_paths(text: str, paths: Iterable[str]) -> str:
    """``text`` with every occurrence of one of ``paths`` replaced by its ``display_path`` form."""
    known = sorted({p for p in paths if p}, key=len, reverse=True)  # longest first: a.zip!b.txt before a.zip
    if not known:
        return text
    pattern = re.compile("|".join(map(re.escape, known)))
    return pattern.sub(lambda m: display_path(m.group()), text)


def looks_like_path(text: str) -> bool:
    return bool(_SEPARATORS.search(text))
