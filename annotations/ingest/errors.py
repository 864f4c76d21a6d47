"""The one exception ingestion raises for bad input; its message is the plain-words report line."""

from __future__ import annotations


class IngestError(Exception):
    """A file, record or archive that cannot be imported.

    The message is written for the user: what is wrong and, where possible, what to do.

    Attributes:
        line: 1-based line (JSONL/CSV record, or the line of a bad byte), or None.
    """

    def __init__(self, message: str, line: int | None = None):
        super().__init__(message)
        self.line = line
