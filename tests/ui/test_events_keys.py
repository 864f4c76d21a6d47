"""Events by keyboard (issue 13, point 5): default event-type keys, trigger → type → arguments by keys only."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from annotations import Project
from annotations.schema import ace2005
from ui.events.role_picker import RolePicker
from ui.window.app import seed_sample
from ui.window.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


def test_the_frequent_ace_event_types_have_keys_free_of_the_entity_keys():
    schema = ace2005()
    keys = {t.name: t.key for t in schema.event_types if t.key}
    assert keys["Conflict.Attack"] == "a" and keys["Contact.Meet"] == "m" and keys["Life.Die"] == "d"
    assert len(keys) >= 10 and schema.key_conflicts() == []
    assert not set(keys.values()) & {t.key for t in schema.entity_types}


@pytest.fixture
def window(qtbot):
    project = Project.memory()
    doc = seed_sample(project)
    win = MainWindow(project)
    qtbot.addWidget(win)
    win.resize(1300, 900)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    win.open_document(doc)
    _ = win.events
    yield win, project, doc
    win.close()
    project.close()


def answer_role_picker(qtbot, typed: str, log: list[str]) -> None:
    """Once the role picker is up: type the role's first letters and press Enter, as a user would."""

    def act():
        picker = QApplication.activeModalWidget()
        if not isinstance(picker, RolePicker):
            QTimer.singleShot(20, act)
            return
        QTest.qWaitForWindowExposed(picker)
        QTest.keyClicks(picker.role_list, typed)
        log.append(picker.chosen_role() or "")
        QTest.keyClick(picker.role_list, Qt.Key.Key_Return)
        if picker.isVisible():  # Enter did not accept: fail loudly rather than hang
            log.append("still open")
            picker.reject()

    QTimer.singleShot(0, act)


def test_trigger_type_and_arguments_by_keyboard(qtbot, window):
    win, project, doc = window
    text = win.reader.text()
    start = text.index("اجتماعاً")
    win.reader.select_range(start, start + len("اجتماعاً"))
    win.reader.setFocus()
    QTest.keyClick(win.reader, Qt.Key.Key_M)  # the Contact.Meet key: no dialog
    (event,) = project.events(doc)
    assert event.type == "Contact.Meet" and project.span(event.trigger).text == "اجتماعاً"
    for word, role, after in (("إسطنبول", "Place", start), ("تركيا", "Entity", 0)):
        i = text.index(word, after)
        win.reader.select_range(i, i + len(word))
        win.activateWindow()  # back from the last dialog (the offscreen platform does not do it)
        qtbot.waitUntil(win.isActiveWindow)
        win.reader.setFocus()
        log: list[str] = []
        answer_role_picker(qtbot, role[:2], log)
        QTest.keyClick(win.reader, Qt.Key.Key_E,
                       Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
        assert log == [role], (log, win.statusBar().currentMessage())
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    QTest.keyClick(win.reader, Qt.Key.Key_Return,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)  # finish
    (event,) = project.events(doc)
    args = [(role, project.span(sid).text) for role, sid in event.arguments]
    assert args == [("Place", "إسطنبول"), ("Entity", "تركيا")]
    win.undo_stack.undo()  # the whole event, trigger and arguments are one undo step
    assert project.events(doc) == [] and project.spans(doc) == []


def test_event_keys_work_on_the_arabic_layout_and_follow_the_schema(qtbot, window):
    win, project, doc = window
    text = win.reader.text()
    start = text.index("اجتماعاً")
    win.reader.select_range(start, start + len("اجتماعاً"))
    win.reader.setFocus()
    # the "m" key on the Arabic layout types ة
    QTest.sendKeyEvent(QTest.KeyAction.Click, win.reader, Qt.Key(ord("ة")), "ة", Qt.KeyboardModifier.NoModifier)
    assert [e.type for e in project.events(doc)] == ["Contact.Meet"]
    schema = project.schema.copy()
    schema.event("Contact.Meet").key = None
    schema.event("Conflict.Attack").key = "m"  # a schema may move the keys
    project.set_schema(schema)
    win.events.refresh()
    i = text.index("مؤتمر")
    win.reader.select_range(i, i + len("مؤتمر"))
    win.reader.setFocus()
    QTest.keyClick(win.reader, Qt.Key.Key_M)
    assert sorted(e.type for e in project.events(doc)) == ["Conflict.Attack", "Contact.Meet"]


def test_show_all_arcs_draws_every_event_of_the_document(qtbot, window):
    win, project, doc = window
    text = win.reader.text()

    def span(word, label, after=0):
        i = text.index(word, after)
        return project.add_span(doc, i, i + len(word), label)

    meet = project.add_event(doc, "Contact.Meet", span("اجتماعاً", "Contact.Meet"),
                             [("Place", span("إسطنبول", "GPE", text.index("اجتماعاً")))])
    host = project.add_event(doc, "Contact.Meet", span("ستستضيف", "Contact.Meet"), [("Place", span("أنقرة", "GPE"))])
    events = win.events
    events.refresh()
    events.select_event(meet)
    assert {link.owner for link in events.painter.links()} == {meet}  # only the selected event's
    menu_texts = [a.text() for a in events.menu.actions()]
    assert "Show the arcs of all events and relations" in menu_texts
    events.actions["show_all_arcs"].trigger()  # the menu entry
    assert events.actions["show_arcs"].isChecked() and events.painter.mode == "arcs"
    assert {link.owner for link in events.painter.links()} == {meet, host}
    events.actions["show_arcs"].trigger()  # arcs off: all of them go
    assert not events.actions["show_all_arcs"].isChecked() and events.painter.mode == "chips"
    assert {link.owner for link in events.painter.links()} == {meet}  # back to the selected one
