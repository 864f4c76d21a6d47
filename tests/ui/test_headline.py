"""The headline is the text's first paragraph (issue 13, point 4): shown once, annotatable, exported."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt

from annotations import Project
from annotations.formats import export
from annotations.ingest import import_paths
from ui.window.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


def test_entities_in_the_headline_are_tagged_with_keys_and_exported(qtbot, tmp_path, shared_dir):
    project = Project.open(tmp_path / "proj", create=True)
    assert import_paths(project, [shared_dir / "samples" / "scraped_news_ar.txt"]).ok
    (info,) = project.documents()
    win = MainWindow(project)
    qtbot.addWidget(win)
    win.resize(1300, 900)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    win.open_document(info.id)
    text = win.reader.text()
    assert text.startswith(info.title + "\n")
    shown = win.reader.rdoc.qdoc.toPlainText()
    assert shown.count(info.title) == 1  # the headline is not repeated in a header above the text
    first = win.reader.rdoc.qdoc.findBlockByNumber(win.reader.rdoc.first_body_block)
    assert first.text() == info.title and first.charFormat().fontWeight() >= 700  # shown as a headline
    for word, key in (("روسيا", "g"), ("أمريكا", "g"), ("إسطنبول", "g")):
        start = text.index(word)
        assert start < len(info.title)  # all three are in the headline
        win.reader.select_range(start, start + len(word))
        win.reader.setFocus()
        qtbot.keyClick(win.reader, key)
    spans = project.spans(info.id)
    assert sorted(s.text for s in spans) == sorted(["روسيا", "أمريكا", "إسطنبول"])
    assert all(s.label == "GPE" and s.end <= len(info.title) for s in spans)
    project.set_status(info.id, "done")
    export(project, "jsonl", tmp_path / "out.jsonl")
    _header, row = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    exported = {row["text"][s["start"]:s["end"]] for s in row["spans"]}
    assert exported == {"روسيا", "أمريكا", "إسطنبول"}
    win.close()
    project.close()


def test_a_headline_given_apart_from_the_body_is_added_and_the_source_restorable(qtbot, tmp_path):
    from annotations.ingest import restore_original

    src = tmp_path / "a.jsonl"
    body = "قال المتحدث إن الاجتماع عقد في موسكو.\nوأضاف أن المحادثات مستمرة."
    src.write_text(json.dumps({"text": body, "title": "روسيا تؤكد\nالمحادثات"}, ensure_ascii=False) + "\n",
                   encoding="utf-8")
    with Project.memory() as project:
        assert import_paths(project, [src]).ok
        (doc,) = project.iter_documents()
        assert doc.title == "روسيا تؤكد\nالمحادثات"  # the title stays as given
        assert doc.text == "روسيا تؤكد المحادثات\n" + body and doc.meta["headline"] == len("روسيا تؤكد المحادثات")
        assert restore_original(doc.text, doc.meta) == body
        win = MainWindow(project)
        qtbot.addWidget(win)
        win.show()
        qtbot.waitExposed(win)
        win.activateWindow()
        qtbot.waitUntil(win.isActiveWindow)
        win.reader.setFocus()
        start = win.reader.text().index("روسيا")
        win.reader.select_range(start, start + 5)
        qtbot.keyClick(win.reader, Qt.Key.Key_G)
        assert [(s.start, s.text) for s in project.spans(doc.id)] == [(0, "روسيا")]
