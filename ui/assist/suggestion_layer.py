"""The suggestions of the open document drawn in the reader: dashed boxes with a dashed label, apart from
spans (which are filled and underlined), and the current one drawn thicker. An overlay of the reader's
``SpanPainter``; it paints from the layout geometry, so Arabic shaping is untouched."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen

from annotations.assist.suggestions import Suggestion

from ..reader.span_painter import SpanPainter


class SuggestionLayer:
    """Holds the open document's suggestions and paints them (``paint`` is the overlay).

    Attributes:
        items: the open suggestions, by start.
        current: index of the current suggestion in ``items`` (-1: none).
    """

    def __init__(self, colors: dict[str, str]) -> None:
        self.items: list[Suggestion] = []
        self.current = -1
        self.colors = colors

    def set_items(self, items: list[Suggestion], keep: str | None = None) -> None:
        self.items = list(items)
        ids = [s.id for s in self.items]
        if keep in ids:
            self.current = ids.index(keep)
        else:
            self.current = min(self.current, len(self.items) - 1) if self.items else -1

    def current_item(self) -> Suggestion | None:
        return self.items[self.current] if 0 <= self.current < len(self.items) else None

    def step(self, after: int) -> Suggestion | None:
        """Make the first suggestion starting after code point ``after`` current (wrapping); return it."""
        if not self.items:
            self.current = -1
            return None
        for i, s in enumerate(self.items):
            if s.start > after:
                self.current = i
                break
        else:
            self.current = 0
        return self.items[self.current]

    def paint(self, p: QPainter, painter: SpanPainter, clip: QRectF) -> None:
        if not self.items:
            return
        pm = painter.rdoc.positions
        font = QFont(painter.chip_font)
        font.setItalic(True)
        font.setBold(False)
        p.setFont(font)
        for i, s in enumerate(self.items):
            color = QColor(self.colors.get(s.label, "#888888")).darker(140)
            pen = QPen(color, 2.5 if i == self.current else 1.2)
            pen.setStyle(Qt.PenStyle.DashLine)
            rects = painter.range_rects(*pm.range_to_qt(s.start, s.end))
            for r in rects:
                if not r.rect.intersects(clip):
                    continue
                p.setPen(pen)
                p.setBrush(Qt.BrushStyle.NoBrush)
                p.drawRect(r.rect.adjusted(-1, -1, 1, 1))
            if rects and rects[0].rect.intersects(clip):
                first = rects[0].rect
                tag = QRectF(first.left(), first.top() - painter.chip_height, max(first.width(), 24),
                             painter.chip_height)
                p.setPen(color)
                p.drawText(tag, Qt.AlignmentFlag.AlignCenter, f"{s.label}?")
