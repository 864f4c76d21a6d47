"""Event painter geometry in right-to-left and left-to-right paragraphs, across line breaks; screenshots.

Set ``EVENTS_SHOTS=/some/dir`` to keep the screenshots (arcs and chips styles) for review.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from events_host import MEETING, HostWindow, rng

from annotations import Project
from ui.events.event_painter import ARCS, CHIPS
from ui.events.events_controller import install_events

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")

ENGLISH = ("Istanbul hosted a meeting between representatives of the European Union, the United States "
           "and Russia about the Karabakh conflict in September 2023")


def _build(qtbot, text, args, trigger_word, width=560, height=330):
    project = Project.memory()
    doc = project.add_document(text, title="اجتماع إسطنبول" if text is MEETING else "Istanbul meeting")
    window = HostWindow(project)
    qtbot.addWidget(window)
    window.resize(width, height)
    window.open_document(doc)
    controller = install_events(window)
    if controller.dock is not None:
        controller.dock.hide()  # the screenshot is about the reader
    window.show()
    trigger = project.add_span(doc, *rng(text, trigger_word), "Contact.Meet")
    arguments = []
    for part, role, label in args:
        arguments.append((role, project.add_span(doc, *rng(text, part), label)))
    event = project.add_event(doc, "Contact.Meet", trigger, arguments)
    controller.select_event(event)
    window.reader.verticalScrollBar().setValue(0)
    qtbot.waitExposed(window)
    return project, window, controller, event


AR_ARGS = [("إسطنبول", "Place", "GPE"), ("الاتحاد الأوروبي", "Entity", "ORG"),
           ("الولايات المتحدة", "Entity", "GPE"), ("روسيا", "Entity", "GPE"),
           ("سبتمبر/أيلول 2023", "Time-Within", "TIME")]
EN_ARGS = [("Istanbul", "Place", "GPE"), ("European Union", "Entity", "ORG"), ("Russia", "Entity", "GPE"),
           ("September 2023", "Time-Within", "TIME")]


def _line_of(sp, span_id):
    return {(r.block, r.line) for r in sp.rects(span_id)}


def _shots(window, name):
    image = window.reader.viewport().grab()
    out = os.environ.get("EVENTS_SHOTS")
    if out:
        Path(out).mkdir(parents=True, exist_ok=True)
        image.save(str(Path(out) / name))
    return image.toImage()


def test_rtl_arcs_leave_towards_the_left_and_enter_from_the_right(qtbot):
    project, window, controller, event = _build(qtbot, MEETING, AR_ARGS, "اجتماعاً", height=600)
    sp = window.reader.painter
    painter = controller.painter
    controller.set_arcs(True)
    assert painter.mode == ARCS
    ev = project.event(event)
    trigger_lines = _line_of(sp, ev.trigger)
    time_span = ev.arguments[-1][1]
    assert _line_of(sp, time_span) != trigger_lines, "the test needs an argument on another line"
    shapes = painter.shapes()
    time_shapes = [s for s in shapes if s.link.target == time_span]
    assert sorted(s.half for s in time_shapes) == [1, 2]
    first = next(s for s in time_shapes if s.half == 1)
    second = next(s for s in time_shapes if s.half == 2)
    trig_box = sp.rects(ev.trigger)[0].rect
    # Half 1 starts on the trigger and runs to the LEFT edge: an RTL line continues on the left.
    assert trig_box.left() <= first.tail.x() <= trig_box.right() and first.tail.y() <= trig_box.top() + 1
    assert first.head.x() < trig_box.left()
    assert first.head.x() <= min(r.rect.left() for s in sp.items() for r in sp.rects(s.id)) + 1
    # Half 2 comes in from the RIGHT edge (where an RTL line starts) and ends on the argument's top.
    assert second.tail.x() >= max(r.rect.right() for s in sp.items() for r in sp.rects(s.id)) - 1
    assert any(second.head.x() == pytest.approx(r.rect.center().x())
               and second.head.y() == pytest.approx(r.rect.top() + 1) for r in sp.rects(time_span))
    # Arguments on the trigger's line get one arc each, from the trigger's top to the argument's top.
    same = [s for s in shapes if s.half == 0]
    assert {s.link.target for s in same} == {t for _, t in ev.arguments if _line_of(sp, t) & trigger_lines}
    for s in same:
        assert s.tail == first.tail  # all links leave the trigger (its chip) from one point
    # Labels on one line do not overlap each other.
    labels = [s.label_rect for s in shapes]
    for i, a in enumerate(labels):
        for b in labels[i + 1:]:
            assert not a.intersects(b)
    _shots(window, "event_rtl_arcs.png")


def test_ltr_paragraph_mirrors_the_half_arcs(qtbot):
    project, window, controller, event = _build(qtbot, ENGLISH, EN_ARGS, "meeting", width=520, height=600)
    sp = window.reader.painter
    controller.set_arcs(True)
    ev = project.event(event)
    time_span = ev.arguments[-1][1]
    assert _line_of(sp, time_span) != _line_of(sp, ev.trigger)
    halves = {s.half: s for s in controller.painter.shapes() if s.link.target == time_span}
    trig_box = sp.rects(ev.trigger)[0].rect
    assert halves[1].head.x() > trig_box.right()  # an LTR line continues on the right
    assert halves[2].tail.x() < sp.rects(time_span)[0].rect.left()  # and starts on the left
    _shots(window, "event_ltr_arcs.png")


def test_role_chips_hang_under_each_argument(qtbot):
    project, window, controller, event = _build(qtbot, MEETING, AR_ARGS, "اجتماعاً")
    sp = window.reader.painter
    painter = controller.painter
    assert painter.mode == CHIPS  # the default: reads best (see the report)
    ev = project.event(event)
    chips = {lk.target: painter.argument_chip(sp, lk) for lk in painter.links()}
    assert len(chips) == 5
    for target, chip in chips.items():
        first_line = min((r.block, r.line) for r in sp.rects(target))
        boxes = [r.rect for r in sp.rects(target) if (r.block, r.line) == first_line]
        # Under the box holding the argument's start: for Arabic text the rightmost box of its first line.
        start_box = max(boxes, key=lambda b: b.right())
        assert chip.top() >= start_box.bottom()
        assert abs(chip.center().x() - start_box.center().x()) < 1
    selected = _shots(window, "event_rtl_chips.png")
    controller.select_event(None)
    assert painter.links() == []
    plain = window.reader.viewport().grab().toImage()
    assert plain != selected  # the arguments were really drawn
    assert {t for _, t in ev.arguments} == set(chips)


def test_triggers_look_different_from_entities(qtbot):
    project, window, controller, event = _build(qtbot, MEETING, AR_ARGS[:1], "اجتماعاً")
    controller.select_event(None)
    sp = window.reader.painter
    ev = project.event(event)
    assert sp.item(ev.trigger).kind == "trigger"
    # A main window that hands triggers over as plain entities still gets them framed by the overlay.
    from dataclasses import replace

    sp.update(replace(sp.item(ev.trigger), kind="entity"))
    window.reader.viewport().update()
    framed = window.reader.viewport().grab().toImage()
    controller.painter.trigger_labels = set()
    window.reader.viewport().update()
    unframed = window.reader.viewport().grab().toImage()
    controller.painter.trigger_labels = {"Contact.Meet"}
    assert framed != unframed


def test_headless_paint_path_draws_events_like_the_reader(qtbot):
    """``span_painter.paint_document`` (what render uses) shows the overlay installed on its painter."""
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QImage, QPainter

    from ui.events.event_painter import install_for_document
    from ui.reader.span_painter import SpanItem, SpanPainter, paint_document
    from ui.reader.textdoc import ReaderDocument

    project = Project.memory()
    doc = project.add_document(MEETING)
    trigger = project.add_span(doc, *rng(MEETING, "اجتماعاً"), "Contact.Meet")
    place = project.add_span(doc, *rng(MEETING, "إسطنبول"), "GPE")
    project.add_event(doc, "Contact.Meet", trigger, [("Place", place)])
    rdoc = ReaderDocument(MEETING)
    rdoc.set_width(420)
    sp = SpanPainter(rdoc)
    schema = project.schema
    sp.set_spans([SpanItem(s.id, s.start, s.end, s.label, schema.color_of(s.label)) for s in project.spans(doc)])
    size = rdoc.qdoc.size().toSize()

    def render():
        image = QImage(size, QImage.Format.Format_ARGB32)
        p = QPainter(image)
        paint_document(p, rdoc, sp, QRectF(0, 0, size.width(), size.height()))
        p.end()
        return image

    plain = render()
    overlay = install_for_document(sp, project, doc, show_all=True)
    assert [(lk.label, lk.target) for lk in overlay.links()] == [("Place", place)]
    with_events = render()
    assert with_events != plain
    overlay.uninstall()
    assert render() == plain
