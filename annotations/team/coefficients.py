"""Agreement coefficients, computed here (the ``krippendorff`` package and scikit-learn are only the
tests' oracles). Each returns ``None`` where the coefficient is undefined (no data, or one category
only, where the expected disagreement is zero): that is "not measurable", not perfect agreement.

* ``cohen_kappa(a, b)``: two raters' categories for the same items.
* ``fleiss_kappa(counts)``: per item, how many raters chose each category (Fleiss 1971); items may
  have different numbers of raters (each item's agreement is over its own pairs of raters).
* ``krippendorff_alpha(units)``: per item, the values of the raters who rated it (nominal metric;
  items with fewer than two values are not pairable and are left out, as in Krippendorff 2011).
* ``span_f1(a, b, overlap)``: two sets of labelled spans; exact match, or overlap with the same label
  matched one to one.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Hashable, Iterable, Mapping, Sequence
from itertools import combinations
from typing import Any


def cohen_kappa(a: Sequence[Hashable], b: Sequence[Hashable]) -> float | None:
    """Cohen's kappa of two raters over the same items (``len(a) == len(b)``)."""
    if len(a) != len(b):
        raise ValueError("cohen_kappa needs one category per item from each rater")
    return cohen_kappa_table(Counter(zip(a, b, strict=True)))


def cohen_kappa_table(table: Mapping[tuple[Any, Any], int]) -> float | None:
    """Cohen's kappa from a confusion table ``{(category of a, category of b): items}``."""
    n = sum(table.values())
    if not n:
        return None
    ca: Counter[Hashable] = Counter()
    cb: Counter[Hashable] = Counter()
    agree = 0
    for (x, y), k in table.items():
        ca[x] += k
        cb[y] += k
        if x == y:
            agree += k
    observed = agree / n
    expected = sum(ca[k] * cb.get(k, 0) for k in ca) / (n * n)
    if expected >= 1.0:
        return None
    return (observed - expected) / (1.0 - expected)


def fleiss_kappa(counts: Iterable[Mapping[Hashable, int]], weights: Iterable[int] | None = None) -> float | None:
    """Fleiss' kappa from per-item category counts (items with fewer than two raters are skipped).

    ``weights``: how many items each entry of ``counts`` stands for (identical items counted once).
    """
    totals: Counter[Hashable] = Counter()
    p_sum = 0.0
    n_items = 0
    n_ratings = 0
    for item, w in zip(counts, weights if weights is not None else _ones(), strict=False):
        r = sum(item.values())
        if r < 2:
            continue
        n_items += w
        n_ratings += r * w
        for c, k in item.items():
            totals[c] += k * w
        p_sum += w * (sum(c * c for c in item.values()) - r) / (r * (r - 1))
    if not n_items:
        return None
    p_bar = p_sum / n_items
    p_e = sum((c / n_ratings) ** 2 for c in totals.values())
    if p_e >= 1.0:
        return None
    return (p_bar - p_e) / (1.0 - p_e)


def krippendorff_alpha(units: Iterable[Sequence[Hashable]]) -> float | None:
    """Krippendorff's alpha, nominal metric, from the values each unit received (missing ones absent)."""
    return krippendorff_alpha_counts(Counter(values) for values in units)


def krippendorff_alpha_counts(counts: Iterable[Mapping[Hashable, int]],
                              weights: Iterable[int] | None = None) -> float | None:
    """``krippendorff_alpha`` from per-unit value counts (``weights``: units each entry stands for)."""
    coincidence: dict[tuple[Hashable, Hashable], float] = {}
    for item, w in zip(counts, weights if weights is not None else _ones(), strict=False):
        m = sum(item.values())
        if m < 2:
            continue
        for c, nc in item.items():
            for k, nk in item.items():
                pairs = nc * (nc - 1) if c == k else nc * nk
                if pairs:
                    coincidence[(c, k)] = coincidence.get((c, k), 0.0) + w * pairs / (m - 1)
    n_c: dict[Hashable, float] = {}
    for (c, _k), v in coincidence.items():
        n_c[c] = n_c.get(c, 0.0) + v
    n = sum(n_c.values())
    if n <= 1:
        return None
    disagreement_observed = sum(v for (c, k), v in coincidence.items() if c != k)
    disagreement_expected = sum(n_c[c] * n_c[k] for c, k in combinations(n_c, 2)) * 2 / (n - 1)
    if disagreement_expected == 0:
        return None
    return 1.0 - disagreement_observed / disagreement_expected


def _ones() -> Iterable[int]:
    while True:
        yield 1


Spanlike = tuple[int, int, str]


def span_f1(a: Iterable[Spanlike], b: Iterable[Spanlike], overlap: bool = False) -> float | None:
    """F1 between two annotators' ``(start, end, label)`` spans (symmetric: 2·matches / (|a| + |b|)).

    ``overlap=False``: a match is the same extent and label. ``overlap=True``: same label and at least
    one shared character, each span matched at most once (exact matches first, then the largest
    overlaps first). ``None`` when
    neither has a span.
    """
    sa, sb = list(a), list(b)
    if not sa and not sb:
        return None
    return 2.0 * span_matches(sa, sb, overlap) / (len(sa) + len(sb))


def span_matches(a: Sequence[Spanlike], b: Sequence[Spanlike], overlap: bool = False) -> int:
    """How many spans of ``a`` match one of ``b`` (one to one; see ``span_f1``)."""
    return sum(matches_per_label(a, b, overlap).values())


def matches_per_label(a: Sequence[Spanlike], b: Sequence[Spanlike], overlap: bool = False) -> Counter[str]:
    """``span_matches`` counted per label."""
    common = Counter(a) & Counter(b)
    matched: Counter[str] = Counter()
    for (_s, _e, label), n in common.items():
        matched[label] += n
    if not overlap:
        return matched
    # exact matches pair first; the rest pair by largest overlap
    left = Counter(b) - common
    b = list(left.elements())
    rest = Counter(a) - common
    a = list(rest.elements())
    by_label: dict[str, list[tuple[int, int]]] = {}
    for s, e, label in b:
        by_label.setdefault(label, []).append((s, e))
    index = {}  # per label: b's spans by start, their starts, and the longest (bounds the look-back)
    for label, spans in by_label.items():
        spans.sort()
        index[label] = (spans, [s for s, _ in spans], max(e - s for s, e in spans))
    candidates = []
    for i, (s, e, label) in enumerate(a):
        if label not in index:
            continue
        spans, starts, longest = index[label]
        j = bisect.bisect_left(starts, e) - 1  # the last span of b starting before e
        while j >= 0 and starts[j] > s - longest:  # earlier ones end before s
            s2, e2 = spans[j]
            shared = min(e, e2) - max(s, s2)
            if shared > 0:
                candidates.append((-shared, i, (label, j)))
            j -= 1
    candidates.sort()
    used_a: set[int] = set()
    used_b: set[tuple[str, int]] = set()
    for _, i, key in candidates:
        if i not in used_a and key not in used_b:
            used_a.add(i)
            used_b.add(key)
            matched[key[0]] += 1
    return matched
