"""Benchmark the GUI import and export against the bare core calls they wrap, measured in the same run.

Run: ``QT_QPA_PLATFORM=offscreen python bench/io_gui.py [N...]`` (default 1000 and 5000 articles). For each
size: ``annotations.ingest.import_paths`` on a fresh project (baseline), then the same files through
``IOController.import_paths`` in a shown main window (progress dialog, window updates, report dialog);
then a CoNLL export of those documents by ``annotations.formats.export`` and by ``IOController.export``.
Prints the cost per article and the GUI/core ratio (target: ≤ 1.5× at every size, no growth with size).
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QCoreApplication, QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from annotations import Project  # noqa: E402
from annotations.formats import export  # noqa: E402
from annotations.ingest import import_paths  # noqa: E402
from ui.common.style import register_fonts  # noqa: E402
from ui.io.io_controller import install_io  # noqa: E402
from ui.window.main_window import MainWindow  # noqa: E402

CITIES = ("إسطنبول", "القاهرة", "بيروت", "دمشق", "بغداد", "الرباط", "تونس", "الدوحة")


def write_articles(folder: Path, n: int) -> None:
    folder.mkdir()
    for k in range(n):
        city = CITIES[k % len(CITIES)]
        text = (f"شهدت {city} اجتماعاً رقم {k} بين ممثلي الاتحاد الأوروبي والولايات المتحدة وروسيا.\n"
                f"وقال المتحدث إن المحادثات جرت بالفعل في {city} يوم الأربعاء.")
        # A third in the legacy code page, as in real archives.
        data = text.encode("cp1256") if k % 3 == 0 else text.encode("utf-8")
        (folder / f"{k:06d}.txt").write_bytes(data)


def mark_done(project: Project) -> None:
    for info in project.documents():
        project.set_status(info.id, "done")


def run(n: int, tmp: Path) -> None:
    src = tmp / f"src-{n}"
    write_articles(src, n)

    core_project = Project.open(tmp / f"core-{n}", create=True)
    t0 = time.perf_counter()
    core_report = import_paths(core_project, [src])
    core_import = time.perf_counter() - t0

    gui_project = Project.open(tmp / f"gui-{n}", create=True)
    window = MainWindow(gui_project)
    window.show()
    controller = install_io(window)
    t0 = time.perf_counter()
    gui_report = controller.import_paths([src])
    gui_import = time.perf_counter() - t0
    assert gui_report is not None and len(gui_report.imported) == len(core_report.imported) == n
    window.close()
    gui_project.close()

    # Both exports read the same project (marked done without a window, which would mirror each change).
    mark_done(core_project)
    t0 = time.perf_counter()
    export(core_project, "conll", tmp / f"core-{n}.conll", {"status": "done"})
    core_export = time.perf_counter() - t0
    window = MainWindow(core_project)
    window.show()
    controller = install_io(window)
    t0 = time.perf_counter()
    exported = controller.export("conll", tmp / f"gui-{n}.conll", {"status": "done"})
    gui_export = time.perf_counter() - t0
    assert exported is not None and exported.documents == n
    window.close()
    core_project.close()

    ms = 1000 / n
    print(f"{n:>6} articles  import: core {core_import * ms:.3f} ms/article, GUI {gui_import * ms:.3f} "
          f"ms/article, ratio {gui_import / core_import:.2f}x")
    print(f"{'':>6}           export: core {core_export * ms:.3f} ms/doc,     GUI {gui_export * ms:.3f} "
          f"ms/doc,     ratio {gui_export / core_export:.2f}x")


def main() -> None:
    sizes = [int(a) for a in sys.argv[1:]] or [1000, 5000]
    app = QApplication.instance() or QApplication([])
    register_fonts()
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        QCoreApplication.setOrganizationName("qalam-bench")
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp / "settings"))
        for n in sizes:
            run(n, tmp)
    del app


if __name__ == "__main__":
    main()
