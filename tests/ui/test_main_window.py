"""Main-window flows (pytest-qt, offscreen); every flow checks what the project stored."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPoint, QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from annotations import Project
from ui.reader.find import FindPanel
from ui.window.app import Session, install_language, read_sample_article, seed_sample
from ui.window.main_window import MainWindow

# The offscreen platform cannot resize native windows to dock size hints; that warning says nothing about us.
pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")

OTHER = "زار الوفد إسطنبولَ مرة أخرى في 2024.\nوقال بيسكوف إن الاجتماع مهم."


@pytest.fixture
def project():
    project = Project.memory()
    seed_sample(project)
    project.add_document(OTHER, title="خبر ثان", meta={"published": "2024-01-02"})
    yield project
    project.close()


@pytest.fixture
def window(qtbot, project):
    win = MainWindow(project)
    qtbot.addWidget(win)
    win.resize(1300, 900)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    sample_id = next(d.id for d in project.documents() if d.title != "خبر ثان")
    win.open_document(sample_id)
    win.reader.setFocus()
    yield win
    install_language("en")


def select(win: MainWindow, part: str, occurrence: int = 0) -> tuple[int, int]:
    text = win.reader.text()
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(part, start + 1)
    win.reader.select_range(start, start + len(part))
    return start, start + len(part)


def press(qtbot, win: MainWindow, key: str | Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    win.reader.setFocus()
    qtbot.keyClick(win.reader, key, modifier)


def viewport_point(win: MainWindow, span_id: str) -> QPoint:
    rect = win.reader.painter.rects(span_id)[0].rect
    offset = win.reader.document_point(rect.center()) - rect.center()
    return (rect.center() - offset).toPoint()


def test_open_a_project_folder(qtbot, tmp_path):
    with Project.open(tmp_path / "proj", create=True) as p:
        doc_id = seed_sample(p)
    project = Project.open(tmp_path / "proj", create=False)
    try:
        win = MainWindow(project)
        qtbot.addWidget(win)
        text, title, _meta = read_sample_article()
        assert win.current_doc_id == doc_id
        assert win.reader.text() == project.document(doc_id).text == text
        assert win.doc_list.model.rowCount() == 1
        assert win.doc_list.model.data(win.doc_list.model.index(0, 0)) == title
        assert "0/1" in win.progress_label.text()
    finally:
        project.close()


def test_label_key_creates_span_then_relabel_delete_undo_redo(qtbot, window, project):
    doc = window.current_doc_id
    start, end = select(window, "تركيا")
    press(qtbot, window, "g")
    (span,) = project.spans(doc)
    assert (span.start, span.end, span.label, span.text) == (start, end, "GPE", "تركيا")
    assert window.reader.painter.item(span.id) is not None
    assert window.annotation_panel.span_ids() == [span.id]

    window.reader.clear_selection()
    qtbot.mouseClick(window.reader.viewport(), Qt.MouseButton.LeftButton, pos=viewport_point(window, span.id))
    assert window.reader.selected_span() == span.id
    press(qtbot, window, "l")
    assert project.span(span.id).label == "LOC"
    assert window.reader.painter.item(span.id).label == "LOC"

    press(qtbot, window, Qt.Key.Key_Delete)
    assert project.spans(doc) == []
    assert window.reader.painter.item(span.id) is None

    window.undo_stack.undo()
    assert project.span(span.id).label == "LOC"
    window.undo_stack.undo()
    assert project.span(span.id).label == "GPE"
    window.undo_stack.undo()
    assert project.spans(doc) == []
    window.undo_stack.redo()
    window.undo_stack.redo()
    assert project.span(span.id).label == "LOC"
    window.undo_stack.redo()
    assert project.spans(doc) == []
    assert window.reader.painter.item(span.id) is None


def test_nested_span(qtbot, window, project):
    outer = select(window, "وزير الخارجية التركي هاكان فيدان")
    press(qtbot, window, "p")
    inner = select(window, "هاكان فيدان")
    press(qtbot, window, "p")
    spans = {(s.start, s.end): s for s in project.spans(window.current_doc_id)}
    assert set(spans) == {outer, inner}
    assert spans[inner].text == "هاكان فيدان"
    painter = window.reader.painter
    assert painter.level(spans[outer].id) != painter.level(spans[inner].id)
    assert painter.chip_rect(spans[outer].id) != painter.chip_rect(spans[inner].id)
    # the panel is updated row by row and keeps the core's order
    select(window, "تركيا")
    press(qtbot, window, "g")
    window.undo_stack.undo()
    window.undo_stack.redo()
    assert window.annotation_panel.span_ids() == [s.id for s in project.spans(window.current_doc_id)]


def test_clitic_snap_offer_and_automatic(qtbot, window, project):
    start, end = select(window, "بإسطنبول")
    assert "إسطنبول" in window.statusBar().currentMessage()
    press(qtbot, window, Qt.Key.Key_C, Qt.KeyboardModifier.AltModifier)
    assert window.reader.selected_range() == (start + 1, end)
    press(qtbot, window, "g")
    (span,) = project.spans(window.current_doc_id)
    assert (span.start, span.end, span.text) == (start + 1, end, "إسطنبول")

    window.actions.clitic_snap.setChecked(True)
    s2, e2 = select(window, "والأردن")
    press(qtbot, window, "g")
    added = [s for s in project.spans(window.current_doc_id) if s.id != span.id]
    assert [(s.start, s.end, s.text) for s in added] == [(s2 + 1, e2, "الأردن")]


def test_word_snapping_and_double_click(qtbot, window, project):
    text = window.reader.text()
    i = text.index("فيدان")
    window.reader.select_range(i + 2, i + 3)  # part of a word (after في: ف| is a clitic boundary, kept)
    press(qtbot, window, "p")
    (span,) = project.spans(window.current_doc_id)
    assert span.text == "فيدان"
    window.reader.clear_selection()
    j = text.index("الكرملين") if "الكرملين" in text else text.index("أنقرة")
    word = text[j:j + 5]
    probe = window.reader.painter.range_rects(*window.reader.rdoc.positions.range_to_qt(j + 2, j + 3))[0].rect
    offset = window.reader.document_point(probe.center()) - probe.center()
    point = (probe.center() - offset).toPoint()
    qtbot.mouseDClick(window.reader.viewport(), Qt.MouseButton.LeftButton, pos=point)
    start, end = window.reader.selected_range()
    assert text[start:end] == word


def test_find_with_and_without_diacritics(qtbot, window, project):
    panel = window.find_panel
    press(qtbot, window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.find_dock.isVisible()
    text = window.reader.text()
    for query in ("اسطنبول", "إِسْطَنْبُولُ"):
        panel.query_edit.setText(query)
        hits = panel.run()
        assert [text[h.start:h.end] for h in hits] == ["إسطنبول"] * text.count("إسطنبول")
    panel.activate(1)
    hit = panel.hits[1]
    assert window.reader.selected_range() == (hit.start, hit.end)

    panel.scope_box.setCurrentIndex(FindPanel.CORPUS)
    panel.query_edit.setText("اسطنبول")
    hits = panel.run()
    other = next(d.id for d in project.documents() if d.title == "خبر ثان")
    other_hits = [h for h in hits if h.doc_id == other]
    assert [h.match for h in other_hits] == ["إسطنبولَ"]
    panel.activate(len(hits) - 1)
    assert window.current_doc_id == other
    assert window.reader.selected_range() == (other_hits[0].start, other_hits[0].end)
    assert OTHER[other_hits[0].start:other_hits[0].end] == "إسطنبولَ"


def test_mark_done_and_go_next(qtbot, window, project):
    first = window.current_doc_id
    press(qtbot, window, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert project.document(first).status == "done"
    assert "1/2" in window.progress_label.text()
    ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    press(qtbot, window, Qt.Key.Key_N, ctrl_shift)
    assert window.current_doc_id != first
    assert project.document(window.current_doc_id).status == "new"
    window.set_status("done")
    assert window.go_next_unannotated() is None
    window.undo_stack.undo()
    assert project.document(window.current_doc_id).status == "new"


def test_bulk_edit_is_one_undo_step(window, project):
    doc = window.current_doc_id
    text = window.reader.text()
    with window.runner.group("annotate all"):
        for i in (text.index("إسطنبول"), text.rindex("إسطنبول")):
            window.runner.run("add", project.add_span, doc, i, i + 7, "GPE")
    assert len(project.spans(doc)) == 2
    window.undo_stack.undo()
    assert project.spans(doc) == []
    window.undo_stack.redo()
    assert len(project.spans(doc)) == 2


def test_refused_edit_stores_nothing_and_says_why(window, project):
    assert window.runner.run("bad", project.add_span, window.current_doc_id, 5, 2, "GPE") is None
    assert project.spans(window.current_doc_id) == []
    assert window.statusBar().currentMessage()


def test_direction_override_is_stored_per_document(window, project):
    window.actions.dir_ltr.trigger()
    assert project.document(window.current_doc_id).meta["direction_override"] == "ltr"
    assert set(window.reader.rdoc.directions) == {"ltr"}
    window.undo_stack.undo()
    assert "direction_override" not in project.document(window.current_doc_id).meta
    assert window.reader.rdoc.directions[0] == "rtl"


def test_switch_to_arabic_interface(qtbot, project, caplog):
    session = Session(project)
    doc = session.window.current_doc_id
    session.set_language("ar")
    win = session.window
    assert QSettings().value("ui/language") == "ar"
    assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert win.isRightToLeft()
    assert win.actions.find.text() == "&بحث في المستند"
    assert win.menuBar().actions()[0].text() == "&ملف"
    assert win.current_doc_id == doc
    assert win.reader.rdoc.directions[0] == "rtl"
    session.set_language("en")
    assert session.window.actions.find.text() == "&Find in document"
    assert QApplication.layoutDirection() == Qt.LayoutDirection.LeftToRight
    qtbot.addWidget(session.window)  # the discarded windows delete themselves; only the last is the test's
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # the old windows are really deleted
    win = session.window
    start, end = select(win, "تركيا")
    assert win.annotate("GPE")  # the discarded windows no longer listen to the project
    assert [(s.start, s.end) for s in project.spans(doc)] == [(start, end)]
    assert "subscriber failed" not in caplog.text


def test_window_geometry_is_remembered(qtbot, project):
    win = MainWindow(project)
    qtbot.addWidget(win)
    win.resize(640, 470)  # the offscreen screen is 800×600: restoreGeometry clamps larger windows
    win.show()
    win.reader.zoom_in()
    win.close()
    again = MainWindow(project)
    qtbot.addWidget(again)
    assert (again.size().width(), again.size().height()) == (640, 470)
    assert again.reader.options.zoom == win.reader.options.zoom != 1.0


def test_keyboard_selection_then_label_key(qtbot, window, project):
    text = window.reader.text()
    start = text.index("من جهته")
    window.reader.select_range(start, start)
    press(qtbot, window, Qt.Key.Key_End, Qt.KeyboardModifier.ShiftModifier)  # to the end of the visual line
    selected = window.reader.textCursor().selectedText()
    assert selected and text[start:].startswith(selected)
    window.actions.snap_words.setChecked(False)
    press(qtbot, window, "o")
    (span,) = project.spans(window.current_doc_id)
    assert (span.start, span.text, span.label) == (start, selected, "ORG")


def test_system_locale_picks_the_interface_language(monkeypatch):
    from PySide6.QtCore import QLocale

    from ui.window import app as app_module

    monkeypatch.setattr(app_module.QLocale, "system", staticmethod(lambda: QLocale(QLocale.Language.Arabic)))
    assert app_module.effective_language("system") == "ar"
    assert app_module.effective_language("en") == "en"
    monkeypatch.setattr(app_module.QLocale, "system", staticmethod(lambda: QLocale(QLocale.Language.French)))
    assert app_module.effective_language("system") == "en"


def test_label_keys_also_work_on_the_arabic_keyboard_layout(qtbot, window, project):
    start, end = select(window, "تركيا")
    window.reader.setFocus()
    # the "g" key on the Arabic layout types ل (Qt key code = its code point); keyClick only does ASCII
    QTest.sendKeyEvent(QTest.KeyAction.Click, window.reader, Qt.Key(ord("ل")), "ل",
                       Qt.KeyboardModifier.NoModifier)
    assert [(s.start, s.end, s.label) for s in project.spans(window.current_doc_id)] == [(start, end, "GPE")]
