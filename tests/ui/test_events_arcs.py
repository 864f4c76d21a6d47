"""Compact argument arcs (issue 13, point 5): modest line spacing, labels free of overlaps, all arcs shown.

The sample article (../shared/samples/scraped_news_ar.txt) gets four events, one of them in the headline and
one whose argument is on the line before its trigger; every label rectangle the reader paints (role labels
on the arcs and the spans' label chips, triggers' included) is collected while the whole document is
painted, and no role label may meet another label or a chip.
"""

from __future__ import annotations

import os

import pytest
from PySide6.QtCore import QRectF

from annotations import Project
from annotations.ingest import import_paths
from ui.events.arc_layout import free_centre
from ui.events.event_painter import EventPainter
from ui.reader.span_painter import SpanPainter
from ui.window.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")

P1 = "شهدت إسطنبول"  # the first paragraph of the body
P2 = "حيث قال المتحدث"  # the second
#: (event type, (trigger, paragraph it is looked for from), [(role, argument, label), ...]); arguments are
#: looked for from the trigger's paragraph
EVENTS = [
    ("Contact.Meet", ("محادثات", None), [("Entity", "روسيا", "GPE"), ("Entity", "أمريكا", "GPE"),
                                        ("Entity", "أوروبا", "GPE"), ("Place", "إسطنبول", "GPE")]),
    ("Contact.Meet", ("اجتماعاً", P1), [("Place", "إسطنبول", "GPE"), ("Entity", "الاتحاد الأوروبي", "ORG"),
                                       ("Entity", "الولايات المتحدة", "GPE"), ("Entity", "روسيا", "GPE"),
                                       ("Time-Within", "سبتمبر/أيلول 2023", "TIME")]),
    ("Conflict.Attack", ("الاشتباكات", P1), [("Place", "الإقليم", "GPE")]),
    ("Contact.Meet", ("الاجتماع", P2), [("Entity", "دبلوماسياً", "PER"), ("Place", "إسطنبول", "GPE")]),
]


@pytest.fixture
def sample(qtbot, tmp_path, shared_dir):
    project = Project.open(tmp_path / "proj", create=True)
    assert import_paths(project, [shared_dir / "samples" / "scraped_news_ar.txt"]).ok
    (info,) = project.documents()
    doc = info.id
    text = project.document(doc).text

    def span(word, label, after):
        i = text.index(word, text.index(after) if after else 0)
        return project.add_span(doc, i, i + len(word), label)

    for event_type, (trigger, where), args in EVENTS:
        t = span(trigger, event_type, where)
        project.add_event(doc, event_type, t, [(role, span(word, label, where)) for role, word, label in args])
    win = MainWindow(project)
    qtbot.addWidget(win)
    win.resize(1300, 900)
    win.show()
    qtbot.waitExposed(win)
    win.open_document(doc)
    events = win.events
    events.refresh()
    yield win, project, doc, events
    win.close()
    project.close()


def _pitch(win) -> float:
    """Distance between two lines of one wrapped paragraph of the body."""
    rdoc = win.reader.rdoc
    for number in rdoc.body_blocks():
        layout = rdoc.qdoc.findBlockByNumber(number).layout()
        if layout.lineCount() > 2:
            return layout.lineAt(2).y() - layout.lineAt(1).y()
    raise AssertionError("no wrapped paragraph")


def _painted_labels(win, monkeypatch) -> tuple[list[tuple[str, QRectF]], list[tuple[str, QRectF]]]:
    """Every role label and every span chip the reader paints, scrolling through the whole document."""
    labels: dict[tuple, tuple[str, QRectF]] = {}
    chips: dict[tuple, tuple[str, QRectF]] = {}
    paint_label, paint_chip = EventPainter._paint_label, SpanPainter._paint_chip

    def record_label(self, p, sp, rect, text, color):
        labels[(text, *rect.getRect())] = (text, QRectF(rect))
        return paint_label(self, p, sp, rect, text, color)

    def record_chip(self, p, sid):
        rect = self.chip_rect(sid)
        if rect is not None:
            chips[(sid, *rect.getRect())] = (self.item(sid).label, QRectF(rect))
        return paint_chip(self, p, sid)

    monkeypatch.setattr(EventPainter, "_paint_label", record_label)
    monkeypatch.setattr(SpanPainter, "_paint_chip", record_chip)
    bar = win.reader.verticalScrollBar()
    value = 0
    while True:
        bar.setValue(value)
        win.reader.viewport().grab()
        if value >= bar.maximum():
            break
        value = min(bar.maximum(), value + max(1, win.reader.viewport().height() // 2))
    bar.setValue(0)
    return list(labels.values()), list(chips.values())


def test_all_arcs_of_the_sample_are_compact_and_their_labels_overlap_nothing(sample, monkeypatch):
    win, project, doc, events = sample
    normal = _pitch(win)
    events.actions["show_all_arcs"].setChecked(True)  # turns arcs on too
    assert events.painter.mode == "arcs"
    ratio = _pitch(win) / normal
    print(f"line spacing with arcs: {ratio:.2f}x the normal line height")
    assert ratio <= 1.4, f"arcs widen the line spacing {ratio:.2f}x (target <= 1.4x)"

    shapes = events.painter.shapes()
    links = {link for link in events.painter.links()}
    assert len(links) == sum(len(args) for _, _, args in EVENTS) == 12
    assert {s.link for s in shapes} == links  # every argument of every event has its arc
    labels, chips = _painted_labels(win, monkeypatch)
    # what was painted is what was laid out: one label per arc piece (a link across lines has two)
    assert sorted((t, r.getRect()) for t, r in labels) == sorted((s.link.label, s.label_rect.getRect())
                                                                 for s in shapes)
    assert {"Contact.Meet", "Conflict.Attack"} <= {text for text, _ in chips}  # trigger chips were painted
    for i, (text, rect) in enumerate(labels):
        for other, other_rect in labels[i + 1:]:
            assert not rect.intersects(other_rect), f"label {text} {rect} overlaps label {other} {other_rect}"
        for chip, chip_rect in chips:
            assert not rect.intersects(chip_rect), f"label {text} {rect} overlaps chip {chip} {chip_rect}"
    width = win.reader.rdoc.qdoc.textWidth()
    for s in shapes:  # a label shifted out of the way still sits on its own arc, inside the page
        assert s.path.intersects(s.label_rect), f"label {s.link.label} left its arc"
        assert 0 <= s.label_rect.left() and s.label_rect.right() <= width, f"label {s.link.label} off the page"
    # compact: every label stays in the room above its own line, below the line above it
    sp = win.reader.painter
    for s in shapes:
        box = next(r for r in sp.rects(s.link.target if s.half == 2 else s.link.source)
                   if r.rect.top() >= s.label_rect.bottom())
        assert box.rect.top() - s.label_rect.top() <= win.reader.rdoc.gap + sp.chip_height + 4
    events.actions["show_arcs"].setChecked(False)  # arcs off: the normal spacing is back
    assert _pitch(win) == normal


def test_crowded_short_arguments_get_labels_stacked_or_shifted(qtbot):
    """Arguments narrower than their role labels, side by side next to the trigger: labels must move."""
    from events_host import HostWindow, rng

    from ui.events.events_controller import install_events

    text = "He met A B C D E F G H in Rome on 2 May and left."
    project = Project.memory()
    doc = project.add_document(text, title="crowded")
    window = HostWindow(project)
    qtbot.addWidget(window)
    window.resize(700, 300)
    window.open_document(doc)
    controller = install_events(window)
    window.show()
    qtbot.waitExposed(window)
    trigger = project.add_span(doc, *rng(text, "met"), "Contact.Meet")
    args = [("Entity", project.add_span(doc, *rng(text, f" {c} "), "PER")) for c in "ABCDEFGH"]
    args.append(("Place", project.add_span(doc, *rng(text, "Rome"), "GPE")))
    event = project.add_event(doc, "Contact.Meet", trigger, args)
    controller.select_event(event)
    controller.set_arcs(True)
    sp = window.reader.painter
    shapes = controller.painter.shapes()
    assert len(shapes) == 9
    chips = [c for c in (sp.chip_rect(it.id) for it in sp.items()) if c is not None]
    rects = [s.label_rect for s in shapes]
    for i, a in enumerate(rects):
        assert all(not a.intersects(b) for b in rects[i + 1:])
        assert all(not a.intersects(c) for c in chips)
    assert len({round(r.top()) for r in rects}) > 1  # some had to be raised
    for s in shapes:
        assert s.path.intersects(s.label_rect)
    if os.environ.get("EVENTS_SHOTS"):
        window.reader.viewport().grab().save(os.path.join(os.environ["EVENTS_SHOTS"], "event_crowded_arcs.png"))


def test_free_centre_takes_the_nearest_free_place():
    # obstacles as (left, top, right, bottom); a 20-wide label between y 0 and 10
    wall = [(40.0, 0.0, 60.0, 10.0)]
    assert free_centre([], 0, 10, 0, 100, 20, 50) == 50
    # blocked around the preference: the nearest side where the label clears the wall
    centre = free_centre(wall, 0, 10, 0, 100, 20, 52)
    assert centre == pytest.approx(60 + 10)
    assert free_centre(wall, 0, 10, 0, 100, 20, 48) == pytest.approx(40 - 10)
    assert free_centre(wall, 0, 10, 35, 100, 20, 48) == pytest.approx(70)  # the left side is out of range
    assert free_centre(wall, 20, 30, 0, 100, 20, 50) == 50  # the wall is lower down: no conflict
    assert free_centre([(0.0, 0.0, 100.0, 10.0)], 0, 10, 0, 100, 20, 50) is None
