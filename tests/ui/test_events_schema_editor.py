"""Schema editor: renames that annotations follow, removals that ask with a count, keys, JSON, preset."""

from __future__ import annotations

import json

import pytest
from events_host import MEETING, HostWindow, rng

from annotations import Project
from annotations.schema import ace2005
from ui.events.events_controller import install_events
from ui.schema.schema_editor import SchemaEditor

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


@pytest.fixture
def setup(qtbot):
    project = Project.memory()
    doc = project.add_document(MEETING)
    window = HostWindow(project)
    qtbot.addWidget(window)
    window.open_document(doc)
    controller = install_events(window)
    trigger = project.add_span(doc, *rng(MEETING, "اجتماعاً"), "Contact.Meet")
    place = project.add_span(doc, *rng(MEETING, "إسطنبول"), "GPE")
    russia = project.add_span(doc, *rng(MEETING, "روسيا"), "GPE")
    event = project.add_event(doc, "Contact.Meet", trigger, [("Place", place), ("Entity", russia)])
    editor = SchemaEditor(project, push=controller.push, parent=window)
    qtbot.addWidget(editor)
    return project, doc, window, controller, editor, event


def answer(monkeypatch, editor, texts=(), confirm=None):
    texts = list(texts)
    asked = []
    monkeypatch.setattr(editor, "ask_text", lambda *a, **k: texts.pop(0))
    monkeypatch.setattr(editor, "ask_color", lambda initial: "#123456")

    def fake_confirm(text):
        asked.append(text)
        return confirm

    monkeypatch.setattr(editor, "confirm", fake_confirm)
    return asked


def test_rename_an_entity_type_and_the_annotations_follow(setup, monkeypatch):
    project, doc, window, controller, editor, event = setup
    answer(monkeypatch, editor, ["GEO"])
    editor.select("entity", "GPE")
    editor._on_rename("entity")
    assert {s.label for s in project.spans(doc)} == {"Contact.Meet", "GEO"}
    assert project.schema.entity("GPE") is None and project.schema.entity("GEO") is not None
    # Role constraints follow too, so the existing arguments still fit.
    assert "GEO" in project.schema.event("Contact.Meet").role("Place").types
    assert project.check() == []
    assert {it.label for it in window.reader.painter.items()} == {"Contact.Meet", "GEO"}  # the reader follows
    assert "renamed GPE to GEO; 2 annotation(s) follow" in editor.message.text()
    window.undo_stack.undo()
    assert {s.label for s in project.spans(doc)} == {"Contact.Meet", "GPE"}
    assert project.schema.entity("GPE") is not None


def test_rename_an_event_type_and_a_role(setup, monkeypatch):
    project, doc, window, controller, editor, event = setup
    answer(monkeypatch, editor, ["Contact.Meeting", "Location"])
    editor.select("event", "Contact.Meet")
    editor._on_rename("event")
    ev = project.event(event)
    assert ev.type == "Contact.Meeting" and project.span(ev.trigger).label == "Contact.Meeting"
    editor.select("event", "Contact.Meeting", role="Place")
    editor._on_rename_role()
    assert project.event(event).arguments[0][0] == "Location"
    assert controller.panel.argument_items(event)[0][0] == "Location"  # the panel follows
    assert project.check() == []
    assert window.undo_stack.count() == 2


def test_removing_a_type_in_use_asks_with_the_count(setup, monkeypatch):
    project, doc, window, controller, editor, event = setup
    asked = answer(monkeypatch, editor, confirm=False)
    editor.select("entity", "GPE")
    editor._on_remove("entity")
    assert asked and "2 annotation(s) use GPE" in asked[0]
    assert len(project.spans(doc)) == 3 and project.schema.entity("GPE") is not None  # refused: unchanged
    asked = answer(monkeypatch, editor, confirm=True)
    editor._on_remove("entity")
    assert project.schema.entity("GPE") is None
    assert [s.label for s in project.spans(doc)] == ["Contact.Meet"]
    assert project.event(event).arguments == ()  # the arguments went with their spans: nothing dangles
    assert project.check() == []
    window.undo_stack.undo()
    assert len(project.event(event).arguments) == 2 and project.check() == []


def test_remove_a_role_with_its_arguments(setup, monkeypatch):
    project, doc, window, controller, editor, event = setup
    asked = answer(monkeypatch, editor, confirm=True)
    editor.select("event", "Contact.Meet", role="Place")
    editor._on_remove_role()
    assert "1 argument(s) fill role Place" in asked[0]
    assert project.schema.event("Contact.Meet").role("Place") is None
    assert [r for r, _ in project.event(event).arguments] == ["Entity"]
    window.undo_stack.undo()
    assert [r for r, _ in project.event(event).arguments] == ["Place", "Entity"]
    assert project.schema.event("Contact.Meet").role("Place") is not None


def test_role_types_that_existing_arguments_break_are_refused(setup):
    project, doc, window, controller, editor, event = setup
    before = project.schema.to_dict()
    assert not editor.set_role_types("Contact.Meet", "Place", ["LOC"])
    assert "would not fit" in editor.message.text()
    assert project.schema.to_dict() == before
    assert editor.set_role_types("Contact.Meet", "Place", ["LOC", "GPE"])
    assert project.schema.event("Contact.Meet").role("Place").types == ["LOC", "GPE"]


def test_add_recolour_and_keys_with_conflicts(setup, monkeypatch):
    project, doc, window, controller, editor, event = setup
    answer(monkeypatch, editor, ["EVENTNAME"])
    editor._on_add("entity")
    assert project.schema.entity("EVENTNAME").color == "#123456"
    assert editor.set_color("entity", "ORG", "#00ff00")
    assert project.schema.entity("ORG").color == "#00ff00"
    assert editor.tables["entity"].rowCount() == len(project.schema.entity_types)
    before = project.schema.to_dict()
    assert not editor.set_key("entity", "ORG", "P")  # PER has "p"; keys are compared without case
    assert "already used by PER" in editor.message.text()
    assert not editor.set_key("entity", "ORG", "ab")
    assert project.schema.to_dict() == before
    assert editor.set_key("event", "Contact.Meet", "m")
    assert project.schema.event("Contact.Meet").key == "m"
    assert editor.conflicts_label.text() == ""
    # A schema that arrives with a conflict (imported) shows it.
    s = project.schema.copy()
    s.entity("ORG").key = "m"
    project.set_schema(s)
    editor.reload()
    assert "key 'm' is used by" in editor.conflicts_label.text()


def test_export_import_and_preset(setup, tmp_path):
    project, doc, window, controller, editor, event = setup
    assert editor.add_type("entity", "DRUG", color="#abcdef", key="d")
    path = tmp_path / "schema.json"
    assert editor.export_schema(str(path))
    data = json.loads(path.read_text(encoding="utf-8"))
    assert any(t["name"] == "DRUG" for t in data["entity_types"])
    assert editor.apply_preset("ACE 2005")  # DRUG is not in use, so the preset is accepted
    assert project.schema == ace2005()
    assert editor.import_schema(str(path))
    assert project.schema.entity("DRUG").key == "d"
    # A file that is not a schema: refused with the file named, schema unchanged.
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    before = project.schema.to_dict()
    assert not editor.import_schema(str(bad))
    assert str(bad) in editor.message.text()
    # A schema lacking a type in use is refused with the reason.
    lacking = ace2005()
    lacking.entity_types = [t for t in lacking.entity_types if t.name != "GPE"]
    for r in (r for et in lacking.event_types for r in et.roles):
        r.types = [x for x in r.types if x != "GPE"]
    for rt in lacking.relation_types:
        rt.arg1 = [x for x in rt.arg1 if x != "GPE"] or ["PER"]
        rt.arg2 = [x for x in rt.arg2 if x != "GPE"] or ["PER"]
    lacking.save(tmp_path / "lacking.json")
    assert not editor.import_schema(str(tmp_path / "lacking.json"))
    assert "GPE" in editor.message.text()
    assert project.schema.to_dict() == before


def test_schema_editor_opens_from_the_window(setup, monkeypatch):
    project, doc, window, controller, editor, event = setup
    opened = []
    monkeypatch.setattr(SchemaEditor, "exec", lambda self: opened.append(self.tables["event"].rowCount()) or 0)
    controller.actions["schema_editor"].trigger()
    assert opened == [len(project.schema.event_types)]


def test_import_refuses_a_schema_that_drops_a_role_in_use(setup, tmp_path):
    project, doc, window, controller, editor, event = setup
    new = ace2005()
    meet = new.event("Contact.Meet")
    meet.roles = [r for r in meet.roles if r.name != "Place"]
    new.save(tmp_path / "no_place.json")
    before = project.schema.to_dict()
    assert not editor.import_schema(str(tmp_path / "no_place.json"))
    assert "Place" in editor.message.text() and "1 event argument" in editor.message.text()
    assert project.schema.to_dict() == before
