"""Fault injection for store tests: a file system that fails on demand, and a real small tmpfs.

Only the ``os`` module is patched (``os.write``, ``os.fsync``...), never a private name of the
store, so the tests keep working however the store's modules are laid out. A call is matched by
the path its file descriptor points at (``/proc/self/fd``), so Linux is required.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

LINUX_ONLY = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="needs /proc/self/fd (Linux)")


def fd_path(fd: int) -> str:
    """The path an open file descriptor points at ('' if unknown)."""
    try:
        return os.readlink(f"/proc/self/fd/{fd}")
    except OSError:
        return ""


class FailingWrites:
    """Make ``os.write`` fail with ``code`` for descriptors whose path satisfies ``match``.

    ``partial=True`` imitates a disk that fills in the middle of a write: the first matching
    call writes half of its bytes and returns the short count, every later one raises. While
    ``armed`` is false, writes go through. ``failed`` counts the calls that raised.
    """

    def __init__(self, monkeypatch: pytest.MonkeyPatch, match: Callable[[str], bool],
                 code: int = errno.ENOSPC, partial: bool = True, after: int = 0) -> None:
        self.match = match
        self.code = code
        self.partial = partial
        self.after = after  # matching writes let through before failing starts
        self.armed = True
        self.failed = 0
        self.fragments = 0
        self._real = os.write
        monkeypatch.setattr(os, "write", self._write)

    def _write(self, fd: int, data: bytes | memoryview) -> int:
        if not self.armed or not self.match(fd_path(fd)):
            return self._real(fd, data)
        if self.after > 0:
            self.after -= 1
            return self._real(fd, data)
        if self.partial and self.fragments == 0 and len(data) > 1:
            self.fragments += 1
            return self._real(fd, bytes(data[: len(data) // 2]))
        self.failed += 1
        raise OSError(self.code, os.strerror(self.code))


class RecordedFsyncs:
    """Record the path of every ``os.fsync``/``os.fdatasync`` call."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.paths: list[str] = []
        for name in ("fsync", "fdatasync"):
            real = getattr(os, name, None)
            if real is not None:
                monkeypatch.setattr(os, name, self._wrap(real))

    def _wrap(self, real: Callable[[int], None]) -> Callable[[int], None]:
        def call(fd: int) -> None:
            self.paths.append(fd_path(fd))
            real(fd)

        return call


def crash_copy(folder: Path, dest: Path) -> Path:
    """What ``kill -9`` of the process holding ``folder`` would leave on disk: its files as
    they are now (every completed write is in the page cache), without a clean close."""
    shutil.copytree(folder, dest)
    return dest


@contextlib.contextmanager
def small_tmpfs(folder: Path, size: str = "2m") -> Iterator[Path]:
    """Mount a tmpfs of ``size`` on ``folder`` (created); skip the test if mounting is not allowed."""
    folder.mkdir(parents=True, exist_ok=True)
    if not sys.platform.startswith("linux") or shutil.which("mount") is None:
        pytest.skip("a small tmpfs needs Linux and mount")
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
                          capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here ({done.stderr.strip() or 'not permitted'}); "
                    "run as root to test a really full disk")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True)


def fill(folder: Path) -> Path:
    """Fill the file system holding ``folder`` up to the last byte; returns the filler file."""
    filler = folder / "filler.bin"
    chunk = b"\0" * 65536
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    try:
        while True:
            try:
                os.write(fd, chunk)
            except OSError as exc:
                if exc.errno != errno.ENOSPC:
                    raise
                break
        for size in (4096, 512, 1):  # the last partial chunk
            while True:
                try:
                    os.write(fd, b"\0" * size)
                except OSError:
                    break
    finally:
        os.close(fd)
    return filler


def resize(folder: Path, size: str) -> None:
    """Give a tmpfs mounted by ``small_tmpfs`` a new size (frees space without touching its files)."""
    subprocess.run(["mount", "-o", f"remount,size={size}", str(folder)], check=True, capture_output=True)
