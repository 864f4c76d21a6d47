"""First window and help (issue 13, point 3): first-run geometry, the Help menu, shortcuts, guide, About."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel

from annotations import Project, __version__
from ui.window.app import seed_sample
from ui.window.help import AboutDialog, GuideDialog, ShortcutsDialog, guide_path
from ui.window.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


@pytest.fixture
def window(qtbot):
    project = Project.memory()
    seed_sample(project)
    win = MainWindow(project)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    yield win
    win.close()
    project.close()


FIRST_WINDOW = r"""
import json
from PySide6.QtWidgets import QApplication
app = QApplication([])
from annotations import Project
from ui.common.style import register_fonts
from ui.window.app import seed_sample
from ui.window.main_window import MainWindow
register_fonts()
project = Project.memory()
seed_sample(project)
win = MainWindow(project)
win.show()
for _ in range(50):
    app.processEvents()
area = win.screen().availableGeometry()
view = win.doc_list.view
model = view.model()
needed = {c: max(view.sizeHintForColumn(c), view.horizontalHeader().sectionSizeHint(c)) for c in range(1, 5)}
print(json.dumps({"area": [area.x(), area.y(), area.width(), area.height()],
                  "frame": [win.x(), win.y(), win.width(), win.height()],
                  "reader": win.reader.width(),
                  "columns": {c: [view.columnWidth(c), needed[c]] for c in needed}}))
win.detach()
"""


def test_first_run_window_on_a_1600x1000_screen(tmp_path):
    """No saved geometry: about 85% of the available screen, centred, the reader at least half the width,
    the document list's columns as wide as their content (measured on the issue's 1600×1000 screen)."""
    import json
    import os
    import subprocess
    import sys
    from pathlib import Path

    config = tmp_path / "screen.json"
    config.write_text(json.dumps({"screens": [{"name": "big", "x": 0, "y": 0, "width": 1600, "height": 1000,
                                              "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
           "XDG_CONFIG_HOME": str(tmp_path / "config"), "HOME": str(tmp_path)}
    repo = Path(__file__).resolve().parents[2]
    result = subprocess.run([sys.executable, "-c", FIRST_WINDOW], cwd=repo, env=env, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    m = json.loads(result.stdout.strip().splitlines()[-1])
    ax, ay, aw, ah = m["area"]
    x, y, w, h = m["frame"]
    assert (aw, ah) == (1600, 1000)
    assert abs(w - 0.85 * aw) <= 2 and abs(h - 0.85 * ah) <= 2, m
    assert abs(x + w / 2 - (ax + aw / 2)) <= 2 and abs(y + h / 2 - (ay + ah / 2)) <= 2, m
    assert m["reader"] >= w / 2, m
    for col, (width, needed) in m["columns"].items():
        assert width >= needed, (col, m)


def test_saved_geometry_wins_over_the_first_run_size(qtbot, window):
    # a size of the user's own, above what the docks need (the tools' panels set a minimum)
    hint = window.minimumSizeHint()
    size = (max(520, hint.width()) + 7, max(400, hint.height()) + 7)
    window.resize(*size)
    assert (window.width(), window.height()) == size
    window.save_settings()
    again = MainWindow(window.project)
    qtbot.addWidget(again)
    assert (again.width(), again.height()) == size
    again.detach()


def test_help_menu_is_last_and_f1_lists_every_shortcut(qtbot, window):
    qtbot.waitUntil(lambda: window.io is not None)  # tools installed after the first paint
    tops = [a.menu() for a in window.menuBar().actions()]
    assert tops[-1] is window.help_menu
    assert [a.text() for a in window.help_menu.actions() if not a.isSeparator()] == [
        "&Keyboard shortcuts", "&User guide", "&About Qalam Annotator"]
    QTest.keyClick(window, Qt.Key.Key_F1)
    dialog = window.help_dialog
    assert isinstance(dialog, ShortcutsDialog)
    qtbot.waitExposed(dialog)
    table = {(dialog.table.item(r, 1).text(), dialog.table.item(r, 2).text()) for r in range(dialog.table.rowCount())}
    # generated from the actions themselves: whatever has a key is listed with that key
    native = QKeySequence.SequenceFormat.NativeText
    for action in [window.actions.find, window.actions.mark_done, window.actions.new_project,
                   window.actions.labels["GPE"], window.io.actions["export"], window.events.actions["new_event"]]:
        keys = ", ".join(k.toString(native) for k in action.shortcuts())
        assert (action.text().replace("&", ""), keys) in table, action.text()
    assert ("Label as GPE", "G, ل") in table and ("Keyboard shortcuts", "F1") in table
    QTest.keyClicks(dialog.filter_edit, "label as")
    shown = [r for r in range(dialog.table.rowCount()) if not dialog.table.isRowHidden(r)]
    assert len(shown) == len(window.actions.labels)
    dialog.close()


def test_guide_and_about(qtbot, window, tmp_path):
    window.actions.user_guide.trigger()
    guide = window.help_dialog
    assert isinstance(guide, GuideDialog)
    text = guide.browser.toPlainText()
    assert guide_path().is_file() and "Keyboard shortcuts" in text and "Export" in text
    missing = GuideDialog(window, tmp_path / "nope.md")
    assert "nope.md" in missing.browser.toPlainText()
    missing.deleteLater()
    guide.close()
    window.actions.about.trigger()
    about = window.help_dialog
    assert isinstance(about, AboutDialog)
    label = about.findChild(QLabel, "about_summary")
    assert __version__ in label.text() and "Open Font License" in label.text() and "LGPL" in label.text()
    assert "SIL OPEN FONT LICENSE" in about.ofl.toPlainText().upper()
    about.close()
