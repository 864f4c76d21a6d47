"""The reader: a read-only text view of one document that paints spans over Qt's own text layout.

Text is laid out once by ``ui.reader.textdoc.ReaderDocument`` and never re-formatted for highlights; spans, chips,
find hits and control marks are painted by ``ui.reader.span_painter.SpanPainter`` under and over the text.
All offsets in this widget's API are body code points of the stored text.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QMouseEvent, QPainter, QPaintEvent, QResizeEvent, QTextCursor
from PySide6.QtWidgets import QTextEdit, QWidget

from annotations.clitics import word_at

from ..common.style import THEMES
from .span_painter import SpanItem, SpanPainter
from .textdoc import ReaderDocument, ReaderOptions


class ReaderView(QTextEdit):
    """Read-only document view with span painting.

    Signals:
        span_selected(str): a span was clicked ("" when a click hit no span).
        selection_changed_range(int, int): the text selection as body offsets (equal when empty).
        cursor_offset_changed(int): the caret's body offset (-1 outside the body).
        zoom_changed(float): new zoom factor.
        first_painted(): emitted once, after the view first paints.
    """

    span_selected = Signal(str)
    selection_changed_range = Signal(int, int)
    cursor_offset_changed = Signal(int)
    zoom_changed = Signal(float)
    first_painted = Signal()

    MIN_ZOOM, MAX_ZOOM = 0.5, 3.0

    #: ``rule(text, start, end)``: the range a selection ``[start, end)`` stores as a span (``None``: nothing).
    RangeRule = Callable[[str, int, int], "tuple[int, int] | None"]

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Wrap the viewport via findChild before anything calls viewport(): viewport() on a not yet wrapped
        # plain QWidget makes PySide test every QWidget subclass for its type, which loads all of QtWidgets'
        # lazily created classes and enums (~9 ms of start-up); findChild wraps the same object as the plain
        # QWidget it is, and viewport() then returns that wrapper. If the name ever changes, nothing breaks.
        self.findChild(QWidget, "qt_scrollarea_viewport")
        self.setReadOnly(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                     | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.setUndoRedoEnabled(False)
        self.setObjectName("reader")
        self.options = ReaderOptions()
        self._title: str | None = None
        self._meta: Mapping[str, Any] = {}
        self.rdoc = ReaderDocument("", options=self.options)
        self.painter = SpanPainter(self.rdoc)
        self._press: QPointF | None = None
        self.range_rule: ReaderView.RangeRule | None = None  # None: the selection is stored as it is
        self._width = -1.0
        self._painted = False
        self.setDocument(self.rdoc.qdoc)
        self._apply_theme()
        self.selectionChanged.connect(self._on_selection_changed)
        self.cursorPositionChanged.connect(self._on_cursor_moved)

    # -- content ---------------------------------------------------------------------------------------
    def set_document(self, text: str, title: str | None = None, meta: Mapping[str, Any] | None = None,
                     spans: Iterable[SpanItem] = ()) -> None:
        """Show a document (exact stored text) with its spans."""
        self._title, self._meta = title, dict(meta or {})
        self.rdoc = ReaderDocument(text, title, self._meta, self.options)
        self.painter.clear()  # new text: old spans do not apply
        self.painter.set_document(self.rdoc)
        self.painter.set_spans(spans)
        self._install()

    def text(self) -> str:
        """The exact stored body text shown (never read back from Qt)."""
        return self.rdoc.text

    def _rebuild(self) -> None:
        """Lay the same document out again after an option change, keeping spans and scroll position."""
        ratio = self.verticalScrollBar().value() / max(1, self.verticalScrollBar().maximum())
        items = list(self.painter.items())
        self.rdoc = ReaderDocument(self.rdoc.text, self._title, self._meta, self.options)
        self.painter.set_document(self.rdoc)
        self.painter.set_spans(items)
        self._install()
        self.verticalScrollBar().setValue(round(ratio * self.verticalScrollBar().maximum()))

    def _install(self) -> None:
        self.blockSignals(True)
        self.setDocument(self.rdoc.qdoc)
        self.blockSignals(False)
        self._width = -1.0
        self._sync_width()
        self.viewport().update()

    def _sync_width(self) -> None:
        width = float(self.viewport().width())
        if width != self._width:
            self._width = width
            self.rdoc.qdoc.setTextWidth(width)
            self.painter.invalidate_geometry()

    # -- spans -----------------------------------------------------------------------------------------
    def set_spans(self, items: Iterable[SpanItem]) -> None:
        self.painter.set_spans(items)
        self.viewport().update()

    def add_span(self, item: SpanItem) -> None:
        """Add one span and repaint only its area."""
        self._update_area(self.painter.add(item))

    def update_span(self, item: SpanItem) -> None:
        self._update_area(self.painter.update(item))

    def remove_span(self, span_id: str) -> None:
        self._update_area(self.painter.remove(span_id))

    def select_span(self, span_id: str | None, scroll: bool = True) -> None:
        """Mark a span as selected (outlined) and scroll to it."""
        old = self.painter.selected
        self.painter.set_selected(span_id)
        if old and self.painter.item(old):
            self._update_area(self.painter.dirty_rect(old))
        if span_id and self.painter.item(span_id):
            it = self.painter.item(span_id)
            assert it is not None
            if scroll:
                self.scroll_to(it.start, it.end)
            self._update_area(self.painter.dirty_rect(span_id))

    def selected_span(self) -> str | None:
        return self.painter.selected

    def _update_area(self, area: QRectF) -> None:
        if area.isNull():
            return
        offset = QPointF(self.horizontalScrollBar().value(), self.verticalScrollBar().value())
        self.viewport().update(area.translated(-offset).toAlignedRect().adjusted(-2, -2, 2, 2))

    # -- selection and navigation ------------------------------------------------------------------------
    def selected_range(self) -> tuple[int, int] | None:
        """The text selection as body offsets, or ``None`` when nothing is selected."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        pm = self.rdoc.positions
        end_qt = pm.base + pm.qt_length
        a = max(cursor.selectionStart(), pm.base)
        b = min(cursor.selectionEnd(), end_qt)
        if a >= b:
            return None
        start, end = pm.range_to_offsets(a, b)
        # A selection across a paragraph break ends with the block separator: not part of any span.
        while end > start and self.rdoc.text[end - 1] in "\n\r":
            end -= 1
        return (start, end) if start < end else None

    def target_range(self) -> tuple[int, int] | None:
        """The range a span made from the selection would store: ``range_rule`` applied to it."""
        rng = self.selected_range()
        if rng is None or self.range_rule is None:
            return rng
        target = self.range_rule(self.rdoc.text, *rng)
        return target if target is not None and target[0] < target[1] else None

    def refresh_preview(self) -> None:
        """Outline ``target_range()`` (the range a key press stores) again, e.g. after the rule changed."""
        self._update_area(self.painter.set_preview(self.target_range()))

    def select_range(self, start: int, end: int, scroll: bool = True) -> None:
        """Select body offsets ``[start, end)`` (the caret ends at ``end``)."""
        pm = self.rdoc.positions
        cursor = QTextCursor(self.rdoc.qdoc)
        cursor.setPosition(pm.to_qt(start))
        cursor.setPosition(pm.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        if scroll:
            self.scroll_to(start, end)

    def clear_selection(self) -> None:
        cursor = self.textCursor()
        cursor.clearSelection()
        self.setTextCursor(cursor)

    def scroll_to(self, start: int, end: int) -> None:
        """Scroll so that body range ``[start, end)`` is visible."""
        self._sync_width()
        rects = self.painter.range_rects(*self.rdoc.positions.range_to_qt(start, max(end, start + 1)))
        if not rects:
            return
        top = min(r.rect.top() for r in rects) - self.rdoc.gap * 2
        bottom = max(r.rect.bottom() for r in rects)
        bar = self.verticalScrollBar()
        view = self.viewport().height()
        if top < bar.value() or bottom > bar.value() + view:
            bar.setValue(int(max(0.0, top - view / 3)))

    def offset_at(self, point: QPointF) -> int:
        """Body offset of the character boundary nearest a viewport point."""
        pos = self.cursorForPosition(point.toPoint()).position()
        return self.rdoc.positions.to_offset(pos)

    def document_point(self, viewport_point: QPointF) -> QPointF:
        return viewport_point + QPointF(self.horizontalScrollBar().value(), self.verticalScrollBar().value())

    def _on_selection_changed(self) -> None:
        self.refresh_preview()
        rng = self.selected_range()
        if rng is None:
            off = self.rdoc.positions.to_offset(self.textCursor().position())
            self.selection_changed_range.emit(off, off)
        else:
            self.selection_changed_range.emit(*rng)

    def _on_cursor_moved(self) -> None:
        pm = self.rdoc.positions
        pos = self.textCursor().position()
        self.cursor_offset_changed.emit(pm.to_offset(pos) if pm.contains_qt(pos) else -1)

    # -- find hits -------------------------------------------------------------------------------------
    def set_hits(self, ranges: list[tuple[int, int]], current: int = -1) -> None:
        self.painter.set_hits(ranges, current)
        if 0 <= current < len(ranges):
            self.scroll_to(*ranges[current])
        self.viewport().update()

    # -- display options -------------------------------------------------------------------------------
    def set_zoom(self, zoom: float) -> None:
        zoom = max(self.MIN_ZOOM, min(self.MAX_ZOOM, round(zoom, 2)))
        if zoom != self.options.zoom:
            self.options.zoom = zoom
            self._rebuild()
            self.zoom_changed.emit(zoom)

    def zoom_in(self) -> None:
        self.set_zoom(self.options.zoom * 1.1)

    def zoom_out(self) -> None:
        self.set_zoom(self.options.zoom / 1.1)

    def zoom_reset(self) -> None:
        self.set_zoom(1.0)

    def set_line_gap(self, gap: float) -> None:
        """Room above each line (font heights); label chips live there."""
        self.options.line_gap = max(0.2, min(3.0, gap))
        self._rebuild()

    def set_theme(self, name: str) -> None:
        self.options.theme = THEMES[name]
        self._apply_theme()
        self._rebuild()

    def _apply_theme(self) -> None:
        self.viewport().setPalette(self.options.theme.palette(self.viewport().palette()))
        self.setPalette(self.options.theme.palette(self.palette()))
        self.viewport().setAutoFillBackground(True)

    def set_direction_override(self, direction: str | None) -> None:
        """Force "rtl"/"ltr" on every paragraph of this document, or ``None`` for the automatic rule."""
        self.options.direction_override = direction if direction in ("rtl", "ltr") else None
        self._rebuild()

    def set_show_removed(self, show: bool) -> None:
        self.options.show_removed = show
        self._rebuild()

    def set_show_marks(self, show: bool) -> None:
        """Show bidi controls, zero-width characters and NBSP as small painted marks."""
        self.painter.show_marks = show
        self.viewport().update()

    # -- events ----------------------------------------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self._sync_width()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        self._sync_width()
        offset = QPointF(self.horizontalScrollBar().value(), self.verticalScrollBar().value())
        clip = QRectF(event.rect()).translated(offset)
        p = QPainter(self.viewport())
        p.translate(-offset)
        self.painter.paint_under(p, clip)
        p.end()
        super().paintEvent(event)  # Qt draws the text and the selection, shaping untouched
        p = QPainter(self.viewport())
        p.translate(-offset)
        self.painter.paint_over(p, clip)
        p.end()
        if not self._painted:
            self._painted = True
            self.first_painted.emit()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt override)
        self._press = event.position()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt override)
        super().mouseReleaseEvent(event)
        press, self._press = self._press, None
        if event.button() != Qt.MouseButton.LeftButton or press is None:
            return
        if (event.position() - press).manhattanLength() > 4 or self.textCursor().hasSelection():
            return
        sid = self.painter.span_at(self.document_point(event.position()))
        self.select_span(sid, scroll=False)
        self.span_selected.emit(sid or "")

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt override)
        """Select the word under the pointer by the core's word rules (letters, marks, digits)."""
        if event.button() != Qt.MouseButton.LeftButton:
            return super().mouseDoubleClickEvent(event)
        offset = self.offset_at(event.position())
        start, end = word_at(self.rdoc.text, offset)
        if start < end:
            self.select_range(start, end, scroll=False)
        event.accept()
