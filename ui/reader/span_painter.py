"""Paint annotation spans over a laid-out QTextDocument without touching its text formats.

Highlights drawn here never change shaping: the text is laid out and drawn once by Qt, and spans are
painted under it (fills) and over it (underlines, label chips, selection, find hits, visible control
marks) from the ``QTextLayout`` geometry. The reader, the headless renderer and later overlays (event
arcs, role chips) all paint through this one class.

Geometry: one span becomes one rectangle per visual run per line. ``QTextLine.glyphRuns(from, length)``
splits a logical range into runs of one direction and font, so a span crossing an RTL/LTR boundary
yields several boxes, each covering its own glyphs. Invisible characters (bidi controls, zero-width
characters) are left out of the runs: they have no ink, and their nominal advance would stretch a box
over the neighbouring glyph.

Nothing drawn here covers glyph ink: fills are under the text, and underlines, trigger outlines, the
selection and the selection preview keep below the line's descent (where the dots under ي ب ج پ end).
"""

from __future__ import annotations

import heapq
import math
import unicodedata
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QPointF, QRect, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPen,
    QRegion,
    QTextBlock,
    QTextLine,
)

from .textdoc import INVISIBLES, ReaderDocument

# Invisible characters with no ink and no width of their own (NBSP and NNBSP look like spaces: they keep theirs)
ZERO_WIDTH = frozenset(ch for ch, name in INVISIBLES.items() if name not in ("NBSP", "NNBSP"))


@dataclass(frozen=True)
class SpanItem:
    """What the painter needs to know about one span.

    Attributes:
        id: annotation id.
        start, end: code-point offsets into the document body (end exclusive).
        label: label shown on the chip.
        color: fill/underline colour ("#rrggbb").
        kind: drawing style, a key of ``SpanPainter.styles`` ("entity"; "trigger" for event triggers).
    """

    id: str
    start: int
    end: int
    label: str
    color: str
    kind: str = "entity"


@dataclass(frozen=True)
class SpanStyle:
    """How one kind of span is drawn."""

    fill: bool = True
    underline: bool = True
    outline: bool = False
    dashed: bool = False
    chip: bool = True
    italic_chip: bool = False


@dataclass(frozen=True)
class SpanRect:
    """One painted box of a span: a visual run on one line, in document coordinates."""

    rect: QRectF
    rtl: bool
    block: int
    line: int


Overlay = Callable[[QPainter, "SpanPainter", QRectF], None]


def span_item(schema: Any, span_id: str, start: int, end: int, label: str) -> SpanItem:
    """A ``SpanItem`` coloured by the schema; spans labelled with an event type are drawn as triggers."""
    return SpanItem(span_id, start, end, label, schema.color_of(label),
                    "trigger" if schema.event(label) else "entity")


def span_items(project: Any, doc_id: str) -> list[SpanItem]:
    """All spans of a project document as ``SpanItem``s (reader and headless render use the same)."""
    return [span_item(project.schema, s.id, s.start, s.end, s.label) for s in project.spans(doc_id)]


class SpanPainter:
    """Span highlights, label chips, find hits and control marks over one ``ReaderDocument``.

    Adding, changing or removing a span touches only the spans sharing its paragraphs: the block index,
    the nesting level and the cached geometry are updated locally, never recomputed for the document.

    Attributes:
        styles: drawing style per ``SpanItem.kind``; add kinds (e.g. "trigger") without subclassing.
        overlays: callables painted last, e.g. event arcs: ``overlay(qpainter, span_painter, clip)``.
    """

    def __init__(self, rdoc: ReaderDocument) -> None:
        self.styles: dict[str, SpanStyle] = {
            "entity": SpanStyle(),
            "trigger": SpanStyle(fill=True, underline=False, outline=True, dashed=False, italic_chip=True),
        }
        self.overlays: list[Overlay] = []
        self._items: dict[str, SpanItem] = {}
        self._levels: dict[str, int] = {}
        self._by_block: dict[int, set[str]] = {}
        self._blocks_of: dict[str, range] = {}
        self._geometry: dict[str, list[SpanRect]] = {}
        # (block, line) -> (y under the line's lowest ink, the line's glyph boxes): lines drawn over the text
        # keep out of both
        self._ink: dict[tuple[int, int], tuple[float, QRegion]] = {}
        self._ink_boxes: dict[tuple[int, int], list[QRectF]] = {}  # the same glyph boxes, unbanded
        self.selected: str | None = None
        self.show_marks = False
        self._hits: list[tuple[int, int]] = []
        self._current_hit = -1
        self.preview: tuple[int, int] | None = None
        #: bumped whenever spans, their levels or the geometry change (overlays cache their layout on it)
        self.revision = 0
        self.set_document(rdoc)

    # -- document --------------------------------------------------------------------------------------
    def set_document(self, rdoc: ReaderDocument) -> None:
        """Paint over another (or a rebuilt) document; spans are re-indexed against its blocks."""
        self.rdoc = rdoc
        self.theme = rdoc.options.theme
        self._zero_width = [q for q, name in rdoc.invisibles if name not in ("NBSP", "NNBSP")]
        self._ink = {}
        base = rdoc.font
        self.chip_font = QFont(base)
        self.chip_font.setPointSizeF(max(6.0, base.pointSizeF() * 0.5))
        self.chip_font.setBold(True)
        self._chip_metrics = QFontMetricsF(self.chip_font)
        self.chip_height = self._chip_metrics.height() + 2
        self.revision += 1
        if self._items:
            self.set_spans(list(self._items.values()))

    def clear(self) -> None:
        """Forget every span, the selection and the find hits (another document is shown)."""
        self.set_spans([])
        self.selected = None
        self._hits = []
        self._current_hit = -1
        self.preview = None

    def invalidate_geometry(self) -> None:
        """Forget cached boxes; call after the document is laid out again (width, zoom)."""
        self._geometry.clear()
        self._ink.clear()
        self.revision += 1

    # -- spans -----------------------------------------------------------------------------------------
    def items(self) -> Iterable[SpanItem]:
        return self._items.values()

    def item(self, span_id: str) -> SpanItem | None:
        return self._items.get(span_id)

    def spans_in_block(self, block_no: int) -> Iterable[str]:
        """Ids of the spans that have a part in paragraph (block) ``block_no``."""
        return self._by_block.get(block_no, ())

    def level(self, span_id: str) -> int:
        """Nesting level (0 = outermost row of underlines/chips) of a span."""
        return self._levels[span_id]

    def set_spans(self, items: Iterable[SpanItem]) -> None:
        """Replace all spans; levels are assigned greedily in document order."""
        self.revision += 1
        self._items = {}
        self._levels = {}
        self._by_block = {}
        self._blocks_of = {}
        self._geometry = {}
        ordered = sorted(items, key=lambda it: (it.start, -it.end))
        active: list[tuple[int, int]] = []  # heap of (end, level) of spans still open
        free: list[int] = []  # heap of levels released by closed spans
        top = 0  # levels 0..top-1 have been handed out
        for it in ordered:
            while active and active[0][0] <= it.start:
                heapq.heappush(free, heapq.heappop(active)[1])
            if free:
                level = heapq.heappop(free)
            else:
                level, top = top, top + 1
            heapq.heappush(active, (it.end, level))
            self._insert(it, level)
        if self.selected not in self._items:
            self.selected = None

    def _insert(self, it: SpanItem, level: int) -> None:
        self.revision += 1
        self._items[it.id] = it
        self._levels[it.id] = level
        blocks = range(self.rdoc.block_number_of(it.start),
                       self.rdoc.block_number_of(max(it.start, it.end - 1)) + 1)
        self._blocks_of[it.id] = blocks
        for b in blocks:
            self._by_block.setdefault(b, set()).add(it.id)

    def _overlapping(self, it: SpanItem) -> list[str]:
        blocks = self._blocks_of.get(it.id) or range(
            self.rdoc.block_number_of(it.start), self.rdoc.block_number_of(max(it.start, it.end - 1)) + 1)
        found: set[str] = set()
        for b in blocks:
            for sid in self._by_block.get(b, ()):
                other = self._items[sid]
                if sid != it.id and other.start < it.end and it.start < other.end:
                    found.add(sid)
        return list(found)

    def add(self, it: SpanItem) -> QRectF:
        """Add one span; returns the document area to repaint. Other spans keep their levels."""
        if it.id in self._items:
            return self.update(it)
        used = {self._levels[s] for s in self._overlapping(it)}
        level = next(i for i in range(len(used) + 1) if i not in used)
        self._insert(it, level)
        return self.dirty_rect(it.id)

    def remove(self, span_id: str) -> QRectF:
        """Remove one span; returns the document area to repaint."""
        if span_id not in self._items:
            return QRectF()
        area = self.dirty_rect(span_id)
        self.revision += 1
        for b in self._blocks_of.pop(span_id):
            self._by_block.get(b, set()).discard(span_id)
        del self._items[span_id]
        del self._levels[span_id]
        self._geometry.pop(span_id, None)
        if self.selected == span_id:
            self.selected = None
        return area

    def update(self, it: SpanItem) -> QRectF:
        """Replace a span (new label, colour or range); returns the area to repaint."""
        old = self._items.get(it.id)
        if old is not None and (old.start, old.end) == (it.start, it.end):
            self._items[it.id] = it
            self.revision += 1
            return self.dirty_rect(it.id)
        selected = self.selected
        area = self.remove(it.id)
        area = area.united(self.add(it))
        self.selected = selected
        return area

    def set_selected(self, span_id: str | None) -> None:
        self.selected = span_id if span_id in self._items else None

    # -- find hits -------------------------------------------------------------------------------------
    def set_hits(self, ranges: list[tuple[int, int]], current: int = -1) -> None:
        """Outline find results (body code-point ranges); ``current`` is drawn stronger."""
        pm = self.rdoc.positions
        self._hits = sorted(pm.range_to_qt(s, e) for s, e in ranges)
        self._current_hit = current

    # -- selection preview -----------------------------------------------------------------------------
    def set_preview(self, rng: tuple[int, int] | None) -> QRectF:
        """Mark the body range a key press would store (``None``: no preview); returns the area to repaint."""
        area = self.preview_area()
        self.preview = rng if rng is not None and rng[0] < rng[1] else None
        return area.united(self.preview_area())

    def preview_area(self) -> QRectF:
        area = QRectF()
        if self.preview is not None:
            for r in self.range_rects(*self.rdoc.positions.range_to_qt(*self.preview)):
                area = area.united(r.rect.adjusted(-3, -2, 3, 8))
        return area

    # -- geometry --------------------------------------------------------------------------------------
    def range_rects(self, qs: int, qe: int) -> list[SpanRect]:
        """Boxes covering Qt positions ``[qs, qe)``: one per visual run per line, document coordinates."""
        out: list[SpanRect] = []
        block = self.rdoc.qdoc.findBlock(qs)
        while block.isValid() and block.position() < qe:
            out.extend(self._block_rects(block, qs - block.position(), qe - block.position()))
            block = block.next()
        return out

    def _block_rects(self, block: QTextBlock, a: int, b: int) -> list[SpanRect]:
        layout = block.layout()
        origin = layout.position()
        a, b = max(a, 0), min(b, block.length() - 1)
        out: list[SpanRect] = []
        if a >= b:
            return out
        for i in range(layout.lineCount()):
            line = layout.lineAt(i)
            ls, le = line.textStart(), line.textStart() + line.textLength()
            la, lb = max(a, ls), min(b, le)
            if la >= lb:
                continue
            top, height = origin.y() + line.y(), line.height()
            boxes: list[tuple[float, float, bool]] = []
            pieces = self._visible_pieces(block.position(), la, lb)
            for pa, pb in pieces:
                for run in line.glyphRuns(pa, pb - pa):
                    positions = run.positions()
                    if not positions:
                        continue
                    advances = run.rawFont().advancesForGlyphIndexes(run.glyphIndexes())
                    x0 = min(p.x() for p in positions)
                    x1 = max(p.x() + adv.x() for p, adv in zip(positions, advances, strict=True))
                    boxes.append((x0, x1, run.isRightToLeft()))
            if not boxes:  # only spaces, marks or invisibles without glyphs: use the caret positions
                xa = line.cursorToX(pieces[0][0] if pieces else la)[0]
                xb = line.cursorToX(pieces[-1][1])[0] if pieces else xa
                rtl = block.textDirection() == Qt.LayoutDirection.RightToLeft
                boxes.append((min(xa, xb), max(xa, xb), rtl))
            boxes.sort()
            merged: list[list] = []
            for x0, x1, rtl in boxes:  # font-fallback splits runs of one direction: join touching ones
                if merged and merged[-1][2] == rtl and x0 - merged[-1][1] < 0.5:
                    merged[-1][1] = max(merged[-1][1], x1)
                else:
                    merged.append([x0, x1, rtl])
            for x0, x1, rtl in merged:
                out.append(SpanRect(QRectF(origin.x() + x0, top, max(x1 - x0, 1.0), height), rtl,
                                    block.blockNumber(), i))
        return out

    def _visible_pieces(self, block_pos: int, a: int, b: int) -> list[tuple[int, int]]:
        """Block positions ``[a, b)`` split around the invisible characters in it."""
        pieces = []
        i = bisect_left(self._zero_width, block_pos + a)
        while i < len(self._zero_width) and self._zero_width[i] < block_pos + b:
            z = self._zero_width[i] - block_pos
            if z > a:
                pieces.append((a, z))
            a, i = z + 1, i + 1
        if a < b:
            pieces.append((a, b))
        return pieces

    def rects(self, span_id: str) -> list[SpanRect]:
        """Boxes of one span (cached until ``invalidate_geometry``)."""
        cached = self._geometry.get(span_id)
        if cached is None:
            it = self._items[span_id]
            cached = self.range_rects(*self.rdoc.positions.range_to_qt(it.start, it.end))
            self._geometry[span_id] = cached
        return cached

    def chip_rect(self, span_id: str) -> QRectF | None:
        """The label chip's box: above the span's first character, stacked by nesting level."""
        it = self._items[span_id]
        if not self.styles.get(it.kind, SpanStyle()).chip:
            return None
        rects = self.rects(span_id)
        if not rects:
            return None
        first = next((i for i in range(it.start, it.end) if self.rdoc.text[i] not in ZERO_WIDTH), it.start)
        qs = self.rdoc.positions.to_qt(first)
        block = self.rdoc.qdoc.findBlock(qs)
        layout = block.layout()
        line = layout.lineForTextPosition(qs - block.position())
        if not line.isValid():
            return None
        x = layout.position().x() + line.cursorToX(qs - block.position())[0]
        first_line = [r for r in rects if r.block == block.blockNumber() and r.line == line.lineNumber()]
        width = self._chip_metrics.horizontalAdvance(it.label) + 6
        bidi_class = unicodedata.bidirectional(self.rdoc.text[first])
        if bidi_class in ("R", "AL", "L"):
            rtl_char = bidi_class != "L"
        else:  # digits and neutrals: the chip sits where the paragraph starts reading
            rtl_char = block.textDirection() == Qt.LayoutDirection.RightToLeft
        if first_line:
            # Anchor on the box holding the first character: its logical start edge.
            box = min(first_line, key=lambda r: min(abs(r.rect.left() - x), abs(r.rect.right() - x))).rect
            x = box.right() if rtl_char else box.left()
        left = x - width if rtl_char else x
        top = layout.position().y() + line.y() - (self._levels[span_id] + 1) * self.chip_height
        return QRectF(left, top, width, self.chip_height - 1)

    def dirty_rect(self, span_id: str) -> QRectF:
        """Area to repaint when this span changes: its boxes, underlines and chip."""
        area = QRectF()
        for r in self.rects(span_id):
            bottom = max(r.rect.bottom(), self.under_ink(r) + 3 * self._levels[span_id]) + 4
            area = area.united(QRectF(r.rect.left() - 2, r.rect.top() - 2, r.rect.width() + 4,
                                      bottom - r.rect.top() + 2))
        chip = self.chip_rect(span_id)
        if chip is not None:
            area = area.united(chip.adjusted(-2, -2, 2, 2))
        return area

    def visible_blocks(self, clip: QRectF) -> Iterator[QTextBlock]:
        """Blocks whose area (including the chip room above them) meets ``clip``."""
        lay = self.rdoc.qdoc.documentLayout()
        pos = lay.hitTest(QPointF(clip.left() + 1, clip.top()), Qt.HitTestAccuracy.FuzzyHit)
        block = self.rdoc.qdoc.findBlock(max(pos, 0))
        if block.previous().isValid():
            block = block.previous()
        while block.isValid():
            if lay.blockBoundingRect(block).top() > clip.bottom() + self.rdoc.gap:
                break
            yield block
            block = block.next()

    def visible_spans(self, clip: QRectF) -> list[str]:
        """Ids of spans in the visible paragraphs, outer (lower level) first."""
        ids: set[str] = set()
        for block in self.visible_blocks(clip):
            ids.update(self._by_block.get(block.blockNumber(), ()))
        # a long paragraph can hold thousands of spans: keep those whose boxes (or chips, drawn in
        # the line gap above) reach into the clip
        reach = clip.adjusted(0, -self.rdoc.gap - 4, 0, self.rdoc.gap + 4)
        ids = {sid for sid in ids if any(r.rect.intersects(reach) for r in self.rects(sid))}
        return sorted(ids, key=lambda s: (self._levels[s], self._items[s].start))

    def span_at(self, point: QPointF) -> str | None:
        """The span under a document point: a chip first, else the innermost span box containing it."""
        clip = QRectF(point.x() - 1, point.y() - 1, 2, 2)
        best: tuple[int, str] | None = None
        for sid in self.visible_spans(clip.adjusted(0, -self.rdoc.gap, 0, self.rdoc.gap)):
            chip = self.chip_rect(sid)
            if chip is not None and chip.contains(point):
                return sid
            if any(r.rect.contains(point) for r in self.rects(sid)):
                it = self._items[sid]
                key = (it.end - it.start, sid)
                if best is None or key < best:
                    best = key
        return best[1] if best else None

    # -- painting --------------------------------------------------------------------------------------
    def paint_under(self, p: QPainter, clip: QRectF) -> None:
        """Span fills, drawn before the text so glyphs stay on top and unchanged."""
        p.save()
        p.setPen(Qt.PenStyle.NoPen)
        for sid in self.visible_spans(clip):
            it = self._items[sid]
            if not self.styles.get(it.kind, SpanStyle()).fill:
                continue
            color = QColor(it.color)
            color.setAlpha(self.theme.fill_alpha)
            p.setBrush(color)
            for r in self.rects(sid):
                p.drawRoundedRect(r.rect, 2, 2)
        p.restore()

    def paint_over(self, p: QPainter, clip: QRectF) -> None:
        """Underlines, outlines, chips, selection, find hits, control marks and overlays."""
        p.save()
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        p.save()
        spans = self.visible_spans(clip)
        if spans or self.preview is not None or self._hits:
            p.setClipRegion(self._away_from_ink(clip), Qt.ClipOperation.IntersectClip if p.hasClipping()
                            else Qt.ClipOperation.ReplaceClip)
        for sid in spans:
            it = self._items[sid]
            style = self.styles.get(it.kind, SpanStyle())
            color = QColor(it.color)
            level = self._levels[sid]
            for r in self.rects(sid):
                if style.underline:
                    y = self.under_ink(r) + 3 * level
                    # A filled pixel-aligned bar, not an antialiased line: identical on every paint device.
                    p.fillRect(QRectF(round(r.rect.left() + 1), round(y), round(r.rect.width() - 2), 2),
                               color.darker(130))
                if style.outline:
                    pen = QPen(color.darker(150), 1.5)
                    if style.dashed:
                        pen.setStyle(Qt.PenStyle.DashLine)
                    p.setPen(pen)
                    p.setBrush(Qt.BrushStyle.NoBrush)
                    p.drawRoundedRect(self._outline_box(r), 2, 2)
        if self.selected in self._items:
            p.setPen(QPen(QColor(self.theme.selected), 2))
            p.setBrush(Qt.BrushStyle.NoBrush)
            for r in self.rects(self.selected):
                p.drawRoundedRect(self._outline_box(r).adjusted(-1.5, -1.5, 1.5, 1.5), 3, 3)
        self._paint_preview(p)
        self._paint_hits(p, clip)
        p.restore()
        for sid in spans:  # chips live in the gap above the line, clear of its glyphs
            self._paint_chip(p, sid)
        if self.show_marks:
            self._paint_marks(p, clip)
        p.restore()
        for overlay in self.overlays:
            p.save()
            overlay(p, self, clip)
            p.restore()

    def _line(self, r: SpanRect) -> QTextLine | None:
        block = self.rdoc.qdoc.findBlockByNumber(r.block)
        line = block.layout().lineAt(r.line)
        return line if line.isValid() else None

    def under_ink(self, r: SpanRect) -> float:
        """Document y just below the lowest ink of the line holding ``r`` (dots under ي ب ج پ included).

        Lines drawn at or below it never touch a glyph: underlines and nesting rows start here.
        """
        return self._line_ink(r.block, r.line)[0]

    def ink_rects(self, block_no: int, line_no: int) -> list[QRectF]:
        """The glyph boxes of one line (joined words merged), document coordinates: what labels keep off."""
        self._line_ink(block_no, line_no)
        return self._ink_boxes[(block_no, line_no)]

    def _line_ink(self, block_no: int, line_no: int) -> tuple[float, QRegion]:
        key = (block_no, line_no)
        ink = self._ink.get(key)
        if ink is None:
            layout = self.rdoc.qdoc.findBlockByNumber(block_no).layout()
            line = layout.lineAt(line_no)
            origin = layout.position()
            bottom = line.y() + line.ascent()
            spans: list[list[float]] = []  # [left, right, top, bottom] of the glyph boxes, document coordinates
            for run in line.glyphRuns():
                font = run.rawFont()
                for glyph, pos in zip(run.glyphIndexes(), run.positions(), strict=True):
                    box = font.boundingRect(glyph)
                    if box.isEmpty():
                        continue
                    x, y = pos.x() + origin.x(), pos.y() + origin.y()
                    spans.append([x + box.left(), x + box.right(), y + box.top(), y + box.bottom()])
                    bottom = max(bottom, pos.y() + box.bottom())
            # Glyphs that touch or overlap (a joined word) merge into one box: a few rectangles per line.
            spans.sort()
            merged: list[list[float]] = []
            for box in spans:
                last = merged[-1] if merged else None
                if last is not None and box[0] <= last[1] + 1:
                    last[1], last[2], last[3] = max(last[1], box[1]), min(last[2], box[2]), max(last[3], box[3])
                else:
                    merged.append(box)
            self._ink_boxes[key] = [QRectF(left - 1, top - 1, right - left + 2, low - top + 2)
                                    for left, right, top, low in merged]
            region = QRegion()
            for left, right, top, low in merged:  # one pixel more on each side: antialiased edges are ink too
                region = region.united(QRect(math.floor(left) - 1, math.floor(top) - 1,
                                             math.ceil(right - left) + 3, math.ceil(low - top) + 3))
            ink = self._ink[key] = (math.ceil(origin.y() + bottom) + 2.0, region)
        return ink

    def _away_from_ink(self, clip: QRectF) -> QRegion:
        """``clip`` without the glyph boxes of the visible lines: outlines and underlines are clipped to it."""
        region = QRegion(clip.toAlignedRect().adjusted(-2, -2, 2, 2))
        for block in self.visible_blocks(clip):
            for i in range(block.layout().lineCount()):
                region = region.subtracted(self._line_ink(block.blockNumber(), i)[1])
        return region

    def _outline_box(self, r: SpanRect) -> QRectF:
        """A span box for an outline: its bottom edge below the line's ink (the top edge is above all ink)."""
        return QRectF(r.rect.left(), r.rect.top(), r.rect.width(), max(r.rect.height(), self.under_ink(r) -
                                                                      r.rect.top() + 1))

    def _paint_preview(self, p: QPainter) -> None:
        """The range a key press would store: a bracket under it, below the ink, its ends pointing down."""
        if self.preview is None:
            return
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(self.theme.selected))
        for r in self.range_rects(*self.rdoc.positions.range_to_qt(*self.preview)):
            y = round(self.under_ink(r))
            left, right = math.floor(r.rect.left()), math.ceil(r.rect.right())
            p.drawRect(QRectF(left, y, right - left, 2))
            p.drawRect(QRectF(left, y, 2, 6))
            p.drawRect(QRectF(right - 2, y, 2, 6))

    def _paint_chip(self, p: QPainter, sid: str) -> None:
        chip = self.chip_rect(sid)
        if chip is None:
            return
        it = self._items[sid]
        style = self.styles.get(it.kind, SpanStyle())
        path = QPainterPath()
        path.addRoundedRect(chip, 3, 3)
        p.fillPath(path, QColor(it.color))
        if sid == self.selected:
            p.setPen(QPen(QColor(self.theme.selected), 1.5))
            p.drawPath(path)
        font = QFont(self.chip_font)
        font.setItalic(style.italic_chip)
        p.setFont(font)
        p.setPen(QColor(self.theme.chip_text))
        p.drawText(chip, Qt.AlignmentFlag.AlignCenter, it.label)

    def _paint_hits(self, p: QPainter, clip: QRectF) -> None:
        if not self._hits:
            return
        blocks = list(self.visible_blocks(clip))
        if not blocks:
            return
        lo, hi = blocks[0].position(), blocks[-1].position() + blocks[-1].length()
        first = bisect_left(self._hits, (lo, lo))
        for i in range(max(0, first - 1), len(self._hits)):
            qs, qe = self._hits[i]
            if qs > hi:
                break
            current = i == self._current_hit
            p.setPen(QPen(QColor(self.theme.find_current if current else self.theme.find_hit),
                          2.5 if current else 1.5))
            p.setBrush(Qt.BrushStyle.NoBrush)
            for r in self.range_rects(qs, qe):
                p.drawRect(r.rect.adjusted(-1, 0, 1, 0))

    def _paint_marks(self, p: QPainter, clip: QRectF) -> None:
        marks = self.rdoc.invisibles
        if not marks:
            return
        font = QFont(self.chip_font)
        font.setBold(False)
        p.setFont(font)
        metrics = QFontMetricsF(font)
        color = QColor(self.theme.marks)
        for block in self.visible_blocks(clip):
            bpos = block.position()
            i = bisect_left(marks, (bpos, ""))
            layout = block.layout()
            origin = layout.position()
            while i < len(marks) and marks[i][0] < bpos + block.length():
                qpos, name = marks[i]
                i += 1
                line = layout.lineForTextPosition(qpos - bpos)
                if not line.isValid():
                    continue
                x0 = origin.x() + line.cursorToX(qpos - bpos)[0]
                x1 = origin.x() + line.cursorToX(qpos - bpos + 1)[0]
                top = origin.y() + line.y()
                base = top + line.ascent()
                p.setPen(QPen(color, 1.2))
                if name in ("NBSP", "NNBSP"):
                    cx = (x0 + x1) / 2
                    p.drawEllipse(QPointF(cx, base - line.ascent() * 0.35), 1.8, 1.8)
                else:  # zero-width: a tick at the caret position and its short name
                    p.drawLine(QPointF(x0, top + 2), QPointF(x0, base + 2))
                    w = metrics.horizontalAdvance(name)
                    p.drawText(QPointF(x0 - w / 2, top + metrics.ascent() - 1), name)


def paint_document(p: QPainter, rdoc: ReaderDocument, spans: SpanPainter, clip: QRectF) -> None:
    """Paint a reader document with its spans, exactly as the reader widget does (used by render)."""
    from PySide6.QtGui import QAbstractTextDocumentLayout

    p.fillRect(clip, QColor(rdoc.options.theme.background))
    spans.paint_under(p, clip)
    ctx = QAbstractTextDocumentLayout.PaintContext()
    ctx.palette = rdoc.options.theme.palette()
    ctx.clip = clip
    rdoc.qdoc.documentLayout().draw(p, ctx)
    spans.paint_over(p, clip)
