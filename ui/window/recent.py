"""The recent projects list, kept in QSettings (newest first, folders that still exist)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

KEY = "projects/recent"
MAX_RECENT = 8


def recent_projects() -> list[str]:
    """Project folders opened lately, newest first; folders gone since are left out."""
    value = QSettings().value(KEY) or []
    paths = [value] if isinstance(value, str) else [str(v) for v in value]
    return [p for p in paths if (Path(p) / "project.json").is_file()]


def add_recent(path: str | Path) -> None:
    """Put ``path`` first in the list (once), keeping at most ``MAX_RECENT``."""
    folder = str(Path(path).resolve())
    paths = [folder] + [p for p in recent_projects() if p != folder]
    QSettings().setValue(KEY, paths[:MAX_RECENT])


def forget_recent(path: str | Path) -> None:
    folder = str(Path(path).resolve())
    QSettings().setValue(KEY, [p for p in recent_projects() if p != folder])
