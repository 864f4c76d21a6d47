"""Tokenizer and sentence splitter for token-level exports (CoNLL, spaCy, Hugging Face, event JSON).

Tokens are runs of word characters (Arabic letters with their diacritics, Latin, digits) or single
punctuation/symbol characters, Arabic ``، ؛ ؟`` included. Because Arabic glues clitics to words
(``ب`` + ``إسطنبول``), a span boundary often falls inside a whitespace token; in ``"split"`` mode the
token is cut there so the tags follow the annotation exactly, in ``"keep"`` mode (the AQMAR/ANERcorp
convention) the whole token gets the tag and every boundary that had to move is recorded.

All offsets are Python ``str`` indices (code points), end exclusive, into the original text.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

CLITIC_MODES = ("split", "keep")

# Arabic combining marks (harakat, superscript alef, Quranic marks) and ZWNJ/ZWJ are not ``\w`` for
# Python's ``re``; without them a vowelled word would fall apart into letters and marks.
_MARKS = "\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed\u200c\u200d"
# A decimal number (3.5, 2,000, ٣٫٥) stays one token; otherwise a run of word characters, or one
# single non-space character (punctuation and symbols, one token each).
_TOKEN_RE = re.compile(rf"\d+(?:[.,\u066b\u066c]\d+)+|[\w{_MARKS}]+|\S")
_SPACE_RE = re.compile(r"\S+")
SENTENCE_END = frozenset(".!?\u061f")  # . ! ? ؟


def word_tokens(text: str) -> list[tuple[int, int]]:
    """Split ``text`` into word and punctuation tokens.

    Args:
        text: any text.

    Returns:
        ``(start, end)`` character offsets of each token, in order.
    """
    return [m.span() for m in _TOKEN_RE.finditer(text)]


def whitespace_tokens(text: str) -> list[tuple[int, int]]:
    """Split ``text`` on whitespace only (documents imported from token formats keep their tokens)."""
    return [m.span() for m in _SPACE_RE.finditer(text)]


@dataclass
class Moved:
    """A span whose boundaries were moved to token edges in ``keep`` mode (or trimmed of spaces)."""

    index: int  # position of the span in the list given to ``tokenize_document``
    start: int
    end: int
    new_start: int
    new_end: int

    @property
    def boundaries(self) -> int:
        return int(self.start != self.new_start) + int(self.end != self.new_end)


@dataclass
class TokenizedDoc:
    """A document cut into tokens and sentences, with each span mapped to a token range.

    Attributes:
        text: the document text.
        tokens: ``(start, end)`` offsets of every token.
        sentences: ``(first, last_exclusive)`` token index ranges, in order, covering all tokens.
        span_tokens: for each input span, its ``(first, last_exclusive)`` token range, or ``None``
            when the span covers no token (only whitespace).
        moved: spans whose character extent differs from their token extent.
    """

    text: str
    tokens: list[tuple[int, int]]
    sentences: list[tuple[int, int]]
    span_tokens: list[tuple[int, int] | None]
    moved: list[Moved] = field(default_factory=list)

    @property
    def moved_boundaries(self) -> int:
        return sum(m.boundaries for m in self.moved)

    def token_text(self, i: int) -> str:
        s, e = self.tokens[i]
        return self.text[s:e]


def _cut(tokens: list[tuple[int, int]], cuts: set[int]) -> list[tuple[int, int]]:
    """Split tokens at every offset in ``cuts`` that falls strictly inside a token.

    Most span boundaries are already token edges, so only the few tokens that contain a cut are
    found (by bisection) and rebuilt; this is the hot loop of every token export.
    """
    starts = [s for s, _ in tokens]
    inside: dict[int, list[int]] = {}
    for c in cuts - set(starts) - {e for _, e in tokens}:  # set arithmetic in C skips the token edges
        i = bisect.bisect_right(starts, c) - 1
        if i >= 0 and tokens[i][0] < c < tokens[i][1]:
            inside.setdefault(i, []).append(c)
    if not inside:
        return tokens
    out: list[tuple[int, int]] = []
    prev = 0
    for i in sorted(inside):
        out += tokens[prev:i]
        s, e = tokens[i]
        for c in sorted(inside[i]):
            out.append((s, c))
            s = c
        out.append((s, e))
        prev = i + 1
    out += tokens[prev:]
    return out


def tokenize_document(
    text: str,
    spans: Sequence[tuple[int, int]] = (),
    clitics: str = "split",
    sentences: bool = True,
    whitespace: bool = False,
    base: list[tuple[int, int]] | None = None,
) -> TokenizedDoc:
    """Tokenize a document and align its spans to tokens.

    Args:
        text: the document text.
        spans: ``(start, end)`` character offsets of the spans to align.
        clitics: ``"split"`` cuts tokens at span boundaries; ``"keep"`` keeps whole tokens and
            widens spans to the token edges (counted in ``moved``).
        sentences: split sentences on ``. ! ? ؟`` and newlines; ``False`` gives one sequence.
        whitespace: tokenize on whitespace only and split sentences on newlines only (for documents
            that came from a token format, so their tokens and sentences come back unchanged).
        base: tokens from another tokenizer (spaCy's) to use instead of ours.

    Returns:
        The tokenized document.

    Raises:
        ValueError: for an unknown ``clitics`` mode.
    """
    if clitics not in CLITIC_MODES:
        raise ValueError(f"clitics must be one of {', '.join(CLITIC_MODES)}, not {clitics!r}")
    if base is not None:
        tokens = list(base)
    else:
        tokens = whitespace_tokens(text) if whitespace else word_tokens(text)
    if clitics == "split" and spans:
        tokens = _cut(tokens, {o for se in spans for o in se})
    starts = [s for s, _ in tokens]
    ends = [e for _, e in tokens]
    span_tokens: list[tuple[int, int] | None] = []
    moved: list[Moved] = []
    for k, (s, e) in enumerate(spans):
        # first token ending after s, last token starting before e: every token the span touches
        i = bisect.bisect_right(ends, s)
        j = bisect.bisect_left(starts, e)
        if i >= j:
            span_tokens.append(None)
            continue
        span_tokens.append((i, j))
        ns, ne = starts[i], ends[j - 1]
        if (ns, ne) != (s, e):
            moved.append(Moved(k, s, e, ns, ne))
    bounds = _sentence_bounds(text, tokens, starts, span_tokens, whitespace) if sentences else []
    sents: list[tuple[int, int]] = []
    prev = 0
    for b in bounds + [len(tokens)]:
        if b > prev:
            sents.append((prev, b))
        prev = b
    return TokenizedDoc(text, tokens, sents, span_tokens, moved)


_BREAK_RE = re.compile(r"[\r\n]+|[.!?\u061f]")
_LINE_RE = re.compile(r"[\r\n]+")


def _sentence_bounds(
    text: str,
    tokens: list[tuple[int, int]],
    starts: list[int],
    span_tokens: Sequence[tuple[int, int] | None],
    lines_only: bool,
) -> list[int]:
    """Token indices where a new sentence starts; never inside a span.

    Candidates are found with a regex over the text (few per document) rather than by visiting
    every token. ``lines_only``: text rebuilt from a token format has one sentence per line.
    """
    n = len(tokens)
    inside = {b for r in span_tokens if r is not None and r[1] - r[0] > 1 for b in range(r[0] + 1, r[1])}
    bounds: list[int] = []
    for m in (_LINE_RE if lines_only else _BREAK_RE).finditer(text):
        pos = m.start()
        b = bisect.bisect_right(starts, pos)  # first token starting after pos
        if text[pos] not in "\r\n":
            # a terminator ends a sentence only as a token of its own ("3.5" does not), and
            # ". . ." ends it once, after the last mark
            if b == 0 or tokens[b - 1] != (pos, pos + 1):
                continue
            if b < n and text[tokens[b][0] : tokens[b][1]] in SENTENCE_END:
                continue
        if 0 < b < n and b not in inside and (not bounds or bounds[-1] != b):
            bounds.append(b)
    return bounds
