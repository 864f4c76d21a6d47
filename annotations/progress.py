"""Progress reporting with cancel, shared by long operations (import, export, bulk edits).

Core functions take an optional ``Progress``; the CLI shows it as a text bar on stderr
(``TextProgress``), the GUI adapts it to a ``QProgressDialog``. Cancelling is cooperative:
the operation checks ``progress.cancelled`` between units of work and stops cleanly, keeping
what it already finished.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO


class Progress:
    """Silent base class; subclasses override ``_show``."""

    def __init__(self) -> None:
        self.total = 0
        self.done = 0
        self.label = ""
        self.cancelled = False

    def start(self, total: int, label: str = "") -> None:
        self.total, self.done, self.label = max(total, 0), 0, label
        self._show()

    def advance(self, n: int = 1, label: str | None = None) -> None:
        self.done += n
        if label is not None:
            self.label = label
        self._show()

    def cancel(self) -> None:
        self.cancelled = True

    def finish(self) -> None:
        self._show(final=True)

    def _show(self, final: bool = False) -> None:
        pass


class TextProgress(Progress):
    """A one-line bar on a terminal, redrawn at most every 0.1 s; silent when not a TTY."""

    def __init__(self, stream: TextIO | None = None, force: bool = False) -> None:
        super().__init__()
        self.stream = stream or sys.stderr
        self.enabled = force or self.stream.isatty()
        self._last = 0.0

    def _show(self, final: bool = False) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if not final and now - self._last < 0.1:
            return
        self._last = now
        width = 30
        frac = self.done / self.total if self.total else 1.0
        bar = "#" * int(frac * width)
        line = f"\r[{bar:<{width}}] {self.done}/{self.total} {self.label[:40]:<40}"
        self.stream.write(line + ("\n" if final else ""))
        self.stream.flush()
