"""Start the GUI: Qt application, bundled font, interface language, default project seeded with a sample."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, Qt, QTimer, QTranslator
from PySide6.QtWidgets import QApplication

from annotations import APP_NAME, Project, ProjectError
from annotations.assets import asset_path
from annotations.headline import with_headline

from ..common.style import register_fonts
from .main_window import MainWindow
from .recent import add_recent, recent_projects
from .start_screen import StartScreen

ORG = "qalam"
APP_ID = "qalam-annotator"
LANGUAGES = ("en", "ar")

_translators: list[QTranslator] = []


def default_project_path() -> Path:
    """``<user data dir>/default-project`` (platformdirs), created on first run."""
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_ID, ORG)) / "default-project"


def read_sample_article() -> tuple[str, str, dict[str, str]]:
    """The bundled sample article as ``(text, title, meta)``; ``# key: value`` lines form the header.

    The text opens with the title as its first paragraph, as an import stores it (``annotations.headline``).
    """
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
    text, headline = with_headline(title, "\n".join(body).strip("\n"))  # the headline can be annotated too
    meta.update(headline)
    return text, title, meta


def seed_sample(project: Project) -> str | None:
    """Add the sample article to an empty project; returns its id (None when the project has documents)."""
    if project.documents():
        return None
    text, title, meta = read_sample_article()
    return project.add_document(text, title=title, meta=meta)


def open_default_project() -> Project:
    """Open (on first use create, and seed with the sample article) the default project."""
    path = default_project_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    project = Project.open(path, create=True)
    seed_sample(project)
    return project


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
    else:  # English needs no translation, only the plural forms of the %n texts ("1 match", "3 matches")
        plurals = QTranslator()
        if plurals.load(str(asset_path("translations/qalam_en.qm"))):
            _translators.append(plurals)
            app.installTranslator(plurals)
    if isinstance(app, QApplication):
        rtl = lang == "ar"
        app.setLayoutDirection(Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight)
    return lang


class Session:
    """The running GUI: one project and its window, or the start screen when no project is open.

    It rebuilds the window when the language changes, and swaps projects on New, Open, Recent and Close.
    """

    def __init__(self, project: Project | None, message: str = "") -> None:
        self.project = project
        self.window: MainWindow | StartScreen
        if project is not None:
            self.window = self._make_window()
        else:
            self.window = self._make_start(message)

    def _make_window(self, doc_id: str | None = None) -> MainWindow:
        assert self.project is not None
        if self.project.path is not None:
            add_recent(self.project.path)
        window = MainWindow(self.project)
        window.language_requested.connect(self.set_language)
        window.project_requested.connect(self.open_project)
        window.new_project_requested.connect(self.new_project)
        window.close_project_requested.connect(self.close_project)
        if doc_id:
            window.open_document(doc_id)
        window.show()
        return window

    def _make_start(self, message: str = "") -> StartScreen:
        start = StartScreen(str(default_project_path()), message)
        start.new_requested.connect(self.new_project)
        start.open_requested.connect(self._choose_folder)
        start.project_chosen.connect(self.open_project)
        start.sample_requested.connect(self.open_default_project)
        start.show()
        return start

    def _replace_window(self, window: MainWindow | StartScreen) -> None:
        old = self.window
        old.save_settings()
        old.detach()
        self.window = window
        old.hide()
        old.deleteLater()

    def set_language(self, choice: str) -> None:
        """Switch the interface language: translations are installed and the window is rebuilt in place."""
        old = self.window
        doc_id = old.current_doc_id if isinstance(old, MainWindow) else None
        old.save_settings()  # before the direction changes: its layout is saved under its own direction
        QSettings().setValue("ui/language", choice)
        install_language(choice)
        self._replace_window(self._make_window(doc_id) if self.project is not None else self._make_start())

    def _choose_folder(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        path = QFileDialog.getExistingDirectory(self.window, QCoreApplication.translate("Session",
                                                                                        "Open project folder"))
        if path:
            self.open_project(path)

    def _warn(self, message: str) -> None:
        from PySide6.QtWidgets import QMessageBox  # only on errors: its class and enums cost start-up time

        QMessageBox.warning(self.window, APP_NAME, message)

    def _switch_to(self, project: Project) -> None:
        old_project = self.project
        self.window.save_settings()
        self.window.detach()
        if old_project is not None:
            old_project.close()
        self.project = project
        self._replace_window(self._make_window())

    def open_project(self, path: str) -> bool:
        """Open an existing project folder in place of the current one; False (and a warning) if it cannot."""
        if self.project is not None and self.project.path is not None \
                and Path(path).resolve() == self.project.path.resolve():
            return True
        try:
            project = Project.open(path, create=False)
        except ProjectError as exc:
            self._warn(str(exc))
            return False
        self._switch_to(project)
        return True

    def open_default_project(self) -> bool:
        """The default project (created and seeded with the sample article when missing)."""
        try:
            project = open_default_project()
        except ProjectError as exc:
            self._warn(str(exc))
            return False
        self._switch_to(project)
        return True

    def new_project(self) -> bool:
        """File → New project: ask for a folder and schema, create the project and open it."""
        from .new_project_dialog import NewProjectDialog

        dialog = NewProjectDialog(self.window)
        self.dialog = dialog  # for tests and screenshots
        accepted = dialog.exec() == NewProjectDialog.DialogCode.Accepted
        chosen = dialog.result_project() if accepted else None
        dialog.deleteLater()
        if chosen is None:
            return False
        folder, schema = chosen
        try:
            folder.mkdir(parents=True, exist_ok=True)
            project = Project.open(folder, create=True, schema=schema)
        except (ProjectError, OSError) as exc:
            self._warn(str(exc))
            return False
        self._switch_to(project)
        return True

    def close_project(self) -> None:
        """File → Close project: the project is closed and the start screen shown."""
        if self.project is None:
            return
        self.window.save_settings()
        self.window.detach()
        self.project.close()
        self.project = None
        self._replace_window(self._make_start())

    def shutdown(self) -> None:
        """At exit: keep the window's settings and close the open project."""
        self.window.save_settings()
        if self.project is not None:
            self.project.close()


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
    recent = recent_projects() if project_path is None else []
    if recent:  # no folder given: the project used last; the start screen says why if it cannot open
        try:
            session = Session(Project.open(recent[0], create=False))
        except ProjectError as exc:
            session = Session(None, str(exc))
        return _run(app, session, quit_after)
    try:
        if project_path is None:  # first run: the default project, seeded with the sample article
            project = open_default_project()
        else:
            project = Project.open(project_path, create=False)
    except ProjectError as exc:
        print(f"error: {exc}", file=sys.stderr)
        if app.platformName() not in ("offscreen", "minimal"):
            # started from a desktop menu there is no terminal: say it in a window too
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.critical(None, APP_NAME, str(exc))
        return 2
    return _run(app, Session(project), quit_after)


def _run(app: QApplication, session: Session, quit_after: float | None) -> int:
    if quit_after is not None:
        QTimer.singleShot(int(quit_after * 1000), app.quit)
    try:
        return app.exec()
    finally:
        session.shutdown()
