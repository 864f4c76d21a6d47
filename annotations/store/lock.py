"""One writer at a time: the project's ``lock`` file, held with an OS advisory lock."""

from __future__ import annotations

import contextlib
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

from ..errors import ProjectLockedError, ProjectWriteError
from .files import dumps


def _hostname() -> str:
    if hasattr(os, "uname"):
        return os.uname().nodename  # what socket.gethostname() gives on POSIX, without importing socket
    import socket  # Windows

    return socket.gethostname()



class ProjectLock:
    """One writer at a time: an OS advisory lock on ``lock`` plus who holds it.

    The kernel releases an ``flock``/``msvcrt`` lock when its process dies, so a lock left by a
    crashed process is simply taken over; the stale holder's pid/host is reported in
    ``stale_holder`` for the UI.
    """

    def __init__(self, folder: Path) -> None:
        self.path = folder / "lock"
        self._fd: int | None = None
        self.stale_holder: dict[str, Any] | None = None

    def acquire(self) -> None:
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except PermissionError:
            raise
        except OSError as exc:  # a read-only disk, a full one (no room for a new file)...
            raise ProjectWriteError.of(exc, self.path, "The project was not opened; nothing in it was changed.") \
                from None
        try:
            _try_lock(fd)
        except OSError:
            holder = self._read_holder(fd)
            os.close(fd)
            pid, host = holder.get("pid"), holder.get("host")
            since = holder.get("since", "unknown time")
            raise ProjectLockedError(
                f"{self.path.parent} is open in another process (pid {pid} on host {host}, "
                f"since {since}). Close the project there first.",
                pid,
                host,
            ) from None
        previous = self._read_holder(fd)
        if previous.get("pid") and previous.get("pid") != os.getpid():
            self.stale_holder = previous  # its process died without releasing: taken over
        info = {
            "pid": os.getpid(),
            "host": _hostname(),
            "since": time.strftime("%Y-%m-%dT%H:%M:%S"),
        }
        try:
            os.ftruncate(fd, 0)
            os.lseek(fd, 0, os.SEEK_SET)
            os.write(fd, dumps(info))
            os.fsync(fd)
        except OSError as exc:  # a full disk: give the lock back, or this process could never reopen it
            _unlock(fd)
            os.close(fd)
            raise ProjectWriteError.of(exc, self.path, "The project was not opened; nothing in it was changed.") \
                from None
        self._fd = fd

    @staticmethod
    def _read_holder(fd: int) -> dict[str, Any]:
        try:
            os.lseek(fd, 0, os.SEEK_SET)
            raw = os.read(fd, 4096)
            data = json.loads(raw.decode("utf-8")) if raw.strip() else {}
            return data if isinstance(data, dict) else {}
        except (OSError, ValueError):
            return {}

    def release(self) -> None:
        if self._fd is None:
            return
        with contextlib.suppress(OSError):
            os.ftruncate(self._fd, 0)
        _unlock(self._fd)
        os.close(self._fd)
        self._fd = None


if sys.platform.startswith("win"):  # pragma: no cover - exercised by the Windows CI build only
    import msvcrt

    def _try_lock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)

    def _unlock(fd: int) -> None:
        with contextlib.suppress(OSError):
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(fd: int) -> None:
        with contextlib.suppress(OSError):
            fcntl.flock(fd, fcntl.LOCK_UN)
