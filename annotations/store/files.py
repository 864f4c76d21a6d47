"""Durable file primitives: atomic replace-with-backup writes, JSON encoding, a TinyDB storage.

Every write goes to a temporary file in the same folder, is fsynced, and then replaces the
target with ``os.replace``; the folder is fsynced afterwards so the rename itself is durable.
Before the replace, the previous version is hard-linked to ``<name>.bak`` (one generation of
rolling backup per file, at the cost of a link rather than a copy). A crash at any moment
leaves either the old or the new complete file, never a mix.
"""

from __future__ import annotations

import contextlib
import json
import operator
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson
from tinydb.storages import Storage

from ..errors import ProjectCorruptError, ProjectWriteError

BACKUP_SUFFIX = ".bak"
TMP_SUFFIX = ".tmp"


def fsync_dir(folder: Path) -> None:
    """Make a rename/creation inside ``folder`` durable (no-op where unsupported)."""
    if sys.platform.startswith("win"):
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def atomic_write_bytes(path: Path, data: bytes, backup: bool = False, sync_dir: bool = True) -> None:
    """Write ``data`` to ``path`` atomically and durably; optionally keep ``path.bak``.

    ``sync_dir=False`` leaves the folder fsync to the caller, who writes several files into one
    folder and fsyncs it once at the end (the renames are durable only after that).

    Raises:
        ProjectWriteError: it could not be written (a full disk...); ``path`` is as it was.
    """
    path = Path(path)
    try:
        _atomic_write(path, data, backup, sync_dir)
    except ProjectWriteError:
        raise
    except OSError as exc:
        raise ProjectWriteError.of(exc, path, "The file was left as it was.") from None


def _atomic_write(path: Path, data: bytes, backup: bool, sync_dir: bool) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}{TMP_SUFFIX}")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    try:
        view = memoryview(data)
        while view:
            written = os.write(fd, view)
            view = view[written:]
        fdatasync(fd)
    except BaseException:
        os.close(fd)
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    os.close(fd)
    if backup:
        _link_backup(path)
    os.replace(tmp, path)
    if sync_dir:
        fsync_dir(path.parent)


def _link_backup(path: Path) -> None:
    bak = path.with_name(path.name + BACKUP_SUFFIX)
    staging = path.with_name(f".{path.name}.{os.getpid()}.baktmp")
    try:
        os.link(path, staging)
    except FileNotFoundError:
        return
    except OSError:  # file systems without hard links: fall back to a copy
        with contextlib.suppress(FileNotFoundError):
            staging.write_bytes(path.read_bytes())
    os.replace(staging, bak)


#: orjson would write datetimes and dataclasses itself; the json module refuses them, and so do we.
ORJSON_OPTIONS = orjson.OPT_PASSTHROUGH_DATETIME | orjson.OPT_PASSTHROUGH_DATACLASS


def dumps(data: Any) -> bytes:
    """Serialise as readable UTF-8 JSON (Arabic stays Arabic in the file).

    orjson writes the same bytes as ``json.dumps(ensure_ascii=False, separators=(",", ":"))``
    three times faster (this runs for every stored article), except that some floats spell their
    exponent differently (``1e-7`` for ``1e-07``; the same number) and that NaN and infinities,
    which JSON does not have, become ``null`` instead of the non-standard ``NaN``.
    What orjson refuses (integers beyond 64 bits, keys that are not strings) goes through the
    standard library as before."""
    try:
        return orjson.dumps(data, option=ORJSON_OPTIONS)
    except TypeError:
        return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def read_json_file(path: Path) -> Any:
    """Read a JSON file written by this module; raise ProjectCorruptError naming the file."""
    path = Path(path)
    raw = path.read_bytes()
    bak = path.with_name(path.name + BACKUP_SUFFIX)
    backup = str(bak) if bak.exists() else None
    hint = (
        f" A backup exists: {bak}. Restore it with: python main.py restore PROJECT {path.name}"
        if backup
        else " No backup of it exists; restore the project folder from your own backups."
    )
    if not raw.strip():
        raise ProjectCorruptError(f"{path}: the file is empty (damaged).{hint}", str(path), backup)
    try:
        return json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise ProjectCorruptError(
            f"{path}: not valid UTF-8 at byte {exc.start} (damaged).{hint}", str(path), backup
        ) from None
    except json.JSONDecodeError as exc:
        what = "truncated" if exc.pos >= len(raw.rstrip()) - 1 else "not valid JSON"
        raise ProjectCorruptError(
            f"{path}: {what} at line {exc.lineno}, column {exc.colno} (damaged).{hint}",
            str(path),
            backup,
        ) from None


READ_CHUNK = 1 << 17  # an article's file is about 22 KB: one read, and one more that finds the end


def read_bytes(path: str | Path) -> bytes:
    """A file's bytes through the descriptor alone: no file object, no buffer, no ``fstat`` for the
    size (``open(path, "rb").read()`` makes two objects and asks for the size; this is about 3 us less a
    file, for a pass reading every document). Reads until the end is found, whatever the size."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    try:
        chunks = []
        while chunk := os.read(fd, READ_CHUNK):
            chunks.append(chunk)
    finally:
        os.close(fd)
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)


def read_json_fast(path: str | Path) -> Any:
    """``read_json_file`` for a read-only pass over many files (an export): the same value, parsed by
    orjson (about 2.5x faster than the json module on an article's file).

    orjson reads an integer past 64 bits as a float, where the json module keeps it exact; the
    app writes such integers only where the user's data goes (meta, attributes), so a file with a
    float there is read again with the json module. A file orjson refuses (damaged, or holding what
    only the json module accepts: NaN, a lone surrogate) goes through ``read_json_file``, which reads
    it or names the damage."""
    try:
        data = orjson.loads(read_bytes(path))
    except orjson.JSONDecodeError:
        return read_json_file(Path(path))
    if isinstance(data, dict) and _free_form_float(data):
        return read_json_file(Path(path))
    return data


def read_project_fast(path: Path) -> Any:
    """``read_json_file`` of a ``project.json``, parsed by orjson (its index has an entry per document:
    the json module takes as long again as every other step of opening a large project read-only).

    As in ``read_json_fast``, a file whose user data (the index's meta, the schema) holds a float,
    maybe an integer past 64 bits that orjson could not keep, and a file orjson refuses, go through
    ``read_json_file``."""
    try:
        data = orjson.loads(Path(path).read_bytes())
    except orjson.JSONDecodeError:
        return read_json_file(Path(path))
    if not isinstance(data, dict) or _project_float(data):
        return read_json_file(Path(path))
    return data


def _project_float(tables: dict[str, Any]) -> bool:
    try:
        for name, table in tables.items():
            if name == "index":
                if any(map(_has_float, filter(None, map(_META, table.values())))):
                    return True
            elif _has_float(table):
                return True
    except AttributeError:
        return True
    return False


def _free_form_float(tables: dict[str, Any]) -> bool:
    """Whether a document file's user data (the document's meta, the annotations' attributes) holds a
    float (or the file is not tables of records: it is then read the usual way, which says so)."""
    try:
        for name, table in tables.items():
            key = _META if name == "document" else _ATTRIBUTES
            # most records have none: the non-empty ones are picked out in C, then looked into
            if any(map(_has_float, filter(None, map(key, table.values())))):
                return True
    except AttributeError:
        return True
    return False


_META, _ATTRIBUTES = operator.methodcaller("get", "meta"), operator.methodcaller("get", "attributes")


def _has_float(value: Any) -> bool:
    if type(value) is float:
        return True
    if isinstance(value, dict):
        return any(map(_has_float, value.values()))
    if isinstance(value, list):
        return any(map(_has_float, value))
    return False


class DurableJSONStorage(Storage):
    """A TinyDB storage that keeps the data in memory and writes it durably on every change.

    TinyDB reads the whole dict, modifies it, and writes it back; this storage hands out its
    cached dict (as tinydb's MemoryStorage does) so a read costs nothing, and turns every write
    into an atomic, fsynced file replacement. Inside ``batch()`` writes are collected and
    flushed once at the end, so a multi-table edit is one atomic write; if the block raises,
    the in-memory data is reloaded from disk and nothing is written.

    ``path=None`` gives the memory backend used by tests and notebooks.
    """

    def __init__(
        self, path: str | Path | None = None, backup: bool = True, deferred: bool = False, **_: Any
    ) -> None:
        self.path = Path(path) if path is not None else None
        self.backup = backup
        # deferred: writes stay in memory until flush(); the project's journal makes them durable
        self.deferred = deferred
        self._data: dict[str, Any] | None = None
        self._loaded = False
        self._batch = 0
        self._dirty = False
        self._snapshot = b"null"
        self._seed: bytes | None = None

    def seed(self, data: dict[str, Any]) -> None:
        """Start from ``data`` instead of the file until the next write (a document kept in a pack
        until its first change, or one added back whose old file is still there): reads see it,
        and a failed batch rolls back to it."""
        self._seed = dumps(data)
        self._data = data
        self._loaded = True

    def preload(self, data: dict[str, Any]) -> None:
        """Take ``data``, just read from the file by the caller, as the file's content (no seed: a
        failed batch reloads from the file, as after ``read``)."""
        self._data = data
        self._loaded = True

    def read(self) -> dict[str, Any] | None:
        if not self._loaded:
            self._load()
        return self._data

    def _load(self) -> None:
        if self._seed is not None:
            self._data = json.loads(self._seed)
        elif self.path is not None and self.path.exists():
            data = read_json_file(self.path)
            if not isinstance(data, dict):
                raise ProjectCorruptError(
                    f"{self.path}: expected a JSON object of tables (damaged).", str(self.path)
                )
            self._data = data
        else:
            self._data = None
        self._loaded = True

    def write(self, data: dict[str, Any]) -> None:
        self._data = data
        self._loaded = True
        if self._batch or self.deferred:
            self._dirty = True
        else:
            self._flush()

    @property
    def dirty(self) -> bool:
        return self._dirty

    def flush(self, sync_dir: bool = True) -> None:
        """Write pending (deferred) changes durably now (see atomic_write_bytes for sync_dir)."""
        if self._dirty:
            self._flush(sync_dir)
            self._dirty = False

    def _flush(self, sync_dir: bool = True) -> None:
        if self.path is not None and self._data is not None:
            atomic_write_bytes(self.path, dumps(self._data), backup=self.backup, sync_dir=sync_dir)
            self._seed = None  # the file holds it now

    @contextlib.contextmanager
    def batch(self) -> Iterator[None]:
        """Group writes into one durable write; roll back the cache if the block fails."""
        if self._batch == 0 and self.path is None:
            # memory backend: keep a copy to roll back to (the file backend reloads from disk)
            self._snapshot = dumps(self.read())
        self._batch += 1
        try:
            yield
        except BaseException:
            self._batch -= 1
            if self._batch == 0:
                self._dirty = False
                if self.path is not None:
                    self._loaded = False  # reload the last durable state
                    self._data = None
                else:
                    self._data = json.loads(self._snapshot)
            raise
        self._batch -= 1
        if self._batch == 0 and self._dirty and not self.deferred:
            self._dirty = False
            try:
                self._flush()
            except BaseException:
                if self.path is not None:
                    self._loaded = False
                    self._data = None
                raise

    def close(self) -> None:
        pass



def fdatasync(fd: int) -> None:
    if hasattr(os, "fdatasync"):
        os.fdatasync(fd)
    else:  # pragma: no cover - macOS/Windows
        os.fsync(fd)

