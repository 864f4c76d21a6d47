"""Wire events and relations into the main window: actions, event painter, events panel, undo steps.

``install_events(main_window)`` is the one entry point. It uses only public things of the main window:
``reader`` (``ui.reader.reader.ReaderView``), ``project`` (``annotations.Project``), ``current_doc_id`` (an
attribute or a method), ``undo_stack`` (``QUndoStack``) and, when present, a ``document_changed`` signal.
Every edit is a core call; what it changed (``project.last_change``) is pushed on the undo stack with the
reader's ``ui.window.undo.ChangeCommand``, one step per user action (a macro when an action makes several
changes). Creating an event opens a macro that stays open while its arguments are attached, so the
trigger, the event and its arguments undo as one step; the flow ends with Ctrl+Shift+Return, or when the user
turns to another event, document or kind of edit. (While the macro is open, Qt disables undo.)
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMessageBox, QWidget

from annotations.errors import AnnotationError
from annotations.model import Change, doc_of, kind_of
from annotations.project import Project

from ..schema.schema_editor import SchemaEditor
from ..window.undo import ChangeCommand
from .cascade_prompt import CascadePrompt
from .event_painter import ARCS, CHIPS, EventPainter
from .event_panel import EventPanel
from .event_picker import EventTypePicker, quoted
from .relation_tools import RelationPicker
from .role_picker import RolePicker

# Ctrl+Return is the reader's "Mark done"; bare letters are label keys (entity and event types).
SHORTCUTS = {
    "new_event": "Ctrl+E",
    "add_argument": "Ctrl+Shift+E",
    "finish_event": "Ctrl+Shift+Return",
    "new_relation": "Ctrl+Shift+L",
    "delete_span": "Shift+Del",
    "schema_editor": "Ctrl+Shift+K",
}


class EventsController(QObject):
    """Event, argument and relation editing for one main window.

    Signals:
        message_changed(str): a message for the user (refusals, hints).
        current_event_changed(str): the event being shown/edited ("" for none).

    Attributes:
        painter: the ``EventPainter`` overlay on the reader.
        panel: the events panel (docked in the main window).
        dock: its dock widget (None when the window is not a QMainWindow).
        actions: name → QAction, all added to the window so their shortcuts work everywhere.
        current_event: id of the selected event, or None.
        relation_source: the annotation marked as the first end of a relation being made, or None.
        last_message: the last message shown.
    """

    message_changed = Signal(str)
    current_event_changed = Signal(str)

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.window = window
        self.reader = window.reader  # type: ignore[attr-defined]
        self.painter = EventPainter(CHIPS)
        self.painter.install(self.reader.painter)
        self.painter.refresh_hook = self._check_document
        self.panel = EventPanel()
        self.dock: QDockWidget | None = None
        self.current_event: str | None = None
        self.relation_source: str | None = None
        self.last_message = ""
        self._flow_stack: QUndoStack | None = None  # the stack holding the open event-creation macro
        self._gap_before_arcs: float | None = None
        self._shown_doc: str | None = None
        self._referenced: set[str] = set()  # span/event ids the shown events and relations use
        self._subscribed: Project | None = None
        self.actions: dict[str, QAction] = {}
        self.type_actions: dict[str, QAction] = {}
        self._type_keys: tuple[tuple[str, str], ...] = ()
        self._make_actions()
        if isinstance(window, QMainWindow):
            self.dock = QDockWidget(self.tr("Events"), window)
            self.dock.setObjectName("events_dock")
            self.dock.setWidget(self.panel)
            window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
            labels_dock = getattr(window, "labels_dock", None)
            if isinstance(labels_dock, QDockWidget):
                # Stacked under the labels dock, both were too short to use: share its place as a tab.
                window.tabifyDockWidget(labels_dock, self.dock)
            if window.isVisible():
                self.dock.show()  # a dock added to a window already on screen starts hidden
                window.restoreDockWidget(self.dock)  # and takes the place saved last session
            if isinstance(labels_dock, QDockWidget):
                labels_dock.raise_()
        self.reader.span_selected.connect(self._on_span_clicked)
        self.panel.event_selected.connect(self._on_panel_event)
        self.panel.relation_selected.connect(self._on_panel_relation)
        self.panel.argument_remove_requested.connect(self.remove_argument)
        self.panel.role_change_requested.connect(self.change_role)
        self.panel.event_remove_requested.connect(self.remove_event)
        self.panel.relation_remove_requested.connect(self.remove_relation)
        self.panel.attributes_change_requested.connect(self.set_attributes)
        changed = getattr(window, "document_changed", None)
        if changed is not None:
            changed.connect(lambda *_: self.refresh())
        self.refresh()

    # -- the host window -------------------------------------------------------------------------------
    @property
    def project(self) -> Project | None:
        return getattr(self.window, "project", None)

    def doc_id(self) -> str | None:
        value = getattr(self.window, "current_doc_id", None)
        return value() if callable(value) else value

    @property
    def undo_stack(self) -> QUndoStack | None:
        return getattr(self.window, "undo_stack", None)

    def _check_document(self) -> None:
        """Called before each paint: follow the window to another project or document."""
        if self.project is not self._subscribed or self.doc_id() != self._shown_doc:
            self.refresh()

    # -- actions ---------------------------------------------------------------------------------------
    def _make_actions(self) -> None:
        specs: list[tuple[str, str, Callable[[], Any] | None]] = [
            ("new_event", self.tr("New event from selection…"), self.create_event_from_selection),
            ("add_argument", self.tr("Add argument to event…"), self.add_argument_from_view),
            ("finish_event", self.tr("Finish event"), self.finish_event),
            ("new_relation", self.tr("Relation: mark first end / link to second…"), self.relation_from_view),
            ("delete_span", self.tr("Delete span (asks when events use it)"), self.delete_selected_span),
            ("schema_editor", self.tr("Schema editor…"), self.open_schema_editor),
            ("show_arcs", self.tr("Show arguments as arcs"), None),
            ("show_all_arcs", self.tr("Show the arcs of all events and relations"), None),
        ]
        for name, text, slot in specs:
            key = SHORTCUTS.get(name)
            action = QAction(text, self.window)
            action.setObjectName(f"action_{name}")
            if key:
                action.setShortcut(QKeySequence(key))
                action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            if slot is not None:
                action.triggered.connect(lambda _checked=False, s=slot: s())
            self.window.addAction(action)
            self.actions[name] = action
        arcs = self.actions["show_arcs"]
        arcs.setCheckable(True)
        arcs.toggled.connect(self.set_arcs)
        every = self.actions["show_all_arcs"]
        every.setCheckable(True)
        every.toggled.connect(self.set_all_arcs)
        self.menu = None
        if isinstance(self.window, QMainWindow):
            self.menu = self.window.menuBar().addMenu(self.tr("E&vents"))
            self.menu.setObjectName("events_menu")
            for name in ("new_event", "add_argument", "finish_event", None, "new_relation", "delete_span", None,
                         "show_arcs", "show_all_arcs", "schema_editor"):
                if name is None:
                    self.menu.addSeparator()
                else:
                    self.menu.addAction(self.actions[name])

    # font heights above each line in arcs mode: the chip row plus one row of role labels, whose arcs nest a
    # few pixels apart (ui.events.arc_layout); lines are then about 1.4x as far apart as with the default gap
    ARC_LINE_GAP = 1.0

    def _update_type_keys(self, project: Project) -> None:
        """One action per event type that has a shortcut key: selected text + key = a new event of that type.

        Scoped to the reader like the entity keys, so a bare letter never fires while typing elsewhere.
        """
        keys = tuple((t.name, t.key) for t in project.schema.event_types if t.key)
        if keys == self._type_keys:
            return
        self._type_keys = keys
        for action in self.type_actions.values():
            self.reader.removeAction(action)
            action.deleteLater()
        self.type_actions = {}
        from ..window.actions import ARABIC_LAYOUT

        for name, key in keys:
            action = QAction(self.tr("New %1 event").replace("%1", name), self.reader)
            arabic = ARABIC_LAYOUT.get(key.lower())  # the same physical key on the Arabic layout
            action.setShortcuts([QKeySequence(key)] + ([QKeySequence(arabic)] if arabic else []))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(lambda _checked=False, n=name: self.create_event_from_selection(n))
            self.reader.addAction(action)
            self.type_actions[name] = action

    def set_arcs(self, on: bool) -> None:
        """Draw the selected event's arguments as arcs (True) or role chips (False).

        Arcs need room above each line, as brat makes; the reader's line gap is widened while they are
        shown and put back afterwards.
        """
        if (self.painter.mode == ARCS) == on:
            return
        self.painter.mode = ARCS if on else CHIPS
        if on:
            self._gap_before_arcs = self.reader.options.line_gap
            if self._gap_before_arcs < self.ARC_LINE_GAP:
                self.reader.set_line_gap(self.ARC_LINE_GAP)
        elif self._gap_before_arcs is not None:
            self.reader.set_line_gap(self._gap_before_arcs)
            self._gap_before_arcs = None
        if self.actions["show_arcs"].isChecked() != on:
            self.actions["show_arcs"].setChecked(on)
        if not on and self.actions["show_all_arcs"].isChecked():
            self.set_all_arcs(False)
        self.reader.viewport().update()

    def set_all_arcs(self, on: bool) -> None:
        """Draw the arcs of every event and relation of the document (as brat and INCEpTION do), or only
        the selected one's. Showing them all turns arcs on; turning arcs off hides them all again."""
        self.painter.show_all_events = self.painter.show_all_relations = on
        if on:
            self.set_arcs(True)
        if self.actions["show_all_arcs"].isChecked() != on:
            self.actions["show_all_arcs"].setChecked(on)
        self.reader.viewport().update()

    # -- messages and undo -----------------------------------------------------------------------------
    def message(self, text: str) -> None:
        self.last_message = text
        if isinstance(self.window, QMainWindow):
            self.window.statusBar().showMessage(text, 8000)
        self.message_changed.emit(text)

    @contextlib.contextmanager
    def _edit(self, text: str, push: bool = True) -> Iterator[list[Change]]:
        """Collect the changes of the core calls made inside; push them as one undo step (if ``push``).

        On an ``AnnotationError`` the changes already made are reverted (nothing half-done stays),
        the core's message is shown, and the error does not propagate.
        """
        changes: list[Change] = []
        try:
            yield changes
        except AnnotationError as exc:
            for change in reversed(changes):
                self.project.revert(change)  # type: ignore[union-attr]
            self.message(str(exc))
            raise _Refused(str(exc)) from None
        if changes and push:
            self.push(changes, text)

    def push(self, changes: list[Change], text: str) -> None:
        """Put already-applied changes on the undo stack as one step (a macro when there are several)."""
        stack, project = self.undo_stack, self.project
        if stack is None or project is None or not changes:
            return
        if len(changes) > 1:
            stack.beginMacro(text)
        for change in changes:
            stack.push(ChangeCommand(project, change, text if len(changes) == 1 else change.description,
                                     self.message))
        if len(changes) > 1:
            stack.endMacro()

    @property
    def in_flow(self) -> bool:
        """Whether an event-creation flow (an open undo macro) is collecting its arguments."""
        return self._flow_stack is not None

    def _begin_flow(self, text: str) -> None:
        self.finish_event()
        if self.undo_stack is not None:
            self.undo_stack.beginMacro(text)
            self._flow_stack = self.undo_stack

    def finish_event(self) -> None:
        """End the creation flow: its macro closes, later edits are undo steps of their own."""
        stack, self._flow_stack = self._flow_stack, None
        if stack is not None:
            stack.endMacro()

    def _call(self, changes: list[Change], fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        """Run one core call and remember what it changed."""
        result = fn(*args, **kwargs)
        assert self.project is not None
        changes.append(self.project.last_change)
        return result

    # -- content ---------------------------------------------------------------------------------------
    def _on_change(self, change: Change) -> None:
        """A core change: reload only when it touches the shown document or the schema."""
        if change.schema_after is not None or self._shown_doc is None:
            self.refresh()
        elif self._shown_doc in change.doc_ids and not self._only_unused_spans(change):
            self.refresh()

    def _only_unused_spans(self, change: Change) -> bool:
        """True when the change touches only spans no shown event or relation uses (and the document
        record), so events and relations look the same: the common keypress needs no reload."""
        touched = change.after.get(self._shown_doc or "", {})
        return all(rid == "doc" or (kind_of(rid) == "span" and rid not in self._referenced) for rid in touched)

    def refresh(self, *_args: Any) -> None:
        """Reload events and relations of the current document into the painter and the panel."""
        project = self.project
        if project is not self._subscribed:
            if self._subscribed is not None:
                self._subscribed.unsubscribe(self._on_change)
            if project is not None:
                project.subscribe(self._on_change)
            self._subscribed = project
        doc = self.doc_id()
        if doc != self._shown_doc:
            self._shown_doc = doc
            self.finish_event()
            self.current_event = None
            self.relation_source = None
        if project is None or doc is None:
            self.painter.set_annotations([], [])
            if project is not None:
                self.panel.show_document(project, None)
        else:
            try:
                events, relations = project.events(doc), project.relations(doc)
            except AnnotationError:  # the document went away (removed, or undo of its import)
                events, relations = [], []
            self._update_type_keys(project)
            colors = {t.name: t.color for t in project.schema.event_types}
            colors.update({t.name: t.color for t in project.schema.relation_types})
            self.painter.set_annotations(events, relations, colors)
            self._referenced = ({e.trigger for e in events} | {t for e in events for _, t in e.arguments}
                                | {r.arg1 for r in relations} | {r.arg2 for r in relations})
            self.painter.trigger_labels = {t.name for t in project.schema.event_types}
            if self.current_event and self.current_event not in {e.id for e in events}:
                self._set_current(None)
            self.panel.show_document(project, doc)
            if self.current_event:
                self.panel.select_annotation(self.current_event)
        self._show_selection()

    def _show_selection(self) -> None:
        if self.current_event:
            self.painter.selected = self.current_event
        elif self.painter.selected and kind_of(self.painter.selected) == "event":
            self.painter.selected = None
        self.reader.viewport().update()

    def _set_current(self, event_id: str | None) -> None:
        if event_id != self.current_event:
            self.finish_event()  # turning to another event ends the creation flow
            self.current_event = event_id
            self.current_event_changed.emit(event_id or "")
            if event_id and self.dock is not None:
                self.dock.raise_()  # its arguments and attributes are what the user works on now
        self.painter.select(event_id)
        self.panel.select_annotation(event_id)
        self._show_selection()

    def select_event(self, event_id: str | None) -> None:
        """Show an event's arguments and make it the one new arguments go to."""
        self._set_current(event_id)
        if event_id and self.project is not None:
            ev = self.project.event(event_id)
            self.reader.scroll_to(ev.start, ev.end)

    def _on_span_clicked(self, span_id: str) -> None:
        if not span_id:
            return
        ev = self.painter.event_of_trigger(span_id)
        if ev is not None:
            self._set_current(ev.id)
        elif self.current_event is None:
            self.painter.select(span_id)  # an entity alone: show its relations
            self.reader.viewport().update()

    def _on_panel_event(self, event_id: str) -> None:
        self.select_event(event_id or None)

    def _on_panel_relation(self, relation_id: str) -> None:
        self.finish_event()
        self.current_event = None
        self.painter.select(relation_id)
        self.reader.viewport().update()

    # -- events ----------------------------------------------------------------------------------------
    def _require_doc(self) -> tuple[Project, str] | None:
        project, doc = self.project, self.doc_id()
        if project is None or doc is None:
            self.message(self.tr("Open a document first."))
            return None
        return project, doc

    def create_event_from_selection(self, event_type: str | None = None) -> str | None:
        """Selected text → pick an event type (unless given) → trigger span and event; the flow starts."""
        ctx = self._require_doc()
        if ctx is None:
            return None
        project, doc = ctx
        rng = self.reader.target_range()  # the window's span rule, as the reader outlines it
        if rng is None:
            sid = self.reader.selected_span()
            if sid is None:
                self.message(self.tr("Select the trigger word first, then press the event key."))
                return None
            span = project.span(sid)
            rng = (span.start, span.end)
        text = project.document(doc).text[rng[0]:rng[1]]
        if event_type is None:
            event_type = EventTypePicker.choose(project.schema, self.window, text)
        if event_type is None:
            return None
        return self.create_event(rng[0], rng[1], event_type)

    def create_event(self, start: int, end: int, event_type: str) -> str | None:
        """Create a trigger span ``[start, end)`` labelled ``event_type`` and its event."""
        ctx = self._require_doc()
        if ctx is None:
            return None
        project, doc = ctx
        try:
            with self._edit(f"add {event_type} event", push=False) as changes:
                existing = next((s for s in project.spans(doc) if (s.start, s.end, s.label) == (start, end, event_type)
                                 and self.painter.event_of_trigger(s.id) is None), None)
                trigger = existing.id if existing else self._call(changes, project.add_span, doc, start, end,
                                                                  event_type)
                event_id = self._call(changes, project.add_event, doc, event_type, trigger)
        except _Refused:
            return None
        self.refresh()
        self._set_current(event_id)
        # The macro stays open: the arguments attached next join this one undo step.
        self._begin_flow(f"add {event_type} event")
        self.push(changes, f"add {event_type} event")
        self.reader.clear_selection()
        self.message(self.tr("Event created. Select or click each argument and press Ctrl+Shift+E; "
                             "Ctrl+Shift+Return when done."))
        return event_id

    def _argument_target(self, project: Project, doc: str) -> tuple[str | None, tuple[int, int] | None]:
        """What the user points at: an existing annotation id, or a text range for a new span."""
        rng = self.reader.target_range()
        if rng is not None:
            same = [s for s in project.spans(doc) if (s.start, s.end) == rng]
            entity = next((s for s in same if project.schema.entity(s.label)), None)
            if entity is not None:
                return entity.id, None
            return None, rng
        sid = self.reader.selected_span()
        if sid:
            ev = self.painter.event_of_trigger(sid)
            if ev is not None and ev.id != self.current_event:
                return ev.id, None  # an event as an argument (brat allows it)
            if ev is None:
                return sid, None
        return None, None

    def add_argument_from_view(self) -> None:
        """Attach the selected text or clicked span to the current event with a picked role."""
        ctx = self._require_doc()
        if ctx is None:
            return
        project, doc = ctx
        if self.current_event is None:
            self.message(self.tr("Select an event first (click its trigger), or create one with Ctrl+E."))
            return
        target, rng = self._argument_target(project, doc)
        if target is None and rng is None:
            self.message(self.tr("Select text or click a span to attach as an argument."))
            return
        ev = project.event(self.current_event)
        if target is not None:
            label = project.span(target).label if kind_of(target) == "span" else project.event(target).type
            text = project.span(target).text if kind_of(target) == "span" else project.event(target).text
        else:
            assert rng is not None
            label, text = None, project.document(doc).text[rng[0]:rng[1]]

        def attempt(role: str, new_label: str | None) -> str | None:
            return self.add_argument(ev.id, role, target=target, new_span=rng, new_label=new_label)

        picker = RolePicker(project.schema, ev.type, attempt, text, label, parent=self.window)
        try:
            picker.exec()
        finally:
            picker.deleteLater()

    def add_argument(self, event_id: str, role: str, target: str | None = None,
                     new_span: tuple[int, int] | None = None, new_label: str | None = None) -> str | None:
        """Add ``role`` → target (an existing id, or a new span ``new_span`` labelled ``new_label``).

        Returns None when stored, else the core's message (also shown); nothing is stored on refusal.
        """
        project = self.project
        if project is None:
            return self.tr("No project is open.")
        try:
            with self._edit(f"add {role} argument") as changes:
                if target is None:
                    if new_span is None or not new_label:
                        raise AnnotationError(self.tr("choose an entity type for the new argument span"))
                    target = self._call(changes, project.add_span, doc_of(event_id), new_span[0], new_span[1],
                                        new_label)
                self._call(changes, project.add_argument, event_id, role, target)
        except _Refused as exc:
            return str(exc)
        self.reader.clear_selection()
        self.message(self.tr("%1 added.").replace("%1", role))
        return None

    def remove_argument(self, event_id: str, role: str, target: str) -> None:
        assert self.project is not None
        with contextlib.suppress(_Refused), self._edit(f"remove {role} argument") as changes:
            self._call(changes, self.project.remove_argument, event_id, role, target)

    def change_role(self, event_id: str, role: str, target: str) -> None:
        """Ask for a new role for one argument (same position in the argument list)."""
        project = self.project
        assert project is not None
        ev = project.event(event_id)
        label = project.span(target).label if kind_of(target) == "span" else project.event(target).type
        text = project.span(target).text if kind_of(target) == "span" else project.event(target).text

        def attempt(new_role: str, _label: str | None) -> str | None:
            return self.set_role(event_id, role, target, new_role)

        picker = RolePicker(project.schema, ev.type, attempt, text, label, current_role=role, parent=self.window)
        try:
            picker.exec()
        finally:
            picker.deleteLater()

    def set_role(self, event_id: str, role: str, target: str, new_role: str) -> str | None:
        """Give argument ``role`` → ``target`` the role ``new_role``; None when stored, else the message."""
        project = self.project
        assert project is not None
        args = [list(a) for a in project.event(event_id).arguments]
        if [role, target] not in args:
            return self.tr("That argument is gone.")
        args[args.index([role, target])] = [new_role, target]
        try:
            with self._edit(f"change role {role} to {new_role}") as changes:
                self._call(changes, project.update_event, event_id, arguments=args)
        except _Refused as exc:
            return str(exc)
        return None

    def set_attributes(self, event_id: str, attributes: dict[str, Any]) -> None:
        assert self.project is not None
        with contextlib.suppress(_Refused), self._edit("edit event attributes") as changes:
            self._call(changes, self.project.update_event, event_id, attributes=attributes)

    def remove_event(self, event_id: str) -> None:
        """Remove an event with its trigger span; asks when another event or relation uses it."""
        self.finish_event()
        project = self.project
        assert project is not None
        cascade = False
        ev = project.event(event_id)
        users = [u for u in project.usage_of(event_id) if u != event_id]
        users += [u for u in project.usage_of(ev.trigger) if u != event_id]
        if users:
            answer = QMessageBox.question(
                self.window, self.tr("Event in use"),
                self.tr("This event is used by %1. Remove those uses too?").replace("%1", ", ".join(users)))
            if answer != QMessageBox.StandardButton.Yes:
                return
            cascade = True
        with contextlib.suppress(_Refused), self._edit(f"remove {ev.type} event") as changes:
            self._call(changes, project.remove_event, event_id, remove_trigger=True, cascade=cascade)

    # -- spans in use ----------------------------------------------------------------------------------
    def delete_selected_span(self) -> None:
        sid = self.reader.selected_span()
        if not sid:
            self.message(self.tr("Click a span first."))
            return
        self.delete_span(sid)

    def delete_span(self, span_id: str) -> bool:
        """Delete a span; when events or relations use it, ask first (remove those uses, or cancel).

        Returns whether the span was removed.
        """
        self.finish_event()
        project = self.project
        assert project is not None
        cascade = bool(project.usage_of(span_id))
        if cascade and not CascadePrompt.ask(project, span_id, self.window):
            self.message(self.tr("Nothing deleted."))
            return False
        label = project.span(span_id).label
        try:
            with self._edit(f"remove {label} span") as changes:
                self._call(changes, project.remove_span, span_id, cascade=cascade)
        except _Refused:
            return False
        return True

    # -- relations -------------------------------------------------------------------------------------
    def _pointed_annotation(self) -> str | None:
        sid = self.reader.selected_span()
        if not sid:
            return None
        return sid

    def relation_from_view(self) -> None:
        """First press marks the clicked span as the relation's source; the second opens the type picker."""
        self.finish_event()
        if self._require_doc() is None:
            return
        sid = self._pointed_annotation()
        if sid is None:
            self.message(self.tr("Click a span first."))
            return
        if self.relation_source is None or self.relation_source == sid:
            self.relation_source = sid
            self.message(self.tr("Relation from %1: now click the other span and press Ctrl+Shift+L.")
                         .replace("%1", quoted(self.project.span(sid).text)))  # type: ignore[union-attr]
            return
        source, self.relation_source = self.relation_source, None
        self.ask_relation(source, sid)

    def ask_relation(self, arg1: str, arg2: str) -> None:
        project = self.project
        assert project is not None
        first = (project.span(arg1).text, project.span(arg1).label)
        second = (project.span(arg2).text, project.span(arg2).label)

        def attempt(rel_type: str, swapped: bool) -> str | None:
            a, b = (arg2, arg1) if swapped else (arg1, arg2)
            return self.add_relation(rel_type, a, b)

        picker = RelationPicker(project.schema, first, second, attempt, parent=self.window)
        try:
            picker.exec()
        finally:
            picker.deleteLater()

    def add_relation(self, rel_type: str, arg1: str, arg2: str) -> str | None:
        """Store ``arg1 → arg2`` of ``rel_type``; None when stored, else the core's message."""
        project = self.project
        assert project is not None
        try:
            with self._edit(f"add {rel_type} relation") as changes:
                rid = self._call(changes, project.add_relation, rel_type, arg1, arg2)
        except _Refused as exc:
            return str(exc)
        self.painter.select(rid)
        self.reader.viewport().update()
        return None

    def remove_relation(self, relation_id: str) -> None:
        assert self.project is not None
        with contextlib.suppress(_Refused), self._edit("remove relation") as changes:
            self._call(changes, self.project.remove_relation, relation_id)

    # -- schema ----------------------------------------------------------------------------------------
    def open_schema_editor(self) -> None:
        self.finish_event()
        if self.project is None:
            self.message(self.tr("Open a project first."))
            return
        editor = SchemaEditor(self.project, push=self.push, parent=self.window)
        try:
            editor.exec()
        finally:
            editor.deleteLater()


class _Refused(Exception):
    """The core refused an edit (its message was shown); used to leave an ``_edit`` block."""


def install_events(main_window: QWidget) -> EventsController:
    """Add event and relation editing to a main window (see the module docstring for what it needs)."""
    return EventsController(main_window)
