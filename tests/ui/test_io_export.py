"""Exporting from the real main window: the dialog, CoNLL and JSONL files, the report, cancel (pytest-qt)."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from annotations import Project
from ui.io import io_controller as io_module
from ui.io.export_dialog import ExportDialog
from ui.io.io_controller import install_io
from ui.window.app import install_language
from ui.window.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")

TEXT = "شهدت بإسطنبول اجتماعاً بين وروسيا وأوكرانيا.\nوقال بوتين إن المحادثات جرت."


def part(text: str, word: str) -> tuple[int, int]:
    start = text.index(word)
    return start, start + len(word)


@pytest.fixture
def project(tmp_path):
    project = Project.open(tmp_path / "proj", create=True)
    for k in range(12):
        text = TEXT + f" ({k})"
        doc = project.add_document(text, title=f"خبر {k}")
        project.add_span(doc, *part(text, "إسطنبول"), "GPE")  # inside the token بإسطنبول
        project.add_span(doc, *part(text, "بوتين"), "PER")
        if k < 10:
            project.set_status(doc, "done")
    yield project
    project.close()


@pytest.fixture
def window(qtbot, project):
    install_language("en")  # as the app starts: English, with its plural forms
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


def run_export(qtbot, win, fmt: str, out, **choices):
    win.io.actions["export"].trigger()
    dialog = win.io.dialog
    assert isinstance(dialog, ExportDialog) and dialog.isVisible()
    dialog.set_format(fmt)
    dialog.set_out_path(out)
    for status, on in choices.get("statuses", {}).items():
        dialog.status_checks[status].setChecked(on)
    with qtbot.waitSignal(win.io.export_finished, timeout=20000) as blocker:
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    return blocker.args[0]


def test_export_conll_through_the_dialog(qtbot, window, tmp_path):
    out = tmp_path / "train.conll"
    report = run_export(qtbot, window, "conll", out)
    assert report.documents == 10 and report.total == 10  # status "done" by default, as in the CLI
    rows = [line.split() for line in out.read_text(encoding="utf-8").splitlines() if line.strip()]
    tags = {r[0]: r[-1] for r in rows}
    # The proclitic ب is its own O token; the entity after it is B-GPE (clitics "split" by default).
    assert tags["ب"] == "O" and tags["إسطنبول"] == "B-GPE" and tags["بوتين"] == "B-PER"
    assert sum(1 for r in rows if r[-1] == "B-GPE") == 10
    saved = json.loads((tmp_path / "train.conll.report.json").read_text(encoding="utf-8"))
    assert saved["documents"] == 10
    shown = window.io.report_dialog
    assert shown.ok and shown.headline.text().split("\n")[0] == "Exported 10 of 10 documents."
    assert shown.headline.text().split("\n")[1] == "2 documents not exported (status new: 2)."
    assert ("Spans:", "20") in shown.counts
    assert "exported 10 documents as conll" in shown.details.toPlainText()


def test_export_jsonl_with_all_statuses_keeps_every_offset(qtbot, window, tmp_path, project):
    out = tmp_path / "all.jsonl"
    report = run_export(qtbot, window, "jsonl", out, statuses={"new": True, "in progress": True,
                                                             "skipped": True})
    assert report.documents == 12
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    docs = [r for r in records if "text" in r]
    assert len(docs) == 12
    for rec in docs:
        assert {(rec["text"][s["start"]:s["end"]], s["label"]) for s in rec["spans"]} == {
            ("إسطنبول", "GPE"), ("بوتين", "PER")}
    assert window.io.report_dialog.ok


def test_cancelled_export_writes_nothing(qtbot, window, tmp_path, monkeypatch):
    out = tmp_path / "cancelled.conll"

    class CancellingProgress(io_module.QtProgress):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.advanced.connect(self._maybe_cancel)

        def _maybe_cancel(self, done, total):
            if done == 3:
                self.dialog.findChild(QPushButton).click()  # the user presses Cancel

    monkeypatch.setattr(io_module, "QtProgress", CancellingProgress)
    before = set(tmp_path.iterdir())
    report = run_export(qtbot, window, "conll", out)
    assert report.cancelled and report.documents == 3
    assert set(tmp_path.iterdir()) == before  # no output, no report file, no partial file left behind
    shown = window.io.report_dialog
    assert not shown.ok and shown.headline.text() == "Export cancelled. Nothing was written."


def test_dialog_refuses_an_existing_output_until_replace_is_ticked(qtbot, window, tmp_path):
    out = tmp_path / "exists.jsonl"
    out.write_text("keep me", encoding="utf-8")
    window.io.actions["export"].trigger()
    dialog = window.io.dialog
    dialog.set_format("jsonl")
    dialog.set_out_path("relative.jsonl")
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "full path" in dialog.error_label.text()
    dialog.set_out_path(out)
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "already exists" in dialog.error_label.text()
    assert out.read_text(encoding="utf-8") == "keep me"
    dialog.overwrite_check.setChecked(True)
    with qtbot.waitSignal(window.io.export_finished, timeout=20000):
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert out.read_text(encoding="utf-8") != "keep me"


def test_dialog_options_are_the_cli_options(qtbot, window, tmp_path, project):
    window.io.actions["export"].trigger()
    dialog = window.io.dialog
    # A path is proposed beside the project and follows the format until the user types one.
    assert dialog.out_path() == str(project.path.parent / f"{project.path.name}-jsonl.jsonl")
    dialog.set_format("conll")
    assert dialog.out_path().endswith("-conll.conll")
    dialog.tokens_combo.setCurrentIndex(dialog.tokens_combo.findData("whitespace"))
    dialog.scheme_combo.setCurrentIndex(dialog.scheme_combo.findData("bioes"))
    dialog.split_check.setChecked(True)
    dialog.seed_spin.setValue(7)
    none = next(b for b in dialog.findChildren(QPushButton) if b.text() == "None")
    qtbot.mouseClick(none, Qt.MouseButton.LeftButton)
    assert dialog.options()["labels"] == []
    gpe = dialog.label_list.findItems("GPE", Qt.MatchFlag.MatchExactly)[0]
    gpe.setCheckState(Qt.CheckState.Checked)
    opts = dialog.options()
    assert (opts["tokens"], opts["scheme"], opts["split"], opts["seed"], opts["labels"], opts["status"]) == (
        "whitespace", "bioes", (0.8, 0.1, 0.1), 7, ["GPE"], "done")
    assert dialog.out_path().endswith("-conll")  # a split writes a folder
    assert not dialog.format_box.isEnabled() and dialog.tokens_box.isEnabled()
    with qtbot.waitSignal(window.io.export_finished, timeout=20000) as blocker:
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    report = blocker.args[0]
    out = project.path.parent / f"{project.path.name}-conll"
    assert sorted(p.name for p in out.iterdir()) == [".qalam-export", "dev.conll", "test.conll", "train.conll"]
    assert sum(report.splits.values()) == 10 and set(report.spans) == {"GPE"}
    train = (out / "train.conll").read_text(encoding="utf-8")
    assert "بإسطنبول S-GPE" in train.splitlines() and "PER" not in train  # whole tokens, BIOES, only GPE


def test_an_export_that_cannot_start_is_explained_not_raised(window, tmp_path):
    out = tmp_path / "gone" / "x.conll"  # the folder vanished after the dialog was accepted
    assert window.io.export("conll", out, {"status": "done"}) is None
    shown = window.io.report_dialog
    assert not shown.ok and shown.headline.text() == "The export could not be done."
    assert "folder does not exist" in shown.lines[0] and not out.parent.exists()
    assert not window.io.busy and all(a.isEnabled() for a in window.io.actions.values())


def test_summary_names_the_documents_left_out_by_status(qtbot, window, tmp_path, project):
    """Issue 13, point 5: the default (done only) says how many documents were not exported, and why."""
    left = sorted(project.documents(), key=lambda d: d.title)[-1]
    project.set_status(left.id, "in progress")  # now 9 done, 2 new, 1 in progress
    report = run_export(qtbot, window, "conll", tmp_path / "done.conll")
    assert report.documents == 9 and dict(report.left_out) == {"new": 2, "in progress": 1}
    assert "3 documents not exported (status in progress: 1, new: 2)" in "\n".join(report.lines())
    shown = window.io.report_dialog
    assert "3 documents not exported (status in progress: 1, new: 2)." in shown.headline.text()
    saved = json.loads((tmp_path / "done.conll.report.json").read_text(encoding="utf-8"))
    assert saved["not_exported_per_status"] == {"in progress": 1, "new": 2}


def test_trigger_tags_checkbox_keeps_event_types_out_of_token_tags(qtbot, window, tmp_path, project):
    for doc in project.documents():
        text = project.document(doc.id).text
        project.add_span(doc.id, *part(text, "اجتماعاً"), "Contact.Meet")
    window.io.actions["export"].trigger()
    dialog = window.io.dialog
    dialog.set_format("conll")
    box = dialog.trigger_tags_check
    assert box.isEnabled() and box.isChecked() and "(B-" in box.text() and "entity tags" in box.text()
    dialog.set_out_path(tmp_path / "with.conll")
    with qtbot.waitSignal(window.io.export_finished, timeout=20000):
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    tags = {line.split()[-1] for line in (tmp_path / "with.conll").read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")}
    assert "B-Contact.Meet" in tags
    window.io.report_dialog.close()
    window.io.actions["export"].trigger()
    dialog = window.io.dialog
    dialog.set_format("conll")
    dialog.set_out_path(tmp_path / "without.conll")
    qtbot.mouseClick(dialog.trigger_tags_check, Qt.MouseButton.LeftButton)  # untick: entity tags only
    assert not dialog.trigger_tags_check.isChecked()
    dialog.set_format("jsonl")
    assert not dialog.trigger_tags_check.isEnabled()
    dialog.set_format("conll")
    with qtbot.waitSignal(window.io.export_finished, timeout=20000):
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    tags = {line.split()[-1] for line in (tmp_path / "without.conll").read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")}
    assert tags == {"O", "B-GPE", "B-PER"}
