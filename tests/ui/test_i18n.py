"""The Arabic interface covers the events, schema and import/export tools: menus, docks and dialogs in Arabic.

Screenshots of the Arabic main window (events dock shown, Events menu grabbed on its own), the export
dialog and the schema editor are written to /tmp/shots/i18n/ for review by eye.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtWidgets import QAbstractButton, QApplication, QGroupBox, QLabel, QMenu, QTableWidget, QTabWidget

from annotations import Project
from annotations.assets import asset_path
from ui.events.cascade_prompt import CascadePrompt, describe_uses
from ui.events.event_picker import EventTypePicker
from ui.events.relation_tools import RelationPicker
from ui.events.role_picker import RolePicker
from ui.io.export_dialog import ExportDialog
from ui.io.import_dialog import ImportDialog
from ui.io.io_controller import install_io
from ui.schema.schema_editor import SchemaEditor
from ui.window.app import install_language, seed_sample
from ui.window.main_window import MainWindow

# The offscreen platform cannot raise windows or grab the keyboard for a popup menu; harmless here.
pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise|grabbing)")
SHOTS = Path("/tmp/shots/i18n")
ARABIC = re.compile("[\u0621-\u064a]")
LATIN = re.compile("[A-Za-z]")
# Language names are shown in their own language in every interface, like other apps' language menus.
OWN_NAME = {"English"}


def english_only(text: str) -> bool:
    """Latin words and no Arabic letter: a text left untranslated (format names beside Arabic are fine)."""
    return bool(LATIN.search(text)) and not ARABIC.search(text)


@pytest.fixture
def arabic_window(qtbot, tmp_path):
    project = Project.open(tmp_path / "proj", create=True)
    doc = seed_sample(project)
    install_language("ar")
    win = MainWindow(project)
    qtbot.addWidget(win)
    win.resize(1300, 850)
    win.show()
    qtbot.waitExposed(win)
    events = win.events  # the tools are otherwise built after the first paint
    win.io = install_io(win)
    win.open_document(doc)
    yield win, events, project, doc
    if win.io.dialog is not None:
        win.io.dialog.close()
    project.close()
    install_language("en")


def annotate(project: Project, doc: str) -> tuple[str, str]:
    """A Contact.Meet event (trigger اجتماعاً; Entity تركيا, Place بإسطنبول) and a PHYS.Located relation."""
    text = project.document(doc).text

    def span(word: str, label: str) -> str:
        start = text.index(word)
        return project.add_span(doc, start, start + len(word), label)

    trigger = span("اجتماعاً", "Contact.Meet")
    turkey, city = span("تركيا", "GPE"), span("إسطنبول", "GPE")
    minister = span("هاكان فيدان", "PER")
    event = project.add_event(doc, "Contact.Meet", trigger, arguments=[("Entity", turkey), ("Place", city)])
    project.add_relation("PHYS.Located", minister, city)
    return event, city


def menu_texts(menu: QMenu) -> list[str]:
    texts = []
    for action in menu.actions():
        if action.isSeparator():
            continue
        texts.append(action.text())
        if action.menu() is not None:
            texts += menu_texts(action.menu())
    return texts


def widget_texts(widget) -> list[str]:
    """Every label, button, group box, tab and table header text shown by a dialog."""
    texts = [w.text() for w in widget.findChildren(QLabel) + widget.findChildren(QAbstractButton)]
    texts += [g.title() for g in widget.findChildren(QGroupBox)]
    for tabs in widget.findChildren(QTabWidget):
        texts += [tabs.tabText(i) for i in range(tabs.count())]
    for table in widget.findChildren(QTableWidget):
        texts += [table.horizontalHeaderItem(i).text() for i in range(table.columnCount())]
    return [t for t in texts if t]


def test_events_menu_dock_and_file_actions_are_arabic(arabic_window):
    win, events, _project, _doc = arabic_window
    assert ARABIC.search(events.menu.title()), events.menu.title()
    assert ARABIC.search(events.dock.windowTitle()), events.dock.windowTitle()
    file_menu = win.menuBar().actions()[0].menu()
    for name in ("import_articles", "import_annotations", "export"):
        action = win.io.actions[name]
        assert action in file_menu.actions()
        assert ARABIC.search(action.text()), action.text()
        assert ARABIC.search(action.statusTip()), action.statusTip()


def test_no_menu_bar_action_is_left_in_english(arabic_window):
    win, events, _project, _doc = arabic_window
    texts = []
    for top in win.menuBar().actions():
        texts.append(top.text())
        texts += menu_texts(top.menu())
    assert events.menu.title() in texts  # the Events menu is part of what is checked
    assert len(texts) > 30
    left = [t for t in texts if english_only(t) and t.replace("&", "") not in OWN_NAME]
    assert left == []


def test_menu_bar_titles_and_their_keys_are_distinct_in_arabic(qtbot, arabic_window):
    """Two top menus with one name (Assist and Help were both مساعدة) or one Alt key can't be told apart."""
    win, _events, _project, _doc = arabic_window
    qtbot.waitUntil(lambda: not win._tools_pending)  # the Team and Assist menus come after the first paint
    titles = [top.text() for top in win.menuBar().actions() if top.menu() is not None]
    assert len(titles) >= 10
    names = [t.replace("&", "") for t in titles]
    assert len(set(names)) == len(names), names
    keys = [t[t.index("&") + 1] for t in titles if "&" in t]
    assert len(keys) == len(titles), titles
    assert len(set(keys)) == len(keys), titles


def test_dialogs_are_arabic(qtbot, arabic_window):
    win, events, project, doc = arabic_window
    export = win.io.open_export_dialog()
    assert isinstance(export, ExportDialog)
    assert ARABIC.search(export.windowTitle()), export.windowTitle()
    assert [t for t in widget_texts(export) if english_only(t)] == []
    export.close()
    dialog = ImportDialog(parent=win)
    qtbot.addWidget(dialog)
    assert ARABIC.search(dialog.windowTitle())
    assert [t for t in widget_texts(dialog) if english_only(t)] == []
    editor = SchemaEditor(project, parent=win)
    qtbot.addWidget(editor)
    assert ARABIC.search(editor.windowTitle())
    # Column cells hold the schema's type names (data); only the editor's own words are checked.
    assert [t for t in widget_texts(editor) if english_only(t)] == []
    pickers = [EventTypePicker(project.schema, win, trigger_text="اجتماعاً"),
               RolePicker(project.schema, "Contact.Meet", lambda role, label: None, "تركيا", "GPE", parent=win),
               RelationPicker(project.schema, ("هاكان فيدان", "PER"), ("إسطنبول", "GPE"),
                              lambda rel_type, swapped: None, win)]
    for picker in pickers:
        qtbot.addWidget(picker)
        assert ARABIC.search(picker.windowTitle()), picker.windowTitle()
        # Type and role names in the lists are data; the labels and buttons around them are the UI's.
        assert [t for t in widget_texts(picker) if english_only(t)] == [], type(picker).__name__
    # Read right to left, the arrow from the first end (on the right) to the second must point left.
    assert "←" in pickers[2].direction.text() and "→" not in pickers[2].direction.text()


def test_cascade_prompt_lines_are_arabic_around_the_type_names(qtbot, arabic_window):
    win, events, project, doc = arabic_window
    text = project.document(doc).text
    start = text.index("اجتماعاً")
    trigger = project.add_span(doc, start, start + len("اجتماعاً"), "Contact.Meet")
    place = text.index("إسطنبول")
    city = project.add_span(doc, place, place + len("إسطنبول"), "GPE")
    project.add_event(doc, "Contact.Meet", trigger, arguments=[("Place", city)])
    lines = describe_uses(project, city)
    assert len(lines) == 1, lines
    assert ARABIC.search(lines[0].replace("إسطنبول", "")) and "Contact.Meet" in lines[0] and "Place" in lines[0]
    prompt = CascadePrompt(project, city, win)
    qtbot.addWidget(prompt)
    assert ARABIC.search(prompt.windowTitle()) and ARABIC.search(prompt.remove_button.text())


def test_arabic_screenshots(qtbot, arabic_window):
    win, events, project, doc = arabic_window
    event, city = annotate(project, doc)
    SHOTS.mkdir(parents=True, exist_ok=True)
    events.dock.show()
    events.dock.raise_()
    events.select_event(event)
    QApplication.processEvents()
    assert events.panel.tree.topLevelItemCount() == 2  # the event and the relation
    assert win.isRightToLeft() and events.dock.isVisible()
    assert win.grab().save(str(SHOTS / "main_events_dock_ar.png"))
    events.menu.popup(win.mapToGlobal(win.rect().topRight()))
    qtbot.waitExposed(events.menu)
    assert events.menu.isRightToLeft()
    assert events.menu.grab().save(str(SHOTS / "events_menu_ar.png"))
    events.menu.hide()
    file_menu = win.menuBar().actions()[0].menu()
    file_menu.popup(win.mapToGlobal(win.rect().topRight()))
    qtbot.waitExposed(file_menu)
    assert file_menu.grab().save(str(SHOTS / "file_menu_ar.png"))
    file_menu.hide()
    export = win.io.open_export_dialog()
    qtbot.waitExposed(export)
    assert export.isRightToLeft()
    assert export.grab().save(str(SHOTS / "export_dialog_ar.png"))
    export.close()
    editor = SchemaEditor(project, parent=win)
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitExposed(editor)
    editor.tabs.setCurrentIndex(1)  # event types, with the roles table
    editor.tables["event"].setCurrentCell(0, 0)
    QApplication.processEvents()
    assert editor.grab().save(str(SHOTS / "schema_editor_ar.png"))
    editor.close()
    prompt = CascadePrompt(project, city, win)
    qtbot.addWidget(prompt)
    prompt.show()
    qtbot.waitExposed(prompt)
    assert prompt.grab().save(str(SHOTS / "cascade_prompt_ar.png"))
    prompt.close()
    role = RolePicker(project.schema, "Contact.Meet", lambda role, label: "مرفوض", "تركيا", "GPE", parent=win)
    qtbot.addWidget(role)
    role.show()
    qtbot.waitExposed(role)
    assert role.grab().save(str(SHOTS / "role_picker_ar.png"))
    role.close()
    relation = RelationPicker(project.schema, ("هاكان فيدان", "PER"), ("إسطنبول", "GPE"),
                              lambda rel_type, swapped: None, win)
    qtbot.addWidget(relation)
    relation.show()
    qtbot.waitExposed(relation)
    assert relation.grab().save(str(SHOTS / "relation_picker_ar.png"))


def test_import_dialog_and_report_in_arabic(qtbot, arabic_window, tmp_path):
    win, _events, _project, _doc = arabic_window
    folder = tmp_path / "أخبار"
    folder.mkdir()
    (folder / "خبر.txt").write_text("عقد وزراء خارجية تركيا ومصر اجتماعاً في إسطنبول.\n", encoding="utf-8")
    (folder / "فارغ.txt").write_text("", encoding="utf-8")
    SHOTS.mkdir(parents=True, exist_ok=True)
    dialog = win.io.open_import_dialog(paths=[str(folder)])
    qtbot.waitExposed(dialog)
    assert dialog.grab().save(str(SHOTS / "import_dialog_ar.png"))
    dialog.close()
    report = win.io.import_paths([str(folder)])
    assert report is not None
    shown = win.io.report_dialog
    qtbot.waitExposed(shown)
    assert ARABIC.search(shown.windowTitle()) and ARABIC.search(shown.headline.text())
    assert [t for t in widget_texts(shown) if english_only(t)] == []
    assert shown.grab().save(str(SHOTS / "import_report_ar.png"))
    shown.close()


def test_every_text_is_translated_with_its_placeholders_and_accelerator():
    root = ET.parse(asset_path("translations/qalam_ar.ts")).getroot()
    placeholder = re.compile(r"%\d|\{\w+\}")
    problems = []
    for context in root.iter("context"):
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            texts = [n.text or "" for n in translation.iter("numerusform")] or [translation.text or ""]
            for text in texts:
                if translation.get("type") or not text:
                    problems.append((context.findtext("name"), source, "untranslated"))
                elif message.get("numerus") != "yes" and \
                        sorted(placeholder.findall(source)) != sorted(placeholder.findall(text)):
                    problems.append((context.findtext("name"), source, "placeholders differ"))
                elif source.count("&") != text.count("&"):
                    problems.append((context.findtext("name"), source, "accelerator lost"))
    assert problems == []


def test_the_shipped_qm_is_built_from_the_ts(tmp_path):
    lrelease = shutil.which("pyside6-lrelease")
    if lrelease is None:
        pytest.skip("pyside6-lrelease is not on PATH")
    built = tmp_path / "qalam_ar.qm"
    subprocess.run([lrelease, str(asset_path("translations/qalam_ar.ts")), "-qm", str(built)],
                   check=True, capture_output=True, timeout=60)
    assert built.read_bytes() == asset_path("translations/qalam_ar.qm").read_bytes(), \
        "run pyside6-lrelease assets/translations/qalam_ar.ts after editing the translations"
