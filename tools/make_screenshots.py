#!/usr/bin/env python3
"""Make the user guide's screenshots (docs/images/*.png) from the real app, offscreen.

    QT_QPA_PLATFORM=offscreen python tools/make_screenshots.py [--out docs/images]

Each picture is the real window or dialog, built on a throw-away project holding the bundled sample
article with a few entities, one event and one relation; settings go to a temporary folder, so your own
window layout and recent projects are not touched. Rerun it after changing the interface.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
SCREEN = (1600, 1000)  # the first window takes 85% of it, as on a 1600×1000 desktop

SPANS = [("إسطنبول", "GPE", 0), ("تركيا", "GPE", 0), ("مصر", "GPE", 0), ("الأردن", "GPE", 0),
         ("وزير الخارجية التركي هاكان فيدان", "PER", 0), ("هاكان فيدان", "PER", 0), ("أنقرة", "GPE", 0),
         ("17 سبتمبر/أيلول 2023", "TIME", 0), ("الأمم المتحدة", "ORG", 0), ("اجتماعاً", "Contact.Meet", 0),
         ("250 مليون دولار", "VALUE", 0), ("إسطنبول", "GPE", 1)]


def find(text: str, part: str, occurrence: int) -> int:
    i = -1
    for _ in range(occurrence + 1):
        i = text.index(part, i + 1)
    return i


def build_project(path: Path):  # -> (Project, doc id)
    from annotations import Project
    from ui.window.app import seed_sample

    project = Project.open(path, create=True)
    doc = seed_sample(project)
    assert doc is not None
    text = project.document(doc).text
    ids = {}
    for part, label, occurrence in SPANS:
        start = find(text, part, occurrence)
        ids[(part, occurrence)] = project.add_span(doc, start, start + len(part), label)
    project.add_event(doc, "Contact.Meet", trigger=ids[("اجتماعاً", 0)],
                      arguments=[("Entity", ids[("تركيا", 0)]), ("Entity", ids[("مصر", 0)]),
                                 ("Entity", ids[("الأردن", 0)]), ("Place", ids[("إسطنبول", 1)]),
                                 ("Time-Within", ids[("17 سبتمبر/أيلول 2023", 0)])],
                      attributes={"Tense": "Past"})
    project.set_status(doc, "in progress")
    project.add_document("زار الوفد إسطنبولَ مرة أخرى في 2024.\nوقال المتحدث إن الاجتماع مهم.",
                         title="خبر ثان عن إسطنبول", meta={"published": "2024-01-02"})
    return project, doc


def settle(app, rounds: int = 6) -> None:  # noqa: ANN001
    for _ in range(rounds):
        app.processEvents()


def save(widget, out: Path, name: str, written: list[str]) -> None:  # noqa: ANN001
    path = out / f"{name}.png"
    if not widget.grab().save(str(path)):
        raise SystemExit(f"error: could not write {path}")
    written.append(str(path))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", default=str(REPO / "docs" / "images"), help="folder for the PNG files")
    args = parser.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    tmp = Path(tempfile.mkdtemp(prefix="qalam-shots-"))
    if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
        config = tmp / "screen.json"
        config.write_text(json.dumps({"screens": [{"name": "shots", "x": 0, "y": 0, "width": SCREEN[0],
                                                  "height": SCREEN[1], "logicalDpi": 96, "logicalBaseDpi": 96,
                                                  "dpr": 1}]}))
        os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"
    os.environ["XDG_DATA_HOME"] = str(tmp / "data")
    os.environ["XDG_CONFIG_HOME"] = str(tmp / "config")
    from PySide6.QtCore import QCoreApplication, QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    QCoreApplication.setOrganizationName("qalam-screenshots")
    QCoreApplication.setApplicationName("qalam-annotator-screenshots")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp / "settings"))
    app = QApplication.instance() or QApplication(sys.argv[:1])
    from ui.common.style import register_fonts
    from ui.window.app import Session, install_language
    from ui.window.start_screen import StartScreen

    register_fonts()
    install_language("en")
    project, doc = build_project(tmp / "sample-project")
    written: list[str] = []
    session = Session(project)
    win = session.window
    settle(app)
    win._install_tools()
    win.open_document(doc)
    settle(app)
    save(win, out, "main_window", written)

    # The selected event with its arguments as arcs
    events = win.events
    event_id = project.events(doc)[0].id
    events.select_event(event_id)
    events.actions["show_arcs"].setChecked(True)
    settle(app)
    save(win, out, "event_arcs", written)
    events.actions["show_arcs"].setChecked(False)

    # Find in all documents
    win.show_find(win.find_panel.CORPUS)
    win.find_panel.query_edit.setText("اسطنبول")
    win.find_panel.run()
    settle(app)
    save(win, out, "find", written)
    win.find_dock.hide()

    # Dialogs, each drawn on its own
    def dialog_shot(name: str, make: Callable[[], object]) -> None:
        dialog = make()
        settle(app)
        save(dialog, out, name, written)
        dialog.close()  # type: ignore[attr-defined]

    dialog_shot("shortcuts", lambda: win.show_help("shortcuts"))
    dialog_shot("about", lambda: win.show_help("about"))
    dialog_shot("export", win.io.open_export_dialog)

    from ui.window.new_project_dialog import NewProjectDialog

    def new_project() -> NewProjectDialog:
        dialog = NewProjectDialog(win, str(Path.home() / "annotations" / "news-2023"))
        dialog.show()
        return dialog

    dialog_shot("new_project", new_project)

    # Arabic interface
    session.set_language("ar")
    win = session.window
    settle(app)
    win._install_tools()
    settle(app)
    save(win, out, "arabic", written)
    session.set_language("en")

    # The start screen (File → Close project)
    session.close_project()
    start = session.window
    assert isinstance(start, StartScreen)
    settle(app)
    save(start, out, "start_screen", written)
    session.shutdown()
    QTimer.singleShot(0, app.quit)
    app.exec()
    for path in written:
        print(f"wrote {path}")
    print(f"{len(written)} screenshots in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
