"""Exceptions raised by the annotation core; each message says what went wrong and what to do."""

from __future__ import annotations

import errno as _errno
import os


class AnnotationError(ValueError):
    """Base class: an invalid call. Nothing was stored when this is raised."""


class InvalidSpanError(AnnotationError):
    """Offsets out of range, empty span, or an unknown label."""


class UnknownLabelError(AnnotationError):
    """A label, event type, relation type or role that the schema does not define."""


class DanglingReferenceError(AnnotationError):
    """A reference to a span/event that does not exist or lives in another document."""


class InUseError(AnnotationError):
    """Removing something that an event or relation still uses (and cascade was not asked)."""


class TextLockedError(AnnotationError):
    """Changing the text of a document that already has annotations."""


class NotFoundError(AnnotationError, KeyError):
    """An id that the project does not contain."""

    def __str__(self) -> str:  # KeyError would otherwise quote the message
        return str(self.args[0]) if self.args else ""


class SchemaError(AnnotationError):
    """A schema file or schema edit that is not valid."""


class ProjectError(Exception):
    """A project that cannot be opened or written; the message names the file."""


class ProjectLockedError(ProjectError):
    """Another live process holds the project.

    Attributes:
        pid: process id of the holder.
        host: host name of the holder.
    """

    def __init__(self, message: str, pid: int | None = None, host: str | None = None):
        super().__init__(message)
        self.pid = pid
        self.host = host


class ProjectCorruptError(ProjectError):
    """A project file is damaged (truncated, garbage, empty).

    Attributes:
        path: the damaged file.
        backup: a backup that can restore it, or None.
    """

    def __init__(self, message: str, path: str, backup: str | None = None):
        super().__init__(message)
        self.path = path
        self.backup = backup


class ProjectVersionError(ProjectError):
    """The project was written by a newer version of the app."""


#: what a failed write means to the user, and what to do about it, by errno
_WRITE_FAILURES = {
    _errno.ENOSPC: ("the disk is full", "Free some space on that disk, then try again."),
    _errno.EDQUOT: ("the disk quota is used up", "Free some space (or ask for a larger quota), then try again."),
    _errno.EROFS: ("the folder is on a read-only disk",
                   "Copy the project to a writable folder (or make the disk writable) and open it there."),
    _errno.EACCES: ("no permission to write it",
                    "Check the permissions of the project folder, or open a copy in a folder you own."),
    _errno.EPERM: ("no permission to write it",
                   "Check the permissions of the project folder, or open a copy in a folder you own."),
}


class ProjectWriteError(ProjectError, OSError):
    """A project file could not be written (disk full, read-only disk, no permission...).

    It is an ``OSError`` too, with the original ``errno``. The message names the file, says
    what happened in plain words, what is already saved and what to do.

    Attributes:
        path: the file that could not be written.
        what: what happened, in plain words ("the disk is full").
        todo: what to do about it.
    """

    def __init__(self, message: str, path: str, code: int | None, what: str, todo: str) -> None:
        super().__init__(message)
        self.errno = code  # type: ignore[misc]
        self.strerror = what  # type: ignore[misc]
        self.filename = path
        self.path = path
        self.what = what
        self.todo = todo

    def __str__(self) -> str:  # OSError would print "[Errno n] strerror: filename"
        return str(self.args[0]) if self.args else ""

    @classmethod
    def of(cls, exc: OSError, path: str | os.PathLike[str], saved: str) -> ProjectWriteError:
        """The plain error for ``exc`` raised while writing ``path``; ``saved`` says what is
        already saved (or that nothing changed). An error already made plain gets ``saved``."""
        if isinstance(exc, ProjectWriteError):
            return cls(f"{exc.path}: cannot write it ({exc.what}). {saved} {exc.todo}", exc.path,
                       exc.errno, exc.what, exc.todo)
        what, todo = _WRITE_FAILURES.get(exc.errno or -1, (None, "Check the disk, then try again."))
        if what is None:
            what = (exc.strerror or str(exc)).lower()
        return cls(f"{os.fspath(path)}: cannot write it ({what}). {saved} {todo}", os.fspath(path),
                   exc.errno, what, todo)
