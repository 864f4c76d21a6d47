"""The Help menu: keyboard shortcuts (generated from the window's actions), the user guide, About."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from annotations import APP_NAME, __version__
from annotations.assets import asset_path


def close_buttons(dialog: QDialog) -> QDialogButtonBox:
    """A single Close button (these dialogs only show things)."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
    buttons.rejected.connect(dialog.reject)
    return buttons

GUIDE = Path("docs") / "USER_GUIDE.md"


def _plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def shortcut_rows(window: QMainWindow) -> list[tuple[str, str, str]]:
    """``(where, action, keys)`` for every action of the window that has a shortcut, menu by menu.

    Read from the actions themselves (menus first, then those only on the window or the reader, such
    as event-type keys), so the list is always what the keys really do.
    """
    rows: list[tuple[str, str, str]] = []
    seen: set[int] = set()

    def add(where: str, action: QAction) -> None:
        if id(action) in seen or action.isSeparator():
            return
        seen.add(id(action))
        keys = [k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts() if not k.isEmpty()]
        if keys:
            rows.append((where, _plain(action.text()), ", ".join(keys)))

    def walk(menu: QMenu, where: str) -> None:
        for action in menu.actions():
            sub = action.menu()
            if isinstance(sub, QMenu):
                walk(sub, f"{where} › {_plain(sub.title())}")
            else:
                add(where, action)

    for top in window.menuBar().actions():
        menu = top.menu()
        if isinstance(menu, QMenu):
            walk(menu, _plain(menu.title()))
    reader = getattr(window, "reader", None)
    other = window.tr("Reader")
    for owner in (window, reader):
        if isinstance(owner, QWidget):
            for action in QWidget.actions(owner):  # (MainWindow.actions is its Actions object)
                add(other, action)
    return rows


class ShortcutsDialog(QDialog):
    """A filterable table of every shortcut (Help → Keyboard shortcuts, F1)."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.setObjectName("shortcuts_dialog")
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.rows = shortcut_rows(window)
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText(self.tr("Filter"))
        self.table = QTableWidget(len(self.rows), 3, self)
        self.table.setHorizontalHeaderLabels([self.tr("Menu"), self.tr("Action"), self.tr("Keys")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for r, row in enumerate(self.rows):
            for c, value in enumerate(row):
                self.table.setItem(r, c, QTableWidgetItem(value))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.filter_edit.textChanged.connect(self._filter)
        buttons = close_buttons(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(720, 560)

    def _filter(self, text: str) -> None:
        needle = text.strip().casefold()
        for r, row in enumerate(self.rows):
            self.table.setRowHidden(r, bool(needle) and not any(needle in v.casefold() for v in row))


def guide_path() -> Path:
    """docs/USER_GUIDE.md from the source tree, or from the bundle of the packaged app."""
    bundle = getattr(sys, "_MEIPASS", None)
    root = Path(bundle) if getattr(sys, "frozen", False) and bundle else Path(__file__).resolve().parents[2]
    return root / GUIDE


class GuideDialog(QDialog):
    """The user guide (Markdown with its screenshots), readable inside the app."""

    def __init__(self, parent: QWidget | None = None, path: Path | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("guide_dialog")
        self.setWindowTitle(self.tr("User guide"))
        path = path or guide_path()
        self.browser = QTextBrowser(self)
        self.browser.setOpenExternalLinks(True)
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as exc:
            text = self.tr("The user guide %1 cannot be read (%2). It is docs/USER_GUIDE.md in the source "
                           "folder.").replace("%1", str(path)).replace("%2", exc.strerror or str(exc))
        self.browser.setSearchPaths([str(path.parent)])
        self.browser.document().setBaseUrl(QUrl.fromLocalFile(str(path.parent) + "/"))
        self.browser.setMarkdown(text)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(close_buttons(self))
        self.resize(900, 700)


class AboutDialog(QDialog):
    """Version, the libraries and their licences, and the bundled font's SIL Open Font License."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        import PySide6
        from PySide6.QtCore import qVersion

        self.setObjectName("about_dialog")
        self.setWindowTitle(self.tr("About %1").replace("%1", APP_NAME))
        python = ".".join(map(str, sys.version_info[:3]))
        summary = QLabel(self)
        summary.setObjectName("about_summary")
        summary.setWordWrap(True)
        summary.setText(
            f"<h3>{APP_NAME} {__version__}</h3>"
            + self.tr("<p>Offline annotation of Arabic and other right-to-left news.</p>"
                      "<p>Qt %1 and PySide6 %2 (LGPL v3), Python %3 (PSF licence), TinyDB (MIT), "
                      "python-bidi (LGPL v3), trafilatura (Apache 2.0), orjson (MIT / Apache 2.0), "
                      "platformdirs (MIT).</p>"
                      "<p>The reader's font is Noto Sans Arabic, © The Noto Project Authors, under the SIL "
                      "Open Font License 1.1 (below).</p>")
            .replace("%1", qVersion()).replace("%2", PySide6.__version__).replace("%3", python))
        self.ofl = QTextBrowser(self)
        self.ofl.setObjectName("about_ofl")
        try:
            self.ofl.setPlainText(asset_path("fonts/OFL.txt").read_text(encoding="utf-8"))
        except OSError as exc:
            self.ofl.setPlainText(str(exc))
        tabs = QTabWidget(self)
        tabs.addTab(summary, self.tr("About"))
        tabs.addTab(self.ofl, self.tr("Font licence (OFL)"))
        layout = QVBoxLayout(self)
        layout.addWidget(tabs)
        layout.addWidget(close_buttons(self))
        self.resize(640, 520)


HELP_DIALOGS: dict[str, type[QDialog]] = {"shortcuts": ShortcutsDialog, "guide": GuideDialog, "about": AboutDialog}
