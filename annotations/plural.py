"""English counts in plain-text summaries: "1 document", "3 documents" (the GUI uses Qt's %n forms)."""

from __future__ import annotations


def count(n: int, singular: str, plural: str | None = None) -> str:
    """``n`` with the noun in the right number: ``count(1, "file")`` is "1 file", ``count(2, "file")`` "2 files"."""
    return f"{n} {singular if n == 1 else plural or singular + 's'}"
