"""The headline as the first paragraph of a document's text, so that it can be annotated and exported.

At import a document's title is kept as ``Document.title`` and also put at the start of the text, on a
line of its own: ``text = headline + "\\n" + body``. ``meta["headline"]`` is the headline's length in code
points (the first paragraph is ``text[:meta["headline"]]``), and ``meta["headline_added"]`` is true when
the importer added that line (the source had the title elsewhere: a header line taken out by cleanup,
an HTML ``<title>``, a JSONL field) so that the original source can still be rebuilt.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

HEADLINE = "headline"
ADDED = "headline_added"


def headline_of(title: str | None) -> str:
    """The title as one line (runs of white space, line breaks included, become one space)."""
    return " ".join((title or "").split())


def with_headline(title: str | None, body: str) -> tuple[str, dict[str, Any]]:
    """``(text, meta keys)`` for a document whose title should open its text.

    A body whose first line already is the headline is kept as it is; no title, no change.
    """
    headline = headline_of(title)
    if not headline:
        return body, {}
    first = body.split("\n", 1)[0]
    if headline_of(first) == headline:
        return body, {HEADLINE: len(first)}
    return f"{headline}\n{body}", {HEADLINE: len(headline), ADDED: True}


def headline_length(meta: Mapping[str, Any]) -> int:
    """Length of the headline paragraph at the start of the text (0 when the text has none)."""
    value = meta.get(HEADLINE)
    return value if isinstance(value, int) and not isinstance(value, bool) and value > 0 else 0


def without_added_headline(text: str, meta: Mapping[str, Any]) -> str:
    """The text as the source had it: the headline line the importer added is taken off again."""
    n = headline_length(meta)
    if n and meta.get(ADDED) and text[n:n + 1] in ("\n", ""):
        return text[n + 1:]
    return text


def after_headline(text: str, meta: Mapping[str, Any]) -> str:
    """The text without its headline paragraph (the article body)."""
    n = headline_length(meta)
    return text[n + 1:] if n and text[n:n + 1] in ("\n", "") else text
