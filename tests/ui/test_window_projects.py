"""Projects and documents in the GUI (issue 13, point 4): New/Open/Recent/Close project, the start screen,
the last document reopened, document ids shown and copied, no import date in the Date column."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from annotations import Project
from annotations.schema import EntityType, Schema
from ui.window.app import Session, default_project_path, seed_sample
from ui.window.document_list import DocumentTableModel
from ui.window.main_window import MainWindow
from ui.window.new_project_dialog import NewProjectDialog
from ui.window.recent import recent_projects
from ui.window.start_screen import PathRole, StartScreen

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


def make_project(path, title="خبر", text="شهدت إسطنبول اجتماعاً", meta=None):
    with Project.open(path, create=True) as p:
        return p.add_document(text, title=title, meta=meta)


def fill_new_project_dialog(qtbot, folder, schema_file=None, then_cancel=False):
    """Queue what a user does in File → New project once the dialog is up (it runs a modal loop)."""
    seen = {}

    def act():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, NewProjectDialog):
            QTimer.singleShot(20, act)
            return
        seen["dialog"] = dialog
        QTest.keyClicks(dialog.folder_edit, str(folder))
        if schema_file is not None:
            dialog.schema_box.setCurrentIndex(dialog.schema_box.findData(NewProjectDialog.FROM_FILE))
            QTest.keyClicks(dialog.schema_file_edit, str(schema_file))
        if then_cancel:
            QTest.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
            seen["error"] = dialog.error.text() if dialog.isVisible() else None
            dialog.reject()
        else:
            QTest.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, act)
    return seen


def cleanup(qtbot, session):
    qtbot.addWidget(session.window)
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_new_project_with_the_built_in_schema_from_the_keyboard(qtbot, tmp_path):
    make_project(tmp_path / "first")
    session = Session(Project.open(tmp_path / "first", create=False))
    qtbot.waitExposed(session.window)
    session.window.activateWindow()
    qtbot.waitUntil(session.window.isActiveWindow)
    fill_new_project_dialog(qtbot, tmp_path / "fresh")
    QTest.keyClick(session.window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)  # File → New project
    assert session.project is not None and session.project.path == tmp_path / "fresh"
    assert session.project.schema.name == "ACE 2005" and len(session.project) == 0
    assert (tmp_path / "fresh" / "project.json").is_file()
    title = session.window.windowTitle().replace("\u2066", "").replace("\u2069", "")  # path isolates
    assert isinstance(session.window, MainWindow) and str(tmp_path / "fresh") in title
    assert recent_projects()[:2] == [str((tmp_path / "fresh").resolve()), str((tmp_path / "first").resolve())]
    cleanup(qtbot, session)
    session.shutdown()


def test_new_project_from_a_schema_file_and_refusals(qtbot, tmp_path):
    schema_file = tmp_path / "tiny.json"
    Schema("tiny", [EntityType("SHIP", "#88aaff", "s")]).save(schema_file)
    make_project(tmp_path / "used")
    session = Session(Project.open(tmp_path / "used", create=False))
    seen = fill_new_project_dialog(qtbot, tmp_path / "used", then_cancel=True)  # already a project
    assert session.new_project() is False
    assert "already a project" in seen["error"]
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "x.txt").write_text("x")
    seen = fill_new_project_dialog(qtbot, tmp_path / "full", then_cancel=True)
    assert session.new_project() is False and "not an empty folder" in seen["error"]
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    seen = fill_new_project_dialog(qtbot, tmp_path / "ships", schema_file=bad, then_cancel=True)
    assert session.new_project() is False and "bad.json" in seen["error"]
    assert not (tmp_path / "ships").exists()  # nothing half-made
    fill_new_project_dialog(qtbot, tmp_path / "ships", schema_file=schema_file)
    assert session.new_project() is True
    assert session.project.schema.name == "tiny" and [e.name for e in session.project.schema.entity_types] == ["SHIP"]
    assert list(session.window.actions.labels) == ["SHIP"]  # the window follows the new schema
    cleanup(qtbot, session)
    session.shutdown()


def test_recent_menu_close_project_and_start_screen(qtbot, tmp_path):
    a = make_project(tmp_path / "a", title="في أ")
    b = make_project(tmp_path / "b", title="في ب")
    session = Session(Project.open(tmp_path / "a", create=False))
    session.open_project(str(tmp_path / "b"))
    assert session.window.current_doc_id == b
    win = session.window
    win._fill_recent_menu()  # what aboutToShow does when the menu opens
    entries = [act for act in win.recent_menu.actions() if act.data()]
    assert [act.data() for act in entries] == [str((tmp_path / "a").resolve())]  # not the open one
    entries[0].trigger()
    assert session.project.path == tmp_path / "a" and session.window.current_doc_id == a
    session.window.actions.close_project.trigger()
    assert session.project is None and isinstance(session.window, StartScreen)
    start = session.window
    qtbot.waitExposed(start)
    paths = [start.recent_list.item(i).data(PathRole) for i in range(start.recent_list.count())]
    assert paths == [str((tmp_path / "a").resolve()), str((tmp_path / "b").resolve())]
    start.recent_list.setCurrentRow(1)
    start.recent_list.setFocus()
    QTest.keyClick(start.recent_list, Qt.Key.Key_Return)  # open a recent project from the start screen
    assert isinstance(session.window, MainWindow) and session.project.path == tmp_path / "b"
    cleanup(qtbot, session)
    session.shutdown()


def test_start_screen_names_why_and_opens_the_sample(qtbot, tmp_path):
    session = Session(None, "project folder /x is locked by pid 12")
    start = session.window
    assert isinstance(start, StartScreen) and start.message.text().endswith("pid 12")
    QTest.mouseClick(start.sample_button, Qt.MouseButton.LeftButton)
    assert isinstance(session.window, MainWindow)
    assert session.project.path == default_project_path() and len(session.project) == 1  # seeded
    cleanup(qtbot, session)
    session.shutdown()


def test_reopening_shows_the_last_document_worked_on(qtbot, tmp_path):
    path = tmp_path / "p"
    first = make_project(path, title="أول")
    with Project.open(path) as p:
        second = p.add_document("نص ثان", title="ثان")
        third = p.add_document("نص ثالث", title="ثالث")
    project = Project.open(path, create=False)
    win = MainWindow(project)
    qtbot.addWidget(win)
    shown = win.current_doc_id
    other = next(d for d in (first, second, third) if d != shown)
    row = win.doc_list.proxy.mapFromSource(win.doc_list.model.index(win.doc_list.model.row_of(other), 0))
    QTest.mouseClick(win.doc_list.view.viewport(), Qt.MouseButton.LeftButton,
                     pos=win.doc_list.view.visualRect(row).center())
    assert win.current_doc_id == other
    win.close()
    project.close()
    project = Project.open(path, create=False)
    again = MainWindow(project)
    qtbot.addWidget(again)
    assert again.current_doc_id == other
    again.close()
    project.close()


def test_document_ids_are_shown_and_copied_and_undated_shows_no_date(qtbot):
    project = Project.memory()
    dated = project.add_document("نص أول", title="مؤرخ", meta={"published": "2023-10-05"})
    undated = project.add_document("نص ثان", title="بلا تاريخ")
    win = MainWindow(project)
    qtbot.addWidget(win)
    win.show()
    model = win.doc_list.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == ["Title", "Date", "Status", "Annotations", "Id"]
    by_id = {model.doc_id(r): r for r in range(model.rowCount())}
    assert model.data(model.index(by_id[undated], DocumentTableModel.DATE)) == ""  # not the import date
    assert model.data(model.index(by_id[dated], DocumentTableModel.DATE)) == "2023-10-05"
    assert model.data(model.index(by_id[undated], DocumentTableModel.ID)) == undated
    assert undated in model.data(model.index(by_id[undated], 0), Qt.ItemDataRole.ToolTipRole)
    view = win.doc_list.view
    row = win.doc_list.proxy.mapFromSource(model.index(by_id[undated], 0))
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(row).center())
    view.setFocus()
    QGuiApplication.clipboard().clear()
    QTest.keyClick(view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == undated
    assert "Copy document id" in [a.text().replace("&", "") for a in view.actions()]
    project.close()


def test_id_and_date_columns_fit_their_content(qtbot):
    project = Project.memory()
    seed_sample(project)
    win = MainWindow(project)
    qtbot.addWidget(win)
    win.resize(1300, 800)
    win.show()
    qtbot.waitExposed(win)
    view = win.doc_list.view
    metrics = view.fontMetrics()
    doc_id = project.documents()[0].id
    assert view.columnWidth(DocumentTableModel.ID) >= metrics.horizontalAdvance(doc_id)
    assert view.columnWidth(DocumentTableModel.DATE) >= metrics.horizontalAdvance("2023-09-17")
    project.close()
