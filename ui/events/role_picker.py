"""Role picker: the roles the schema allows for an event type, with the core's refusal shown in place."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotations.schema import Schema

from ..common.dialog_parts import error_label, ok_cancel
from .event_picker import quoted

# attempt(role, entity_label_or_None) -> None when stored, else the message to show (from the core).
Attempt = Callable[[str, "str | None"], "str | None"]


class RolePicker(QDialog):
    """Pick the role an argument fills in an event.

    The roles listed are exactly the event type's roles in the schema, each with the entity types it
    takes. Picking runs ``attempt``; if the core refuses (say, an ORG as Place), its message is shown
    and the dialog stays open, so the user can pick another role or cancel. Nothing is stored on refusal.

    When the argument is new text (no span yet), an entity-type box offers the types the chosen role
    takes; the span is created with that label.

    Attributes:
        role_list: the roles.
        label_combo: entity type for a new span (hidden when the target already exists).
        message: the last refusal, in red.
    """

    def __init__(self, schema: Schema, event_type: str, attempt: Attempt, target_text: str = "",
                 target_label: str | None = None, current_role: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("role_picker")
        self.setWindowTitle(self.tr("Argument role"))
        self._schema = schema
        self._attempt = attempt
        self._new_span = target_label is None
        et = schema.event(event_type)
        if et is None:
            raise ValueError(f"unknown event type {event_type!r}")
        self._event_type = et
        layout = QVBoxLayout(self)
        shown = target_text if len(target_text) <= 40 else target_text[:39] + "…"
        head = QLabel(self.tr("%1 argument: %2").replace("%1", event_type).replace("%2", quoted(shown))
                      + (f"  ({target_label})" if target_label else ""))
        head.setWordWrap(True)
        layout.addWidget(head)
        self.role_list = QListWidget()
        for role in et.roles:
            takes = ", ".join(role.types) if role.types else self.tr("any type")
            item = QListWidgetItem(f"{role.name}  —  {takes}")
            item.setData(Qt.ItemDataRole.UserRole, role.name)
            if target_label and role.types and target_label not in role.types:
                # Still selectable: the core decides and explains; the hint only saves a round trip.
                item.setForeground(self.palette().placeholderText())
            self.role_list.addItem(item)
        layout.addWidget(self.role_list)
        form = QFormLayout()
        self.label_combo = QComboBox()
        form.addRow(self.tr("New span type:"), self.label_combo)
        layout.addLayout(form)
        self.label_combo.setVisible(self._new_span)
        form.labelForField(self.label_combo).setVisible(self._new_span)
        self.message = error_label(self, "role_picker_message")
        layout.addWidget(self.message)
        layout.addWidget(ok_cancel(self))
        self.role_list.currentRowChanged.connect(self._on_role_changed)
        self.role_list.itemDoubleClicked.connect(lambda _item: self.accept())
        start = 0
        names = [r.name for r in et.roles]
        if current_role in names:
            start = names.index(current_role)
        elif target_label:
            start = next((i for i, r in enumerate(et.roles) if not r.types or target_label in r.types), 0)
        self.role_list.setCurrentRow(start)
        self.role_list.setFocus()

    def chosen_role(self) -> str | None:
        item = self.role_list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def chosen_label(self) -> str | None:
        """The entity type for a new span, or None when the argument is an existing annotation."""
        return self.label_combo.currentText() or None if self._new_span else None

    def _on_role_changed(self, _row: int) -> None:
        if not self._new_span:
            return
        role = self._event_type.role(self.chosen_role() or "")
        previous = self.label_combo.currentText()
        types = list(role.types) if role and role.types else [t.name for t in self._schema.entity_types]
        self.label_combo.clear()
        self.label_combo.addItems(types)
        if previous in types:
            self.label_combo.setCurrentText(previous)

    def accept(self) -> None:
        role = self.chosen_role()
        if role is None:
            return
        error = self._attempt(role, self.chosen_label())
        if error:
            self.message.setText(error)
            self.message.show()
            return
        super().accept()
