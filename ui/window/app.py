"""Start the GUI: Qt application, bundled font, interface language, default project seeded with a sample."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, Qt, QTimer, QTranslator
from PySide6.QtWidgets import QApplication

from annotations import APP_NAME, Project, ProjectError
from annotations.assets import asset_path

from ..common.style import register_fonts
from .main_window import MainWindow

ORG = "qalam"
APP_ID = "qalam-annotator"
LANGUAGES = ("en", "ar")

_translators: list[QTranslator] = []


def default_project_path() -> Path:
    """``<user data dir>/default-project`` (platformdirs), created on first run."""
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_ID, ORG)) / "default-project"


def read_sample_article() -> tuple[str, str, dict[str, str]]:
    """The bundled sample article as ``(text, title, meta)``; ``# key: value`` lines form the header."""
    raw = asset_path("sample_article.txt").read_text(encoding="utf-8")
    meta: dict[str, str] = {}
    body = []
    for line in raw.splitlines():
        if line.startswith("# ") and ":" in line and not body:
            key, _, value = line[2:].partition(":")
            meta[key.strip()] = value.strip()
        else:
            body.append(line)
    title = meta.pop("title", "")
    meta.setdefault("direction", "rtl")
    meta.setdefault("language", "ar")
    return "\n".join(body).strip("\n"), title, meta


def seed_sample(project: Project) -> str | None:
    """Add the sample article to an empty project; returns its id (None when the project has documents)."""
    if project.documents():
        return None
    text, title, meta = read_sample_article()
    return project.add_document(text, title=title, meta=meta)


def effective_language(choice: str) -> str:
    """"en" or "ar" for a settings choice ("system" follows the system locale)."""
    if choice in LANGUAGES:
        return choice
    return "ar" if QLocale.system().language() == QLocale.Language.Arabic else "en"


def install_language(choice: str) -> str:
    """Load the translations for ``choice`` and mirror the layout for Arabic; returns "en" or "ar"."""
    app = QCoreApplication.instance()
    lang = effective_language(choice)
    for tr in _translators:
        app.removeTranslator(tr)
    _translators.clear()
    if lang == "ar":
        ours = QTranslator()
        qm = asset_path("translations/qalam_ar.qm")
        if not ours.load(str(qm)):
            raise RuntimeError(f"cannot load the Arabic translation {qm}; restore assets/translations")
        qt_base = QTranslator()
        if qt_base.load(QLocale(QLocale.Language.Arabic), "qtbase", "_",
                        QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            _translators.append(qt_base)
        _translators.append(ours)
        for tr in _translators:
            app.installTranslator(tr)
    if isinstance(app, QApplication):
        rtl = lang == "ar"
        app.setLayoutDirection(Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight)
    return lang


class Session:
    """The running GUI: one project and its window; rebuilds the window when the language changes."""

    def __init__(self, project: Project) -> None:
        self.project = project
        self.window = self._make_window()

    def _make_window(self, doc_id: str | None = None) -> MainWindow:
        window = MainWindow(self.project)
        window.language_requested.connect(self.set_language)
        window.project_requested.connect(self.open_project)
        if doc_id:
            window.open_document(doc_id)
        window.show()
        return window

    def set_language(self, choice: str) -> None:
        """Switch the interface language: translations are installed and the window is rebuilt in place."""
        QSettings().setValue("ui/language", choice)
        install_language(choice)
        old = self.window
        doc_id = old.current_doc_id
        old.save_settings()
        old.detach()
        self.window = self._make_window(doc_id)
        old.deleteLater()

    def open_project(self, path: str) -> None:
        try:
            project = Project.open(path, create=False)
        except ProjectError as exc:
            from PySide6.QtWidgets import QMessageBox  # only on errors: its class and enums cost start-up time

            QMessageBox.warning(self.window, APP_NAME, str(exc))
            return
        old = self.window
        old.close()
        self.project.close()
        self.project = project
        self.window = self._make_window()
        old.deleteLater()


def run_gui(project_path: str | None, quit_after: float | None = None) -> int:
    """Open the main window on a project folder (default project when ``None``) and run the event loop.

    Args:
        project_path: project folder; ``None`` opens (and on first run creates and seeds) the default one.
        quit_after: seconds after which the app quits by itself (smoke tests, screenshots).

    Returns:
        the process exit code.
    """
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName(ORG)
    app.setApplicationName(APP_ID)
    app.setApplicationDisplayName(APP_NAME)
    try:
        register_fonts()
    except RuntimeError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    install_language(str(QSettings().value("ui/language", "system")))
    try:
        if project_path is None:
            path = default_project_path()
            path.parent.mkdir(parents=True, exist_ok=True)
            project = Project.open(path, create=True)
            seed_sample(project)
        else:
            project = Project.open(project_path, create=False)
    except ProjectError as exc:
        print(f"error: {exc}", file=sys.stderr)
        if app.platformName() not in ("offscreen", "minimal"):
            # started from a desktop menu there is no terminal: say it in a window too
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.critical(None, APP_NAME, str(exc))
        return 2
    session = Session(project)
    if quit_after is not None:
        QTimer.singleShot(int(quit_after * 1000), app.quit)
    try:
        return app.exec()
    finally:
        session.window.save_settings()
        project.close()
