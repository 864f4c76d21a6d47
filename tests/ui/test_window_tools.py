"""The real main window installs the events tools and import/export by itself, after it is shown."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from annotations import Project
from ui.events.events_controller import EventsController
from ui.io.io_controller import IOController, install_io
from ui.window.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


def test_tools_arrive_after_the_first_show(qtbot, tmp_path):
    project = Project.open(tmp_path / "p")
    try:
        project.add_document("شهدت إسطنبول اجتماعاً")
        win = MainWindow(project)
        qtbot.addWidget(win)
        assert win.io is None and win._events is None  # not built before the window is shown
        win.show()
        qtbot.waitExposed(win)
        qtbot.waitUntil(lambda: win.io is not None and win._events is not None)
        assert isinstance(win.io, IOController) and isinstance(win.events, EventsController)
        assert install_io(win) is win.io  # a second install returns the same controller
        file_actions = [a.text() for a in win.menuBar().actions()[0].menu().actions()]
        assert any("Import articles" in t for t in file_actions) and any("Export" in t for t in file_actions)
        assert win.events.dock.isVisible()
        QApplication.processEvents()
        win.close()
    finally:
        project.close()
