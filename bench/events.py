"""Benchmark the event overlay: reader repaint time with a selected event (chips, arcs) vs spans alone.

Run: ``QT_QPA_PLATFORM=offscreen python bench/events.py``. A 60,000-character document with 2,000 spans,
300 events of five arguments each; the viewport is repainted with no overlay (baseline), then with the
overlay installed and one event selected in each style, then with the arcs of all events shown. Prints ratios
against the baseline measured in the same run (target: ≤ 1.3×).
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtWidgets import QApplication  # noqa: E402

from annotations import Project  # noqa: E402
from ui.common.style import register_fonts  # noqa: E402
from ui.events.event_painter import ARCS, CHIPS, install_for_document  # noqa: E402
from ui.reader.reader import ReaderView  # noqa: E402
from ui.reader.span_painter import SpanItem  # noqa: E402

WORDS = ("شهدت إسطنبول اجتماعاً بين ممثلي الاتحاد الأوروبي والولايات المتحدة وروسيا بشأن صراع منطقة "
         "قره باغ في سبتمبر/أيلول 2023 وقال المتحدث ديمتري بيسكوف (Dmitry Peskov) إن دبلوماسياً روسيّاً "
         "شارك في الاجتماع المذكور بمدينة إسطنبول التركية").split()


def build(rng: random.Random, chars: int = 60_000, spans: int = 2000) -> tuple[Project, str]:
    """A document of ``chars`` characters with ``spans`` spans; every sixth span triggers an event."""
    lines = [" ".join(rng.choice(WORDS) for _ in range(rng.randint(25, 60))) for _ in range(160)]
    text = "\n".join(lines)[:chars]
    project = Project.memory()
    doc = project.add_document(text)
    starts = [i for i in range(1, len(text) - 20) if text[i - 1] == " " and text[i] != " "]
    chosen = sorted(rng.sample(starts, spans))
    specs = []
    for i, s in enumerate(chosen):
        e = text.find(" ", s)
        label = "Contact.Meet" if i % 6 == 0 else "GPE"
        specs.append(dict(start=s, end=e if e > s else s + 3, label=label))
    ids = project.add_spans(doc, specs)
    triggers = [sid for sid, sp in zip(ids, specs, strict=True) if sp["label"] == "Contact.Meet"][:300]
    gpes = [sid for sid, sp in zip(ids, specs, strict=True) if sp["label"] == "GPE"]
    for t in triggers:
        at = ids.index(t)
        near = [g for g in gpes if abs(ids.index(g) - at) < 8][:5]
        project.add_event(doc, "Contact.Meet", t, [("Entity", g) for g in near])
    return project, doc


def repaint_ms(view: ReaderView, app: QApplication, rounds: int = 30) -> float:
    for _ in range(5):  # warm-up: glyph caches, first chip shaping
        view.viewport().repaint()
        app.processEvents()
    times = []
    for _ in range(rounds):
        t0 = time.perf_counter()
        view.viewport().repaint()
        app.processEvents()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def show(project: Project, doc: str, app: QApplication) -> ReaderView:
    schema = project.schema
    view = ReaderView()
    view.resize(900, 700)
    view.set_document(project.document(doc).text, spans=[
        SpanItem(s.id, s.start, s.end, s.label, schema.color_of(s.label),
                 "trigger" if schema.event(s.label) else "entity") for s in project.spans(doc)])
    view.show()
    app.processEvents()
    return view


def all_arcs(view: ReaderView, app: QApplication, project: Project, doc: str, base: float, what: str) -> None:
    """Every event's arcs at once (the "show all arcs" toggle): the first paint lays all of them out."""
    overlay = install_for_document(view.painter, project, doc, mode=ARCS, show_all=True)
    t0 = time.perf_counter()
    view.viewport().repaint()
    app.processEvents()
    first = (time.perf_counter() - t0) * 1000
    ms = repaint_ms(view, app)
    print(f"{what}: arcs of all {len(project.events(doc))} events shown ({len(overlay.shapes())} arc pieces): "
          f"first paint {first:.0f} ms (lays out the whole document), then {ms:.2f} ms = {ms / base:.2f}x "
          f"its baseline")
    overlay.uninstall()


def main() -> None:
    app = QApplication.instance() or QApplication([])
    register_fonts()
    # a seed-sized article first: about 3,000 characters and 80 spans
    seed, seed_doc = build(random.Random(3), chars=3000, spans=80)
    seed_view = show(seed, seed_doc, app)
    seed_base = repaint_ms(seed_view, app)
    print(f"seed-sized article (3,000 characters, 80 spans, no overlay): {seed_base:.2f} ms")
    all_arcs(seed_view, app, seed, seed_doc, seed_base, "seed-sized article")
    seed_view.close()
    project, doc = build(random.Random(5))
    view = show(project, doc, app)
    middle = project.events(doc)[150]
    view.scroll_to(middle.start, middle.end)
    app.processEvents()
    base = repaint_ms(view, app)
    print(f"baseline repaint (2,000 spans, no overlay): {base:.2f} ms")
    for mode in (CHIPS, ARCS):
        overlay = install_for_document(view.painter, project, doc, selected=middle.id, mode=mode)
        ms = repaint_ms(view, app)
        print(f"{mode:5} overlay, event with {len(middle.arguments)} arguments selected: {ms:.2f} ms "
              f"= {ms / base:.2f}x baseline (target <= 1.3x)")
        overlay.uninstall()
    all_arcs(view, app, project, doc, base, "60,000 characters")

if __name__ == "__main__":
    main()
