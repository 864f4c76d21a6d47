"""Which line of a scraped page is the article's headline.

A line repeated back to back near the top is the headline, whatever comes before it (sites print
it in the page title and again above the text). Otherwise the candidates (lines that no rule took,
before the first paragraph) are scored by position, length and how many of their words the first
paragraph repeats; a line shorter than half the body's typical clause (at least 3 words) is never
the headline, so section names, site names and bylines are not taken for it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from statistics import median

TITLE_MAX_CHARS = 200
#: A line the source's other articles repeat is a headline candidate when the first paragraph has this
#: share of its words.
LEARNED_ECHO = 0.5
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


# "العنوان | اسم الموقع", "العنوان - اسم الموقع": the page's <title>, the headline with the site's name
_SUFFIX_RE = re.compile(r"^\s*[|\-–—:»]\s*(?P<site>\S.{0,40})$")
SUFFIX_MAX_WORDS = 4


def is_suffixed_copy(longer: str, shorter: str) -> bool:
    """``longer`` is ``shorter`` followed by a separator and a few words (a site's name)."""
    if len(longer) <= len(shorter) or not shorter or not longer.startswith(shorter):
        return False
    m = _SUFFIX_RE.match(longer[len(shorter):])
    return m is not None and len(m.group("site").split()) <= SUFFIX_MAX_WORDS


def choose(zone: Sequence[int], is_plain: Callable[[int], bool], key: Callable[[int], str],
           paragraph: Callable[[int], bool], is_date: Callable[[int], bool], is_crumb: Callable[[int], bool],
           named: Callable[[int], bool], learned: Callable[[int], bool] = lambda i: False) -> int | None:
    """The headline among the header's lines (indices in ``zone``, page order), or None.

    Args:
        is_plain: whether no rule, line class or the batch took a line.
        key: a line's folded, space-collapsed form.
        paragraph: whether a plain line reads as running text (the first one ends the header).
        is_date: whether a line is a date line (read or not): the headline is above the last one.
        is_crumb: whether a line is a breadcrumb: the headline is under the last one.
        named: whether a plain line is a writer's name with the writer's description under it.
        learned: whether a line no rule or class took is one the source's other articles repeat. It
            may still be the headline: printed twice, or echoing the first paragraph (the other
            articles list it under "الأكثر قراءة").
    """
    # a line repeated back to back is the headline, whatever comes before it
    keys = [key(i) for i in zone]
    for k in range(len(zone) - 1):
        ka = keys[k]
        if ka == keys[k + 1] and len(ka) <= TITLE_MAX_CHARS and not ka.endswith(":") and (
                is_plain(zone[k]) or learned(zone[k])):
            return zone[k]  # (even one that ends with a full stop)
    plain = [i for i in zone if is_plain(i)]
    para = next((k for k, i in enumerate(plain) if paragraph(i)), None)
    cands = plain[:para] if para is not None else plain[:-1]
    if para is not None:
        echo = [i for i in zone if i < plain[para] and learned(i) and title_like(key(i))
                and similarity(key(i), key(plain[para])) >= LEARNED_ECHO]
        if echo:
            cands = sorted(cands + echo)
    # the page's title (the headline and the site's name) above the headline itself
    for k, a in enumerate(cands):
        for b in cands[k + 1:]:
            if title_like(key(b)) and is_suffixed_copy(key(a), key(b)):
                return b
    # an opinion page: the writer's name and description right under the headline
    for k, i in enumerate(zone[1:], 1):
        above = zone[k - 1]
        if above in cands and i in plain and named(i) and not named(above) and title_like(key(above)):
            return above
    if para is None and len(plain) < 2:
        return None
    first = key(plain[para]) if para is not None else None
    floor = min_words([key(i) for i in plain[para or 0:]])
    last_date = max((i for i in zone if is_date(i)), default=-1)
    crumbs = [i for i in zone if is_crumb(i)]
    # a bar of links under the article's date ("تكبير الخط | تصغير الخط") is a toolbar: the headline is
    # under the last breadcrumb above the date, if there is one
    crumb = max((i for i in crumbs if i < last_date), default=max(crumbs, default=-1))
    for pool in ([i for i in cands if i > crumb], cands) if crumb >= 0 else (cands,):
        # above the article's date (a line under the last date is a caption), unless no line above it
        # can be the headline: then the date tops the page
        above_date = [(i, key(i)) for i in pool if i < last_date]
        found = best_candidate(above_date, first, floor) if above_date else None
        if found is None:
            found = best_candidate([(i, key(i)) for i in pool], first, floor)
        if found is not None:
            return found
    return None
