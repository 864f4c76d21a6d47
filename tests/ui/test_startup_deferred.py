"""Parts of the window built after start-up (to open it sooner) still appear whenever the user needs them."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QToolButton

from annotations import Project
from ui.window.app import seed_sample
from ui.window.document_list import DocumentList
from ui.window.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


@pytest.fixture
def project():
    project = Project.memory()
    seed_sample(project)
    yield project
    project.close()


def _show(qtbot, win: MainWindow) -> None:
    qtbot.addWidget(win)
    win.resize(1100, 800)
    win.show()
    qtbot.waitExposed(win)


def test_find_dock_left_open_comes_back_with_its_panel(qtbot, project):
    first = MainWindow(project)
    _show(qtbot, first)
    first.show_find(first.find_panel.CORPUS)
    assert first.find_dock.isVisible()
    first.save_settings()  # the window state now says: find dock open
    first.detach()

    second = MainWindow(project)
    _show(qtbot, second)
    qtbot.waitUntil(second.find_dock.isVisible)
    panel = second.find_dock.widget()
    assert panel is second.find_panel
    assert panel.isVisible()
    panel.query_edit.setText("في")
    hits = panel.run()
    assert hits and all(second.reader.text()[h.start:h.end] == "في" for h in hits)
    second.detach()


def test_document_filter_clear_button_shows_with_text_and_clears_it(qtbot, project):
    widget = DocumentList()
    qtbot.addWidget(widget)
    widget.set_project(project)
    widget.show()
    qtbot.waitExposed(widget)
    edit = widget.filter_edit
    assert not [b for b in edit.findChildren(QToolButton) if b.isVisible()]  # nothing to clear yet

    qtbot.keyClicks(edit, "zzz")
    assert widget.proxy.rowCount() == 0
    qtbot.waitUntil(lambda: any(b.isVisible() for b in edit.findChildren(QToolButton)))
    button = next(b for b in edit.findChildren(QToolButton) if b.isVisible())
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert edit.text() == ""
    assert widget.proxy.rowCount() == 1
