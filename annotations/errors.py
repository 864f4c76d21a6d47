"""Exceptions raised by the annotation core; each message says what went wrong and what to do."""

from __future__ import annotations


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
