"""Paragraph and document direction rules for display: first strong character, settled by the document.

Like HTML ``dir=auto`` a paragraph takes the direction of its first strong character (isolates
LRI/RLI/FSI…PDI are skipped, as in rule P2 of the Unicode Bidi Algorithm). Two kinds of lines get the
document direction instead, because first-strong gets them wrong inside an article:

* lines with no strong character at all (``- 17.09.2023``, ``- ℃ 11``);
* *mixed* lines that also contain strong characters of the document direction (``CNN: قال ...`` in an
  Arabic article is right-to-left).

A line made only of the other direction's letters (an English quote in an Arabic article) keeps its own.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from typing import Any

RTL, LTR = "rtl", "ltr"
_ISOLATE_OPEN = {"\u2066", "\u2067", "\u2068"}  # LRI RLI FSI
_PDI = "\u2069"
_RTL_CLASSES = {"R", "AL"}
# Counting by script block is enough for a majority vote and much faster than per-character bidi classes.
_RTL_LETTERS = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")
_LTR_LETTERS = re.compile("[A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff]")


def scan_strong(text: str) -> tuple[str | None, bool, bool]:
    """Return ``(first_strong, has_rtl, has_ltr)`` for ``text``, ignoring characters inside isolates.

    ``first_strong`` is ``"rtl"``, ``"ltr"`` or ``None`` (no strong character).
    """
    first: str | None = None
    has_rtl = has_ltr = False
    depth = 0
    for ch in text:
        if ch in _ISOLATE_OPEN:
            depth += 1
            continue
        if ch == _PDI:
            depth = max(0, depth - 1)
            continue
        if depth or ch.isspace() or ch.isdigit():
            continue
        cls = unicodedata.bidirectional(ch)
        if cls in _RTL_CLASSES:
            has_rtl = True
            first = first or RTL
        elif cls == "L":
            has_ltr = True
            first = first or LTR
        if has_rtl and has_ltr:
            break
    return first, has_rtl, has_ltr


def document_direction(text: str, meta: Mapping[str, Any] | None = None) -> str:
    """The document's base direction: ``meta["direction"]`` when it is "rtl"/"ltr", else the majority script.

    The majority is counted over Hebrew/Arabic-script letters against Latin/Greek/Cyrillic ones; ties
    and texts without letters are right-to-left, since the app is for Arabic news.
    """
    declared = str((meta or {}).get("direction", "")).lower()
    if declared in (RTL, LTR):
        return declared
    rtl = sum(1 for _ in _RTL_LETTERS.finditer(text))
    ltr = sum(1 for _ in _LTR_LETTERS.finditer(text))
    return LTR if ltr > rtl else RTL


def paragraph_direction(line: str, document_dir: str = RTL, override: str | None = None) -> str:
    """Direction to display one paragraph with (see the module docstring for the rule).

    Args:
        line: the paragraph text (no newline).
        document_dir: the document's direction, "rtl" or "ltr".
        override: "rtl" or "ltr" forces every paragraph; ``None``/"auto" applies the rule.
    """
    if override in (RTL, LTR):
        return override
    first, has_rtl, has_ltr = scan_strong(line)
    if first is None:
        return document_dir
    if has_rtl and has_ltr:
        return document_dir
    return first
