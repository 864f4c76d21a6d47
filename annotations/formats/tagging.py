"""From nested spans to tag sequences: the flat projections of nested spans (``outermost``,
``innermost``), one layer per nesting level (``levels``), and the tags of a layer's token ranges in
IOB2 or BIOES (``encode_tags``, ``encode_tag_columns``), for the token formats."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Sequence
from itertools import compress, repeat
from operator import attrgetter, gt, le, lt, sub

from ..model import Span

_START, _END = attrgetter("start"), attrgetter("end")


# ------------------------------------------------------------------------------------------------
# nesting
# ------------------------------------------------------------------------------------------------


def _by_start_longest_first(spans: Iterable[Span]) -> list[Span]:
    """``spans`` sorted by ``(start, -end)``, ties in their order: two stable sorts with C keys
    (faster than one with a Python key, and this runs for every exported document)."""
    return sorted(sorted(spans, key=_END, reverse=True), key=_START)


def in_order_apart(starts: Sequence[int], ends: Sequence[int]) -> bool:
    """Whether each of these ranges starts after the one before and ends before the next starts
    (most documents' spans): then they are already in ``(start, -end)`` order and no two overlap, so
    every flat projection keeps them all as they are. Checked in C, a column at a time."""
    after = starts[1:]
    return all(map(lt, starts, after)) and all(map(le, ends, after))


def _apart(spans: Sequence[Span]) -> bool:
    return in_order_apart(list(map(_START, spans)), list(map(_END, spans)))


def outermost(spans: Sequence[Span]) -> tuple[list[Span], list[Span]]:
    """Keep spans not inside (or crossing) an earlier, longer one; return ``(kept, dropped)``.

    ``spans`` must be sorted by ``(start, -end)`` (the core's order).
    """
    if _apart(spans):
        return list(spans), []
    kept: list[Span] = []
    dropped: list[Span] = []
    end = -1
    for s in _by_start_longest_first(spans):
        if s.start < end:
            dropped.append(s)
        else:
            kept.append(s)
            end = s.end
    return kept, dropped


def innermost(spans: Sequence[Span]) -> tuple[list[Span], list[Span]]:
    """Keep the spans that contain no other span (the flat projection for models trained on the
    innermost entities), then, of two that cross, the first; return ``(kept, dropped)``."""
    ordered = _by_start_longest_first(spans)
    contains_other = set()
    for k, s in enumerate(ordered):  # a span's contained spans follow it in (start, -end) order
        for t in ordered[k + 1:]:
            if t.start >= s.end:
                break
            if t.end <= s.end:
                contains_other.add(id(s))
                break
    leaves = [s for s in ordered if id(s) not in contains_other]
    kept, _ = outermost(leaves)
    kept_ids = {id(s) for s in kept}
    return kept, [s for s in ordered if id(s) not in kept_ids]


def levels(spans: Sequence[Span]) -> list[list[Span]]:
    """Distribute spans over nesting levels: level 0 is the outermost, each level has no overlap."""
    if spans and _apart(spans):
        return [list(spans)]
    out: list[list[Span]] = []
    ends: list[int] = []
    for s in _by_start_longest_first(spans):
        for lv, e in enumerate(ends):
            if s.start >= e:
                out[lv].append(s)
                ends[lv] = s.end
                break
        else:
            out.append([s])
            ends.append(s.end)
    return out


# ------------------------------------------------------------------------------------------------
# tag schemes
# ------------------------------------------------------------------------------------------------
def encode_tags(n: int, ranges: Iterable[tuple[int, int, str]], scheme: str, prefix: str = "") -> list[str]:
    """Tags for ``n`` tokens from non-overlapping ``(first, last_exclusive, label)`` token ranges.

    ``prefix`` goes before every tag (the CoNLL writer puts its column separator there).
    """
    tags = [prefix + "O"] * n
    encode_tags_into(tags, ranges, scheme, prefix)
    return tags


def encode_tag_columns(n: int, firsts: Sequence[int], lasts: Sequence[int], labels: Sequence[str], scheme: str,
                       prefix: str = "") -> list[str]:
    """``encode_tags`` with the ranges as columns (``firsts[k]``, ``lasts[k]``, ``labels[k]``), each
    range at least one token, none overlapping another: the one-token spans (most) get their tag a
    column at a time, and each tag string is made once per label."""
    tags = [prefix + "O"] * n
    if not firsts:
        return tags
    bioes = scheme == "bioes"
    heads = {label: prefix + ("S-" if bioes else "B-") + label for label in set(labels)}
    deque(map(tags.__setitem__, firsts, map(heads.__getitem__, labels)), 0)
    if sum(lasts) - sum(firsts) == len(firsts):  # every range one token (each is at least one)
        return tags
    longer = list(compress(range(len(firsts)), map(gt, map(sub, lasts, firsts), repeat(1))))
    if longer:
        encode_tags_into(tags, [(firsts[k], lasts[k], labels[k]) for k in longer], scheme, prefix)
    return tags


def encode_tags_into(tags: list[str], ranges: Iterable[tuple[int, int, str]], scheme: str, prefix: str) -> None:
    """Write the tags of ``ranges`` (as ``encode_tags``) into ``tags``."""
    b, i_ = prefix + "B-", prefix + "I-"
    if scheme == "bioes":
        e, s_ = prefix + "E-", prefix + "S-"
        for i, j, label in ranges:
            if j - i == 1:
                tags[i] = s_ + label
                continue
            tags[i] = b + label
            for k in range(i + 1, j - 1):
                tags[k] = i_ + label
            tags[j - 1] = e + label
    else:
        for i, j, label in ranges:
            tags[i] = b + label
            if j - i > 1:  # most spans are one token
                tags[i + 1 : j] = [i_ + label] * (j - i - 1)
