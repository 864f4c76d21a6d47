"""Undoing the scraped-news cleanup: the source text back from a cleaned body and the meta that
``cleanup.clean`` recorded (every removed line and caption with its line number)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..headline import without_added_headline


def restore_original(body: str, meta: Mapping[str, Any]) -> str:
    """Rebuild the decoded source text from a cleaned body and its ``removed``/``captions``/``cleanup`` meta.

    ``body`` may be a stored text that opens with the headline the importer added (``annotations.headline``)."""
    body = without_added_headline(body, meta)
    info = meta.get("cleanup") or {}
    total = int(info.get("lines", 0))
    if not total:
        return body
    slots: list[str | None] = [None] * total
    for entry in list(meta.get("removed", ())) + list(meta.get("captions", ())):
        slots[int(entry["line"]) - 1] = entry["text"]
    k = int(info.get("body_line", 1)) - 1
    for line in body.split("\n"):
        while slots[k] is not None:
            k += 1
        slots[k] = line
        k += 1
    return "\n".join("" if s is None else s for s in slots)
