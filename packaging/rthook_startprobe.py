"""PyInstaller runtime hook: with QALAM_STARTUP_PROBE=1 the frozen app exits at its first event-loop turn.

bench/package.py sets it to time process start -> first shown window (without shutdown) for the app and
for its baseline window, which carries the same hook. Without the variable this hook does nothing.

The hook must not import PySide6 itself: that would put PySide's import machinery in front of every
module the app imports afterwards (about 3 ms for our app, nothing for the baseline, which imports
PySide6 first anyway). So it waits for the program's own import of PySide6.QtWidgets and only then
wraps ``QApplication.exec``.
"""

import os
import sys

if os.environ.get("QALAM_STARTUP_PROBE") == "1":

    def _patch(widgets) -> None:  # type: ignore[no-untyped-def]
        from PySide6.QtCore import QTimer

        application = widgets.QApplication
        original = application.exec

        def exec_(*_args):  # type: ignore[no-untyped-def]
            QTimer.singleShot(0, lambda: os._exit(0))  # after show() and the first pass of pending events
            return original()  # a static method in PySide6: app.exec() and QApplication.exec() alike

        application.exec = exec_

    class _WaitForQtWidgets:
        """A meta-path finder that only watches for PySide6.QtWidgets, then steps aside."""

        def find_spec(self, name, path=None, target=None):  # type: ignore[no-untyped-def]
            if name != "PySide6.QtWidgets":
                return None
            sys.meta_path.remove(self)
            for finder in sys.meta_path:
                spec = finder.find_spec(name, path, target) if hasattr(finder, "find_spec") else None
                if spec is not None and spec.loader is not None:
                    loader = spec.loader
                    load = loader.exec_module

                    def exec_module(module, load=load):  # type: ignore[no-untyped-def]
                        load(module)
                        _patch(module)

                    loader.exec_module = exec_module
                    return spec
            return None

    sys.meta_path.insert(0, _WaitForQtWidgets())
