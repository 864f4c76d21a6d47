"""Which line of a scraped page is the article's headline.

A line repeated back to back near the top is the headline, whatever comes before it (sites print
it in the page title and again above the text). Otherwise the candidates (lines that no rule took,
before the first paragraph) are scored by position, length and how many of their words the first
paragraph repeats; a line shorter than half the body's typical clause (at least 3 words) is never
the headline, so section names, site names and bylines are not taken for it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from statistics import median

TITLE_MAX_CHARS = 200
MIN_WORDS, MAX_MIN_WORDS = 3, 6
_CLAUSE_SPLIT = re.compile(r"[.،؛!?؟:;,]+")
_TOKEN = re.compile(r"[^\W\d_]{2,}")
_PREFIXES = ("وال", "بال", "كال", "فال", "لل", "ال", "و", "ب", "ل", "ف")


def title_like(line: str) -> bool:
    """Short enough, and not ending like a sentence (".." is a common title ellipsis) or a label."""
    if len(line) > TITLE_MAX_CHARS:
        return False
    return not (line.endswith(".") and not line.endswith("..")) and not line.endswith(":")


def min_words(paragraphs: Sequence[str]) -> int:
    """The fewest words a headline may have: half the median clause of the body (3 to 6)."""
    lengths = [n for p in paragraphs for c in _CLAUSE_SPLIT.split(p) if (n := len(c.split())) >= 2]
    if not lengths:
        return MIN_WORDS
    return max(MIN_WORDS, min(MAX_MIN_WORDS, int(median(lengths)) // 2))


def _stems(folded: str) -> set[str]:
    out = set()
    for token in _TOKEN.findall(folded):
        for p in _PREFIXES:
            if token.startswith(p) and len(token) - len(p) >= 3:
                token = token[len(p):]
                break
        out.add(token)
    return out


def similarity(candidate: str, paragraph: str) -> float:
    """Share of the candidate's words (folded, without و/ب/ال... prefixes) that the paragraph has."""
    words = _stems(candidate)
    return len(words & _stems(paragraph)) / len(words) if words else 0.0


def best_candidate(candidates: Sequence[tuple[int, str]], first_paragraph: str | None, floor: int) -> int | None:
    """The index of the best headline among ``(index, folded line)`` candidates, in page order."""
    best, best_score = None, 0.0
    for rank, (index, folded) in enumerate(candidates):
        n = len(folded.split())
        if n < floor or not title_like(folded):
            continue
        score = 1 / (1 + rank) + min(n, 12) / 12
        if first_paragraph:
            score += 2 * similarity(folded, first_paragraph)
        if score > best_score:
            best, best_score = index, score
    return best
