"""Crash reporting for the GUI: an unhandled exception is logged to the user log folder and shown in a dialog.

Install once, after the QApplication exists and before the main window is shown::

    from ui.window.crash import install_crash_handler
    install_crash_handler()

Exceptions raised in Qt slots, event handlers and virtual overrides reach ``sys.excepthook`` through
PySide6; exceptions in Python threads reach ``threading.excepthook``. Either way the full traceback is
appended to ``crash.log`` in the platformdirs user log folder (the same file ``main.py`` uses for CLI
errors) and a dialog shows the error and the log path. The data is already safe: every edit is durable
when it returns, so the dialog says so and the app keeps running.
"""

from __future__ import annotations

import datetime as _dt
import sys
import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QWidget

from annotations import APP_NAME, __version__

LOG_APP_NAME = "qalam-annotator"  # platformdirs folder name; main.py logs CLI crashes to the same place
LOG_FILE = "crash.log"
MAX_DIALOGS = 3  # after this many, further errors are only logged, so a failing paint cannot flood the screen

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]


def default_log_dir() -> Path:
    """The user log folder (e.g. ``~/.local/state/qalam-annotator/log`` on Linux)."""
    from platformdirs import user_log_path

    return user_log_path(LOG_APP_NAME, appauthor=False)


def write_crash_log(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None,
                    folder: Path | None = None, where: str = "GUI") -> tuple[Path | None, str | None]:
    """Append a dated report with the traceback to ``folder/crash.log``.

    Returns:
        ``(path, None)`` on success, or ``(None, reason)`` when the log could not be written.
    """
    folder = default_log_dir() if folder is None else folder
    stamp = _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds")
    import platform  # only when something crashed: keep it off the start-up path

    header = (f"=== {stamp} {APP_NAME} {__version__} ({where}, Python {platform.python_version()}, "
              f"{platform.platform()}, frozen={bool(getattr(sys, 'frozen', False))})\n")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / LOG_FILE
        with path.open("a", encoding="utf-8") as fh:
            fh.write(header + "".join(traceback.format_exception(exc_type, exc, tb)) + "\n")
        return path, None
    except OSError as err:
        return None, f"{err.strerror or err} ({folder})"


class _Relay(QObject):
    """Carries reports from any thread to the GUI thread (a queued signal)."""

    report = Signal(str, str, str)


class CrashHandler:
    """The ``sys.excepthook`` / ``threading.excepthook`` of the GUI.

    Args:
        log_dir: where ``crash.log`` goes (default: the platformdirs user log folder).
        parent: a callable returning the dialog's parent window, or None.
    """

    def __init__(self, log_dir: Path | None = None, parent: Callable[[], QWidget | None] | None = None) -> None:
        self.log_dir = log_dir
        self.parent = parent or (lambda: QApplication.activeWindow())
        self.dialogs_shown = 0
        self._showing = False
        self._previous: tuple[Callable[..., object], Callable[..., object]] | None = None
        self._relay = _Relay()
        self._relay.report.connect(self._show, Qt.ConnectionType.QueuedConnection)

    def install(self) -> CrashHandler:
        """Become ``sys.excepthook`` and ``threading.excepthook``; ``uninstall`` restores the previous ones."""
        self._previous = (sys.excepthook, threading.excepthook)
        sys.excepthook = self.handle
        threading.excepthook = self.handle_thread
        return self

    def uninstall(self) -> None:
        if self._previous is not None:
            sys.excepthook, threading.excepthook = self._previous
            self._previous = None

    def handle(self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None,
               where: str = "GUI") -> None:
        """Log the exception and show (or queue, from another thread) the dialog."""
        if issubclass(exc_type, KeyboardInterrupt):  # Ctrl+C in the terminal: quit as the user asked
            app = QCoreApplication.instance()
            if app is not None:
                app.quit()
            return
        path, reason = write_crash_log(exc_type, exc, tb, self.log_dir, where)
        summary = "".join(traceback.format_exception_only(exc_type, exc)).strip()
        details = "".join(traceback.format_exception(exc_type, exc, tb))
        sys.stderr.write(details)  # also on the console, for whoever started the app from a terminal
        log_text = str(path) if path else ""
        if QApplication.instance() is None:
            return
        if threading.current_thread() is threading.main_thread():
            self._show(summary, details, log_text or f"!{reason}")
        else:
            self._relay.report.emit(summary, details, log_text or f"!{reason}")

    def handle_thread(self, args: threading.ExceptHookArgs) -> None:
        """``threading.excepthook`` adapter."""
        if args.exc_value is None:
            return
        name = args.thread.name if args.thread is not None else "?"
        self.handle(args.exc_type, args.exc_value, args.exc_traceback, where=f"thread {name}")

    def _show(self, summary: str, details: str, log: str) -> None:
        if self._showing or self.dialogs_shown >= MAX_DIALOGS:
            return  # logged already; one dialog at a time, and no endless stream of them
        self._showing = True
        self.dialogs_shown += 1
        from PySide6.QtWidgets import QMessageBox  # here, not at start-up: its class and enums are created lazily

        try:
            box = QMessageBox(self.parent())
            box.setIcon(QMessageBox.Icon.Critical)
            box.setWindowTitle(QCoreApplication.translate("crash", "{app}: unexpected error").format(app=APP_NAME))
            box.setText(QCoreApplication.translate(
                "crash", "Something went wrong: {error}\n\nYour annotations are safe: every edit was saved "
                "when you made it. You can keep working, or restart the app.").format(error=summary))
            if log.startswith("!"):
                info = QCoreApplication.translate(
                    "crash", "The details could not be written to a log file: {reason}. Copy them from "
                    "below and send them with your report.").format(reason=log[1:])
            else:
                info = QCoreApplication.translate(
                    "crash", "The details were written to:\n{path}\nPlease send that file with your report."
                ).format(path=log)
            box.setInformativeText(info)
            box.setDetailedText(details)
            box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            box.setStandardButtons(QMessageBox.StandardButton.Ok)
            box.exec()
        finally:
            self._showing = False


_installed: CrashHandler | None = None


def install_crash_handler(log_dir: Path | None = None,
                          parent: Callable[[], QWidget | None] | None = None) -> CrashHandler:
    """Install the GUI crash handler (replacing one installed earlier by this function) and return it."""
    global _installed
    if _installed is not None:
        _installed.uninstall()
    _installed = CrashHandler(log_dir, parent).install()
    return _installed
