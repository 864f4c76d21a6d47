"""Document list model (qtmodeltester), label palette, annotation panel edits and run_gui start-up."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from annotations import Project
from ui.window.annotation_panel import AnnotationPanel, parse_attributes
from ui.window.app import default_project_path, read_sample_article
from ui.window.document_list import DocumentFilter, DocumentList, DocumentTableModel
from ui.window.main_window import MainWindow
from ui.window.palette import LabelPalette

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


@pytest.fixture
def project():
    project = Project.memory()
    a = project.add_document("نص أول عن إسطنبول", title="إسطنبول تستضيف", meta={"published": "2023-09-17"})
    b = project.add_document("نص ثان", title="موسكو ترد", meta={"published": "2023-10-04"})
    project.add_document("Third text", title="Ankara", meta={"published": "2022-01-01"})
    project.add_span(a, 10, 17, "GPE")
    project.add_span(a, 0, 2, "ORG")
    project.set_status(b, "done")
    yield project
    project.close()


def test_document_model_passes_qtmodeltester(qtmodeltester, project):
    model = DocumentTableModel(project)
    qtmodeltester.check(model)
    proxy = DocumentFilter()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)


def test_document_list_columns_filter_and_sort(qtbot, project):
    widget = DocumentList()
    qtbot.addWidget(widget)
    widget.set_project(project)
    model, proxy = widget.model, widget.proxy
    rows = {model.data(model.index(r, 0)): r for r in range(model.rowCount())}
    r = rows["إسطنبول تستضيف"]
    assert model.data(model.index(r, 1)) == "2023-09-17"
    assert model.data(model.index(r, 2)) == "new"
    assert model.data(model.index(r, 3)) == 2
    widget.status_box.setCurrentIndex(widget.status_box.findData("done"))
    assert [proxy.index(i, 0).data() for i in range(proxy.rowCount())] == ["موسكو ترد"]
    widget.status_box.setCurrentIndex(0)
    widget.filter_edit.setText("اسطنبول")  # no hamza: Arabic-normalised match
    assert [proxy.index(i, 0).data() for i in range(proxy.rowCount())] == ["إسطنبول تستضيف"]
    widget.filter_edit.clear()
    proxy.sort(1, Qt.SortOrder.AscendingOrder)
    assert [proxy.index(i, 1).data() for i in range(proxy.rowCount())] == ["2022-01-01", "2023-09-17",
                                                                           "2023-10-04"]
    proxy.sort(3, Qt.SortOrder.DescendingOrder)
    assert proxy.index(0, 3).data() == 2
    with qtbot.waitSignal(widget.document_requested) as blocker:
        widget.view.activated.emit(proxy.index(0, 0))
    assert blocker.args == [model.doc_id(rows["إسطنبول تستضيف"])]


def test_palette_buttons_follow_the_schema(qtbot, project):
    palette = LabelPalette()
    qtbot.addWidget(palette)
    palette.set_schema(project.schema)
    assert list(palette.buttons) == [t.name for t in project.schema.entity_types]
    assert palette.buttons["PER"].text() == "PER [p]"
    with qtbot.waitSignal(palette.label_requested) as blocker:
        palette.buttons["ORG"].click()
    assert blocker.args == ["ORG"]


def test_palette_click_creates_a_span(qtbot, project):
    win = MainWindow(project)
    qtbot.addWidget(win)
    doc = next(d.id for d in project.documents() if d.title == "Ankara")
    win.open_document(doc)
    win.reader.select_range(0, 5)
    win.palette_widget.buttons["ORG"].click()
    assert [(s.start, s.end, s.label) for s in project.spans(doc)] == [(0, 5, "ORG")]


def test_annotation_panel_edits_are_stored(qtbot, project):
    win = MainWindow(project)
    qtbot.addWidget(win)
    doc = next(d.id for d in project.documents() if d.title == "إسطنبول تستضيف")
    win.open_document(doc)
    panel: AnnotationPanel = win.annotation_panel
    gpe = next(s for s in project.spans(doc) if s.label == "GPE")
    row = panel.span_ids().index(gpe.id)
    with qtbot.waitSignal(panel.span_activated):
        panel.table.selectRow(row)
    assert win.reader.selected_span() == gpe.id
    panel.label_box.setCurrentIndex(panel.label_box.findData("LOC"))
    panel.label_box.activated.emit(panel.label_box.currentIndex())
    assert project.span(gpe.id).label == "LOC"
    panel.attributes_edit.setText("source=وكالة; confidence=high")
    panel.note_edit.setText("مدينة تركية")
    panel.apply_button.click()
    span = project.span(gpe.id)
    assert dict(span.attributes) == {"source": "وكالة", "confidence": "high"} and span.note == "مدينة تركية"
    panel.attributes_edit.setText("broken")
    panel.apply_button.click()
    assert "key=value" in win.statusBar().currentMessage()
    assert dict(project.span(gpe.id).attributes) == {"source": "وكالة", "confidence": "high"}
    panel.delete_button.click()
    assert gpe.id not in [s.id for s in project.spans(doc)]
    win.undo_stack.undo()
    assert project.span(gpe.id).note == "مدينة تركية"


def test_parse_attributes():
    assert parse_attributes(" a = 1 ;b=2; ") == {"a": "1", "b": "2"}
    assert parse_attributes("a=1؛ b=2") == {"a": "1", "b": "2"}
    with pytest.raises(ValueError, match="key=value"):
        parse_attributes("=x")


REPO = Path(__file__).resolve().parents[2]


def _run_app(*args: str) -> int:
    """``python main.py ...`` in a child process: a real start and quit, leaving this test process's
    QApplication untouched (its event loop would otherwise have been run and quit)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, str(REPO / "main.py"), *args], env=env, capture_output=True,
                            text=True, timeout=120)
    assert "Traceback" not in result.stderr, result.stderr
    return result.returncode


def test_run_gui_creates_and_seeds_the_default_project():
    assert _run_app("--quit-after", "0.2") == 0
    path = default_project_path()
    assert "data" in str(path) and path.exists()  # under the test's XDG_DATA_HOME, never the real home
    with Project.open(path, create=False) as project:
        (doc,) = project.iter_documents()
        text, title, _meta = read_sample_article()
        assert doc.text == text and doc.title == title
        assert "17 سبتمبر/أيلول 2023" in text and "بإسطنبول" in text
    assert _run_app("--quit-after", "0.1") == 0  # second start: not seeded twice
    with Project.open(path, create=False) as project:
        assert len(project.documents()) == 1
