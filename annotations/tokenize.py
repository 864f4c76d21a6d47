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


def _cut(tokens: list[tuple[int, int]], cuts: Sequence[int]) -> list[tuple[int, int]]:
    """Split tokens at every offset in sorted ``cuts`` that falls strictly inside a token."""
    out: list[tuple[int, int]] = []
    ci, n = 0, len(cuts)
    for s, e in tokens:
        while ci < n and cuts[ci] <= s:
            ci += 1
        pos = s
        while ci < n and cuts[ci] < e:
            out.append((pos, cuts[ci]))
            pos = cuts[ci]
            ci += 1
        out.append((pos, e))
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
        tokens = _cut(tokens, sorted({o for se in spans for o in se}))
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
    bounds = _sentence_bounds(text, tokens, span_tokens, whitespace) if sentences else []
    sents: list[tuple[int, int]] = []
    prev = 0
    for b in bounds + [len(tokens)]:
        if b > prev:
            sents.append((prev, b))
        prev = b
    return TokenizedDoc(text, tokens, sents, span_tokens, moved)


def _sentence_bounds(
    text: str, tokens: list[tuple[int, int]], span_tokens: Sequence[tuple[int, int] | None], lines_only: bool
) -> list[int]:
    """Token indices where a new sentence starts; never inside a span.

    ``lines_only``: text rebuilt from a token format has one sentence per line; keep exactly those.
    """
    inside = bytearray(len(tokens) + 1)  # inside[b] = 1: a span covers tokens b-1 and b
    for r in span_tokens:
        if r is not None:
            for b in range(r[0] + 1, r[1]):
                inside[b] = 1
    bounds = []
    for b in range(1, len(tokens)):
        if inside[b]:
            continue
        ps, pe = tokens[b - 1]
        gap = text[pe : tokens[b][0]]
        newline = "\n" in gap or "\r" in gap
        # ". . ." ends a sentence once, after its last mark
        nxt = text[tokens[b][0] : tokens[b][1]]
        ends = not lines_only and text[ps:pe] in SENTENCE_END and nxt not in SENTENCE_END
        if newline or ends:
            bounds.append(b)
    return bounds
