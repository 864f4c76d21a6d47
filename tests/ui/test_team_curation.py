"""The curation view and the Team menu in the real main window (pytest-qt): adjudicating the sample
article by keys with undo, the agreement window, bundles, and the annotator's name."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QLabel

from annotations import Project
from annotations.formats import export
from annotations.team import GOLD, merge
from tests.team_data import ALICE, annotator_project, bundles
from ui.team import team_controller
from ui.team.colors import annotator_color
from ui.team.team_controller import install_team
from ui.window.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


@pytest.fixture
def curation(tmp_path):
    project = Project.open(tmp_path / "cur", annotator="carla")
    merge(project, bundles(tmp_path))
    yield project
    project.close()


@pytest.fixture
def window(qtbot, curation):
    win = MainWindow(curation, with_events=False)
    qtbot.addWidget(win)
    win.resize(1100, 750)
    win.show()
    qtbot.waitExposed(win)
    win.team = install_team(win)
    yield win
    for w in (win.team.curation, win.team.agreement, win.team.message, win.team.name_dialog):
        if w is not None:
            (w.window() if hasattr(w, "window") else w).close()
    win.detach()


def view_of(qtbot, window):
    window.team.actions["curation"].trigger()
    view = window.team.curation
    qtbot.waitExposed(view.window())
    view.window().activateWindow()
    view.setFocus()
    return view


def press(qtbot, view, key, modifier=Qt.KeyboardModifier.NoModifier):
    view.setFocus()
    qtbot.keyClick(view, key, modifier)


def gold(project):
    doc = project.documents()[0].id
    return sorted((s.text, s.label) for s in project.spans(doc) if s.annotator == GOLD)


def test_candidates_side_by_side_in_annotator_colours(qtbot, window):
    view = view_of(qtbot, window)
    assert view.progress_label.text() == "0 of 4 resolved"
    assert set(view.columns) == {"alice", "bob"}
    for name, frame in view.columns.items():
        assert annotator_color(name, ["alice", "bob"]) in frame.styleSheet()
        assert name in frame.findChildren(QLabel)[0].text()
    assert annotator_color("alice", ["alice", "bob"]) != annotator_color("bob", ["alice", "bob"])
    texts = [lbl.text() for f in view.columns.values() for lbl in f.findChildren(QLabel)]
    assert view.current.kind in ("missing", "label", "extent")
    assert any(view.current.candidates[n] and view.current.candidates[n][0].text in " ".join(texts)
               for n in view.current.candidates)


def test_adjudicate_by_keys_with_undo_then_export_gold(qtbot, window, curation, tmp_path):
    view = view_of(qtbot, window)
    press(qtbot, view, Qt.Key.Key_G)  # the agreed spans in one step
    assert len(gold(curation)) == 4 and "0 left" in view.accept_button.text()
    first = view.current
    press(qtbot, view, Qt.Key.Key_A)  # take alice
    assert view.progress_label.text() == "1 of 4 resolved"
    assert view.current is not None and view.current.key != first.key  # moved on
    press(qtbot, view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # undo
    assert view.progress_label.text() == "0 of 4 resolved"
    press(qtbot, view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert view.progress_label.text() == "1 of 4 resolved"
    view.show_cluster(view.adjudication.next_disagreement())
    press(qtbot, view, Qt.Key.Key_T)  # take both
    assert view.progress_label.text() == "2 of 4 resolved"
    press(qtbot, view, Qt.Key.Key_R)  # reject all
    assert view.progress_label.text() == "3 of 4 resolved"
    # edit: the curator's own span, in the dialog
    press(qtbot, view, Qt.Key.Key_E)
    dialog = view.edit_dialog
    assert dialog is not None and dialog.isVisible()
    c = view.current
    dialog.start_spin.setValue(c.start)
    dialog.end_spin.setValue(c.end)
    dialog.label_combo.setCurrentText("GPE")
    assert dialog.preview.text() == curation.document(c.doc).text[c.start:c.end]
    dialog.accept()
    assert view.progress_label.text() == "4 of 4 resolved"
    assert view.current is None and "No disagreement" in view.title_label.text()
    assert curation.document(curation.documents()[0].id).status == "done"
    out = tmp_path / "gold.jsonl"
    export(curation, "jsonl", out)
    (doc,) = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()[1:]]
    assert {s["annotator"] for s in doc["spans"]} == {GOLD} and len(doc["spans"]) == len(gold(curation))
    # undo works back through the whole session, from the main window too
    while window.undo_stack.canUndo():
        window.undo_stack.undo()
    assert gold(curation) == [] and view.progress_label.text() == "0 of 4 resolved"


def test_bundle_actions_in_the_file_menu(window):
    file_menu = next(a.menu() for a in window.menuBar().actions() if window.actions.quit in a.menu().actions())
    names = [a.objectName() for a in file_menu.actions()]
    assert names.index("action_export_bundle") < names.index("action_import_bundle") < \
        file_menu.actions().index(window.actions.quit)


def test_next_and_previous(qtbot, window):
    view = view_of(qtbot, window)
    seen = [view.current.key]
    for _ in range(3):
        press(qtbot, view, Qt.Key.Key_N)
        seen.append(view.current.key)
    assert len(set(seen)) == 4
    press(qtbot, view, Qt.Key.Key_N, Qt.KeyboardModifier.ShiftModifier)
    assert view.current.key == seen[2]


def test_agreement_window(qtbot, window, tmp_path):
    window.team.actions["agreement"].trigger()
    win = window.team.agreement
    qtbot.waitExposed(win)
    assert "2 annotators (alice, bob)" in win.summary.text() and "4 disagreements" in win.summary.text()
    assert win.pairs_table.rowCount() == 1 and win.pairs_table.item(0, 0).text() == "alice"
    assert win.scores_table.verticalHeaderItem(0).text() == "overall"
    cats = win.report["confusion"]["categories"]
    assert win.confusion_table.rowCount() == len(cats)
    o = cats.index("O")
    assert win.confusion_table.item(o, o).background().color().name() != "#ffffff"
    path = win.save_html(str(tmp_path / "r.html"))
    assert "Token confusion matrix" in Path(path).read_text(encoding="utf-8")


def test_bundle_export_asks_the_name_once_and_import_merges(qtbot, tmp_path, monkeypatch):
    folder = annotator_project(tmp_path / "mine", "root", ALICE)
    with Project.open(folder) as project:
        win = MainWindow(project, with_events=False)
        qtbot.addWidget(win)
        win.show()
        win.team = install_team(win)
        out = tmp_path / "me.qalam"
        monkeypatch.setattr(team_controller, "ask_save_path", lambda *a: str(out))
        assert win.team.export_bundle() is None  # first time: the name is asked
        dialog = win.team.name_dialog
        assert dialog is not None and dialog.isVisible()
        dialog.setTextValue("alice")
        dialog.accept()
        assert QSettings().value("team/annotator") == "alice"
        assert "alice" in win.team.annotator_button.text() and project.annotator == "alice"
        assert win.team.export_bundle() == str(out)
        win.team.message.close()
        win.detach()
    (tmp_path / "b").mkdir()
    bob = bundles(tmp_path / "b", {"bob": [("إسطنبول", 0, "GPE")]})[0]
    with Project.open(tmp_path / "cur") as cur:
        win = MainWindow(cur, with_events=False)
        qtbot.addWidget(win)
        win.show()
        win.team = install_team(win)
        assert cur.annotator == "alice"  # the saved name, at the next start
        monkeypatch.setattr(team_controller, "ask_open_paths", lambda *a: [str(out), str(bob)])
        report = win.team.import_bundles()
        assert report.ok and report.created == 1
        assert win.doc_list.model.rowCount() == 1
        assert "merged 2 source(s)" in win.team.message.text()
        win.team.message.close()
        # a bad bundle: a message, nothing merged
        bad = tmp_path / "bad.qalam"
        bad.write_text("no zip")
        monkeypatch.setattr(team_controller, "ask_open_paths", lambda *a: [str(bad)])
        assert win.team.import_bundles() is None
        assert "not a bundle" in win.team.message.text() and len(cur) == 1
        win.team.message.close()
        win.detach()
