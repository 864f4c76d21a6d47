"""Schema editor dialog: entity, event and relation types, roles, attributes, keys, presets, JSON in/out.

Every edit is a core call on the open project (``rename_type``, ``remove_type``, ``set_schema``,
``update_event``), so annotations follow renames, removals report what they affect, and each edit is
one undo step when a ``push`` callback (the window's undo stack) is given.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QColorDialog,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from annotations.errors import AnnotationError
from annotations.model import Change, kind_of
from annotations.project import Project
from annotations.schema import PRESETS, AttributeDef, EntityType, EventType, RelationType, Role, Schema

from ..events.event_picker import swatch

Push = Callable[[list[Change], str], None]
KINDS = ("entity", "event", "relation", "attribute")


def _split(text: str) -> list[str]:
    return [part.strip() for part in text.replace("،", ",").split(",") if part.strip()]


class SchemaEditor(QDialog):
    """Edit the project's schema in place.

    The ``ask_*`` and ``confirm`` methods are the only places that block on the user; tests replace them.

    Attributes:
        tabs: one tab per kind (entity types, event types, relation types, attributes).
        tables: kind → its table (name in column 0).
        role_table: the roles of the event type selected in the event table.
        conflicts_label: shortcut keys used twice, or empty.
        message: the last refusal or result, shown at the bottom.
        preset_combo: presets (ACE 2005).
    """

    def __init__(self, project: Project, push: Push | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("schema_editor")
        self.setWindowTitle(self.tr("Schema"))
        self.resize(760, 520)
        self.project = project
        self._push = push
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget()
        layout.addWidget(self.tabs, 1)
        self.tables: dict[str, QTableWidget] = {}
        headers = {
            "entity": [self.tr("Name"), self.tr("Key"), self.tr("Description"), self.tr("In use")],
            "event": [self.tr("Name"), self.tr("Key"), self.tr("Roles"), self.tr("In use")],
            "relation": [self.tr("Name"), self.tr("Key"), self.tr("Arg 1"), self.tr("Arg 2"), self.tr("In use")],
            "attribute": [self.tr("Name"), self.tr("Values"), self.tr("Default"), self.tr("Applies to"),
                          self.tr("In use")],
        }
        titles = {"entity": self.tr("Entity types"), "event": self.tr("Event types"),
                  "relation": self.tr("Relation types"), "attribute": self.tr("Attributes")}
        for kind in KINDS:
            page = QWidget()
            box = QVBoxLayout(page)
            table = QTableWidget(0, len(headers[kind]))
            table.setObjectName(f"{kind}_table")
            table.setHorizontalHeaderLabels(headers[kind])
            table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
            table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
            table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
            table.horizontalHeader().setStretchLastSection(True)
            box.addWidget(table, 1)
            self.tables[kind] = table
            row = QHBoxLayout()
            buttons = [(self.tr("Add…"), lambda _c=False, k=kind: self._on_add(k)),
                       (self.tr("Rename…"), lambda _c=False, k=kind: self._on_rename(k)),
                       (self.tr("Remove"), lambda _c=False, k=kind: self._on_remove(k))]
            if kind != "attribute":
                buttons[2:2] = [(self.tr("Colour…"), lambda _c=False, k=kind: self._on_color(k)),
                                (self.tr("Key…"), lambda _c=False, k=kind: self._on_key(k))]
            if kind == "relation":
                buttons.insert(-1, (self.tr("Arguments…"), lambda _c=False: self._on_relation_args()))
            for text, slot in buttons:
                button = QPushButton(text)
                button.clicked.connect(slot)
                row.addWidget(button)
            row.addStretch(1)
            box.addLayout(row)
            if kind == "event":
                box.addWidget(QLabel(self.tr("Roles of the selected event type (allowed entity types):")))
                self.role_table = QTableWidget(0, 2)
                self.role_table.setObjectName("role_table")
                self.role_table.setHorizontalHeaderLabels([self.tr("Role"), self.tr("Allowed types")])
                self.role_table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
                self.role_table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
                self.role_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
                self.role_table.horizontalHeader().setStretchLastSection(True)
                box.addWidget(self.role_table, 1)
                roles_row = QHBoxLayout()
                for text, slot in ((self.tr("Add role…"), self._on_add_role),
                                   (self.tr("Rename role…"), self._on_rename_role),
                                   (self.tr("Allowed types…"), self._on_role_types),
                                   (self.tr("Remove role"), self._on_remove_role)):
                    button = QPushButton(text)
                    button.clicked.connect(lambda _c=False, s=slot: s())
                    roles_row.addWidget(button)
                roles_row.addStretch(1)
                box.addLayout(roles_row)
                table.currentCellChanged.connect(lambda *_: self._fill_roles())
            self.tabs.addTab(page, titles[kind])
        self.conflicts_label = QLabel()
        self.conflicts_label.setObjectName("conflicts_label")
        self.conflicts_label.setStyleSheet("color: #c62828;")
        self.conflicts_label.setWordWrap(True)
        layout.addWidget(self.conflicts_label)
        self.message = QLabel()
        self.message.setObjectName("schema_message")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        bottom = QHBoxLayout()
        self.preset_combo = QComboBox()
        self.preset_combo.addItems(list(PRESETS))
        preset_button = QPushButton(self.tr("Use preset"))
        preset_button.clicked.connect(lambda: self.apply_preset(self.preset_combo.currentText()))
        import_button = QPushButton(self.tr("Import JSON…"))
        import_button.clicked.connect(self._on_import)
        export_button = QPushButton(self.tr("Export JSON…"))
        export_button.clicked.connect(self._on_export)
        close_button = QPushButton(self.tr("Close"))
        close_button.clicked.connect(self.accept)
        for w in (self.preset_combo, preset_button, import_button, export_button):
            bottom.addWidget(w)
        bottom.addStretch(1)
        bottom.addWidget(close_button)
        layout.addLayout(bottom)
        self.reload()

    # -- blocking questions (replaced in tests) --------------------------------------------------------
    def ask_text(self, title: str, label: str, text: str = "") -> str | None:
        value, ok = QInputDialog.getText(self, title, label, text=text)
        return value.strip() if ok else None

    def ask_color(self, initial: str) -> str | None:
        color = QColorDialog.getColor(QColor(initial), self, self.tr("Colour"))
        return color.name() if color.isValid() else None

    def confirm(self, text: str) -> bool:
        answer = QMessageBox.question(self, self.tr("Schema"), text)
        return answer == QMessageBox.StandardButton.Yes

    def ask_open_path(self) -> str | None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import schema"), "", self.tr("Schema (*.json)"))
        return path or None

    def ask_save_path(self) -> str | None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export schema"), "schema.json",
                                              self.tr("Schema (*.json)"))
        return path or None

    # -- display ---------------------------------------------------------------------------------------
    @property
    def schema(self) -> Schema:
        return self.project.schema

    def reload(self) -> None:
        """Fill the tables from the project's current schema."""
        s = self.schema
        rows: dict[str, list[tuple[Any, list[str]]]] = {
            "entity": [(t, [t.name, t.key or "", t.description]) for t in s.entity_types],
            "event": [(t, [t.name, t.key or "", ", ".join(r.name for r in t.roles)]) for t in s.event_types],
            "relation": [(t, [t.name, t.key or "", ", ".join(t.arg1) or "*", ", ".join(t.arg2) or "*"])
                         for t in s.relation_types],
            "attribute": [(a, [a.name, ", ".join(a.values), a.default or "", ", ".join(a.applies_to)])
                          for a in s.attributes],
        }
        for kind, entries in rows.items():
            table = self.tables[kind]
            keep = self.current_name(kind)
            table.setRowCount(len(entries))
            for i, (t, cells) in enumerate(entries):
                cells = [*cells, str(self.project.usage(kind, t.name))]
                for j, text in enumerate(cells):
                    item = QTableWidgetItem(text)
                    if j == 0 and kind != "attribute":
                        item.setIcon(swatch(t.color))
                    table.setItem(i, j, item)
                if t.name == keep:
                    table.setCurrentCell(i, 0)
            table.resizeColumnsToContents()
        self._fill_roles()
        conflicts = s.key_conflicts()
        self.conflicts_label.setText("; ".join(
            self.tr("key '%1' is used by %2").replace("%1", k).replace("%2", ", ".join(names))
            for k, names in conflicts))

    def _fill_roles(self) -> None:
        et = self.schema.event(self.current_name("event") or "")
        roles = et.roles if et else []
        keep = self.current_role()
        self.role_table.setRowCount(len(roles))
        for i, r in enumerate(roles):
            self.role_table.setItem(i, 0, QTableWidgetItem(r.name))
            self.role_table.setItem(i, 1, QTableWidgetItem(", ".join(r.types) or self.tr("any")))
            if r.name == keep:
                self.role_table.setCurrentCell(i, 0)

    def current_name(self, kind: str) -> str | None:
        table = self.tables[kind]
        item = table.item(table.currentRow(), 0) if table.currentRow() >= 0 else None
        return item.text() if item else None

    def current_role(self) -> str | None:
        row = self.role_table.currentRow()
        item = self.role_table.item(row, 0) if row >= 0 else None
        return item.text() if item else None

    def select(self, kind: str, name: str, role: str | None = None) -> None:
        """Make a type (and optionally one of its roles) current."""
        self.tabs.setCurrentIndex(KINDS.index(kind))
        table = self.tables[kind]
        for i in range(table.rowCount()):
            if table.item(i, 0).text() == name:
                table.setCurrentCell(i, 0)
        if role is not None:
            for i in range(self.role_table.rowCount()):
                if self.role_table.item(i, 0).text() == role:
                    self.role_table.setCurrentCell(i, 0)

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet("color: #c62828;" if error else "")
        self.message.setText(text)

    # -- core calls ------------------------------------------------------------------------------------
    def _run(self, text: str, *calls: Callable[[], Any]) -> bool:
        """Run core calls as one undo step; on refusal undo the ones already done and show why."""
        changes: list[Change] = []
        try:
            for call in calls:
                call()
                changes.append(self.project.last_change)
        except AnnotationError as exc:
            for change in reversed(changes):
                self.project.revert(change)
            self._say(str(exc), error=True)
            self.reload()
            return False
        if changes and self._push is not None:
            self._push(changes, text)
        self._say(text)
        self.reload()
        return True

    def _edited(self, text: str, edit: Callable[[Schema], None]) -> bool:
        """Apply ``edit`` to a copy of the schema and store it (validated by the core)."""
        new = self.schema.copy()
        try:
            edit(new)
            new.validate()
        except AnnotationError as exc:
            self._say(str(exc), error=True)
            return False
        return self._run(text, lambda: self.project.set_schema(new))

    def add_type(self, kind: str, name: str, **fields: Any) -> bool:
        """Add an entity/event/relation type or an attribute (``values=[...]`` for attributes)."""
        def edit(s: Schema) -> None:
            if kind == "entity":
                s.entity_types.append(EntityType(name, **fields))
            elif kind == "event":
                s.event_types.append(EventType(name, **fields))
            elif kind == "relation":
                s.relation_types.append(RelationType(name, **fields))
            else:
                s.attributes.append(AttributeDef(name, **fields))
        return self._edited(self.tr("added %1").replace("%1", name), edit)

    def rename(self, kind: str, old: str, new: str) -> bool:
        """Rename a type, role or attribute; every annotation using it follows."""
        return self._run(self.tr("renamed %1 to %2; %3 annotation(s) follow")
                         .replace("%1", old).replace("%2", new).replace("%3", str(self.project.usage(kind, old))),
                         lambda: self.project.rename_type(kind, old, new))

    def _find(self, s: Schema, kind: str, name: str) -> Any:
        t = {"entity": s.entity, "event": s.event, "relation": s.relation, "attribute": s.attribute}[kind](name)
        if t is None:
            raise AnnotationError(f"no {kind} type {name!r} in the schema")
        return t

    def set_color(self, kind: str, name: str, color: str) -> bool:
        def edit(s: Schema) -> None:
            self._find(s, kind, name).color = color
        return self._edited(self.tr("%1 is now %2").replace("%1", name).replace("%2", color), edit)

    def set_key(self, kind: str, name: str, key: str | None) -> bool:
        """Give a type a shortcut key (one character; empty clears). A key another type has is refused."""
        key = (key or "").strip() or None
        if key is not None and len(key) != 1:
            self._say(self.tr("a shortcut key is one character, not %1").replace("%1", repr(key)), error=True)
            return False
        if key is not None:
            owners = [t.name for _, t in self.schema.all_types()
                      if t.key and t.key.lower() == key.lower() and t.name != name]
            if owners:
                self._say(self.tr("key '%1' is already used by %2; choose another key or free it first")
                          .replace("%1", key).replace("%2", ", ".join(owners)), error=True)
                return False

        def edit(s: Schema) -> None:
            self._find(s, kind, name).key = key
        return self._edited(self.tr("%1: key %2").replace("%1", name).replace("%2", key or "—"), edit)

    def set_relation_args(self, name: str, arg1: list[str], arg2: list[str]) -> bool:
        def edit(s: Schema) -> None:
            rt = self._find(s, "relation", name)
            rt.arg1, rt.arg2 = list(arg1), list(arg2)
        return self._edited(self.tr("%1 arguments changed").replace("%1", name), edit)

    def remove(self, kind: str, name: str) -> bool:
        """Remove a type; when annotations use it, say how many and ask before removing them too."""
        count = self.project.usage(kind, name)
        if count:
            if not self.confirm(self.tr("%1 annotation(s) use %2. Remove %2 and those annotations?")
                                .replace("%1", str(count)).replace("%2", name)):
                self._say(self.tr("kept %1").replace("%1", name))
                return False
        return self._run(self.tr("removed %1 and %2 annotation(s)").replace("%1", name).replace("%2", str(count)),
                         lambda: self.project.remove_type(kind, name, cascade=bool(count)))

    # -- roles -----------------------------------------------------------------------------------------
    def _role_uses(self, event_type: str, role: str) -> list[tuple[Any, list[list[str]]]]:
        """Events of ``event_type`` with arguments in ``role``: (event, arguments without that role)."""
        out = []
        for info in self.project.documents():
            if not info.n_events:
                continue
            for ev in self.project.events(info.id):
                if ev.type == event_type and any(r == role for r, _ in ev.arguments):
                    out.append((ev, [[r, t] for r, t in ev.arguments if r != role]))
        return out

    def add_role(self, event_type: str, role: str, types: list[str]) -> bool:
        def edit(s: Schema) -> None:
            self._find(s, "event", event_type).roles.append(Role(role, list(types)))
        return self._edited(self.tr("%1: role %2 added").replace("%1", event_type).replace("%2", role), edit)

    def set_role_types(self, event_type: str, role: str, types: list[str]) -> bool:
        """Change the entity types a role takes; refused while arguments of other types fill it."""
        unfit = []
        for ev, _ in self._role_uses(event_type, role):
            for r, target in ev.arguments:
                if r != role:
                    continue
                label = (self.project.span(target).label if kind_of(target) == "span"
                         else self.project.event(target).type)
                if types and label not in types:
                    unfit.append(f"{target} ({label})")
        if unfit:
            self._say(self.tr("%1 argument(s) of role %2 would not fit: %3; change or remove them first")
                      .replace("%1", str(len(unfit))).replace("%2", role).replace("%3", ", ".join(unfit[:5])),
                      error=True)
            return False

        def edit(s: Schema) -> None:
            r = self._find(s, "event", event_type).role(role)
            if r is None:
                raise AnnotationError(f"{event_type} has no role {role!r}")
            r.types = list(types)
        return self._edited(self.tr("%1: role %2 takes %3").replace("%1", event_type).replace("%2", role)
                            .replace("%3", ", ".join(types) or self.tr("any")), edit)

    def remove_role(self, event_type: str, role: str) -> bool:
        """Remove a role from one event type; arguments filling it are removed too, after asking."""
        uses = self._role_uses(event_type, role)
        n = sum(sum(1 for r, _ in ev.arguments if r == role) for ev, _ in uses)
        if n and not self.confirm(self.tr("%1 argument(s) fill role %2. Remove the role and those arguments?")
                                  .replace("%1", str(n)).replace("%2", role)):
            self._say(self.tr("kept role %1").replace("%1", role))
            return False
        new = self.schema.copy()
        et = self._find(new, "event", event_type)
        et.roles = [r for r in et.roles if r.name != role]
        calls = [lambda ev=ev, args=args: self.project.update_event(ev.id, arguments=args) for ev, args in uses]
        calls.append(lambda: self.project.set_schema(new))
        return self._run(self.tr("%1: role %2 removed with %3 argument(s)").replace("%1", event_type)
                         .replace("%2", role).replace("%3", str(n)), *calls)

    # -- whole schema ----------------------------------------------------------------------------------
    def export_schema(self, path: str) -> bool:
        try:
            self.schema.save(path)
        except OSError as exc:
            self._say(self.tr("could not write %1: %2").replace("%1", path).replace("%2", exc.strerror or str(exc)),
                      error=True)
            return False
        self._say(self.tr("schema written to %1").replace("%1", path))
        return True

    def import_schema(self, path: str) -> bool:
        """Replace the schema by a JSON file's; refused (with the reason) if annotations need missing types."""
        try:
            new = Schema.load(path)
        except AnnotationError as exc:
            self._say(str(exc), error=True)
            return False
        if not self._arguments_fit(new):
            return False
        return self._run(self.tr("schema imported from %1").replace("%1", path), lambda: self.project.set_schema(new))

    def apply_preset(self, name: str) -> bool:
        new = PRESETS[name]()
        if not self._arguments_fit(new):
            return False
        return self._run(self.tr("preset %1 in use").replace("%1", name), lambda: self.project.set_schema(new))

    def _arguments_fit(self, new: Schema) -> bool:
        """Refuse (with a message) a whole new schema in which existing event arguments lose their role
        or their type is no longer allowed; ``set_schema`` checks labels only."""
        misfits: list[str] = []
        for info in self.project.documents():
            if not info.n_events:
                continue
            for ev in self.project.events(info.id):
                et = new.event(ev.type)
                if et is None:
                    continue  # set_schema itself refuses a missing event type
                for role, target in ev.arguments:
                    r = et.role(role)
                    label = (self.project.span(target).label if kind_of(target) == "span"
                             else self.project.event(target).type)
                    if r is None:
                        misfits.append(f"{ev.id} {role} (no such role in {ev.type})")
                    elif r.types and label not in r.types:
                        misfits.append(f"{ev.id} {role} = {label}")
        if misfits:
            self._say(self.tr("the new schema does not fit %1 event argument(s): %2")
                      .replace("%1", str(len(misfits))).replace("%2", "; ".join(misfits[:5])), error=True)
        return not misfits

    # -- buttons ---------------------------------------------------------------------------------------
    def _need(self, kind: str) -> str | None:
        name = self.current_name(kind)
        if name is None:
            self._say(self.tr("Select a row first."), error=True)
        return name

    def _on_add(self, kind: str) -> None:
        name = self.ask_text(self.tr("Add"), self.tr("Name:"))
        if not name:
            return
        if kind == "attribute":
            values = self.ask_text(self.tr("Add attribute"), self.tr("Values, separated by commas:"))
            if values:
                self.add_type(kind, name, values=_split(values), applies_to=["event"])
            return
        color = self.ask_color("#999999") or "#999999"
        self.add_type(kind, name, color=color)

    def _on_rename(self, kind: str) -> None:
        old = self._need(kind)
        if old is None:
            return
        new = self.ask_text(self.tr("Rename"), self.tr("New name for %1:").replace("%1", old), old)
        if new and new != old:
            self.rename(kind, old, new)

    def _on_color(self, kind: str) -> None:
        name = self._need(kind)
        if name is None:
            return
        color = self.ask_color(self.schema.color_of(name))
        if color:
            self.set_color(kind, name, color)

    def _on_key(self, kind: str) -> None:
        name = self._need(kind)
        if name is None:
            return
        t = self._find(self.schema, kind, name)
        key = self.ask_text(self.tr("Shortcut key"), self.tr("Key for %1 (empty: none):").replace("%1", name),
                            t.key or "")
        if key is not None:
            self.set_key(kind, name, key)

    def _on_relation_args(self) -> None:
        name = self._need("relation")
        if name is None:
            return
        rt = self._find(self.schema, "relation", name)
        a1 = self.ask_text(self.tr("Arguments"), self.tr("Arg 1 types (commas; empty = any):"), ", ".join(rt.arg1))
        if a1 is None:
            return
        a2 = self.ask_text(self.tr("Arguments"), self.tr("Arg 2 types (commas; empty = any):"), ", ".join(rt.arg2))
        if a2 is not None:
            self.set_relation_args(name, _split(a1), _split(a2))

    def _on_remove(self, kind: str) -> None:
        name = self._need(kind)
        if name is not None:
            self.remove(kind, name)

    def _on_add_role(self) -> None:
        et = self._need("event")
        if et is None:
            return
        role = self.ask_text(self.tr("Add role"), self.tr("Role name:"))
        if not role:
            return
        types = self.ask_text(self.tr("Add role"), self.tr("Allowed types (commas; empty = any):"))
        if types is not None:
            self.add_role(et, role, _split(types))

    def _on_rename_role(self) -> None:
        role = self.current_role()
        if role is None:
            self._say(self.tr("Select a role first."), error=True)
            return
        new = self.ask_text(self.tr("Rename role"),
                            self.tr("New name for role %1 (renamed in every event type):").replace("%1", role), role)
        if new and new != role:
            self.rename("role", role, new)

    def _on_role_types(self) -> None:
        et, role = self.current_name("event"), self.current_role()
        if et is None or role is None:
            self._say(self.tr("Select a role first."), error=True)
            return
        r = self._find(self.schema, "event", et).role(role)
        types = self.ask_text(self.tr("Allowed types"), self.tr("Types for %1 (commas; empty = any):")
                              .replace("%1", role), ", ".join(r.types))
        if types is not None:
            self.set_role_types(et, role, _split(types))

    def _on_remove_role(self) -> None:
        et, role = self.current_name("event"), self.current_role()
        if et is None or role is None:
            self._say(self.tr("Select a role first."), error=True)
            return
        self.remove_role(et, role)

    def _on_import(self) -> None:
        path = self.ask_open_path()
        if path:
            self.import_schema(path)

    def _on_export(self) -> None:
        path = self.ask_save_path()
        if path:
            self.export_schema(path)

