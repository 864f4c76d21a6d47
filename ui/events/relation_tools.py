"""Relation picker: choose a schema relation type for two annotations, direction shown and swappable."""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotations.schema import Schema

from ..common.dialog_parts import error_label, ok_cancel
from .event_picker import quoted, swatch

# attempt(relation_type, swapped) -> None when stored, else the core's message.
RelationAttempt = Callable[[str, bool], "str | None"]


class RelationPicker(QDialog):
    """Pick the type of a directed relation from the first annotation (arg1) to the second (arg2).

    Types whose argument constraints fit the two labels (in the shown direction) are listed first; all
    schema types stay pickable, and the core's refusal is shown in place without closing the dialog.

    Attributes:
        filter_edit: narrows the list.
        type_list: relation types.
        swap_box: reverse the direction (arg2 → arg1).
        message: the last refusal.
    """

    def __init__(self, schema: Schema, first: tuple[str, str], second: tuple[str, str],
                 attempt: RelationAttempt, parent: QWidget | None = None) -> None:
        """``first``/``second`` are ``(text, label)`` of the two ends, in the order the user marked them."""
        super().__init__(parent)
        self.setObjectName("relation_picker")
        self.setWindowTitle(self.tr("Relation"))
        self._schema = schema
        self._attempt = attempt
        self._ends = (first, second)
        layout = QVBoxLayout(self)
        self.direction = QLabel()
        self.direction.setWordWrap(True)
        layout.addWidget(self.direction)
        self.swap_box = QCheckBox(self.tr("Reverse direction"))
        layout.addWidget(self.swap_box)
        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(self.tr("Filter relation types"))
        layout.addWidget(self.filter_edit)
        self.type_list = QListWidget()
        layout.addWidget(self.type_list)
        self.message = error_label(self, "relation_picker_message")
        layout.addWidget(self.message)
        layout.addWidget(ok_cancel(self))
        self.swap_box.toggled.connect(self._fill)
        self.filter_edit.textChanged.connect(self._fill)
        self.type_list.itemDoubleClicked.connect(lambda _item: self.accept())
        self._fill()
        self.filter_edit.setFocus()

    def ends(self) -> tuple[tuple[str, str], tuple[str, str]]:
        """(arg1, arg2) as ``(text, label)`` in the direction currently chosen."""
        a, b = self._ends
        return (b, a) if self.swap_box.isChecked() else (a, b)

    def fitting_types(self) -> list[str]:
        """Relation types whose constraints accept the two labels in the current direction."""
        (_, l1), (_, l2) = self.ends()
        return [rt.name for rt in self._schema.relation_types
                if (not rt.arg1 or l1 in rt.arg1) and (not rt.arg2 or l2 in rt.arg2)]

    def _fill(self) -> None:
        (t1, l1), (t2, l2) = self.ends()
        # A template, so that right-to-left interfaces can point the arrow the way they read.
        values = (quoted(t1), l1, quoted(t2), l2)
        self.direction.setText(re.sub(r"%([1-4])", lambda m: values[int(m[1]) - 1],
                                      self.tr("%1 (%2)  →  %3 (%4)")))
        keep = self.chosen()
        fitting = set(self.fitting_types())
        words = self.filter_edit.text().casefold().split()
        ordered = sorted(self._schema.relation_types, key=lambda rt: rt.name not in fitting)
        self.type_list.clear()
        for rt in ordered:
            if not all(w in rt.name.casefold() for w in words):
                continue
            item = QListWidgetItem(swatch(rt.color), rt.name)
            item.setData(Qt.ItemDataRole.UserRole, rt.name)
            item.setToolTip(f"{', '.join(rt.arg1) or '*'} → {', '.join(rt.arg2) or '*'}")
            if rt.name not in fitting:
                item.setForeground(self.palette().placeholderText())
            self.type_list.addItem(item)
            if rt.name == keep:
                self.type_list.setCurrentItem(item)
        if self.type_list.currentItem() is None and self.type_list.count():
            self.type_list.setCurrentRow(0)

    def chosen(self) -> str | None:
        item = self.type_list.currentItem() if hasattr(self, "type_list") else None
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def accept(self) -> None:
        rel_type = self.chosen()
        if rel_type is None:
            return
        error = self._attempt(rel_type, self.swap_box.isChecked())
        if error:
            self.message.setText(error)
            self.message.show()
            return
        super().accept()
