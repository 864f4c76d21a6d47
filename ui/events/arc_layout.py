"""Compact argument arcs: how high each arc runs above its line and where its label goes.

Arcs live in the room above a line (the reader's line gap, widened a little in arcs mode). Every arc is a
flat-topped bracket: up from its tail, along its top, down to its head; its label sits on its top, so a
label can slide anywhere along the top without leaving its arc. The layout pass:

1. nests the arcs of each line by width (the narrowest lowest), so that arcs sharing a stretch of the line
   run at different heights (``STEP`` pixels apart) instead of on top of each other;
2. places the labels one by one, narrow arcs first: at the arc's height, as near its preferred point as the
   obstacles allow (label chips of the spans, the ink and underlines of the text, labels already placed);
   when no point along the top is free, the arc is raised by ``STEP`` and the search runs again, as long
   as its label stays below the line above; then it is tried lower, in the chip row between the chips;
   only then does it rise over the line above.

Nothing here paints; ``ui.events.event_painter`` builds the pieces and draws the result.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QPainterPath

STEP = 4.0  # pixels between the tops of nested arcs, and per raise when a label finds no room
RISE = 3.0  # an arc's top is at least this far above the higher of its two ends
GAP = 2.0  # least room between a label and another label or a chip (glyph boxes carry their own margin)
OVERHANG = 6.0  # a label wider than its arc still covers this much of the arc's top
MAX_RAISES = 400  # a label always finds room well before this (400 steps clear any page)


@dataclass
class Piece:
    """One arc (or half arc) to lay out, and the result.

    Attributes:
        line: ``(block, line)`` of the line the arc runs above.
        tail, head: the arc's two ends (for a half arc one of them is at the line's edge, on its top).
        line_top: y of the top of that line; the arc's top starts just above its label chips.
        chip_height: height of a row of label chips above the line.
        size: the label's width and height.
        prefer: where along the top the label's centre would best be (x).
        level: nesting level (set by ``assign_levels``).
        peak: y of the arc's top (set by ``place_labels``).
        label: the label's box (set by ``place_labels``).
        open_head: the head is an open end at the line's edge (the first half of a link between lines),
            so the arc stops on its top there instead of coming down.
        open_tail: likewise for the tail (the second half).
        area: left and right x a label must stay within (the line's edges: the text area).
    """

    line: tuple[int, int]
    tail: QPointF
    head: QPointF
    line_top: float
    chip_height: float
    size: tuple[float, float]
    prefer: float
    open_head: bool = False
    open_tail: bool = False
    area: tuple[float, float] = (float("-inf"), float("inf"))
    level: int = 0
    peak: float = 0.0
    label: QRectF = field(default_factory=QRectF)
    x0: float = field(init=False)  # the stretch of the line the arc's top spans
    x1: float = field(init=False)
    width: float = field(init=False)

    def __post_init__(self) -> None:
        self.x0, self.x1 = sorted((self.tail.x(), self.head.x()))
        self.width = self.x1 - self.x0

    def lowest_peak(self) -> float:
        """Where the arc's top runs unless its label needs room elsewhere: above the line's chip row and
        above both of its ends."""
        return min(self.line_top - self.chip_height, self.floor())

    def floor(self) -> float:
        """The lowest the arc's top can ever run: just above its ends (the chip row is only preferred)."""
        ends = [p.y() for p, is_open in ((self.tail, self.open_tail), (self.head, self.open_head)) if not is_open]
        return min([self.line_top, *ends]) - RISE

    def centre_range(self) -> tuple[float, float]:
        """Where the label's centre may go: anywhere its box stays over the arc's top; a label wider than
        its arc may slide as long as it still covers a part of the top (``OVERHANG`` pixels or more)."""
        half = self.size[0] / 2
        lo, hi = self.x0 + half, self.x1 - half
        if lo > hi:
            lo, hi = self.x0 - half + OVERHANG, self.x1 + half - OVERHANG
        lo, hi = max(lo, self.area[0] + half), min(hi, self.area[1] - half)
        if lo > hi:
            mid = min(max((self.x0 + self.x1) / 2, self.area[0] + half), self.area[1] - half)
            return mid, mid
        return lo, hi


def _overlap(a0: float, a1: float, b0: float, b1: float) -> float:
    return min(a1, b1) - max(a0, b0)


def assign_levels(pieces: Iterable[Piece]) -> None:
    """Nest the arcs of each line by width: each takes the lowest level where no arc already there shares
    more than a couple of pixels of its stretch (arcs that only meet at a trigger share a level)."""
    taken: dict[tuple[int, int], list[Piece]] = {}
    for piece in sorted(pieces, key=lambda p: p.width):
        placed = taken.setdefault(piece.line, [])
        level = 0
        while any(o.level == level and _overlap(o.x0, o.x1, piece.x0, piece.x1) > 2 for o in placed):
            level += 1
        piece.level = level
        placed.append(piece)


Box = tuple[float, float, float, float]  # left, top, right, bottom


def boxes(rects: Iterable[QRectF]) -> list[Box]:
    """Rectangles as plain ``(left, top, right, bottom)`` tuples (the layout compares thousands of them)."""
    return [(r.left(), r.top(), r.right(), r.bottom()) for r in rects]


def free_centre(obstacles: Iterable[Box], top: float, bottom: float, lo: float, hi: float,
                width: float, prefer: float) -> float | None:
    """The label centre in ``[lo, hi]`` nearest ``prefer`` whose box (``width`` wide, from ``top`` to
    ``bottom``) meets no obstacle, or None when there is none (obstacles carry their margins)."""
    half = width / 2
    blocked = sorted((left - half, right + half) for left, o_top, right, o_bottom in obstacles
                     if o_top < bottom and top < o_bottom)
    best: float | None = None

    def consider(a: float, b: float) -> None:  # a free stretch [a, b] of label centres
        nonlocal best
        c = min(max(prefer, a), b)
        if best is None or abs(c - prefer) < abs(best - prefer):
            best = c

    pos = lo
    for a, b in blocked:
        if b <= pos:
            continue
        if a >= pos:
            consider(pos, min(a, hi))
        pos = b
        if pos > hi:
            return best
    consider(pos, hi)
    return best


class _Placed:
    """Label boxes already placed, bucketed by height so that a search looks only at its neighbours."""

    BUCKET = 32.0

    def __init__(self) -> None:
        self._buckets: dict[int, list[Box]] = {}

    def add(self, box: Box) -> None:
        for b in range(int(box[1] // self.BUCKET), int(box[3] // self.BUCKET) + 1):
            self._buckets.setdefault(b, []).append(box)

    def near(self, top: float, bottom: float) -> list[Box]:
        out: list[Box] = []
        for b in range(int(top // self.BUCKET), int(bottom // self.BUCKET) + 1):
            out.extend(self._buckets.get(b, ()))
        return out


@dataclass
class Room:
    """The room above one line.

    Attributes:
        obstacles: what labels there keep off, as boxes with their margins: label chips, glyphs, underlines.
        ceiling: the bottom of the line above (its lowest glyphs and underlines); a label that cannot
            stay below it is first tried lower down, in the chip row, before it is raised over that line.
    """

    obstacles: list[Box] = field(default_factory=list)
    ceiling: float = float("-inf")


def _peaks(piece: Piece, start: float, ceiling: float) -> Iterator[float]:
    """Heights to try for an arc's top, best first: up from ``start`` while its label stays below the
    line above, then down to the arc's floor (into the chip row), then up over the line above."""
    h = piece.size[1]
    peak = start
    while peak - h / 2 >= ceiling:
        yield peak
        peak -= STEP
    down = start + STEP
    while down <= piece.floor():
        yield down
        down += STEP
    for _ in range(MAX_RAISES):
        yield peak
        peak -= STEP


def place_labels(pieces: list[Piece], rooms: dict[tuple[int, int], Room]) -> None:
    """Give every piece its top (``peak``) and its label box, so that no label meets another label or an
    obstacle of its line (``rooms[piece.line]``)."""
    placed = _Placed()
    done: dict[tuple[int, int], list[Piece]] = {}
    for piece in sorted(pieces, key=lambda p: (p.level, p.width)):
        start = piece.lowest_peak() - piece.level * STEP
        # an arc nested over narrower ones on its line runs above them, however high they had to go
        for inner in done.get(piece.line, ()):
            if inner.level < piece.level and _overlap(inner.x0, inner.x1, piece.x0, piece.x1) > 2:
                start = min(start, inner.peak - STEP)
        w, h = piece.size
        lo, hi = piece.centre_range()
        room = rooms.get(piece.line) or Room()
        centre, peak = None, start
        for peak in _peaks(piece, start, room.ceiling):
            top, bottom = peak - h / 2, peak + h / 2
            centre = free_centre([*room.obstacles, *placed.near(top, bottom)], top, bottom, lo, hi, w,
                                 piece.prefer)
            if centre is not None:
                break
        if centre is None:  # pragma: no cover - MAX_RAISES clears any page
            centre = piece.prefer
        piece.peak = peak
        piece.label = QRectF(centre - w / 2, peak - h / 2, w, h)
        placed.add((centre - w / 2 - GAP, peak - h / 2 - GAP, centre + w / 2 + GAP, peak + h / 2 + GAP))
        done.setdefault(piece.line, []).append(piece)


def arc_path(piece: Piece) -> QPainterPath:
    """The arc as a flat-topped bracket with rounded corners: up from the tail, along the top, down to
    the head (an open end stays on the top)."""
    tail, head, peak = piece.tail, piece.head, piece.peak
    sign = 1.0 if head.x() >= tail.x() else -1.0
    path = QPainterPath(QPointF(tail.x(), peak) if piece.open_tail else tail)
    r_tail = 0.0 if piece.open_tail else min(6.0, piece.width / 2, max(tail.y() - peak, 0.0))
    r_head = 0.0 if piece.open_head else min(6.0, piece.width / 2, max(head.y() - peak, 0.0))
    if r_tail:
        path.lineTo(tail.x(), peak + r_tail)
        path.quadTo(QPointF(tail.x(), peak), QPointF(tail.x() + sign * r_tail, peak))
    elif not piece.open_tail:
        path.lineTo(tail.x(), peak)
    path.lineTo(head.x() - sign * r_head, peak)
    if r_head:
        path.quadTo(QPointF(head.x(), peak), QPointF(head.x(), peak + r_head))
    if not piece.open_head:
        path.lineTo(head)
    return path
