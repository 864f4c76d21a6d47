"""The annotation panel: the current document's spans; jump to one, edit its label, attributes and note."""

from __future__ import annotations

import bisect
from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotations import Schema, Span


def parse_attributes(text: str) -> dict[str, str]:
    """Parse ``"key=value; key=value"`` into a dict.

    Raises:
        ValueError: naming the part that has no ``=`` or an empty key.
    """
    out: dict[str, str] = {}
    for part in (p.strip() for p in text.replace("؛", ";").split(";")):
        if not part:
            continue
        key, sep, value = part.partition("=")
        if not sep or not key.strip():
            raise ValueError(f"attribute {part!r} must be written key=value (separate several with ';')")
        out[key.strip()] = value.strip()
    return out


def _order(span: Span) -> tuple[int, int, str]:
    return (span.start, -span.end, span.id)


def format_attributes(attrs: Mapping[str, Any]) -> str:
    return "; ".join(f"{k}={v}" for k, v in attrs.items())


class AnnotationPanel(QWidget):
    """Table of spans plus an editor for the selected one.

    Signals:
        span_activated(str): the user clicked a span in the list (jump to it).
        label_change_requested(str, str): span id, new label.
        details_change_requested(str, object, object): span id, attributes dict, note (or None).
        delete_requested(str): span id.
        error_occurred(str): a message for the status bar (e.g. malformed attributes).
    """

    span_activated = Signal(str)
    label_change_requested = Signal(str, str)
    details_change_requested = Signal(str, object, object)
    delete_requested = Signal(str)
    error_occurred = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._spans: list[Span] = []
        self._current: str | None = None
        self.table = QTableWidget(0, 3, self)
        self.table.setHorizontalHeaderLabels([self.tr("Text"), self.tr("Label"), self.tr("Offsets")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.label_box = QComboBox(self)
        self.attributes_edit = QLineEdit(self)
        self.attributes_edit.setPlaceholderText(self.tr("key=value; key=value"))
        self.note_edit = QLineEdit(self)
        # (parent) + setText: matching the (text, parent) overload makes PySide create QIcon's enums at start-up
        self.apply_button = QPushButton(self)
        self.apply_button.setText(self.tr("Apply"))
        self.delete_button = QPushButton(self)
        self.delete_button.setText(self.tr("Delete"))
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Label"), self.label_box)
        form.addRow(self.tr("Attributes"), self.attributes_edit)
        form.addRow(self.tr("Note"), self.note_edit)
        buttons = QHBoxLayout()
        buttons.addWidget(self.apply_button)
        buttons.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        layout.addLayout(form)
        layout.addLayout(buttons)
        self.table.itemSelectionChanged.connect(self._on_row_selected)
        self.table.cellClicked.connect(self._on_cell_clicked)
        self.label_box.activated.connect(self._on_label_chosen)
        self.apply_button.clicked.connect(self._on_apply)
        self.note_edit.returnPressed.connect(self._on_apply)
        self.attributes_edit.returnPressed.connect(self._on_apply)
        self.delete_button.clicked.connect(self._on_delete)
        self._set_editor_enabled(False)

    def set_schema(self, schema: Schema) -> None:
        self.label_box.clear()
        for t in schema.entity_types + schema.event_types:
            self.label_box.addItem(t.name, t.name)
        self._colors = {t.name: t.color for t in schema.entity_types + schema.event_types}

    def set_spans(self, spans: list[Span]) -> None:
        """Show a document's spans (keeps the current span selected when it still exists)."""
        current = self._current
        self._spans = sorted(spans, key=_order)
        self.table.blockSignals(True)
        self.table.setRowCount(len(self._spans))
        for row, span in enumerate(self._spans):
            self._fill_row(row, span)
        self.table.blockSignals(False)
        self.select_span(current if any(s.id == current for s in self._spans) else None)

    def _fill_row(self, row: int, span: Span) -> None:
        colors = getattr(self, "_colors", {})
        text_item = QTableWidgetItem(span.text.replace("\n", " "))
        text_item.setData(Qt.ItemDataRole.UserRole, span.id)
        label_item = QTableWidgetItem(span.label)
        if span.label in colors:
            label_item.setBackground(QColor(colors[span.label]))
            label_item.setForeground(QColor("#000000"))
        self.table.setItem(row, 0, text_item)
        self.table.setItem(row, 1, label_item)
        # LRI…PDI: "27–32" must not read "32–27" in a right-to-left table
        self.table.setItem(row, 2, QTableWidgetItem(f"\u2066{span.start}–{span.end}\u2069"))

    def upsert(self, span: Span) -> None:
        """Add or refresh one span's row (one change touches one row, not the whole table)."""
        self.table.blockSignals(True)
        old = next((i for i, s in enumerate(self._spans) if s.id == span.id), -1)
        if old >= 0:
            del self._spans[old]
            self.table.removeRow(old)
        row = bisect.bisect_left([_order(s) for s in self._spans], _order(span))
        self._spans.insert(row, span)
        self.table.insertRow(row)
        self._fill_row(row, span)
        self.table.blockSignals(False)
        if span.id == self._current:
            self.select_span(span.id)

    def remove(self, span_id: str) -> None:
        """Drop one span's row."""
        row = next((i for i, s in enumerate(self._spans) if s.id == span_id), -1)
        if row < 0:
            return
        self.table.blockSignals(True)
        del self._spans[row]
        self.table.removeRow(row)
        self.table.blockSignals(False)
        if span_id == self._current:
            self.select_span(None)

    def span_ids(self) -> list[str]:
        return [s.id for s in self._spans]

    def current_span(self) -> str | None:
        return self._current

    def select_span(self, span_id: str | None) -> None:
        """Select a span's row and load it into the editor, without emitting ``span_activated``."""
        self._current = span_id
        self.table.blockSignals(True)
        self.table.clearSelection()
        span = next((s for s in self._spans if s.id == span_id), None)
        if span is not None:
            row = self._spans.index(span)
            self.table.selectRow(row)
            self.table.scrollToItem(self.table.item(row, 0))
        self.table.blockSignals(False)
        self._load(span)

    def _load(self, span: Span | None) -> None:
        self._set_editor_enabled(span is not None)
        if span is None:
            self.summary.clear()
            self.attributes_edit.clear()
            self.note_edit.clear()
            return
        # Isolate the span text (FSI…PDI) so its direction cannot reorder the label and offsets around it.
        self.summary.setText(f"\u2066{span.label}: «\u2068{span.text}\u2069» ({span.start}–{span.end})\u2069")
        i = self.label_box.findData(span.label)
        self.label_box.setCurrentIndex(i)
        self.attributes_edit.setText(format_attributes(span.attributes))
        self.note_edit.setText(span.note or "")

    def _set_editor_enabled(self, enabled: bool) -> None:
        for w in (self.label_box, self.attributes_edit, self.note_edit, self.apply_button,
                  self.delete_button):
            w.setEnabled(enabled)

    def _on_row_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            span = self._spans[rows[0].row()]
            self._current = span.id
            self._load(span)
            self.span_activated.emit(span.id)

    def _on_cell_clicked(self, row: int, _col: int) -> None:
        if 0 <= row < len(self._spans):
            self.span_activated.emit(self._spans[row].id)

    def _on_label_chosen(self, _index: int) -> None:
        span = next((s for s in self._spans if s.id == self._current), None)
        label = self.label_box.currentData()
        if span is not None and label and label != span.label:
            self.label_change_requested.emit(span.id, label)

    def _on_apply(self) -> None:
        span = next((s for s in self._spans if s.id == self._current), None)
        if span is None:
            return
        try:
            attrs = parse_attributes(self.attributes_edit.text())
        except ValueError as exc:
            self.error_occurred.emit(str(exc))
            return
        note = self.note_edit.text().strip() or None
        if attrs != dict(span.attributes) or note != span.note:
            self.details_change_requested.emit(span.id, attrs, note)

    def _on_delete(self) -> None:
        if self._current:
            self.delete_requested.emit(self._current)
