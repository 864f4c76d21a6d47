"""The write-ahead journal: one checksummed line per change, appended and fsynced."""

from __future__ import annotations

import json
import os
import zlib
from pathlib import Path
from typing import Any

from ..errors import ProjectCorruptError
from .files import dumps, fdatasync, fsync_dir


class Journal:
    """An append-only, checksummed write-ahead log: one fsync per change.

    Each line is ``<crc32 hex> <json>\n``. A change is durable once its line is fsynced; the
    files it describes are brought up to date later (compaction) and the journal is then
    emptied. On open, the lines are replayed in order: each holds complete "after" records, so
    replaying a line twice gives the same result. A torn last line (a crash in the middle of an
    append, never acknowledged) is ignored; a damaged line before it is reported.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None
        self.size = 0
        self.count = 0

    def _open(self) -> int:
        if self._fd is None:
            existed = self.path.exists()
            self._fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
            self.size = os.fstat(self._fd).st_size
            if not existed:
                fsync_dir(self.path.parent)
        return self._fd

    def append(self, entry: Any) -> None:
        payload = dumps(entry)
        line = b"%08x " % zlib.crc32(payload) + payload + b"\n"
        fd = self._open()
        view = memoryview(line)
        while view:
            view = view[os.write(fd, view):]
        fdatasync(fd)
        self.size += len(line)
        self.count += 1

    def reset(self) -> None:
        """Empty the journal (after everything in it has been written to its files)."""
        fd = self._open()
        os.ftruncate(fd, 0)
        os.fsync(fd)
        self.size = 0
        self.count = 0

    def close(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None

    @staticmethod
    def read(path: Path) -> list[Any]:
        """The complete entries of a journal file, in order."""
        if not path.exists():
            return []
        raw = path.read_bytes()
        lines = raw.split(b"\n")
        entries = []
        for number, line in enumerate(lines, start=1):
            last = number == len(lines) or (number == len(lines) - 1 and lines[-1] == b"")
            if not line:
                continue
            try:
                crc, _, payload = line.partition(b" ")
                if int(crc, 16) != zlib.crc32(payload):
                    raise ValueError("checksum mismatch")
                entries.append(json.loads(payload.decode("utf-8")))
            except (ValueError, UnicodeDecodeError):
                if last:
                    break  # torn final append: it was never acknowledged
                raise ProjectCorruptError(
                    f"{path}: line {number} is damaged, and later changes depend on it. Move the file "
                    "aside to open the project without the changes made since it was last saved.",
                    str(path),
                ) from None
        return entries
