"""Per source, the short-line keys of the documents already imported: what an import learns a
source's boilerplate from besides its own articles (``boilerplate.BatchLines``).

Kept as one index file in the project folder (``cleanup-lines.json``), written at the end of each
import, so that an import reads one file instead of every document; for an in-memory project it is
kept beside the project object. Each distinct key is stored once per source; documents removed
from the project since are dropped when the index is read. It is derived data: a missing or
unreadable index only means that the earlier documents are not learned from (documents imported
before the index existed are not either).
"""

from __future__ import annotations

import json
import os
import weakref
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..store.files import atomic_write_bytes

INDEX_NAME = "cleanup-lines.json"
VERSION = 1
# the index of in-memory projects (and of project-like objects without a folder), by project
_IN_MEMORY: weakref.WeakKeyDictionary[Any, dict[str, Any]] = weakref.WeakKeyDictionary()


class SourceLines:
    """The line keys of each stored document, by source; ``add`` then ``save`` after storing."""

    def __init__(self, project: Any, sources: dict[str, Any]) -> None:
        self._project = project
        # source -> {"name": shown name, "docs": {doc id: [key, ...]}}
        self._sources: dict[str, Any] = sources
        self._dirty = False

    @classmethod
    def load(cls, project: Any) -> SourceLines:
        """The project's index (empty when there is none yet or it cannot be read)."""
        path = _path_of(project)
        sources: dict[str, Any] = {}
        if path is None:
            try:
                sources = _IN_MEMORY.setdefault(project, {})
            except TypeError:  # an object that cannot be weakly referenced: nothing is kept
                pass
        else:
            sources = _read(path)
        index = cls(project, sources)
        if sources:
            index._drop_removed()
        return index

    def _drop_removed(self) -> None:
        documents = getattr(self._project, "documents", None)
        if documents is None:
            return
        present = {info.id for info in documents()}
        for entry in self._sources.values():
            gone = [d for d in entry["docs"] if d not in present]
            for d in gone:
                del entry["docs"][d]
            self._dirty |= bool(gone)

    def stored(self, source: str) -> tuple[str, Iterable[Iterable[str]]]:
        """The source's name as shown and the line keys of each of its stored documents."""
        entry = self._sources.get(source)
        if entry is None:
            return source, ()
        return entry.get("name") or source, list(entry["docs"].values())

    def add(self, source: str, name: str, doc_id: str, keys: Iterable[str]) -> None:
        entry = self._sources.setdefault(source, {"name": name, "docs": {}})
        entry["name"] = name
        entry["docs"][doc_id] = sorted(keys)
        self._dirty = True

    def save(self) -> None:
        """Write the index if it changed (in-memory projects keep it in memory)."""
        path = _path_of(self._project)
        if not self._dirty or path is None:
            return
        out: dict[str, Any] = {}
        for source, entry in self._sources.items():
            table: dict[str, int] = {}  # each key once per source; documents list their keys' numbers
            docs = {d: [table.setdefault(k, len(table)) for k in keys] for d, keys in entry["docs"].items()}
            out[source] = {"name": entry["name"], "keys": list(table), "docs": docs}
        data = json.dumps({"version": VERSION, "sources": out}, ensure_ascii=False, separators=(",", ":"))
        atomic_write_bytes(path, data.encode("utf-8"))
        self._dirty = False


def _path_of(project: Any) -> Path | None:
    folder = getattr(project, "path", None)
    return Path(folder) / INDEX_NAME if isinstance(folder, (str, os.PathLike)) else None


def _read(path: Path) -> dict[str, Any]:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        if raw.get("version") != VERSION:
            return {}
        sources = {}
        for source, entry in raw["sources"].items():
            keys = entry["keys"]
            sources[source] = {"name": str(entry.get("name") or source),
                               "docs": {d: [keys[i] for i in idx] for d, idx in entry["docs"].items()}}
        return sources
    except (OSError, ValueError, KeyError, TypeError, IndexError, AttributeError):
        return {}  # derived data: learned again from the next imports
