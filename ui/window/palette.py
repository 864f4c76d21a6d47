"""The label palette: the schema's entity types as coloured buttons with their shortcut keys."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QGridLayout, QPushButton, QVBoxLayout, QWidget

from annotations import Schema


class LabelPalette(QWidget):
    """One button per entity type; clicking asks for a span with that label on the current selection.

    Signals:
        label_requested(str): the user picked a label.
    """

    label_requested = Signal(str)
    COLUMNS = 3

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.buttons: dict[str, QPushButton] = {}
        self._grid = QGridLayout()
        self._grid.setSpacing(3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addLayout(self._grid)
        layout.addStretch(1)

    def set_schema(self, schema: Schema) -> None:
        for button in self.buttons.values():
            button.deleteLater()
        self.buttons = {}
        for i, etype in enumerate(schema.entity_types):
            key = f" [{etype.key}]" if etype.key else ""
            button = QPushButton(self)  # (parent) + setText: the (text, parent) overload loads QIcon's enums
            button.setText(f"{etype.name}{key}")
            button.setToolTip(etype.description or etype.name)
            text = "#000000" if QColor(etype.color).lightness() > 128 else "#ffffff"
            button.setStyleSheet(f"QPushButton {{ background: {etype.color}; color: {text}; "
                                 "border: 1px solid #888; border-radius: 3px; padding: 3px 6px; }")
            button.clicked.connect(lambda _=False, name=etype.name: self.label_requested.emit(name))
            self.buttons[etype.name] = button
            self._grid.addWidget(button, i // self.COLUMNS, i % self.COLUMNS)
