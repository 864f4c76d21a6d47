"""Restoring a damaged file from its backup, and whole-folder backups before a migration."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

from ..errors import ProjectError
from .files import BACKUP_SUFFIX, atomic_write_bytes, read_json_file
from .lock import ProjectLock


def restore_file(project_path: str | os.PathLike[str], name: str) -> str:
    """Replace a damaged project file with its ``.bak``; the damaged file is kept aside.

    ``name`` is ``project.json``, a document file name (``<doc_id>.json``) or a pack file name
    (``<id>-<n>.pack.json``). Returns a message.
    """
    folder = Path(project_path)
    lock = ProjectLock(folder)
    lock.acquire()
    try:
        target = folder / name if name == "project.json" else folder / "docs" / Path(name).name
        bak = target.with_name(target.name + BACKUP_SUFFIX)
        if not bak.exists():
            raise ProjectError(f"{target}: no backup ({bak.name}) to restore from")
        read_json_file(bak)  # refuse to restore a damaged backup
        aside = target.with_name(f"{target.name}.damaged-{time.strftime('%Y%m%d-%H%M%S')}")
        if target.exists():
            os.replace(target, aside)
        atomic_write_bytes(target, bak.read_bytes())
        kept = f"; the damaged file is kept as {aside.name}" if aside.exists() else ""
        return f"restored {target} from {bak.name}{kept}"
    finally:
        lock.release()


def backup_project(folder: Path, reason: str) -> Path:
    """Copy the whole project (without backups/) to ``backups/<reason>-<time>/``."""
    dest = folder / "backups" / f"{reason}-{time.strftime('%Y%m%d-%H%M%S')}"
    shutil.copytree(folder, dest, ignore=shutil.ignore_patterns("backups", "lock", "*.tmp"))
    return dest
