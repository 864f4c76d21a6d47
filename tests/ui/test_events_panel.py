"""Events panel and pickers: the tree, removing arguments, changing roles, attributes, type filtering."""

from __future__ import annotations

import pytest
from events_host import MEETING, HostWindow, rng
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from annotations import Project
from annotations.schema import ace2005
from ui.events.event_picker import EventTypePicker
from ui.events.events_controller import install_events
from ui.events.relation_tools import RelationPicker
from ui.events.role_picker import RolePicker

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
    eu = project.add_span(doc, *rng(MEETING, "الاتحاد الأوروبي"), "ORG")
    russia = project.add_span(doc, *rng(MEETING, "روسيا"), "GPE")
    event = project.add_event(doc, "Contact.Meet", trigger, [("Place", place), ("Entity", eu), ("Entity", russia)])
    return project, doc, window, controller, event, {"place": place, "eu": eu, "russia": russia}


def _item(panel, kind, ident, role=None, target=None):
    for i in range(panel.tree.topLevelItemCount()):
        top = panel.tree.topLevelItem(i)
        for item in [top] + [top.child(j) for j in range(top.childCount())]:
            if panel._key(item) == (kind, ident, role, target):
                return item
    raise AssertionError(f"no row {(kind, ident, role, target)}")


def test_tree_lists_event_then_role_then_argument(setup):
    project, doc, window, controller, event, ids = setup
    panel = controller.panel
    assert panel.tree.topLevelItemCount() == 1
    top = panel.tree.topLevelItem(0)
    assert "Contact.Meet" in top.text(0) and "اجتماعاً" in top.text(0)
    assert [top.child(j).text(0) for j in range(top.childCount())] == [
        "Place → «\u2068إسطنبول\u2069» (GPE)", "Entity → «\u2068الاتحاد الأوروبي\u2069» (ORG)",
        "Entity → «\u2068روسيا\u2069» (GPE)"]  # Arabic isolated (FSI…PDI) inside the LTR rows
    assert controller.dock is not None and controller.dock.widget() is panel


def test_clicking_a_trigger_or_a_row_selects_the_event(setup):
    project, doc, window, controller, event, ids = setup
    panel = controller.panel
    trigger = project.event(event).trigger
    window.reader.select_span(trigger)
    window.reader.span_selected.emit(trigger)
    assert controller.current_event == event
    assert panel.current_key() == ("event", event, None, None)
    assert len(controller.painter.links()) == 3
    controller.select_event(None)
    assert controller.painter.links() == []
    panel.tree.setCurrentItem(_item(panel, "argument", event, "Place", ids["place"]))
    assert controller.current_event == event


def test_remove_an_argument_from_the_panel_with_the_delete_key(setup, qtbot):
    project, doc, window, controller, event, ids = setup
    panel = controller.panel
    panel.tree.setCurrentItem(_item(panel, "argument", event, "Entity", ids["eu"]))
    qtbot.keyClick(panel.tree, Qt.Key.Key_Delete)
    assert project.event(event).arguments == (("Place", ids["place"]), ("Entity", ids["russia"]))
    assert project.span(ids["eu"]).label == "ORG"  # the span itself stays
    assert [r for r, _ in panel.argument_items(event)] == ["Place", "Entity"]
    window.undo_stack.undo()
    assert len(project.event(event).arguments) == 3


def test_change_a_role_and_a_refused_change(setup, monkeypatch):
    project, doc, window, controller, event, ids = setup
    panel = controller.panel
    results = []

    def pick(role):
        def fake_exec(self):
            rows = [self.role_list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.role_list.count())]
            assert self.chosen_role() == "Entity"  # opens on the current role
            assert self.label_combo.isHidden()  # an existing argument: no new-span type
            self.role_list.setCurrentRow(rows.index(role))
            self.accept()
            results.append((self.result(), self.message.text()))
            return self.result()
        return fake_exec

    panel.tree.setCurrentItem(_item(panel, "argument", event, "Entity", ids["eu"]))
    monkeypatch.setattr(RolePicker, "exec", pick("Place"))
    panel.role_button.click()
    assert results[-1][0] != QDialog.DialogCode.Accepted and "ORG" in results[-1][1]
    assert project.event(event).arguments[1] == ("Entity", ids["eu"])
    panel.tree.setCurrentItem(_item(panel, "argument", event, "Entity", ids["russia"]))
    monkeypatch.setattr(RolePicker, "exec", pick("Place"))
    panel.role_button.click()
    assert results[-1][0] == QDialog.DialogCode.Accepted
    assert project.event(event).arguments[2] == ("Place", ids["russia"])  # same position, new role


def test_edit_event_attributes(setup):
    project, doc, window, controller, event, ids = setup
    panel = controller.panel
    panel.tree.setCurrentItem(_item(panel, "event", event))
    assert set(panel.attribute_boxes) == {"Polarity", "Tense", "Genericity", "Modality"}
    for name, value in (("Polarity", "Negative"), ("Tense", "Past")):
        box = panel.attribute_boxes[name]
        box.setCurrentText(value)
        box.activated.emit(box.currentIndex())
    assert dict(project.event(event).attributes) == {"Polarity": "Negative", "Tense": "Past"}
    assert panel.attribute_boxes["Polarity"].currentText() == "Negative"  # reloaded from the project
    box = panel.attribute_boxes["Polarity"]
    box.setCurrentIndex(0)  # unset
    box.activated.emit(0)
    assert dict(project.event(event).attributes) == {"Tense": "Past"}
    window.undo_stack.undo()
    assert dict(project.event(event).attributes) == {"Polarity": "Negative", "Tense": "Past"}


def test_remove_an_event_from_the_panel_takes_its_trigger(setup):
    project, doc, window, controller, event, ids = setup
    panel = controller.panel
    trigger = project.event(event).trigger
    panel.tree.setCurrentItem(_item(panel, "event", event))
    panel.remove_button.click()
    assert project.events(doc) == []
    assert trigger not in {s.id for s in project.spans(doc)}
    assert len(project.spans(doc)) == 3 and project.check() == []
    window.undo_stack.undo()
    assert project.event(event).trigger == trigger


def test_event_type_picker_filters_and_keyboard(qtbot):
    picker = EventTypePicker(ace2005(), trigger_text="اجتماعاً")
    qtbot.addWidget(picker)
    assert len(picker.visible_types()) == len(ace2005().event_types)
    qtbot.keyClicks(picker.filter_edit, "justice")
    visible = picker.visible_types()
    assert visible and all(v.startswith("Justice.") for v in visible)
    assert picker.chosen() == visible[0]
    qtbot.keyClick(picker.filter_edit, Qt.Key.Key_Down)
    assert picker.chosen() == visible[1]
    picker.filter_edit.setText("no such type")
    assert picker.chosen() is None and not picker.ok_button.isEnabled()
    picker.filter_edit.setText("contact meet")
    assert picker.visible_types() == ["Contact.Meet"]
    qtbot.keyClick(picker.filter_edit, Qt.Key.Key_Return)
    assert picker.result() == QDialog.DialogCode.Accepted and picker.chosen() == "Contact.Meet"


def test_role_picker_offers_the_event_types_roles_and_types_for_new_spans(qtbot):
    calls = []
    picker = RolePicker(ace2005(), "Contact.Meet", lambda role, label: calls.append((role, label)),
                        target_text="إسطنبول")
    qtbot.addWidget(picker)
    roles = [picker.role_list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(picker.role_list.count())]
    assert roles == [r.name for r in ace2005().event("Contact.Meet").roles]
    picker.role_list.setCurrentRow(roles.index("Place"))
    assert [picker.label_combo.itemText(i) for i in range(picker.label_combo.count())] == ["GPE", "LOC", "FAC"]
    picker.role_list.setCurrentRow(roles.index("Time-Within"))
    assert [picker.label_combo.itemText(i) for i in range(picker.label_combo.count())] == ["TIME"]
    picker.accept()
    assert calls == [("Time-Within", "TIME")] and picker.result() == QDialog.DialogCode.Accepted


def test_relation_picker_lists_fitting_types_first_and_swaps(qtbot):
    picker = RelationPicker(ace2005(), ("لويس", "PER"), ("إسطنبول", "GPE"), lambda t, s: None)
    qtbot.addWidget(picker)
    fitting = picker.fitting_types()
    assert "PHYS.Located" in fitting and "PER-SOC.Family" not in fitting
    first_rows = [picker.type_list.item(i).text() for i in range(len(fitting))]
    assert set(first_rows) == set(fitting)
    picker.swap_box.setChecked(True)
    assert "PHYS.Located" not in picker.fitting_types()  # GPE -> PER does not fit
    assert picker.direction.text() == "«\u2068إسطنبول\u2069» (GPE)  →  «\u2068لويس\u2069» (PER)"


def test_removing_the_shown_document_clears_events_without_errors(setup):
    project, doc, window, controller, event, ids = setup
    project.remove_document(doc)
    window.reader.viewport().repaint()
    assert controller.panel.tree.topLevelItemCount() == 0
    assert controller.painter.events() == []
    project.revert(project.last_change)
    controller.refresh()
    assert controller.panel.tree.topLevelItemCount() == 1
