"""PyInstaller runtime hook: with QALAM_STARTUP_PROBE=1 the frozen app exits at its first event-loop turn.

bench/package.py sets it to time process start -> first shown window (without shutdown) for the app and
for its baseline window, which carries the same hook. Without the variable this hook does nothing.
"""

import os

if os.environ.get("QALAM_STARTUP_PROBE") == "1":

    def _exit_at_first_event_loop_turn() -> None:
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication

        original = QApplication.exec

        def exec_(*_args):  # type: ignore[no-untyped-def]
            QTimer.singleShot(0, lambda: os._exit(0))  # after show() and the first pass of pending events
            return original()  # a static method in PySide6: app.exec() and QApplication.exec() alike

        QApplication.exec = exec_

    _exit_at_first_event_loop_turn()
