"""Filterable event-type picker: type a few letters, arrow to a type, Enter creates the event."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QColor, QIcon, QKeyEvent, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotations.schema import Schema


def quoted(text: str) -> str:
    """``text`` in guillemets, isolated (FSI…PDI) so that Arabic inside a left-to-right label neither
    mirrors the guillemets nor reorders the words around it."""
    return f"«\u2068{text}\u2069»"


def swatch(color: str, size: int = 12) -> QIcon:
    """A small square icon of a type's colour."""
    pix = QPixmap(size, size)
    pix.fill(QColor(color))
    return QIcon(pix)


class EventTypePicker(QDialog):
    """Choose one of the schema's event types; the filter matches any part of the name or description.

    Attributes:
        filter_edit: the filter line (focused when the picker opens).
        type_list: matching event types; the current row is the one Enter picks.
    """

    def __init__(self, schema: Schema, parent: QWidget | None = None, trigger_text: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Event type"))
        self.setObjectName("event_type_picker")
        self._schema = schema
        layout = QVBoxLayout(self)
        if trigger_text:
            shown = trigger_text if len(trigger_text) <= 40 else trigger_text[:39] + "…"
            layout.addWidget(QLabel(self.tr("Trigger: %1").replace("%1", quoted(shown))))
        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(self.tr("Filter event types (e.g. meet, attack)"))
        self.filter_edit.setClearButtonEnabled(True)
        layout.addWidget(self.filter_edit)
        self.type_list = QListWidget()
        layout.addWidget(self.type_list)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        for et in schema.event_types:
            item = QListWidgetItem(swatch(et.color), et.name + (f"  [{et.key}]" if et.key else ""))
            item.setData(Qt.ItemDataRole.UserRole, et.name)
            item.setToolTip(et.description or et.name)
            self.type_list.addItem(item)
        self.filter_edit.textChanged.connect(self._on_filter)
        self.filter_edit.installEventFilter(self)
        self.type_list.itemDoubleClicked.connect(lambda _item: self.accept())
        self._on_filter("")
        self.filter_edit.setFocus()

    def chosen(self) -> str | None:
        """The event type of the current visible row, or None."""
        item = self.type_list.currentItem()
        if item is None or item.isHidden():
            return None
        return item.data(Qt.ItemDataRole.UserRole)

    def visible_types(self) -> list[str]:
        return [self.type_list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.type_list.count())
                if not self.type_list.item(i).isHidden()]

    def _on_filter(self, text: str) -> None:
        words = text.casefold().split()
        first = None
        for i in range(self.type_list.count()):
            item = self.type_list.item(i)
            name = item.data(Qt.ItemDataRole.UserRole)
            et = self._schema.event(name)
            hay = f"{name} {et.description} {et.key or ''}".casefold() if et else name.casefold()
            hidden = not all(w in hay for w in words)
            item.setHidden(hidden)
            if not hidden and first is None:
                first = item
        self.type_list.setCurrentItem(first)
        self.ok_button.setEnabled(first is not None)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        """Up/Down in the filter line move through the list and Enter picks, so the hands stay on the keys."""
        if watched is self.filter_edit and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.accept()
                return True
            if event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
                rows = [i for i in range(self.type_list.count()) if not self.type_list.item(i).isHidden()]
                if rows:
                    cur = self.type_list.currentRow()
                    pos = rows.index(cur) if cur in rows else -1
                    pos = min(len(rows) - 1, pos + 1) if event.key() == Qt.Key.Key_Down else max(0, pos - 1)
                    self.type_list.setCurrentRow(rows[pos])
                return True
        return super().eventFilter(watched, event)

    def accept(self) -> None:
        if self.chosen() is not None:
            super().accept()

    @classmethod
    def choose(cls, schema: Schema, parent: QWidget | None = None, trigger_text: str = "") -> str | None:
        """Show the picker modally; return the chosen event type or None when cancelled."""
        dialog = cls(schema, parent, trigger_text)
        try:
            return dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()
