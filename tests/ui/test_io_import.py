"""Importing in the real main window: File-menu dialog, drag-and-drop, bad files, cancel (pytest-qt, offscreen)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QPushButton

from annotations import Project
from ui.io import io_controller as io_module
from ui.io.import_dialog import ImportDialog
from ui.io.io_controller import IOController, imported_ids, install_io
from ui.io.report_dialog import ReportDialog
from ui.window.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")

# Short Arabic articles, each different (identical texts are skipped as duplicates on import).
CITIES = ["إسطنبول", "القاهرة", "بيروت", "دمشق", "بغداد", "عمّان", "الرباط", "تونس", "الدوحة", "الرياض"]


def article(k: int) -> str:
    city = CITIES[k % len(CITIES)]
    return f"شهدت {city} اجتماعاً رقم {k} بين الوفود.\nوقال المتحدث إن المحادثات جرت بالفعل في {city}."


def bodies(project: Project) -> set[str]:
    return {d.text for d in project.iter_documents()}


@pytest.fixture
def window(qtbot, tmp_path):
    project = Project.open(tmp_path / "proj", create=True)
    win = MainWindow(project)
    qtbot.addWidget(win)
    win.resize(1100, 750)
    win.show()
    qtbot.waitExposed(win)
    win.io = install_io(win)
    yield win
    for dialog in (win.io.dialog, win.io.report_dialog):
        if dialog is not None:
            dialog.close()
    project.close()


@pytest.fixture
def files(tmp_path) -> Path:
    src = tmp_path / "src"
    src.mkdir()
    (src / "خبر_١.txt").write_text(article(1), encoding="utf-8")
    # The same kind of article in the legacy Arabic code page: decoded, not imported as mojibake.
    (src / "legacy.txt").write_bytes(article(2).encode("cp1256"))
    with zipfile.ZipFile(src / "أرشيف.zip", "w") as z:
        z.writestr("2023/a.txt", article(3).encode("utf-8"))
        z.writestr("2023/b.txt", article(4).encode("utf-8"))
    return src


def list_titles(win: MainWindow) -> list[str]:
    model = win.doc_list.model
    return [model.info(r).title or "" for r in range(model.rowCount())]


def run_dialog(qtbot, win: MainWindow, paths, fmt: str | None = None, annotated: bool = False):
    """Open the import dialog through its menu action, fill it in and press Import; return the report."""
    controller: IOController = win.io
    controller.actions["import_annotations" if annotated else "import_articles"].trigger()
    dialog = controller.dialog
    assert isinstance(dialog, ImportDialog) and dialog.isVisible()
    dialog.add_paths(paths)
    if fmt:
        dialog.set_format(fmt)
    with qtbot.waitSignal(controller.import_finished, timeout=20000) as blocker:
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    return blocker.args[0]


def drop(qtbot, target, paths) -> bool:
    """Drag local files onto ``target`` and drop them, as a file manager would; True if the drop was taken."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    pos = QPoint(target.width() // 2, target.height() // 2)
    enter = QDragEnterEvent(pos, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(target, enter)
    if not enter.isAccepted():
        return False
    event = QDropEvent(QPointF(pos), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(target, event)
    return event.isAccepted()


def test_file_menu_holds_the_io_actions_with_free_shortcuts(window):
    file_menu = next(a.menu() for a in window.menuBar().actions()
                     if a.menu() and window.actions.open_project in a.menu().actions())
    entries = [a for a in file_menu.actions() if not a.isSeparator()]
    io_actions = list(window.io.actions.values())
    after = entries.index(window.actions.close_project) + 1
    assert entries[after:after + 3] == io_actions  # right after the project entries, before Quit
    assert entries[-1] is window.actions.quit
    assert [a.text() for a in io_actions] == ["&Import articles…", "Import &annotations…", "&Export…"]
    # No other action of the window uses the same keys (an ambiguous shortcut fires nothing).
    others = [s.toString() for a in window.findChildren(type(io_actions[0]))
              if a not in io_actions for s in a.shortcuts()]
    for action in io_actions:
        assert not action.shortcut().isEmpty()
        assert action.shortcut().toString() not in others
    assert window.io.actions["import_articles"].shortcut() == QKeySequence("Ctrl+I")


def test_shortcut_opens_the_import_dialog_from_the_reader(qtbot, window):
    window.activateWindow()
    window.reader.setFocus()
    qtbot.keyClick(window.reader, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    assert isinstance(window.io.dialog, ImportDialog) and window.io.dialog.isVisible()
    assert window.io.dialog.windowTitle() == "Import articles"
    window.io.dialog.reject()
    assert window.project.documents() == []


def test_menu_import_of_txt_and_zip_stores_documents_and_lists_them(qtbot, window, files):
    report = run_dialog(qtbot, window, [files / "خبر_١.txt", files / "legacy.txt", files / "أرشيف.zip"])
    project = window.project
    assert bodies(project) == {article(k) for k in (1, 2, 3, 4)}
    legacy = next(d for d in project.iter_documents() if d.text == article(2))
    assert legacy.meta["encoding"].lower() in ("cp1256", "windows-1256")
    members = sorted(d.meta["file"] for d in project.iter_documents() if "!" in d.meta["file"])
    assert [m.rsplit("!", 1)[1] for m in members] == ["2023/a.txt", "2023/b.txt"]
    assert len(report.imported) == 4 and report.ok
    # The document list shows them, and the first imported one is open in the reader.
    assert window.doc_list.model.rowCount() == 4
    assert sorted(list_titles(window)) == sorted(d.title or "" for d in project.documents())
    assert window.current_doc_id == report.imported[0][1]
    assert window.reader.text() == project.document(window.current_doc_id).text
    # The report shows the counts.
    shown = window.io.report_dialog
    assert isinstance(shown, ReportDialog) and shown.isVisible() and shown.ok
    assert ("Imported:", "4") in shown.counts and ("Failed:", "0") in shown.counts


def test_drop_on_the_reader_and_on_the_window_imports_with_the_same_code(qtbot, window, files, tmp_path):
    with qtbot.waitSignal(window.io.import_finished, timeout=20000) as blocker:
        assert drop(qtbot, window.reader.viewport(), [files / "خبر_١.txt", files / "أرشيف.zip"])
    assert len(blocker.args[0].imported) == 3
    assert bodies(window.project) == {article(k) for k in (1, 3, 4)}
    assert window.doc_list.model.rowCount() == 3
    # A folder dropped on the window itself (outside the reader); what is already there is skipped.
    with qtbot.waitSignal(window.io.import_finished, timeout=20000) as blocker:
        assert drop(qtbot, window, [files])
    report = blocker.args[0]
    assert [d for _, d in report.imported] and len(report.imported) == 1  # legacy.txt only
    assert len(report.skipped) == 3
    assert window.doc_list.model.rowCount() == 4
    assert ("Skipped (already in the project):", "3") in window.io.report_dialog.counts


def test_drop_of_unsupported_files_is_refused(qtbot, window, tmp_path):
    other = tmp_path / "picture.png"
    other.write_bytes(b"\x89PNG\r\n\x1a\n")
    assert not drop(qtbot, window.reader.viewport(), [other])
    assert window.project.documents() == [] and window.io.report_dialog is None


def test_bad_files_are_reported_one_line_each_and_do_not_stop_the_others(qtbot, window, tmp_path):
    src = tmp_path / "mixed"
    src.mkdir()
    (src / "1_good.txt").write_text(article(1), encoding="utf-8")
    (src / "2_empty.txt").write_bytes(b"")
    (src / "3_صورة.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    (src / "4_nul.txt").write_text("نص\x00فيه صفر", encoding="utf-8")
    (src / "5_good.txt").write_text(article(5), encoding="utf-8")
    missing = tmp_path / "غائب.txt"
    report = run_dialog(qtbot, window, [src, missing])
    assert bodies(window.project) == {article(1), article(5)}
    failed = {Path(f.source).name for f in report.failed}
    assert failed == {"2_empty.txt", "3_صورة.txt", "4_nul.txt", "غائب.txt"}
    shown = window.io.report_dialog
    assert not shown.ok and ("Failed:", "4") in shown.counts and ("Imported:", "2") in shown.counts
    details = shown.details.toPlainText().splitlines()
    for name in failed:  # one line per failure, naming the file
        assert sum(1 for line in details if name in line and line.startswith("failed")) == 1
    assert window.doc_list.model.rowCount() == 2


def test_cancel_mid_import_keeps_the_documents_already_imported(qtbot, window, tmp_path, monkeypatch):
    src = tmp_path / "many"
    src.mkdir()
    for k in range(30):
        (src / f"{k:02d}.txt").write_text(article(k), encoding="utf-8")
    controller = window.io
    seen: list[int] = []

    def cancel_at_five(done: int, total: int) -> None:
        seen.append(done)
        if done == 5:
            # The user presses Cancel in the progress dialog.
            button = controller.progress.dialog.findChild(QPushButton)
            button.click()

    class CancellingProgress(io_module.QtProgress):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.advanced.connect(cancel_at_five)  # connected before the first step

    monkeypatch.setattr(io_module, "QtProgress", CancellingProgress)
    report = run_dialog(qtbot, window, [src])
    monkeypatch.undo()
    assert report.cancelled and seen[-1] == 5
    assert len(report.imported) == 5 and report.not_reached == 25
    project = window.project
    # The five kept documents are complete: text, title and metadata as a full import stores them.
    assert bodies(project) == {article(k) for k in range(5)}
    for info in project.documents():
        doc = project.document(info.id)
        assert doc.meta["file"].endswith(".txt") and doc.meta["encoding"] and doc.meta["direction"] == "rtl"
    assert window.doc_list.model.rowCount() == 5
    shown = controller.report_dialog
    assert not shown.ok and "cancelled" in shown.headline.text()
    assert ("Not attempted:", "25") in shown.counts
    # The project is consistent: importing the same folder again adds exactly the other 25.
    report = run_dialog(qtbot, window, [src])
    assert len(report.imported) == 25 and len(report.skipped) == 5 and not report.cancelled
    assert bodies(project) == {article(k) for k in range(30)}
    assert window.doc_list.model.rowCount() == 30


def test_annotated_format_from_the_same_dialog(qtbot, window, tmp_path):
    conll = tmp_path / "ner.conll"
    conll.write_text("شهدت\tO\nإسطنبول\tB-GPE\nاجتماعاً\tO\n\nوقال\tO\nبوتين\tB-PER\n", encoding="utf-8")
    report = run_dialog(qtbot, window, [conll], fmt="conll", annotated=True)
    [ext] = report.external
    assert len(ext.documents) == 1 and report.ok
    doc_id = ext.documents[0]
    spans = {(s.text, s.label) for s in window.project.spans(doc_id)}
    assert spans == {("إسطنبول", "GPE"), ("بوتين", "PER")}
    assert window.doc_list.model.rowCount() == 1 and window.current_doc_id == doc_id
    assert window.io.report_dialog.ok and ("Imported:", "1") in window.io.report_dialog.counts


def test_dialog_explains_what_is_missing_and_stays_open(qtbot, window, tmp_path):
    window.io.actions["import_articles"].trigger()
    dialog = window.io.dialog
    assert not dialog.import_button.isEnabled()  # no file yet
    dialog.add_paths([tmp_path])
    dialog.encoding_combo.setEditText("no-such-codec")
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "no-such-codec" in dialog.error_label.text()
    assert window.project.documents() == []
    # The dialog's options are the CLI's: picking an annotated format disables the article options.
    dialog.set_format("brat")
    assert not dialog.articles_box.isEnabled() and dialog.annotated_box.isEnabled()
    dialog.encoding_combo.setEditText("cp1256")
    dialog.cleanup_check.setChecked(False)
    dialog.field_edits["text"].setText("body")
    opts = dialog.options()
    assert (opts.format, opts.encoding, opts.cleanup, opts.fields.text) == ("brat", "cp1256", False, "body")


def test_window_catches_up_after_a_bulk_import_labels_added_and_progress(qtbot, window, tmp_path):
    conll = tmp_path / "sport.conll"
    conll.write_text("فاز\tO\nالأهلي\tB-TEAM\nبالكأس\tO\n", encoding="utf-8")
    txt = tmp_path / "a.txt"
    txt.write_text(article(1), encoding="utf-8")
    window.io.actions["import_articles"].trigger()
    dialog = window.io.dialog
    dialog.add_paths([conll, txt])
    dialog.unknown_combo.setCurrentIndex(dialog.unknown_combo.findData("add"))
    with qtbot.waitSignal(window.io.import_finished, timeout=20000) as blocker:
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    report = blocker.args[0]
    assert report.ok and len(imported_ids(report)) == 2
    assert window.project.schema.entity("TEAM") is not None
    # The window redrew from the core's changes once the import was over: the new label has its
    # action and palette entry, and the status bar counts the new documents.
    assert "TEAM" in window.actions.labels
    assert window.progress_label.text().endswith("/2")
    assert window.doc_list.model.rowCount() == 2
