"""Event and relation flows in the GUI (pytest-qt, offscreen), each checking what the project stored."""

from __future__ import annotations

import pytest
from events_host import MEETING, HostWindow, rng
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from annotations import Project
from ui.events.cascade_prompt import CascadePrompt
from ui.events.event_picker import EventTypePicker
from ui.events.events_controller import install_events
from ui.events.relation_tools import RelationPicker
from ui.events.role_picker import RolePicker

# The offscreen platform plugin says this when a main window with docks is shown; not an app problem.
pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")

ARGUMENTS = [  # (text, role, entity type for the new span)
    ("إسطنبول", "Place", "GPE"),
    ("الاتحاد الأوروبي", "Entity", "ORG"),
    ("الولايات المتحدة", "Entity", "GPE"),
    ("روسيا", "Entity", "GPE"),
    ("سبتمبر/أيلول 2023", "Time-Within", "TIME"),
]


@pytest.fixture
def setup(qtbot, tmp_path):
    project = Project.open(tmp_path / "proj", create=True)
    doc = project.add_document(MEETING, title="اجتماع إسطنبول")
    window = HostWindow(project)
    qtbot.addWidget(window)
    window.resize(900, 500)
    window.open_document(doc)
    controller = install_events(window)
    window.show()
    yield project, doc, window, controller
    project.close()


def pick_type(monkeypatch, typed: str):
    """Answer the event-type picker by typing a filter and pressing OK."""
    seen = {}

    def fake_exec(self):
        self.filter_edit.setText(typed)
        seen["visible"] = self.visible_types()
        self.ok_button.click()
        return self.result()

    monkeypatch.setattr(EventTypePicker, "exec", fake_exec)
    return seen


def answer_roles(monkeypatch, answers: list[tuple[str, str | None]]):
    """Answer successive role pickers: pick the role (and new-span type), press OK; record messages."""
    log = []

    def fake_exec(self):
        role, label = answers.pop(0)
        rows = [self.role_list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.role_list.count())]
        self.role_list.setCurrentRow(rows.index(role))
        if label is not None:
            self.label_combo.setCurrentText(label)
        self.accept()
        log.append((rows, self.message.text() if not self.message.isHidden() else "", self.result()))
        return self.result()

    monkeypatch.setattr(RolePicker, "exec", fake_exec)
    return log


def build_meeting(window, controller, monkeypatch) -> str:
    """The whole flow: select the trigger, Ctrl+E, pick Contact.Meet, then each argument with its role."""
    text = window.reader.text()
    window.reader.select_range(*rng(text, "اجتماعاً"))
    seen = pick_type(monkeypatch, "meet")
    controller.actions["new_event"].trigger()
    assert "Contact.Meet" in seen["visible"] and "Conflict.Attack" not in seen["visible"]
    event_id = controller.current_event
    assert event_id
    answer_roles(monkeypatch, [(role, label) for _, role, label in ARGUMENTS])
    for part, _, _ in ARGUMENTS:
        window.reader.select_range(*rng(text, part))
        controller.actions["add_argument"].trigger()
    controller.actions["finish_event"].trigger()
    return event_id


def stored_arguments(project, event_id):
    ev = project.event(event_id)
    return [(role, project.span(t).text, project.span(t).label) for role, t in ev.arguments]


def test_create_the_meeting_event_and_it_is_stored(setup, monkeypatch, tmp_path):
    project, doc, window, controller = setup
    event_id = build_meeting(window, controller, monkeypatch)
    ev = project.event(event_id)
    assert (ev.type, ev.text) == ("Contact.Meet", "اجتماعاً")
    assert project.span(ev.trigger).label == "Contact.Meet"
    assert stored_arguments(project, event_id) == [(r, t, label) for t, r, label in ARGUMENTS]
    assert [a[0] for a in ev.arguments].count("Entity") == 3  # a role may repeat
    assert project.check() == []
    # The panel shows event -> role -> argument, and the painter draws one link per argument.
    assert [role for role, _ in controller.panel.argument_items(event_id)] == [r for _, r, _ in ARGUMENTS]
    assert len(controller.painter.links()) == 5
    # Durable: reopening the project folder gives the same event.
    project.close()
    again = Project.open(tmp_path / "proj")
    try:
        assert stored_arguments(again, event_id) == [(r, t, label) for t, r, label in ARGUMENTS]
    finally:
        again.close()


def test_event_key_opens_the_picker_from_the_keyboard(setup, qtbot, monkeypatch):
    project, doc, window, controller = setup
    window.activateWindow()
    window.reader.setFocus()
    window.reader.select_range(*rng(MEETING, "اجتماعاً"))
    pick_type(monkeypatch, "contact meet")
    qtbot.keyClick(window.reader, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    events = project.events(doc)
    assert [(e.type, e.text) for e in events] == [("Contact.Meet", "اجتماعاً")]


def test_a_role_not_allowed_is_refused_with_a_message(setup, monkeypatch):
    project, doc, window, controller = setup
    org = project.add_span(doc, *rng(MEETING, "الاتحاد الأوروبي"), "ORG")
    window.reader.select_range(*rng(MEETING, "اجتماعاً"))
    pick_type(monkeypatch, "meet")
    controller.actions["new_event"].trigger()
    event_id = controller.current_event
    before_spans = project.spans(doc)
    steps = window.undo_stack.count()

    # An existing ORG span as Place: the core refuses, the picker shows why and stays open.
    window.reader.select_span(org)
    log = answer_roles(monkeypatch, [("Place", None)])
    controller.actions["add_argument"].trigger()
    rows, message, result = log[0]
    assert "Place" in rows and "Entity" in rows and "Attacker" not in rows  # only Contact.Meet's roles
    assert result != QDialog.DialogCode.Accepted
    assert "Place" in message and "ORG" in message and "GPE" in message
    assert project.event(event_id).arguments == ()

    # New text as Place with the type ORG forced: refused, and no orphan span is left behind.
    window.reader.select_range(*rng(MEETING, "روسيا"))
    assert controller.add_argument(event_id, "Place", new_span=rng(MEETING, "روسيا"), new_label="ORG")
    assert "ORG" in controller.last_message
    assert project.spans(doc) == before_spans
    assert project.event(event_id).arguments == ()
    assert window.undo_stack.count() == steps
    # A role the event type does not have at all.
    msg = controller.add_argument(event_id, "Victim", target=org)
    assert msg and "Victim" in msg and "allowed roles" in msg


def test_delete_an_argument_span_follows_the_cascade_prompt(setup, monkeypatch):
    project, doc, window, controller = setup
    event_id = build_meeting(window, controller, monkeypatch)
    russia = next(t for r, t in project.event(event_id).arguments if project.span(t).text == "روسيا")
    shown = []

    def click(button_name):
        def fake_exec(self):
            shown.append(list(self.uses))
            getattr(self, button_name).click()
            return self.result()
        return fake_exec

    window.reader.select_span(russia)
    monkeypatch.setattr(CascadePrompt, "exec", click("cancel_button"))
    controller.actions["delete_span"].trigger()
    assert project.span(russia).text == "روسيا"  # cancel: nothing changed
    assert len(project.event(event_id).arguments) == 5
    assert any("Contact.Meet" in line and "Entity" in line for line in shown[0])

    monkeypatch.setattr(CascadePrompt, "exec", click("remove_button"))
    window.reader.select_span(russia)
    controller.actions["delete_span"].trigger()
    assert russia not in {s.id for s in project.spans(doc)}
    assert all(t != russia for _, t in project.event(event_id).arguments)
    assert len(project.event(event_id).arguments) == 4
    assert project.check() == []  # never dangling

    window.undo_stack.undo()  # one step brings span and argument back
    assert project.span(russia).text == "روسيا"
    assert ("Entity", russia) in project.event(event_id).arguments
    assert project.check() == []


def test_undo_and_redo_the_whole_event(setup, monkeypatch):
    project, doc, window, controller = setup
    event_id = build_meeting(window, controller, monkeypatch)
    assert window.undo_stack.count() == 1  # trigger, event and five arguments: one step
    stored = (project.event(event_id), project.spans(doc))
    window.undo_stack.undo()
    assert project.events(doc) == [] and project.spans(doc) == []
    assert controller.panel.tree.topLevelItemCount() == 0
    assert controller.painter.links() == []
    window.undo_stack.redo()
    assert project.event(event_id).arguments == stored[0].arguments
    assert [(s.id, s.start, s.end, s.label) for s in project.spans(doc)] == [
        (s.id, s.start, s.end, s.label) for s in stored[1]]
    assert controller.panel.tree.topLevelItemCount() == 1
    # Later edits are steps of their own.
    controller.remove_argument(event_id, *project.event(event_id).arguments[0])
    assert window.undo_stack.count() == 2


def test_a_relation_between_two_spans(setup, monkeypatch):
    project, doc, window, controller = setup
    region = project.add_span(doc, *rng(MEETING, "قره باغ"), "LOC")
    country = project.add_span(doc, *rng(MEETING, "الأذربيجانية"), "GPE")
    answers = [("ORG-AFF.Membership", False), ("PART-WHOLE.Geographical", False)]
    messages = []

    def fake_exec(self):
        assert self.fitting_types()[0] == "PART-WHOLE.Geographical" or "PART-WHOLE.Geographical" in self.fitting_types()
        for rel_type, swap in answers:
            self.swap_box.setChecked(swap)
            self.filter_edit.setText(rel_type)
            self.accept()
            messages.append(self.message.text() if not self.message.isHidden() else "")
            if self.result() == QDialog.DialogCode.Accepted:
                break
        return self.result()

    monkeypatch.setattr(RelationPicker, "exec", fake_exec)
    window.reader.select_span(region)
    controller.actions["new_relation"].trigger()
    assert controller.relation_source == region
    window.reader.select_span(country)
    controller.actions["new_relation"].trigger()
    assert "ORG-AFF.Membership" in messages[0] and "LOC" in messages[0]  # refused first, with the reason
    rels = project.relations(doc)
    assert [(r.type, r.arg1, r.arg2) for r in rels] == [("PART-WHOLE.Geographical", region, country)]
    assert project.check() == []
    # Shown: selecting one end draws a directed link from arg1 to arg2 with the type on it.
    controller.painter.select(region)
    links = controller.painter.links()
    assert [(lk.source, lk.target, lk.label) for lk in links] == [(region, country, "PART-WHOLE.Geographical")]
    # Chips style: the other end says which argument of which relation it is.
    assert controller.painter.relation_chips(links[0]) == [(country, "PART-WHOLE.Geographical Arg2")]
    controller.painter.select(country)
    assert controller.painter.relation_chips(links[0]) == [(region, "PART-WHOLE.Geographical Arg1")]
    # Listed in the panel and removable there; undo brings it back.
    assert any("PART-WHOLE.Geographical" in controller.panel.tree.topLevelItem(i).text(0)
               for i in range(controller.panel.tree.topLevelItemCount()))
    controller.remove_relation(rels[0].id)
    assert project.relations(doc) == []
    window.undo_stack.undo()
    assert len(project.relations(doc)) == 1


def test_an_event_as_an_argument_of_another_event(setup, monkeypatch):
    project, doc, window, controller = setup
    project.set_schema(_schema_with_event_role(project.schema))
    meet = build_meeting(window, controller, monkeypatch)
    start, end = rng(MEETING, "صراع")
    attack = controller.create_event(start, end, "Conflict.Attack")
    assert attack
    # Back to the meeting: clicking the other event's trigger offers that event as the argument.
    controller.select_event(meet)
    window.reader.select_span(project.event(attack).trigger)
    answer_roles(monkeypatch, [("Topic", None)])
    controller.actions["add_argument"].trigger()
    assert ("Topic", attack) in project.event(meet).arguments
    assert project.check() == []


def _schema_with_event_role(schema):
    from annotations.schema import Role

    new = schema.copy()
    new.event("Contact.Meet").roles.append(Role("Topic", ["Conflict.Attack"]))
    return new


def test_deleting_a_trigger_says_the_event_goes_and_undo_restores_it(setup, monkeypatch):
    project, doc, window, controller = setup
    event_id = build_meeting(window, controller, monkeypatch)
    trigger = project.event(event_id).trigger
    shown = []

    def remove(self):
        shown.extend(self.uses)
        self.remove_button.click()
        return self.result()

    monkeypatch.setattr(CascadePrompt, "exec", remove)
    assert controller.delete_span(trigger)
    assert any("whole event" in line for line in shown)
    assert project.events(doc) == [] and len(project.spans(doc)) == 5  # the argument spans stay
    assert project.check() == []
    window.undo_stack.undo()
    assert len(project.event(event_id).arguments) == 5


def test_a_new_event_type_from_the_schema_editor_is_usable(setup, monkeypatch):
    from ui.schema.schema_editor import SchemaEditor

    project, doc, window, controller = setup
    editor = SchemaEditor(project, push=controller.push, parent=window)
    assert editor.add_type("event", "Cyber.Hack", color="#ff0000", key="h")
    assert editor.add_role("Cyber.Hack", "Target", ["ORG", "GPE"])
    event_id = controller.create_event(*rng(MEETING, "صراع"), "Cyber.Hack")
    assert controller.add_argument(event_id, "Target", new_span=rng(MEETING, "روسيا"), new_label="GPE") is None
    assert stored_arguments(project, event_id) == [("Target", "روسيا", "GPE")]
    message = controller.add_argument(event_id, "Target", new_span=rng(MEETING, "سبتمبر"), new_label="TIME")
    assert message and "TIME" in message
    editor.deleteLater()


def test_an_event_type_key_creates_the_event_without_the_picker(setup, qtbot, monkeypatch):
    project, doc, window, controller = setup
    schema = project.schema.copy()
    schema.event("Contact.Meet").key = "m"
    project.set_schema(schema)
    monkeypatch.setattr(EventTypePicker, "exec", lambda self: pytest.fail("the picker must not open"))
    window.activateWindow()
    window.reader.setFocus()
    window.reader.select_range(*rng(MEETING, "اجتماعاً"))
    qtbot.keyClick(window.reader, Qt.Key.Key_M)
    assert [(e.type, e.text) for e in project.events(doc)] == [("Contact.Meet", "اجتماعاً")]
    controller.finish_event()
    assert window.undo_stack.count() == 1
    # The flow's macro is closed: undo is available again and removes trigger and event together.
    window.undo_stack.undo()
    assert project.events(doc) == [] and project.spans(doc) == []


def test_event_shortcuts_are_distinct():
    from ui.events.events_controller import SHORTCUTS

    keys = list(SHORTCUTS.values())
    assert len(keys) == len(set(keys))
    assert "Ctrl+Return" not in keys  # the reader's "Mark done"
