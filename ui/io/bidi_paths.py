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


# Where a path may stand in a report line: after a space or at a line start, up to ``: ``, ``:12: ``,
# ``, `` or the end of the line (``failed /a/b.txt:3: reason``, ``same text as /a/c.txt, imported...``).
_CANDIDATE = re.compile(r"(?<!\S)[^\s:,][^\n]*?(?=(?::\d+)?: |, |\n|$)", re.MULTILINE)


def isolate_paths(text: str, paths: Iterable[str]) -> str:
    """``text`` with each of ``paths`` it contains (as a report names it) in its ``display_path`` form.

    Candidates are found by the shape of a report line and looked up in ``paths``, so the cost stays
    linear in the text however many files an import named.
    """
    known = {p for p in paths if p}
    if not known:
        return text

    def shown(m: re.Match[str]) -> str:
        words = m.group()
        # The candidate may start with a word ("failed", "as"): try each word start in turn.
        for k in [0] + [i + 1 for i, c in enumerate(words) if c == " "]:
            if words[k:] in known:
                return words[:k] + display_path(words[k:])
        return words

    return _CANDIDATE.sub(shown, text)


def looks_like_path(text: str) -> bool:
    return bool(_SEPARATORS.search(text))
