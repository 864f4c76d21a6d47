"""Benchmark the reader: open time with 2,000 spans vs none, and add-span time at 2,000 vs 10 spans.

Run: ``QT_QPA_PLATFORM=offscreen python bench/reader.py``. Prints ratios against baselines measured in
the same run (targets: open ≤ 2×, add-span ≤ 1.5×, one add under 16 ms).
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

from ui.common.style import register_fonts  # noqa: E402
from ui.reader.reader import ReaderView  # noqa: E402
from ui.reader.span_painter import SpanItem  # noqa: E402

WORDS = ("شهدت إسطنبول اجتماعاً بين ممثلي الاتحاد الأوروبي والولايات المتحدة وروسيا بشأن صراع منطقة "
         "قره باغ في سبتمبر/أيلول 2023 وقال المتحدث ديمتري بيسكوف (Dmitry Peskov) إن دبلوماسياً روسيّاً "
         "شارك في الاجتماع المذكور بمدينة إسطنبول التركية").split()


def make_text(n_chars: int, rng: random.Random) -> str:
    lines, size = [], 0
    while size < n_chars:
        line = " ".join(rng.choice(WORDS) for _ in range(rng.randint(25, 60)))
        lines.append(line)
        size += len(line) + 1
    return "\n".join(lines)[:n_chars]


def make_spans(text: str, n: int, rng: random.Random) -> list[SpanItem]:
    starts = [i for i in range(1, len(text)) if text[i - 1] == " " and text[i] != " "]
    spans = []
    for k, start in enumerate(sorted(rng.sample(starts, n))):
        end = text.find(" ", start)
        end = len(text) if end < 0 else end
        if k % 7 == 0:  # some spans cover two words, so nesting and overlap occur
            nxt = text.find(" ", end + 1)
            end = nxt if nxt > 0 else len(text)
        spans.append(SpanItem(f"d:T{k}", start, end, ("PER", "GPE", "ORG")[k % 3], "#a5d6a7"))
    return spans


def time_open(view: ReaderView, text: str, spans: list[SpanItem]) -> float:
    app = QApplication.instance()
    t0 = time.perf_counter()
    view.set_document(text, "عنوان", {"published": "2023-09-17"}, spans)
    view.viewport().repaint()
    app.processEvents()
    return time.perf_counter() - t0


def time_add(view: ReaderView, text: str, rng: random.Random, repeats: int = 30) -> float:
    """Median time to add one span and repaint, for spans in the visible area."""
    times = []
    visible_end = min(len(text), 3000)
    for k in range(repeats):
        start = rng.randrange(0, visible_end - 20)
        item = SpanItem(f"d:N{k}", start, start + 6, "LOC", "#ffab91")
        t0 = time.perf_counter()
        view.add_span(item)
        view.viewport().repaint()
        times.append(time.perf_counter() - t0)
        view.remove_span(item.id)
    return statistics.median(times)


def main() -> int:
    app = QApplication.instance() or QApplication([])
    register_fonts()
    rng = random.Random(7)
    text = make_text(100_000, rng)
    spans = make_spans(text, 2000, rng)
    view = ReaderView()
    view.resize(1000, 800)
    view.show()
    app.processEvents()
    time_open(view, text, [])  # warm-up (font caches)
    bare_runs, full_runs = [], []
    for _ in range(5):  # interleaved, so load from other processes hits both alike
        bare_runs.append(time_open(view, text, []))
        full_runs.append(time_open(view, text, spans))
    bare, full = min(bare_runs), min(full_runs)
    print(f"open 100k chars, no spans:      {bare * 1000:8.1f} ms")
    print(f"open 100k chars, 2000 spans:    {full * 1000:8.1f} ms   ratio {full / bare:.2f}x (target <= 2)")
    view.set_document(text, None, None, spans[:10])
    app.processEvents()
    few = time_add(view, text, rng)
    view.set_document(text, None, None, spans)
    app.processEvents()
    many = time_add(view, text, rng)
    print(f"add span at 10 spans:           {few * 1000:8.2f} ms")
    print(f"add span at 2000 spans:         {many * 1000:8.2f} ms   ratio {many / few:.2f}x (target <= 1.5)"
          f"  {'under' if many < 0.016 else 'OVER'} 16 ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
