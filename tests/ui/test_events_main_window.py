"""Events inside the real main window: installed by MainWindow itself, driven by its keys and undo action."""

from __future__ import annotations

import pytest
from events_host import MEETING, rng
from PySide6.QtCore import Qt

from annotations import Project
from ui.events.event_picker import EventTypePicker
from ui.events.events_controller import EventsController
from ui.events.role_picker import RolePicker

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


@pytest.fixture
def window(qtbot, tmp_path):
    from ui.window.main_window import MainWindow

    project = Project.open(tmp_path / "proj", create=True)
    doc = project.add_document(MEETING, title="اجتماع إسطنبول")
    win = MainWindow(project)
    qtbot.addWidget(win)
    win.open_document(doc)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.events.finish_event()
    project.close()


def test_main_window_installs_events_and_builds_an_event(window, qtbot, monkeypatch):
    assert isinstance(window.events, EventsController)
    controller = window.events
    project, doc = window.project, window.current_doc_id
    assert controller.dock is not None and not controller.dock.isHidden()

    def pick(self):
        self.filter_edit.setText("contact meet")
        self.accept()
        return self.result()

    answers = [("Place", "GPE"), ("Entity", "GPE")]

    def role(self):
        r, label = answers.pop(0)
        rows = [self.role_list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.role_list.count())]
        self.role_list.setCurrentRow(rows.index(r))
        self.label_combo.setCurrentText(label)
        self.accept()
        return self.result()

    monkeypatch.setattr(EventTypePicker, "exec", pick)
    monkeypatch.setattr(RolePicker, "exec", role)
    window.activateWindow()
    window.reader.setFocus()
    window.reader.select_range(*rng(MEETING, "اجتماعاً"))
    qtbot.keyClick(window.reader, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    for part in ("إسطنبول", "روسيا"):
        window.reader.select_range(*rng(MEETING, part))
        qtbot.keyClick(window.reader, Qt.Key.Key_E,
                       Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(window.reader, Qt.Key.Key_Return,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    [ev] = project.events(doc)
    assert [(r, project.span(t).text) for r, t in ev.arguments] == [("Place", "إسطنبول"), ("Entity", "روسيا")]
    # The main window's reader shows the trigger in the trigger style and the new argument spans.
    assert window.reader.painter.item(ev.trigger).kind == "trigger"
    assert {it.label for it in window.reader.painter.items()} == {"Contact.Meet", "GPE"}
    assert project.document_info(doc).n_events == 1
    # The window's own undo action takes the whole event back in one step.
    window.actions.undo.trigger()
    assert project.events(doc) == [] and project.spans(doc) == []
    assert list(window.reader.painter.items()) == []
    window.actions.redo.trigger()
    assert len(project.event(ev.id).arguments) == 2


def test_events_menu_and_arcs_toggle(window):
    controller = window.events
    menu_actions = [a.objectName() for a in controller.menu.actions() if not a.isSeparator()]
    assert "action_show_arcs" in menu_actions and "action_new_event" in menu_actions
    gap = window.reader.options.line_gap
    controller.actions["show_arcs"].trigger()
    assert controller.painter.mode == "arcs" and window.reader.options.line_gap > gap  # room for arcs
    controller.actions["show_arcs"].trigger()
    assert controller.painter.mode == "chips" and window.reader.options.line_gap == gap
