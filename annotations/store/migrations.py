"""Upgrades of older project formats, each after a full backup of the project folder.

Format 0 (the first prototype) stored document files without id counters (``next``) or import
order (``seq``), and annotation records without their ``doc`` field. Format 1 adds them.
Format 2 adds document packs (``docs/*.pack.json``, written by bulk imports); a format 1 project
is a valid format 2 project, so that step only changes the version number (an older app would
take a pack for a damaged document file, so it must refuse the project as newer instead).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .files import atomic_write_bytes, dumps, read_json_file


def _v0_to_v1(folder: Path) -> None:
    docs = folder / "docs"
    for seq, path in enumerate(sorted(docs.glob("*.json")), start=1):
        data = read_json_file(path)
        doc = data.get("document", {}).get("1", {})
        nxt = {"T": 1, "E": 1, "R": 1}
        for table, prefix in (("spans", "T"), ("events", "E"), ("relations", "R")):
            for key, rec in data.get(table, {}).items():
                rec.setdefault("doc", doc.get("id"))
                nxt[prefix] = max(nxt[prefix], int(key) + 1)
        doc.setdefault("next", nxt)
        doc.setdefault("seq", seq)
        atomic_write_bytes(path, dumps(data), backup=True)
    meta_path = folder / "project.json"
    meta: dict[str, Any] = read_json_file(meta_path)
    meta["project"]["1"]["format_version"] = 1
    meta.pop("index", None)  # the index is a cache: rebuilt on open
    atomic_write_bytes(meta_path, json.dumps(meta, ensure_ascii=False).encode("utf-8"), backup=True)


def _v1_to_v2(folder: Path) -> None:
    meta_path = folder / "project.json"
    meta: dict[str, Any] = read_json_file(meta_path)
    meta["project"]["1"]["format_version"] = 2
    atomic_write_bytes(meta_path, json.dumps(meta, ensure_ascii=False).encode("utf-8"), backup=True)


MIGRATIONS: dict[int, Callable[[Path], None]] = {0: _v0_to_v1, 1: _v1_to_v2}


def migrate(folder: Path, from_version: int, to_version: int) -> Path:
    """Back up the folder, then apply each step from ``from_version`` up to ``to_version``."""
    from .backup import backup_project

    backup = backup_project(folder, f"before-migration-v{from_version}")
    for version in range(from_version, to_version):
        MIGRATIONS[version](folder)
    return backup
