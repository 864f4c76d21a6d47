"""Events panel: the document's events as a tree (event → role → argument), relations, event attributes."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotations.errors import AnnotationError
from annotations.model import kind_of
from annotations.project import Project

from .event_picker import quoted, swatch

KIND, ID, ROLE, TARGET = (Qt.ItemDataRole.UserRole + i for i in range(4))


class _Tree(QTreeWidget):
    delete_pressed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.delete_pressed.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class EventPanel(QWidget):
    """Mirror of one document's events and relations; edits are requested, the controller does them.

    Signals:
        event_selected(str): an event (or one of its arguments) became current ("" for none).
        relation_selected(str): a relation became current.
        argument_remove_requested(str, str, str): event id, role, target id.
        role_change_requested(str, str, str): event id, role, target id (ask for the new role).
        event_remove_requested(str): event id.
        relation_remove_requested(str): relation id.
        attributes_change_requested(str, object): event id, the full new attributes dict.

    Attributes:
        tree: events with their arguments, then relations.
        attribute_boxes: one combo box per event attribute of the schema.
    """

    event_selected = Signal(str)
    relation_selected = Signal(str)
    argument_remove_requested = Signal(str, str, str)
    role_change_requested = Signal(str, str, str)
    event_remove_requested = Signal(str)
    relation_remove_requested = Signal(str)
    attributes_change_requested = Signal(str, object)

    def __init__(self, project: Project | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("event_panel")
        self.project = project
        self.doc_id: str | None = None
        self._syncing = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        self.tree = _Tree()
        self.tree.setHeaderHidden(True)
        self.tree.setColumnCount(1)
        layout.addWidget(self.tree, 1)
        row = QHBoxLayout()
        self.role_button = QPushButton(self.tr("Change role…"))
        self.remove_button = QPushButton(self.tr("Remove"))
        row.addWidget(self.role_button)
        row.addWidget(self.remove_button)
        layout.addLayout(row)
        self.attributes_group = QGroupBox(self.tr("Event attributes"))
        self._form = QFormLayout(self.attributes_group)
        layout.addWidget(self.attributes_group)
        self.attribute_boxes: dict[str, QComboBox] = {}
        self.tree.currentItemChanged.connect(self._on_current_changed)
        self.tree.delete_pressed.connect(self.remove_current)
        self.remove_button.clicked.connect(self.remove_current)
        self.role_button.clicked.connect(self.change_current_role)
        self._update_buttons()

    # -- content ---------------------------------------------------------------------------------------
    def show_document(self, project: Project, doc_id: str | None) -> None:
        self.project, self.doc_id = project, doc_id
        self.refresh()

    def refresh(self) -> None:
        """Rebuild from the project, keeping the current item when it still exists."""
        current = self.current_key()
        collapsed = {self._key(self.tree.topLevelItem(i)) for i in range(self.tree.topLevelItemCount())
                     if not self.tree.topLevelItem(i).isExpanded()}
        self._syncing = True
        try:
            self.tree.clear()
            self._build_attribute_boxes()
            if self.project is None or self.doc_id is None:
                return
            try:
                spans = {s.id: s for s in self.project.spans(self.doc_id)}
                events = self.project.events(self.doc_id)
                relations = self.project.relations(self.doc_id)
            except AnnotationError:  # the document is gone (removed, or its import undone)
                return
            by_id = {e.id: e for e in events}
            schema = self.project.schema

            def describe(target: str) -> str:
                if target in spans:
                    return f"{quoted(spans[target].text)} ({spans[target].label})"
                if target in by_id:
                    return f"{quoted(by_id[target].text)} ({by_id[target].type} {target.rpartition(':')[2]})"
                return f"{target} (?)"

            for ev in events:
                top = QTreeWidgetItem([f"{ev.type}  {quoted(ev.text)}"])
                top.setIcon(0, swatch(schema.color_of(ev.type)))
                top.setData(0, KIND, "event")
                top.setData(0, ID, ev.id)
                top.setToolTip(0, ev.id)
                for role, target in ev.arguments:
                    child = QTreeWidgetItem([f"{role} → {describe(target)}"])
                    child.setData(0, KIND, "argument")
                    child.setData(0, ID, ev.id)
                    child.setData(0, ROLE, role)
                    child.setData(0, TARGET, target)
                    top.addChild(child)
                self.tree.addTopLevelItem(top)
                top.setExpanded(("event", ev.id, None, None) not in collapsed)
            for rel in relations:
                item = QTreeWidgetItem([f"{rel.type}: {describe(rel.arg1)} → {describe(rel.arg2)}"])
                item.setIcon(0, swatch(schema.color_of(rel.type)))
                item.setData(0, KIND, "relation")
                item.setData(0, ID, rel.id)
                self.tree.addTopLevelItem(item)
            if current is not None:
                self._select_key(current)
        finally:
            self._syncing = False
            self._update_buttons()
            self._load_attributes()

    def _build_attribute_boxes(self) -> None:
        attrs = [a for a in self.project.schema.attributes if "event" in a.applies_to] if self.project else []
        if [a.name for a in attrs] == list(self.attribute_boxes) and all(
                [self.attribute_boxes[a.name].itemText(i) for i in range(1, self.attribute_boxes[a.name].count())]
                == list(a.values) for a in attrs):
            return
        while self._form.rowCount():
            self._form.removeRow(0)
        self.attribute_boxes = {}
        for a in attrs:
            box = QComboBox()
            box.setObjectName(f"attribute_{a.name}")
            box.addItem("")  # unset: the schema default applies
            box.addItems(a.values)
            box.activated.connect(lambda _i, name=a.name: self._on_attribute_changed(name))
            self._form.addRow(a.name, box)
            self.attribute_boxes[a.name] = box

    # -- current item ----------------------------------------------------------------------------------
    @staticmethod
    def _key(item: QTreeWidgetItem | None) -> tuple[Any, ...] | None:
        if item is None:
            return None
        return (item.data(0, KIND), item.data(0, ID), item.data(0, ROLE), item.data(0, TARGET))

    def current_key(self) -> tuple[Any, ...] | None:
        """(kind, id, role, target) of the current row: kind is "event", "argument" or "relation"."""
        return self._key(self.tree.currentItem())

    def current_event(self) -> str | None:
        key = self.current_key()
        return key[1] if key and key[0] in ("event", "argument") else None

    def _items(self) -> list[QTreeWidgetItem]:
        out = []
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            out.append(top)
            out.extend(top.child(j) for j in range(top.childCount()))
        return out

    def _select_key(self, key: tuple[Any, ...]) -> bool:
        for item in self._items():
            if self._key(item) == key:
                self.tree.setCurrentItem(item)
                return True
        return False

    def select_annotation(self, annotation_id: str | None) -> None:
        """Make an event or relation current without emitting a selection signal (the view already knows).

        A row of that event (one of its arguments) that is already current stays current.
        """
        key = self.current_key()
        if annotation_id and key is not None and key[1] == annotation_id:
            return
        self._syncing = True
        try:
            kind = kind_of(annotation_id) if annotation_id else ""
            if not annotation_id or not self._select_key((kind, annotation_id, None, None)):
                self.tree.setCurrentItem(None)
        finally:
            self._syncing = False
            self._update_buttons()
            self._load_attributes()

    def argument_items(self, event_id: str) -> list[tuple[str, str]]:
        """(role, target) rows shown under an event, in order."""
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            if top.data(0, ID) == event_id and top.data(0, KIND) == "event":
                return [(top.child(j).data(0, ROLE), top.child(j).data(0, TARGET)) for j in range(top.childCount())]
        return []

    def _on_current_changed(self, *_args: object) -> None:
        self._update_buttons()
        self._load_attributes()
        if self._syncing:
            return
        key = self.current_key()
        if key and key[0] == "relation":
            self.relation_selected.emit(key[1])
        else:
            self.event_selected.emit(key[1] if key else "")

    def _update_buttons(self) -> None:
        key = self.current_key()
        self.role_button.setEnabled(bool(key and key[0] == "argument"))
        self.remove_button.setEnabled(key is not None)
        self.attributes_group.setEnabled(self.current_event() is not None)

    def _load_attributes(self) -> None:
        eid = self.current_event()
        values: dict[str, Any] = {}
        if eid and self.project is not None:
            try:
                values = dict(self.project.event(eid).attributes)
            except KeyError:  # removed meanwhile; the refresh that follows clears the row
                values = {}
        for name, box in self.attribute_boxes.items():
            box.setCurrentText(str(values.get(name, "")) if name in values else "")

    # -- requests --------------------------------------------------------------------------------------
    def remove_current(self) -> None:
        key = self.current_key()
        if key is None:
            return
        kind, ident, role, target = key
        if kind == "argument":
            self.argument_remove_requested.emit(ident, role, target)
        elif kind == "event":
            self.event_remove_requested.emit(ident)
        elif kind == "relation":
            self.relation_remove_requested.emit(ident)

    def change_current_role(self) -> None:
        key = self.current_key()
        if key and key[0] == "argument":
            self.role_change_requested.emit(key[1], key[2], key[3])

    def _on_attribute_changed(self, name: str) -> None:
        eid = self.current_event()
        if eid is None or self.project is None:
            return
        attrs = dict(self.project.event(eid).attributes)
        value = self.attribute_boxes[name].currentText()
        if value:
            attrs[name] = value
        else:
            attrs.pop(name, None)
        self.attributes_change_requested.emit(eid, attrs)
