"""The write-ahead journal: one checksummed line per change, appended and fsynced."""

from __future__ import annotations

import contextlib
import json
import os
import re
import time
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import ProjectWriteError
from .files import atomic_write_bytes, dumps, fdatasync, fsync_dir

#: where a journal line begins: its checksum and a space (found inside a line that a failed
#: append left a fragment in front of)
_LINE_START = re.compile(rb"[0-9a-f]{8} ")
DAMAGED_PREFIX = "journal.damaged-"  # a journal with damaged lines is kept as journal.damaged-<time>
UNAPPLIED_PREFIX = "journal.unapplied-"  # ...one with changes to documents that no file holds


@dataclass
class JournalRead:
    """What a journal file holds.

    Attributes:
        entries: the complete, checksummed changes, in order.
        notes: one sentence per line that was skipped, naming the line.
        lost: the notes of complete lines that could not be read (acknowledged changes that
            were not applied: damage to report, not a torn write).
    """

    entries: list[Any] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    lost: list[str] = field(default_factory=list)


class Journal:
    """An append-only, checksummed write-ahead log: one fsync per change.

    Each line is ``<crc32 hex> <json>\n``. A change is durable once its line is fsynced; the
    files it describes are brought up to date later (compaction) and the journal is then
    emptied. On open, the lines are replayed in order: each holds complete "after" records, so
    replaying a line twice gives the same result, and skipping one that cannot be read leaves
    the others right.

    A failed append (a full disk) cuts the file back to its last complete line before the
    error is raised, so the next change never lands behind a fragment. Reading: a last piece
    without a newline is a torn append (a crash in the middle of it, never acknowledged) and is
    dropped quietly; a complete line whose checksum fails is damage, reported; a fragment left
    in front of a line (by older versions) is skipped and the line after it kept.
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
        """Append one change and fsync it.

        Raises:
            ProjectWriteError: it could not be written (the journal is as it was before).
        """
        payload = dumps(entry)
        line = b"%08x " % zlib.crc32(payload) + payload + b"\n"
        try:
            fd = self._open()
            view = memoryview(line)
            while view:
                view = view[os.write(fd, view):]
            fdatasync(fd)
        except OSError as exc:
            if self._fd is not None:
                with contextlib.suppress(OSError):  # the part written must not stay in front of the next line
                    os.ftruncate(self._fd, self.size)
                    fdatasync(self._fd)
            raise ProjectWriteError.of(exc, self.path, "This change was not saved; earlier changes are saved.") \
                from None
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
    def read(path: Path) -> JournalRead:
        """The complete entries of a journal file, in order, and what was skipped."""
        out = JournalRead()
        if not path.exists():
            return out
        lines = path.read_bytes().split(b"\n")
        for number, line in enumerate(lines[:-1], start=1):  # lines[-1]: after the last newline
            if not line:
                continue
            entry = _entry(line)
            if entry is not None:
                out.entries.append(entry)
                continue
            glued = next((m.start() for m in _LINE_START.finditer(line, 1)
                          if _entry(line[m.start():]) is not None), None)
            if glued is not None:
                out.entries.append(_entry(line[glued:]))
                out.notes.append(f"{path}: line {number} began with {glued} byte(s) of a change that was never "
                                 "saved (a failed write); they were skipped and the change after them kept")
            else:
                out.lost.append(f"{path}: line {number} is damaged (its checksum does not match); the change "
                                "saved on it cannot be read and was not applied")
                out.notes.append(out.lost[-1])
        return out

    @staticmethod
    def keep_aside(path: Path, prefix: str) -> Path:
        """Copy the journal durably to ``<prefix><time>`` next to it (before it is emptied)."""
        stamp = time.strftime("%Y%m%d-%H%M%S")
        aside = path.with_name(prefix + stamp)
        n = 1
        while aside.exists():
            n += 1
            aside = path.with_name(f"{prefix}{stamp}-{n}")
        atomic_write_bytes(aside, path.read_bytes())
        return aside


def _entry(line: bytes) -> Any:
    """The change on one journal line, or None if the line is not a complete, checksummed one."""
    crc, _, payload = line.partition(b" ")
    try:
        if len(crc) != 8 or int(crc, 16) != zlib.crc32(payload):
            return None
        return json.loads(payload.decode("utf-8"))
    except (ValueError, UnicodeDecodeError):
        return None
