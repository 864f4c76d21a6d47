"""Arabic interface and small things (issue 13, point 6): docks mirror at once and after a restart, the
title bar isolates the path, find runs as you type and tells same-title documents apart, plural forms."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from annotations import Project
from ui.window.app import Session, install_language, seed_sample
from ui.window.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")
LRI, PDI = "\u2066", "\u2069"


@pytest.fixture
def project(tmp_path):
    project = Project.open(tmp_path / "مشاريع" / "proj", create=True)
    seed_sample(project)
    yield project
    project.close()
    install_language("en")


def type_text(widget, text: str) -> None:
    """Type Arabic text key by key (QTest.keyClicks only handles Latin-1)."""
    for ch in text:
        QTest.sendKeyEvent(QTest.KeyAction.Click, widget, Qt.Key(ord(ch)), ch, Qt.KeyboardModifier.NoModifier)


def side(win: MainWindow, dock) -> str:
    return "right" if dock.geometry().center().x() > win.reader.geometry().center().x() else "left"


def test_switching_to_arabic_mirrors_the_docks_at_once_and_after_a_restart(qtbot, project):
    session = Session(project)
    qtbot.waitExposed(session.window)
    win = session.window
    assert (side(win, win.list_dock), side(win, win.labels_dock)) == ("left", "right")
    win.actions.lang_ar.trigger()  # Settings → العربية
    win = session.window
    qtbot.addWidget(win)
    qtbot.waitExposed(win)
    assert win.isRightToLeft()
    assert win.dockWidgetArea(win.list_dock) == Qt.DockWidgetArea.RightDockWidgetArea
    assert (side(win, win.list_dock), side(win, win.labels_dock)) == ("right", "left")
    win.close()  # quit: the layout is saved
    again = MainWindow(project)  # restart in Arabic
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    assert (side(again, again.list_dock), side(again, again.labels_dock)) == ("right", "left")
    again.detach()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_a_layout_saved_wrongly_by_an_older_version_is_mirrored_again(qtbot, project):
    ltr = MainWindow(project)  # an English window's layout...
    qtbot.addWidget(ltr)
    ltr.show()
    QSettings().setValue("window/state-rtl", ltr.saveState())  # ...stored under the Arabic key, unversioned
    ltr.detach()
    install_language("ar")
    win = MainWindow(project)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    assert (side(win, win.list_dock), side(win, win.labels_dock)) == ("right", "left")
    win.detach()


def test_title_bar_isolates_the_project_path(qtbot, project):
    install_language("ar")
    win = MainWindow(project)
    qtbot.addWidget(win)
    title = win.windowTitle()
    path = str(project.path)
    assert title.startswith("قلم للوسم — " + LRI) and title.endswith(PDI)
    assert title.replace(LRI, "").replace(PDI, "").endswith(path)  # the same path, each folder isolated
    assert f"{LRI}مشاريع{PDI}/" in title
    win.detach()


def test_find_runs_as_you_type_and_names_same_title_documents(qtbot):
    project = Project.memory()
    first = project.add_document("زار الوفد إسطنبول أمس.", title="خبر عن إسطنبول")
    second = project.add_document("عاد الوفد من إسطنبول اليوم.", title="خبر عن إسطنبول")
    win = MainWindow(project)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.show_find(win.find_panel.CORPUS)
    panel = win.find_panel
    type_text(panel.query_edit, "اسطنبول")  # no Enter
    assert panel.results.count() == 0  # debounced: not on every key
    qtbot.waitUntil(lambda: panel.results.count() == 2, timeout=2000)
    texts = [panel.results.item(i).text() for i in range(2)]
    assert any(f"[{first}]" in t and "زار الوفد" in t for t in texts)
    assert any(f"[{second}]" in t and "عاد الوفد" in t for t in texts)
    assert panel.count_label.text() == "2 matches"
    panel.query_edit.clear()
    type_text(panel.query_edit, "أمس")
    qtbot.waitUntil(lambda: panel.count_label.text() == "1 match", timeout=2000)
    win.detach()
    project.close()


def test_plural_forms_in_english_and_arabic():
    install_language("en")
    tr = QCoreApplication.translate
    assert tr("FindPanel", "%n match(es)", "", 1) == "1 match"
    assert tr("FindPanel", "%n match(es)", "", 3) == "3 matches"
    assert tr("IOController", "%n document(s) not exported (status %1).", "", 1) == \
        "1 document not exported (status %1)."
    install_language("ar")
    assert [tr("FindPanel", "%n match(es)", "", n) for n in (1, 2, 5, 11)] == [
        "نتيجة واحدة", "نتيجتان", "5 نتائج", "11 نتيجة"]
    install_language("en")
